"""The one change signal screens subscribe to (after Anki's operation_did_execute).

Fed by this workstation's service calls (``Ops.mutate``) and by other workstations'
PostgreSQL NOTIFYs (app/ui/live.py), so a screen never needs to know who changed what. When the
database connection comes back after a restart the bus carries ``Changes.all()``: every
screen reloads through the same slot.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services.changes import Changes


class UiBus(QObject):
    data_changed = Signal(object)
    """data_changed(changes: Changes, ...) — rows changed here or on another workstation;
    ``changes.reload_all``: anything may have changed (the connection came back)."""

    session_ended = Signal(str)
    """session_ended(reason) — the user signed out, was locked or revoked."""

    connection_changed = Signal(bool)
    """connection_changed(up) — the live-update connection to the database was lost (False)
    or restored (True); the main window says so."""

    def __init__(self) -> None:
        super().__init__()
        self.connected = True

    def publish(self, changes: Changes) -> None:
        if not changes.empty:
            self.data_changed.emit(changes)

    def set_connected(self, up: bool) -> None:
        if up != self.connected:
            self.connected = up
            self.connection_changed.emit(up)
