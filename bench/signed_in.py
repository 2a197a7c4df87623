"""A bench actor with a real login session: every service call checks the caller's session
(app/services/session_check.py), so a bench calls as a signed-in user, as a desk does."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import LoginSession, User
from app.services.context import Actor


def signed_in_actor(engine: sa.Engine, user_id: int, workstation: str = "bench", *,
                    username: str | None = None, full_name: str | None = None) -> Actor:
    """Open (commit) a login session for ``user_id`` and return its actor."""
    with Session(engine) as s:
        user = s.get(User, user_id)
        assert user is not None, f"no user {user_id} in the bench database"
        login = LoginSession(user_id=user.id, workstation=workstation, app_version="bench",
                             expires_at=sa.func.now() + dt.timedelta(hours=12))
        s.add(login)
        s.commit()
        return Actor(user.id, user.hospital_id, user.role, username or user.username,
                     full_name or user.full_name, workstation, str(login.id))
