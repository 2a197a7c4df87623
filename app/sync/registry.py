"""Every background job, registered explicitly (no import guessing: a job that cannot be
built is an error at start, not a silently missing job), and :class:`SyncEngine`, which runs
them for every hospital and OpenDental connection.

Jobs (DESIGN.md "Integrations", seed 000 "Background polling"):

| job                     | cadence            | scope                       |
|-------------------------|--------------------|-----------------------------|
| heartbeat               | daily 00:05 UTC    | hospital                    |
| eligibility (DHA)       | every 30 min       | hospital                    |
| appointments_upcoming   | every 15 min       | OpenDental connection       |
| appointments_today      | every 5 min        | OpenDental connection       |
| appointments_completed  | every 10 min       | OpenDental connection       |
| od_eligibility          | every 30 min       | OpenDental connection       |
| claim_status            | hourly             | OpenDental connection       |
| payment_posting         | hourly at :15      | OpenDental connection       |

A connection's ``cadence`` ({job: minutes}) overrides the interval of its jobs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from app.db.models import Hospital
from app.domain.messages import messages
from app.services.clock import Clock, system_clock
from app.services.unit_of_work import UowFactory
from app.sync.heartbeat import heartbeat_job
from app.sync.jobs import Job, JobRunResult, run_job
from app.sync.opendental.appointments import appointment_jobs
from app.sync.opendental.claims import claim_jobs
from app.sync.opendental.connections import ConnectionInfo, active_connections
from app.sync.opendental.eligibility import eligibility_job as od_eligibility_job

M = messages(__name__)


def build_jobs(dha_eligibility: Any = None) -> list[Job]:
    """The jobs in run order; ``dha_eligibility`` (an EligibilityService) adds the DHA refresh."""
    from app.sync.eligibility_job import eligibility_job

    jobs = [heartbeat_job()]
    if dha_eligibility is not None:
        jobs.append(eligibility_job(dha_eligibility))
    jobs += appointment_jobs()
    jobs.append(od_eligibility_job())
    jobs += claim_jobs()
    names = [j.name for j in jobs]
    assert len(names) == len(set(names)), f"duplicate job names: {names}"
    return jobs


class SyncEngine:
    """Runs registered jobs: once (CLI, "Sync now"), or on the APScheduler thread."""

    def __init__(self, engine: sa.Engine, uow: UowFactory, jobs: list[Job], *,
                 client_factory: Callable[[ConnectionInfo], Any] | None = None,
                 clock: Clock = system_clock, workstation: str | None = None) -> None:
        self.engine = engine
        self.uow = uow
        self.jobs = {j.name: j for j in jobs}
        self.client_factory = client_factory
        self.clock = clock
        self.workstation = workstation
        self._closers: list[Callable[[], None]] = []

    def job(self, name: str) -> Job:
        try:
            return self.jobs[name]
        except KeyError:
            from app.domain.errors import NotFound

            raise NotFound(M("there_sync_job_name", "There is no sync job '{name}'; jobs: "
                             "{jobs}.", name=name, jobs=', '.join(self.jobs))) from None

    def hospital_ids(self) -> list[int]:
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(Hospital.id).order_by(Hospital.id)).scalars())

    def units(self, job: Job, hospital_id: int,
              connection_id: int | None = None) -> list[ConnectionInfo | None]:
        """What one run of ``job`` for a hospital covers: the hospital, or its connections."""
        if not job.per_connection:
            return [None]
        conns = active_connections(self.uow, hospital_id)
        return [c for c in conns if connection_id is None or c.id == connection_id]

    def run(self, name: str, hospital_id: int, connection_id: int | None = None, *,
            only_if_due: bool = False) -> list[JobRunResult]:
        job = self.job(name)
        return [run_job(job, engine=self.engine, uow=self.uow, hospital_id=hospital_id,
                        connection=conn, client_factory=self.client_factory, clock=self.clock,
                        workstation=self.workstation, only_if_due=only_if_due)
                for conn in self.units(job, hospital_id, connection_id)]

    def run_all(self, names: list[str] | None = None,
                hospital_ids: list[int] | None = None) -> list[JobRunResult]:
        results: list[JobRunResult] = []
        for name in names or list(self.jobs):
            for hid in hospital_ids or self.hospital_ids():
                results += self.run(name, hid)
        return results

    def start(self, *, first_delay_seconds: int = 20, workers: int = 3) -> Any:
        """The background thread: each job is looked at every minute and run for every
        hospital/connection whose recorded next run is due (sync_states.next_run_at)."""
        import datetime as dt

        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.schedulers.background import BackgroundScheduler

        scheduler = BackgroundScheduler(
            daemon=True, executors={"default": ThreadPoolExecutor(workers)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300})
        first = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=first_delay_seconds)
        for name in self.jobs:
            scheduler.add_job(self._tick, "interval", minutes=1, args=[name], id=name,
                              name=name, next_run_time=first)
        scheduler.start()
        return scheduler

    def _tick(self, name: str) -> None:
        for hid in self.hospital_ids():
            self.run(name, hid, only_if_due=True)

    def on_close(self, closer: Callable[[], None]) -> None:
        self._closers.append(closer)

    def close(self) -> None:
        for closer in self._closers:
            closer()
        self._closers.clear()
