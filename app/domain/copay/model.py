"""The values a copay quote reads and the immutable quote it produces.

Inputs are what the service layer gathers from the database for one appointment (charge
master row, active policies with their payer rule for the charge, deductible-ledger usage,
pre-auth requests, prescriptions). The output, :class:`CopayQuote`, carries every
intermediate figure so the check-in dialog, the receipt, the audit entry, the payment
snapshot and a test can each show how the amount was reached.

Money fields are ``Decimal`` quantised to 0.01 AED. Percentages are ``Decimal`` in 0..100
(the database stores ``NUMERIC(5,2)``), rates are fractions (0.05 for 5% VAT).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from app.domain.enums import (
    DataSource,
    Gender,
    NetworkTier,
    PreAuthRequestStatus,
    PreAuthStatus,
    VerificationStatus,
    VisitType,
)
from app.domain.messages import Msg

FALLBACK_FEE = Decimal("200.00")
"""Fee used when the charge master has no row for the visit's charge code (seed 004 §2)."""


class SelfPayReason(StrEnum):
    NO_INSURANCE = "NO_INSURANCE"
    EXPIRED = "EXPIRED"
    REJECTED = "REJECTED"  # the primary policy failed manual verification
    CONVERTED = "CONVERTED"


class FeeSource(StrEnum):
    CHARGE_MASTER = "CHARGE_MASTER"
    FALLBACK = "FALLBACK"
    PAYER_PRICE_OVERRIDE = "PAYER_PRICE_OVERRIDE"


class CopayPctSource(StrEnum):
    """Where the copay percentage came from (DESIGN rule 4), or why there is none."""

    PAYER_RULE = "PAYER_RULE"
    POLICY = "POLICY"
    PAYER_DEFAULT = "PAYER_DEFAULT"
    DEFAULT = "DEFAULT"
    RESTRICTED = "RESTRICTED"
    SELF_PAY = "SELF_PAY"


class CapSource(StrEnum):
    PAYER_RULE = "PAYER_RULE"
    POLICY = "POLICY"


class CopayAction(StrEnum):
    """What the desk may do with a quote. Members are ``str``, so ``"COLLECT" in actions``."""

    COLLECT = "COLLECT"
    WAIVE = "WAIVE"
    DEFER = "DEFER"
    PREAUTH_OVERRIDE = "PREAUTH_OVERRIDE"
    CONVERT_TO_SELFPAY = "CONVERT_TO_SELFPAY"
    REQUEST_PREAUTH = "REQUEST_PREAUTH"


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class ChargeInput:
    """The charge-master row for the visit's charge code (VAT-inclusive fee)."""

    code: str
    cpt_code: str | None
    description: str
    fee: Decimal
    vat_rate: Decimal


@dataclasses.dataclass(frozen=True, slots=True)
class PayerRuleInput:
    """The payer's CPT or ICD-10 rule for the charge (seed 004 §7 checkpoint 7)."""

    source: str  # "CPT 99213" / "ICD-10 Z00.00": shown in the explanation
    copay_pct: Decimal | None
    copay_cap_per_visit: Decimal | None
    price_override: Decimal | None
    min_age: int | None
    max_age: int | None
    gender: Gender | None  # only this gender is covered
    requires_preauth: bool


@dataclasses.dataclass(frozen=True, slots=True)
class PolicyInput:
    """One active patient insurance with its payer's terms and this fiscal year's usage."""

    insurance_id: int
    payer_id: int
    payer_name: str
    payer_code: str
    plan_name: str | None
    policy_number: str
    priority: int  # 1 primary, 2 secondary
    network_tier: NetworkTier
    copay_pct: Decimal | None
    copay_cap_per_visit: Decimal | None
    annual_deductible: Decimal | None
    annual_copay_max: Decimal | None
    effective_date: dt.date
    expiry_date: dt.date | None
    payer_default_copay_pct: Decimal | None
    payer_preauth_required: bool
    rule: PayerRuleInput | None
    deductible_used: Decimal
    copay_used: Decimal
    verification_status: VerificationStatus = VerificationStatus.PENDING


@dataclasses.dataclass(frozen=True, slots=True)
class PreAuthInput:
    request_id: int
    cpt_code: str | None
    status: PreAuthRequestStatus
    preauth_number: str | None
    insurance_id: int | None = None  # the policy it was asked under (None: not recorded)


@dataclasses.dataclass(frozen=True, slots=True)
class PrescriptionInput:
    drug_name: str
    quantity: int
    unit_price: Decimal


@dataclasses.dataclass(frozen=True, slots=True)
class QuoteInput:
    appointment_id: int
    visit_type: VisitType
    service_date: dt.date
    is_emergency: bool
    patient_age: int | None
    patient_gender: Gender
    charge: ChargeInput | None  # None: the charge master has no row -> FALLBACK_FEE
    policies: tuple[PolicyInput, ...]  # every active policy, any order
    preauth_requests: tuple[PreAuthInput, ...]
    prescriptions: tuple[PrescriptionInput, ...]
    data_source: DataSource
    converted_to_self_pay: bool
    preauth_overridden: bool
    deposit_balance: Decimal


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class DeductibleInfo:
    """The primary policy's annual deductible. ``remaining`` and ``met_for_year`` are as
    they stood before this visit; ``remaining_after`` is what this quote leaves."""

    annual: Decimal | None
    used: Decimal
    remaining: Decimal
    applied: Decimal
    remaining_after: Decimal
    met_for_year: bool


@dataclasses.dataclass(frozen=True, slots=True)
class PerVisitCapInfo:
    cap: Decimal | None
    source: CapSource | None
    applied: bool  # the cap lowered the copay


@dataclasses.dataclass(frozen=True, slots=True)
class AnnualCopayInfo:
    """The primary policy's annual copay maximum. ``reached``: nothing was left before this
    visit; ``limited_by_cap``: the cap lowered this visit's copay."""

    cap: Decimal | None
    used: Decimal
    remaining: Decimal | None
    remaining_after: Decimal | None
    reached: bool
    limited_by_cap: bool


@dataclasses.dataclass(frozen=True, slots=True)
class PolicyBreakdown:
    """What the primary and the secondary breakdowns both say of a policy and its terms."""

    insurance_id: int
    payer_id: int
    payer_name: str
    payer_code: str
    plan_name: str | None
    policy_number: str
    network_tier: NetworkTier
    rule_source: str | None
    restricted: bool
    restriction_reason: str | None
    copay_pct_base: Decimal
    copay_pct_applied: Decimal  # after the policy's own out-of-network rule
    copay_pct_source: CopayPctSource


@dataclasses.dataclass(frozen=True, slots=True)
class PrimaryBreakdown(PolicyBreakdown):
    coinsurance_before_caps: Decimal  # (F - d) x p', before the per-visit and annual caps
    deductible_portion: Decimal  # d: what this visit adds to the deductible ledger
    copay_portion: Decimal  # c after caps: what this visit adds to the annual copay ledger
    patient_share: Decimal  # s1 = d + c (F when restricted)
    insurer_pays: Decimal  # F - s1
    coverage_pct: Decimal  # insurer_pays / F, for display


@dataclasses.dataclass(frozen=True, slots=True)
class SecondaryBreakdown(PolicyBreakdown):
    cob_method: str
    applied_to: Decimal  # the primary patient share s1
    secondary_pays: Decimal
    patient_share: Decimal  # s1 - secondary_pays


@dataclasses.dataclass(frozen=True, slots=True)
class PreAuthInfo:
    status: PreAuthStatus
    reason: str
    preauth_number: str | None
    request_id: int | None
    required: bool
    blocks_collection: bool
    overridden: bool
    # ``reason`` as a message for the reader's language (the UI renders it); not in to_dict().
    reason_msg: Msg | None = dataclasses.field(default=None, compare=False,
                                               metadata={"json": False})


@dataclasses.dataclass(frozen=True, slots=True)
class PharmacyEstimate:
    """Information only: pharmacy copay is collected at the pharmacy (seed 004 GAP 6)."""

    count: int
    total_cost: Decimal
    patient_share_pct: Decimal
    patient_estimate: Decimal
    disclaimer: str


@dataclasses.dataclass(frozen=True, slots=True)
class CopayQuote:
    """What the patient pays for one appointment and how that was reached.

    Invariant: ``patient_amount + primary_insurer_amount + secondary_insurer_amount == fee``,
    each >= 0 and quantised to 0.01.
    """

    appointment_id: int
    service_date: dt.date
    visit_type: VisitType
    is_emergency: bool
    charge_code: str
    cpt_code: str | None
    charge_description: str | None
    charge_master_fee: Decimal  # the charge-master fee (or the fallback) before any override
    fee: Decimal
    fee_source: FeeSource
    vat_rate: Decimal
    fee_vat_amount: Decimal
    is_self_pay: bool
    self_pay_reason: SelfPayReason | None
    network_tier: NetworkTier | None
    copay_pct_base: Decimal
    copay_pct_applied: Decimal
    copay_pct_source: CopayPctSource
    deductible: DeductibleInfo | None
    per_visit_cap: PerVisitCapInfo | None
    annual_copay: AnnualCopayInfo | None
    primary: PrimaryBreakdown | None
    secondary: SecondaryBreakdown | None
    patient_amount: Decimal
    primary_insurer_amount: Decimal
    secondary_insurer_amount: Decimal
    vat_amount: Decimal  # VAT inside patient_amount
    preauth: PreAuthInfo
    data_source: DataSource
    pharmacy: PharmacyEstimate
    total_estimate: Decimal  # patient_amount + pharmacy patient estimate
    deposit_balance: Decimal
    deposit_covers: bool
    allowed_actions: frozenset[CopayAction]
    # The plain-words explanation, one message a line: the UI renders them in the reader's
    # language (app.ui.i18n.render), to_dict()/the CLI/receipts use the English str(line).
    explanation: tuple[Msg, ...]

    @property
    def cob_applied(self) -> bool:
        return self.secondary is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form for the CLI, the audit entry and the payment snapshot:
        Decimals as strings ("12.50"), enums as their values, dates ISO, sets sorted."""
        result: dict[str, Any] = _jsonable(self)
        result["cob_applied"] = self.cob_applied  # CopayPayment.cob_applied, spelled out
        return result


def _jsonable(value: Any) -> Any:
    if isinstance(value, Msg):
        return str(value)  # the English sentence, as before messages were codes
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.metadata.get("json", True)}
    if isinstance(value, frozenset | set):
        return sorted(_jsonable(v) for v in value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value
