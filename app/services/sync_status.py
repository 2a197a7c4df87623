"""What the background sync is doing, per job and OpenDental connection (contract item 6), and
"Sync now" for administrators.

:meth:`SyncStatusService.status` reads ``sync_states`` and whether each job's advisory lock is
held right now (by any workstation: ``pg_locks``). :meth:`SyncStatusService.run_now` runs a job
through the same framework as the scheduler (app/sync/jobs.py: lock, watermark, state), for
every active connection of the caller's hospital; the UI calls it off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from app.db.models import SyncState
from app.domain.roles import Permission
from app.services.changes import Changes
from app.services.context import Actor
from app.services.unit_of_work import UowFactory
from app.sync.jobs import JobRunResult as JobRun
from app.sync.jobs import lock_name, state_key
from app.sync.opendental.connections import read_active_connections
from app.sync.registry import SyncEngine


@dataclass(frozen=True)
class JobStatus:
    job_name: str
    label: str
    connection_id: int | None
    last_run_at: dt.datetime | None
    last_success_at: dt.datetime | None
    rows_read: int
    rows_written: int
    watermark: str | None
    last_error: str | None
    next_run_at: dt.datetime | None
    running: bool
    connection_name: str | None = None
    cadence: str = ""
    simulated: bool = False


@dataclass(frozen=True)
class JobRunResult:
    """What "Sync now" did: one run per connection (or one for a hospital job)."""

    job_name: str
    runs: tuple[JobRun, ...]
    changes: Changes

    @property
    def ok(self) -> bool:
        return all(r.ok or not r.ran for r in self.runs)

    @property
    def message(self) -> str:
        if not self.runs:
            return f"{self.job_name}: nothing to run (no active OpenDental connection)."
        return "\n".join(r.summary() for r in self.runs)

# pg_locks splits the 64-bit advisory key into classid (high) and objid (low 32 bits).
_HELD = sa.text("""
SELECT k.name FROM unnest(CAST(:names AS text[])) AS k(name)
 WHERE EXISTS (SELECT 1 FROM pg_locks l
                WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
                  AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtext(k.name)::bigint)
""")


class SyncStatusService:
    def __init__(self, uow: UowFactory, engine: Callable[[], SyncEngine]) -> None:
        self._uow = uow
        self._engine_factory = engine
        self._engine: SyncEngine | None = None

    @property
    def engine(self) -> SyncEngine:
        if self._engine is None:
            self._engine = self._engine_factory()
        return self._engine

    def status(self, actor: Actor) -> list[JobStatus]:
        actor.require(Permission.VIEW_SYNC_STATUS)
        hid = actor.hospital_id
        jobs = self.engine.jobs
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            conns = read_active_connections(s, hid)
            states = {st.job_name: st for st in s.scalars(
                sa.select(SyncState).where(SyncState.hospital_id == hid))}
            units = [(job, conn) for job in jobs.values()
                     for conn in (conns if job.per_connection else [None])]
            locks = [lock_name(job.name, hid, conn.id if conn else None) for job, conn in units]
            held = set(s.scalars(_HELD, {"names": locks}))
            out: list[JobStatus] = []
            for (job, conn), lock in zip(units, locks, strict=True):
                st = states.get(state_key(job.name, conn.id if conn else None))
                out.append(JobStatus(
                    job.name, job.label, conn.id if conn else None,
                    st.last_run_at if st else None, st.last_success_at if st else None,
                    st.rows_read if st else 0, st.rows_written if st else 0,
                    st.watermark if st else None, st.last_error if st else None,
                    st.next_run_at if st else None, lock in held,
                    conn.name if conn else None, job.trigger_for(conn).describe(),
                    bool(conn is not None and conn.simulated)))
        return out

    def run_now(self, actor: Actor, job_name: str,
                connection_id: int | None = None) -> JobRunResult:
        """Run ``job_name`` now (every active connection, or the one given); skipped where
        another workstation is running it. Admins only."""
        actor.require(Permission.RUN_SYNC)
        with self._uow(actor, read_only=True):
            pass  # the caller's session is checked before anything runs (a revoked desk runs nothing)
        engine = self.engine
        runs = tuple(engine.run(job_name, actor.hospital_id, connection_id))
        with self._uow(actor) as uow:
            uow.activity(actor, "SYNC_RUN_NOW", "sync", job_name, {
                "connection_id": connection_id,
                "runs": [{"connection_id": r.connection_id, "ran": r.ran, "error": r.error,
                          "rows_read": r.rows_read, "rows_written": r.rows_written}
                         for r in runs]})
            uow.commit()
        touched = {"sync_states": set()} if runs else {}
        return JobRunResult(job_name, runs, Changes.of(**touched))

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
