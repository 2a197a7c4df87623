"""append-only money, hash chain over audit, activity and journal

- journal entries, journal lines and copay payments become append-only like the audit
  (triggers refuse UPDATE/DELETE/TRUNCATE; a refund is a reversing entry and a refund row);
- copay_payments.refunded_amount goes: it was the one column a workflow updated, and it is
  the sum of the payment's PROCESSED refunds (the model reads it that way);
- audit, activity, journal entries and journal lines get chain_seq/prev_hash/row_hash, filled
  by SECURITY DEFINER insert triggers per hospital (app/db/chain.py); rows older than this
  revision are chained here, in id order; hash_chain_heads keeps each chain's newest link.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 13:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.db import chain

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

APPEND_ONLY = ("journal_entries", "journal_lines", "copay_payments")
CHAINED = tuple(c.table for c in chain.CHAINS)


def upgrade() -> None:
    op.create_table(
        'hash_chain_heads',
        sa.Column('chain', sa.String(length=40), nullable=False),
        sa.Column('hospital_key', sa.BigInteger(), nullable=False),
        sa.Column('last_seq', sa.BigInteger(), nullable=False),
        sa.Column('last_hash', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'),
                  nullable=False),
        sa.PrimaryKeyConstraint('chain', 'hospital_key', name=op.f('pk_hash_chain_heads')),
    )
    for table in CHAINED:
        op.add_column(table, sa.Column('chain_seq', sa.BigInteger(), nullable=True))
        op.add_column(table, sa.Column('prev_hash', sa.String(length=64), nullable=True))
        op.add_column(table, sa.Column('row_hash', sa.String(length=64), nullable=True))
    op.add_column('journal_lines', sa.Column('hospital_id', sa.BigInteger(), nullable=True))
    op.create_foreign_key(op.f('fk_journal_lines_hospital_id_hospitals'), 'journal_lines',
                          'hospitals', ['hospital_id'], ['id'], ondelete='CASCADE')
    op.drop_constraint(op.f('ck_copay_payments_refunded_within_amount'), 'copay_payments',
                       type_='check')
    op.drop_column('copay_payments', 'refunded_amount')

    for t in APPEND_ONLY:
        op.execute(f"""
            CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t}
                FOR EACH ROW EXECUTE FUNCTION cd_refuse_change();
            CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t}
                FOR EACH STATEMENT EXECUTE FUNCTION cd_refuse_change();
        """)
    for statement in chain.UPGRADE_SQL:
        op.execute(statement)

    # Chain the rows that predate the chain. The owner may switch its own tables' triggers off
    # for this (append-only, NOTIFY, balance check: none applies to filling the new columns).
    for c in chain.CHAINS:
        op.execute(f"ALTER TABLE {c.table} DISABLE TRIGGER USER")
        op.execute(f"SELECT cd_chain_seal_{c.name}()")
        op.execute(f"ALTER TABLE {c.table} ENABLE TRIGGER USER")

    op.create_index('uq_insurance_audits_chain', 'insurance_verification_audits',
                    ['hospital_id', 'chain_seq'], unique=True)
    op.create_index('uq_activity_logs_chain', 'activity_logs',
                    [sa.text('COALESCE(hospital_id, 0)'), 'chain_seq'], unique=True)
    op.create_index('uq_journal_entries_chain', 'journal_entries', ['hospital_id', 'chain_seq'],
                    unique=True)
    op.create_index('uq_journal_lines_chain', 'journal_lines', ['hospital_id', 'chain_seq'],
                    unique=True)


def downgrade() -> None:
    op.drop_index('uq_journal_lines_chain', table_name='journal_lines')
    op.drop_index('uq_journal_entries_chain', table_name='journal_entries')
    op.drop_index('uq_activity_logs_chain', table_name='activity_logs')
    op.drop_index('uq_insurance_audits_chain', table_name='insurance_verification_audits')
    for statement in chain.DOWNGRADE_SQL:
        op.execute(statement)
    for t in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {t}_append_only ON {t}; "
                   f"DROP TRIGGER IF EXISTS {t}_no_truncate ON {t};")
    op.add_column('copay_payments', sa.Column('refunded_amount', sa.Numeric(12, 2),
                                              server_default=sa.text('0'), nullable=False))
    op.execute("""
        UPDATE copay_payments p SET refunded_amount = r.total
          FROM (SELECT copay_payment_id, sum(refund_amount) AS total FROM copay_refunds
                 WHERE status = 'PROCESSED' GROUP BY copay_payment_id) r
         WHERE r.copay_payment_id = p.id
    """)
    op.create_check_constraint(op.f('ck_copay_payments_refunded_within_amount'),
                               'copay_payments',
                               'refunded_amount >= 0 AND refunded_amount <= amount')
    op.drop_constraint(op.f('fk_journal_lines_hospital_id_hospitals'), 'journal_lines',
                       type_='foreignkey')
    op.drop_column('journal_lines', 'hospital_id')
    for table in CHAINED:
        for column in ('row_hash', 'prev_hash', 'chain_seq'):
            op.drop_column(table, column)
    op.drop_table('hash_chain_heads')
