"""The time, injected: services ask a Clock, so tests can fix "now" and "today"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def fixed_clock(at: dt.datetime) -> Clock:
    return lambda: at


def local_today(clock: Clock, tz: str) -> dt.date:
    """The calendar day at the hospital (Asia/Dubai), whatever the workstation's own zone."""
    return clock().astimezone(ZoneInfo(tz)).date()
