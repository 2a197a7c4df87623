"""Fixtures for the security tests.

- ``role_db``: a fresh database (a copy of the demo template) handed to least-privilege roles by
  ``db create-roles``' own code, and a superuser engine on it. Roles are cluster-wide, so each
  test gets role names of its own (``cdt_owner_<hex>``, ``cdt_app_<hex>``); the database is
  dropped first and the roles after it.
- ``desk``: every service wired as the app wires it (bootstrap), on the test's rolled-back
  connection, and one signed-in user per role in a hospital of its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
import sqlalchemy as sa

from app.db.base import Base
from app.db.models import LoginSession
from app.db.roles import create_roles
from app.db.session import make_engine
from app.domain.enums import Role, SessionEndReason
from app.services.context import Actor
from tests import factories as f

# The GUI fixtures for test_session_gui.py (a committed database per test, app contexts,
# QSettings in a temporary folder), shared with tests/ui.
from tests.ui.conftest import (  # noqa: F401
    _own_qsettings,
    _unfreeze_heap,
    ctx,
    gui_settings,
    second_ctx,
    sign_in,
)


@dataclass
class RoleDb:
    admin_url: str   # the superuser, on this database
    app_url: str     # the desks' role
    owner_url: str   # the owner (migrations)
    owner: str
    app: str
    admin: sa.Engine
    app_engine: sa.Engine


def _as(url: str, role: str) -> str:
    scheme, rest = url.split("://", 1)
    hostpart = rest.split("@", 1)[-1]
    return f"{scheme}://{role}@{hostpart}"


@pytest.fixture
def role_db(fresh_db_url: str, pg_admin_url: str) -> Iterator[RoleDb]:
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


@dataclass
class Desk:
    session: object
    hospital: object
    users: dict[Role, object]
    actors: dict[Role, Actor]
    services: object

    def end(self, actor: Actor, reason: SessionEndReason = SessionEndReason.LOGOUT) -> None:
        """End ``actor``'s login session in the database, as sign-out/lock/revoke do."""
        self.session.execute(sa.update(LoginSession)
                             .where(LoginSession.id == actor.session_id)
                             .values(ended_at=sa.func.now(), end_reason=reason))
        self.session.commit()


@pytest.fixture
def desk(session, uow, tmp_path, memory_keyring) -> Desk:
    from app import bootstrap
    from app.config import load_settings

    h = f.hospital(session)
    users = {role: f.user(session, h, role) for role in Role}
    actors = {role: f.actor(u) for role, u in users.items()}
    session.commit()
    settings = load_settings(env={"CLINICDESK_SYNC": "false"},
                             config_file=tmp_path / "none.toml")
    db = bootstrap.Database("", None, uow.session_factory, uow, False)  # type: ignore[arg-type]
    services = bootstrap.build_services(db, settings)
    yield Desk(session, h, users, actors, services)
    services.close()


def all_row_counts(session) -> dict[str, int]:
    """Rows in every table, in one statement: a refused call must leave all of them alone."""
    tables = Base.metadata.sorted_tables
    stmt = sa.select(*[sa.select(sa.func.count()).select_from(t).scalar_subquery().label(t.name)
                       for t in tables])
    session.expire_all()
    return dict(session.execute(stmt).one()._mapping)
