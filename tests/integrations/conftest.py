"""Fixtures for the DHA tests: the loopback sandbox (real HTTP, real SOAP) and test keyrings."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from app.integrations.dha.sandbox import SandboxHandle, start_sandbox
from tests.integrations.dha_helpers import MemoryKeyring

SLOW_SECONDS = 2.0


@pytest.fixture(scope="session")
def sandbox() -> Iterator[SandboxHandle]:
    handle = start_sandbox(0, slow_seconds=SLOW_SECONDS)
    yield handle
    handle.stop()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(previous)
