"""Refund service on real PostgreSQL: lifecycle, limits, money reversal, roles, races."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import (
    ActivityLog,
    CopayPayment,
    CopayRefund,
    DeductibleLedger,
    DepositTransaction,
    InsuranceAudit,
    JournalEntry,
    Patient,
)
from app.domain.enums import (
    AuditAction,
    PaymentMethod,
    RefundMethod,
    RefundReason,
    RefundStatus,
    Role,
)
from app.domain.errors import (
    Conflict,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.services.clock import fixed_clock
from app.services.refunds import RefundService
from tests.services.test_refunds_support import (
    NOW,
    balances,
    clinic,
    collected_payment,
    entries_balance,
)

D = Decimal
CASH = RefundMethod.CASH
OVER = RefundReason.OVERCHARGE


@pytest.fixture
def svc(uow):
    return RefundService(uow, fixed_clock(NOW))


@pytest.fixture
def c(session):
    return clinic(session)


def _ledger(session, pay):
    return session.scalars(sa.select(DeductibleLedger).where(
        DeductibleLedger.patient_insurance_id == pay.patient_insurance_id)).one()


# ------------------------------------------------------------------------- lifecycle
def test_request_approve_process_full_refund_reverses_everything(session, svc, c):
    pay = collected_payment(session, c, amount="105.00", vat_rate="0.05", deductible="45.00")
    session.commit()
    before_ledger = _ledger(session, pay)
    assert (before_ledger.accumulated_amount, before_ledger.copay_accumulated) == (
        D("45.00"), D("60.00"))

    req = svc.request(c.desk, pay.id, D("105.00"), RefundReason.APPOINTMENT_CANCELLED, CASH)
    assert req.refund.status is RefundStatus.PENDING
    assert req.changes.touches("copay_refunds", "insurance_verification_audits")
    ok = svc.approve(c.accountant, req.refund_id)
    assert ok.refund.status is RefundStatus.APPROVED and ok.refund.approved_by == "Omar Haddad"
    done = svc.process(c.accountant, req.refund_id)
    r = done.refund
    assert r.status is RefundStatus.PROCESSED
    assert r.receipt_number == "RFD-2026-000001"
    assert r.processed_at == dt.datetime(2026, 3, 1, 10, 14, tzinfo=r.processed_at.tzinfo)

    session.expire_all()
    ledger_row = _ledger(session, pay)
    assert (ledger_row.accumulated_amount, ledger_row.copay_accumulated) == (D("0.00"), D("0.00"))
    assert session.get(CopayPayment, pay.id).refunded_amount == D("105.00")
    assert entries_balance(session, c.hospital.id)
    # Cash, revenue and VAT are all back to zero after a full refund.
    assert {k: v for k, v in balances(session, c.hospital.id).items() if v} == {}
    entry = session.scalars(sa.select(JournalEntry).where(
        JournalEntry.hospital_id == c.hospital.id,
        JournalEntry.source_type == "COPAY_REFUND")).one()
    original = session.scalars(sa.select(JournalEntry).where(
        JournalEntry.source_type == "COPAY_PAYMENT", JournalEntry.source_id == pay.id)).one()
    assert entry.reverses_entry_id == original.id

    actions = session.scalars(sa.select(InsuranceAudit.action).where(
        InsuranceAudit.hospital_id == c.hospital.id).order_by(InsuranceAudit.id)).all()
    assert actions == [AuditAction.REFUND_REQUESTED, AuditAction.REFUND_APPROVED,
                       AuditAction.REFUND_PROCESSED]
    processed = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.hospital_id == c.hospital.id,
        InsuranceAudit.action == AuditAction.REFUND_PROCESSED)).one()
    assert processed.previous_data["status"] == "APPROVED"
    assert processed.new_data["status"] == "PROCESSED"
    assert processed.new_data["amount"] == "105.00" and processed.new_data["insurer"] == "Daman"
    assert processed.new_data["vat"] == "5.00"
    logged = session.scalars(sa.select(ActivityLog.action).where(
        ActivityLog.hospital_id == c.hospital.id,
        ActivityLog.target_type == "copay_refund").order_by(ActivityLog.id)).all()
    assert logged == ["REFUND_REQUESTED", "REFUND_APPROVED", "REFUND_PROCESSED"]


def test_partial_refunds_split_exactly_and_sum_to_the_portions(session, svc, c):
    # 100.00 paid = 33.33 deductible + 66.67 copay; VAT 5% inside = 4.76.
    pay = collected_payment(session, c, amount="100.00", vat_rate="0.05", deductible="33.33")
    session.commit()
    for amount in ("10.00", "0.01", "33.33", "56.66"):
        rid = svc.request(c.desk, pay.id, D(amount), OVER, CASH).refund_id
        svc.approve(c.accountant, rid)
        svc.process(c.accountant, rid)
    session.expire_all()
    row = _ledger(session, pay)
    assert (row.accumulated_amount, row.copay_accumulated) == (D("0.00"), D("0.00"))
    audits = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.hospital_id == c.hospital.id,
        InsuranceAudit.action == AuditAction.REFUND_PROCESSED).order_by(InsuranceAudit.id)).all()
    for a in audits:  # each refund's two ledger parts add up to that refund
        parts = a.new_data["ledger"]
        assert -(D(parts["deductible"]) + D(parts["copay"])) == D(a.new_data["amount"])
        assert D(a.new_data["revenue"]) + D(a.new_data["vat"]) == D(a.new_data["amount"])
    assert sum(D(a.new_data["vat"]) for a in audits) == D("4.76")
    assert {k: v for k, v in balances(session, c.hospital.id).items() if v} == {}
    assert [a.new_data["refund_receipt_number"] for a in audits] == [
        "RFD-2026-000001", "RFD-2026-000002", "RFD-2026-000003", "RFD-2026-000004"]


def test_self_pay_refund_leaves_the_deductible_ledger_alone(session, svc, c):
    pay = collected_payment(session, c, amount="200.00", insured=False, method=PaymentMethod.CREDIT_CARD)
    session.commit()
    rid = svc.request(c.desk, pay.id, D("50.00"), OVER, RefundMethod.CREDIT_CARD).refund_id
    svc.approve(c.accountant, rid)
    svc.process(c.accountant, rid)
    assert session.scalar(sa.select(sa.func.count()).select_from(DeductibleLedger).where(
        DeductibleLedger.patient_id == pay.patient_id)) == 0
    assert balances(session, c.hospital.id)["1010"] == D("150.00")


@pytest.mark.parametrize("method, account", [
    (RefundMethod.CASH, "1000"),
    (RefundMethod.BANK_TRANSFER, "2300"),
    (RefundMethod.DEPOSIT_CREDIT, "2100"),
])
def test_the_refund_method_picks_the_account_credited(session, svc, c, method, account):
    pay = collected_payment(session, c, amount="80.00")
    session.commit()
    rid = svc.request(c.desk, pay.id, D("30.00"), OVER, method).refund_id
    svc.approve(c.accountant, rid)
    svc.process(c.accountant, rid)
    b = balances(session, c.hospital.id)
    assert b["4000"] == D("-50.00")
    expected_cash = D("50.00") if account == "1000" else D("80.00")
    assert b["1000"] == expected_cash
    if account != "1000":
        assert b[account] == D("-30.00")


def test_deposit_credit_raises_the_balance_and_records_a_deposit_transaction(session, svc, c):
    pay = collected_payment(session, c, amount="60.00", deposit_balance=D("15.00"))
    session.commit()
    rid = svc.request(c.desk, pay.id, D("25.50"), RefundReason.DOCTOR_WAIVED,
                      RefundMethod.DEPOSIT_CREDIT).refund_id
    svc.approve(c.accountant, rid)
    result = svc.process(c.accountant, rid)
    assert result.changes.touches("patients")
    session.expire_all()
    assert session.get(Patient, pay.patient_id).deposit_balance == D("40.50")
    txn = session.scalars(sa.select(DepositTransaction).where(
        DepositTransaction.refund_id == rid)).one()
    assert (txn.kind.value, txn.amount, txn.balance_after) == ("REFUND_CREDIT", D("25.50"),
                                                               D("40.50"))


def test_reject_needs_a_reason_and_frees_the_amount(session, svc, c):
    pay = collected_payment(session, c, amount="30.00")
    session.commit()
    rid = svc.request(c.desk, pay.id, D("30.00"), OVER, CASH).refund_id
    with pytest.raises(ValidationError, match="reason"):
        svc.reject(c.accountant, rid, "   ")
    res = svc.reject(c.accountant, rid, "Patient was charged correctly")
    assert res.refund.status is RefundStatus.REJECTED
    assert res.refund.rejection_reason == "Patient was charged correctly"
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.hospital_id == c.hospital.id,
        InsuranceAudit.action == AuditAction.REFUND_REJECTED)).one()
    assert audit.reason == "Patient was charged correctly"
    # The rejected 30.00 no longer holds the payment.
    assert svc.request(c.desk, pay.id, D("30.00"), OVER, CASH).refund.status is RefundStatus.PENDING


def test_delete_only_pending_and_audit_keeps_what_was_deleted(session, svc, c):
    pay = collected_payment(session, c, amount="30.00")
    session.commit()
    boss = c.actor(Role.SUPER_ADMIN)
    rid = svc.request(c.desk, pay.id, D("12.00"), OVER, CASH).refund_id
    res = svc.delete(boss, rid, "Entered twice")
    assert res.refund is None and res.changes.touches("copay_refunds")
    assert session.get(CopayRefund, rid) is None
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.hospital_id == c.hospital.id,
        InsuranceAudit.action == AuditAction.REFUND_DELETED)).one()
    assert audit.previous_data["amount"] == "12.00" and audit.new_data is None
    assert audit.reason == "Entered twice"
    rid2 = svc.request(c.desk, pay.id, D("12.00"), OVER, CASH).refund_id
    svc.approve(c.accountant, rid2)
    with pytest.raises(InvalidTransition, match="already approved by Omar Haddad at 10:14. "
                                                "Only pending"):
        svc.delete(boss, rid2)
    with pytest.raises(NotFound):
        svc.approve(c.accountant, rid)


def test_process_before_approval_is_refused_clearly(session, svc, c):
    pay = collected_payment(session, c)
    session.commit()
    rid = svc.request(c.desk, pay.id, D("10.00"), OVER, CASH).refund_id
    with pytest.raises(InvalidTransition, match="not been approved yet"):
        svc.process(c.accountant, rid)


def test_second_approval_names_who_approved_and_when(session, svc, c):
    pay = collected_payment(session, c)
    session.commit()
    rid = svc.request(c.desk, pay.id, D("10.00"), OVER, CASH).refund_id
    svc.approve(c.accountant, rid)
    with pytest.raises(Conflict) as err:
        svc.approve(c.actor(Role.HOSPITAL_ADMIN), rid)
    assert err.value.message == "This refund was already approved by Omar Haddad at 10:14."


# ---------------------------------------------------------------------------- limits
def test_limit_counts_refunded_and_still_pending_amounts(session, svc, c):
    pay = collected_payment(session, c, amount="30.00")
    session.commit()
    first = svc.request(c.desk, pay.id, D("10.00"), OVER, CASH).refund_id
    svc.approve(c.accountant, first)
    svc.process(c.accountant, first)
    svc.request(c.desk, pay.id, D("7.50"), OVER, CASH)
    with pytest.raises(ValidationError) as err:
        svc.request(c.desk, pay.id, D("12.51"), OVER, CASH)
    assert err.value.message == (
        f"At most AED 12.50 can still be refunded on receipt {pay.receipt_number} "
        "(AED 30.00 paid, AED 10.00 refunded, AED 7.50 awaiting approval).")
    assert svc.request(c.desk, pay.id, D("12.50"), OVER, CASH).refund.amount == D("12.50")
    with pytest.raises(ValidationError, match="Nothing more can be refunded"):
        svc.request(c.desk, pay.id, D("0.01"), OVER, CASH)
    match = svc.find_payments(c.desk, pay.receipt_number)[0]
    assert (match.paid, match.refunded, match.pending, match.refundable) == (
        D("30.00"), D("10.00"), D("20.00"), D("0.00"))


@pytest.mark.parametrize("amount, message", [
    (D("0"), "more than zero"),
    (D("-5"), "more than zero"),
    (D("1.005"), "two decimals"),
])
def test_bad_amounts_are_refused(session, svc, c, amount, message):
    pay = collected_payment(session, c)
    session.commit()
    with pytest.raises(ValidationError, match=message):
        svc.request(c.desk, pay.id, amount, OVER, CASH)


def test_float_amounts_are_refused_with_a_sentence(session, svc, c):
    pay = collected_payment(session, c)
    with pytest.raises(ValidationError, match="typed as an amount"):
        svc.request(c.desk, pay.id, 10.0, OVER, CASH)  # type: ignore[arg-type]


def test_card_refund_of_a_cash_payment_is_refused(session, svc, c):
    pay = collected_payment(session, c, method=PaymentMethod.CASH)
    session.commit()
    with pytest.raises(ValidationError, match="paid in cash, so it cannot be refunded to a card"):
        svc.request(c.desk, pay.id, D("5.00"), OVER, RefundMethod.CREDIT_CARD)


def test_other_reason_needs_details(session, svc, c):
    pay = collected_payment(session, c)
    session.commit()
    with pytest.raises(ValidationError, match="Details"):
        svc.request(c.desk, pay.id, D("5.00"), RefundReason.OTHER, CASH, "  ")
    r = svc.request(c.desk, pay.id, D("5.00"), RefundReason.OTHER, CASH, "Parking refund")
    assert r.refund.reason_text == "Other: Parking refund"


def test_another_hospitals_payment_is_not_found(session, svc, c):
    other = clinic(session)
    pay = collected_payment(session, other)
    session.commit()
    with pytest.raises(NotFound):
        svc.request(c.desk, pay.id, D("5.00"), OVER, CASH)
    assert svc.find_payments(c.desk, pay.receipt_number) == []


# ---------------------------------------------------------------------- find / list
def test_find_payments_by_name_prefix_mrn_and_receipt(session, svc, c):
    a = collected_payment(session, c, first_name="Sara", last_name="Al Mansoori", mrn="MRN-7001")
    b = collected_payment(session, c, first_name="Saeed", last_name="Khan", mrn="MRN-7002")
    session.commit()
    assert {m.payment_id for m in svc.find_payments(c.desk, "sa")} == {a.id, b.id}
    assert [m.payment_id for m in svc.find_payments(c.desk, "Sara Al")] == [a.id]
    assert [m.payment_id for m in svc.find_payments(c.desk, "al mans")] == [a.id]
    assert [m.payment_id for m in svc.find_payments(c.desk, "mrn-7002")] == [b.id]
    assert [m.payment_id for m in svc.find_payments(c.desk, b.receipt_number)] == [b.id]
    assert [m.payment_id for m in svc.find_payments(c.desk, b.receipt_number.lower())] == [b.id]
    # a receipt number typed only partly: every receipt it can still become
    assert {m.payment_id for m in svc.find_payments(c.desk, "RCP-2026-00000")} == {a.id, b.id}
    assert svc.find_payments(c.desk, "RCP-2025") == []
    assert svc.find_payments(c.desk, "%") == []
    assert svc.find_payments(c.desk, "s") == []  # too short to mean anything


def test_list_filters_by_status_and_search_with_keyset_pages(session, svc, c):
    pays = [collected_payment(session, c, amount="50.00", last_name=f"Page{i}") for i in range(3)]
    session.commit()
    ids = []
    for p in pays:
        for _ in range(2):
            ids.append(svc.request(c.desk, p.id, D("5.00"), OVER, CASH).refund_id)
    svc.approve(c.accountant, ids[0])
    first = svc.list(c.accountant, page_size=4)
    assert len(first.rows) == 4 and first.next_cursor is not None
    second = svc.list(c.accountant, page_size=4, after=first.next_cursor)
    assert [r.id for r in first.rows + second.rows] == sorted(ids, reverse=True)
    assert second.next_cursor is None
    assert first.counts[RefundStatus.PENDING] == 5 and first.counts[RefundStatus.APPROVED] == 1
    approved = svc.list(c.accountant, status=RefundStatus.APPROVED)
    assert [r.id for r in approved.rows] == [ids[0]]
    found = svc.list(c.accountant, search="page1")
    assert {r.id for r in found.rows} == set(ids[2:4]) and found.total == 2
    assert svc.get(c.desk, ids[0]).original_receipt_number == pays[0].receipt_number
    by_receipt = svc.list(c.accountant, search=pays[2].receipt_number)
    assert {r.id for r in by_receipt.rows} == set(ids[4:6])
    assert svc.list(c.accountant, search="nobody at all").rows == []


def test_list_finds_a_refund_by_its_own_receipt_number(session, svc, c):
    pay = collected_payment(session, c)
    session.commit()
    rid = svc.request(c.desk, pay.id, D("5.00"), OVER, CASH).refund_id
    svc.approve(c.accountant, rid)
    number = svc.process(c.accountant, rid).refund.receipt_number
    assert [r.id for r in svc.list(c.accountant, search=number).rows] == [rid]


def test_refund_receipt_of_a_processed_refund(session, svc, c):
    pytest.importorskip("app.receipts.model")
    pay = collected_payment(session, c, amount="105.00", vat_rate="0.05")
    session.commit()
    rid = svc.request(c.desk, pay.id, D("52.50"), RefundReason.INSURANCE_UPDATED, CASH).refund_id
    with pytest.raises(ValidationError, match="once the refund is processed"):
        svc.refund_receipt(c.desk, rid)
    svc.approve(c.accountant, rid)
    svc.process(c.accountant, rid)
    receipt = svc.refund_receipt(c.desk, rid)
    assert receipt.kind == "REFUND" and receipt.receipt_number == "RFD-2026-000001"
    assert receipt.original_receipt_number == pay.receipt_number
    assert receipt.patient_amount == D("52.50") and receipt.vat_amount == D("2.50")
    assert receipt.collected_by == "Omar Haddad"


# ----------------------------------------------------------------------- role matrix
ALLOWED = {
    "request": {Role.RECEPTIONIST, Role.HOSPITAL_ADMIN, Role.SUPER_ADMIN},
    "approve": {Role.ACCOUNTANT, Role.HOSPITAL_ADMIN, Role.SUPER_ADMIN},
    "reject": {Role.ACCOUNTANT, Role.HOSPITAL_ADMIN, Role.SUPER_ADMIN},
    "process": {Role.ACCOUNTANT, Role.HOSPITAL_ADMIN, Role.SUPER_ADMIN},
    "delete": {Role.SUPER_ADMIN},
    "list": {Role.RECEPTIONIST, Role.ACCOUNTANT, Role.HOSPITAL_ADMIN, Role.SUPER_ADMIN},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(ALLOWED))
def test_role_matrix(session, svc, c, role, action):
    pay = collected_payment(session, c)
    session.commit()
    admin = c.actor(Role.SUPER_ADMIN)
    rid = svc.request(admin, pay.id, D("10.00"), OVER, CASH).refund_id
    if action == "process":
        svc.approve(admin, rid)
    who = c.actor(role)
    calls = {
        "request": lambda: svc.request(who, pay.id, D("1.00"), OVER, CASH),
        "approve": lambda: svc.approve(who, rid),
        "reject": lambda: svc.reject(who, rid, "no"),
        "process": lambda: svc.process(who, rid),
        "delete": lambda: svc.delete(who, rid),
        "list": lambda: svc.list(who),
    }
    if role in ALLOWED[action]:
        calls[action]()
    else:
        with pytest.raises(PermissionDenied, match="you are signed in as"):
            calls[action]()
        # nothing was written by the refused call
        assert session.get(CopayRefund, rid).status in (RefundStatus.PENDING,
                                                         RefundStatus.APPROVED)


# ---------------------------------------------------------------------------- races
def _committed_clinic(url):
    from app.db.session import make_engine, make_session_factory

    engine = make_engine(url, pool_size=4)
    factory = make_session_factory(engine)
    with factory() as s:
        c = clinic(s)
        pay = collected_payment(s, c, amount="100.00", deductible="20.00")
        s.commit()
        return engine, factory, c, pay.id


def _race(calls):
    """Run the calls at the same moment on their own threads; (results, errors)."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(fn):
        barrier.wait()
        try:
            results.append(fn())
        except Exception as exc:  # noqa: BLE001 - collected for the assertions
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(fn,)) for fn in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results, errors


def _slow_clock():
    """A clock that sleeps: it widens the window between reading the limit and inserting
    the refund, where an unlocked implementation would let both requests through."""
    import time

    def now():
        time.sleep(0.2)
        return NOW
    return now


def test_two_concurrent_requests_cannot_together_exceed_the_payment(fresh_db_url):
    from app.services.unit_of_work import uow_factory

    engine, factory, c, pay_id = _committed_clinic(fresh_db_url)
    try:
        svc = RefundService(uow_factory(factory), _slow_clock())
        desk, admin = c.desk, c.actor(Role.HOSPITAL_ADMIN)
        results, errors = _race([
            lambda: svc.request(desk, pay_id, D("60.00"), OVER, CASH),
            lambda: svc.request(admin, pay_id, D("60.00"), OVER, CASH),
        ])
        assert len(results) == 1 and len(errors) == 1, errors
        assert isinstance(errors[0], ValidationError)
        assert "At most AED 40.00 can still be refunded" in errors[0].message
        with factory() as s:
            total = s.scalar(sa.select(sa.func.sum(CopayRefund.refund_amount)).where(
                CopayRefund.copay_payment_id == pay_id))
        assert total == D("60.00")
    finally:
        engine.dispose()


@pytest.mark.parametrize("step", ["approve", "process"])
def test_two_accountants_deciding_at_once_one_wins(fresh_db_url, step):
    from app.services.unit_of_work import uow_factory

    engine, factory, c, pay_id = _committed_clinic(fresh_db_url)
    try:
        svc = RefundService(uow_factory(factory), fixed_clock(NOW))
        rid = svc.request(c.desk, pay_id, D("40.00"), OVER, CASH).refund_id
        if step == "process":
            svc.approve(c.accountant, rid)
        racer = RefundService(uow_factory(factory), _slow_clock())
        call = getattr(racer, step)
        a, b = c.accountant, c.actor(Role.HOSPITAL_ADMIN)
        results, errors = _race([lambda: call(a, rid), lambda: call(b, rid)])
        assert len(results) == 1 and len(errors) == 1, errors
        assert isinstance(errors[0], Conflict)
        winner = results[0].refund
        past = "approved" if step == "approve" else "processed"
        who = winner.approved_by if step == "approve" else winner.processed_by
        assert errors[0].message == f"This refund was already {past} by {who} at 10:14."
        with factory() as s:
            assert s.get(CopayPayment, pay_id).refunded_amount == (
                D("40.00") if step == "process" else D("0.00"))
            n = s.scalar(sa.select(sa.func.count()).select_from(JournalEntry).where(
                JournalEntry.hospital_id == c.hospital.id,
                JournalEntry.source_type == "COPAY_REFUND"))
            assert n == (1 if step == "process" else 0)
    finally:
        engine.dispose()
