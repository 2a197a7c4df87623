"""The shared database's password from the keyring, .pgpass or a pg_service file: the URL
handling adds the keyring's password only when the URL has none and names no service, and
leaves libpq to read PGPASSFILE / PGSERVICEFILE itself (the server here trusts loopback, so
the tests look at the password libpq chose, ``conn.info.password``)."""

from __future__ import annotations

import keyring
import pytest
import sqlalchemy as sa

from app.bootstrap import resolve_url
from app.config import load_settings
from app.db.secrets import KEYRING_SERVICE, with_keyring_password
from app.db.session import make_engine


def _libpq_password(url: str) -> tuple[str | None, str]:
    engine = make_engine(url, pool_size=1)
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            return raw.info.password or None, conn.execute(
                sa.text("SELECT current_database()")).scalar_one()
    finally:
        engine.dispose()


def test_keyring_password_is_used_when_the_url_has_none(memory_keyring, fresh_db_url,
                                                        tmp_path):
    keyring.set_password(KEYRING_SERVICE, "postgres", "from-the-keyring")
    settings = load_settings({"DATABASE_URL": fresh_db_url},
                             config_file=tmp_path / "none.toml")
    url = resolve_url(settings)
    assert sa.engine.make_url(url).password == "from-the-keyring"
    assert _libpq_password(url)[0] == "from-the-keyring"
    # Shown anywhere, it is masked.
    assert "from-the-keyring" not in make_engine(url).url.render_as_string(hide_password=True)


@pytest.mark.parametrize("url", [
    "postgresql://clinicdesk_app:in-the-url@db.example:5432/clinic",  # given: kept
    "postgresql:///?service=clinic",                                  # libpq's service file
    "postgresql://clinicdesk_app@db.example/clinic?service=clinic",   # service wins
    "postgresql://db.example/clinic",                                 # no user: libpq's
])
def test_url_is_left_alone_when_it_has_a_password_or_a_service(memory_keyring, url):
    keyring.set_password(KEYRING_SERVICE, "clinicdesk_app", "from-the-keyring")
    assert with_keyring_password(url) == url


def test_no_keyring_entry_or_no_keyring_leaves_the_url(memory_keyring):
    url = "postgresql://clinicdesk_app@db.example/clinic"
    assert with_keyring_password(url) == url
    from tests.integrations.dha_helpers import BrokenKeyring

    keyring.set_keyring(BrokenKeyring())
    assert with_keyring_password(url) == url


def test_pgpass_file_is_read_by_libpq(memory_keyring, fresh_db_url, tmp_path, monkeypatch):
    name = fresh_db_url.rsplit("/", 1)[1]
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:5432:{name}:postgres:from-pgpass\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    url = resolve_url(load_settings({"DATABASE_URL": fresh_db_url},
                                    config_file=tmp_path / "none.toml"))
    assert url == fresh_db_url
    assert _libpq_password(url) == ("from-pgpass", name)


def test_service_file_is_read_by_libpq(memory_keyring, fresh_db_url, tmp_path, monkeypatch):
    name = fresh_db_url.rsplit("/", 1)[1]
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[clinic]\nhost=127.0.0.1\nport=5432\ndbname={name}\n"
                        "user=postgres\npassword=from-service\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.delenv("PGPASSFILE", raising=False)
    keyring.set_password(KEYRING_SERVICE, "postgres", "from-the-keyring")
    url = resolve_url(load_settings({"DATABASE_URL": "postgresql:///?service=clinic"},
                                    config_file=tmp_path / "none.toml"))
    assert _libpq_password(url) == ("from-service", name)
