"""The demo built early in the morning (issue 11): at 06:00 hospital time nothing in it has
happened after "now" — no check-in at 08:15, no payment, audit or activity row stamped later
than the clock that built it. Appointments still to come keep their future start times."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import sessionmaker

from app import demo

DUBAI = dt.timezone(dt.timedelta(hours=4))
# Times that are plans, not events: they may lie after "now".
PLANNED = {("appointments", "scheduled_start"), ("appointments", "scheduled_end"),
           ("login_sessions", "expires_at")}


@pytest.fixture(scope="module")
def empty_db_url(pg_admin_url: str) -> Iterator[str]:
    from app.db.migrate import upgrade

    name = f"cd_early_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = pg_admin_url.partition("?")
    url = base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")
    upgrade(url)
    yield url
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _later_than(conn: sa.Connection, now: dt.datetime) -> dict[str, int]:
    """table.column -> rows stamped after ``now``, over every timestamptz column."""
    cols = conn.execute(sa.text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND data_type = 'timestamp with time zone'")).all()
    late: dict[str, int] = {}
    for table, column in cols:
        if (table, column) in PLANNED:
            continue
        n = conn.execute(sa.text(f'SELECT count(*) FROM "{table}" WHERE "{column}" > :now'),
                         {"now": now}).scalar_one()
        if n:
            late[f"{table}.{column}"] = n
    return late


@pytest.mark.parametrize("hour,minute", [(6, 0), (0, 30), (9, 10)])
def test_demo_built_early_in_the_day_has_nothing_after_now(empty_db_url, hour, minute):
    from app.db.session import make_engine

    # A day after the real date, so rows the server stamps itself (now()) are not "later".
    today = dt.date.today() + dt.timedelta(days=3)
    now = dt.datetime.combine(today, dt.time(hour, minute), DUBAI)
    engine = make_engine(empty_db_url, pool_size=1)
    try:
        with engine.connect() as conn:
            outer = conn.begin()
            factory = sessionmaker(bind=conn, join_transaction_mode="create_savepoint",
                                   expire_on_commit=False)
            summary = demo.create_demo(factory, today=today, clock=lambda: now)
            assert summary.created
            late = _later_than(conn, now)
            statuses = set(conn.execute(sa.text(
                "SELECT DISTINCT status FROM appointments WHERE appointment_date = :d"),
                {"d": today}).scalars())
            waits = conn.execute(sa.text(
                "SELECT min(checked_in_at) FROM appointments WHERE appointment_date = :d "
                "AND status = 'CHECKED_IN'"), {"d": today}).scalar_one()
            dates = conn.execute(sa.text(
                "SELECT count(*) FROM appointments WHERE appointment_date <> "
                "(scheduled_start AT TIME ZONE 'Asia/Dubai')::date")).scalar_one()
            outer.rollback()
    finally:
        engine.dispose()
    assert late == {}, f"stamped after {now:%H:%M}: {late}"
    # Still a day in progress: patients are waiting (checked in before now), the rest to come.
    assert {"CHECKED_IN", "SCHEDULED"} <= statuses
    assert waits is not None and waits <= now
    assert dates == 0  # every appointment starts on its own day
