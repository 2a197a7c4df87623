"""The DHA eligibility refresh job, run through the one job framework (app/sync/jobs.py):
advisory lock, sync_states, and the hospital's own DHA settings."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from app.db.locks import try_advisory_lock
from app.db.models import Appointment, SyncState, User
from app.domain.enums import EligibilityStatus, NetworkTier, Role
from app.integrations.dha.sandbox import start_sandbox
from app.integrations.dha.scenarios import SANDBOX_PAYERS, SCENARIOS
from app.services.clock import fixed_clock
from app.services.eligibility import EligibilityService
from app.sync.eligibility_job import eligibility_job
from app.sync.jobs import lock_name, run_job
from tests import factories as f
from tests.integrations.dha_helpers import make_client

DAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 9, 30, tzinfo=f.DUBAI)


@pytest.fixture(scope="module")
def sandbox():
    handle = start_sandbox(0)
    yield handle
    handle.stop()


@pytest.fixture
def clinic(session):
    h = f.hospital(session)
    payers = {p.code: f.payer(session, h, code=p.code, name=p.name, dha_payer_id=p.dha_payer_id)
              for p in SANDBOX_PAYERS}
    session.add(User(hospital_id=h.id, username=f"job-{h.code}", full_name="Desk",
                     role=Role.RECEPTIONIST, password_hash="!"))
    doctor = f.doctor(session, h, f.department(session, h))
    appts = {}
    for key, day in (("ELIGIBLE", DAY), ("COPAY_INCREASED", DAY),
                     ("INACTIVE", DAY + dt.timedelta(days=1))):
        s = SCENARIOS[key]
        pat = f.patient(session, h, emirates_id=s.eid)
        d = s.demo_policy
        f.insurance(session, pat, payers[d["payer_code"]], provider_name=d["provider_name"],
                    copay_pct=d["copay_pct"], copay_amount=d["copay_amount"],
                    network_tier=NetworkTier(d["network_tier"]), member_id=s.member_id,
                    policy_number=s.policy_number,
                    effective_date=DAY + dt.timedelta(days=d["effective_days"]),
                    expiry_date=DAY + dt.timedelta(days=d["expiry_days"]))
        appts[key] = f.appointment(session, pat, doctor, day=day)
    return SimpleNamespace(hospital=h, appts=appts)


def run_eligibility_refresh(uow, svc, hospital_id, engine, clock=fixed_clock(NOW)):
    return run_job(eligibility_job(svc), engine=engine, uow=uow, hospital_id=hospital_id,
                   clock=clock)


def _state(session, hospital_id):
    session.expire_all()
    return session.get(SyncState, ("eligibility", hospital_id))


def test_try_advisory_lock_is_exclusive_and_released(engine):
    with try_advisory_lock(engine, "test:lock") as first:
        assert first
        with try_advisory_lock(engine, "test:lock") as second:
            assert not second
        with try_advisory_lock(engine, "test:other") as other:
            assert other
    with try_advisory_lock(engine, "test:lock") as again:
        assert again


def test_refresh_runs_today_and_tomorrow_and_records_sync_state(session, uow, engine, clinic,
                                                                 sandbox):
    svc = EligibilityService(uow, lambda hid: make_client(sandbox.url), fixed_clock(NOW))
    out = run_eligibility_refresh(uow, svc, clinic.hospital.id, engine)
    assert out.ran and out.ok
    assert out.rows_read == 3 and out.rows_written == 3  # 2 today, 1 tomorrow
    session.expire_all()
    status = {k: session.get(Appointment, a.id).eligibility_status
              for k, a in clinic.appts.items()}
    assert status == {"ELIGIBLE": EligibilityStatus.APPROVED,
                      "COPAY_INCREASED": EligibilityStatus.APPROVED,
                      "INACTIVE": EligibilityStatus.REJECTED}
    state = _state(session, clinic.hospital.id)
    assert state.run_count == 1 and state.last_error is None
    assert state.last_success_at == NOW and state.watermark == "2026-03-11"
    assert state.rows_read == 3 and state.next_run_at == NOW + dt.timedelta(minutes=30)
    run_eligibility_refresh(uow, svc, clinic.hospital.id, engine)
    assert _state(session, clinic.hospital.id).run_count == 2


def test_refresh_is_skipped_while_another_workstation_holds_the_lock(session, uow, engine,
                                                                    clinic, sandbox):
    calls = []
    svc = EligibilityService(uow, lambda hid: calls.append(hid) or make_client(sandbox.url),
                             fixed_clock(NOW))
    with try_advisory_lock(engine, lock_name("eligibility", clinic.hospital.id)) as held:
        assert held
        out = run_eligibility_refresh(uow, svc, clinic.hospital.id, engine)
    assert not out.ran and calls == []
    assert _state(session, clinic.hospital.id) is None
    session.expire_all()
    assert session.get(Appointment, clinic.appts["ELIGIBLE"].id).eligibility_checked_at is None


def test_a_failing_run_records_its_error(session, uow, engine, clinic):
    def broken(hid):
        raise RuntimeError("settings unreadable")

    svc = EligibilityService(uow, broken, fixed_clock(NOW))
    out = run_eligibility_refresh(uow, svc, clinic.hospital.id, engine)
    assert out.ran and not out.ok
    state = _state(session, clinic.hospital.id)
    assert state.last_error == "RuntimeError: settings unreadable" == out.error
    assert state.last_success_at is None and state.last_run_at == NOW
    assert state.watermark is None  # an error never moves the watermark


def test_the_registered_job_uses_the_hospitals_settings(session, uow, engine, clinic):
    from app.sync.scheduler import make_sync_engine

    clinic.hospital.settings = {"dha_mode": "MOCK", "dha_timeout_seconds": 5}
    session.flush()
    sync = make_sync_engine(SimpleNamespace(uow=uow, engine=engine),
                            SimpleNamespace(workstation="ws1"), fixed_clock(NOW))
    try:
        [out] = sync.run("eligibility", clinic.hospital.id)
    finally:
        sync.close()
    assert out.ok, out.error
    session.expire_all()
    appt = session.get(Appointment, clinic.appts["COPAY_INCREASED"].id)
    assert appt.eligibility_status is EligibilityStatus.APPROVED
    assert appt.eligibility_details["data_source"] == "MOCK_DATA"
    assert session.scalar(sa.select(sa.func.count()).select_from(Appointment).where(
        Appointment.hospital_id == clinic.hospital.id,
        Appointment.eligibility_checked_at.is_not(None))) == 3
