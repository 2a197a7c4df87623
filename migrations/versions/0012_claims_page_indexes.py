"""indexes of the Claims & Payments page (keyset pages per filter)

The Claims list pages on ``(COALESCE(date_service, '1970-01-01'), id) DESC`` (a claim without a
date of service sorts last); one index per filter makes each page an index range scan
(app/services/claim_list.py). The Insurance payments list pages on ``(received_at, id) DESC``,
with or without a carrier. (A claim's payer, the carrier of its plan, is found through
``ix_od_coverages_plan`` of migration 0013, the dashboard's.)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

DAY = "COALESCE(date_service, '1970-01-01'::date)"


def upgrade() -> None:
    op.create_index('ix_claims_page', 'claims', ['hospital_id', sa.text(DAY), 'id'])
    op.create_index('ix_claims_status_page', 'claims',
                    ['hospital_id', 'status', sa.text(DAY), 'id'])
    op.create_index('ix_claims_plan_page', 'claims',
                    ['hospital_id', 'od_plan_num', sa.text(DAY), 'id'])
    op.create_index('ix_claims_connection_page', 'claims', ['connection_id', sa.text(DAY), 'id'])
    op.create_index('ix_insurance_payments_page', 'insurance_payments',
                    ['hospital_id', 'received_at', 'id'])
    op.create_index('ix_insurance_payments_carrier_page', 'insurance_payments',
                    ['hospital_id', sa.text("(details ->> 'carrier')"), 'received_at', 'id'])


def downgrade() -> None:
    op.drop_index('ix_insurance_payments_carrier_page', table_name='insurance_payments')
    op.drop_index('ix_insurance_payments_page', table_name='insurance_payments')
    op.drop_index('ix_claims_connection_page', table_name='claims')
    op.drop_index('ix_claims_plan_page', table_name='claims')
    op.drop_index('ix_claims_status_page', table_name='claims')
    op.drop_index('ix_claims_page', table_name='claims')
