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


@pytest.fixture(scope="session")
def https_sandbox(tmp_path_factory) -> Iterator[tuple[SandboxHandle, str]]:
    """The sandbox on https (LIVE refuses plain http): (handle, certificate to trust)."""
    from tests.integrations.dha_helpers import https_sandbox as start_https

    with start_https(tmp_path_factory.mktemp("dha-tls"), slow_seconds=SLOW_SECONDS) as pair:
        yield pair
