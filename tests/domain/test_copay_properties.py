"""Property tests of the copay quote's invariants over random policies, fees, caps and ledgers.

Inputs are decoded from a byte string Hypothesis generates (the fuzzing "data provider"
pattern): one draw per example instead of a hundred, which is what lets the main test run
10,000 examples in a few seconds. Hypothesis still explores and shrinks: a shorter or
smaller byte string decodes to a simpler quote, because a zero byte always means the
first, simplest choice (no rule, no cap, 0.00, priority 1 ...). The falsifying example is
printed as the decoded ``QuoteInput``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.copay import (
    COB_METHODS,
    ChargeInput,
    CobMethod,
    CopayAction,
    CopayQuote,
    PayerRuleInput,
    PolicyInput,
    PreAuthInput,
    PrescriptionInput,
    QuoteInput,
    quote,
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
from app.domain.messages import Msg

T = TypeVar("T")
DAY = dt.date(2025, 6, 15)
CPT = "99203"
ROUND_PCTS = tuple(Decimal(x) for x in ("20", "10", "30", "40", "50", "0", "100", "15", "25"))
GENDERS = tuple(Gender)
TIERS = tuple(NetworkTier)
REQUEST_STATUSES = tuple(PreAuthRequestStatus)
VISITS = tuple(VisitType)
SOURCES = tuple(DataSource)
VAT_RATES = (Decimal("0"), Decimal("0.05"), Decimal("0.0500"))
ZERO = Decimal("0.00")
FIFTY = Decimal("50.00")


class Choices:
    """Reads decisions from bytes. Past the end every decision is 0: the simplest one."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def below(self, n: int) -> int:
        """An integer in 0..n-1, from as few bytes as that needs."""
        if n <= 1:
            return 0
        pos = self.pos
        if n <= 256:  # the common case, one byte: kept fast, 10,000 examples call it often
            self.pos = pos + 1
            return self.data[pos] % n if pos < len(self.data) else 0
        width = (n - 1).bit_length() + 7 >> 3
        chunk = self.data[pos:pos + width]
        self.pos = pos + width
        return int.from_bytes(chunk.ljust(width, b"\0"), "big") % n

    def between(self, lo: int, hi: int) -> int:
        return lo + self.below(hi - lo + 1)

    def flag(self) -> bool:
        return self.below(2) == 1

    def pick(self, options: Sequence[T]) -> T:
        return options[self.below(len(options))]

    def fils(self, max_fils: int) -> Decimal:
        return Decimal(self.below(max_fils + 1)).scaleb(-2)

    def money(self, max_fils: int = 500_000) -> Decimal:
        """0.00, a few dirhams, a realistic amount or anything up to the maximum."""
        kind = self.below(4)
        if kind == 0:
            return ZERO
        return self.fils((1_000, 50_000, max_fils)[kind - 1])

    def maybe_money(self, max_fils: int = 500_000) -> Decimal | None:
        """None, 0.00 ("not set" for caps) or an amount."""
        kind = self.below(3)
        return None if kind == 0 else ZERO if kind == 1 else self.money(max_fils)

    def near(self, target: Decimal | None) -> Decimal:
        """A ledger figure: 0, random, or within a few dirhams of ``target`` (either side),
        so partly used and just-reached caps and deductibles come up often."""
        kind = self.below(3)
        if kind == 0 or target is None:
            return ZERO if kind == 0 else self.money(200_000)
        if kind == 1:
            return self.money(200_000)
        return max(ZERO, target + self.fils(10_000) - FIFTY)

    def pct(self) -> Decimal | None:
        kind = self.below(3)
        if kind == 0:
            return None
        if kind == 1:
            return self.pick(ROUND_PCTS)
        return Decimal(self.below(10_001)).scaleb(-2)

    def age(self) -> int | None:
        return None if self.below(4) == 0 else self.below(101)


def _rule(c: Choices) -> PayerRuleInput | None:
    if c.below(3) == 0:
        return None
    lo, hi = c.age(), c.age()
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return PayerRuleInput(
        source=c.pick((f"CPT {CPT}", "ICD-10 Z00.00")),
        copay_pct=c.pct(),
        copay_cap_per_visit=c.maybe_money(20_000),
        price_override=c.maybe_money(300_000) if c.below(4) == 1 else None,
        min_age=lo if c.flag() else None,
        max_age=hi if c.flag() else None,
        gender=c.pick(GENDERS) if c.below(3) == 1 else None,
        requires_preauth=c.below(3) == 1,
    )


def _policy(c: Choices, insurance_id: int, priority: int) -> PolicyInput:
    # Mostly in force; sometimes expired or not yet effective, to reach the self-pay paths.
    start = DAY - dt.timedelta(days=c.between(-30, 400) if c.below(4) else 30)
    expiry = None if c.below(3) == 0 else start + dt.timedelta(days=c.between(0, 500))
    deductible = c.maybe_money(300_000)
    copay_max = c.maybe_money(300_000)
    return PolicyInput(
        insurance_id=insurance_id,
        payer_id=100 + insurance_id,
        payer_name=f"Payer {insurance_id}",
        payer_code=f"P{insurance_id}",
        plan_name=None,
        policy_number=f"POL-{insurance_id}",
        priority=priority,
        network_tier=c.pick(TIERS),
        copay_pct=c.pct(),
        copay_cap_per_visit=c.maybe_money(20_000),
        annual_deductible=deductible,
        annual_copay_max=copay_max,
        effective_date=start,
        expiry_date=expiry,
        payer_default_copay_pct=c.pct(),
        payer_preauth_required=c.below(3) == 1,
        rule=_rule(c),
        deductible_used=c.near(deductible),
        copay_used=c.near(copay_max),
        # now and then one an administrator rejected: it must drop out, shares still add up
        verification_status=(VerificationStatus.REJECTED if c.below(8) == 0
                             else VerificationStatus.VERIFIED),
    )


POLICY_SETS = ((1,), (1, 2), (), (1,), (1, 2), (2,), (1, 2, 3), (1, 1))


def decode(data: bytes) -> QuoteInput:
    c = Choices(data)
    policies = [_policy(c, i, p) for i, p in enumerate(c.pick(POLICY_SETS), start=1)]
    for i in range(len(policies) - 1, 0, -1):  # Fisher–Yates: the input order is arbitrary
        j = c.below(i + 1)
        policies[i], policies[j] = policies[j], policies[i]
    charge = None if c.below(5) == 1 else ChargeInput(
        "initial_consultation", c.pick((CPT, None)), "Consultation",
        c.money(), c.pick(VAT_RATES))
    requests = tuple(
        PreAuthInput(request_id, c.pick((CPT, "99215", None)),
                     c.pick(REQUEST_STATUSES), c.pick((None, "PA-1")))
        for request_id in sorted({c.between(1, 50) for _ in range(c.below(4))})
    )
    prescriptions = tuple(PrescriptionInput("Drug", c.below(61), c.money(50_000))
                          for _ in range(c.below(4)))
    return QuoteInput(
        appointment_id=1,
        visit_type=c.pick(VISITS),
        service_date=DAY,
        is_emergency=c.below(4) == 1,
        patient_age=c.age(),
        patient_gender=c.pick(GENDERS),
        charge=charge,
        policies=tuple(policies),
        preauth_requests=requests,
        prescriptions=prescriptions,
        data_source=c.pick(SOURCES),
        converted_to_self_pay=c.below(5) == 1,
        preauth_overridden=c.below(3) == 1,
        deposit_balance=c.money(100_000),
    )


QUOTE_INPUTS = st.binary(min_size=0, max_size=320).map(decode)
COB = st.sampled_from(sorted(COB_METHODS.items()))


def _fils(value: Decimal) -> bool:
    return value.as_tuple().exponent == -2


def assert_invariants(q: CopayQuote) -> None:
    patient, pri, secd = q.patient_amount, q.primary_insurer_amount, q.secondary_insurer_amount
    # The shares add up to the fee exactly, none negative, all in fils.
    assert patient + pri + secd == q.fee
    assert patient >= 0 and pri >= 0 and secd >= 0
    for amount in (q.fee, patient, pri, secd, q.vat_amount, q.fee_vat_amount,
                   q.total_estimate, q.pharmacy.total_cost, q.pharmacy.patient_estimate):
        assert _fils(amount), amount
    assert patient <= q.fee
    assert 0 <= q.vat_amount <= patient
    assert q.total_estimate == patient + q.pharmacy.patient_estimate

    if q.is_self_pay:
        assert CopayAction.WAIVE not in q.allowed_actions
        assert patient == q.fee and q.primary is None and q.secondary is None
        assert q.preauth.status is PreAuthStatus.NOT_REQUIRED
    else:
        assert q.primary is not None
        assert CopayAction.WAIVE in q.allowed_actions
        pb = q.primary
        assert pb.insurer_pays == pri
        assert pb.patient_share + pb.insurer_pays == q.fee
        assert q.deductible is not None and q.annual_copay is not None
        assert q.per_visit_cap is not None
        # Deductible: never more than what was left, nor than the fee.
        assert 0 <= pb.deductible_portion <= min(q.deductible.remaining, q.fee)
        if not pb.restricted:
            assert pb.deductible_portion + pb.copay_portion == pb.patient_share
            # Caps never exceeded: the copay portion is within the per-visit cap and
            # within what was left of the annual copay maximum.
            if q.per_visit_cap.cap is not None:
                assert pb.copay_portion <= q.per_visit_cap.cap
            if q.annual_copay.cap is not None:
                assert q.annual_copay.remaining is not None
                assert pb.copay_portion <= q.annual_copay.remaining
                assert q.annual_copay.remaining_after is not None
                assert q.annual_copay.remaining_after >= 0
                if q.annual_copay.reached:
                    assert pb.copay_portion == 0
            assert pb.copay_portion <= pb.coinsurance_before_caps
            # Out of network the patient never pays a smaller percentage, nor over 100%.
            assert pb.copay_pct_base <= pb.copay_pct_applied <= 100
        else:
            assert pb.patient_share == q.fee and pri == 0
        if q.secondary is not None:
            sb = q.secondary
            assert sb.applied_to == pb.patient_share
            assert sb.secondary_pays == secd
            assert 0 <= secd <= pb.patient_share
            assert sb.patient_share == patient
        else:
            assert secd == 0 and patient == pb.patient_share

    # Collection is offered exactly when the pre-auth does not block it.
    assert (CopayAction.COLLECT in q.allowed_actions) == (not q.preauth.blocks_collection)
    if q.is_emergency:
        assert q.preauth.status is PreAuthStatus.NOT_REQUIRED
    if q.preauth.blocks_collection:
        assert q.preauth.status in (PreAuthStatus.DENIED, PreAuthStatus.REQUIRED_NOT_SUBMITTED)
        assert not q.preauth.overridden
    assert q.deposit_covers == (q.deposit_balance >= patient)
    assert q.explanation and all(isinstance(line, Msg) and str(line) for line in q.explanation)


@settings(max_examples=10_000, deadline=None)
@given(QUOTE_INPUTS)
def test_every_quote_keeps_the_invariants(inp: QuoteInput) -> None:
    assert_invariants(quote(inp))


@settings(max_examples=500, deadline=None)
@given(QUOTE_INPUTS, COB)
def test_every_cob_method_keeps_the_invariants(inp: QuoteInput,
                                              method: tuple[str, CobMethod]) -> None:
    name, fn = method
    q = quote(inp, cob_method=fn)
    assert_invariants(q)
    if q.secondary is not None:
        assert q.secondary.cob_method == name


@settings(max_examples=300, deadline=None)
@given(QUOTE_INPUTS)
def test_to_dict_round_trips_through_json(inp: QuoteInput) -> None:
    data = quote(inp).to_dict()
    assert json.loads(json.dumps(data)) == data
    shares = (data["patient_amount"], data["primary_insurer_amount"],
              data["secondary_insurer_amount"])
    assert sum(Decimal(s) for s in shares) == Decimal(data["fee"])
    assert all(len(s.rsplit(".", 1)[1]) == 2 for s in shares)


@settings(max_examples=500, deadline=None)
@given(QUOTE_INPUTS, st.integers(0, 5))
def test_policy_order_does_not_matter(inp: QuoteInput, rotate: int) -> None:
    reordered = list(reversed(inp.policies))
    if reordered:
        k = rotate % len(reordered)
        reordered = reordered[k:] + reordered[:k]
    assert quote(inp) == quote(dataclasses.replace(inp, policies=tuple(reordered)))


@settings(max_examples=500, deadline=None)
@given(QUOTE_INPUTS)
def test_a_secondary_never_raises_the_patient_amount(inp: QuoteInput) -> None:
    without = dataclasses.replace(inp, policies=tuple(p for p in inp.policies if p.priority != 2))
    assert quote(inp).patient_amount <= quote(without).patient_amount


@settings(max_examples=500, deadline=None)
@given(QUOTE_INPUTS)
def test_converting_to_self_pay_charges_the_full_fee(inp: QuoteInput) -> None:
    q = quote(dataclasses.replace(inp, converted_to_self_pay=True))
    assert q.is_self_pay and q.patient_amount == q.fee
    assert CopayAction.WAIVE not in q.allowed_actions
    assert q.fee == quote(dataclasses.replace(inp, policies=())).fee


def test_the_decoder_reaches_every_path():
    """Guard against a decoder that silently stopped producing interesting inputs."""
    import random

    rnd = random.Random(2025)
    seen: set[str] = set()
    for _ in range(2_000):
        q = quote(decode(rnd.randbytes(320)))
        seen.add(f"self_pay:{q.self_pay_reason}")
        seen.add(f"preauth:{q.preauth.status.value}")
        if q.primary is not None:
            seen.add(f"restricted:{q.primary.restricted}")
            seen.add(f"tier:{q.primary.network_tier.value}")
            seen.add(f"fee:{q.fee_source.value}")
            assert q.per_visit_cap is not None and q.annual_copay is not None
            assert q.deductible is not None
            seen.add(f"visit_cap:{q.per_visit_cap.applied}")
            seen.add(f"annual:{q.annual_copay.reached}:{q.annual_copay.limited_by_cap}")
            seen.add(f"deductible_partial:{0 < q.deductible.applied < q.fee}")
        if q.secondary is not None:
            seen.add(f"secondary_restricted:{q.secondary.restricted}")
            seen.add(f"secondary_pays:{q.secondary.secondary_pays > 0}")
    expected = {
        "self_pay:None", "self_pay:NO_INSURANCE", "self_pay:EXPIRED", "self_pay:CONVERTED",
        *(f"preauth:{s.value}" for s in PreAuthStatus),
        "restricted:True", "restricted:False", "tier:IN_NETWORK", "tier:OUT_OF_NETWORK",
        "fee:CHARGE_MASTER", "fee:FALLBACK", "fee:PAYER_PRICE_OVERRIDE",
        "visit_cap:True", "visit_cap:False",
        "annual:True:False", "annual:False:True", "annual:False:False",
        "deductible_partial:True",
        "secondary_restricted:True", "secondary_restricted:False", "secondary_pays:True",
    }
    assert expected <= seen, expected - seen
