"""What the session check costs on the hot paths: copay quote and collect, side by side with
and without it, in one run (issue 10).

    python bench/bench_sessions.py [--url postgresql://postgres@127.0.0.1:5432/postgres]
                                   [--scale small|full] [--runs 300]

"with" is a signed-in receptionist (a login session row, checked by every call: folded into
the quote's one statement and into collect's row lock). "without" is the same user as an actor
exempt from the check (a SystemActor carrying the user id: the check's subquery then matches
nothing), i.e. the calls as they were before the check. The two alternate call by call, so
load on the machine hits both alike. Also printed: the quote statement with and without the
folded subquery as the server times it (EXPLAIN ANALYZE), and the check as a statement of its
own (what every call that does not fold it pays: one round trip).
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

import psycopg  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from app.domain.enums import PaymentMethod  # noqa: E402
from app.domain.errors import Conflict  # noqa: E402
from app.services import copay as copay_module  # noqa: E402
from app.services import session_check  # noqa: E402
from app.services.context import SystemActor  # noqa: E402
from app.services.copay import CopayService  # noqa: E402
from bench.bench_copay import RoundTrips, fmt, pct, scratch_copy, setup  # noqa: E402
from bench.generate import ensure_bench_db  # noqa: E402


def unchecked(actor) -> SystemActor:
    return SystemActor(actor.user_id, actor.hospital_id, actor.role, actor.username,
                       actor.full_name, actor.workstation)


def line(label: str, with_: list[float], without: list[float], extra: str = "") -> None:
    d50 = (statistics.median(with_) - statistics.median(without)) * 1000
    d95 = (pct(with_, 0.95) - pct(without, 0.95)) * 1000
    print(f"{label:<10} with check    {fmt(with_)}{extra}")
    print(f"{'':<10} without check {fmt(without)}")
    print(f"{'':<10} difference    p50 {d50:+.2f} ms, p95 {d95:+.2f} ms")


def bench_quote(url: str, runs: int) -> None:
    engine, uow, actor, ids = setup(url)
    svc, bare = CopayService(uow), unchecked(actor)
    sample = (ids * (runs // max(1, len(ids)) + 1))[:runs]
    for appt in sample[:20]:
        svc.quote(actor, appt)
        svc.quote(bare, appt)
    counter = RoundTrips(engine)
    with_, without, trips = [], [], []
    for i, appt in enumerate(sample):
        order = ((actor, with_), (bare, without)) if i % 2 else ((bare, without), (actor, with_))
        for who, into in order:
            counter.n = 0
            t = time.perf_counter()
            svc.quote(who, appt)
            into.append(time.perf_counter() - t)
            if who is actor:
                trips.append(counter.n)
    line("quote", with_, without, f"; round trips {max(trips)}   (goal p95 <= 10 ms)")

    # The statements alone, timed by the server (EXPLAIN ANALYZE): what the folded subquery
    # itself costs, free of the client's scheduling noise.
    params = {"hospital_id": actor.hospital_id, **session_check.params(actor)}
    plain, folded, alone = [], [], []
    pair = ((copay_module._QUOTE_SQL, plain), (copay_module._QUOTE_CHECKED_SQL, folded))
    check = sa.text(f"SELECT {session_check.STATE_SQL}")
    with engine.connect() as conn:
        for i, appt in enumerate(sample):
            for stmt, into in (pair if i % 2 else pair[::-1]):
                plan = conn.execute(sa.text("EXPLAIN (ANALYZE, FORMAT JSON) " + stmt.text),
                                    {"appointment_id": appt, **params}).scalar()
                into.append(plan[0]["Execution Time"] / 1000)
            t = time.perf_counter()
            assert conn.execute(check, params).scalar() == "OK"
            alone.append(time.perf_counter() - t)
            conn.rollback()
    line("statement", folded, plain, " (server execution time)")
    print(f"{'check alone':<10}   {fmt(alone)} (client round trip of an unfolded call's check)")
    engine.dispose()


def bench_collect(admin: str, bench_url: str, runs: int) -> None:
    with scratch_copy(admin, bench_url, "cd_bench_sessions") as url:
        engine, uow, actor, ids = setup(url)
        svc, bare = CopayService(uow), unchecked(actor)
        counter = RoundTrips(engine)
        with_, without, trips = [], [], []
        for i, appt in enumerate(ids):
            if min(len(with_), len(without)) >= runs:
                break
            who, into = (actor, with_) if i % 2 else (bare, without)
            counter.n = 0
            t = time.perf_counter()
            try:
                svc.collect(who, appt, PaymentMethod.CASH, f"bench-{appt}")
            except Conflict:
                continue
            into.append(time.perf_counter() - t)
            if who is actor:
                trips.append(counter.n)
        line("collect", with_[3:], without[3:],
             f"; round trips median {statistics.median(trips):.0f}   (goal p95 <= 25 ms)")
        engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--scale", default="small")
    ap.add_argument("--runs", type=int, default=300)
    args = ap.parse_args()
    bench_url = ensure_bench_db(args.url, args.scale)
    with psycopg.connect(bench_url) as c:
        counts = c.execute("SELECT (SELECT count(*) FROM patients), (SELECT count(*) FROM "
                           "appointments), (SELECT count(*) FROM login_sessions)").fetchone()
    print(f"database: {counts[0]:,} patients, {counts[1]:,} appointments, "
          f"{counts[2]:,} login sessions")
    bench_quote(bench_url, args.runs)
    bench_collect(args.url, bench_url, min(args.runs, 100))


if __name__ == "__main__":
    main()
