"""A date-of-birth field that takes the date as the desk types it.

A QDateEdit with "unknown" as its special value turned ``15031990`` into "unknown5031990" and
ignored ``15/03/1990`` (issue 11). This is a line edit instead: the date is typed day first
(``15031990``, ``15/03/1990``, ``15-03-1990``, ``15.03.1990``; app/domain/birth_date.py reads
it), shown as dd/mm/yyyy when the field is left, empty reads "unknown", and the calendar
button opens a calendar near a plausible adult birth year (35 years back) rather than at
January 1900. A future date or one more than 130 years ago is refused with a sentence.

The date is typed and shown in Western digits, day first, also in Arabic (Arabic-Indic
digits typed on an Arabic keyboard are read too); hints and errors are in the user's language.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, QRegularExpression, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from app.domain.birth_date import MAX_AGE_YEARS, parse_date_of_birth
from app.domain.errors import ValidationError
from app.ui.errors import message_for
from app.ui.i18n import N_, tr

TYPICAL_AGE_YEARS = 35  # where the calendar opens for an empty field
UNKNOWN_TEXT = N_("unknown — type dd/mm/yyyy")
HINT = N_("Day first: 15031990, 15/03/1990, 15-03-1990 or 15.03.1990. Leave it empty if the "
          "date of birth is unknown.")
_ERROR_CSS = "border: 2px solid #b42318; background: #fff5f5;"


def _calendar_icon() -> QIcon:
    """A small calendar drawn here (the app ships no icon files)."""
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setPen(QColor("#0f4c5c"))
    p.drawRect(1, 2, 13, 12)
    p.fillRect(2, 3, 12, 3, QColor("#0f4c5c"))
    for row in (8, 11):
        for col in (4, 7, 10):
            p.fillRect(col, row, 2, 2, QColor("#0f4c5c"))
    p.end()
    return QIcon(pix)


class DateOfBirthEdit(QLineEdit):
    """Typed or picked date of birth; ``date_value()`` is the date, None, or a
    ValidationError with the sentence to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr(UNKNOWN_TEXT))
        self.setMaxLength(10)
        # digits (also Arabic-Indic) and the separators the desk uses
        self.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}/.\-]{0,10}"), self))
        self.setToolTip(tr(HINT))
        self._calendar: QCalendarWidget | None = None
        self.calendar_action = QAction(_calendar_icon(), tr("Choose from a calendar"), self)
        self.calendar_action.setToolTip(tr("Choose the date from a calendar"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._tidy)
        self.textEdited.connect(lambda _t: self.mark_error(None))

    # -- value ---------------------------------------------------------------------------
    @staticmethod
    def _today() -> dt.date:
        return dt.date.today()

    def date_value(self) -> dt.date | None:
        """The date typed, None when empty ("unknown"); ValidationError otherwise."""
        return parse_date_of_birth(self.text(), self._today())

    def set_date(self, value: dt.date | None) -> None:
        self.setText("" if value is None else f"{value:%d/%m/%Y}")
        self.mark_error(None)

    def mark_error(self, message: str | None) -> None:
        self.setStyleSheet(_ERROR_CSS if message else "")
        self.setToolTip(message or tr(HINT))

    def _tidy(self) -> None:
        """Leaving the field shows the date read, as dd/mm/yyyy; a bad one is marked."""
        try:
            value = self.date_value()
        except ValidationError as exc:
            if self.text().strip():
                self.mark_error(message_for(exc))
            return
        if value is not None:
            self.set_date(value)

    # -- calendar ------------------------------------------------------------------------
    def calendarWidget(self) -> QCalendarWidget:  # noqa: N802 (QDateEdit's name)
        """The calendar popup, showing the typed date's month, else a typical adult's."""
        if self._calendar is None:
            cal = QCalendarWidget(self)
            cal.setWindowFlags(Qt.WindowType.Popup)
            cal.setGridVisible(True)
            cal.setAccessibleName(tr("Date of birth calendar"))
            cal.clicked.connect(self._picked)
            cal.activated.connect(self._picked)
            self._calendar = cal
        cal = self._calendar
        today = self._today()
        cal.setMaximumDate(QDate(today.year, today.month, today.day))
        oldest = today.replace(year=today.year - MAX_AGE_YEARS, day=min(today.day, 28))
        cal.setMinimumDate(QDate(oldest.year, oldest.month, oldest.day))
        try:
            value = self.date_value()
        except ValidationError:
            value = None
        shown = value or today.replace(year=today.year - TYPICAL_AGE_YEARS, month=1, day=1)
        cal.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        cal.setCurrentPage(shown.year, shown.month)
        return cal

    def show_calendar(self) -> None:
        cal = self.calendarWidget()
        cal.adjustSize()
        cal.move(self.mapToGlobal(QPoint(0, self.height())))
        cal.show()
        cal.setFocus()

    def _picked(self, day: QDate) -> None:
        self.set_date(day.toPython())
        if self._calendar is not None:
            self._calendar.hide()
        self.setFocus()
