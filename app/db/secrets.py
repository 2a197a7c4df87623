"""Where the shared database's password comes from, so none has to sit in DATABASE_URL.

In order, the first that applies wins:

1. a password written in DATABASE_URL (still works; the config file then holds a secret);
2. the operating system's keyring: service ``ClinicDesk-Database``, user = the role name in
   DATABASE_URL (``keyring set ClinicDesk-Database clinicdesk_app``), used when the URL
   names a user but no password and does not name a ``service``;
3. libpq's own files, untouched by this module: ``~/.pgpass`` (or ``PGPASSFILE``) and
   ``pg_service.conf`` (``PGSERVICEFILE``; ``DATABASE_URL=postgresql:///?service=clinic``).
   The URL's query parameters go to libpq as they are, and no password is added, so libpq
   looks these up itself.

The password is put into the URL object the engine is built from; it is never logged: every
place that shows the URL renders it with ``hide_password=True``.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url

from app.integrations import keyring_store

__all__ = ["KEYRING_SERVICE", "with_keyring_password"]

KEYRING_SERVICE = "ClinicDesk-Database"


def with_keyring_password(url: str) -> str:
    """``url`` with the keyring's password for its user filled in, when the rules above say
    so; otherwise ``url`` unchanged (byte for byte)."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - an invalid URL is reported where the engine is made
        return url
    if parsed.password or not parsed.username or "service" in parsed.query:
        return url
    secret = keyring_store.read(KEYRING_SERVICE, parsed.username,
                                what="the database password")
    if not secret:
        return url
    return parsed.set(password=secret).render_as_string(hide_password=False)
