"""The one written table between OpenDental's ClaimStatus letters and the seed's statuses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.claim_status import OD_LETTERS, opendental_status, seed_status
from app.domain.enums import ClaimStatus as S
from app.integrations.opendental.wire import ClaimStatus as OdStatus


@pytest.mark.parametrize("letter, expected", [
    ("U", S.NOT_SUBMITTED), ("H", S.SUBMITTED), ("W", S.SUBMITTED), ("I", S.SUBMITTED),
    ("S", S.SUBMITTED), ("R", S.APPROVED)])
def test_each_letter(letter, expected):
    assert seed_status(letter, ins_pay_amt=Decimal("120.00")) is expected


def test_every_wire_letter_is_in_the_table():
    assert set(OD_LETTERS) == {s.value for s in OdStatus}


def test_received_with_nothing_paid_and_a_reason_is_a_rejection():
    assert seed_status("R", ins_pay_amt=Decimal("0"), denial_reason="Not covered") is S.REJECTED
    assert seed_status("R", ins_pay_amt=None, denial_reason=" Missing x-ray ") is S.REJECTED
    # Zero paid without a reason (all to deductible) is not a denial.
    assert seed_status("R", ins_pay_amt=Decimal("0"), denial_reason="  ") is S.APPROVED
    # Something paid with a reason (an under-payment) is approved, not rejected.
    assert seed_status("R", ins_pay_amt=Decimal("10"), denial_reason="Downcoded") is S.APPROVED


def test_paid_is_ours_and_only_for_received_claims():
    assert seed_status("R", ins_pay_amt=Decimal("50"), paid=True) is S.PAID
    assert seed_status("S", paid=True) is S.SUBMITTED  # OpenDental moved it back: follow it


def test_unknown_letters_are_refused():
    with pytest.raises(ValueError):
        seed_status("X")


def test_the_desk_writes_only_drafts_and_submissions():
    assert opendental_status(S.SUBMITTED) == "W"
    assert opendental_status(S.NOT_SUBMITTED) == "U"
    for decided in (S.APPROVED, S.REJECTED, S.PAID):
        with pytest.raises(ValueError):
            opendental_status(decided)
