"""Hospitals, departments, doctors, users and their login sessions."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base
from app.db.types import bool_false, bool_true, created_at, fk, intpk, jsonb, updated_at
from app.domain.enums import Role, SessionEndReason


class Hospital(Base):
    __tablename__ = "hospitals"

    id: Mapped[intpk]
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    name_ar: Mapped[str | None] = mapped_column(sa.String(200))
    timezone: Mapped[str] = mapped_column(sa.String(64), server_default="Asia/Dubai")
    address: Mapped[str | None] = mapped_column(sa.Text)
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    email: Mapped[str | None] = mapped_column(sa.String(200))
    trn: Mapped[str | None] = mapped_column(sa.String(20), comment="UAE VAT tax registration number")
    dha_facility_id: Mapped[str | None] = mapped_column(sa.String(40))
    # DHA mode, idle-lock minutes, SMTP host/port/sender, OpenDental base URL... never secrets:
    # credentials live in the OS keyring.
    settings: Mapped[jsonb]
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]


class Department(Base):
    __tablename__ = "departments"
    __table_args__ = (sa.UniqueConstraint("hospital_id", "code"),)

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE")
    code: Mapped[str] = mapped_column(sa.String(20))
    name: Mapped[str] = mapped_column(sa.String(120))
    is_active: Mapped[bool_true]
    # 0007: the department the booking page's Emergency mode opens on.
    is_emergency: Mapped[bool_false]


class Doctor(Base):
    __tablename__ = "doctors"

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE")
    department_id: Mapped[int] = fk("departments.id")
    full_name: Mapped[str] = mapped_column(sa.String(200))
    license_no: Mapped[str | None] = mapped_column(sa.String(40))
    speciality: Mapped[str | None] = mapped_column(sa.String(120))
    od_prov_num: Mapped[int | None] = mapped_column(sa.BigInteger, comment="OpenDental ProvNum")
    is_active: Mapped[bool_true]

    department: Mapped[Department] = relationship(lazy="raise")


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint("failed_login_count >= 0", name="failed_login_count_nonneg"),
        sa.CheckConstraint("language IN ('en', 'ar')", name="language"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE")
    username: Mapped[str] = mapped_column(sa.String(80), unique=True)
    full_name: Mapped[str] = mapped_column(sa.String(200))
    role: Mapped[Role]
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    doctor_id: Mapped[int | None] = fk("doctors.id", ondelete="SET NULL")
    email: Mapped[str | None] = mapped_column(sa.String(200))
    is_active: Mapped[bool_true]
    failed_login_count: Mapped[int] = mapped_column(server_default="0")
    locked_until: Mapped[dt.datetime | None]
    last_login_at: Mapped[dt.datetime | None]
    language: Mapped[str] = mapped_column(sa.String(5), server_default="en")
    """The interface language the user chose at sign-in ('en' or 'ar')."""
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]


class LoginSession(Base):
    """One sign-in on one workstation; ended by logout, idle lock, revocation or exit."""

    __tablename__ = "login_sessions"
    __table_args__ = (
        sa.Index("ix_login_sessions_open", "user_id", postgresql_where=sa.text("ended_at IS NULL")),
    )

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=sa.func.gen_random_uuid()
    )
    user_id: Mapped[int] = fk("users.id", ondelete="CASCADE")
    workstation: Mapped[str] = mapped_column(sa.String(120))
    app_version: Mapped[str] = mapped_column(sa.String(20))
    started_at: Mapped[created_at]
    last_seen_at: Mapped[dt.datetime] = mapped_column(server_default=sa.func.now())
    ended_at: Mapped[dt.datetime | None]
    end_reason: Mapped[SessionEndReason | None]
    # Absolute lifetime: set at sign-in from the hospital's session_hours (database clock);
    # after it every service call is refused however active the desk is.
    expires_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
