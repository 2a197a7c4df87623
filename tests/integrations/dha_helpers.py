"""Shared by the DHA tests: an in-memory keyring, a client factory for the loopback sandbox."""

from __future__ import annotations

import contextlib
import itertools
import ssl
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors

from app.integrations.dha.client import DhaClient
from app.integrations.dha.credentials import DhaCredentials
from app.integrations.dha.modes import DhaMode
from app.integrations.dha.sandbox import SandboxHandle, start_sandbox

_logins = itertools.count(1)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict: no OS store is touched by the tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


class BrokenKeyring(MemoryKeyring):
    """A machine with no usable password store."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.NoKeyringError("no backend")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")


def unique_credentials(password: str = "s3cret-Pa55") -> DhaCredentials:
    """Fresh login per test, so each test has its own sandbox mailbox."""
    n = next(_logins)
    return DhaCredentials(f"FAC{n:03d}", f"DHA-F-{n:07d}", f"login{n}", password)


def make_client(url: str, *, timeout: float = 5.0, mode: DhaMode = DhaMode.MOCK,
                credentials: DhaCredentials | None = None, **kw) -> DhaClient:
    return DhaClient(endpoint=url, credentials=credentials or unique_credentials(), mode=mode,
                     timeout=timeout, poll_interval=0.02, max_poll_interval=0.1, **kw)


def loopback_tls(folder) -> tuple[ssl.SSLContext, str]:
    """A self-signed certificate for 127.0.0.1 in ``folder``: (a server SSLContext for
    ``start_sandbox(tls=...)``, the path of the certificate for clients to trust, e.g. as
    REQUESTS_CA_BUNDLE). LIVE refuses plain http, so its tests talk https to the sandbox."""
    import datetime as dt
    import ipaddress
    from pathlib import Path

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder = Path(folder)
    cert_path, key_path = folder / "sandbox-cert.pem", folder / "sandbox-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert_path, key_path)
    return server, str(cert_path)


@contextlib.contextmanager
def https_sandbox(folder, **kw) -> Iterator[tuple[SandboxHandle, str]]:
    """The loopback sandbox speaking https: (handle, certificate path to trust)."""
    server_tls, ca_path = loopback_tls(folder)
    handle = start_sandbox(0, tls=server_tls, **kw)
    try:
        yield handle, ca_path
    finally:
        handle.stop()
