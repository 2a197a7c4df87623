"""Emirates ID numbers: validate, normalise to ``784-YYYY-NNNNNNN-C`` and build demo numbers.

An Emirates ID is 15 digits: ``784`` (the UAE's ISO 3166 code), four digits (often, not
always, the birth year), seven digits, and a Luhn (mod 10) check digit over all fifteen
(apis.md §2.10; seed 004 §7 checkpoint 1). Keyboard-wedge card readers type the digits and
press Enter, so surrounding whitespace and newlines are accepted; so are the printed dashes and
spaces between the groups. Anything else (letters, dots) is refused.
"""

from __future__ import annotations

import re

from app.domain.errors import ValidationError
from app.domain.text import ascii_digits

PREFIX = "784"
LENGTH = 15

MSG_FORMAT = "Invalid Emirates ID format (must be 15 digits)"
MSG_PREFIX = "Emirates ID must start with 784"
MSG_CHECK = "Emirates ID check digit is wrong — please re-scan or re-type it"

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]+")


def _luhn_sum(digits: str) -> int:
    """Luhn sum of ``digits`` where the rightmost digit is NOT doubled."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def luhn_check_digit(payload: str) -> int:
    """The digit that, appended to ``payload``, makes a valid Luhn number."""
    if not payload.isdigit():
        raise ValueError("payload must be digits")
    return (10 - _luhn_sum(payload + "0") % 10) % 10


def _digits_only(text: str) -> str:
    if text is None:
        raise ValidationError(MSG_FORMAT, rule="format")
    # Arabic-Indic / Persian digits (a card read aloud, an Arabic keyboard) are the same ID.
    cleaned = _SEPARATORS.sub("", ascii_digits(str(text)))
    if not cleaned.isascii() or not cleaned.isdigit() or len(cleaned) != LENGTH:
        raise ValidationError(MSG_FORMAT, rule="format")
    return cleaned


def format_eid(digits: str) -> str:
    """``784198512345674`` -> ``784-1985-1234567-4`` (no validation)."""
    return f"{digits[:3]}-{digits[3:7]}-{digits[7:14]}-{digits[14]}"


def normalize_eid(text: str) -> str:
    """Validate an Emirates ID as typed or scanned and return it as ``784-YYYY-NNNNNNN-C``.

    Raises ValidationError naming the rule that failed: format (15 digits), prefix (784),
    or check digit (Luhn). ``error.details["rule"]`` is ``format`` / ``prefix`` / ``check_digit``.
    """
    digits = _digits_only(text)
    if not digits.startswith(PREFIX):
        raise ValidationError(MSG_PREFIX, rule="prefix")
    if _luhn_sum(digits) % 10 != 0:
        raise ValidationError(MSG_CHECK, rule="check_digit")
    return format_eid(digits)


def is_valid_eid(text: str | None) -> bool:
    if text is None:
        return False
    try:
        normalize_eid(text)
    except ValidationError:
        return False
    return True


def eid_digits(text: str) -> str:
    """The 15 digits of a valid Emirates ID (what some systems want instead of the dashed form)."""
    return normalize_eid(text).replace("-", "")


def make_eid(year: int, serial: int) -> str:
    """A valid Emirates ID for demo and test data: ``784-<year>-<serial:07>-<Luhn digit>``."""
    if not 0 <= year <= 9999:
        raise ValueError("year must have at most 4 digits")
    if not 0 <= serial <= 9_999_999:
        raise ValueError("serial must have at most 7 digits")
    payload = f"{PREFIX}{year:04d}{serial:07d}"
    return format_eid(payload + str(luhn_check_digit(payload)))
