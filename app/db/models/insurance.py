"""Payers and their rules, patient insurances, pre-authorisations and deductible ledgers."""

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
    money0,
    pct,
    updated_at,
)
from app.domain.enums import (
    CoordinationOfBenefits,
    Gender,
    NetworkTier,
    PreAuthRequestStatus,
    Regulator,
    VerificationSource,
    VerificationStatus,
)

_PCT_CHECK = "BETWEEN 0 AND 100"


class InsurancePayer(Base):
    __tablename__ = "insurance_payers"
    __table_args__ = (
        sa.UniqueConstraint("hospital_id", "code"),
        sa.CheckConstraint(f"default_copay_pct {_PCT_CHECK}", name="default_copay_pct_range"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    name: Mapped[str] = mapped_column(sa.String(200))
    code: Mapped[str] = mapped_column(sa.String(20))
    regulator: Mapped[Regulator | None]
    dha_payer_id: Mapped[str | None] = mapped_column(sa.String(40))
    preauth_required: Mapped[bool_false]
    default_copay_pct: Mapped[pct | None]
    is_active: Mapped[bool_true]
    created_at: Mapped[created_at]


class _PayerRuleColumns:
    """Columns shared by ICD-10 and CPT payer rules (seed 004 §7 checkpoint 7)."""

    id: Mapped[intpk]
    copay_pct: Mapped[pct | None]
    copay_cap_per_visit: Mapped[money | None]
    price_override: Mapped[money | None]
    min_age: Mapped[int | None]
    max_age: Mapped[int | None]
    gender: Mapped[Gender | None] = mapped_column(comment="only this gender is covered")
    requires_preauth: Mapped[bool_false]
    is_active: Mapped[bool_true]


def _rule_checks(table: str) -> tuple[sa.CheckConstraint, ...]:
    return (
        sa.CheckConstraint(f"copay_pct {_PCT_CHECK}", name="copay_pct_range"),
        sa.CheckConstraint("copay_cap_per_visit >= 0", name="cap_nonneg"),
        sa.CheckConstraint("price_override >= 0", name="price_override_nonneg"),
        sa.CheckConstraint(
            "min_age IS NULL OR max_age IS NULL OR min_age <= max_age", name="age_range"
        ),
    )


class ICD10PayerRule(_PayerRuleColumns, Base):
    __tablename__ = "icd10_payer_rules"
    __table_args__ = (sa.UniqueConstraint("payer_id", "icd10_code"), *_rule_checks("icd10"))

    payer_id: Mapped[int] = fk("insurance_payers.id", ondelete="CASCADE", index=False)
    icd10_code: Mapped[str] = mapped_column(sa.String(10))


class CPTPayerRule(_PayerRuleColumns, Base):
    __tablename__ = "cpt_payer_rules"
    __table_args__ = (sa.UniqueConstraint("payer_id", "cpt_code"), *_rule_checks("cpt"))

    payer_id: Mapped[int] = fk("insurance_payers.id", ondelete="CASCADE", index=False)
    cpt_code: Mapped[str] = mapped_column(sa.String(10))


class PatientInsurance(Base):
    """A policy a patient holds (seed 004 §11), ordered by ``priority`` for COB."""

    __tablename__ = "patient_insurances"
    __table_args__ = (
        sa.CheckConstraint("priority BETWEEN 1 AND 3", name="priority_range"),
        sa.CheckConstraint(f"copay_pct {_PCT_CHECK}", name="copay_pct_range"),
        sa.CheckConstraint(
            "copay_amount >= 0 AND deductible_amount >= 0 AND annual_deductible >= 0 "
            "AND annual_copay_max >= 0 AND copay_cap_per_visit >= 0",
            name="amounts_nonneg",
        ),
        sa.CheckConstraint(
            "expiry_date IS NULL OR expiry_date >= effective_date", name="dates_ordered"
        ),
        sa.CheckConstraint("is_primary = (priority = 1)", name="primary_is_priority_1"),
        # One active policy per priority per patient: the quote must never have to guess.
        sa.Index(
            "uq_patient_insurances_active_priority",
            "patient_id",
            "priority",
            unique=True,
            postgresql_where=sa.text("is_active"),
        ),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id", ondelete="CASCADE")
    payer_id: Mapped[int] = fk("insurance_payers.id")
    provider_name: Mapped[str] = mapped_column(sa.String(200))
    plan_name: Mapped[str | None] = mapped_column(sa.String(200))
    policy_number: Mapped[str] = mapped_column(sa.String(60))
    member_id: Mapped[str | None] = mapped_column(sa.String(60))
    copay_pct: Mapped[pct | None] = mapped_column(comment="the policy's own copay %")
    copay_amount: Mapped[money | None] = mapped_column(comment="fixed copay amount (seed 'copay')")
    deductible_amount: Mapped[money | None] = mapped_column(comment="fixed deductible (seed)")
    copay_cap_per_visit: Mapped[money | None]
    network_tier: Mapped[NetworkTier] = mapped_column(server_default=NetworkTier.IN_NETWORK.value)
    annual_deductible: Mapped[money | None]
    annual_copay_max: Mapped[money | None]
    is_primary: Mapped[bool]
    is_active: Mapped[bool_true]
    priority: Mapped[int] = mapped_column(sa.SmallInteger)
    coordination_of_benefits: Mapped[CoordinationOfBenefits | None]
    effective_date: Mapped[dt.date]
    expiry_date: Mapped[dt.date | None]
    verification_status: Mapped[VerificationStatus] = mapped_column(
        server_default=VerificationStatus.PENDING.value
    )
    verification_source: Mapped[VerificationSource | None]
    verified_at: Mapped[dt.datetime | None]
    verified_by: Mapped[int | None] = fk("users.id", ondelete="SET NULL", index=False)
    od_pat_plan_num: Mapped[int | None] = mapped_column(sa.BigInteger)
    od_ins_sub_num: Mapped[int | None] = mapped_column(sa.BigInteger)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]


class PreAuthRequest(Base):
    __tablename__ = "preauth_requests"
    __table_args__ = (
        sa.CheckConstraint("approved_amount >= 0", name="approved_amount_nonneg"),
        sa.CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
                           name="validity_ordered"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id", ondelete="CASCADE")
    appointment_id: Mapped[int | None] = fk("appointments.id", ondelete="SET NULL")
    patient_insurance_id: Mapped[int] = fk("patient_insurances.id", ondelete="CASCADE")
    cpt_code: Mapped[str] = mapped_column(sa.String(10))
    status: Mapped[PreAuthRequestStatus]
    preauth_number: Mapped[str | None] = mapped_column(sa.String(60), comment="payer IDPayer")
    approved_amount: Mapped[money | None]
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]
    denial_reason: Mapped[str | None] = mapped_column(sa.Text)
    requested_by: Mapped[int | None] = fk("users.id", ondelete="SET NULL", index=False)
    requested_at: Mapped[created_at]
    decided_at: Mapped[dt.datetime | None]
    details: Mapped[jsonb]


class DeductibleLedger(Base):
    """Deductible and copay accumulated per patient, policy and fiscal year (GAP 4)."""

    __tablename__ = "deductible_ledgers"
    __table_args__ = (
        sa.UniqueConstraint("patient_id", "patient_insurance_id", "fiscal_year"),
        sa.CheckConstraint("accumulated_amount >= 0", name="accumulated_nonneg"),
        sa.CheckConstraint("copay_accumulated >= 0", name="copay_accumulated_nonneg"),
        sa.CheckConstraint("fiscal_year BETWEEN 2000 AND 2200", name="fiscal_year_range"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id", ondelete="CASCADE", index=False)
    patient_insurance_id: Mapped[int] = fk("patient_insurances.id", ondelete="CASCADE")
    fiscal_year: Mapped[int] = mapped_column(sa.SmallInteger)
    accumulated_amount: Mapped[money0] = mapped_column(comment="deductible used this year")
    max_deductible: Mapped[money0]
    copay_accumulated: Mapped[money0]
    max_copay: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    last_updated: Mapped[updated_at]
