"""Every audit and activity row the app writes names the workstation and its IP address
(issue 11: live actions had a blank IP column while the demo's rows had one)."""

from __future__ import annotations

import ipaddress

import sqlalchemy as sa

from app.db.models import ActivityLog, InsuranceAudit
from app.services.context import Actor
from tests.services.test_add_insurance import card


def _ip_ok(value: str | None) -> bool:
    if not value:
        return False
    ipaddress.ip_address(value)  # a real address, not free text
    return True


def test_activity_and_audit_rows_carry_workstation_and_ip(clinic, session):
    pat = clinic.patient(first_name="Omar", last_name="Saleh")
    payer = clinic.payer(name="Daman", code="DAMAN")
    session.commit()
    registered = clinic.patients.register(clinic.desk, "Huda", "Nasser", None, "FEMALE",
                                          None, None)
    clinic.insurance.add_primary(clinic.desk, pat.id, card(payer.id))
    session.expire_all()
    act = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "PATIENT_REGISTERED",
        ActivityLog.target_id == str(registered.patient_id))).one()
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.patient_id == pat.id)).one()
    for row in (act, audit):
        assert row.workstation == "test-ws"
        assert _ip_ok(row.ip_address), row.ip_address


def test_a_background_actor_without_a_name_gets_the_machines_name(clinic, session, uow):
    system = Actor.system(clinic.hospital.id)  # e.g. a job started with no workstation set
    with uow(system) as u:
        u.activity(system, "TEST_EVENT", "hospital", clinic.hospital.id)
        u.session.flush()
        row = u.session.scalars(sa.select(ActivityLog).where(
            ActivityLog.action == "TEST_EVENT")).one()
        assert row.workstation and _ip_ok(row.ip_address)
