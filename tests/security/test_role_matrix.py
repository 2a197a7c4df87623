"""Every public method of every service in bootstrap.Services x every role.

The methods are found by introspection, so a method added without an entry here (and so
without a decided role check) fails this test. Each entry says which roles may call the
method; every method is called once per role with minimal arguments: a refused role must get
PermissionDenied and leave every table as it was; an allowed role must get past the role
check (any other typed error, e.g. NotFound for the placeholder ids, is fine).

The seed's matrices (seed 004 §14) are written down once, below, and app/domain/roles.py is
checked against them; the expectations of the methods are derived from roles.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from app.bootstrap import Services
from app.domain.eid import luhn_check_digit
from app.domain.eligibility import AlertAction
from app.domain.enums import PaymentMethod, RefundMethod, RefundReason, Role, VisitType
from app.domain.errors import DomainError, PermissionDenied
from app.domain.roles import ADMINS, MATRIX, Permission
from app.domain.vitals import VitalsInput
from tests.security.conftest import Desk, all_row_counts

R = Role
P = Permission
ALL = frozenset(Role)

# --- seed 004 §14, verbatim -------------------------------------------------------------------
SEED_MATRIX: dict[Permission, frozenset[Role]] = {
    P.CHECK_IN: frozenset({R.RECEPTIONIST, R.HOSPITAL_ADMIN, R.SUPER_ADMIN}),
    P.WALK_IN: frozenset({R.RECEPTIONIST, R.HOSPITAL_ADMIN, R.SUPER_ADMIN}),
    P.RECORD_VITALS: frozenset({R.NURSE, R.HOSPITAL_ADMIN, R.SUPER_ADMIN}),
    P.START_CONSULTATION: frozenset({R.DOCTOR, R.HOSPITAL_ADMIN, R.SUPER_ADMIN}),
    P.REQUEST_REFUND: frozenset({R.RECEPTIONIST, R.HOSPITAL_ADMIN, R.SUPER_ADMIN}),
    P.APPROVE_REFUND: frozenset({R.HOSPITAL_ADMIN, R.SUPER_ADMIN, R.ACCOUNTANT}),
    P.PROCESS_REFUND: frozenset({R.HOSPITAL_ADMIN, R.SUPER_ADMIN, R.ACCOUNTANT}),
    P.DELETE_REFUND: frozenset({R.SUPER_ADMIN}),
    P.VIEW_AUDIT: frozenset({R.HOSPITAL_ADMIN, R.SUPER_ADMIN, R.ACCOUNTANT}),
    P.EXPORT_AUDIT: frozenset({R.HOSPITAL_ADMIN, R.SUPER_ADMIN, R.ACCOUNTANT}),
}


def test_roles_py_carries_the_seed_matrix() -> None:
    for permission, roles in SEED_MATRIX.items():
        assert MATRIX[permission] == roles, permission


def roles(*permissions: Permission) -> frozenset[Role]:
    """Roles holding any of ``permissions`` (from app/domain/roles.py)."""
    out: frozenset[Role] = frozenset()
    for p in permissions:
        out |= MATRIX[p]
    return out


# --- methods that take no role check, and why ----------------------------------------------------
NO_ROLE = {
    "auth.login": "signing in: there is no actor yet (wrong passwords are counted and locked)",
    "auth.unlock": "a new sign-in with the user's own password after the idle lock",
    "auth.end_session": "ends the caller's own session (sign-out, lock, exit); idempotent",
    "auth.create_user": "admin command at the server (python -m app create-user): no actor",
    "onboarding.create_clinic": "first start of an empty database: nobody exists to sign in; "
                                "refused as soon as any hospital exists (race-safe)",
    "onboarding.needs_setup": "asked before sign-in: whether the database has a hospital yet",
    "opendental_connections.close": "lifecycle at exit: stops the loopback sandbox; no actor",
    "sync_status.close": "lifecycle at exit: closes the sync engine's clients; no actor",
}
NOT_SERVICES = {
    "dha": "DhaGatewayProvider: adapter cache for the eligibility service, takes no actor; "
           "its callers (eligibility, settings) check role and session",
}

EID = "7841990123456" + "7"
EID = EID[:14] + str(luhn_check_digit(EID[:14]))

Args = Callable[[Desk, Any], tuple[tuple, dict]]
NO_ID = 2_000_000_000  # an id no test row has: allowed roles get NotFound, not a write


def a(*args: Any, **kwargs: Any) -> Args:
    return lambda desk, tmp: (args, kwargs)


# method -> (roles allowed, arguments after the actor)
EXPECTED: dict[str, tuple[frozenset[Role], Args]] = {
    "auth.check_session": (ALL, a()),
    "auth.revoke": (roles(P.MANAGE_USERS), a("00000000-0000-0000-0000-000000000000")),
    "auth.open_sessions": (roles(P.MANAGE_USERS), a()),
    "queue.day": (roles(P.VIEW_QUEUE), a(dt.date(2026, 3, 10))),
    "queue.row": (roles(P.VIEW_QUEUE), a(NO_ID)),
    "queue.check_in": (roles(P.CHECK_IN), a(NO_ID)),
    "queue.record_vitals": (roles(P.RECORD_VITALS), a(NO_ID, VitalsInput(heart_rate=70))),
    "queue.start_consultation": (roles(P.START_CONSULTATION), a(NO_ID)),
    "queue.complete": (roles(P.COMPLETE_CONSULTATION), a(NO_ID)),
    "queue.create_walk_in": (roles(P.WALK_IN), a(NO_ID, NO_ID, VisitType.CONSULTATION)),
    "copay.quote": (roles(P.COLLECT_COPAY), a(NO_ID)),
    "copay.quote_naive": (roles(P.COLLECT_COPAY), a(NO_ID)),
    "copay.collect": (roles(P.COLLECT_COPAY), a(NO_ID, PaymentMethod.CASH, "key-1")),
    "copay.waive": (roles(P.COLLECT_COPAY), a(NO_ID, "charity case")),
    "copay.defer": (roles(P.COLLECT_COPAY), a(NO_ID, "pays later")),
    "copay.convert_to_self_pay": (roles(P.COLLECT_COPAY), a(NO_ID, "pre-auth denied")),
    "copay.override_preauth": (roles(P.PREAUTH_OVERRIDE), a(NO_ID, "insurer agreed by phone")),
    "copay.request_preauth": (roles(P.REQUEST_PREAUTH), a(NO_ID, note="knee pain")),
    "copay.receipt": (roles(P.COLLECT_COPAY, P.VIEW_REFUNDS), a(NO_ID)),
    "copay.payment_history": (roles(P.COLLECT_COPAY, P.VIEW_REFUNDS), a(NO_ID)),
    "patients.search": (roles(P.VIEW_QUEUE), a("Test")),
    "patients.register": (roles(P.WALK_IN),
                          a("Sara", "Matrix", None, "FEMALE", None, None)),
    "patients.deposit_top_up": (roles(P.TOP_UP_DEPOSIT), a(NO_ID, Decimal("50.00"))),
    "eligibility.lookup_by_eid": (roles(P.VERIFY_ELIGIBILITY), a(EID)),
    "eligibility.verify_patient": (roles(P.VERIFY_ELIGIBILITY),
                                   a(NO_ID, selected_by_eid=False)),
    "eligibility.resolve_mismatch": (roles(P.VERIFY_ELIGIBILITY),
                                     a(NO_ID, AlertAction.USE_DB_DATA, reason="checked")),
    "eligibility.accept_coverage_change": (roles(P.VERIFY_ELIGIBILITY), a(NO_ID)),
    "eligibility.reject_coverage_change": (roles(P.VERIFY_ELIGIBILITY),
                                           a(NO_ID, "card shows the old plan")),
    "eligibility.refresh_appointments": (roles(P.VERIFY_ELIGIBILITY), a(dt.date(2026, 3, 10))),
    "eligibility.manual_verify": (roles(P.MANUAL_VERIFY_INSURANCE),
                                  a(NO_ID, "called the insurer, ref 42")),
    "eligibility.manual_reject": (roles(P.MANUAL_VERIFY_INSURANCE), a(NO_ID, "card expired")),
    "eligibility.reset_verification": (roles(P.MANUAL_VERIFY_INSURANCE), a(NO_ID)),
    "insurance.payers": (roles(P.ADD_INSURANCE), a()),
    "insurance.add_primary": (roles(P.ADD_INSURANCE), lambda desk, tmp: (
        (NO_ID, _policy()), {})),
    "refunds.find_payments": (roles(P.VIEW_REFUNDS), a("RCP")),
    "refunds.get_payment": (roles(P.VIEW_REFUNDS), a(NO_ID)),
    "refunds.get": (roles(P.VIEW_REFUNDS), a(NO_ID)),
    "refunds.list": (roles(P.VIEW_REFUNDS), a()),
    "refunds.refund_receipt": (roles(P.VIEW_REFUNDS), a(NO_ID)),
    "refunds.request": (roles(P.REQUEST_REFUND),
                        a(NO_ID, Decimal("10.00"), RefundReason.OVERCHARGE, RefundMethod.CASH)),
    "refunds.approve": (roles(P.APPROVE_REFUND), a(NO_ID)),
    "refunds.reject": (roles(P.APPROVE_REFUND), a(NO_ID, "not eligible")),
    "refunds.process": (roles(P.PROCESS_REFUND), a(NO_ID)),
    "refunds.delete": (roles(P.DELETE_REFUND), a(NO_ID, "entered twice")),
    "audit.page": (roles(P.VIEW_AUDIT), a()),
    "audit.performers": (roles(P.VIEW_AUDIT), a()),
    "audit.explain": (roles(P.VIEW_AUDIT), a()),
    "audit.export_csv": (roles(P.EXPORT_AUDIT), lambda desk, tmp: (
        (None, tmp / "audit.csv"), {})),
    # Not in the seed: the activity log (sign-ins, settings, exports) is for administrators.
    "audit.activity": (ADMINS, a()),
    "settings.get": (roles(P.MANAGE_SETTINGS), a()),
    "settings.receipt_mail": (roles(P.COLLECT_COPAY, P.VIEW_REFUNDS), a()),
    "settings.update": (roles(P.MANAGE_SETTINGS), lambda desk, tmp: ((_settings(),), {})),
    "settings.dha_credentials": (roles(P.MANAGE_SETTINGS), a()),
    "settings.save_dha_credentials": (roles(P.MANAGE_SETTINGS),
                                      lambda desk, tmp: ((_creds(),), {})),
    "settings.test_dha_connection": (roles(P.MANAGE_SETTINGS), a()),
    "settings.smtp_password_stored": (roles(P.MANAGE_SETTINGS), a()),
    "settings.set_smtp_password": (roles(P.MANAGE_SETTINGS), a("s3cret-pass")),
    "settings.send_test_email": (roles(P.MANAGE_SETTINGS), a("desk@example.com")),
    # OpenDental (issue 12): connections for administrators, claims for the billing office.
    "opendental_connections.list": (roles(P.MANAGE_OPENDENTAL), a()),
    "opendental_connections.get": (roles(P.MANAGE_OPENDENTAL), a(NO_ID)),
    "opendental_connections.create": (roles(P.MANAGE_OPENDENTAL),
                                      lambda desk, tmp: ((_connection(),), {})),
    "opendental_connections.update": (roles(P.MANAGE_OPENDENTAL),
                                      lambda desk, tmp: ((NO_ID, _connection()), {})),
    "opendental_connections.clear_keys": (roles(P.MANAGE_OPENDENTAL), a(NO_ID)),
    "opendental_connections.remove": (roles(P.MANAGE_OPENDENTAL), a(NO_ID)),
    "opendental_connections.test_connection": (roles(P.MANAGE_OPENDENTAL), a(NO_ID)),
    "claims.list_claims": (roles(P.VIEW_CLAIMS), a()),
    "claims.get": (roles(P.VIEW_CLAIMS), a(NO_ID)),
    "claims.draft_from_appointment": (roles(P.MANAGE_CLAIMS), a(NO_ID)),
    "claims.submit": (roles(P.MANAGE_CLAIMS), a(NO_ID)),
    "claims.resubmit": (roles(P.MANAGE_CLAIMS), lambda desk, tmp: (
        (NO_ID, _correction()), {})),
    "insurance_payments.list_payments": (roles(P.VIEW_CLAIMS), a()),
    "sync_status.status": (roles(P.VIEW_SYNC_STATUS), a()),
    "sync_status.run_now": (roles(P.RUN_SYNC), a("no-such-job")),
    "booking.directory": (roles(P.BOOK_APPOINTMENT), a()),
    "booking.free_slots": (roles(P.BOOK_APPOINTMENT), a(NO_ID, NO_ID, dt.date(2026, 3, 10))),
    "booking.quick_book_grid": (roles(P.BOOK_APPOINTMENT), a(NO_ID)),
    "booking.emergency_slots": (roles(P.BOOK_APPOINTMENT), a()),
    "booking.upcoming": (roles(P.BOOK_APPOINTMENT), a(NO_ID)),
    "booking.book": (roles(P.BOOK_APPOINTMENT), a(
        NO_ID, NO_ID, dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC))),
    "booking.reschedule": (roles(P.BOOK_APPOINTMENT), a(
        NO_ID, dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC))),
    "booking.cancel": (roles(P.BOOK_APPOINTMENT), a(NO_ID, "Patient asked")),
    "reconciliation.list": (roles(P.VIEW_CLAIMS), a()),
    "reconciliation.payers": (roles(P.VIEW_CLAIMS), a()),
    "reconciliation.visit": (roles(P.VIEW_CLAIMS), a(NO_ID)),
    "reconciliation.balance_due": (roles(P.COLLECT_COPAY), a(NO_ID)),
    "reconciliation.request_refund": (roles(P.REQUEST_OVERPAID_REFUND), a(NO_ID)),
    "reconciliation.export_csv": (roles(P.VIEW_CLAIMS), lambda desk, tmp: (
        (tmp / "reconciliation.csv",), {})),
    "eligibility_review.list": (roles(P.VIEW_CLAIMS), lambda desk, tmp: (
        (), {"date_from": dt.date(2026, 3, 1), "date_to": dt.date(2026, 3, 31)})),
    "eligibility_review.override": (roles(P.OVERRIDE_ELIGIBILITY), lambda desk, tmp: (
        (NO_ID,), {"eligible": True, "reason": "payer confirmed by phone"})),
    "activity_log.page": (roles(P.VIEW_ACTIVITY), a()),
    "activity_log.actions": (roles(P.VIEW_ACTIVITY), a()),
    "activity_log.users": (roles(P.VIEW_ACTIVITY), a()),
    "activity_log.export_csv": (roles(P.VIEW_ACTIVITY), lambda desk, tmp: (
        (None, tmp / "activity.csv"), {})),
    "claims.page": (roles(P.VIEW_CLAIMS), a()),
    "claims.filter_options": (roles(P.VIEW_CLAIMS), a()),
    "claims.ready_claims": (roles(P.MANAGE_CLAIMS), a()),
    "claims.bulk_submit": (roles(P.MANAGE_CLAIMS), a([NO_ID])),
    "claims.export_csv": (roles(P.VIEW_CLAIMS), lambda desk, tmp: (
        (None, tmp / "claims.csv"), {})),
    "insurance_payments.page": (roles(P.VIEW_CLAIMS), a()),
    "insurance_payments.carriers": (roles(P.VIEW_CLAIMS), a()),
    "insurance_payments.detail": (roles(P.VIEW_CLAIMS), a(NO_ID)),
    "insurance_payments.export_csv": (roles(P.VIEW_CLAIMS), lambda desk, tmp: (
        (None, tmp / "payments.csv"), {})),
    "dashboard.overview": (roles(P.VIEW_DASHBOARD), a()),
    "dashboard.revenue": (roles(P.VIEW_DASHBOARD), a(dt.date(2026, 3, 1), dt.date(2026, 3, 31))),
    "dashboard.rows": (roles(P.VIEW_DASHBOARD), lambda desk, tmp: ((_figure(),), {})),
    "dashboard.export_csv": (roles(P.VIEW_DASHBOARD), lambda desk, tmp: (
        (_figure(), tmp / "dashboard.csv"), {})),
    "shifts.current_shift": (roles(P.MANAGE_SHIFT), a()),
    "shifts.shift": (roles(P.MANAGE_SHIFT), a(NO_ID)),
    "shifts.history": (roles(P.MANAGE_SHIFT), a()),
    "shifts.proposed_opening": (roles(P.MANAGE_SHIFT), a()),
    "shifts.threshold": (roles(P.MANAGE_SHIFT), a()),
    "shifts.open_shift": (roles(P.MANAGE_SHIFT), a(Decimal("100.00"))),
    "shifts.record_payout": (roles(P.MANAGE_SHIFT), a(Decimal("5.00"), "Stationery")),
    "shifts.close_shift": (roles(P.MANAGE_SHIFT), a(NO_ID, None, None,
                                                     counted_cash=Decimal("0.00"))),
    "shifts.issue_z_report": (roles(P.MANAGE_SHIFT), a(NO_ID)),
    "shifts.issue_day_summary": (roles(P.APPROVE_SHIFT_DIFFERENCE), a(dt.date(2026, 3, 10))),
    "reconciliation.write_off_balance": (roles(P.WRITE_OFF_BALANCE), a(NO_ID, "Goodwill")),
    "eligibility_review.export_csv": (roles(P.VIEW_CLAIMS), lambda desk, tmp: (
        (tmp / "eligibility.csv",), {"date_from": dt.date(2026, 3, 1),
                                     "date_to": dt.date(2026, 3, 31)})),
}


def _figure():
    from app.services.dashboard import Figure, FigureKind

    return Figure(FigureKind.SCHEDULE)


def _connection():
    from app.domain.opendental_connection import ConnectionForm

    return ConnectionForm(name="Matrix practice", mode="SANDBOX")


def _correction():
    from app.services.claims import ClaimCorrection

    return ClaimCorrection(note="corrected the tooth number")


def _policy():
    from app.services.insurance import NewPolicy

    return NewPolicy(payer_id=NO_ID, policy_number="POL-1", effective_date=dt.date(2026, 1, 1))


def _settings():
    from app.services.settings import HospitalSettings

    return HospitalSettings()


def _creds():
    from app.integrations.dha.credentials import DhaCredentials

    return DhaCredentials("FAC-1", "LIC-1", "login", "password-1")


def public_methods() -> list[str]:
    """'service.method' for every public method of every field of bootstrap.Services."""
    from typing import get_type_hints

    hints = get_type_hints(Services)
    out = []
    for field in dataclasses.fields(Services):
        if field.name in NOT_SERVICES:
            continue
        for name, _fn in inspect.getmembers(hints[field.name], inspect.isfunction):
            if not name.startswith("_"):
                out.append(f"{field.name}.{name}")
    return sorted(out)


METHODS = public_methods()


def test_every_public_method_has_a_decided_role_check() -> None:
    assert len(METHODS) > 50  # the introspection found the services
    undecided = [m for m in METHODS if m not in EXPECTED and m not in NO_ROLE]
    assert undecided == [], f"add these to EXPECTED (roles + arguments) or NO_ROLE: {undecided}"
    stale = [m for m in (*EXPECTED, *NO_ROLE) if m not in METHODS]
    assert stale == [], f"no longer service methods: {stale}"


def call(desk: Desk, method: str, actor, tmp_path) -> Any:
    service, name = method.split(".")
    args, kwargs = EXPECTED[method][1](desk, tmp_path)
    return getattr(getattr(desk.services, service), name)(actor, *args, **kwargs)


@pytest.mark.parametrize("method", sorted(EXPECTED))
def test_role_matrix(desk: Desk, method: str, tmp_path) -> None:
    allowed, _ = EXPECTED[method]
    for role in Role:
        actor = desk.actors[role]
        if role in allowed:
            try:
                call(desk, method, actor, tmp_path)
            except PermissionDenied as exc:
                pytest.fail(f"{method}: {role.value} should be allowed; got {exc.message}")
            except DomainError:
                pass  # past the role check: NotFound for the placeholder ids and the like
            desk.session.rollback()
        else:
            before = all_row_counts(desk.session)
            with pytest.raises(PermissionDenied):
                call(desk, method, actor, tmp_path)
            assert all_row_counts(desk.session) == before, f"{method} wrote for {role.value}"


def test_a_nurse_cannot_re_verify_the_whole_day(desk: Desk) -> None:
    """The gap issue 10 names: refresh_appointments had no role check at all."""
    with pytest.raises(PermissionDenied, match="verify insurance eligibility"):
        desk.services.eligibility.refresh_appointments(desk.actors[Role.NURSE],
                                                       dt.date(2026, 3, 10))


def test_settings_are_for_administrators_but_a_desk_may_email_a_receipt(desk: Desk) -> None:
    desk.services.settings.update(desk.actors[Role.HOSPITAL_ADMIN], dataclasses.replace(
        _settings(), smtp_host="mail.clinic.ae", smtp_sender="desk@clinic.ae",
        dha_mode="MOCK", idle_lock_minutes=15))
    with pytest.raises(PermissionDenied):
        desk.services.settings.get(desk.actors[Role.RECEPTIONIST])
    mail = desk.services.settings.receipt_mail(desk.actors[Role.RECEPTIONIST])
    assert (mail.smtp_host, mail.smtp_sender) == ("mail.clinic.ae", "desk@clinic.ae")
    # Only the mail server: the rest stays at its defaults, not the hospital's values.
    assert mail.dha_mode == "NOT_CONFIGURED" and mail.idle_lock_minutes == 10
