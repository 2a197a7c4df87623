"""Insurance audit log at clinic scale: filtered pages, deep pages, the CSV export.

    python bench/bench_audit.py [--url postgresql://postgres@127.0.0.1:5432/postgres]
                                [--scale full|small] [--runs 200]

Uses the clinic-scale database of bench/generate.py (``ensure_bench_db``: 2,000,000 audit rows
at ``full`` scale, generated once and reused). Without bench/generate.py it builds a throw-away
database of its own with the same number of audit rows (``INSERT ... SELECT generate_series``)
and drops it at the end. Prints, with the goals:

1. one page (50 rows) through ``AuditService.page`` (new session, role check, hospital time
   zone, the page query with patient and performer names): no filter, one action, three
   actions, a date range, a patient, a performer, and actions + dates; p50/p95
   (goal <= 20 ms), plus the index each plan uses;
2. page 1,000 (rows 49,951-50,000): keyset (the cursor of page 999) against the same page
   with ``OFFSET 49950``, in the same run; the ratio;
3. ``export_csv`` of 10,000 rows to a file (goal <= 1 s).

A patient filter by *name prefix* first finds the patients: the ``text_pattern_ops`` indexes on
``lower(first_name || ' ' || last_name)``, ``lower(last_name)`` and ``lower(mrn)`` (Patient's
``ix_patients_*_prefix``) make that a BitmapOr of index range scans; ``ix_patients_name`` uses
the database collation, which a ``LIKE 'x%'`` cannot use. A bench database generated before
those indexes needs them created by hand (``CREATE INDEX CONCURRENTLY``) to measure this.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

PAGE = 50
DEEP_PAGE = 1_000


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def _time(fn: Callable[[], Any], runs: int, warm: int = 3) -> list[float]:
    for _ in range(warm):
        fn()
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def _admin_url(given: str | None) -> str:
    url = given or os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if not url:
        sys.exit("give --url (a PostgreSQL server where this user may create databases)")
    return url.replace("postgresql+psycopg://", "postgresql://")


def _with_db(admin: str, name: str) -> str:
    base, _, query = admin.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


# ------------------------------------------------------------------------------ the data
def bench_database(admin: str, scale: str, rows: int) -> tuple[str, bool]:
    """(url, throw_away): bench/generate.py's database, else one built here."""
    try:
        from bench.generate import ensure_bench_db
    except ImportError:
        return _own_database(admin, rows), True
    print(f"using bench/generate.py scale {scale!r} (generated once, then reused)…", flush=True)
    return ensure_bench_db(admin, scale), False


def _own_database(admin: str, rows: int) -> str:
    import psycopg

    from app.db.migrate import upgrade

    name = "cd_bench_audit_tmp"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = _with_db(admin, name)
    upgrade(url)
    from app import demo
    from app.db.session import make_engine, make_session_factory

    engine = make_engine(url, pool_size=1)
    demo.create_demo(make_session_factory(engine))
    engine.dispose()
    print(f"generating {rows:,} audit rows in {name}…", flush=True)
    with psycopg.connect(url, autocommit=True) as conn:
        hid = conn.execute("SELECT id FROM hospitals ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("SET session_replication_role = replica")  # no NOTIFY per row
        conn.execute(
            """
            INSERT INTO insurance_verification_audits
                (hospital_id, patient_id, action, new_data, reason, performed_by, performed_at,
                 workstation)
            SELECT %(h)s, p.ids[1 + g %% array_length(p.ids, 1)],
                   (ARRAY['COPAY_COLLECTED','COPAY_COLLECTED','COPAY_COLLECTED','DHA_VERIFIED',
                          'DHA_VERIFIED','COPAY_WAIVED','COPAY_DEFERRED','EID_VERIFIED',
                          'PREAUTH_OVERRIDE','REFUND_REQUESTED'])[1 + g %% 10],
                   jsonb_build_object('amount', ((g %% 300) + 20)::text || '.00',
                                      'payment_method', 'CASH', 'insurance_provider', 'Daman'),
                   CASE WHEN g %% 10 IN (5, 8) THEN 'reason ' || g END,
                   u.ids[1 + g %% array_length(u.ids, 1)],
                   now() - g * interval '45 seconds', 'desk-' || (g %% 5)
            FROM generate_series(1, %(n)s) g,
                 (SELECT array_agg(id) ids FROM patients) p,
                 (SELECT array_agg(id) ids FROM users) u
            """, {"h": hid, "n": rows})
        conn.execute("VACUUM ANALYZE insurance_verification_audits")
    return url


# ---------------------------------------------------------------------------- measurements
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url")
    ap.add_argument("--scale", default="full", choices=("full", "small"))
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--rows", type=int, default=2_000_000,
                    help="audit rows when building a database here (no bench/generate.py)")
    args = ap.parse_args()
    admin = _admin_url(args.url)
    db_url, throw_away = bench_database(admin, args.scale, args.rows)
    try:
        run(db_url, args.runs)
    finally:
        if throw_away:
            import psycopg

            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute('DROP DATABASE IF EXISTS "cd_bench_audit_tmp" WITH (FORCE)')


def run(db_url: str, runs: int) -> None:
    from app.db.models import InsuranceAudit, Patient, User
    from app.db.session import make_engine, make_session_factory
    from app.domain.enums import AuditAction, Role
    from app.services.audit import AuditCursor, AuditFilters, AuditService
    from app.services.clock import system_clock
    from app.services.unit_of_work import uow_factory
    from bench.signed_in import signed_in_actor

    engine = make_engine(db_url, pool_size=2)
    factory = make_session_factory(engine)
    svc = AuditService(uow_factory(factory), system_clock)
    with factory() as s:
        total = s.scalar(sa.select(sa.func.count()).select_from(InsuranceAudit))
        user = s.scalars(sa.select(User).where(User.role == Role.ACCOUNTANT)
                         .order_by(User.id)).first()
        assert user is not None, "the bench database has no accountant"
        actor = signed_in_actor(engine, user.id, "bench")
        newest = s.scalar(sa.select(sa.func.max(InsuranceAudit.performed_at))
                          .where(InsuranceAudit.hospital_id == actor.hospital_id))
        busy = s.execute(
            sa.select(InsuranceAudit.patient_id, InsuranceAudit.performed_by)
            .where(InsuranceAudit.hospital_id == actor.hospital_id,
                   InsuranceAudit.patient_id.is_not(None))
            .order_by(InsuranceAudit.performed_at.desc()).limit(1)).one()
        mrn, first, last = s.execute(sa.select(Patient.mrn, Patient.first_name,
                                               Patient.last_name)
                                     .where(Patient.id == busy.patient_id)).one()
        same_name = s.scalar(sa.select(sa.func.count()).select_from(Patient).where(
            Patient.hospital_id == actor.hospital_id,
            sa.func.lower(Patient.first_name + " " + Patient.last_name).like(
                f"{first} {last[:3]}%".lower())))
    last_day = newest.astimezone(dt.timezone(dt.timedelta(hours=4))).date()
    a = AuditAction
    print(f"\n{total:,} audit rows; hospital {actor.hospital_id}; newest entry {newest:%Y-%m-%d}; "
          f"PostgreSQL {engine.dialect.server_version_info}")

    variants: list[tuple[str, AuditFilters]] = [
        ("no filter", AuditFilters()),
        ("one action (Copay Waived)", AuditFilters(actions=frozenset({a.COPAY_WAIVED}))),
        ("three actions", AuditFilters(actions=frozenset({a.COPAY_WAIVED, a.COPAY_DEFERRED,
                                                          a.PREAUTH_OVERRIDE}))),
        ("last 30 days", AuditFilters(date_from=last_day - dt.timedelta(days=29),
                                      date_to=last_day)),
        ("a date range a year back", AuditFilters(date_from=last_day - dt.timedelta(days=400),
                                                  date_to=last_day - dt.timedelta(days=370))),
        (f"patient by MRN ({mrn})", AuditFilters(patient=mrn)),
        (f"name prefix '{first} {last[:3]}' ({same_name} pts)",
         AuditFilters(patient=f"{first} {last[:3]}")),
        ("performed by one user", AuditFilters(performed_by=busy.performed_by)),
        ("3 actions + last 90 days", AuditFilters(
            actions=frozenset({a.COPAY_WAIVED, a.COPAY_DEFERRED, a.REFUND_REQUESTED}),
            date_from=last_day - dt.timedelta(days=89))),
    ]
    print(f"\n1. one page ({PAGE} rows) through AuditService.page, {runs} runs each "
          "(goal <= 20 ms p95)")
    worst = 0.0
    for label, filters in variants:
        times = _time(lambda f=filters: svc.page(actor, f, limit=PAGE), runs)
        plan = svc.explain(actor, filters)
        used = sorted({w for w in plan.replace("(", " ").split() if w.startswith("ix_")
                       or w.startswith("pk_")})
        seq = " SEQ SCAN!" if "Seq Scan on insurance_verification_audits" in plan else ""
        p95 = _pct(times, 0.95)
        worst = max(worst, p95)
        print(f"   {label:<38} p50 {_ms(statistics.median(times)):>9}  p95 {_ms(p95):>9}  "
              f"[{', '.join(used)}]{seq}")
    print(f"   worst p95 {_ms(worst)} -> {'OK' if worst <= 0.020 else 'OVER GOAL'}")

    print(f"\n2. page {DEEP_PAGE:,} (rows {(DEEP_PAGE - 1) * PAGE + 1:,}-{DEEP_PAGE * PAGE:,}): "
          "keyset vs OFFSET, same run")
    offset = (DEEP_PAGE - 1) * PAGE
    offset_sql = sa.text(
        "SELECT a.id, a.performed_at, a.action, a.patient_id, p.first_name, p.last_name, "
        "p.mrn, a.appointment_id, a.performed_by, u.full_name, a.reason, "
        "a.new_data->>'amount', a.new_data->>'payment_method', "
        "a.new_data->>'insurance_provider', a.ip_address, a.workstation "
        "FROM insurance_verification_audits a "
        "LEFT JOIN patients p ON p.id = a.patient_id LEFT JOIN users u ON u.id = a.performed_by "
        "WHERE a.hospital_id = :h {extra} ORDER BY a.performed_at DESC, a.id DESC "
        "OFFSET :o LIMIT :l")
    for label, filters, extra in (
            ("no filter", AuditFilters(), ""),
            ("one action", AuditFilters(actions=frozenset({a.COPAY_COLLECTED})),
             "AND a.action = 'COPAY_COLLECTED'")):
        with factory() as s:
            anchor = s.execute(sa.text(
                "SELECT performed_at, id FROM insurance_verification_audits a WHERE "
                f"hospital_id = :h {extra} ORDER BY performed_at DESC, id DESC OFFSET :o "
                "LIMIT 1"), {"h": actor.hospital_id, "o": offset - 1}).one()
        cursor = AuditCursor(anchor.performed_at, anchor.id)
        keyset_rows = [r.id for r in svc.page(actor, filters, after=cursor, limit=PAGE).rows]
        stmt = sa.text(offset_sql.text.format(extra=extra))

        def by_offset(stmt: Any = stmt) -> list[int]:
            with factory() as s:
                return [r[0] for r in s.execute(stmt, {"h": actor.hospital_id, "o": offset,
                                                       "l": PAGE})]

        assert by_offset() == keyset_rows, "keyset and OFFSET disagree on page 1,000"
        deep_runs = max(10, runs // 10)
        k = _time(lambda c=cursor, f=filters: svc.page(actor, f, after=c, limit=PAGE),
                  deep_runs)
        o = _time(by_offset, deep_runs)
        print(f"   {label:<12} keyset p50 {_ms(statistics.median(k)):>9}  "
              f"OFFSET p50 {_ms(statistics.median(o)):>9}  "
              f"ratio {statistics.median(o) / statistics.median(k):.0f}x (same 50 rows)")

    print("\n3. CSV export of 10,000 rows (goal <= 1 s)")
    from app.services.tasks import RecordingState

    with tempfile.TemporaryDirectory(prefix="cd-bench-audit-") as tmp:
        times, size, result = [], 0, None
        for i in range(5):
            state = RecordingState()
            target = Path(tmp) / f"audit-{i}.csv"
            t = time.perf_counter()
            result = svc.export_csv(actor, AuditFilters(), target, state)
            times.append(time.perf_counter() - t)
            size = target.stat().st_size
        assert result is not None and result.rows == 10_000
        print(f"   {result.rows:,} rows, {size / 1e6:.1f} MB, truncated={result.truncated}: "
              f"p50 {_ms(statistics.median(times))}, max {_ms(max(times))} "
              f"({len(state.values)} progress reports) -> "
              f"{'OK' if statistics.median(times) <= 1.0 else 'OVER GOAL'}")
    engine.dispose()


if __name__ == "__main__":
    main()
