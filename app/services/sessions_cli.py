"""`python -m app sessions --hospital CODE [--revoke SESSION_ID]`: list a hospital's open
login sessions, or end one, from the server.

Runs as the SYSTEM actor of that hospital (an administrator at the server, with the database
credentials, asked for it), through the same AuthService calls as the desk: the revoke is
logged in the activity log and NOTIFYs the workstation holding the session, which returns to
sign-in within seconds.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db.models import Hospital
from app.domain.errors import NotFound
from app.domain.messages import messages
from app.services.auth import AuthService
from app.services.context import Actor
from app.services.unit_of_work import UowFactory

M = messages(__name__)


def _system(uow_factory: UowFactory, hospital_code: str) -> Actor:
    with uow_factory() as uow:
        hospital_id = uow.session.scalar(
            sa.select(Hospital.id).where(Hospital.code == hospital_code))
    if hospital_id is None:
        raise NotFound(M("no_hospital_code", "There is no hospital with code {hospital_code}.",
                         hospital_code=repr(hospital_code)))
    return Actor.system(hospital_id, "cli")


def sessions_text(uow_factory: UowFactory, hospital_code: str) -> str:
    actor = _system(uow_factory, hospital_code)
    rows = AuthService(uow_factory).open_sessions(actor)
    if not rows:
        return "No open sessions."
    lines = [f"{'session id':<36}  {'user':<20} {'role':<15} {'workstation':<16} "
             f"{'signed in (UTC)':<16} {'expires (UTC)':<16}"]
    for r in rows:
        lines.append(f"{r.session_id!s:<36}  {r.username:<20} {r.role.value:<15} "
                     f"{r.workstation[:16]:<16} {r.started_at:%Y-%m-%d %H:%M} "
                     f"{r.expires_at:%Y-%m-%d %H:%M}")
    return "\n".join(lines)


def revoke(uow_factory: UowFactory, hospital_code: str, session_id: str) -> str:
    AuthService(uow_factory).revoke(_system(uow_factory, hospital_code), session_id)
    return f"session {session_id} ended; its workstation returns to sign-in."
