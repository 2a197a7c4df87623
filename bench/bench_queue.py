"""Queue refresh alone: ``QueueService.day`` with a busy day (1,000 appointments today).

    python bench/bench_queue.py [--url postgresql://postgres@127.0.0.1:5432/postgres]
                                [--appointments 1000] [--runs 50] [--keep NAME]

Builds a throw-away database the way bench/bench_frontdesk.py does (demo hospital plus
appointments for today) and prints ``queue.day`` p50/p95 (goal <= 50 ms), split into the
query alone (the same statement executed and fetched, no row building) and the rest
(building QueueRow objects). ``--keep NAME`` reuses (or creates and keeps) a database of
that name, so a before/after comparison runs on the same rows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_frontdesk import (  # noqa: E402
    _admin_url,
    _context,
    _db_url,
    build_database,
    drop_database,
)


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def _fmt(values: list[float]) -> str:
    return (f"p50 {statistics.median(values) * 1000:.1f} ms, "
            f"p95 {_pct(values, 0.95) * 1000:.1f} ms (n={len(values)})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="PostgreSQL server URL (any database on it)")
    ap.add_argument("--appointments", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--keep", help="database name to reuse or create and keep")
    args = ap.parse_args(argv)
    admin = _admin_url(args.url)

    import psycopg

    if args.keep:
        name = args.keep
        with psycopg.connect(admin, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (name,)).fetchone()
        if exists:
            url = _db_url(admin, name)
        else:
            built, url = build_database(admin, args.appointments)
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'ALTER DATABASE "{built}" RENAME TO "{name}"')
            url = _db_url(admin, name)
    else:
        name, url = build_database(admin, args.appointments)

    import sqlalchemy as sa

    from app.services import queue as queue_module

    ctx = _context(url, "bench-queue")
    try:
        services, actor = ctx.services, ctx.actor
        rows = services.queue.day(actor)
        for _ in range(5):
            services.queue.day(actor)
        total = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            services.queue.day(actor)
            total.append(time.perf_counter() - t0)
        # The same statement alone (compiled from the module's select), fetched as tuples.
        import datetime as dt
        from zoneinfo import ZoneInfo

        A = queue_module.Appointment
        with ctx.db.session_factory() as s:
            tz = s.scalar(sa.text("SELECT timezone FROM hospitals WHERE id = :h"),
                          {"h": actor.hospital_id})
        day = dt.datetime.now(ZoneInfo(tz)).date()
        stmt = (queue_module._queue_select()
                .where(A.hospital_id == actor.hospital_id, A.appointment_date == day)
                .order_by(A.scheduled_start, A.id))
        query = []
        with ctx.db.engine.connect() as c:
            for _ in range(5):
                c.execute(stmt).fetchall()
            for _ in range(args.runs):
                t0 = time.perf_counter()
                c.execute(stmt).fetchall()
                query.append(time.perf_counter() - t0)
        print(f"queue.day, {len(rows)} rows today (goal <= 50 ms): {_fmt(total)}")
        print(f"   the statement alone, fetched (pooled connection): {_fmt(query)}")
        per_row = (statistics.median(total) - statistics.median(query)) / max(1, len(rows))
        print(f"   the rest (session, row building) per row: {per_row * 1e6:.1f} us")
    finally:
        ctx.ops.shutdown()
        ctx.db.dispose()
        if not args.keep:
            drop_database(admin, name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
