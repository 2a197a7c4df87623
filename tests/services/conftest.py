"""A small clinic for the service tests: one hospital with its chart of accounts, a
department, a doctor, one user per role, a charge master, and the services on a fixed clock
(10 March 2026, 09:30 in Dubai), so "today" and the fiscal year never drift."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import (
    ActivityLog,
    CopayPayment,
    DeductibleLedger,
    DepositTransaction,
    InsuranceAudit,
    JournalEntry,
    JournalLine,
    PatientInsurance,
    PreAuthRequest,
    ReceiptCounter,
)
from app.domain.enums import Role
from app.services.clock import fixed_clock
from app.services.context import Actor
from app.services.copay import CopayService
from app.services.insurance import InsuranceService
from app.services.patients import PatientService
from app.services.queue import QueueService
from tests import factories as f

DAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 9, 30, tzinfo=f.DUBAI)


@dataclass
class Clinic:
    session: object
    hospital: object
    dept: object
    doctor: object
    users: dict[Role, object]
    actors: dict[Role, Actor]
    copay: CopayService
    queue: QueueService
    patients: PatientService
    insurance: InsuranceService

    @property
    def desk(self) -> Actor:
        return self.actors[Role.RECEPTIONIST]

    def patient(self, **kw):
        return f.patient(self.session, self.hospital, **kw)

    def appointment(self, pat, **kw):
        kw.setdefault("day", DAY)
        return f.appointment(self.session, pat, self.doctor, **kw)

    def payer(self, **kw):
        return f.payer(self.session, self.hospital, **kw)


def make_clinic(session, uow, *, charges: bool = True) -> Clinic:
    h = f.hospital(session, name="Al Noor Clinic", address="Sheikh Zayed Road, Dubai",
                   phone="+971 4 000 0000", trn="100000000000003")
    dept = f.department(session, h, name="General Practice")
    doc = f.doctor(session, h, dept, full_name="Dr. Sara Khan")
    users = {role: f.user(session, h, role) for role in Role}
    users[Role.RECEPTIONIST].full_name = "Amina Yousef"
    if charges:
        f.charge(session, h, "initial_consultation", "300.00", cpt_code="99203")
        f.charge(session, h, "follow_up", "150.00", cpt_code="99213")
        f.charge(session, h, "emergency_consult", "500.00", cpt_code="99284")
    session.commit()
    clock = fixed_clock(NOW)
    return Clinic(session, h, dept, doc, users, {r: f.actor(u) for r, u in users.items()},
                  CopayService(uow, clock), QueueService(uow, clock), PatientService(uow, clock),
                  InsuranceService(uow, clock))


@pytest.fixture
def clinic(session, uow) -> Clinic:
    return make_clinic(session, uow)


WRITE_TABLES = (CopayPayment, InsuranceAudit, ActivityLog, JournalEntry, JournalLine,
                DepositTransaction, DeductibleLedger, ReceiptCounter, PreAuthRequest,
                PatientInsurance)


def row_counts(session) -> dict[str, int]:
    """Rows in every table a desk action may write: compare before and after a refusal."""
    session.expire_all()
    return {m.__tablename__: session.scalar(sa.select(sa.func.count()).select_from(m))
            for m in WRITE_TABLES}


def money(text: str) -> Decimal:
    return Decimal(text)
