"""login sessions get an absolute lifetime (expires_at)

Every service call now checks the caller's login session; a session stops working when it
is ended (sign-out, idle lock, revoke) or when ``expires_at`` has passed. Sessions already
in the table get the default lifetime (12 hours) counted from their start, so an open
session from before the upgrade expires on the usual schedule.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 13:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('login_sessions',
                  sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE login_sessions SET expires_at = started_at + interval '12 hours'")
    op.alter_column('login_sessions', 'expires_at', nullable=False)


def downgrade() -> None:
    op.drop_column('login_sessions', 'expires_at')
