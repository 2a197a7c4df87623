"""The outside systems the services depend on, as Protocols (fakes and sandboxes plug in here)."""

from __future__ import annotations

import datetime as dt
from typing import Protocol, runtime_checkable

from app.domain.eligibility import EligibilityResult
from app.domain.enums import DataSource


@runtime_checkable
class EligibilityGateway(Protocol):
    """Asks DHA eClaimLink whether a member is covered on a service date.

    ``check_eligibility`` blocks on the network for up to the configured timeout and raises
    ``IntegrationError`` when DHA fails, refuses, or does not answer in time. Never call it
    inside a database transaction.
    """

    @property
    def configured(self) -> bool: ...

    @property
    def data_source(self) -> DataSource: ...

    @property
    def message(self) -> str: ...

    def check_eligibility(self, emirates_id: str, service_date: dt.date,
                          payer_id: str | None = None, *,
                          member_id: str | None = None) -> EligibilityResult: ...

    def check_connection(self) -> None:
        """Log in once without asking anything (Settings -> Test connection); raises
        ``IntegrationError`` with the reason when that fails or DHA is not configured."""

    def close(self) -> None: ...
