"""Patients and their deposit accounts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import bool_true, created_at, fk, intpk, money, money0, updated_at
from app.domain.enums import DepositTxnKind, Gender


class Patient(Base):
    __tablename__ = "patients"
    __table_args__ = (
        sa.UniqueConstraint("hospital_id", "mrn"),
        sa.UniqueConstraint("hospital_id", "emirates_id"),
        sa.UniqueConstraint("od_connection_id", "od_pat_num"),  # 0004: per connection
        sa.CheckConstraint("deposit_balance >= 0", name="deposit_balance_nonneg"),
        sa.CheckConstraint("emirates_id ~ '^784-[0-9]{4}-[0-9]{7}-[0-9]$'", name="emirates_id_format"),
        sa.Index("ix_patients_name", "hospital_id", sa.text("lower(last_name)"), sa.text("lower(first_name)")),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    mrn: Mapped[str] = mapped_column(sa.String(20))
    # Canonical 784-YYYY-NNNNNNN-C; NULL when the patient has none on file.
    emirates_id: Mapped[str | None] = mapped_column(sa.String(18))
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100))
    full_name_ar: Mapped[str | None] = mapped_column(sa.String(200))
    date_of_birth: Mapped[dt.date | None]
    gender: Mapped[Gender]
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    email: Mapped[str | None] = mapped_column(sa.String(200))
    nationality: Mapped[str | None] = mapped_column(sa.String(60))
    is_active: Mapped[bool_true]
    deposit_balance: Mapped[money0]
    od_pat_num: Mapped[int | None] = mapped_column(sa.BigInteger, comment="OpenDental PatNum")
    od_connection_id: Mapped[int | None] = fk("opendental_connections.id", ondelete="SET NULL",
                                              index=False)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


# Prefix searches (LIKE 'abc%') on the lower-cased names, written exactly as the queries
# write them (app/services/patients.py, audit.py, refunds.py): the database's collation keeps
# ix_patients_name from serving LIKE, text_pattern_ops can. The lower(mrn) one serves the MRN
# prefix search and the audit filter's lower(mrn) = ... arm (text_pattern_ops has equality),
# without which that OR could not be a BitmapOr of index scans. The operator class goes in
# postgresql_ops (keyed by the expression's label) rather than inside the expression text, so
# alembic's autogenerate can compare these indexes with the database (tests/db/test_migrations).
_P = Patient
_PREFIX_INDEXES: dict[str, sa.ColumnElement[str]] = {
    "ix_patients_last_name_prefix": sa.func.lower(_P.last_name),
    "ix_patients_first_name_prefix": sa.func.lower(_P.first_name),
    # lower(first_name || ' ' || last_name) and lower(last_name || ' ' || first_name), in the
    # form PostgreSQL reflects them (pg_get_indexdef, pretty), so alembic's comparison matches: the
    # same expression to the planner, which matches it against the queries' SQLAlchemy
    # ``lower(P.first_name + " " + P.last_name)``.
    "ix_patients_full_name_prefix": sa.literal_column(
        "lower((first_name::text || ' '::text) || last_name::text)"),
    "ix_patients_last_first_prefix": sa.literal_column(
        "lower((last_name::text || ' '::text) || first_name::text)"),
    "ix_patients_mrn_prefix": sa.func.lower(_P.mrn),
}
for _name, _expr in _PREFIX_INDEXES.items():
    sa.Index(_name, _P.hospital_id, _expr.label(f"{_name}_expr"),
             postgresql_ops={f"{_name}_expr": "text_pattern_ops"})


class DepositTransaction(Base):
    """Every movement of a patient's deposit balance; the balance column is their running sum."""

    __tablename__ = "deposit_transactions"
    __table_args__ = (sa.CheckConstraint("amount <> 0", name="amount_nonzero"),)

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    patient_id: Mapped[int] = fk("patients.id", ondelete="CASCADE")
    kind: Mapped[DepositTxnKind]
    amount: Mapped[money] = mapped_column(comment="signed: + into the deposit, - out of it")
    balance_after: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    copay_payment_id: Mapped[int | None] = fk("copay_payments.id", ondelete="RESTRICT")
    refund_id: Mapped[int | None] = fk("copay_refunds.id", ondelete="RESTRICT")
    created_by: Mapped[int | None] = fk("users.id", ondelete="SET NULL", index=False)
    created_at: Mapped[created_at]
