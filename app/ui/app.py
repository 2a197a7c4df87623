"""The desktop application: QApplication, style, and the sign-in -> main window -> lock flow.

The login window is on screen before the database is up: the embedded server starts, the
schema is migrated and (on an empty database) the demo clinic is created on a worker thread.

A session ends on this desk when the user signs out, when the idle lock fires (unlocking is
a new sign-in), when an administrator revokes it (a NOTIFY arrives within milliseconds), or
when any service call is refused with SessionEnded (expired, disabled, a missed NOTIFY): all
of them lead to :meth:`DeskController.session_ended`, which closes the main window and shows
the sign-in window with the reason. A heartbeat every minute catches an expiry while idle.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.config import Settings
from app.domain.enums import SessionEndReason
from app.domain.errors import SessionEnded
from app.domain.sessions import MESSAGES, SessionRefusal
from app.ui.context import AppContext
from app.ui.events import UiBus
from app.ui.idle import IdleWatcher
from app.ui.login_dialog import LoginDialog
from app.ui.ops import Ops

log = logging.getLogger(__name__)
HEARTBEAT_MS = 60_000
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def make_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("ClinicDesk")
    app.setOrganizationName("ClinicDesk")
    style = RESOURCES / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app  # type: ignore[return-value]


def start_backend(settings: Settings):
    """Worker-thread part of start-up: database, migrations, demo on an empty database."""
    from app import bootstrap

    db = bootstrap.open_database(settings)
    if not bootstrap.has_hospital(db):
        from app import demo

        demo.create_demo(db.session_factory)
    return db, bootstrap.build_services(db, settings)


class _ChangeBridge(QObject):
    """Carries NOTIFY payloads from the listener thread onto the GUI thread."""

    arrived = Signal(object)


class DeskController(QObject):
    """Owns the windows and moves between sign-in, the main window and the lock screen."""

    backend_ready = Signal()
    """backend_ready() — database and services are up; Sign in is enabled."""

    signed_in = Signal(object)
    """signed_in(main_window) — a user signed in and the main window is shown."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.login: LoginDialog | None = None
        self.main = None
        self.scheduler = None
        self.idle = IdleWatcher(ctx.settings.idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        QApplication.instance().installEventFilter(self.idle)
        self._bridge = _ChangeBridge()
        self._bridge.arrived.connect(self._on_notify)
        ctx.ops.session_ended.connect(self.session_ended)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self._heartbeat)
        self.locked = False
        """True while the idle-lock dialog is up (its session already ended)."""

    # -- start-up --
    def show_login(self) -> LoginDialog:
        self.login = LoginDialog()
        self.login.sign_in_requested.connect(self._sign_in)
        self.login.retry_requested.connect(self.start_backend)
        self.login.rejected.connect(QApplication.instance().quit)
        self.login.show()
        if self.ctx.services is None:
            self.start_backend()
        else:
            self.login.set_ready()
        return self.login

    def start_backend(self) -> None:
        assert self.login is not None
        self.login.set_starting()
        self.ctx.ops.run(lambda: start_backend(self.ctx.settings),
                         on_success=self._backend_started,
                         on_failure=self.login.set_failed, owner=self.login)

    def _backend_started(self, result) -> None:
        self.ctx.db, self.ctx.services = result
        self._start_listener()
        if self.ctx.settings.sync_enabled and self.scheduler is None:
            from app.sync.scheduler import start_scheduler

            self.scheduler = start_scheduler(self.ctx.db, self.ctx.settings)
        if self.login is not None:
            self.login.set_ready()
        self.backend_ready.emit()

    def _start_listener(self) -> None:
        from app.db.notify import ChangeListener

        if self.ctx.db is None or self.ctx.listeners:
            return
        listener = ChangeListener(self.ctx.db.url, self._bridge.arrived.emit).start()
        self.ctx.listeners.append(listener)

    def _on_notify(self, payload: dict) -> None:
        from app.services.auth import SESSION_ENDED_EVENT
        from app.services.changes import Changes

        if payload.get("event") == SESSION_ENDED_EVENT:
            signed = self.ctx.signed_in
            if signed is not None and payload.get("session_id") == str(signed.session_id):
                refusal = SessionRefusal.REVOKED
                self.session_ended(SessionEnded(MESSAGES[refusal], reason=refusal.value))
            return
        table, row_id = payload.get("table"), payload.get("id")
        if table:
            self.ctx.bus.publish(Changes.of(**{table: {int(row_id)} if row_id else set()}))

    # -- sign in / out --
    def _sign_in(self, username: str, password: str) -> None:
        assert self.login is not None and self.ctx.services is not None
        self.login.set_busy(True)
        login = self.login
        self.ctx.ops.run(
            lambda: self.ctx.services.auth.login(username, password, self.ctx.settings.workstation),
            on_success=self._signed_in, on_failure=login.show_login_error, owner=login)

    def _signed_in(self, signed) -> None:
        from app.ui.main_window import MainWindow

        self.ctx.signed_in = signed
        self.locked = False
        if self.login is not None:
            self.login.rejected.disconnect()
            self.login.accept()
            self.login.deleteLater()
            self.login = None
        if self.main is None:
            self.main = MainWindow(self.ctx)
            self.main.sign_out_requested.connect(self.sign_out)
            self.main.lock_requested.connect(self.lock)
        self.main.show()
        # The hospital's idle lock (Settings) when it set one, else this workstation's.
        minutes = signed.idle_lock_minutes
        self.idle.set_minutes(minutes if minutes is not None
                              else self.ctx.settings.idle_lock_minutes)
        self.idle.start()
        self.heartbeat.start()
        from app.ui.gc_tuning import settle_heap

        QTimer.singleShot(0, settle_heap)  # full GC pauses stall the GUI: see gc_tuning.py
        self.signed_in.emit(self.main)

    def session_ended(self, exc: SessionEnded) -> None:
        """The session is over (revoked, expired, refused): back to sign-in, with the reason.
        Called once per session: later refusals of calls already in flight are ignored."""
        if self.ctx.signed_in is None:
            return
        if self.locked and exc.reason == SessionRefusal.IDLE_LOCKED:
            # A refresh of the hidden main window while the desk is locked: expected, the
            # lock screen stays (unlocking is a new sign-in).
            return
        log.info("session ended on this desk: %s", exc.reason)
        self.locked = False
        self.idle.stop()
        self.heartbeat.stop()
        if self.login is not None:  # the idle-lock dialog of the same (ended) session
            self.login.rejected.disconnect()
            self.login.close()
            self.login.deleteLater()
            self.login = None
        if self.main is not None:
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.ctx.signed_in = None
        self.ctx.bus.session_ended.emit(exc.reason)
        self.show_login().show_notice(exc.message)

    def _heartbeat(self) -> None:
        signed = self.ctx.signed_in
        if signed is None or self.ctx.services is None:
            return
        # A refusal goes to session_ended through Ops; anything else (database briefly
        # away) is only logged: the next real call will say so.
        self.ctx.ops.run(lambda: self.ctx.services.auth.check_session(signed.actor),
                         on_failure=lambda exc: log.warning("session heartbeat failed: %s",
                                                            exc))

    def sign_out(self) -> None:
        self.heartbeat.stop()
        self._end(SessionEndReason.LOGOUT)
        if self.main is not None:
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.ctx.signed_in = None
        self.show_login()

    def lock(self) -> None:
        if self.ctx.signed_in is None or self.main is None:
            return
        self.idle.stop()
        self.heartbeat.stop()
        self.locked = True
        self._end(SessionEndReason.IDLE_LOCK)
        actor = self.ctx.signed_in.actor
        self.main.hide()
        dialog = LoginDialog(locked_user=actor.username)
        dialog.set_ready()
        self.login = dialog

        def unlock(_u: str, password: str) -> None:
            dialog.set_busy(True)
            self.ctx.ops.run(lambda: self.ctx.services.auth.unlock(actor, password),
                             on_success=self._signed_in, on_failure=dialog.show_login_error,
                             owner=dialog)

        dialog.sign_in_requested.connect(unlock)
        dialog.rejected.connect(self._locked_sign_out)
        dialog.show()

    def _locked_sign_out(self) -> None:
        self.login = None
        self.locked = False
        if self.main is not None:
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.ctx.signed_in = None
        self.show_login()

    def _end(self, reason: SessionEndReason) -> None:
        signed = self.ctx.signed_in
        if signed is None or self.ctx.services is None:
            return
        self.ctx.ops.run(lambda: self.ctx.services.auth.end_session(signed.actor, reason))

    def shutdown(self) -> None:
        self.idle.stop()
        self.heartbeat.stop()
        if self.ctx.signed_in is not None and self.ctx.services is not None:
            try:
                self.ctx.services.auth.end_session(self.ctx.signed_in.actor,
                                                   SessionEndReason.APP_EXIT)
            except Exception:  # exiting anyway; the session simply stays open-ended
                log.exception("could not close the login session")
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
        for listener in self.ctx.listeners:
            listener.stop()
        self.ctx.ops.shutdown()
        if self.ctx.services is not None:
            self.ctx.services.close()
        if self.ctx.db is not None:
            self.ctx.db.dispose()


def make_context(settings: Settings) -> AppContext:
    return AppContext(settings=settings, ops=Ops(), bus=UiBus())


def run_gui(settings: Settings) -> int:
    app = make_qapp()
    ctx = make_context(settings)
    controller = DeskController(ctx)
    controller.show_login()
    app.aboutToQuit.connect(controller.shutdown)
    # Quit cleanly on SIGTERM/SIGINT (so the embedded server is stopped at exit): Python only
    # runs signal handlers when it gets control, hence the idle timer.
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    tick = QTimer()
    tick.start(300)
    tick.timeout.connect(lambda: None)
    if os.environ.get("CLINICDESK_STARTUP_PROBE"):  # bench/bench_startup.py
        controller.backend_ready.connect(lambda: print("BACKEND_READY", flush=True))
        QTimer.singleShot(0, lambda: print("LOGIN_SHOWN", flush=True))
    return app.exec()


