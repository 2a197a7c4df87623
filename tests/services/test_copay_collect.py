"""Collect, waive, defer, pre-auth override, convert to self-pay, receipts and history:
what each writes, exactly, and that every refusal writes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import (
    ActivityLog,
    Appointment,
    CopayPayment,
    DeductibleLedger,
    DepositTransaction,
    GLAccount,
    InsuranceAudit,
    JournalEntry,
    JournalLine,
    Patient,
    ReceiptCounter,
)
from app.domain.enums import (
    AuditAction,
    CopayStatus,
    DepositTxnKind,
    NetworkTier,
    PaymentMethod,
    PreAuthRequestStatus,
    Role,
)
from app.domain.errors import (
    Conflict,
    InsufficientDeposit,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.services.clock import fixed_clock
from app.services.context import Actor
from app.services.copay import CopayService
from tests import factories as f
from tests.services.conftest import DAY, NOW, row_counts

D = Decimal


def insured(c, *, pct="20", payer_kw=None, pat_kw=None, appt_kw=None, **ins_kw):
    pat = c.patient(**(pat_kw or {}))
    payer = c.payer(name="Daman", **(payer_kw or {}))
    ins = f.insurance(c.session, pat, payer, copay_pct=D(pct), policy_number=f"DM-{pat.id}",
                      **ins_kw)
    appt = c.appointment(pat, **(appt_kw or {}))
    c.session.commit()
    return pat, ins, appt


def gl_lines(session, payment_id):
    rows = session.execute(
        sa.select(GLAccount.code, JournalLine.debit, JournalLine.credit)
        .join(JournalLine, JournalLine.account_id == GLAccount.id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalEntry.source_type == "COPAY_PAYMENT", JournalEntry.source_id == payment_id)
        .order_by(GLAccount.code)).all()
    return [(code, str(d), str(c)) for code, d, c in rows]


# ----------------------------------------------------------------------------- collect


def test_collect_writes_payment_gl_ledger_receipt_and_audit(clinic, session):
    pat, ins, appt = insured(clinic, annual_deductible=D("100.00"),
                             annual_copay_max=D("1000.00"))
    f.ledger(session, ins, 2026, accumulated_amount=D("20.00"), max_deductible=D("100.00"))
    session.commit()
    before = row_counts(session)
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "key-1")
    # deductible 80 + 20% of 220 = 124
    assert (res.amount, res.vat_amount, res.method) == (D("124.00"), D("0.00"), PaymentMethod.CASH)
    assert res.receipt_number == "RCP-2026-000001"
    assert res.changes.touches("appointments", "copay_payments")
    after = row_counts(session)
    delta = {k: after[k] - before[k] for k in after}
    assert delta == {"copay_payments": 1, "insurance_verification_audits": 1, "activity_logs": 1,
                     "journal_entries": 1, "journal_lines": 2, "deposit_transactions": 0,
                     "deductible_ledgers": 0, "receipt_counters": 1, "preauth_requests": 0,
                     "patient_insurances": 0}

    p = session.get(CopayPayment, res.payment_id)
    assert (p.amount, p.fee, p.primary_insurer_amount, p.secondary_insurer_amount) == (
        D("124.00"), D("300.00"), D("176.00"), D("0.00"))
    assert (p.deductible_portion, p.copay_portion) == (D("80.00"), D("44.00"))
    assert (p.insurance_provider, p.policy_number, p.cob_applied) == ("Daman", ins.policy_number,
                                                                      False)
    assert p.quote["patient_amount"] == "124.00" and p.quote == res.quote
    assert p.collected_by == clinic.desk.user_id and p.idempotency_key == "key-1"

    a = session.get(Appointment, appt.id)
    assert (a.copay_status, a.copay_collected, a.copay_amount) == (CopayStatus.COLLECTED, True,
                                                                   D("124.00"))
    assert (a.insurance_coverage_amount, a.patient_responsibility_amount) == (D("176.00"),
                                                                              D("124.00"))
    assert a.version == 2

    assert gl_lines(session, p.id) == [("1000", "124.00", "0.00"), ("4000", "0.00", "124.00")]

    led = session.scalars(sa.select(DeductibleLedger).where(
        DeductibleLedger.patient_insurance_id == ins.id, DeductibleLedger.fiscal_year == 2026)).one()
    assert (led.accumulated_amount, led.copay_accumulated) == (D("100.00"), D("44.00"))
    assert (led.max_deductible, led.max_copay) == (D("100.00"), D("1000.00"))

    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.appointment_id == appt.id)).one()
    assert audit.action is AuditAction.COPAY_COLLECTED and audit.performed_by == clinic.desk.user_id
    assert audit.previous_data == {"copay_status": "PENDING", "copay_collected": False}
    assert audit.new_data["amount"] == "124.00" and audit.new_data["payment_method"] == "CASH"
    assert audit.new_data["insurance_provider"] == "Daman"
    assert audit.new_data["policy_number"] == ins.policy_number
    assert audit.new_data["receipt_number"] == "RCP-2026-000001"
    act = session.scalars(sa.select(ActivityLog).where(ActivityLog.action == "COPAY_COLLECTED",
                                                       ActivityLog.target_id == str(p.id))).one()
    assert act.payload["receipt_number"] == "RCP-2026-000001"

    # The ledger now feeds the next quote: deductible met.
    appt2 = clinic.appointment(pat, day=DAY)
    session.commit()
    q2 = clinic.copay.quote(clinic.desk, appt2.id).quote
    assert q2.deductible.met_for_year and q2.patient_amount == D("60.00")


def test_collect_creates_the_ledger_on_first_use(clinic, session):
    pat, ins, appt = insured(clinic)
    clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    led = session.scalars(sa.select(DeductibleLedger).where(
        DeductibleLedger.patient_insurance_id == ins.id)).one()
    assert (led.fiscal_year, led.accumulated_amount, led.copay_accumulated) == (
        2026, D("0.00"), D("60.00"))


def test_card_collect_with_vat_posts_vat_payable(clinic, session):
    session.execute(sa.text("UPDATE charge_master SET fee = 315.00, vat_rate = 0.05 "
                            "WHERE hospital_id = :h AND code = 'initial_consultation'"),
                    {"h": clinic.hospital.id})
    pat, ins, appt = insured(clinic)
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CREDIT_CARD, "k")
    assert (res.amount, res.vat_amount) == (D("63.00"), D("3.00"))
    assert gl_lines(session, res.payment_id) == [
        ("1010", "63.00", "0.00"), ("2200", "0.00", "3.00"), ("4000", "0.00", "60.00")]


def test_cob_collect_records_both_insurers(clinic, session):
    pat, ins, appt = insured(clinic)
    f.insurance(session, pat, clinic.payer(name="AXA"), priority=2, copay_pct=D("10"),
                policy_number="AXA-1", network_tier=NetworkTier.IN_NETWORK)
    session.commit()
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.DEBIT_CARD, "k")
    p = session.get(CopayPayment, res.payment_id)
    assert (p.amount, p.primary_insurer_amount, p.secondary_insurer_amount) == (
        D("6.00"), D("240.00"), D("54.00"))
    assert (p.secondary_insurance_provider, p.secondary_policy_number, p.cob_applied) == (
        "AXA", "AXA-1", True)


def test_zero_collect_has_receipt_but_no_gl_entry(clinic, session):
    pat, ins, appt = insured(clinic, annual_copay_max=D("100.00"))
    f.ledger(session, ins, 2026, copay_accumulated=D("100.00"))
    session.commit()
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    assert res.amount == D("0.00") and res.receipt_number == "RCP-2026-000001"
    assert gl_lines(session, res.payment_id) == []
    session.expire_all()
    assert session.get(Appointment, appt.id).copay_status is CopayStatus.COLLECTED


def test_receipts_are_gapless_after_a_rolled_back_collect(clinic, session, uow):
    _, _, a1 = insured(clinic)
    _, _, a2 = insured(clinic)
    _, _, a3 = insured(clinic)
    assert clinic.copay.collect(clinic.desk, a1.id, PaymentMethod.CASH, "k1").receipt_number \
        == "RCP-2026-000001"

    failing = CopayService(uow, fixed_clock(NOW))

    def boom(payment_id):
        raise RuntimeError("printer on fire")

    failing.after_payment_insert = boom
    before = row_counts(session)
    with pytest.raises(RuntimeError):
        failing.collect(clinic.desk, a2.id, PaymentMethod.CASH, "k2")
    assert row_counts(session) == before  # expires the session too
    assert session.get(Appointment, a2.id).copay_status is CopayStatus.PENDING

    assert clinic.copay.collect(clinic.desk, a3.id, PaymentMethod.CASH, "k3").receipt_number \
        == "RCP-2026-000002"
    assert clinic.copay.collect(clinic.desk, a2.id, PaymentMethod.CASH, "k2").receipt_number \
        == "RCP-2026-000003"
    counter = session.scalars(sa.select(ReceiptCounter).where(
        ReceiptCounter.hospital_id == clinic.hospital.id)).one()
    assert (counter.year, counter.last_seq) == (2026, 3)


def test_receipt_numbers_are_per_hospital(clinic, session, uow):
    from tests.services.conftest import make_clinic

    other = make_clinic(session, uow)
    _, _, a1 = insured(clinic)
    _, _, a2 = insured(other)
    assert clinic.copay.collect(clinic.desk, a1.id, PaymentMethod.CASH, "x1").receipt_number \
        == "RCP-2026-000001"
    assert other.copay.collect(other.desk, a2.id, PaymentMethod.CASH, "x2").receipt_number \
        == "RCP-2026-000001"


def test_same_key_again_returns_the_original_result(clinic, session):
    _, _, appt = insured(clinic)
    first = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "retry-key")
    before = row_counts(session)
    again = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "retry-key")
    assert again == first and again.replayed and not first.replayed
    assert row_counts(session) == before


def test_second_collect_with_another_key_names_who_collected(clinic, session):
    _, _, appt = insured(clinic)
    first = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k-a")
    before = row_counts(session)
    admin = clinic.actors[Role.HOSPITAL_ADMIN]
    with pytest.raises(Conflict) as err:
        clinic.copay.collect(admin, appt.id, PaymentMethod.CREDIT_CARD, "k-b")
    assert err.value.message == ("This copay was already collected by Amina Y. at 09:30 "
                                 f"(receipt {first.receipt_number}).")
    assert row_counts(session) == before


def test_a_key_cannot_be_reused_for_another_appointment(clinic):
    _, _, a1 = insured(clinic)
    _, _, a2 = insured(clinic)
    clinic.copay.collect(clinic.desk, a1.id, PaymentMethod.CASH, "same")
    with pytest.raises(Conflict, match="another appointment"):
        clinic.copay.collect(clinic.desk, a2.id, PaymentMethod.CASH, "same")


def test_deposit_collect_decrements_balance_and_posts_to_deposits(clinic, session):
    pat, _, appt = insured(clinic, pat_kw={"deposit_balance": D("100.00")})
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.DEPOSIT, "k")
    session.expire_all()
    assert session.get(Patient, pat.id).deposit_balance == D("40.00")
    txn = session.scalars(sa.select(DepositTransaction).where(
        DepositTransaction.patient_id == pat.id)).one()
    assert (txn.kind, txn.amount, txn.balance_after, txn.copay_payment_id) == (
        DepositTxnKind.COPAY, D("-60.00"), D("40.00"), res.payment_id)
    assert gl_lines(session, res.payment_id) == [("2100", "60.00", "0.00"),
                                                 ("4000", "0.00", "60.00")]
    assert res.changes.touches("patients")
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.appointment_id == appt.id)).one()
    assert audit.previous_data["deposit_balance"] == "100.00"
    assert audit.new_data["deposit_balance"] == "40.00"


def test_insufficient_deposit_writes_nothing(clinic, session):
    pat, _, appt = insured(clinic, pct="10", pat_kw={"deposit_balance": D("20.00")})
    before = row_counts(session)
    with pytest.raises(InsufficientDeposit) as err:
        clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.DEPOSIT, "k")
    assert err.value.message == ("Deposit balance AED 20.00 is less than the copay AED 30.00; "
                                 "nothing was charged.")
    assert row_counts(session) == before
    session.expire_all()
    assert session.get(Patient, pat.id).deposit_balance == D("20.00")
    assert session.get(Appointment, appt.id).copay_status is CopayStatus.PENDING


def test_collect_blocked_by_preauth_until_overridden(clinic, session):
    pat, ins, appt = insured(clinic, payer_kw={"preauth_required": True})
    f.preauth(session, ins, "99203", PreAuthRequestStatus.DENIED)
    session.commit()
    before = row_counts(session)
    with pytest.raises(Conflict, match="denied.*override"):
        clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    assert row_counts(session) == before
    with pytest.raises(PermissionDenied):
        clinic.copay.override_preauth(clinic.desk, appt.id, "urgent")
    with pytest.raises(ValidationError, match="reason"):
        clinic.copay.override_preauth(clinic.actors[Role.HOSPITAL_ADMIN], appt.id, "  ")
    clinic.copay.override_preauth(clinic.actors[Role.HOSPITAL_ADMIN], appt.id,
                                  "Clinically urgent")
    a = session.get(Appointment, appt.id)
    session.refresh(a)
    assert a.preauth_overridden and a.version == 2
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.appointment_id == appt.id,
        InsuranceAudit.action == AuditAction.PREAUTH_OVERRIDE)).one()
    assert audit.previous_data["preauth_status"] == "DENIED"
    assert audit.reason == "Clinically urgent"
    with pytest.raises(Conflict, match="already overridden"):
        clinic.copay.override_preauth(clinic.actors[Role.SUPER_ADMIN], appt.id, "again")
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    assert res.amount == D("60.00") and res.quote["preauth"]["overridden"] is True


def test_override_when_nothing_blocks_is_refused(clinic):
    _, _, appt = insured(clinic)
    with pytest.raises(Conflict, match="Nothing to override"):
        clinic.copay.override_preauth(clinic.actors[Role.SUPER_ADMIN], appt.id, "why not")


def test_convert_to_self_pay(clinic, session):
    _, ins, appt = insured(clinic)
    clinic.copay.convert_to_self_pay(clinic.desk, appt.id, "Pre-auth denied")
    q = clinic.copay.quote(clinic.desk, appt.id).quote
    assert q.is_self_pay and q.patient_amount == D("300.00")
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.action == AuditAction.CONVERT_TO_SELFPAY,
        InsuranceAudit.appointment_id == appt.id)).one()
    assert audit.previous_data["insurance_provider"] == "Daman"
    assert audit.previous_data["policy_number"] == ins.policy_number
    assert audit.new_data == {"is_self_pay": True, "patient_amount": "300.00"}
    with pytest.raises(Conflict, match="already self-pay"):
        clinic.copay.convert_to_self_pay(clinic.desk, appt.id, "again")
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    p = session.get(CopayPayment, res.payment_id)
    assert (p.amount, p.insurance_provider, p.patient_insurance_id) == (D("300.00"), None, None)


# ------------------------------------------------------------------------ waive, defer


def test_waive_records_reason_and_amount(clinic, session):
    _, ins, appt = insured(clinic)
    ch = clinic.copay.waive(clinic.desk, appt.id, "  Staff family  ").changes
    assert ch.touches("appointments") and ch.ids["appointments"] == {appt.id}
    a = session.get(Appointment, appt.id)
    session.refresh(a)
    assert (a.copay_status, a.copay_collected, a.copay_action_reason) == (
        CopayStatus.WAIVED, False, "Staff family")
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.appointment_id == appt.id)).one()
    assert audit.action is AuditAction.COPAY_WAIVED and audit.reason == "Staff family"
    assert audit.new_data["waived_amount"] == "60.00"
    assert audit.new_data["insurance_provider"] == "Daman"
    with pytest.raises(Conflict, match=r"already waived by Amina Y\. .*\d\d:\d\d \(reason: Staff family\)"):
        clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    with pytest.raises(Conflict, match="already waived"):
        clinic.copay.defer(clinic.desk, appt.id)


def test_defer_records_amount(clinic, session):
    _, _, appt = insured(clinic)
    clinic.copay.defer(clinic.desk, appt.id)
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.appointment_id == appt.id)).one()
    assert audit.action is AuditAction.COPAY_DEFERRED
    assert audit.new_data["deferred_amount"] == "60.00"
    session.expire_all()
    assert session.get(Appointment, appt.id).copay_status is CopayStatus.DEFERRED
    with pytest.raises(Conflict, match="already deferred"):
        clinic.copay.waive(clinic.desk, appt.id, "changed my mind")


def test_a_deferred_copay_is_collected_later(clinic, session):
    _, _, appt = insured(clinic)
    clinic.copay.defer(clinic.desk, appt.id)
    result = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "later-1")
    assert result.amount == Decimal("60.00")
    session.expire_all()
    assert session.get(Appointment, appt.id).copay_status is CopayStatus.COLLECTED
    with pytest.raises(Conflict, match="already collected"):
        clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "later-2")


def test_self_pay_defer_is_allowed(clinic, session):
    appt = clinic.appointment(clinic.patient())
    session.commit()
    clinic.copay.defer(clinic.desk, appt.id, "Will pay after the visit")
    session.expire_all()
    assert session.get(Appointment, appt.id).copay_status is CopayStatus.DEFERRED


# ------------------------------------------------------------- refusals write nothing


def _self_pay_appt(c):
    a = c.appointment(c.patient())
    c.session.commit()
    return a


def _insured_appt(c):
    return insured(c)[2]


def _tomorrow_appt(c):
    return insured(c, appt_kw={"day": DAY + dt.timedelta(days=1)})[2]


def _cancelled_appt(c):
    from app.domain.enums import AppointmentStatus

    return insured(c, appt_kw={"status": AppointmentStatus.CANCELLED})[2]


REFUSALS = [
    ("waive without reason", _insured_appt,
     lambda c, a: c.copay.waive(c.desk, a.id, "   "), ValidationError, "reason"),
    ("self-pay waive", _self_pay_appt,
     lambda c, a: c.copay.waive(c.desk, a.id, "kind heart"), ValidationError,
     "Waive is not available for self-pay patients."),
    ("nurse collects", _insured_appt,
     lambda c, a: c.copay.collect(c.actors[Role.NURSE], a.id, PaymentMethod.CASH, "k"),
     PermissionDenied, "Receptionist"),
    ("doctor waives", _insured_appt,
     lambda c, a: c.copay.waive(c.actors[Role.DOCTOR], a.id, "x"), PermissionDenied, "Doctor"),
    ("unknown appointment", _insured_appt,
     lambda c, a: c.copay.collect(c.desk, 987_654_321, PaymentMethod.CASH, "k"), NotFound,
     "no appointment 987654321"),
    ("collect not today", _tomorrow_appt,
     lambda c, a: c.copay.collect(c.desk, a.id, PaymentMethod.CASH, "k"), ValidationError,
     "11 Mar 2026"),
    ("waive not today", _tomorrow_appt,
     lambda c, a: c.copay.waive(c.desk, a.id, "x"), ValidationError, "day of the visit"),
    ("cancelled", _cancelled_appt,
     lambda c, a: c.copay.collect(c.desk, a.id, PaymentMethod.CASH, "k"), Conflict, "cancelled"),
    ("empty idempotency key", _insured_appt,
     lambda c, a: c.copay.collect(c.desk, a.id, PaymentMethod.CASH, " "), ValidationError, "key"),
    ("unknown method", _insured_appt,
     lambda c, a: c.copay.collect(c.desk, a.id, "CHEQUE", "k"), ValidationError, "CHEQUE"),
    ("negative top-up", _insured_appt,
     lambda c, a: c.patients.deposit_top_up(c.desk, a.patient_id, "-5"), ValidationError,
     "negative"),
    ("letters top-up", _insured_appt,
     lambda c, a: c.patients.deposit_top_up(c.desk, a.patient_id, "ten"), ValidationError,
     "number"),
    ("zero top-up", _insured_appt,
     lambda c, a: c.patients.deposit_top_up(c.desk, a.patient_id, "0.00"), ValidationError,
     "more than zero"),
    ("system actor collects", _insured_appt,
     lambda c, a: c.copay.collect(Actor.system(c.hospital.id), a.id, PaymentMethod.CASH, "k"),
     PermissionDenied, "signed-in user"),
    ("nurse top-up", _insured_appt,
     lambda c, a: c.patients.deposit_top_up(c.actors[Role.NURSE], a.patient_id, "10"),
     PermissionDenied, "Accountant"),
]


@pytest.mark.parametrize(("name", "build", "call", "error", "text"), REFUSALS,
                         ids=[r[0] for r in REFUSALS])
def test_refusals_are_typed_and_write_nothing(clinic, session, name, build, call, error, text):
    appt = build(clinic)
    before = row_counts(session)
    with pytest.raises(error) as err:
        call(clinic, appt)
    assert text in err.value.message
    assert row_counts(session) == before
    session.expire_all()
    a = session.get(Appointment, appt.id)
    assert (a.copay_status, a.version) == (CopayStatus.PENDING, 1)
    assert session.get(Patient, appt.patient_id).deposit_balance == D("0.00")


# -------------------------------------------------------------- receipts and history


def test_receipt_data_and_payment_history(clinic, session):
    pat, ins, appt = insured(clinic, pat_kw={"first_name": "Omar", "last_name": "Saleh",
                                             "emirates_id": "784-1985-1234567-4"})
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    r = clinic.copay.receipt(clinic.desk, res.payment_id)
    assert (r.kind, r.receipt_number, r.timezone) == ("COPAY", res.receipt_number, "Asia/Dubai")
    assert (r.hospital_name, r.hospital_trn) == ("Al Noor Clinic", "100000000000003")
    assert (r.patient_name, r.mrn, r.emirates_id) == ("Omar Saleh", pat.mrn, "784-1985-1234567-4")
    assert (r.fee, r.primary_amount, r.patient_amount, r.vat_amount) == (
        D("300.00"), D("240.00"), D("60.00"), D("0.00"))
    assert (r.primary_insurer, r.primary_policy) == ("Daman", ins.policy_number)
    assert (r.payment_method, r.collected_by) == ("Cash", "Amina Yousef")
    assert "Dr. Sara Khan" in r.visit_description and "10 Mar 2026" in r.visit_description
    assert r.local_issued_at.strftime("%H:%M") == "09:30"
    # An accountant may reprint; a nurse may not.
    assert clinic.copay.receipt(clinic.actors[Role.ACCOUNTANT], res.payment_id) == r
    with pytest.raises(PermissionDenied):
        clinic.copay.receipt(clinic.actors[Role.NURSE], res.payment_id)
    with pytest.raises(NotFound):
        clinic.copay.receipt(clinic.desk, 987_654_321)

    hist = clinic.copay.payment_history(clinic.desk, pat.id)
    assert [(h.receipt_number, h.amount, h.method, h.collected_by) for h in hist] == [
        (res.receipt_number, D("60.00"), PaymentMethod.CASH, "Amina Yousef")]
    assert hist[0].paid_at.utcoffset() == dt.timedelta(hours=4)
