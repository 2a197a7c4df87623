"""Cash drawer shifts and the money that moved through them (issue 14).

A shift is one person's drawer on one workstation, from its opening float to its count at
close. Every desk money movement (copay, refund, deposit top-up, petty payout) made while a
shift is open is stamped with it by ``ledger.move_money`` as a :class:`ShiftMovement` row, by
tender; cash movements change the drawer's running ``expected_cash``.

The database holds the rules (app/db/shift_rules.py, migration 0006): one open shift per
user and workstation (partial unique index), a posting to the cash account needs a cash
movement of an open shift (deferred constraint trigger on journal lines), the drawer never
goes below zero (CHECK on ``expected_cash``, kept by the movements' trigger), expected cash is
always the opening float plus the shift's cash movements, and a closed shift never changes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import created_at, fk, intpk, jsonb_null, money

# Tenders a movement is counted under (payment and refund methods map onto these).
TENDERS = ("CASH", "CARD", "DEPOSIT", "BANK_TRANSFER")


class CashShift(Base):
    __tablename__ = "cash_shifts"
    __table_args__ = (
        sa.Index("uq_cash_shifts_open", "user_id", "workstation", unique=True,
                 postgresql_where=sa.text("closed_at IS NULL")),
        sa.Index("ix_cash_shifts_hospital_opened", "hospital_id", "opened_at"),
        sa.CheckConstraint("opening_float >= 0", name="float_nonneg"),
        sa.CheckConstraint("expected_cash >= 0", name="drawer_nonneg"),
        sa.CheckConstraint(
            "(closed_at IS NULL) = (counted_cash IS NULL) "
            "AND (closed_at IS NULL) = (difference IS NULL)", name="closed_has_count"),
        sa.CheckConstraint("counted_cash IS NULL OR counted_cash >= 0", name="count_nonneg"),
        sa.CheckConstraint("difference IS NULL OR difference = counted_cash - expected_cash",
                           name="difference_is_count_minus_expected"),
        sa.CheckConstraint("difference IS NULL OR difference = 0 OR length(btrim(reason)) > 0",
                           name="difference_has_reason"),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    user_id: Mapped[int] = fk("users.id", index=False)
    workstation: Mapped[str] = mapped_column(sa.String(100))
    opened_at: Mapped[created_at]
    opening_float: Mapped[money]
    opening_denominations: Mapped[jsonb_null]
    # The shift whose closing count this one's float came from (handover), if any.
    handed_over_from_id: Mapped[int | None] = fk("cash_shifts.id", index=False)
    # Opening float + the shift's cash movements, kept by the movements' trigger.
    expected_cash: Mapped[money]
    closed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    counted_cash: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    counted_denominations: Mapped[jsonb_null]
    difference: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2),
                                                       comment="counted - expected")
    reason: Mapped[str | None] = mapped_column(sa.Text)
    approved_by: Mapped[int | None] = fk("users.id", index=False)


class ShiftMovement(Base):
    """Append-only: one desk money movement of a shift, signed (+ into the desk, - out)."""

    __tablename__ = "shift_movements"
    __table_args__ = (
        sa.CheckConstraint(f"tender IN ({', '.join(repr(t) for t in TENDERS)})",
                           name="known_tender"),
        sa.CheckConstraint("amount <> 0", name="amount_nonzero"),
        sa.UniqueConstraint("journal_entry_id"),
    )

    id: Mapped[intpk]
    shift_id: Mapped[int] = fk("cash_shifts.id")
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    tender: Mapped[str] = mapped_column(sa.String(20))
    amount: Mapped[money]
    source_type: Mapped[str] = mapped_column(sa.String(40))
    source_id: Mapped[int] = mapped_column(sa.BigInteger)
    journal_entry_id: Mapped[int] = fk("journal_entries.id", index=False)
    memo: Mapped[str] = mapped_column(sa.String(200))
    created_at: Mapped[created_at]
