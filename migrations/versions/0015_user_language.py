"""each user's interface language (issue 15)

The language a user chose at sign-in (English or Arabic) follows them to every workstation.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 19:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("language", sa.String(5), nullable=False,
                                     server_default="en"))
    op.create_check_constraint(op.f("ck_users_language"), "users", "language IN ('en', 'ar')")


def downgrade() -> None:
    op.drop_constraint(op.f("ck_users_language"), "users", type_="check")
    op.drop_column("users", "language")
