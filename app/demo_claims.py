"""The demo's billing history: OpenDental claims of its insured visits of the last ~5 months,
so the office dashboard (and the claims screens) have something true-looking to show.

Every claim is labelled SIMULATED (``details.simulated``) and belongs to the demo's SANDBOX
connection, numbered from 9,000,001 (ClaimNum) and 9,100,001 (ClaimPaymentNum) so the
loopback sandbox's own claims (numbered from 1) never meet them. Statuses follow a claim's
age as in a real office: the last days' unsent, then sent, then approved, rejected or paid.
A paid claim has its insurer payment stored and posted to the ledger the way
app/services/insurance_payments.py posts one (receivable accrued, then settled from the bank),
through ``ledger.move_money``; one check per payer and day pays that day's claims.

Deterministic: the same visits give the same claims (no randomness; keys are the visits'
places in date order, never database ids).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import (
    Appointment,
    Claim,
    ClaimProcedure,
    ClaimStatusChange,
    InsurancePayer,
    InsurancePayment,
    OdCoverage,
    Patient,
    PatientInsurance,
)
from app.domain.enums import AppointmentStatus, ClaimStatus, InsurancePaymentStatus
from app.domain.money import ZERO, q
from app.services import ledger

CLAIM_NUM_BASE = 9_000_000
PAYMENT_NUM_BASE = 9_100_000
HISTORY_DAYS = 150
MAX_CLAIMS = 120
REASONS = ("Pre-authorisation missing (CO-197).",
           "Member not eligible on date of service (CO-27).",
           "Missing or invalid diagnosis code (CO-16).")
DENTAL_HISTORY = 30
DENTAL = (("D0120", "Periodic oral evaluation", Decimal("250.00")),
          ("D1110", "Prophylaxis, adult", Decimal("350.00")),
          ("D0274", "Bitewings, four films", Decimal("180.00")))
CODES = {"CONSULTATION": ("99203", "Office visit, new patient"),
         "FOLLOW_UP": ("99213", "Office visit, established patient"),
         "EMERGENCY": ("99284", "Emergency department visit")}


@dataclass(frozen=True)
class _Visit:
    key: int
    patient_id: int
    appointment_id: int | None
    day: dt.date
    policy: PatientInsurance
    carrier: str
    pat_num: int | None
    code: str
    description: str
    fee: Decimal
    insurer: Decimal


def _status(key: int, age: int) -> ClaimStatus:
    roll = key * 7919 % 100
    if age <= 3:
        return ClaimStatus.NOT_SUBMITTED
    if age <= 14:
        return ClaimStatus.SUBMITTED if roll < 80 else ClaimStatus.NOT_SUBMITTED
    if age <= 45:
        return (ClaimStatus.SUBMITTED if roll < 30 else ClaimStatus.APPROVED if roll < 55
                else ClaimStatus.REJECTED if roll < 65 else ClaimStatus.PAID)
    return (ClaimStatus.PAID if roll < 75 else ClaimStatus.REJECTED if roll < 87
            else ClaimStatus.APPROVED if roll < 94 else ClaimStatus.SUBMITTED)


def add_demo_claims(s: Session, hospital_id: int, connection_id: int, today: dt.date,
                    user_id: int | None, tz: str = "Asia/Dubai",
                    now: dt.datetime | None = None) -> int:
    """Claims (with procedures, history, coverage rows and paid ones' posted payments) for the
    demo hospital's completed insured visits; returns how many. Skips when it has made them
    before; leaves alone the visits that have a claim already (the demo's insurer decisions
    for Reconciliation, app/demo.py)."""
    if s.scalar(sa.select(sa.func.count()).select_from(Claim).where(
            Claim.hospital_id == hospital_id, Claim.connection_id == connection_id,
            Claim.external_claim_id > CLAIM_NUM_BASE)):
        return 0
    zone = ZoneInfo(tz)
    visits = s.execute(
        sa.select(Appointment, PatientInsurance, InsurancePayer.name, Patient.od_pat_num)
        .join(Patient, Patient.id == Appointment.patient_id)
        .join(PatientInsurance, sa.and_(PatientInsurance.patient_id == Appointment.patient_id,
                                        PatientInsurance.is_primary,
                                        PatientInsurance.is_active))
        .join(InsurancePayer, InsurancePayer.id == PatientInsurance.payer_id)
        .where(Appointment.hospital_id == hospital_id,
               Appointment.status == AppointmentStatus.COMPLETED,
               Appointment.appointment_date >= today - dt.timedelta(days=HISTORY_DAYS),
               Appointment.appointment_date < today,
               ~sa.exists().where(Claim.appointment_id == Appointment.id))
        .order_by(Appointment.appointment_date, Appointment.id).limit(MAX_CLAIMS)).all()
    items: list[_Visit] = []
    # A visit's key is its place in date order, not its id: ids are identity values, which a
    # rolled-back build does not give back, and the same demo must get the same claims.
    for key, (appt, policy, carrier, pat_num) in enumerate(visits, start=1):
        code, description = CODES.get(str(appt.visit_type), CODES["CONSULTATION"])
        fee = q(appt.insurance_coverage_amount or ZERO) + q(
            appt.patient_responsibility_amount or ZERO) or Decimal("300.00")
        items.append(_Visit(key, appt.patient_id, appt.id, appt.appointment_date, policy,
                            carrier, pat_num, code, description, fee,
                            q(appt.insurance_coverage_amount or fee * Decimal("0.8"))))
    # The demo's desk history is three weeks long; the dental practice's is longer: claims
    # of its earlier check-ups (no ClinicDesk appointment) give the older age buckets.
    insured = sorted({(v.patient_id, v.policy.id): v for v in items}.values(),
                     key=lambda v: v.patient_id)
    for k, v in enumerate(insured[:DENTAL_HISTORY]):
        code, description, fee = DENTAL[k % len(DENTAL)]
        items.append(_Visit(100_000 + k, v.patient_id, None,
                            today - dt.timedelta(days=24 + 5 * k), v.policy, v.carrier,
                            v.pat_num, code, description, fee, q(fee * Decimal("0.8"))))
    covered: set[int] = set()
    checks: dict[tuple[int, dt.date], int] = {}
    paid_on: dict[int, list[tuple[Claim, Decimal]]] = defaultdict(list)
    for n, v in enumerate(items, start=1):
        policy, carrier, pat_num = v.policy, v.carrier, v.pat_num
        plan = CLAIM_NUM_BASE + policy.payer_id
        if v.patient_id not in covered:
            covered.add(v.patient_id)
            s.add(OdCoverage(
                connection_id=connection_id, hospital_id=hospital_id,
                pat_plan_num=CLAIM_NUM_BASE + v.patient_id,
                pat_num=pat_num or CLAIM_NUM_BASE + v.patient_id,
                patient_id=v.patient_id, ordinal=1, ins_sub_num=CLAIM_NUM_BASE + policy.id,
                plan_num=plan, carrier_name=carrier, group_name=policy.plan_name,
                subscriber_id=policy.member_id, date_effective=policy.effective_date,
                date_term=policy.expiry_date))
        day = v.day
        age = (today - day).days
        status = _status(v.key, age)
        code, description, fee, insurer = v.code, v.description, v.fee, v.insurer
        extra = v.key % 3 == 0 and v.appointment_id is not None  # a lab panel, 1 visit in 3
        billed = fee + (Decimal("85.00") if extra else ZERO)
        approved = insurer + (q(Decimal("85.00") * insurer / fee) if extra and fee else ZERO)
        sent = day + dt.timedelta(days=1 + v.key % 3) if status is not \
            ClaimStatus.NOT_SUBMITTED else None
        received = (min(today, sent + dt.timedelta(days=8 + v.key % 12))
                    if sent and status in (ClaimStatus.APPROVED, ClaimStatus.REJECTED,
                                           ClaimStatus.PAID) else None)
        if status is ClaimStatus.PAID and received is not None:
            received = min(received, today - dt.timedelta(days=1))
        created = dt.datetime.combine(day, dt.time(18, 0), zone)
        claim = Claim(
            hospital_id=hospital_id, patient_id=v.patient_id, appointment_id=v.appointment_id,
            external_claim_id=CLAIM_NUM_BASE + n, connection_id=connection_id, status=status,
            amount_billed=billed,
            amount_approved=approved if status in (ClaimStatus.APPROVED,
                                                   ClaimStatus.PAID) else None,
            rejection_reason=REASONS[v.key % 3] if status is ClaimStatus.REJECTED else None,
            details={"simulated": True},
            od_claim_status="U" if status is ClaimStatus.NOT_SUBMITTED else
            "S" if status is ClaimStatus.SUBMITTED else "R",
            od_plan_num=plan, date_service=day, date_sent=sent, date_received=received,
            created_at=created)
        s.add(claim)
        s.flush()
        lines = [(code, description, fee, insurer)]
        if extra:
            lines.append(("80053", "Comprehensive metabolic panel", Decimal("85.00"),
                          approved - insurer))
        for i, (c, d, f, est) in enumerate(lines, start=1):
            s.add(ClaimProcedure(
                claim_id=claim.id, od_proc_num=CLAIM_NUM_BASE + n * 10 + i, code=c,
                description=d, proc_date=day, fee_billed=f, ins_pay_est=est,
                ins_pay_amt=est if status is ClaimStatus.PAID else ZERO,
                status="Received" if received else "NotReceived"))
        steps = [(None, ClaimStatus.NOT_SUBMITTED, "U", None, created)]
        if sent:
            steps.append((ClaimStatus.NOT_SUBMITTED, ClaimStatus.SUBMITTED, "S", None,
                          dt.datetime.combine(sent, dt.time(10, 0), zone)))
        if received:
            decided = (ClaimStatus.REJECTED if status is ClaimStatus.REJECTED
                       else ClaimStatus.APPROVED)
            steps.append((ClaimStatus.SUBMITTED, decided, "R", claim.rejection_reason,
                          dt.datetime.combine(received, dt.time(11, 0), zone)))
        if status is ClaimStatus.PAID and received is not None:
            paid_on[policy.payer_id].append((claim, approved))
            key = (policy.payer_id, received)
            checks.setdefault(key, PAYMENT_NUM_BASE + len(checks) + 1)
            steps.append((ClaimStatus.APPROVED, ClaimStatus.PAID, "R",
                          f"Claim payment {checks[key]}",
                          dt.datetime.combine(received, dt.time(12, 0), zone)))
        for before, after, letter, reason, at in steps:
            if now is not None:  # a demo built early in the day: nothing later than now
                at = min(at, now)
            s.add(ClaimStatusChange(claim_id=claim.id, from_status=before, to_status=after,
                                    od_claim_status=letter, reason=reason, source="SYNC",
                                    changed_at=at))
    s.flush()
    _post_payments(s, hospital_id, connection_id, paid_on, checks, zone, user_id)
    return len(items)


def _post_payments(s: Session, hospital_id: int, connection_id: int,
                   paid_on: dict[int, list[tuple[Claim, Decimal]]],
                   checks: dict[tuple[int, dt.date], int], zone: ZoneInfo,
                   user_id: int | None) -> None:
    names = dict(s.execute(sa.select(InsurancePayer.id, InsurancePayer.name)).all())
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for payer_id, claims in paid_on.items():
        for claim, amount in claims:
            totals[checks[(payer_id, claim.date_received)]] += amount
    for payer_id, claims in paid_on.items():
        for claim, amount in claims:
            num = checks[(payer_id, claim.date_received)]
            label = f"claim {claim.external_claim_id} (payment {num})"
            ledger.move_money(
                s, hospital_id=hospital_id, patient_id=None,
                memo=f"Insurance receivable, {label}", source_type="INSURANCE_CLAIM",
                source_id=claim.id,
                lines=[(ledger.ACCOUNT_INSURANCE_RECEIVABLE, amount, ZERO),
                       (ledger.ACCOUNT_REVENUE, ZERO, amount)], posted_by=user_id)
            payment = InsurancePayment(
                hospital_id=hospital_id, claim_id=claim.id, connection_id=connection_id,
                amount=amount, status=InsurancePaymentStatus.POSTED, method="Check",
                external_payment_id=num,
                received_at=dt.datetime.combine(claim.date_received, dt.time(12, 0), zone),
                details={"check_num": f"CHK{num}", "carrier": names.get(payer_id),
                         "check_amount": str(totals[num]),
                         "claim_num": claim.external_claim_id, "simulated": True})
            s.add(payment)
            s.flush()
            entry = ledger.move_money(
                s, hospital_id=hospital_id, patient_id=None,
                memo=f"Insurance payment, {label}", source_type="INSURANCE_PAYMENT",
                source_id=payment.id,
                lines=[(ledger.ACCOUNT_BANK, amount, ZERO),
                       (ledger.ACCOUNT_INSURANCE_RECEIVABLE, ZERO, amount)],
                posted_by=user_id).entry_id
            payment.journal_entry_id = entry
    s.flush()
