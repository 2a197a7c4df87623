"""Who may do what: the permission matrices of seed 004 §14, as data.

The service layer checks these; the UI only uses them to hide what a role cannot do.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.enums import Role
from app.domain.errors import PermissionDenied
from app.domain.messages import N_, Msg, joined, messages

M = messages(__name__)

R = Role
ADMINS = frozenset({R.HOSPITAL_ADMIN, R.SUPER_ADMIN})


class Permission(StrEnum):
    VIEW_QUEUE = "VIEW_QUEUE"
    CHECK_IN = "CHECK_IN"
    WALK_IN = "WALK_IN"
    COLLECT_COPAY = "COLLECT_COPAY"
    RECORD_VITALS = "RECORD_VITALS"
    START_CONSULTATION = "START_CONSULTATION"
    COMPLETE_CONSULTATION = "COMPLETE_CONSULTATION"
    PREAUTH_OVERRIDE = "PREAUTH_OVERRIDE"
    REQUEST_PREAUTH = "REQUEST_PREAUTH"
    ADD_INSURANCE = "ADD_INSURANCE"
    REQUEST_REFUND = "REQUEST_REFUND"
    APPROVE_REFUND = "APPROVE_REFUND"
    PROCESS_REFUND = "PROCESS_REFUND"
    DELETE_REFUND = "DELETE_REFUND"
    VIEW_REFUNDS = "VIEW_REFUNDS"
    VIEW_AUDIT = "VIEW_AUDIT"
    EXPORT_AUDIT = "EXPORT_AUDIT"
    VERIFY_ELIGIBILITY = "VERIFY_ELIGIBILITY"
    MANUAL_VERIFY_INSURANCE = "MANUAL_VERIFY_INSURANCE"
    VIEW_CLAIMS = "VIEW_CLAIMS"
    MANAGE_SETTINGS = "MANAGE_SETTINGS"
    MANAGE_USERS = "MANAGE_USERS"
    TOP_UP_DEPOSIT = "TOP_UP_DEPOSIT"
    MANAGE_CLAIMS = "MANAGE_CLAIMS"
    VIEW_SYNC_STATUS = "VIEW_SYNC_STATUS"
    RUN_SYNC = "RUN_SYNC"
    MANAGE_OPENDENTAL = "MANAGE_OPENDENTAL"
    BOOK_APPOINTMENT = "BOOK_APPOINTMENT"
    OVERRIDE_ELIGIBILITY = "OVERRIDE_ELIGIBILITY"
    VIEW_ACTIVITY = "VIEW_ACTIVITY"
    VIEW_DASHBOARD = "VIEW_DASHBOARD"
    MANAGE_SHIFT = "MANAGE_SHIFT"
    APPROVE_SHIFT_DIFFERENCE = "APPROVE_SHIFT_DIFFERENCE"
    WRITE_OFF_BALANCE = "WRITE_OFF_BALANCE"
    REQUEST_OVERPAID_REFUND = "REQUEST_OVERPAID_REFUND"


P = Permission
_FRONT = frozenset({R.RECEPTIONIST}) | ADMINS

MATRIX: dict[Permission, frozenset[Role]] = {
    P.VIEW_QUEUE: frozenset(Role),
    P.CHECK_IN: _FRONT,
    P.WALK_IN: _FRONT,
    P.COLLECT_COPAY: _FRONT,
    P.RECORD_VITALS: frozenset({R.NURSE}) | ADMINS,
    P.START_CONSULTATION: frozenset({R.DOCTOR}) | ADMINS,
    P.COMPLETE_CONSULTATION: frozenset({R.DOCTOR}) | ADMINS,
    P.PREAUTH_OVERRIDE: ADMINS,
    # Not in the seed's tables: the desk that checks patients in asks for pre-auths and adds
    # the insurance card the patient hands over (seed 004 §2, GAP 1).
    P.REQUEST_PREAUTH: _FRONT,
    P.ADD_INSURANCE: _FRONT,
    P.REQUEST_REFUND: _FRONT,
    P.APPROVE_REFUND: frozenset({R.ACCOUNTANT}) | ADMINS,
    P.PROCESS_REFUND: frozenset({R.ACCOUNTANT}) | ADMINS,
    P.DELETE_REFUND: frozenset({R.SUPER_ADMIN}),
    P.VIEW_REFUNDS: frozenset({R.RECEPTIONIST, R.ACCOUNTANT}) | ADMINS,
    P.VIEW_AUDIT: frozenset({R.ACCOUNTANT}) | ADMINS,
    P.EXPORT_AUDIT: frozenset({R.ACCOUNTANT}) | ADMINS,
    P.VERIFY_ELIGIBILITY: _FRONT,
    P.MANUAL_VERIFY_INSURANCE: ADMINS,
    P.VIEW_CLAIMS: frozenset({R.ACCOUNTANT}) | ADMINS,
    P.MANAGE_SETTINGS: ADMINS,
    P.MANAGE_USERS: ADMINS,
    P.TOP_UP_DEPOSIT: frozenset({R.RECEPTIONIST, R.ACCOUNTANT}) | ADMINS,
    # OpenDental claims and sync (issue 12): accountants follow claims and the sync's health.
    P.MANAGE_CLAIMS: frozenset({R.ACCOUNTANT}) | ADMINS,
    P.VIEW_SYNC_STATUS: frozenset({R.ACCOUNTANT}) | ADMINS,
    P.RUN_SYNC: ADMINS,
    P.MANAGE_OPENDENTAL: ADMINS,
    # Booking with slots (issue 14, seed 004 §13): the desk books, reschedules and cancels.
    P.BOOK_APPOINTMENT: _FRONT,
    # Issue 13: an administrator overrides an appointment's eligibility (seed 000), audited.
    P.OVERRIDE_ELIGIBILITY: ADMINS,
    P.VIEW_ACTIVITY: ADMINS,  # the activity log viewer, as AuditService.activity
    # The billing office's dashboard (issue 13): schedule, claims aging, revenue.
    P.VIEW_DASHBOARD: frozenset({R.ACCOUNTANT}) | ADMINS,
    # Cash drawer shifts (issue 14): everyone who takes or pays out cash at a desk.
    P.MANAGE_SHIFT: frozenset({R.RECEPTIONIST, R.ACCOUNTANT}) | ADMINS,
    P.APPROVE_SHIFT_DIFFERENCE: frozenset({R.ACCOUNTANT}) | ADMINS,
    # Issue 13: the billing office writes off an underpaid balance it will not collect.
    P.WRITE_OFF_BALANCE: frozenset({R.ACCOUNTANT}) | ADMINS,
    # Issue 13: the billing office finds an overpaid visit on Reconciliation and asks for the
    # difference back there. Seed 004's REQUEST_REFUND (any refund, from the Refunds page)
    # stays the desk's; this one asks only for the adjudicated overpayment (capped by the
    # service), and a refund an accountant asked for is never approved by the same person,
    # whatever the maker-checker threshold (app/services/refunds.py).
    P.REQUEST_OVERPAID_REFUND: _FRONT | frozenset({R.ACCOUNTANT}),
}

_LABELS = {
    R.RECEPTIONIST: N_("Receptionist"),
    R.NURSE: N_("Nurse"),
    R.DOCTOR: N_("Doctor"),
    R.ACCOUNTANT: N_("Accountant"),
    R.HOSPITAL_ADMIN: N_("Hospital Admin"),
    R.SUPER_ADMIN: N_("Super Admin"),
}

_ACTIONS = {
    P.VIEW_QUEUE: N_("view the OPD queue"),
    P.CHECK_IN: N_("check patients in"),
    P.WALK_IN: N_("register walk-in patients"),
    P.COLLECT_COPAY: N_("collect, waive or defer copays"),
    P.RECORD_VITALS: N_("record vitals"),
    P.START_CONSULTATION: N_("start consultations"),
    P.COMPLETE_CONSULTATION: N_("complete consultations"),
    P.PREAUTH_OVERRIDE: N_("override a pre-authorisation"),
    P.REQUEST_PREAUTH: N_("request pre-authorisations"),
    P.ADD_INSURANCE: N_("add insurance policies"),
    P.REQUEST_REFUND: N_("request refunds"),
    P.APPROVE_REFUND: N_("approve or reject refunds"),
    P.PROCESS_REFUND: N_("process refunds"),
    P.DELETE_REFUND: N_("delete refund requests"),
    P.VIEW_REFUNDS: N_("view refunds"),
    P.VIEW_AUDIT: N_("view the insurance audit log"),
    P.EXPORT_AUDIT: N_("export the audit log"),
    P.VERIFY_ELIGIBILITY: N_("verify insurance eligibility"),
    P.MANUAL_VERIFY_INSURANCE: N_("verify or reject insurance manually"),
    P.VIEW_CLAIMS: N_("view claims and payments"),
    P.MANAGE_SETTINGS: N_("change settings"),
    P.MANAGE_USERS: N_("manage users"),
    P.TOP_UP_DEPOSIT: N_("top up patient deposits"),
    P.MANAGE_CLAIMS: N_("draft, submit and resubmit insurance claims"),
    P.VIEW_SYNC_STATUS: N_("view the OpenDental sync status"),
    P.RUN_SYNC: N_("run a sync job now"),
    P.MANAGE_OPENDENTAL: N_("manage OpenDental connections"),
    P.BOOK_APPOINTMENT: N_("book, reschedule or cancel appointments"),
    P.OVERRIDE_ELIGIBILITY: N_("override an appointment's eligibility"),
    P.VIEW_ACTIVITY: N_("view the activity log"),
    P.VIEW_DASHBOARD: N_("view the office dashboard"),
    P.MANAGE_SHIFT: N_("open and close cash drawer shifts"),
    P.APPROVE_SHIFT_DIFFERENCE: N_("approve a cash drawer difference"),
    P.WRITE_OFF_BALANCE: N_("write off a patient's balance"),
    P.REQUEST_OVERPAID_REFUND: N_("request the refund of an overpaid visit"),
}


def role_label(role: Role) -> str:
    """The role's name in English (a catalogue entry: the UI shows it with ``tr()``)."""
    return _LABELS[role]


def _label_msg(role: Role) -> Msg:
    return Msg("roles.role", _LABELS[role])


def can(role: Role, permission: Permission) -> bool:
    return role in MATRIX[permission]


def require(role: Role, permission: Permission) -> None:
    """Raise PermissionDenied naming the roles that may do this."""
    if can(role, permission):
        return
    # The labels are catalogue entries of their own (N_ above): a Msg whose text is the label
    # is shown translated.
    allowed = joined([_label_msg(r) for r in Role if r in MATRIX[permission]], ", ")
    raise PermissionDenied(
        M("only_allowed_may", "Only {allowed} may {action}; you are signed in as {role}.",
          allowed=allowed, action=Msg("roles.action", _ACTIONS[permission]),
          role=_label_msg(role)),
        permission=permission.value,
        role=role.value,
    )
