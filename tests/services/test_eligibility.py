"""EligibilityService on real PostgreSQL against the loopback DHA sandbox (real HTTP, no mocks).

Fixed clock: 10 March 2026, 09:30 in Dubai. Each patient gets a sandbox scenario's Emirates ID
and the policy on file the scenario describes (``Scenario.demo_policy``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

from app.bootstrap import make_dha_provider
from app.db.models import InsuranceAudit, Patient, PatientInsurance, User
from app.domain.eid import make_eid
from app.domain.eligibility import AlertAction, AlertCode, CoverageStatus, Severity
from app.domain.enums import (
    AppointmentStatus,
    AuditAction,
    DataSource,
    EligibilityStatus,
    NetworkTier,
    Role,
    VerificationSource,
    VerificationStatus,
)
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.integrations.dha import credentials
from app.integrations.dha.client import DhaClient
from app.integrations.dha.gateway import MockGateway, NotConfiguredGateway
from app.integrations.dha.sandbox import SandboxHandle, start_sandbox
from app.integrations.dha.scenarios import SANDBOX_PAYERS, SCENARIOS, Scenario
from app.services.clock import fixed_clock
from app.services.context import Actor
from app.services.eligibility import EligibilityService
from tests import factories as f
from tests.integrations.dha_helpers import MemoryKeyring, make_client, unique_credentials

DAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 9, 30, tzinfo=f.DUBAI)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    handle = start_sandbox(0, slow_seconds=2.0)
    yield handle
    handle.stop()


class CountingUow:
    """Wraps the UoW factory and counts units of work open right now (any thread)."""

    def __init__(self, inner) -> None:
        self.inner, self.open, self.lock = inner, 0, threading.Lock()

    def __call__(self, *args, **kwargs):
        outer = self
        real = self.inner(*args, **kwargs)

        class _Wrapped:
            def __enter__(self):
                with outer.lock:
                    outer.open += 1
                return real.__enter__()

            def __exit__(self, *exc):
                try:
                    return real.__exit__(*exc)
                finally:
                    with outer.lock:
                        outer.open -= 1

        return _Wrapped()


class WatchedGateway:
    """Delegates to a real gateway and records how many units of work were open per call."""

    def __init__(self, inner, uow: CountingUow) -> None:
        self.inner, self.uow, self.open_during_calls, self.calls = inner, uow, [], 0

    configured = property(lambda self: self.inner.configured)
    data_source = property(lambda self: self.inner.data_source)
    message = property(lambda self: self.inner.message)

    def check_eligibility(self, *args, **kw):
        self.calls += 1
        self.open_during_calls.append(self.uow.open)
        return self.inner.check_eligibility(*args, **kw)

    def close(self) -> None:
        self.inner.close()


@dataclass
class Env:
    session: Any
    hospital: Any
    payers: dict[str, Any]
    actors: dict[Role, Actor]
    doctor: Any
    svc: EligibilityService
    uow: CountingUow
    gateway: WatchedGateway
    sandbox: SandboxHandle

    @property
    def desk(self) -> Actor:
        return self.actors[Role.RECEPTIONIST]

    @property
    def admin(self) -> Actor:
        return self.actors[Role.HOSPITAL_ADMIN]

    def use(self, client) -> None:
        self.gateway.inner = client

    def patient(self, scenario: Scenario | None = None, *, with_policy: bool = True, **kw):
        kw.setdefault("emirates_id", scenario.eid if scenario else None)
        pat = f.patient(self.session, self.hospital, **kw)
        ins = None
        if with_policy and scenario is not None and scenario.demo_policy is not None:
            ins = self.policy(pat, scenario)
        return pat, ins

    def policy(self, pat, scenario: Scenario, **kw):
        d = dict(scenario.demo_policy)
        d.update(kw)
        return f.insurance(
            self.session, pat, self.payers[d["payer_code"]], provider_name=d["provider_name"],
            copay_pct=d["copay_pct"], copay_amount=d["copay_amount"],
            network_tier=NetworkTier(d["network_tier"]), member_id=scenario.member_id,
            policy_number=scenario.policy_number or "POL-X",
            effective_date=DAY + dt.timedelta(days=d["effective_days"]),
            expiry_date=DAY + dt.timedelta(days=d["expiry_days"]))

    def audits(self, patient_id: int | None = None) -> list[AuditAction]:
        q = sa.select(InsuranceAudit.action).where(
            InsuranceAudit.hospital_id == self.hospital.id).order_by(InsuranceAudit.id)
        if patient_id is not None:
            q = q.where(InsuranceAudit.patient_id == patient_id)
        return list(self.session.scalars(q))

    def audit_rows(self, action: AuditAction) -> list[InsuranceAudit]:
        return list(self.session.scalars(sa.select(InsuranceAudit).where(
            InsuranceAudit.hospital_id == self.hospital.id, InsuranceAudit.action == action)
            .order_by(InsuranceAudit.id)))

    def reload(self, obj):
        self.session.expire_all()
        return self.session.get(type(obj), obj.id)


def _user(session, h, role: Role) -> User:
    """A user row without hashing a password (these tests never sign in)."""
    u = User(hospital_id=h.id, username=f"elig-{h.code}-{role.value.lower()}",
             full_name=role.value.title(), role=role, password_hash="!")
    session.add(u)
    session.flush()
    return u


@pytest.fixture
def env(session, uow, sandbox) -> Iterator[Env]:
    h = f.hospital(session)
    payers = {p.code: f.payer(session, h, code=p.code, name=p.name, dha_payer_id=p.dha_payer_id)
              for p in SANDBOX_PAYERS}
    actors = {role: f.actor(_user(session, h, role)) for role in Role}
    dept = f.department(session, h)
    doctor = f.doctor(session, h, dept)
    counting = CountingUow(uow)
    gateway = WatchedGateway(make_client(sandbox.url, timeout=3), counting)
    svc = EligibilityService(counting, lambda hid: gateway, fixed_clock(NOW))
    e = Env(session, h, payers, actors, doctor, svc, counting, gateway, sandbox)
    yield e
    assert all(n == 0 for n in gateway.open_during_calls), \
        "DHA was called while a unit of work was open"


S = SCENARIOS


# -- lookup by Emirates ID ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("78419851234567", "Invalid Emirates ID format (must be 15 digits)"),
    ("785-1985-1234567-2", "Emirates ID must start with 784"),
    ("784-1985-1234567-4", "Emirates ID check digit is wrong — please re-scan or re-type it"),
])
def test_lookup_refuses_a_bad_emirates_id_before_asking_anyone(env, text, message):
    with pytest.raises(ValidationError) as err:
        env.svc.lookup_by_eid(env.desk, text)
    assert err.value.message == message
    assert env.gateway.calls == 0


def test_lookup_of_an_eligible_patient_verifies_policy_and_identity(env):
    pat, ins = env.patient(S["ELIGIBLE"])
    scanned = S["ELIGIBLE"].eid.replace("-", "") + "\n"  # wedge scanner
    check = env.svc.lookup_by_eid(env.desk, scanned)
    assert check.patient.id == pat.id and check.patient.emirates_id == S["ELIGIBLE"].eid
    assert check.eligible and check.alerts == ()
    assert check.data_source is DataSource.MOCK_DATA and check.simulated
    assert check.banner == ("red", "SIMULATED")
    assert check.policy.verification_status is VerificationStatus.VERIFIED
    row = env.reload(ins)
    # The built-in simulator's answer is not a DHA verification (issue 11).
    assert row.verification_source is VerificationSource.SIMULATED
    assert row.verified_at == NOW and row.verified_by == env.desk.user_id
    assert env.audits(pat.id) == [AuditAction.DHA_VERIFIED, AuditAction.EID_VERIFIED]
    [verified] = env.audit_rows(AuditAction.DHA_VERIFIED)
    assert verified.dha_response["status"] == "ACTIVE"
    assert verified.dha_response["data_source"] == "MOCK_DATA"
    assert verified.performed_by == env.desk.user_id


def test_lookup_of_an_unregistered_eid_returns_no_patient_but_dhas_answer(env):
    check = env.svc.lookup_by_eid(env.desk, S["NEW_MEMBER"].eid)
    assert check.patient is None and check.policy is None
    assert check.verification.insurance_found_on_dha
    assert env.session.scalar(sa.select(sa.func.count()).select_from(PatientInsurance).where(
        PatientInsurance.hospital_id == env.hospital.id)) == 0


def test_inactive_patients_are_not_found_by_eid(env):
    env.patient(S["ELIGIBLE"], is_active=False)
    assert env.svc.lookup_by_eid(env.desk, S["ELIGIBLE"].eid).patient is None


def test_dha_eligible_with_nothing_on_file_adds_the_insurance_from_dha(env):
    pat, _ = env.patient(S["NEW_MEMBER"])
    check = env.svc.lookup_by_eid(env.desk, S["NEW_MEMBER"].eid)
    assert check.alert_codes == (AlertCode.INSURANCE_ADDED_FROM_DHA,)
    assert check.insurance_created_id is not None
    ins = env.session.get(PatientInsurance, check.insurance_created_id)
    assert ins.patient_id == pat.id and ins.payer_id == env.payers["SUKOON"].id
    assert ins.verification_source is VerificationSource.SIMULATED  # MOCK, not DHA
    assert ins.verification_status is VerificationStatus.VERIFIED
    assert (ins.is_primary, ins.priority, ins.is_active) == (True, 1, True)
    assert ins.member_id == S["NEW_MEMBER"].member_id
    assert ins.policy_number == S["NEW_MEMBER"].policy_number
    assert ins.copay_pct == Decimal("20.00") and ins.copay_amount == Decimal("20.00")
    assert ins.effective_date == DAY - dt.timedelta(days=180)
    assert ins.expiry_date == DAY + dt.timedelta(days=185)
    assert check.policy.insurance_id == ins.id
    assert env.audits(pat.id) == [AuditAction.DHA_VERIFIED, AuditAction.EID_VERIFIED]
    assert env.audit_rows(AuditAction.DHA_VERIFIED)[0].new_data["created_from_dha"] is True


def test_payer_matched_by_code_when_no_dha_id_is_set(env):
    env.payers["SUKOON"].dha_payer_id = None
    env.payers["SUKOON"].code = "INS017"
    env.session.flush()
    env.patient(S["NEW_MEMBER"])
    check = env.svc.lookup_by_eid(env.desk, S["NEW_MEMBER"].eid)
    assert check.insurance_created_id is not None


def test_dha_eligible_with_an_unknown_payer_adds_nothing_and_says_so(env):
    pat, _ = env.patient(S["UNKNOWN_PAYER"])
    check = env.svc.lookup_by_eid(env.desk, S["UNKNOWN_PAYER"].eid)
    assert check.alert_codes == (AlertCode.DHA_PAYER_UNKNOWN,)
    assert check.alerts[0].severity is Severity.WARNING
    assert "SBX999" in check.alerts[0].message
    assert check.insurance_created_id is None and check.policy is None
    assert env.session.scalar(sa.select(sa.func.count()).select_from(PatientInsurance).where(
        PatientInsurance.patient_id == pat.id)) == 0


# -- cross-verification scenarios ------------------------------------------------------------


@pytest.mark.parametrize("key", ["NOT_FOUND", "INACTIVE", "EXPIRED", "SUSPENDED"])
def test_scenario_a_mismatch_changes_nothing_until_the_desk_decides(env, key):
    pat, ins = env.patient(S[key])
    check = env.svc.lookup_by_eid(env.desk, S[key].eid)
    v = check.verification
    assert check.alert_codes == (AlertCode.MISMATCH_DB_VS_DHA,)
    assert check.alerts[0].severity is Severity.ERROR
    assert not check.eligible and v.has_mismatch
    assert v.previous_coverage.policy_number == ins.policy_number
    assert env.reload(ins).verification_status is VerificationStatus.PENDING
    assert env.audits(pat.id) == [AuditAction.EID_VERIFIED]


def test_scenario_b_renewed_policy_is_synced_and_audited(env):
    pat, ins = env.patient(S["RENEWED"])
    check = env.svc.verify_patient(env.desk, pat.id, selected_by_eid=True)
    assert check.alert_codes == (AlertCode.POLICY_RENEWED,)
    assert check.eligible and check.verification.policy_was_renewed and check.synced
    row = env.reload(ins)
    assert row.effective_date == DAY - dt.timedelta(days=10)
    assert row.expiry_date == DAY + dt.timedelta(days=355)
    [sync] = env.audit_rows(AuditAction.DHA_VERIFIED)
    assert sync.new_data["auto_sync"] is True and sync.new_data["policy_was_renewed"] is True
    assert sync.previous_data["expiry_date"] == (DAY - dt.timedelta(days=11)).isoformat()
    assert sync.reason == "Policy renewed: terms synced from DHA"


@pytest.mark.parametrize(("key", "sub", "column", "new"), [
    ("COVERAGE_REDUCED", AlertCode.COVERAGE_REDUCED, "copay_pct", Decimal("30.00")),
    ("COPAY_INCREASED", AlertCode.COPAY_INCREASED, "copay_amount", Decimal("50.00")),
    ("PROVIDER_CHANGED", AlertCode.PROVIDER_CHANGED, "provider_name", "GIG Gulf"),
])
def test_scenario_d_coverage_change_is_synced_then_accepted(env, key, sub, column, new):
    pat, ins = env.patient(S[key])
    check = env.svc.lookup_by_eid(env.desk, S[key].eid)
    assert check.alert_codes == (AlertCode.COVERAGE_CHANGED, sub)
    assert check.verification.coverage_changed and check.synced
    assert getattr(env.reload(ins), column) == new
    change = env.svc.accept_coverage_change(env.desk, ins.id, reason="patient confirmed")
    assert change.action is AuditAction.COVERAGE_CHANGE_ACCEPTED
    assert getattr(change.policy, column) == new
    assert env.audits(pat.id) == [AuditAction.DHA_VERIFIED, AuditAction.EID_VERIFIED,
                                  AuditAction.COVERAGE_CHANGE_ACCEPTED]
    [accepted] = env.audit_rows(AuditAction.COVERAGE_CHANGE_ACCEPTED)
    assert accepted.new_data[column] == str(new) and accepted.reason == "patient confirmed"
    with pytest.raises(Conflict, match="already accepted"):
        env.svc.reject_coverage_change(env.desk, ins.id, "changed my mind")


def test_rejecting_a_coverage_change_restores_the_old_terms_for_manual_review(env):
    pat, ins = env.patient(S["COPAY_INCREASED"])
    env.svc.lookup_by_eid(env.desk, S["COPAY_INCREASED"].eid)
    with pytest.raises(ValidationError):
        env.svc.reject_coverage_change(env.desk, ins.id, "  ")
    change = env.svc.reject_coverage_change(env.desk, ins.id, "card shows AED 20")
    row = env.reload(ins)
    assert row.copay_amount == Decimal("20.00")
    assert row.verification_status is VerificationStatus.PENDING
    assert change.policy.copay_amount == Decimal("20.00")
    [rejected] = env.audit_rows(AuditAction.COVERAGE_CHANGE_REJECTED)
    assert rejected.previous_data["copay_amount"] == "50.00"
    assert rejected.new_data["copay_amount"] == "20.00"
    with pytest.raises(Conflict, match="already rejected"):
        env.svc.accept_coverage_change(env.desk, ins.id)


def test_renewal_can_be_rejected_too(env):
    pat, ins = env.patient(S["RENEWED"])
    env.svc.lookup_by_eid(env.desk, S["RENEWED"].eid)
    env.svc.reject_coverage_change(env.desk, ins.id, "renewal not confirmed by the patient")
    assert env.reload(ins).expiry_date == DAY - dt.timedelta(days=11)


def test_no_coverage_change_waiting_is_not_found(env):
    _pat, ins = env.patient(S["ELIGIBLE"])
    env.svc.lookup_by_eid(env.desk, S["ELIGIBLE"].eid)
    with pytest.raises(NotFound, match="No coverage change"):
        env.svc.accept_coverage_change(env.desk, ins.id)


def test_scenario_c_patient_picked_by_name_still_checks_dha_and_asks_for_the_card(env):
    pat, _ = env.patient(S["ELIGIBLE"])
    check = env.svc.verify_patient(env.desk, pat.id, selected_by_eid=False)
    assert check.alert_codes == (AlertCode.EID_VERIFICATION_NEEDED,)
    assert check.alerts[0].severity is Severity.INFO
    assert check.verification.requires_eid_verification and check.eligible
    assert env.gateway.calls == 1
    assert AuditAction.EID_VERIFIED not in env.audits(pat.id)


def test_scenario_c_without_an_eid_cannot_ask_dha(env):
    pat, ins = env.patient(None, emirates_id=None)
    env.policy(pat, S["ELIGIBLE"])
    uploads = len(env.sandbox.state.uploads)
    check = env.svc.verify_patient(env.desk, pat.id, selected_by_eid=False)
    assert check.alert_codes == (AlertCode.EID_VERIFICATION_NEEDED,)
    assert check.alerts[0].severity is Severity.WARNING
    assert check.data_source is DataSource.CACHED_DB and check.eligible
    assert env.gateway.calls == 0 and len(env.sandbox.state.uploads) == uploads
    assert env.audits(pat.id) == []


# -- DHA failures: cached data, said so, audited -------------------------------------------------


@pytest.mark.parametrize(("key", "timeout", "words"), [
    ("SLOW", 0.5, "did not answer within 0.5 s"),
    ("NO_ANSWER", 0.5, "did not answer within 0.5 s"),
    ("HTTP_500", 3, "HTTP 500"),
    ("UPLOAD_REJECTED", 3, "result -2"),
    ("MALFORMED", 3, "not well-formed"),
    ("HUGE", 3, "larger than"),
    ("ENTITY_BOMB", 3, "entity expansion is not allowed"),
    ("ENVELOPE_BOMB", 3, "entity expansion is not allowed"),
])
def test_dha_failure_falls_back_to_cache_with_an_alert_and_an_audit(env, key, timeout, words):
    env.use(make_client(env.sandbox.url, timeout=timeout))
    pat, ins = env.patient(S[key])
    check = env.svc.lookup_by_eid(env.desk, S[key].eid)
    assert check.alert_codes == (AlertCode.DHA_VERIFICATION_UNAVAILABLE,)
    assert check.data_source is DataSource.CACHED_DB
    assert check.banner == ("yellow", "Not real-time verified")
    assert check.eligible and words in check.dha_error
    assert check.policy.insurance_id == ins.id
    assert env.audits(pat.id) == [AuditAction.DHA_UNAVAILABLE_USE_CACHE]
    [row] = env.audit_rows(AuditAction.DHA_UNAVAILABLE_USE_CACHE)
    assert words in row.reason and row.new_data["data_source"] == "CACHED_DB"
    assert env.reload(ins).verification_status is VerificationStatus.PENDING


def test_timeout_is_bounded_by_the_configured_limit(env):
    import time

    env.use(make_client(env.sandbox.url, timeout=0.5))
    env.patient(S["SLOW"])
    started = time.monotonic()
    env.svc.lookup_by_eid(env.desk, S["SLOW"].eid)
    assert time.monotonic() - started < 1.5  # the sandbox sleeps 2 s


def test_not_configured_uses_the_file_and_asks_for_manual_verification(env):
    env.use(NotConfiguredGateway("DHA eClaimLink is not set up."))
    pat, _ = env.patient(S["ELIGIBLE"])
    check = env.svc.lookup_by_eid(env.desk, S["ELIGIBLE"].eid)
    assert check.data_source is DataSource.NOT_CONFIGURED and check.alerts == ()
    assert check.banner == ("red", "Manual verification required")
    assert check.dha_message == "DHA eClaimLink is not set up."
    assert env.gateway.calls == 0 and env.audits(pat.id) == []


def test_verification_can_store_its_result_on_the_appointment(env):
    pat, _ = env.patient(S["ELIGIBLE"])
    appt = f.appointment(env.session, pat, env.doctor, day=DAY)
    check = env.svc.verify_patient(env.desk, pat.id, selected_by_eid=True,
                                   appointment_id=appt.id)
    assert check.changes.touches("appointments")
    row = env.reload(appt)
    assert row.eligibility_status is EligibilityStatus.APPROVED
    assert row.eligibility_details["data_source"] == "MOCK_DATA"
    assert row.eligibility_details["simulated"] is True
    assert row.eligibility_checked_at == NOW
    other, _ = env.patient(S["INACTIVE"])
    with pytest.raises(NotFound):
        env.svc.verify_patient(env.desk, other.id, selected_by_eid=True,
                               appointment_id=appt.id)


# -- resolving a mismatch ----------------------------------------------------------------------


def _mismatch(env, key="INACTIVE"):
    pat, ins = env.patient(S[key])
    appt = f.appointment(env.session, pat, env.doctor, day=DAY)
    check = env.svc.lookup_by_eid(env.desk, S[key].eid)
    return pat, ins, appt, check


def test_mismatch_use_db_data(env):
    pat, ins, appt, check = _mismatch(env)
    res = env.svc.resolve_mismatch(env.desk, pat.id, AlertAction.USE_DB_DATA,
                                   dha=check.verification.dha, appointment_id=appt.id,
                                   reason="card seen, valid")
    assert res.action is AuditAction.DHA_MISMATCH_USE_DB
    assert res.data_source is DataSource.CACHED_DB
    row = env.reload(appt)
    assert row.eligibility_status is EligibilityStatus.APPROVED
    assert row.eligibility_details["data_source"] == "CACHED_DB"
    assert row.eligibility_details["resolution"] == "USE_DB_DATA"
    assert env.reload(ins).is_active
    [audit] = env.audit_rows(AuditAction.DHA_MISMATCH_USE_DB)
    assert audit.previous_data["insurance_id"] == ins.id
    assert audit.dha_response["status"] == "INACTIVE" and audit.reason == "card seen, valid"


def test_mismatch_treat_as_self_pay(env):
    pat, ins, appt, check = _mismatch(env, "SUSPENDED")
    env.svc.resolve_mismatch(env.desk, pat.id, "TREAT_AS_SELFPAY", appointment_id=appt.id)
    row = env.reload(appt)
    assert row.self_pay and row.eligibility_status is EligibilityStatus.REJECTED
    assert env.reload(ins).is_active  # the policy itself is not touched
    assert env.audit_rows(AuditAction.DHA_MISMATCH_SELFPAY)


def test_mismatch_update_insurance_from_dha(env):
    pat, ins, appt, check = _mismatch(env, "EXPIRED")
    with pytest.raises(ValidationError, match="needs DHA's answer"):
        env.svc.resolve_mismatch(env.desk, pat.id, AlertAction.UPDATE_INSURANCE)
    res = env.svc.resolve_mismatch(env.desk, pat.id, AlertAction.UPDATE_INSURANCE,
                                   dha=check.verification.dha, appointment_id=appt.id)
    row = env.reload(ins)
    assert not row.is_active and row.verification_status is VerificationStatus.REJECTED
    assert row.expiry_date == DAY - dt.timedelta(days=30)  # DHA's end date
    assert res.policy.is_active is False
    [audit] = env.audit_rows(AuditAction.DHA_MISMATCH_UPDATE)
    assert audit.previous_data["is_active"] is True and audit.new_data["policy"]["is_active"] \
        is False


def test_mismatch_choice_must_be_one_of_the_three(env):
    pat, *_ = _mismatch(env)
    with pytest.raises(ValidationError):
        env.svc.resolve_mismatch(env.desk, pat.id, AlertAction.VERIFY_EID)
    with pytest.raises(ValidationError):
        env.svc.resolve_mismatch(env.desk, pat.id, "WHATEVER")


# -- roles and manual verification ---------------------------------------------------------------


def test_only_the_front_desk_and_admins_verify_eligibility(env):
    env.patient(S["ELIGIBLE"])
    for role in (Role.NURSE, Role.DOCTOR, Role.ACCOUNTANT):
        with pytest.raises(PermissionDenied):
            env.svc.lookup_by_eid(env.actors[role], S["ELIGIBLE"].eid)
    assert env.svc.lookup_by_eid(env.actors[Role.SUPER_ADMIN], S["ELIGIBLE"].eid).eligible
    assert env.gateway.calls == 1


def test_receptionist_cannot_verify_reject_or_reset_manually(env):
    _pat, ins = env.patient(S["ELIGIBLE"])
    with pytest.raises(PermissionDenied, match="Hospital Admin, Super Admin"):
        env.svc.manual_verify(env.desk, ins.id, "called Daman")
    with pytest.raises(PermissionDenied):
        env.svc.manual_reject(env.desk, ins.id, "no")
    with pytest.raises(PermissionDenied):
        env.svc.reset_verification(env.desk, ins.id)
    assert env.audits() == []


def test_admin_manual_verify_reject_and_reset_are_audited(env):
    pat, ins = env.patient(S["ELIGIBLE"])
    with pytest.raises(ValidationError):
        env.svc.manual_verify(env.admin, ins.id, " ")
    verified = env.svc.manual_verify(env.admin, ins.id, "Called Daman, ref 778812")
    assert verified.policy.verification_status is VerificationStatus.VERIFIED
    row = env.reload(ins)
    assert row.verification_source is VerificationSource.MANUAL
    assert row.verified_by == env.admin.user_id and row.verified_at == NOW
    with pytest.raises(ValidationError):
        env.svc.manual_reject(env.admin, ins.id, "")
    env.svc.manual_reject(env.actors[Role.SUPER_ADMIN], ins.id, "Card is forged")
    assert env.reload(ins).verification_status is VerificationStatus.REJECTED
    env.svc.reset_verification(env.admin, ins.id)
    row = env.reload(ins)
    assert row.verification_status is VerificationStatus.PENDING
    assert row.verification_source is None and row.verified_at is None
    assert env.audits(pat.id) == [AuditAction.MANUAL_VERIFY, AuditAction.MANUAL_REJECT,
                                  AuditAction.MANUAL_RESET]
    [rej] = env.audit_rows(AuditAction.MANUAL_REJECT)
    assert rej.reason == "Card is forged" and rej.previous_data["verification_status"] == \
        "VERIFIED"
    assert rej.performed_by == env.actors[Role.SUPER_ADMIN].user_id


def test_manual_actions_stay_within_the_hospital(env):
    other = f.hospital(env.session)
    pat = f.patient(env.session, other)
    ins = f.insurance(env.session, pat, f.payer(env.session, other))
    with pytest.raises(NotFound):
        env.svc.manual_verify(env.admin, ins.id, "x")


# -- the background refresh --------------------------------------------------------------------


def test_refresh_stores_eligibility_on_the_days_appointments(env):
    system = Actor.system(env.hospital.id, "ws-bg")
    rows = {}
    for key in ("ELIGIBLE", "INACTIVE", "COPAY_INCREASED", "RENEWED"):
        pat, ins = env.patient(S[key])
        rows[key] = (f.appointment(env.session, pat, env.doctor, day=DAY), ins)
    eligible_pat = env.reload(rows["ELIGIBLE"][1]).patient_id
    second = f.appointment(env.session, env.session.get(Patient, eligible_pat), env.doctor,
                           day=DAY)
    checked_in = f.appointment(env.session, env.patient(S["SUSPENDED"])[0], env.doctor,
                               day=DAY, status=AppointmentStatus.CHECKED_IN, token_number=1,
                               checked_in_at=NOW)
    uninsured = f.appointment(env.session, env.patient(S["NEW_MEMBER"])[0], env.doctor, day=DAY)
    tomorrow = f.appointment(env.session, env.patient(S["EXPIRED"])[0], env.doctor,
                             day=DAY + dt.timedelta(days=1))
    report = env.svc.refresh_appointments(system, DAY)
    assert (report.appointments, report.patients, report.dha_calls) == (5, 4, 4)
    assert (report.eligible, report.not_eligible, report.synced) == (3, 1, 2)
    assert report.data_source is DataSource.MOCK_DATA and report.errors == ()
    expect = {"ELIGIBLE": EligibilityStatus.APPROVED, "INACTIVE": EligibilityStatus.REJECTED,
              "COPAY_INCREASED": EligibilityStatus.APPROVED,
              "RENEWED": EligibilityStatus.APPROVED}
    for key, (appt, _ins) in rows.items():
        row = env.reload(appt)
        assert row.eligibility_status is expect[key], key
        assert row.eligibility_details["data_source"] == "MOCK_DATA"
        assert row.eligibility_checked_at == NOW
    assert env.reload(second).eligibility_status is EligibilityStatus.APPROVED
    details = env.reload(rows["INACTIVE"][0]).eligibility_details
    assert details["alerts"][0]["code"] == "MISMATCH_DB_VS_DHA"
    assert env.reload(rows["COPAY_INCREASED"][1]).copay_amount == Decimal("50.00")
    for untouched in (checked_in, uninsured, tomorrow):
        row = env.reload(untouched)
        assert row.eligibility_status is EligibilityStatus.PENDING
        assert row.eligibility_checked_at is None
    # only the syncs are audited in the background, by the system
    synced = env.audit_rows(AuditAction.DHA_VERIFIED)
    assert len(synced) == 2 and all(a.performed_by is None for a in synced)
    assert env.audits() == [AuditAction.DHA_VERIFIED] * 2


def test_refresh_falls_back_to_cache_per_patient_when_dha_fails(env):
    env.use(make_client(env.sandbox.url, timeout=0.5))
    system = Actor.system(env.hospital.id)
    ok, _ = env.patient(S["ELIGIBLE"])
    slow, _ = env.patient(S["SLOW"])
    appt_ok = f.appointment(env.session, ok, env.doctor, day=DAY)
    appt_slow = f.appointment(env.session, slow, env.doctor, day=DAY)
    report = env.svc.refresh_appointments(system, DAY)
    assert report.unavailable == 1 and report.eligible == 2
    assert env.reload(appt_ok).eligibility_details["data_source"] == "MOCK_DATA"
    slow_details = env.reload(appt_slow).eligibility_details
    assert slow_details["data_source"] == "CACHED_DB"
    assert "did not answer within 0.5 s" in slow_details["dha_error"]
    assert slow_details["alerts"][0]["code"] == "DHA_VERIFICATION_UNAVAILABLE"


def test_refresh_never_holds_a_transaction_while_dha_works(env):
    for key in ("ELIGIBLE", "COVERAGE_REDUCED", "INACTIVE", "PROVIDER_CHANGED", "SUSPENDED"):
        pat, _ = env.patient(S[key])
        f.appointment(env.session, pat, env.doctor, day=DAY)
    env.svc.refresh_appointments(Actor.system(env.hospital.id), DAY)
    assert env.gateway.calls == 5
    assert env.gateway.open_during_calls == [0] * 5


def test_the_service_refuses_to_call_dha_inside_its_own_transaction(env):
    with env.svc._tx(env.actors[Role.RECEPTIONIST]), pytest.raises(RuntimeError, match="inside a database transaction"):
        env.svc._ask_dha(env.gateway, S["ELIGIBLE"].eid, DAY, None, None)


# -- the app's gateway provider: hospital settings + keyring ---------------------------------


@pytest.fixture
def ring():
    import keyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def test_provider_builds_each_gateway_once_from_settings_and_keyring(env, uow, ring,
                                                                    tmp_path, monkeypatch):
    from tests.integrations.dha_helpers import https_sandbox

    provider = make_dha_provider(uow)
    stack = contextlib.ExitStack()
    try:
        # LIVE refuses plain http: the same sandbox, on https with a certificate we trust
        live_sandbox, ca = stack.enter_context(https_sandbox(tmp_path))
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca)
        env.hospital.settings = {"dha_mode": "LIVE", "dha_endpoint": live_sandbox.url,
                                 "dha_timeout_seconds": 7}
        env.session.flush()
        missing = provider(env.hospital.id)
        assert isinstance(missing, NotConfiguredGateway)
        assert "no credentials" in missing.message
        credentials.save(env.hospital.code, unique_credentials())
        provider.invalidate()
        live = provider(env.hospital.id)
        assert isinstance(live, DhaClient) and live.timeout == 7.0
        assert provider(env.hospital.id) is live  # built once
        assert live.check_eligibility(S["ELIGIBLE"].eid, DAY).data_source is DataSource.DHA_LIVE
        env.hospital.settings = {"dha_mode": "MOCK"}
        env.session.flush()
        mock = provider(env.hospital.id)
        assert isinstance(mock, MockGateway) and provider(env.hospital.id) is mock
        svc = EligibilityService(uow, provider, fixed_clock(NOW))
        env.patient(S["COVERAGE_REDUCED"])
        check = svc.lookup_by_eid(env.desk, S["COVERAGE_REDUCED"].eid)
        assert check.data_source is DataSource.MOCK_DATA and check.simulated
        assert check.alert_codes == (AlertCode.COVERAGE_CHANGED, AlertCode.COVERAGE_REDUCED)
    finally:
        provider.close()
        stack.close()
    assert ring.store  # the password went to the keyring ...
    assert "s3cret" not in str(env.reload(env.hospital).settings)  # ... never to the database


def test_unlisted_eid_is_not_found_at_dha(env):
    pat, ins = env.patient(None, emirates_id=make_eid(1990, 1111111))
    env.policy(pat, S["ELIGIBLE"])
    check = env.svc.verify_patient(env.desk, pat.id, selected_by_eid=True)
    assert check.verification.status is CoverageStatus.NOT_FOUND
    assert check.alert_codes == (AlertCode.MISMATCH_DB_VS_DHA,)


def test_results_are_plain_values(env):
    env.patient(S["ELIGIBLE"])
    check = env.svc.lookup_by_eid(env.desk, S["ELIGIBLE"].eid)
    assert dataclasses.is_dataclass(check) and dataclasses.is_dataclass(check.policy)
    assert check.verification.to_dict()["data_source"] == "MOCK_DATA"
