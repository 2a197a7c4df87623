"""Live updates after a database restart, for real: the workstation's connections are cut the
way a restart cuts them (pg_terminate_backend on every server process of the database), a
change is made meanwhile that sends no NOTIFY (missed for good), and every open page reloads
once when the listener is back; the main window says the connection was lost, then restored."""

from __future__ import annotations

import collections
import functools

import psycopg

from app.ui import live
from app.ui.main_window import CONNECTION_LOST, CONNECTION_RESTORED, MainWindow

# The one service read each page makes to (re)load itself. The walk-in page reloads its list
# of doctors from the day's queue, so queue.day is read by two pages.
LOADS = {
    "queue": ("queue", "day"),
    "walkin": ("queue", "day"),
    "refunds": ("refunds", "list"),
    "audit": ("audit", "page"),
    "settings": ("settings", "dha_credentials"),
}


def _count_calls(ctx, calls: collections.Counter) -> None:
    """Count every call of the load methods (instance attributes shadow the class's)."""
    for service_name, method in set(LOADS.values()):
        service = getattr(ctx.services, service_name)
        original = getattr(service, method)

        @functools.wraps(original)
        def counted(*a, _original=original, _key=f"{service_name}.{method}", **kw):
            calls[_key] += 1
            return _original(*a, **kw)

        setattr(service, method, counted)


def _cut_every_connection(admin_url: str, db_url: str) -> int:
    """What a restart looks like to the workstation: every backend of its database ends."""
    name = db_url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        return len(conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()", (name,)).fetchall())


def _rename_quietly(db_url: str, patient_id: int, first_name: str) -> None:
    """A change whose NOTIFY never reaches anyone (triggers off for this session), like one
    committed while the listener was away."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE patients SET first_name = %s WHERE id = %s",
                     (first_name, patient_id))


def test_every_page_reloads_once_after_a_database_restart(ctx, sign_in, qtbot, idle,
                                                          pg_admin_url, memory_keyring,
                                                          tmp_path):
    sign_in("admin")
    listener = live.attach(ctx)
    assert listener.wait_ready(5)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    keys = [k for k in window.page_keys() if k in LOADS]
    assert {"queue", "refunds", "audit", "settings"} <= set(keys)
    pages = {k: window.open_page(k) for k in keys}
    window.open_page("queue")
    idle(ctx)
    queue = pages["queue"]
    qtbot.waitUntil(lambda: queue.model.rowCount() > 0, timeout=10_000)
    row = queue.selected_row()  # the first row on screen (the picture shows it renamed)
    assert row is not None
    idle(ctx)
    qtbot.wait(600)  # debounced refreshes from the first loads
    idle(ctx)

    calls: collections.Counter = collections.Counter()
    _count_calls(ctx, calls)
    states: list[bool] = []
    ctx.bus.connection_changed.connect(states.append)

    _rename_quietly(ctx.db.url, row.patient_id, "Restarted")
    assert _cut_every_connection(pg_admin_url, ctx.db.url) >= 1  # listener + pooled ones
    qtbot.waitUntil(lambda: states[:1] == [False], timeout=10_000)
    assert window.connection_banner.isVisibleTo(window)
    assert window.connection_banner.text() == CONNECTION_LOST
    window.grab().save(str(tmp_path / "connection-lost.png"))

    qtbot.waitUntil(lambda: states == [False, True], timeout=15_000)
    assert window.connection_banner.text() == CONNECTION_RESTORED

    def reloaded() -> bool:
        r = queue.model.row_for(row.appointment_id)
        return r is not None and r.patient_name.startswith("Restarted")

    qtbot.waitUntil(reloaded, timeout=10_000)  # the change nobody was told about is shown
    expected = collections.Counter(f"{s}.{m}" for s, m in (LOADS[k] for k in keys))
    qtbot.waitUntil(lambda: calls == expected, timeout=10_000)  # every page, once
    idle(ctx)
    qtbot.wait(1_500)  # any second (debounced) reload would have run by now
    idle(ctx)
    assert calls == expected, calls
    assert listener.reconnects == 1
    window.grab().save(str(tmp_path / "connection-restored.png"))
