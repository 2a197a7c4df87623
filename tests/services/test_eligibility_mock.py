"""MOCK mode: the built-in sandbox knows the hospital's ordinary insured patients.

DhaGatewayProvider registers each active primary policy on file (patients with an Emirates
ID, scenario EIDs excepted) as a sandbox member answering what is on file, so an ordinary
demo patient verifies as eligible instead of showing a false DB-vs-DHA mismatch. Real
PostgreSQL, real HTTP to the loopback sandbox.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.bootstrap import make_dha_provider
from app.domain.eid import make_eid
from app.domain.eligibility import AlertCode, CoverageStatus
from app.domain.enums import DataSource, NetworkTier, Role, VerificationStatus
from app.integrations.dha.scenarios import SANDBOX_PAYERS, SCENARIOS
from app.services.clock import fixed_clock
from app.services.eligibility import MIRROR_KEY, EligibilityService
from tests import factories as f

DAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 9, 30, tzinfo=f.DUBAI)


@pytest.fixture
def mock_env(session, uow):
    h = f.hospital(session, settings={"dha_mode": "MOCK"})
    payers = {p.code: f.payer(session, h, code=p.code, name=p.name, dha_payer_id=p.dha_payer_id)
              for p in SANDBOX_PAYERS}
    desk = f.actor(f.user(session, h, Role.RECEPTIONIST, password_hash="!"))
    session.commit()
    provider = make_dha_provider(uow, clock=fixed_clock(NOW))
    svc = EligibilityService(uow, provider, fixed_clock(NOW))
    yield session, h, payers, desk, provider, svc
    provider.close()


def _insured(session, h, payer, eid, **kw):
    pat = f.patient(session, h, emirates_id=eid)
    kw.setdefault("copay_pct", Decimal("20"))
    kw.setdefault("copay_amount", Decimal("25.00"))
    ins = f.insurance(session, pat, payer, provider_name=payer.name,
                      network_tier=NetworkTier.IN_NETWORK, member_id=f"MEM-{pat.id}",
                      effective_date=DAY - dt.timedelta(days=100),
                      expiry_date=DAY + dt.timedelta(days=200), **kw)
    return pat, ins


def test_an_ordinary_insured_patient_verifies_as_eligible_without_mismatch(mock_env):
    session, h, payers, desk, provider, svc = mock_env
    pat, _ins = _insured(session, h, payers["AXA"], make_eid(1988, 7654321),
                         copay_pct=Decimal("10"), copay_amount=Decimal("30.00"))
    session.commit()
    check = svc.verify_patient(desk, pat.id, selected_by_eid=True)
    assert check.verification.status is CoverageStatus.ACTIVE
    assert check.eligible and check.data_source is DataSource.MOCK_DATA and check.simulated
    assert AlertCode.MISMATCH_DB_VS_DHA not in check.alert_codes
    assert check.alert_codes == ()  # same provider, coverage, copay and network as on file
    assert check.policy.verification_status is VerificationStatus.VERIFIED
    # by name / MRN the same day: the card was read above, so no scenario C reminder either
    again = svc.verify_patient(desk, pat.id, selected_by_eid=False)
    assert again.alert_codes == ()


def test_one_query_registers_every_insured_patient_but_not_the_scenarios(mock_env):
    session, h, payers, desk, provider, svc = mock_env
    ordinary = [_insured(session, h, payers["DAMAN"], make_eid(1990, 1_000 + i))[0]
                for i in range(3)]
    f.patient(session, h, emirates_id=make_eid(1991, 2_000))  # no policy: stays unknown
    scenario = SCENARIOS["NOT_FOUND"]
    _insured(session, h, payers["DAMAN"], scenario.eid)
    session.commit()
    gateway = provider(h.id)
    members = {eid: s for eid, s in gateway.sandbox.state.members.items()
               if s.key == MIRROR_KEY}
    assert set(members) == {p.emirates_id for p in ordinary}
    # a scenario EID still plays its scenario: the policy on file gets a mismatch
    pat = next(iter(ordinary))
    assert svc.verify_patient(desk, pat.id, selected_by_eid=True).alert_codes == ()
    check = svc.lookup_by_eid(desk, scenario.eid)
    assert check.alert_codes == (AlertCode.MISMATCH_DB_VS_DHA,)
    assert check.verification.status is CoverageStatus.NOT_FOUND


def test_a_coverage_change_scenario_still_shows_its_change(mock_env):
    session, h, payers, desk, provider, svc = mock_env
    scenario = SCENARIOS["COPAY_INCREASED"]
    pat, _ = _insured(session, h, payers["DAMAN"], scenario.eid, copay_amount=Decimal("20.00"))
    _insured(session, h, payers["DAMAN"], make_eid(1992, 3_000))
    session.commit()
    check = svc.verify_patient(desk, pat.id, selected_by_eid=True)
    assert check.alert_codes == (AlertCode.COVERAGE_CHANGED, AlertCode.COPAY_INCREASED)


def test_patients_insured_after_the_gateway_was_built_are_known_after_the_ttl(session, uow):
    h = f.hospital(session, settings={"dha_mode": "MOCK"})
    payer = f.payer(session, h, code="DAMAN", name="Daman", dha_payer_id="INS026")
    desk = f.actor(f.user(session, h, Role.RECEPTIONIST, password_hash="!"))
    session.commit()
    provider = make_dha_provider(uow, clock=fixed_clock(NOW), mirror_ttl=0.0)
    try:
        svc = EligibilityService(uow, provider, fixed_clock(NOW))
        provider(h.id)  # built before the patient exists
        pat, _ = _insured(session, h, payer, make_eid(1993, 4_000))
        session.commit()
        check = svc.verify_patient(desk, pat.id, selected_by_eid=True)
        assert check.eligible and check.alert_codes == ()
    finally:
        provider.close()


def test_other_modes_are_left_alone(session, uow):
    h = f.hospital(session, settings={"dha_mode": "NOT_CONFIGURED"})
    session.commit()
    provider = make_dha_provider(uow)
    try:
        assert not provider(h.id).configured
    finally:
        provider.close()
