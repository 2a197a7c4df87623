"""Alembic environment: safe to run from any workstation at once.

NullPool, lock and statement timeouts, and an advisory lock around the run so concurrent
upgraders serialise (after warehouse's migrations/env.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

import app.db.models  # noqa: F401  (fills the metadata)
from app.db.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        compare_server_default=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url"), poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        conn.execute(sa.text("SET statement_timeout = 60000"))
        conn.execute(sa.text("SET lock_timeout = 10000"))
        conn.execute(sa.text("SELECT pg_advisory_lock(hashtext('clinicdesk-alembic'))"))
        conn.commit()
        try:
            context.configure(
                connection=conn,
                target_metadata=target_metadata,
                compare_server_default=True,
                transaction_per_migration=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            conn.commit()
        finally:
            conn.execute(sa.text("SELECT pg_advisory_unlock(hashtext('clinicdesk-alembic'))"))
            conn.commit()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
