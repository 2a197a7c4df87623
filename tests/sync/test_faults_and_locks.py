"""Faults from the sandbox (each recorded, watermark kept, next run retries, nothing
half-written), keys missing, rate limiting, two workstations racing for one job's lock, and
one coalesced NOTIFY per page instead of one per row."""

from __future__ import annotations

import json
import threading
import time
from decimal import Decimal

import psycopg
import pytest
import sqlalchemy as sa

from app.db.models import Appointment, SyncState
from app.domain.enums import OpenDentalMode
from app.sync.registry import SyncEngine, build_jobs
from tests import factories as f
from tests.sync.conftest import add_connection, make_clients, run

KEY = "appointments_today"


def _state(session, od, job=KEY):
    session.expire_all()
    return session.get(SyncState, (f"{job}@{od.connection.id}", od.hospital.id))


def _count(session, od):
    session.expire_all()
    return session.scalar(sa.select(sa.func.count()).select_from(Appointment).where(
        Appointment.od_connection_id == od.connection.id))


@pytest.mark.parametrize("fault, options, says", [
    ("server_error", {}, "500"),
    ("malformed_json", {}, ""),
    ("bad_field", {}, "AptDateTime"),
    ("bad_key", {"key": "customer"}, "customer key"),
    ("throttle", {"retry_after": 0}, "429"),
])
def test_each_fault_is_recorded_and_the_next_run_retries(session, od, sandbox, fault, options,
                                                        says):
    assert run(od, KEY).ok
    before = _state(session, od).watermark
    rows = _count(session, od)
    od.engine.clock.advance(minutes=5)
    sandbox.inject(fault, path="/appointments", times=-1, **options)
    failed = run(od, KEY)
    assert failed.ran and not failed.ok
    assert says.lower() in failed.error.lower(), failed.error
    state = _state(session, od)
    assert state.last_error == failed.error and state.watermark == before
    assert _count(session, od) == rows
    sandbox.clear_faults()
    od.engine.clock.advance(minutes=5)
    again = run(od, KEY)
    assert again.ok, again.error
    assert _state(session, od).last_error is None


def test_a_timeout_is_recorded(session, uow, engine, sandbox, clock):
    h = f.hospital(session)
    conn = add_connection(session, h)
    session.commit()
    sync = SyncEngine(engine, uow, build_jobs(), clock=clock,
                      client_factory=make_clients(sandbox, timeout=0.3, max_retries=0))
    sandbox.inject("timeout", path="/appointments", seconds=1.0, times=1)
    [failed] = sync.run(KEY, h.id)
    assert not failed.ok and "did not answer" in failed.error
    [again] = sync.run(KEY, h.id)
    assert again.ok, again.error
    assert conn.id == again.connection_id


def test_a_brief_throttle_is_retried_within_the_run(session, od, sandbox):
    fault = sandbox.inject("throttle", path="/appointments", retry_after=0, times=2)
    result = run(od, KEY)
    assert result.ok, result.error
    assert fault.hits == 2


def test_a_list_that_changes_while_being_read_loses_nothing(session, od, sandbox, practice,
                                                           clock):
    import datetime as dt

    clock.advance(days=1)  # a bigger window: several pages
    start = practice.today + dt.timedelta(days=1)
    wanted = {a.apt_num for a in practice.appointments.values()
              if start <= a.apt_date_time.date() <= start + dt.timedelta(days=7)
              and a.apt_status.value in ("Scheduled", "ASAP", "Complete", "Broken",
                                         "UnschedList")}
    sandbox.inject("shift_insert", path="/appointments", rows=2, times=3)
    result = run(od, "appointments_upcoming")
    assert result.ok, result.error
    session.expire_all()
    got = set(session.scalars(sa.select(Appointment.od_apt_num).where(
        Appointment.od_connection_id == od.connection.id)))
    # Every row that existed for the whole read is there; rows inserted during it may be too.
    assert wanted - got == set()


def test_missing_keys_say_how_to_fix_it(session, uow, engine, clock, memory_keyring):
    h = f.hospital(session)
    add_connection(session, h, name="Clinic cloud", mode=OpenDentalMode.CLOUD,
                   base_url="https://api.opendental.com/api/v1")
    session.commit()
    from app.sync.opendental.connections import ClientFactory

    sync = SyncEngine(engine, uow, build_jobs(), clock=clock, client_factory=ClientFactory())
    [failed] = sync.run(KEY, h.id)
    assert not failed.ok
    assert "No OpenDental API keys for connection 'Clinic cloud'" in failed.error
    assert "OpenDental (in the navigation)" in failed.error


def test_rate_limit_paces_the_requests(session, od, sandbox, clock):
    od.connection.requests_per_second = Decimal("8")
    session.commit()
    clock.advance(days=1)
    sandbox.clear_requests()
    started = time.perf_counter()
    result = run(od, "appointments_upcoming")
    elapsed = time.perf_counter() - started
    assert result.ok
    n = len([r for r in sandbox.requests if r[1] == "/appointments"])
    assert n >= 3
    assert elapsed >= (n - 1) / 8 - 0.05


# ---------------------------------------------------------------- real commits, two engines
@pytest.fixture
def shared(fresh_db_url, sandbox, clock):
    """A committed hospital + SANDBOX connection in a database of its own, and a factory
    of engines, one per "workstation"."""
    from app.db.session import make_engine, make_session_factory
    from app.services.unit_of_work import uow_factory

    engines = []

    def workstation(name: str) -> SyncEngine:
        eng = make_engine(fresh_db_url, pool_size=2)
        engines.append(eng)
        return SyncEngine(eng, uow_factory(make_session_factory(eng)), build_jobs(),
                          client_factory=make_clients(sandbox), clock=clock, workstation=name)

    first = workstation("ws1")
    with first.uow() as u:
        h = f.hospital(u.session)
        add_connection(u.session, h)
        u.commit()
        hid = h.id
    yield workstation, hid, fresh_db_url
    for eng in engines:
        eng.dispose()


def test_two_workstations_racing_for_one_job_run_it_once(shared, sandbox):
    workstation, hid, _url = shared
    a, b = workstation("ws-a"), workstation("ws-b")
    sandbox.inject("timeout", path="/appointments", seconds=0.8, times=1)  # slow, not failing
    results = {}

    def go(name, engine):
        results[name] = engine.run("appointments_upcoming", hid)[0]

    ta = threading.Thread(target=go, args=("a", a))
    ta.start()
    time.sleep(0.3)
    go("b", b)
    ta.join()
    assert results["a"].ran and results["a"].ok, results["a"].error
    assert not results["b"].ran
    with a.uow() as u:
        dupes = u.session.execute(sa.text(
            "SELECT count(*) - count(DISTINCT od_apt_num) FROM appointments "
            "WHERE od_connection_id IS NOT NULL")).scalar()
        state = u.session.execute(sa.text(
            "SELECT run_count FROM sync_states WHERE job_name LIKE 'appointments_upcoming@%'"
        )).scalar()
    assert dupes == 0 and state == 1


def test_a_bulk_page_sends_one_notification_per_table(shared):
    workstation, hid, url = shared
    sync = workstation("ws1")
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as listener:
        listener.execute("LISTEN clinicdesk_changes")
        [result] = sync.run("appointments_upcoming", hid)
        assert result.ok and result.rows_written > 100
        notes = [json.loads(n.payload) for n in listener.notifies(timeout=1.0, stop_after=500)]
        batch = [n for n in notes if n["op"] == "BATCH"]
        assert batch and len(notes) == len(batch)  # no per-row notification at all
        assert {n["table"] for n in batch} == {"appointments", "patients"}
        assert sum(n["count"] for n in batch if n["table"] == "appointments") == \
            result.rows_written - sum(n["count"] for n in batch if n["table"] == "patients")
        pages = (result.rows_read + 98) // 99
        assert len(batch) <= 2 * pages
        # Outside a batch the row trigger still tells other desks about a single change.
        with sync.uow() as u:
            u.session.execute(sa.text(
                "UPDATE appointments SET notes = 'desk edit' WHERE id = "
                "(SELECT min(id) FROM appointments WHERE od_connection_id IS NOT NULL)"))
            u.commit()
        single = [json.loads(n.payload) for n in listener.notifies(timeout=1.0, stop_after=1)]
        assert [(n["table"], n["op"]) for n in single] == [("appointments", "UPDATE")]
