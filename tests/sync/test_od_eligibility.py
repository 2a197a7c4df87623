"""The eligibility poller: coverage from patplans + inssub dates + benefits (OpenDental has no
eligibility endpoint), patient names for the stubs, and the window's appointments marked."""

from __future__ import annotations

import dataclasses
import datetime as dt

import sqlalchemy as sa

from app.db.models import Appointment, OdCoverage, Patient
from app.domain.enums import EligibilityStatus
from tests.sync.conftest import DAY, run


def test_coverage_rows_and_appointments_marked_from_patplans(session, od, practice):
    assert run(od, "appointments_upcoming").ok
    result = run(od, "od_eligibility")
    assert result.ok, result.error
    session.expire_all()
    cov = {c.pat_plan_num: c for c in session.scalars(
        sa.select(OdCoverage).where(OdCoverage.connection_id == od.connection.id))}
    assert set(cov) == set(practice.patplans)
    pp = next(iter(practice.patplans.values()))
    sub = practice.inssubs[pp.ins_sub_num]
    row = cov[pp.pat_plan_num]
    assert (row.date_effective, row.date_term, row.subscriber_id, row.ordinal) == (
        sub.date_effective, sub.date_term, sub.subscriber_id, pp.ordinal)
    carrier = practice.carriers[practice.insplans[sub.plan_num].carrier_num]
    assert row.carrier_name == carrier.carrier_name
    assert row.benefits["coinsurance"] and "annual_max" in row.benefits
    # Names came in for the stubs.
    patient = session.scalars(sa.select(Patient).where(
        Patient.od_connection_id == od.connection.id, Patient.od_pat_num == pp.pat_num)).one()
    od_patient = practice.patients[pp.pat_num]
    assert patient.last_name == od_patient.l_name
    # Every appointment of the window is APPROVED exactly when a primary plan covers its day.
    appts = session.scalars(sa.select(Appointment).where(
        Appointment.od_connection_id == od.connection.id,
        Appointment.appointment_date.between(DAY, DAY + dt.timedelta(days=7)),
        Appointment.status == "SCHEDULED")).all()
    assert appts
    seen = set()
    for a in appts:
        covered = practice.primary_sub(practice.appointments[a.od_apt_num].pat_num,
                                       a.appointment_date) is not None
        want = EligibilityStatus.APPROVED if covered else EligibilityStatus.REJECTED
        assert a.eligibility_status is want, a.od_apt_num
        assert a.eligibility_details["source"] == "OPENDENTAL"
        assert a.eligibility_details["simulated"] is True
        seen.add(want)
    assert seen == {EligibilityStatus.APPROVED, EligibilityStatus.REJECTED}


def test_a_terminated_plan_turns_the_appointment_rejected(session, od, practice, clock):
    run(od, "appointments_upcoming")
    run(od, "od_eligibility")
    session.expire_all()
    approved = session.scalars(sa.select(Appointment).where(
        Appointment.od_connection_id == od.connection.id,
        Appointment.eligibility_status == EligibilityStatus.APPROVED)).first()
    pat_num = practice.appointments[approved.od_apt_num].pat_num
    clock.advance(minutes=30)
    with practice.lock:
        for pp in practice.patplans.values():
            if pp.pat_num == pat_num:
                sub = practice.inssubs[pp.ins_sub_num]
                practice.inssubs[sub.ins_sub_num] = dataclasses.replace(
                    sub, date_term=DAY - dt.timedelta(days=1), sec_date_t_edit=practice.now())
        practice.version += 1
    assert run(od, "od_eligibility").ok
    session.expire_all()
    row = session.get(Appointment, approved.id)
    assert row.eligibility_status is EligibilityStatus.REJECTED
    assert "No active OpenDental coverage" in row.eligibility_details["reason"]
