"""copay payments keep the cash tendered, the change given and the card's approval code and
last 4 digits (issue 11)

The columns are written by the INSERT that records the payment and never changed: the table
stays append-only (migration 0003's triggers refuse UPDATE and DELETE; adding nullable columns
without a default rewrites no row, so the triggers are not involved). Payments from before
this revision have NULLs: nothing was recorded then. CHECKs keep the figures consistent:
change = tendered - amount (tendered never below the amount), the last 4 digits are 4 digits.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('copay_payments', sa.Column('tendered_amount', sa.Numeric(12, 2),
                                              nullable=True))
    op.add_column('copay_payments', sa.Column('change_due', sa.Numeric(12, 2), nullable=True))
    op.add_column('copay_payments', sa.Column('card_approval_code', sa.String(12),
                                              nullable=True))
    op.add_column('copay_payments', sa.Column('card_last4', sa.String(4), nullable=True))
    op.create_check_constraint(
        op.f('ck_copay_payments_tender_gives_change'), 'copay_payments',
        "(tendered_amount IS NULL AND change_due IS NULL) OR "
        "(tendered_amount >= amount AND change_due = tendered_amount - amount)")
    op.create_check_constraint(
        op.f('ck_copay_payments_card_last4_digits'), 'copay_payments',
        "card_last4 IS NULL OR card_last4 ~ '^[0-9]{4}$'")


def downgrade() -> None:
    op.drop_constraint(op.f('ck_copay_payments_card_last4_digits'), 'copay_payments',
                       type_='check')
    op.drop_constraint(op.f('ck_copay_payments_tender_gives_change'), 'copay_payments',
                       type_='check')
    for column in ('card_last4', 'card_approval_code', 'change_due', 'tendered_amount'):
        op.drop_column('copay_payments', column)
