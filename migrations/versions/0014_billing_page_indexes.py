"""indexes for a claim's payer and for the Eligibility review's pages (issue 13 figures)

A claim's payer: the newest coverage row of its plan that names a carrier.

The claims list (app/services/claim_list.py) and the dashboard's rows and plan carriers
(app/services/dashboard.py) name a claim's payer with a correlated subquery on od_coverages:
the newest row of the claim's (hospital, connection, plan) with a carrier. With only
``ix_od_coverages_plan`` the planner preferred a sequential scan that stops at the first
match, which for a plan whose rows sit late in the table reads thousands of rows per claim:
at clinic scale (72k coverage rows, 3 plans) a page of 50 APPROVED claims spent 17 of its
18.5 ms there. This index answers each probe with its first entry (an index-only scan).

The Eligibility review (app/services/eligibility_review.py) lists a range of days' appointments
in order, 50 at a time. Without an index in that order each page sorted every appointment of
the range: 0.15-0.26 s for its default 15 days, 4-6 s for a year at clinic scale (1M
appointments). These make a page an index range scan that stops after 51 rows: all of them,
one eligibility status, and the (few) overridden ones.

bench/bench_claims_page.py and bench/bench_billing_pages.py create the same indexes on a bench
database with CREATE INDEX IF NOT EXISTS (``INDEXES``).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 19:30:00
"""

from __future__ import annotations

from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

# name -> DDL after "CREATE INDEX [IF NOT EXISTS] <name> ON"
INDEXES = {
    "ix_od_coverages_plan_carrier":
        "od_coverages (hospital_id, connection_id, plan_num, id DESC) INCLUDE (carrier_name) "
        "WHERE carrier_name <> ''",
    "ix_appointments_review_page":
        "appointments (hospital_id, appointment_date, scheduled_start, id)",
    "ix_appointments_review_status_page":
        "appointments (hospital_id, eligibility_status, appointment_date, scheduled_start, id)",
    "ix_appointments_review_override_page":
        "appointments (hospital_id, appointment_date, scheduled_start, id) "
        "WHERE eligibility_details ? 'override'",
}


def upgrade() -> None:
    for name, ddl in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {ddl}")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")
