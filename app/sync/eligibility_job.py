"""The eligibility refresh job (every 30 min, DESIGN.md "Integrations"): re-verify today's and
tomorrow's insured appointments with DHA so the desk finds them checked.

``run_eligibility_refresh`` is a plain function: it takes the PostgreSQL advisory lock
``eligibility:<hospital id>`` on a dedicated connection (skipping the run if another
workstation holds it), calls :meth:`EligibilityService.refresh_appointments` for each day, and
records the run in ``sync_states`` (job_name ``eligibility``). No transaction is held while DHA
is asked: the service reads, asks, then writes in short transactions of its own.

``make_eligibility_job`` adapts it to app/sync/scheduler.py, which already takes the same lock
and records sync_states around each job.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.db.locks import try_advisory_lock
from app.db.models import Hospital, SyncState
from app.services.clock import Clock, local_today, system_clock
from app.services.context import Actor
from app.services.eligibility import EligibilityService, RefreshReport
from app.services.unit_of_work import UowFactory

log = logging.getLogger(__name__)

JOB_NAME = "eligibility"


def lock_name(hospital_id: int) -> str:
    """Same key as app/sync/scheduler.py's ``f"{job_name}:{hospital_id}"``."""
    return f"{JOB_NAME}:{hospital_id}"


@dataclass(frozen=True)
class EligibilityJobOutcome:
    ran: bool  # False: another workstation holds the lock; nothing was done
    reports: tuple[RefreshReport, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.ran and self.error is None


def refresh_days(service: EligibilityService, hospital_id: int, days: Iterable[dt.date],
                 workstation: str | None = None) -> tuple[RefreshReport, ...]:
    actor = Actor.system(hospital_id, workstation)
    return tuple(service.refresh_appointments(actor, day) for day in days)


def _engine_of(uow_factory: UowFactory) -> sa.Engine:
    with uow_factory() as uow:
        bind = uow.session.get_bind()
    return bind.engine if isinstance(bind, sa.Connection) else bind


def record_sync_state(uow_factory: UowFactory, hospital_id: int, *, now: dt.datetime,
                      error: str | None, watermark: str | None) -> None:
    values: dict[str, Any] = {"job_name": JOB_NAME, "hospital_id": hospital_id,
                              "last_run_at": now, "last_error": error, "run_count": 1,
                              "watermark": watermark}
    update: dict[str, Any] = {"last_run_at": now, "last_error": error,
                              "run_count": SyncState.run_count + 1, "watermark": watermark}
    if error is None:
        values["last_success_at"] = update["last_success_at"] = now
    with uow_factory() as uow:
        uow.session.execute(insert(SyncState).values(**values).on_conflict_do_update(
            index_elements=[SyncState.job_name, SyncState.hospital_id], set_=update))
        uow.commit()


def _errors(reports: Iterable[RefreshReport]) -> str | None:
    problems = [e for r in reports for e in r.errors]
    if not problems:
        return None
    return f"{len(problems)} patient(s) could not be refreshed; first: {problems[0]}"[:2000]


def run_eligibility_refresh(uow_factory: UowFactory, service: EligibilityService,
                            hospital_id: int, today: dt.date, tomorrow: dt.date, *,
                            engine: sa.Engine | None = None, clock: Clock = system_clock,
                            workstation: str | None = None) -> EligibilityJobOutcome:
    """Refresh ``today`` and ``tomorrow`` under the job's advisory lock; record sync_states."""
    engine = engine or _engine_of(uow_factory)
    with try_advisory_lock(engine, lock_name(hospital_id)) as got:
        if not got:
            log.info("eligibility refresh for hospital %s: running elsewhere; skipped",
                     hospital_id)
            return EligibilityJobOutcome(ran=False)
        reports: tuple[RefreshReport, ...] = ()
        try:
            reports = refresh_days(service, hospital_id, (today, tomorrow), workstation)
            error = _errors(reports)
        except Exception as exc:  # recorded; the next run retries
            log.exception("eligibility refresh failed for hospital %s", hospital_id)
            error = f"{type(exc).__name__}: {exc}"[:2000]
        record_sync_state(uow_factory, hospital_id, now=clock(), error=error,
                          watermark=tomorrow.isoformat())
        return EligibilityJobOutcome(ran=True, reports=reports, error=error)


def make_eligibility_job(db: Any, settings: Any, clock: Clock = system_clock
                         ) -> Callable[[int], None]:
    """For app/sync/scheduler.py: ``job(hospital_id)``, run there under the same advisory lock
    with sync_states recorded; raises when some patient could not be refreshed."""
    from app.db.timeouts import JOB
    from app.services.eligibility import DhaGatewayProvider

    provider = DhaGatewayProvider(db.uow)
    # The job's own limits: a longer lock wait than a desk's (nobody is waiting at a screen).
    service = EligibilityService(db.uow.with_timeouts(JOB), provider, clock)

    def job(hospital_id: int) -> None:
        with db.uow() as uow:
            tz = uow.session.scalar(sa.select(Hospital.timezone)
                                    .where(Hospital.id == hospital_id)) or "Asia/Dubai"
        today = local_today(clock, tz)
        reports = refresh_days(service, hospital_id, (today, today + dt.timedelta(days=1)),
                               getattr(settings, "workstation", None))
        error = _errors(reports)
        if error:
            raise RuntimeError(error)

    job.close = provider.close  # type: ignore[attr-defined]  # stops a MOCK sandbox at exit
    return job
