"""Reconciliation: for each visit with a copay collected at the desk and an OpenDental claim,
the copay (net of refunds) against the patient portion the insurer adjudicated
(app/domain/reconciliation.py has the rules and the words).

- :meth:`ReconciliationService.list`: visits with filters (status, payer, visit date range),
  newest visit first, keyset paged, with each status's count for the same filters;
- :meth:`ReconciliationService.request_refund`: for an OVERPAID visit, a refund request of the
  difference through the existing approval workflow (RefundService.request), capped at the
  overpaid amount net of refunds already requested or processed: the refund service checks
  the cap under its lock on the payment (``keep`` = the adjudicated patient portion), so two
  desks pressing the button at once cannot both get the difference;
- :meth:`ReconciliationService.balance_due`: a patient's UNDERPAID visits, for the copay
  dialog's "Balance from earlier visit" line;
- :func:`settle_balance`: inside a later visit's copay collect (app/services/copay.py), the
  whole balance of the patient's UNDERPAID visits taken with the copay: one append-only
  ``balance_settlements`` row per visit (COLLECTED, printed as its own receipt line "Balance
  from visit of <date>"), the money itself posted by the collect's one ``ledger.move_money``;
- :meth:`ReconciliationService.write_off_balance`: an accountant forgives a visit's balance with
  a reason (a WRITTEN_OFF row, an audit entry); no money moves: the balance was never booked
  as a receivable, only worked out here;
- :meth:`ReconciliationService.export_csv`: the filtered list with every figure, through the
  insurance audit's formula-safe CSV writer (app/services/csv_export.py).

Settling a balance is serialised on the patient's row (the collect locks it; the write-off
takes the same lock), and each recomputes the balance under that lock and compares it with
the amount the desk saw: a balance another desk settled meanwhile is a Conflict, never a
second settlement.

Which claim speaks for a visit: its latest adjudicated claim (APPROVED or PAID), else its
latest claim (the visit is then PENDING). A claim belongs to the visit it names; one the
claim poller brought in before the visit's appointment (no link yet) belongs to the patient's
appointment from the same OpenDental on its date of service. The status is worked out in SQL only to filter and
page; every figure shown comes from :func:`app.domain.reconciliation.reconcile`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.db.models import Appointment, BalanceSettlement, CopayPayment, Patient
from app.domain.dates import check_day
from app.domain.enums import AuditAction, ClaimStatus, PaymentMethod, RefundMethod, RefundReason
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.messages import Day, Money, messages
from app.domain.money import ZERO, fmt, q, vat_included
from app.domain.reconciliation import (
    ADJUDICATED,
    Reconciliation,
    ReconStatus,
    VisitFigures,
    reconcile,
)
from app.domain.roles import Permission
from app.domain.text import REASON_MAX, SEARCH_MAX, clean_text
from app.services.changes import Changes, Done
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.csv_export import ExportResult, csv_safe, write_atomically
from app.services.message_text import MsgText, joined
from app.services.refunds import RefundResult, RefundService
from app.services.tasks import NullState, TaskState
from app.services.unit_of_work import UnitOfWork, UowFactory

M = messages(__name__)

__all__ = ["BalanceDue", "BalanceLine", "ReconCursor", "ReconPage", "ReconRow",
           "ReconciliationService", "SettledBalance", "default_refund_method", "record_settled",
           "settle_balance"]

MAX_PAGE = 200
_ADJ = ", ".join(f"'{s.value}'" for s in sorted(ADJUDICATED))

# One row per visit with a copay receipt and a claim. The lateral picks the claim that speaks
# for the visit; the second sums the receipt's refunds by state.
_VISITS = f"""
SELECT a.id AS appointment_id, a.appointment_date, a.patient_id,
       pt.first_name || ' ' || pt.last_name AS patient_name, pt.mrn,
       p.id AS payment_id, p.receipt_number, p.amount AS collected,
       p.payment_method, COALESCE(p.insurance_provider, '') AS payer,
       COALESCE(r.processed, 0) AS refunded, COALESCE(r.open, 0) AS refund_open,
       c.id AS claim_id, c.external_claim_id, c.status AS claim_status,
       c.amount_billed, c.amount_approved, c.write_off, c.ded_applied, c.date_received,
       COALESCE(b.collected, 0) AS balance_collected,
       COALESCE(b.written_off, 0) AS balance_written_off,
       CASE WHEN c.status NOT IN ({_ADJ}) THEN 'PENDING'
            WHEN p.amount - COALESCE(r.processed, 0) + COALESCE(b.settled, 0) >
                 GREATEST(0, c.amount_billed - COALESCE(c.amount_approved, 0) - c.write_off)
            THEN 'OVERPAID'
            WHEN p.amount - COALESCE(r.processed, 0) + COALESCE(b.settled, 0) <
                 GREATEST(0, c.amount_billed - COALESCE(c.amount_approved, 0) - c.write_off)
            THEN 'UNDERPAID'
            WHEN b.settled > 0 THEN 'SETTLED'
            ELSE 'EXACT' END AS recon_status
  FROM copay_payments p
  JOIN appointments a ON a.id = p.appointment_id
  JOIN patients pt ON pt.id = p.patient_id
  JOIN LATERAL (
      -- the visit's own claims, and claims synchronised before the visit was (same
      -- OpenDental, patient and day; the claim poller links them itself when it sees the
      -- claim again): two index probes, UNION ALL, rather than one OR that is a BitmapOr
      -- per receipt (the 90-day counts at clinic scale: 0.66 s -> 0.42 s)
      SELECT u.* FROM (
          SELECT cl.* FROM claims cl
           WHERE cl.hospital_id = p.hospital_id AND cl.appointment_id = a.id
          UNION ALL
          SELECT cl.* FROM claims cl
           WHERE cl.hospital_id = p.hospital_id AND cl.appointment_id IS NULL
             AND a.od_connection_id IS NOT NULL AND cl.connection_id = a.od_connection_id
             AND cl.patient_id = a.patient_id AND cl.date_service = a.appointment_date) u
       ORDER BY (u.status IN ({_ADJ})) DESC, u.id DESC LIMIT 1) c ON true
  LEFT JOIN LATERAL (
      SELECT sum(rf.refund_amount) FILTER (WHERE rf.status = 'PROCESSED') AS processed,
             sum(rf.refund_amount) FILTER (WHERE rf.status IN ('PENDING', 'APPROVED')) AS open
        FROM copay_refunds rf WHERE rf.copay_payment_id = p.id) r ON true
  LEFT JOIN LATERAL (
      SELECT sum(bs.amount) AS settled,
             sum(bs.amount) FILTER (WHERE bs.kind = 'COLLECTED') AS collected,
             sum(bs.amount) FILTER (WHERE bs.kind = 'WRITTEN_OFF') AS written_off
        FROM balance_settlements bs WHERE bs.copay_payment_id = p.id) b ON true
 WHERE p.hospital_id = :hid
   AND (CAST(:d0 AS date) IS NULL OR a.appointment_date >= CAST(:d0 AS date))
   AND (CAST(:d1 AS date) IS NULL OR a.appointment_date <= CAST(:d1 AS date))
   AND (CAST(:patient AS bigint) IS NULL OR p.patient_id = CAST(:patient AS bigint))
   AND (CAST(:appt AS bigint) IS NULL OR a.id = CAST(:appt AS bigint))
   AND (CAST(:payer AS text) IS NULL OR p.insurance_provider = CAST(:payer AS text))
"""

_PAGE = sa.text(f"""
SELECT * FROM ({_VISITS}) v
 WHERE (CAST(:status AS text) IS NULL OR v.recon_status = CAST(:status AS text))
   AND (CAST(:after_day AS date) IS NULL
        OR (v.appointment_date, v.appointment_id) < (CAST(:after_day AS date),
                                                      CAST(:after_id AS bigint)))
 ORDER BY v.appointment_date DESC, v.appointment_id DESC
 LIMIT :lim
""")

_COUNTS = sa.text(f"""
SELECT v.recon_status, count(*) FROM ({_VISITS}) v GROUP BY v.recon_status
""")

# The two ways a claim belongs to a visit as two joins, not one EXISTS with an OR (which
# PostgreSQL can only run as a probe per copay payment: ~10 s at clinic scale, now ~0.6 s).
_PAYERS = sa.text("""
SELECT p.insurance_provider FROM copay_payments p
  JOIN claims c ON c.appointment_id = p.appointment_id
 WHERE p.hospital_id = :hid AND p.insurance_provider IS NOT NULL
UNION
SELECT p.insurance_provider FROM copay_payments p
  JOIN appointments a ON a.id = p.appointment_id
  JOIN claims c ON c.appointment_id IS NULL AND c.connection_id = a.od_connection_id
               AND c.patient_id = a.patient_id AND c.date_service = a.appointment_date
 WHERE p.hospital_id = :hid AND p.insurance_provider IS NOT NULL
 ORDER BY 1
""")


@dataclass(frozen=True)
class ReconRow:
    """One visit: who, which receipt and claim, and the reconciliation of the two."""

    appointment_id: int
    appointment_date: dt.date
    patient_id: int
    patient_name: str
    mrn: str
    payment_id: int
    receipt_number: str
    payment_method: PaymentMethod
    payer: str
    claim_id: int
    claim_num: int | None
    claim_status: ClaimStatus
    date_received: dt.date | None
    recon: Reconciliation

    @property
    def status(self) -> ReconStatus:
        return self.recon.status


@dataclass(frozen=True)
class ReconCursor:
    """Keyset position: the (visit date, appointment id) of the last row shown."""

    appointment_date: dt.date
    appointment_id: int


@dataclass(frozen=True)
class ReconPage:
    rows: list[ReconRow]
    next_cursor: ReconCursor | None
    counts: dict[ReconStatus, int]


@dataclass(frozen=True)
class BalanceDue:
    """What a patient still owes from earlier visits, for the copay dialog."""

    amount: Decimal
    rows: tuple[ReconRow, ...]

    def describe(self) -> str:
        """"Balance from earlier visit: AED 40.00 (insurer adjudicated AED 90.00 for the
        visit of 02 Feb 2026; AED 50.00 collected)": a MsgText, the UI renders its .msg."""
        if not self.rows:
            return ""
        parts = joined([M("balance_part", "insurer adjudicated {portion} for the visit of {day}; "
                          "{collected} collected", portion=Money(r.recon.portion or ZERO),
                          day=Day(r.appointment_date),
                          collected=Money(r.recon.net_collected))
                        for r in self.rows], "; ")
        if len(self.rows) > 1:
            return MsgText(M("balance_visits", "Balance from earlier visits: {amount} ({parts})",
                             amount=Money(self.amount), parts=parts))
        return MsgText(M("balance_visit", "Balance from earlier visit: {amount} ({parts})",
                         amount=Money(self.amount), parts=parts))


@dataclass(frozen=True)
class BalanceLine:
    """One earlier visit's balance taken with today's copay: a line of today's receipt."""

    visit_date: dt.date
    amount: Decimal
    vat_amount: Decimal  # inside ``amount``, at the rate of the visit's own receipt
    receipt_number: str  # the underpaid visit's receipt
    appointment_id: int = 0  # the underpaid visit


@dataclass(frozen=True)
class SettledBalance:
    """What :func:`settle_balance` recorded: the lines and their totals."""

    lines: tuple[BalanceLine, ...] = ()

    @property
    def amount(self) -> Decimal:
        return q(sum((ln.amount for ln in self.lines), ZERO))

    @property
    def vat_amount(self) -> Decimal:
        return q(sum((ln.vat_amount for ln in self.lines), ZERO))


def _underpaid(s: Any, hospital_id: int, patient_id: int) -> list[ReconRow]:
    return [_row(r) for r in s.execute(_PAGE, _params(
        hospital_id, patient=int(patient_id), status=ReconStatus.UNDERPAID.value,
        lim=MAX_PAGE))]


def _balance_changed(now: Decimal, seen: Decimal) -> Conflict:
    return Conflict(M(
        "balance_changed", "The balance from earlier visits is now {now}, not the {seen} shown: "
        "another desk collected or wrote it off, or the insurer's decision changed. Nothing "
        "was charged; close the dialog and open it again.", now=Money(now), seen=Money(seen)),
        balance=str(now))


def settle_balance(uow: UnitOfWork, actor: Actor, *, patient_id: int, payment_id: int,
                   method: PaymentMethod, expected: Decimal) -> SettledBalance:
    """Inside a copay collect that holds the patient's row lock: record the whole balance of
    the patient's UNDERPAID visits as collected with payment ``payment_id``. ``expected`` is
    the balance the desk showed; anything else now (settled by another desk, re-adjudicated)
    is a Conflict and the collect rolls back. The caller posts the money (one move_money for
    copay and balance), then writes the activity rows with :func:`record_settled`, and adds
    the lines to its receipt."""
    if isinstance(expected, float):
        raise TypeError("money must never be a float")
    seen = q(expected)
    if seen <= ZERO:
        raise ValidationError(M("balance_above_zero",
                                "A balance to collect must be more than zero."))
    s = uow.session
    rows = _underpaid(s, actor.hospital_id, patient_id)
    due = q(sum((r.recon.balance_due for r in rows), ZERO))
    if due != seen:
        raise _balance_changed(due, seen)
    rates = dict(s.execute(sa.select(CopayPayment.id, CopayPayment.vat_rate).where(
        CopayPayment.id.in_([r.payment_id for r in rows]))).all())
    lines: list[BalanceLine] = []
    for r in sorted(rows, key=lambda r: (r.appointment_date, r.appointment_id)):
        amount = r.recon.balance_due
        # The balance is more of the same visit's fee: VAT at that visit's rate.
        vat = vat_included(amount, rates[r.payment_id])
        s.execute(sa.insert(BalanceSettlement).values(
            hospital_id=actor.hospital_id, patient_id=patient_id, copay_payment_id=r.payment_id,
            appointment_id=r.appointment_id, kind="COLLECTED", amount=amount, vat_amount=vat,
            payment_method=PaymentMethod(method), collected_payment_id=payment_id,
            created_by=actor.user_id))
        lines.append(BalanceLine(r.appointment_date, amount, vat, r.receipt_number,
                                 r.appointment_id))
    return SettledBalance(tuple(lines))


def record_settled(uow: UnitOfWork, actor: Actor, settled: SettledBalance, *,
                   payment_id: int, method: PaymentMethod) -> None:
    """The activity rows of :func:`settle_balance`, written by the caller after its money has
    moved: the drawer's shift row is locked there, and no row may be locked after an
    activity row (app/db/lock_order.py)."""
    for ln in settled.lines:
        uow.activity(actor, "BALANCE_COLLECTED", "appointment", ln.appointment_id, {
            "amount": ln.amount, "method": method, "receipt_number": ln.receipt_number,
            "collected_with_payment_id": payment_id})


def default_refund_method(paid_with: PaymentMethod) -> RefundMethod:
    """Give the money back the way it came: to the card, into the deposit, or in cash."""
    return {PaymentMethod.CREDIT_CARD: RefundMethod.CREDIT_CARD,
            PaymentMethod.DEBIT_CARD: RefundMethod.CREDIT_CARD,
            PaymentMethod.DEPOSIT: RefundMethod.DEPOSIT_CREDIT}.get(paid_with, RefundMethod.CASH)


def _row(r: Any) -> ReconRow:
    figures = VisitFigures(
        collected=q(r.collected), refunded=q(r.refunded), refund_open=q(r.refund_open),
        claim_status=ClaimStatus(r.claim_status), billed=q(r.amount_billed),
        insurer_paid=None if r.amount_approved is None else q(r.amount_approved),
        write_off=q(r.write_off), deductible=q(r.ded_applied),
        balance_collected=q(r.balance_collected), balance_written_off=q(r.balance_written_off))
    return ReconRow(
        appointment_id=r.appointment_id, appointment_date=r.appointment_date,
        patient_id=r.patient_id, patient_name=r.patient_name, mrn=r.mrn,
        payment_id=r.payment_id, receipt_number=r.receipt_number,
        payment_method=PaymentMethod(r.payment_method), payer=r.payer, claim_id=r.claim_id,
        claim_num=r.external_claim_id, claim_status=ClaimStatus(r.claim_status),
        date_received=r.date_received, recon=reconcile(figures))


CSV_COLUMNS = ("Visit date", "Patient", "MRN", "Payer", "Receipt", "Claim", "Claim status",
               "Collected", "Refunded", "Refund requests open", "Patient portion",
               "Difference", "Status", "Explanation")
EXPORT_LIMIT = 10_000


def _csv_cells(r: ReconRow) -> tuple[Any, ...]:
    rc = r.recon
    return (r.appointment_date.isoformat(), r.patient_name, r.mrn, r.payer,
            r.receipt_number, r.claim_num or r.claim_id, r.claim_status.value, rc.collected,
            rc.refunded, rc.refund_open, "" if rc.portion is None else rc.portion,
            "" if rc.difference is None else rc.difference, rc.label, " ".join(rc.explanation))


_CUSTOM_PLANS = sa.text("SET LOCAL plan_cache_mode = force_custom_plan")


def _custom_plans(s: Any) -> Any:
    """``s``, its transaction's statements planned for their values. _VISITS is one statement
    for every filter (``CAST(:x AS ...) IS NULL OR ...``): planned for the values, the unset
    filters fold away and a set one uses its index; the generic plan PostgreSQL may switch to
    once psycopg has prepared the statement (its 5th run on a connection) keeps them all and
    reads every copay payment of the hospital: at clinic scale 5.3 s for the 90-day status
    counts, and 0.19-0.31 s against 7-32 ms for one patient's balance in the copay dialog.
    SET LOCAL needs a transaction: these reads are not read-only (autocommit) units of work."""
    s.execute(_CUSTOM_PLANS)
    return s


def _params(hospital_id: int, **kw: Any) -> dict[str, Any]:
    base = {"hid": hospital_id, "d0": None, "d1": None, "patient": None, "appt": None,
            "payer": None, "status": None, "after_day": None, "after_id": None, "lim": 1}
    base.update(kw)
    return base


class ReconciliationService:
    """Reads run in units of work that only read (in a transaction, for :func:`_custom_plans`);
    the one mutation (a refund request) is the refund service's own transaction."""

    def __init__(self, uow: UowFactory, refunds: RefundService,
                 clock: Clock = system_clock) -> None:
        self._uow = uow
        self._refunds = refunds
        self._clock = clock

    def list(self, actor: Actor, *, status: ReconStatus | None = None,
             payer: str | None = None, date_from: dt.date | None = None,
             date_to: dt.date | None = None, page_size: int = 50,
             after: ReconCursor | None = None) -> ReconPage:
        """Visits newest first, ``page_size`` at a time; pass ``next_cursor`` back as
        ``after``. ``counts``: every status's total for the same payer and dates."""
        actor.require(Permission.VIEW_CLAIMS)
        page_size = max(1, min(int(page_size), MAX_PAGE))
        payer = clean_text(payer, "Payer", SEARCH_MAX) or None
        if status is not None:
            try:
                status = ReconStatus(status)
            except ValueError:
                raise ValidationError(M("unknown_reconciliation_status",
                                        "Unknown reconciliation status {status}.",
                                        status=repr(status))) from None
        date_from = check_day(date_from, "The start date")
        date_to = check_day(date_to, "The end date")
        if date_from and date_to and date_from > date_to:
            raise ValidationError(M("date_range_ends_before",
                                    "The date range ends before it starts; swap the dates."))
        filters = {"d0": date_from, "d1": date_to, "payer": payer}
        with self._uow(actor) as uow:
            s = _custom_plans(uow.session)
            counts = {st: 0 for st in ReconStatus}
            for st, n in s.execute(_COUNTS, _params(actor.hospital_id, **filters)):
                counts[ReconStatus(st)] = n
            rows = [_row(r) for r in s.execute(_PAGE, _params(
                actor.hospital_id, **filters, status=status.value if status else None,
                after_day=after.appointment_date if after else None,
                after_id=after.appointment_id if after else None, lim=page_size + 1))]
        more = len(rows) > page_size
        rows = rows[:page_size]
        cursor = (ReconCursor(rows[-1].appointment_date, rows[-1].appointment_id)
                  if more else None)
        return ReconPage(rows, cursor, counts)

    def payers(self, actor: Actor) -> list[str]:
        """Insurers named on copay receipts that have a claim: the payer filter's choices."""
        actor.require(Permission.VIEW_CLAIMS)
        with self._uow(actor, read_only=True) as uow:
            return list(uow.session.scalars(_PAYERS, {"hid": actor.hospital_id}))

    def visit(self, actor: Actor, appointment_id: int) -> ReconRow:
        """One visit's reconciliation (the refund dialog reads it fresh before asking)."""
        actor.require(Permission.VIEW_CLAIMS)
        with self._uow(actor) as uow:
            return self._visit(_custom_plans(uow.session), actor, appointment_id)

    def balance_due(self, actor: Actor, patient_id: int) -> BalanceDue:
        """The patient's UNDERPAID visits and their total, for the copay dialog."""
        actor.require(Permission.COLLECT_COPAY)
        with self._uow(actor) as uow:
            rows = tuple(_row(r) for r in _custom_plans(uow.session).execute(_PAGE, _params(
                actor.hospital_id, patient=int(patient_id),
                status=ReconStatus.UNDERPAID.value, lim=MAX_PAGE)))
        return BalanceDue(q(sum((r.recon.balance_due for r in rows), ZERO)), rows)

    def write_off_balance(self, actor: Actor, appointment_id: int, reason: str, *,
                          expected: Decimal | None = None) -> Done:
        """Forgive an UNDERPAID visit's balance (the billing office will not collect it),
        with a reason: a WRITTEN_OFF settlement, an audit entry and an activity row in one
        transaction. ``expected`` is the balance the screen showed; a visit settled or changed
        meanwhile is a Conflict. No journal entry: nothing was ever booked as owed."""
        actor.require(Permission.WRITE_OFF_BALANCE)
        if actor.user_id is None:  # the audit names who forgave the money
            raise PermissionDenied(M("write_off_needs_user", "A balance can only be written "
                                     "off by a signed-in user."))
        text = clean_text(reason, "The reason", REASON_MAX, key="reason")
        if not text:
            raise ValidationError(M("write_off_reason", "Enter a reason to write off the "
                                    "balance."), field="reason")
        with self._uow(actor) as uow:
            s = uow.session
            # The patient's row lock: the same one a copay collect taking the balance holds.
            patient_id = s.scalar(
                sa.select(Patient.id).join(Appointment, Appointment.patient_id == Patient.id)
                .where(Appointment.id == int(appointment_id),
                       Appointment.hospital_id == actor.hospital_id)
                .with_for_update(of=Patient, key_share=True))
            if patient_id is None:
                raise NotFound(M("no_such_visit", "There is no such visit at this hospital."))
            row = self._visit(s, actor, appointment_id)
            recon = row.recon
            if recon.status is not ReconStatus.UNDERPAID:
                raise Conflict(
                    M("no_balance_to_write_off", "The visit of {day} is {status}; there is no "
                      "balance to write off.", day=Day(row.appointment_date),
                      status=recon.label.lower()),
                    status=recon.status.value)
            if expected is not None and recon.balance_due != q(expected):
                raise _balance_changed(recon.balance_due, q(expected))
            s.execute(sa.insert(BalanceSettlement).values(
                hospital_id=actor.hospital_id, patient_id=row.patient_id,
                copay_payment_id=row.payment_id, appointment_id=row.appointment_id,
                kind="WRITTEN_OFF", amount=recon.balance_due, reason=text,
                created_by=actor.user_id))
            uow.audit(actor, AuditAction.BALANCE_WRITTEN_OFF, patient_id=row.patient_id,
                      appointment_id=row.appointment_id, reason=text,
                      previous={"balance_due": recon.balance_due},
                      new={"balance_due": ZERO, "written_off": recon.balance_due,
                           "receipt_number": row.receipt_number,
                           "patient_portion": recon.portion})
            uow.activity(actor, "BALANCE_WRITTEN_OFF", "appointment", row.appointment_id,
                         {"amount": recon.balance_due, "reason": text})
            uow.commit()
        return Done(Changes.of(appointments={row.appointment_id},
                               copay_payments={row.payment_id}))

    def request_refund(self, actor: Actor, appointment_id: int, *,
                       method: RefundMethod | None = None, amount: Decimal | None = None,
                       details: str | None = None) -> RefundResult:
        """Ask (through the refund approval workflow) for the overpaid difference of a
        visit, or ``amount`` of it; never more than the overpaid amount net of refunds
        already requested or processed."""
        actor.require(Permission.REQUEST_OVERPAID_REFUND)
        with self._uow(actor) as uow:
            row = self._visit(_custom_plans(uow.session), actor, appointment_id)
        recon = row.recon
        if recon.status is not ReconStatus.OVERPAID:
            raise ValidationError(
                M("visit_overpaid_visit_difference",
                  "The visit of {appointment_date} is {status}; only an overpaid visit has a "
                  "difference to refund.",
                  appointment_date=Day(row.appointment_date),
                  status=recon.label.lower()))
        if recon.refundable <= ZERO:
            raise ValidationError(
                M("overpaid_already_covered_refund",
                  "The overpaid {amount} is already covered by refund requests ({refund_open} "
                  "awaiting approval or payment).",
                  amount=Money(recon.difference or ZERO), refund_open=Money(recon.refund_open)))
        amount = recon.refundable if amount is None else amount
        note = (f"Reconciliation of receipt {row.receipt_number}: insurer adjudicated patient "
                f"portion {fmt(recon.portion or ZERO)}, collected {fmt(recon.net_collected)} "
                "net of refunds.")
        extra = clean_text(details, "Details", 300, multiline=True)
        text = f"{note} {extra}" if extra else note
        # The refund service locks the payment and refuses anything that would leave less
        # than the adjudicated portion paid: the cap, checked where it cannot race.
        # The refund service's own request() checks the desk's REQUEST_REFUND; the billing
        # office asks here under REQUEST_OVERPAID_REFUND (checked above) in the same way.
        return self._refunds._request(
            actor, row.payment_id, amount, RefundReason.INSURANCE_UPDATED,
            method or default_refund_method(row.payment_method), text,
            keep=recon.portion or ZERO)

    def export_csv(self, actor: Actor, path: str | os.PathLike, *,
                   status: ReconStatus | None = None, payer: str | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None,
                   state: TaskState | None = None) -> ExportResult:
        """The visits matching the filters (up to 10,000, newest first) with every figure
        and its explanation, through the insurance audit's formula-safe CSV writer."""
        actor.require(Permission.VIEW_CLAIMS)
        state = state or NullState()

        outcome = {"truncated": False}

        def fill(writer: Any) -> int | None:
            written, after = 0, None
            while True:
                if state.cancelled():
                    return None
                page = self.list(actor, status=status, payer=payer, date_from=date_from,
                                 date_to=date_to, page_size=MAX_PAGE, after=after)
                room = EXPORT_LIMIT - written
                writer.writerows([csv_safe(v) for v in _csv_cells(r)] for r in page.rows[:room])
                written += min(len(page.rows), room)
                state.progress(min(0.99, written / EXPORT_LIMIT))
                if page.next_cursor is None:
                    return written
                if written >= EXPORT_LIMIT:
                    outcome["truncated"] = True
                    return written
                after = page.next_cursor

        target = Path(path)
        written = write_atomically(target, CSV_COLUMNS, fill)
        if written is None:
            return ExportResult(target, 0, cancelled=True)
        truncated = outcome["truncated"]
        state.progress(1.0)
        with self._uow(actor) as uow:  # patient figures leaving the app: worth a log line
            uow.activity(actor, "RECONCILIATION_EXPORTED", "copay_payments", None, {
                "status": status, "payer": payer, "date_from": date_from,
                "date_to": date_to, "rows": written, "file": target.name})
            uow.commit()
        return ExportResult(target, written, truncated=truncated)

    @staticmethod
    def _visit(s: Any, actor: Actor, appointment_id: int) -> ReconRow:
        r = s.execute(_PAGE, _params(actor.hospital_id, appt=int(appointment_id),
                                     lim=1)).one_or_none()
        if r is None:
            raise NotFound(M("visit_no_copay_receipt",
                             "That visit has no copay receipt with an insurance claim to "
                             "reconcile."))
        return _row(r)
