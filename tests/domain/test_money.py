"""app.domain.money: half-up fils, parsing what a person typed, the VAT split, no floats."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.errors import ValidationError
from app.domain.money import ZERO, fmt, parse_amount, pct_of, q, vat_included


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("15.0075", "15.01"),
        ("15.045", "15.05"),  # half-up, where banker's rounding would give 15.04
        ("15.015", "15.02"),
        ("0.005", "0.01"),
        ("0.004", "0.00"),
        ("2.675", "2.68"),  # exact as a string; a float 2.675 would have become 2.67
        ("100", "100.00"),
        (7, "7.00"),
        (Decimal("1E+2"), "100.00"),
    ],
)
def test_q_rounds_half_up_to_fils(raw, expected):
    result = q(raw)
    assert str(result) == expected
    assert result.as_tuple().exponent == -2


def test_q_refuses_floats():
    with pytest.raises(TypeError):
        q(2.675)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("150", "150.00"),
        (" 30 ", "30.00"),
        ("1,250.5", "1250.50"),
        ("AED 12.30", "12.30"),
        ("0", "0.00"),
        ("0.10", "0.10"),
    ],
)
def test_parse_amount_accepts(text, expected):
    assert str(parse_amount(text)) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "must be a number"),
        ("12a", "must be a number"),
        ("NaN", "must be a number"),
        ("Infinity", "must be a number"),
        ("-5", "cannot be negative"),
        ("-0.01", "cannot be negative"),
        ("1.234", "more than two decimals"),
        ("10.005", "more than two decimals"),
        ("", "is required"),
        ("   ", "is required"),
        ("AED", "is required"),
    ],
)
def test_parse_amount_refuses(text, message):
    with pytest.raises(ValidationError) as err:
        parse_amount(text, field="Copay")
    assert message in err.value.message
    assert err.value.message.startswith("Copay ")


def test_parse_amount_none_is_required():
    with pytest.raises(ValidationError, match="is required"):
        parse_amount(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "rate", "expected"),
    [
        ("210.00", "0.05", "10.00"),  # 210 x 0.05 / 1.05 = 10 exactly
        ("105.00", "0.05", "5.00"),
        ("50.00", "0.05", "2.38"),  # 2.380952... -> 2.38
        ("42.00", "0.05", "2.00"),
        ("0.21", "0.05", "0.01"),  # 0.01 exactly
        ("0.10", "0.05", "0.00"),  # 0.00476 -> 0.00
        ("250.00", "0", "0.00"),
        ("250.00", "0.0000", "0.00"),
    ],
)
def test_vat_included(amount, rate, expected):
    assert str(vat_included(Decimal(amount), Decimal(rate))) == expected


def test_vat_included_zero_rate_is_zero_constant():
    assert vat_included(Decimal("99.99"), Decimal("0")) is ZERO


@pytest.mark.parametrize(
    ("amount", "pct", "expected"),
    [
        ("100.05", "15", "15.01"),  # 15.0075
        ("100.30", "15", "15.05"),  # 15.045, half-up
        ("250.00", "20", "50.00"),
        ("250.00", "0", "0.00"),
        ("250.00", "100", "250.00"),
    ],
)
def test_pct_of(amount, pct, expected):
    assert str(pct_of(Decimal(amount), Decimal(pct))) == expected


def test_fmt():
    assert fmt(Decimal("1234.5")) == "AED 1,234.50"
    assert fmt(Decimal("0")) == "AED 0.00"
    assert fmt(Decimal("12.345"), currency=False) == "12.35"
