"""Maker-checker on refunds (issue 11, point 7): above the hospital's threshold the approver
may not be the requester and the payer-out may not be the approver; the hospital decides
(Settings). A card payment refunded in cash is warned about."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.enums import PaymentMethod, RefundMethod, RefundReason, RefundStatus, Role
from app.domain.errors import ApproverIsRequester, PayerIsApprover, PermissionDenied
from app.domain.refund_policy import RefundSeparation, method_warning
from app.services.clock import fixed_clock
from app.services.refunds import RefundService
from app.services.settings import HospitalSettings
from tests.services.test_refunds_support import NOW, clinic, collected_payment

D = Decimal
ADMIN = Role.HOSPITAL_ADMIN
OVER = RefundReason.OVERCHARGE


@pytest.fixture
def svc(uow):
    return RefundService(uow, fixed_clock(NOW))


@pytest.fixture
def c(session):
    return clinic(session)


def _request(session, svc, c, amount: str, by=None):
    pay = collected_payment(session, c, amount="2000.00", insured=False)
    session.commit()
    return svc.request(by or c.actor(ADMIN), pay.id, D(amount), OVER, RefundMethod.CASH)


def test_defaults_are_on_over_aed_500():
    rule = RefundSeparation.from_settings({})
    assert (rule.approver_not_requester, rule.payer_not_approver) == (True, True)
    assert rule.over == D("500.00")
    assert not rule.applies(D("500.00")) and rule.applies(D("500.01"))
    assert HospitalSettings().refund_separation_over == "500.00"


def test_approver_may_not_be_the_requester_over_the_threshold(session, svc, c):
    req = _request(session, svc, c, "600.00")
    with pytest.raises(ApproverIsRequester) as err:
        svc.approve(c.actor(ADMIN), req.refund_id)
    assert isinstance(err.value, PermissionDenied)
    assert "AED 600.00" in err.value.message and "AED 500.00" in err.value.message
    # nothing half-written: still pending, and someone else may approve
    assert svc.get(c.accountant, req.refund_id).status is RefundStatus.PENDING
    assert svc.approve(c.accountant, req.refund_id).refund.status is RefundStatus.APPROVED


def test_payer_out_may_not_be_the_approver_over_the_threshold(session, svc, c):
    req = _request(session, svc, c, "600.00")
    svc.approve(c.accountant, req.refund_id)
    with pytest.raises(PayerIsApprover):
        svc.process(c.accountant, req.refund_id)
    assert svc.get(c.accountant, req.refund_id).status is RefundStatus.APPROVED
    done = svc.process(c.actor(Role.SUPER_ADMIN), req.refund_id)
    assert done.refund.status is RefundStatus.PROCESSED


def test_at_or_under_the_threshold_one_person_may_do_everything(session, svc, c):
    req = _request(session, svc, c, "500.00")
    svc.approve(c.actor(ADMIN), req.refund_id)
    assert svc.process(c.actor(ADMIN), req.refund_id).refund.status is RefundStatus.PROCESSED


def test_the_hospital_setting_turns_the_rules_off_or_lowers_the_threshold(session, svc, c):
    c.hospital.settings = {"refund_approver_not_requester": False,
                           "refund_payer_not_approver": True, "refund_separation_over": "50"}
    session.commit()
    req = _request(session, svc, c, "60.00")
    svc.approve(c.actor(ADMIN), req.refund_id)  # allowed: that rule is off
    with pytest.raises(PayerIsApprover):  # 60 > 50: this one is on
        svc.process(c.actor(ADMIN), req.refund_id)


def test_settings_validate_the_threshold():
    from app.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="threshold"):
        HospitalSettings(refund_separation_over="lots").validate()
    HospitalSettings(refund_separation_over="0").validate()


def test_card_payment_refunded_in_cash_is_warned_about():
    assert method_warning(PaymentMethod.CREDIT_CARD, RefundMethod.CASH) is not None
    assert "card" in method_warning(PaymentMethod.DEBIT_CARD, RefundMethod.CASH)
    assert method_warning(PaymentMethod.CREDIT_CARD, RefundMethod.CREDIT_CARD) is None
    assert method_warning(PaymentMethod.CASH, RefundMethod.CASH) is None
