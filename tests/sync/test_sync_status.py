"""The sync status service (contract 6) and the admin CLI ``python -m app sync --once JOB``."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.enums import Role
from app.domain.errors import NotFound, PermissionDenied
from app.services.sync_status import SyncStatusService
from tests import factories as f
from tests.sync.conftest import run


def test_status_lists_every_job_and_connection_with_its_state(session, uow, od, clock):
    admin = f.actor(f.user(session, od.hospital, Role.HOSPITAL_ADMIN))
    accountant = f.actor(f.user(session, od.hospital, Role.ACCOUNTANT))
    nurse = f.actor(f.user(session, od.hospital, Role.NURSE))
    od.connection.cadence = {"appointments_today": 2}
    session.commit()
    service = SyncStatusService(uow, lambda: od.engine)
    assert run(od, "appointments_today").ok
    rows = {(r.job_name, r.connection_id): r for r in service.status(accountant)}
    assert ("heartbeat", None) in rows and ("claim_status", od.connection.id) in rows
    today = rows[("appointments_today", od.connection.id)]
    assert today.last_success_at == clock() and today.rows_read > 0 and not today.running
    assert today.watermark.startswith("2026-03-10|") and today.last_error is None
    assert today.cadence == "every 2 min" and today.simulated
    assert today.next_run_at == clock() + dt.timedelta(minutes=2)  # the connection's cadence
    never = rows[("payment_posting", od.connection.id)]
    assert never.last_run_at is None and never.cadence == "hourly at :15"
    with pytest.raises(PermissionDenied):
        service.status(nurse)
    with pytest.raises(PermissionDenied):
        service.run_now(accountant, "claim_status")
    result = service.run_now(admin, "claim_status")
    assert result.ok and len(result.runs) == 1 and result.runs[0].rows_read > 0
    assert "claim_status" in result.message
    with pytest.raises(NotFound):
        service.run_now(admin, "no_such_job")


def test_running_shows_while_the_lock_is_held(session, uow, od, engine):
    from app.db.locks import try_advisory_lock
    from app.sync.jobs import lock_name

    admin = f.actor(f.user(session, od.hospital, Role.SUPER_ADMIN))
    session.commit()
    service = SyncStatusService(uow, lambda: od.engine)
    with try_advisory_lock(engine, lock_name("claim_status", od.hospital.id,
                                             od.connection.id)):
        running = {r.job_name for r in service.status(admin) if r.running}
        skipped = service.run_now(admin, "claim_status")
    assert running == {"claim_status"}
    assert not skipped.runs[0].ran and "another workstation" in skipped.message


def test_cli_runs_one_job_and_prints_what_it_did(fresh_db_url):
    """The real command, in a process of its own, against a database with the demo hospital:
    heartbeat needs no network."""
    env = {**os.environ, "DATABASE_URL": fresh_db_url, "CLINICDESK_SYNC": "false",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-m", "app", "sync", "--once", "heartbeat"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "heartbeat (hospital" in out.stdout and "; ok" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "app", "sync", "--once", "nonsense"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "no sync job 'nonsense'" in bad.stderr
