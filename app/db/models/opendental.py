"""OpenDental connections and the rows mirrored from them that have no home elsewhere:
procedures (what a claim is drafted from), coverage rows (eligibility: OpenDental has no
eligibility endpoint; a patplan + inssub date range + plan benefits is the coverage), the
procedures of a claim and the history of a claim's status.

Keys are never stored here: the developer and customer keys live in the OS keyring
(app/integrations/opendental/credentials.py). OpenDental's own ids (PatNum, AptNum, ProcNum,
ClaimNum, ...) are unique per connection, not per hospital: two OpenDental databases can both
have a PatNum 17.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
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
    money0,
    updated_at,
)
from app.domain.enums import ClaimStatus, OpenDentalMode


class OpenDentalConnection(Base):
    """One OpenDental database (cloud, Local API, API Service or the loopback sandbox) that
    a hospital's desks poll; ``cadence`` overrides a job's minutes by job name."""

    __tablename__ = "opendental_connections"
    __table_args__ = (
        sa.UniqueConstraint("hospital_id", "name"),
        sa.CheckConstraint("requests_per_second > 0", name="rps_positive"),
        sa.CheckConstraint("mode = 'SANDBOX' OR base_url IS NOT NULL", name="base_url_required"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    name: Mapped[str] = mapped_column(sa.String(120))
    mode: Mapped[OpenDentalMode]
    base_url: Mapped[str | None] = mapped_column(sa.String(300))
    clinic_num: Mapped[int | None] = mapped_column(sa.BigInteger, comment="OpenDental ClinicNum")
    timezone: Mapped[str] = mapped_column(sa.String(64), server_default="Asia/Dubai")
    requests_per_second: Mapped[Decimal] = mapped_column(sa.Numeric(6, 2), server_default="1")
    cadence: Mapped[jsonb] = mapped_column(comment="job name -> minutes override")
    is_active: Mapped[bool_true]
    last_test_at: Mapped[dt.datetime | None]
    last_test_result: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]


class OdProcedure(Base):
    """A procedurelog row of OpenDental (completed or planned), linked to the appointment and
    patient it belongs to here when those are known."""

    __tablename__ = "od_procedures"
    __table_args__ = (
        sa.UniqueConstraint("connection_id", "proc_num"),
        sa.CheckConstraint("proc_fee >= 0", name="proc_fee_nonneg"),
    )

    id: Mapped[intpk]
    connection_id: Mapped[int] = fk("opendental_connections.id", ondelete="CASCADE", index=False)
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    proc_num: Mapped[int] = mapped_column(sa.BigInteger)
    pat_num: Mapped[int] = mapped_column(sa.BigInteger)
    apt_num: Mapped[int | None] = mapped_column(sa.BigInteger)
    patient_id: Mapped[int | None] = fk("patients.id", ondelete="SET NULL", index=False)
    appointment_id: Mapped[int | None] = fk("appointments.id", ondelete="SET NULL")
    code: Mapped[str] = mapped_column(sa.String(20))
    description: Mapped[str | None] = mapped_column(sa.String(200))
    proc_fee: Mapped[money]
    proc_date: Mapped[dt.date | None]
    proc_status: Mapped[str] = mapped_column(sa.String(20), comment="OpenDental ProcStatus")
    updated_at: Mapped[updated_at]


class OdCoverage(Base):
    """A patplan of OpenDental with its inssub's dates and its plan's benefits: the patient is
    covered on a day when the day is inside [date_effective, date_term]."""

    __tablename__ = "od_coverages"
    __table_args__ = (
        sa.UniqueConstraint("connection_id", "pat_plan_num"),
        sa.CheckConstraint("date_term IS NULL OR date_effective IS NULL "
                           "OR date_term >= date_effective", name="dates_ordered"),
        sa.Index("ix_od_coverages_patient", "patient_id", "ordinal"),
        # 0013: each plan's carrier for the dashboard (a skip scan, one probe per plan).
        sa.Index("ix_od_coverages_plan", "hospital_id", "connection_id", "plan_num",
                 postgresql_include=["carrier_name"]),
        # 0014: a claim's payer, the newest row of its plan naming a carrier (first entry).
        sa.Index("ix_od_coverages_plan_carrier", "hospital_id", "connection_id", "plan_num",
                 sa.text("id DESC"), postgresql_include=["carrier_name"],
                 postgresql_where=sa.text("carrier_name <> ''")),
    )

    id: Mapped[intpk]
    connection_id: Mapped[int] = fk("opendental_connections.id", ondelete="CASCADE", index=False)
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    pat_plan_num: Mapped[int] = mapped_column(sa.BigInteger)
    pat_num: Mapped[int] = mapped_column(sa.BigInteger)
    patient_id: Mapped[int | None] = fk("patients.id", ondelete="SET NULL", index=False)
    ordinal: Mapped[int] = mapped_column(sa.SmallInteger)
    ins_sub_num: Mapped[int] = mapped_column(sa.BigInteger)
    plan_num: Mapped[int | None] = mapped_column(sa.BigInteger)
    carrier_name: Mapped[str | None] = mapped_column(sa.String(200))
    group_name: Mapped[str | None] = mapped_column(sa.String(200))
    subscriber_id: Mapped[str | None] = mapped_column(sa.String(60))
    date_effective: Mapped[dt.date | None]
    date_term: Mapped[dt.date | None]
    is_pending: Mapped[bool_false]
    benefits: Mapped[dict[str, Any]] = mapped_column(
        JSONB, server_default=sa.text("'{}'::jsonb"),
        comment="annual max, deductible, coinsurance % by category")
    updated_at: Mapped[updated_at]


class ClaimProcedure(Base):
    """One procedure on a claim (an OpenDental claimproc), with what was billed and paid."""

    __tablename__ = "claim_procedures"
    __table_args__ = (
        sa.UniqueConstraint("claim_id", "od_proc_num"),
        sa.CheckConstraint("fee_billed >= 0", name="fee_billed_nonneg"),
    )

    id: Mapped[intpk]
    claim_id: Mapped[int] = fk("claims.id", ondelete="CASCADE", index=False)
    procedure_id: Mapped[int | None] = fk("od_procedures.id", ondelete="SET NULL")
    od_proc_num: Mapped[int] = mapped_column(sa.BigInteger)
    od_claim_proc_num: Mapped[int | None] = mapped_column(sa.BigInteger)
    code: Mapped[str] = mapped_column(sa.String(20))
    description: Mapped[str | None] = mapped_column(sa.String(200))
    proc_date: Mapped[dt.date | None]
    fee_billed: Mapped[money]
    ins_pay_est: Mapped[money0]
    ins_pay_amt: Mapped[money0]
    write_off: Mapped[money0]
    ded_applied: Mapped[money0]
    status: Mapped[str | None] = mapped_column(sa.String(20), comment="OpenDental claimproc Status")
    remarks: Mapped[str | None] = mapped_column(sa.Text)
    updated_at: Mapped[updated_at]


def _claim_status(name: str) -> sa.Enum:
    # Two columns of one enum need CHECK constraints of their own names.
    return sa.Enum(ClaimStatus, native_enum=False, create_constraint=True, length=40,
                   values_callable=lambda e: [m.value for m in e], validate_strings=True,
                   name=name)


class ClaimStatusChange(Base):
    """Every status a claim went through, with OpenDental's letter and the reason given."""

    __tablename__ = "claim_status_history"
    __table_args__ = (
        sa.CheckConstraint("source IN ('DESK', 'SYNC')", name="source_known"),
        sa.Index("ix_claim_status_history_claim", "claim_id", "changed_at"),
    )

    id: Mapped[intpk]
    claim_id: Mapped[int] = fk("claims.id", ondelete="CASCADE", index=False)
    from_status: Mapped[ClaimStatus | None] = mapped_column(_claim_status("from_status"))
    to_status: Mapped[ClaimStatus] = mapped_column(_claim_status("to_status"))
    od_claim_status: Mapped[str | None] = mapped_column(sa.String(2))
    reason: Mapped[str | None] = mapped_column(sa.Text)
    source: Mapped[str] = mapped_column(sa.String(10))
    user_id: Mapped[int | None] = fk("users.id", ondelete="SET NULL", index=False)
    changed_at: Mapped[created_at]
