"""A paged read from OpenDental written one page per transaction, the watermark with it.

:func:`ingest_pages` reads one page ahead, so it knows which page is the last: that page's
transaction also moves the watermark to the read's ``serverDateTime``. Earlier pages commit
their rows and leave the watermark where it was. A fault anywhere in the read (a 500, a
timeout, malformed JSON) leaves every committed page in place and the old watermark, so the
next run reads again from it; the upserts are idempotent, so the re-read pages cost time, not
duplicates. One coalesced NOTIFY per page and table (app/db/batch_notify.py).

Watermarks of windowed reads (appointments of the next 7 days...) are
``"<window start>|<serverDateTime>"``: when the window moves to a new day the read starts
over without ``changed_since`` (rows that entered the window need not have changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from app.db.batch_notify import BatchNotifier, batch_notifications
from app.services.unit_of_work import UnitOfWork
from app.sync.jobs import JobContext

STAMP = "%Y-%m-%d %H:%M:%S"

Writer = Callable[[UnitOfWork, Any, BatchNotifier], int]
"""write(uow, page, notifier) -> rows written (``page.items`` are the rows); calls
notifier.touched(table, n) and may write activity entries through ``uow``."""


def format_stamp(value: dt.datetime | None) -> str:
    return "" if value is None else value.strftime(STAMP)


def parse_stamp(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.strptime(text, STAMP)
    except ValueError:
        return None


def split_window(watermark: str | None) -> tuple[str | None, dt.datetime | None]:
    """``"2026-03-10|2026-03-10 09:15:00"`` -> ("2026-03-10", datetime)."""
    if not watermark or "|" not in watermark:
        return None, None
    window, _, stamp = watermark.partition("|")
    return window, parse_stamp(stamp)


def window_watermark(window: str, stamp: dt.datetime | None) -> str:
    return f"{window}|{format_stamp(stamp)}"


def ingest_pages(ctx: JobContext, pages: Iterable[Any], write: Writer,
                 watermark_for: Callable[[dt.datetime | None], str | None]) -> tuple[int, int]:
    """Write every page in its own transaction; the last one also saves
    ``watermark_for(serverDateTime of the read)``. Returns (rows read, rows written)."""
    it = iter(pages)
    current = next(it, None)
    first_stamp: dt.datetime | None = None
    read = written = 0
    while current is not None:
        following = next(it, None)  # fetched before this page commits: we know the last one
        first_stamp = first_stamp or current.server_datetime
        with ctx.uow() as u:
            with batch_notifications(u.session, ctx.hospital_id) as notes:
                n = write(u, current, notes)
            mark = watermark_for(first_stamp) if following is None else ctx.watermark
            ctx.save_progress(u.session, watermark=mark, rows_read=len(current.items),
                              rows_written=n)
            u.commit()
        read += len(current.items)
        written += n
        current = following
    return read, written
