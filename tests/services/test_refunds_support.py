"""Builders for refund tests: a clinic with one user per role, and a copay payment booked the
way the copay service books a collect (payment row, receipt number, GL entry, deductible
ledger), using the shared primitives of app/services/ledger.py.

Kept apart so the service tests and the screen tests build the same data.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import (
    CopayPayment,
    GLAccount,
    Hospital,
    JournalEntry,
    JournalLine,
    Patient,
    PatientInsurance,
    User,
)
from app.domain.enums import CopayStatus, PaymentMethod, Role
from app.domain.money import q, vat_included
from app.services import ledger
from app.services.context import Actor
from tests import factories as f

# 06:14 UTC = 10:14 in Dubai.
NOW = dt.datetime(2026, 3, 1, 6, 14, tzinfo=dt.UTC)

_DEBIT = {PaymentMethod.CASH: ledger.ACCOUNT_CASH, PaymentMethod.CREDIT_CARD: ledger.ACCOUNT_CARD,
          PaymentMethod.DEBIT_CARD: ledger.ACCOUNT_CARD, PaymentMethod.DEPOSIT: ledger.ACCOUNT_DEPOSITS}


@dataclass
class Clinic:
    hospital: Hospital
    users: dict[Role, User]
    # Signed in once when the clinic is made (each with its login session), so the actors
    # work after the making Session is gone (the committed-database tests).
    actors: dict[Role, Actor]

    def actor(self, role: Role) -> Actor:
        return self.actors[role]

    @property
    def desk(self) -> Actor:
        return self.actor(Role.RECEPTIONIST)

    @property
    def accountant(self) -> Actor:
        return self.actor(Role.ACCOUNTANT)


def clinic(s: Session) -> Clinic:
    h = f.hospital(s)
    users = {}
    for role in Role:
        # A placeholder hash: these users never sign in, and argon2 would cost ~0.1 s each.
        users[role] = f.user(s, h, role, password_hash="!test-only")
    users[Role.ACCOUNTANT].full_name = "Omar Haddad"
    s.flush()
    return Clinic(h, users, {role: f.actor(u) for role, u in users.items()})


def collected_payment(
    s: Session,
    c: Clinic,
    *,
    amount: str = "100.00",
    method: PaymentMethod = PaymentMethod.CASH,
    vat_rate: str = "0",
    deductible: str = "0.00",
    copay: str | None = None,
    insured: bool = True,
    patient: Patient | None = None,
    day: dt.date = dt.date(2026, 2, 26),
    insurer: str = "Daman",
    **patient_kw,
) -> CopayPayment:
    """A copay collected for a fresh appointment; ``deductible + copay`` defaults to ``amount``."""
    h = c.hospital
    paid = Decimal(amount)
    d = Decimal(deductible)
    cp = Decimal(copay) if copay is not None else paid - d
    pat = patient or f.patient(s, h, **patient_kw)
    dept = f.department(s, h)
    doc = f.doctor(s, h, dept)
    appt = f.appointment(s, pat, doc, day=day, copay_status=CopayStatus.COLLECTED,
                         copay_collected=True, copay_amount=paid)
    ins: PatientInsurance | None = None
    if insured:
        ins = s.scalars(sa.select(PatientInsurance).where(
            PatientInsurance.patient_id == pat.id, PatientInsurance.priority == 1)).first()
        if ins is None:
            ins = f.insurance(s, pat, f.payer(s, h, name=insurer), annual_deductible=Decimal(500),
                              annual_copay_max=Decimal(2000))
    rate = Decimal(vat_rate)
    vat = vat_included(paid, rate)
    seq, number = ledger.next_receipt_number(s, h.id, day.year, "RCP")
    insurer_part = q(paid * 3) if insured else Decimal("0.00")
    collector = c.users[Role.RECEPTIONIST]
    pay = CopayPayment(
        hospital_id=h.id, patient_id=pat.id, appointment_id=appt.id,
        patient_insurance_id=ins.id if ins else None, amount=paid, fee=paid + insurer_part,
        primary_insurer_amount=insurer_part, secondary_insurer_amount=Decimal(0),
        deductible_portion=d if insured else Decimal(0), copay_portion=cp if insured else Decimal(0),
        vat_amount=vat, vat_rate=rate, payment_method=method,
        insurance_provider=ins.provider_name if ins else None,
        policy_number=ins.policy_number if ins else None, receipt_number=number,
        receipt_year=day.year, receipt_seq=seq, idempotency_key=uuid.uuid4().hex,
        quote={"service_date": day.isoformat()}, collected_by=collector.id,
        payment_date=dt.datetime.combine(day, dt.time(9, 30), f.DUBAI))
    s.add(pay)
    s.flush()
    if ins is not None and (d or cp):
        ledger.adjust_deductible_ledger(
            s, hospital_id=h.id, patient_id=pat.id, patient_insurance_id=ins.id,
            fiscal_year=day.year, deductible_delta=d, copay_delta=cp,
            max_deductible=Decimal(500), max_copay=Decimal(2000))
    # Through move_money, as the copay service posts: a cash payment lands in the
    # collector's drawer (the clinic's actors have shifts on "test-ws").
    f.open_shift(s, collector)
    ledger.move_money(s, hospital_id=h.id, patient_id=pat.id, memo=f"Copay {number}",
                      source_type=ledger.SOURCE_COPAY_PAYMENT, source_id=pay.id,
                      lines=[(_DEBIT[method], paid, Decimal(0)),
                             (ledger.ACCOUNT_REVENUE, Decimal(0), paid - vat),
                             (ledger.ACCOUNT_VAT, Decimal(0), vat)], posted_by=collector.id,
                      method=method, workstation="test-ws")
    s.flush()
    return pay


def balances(s: Session, hospital_id: int) -> dict[str, Decimal]:
    """Net debit - credit per account code (accounts without lines are left out)."""
    rows = s.execute(
        sa.select(GLAccount.code, sa.func.sum(JournalLine.debit - JournalLine.credit))
        .join(JournalLine, JournalLine.account_id == GLAccount.id)
        .where(GLAccount.hospital_id == hospital_id).group_by(GLAccount.code)).all()
    return {code: q(v) for code, v in rows}


def entries_balance(s: Session, hospital_id: int) -> bool:
    rows = s.execute(
        sa.select(JournalEntry.id, sa.func.sum(JournalLine.debit), sa.func.sum(JournalLine.credit))
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
        .where(JournalEntry.hospital_id == hospital_id).group_by(JournalEntry.id)).all()
    return bool(rows) and all(d == c for _, d, c in rows)


def test_a_simulated_collect_books_a_balanced_entry(session):
    c = clinic(session)
    pay = collected_payment(session, c, amount="105.00", vat_rate="0.05", deductible="40.00")
    assert pay.vat_amount == Decimal("5.00")
    assert pay.receipt_number == "RCP-2026-000001"
    assert entries_balance(session, c.hospital.id)
    assert balances(session, c.hospital.id) == {"1000": Decimal("105.00"),
                                                "4000": Decimal("-100.00"),
                                                "2200": Decimal("-5.00")}
