"""Who may take which step of a refund (maker-checker), and what to warn about when asking.

A hospital decides in Settings (stored in ``hospitals.settings``):

- ``refund_approver_not_requester``: the person approving a refund is not the one who asked;
- ``refund_payer_not_approver``: the person paying it out is not the one who approved it;
- ``refund_separation_over``: both rules apply only to refunds of more than this amount
  (AED, default 500.00; "0" applies them to every refund).

Both rules are on by default. The refund service enforces them inside the transaction that
locks the refund (app/services/refunds.py); the error says who may do it instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.enums import PaymentMethod, RefundMethod
from app.domain.errors import ApproverIsRequester, PayerIsApprover, ValidationError
from app.domain.messages import Money, Msg, messages
from app.domain.money import q

M = messages(__name__)

DEFAULT_OVER = Decimal("500.00")

_CARDS = frozenset({PaymentMethod.CREDIT_CARD, PaymentMethod.DEBIT_CARD})


def parse_threshold(value: object) -> Decimal:
    """The stored threshold as an amount; ValidationError naming the setting if it is not one."""
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise ValidationError(M("maker_checker_threshold_amount", "The maker-checker "
                                "threshold must be an amount in AED, like 500.00."),
                              field="refund_separation_over") from None
    if not amount.is_finite() or amount < 0:
        raise ValidationError(M("maker_checker_threshold_zero", "The maker-checker threshold "
                                "must be zero or more."),
                              field="refund_separation_over")
    return q(amount)


@dataclass(frozen=True)
class RefundSeparation:
    approver_not_requester: bool = True
    payer_not_approver: bool = True
    over: Decimal = DEFAULT_OVER

    @classmethod
    def from_settings(cls, settings: dict[str, Any] | None) -> RefundSeparation:
        s = settings or {}
        try:
            over = parse_threshold(s.get("refund_separation_over", DEFAULT_OVER))
        except ValidationError:
            over = DEFAULT_OVER  # a hand-edited bad value keeps the safe default, not "off"
        return cls(bool(s.get("refund_approver_not_requester", True)),
                   bool(s.get("refund_payer_not_approver", True)), over)

    def applies(self, amount: Decimal) -> bool:
        return amount > self.over

    def check_approver(self, amount: Decimal, requested_by: int | None,
                       approver: int | None) -> None:
        if (self.approver_not_requester and self.applies(amount)
                and requested_by is not None and requested_by == approver):
            raise ApproverIsRequester(
                M("you_asked_refund_amount", "You asked for this refund of {amount}, so "
                  "someone else must approve it (the hospital requires a second person for "
                  "refunds over {over}).", amount=Money(amount), over=Money(self.over)),
                amount=amount, over=self.over)

    def check_payer(self, amount: Decimal, approved_by: int | None, payer: int | None) -> None:
        if (self.payer_not_approver and self.applies(amount)
                and approved_by is not None and approved_by == payer):
            raise PayerIsApprover(
                M("you_approved_refund_amount", "You approved this refund of {amount}, so "
                  "someone else must pay it out (the hospital requires a second person for "
                  "refunds over {over}).", amount=Money(amount), over=Money(self.over)),
                amount=amount, over=self.over)


def method_warning(paid_with: PaymentMethod, method: RefundMethod) -> str | None:
    """A sentence for the request dialog when the money goes back another way than it came
    (a card payment refunded in cash leaves the till short and the card unrefunded), else
    None. A warning, not a refusal: the card may be cancelled or the terminal down."""
    warning = method_warning_msg(paid_with, method)
    return None if warning is None else str(warning)


def method_warning_msg(paid_with: PaymentMethod, method: RefundMethod) -> Msg | None:
    """:func:`method_warning` for the reader's language (the UI renders it)."""
    if paid_with in _CARDS and method is RefundMethod.CASH:
        return M("card_refunded_in_cash", "This copay was paid by card: a cash refund takes "
                 "money from the till and the card is not refunded. Refund to the card unless "
                 "the patient cannot receive it there.")
    return None
