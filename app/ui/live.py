"""Live updates on this workstation: the database's NOTIFYs onto the change bus, and a reload of
every screen when the connection comes back after a database restart.

    live.attach(ctx)   # once the database is open (DeskController, preview, tests)

The listener thread (app/db/notify.py) never touches Qt objects it does not own: it emits the
signals of a bridge QObject living on the GUI thread, and the bus is fed from there. NOTIFYs
sent while the listener was away are gone, so "back" is turned into ``Changes.all()`` on the
bus's ordinary ``data_changed`` signal: every page reloads through the same slot that handles
a single changed row, once.

No text for people here: the banners that say the connection went and came back are the main
window's (app/ui/main_window.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.services.changes import Changes
from app.ui.context import AppContext

log = logging.getLogger(__name__)


class _Bridge(QObject):
    """Lives on the GUI thread; the listener thread emits its signals (queued to the GUI)."""

    notified = Signal(object)
    """notified(payload: dict) — one NOTIFY from another (or this) workstation."""

    connection = Signal(bool)
    """connection(up) — the listener's connection went (False) or came back (True)."""


def _changes_for(payload: dict) -> Changes | None:
    table, row_id = payload.get("table"), payload.get("id")
    if not table:
        return None
    return Changes.of(**{table: {int(row_id)} if row_id else set()})


def attach(ctx: AppContext, on_event: Callable[[dict], None] | None = None):
    """Start a ChangeListener feeding ``ctx.bus``; it is kept in ``ctx.listeners`` (stopped at
    shutdown). ``on_event`` gets, on the GUI thread, the NOTIFYs that name an ``event`` instead
    of a changed row (a session ended elsewhere). Returns the listener."""
    from app.db.notify import ChangeListener

    assert ctx.db is not None, "open the database first"
    bridge = _Bridge()
    engine = ctx.db.engine

    def on_notify(payload: dict) -> None:
        if payload.get("event"):
            if on_event is not None:
                on_event(payload)
            return
        changes = _changes_for(payload)
        if changes is not None:
            ctx.bus.publish(changes)

    def on_connection(up: bool) -> None:
        ctx.bus.set_connected(up)
        if up:
            ctx.bus.publish(Changes.all())

    def from_listener_thread(up: bool) -> None:
        if up:
            # After a restart every pooled connection is dead; drop them before the reload
            # (connections in use finish and are closed when returned). Without this the
            # first query of each page would fail once on a stale connection.
            engine.dispose()
        bridge.connection.emit(up)

    bridge.notified.connect(on_notify)
    bridge.connection.connect(on_connection)
    listener = ChangeListener(ctx.db.url, bridge.notified.emit,
                              on_connection=from_listener_thread).start()
    listener._bridge = bridge  # type: ignore[attr-defined]  # keep the QObject alive
    ctx.listeners.append(listener)
    return listener
