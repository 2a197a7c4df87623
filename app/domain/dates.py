"""Calendar days passed by callers: a real ``date`` inside the years the app handles.

A filter of 9999-12-31 or 0001-01-01 is not a mistake a person makes on purpose, but it crashed
the date arithmetic ("the day after", time-zone conversion) with a raw OverflowError. Days are
checked here, before a service does anything with them, and refused with a sentence.
"""

from __future__ import annotations

import datetime as dt

from app.domain.errors import ValidationError
from app.domain.messages import Day, Msg, messages

M = messages(__name__)

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)


def check_day(value: object, field: str | Msg) -> dt.date | None:
    """``value`` when it is a date (not a datetime, not text) from 1900 to 2199; None stays
    None. ``field`` starts the message ("The start date must be ...")."""
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(M("field_calendar_date", "{field} must be a calendar date.",
                                field=field), field=str(field))
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValidationError(M("field_between_first_day", "{field} must be between "
                                "{first} and {last}.", field=field,
                                first=Day(FIRST_DAY),
                                last=Day(LAST_DAY)), field=str(field))
    return value
