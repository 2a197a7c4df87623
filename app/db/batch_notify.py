"""One change notification per table and batch instead of one per row.

The row triggers of app/db/rules.py send a NOTIFY for every changed row; a poller that upserts
5,000 appointments would wake every workstation 5,000 times. Inside :func:`batch_notifications`
(migration 0004 taught the trigger function to stay silent when the transaction set
``clinicdesk.batch_notify``) the writer collects what it touched and sends one notification per
table at the end, in the same transaction, so it is delivered only if the rows commit.

The payload keeps the listener's shape (table, op, id, hospital_id): ``op`` is ``BATCH``,
``id`` is null (screens refresh the table) and ``count`` says how many rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.rules import NOTIFY_CHANNEL


class BatchNotifier:
    def __init__(self, session: Session, hospital_id: int) -> None:
        self._session = session
        self._hospital_id = hospital_id
        self._counts: dict[str, int] = {}

    def touched(self, table: str, rows: int) -> None:
        if rows > 0:
            self._counts[table] = self._counts.get(table, 0) + rows

    def flush(self) -> int:
        """Send the coalesced notifications (delivered at commit); returns how many."""
        payloads = [json.dumps({"table": table, "op": "BATCH", "id": None,
                                "hospital_id": self._hospital_id, "count": count})
                    for table, count in self._counts.items()]
        if payloads:  # one round trip for all of them
            self._session.execute(
                sa.text("SELECT pg_notify(:ch, p) FROM unnest(CAST(:ps AS text[])) AS p"),
                {"ch": NOTIFY_CHANNEL, "ps": payloads})
        sent = len(payloads)
        self._counts.clear()
        return sent


@contextmanager
def batch_notifications(session: Session, hospital_id: int, *,
                        async_commit: bool = False) -> Iterator[BatchNotifier]:
    """Silence the row triggers for this transaction; notify once per table on exit.

    ``async_commit``: also ``synchronous_commit = off`` for this transaction, for rows that
    can be fetched again (a sync page and its watermark): a crash can lose the last few
    commits, whole, never part of one, and the next run reads them again."""
    session.execute(sa.text(
        "SELECT set_config('clinicdesk.batch_notify', 'on', true), "
        "set_config('synchronous_commit', :sc, true)"),
        {"sc": "off" if async_commit else "on"})
    notifier = BatchNotifier(session, hospital_id)
    yield notifier
    notifier.flush()
