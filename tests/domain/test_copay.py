"""The copay quote, rule by rule, with every figure worked out by hand in the case's comment.

Defaults (see ``make``/``pol``): service date 2025-06-15, charge ``initial_consultation``
CPT 99203 at AED 250.00 with no VAT, patient MALE aged 40, one in-network Daman policy
valid for 2025 when a case adds it, data source CACHED_DB.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from app.domain.copay import (
    EMERGENCY_PREAUTH_REASON,
    FALLBACK_FEE,
    ChargeInput,
    CopayAction,
    CopayPctSource,
    CopayQuote,
    FeeSource,
    PayerRuleInput,
    PolicyInput,
    PreAuthInput,
    PrescriptionInput,
    QuoteInput,
    SelfPayReason,
    carve_out_cob,
    charge_code_for,
    out_of_network_pct,
    quote,
    standard_cob,
)
from app.domain.enums import (
    DataSource,
    Gender,
    NetworkTier,
    PreAuthRequestStatus,
    PreAuthStatus,
    VisitType,
)
from app.domain.errors import ValidationError

D = Decimal
DAY = dt.date(2025, 6, 15)
A = CopayAction
OON = NetworkTier.OUT_OF_NETWORK
R = PreAuthRequestStatus


def rule(**kw: Any) -> PayerRuleInput:
    base: dict[str, Any] = dict(
        source="CPT 99203", copay_pct=None, copay_cap_per_visit=None, price_override=None,
        min_age=None, max_age=None, gender=None, requires_preauth=False,
    )
    money = {"copay_pct", "copay_cap_per_visit", "price_override"}
    base.update({k: D(v) if k in money and isinstance(v, str) else v for k, v in kw.items()})
    return PayerRuleInput(**base)


def pol(**kw: Any) -> PolicyInput:
    money = {"copay_pct", "copay_cap_per_visit", "annual_deductible", "annual_copay_max",
             "payer_default_copay_pct", "deductible_used", "copay_used"}
    base: dict[str, Any] = dict(
        insurance_id=1, payer_id=10, payer_name="Daman", payer_code="DAMAN",
        plan_name="Enhanced", policy_number="DAM-001", priority=1,
        network_tier=NetworkTier.IN_NETWORK, copay_pct=None, copay_cap_per_visit=None,
        annual_deductible=None, annual_copay_max=None, effective_date=dt.date(2025, 1, 1),
        expiry_date=dt.date(2025, 12, 31), payer_default_copay_pct=None,
        payer_preauth_required=False, rule=None, deductible_used=D("0.00"),
        copay_used=D("0.00"),
    )
    base.update({k: D(v) if k in money and isinstance(v, str) else v for k, v in kw.items()})
    return PolicyInput(**base)


def sec(**kw: Any) -> PolicyInput:
    """A secondary policy (AXA, priority 2)."""
    base: dict[str, Any] = dict(insurance_id=2, payer_id=11, payer_name="AXA", payer_code="AXA",
                                plan_name=None, policy_number="AXA-9", priority=2)
    base.update(kw)
    return pol(**base)


def rx(name: str, qty: int, price: str) -> PrescriptionInput:
    return PrescriptionInput(name, qty, D(price))


def req(request_id: int, status: PreAuthRequestStatus, number: str | None = None,
        cpt: str | None = "99203") -> PreAuthInput:
    return PreAuthInput(request_id, cpt, status, number)


def make(*, fee: str | None = "250.00", vat: str = "0", cpt: str | None = "99203",
         code: str = "initial_consultation", policies: tuple[PolicyInput, ...] = (),
         visit: VisitType = VisitType.CONSULTATION, emergency: bool = False,
         age: int | None = 40, gender: Gender = Gender.MALE,
         requests: tuple[PreAuthInput, ...] = (), prescriptions: tuple[PrescriptionInput, ...] = (),
         source: DataSource = DataSource.CACHED_DB, converted: bool = False,
         overridden: bool = False, deposit: str = "0.00", day: dt.date = DAY) -> QuoteInput:
    charge = None if fee is None else ChargeInput(code, cpt, "Consultation", D(fee), D(vat))
    return QuoteInput(
        appointment_id=7, visit_type=visit, service_date=day, is_emergency=emergency,
        patient_age=age, patient_gender=gender, charge=charge, policies=policies,
        preauth_requests=requests, prescriptions=prescriptions, data_source=source,
        converted_to_self_pay=converted, preauth_overridden=overridden, deposit_balance=D(deposit),
    )


def get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def check(q: CopayQuote, expect: dict[str, Any]) -> None:
    for path, want in expect.items():
        got = get(q, path)
        if isinstance(got, Decimal):
            # Compare the text: equal value AND quantised exactly like the hand figure.
            assert str(got) == want, f"{path}: {got} != {want}"
        else:
            assert got == want, f"{path}: {got!r} != {want!r}"


def shares(patient: str, primary: str, secondary: str = "0.00") -> dict[str, str]:
    return {"patient_amount": patient, "primary_insurer_amount": primary,
            "secondary_insurer_amount": secondary}


INSURED_ACTIONS = frozenset({A.COLLECT, A.WAIVE, A.DEFER, A.CONVERT_TO_SELFPAY})
SELF_PAY_ACTIONS = frozenset({A.COLLECT, A.DEFER})


@dataclasses.dataclass(frozen=True)
class Case:
    id: str
    inp: QuoteInput
    expect: dict[str, Any]
    explains: tuple[str, ...] = ()
    more: Callable[[CopayQuote], None] | None = None


CASES = [
    # ---------------------------------------------------------------- self-pay
    Case("self_pay_no_insurance",
         # No policy: patient pays F = 250.00; nobody else pays.
         make(),
         {**shares("250.00", "0.00"), "fee": "250.00", "is_self_pay": True,
          "self_pay_reason": SelfPayReason.NO_INSURANCE, "copay_pct_applied": "100.00",
          "copay_pct_source": CopayPctSource.SELF_PAY, "primary": None, "secondary": None,
          "deductible": None, "network_tier": None, "allowed_actions": SELF_PAY_ACTIONS,
          "preauth.status": PreAuthStatus.NOT_REQUIRED},
         ("No active primary insurance", "Self-pay: patient pays AED 250.00")),
    Case("expired_policy",
         # Expired the day before the visit: self-pay 250.00, reason EXPIRED.
         make(policies=(pol(expiry_date=dt.date(2025, 6, 14), payer_preauth_required=True),)),
         {**shares("250.00", "0.00"), "is_self_pay": True,
          "self_pay_reason": SelfPayReason.EXPIRED, "allowed_actions": SELF_PAY_ACTIONS,
          "preauth.status": PreAuthStatus.NOT_REQUIRED, "preauth.blocks_collection": False},
         ("Policy DAM-001 (Daman) expired on 2025-06-14",)),
    Case("expiry_day_still_covered",
         # expiry_date is inclusive: 250 x 20% = 50.00.
         make(policies=(pol(expiry_date=DAY),)),
         {**shares("50.00", "200.00"), "is_self_pay": False, "self_pay_reason": None}),
    Case("effective_day_covered_open_ended",
         # effective on the day, no expiry: covered, 50.00.
         make(policies=(pol(effective_date=DAY, expiry_date=None),)),
         shares("50.00", "200.00")),
    Case("not_yet_effective",
         # Starts tomorrow: no usable primary -> self-pay NO_INSURANCE, 250.00.
         make(policies=(pol(effective_date=dt.date(2025, 6, 16)),)),
         {**shares("250.00", "0.00"), "self_pay_reason": SelfPayReason.NO_INSURANCE},
         ("Policy DAM-001 (Daman) is not effective until 2025-06-16",)),
    Case("expired_primary_active_secondary_not_promoted",
         # Primary expired, secondary active: the seed's rule is self-pay (250.00).
         make(policies=(pol(expiry_date=dt.date(2025, 5, 31)), sec(copay_pct="10"))),
         {**shares("250.00", "0.00"), "self_pay_reason": SelfPayReason.EXPIRED,
          "secondary": None},
         ("Policy DAM-001 (Daman) expired on 2025-05-31",
          "AXA policy AXA-9 (priority 2) not used without an active primary")),
    Case("converted_to_self_pay",
         # Active 20% policy, but the desk converted: patient pays all 250.00, no waive.
         make(policies=(pol(copay_pct="20"),), converted=True),
         {**shares("250.00", "0.00"), "is_self_pay": True,
          "self_pay_reason": SelfPayReason.CONVERTED, "allowed_actions": SELF_PAY_ACTIONS},
         ("Converted to self-pay at the desk: insurance not used",)),
    # ---------------------------------------------------------------- copay %
    Case("in_network_standard_default_20",
         # No rule, policy or payer %: p = 20 -> 250 x 20% = 50.00, insurer 200.00.
         make(policies=(pol(),)),
         {**shares("50.00", "200.00"), "copay_pct_base": "20.00", "copay_pct_applied": "20.00",
          "copay_pct_source": CopayPctSource.DEFAULT, "network_tier": NetworkTier.IN_NETWORK,
          "primary.coverage_pct": "80.00", "primary.patient_share": "50.00",
          "primary.copay_portion": "50.00", "primary.deductible_portion": "0.00",
          "allowed_actions": INSURED_ACTIONS, "preauth.status": PreAuthStatus.NOT_REQUIRED},
         ("Copay 20%: standard default (no rule, policy or payer %)",
          "Coinsurance: 20% of AED 250.00 = AED 50.00",
          "Primary Daman policy DAM-001 pays AED 200.00; patient share AED 50.00 "
          "(deductible AED 0.00 + copay AED 50.00)")),
    Case("policy_pct",
         # Policy 10%: 250 x 10% = 25.00.
         make(policies=(pol(copay_pct="10.00", payer_default_copay_pct="30"),)),
         {**shares("25.00", "225.00"), "copay_pct_source": CopayPctSource.POLICY},
         ("Copay 10% from policy DAM-001",)),
    Case("payer_default_pct",
         # Payer default 15%: 250 x 15% = 37.50.
         make(policies=(pol(payer_default_copay_pct="15"),)),
         {**shares("37.50", "212.50"), "copay_pct_source": CopayPctSource.PAYER_DEFAULT},
         ("Copay 15%: Daman's default",)),
    Case("payer_rule_pct_wins",
         # Rule 5% beats policy 30%: 250 x 5% = 12.50.
         make(policies=(pol(copay_pct="30", rule=rule(copay_pct="5")),)),
         {**shares("12.50", "237.50"), "copay_pct_source": CopayPctSource.PAYER_RULE,
          "primary.rule_source": "CPT 99203"},
         ("Copay 5% from payer rule CPT 99203",)),
    Case("zero_pct_rule_is_a_rule",
         # A rule of 0% is a real 0%, not "unset": patient 0.00, COLLECT of 0 allowed.
         make(policies=(pol(copay_pct="30", rule=rule(copay_pct="0")),)),
         {**shares("0.00", "250.00"), "copay_pct_source": CopayPctSource.PAYER_RULE,
          "allowed_actions": INSURED_ACTIONS}),
    # ---------------------------------------------------------------- out of network
    Case("oon_20_to_40",
         # min(40, max(20, 40)) = 40: 250 x 40% = 100.00.
         make(policies=(pol(copay_pct="20", network_tier=OON),)),
         {**shares("100.00", "150.00"), "copay_pct_base": "20.00", "copay_pct_applied": "40.00",
          "network_tier": OON},
         ("Out-of-network: copay 20% → 40%",)),
    Case("oon_30_to_40",
         # min(60, max(30, 40)) = 40: 100.00.
         make(policies=(pol(copay_pct="30", network_tier=OON),)),
         {**shares("100.00", "150.00"), "copay_pct_applied": "40.00"},
         ("Out-of-network: copay 30% → 40%",)),
    Case("oon_50_stays_50",
         # min(100, max(50, 40)) = 50: 125.00.
         make(policies=(pol(copay_pct="50", network_tier=OON),)),
         {**shares("125.00", "125.00"), "copay_pct_applied": "50.00"},
         ("Out-of-network: copay stays 50% (already at least 40%)",)),
    Case("oon_10_to_20",
         # min(20, max(10, 40)) = 20: 50.00.
         make(policies=(pol(copay_pct="10", network_tier=OON),)),
         {**shares("50.00", "200.00"), "copay_pct_applied": "20.00"},
         ("Out-of-network: copay 10% → 20%",)),
    # ---------------------------------------------------------------- per-visit cap
    Case("per_visit_cap_policy",
         # c = 50.00, policy cap 30.00 -> 30.00; insurer 220.00.
         make(policies=(pol(copay_cap_per_visit="30.00"),)),
         {**shares("30.00", "220.00"), "per_visit_cap.cap": "30.00",
          "per_visit_cap.applied": True, "primary.coinsurance_before_caps": "50.00"},
         ("Per-visit cap AED 30.00 (policy): copay AED 50.00 → AED 30.00",)),
    Case("per_visit_cap_rule_beats_policy",
         # Rule cap 25.00 wins over policy cap 30.00: 25.00.
         make(policies=(pol(copay_cap_per_visit="30.00",
                            rule=rule(copay_cap_per_visit=D("25.00"))),)),
         {**shares("25.00", "225.00"), "per_visit_cap.cap": "25.00"},
         ("Per-visit cap AED 25.00 (payer rule): copay AED 50.00 → AED 25.00",)),
    Case("per_visit_cap_rule_zero_falls_back_to_policy",
         # Rule cap 0 means "none": the policy cap 30.00 applies.
         make(policies=(pol(copay_cap_per_visit="30.00", rule=rule(copay_cap_per_visit=D("0"))),)),
         {**shares("30.00", "220.00"), "per_visit_cap.cap": "30.00"}),
    Case("per_visit_cap_not_reached",
         # c = 50.00 < cap 80.00: unchanged.
         make(policies=(pol(copay_cap_per_visit="80.00"),)),
         {**shares("50.00", "200.00"), "per_visit_cap.applied": False},
         ("Per-visit cap AED 80.00 (policy) not reached",)),
    # ---------------------------------------------------------------- annual copay cap
    Case("annual_cap_partial",
         # c = 50.00; cap 1000.00 - used 980.00 = 20.00 left -> c = 20.00.
         make(policies=(pol(annual_copay_max="1000.00", copay_used="980.00"),)),
         {**shares("20.00", "230.00"), "annual_copay.remaining": "20.00",
          "annual_copay.remaining_after": "0.00", "annual_copay.reached": False,
          "annual_copay.limited_by_cap": True, "primary.copay_portion": "20.00"},
         ("Annual copay cap AED 1,000.00: only AED 20.00 left this year, copay AED 50.00 → "
          "AED 20.00",)),
    Case("annual_cap_reached",
         # 1000.00 used of 1000.00: c = 0.00, insurer pays all 250.00; COLLECT of 0 fine.
         make(policies=(pol(annual_copay_max="1000.00", copay_used="1000.00"),)),
         {**shares("0.00", "250.00"), "annual_copay.reached": True,
          "annual_copay.remaining": "0.00", "allowed_actions": INSURED_ACTIONS},
         ("Annual copay cap AED 1,000.00 reached (AED 1,000.00 paid this year): "
          "no copay required",)),
    Case("annual_cap_overshot",
         # Used 1200.00 > cap 1000.00: remaining never below 0 -> c = 0.00.
         make(policies=(pol(annual_copay_max="1000.00", copay_used="1200.00"),)),
         {**shares("0.00", "250.00"), "annual_copay.remaining": "0.00",
          "annual_copay.reached": True}),
    Case("annual_cap_with_room",
         # 500.00 left, c = 50.00 fits: 450.00 left afterwards.
         make(policies=(pol(annual_copay_max="1000.00", copay_used="500.00"),)),
         {**shares("50.00", "200.00"), "annual_copay.limited_by_cap": False,
          "annual_copay.remaining_after": "450.00"}),
    # ---------------------------------------------------------------- deductible
    Case("deductible_partly_used",
         # 500 - 400 = 100 left: d = 100.00; c = (250 - 100) x 20% = 30.00;
         # s1 = 130.00; insurer 120.00.
         make(policies=(pol(annual_deductible="500.00", deductible_used="400.00"),)),
         {**shares("130.00", "120.00"), "deductible.applied": "100.00",
          "deductible.remaining": "100.00", "deductible.remaining_after": "0.00",
          "deductible.met_for_year": False, "primary.deductible_portion": "100.00",
          "primary.copay_portion": "30.00"},
         ("Deductible: AED 100.00 applied (AED 100.00 of AED 500.00 left this year)",
          "Coinsurance: 20% of AED 150.00 = AED 30.00")),
    Case("deductible_fully_used",
         # Nothing left: d = 0.00, met; c = 50.00.
         make(policies=(pol(annual_deductible="500.00", deductible_used="500.00"),)),
         {**shares("50.00", "200.00"), "deductible.applied": "0.00",
          "deductible.met_for_year": True},
         ("Deductible AED 500.00 already met for this year",)),
    Case("deductible_larger_than_fee",
         # 1000 left > F: d = 250.00, c = 0 x 20% = 0.00; patient 250.00; 750.00 left after.
         make(policies=(pol(annual_deductible="1000.00"),)),
         {**shares("250.00", "0.00"), "deductible.applied": "250.00",
          "deductible.remaining_after": "750.00", "primary.coverage_pct": "0.00",
          "is_self_pay": False, "allowed_actions": INSURED_ACTIONS}),
    Case("deductible_then_caps",
         # d = min(250, 500 - 450) = 50.00; c0 = 200 x 20% = 40.00; visit cap 35.00 -> 35.00;
         # annual 300 - 280 = 20.00 left -> c = 20.00 (the cap does not touch d);
         # s1 = 70.00; insurer 180.00.
         make(policies=(pol(annual_deductible="500.00", deductible_used="450.00",
                            copay_cap_per_visit="35.00", annual_copay_max="300.00",
                            copay_used="280.00"),)),
         {**shares("70.00", "180.00"), "primary.coinsurance_before_caps": "40.00",
          "primary.deductible_portion": "50.00", "primary.copay_portion": "20.00",
          "per_visit_cap.applied": True, "annual_copay.limited_by_cap": True}),
    Case("zero_deductible_is_none",
         # annual_deductible 0: no deductible, nothing "met"; c = 50.00.
         make(policies=(pol(annual_deductible="0.00"),)),
         {**shares("50.00", "200.00"), "deductible.applied": "0.00",
          "deductible.met_for_year": False}),
    # ---------------------------------------------------------------- COB
    Case("cob_in_network",
         # s1 = 50.00; secondary 10%: pays 50 x 90% = 45.00; patient 5.00; primary 200.00.
         make(policies=(sec(copay_pct="10"), pol(copay_pct="20"))),
         {**shares("5.00", "200.00", "45.00"), "secondary.applied_to": "50.00",
          "secondary.secondary_pays": "45.00", "secondary.copay_pct_applied": "10.00",
          "secondary.network_tier": NetworkTier.IN_NETWORK, "secondary.cob_method": "SEED",
          "primary.patient_share": "50.00"},
         ("Secondary copay 10% from policy AXA-9",
          "Secondary AXA policy AXA-9 (COB): covers 90% of the primary patient share "
          "AED 50.00 = AED 45.00; patient pays AED 5.00")),
    Case("cob_secondary_out_of_network",
         # Secondary 10% OON -> 20%: pays 50 x 80% = 40.00; patient 10.00.
         make(policies=(pol(), sec(copay_pct="10", network_tier=OON))),
         {**shares("10.00", "200.00", "40.00"), "secondary.copay_pct_base": "10.00",
          "secondary.copay_pct_applied": "20.00", "secondary.network_tier": OON},
         ("Secondary out-of-network: copay 10% → 20%",)),
    Case("cob_secondary_default_pct",
         # Secondary without any %: 20% -> pays 50 x 80% = 40.00.
         make(policies=(pol(), sec())),
         {**shares("10.00", "200.00", "40.00"),
          "secondary.copay_pct_source": CopayPctSource.DEFAULT}),
    Case("cob_secondary_gender_restricted",
         # Secondary rule covers FEMALE only, patient MALE: secondary pays 0, patient 50.00.
         make(policies=(pol(), sec(copay_pct="10", rule=rule(source="CPT 99203",
                                                             gender=Gender.FEMALE)))),
         {**shares("50.00", "200.00", "0.00"), "secondary.restricted": True},
         ("Secondary AXA pays nothing: payer rule CPT 99203 covers female patients only; "
          "patient is male",)),
    Case("cob_after_deductible",
         # Primary: d = 100.00, c = 150 x 20% = 30.00, s1 = 130.00, insurer 120.00;
         # secondary 30%: pays 130 x 70% = 91.00; patient 39.00.
         make(policies=(pol(annual_deductible="500.00", deductible_used="400.00"),
                        sec(copay_pct="30"))),
         shares("39.00", "120.00", "91.00")),
    Case("cob_primary_age_restricted",
         # Primary rule 18-65, patient 10: primary pays 0, s1 = 250.00;
         # secondary 20%: pays 250 x 80% = 200.00; patient 50.00.
         make(age=10, policies=(pol(rule=rule(min_age=18, max_age=65)), sec(copay_pct="20"))),
         {**shares("50.00", "0.00", "200.00"), "primary.restricted": True,
          "secondary.applied_to": "250.00"}),
    Case("cob_secondary_with_price_override_ignored",
         # Only the primary's override sets F; secondary 10% of s1 = 50 -> pays 45.00.
         make(policies=(pol(), sec(copay_pct="10", rule=rule(price_override=D("99.00"))))),
         {**shares("5.00", "200.00", "45.00"), "fee": "250.00"},
         ("Secondary payer rule CPT 99203 price override ignored: the primary's fee stands",)),
    Case("tertiary_ignored",
         # Priority 3 is not coordinated: primary 20% -> 50.00 only.
         make(policies=(pol(), pol(insurance_id=3, priority=3, policy_number="T-3"))),
         {**shares("50.00", "200.00"), "secondary": None},
         ("Daman policy T-3 (priority 3) not used: the quote coordinates a primary and a "
          "secondary only",)),
    # ---------------------------------------------------------------- restrictions
    Case("age_restriction_below",
         # Rule 18-65, patient 10: patient pays 100% = 250.00.
         make(age=10, policies=(pol(copay_pct="10", rule=rule(min_age=18, max_age=65)),)),
         {**shares("250.00", "0.00"), "is_self_pay": False, "primary.restricted": True,
          "copay_pct_applied": "100.00", "copay_pct_source": CopayPctSource.RESTRICTED,
          "allowed_actions": INSURED_ACTIONS},
         ("Primary Daman pays nothing: payer rule CPT 99203 covers ages 18–65 only; "
          "patient is 10",)),
    Case("age_restriction_above_min_only",
         # Rule "up to 12" (max_age only), patient 40: restricted, 250.00.
         make(policies=(pol(rule=rule(max_age=12)),)),
         {**shares("250.00", "0.00"), "primary.restricted": True}),
    Case("age_at_boundary_is_covered",
         # max_age 65 includes 65: 250 x 20% = 50.00.
         make(age=65, policies=(pol(rule=rule(min_age=18, max_age=65)),)),
         {**shares("50.00", "200.00"), "primary.restricted": False}),
    Case("age_unknown_not_restricted",
         # No age on file: limits not checked, and said so; 50.00.
         make(age=None, policies=(pol(rule=rule(min_age=18)),)),
         shares("50.00", "200.00"),
         ("Payer rule CPT 99203 covers ages 18 and over but the patient's age is unknown: "
          "age limit not checked",)),
    Case("gender_restriction",
         # Rule covers FEMALE only, patient MALE: 250.00, ledgers untouched.
         make(policies=(pol(annual_deductible="500.00", rule=rule(gender=Gender.FEMALE)),)),
         {**shares("250.00", "0.00"), "primary.restricted": True,
          "deductible.applied": "0.00", "primary.deductible_portion": "0.00",
          "primary.copay_portion": "0.00"},
         ("Primary Daman pays nothing: payer rule CPT 99203 covers female patients only; "
          "patient is male",)),
    Case("gender_matches",
         make(gender=Gender.FEMALE, policies=(pol(rule=rule(gender=Gender.FEMALE)),)),
         shares("50.00", "200.00")),
    # ---------------------------------------------------------------- fee
    Case("fallback_fee",
         # No charge row: F = 200.00 (fallback), 20% -> 40.00; VAT rate 0.
         make(fee=None, policies=(pol(),)),
         {**shares("40.00", "160.00"), "fee": "200.00", "fee_source": FeeSource.FALLBACK,
          "charge_code": "initial_consultation", "cpt_code": None, "vat_amount": "0.00"},
         ("No charge-master price for a consultation: standard fee AED 200.00",)),
    Case("fallback_fee_self_pay",
         make(fee=None, visit=VisitType.FOLLOW_UP),
         {**shares("200.00", "0.00"), "fee_source": FeeSource.FALLBACK,
          "charge_code": "follow_up"}),
    Case("price_override",
         # Rule override 180.00 replaces 250.00: 180 x 20% = 36.00; insurer 144.00.
         make(policies=(pol(rule=rule(price_override=D("180.00"))),)),
         {**shares("36.00", "144.00"), "fee": "180.00", "charge_master_fee": "250.00",
          "fee_source": FeeSource.PAYER_PRICE_OVERRIDE},
         ("Payer rule CPT 99203 price override: fee AED 250.00 → AED 180.00",)),
    Case("price_override_not_for_restricted",
         # Restricted rule: its contract price does not apply, patient pays 250.00.
         make(age=10, policies=(pol(rule=rule(price_override=D("180.00"), min_age=18)),)),
         {**shares("250.00", "0.00"), "fee": "250.00", "fee_source": FeeSource.CHARGE_MASTER}),
    Case("free_visit",
         # F = 0.00 (free follow-up): everything 0.00; pharmacy at the nominal 20%:
         # 2 x 10.00 = 20.00 x 20% = 4.00.
         make(fee="0.00", code="follow_up", policies=(pol(),),
              prescriptions=(rx("Paracetamol", 2, "10.00"),)),
         {**shares("0.00", "0.00"), "fee": "0.00", "pharmacy.patient_share_pct": "20.00",
          "pharmacy.patient_estimate": "4.00", "total_estimate": "4.00"}),
    # ---------------------------------------------------------------- rounding and VAT
    Case("rounding_half_up",
         # 100.05 x 15% = 15.0075 -> 15.01; insurer 100.05 - 15.01 = 85.04.
         make(fee="100.05", policies=(pol(copay_pct="15"),)),
         shares("15.01", "85.04")),
    Case("rounding_half_up_not_bankers",
         # 100.30 x 15% = 15.045 -> 15.05 (half-even would say 15.04); insurer 85.25.
         make(fee="100.30", policies=(pol(copay_pct="15"),)),
         shares("15.05", "85.25")),
    Case("rounding_through_cob",
         # s1 = 15.05 (above); secondary 10%: 15.05 x 90% = 13.545 -> 13.55;
         # patient 15.05 - 13.55 = 1.50; 1.50 + 85.25 + 13.55 = 100.30.
         make(fee="100.30", policies=(pol(copay_pct="15"), sec(copay_pct="10"))),
         shares("1.50", "85.25", "13.55")),
    Case("vat_inclusive_self_pay",
         # 210.00 at 5%: VAT = 210 x 0.05 / 1.05 = 10.00, in fee and patient amount.
         make(fee="210.00", vat="0.05"),
         {**shares("210.00", "0.00"), "vat_amount": "10.00", "fee_vat_amount": "10.00",
          "vat_rate": "0.05"},
         ("VAT 5% included: AED 10.00 in the fee, AED 10.00 in the patient amount",)),
    Case("vat_inclusive_insured",
         # 210 x 20% = 42.00; VAT in it = 42 x 0.05 / 1.05 = 2.00; in the fee 10.00.
         make(fee="210.00", vat="0.05", policies=(pol(),)),
         {**shares("42.00", "168.00"), "vat_amount": "2.00", "fee_vat_amount": "10.00"}),
    Case("vat_rounds",
         # 250 x 20% = 50.00; VAT 50 x 0.05 / 1.05 = 2.38095 -> 2.38; fee 11.904 -> 11.90.
         make(vat="0.05", policies=(pol(),)),
         {"vat_amount": "2.38", "fee_vat_amount": "11.90"}),
    # ---------------------------------------------------------------- pre-auth
    Case("emergency_waives_preauth",
         # Payer requires pre-auth, none submitted, but EMERGENCY: not required; 50.00.
         make(visit=VisitType.EMERGENCY, code="emergency_consult",
              policies=(pol(payer_preauth_required=True),)),
         {**shares("50.00", "200.00"), "preauth.status": PreAuthStatus.NOT_REQUIRED,
          "preauth.reason": EMERGENCY_PREAUTH_REASON, "preauth.blocks_collection": False,
          "allowed_actions": INSURED_ACTIONS, "is_emergency": True},
         (EMERGENCY_PREAUTH_REASON,)),
    Case("emergency_flag_waives_preauth",
         # CONSULTATION flagged as emergency, rule requires pre-auth, a DENIED request: waived.
         make(emergency=True, policies=(pol(rule=rule(requires_preauth=True)),),
              requests=(req(1, R.DENIED),)),
         {"preauth.status": PreAuthStatus.NOT_REQUIRED, "preauth.reason": EMERGENCY_PREAUTH_REASON,
          "allowed_actions": INSURED_ACTIONS}),
    Case("preauth_not_required",
         make(policies=(pol(),)),
         {"preauth.status": PreAuthStatus.NOT_REQUIRED, "preauth.required": False},
         ("Pre-authorisation not required",)),
    Case("preauth_required_not_submitted",
         # Payer flag, no request: blocks collection; override/request offered.
         make(policies=(pol(payer_preauth_required=True),)),
         {**shares("50.00", "200.00"), "preauth.status": PreAuthStatus.REQUIRED_NOT_SUBMITTED,
          "preauth.required": True, "preauth.blocks_collection": True,
          "allowed_actions": frozenset({A.WAIVE, A.DEFER, A.CONVERT_TO_SELFPAY,
                                        A.PREAUTH_OVERRIDE, A.REQUEST_PREAUTH})},
         ("Pre-authorisation required by Daman for CPT 99203; none submitted",)),
    Case("preauth_pending",
         # Rule flag, PENDING request: yellow, collection allowed.
         make(policies=(pol(rule=rule(requires_preauth=True)),), requests=(req(4, R.PENDING),)),
         {"preauth.status": PreAuthStatus.PENDING, "preauth.blocks_collection": False,
          "preauth.request_id": 4, "allowed_actions": INSURED_ACTIONS},
         ("Pre-authorisation for CPT 99203 submitted (request #4), awaiting approval",)),
    Case("preauth_approved",
         make(policies=(pol(payer_preauth_required=True),),
              requests=(req(5, R.APPROVED, "PA-77"),)),
         {"preauth.status": PreAuthStatus.APPROVED, "preauth.preauth_number": "PA-77",
          "preauth.blocks_collection": False, "allowed_actions": INSURED_ACTIONS},
         ("Pre-authorisation for CPT 99203 approved (number PA-77)",)),
    Case("preauth_denied",
         make(policies=(pol(payer_preauth_required=True),), requests=(req(6, R.DENIED),)),
         {"preauth.status": PreAuthStatus.DENIED, "preauth.blocks_collection": True,
          "allowed_actions": frozenset({A.WAIVE, A.DEFER, A.CONVERT_TO_SELFPAY,
                                        A.PREAUTH_OVERRIDE, A.REQUEST_PREAUTH})},
         ("Pre-authorisation for CPT 99203 denied (request #6)",)),
    Case("preauth_denied_overridden",
         # Override recorded: collection allowed again, no second override offered.
         make(policies=(pol(payer_preauth_required=True),), requests=(req(6, R.DENIED),),
              overridden=True),
         {"preauth.status": PreAuthStatus.DENIED, "preauth.overridden": True,
          "preauth.blocks_collection": False,
          "allowed_actions": frozenset({A.COLLECT, A.WAIVE, A.DEFER, A.CONVERT_TO_SELFPAY,
                                        A.REQUEST_PREAUTH})},
         ("Pre-authorisation override recorded: collection allowed",)),
    Case("preauth_not_submitted_overridden",
         make(policies=(pol(payer_preauth_required=True),), overridden=True),
         {"preauth.status": PreAuthStatus.REQUIRED_NOT_SUBMITTED, "preauth.overridden": True,
          "preauth.blocks_collection": False}),
    Case("preauth_override_irrelevant_when_approved",
         make(policies=(pol(payer_preauth_required=True),),
              requests=(req(5, R.APPROVED, "PA-1"),), overridden=True),
         {"preauth.status": PreAuthStatus.APPROVED, "preauth.overridden": False}),
    Case("preauth_latest_request_wins",
         # Denied (#2) then approved (#9), given out of order: APPROVED.
         make(policies=(pol(payer_preauth_required=True),),
              requests=(req(9, R.APPROVED, "PA-9"), req(2, R.DENIED))),
         {"preauth.status": PreAuthStatus.APPROVED, "preauth.request_id": 9}),
    Case("preauth_latest_cancelled_is_none",
         # Approved (#3) then cancelled (#8): a cancelled latest does not revive #3.
         make(policies=(pol(payer_preauth_required=True),),
              requests=(req(3, R.APPROVED, "PA-3"), req(8, R.CANCELLED))),
         {"preauth.status": PreAuthStatus.REQUIRED_NOT_SUBMITTED,
          "preauth.blocks_collection": True}),
    Case("preauth_other_cpt_ignored",
         make(policies=(pol(payer_preauth_required=True),),
              requests=(req(5, R.APPROVED, "PA-5", cpt="99215"),)),
         {"preauth.status": PreAuthStatus.REQUIRED_NOT_SUBMITTED}),
    Case("preauth_self_pay_never_blocks",
         make(converted=True, policies=(pol(payer_preauth_required=True),)),
         {"preauth.status": PreAuthStatus.NOT_REQUIRED, "allowed_actions": SELF_PAY_ACTIONS}),
    # ---------------------------------------------------------------- data source, pharmacy, deposit
    Case("data_source_passes_through",
         make(policies=(pol(),), source=DataSource.MOCK_DATA),
         {"data_source": DataSource.MOCK_DATA},
         ("Insurance eligibility: SIMULATED on this computer, not a real DHA check",)),
    Case("pharmacy_estimate_insured",
         # Patient share 50/250 = 20%; drugs 2 x 12.50 + 1 x 30.25 = 55.25;
         # 55.25 x 50 / 250 = 11.05; total estimate 50.00 + 11.05 = 61.05.
         make(policies=(pol(),), prescriptions=(rx("Amoxicillin", 2, "12.50"),
                                                rx("Ibuprofen", 1, "30.25"))),
         {"pharmacy.count": 2, "pharmacy.total_cost": "55.25",
          "pharmacy.patient_share_pct": "20.00", "pharmacy.patient_estimate": "11.05",
          "total_estimate": "61.05"},
         ("Pharmacy estimate: 2 prescription(s), AED 55.25 × 20% = AED 11.05 "
          "(collected at the pharmacy)",)),
    Case("pharmacy_estimate_exact_ratio",
         # Share 15.01 / 100.05 = 15.0025%; 3 x 33.33 = 99.99 x 15.01 / 100.05 = 15.0010
         # -> 15.00 (one rounding, from the exact ratio).
         make(fee="100.05", policies=(pol(copay_pct="15"),),
              prescriptions=(rx("X", 3, "33.33"),)),
         {"pharmacy.total_cost": "99.99", "pharmacy.patient_share_pct": "15.00",
          "pharmacy.patient_estimate": "15.00", "total_estimate": "30.01"}),
    Case("pharmacy_estimate_self_pay",
         # Self-pay: 100% of 2 x 12.50 = 25.00; total 250.00 + 25.00 = 275.00.
         make(prescriptions=(rx("Amoxicillin", 2, "12.50"),)),
         {"pharmacy.patient_share_pct": "100.00", "pharmacy.patient_estimate": "25.00",
          "total_estimate": "275.00"}),
    Case("no_prescriptions",
         make(policies=(pol(),)),
         {"pharmacy.count": 0, "pharmacy.total_cost": "0.00", "pharmacy.patient_estimate": "0.00",
          "total_estimate": "50.00"}),
    Case("deposit_covers",
         make(policies=(pol(),), deposit="60.00"),
         {"deposit_balance": "60.00", "deposit_covers": True},
         ("Deposit balance AED 60.00 covers the patient amount",)),
    Case("deposit_short",
         make(policies=(pol(),), deposit="40.00"),
         {"deposit_covers": False},
         ("Deposit balance AED 40.00 does not cover the patient amount",)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_quote_cases(case: Case) -> None:
    result = quote(case.inp)
    check(result, case.expect)
    english = [str(line) for line in result.explanation]  # lines are messages (issue 15)
    for line in case.explains:
        assert line in english, f"missing {line!r} in {english}"
    # Every case, whatever it tests: the shares add up exactly, in fils, none negative.
    parts = (result.patient_amount, result.primary_insurer_amount,
             result.secondary_insurer_amount)
    assert sum(parts) == result.fee
    assert all(p >= 0 and p.as_tuple().exponent == -2 for p in parts)
    if result.is_self_pay:
        assert A.WAIVE not in result.allowed_actions
    if result.primary is not None and not result.primary.restricted:
        assert (result.primary.deductible_portion + result.primary.copay_portion
                == result.primary.patient_share)
    if case.more is not None:
        case.more(result)


def test_explanation_follows_rule_order():
    result = quote(make(vat="0.05", policies=(
        pol(copay_pct="20", network_tier=OON, annual_deductible="500.00",
            deductible_used="400.00", copay_cap_per_visit="50.00", annual_copay_max="1000.00",
            payer_preauth_required=True),
        sec(copay_pct="10")), prescriptions=(rx("A", 1, "10.00"),)))
    starts = ["Consultation: fee", "Copay 20%", "Out-of-network", "Deductible:", "Coinsurance",
              "Per-visit cap", "Annual copay cap", "Primary Daman", "Secondary copay",
              "Secondary AXA", "Pre-authorisation required", "Insurance eligibility",
              "Pharmacy estimate", "VAT 5%"]
    positions = [next(i for i, line in enumerate(result.explanation) if str(line).startswith(s))
                 for s in starts]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("visit", "emergency", "code"),
    [
        (VisitType.CONSULTATION, False, "initial_consultation"),
        (VisitType.FOLLOW_UP, False, "follow_up"),
        (VisitType.EMERGENCY, False, "emergency_consult"),
        (VisitType.CONSULTATION, True, "emergency_consult"),
        (VisitType.FOLLOW_UP, True, "emergency_consult"),
    ],
)
def test_charge_code_for(visit, emergency, code):
    assert charge_code_for(visit, is_emergency=emergency) == code
    if not emergency:
        assert charge_code_for(visit) == code


def test_fallback_uses_emergency_code_when_flagged():
    result = quote(make(fee=None, emergency=True))
    assert result.charge_code == "emergency_consult"
    assert result.fee == FALLBACK_FEE


@pytest.mark.parametrize(
    ("p", "expected"),
    [("0", "0"), ("10", "20"), ("15", "30"), ("20", "40"), ("30", "40"), ("40", "40"),
     ("50", "50"), ("100", "100")],
)
def test_out_of_network_pct(p, expected):
    assert out_of_network_pct(D(p)) == D(expected)


def test_other_cob_methods_fit_the_seam():
    # Open Dental's manual examples, F = 100.00, primary 20% (pays 80.00, s1 = 20.00).
    policies = (pol(copay_pct="20"), sec(copay_pct="20"))
    # Standard: lesser of alone 100 x 80% = 80.00 and s1 20.00 -> 20.00; patient 0.00.
    std = quote(make(fee="100.00", policies=policies), cob_method=standard_cob)
    check(std, {**shares("0.00", "80.00", "20.00"), "secondary.cob_method": "STANDARD"})
    # Carve-out: alone 80.00 less primary's 80.00 -> 0.00; patient 20.00.
    carve = quote(make(fee="100.00", policies=policies), cob_method=carve_out_cob)
    check(carve, {**shares("20.00", "80.00", "0.00"), "secondary.cob_method": "CARVE_OUT"})
    # Carve-out with a richer secondary (10%): 90.00 - 80.00 = 10.00; patient 10.00.
    carve2 = quote(make(fee="100.00", policies=(pol(copay_pct="20"), sec(copay_pct="10"))),
                   cob_method=carve_out_cob)
    check(carve2, shares("10.00", "80.00", "10.00"))


def test_misbehaving_cob_method_cannot_break_the_invariant():
    from app.domain.copay import CobResult

    result = quote(make(policies=(pol(), sec())),
                   cob_method=lambda ci: CobResult(D("999.999"), "too generous"))
    # Clamped to s1 = 50.00: patient 0.00, 200.00 + 50.00 = 250.00.
    check(result, shares("0.00", "200.00", "50.00"))
    negative = quote(make(policies=(pol(), sec())),
                     cob_method=lambda ci: CobResult(D("-5"), "negative"))
    check(negative, shares("50.00", "200.00", "0.00"))


def test_quote_is_immutable():
    result = quote(make(policies=(pol(),)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.patient_amount = D("0.00")  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.primary.insurer_pays = D("0.00")  # type: ignore[misc,union-attr]
    assert isinstance(result.explanation, tuple)
    assert isinstance(result.allowed_actions, frozenset)


def test_to_dict_is_json_and_exact():
    result = quote(make(vat="0.05", policies=(pol(payer_preauth_required=True), sec(copay_pct="10")),
                        prescriptions=(rx("A", 2, "12.50"),)))
    data = result.to_dict()
    text = json.dumps(data)  # no custom encoder needed
    assert json.loads(text) == data
    assert data["fee"] == "250.00"
    assert data["patient_amount"] == "5.00"
    assert data["primary_insurer_amount"] == "200.00"
    assert data["secondary_insurer_amount"] == "45.00"
    assert data["visit_type"] == "CONSULTATION"
    assert data["service_date"] == "2025-06-15"
    assert data["primary"]["network_tier"] == "IN_NETWORK"
    assert data["secondary"]["secondary_pays"] == "45.00"
    assert data["cob_applied"] is True
    assert data["preauth"]["status"] == "REQUIRED_NOT_SUBMITTED"
    assert data["allowed_actions"] == sorted(data["allowed_actions"])
    assert "COLLECT" not in data["allowed_actions"]
    assert data["explanation"] == [str(line) for line in result.explanation]
    assert data["self_pay_reason"] is None
    self_pay = quote(make()).to_dict()
    assert self_pay["self_pay_reason"] == "NO_INSURANCE"
    assert self_pay["primary"] is None and self_pay["deductible"] is None


def test_actions_are_plain_strings():
    result = quote(make())
    assert "COLLECT" in result.allowed_actions
    assert "WAIVE" not in result.allowed_actions


def test_quote_does_not_depend_on_policy_order():
    a = quote(make(policies=(pol(), sec(copay_pct="10"))))
    b = quote(make(policies=(sec(copay_pct="10"), pol())))
    assert a == b


@pytest.mark.parametrize(
    "inp",
    [
        make(fee="-1.00"),
        make(policies=(pol(copay_pct="120"),)),
        make(policies=(pol(copay_pct="-5"),)),
        make(policies=(pol(rule=rule(copay_pct="101")),)),
        make(policies=(pol(annual_deductible="-10.00"),)),
        make(policies=(pol(copay_used="-1.00", annual_copay_max="100.00"),)),
        make(vat="1.5"),
        make(prescriptions=(rx("A", -1, "10.00"),)),
        make(prescriptions=(rx("A", 1, "-10.00"),)),
    ],
    ids=["negative_fee", "pct_over_100", "pct_negative", "rule_pct_over_100",
         "negative_deductible", "negative_copay_used", "vat_rate_over_1", "negative_qty",
         "negative_price"],
)
def test_invalid_inputs_are_refused(inp):
    with pytest.raises(ValidationError):
        quote(inp)


def test_float_money_is_refused():
    inp = dataclasses.replace(make(), charge=ChargeInput("x", None, "x", 250.0, D("0")))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        quote(inp)
