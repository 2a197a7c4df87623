"""The NOTIFY listener after its connection is cut the way a database restart cuts it
(pg_terminate_backend on its server process): it says "lost" once and "back" once per outage,
however many retries fail in between, and it hears notifications again afterwards."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from app.db.notify import ChangeListener
from app.db.rules import NOTIFY_CHANNEL


def _db_name(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?")[0]


def _terminate(admin_url: str, pid: int) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        assert conn.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]


def _notify(url: str, payload: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_notify(%s, %s)", (NOTIFY_CHANNEL, payload))


def _wait(predicate, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


@pytest.fixture
def heard(fresh_db_url):
    """A started listener on a database of its own: (listener, payloads, connection events)."""
    payloads: list[dict] = []
    events: list[bool] = []
    lock = threading.Lock()

    def on_payload(p: dict) -> None:
        with lock:
            payloads.append(p)

    listener = ChangeListener(fresh_db_url, on_payload, on_connection=events.append).start()
    assert listener.wait_ready(5)
    yield listener, payloads, events
    listener.stop()


def test_listener_comes_back_after_its_backend_is_terminated(heard, fresh_db_url,
                                                             pg_admin_url):
    listener, payloads, events = heard
    _notify(fresh_db_url, '{"table": "appointments", "id": 1}')
    _wait(lambda: len(payloads) == 1)
    first_pid = listener.backend_pid

    _terminate(pg_admin_url, first_pid)
    _wait(lambda: events == [False, True])
    assert listener.wait_ready(5) and listener.backend_pid != first_pid
    assert listener.reconnects == 1

    _notify(fresh_db_url, '{"table": "appointments", "id": 2}')
    _wait(lambda: len(payloads) == 2)
    assert payloads[1] == {"table": "appointments", "id": 2}


def test_a_long_outage_is_reported_once_not_once_per_retry(heard, fresh_db_url, pg_admin_url):
    listener, _payloads, events = heard
    name = _db_name(fresh_db_url)
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            _terminate(pg_admin_url, listener.backend_pid)
            _wait(lambda: events == [False])
            time.sleep(2.0)  # several reconnection attempts fail meanwhile (0.5 s, 1 s ...)
            assert events == [False] and not listener.connected
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    _wait(lambda: events == [False, True])
    assert listener.reconnects == 1
