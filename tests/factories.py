"""Small builders for test data on a real Session: each fills sensible defaults, takes overrides,
flushes, and returns the row. Use them for table-driven tests that need exact numbers."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session, object_session

from app.db.models import (
    Appointment,
    ChargeItem,
    CPTPayerRule,
    DeductibleLedger,
    Department,
    Doctor,
    Drug,
    GLAccount,
    Hospital,
    InsurancePayer,
    LoginSession,
    Patient,
    PatientInsurance,
    PreAuthRequest,
    Prescription,
    User,
)
from app.domain.accounts import CHART_OF_ACCOUNTS
from app.domain.enums import (
    AppointmentStatus,
    Gender,
    NetworkTier,
    PreAuthRequestStatus,
    Role,
    VisitType,
)
from app.services.context import Actor

_seq = itertools.count(1)
DUBAI = ZoneInfo("Asia/Dubai")


def today(tz: str = "Asia/Dubai") -> dt.date:
    return dt.datetime.now(ZoneInfo(tz)).date()


def _add(s: Session, obj):
    s.add(obj)
    s.flush()
    return obj


def hospital(s: Session, **kw) -> Hospital:
    n = next(_seq)
    h = _add(s, Hospital(**{"code": f"TH{n}", "name": f"Test Hospital {n}",
                            "timezone": "Asia/Dubai", "settings": {}, **kw}))
    for code, name, kind in GL_ACCOUNTS:
        s.add(GLAccount(hospital_id=h.id, code=code, name=name, account_type=kind))
    s.flush()
    return h


GL_ACCOUNTS = CHART_OF_ACCOUNTS


def department(s: Session, h: Hospital, **kw) -> Department:
    n = next(_seq)
    return _add(s, Department(**{"hospital_id": h.id, "code": f"D{n}", "name": f"Dept {n}", **kw}))


def doctor(s: Session, h: Hospital, dept: Department, **kw) -> Doctor:
    n = next(_seq)
    return _add(s, Doctor(**{"hospital_id": h.id, "department_id": dept.id,
                             "full_name": f"Dr. Test {n}", **kw}))


def user(s: Session, h: Hospital, role: Role = Role.RECEPTIONIST, **kw) -> User:
    from app.services.passwords import hash_password

    n = next(_seq)
    kw.setdefault("password_hash", hash_password(kw.pop("password", "secret-pass-1")))
    return _add(s, User(**{"hospital_id": h.id, "username": f"user{n}_{role.value.lower()}",
                           "full_name": f"{role.value.title()} {n}", "role": role, **kw}))


def login_session(s: Session, u: User, workstation: str = "test-ws", **kw) -> LoginSession:
    """An open login session of ``u`` (12 hours on the database clock, as sign-in makes)."""
    return _add(s, LoginSession(**{"user_id": u.id, "workstation": workstation,
                                   "app_version": "test",
                                   "expires_at": sa.func.now() + dt.timedelta(hours=12),
                                   **kw}))


# Tests written before cash shifts collect and refund cash as any desk user: the actors made
# here get an open shift with this float on their workstation (roles that handle cash), so a
# cash refund by an accountant has a drawer to come from. Pass ``shift=False`` for none.
TEST_FLOAT = Decimal("10000.00")


def open_shift(s: Session, u: User, workstation: str = "test-ws",
               float_: Decimal = TEST_FLOAT) -> int | None:
    """Open ``u``'s cash shift on ``workstation`` unless one is open; its id."""
    from app.db.models import CashShift
    from app.domain.roles import Permission, can
    if not can(u.role, Permission.MANAGE_SHIFT):
        return None
    s.execute(pg_insert(CashShift).values(
        hospital_id=u.hospital_id, user_id=u.id, workstation=workstation,
        opening_float=float_, expected_cash=float_,
    ).on_conflict_do_nothing(index_elements=["user_id", "workstation"],
                             index_where=sa.text("closed_at IS NULL")))
    return s.scalar(sa.select(CashShift.id).where(
        CashShift.user_id == u.id, CashShift.workstation == workstation,
        CashShift.closed_at.is_(None)))


def actor(u: User, workstation: str = "test-ws", *, shift: bool = True) -> Actor:
    """The actor of ``u`` signed in on ``workstation``: every service call checks its login
    session, so this opens one (in the user's own Session, i.e. the test's transaction), and
    a cash shift (see TEST_FLOAT) unless ``shift=False``."""
    s = object_session(u)
    assert s is not None, "the user must belong to a Session"
    login = login_session(s, u, workstation)
    if shift:
        open_shift(s, u, workstation)
    return Actor(u.id, u.hospital_id, u.role, u.username, u.full_name, workstation,
                 str(login.id))


def committed_actor(engine: sa.Engine, user_id: int, workstation: str = "test-ws", *,
                    username: str | None = None, full_name: str | None = None,
                    shift: bool = True) -> Actor:
    """For tests on a committed database (several processes or threads): the actor of user
    ``user_id`` with a login session (and a cash shift, as :func:`actor`) committed for it."""
    with Session(engine) as s:
        u = s.get(User, user_id)
        assert u is not None
        login = login_session(s, u, workstation)
        if shift:
            open_shift(s, u, workstation)
        s.commit()
        return Actor(u.id, u.hospital_id, u.role, username or u.username,
                     full_name or u.full_name, workstation, str(login.id))


def patient(s: Session, h: Hospital, **kw) -> Patient:
    n = next(_seq)
    return _add(s, Patient(**{"hospital_id": h.id, "mrn": f"MRN{n:06d}", "first_name": "Test",
                              "last_name": f"Patient{n}", "gender": Gender.FEMALE,
                              "date_of_birth": dt.date(1985, 5, 17), **kw}))


def payer(s: Session, h: Hospital, **kw) -> InsurancePayer:
    n = next(_seq)
    return _add(s, InsurancePayer(**{"hospital_id": h.id, "name": f"Payer {n}",
                                     "code": f"P{n}", **kw}))


def cpt_rule(s: Session, p: InsurancePayer, cpt_code: str, **kw) -> CPTPayerRule:
    return _add(s, CPTPayerRule(payer_id=p.id, cpt_code=cpt_code, **kw))


def insurance(s: Session, pat: Patient, p: InsurancePayer, **kw) -> PatientInsurance:
    n = next(_seq)
    priority = kw.pop("priority", 1)
    return _add(s, PatientInsurance(**{
        "hospital_id": pat.hospital_id, "patient_id": pat.id, "payer_id": p.id,
        "provider_name": p.name, "policy_number": f"POL-{n}", "priority": priority,
        "is_primary": priority == 1, "network_tier": NetworkTier.IN_NETWORK,
        "effective_date": dt.date(2020, 1, 1), **kw}))


def charge(s: Session, h: Hospital, code: str = "initial_consultation", fee: str = "300.00",
           **kw) -> ChargeItem:
    return _add(s, ChargeItem(**{"hospital_id": h.id, "code": code, "cpt_code": "99203",
                                 "description": code.replace("_", " ").title(),
                                 "fee": Decimal(fee), "vat_rate": Decimal("0"), **kw}))


def appointment(s: Session, pat: Patient, doc: Doctor, **kw) -> Appointment:
    day = kw.pop("day", today())
    start = dt.datetime.combine(day, dt.time(10, 0), DUBAI)
    return _add(s, Appointment(**{
        "hospital_id": pat.hospital_id, "patient_id": pat.id, "doctor_id": doc.id,
        "department_id": doc.department_id, "scheduled_start": start,
        "scheduled_end": start + dt.timedelta(minutes=15), "appointment_date": day,
        "visit_type": VisitType.CONSULTATION, "status": AppointmentStatus.SCHEDULED,
        "eligibility_details": {}, **kw}))


def ledger(s: Session, ins: PatientInsurance, year: int, **kw) -> DeductibleLedger:
    return _add(s, DeductibleLedger(**{"hospital_id": ins.hospital_id, "patient_id": ins.patient_id,
                                       "patient_insurance_id": ins.id, "fiscal_year": year, **kw}))


def preauth(s: Session, ins: PatientInsurance, cpt_code: str,
            status: PreAuthRequestStatus, **kw) -> PreAuthRequest:
    return _add(s, PreAuthRequest(**{"hospital_id": ins.hospital_id, "patient_id": ins.patient_id,
                                     "patient_insurance_id": ins.id, "cpt_code": cpt_code,
                                     "status": status, "details": {}, **kw}))


def prescription(s: Session, pat: Patient, name: str, price: str, qty: int = 1) -> Prescription:
    n = next(_seq)
    d = _add(s, Drug(hospital_id=pat.hospital_id, code=f"DRG{n}", name=name,
                     unit_price=Decimal(price)))
    return _add(s, Prescription(hospital_id=pat.hospital_id, patient_id=pat.id, drug_id=d.id,
                                quantity=qty))
