"""A real SMTP server on loopback (aiosmtpd) for the receipt-email and test-email tests.

``Inbox`` keeps what arrives and refuses recipients at ``@refused.example``; with ``auth=True``
the server requires a login as USER / PASSWORD (over plain SMTP: loopback only).
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

import pytest

USER, PASSWORD = "desk1", "s3cret-pass"
PLAIN_AUTH = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler that keeps what arrives; refuses recipients at @refused.example."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@refused.example"):
            return f"550 5.1.1 <{address}>: Recipient address rejected: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode()
          and auth_data.password == PASSWORD.encode())
    return AuthResult(success=ok, handled=False)


@contextlib.contextmanager
def running_smtp(*, auth: bool = False) -> Iterator[tuple[object, Inbox]]:
    """(controller, inbox) of a server listening on 127.0.0.1:controller.port."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    options = dict(authenticator=authenticator, auth_required=True,
                   auth_require_tls=False) if auth else {}
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()
