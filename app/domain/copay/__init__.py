"""The copay quote engine (DESIGN.md "Money" and "Copay quote (the order of the rules)").

Pure: no Qt, no SQLAlchemy, no I/O, no clock. The service layer builds a
:class:`QuoteInput` from the database and calls :func:`quote`; the result,
:class:`CopayQuote`, is immutable and carries every intermediate figure, with
:meth:`CopayQuote.to_dict` for the CLI, the audit entry and the payment snapshot.

- ``model``  — input and output value types.
- ``engine`` — the rules, in DESIGN order.
- ``cob``    — the secondary-insurance (COB) step, swappable per policy.
"""

from app.domain.copay.cob import (
    COB_METHODS,
    CobInput,
    CobMethod,
    CobResult,
    carve_out_cob,
    seed_cob,
    standard_cob,
)
from app.domain.copay.engine import (
    DEFAULT_COPAY_PCT,
    EMERGENCY_PREAUTH_REASON,
    OON_FLOOR_PCT,
    PHARMACY_DISCLAIMER,
    charge_code_for,
    out_of_network_pct,
    quote,
)
from app.domain.copay.model import (
    FALLBACK_FEE,
    AnnualCopayInfo,
    CapSource,
    ChargeInput,
    CopayAction,
    CopayPctSource,
    CopayQuote,
    DeductibleInfo,
    FeeSource,
    PayerRuleInput,
    PerVisitCapInfo,
    PharmacyEstimate,
    PolicyInput,
    PreAuthInfo,
    PreAuthInput,
    PrescriptionInput,
    PrimaryBreakdown,
    QuoteInput,
    SecondaryBreakdown,
    SelfPayReason,
)

__all__ = [
    "COB_METHODS",
    "DEFAULT_COPAY_PCT",
    "EMERGENCY_PREAUTH_REASON",
    "FALLBACK_FEE",
    "OON_FLOOR_PCT",
    "PHARMACY_DISCLAIMER",
    "AnnualCopayInfo",
    "CapSource",
    "ChargeInput",
    "CobInput",
    "CobMethod",
    "CobResult",
    "CopayAction",
    "CopayPctSource",
    "CopayQuote",
    "DeductibleInfo",
    "FeeSource",
    "PayerRuleInput",
    "PerVisitCapInfo",
    "PharmacyEstimate",
    "PolicyInput",
    "PreAuthInfo",
    "PreAuthInput",
    "PrescriptionInput",
    "PrimaryBreakdown",
    "QuoteInput",
    "SecondaryBreakdown",
    "SelfPayReason",
    "carve_out_cob",
    "charge_code_for",
    "out_of_network_pct",
    "quote",
    "seed_cob",
    "standard_cob",
]
