"""cash drawer shifts: cash_shifts, shift_movements and the rules that guard them

- cash_shifts: one person's drawer on one workstation, from the opening float to the count at
  close (shortage/excess, reason, supervisor approval, handover from the previous shift);
  one open shift per user and workstation (partial unique index);
- shift_movements: every desk money movement of a shift, by tender (append-only);
- the triggers of app/db/shift_rules.py: a posting to the cash account needs a cash movement
  of an open shift (checked at commit), the drawer never goes below zero, expected cash is
  the float plus the cash movements, a closed shift never changes;
- the petty cash expense account (5100) for every hospital, for petty payouts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 16:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.db.shift_rules import DOWNGRADE_SQL, UPGRADE_SQL

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cash_shifts',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('hospital_id', sa.BigInteger(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('workstation', sa.String(length=100), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('opening_float', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('opening_denominations', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('handed_over_from_id', sa.BigInteger(), nullable=True),
    sa.Column('expected_cash', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('counted_cash', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('counted_denominations', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('difference', sa.Numeric(precision=12, scale=2), nullable=True, comment='counted - expected'),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('approved_by', sa.BigInteger(), nullable=True),
    sa.CheckConstraint('(closed_at IS NULL) = (counted_cash IS NULL) AND (closed_at IS NULL) = (difference IS NULL)', name=op.f('ck_cash_shifts_closed_has_count')),
    sa.CheckConstraint('counted_cash IS NULL OR counted_cash >= 0', name=op.f('ck_cash_shifts_count_nonneg')),
    sa.CheckConstraint('difference IS NULL OR difference = 0 OR length(btrim(reason)) > 0', name=op.f('ck_cash_shifts_difference_has_reason')),
    sa.CheckConstraint('difference IS NULL OR difference = counted_cash - expected_cash', name=op.f('ck_cash_shifts_difference_is_count_minus_expected')),
    sa.CheckConstraint('expected_cash >= 0', name=op.f('ck_cash_shifts_drawer_nonneg')),
    sa.CheckConstraint('opening_float >= 0', name=op.f('ck_cash_shifts_float_nonneg')),
    sa.ForeignKeyConstraint(['approved_by'], ['users.id'], name=op.f('fk_cash_shifts_approved_by_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['handed_over_from_id'], ['cash_shifts.id'], name=op.f('fk_cash_shifts_handed_over_from_id_cash_shifts'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['hospital_id'], ['hospitals.id'], name=op.f('fk_cash_shifts_hospital_id_hospitals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_cash_shifts_user_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cash_shifts'))
    )
    op.create_index('ix_cash_shifts_hospital_opened', 'cash_shifts', ['hospital_id', 'opened_at'], unique=False)
    op.create_index('uq_cash_shifts_open', 'cash_shifts', ['user_id', 'workstation'], unique=True, postgresql_where=sa.text('closed_at IS NULL'))
    op.create_table('shift_movements',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('shift_id', sa.BigInteger(), nullable=False),
    sa.Column('hospital_id', sa.BigInteger(), nullable=False),
    sa.Column('tender', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('source_type', sa.String(length=40), nullable=False),
    sa.Column('source_id', sa.BigInteger(), nullable=False),
    sa.Column('journal_entry_id', sa.BigInteger(), nullable=False),
    sa.Column('memo', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("tender IN ('CASH', 'CARD', 'DEPOSIT', 'BANK_TRANSFER')", name=op.f('ck_shift_movements_known_tender')),
    sa.CheckConstraint('amount <> 0', name=op.f('ck_shift_movements_amount_nonzero')),
    sa.ForeignKeyConstraint(['hospital_id'], ['hospitals.id'], name=op.f('fk_shift_movements_hospital_id_hospitals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['journal_entry_id'], ['journal_entries.id'], name=op.f('fk_shift_movements_journal_entry_id_journal_entries'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['shift_id'], ['cash_shifts.id'], name=op.f('fk_shift_movements_shift_id_cash_shifts'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_movements')),
    sa.UniqueConstraint('journal_entry_id', name=op.f('uq_shift_movements_journal_entry_id'))
    )
    op.create_index(op.f('ix_shift_movements_shift_id'), 'shift_movements', ['shift_id'], unique=False)
    for stmt in UPGRADE_SQL:
        op.execute(stmt)
    op.execute("""
        INSERT INTO gl_accounts (hospital_id, code, name, account_type)
        SELECT id, '5100', 'Petty cash expenses', 'EXPENSE' FROM hospitals
        ON CONFLICT (hospital_id, code) DO NOTHING""")


def downgrade() -> None:
    for stmt in DOWNGRADE_SQL:
        op.execute(stmt)
    op.drop_index(op.f('ix_shift_movements_shift_id'), table_name='shift_movements')
    op.drop_table('shift_movements')
    op.drop_index('uq_cash_shifts_open', table_name='cash_shifts', postgresql_where=sa.text('closed_at IS NULL'))
    op.drop_index('ix_cash_shifts_hospital_opened', table_name='cash_shifts')
    op.drop_table('cash_shifts')
