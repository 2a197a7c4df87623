"""Copay quote and collect at clinic scale (issue 3's figures).

    python bench/bench_copay.py [--url postgresql://postgres@127.0.0.1:5432/postgres]
                                [--scale full|small] [--runs 300]

On bench/generate.py's database (100,000 patients, 1,000,000 appointments, 500,000 payments,
2,000,000 audit rows at ``full`` scale) prints, in one run:

1. ``CopayService.quote`` p50/p95 and database round trips per quote (goal p95 <= 10 ms,
   <= 3 round trips), over today's appointments;
2. the same quote loaded the seed's way (``quote_naive``: one query per lookup), p50/p95, and
   the ratio naive / fast;
3. ``CopayService.collect`` p50/p95 (goal p95 <= 25 ms) on today's undecided appointments,
   inside a copy of the database that is dropped afterwards, so the bench data stays as
   generated.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from app.db.session import make_engine, make_session_factory  # noqa: E402
from app.db.timeouts import DESK  # noqa: E402
from app.domain.enums import PaymentMethod  # noqa: E402
from app.domain.errors import Conflict  # noqa: E402
from app.services.copay import CopayService  # noqa: E402
from app.services.unit_of_work import uow_factory  # noqa: E402
from bench.generate import ensure_bench_db  # noqa: E402
from bench.signed_in import signed_in_actor  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def fmt(values: list[float]) -> str:
    return (f"p50 {statistics.median(values) * 1000:.2f} ms, p95 {pct(values, 0.95) * 1000:.2f} ms"
            f" (n={len(values)})")


class RoundTrips:
    """Counts statements sent by an engine (BEGIN/COMMIT/ROLLBACK included via events)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.n = 0
        sa.event.listen(engine, "before_cursor_execute", self._stmt)
        sa.event.listen(engine, "begin", self._other)
        sa.event.listen(engine, "rollback", self._other)
        sa.event.listen(engine, "commit", self._other)

    def _stmt(self, *args) -> None:
        self.n += 1

    def _other(self, conn) -> None:
        # In autocommit mode the driver sends no BEGIN/ROLLBACK: only count real ones.
        if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            self.n += 1


def setup(url: str):
    # The desk's connection limits, as bootstrap sets them (set at connect: no cost per call).
    engine = make_engine(url, pool_size=2, timeouts=DESK)
    uow = uow_factory(make_session_factory(engine))
    with engine.connect() as c:
        hid, uid = c.execute(sa.text(
            "SELECT hospital_id, id FROM users WHERE role = 'RECEPTIONIST' LIMIT 1")).one()
        tz = c.execute(sa.text("SELECT timezone FROM hospitals WHERE id = :h"), {"h": hid}).scalar()
        today = c.execute(sa.text("SELECT (now() AT TIME ZONE :tz)::date"), {"tz": tz}).scalar()
        ids = list(c.execute(sa.text(
            "SELECT id FROM appointments WHERE hospital_id = :h AND appointment_date = :d "
            "AND copay_status = 'PENDING' AND status IN ('SCHEDULED', 'CONFIRMED') ORDER BY id"),
            {"h": hid, "d": today}).scalars())
    actor = signed_in_actor(engine, uid, "bench", username="bench", full_name="Bench Desk")
    return engine, uow, actor, ids


def bench_quotes(url: str, runs: int) -> None:
    engine, uow, actor, ids = setup(url)
    svc = CopayService(uow)
    sample = (ids * (runs // max(1, len(ids)) + 1))[:runs]
    for appt in sample[:20]:  # warm the pool and the caches
        svc.quote(actor, appt)
        svc.quote_naive(actor, appt)
    counter = RoundTrips(engine)
    fast, naive, trips_fast, trips_naive = [], [], [], []
    for appt in sample:
        counter.n = 0
        t = time.perf_counter()
        svc.quote(actor, appt)
        fast.append(time.perf_counter() - t)
        trips_fast.append(counter.n)
        counter.n = 0
        t = time.perf_counter()
        svc.quote_naive(actor, appt)
        naive.append(time.perf_counter() - t)
        trips_naive.append(counter.n)
    print(f"quote (one statement):      {fmt(fast)}; round trips per quote: "
          f"{max(trips_fast)}   goal p95 <= 10 ms, <= 3 round trips")
    print(f"quote, seed-style loading:  {fmt(naive)}; round trips per quote: "
          f"{statistics.median(trips_naive):.0f}")
    print(f"ratio naive / fast:         p50 {statistics.median(naive) / statistics.median(fast):.1f}x,"
          f" p95 {pct(naive, 0.95) / pct(fast, 0.95):.1f}x")
    engine.dispose()


def copy_db(admin: str, bench_url: str, name: str) -> str:
    """Create database ``name`` as a copy of ``bench_url``'s; return its URL."""
    source = bench_url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return admin.rsplit("/", 1)[0] + f"/{name}"


def drop_db(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def scratch_copy(admin: str, bench_url: str, prefix: str) -> Iterator[str]:
    """A copy of the bench database to write in (its URL), dropped afterwards, so the bench
    data stays as generated."""
    name = f"{prefix}_{uuid.uuid4().hex[:6]}"
    url = copy_db(admin, bench_url, name)
    try:
        yield url
    finally:
        drop_db(admin, name)


def bench_collect(admin: str, bench_url: str, runs: int) -> None:
    with scratch_copy(admin, bench_url, "cd_bench_collect") as url:
        engine, uow, actor, ids = setup(url)
        svc = CopayService(uow)
        counter = RoundTrips(engine)
        times, blocked, trips = [], 0, []
        for i, appt in enumerate(ids):
            if len(times) >= runs:
                break
            counter.n = 0
            t = time.perf_counter()
            try:
                svc.collect(actor, appt,
                            PaymentMethod.CASH if i % 2 else PaymentMethod.CREDIT_CARD,
                            f"bench-{appt}")
            except Conflict:  # pre-auth denied or missing: the desk would not collect either
                blocked += 1
                continue
            times.append(time.perf_counter() - t)
            trips.append(counter.n)
        print(f"collect:                    {fmt(times[5:])}   goal p95 <= 25 ms "
              f"({blocked} skipped: pre-authorisation blocks collection); round trips per "
              f"collect: median {statistics.median(trips):.0f}, max {max(trips)}")
        engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--scale", default="full")
    ap.add_argument("--runs", type=int, default=300)
    args = ap.parse_args()
    bench_url = ensure_bench_db(args.url, args.scale)
    with psycopg.connect(bench_url) as c:
        counts = c.execute("SELECT (SELECT count(*) FROM patients), (SELECT count(*) FROM "
                           "appointments), (SELECT count(*) FROM copay_payments)").fetchone()
    print(f"database: {counts[0]:,} patients, {counts[1]:,} appointments, "
          f"{counts[2]:,} payments")
    bench_quotes(bench_url, args.runs)
    bench_collect(args.url, bench_url, min(args.runs, 200))


if __name__ == "__main__":
    main()
