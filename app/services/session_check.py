"""The login-session check every service call makes, inside the call's own transaction.

A user's actor carries the id of its login session. The check is one scalar subquery,
:data:`STATE_SQL`: it answers 'OK', the stored end reason (LOGOUT, IDLE_LOCK, REVOKED,
APP_EXIT), EXPIRED (past ``expires_at`` on the database clock), USER_DISABLED,
ACCOUNT_CHANGED (role or hospital no longer what the actor says) or NULL (no such session for
this user). Hot paths fold it into a statement they make anyway (the copay quote, the row
lock of collect/waive/defer); every other call runs it as the first statement of its unit of
work (one round trip). Either way it sees every revoke committed before the call's statement.

System actors (the background scheduler, admin commands) have no session and are exempt by
their type (:class:`app.services.context.SystemActor`), which nothing a desk user does can
produce: it is not a field a caller sets on an ordinary Actor.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.errors import SessionEnded
from app.domain.sessions import MESSAGES, SessionRefusal, refusal_for
from app.services.context import Actor, SystemActor

STATE_SQL = """(SELECT CASE
            WHEN ls.ended_at IS NOT NULL THEN COALESCE(ls.end_reason, 'REVOKED')
            WHEN ls.expires_at <= now() THEN 'EXPIRED'
            WHEN NOT u.is_active THEN 'USER_DISABLED'
            WHEN u.hospital_id <> :session_hospital_id OR u.role <> :session_role
                THEN 'ACCOUNT_CHANGED'
            ELSE 'OK' END
       FROM login_sessions ls JOIN users u ON u.id = ls.user_id
      WHERE ls.id = :session_id AND ls.user_id = :session_user_id)"""

_CHECK = sa.text(f"SELECT {STATE_SQL} AS session_state")


def is_exempt(actor: Actor) -> bool:
    return isinstance(actor, SystemActor)


def params(actor: Actor) -> dict[str, Any]:
    """The bind parameters of :data:`STATE_SQL` for ``actor``. A missing or malformed
    session id matches no row (NULL: NO_SESSION) instead of failing in the driver."""
    try:
        sid: uuid.UUID | None = uuid.UUID(str(actor.session_id)) if actor.session_id else None
    except ValueError:
        sid = None
    return {"session_id": sid, "session_user_id": actor.user_id,
            "session_hospital_id": actor.hospital_id,
            "session_role": getattr(actor.role, "value", actor.role)}


def refuse_unless_ok(state: str | None) -> None:
    """Raise SessionEnded (with its reason) unless the state is 'OK'."""
    refusal = refusal_for(state)
    if refusal is not None:
        raise SessionEnded(MESSAGES[refusal], reason=refusal.value)


def check(session: Session, actor: Actor) -> None:
    """The check as a statement of its own (one round trip) in ``session``'s transaction."""
    if is_exempt(actor):
        return
    if actor.user_id is None or actor.session_id is None:
        raise SessionEnded(MESSAGES[SessionRefusal.NO_SESSION],
                           reason=SessionRefusal.NO_SESSION.value)
    refuse_unless_ok(session.execute(_CHECK, params(actor)).scalar_one_or_none())
