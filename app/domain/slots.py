"""Free appointment slots: a doctor's working hours minus what is booked (seed 004 §13).

Pure: no SQL, no Qt, no clock of its own. Every time here is an aware datetime; the day's
slots are built in the hospital's time zone (Asia/Dubai in the demo) from wall-clock working
hours, so a workstation whose own clock is set to London or Manila sees the same slots as one
in Dubai. "Now" is passed in (any zone) and compared as an instant.

Rules:
- a slot is [start, start + slot length) inside one working-hours session; a session's tail
  shorter than a slot gives no slot;
- a slot is busy when any live appointment overlaps it (an appointment without an end is
  taken as lasting one slot);
- on the hospital's today, slots starting within ``LEAD`` (15 minutes) of now, and earlier,
  are hidden (the seed's ``isSlotPastInUAE(..., 15)``); on a past day no slot is free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from app.domain.errors import ValidationError
from app.domain.messages import messages

M = messages(__name__)

LEAD = dt.timedelta(minutes=15)
"""Today's slots starting sooner than this from now are not offered."""


@dataclass(frozen=True)
class Session:
    """One working-hours row: on ``weekday`` (0 = Monday) from ``start`` to ``end``,
    wall-clock at the hospital, in slots of ``slot_minutes``."""

    weekday: int
    start: dt.time
    end: dt.time
    slot_minutes: int = 15

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValidationError(M("weekday_monday_sunday", "The weekday must be 0 (Monday) "
                                    "to 6 (Sunday)."))
        if self.end <= self.start:
            raise ValidationError(M("working_hours_end_end", "Working hours end ({end}) "
                                    "before they start ({start}).", end=f"{self.end:%H:%M}",
                                    start=f"{self.start:%H:%M}"))
        if not 5 <= self.slot_minutes <= 240:
            raise ValidationError(M("slot_lasts_minutes", "A slot lasts 5 to 240 minutes."))


@dataclass(frozen=True, order=True)
class Slot:
    start: dt.datetime  # aware, in the hospital's zone
    end: dt.datetime

    @property
    def label(self) -> str:
        return self.start.strftime("%H:%M")


def _bounds(sessions: Iterable[Session], day: dt.date, tz: ZoneInfo) -> list[tuple[float, float]]:
    """(start, end) of every slot of ``day`` as POSIX seconds, in time order, no duplicates.
    Seconds rather than aware datetimes: comparing those calls the zone for every offset,
    and a department's day is a few thousand comparisons (bench/bench_free_slots.py)."""
    weekday = day.weekday()
    out: set[tuple[float, float]] = set()
    for s in sessions:
        if s.weekday != weekday:
            continue
        step = s.slot_minutes * 60.0
        start = dt.datetime.combine(day, s.start, tzinfo=tz).timestamp()
        end = dt.datetime.combine(day, s.end, tzinfo=tz).timestamp()
        while start + step <= end:
            out.add((start, start + step))
            start += step
    return sorted(out)


def _slot(bounds: tuple[float, float], tz: ZoneInfo) -> Slot:
    return Slot(dt.datetime.fromtimestamp(bounds[0], tz), dt.datetime.fromtimestamp(bounds[1], tz))


def day_slots(sessions: Iterable[Session], day: dt.date, tz: ZoneInfo) -> list[Slot]:
    """Every slot of ``day`` from the sessions of its weekday, in time order, no duplicates."""
    return [_slot(b, tz) for b in _bounds(sessions, day, tz)]


def hospital_today(now: dt.datetime, tz: ZoneInfo) -> dt.date:
    """The calendar day at the hospital for the instant ``now`` (any zone, must be aware)."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(tz).date()


def free_slots(sessions: Iterable[Session], day: dt.date, tz: ZoneInfo,
               booked: Iterable[tuple[dt.datetime, dt.datetime | None]],
               now: dt.datetime) -> list[Slot]:
    """The slots of ``day`` nobody holds, minus (today) those within LEAD of ``now``.

    ``booked``: (start, end or None) of the doctor's live appointments that day."""
    today = hospital_today(now, tz)
    if day < today:
        return []
    slots = _bounds(sessions, day, tz)
    if not slots:
        return []
    earliest = now.timestamp() + LEAD.total_seconds() if day == today else None
    default = slots[0][1] - slots[0][0]
    busy = sorted((st.timestamp(), en.timestamp() if en is not None and en > st
                   else st.timestamp() + default) for st, en in booked)
    out = []
    i, n, reach = 0, len(busy), float("-inf")
    for start, end in slots:
        # Intervals starting before the slot ends overlap it when the furthest any of them
        # reaches is past the slot's start. Slots come in time order, so one sweep suffices.
        while i < n and busy[i][0] < end:
            reach = max(reach, busy[i][1])
            i += 1
        if earliest is not None and start < earliest:
            continue
        if reach <= start:
            out.append(_slot((start, end), tz))
    return out


def is_free(slot_start: dt.datetime, sessions: Sequence[Session], tz: ZoneInfo,
            booked: Iterable[tuple[dt.datetime, dt.datetime | None]],
            now: dt.datetime) -> Slot | None:
    """The slot starting at ``slot_start`` when it is one of the doctor's free slots that
    day, else None."""
    if slot_start.tzinfo is None:
        raise ValidationError(M("slot_s_time_carry", "The slot's time must carry its time "
                                "zone."))
    day = slot_start.astimezone(tz).date()
    for slot in free_slots(sessions, day, tz, booked, now):
        if slot.start == slot_start:
            return slot
    return None


def slot_at(slot_start: dt.datetime, sessions: Sequence[Session], tz: ZoneInfo) -> Slot | None:
    """The slot of the working hours starting exactly at ``slot_start`` (free or not)."""
    day = slot_start.astimezone(tz).date()
    for slot in day_slots(sessions, day, tz):
        if slot.start == slot_start:
            return slot
    return None
