"""Cash drawer arithmetic: UAE denominations, counting a drawer, and when a difference at
shift close needs a supervisor. Pure: no Qt, no SQL."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from app.domain.errors import ValidationError
from app.domain.messages import Money, Msg, messages
from app.domain.money import ZERO, q

M = messages(__name__)

# AED notes, then coins (the 25-fils coin is the smallest in use at desks).
NOTES: tuple[Decimal, ...] = tuple(Decimal(v) for v in (1000, 500, 200, 100, 50, 20, 10, 5))
COINS: tuple[Decimal, ...] = (Decimal("1"), Decimal("0.50"), Decimal("0.25"))
DENOMINATIONS: tuple[Decimal, ...] = NOTES + COINS
MAX_PIECES = 100_000  # of one denomination: a typo guard, not a policy
DEFAULT_DIFFERENCE_THRESHOLD = Decimal("5.00")


def denomination_key(value: Decimal) -> str:
    """The JSON key of a denomination: 1000 gives 1000, 0.5 gives 0.50, 0.25 gives 0.25."""
    return f"{value:.2f}".removesuffix(".00")


_BY_KEY = {denomination_key(d): d for d in DENOMINATIONS}


def clean_counts(counts: Mapping[str, object] | None) -> dict[str, int]:
    """Validated pieces per denomination (keys as :func:`denomination_key`), zeros dropped.

    Raises ValidationError for an unknown denomination or a count that is not a whole
    number from 0 to MAX_PIECES."""
    out: dict[str, int] = {}
    for key, raw in (counts or {}).items():
        k = str(key).strip()
        if k not in _BY_KEY:
            try:
                k = denomination_key(q(Decimal(k)))
            except ArithmeticError:
                k = ""
            if k not in _BY_KEY:
                raise ValidationError(M("aed_key_note_coin", "AED {key} is not a note or coin "
                                        "the drawer counts.", key=key))
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ValidationError(M("count_aed_k_whole", "The count of AED {value} must be a "
                                    "whole number.", value=k))
        try:
            n = int(str(raw).strip() or "0")
        except ValueError:
            raise ValidationError(M("count_aed_k_whole_2", "The count of AED {value} must be a "
                                    "whole number.", value=k)) from None
        if not 0 <= n <= MAX_PIECES:
            raise ValidationError(M("count_aed_k_between", "The count of AED {value} must be "
                                    "between 0 and {max}.", value=k, max=MAX_PIECES))
        if n:
            out[k] = n
    return out


def total(counts: Mapping[str, int]) -> Decimal:
    """What the counted pieces add up to."""
    return q(sum((_BY_KEY[k] * n for k, n in counts.items()), ZERO))


def needs_approval(difference: Decimal, threshold: Decimal) -> bool:
    """A shortage or excess larger than the hospital's threshold needs a supervisor."""
    return abs(difference) > threshold


def describe_difference(difference: Decimal) -> str:
    """"Balanced", "Short by AED 3.00", "Over by AED 12.50"."""
    return str(difference_msg(difference))


def difference_msg(difference: Decimal) -> Msg:
    """:func:`describe_difference` for the reader's language (the UI renders it)."""
    if difference == 0:
        return M("balanced", "Balanced")
    if difference < 0:
        return M("short_by", "Short by {amount}", amount=Money(abs(difference)))
    return M("over_by", "Over by {amount}", amount=Money(abs(difference)))
