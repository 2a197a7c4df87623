"""LISTEN for the change notifications the database triggers send (app/db/rules.py), on a
thread of its own with its own connection, and hand each one to a callback.

Other workstations' changes reach this one within milliseconds of their commit, with no
polling. The listener reconnects after a lost connection.
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


class ChangeListener:
    def __init__(self, url: str, callback: Callable[[dict[str, Any]], None]) -> None:
        self._url = url.replace("postgresql+psycopg://", "postgresql://")
        self._callback = callback
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="clinicdesk-listen", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def wait_ready(self, timeout: float = 5.0) -> bool:
        return self._ready.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self._ready.set()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._dispatch(note.payload)
            except psycopg.Error as exc:
                self._ready.clear()
                log.warning("change listener lost its connection (%s); retrying", exc)
                self._stop.wait(2.0)

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
