"""Typed errors of the OpenDental client; each message is a sentence an administrator can act on.

All derive from :class:`OpenDentalError`, itself an ``IntegrationError`` so the UI's generic
error mapping shows the message. ``status_code`` is the HTTP status (None when there was no
answer) and ``server_text`` the body the server sent, unchanged (OpenDental explains failures
in plain text such as ``Claim not found.``).
"""

from __future__ import annotations

from app.domain.errors import IntegrationError


class OpenDentalError(IntegrationError):
    code = "OPENDENTAL"

    def __init__(self, message: str, *, status_code: int | None = None,
                 server_text: str | None = None, **details: object) -> None:
        super().__init__(message, status_code=status_code, server_text=server_text, **details)
        self.status_code = status_code
        self.server_text = server_text


class AuthError(OpenDentalError):
    """401/403. ``key`` says which key the server rejected: 'developer', 'customer' or None
    when its answer does not say (then both must be checked)."""

    code = "OPENDENTAL_AUTH"

    def __init__(self, message: str, *, key: str | None = None, **kw: object) -> None:
        super().__init__(message, key=key, **kw)
        self.key = key


class NotFound(OpenDentalError):
    code = "OPENDENTAL_NOT_FOUND"


class BadRequest(OpenDentalError):
    code = "OPENDENTAL_BAD_REQUEST"


class RateLimited(OpenDentalError):
    """429 answered more often than the retry budget allows. ``retry_after`` in seconds."""

    code = "OPENDENTAL_RATE_LIMITED"

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: object) -> None:
        super().__init__(message, retry_after=retry_after, **kw)
        self.retry_after = retry_after


class ServerError(OpenDentalError):
    code = "OPENDENTAL_SERVER"


class Timeout(OpenDentalError):
    code = "OPENDENTAL_TIMEOUT"


class ConnectionFailed(OpenDentalError):
    """No HTTP answer at all: refused, DNS, TLS. (Not in the contract's list; a subclass of
    the base, so code catching OpenDentalError is unaffected.)"""

    code = "OPENDENTAL_CONNECTION"


class MalformedResponse(OpenDentalError):
    """The server answered 2xx with something the wire models refuse. ``field`` names the
    offending field (``Appointment.AptDateTime``) when one is to blame."""

    code = "OPENDENTAL_MALFORMED"

    def __init__(self, message: str, *, field: str | None = None, **kw: object) -> None:
        super().__init__(message, field=field, **kw)
        self.field = field


class ReadBackMismatch(OpenDentalError):
    """A write was acknowledged but reading the object back shows a different value.
    ``mismatches`` maps wire field -> (sent, read back)."""

    code = "OPENDENTAL_READ_BACK"

    def __init__(self, message: str, *, mismatches: dict[str, tuple[object, object]],
                 **kw: object) -> None:
        super().__init__(message, mismatches=mismatches, **kw)
        self.mismatches = mismatches


class PageShifted(OpenDentalError):
    """A list kept changing under a paged read, beyond the restarts the client allows."""

    code = "OPENDENTAL_PAGE_SHIFTED"
