"""Date of birth at quick registration (issue 11): typed in the clinic's usual forms
(ddmmyyyy, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy) it is kept and stored; empty reads "unknown";
the calendar opens about 30–40 years back; a future date or one more than 130 years ago is
refused with a sentence, and the form keeps what was typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.db.models import Patient
from app.domain.enums import Gender
from app.ui.walkin_dialog import WalkInPage


def _page(ctx, qtbot, idle) -> WalkInPage:
    page = WalkInPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    idle(ctx)
    page.show_registration()
    return page


def _fill(page, first: str) -> None:
    page.first_name.setText(first)
    page.last_name.setText("Rahman")
    page.gender.setCurrentIndex(page.gender.findData(Gender.FEMALE))


def _typed(qtbot, page, text: str) -> None:
    page.dob.setFocus()
    page.dob.selectAll()
    qtbot.keyClicks(page.dob, text)


@pytest.mark.parametrize("typed", ["15031990", "15/03/1990", "15-03-1990", "15.03.1990"])
def test_a_typed_date_of_birth_is_kept_and_stored(ctx, sign_in, qtbot, idle, typed, tmp_path):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    _fill(page, "Amal" + typed[-2:])
    _typed(qtbot, page, typed)
    qtbot.keyClick(page.dob, Qt.Key.Key_Tab)  # leaving the field shows the date it read
    assert "unknown" not in page.dob.text()
    assert page.dob.text() == "15/03/1990"
    with qtbot.waitSignal(page.patient_registered, timeout=10_000) as registered:
        page.register_button.click()
    with ctx.db.session_factory() as s:
        patient = s.get(Patient, registered.args[0])
        assert patient.date_of_birth == dt.date(1990, 3, 15)
        assert patient.mrn.startswith("ANC-")  # the clinic's MRN format (issue 11)
    assert patient.mrn in page.find_message.text()
    page.grab().save(str(tmp_path / "registered.png"))


def test_empty_is_unknown_and_the_calendar_opens_at_an_adult_birth_year(ctx, sign_in, qtbot,
                                                                        idle, tmp_path):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    assert page.dob.text() == "" and "unknown" in page.dob.placeholderText().lower()
    calendar = page.dob.calendarWidget()
    this_year = dt.date.today().year
    assert this_year - 40 <= calendar.yearShown() <= this_year - 30
    page.grab().save(str(tmp_path / "registration_dob.png"))
    page.dob.show_calendar()
    assert calendar.isVisible()
    calendar.grab().save(str(tmp_path / "dob_calendar.png"))
    calendar.clicked.emit(calendar.selectedDate())  # the highlighted day, picked
    assert page.dob.text() == calendar.selectedDate().toString("dd/MM/yyyy")
    assert not calendar.isVisible()


@pytest.mark.parametrize("when,message", [
    (dt.date.today() + dt.timedelta(days=1), "future"),
    (dt.date.today().replace(year=dt.date.today().year - 131), "130 years"),
])
def test_impossible_dates_are_refused_with_a_sentence(ctx, sign_in, qtbot, idle, when, message,
                                                      tmp_path):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    _fill(page, "Huda")
    _typed(qtbot, page, f"{when:%d/%m/%Y}")
    page.register_button.click()
    qtbot.waitUntil(lambda: message in page.register_message.text(), timeout=5_000)
    assert page.first_name.text() == "Huda" and page.dob.text() == f"{when:%d/%m/%Y}"
    assert "b42318" in page.dob.styleSheet()  # the field is marked
    page.grab().save(str(tmp_path / "dob_refused.png"))
