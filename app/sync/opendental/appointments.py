"""The three appointment pollers (seed 000 "Background polling"):

- ``appointments_upcoming`` every 15 min: today .. today + 7 days;
- ``appointments_today`` every 5 min: today;
- ``appointments_completed`` every 10 min: AptStatus Complete, today - 7 days .. today, and
  the procedures (procedurelogs) changed since the last run, which claims are drafted from.

"Today" is the connection's local day. Each read is incremental (``DateTStamp`` = the last
read's serverDateTime) within its window; a new day starts the window over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from app.db.batch_notify import BatchNotifier
from app.integrations.opendental import wire
from app.services.clock import local_today
from app.services.unit_of_work import UnitOfWork
from app.sync.jobs import Job, JobContext, JobResult, Trigger
from app.sync.opendental.paging import (
    ingest_pages,
    parse_stamp,
    split_window,
    window_watermark,
)
from app.sync.opendental.upserts import (
    ProviderCache,
    upsert_appointments,
    upsert_procedures,
)

UPCOMING_DAYS = 7
COMPLETED_DAYS = 7


def appointment_writer(ctx: JobContext) -> Callable[[UnitOfWork, Any, BatchNotifier], int]:
    conn = ctx.connection
    providers = ProviderCache()

    def write(uow: UnitOfWork, page: Any, notes: BatchNotifier) -> int:
        written, stubs = upsert_appointments(uow.session, ctx.hospital_id, conn.id,
                                             conn.timezone, page.items, providers)
        notes.touched("appointments", written)
        notes.touched("patients", stubs)
        return written + stubs

    return write


def _window_read(ctx: JobContext, start: dt.date, end: dt.date,
                 apt_status: wire.AptStatus | None = None, *, mark: str | None = None,
                 suffix: str = "") -> tuple[int, int]:
    """``mark``: this read's part of the watermark (default: all of it); ``suffix`` is kept
    after it (another read's part of the same job's watermark)."""
    window = start.isoformat()
    old_window, old_stamp = split_window(ctx.watermark if mark is None else mark)
    since = old_stamp if old_window == window else None
    with ctx.client() as od:
        pages = od.iter_appointment_pages(date_start=start, date_end=end,
                                          clinic_num=ctx.connection.clinic_num,
                                          changed_since=since, apt_status=apt_status)
        return ingest_pages(ctx, pages, appointment_writer(ctx),
                            lambda stamp: window_watermark(window, stamp or since) + suffix)


def run_upcoming(ctx: JobContext) -> JobResult:
    today = local_today(ctx.clock, ctx.connection.timezone)
    _window_read(ctx, today, today + dt.timedelta(days=UPCOMING_DAYS))
    return JobResult()


def run_today(ctx: JobContext) -> JobResult:
    today = local_today(ctx.clock, ctx.connection.timezone)
    _window_read(ctx, today, today)
    return JobResult()


def run_completed(ctx: JobContext) -> JobResult:
    """Completed appointments of the last 7 days, then their procedures. The procedures'
    own watermark rides in the same sync state after a ``#``."""
    today = local_today(ctx.clock, ctx.connection.timezone)
    start = today - dt.timedelta(days=COMPLETED_DAYS)
    appt_mark, _, proc_mark = (ctx.watermark or "").partition("#")
    _window_read(ctx, start, today, wire.AptStatus.COMPLETE, mark=appt_mark,
                 suffix=f"#{proc_mark}")
    appt_mark = (ctx.watermark or "").partition("#")[0]

    floor = dt.datetime.combine(start, dt.time())
    since = parse_stamp(proc_mark) or floor
    conn = ctx.connection

    def write(uow: UnitOfWork, page: Any, notes: BatchNotifier) -> int:
        n = upsert_procedures(uow.session, ctx.hospital_id, conn.id, page.items)
        notes.touched("od_procedures", n)
        return n

    with ctx.client() as od:
        ingest_pages(ctx, od.iter_procedurelog_pages(changed_since=since), write,
                     lambda stamp: f"{appt_mark}#{(stamp or since).strftime('%Y-%m-%d %H:%M:%S')}")
    return JobResult()


def appointment_jobs() -> list[Job]:
    return [
        Job("appointments_upcoming", "Upcoming appointments (next 7 days)", Trigger.every(15),
            run_upcoming, per_connection=True),
        Job("appointments_today", "Today's appointments", Trigger.every(5), run_today,
            per_connection=True),
        Job("appointments_completed", "Completed appointments and procedures (last 7 days)",
            Trigger.every(10), run_completed, per_connection=True),
    ]
