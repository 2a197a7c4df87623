"""Sign-in against guessing: the same answers for unknown usernames and wrong passwords, a
wait that doubles after repeated failures, and no way to lock an administrator out for good.

The clock is injected (app/services/clock.py) and moved by hand, so the waits are exact.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

import pytest

from app.domain.enums import Role
from app.domain.errors import AccountLocked, AuthenticationFailed, ValidationError
from app.services.auth import AuthService
from app.services.login_throttle import LoginThrottle
from tests import factories as f

START = dt.datetime(2026, 11, 21, 8, 0, tzinfo=dt.UTC)


class MovingClock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at

    def advance(self, **kw: float) -> None:
        self.at += dt.timedelta(**kw)


@pytest.fixture
def clock() -> MovingClock:
    return MovingClock(START)


@pytest.fixture
def auth(session, uow, clock):
    h = f.hospital(session)
    f.user(session, h, Role.HOSPITAL_ADMIN, username="clinic.admin", password="right-password")
    session.commit()
    return AuthService(uow, clock, lockout_attempts=5, lockout_minutes=15)


def _answer(auth: AuthService, username: str, password: str) -> tuple[str, str]:
    with pytest.raises(AuthenticationFailed) as err:
        auth.login(username, password, "desk-1")
    return type(err.value).__name__, err.value.message


def test_delay_policy_doubles_from_thirty_seconds_up_to_the_cap():
    t = LoginThrottle(5, dt.timedelta(minutes=15))
    assert [t.delay_after(n).total_seconds() for n in range(1, 13)] == [
        0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]
    assert t.delay_after(10_000) == dt.timedelta(minutes=15)


def test_an_unknown_username_is_answered_exactly_like_a_wrong_password(auth, clock):
    """Same message, same exception, same waits, attempt after attempt: the answers do not
    tell an attacker which usernames exist."""
    real, ghost = [], []
    for _ in range(7):
        real.append(_answer(auth, "clinic.admin", "guess"))
        ghost.append(_answer(auth, "nobody-here", "guess"))
        real.append(_answer(auth, "clinic.admin", "guess"))  # inside the wait, if one started
        ghost.append(_answer(auth, "nobody-here", "guess"))
        clock.advance(minutes=20)  # past any wait
    assert real == ghost
    assert ("AuthenticationFailed", "Wrong username or password.") in real
    assert any("wait 30 seconds" in m for _, m in real)


def test_an_unknown_username_costs_as_much_as_a_wrong_password(auth):
    """Both hash a password (argon2), so timing does not tell them apart either."""
    def cost(username: str) -> float:
        samples = []
        for _ in range(3):
            t0 = time.perf_counter()
            with pytest.raises(AuthenticationFailed):
                auth.login(username, "guess", "desk-1")
            samples.append(time.perf_counter() - t0)
        return statistics.median(samples)

    known, unknown = cost("clinic.admin"), cost("nobody-here")
    assert 1 / 3 < unknown / known < 3, (known, unknown)


def test_waits_double_and_the_right_password_gets_in_once_the_wait_is_over(auth, clock):
    for _ in range(4):
        assert _answer(auth, "clinic.admin", "guess") == ("AuthenticationFailed",
                                                   "Wrong username or password.")
    kind, msg = _answer(auth, "clinic.admin", "guess")  # the 5th: a 30 s wait starts
    assert kind == "AccountLocked" and "wait 30 seconds" in msg

    # Inside the wait: refused without checking, even the right password; the wait does
    # not grow with these attempts.
    clock.advance(seconds=10)
    for password in ("guess", "right-password"):
        kind, msg = _answer(auth, "clinic.admin", password)
        assert kind == "AccountLocked" and "wait 20 seconds" in msg

    clock.advance(seconds=21)  # the wait is over; a 6th wrong password doubles it
    assert "wait 60 seconds" in _answer(auth, "clinic.admin", "guess")[1]
    clock.advance(seconds=61)
    assert "wait 2 minutes" in _answer(auth, "clinic.admin", "guess")[1]

    clock.advance(minutes=2, seconds=1)
    signed = auth.login("clinic.admin", "right-password", "desk-1")
    assert signed.actor.username == "clinic.admin"
    # The count starts again: four more wrong passwords cost no wait.
    for _ in range(4):
        assert _answer(auth, "clinic.admin", "guess")[0] == "AuthenticationFailed"


def test_nobody_can_lock_the_administrator_out_for_good(auth, clock):
    """An attacker typing wrong passwords at "clinic.admin" as fast as allowed, for hours: the
    administrator waits at most 15 minutes, then the right password works."""
    for _ in range(25):
        with pytest.raises(AuthenticationFailed):
            auth.login("clinic.admin", "guess", "attacker-pc")
        clock.advance(minutes=15, seconds=1)  # every wait is over: the attacker tries again
    with pytest.raises(AuthenticationFailed):
        auth.login("clinic.admin", "guess", "attacker-pc")  # and starts a fresh (capped) wait
    with pytest.raises(AccountLocked, match="wait 15 minutes"):
        auth.login("clinic.admin", "right-password", "admin-pc")
    clock.advance(minutes=15, seconds=1)
    assert auth.login("clinic.admin", "right-password", "admin-pc").actor.role is Role.HOSPITAL_ADMIN


@pytest.mark.parametrize("username, password", [
    ("admin\x00", "x"), ("a" * 10_000, "x"), ("clinic.admin", "p" * 100_000), (None, "x"),
    ("clinic.admin", None), ("clinic.admin", 12345),
])
def test_hostile_sign_in_input_is_a_validation_error(auth, username, password):
    with pytest.raises(ValidationError):
        auth.login(username, password, "desk-1")
