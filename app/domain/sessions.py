"""Login-session rules: why a session no longer works, and the bounds of its timers.

Pure: the service layer (app/services/session_check.py) asks the database which of these
applies; the UI clamps its idle timer with :func:`clamp_idle_minutes`.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.enums import SessionEndReason
from app.domain.messages import messages

M = messages(__name__)

# Idle lock (minutes without keyboard or mouse input before the desk locks). 0 is not "off":
# a front desk left open is the risk the lock exists for. The upper bound is the longest
# session lifetime, beyond which the lock could never fire before the session expires.
IDLE_LOCK_MIN_MINUTES = 1
IDLE_LOCK_MAX_MINUTES = 720
IDLE_LOCK_DEFAULT_MINUTES = 10

# Absolute session lifetime: however active the desk, a sign-in stops working after this.
SESSION_MIN_HOURS = 1
SESSION_MAX_HOURS = 24
SESSION_DEFAULT_HOURS = 12


class SessionRefusal(StrEnum):
    """Why a service call was refused for the caller's session."""

    SIGNED_OUT = "SIGNED_OUT"
    IDLE_LOCKED = "IDLE_LOCKED"
    REVOKED = "REVOKED"
    EXPIRED = "EXPIRED"
    USER_DISABLED = "USER_DISABLED"
    ACCOUNT_CHANGED = "ACCOUNT_CHANGED"  # role or hospital changed since sign-in
    NO_SESSION = "NO_SESSION"  # no such session for this user (or none at all)


_BY_END_REASON = {
    SessionEndReason.LOGOUT: SessionRefusal.SIGNED_OUT,
    SessionEndReason.APP_EXIT: SessionRefusal.SIGNED_OUT,
    SessionEndReason.IDLE_LOCK: SessionRefusal.IDLE_LOCKED,
    SessionEndReason.REVOKED: SessionRefusal.REVOKED,
}

MESSAGES = {
    SessionRefusal.SIGNED_OUT: M("signed_out", "You were signed out. Sign in again to continue; "
                                 "nothing was saved from the last action."),
    SessionRefusal.IDLE_LOCKED: M("idle_locked", "This desk was locked after being idle. Sign in "
                                  "again to continue; nothing was saved from the last action."),
    SessionRefusal.REVOKED: M("revoked", "An administrator ended your session. Sign in again to "
                              "continue; nothing was saved from the last action."),
    SessionRefusal.EXPIRED: M("expired", "Your session has reached its maximum length. Sign in "
                              "again to continue; nothing was saved from the last action."),
    SessionRefusal.USER_DISABLED: M("user_disabled", "Your account has been disabled. Ask an "
                                    "administrator; nothing was saved from the last action."),
    SessionRefusal.ACCOUNT_CHANGED: M("account_changed", "Your account was changed by an "
                                      "administrator (role or hospital). Sign in again; nothing "
                                      "was saved from the last action."),
    SessionRefusal.NO_SESSION: M("no_session", "You are not signed in. Sign in to continue; "
                                 "nothing was saved from the last action."),
}
"""What the desk reads when a call was refused (messages: the UI renders them)."""


def refusal_for(state: str | None) -> SessionRefusal | None:
    """The refusal for the session state the check query returns (None: the session works).

    ``state`` is 'OK', a stored end reason (LOGOUT, IDLE_LOCK, ...), one of the refusals the
    query computes (EXPIRED, USER_DISABLED, ACCOUNT_CHANGED), or None when no row matched."""
    if state == "OK":
        return None
    if state is None:
        return SessionRefusal.NO_SESSION
    if state in SessionEndReason.__members__:
        return _BY_END_REASON[SessionEndReason(state)]
    return SessionRefusal(state)


def clamp_idle_minutes(minutes: object) -> int:
    """Any configured value (env, config file, a hand-edited database) as a usable timer:
    whole minutes within the bounds; nonsense falls back to the default."""
    try:
        value = int(minutes)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return IDLE_LOCK_DEFAULT_MINUTES
    return max(IDLE_LOCK_MIN_MINUTES, min(IDLE_LOCK_MAX_MINUTES, value))


def clamp_session_hours(hours: object) -> int:
    try:
        value = int(hours)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return SESSION_DEFAULT_HOURS
    return max(SESSION_MIN_HOURS, min(SESSION_MAX_HOURS, value))
