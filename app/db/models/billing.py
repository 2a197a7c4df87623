"""Copay payments, refunds and receipt numbering.

Copay payments are append-only (app/db/rules.py): what a refund changes lives in the refund
rows, and a payment's ``refunded_amount`` is the sum of its PROCESSED refunds, read with it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, column_property, mapped_column

from app.db.base import Base
from app.db.types import bool_false, created_at, fk, intpk, jsonb, money, money0
from app.domain.enums import PaymentMethod, RefundMethod, RefundReason, RefundStatus


class CopayPayment(Base):
    """One collected copay (seed 004 §11). At most one per appointment, enforced here."""

    __tablename__ = "copay_payments"
    __table_args__ = (
        sa.UniqueConstraint("appointment_id"),
        sa.UniqueConstraint("idempotency_key"),
        sa.UniqueConstraint("hospital_id", "receipt_number"),
        sa.UniqueConstraint("hospital_id", "receipt_year", "receipt_seq"),
        sa.CheckConstraint("amount >= 0", name="amount_nonneg"),
        sa.CheckConstraint("vat_amount >= 0 AND vat_amount <= amount", name="vat_within_amount"),
        sa.CheckConstraint(
            "fee = amount + primary_insurer_amount + secondary_insurer_amount",
            name="shares_sum_to_fee",
        ),
        sa.CheckConstraint(
            "primary_insurer_amount >= 0 AND secondary_insurer_amount >= 0", name="shares_nonneg"
        ),
        sa.CheckConstraint(
            "deductible_portion >= 0 AND copay_portion >= 0", name="portions_nonneg"
        ),
        # 0008: cash tendered and change (change = tendered - amount); a card's last 4 digits.
        sa.CheckConstraint(
            "(tendered_amount IS NULL AND change_due IS NULL) OR "
            "(tendered_amount >= amount AND change_due = tendered_amount - amount)",
            name="tender_gives_change",
        ),
        sa.CheckConstraint("card_last4 IS NULL OR card_last4 ~ '^[0-9]{4}$'",
                           name="card_last4_digits"),
        sa.Index("ix_copay_payments_patient_date", "patient_id", "payment_date"),
        sa.Index("ix_copay_payments_hospital_date", "hospital_id", "payment_date"),
        # 0013: revenue per day on the dashboard, an index-only scan.
        sa.Index("ix_copay_payments_revenue", "hospital_id", "payment_date",
                 postgresql_include=["amount"]),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id", index=False)
    appointment_id: Mapped[int] = fk("appointments.id", index=False)
    patient_insurance_id: Mapped[int | None] = fk("patient_insurances.id", ondelete="SET NULL",
                                                  index=False)
    amount: Mapped[money]
    fee: Mapped[money]
    primary_insurer_amount: Mapped[money0]
    secondary_insurer_amount: Mapped[money0]
    deductible_portion: Mapped[money0]
    copay_portion: Mapped[money0]
    vat_amount: Mapped[money0]
    vat_rate: Mapped[money0]
    payment_method: Mapped[PaymentMethod]
    insurance_provider: Mapped[str | None] = mapped_column(sa.String(200))
    policy_number: Mapped[str | None] = mapped_column(sa.String(60))
    secondary_insurance_provider: Mapped[str | None] = mapped_column(sa.String(200))
    secondary_policy_number: Mapped[str | None] = mapped_column(sa.String(60))
    cob_applied: Mapped[bool_false]
    receipt_number: Mapped[str] = mapped_column(sa.String(40))
    receipt_year: Mapped[int] = mapped_column(sa.SmallInteger)
    receipt_seq: Mapped[int]
    idempotency_key: Mapped[str] = mapped_column(sa.String(80))
    quote: Mapped[jsonb] = mapped_column(comment="the quote the amount came from, every figure")
    collected_by: Mapped[int] = fk("users.id", index=False)
    payment_date: Mapped[created_at]
    # 0008 (issue 11): what the patient handed over in cash and the change given back; the
    # card terminal's approval code and the card's last 4 digits. NULL when not recorded.
    tendered_amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    change_due: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    card_approval_code: Mapped[str | None] = mapped_column(sa.String(12))
    card_last4: Mapped[str | None] = mapped_column(sa.String(4))


class CopayRefund(Base):
    """A refund of (part of) a copay payment: PENDING -> APPROVED -> PROCESSED, or REJECTED."""

    __tablename__ = "copay_refunds"
    __table_args__ = (
        sa.CheckConstraint("refund_amount > 0", name="amount_positive"),
        sa.CheckConstraint(
            "status <> 'REJECTED' OR rejection_reason IS NOT NULL", name="rejected_has_reason"
        ),
        sa.Index("ix_copay_refunds_status", "hospital_id", "status", "requested_at"),
        # 0013: refunds processed per day on the dashboard.
        sa.Index("ix_copay_refunds_processed", "hospital_id", "processed_at",
                 postgresql_include=["refund_amount"],
                 postgresql_where=sa.text("status = 'PROCESSED'")),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    copay_payment_id: Mapped[int] = fk("copay_payments.id")
    patient_id: Mapped[int] = fk("patients.id")
    appointment_id: Mapped[int | None] = fk("appointments.id", ondelete="SET NULL", index=False)
    refund_amount: Mapped[money]
    refund_method: Mapped[RefundMethod]
    refund_reason: Mapped[RefundReason]
    reason_details: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[RefundStatus] = mapped_column(server_default=RefundStatus.PENDING.value)
    requested_by: Mapped[int] = fk("users.id", index=False)
    requested_at: Mapped[created_at]
    approved_by: Mapped[int | None] = fk("users.id", index=False)
    approved_at: Mapped[dt.datetime | None]
    processed_by: Mapped[int | None] = fk("users.id", index=False)
    processed_at: Mapped[dt.datetime | None]
    rejected_by: Mapped[int | None] = fk("users.id", index=False)
    rejected_at: Mapped[dt.datetime | None]
    rejection_reason: Mapped[str | None] = mapped_column(sa.Text)
    receipt_number: Mapped[str | None] = mapped_column(sa.String(40))


class ReceiptCounter(Base):
    """Last receipt sequence per hospital and year; incremented inside the collecting
    transaction, so a rolled-back collect leaves no gap."""

    __tablename__ = "receipt_counters"
    __table_args__ = (sa.CheckConstraint("last_seq >= 0", name="last_seq_nonneg"),)

    hospital_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("hospitals.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(10), primary_key=True, server_default="RCP")
    last_seq: Mapped[int] = mapped_column(server_default="0")


# Derived, not stored (the payment row never changes): what has been paid back so far.
CopayPayment.refunded_amount = column_property(  # type: ignore[attr-defined]
    sa.select(sa.func.coalesce(sa.func.sum(CopayRefund.refund_amount), 0).cast(sa.Numeric(12, 2)))
    .where(CopayRefund.copay_payment_id == CopayPayment.id,
           CopayRefund.status == RefundStatus.PROCESSED)
    .correlate_except(CopayRefund).scalar_subquery())


class BalanceSettlement(Base):
    """An underpaid visit's balance settled later (issue 13): COLLECTED at a later visit's
    copay collect (``collected_payment_id``, whose receipt prints it as its own line) or
    WRITTEN_OFF by an accountant with a reason. Append-only: a settlement is never edited;
    the reconciliation adds them to what the patient paid for the underpaid visit."""

    __tablename__ = "balance_settlements"
    __table_args__ = (
        sa.CheckConstraint("amount > 0", name="amount_positive"),
        sa.CheckConstraint("vat_amount >= 0 AND vat_amount <= amount", name="vat_within_amount"),
        sa.CheckConstraint("kind IN ('COLLECTED', 'WRITTEN_OFF')", name="known_kind"),
        sa.CheckConstraint(
            "(kind = 'COLLECTED' AND collected_payment_id IS NOT NULL "
            "AND payment_method IS NOT NULL) OR "
            "(kind = 'WRITTEN_OFF' AND collected_payment_id IS NULL AND vat_amount = 0 "
            "AND length(btrim(reason)) > 0)",
            name="kind_has_its_fields"),
        sa.Index("ix_balance_settlements_payment", "copay_payment_id"),
        sa.Index("ix_balance_settlements_collected", "collected_payment_id",
                 postgresql_where=sa.text("collected_payment_id IS NOT NULL")),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id", index=False)
    copay_payment_id: Mapped[int] = fk("copay_payments.id", index=False)  # underpaid visit's
    appointment_id: Mapped[int] = fk("appointments.id", index=False)  # the underpaid visit
    kind: Mapped[str] = mapped_column(sa.String(12))
    amount: Mapped[money]
    vat_amount: Mapped[money0]
    payment_method: Mapped[PaymentMethod | None]
    # The later visit's copay receipt that carries it as a line (COLLECTED only).
    collected_payment_id: Mapped[int | None] = fk("copay_payments.id", index=False)
    reason: Mapped[str | None] = mapped_column(sa.Text)
    created_by: Mapped[int] = fk("users.id", index=False)
    created_at: Mapped[created_at]
