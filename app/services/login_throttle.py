"""How sign-in slows down guessing without letting anyone lock an account out for good.

After ``free_attempts`` wrong passwords in a row for a username, each further attempt must
wait: 30 s, then 1, 2, 4, 8 minutes... doubling up to ``cap`` (15 minutes by default). An
attempt made during the wait is refused without even checking the password (so it cannot be
used to guess) and does not lengthen the wait. Once the wait is over the right password is
let through and the count starts again. So an attacker gets about 100 guesses a day at
most, while the administrator, whatever anyone types at their username, is never more than
``cap`` away from signing in.

The counters of real accounts live in the database (``users.failed_login_count`` and
``users.locked_until``, shared by every workstation). Usernames that do not exist get the
same messages and the same delays from :class:`UnknownUsers`, counted in this process, so
the answers do not tell which usernames are real.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections import OrderedDict
from typing import NoReturn

from app.domain.errors import AccountLocked, AuthenticationFailed
from app.domain.messages import Msg, messages
from app.services.passwords import hash_password, verify_password

USERNAME_MAX = 80  # users.username is VARCHAR(80)
WORKSTATION_MAX = 120  # login_sessions.workstation is VARCHAR(120)
PASSWORD_MAX = 256  # more is not a password; it only makes the hash cost more
FIRST_DELAY = dt.timedelta(seconds=30)

M = messages(__name__)
_WRONG = M("wrong", "Wrong username or password.")


class LoginThrottle:
    """The delay policy: how long to wait after the n-th wrong password in a row."""

    def __init__(self, free_attempts: int, cap: dt.timedelta) -> None:
        self.free_attempts = max(1, free_attempts)
        self.cap = max(cap, FIRST_DELAY)

    def delay_after(self, failures: int) -> dt.timedelta:
        """Zero until ``free_attempts`` failures, then 30 s doubling per failure up to the cap."""
        beyond = failures - self.free_attempts
        if beyond < 0:
            return dt.timedelta(0)
        if beyond > 20:  # 30 s * 2^20 is far past any cap; don't build huge numbers
            return self.cap
        return min(FIRST_DELAY * (2 ** beyond), self.cap)

    def failure(self, delay: dt.timedelta) -> AuthenticationFailed:
        """The error for a wrong password (or an unknown username) that starts ``delay``."""
        if not delay:
            return AuthenticationFailed(_WRONG)
        return AccountLocked(M("wrong_wait", "Wrong username or password. After too many wrong "
                               "attempts, wait {duration} before trying again.",
                               duration=_duration(delay)))

    @staticmethod
    def wait_message(left: dt.timedelta) -> Msg:
        return M("locked_wait", "Too many wrong attempts for this username: wait {duration} "
                 "before trying again. An administrator can also reset the password.",
                 duration=_duration(left))


def _duration(delta: dt.timedelta) -> Msg:
    seconds = max(1, int(delta.total_seconds() + 0.999))
    if seconds < 90:
        return M("seconds", "{n} seconds", n=seconds)
    minutes = (seconds + 59) // 60
    return M("minutes", "{n} minutes", n=minutes)


class UnknownUsers:
    """Wrong-attempt counters for usernames that have no account, kept in memory (bounded),
    so that an unknown username is answered exactly like a known one with a wrong password."""

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._seen: OrderedDict[str, tuple[int, dt.datetime | None]] = OrderedDict()
        self._lock = threading.Lock()

    def attempt(self, username: str, password: str, now: dt.datetime,
                throttle: LoginThrottle) -> NoReturn:
        with self._lock:
            failures, until = self._seen.get(username, (0, None))
        if until is not None and until > now:
            raise AccountLocked(throttle.wait_message(until - now))
        # Same cost as checking a real password: no timing difference to probe.
        verify_password(_dummy_hash(), password)
        failures += 1
        delay = throttle.delay_after(failures)
        with self._lock:
            self._seen[username] = (failures, now + delay if delay else None)
            self._seen.move_to_end(username)
            while len(self._seen) > self._size:
                self._seen.popitem(last=False)
        raise throttle.failure(delay)


@functools.cache
def _dummy_hash() -> str:
    return hash_password("not-a-real-password")
