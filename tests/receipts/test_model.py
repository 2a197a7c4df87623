"""ReceiptData: the checks a printed receipt must pass, and its JSON-safe round trip."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

import pytest

from app.domain.errors import ValidationError
from tests.receipts.conftest import make_receipt, make_refund


def test_round_trip_through_json():
    data = make_refund()
    raw = json.loads(json.dumps(data.to_dict()))
    assert raw["patient_amount"] == "30.00" and raw["vat_amount"] == "1.43"
    assert raw["issued_at"] == "2025-11-22T10:05:00+00:00"
    assert type(data).from_dict(raw) == data


def test_vat_is_computed_from_the_rate_when_not_given():
    assert make_receipt().vat_amount == Decimal("1.43")  # 30 * 0.05 / 1.05 = 1.428...
    assert make_receipt(vat_rate=Decimal(0)).vat_amount == Decimal("0.00")
    assert make_receipt(vat_amount=Decimal("1.43")).vat_amount == Decimal("1.43")


def test_amounts_are_quantised_decimals():
    data = make_receipt(fee=200, primary_amount="160", secondary_amount=Decimal("10.0"),
                        patient_amount=Decimal("30"))
    assert data.fee == Decimal("200.00") and str(data.primary_amount) == "160.00"


def test_float_money_is_refused():
    with pytest.raises(TypeError, match="float"):
        make_receipt(patient_amount=30.0)
    with pytest.raises(TypeError, match="float"):
        make_receipt(vat_rate=0.05)


def test_issue_time_must_be_aware_and_zone_known():
    with pytest.raises(ValidationError, match="time zone"):
        make_receipt(issued_at=datetime(2025, 11, 22, 14, 5))
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        make_receipt(timezone="Mars/Olympus")


def test_local_time_is_in_the_hospital_zone():
    assert make_receipt().local_issued_at.strftime("%H:%M %z") == "14:05 +0400"


def test_copay_must_add_up_to_the_fee():
    with pytest.raises(ValidationError, match="does not add up"):
        make_receipt(patient_amount=Decimal("31.00"))


def test_refund_needs_the_original_receipt():
    with pytest.raises(ValidationError, match="original receipt"):
        make_refund(original_receipt_number="")


@pytest.mark.parametrize("field", ["receipt_number", "patient_name", "mrn", "hospital_name"])
def test_required_text(field):
    with pytest.raises(ValidationError):
        make_receipt(**{field: "  "})


def test_unknown_kind_and_fields_are_refused():
    with pytest.raises(ValidationError, match="kind"):
        make_receipt(kind="INVOICE")
    raw = make_receipt().to_dict() | {"patient_nmae": "typo"}
    with pytest.raises(ValidationError, match="patient_nmae"):
        type(make_receipt()).from_dict(raw)


def test_negative_amounts_are_refused():
    with pytest.raises(ValidationError, match="negative"):
        make_receipt(secondary_amount=Decimal("-10.00"), patient_amount=Decimal("50.00"))


def test_null_columns_read_as_nothing():
    data = make_refund(fee=None, primary_insurer=None, primary_amount=None, secondary_amount=None,
                       notes=None, hospital_address=None, timezone=None)
    assert data.fee == Decimal("0.00") and data.primary_amount == Decimal("0.00")
    assert data.notes == "" and data.hospital_address == "" and data.timezone == "Asia/Dubai"
    with pytest.raises(TypeError):
        make_receipt(patient_amount=None)
