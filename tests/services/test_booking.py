"""Booking with slots on real PostgreSQL (app/services/booking.py): free slots, the Quick
Book and Emergency grids, book, reschedule, cancel with a refund offer, the database-enforced
"one live booking per slot", and what goes to the queue."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, Appointment, WorkingHours
from app.domain.enums import (
    AppointmentStatus,
    PaymentMethod,
    RefundMethod,
    RefundReason,
    Role,
    VisitType,
)
from app.domain.errors import Conflict, NotFound, PermissionDenied, SlotTaken, ValidationError
from app.services.booking import BookingService
from tests import factories as f
from tests.services.conftest import DAY, NOW, make_clinic

DUBAI = f.DUBAI


def at(h: int, m: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, h, m, tzinfo=DUBAI)


def hours(session, doctor, *, weekdays=range(7), start=dt.time(9, 0), end=dt.time(12, 0),
          minutes=15) -> None:
    for wd in weekdays:
        session.add(WorkingHours(hospital_id=doctor.hospital_id, doctor_id=doctor.id,
                                 weekday=wd, start_time=start, end_time=end,
                                 slot_minutes=minutes))
    session.flush()


@pytest.fixture
def clinic(session, uow):
    c = make_clinic(session, uow)
    hours(session, c.doctor)
    session.commit()
    c.booking = BookingService(uow, lambda: NOW)
    return c


def labels(doctor_slots) -> list[str]:
    return [s.label for s in doctor_slots.slots]


def test_free_slots_today_hide_the_next_15_minutes_and_booked_time(clinic) -> None:
    pat = clinic.patient()
    clinic.appointment(pat, scheduled_start=at(10, 0), scheduled_end=at(10, 15))
    clinic.session.commit()
    got = clinic.booking.free_slots(clinic.desk, clinic.dept.id, clinic.doctor.id, DAY)
    # now 09:30: 09:30 and 09:45 are within 15 minutes (09:45 is exactly 15: offered)
    assert labels(got)[0] == "09:45" and "09:30" not in labels(got)
    assert "10:00" not in labels(got) and "10:15" in labels(got)
    assert got.works and got.day == DAY
    tomorrow = clinic.booking.free_slots(clinic.desk, clinic.dept.id, clinic.doctor.id,
                                         DAY + dt.timedelta(days=1))
    assert len(tomorrow.slots) == 12


def test_quick_book_grid_puts_every_doctor_side_by_side(clinic, session) -> None:
    second = f.doctor(session, clinic.hospital, clinic.dept, full_name="Dr. Zaid Omar")
    f.doctor(session, clinic.hospital, clinic.dept, full_name="Dr. No Hours")
    hours(session, second, start=dt.time(14, 0), end=dt.time(15, 0), minutes=30)
    session.commit()
    grid = clinic.booking.quick_book_grid(clinic.desk, clinic.dept.id)
    assert grid.day == DAY and grid.department_name == "General Practice"
    by_name = {c.doctor_name: c for c in grid.columns}
    assert set(by_name) == {"Dr. Sara Khan", "Dr. Zaid Omar", "Dr. No Hours"}
    assert labels(by_name["Dr. Zaid Omar"]) == ["14:00", "14:30"]
    assert by_name["Dr. No Hours"].slots == () and not by_name["Dr. No Hours"].works


def test_emergency_mode_opens_the_emergency_department_today(clinic, session) -> None:
    with pytest.raises(NotFound, match="no emergency department"):
        clinic.booking.emergency_slots(clinic.desk)
    er = f.department(session, clinic.hospital, name="Emergency", is_emergency=True)
    doc = f.doctor(session, clinic.hospital, er, full_name="Dr. Fatima")
    hours(session, doc, start=dt.time(8, 0), end=dt.time(22, 0))
    session.commit()
    grid = clinic.booking.emergency_slots(clinic.desk)
    assert grid.department_id == er.id and grid.day == DAY
    assert labels(grid.columns[0])[0] == "09:45" and labels(grid.columns[0])[-1] == "21:45"


def test_book_makes_a_scheduled_appointment_the_queue_shows(clinic, session) -> None:
    pat = clinic.patient()
    session.commit()
    done = clinic.booking.book(clinic.desk, pat.id, clinic.doctor.id, at(11, 0),
                               VisitType.FOLLOW_UP, reason="Blood test results")
    b = done.booking
    assert (b.start, b.end, b.status) == (at(11, 0), at(11, 15), AppointmentStatus.SCHEDULED)
    assert done.changes.touches("appointments") and done.opendental == ""
    row = session.get(Appointment, b.appointment_id)
    session.refresh(row)
    assert row.slot_start == at(11, 0) and row.appointment_date == DAY
    assert row.token_number is None  # handed out at check-in, like every appointment
    queue = clinic.queue.day(clinic.desk, DAY)
    assert [q.appointment_id for q in queue] == [b.appointment_id]
    # the queue's check-in works on it (copay deferred first)
    clinic.copay.defer(clinic.desk, b.appointment_id, "Will pay after the visit")
    assert clinic.queue.check_in(clinic.desk, b.appointment_id).token_number == 1
    assert session.scalar(sa.select(sa.func.count()).select_from(ActivityLog).where(
        ActivityLog.action == "APPOINTMENT_BOOKED")) == 1
    left = clinic.booking.free_slots(clinic.desk, clinic.dept.id, clinic.doctor.id, DAY)
    assert "11:00" not in labels(left)


def test_a_taken_slot_gives_slot_taken_and_bad_input_a_sentence(clinic, session) -> None:
    one, two = clinic.patient(), clinic.patient()
    session.commit()
    clinic.booking.book(clinic.desk, one.id, clinic.doctor.id, at(10, 30))
    with pytest.raises(SlotTaken, match="another desk"):
        clinic.booking.book(clinic.desk, two.id, clinic.doctor.id, at(10, 30))
    with pytest.raises(ValidationError, match="not one of"):
        clinic.booking.book(clinic.desk, two.id, clinic.doctor.id, at(10, 20))
    with pytest.raises(ValidationError, match="within 15 minutes"):
        clinic.booking.book(clinic.desk, two.id, clinic.doctor.id, at(9, 30))
    with pytest.raises(ValidationError, match="time zone"):
        clinic.booking.book(clinic.desk, two.id, clinic.doctor.id, dt.datetime(2026, 3, 10, 11))
    with pytest.raises(Conflict, match="already has an appointment"):
        other = f.doctor(session, clinic.hospital, clinic.dept)
        hours(session, other)
        session.commit()
        clinic.booking.book(clinic.desk, one.id, other.id, at(10, 30))
    with pytest.raises(PermissionDenied):
        clinic.booking.book(clinic.actors[Role.NURSE], two.id, clinic.doctor.id, at(11, 30))


def test_the_database_itself_refuses_a_second_live_booking_of_a_slot(clinic, session) -> None:
    one, two = clinic.patient(), clinic.patient()
    session.commit()
    first = clinic.booking.book(clinic.desk, one.id, clinic.doctor.id, at(10, 45)).booking
    with (pytest.raises(sa.exc.IntegrityError, match="uq_appointments_doctor_slot"),
          session.begin_nested()):
        f.appointment(session, two, clinic.doctor, day=DAY, scheduled_start=at(10, 45),
                      scheduled_end=at(11, 0), slot_start=at(10, 45))
    # a cancelled booking frees its slot for the database too
    clinic.booking.cancel(clinic.desk, first.appointment_id, "Patient travelling")
    again = clinic.booking.book(clinic.desk, two.id, clinic.doctor.id, at(10, 45))
    assert again.booking.start == at(10, 45)


def test_old_overlapping_rows_do_not_block_the_index(clinic, session) -> None:
    """Rows from before 0007 (imports, walk-ins, the bench generator) may overlap: they carry
    no slot_start, the index ignores them, and the booking service still sees them busy."""
    a, b = clinic.patient(), clinic.patient()
    clinic.appointment(a, scheduled_start=at(11, 15), scheduled_end=at(11, 30))
    clinic.appointment(b, scheduled_start=at(11, 15), scheduled_end=at(11, 30))
    session.commit()
    got = clinic.booking.free_slots(clinic.desk, clinic.dept.id, clinic.doctor.id, DAY)
    assert "11:15" not in labels(got)


def test_reschedule_moves_the_booking_and_frees_the_old_slot(clinic, session) -> None:
    pat, other = clinic.patient(), clinic.patient()
    session.commit()
    b = clinic.booking.book(clinic.desk, pat.id, clinic.doctor.id, at(10, 0)).booking
    moved = clinic.booking.reschedule(clinic.desk, b.appointment_id, at(11, 45)).booking
    assert moved.appointment_id == b.appointment_id and moved.start == at(11, 45)
    assert moved.version == b.version + 1
    clinic.booking.book(clinic.desk, other.id, clinic.doctor.id, at(10, 0))  # freed
    with pytest.raises(SlotTaken):
        clinic.booking.reschedule(clinic.desk, b.appointment_id, at(10, 0))
    next_week = clinic.booking.reschedule(clinic.desk, b.appointment_id,
                                          at(9, 0, DAY + dt.timedelta(days=7))).booking
    assert next_week.start.date() == DAY + dt.timedelta(days=7)
    assert [u.appointment_id for u in clinic.booking.upcoming(clinic.desk, pat.id)] == [
        b.appointment_id]
    session.expire_all()
    assert session.get(Appointment, b.appointment_id).appointment_date == \
        DAY + dt.timedelta(days=7)


def test_a_checked_in_appointment_is_not_moved_or_cancelled(clinic, session) -> None:
    pat = clinic.patient()
    session.commit()
    b = clinic.booking.book(clinic.desk, pat.id, clinic.doctor.id, at(10, 0)).booking
    clinic.copay.defer(clinic.desk, b.appointment_id, "Later")
    clinic.queue.check_in(clinic.desk, b.appointment_id)
    with pytest.raises(Conflict, match="checked_in"):
        clinic.booking.cancel(clinic.desk, b.appointment_id, "No longer needed")
    with pytest.raises(Conflict):
        clinic.booking.reschedule(clinic.desk, b.appointment_id, at(11, 0))


def test_cancel_without_a_copay_offers_no_refund(clinic, session) -> None:
    pat = clinic.patient()
    session.commit()
    b = clinic.booking.book(clinic.desk, pat.id, clinic.doctor.id, at(10, 0)).booking
    with pytest.raises(ValidationError):
        clinic.booking.cancel(clinic.desk, b.appointment_id, "  ")
    done = clinic.booking.cancel(clinic.desk, b.appointment_id, "Patient called")
    assert done.refund_offer is None and done.changes.touches("appointments")
    session.expire_all()
    row = session.get(Appointment, b.appointment_id)
    assert row.status is AppointmentStatus.CANCELLED and "Patient called" in row.notes
    assert clinic.booking.upcoming(clinic.desk, pat.id) == []


def test_cancel_after_the_copay_was_collected_offers_a_refund_request(clinic, session) -> None:
    pat = clinic.patient()
    session.commit()
    b = clinic.booking.book(clinic.desk, pat.id, clinic.doctor.id, at(10, 0)).booking
    paid = clinic.copay.collect(clinic.desk, b.appointment_id, PaymentMethod.CASH, "k-1")
    done = clinic.booking.cancel(clinic.desk, b.appointment_id, "Doctor on leave")
    offer = done.refund_offer
    assert offer is not None
    assert offer.payment.receipt_number == paid.receipt_number
    assert offer.amount == offer.payment.paid > 0
    assert (offer.reason, offer.method) == (RefundReason.APPOINTMENT_CANCELLED, RefundMethod.CASH)
    # the desk accepts the offer with the existing refunds service
    from app.services.refunds import RefundService

    refunds = RefundService(clinic.booking._uow, lambda: NOW)
    req = refunds.request(clinic.desk, offer.payment.payment_id, offer.amount, offer.reason,
                          offer.method)
    assert req.refund.amount == offer.amount
