"""Insurance claim payments from OpenDental, stored and posted to the general ledger.

An OpenDental claim payment (an insurance check, apis.md §1.5) pays one or more claims; which
ones, and how much each, is on the claimprocs that carry its ClaimPaymentNum. For every
(claim payment, claim) pair :func:`post_remittances` writes, in the caller's transaction:

1. an ``insurance_payments`` row (unique per connection, ClaimPaymentNum and claim: a second
   run finds it and posts nothing: idempotent);
2. the receivable from the insurer, once per claim, if not accrued yet:
   Dr 1200 Insurance receivable / Cr 4000 revenue, for what the insurer approved;
3. the settlement: Dr 1020 Bank / Cr 1200 Insurance receivable, for the amount paid
   (a negative amount, a take-back, the other way round);
4. what is left on the claim's receivable once it is paid (an under- or over-payment against
   the approved amount) is cleared against revenue, so the claim's receivable ends at zero;
5. the claim turns PAID (a history row), and one activity-log entry per payment.

Every entry goes through app/services/ledger.py ``move_money`` (balanced, checked again by
the deferred trigger at commit), as copay collection does.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from app.db.models import (
    Claim,
    ClaimStatusChange,
    Hospital,
    InsurancePayment,
    JournalEntry,
    JournalLine,
)
from app.db.models.ledger import GLAccount
from app.domain.enums import ClaimStatus, InsurancePaymentStatus
from app.domain.errors import NotFound
from app.domain.messages import messages
from app.domain.money import ZERO, q
from app.domain.roles import Permission
from app.integrations.opendental import wire
from app.services import ledger, payment_list
from app.services.context import Actor
from app.services.csv_export import ExportResult, write_atomically, write_keyset_pages
from app.services.payment_list import PaymentCursor, PaymentDetail, PaymentFilters, PaymentPage
from app.services.tasks import NullState, TaskState
from app.services.unit_of_work import UnitOfWork, UowFactory

M = messages(__name__)
if TYPE_CHECKING:
    from app.services.audit import PatientIds

ACCOUNT_BANK = ledger.ACCOUNT_BANK
ACCOUNT_INSURANCE_RECEIVABLE = ledger.ACCOUNT_INSURANCE_RECEIVABLE
SOURCE_INSURANCE_CLAIM = "INSURANCE_CLAIM"  # accrual and clearing, source_id = claims.id
SOURCE_INSURANCE_PAYMENT = "INSURANCE_PAYMENT"  # settlement, source_id = insurance_payments.id


@dataclass(frozen=True)
class Remittance:
    """One OpenDental claim payment and what it paid per ClaimNum."""

    payment: wire.ClaimPayment
    by_claim: dict[int, Decimal]


@dataclass
class PostingReport:
    payments_posted: int = 0
    already_posted: int = 0
    claims_paid: set[int] = field(default_factory=set)
    entries: int = 0


@dataclass(frozen=True)
class InsurancePaymentView:
    id: int
    claim_id: int
    claim_num: int | None
    claim_payment_num: int | None
    amount: Decimal
    received_at: dt.datetime
    method: str | None
    check_num: str | None
    carrier: str | None
    journal_entry_id: int | None
    simulated: bool


def _received_at(p: wire.ClaimPayment, tz: str, fallback: dt.datetime) -> dt.datetime:
    day = p.check_date or p.date_issued
    if day is None:
        return fallback
    return dt.datetime.combine(day, dt.time(12, 0), ZoneInfo(tz))


def receivable_balance(s: Session, hospital_id: int, claim_id: int) -> Decimal:
    """Debits minus credits on 1200 for this claim's accrual, clearing and settlements."""
    payments = sa.select(InsurancePayment.id).where(InsurancePayment.claim_id == claim_id)
    value = s.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(JournalLine.debit - JournalLine.credit), 0))
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .join(GLAccount, GLAccount.id == JournalLine.account_id)
        .where(JournalEntry.hospital_id == hospital_id,
               GLAccount.code == ACCOUNT_INSURANCE_RECEIVABLE,
               sa.or_(sa.and_(JournalEntry.source_type == SOURCE_INSURANCE_CLAIM,
                              JournalEntry.source_id == claim_id),
                      sa.and_(JournalEntry.source_type == SOURCE_INSURANCE_PAYMENT,
                              JournalEntry.source_id.in_(payments)))))
    return q(Decimal(value))


def post_remittances(uow: UnitOfWork, actor: Actor, connection_id: int, tz: str,
                     remittances: Sequence[Remittance], claim_ids: dict[int, int], *,
                     simulated: bool, now: dt.datetime) -> PostingReport:
    """Store and post every (claim payment, claim) not posted yet; see the module docstring.
    ``claim_ids`` maps ClaimNum -> claims.id (the caller brought every claim in first)."""
    s = uow.session
    hid = actor.hospital_id
    report = PostingReport()
    # One round trip each for the whole page: lock its claims, and which are accrued already.
    page_claims = sorted({claim_ids[n] for r in remittances for n in r.by_claim})
    claims = {c.id: c for c in s.scalars(sa.select(Claim).where(Claim.id.in_(page_claims))
                                         .order_by(Claim.id).with_for_update())}
    accrued = set(s.scalars(sa.select(JournalEntry.source_id).where(
        JournalEntry.hospital_id == hid, JournalEntry.source_type == SOURCE_INSURANCE_CLAIM,
        JournalEntry.source_id.in_(page_claims))))
    for remit in remittances:
        p = remit.payment
        for claim_num, amount in sorted(remit.by_claim.items()):
            claim_id = claim_ids[claim_num]
            amount = q(amount)
            new_id = s.execute(insert(InsurancePayment).values(
                hospital_id=hid, claim_id=claim_id, connection_id=connection_id,
                amount=amount, status=InsurancePaymentStatus.POSTED,
                method=(p.pay_type_text or "Check")[:40],
                external_payment_id=p.claim_payment_num,
                received_at=_received_at(p, tz, now),
                details={"check_num": p.check_num or None, "carrier": p.carrier_name or None,
                         "check_amount": str(p.check_amt) if p.check_amt is not None else None,
                         "claim_num": claim_num, "simulated": simulated},
            ).on_conflict_do_nothing(index_elements=[
                InsurancePayment.connection_id, InsurancePayment.external_payment_id,
                InsurancePayment.claim_id]).returning(InsurancePayment.id)).scalar()
            if new_id is None:
                report.already_posted += 1
                continue
            claim = claims[claim_id]
            label = f"claim {claim_num} (payment {p.claim_payment_num})"
            left: Decimal | None = None  # the claim's receivable after this payment, if known
            if claim_id not in accrued:
                expected = q(claim.amount_approved if claim.amount_approved is not None
                             else amount)
                if expected > 0:
                    ledger.move_money(
                        s, hospital_id=hid, patient_id=None,
                        memo=f"Insurance receivable, {label}",
                        source_type=SOURCE_INSURANCE_CLAIM, source_id=claim_id,
                        lines=[(ACCOUNT_INSURANCE_RECEIVABLE, expected, ZERO),
                               (ledger.ACCOUNT_REVENUE, ZERO, expected)],
                        posted_by=actor.user_id)
                    report.entries += 1
                    accrued.add(claim_id)
                # Nothing else was on this claim's receivable: no need to ask the ledger.
                left = max(expected, ZERO) - amount
            if amount != 0:
                lines = ([(ACCOUNT_BANK, amount, ZERO), (ACCOUNT_INSURANCE_RECEIVABLE, ZERO, amount)]
                         if amount > 0 else
                         [(ACCOUNT_INSURANCE_RECEIVABLE, -amount, ZERO), (ACCOUNT_BANK, ZERO, -amount)])
                entry = ledger.move_money(
                    s, hospital_id=hid, patient_id=None, memo=f"Insurance payment, {label}",
                    source_type=SOURCE_INSURANCE_PAYMENT, source_id=new_id, lines=lines,
                    posted_by=actor.user_id).entry_id
                s.execute(sa.update(InsurancePayment).where(InsurancePayment.id == new_id)
                          .values(journal_entry_id=entry))
                report.entries += 1
            if left is None:
                s.flush()
                left = receivable_balance(s, hid, claim_id)
            if left != 0:
                lines = ([(ledger.ACCOUNT_REVENUE, left, ZERO),
                          (ACCOUNT_INSURANCE_RECEIVABLE, ZERO, left)] if left > 0 else
                         [(ACCOUNT_INSURANCE_RECEIVABLE, -left, ZERO),
                          (ledger.ACCOUNT_REVENUE, ZERO, -left)])
                ledger.move_money(
                    s, hospital_id=hid, patient_id=None,
                    memo=f"Insurance receivable cleared, {label}",
                    source_type=SOURCE_INSURANCE_CLAIM, source_id=claim_id, lines=lines,
                    posted_by=actor.user_id)
                report.entries += 1
            if claim.status is not ClaimStatus.PAID:
                s.add(ClaimStatusChange(claim_id=claim_id, from_status=claim.status,
                                        to_status=ClaimStatus.PAID,
                                        od_claim_status=claim.od_claim_status,
                                        reason=f"Claim payment {p.claim_payment_num}",
                                        source="SYNC"))
                claim.status = ClaimStatus.PAID
                report.claims_paid.add(claim_id)
            if claim.amount_approved is None:
                claim.amount_approved = max(amount, ZERO)
            uow.activity(actor, "INSURANCE_PAYMENT_POSTED", "claim", claim_id, {
                "claim_num": claim_num, "claim_payment_num": p.claim_payment_num,
                "amount": amount, "insurance_payment_id": new_id, "simulated": simulated})
            report.payments_posted += 1
    return report


class InsurancePaymentService:
    """What the accountant sees of the posted insurance payments: the list (keyset pages,
    filters: app/services/payment_list.py), one check's detail, and the CSV export."""

    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def list_payments(self, actor: Actor, claim_id: int | None = None,
                      limit: int = 200) -> list[InsurancePaymentView]:
        actor.require(Permission.VIEW_CLAIMS)
        with self._uow(actor, read_only=True) as uow:
            stmt = (sa.select(InsurancePayment, Claim.external_claim_id)
                    .join(Claim, Claim.id == InsurancePayment.claim_id)
                    .where(InsurancePayment.hospital_id == actor.hospital_id)
                    .order_by(InsurancePayment.received_at.desc(), InsurancePayment.id.desc())
                    .limit(limit))
            if claim_id is not None:
                stmt = stmt.where(InsurancePayment.claim_id == claim_id)
            return [InsurancePaymentView(
                p.id, p.claim_id, num, p.external_payment_id, p.amount, p.received_at,
                p.method, (p.details or {}).get("check_num"), (p.details or {}).get("carrier"),
                p.journal_entry_id, bool((p.details or {}).get("simulated")))
                for p, num in uow.session.execute(stmt).all()]

    def page(self, actor: Actor, filters: PaymentFilters | None = None,
             after: PaymentCursor | None = None, limit: int = 50) -> PaymentPage:
        """One keyset page of insurance payments, newest received first; pass
        ``next_cursor`` back as ``after``."""
        actor.require(Permission.VIEW_CLAIMS)
        filters = filters or PaymentFilters()
        filters.validate()
        limit = max(1, min(int(limit), payment_list.MAX_PAGE))
        with self._uow(actor, read_only=not filters.patient) as uow:
            s = uow.session
            rows = payment_list.fetch_rows(s, actor.hospital_id, _tz(s, actor), filters, after,
                                           limit + 1, _patients(s, actor, filters))
        more = len(rows) > limit
        rows = rows[:limit]
        return PaymentPage(rows, rows[-1].cursor if more and rows else None)

    def carriers(self, actor: Actor) -> list[str]:
        """The carriers that paid something, for the filter bar."""
        actor.require(Permission.VIEW_CLAIMS)
        with self._uow(actor, read_only=True) as uow:
            return payment_list.carriers(uow.session, actor.hospital_id)

    def detail(self, actor: Actor, payment_id: int) -> PaymentDetail:
        """The insurance check ``payment_id`` is part of: every claim it paid, the total."""
        actor.require(Permission.VIEW_CLAIMS)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            found = payment_list.detail(s, actor.hospital_id, _tz(s, actor), payment_id)
        if found is None:
            raise NotFound(M("insurance_payment_not_found", "Insurance payment not found."))
        return found

    def export_csv(self, actor: Actor, filters: PaymentFilters | None,
                   path: str | os.PathLike, state: TaskState | None = None) -> ExportResult:
        """Up to 50,000 matching payments to ``path`` (UTF-8 CSV, formula-safe cells, the
        file appears only once complete: app/services/csv_export.py)."""
        actor.require(Permission.VIEW_CLAIMS)
        filters = filters or PaymentFilters()
        filters.validate()
        state = state or NullState()
        truncated = False

        def write(writer: Any) -> int | None:
            nonlocal truncated
            with self._uow(actor, read_only=not filters.patient) as uow:
                s = uow.session
                tz, pids = _tz(s, actor), _patients(s, actor, filters)
                done = write_keyset_pages(
                    writer, lambda after, n: payment_list.fetch_rows(
                        s, actor.hospital_id, tz, filters, after, n, pids),
                    lambda r: payment_list.csv_values(r, tz), state, limit=EXPORT_LIMIT,
                    batch=EXPORT_BATCH)
            if done is None:
                return None
            written, truncated = done
            return written

        written = write_atomically(path, payment_list.CSV_COLUMNS, write)
        target = Path(path)
        if written is None:
            return ExportResult(target, 0, cancelled=True)
        state.progress(1.0)
        with self._uow(actor) as uow:
            uow.activity(actor, "INSURANCE_PAYMENTS_EXPORTED", "insurance_payment", None, {
                "filters": filters.describe(), "rows": written, "truncated": truncated,
                "file": target.name})
            uow.commit()
        return ExportResult(target, written, truncated=truncated)


EXPORT_LIMIT = 50_000
EXPORT_BATCH = 1_000


def _tz(s: Session, actor: Actor) -> ZoneInfo:
    name = s.scalar(sa.select(Hospital.timezone).where(Hospital.id == actor.hospital_id))
    if name is None:
        raise NotFound(M("workstation_hospital_no_longer",
                         "This workstation's hospital no longer exists."))
    return ZoneInfo(name)


def _patients(s: Session, actor: Actor, filters: PaymentFilters) -> PatientIds | None:
    from app.services.audit import _patient_ids  # one meaning of "name or MRN" everywhere

    if not filters.patient:
        return None
    # _patient_ids forces custom plans for the rest of the transaction (the page query
    # must be planned for these ids): with a patient filter these reads are not
    # read-only (autocommit) units of work, as SET LOCAL needs a transaction.
    return _patient_ids(s, actor.hospital_id, filters.patient)
