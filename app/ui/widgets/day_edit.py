"""A calendar-day field for filter rows (dd/MM/yyyy as app/ui/i18n.py shows dates: no month
name to translate; a popup calendar; only the days the services accept) and its value as a
``datetime.date``.

The field itself stays left-to-right in an Arabic window: a date is a number read left to
right there too, and Qt's date edit draws its sections reversed (2026/12/04) right-to-left."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit

from app.domain.dates import FIRST_DAY, LAST_DAY


def day_edit(day: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    # Direction first: right-to-left, setDisplayFormat reverses the sections for good.
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDateRange(QDate(FIRST_DAY.year, 1, 1), QDate(LAST_DAY.year, 12, 31))
    edit.setAccessibleName(name)
    return edit


def day_of(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def set_day(edit: QDateEdit, day: dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))
