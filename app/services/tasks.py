"""The handle a long task gets for progress and cancellation (after Orange3's TaskState).

A long task (CSV export, batch work) is a plain function ``run(..., state)`` that knows
nothing about widgets: it reports ``state.progress(fraction)`` now and then and stops early
when ``state.cancelled()`` turns true. The screen passes a Qt-backed state whose progress is
a thread-safe signal; tests and command-line callers pass :class:`NullState` or a
:class:`RecordingState`.
"""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable


@runtime_checkable
class TaskState(Protocol):
    def progress(self, fraction: float) -> None:
        """Report how far along the task is, 0.0 .. 1.0. Called from the worker thread."""

    def cancelled(self) -> bool:
        """True once the user asked to stop; the task then cleans up and returns."""


class NullState:
    """Reports nowhere and is never cancelled."""

    def progress(self, fraction: float) -> None:
        pass

    def cancelled(self) -> bool:
        return False


class RecordingState:
    """Keeps every progress value; cancel() (from any thread) or ``cancel_after`` reports
    stop the task. Handy in tests and for a command-line progress bar."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.values: list[float] = []
        self._cancel = threading.Event()
        self._cancel_after = cancel_after

    def progress(self, fraction: float) -> None:
        self.values.append(fraction)
        if self._cancel_after is not None and len(self.values) >= self._cancel_after:
            self._cancel.set()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()
