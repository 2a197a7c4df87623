"""Who is calling: the signed-in user, their role and hospital, the workstation and the login
session (checked by every service call: app/services/session_check.py)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import Role
from app.domain.roles import Permission, require


@dataclass(frozen=True)
class Actor:
    user_id: int | None  # None for the background thread (SYSTEM)
    hospital_id: int
    role: Role
    username: str = "system"
    full_name: str = "System"
    workstation: str | None = None
    session_id: str | None = None

    def require(self, permission: Permission) -> None:
        require(self.role, permission)

    @classmethod
    def system(cls, hospital_id: int, workstation: str | None = None) -> SystemActor:
        return SystemActor(None, hospital_id, Role.SUPER_ADMIN, "system", "System", workstation)


@dataclass(frozen=True)
class SystemActor(Actor):
    """The background thread and the admin commands run at the server: no user, no login
    session. Exempt from the session check by this type; desk users only ever hold the
    Actor that sign-in returns."""
