"""Free slots from working hours (app/domain/slots.py): the hospital's time zone whatever the
workstation's clock, the 15-minute rule for today, overlaps with what is booked."""

from __future__ import annotations

import datetime as dt
import os
import time
from zoneinfo import ZoneInfo

import pytest

from app.domain.errors import ValidationError
from app.domain.slots import LEAD, Session, day_slots, free_slots, hospital_today, is_free

DUBAI = ZoneInfo("Asia/Dubai")
DAY = dt.date(2026, 3, 10)  # a Tuesday
TUE = DAY.weekday()
MORNING = Session(TUE, dt.time(9, 0), dt.time(12, 0), 15)


def at(h: int, m: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, h, m, tzinfo=DUBAI)


def labels(slots) -> list[str]:
    return [s.label for s in slots]


def test_a_day_of_slots_from_two_sessions_in_time_order() -> None:
    evening = Session(TUE, dt.time(16, 0), dt.time(17, 10), 20)  # 16:00, 16:20, 16:40 (no 17:00)
    slots = day_slots([evening, MORNING], DAY, DUBAI)
    assert len(slots) == 12 + 3
    assert labels(slots)[:2] == ["09:00", "09:15"] and labels(slots)[-3:] == ["16:00", "16:20",
                                                                              "16:40"]
    assert all(s.start.tzinfo is DUBAI for s in slots)
    assert day_slots([MORNING], DAY + dt.timedelta(days=1), DUBAI) == []  # not on Wednesday


def test_booked_time_removes_every_slot_it_overlaps() -> None:
    booked = [(at(9, 15), at(9, 30)),      # exactly one slot
              (at(10, 5), at(10, 35)),     # reaches into three slots
              (at(11, 30), None)]          # no end: one slot long
    now = at(7, 0)
    free = labels(free_slots([MORNING], DAY, DUBAI, booked, now))
    assert "09:15" not in free and "09:00" in free and "09:30" in free
    assert not {"10:00", "10:15", "10:30"} & set(free) and "10:45" in free
    assert "11:30" not in free and "11:45" in free


def test_today_hides_slots_within_15_minutes_of_now_and_earlier() -> None:
    now = at(9, 50)  # 10:00 starts in 10 minutes: hidden; 10:15 in 25: shown
    free = labels(free_slots([MORNING], DAY, DUBAI, [], now))
    assert free[0] == "10:15"
    # exactly 15 minutes ahead is still offered
    assert labels(free_slots([MORNING], DAY, DUBAI, [], at(10, 0)))[0] == "10:15"
    # one minute later, 10:15 is within 15 minutes too
    assert labels(free_slots([MORNING], DAY, DUBAI, [], at(10, 1)))[0] == "10:30"
    assert dt.timedelta(minutes=15) == LEAD


def test_another_day_shows_all_slots_and_a_past_day_none() -> None:
    now = at(11, 0)
    assert len(free_slots([MORNING], DAY + dt.timedelta(days=7), DUBAI, [], now)) == 12
    assert free_slots([MORNING], DAY - dt.timedelta(days=7), DUBAI, [], now) == []


def test_the_workstations_clock_zone_does_not_matter() -> None:
    """A desk whose clock is in London (or whose OS zone is Manila) asks at the same instant:
    the same day and the same slots as a desk in Dubai."""
    instant = at(0, 30)  # 00:30 in Dubai is still the previous day in London (20:30 UTC)
    london = instant.astimezone(ZoneInfo("Europe/London"))
    assert london.date() == DAY - dt.timedelta(days=1)
    assert hospital_today(london, DUBAI) == DAY
    dubai_view = free_slots([MORNING], DAY, DUBAI, [], instant)
    london_view = free_slots([MORNING], DAY, DUBAI, [], london)
    assert dubai_view == london_view and len(dubai_view) == 12
    old = os.environ.get("TZ")
    try:  # the process's own zone (what a naive "now" would use) is Manila
        os.environ["TZ"] = "Asia/Manila"
        time.tzset()
        manila = instant.astimezone()
        assert manila.utcoffset() == dt.timedelta(hours=8)
        assert free_slots([MORNING], DAY, DUBAI, [], manila) == dubai_view
        # 08:50 in Dubai is 12:50 in Manila: the 15-minute rule uses the instant
        near = at(8, 50).astimezone()
        assert labels(free_slots([MORNING], DAY, DUBAI, [], near))[0] == "09:15"
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


def test_is_free_names_the_slot_or_none() -> None:
    now = at(8, 0)
    slot = is_free(at(9, 30), [MORNING], DUBAI, [(at(9, 15), at(9, 30))], now)
    assert slot is not None and slot.label == "09:30" and slot.end == at(9, 45)
    assert is_free(at(9, 15), [MORNING], DUBAI, [(at(9, 15), at(9, 30))], now) is None
    assert is_free(at(9, 20), [MORNING], DUBAI, [], now) is None  # not on the grid
    with pytest.raises(ValidationError):
        is_free(dt.datetime(2026, 3, 10, 9, 30), [MORNING], DUBAI, [], now)


def test_bad_working_hours_are_refused_with_a_sentence() -> None:
    with pytest.raises(ValidationError, match="end"):
        Session(TUE, dt.time(12, 0), dt.time(9, 0))
    with pytest.raises(ValidationError, match="slot"):
        Session(TUE, dt.time(9, 0), dt.time(12, 0), 2)
    with pytest.raises(ValidationError, match="weekday"):
        Session(7, dt.time(9, 0), dt.time(12, 0))
