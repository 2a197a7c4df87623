"""Coordination of benefits: what a secondary policy pays of the primary's patient share.

The quote engine works out the primary's patient share ``s1`` and the secondary's own
copay percentage ``p2`` (its rule, policy or payer default, and its own out-of-network
rule), then hands both to one *COB method*: a function ``CobInput -> CobResult``. The
engine clamps the answer to ``0 <= pays <= s1`` and derives the patient's part by
subtraction, so no method can break ``patient + primary + secondary == fee``.

- :func:`seed_cob` — the seed's method and the default: the secondary covers
  ``s1 x (1 - p2)``.
- :func:`standard_cob` — Open Dental "Standard": the lesser of what the secondary would
  have paid alone (``F x (1 - p2)``) and the patient's portion under the primary.
- :func:`carve_out_cob` — Open Dental "Carve Out" (non-duplication): what the secondary
  would have paid alone, less what the primary paid.

Open Dental's methods subtract the secondary's own deductible from its "would have paid
alone" figure; the quote's inputs do not carry a secondary deductible ledger yet, so these
two ignore it. Choosing a method per policy is the service layer's job (it passes
``cob_method=`` to :func:`app.domain.copay.quote`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal

from app.domain.messages import Money, Msg, messages
from app.domain.money import HUNDRED, ZERO, q

M = messages(__name__)


@dataclasses.dataclass(frozen=True, slots=True)
class CobInput:
    fee: Decimal  # F
    primary_patient_share: Decimal  # s1
    primary_paid: Decimal  # F - s1
    copay_pct: Decimal  # p2 in 0..100, after the secondary's out-of-network rule


@dataclasses.dataclass(frozen=True, slots=True)
class CobResult:
    pays: Decimal
    explanation: str | Msg  # a clause of the quote's explanation ("covers 80% of …")


CobMethod = Callable[[CobInput], CobResult]


def _pct_text(pct: Decimal) -> str:
    return f"{format(pct.normalize(), 'f')}%"


def _alone(ci: CobInput) -> Decimal:
    """What the secondary would have paid on the whole fee with no other coverage."""
    return q(ci.fee * (HUNDRED - ci.copay_pct) / HUNDRED)


def seed_cob(ci: CobInput) -> CobResult:
    """Seed 004 §4 / DESIGN rule 9: secondary pays s1 x (1 - p2)."""
    pays = q(ci.primary_patient_share * (HUNDRED - ci.copay_pct) / HUNDRED)
    return CobResult(
        pays,
        M("seed", "covers {pct} of the primary patient share {share} = {pays}",
          pct=_pct_text(HUNDRED - ci.copay_pct), share=Money(ci.primary_patient_share),
          pays=Money(pays)),
    )


def standard_cob(ci: CobInput) -> CobResult:
    """Open Dental "Standard": min(paid alone, patient portion under the primary)."""
    alone = _alone(ci)
    pays = min(alone, ci.primary_patient_share)
    return CobResult(
        pays,
        M("standard", "standard COB: lesser of {alone} (alone) and the primary patient share "
          "{share} = {pays}", alone=Money(alone), share=Money(ci.primary_patient_share),
          pays=Money(pays)),
    )


def carve_out_cob(ci: CobInput) -> CobResult:
    """Open Dental "Carve Out": paid alone minus what the primary paid, never below 0."""
    alone = _alone(ci)
    pays = max(ZERO, alone - ci.primary_paid)
    return CobResult(
        pays,
        M("carve_out", "carve-out COB: {alone} (alone) less {primary} paid by the primary = "
          "{pays}", alone=Money(alone), primary=Money(ci.primary_paid), pays=Money(pays)),
    )


COB_METHODS: dict[str, CobMethod] = {
    "SEED": seed_cob,
    "STANDARD": standard_cob,
    "CARVE_OUT": carve_out_cob,
}


def cob_method_name(method: CobMethod) -> str:
    """The registry name of ``method`` (for the quote and the payment snapshot)."""
    for name, fn in COB_METHODS.items():
        if fn is method:
            return name
    return getattr(method, "__name__", "CUSTOM")
