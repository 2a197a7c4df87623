"""What the desk records about how a copay was handed over (issue 11).

Cash: the amount tendered and the change due (tendered below the amount is refused with a
sentence). Card (credit or debit): the terminal's approval code and the card's last 4 digits
(never the full number: the desk must not hold card numbers). Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.domain.enums import PaymentMethod
from app.domain.errors import ValidationError
from app.domain.messages import Money, messages
from app.domain.money import to_amount

M = messages(__name__)

CARD_METHODS = frozenset({PaymentMethod.CREDIT_CARD, PaymentMethod.DEBIT_CARD})
APPROVAL_MAX = 12
_APPROVAL = re.compile(r"^[A-Z0-9]{2,12}$")
_LAST4 = re.compile(r"^[0-9]{4}$")


@dataclass(frozen=True)
class Tender:
    """The details stored with a payment; every field None when nothing was recorded."""

    tendered: Decimal | None = None
    change_due: Decimal | None = None
    approval_code: str | None = None
    card_last4: str | None = None


def _text(value: object) -> str:
    return str(value).strip() if value is not None else ""


def approval_code_or_error(value: object) -> str:
    """The card terminal's approval code, upper-cased: 2–12 letters or digits."""
    code = _text(value).upper()
    if not _APPROVAL.match(code):
        raise ValidationError(M("card_approval_code_letters", "The card approval code is the "
                                "2–12 letters or digits printed on the terminal slip (for "
                                "example A1B2C3)."), field="approval_code")
    return code


def last4_or_error(value: object) -> str:
    """The card's last 4 digits, exactly 4 digits."""
    digits = _text(value)
    if not _LAST4.match(digits):
        raise ValidationError(M("enter_exactly_last_digits", "Enter exactly the last 4 digits "
                                "of the card (for example 4242)."),
                              field="card_last4")
    return digits


def tender_for(method: PaymentMethod, amount: Decimal, *, tendered: object = None,
               approval_code: object = None, card_last4: object = None,
               require_card: bool = False) -> Tender:
    """Check what was given for ``method`` against the copay ``amount``.

    Cash with ``tendered``: the change is ``tendered - amount``; less than the amount is a
    ValidationError naming both. Card details are validated when given (``require_card``
    makes them required, as the copay dialog does). Details that do not belong to the method
    (a tendered amount on a card payment, a card code on cash) are refused, not dropped."""
    method = PaymentMethod(method)
    has_tendered = tendered is not None and _text(tendered) != ""
    has_card = bool(_text(approval_code) or _text(card_last4))
    if has_tendered and method is not PaymentMethod.CASH:
        raise ValidationError(M("amount_tendered_recorded_only", "The amount tendered is "
                                "recorded only for cash payments."),
                              field="tendered")
    if has_card and method not in CARD_METHODS:
        raise ValidationError(M("card_approval_code_last", "A card approval code and last 4 "
                                "digits are recorded only for card payments."), field="approval_code")
    if method is PaymentMethod.CASH and has_tendered:
        given = to_amount(tendered if not isinstance(tendered, str) else tendered.strip(),
                          field="Amount tendered")
        if given < amount:
            raise ValidationError(
                M("amount_tendered_given_less", "The amount tendered ({given}) is less than "
                  "the copay ({amount}): take at least the copay, or choose another payment "
                  "method.", given=Money(given), amount=Money(amount)), field="tendered")
        return Tender(tendered=given, change_due=given - amount)
    if method in CARD_METHODS and (has_card or require_card):
        return Tender(approval_code=approval_code_or_error(approval_code),
                      card_last4=last4_or_error(card_last4))
    return Tender()


__all__ = ["APPROVAL_MAX", "CARD_METHODS", "Tender", "approval_code_or_error",
           "last4_or_error", "tender_for"]
