"""index for a claim's payer: the newest coverage row of its plan that names a carrier

The claims list (app/services/claim_list.py) and the dashboard's rows and plan carriers
(app/services/dashboard.py) name a claim's payer with a correlated subquery on od_coverages:
the newest row of the claim's (hospital, connection, plan) with a carrier. With only
``ix_od_coverages_plan`` the planner preferred a sequential scan that stops at the first
match, which for a plan whose rows sit late in the table reads thousands of rows per claim:
at clinic scale (72k coverage rows, 3 plans) a page of 50 APPROVED claims spent 17 of its
18.5 ms there. This index answers each probe with its first entry (an index-only scan).

bench/bench_claims_page.py creates the same index on a bench database with
CREATE INDEX IF NOT EXISTS (``PAYER_INDEX``).

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

# name, DDL after "CREATE INDEX [IF NOT EXISTS] <name> ON"
PAYER_INDEX = (
    "ix_od_coverages_plan_carrier",
    "od_coverages (hospital_id, connection_id, plan_num, id DESC) INCLUDE (carrier_name) "
    "WHERE carrier_name <> ''",
)


def upgrade() -> None:
    name, ddl = PAYER_INDEX
    op.execute(f"CREATE INDEX {name} ON {ddl}")


def downgrade() -> None:
    op.execute(f"DROP INDEX {PAYER_INDEX[0]}")
