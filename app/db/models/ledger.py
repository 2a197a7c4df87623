"""The general ledger: accounts, journal entries and their lines.

An entry must balance (debits = credits); a deferred constraint trigger checks it at commit,
so no code path can store half an entry. Entries and lines are append-only (corrections
are reversing entries) and hash-chained per hospital (app/db/chain.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.models.audit import ChainLink
from app.db.types import bool_true, created_at, fk, intpk, money0
from app.domain.enums import GLAccountType


class GLAccount(Base):
    __tablename__ = "gl_accounts"
    __table_args__ = (sa.UniqueConstraint("hospital_id", "code"),)

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    code: Mapped[str] = mapped_column(sa.String(20))
    name: Mapped[str] = mapped_column(sa.String(120))
    account_type: Mapped[GLAccountType]
    is_active: Mapped[bool_true]


class JournalEntry(ChainLink, Base):
    __tablename__ = "journal_entries"
    __table_args__ = (
        sa.Index("ix_journal_entries_source", "source_type", "source_id"),
        sa.Index("ix_journal_entries_hospital_posted", "hospital_id", "posted_at"),
        sa.Index("uq_journal_entries_chain", "hospital_id", "chain_seq", unique=True),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="CASCADE", index=False)
    posted_at: Mapped[created_at]
    memo: Mapped[str] = mapped_column(sa.String(200))
    source_type: Mapped[str] = mapped_column(sa.String(40), comment="COPAY_PAYMENT, COPAY_REFUND...")
    source_id: Mapped[int] = mapped_column(sa.BigInteger)
    reverses_entry_id: Mapped[int | None] = fk("journal_entries.id", index=False)
    posted_by: Mapped[int | None] = fk("users.id", ondelete="SET NULL", index=False)


class JournalLine(ChainLink, Base):
    __tablename__ = "journal_lines"
    __table_args__ = (
        sa.CheckConstraint(
            "debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0)",
            name="one_sided_positive",
        ),
        sa.Index("uq_journal_lines_chain", "hospital_id", "chain_seq", unique=True),
    )

    id: Mapped[intpk]
    entry_id: Mapped[int] = fk("journal_entries.id", ondelete="CASCADE")
    account_id: Mapped[int] = fk("gl_accounts.id")
    debit: Mapped[money0]
    credit: Mapped[money0]
    # The entry's hospital, copied by the chain trigger: the line's chain is per hospital.
    hospital_id: Mapped[int | None] = fk("hospitals.id", ondelete="CASCADE", index=False)
