"""GUI fixtures: a real committed database per test and an app context wired to it."""

from __future__ import annotations

import contextlib

import pytest

from app.config import load_settings


@pytest.fixture(autouse=True)
def _own_qsettings(tmp_path_factory):
    """QSettings (last printer, receipt layout...) in a temporary folder, never the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A test that switches the interface to Arabic leaves the next one in English."""
    yield
    from app.ui import i18n

    if i18n.language() != "en" or i18n.is_rtl():
        i18n.install("en")
    i18n.set_digits("western")


@pytest.fixture(autouse=True)
def _unfreeze_heap():
    """DeskController freezes the heap after sign-in (app/ui/gc_tuning.py); give the test
    session's objects back to the collector after each test."""
    import gc

    yield
    gc.unfreeze()


def desk_settings(tmp_path, database_url: str, workstation: str):
    """A desk's settings on ``database_url``: no sync, data and config in ``tmp_path``."""
    return load_settings(env={"DATABASE_URL": database_url, "CLINICDESK_SYNC": "false",
                              "CLINICDESK_WORKSTATION": workstation,
                              "CLINICDESK_DATA_DIR": str(tmp_path)},
                         config_file=tmp_path / "none.toml")


@pytest.fixture
def gui_settings(tmp_path, fresh_db_url):
    return desk_settings(tmp_path, fresh_db_url, "test-desk")


@contextlib.contextmanager
def _workstation(settings):
    """An AppContext on ``settings``' database with every service, closed afterwards."""
    from app import bootstrap
    from app.ui.app import make_context

    context = make_context(settings)
    runtime = bootstrap.start_runtime(settings)
    context.runtime, context.db, context.services = runtime, runtime.db, runtime.services
    try:
        yield context
    finally:
        context.ops.shutdown()
        for listener in context.listeners:
            listener.stop()
        runtime.close()


@pytest.fixture
def ctx(qapp, gui_settings):
    with _workstation(gui_settings) as context:
        yield context


@pytest.fixture
def sign_in(ctx):
    """sign_in(username) -> ctx, signed in as that demo user (admin, reception, nurse...),
    with a cash drawer shift open on the test workstation for the roles that take cash
    (``shift=False``: none, as a desk that has not opened its drawer yet)."""

    def _sign_in(username: str = "admin", password: str | None = None, context=None, *,
                 shift: bool = True):
        from decimal import Decimal

        from app.domain.roles import Permission, can

        target = context or ctx
        target.signed_in = target.services.auth.login(username, password or f"{username}123",
                                                       target.settings.workstation)
        actor = target.signed_in.actor
        if shift and can(actor.role, Permission.MANAGE_SHIFT) \
                and target.services.shifts.current_shift(actor) is None:
            target.services.shifts.open_shift(actor, Decimal("1000.00"))
        return target

    return _sign_in


@pytest.fixture
def second_ctx(qapp, gui_settings):
    """Another workstation on the same database as ``ctx``."""
    with _workstation(gui_settings.with_(workstation="test-desk-2")) as context:
        yield context


@pytest.fixture
def idle(qtbot):
    """idle(ctx) processes events until no background op of ``ctx`` is pending."""

    def _idle(context, timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: not context.ops.busy, timeout=timeout)

    return _idle


@pytest.fixture
def find_quote(ctx):
    """find_quote(predicate) -> (QueueRow, QuoteView) of the first of today's appointments
    waiting for check-in whose quote matches; skips the test when the demo has none."""

    def _find(predicate):
        actor = ctx.actor
        for row in ctx.services.queue.day(actor):
            if row.status.value not in ("SCHEDULED", "CONFIRMED"):
                continue
            if row.copay_status.value != "PENDING":
                continue
            view = ctx.services.copay.quote(actor, row.appointment_id)
            if predicate(row, view):
                return row, view
        pytest.skip("the demo data has no such appointment today")

    return _find
