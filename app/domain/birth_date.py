"""Dates of birth as a UAE front desk types them: day first.

Accepted: ``15031990``, ``15/03/1990``, ``15-03-1990``, ``15.03.1990`` (one- or two-digit
day and month with a separator; Arabic-Indic digits too); empty means "unknown". Refused,
with a sentence: anything else, a day that is not on the calendar, a two-digit year (1990
or 2090?), a date in the future, or one more than 130 years ago.
"""

from __future__ import annotations

import datetime as dt
import re

from app.domain.errors import ValidationError
from app.domain.text import ascii_digits

MAX_AGE_YEARS = 130
FORMAT_HINT = "dd/mm/yyyy"
_FIELD = "date_of_birth"
_SEPARATED = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d+)")


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, field=_FIELD)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def check_date_of_birth(value: dt.date | None, today: dt.date) -> dt.date | None:
    """``value`` when it is a plausible date of birth on ``today``; None stays None."""
    if value is None:
        return None
    if value > today:
        raise _refuse(f"The date of birth {value:%d/%m/%Y} is in the future.")
    if value < _years_before(today, MAX_AGE_YEARS):
        raise _refuse(f"The date of birth {value:%d/%m/%Y} is more than {MAX_AGE_YEARS} years "
                      "ago; check the year.")
    return value


def parse_date_of_birth(text: str | None, today: dt.date) -> dt.date | None:
    """The date typed (day first), None when nothing was typed, or a ValidationError."""
    t = ascii_digits((text or "").strip())
    if not t:
        return None
    if re.fullmatch(r"\d{8}", t):
        day, month, year = t[:2], t[2:4], t[4:]
    else:
        m = _SEPARATED.fullmatch(t)
        if m is None:
            raise _refuse(f"Type the date of birth as {FORMAT_HINT} (for example 15/03/1990), "
                          "or leave it empty if it is unknown.")
        day, month, year = m.groups()
    if len(year) != 4:
        raise _refuse("Type the year of birth with four digits (for example 1990).")
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise _refuse(f"{t} is not a calendar date; type it as {FORMAT_HINT}.") from None
    return check_date_of_birth(value, today)
