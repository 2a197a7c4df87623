"""Copay-versus-insurer reconciliation: what the desk collected for a visit against the patient
portion the insurer finally adjudicated on the visit's OpenDental claim.

Pure rules (no SQL, no Qt). The figures, in the words the screen uses:

- **collected**: the copay taken at the desk for the visit (its receipt);
- **refunded**: refunds of that receipt already PROCESSED (money given back);
- **net collected** = collected - refunded;
- **adjudicated patient portion**: OpenDental's patient share of a received claim,
  billed - insurer paid - write-off (a contractual write-off is neither the insurer's nor the
  patient's to pay), never below zero;
- **difference** = net collected - adjudicated patient portion: above zero the patient
  OVERPAID, below zero UNDERPAID (a balance to collect at the next visit), zero EXACT;
- **settled later**: an underpaid balance collected at a later visit or written off by an
  accountant (issue 13); it counts as paid for the visit, and a visit whose difference it
  brings to zero is SETTLED;
- a claim not received yet (drafted, sent, rejected and awaiting resubmission) is PENDING:
  no patient portion is final, so there is no difference yet;
- **refund requests open**: refunds of the receipt requested or approved but not processed;
- **can still be refunded** = difference - refund requests open (never below zero): the cap
  on a reconciliation refund request, so the desk can never give back more than the overpaid
  amount, whatever is already in the approval queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from app.domain.enums import ClaimStatus
from app.domain.messages import N_, Money, Msg, messages
from app.domain.money import ZERO, q

M = messages(__name__)

__all__ = ["ADJUDICATED", "ReconStatus", "Reconciliation", "VisitFigures", "patient_portion",
           "reconcile"]

# A claim's patient portion is final once the insurer has answered with a payment decision.
ADJUDICATED = frozenset({ClaimStatus.APPROVED, ClaimStatus.PAID})


class ReconStatus(StrEnum):
    OVERPAID = "OVERPAID"
    UNDERPAID = "UNDERPAID"
    EXACT = "EXACT"
    PENDING = "PENDING"
    SETTLED = "SETTLED"  # underpaid, then collected at a later visit or written off


# A claim's state inside a sentence, lower-cased as the English always had it (N_).
_CLAIM_WORDS = {ClaimStatus.NOT_SUBMITTED: N_("not submitted"),
                ClaimStatus.SUBMITTED: N_("submitted"), ClaimStatus.REJECTED: N_("rejected")}

LABELS = {ReconStatus.OVERPAID: N_("Overpaid"), ReconStatus.UNDERPAID: N_("Underpaid"),
          ReconStatus.EXACT: N_("Exact"), ReconStatus.PENDING: N_("Pending"),
          ReconStatus.SETTLED: N_("Settled")}


@dataclass(frozen=True)
class VisitFigures:
    """What is known about one visit: its copay receipt and its claim."""

    collected: Decimal
    refunded: Decimal  # PROCESSED refunds of the receipt
    refund_open: Decimal  # PENDING + APPROVED refunds of the receipt
    claim_status: ClaimStatus
    billed: Decimal
    insurer_paid: Decimal | None
    write_off: Decimal = ZERO
    deductible: Decimal = ZERO  # part of the patient portion OpenDental put to the deductible
    balance_collected: Decimal = ZERO  # underpaid balance collected at a later visit
    balance_written_off: Decimal = ZERO  # underpaid balance an accountant wrote off


def patient_portion(billed: Decimal, insurer_paid: Decimal | None,
                    write_off: Decimal = ZERO) -> Decimal:
    """OpenDental's patient portion of a received claim: fee - insurer paid - write-off."""
    return max(ZERO, q(billed - (insurer_paid or ZERO) - write_off))


@dataclass(frozen=True)
class Reconciliation:
    status: ReconStatus
    collected: Decimal
    refunded: Decimal
    net_collected: Decimal
    refund_open: Decimal
    portion: Decimal | None  # None while PENDING
    difference: Decimal | None  # net collected - portion; None while PENDING
    refundable: Decimal  # what a reconciliation refund request may still ask for
    balance_due: Decimal  # what the patient still owes (UNDERPAID), else 0
    explanation: tuple[str, ...]  # English: the CSV export, the audit
    # The same sentences as messages for the reader's language (the UI renders them).
    explanation_msgs: tuple[Msg, ...] = field(default=(), compare=False)
    balance_collected: Decimal = ZERO
    balance_written_off: Decimal = ZERO

    @property
    def label(self) -> str:
        return LABELS[self.status]


def reconcile(f: VisitFigures) -> Reconciliation:
    """The status and every figure of one visit, each explained in a sentence."""
    collected, refunded, open_ = q(f.collected), q(f.refunded), q(f.refund_open)
    net = q(collected - refunded)
    lines = [M("collected", "Collected at the desk: {amount}.", amount=Money(collected))]
    if refunded:
        lines.append(M("refunded", "Already refunded: {refunded}, so the patient has paid {net} "
                       "net.", refunded=Money(refunded), net=Money(net)))
    if f.claim_status not in ADJUDICATED:
        lines.append(M("not_adjudicated", "The insurer has not adjudicated the claim yet (it is "
                       "{status}); nothing to settle until it has.",
                       status=Msg("reconciliation.status", _CLAIM_WORDS.get(
                           f.claim_status, f.claim_status.value.replace("_", " ").lower()))))
        return _result(ReconStatus.PENDING, collected, refunded, net, open_, None, None,
                       ZERO, ZERO, lines)
    portion = patient_portion(f.billed, f.insurer_paid, f.write_off)
    paid = q(f.insurer_paid or ZERO)
    billed = Money(q(f.billed))
    if f.write_off:
        words = M("words_write_off", "billed {billed} - insurer paid {paid} - written off {off}",
                  billed=billed, paid=Money(paid), off=Money(q(f.write_off)))
    else:
        words = M("words", "billed {billed} - insurer paid {paid}", billed=billed,
                  paid=Money(paid))
    if f.deductible:
        lines.append(M("portion_deductible", "Insurer adjudicated patient portion: {portion} = "
                       "{words} (of which {deductible} to the deductible).",
                       portion=Money(portion), words=words, deductible=Money(q(f.deductible))))
    else:
        lines.append(M("portion", "Insurer adjudicated patient portion: {portion} = {words}.",
                       portion=Money(portion), words=words))
    later, written = q(f.balance_collected), q(f.balance_written_off)
    if later:
        lines.append(M("balance_collected_later", "Balance collected at a later visit: "
                       "{amount}.", amount=Money(later)))
    if written:
        lines.append(M("balance_written_off", "Balance written off: {amount}.",
                       amount=Money(written)))
    diff = q(net + later + written - portion)
    if diff > ZERO:
        status = ReconStatus.OVERPAID
        refundable = max(ZERO, q(diff - open_))
        lines.append(M("overpaid", "Difference: the patient paid {amount} more than their "
                       "portion.", amount=Money(diff)))
        if open_:
            lines.append(M("open_refunds", "Refunds already requested and not yet paid out: "
                           "{open}; {left} can still be requested.", open=Money(open_),
                           left=Money(refundable)))
    elif diff < ZERO:
        status, refundable = ReconStatus.UNDERPAID, ZERO
        lines.append(M("underpaid", "Difference: the patient paid {amount} less than their "
                       "portion; collect it at the next visit.", amount=Money(-diff)))
    elif later or written:
        status, refundable = ReconStatus.SETTLED, ZERO
        lines.append(M("settled", "Difference: none left; the balance was settled after the "
                       "visit."))
    else:
        status, refundable = ReconStatus.EXACT, ZERO
        lines.append(M("exact", "Difference: none; the copay matches the insurer's decision."))
    return _result(status, collected, refunded, net, open_, portion, diff, refundable,
                   max(ZERO, -diff), lines, later, written)


def _result(status: ReconStatus, collected: Decimal, refunded: Decimal, net: Decimal,
            open_: Decimal, portion: Decimal | None, diff: Decimal | None,
            refundable: Decimal, balance_due: Decimal, lines: list[Msg],
            later: Decimal = ZERO, written: Decimal = ZERO) -> Reconciliation:
    return Reconciliation(status, collected, refunded, net, open_, portion, diff, refundable,
                          balance_due, tuple(str(m) for m in lines), tuple(lines), later, written)
