"""How this hospital talks to DHA, and which data source each way of talking yields.

| mode            | talks to                                   | data source     | banner                       |
|-----------------|--------------------------------------------|-----------------|------------------------------|
| LIVE            | DHA eClaimLink production (PRODUCTION flag) | DHA_LIVE        | Verified via DHA eClaimLink  |
| SANDBOX         | a configured test endpoint (TEST flag)     | DHA_SANDBOX     | Test environment             |
| MOCK            | ClinicDesk's own loopback sandbox          | MOCK_DATA       | SIMULATED                    |
| NOT_CONFIGURED  | nobody                                     | NOT_CONFIGURED  | Manual verification required |

When DHA fails the answer comes from the database instead: ``FALLBACK_SOURCE`` (CACHED_DB).
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.enums import DataSource


class DhaMode(StrEnum):
    LIVE = "LIVE"
    SANDBOX = "SANDBOX"
    MOCK = "MOCK"
    NOT_CONFIGURED = "NOT_CONFIGURED"

    @property
    def data_source(self) -> DataSource:
        return _SOURCES[self]

    @property
    def disposition_flag(self) -> str:
        """Header/DispositionFlag of the files sent in this mode."""
        return "PRODUCTION" if self is DhaMode.LIVE else "TEST"

    @property
    def simulated(self) -> bool:
        return self is DhaMode.MOCK

    @property
    def needs_credentials(self) -> bool:
        return self in (DhaMode.LIVE, DhaMode.SANDBOX)

    @classmethod
    def parse(cls, value: str | None) -> DhaMode:
        try:
            return cls((value or "").strip().upper())
        except ValueError:
            return cls.NOT_CONFIGURED


_SOURCES = {
    DhaMode.LIVE: DataSource.DHA_LIVE,
    DhaMode.SANDBOX: DataSource.DHA_SANDBOX,
    DhaMode.MOCK: DataSource.MOCK_DATA,
    DhaMode.NOT_CONFIGURED: DataSource.NOT_CONFIGURED,
}

FALLBACK_SOURCE = DataSource.CACHED_DB
