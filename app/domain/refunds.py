"""Copay refund rules: the state machine, the refundable limit and the proportional split.

Pure: no Qt, no SQL, no clock. The refund service loads and locks rows, then asks this
module what is allowed and how much goes where; the screens use the same functions to hide
buttons and to explain a refused amount before the database is even asked.

Lifecycle (seed 004 §10)::

    PENDING --approve--> APPROVED --process--> PROCESSED
       |  \\--reject---> REJECTED (reason required)
       \\----delete----> (row removed; SUPER_ADMIN only)

Limit (seed 004 §7 checkpoint 10, tightened): a new request may ask for at most
``paid - refunded - still pending``, where "still pending" is every PENDING or APPROVED
refund of the same payment. Counting the undecided ones stops two requests that are each
within the limit from together paying out more than the patient paid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.enums import PaymentMethod, RefundMethod, RefundReason, RefundStatus
from app.domain.errors import InvalidTransition, ValidationError
from app.domain.messages import N_, Money, Msg, joined, messages
from app.domain.money import ZERO, q, to_amount
from app.domain.text import NOTE_MAX, REASON_MAX, clean_text

M = messages(__name__)

S = RefundStatus

MAX_DETAILS = NOTE_MAX
MAX_REJECTION_REASON = REASON_MAX


class RefundAction(StrEnum):
    APPROVE = "APPROVE"
    REJECT = "REJECT"
    PROCESS = "PROCESS"
    DELETE = "DELETE"


# (from, action) -> to; DELETE leads nowhere: the row is removed.
TRANSITIONS: dict[tuple[RefundStatus, RefundAction], RefundStatus | None] = {
    (S.PENDING, RefundAction.APPROVE): S.APPROVED,
    (S.PENDING, RefundAction.REJECT): S.REJECTED,
    (S.PENDING, RefundAction.DELETE): None,
    (S.APPROVED, RefundAction.PROCESS): S.PROCESSED,
}

# Refunds that still hold part of the payment: counted against the limit until decided.
OUTSTANDING = frozenset({S.PENDING, S.APPROVED})

REASON_LABELS = {
    RefundReason.APPOINTMENT_CANCELLED: N_("Appointment cancelled"),
    RefundReason.INSURANCE_UPDATED: N_("Insurance updated"),
    RefundReason.OVERCHARGE: N_("Overcharge"),
    RefundReason.DOCTOR_WAIVED: N_("Doctor waived"),
    RefundReason.OTHER: N_("Other"),
}
METHOD_LABELS = {
    RefundMethod.CASH: N_("Cash"),
    RefundMethod.CREDIT_CARD: N_("Back to card"),
    RefundMethod.BANK_TRANSFER: N_("Bank transfer"),
    RefundMethod.DEPOSIT_CREDIT: N_("Patient deposit credit"),
}
STATUS_LABELS = {
    S.PENDING: N_("Pending"),
    S.APPROVED: N_("Approved"),
    S.PROCESSED: N_("Processed"),
    S.REJECTED: N_("Rejected"),
}
# The pieces of "this refund was already approved", "a pending refund cannot be processed".
_STATUS_PAST = {S.APPROVED: M("past_approved", "approved"),
                S.PROCESSED: M("past_processed", "processed"),
                S.REJECTED: M("past_rejected", "rejected")}
_STATUS_ADJ = {S.PENDING: M("adj_pending", "pending"), S.APPROVED: M("adj_approved", "approved"),
               S.PROCESSED: M("adj_processed", "processed"),
               S.REJECTED: M("adj_rejected", "rejected")}

_CARD_METHODS = frozenset({PaymentMethod.CREDIT_CARD, PaymentMethod.DEBIT_CARD})


# ------------------------------------------------------------------------ state machine
@dataclass(frozen=True)
class Decision:
    """Who last moved a refund and when (``at`` already in the hospital's time zone)."""

    status: RefundStatus
    by: str | None = None
    at: dt.datetime | None = None


def allowed_actions(status: RefundStatus) -> frozenset[RefundAction]:
    """What may still happen to a refund in ``status`` (before roles are considered)."""
    return frozenset(a for (s, a) in TRANSITIONS if s is status)


def when_text(at: dt.datetime | None, today: dt.date | None = None) -> str:
    """"10:14" today, "10:14 on 3 Mar 2026" another day; ``at`` is local time."""
    return str(when_msg(at, today)) if at is not None else ""


def when_msg(at: dt.datetime, today: dt.date | None = None) -> Msg:
    """:func:`when_text` as a message for the reader's language."""
    clock = at.strftime("%H:%M")
    if today is not None and at.date() == today:
        return M("when_today", "{time}", time=clock)
    return M("when_day", "{time} on {day}", time=clock, day=f"{at.day} {at.strftime('%b %Y')}")


def next_status(current: Decision, action: RefundAction,
                today: dt.date | None = None) -> RefundStatus | None:
    """The status after ``action``, or InvalidTransition saying what happened instead.

    ``current`` carries who made the last decision so a loser of a race reads
    "This refund was already approved by Omar at 10:14." rather than a bare status code.
    """
    key = (current.status, action)
    if key in TRANSITIONS:
        return TRANSITIONS[key]
    raise InvalidTransition(transition_message(current, action, today),
                            status=current.status.value, action=action.value)


def transition_message(current: Decision, action: RefundAction,
                       today: dt.date | None = None) -> Msg:
    status = current.status
    if status in _STATUS_PAST:
        past = _STATUS_PAST[status]
        if current.by and current.at:
            done = M("already_by_at", "This refund was already {status} by {by} at {when}.",
                     status=past, by=current.by, when=when_msg(current.at, today))
        elif current.by:
            done = M("already_by", "This refund was already {status} by {by}.", status=past,
                     by=current.by)
        elif current.at:
            done = M("already_at", "This refund was already {status} at {when}.", status=past,
                     when=when_msg(current.at, today))
        else:
            done = M("already", "This refund was already {status}.", status=past)
        if action is RefundAction.PROCESS and status is S.REJECTED:
            return M("rejected_no_payout", "{done} A rejected refund cannot be paid out.",
                     done=done)
        if action is RefundAction.DELETE:
            return M("only_pending_deleted",
                     "{done} Only pending refund requests can be deleted.", done=done)
        return done
    if status is S.PENDING and action is RefundAction.PROCESS:
        return M("not_approved_yet", "This refund has not been approved yet. Approve it before "
                 "processing it.")
    adj = _STATUS_ADJ[status]
    if action is RefundAction.APPROVE:
        return M("cannot_approve", "A {status} refund cannot be approved; only refunds in "
                 "another state can be approved.", status=adj)
    if action is RefundAction.REJECT:
        return M("cannot_reject", "A {status} refund cannot be rejected; only refunds in "
                 "another state can be rejected.", status=adj)
    if action is RefundAction.PROCESS:
        return M("cannot_process", "A {status} refund cannot be processed; only refunds in "
                 "another state can be processed.", status=adj)
    return M("cannot_delete", "A {status} refund cannot be deleted; only refunds in another "
             "state can be deleted.", status=adj)


# ------------------------------------------------------------------------------- limit
@dataclass(frozen=True)
class RefundableLimit:
    """What is left to refund on one payment.

    ``awaiting_approval`` sums PENDING refunds, ``approved_unpaid`` APPROVED ones not yet
    processed; both still hold part of the payment.
    """

    receipt_number: str
    paid: Decimal
    refunded: Decimal = ZERO
    awaiting_approval: Decimal = ZERO
    approved_unpaid: Decimal = ZERO

    @property
    def outstanding(self) -> Decimal:
        return q(self.awaiting_approval + self.approved_unpaid)

    @property
    def refundable(self) -> Decimal:
        return max(ZERO, q(self.paid - self.refunded - self.outstanding))

    def explain(self) -> str:
        """"AED 30.00 paid, AED 10.00 refunded, AED 7.50 awaiting approval"."""
        return str(self.explain_msg())

    def explain_msg(self) -> Msg:
        """:meth:`explain` for the reader's language (the UI renders it)."""
        parts = [M("part_paid", "{amount} paid", amount=Money(self.paid))]
        if self.refunded:
            parts.append(M("part_refunded", "{amount} refunded", amount=Money(self.refunded)))
        if self.awaiting_approval:
            parts.append(M("part_awaiting", "{amount} awaiting approval",
                           amount=Money(self.awaiting_approval)))
        if self.approved_unpaid:
            parts.append(M("part_approved_unpaid", "{amount} approved, not yet paid out",
                           amount=Money(self.approved_unpaid)))
        return joined(parts, ", ")


def validate_amount(amount: Decimal) -> Decimal:
    """A refund amount as typed: positive, whole fils, never a float, None or a bool."""
    if isinstance(amount, Decimal | int | str) and not isinstance(amount, bool):
        try:
            if Decimal(amount) < 0:  # its own sentence, before to_amount's generic one
                raise ValidationError(M("refund_amount_more_than_2", "The refund amount must "
                                        "be more than zero."))
        except (ArithmeticError, ValueError):
            pass  # not a number: to_amount says so
    value = to_amount(amount, field=M("label_amount", "The refund amount"))
    if value <= 0:
        raise ValidationError(M("refund_amount_more_than", "The refund amount must be more "
                                "than zero."))
    return value


def check_amount(amount: Decimal, limit: RefundableLimit) -> Decimal:
    """Return the quantised amount, or say how much can still be refunded and why."""
    amount = validate_amount(amount)
    left = limit.refundable
    if amount <= left:
        return amount
    if left == ZERO:
        raise ValidationError(
            M("nothing_more_refunded_receipt", "Nothing more can be refunded on receipt "
              "{receipt_number} ({explain}).", receipt_number=limit.receipt_number,
              explain=limit.explain_msg()), refundable=str(left))
    if limit.refunded or limit.outstanding:
        msg = M("at_most_still", "At most {left} can still be refunded on receipt "
                "{receipt_number} ({explain}).", left=Money(left),
                receipt_number=limit.receipt_number, explain=limit.explain_msg())
    else:
        msg = M("at_most", "At most {left} can be refunded on receipt {receipt_number} "
                "({explain}).", left=Money(left), receipt_number=limit.receipt_number,
                explain=limit.explain_msg())
    raise ValidationError(msg, refundable=str(left))


def check_method(paid_with: PaymentMethod, method: RefundMethod) -> None:
    """A card refund goes back to the card that paid; other methods work for any payment."""
    if method is RefundMethod.CREDIT_CARD and paid_with not in _CARD_METHODS:
        how = {PaymentMethod.CASH: M("how_cash", "in cash"),
               PaymentMethod.DEPOSIT: M("how_deposit", "from the patient's deposit")}
        raise ValidationError(
            M("not_by_card", "This copay was paid {how}, so it cannot be refunded to a card. "
              "Choose cash, bank transfer or deposit credit.",
              how=how.get(paid_with) or M("how_other", "without a card")))


def check_details(reason: RefundReason, details: str | None) -> str | None:
    text = clean_text(details, M("label_details", "Details"), MAX_DETAILS, multiline=True)
    if reason is RefundReason.OTHER and not text:
        raise ValidationError(M("describe_reason_refund_details", "Describe the reason for "
                                "the refund in Details when the reason is Other."))
    if text and len(text) > MAX_DETAILS:
        raise ValidationError(M("details_most_max_details", "Details can be at most "
                                "{max} characters.", max=MAX_DETAILS))
    return text


def check_rejection_reason(reason: str | None) -> str:
    text = clean_text(reason, M("label_rejection_reason", "The rejection reason"),
                      MAX_REJECTION_REASON)
    if not text:
        raise ValidationError(M("give_reason_rejecting_refund", "Give a reason for rejecting "
                                "the refund; the requester will see it."))
    if len(text) > MAX_REJECTION_REASON:
        raise ValidationError(M("rejection_reason_most_max", "The rejection reason can be at "
                                "most {max} characters.",
                                max=MAX_REJECTION_REASON))
    return text


# ---------------------------------------------------------------- proportional splits
def share(part: Decimal, whole: Decimal, done: Decimal, this: Decimal) -> Decimal:
    """The slice of ``part`` (a component of ``whole``) that goes with ``this`` amount, when
    ``done`` of ``whole`` was already handed out.

    Rounds cumulatively: slice = q(part x (done+this)/whole) - q(part x done/whole). So the
    slices of any sequence of partial refunds are each >= 0, never exceed ``part`` together,
    and add up to exactly ``part`` once ``whole`` has been refunded in full - no fils lost
    or invented, whatever the order and size of the partial refunds.
    """
    if whole <= 0 or part <= 0:
        return ZERO
    if done < 0 or this < 0 or done + this > whole:
        raise ValueError(f"cannot share {this} after {done} of {whole}")
    return q(part * (done + this) / whole) - q(part * done / whole)


@dataclass(frozen=True)
class LedgerSplit:
    """How much of a refund comes off the deductible and the annual-copay accumulators."""

    deductible: Decimal
    copay: Decimal


def split_ledger(refund: Decimal, *, paid: Decimal, already_refunded: Decimal,
                 deductible_portion: Decimal, copay_portion: Decimal) -> LedgerSplit:
    """Split a refund into its deductible and copay parts, in proportion to what the payment
    added to the deductible ledger.

    When the payment was all deductible + copay (``paid == deductible + copay``, every visit
    without a secondary insurer) the two parts add up to the refund exactly, and a series of
    partial refunds reverses each portion exactly once the payment is fully refunded. When a
    secondary insurer paid part of the patient share (COB), the ledger holds more than the
    patient paid; each part is then the same fraction of its own portion, so a full refund
    still takes the ledger back to where it was.
    """
    refund = validate_amount(refund)
    deductible = share(deductible_portion, paid, already_refunded, refund)
    if q(deductible_portion + copay_portion) == q(paid):
        return LedgerSplit(deductible, q(refund - deductible))
    return LedgerSplit(deductible, share(copay_portion, paid, already_refunded, refund))


@dataclass(frozen=True)
class RevenueSplit:
    """The GL debits that undo a refund: revenue net of VAT, and the VAT."""

    revenue: Decimal
    vat: Decimal


def split_revenue(refund: Decimal, *, paid: Decimal, already_refunded: Decimal,
                  vat_amount: Decimal) -> RevenueSplit:
    """Revenue + VAT = refund, exactly; VAT in proportion to the payment's VAT."""
    refund = validate_amount(refund)
    vat = share(vat_amount, paid, already_refunded, refund)
    return RevenueSplit(q(refund - vat), vat)
