"""Run service calls off the GUI thread and deliver the outcome on it (after Anki's
CollectionOp/QueryOp and superqt's workers).

    ops.run(lambda: services.copay.quote(actor, appt_id),          # a read
            on_success=self._show_quote, on_failure=self._show_error, owner=self)
    ops.mutate(lambda: services.queue.complete(actor, appt_id),    # a change
               on_done=self._completed, owner=self)

Contract: the function runs on a worker thread and must never touch a widget. The callbacks
run on the GUI thread, and only while ``owner`` is still alive. A call refused because the
user's session ended (SessionEnded) never reaches the screen's failure handler: it goes to
``session_ended`` once, and the desk controller returns to the sign-in window with the reason. Database work goes to a
small pool of its own ("db"), network work to another ("net"), so a slow DHA call never
starves the check-in dialog's queries.

``mutate`` is for service calls that change rows: they return a result carrying ``changes``
(app/services/changes.py ``Mutation``). On success it publishes those changes on the change
bus exactly once — even when ``owner`` was closed meanwhile, since the rows did change — and
then calls ``on_done(result)``. On failure it publishes nothing and shows the error
(app/ui/errors.py) unless the screen passes its own ``on_failure`` (an inline message).
No screen calls ``bus.publish`` itself.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from app.domain.errors import SessionEnded
from app.services.changes import Changes, Mutation
from app.ui.errors import show_error
from app.ui.events import UiBus

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


RETIRED = "clinicdesk_retired"
"""Window property set when a window's session ended: late answers to its screens are
dropped (see DeskController._close_main)."""


class Ops(QObject):
    """The one way screens run service calls."""

    op_started = Signal()
    """Emitted on the GUI thread when a job is queued."""
    op_finished = Signal()
    """Emitted on the GUI thread after a job's callback ran (tests wait on it)."""
    session_ended = Signal(object)
    """session_ended(exc: SessionEnded) — a call was refused: the session is over."""

    def __init__(self, *, db_threads: int = 4, net_threads: int = 4,
                 default_failure: Callable[[BaseException], None] | None = None,
                 bus: UiBus | None = None) -> None:
        super().__init__()
        self.bus = bus
        """Where ``mutate`` publishes what a call changed (set by make_context)."""
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
        self._submit(fn, on_success=on_success, on_failure=on_failure, owner=owner, pool=pool)

    def _submit(
        self,
        fn: Callable[[], Any],
        *,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        owner: QObject | None,
        pool: str,
        always: Callable[[Any], None] | None = None,
    ) -> None:
        """``always(result)`` runs on success whether or not ``owner`` is still alive."""
        signals = _Signals()
        self._pending.add(signals)

        def alive() -> bool:
            if owner is None:
                return True
            if not shiboken6.isValid(owner):
                return False
            # A screen of a session that has ended (its window closed, to be deleted): the
            # answer has nobody to go to, and it must not ask who is signed in.
            return not (isinstance(owner, QWidget) and owner.window().property(RETIRED))

        def done_ok(result: Any) -> None:
            self._pending.discard(signals)
            try:
                if always is not None:
                    always(result)
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

    def mutate(
        self,
        call: Callable[[], Mutation],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        pool: str = "db",
    ) -> None:
        """Run a mutating service call off the GUI thread; publish its ``changes`` once on
        success, then ``on_done(result)``; on failure publish nothing and show the error
        (over ``owner`` when it is a widget) or hand it to ``on_failure``."""
        bus = self.bus
        if bus is None:
            raise RuntimeError("Ops.mutate needs the change bus (Ops(bus=...))")

        def publish(result: Any) -> None:
            changes = getattr(result, "changes", None)
            if not isinstance(changes, Changes):
                # A programming error (a mutation returning another shape): say it loudly in
                # the log; the rows may have changed, so tell every screen to re-read.
                log.error("%r returned %r, not a result with `changes`", call, type(result))
                changes = Changes.all()
            bus.publish(changes)

        def failed(exc: BaseException) -> None:
            if on_failure is not None:
                on_failure(exc)
            else:
                show_error(owner if isinstance(owner, QWidget) else None, exc)

        self._submit(call, on_success=on_done, on_failure=failed, owner=owner, pool=pool,
                     always=publish)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        for p in self._pools.values():
            p.clear()
            p.waitForDone(timeout_ms)
