"""The pure refund rules (app/domain/refunds.py): state machine, limit messages, splits.

No database here; these run in milliseconds.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.enums import PaymentMethod, RefundMethod, RefundReason, RefundStatus
from app.domain.errors import InvalidTransition, ValidationError
from app.domain.refunds import (
    Decision,
    RefundableLimit,
    RefundAction,
    allowed_actions,
    check_amount,
    check_details,
    check_method,
    check_rejection_reason,
    next_status,
    share,
    split_ledger,
    split_revenue,
    when_text,
)

D = Decimal
S = RefundStatus
A = RefundAction
AT = dt.datetime(2026, 3, 1, 10, 14)


@pytest.mark.parametrize("status, action, expected", [
    (S.PENDING, A.APPROVE, S.APPROVED),
    (S.PENDING, A.REJECT, S.REJECTED),
    (S.PENDING, A.DELETE, None),
    (S.APPROVED, A.PROCESS, S.PROCESSED),
])
def test_allowed_transitions(status, action, expected):
    assert next_status(Decision(status), action) is expected


@pytest.mark.parametrize("status, action, message", [
    (S.APPROVED, A.APPROVE, "This refund was already approved by Omar at 10:14."),
    (S.APPROVED, A.REJECT, "This refund was already approved by Omar at 10:14."),
    (S.PROCESSED, A.PROCESS, "This refund was already processed by Omar at 10:14."),
    (S.REJECTED, A.APPROVE, "This refund was already rejected by Omar at 10:14."),
    (S.REJECTED, A.PROCESS, "This refund was already rejected by Omar at 10:14. A rejected "
                            "refund cannot be paid out."),
    (S.APPROVED, A.DELETE, "This refund was already approved by Omar at 10:14. Only pending "
                           "refund requests can be deleted."),
    (S.PENDING, A.PROCESS, "This refund has not been approved yet. Approve it before "
                           "processing it."),
])
def test_refused_transitions_say_what_happened(status, action, message):
    with pytest.raises(InvalidTransition) as err:
        next_status(Decision(status, "Omar", AT), action, today=AT.date())
    assert err.value.message == message


def test_every_pair_is_either_allowed_or_explained():
    for status in S:
        for action in A:
            if action in allowed_actions(status):
                next_status(Decision(status), action)
            else:
                with pytest.raises(InvalidTransition) as err:
                    next_status(Decision(status, "X", AT), action)
                assert err.value.message.endswith(".")


def test_when_text_adds_the_date_on_another_day():
    assert when_text(AT, AT.date()) == "10:14"
    assert when_text(AT, dt.date(2026, 3, 2)) == "10:14 on 1 Mar 2026"


def test_limit_message_matches_the_desk_wording():
    limit = RefundableLimit("RCP-2026-000123", D("30.00"), D("10.00"), D("7.50"))
    assert limit.refundable == D("12.50")
    with pytest.raises(ValidationError) as err:
        check_amount(D("13.00"), limit)
    assert err.value.message == (
        "At most AED 12.50 can still be refunded on receipt RCP-2026-000123 "
        "(AED 30.00 paid, AED 10.00 refunded, AED 7.50 awaiting approval).")
    assert check_amount(D("12.5"), limit) == D("12.50")


def test_limit_mentions_approved_but_unpaid_refunds():
    limit = RefundableLimit("RCP-1", D("50.00"), approved_unpaid=D("20.00"))
    with pytest.raises(ValidationError, match=r"At most AED 30\.00 can still be refunded on "
                                              r"receipt RCP-1 \(AED 50\.00 paid, AED 20\.00 "
                                              r"approved, not yet paid out\)\."):
        check_amount(D("31"), limit)
    with pytest.raises(ValidationError, match=r"At most AED 50\.00 can be refunded .*\(AED "
                                              r"50\.00 paid\)\."):
        check_amount(D("51"), RefundableLimit("RCP-1", D("50.00")))
    with pytest.raises(ValidationError, match="Nothing more can be refunded"):
        check_amount(D("1"), RefundableLimit("RCP-1", D("50.00"), D("50.00")))


def test_card_refunds_only_for_card_payments():
    check_method(PaymentMethod.CREDIT_CARD, RefundMethod.CREDIT_CARD)
    check_method(PaymentMethod.DEBIT_CARD, RefundMethod.CREDIT_CARD)
    check_method(PaymentMethod.CASH, RefundMethod.BANK_TRANSFER)
    with pytest.raises(ValidationError, match="from the patient's deposit"):
        check_method(PaymentMethod.DEPOSIT, RefundMethod.CREDIT_CARD)


def test_details_and_rejection_reason_rules():
    assert check_details(RefundReason.OVERCHARGE, "  ") is None
    assert check_details(RefundReason.OTHER, " lost card ") == "lost card"
    with pytest.raises(ValidationError):
        check_details(RefundReason.OTHER, None)
    with pytest.raises(ValidationError):
        check_rejection_reason("")
    with pytest.raises(ValidationError, match="at most"):
        check_rejection_reason("x" * 1001)


def test_split_examples():
    assert split_ledger(D("10.00"), paid=D("30.00"), already_refunded=D("0"),
                        deductible_portion=D("10.00"), copay_portion=D("20.00")) == \
        split_ledger(D("10.00"), paid=D("30.00"), already_refunded=D("0"),
                     deductible_portion=D("10.00"), copay_portion=D("20.00"))
    s = split_ledger(D("10.00"), paid=D("30.00"), already_refunded=D("0"),
                     deductible_portion=D("10.00"), copay_portion=D("20.00"))
    assert (s.deductible, s.copay) == (D("3.33"), D("6.67"))
    r = split_revenue(D("52.50"), paid=D("105.00"), already_refunded=D("0"), vat_amount=D("5.00"))
    assert (r.revenue, r.vat) == (D("50.00"), D("2.50"))


def test_split_with_secondary_insurer_reverses_the_whole_ledger_on_full_refund():
    # Patient paid 40 of a 100 share (secondary insurer paid 60): d=30, c=70.
    s = split_ledger(D("40.00"), paid=D("40.00"), already_refunded=D("0"),
                     deductible_portion=D("30.00"), copay_portion=D("70.00"))
    assert (s.deductible, s.copay) == (D("30.00"), D("70.00"))


def test_share_refuses_more_than_the_whole():
    with pytest.raises(ValueError):
        share(D("1"), D("10"), D("5"), D("6"))


fils = st.integers(min_value=1, max_value=500_000).map(lambda n: D(n) / 100)


@settings(max_examples=200, deadline=None)
@given(paid=fils, ded_frac=st.integers(0, 100), data=st.data())
def test_partial_refunds_are_exact_to_the_fils(paid, ded_frac, data):
    deductible = (paid * ded_frac / 100).quantize(D("0.01"))
    copay = paid - deductible
    vat = (paid * D("0.05") / D("1.05")).quantize(D("0.01"))
    done = D("0.00")
    tot_d = tot_c = tot_v = D("0.00")
    for step in range(6):  # up to five partial refunds, then whatever is left
        if done == paid:
            break
        left_cents = int((paid - done) * 100)
        cents = left_cents if step == 5 else data.draw(st.integers(1, left_cents))
        refund = D(cents) / 100
        split = split_ledger(refund, paid=paid, already_refunded=done,
                             deductible_portion=deductible, copay_portion=copay)
        money = split_revenue(refund, paid=paid, already_refunded=done, vat_amount=vat)
        assert split.deductible + split.copay == refund
        assert split.deductible >= 0 and split.copay >= 0
        assert money.revenue + money.vat == refund and money.vat >= 0
        tot_d += split.deductible
        tot_c += split.copay
        tot_v += money.vat
        done += refund
        assert tot_d <= deductible and tot_c <= copay and tot_v <= vat
    assert (tot_d, tot_c, tot_v) == (deductible, copay, vat)
