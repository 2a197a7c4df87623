"""PostgreSQL advisory locks: one workstation at a time runs a background job.

``with try_advisory_lock(engine, "eligibility:1") as got:`` takes a session-level
``pg_try_advisory_lock(hashtext(name))`` on a dedicated autocommit connection (so no
transaction stays open while the job runs), yields whether it got it, and releases it on exit.
The same key space as Alembic's ``pg_advisory_lock(hashtext('alembic'))``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

log = logging.getLogger(__name__)

_TRY = sa.text("SELECT pg_try_advisory_lock(hashtext(:name))")
_UNLOCK = sa.text("SELECT pg_advisory_unlock(hashtext(:name))")


@contextmanager
def try_advisory_lock(engine: sa.Engine, name: str) -> Iterator[bool]:
    """Yield True if this process now holds the lock ``name``, False if someone else does."""
    conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        got = bool(conn.execute(_TRY, {"name": name}).scalar())
        try:
            yield got
        finally:
            if got:
                try:
                    conn.execute(_UNLOCK, {"name": name})
                except sa.exc.DBAPIError:
                    # The connection died: PostgreSQL dropped the lock with the session.
                    log.warning("advisory lock %s: connection lost before unlock", name)
                    conn.invalidate()
    finally:
        conn.close()

