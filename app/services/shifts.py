"""Cash drawer shifts (issue 14): open with a float, petty payouts, close with a count by
denomination, supervisor approval of a large difference, handover, Z report and the
hospital's end-of-day summary.

A shift belongs to one user on one workstation. The money itself is stamped onto the open
shift by ``ledger.move_money`` (copay collect, refund process, deposit top-up, and the petty
payout here), in the transaction that moves it; this service opens, reads and closes.
What must never be wrong is also held by the database (app/db/shift_rules.py): one open
shift per user and workstation, no cash posting without an open shift, a drawer never below
zero, expected cash = float + cash movements, a closed shift never changes.

Each public method checks the role and the login session and is one transaction; mutations
write an activity row and return what changed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from app.db.models import (
    ActivityLog,
    Appointment,
    CashShift,
    CopayPayment,
    Department,
    GLAccount,
    Hospital,
    InsuranceAudit,
    JournalLine,
    ShiftMovement,
    User,
)
from app.domain import cash
from app.domain.enums import AuditAction, PaymentMethod
from app.domain.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.domain.messages import N_, Money, messages
from app.domain.money import ZERO, fmt, q, to_amount
from app.domain.roles import Permission, can
from app.domain.text import REASON_MAX, clean_text
from app.receipts.cash_report import CashReport, ReportRow, ReportSection
from app.services import ledger
from app.services.changes import Changes
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.passwords import verify_password
from app.services.unit_of_work import UowFactory

M = messages(__name__)

__all__ = ["CloseResult", "Handover", "IssuedReport", "PayoutResult", "MovementRow", "ShiftResult", "ShiftService",
           "ShiftView", "THRESHOLD_SETTING", "KIND_LABELS", "TENDER_LABELS"]

THRESHOLD_SETTING = "shift_difference_threshold"  # hospitals.settings key, AED as text
MAX_FLOAT = Decimal("100000.00")
MAX_PAYOUT = Decimal("10000.00")
HISTORY_MAX = 200

# Display labels (English; the UI shows them with tr(label), printed reports in English).
KIND_LABELS = {
    ledger.SOURCE_COPAY_PAYMENT: N_("Copay"),
    ledger.SOURCE_COPAY_REFUND: N_("Refund"),
    ledger.SOURCE_DEPOSIT_TOP_UP: N_("Deposit top-up"),
    ledger.SOURCE_PETTY_PAYOUT: N_("Petty payout"),
}
TENDER_LABELS = {"CASH": N_("Cash"), "CARD": N_("Card"), "DEPOSIT": N_("Patient deposit"),
                 "BANK_TRANSFER": N_("Bank transfer")}
_Z_ISSUED = "Z_REPORT_ISSUED"
_DAY_ISSUED = "DAY_SUMMARY_ISSUED"


# ------------------------------------------------------------------------------ values
@dataclass(frozen=True)
class MovementRow:
    id: int
    at: dt.datetime  # hospital local time
    kind: str  # source type
    tender: str
    amount: Decimal  # + into the desk, - out
    memo: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("_", " ").title())


@dataclass(frozen=True)
class ShiftView:
    """One shift as the Cash drawer page shows it; times in the hospital's zone."""

    id: int
    user_id: int
    user_name: str
    workstation: str
    opened_at: dt.datetime
    opening_float: Decimal
    opening_denominations: dict[str, int] | None
    expected_cash: Decimal
    by_tender: dict[str, Decimal]  # net per tender
    movements: tuple[MovementRow, ...]
    threshold: Decimal
    closed_at: dt.datetime | None = None
    counted_cash: Decimal | None = None
    counted_denominations: dict[str, int] | None = None
    difference: Decimal | None = None
    reason: str | None = None
    approved_by: str | None = None
    handed_over_from_id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Handover:
    """What the next shift on a workstation is offered as its opening float: the last closing
    count there."""

    from_shift_id: int
    float_amount: Decimal
    denominations: dict[str, int] | None
    closed_by: str
    closed_at: dt.datetime


@dataclass(frozen=True)
class ShiftResult:
    shift_id: int
    changes: Changes


@dataclass(frozen=True)
class CloseResult:
    shift_id: int
    expected_cash: Decimal
    counted_cash: Decimal
    difference: Decimal
    approved_by: str | None
    changes: Changes


@dataclass(frozen=True)
class IssuedReport:
    """A Z report or day summary as issued (``report.duplicate`` on a reprint)."""

    report: CashReport
    changes: Changes


@dataclass(frozen=True)
class PayoutResult:
    shift_id: int
    entry_id: int
    expected_cash: Decimal
    changes: Changes


# --------------------------------------------------------------------------- service
class ShiftService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    # ------------------------------------------------------------------------ reads
    def current_shift(self, actor: Actor) -> ShiftView | None:
        """The caller's open shift on this workstation, with its movements, or None."""
        actor.require(Permission.MANAGE_SHIFT)
        with self._uow(actor, read_only=True) as uow:
            sid = _open_shift_id(uow.session, actor)
            return None if sid is None else _view(uow.session, actor.hospital_id, sid)

    def shift(self, actor: Actor, shift_id: int) -> ShiftView:
        """One shift: the caller's own, or anyone's for a supervisor."""
        actor.require(Permission.MANAGE_SHIFT)
        with self._uow(actor, read_only=True) as uow:
            _check_may_see(uow.session, actor, shift_id)
            return _view(uow.session, actor.hospital_id, shift_id)

    def history(self, actor: Actor, limit: int = 50) -> list[ShiftView]:
        """Recent shifts, newest first (movements left out): the caller's own, or the whole
        hospital's for a supervisor."""
        actor.require(Permission.MANAGE_SHIFT)
        limit = max(1, min(int(limit), HISTORY_MAX))
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            stmt = (sa.select(CashShift.id).where(CashShift.hospital_id == actor.hospital_id)
                    .order_by(CashShift.opened_at.desc(), CashShift.id.desc()).limit(limit))
            if not can(actor.role, Permission.APPROVE_SHIFT_DIFFERENCE):
                stmt = stmt.where(CashShift.user_id == actor.user_id)
            ids = s.scalars(stmt).all()
            return [_view(s, actor.hospital_id, i, with_movements=False) for i in ids]

    def proposed_opening(self, actor: Actor) -> Handover | None:
        """The last closing count on this workstation (anyone's), offered as the float."""
        actor.require(Permission.MANAGE_SHIFT)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            r = s.execute(
                sa.select(CashShift.id, CashShift.counted_cash, CashShift.counted_denominations,
                          CashShift.closed_at, User.full_name)
                .join(User, User.id == CashShift.user_id)
                .where(CashShift.hospital_id == actor.hospital_id,
                       CashShift.workstation == (actor.workstation or ""),
                       CashShift.closed_at.is_not(None))
                .order_by(CashShift.closed_at.desc()).limit(1)).first()
            if r is None:
                return None
            tz = _tz(s, actor.hospital_id)
            return Handover(r.id, r.counted_cash, r.counted_denominations, r.full_name,
                            r.closed_at.astimezone(tz))

    def threshold(self, actor: Actor) -> Decimal:
        """The hospital's difference threshold (AED) above which a supervisor approves."""
        actor.require(Permission.MANAGE_SHIFT)
        with self._uow(actor, read_only=True) as uow:
            return _threshold(uow.session, actor.hospital_id)

    # -------------------------------------------------------------------- mutations
    def open_shift(self, actor: Actor, opening_float: Decimal | str | None = None,
                   denominations: Mapping[str, object] | None = None, *,
                   handover_from: int | None = None) -> ShiftResult:
        """Open the caller's drawer on this workstation. With denominations the float is
        their total (a typed float must agree). Exactly one of two concurrent opens wins."""
        actor.require(Permission.MANAGE_SHIFT)
        if actor.user_id is None or not actor.workstation:
            raise PermissionDenied(M("cash_shift_opened_signed",
                                     "A cash shift is opened by a signed-in user at a desk."))
        counts = cash.clean_counts(denominations) if denominations else {}
        amount = _float_amount(opening_float, counts)
        with self._uow(actor) as uow:
            s = uow.session
            if handover_from is not None:
                prev = s.execute(sa.select(CashShift.workstation, CashShift.closed_at)
                                 .where(CashShift.id == handover_from,
                                        CashShift.hospital_id == actor.hospital_id)).first()
                if prev is None or prev.closed_at is None:
                    raise ValidationError(M("shift_take_over_not",
                                            "The shift to take over from is not a closed shift of "
                                            "this hospital."))
            # The partial unique index decides between two desks opening at once: the loser
            # waits for the winner's commit, then inserts nothing.
            stmt = pg_insert(CashShift).values(
                hospital_id=actor.hospital_id, user_id=actor.user_id,
                workstation=actor.workstation, opened_at=self._clock(), opening_float=amount,
                opening_denominations=counts or None, expected_cash=amount,
                handed_over_from_id=handover_from,
            ).on_conflict_do_nothing(index_elements=["user_id", "workstation"],
                                     index_where=sa.text("closed_at IS NULL")
                                     ).returning(CashShift.id)
            sid = s.execute(stmt).scalar_one_or_none()
            if sid is None:
                raise Conflict(M("cash_shift_already_open",
                                 "A cash shift is already open for you on this workstation; close "
                                 "it before opening another."))
            uow.activity(actor, "SHIFT_OPENED", "cash_shift", sid,
                         {"opening_float": amount, "denominations": counts or None,
                          "handed_over_from": handover_from})
            uow.commit()
            return ShiftResult(sid, Changes.of(cash_shifts={sid}))

    def record_payout(self, actor: Actor, amount: Decimal | str, reason: str) -> PayoutResult:
        """Petty cash out of the caller's drawer (stationery, courier...): a journal entry
        debiting petty cash expenses, stamped on the open shift. More than the drawer holds
        is refused (DrawerShort); no open shift, ShiftRequired."""
        actor.require(Permission.MANAGE_SHIFT)
        value = to_amount(amount, field="Payout amount")
        if value <= 0 or value > MAX_PAYOUT:
            raise ValidationError(M("petty_payout_more_aed",
                                    "A petty payout is more than AED 0 and at most {limit}.",
                                    limit=Money(MAX_PAYOUT)))
        why = clean_text(reason, "The reason", REASON_MAX, required=True)
        with self._uow(actor) as uow:
            s = uow.session
            sid = _open_shift_id(s, actor)
            moved = ledger.move_money(
                s, hospital_id=actor.hospital_id, patient_id=None,
                memo=f"Petty payout: {why}", source_type=ledger.SOURCE_PETTY_PAYOUT,
                source_id=sid or 0, lines=ledger.payout_lines(value), posted_by=actor.user_id,
                method=PaymentMethod.CASH, workstation=actor.workstation)
            assert sid is not None and moved.entry_id is not None  # move_money needs the shift
            expected = s.scalar(sa.select(CashShift.expected_cash).where(CashShift.id == sid))
            uow.activity(actor, "PETTY_PAYOUT", "cash_shift", sid,
                         {"amount": value, "reason": why, "journal_entry_id": moved.entry_id})
            uow.commit()
            return PayoutResult(sid, moved.entry_id, expected or ZERO,
                                Changes.of(cash_shifts={sid}))

    def close_shift(self, actor: Actor, shift_id: int, counted: Mapping[str, object] | None,
                    reason: str | None = None, *, counted_cash: Decimal | str | None = None,
                    approver_username: str | None = None,
                    approver_password: str | None = None) -> CloseResult:
        """Close a shift with its count (by denomination, or a total): difference = counted -
        expected; a non-zero difference needs a reason, one above the hospital's threshold
        a supervisor's approval (username and password of an accountant or administrator
        other than the shift's user). The caller closes their own shift; a supervisor may
        close anyone's. The closed shift never changes again."""
        actor.require(Permission.MANAGE_SHIFT)
        counts = cash.clean_counts(counted) if counted else {}
        if counts and counted_cash not in (None, ""):
            raise ValidationError(M("give_count_either_denomination",
                                    "Give the count either by denomination or as a total."))
        total = (cash.total(counts) if counts or counted_cash in (None, "")
                 else to_amount(counted_cash, field="Counted cash"))  # type: ignore[arg-type]
        why = clean_text(reason, "The reason", REASON_MAX)
        with self._uow(actor) as uow:
            s = uow.session
            row = s.execute(sa.select(CashShift).where(
                CashShift.id == shift_id, CashShift.hospital_id == actor.hospital_id)
                .with_for_update()).scalar_one_or_none()
            if row is None:
                raise NotFound(M("no_cash_shift_hospital",
                                 "There is no cash shift {shift_id} at this hospital.",
                                 shift_id=shift_id))
            if row.user_id != actor.user_id:
                actor.require(Permission.APPROVE_SHIFT_DIFFERENCE)
            if row.closed_at is not None:
                raise Conflict(M("shift_already_closed_closed",
                                 "This shift was already closed at {time}; a closed shift cannot "
                                 "be changed.",
                                 time=format(row.closed_at.astimezone(_tz(s, actor.hospital_id)),
                                             '%H:%M')))
            expected = row.expected_cash
            difference = q(total - expected)
            if difference and not why:
                raise ValidationError(
                    M("count_say_why_before", "The count is {difference}: say why before closing.",
                      difference=cash.describe_difference(difference).lower()), field="reason")
            threshold = _threshold(s, actor.hospital_id)
            approver: tuple[int, str] | None = None
            if cash.needs_approval(difference, threshold):
                approver = _approver(s, actor, row.user_id, approver_username,
                                     approver_password, difference, threshold)
            row.closed_at = self._clock()
            row.counted_cash = total
            row.counted_denominations = counts or None
            row.difference = difference
            row.reason = why
            row.approved_by = approver[0] if approver else None
            s.flush()
            uow.activity(actor, "SHIFT_CLOSED", "cash_shift", shift_id, {
                "expected_cash": expected, "counted_cash": total, "difference": difference,
                "reason": why, "approved_by": approver[0] if approver else None})
            uow.commit()
            return CloseResult(shift_id, expected, total, difference,
                               approver[1] if approver else None,
                               Changes.of(cash_shifts={shift_id}))

    def issue_z_report(self, actor: Actor, shift_id: int) -> IssuedReport:
        """The Z report of a shift; every issue after the first is marked DUPLICATE."""
        actor.require(Permission.MANAGE_SHIFT)
        with self._uow(actor) as uow:
            s = uow.session
            _check_may_see(s, actor, shift_id)
            duplicate = _issued_before(s, _Z_ISSUED, "cash_shift", str(shift_id))
            report = _z_report(s, actor.hospital_id, shift_id, self._clock(), duplicate)
            uow.activity(actor, _Z_ISSUED, "cash_shift", shift_id, {"duplicate": duplicate})
            uow.commit()
            return IssuedReport(report, Changes.of(activity_logs=set()))

    def issue_day_summary(self, actor: Actor, day: dt.date | None = None) -> IssuedReport:
        """The hospital's end-of-day summary for a local calendar day (default today)."""
        actor.require(Permission.APPROVE_SHIFT_DIFFERENCE)
        with self._uow(actor) as uow:
            s = uow.session
            tz = _tz(s, actor.hospital_id)
            day = day or self._clock().astimezone(tz).date()
            key = f"{actor.hospital_id}:{day.isoformat()}"
            duplicate = _issued_before(s, _DAY_ISSUED, "hospital_day", key)
            report = _day_summary(s, actor.hospital_id, day, self._clock(), duplicate)
            uow.activity(actor, _DAY_ISSUED, "hospital_day", key, {"duplicate": duplicate})
            uow.commit()
            return IssuedReport(report, Changes.of(activity_logs=set()))


# ---------------------------------------------------------------------------- helpers
def _tz(s: Session, hospital_id: int) -> ZoneInfo:
    name = s.scalar(sa.select(Hospital.timezone).where(Hospital.id == hospital_id))
    if name is None:
        raise NotFound(M("workstation_hospital_no_longer",
                         "This workstation's hospital no longer exists."))
    return ZoneInfo(name)


def _threshold(s: Session, hospital_id: int) -> Decimal:
    raw = s.scalar(sa.select(Hospital.settings[THRESHOLD_SETTING].astext)
                   .where(Hospital.id == hospital_id))
    try:
        value = q(Decimal(raw)) if raw not in (None, "") else cash.DEFAULT_DIFFERENCE_THRESHOLD
    except ArithmeticError:
        value = cash.DEFAULT_DIFFERENCE_THRESHOLD
    return max(value, ZERO)


def _open_shift_id(s: Session, actor: Actor) -> int | None:
    if actor.user_id is None or not actor.workstation:
        return None
    return s.scalar(sa.select(CashShift.id).where(
        CashShift.hospital_id == actor.hospital_id, CashShift.user_id == actor.user_id,
        CashShift.workstation == actor.workstation, CashShift.closed_at.is_(None)))


def _check_may_see(s: Session, actor: Actor, shift_id: int) -> None:
    owner = s.scalar(sa.select(CashShift.user_id).where(
        CashShift.id == shift_id, CashShift.hospital_id == actor.hospital_id))
    if owner is None:
        raise NotFound(M("no_cash_shift_hospital",
                         "There is no cash shift {shift_id} at this hospital.",
                         shift_id=shift_id))
    if owner != actor.user_id:
        actor.require(Permission.APPROVE_SHIFT_DIFFERENCE)


def _float_amount(typed: Decimal | str | None, counts: dict[str, int]) -> Decimal:
    counted = cash.total(counts) if counts else None
    amount = None if typed in (None, "") else to_amount(typed, field="Opening float")  # type: ignore[arg-type]
    if amount is not None and counted is not None and amount != counted:
        raise ValidationError(M("notes_coins_add_up",
                                "The notes and coins add up to {counted}, not the {amount} typed "
                                "as the float.",
                                counted=Money(counted), amount=Money(amount)))
    value = amount if amount is not None else (counted or ZERO)
    if value > MAX_FLOAT:
        raise ValidationError(M("opening_float_most", "An opening float is at most {limit}.",
                                limit=Money(MAX_FLOAT)))
    return value


def _approver(s: Session, actor: Actor, shift_user: int, username: str | None,
              password: str | None, difference: Decimal, threshold: Decimal
              ) -> tuple[int, str]:
    """The supervisor who approves a difference over the threshold, by their credentials."""
    what = cash.describe_difference(difference)
    if not username or not password:
        raise PermissionDenied(
            M("more_desk_may_close", "{what}, more than the {threshold} a desk may close with: an "
              "accountant or administrator must approve it with their username and password.",
              what=what,
              threshold=Money(threshold)),
            needs_approval=True, difference=str(difference), threshold=str(threshold))
    u = s.execute(sa.select(User).where(User.hospital_id == actor.hospital_id,
                                        User.username == username.strip())).scalar_one_or_none()
    if u is None or not u.is_active or not verify_password(u.password_hash, password):
        raise AuthenticationFailed(M("supervisor_username_password_wrong",
                                     "The supervisor's username or password is wrong; the shift "
                                     "was not closed."), needs_approval=True)
    if not can(u.role, Permission.APPROVE_SHIFT_DIFFERENCE):
        raise PermissionDenied(M("may_not_approve_cash",
                                 "{full_name} may not approve a cash difference; ask an "
                                 "accountant or administrator.",
                                 full_name=u.full_name), needs_approval=True)
    if u.id == shift_user:
        raise PermissionDenied(M("difference_own_drawer_approved",
                                 "A difference on your own drawer is approved by someone else."),
                               needs_approval=True)
    return u.id, u.full_name


def _issued_before(s: Session, action: str, target_type: str, target_id: str) -> bool:
    return bool(s.scalar(sa.select(sa.exists().where(
        ActivityLog.target_type == target_type, ActivityLog.target_id == target_id,
        ActivityLog.action == action))))


def _view(s: Session, hospital_id: int, shift_id: int, *, with_movements: bool = True
          ) -> ShiftView:
    tz = _tz(s, hospital_id)
    approver = sa.orm.aliased(User)
    r = s.execute(
        sa.select(CashShift, User.full_name, approver.full_name.label("approver"))
        .join(User, User.id == CashShift.user_id)
        .outerjoin(approver, approver.id == CashShift.approved_by)
        .where(CashShift.id == shift_id, CashShift.hospital_id == hospital_id)).one_or_none()
    if r is None:
        raise NotFound(M("no_cash_shift_hospital",
                         "There is no cash shift {shift_id} at this hospital.",
                         shift_id=shift_id))
    sh: CashShift = r[0]
    by_tender: dict[str, Decimal] = {
        t: q(a) for t, a in s.execute(
            sa.select(ShiftMovement.tender, sa.func.sum(ShiftMovement.amount))
            .where(ShiftMovement.shift_id == shift_id).group_by(ShiftMovement.tender))}
    movements: tuple[MovementRow, ...] = ()
    if with_movements:
        movements = tuple(
            MovementRow(m.id, m.created_at.astimezone(tz), m.source_type, m.tender, m.amount,
                        m.memo)
            for m in s.scalars(sa.select(ShiftMovement).where(ShiftMovement.shift_id == shift_id)
                               .order_by(ShiftMovement.id)))
    return ShiftView(
        sh.id, sh.user_id, r.full_name, sh.workstation, sh.opened_at.astimezone(tz),
        sh.opening_float, sh.opening_denominations, sh.expected_cash, by_tender, movements,
        _threshold(s, hospital_id),
        sh.closed_at.astimezone(tz) if sh.closed_at else None, sh.counted_cash,
        sh.counted_denominations, sh.difference, sh.reason, r.approver,
        sh.handed_over_from_id)


# ----------------------------------------------------------------------------- reports
def _hospital_fields(s: Session, hospital_id: int) -> dict[str, Any]:
    h = s.get(Hospital, hospital_id)
    assert h is not None
    return {"hospital_name": h.name, "hospital_name_ar": h.name_ar or "",
            "hospital_address": h.address or "", "hospital_phone": h.phone or "",
            "hospital_trn": h.trn, "timezone": h.timezone}


def _money_sections(s: Session, movement_filter: sa.ColumnElement[bool],
                    audit_filter: sa.ColumnElement[bool]) -> list[ReportSection]:
    """By tender, by kind, by department, refunds, VAT, waivers and deferrals for the
    movements (and copay decisions) the filters select."""
    M = ShiftMovement
    tender_rows = []
    for tender, n, inflow, outflow in s.execute(
            sa.select(M.tender, sa.func.count(),
                      sa.func.coalesce(sa.func.sum(sa.case((M.amount > 0, M.amount))), 0),
                      sa.func.coalesce(sa.func.sum(sa.case((M.amount < 0, -M.amount))), 0))
            .where(movement_filter).group_by(M.tender).order_by(M.tender)):
        tender_rows.append(ReportRow(TENDER_LABELS.get(tender, tender),
                                     f"{n} · in {fmt(inflow, currency=False)} · out "
                                     f"{fmt(outflow, currency=False)}",
                                     q(inflow - outflow)))
    kind_rows = [ReportRow(KIND_LABELS.get(k, k), f"{n}", q(a)) for k, n, a in s.execute(
        sa.select(M.source_type, sa.func.count(), sa.func.sum(M.amount))
        .where(movement_filter).group_by(M.source_type).order_by(M.source_type))]
    dept_rows = [ReportRow(name, f"{n} copays", q(a)) for name, n, a in s.execute(
        sa.select(Department.name, sa.func.count(), sa.func.sum(M.amount))
        .join(CopayPayment, sa.and_(M.source_type == ledger.SOURCE_COPAY_PAYMENT,
                                    CopayPayment.id == M.source_id))
        .join(Appointment, Appointment.id == CopayPayment.appointment_id)
        .join(Department, Department.id == Appointment.department_id)
        .where(movement_filter).group_by(Department.name).order_by(Department.name))]
    refund_n, refund_sum = s.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(-M.amount), 0))
        .where(movement_filter, M.source_type == ledger.SOURCE_COPAY_REFUND)).one()
    vat = s.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(JournalLine.credit - JournalLine.debit), 0))
        .join(GLAccount, GLAccount.id == JournalLine.account_id)
        .join(M, M.journal_entry_id == JournalLine.entry_id)
        .where(movement_filter, GLAccount.code == ledger.ACCOUNT_VAT)) or ZERO
    decisions: dict[str, list[Decimal]] = defaultdict(list)
    for action, data in s.execute(
            sa.select(InsuranceAudit.action, InsuranceAudit.new_data)
            .where(audit_filter, InsuranceAudit.action.in_(
                (AuditAction.COPAY_WAIVED, AuditAction.COPAY_DEFERRED)))):
        key = "waived_amount" if action == AuditAction.COPAY_WAIVED else "deferred_amount"
        decisions[str(action)].append(q(Decimal(str((data or {}).get(key) or "0"))))
    waived = decisions[str(AuditAction.COPAY_WAIVED)]
    deferred = decisions[str(AuditAction.COPAY_DEFERRED)]
    return [
        ReportSection("By tender", "حسب طريقة الدفع", tuple(tender_rows)),
        ReportSection("By kind", "حسب النوع", tuple(kind_rows)),
        ReportSection("Copays by department", "حسب القسم", tuple(dept_rows)),
        ReportSection("Refunds, waivers", "المستردات", (
            ReportRow("Refunds paid", f"{refund_n}", q(refund_sum)),
            ReportRow("Copays waived", f"{len(waived)}", q(sum(waived, ZERO))),
            ReportRow("Copays deferred", f"{len(deferred)}", q(sum(deferred, ZERO))),
        )),
        ReportSection("VAT", "ضريبة القيمة المضافة", (
            ReportRow("Net VAT collected (copays less refunds)", "", q(vat), strong=True),)),
    ]


def _z_report(s: Session, hospital_id: int, shift_id: int, now: dt.datetime,
              duplicate: bool) -> CashReport:
    v = _view(s, hospital_id, shift_id, with_movements=False)
    sh = s.get(CashShift, shift_id)
    assert sh is not None
    until = sh.closed_at or now
    audit_filter = sa.and_(InsuranceAudit.hospital_id == hospital_id,
                           InsuranceAudit.performed_by == sh.user_id,
                           InsuranceAudit.workstation == sh.workstation,
                           InsuranceAudit.performed_at >= sh.opened_at,
                           InsuranceAudit.performed_at <= until)
    sections = _money_sections(s, ShiftMovement.shift_id == shift_id, audit_filter)
    drawer = [ReportRow("Opening float", "", v.opening_float),
              ReportRow("Cash movements", "", q(v.expected_cash - v.opening_float)),
              ReportRow("Expected in drawer", "", v.expected_cash, strong=True)]
    if v.closed_at is not None:
        assert v.counted_cash is not None and v.difference is not None
        drawer += [ReportRow("Counted", "", v.counted_cash, strong=True),
                   ReportRow("Difference", cash.describe_difference(v.difference),
                             abs(v.difference))]
        if v.reason:
            drawer.append(ReportRow("Reason", v.reason))
        if v.approved_by:
            drawer.append(ReportRow("Approved by", v.approved_by))
        if v.counted_denominations:
            drawer.append(ReportRow("Count", _counts_text(v.counted_denominations)))
    else:
        drawer.append(ReportRow("Status", "OPEN — not yet counted"))
    heading = (
        ReportRow("Cashier", v.user_name), ReportRow("Workstation", v.workstation),
        ReportRow("Opened", f"{v.opened_at:%d %b %Y %H:%M}"),
        ReportRow("Closed", f"{v.closed_at:%d %b %Y %H:%M}" if v.closed_at else "Still open"),
    )
    return CashReport(kind="Z", number=f"Z-{shift_id:06d}", issued_at=now, heading=heading,
                      sections=(ReportSection("Drawer", "الصندوق", tuple(drawer)), *sections),
                      duplicate=duplicate, **_hospital_fields(s, hospital_id))


def _day_summary(s: Session, hospital_id: int, day: dt.date, now: dt.datetime,
                 duplicate: bool) -> CashReport:
    tz = _tz(s, hospital_id)
    start = dt.datetime.combine(day, dt.time(), tz)
    end = start + dt.timedelta(days=1)
    movement_filter = sa.and_(ShiftMovement.hospital_id == hospital_id,
                              ShiftMovement.created_at >= start, ShiftMovement.created_at < end)
    audit_filter = sa.and_(InsuranceAudit.hospital_id == hospital_id,
                           InsuranceAudit.performed_at >= start, InsuranceAudit.performed_at < end)
    sections = _money_sections(s, movement_filter, audit_filter)
    shift_rows = []
    for sid, name, ws, float_, expected, counted, diff in s.execute(
            sa.select(CashShift.id, User.full_name, CashShift.workstation,
                      CashShift.opening_float, CashShift.expected_cash,
                      CashShift.counted_cash, CashShift.difference)
            .join(User, User.id == CashShift.user_id)
            .where(CashShift.hospital_id == hospital_id, CashShift.opened_at < end,
                   sa.or_(CashShift.closed_at.is_(None), CashShift.closed_at >= start))
            .order_by(CashShift.opened_at)):
        state = (f"counted {fmt(counted)} · {cash.describe_difference(diff)}"
                 if counted is not None else "open")
        shift_rows.append(ReportRow(f"Z-{sid:06d} {name}", f"{ws} · float {fmt(float_)} · {state}",
                                    expected))
    return CashReport(kind="DAY", number=f"EOD-{day.isoformat()}", issued_at=now,
                      heading=(ReportRow("Day", f"{day:%A %d %B %Y}"),),
                      sections=(*sections, ReportSection("Shifts (expected cash)", "الورديات",
                                                         tuple(shift_rows))),
                      duplicate=duplicate, **_hospital_fields(s, hospital_id))


def _counts_text(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{n} × {k}" for k, n in counts.items())
