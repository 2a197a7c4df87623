"""The OpenDental half as the desks' least-privilege role (``db create-roles``), on a fresh
database and the loopback sandbox (no mocked HTTP): an administrator creates, updates, tests
and removes connections; every sync job runs once and writes its rows and its watermark
(batch NOTIFY and ``synchronous_commit = off`` per page, advisory locks); claims are drafted,
submitted and resubmitted; and the append-only tables the sync writes into stay append-only
for the app role."""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import SimpleNamespace

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.batch_notify import batch_notifications
from app.db.chain_verify import verify_chains
from app.db.locks import try_advisory_lock
from app.db.models import (
    Appointment,
    Claim,
    InsurancePayment,
    OpenDentalConnection,
    SyncState,
)
from app.db.rules import NOTIFY_CHANNEL
from app.db.session import make_session_factory
from app.domain.enums import ClaimStatus, Role
from app.domain.opendental_connection import ConnectionForm
from app.integrations.opendental.wire import ClaimStatus as OdStatus
from app.services.claims import ClaimCorrection, ClaimService
from app.services.clock import fixed_clock
from app.services.opendental_connections import OpenDentalConnectionService
from app.services.sync_status import SyncStatusService
from app.services.unit_of_work import uow_factory
from app.sync.jobs import lock_name
from app.sync.registry import SyncEngine, build_jobs
from tests import factories as f
from tests.security.role_db import refused as _refused
from tests.security.role_db import role_db_fixture  # noqa: F401  (provides role_db)
from tests.sync.conftest import (  # noqa: F401  (clock, practice, sandbox fixtures)
    DAY,
    add_connection,
    clock,
    make_clients,
    practice,
    sandbox,
)

OD_JOBS = ("appointments_upcoming", "appointments_today", "appointments_completed",
           "od_eligibility", "claim_status", "payment_posting")


@dataclass
class AppClinic:
    hospital: object
    connection_id: int
    uow: object
    sync: SyncEngine
    factory: object
    admin: object        # actors, signed in (committed login sessions)
    accountant: object


@pytest.fixture
def app_clinic(role_db, sandbox, clock):  # noqa: F811
    # The clinic and its sandbox connection are set up by the superuser (onboarding); from
    # here on everything runs as the app role.
    with Session(role_db.admin, expire_on_commit=False) as s:
        h = f.hospital(s)
        conn = add_connection(s, h)
        admin = f.user(s, h, Role.HOSPITAL_ADMIN)
        accountant = f.user(s, h, Role.ACCOUNTANT)
        s.commit()
    uow = uow_factory(make_session_factory(role_db.app_engine))
    factory = make_clients(sandbox)
    sync = SyncEngine(role_db.app_engine, uow, build_jobs(), client_factory=factory,
                      clock=clock, workstation="test-ws")
    yield AppClinic(h, conn.id, uow, sync, factory,
                    f.committed_actor(role_db.admin, admin.id),
                    f.committed_actor(role_db.admin, accountant.id))
    sync.close()


def _as_app_role(role_db, sql: str, params: dict | None = None):
    with role_db.app_engine.connect() as c:
        return c.execute(sa.text(sql), params or {}).all()


def test_the_app_role_runs_every_sync_job_and_writes_rows_and_watermarks(role_db, app_clinic):
    c = app_clinic
    results = {}
    for name in ("heartbeat", *OD_JOBS):
        (result,) = c.sync.run(name, c.hospital.id)
        assert result.ran and result.ok, (name, result.error)
        results[name] = result
    with Session(role_db.admin) as s:
        states = {st.job_name: st for st in s.scalars(
            sa.select(SyncState).where(SyncState.hospital_id == c.hospital.id))}
        for name in OD_JOBS:
            st = states[f"{name}@{c.connection_id}"]
            assert st.last_error is None and st.last_success_at is not None, name
            assert st.watermark, name
        assert states["heartbeat"].watermark == DAY.isoformat()
        appts = s.scalar(sa.select(sa.func.count()).select_from(Appointment).where(
            Appointment.od_connection_id == c.connection_id))
        claims = s.scalar(sa.select(sa.func.count()).select_from(Claim).where(
            Claim.connection_id == c.connection_id))
        payments = s.scalar(sa.select(sa.func.count()).select_from(InsurancePayment).where(
            InsurancePayment.hospital_id == c.hospital.id))
    assert appts > 0 and claims > 0 and payments > 0
    for name in ("appointments_upcoming", "appointments_completed", "od_eligibility",
                 "claim_status", "payment_posting"):
        assert results[name].rows_written > 0, name
    # The posting's journal rows and the claims' history were written by the app role.
    (n_history,) = _as_app_role(role_db, "SELECT count(*) FROM claim_status_history")[0]
    (n_journal,) = _as_app_role(role_db, "SELECT count(*) FROM journal_entries "
                                "WHERE hospital_id = :h", {"h": c.hospital.id})[0]
    assert n_history > 0 and n_journal > 0
    report = verify_chains(role_db.admin)
    assert report.ok, report.lines()
    # ... and cannot be rewritten by it.
    for sql in ("UPDATE journal_entries SET memo = 'forged'",
                "DELETE FROM journal_entries",
                "UPDATE journal_lines SET debit = 0",
                "DELETE FROM journal_lines",
                "UPDATE claim_status_history SET reason = 'forged'",
                "DELETE FROM claim_status_history",
                "UPDATE insurance_payments SET amount = 0",
                "UPDATE insurance_payments SET claim_id = claim_id",
                "DELETE FROM insurance_payments",
                "TRUNCATE claim_status_history"):
        assert "permission denied" in _refused(role_db.app_url, sql), sql


def test_batch_notify_async_commit_and_advisory_locks_work_for_the_app_role(role_db,
                                                                            app_clinic):
    c = app_clinic
    with Session(role_db.admin) as s:
        pids = [f.patient(s, c.hospital).id for _ in range(3)]
        s.commit()
    factory = make_session_factory(role_db.app_engine)
    listener = psycopg.connect(role_db.app_url, autocommit=True)
    listener.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def heard() -> list[dict]:
        return [json.loads(n.payload) for n in listener.notifies(timeout=2)]

    rename = sa.text("UPDATE patients SET first_name = 'Batch' WHERE id = ANY(:ids)")
    try:
        with factory() as s:
            assert s.scalar(sa.select(sa.func.current_user())) == role_db.app
            assert not s.scalar(sa.text("SELECT rolsuper FROM pg_roles "
                                        "WHERE rolname = current_user"))
            s.execute(rename, {"ids": pids[:1]})  # the control: a row outside a batch
            s.commit()
        single = heard()
        assert [(n["table"], n["op"], n["id"]) for n in single] == [
            ("patients", "UPDATE", pids[0])]
        with factory() as s:
            with batch_notifications(s, c.hospital.id, async_commit=True) as notes:
                # SET LOCAL of the custom GUC and of synchronous_commit, as a plain role.
                assert s.scalar(sa.text("SHOW synchronous_commit")) == "off"
                assert s.scalar(sa.text(
                    "SELECT current_setting('clinicdesk.batch_notify')")) == "on"
                notes.touched("patients", s.execute(rename, {"ids": pids}).rowcount)
            s.commit()
        assert heard() == [{"table": "patients", "op": "BATCH", "id": None,
                            "hospital_id": c.hospital.id, "count": 3}]
    finally:
        listener.close()
    with factory() as s:  # SET LOCAL: gone with the transaction
        assert s.scalar(sa.text("SHOW synchronous_commit")) == "on"
        assert s.scalar(sa.text(
            "SELECT coalesce(current_setting('clinicdesk.batch_notify', true), '')")) != "on"
    # The lock: one holder at a time across the app role's connections; the job skips while
    # another "workstation" holds it, and the status screen (pg_locks) shows it running.
    status = SyncStatusService(c.uow, lambda: c.sync)
    name = lock_name("appointments_today", c.hospital.id, c.connection_id)
    with try_advisory_lock(role_db.app_engine, name) as got:
        assert got
        with try_advisory_lock(role_db.app_engine, name) as again:
            assert not again
        (skipped,) = c.sync.run("appointments_today", c.hospital.id)
        assert not skipped.ran
        running = {(j.job_name, j.connection_id): j.running for j in status.status(c.admin)}
        assert running[("appointments_today", c.connection_id)] is True
        assert running[("appointments_upcoming", c.connection_id)] is False
    now = status.run_now(c.admin, "appointments_today")
    assert now.ok and [r.ran for r in now.runs] == [True], now.message
    assert not any(j.running for j in status.status(c.admin))


def _local_form(running, **kw) -> ConnectionForm:
    base = {"name": "Jumeirah Dental", "mode": "LOCAL", "base_url": running.url,
            "timezone": "Asia/Dubai", "requests_per_second": "10",
            "developer_key": running.developer_key, "customer_key": running.customer_key}
    return ConnectionForm(**{**base, **kw})


def test_an_administrator_manages_connections_as_the_app_role(
        role_db, app_clinic, sandbox, memory_keyring, clock):  # noqa: F811
    c = app_clinic
    svc = OpenDentalConnectionService(c.uow, fixed_clock(clock()), test_timeout=3.0)
    try:
        made = svc.create(c.admin, _local_form(sandbox)).connection
        assert made.keys_stored and made.is_active
        changed = svc.update(c.admin, made.id, _local_form(
            sandbox, name="Jumeirah Dental (LAN)", developer_key="", customer_key="",
            cadence={"appointments_today": 10})).connection
        assert changed.name == "Jumeirah Dental (LAN)" and changed.keys_stored
        assert changed.cadence == {"appointments_today": 10}
        tested = svc.test_connection(c.admin, made.id)
        assert tested.ok and tested.status_code == 200, tested.message
        assert svc.get(c.admin, made.id).last_test_result == tested.message

        # Synced rows refer to it: deactivated, not deleted.
        (ran,) = c.sync.run("appointments_today", c.hospital.id, made.id)
        assert ran.ok and ran.rows_written > 0, ran.error
        kept = svc.remove(c.admin, made.id)
        assert not kept.removed and kept.dependents.get("sync_states") == 1
        assert kept.dependents.get("appointments", 0) > 0
        assert svc.get(c.admin, made.id).is_active is False

        # An unused one is deleted, with its keys.
        spare = svc.create(c.admin, _local_form(sandbox, name="Spare")).connection
        gone = svc.remove(c.admin, spare.id)
        assert gone.removed and gone.dependents == {}
        with Session(role_db.admin) as s:
            assert s.get(OpenDentalConnection, spare.id) is None
            assert s.get(OpenDentalConnection, made.id) is not None
            actions = list(s.scalars(sa.text(
                "SELECT action FROM activity_logs WHERE target_type = 'opendental_connections' "
                "AND user_id = :u ORDER BY id"), {"u": c.admin.user_id}))
        assert actions == ["OPENDENTAL_CONNECTION_CREATED", "OPENDENTAL_CONNECTION_UPDATED",
                           "OPENDENTAL_CONNECTION_TESTED", "OPENDENTAL_CONNECTION_DEACTIVATED",
                           "OPENDENTAL_CONNECTION_CREATED", "OPENDENTAL_CONNECTION_REMOVED"]
    finally:
        svc.close()


def test_claims_draft_submit_and_resubmit_as_the_app_role(
        role_db, app_clinic, practice, clock):  # noqa: F811
    from tests.services.test_claims import _claimable

    c = app_clinic
    (completed,) = c.sync.run("appointments_completed", c.hospital.id)
    assert completed.ok, completed.error
    service = ClaimService(c.uow, c.factory, clock)
    with Session(role_db.admin) as s:
        appt, procs = _claimable(s, SimpleNamespace(
            connection=SimpleNamespace(id=c.connection_id)), practice)

    draft = service.draft_from_appointment(c.accountant, appt.id).claim
    assert draft.status is ClaimStatus.NOT_SUBMITTED
    sent = service.submit(c.accountant, draft.id).claim
    assert sent.status is ClaimStatus.SUBMITTED and sent.claim_num in practice.claims

    clock.advance(hours=1)
    practice.update_claim(sent.claim_num, {"claim_status": OdStatus.RECEIVED,
                                           "reason_under_paid": "Radiograph missing"})
    (status,) = c.sync.run("claim_status", c.hospital.id)
    assert status.ok, status.error
    assert service.get(c.accountant, draft.id).status is ClaimStatus.REJECTED

    fixed = service.resubmit(c.accountant, draft.id, ClaimCorrection(
        note="Radiograph attached", procedures={procs[0].proc_num: {
            "Remarks": "Periapical radiograph attached"}})).claim
    assert fixed.status is ClaimStatus.SUBMITTED
    assert practice.claims[sent.claim_num].claim_note == "Radiograph attached"
    assert [(h.from_status, h.to_status, h.source) for h in fixed.history] == [
        (None, ClaimStatus.NOT_SUBMITTED, "DESK"),
        (ClaimStatus.NOT_SUBMITTED, ClaimStatus.SUBMITTED, "DESK"),
        (ClaimStatus.SUBMITTED, ClaimStatus.REJECTED, "SYNC"),
        (ClaimStatus.REJECTED, ClaimStatus.SUBMITTED, "DESK")]
    assert "permission denied" in _refused(
        role_db.app_url, f"UPDATE claim_status_history SET reason = 'x' WHERE claim_id = {draft.id}")
