"""Money in AED: Decimal only, quantised to 0.01 with ROUND_HALF_UP, and the VAT split.

Amounts are VAT-inclusive. The VAT inside an amount at rate r is ``amount * r / (1 + r)``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.errors import ValidationError
from app.domain.messages import Msg, messages
from app.domain.text import ascii_digits, check_storable

M = messages(__name__)

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal("100")
CURRENCY = "AED"
# NUMERIC(12,2): the largest amount any money column holds.
MAX_AMOUNT = Decimal("9999999999.99")


def q(amount: Decimal | int | str) -> Decimal:
    """Quantise to fils (0.01 AED), half up. Floats are refused: they have already lost fils."""
    if isinstance(amount, float):
        raise TypeError("money must never be a float")
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def parse_amount(text: str, *, field: str | Msg = "Amount") -> Decimal:
    """Parse what a person typed ("1,250.5", " 30 ", "١٥٠٫٥") into a non-negative amount, or
    say why not. Arabic-Indic and Persian digits are read as ASCII digits."""
    if text is not None and not isinstance(text, str):
        raise ValidationError(M("field_typed_amount_like", "{field} must be typed as an "
                                "amount, like 150.00.", field=field))
    check_storable(text or "", field)
    cleaned = ascii_digits(text or "").strip().replace(",", "").removeprefix(CURRENCY).strip()
    if not cleaned:
        raise ValidationError(M("field_required", "{field} is required.", field=field))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(M("field_number_like_2", "{field} must be a number, like 150.00.",
                                field=field)) from None
    return _non_negative(value, field)


def to_amount(value: Decimal | int | str, *, field: str | Msg = "Amount") -> Decimal:
    """A non-negative amount from what a person typed (a string, see :func:`parse_amount`) or
    what a caller passed (Decimal or int), with the same messages. Floats, bools and None are
    refused: a float has already lost fils, and True is not AED 1."""
    if isinstance(value, str):
        return parse_amount(value, field=field)
    if isinstance(value, float | bool) or not isinstance(value, Decimal | int):
        raise ValidationError(M("field_typed_amount_like_2", "{field} must be typed as an "
                                "amount, like 150.00.", field=field))
    return _non_negative(Decimal(value), field)


def _non_negative(value: Decimal, field: str | Msg) -> Decimal:
    if not value.is_finite():
        raise ValidationError(M("field_number_like", "{field} must be a number, like 150.00.",
                                field=field))
    if value < 0:
        raise ValidationError(M("field_negative", "{field} cannot be negative.", field=field))
    if value > MAX_AMOUNT:
        raise ValidationError(M("field_too_large_most", "{field} is too large (at most "
                                "{max}).", field=field, max=f"{MAX_AMOUNT:,.2f}"))
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValidationError(M("field_more_than_two", "{field} has more than two decimals "
                                "(fils).", field=field))
    # "+ 0" turns a typed -0 into 0.00: a receipt never shows "-0.00".
    return q(value) + 0


def vat_included(amount: Decimal, rate: Decimal) -> Decimal:
    """VAT contained in a VAT-inclusive amount at ``rate`` (0.05 for 5%)."""
    if rate <= 0:
        return ZERO
    return q(amount * rate / (Decimal(1) + rate))


def pct_of(amount: Decimal, pct: Decimal) -> Decimal:
    """``pct`` percent of ``amount`` (pct in 0..100), rounded to fils."""
    return q(amount * pct / HUNDRED)


def fmt(amount: Decimal, *, currency: bool = True) -> str:
    """Display form: ``AED 1,234.50``."""
    text = f"{q(amount):,.2f}"
    return f"{CURRENCY} {text}" if currency else text
