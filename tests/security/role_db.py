"""The ``role_db`` fixture, imported by the test modules that use it (so tests/security needs
no conftest.py of mine; other branches add tests here too): a fresh database (a copy of the
demo template) handed to least-privilege roles by ``db create-roles``' own code, and a
superuser engine on it.

Roles are cluster-wide, so each test gets role names of its own (``cdt_owner_<hex>``,
``cdt_app_<hex>``); the database is dropped first and the roles after it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
import sqlalchemy as sa

from app.db.roles import create_roles
from app.db.session import make_engine


@dataclass
class RoleDb:
    admin_url: str   # the superuser, on this database
    app_url: str     # the desks' role
    owner_url: str   # the owner (migrations)
    owner: str
    app: str
    admin: sa.Engine
    app_engine: sa.Engine


def refused(url: str, sql: str) -> str:
    """Run ``sql`` as the role of ``url``; return the error PostgreSQL gave (fails if none)."""
    with psycopg.connect(url) as conn:
        try:
            conn.execute(sql)
        except psycopg.Error as exc:
            return str(exc).splitlines()[0]
    raise AssertionError(f"{sql!r} was allowed")


def _as(url: str, role: str) -> str:
    scheme, rest = url.split("://", 1)
    hostpart = rest.split("@", 1)[-1]
    return f"{scheme}://{role}@{hostpart}"


@pytest.fixture(name="role_db")
def role_db_fixture(fresh_db_url: str, pg_admin_url: str) -> Iterator[RoleDb]:
    tag = uuid.uuid4().hex[:8]
    owner, app = f"cdt_owner_{tag}", f"cdt_app_{tag}"
    admin = make_engine(fresh_db_url, pool_size=1)
    create_roles(admin, owner=owner, app=app, owner_password=f"pw-{tag}-owner",
                 app_password=f"pw-{tag}-app")
    app_url = _as(fresh_db_url, app)
    app_engine = make_engine(app_url, pool_size=2)
    try:
        yield RoleDb(fresh_db_url, app_url, _as(fresh_db_url, owner), owner, app, admin,
                     app_engine)
    finally:
        app_engine.dispose()
        admin.dispose()
        name = fresh_db_url.rsplit("/", 1)[1].split("?")[0]
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (app, owner):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')
