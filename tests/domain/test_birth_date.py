"""Dates of birth as the desk types them (app/domain/birth_date.py)."""

import datetime as dt

import pytest

from app.domain.birth_date import check_date_of_birth, parse_date_of_birth
from app.domain.errors import ValidationError

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize("text", ["15031990", "15/03/1990", "15-03-1990", "15.03.1990",
                                  " 15/3/1990 ", "15.3.1990",
                                  "١٥/٠٣/١٩٩٠"])
def test_the_clinics_forms(text):
    assert parse_date_of_birth(text, TODAY) == dt.date(1990, 3, 15)


def test_empty_is_unknown():
    assert parse_date_of_birth("", TODAY) is None
    assert parse_date_of_birth("   ", TODAY) is None


@pytest.mark.parametrize("text,message", [
    ("31/02/1990", "not a calendar date"), ("1990-03-15x", "dd/mm/yyyy"),
    ("15/03/90", "four digits"), ("05/12/2026", "future"), ("01/01/1890", "130 years"),
    ("1503199", "dd/mm/yyyy")])
def test_refusals_say_why(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_date_of_birth(text, TODAY)


def test_check_for_the_service():
    assert check_date_of_birth(None, TODAY) is None
    assert check_date_of_birth(dt.date(1990, 3, 15), TODAY) == dt.date(1990, 3, 15)
    assert check_date_of_birth(TODAY, TODAY) == TODAY  # born today
    with pytest.raises(ValidationError, match="future"):
        check_date_of_birth(TODAY + dt.timedelta(days=1), TODAY)
    with pytest.raises(ValidationError, match="130 years"):
        check_date_of_birth(dt.date(1896, 12, 3), TODAY)
