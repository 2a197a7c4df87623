"""Doctors' working hours: when each doctor sees patients, per weekday, in slots (0007).

Times are wall-clock times at the hospital (``hospitals.timezone``, Asia/Dubai in the demo),
never the workstation's: app/domain/slots.py turns them into the day's slots. A doctor may
have several rows for one weekday (a morning and an evening session); rows of one doctor and
weekday may not overlap (app/services/booking.py refuses overlapping sessions it is given,
the database refuses the same start twice).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import created_at, fk, intpk


class WorkingHours(Base):
    __tablename__ = "doctor_working_hours"
    __table_args__ = (
        sa.UniqueConstraint("doctor_id", "weekday", "start_time"),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        sa.CheckConstraint("end_time > start_time", name="hours_ordered"),
        sa.CheckConstraint("slot_minutes BETWEEN 5 AND 240", name="slot_minutes_range"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    doctor_id: Mapped[int] = fk("doctors.id", ondelete="CASCADE", index=False)
    weekday: Mapped[int] = mapped_column(sa.SmallInteger, comment="0 = Monday ... 6 = Sunday")
    start_time: Mapped[dt.time] = mapped_column(sa.Time)
    end_time: Mapped[dt.time] = mapped_column(sa.Time)
    slot_minutes: Mapped[int] = mapped_column(sa.SmallInteger, server_default="15")
    od_op_num: Mapped[int | None] = mapped_column(
        sa.BigInteger, comment="OpenDental operatory (Op) bookings in these hours go to")
    created_at: Mapped[created_at]
