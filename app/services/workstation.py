"""This workstation's name and IP address, for the audit and activity rows it writes.

The name is the one the desk signed in with (``CLINICDESK_WORKSTATION``, default the host
name); a caller without one (a background job started without settings) gets the host name.
The IP address is the machine's own address on the network it routes through, found once by
"connecting" a UDP socket (no packet is sent); when the machine has no route at all the
database's view of the connection (``inet_client_addr()``) is used, and when even that is
unknown (a Unix socket) the column stays empty.
"""

from __future__ import annotations

import functools
import ipaddress
import socket

import sqlalchemy as sa


@functools.cache
def workstation_name() -> str:
    return socket.gethostname() or "unknown"


@functools.cache
def workstation_ip() -> str | None:
    for target, family in (("10.255.255.255", socket.AF_INET), ("fd00::1", socket.AF_INET6)):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as sock:
                sock.connect((target, 1))  # UDP: picks the route, sends nothing
                address = sock.getsockname()[0]
        except OSError:
            continue
        if not ipaddress.ip_address(address).is_unspecified:
            return address
    return None


def ip_address_sql() -> sa.ColumnElement[str]:
    """The value of an audit row's ip_address: this machine's address, else the server's
    view of the connection (NULL over a Unix socket)."""
    return sa.func.coalesce(sa.literal(workstation_ip(), sa.String),
                            sa.func.host(sa.func.inet_client_addr()))
