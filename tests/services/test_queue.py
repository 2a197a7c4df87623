"""The OPD queue: the day's list and its search, check-in tokens, vitals, consultation,
walk-ins, and the pure transition and vitals rules behind them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, Appointment, Vitals
from app.domain.enums import AppointmentStatus, CopayStatus, PaymentMethod, Role, VisitType
from app.domain.errors import (
    Conflict,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.domain.queue_rules import QueueAction, allowed_actions, next_status, status_label
from app.domain.vitals import VitalsInput, validate_vitals
from app.services.changes import Changes
from tests import factories as f
from tests.services.conftest import DAY, NOW

S = AppointmentStatus
D = Decimal


def _ready(c, **kw):
    """A today appointment whose copay the desk already deferred."""
    kw.setdefault("copay_status", CopayStatus.DEFERRED)
    appt = c.appointment(c.patient(), **kw)
    c.session.commit()
    return appt


# ---------------------------------------------------------------------------- the day


def test_day_lists_today_with_filters_and_search(clinic, session):
    s = session
    p1 = clinic.patient(first_name="Fatima", last_name="Al Zaabi", mrn="MRN900001",
                        emirates_id="784-1985-1234567-4")
    p2 = clinic.patient(first_name="John", last_name="Fatimson", mrn="MRN900002")
    p3 = clinic.patient(first_name="Ravi", last_name="Kumar", mrn="MRN900003")
    insurer = clinic.payer(name="Daman")
    f.insurance(s, p1, insurer)
    f.insurance(s, p3, clinic.payer(name="Old Co"), expiry_date=dt.date(2026, 1, 1))
    dept2 = f.department(s, clinic.hospital, name="Paediatrics")
    doc2 = f.doctor(s, clinic.hospital, dept2, full_name="Dr. Ali")
    a1 = clinic.appointment(p1)
    a2 = f.appointment(s, p2, doc2, day=DAY)
    a3 = clinic.appointment(p3, status=S.CANCELLED)
    clinic.appointment(p1, day=DAY + dt.timedelta(days=1))  # tomorrow: not listed
    other = f.hospital(s)
    f.appointment(s, f.patient(s, other, first_name="Fatima"),
                  f.doctor(s, other, f.department(s, other)), day=DAY)
    s.commit()
    q, desk = clinic.queue, clinic.desk

    rows = q.day(desk)
    assert [r.appointment_id for r in rows] == [a1.id, a2.id, a3.id]
    r1 = rows[0]
    assert (r1.patient_name, r1.mrn, r1.doctor_name, r1.department_name) == (
        "Fatima Al Zaabi", "MRN900001", "Dr. Sara Khan", "General Practice")
    assert r1.primary_insurer == "Daman" and rows[2].primary_insurer is None  # expired
    assert r1.scheduled_start.utcoffset() == dt.timedelta(hours=4)
    assert r1.scheduled_start.hour == 10 and r1.version == 1

    assert [r.appointment_id for r in q.day(desk, department_id=dept2.id)] == [a2.id]
    assert [r.appointment_id for r in q.day(desk, doctor_id=clinic.doctor.id)] == [a1.id, a3.id]
    assert [r.appointment_id for r in q.day(desk, statuses={S.CANCELLED})] == [a3.id]
    assert q.day(desk, DAY + dt.timedelta(days=1))[0].patient_id == p1.id

    def ids(text):
        return [r.appointment_id for r in q.day(desk, search=text)]

    assert ids("fati") == [a1.id, a2.id]  # first name of one, last name of the other
    assert ids("fatima al") == [a1.id]
    assert ids("mrn900003") == [a3.id]
    assert ids("784-1985-1234567-4") == [a1.id]
    assert ids("784198512345674") == [a1.id]
    assert ids("7841985") == [a1.id]
    assert ids("nobody") == []
    assert ids("%") == []  # LIKE wildcards are literal


def test_row_and_its_stage(clinic):
    appt = _ready(clinic)
    r = clinic.queue.row(clinic.actors[Role.NURSE], appt.id)
    assert r.status is S.SCHEDULED and r.actions == {QueueAction.CHECK_IN}
    with pytest.raises(NotFound):
        clinic.queue.row(clinic.desk, 987_654_321)


# -------------------------------------------------------------------------- check-in


def test_check_in_gives_department_tokens_in_order(clinic, session):
    a1, a2 = _ready(clinic), _ready(clinic, copay_status=CopayStatus.WAIVED)
    dept2 = f.department(session, clinic.hospital)
    doc2 = f.doctor(session, clinic.hospital, dept2)
    b1 = f.appointment(session, clinic.patient(), doc2, day=DAY,
                       copay_status=CopayStatus.DEFERRED)
    session.commit()
    r1 = clinic.queue.check_in(clinic.desk, a1.id)
    r2 = clinic.queue.check_in(clinic.actors[Role.HOSPITAL_ADMIN], a2.id)
    rb = clinic.queue.check_in(clinic.desk, b1.id)
    assert (r1.token_number, r2.token_number, rb.token_number) == (1, 2, 1)
    assert r1.checked_in_at == NOW and r1.changes.touches("appointments")
    row = clinic.queue.row(clinic.desk, a1.id)
    assert (row.status, row.token_number, row.version) == (S.CHECKED_IN, 1, 2)
    assert row.awaiting_vitals and row.stage == "Awaiting vitals"
    act = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "CHECK_IN", ActivityLog.target_id == str(a1.id))).one()
    assert act.payload["token_number"] == 1

    with pytest.raises(InvalidTransition, match="checked in.*already in the queue"):
        clinic.queue.check_in(clinic.desk, a1.id)


def test_check_in_after_collect(clinic, session):
    appt = clinic.appointment(clinic.patient())
    session.commit()
    with pytest.raises(Conflict, match="Collect, waive or defer the copay"):
        clinic.queue.check_in(clinic.desk, appt.id)
    clinic.copay.collect(clinic.desk, appt.id, PaymentMethod.CASH, "k")
    assert clinic.queue.check_in(clinic.desk, appt.id).token_number == 1


@pytest.mark.parametrize(("kw", "error", "text"), [
    ({"status": S.CANCELLED}, InvalidTransition, "cancelled"),
    ({"status": S.COMPLETED, "token_number": 9, "checked_in_at": NOW}, InvalidTransition,
     "completed"),
    ({"day": DAY - dt.timedelta(days=1)}, ValidationError, "only today's"),
])
def test_check_in_refusals(clinic, session, kw, error, text):
    appt = _ready(clinic, **kw)
    with pytest.raises(error, match=text):
        clinic.queue.check_in(clinic.desk, appt.id)
    session.expire_all()
    assert session.get(Appointment, appt.id).version == 1


@pytest.mark.parametrize("role", [Role.NURSE, Role.DOCTOR, Role.ACCOUNTANT])
def test_only_the_front_desk_checks_in(clinic, role):
    appt = _ready(clinic)
    with pytest.raises(PermissionDenied, match="Receptionist, Hospital Admin, Super Admin"):
        clinic.queue.check_in(clinic.actors[role], appt.id)


# ------------------------------------------------------------- vitals and consultation


def test_vitals_consultation_and_completion(clinic, session):
    appt = _ready(clinic)
    nurse, doctor = clinic.actors[Role.NURSE], clinic.actors[Role.DOCTOR]
    with pytest.raises(InvalidTransition, match="scheduled. Check the patient in first"):
        clinic.queue.record_vitals(nurse, appt.id, VitalsInput(heart_rate=80))
    clinic.queue.check_in(clinic.desk, appt.id)
    with pytest.raises(PermissionDenied):
        clinic.queue.record_vitals(clinic.desk, appt.id, VitalsInput(heart_rate=80))
    with pytest.raises(ValidationError, match="Temperature 52.0 °C is outside 30–45 °C"):
        clinic.queue.record_vitals(nurse, appt.id, VitalsInput(temperature_c=D("52")))
    clinic.queue.record_vitals(nurse, appt.id, VitalsInput(
        bp_systolic=120, bp_diastolic=80, heart_rate=72, temperature_c=D("36.8"), spo2=98))
    clinic.queue.record_vitals(nurse, appt.id, VitalsInput(weight_kg=D("70.5"), heart_rate=75))
    v = session.scalars(sa.select(Vitals).where(Vitals.appointment_id == appt.id)).one()
    assert (v.bp_systolic, v.heart_rate, v.temperature_c, v.weight_kg) == (
        120, 75, D("36.8"), D("70.5"))
    assert v.recorded_by == nurse.user_id
    assert clinic.queue.row(doctor, appt.id).stage == "Ready for doctor"

    with pytest.raises(InvalidTransition, match="Start the consultation first"):
        clinic.queue.complete(doctor, appt.id)
    with pytest.raises(PermissionDenied):
        clinic.queue.start_consultation(nurse, appt.id)
    clinic.queue.start_consultation(doctor, appt.id)
    with pytest.raises(InvalidTransition, match="in consultation"):
        clinic.queue.start_consultation(doctor, appt.id)
    clinic.queue.complete(doctor, appt.id)
    row = clinic.queue.row(doctor, appt.id)
    assert (row.status, row.completed_at, row.started_without_vitals) == (S.COMPLETED, NOW, False)
    assert row.actions == frozenset()
    with pytest.raises(InvalidTransition, match="completed"):
        clinic.queue.record_vitals(nurse, appt.id, VitalsInput(heart_rate=70))


def test_consultation_may_start_without_vitals_and_the_row_says_so(clinic):
    appt = _ready(clinic)
    clinic.queue.check_in(clinic.desk, appt.id)
    clinic.queue.start_consultation(clinic.actors[Role.SUPER_ADMIN], appt.id)
    row = clinic.queue.row(clinic.desk, appt.id)
    assert row.started_without_vitals and row.stage == "In consultation (no vitals)"


# -------------------------------------------------------------------------- walk-ins


def test_walk_in_is_a_today_appointment_starting_now(clinic, session):
    pat = clinic.patient()
    session.commit()
    created = clinic.queue.create_walk_in(clinic.desk, pat.id, clinic.doctor.id,
                                          VisitType.FOLLOW_UP)
    aid = created.appointment_id
    assert created.changes == Changes.of(appointments={aid})
    a = session.get(Appointment, aid)
    assert (a.appointment_date, a.scheduled_start, a.status, a.department_id) == (
        DAY, NOW, S.SCHEDULED, clinic.dept.id)
    with pytest.raises(Conflict, match="already has an open appointment today"):
        clinic.queue.create_walk_in(clinic.desk, pat.id, clinic.doctor.id, VisitType.FOLLOW_UP)
    # Through the desk: quote (follow-up fee, self-pay), collect, check in.
    assert clinic.copay.quote(clinic.desk, aid).quote.patient_amount == D("150.00")
    clinic.copay.collect(clinic.desk, aid, PaymentMethod.CASH, "walk-in")
    assert clinic.queue.check_in(clinic.desk, aid).token_number == 1


def test_walk_in_refusals(clinic, session):
    pat = clinic.patient()
    other = f.hospital(session)
    stranger = f.patient(session, other)
    session.commit()
    with pytest.raises(PermissionDenied):
        clinic.queue.create_walk_in(clinic.actors[Role.NURSE], pat.id, clinic.doctor.id,
                                    VisitType.CONSULTATION)
    with pytest.raises(NotFound, match="patient"):
        clinic.queue.create_walk_in(clinic.desk, stranger.id, clinic.doctor.id,
                                    VisitType.CONSULTATION)
    with pytest.raises(NotFound, match="doctor"):
        clinic.queue.create_walk_in(clinic.desk, pat.id, 987_654_321, VisitType.CONSULTATION)
    aid = clinic.queue.create_walk_in(clinic.desk, pat.id, clinic.doctor.id,
                                      VisitType.EMERGENCY).appointment_id
    assert session.get(Appointment, aid).is_emergency


# ------------------------------------------------------------------------ pure rules


@pytest.mark.parametrize(("status", "action", "result"), [
    (S.SCHEDULED, QueueAction.CHECK_IN, S.CHECKED_IN),
    (S.CONFIRMED, QueueAction.CHECK_IN, S.CHECKED_IN),
    (S.CHECKED_IN, QueueAction.RECORD_VITALS, S.CHECKED_IN),
    (S.IN_CONSULTATION, QueueAction.RECORD_VITALS, S.IN_CONSULTATION),
    (S.CHECKED_IN, QueueAction.START_CONSULTATION, S.IN_CONSULTATION),
    (S.IN_CONSULTATION, QueueAction.COMPLETE, S.COMPLETED),
    (S.CHECKED_IN, QueueAction.CHECK_IN, None),
    (S.NO_SHOW, QueueAction.CHECK_IN, None),
    (S.SCHEDULED, QueueAction.START_CONSULTATION, None),
    (S.SCHEDULED, QueueAction.RECORD_VITALS, None),
    (S.COMPLETED, QueueAction.COMPLETE, None),
    (S.CANCELLED, QueueAction.START_CONSULTATION, None),
])
def test_transition_table(status, action, result):
    if result is None:
        with pytest.raises(InvalidTransition) as err:
            next_status(status, action)
        assert f"this appointment is {status_label(status)}." in err.value.message
    else:
        assert next_status(status, action) is result


def test_allowed_actions_need_a_decided_copay_for_check_in():
    assert allowed_actions(S.SCHEDULED, CopayStatus.PENDING) == frozenset()
    assert allowed_actions(S.SCHEDULED, CopayStatus.COLLECTED) == {QueueAction.CHECK_IN}
    assert allowed_actions(S.CHECKED_IN) == {QueueAction.RECORD_VITALS,
                                            QueueAction.START_CONSULTATION}


@pytest.mark.parametrize(("vitals", "message"), [
    (VitalsInput(temperature_c=D("52")), "Temperature 52.0 °C is outside 30–45 °C."),
    (VitalsInput(temperature_c=D("45.05")), "Temperature 45.1 °C is outside 30–45 °C."),
    (VitalsInput(spo2=40), "SpO2 40% is outside 50–100%."),
    (VitalsInput(heart_rate=72.5), "Heart rate must be a whole number (bpm)."),
    (VitalsInput(weight_kg=D("0")), "Weight 0.0 kg must be more than 0 and less than 400 kg."),
    (VitalsInput(height_cm="tall"), "Height must be a number."),
    (VitalsInput(bp_systolic=120), "Enter both blood pressure values"),
    (VitalsInput(bp_systolic=80, bp_diastolic=90), "Diastolic pressure 90 must be lower"),
    (VitalsInput(), "Enter at least one vital sign."),
])
def test_vitals_messages(vitals, message):
    with pytest.raises(ValidationError) as err:
        validate_vitals(vitals)
    assert message in err.value.message


def test_vitals_are_normalised():
    v = validate_vitals(VitalsInput(temperature_c=36.65, heart_rate=D("72"), height_cm="170"))
    assert (v.temperature_c, v.heart_rate, v.height_cm) == (D("36.7"), 72, D("170.0"))
    assert isinstance(v.heart_rate, int)
