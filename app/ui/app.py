"""The desktop application: QApplication, style, and the sign-in -> main window -> lock flow.

The login window is on screen before the database is up: the embedded server starts, the
schema is migrated and the runtime is built (app/bootstrap.py start_runtime) on a worker
thread. An empty embedded database gets the demo clinic; an empty shared database (a clinic's
first start) opens the setup wizard instead, and sign-in follows it. The NOTIFY listener is
started on the GUI side (app/ui/live.py), which also reloads every screen after a database
restart.

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

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from app.config import Settings
from app.domain.enums import SessionEndReason
from app.domain.errors import SessionEnded
from app.domain.sessions import MESSAGES, SessionRefusal
from app.resources import resource_path
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.events import UiBus
from app.ui.i18n import tr
from app.ui.idle import IdleWatcher
from app.ui.login_dialog import LoginDialog
from app.ui.ops import Ops

log = logging.getLogger(__name__)
HEARTBEAT_MS = 60_000
LANGUAGE_KEY = "language"
"""QSettings key: the language this workstation's sign-in window opens in."""
RESOURCES = resource_path()


def light_palette() -> QPalette:
    p = QPalette()
    ink, paper, base = QColor("#1f2328"), QColor("#f6f8fa"), QColor("#ffffff")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, paper)
        p.setColor(group, QPalette.ColorRole.WindowText, ink)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#f3f6f8"))
        p.setColor(group, QPalette.ColorRole.Text, ink)
        p.setColor(group, QPalette.ColorRole.Button, base)
        p.setColor(group, QPalette.ColorRole.ButtonText, ink)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#cfe8ee"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#0f2a33"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#fffbe6"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, ink)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#6e7781"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#0f4c5c"))
    grey = QColor("#8c959f")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return p


def make_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("ClinicDesk")
    app.setOrganizationName("ClinicDesk")
    app.setDesktopFileName("clinicdesk")  # matches the menu entry (app/desktop_install.py)
    icon = RESOURCES / "icons" / "clinicdesk.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    # One light look whatever the desktop's theme: the style sheet paints fields white, so a
    # dark system palette (white text) would make them unreadable.
    app.setStyle("Fusion")
    app.setPalette(light_palette())
    style = RESOURCES / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    # The language this workstation last used, until a user signs in with their own.
    i18n.install(str(QSettings().value(LANGUAGE_KEY, "en")))
    return app  # type: ignore[return-value]


def start_backend(settings: Settings):
    """Worker-thread part of start-up: the runtime (database, migrations, the demo on an empty
    embedded database, services, scheduler); the listener starts on the GUI side."""
    from app import bootstrap

    return bootstrap.start_runtime(settings)


class DeskController(QObject):
    """Owns the windows and moves between sign-in, the main window and the lock screen."""

    backend_ready = Signal()
    """backend_ready() — database and services are up; Sign in is enabled."""

    signed_in = Signal(object)
    """signed_in(main_window) — a user signed in and the main window is shown."""

    backend_failed = Signal(object)
    """backend_failed(exception) — the database or services did not start (shown on the
    sign-in window with Retry)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.login: LoginDialog | None = None
        self.main = None
        self.setup = None  # the setup wizard, on an empty shared database
        self.idle = IdleWatcher(ctx.settings.idle_lock_minutes, self)
        self.idle.idle.connect(lambda: self.lock(idle_minutes=self.idle.minutes))
        QApplication.instance().installEventFilter(self.idle)
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
                         on_failure=self._backend_start_failed, owner=self.login)

    def _backend_start_failed(self, exc: BaseException) -> None:
        if self.login is not None:
            self.login.set_failed(exc)
        self.backend_failed.emit(exc)

    def _backend_started(self, runtime) -> None:
        self.ctx.runtime = runtime
        self.ctx.db, self.ctx.services = runtime.db, runtime.services
        self._start_listener()
        if runtime.needs_onboarding:
            self.show_setup()
            return
        if self.login is not None:
            self.login.set_ready()
        self.backend_ready.emit()

    def _start_listener(self) -> None:
        """Listen for other workstations' changes (and this desk's session being ended
        elsewhere); reconnects after a database restart and then reloads every screen."""
        from app.ui import live

        runtime = self.ctx.runtime
        if self.ctx.db is None or self.ctx.listeners or (runtime and runtime.listener):
            return
        live.attach(self.ctx, on_event=self._on_event)

    # -- first start on a shared database --
    def show_setup(self):
        """The setup wizard instead of sign-in: this database has no hospital yet."""
        from app.ui.setup_wizard import SetupWizard

        if self.login is not None:
            self.login.hide()
        self.setup = SetupWizard(self.ctx)
        self.setup.setup_done.connect(self._setup_done)
        self.setup.rejected.connect(QApplication.instance().quit)
        self.setup.show()
        return self.setup

    def _setup_done(self, username: str) -> None:
        """The hospital exists (made here, or by another desk first): on to sign-in."""
        wizard, self.setup = self.setup, None
        if wizard is not None:
            wizard.rejected.disconnect()
            wizard.deleteLater()
        if self.login is None:
            self.show_login()
        assert self.login is not None
        self.login.show()
        if username:
            self.login.set_ready(tr("Your clinic is ready. Sign in as {username}.").format(
                username=username))
            self.login.username.setText(username)
            self.login.password.setFocus()
        else:
            self.login.set_ready(tr("The clinic was set up on another workstation; sign in "
                                    "with an account of that clinic."))
        self.login.adjustSize()  # room for the status line
        self.backend_ready.emit()

    def _on_event(self, payload: dict) -> None:
        """A NOTIFY that is an event rather than a changed row: this desk's session ended
        elsewhere (an administrator's revoke) sends it back to sign-in."""
        from app.services.auth import SESSION_ENDED_EVENT

        if payload.get("event") == SESSION_ENDED_EVENT:
            signed = self.ctx.signed_in
            if signed is not None and payload.get("session_id") == str(signed.session_id):
                refusal = SessionRefusal.REVOKED
                self.session_ended(SessionEnded(MESSAGES[refusal], reason=refusal.value))

    # -- sign in / out --
    def _sign_in(self, username: str, password: str) -> None:
        assert self.login is not None and self.ctx.services is not None
        self.login.set_busy(True)
        login = self.login
        chosen = login.chosen_language
        self.ctx.ops.run(
            lambda: self.ctx.services.auth.login(username, password, self.ctx.settings.workstation,
                                                 chosen),
            on_success=self._signed_in, on_failure=login.show_login_error, owner=login)

    def _signed_in(self, signed) -> None:
        from app.ui.main_window import MainWindow

        self.ctx.signed_in = signed
        self.locked = False
        # The user's own language (chosen now or remembered) before any window is built.
        i18n.set_digits(signed.number_digits)
        if signed.language != i18n.language() or self.main is None:
            i18n.install(signed.language)
        QSettings().setValue(LANGUAGE_KEY, signed.language)
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
        self._close_main()
        self.ctx.bus.session_ended.emit(exc.reason)
        self.show_login().show_notice(i18n.render(exc.msg))

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
        self._close_main()
        self.show_login()

    def lock(self, *, idle_minutes: int | None = None) -> None:
        """Lock the desk: by hand (Ctrl+L, Lock) or, with ``idle_minutes``, by the idle
        timer; the lock screen says which."""
        if self.ctx.signed_in is None or self.main is None:
            return
        self.idle.stop()
        self.heartbeat.stop()
        self.locked = True
        self._end(SessionEndReason.IDLE_LOCK)
        actor = self.ctx.signed_in.actor
        self.main.hide()
        dialog = LoginDialog(locked_user=actor.username, idle_minutes=idle_minutes)
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
        self._close_main()
        self.show_login()

    def _close_main(self) -> None:
        """Close the main window of the session that ended; nobody is signed in here now."""
        if self.main is not None:
            from app.ui.ops import RETIRED

            self.main.setProperty(RETIRED, True)  # answers still in flight are dropped
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.ctx.signed_in = None

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
        for listener in self.ctx.listeners:
            listener.stop()
        self.ctx.ops.shutdown()
        if self.ctx.runtime is not None:
            self.ctx.runtime.close()  # scheduler, listener, gateways, database


def make_context(settings: Settings) -> AppContext:
    bus = UiBus()
    return AppContext(settings=settings, ops=Ops(bus=bus), bus=bus)


def run_gui(settings: Settings, *, smoke: bool = False) -> int:
    from app.ui.platform_check import problem

    blocker = problem()
    if blocker:  # Qt would abort with a core dump; say what to install instead
        print(f"clinicdesk: {blocker}", file=sys.stderr)
        return 2
    app = make_qapp()
    ctx = make_context(settings)
    controller = DeskController(ctx)
    if smoke:  # `clinicdesk --smoke`: start, show sign-in, check the database, exit
        from app.ui.smoke import attach_smoke

        attach_smoke(controller, app)
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


