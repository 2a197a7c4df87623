"""Cost of the hash chain (issue 10): copay quote and collect with the chain vs without, side
by side in one run, plus ``audit verify`` throughput.

    python bench/bench_chain.py [--url postgresql://postgres@127.0.0.1:5432/postgres]
                                [--patients 50000 --appointments 500000 --payments 250000
                                 --audit 1000000] [--runs 200]

On bench/generate.py's database of the given scale (half the full clinic scale by default)
it makes two throw-away copies, ``chained`` (as migrated: the BEFORE INSERT chain triggers on
audit, activity, journal entries and lines) and ``plain`` (the same database with those four
triggers disabled, i.e. the schema before 0003 as far as collect's cost goes), then:

1. quotes today's appointments alternately on both copies (a quote writes nothing, so the two
   should match: the check that the copies are comparable);
2. collects today's undecided appointments alternately on both copies (the same appointment
   on each, cash/card alternating), reporting p50/p95 and the difference;
3. reads the server's own timing of the chain trigger (``EXPLAIN ANALYZE`` of a single-row
   audit INSERT and a 3-line journal entry, rolled back): the cost per chained row without
   Python, the network or the other processes on the machine in it;
4. times ``verify_chains`` over the chained copy (rows per second).

Alternating the two keeps background load (other processes on the machine) out of the ratio.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from app.db.chain import CHAINS  # noqa: E402
from app.db.chain_verify import verify_chains  # noqa: E402
from app.domain.enums import PaymentMethod  # noqa: E402
from app.domain.errors import Conflict  # noqa: E402
from app.services.copay import CopayService  # noqa: E402
from bench.bench_copay import copy_db, drop_db, fmt, pct, setup  # noqa: E402
from bench.generate import Scale, ensure_bench_db  # noqa: E402

_AUDIT_INSERT = ("EXPLAIN (ANALYZE, FORMAT JSON) INSERT INTO insurance_verification_audits "
                 "(hospital_id, action, reason, new_data) VALUES (%s, 'MANUAL_VERIFY', "
                 "'bench', '{\"amount\": \"12.50\", \"method\": \"CASH\"}')")
_LINES_INSERT = ("EXPLAIN (ANALYZE, FORMAT JSON) INSERT INTO journal_lines (entry_id, account_id, "
                 "debit, credit) SELECT %s, a.id, CASE WHEN a.code = '1000' THEN 12.50 ELSE 0 END, "
                 "CASE WHEN a.code = '4000' THEN 12.50 ELSE 0 END FROM gl_accounts a "
                 "WHERE a.hospital_id = %s AND a.code IN ('1000', '4000')")


def _trigger_ms(plan: list, name: str) -> tuple[float, int]:
    for t in plan[0].get("Triggers", []):
        if t["Trigger Name"] == name:
            return t["Time"], t["Calls"]
    raise AssertionError(f"trigger {name} not in the plan")


def trigger_cost(url: str, runs: int) -> None:
    """Server-side time of the chain triggers per row (each statement rolled back)."""
    audit, lines, total = [], [], []
    with psycopg.connect(url) as conn:
        hid = conn.execute("SELECT hospital_id FROM users LIMIT 1").fetchone()[0]
        for _ in range(runs):
            with conn.transaction(force_rollback=True):
                plan = conn.execute(_AUDIT_INSERT, (hid,)).fetchone()[0]
                ms, _ = _trigger_ms(plan, "insurance_verification_audits_chain")
                audit.append(ms / 1000)
                total.append(plan[0]["Execution Time"] / 1000)
                eid = conn.execute(
                    "INSERT INTO journal_entries (hospital_id, memo, source_type, source_id) "
                    "VALUES (%s, 'bench', 'BENCH', 0) RETURNING id", (hid,)).fetchone()[0]
                plan = conn.execute(_LINES_INSERT, (eid, hid)).fetchone()[0]
                ms, calls = _trigger_ms(plan, "journal_lines_chain")
                lines.append(ms / 1000 / calls)
    print(f"chain trigger, server time per audit row:   {fmt(audit)} "
          f"(whole INSERT {fmt(total)})")
    print(f"chain trigger, server time per journal line: {fmt(lines)}")


def run(admin: str, bench_url: str, runs: int) -> None:
    tag = uuid.uuid4().hex[:6]
    names = {"chained": f"cd_bench_chain_on_{tag}", "plain": f"cd_bench_chain_off_{tag}"}
    urls = {}
    try:
        for kind, name in names.items():
            urls[kind] = copy_db(admin, bench_url, name)
        with psycopg.connect(urls["plain"], autocommit=True) as conn:
            for c in CHAINS:
                conn.execute(f"ALTER TABLE {c.table} DISABLE TRIGGER {c.table}_chain")
        sides = {}
        for kind, url in urls.items():
            engine, uow, actor, ids = setup(url)
            sides[kind] = (engine, CopayService(uow), actor, ids)
        ids = sides["chained"][3]
        assert ids == sides["plain"][3], "the two copies differ"

        quotes: dict[str, list[float]] = {"chained": [], "plain": []}
        sample = (ids * (runs // max(1, len(ids)) + 1))[:runs]
        for kind in quotes:  # warm both pools and caches
            _, svc, actor, _ = sides[kind]
            for appt in sample[:20]:
                svc.quote(actor, appt)
        for i, appt in enumerate(sample):
            order = ("chained", "plain") if i % 2 else ("plain", "chained")
            for kind in order:
                _, svc, actor, _ = sides[kind]
                t = time.perf_counter()
                svc.quote(actor, appt)
                quotes[kind].append(time.perf_counter() - t)

        collects: dict[str, list[float]] = {"chained": [], "plain": []}
        blocked = 0
        for i, appt in enumerate(ids):
            if len(collects["chained"]) >= runs:
                break
            method = PaymentMethod.CASH if i % 2 else PaymentMethod.CREDIT_CARD
            order = ("chained", "plain") if i % 2 else ("plain", "chained")
            took = {}
            try:
                for kind in order:
                    _, svc, actor, _ = sides[kind]
                    t = time.perf_counter()
                    svc.collect(actor, appt, method, f"bench-chain-{appt}")
                    took[kind] = time.perf_counter() - t
            except Conflict:  # pre-authorisation blocks it (on both copies alike)
                blocked += 1
                continue
            for kind, seconds in took.items():
                collects[kind].append(seconds)

        print(f"quote, chained:   {fmt(quotes['chained'])}   goal p95 <= 10 ms")
        print(f"quote, no chain:  {fmt(quotes['plain'])}")
        on, off = collects["chained"][5:], collects["plain"][5:]
        print(f"collect, chained:  {fmt(on)}   goal p95 <= 25 ms ({blocked} skipped: "
              "pre-authorisation blocks collection)")
        print(f"collect, no chain: {fmt(off)}")
        print(f"chain cost per collect: p50 +{(statistics.median(on) - statistics.median(off)) * 1000:.2f} ms, "
              f"p95 +{(pct(on, 0.95) - pct(off, 0.95)) * 1000:.2f} ms")

        trigger_cost(urls["chained"], runs)
        engine = sides["chained"][0]
        t = time.perf_counter()
        report = verify_chains(engine)
        took_s = time.perf_counter() - t
        rows = sum(c.rows for c in report.chains)
        print(f"audit verify: {rows:,} rows in {took_s:.1f} s ({rows / took_s:,.0f} rows/s); "
              f"{'every chain verifies' if report.ok else report.lines()}")
        for engine, *_ in sides.values():
            engine.dispose()
    finally:
        for name in names.values():
            drop_db(admin, name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--patients", type=int, default=50_000)
    ap.add_argument("--appointments", type=int, default=500_000)
    ap.add_argument("--payments", type=int, default=250_000)
    ap.add_argument("--audit", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    scale = Scale("full", args.patients, args.appointments, args.payments, args.audit)
    if (scale.patients, scale.appointments, scale.payments, scale.audit) != (
            100_000, 1_000_000, 500_000, 2_000_000):
        scale = dataclasses.replace(scale, name=f"custom_{scale.patients}_{scale.appointments}_"
                                                f"{scale.payments}_{scale.audit}")
    bench_url = ensure_bench_db(args.url, scale)
    with psycopg.connect(bench_url) as c:
        counts = c.execute("SELECT (SELECT count(*) FROM patients), (SELECT count(*) FROM "
                           "appointments), (SELECT count(*) FROM copay_payments), "
                           "(SELECT count(*) FROM insurance_verification_audits)").fetchone()
    print(f"database: {counts[0]:,} patients, {counts[1]:,} appointments, "
          f"{counts[2]:,} payments, {counts[3]:,} audit rows")
    run(args.url, bench_url, args.runs)


if __name__ == "__main__":
    main()
