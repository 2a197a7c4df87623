"""LISTEN for the change notifications the database triggers send (app/db/rules.py), on a
thread of its own with its own connection, and hand each one to a callback.

Other workstations' changes reach this one within milliseconds of their commit, with no
polling. The listener reconnects after a lost connection (a database restart, a network cut,
an administrator's pg_terminate_backend), retrying with a growing pause. NOTIFYs sent while it
was away are lost for good, so ``on_connection(False)`` says the connection went and
``on_connection(True)`` says it is back and LISTENing again: the caller then reloads whatever
it shows (app/ui/live.py). Both are called once per loss, not once per failed retry.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

import psycopg

from app.db.rules import NOTIFY_CHANNEL

log = logging.getLogger(__name__)

# TCP keepalives: a server that vanished without closing the socket (power cut, network cut)
# is noticed within about half a minute instead of never.
_CONNECT_OPTIONS = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10,
                    "keepalives_interval": 5, "keepalives_count": 3}
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0, 5.0)
"""Pauses between reconnection attempts (the last one repeats)."""


class ChangeListener:
    def __init__(self, url: str, callback: Callable[[dict[str, Any]], None], *,
                 on_connection: Callable[[bool], None] | None = None) -> None:
        self._url = url.replace("postgresql+psycopg://", "postgresql://")
        self._callback = callback
        self._on_connection = on_connection
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="clinicdesk-listen", daemon=True)
        self.backend_pid: int | None = None
        """The server process of the LISTEN connection (logs, tests)."""
        self.reconnects = 0
        """How many times the connection came back after it was lost."""

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def wait_ready(self, timeout: float = 5.0) -> bool:
        return self._ready.wait(timeout)

    @property
    def connected(self) -> bool:
        return self._ready.is_set()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)

    def _loop(self) -> None:
        lost = False  # the connection went since it was last up: say so when it is back
        failures = 0
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True, **_CONNECT_OPTIONS) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.backend_pid = conn.info.backend_pid
                    failures = 0
                    self._ready.set()
                    if lost:
                        lost = False
                        self.reconnects += 1
                        log.info("change listener reconnected")
                        self._tell(True)
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._dispatch(note.payload)
            except psycopg.Error as exc:
                if self._stop.is_set():
                    break
                self._ready.clear()
                if not lost:  # once per outage, not once per failed retry
                    lost = True
                    log.warning("change listener lost its connection (%s); retrying", exc)
                    self._tell(False)
                self._stop.wait(RETRY_DELAYS[min(failures, len(RETRY_DELAYS) - 1)])
                failures += 1

    def _tell(self, connected: bool) -> None:
        if self._on_connection is None:
            return
        try:
            self._on_connection(connected)
        except Exception:  # a screen's bug must not kill the listener
            log.exception("connection callback failed")

    def _dispatch(self, payload: str) -> None:
        try:
            data = json.loads(payload)
        except ValueError:
            log.warning("ignoring malformed notification %r", payload)
            return
        try:
            self._callback(data)
        except Exception:  # a screen's bug must not kill the listener
            log.exception("change callback failed")
