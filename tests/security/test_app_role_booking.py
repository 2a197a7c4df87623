"""Booking as the desks' least-privilege role (clinicdesk_app): working hours are readable,
a booking, a move and a cancellation with its refund offer all work, and the slot index still
refuses a second live booking of one slot."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from app.db.models import WorkingHours
from app.db.session import make_session_factory
from app.domain.enums import PaymentMethod, Role
from app.domain.errors import SlotTaken
from app.services.booking import BookingService
from app.services.copay import CopayService
from app.services.unit_of_work import uow_factory
from tests import factories as f
from tests.security.role_db import role_db_fixture  # noqa: F401  (provides role_db)
from tests.services.conftest import DAY, NOW


def at(h: int, m: int = 0) -> dt.datetime:
    return dt.datetime(DAY.year, DAY.month, DAY.day, h, m, tzinfo=f.DUBAI)


def test_booking_works_as_the_app_role(role_db):
    with Session(role_db.admin, expire_on_commit=False) as s:
        h = f.hospital(s)
        dept = f.department(s, h)
        doc = f.doctor(s, h, dept)
        s.add(WorkingHours(hospital_id=h.id, doctor_id=doc.id, weekday=DAY.weekday(),
                           start_time=dt.time(9), end_time=dt.time(12), slot_minutes=15))
        desk = f.user(s, h, Role.RECEPTIONIST)
        f.charge(s, h, "initial_consultation", "300.00", cpt_code="99203")
        one, two = f.patient(s, h), f.patient(s, h)
        s.commit()
    uow = uow_factory(make_session_factory(role_db.app_engine))
    booking, copay = BookingService(uow, lambda: NOW), CopayService(uow, lambda: NOW)
    actor = f.committed_actor(role_db.admin, desk.id)
    b = booking.book(actor, one.id, doc.id, at(10, 0)).booking
    with pytest.raises(SlotTaken):
        booking.book(actor, two.id, doc.id, at(10, 0))
    b = booking.reschedule(actor, b.appointment_id, at(11, 0)).booking
    copay.collect(actor, b.appointment_id, PaymentMethod.CASH, "role-1")
    done = booking.cancel(actor, b.appointment_id, "Patient called")
    assert done.refund_offer is not None and done.refund_offer.amount > 0
    assert booking.book(actor, two.id, doc.id, at(11, 0)).booking.start == at(11, 0)
