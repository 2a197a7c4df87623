"""A paged read from OpenDental written one page per transaction, the watermark with it.

:func:`ingest_pages` reads one page ahead (on a thread of its own, :func:`prefetch`, so the
next HTTP read overlaps this page's database write), so it knows which page is the last: that
page's transaction also moves the watermark to the read's ``serverDateTime``. Earlier pages
commit their rows and leave the watermark where it was. A fault anywhere in the read (a 500, a
timeout, malformed JSON) leaves every page read before it committed and the old watermark, so
the next run reads again from it; the upserts are idempotent, so the re-read pages cost time,
not duplicates. One coalesced NOTIFY per page and table (app/db/batch_notify.py).

Watermarks of windowed reads (appointments of the next 7 days...) are
``"<window start>|<serverDateTime>"``: when the window moves to a new day the read starts
over without ``changed_since`` (rows that entered the window need not have changed).
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
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
    it = prefetch(pages) if PREFETCH else iter(pages)
    current = next(it, None)
    first_stamp: dt.datetime | None = None
    read = written = 0
    while current is not None:
        failure: BaseException | None = None
        try:
            following = next(it, None)  # before this page commits: is it the last one?
        except Exception as exc:  # the read failed after this page: keep this page, then fail
            following, failure = None, exc
        first_stamp = first_stamp or current.server_datetime
        with ctx.uow() as u:
            # The page can be read again: no need to wait for its WAL flush (see batch_notify).
            with batch_notifications(u.session, ctx.hospital_id, async_commit=True) as notes:
                n = write(u, current, notes)
            last = following is None and failure is None
            mark = watermark_for(first_stamp) if last else ctx.watermark
            ctx.save_progress(u.session, watermark=mark, rows_read=len(current.items),
                              rows_written=n)
            u.commit()
        read += len(current.items)
        written += n
        if failure is not None:
            raise failure
        current = following
    return read, written


PREFETCH = True
_END = object()


def prefetch(pages: Iterable[Any], depth: int = 2) -> Iterator[Any]:
    """Read the next pages on a thread of its own while this one writes: the HTTP round trip
    and the database write overlap (both wait on I/O, so the GIL is free). An error of the
    read is raised here, after the pages read before it."""
    box: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for page in pages:
                while not stop.is_set():
                    try:
                        box.put(page, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            box.put(_END)
        except BaseException as exc:  # handed to the consumer
            box.put(_Failure(exc))

    thread = threading.Thread(target=produce, name="opendental-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            item = box.get()
            if item is _END:
                return
            if isinstance(item, _Failure):
                raise item.exc
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc
