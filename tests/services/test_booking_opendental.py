"""Bookings written through OpenDental (the loopback sandbox, no mocked HTTP): POST
/appointments read back, the AptNum stored locally; reschedule and cancel sent as PUTs; a
refused call leaves nothing local; a local write that fails after OpenDental accepted is
undone in OpenDental (the appointment is marked Broken)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, Appointment, WorkingHours
from app.domain.enums import AppointmentStatus, Role
from app.domain.errors import IntegrationError, SlotTaken
from app.integrations.opendental.wire import AptStatus
from app.services.booking import BookingService
from tests import factories as f
from tests.sync.conftest import (  # noqa: F401 - clock, od, practice, sandbox: fixtures
    DAY,
    add_connection,
    clock,
    make_clients,
    od,
    practice,
    run,
    sandbox,
)

DUBAI = f.DUBAI


def at(h: int, m: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, h, m, tzinfo=DUBAI)


@pytest.fixture
def desk(session, uow, sandbox, practice, clock):  # noqa: F811
    h = f.hospital(session)
    conn = add_connection(session, h)
    dept = f.department(session, h)
    doc = f.doctor(session, h, dept, od_prov_num=2)
    session.add(WorkingHours(hospital_id=h.id, doctor_id=doc.id, weekday=DAY.weekday(),
                             start_time=dt.time(9), end_time=dt.time(13), slot_minutes=20,
                             od_op_num=3))
    pat_num = min(practice.patients)
    linked = f.patient(session, h, od_pat_num=pat_num, od_connection_id=conn.id)
    local = f.patient(session, h)
    actor = f.actor(f.user(session, h, Role.RECEPTIONIST))
    session.commit()
    service = BookingService(uow, clock, clients=make_clients(sandbox, max_retries=0))
    return service, actor, doc, linked, local, pat_num


def _count(session, *where) -> int:
    session.expire_all()
    return session.scalar(sa.select(sa.func.count()).select_from(Appointment).where(*where))


def test_a_booking_is_written_to_opendental_and_read_back(session, desk, practice,  # noqa: F811
                                                          sandbox):  # noqa: F811
    service, actor, doc, linked, _local, pat_num = desk
    done = service.book(actor, linked.id, doc.id, at(10, 20), reason="Crown fitting")
    apt_num = done.booking.od_apt_num
    assert apt_num and f"AptNum {apt_num}" in done.opendental
    rec = practice.appointments[apt_num]
    assert (rec.pat_num, rec.op, rec.prov_num) == (pat_num, 3, 2)
    assert rec.apt_date_time == dt.datetime(2026, 3, 10, 10, 20)  # the practice's wall clock
    assert rec.pattern == "XXXX" and rec.note == "Crown fitting"
    assert rec.apt_status is AptStatus.SCHEDULED
    methods = [(m, p) for m, p, _ in sandbox.requests]
    assert ("POST", "/appointments") in methods
    assert ("GET", f"/appointments/{apt_num}") in methods  # read back
    row = session.get(Appointment, done.booking.appointment_id)
    assert row.od_apt_num == apt_num and row.od_apt_status == "Scheduled"

    moved = service.reschedule(actor, done.booking.appointment_id, at(12, 0))
    assert practice.appointments[apt_num].apt_date_time == dt.datetime(2026, 3, 10, 12, 0)
    assert moved.booking.start == at(12, 0)

    cancelled = service.cancel(actor, done.booking.appointment_id, "Patient unwell")
    assert practice.appointments[apt_num].apt_status is AptStatus.BROKEN
    assert "OpenDental" in cancelled.opendental


def test_opendental_refusing_the_booking_leaves_nothing_here(session, desk, practice,  # noqa: F811
                                                              sandbox):  # noqa: F811
    service, actor, doc, linked, _local, _ = desk
    before = len(practice.appointments)
    sandbox.inject("server_error", path="/appointments", method="POST", times=-1)
    with pytest.raises(IntegrationError, match="OpenDental could not book.*Nothing was changed"):
        service.book(actor, linked.id, doc.id, at(10, 20))
    assert _count(session, Appointment.patient_id == linked.id) == 0
    assert session.scalar(sa.select(sa.func.count()).select_from(ActivityLog).where(
        ActivityLog.action == "APPOINTMENT_BOOKED")) == 0
    assert len(practice.appointments) == before
    sandbox.clear_faults()
    assert service.book(actor, linked.id, doc.id, at(10, 20)).booking.od_apt_num


def test_opendental_refusing_a_move_leaves_the_booking_where_it_was(session, desk,  # noqa: F811
                                                                     practice,  # noqa: F811
                                                                     sandbox):  # noqa: F811
    service, actor, doc, linked, _local, _ = desk
    b = service.book(actor, linked.id, doc.id, at(10, 20)).booking
    sandbox.inject("server_error", path="/appointments", method="PUT", times=-1)
    with pytest.raises(IntegrationError, match="could not move"):
        service.reschedule(actor, b.appointment_id, at(12, 0))
    with pytest.raises(IntegrationError, match="could not cancel"):
        service.cancel(actor, b.appointment_id, "Patient unwell")
    session.expire_all()
    row = session.get(Appointment, b.appointment_id)
    assert (row.scheduled_start, row.slot_start, row.status) == (
        at(10, 20), at(10, 20), AppointmentStatus.SCHEDULED)
    assert practice.appointments[b.od_apt_num].apt_date_time == dt.datetime(2026, 3, 10, 10, 20)


def test_a_local_failure_after_opendental_accepted_is_undone_there(session, desk,  # noqa: F811
                                                                   practice):  # noqa: F811
    service, actor, doc, linked, _local, pat_num = desk
    before = set(practice.appointments)

    def lost_the_race() -> None:
        raise SlotTaken("The 10:20 slot was just booked by another desk.")

    service.before_insert = lost_the_race
    with pytest.raises(SlotTaken):
        service.book(actor, linked.id, doc.id, at(10, 20))
    new = [practice.appointments[n] for n in set(practice.appointments) - before]
    assert len(new) == 1 and new[0].pat_num == pat_num
    assert new[0].apt_status is AptStatus.BROKEN  # no half-booking left in OpenDental
    assert _count(session, Appointment.patient_id == linked.id) == 0


def test_a_patient_not_in_opendental_is_booked_here_only(session, desk, practice,  # noqa: F811
                                                         sandbox):  # noqa: F811
    service, actor, doc, _linked, local, _ = desk
    sandbox.clear_requests()
    done = service.book(actor, local.id, doc.id, at(11, 0))
    assert done.booking.od_apt_num is None and done.opendental == ""
    assert not [r for r in sandbox.requests if r[0] == "POST"]
    assert done.booking.status is AppointmentStatus.SCHEDULED


def test_a_booking_moved_in_opendental_frees_its_slot_here(session, uow, od, practice,  # noqa: F811
                                                             clock):  # noqa: F811
    """The appointments poller brings a move made in OpenDental: the row's time follows and it
    no longer holds the slot it was booked into, so that slot can be booked again."""
    dept = f.department(session, od.hospital)
    doc = f.doctor(session, od.hospital, dept, od_prov_num=99)  # no practice appointments
    session.add(WorkingHours(hospital_id=od.hospital.id, doctor_id=doc.id,
                             weekday=DAY.weekday(), start_time=dt.time(9),
                             end_time=dt.time(13), slot_minutes=20))
    pat_nums = sorted(practice.patients)
    linked = f.patient(session, od.hospital, od_pat_num=pat_nums[0],
                       od_connection_id=od.connection.id)
    other = f.patient(session, od.hospital)
    actor = f.actor(f.user(session, od.hospital, Role.RECEPTIONIST))
    session.commit()
    service = BookingService(uow, clock, clients=od.factory)
    b = service.book(actor, linked.id, doc.id, at(10, 20)).booking
    practice.edit_appointment(b.od_apt_num, apt_date_time=dt.datetime(2026, 3, 10, 12, 20))
    clock.advance(minutes=5)
    assert run(od, "appointments_today").ok
    session.expire_all()
    row = session.get(Appointment, b.appointment_id)
    assert row.scheduled_start == at(12, 20) and row.slot_start is None
    # the old slot is free for the service and for the index alike
    again = service.book(actor, other.id, doc.id, at(10, 20)).booking
    assert again.start == at(10, 20)
