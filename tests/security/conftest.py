"""Fixtures for the security tests: every service wired as the app wires it (bootstrap), on
the test's rolled-back connection, and one signed-in user per role in a hospital of its own."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from app.db.base import Base
from app.db.models import LoginSession
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
