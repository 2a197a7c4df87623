"""Shared by the DHA tests: an in-memory keyring, a client factory for the loopback sandbox."""

from __future__ import annotations

import itertools

import keyring
import keyring.backend
import keyring.errors

from app.integrations.dha.client import DhaClient
from app.integrations.dha.credentials import DhaCredentials
from app.integrations.dha.modes import DhaMode

_logins = itertools.count(1)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict: no OS store is touched by the tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


class BrokenKeyring(MemoryKeyring):
    """A machine with no usable password store."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.NoKeyringError("no backend")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")


def unique_credentials(password: str = "s3cret-Pa55") -> DhaCredentials:
    """Fresh login per test, so each test has its own sandbox mailbox."""
    n = next(_logins)
    return DhaCredentials(f"FAC{n:03d}", f"DHA-F-{n:07d}", f"login{n}", password)


def make_client(url: str, *, timeout: float = 5.0, mode: DhaMode = DhaMode.MOCK,
                credentials: DhaCredentials | None = None, **kw) -> DhaClient:
    return DhaClient(endpoint=url, credentials=credentials or unique_credentials(), mode=mode,
                     timeout=timeout, poll_interval=0.02, max_poll_interval=0.1, **kw)
