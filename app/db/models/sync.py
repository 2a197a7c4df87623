"""What the background thread keeps in step with OpenDental: claims, insurance payments and the
per-job sync state (watermark, last run, last error)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import created_at, fk, intpk, jsonb, money, money0, updated_at
from app.domain.enums import ClaimStatus, InsurancePaymentStatus

# A claim without a date of service sorts as 1970 (0012: the page indexes' expression).
CLAIM_DAY = "COALESCE(date_service, '1970-01-01'::date)"


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        # OpenDental's ClaimNum is unique per connection (0004).
        sa.UniqueConstraint("connection_id", "external_claim_id"),
        sa.CheckConstraint("amount_billed >= 0", name="billed_nonneg"),
        sa.CheckConstraint("amount_approved >= 0", name="approved_nonneg"),
        sa.Index("ix_claims_status", "hospital_id", "status"),
        # 0012: the Claims page's keyset order (newest date of service, then id) per filter;
        # app/services/claim_list.py writes the same COALESCE so these serve it.
        sa.Index("ix_claims_page", "hospital_id", sa.text(CLAIM_DAY), "id"),
        sa.Index("ix_claims_status_page", "hospital_id", "status", sa.text(CLAIM_DAY), "id"),
        sa.Index("ix_claims_plan_page", "hospital_id", "od_plan_num", sa.text(CLAIM_DAY), "id"),
        sa.Index("ix_claims_connection_page", "connection_id", sa.text(CLAIM_DAY), "id"),
        # 0013: the dashboard's outstanding claims by age and plan, an index-only scan.
        sa.Index("ix_claims_outstanding", "hospital_id", "date_service",
                 postgresql_include=["status", "created_at", "amount_billed", "amount_approved",
                                     "connection_id", "od_plan_num"],
                 postgresql_where=sa.text("status <> 'PAID'")),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id")
    appointment_id: Mapped[int | None] = fk("appointments.id", ondelete="SET NULL")
    external_claim_id: Mapped[int | None] = mapped_column(sa.BigInteger, comment="OD ClaimNum")
    status: Mapped[ClaimStatus] = mapped_column(server_default=ClaimStatus.NOT_SUBMITTED.value)
    amount_billed: Mapped[money]
    amount_approved: Mapped[money | None]
    rejection_reason: Mapped[str | None] = mapped_column(sa.Text)
    notes: Mapped[str | None] = mapped_column(sa.Text)
    details: Mapped[jsonb]
    last_polled_at: Mapped[dt.datetime | None]
    # 0004: which OpenDental it lives in, its status letter there (U/H/W/S/R/I) and dates.
    connection_id: Mapped[int | None] = fk("opendental_connections.id", ondelete="SET NULL",
                                           index=False)
    od_claim_status: Mapped[str | None] = mapped_column(sa.String(2))
    od_plan_num: Mapped[int | None] = mapped_column(sa.BigInteger)
    date_service: Mapped[dt.date | None]
    date_sent: Mapped[dt.date | None]
    date_received: Mapped[dt.date | None]
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]
    # 0011: OpenDental's WriteOff and DedApplied of a received claim; the adjudicated patient
    # portion is amount_billed - amount_approved - write_off (app/domain/reconciliation.py).
    write_off: Mapped[money0]
    ded_applied: Mapped[money0]


class InsurancePayment(Base):
    __tablename__ = "insurance_payments"
    __table_args__ = (
        # One OpenDental claim payment (a check) can pay several claims: one row per claim.
        sa.UniqueConstraint("connection_id", "external_payment_id", "claim_id"),
        sa.Index("ix_insurance_payments_received", "hospital_id", "received_at"),
        # 0012: the Insurance payments page's keyset order, and its carrier filter.
        sa.Index("ix_insurance_payments_page", "hospital_id", "received_at", "id"),
        sa.Index("ix_insurance_payments_carrier_page", "hospital_id",
                 sa.text("(details ->> 'carrier')"), "received_at", "id"),
        # 0013: insurer payments per day on the dashboard.
        sa.Index("ix_insurance_payments_revenue", "hospital_id", "received_at",
                 postgresql_include=["amount"], postgresql_where=sa.text("status = 'POSTED'")),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    claim_id: Mapped[int] = fk("claims.id")
    amount: Mapped[money] = mapped_column(comment="negative for a take-back")
    status: Mapped[InsurancePaymentStatus]
    method: Mapped[str | None] = mapped_column(sa.String(40))
    external_payment_id: Mapped[int | None] = mapped_column(sa.BigInteger,
                                                            comment="OD ClaimPaymentNum")
    received_at: Mapped[dt.datetime]
    details: Mapped[jsonb]
    # 0004: the OpenDental it came from and the journal entry that posted it.
    connection_id: Mapped[int | None] = fk("opendental_connections.id", ondelete="SET NULL",
                                           index=False)
    journal_entry_id: Mapped[int | None] = fk("journal_entries.id", ondelete="RESTRICT",
                                              index=False)
    created_at: Mapped[created_at]


class SyncState(Base):
    """One row per background job and hospital: a restart resumes from the watermark."""

    __tablename__ = "sync_states"

    job_name: Mapped[str] = mapped_column(sa.String(60), primary_key=True)
    hospital_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("hospitals.id", ondelete="CASCADE"), primary_key=True
    )
    watermark: Mapped[str | None] = mapped_column(sa.String(60),
                                                  comment="OD serverDateTime of the last poll")
    last_run_at: Mapped[dt.datetime | None]
    last_success_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    run_count: Mapped[int] = mapped_column(server_default="0")
    updated_at: Mapped[updated_at]
    # 0004: what the last run moved, when the next is due, and the OpenDental it polls.
    rows_read: Mapped[int] = mapped_column(server_default="0")
    rows_written: Mapped[int] = mapped_column(server_default="0")
    next_run_at: Mapped[dt.datetime | None]
    connection_id: Mapped[int | None] = fk("opendental_connections.id", ondelete="CASCADE",
                                           index=False)
