"""The appointment pollers against the sandbox: windows, stub patients, upserts per
connection, incremental reads from the watermark, restart-resume after a fault."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app.db.models import Appointment, Patient, SyncState
from app.integrations.opendental.wire import AptStatus
from tests.sync.conftest import DAY, run


def _od_appointments(session, conn_id):
    session.expire_all()
    return {a.od_apt_num: a for a in session.scalars(
        sa.select(Appointment).where(Appointment.od_connection_id == conn_id))}


def _window(practice, start, end, status=None):
    return {a.apt_num for a in practice.appointments.values()
            if start <= a.apt_date_time.date() <= end
            and a.apt_status in (AptStatus.SCHEDULED, AptStatus.ASAP, AptStatus.COMPLETE,
                                 AptStatus.BROKEN, AptStatus.UNSCHED_LIST)
            and (status is None or a.apt_status is status)}


def test_upcoming_brings_the_next_seven_days_with_stub_patients(session, od, practice):
    result = run(od, "appointments_upcoming")
    assert result.ok, result.error
    got = _od_appointments(session, od.connection.id)
    expected = _window(practice, DAY, DAY + dt.timedelta(days=7))
    assert set(got) == expected and len(expected) > 50
    sample = practice.appointments[min(expected)]
    row = got[sample.apt_num]
    assert row.od_apt_status == sample.apt_status.value
    assert row.appointment_date == sample.apt_date_time.date()
    assert row.scheduled_start.astimezone(dt.UTC).replace(tzinfo=None) == (
        sample.apt_date_time - dt.timedelta(hours=4))
    patient = session.get(Patient, row.patient_id)
    assert patient.od_pat_num == sample.pat_num and patient.mrn.startswith("OD")
    assert result.rows_read == len(expected) and result.rows_written >= len(expected)
    state = session.get(SyncState, (f"appointments_upcoming@{od.connection.id}", od.hospital.id))
    assert state.watermark.startswith("2026-03-10|2026-03-10 09:30")
    assert state.rows_read == len(expected) and state.last_error is None
    assert state.next_run_at == od.engine.clock() + dt.timedelta(minutes=15)


def test_second_run_is_incremental_and_writes_only_changes(session, od, practice, sandbox,
                                                          clock):
    run(od, "appointments_upcoming")
    clock.advance(minutes=15)
    sandbox.clear_requests()
    quiet = run(od, "appointments_upcoming")
    assert quiet.ok and quiet.rows_written == 0
    params = [p for m, path, p in sandbox.requests if path == "/appointments"]
    assert params and all(p.get("DateTStamp") == "2026-03-10 09:30:00" for p in params)
    target = next(a for a in practice.appointments.values()
                  if a.apt_date_time.date() == DAY + dt.timedelta(days=2))
    practice.edit_appointment(target.apt_num, apt_date_time=target.apt_date_time
                              + dt.timedelta(hours=1), note="moved by phone")
    clock.advance(minutes=15)
    moved = run(od, "appointments_upcoming")
    assert moved.rows_read == 1 and moved.rows_written == 1
    row = _od_appointments(session, od.connection.id)[target.apt_num]
    assert row.notes == "moved by phone" and row.version == 2


def test_today_and_completed_windows(session, od, practice):
    assert run(od, "appointments_today").ok
    got = _od_appointments(session, od.connection.id)
    assert set(got) == _window(practice, DAY, DAY)
    done = run(od, "appointments_completed")
    assert done.ok, done.error
    got = _od_appointments(session, od.connection.id)
    completed = _window(practice, DAY - dt.timedelta(days=7), DAY, AptStatus.COMPLETE)
    assert completed <= set(got)
    procs = session.execute(sa.text(
        "SELECT count(*), count(appointment_id) FROM od_procedures WHERE connection_id = :c"),
        {"c": od.connection.id}).one()
    assert procs[0] > 0 and procs[1] > 0


def test_a_fault_mid_read_keeps_the_watermark_and_the_next_run_resumes(session, od, sandbox,
                                                                      practice, clock):
    run(od, "appointments_upcoming")
    key = (f"appointments_upcoming@{od.connection.id}", od.hospital.id)
    before = session.get(SyncState, key).watermark
    # Tomorrow's window starts over: a full read of three pages; the third page fails. Pages 1
    # and 2 are committed without moving the watermark (only the last page's transaction
    # carries it), then the run fails.
    clock.advance(days=1)
    sandbox.inject("server_error", path="/appointments", skip=2, times=10)
    failed = run(od, "appointments_upcoming")
    assert failed.ran and not failed.ok and failed.error
    session.expire_all()
    state = session.get(SyncState, key)
    assert state.watermark == before and state.last_error == failed.error
    assert failed.rows_read == 199  # 100 + 99 (pages overlap by one row)
    sandbox.clear_faults()
    again = run(od, "appointments_upcoming")
    assert again.ok, again.error
    session.expire_all()
    state = session.get(SyncState, key)
    assert state.watermark.startswith("2026-03-11|") and state.last_error is None
    got = _od_appointments(session, od.connection.id)
    assert _window(practice, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=8)) <= set(got)
