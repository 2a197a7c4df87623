"""Fixtures for the DHA tests: the loopback sandbox (real HTTP, real SOAP). The test keyring
(``memory_keyring``) is in tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.integrations.dha.sandbox import SandboxHandle, start_sandbox

SLOW_SECONDS = 2.0


@pytest.fixture(scope="session")
def sandbox() -> Iterator[SandboxHandle]:
    handle = start_sandbox(0, slow_seconds=SLOW_SECONDS)
    yield handle
    handle.stop()
