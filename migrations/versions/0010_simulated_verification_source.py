"""patient_insurances.verification_source may be SIMULATED

A policy confirmed by the built-in DHA simulator (MOCK mode) was stored as verified by
DHA_ECLAIM, indistinguishable from a real DHA verification. Such answers are now stored
with the source SIMULATED; the CHECK constraint of the column gets the new value. Rows
stored before the upgrade are left as they are (the audit trail says which checks were
simulated: their dha_response carries "simulated": true).

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-04 16:30:00
"""

from __future__ import annotations

from alembic import op

revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None

_NAME = 'ck_patient_insurances_verificationsource'
_OLD = ('MANUAL', 'DHA_ECLAIM', 'PAYER_API', 'OPENDENTAL')
_NEW = (*_OLD, 'SIMULATED')


def _check(values: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{v}'" for v in values)
    return f"verification_source IN ({listed})"


def upgrade() -> None:
    op.drop_constraint(op.f(_NAME), 'patient_insurances', type_='check')
    op.create_check_constraint(op.f(_NAME), 'patient_insurances', _check(_NEW))


def downgrade() -> None:
    # A simulated verification becomes "not verified by anyone" rather than a real one.
    op.execute("UPDATE patient_insurances SET verification_status = 'PENDING', "
               "verification_source = NULL, verified_at = NULL, verified_by = NULL "
               "WHERE verification_source = 'SIMULATED'")
    op.drop_constraint(op.f(_NAME), 'patient_insurances', type_='check')
    op.create_check_constraint(op.f(_NAME), 'patient_insurances', _check(_OLD))
