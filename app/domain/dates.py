"""Calendar days passed by callers: a real ``date`` inside the years the app handles.

A filter of 9999-12-31 or 0001-01-01 is not a mistake a person makes on purpose, but it crashed
the date arithmetic ("the day after", time-zone conversion) with a raw OverflowError. Days are
checked here, before a service does anything with them, and refused with a sentence.
"""
# i18n: pending

from __future__ import annotations

import datetime as dt

from app.domain.errors import ValidationError

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)


def check_day(value: object, field: str) -> dt.date | None:
    """``value`` when it is a date (not a datetime, not text) from 1900 to 2199; None stays
    None. ``field`` starts the message ("The start date must be ...")."""
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(f"{field} must be a calendar date.", field=field)
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValidationError(f"{field} must be between {FIRST_DAY:%d %b %Y} and "
                              f"{LAST_DAY:%d %b %Y}.", field=field)
    return value
