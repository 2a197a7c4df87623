"""Reconciliation, Eligibility review and Activity log at clinic scale: opening each list (its
first page, with the filters the page opens with) and each of its filters, p50/p95 of the
whole service call.

    python bench/bench_billing_pages.py --db cd_bench_full [--url postgresql://postgres@...]
                                        [--runs 50] [--activity 1000000]

Runs against an existing clinic-scale database (bench/generate.py: 1M appointments, 500k copay
payments, 200k claims). It never regenerates, drops or migrates it. The generator writes no
activity log, so this script adds ``--activity`` rows once (3 years of desk actions, sign-ins,
sync runs and heartbeats, ~20% by the background thread), the same way the generator loads
its bulk rows: ``session_replication_role = replica`` (no triggers), then the activity hash
chain sealed (``cd_chain_seal_activity()``) and ANALYZE; a database that already has that many
rows is left as it is. It also creates the indexes of migration 0014 there (CREATE INDEX IF NOT
EXISTS, the same definitions; code from before 0014 does not use them).

Each timing is the whole service call, as the page makes it: a new session, the login-session
and role check, the query, the rows turned into the page's objects. "Today" is the data's
(``bench_info``), and the pages' default filters are computed from it:

- Reconciliation (``ReconciliationService.list``): visits of the last 90 days (the page's
  default), each status, a payer, a year, everything since the start; the page and the status
  counts are one call. Also ``balance_due`` (the copay dialog's line) and ``visit``.
- Eligibility review (``EligibilityReviewService.list``): today - 7 .. today + 7 (the page's
  default), each review status, a whole year, a page deep in the year.
- Activity log (``ActivityLogService.page``): the last 7 days (the page's default), no filter,
  an action, a user, the background thread only, text in 7 days, text over all time.

An empty read-only service call (session + session check, ``SELECT 1``) is timed in the same
run: the floor every call pays on this machine at this moment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

GOAL_MS = 20.0  # the claims page's goal, for comparison; these pages have none of their own
WARM = 3  # untimed calls before each line (--warm)

ACTIONS = ("CHECK_IN", "COPAY_COLLECTED", "VITALS_RECORDED", "CONSULTATION_STARTED",
           "CONSULTATION_COMPLETED", "LOGIN", "PATIENT_REGISTERED", "DHA_ELIGIBILITY_CHECKED",
           "COPAY_WAIVED", "CLAIM_SUBMITTED", "INSURANCE_PAYMENT_POSTED", "SHIFT_OPENED",
           "SHIFT_CLOSED", "LOGIN_FAILED", "SETTINGS_UPDATED")
SYSTEM_ACTIONS = ("OPENDENTAL_SYNC", "SYSTEM_HEARTBEAT")


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def _time(fn: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    out = None
    for _ in range(WARM):
        out = fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return times, out


def ensure_activity(db_url: str, rows: int, now: dt.datetime, hospital_id: int) -> None:
    """At least ``rows`` activity log rows over the 3 years before ``now`` (see the module
    docstring); added once, chained, analysed."""
    import psycopg

    with psycopg.connect(db_url, autocommit=True) as conn:
        have = conn.execute("SELECT count(*) FROM activity_logs").fetchone()[0]
        if have >= rows:
            if conn.execute("SELECT EXISTS (SELECT 1 FROM activity_logs "
                            "WHERE row_hash IS NULL)").fetchone()[0]:
                with conn.transaction():  # an earlier run stopped before its seal
                    conn.execute("SET LOCAL session_replication_role = replica")
                    conn.execute("SELECT cd_chain_seal_activity()")
                conn.execute("VACUUM (ANALYZE) activity_logs")
            return
        add = rows - have
        t = time.perf_counter()
        users = [r[0] for r in conn.execute(
            "SELECT id FROM users WHERE hospital_id = %s ORDER BY id", (hospital_id,))]
        with conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")
            # Row i: when (spread evenly over 3 years, oldest first), who (every 5th the
            # background thread), what; hash-based choices so a run always gives the same rows.
            conn.execute(
                """
                INSERT INTO activity_logs (hospital_id, actor_type, user_id, action,
                    target_type, target_id, payload, workstation, ip_address, created_at)
                SELECT %(hid)s,
                       CASE WHEN i %% 5 = 0 THEN 'SYSTEM' ELSE 'USER' END,
                       CASE WHEN i %% 5 = 0 THEN NULL
                            ELSE (%(users)s::bigint[])[1 + abs(hashint4(i)) %% %(nu)s] END,
                       CASE WHEN i %% 5 = 0
                            THEN (%(sys)s::text[])[1 + (i / 5) %% 2]
                            ELSE (%(acts)s::text[])[1 + abs(hashint4(i * 7)) %% %(na)s] END,
                       CASE WHEN i %% 5 = 0 THEN 'sync' ELSE 'appointment' END,
                       (1 + abs(hashint4(i * 13)) %% 1000000)::text,
                       jsonb_build_object('appointment_id', 1 + abs(hashint4(i * 13)) %% 1000000,
                                          'amount', ((abs(hashint4(i * 17)) %% 30000) / 100.0)::text,
                                          'note', 'bench row ' || i),
                       CASE WHEN i %% 5 = 0 THEN 'SCHEDULER'
                            ELSE 'DESK-' || lpad((1 + abs(hashint4(i * 3)) %% 12)::text, 2, '0')
                       END,
                       '10.0.0.' || (1 + abs(hashint4(i * 3)) %% 12),
                       %(now)s::timestamptz - interval '1095 days'
                           + (i::float8 / %(n)s) * interval '1095 days'
                  FROM generate_series(1, %(n)s) AS i
                """,
                {"hid": hospital_id, "users": users, "nu": len(users), "sys": list(SYSTEM_ACTIONS),
                 "acts": list(ACTIONS), "na": len(ACTIONS), "n": add, "now": now})
        with conn.transaction():  # the seal updates rows the append-only trigger guards
            conn.execute("SET LOCAL session_replication_role = replica")
            conn.execute("SELECT cd_chain_seal_activity()")
        conn.execute("VACUUM (ANALYZE) activity_logs")
        print(f"  added {add:,} activity log rows (chained, analysed) in "
              f"{time.perf_counter() - t:.1f} s", flush=True)


def indexes_0014() -> dict[str, str]:
    """INDEXES of migration 0014, read from the migration file itself."""
    import importlib.util

    path = ROOT / "migrations" / "versions" / "0014_billing_page_indexes.py"
    spec = importlib.util.spec_from_file_location("_m0014", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.INDEXES)


def ensure_indexes(db_url: str) -> None:
    """The indexes of migration 0014 (CREATE INDEX IF NOT EXISTS): the bench database was
    migrated before it; an older checkout of the code simply does not use them."""
    import psycopg

    path = ROOT / "migrations" / "versions" / "0014_billing_page_indexes.py"
    if not path.exists():
        return
    with psycopg.connect(db_url, autocommit=True) as conn:
        for name, ddl in indexes_0014().items():
            t = time.perf_counter()
            conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {ddl}")
            if time.perf_counter() - t > 0.5:
                print(f"  created {name} in {time.perf_counter() - t:.1f} s", flush=True)
        conn.execute("ANALYZE appointments, od_coverages")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="any database URL of the server (default TEST_DATABASE_URL)")
    ap.add_argument("--db", default="cd_bench_full")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--activity", type=int, default=1_000_000,
                    help="activity log rows to have (added once)")
    ap.add_argument("--warm", type=int, default=3, help="untimed calls before each line")
    ap.add_argument("--only", help="comma-separated: recon,elig,activity (default all)")
    args = ap.parse_args()
    admin = (args.url or os.environ.get("TEST_DATABASE_URL")
             or "postgresql://postgres@127.0.0.1:5432/postgres")
    admin = admin.replace("postgresql+psycopg://", "postgresql://")
    from bench.generate import _with_db, bench_info

    db_url = _with_db(admin, args.db)
    info = bench_info(db_url)
    if not info.get("complete"):
        sys.exit(f"{args.db} is not a complete bench database (bench/generate.py)")
    now = dt.datetime.fromisoformat(info["now"])
    ensure_activity(db_url, args.activity, now, int(info["hospital_id"]))
    ensure_indexes(db_url)
    only = set((args.only or "recon,elig,activity").split(","))
    global WARM
    WARM = args.warm
    run(db_url, args.runs, dt.date.fromisoformat(info["today"]), now, only)


def run(db_url: str, runs: int, today: dt.date, now: dt.datetime, only: set[str]) -> None:
    from app.db.models import User
    from app.db.session import make_engine, make_session_factory
    from app.domain.eligibility_review import ReviewStatus
    from app.domain.enums import Role
    from app.domain.reconciliation import ReconStatus
    from app.services.activity_log import ActivityFilters, ActivityLogService
    from app.services.clock import fixed_clock
    from app.services.eligibility_review import EligibilityReviewService
    from app.services.reconciliation import ReconciliationService
    from app.services.refunds import RefundService
    from app.services.unit_of_work import uow_factory
    from bench.signed_in import signed_in_actor

    engine = make_engine(db_url.replace("postgresql://", "postgresql+psycopg://"), pool_size=2)
    factory = make_session_factory(engine)
    uow = uow_factory(factory)
    clock = fixed_clock(now)
    with factory() as s:
        def user(role: Role) -> Any:
            u = s.scalars(sa.select(User).where(User.role == role).order_by(User.id)).first()
            assert u is not None, f"the bench database has no {role.value}"
            return u
        accountant, admin = user(Role.ACCOUNTANT), user(Role.HOSPITAL_ADMIN)
        desk = user(Role.RECEPTIONIST)
        counts = {t: s.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in (
            "appointments", "copay_payments", "claims", "activity_logs")}
    acc = signed_in_actor(engine, accountant.id, "bench-billing")
    adm = signed_in_actor(engine, admin.id, "bench-billing")
    rec = signed_in_actor(engine, desk.id, "bench-billing")
    print(f"\n{counts['appointments']:,} appointments, {counts['copay_payments']:,} copay "
          f"payments, {counts['claims']:,} claims, {counts['activity_logs']:,} activity rows; "
          f"today {today}; PostgreSQL {engine.dialect.server_version_info}")

    def empty_call() -> None:
        with uow(acc, read_only=True) as u:
            u.session.execute(sa.text("SELECT 1"))

    base, _ = _time(empty_call, runs * 2)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; an empty read-only "
          f"service call: p50 {_pct(base, .5) * 1000:.1f} ms, p95 {_pct(base, .95) * 1000:.1f} ms")
    print(f"{runs} runs per line (after {WARM} warm-up calls); whole service call\n")
    header = f"   {'list / filter':<52} {'rows':>5} {'p50':>8} {'p95':>8}"

    def line(label: str, fn: Callable[[], Any], rows: Callable[[Any], str]) -> None:
        times, out = _time(fn, runs)
        p50, p95 = _pct(times, .5) * 1000, _pct(times, .95) * 1000
        print(f"   {label[:52]:<52} {rows(out):>5} {p50:>6.1f}ms {p95:>6.1f}ms", flush=True)

    if "recon" in only:
        svc = ReconciliationService(uow, RefundService(uow, clock), clock)
        d90 = today - dt.timedelta(days=90)
        payers = svc.payers(acc)
        print("1. Reconciliation (ReconciliationService.list: page of 50 + status counts)")
        print(header)
        n = lambda p: str(len(p.rows))  # noqa: E731
        line("open: last 90 days", lambda: svc.list(acc, date_from=d90, date_to=today), n)
        for st in ReconStatus:
            line(f"90 days, {st.value}", lambda st=st: svc.list(
                acc, status=st, date_from=d90, date_to=today), n)
        if payers:
            line(f"90 days, payer {payers[0]}", lambda: svc.list(
                acc, payer=payers[0], date_from=d90, date_to=today), n)
        line("a year (365 days)", lambda: svc.list(
            acc, date_from=today - dt.timedelta(days=365), date_to=today), n)
        line("a year, OVERPAID", lambda: svc.list(
            acc, status=ReconStatus.OVERPAID, date_from=today - dt.timedelta(days=365),
            date_to=today), n)
        line("no dates (everything)", lambda: svc.list(acc), n)
        page = svc.list(acc, date_from=d90, date_to=today)
        if page.next_cursor:
            line("90 days, page 2", lambda: svc.list(
                acc, date_from=d90, date_to=today, after=page.next_cursor), n)
        if page.rows:
            r0 = page.rows[0]
            line("visit (one row, detail)", lambda: svc.visit(acc, r0.appointment_id),
                 lambda _o: "1")
            line("balance_due (copay dialog line)", lambda: svc.balance_due(
                rec, r0.patient_id), lambda b: str(len(b.rows)))
        line("payers (filter choices)", lambda: svc.payers(acc), lambda p: str(len(p)))
        print()

    if "elig" in only:
        svc2 = EligibilityReviewService(uow, clock)
        d0, d1 = today - dt.timedelta(days=7), today + dt.timedelta(days=7)
        print("2. Eligibility review (EligibilityReviewService.list: page of 50)")
        print(header)
        n = lambda p: str(len(p.rows))  # noqa: E731
        line("open: today -7 .. +7", lambda: svc2.list(acc, date_from=d0, date_to=d1), n)
        for st in ReviewStatus:
            line(f"15 days, {st.value}", lambda st=st: svc2.list(
                acc, date_from=d0, date_to=d1, status=st), n)
        y0 = today - dt.timedelta(days=365)
        line("a year", lambda: svc2.list(acc, date_from=y0, date_to=today), n)
        for st in ReviewStatus:
            line(f"a year, {st.value}", lambda st=st: svc2.list(
                acc, date_from=y0, date_to=today, status=st), n)
        after = None
        for _ in range(100):
            after = svc2.list(acc, date_from=y0, date_to=today, after=after).next_cursor
        line("a year, page 101 (keyset)", lambda: svc2.list(
            acc, date_from=y0, date_to=today, after=after), n)
        print()

    if "activity" in only:
        svc3 = ActivityLogService(uow, clock)
        d7 = today - dt.timedelta(days=7)
        print("3. Activity log (ActivityLogService.page: page of 50)")
        print(header)
        n = lambda p: str(len(p.rows))  # noqa: E731
        line("open: last 7 days", lambda: svc3.page(
            adm, ActivityFilters(date_from=d7, date_to=today)), n)
        line("no filter", lambda: svc3.page(adm), n)
        line("7 days, action CHECK_IN", lambda: svc3.page(
            adm, ActivityFilters(action="CHECK_IN", date_from=d7, date_to=today)), n)
        line("action LOGIN_FAILED, all time", lambda: svc3.page(
            adm, ActivityFilters(action="LOGIN_FAILED")), n)
        line("7 days, one user", lambda: svc3.page(
            adm, ActivityFilters(user_id=desk.id, date_from=d7, date_to=today)), n)
        line("one user, all time", lambda: svc3.page(adm, ActivityFilters(user_id=desk.id)), n)
        line("7 days, background thread only", lambda: svc3.page(
            adm, ActivityFilters(system_only=True, date_from=d7, date_to=today)), n)
        line("7 days, text 'DESK-07'", lambda: svc3.page(
            adm, ActivityFilters(text="DESK-07", date_from=d7, date_to=today)), n)
        line("7 days, text 'row 99' (rare)", lambda: svc3.page(
            adm, ActivityFilters(text="row 99", date_from=d7, date_to=today)), n)
        line("text 'DESK-07', all time", lambda: svc3.page(
            adm, ActivityFilters(text="DESK-07")), n)
        line("actions (filter choices, 90 days)", lambda: svc3.actions(adm),
             lambda a: str(len(a)))
        print()
    engine.dispose()


if __name__ == "__main__":
    main()
