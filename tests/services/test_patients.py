"""Patient search, quick registration with MRN numbering, and deposit top-ups."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import (
    ActivityLog,
    DepositTransaction,
    GLAccount,
    JournalEntry,
    JournalLine,
    Patient,
)
from app.domain.eid import make_eid
from app.domain.enums import DepositTxnKind, Gender, PaymentMethod, Role
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.services.changes import Changes
from tests import factories as f

D = Decimal


def test_search_by_eid_mrn_and_name(clinic, session):
    eid = make_eid(1985, 1234567)
    p1 = clinic.patient(first_name="Mariam", last_name="Nasser", mrn="MRN700001",
                        emirates_id=eid)
    clinic.patient(first_name="Marco", last_name="Rossi", mrn="MRN700002")
    clinic.patient(first_name="Mariam", last_name="Old", mrn="MRN700003", is_active=False)
    f.insurance(session, p1, clinic.payer(name="Daman"))
    other = f.hospital(session)
    f.patient(session, other, first_name="Mariam", emirates_id=eid)
    session.commit()
    svc, desk = clinic.patients, clinic.desk

    by_eid = svc.search(desk, eid.replace("-", ""))
    assert [(r.patient_id, r.matched_by, r.requires_eid_verification) for r in by_eid] == [
        (p1.id, "EID", False)]
    assert by_eid[0].primary_insurer == "Daman" and by_eid[0].full_name == "Mariam Nasser"
    assert [r.matched_by for r in svc.search(desk, eid)] == ["EID"]
    assert [(r.mrn, r.requires_eid_verification) for r in svc.search(desk, "mrn700001")] == [
        ("MRN700001", True)]
    names = svc.search(clinic.actors[Role.NURSE], "MAR")
    assert [r.last_name for r in names] == ["Nasser", "Rossi"]  # inactive and other hospital out
    assert all(r.matched_by == "NAME" and r.requires_eid_verification for r in names)
    assert [r.last_name for r in svc.search(desk, "mariam nas")] == ["Nasser"]
    assert len(svc.search(desk, "mar", limit=1)) == 1
    assert svc.search(desk, "   ") == []


def test_register_allocates_mrns_after_the_highest_and_skips_taken(clinic, session):
    clinic.patient(mrn="MRN000123")
    clinic.patient(mrn="OD-555")  # another system's format does not count
    session.commit()
    svc, desk = clinic.patients, clinic.desk
    pid = svc.register(desk, " Huda ", "Al  Mansoori", dt.date(1992, 4, 2), "female",
                       "+971 50 123 4567", make_eid(1992, 7654321).replace("-", ""))
    assert pid.changes == Changes.of(patients={pid.patient_id})
    pid = pid.patient_id
    p = session.get(Patient, pid)
    assert (p.mrn, p.first_name, p.last_name, p.gender) == ("MRN000124", "Huda", "Al Mansoori",
                                                            Gender.FEMALE)
    assert p.emirates_id == make_eid(1992, 7654321)
    clinic.patient(mrn="MRN000125")  # e.g. imported meanwhile
    session.commit()
    pid2 = svc.register(desk, "Sami", "Haddad", None, Gender.MALE, None, None).patient_id
    assert session.get(Patient, pid2).mrn == "MRN000126"
    assert session.get(Patient, pid2).emirates_id is None
    act = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "PATIENT_REGISTERED", ActivityLog.target_id == str(pid))).one()
    assert act.payload == {"mrn": "MRN000124", "has_emirates_id": True}


def test_mrn_prefix_follows_the_hospital_setting(clinic, session):
    clinic.hospital.settings = {"mrn_prefix": "ANC-"}
    clinic.patient(mrn="ANC-100199")
    clinic.patient(mrn="MRN000500")
    session.commit()
    pid = clinic.patients.register(clinic.desk, "Noor", "Ali", None, "FEMALE", None,
                                   None).patient_id
    assert session.get(Patient, pid).mrn == "ANC-100200"


def test_register_refusals(clinic, session):
    svc, desk = clinic.patients, clinic.desk
    eid = make_eid(1980, 1111111)
    svc.register(desk, "Ali", "Khan", None, "MALE", None, eid)
    with pytest.raises(Conflict, match=f"Emirates ID {eid} is already registered to Ali Khan"):
        svc.register(desk, "Ali", "Khan", None, "MALE", None, eid)
    with pytest.raises(ValidationError) as err:
        svc.register(desk, " ", "", None, "", "abc", None)
    assert err.value.details["problems"] == [
        "First name is required.", "Last name is required.", "Choose the patient's gender.",
        "Phone must be digits, like +971 50 123 4567."]
    with pytest.raises(ValidationError, match="15 digits"):
        svc.register(desk, "A", "B", None, "MALE", None, "784-1980-12")
    with pytest.raises(ValidationError, match="check digit"):
        svc.register(desk, "A", "B", None, "MALE", None, eid[:-1] + str((int(eid[-1]) + 1) % 10))
    with pytest.raises(ValidationError, match="future"):
        svc.register(desk, "A", "B", dt.date(2030, 1, 1), "MALE", None, None)
    with pytest.raises(PermissionDenied):
        svc.register(clinic.actors[Role.NURSE], "A", "B", None, "MALE", None, None)


def test_deposit_top_up_posts_balance_transaction_and_gl(clinic, session):
    pat = clinic.patient()
    session.commit()
    res = clinic.patients.deposit_top_up(clinic.desk, pat.id, "1,250.50")
    res2 = clinic.patients.deposit_top_up(clinic.actors[Role.ACCOUNTANT], pat.id, D("49.50"),
                                          PaymentMethod.CREDIT_CARD)
    assert (res.balance, res2.balance) == (D("1250.50"), D("1300.00"))
    assert res2.changes.touches("patients")
    session.expire_all()
    assert session.get(Patient, pat.id).deposit_balance == D("1300.00")
    txns = session.scalars(sa.select(DepositTransaction).where(
        DepositTransaction.patient_id == pat.id).order_by(DepositTransaction.id)).all()
    assert [(t.kind, t.amount, t.balance_after) for t in txns] == [
        (DepositTxnKind.TOP_UP, D("1250.50"), D("1250.50")),
        (DepositTxnKind.TOP_UP, D("49.50"), D("1300.00"))]
    lines = session.execute(
        sa.select(GLAccount.code, JournalLine.debit, JournalLine.credit)
        .join(JournalLine, JournalLine.account_id == GLAccount.id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalEntry.source_type == "DEPOSIT_TOP_UP",
               JournalEntry.source_id == txns[1].id).order_by(GLAccount.code)).all()
    assert [(c, str(d), str(cr)) for c, d, cr in lines] == [("1010", "49.50", "0.00"),
                                                           ("2100", "0.00", "49.50")]
    with pytest.raises(NotFound):
        clinic.patients.deposit_top_up(clinic.desk, 987_654_321, "10")
    with pytest.raises(ValidationError, match="two decimals"):
        clinic.patients.deposit_top_up(clinic.desk, pat.id, D("1.005"))


def test_date_of_birth_more_than_130_years_ago_is_refused(clinic):
    svc, desk = clinic.patients, clinic.desk
    with pytest.raises(ValidationError, match="130 years"):
        svc.register(desk, "A", "B", dt.date(1890, 1, 1), "MALE", None, None)
