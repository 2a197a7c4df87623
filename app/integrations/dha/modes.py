"""How this hospital talks to DHA, and which data source each way of talking yields.

| mode            | talks to                                   | data source     | banner                       |
|-----------------|--------------------------------------------|-----------------|------------------------------|
| LIVE            | DHA eClaimLink production (PRODUCTION flag) | DHA_LIVE        | Verified via DHA eClaimLink  |
| SANDBOX         | a configured test endpoint (TEST flag)     | DHA_SANDBOX     | Test environment             |
| MOCK            | ClinicDesk's own loopback sandbox          | MOCK_DATA       | SIMULATED                    |
| NOT_CONFIGURED  | nobody                                     | NOT_CONFIGURED  | Manual verification required |

When DHA fails the answer comes from the database instead: ``FALLBACK_SOURCE`` (CACHED_DB).

The post-office login and password travel in the SOAP body, so an address that is not
``https://`` would send them in clear text: LIVE refuses it everywhere, SANDBOX accepts plain
``http://`` only on this computer (loopback), see :func:`endpoint_problem`.
"""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from urllib.parse import urlsplit

from app.domain.enums import DataSource
from app.domain.messages import Msg, messages

M = messages(__name__)


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


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint_problem(mode: DhaMode | str, endpoint: str | None) -> str | None:
    """:func:`endpoint_problem_msg` in English (the services and the CLI)."""
    problem = endpoint_problem_msg(mode, endpoint)
    return None if problem is None else str(problem)


def endpoint_problem_msg(mode: DhaMode | str, endpoint: str | None) -> Msg | None:
    """Why ``endpoint`` may not be used in ``mode`` (a sentence for the settings form), or None.

    Only LIVE and SANDBOX use the address (MOCK runs its own loopback sandbox). Both need an
    absolute http(s) address; LIVE needs ``https://`` because the credentials travel in the
    request body; SANDBOX may use ``http://`` on loopback (a local test server) only.
    """
    mode = mode if isinstance(mode, DhaMode) else DhaMode.parse(mode)
    if not mode.needs_credentials:
        return None
    text = (endpoint or "").strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        return M("enter_address", "Enter the DHA eClaimLink address (https://...) for this "
                 "mode, e.g. https://dhpo.eclaimlink.ae/ValidateTransactions.asmx.")
    if parts.scheme.lower() == "https":
        return None
    if mode is DhaMode.LIVE:
        return M("live_needs_https", "DHA production (LIVE) needs an https:// address: plain "
                 "http:// would send the DHA login and password unencrypted.")
    if not _is_loopback(host):
        return M("sandbox_needs_https", "The DHA test environment needs an https:// address "
                 "(plain http:// is accepted only for a test server on this computer, 127.0.0.1 "
                 "or localhost).")
    return None
