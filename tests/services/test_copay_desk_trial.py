"""Issue 11 (copay and receipts), service side: cash tendered and change, card approval code
and last 4 digits stored with the payment, collect / waive / defer checking the patient in
in the same transaction, "Expected from insurer" until the insurer has approved, one visit
type wording on copay and refund receipts, and plain words in every explanation line."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import Appointment, CopayPayment
from app.domain.enums import (
    AppointmentStatus,
    CopayStatus,
    DataSource,
    PaymentMethod,
    PreAuthRequestStatus,
    RefundMethod,
    RefundReason,
    Role,
    VisitType,
)
from app.domain.errors import ValidationError
from app.domain.visits import visit_type_name
from app.services.clock import fixed_clock
from app.services.refunds import RefundService
from tests import factories as f
from tests.services.conftest import NOW, row_counts
from tests.services.test_copay_collect import insured

D = Decimal


# ------------------------------------------------------------------ point 2: tendered / card
def test_cash_tendered_gives_change_and_both_are_stored(clinic, session):
    _, _, appt = insured(clinic)  # fee 300, copay 20% = 60
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k",
                               tendered=D("100"))
    assert (res.tendered, res.change_due) == (D("100.00"), D("40.00"))
    session.expire_all()
    p = session.get(CopayPayment, res.payment_id)
    assert (p.tendered_amount, p.change_due) == (D("100.00"), D("40.00"))
    r = clinic.copay.receipt(clinic.desk, res.payment_id)
    assert (r.tendered, r.change_due) == (D("100.00"), D("40.00"))


def test_cash_tendered_below_the_amount_is_refused_and_nothing_is_written(clinic, session):
    _, _, appt = insured(clinic)
    before = row_counts(session)
    with pytest.raises(ValidationError, match=r"less than the copay"):
        clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k", tendered=D("50"))
    assert row_counts(session) == before


def test_card_approval_code_and_last_four_are_validated_and_stored(clinic, session):
    _, _, appt = insured(clinic)
    before = row_counts(session)
    for bad in ({"card_last4": "12a4", "approval_code": "A1B2C3"},
                {"card_last4": "12345", "approval_code": "A1B2C3"},
                {"card_last4": "1234", "approval_code": "12 34!"}):
        with pytest.raises(ValidationError):
            clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CREDIT_CARD, "k", **bad)
    with pytest.raises(ValidationError, match="only for cash"):
        clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CREDIT_CARD, "k",
                             tendered=D("100"))
    assert row_counts(session) == before
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CREDIT_CARD, "k",
                               approval_code=" a1b2c3 ", card_last4="4242")
    session.expire_all()
    p = session.get(CopayPayment, res.payment_id)
    assert (p.card_approval_code, p.card_last4, p.tendered_amount) == ("A1B2C3", "4242", None)
    r = clinic.copay.receipt(clinic.desk, res.payment_id)
    assert (r.card_approval_code, r.card_last4) == ("A1B2C3", "4242")


def test_the_new_payment_columns_stay_append_only(clinic, session):
    _, _, appt = insured(clinic)
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k", tendered=D("60"))
    with pytest.raises(sa.exc.DBAPIError):
        session.execute(sa.update(CopayPayment).where(CopayPayment.id == res.payment_id)
                        .values(change_due=D("1.00")))
        session.flush()
    session.rollback()


# ------------------------------------------------------------ point 3: one consistent ending
def _appt(session, appointment_id):
    session.expire_all()
    return session.get(Appointment, appointment_id)


@pytest.mark.parametrize("action", ["collect", "waive", "defer"])
def test_each_decision_checks_the_patient_in_in_the_same_transaction(clinic, session, action):
    _, _, appt = insured(clinic)
    calls = {
        "collect": lambda: clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k",
                                                check_in=True),
        "waive": lambda: clinic.copay.waive(clinic.desk, appt.id, "Staff family",
                                            check_in=True),
        "defer": lambda: clinic.copay.defer(clinic.desk, appt.id, check_in=True),
    }
    result = calls[action]()
    a = _appt(session, appt.id)
    assert a.status is AppointmentStatus.CHECKED_IN and a.token_number == 1
    assert result.token_number == 1
    assert result.changes.touches("appointments")


def test_a_decision_whose_check_in_fails_writes_nothing(clinic, session, monkeypatch):
    """The copay is never left collected without the check-in: one transaction."""
    _, _, appt = insured(clinic)
    before = row_counts(session)

    def broken(*_a, **_k):
        raise ValidationError("The queue refused the check-in.")

    monkeypatch.setattr("app.services.copay.check_in_locked", broken)
    for call in (lambda: clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k",
                                              check_in=True),
                 lambda: clinic.copay.waive(clinic.desk, appt.id, "Staff", check_in=True),
                 lambda: clinic.copay.defer(clinic.desk, appt.id, check_in=True)):
        with pytest.raises(ValidationError, match="queue refused"):
            call()
    assert row_counts(session) == before
    a = _appt(session, appt.id)
    assert (a.status, a.copay_status) == (AppointmentStatus.SCHEDULED, CopayStatus.PENDING)


# ------------------------------------------------------- point 4: expected, not "paid"
def test_receipt_says_expected_from_insurer_until_the_preauth_is_approved(clinic, session):
    pat, ins, appt = insured(clinic, payer_kw={"preauth_required": True})
    f.preauth(session, ins, "99203", status=PreAuthRequestStatus.PENDING)
    session.commit()
    assert clinic.copay.quote(clinic.desk, appt.id).quote.preauth.status.value == "PENDING"
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    r = clinic.copay.receipt(clinic.desk, res.payment_id)
    assert not r.insurance_confirmed
    assert r.insurer_heading == "Expected from insurer"

    pat2, ins2, appt2 = insured(clinic, payer_kw={"preauth_required": True})
    f.preauth(session, ins2, "99203", status=PreAuthRequestStatus.APPROVED,
              preauth_number="PA-1")
    session.commit()
    res2 = clinic.copay.collect(clinic.desk, appt2.id, PaymentMethod.CASH, "k2")
    r2 = clinic.copay.receipt(clinic.desk, res2.payment_id)
    assert r2.insurance_confirmed and r2.insurer_heading == "Insurance pays"


# ------------------------------------------------ point 8: one wording for the visit type
def test_copay_and_refund_receipts_name_the_visit_type_the_same_way(clinic, session, uow):
    _, _, appt = insured(clinic, appt_kw={"visit_type": VisitType.FOLLOW_UP})
    res = clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    copay_receipt = clinic.copay.receipt(clinic.desk, res.payment_id)
    name = visit_type_name(VisitType.FOLLOW_UP)
    assert name == "Follow-up consultation"
    assert copay_receipt.visit_description.startswith(name)

    refunds = RefundService(uow, fixed_clock(NOW))
    accountant = clinic.actors[Role.ACCOUNTANT]
    rid = refunds.request(clinic.desk, res.payment_id, D("10.00"), RefundReason.OVERCHARGE,
                          RefundMethod.CASH).refund_id
    refunds.approve(accountant, rid)
    refunds.process(accountant, rid)
    refund_receipt = refunds.refund_receipt(clinic.desk, rid)
    assert refund_receipt.visit_description.startswith(name)
    assert "Follow Up" not in refund_receipt.visit_description


def test_every_visit_type_has_a_plain_name() -> None:
    names = {vt: visit_type_name(vt) for vt in VisitType}
    assert len(set(names.values())) == len(VisitType)
    for name in names.values():
        assert "_" not in name and name[0].isupper() and not name.isupper()


# ------------------------------------------------- point 7: plain words in the explanation
_CODE = re.compile(r"\b[A-Z]+_[A-Z_]+\b|\b[a-z]+_[a-z_]+\b|→ [a-z]")


def _plain(lines) -> list[str]:
    return [str(line) for line in lines if _CODE.search(str(line))]


@pytest.mark.parametrize("visit", list(VisitType))
@pytest.mark.parametrize("source", list(DataSource))
def test_explanation_lines_are_plain_words(clinic, session, visit, source):
    _, _, appt = insured(clinic, appt_kw={"visit_type": visit})
    view = clinic.copay.quote(clinic.desk, appt.id, data_source=source)
    assert _plain(view.quote.explanation) == []
    # No charge-master price: the fallback line names the visit, not the charge code.
    session.execute(sa.text("DELETE FROM charge_master"))
    session.commit()
    view = clinic.copay.quote(clinic.desk, appt.id, data_source=source)
    assert _plain(view.quote.explanation) == []
