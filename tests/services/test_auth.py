"""Sign-in: sessions recorded, wrong passwords counted, lockout, sign-out and revocation."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, LoginSession
from app.domain.enums import Role, SessionEndReason
from app.domain.errors import (
    AccountLocked,
    AuthenticationFailed,
    PermissionDenied,
    SessionEnded,
    ValidationError,
)
from app.services.auth import AuthService
from app.services.clock import fixed_clock
from tests import factories as f

NOW = dt.datetime(2026, 11, 21, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def setup(session, uow):
    h = f.hospital(session)
    u = f.user(session, h, Role.RECEPTIONIST, username="amina", password="right-password")
    session.commit()
    return h, u, AuthService(uow, fixed_clock(NOW), lockout_attempts=3, lockout_minutes=15)


def test_login_records_an_open_session_and_activity(setup, session):
    h, u, auth = setup
    signed = auth.login("  Amina ", "right-password", "desk-1")
    assert signed.actor.user_id == u.id and signed.actor.role is Role.RECEPTIONIST
    assert signed.hospital_timezone == "Asia/Dubai"
    row = session.get(LoginSession, signed.session_id)
    assert row.workstation == "desk-1" and row.ended_at is None
    actions = session.scalars(sa.select(ActivityLog.action).where(ActivityLog.user_id == u.id)).all()
    assert "LOGIN" in actions


def test_wrong_passwords_slow_sign_in_down(setup, session):
    """The third wrong password in a row starts a 30-second wait (tests/security/
    test_sign_in.py follows the doubling and the cap with a moving clock)."""
    _, u, auth = setup
    for _ in range(2):
        with pytest.raises(AuthenticationFailed, match=r"^Wrong username or password\.$"):
            auth.login("amina", "nope", "desk-1")
    with pytest.raises(AccountLocked, match="wait 30 seconds"):
        auth.login("amina", "nope", "desk-1")
    # During the wait even the right password is refused (it is not checked at all).
    with pytest.raises(AccountLocked, match="wait 30 seconds"):
        auth.login("amina", "right-password", "desk-1")
    session.expire_all()
    assert session.get(type(u), u.id).locked_until == NOW + dt.timedelta(seconds=30)


def test_unknown_user_gets_the_same_message(setup):
    _, _, auth = setup
    with pytest.raises(AuthenticationFailed, match="Wrong username or password"):
        auth.login("nobody", "whatever", "desk-1")
    with pytest.raises(ValidationError):
        auth.login("", "", "desk-1")


def test_logout_ends_the_session_and_revocation_is_noticed(setup, session):
    h, _, auth = setup
    signed = auth.login("amina", "right-password", "desk-1")
    auth.check_session(signed.actor)
    auth.end_session(signed.actor, SessionEndReason.LOGOUT)
    session.expire_all()
    assert session.get(LoginSession, signed.session_id).end_reason is SessionEndReason.LOGOUT
    with pytest.raises(SessionEnded):
        auth.check_session(signed.actor)

    admin = f.user(session, h, Role.HOSPITAL_ADMIN, username="boss", password="boss-password")
    session.commit()
    other = auth.login("amina", "right-password", "desk-2")
    with pytest.raises(PermissionDenied, match="Hospital Admin"):
        auth.revoke(other.actor, other.session_id)
    auth.revoke(f.actor(admin), other.session_id)
    with pytest.raises(SessionEnded):
        auth.check_session(other.actor)


def test_create_user_validates(setup, session):
    h, _, auth = setup
    with pytest.raises(ValidationError, match="8 characters"):
        auth.create_user(h.code, "x", "X", Role.NURSE, "short")
    with pytest.raises(ValidationError, match="taken"):
        auth.create_user(h.code, "amina", "Amina", Role.NURSE, "long-enough-1")
    uid = auth.create_user(h.code, "nora", "Nora N", Role.NURSE, "long-enough-1")
    assert auth.login("nora", "long-enough-1", "d").actor.user_id == uid
