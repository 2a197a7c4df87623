"""Appointments and the OPD queue, vitals, the charge master, drugs and prescriptions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import (
    bool_false,
    bool_true,
    created_at,
    fk,
    intpk,
    jsonb,
    money,
    rate,
    updated_at,
)
from app.domain.enums import AppointmentStatus, CopayStatus, EligibilityStatus, VisitType


class ChargeItem(Base):
    """The charge master: what a code costs at this hospital, VAT-inclusive."""

    __tablename__ = "charge_master"
    __table_args__ = (
        sa.UniqueConstraint("hospital_id", "code"),
        sa.CheckConstraint("fee >= 0", name="fee_nonneg"),
        sa.CheckConstraint("vat_rate >= 0 AND vat_rate < 1", name="vat_rate_range"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    code: Mapped[str] = mapped_column(sa.String(40))
    cpt_code: Mapped[str | None] = mapped_column(sa.String(10))
    description: Mapped[str] = mapped_column(sa.String(200))
    fee: Mapped[money]
    vat_rate: Mapped[rate] = mapped_column(server_default="0")
    is_active: Mapped[bool_true]


class Appointment(Base):
    __tablename__ = "appointments"
    __table_args__ = (
        sa.UniqueConstraint("od_connection_id", "od_apt_num"),  # 0004: per connection
        sa.CheckConstraint("token_number > 0", name="token_positive"),
        sa.CheckConstraint("copay_amount >= 0", name="copay_amount_nonneg"),
        sa.CheckConstraint("scheduled_end IS NULL OR scheduled_end >= scheduled_start",
                           name="schedule_ordered"),
        sa.CheckConstraint(
            "copay_collected = (copay_status = 'COLLECTED')", name="copay_collected_matches"
        ),
        sa.CheckConstraint(
            "status NOT IN ('CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED') "
            "OR (token_number IS NOT NULL AND checked_in_at IS NOT NULL)",
            name="checked_in_has_token",
        ),
        # Tokens restart each day per department and never repeat within it.
        sa.Index(
            "uq_appointments_token_per_day",
            "department_id",
            "appointment_date",
            "token_number",
            unique=True,
            postgresql_where=sa.text("token_number IS NOT NULL"),
        ),
        sa.Index("ix_appointments_day", "hospital_id", "appointment_date", "department_id"),
        sa.Index("ix_appointments_patient_date", "patient_id", "appointment_date"),
        # 0007: a doctor's day, for the booking grids (one probe per doctor).
        sa.Index("ix_appointments_doctor_day", "doctor_id", "appointment_date"),
        # 0007: a booked slot is held by one live appointment, whichever desk asks first
        # (app/services/booking.py). Only rows the booking service wrote carry slot_start, so
        # older overlapping rows (imports, walk-ins, generated data) never block the index.
        sa.Index(
            "uq_appointments_doctor_slot",
            "doctor_id",
            "slot_start",
            unique=True,
            postgresql_where=sa.text(
                "slot_start IS NOT NULL AND status NOT IN ('CANCELLED', 'NO_SHOW')"),
        ),
        # 0014: the Eligibility review's keyset pages (app/services/eligibility_review.py):
        # days in order, each by time; by eligibility status; the overridden ones.
        sa.Index("ix_appointments_review_page", "hospital_id", "appointment_date",
                 "scheduled_start", "id"),
        sa.Index("ix_appointments_review_status_page", "hospital_id", "eligibility_status",
                 "appointment_date", "scheduled_start", "id"),
        sa.Index("ix_appointments_review_override_page", "hospital_id", "appointment_date",
                 "scheduled_start", "id",
                 postgresql_where=sa.text("eligibility_details ? 'override'")),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id", index=False)
    doctor_id: Mapped[int] = fk("doctors.id")
    department_id: Mapped[int] = fk("departments.id", index=False)
    scheduled_start: Mapped[dt.datetime]
    scheduled_end: Mapped[dt.datetime | None]
    # The local calendar day in the hospital's timezone: "today" is a plain equality.
    appointment_date: Mapped[dt.date]
    visit_type: Mapped[VisitType]
    is_emergency: Mapped[bool_false]
    status: Mapped[AppointmentStatus] = mapped_column(
        server_default=AppointmentStatus.SCHEDULED.value
    )
    token_number: Mapped[int | None]
    checked_in_at: Mapped[dt.datetime | None]
    vitals_recorded_at: Mapped[dt.datetime | None]
    consultation_started_at: Mapped[dt.datetime | None]
    completed_at: Mapped[dt.datetime | None]
    copay_status: Mapped[CopayStatus] = mapped_column(server_default=CopayStatus.PENDING.value)
    copay_collected: Mapped[bool_false]
    copay_amount: Mapped[money | None]
    copay_action_reason: Mapped[str | None] = mapped_column(sa.Text)
    preauth_overridden: Mapped[bool_false]
    self_pay: Mapped[bool_false] = mapped_column(comment="converted to self-pay at the desk")
    eligibility_status: Mapped[EligibilityStatus] = mapped_column(
        server_default=EligibilityStatus.PENDING.value
    )
    eligibility_details: Mapped[jsonb]
    eligibility_checked_at: Mapped[dt.datetime | None]
    insurance_coverage_amount: Mapped[money | None]
    patient_responsibility_amount: Mapped[money | None]
    discount_amount: Mapped[money | None]
    reason: Mapped[str | None] = mapped_column(sa.Text)
    notes: Mapped[str | None] = mapped_column(sa.Text)
    od_apt_num: Mapped[int | None] = mapped_column(sa.BigInteger, comment="OpenDental AptNum")
    od_connection_id: Mapped[int | None] = fk("opendental_connections.id", ondelete="SET NULL",
                                              index=False)
    od_apt_status: Mapped[str | None] = mapped_column(sa.String(20),
                                                      comment="OpenDental AptStatus")
    od_provider: Mapped[str | None] = mapped_column(sa.String(120))
    operatory: Mapped[str | None] = mapped_column(sa.String(60))
    slot_start: Mapped[dt.datetime | None] = mapped_column(
        comment="the working-hours slot this booking holds (0007); NULL: not slot-booked")
    version: Mapped[int] = mapped_column(server_default="1")
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]


class Vitals(Base):
    __tablename__ = "vitals"
    __table_args__ = (
        sa.CheckConstraint("bp_systolic BETWEEN 50 AND 260", name="bp_systolic_range"),
        sa.CheckConstraint("bp_diastolic BETWEEN 30 AND 160", name="bp_diastolic_range"),
        sa.CheckConstraint("heart_rate BETWEEN 20 AND 250", name="heart_rate_range"),
        sa.CheckConstraint("temperature_c BETWEEN 30 AND 45", name="temperature_range"),
        sa.CheckConstraint("spo2 BETWEEN 50 AND 100", name="spo2_range"),
        sa.CheckConstraint("weight_kg > 0 AND weight_kg < 400", name="weight_range"),
        sa.CheckConstraint("height_cm > 20 AND height_cm < 260", name="height_range"),
    )

    id: Mapped[intpk]
    appointment_id: Mapped[int] = fk("appointments.id", ondelete="CASCADE", index=False,
                                     unique=True)
    bp_systolic: Mapped[int | None] = mapped_column(sa.SmallInteger)
    bp_diastolic: Mapped[int | None] = mapped_column(sa.SmallInteger)
    heart_rate: Mapped[int | None] = mapped_column(sa.SmallInteger)
    temperature_c: Mapped[Decimal | None] = mapped_column(sa.Numeric(4, 1))
    spo2: Mapped[int | None] = mapped_column(sa.SmallInteger)
    weight_kg: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 1))
    height_cm: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 1))
    recorded_by: Mapped[int | None] = fk("users.id", ondelete="SET NULL", index=False)
    recorded_at: Mapped[created_at]


class TokenCounter(Base):
    """Last token handed out per department and day; the row lock makes tokens unique."""

    __tablename__ = "token_counters"

    department_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("departments.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    last_token: Mapped[int] = mapped_column(server_default="0")


class Drug(Base):
    __tablename__ = "drugs"
    __table_args__ = (
        sa.UniqueConstraint("hospital_id", "code"),
        sa.CheckConstraint("unit_price >= 0", name="unit_price_nonneg"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    code: Mapped[str] = mapped_column(sa.String(40))
    name: Mapped[str] = mapped_column(sa.String(200))
    unit_price: Mapped[money]
    vat_rate: Mapped[rate] = mapped_column(server_default="0")


class Prescription(Base):
    __tablename__ = "prescriptions"
    __table_args__ = (
        sa.CheckConstraint("quantity > 0", name="quantity_positive"),
        sa.Index("ix_prescriptions_active", "patient_id", postgresql_where=sa.text("is_active")),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id", ondelete="CASCADE", index=False)
    drug_id: Mapped[int] = fk("drugs.id", index=False)
    doctor_id: Mapped[int | None] = fk("doctors.id", ondelete="SET NULL", index=False)
    quantity: Mapped[int]
    is_active: Mapped[bool_true]
    prescribed_at: Mapped[created_at]
