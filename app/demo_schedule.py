"""The demo's working hours: every demo doctor gets a week of sessions (issue 14).

Wall-clock times at the hospital (Asia/Dubai). Clinic doctors work Monday to Saturday,
09:00-13:00 and 16:00-20:00 in 15-minute slots; the emergency department is staffed every
day round the clock (00:00 to the last quarter before midnight), also in 15-minute slots. Idempotent: a doctor who already has hours keeps
them, so an existing demo database gets hours on its next start and an edited one is left
alone. The emergency department (code ER) is marked as such for the booking page.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import Department, Doctor, WorkingHours

CLINIC_DAYS = range(0, 6)  # Monday..Saturday
CLINIC_SESSIONS = ((dt.time(9, 0), dt.time(13, 0)), (dt.time(16, 0), dt.time(20, 0)))
# Python's time has no 24:00: the last slot is 23:30-23:45.
EMERGENCY_SESSIONS = ((dt.time(0, 0), dt.time(23, 59, 59)),)
SLOT_MINUTES = 15


def add_working_hours(s: Session, hospital_id: int) -> int:
    """Hours for every active doctor of the hospital who has none; returns rows added."""
    s.execute(sa.update(Department).where(Department.hospital_id == hospital_id,
                                          Department.code == "ER")
              .values(is_emergency=True))
    has_hours = sa.select(WorkingHours.id).where(WorkingHours.doctor_id == Doctor.id).exists()
    doctors = s.execute(
        sa.select(Doctor.id, Department.is_emergency)
        .join(Department, Department.id == Doctor.department_id)
        .where(Doctor.hospital_id == hospital_id, Doctor.is_active, ~has_hours)).all()
    rows = []
    for doctor_id, emergency in doctors:
        days = range(7) if emergency else CLINIC_DAYS
        sessions = EMERGENCY_SESSIONS if emergency else CLINIC_SESSIONS
        rows += [dict(hospital_id=hospital_id, doctor_id=doctor_id, weekday=d, start_time=a,
                      end_time=b, slot_minutes=SLOT_MINUTES) for d in days for a, b in sessions]
    if rows:
        s.execute(sa.insert(WorkingHours), rows)
    return len(rows)
