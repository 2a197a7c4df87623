"""claims keep OpenDental's write-off and deductible; audit action ELIGIBILITY_OVERRIDE

Reconciliation compares the copay collected at the desk with the patient portion the insurer
finally adjudicated. OpenDental's patient portion of a received claim is
ClaimFee - InsPayAmt - WriteOff; the claims table kept the fee (amount_billed) and the
insurer's payment (amount_approved) but not the write-off, so a claim with a contractual
write-off would look like a patient debt. ``write_off`` and ``ded_applied`` (how much of the
patient portion went to the deductible, for the explanation) are added, 0 for claims already
here; the claim status poller fills them on its next pass.

An administrator can now override an appointment's eligibility (seed 000
``POST /appointments/:id/eligibility/override``); the insurance audit table's action CHECK
constraint is rebuilt with ELIGIBILITY_OVERRIDE (no row is rewritten).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 16:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

TABLE = "insurance_verification_audits"
CONSTRAINT = "ck_insurance_verification_audits_auditaction"

BEFORE = (
    "COPAY_COLLECTED", "COPAY_WAIVED", "COPAY_DEFERRED", "PREAUTH_REQUESTED", "PREAUTH_OVERRIDE",
    "CONVERT_TO_SELFPAY", "INSURANCE_ADDED", "DHA_VERIFIED", "DHA_MISMATCH_USE_DB",
    "DHA_MISMATCH_SELFPAY", "DHA_MISMATCH_UPDATE", "DHA_UNAVAILABLE_USE_CACHE", "MANUAL_VERIFY",
    "MANUAL_REJECT", "MANUAL_RESET", "EID_VERIFIED", "COVERAGE_CHANGE_ACCEPTED",
    "COVERAGE_CHANGE_REJECTED", "REFUND_REQUESTED", "REFUND_APPROVED", "REFUND_REJECTED",
    "REFUND_PROCESSED", "REFUND_DELETED",
)
# In the enum's order (app/domain/enums.py AuditAction), as the model's constraint lists them.
AFTER = BEFORE + ("ELIGIBILITY_OVERRIDE",)


def _allow(values: tuple[str, ...]) -> None:
    # op.f(): the name is final; the metadata's naming convention must not prefix it again.
    op.drop_constraint(op.f(CONSTRAINT), TABLE, type_="check")
    listed = ", ".join(f"'{v}'" for v in values)
    op.create_check_constraint(op.f(CONSTRAINT), TABLE, f"action IN ({listed})")


def upgrade() -> None:
    op.add_column('claims', sa.Column('write_off', sa.Numeric(12, 2), nullable=False,
                                      server_default=sa.text('0')))
    op.add_column('claims', sa.Column('ded_applied', sa.Numeric(12, 2), nullable=False,
                                      server_default=sa.text('0')))
    _allow(AFTER)


def downgrade() -> None:
    # Fails, as it should, while audit rows with the new action exist (they cannot be deleted).
    _allow(BEFORE)
    op.drop_column('claims', 'ded_applied')
    op.drop_column('claims', 'write_off')
