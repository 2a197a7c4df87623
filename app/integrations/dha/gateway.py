"""Choose how to ask DHA: ``make_gateway(mode, credentials, endpoint, timeout)``.

- LIVE / SANDBOX: a :class:`DhaClient` on the configured endpoint (built once; reuse it).
- MOCK: ClinicDesk's own loopback sandbox, started here and stopped by ``close()``; the same
  zeep client talks real SOAP to it, and the data is labelled MOCK_DATA (SIMULATED).
- NOT_CONFIGURED (or LIVE/SANDBOX without credentials or address): a gateway that says so and
  never touches the network.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain.eligibility import EligibilityResult
from app.domain.enums import DataSource
from app.domain.errors import IntegrationError
from app.integrations.dha.client import DEFAULT_TIMEOUT, DhaClient
from app.integrations.dha.credentials import MOCK_CREDENTIALS, DhaCredentials, resolve_mode
from app.integrations.dha.modes import DhaMode
from app.integrations.ports import EligibilityGateway

__all__ = ["EligibilityGateway", "MockGateway", "NotConfiguredGateway", "make_gateway"]


class NotConfiguredGateway:
    """DHA is not set up: every check raises at once, with the reason."""

    mode = DhaMode.NOT_CONFIGURED

    def __init__(self, message: str) -> None:
        self._message = message

    @property
    def configured(self) -> bool:
        return False

    @property
    def data_source(self) -> DataSource:
        return DataSource.NOT_CONFIGURED

    @property
    def message(self) -> str:
        return self._message

    def check_eligibility(self, emirates_id: str, service_date: dt.date,
                          payer_id: str | None = None, *,
                          member_id: str | None = None) -> EligibilityResult:
        raise IntegrationError(self._message, reason="not_configured")

    def check_connection(self) -> None:
        raise IntegrationError(self._message, reason="not_configured")

    def close(self) -> None:
        pass


class MockGateway:
    """The loopback sandbox plus a real DhaClient pointed at it (mode MOCK)."""

    mode = DhaMode.MOCK

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, **client_kw: Any) -> None:
        from app.integrations.dha.sandbox import start_sandbox

        self.sandbox = start_sandbox(0)
        try:
            self.client = DhaClient(endpoint=self.sandbox.url, credentials=MOCK_CREDENTIALS,
                                    mode=DhaMode.MOCK, timeout=timeout, **client_kw)
        except Exception:
            self.sandbox.stop()
            raise

    @property
    def configured(self) -> bool:
        return True

    @property
    def data_source(self) -> DataSource:
        return DataSource.MOCK_DATA

    @property
    def message(self) -> str:
        return "SIMULATED: ClinicDesk's built-in DHA sandbox"

    def check_eligibility(self, emirates_id: str, service_date: dt.date,
                          payer_id: str | None = None, *,
                          member_id: str | None = None) -> EligibilityResult:
        return self.client.check_eligibility(emirates_id, service_date, payer_id,
                                             member_id=member_id)

    def check_connection(self) -> None:
        self.client.check_connection()

    def close(self) -> None:
        self.client.close()
        self.sandbox.stop()


def make_gateway(mode: DhaMode | str, credentials: DhaCredentials | None,
                 endpoint: str | None, timeout: float = DEFAULT_TIMEOUT,
                 **client_kw: Any) -> EligibilityGateway:
    """The gateway for a hospital's settings. Build it once and keep it: it owns the zeep
    client (and, in MOCK mode, the sandbox server). ``client_kw`` go to DhaClient."""
    decision = resolve_mode(mode, credentials, endpoint)
    if decision.mode is DhaMode.NOT_CONFIGURED:
        return NotConfiguredGateway(decision.message)
    if decision.mode is DhaMode.MOCK:
        return MockGateway(timeout, **client_kw)
    assert decision.credentials is not None and endpoint
    return DhaClient(endpoint=endpoint, credentials=decision.credentials, mode=decision.mode,
                     timeout=timeout, **client_kw)
