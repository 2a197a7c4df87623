"""audit actions PREAUTH_REQUESTED and INSURANCE_ADDED

The desk can now send a pre-authorisation request and add a policy from the copay dialog;
both are audited. The audit table's action CHECK constraint is rebuilt with the two new
values (the append-only trigger is untouched: no row is rewritten).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 03:10:00
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

TABLE = "insurance_verification_audits"
CONSTRAINT = "ck_insurance_verification_audits_auditaction"

BEFORE = (
    "COPAY_COLLECTED", "COPAY_WAIVED", "COPAY_DEFERRED", "PREAUTH_OVERRIDE",
    "CONVERT_TO_SELFPAY", "DHA_VERIFIED", "DHA_MISMATCH_USE_DB", "DHA_MISMATCH_SELFPAY",
    "DHA_MISMATCH_UPDATE", "DHA_UNAVAILABLE_USE_CACHE", "MANUAL_VERIFY", "MANUAL_REJECT",
    "MANUAL_RESET", "EID_VERIFIED", "COVERAGE_CHANGE_ACCEPTED", "COVERAGE_CHANGE_REJECTED",
    "REFUND_REQUESTED", "REFUND_APPROVED", "REFUND_REJECTED", "REFUND_PROCESSED",
    "REFUND_DELETED",
)
# In the enum's order (app/domain/enums.py AuditAction), as the model's constraint lists them.
AFTER = (
    "COPAY_COLLECTED", "COPAY_WAIVED", "COPAY_DEFERRED", "PREAUTH_REQUESTED", "PREAUTH_OVERRIDE",
    "CONVERT_TO_SELFPAY", "INSURANCE_ADDED", "DHA_VERIFIED", "DHA_MISMATCH_USE_DB",
    "DHA_MISMATCH_SELFPAY", "DHA_MISMATCH_UPDATE", "DHA_UNAVAILABLE_USE_CACHE", "MANUAL_VERIFY",
    "MANUAL_REJECT", "MANUAL_RESET", "EID_VERIFIED", "COVERAGE_CHANGE_ACCEPTED",
    "COVERAGE_CHANGE_REJECTED", "REFUND_REQUESTED", "REFUND_APPROVED", "REFUND_REJECTED",
    "REFUND_PROCESSED", "REFUND_DELETED",
)


def _allow(values: tuple[str, ...]) -> None:
    # op.f(): the name is final; the metadata's naming convention must not prefix it again.
    op.drop_constraint(op.f(CONSTRAINT), TABLE, type_="check")
    listed = ", ".join(f"'{v}'" for v in values)
    op.create_check_constraint(op.f(CONSTRAINT), TABLE, f"action IN ({listed})")


def upgrade() -> None:
    _allow(AFTER)


def downgrade() -> None:
    # Fails, as it should, while audit rows with the new actions exist (they cannot be deleted).
    _allow(BEFORE)
