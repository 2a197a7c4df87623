"""New patients' MRNs follow the hospital's own format (issue 11): the prefix and width in
the hospital's settings (``mrn_prefix``, ``mrn_digits``), else the pattern of the MRNs the
hospital already has, and the numbers continue after the highest one. Two desks registering
at once never share a number (also tests/services/test_concurrency.py across processes)."""

from __future__ import annotations

import re
import threading

import sqlalchemy as sa

from app.db.models import Hospital, Patient, User
from app.domain.enums import Role
from app.services.patients import PatientService
from tests import factories as f


def _register(clinic, first: str = "Noor") -> str:
    pid = clinic.patients.register(clinic.desk, first, "Ali", None, "FEMALE", None,
                                   None).patient_id
    return clinic.session.get(Patient, pid).mrn


def test_without_a_setting_the_existing_mrns_pattern_is_followed(clinic, session):
    for n in (100197, 100199, 100198):
        clinic.patient(mrn=f"ANC-{n}")
    clinic.patient(mrn="OD-555")  # one imported from elsewhere does not set the format
    session.commit()
    assert _register(clinic) == "ANC-100200"
    assert _register(clinic, "Huda") == "ANC-100201"


def test_prefix_and_width_come_from_the_hospital_settings(clinic, session):
    clinic.hospital.settings = {"mrn_prefix": "CLN/", "mrn_digits": 4}
    clinic.patient(mrn="ANC-100199")
    session.commit()
    assert _register(clinic) == "CLN/0001"
    clinic.patient(mrn="CLN/0002")  # taken meanwhile (an import): skipped
    session.commit()
    assert _register(clinic, "Huda") == "CLN/0003"


def test_a_changed_prefix_does_not_reuse_the_old_counter(clinic, session):
    clinic.hospital.settings = {"mrn_prefix": "MRN"}
    session.commit()
    assert _register(clinic) == "MRN000001"
    clinic.hospital.settings = {"mrn_prefix": "ANC-", "mrn_digits": 6}
    clinic.patient(mrn="ANC-100500")
    session.commit()
    assert _register(clinic, "Huda") == "ANC-100501"


def _demo_desk(session):
    h = session.scalars(sa.select(Hospital).where(Hospital.code == "DXB01")).one()
    u = session.scalars(sa.select(User).where(User.hospital_id == h.id,
                                              User.role == Role.RECEPTIONIST)).first()
    return h, u


def test_the_demo_clinic_registers_in_its_ANC_format(session, uow):
    h, u = _demo_desk(session)
    highest = max(int(m[4:]) for m in session.scalars(
        sa.select(Patient.mrn).where(Patient.hospital_id == h.id)))
    svc = PatientService(uow)
    pid = svc.register(f.actor(u), "Walk", "In", None, "MALE", None, None).patient_id
    mrn = session.get(Patient, pid).mrn
    assert re.fullmatch(r"ANC-\d{6}", mrn), mrn
    assert int(mrn[4:]) == highest + 1


def test_two_desks_registering_at_once_get_different_mrns(fresh_db_url):
    from app.db.session import make_engine, make_session_factory
    from app.services.unit_of_work import uow_factory

    engine = make_engine(fresh_db_url, pool_size=2)
    with engine.connect() as c:
        hid = c.scalar(sa.select(Hospital.id).where(Hospital.code == "DXB01"))
        uid = c.scalar(sa.select(User.id).where(User.hospital_id == hid,
                                                User.role == Role.RECEPTIONIST))
    svc = PatientService(uow_factory(make_session_factory(engine)))
    actors = [f.committed_actor(engine, uid, f"desk-{i}") for i in range(2)]
    start = threading.Barrier(2)
    pids: list[int] = []
    errors: list[BaseException] = []

    def desk(actor) -> None:
        start.wait()
        try:
            for i in range(5):
                pids.append(svc.register(actor, "Race", f"Case{i}", None, "MALE", None,
                                         None).patient_id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(a,)) for a in actors]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    with engine.connect() as c:
        mrns = c.execute(sa.select(Patient.mrn).where(Patient.id.in_(pids))).scalars().all()
    engine.dispose()
    assert len(mrns) == 10 and len(set(mrns)) == 10
    assert all(re.fullmatch(r"ANC-\d{6}", m) for m in mrns), mrns
