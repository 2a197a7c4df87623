"""The sandbox's members: one valid Emirates ID per scenario, what DHA answers for it, and the
policy the demo data should keep on file so the scenario plays out at the desk.

Everything here is SIMULATED. The payers match app/demo.py's (DAMAN INS026, AXA INS010,
SUKOON INS017); those ids and ``SBX999`` are demo values, not confirmed DHA payer ids.
Dates are relative to the service date (``*_days`` offsets), so the demo never goes stale.

| key               | DHA answers                                  | desk sees (with ``demo_policy``)  |
|-------------------|----------------------------------------------|-----------------------------------|
| ELIGIBLE          | A, same terms as on file                     | verified, no alert                |
| NOT_FOUND         | Result No, no member                         | A MISMATCH_DB_VS_DHA              |
| INACTIVE          | I                                            | A MISMATCH_DB_VS_DHA              |
| EXPIRED           | E, ended 30 days ago                         | A MISMATCH_DB_VS_DHA              |
| SUSPENDED         | S                                            | A MISMATCH_DB_VS_DHA              |
| RENEWED           | A, new period                                | B POLICY_RENEWED (file expired)   |
| COVERAGE_REDUCED  | A, coverage 70% (file: 80%)                  | D COVERAGE_CHANGED + REDUCED      |
| COPAY_INCREASED   | A, copay AED 50 (file: AED 20)               | D COVERAGE_CHANGED + COPAY_INC.   |
| PROVIDER_CHANGED  | A, insurer "GIG Gulf" (file: "AXA Gulf")     | D COVERAGE_CHANGED + PROVIDER     |
| NEW_MEMBER        | A, no policy on file                         | insurance added from DHA          |
| UNKNOWN_PAYER     | A, payer SBX999 nobody set up                | DHA_PAYER_UNKNOWN, nothing added  |
| SLOW              | the HTTP answer sleeps past the timeout      | DHA_VERIFICATION_UNAVAILABLE      |
| NO_ANSWER         | upload accepted, payer never answers         | DHA_VERIFICATION_UNAVAILABLE      |
| HTTP_500          | HTTP 500 on upload                           | DHA_VERIFICATION_UNAVAILABLE      |
| UPLOAD_REJECTED   | UploadTransactionResult -2 + errorMessage    | DHA_VERIFICATION_UNAVAILABLE      |
| MALFORMED         | the answer file is not well-formed XML       | DHA_VERIFICATION_UNAVAILABLE      |
| HUGE              | a 3 MB answer                                | DHA_VERIFICATION_UNAVAILABLE      |
| ENTITY_BOMB       | the answer file is a "billion laughs" DTD    | DHA_VERIFICATION_UNAVAILABLE      |
| ENVELOPE_BOMB     | the SOAP envelope itself declares entities   | DHA_VERIFICATION_UNAVAILABLE      |

Emirates IDs not in the table are answered NOT_FOUND. ``BY_EID`` lists the members in the
order above (app/demo.py gives the first twelve to its first adult patients).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from app.domain.eid import make_eid


class Behaviour(StrEnum):
    NORMAL = "NORMAL"
    SLOW = "SLOW"
    NO_ANSWER = "NO_ANSWER"
    HTTP_500 = "HTTP_500"
    UPLOAD_REJECTED = "UPLOAD_REJECTED"
    MALFORMED = "MALFORMED"
    HUGE = "HUGE"
    ENTITY_BOMB = "ENTITY_BOMB"
    ENVELOPE_BOMB = "ENVELOPE_BOMB"


@dataclass(frozen=True)
class SandboxPayer:
    dha_payer_id: str
    code: str
    name: str


DAMAN = SandboxPayer("INS026", "DAMAN", "Daman")
AXA = SandboxPayer("INS010", "AXA", "AXA Gulf")
SUKOON = SandboxPayer("INS017", "SUKOON", "Sukoon (Oman Insurance)")
UNKNOWN = SandboxPayer("SBX999", "UNKNOWN", "Unlisted Insurance Co.")

#: Payers the demo hospital should have (code, name, dha_payer_id) for the scenarios to match.
SANDBOX_PAYERS: tuple[SandboxPayer, ...] = (DAMAN, AXA, SUKOON)


@dataclass(frozen=True)
class Scenario:
    key: str
    eid: str
    description: str
    behaviour: Behaviour = Behaviour.NORMAL
    result: str = "Yes"  # Prior.Authorization/Result
    status: str | None = "A"  # extension Status: A / I / E / S (None: leave it out)
    payer: SandboxPayer | None = DAMAN
    provider: str | None = None  # insurer name DHA reports; defaults to the payer's name
    member_id: str | None = None
    policy_number: str | None = None
    coverage_pct: Decimal | None = Decimal("80")
    copay_pct: Decimal | None = Decimal("20")
    copay_amount: Decimal | None = Decimal("20.00")
    network: str | None = "IN_NETWORK"
    start_days: int = -180
    end_days: int = 185
    denial_code: str | None = None
    comments: str = ""
    #: The policy the demo data keeps on file for this member (None: no policy on file).
    demo_policy: dict[str, object] | None = field(default=None)

    @property
    def insurer_name(self) -> str | None:
        return self.provider or (self.payer.name if self.payer else None)


def _policy(payer: SandboxPayer = DAMAN, **kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "payer_code": payer.code, "provider_name": payer.name, "copay_pct": Decimal("20"),
        "copay_amount": Decimal("20.00"), "network_tier": "IN_NETWORK",
        "effective_days": -180, "expiry_days": 185,
    }
    base.update(kw)
    return base


def _s(n: int, key: str, description: str, **kw: object) -> Scenario:
    eid = make_eid(1970 + n, 4_200_000 + n)
    kw.setdefault("member_id", f"SBX-M-{n:04d}")
    kw.setdefault("policy_number", f"SBX-POL-{n:04d}")
    return Scenario(key=key, eid=eid, description=description, **kw)  # type: ignore[arg-type]


_ALL = (
    _s(1, "ELIGIBLE", "Active member; DHA agrees with the policy on file.",
       demo_policy=_policy()),
    _s(2, "NOT_FOUND", "DHA has no such member.", result="No", status=None, payer=None,
       member_id=None, policy_number=None, coverage_pct=None, copay_pct=None, copay_amount=None,
       network=None, denial_code="ELIG-001", comments="Member not found",
       demo_policy=_policy()),
    _s(3, "INACTIVE", "Member inactive at the payer.", result="No", status="I",
       denial_code="ELIG-001", demo_policy=_policy()),
    _s(4, "EXPIRED", "Policy ended 30 days ago.", result="No", status="E", start_days=-395,
       end_days=-30, denial_code="ELIG-001", demo_policy=_policy()),
    _s(5, "SUSPENDED", "Policy suspended (unpaid premium).", result="No", status="S",
       denial_code="ELIG-001", demo_policy=_policy()),
    _s(6, "RENEWED", "Renewed: the file shows it expired, DHA shows a new period.",
       start_days=-10, end_days=355,
       demo_policy=_policy(effective_days=-375, expiry_days=-11)),
    _s(7, "COVERAGE_REDUCED", "Coverage down from 80% to 70%.",
       coverage_pct=Decimal("70"), copay_pct=Decimal("30"), demo_policy=_policy()),
    _s(8, "COPAY_INCREASED", "Fixed copay up from AED 20 to AED 50.",
       copay_amount=Decimal("50.00"), demo_policy=_policy()),
    _s(9, "PROVIDER_CHANGED", "Insurer renamed: AXA Gulf is now GIG Gulf.", payer=AXA,
       provider="GIG Gulf", demo_policy=_policy(AXA)),
    _s(10, "NEW_MEMBER", "Insured per DHA, nothing on file: the desk adds it from DHA.",
       payer=SUKOON),
    _s(11, "UNKNOWN_PAYER", "Insured with a payer the clinic has not set up.", payer=UNKNOWN),
    _s(12, "SLOW", "The post office answers after the timeout.", behaviour=Behaviour.SLOW,
       demo_policy=_policy()),
    _s(13, "NO_ANSWER", "The upload is accepted but the payer never answers.",
       behaviour=Behaviour.NO_ANSWER, demo_policy=_policy()),
    _s(14, "HTTP_500", "The post office fails with HTTP 500.", behaviour=Behaviour.HTTP_500,
       demo_policy=_policy()),
    _s(15, "UPLOAD_REJECTED", "The upload is refused with result -2.",
       behaviour=Behaviour.UPLOAD_REJECTED, demo_policy=_policy()),
    _s(16, "MALFORMED", "The payer's answer file is broken XML.", behaviour=Behaviour.MALFORMED,
       demo_policy=_policy()),
    _s(17, "HUGE", "A 3 MB answer.", behaviour=Behaviour.HUGE, demo_policy=_policy()),
    _s(18, "ENTITY_BOMB", "An entity-expansion bomb in the answer file.",
       behaviour=Behaviour.ENTITY_BOMB, demo_policy=_policy()),
    _s(19, "ENVELOPE_BOMB", "Entity declarations in the SOAP envelope.",
       behaviour=Behaviour.ENVELOPE_BOMB, demo_policy=_policy()),
)

SCENARIOS: dict[str, Scenario] = {s.key: s for s in _ALL}
BY_EID: dict[str, Scenario] = {s.eid: s for s in _ALL}

#: What an Emirates ID missing from the table gets.
DEFAULT = Scenario(key="UNLISTED", eid="", description="Not a sandbox member.", result="No",
                   status=None, payer=None, coverage_pct=None, copay_pct=None,
                   copay_amount=None, network=None, denial_code="ELIG-001",
                   comments="Member not found")


def eid_for(key: str) -> str:
    return SCENARIOS[key].eid


def scenario_for(eid: str) -> Scenario:
    return BY_EID.get(eid, DEFAULT)
