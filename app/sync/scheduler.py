"""The background thread: APScheduler runs the jobs; each job takes a PostgreSQL advisory lock
so one workstation runs it at a time, and records its state in sync_states.

Jobs (DESIGN.md "Integrations"): eligibility refresh every 30 min, heartbeat daily. The
OpenDental pollers (appointments, claims, payments) are not built yet.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import sqlalchemy as sa
from apscheduler.schedulers.background import BackgroundScheduler

from app.config import Settings
from app.db.locks import try_advisory_lock
from app.db.models import Hospital, SyncState
from app.services.clock import Clock, system_clock

log = logging.getLogger(__name__)


def run_locked(engine: sa.Engine, uow, hospital_id: int, job_name: str,
               work: Callable[[], None], clock: Clock = system_clock) -> bool:
    """Run ``work`` under the job's advisory lock; record success or error. False if skipped."""
    with try_advisory_lock(engine, f"{job_name}:{hospital_id}") as got:
        if not got:
            log.info("%s: another workstation is running it; skipped", job_name)
            return False
        error: str | None = None
        try:
            work()
        except Exception as exc:  # recorded and retried at the next run
            log.exception("%s failed", job_name)
            error = f"{type(exc).__name__}: {exc}"
        _record(uow, hospital_id, job_name, error, clock)
        return error is None


def _record(uow, hospital_id: int, job_name: str, error: str | None, clock: Clock) -> None:
    from sqlalchemy.dialects.postgresql import insert

    now = clock()
    values = {"job_name": job_name, "hospital_id": hospital_id, "last_run_at": now,
              "last_error": error, "run_count": 1}
    if error is None:
        values["last_success_at"] = now
    stmt = insert(SyncState).values(**values)
    update = {"last_run_at": now, "last_error": error,
              "run_count": SyncState.run_count + 1}
    if error is None:
        update["last_success_at"] = now
    with uow() as u:
        u.session.execute(stmt.on_conflict_do_update(
            index_elements=[SyncState.job_name, SyncState.hospital_id], set_=update))
        u.commit()


def _jobs(db, settings: Settings, clock: Clock) -> list[tuple[str, dict, Callable[[int], None]]]:
    from app.sync.heartbeat import write_heartbeat

    jobs: list[tuple[str, dict, Callable[[int], None]]] = [
        ("heartbeat", {"trigger": "cron", "hour": 0, "minute": 5},
         lambda hid: write_heartbeat(db.uow, hid, settings.workstation, clock)),
    ]
    try:
        from app.sync.eligibility_job import make_eligibility_job
    except ImportError:
        pass
    else:
        jobs.append(("eligibility", {"trigger": "interval", "minutes": 30},
                     make_eligibility_job(db, settings, clock)))
    return jobs


def _hospital_ids(db) -> list[int]:
    with db.engine.connect() as conn:
        return list(conn.execute(sa.select(Hospital.id)).scalars())


def start_scheduler(db, settings: Settings, clock: Clock = system_clock) -> BackgroundScheduler:
    """Start the background thread; the caller shuts it down at exit."""
    scheduler = BackgroundScheduler(daemon=True, job_defaults={"coalesce": True,
                                                               "max_instances": 1})
    for name, trigger, fn in _jobs(db, settings, clock):
        def tick(name=name, fn=fn) -> None:
            for hid in _hospital_ids(db):
                run_locked(db.engine, db.uow, hid, name, lambda hid=hid: fn(hid), clock)

        scheduler.add_job(tick, id=name, name=name,
                          next_run_time=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=20),
                          **trigger)
    scheduler.start()
    return scheduler


def run_once(settings: Settings) -> int:
    """`python -m app sync --once`: every job once for every hospital, then exit."""
    from app import bootstrap

    db = bootstrap.open_database(settings)
    ok = True
    for name, _trigger, fn in _jobs(db, settings, system_clock):
        for hid in _hospital_ids(db):
            ran = run_locked(db.engine, db.uow, hid, name, lambda hid=hid, fn=fn: fn(hid))
            print(f"{name} (hospital {hid}): {'ok' if ran else 'failed or skipped'}")
            ok = ok and ran
    db.dispose()
    return 0 if ok else 1
