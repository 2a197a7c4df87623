"""The background thread of the desktop app and ``python -m app sync --once [JOB]``.

Both build one :class:`~app.sync.registry.SyncEngine` from the database and settings
(:func:`make_sync_engine`): the registered jobs (app/sync/registry.py), the DHA eligibility
service, and the OpenDental client factory (keys from this workstation's keyring; SANDBOX
connections start the loopback sandbox in-process). Every run goes through
app/sync/jobs.py ``run_job``: advisory lock, watermark, sync_states.
"""

from __future__ import annotations

import logging
from typing import Any

from app.config import Settings
from app.services.clock import Clock, system_clock
from app.sync.registry import SyncEngine, build_jobs

log = logging.getLogger(__name__)


def make_sync_engine(db: Any, settings: Settings, clock: Clock = system_clock, *,
                     client_factory: Any = None, dha_eligibility: Any = None) -> SyncEngine:
    """The jobs wired to ``db``; the caller closes the engine (stops a sandbox, DHA MOCK)."""
    from app.bootstrap import make_dha_provider
    from app.services.eligibility import EligibilityService
    from app.sync.opendental.connections import ClientFactory

    closers = []
    if dha_eligibility is None:
        from app.db.timeouts import JOB

        provider = make_dha_provider(db.uow)
        # The job's own limits: a longer lock wait than a desk's (nobody is waiting at a screen).
        dha_eligibility = EligibilityService(db.uow.with_timeouts(JOB), provider, clock)
        closers.append(provider.close)
    if client_factory is None:
        client_factory = ClientFactory()
        closers.append(client_factory.close)
    engine = SyncEngine(db.engine, db.uow, build_jobs(dha_eligibility),
                        client_factory=client_factory, clock=clock,
                        workstation=getattr(settings, "workstation", None))
    for closer in closers:
        engine.on_close(closer)
    return engine


class RunningScheduler:
    """What the app holds while the background thread runs; ``shutdown()`` at exit."""

    def __init__(self, engine: SyncEngine, scheduler: Any) -> None:
        self.engine = engine
        self.scheduler = scheduler

    def shutdown(self, wait: bool = False) -> None:
        self.scheduler.shutdown(wait=wait)
        self.engine.close()


def start_scheduler(db: Any, settings: Settings, clock: Clock = system_clock, *,
                    engine: SyncEngine | None = None) -> RunningScheduler:
    """Start the background thread; the caller shuts it down at exit."""
    engine = engine or make_sync_engine(db, settings, clock)
    return RunningScheduler(engine, engine.start())


def run_once(settings: Settings, job: str | None = None) -> int:
    """`python -m app sync --once [JOB]`: the job (or every job) once for every hospital and
    connection, each result printed; exit status 1 if any failed."""
    from app import bootstrap

    db = bootstrap.open_database(settings)
    engine = make_sync_engine(db, settings)
    ok = True
    try:
        if job is not None:
            engine.job(job)  # an unknown name is a clear error before anything runs
        for result in engine.run_all([job] if job else None):
            print(result.summary())
            ok = ok and (result.ok or not result.ran)
    finally:
        engine.close()
        db.dispose()
    return 0 if ok else 1
