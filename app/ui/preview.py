"""Open one screen alone on the demo data (``python -m app.ui.queue_window`` and friends).

Builds a context on the configured database (embedded server unless DATABASE_URL is set)
with app/bootstrap.py start_runtime, exactly as the desktop app does (the demo hospital on an
empty embedded database, the NOTIFY listener), signs in as the demo admin, then shows the
screen. An empty shared database is refused: `python -m app demo` puts the demo there.
``CLINICDESK_LANGUAGE=ar`` opens the screen in Arabic (right to left).

A developer's tool: the refusal for an empty database is a sentence for the terminal, in
English; the window title is in the screen's language.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from app.config import Settings, load_settings
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.i18n import tr

DEMO_ADMIN = ("admin", "admin123")
"""The demo hospital's administrator (app/demo.py)."""


def open_runtime(ctx: AppContext, settings: Settings, empty_message: str) -> None:
    """Start the runtime (no scheduler) into ``ctx``, as the desktop app does; an empty shared
    database is closed again and refused with ``empty_message``."""
    from app import bootstrap
    from app.domain.errors import ValidationError

    runtime = bootstrap.start_runtime(settings, schedule=False)
    ctx.runtime, ctx.db, ctx.services = runtime, runtime.db, runtime.services
    if runtime.needs_onboarding:
        runtime.close()
        raise ValidationError(empty_message)


def demo_context(settings: Settings | None = None, *, username: str = DEMO_ADMIN[0],
                 password: str = DEMO_ADMIN[1], listen: bool = True) -> AppContext:
    """A signed-in context on the configured database (GUI thread blocks while it starts)."""
    from app.ui import live
    from app.ui.app import make_context

    settings = settings or load_settings()
    ctx = make_context(settings)
    open_runtime(ctx, settings, "This database has no hospital yet. Run `python -m app demo` "
                 "to put the demo clinic there, or open the app to set it up.")
    ctx.signed_in = ctx.services.auth.login(username, password, settings.workstation)
    if listen:
        live.attach(ctx)  # as DeskController._start_listener does
    from app.ui.gc_tuning import settle_heap

    settle_heap()
    return ctx


def close_context(ctx: AppContext) -> None:
    for listener in ctx.listeners:
        listener.stop()
    ctx.listeners.clear()
    ctx.ops.shutdown()
    if ctx.runtime is not None:
        ctx.runtime.close()
    elif ctx.db is not None:
        ctx.db.dispose()


def delete_windows(app: Any) -> None:
    """Delete every window while the QApplication is alive, so nothing is left for the
    interpreter's shutdown to destroy in an arbitrary order (which can crash PySide)."""
    import gc

    from PySide6.QtCore import QEvent

    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()


def run_preview(build: Callable[[AppContext], QWidget], *, title: str = "ClinicDesk") -> int:
    """Show ``build(ctx)`` as a window on the demo data and run the event loop."""
    from app.ui.app import make_qapp

    app = make_qapp()
    i18n.install(os.environ.get("CLINICDESK_LANGUAGE", "en"))
    ctx = demo_context()
    widget = build(ctx)
    widget.setWindowTitle(tr("ClinicDesk — {title}").format(title=tr(title)))
    if not isinstance(widget, QDialog):
        widget.resize(1280, 780)
    widget.show()
    try:
        return app.exec()
    finally:
        ctx.ops.shutdown()
        delete_windows(app)
        close_context(ctx)
