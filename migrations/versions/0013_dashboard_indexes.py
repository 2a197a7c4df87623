"""indexes for the office dashboard (issue 13)

The dashboard (app/services/dashboard.py) opens in one read of four aggregates; at clinic
scale (bench/generate.py: 500k copay payments, 200k claims, 150k insurance payments) these
let each be an index-only scan of the rows it sums instead of a walk over the table:

- revenue per day: copay payments by time, posted insurance payments by day received,
  processed refunds by time, each with the amount;
- outstanding claims (not PAID) with what their age, amount and plan are computed from;
- each OpenDental plan's carrier (a skip scan over the coverage rows, one probe per plan).

bench/bench_dashboard.py creates the same indexes (``DASHBOARD_INDEXES``) on a bench database
with CREATE INDEX IF NOT EXISTS.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 16:20:00
"""

from __future__ import annotations

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# name -> DDL after "CREATE INDEX [IF NOT EXISTS] <name> ON"
DASHBOARD_INDEXES = {
    "ix_copay_payments_revenue":
        "copay_payments (hospital_id, payment_date) INCLUDE (amount)",
    "ix_insurance_payments_revenue":
        "insurance_payments (hospital_id, received_at) INCLUDE (amount) "
        "WHERE status = 'POSTED'",
    "ix_copay_refunds_processed":
        "copay_refunds (hospital_id, processed_at) INCLUDE (refund_amount) "
        "WHERE status = 'PROCESSED'",
    "ix_claims_outstanding":
        "claims (hospital_id, date_service) INCLUDE (status, created_at, amount_billed, "
        "amount_approved, connection_id, od_plan_num) WHERE status <> 'PAID'",
    "ix_od_coverages_plan":
        "od_coverages (hospital_id, connection_id, plan_num) INCLUDE (carrier_name)",
}


def upgrade() -> None:
    for name, ddl in DASHBOARD_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {ddl}")


def downgrade() -> None:
    for name in DASHBOARD_INDEXES:
        op.execute(f"DROP INDEX {name}")
