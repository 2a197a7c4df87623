"""Engines and session factories. Built by bootstrap, never at import time."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from app.db import id_array  # noqa: F401 - registers the IdArray dumper before any connection
from app.db.embedded import to_sqlalchemy_url
from app.db.timeouts import Timeouts
from app.domain.errors import DatabaseUnavailable
from app.domain.messages import messages

M = messages(__name__)


def make_engine(url: str, *, pool_size: int = 5, application_name: str = "clinicdesk",
                timeouts: Timeouts | None = None) -> sa.Engine:
    """An engine for ``url``; ``timeouts`` become every connection's defaults (the desk's,
    from bootstrap; app/db/timeouts.py). Scripts and tests that pass none get PostgreSQL's."""
    connect_args: dict[str, object] = {"application_name": application_name,
                                       "connect_timeout": 5}
    # No JIT compilation: PostgreSQL starts it on a plan's estimated cost (100,000), which the
    # billing office's set-wide reads pass at clinic scale, and then compiles for longer than
    # the query runs (the reconciliation's status counts of 90 days: 4.5 s of JIT in 5.6 s).
    # Every query of the app is an index-driven read or a short write.
    options = ["-c jit=off"]
    if timeouts is not None:
        options.append(timeouts.connect_options())
    connect_args["options"] = " ".join(options)
    try:
        return sa.create_engine(
            to_sqlalchemy_url(url),
            pool_size=pool_size,
            max_overflow=5,
            # No pre-ping: it costs a round trip per checkout. A connection the server dropped
            # fails its statement, SQLAlchemy invalidates the pool, and the unit of work tells
            # the user to try again; nothing is half-written because that was one transaction.
            pool_recycle=1800,
            connect_args=connect_args,
        )
    except (sa.exc.ArgumentError, ValueError) as exc:
        raise DatabaseUnavailable(
            M("database_url_valid_database", "DATABASE_URL is not a valid database URL "
              "({exc}). It should look like postgresql://user:password@host:5432/clinicdesk.",
              exc=exc)
        ) from None


def make_session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    from app.db import lock_order

    lock_order.install()
    return sessionmaker(bind=engine, expire_on_commit=False)


def check_connection(engine: sa.Engine) -> None:
    """Connect once, turning driver errors into one clear message naming the fix."""
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(
            M("reach_database_render_string", "Cannot reach the database at "
              "{url}: {reason}. Check DATABASE_URL (host, port, user, password, "
              "database name) and that the server is running; unset DATABASE_URL to use the "
              "built-in database.",
              url=engine.url.render_as_string(hide_password=True), reason=reason)
        ) from None
    except sa.exc.ArgumentError as exc:
        raise DatabaseUnavailable(M("database_url_valid_database_2", "DATABASE_URL is not a "
                                    "valid database URL: {exc}", exc=exc)) from None
