"""The one job framework of the background thread: every job is a :class:`Job`, and
:func:`run_job` is the only place that runs one.

A run of a job for a hospital (and, for OpenDental jobs, one connection):

1. takes the PostgreSQL advisory lock ``"<job>:<hospital>[:<connection>]"`` on a dedicated
   autocommit connection (app/db/locks.py); another workstation holding it means "skipped";
2. calls ``job.run(ctx)``. A job that writes in pages calls :meth:`JobContext.save_progress`
   inside each page's unit of work, so the page's rows and the new watermark commit together:
   a crash or a fault after page 7 resumes after page 7;
3. records the run in ``sync_states`` (last run, success or error, rows read/written, next run)
   in a transaction of its own. The watermark is only ever written with the rows it covers
   (or, for a job that has no pages, on success): an error keeps the last good watermark.

``sync_states`` has one row per (state key, hospital): the state key is the job name, with
``@<connection id>`` for a job that runs per OpenDental connection.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from app.db.locks import try_advisory_lock
from app.db.models import SyncState
from app.services.clock import Clock, system_clock
from app.services.unit_of_work import UowFactory

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------ triggers
@dataclass(frozen=True)
class Trigger:
    """Every ``minutes`` minutes, or (``at_minute`` set) hourly at that minute, or (``daily_at``
    set) daily at that (hour, minute) UTC."""

    minutes: int = 0
    at_minute: int | None = None
    daily_at: tuple[int, int] | None = None

    @classmethod
    def every(cls, minutes: int) -> Trigger:
        return cls(minutes=minutes)

    @classmethod
    def hourly_at(cls, minute: int) -> Trigger:
        return cls(at_minute=minute)

    @classmethod
    def daily(cls, hour: int, minute: int = 0) -> Trigger:
        return cls(daily_at=(hour, minute))

    def with_minutes(self, minutes: int | None) -> Trigger:
        """A connection's cadence override (minutes) replaces the trigger."""
        return Trigger.every(minutes) if minutes and minutes > 0 else self

    def next_after(self, now: dt.datetime) -> dt.datetime:
        now = now.astimezone(dt.UTC)
        if self.daily_at is not None:
            at = now.replace(hour=self.daily_at[0], minute=self.daily_at[1], second=0,
                             microsecond=0)
            return at if at > now else at + dt.timedelta(days=1)
        if self.at_minute is not None:
            at = now.replace(minute=self.at_minute, second=0, microsecond=0)
            return at if at > now else at + dt.timedelta(hours=1)
        return now + dt.timedelta(minutes=self.minutes)

    def describe(self) -> str:
        if self.daily_at is not None:
            return f"daily at {self.daily_at[0]:02d}:{self.daily_at[1]:02d} UTC"
        if self.at_minute is not None:
            return f"hourly at :{self.at_minute:02d}"
        return f"every {self.minutes} min"


# ------------------------------------------------------------------------------- results
@dataclass(frozen=True)
class JobResult:
    """What a run moved. ``watermark`` is saved on success by the runner unless the job saved
    it page by page itself (then leave it None). ``problems`` are per-row failures that did
    not stop the run; the run is recorded as failed with the first of them."""

    rows_read: int = 0
    rows_written: int = 0
    watermark: str | None = None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobRunResult:
    job_name: str
    hospital_id: int
    connection_id: int | None
    ran: bool  # False: another workstation holds the lock (nothing was done)
    rows_read: int = 0
    rows_written: int = 0
    watermark: str | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.ran and self.error is None

    def summary(self) -> str:
        where = f"hospital {self.hospital_id}" + (
            f", connection {self.connection_id}" if self.connection_id else "")
        if not self.ran:
            return f"{self.job_name} ({where}): skipped, running on another workstation"
        head = (f"{self.job_name} ({where}): read {self.rows_read}, wrote {self.rows_written} "
                f"in {self.seconds:.1f} s")
        return f"{head}; FAILED: {self.error}" if self.error else f"{head}; ok"


def state_key(job_name: str, connection_id: int | None) -> str:
    return job_name if connection_id is None else f"{job_name}@{connection_id}"


def lock_name(job_name: str, hospital_id: int, connection_id: int | None = None) -> str:
    base = f"{job_name}:{hospital_id}"
    return base if connection_id is None else f"{base}:{connection_id}"


# ------------------------------------------------------------------------------- context
@dataclass
class JobContext:
    """What a job gets: the database, whose job it is, the time, the previous watermark and
    (OpenDental jobs) the connection and a way to build its client."""

    job_name: str
    uow: UowFactory
    hospital_id: int
    clock: Clock
    workstation: str | None = None
    connection: Any = None  # app.sync.opendental.connections.ConnectionInfo for OD jobs
    client_factory: Callable[[Any], Any] | None = None
    watermark: str | None = None
    _read: int = field(default=0, repr=False)
    _written: int = field(default=0, repr=False)

    @property
    def connection_id(self) -> int | None:
        return None if self.connection is None else self.connection.id

    @property
    def state_key(self) -> str:
        return state_key(self.job_name, self.connection_id)

    def client(self) -> Any:
        if self.client_factory is None or self.connection is None:
            raise RuntimeError(f"{self.job_name} needs an OpenDental connection")
        return self.client_factory(self.connection)

    def save_progress(self, session: Session, *, watermark: str | None, rows_read: int,
                      rows_written: int) -> None:
        """Call inside the page's unit of work, before its commit: the watermark commits with
        the rows, or neither does."""
        values = {"job_name": self.state_key, "hospital_id": self.hospital_id,
                  "connection_id": self.connection_id, "watermark": watermark}
        session.execute(insert(SyncState).values(**values).on_conflict_do_update(
            index_elements=[SyncState.job_name, SyncState.hospital_id],
            set_={"watermark": watermark}))
        self.watermark = watermark
        self._read += rows_read
        self._written += rows_written


@dataclass(frozen=True)
class Job:
    """A background job: ``run(ctx) -> JobResult``. ``per_connection`` jobs run once for
    each active OpenDental connection of the hospital."""

    name: str
    label: str
    trigger: Trigger
    run: Callable[[JobContext], JobResult]
    per_connection: bool = False
    cadence_key: str | None = None  # the key of a connection's cadence override (default name)

    def trigger_for(self, connection: Any = None) -> Trigger:
        if connection is None:
            return self.trigger
        return self.trigger.with_minutes(connection.cadence_minutes(self.cadence_key or self.name))


# -------------------------------------------------------------------------------- runner
def run_job(job: Job, *, engine: sa.Engine, uow: UowFactory, hospital_id: int,
            connection: Any = None, client_factory: Callable[[Any], Any] | None = None,
            clock: Clock = system_clock, workstation: str | None = None,
            only_if_due: bool = False) -> JobRunResult:
    """Run ``job`` once under its advisory lock and record the run; never raises for a job's
    own failure (it is recorded, and the next run retries). ``only_if_due`` (the scheduler):
    skip when, once the lock is held, the recorded next run is still in the future (another
    workstation has just run it)."""
    connection_id = None if connection is None else connection.id
    key = state_key(job.name, connection_id)
    with try_advisory_lock(engine, lock_name(job.name, hospital_id, connection_id)) as got:
        if not got:
            log.info("%s for hospital %s: running on another workstation; skipped",
                     key, hospital_id)
            return JobRunResult(job.name, hospital_id, connection_id, ran=False)
        with uow() as u:
            previous = u.session.get(SyncState, (key, hospital_id))
            watermark = previous.watermark if previous is not None else None
            not_due = (only_if_due and previous is not None and previous.next_run_at is not None
                       and previous.next_run_at > clock())
        if not_due:
            return JobRunResult(job.name, hospital_id, connection_id, ran=False)
        ctx = JobContext(job.name, uow, hospital_id, clock, workstation, connection,
                         client_factory, watermark)
        started = time.perf_counter()
        error: str | None = None
        result = JobResult()
        try:
            result = job.run(ctx)
            if result.problems:
                error = (f"{len(result.problems)} problem(s); first: "
                         f"{result.problems[0]}")[:2000]
        except Exception as exc:  # recorded; the watermark stays where the last page left it
            log.exception("%s failed for hospital %s", key, hospital_id)
            error = describe_error(exc)
        rows_read = ctx._read + result.rows_read
        rows_written = ctx._written + result.rows_written
        final_watermark = ctx.watermark
        if error is None and result.watermark is not None:
            final_watermark = result.watermark
        _record(uow, key, hospital_id, connection_id, now=clock(), error=error,
                rows_read=rows_read, rows_written=rows_written,
                watermark=final_watermark if error is None else None,
                next_run_at=job.trigger_for(connection).next_after(clock()))
        return JobRunResult(job.name, hospital_id, connection_id, True, rows_read,
                            rows_written, final_watermark, error,
                            time.perf_counter() - started)


def describe_error(exc: BaseException) -> str:
    """The sentence an administrator reads in the sync status: a typed error's message, else
    the exception's class and text."""
    message = getattr(exc, "message", None)
    text = message if isinstance(message, str) and message else f"{type(exc).__name__}: {exc}"
    return text[:2000]


def _record(uow: UowFactory, key: str, hospital_id: int, connection_id: int | None, *,
            now: dt.datetime, error: str | None, rows_read: int, rows_written: int,
            watermark: str | None, next_run_at: dt.datetime) -> None:
    values: dict[str, Any] = {"job_name": key, "hospital_id": hospital_id,
                              "connection_id": connection_id, "last_run_at": now,
                              "last_error": error, "run_count": 1, "rows_read": rows_read,
                              "rows_written": rows_written, "next_run_at": next_run_at}
    update: dict[str, Any] = {"last_run_at": now, "last_error": error,
                              "run_count": SyncState.run_count + 1, "rows_read": rows_read,
                              "rows_written": rows_written, "next_run_at": next_run_at}
    if error is None:
        values["last_success_at"] = update["last_success_at"] = now
    if watermark is not None:  # never overwrite the last good watermark with nothing
        values["watermark"] = update["watermark"] = watermark
    with uow() as u:
        u.session.execute(insert(SyncState).values(**values).on_conflict_do_update(
            index_elements=[SyncState.job_name, SyncState.hospital_id], set_=update))
        u.commit()
