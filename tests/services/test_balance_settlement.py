"""An underpaid visit's balance settled later (issue 13), on real PostgreSQL, hand-computed:
collected with the next visit's copay (one journal entry, the drawer's shift, its own receipt
line) or written off by an accountant; a balance another desk settled is a Conflict."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import (
    BalanceSettlement,
    Claim,
    InsuranceAudit,
    JournalEntry,
    Patient,
    ShiftMovement,
)
from app.domain.enums import AuditAction, ClaimStatus, PaymentMethod
from app.domain.errors import Conflict, PermissionDenied, ValidationError
from app.domain.reconciliation import ReconStatus
from app.receipts.pdf import render_pdf
from app.services.clock import fixed_clock
from app.services.copay import CopayService
from app.services.reconciliation import ReconciliationService
from app.services.refunds import RefundService
from tests import factories as f
from tests.services.conftest import NOW, row_counts
from tests.services.test_copay_collect import gl_lines

D = Decimal
EARLIER = dt.datetime(2026, 2, 26, 9, 30, tzinfo=f.DUBAI)


@pytest.fixture
def recon(uow):
    return ReconciliationService(uow, RefundService(uow, fixed_clock(NOW)), fixed_clock(NOW))


def underpaid(clinic, uow):
    """Visit 1 (26 Feb): fee 300, 20% copay -> 60.00 collected; the insurer paid 200.00 of the
    300.00 billed -> patient portion 100.00; balance 100 - 60 = 40.00. Visit 2 is today."""
    s = clinic.session
    pat = clinic.patient()
    ins = f.insurance(s, pat, clinic.payer(name="Daman"), copay_pct=D("20"))
    first = clinic.appointment(pat, day=EARLIER.date())
    s.commit()
    paid = CopayService(uow, fixed_clock(EARLIER)).collect(
        clinic.desk, first.id, PaymentMethod.CASH, "visit-1")
    assert paid.amount == D("60.00")
    s.add(Claim(hospital_id=clinic.hospital.id, patient_id=pat.id, appointment_id=first.id,
                status=ClaimStatus.APPROVED, amount_billed=D("300.00"),
                amount_approved=D("200.00"), details={}, date_service=EARLIER.date()))
    today = clinic.appointment(pat)
    s.commit()
    return pat, ins, first, today


def test_collect_the_balance_with_the_next_copay(clinic, session, uow, recon):
    pat, _ins, first, today = underpaid(clinic, uow)
    due = recon.balance_due(clinic.desk, pat.id)
    assert due.amount == D("40.00")
    res = clinic.copay.collect(clinic.desk, today.id, PaymentMethod.CASH, "visit-2",
                               tendered="200.00", balance=due.amount)
    # Today's copay 60.00 + balance 40.00 = 100.00; 200.00 tendered -> 100.00 change.
    assert (res.amount, res.balance_amount, res.change_due) == (
        D("60.00"), D("40.00"), D("100.00"))
    # One journal entry for both: cash 100.00 in, revenue 100.00 (no VAT on consultations).
    assert gl_lines(session, res.payment_id) == [("1000", "100.00", "0.00"),
                                                 ("4000", "0.00", "100.00")]
    moved = session.scalars(sa.select(ShiftMovement.amount).join(
        JournalEntry, JournalEntry.id == ShiftMovement.journal_entry_id).where(
        JournalEntry.source_id == res.payment_id,
        JournalEntry.source_type == "COPAY_PAYMENT")).all()
    assert moved == [D("100.00")]
    row = session.execute(sa.select(BalanceSettlement).where(
        BalanceSettlement.collected_payment_id == res.payment_id)).scalar_one()
    assert (row.kind, row.amount, row.appointment_id, row.collected_payment_id) == (
        "COLLECTED", D("40.00"), first.id, res.payment_id)
    # The visit is settled and the balance gone from the next dialog.
    visit = recon.visit(_accountant(clinic), first.id)
    assert visit.status is ReconStatus.SETTLED
    assert (visit.recon.balance_due, visit.recon.balance_collected) == (D("0.00"), D("40.00"))
    assert "Balance collected at a later visit: AED 40.00." in visit.recon.explanation
    assert recon.balance_due(clinic.desk, pat.id).amount == D("0.00")
    # The receipt: today's copay, the balance as its own line, the total and the cash.
    receipt = clinic.copay.receipt(clinic.desk, res.payment_id)
    assert receipt.balance_lines == ((EARLIER.date(), D("40.00"), D("0.00")),)
    assert (receipt.patient_amount, receipt.total_paid, receipt.tendered,
            receipt.change_due) == (D("60.00"), D("100.00"), D("200.00"), D("100.00"))
    assert receipt.from_dict(receipt.to_dict()) == receipt
    assert render_pdf(receipt).startswith(b"%PDF")


def _accountant(clinic):
    from app.domain.enums import Role
    return clinic.actors[Role.ACCOUNTANT]


def test_a_balance_settled_by_another_desk_is_a_conflict(clinic, session, uow, recon):
    pat, _ins, first, today = underpaid(clinic, uow)
    seen = recon.balance_due(clinic.desk, pat.id).amount  # the dialog shows 40.00 ...
    recon.write_off_balance(_accountant(clinic), first.id, "Goodwill", expected=seen)
    before = row_counts(session)  # ... meanwhile the office wrote it off
    with pytest.raises(Conflict) as exc:
        clinic.copay.collect(clinic.desk, today.id, PaymentMethod.CASH, "visit-2",
                             balance=seen)
    assert "now AED 0.00, not the AED 40.00 shown" in exc.value.message
    assert row_counts(session) == before  # nothing charged, not even today's copay


def test_partial_balance_is_refused(clinic, session, uow, recon):
    """The desk takes the whole balance or leaves it: a part is not offered."""
    pat, _ins, _first, today = underpaid(clinic, uow)
    with pytest.raises(Conflict):
        clinic.copay.collect(clinic.desk, today.id, PaymentMethod.CASH, "visit-2",
                             balance="20.00")
    # Left for later: today's copay alone, the balance still owed.
    res = clinic.copay.collect(clinic.desk, today.id, PaymentMethod.CASH, "visit-2b")
    assert (res.amount, res.balance_amount) == (D("60.00"), D("0.00"))
    assert recon.balance_due(clinic.desk, pat.id).amount == D("40.00")


def test_balance_from_the_deposit(clinic, session, uow, recon):
    pat, _ins, _first, today = underpaid(clinic, uow)
    session.execute(sa.update(Patient).where(Patient.id == pat.id)
                    .values(deposit_balance=D("150.00")))
    session.commit()
    clinic.copay.collect(clinic.desk, today.id, PaymentMethod.DEPOSIT, "visit-2",
                         balance="40.00")
    session.expire_all()
    assert session.get(Patient, pat.id).deposit_balance == D("50.00")  # 150 - (60 + 40)


def test_write_off_with_a_reason_is_audited(clinic, session, uow, recon):
    pat, _ins, first, _today = underpaid(clinic, uow)
    with pytest.raises(PermissionDenied):
        recon.write_off_balance(clinic.desk, first.id, "Goodwill")
    with pytest.raises(ValidationError):
        recon.write_off_balance(_accountant(clinic), first.id, "  ")
    with pytest.raises(Conflict):  # the screen showed another amount
        recon.write_off_balance(_accountant(clinic), first.id, "Goodwill", expected="30.00")
    done = recon.write_off_balance(_accountant(clinic), first.id, "Hardship, approved by CFO",
                                   expected=D("40.00"))
    assert done.changes.touches("appointments")
    visit = recon.visit(_accountant(clinic), first.id)
    assert visit.status is ReconStatus.SETTLED
    assert visit.recon.balance_written_off == D("40.00")
    assert "Balance written off: AED 40.00." in visit.recon.explanation
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.action == AuditAction.BALANCE_WRITTEN_OFF)).one()
    assert (audit.reason, audit.appointment_id, audit.new_data["written_off"]) == (
        "Hardship, approved by CFO", first.id, "40.00")
    assert recon.balance_due(clinic.desk, pat.id).amount == D("0.00")
    with pytest.raises(Conflict):  # twice: nothing left to write off
        recon.write_off_balance(_accountant(clinic), first.id, "Again")
    # Append-only: a settlement cannot be edited away.
    with pytest.raises(sa.exc.DBAPIError), session.begin_nested():
        session.execute(sa.update(BalanceSettlement).values(amount=D("1.00"))
                        .where(BalanceSettlement.appointment_id == first.id))
