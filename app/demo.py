"""The demo hospital: Al Noor Family Clinic, Dubai, with a realistic day at the front desk.

``create_demo(session_factory)`` builds, in one transaction, a hospital (code ``DXB01``) with
departments, doctors, one user per role, the general-ledger chart, the charge master, three UAE
payers with their CPT rules, drugs, about 200 patients with every insurance situation the copay
quote handles (self-pay, primary only, primary + secondary, out of network, expired policy,
annual copay cap nearly reached, deductible partly used, deposits, active prescriptions,
pre-auth requests in every status), and appointments today (every status), tomorrow and on
past days, with the copay payments, receipts, refunds, ledger entries and audit rows that the
desk would have produced.

- Idempotent: when hospital ``DXB01`` exists nothing is written; the summary counts what is
  there. A transaction-scoped advisory lock keeps two workstations from both creating it.
- Deterministic: one ``random.Random`` with a fixed seed; only ``today`` (and ``clock``, which
  places "now" within the day) change the dates.
- Consistent: every journal entry balances; receipt numbers ``RCP-{year}-{seq:06d}`` are
  gapless per year and ``receipt_counters`` holds the last one; token counters hold the last
  token of each department and day; deposit balances are the running sum of their
  transactions; deductible ledgers include the copays paid here this year.
- Quoted by the real engine: every copay is :func:`app.domain.copay.quote` on the same
  inputs the copay service would load (charge master row, policies with their payer rule
  and this year's ledger usage, pre-auth requests, prescriptions), and each payment stores
  that quote's ``CopayQuote.to_dict()`` as its snapshot; tests/db/test_demo.py re-quotes
  every payment from the database.
- Fast: plain rows written with bulk INSERTs, six password hashes; well under 3 s.

Payer ids, policy numbers, member ids, prices and licence numbers are illustrative, not real.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import unicodedata
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import (
    ActivityLog,
    Appointment,
    BalanceSettlement,
    CashShift,
    ChargeItem,
    Claim,
    CopayPayment,
    CopayRefund,
    CPTPayerRule,
    DeductibleLedger,
    Department,
    DepositTransaction,
    Doctor,
    Drug,
    GLAccount,
    Hospital,
    ICD10PayerRule,
    InsuranceAudit,
    InsurancePayer,
    JournalEntry,
    JournalLine,
    Patient,
    PatientInsurance,
    PreAuthRequest,
    Prescription,
    ReceiptCounter,
    ShiftMovement,
    TokenCounter,
    User,
    Vitals,
)
from app.demo_opendental import add_sandbox_connection
from app.demo_schedule import add_working_hours
from app.domain.accounts import CHART_OF_ACCOUNTS
from app.domain.copay import (
    ChargeInput,
    CopayAction,
    CopayQuote,
    PayerRuleInput,
    PolicyInput,
    PreAuthInput,
    PrescriptionInput,
    QuoteInput,
    charge_code_for,
)
from app.domain.copay import quote as engine_quote
from app.domain.eid import is_valid_eid, make_eid
from app.domain.enums import (
    ActorType,
    AppointmentStatus,
    AuditAction,
    ClaimStatus,
    CoordinationOfBenefits,
    CopayStatus,
    DataSource,
    DepositTxnKind,
    EligibilityStatus,
    Gender,
    NetworkTier,
    PaymentMethod,
    PreAuthRequestStatus,
    RefundMethod,
    RefundReason,
    RefundStatus,
    Regulator,
    Role,
    VerificationSource,
    VerificationStatus,
    VisitType,
)
from app.domain.money import ZERO, q, vat_included
from app.services import ledger
from app.services.clock import Clock, system_clock
from app.services.copay import ICD10_CONSULT_PREFIX
from app.services.onboarding import lock_hospital_creation
from app.services.passwords import hash_password

DEMO_CODE = "DXB01"
DEMO_TZ = "Asia/Dubai"
SEED = 20260204
N_PATIENTS = 200
PAST_DAYS = 21
_LOCK_KEY = 0x434C44454D4F  # "CLDEMO": serialises concurrent create_demo calls
_D = Decimal

# ------------------------------------------------------------------------------------------
# Reference data
# ------------------------------------------------------------------------------------------

DEMO_USERS: tuple[tuple[str, str, Role, str], ...] = (
    ("reception", "reception123", Role.RECEPTIONIST, "Layla Hassan"),
    ("nurse", "nurse123", Role.NURSE, "Grace Thomas"),
    ("doctor", "doctor123", Role.DOCTOR, "Dr. Ahmed Al Mansoori"),
    ("accountant", "accountant123", Role.ACCOUNTANT, "Rohan Mehta"),
    ("admin", "admin123", Role.HOSPITAL_ADMIN, "Huda Al Suwaidi"),
    ("superadmin", "super123", Role.SUPER_ADMIN, "System Administrator"),
)

DEPARTMENTS = (
    ("GP", "General Practice"),
    ("PED", "Pediatrics"),
    ("CARD", "Cardiology"),
    ("DERM", "Dermatology"),
    ("ORTH", "Orthopedics"),
    ("ER", "Emergency"),
)

# department code, name, speciality, DHA licence
DOCTORS = (
    ("GP", "Dr. Ahmed Al Mansoori", "General Practitioner", "DHA-P-0048213"),
    ("PED", "Dr. Priya Nair", "Pediatrician", "DHA-P-0051877"),
    ("CARD", "Dr. Omar Haddad", "Consultant Cardiologist", "DHA-P-0039405"),
    ("DERM", "Dr. Sarah Thompson", "Specialist Dermatologist", "DHA-P-0062190"),
    ("ORTH", "Dr. Rajesh Kumar", "Orthopedic Surgeon", "DHA-P-0044768"),
    ("ER", "Dr. Fatima Al Zaabi", "Emergency Physician", "DHA-P-0057332"),
)

GL_CHART = CHART_OF_ACCOUNTS

# code, CPT, description, fee (VAT-inclusive), VAT rate
CHARGES = (
    ("initial_consultation", "99203", "Initial consultation (new patient)", "300.00", "0"),
    ("follow_up", "99213", "Follow-up consultation", "200.00", "0"),
    ("emergency_consult", "99283", "Emergency department visit", "450.00", "0"),
    ("cosmetic_consultation", "99202", "Cosmetic dermatology consultation", "250.00", "0.05"),
)
VISIT_CHARGE = {
    VisitType.CONSULTATION: "initial_consultation",
    VisitType.FOLLOW_UP: "follow_up",
    VisitType.EMERGENCY: "emergency_consult",
}

PAYERS: dict[str, dict[str, Any]] = {
    "DAMAN": dict(name="Daman", dha_payer_id="INS026", preauth_required=False,
                  default_copay_pct=_D("20"), plans=("Daman Enhanced", "Daman Core")),
    "AXA": dict(name="AXA Gulf", dha_payer_id="INS010", preauth_required=False,
                default_copay_pct=_D("30"), plans=("AXA SmartHealth Gold", "AXA SmartHealth Silver")),
    "SUKOON": dict(name="Sukoon (Oman Insurance)", dha_payer_id="INS017",
                   preauth_required=True, default_copay_pct=_D("10"),
                   plans=("Sukoon Essential", "Sukoon Prestige")),
}

# payer, CPT, copay %, per-visit cap, min age, max age, gender, requires pre-auth
CPT_RULES: tuple[tuple[str, str, str, str | None, int | None, int | None, Gender | None, bool], ...] = (
    ("DAMAN", "99203", "20", "50.00", None, None, None, False),
    ("DAMAN", "99213", "20", "50.00", None, None, None, False),
    ("DAMAN", "99283", "0", None, None, None, None, False),
    ("AXA", "99203", "30", None, None, None, None, False),
    ("AXA", "99213", "30", None, None, 64, None, False),
    ("AXA", "99202", "30", None, 18, None, Gender.FEMALE, False),
    ("SUKOON", "99203", "10", None, None, None, None, True),
    ("SUKOON", "99213", "10", None, None, None, None, True),
    ("SUKOON", "99283", "0", None, None, None, None, False),
)
ICD10_RULES = (
    ("DAMAN", "Z00.00", "20", "50.00"),
    ("AXA", "Z00.00", "30", None),
    ("SUKOON", "Z00.00", "10", None),
)

DRUGS = (
    ("PANADOL-500", "Panadol 500 mg tablets (24)", "9.50"),
    ("AUGMENTIN-625", "Augmentin 625 mg tablets (14)", "48.75"),
    ("AMOXIL-500", "Amoxil 500 mg capsules (20)", "21.00"),
    ("VENTOLIN-INH", "Ventolin 100 mcg inhaler", "18.50"),
    ("NEXIUM-40", "Nexium 40 mg tablets (14)", "97.00"),
    ("GLUCOPHAGE-500", "Glucophage 500 mg tablets (50)", "16.00"),
    ("CONCOR-5", "Concor 5 mg tablets (30)", "42.50"),
    ("LIPITOR-20", "Lipitor 20 mg tablets (30)", "118.00"),
    ("VOLTAREN-GEL", "Voltaren Emulgel 1% 100 g", "39.00"),
    ("ZYRTEC-10", "Zyrtec 10 mg tablets (10)", "22.25"),
    ("BRUFEN-400", "Brufen 400 mg tablets (30)", "15.75"),
    ("FUCIDIN-CRM", "Fucidin 2% cream 15 g", "29.50"),
    ("LANTUS-PEN", "Lantus SoloStar 100 U/ml pen", "65.00"),
    ("CALPOL-SUSP", "Calpol paediatric suspension 100 ml", "14.00"),
)

# Names: (latin, arabic or None). Each group: male first names, female first names, family
# names, nationalities, share of the population, share with an Arabic full name.
_EMIRATI_M = (("Mohammed", "محمد"), ("Ahmed", "أحمد"), ("Khalid", "خالد"), ("Saeed", "سعيد"),
              ("Rashid", "راشد"), ("Hamdan", "حمدان"), ("Sultan", "سلطان"), ("Obaid", "عبيد"),
              ("Majid", "ماجد"), ("Saif", "سيف"), ("Hamad", "حمد"), ("Abdullah", "عبدالله"),
              ("Yousef", "يوسف"), ("Omar", "عمر"))
_EMIRATI_F = (("Fatima", "فاطمة"), ("Mariam", "مريم"), ("Aisha", "عائشة"), ("Shamma", "شما"),
              ("Maitha", "ميثاء"), ("Hessa", "حصة"), ("Noura", "نورة"), ("Latifa", "لطيفة"),
              ("Alia", "علياء"), ("Moza", "موزة"), ("Amna", "آمنة"), ("Sheikha", "شيخة"))
_EMIRATI_FAM = (("Al Mansoori", "المنصوري"), ("Al Nuaimi", "النعيمي"), ("Al Shamsi", "الشامسي"),
                ("Al Ketbi", "الكتبي"), ("Al Falasi", "الفلاسي"), ("Al Marri", "المري"),
                ("Al Suwaidi", "السويدي"), ("Al Zaabi", "الزعابي"), ("Al Mazrouei", "المزروعي"),
                ("Al Dhaheri", "الظاهري"), ("Al Qassimi", "القاسمي"), ("Al Muhairi", "المهيري"),
                ("Al Hammadi", "الحمادي"), ("Al Blooshi", "البلوشي"))
_ARAB_M = (("Mahmoud", "محمود"), ("Karim", "كريم"), ("Tarek", "طارق"), ("Hussein", "حسين"),
           ("Bassam", "بسام"), ("Walid", "وليد"), ("Ziad", "زياد"), ("Sami", "سامي"),
           ("Fadi", "فادي"), ("Hani", "هاني"))
_ARAB_F = (("Rania", "رانيا"), ("Lina", "لينا"), ("Dina", "دينا"), ("Hala", "هالة"),
           ("Nour", "نور"), ("Salma", "سلمى"), ("Yasmin", "ياسمين"), ("Rana", "رنا"),
           ("Reem", "ريم"))
_ARAB_FAM = (("Haddad", "حداد"), ("Khoury", "خوري"), ("Mansour", "منصور"), ("Saleh", "صالح"),
             ("Nasser", "ناصر"), ("Abdelrahman", "عبد الرحمن"), ("El-Sayed", "السيد"),
             ("Darwish", "درويش"), ("Khalil", "خليل"), ("Barakat", "بركات"), ("Odeh", "عودة"))
_SOUTH_ASIAN = {
    "Indian": ((("Rahul", None), ("Anil", None), ("Deepak", None), ("Arjun", None),
                ("Vikram", None), ("Suresh", None), ("Joseph", None)),
               (("Priya", None), ("Sunita", None), ("Lakshmi", None), ("Kavya", None),
                ("Anjali", None), ("Meera", None), ("Divya", None)),
               (("Nair", None), ("Menon", None), ("Sharma", None), ("Patel", None),
                ("Iyer", None), ("Reddy", None), ("Pillai", None), ("Gupta", None),
                ("Fernandes", None), ("D'Souza", None))),
    "Pakistani": ((("Imran", None), ("Bilal", None), ("Usman", None), ("Faisal", None)),
                  (("Ayesha", None), ("Sana", None), ("Zainab", None), ("Hira", None)),
                  (("Khan", None), ("Qureshi", None), ("Malik", None), ("Chaudhry", None),
                   ("Siddiqui", None))),
    "Bangladeshi": ((("Rafiq", None), ("Tanvir", None), ("Kamal", None)),
                    (("Nasrin", None), ("Farhana", None), ("Shirin", None)),
                    (("Rahman", None), ("Hossain", None), ("Islam", None),
                     ("Chowdhury", None))),
    "Sri Lankan": ((("Nuwan", None), ("Chaminda", None)),
                   (("Dilani", None), ("Nadeesha", None)),
                   (("Perera", None), ("Fernando", None), ("Silva", None))),
}
_WESTERN = {
    "British": (("James", "Oliver", "Thomas", "Daniel", "William"),
                ("Emily", "Sophie", "Charlotte", "Hannah", "Lucy"),
                ("Smith", "Taylor", "Brown", "Wilson", "Evans", "Clarke")),
    "American": (("Michael", "Ryan", "Matthew"), ("Jessica", "Ashley", "Megan"),
                 ("Johnson", "Miller", "Davis", "Anderson")),
    "Irish": (("Sean", "Conor"), ("Aoife", "Niamh"), ("Murphy", "O'Connor", "Byrne")),
    "German": (("Lukas", "Jonas"), ("Anna", "Lena"), ("Müller", "Schmidt", "Becker")),
    "French": (("Pierre", "Julien"), ("Claire", "Camille"), ("Dubois", "Martin", "Laurent")),
    "Australian": (("Jack", "Liam"), ("Chloe", "Olivia"), ("Walker", "Harris", "Kelly")),
}
_FILIPINO = (("Jose", "Mark", "John Paul", "Rommel"),
             ("Maria", "Kristine", "Jocelyn", "Angelica"),
             ("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza"))
_ARAB_NATIONALITIES = ("Egyptian", "Jordanian", "Lebanese", "Syrian", "Palestinian", "Sudanese")

# ------------------------------------------------------------------------------------------
# Summary
# ------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DemoSummary:
    """What the demo hospital holds (counted from the database, so a second call reports the
    same figures with ``created=False``)."""

    created: bool
    hospital_id: int
    hospital_code: str
    today: dt.date
    departments: int
    doctors: int
    users: int
    payers: int
    payer_rules: int
    charge_items: int
    drugs: int
    patients: int
    patients_with_eid: int
    insurances: int
    deductible_ledgers: int
    preauth_requests: int
    prescriptions: int
    deposit_transactions: int
    appointments: int
    appointments_today: int
    copay_payments: int
    copay_refunds: int
    journal_entries: int
    insurance_audits: int

    def __str__(self) -> str:
        head = (f"Demo hospital {self.hospital_code} (id {self.hospital_id}) "
                f"{'created' if self.created else 'already present'}; today {self.today}")
        body = ", ".join(f"{f.name.replace('_', ' ')} {getattr(self, f.name)}"
                         for f in dataclasses.fields(self)
                         if f.name not in ("created", "hospital_id", "hospital_code", "today"))
        return f"{head}\n  {body}"


# ------------------------------------------------------------------------------------------
# Public entry point
# ------------------------------------------------------------------------------------------


def create_demo(session_factory: sessionmaker[Session], *, today: dt.date | None = None,
                clock: Clock | None = None) -> DemoSummary:
    """Create the demo hospital unless hospital ``DXB01`` exists; return what it holds.

    ``today`` is the hospital's calendar day for "today's" appointments (default: the date in
    Asia/Dubai by ``clock``); ``clock`` gives "now" (default: the system clock), which decides
    how far the day has progressed (clamped to 10:00-17:00 so every status has a place).
    """
    clock = clock or system_clock
    now = clock()
    tz = ZoneInfo(DEMO_TZ)
    if today is None:
        today = now.astimezone(tz).date()
    with session_factory() as s, s.begin():
        s.execute(sa.select(sa.func.pg_advisory_xact_lock(_LOCK_KEY)))
        lock_hospital_creation(s)  # not at the same moment as onboarding on this database
        hid = s.scalar(sa.select(Hospital.id).where(Hospital.code == DEMO_CODE))
        created = hid is None
        if hid is None:
            hid = _Builder(s, today, now).build()
        conn_id = add_sandbox_connection(s, hid)
        add_working_hours(s, hid)
        if created:  # the billing history for the dashboard and the claims screens
            from app.demo_claims import add_demo_claims

            add_demo_claims(s, hid, conn_id, today, s.scalar(sa.select(User.id).where(
                User.hospital_id == hid, User.username == "accountant")), now=now)
        summary = _summarise(s, hid, today, created)
    return summary


def _summarise(s: Session, hid: int, today: dt.date, created: bool) -> DemoSummary:
    def count(model: Any, *where: Any) -> int:
        return int(s.scalar(sa.select(sa.func.count()).select_from(model).where(*where)) or 0)

    payer_ids = sa.select(InsurancePayer.id).where(InsurancePayer.hospital_id == hid)
    return DemoSummary(
        created=created,
        hospital_id=hid,
        hospital_code=DEMO_CODE,
        today=today,
        departments=count(Department, Department.hospital_id == hid),
        doctors=count(Doctor, Doctor.hospital_id == hid),
        users=count(User, User.hospital_id == hid),
        payers=count(InsurancePayer, InsurancePayer.hospital_id == hid),
        payer_rules=count(CPTPayerRule, CPTPayerRule.payer_id.in_(payer_ids))
        + count(ICD10PayerRule, ICD10PayerRule.payer_id.in_(payer_ids)),
        charge_items=count(ChargeItem, ChargeItem.hospital_id == hid),
        drugs=count(Drug, Drug.hospital_id == hid),
        patients=count(Patient, Patient.hospital_id == hid),
        patients_with_eid=count(Patient, Patient.hospital_id == hid,
                                Patient.emirates_id.is_not(None)),
        insurances=count(PatientInsurance, PatientInsurance.hospital_id == hid),
        deductible_ledgers=count(DeductibleLedger, DeductibleLedger.hospital_id == hid),
        preauth_requests=count(PreAuthRequest, PreAuthRequest.hospital_id == hid),
        prescriptions=count(Prescription, Prescription.hospital_id == hid),
        deposit_transactions=count(DepositTransaction, DepositTransaction.hospital_id == hid),
        appointments=count(Appointment, Appointment.hospital_id == hid),
        appointments_today=count(Appointment, Appointment.hospital_id == hid,
                                 Appointment.appointment_date == today),
        copay_payments=count(CopayPayment, CopayPayment.hospital_id == hid),
        copay_refunds=count(CopayRefund, CopayRefund.hospital_id == hid),
        journal_entries=count(JournalEntry, JournalEntry.hospital_id == hid),
        insurance_audits=count(InsuranceAudit, InsuranceAudit.hospital_id == hid),
    )


# ------------------------------------------------------------------------------------------
# DHA sandbox scenarios
# ------------------------------------------------------------------------------------------


def _sandbox() -> tuple[list[Any], tuple[Any, ...]]:
    """The DHA sandbox's scenarios and payers, when app/integrations/dha/scenarios.py exists.

    Each scenario's Emirates ID goes to one demo patient with the policy the scenario wants on
    file, so a walk-in check with that EID shows the scenario; the sandbox's payer ids go to the
    payers with the same code, so DHA's answers name payers the clinic knows.
    """
    try:
        from app.integrations.dha import scenarios
    except ImportError:
        return [], ()
    found = [sc for sc in scenarios.SCENARIOS.values() if is_valid_eid(sc.eid)]
    return found, tuple(scenarios.SANDBOX_PAYERS)


def _payer_info() -> dict[str, dict[str, Any]]:
    """PAYERS, with the sandbox's names and payer ids for the codes it knows, plus its others."""
    info = {code: dict(v) for code, v in PAYERS.items()}
    for sp in _sandbox()[1]:
        if sp.code in info:
            info[sp.code].update(name=sp.name, dha_payer_id=sp.dha_payer_id)
        else:
            info[sp.code] = dict(name=sp.name, dha_payer_id=sp.dha_payer_id,
                                 preauth_required=False, default_copay_pct=_D("20"),
                                 plans=(f"{sp.name} Standard",))
    return info


# ------------------------------------------------------------------------------------------
# The plan: plain Python objects first (ids filled in as rows are inserted)
# ------------------------------------------------------------------------------------------


@dataclasses.dataclass(eq=False)
class _Pat:
    idx: int
    first: str
    last: str
    name_ar: str | None
    gender: Gender
    dob: dt.date
    nationality: str
    eid: str | None
    phone: str
    email: str | None
    category: str = "regular"
    scenario: Any = None  # the DHA sandbox scenario whose EID this patient holds
    deposit: bool = False
    prescriptions: bool = False
    policies: list[_Pol] = dataclasses.field(default_factory=list)
    deposit_balance: Decimal = ZERO
    id: int = 0

    def age(self, on: dt.date) -> int:
        return on.year - self.dob.year - ((on.month, on.day) < (self.dob.month, self.dob.day))


@dataclasses.dataclass(eq=False)
class _Pol:
    patient: _Pat
    payer: str
    priority: int
    plan: str
    policy_number: str
    member_id: str
    copay_pct: Decimal
    network: NetworkTier
    annual_deductible: Decimal | None
    annual_copay_max: Decimal | None
    effective: dt.date
    expiry: dt.date | None
    verification: VerificationStatus
    source: VerificationSource | None
    verified_at: dt.datetime | None
    cob: CoordinationOfBenefits | None
    provider_name: str | None = None  # default: the payer's name
    copay_amount: Decimal | None = None
    key: int = 0  # stands in for the id in quote inputs until the row is written
    id: int = 0


@dataclasses.dataclass(eq=False)
class _Appt:
    patient: _Pat
    dept: str
    start: dt.datetime
    visit: VisitType
    status: AppointmentStatus
    copay: CopayStatus = CopayStatus.PENDING
    charge: str = ""
    reason: str | None = None
    checked_in_at: dt.datetime | None = None
    vitals_at: dt.datetime | None = None
    consult_at: dt.datetime | None = None
    completed_at: dt.datetime | None = None
    token: int | None = None
    action_reason: str | None = None
    self_pay: bool = False
    preauth_overridden: bool = False
    quote: CopayQuote | None = None  # the engine's quote at check-in
    quote_input: QuoteInput | None = None  # what it was quoted on (planning keys, not ids)
    method: PaymentMethod | None = None
    id: int = 0


@dataclasses.dataclass(eq=False)
class _Pay:
    appt: _Appt
    at: dt.datetime
    amount: Decimal
    method: PaymentMethod
    quote: CopayQuote
    policy: _Pol | None
    secondary: _Pol | None
    collected_by: str
    receipt_year: int = 0
    receipt_seq: int = 0
    refunded: Decimal = ZERO
    id: int = 0

    @property
    def receipt(self) -> str:
        return f"RCP-{self.receipt_year}-{self.receipt_seq:06d}"


@dataclasses.dataclass(eq=False)
class _Refund:
    payment: _Pay
    amount: Decimal
    method: RefundMethod
    reason: RefundReason
    details: str
    status: RefundStatus
    requested_at: dt.datetime
    decided_at: dt.datetime | None
    processed_at: dt.datetime | None
    rejection: str | None
    id: int = 0


@dataclasses.dataclass(eq=False)
class _PreAuth:
    key: int
    patient: _Pat
    appt: _Appt | None
    status: PreAuthRequestStatus
    cpt: str
    requested_at: dt.datetime
    decided_at: dt.datetime | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    number: str | None  # the payer's pre-auth number, once approved
    id: int = 0

    def applies_to(self, a: _Appt, cpt: str | None) -> bool:
        """The copay service's filter: same patient and CPT, this visit or none, valid."""
        day = a.start.date()
        return (self.patient is a.patient and self.cpt == cpt
                and (self.appt is None or self.appt is a)
                and (self.valid_from is None or self.valid_from <= day)
                and (self.valid_to is None or self.valid_to >= day))


@dataclasses.dataclass(eq=False)
class _Rx:
    patient: _Pat
    drug: int  # index into DRUGS
    dept: str
    quantity: int
    active: bool
    at: dt.datetime


class _Builder:
    """Plans the whole clinic in memory (one seeded RNG, in a fixed order), then writes it."""

    def __init__(self, s: Session, today: dt.date, now: dt.datetime) -> None:
        self.s = s
        self.today = today
        self.tz = ZoneInfo(DEMO_TZ)
        self.rng = random.Random(SEED)
        self.payer_info = _payer_info()
        now_local = now.astimezone(self.tz)
        minutes = now_local.hour * 60 + now_local.minute if now_local.date() == today else 690
        minutes = min(max(minutes, 600), 1020)  # 10:00 .. 17:00
        self.now = self._at(today, minutes // 60, minutes % 60)
        # Built before 10:00 (the clock really says 06:00): the day is planned as at 10:00,
        # then today's times are squeezed so that 10:00 lands on the real "now" (see
        # _real_time); nothing is ever stamped later than the clock that built the demo.
        self.real_now = now_local if (now_local.date() == today
                                      and now_local < self.now) else None
        self.year = today.year
        self.patients: list[_Pat] = []
        self.appts: list[_Appt] = []
        self.payments: list[_Pay] = []
        self.refunds: list[_Refund] = []
        self.deposit_events: list[tuple[dt.datetime, _Pat, DepositTxnKind, Decimal, Any]] = []
        self.ledger: dict[tuple[_Pol, int], list[Decimal]] = {}  # [deductible used, copay used]
        self.busy: dict[tuple[str, dt.date], set[int]] = defaultdict(set)
        self.day_patients: dict[dt.date, set[int]] = defaultdict(set)

    # -- helpers --

    def _at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), self.tz)

    def _real_time(self, t: dt.datetime) -> dt.datetime:
        """A planned time of today moved onto the real clock when the demo is built before
        10:00: midnight..planned-now maps onto midnight..real-now and planned-now..midnight
        onto real-now..midnight, both linearly. Order is kept, no time leaves its day, and
        nothing lived today is later than the real "now"; other days are unchanged."""
        real = self.real_now
        if real is None:
            return t
        local = t.astimezone(self.tz)
        if local.date() != self.today:
            return t
        start = self._at(self.today, 0)
        end = start + dt.timedelta(days=1)
        planned = self.now
        if local <= planned:
            return start + (local - start) * ((real - start) / (planned - start))
        return real + (local - planned) * ((end - real) / (end - planned))

    def _on_real_clock(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if self.real_now is None:
            return rows
        return [{k: self._real_time(v) if isinstance(v, dt.datetime) else v
                 for k, v in r.items()} for r in rows]

    def _insert(self, model: Any, rows: list[dict[str, Any]]) -> list[int]:
        """Core INSERT of many rows (one round trip per ~1000 rows); their ids, in order."""
        if not rows:
            return []
        rows = self._on_real_clock(rows)
        table = model.__table__
        stmt = sa.insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(self.s.execute(stmt, rows).scalars().all())

    def _insert_plain(self, model: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.s.execute(sa.insert(model.__table__), self._on_real_clock(rows))

    # -- build --

    def build(self) -> int:
        with ThreadPoolExecutor(max_workers=2) as pool:
            hashes = pool.map(lambda u: hash_password(u[1]), DEMO_USERS)
            self._plan_patients()
            self.pol_by_key = {}
            for n, pol in enumerate((x for p in self.patients for x in p.policies), 1):
                pol.key = n
                self.pol_by_key[n] = pol
            self._plan_appointments()
            self._plan_prescriptions()
            self._plan_money()
            self._plan_refunds()
            self.hashes = list(hashes)
        self._write()
        return self.hid

    # ---------------------------------------------------------------- patients and policies

    def _plan_patients(self) -> None:
        rng = self.rng
        groups = (["emirati"] * 50 + ["south_asian"] * 70 + ["arab"] * 40 + ["western"] * 24
                  + ["filipino"] * 16)
        rng.shuffle(groups)
        scenarios, _payers = _sandbox()
        used_eids: set[str] = {sc.eid for sc in scenarios}
        for i, group in enumerate(groups[:N_PATIENTS]):
            gender = Gender.MALE if rng.random() < 0.5 else Gender.FEMALE
            first, last, ar, nationality = self._name(group, gender)
            r = rng.random()
            age = (rng.randint(0, 15) if r < 0.18 else rng.randint(16, 40) if r < 0.58
                   else rng.randint(41, 64) if r < 0.88 else rng.randint(65, 88))
            dob = self.today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
            eid: str | None = None
            while eid is None or eid in used_eids:
                eid = make_eid(dob.year, rng.randint(0, 9_999_999))
            used_eids.add(eid)
            phone = f"+971 5{rng.choice('024568')} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
            email = None
            if age >= 18 and rng.random() < 0.55:
                plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore")
                slug = re.sub(r"[^a-z.]", "", plain.decode().lower())
                email = f"{slug}{i + 1}@example.com"
            self.patients.append(_Pat(i + 1, first, last, ar, gender, dob, nationality, eid,
                                      phone, email))
        # The DHA sandbox scenarios' EIDs go to adult patients, one each.
        adults = [p for p in self.patients if 18 <= p.age(self.today) < 65]
        for p, sc in zip(adults[::2], scenarios, strict=False):
            p.eid, p.scenario, p.category = sc.eid, sc, "scenario"
        # A few patients with no Emirates ID on file: visitors and a newborn.
        western = [p for p in self.patients if p.nationality in _WESTERN and not p.scenario][:4]
        babies = [p for p in self.patients if p.age(self.today) == 0][:2]
        for p in (*western, *babies):
            p.eid = None
        self._assign_categories()

    def _name(self, group: str, gender: Gender) -> tuple[str, str, str | None, str]:
        rng = self.rng
        male = gender is Gender.MALE
        if group == "emirati":
            f = rng.choice(_EMIRATI_M if male else _EMIRATI_F)
            father = rng.choice(_EMIRATI_M)
            fam = rng.choice(_EMIRATI_FAM)
            return f[0], fam[0], f"{f[1]} {father[1]} {fam[1]}", "Emirati"
        if group == "arab":
            f = rng.choice(_ARAB_M if male else _ARAB_F)
            fam = rng.choice(_ARAB_FAM)
            ar = f"{f[1]} {fam[1]}" if rng.random() < 0.7 else None
            return f[0], fam[0], ar, rng.choice(_ARAB_NATIONALITIES)
        if group == "south_asian":
            nat = rng.choices(list(_SOUTH_ASIAN), weights=(55, 25, 12, 8))[0]
            ms, fs, fams = _SOUTH_ASIAN[nat]
            f = rng.choice(ms if male else fs)
            fam = rng.choice(fams)
            return f[0], fam[0], None, nat
        if group == "western":
            nat = rng.choice(list(_WESTERN))
            ms, fs, fams = _WESTERN[nat]
            return rng.choice(ms if male else fs), rng.choice(fams), None, nat
        ms, fs, fams = _FILIPINO
        return rng.choice(ms if male else fs), rng.choice(fams), None, "Filipino"

    def _assign_categories(self) -> None:
        rng = self.rng
        order = list(self.patients)
        rng.shuffle(order)
        # Visitors without an EID pay for themselves.
        no_eid = [p for p in order if p.eid is None]
        rest = [p for p in order if p.eid is not None and p.scenario is None]
        plan = (["self_pay"] * (30 - len(no_eid)) + ["cob"] * 16 + ["oon"] * 10
                + ["expired"] * 8 + ["cap_near"] * 8 + ["deductible"] * 14)
        for p in no_eid:
            p.category = "self_pay"
        for p, cat in zip(rest, plan, strict=False):
            p.category = cat
        regular = [p for p in rest if p.category == "regular"]
        # Regular insured split Daman 45% / AXA 30% / Sukoon 25%; older AXA members show the
        # 99213 age rule (max 64).
        payer_of: dict[int, str] = {}
        for i, p in enumerate(regular):
            payer_of[p.idx] = "DAMAN" if i % 20 < 9 else "AXA" if i % 20 < 15 else "SUKOON"
        for p in order:
            self._policies_for(p, payer_of.get(p.idx))
        for p in rng.sample(order, 20):
            p.deposit = True
        for p in rng.sample(order, 35):
            p.prescriptions = True

    def _policies_for(self, p: _Pat, regular_payer: str | None) -> None:
        rng = self.rng
        cat = p.category
        if cat == "scenario":
            self._scenario_policy(p)
            return
        if cat == "self_pay":
            return
        payer = {"cob": rng.choice(("DAMAN", "AXA")), "oon": rng.choice(("DAMAN", "AXA")),
                 "expired": rng.choice(("DAMAN", "AXA", "SUKOON")), "cap_near": "DAMAN",
                 "deductible": "AXA"}.get(cat, regular_payer or "DAMAN")
        start = self.today.replace(month=1, day=1) - dt.timedelta(days=rng.randint(0, 700))
        expiry: dt.date | None = start + dt.timedelta(days=rng.randint(800, 1400))
        if expiry is not None and expiry <= self.today:
            expiry = self.today + dt.timedelta(days=rng.randint(30, 300))
        if cat == "expired":
            expiry = self.today - dt.timedelta(days=rng.randint(5, 90))
            start = expiry - dt.timedelta(days=364)
        cap = None
        if payer == "DAMAN":
            cap = _D("1000.00") if rng.random() < 0.6 else _D("1500.00")
        if cat == "cap_near":
            cap = _D("1000.00")
        ded = _D("500.00") if cat == "deductible" else None
        net = NetworkTier.OUT_OF_NETWORK if cat == "oon" else NetworkTier.IN_NETWORK
        self._add_policy(p, payer, 1, net, start, expiry, cap, ded,
                         CoordinationOfBenefits.COB_PRIMARY if cat == "cob" else None)
        if cat == "cob":
            second = "SUKOON" if rng.random() < 0.5 else ("AXA" if payer == "DAMAN" else "DAMAN")
            self._add_policy(p, second, 2, NetworkTier.IN_NETWORK, start, expiry, None, None,
                             CoordinationOfBenefits.COB_SECONDARY)
        # Ledger baseline for this fiscal year (usage before the demo's own visits).
        pol = p.policies[0]
        used_ded = ZERO
        used_copay = q(_D(rng.randint(0, 12) * 25))
        if cat == "deductible":
            used_ded = q(_D(rng.randint(6, 14) * 25))  # 150 .. 350 of 500
        if cat == "cap_near" and pol.annual_copay_max:
            used_copay = pol.annual_copay_max - q(_D(rng.randint(10, 45)))
        if pol.annual_copay_max is not None:
            used_copay = min(used_copay, pol.annual_copay_max)
        if cat != "expired":
            self.ledger[(pol, self.year)] = [used_ded, used_copay]

    def _policy_number(self, payer: str) -> str:
        n = self.rng.randint(10_000_000, 99_999_999)
        prefix = {"DAMAN": "DMN-", "AXA": "AXA/GH/", "SUKOON": "SKN-"}.get(payer, f"{payer}-")
        return f"{prefix}{n}"

    def _member_id(self, payer: str) -> str:
        return f"{payer[:3]}{self.rng.randint(100_000_000, 999_999_999)}"

    def _scenario_policy(self, p: _Pat) -> None:
        """The policy on file that makes the patient's DHA sandbox scenario play out."""
        sc = p.scenario
        dp = sc.demo_policy
        if dp is None or dp.get("payer_code") not in self.payer_info:
            return  # nothing on file (NEW_MEMBER, UNKNOWN_PAYER): self-pay until DHA says
        payer = str(dp["payer_code"])
        effective = self.today + dt.timedelta(days=int(dp.get("effective_days", -180)))
        expiry = self.today + dt.timedelta(days=int(dp.get("expiry_days", 185)))
        verified = self._at(min(self.today - dt.timedelta(days=20), expiry), 9, 30)
        p.policies.append(_Pol(
            patient=p, payer=payer, priority=1, plan=self.payer_info[payer]["plans"][0],
            policy_number=sc.policy_number or self._policy_number(payer),
            member_id=sc.member_id or self._member_id(payer),
            copay_pct=_D(str(dp.get("copay_pct", "20"))),
            network=NetworkTier(str(dp.get("network_tier", "IN_NETWORK"))),
            annual_deductible=None, annual_copay_max=None, effective=effective, expiry=expiry,
            # The demo clinic checks eligibility with the simulator (MOCK): never DHA_ECLAIM.
            verification=VerificationStatus.VERIFIED, source=VerificationSource.SIMULATED,
            verified_at=max(verified, self._at(effective, 9, 30)), cob=None,
            provider_name=str(dp.get("provider_name") or self.payer_info[payer]["name"]),
            copay_amount=_D(str(dp["copay_amount"])) if dp.get("copay_amount") else None))

    def _add_policy(self, p: _Pat, payer: str, priority: int, net: NetworkTier,
                    start: dt.date, expiry: dt.date | None, cap: Decimal | None,
                    ded: Decimal | None, cob: CoordinationOfBenefits | None) -> None:
        rng = self.rng
        info = self.payer_info[payer]
        policy_no = self._policy_number(payer)
        r = rng.random()
        if r < 0.8:
            status, source = VerificationStatus.VERIFIED, VerificationSource.SIMULATED
        elif r < 0.9:
            status, source = VerificationStatus.VERIFIED, VerificationSource.MANUAL
        else:
            status, source = VerificationStatus.PENDING, None
        verified = (self._at(self.today - dt.timedelta(days=rng.randint(3, 120)), 9)
                    if status is VerificationStatus.VERIFIED else None)
        if expiry is not None and expiry < self.today and verified is not None:
            verified = self._at(start + dt.timedelta(days=rng.randint(1, 60)), 10)
        p.policies.append(_Pol(
            patient=p, payer=payer, priority=priority, plan=rng.choice(info["plans"]),
            policy_number=policy_no, member_id=self._member_id(payer),
            copay_pct=info["default_copay_pct"], network=net, annual_deductible=ded,
            annual_copay_max=cap, effective=start, expiry=expiry, verification=status,
            source=source, verified_at=verified, cob=cob))

    # ---------------------------------------------------------------- appointments

    def _doctor_slot(self, dept: str, day: dt.date, lo: int, hi: int) -> dt.datetime | None:
        """A free 15-minute slot for the department's doctor between minute lo and hi."""
        free = [m for m in range(lo, hi, 15) if m not in self.busy[(dept, day)]]
        if not free:
            return None
        m = self.rng.choice(free)
        self.busy[(dept, day)].add(m)
        return self._at(day, m // 60, m % 60)

    def _dept_for(self, p: _Pat) -> str:
        age = p.age(self.today)
        if age < 16:
            return "PED" if self.rng.random() < 0.85 else "GP"
        dept = self.rng.choices(("GP", "CARD", "DERM", "ORTH", "ER"),
                                weights=(45, 14 if age > 35 else 4, 14, 14, 8))[0]
        return dept

    def _visit_for(self, dept: str) -> VisitType:
        if dept == "ER":
            return VisitType.EMERGENCY
        return VisitType.CONSULTATION if self.rng.random() < 0.55 else VisitType.FOLLOW_UP

    def _new_appt(self, p: _Pat, day: dt.date, status: AppointmentStatus, lo: int, hi: int,
                  dept: str | None = None, visit: VisitType | None = None) -> _Appt | None:
        if p.idx in self.day_patients[day]:
            return None
        dept = dept or self._dept_for(p)
        start = self._doctor_slot(dept, day, lo, hi)
        if start is None:
            return None
        visit = visit or self._visit_for(dept)
        self.day_patients[day].add(p.idx)
        a = _Appt(patient=p, dept=dept, start=start, visit=visit, status=status,
                  charge=VISIT_CHARGE[visit], reason=self._reason(dept, visit))
        self.appts.append(a)
        return a

    def _reason(self, dept: str, visit: VisitType) -> str:
        reasons = {
            "GP": ("Fever and sore throat", "Annual check-up", "Persistent cough",
                   "Blood pressure review", "Diabetes follow-up", "Back pain"),
            "PED": ("Vaccination review", "Fever", "Ear pain", "Growth check", "Rash"),
            "CARD": ("Chest discomfort on exertion", "Palpitations", "Hypertension review",
                     "ECG follow-up"),
            "DERM": ("Eczema flare", "Acne review", "Mole check", "Psoriasis follow-up"),
            "ORTH": ("Knee pain", "Shoulder injury", "Lower back pain", "Ankle sprain"),
            "ER": ("Laceration to hand", "Acute abdominal pain", "Minor road traffic injury",
                   "High fever, dehydration"),
        }[dept]
        r = self.rng.choice(reasons)
        return f"Follow-up: {r.lower()}" if visit is VisitType.FOLLOW_UP else r

    def _plan_appointments(self) -> None:
        rng = self.rng
        today = self.today
        now_min = self.now.hour * 60 + self.now.minute
        done_hi = max(now_min - 15, 495)  # slots of the part of the day already lived
        by_cat: dict[str, list[_Pat]] = defaultdict(list)
        for p in self.patients:
            by_cat[p.category].append(p)
        pool = list(self.patients)
        rng.shuffle(pool)
        sukoon = [p for p in pool if p.policies and p.policies[0].payer == "SUKOON"
                  and p.category == "regular" and p.age(today) >= 16]
        stories, self.preauth_today = sukoon[:2], sukoon[2:6]
        # Scenario patients are kept off today's list: the walk-in demo books them.
        reserved = {p.idx for p in (*stories, *self.preauth_today)}
        reserved |= {p.idx for p in self.patients if p.scenario is not None}

        # Today, already lived. Two Sukoon check-ins tell the pre-auth stories: one with a
        # denied request overridden by the admin, one converted to self-pay for lack of one.
        self.override_appt = self._first_appt(stories[0], today, AppointmentStatus.CHECKED_IN,
                                              480, done_hi)
        self.override_appt.preauth_overridden = True
        self.convert_appt = self._first_appt(stories[1], today, AppointmentStatus.CHECKED_IN,
                                             480, done_hi)
        self.convert_appt.self_pay = True
        earlier = [(AppointmentStatus.COMPLETED, 6), (AppointmentStatus.IN_CONSULTATION, 3),
                   (AppointmentStatus.CHECKED_IN, 10), (AppointmentStatus.NO_SHOW, 3),
                   (AppointmentStatus.CANCELLED, 3)]
        candidates = iter([p for p in pool
                           if p.category != "cap_near" and p.idx not in reserved])
        in_consult_depts: set[str] = set()
        for status, n in earlier:
            made = 0
            while made < n:
                p = next(candidates)
                dept = None
                if status is AppointmentStatus.IN_CONSULTATION:  # one per doctor
                    dept = self._dept_for(p)
                    if dept in in_consult_depts:
                        continue
                    in_consult_depts.add(dept)
                hi = 1200 if status is AppointmentStatus.CANCELLED else done_hi
                if self._new_appt(p, today, status, 480, hi, dept) is not None:
                    made += 1

        # Today, still to come: ~40 scheduled/confirmed with every quote situation on show.
        showcase: list[_Pat] = []
        for cat, n in (("self_pay", 5), ("cob", 4), ("oon", 2), ("expired", 2),
                       ("cap_near", 3), ("deductible", 3)):
            showcase += [p for p in by_cat[cat] if p.idx not in self.day_patients[today]][:n]
        showcase += self.preauth_today
        old_axa = [p for p in pool if p.policies and p.policies[0].payer == "AXA"
                   and p.category == "regular" and p.age(today) >= 65
                   and p.idx not in self.day_patients[today]][:2]
        showcase += old_axa
        showcase += [p for p in pool if p.deposit and p.idx not in reserved][:2]
        showcase += [p for p in pool if p.prescriptions and p.idx not in reserved][:2]
        lo = max(480, now_min - 60)
        made = 0
        for p in [*showcase, *(p for p in pool if p not in showcase and p.idx not in reserved)]:
            if made >= 40:
                break
            status = (AppointmentStatus.CONFIRMED if rng.random() < 0.45
                      else AppointmentStatus.SCHEDULED)
            dept: str | None = None
            visit: VisitType | None = None
            if p in old_axa:  # AXA covers 99213 up to age 64 only
                dept, visit = "GP", VisitType.FOLLOW_UP
            elif p in self.preauth_today:
                dept, visit = "GP", VisitType.CONSULTATION
            if self._new_appt(p, today, status, lo, 1200, dept, visit) is not None:
                made += 1
        for p in [p for p in pool if p.idx not in self.day_patients[today]
                  and p.age(today) >= 16 and p.idx not in reserved][:2]:
            self._new_appt(p, today, AppointmentStatus.SCHEDULED, lo, 1200, "ER")

        # Tomorrow.
        tomorrow = today + dt.timedelta(days=1)
        for p in rng.sample(pool, 24):
            status = (AppointmentStatus.CONFIRMED if rng.random() < 0.3
                      else AppointmentStatus.SCHEDULED)
            self._new_appt(p, tomorrow, status, 480, 1200)

        # Past days (cap-near patients are left near their cap).
        eligible = [p for p in pool if p.category != "cap_near"]
        for back in range(PAST_DAYS, 0, -1):
            day = today - dt.timedelta(days=back)
            for p in rng.sample(eligible, rng.randint(5, 8)):
                r = rng.random()
                status = (AppointmentStatus.COMPLETED if r < 0.82 else AppointmentStatus.NO_SHOW
                          if r < 0.91 else AppointmentStatus.CANCELLED)
                self._new_appt(p, day, status, 480, 1200)
        # Self-pay dermatology consultations of adults on past days.
        cosmetic = [p for p in by_cat["self_pay"] if p.age(today) >= 18 and p.eid][:3]
        for i, p in enumerate(cosmetic):
            day = today - dt.timedelta(days=3 + 4 * i)
            a = self._new_appt(p, day, AppointmentStatus.COMPLETED, 600, 1140, "DERM",
                               VisitType.CONSULTATION)
            if a is not None:
                # Billed as the desk bills any consultation (charge code by visit type).
                a.reason = "Skin consultation (self-pay)"
        # A consultation booked and prepaid, then cancelled (refunded later).
        day = today - dt.timedelta(days=2)
        p = next(p for p in by_cat["self_pay"] if p.eid and p.idx not in self.day_patients[day]
                 and p not in cosmetic)
        self.prepaid_appt = self._first_appt(p, day, AppointmentStatus.CANCELLED, 600, 1080)
        self.prepaid_appt.reason = "Consultation booked and prepaid by phone"

        self.appts.sort(key=lambda a: (a.start, a.patient.idx))
        self._progress()
        self._plan_preauths()

    def _first_appt(self, p: _Pat, day: dt.date, status: AppointmentStatus, lo: int,
                    hi: int) -> _Appt:
        """An adult consultation in the first department with a free slot."""
        for dept in ("GP", "CARD", "ORTH", "DERM"):
            a = self._new_appt(p, day, status, lo, hi, dept, VisitType.CONSULTATION)
            if a is not None:
                return a
        raise RuntimeError("demo schedule is full")  # pragma: no cover - 4 x 8 slots free

    def _progress(self) -> None:
        """Check-in, vitals, consultation and completion times, and tokens, per appointment."""
        rng = self.rng
        latest = self.now - dt.timedelta(minutes=2)
        for a in self.appts:
            if a.status not in (AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION,
                                AppointmentStatus.COMPLETED):
                continue
            a.checked_in_at = a.start - dt.timedelta(minutes=rng.randint(3, 20))
            step = a.checked_in_at
            if a.status is not AppointmentStatus.CHECKED_IN or rng.random() < 0.5:
                a.vitals_at = step = step + dt.timedelta(minutes=rng.randint(4, 12))
            if a.status is not AppointmentStatus.CHECKED_IN:
                a.consult_at = step = max(a.start, step + dt.timedelta(minutes=rng.randint(2, 10)))
            if a.status is AppointmentStatus.COMPLETED:
                a.completed_at = step + dt.timedelta(minutes=rng.randint(10, 25))
            if a.start.date() == self.today:  # nothing of today happens after "now"
                prev = a.checked_in_at
                for attr in ("vitals_at", "consult_at", "completed_at"):
                    t = getattr(a, attr)
                    if t is not None:
                        t = max(prev, min(t, latest))
                        setattr(a, attr, t)
                        prev = t
        # Tokens: per department and day, in check-in order.
        self.tokens: dict[tuple[str, dt.date], int] = defaultdict(int)
        for a in sorted((a for a in self.appts if a.checked_in_at),
                        key=lambda a: (a.checked_in_at, a.patient.idx)):
            key = (a.dept, a.start.date())
            self.tokens[key] += 1
            a.token = self.tokens[key]

    def _plan_preauths(self) -> None:
        """Requests in every status for the pre-auth payer's (Sukoon) patients."""
        rng = self.rng
        self.preauth_reqs: list[_PreAuth] = []

        def add(p: _Pat, a: _Appt | None, st: PreAuthRequestStatus) -> None:
            cpt = "99213" if a is not None and a.visit is VisitType.FOLLOW_UP else "99203"
            day = a.start.date() if a is not None else self.today
            req = self._at(day - dt.timedelta(days=rng.randint(2, 6)), rng.randint(9, 16),
                           rng.choice((0, 20, 40)))
            decided = (req + dt.timedelta(hours=rng.randint(2, 30))
                       if st is not PreAuthRequestStatus.PENDING else None)
            approved = st is PreAuthRequestStatus.APPROVED
            n = len(self.preauth_reqs) + 1
            self.preauth_reqs.append(_PreAuth(
                n, p, a, st, cpt, req, decided, req.date() if approved else None,
                req.date() + dt.timedelta(days=30) if approved else None,
                f"SKN-PA-{req.year}-{4100 + n:05d}" if approved else None))

        for a in self.appts:
            prim = self._active(a.patient, a.start.date())[0]
            if (prim is None or not self.payer_info[prim.payer]["preauth_required"]
                    or a.visit is VisitType.EMERGENCY or a is self.convert_appt):
                continue
            if a is self.override_appt:
                add(a.patient, a, PreAuthRequestStatus.DENIED)
            elif a.checked_in_at is not None:
                add(a.patient, a, PreAuthRequestStatus.APPROVED)
        today_appt = {a.patient.idx: a for a in self.appts if a.start.date() == self.today}
        for p, st in zip(self.preauth_today, (PreAuthRequestStatus.APPROVED,
                                              PreAuthRequestStatus.PENDING,
                                              PreAuthRequestStatus.DENIED), strict=False):
            add(p, today_appt.get(p.idx), st)  # the 4th has none: REQUIRED_NOT_SUBMITTED
        linked = {r.patient.idx for r in self.preauth_reqs}
        others = [p for p in self.patients if p.policies and p.policies[0].payer == "SUKOON"
                  and p.category == "regular" and p.idx not in linked]
        cycle = (PreAuthRequestStatus.PENDING, PreAuthRequestStatus.DENIED,
                 PreAuthRequestStatus.CANCELLED, PreAuthRequestStatus.APPROVED)
        for i, p in enumerate(rng.sample(others, min(8, len(others)))):
            add(p, None, cycle[i % 4])

    # ---------------------------------------------------------------- copay, payments

    def _active(self, p: _Pat, day: dt.date) -> tuple[_Pol | None, _Pol | None, bool]:
        """Primary and secondary policies valid on ``day``; and whether the primary expired."""
        prim = next((x for x in p.policies if x.priority == 1), None)
        sec = next((x for x in p.policies if x.priority == 2), None)
        expired = prim is not None and prim.expiry is not None and prim.expiry < day
        if expired or (prim is not None and prim.effective > day):
            return None, None, expired
        return prim, sec, False

    def _rule_input(self, payer: str, cpt: str | None) -> PayerRuleInput | None:
        """The payer rule the copay service loads for a charge: the payer's CPT rule for it,
        else its ICD-10 consultation rule (app/services/copay.py ``_QUOTE_SELECT``)."""
        r = next((r for r in CPT_RULES if r[0] == payer and r[1] == cpt), None)
        if r is not None:
            return PayerRuleInput(source=f"CPT {cpt}", copay_pct=_D(r[2]),
                                  copay_cap_per_visit=_D(r[3]) if r[3] else None,
                                  price_override=None, min_age=r[4], max_age=r[5], gender=r[6],
                                  requires_preauth=r[7])
        icd = sorted((r for r in ICD10_RULES
                      if r[0] == payer and r[1].startswith(ICD10_CONSULT_PREFIX)),
                     key=lambda r: r[1])
        if icd:
            r = icd[0]
            return PayerRuleInput(source=f"ICD-10 {r[1]}", copay_pct=_D(r[2]),
                                  copay_cap_per_visit=_D(r[3]) if r[3] else None,
                                  price_override=None, min_age=None, max_age=None, gender=None,
                                  requires_preauth=False)
        return None

    def _policy_input(self, pol: _Pol, cpt: str | None, year: int) -> PolicyInput:
        info = self.payer_info[pol.payer]
        used = self.ledger.get((pol, year), (ZERO, ZERO))
        return PolicyInput(
            insurance_id=pol.key, payer_id=0, payer_name=info["name"], payer_code=pol.payer,
            plan_name=pol.plan, policy_number=pol.policy_number, priority=pol.priority,
            network_tier=pol.network, copay_pct=pol.copay_pct, copay_cap_per_visit=None,
            annual_deductible=pol.annual_deductible, annual_copay_max=pol.annual_copay_max,
            effective_date=pol.effective, expiry_date=pol.expiry,
            payer_default_copay_pct=info["default_copay_pct"],
            payer_preauth_required=info["preauth_required"], rule=self._rule_input(pol.payer, cpt),
            deductible_used=used[0], copay_used=used[1], verification_status=pol.verification)

    def _quote(self, a: _Appt, deposit_balance: Decimal) -> CopayQuote:
        """The real engine's quote for ``a`` on what the copay service would load at check-in:
        the charge for the visit type, every policy with its payer rule and this fiscal
        year's ledger usage so far, the pre-auth requests that apply, active prescriptions."""
        day = a.start.date()
        emergency = a.visit is VisitType.EMERGENCY
        code = charge_code_for(a.visit, is_emergency=emergency)
        _c, cpt, desc, fee, vat = next(c for c in CHARGES if c[0] == code)
        inp = QuoteInput(
            appointment_id=0, visit_type=a.visit, service_date=day, is_emergency=emergency,
            patient_age=a.patient.age(day), patient_gender=a.patient.gender,
            # The VAT rate as the charge master stores it: NUMERIC(5,4).
            charge=ChargeInput(code, cpt, desc, _D(fee), _D(vat).quantize(_D("0.0001"))),
            policies=tuple(self._policy_input(pol, cpt, day.year) for pol in a.patient.policies),
            preauth_requests=tuple(
                PreAuthInput(r.key, r.cpt, r.status, r.number, r.patient.policies[0].key)
                for r in self.preauth_reqs if r.applies_to(a, cpt)),
            prescriptions=tuple(
                PrescriptionInput(DRUGS[rx.drug][1], rx.quantity, _D(DRUGS[rx.drug][2]))
                for rx in self.rx_of.get(a.patient.idx, ()) if rx.active and rx.at <= a.start),
            data_source=DataSource.MOCK_DATA, converted_to_self_pay=a.self_pay,
            preauth_overridden=a.preauth_overridden, deposit_balance=deposit_balance)
        a.quote_input = inp
        return engine_quote(inp)

    def _with_ids(self, a: _Appt) -> QuoteInput:
        """``a``'s quote input with the database ids, once the rows are written."""
        inp = a.quote_input
        assert inp is not None
        return dataclasses.replace(
            inp, appointment_id=a.id,
            policies=tuple(dataclasses.replace(x, insurance_id=self.pol_by_key[x.insurance_id].id,
                                               payer_id=self.payer[x.payer_code])
                           for x in inp.policies),
            preauth_requests=tuple(dataclasses.replace(
                x, request_id=self.preauth_reqs[x.request_id - 1].id,
                insurance_id=self.pol_by_key[x.insurance_id].id if x.insurance_id else None)
                for x in inp.preauth_requests))

    def _plan_prescriptions(self) -> None:
        rng = self.rng
        self.rx_of: dict[int, list[_Rx]] = defaultdict(list)
        for p in self.patients:
            if not p.prescriptions:
                continue
            for k in range(rng.randint(1, 3)):
                self.rx_of[p.idx].append(_Rx(
                    p, rng.randrange(len(DRUGS)), rng.choice(("GP", "GP", "CARD", "DERM", "ORTH")),
                    rng.randint(1, 3), k < 2,
                    self._at(self.today - dt.timedelta(days=rng.randint(1, 40)),
                             rng.randint(9, 18))))

    def _plan_money(self) -> None:
        rng = self.rng
        self._plan_deposit_topups()
        balance: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for _t, pat, _kind, amount, _ref in self.deposit_events:
            balance[pat.idx] += amount
        today_actions = iter([CopayStatus.WAIVED, CopayStatus.DEFERRED, CopayStatus.DEFERRED,
                              CopayStatus.WAIVED])
        waived_reasons = ("Staff family courtesy approved by the clinic manager.",
                          "Hardship: copay waived by the medical director.",
                          "Service recovery after a long wait.")
        for a in self.appts:
            day = a.start.date()
            if a is self.prepaid_appt:
                a.quote = self._quote(a, balance[a.patient.idx])
                at = a.start - dt.timedelta(days=1, hours=2)
                self._collect(a, at, PaymentMethod.CREDIT_CARD, "reception")
                continue
            if day > self.today or a.checked_in_at is None:
                continue
            qt = a.quote = self._quote(a, balance[a.patient.idx])
            choice = CopayStatus.COLLECTED
            special = a in (self.override_appt, self.convert_appt)
            if day == self.today and a.status is AppointmentStatus.CHECKED_IN and not special:
                if not qt.is_self_pay and rng.random() < 0.45:
                    choice = next(today_actions, CopayStatus.COLLECTED)
            elif day < self.today and rng.random() < 0.1:
                choice = (CopayStatus.DEFERRED if qt.is_self_pay or rng.random() < 0.5
                          else CopayStatus.WAIVED)
            # Only what the desk may do with this quote (e.g. no waive for self-pay, no collect
            # while a pre-authorisation blocks it).
            if choice is CopayStatus.WAIVED and CopayAction.WAIVE not in qt.allowed_actions:
                choice = CopayStatus.DEFERRED
            if choice is CopayStatus.COLLECTED and CopayAction.COLLECT not in qt.allowed_actions:
                choice = CopayStatus.DEFERRED
            if qt.patient_amount <= 0:
                choice = CopayStatus.WAIVED
                a.action_reason = "No patient share due for this visit (AED 0.00)."
            a.copay = choice
            if choice is CopayStatus.WAIVED and a.action_reason is None:
                a.action_reason = rng.choice(waived_reasons)
            elif choice is CopayStatus.DEFERRED:
                a.action_reason = "Patient will pay after the consultation."
            if choice is not CopayStatus.COLLECTED:
                continue
            amount = qt.patient_amount
            method = rng.choices((PaymentMethod.CASH, PaymentMethod.CREDIT_CARD,
                                  PaymentMethod.DEBIT_CARD), weights=(40, 40, 20))[0]
            if a.patient.deposit and balance[a.patient.idx] >= amount and rng.random() < 0.7:
                method = PaymentMethod.DEPOSIT
                balance[a.patient.idx] -= amount
            assert a.checked_in_at is not None
            self._collect(a, a.checked_in_at - dt.timedelta(minutes=1), method,
                          "admin" if rng.random() < 0.1 else "reception")
        # Receipts: gapless per year, in payment order.
        seq: dict[int, int] = defaultdict(int)
        for pay in sorted(self.payments, key=lambda x: (x.at, x.appt.patient.idx)):
            year = pay.at.astimezone(self.tz).year
            seq[year] += 1
            pay.receipt_year, pay.receipt_seq = year, seq[year]
        self.receipt_seq = dict(seq)

    def _collect(self, a: _Appt, at: dt.datetime, method: PaymentMethod, user: str) -> None:
        assert a.quote is not None
        qt = a.quote
        a.copay, a.method = CopayStatus.COLLECTED, method
        prim = self.pol_by_key[qt.primary.insurance_id] if qt.primary else None
        sec = self.pol_by_key[qt.secondary.insurance_id] if qt.secondary else None
        pay = _Pay(appt=a, at=at, amount=qt.patient_amount, method=method, quote=qt,
                   policy=prim, secondary=sec, collected_by=user)
        self.payments.append(pay)
        if method is PaymentMethod.DEPOSIT:
            self.deposit_events.append((at, a.patient, DepositTxnKind.COPAY, -pay.amount, pay))
        if prim is not None and qt.primary is not None:
            # As the copay service does: this visit's deductible and copay portions grow the
            # primary policy's ledger for the fiscal year.
            used = self.ledger.setdefault((prim, a.start.date().year), [ZERO, ZERO])
            used[0] += qt.primary.deductible_portion
            used[1] += qt.primary.copay_portion

    def _plan_deposit_topups(self) -> None:
        rng = self.rng
        for p in self.patients:
            if not p.deposit:
                continue
            at = self._at(self.today - dt.timedelta(days=rng.randint(PAST_DAYS + 5, 60)),
                          rng.randint(9, 18), rng.choice((0, 15, 30, 45)))
            amount = _D(rng.choice(("300.00", "500.00", "500.00", "1000.00", "2000.00")))
            self.deposit_events.append((at, p, DepositTxnKind.TOP_UP, amount, None))

    def _plan_refunds(self) -> None:
        rng = self.rng
        past = [x for x in self.payments if x.at.date() < self.today and x.amount >= 40
                and x.method is not PaymentMethod.DEPOSIT]
        prepaid = next(x for x in self.payments if x.appt.status is AppointmentStatus.CANCELLED)
        picks = [prepaid, *[x for x in rng.sample(past, 8) if x is not prepaid][:7]]
        statuses = [RefundStatus.PROCESSED, RefundStatus.PENDING, RefundStatus.APPROVED,
                    RefundStatus.REJECTED, RefundStatus.PROCESSED, RefundStatus.PENDING,
                    RefundStatus.APPROVED, RefundStatus.REJECTED]
        stories = [
            (RefundReason.APPOINTMENT_CANCELLED, "Patient cancelled the prepaid consultation."),
            (RefundReason.INSURANCE_UPDATED, "Insurance card presented after payment; "
                                             "eligibility confirmed by DHA."),
            (RefundReason.OVERCHARGE, "Per-visit cap of AED 50 not applied at the desk."),
            (RefundReason.OTHER, "Patient disputes the follow-up fee."),
            (RefundReason.DOCTOR_WAIVED, "Doctor waived the follow-up fee."),
            (RefundReason.OVERCHARGE, "Charged as a new patient; was a follow-up."),
            (RefundReason.INSURANCE_UPDATED, "Secondary insurance added after the visit."),
            (RefundReason.DOCTOR_WAIVED, "Request for waiver after a short consultation."),
        ]
        rejections = {3: "The follow-up fee is per the charge master; no error found.",
                      7: "Waivers must be requested before payment; refer to the clinic manager."}
        for i, (pay, status) in enumerate(zip(picks, statuses, strict=True)):
            reason, details = stories[i]
            full = i in (0, 4) or rng.random() < 0.5
            amount = pay.amount if full else q(pay.amount / 2)
            requested = pay.at + dt.timedelta(hours=rng.randint(2, 30))
            decided = requested + dt.timedelta(hours=rng.randint(1, 20)) \
                if status is not RefundStatus.PENDING else None
            processed = decided + dt.timedelta(hours=rng.randint(1, 6)) \
                if status is RefundStatus.PROCESSED and decided else None
            cap = self.now - dt.timedelta(minutes=30)
            requested = min(requested, cap - dt.timedelta(hours=3))
            decided = min(decided, cap - dt.timedelta(hours=2)) if decided else None
            processed = min(processed, cap - dt.timedelta(hours=1)) if processed else None
            method = RefundMethod.CREDIT_CARD if pay.method is PaymentMethod.CREDIT_CARD \
                else RefundMethod.CASH
            if i == 4 and pay.appt.patient.deposit:
                method = RefundMethod.DEPOSIT_CREDIT
            r = _Refund(payment=pay, amount=amount, method=method, reason=reason,
                        details=details, status=status, requested_at=requested,
                        decided_at=decided, processed_at=processed,
                        rejection=rejections.get(i))
            self.refunds.append(r)
            if status is RefundStatus.PROCESSED:
                pay.refunded += amount
                assert processed is not None
                if method is RefundMethod.DEPOSIT_CREDIT:
                    self.deposit_events.append((processed, pay.appt.patient,
                                                DepositTxnKind.REFUND_CREDIT, amount, r))
                if pay.policy is not None:
                    used = self.ledger.get((pay.policy, pay.at.year))
                    if used is not None:
                        copay = pay.quote.primary.copay_portion if pay.quote.primary else ZERO
                        used[1] = max(ZERO, used[1] - min(amount, copay))

    # ---------------------------------------------------------------- writing

    def _write(self) -> None:
        s = self.s
        today = self.today
        self.hid = self._insert(Hospital, [dict(
            code=DEMO_CODE, name="Al Noor Family Clinic", name_ar="عيادة النور العائلية",
            timezone=DEMO_TZ,
            address="Office 204, Al Wasl Building, Sheikh Zayed Road, Al Wasl, Dubai, "
                    "United Arab Emirates",
            phone="+971 4 388 5100", email="frontdesk@alnoor-clinic.example",
            trn="100384729600003", dha_facility_id="DHA-F-0001874",
            # The clinic's MRN format (app/domain/mrn.py): new patients go on as ANC-100xxx.
            settings={"dha_mode": "MOCK", "idle_lock_minutes": 10, "mrn_prefix": "ANC-",
                      "mrn_digits": 6})])[0]
        hid = self.hid
        dept_ids = self._insert(Department, [dict(hospital_id=hid, code=c, name=n)
                                             for c, n in DEPARTMENTS])
        self.dept = dict(zip((c for c, _ in DEPARTMENTS), dept_ids, strict=True))
        doc_ids = self._insert(Doctor, [dict(hospital_id=hid, department_id=self.dept[d],
                                             full_name=n, speciality=sp, license_no=lic)
                                        for d, n, sp, lic in DOCTORS])
        self.doctor = dict(zip((d[0] for d in DOCTORS), doc_ids, strict=True))
        # Usernames are unique across hospitals: one already taken (an admin created it by
        # hand) is left alone, and the demo uses that account.
        names = [u for u, *_ in DEMO_USERS]
        taken = set(s.scalars(sa.select(User.username).where(User.username.in_(names))))
        self._insert_plain(User, [dict(
            hospital_id=hid, username=u, full_name=n, role=role, password_hash=h,
            doctor_id=self.doctor["GP"] if role is Role.DOCTOR else None,
            email=f"{u}@alnoor-clinic.example")
            for (u, _pw, role, n), h in zip(DEMO_USERS, self.hashes, strict=True)
            if u not in taken])
        self.user = dict(s.execute(sa.select(User.username, User.id)
                                   .where(User.username.in_(names))).all())
        gl_ids = self._insert(GLAccount, [dict(hospital_id=hid, code=c, name=n, account_type=t)
                                          for c, n, t in GL_CHART])
        self.gl = dict(zip((c for c, *_ in GL_CHART), gl_ids, strict=True))
        self._insert_plain(ChargeItem, [dict(hospital_id=hid, code=c, cpt_code=cpt,
                                             description=d, fee=_D(f), vat_rate=_D(v))
                                        for c, cpt, d, f, v in CHARGES])
        payer_ids = self._insert(InsurancePayer, [dict(
            hospital_id=hid, name=info["name"], code=code, regulator=Regulator.DHA,
            dha_payer_id=info["dha_payer_id"], preauth_required=info["preauth_required"],
            default_copay_pct=info["default_copay_pct"])
            for code, info in self.payer_info.items()])
        self.payer = dict(zip(self.payer_info, payer_ids, strict=True))
        self._insert_plain(CPTPayerRule, [dict(
            payer_id=self.payer[p], cpt_code=c, copay_pct=_D(pct),
            copay_cap_per_visit=_D(cap) if cap else None, min_age=mn, max_age=mx, gender=g,
            requires_preauth=pre) for p, c, pct, cap, mn, mx, g, pre in CPT_RULES])
        self._insert_plain(ICD10PayerRule, [dict(
            payer_id=self.payer[p], icd10_code=c, copay_pct=_D(pct),
            copay_cap_per_visit=_D(cap) if cap else None) for p, c, pct, cap in ICD10_RULES])
        drug_ids = self._insert(Drug, [dict(hospital_id=hid, code=c, name=n, unit_price=_D(pr))
                                       for c, n, pr in DRUGS])

        self._finish_deposits()
        self._write_patients()
        self._write_appointments()
        self._write_preauths()
        self._write_payments()
        self._write_refunds()
        self._write_claims()
        self._write_deposits()
        self._write_journal()
        self._write_shifts()
        self._write_prescriptions(drug_ids)
        self._write_audits()
        s.execute(sa.insert(ReceiptCounter), [
            dict(hospital_id=hid, year=y, kind="RCP", last_seq=n)
            for y, n in sorted(self.receipt_seq.items())])
        s.execute(sa.insert(ActivityLog), [dict(
            hospital_id=hid, actor_type=ActorType.SYSTEM, user_id=None, action="DEMO_CREATED",
            target_type="hospital", target_id=str(hid),
            payload={"patients": len(self.patients), "appointments": len(self.appts),
                     "copay_payments": len(self.payments), "today": today.isoformat(),
                     "seed": SEED})])

    def _finish_deposits(self) -> None:
        self.deposit_events.sort(key=lambda e: (e[0], e[1].idx))
        for _t, pat, _k, amount, _r in self.deposit_events:
            pat.deposit_balance += amount
            assert pat.deposit_balance >= 0

    def _write_patients(self) -> None:
        hid = self.hid
        ids = self._insert(Patient, [dict(
            hospital_id=hid, mrn=f"ANC-{100000 + p.idx}", emirates_id=p.eid,
            first_name=p.first, last_name=p.last, full_name_ar=p.name_ar,
            date_of_birth=p.dob, gender=p.gender, phone=p.phone, email=p.email,
            nationality=p.nationality, deposit_balance=p.deposit_balance)
            for p in self.patients])
        for p, i in zip(self.patients, ids, strict=True):
            p.id = i
        pols = [pol for p in self.patients for pol in p.policies]
        pol_ids = self._insert(PatientInsurance, [dict(
            hospital_id=hid, patient_id=pol.patient.id, payer_id=self.payer[pol.payer],
            provider_name=pol.provider_name or self.payer_info[pol.payer]["name"],
            plan_name=pol.plan, copay_amount=pol.copay_amount,
            policy_number=pol.policy_number, member_id=pol.member_id,
            copay_pct=pol.copay_pct, network_tier=pol.network,
            annual_deductible=pol.annual_deductible, annual_copay_max=pol.annual_copay_max,
            is_primary=pol.priority == 1, is_active=True, priority=pol.priority,
            coordination_of_benefits=pol.cob, effective_date=pol.effective,
            expiry_date=pol.expiry, verification_status=pol.verification,
            verification_source=pol.source, verified_at=pol.verified_at,
            verified_by=self.user["admin"] if pol.source is VerificationSource.MANUAL else None)
            for pol in pols])
        for pol, i in zip(pols, pol_ids, strict=True):
            pol.id = i
        self._insert_plain(DeductibleLedger, [dict(
            hospital_id=hid, patient_id=pol.patient.id, patient_insurance_id=pol.id,
            fiscal_year=year, accumulated_amount=used[0],
            max_deductible=pol.annual_deductible or ZERO, copay_accumulated=used[1],
            max_copay=pol.annual_copay_max)
            for (pol, year), used in sorted(self.ledger.items(),
                                            key=lambda kv: (kv[0][0].id, kv[0][1]))])

    def _write_appointments(self) -> None:
        hid = self.hid
        rows = []
        for a in self.appts:
            qt = a.quote
            insured = bool(a.patient.policies) and not (qt is not None and qt.is_self_pay)
            checked = a.checked_in_at is not None
            rows.append(dict(
                hospital_id=hid, patient_id=a.patient.id, doctor_id=self.doctor[a.dept],
                department_id=self.dept[a.dept], scheduled_start=a.start,
                scheduled_end=a.start + dt.timedelta(minutes=15),
                appointment_date=a.start.date(), visit_type=a.visit,
                is_emergency=a.visit is VisitType.EMERGENCY, status=a.status,
                token_number=a.token, checked_in_at=a.checked_in_at,
                vitals_recorded_at=a.vitals_at, consultation_started_at=a.consult_at,
                completed_at=a.completed_at, copay_status=a.copay,
                copay_collected=a.copay is CopayStatus.COLLECTED,
                copay_amount=qt.patient_amount if qt and a.copay is CopayStatus.COLLECTED
                else None,
                copay_action_reason=a.action_reason, preauth_overridden=a.preauth_overridden,
                self_pay=a.self_pay,
                eligibility_status=EligibilityStatus.APPROVED if insured and checked
                else EligibilityStatus.PENDING,
                eligibility_details=({"source": "MOCK_DATA", "simulated": True,
                                      "payer": qt.primary.payer_code if qt and qt.primary
                                      else None,
                                      "network": qt.network_tier.value if qt and qt.network_tier
                                      else None}
                                     if insured and checked else {}),
                eligibility_checked_at=a.checked_in_at - dt.timedelta(minutes=2)
                if insured and checked else None,
                insurance_coverage_amount=qt.primary_insurer_amount
                + qt.secondary_insurer_amount if qt else None,
                patient_responsibility_amount=qt.patient_amount if qt else None,
                reason=a.reason))
        ids = self._insert(Appointment, rows)
        for a, i in zip(self.appts, ids, strict=True):
            a.id = i
        rng = self.rng
        self._insert_plain(Vitals, [dict(
            appointment_id=a.id, bp_systolic=rng.randint(105, 150), bp_diastolic=rng.randint(65, 95),
            heart_rate=rng.randint(60, 105), temperature_c=_D(f"{rng.randint(363, 389) / 10:.1f}"),
            spo2=rng.randint(94, 100),
            weight_kg=_D(f"{rng.randint(120, 350) / 10:.1f}") if a.patient.age(self.today) < 12
            else _D(f"{rng.randint(520, 1100) / 10:.1f}"),
            height_cm=_D(f"{rng.randint(850, 1500) / 10:.1f}") if a.patient.age(self.today) < 12
            else _D(f"{rng.randint(1520, 1920) / 10:.1f}"),
            recorded_by=self.user["nurse"], recorded_at=a.vitals_at)
            for a in self.appts if a.vitals_at is not None])
        self._insert_plain(TokenCounter, [dict(department_id=self.dept[d], day=day, last_token=n)
                                          for (d, day), n in sorted(self.tokens.items())])

    def _write_preauths(self) -> None:
        rng = self.rng
        rows = []
        for r in self.preauth_reqs:
            fee = _D("200.00") if r.cpt == "99213" else _D("300.00")
            st = r.status
            rows.append(dict(
                hospital_id=self.hid, patient_id=r.patient.id,
                appointment_id=r.appt.id if r.appt else None,
                patient_insurance_id=r.patient.policies[0].id, cpt_code=r.cpt, status=st,
                preauth_number=r.number,
                approved_amount=q(fee * _D("0.9")) if st is PreAuthRequestStatus.APPROVED
                else None,
                valid_from=r.valid_from, valid_to=r.valid_to,
                denial_reason="Medical necessity not established for the submitted diagnosis "
                              "(payer code MNEC-004)." if st is PreAuthRequestStatus.DENIED
                else None,
                requested_by=self.user["reception"], requested_at=r.requested_at,
                decided_at=r.decided_at,
                details={"diagnosis": rng.choice(("J06.9", "M54.5", "I10", "E11.9", "L20.9")),
                         "simulated": True,
                         **({"note": "Visit rescheduled; request withdrawn by the clinic."}
                            if st is PreAuthRequestStatus.CANCELLED else {})}))
        for r, i in zip(self.preauth_reqs, self._insert(PreAuthRequest, rows), strict=True):
            r.id = i

    def _snapshot(self, pay: _Pay) -> dict[str, Any]:
        """The payment's snapshot: the engine's quote on the same input with the database ids
        filled in (``CopayQuote.to_dict``), as the copay service stores at collect."""
        final = engine_quote(self._with_ids(pay.appt))
        planned = pay.quote
        assert (final.patient_amount, final.primary_insurer_amount,
                final.secondary_insurer_amount, final.fee) == (
            planned.patient_amount, planned.primary_insurer_amount,
            planned.secondary_insurer_amount, planned.fee), "ids changed a demo quote"
        pay.quote = final
        return final.to_dict()

    def _write_payments(self) -> None:
        rows = []
        for pay in self.payments:
            snapshot = self._snapshot(pay)
            qt = pay.quote
            prim, sec = qt.primary, qt.secondary
            rows.append(dict(
                hospital_id=self.hid, patient_id=pay.appt.patient.id,
                appointment_id=pay.appt.id,
                patient_insurance_id=prim.insurance_id if prim else None,
                amount=pay.amount, fee=qt.fee,
                primary_insurer_amount=qt.primary_insurer_amount,
                secondary_insurer_amount=qt.secondary_insurer_amount,
                deductible_portion=prim.deductible_portion if prim else ZERO,
                copay_portion=prim.copay_portion if prim else ZERO,
                vat_amount=qt.vat_amount, vat_rate=qt.vat_rate,
                payment_method=pay.method,
                insurance_provider=prim.payer_name if prim else None,
                policy_number=prim.policy_number if prim else None,
                secondary_insurance_provider=sec.payer_name if sec else None,
                secondary_policy_number=sec.policy_number if sec else None,
                cob_applied=qt.cob_applied,
                receipt_number=pay.receipt, receipt_year=pay.receipt_year,
                receipt_seq=pay.receipt_seq, idempotency_key=f"demo-{DEMO_CODE}-{pay.receipt}",
                quote=snapshot,
                collected_by=self.user[pay.collected_by], payment_date=pay.at))
        ids = self._insert(CopayPayment, rows)
        for pay, i in zip(self.payments, ids, strict=True):
            pay.id = i

    def _write_refunds(self) -> None:
        acct = self.user["accountant"]
        rows = []
        for r in self.refunds:
            pay = r.payment
            approved = r.status in (RefundStatus.APPROVED, RefundStatus.PROCESSED)
            rows.append(dict(
                hospital_id=self.hid, copay_payment_id=pay.id, patient_id=pay.appt.patient.id,
                appointment_id=pay.appt.id, refund_amount=r.amount, refund_method=r.method,
                refund_reason=r.reason, reason_details=r.details, status=r.status,
                requested_by=self.user["reception"], requested_at=r.requested_at,
                approved_by=acct if approved else None,
                approved_at=r.decided_at if approved else None,
                processed_by=acct if r.status is RefundStatus.PROCESSED else None,
                processed_at=r.processed_at,
                rejected_by=self.user["admin"] if r.status is RefundStatus.REJECTED else None,
                rejected_at=r.decided_at if r.status is RefundStatus.REJECTED else None,
                rejection_reason=r.rejection if r.status is RefundStatus.REJECTED else None))
        ids = self._insert(CopayRefund, rows)
        for r, i in zip(self.refunds, ids, strict=True):
            r.id = i

    # Insurer decisions (claims) for a few past insured visits, so Reconciliation shows every
    # case: (patient portion the insurer set - copay collected, write-off, claim status).
    # Hand-picked differences: overpaid 15.00 / 22.50 / 40.00 (one with a write-off),
    # underpaid 10.00 / 25.00, two exact, two not adjudicated yet. The 25.00 balance was
    # written off by the accountant (issue 13), so the list shows a settled visit too.
    CLAIM_CASES = (
        (_D("-15.00"), ZERO, ClaimStatus.APPROVED),
        (_D("-22.50"), _D("20.00"), ClaimStatus.APPROVED),
        (_D("-40.00"), ZERO, ClaimStatus.APPROVED),
        (_D("10.00"), ZERO, ClaimStatus.APPROVED),
        (_D("25.00"), ZERO, ClaimStatus.APPROVED),
        (ZERO, ZERO, ClaimStatus.APPROVED),
        (ZERO, _D("15.00"), ClaimStatus.APPROVED),
        (ZERO, ZERO, ClaimStatus.SUBMITTED),
        (ZERO, ZERO, ClaimStatus.NOT_SUBMITTED),
    )

    def _write_claims(self) -> None:
        refunded = {r.payment.id for r in self.refunds}
        past = [x for x in self.payments
                if x.at.date() < self.today - dt.timedelta(days=2) and x.policy is not None
                and x.amount >= 60 and x.id not in refunded and x.quote.fee > x.amount + 60]
        past.sort(key=lambda x: (x.at, x.appt.patient.idx))
        picks = past[-len(self.CLAIM_CASES):]
        rows = []
        for pay, (delta, write_off, status) in zip(picks, self.CLAIM_CASES, strict=False):
            fee = pay.quote.fee
            portion = q(pay.amount + delta)
            decided = status is ClaimStatus.APPROVED
            day = pay.appt.start.astimezone(ZoneInfo(DEMO_TZ)).date()
            rows.append(dict(
                hospital_id=self.hid, patient_id=pay.appt.patient.id,
                appointment_id=pay.appt.id, status=status, amount_billed=fee,
                amount_approved=q(fee - portion - write_off) if decided else None,
                write_off=write_off if decided else ZERO, details={"demo": True},
                date_service=day,
                date_sent=day + dt.timedelta(days=1)
                if status is not ClaimStatus.NOT_SUBMITTED else None,
                date_received=min(self.today, day + dt.timedelta(days=2)) if decided else None))
        if rows:
            self._insert(Claim, rows)
        written_off = [pay for pay, (delta, _w, _st) in zip(picks, self.CLAIM_CASES,
                                                             strict=False)
                       if delta == _D("25.00")]
        self._insert(BalanceSettlement, [dict(
            hospital_id=self.hid, patient_id=pay.appt.patient.id, copay_payment_id=pay.id,
            appointment_id=pay.appt.id, kind="WRITTEN_OFF", amount=_D("25.00"),
            vat_amount=ZERO, reason="Goodwill: long-standing patient, approved by the CFO",
            created_by=self.user["accountant"]) for pay in written_off])

    def _write_deposits(self) -> None:
        running: dict[int, Decimal] = defaultdict(lambda: ZERO)
        rows = []
        for at, pat, kind, amount, ref in self.deposit_events:
            running[pat.idx] += amount
            rows.append(dict(
                hospital_id=self.hid, patient_id=pat.id, kind=kind, amount=amount,
                balance_after=running[pat.idx],
                copay_payment_id=ref.id if isinstance(ref, _Pay) else None,
                refund_id=ref.id if isinstance(ref, _Refund) else None,
                created_by=self.user["reception"] if kind is not DepositTxnKind.REFUND_CREDIT
                else self.user["accountant"], created_at=at))
        ids = self._insert(DepositTransaction, rows)
        self.topups = [(ev, i) for ev, i in zip(self.deposit_events, ids, strict=True)
                       if ev[2] is DepositTxnKind.TOP_UP]

    def _write_journal(self) -> None:
        gl = self.gl
        entries: list[dict[str, Any]] = []
        lines: list[list[tuple[str, Decimal, Decimal]]] = []
        # Account codes and line shapes from the one place that names them (the services
        # post through ledger.move_money; the demo bulk-inserts the same lines).
        for pay in self.payments:
            if pay.amount <= 0:
                continue
            vat = vat_included(pay.amount, pay.quote.vat_rate)
            entries.append(dict(hospital_id=self.hid, posted_at=pay.at,
                                memo=f"Copay {pay.receipt} — {pay.appt.patient.first} "
                                     f"{pay.appt.patient.last}",
                                source_type=ledger.SOURCE_COPAY_PAYMENT, source_id=pay.id,
                                posted_by=self.user[pay.collected_by]))
            lines.append(ledger.collect_lines(pay.amount, vat, pay.method))
        for r in self.refunds:
            if r.status is not RefundStatus.PROCESSED:
                continue
            vat = vat_included(r.amount, r.payment.quote.vat_rate)
            entries.append(dict(hospital_id=self.hid, posted_at=r.processed_at,
                                memo=f"Copay refund of {r.payment.receipt}",
                                source_type=ledger.SOURCE_COPAY_REFUND, source_id=r.id,
                                posted_by=self.user["accountant"]))
            lines.append(ledger.refund_lines(r.amount, r.amount - vat, vat, r.method))
        for (at, pat, _kind, amount, _ref), txn_id in self.topups:
            entries.append(dict(hospital_id=self.hid, posted_at=at,
                                memo=f"Deposit top-up — {pat.first} {pat.last}",
                                source_type=ledger.SOURCE_DEPOSIT_TOP_UP, source_id=txn_id,
                                posted_by=self.user["reception"]))
            lines.append(ledger.top_up_lines(amount, PaymentMethod.CASH))
        ids = self._insert(JournalEntry, entries)
        self._insert_plain(JournalLine, [
            dict(entry_id=eid, account_id=gl[code], debit=d, credit=c)
            for eid, ls in zip(ids, lines, strict=True) for code, d, c in ls if d or c])

    def _write_shifts(self) -> None:
        """The cash drawers behind the history: one shift per person and day, each desk
        movement stamped on it as ledger.move_money does (the database refuses cash on the
        journal without it), closed with a count that matches, except today's front-desk
        shifts, which are still open."""
        s, hid = self.s, self.hid
        accounts = {ledger.ACCOUNT_CASH: "CASH", ledger.ACCOUNT_CARD: "CARD",
                    ledger.ACCOUNT_DEPOSITS: "DEPOSIT",
                    ledger.ACCOUNT_REFUNDS_PAYABLE: "BANK_TRANSFER"}
        rows = s.execute(sa.text("""
            SELECT e.id, e.posted_by, e.posted_at, e.source_type, e.source_id, e.memo,
                   a.code, l.debit - l.credit AS amount
              FROM journal_entries e
              JOIN journal_lines l ON l.entry_id = e.id
              JOIN gl_accounts a ON a.id = l.account_id
             WHERE e.hospital_id = :h AND a.code = ANY(:codes) AND e.posted_by IS NOT NULL
               AND e.source_type IN ('COPAY_PAYMENT', 'COPAY_REFUND', 'DEPOSIT_TOP_UP')
             ORDER BY e.posted_at, e.id"""), {"h": hid, "codes": list(accounts)}).all()
        # One tender per entry, cash first (a cash top-up also credits the deposits account).
        priority = list(accounts)
        best: dict[int, Any] = {}
        for r in rows:
            have = best.get(r.id)
            if have is None or priority.index(r.code) < priority.index(have.code):
                best[r.id] = r
        groups: dict[tuple[int, dt.date], list[Any]] = defaultdict(list)
        for r in sorted(best.values(), key=lambda r: (r.posted_at, r.id)):
            groups[(r.posted_by, r.posted_at.astimezone(self.tz).date())].append(r)
        station = {self.user["accountant"]: "OFFICE-02"}
        for (user_id, day), moves in sorted(groups.items(), key=lambda g: g[1][0].posted_at):
            running = low = ZERO
            for m in moves:
                if accounts[m.code] == "CASH":
                    running += m.amount
                    low = min(low, running)
            float_ = _D("500.00") - low
            first = moves[0].posted_at
            opened = min(first - dt.timedelta(minutes=20),
                         dt.datetime.combine(day, dt.time(8, 0), self.tz))
            sid = s.execute(sa.insert(CashShift).values(
                hospital_id=hid, user_id=user_id, workstation=station.get(user_id, "FRONTDESK-01"),
                opened_at=opened, opening_float=float_, expected_cash=float_,
                opening_denominations={"100": int(float_ // 100)} if float_ % 100 == 0 else None,
            ).returning(CashShift.id)).scalar_one()
            s.execute(sa.insert(ShiftMovement), [dict(
                shift_id=sid, hospital_id=hid, tender=accounts[m.code], amount=m.amount,
                source_type=m.source_type, source_id=m.source_id, journal_entry_id=m.id,
                memo=m.memo[:200], created_at=m.posted_at) for m in moves])
            if day == self.today and station.get(user_id) is None:
                continue  # today's front desk is still taking money
            expected = s.scalar(sa.select(CashShift.expected_cash).where(CashShift.id == sid))
            s.execute(sa.update(CashShift).where(CashShift.id == sid).values(
                closed_at=max(moves[-1].posted_at + dt.timedelta(hours=1),
                              dt.datetime.combine(day, dt.time(18, 0), self.tz)),
                counted_cash=expected, difference=ZERO))

    def _write_prescriptions(self, drug_ids: list[int]) -> None:
        self._insert_plain(Prescription, [dict(
            hospital_id=self.hid, patient_id=rx.patient.id, drug_id=drug_ids[rx.drug],
            doctor_id=self.doctor[rx.dept], quantity=rx.quantity, is_active=rx.active,
            prescribed_at=rx.at) for rxs in self.rx_of.values() for rx in rxs])

    def _write_audits(self) -> None:
        rng = self.rng
        hid = self.hid
        rows: list[dict[str, Any]] = []

        def audit(action: AuditAction, at: dt.datetime, user: str, patient: _Pat | None,
                  appt: _Appt | None = None, new: dict | None = None,
                  prev: dict | None = None, reason: str | None = None,
                  dha: dict | None = None) -> None:
            rows.append(dict(
                hospital_id=hid, patient_id=patient.id if patient else None,
                appointment_id=appt.id if appt else None, action=action,
                previous_data=prev, new_data=new, dha_response=dha, reason=reason,
                performed_by=self.user[user], performed_at=at,
                workstation="FRONTDESK-01" if user == "reception" else "OFFICE-02",
                ip_address="10.20.1.11" if user == "reception" else "10.20.1.40"))

        pay_of = {pay.appt.id: pay for pay in self.payments}
        for a in self.appts:
            if a.quote is None:
                continue
            qt = a.quote
            ins = {"insurance_provider": qt.primary.payer_name if qt.primary else None,
                   "policy_number": qt.primary.policy_number if qt.primary else None}
            at = (a.checked_in_at or a.start) - dt.timedelta(minutes=1)
            if qt.primary is not None and not qt.is_self_pay:
                audit(AuditAction.DHA_VERIFIED, at - dt.timedelta(minutes=1), "reception",
                      a.patient, a, new={"eligible": True, **ins},
                      dha={"Result": "Yes", "simulated": True, "source": "MOCK_DATA",
                           "IDPayer": f"ELG{a.id:07d}"})
            if a.copay is CopayStatus.COLLECTED:
                pay = pay_of[a.id]
                audit(AuditAction.COPAY_COLLECTED, pay.at, pay.collected_by, a.patient, a,
                      new={"amount": str(pay.amount), "payment_method": pay.method.value,
                           "receipt_number": pay.receipt, **ins})
            elif a.copay is CopayStatus.WAIVED:
                audit(AuditAction.COPAY_WAIVED, at, "admin", a.patient, a,
                      new={"waived_amount": str(qt.patient_amount), **ins},
                      reason=a.action_reason)
            elif a.copay is CopayStatus.DEFERRED:
                audit(AuditAction.COPAY_DEFERRED, at, "reception", a.patient, a,
                      new={"deferred_amount": str(qt.patient_amount), **ins},
                      reason=a.action_reason)
        # Insurance desk work: EID checks, manual verifications, DHA mismatches and outages.
        with_eid = [p for p in self.patients if p.eid][:12]
        for p in with_eid:
            audit(AuditAction.EID_VERIFIED,
                  self._at(self.today - dt.timedelta(days=rng.randint(0, 14)), 9,
                           rng.randint(0, 59)), "reception", p,
                  new={"emirates_id": p.eid, "verification_source": "EID_READER"})
        for p in self.patients:
            for pol in p.policies:
                if pol.source is VerificationSource.MANUAL and pol.verified_at:
                    audit(AuditAction.MANUAL_VERIFY, pol.verified_at, "admin", p,
                          new={"policy_number": pol.policy_number, "status": "VERIFIED"},
                          reason="Verified by phone with the payer's call centre.")
        insured = [p for p in self.patients if p.category == "regular"]
        mismatch, outage, change, reject = insured[0], insured[1], insured[2], insured[3]
        day = self._at(self.today - dt.timedelta(days=4), 11, 5)
        audit(AuditAction.DHA_MISMATCH_USE_DB, day, "reception", mismatch,
              prev={"db": {"policy_number": mismatch.policies[0].policy_number}},
              new={"dha": {"status": "NOT_FOUND"}}, reason="Card valid; DHA record lagging.",
              dha={"Result": "No", "simulated": True, "source": "MOCK_DATA"})
        audit(AuditAction.DHA_UNAVAILABLE_USE_CACHE, day + dt.timedelta(hours=2), "reception",
              outage, new={"cached_verified_at": str(outage.policies[0].verified_at)},
              reason="DHA eClaimLink did not answer within 30 s.",
              dha={"error": "timeout", "simulated": True})
        audit(AuditAction.COVERAGE_CHANGE_ACCEPTED, day + dt.timedelta(hours=3), "admin", change,
              prev={"copay_pct": "30.00"}, new={"copay_pct": str(change.policies[0].copay_pct)},
              dha={"Result": "Yes", "simulated": True, "source": "MOCK_DATA"})
        audit(AuditAction.MANUAL_REJECT, day + dt.timedelta(hours=4), "admin", reject,
              new={"policy_number": "AXA/GH/00000000", "status": "REJECTED"},
              reason="Policy number on the scanned card does not match the payer's records.")
        # The pre-auth stories of today's two Sukoon check-ins.
        a = self.override_appt
        assert a.checked_in_at is not None and self.convert_appt.checked_in_at is not None
        audit(AuditAction.PREAUTH_OVERRIDE, a.checked_in_at - dt.timedelta(minutes=4), "admin",
              a.patient, a, prev={"preauth_status": "DENIED"},
              new={"preauth_status": "DENIED", "preauth_overridden": True},
              reason="Clinically urgent; the payer will be asked to reconsider.")
        a = self.convert_appt
        audit(AuditAction.CONVERT_TO_SELFPAY, a.checked_in_at - dt.timedelta(minutes=4),
              "reception", a.patient, a,
              prev={"insurance_provider": self.payer_info["SUKOON"]["name"],
                    "preauth_status": "REQUIRED_NOT_SUBMITTED"},
              new={"self_pay": True},
              reason="Patient chose to pay rather than wait for pre-authorisation.")
        # Refund lifecycle.
        for r in self.refunds:
            pat, appt = r.payment.appt.patient, r.payment.appt
            base = {"refund_amount": str(r.amount), "receipt_number": r.payment.receipt,
                    "refund_reason": r.reason.value}
            audit(AuditAction.REFUND_REQUESTED, r.requested_at, "reception", pat, appt,
                  new=base, reason=r.details)
            if r.status in (RefundStatus.APPROVED, RefundStatus.PROCESSED):
                audit(AuditAction.REFUND_APPROVED, r.decided_at, "accountant", pat, appt,
                      new={**base, "status": "APPROVED"})
            if r.status is RefundStatus.PROCESSED:
                audit(AuditAction.REFUND_PROCESSED, r.processed_at, "accountant", pat, appt,
                      new={**base, "status": "PROCESSED", "refund_method": r.method.value})
            if r.status is RefundStatus.REJECTED:
                audit(AuditAction.REFUND_REJECTED, r.decided_at, "admin", pat, appt,
                      new={**base, "status": "REJECTED"}, reason=r.rejection)
        rows.sort(key=lambda r: r["performed_at"])
        self._insert_plain(InsuranceAudit, rows)
