"""OpenDental's ClaimStatus letters and the seed's claim statuses, mapped in one written table.

OpenDental (apis.md §1.4) tracks where a claim *is* in the office's workflow: U Unsent,
H Hold until primary received, W Waiting in queue, S Sent, R Received, I Hold for in process.
The seed (000 §5) tracks what the claim *came to*: NOT_SUBMITTED, SUBMITTED, APPROVED,
REJECTED, PAID. OpenDental has no "rejected" letter: a denial is a claim received with no
insurance payment and a reason (ReasonUnderPaid, or claimproc adjustment reason codes).
PAID is ours: a claim payment (insurance check) linked to the claim has been posted.

| OpenDental               | seed status                                        |
|--------------------------|----------------------------------------------------|
| U Unsent                 | NOT_SUBMITTED                                      |
| H Hold until pri. rec'd  | SUBMITTED (goes out by itself after the primary)   |
| W Waiting in queue       | SUBMITTED (the desk's "submit" puts it here)       |
| I Hold for in process    | SUBMITTED                                          |
| S Sent                   | SUBMITTED                                          |
| R Received, paid > 0     | APPROVED (PAID once its payment is posted)         |
| R Received, paid 0 + why | REJECTED (the reason is kept)                      |
| R Received, paid 0       | APPROVED (zero-paid, no reason: e.g. to deductible)|

Writing back, the desk sets only: submit -> W, keep as draft -> U.
"""

from __future__ import annotations

from decimal import Decimal

from app.domain.enums import ClaimStatus
from app.domain.messages import N_

OD_LETTERS = ("U", "H", "W", "I", "S", "R")

STATUS_TABLE: dict[str, ClaimStatus] = {
    "U": ClaimStatus.NOT_SUBMITTED,
    "H": ClaimStatus.SUBMITTED,
    "W": ClaimStatus.SUBMITTED,
    "I": ClaimStatus.SUBMITTED,
    "S": ClaimStatus.SUBMITTED,
    "R": ClaimStatus.APPROVED,  # refined by seed_status(): REJECTED, PAID
}

# What the desk writes to OpenDental for a status it chooses.
TO_OPENDENTAL: dict[ClaimStatus, str] = {
    ClaimStatus.NOT_SUBMITTED: "U",
    ClaimStatus.SUBMITTED: "W",
}

# OpenDental's names for its statuses; catalogue entries (N_): the UI shows tr(label).
LABELS = {"U": N_("Unsent"), "H": N_("Hold until primary received"),
          "W": N_("Waiting in queue"), "I": N_("Hold for in process"), "S": N_("Sent"),
          "R": N_("Received")}


def seed_status(od_status: str, *, ins_pay_amt: Decimal | None = None,
                denial_reason: str | None = None, paid: bool = False) -> ClaimStatus:
    """The seed's status of a claim OpenDental reports as ``od_status``.

    ``paid``: a claim payment for it is posted here. Raises ValueError for an unknown letter
    (the wire parser already refuses those; this guards the table)."""
    try:
        base = STATUS_TABLE[od_status]
    except KeyError:
        raise ValueError(f"unknown OpenDental ClaimStatus {od_status!r}") from None
    if base is not ClaimStatus.APPROVED:
        return base
    if paid:
        return ClaimStatus.PAID
    if (ins_pay_amt is None or ins_pay_amt == 0) and (denial_reason or "").strip():
        return ClaimStatus.REJECTED
    return ClaimStatus.APPROVED


def opendental_status(status: ClaimStatus) -> str:
    """The letter the desk writes for ``status``; only drafts and submissions are ours."""
    try:
        return TO_OPENDENTAL[status]
    except KeyError:
        raise ValueError(f"{status.value} is decided by the insurer, not set by the desk"
                         ) from None
