"""Sign-in, sign-out and the idle lock: login sessions recorded in the database.

Wrong passwords are counted per user. After ``lockout_attempts`` of them in a row each further
attempt must wait, twice as long each time, up to ``lockout_minutes`` (app/services/
login_throttle.py): guessing slows to a crawl, yet nobody can lock an administrator out for
good, because the right password is let through once the wait is over. Messages and delays
are the same for an unknown username as for a wrong password.

A session ends in the database on sign-out, idle lock, an administrator's revoke (which also
sends a NOTIFY so the desk returns to sign-in within seconds) and at ``expires_at`` (the
hospital's ``session_hours`` after sign-in). Every service call checks it
(app/services/session_check.py). Unlocking an idle-locked desk is a new sign-in: the locked
session stays ended, so an actor captured before the lock never works again.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from app import __version__
from app.db.models import Hospital, LoginSession, User
from app.db.rules import NOTIFY_CHANNEL
from app.domain.enums import Role, SessionEndReason
from app.domain.errors import (
    AccountLocked,
    NotFound,
    ValidationError,
)
from app.domain.messages import LANGUAGES, messages
from app.domain.roles import Permission
from app.domain.sessions import clamp_idle_minutes, clamp_session_hours
from app.domain.text import clean_text
from app.services import session_check
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.login_throttle import (
    PASSWORD_MAX,
    USERNAME_MAX,
    WORKSTATION_MAX,
    LoginThrottle,
    UnknownUsers,
)
from app.services.passwords import hash_password, verify_password
from app.services.unit_of_work import UowFactory

M = messages(__name__)


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    session_id: uuid.UUID
    hospital_name: str
    hospital_timezone: str
    # The hospital's idle-lock minutes (Settings), None when the hospital never set one
    # (the workstation's own config applies then); the UI clamps it (domain/sessions.py).
    idle_lock_minutes: int | None = None
    expires_at: dt.datetime | None = None
    language: str = "en"
    """The user's interface language ('en' or 'ar'), remembered from their last choice."""
    number_digits: str = "western"
    """The hospital's digits for an Arabic interface: 'western' or 'arabic-indic'."""


SESSION_ENDED_EVENT = "session_ended"
"""The ``event`` of the NOTIFY a revoke sends: {"event", "session_id", "reason"}."""


@dataclass(frozen=True)
class OpenSession:
    session_id: uuid.UUID
    username: str
    full_name: str
    role: Role
    workstation: str
    started_at: dt.datetime
    last_seen_at: dt.datetime
    expires_at: dt.datetime


class AuthService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock, *,
                 lockout_attempts: int = 5, lockout_minutes: int = 15) -> None:
        self._uow = uow
        self._clock = clock
        self._throttle = LoginThrottle(lockout_attempts, dt.timedelta(minutes=lockout_minutes))
        self._unknown = UnknownUsers()

    def login(self, username: str, password: str, workstation: str,
              language: str | None = None) -> SignedIn:
        """Sign in; ``language`` is the interface language picked in the sign-in window (None:
        keep the user's own), remembered for the user."""
        if language is not None and language not in LANGUAGES:
            raise ValidationError(M("unknown_language", "The interface language must be "
                                    "English or Arabic."))
        username = (clean_text(username, "The username", USERNAME_MAX) or "").lower()
        workstation = clean_text(workstation, "The workstation name", WORKSTATION_MAX) or ""
        if not isinstance(password, str) or not username or not password:
            raise ValidationError(M("enter_username_password", "Enter your username and password."))
        if len(password) > PASSWORD_MAX:
            raise ValidationError(M("password_most_characters",
                                    "A password has at most {limit} characters.",
                                    limit=PASSWORD_MAX))
        now = self._clock()
        with self._uow() as uow:
            s = uow.session
            user = s.scalars(
                sa.select(User).where(sa.func.lower(User.username) == username).with_for_update()
            ).one_or_none()
            if user is None or not user.is_active:
                # Same messages, same delays and the same cost as a wrong password for a real
                # account: nobody learns which usernames exist.
                self._unknown.attempt(username, password, now, self._throttle)
            if user.locked_until and user.locked_until > now:
                raise AccountLocked(self._throttle.wait_message(user.locked_until - now))
            if not verify_password(user.password_hash, password):
                user.failed_login_count += 1
                delay = self._throttle.delay_after(user.failed_login_count)
                actor = Actor(user.id, user.hospital_id, user.role, user.username,
                              user.full_name, workstation)
                uow.activity(actor, "LOGIN_FAILED", "user", user.id,
                             {"failed_count": user.failed_login_count,
                              "delay_seconds": int(delay.total_seconds())})
                if delay:
                    user.locked_until = now + delay
                    uow.activity(actor, "LOGIN_LOCKED_OUT", "user", user.id,
                                 {"until": user.locked_until})
                uow.commit()
                raise self._throttle.failure(delay)
            user.failed_login_count = 0
            user.locked_until = None
            user.last_login_at = now
            if language is not None and language != user.language:
                user.language = language
            hospital = s.get(Hospital, user.hospital_id)
            hospital_settings = hospital.settings or {}
            hours = clamp_session_hours(hospital_settings.get("session_hours", 12))
            # The database clock, as the session check compares with now() there.
            login = LoginSession(user_id=user.id, workstation=workstation,
                                 app_version=__version__,
                                 expires_at=sa.func.now() + dt.timedelta(hours=hours))
            s.add(login)
            s.flush()
            actor = Actor(user.id, user.hospital_id, user.role, user.username, user.full_name,
                          workstation, str(login.id))
            uow.activity(actor, "LOGIN", "login_session", login.id, {"session_hours": hours})
            uow.commit()
            idle = hospital_settings.get("idle_lock_minutes")
            digits = hospital_settings.get("number_digits", "western")
            return SignedIn(actor, login.id, hospital.name, hospital.timezone,
                            None if idle is None else clamp_idle_minutes(idle),
                            login.expires_at, user.language,
                            digits if digits in ("western", "arabic-indic") else "western")

    def end_session(self, actor: Actor, reason: SessionEndReason) -> None:
        """Sign-out, idle lock or exit: end the caller's own session (no session check: an
        already ended session simply stays ended)."""
        if session_check.is_exempt(actor) or not actor.session_id:
            return
        with self._uow() as uow:
            login = uow.session.get(LoginSession, session_check.params(actor)["session_id"],
                                    with_for_update=True)
            if login is None or login.ended_at is not None or login.user_id != actor.user_id:
                return
            login.ended_at = self._clock()
            login.end_reason = reason
            uow.activity(actor, f"SESSION_{reason.value}", "login_session", login.id, {})
            uow.commit()

    def unlock(self, actor: Actor, password: str) -> SignedIn:
        """After an idle lock: the same user signs in again on a new session."""
        return self.login(actor.username, password, actor.workstation or "")

    def check_session(self, actor: Actor) -> None:
        """SessionEnded (with its reason) unless the session still works; refreshes
        last_seen_at (the desk's heartbeat)."""
        with self._uow(actor) as uow:
            if actor.session_id:
                uow.session.execute(
                    sa.update(LoginSession)
                    .where(LoginSession.id == session_check.params(actor)["session_id"])
                    .values(last_seen_at=self._clock()))
            uow.commit()

    def revoke(self, actor: Actor, session_id: uuid.UUID | str) -> None:
        """An administrator ends a session of a user of their own hospital (a SUPER_ADMIN
        too: every desk account belongs to one hospital, and revoking elsewhere means
        signing in there). The desk holding it is told at once by NOTIFY."""
        actor.require(Permission.MANAGE_USERS)
        try:
            sid = uuid.UUID(str(session_id))
        except ValueError:
            raise ValidationError(M("not_session_id", "That is not a session id.")) from None
        with self._uow(actor) as uow:
            s = uow.session
            row = s.execute(
                sa.select(LoginSession, User.hospital_id)
                .join(User, User.id == LoginSession.user_id)
                .where(LoginSession.id == sid)
                .with_for_update(of=LoginSession)).one_or_none()
            if row is None or row.hospital_id != actor.hospital_id:
                # The same answer for another hospital's session as for none at all.
                raise NotFound(M("no_such_session_hospital",
                                 "There is no such session at this hospital."))
            login = row.LoginSession
            if login.ended_at is not None:
                return
            login.ended_at = self._clock()
            login.end_reason = SessionEndReason.REVOKED
            uow.activity(actor, "SESSION_REVOKED", "login_session", sid,
                         {"user_id": login.user_id, "workstation": login.workstation})
            # Delivered at commit, to every listening workstation; the one holding the
            # session goes back to sign-in (app/ui/app.py).
            s.execute(sa.select(sa.func.pg_notify(NOTIFY_CHANNEL, json.dumps({
                "event": SESSION_ENDED_EVENT, "session_id": str(sid),
                "reason": SessionEndReason.REVOKED.value}))))
            uow.commit()

    def open_sessions(self, actor: Actor) -> list[OpenSession]:
        """The sessions of this hospital that still work, newest first (for revoking)."""
        actor.require(Permission.MANAGE_USERS)
        with self._uow(actor, read_only=True) as uow:
            rows = uow.session.execute(
                sa.select(LoginSession.id, User.username, User.full_name, User.role,
                          LoginSession.workstation, LoginSession.started_at,
                          LoginSession.last_seen_at, LoginSession.expires_at)
                .join(User, User.id == LoginSession.user_id)
                .where(User.hospital_id == actor.hospital_id, LoginSession.ended_at.is_(None),
                       LoginSession.expires_at > sa.func.now())
                .order_by(LoginSession.started_at.desc())).all()
            return [OpenSession(*r) for r in rows]

    def create_user(self, hospital_code: str, username: str, full_name: str, role: Role,
                    password: str) -> int:
        """For `python -m app create-user` (an administrator at the server)."""
        username = (clean_text(username, "The username", USERNAME_MAX) or "").lower()
        full_name = clean_text(full_name, "The full name", 200) or ""
        if not isinstance(password, str) or len(password) > PASSWORD_MAX:
            raise ValidationError(M("password_must_text_most",
                                    "The password must be text of at most {limit} characters.",
                                    limit=PASSWORD_MAX))
        if len(password) < 8:
            raise ValidationError(M("password_must_least_characters",
                                    "The password must have at least 8 characters."))
        if not username or not full_name:
            raise ValidationError(M("username_full_name_required",
                                    "Username and full name are required."))
        with self._uow() as uow:
            s = uow.session
            hospital = s.scalars(sa.select(Hospital).where(Hospital.code == hospital_code)).first()
            if hospital is None:
                raise ValidationError(M("no_hospital_code",
                                        "There is no hospital with code {hospital_code}.",
                                        hospital_code=repr(hospital_code)))
            if s.scalar(sa.select(User.id).where(sa.func.lower(User.username) == username)):
                raise ValidationError(M("username_taken", "The username {username} is taken.",
                                        username=repr(username)))
            user = User(hospital_id=hospital.id, username=username, full_name=full_name,
                        role=role, password_hash=hash_password(password))
            s.add(user)
            s.flush()
            uow.activity(Actor.system(hospital.id), "USER_CREATED", "user", user.id,
                         {"username": username, "role": role.value})
            uow.commit()
            return user.id

