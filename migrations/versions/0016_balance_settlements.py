"""underpaid balances settled later: balance_settlements (issue 13)

An underpaid visit's balance is collected at a later visit's copay collect (printed as its own
line on that receipt) or written off by an accountant with a reason. One append-only row per
settled visit; the reconciliation adds them to what the patient paid for the visit.

Revision ID: 0016
Revises: 0015
stop ``upgrade head``: the integrator chains it where it belongs)
Create Date: 2026-12-04 19:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


AUDITS = "insurance_verification_audits"
ACTION_CHECK = "ck_insurance_verification_audits_auditaction"
# In the enum's order (app/domain/enums.py AuditAction), as the model's constraint lists them.
ACTIONS = (
    "COPAY_COLLECTED", "COPAY_WAIVED", "COPAY_DEFERRED", "PREAUTH_REQUESTED", "PREAUTH_OVERRIDE",
    "CONVERT_TO_SELFPAY", "INSURANCE_ADDED", "DHA_VERIFIED", "DHA_MISMATCH_USE_DB",
    "DHA_MISMATCH_SELFPAY", "DHA_MISMATCH_UPDATE", "DHA_UNAVAILABLE_USE_CACHE", "MANUAL_VERIFY",
    "MANUAL_REJECT", "MANUAL_RESET", "EID_VERIFIED", "COVERAGE_CHANGE_ACCEPTED",
    "COVERAGE_CHANGE_REJECTED", "REFUND_REQUESTED", "REFUND_APPROVED", "REFUND_REJECTED",
    "REFUND_PROCESSED", "REFUND_DELETED", "ELIGIBILITY_OVERRIDE",
)


def _allow(values: tuple[str, ...]) -> None:
    # op.f(): the name is final; the metadata's naming convention must not prefix it again.
    op.drop_constraint(op.f(ACTION_CHECK), AUDITS, type_="check")
    listed = ", ".join(f"'{v}'" for v in values)
    op.create_check_constraint(op.f(ACTION_CHECK), AUDITS, f"action IN ({listed})")


def upgrade() -> None:
    _allow((*ACTIONS, "BALANCE_WRITTEN_OFF"))
    op.create_table(
        'balance_settlements',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column('hospital_id', sa.BigInteger(), nullable=False),
        sa.Column('patient_id', sa.BigInteger(), nullable=False),
        sa.Column('copay_payment_id', sa.BigInteger(), nullable=False),
        sa.Column('appointment_id', sa.BigInteger(), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column('vat_amount', sa.Numeric(precision=12, scale=2), server_default=sa.text('0'),
                  nullable=False),
        sa.Column('payment_method', sa.Enum('CASH', 'CREDIT_CARD', 'DEBIT_CARD', 'DEPOSIT',
                                            name='paymentmethod', native_enum=False,
                                            create_constraint=True, length=40),
                  nullable=True),
        sa.Column('collected_payment_id', sa.BigInteger(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('created_by', sa.BigInteger(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'),
                  nullable=False),
        sa.CheckConstraint('amount > 0', name=op.f('ck_balance_settlements_amount_positive')),
        sa.CheckConstraint('vat_amount >= 0 AND vat_amount <= amount',
                           name=op.f('ck_balance_settlements_vat_within_amount')),
        sa.CheckConstraint("kind IN ('COLLECTED', 'WRITTEN_OFF')",
                           name=op.f('ck_balance_settlements_known_kind')),
        sa.CheckConstraint(
            "(kind = 'COLLECTED' AND collected_payment_id IS NOT NULL "
            "AND payment_method IS NOT NULL) OR "
            "(kind = 'WRITTEN_OFF' AND collected_payment_id IS NULL AND vat_amount = 0 "
            "AND length(btrim(reason)) > 0)",
            name=op.f('ck_balance_settlements_kind_has_its_fields')),
        sa.ForeignKeyConstraint(['hospital_id'], ['hospitals.id'],
                                name=op.f('fk_balance_settlements_hospital_id_hospitals'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['patient_id'], ['patients.id'],
                                name=op.f('fk_balance_settlements_patient_id_patients'),
                                ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(
            ['copay_payment_id'], ['copay_payments.id'],
            name=op.f('fk_balance_settlements_copay_payment_id_copay_payments'),
            ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['appointment_id'], ['appointments.id'],
                                name=op.f('fk_balance_settlements_appointment_id_appointments'),
                                ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(
            ['collected_payment_id'], ['copay_payments.id'],
            name=op.f('fk_balance_settlements_collected_payment_id_copay_payments'),
            ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['created_by'], ['users.id'],
                                name=op.f('fk_balance_settlements_created_by_users'),
                                ondelete='RESTRICT'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_balance_settlements')),
    )
    op.create_index('ix_balance_settlements_payment', 'balance_settlements',
                    ['copay_payment_id'], unique=False)
    op.create_index('ix_balance_settlements_collected', 'balance_settlements',
                    ['collected_payment_id'], unique=False,
                    postgresql_where=sa.text('collected_payment_id IS NOT NULL'))
    # Money records are written once (like copay payments and journal rows, migration 0003).
    op.execute("""
        CREATE TRIGGER balance_settlements_append_only BEFORE UPDATE OR DELETE
            ON balance_settlements FOR EACH ROW EXECUTE FUNCTION cd_refuse_change();
        CREATE TRIGGER balance_settlements_no_truncate BEFORE TRUNCATE ON balance_settlements
            FOR EACH STATEMENT EXECUTE FUNCTION cd_refuse_change();
    """)


def downgrade() -> None:
    _allow(ACTIONS)
    op.drop_index('ix_balance_settlements_collected', table_name='balance_settlements',
                  postgresql_where=sa.text('collected_payment_id IS NOT NULL'))
    op.drop_index('ix_balance_settlements_payment', table_name='balance_settlements')
    op.drop_table('balance_settlements')
