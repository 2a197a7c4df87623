"""Copay refunds (seed 004 §10, GAP 9): request, approve or reject, process, delete; list,
find the payment to refund, and the refund receipt.

Each public method is one transaction that checks the caller's role first (seed 004 §14)
and writes an insurance audit row and an activity row with the change it describes.

Concurrency, by row locks rather than hope:

- ``request`` locks the copay payment (``FOR UPDATE``) before it adds up what is already
  refunded or still pending, so two desks asking for refunds of the same receipt queue up
  and the second sees the first: together they can never exceed what was paid.
- ``approve``/``reject``/``process``/``delete`` lock the refund row and then check its
  status, so when two accountants press Approve at once one wins and the other is told
  "This refund was already approved by Omar at 10:14." ``process`` then locks the payment
  too (refund first, payment second; nothing locks them in the other order).

Maker-checker: over the hospital's threshold (Settings, default AED 500) the approver may not
be the requester and the payer-out may not be the approver (app/domain/refund_policy.py);
``approve`` and ``process`` check it after locking the refund and raise ApproverIsRequester /
PayerIsApprover, writing nothing.

Processing reverses the money the collect booked (app/services/ledger.py): the deductible
ledger gets negative increments in proportion to the refund, a reversing journal entry
debits revenue and VAT and credits cash, card clearing, refunds payable (bank transfer) or
patient deposits (deposit credit, which also raises the patient's deposit balance), the
payment's ``refunded_amount`` grows, and the refund gets a receipt number RFD-YYYY-NNNNNN.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import (
    Appointment,
    CopayPayment,
    CopayRefund,
    GLAccount,
    Hospital,
    JournalEntry,
    JournalLine,
    Patient,
    User,
)
from app.domain.enums import (
    AuditAction,
    DepositTxnKind,
    PaymentMethod,
    RefundMethod,
    RefundReason,
    RefundStatus,
    Role,
)
from app.domain.errors import ApproverIsRequester, NotFound, PermissionDenied, ValidationError
from app.domain.messages import Money, Msg, messages
from app.domain.money import ZERO, q
from app.domain.refund_policy import RefundSeparation
from app.domain.refunds import (
    METHOD_LABELS,
    OUTSTANDING,
    REASON_LABELS,
    Decision,
    RefundableLimit,
    RefundAction,
    allowed_actions,
    check_amount,
    check_details,
    check_method,
    check_rejection_reason,
    next_status,
    split_ledger,
    split_revenue,
    validate_amount,
)
from app.domain.roles import Permission, can
from app.domain.text import REASON_MAX, SEARCH_MAX, ascii_digits, clean_text
from app.domain.visits import visit_type_name
from app.services import ledger
from app.services.changes import Changes
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.unit_of_work import UnitOfWork, UowFactory

M = messages(__name__)

if TYPE_CHECKING:
    from app.receipts.model import ReceiptData

__all__ = ["PaymentMatch", "RefundCursor", "RefundPage", "RefundResult", "RefundRow",
           "RefundService"]

R = CopayRefund
P = CopayPayment
MAX_PAGE = 200
RECEIPT_KIND = "RFD"

# ------------------------------------------------------------------------------ values
@dataclass(frozen=True)
class PaymentMatch:
    """A copay payment found for the request dialog, with what is left to refund."""

    payment_id: int
    receipt_number: str
    payment_date: dt.datetime  # hospital local time
    patient_id: int
    patient_name: str
    mrn: str
    appointment_id: int
    appointment_date: dt.date | None
    payment_method: PaymentMethod
    insurer: str | None
    paid: Decimal
    refunded: Decimal
    awaiting_approval: Decimal
    approved_unpaid: Decimal

    @property
    def limit(self) -> RefundableLimit:
        return RefundableLimit(self.receipt_number, self.paid, self.refunded,
                               self.awaiting_approval, self.approved_unpaid)

    @property
    def pending(self) -> Decimal:
        """Refunds still open on this payment (PENDING + APPROVED)."""
        return self.limit.outstanding

    @property
    def refundable(self) -> Decimal:
        return self.limit.refundable


@dataclass(frozen=True)
class RefundRow:
    """One refund as the screens show it; times are in the hospital's time zone."""

    id: int
    status: RefundStatus
    amount: Decimal
    method: RefundMethod
    reason: RefundReason
    details: str | None
    requested_at: dt.datetime
    requested_by: str | None
    approved_at: dt.datetime | None
    approved_by: str | None
    processed_at: dt.datetime | None
    processed_by: str | None
    rejected_at: dt.datetime | None
    rejected_by: str | None
    rejection_reason: str | None
    receipt_number: str | None
    payment_id: int
    original_receipt_number: str
    payment_amount: Decimal
    payment_refunded: Decimal
    payment_method: PaymentMethod
    payment_date: dt.datetime
    patient_id: int
    patient_name: str
    mrn: str
    appointment_id: int | None

    @property
    def actions(self) -> frozenset[RefundAction]:
        return allowed_actions(self.status)

    @property
    def reason_text(self) -> str:
        label = REASON_LABELS[self.reason]
        return f"{label}: {self.details}" if self.details else label

    @property
    def method_label(self) -> str:
        return METHOD_LABELS[self.method]


@dataclass(frozen=True)
class RefundCursor:
    """Keyset position: the (requested_at, id) of the last row shown."""

    requested_at: dt.datetime
    id: int


@dataclass(frozen=True)
class RefundPage:
    rows: list[RefundRow]
    next_cursor: RefundCursor | None
    counts: dict[RefundStatus, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class RefundResult:
    """What a mutation did: the refund as it now stands (None once deleted) and the rows
    touched, for the change bus."""

    refund_id: int
    refund: RefundRow | None
    changes: Changes


# --------------------------------------------------------------------------- helpers
_RECEIPT = re.compile(r"(RCP|RFD)-(\d{4})(?:-(\d{0,6}))?")
MAX_NAME_MATCHES = 200


@dataclass(frozen=True)
class _Found:
    """What a search text points at, resolved through indexes before the main query:
    patients (exact MRN, or name prefix) and copay payments (receipt number)."""

    patient_ids: tuple[int, ...] = ()
    payment_ids: tuple[int, ...] = ()
    refund_receipt: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.patient_ids or self.payment_ids or self.refund_receipt)


def _like_prefix(text: str) -> str:
    t = text.lower()
    return t.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _find(s: Session, hospital_id: int, text: str, limit: int) -> _Found:
    """Resolve a search text without scanning the payments.

    - "RCP-2026-0001…" (or the whole number): payments by receipt year and sequence range,
      through the (hospital, year, seq) unique index; "RFD-…" names a refund receipt;
    - an exact MRN: that patient, through the (hospital, mrn) unique index;
    - otherwise a name prefix ("sara", "sara al m", "al mansoori"): matching patients.
    A name prefix scans the patients table (no index serves a prefix LIKE under every
    collation), which is the slowest case: ~0.1 s at 100,000 patients.
    """
    t = " ".join(text.split())
    up = t.upper()
    m = _RECEIPT.fullmatch(up)
    if m:
        kind, year, digits = m.group(1), int(m.group(2)), m.group(3) or ""
        if kind == "RFD":
            return _Found(refund_receipt=up)
        lo = int(digits.ljust(6, "0") or 0)
        hi = int(digits.ljust(6, "9")) if digits else 999_999
        ids = s.scalars(sa.select(P.id).where(
            P.hospital_id == hospital_id, P.receipt_year == year,
            P.receipt_seq.between(lo, hi)).order_by(P.receipt_seq.desc()).limit(limit)).all()
        return _Found(payment_ids=tuple(ids))
    by_mrn = s.scalar(sa.select(Patient.id).where(Patient.hospital_id == hospital_id,
                                                  Patient.mrn == up))
    if by_mrn is not None:
        return _Found(patient_ids=(by_mrn,))
    like = _like_prefix(t)
    full = sa.func.lower(Patient.first_name + " " + Patient.last_name)
    ids = s.scalars(sa.select(Patient.id).where(
        Patient.hospital_id == hospital_id,
        sa.or_(full.like(like, escape="/"),
               sa.func.lower(Patient.last_name + " " + Patient.first_name).like(like,
                                                                                 escape="/"),
               sa.func.lower(Patient.mrn) == t.lower()))
        .limit(MAX_NAME_MATCHES)).all()
    return _Found(patient_ids=tuple(ids))


def _local(value: dt.datetime | None, tz: ZoneInfo) -> dt.datetime | None:
    return None if value is None else value.astimezone(tz)


def _hospital_tz(session: Session, hospital_id: int) -> ZoneInfo:
    name = session.scalar(sa.select(Hospital.timezone).where(Hospital.id == hospital_id))
    if name is None:
        raise NotFound(M("workstation_hospital_no_longer",
                         "This workstation's hospital no longer exists."))
    return ZoneInfo(name)


def _snapshot(refund: CopayRefund, pay: CopayPayment, **extra: Any) -> dict[str, Any]:
    """The audit's view of a refund: the keys the audit page reads (amount, method, insurer)
    plus what identifies the refund and its payment."""
    return {
        "refund_id": refund.id, "status": refund.status, "amount": refund.refund_amount,
        "method": refund.refund_method, "reason": refund.refund_reason,
        "details": refund.reason_details, "payment_id": pay.id,
        "receipt_number": pay.receipt_number, "paid": pay.amount,
        "payment_method": pay.payment_method, "insurer": pay.insurance_provider,
        "refund_receipt_number": refund.receipt_number, **extra,
    }


class RefundService:
    """Refund use cases. Reads run in read-only (autocommit) units of work: a handful of
    independent statements, no BEGIN/ROLLBACK round trips; every mutation is one
    transaction."""

    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    # ------------------------------------------------------------------------- queries
    def find_payments(self, actor: Actor, text: str, limit: int = 20) -> list[PaymentMatch]:
        """Copay payments whose patient name starts with ``text``, or whose MRN or receipt
        number does; newest first, each with paid/refunded/pending/refundable amounts."""
        actor.require(Permission.VIEW_REFUNDS)
        text = ascii_digits(clean_text(text, "Search", SEARCH_MAX) or "")
        if len(text) < 2:
            return []
        limit = max(1, min(int(limit), 100))
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = _hospital_tz(s, actor.hospital_id)
            found = _find(s, actor.hospital_id, text, limit)
            if not (found.patient_ids or found.payment_ids):
                return []
            which = (P.id.in_(found.payment_ids) if found.payment_ids
                     else P.patient_id.in_(found.patient_ids))
            stmt = (
                self._payment_select()
                .where(P.hospital_id == actor.hospital_id, which)
                .order_by(P.payment_date.desc(), P.id.desc())
                .limit(limit)
            )
            return [self._match(r, tz) for r in s.execute(stmt)]

    def get_payment(self, actor: Actor, payment_id: int) -> PaymentMatch:
        actor.require(Permission.VIEW_REFUNDS)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = _hospital_tz(s, actor.hospital_id)
            r = s.execute(self._payment_select().where(
                P.id == payment_id, P.hospital_id == actor.hospital_id)).one_or_none()
            if r is None:
                raise NotFound(M("copay_payment_not_found", "That copay payment was not found."))
            return self._match(r, tz)

    def get(self, actor: Actor, refund_id: int) -> RefundRow:
        actor.require(Permission.VIEW_REFUNDS)
        with self._uow(actor, read_only=True) as uow:
            return self._row(uow.session, actor, refund_id)

    def list(self, actor: Actor, status: RefundStatus | None = None, search: str | None = None,
             page_size: int = 50, after: RefundCursor | None = None) -> RefundPage:
        """Newest first, ``page_size`` at a time; pass ``next_cursor`` back as ``after``.
        ``counts`` gives every status's total for the same search (for the tabs)."""
        actor.require(Permission.VIEW_REFUNDS)
        page_size = max(1, min(int(page_size), MAX_PAGE))
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = _hospital_tz(s, actor.hospital_id)
            where: list[sa.ColumnElement[bool]] = [R.hospital_id == actor.hospital_id]
            text = ascii_digits(clean_text(search, "Search", SEARCH_MAX) or "")
            if text:
                found = _find(s, actor.hospital_id, text, MAX_PAGE)
                if found.empty:
                    return RefundPage([], None, {st: 0 for st in RefundStatus})
                where.append(sa.or_(
                    R.patient_id.in_(found.patient_ids),
                    R.copay_payment_id.in_(found.payment_ids),
                    R.receipt_number == (found.refund_receipt or "")))
            counts = {st: 0 for st in RefundStatus}
            count_stmt = (sa.select(R.status, sa.func.count()).select_from(R)
                          .where(*where).group_by(R.status))
            for st, n in s.execute(count_stmt):
                counts[RefundStatus(st)] = n
            if status is not None:
                where.append(R.status == RefundStatus(status))
            if after is not None:
                where.append(sa.tuple_(R.requested_at, R.id) < (after.requested_at, after.id))
            # The page's ids first, from copay_refunds alone, then the joins for those rows
            # only: joined up front, the planner hashes every patient to sort all refunds.
            page = (sa.select(R.id, R.requested_at).where(*where)
                    .order_by(R.requested_at.desc(), R.id.desc()).limit(page_size + 1)
                    .subquery("page"))
            stmt = (self._refund_select().join(page, page.c.id == R.id)
                    .order_by(page.c.requested_at.desc(), page.c.id.desc()))
            names = self._names(s, actor.hospital_id)
            rows = [self._refund_row(r, tz, names) for r in s.execute(stmt)]
            more = len(rows) > page_size
            rows = rows[:page_size]
            cursor = None
            if more:
                last = rows[-1]
                cursor = RefundCursor(last.requested_at.astimezone(dt.UTC), last.id)
            return RefundPage(rows, cursor, counts)

    def refund_receipt(self, actor: Actor, refund_id: int) -> ReceiptData:
        """The printable refund receipt of a processed refund (app/receipts/model.py)."""
        from app.receipts.model import ReceiptData

        actor.require(Permission.VIEW_REFUNDS)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            row = self._row(s, actor, refund_id)
            if row.status is not RefundStatus.PROCESSED:
                raise ValidationError(M("refund_receipt_exists_once",
                                        "A refund receipt exists once the refund is processed; "
                                        "this one is {status}.",
                                        status=row.status.value.lower()))
            if not row.receipt_number:
                raise ValidationError(M("refund_processed_without_refund",
                                        "This refund was processed without a refund receipt "
                                        "number, so there is no receipt to print."))
            h = s.get(Hospital, actor.hospital_id)
            pay = s.get(P, row.payment_id)
            pat = s.get(Patient, row.patient_id)
            appt = s.get(Appointment, row.appointment_id) if row.appointment_id else None
            assert h is not None and pay is not None and pat is not None
            # The VAT this refund actually reversed, as posted (not recomputed).
            vat = s.scalar(
                sa.select(sa.func.sum(JournalLine.debit))
                .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
                .join(GLAccount, GLAccount.id == JournalLine.account_id)
                .where(JournalEntry.source_type == ledger.SOURCE_COPAY_REFUND,
                       JournalEntry.source_id == refund_id,
                       GLAccount.code == ledger.ACCOUNT_VAT))
            visit = ""
            if appt is not None:
                visit = (f"{visit_type_name(appt.visit_type)} on "
                         f"{appt.appointment_date:%d %b %Y}")
            notes = row.reason_text
            return ReceiptData(
                kind="REFUND", receipt_number=row.receipt_number,
                issued_at=row.processed_at or row.requested_at, timezone=h.timezone,
                hospital_name=h.name, hospital_name_ar=h.name_ar or "",
                hospital_address=h.address or "", hospital_phone=h.phone or "",
                hospital_trn=h.trn, patient_name=pat.full_name,
                patient_name_ar=pat.full_name_ar, mrn=pat.mrn, emirates_id=pat.emirates_id,
                visit_description=visit, patient_amount=row.amount, vat_rate=pay.vat_rate,
                vat_amount=q(vat) if vat is not None else None,
                payment_method=row.method_label, collected_by=row.processed_by or "",
                original_receipt_number=row.original_receipt_number, notes=notes,
                signature_line=row.method is RefundMethod.CASH,
            )

    # ----------------------------------------------------------------------- mutations
    def request(self, actor: Actor, payment_id: int, amount: Decimal, reason: RefundReason,
                method: RefundMethod, details: str | None = None, *,
                keep: Decimal = ZERO) -> RefundResult:
        """Ask for a refund of (part of) a copay payment: a PENDING refund.

        ``keep``: an amount of the payment that must stay paid whatever is refunded
        (reconciliation: the patient portion the insurer adjudicated), checked under the
        payment's lock with the refunds already processed or open."""
        actor.require(Permission.REQUEST_REFUND)
        return self._request(actor, payment_id, amount, reason, method, details, keep=keep)

    def _request(self, actor: Actor, payment_id: int, amount: Decimal, reason: RefundReason,
                 method: RefundMethod, details: str | None = None, *,
                 keep: Decimal = ZERO) -> RefundResult:
        """:meth:`request` without its role check: for a service that checked its own
        (Reconciliation's REQUEST_OVERPAID_REFUND) before asking in the same way."""
        if actor.user_id is None:
            raise PermissionDenied(M("refund_must_requested_signed",
                                     "A refund must be requested by a signed-in person."))
        amount = validate_amount(amount)
        reason = _enum(RefundReason, reason, M("name_reason", "refund reason"))
        method = _enum(RefundMethod, method, M("name_method", "refund method"))
        details = check_details(reason, details)
        with self._uow(actor) as uow:
            s = uow.session
            pay = s.scalars(sa.select(P).where(P.id == payment_id,
                                               P.hospital_id == actor.hospital_id)
                            .with_for_update()).one_or_none()
            if pay is None:
                raise NotFound(M("copay_payment_not_found_2",
                                 "That copay payment was not found. Search again by patient name, "
                                 "MRN or receipt number."))
            limit = self._limit(s, pay)
            amount = check_amount(amount, limit)
            if keep > ZERO and amount > limit.refundable - keep:
                left = max(ZERO, q(limit.refundable - keep))
                raise ValidationError(
                    M("most_refunded_receipt_patient",
                      "At most {left} can be refunded on receipt {receipt_number}: {keep} of it "
                      "is the patient's adjudicated portion ({explained}).",
                      left=Money(left), receipt_number=pay.receipt_number, keep=Money(q(keep)),
                      explained=limit.explain()), refundable=str(left))
            check_method(pay.payment_method, method)
            refund = R(hospital_id=pay.hospital_id, copay_payment_id=pay.id,
                       patient_id=pay.patient_id, appointment_id=pay.appointment_id,
                       refund_amount=amount, refund_method=method, refund_reason=reason,
                       reason_details=details, status=RefundStatus.PENDING,
                       requested_by=actor.user_id, requested_at=self._clock())
            s.add(refund)
            s.flush()
            before = {"refundable": limit.refundable, "refunded": limit.refunded,
                      "outstanding": limit.outstanding}
            return self._finish(uow, actor, AuditAction.REFUND_REQUESTED, refund, pay,
                                previous=before, reason=_request_reason(reason, details))

    def approve(self, actor: Actor, refund_id: int) -> RefundResult:
        """PENDING -> APPROVED."""
        actor.require(Permission.APPROVE_REFUND)
        with self._uow(actor) as uow:
            s = uow.session
            refund, _ = self._lock(s, actor, refund_id, RefundAction.APPROVE)
            _separation(s, actor).check_approver(refund.refund_amount, refund.requested_by,
                                                 actor.user_id)
            _billing_office_separation(s, refund, actor)
            pay = s.get(P, refund.copay_payment_id)
            assert pay is not None
            refund.status = RefundStatus.APPROVED
            refund.approved_by = actor.user_id
            refund.approved_at = self._clock()
            return self._finish(uow, actor, AuditAction.REFUND_APPROVED, refund, pay,
                                previous={"status": RefundStatus.PENDING})

    def reject(self, actor: Actor, refund_id: int, reason: str) -> RefundResult:
        """PENDING -> REJECTED, with the reason the requester will read."""
        actor.require(Permission.APPROVE_REFUND)
        reason = check_rejection_reason(reason)
        with self._uow(actor) as uow:
            s = uow.session
            refund, _ = self._lock(s, actor, refund_id, RefundAction.REJECT)
            pay = s.get(P, refund.copay_payment_id)
            assert pay is not None
            refund.status = RefundStatus.REJECTED
            refund.rejected_by = actor.user_id
            refund.rejected_at = self._clock()
            refund.rejection_reason = reason
            return self._finish(uow, actor, AuditAction.REFUND_REJECTED, refund, pay,
                                previous={"status": RefundStatus.PENDING}, reason=reason)

    def process(self, actor: Actor, refund_id: int) -> RefundResult:
        """APPROVED -> PROCESSED: pay the money back and undo what the collect booked."""
        actor.require(Permission.PROCESS_REFUND)
        with self._uow(actor) as uow:
            s = uow.session
            refund, tz = self._lock(s, actor, refund_id, RefundAction.PROCESS)
            _separation(s, actor).check_payer(refund.refund_amount, refund.approved_by,
                                              actor.user_id)
            pay = s.scalars(sa.select(P).where(P.id == refund.copay_payment_id)
                            .with_for_update()).one()
            amount = refund.refund_amount
            done = pay.refunded_amount
            if done + amount > pay.amount:  # the request limit makes this unreachable
                raise ValidationError(
                    M("refunding_would_take_receipt",
                      "Refunding {amount} would take receipt {receipt_number} past the {amount2} "
                      "paid ({done} already refunded).",
                      amount=Money(amount), receipt_number=pay.receipt_number,
                      amount2=Money(pay.amount), done=Money(done)))
            now = self._clock()
            previous = {"status": RefundStatus.APPROVED, "payment_refunded": done}

            ledger_change: dict[str, Any] | None = None
            if pay.patient_insurance_id is not None and (pay.deductible_portion
                                                         or pay.copay_portion):
                split = split_ledger(amount, paid=pay.amount, already_refunded=done,
                                     deductible_portion=pay.deductible_portion,
                                     copay_portion=pay.copay_portion)
                year = self._fiscal_year(s, pay, tz)
                state = ledger.adjust_deductible_ledger(
                    s, hospital_id=pay.hospital_id, patient_id=pay.patient_id,
                    patient_insurance_id=pay.patient_insurance_id, fiscal_year=year,
                    deductible_delta=-split.deductible, copay_delta=-split.copay)
                ledger_change = {"fiscal_year": year, "deductible": -split.deductible,
                                 "copay": -split.copay,
                                 "deductible_after": state.accumulated_amount,
                                 "copay_after": state.copay_accumulated}

            money = split_revenue(amount, paid=pay.amount, already_refunded=done,
                                  vat_amount=pay.vat_amount)
            method = RefundMethod(refund.refund_method)
            _, number = ledger.next_receipt_number(s, pay.hospital_id, now.astimezone(tz).year,
                                                   RECEIPT_KIND)
            # The money: a reversing journal entry, and the deposit when refunded into it.
            to_deposit = method is RefundMethod.DEPOSIT_CREDIT
            moved = ledger.move_money(
                s, hospital_id=pay.hospital_id, patient_id=pay.patient_id,
                memo=f"Refund {number} of copay receipt {pay.receipt_number}",
                source_type=ledger.SOURCE_COPAY_REFUND, source_id=refund.id,
                lines=ledger.refund_lines(amount, money.revenue, money.vat, method),
                posted_by=actor.user_id, deposit_delta=amount if to_deposit else ZERO,
                deposit_kind=DepositTxnKind.REFUND_CREDIT if to_deposit else None,
                copay_payment_id=pay.id, refund_id=refund.id,
                reverses_entry_id=ledger.entry_for_source(
                    s, pay.hospital_id, ledger.SOURCE_COPAY_PAYMENT, pay.id),
                method=method, workstation=actor.workstation)
            entry_id, deposit_after = moved.entry_id, moved.deposit_balance_after
            changes = Changes.of(patients={pay.patient_id})
            # The payment row is append-only: what it has had refunded is the sum of its
            # PROCESSED refunds (CopayPayment.refunded_amount), which this one joins below.
            refunded_after = q(done + amount)
            refund.status = RefundStatus.PROCESSED
            refund.processed_by = actor.user_id
            refund.processed_at = now
            refund.receipt_number = number
            s.expire(pay, ["refunded_amount"])  # read again (with this refund) if asked
            return self._finish(
                uow, actor, AuditAction.REFUND_PROCESSED, refund, pay, previous=previous,
                extra={"journal_entry_id": entry_id, "revenue": money.revenue,
                       "vat": money.vat, "credit_account": ledger.refund_credit_account(method),
                       "ledger": ledger_change, "deposit_balance_after": deposit_after,
                       "payment_refunded": refunded_after},
                more=changes)

    def delete(self, actor: Actor, refund_id: int, reason: str | None = None) -> RefundResult:
        """Remove a PENDING request (SUPER_ADMIN). The audit row keeps what it was."""
        actor.require(Permission.DELETE_REFUND)
        reason = clean_text(reason, "The reason", REASON_MAX)
        with self._uow(actor) as uow:
            s = uow.session
            refund, _ = self._lock(s, actor, refund_id, RefundAction.DELETE)
            pay = s.get(P, refund.copay_payment_id)
            assert pay is not None
            snapshot = _snapshot(refund, pay)
            audit = uow.audit(actor, AuditAction.REFUND_DELETED, patient_id=refund.patient_id,
                              appointment_id=refund.appointment_id, previous=snapshot,
                              new=None, reason=reason)
            uow.activity(actor, AuditAction.REFUND_DELETED.value, "copay_refund", refund.id,
                         snapshot)
            s.delete(refund)
            s.flush()
            changes = Changes.of(copay_refunds={refund_id}, copay_payments={pay.id},
                                 insurance_verification_audits={audit.id})
            uow.commit()
            return RefundResult(refund_id, None, changes)

    # ------------------------------------------------------------------------ internals
    def _finish(self, uow: UnitOfWork, actor: Actor, action: AuditAction, refund: CopayRefund,
                pay: CopayPayment, *, previous: dict[str, Any], reason: str | None = None,
                extra: dict[str, Any] | None = None, more: Changes | None = None
                ) -> RefundResult:
        s = uow.session
        s.flush()
        new = _snapshot(refund, pay, **(extra or {}))
        audit = uow.audit(actor, action, patient_id=refund.patient_id,
                          appointment_id=refund.appointment_id, previous=previous, new=new,
                          reason=reason)
        uow.activity(actor, action.value, "copay_refund", refund.id,
                     {"previous": previous, "new": new})
        s.flush()
        changes = Changes.of(copay_refunds={refund.id}, copay_payments={pay.id},
                             insurance_verification_audits={audit.id})
        if more is not None:
            changes = changes | more
        refund_id = refund.id
        uow.commit()
        return RefundResult(refund_id, self._row(s, actor, refund_id), changes)

    def _lock(self, s: Session, actor: Actor, refund_id: int,
              action: RefundAction) -> tuple[CopayRefund, ZoneInfo]:
        """Lock the refund row, then check ``action`` against the status it has *now*."""
        refund = s.scalars(sa.select(R).where(R.id == refund_id,
                                              R.hospital_id == actor.hospital_id)
                           .with_for_update()).one_or_none()
        if refund is None:
            raise NotFound(M("refund_no_longer_exists",
                             "This refund no longer exists; it may have been deleted. Refresh the "
                             "list."))
        tz = _hospital_tz(s, actor.hospital_id)
        status = RefundStatus(refund.status)
        by_id, at = {
            RefundStatus.APPROVED: (refund.approved_by, refund.approved_at),
            RefundStatus.PROCESSED: (refund.processed_by, refund.processed_at),
            RefundStatus.REJECTED: (refund.rejected_by, refund.rejected_at),
        }.get(status, (None, None))
        by = s.scalar(sa.select(User.full_name).where(User.id == by_id)) if by_id else None
        today = self._clock().astimezone(tz).date()
        next_status(Decision(status, by, _local(at, tz)), action, today)
        return refund, tz

    def _limit(self, s: Session, pay: CopayPayment) -> RefundableLimit:
        sums = dict(s.execute(
            sa.select(R.status, sa.func.sum(R.refund_amount))
            .where(R.copay_payment_id == pay.id, R.status.in_(OUTSTANDING))
            .group_by(R.status)).all())
        return RefundableLimit(pay.receipt_number, pay.amount, pay.refunded_amount,
                               q(sums.get(RefundStatus.PENDING, ZERO)),
                               q(sums.get(RefundStatus.APPROVED, ZERO)))

    @staticmethod
    def _fiscal_year(s: Session, pay: CopayPayment, tz: ZoneInfo) -> int:
        """The fiscal year whose ledger the payment was added to: the visit's year (the
        quote's service date, else the appointment date, else the payment date)."""
        service_date = (pay.quote or {}).get("service_date")
        if isinstance(service_date, str) and len(service_date) >= 4 and service_date[:4].isdigit():
            return int(service_date[:4])
        day = s.scalar(sa.select(Appointment.appointment_date)
                       .where(Appointment.id == pay.appointment_id))
        if day is not None:
            return day.year
        return pay.payment_date.astimezone(tz).year

    @staticmethod
    def _payment_select() -> sa.Select:
        def total(status: RefundStatus) -> sa.ScalarSelect:
            return (sa.select(sa.func.coalesce(sa.func.sum(R.refund_amount), 0))
                    .where(R.copay_payment_id == P.id, R.status == status)
                    .scalar_subquery())

        return (
            sa.select(P.id, P.receipt_number, P.payment_date, P.patient_id,
                      (Patient.first_name + " " + Patient.last_name).label("patient_name"),
                      Patient.mrn, P.appointment_id, Appointment.appointment_date,
                      P.payment_method, P.insurance_provider, P.amount, P.refunded_amount,
                      total(RefundStatus.PENDING).label("awaiting"),
                      total(RefundStatus.APPROVED).label("approved"))
            .join(Patient, Patient.id == P.patient_id)
            .outerjoin(Appointment, Appointment.id == P.appointment_id)
        )

    @staticmethod
    def _match(r: sa.Row, tz: ZoneInfo) -> PaymentMatch:
        return PaymentMatch(
            payment_id=r.id, receipt_number=r.receipt_number,
            payment_date=r.payment_date.astimezone(tz), patient_id=r.patient_id,
            patient_name=r.patient_name, mrn=r.mrn, appointment_id=r.appointment_id,
            appointment_date=r.appointment_date, payment_method=PaymentMethod(r.payment_method),
            insurer=r.insurance_provider, paid=q(r.amount), refunded=q(r.refunded_amount),
            awaiting_approval=q(r.awaiting), approved_unpaid=q(r.approved))

    @staticmethod
    def _refund_select() -> sa.Select:
        return (
            sa.select(
                R.id, R.status, R.refund_amount, R.refund_method, R.refund_reason,
                R.reason_details, R.requested_at, R.requested_by, R.approved_at,
                R.approved_by, R.processed_at, R.processed_by, R.rejected_at, R.rejected_by,
                R.rejection_reason, R.receipt_number, P.id.label("payment_id"),
                P.receipt_number.label("original_receipt_number"),
                P.amount.label("payment_amount"), P.refunded_amount.label("payment_refunded"),
                P.payment_method, P.payment_date, R.patient_id,
                (Patient.first_name + " " + Patient.last_name).label("patient_name"),
                Patient.mrn, R.appointment_id)
            .select_from(R)
            .join(P, P.id == R.copay_payment_id)
            .join(Patient, Patient.id == R.patient_id)
        )

    @staticmethod
    def _names(s: Session, hospital_id: int) -> dict[int, str]:
        """Staff names by user id: a hospital has dozens of users, so one small query beats
        four more joins (which cost more to plan than the page costs to run)."""
        return dict(s.execute(sa.select(User.id, User.full_name)
                              .where(User.hospital_id == hospital_id)).all())

    @staticmethod
    def _refund_row(r: sa.Row, tz: ZoneInfo, names: dict[int, str]) -> RefundRow:
        def who(user_id: int | None) -> str | None:
            return None if user_id is None else names.get(user_id, f"user {user_id}")

        return RefundRow(
            id=r.id, status=RefundStatus(r.status), amount=q(r.refund_amount),
            method=RefundMethod(r.refund_method), reason=RefundReason(r.refund_reason),
            details=r.reason_details, requested_at=r.requested_at.astimezone(tz),
            requested_by=who(r.requested_by), approved_at=_local(r.approved_at, tz),
            approved_by=who(r.approved_by), processed_at=_local(r.processed_at, tz),
            processed_by=who(r.processed_by), rejected_at=_local(r.rejected_at, tz),
            rejected_by=who(r.rejected_by), rejection_reason=r.rejection_reason,
            receipt_number=r.receipt_number, payment_id=r.payment_id,
            original_receipt_number=r.original_receipt_number,
            payment_amount=q(r.payment_amount), payment_refunded=q(r.payment_refunded),
            payment_method=PaymentMethod(r.payment_method),
            payment_date=r.payment_date.astimezone(tz), patient_id=r.patient_id,
            patient_name=r.patient_name, mrn=r.mrn, appointment_id=r.appointment_id)

    def _row(self, s: Session, actor: Actor, refund_id: int) -> RefundRow:
        tz = _hospital_tz(s, actor.hospital_id)
        r = s.execute(self._refund_select().where(
            R.id == refund_id, R.hospital_id == actor.hospital_id)).one_or_none()
        if r is None:
            raise NotFound(M("refund_no_longer_exists_2",
                             "This refund no longer exists; it may have been deleted."))
        return self._refund_row(r, tz, self._names(s, actor.hospital_id))


def _separation(s: Session, actor: Actor) -> RefundSeparation:
    """The hospital's maker-checker rules, read in the caller's transaction."""
    settings = s.scalar(sa.select(Hospital.settings).where(Hospital.id == actor.hospital_id))
    return RefundSeparation.from_settings(settings)


def _billing_office_separation(s: Session, refund: Any, actor: Actor) -> None:
    """A refund asked for by someone who may approve refunds but not ask for them at the desk
    (an accountant, from Reconciliation) always needs a second person to approve it, whatever
    the hospital's maker-checker threshold: otherwise one accountant could find, ask and
    approve the same money alone."""
    if refund.requested_by is None or refund.requested_by != actor.user_id:
        return
    role = s.scalar(sa.select(User.role).where(User.id == refund.requested_by))
    if role is not None and not can(Role(role), Permission.REQUEST_REFUND):
        raise ApproverIsRequester(
            M("billing_office_second_person",
              "You asked for this refund of {amount} from Reconciliation, so someone else must "
              "approve it (a refund the billing office asks for always needs a second person).",
              amount=Money(refund.refund_amount)), amount=refund.refund_amount)


def _enum(kind: type, value: object, name: Msg) -> Any:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(m.value for m in kind)
        raise ValidationError(M("unknown_choose_one",
                                "Unknown {name} {value}; choose one of {choices}.",
                                name=name, value=repr(value), choices=choices)) from None


def _request_reason(reason: RefundReason, details: str | None) -> str:
    label = REASON_LABELS[reason]
    return f"{label}: {details}" if details else label
