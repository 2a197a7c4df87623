"""Which OpenDental connections a hospital polls, and the client each job talks through.

:class:`ConnectionInfo` is a plain snapshot of an ``opendental_connections`` row (jobs run on
the background thread; ORM objects stay in their session). :class:`ClientFactory` builds an
``OpenDentalClient`` for a connection: keys from this workstation's keyring, or, for a
SANDBOX connection, the in-process loopback sandbox (started on first use, like the DHA MOCK
mode) with its fixed keys. Missing keys raise :class:`KeysMissing`, whose message says how to
fix it; the job records it as its error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import Hospital, OpenDentalConnection
from app.domain.enums import OpenDentalMode
from app.domain.errors import IntegrationError
from app.domain.messages import messages
from app.services.unit_of_work import UowFactory

M = messages(__name__)


class KeysMissing(IntegrationError):
    code = "OPENDENTAL_KEYS_MISSING"


@dataclass(frozen=True)
class ConnectionInfo:
    id: int
    hospital_id: int
    hospital_code: str
    name: str
    mode: OpenDentalMode
    base_url: str | None
    clinic_num: int | None
    timezone: str
    requests_per_second: float
    cadence: dict[str, Any] = field(default_factory=dict)

    @property
    def simulated(self) -> bool:
        return self.mode is OpenDentalMode.SANDBOX

    def cadence_minutes(self, key: str) -> int | None:
        value = self.cadence.get(key)
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None


def _info(row: OpenDentalConnection, code: str) -> ConnectionInfo:
    return ConnectionInfo(row.id, row.hospital_id, code, row.name, OpenDentalMode(row.mode),
                          row.base_url, row.clinic_num, row.timezone,
                          float(row.requests_per_second), dict(row.cadence or {}))


def active_connections(uow: UowFactory, hospital_id: int) -> list[ConnectionInfo]:
    with uow() as u:
        return read_active_connections(u.session, hospital_id)


def read_active_connections(s: Session, hospital_id: int) -> list[ConnectionInfo]:
    """The hospital's active connections, by id, read in the caller's session."""
    rows = s.execute(
        sa.select(OpenDentalConnection, Hospital.code)
        .join(Hospital, Hospital.id == OpenDentalConnection.hospital_id)
        .where(OpenDentalConnection.hospital_id == hospital_id,
               OpenDentalConnection.is_active)
        .order_by(OpenDentalConnection.id)).all()
    return [_info(row, code) for row, code in rows]


def connection_info(uow: UowFactory, connection_id: int) -> ConnectionInfo | None:
    with uow() as u:
        found = u.session.execute(
            sa.select(OpenDentalConnection, Hospital.code)
            .join(Hospital, Hospital.id == OpenDentalConnection.hospital_id)
            .where(OpenDentalConnection.id == connection_id)).first()
        return None if found is None else _info(found[0], found[1])


class SandboxRunner:
    """The loopback sandbox of this process, started on first use, stopped by close()."""

    def __init__(self, start: Callable[[], Any] | None = None) -> None:
        self._start = start
        self._running: Any = None
        self._lock = threading.Lock()

    def __call__(self) -> tuple[str, Any]:
        with self._lock:
            if self._running is None:
                if self._start is not None:
                    self._running = self._start()
                else:
                    from app.integrations.opendental.sandbox import start_sandbox

                    self._running = start_sandbox()
            running = self._running
        from app.integrations.opendental.credentials import OpenDentalKeys

        return running.url, OpenDentalKeys(running.developer_key, running.customer_key)

    def close(self) -> None:
        with self._lock:
            running, self._running = self._running, None
        if running is not None:
            running.stop()


_SHARED_SANDBOX: SandboxRunner | None = None
_SHARED_LOCK = threading.Lock()


def shared_sandbox() -> SandboxRunner:
    """The one loopback sandbox of this process: the scheduler, "Sync now" and the claims
    service must all talk to the same simulated practice. Stopped at interpreter exit."""
    global _SHARED_SANDBOX
    with _SHARED_LOCK:
        if _SHARED_SANDBOX is None:
            import atexit

            _SHARED_SANDBOX = SandboxRunner()
            atexit.register(_SHARED_SANDBOX.close)
        return _SHARED_SANDBOX


class ClientFactory:
    """``factory(info) -> OpenDentalClient`` (a context manager the job closes). Without a
    ``sandbox`` of its own, SANDBOX connections use the process's shared one."""

    def __init__(self, sandbox: Callable[[], tuple[str, Any]] | None = None, *,
                 timeout: float = 30.0, max_retries: int = 4,
                 load_keys: Callable[[str, int], Any] | None = None,
                 **client_options: Any) -> None:
        self._options = client_options  # e.g. backoff_base for tests
        self._own_sandbox = sandbox
        self._sandbox = sandbox or shared_sandbox()
        self._timeout = timeout
        self._max_retries = max_retries
        self._load_keys = load_keys

    def __call__(self, info: ConnectionInfo) -> Any:
        from app.integrations.opendental.client import OpenDentalClient

        if info.simulated:
            url, keys = self._sandbox()
        else:
            url, keys = info.base_url or "", self._keys(info)
        return OpenDentalClient(url, keys, requests_per_second=info.requests_per_second,
                                timeout=self._timeout, max_retries=self._max_retries,
                                **self._options)

    def _keys(self, info: ConnectionInfo) -> Any:
        if self._load_keys is not None:
            keys = self._load_keys(info.hospital_code, info.id)
        else:
            from app.integrations.opendental.credentials import load_keys

            keys = load_keys(info.hospital_code, info.id)
        if keys is None:
            raise KeysMissing(
                M("opendental_api_keys_connection", "No OpenDental API keys for connection "
                  "'{name}' on this workstation. An administrator enters the developer key "
                  "and the customer key under OpenDental (in the navigation) on this computer "
                  "(the keys live in this computer's keyring, never in the database).",
                  name=info.name), connection_id=info.id)
        return keys

    def close(self) -> None:
        """Stops a sandbox given to this factory; the shared one lives until exit."""
        closer = getattr(self._own_sandbox, "close", None)
        if closer is not None:
            closer()
