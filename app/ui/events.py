"""The one change signal screens subscribe to (after Anki's operation_did_execute).

Fed by this workstation's service calls and by other workstations' PostgreSQL NOTIFYs, so a
screen never needs to know who changed what.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services.changes import Changes


class UiBus(QObject):
    data_changed = Signal(object)
    """data_changed(changes: Changes, ...) — rows changed here or on another workstation."""

    session_ended = Signal(str)
    """session_ended(reason) — the user signed out, was locked or revoked."""

    def publish(self, changes: Changes) -> None:
        if changes.tables:
            self.data_changed.emit(changes)
