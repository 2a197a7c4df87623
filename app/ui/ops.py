"""Run service calls off the GUI thread and deliver the outcome on it (after Anki's
CollectionOp/QueryOp and superqt's workers).

    ops.run(lambda: services.copay.quote(actor, appt_id),
            on_success=self._show_quote, on_failure=self._show_error, owner=self)

Contract: the function runs on a worker thread and must never touch a widget. The callbacks
run on the GUI thread, and only while ``owner`` is still alive. A call refused because the
user's session ended (SessionEnded) never reaches the screen's failure handler: it goes to
``session_ended`` once, and the desk controller returns to the sign-in window with the reason. Database work goes to a
small pool of its own ("db"), network work to another ("net"), so a slow DHA call never
starves the check-in dialog's queries.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.errors import SessionEnded

log = logging.getLogger(__name__)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            exc.__cd_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Ops(QObject):
    """The one way screens run service calls."""

    op_started = Signal()
    """Emitted on the GUI thread when a job is queued."""
    op_finished = Signal()
    """Emitted on the GUI thread after a job's callback ran (tests wait on it)."""
    session_ended = Signal(object)
    """session_ended(exc: SessionEnded) — a call was refused: the session is over."""

    def __init__(self, *, db_threads: int = 4, net_threads: int = 4,
                 default_failure: Callable[[BaseException], None] | None = None) -> None:
        super().__init__()
        self._pools = {"db": QThreadPool(), "net": QThreadPool()}
        self._pools["db"].setMaxThreadCount(db_threads)
        self._pools["net"].setMaxThreadCount(net_threads)
        self._pending: set[_Signals] = set()
        self.default_failure = default_failure

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        pool: str = "db",
    ) -> None:
        signals = _Signals()
        self._pending.add(signals)

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def done_ok(result: Any) -> None:
            self._pending.discard(signals)
            try:
                if on_success is not None and alive():
                    on_success(result)
            finally:
                self.op_finished.emit()

        def done_err(exc: BaseException) -> None:
            self._pending.discard(signals)
            try:
                handler = on_failure or self.default_failure
                if isinstance(exc, SessionEnded):
                    # One place for every screen: back to sign-in (app/ui/app.py).
                    self.session_ended.emit(exc)
                elif alive() and handler is not None:
                    handler(exc)
                else:
                    log.error("unhandled failure in background op: %s",
                              getattr(exc, "__cd_traceback__", exc))
            finally:
                self.op_finished.emit()

        signals.succeeded.connect(done_ok)
        signals.failed.connect(done_err)
        self.op_started.emit()
        self._pools[pool].start(_Job(fn, signals))

    def shutdown(self, timeout_ms: int = 5000) -> None:
        for p in self._pools.values():
            p.clear()
            p.waitForDone(timeout_ms)
