"""The copay quote: DESIGN.md "Copay quote (the order of the rules)", as one pure function.

:func:`quote` takes a :class:`QuoteInput` (built by the service layer from the database)
and returns an immutable :class:`CopayQuote`. No clock (the service date is an input), no
I/O, no Qt, no SQL. Every money figure is rounded to 0.01 AED half-up at the step that
produces it, and the three shares are derived by subtraction, so
``patient + primary + secondary == fee`` holds exactly whatever the rounding did.

Each rule that applies adds one sentence to ``explanation``, in the order of the rules,
so the receptionist, the auditor and a test read the same account of the amount.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from app.domain.copay.cob import CobInput, CobMethod, cob_method_name, seed_cob
from app.domain.copay.model import (
    FALLBACK_FEE,
    AnnualCopayInfo,
    CapSource,
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
    PrimaryBreakdown,
    QuoteInput,
    SecondaryBreakdown,
    SelfPayReason,
)
from app.domain.enums import (
    DataSource,
    Gender,
    NetworkTier,
    PreAuthRequestStatus,
    PreAuthStatus,
    VerificationStatus,
    VisitType,
)
from app.domain.errors import ValidationError
from app.domain.messages import N_, Money, Msg, messages
from app.domain.money import HUNDRED, ZERO, pct_of, q, vat_included
from app.domain.visits import visit_type_name

M = messages(__name__)

DEFAULT_COPAY_PCT = Decimal("20.00")
OON_FLOOR_PCT = Decimal("40.00")
FULL_PCT = Decimal("100.00")
_PCT_STEP = Decimal("0.01")

# Fixed sentences: catalogue entries (N_), shown translated with tr() by the UI.
EMERGENCY_PREAUTH_REASON = N_("Emergency: pre-authorisation waived (UAE regulation)")
PHARMACY_DISCLAIMER = N_("Pharmacy copay is estimated and collected separately at the pharmacy")

_CHARGE_CODES = {
    VisitType.CONSULTATION: "initial_consultation",
    VisitType.FOLLOW_UP: "follow_up",
    VisitType.EMERGENCY: "emergency_consult",
}

# Plain words for the explanation's eligibility line (issue 11: it showed "MOCK_DATA").
_DATA_SOURCE_TEXT = {
    DataSource.DHA_LIVE: M("source_live", "verified with DHA eClaimLink"),
    DataSource.DHA_SANDBOX: M("source_sandbox",
                              "checked against the DHA test environment, not a live check"),
    DataSource.MOCK_DATA: M("source_mock", "SIMULATED on this computer, not a real DHA check"),
    DataSource.CACHED_DB: M("source_cached",
                            "taken from the last saved check, not verified in real time"),
    DataSource.NOT_CONFIGURED: M("source_not_configured", "DHA is not set up, so the insurance "
                                 "card must be checked by hand"),
}

# Pre-auth states in which the desk must not take the money without an override (GAP 1: red).
_BLOCKING = frozenset({PreAuthStatus.DENIED, PreAuthStatus.REQUIRED_NOT_SUBMITTED})


def charge_code_for(visit_type: VisitType, *, is_emergency: bool = False) -> str:
    """The charge-master code for a visit (DESIGN rule 1).

    An appointment flagged as an emergency bills as ``emergency_consult`` whatever type it
    was booked as, in line with it following the emergency rules.
    """
    if is_emergency:
        return _CHARGE_CODES[VisitType.EMERGENCY]
    return _CHARGE_CODES[VisitType(visit_type)]


def out_of_network_pct(pct: Decimal) -> Decimal:
    """Seed 004: out of network the copay is "doubled or capped at 40%":
    ``min(2p, max(p, 40))`` — 10→20, 20→40, 30→40, 50→50."""
    return min(pct * 2, max(pct, OON_FLOOR_PCT))


# --------------------------------------------------------------------------------------------
# Input checks: the database constrains these too, but a quote must never be built on
# nonsense, and a float must never reach money arithmetic.
# --------------------------------------------------------------------------------------------


def _label(field: str) -> Msg:
    """An input's name (an N_ catalogue entry) inside a message, translated."""
    return Msg("engine.field", field)


def _money(value: Decimal, field: str) -> Decimal:
    amount = q(value)  # refuses floats (TypeError): they have already lost fils
    if amount < 0:
        raise ValidationError(M("field_negative", "{field} cannot be negative.",
                                field=_label(field)), field=field)
    return amount


def _opt_money(value: Decimal | None, field: str) -> Decimal | None:
    return None if value is None else _money(value, field)


def _pct(value: Decimal | None, field: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float):
        raise TypeError("percentages must never be floats")
    pct = Decimal(value).quantize(_PCT_STEP, rounding=ROUND_HALF_UP)
    if not ZERO <= pct <= FULL_PCT:
        raise ValidationError(M("field_between", "{field} must be between 0 and 100.",
                                field=_label(field)), field=field)
    return pct


def _visit(visit_type: VisitType) -> Msg:
    """The visit type's name inside a sentence (a catalogue entry: app/domain/visits.py)."""
    return Msg("engine.visit", visit_type_name(visit_type))


def _pct_text(pct: Decimal) -> str:
    return f"{format(pct.normalize(), 'f')}%"


def _positive(value: Decimal | None) -> Decimal | None:
    """Caps and overrides of 0 mean "not set" (the seed's ``cap > 0``)."""
    return value if value is not None and value > 0 else None


# --------------------------------------------------------------------------------------------
# Per-policy terms (used for the primary and the secondary alike)
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class _Terms:
    policy: PolicyInput
    rule: PayerRuleInput | None
    restricted: bool
    restriction_reason: str | None
    pct_base: Decimal
    pct_applied: Decimal
    pct_source: CopayPctSource
    lines: tuple[Msg, ...]  # restriction / copay % / out-of-network sentences, in order


def _age_text(rule: PayerRuleInput) -> Msg:
    if rule.min_age is not None and rule.max_age is not None:
        return M("ages_between", "ages {low}–{high}", low=rule.min_age, high=rule.max_age)
    if rule.min_age is not None:
        return M("ages_over", "ages {low} and over", low=rule.min_age)
    return M("ages_up_to", "ages up to {high}", high=rule.max_age)


def _terms(policy: PolicyInput, inp: QuoteInput, role: str) -> _Terms:
    """Restriction, copay % and out-of-network rule of one policy (DESIGN rules 3 and 4).
    ``role`` is "Primary" or "Secondary"."""
    rule = policy.rule
    lines: list[Msg] = []
    primary = role == "Primary"
    restriction: Msg | None = None
    if rule is not None:
        has_age_limits = rule.min_age is not None or rule.max_age is not None
        if has_age_limits and inp.patient_age is None:
            # No date of birth on file: we cannot prove the patient is outside the rule, and
            # refusing cover on missing data would overcharge; say so instead.
            lines.append(M("age_unknown", "Payer rule {rule} covers {ages} but the patient's age "
                           "is unknown: age limit not checked", rule=rule.source,
                           ages=_age_text(rule)))
        elif has_age_limits and inp.patient_age is not None and (
            (rule.min_age is not None and inp.patient_age < rule.min_age)
            or (rule.max_age is not None and inp.patient_age > rule.max_age)
        ):
            restriction = M("age_restricted", "payer rule {rule} covers {ages} only; patient "
                            "is {age}", rule=rule.source, ages=_age_text(rule),
                            age=inp.patient_age)
        if restriction is None and rule.gender is not None and inp.patient_gender != rule.gender:
            restriction = M("gender_restricted", "payer rule {rule} covers {gender} patients "
                            "only; patient is {patient}", rule=rule.source,
                            gender=_gender(rule.gender), patient=_gender(inp.patient_gender))
    if restriction is not None:
        lines.append(M("primary_pays_nothing", "Primary {payer} pays nothing: {restriction}",
                       payer=policy.payer_name, restriction=restriction) if primary else
                     M("secondary_pays_nothing", "Secondary {payer} pays nothing: {restriction}",
                       payer=policy.payer_name, restriction=restriction))
        return _Terms(policy, rule, True, str(restriction), FULL_PCT, FULL_PCT,
                      CopayPctSource.RESTRICTED, tuple(lines))

    rule_pct = _pct(rule.copay_pct, N_("Payer rule copay %")) if rule is not None else None
    policy_pct = _pct(policy.copay_pct, N_("Policy copay %"))
    payer_pct = _pct(policy.payer_default_copay_pct, N_("Payer default copay %"))
    # "Copay 20% …" for the primary, "Secondary copay 20% …" for the secondary.
    prefix = (M("copay", "Copay") if primary else
              M("secondary_copay", "Secondary copay"))
    if rule_pct is not None and rule is not None:
        base, source = rule_pct, CopayPctSource.PAYER_RULE
        lines.append(M("pct_from_rule", "{prefix} {pct} from payer rule {rule}", prefix=prefix,
                       pct=_pct_text(base), rule=rule.source))
    elif policy_pct is not None:
        base, source = policy_pct, CopayPctSource.POLICY
        lines.append(M("pct_from_policy", "{prefix} {pct} from policy {policy}", prefix=prefix,
                       pct=_pct_text(base), policy=policy.policy_number))
    elif payer_pct is not None:
        base, source = payer_pct, CopayPctSource.PAYER_DEFAULT
        lines.append(M("pct_payer_default", "{prefix} {pct}: {payer}'s default", prefix=prefix,
                       pct=_pct_text(base), payer=policy.payer_name))
    else:
        base, source = DEFAULT_COPAY_PCT, CopayPctSource.DEFAULT
        lines.append(M("pct_standard_default", "{prefix} {pct}: standard default (no rule, "
                       "policy or payer %)", prefix=prefix, pct=_pct_text(base)))

    applied = base
    if policy.network_tier is NetworkTier.OUT_OF_NETWORK:
        applied = out_of_network_pct(base)
        label = (M("out_of_network", "Out-of-network") if primary else
                 M("secondary_out_of_network", "Secondary out-of-network"))
        if applied != base:
            lines.append(M("oon_raised", "{label}: copay {base} → {applied}", label=label,
                           base=_pct_text(base), applied=_pct_text(applied)))
        else:
            lines.append(M("oon_stays", "{label}: copay stays {base} (already at least "
                           "{floor})", label=label, base=_pct_text(base),
                           floor=_pct_text(OON_FLOOR_PCT)))
    return _Terms(policy, rule, False, None, base, applied, source, tuple(lines))


# --------------------------------------------------------------------------------------------
# Policy selection (DESIGN rule 2)
# --------------------------------------------------------------------------------------------


def _in_force(policy: PolicyInput, day: dt.date) -> bool:
    return policy.effective_date <= day and (
        policy.expiry_date is None or day <= policy.expiry_date
    )


def _rejected(policy: PolicyInput) -> bool:
    """An administrator rejected it at manual verification: it covers nothing (as the
    eligibility cross-check treats it) until verified again or reset."""
    return policy.verification_status is VerificationStatus.REJECTED


def _pick(policies: list[PolicyInput], priority: int) -> PolicyInput | None:
    """The policy at ``priority``. The database allows one active policy per priority; if
    two ever arrive, the most recently effective one wins, deterministically."""
    candidates = [p for p in policies if p.priority == priority]
    if not candidates:
        return None
    return max(candidates, key=lambda p: (p.effective_date, p.insurance_id))


def _policy_name(policy: PolicyInput) -> Msg:
    return M("policy_name", "{payer} policy {number}", payer=policy.payer_name,
             number=policy.policy_number)


# Words inside sentences, lower-cased as the English always had them; catalogue entries (N_).
_GENDER_WORDS = {Gender.MALE: N_("male"), Gender.FEMALE: N_("female"), Gender.OTHER: N_("other")}
_VISIT_WORDS = {VisitType.CONSULTATION: N_("consultation"),
                VisitType.FOLLOW_UP: N_("follow-up consultation"),
                VisitType.EMERGENCY: N_("emergency consultation")}


def _gender(gender: Any) -> Msg:
    """"male"/"female" inside a sentence (the enum's value, lower-cased, as before)."""
    return Msg("engine.gender", _GENDER_WORDS.get(gender, str(gender.value).lower()))


def _policy_fields(policy: PolicyInput, terms: _Terms) -> dict[str, Any]:
    """The PolicyBreakdown fields, for either breakdown."""
    return dict(
        insurance_id=policy.insurance_id,
        payer_id=policy.payer_id,
        payer_name=policy.payer_name,
        payer_code=policy.payer_code,
        plan_name=policy.plan_name,
        policy_number=policy.policy_number,
        network_tier=policy.network_tier,
        rule_source=terms.rule.source if terms.rule is not None else None,
        restricted=terms.restricted,
        restriction_reason=terms.restriction_reason,
        copay_pct_base=terms.pct_base,
        copay_pct_applied=terms.pct_applied,
        copay_pct_source=terms.pct_source,
    )


# --------------------------------------------------------------------------------------------
# Primary share (DESIGN rules 5–8)
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class _PrimaryResult:
    breakdown: PrimaryBreakdown
    deductible: DeductibleInfo
    per_visit_cap: PerVisitCapInfo
    annual_copay: AnnualCopayInfo
    lines: tuple[Msg, ...]


def _primary(terms: _Terms, fee: Decimal) -> _PrimaryResult:
    policy = terms.policy
    lines: list[Msg] = []

    # Rule 5: deductible. 0 or missing means the policy has none.
    annual_ded = _opt_money(policy.annual_deductible, N_("Annual deductible"))
    ded_used = _money(policy.deductible_used, N_("Deductible used"))
    has_ded = annual_ded is not None and annual_ded > 0
    ded_remaining = (
        max(ZERO, annual_ded - ded_used) if annual_ded is not None and has_ded else ZERO
    )

    # Per-visit cap: the payer rule's cap wins over the policy's, 0 meaning "none".
    rule_cap = _positive(_opt_money(terms.rule.copay_cap_per_visit, N_("Rule per-visit cap"))
                         if terms.rule is not None else None)
    policy_cap = _positive(_opt_money(policy.copay_cap_per_visit, N_("Policy per-visit cap")))
    visit_cap, cap_source = (
        (rule_cap, CapSource.PAYER_RULE) if rule_cap is not None
        else (policy_cap, CapSource.POLICY) if policy_cap is not None
        else (None, None)
    )

    # Rule 7's cap, 0 meaning "not set" like the other caps.
    annual_cap = _positive(_opt_money(policy.annual_copay_max, N_("Annual copay maximum")))
    copay_used = _money(policy.copay_used, N_("Copay used"))
    annual_remaining = max(ZERO, annual_cap - copay_used) if annual_cap is not None else None

    if terms.restricted:
        # Rule 3: the payer does not cover this patient for this code; nothing accrues to
        # its deductible or copay ledgers because it is not a covered service.
        d = c0 = c1 = c = ZERO
        share = fee
        lines.append(M("primary_not_covered", "Primary {policy} pays {paid}; patient share "
                       "{share} (not covered)", policy=_policy_name(policy), paid=Money(ZERO),
                       share=Money(share)))
    else:
        d = min(fee, ded_remaining)
        if has_ded and annual_ded is not None:
            if ded_remaining == 0:
                lines.append(M("deductible_met", "Deductible {annual} already met for this year",
                               annual=Money(annual_ded)))
            else:
                lines.append(M("deductible_applied", "Deductible: {applied} applied ({left} of "
                               "{annual} left this year)", applied=Money(d),
                               left=Money(ded_remaining), annual=Money(annual_ded)))
        # Rule 6: coinsurance on what the deductible left. pct_of rounds half-up; with
        # p' <= 100 it can never exceed F - d, which keeps the insurer's share >= 0.
        c0 = pct_of(fee - d, terms.pct_applied)
        lines.append(M("coinsurance", "Coinsurance: {pct} of {base} = {copay}",
                       pct=_pct_text(terms.pct_applied), base=Money(fee - d), copay=Money(c0)))
        c1 = c0
        if visit_cap is not None:
            c1 = min(c0, visit_cap)
            who = (M("cap_by_rule", "payer rule") if cap_source is CapSource.PAYER_RULE
                   else M("cap_by_policy", "policy"))
            if c1 != c0:
                lines.append(M("visit_cap_applied", "Per-visit cap {cap} ({who}): copay {before} "
                               "→ {after}", cap=Money(visit_cap), who=who, before=Money(c0),
                               after=Money(c1)))
            else:
                lines.append(M("visit_cap_not_reached", "Per-visit cap {cap} ({who}) not reached",
                               cap=Money(visit_cap), who=who))
        # Rule 7: the annual copay maximum covers the coinsurance, not the deductible.
        c = c1
        if annual_cap is not None and annual_remaining is not None:
            c = min(c1, annual_remaining)
            if annual_remaining == 0:
                lines.append(M("annual_cap_reached", "Annual copay cap {cap} reached ({used} "
                               "paid this year): no copay required", cap=Money(annual_cap),
                               used=Money(copay_used)))
            elif c != c1:
                lines.append(M("annual_cap_applied", "Annual copay cap {cap}: only {left} left "
                               "this year, copay {before} → {after}", cap=Money(annual_cap),
                               left=Money(annual_remaining), before=Money(c1), after=Money(c)))
            else:
                lines.append(M("annual_cap_left", "Annual copay cap {cap}: {left} left this year",
                               cap=Money(annual_cap), left=Money(annual_remaining)))
        share = d + c
        lines.append(M("primary_pays", "Primary {policy} pays {paid}; patient share {share} "
                       "(deductible {deductible} + copay {copay})", policy=_policy_name(policy),
                       paid=Money(fee - share), share=Money(share), deductible=Money(d),
                       copay=Money(c)))

    insurer = fee - share
    coverage = (insurer * HUNDRED / fee).quantize(_PCT_STEP, rounding=ROUND_HALF_UP) \
        if fee > 0 else ZERO
    breakdown = PrimaryBreakdown(
        **_policy_fields(policy, terms),
        coinsurance_before_caps=c0,
        deductible_portion=d,
        copay_portion=c,
        patient_share=share,
        insurer_pays=insurer,
        coverage_pct=coverage,
    )
    deductible = DeductibleInfo(
        annual=annual_ded,
        used=ded_used,
        remaining=ded_remaining,
        applied=d,
        remaining_after=ded_remaining - d,
        met_for_year=has_ded and ded_remaining == 0,
    )
    per_visit = PerVisitCapInfo(cap=visit_cap, source=cap_source, applied=c1 != c0)
    annual = AnnualCopayInfo(
        cap=annual_cap,
        used=copay_used,
        remaining=annual_remaining,
        remaining_after=annual_remaining - c if annual_remaining is not None else None,
        reached=annual_remaining is not None and annual_remaining == 0,
        limited_by_cap=c != c1,
    )
    return _PrimaryResult(breakdown, deductible, per_visit, annual, tuple(lines))


# --------------------------------------------------------------------------------------------
# Pre-authorisation (DESIGN rule 10)
# --------------------------------------------------------------------------------------------


def _preauth(inp: QuoteInput, primary: PolicyInput | None, cpt: str | None,
             emergency: bool) -> PreAuthInfo:
    def info(status: PreAuthStatus, reason: Msg, *, required: bool = False,
             number: str | None = None, request_id: int | None = None) -> PreAuthInfo:
        blocking = status in _BLOCKING
        overridden = blocking and inp.preauth_overridden
        return PreAuthInfo(status, str(reason), number, request_id, required,
                           blocks_collection=blocking and not overridden, overridden=overridden,
                           reason_msg=reason)

    if primary is None:
        return info(PreAuthStatus.NOT_REQUIRED, M("preauth_self_pay", "Self-pay: no insurer "
                                                  "pre-authorisation needed"))
    if emergency:
        # The constant is a catalogue entry of its own (N_): a Msg with it as text translates.
        return info(PreAuthStatus.NOT_REQUIRED, Msg("engine.emergency", EMERGENCY_PREAUTH_REASON))
    rule = primary.rule
    by_payer = primary.payer_preauth_required
    by_rule = rule is not None and rule.requires_preauth
    if not (by_payer or by_rule):
        return info(PreAuthStatus.NOT_REQUIRED, M("preauth_not_required",
                                                  "Pre-authorisation not required"))
    why = (M("by_rule", "payer rule {rule}", rule=rule.source) if by_rule and rule is not None
           else f"{primary.payer_name}")
    code = M("cpt", "CPT {cpt}", cpt=cpt) if cpt else M("this_visit", "this visit")
    # Only requests made under this policy: an approval from a previous insurer says
    # nothing about the one on file now.
    matching = [r for r in inp.preauth_requests if r.cpt_code == cpt
                and r.insurance_id in (None, primary.insurance_id)]
    # The latest request decides: a new request supersedes an earlier denial. A cancelled
    # latest request is as good as none (it must not revive an older approval).
    latest = max(matching, key=lambda r: r.request_id) if matching else None
    if latest is None or latest.status is PreAuthRequestStatus.CANCELLED:
        return info(PreAuthStatus.REQUIRED_NOT_SUBMITTED,
                    M("preauth_missing", "Pre-authorisation required by {why} for {code}; none "
                      "submitted", why=why, code=code),
                    required=True, request_id=latest.request_id if latest else None)
    if latest.status is PreAuthRequestStatus.APPROVED:
        approved = (M("preauth_approved_number", "Pre-authorisation for {code} approved (number "
                      "{number})", code=code, number=latest.preauth_number)
                    if latest.preauth_number else
                    M("preauth_approved", "Pre-authorisation for {code} approved", code=code))
        return info(PreAuthStatus.APPROVED, approved, required=True,
                    number=latest.preauth_number, request_id=latest.request_id)
    if latest.status is PreAuthRequestStatus.PENDING:
        return info(PreAuthStatus.PENDING,
                    M("preauth_pending", "Pre-authorisation for {code} submitted (request "
                      "#{request}), awaiting approval", code=code, request=latest.request_id),
                    required=True, number=latest.preauth_number,
                    request_id=latest.request_id)
    return info(PreAuthStatus.DENIED,
                M("preauth_denied", "Pre-authorisation for {code} denied (request #{request})",
                  code=code, request=latest.request_id),
                required=True, number=latest.preauth_number, request_id=latest.request_id)


def _actions(self_pay: bool, preauth: PreAuthInfo) -> frozenset[CopayAction]:
    A = CopayAction
    if self_pay:
        # Seed 004 §2: waive is never offered to a self-pay patient.
        return frozenset({A.COLLECT, A.DEFER})
    actions = {A.DEFER, A.WAIVE, A.CONVERT_TO_SELFPAY}
    if not preauth.blocks_collection:
        actions.add(A.COLLECT)  # an amount of 0 is collectable: it records the check-in
    else:
        actions.add(A.PREAUTH_OVERRIDE)
    if preauth.status in _BLOCKING:
        actions.add(A.REQUEST_PREAUTH)
    return frozenset(actions)


def _secondary(policy: PolicyInput, inp: QuoteInput, fee: Decimal, s1: Decimal,
               primary_paid: Decimal, cob_method: CobMethod,
               ) -> tuple[SecondaryBreakdown, list[Msg]]:
    """DESIGN rule 9: the secondary's own restriction, copay % and out-of-network rule,
    then the COB method on the primary patient share ``s1``."""
    terms = _terms(policy, inp, "Secondary")
    lines = list(terms.lines)
    if terms.rule is not None and _positive(terms.rule.price_override):
        lines.append(M("secondary_override_ignored", "Secondary payer rule {rule} price "
                       "override ignored: the primary's fee stands", rule=terms.rule.source))
    how: str | Msg
    if terms.restricted:
        pays = ZERO
        how = M("cob_not_covered", "pays {amount} (not covered)", amount=Money(ZERO))
    else:
        cob = cob_method(CobInput(fee=fee, primary_patient_share=s1, primary_paid=primary_paid,
                                  copay_pct=terms.pct_applied))
        # Whatever the method says, the secondary pays between 0 and s1, in fils; the
        # patient's part is the difference, so the shares still add up to the fee.
        pays = min(max(q(cob.pays), ZERO), s1)
        how = cob.explanation
    patient = s1 - pays
    lines.append(M("secondary_cob", "Secondary {policy} (COB): {how}; patient pays {patient}",
                   policy=_policy_name(policy), how=how, patient=Money(patient)))
    breakdown = SecondaryBreakdown(
        **_policy_fields(policy, terms),
        cob_method=cob_method_name(cob_method),
        applied_to=s1,
        secondary_pays=pays,
        patient_share=patient,
    )
    return breakdown, lines


def _pharmacy(inp: QuoteInput, fee: Decimal, patient: Decimal,
              nominal_pct: Decimal) -> PharmacyEstimate:
    """DESIGN rule 12 (GAP 6): active prescriptions x price x the patient's share of this
    visit. A free visit (F = 0) says nothing about the split, so it uses ``nominal_pct``
    (the copay percentages: 100 for self-pay, p1' x p2' with a secondary)."""
    total = ZERO
    for rx in inp.prescriptions:
        if rx.quantity < 0:
            raise ValidationError(M("prescription_quantity_negative", "Prescription quantity "
                                    "cannot be negative."), field="quantity")
        total += q(rx.quantity * _money(rx.unit_price, N_("Drug price")))
    if fee > 0:
        share_pct = (patient * HUNDRED / fee).quantize(_PCT_STEP, rounding=ROUND_HALF_UP)
        # The exact ratio, not the rounded percentage: one rounding, at the end.
        estimate = q(total * patient / fee)
    else:
        share_pct = nominal_pct.quantize(_PCT_STEP, rounding=ROUND_HALF_UP)
        estimate = q(total * share_pct / HUNDRED)
    return PharmacyEstimate(
        count=len(inp.prescriptions),
        total_cost=total,
        patient_share_pct=share_pct,
        patient_estimate=estimate,
        disclaimer=PHARMACY_DISCLAIMER,
    )


# --------------------------------------------------------------------------------------------
# The quote
# --------------------------------------------------------------------------------------------


def quote(inp: QuoteInput, *, cob_method: CobMethod = seed_cob) -> CopayQuote:
    """Quote the copay for one appointment (DESIGN "Copay quote", rules 1–12)."""
    lines: list[Msg] = []
    emergency = inp.is_emergency or inp.visit_type is VisitType.EMERGENCY

    # Rule 1: visit type -> charge code -> fee.
    if inp.charge is not None:
        charge_code = inp.charge.code
        cpt = inp.charge.cpt_code
        description: str | None = inp.charge.description
        base_fee = _money(inp.charge.fee, N_("Fee"))
        if isinstance(inp.charge.vat_rate, float):
            raise TypeError("VAT rate must never be a float")
        vat_rate = Decimal(inp.charge.vat_rate)
        if not ZERO <= vat_rate < 1:
            raise ValidationError(M("vat_rate_between", "VAT rate must be between 0 and 1."),
                                  field="vat_rate")
        fee_source = FeeSource.CHARGE_MASTER
        visit = _visit(inp.visit_type)
        what = description or visit
        lines.append(M("fee_charge_master_cpt", "{visit}: fee {fee} from the charge master "
                       "({what}, CPT {cpt})", visit=visit, fee=Money(base_fee), what=what,
                       cpt=cpt) if cpt else
                     M("fee_charge_master", "{visit}: fee {fee} from the charge master ({what})",
                       visit=visit, fee=Money(base_fee), what=what))
    else:
        charge_code = charge_code_for(inp.visit_type, is_emergency=inp.is_emergency)
        cpt = None
        description = None
        base_fee = FALLBACK_FEE
        vat_rate = ZERO  # no charge row, no VAT rate to apply: charge none rather than guess
        fee_source = FeeSource.FALLBACK
        lines.append(M("fee_fallback", "No charge-master price for a {visit}: standard fee {fee}",
                       visit=Msg("engine.visit", _VISIT_WORDS.get(
                           inp.visit_type, visit_type_name(inp.visit_type).lower())),
                       fee=Money(FALLBACK_FEE)))
    if emergency:
        lines.append(M("emergency", "Emergency visit: emergency rules apply"))

    # Rule 2: which policies count on the service date.
    day = inp.service_date
    # Sorted so that nothing, not even the explanation, depends on the order of the input.
    usable = sorted((p for p in inp.policies if _in_force(p, day) and not _rejected(p)),
                    key=lambda p: (p.priority, p.insurance_id))
    primary = _pick(usable, 1)
    secondary = _pick(usable, 2) if primary is not None else None
    self_pay_reason: SelfPayReason | None = None
    if inp.converted_to_self_pay:
        self_pay_reason = SelfPayReason.CONVERTED
        lines.append(M("converted_self_pay", "Converted to self-pay at the desk: insurance not "
                       "used"))
    elif primary is None:
        rejected = [p for p in inp.policies if p.priority == 1 and _in_force(p, day)
                    and _rejected(p)]
        expired = [p for p in inp.policies if p.priority == 1 and p.expiry_date is not None
                   and p.expiry_date < day]
        future = [p for p in inp.policies if p.priority == 1 and p.effective_date > day]
        for p in sorted(expired, key=lambda p: (p.expiry_date or day, p.insurance_id)):
            lines.append(M("policy_expired", "Policy {number} ({payer}) expired on {day}",
                           number=p.policy_number, payer=p.payer_name,
                           day=p.expiry_date.isoformat() if p.expiry_date else ""))
        for p in sorted(future, key=lambda p: (p.effective_date, p.insurance_id)):
            lines.append(M("policy_future", "Policy {number} ({payer}) is not effective until "
                           "{day}", number=p.policy_number, payer=p.payer_name,
                           day=p.effective_date.isoformat()))
        for p in sorted(rejected, key=lambda p: p.insurance_id):
            lines.append(M("policy_rejected", "{policy} was rejected at manual verification: "
                           "not used", policy=_policy_name(p)))
        self_pay_reason = (SelfPayReason.REJECTED if rejected else
                           SelfPayReason.EXPIRED if expired else SelfPayReason.NO_INSURANCE)
        if not expired and not rejected:
            lines.append(M("no_primary", "No active primary insurance"))
        for p in usable:  # a secondary alone is not promoted: seed 004 §7 checkpoint 3
            lines.append(M("no_primary_for", "{policy} (priority {priority}) not used without "
                           "an active primary", policy=_policy_name(p), priority=p.priority))
    is_self_pay = self_pay_reason is not None
    if is_self_pay:
        primary = secondary = None
    else:
        for p in inp.policies:
            if p.priority == 2 and _in_force(p, day) and _rejected(p):
                lines.append(M("secondary_rejected", "Secondary {policy} was rejected at "
                               "manual verification: not used", policy=_policy_name(p)))

    # Rules 3–4 for the primary, before the fee: a restricted rule's price override does
    # not apply, because the payer is not covering the service at all.
    p_terms = _terms(primary, inp, "Primary") if primary is not None else None
    fee = base_fee
    if p_terms is not None and not p_terms.restricted and p_terms.rule is not None:
        override = _positive(_opt_money(p_terms.rule.price_override, N_("Price override")))
        if override is not None:
            fee = override
            fee_source = FeeSource.PAYER_PRICE_OVERRIDE
            lines.append(M("price_override", "Payer rule {rule} price override: fee {before} → "
                           "{after}", rule=p_terms.rule.source, before=Money(base_fee),
                           after=Money(fee)))

    secondary_info: SecondaryBreakdown | None = None
    result: _PrimaryResult | None = None
    primary_amount = secondary_amount = ZERO
    if p_terms is None:
        patient = fee
        lines.append(M("self_pay", "Self-pay: patient pays {fee}", fee=Money(fee)))
    else:
        lines.extend(p_terms.lines)
        result = _primary(p_terms, fee)
        lines.extend(result.lines)
        s1 = result.breakdown.patient_share
        primary_amount = result.breakdown.insurer_pays
        patient = s1
        # Rule 9: the secondary applies its own terms to what the primary left.
        if secondary is not None:
            secondary_info, sec_lines = _secondary(secondary, inp, fee, s1, primary_amount,
                                                   cob_method)
            lines.extend(sec_lines)
            secondary_amount = secondary_info.secondary_pays
            patient = secondary_info.patient_share
        for p in usable:
            if p.priority > 2:
                lines.append(M("priority_not_used", "{policy} (priority {priority}) not used: the "
                               "quote coordinates a primary and a secondary only",
                               policy=_policy_name(p), priority=p.priority))

    # Rule 10: pre-authorisation.
    preauth = _preauth(inp, primary, cpt, emergency)
    if not is_self_pay:
        lines.append(preauth.reason_msg or Msg("engine.preauth", "{text}", {"text": preauth.reason}))
        if preauth.overridden:
            lines.append(M("preauth_overridden", "Pre-authorisation override recorded: "
                           "collection allowed"))

    # Rule 11: data source passes through.
    lines.append(M("eligibility_source", "Insurance eligibility: {source}",
                   source=_DATA_SOURCE_TEXT[inp.data_source]))

    # Rule 12: pharmacy estimate, information only, at the patient's share of this visit.
    if p_terms is None:
        nominal = FULL_PCT
    else:
        nominal = p_terms.pct_applied
        if secondary_info is not None and not secondary_info.restricted:
            nominal = nominal * secondary_info.copay_pct_applied / HUNDRED
    pharmacy = _pharmacy(inp, fee, patient, nominal)
    if pharmacy.count:
        lines.append(M("pharmacy", "Pharmacy estimate: {count} prescription(s), {total} × {pct} = "
                       "{estimate} (collected at the pharmacy)", count=pharmacy.count,
                       total=Money(pharmacy.total_cost),
                       pct=_pct_text(pharmacy.patient_share_pct),
                       estimate=Money(pharmacy.patient_estimate)))

    # VAT: amounts are VAT-inclusive; show what is inside the fee and the patient amount.
    fee_vat = vat_included(fee, vat_rate)
    vat_amount = vat_included(patient, vat_rate)
    if vat_rate > 0:
        lines.append(M("vat", "VAT {pct} included: {fee_vat} in the fee, {vat} in the patient "
                       "amount", pct=_pct_text(vat_rate * HUNDRED), fee_vat=Money(fee_vat),
                       vat=Money(vat_amount)))

    deposit = q(inp.deposit_balance)
    deposit_covers = deposit >= patient
    if deposit > 0:
        lines.append(M("deposit_covers", "Deposit balance {deposit} covers the patient amount",
                       deposit=Money(deposit)) if deposit_covers else
                     M("deposit_short", "Deposit balance {deposit} does not cover the patient "
                       "amount", deposit=Money(deposit)))

    # The invariant the database also checks (copay_payments.shares_sum_to_fee). It holds
    # by construction; checked anyway, and not with assert, which python -O would strip.
    if patient + primary_amount + secondary_amount != fee or min(
        patient, primary_amount, secondary_amount
    ) < 0:
        raise RuntimeError(f"copay shares do not add up to the fee {fee}")

    if result is not None:
        top_base = result.breakdown.copay_pct_base
        top_applied = result.breakdown.copay_pct_applied
        top_source = result.breakdown.copay_pct_source
    else:
        top_base = top_applied = FULL_PCT
        top_source = CopayPctSource.SELF_PAY

    return CopayQuote(
        appointment_id=inp.appointment_id,
        service_date=inp.service_date,
        visit_type=inp.visit_type,
        is_emergency=emergency,
        charge_code=charge_code,
        cpt_code=cpt,
        charge_description=description,
        charge_master_fee=base_fee,
        fee=fee,
        fee_source=fee_source,
        vat_rate=vat_rate,
        fee_vat_amount=fee_vat,
        is_self_pay=is_self_pay,
        self_pay_reason=self_pay_reason,
        network_tier=primary.network_tier if primary is not None else None,
        copay_pct_base=top_base,
        copay_pct_applied=top_applied,
        copay_pct_source=top_source,
        deductible=result.deductible if result else None,
        per_visit_cap=result.per_visit_cap if result else None,
        annual_copay=result.annual_copay if result else None,
        primary=result.breakdown if result else None,
        secondary=secondary_info,
        patient_amount=patient,
        primary_insurer_amount=primary_amount,
        secondary_insurer_amount=secondary_amount,
        vat_amount=vat_amount,
        preauth=preauth,
        data_source=inp.data_source,
        pharmacy=pharmacy,
        total_estimate=patient + pharmacy.patient_estimate,
        deposit_balance=deposit,
        deposit_covers=deposit_covers,
        allowed_actions=_actions(is_self_pay, preauth),
        explanation=tuple(lines),
    )
