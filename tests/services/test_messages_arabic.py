"""Service refusals read in Arabic (issue 15): the message a service raises on the real
database keeps its English sentence, and the UI's rendering turns it into the Arabic of the
catalogue with amounts in the reader's format and nested words translated too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.errors import ValidationError
from app.domain.messages import Money
from app.services.shifts import ShiftService
from app.ui import i18n
from tests import factories as f


@pytest.fixture
def arabic(qapp):
    i18n.install("ar")
    yield
    i18n.install("en")


def test_a_shift_refusal_with_amounts_reads_in_arabic(session, uow, clinic, arabic):
    from app.services.clock import fixed_clock
    from tests.services.conftest import NOW

    u = f.user(session, clinic.hospital, clinic.users[next(iter(clinic.users))].role,
               password_hash="!test-only")
    desk = f.actor(u, "desk-ar", shift=False)
    with pytest.raises(ValidationError) as caught:
        ShiftService(uow, fixed_clock(NOW)).open_shift(desk, Decimal("120.00"), {"100": 1})
    msg = caught.value.msg
    assert msg.code == "shifts.notes_coins_add_up"
    assert caught.value.message == ("The notes and coins add up to AED 100.00, not the "
                                    "AED 120.00 typed as the float.")
    assert msg.params == {"counted": Money("100.00"), "amount": Money("120.00")}
    text = i18n.render(msg)
    assert text == (f"مجموع الأوراق النقدية والعملات المعدنية {i18n.money(Decimal('100.00'))}، "
                    f"وليس {i18n.money(Decimal('120.00'))} المُدخل كرصيد افتتاحي.")
    assert "د.إ" in text and "AED" not in text


def test_walk_in_problems_are_each_translated(clinic, arabic):
    with pytest.raises(ValidationError) as caught:
        clinic.patients.register(clinic.desk, "", "", None, None, None, None)
    exc = caught.value
    assert exc.message == ("First name is required. Last name is required. Choose the "
                           "patient's gender.")
    # The per-field sentences stay English strings in the details (the JSON of the CLI).
    assert exc.details["problems"] == ["First name is required.", "Last name is required.",
                                       "Choose the patient's gender."]
    assert i18n.render(exc.msg) == "الاسم الأول مطلوب. اسم العائلة مطلوب. اختر جنس المريض."
    assert i18n.render(exc.details["problems"][0].msg) == "الاسم الأول مطلوب."


def test_a_nested_word_is_translated_inside_the_sentence(clinic, arabic):
    pat = clinic.patient()
    appt = clinic.appointment(pat, day=dt.date(2026, 3, 12))
    clinic.session.commit()
    with pytest.raises(ValidationError) as caught:
        clinic.queue.check_in(clinic.desk, appt.id)
    exc = caught.value
    assert exc.message == ("This appointment is on 12 Mar 2026; only today's appointments can "
                           "be checked in.")
    # The day in numbers: no English month name inside the Arabic sentence.
    assert i18n.render(exc.msg) == ("هذا الموعد في 12/03/2026؛ لا يمكن أن تكون بحالة "
                                    "«مسجَّل الوصول» إلا مواعيد اليوم.")
