"""clean_text, ascii_digits, parse_choice and check_day: the one place free text, digits,
choices and days are checked before a service uses them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.dates import check_day
from app.domain.enums import PaymentMethod
from app.domain.errors import ValidationError
from app.domain.money import MAX_AMOUNT, parse_amount, to_amount
from app.domain.text import ascii_digits, clean_text, parse_choice


def test_clean_text_strips_collapses_and_caps():
    assert clean_text("  late \n payment  ", "Reason", 50) == "late payment"
    assert clean_text(" line one \n  line two ", "Note", 50, multiline=True) == \
        "line one\n  line two"
    assert clean_text("   ", "Reason", 10) is None
    assert clean_text(None, "Reason", 10) is None
    assert clean_text("x" * 10, "Reason", 10) == "x" * 10
    # Arabic text with the ordinary right-to-left mark is fine.
    assert clean_text("\u200fتأخر الدفع", "Reason", 50) == "\u200fتأخر الدفع"


@pytest.mark.parametrize("value, words", [
    ("a\x00b", "NUL"), ("a\x1bb", "control character (U+001B)"), ("a\x7fb", "U+007F"),
    ("a\u202eb", "text-direction"), ("a\ud800b", "broken character"),
    ("x" * 11, "at most 10 characters; this has 11"), ("x" * 100_000, "at most 10"),
    (42, "must be text"), (b"bytes", "must be text"),
])
def test_clean_text_refuses_with_the_field_named(value, words):
    with pytest.raises(ValidationError, match="^Reason") as err:
        clean_text(value, "Reason", 10)
    assert words in err.value.message


def test_required_and_the_form_key():
    with pytest.raises(ValidationError, match="Reason is required") as err:
        clean_text(" ", "Reason", 10, required=True, key="reason")
    assert err.value.details["field"] == "reason"


def test_ascii_digits():
    assert ascii_digits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ١٢٫٥٠ ١٬٢٠٠") == \
        "0123456789 0123456789 12.50 1,200"


@pytest.mark.parametrize("text, expected", [
    ("١٥٠", "150.00"), ("۱۲۳٫۴۵", "123.45"), ("١٬٢٥٠٫٥", "1250.50"), ("-0", "0.00"),
    ("9999999999.99", "9999999999.99"),
])
def test_typed_amounts_in_any_digits(text, expected):
    assert str(parse_amount(text)) == expected


@pytest.mark.parametrize("value", [
    Decimal("10000000000"), "1e10", "1e27", Decimal("NaN"), Decimal("sNaN"), "Infinity",
    Decimal("-Infinity"), 1.5, True, False, None, "12\x00", "1.005", [], object(),
])
def test_non_amounts_are_validation_errors(value):
    with pytest.raises(ValidationError):
        to_amount(value)


def test_the_largest_amount_fits_numeric_12_2():
    assert to_amount(MAX_AMOUNT) == MAX_AMOUNT
    assert str(to_amount(Decimal("-0.00"))) == "0.00"


def test_parse_choice():
    assert parse_choice(PaymentMethod, "CASH", "Payment method") is PaymentMethod.CASH
    with pytest.raises(ValidationError, match="'BITCOIN' is not one of CASH"):
        parse_choice(PaymentMethod, "BITCOIN", "Payment method")
    with pytest.raises(ValidationError, match="that value is not one of"):
        parse_choice(PaymentMethod, "x" * 1000, "Payment method")


@pytest.mark.parametrize("value", [dt.date(9999, 12, 31), dt.date(1, 1, 1),
                                   dt.datetime(2026, 1, 1), "2026-01-01", 20260101])
def test_days_outside_the_calendar_or_not_dates(value):
    with pytest.raises(ValidationError, match="^The day"):
        check_day(value, "The day")


def test_days_inside_are_kept():
    assert check_day(dt.date(2026, 3, 10), "The day") == dt.date(2026, 3, 10)
    assert check_day(None, "The day") is None
