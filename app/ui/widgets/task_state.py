"""Progress and Cancel of a background task (an export, a bulk submit) for a Qt dialog."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

__all__ = ["QtTaskState"]


class QtTaskState(QObject):
    """A :class:`~app.services.tasks.TaskState` for a background task shown in a dialog.

    ``progress`` is called on the worker thread and emits ``progressed``; connected to a slot
    of a widget, Qt queues it onto the GUI thread. ``cancel`` (GUI thread) sets an Event the
    worker reads through ``cancelled``.
    """

    progressed = Signal(float)
    """progressed(fraction) — how far the task is, 0.0 .. 1.0."""

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def progress(self, fraction: float) -> None:
        self.progressed.emit(float(fraction))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()
