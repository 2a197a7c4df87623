"""Copay at check-in: quote, collect, waive, defer, pre-auth request and override, convert to
self-pay, receipts and payment history (seed 004 §2–§6, DESIGN "Collecting").

The money rules live in the pure engine :mod:`app.domain.copay`; this module gathers its
input from the database and stores the outcome. Every public method is one transaction that
checks the caller's role first and writes its audit entry in the same transaction.

Reading: :meth:`CopayService.quote` loads everything the engine needs in ONE statement
(appointment, patient, doctor, department, charge-master row, policies with payers, payer
rules and this year's ledgers, pre-auth requests and prescriptions as ``json_agg``
sub-selects). :meth:`CopayService.quote_naive` loads the same data the seed's way, one query
per lookup; a test proves both give the same answer and the benchmark compares them.

Collecting exactly once, from one workstation or several: the appointment and patient rows
are locked (``FOR NO KEY UPDATE``) before anything is read, ``copay_payments`` has
UNIQUE(appointment_id) and UNIQUE(idempotency_key), and the receipt number comes from a
counter row incremented inside the same transaction, so a rollback leaves no gap.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import (
    ActivityLog,
    Appointment,
    BalanceSettlement,
    ChargeItem,
    Claim,
    CopayPayment,
    CPTPayerRule,
    DeductibleLedger,
    Department,
    Doctor,
    Drug,
    Hospital,
    ICD10PayerRule,
    InsuranceAudit,
    InsurancePayer,
    Patient,
    PatientInsurance,
    PreAuthRequest,
    Prescription,
    User,
)
from app.domain.copay import (
    ChargeInput,
    CopayAction,
    CopayQuote,
    PayerRuleInput,
    PolicyInput,
    PreAuthInfo,
    PreAuthInput,
    PrescriptionInput,
    QuoteInput,
    charge_code_for,
)
from app.domain.copay import quote as compute_quote
from app.domain.enums import (
    ActorType,
    AppointmentStatus,
    AuditAction,
    ClaimStatus,
    CopayStatus,
    DataSource,
    DepositTxnKind,
    Gender,
    NetworkTier,
    PaymentMethod,
    PreAuthRequestStatus,
    PreAuthStatus,
    VerificationStatus,
    VisitType,
)
from app.domain.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.domain.messages import N_, Day, Msg, messages
from app.domain.money import ZERO, to_amount
from app.domain.roles import Permission
from app.domain.tender import Tender, tender_for
from app.domain.text import KEY_MAX, NOTE_MAX, REASON_MAX, check_storable, clean_text
from app.domain.visits import visit_type_name
from app.receipts.model import ReceiptData
from app.services import ledger, session_check
from app.services.changes import Changes, Done
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.queue import check_in_locked
from app.services.reconciliation import SettledBalance, record_settled, settle_balance
from app.services.unit_of_work import UnitOfWork, UowFactory, jsonable

M = messages(__name__)

__all__ = [
    "CollectResult", "CopayService", "PaymentRow", "QuoteHeader", "QuoteView",
    "data_source_for", "METHOD_LABELS", "Settled",
]

A = Appointment

#: Display labels (English; the UI shows them with tr(label)).
METHOD_LABELS = {
    PaymentMethod.CASH: N_("Cash"),
    PaymentMethod.CREDIT_CARD: N_("Credit card"),
    PaymentMethod.DEBIT_CARD: N_("Debit card"),
    PaymentMethod.DEPOSIT: N_("Patient deposit"),
}

#: The words the copay's refusals put into their sentences ("its copay cannot be {verb}"),
#: as messages so that each language translates the word, not a sentence glued from English.
_VERBS = {
    "collected": M("verb_collected", "collected"),
    "waived": M("verb_waived", "waived"),
    "deferred": M("verb_deferred", "deferred"),
    "changed": M("verb_changed", "changed"),
    "checked in": M("verb_checked_in", "checked in"),
    "pending": M("verb_pending", "pending"),
    "approved": M("verb_approved", "approved"),
}
_CLOSED_LABELS = {
    AppointmentStatus.CANCELLED: M("closed_cancelled", "cancelled"),
    AppointmentStatus.NO_SHOW: M("closed_no_show", "a no-show"),
}


# Seed 004 §3 step 5: consultations are matched to the payer's ICD-10 rule for a general
# examination (Z00.*) when there is no CPT rule for the charge's code.
ICD10_CONSULT_PREFIX = "Z00"

_CLOSED = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW})
MAX_PREAUTH_NOTE = NOTE_MAX
_DHA_MODES = {
    "LIVE": DataSource.DHA_LIVE,
    "SANDBOX": DataSource.DHA_SANDBOX,
    "MOCK": DataSource.MOCK_DATA,
}


def data_source_for(eligibility_source: str | None, dha_mode: str | None) -> DataSource:
    """GAP 5: the eligibility check's own source when it recorded one, else what the
    hospital's DHA mode means (LIVE / SANDBOX / MOCK), else NOT_CONFIGURED."""
    if eligibility_source:
        try:
            return DataSource(str(eligibility_source).strip().upper())
        except ValueError:
            pass  # an unknown label must not break the desk: fall back to the settings
    return _DHA_MODES.get(str(dha_mode or "").strip().upper(), DataSource.NOT_CONFIGURED)


# ------------------------------------------------------------------------------------ values


@dataclass(frozen=True)
class QuoteHeader:
    """Who and what the quote is for; ``scheduled_start`` is in the hospital's time zone."""

    appointment_id: int
    version: int
    hospital_id: int
    timezone: str
    patient_id: int
    patient_name: str
    mrn: str
    emirates_id: str | None
    date_of_birth: dt.date | None
    age: int | None
    gender: Gender
    deposit_balance: Decimal
    scheduled_start: dt.datetime
    appointment_date: dt.date
    doctor_id: int
    doctor_name: str
    department_id: int
    department_name: str
    visit_type: VisitType
    is_emergency: bool
    status: AppointmentStatus
    copay_status: CopayStatus
    copay_amount: Decimal | None
    preauth_overridden: bool
    self_pay: bool


@dataclass(frozen=True)
class QuoteView:
    """What the copay dialog shows: the header and the engine's quote with every figure."""

    header: QuoteHeader
    quote: CopayQuote

    def to_dict(self) -> dict[str, Any]:
        return {"header": jsonable(dataclasses.asdict(self.header)),
                "quote": self.quote.to_dict()}


@dataclass(frozen=True)
class CollectResult:
    """The outcome of a collect. ``quote`` is the snapshot stored with the payment (the
    engine's ``to_dict()``), so a retry with the same idempotency key returns an equal
    result; ``replayed`` says it was such a retry (not part of equality)."""

    payment_id: int
    receipt_number: str
    amount: Decimal
    vat_amount: Decimal
    method: PaymentMethod
    quote: Mapping[str, Any]
    changes: Changes
    replayed: bool = dataclasses.field(default=False, compare=False)
    tendered: Decimal | None = None
    change_due: Decimal | None = None
    token_number: int | None = dataclasses.field(default=None, compare=False)
    """The patient's queue token when the collect checked them in (``check_in=True``)."""
    balance_amount: Decimal = dataclasses.field(default=ZERO, compare=False)
    """Issue 13: earlier visits' balance taken with the copay (also on the receipt)."""


@dataclass(frozen=True)
class Settled:
    """A waive or defer: what changed, and the token when it checked the patient in."""

    changes: Changes
    token_number: int | None = None


@dataclass(frozen=True)
class PaymentRow:
    """One past copay payment, for the reprint list; ``paid_at`` in the hospital's zone."""

    payment_id: int
    appointment_id: int
    appointment_date: dt.date
    receipt_number: str
    paid_at: dt.datetime
    amount: Decimal
    vat_amount: Decimal
    method: PaymentMethod
    primary_insurer: str | None
    secondary_insurer: str | None
    refunded_amount: Decimal
    collected_by: str


@dataclass(frozen=True)
class _Loaded:
    header: QuoteHeader
    inp: QuoteInput  # data_source still to be decided by the caller
    eligibility_source: str | None
    dha_mode: str | None


# ---------------------------------------------------------------------------- fast loading

# The charge-master code per visit, as SQL, from the engine's own mapping (DESIGN rule 1).
_CHARGE_CODE_SQL = (
    f"CASE WHEN a.is_emergency THEN '{charge_code_for(VisitType.EMERGENCY, is_emergency=True)}' "
    + " ".join(f"WHEN a.visit_type = '{vt.value}' THEN '{charge_code_for(vt)}'"
               for vt in VisitType)
    + " END"
)

# Numerics leave as text inside JSON: a JSON number would come back as a float.
_QUOTE_SELECT = f"""
SELECT a.id, a.version, a.hospital_id, a.patient_id, a.doctor_id, a.department_id,
       a.scheduled_start, a.appointment_date, a.visit_type, a.is_emergency, a.status,
       a.copay_status, a.copay_amount, a.preauth_overridden, a.self_pay,
       a.eligibility_details ->> 'data_source' AS eligibility_source,
       h.timezone, h.settings ->> 'dha_mode' AS dha_mode,
       p.first_name, p.last_name, p.mrn, p.emirates_id, p.date_of_birth, p.gender,
       p.deposit_balance,
       d.full_name AS doctor_name, dep.name AS department_name,
       cm.code AS charge_code, cm.cpt_code, cm.description AS charge_description,
       cm.fee, cm.vat_rate,
       pol.policies,
       (SELECT json_agg(json_build_object(
                 'request_id', pr.id, 'cpt_code', pr.cpt_code, 'status', pr.status,
                 'preauth_number', pr.preauth_number,
                 'insurance_id', pr.patient_insurance_id) ORDER BY pr.id)
          FROM preauth_requests pr
         WHERE pr.patient_id = a.patient_id AND pr.cpt_code = cm.cpt_code
           AND (pr.appointment_id IS NULL OR pr.appointment_id = a.id)
           AND (pr.valid_from IS NULL OR pr.valid_from <= a.appointment_date)
           AND (pr.valid_to IS NULL OR pr.valid_to >= a.appointment_date)) AS preauths,
       (SELECT json_agg(json_build_object(
                 'drug_name', dr.name, 'quantity', rx.quantity,
                 'unit_price', dr.unit_price::text) ORDER BY rx.id)
          FROM prescriptions rx JOIN drugs dr ON dr.id = rx.drug_id
         WHERE rx.patient_id = a.patient_id AND rx.is_active) AS prescriptions
  FROM appointments a
  JOIN hospitals h ON h.id = a.hospital_id
  JOIN patients p ON p.id = a.patient_id
  JOIN doctors d ON d.id = a.doctor_id
  JOIN departments dep ON dep.id = a.department_id
  LEFT JOIN charge_master cm
         ON cm.hospital_id = a.hospital_id AND cm.is_active AND cm.code = {_CHARGE_CODE_SQL}
  LEFT JOIN LATERAL (
       SELECT json_agg(json_build_object(
                'insurance_id', pi.id, 'payer_id', py.id, 'payer_name', py.name,
                'payer_code', py.code, 'plan_name', pi.plan_name,
                'policy_number', pi.policy_number, 'priority', pi.priority,
                'network_tier', pi.network_tier, 'copay_pct', pi.copay_pct::text,
                'copay_cap_per_visit', pi.copay_cap_per_visit::text,
                'annual_deductible', pi.annual_deductible::text,
                'annual_copay_max', pi.annual_copay_max::text,
                'effective_date', pi.effective_date, 'expiry_date', pi.expiry_date,
                'payer_default_copay_pct', py.default_copay_pct::text,
                'payer_preauth_required', py.preauth_required,
                'verification_status', pi.verification_status,
                'rule', CASE WHEN r.source IS NULL THEN NULL ELSE json_build_object(
                    'source', r.source, 'copay_pct', r.copay_pct::text,
                    'copay_cap_per_visit', r.copay_cap_per_visit::text,
                    'price_override', r.price_override::text, 'min_age', r.min_age,
                    'max_age', r.max_age, 'gender', r.gender,
                    'requires_preauth', r.requires_preauth) END,
                'deductible_used', COALESCE(l.accumulated_amount, 0)::text,
                'copay_used', COALESCE(l.copay_accumulated, 0)::text
              ) ORDER BY pi.priority, pi.id) AS policies
         FROM patient_insurances pi
         JOIN insurance_payers py ON py.id = pi.payer_id
         LEFT JOIN deductible_ledgers l
                ON l.patient_id = pi.patient_id AND l.patient_insurance_id = pi.id
               AND l.fiscal_year = EXTRACT(YEAR FROM a.appointment_date)::int
         LEFT JOIN LATERAL (
              SELECT * FROM (
                  SELECT 0 AS rank, 'CPT ' || cr.cpt_code AS source, cr.copay_pct,
                         cr.copay_cap_per_visit, cr.price_override, cr.min_age, cr.max_age,
                         cr.gender, cr.requires_preauth
                    FROM cpt_payer_rules cr
                   WHERE cr.payer_id = pi.payer_id AND cr.is_active
                     AND cr.cpt_code = cm.cpt_code
                  UNION ALL
                  SELECT 1, 'ICD-10 ' || ir.icd10_code, ir.copay_pct, ir.copay_cap_per_visit,
                         ir.price_override, ir.min_age, ir.max_age, ir.gender,
                         ir.requires_preauth
                    FROM icd10_payer_rules ir
                   WHERE ir.payer_id = pi.payer_id AND ir.is_active
                     AND ir.icd10_code LIKE '{ICD10_CONSULT_PREFIX}%'
              ) rules ORDER BY rank, source LIMIT 1
         ) r ON true
        WHERE pi.patient_id = a.patient_id AND pi.is_active
  ) pol ON true
 WHERE a.id = :appointment_id AND a.hospital_id = :hospital_id
"""
_QUOTE_SQL = sa.text(_QUOTE_SELECT)

# Collect reads the quote and looks for a payment already made for the appointment or with
# the request key in ONE statement, after the row lock (so it sees the winner's commit).
_COLLECT_SQL = sa.text(_QUOTE_SELECT.replace(
    "\nSELECT a.id, a.version,",
    """
SELECT (SELECT cp.id FROM copay_payments cp
         WHERE cp.appointment_id = a.id OR cp.idempotency_key = :idempotency_key
         ORDER BY (cp.appointment_id = a.id) DESC LIMIT 1) AS existing_payment_id,
       a.id, a.version,""", 1))
assert _COLLECT_SQL.text != _QUOTE_SQL.text

# The desk's quote with the caller's session check folded in: still one round trip.
_QUOTE_CHECKED_SQL = sa.text(_QUOTE_SELECT.replace(
    "\nSELECT a.id, a.version,",
    f"\nSELECT {session_check.STATE_SQL} AS session_state,\n       a.id, a.version,", 1))
assert _QUOTE_CHECKED_SQL.text != _QUOTE_SQL.text


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _age(dob: dt.date | None, on: dt.date) -> int | None:
    if dob is None:
        return None
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _rule_from_json(r: Mapping[str, Any] | None) -> PayerRuleInput | None:
    if r is None:
        return None
    return PayerRuleInput(
        source=r["source"], copay_pct=_dec(r["copay_pct"]),
        copay_cap_per_visit=_dec(r["copay_cap_per_visit"]),
        price_override=_dec(r["price_override"]), min_age=r["min_age"], max_age=r["max_age"],
        gender=Gender(r["gender"]) if r["gender"] else None,
        requires_preauth=bool(r["requires_preauth"]),
    )


def _policy_from_json(p: Mapping[str, Any]) -> PolicyInput:
    return PolicyInput(
        insurance_id=p["insurance_id"], payer_id=p["payer_id"], payer_name=p["payer_name"],
        payer_code=p["payer_code"], plan_name=p["plan_name"], policy_number=p["policy_number"],
        priority=p["priority"], network_tier=NetworkTier(p["network_tier"]),
        copay_pct=_dec(p["copay_pct"]), copay_cap_per_visit=_dec(p["copay_cap_per_visit"]),
        annual_deductible=_dec(p["annual_deductible"]),
        annual_copay_max=_dec(p["annual_copay_max"]),
        effective_date=_date(p["effective_date"]), expiry_date=_date(p["expiry_date"]),
        payer_default_copay_pct=_dec(p["payer_default_copay_pct"]),
        payer_preauth_required=bool(p["payer_preauth_required"]),
        rule=_rule_from_json(p["rule"]),
        deductible_used=Decimal(p["deductible_used"]), copay_used=Decimal(p["copay_used"]),
        verification_status=VerificationStatus(p["verification_status"]),
    )


def _header(*, appointment_id: int, version: int, hospital_id: int, tz: str, patient_id: int,
            first_name: str, last_name: str, mrn: str, emirates_id: str | None,
            dob: dt.date | None, gender: Gender, deposit: Decimal, start: dt.datetime,
            day: dt.date, doctor_id: int, doctor_name: str, department_id: int,
            department_name: str, visit_type: VisitType, is_emergency: bool,
            status: AppointmentStatus, copay_status: CopayStatus,
            copay_amount: Decimal | None, preauth_overridden: bool,
            self_pay: bool) -> QuoteHeader:
    return QuoteHeader(
        appointment_id=appointment_id, version=version, hospital_id=hospital_id, timezone=tz,
        patient_id=patient_id, patient_name=f"{first_name} {last_name}", mrn=mrn,
        emirates_id=emirates_id, date_of_birth=dob, age=_age(dob, day), gender=gender,
        deposit_balance=deposit, scheduled_start=start.astimezone(ZoneInfo(tz)),
        appointment_date=day, doctor_id=doctor_id, doctor_name=doctor_name,
        department_id=department_id, department_name=department_name, visit_type=visit_type,
        is_emergency=is_emergency, status=status, copay_status=copay_status,
        copay_amount=copay_amount, preauth_overridden=preauth_overridden, self_pay=self_pay,
    )


def _load_fast(s: Session, hospital_id: int, appointment_id: int) -> _Loaded | None:
    r = s.execute(_QUOTE_SQL, {"appointment_id": appointment_id,
                               "hospital_id": hospital_id}).mappings().one_or_none()
    return None if r is None else _loaded(r)


def _load_checked(uow: UnitOfWork, hospital_id: int, appointment_id: int) -> _Loaded | None:
    """The quote's data and the caller's session state in one statement; the session is
    verified before anything is returned (and checked on its own when no row came back,
    so a signed-out caller learns that, not whether the appointment exists)."""
    r = uow.session.execute(_QUOTE_CHECKED_SQL, {
        "appointment_id": appointment_id, "hospital_id": hospital_id,
        **uow.session_params}).mappings().one_or_none()
    if r is None:
        uow.verify_session_now()
        return None
    uow.verify_session(r["session_state"])
    return _loaded(r)


def _load_for_collect(s: Session, hospital_id: int, appointment_id: int,
                      key: str) -> tuple[_Loaded | None, int | None]:
    """The quote's data and the id of a payment already made for the appointment (or with
    the request key; the appointment's own first), in one statement."""
    r = s.execute(_COLLECT_SQL, {"appointment_id": appointment_id, "hospital_id": hospital_id,
                                 "idempotency_key": key}).mappings().one_or_none()
    if r is None:
        return None, None
    return _loaded(r), r["existing_payment_id"]


def _loaded(r: Mapping[str, Any]) -> _Loaded:
    gender = Gender(r["gender"])
    header = _header(
        appointment_id=r["id"], version=r["version"], hospital_id=r["hospital_id"],
        tz=r["timezone"], patient_id=r["patient_id"], first_name=r["first_name"],
        last_name=r["last_name"], mrn=r["mrn"], emirates_id=r["emirates_id"],
        dob=r["date_of_birth"], gender=gender, deposit=r["deposit_balance"],
        start=r["scheduled_start"], day=r["appointment_date"], doctor_id=r["doctor_id"],
        doctor_name=r["doctor_name"], department_id=r["department_id"],
        department_name=r["department_name"], visit_type=VisitType(r["visit_type"]),
        is_emergency=r["is_emergency"], status=AppointmentStatus(r["status"]),
        copay_status=CopayStatus(r["copay_status"]), copay_amount=r["copay_amount"],
        preauth_overridden=r["preauth_overridden"], self_pay=r["self_pay"],
    )
    charge = None if r["charge_code"] is None else ChargeInput(
        code=r["charge_code"], cpt_code=r["cpt_code"], description=r["charge_description"],
        fee=r["fee"], vat_rate=r["vat_rate"])
    inp = QuoteInput(
        appointment_id=header.appointment_id, visit_type=header.visit_type,
        service_date=header.appointment_date, is_emergency=header.is_emergency,
        patient_age=header.age, patient_gender=gender, charge=charge,
        policies=tuple(_policy_from_json(p) for p in r["policies"] or ()),
        preauth_requests=tuple(
            PreAuthInput(request_id=x["request_id"], cpt_code=x["cpt_code"],
                         status=PreAuthRequestStatus(x["status"]),
                         preauth_number=x["preauth_number"], insurance_id=x["insurance_id"])
            for x in r["preauths"] or ()),
        prescriptions=tuple(
            PrescriptionInput(drug_name=x["drug_name"], quantity=x["quantity"],
                              unit_price=Decimal(x["unit_price"]))
            for x in r["prescriptions"] or ()),
        data_source=DataSource.NOT_CONFIGURED,
        converted_to_self_pay=header.self_pay,
        preauth_overridden=header.preauth_overridden,
        deposit_balance=header.deposit_balance,
    )
    return _Loaded(header, inp, r["eligibility_source"], r["dha_mode"])


# --------------------------------------------------------------------------- naive loading


def _rule_input(rule: CPTPayerRule | ICD10PayerRule | None, source: str) -> PayerRuleInput | None:
    if rule is None:
        return None
    return PayerRuleInput(
        source=source, copay_pct=rule.copay_pct, copay_cap_per_visit=rule.copay_cap_per_visit,
        price_override=rule.price_override, min_age=rule.min_age, max_age=rule.max_age,
        gender=rule.gender, requires_preauth=rule.requires_preauth,
    )


def _load_naive(s: Session, hospital_id: int, appointment_id: int) -> _Loaded | None:
    """The seed's way: one query per lookup. Kept for the benchmark and as a cross-check."""
    appt = s.get(Appointment, appointment_id)
    if appt is None or appt.hospital_id != hospital_id:
        return None
    hospital = s.get(Hospital, appt.hospital_id)
    patient = s.get(Patient, appt.patient_id)
    doctor = s.get(Doctor, appt.doctor_id)
    dept = s.get(Department, appt.department_id)
    code = charge_code_for(appt.visit_type, is_emergency=appt.is_emergency)
    item = s.scalars(sa.select(ChargeItem).where(
        ChargeItem.hospital_id == appt.hospital_id, ChargeItem.code == code,
        ChargeItem.is_active)).first()
    cpt = item.cpt_code if item is not None else None
    policies: list[PolicyInput] = []
    for priority in (1, 2, 3):  # primary, secondary, tertiary: one query each, as the seed
        ins = s.scalars(sa.select(PatientInsurance).where(
            PatientInsurance.patient_id == patient.id, PatientInsurance.priority == priority,
            PatientInsurance.is_active).order_by(PatientInsurance.id)).first()
        if ins is None:
            continue
        payer = s.get(InsurancePayer, ins.payer_id)
        rule: PayerRuleInput | None = None
        if cpt is not None:
            cr = s.scalars(sa.select(CPTPayerRule).where(
                CPTPayerRule.payer_id == payer.id, CPTPayerRule.cpt_code == cpt,
                CPTPayerRule.is_active)).first()
            rule = _rule_input(cr, f"CPT {cpt}") if cr is not None else None
        if rule is None:
            ir = s.scalars(sa.select(ICD10PayerRule).where(
                ICD10PayerRule.payer_id == payer.id, ICD10PayerRule.is_active,
                ICD10PayerRule.icd10_code.like(f"{ICD10_CONSULT_PREFIX}%"))
                .order_by(ICD10PayerRule.icd10_code)).first()
            rule = _rule_input(ir, f"ICD-10 {ir.icd10_code}") if ir is not None else None
        led = s.scalars(sa.select(DeductibleLedger).where(
            DeductibleLedger.patient_id == patient.id,
            DeductibleLedger.patient_insurance_id == ins.id,
            DeductibleLedger.fiscal_year == appt.appointment_date.year)).first()
        policies.append(PolicyInput(
            insurance_id=ins.id, payer_id=payer.id, payer_name=payer.name,
            payer_code=payer.code, plan_name=ins.plan_name, policy_number=ins.policy_number,
            priority=ins.priority, network_tier=ins.network_tier, copay_pct=ins.copay_pct,
            copay_cap_per_visit=ins.copay_cap_per_visit,
            annual_deductible=ins.annual_deductible, annual_copay_max=ins.annual_copay_max,
            effective_date=ins.effective_date, expiry_date=ins.expiry_date,
            payer_default_copay_pct=payer.default_copay_pct,
            payer_preauth_required=payer.preauth_required, rule=rule,
            deductible_used=led.accumulated_amount if led else Decimal("0.00"),
            copay_used=led.copay_accumulated if led else Decimal("0.00"),
            verification_status=ins.verification_status,
        ))
    preauths: list[PreAuthInput] = []
    if cpt is not None:
        day = appt.appointment_date
        for pr in s.scalars(sa.select(PreAuthRequest).where(
                PreAuthRequest.patient_id == patient.id, PreAuthRequest.cpt_code == cpt,
                sa.or_(PreAuthRequest.appointment_id.is_(None),
                       PreAuthRequest.appointment_id == appt.id)).order_by(PreAuthRequest.id)):
            if (pr.valid_from is None or pr.valid_from <= day) and (
                    pr.valid_to is None or pr.valid_to >= day):
                preauths.append(PreAuthInput(pr.id, pr.cpt_code, pr.status, pr.preauth_number,
                                             pr.patient_insurance_id))
    rxs: list[PrescriptionInput] = []
    for rx in s.scalars(sa.select(Prescription).where(
            Prescription.patient_id == patient.id, Prescription.is_active)
            .order_by(Prescription.id)):
        drug = s.get(Drug, rx.drug_id)
        rxs.append(PrescriptionInput(drug.name, rx.quantity, drug.unit_price))
    header = _header(
        appointment_id=appt.id, version=appt.version, hospital_id=appt.hospital_id,
        tz=hospital.timezone, patient_id=patient.id, first_name=patient.first_name,
        last_name=patient.last_name, mrn=patient.mrn, emirates_id=patient.emirates_id,
        dob=patient.date_of_birth, gender=patient.gender, deposit=patient.deposit_balance,
        start=appt.scheduled_start, day=appt.appointment_date, doctor_id=doctor.id,
        doctor_name=doctor.full_name, department_id=dept.id, department_name=dept.name,
        visit_type=appt.visit_type, is_emergency=appt.is_emergency, status=appt.status,
        copay_status=appt.copay_status, copay_amount=appt.copay_amount,
        preauth_overridden=appt.preauth_overridden, self_pay=appt.self_pay,
    )
    charge = None if item is None else ChargeInput(item.code, item.cpt_code, item.description,
                                                   item.fee, item.vat_rate)
    inp = QuoteInput(
        appointment_id=appt.id, visit_type=appt.visit_type, service_date=appt.appointment_date,
        is_emergency=appt.is_emergency, patient_age=header.age, patient_gender=patient.gender,
        charge=charge, policies=tuple(policies), preauth_requests=tuple(preauths),
        prescriptions=tuple(rxs), data_source=DataSource.NOT_CONFIGURED,
        converted_to_self_pay=appt.self_pay, preauth_overridden=appt.preauth_overridden,
        deposit_balance=patient.deposit_balance,
    )
    return _Loaded(header, inp, (appt.eligibility_details or {}).get("data_source"),
                   (hospital.settings or {}).get("dha_mode"))


# ------------------------------------------------------------------------------- helpers


def _short_name(full_name: str | None) -> str:
    """"Amina Yousef" -> "Amina Y." for "collected by ..." sentences."""
    parts = (full_name or "someone").split()
    if len(parts) < 2:
        return parts[0] if parts else "someone"
    return f"{parts[0]} {parts[-1][0]}."


def _when(at: dt.datetime, tz: str, today: dt.date) -> Msg:
    local = at.astimezone(ZoneInfo(tz))
    if local.date() == today:
        return M("when_today", "at {time}", time=f"{local:%H:%M}")
    return M("when_day", "on {day} at {time}", day=Day(local.date()), time=f"{local:%H:%M}")


def _lower_first(sentence: str) -> str:
    """A quote's reason ("Pre-authorisation required ...") continuing another sentence."""
    return sentence[:1].lower() + sentence[1:]


def _require_reason(reason: str | None, what: Msg) -> str:
    text = clean_text(reason, "The reason", REASON_MAX, key="reason")
    if not text:
        raise ValidationError(M("enter_reason", "Enter a reason to {what}.",
                                what=what), field="reason")
    return text


def _require_any(actor: Actor, *permissions: Permission) -> None:
    """Pass when the role holds any of ``permissions``; else the first one's message."""
    from app.domain.roles import can

    if not any(can(actor.role, p) for p in permissions):
        actor.require(permissions[0])


def _not_found(appointment_id: int) -> NotFound:
    return NotFound(M("no_appointment_hospital", "There is no appointment {appointment_id} at this "
                      "hospital.", appointment_id=appointment_id),
                    appointment_id=appointment_id)


def _insurance_summary(q: CopayQuote) -> dict[str, Any]:
    """What the audit entries record about the insurance a decision was made on."""
    out: dict[str, Any] = {"is_self_pay": q.is_self_pay, "fee": q.fee,
                           "patient_amount": q.patient_amount}
    if q.primary is not None:
        out.update(insurance_provider=q.primary.payer_name,
                   policy_number=q.primary.policy_number, plan_name=q.primary.plan_name,
                   network_tier=q.primary.network_tier,
                   copay_pct=q.primary.copay_pct_applied,
                   primary_insurer_amount=q.primary_insurer_amount)
    if q.secondary is not None:
        out.update(secondary_insurance_provider=q.secondary.payer_name,
                   secondary_policy_number=q.secondary.policy_number,
                   secondary_insurer_amount=q.secondary_insurer_amount)
    return out


def _result_from_payment(p: CopayPayment, *, replayed: bool = False) -> CollectResult:
    return _result(p.id, p.appointment_id, p.patient_id, p.receipt_number, p.amount,
                   p.vat_amount, p.payment_method, p.quote, replayed=replayed,
                   tender=Tender(p.tendered_amount, p.change_due, p.card_approval_code,
                                 p.card_last4))


def _result(payment_id: int, appointment_id: int, patient_id: int, receipt_number: str,
            amount: Decimal, vat_amount: Decimal, method: PaymentMethod,
            quote: Mapping[str, Any], *, replayed: bool = False, tender: Tender = Tender(),
            token_number: int | None = None) -> CollectResult:
    changed: dict[str, set[int]] = {"appointments": {appointment_id},
                                    "copay_payments": {payment_id}}
    if method is PaymentMethod.DEPOSIT:
        changed["patients"] = {patient_id}
    return CollectResult(payment_id, receipt_number, amount, vat_amount, method, quote,
                         Changes.of(**changed), replayed, tender.tendered, tender.change_due,
                         token_number)


_PAYMENTS = CopayPayment.__table__
_AUDITS = InsuranceAudit.__table__
_ACTIVITY = ActivityLog.__table__


# What collect writes, built once (statement construction costs more than the database
# work) and executed with parameters.
_PAYMENT_VALUES = (
    "hospital_id", "patient_id", "appointment_id", "patient_insurance_id", "amount", "fee",
    "primary_insurer_amount", "secondary_insurer_amount", "deductible_portion",
    "copay_portion", "vat_amount", "vat_rate", "payment_method", "insurance_provider",
    "policy_number", "secondary_insurance_provider", "secondary_policy_number",
    "cob_applied", "receipt_year", "idempotency_key", "quote", "collected_by", "payment_date",
    "tendered_amount", "change_due", "card_approval_code", "card_last4",
)


def _param(table: sa.Table, name: str, prefix: str) -> sa.BindParameter[Any]:
    return sa.bindparam(f"{prefix}{name}", type_=table.c[name].type)


@functools.cache
def _collect_insert() -> sa.Insert:
    """One statement: the next receipt number (the counter upsert of
    :func:`ledger.receipt_number_cte`), the payment row numbered with it, and the
    appointment's copay flags. Parameters: ``receipt_*``, ``v_<payment column>``,
    ``appointment_id`` and ``coverage``."""
    counter, seq, number = ledger.receipt_number_cte()
    t = A.__table__
    amount = sa.bindparam("v_amount", type_=_PAYMENTS.c.amount.type)
    touched = (sa.update(t).where(t.c.id == sa.bindparam("appointment_id", type_=t.c.id.type))
               .values(copay_status=CopayStatus.COLLECTED, copay_collected=True,
                       copay_amount=amount,
                       insurance_coverage_amount=sa.bindparam(
                           "coverage", type_=t.c.insurance_coverage_amount.type),
                       patient_responsibility_amount=amount, copay_action_reason=None,
                       version=t.c.version + 1)
               .returning(t.c.id).cte("touched"))
    # Cast each value to its column's type: an untyped NULL in a SELECT list would be text.
    numbered = sa.select(
        *[sa.cast(_param(_PAYMENTS, n, "v_"), _PAYMENTS.c[n].type).label(n)
          for n in _PAYMENT_VALUES],
        seq.label("receipt_seq"), number.label("receipt_number"),
    ).select_from(counter)
    return (sa.insert(_PAYMENTS)
            .from_select([*_PAYMENT_VALUES, "receipt_seq", "receipt_number"], numbered)
            .returning(_PAYMENTS.c.id, _PAYMENTS.c.receipt_seq, _PAYMENTS.c.receipt_number)
            .add_cte(counter).add_cte(touched))


_AUDIT_VALUES = ("hospital_id", "patient_id", "appointment_id", "action", "previous_data",
                 "new_data", "performed_by", "workstation")
_ACTIVITY_VALUES = ("hospital_id", "actor_type", "user_id", "action", "target_type",
                    "target_id", "payload", "workstation")


@functools.cache
def _audit_insert() -> sa.Insert:
    """The audit entry and the activity row in one statement (the columns UnitOfWork.audit
    and UnitOfWork.activity write). Parameters ``au_<column>`` and ``ac_<column>``."""
    audit_row = (sa.insert(_AUDITS)
                 .values({n: _param(_AUDITS, n, "au_") for n in _AUDIT_VALUES})
                 .returning(_AUDITS.c.id).cte("audit_row"))
    return (sa.insert(_ACTIVITY)
            .values({n: _param(_ACTIVITY, n, "ac_") for n in _ACTIVITY_VALUES})
            .add_cte(audit_row))


@functools.cache
def _lock_select(with_patient: bool) -> sa.Select:
    """Row-lock the appointment (and its patient) and read the caller's session state in
    the same statement (app/services/session_check.py)."""
    of: list[Any] = [A, Patient] if with_patient else [A]
    state = sa.text(f"{session_check.STATE_SQL} AS session_state")
    return (sa.select(A.id, state).join(Patient, Patient.id == A.patient_id)
            .where(A.id == sa.bindparam("appointment_id"),
                   A.hospital_id == sa.bindparam("hospital_id"))
            .with_for_update(of=of, key_share=True))


def _receipt_data(r: sa.Row, *, claim_adjudicated: bool = False,
                  balances: tuple[tuple[dt.date, Decimal, Decimal], ...] = ()) -> ReceiptData:
    p, hosp, pat = r.CopayPayment, r.Hospital, r.Patient
    snapshot = p.quote or {}
    # The visit type's one display name (app/domain/visits.py), as on the refund receipt.
    visit = (f"{visit_type_name(r.visit_type)} — {r.doctor} ({r.dept}), "
             f"{r.appointment_date:%d %b %Y}")
    preauth = snapshot.get("preauth") or {}
    # The insurers' share is only expected until the insurer approved it (a pending pre-auth
    # has paid nothing); an approved pre-auth or an adjudicated claim confirms it.
    confirmed = claim_adjudicated or preauth.get("status") == PreAuthStatus.APPROVED.value
    return ReceiptData(
        kind="COPAY", receipt_number=p.receipt_number, issued_at=p.payment_date,
        timezone=hosp.timezone, hospital_name=hosp.name, hospital_name_ar=hosp.name_ar or "",
        hospital_address=hosp.address or "", hospital_phone=hosp.phone or "",
        hospital_trn=hosp.trn, patient_name=pat.full_name, patient_name_ar=pat.full_name_ar,
        mrn=pat.mrn, emirates_id=pat.emirates_id, visit_description=visit, fee=p.fee,
        primary_insurer=p.insurance_provider, primary_policy=p.policy_number,
        primary_amount=p.primary_insurer_amount,
        secondary_insurer=p.secondary_insurance_provider,
        secondary_policy=p.secondary_policy_number, secondary_amount=p.secondary_insurer_amount,
        patient_amount=p.amount, vat_rate=p.vat_rate, vat_amount=p.vat_amount,
        payment_method=METHOD_LABELS[p.payment_method], collected_by=r.collector,
        # The cash handed over paid the balance lines too (the row keeps the copay's share).
        tendered=(None if p.tendered_amount is None
                  else p.tendered_amount + sum((b[1] for b in balances), ZERO)),
        change_due=p.change_due, balance_lines=balances,
        card_approval_code=p.card_approval_code, card_last4=p.card_last4,
        insurance_confirmed=confirmed,
    )


# ------------------------------------------------------------------------------- service


class CopayService:
    """Quote and settle the copay of one appointment (seed 004 §6)."""

    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock
        # Test seam: called inside the collect transaction right after the payment row is
        # written (the kill-mid-collect test sleeps here). None in the application.
        self.after_payment_insert: Callable[[int], None] | None = None

    # ---------------------------------------------------------------------------- quote

    def quote(self, actor: Actor, appointment_id: int, *,
              data_source: DataSource | None = None) -> QuoteView:
        """The quote for the copay dialog: one database round trip."""
        actor.require(Permission.COLLECT_COPAY)
        with self._uow(actor, read_only=True, fold_session_check=True) as uow:
            loaded = _load_checked(uow, actor.hospital_id, appointment_id)
        return self._view(loaded, appointment_id, data_source)

    def quote_naive(self, actor: Actor, appointment_id: int, *,
                    data_source: DataSource | None = None) -> QuoteView:
        """The same quote loaded one query per lookup (the seed's way), for comparison."""
        actor.require(Permission.COLLECT_COPAY)
        with self._uow(actor) as uow:
            loaded = _load_naive(uow.session, actor.hospital_id, appointment_id)
        return self._view(loaded, appointment_id, data_source)

    @staticmethod
    def _view(loaded: _Loaded | None, appointment_id: int,
              data_source: DataSource | None) -> QuoteView:
        if loaded is None:
            raise _not_found(appointment_id)
        source = data_source or data_source_for(loaded.eligibility_source, loaded.dha_mode)
        inp = dataclasses.replace(loaded.inp, data_source=DataSource(source))
        return QuoteView(loaded.header, compute_quote(inp))

    # -------------------------------------------------------------------------- collect

    def collect(self, actor: Actor, appointment_id: int, method: PaymentMethod,
                idempotency_key: str, *, tendered: Decimal | str | None = None,
                approval_code: str | None = None, card_last4: str | None = None,
                check_in: bool = False,
                balance: Decimal | str | None = None) -> CollectResult:
        """Take the patient's copay: payment, appointment flags, GL entry, deductible
        ledger, gapless receipt number and audit entry, all in one transaction.

        The same ``idempotency_key`` again returns the original result; a second collect
        for the appointment with another key is a Conflict naming who collected it.

        Cash may carry the amount ``tendered`` (the change is stored; less than the copay is
        refused); a card payment its terminal ``approval_code`` and ``card_last4``. With
        ``check_in`` the patient is checked in in the same transaction (the result carries the
        token): a paid patient is never left waiting outside the queue.

        With ``balance`` (issue 13: the balance of earlier underpaid visits the dialog showed)
        the patient pays it too, the same way, in the same transaction: a settlement row per
        visit (app/services/reconciliation.py settle_balance, a Conflict when the balance is no
        longer what was shown), one journal entry and shift movement for copay + balance, and
        the receipt prints each visit's balance as its own line. Cash tendered then covers the
        total; the payment row keeps the part of it that paid the copay (tendered - balance),
        so its change is still tendered - amount."""
        actor.require(Permission.COLLECT_COPAY)
        if check_in:
            actor.require(Permission.CHECK_IN)
        if actor.user_id is None:
            # The receipt and the audit name who took the money: never the background thread.
            raise PermissionDenied(M("copay_collected_signed_user",
                                     "A copay can only be collected by a signed-in user."))
        try:
            method = PaymentMethod(method)
        except ValueError:
            raise ValidationError(M("unknown_payment_method", "Unknown payment method {method}.",
                                    method=repr(method))) from None
        key = idempotency_key.strip() if isinstance(idempotency_key, str) else ""
        if key:
            check_storable(key, "The payment request key")
        if not key or len(key) > KEY_MAX:
            raise ValidationError(M("payment_request_key_characters",
                                    "A payment request key (1–80 characters) is required."))
        extra = None if balance is None else to_amount(balance, field="The balance")
        try:
            return self._collect(actor, appointment_id, method, key, check_in=check_in,
                                 details={"tendered": tendered, "approval_code": approval_code,
                                          "card_last4": card_last4}, balance=extra)
        except sa.exc.IntegrityError:
            # Only reachable if the unique constraints caught what the row lock should have
            # (e.g. the same key used for two appointments at once): answer as a retry would.
            with self._uow(actor) as uow:
                existing = self._existing_payment(uow.session, appointment_id, key)
                if existing is None:
                    raise
                return self._replay_or_conflict(uow, existing, appointment_id, key)

    def _collect(self, actor: Actor, appointment_id: int, method: PaymentMethod,
                 key: str, *, check_in: bool = False,
                 details: Mapping[str, Any] | None = None,
                 balance: Decimal | None = None) -> CollectResult:
        with self._uow(actor, fold_session_check=True) as uow:
            s = uow.session
            self._lock(uow, actor, appointment_id, with_patient=True)
            loaded, existing_id = _load_for_collect(s, actor.hospital_id, appointment_id, key)
            assert loaded is not None  # locked above
            if existing_id is not None:
                existing = s.get(CopayPayment, existing_id)
                assert existing is not None
                return self._replay_or_conflict(uow, existing, appointment_id, key)
            h = loaded.header
            self._require_open(uow, h, "collected", allow_deferred=True)
            # A deferred copay is collected later: at the end of the visit or another day.
            if h.copay_status is CopayStatus.DEFERRED:
                today = self._clock().astimezone(ZoneInfo(h.timezone)).date()
            else:
                today = self._require_today(h, "collected")
            view = self._view(loaded, appointment_id, None)
            q = view.quote
            if CopayAction.COLLECT not in q.allowed_actions:
                raise Conflict(
                    M("request_pre_authorisation_ask",
                      "{reason}. Request the pre-authorisation, ask an administrator to override "
                      "it, or convert the visit to self-pay; nothing was charged.",
                      reason=q.preauth.reason),
                    preauth_status=q.preauth.status.value)
            amount, vat = q.patient_amount, q.vat_amount
            extra = balance or ZERO
            tender = tender_for(method, amount + extra, **(details or {}))
            if extra and tender.tendered is not None:
                # The payment row's share of the cash: its change stays tendered - amount.
                tender = dataclasses.replace(tender, tendered=tender.tendered - extra)
            now = self._clock()

            year = today.year
            snapshot = q.to_dict()
            primary, secondary = q.primary, q.secondary
            insurer = primary.payer_name if primary else None
            policy = primary.policy_number if primary else None
            insurer2 = secondary.payer_name if secondary else None
            policy2 = secondary.policy_number if secondary else None
            deductible_portion = primary.deductible_portion if primary else ZERO
            copay_portion = primary.copay_portion if primary else ZERO
            # One statement: the next receipt number (gapless per hospital and year: the
            # counter row stays locked until commit and a rollback gives the number back),
            # the payment row numbered with it, and the appointment's copay flags.
            params: dict[str, Any] = {f"v_{n}": v for n, v in {
                "hospital_id": h.hospital_id, "patient_id": h.patient_id,
                "appointment_id": h.appointment_id,
                "patient_insurance_id": primary.insurance_id if primary else None,
                "amount": amount, "fee": q.fee, "primary_insurer_amount": q.primary_insurer_amount,
                "secondary_insurer_amount": q.secondary_insurer_amount,
                "deductible_portion": deductible_portion, "copay_portion": copay_portion,
                "vat_amount": vat, "vat_rate": q.vat_rate, "payment_method": method,
                "insurance_provider": insurer, "policy_number": policy,
                "secondary_insurance_provider": insurer2, "secondary_policy_number": policy2,
                "cob_applied": q.cob_applied, "receipt_year": year, "idempotency_key": key,
                "quote": snapshot, "collected_by": actor.user_id, "payment_date": now,
                "tendered_amount": tender.tendered, "change_due": tender.change_due,
                "card_approval_code": tender.approval_code, "card_last4": tender.card_last4,
            }.items()}
            params.update(ledger.receipt_number_params(h.hospital_id, year, "RCP"),
                          appointment_id=h.appointment_id,
                          coverage=q.primary_insurer_amount + q.secondary_insurer_amount)
            payment_id, _seq, receipt = s.execute(_collect_insert(), params).one()
            if self.after_payment_insert is not None:
                self.after_payment_insert(payment_id)
            settled = SettledBalance()
            if extra:
                settled = settle_balance(uow, actor, patient_id=h.patient_id,
                                         payment_id=payment_id, method=method, expected=extra)
            total, total_vat = amount + settled.amount, vat + settled.vat_amount
            # The money: deposit (when paid from it), then the journal entry. Too little
            # deposit raises InsufficientDeposit and the whole collect rolls back.
            from_deposit = method is PaymentMethod.DEPOSIT and total > 0
            moved = ledger.move_money(
                s, hospital_id=h.hospital_id, patient_id=h.patient_id,
                memo=f"Copay {receipt}" + (" with earlier balance" if extra else ""),
                source_type=ledger.SOURCE_COPAY_PAYMENT, source_id=payment_id,
                lines=ledger.collect_lines(total, total_vat, method), posted_by=actor.user_id,
                deposit_delta=-total if from_deposit else ZERO,
                deposit_kind=DepositTxnKind.COPAY if from_deposit else None,
                copay_payment_id=payment_id,
                insufficient=(M("insufficient_copay_balance", "the copay and balance") if extra
                              else M("insufficient_copay", "the copay")), method=method,
                workstation=actor.workstation)
            balance_after = moved.deposit_balance_after
            record_settled(uow, actor, settled, payment_id=payment_id, method=method)
            if primary is not None:
                self._accrue_ledger(s, h, q, year)
            new = {"copay_status": CopayStatus.COLLECTED, "amount": amount, "vat_amount": vat,
                   "payment_method": method, "receipt_number": receipt,
                   "insurance_provider": insurer, "policy_number": policy,
                   "secondary_insurance_provider": insurer2,
                   "secondary_policy_number": policy2,
                   "cob_applied": q.cob_applied, "fee": q.fee,
                   "deductible_portion": deductible_portion, "copay_portion": copay_portion}
            if extra:
                new["balance_collected"] = settled.amount
                new["balance_visits"] = [ln.receipt_number for ln in settled.lines]
            previous: dict[str, Any] = {"copay_status": h.copay_status, "copay_collected": False}
            if balance_after is not None:
                previous["deposit_balance"] = h.deposit_balance
                new["deposit_balance"] = balance_after
            # The audit entry and the activity row in one statement (the same values
            # UnitOfWork.audit and UnitOfWork.activity write).
            s.execute(_audit_insert(), {
                "au_hospital_id": actor.hospital_id, "au_patient_id": h.patient_id,
                "au_appointment_id": h.appointment_id,
                "au_action": AuditAction.COPAY_COLLECTED,
                "au_previous_data": jsonable(previous), "au_new_data": jsonable(new),
                "au_performed_by": actor.user_id, "au_workstation": actor.workstation,
                "ac_hospital_id": actor.hospital_id, "ac_actor_type": ActorType.USER,
                "ac_user_id": actor.user_id, "ac_action": "COPAY_COLLECTED",
                "ac_target_type": "copay_payment", "ac_target_id": str(payment_id),
                "ac_payload": jsonable({"appointment_id": h.appointment_id, "amount": amount,
                                        "method": method, "receipt_number": receipt}),
                "ac_workstation": actor.workstation,
            })
            token = self._check_in_now(uow, actor, h) if check_in else None
            uow.commit()
            result = _result(payment_id, h.appointment_id, h.patient_id, receipt, amount, vat,
                             method, snapshot, tender=tender, token_number=token)
            return dataclasses.replace(result, balance_amount=settled.amount)

    # ---------------------------------------------------------------- waive and defer

    def waive(self, actor: Actor, appointment_id: int, reason: str, *,
              check_in: bool = False) -> Settled:
        """No payment; the reason is required and waive is never offered to self-pay. With
        ``check_in`` the patient is checked in in the same transaction."""
        actor.require(Permission.COLLECT_COPAY)
        if check_in:
            actor.require(Permission.CHECK_IN)
        reason = _require_reason(reason, M("what_waive", "waive the copay"))
        with self._uow(actor, fold_session_check=True) as uow:
            h, q = self._locked_quote(uow, actor, appointment_id)
            self._require_open(uow, h, "waived")
            self._require_today(h, "waived")
            if q.is_self_pay:
                raise ValidationError(M("waive_not_available_self",
                                        "Waive is not available for self-pay patients."))
            self._set_copay(uow, h, q, CopayStatus.WAIVED, reason)
            uow.audit(actor, AuditAction.COPAY_WAIVED, patient_id=h.patient_id,
                      appointment_id=h.appointment_id, reason=reason,
                      previous={"copay_status": h.copay_status},
                      new={"copay_status": CopayStatus.WAIVED,
                           "waived_amount": q.patient_amount, **_insurance_summary(q)})
            uow.activity(actor, "COPAY_WAIVED", "appointment", h.appointment_id,
                         {"amount": q.patient_amount, "reason": reason})
            token = self._check_in_now(uow, actor, h) if check_in else None
            uow.commit()
            return Settled(Changes.of(appointments={h.appointment_id}), token)

    def defer(self, actor: Actor, appointment_id: int, reason: str | None = None, *,
              check_in: bool = False) -> Settled:
        """No payment now; the copay is to be collected later. With ``check_in`` the patient
        is checked in in the same transaction."""
        actor.require(Permission.COLLECT_COPAY)
        if check_in:
            actor.require(Permission.CHECK_IN)
        reason = clean_text(reason, "The reason", REASON_MAX)
        with self._uow(actor, fold_session_check=True) as uow:
            h, q = self._locked_quote(uow, actor, appointment_id)
            self._require_open(uow, h, "deferred")
            self._require_today(h, "deferred")
            self._set_copay(uow, h, q, CopayStatus.DEFERRED, reason)
            uow.audit(actor, AuditAction.COPAY_DEFERRED, patient_id=h.patient_id,
                      appointment_id=h.appointment_id, reason=reason,
                      previous={"copay_status": h.copay_status},
                      new={"copay_status": CopayStatus.DEFERRED,
                           "deferred_amount": q.patient_amount, **_insurance_summary(q)})
            uow.activity(actor, "COPAY_DEFERRED", "appointment", h.appointment_id,
                         {"amount": q.patient_amount})
            token = self._check_in_now(uow, actor, h) if check_in else None
            uow.commit()
            return Settled(Changes.of(appointments={h.appointment_id}), token)

    # -------------------------------------------------------- pre-auth and self-pay

    def override_preauth(self, actor: Actor, appointment_id: int, reason: str) -> Done:
        """An administrator lets the desk collect although the pre-auth blocks it (GAP 1)."""
        actor.require(Permission.PREAUTH_OVERRIDE)
        reason = _require_reason(reason, M("what_override", "override the pre-authorisation"))
        with self._uow(actor, fold_session_check=True) as uow:
            h, q = self._locked_quote(uow, actor, appointment_id)
            self._require_open(uow, h, "changed")
            if h.preauth_overridden:
                raise Conflict(M("pre_authorisation_already_overridden",
                                 "The pre-authorisation was already overridden for this visit."))
            if not q.preauth.blocks_collection:
                raise Conflict(
                    M("nothing_override", "Nothing to override: {reason}.",
                      reason=_lower_first(q.preauth.reason)),
                    preauth_status=q.preauth.status.value)
            self._touch(uow.session, h.appointment_id, preauth_overridden=True)
            uow.audit(actor, AuditAction.PREAUTH_OVERRIDE, patient_id=h.patient_id,
                      appointment_id=h.appointment_id, reason=reason,
                      previous={"preauth_status": q.preauth.status, "preauth_overridden": False,
                                "preauth_reason": q.preauth.reason},
                      new={"preauth_overridden": True, **_insurance_summary(q)})
            uow.activity(actor, "PREAUTH_OVERRIDE", "appointment", h.appointment_id,
                         {"preauth_status": q.preauth.status, "reason": reason})
            uow.commit()
            return Done(Changes.of(appointments={h.appointment_id}))

    def request_preauth(self, actor: Actor, appointment_id: int, *, note: str | None = None,
                        expected_amount: Decimal | str | None = None) -> Done:
        """Record a pre-authorisation request for the visit's CPT code with the primary
        insurer (GAP 1, checkpoint 8): a PENDING request, so the quote turns PENDING.

        Refused when the visit needs no pre-auth (self-pay, emergency, neither payer nor CPT
        rule asks for one), when the latest request for the code is pending or approved, or
        when the appointment is cancelled or a no-show. ``note`` is the clinical note for the
        insurer; ``expected_amount`` what the clinic expects the insurer to approve."""
        actor.require(Permission.REQUEST_PREAUTH)
        note = clean_text(note, "The clinical note", MAX_PREAUTH_NOTE, multiline=True,
                          key="note")
        amount = None
        if expected_amount is not None and str(expected_amount).strip():
            try:
                amount = to_amount(expected_amount, field="Expected amount")
            except ValidationError as exc:
                raise ValidationError(exc.msg, field="expected_amount") from None
            if amount == 0:
                raise ValidationError(M("expected_amount_must_more",
                                        "Expected amount must be more than zero; leave it empty "
                                        "if it is not known."), field="expected_amount")
        with self._uow(actor, fold_session_check=True) as uow:
            h, q = self._locked_quote(uow, actor, appointment_id)
            if h.status in _CLOSED:
                raise Conflict(M("appointment_no_pre_authorisation", "This appointment is {label}; "
                                 "no pre-authorisation can be requested for it.",
                                 label=_CLOSED_LABELS[h.status]), status=h.status.value)
            pa = q.preauth
            if pa.status is PreAuthStatus.NOT_REQUIRED or q.primary is None:
                raise Conflict(M("no_pre_authorisation_needed",
                                 "No pre-authorisation is needed: {reason}.",
                                 reason=_lower_first(pa.reason)),
                               preauth_status=pa.status.value)
            if pa.status in (PreAuthStatus.PENDING, PreAuthStatus.APPROVED):
                raise Conflict(self._request_exists_message(uow.session, pa, h),
                               preauth_status=pa.status.value, request_id=pa.request_id)
            if not q.cpt_code:
                raise ValidationError(
                    M("charge_no_cpt_code",
                      "The charge {charge_code} has no CPT code in the charge master, so the "
                      "insurer cannot be asked; an administrator must set it first.",
                      charge_code=repr(q.charge_code)))
            details = {"note": note, "expected_amount": amount, "charge_code": q.charge_code,
                       "fee": q.fee, "payer": q.primary.payer_name,
                       "policy_number": q.primary.policy_number}
            request_id = uow.session.execute(
                sa.insert(PreAuthRequest).values(
                    hospital_id=h.hospital_id, patient_id=h.patient_id,
                    appointment_id=h.appointment_id,
                    patient_insurance_id=q.primary.insurance_id, cpt_code=q.cpt_code,
                    status=PreAuthRequestStatus.PENDING, requested_by=actor.user_id,
                    requested_at=self._clock(), details=jsonable(details))
                .returning(PreAuthRequest.id)).scalar_one()
            self._touch(uow.session, h.appointment_id)  # the visit's quote changed
            uow.audit(actor, AuditAction.PREAUTH_REQUESTED, patient_id=h.patient_id,
                      appointment_id=h.appointment_id, reason=note,
                      previous={"preauth_status": pa.status,
                                "preauth_request_id": pa.request_id},
                      new={"preauth_status": PreAuthStatus.PENDING,
                           "preauth_request_id": request_id, "cpt_code": q.cpt_code,
                           "expected_amount": amount, **_insurance_summary(q)})
            uow.activity(actor, "PREAUTH_REQUESTED", "preauth_request", request_id,
                         {"appointment_id": h.appointment_id, "cpt_code": q.cpt_code,
                          "payer": q.primary.payer_name, "expected_amount": amount})
            uow.commit()
            return Done(Changes.of(appointments={h.appointment_id}, preauth_requests={request_id}))

    def _request_exists_message(self, s: Session, pa: PreAuthInfo, h: QuoteHeader) -> Msg:
        """"A pre-authorisation ... is already pending (request #12, requested by Amina Y. at
        09:30) ..."."""
        word = _VERBS["pending" if pa.status is PreAuthStatus.PENDING else "approved"]
        row = s.execute(
            sa.select(PreAuthRequest.cpt_code, PreAuthRequest.requested_at, User.full_name)
            .outerjoin(User, User.id == PreAuthRequest.requested_by)
            .where(PreAuthRequest.id == pa.request_id)).first()
        if row is None:  # the quote named it a moment ago; it cannot be gone
            return M("preauth_already", "A pre-authorisation for this visit is already {status}.",
                     status=word)
        today = self._clock().astimezone(ZoneInfo(h.timezone)).date()
        when = _when(row.requested_at, h.timezone, today)
        who = M("preauth_by", " by {name}", name=_short_name(row.full_name)) \
            if row.full_name else ""
        number = M("preauth_number", ", number {number}", number=pa.preauth_number) \
            if pa.preauth_number else ""
        return M("preauth_already_cpt", "A pre-authorisation for CPT {cpt} is already {status} "
                 "(request #{request}{number}, requested{who} {when}); nothing was sent again.",
                 cpt=row.cpt_code, status=word, request=pa.request_id, number=number, who=who,
                 when=when)

    def convert_to_self_pay(self, actor: Actor, appointment_id: int, reason: str) -> Done:
        """Bill this visit to the patient instead of the insurance (e.g. pre-auth denied)."""
        actor.require(Permission.COLLECT_COPAY)
        reason = _require_reason(reason, M("what_self_pay", "convert the visit to self-pay"))
        with self._uow(actor, fold_session_check=True) as uow:
            h, q = self._locked_quote(uow, actor, appointment_id)
            self._require_open(uow, h, "changed")
            if q.is_self_pay:
                raise Conflict(M("visit_already_self_pay", "This visit is already self-pay."))
            self._touch(uow.session, h.appointment_id, self_pay=True)
            uow.audit(actor, AuditAction.CONVERT_TO_SELFPAY, patient_id=h.patient_id,
                      appointment_id=h.appointment_id, reason=reason,
                      previous={**_insurance_summary(q), "preauth_status": q.preauth.status},
                      new={"is_self_pay": True, "patient_amount": q.fee})
            uow.activity(actor, "CONVERT_TO_SELFPAY", "appointment", h.appointment_id,
                         {"reason": reason})
            uow.commit()
            return Done(Changes.of(appointments={h.appointment_id}))

    # ------------------------------------------------------------ receipts and history

    def receipt(self, actor: Actor, payment_id: int) -> ReceiptData:
        """Everything the printed (or reprinted) receipt of a payment shows."""
        _require_any(actor, Permission.COLLECT_COPAY, Permission.VIEW_REFUNDS)
        with self._uow(actor) as uow:
            r = uow.session.execute(
                sa.select(CopayPayment, Hospital, Patient, A.appointment_date, A.visit_type,
                          Doctor.full_name.label("doctor"), Department.name.label("dept"),
                          User.full_name.label("collector"))
                .join(Hospital, Hospital.id == CopayPayment.hospital_id)
                .join(Patient, Patient.id == CopayPayment.patient_id)
                .join(A, A.id == CopayPayment.appointment_id)
                .join(Doctor, Doctor.id == A.doctor_id)
                .join(Department, Department.id == A.department_id)
                .join(User, User.id == CopayPayment.collected_by)
                .where(CopayPayment.id == payment_id,
                       CopayPayment.hospital_id == actor.hospital_id)
            ).one_or_none()
            if r is None:
                raise NotFound(M("no_copay_payment_hospital",
                                 "There is no copay payment {payment_id} at this hospital.",
                                 payment_id=payment_id))
            adjudicated = uow.session.scalar(sa.select(sa.exists().where(
                Claim.appointment_id == r.CopayPayment.appointment_id,
                Claim.status.in_((ClaimStatus.APPROVED, ClaimStatus.PAID)))))
            # Issue 13: earlier visits' balances taken with this copay, a line each.
            balances = tuple(tuple(b) for b in uow.session.execute(
                sa.select(A.appointment_date, BalanceSettlement.amount,
                          BalanceSettlement.vat_amount)
                .join(A, A.id == BalanceSettlement.appointment_id)
                .where(BalanceSettlement.collected_payment_id == payment_id)
                .order_by(A.appointment_date, BalanceSettlement.id)))
            # Built inside the unit of work: leaving it expires the loaded rows.
            return _receipt_data(r, claim_adjudicated=bool(adjudicated), balances=balances)

    def payment_history(self, actor: Actor, patient_id: int) -> list[PaymentRow]:
        """A patient's copay payments, newest first, for reprints and refunds."""
        _require_any(actor, Permission.COLLECT_COPAY, Permission.VIEW_REFUNDS)
        with self._uow(actor) as uow:
            rows = uow.session.execute(
                sa.select(CopayPayment, A.appointment_date, Hospital.timezone,
                          User.full_name.label("collector"))
                .join(A, A.id == CopayPayment.appointment_id)
                .join(Hospital, Hospital.id == CopayPayment.hospital_id)
                .join(User, User.id == CopayPayment.collected_by)
                .where(CopayPayment.patient_id == patient_id,
                       CopayPayment.hospital_id == actor.hospital_id)
                .order_by(CopayPayment.payment_date.desc(), CopayPayment.id.desc())
            ).all()
            return [
                PaymentRow(
                    payment_id=p.id, appointment_id=p.appointment_id,
                    appointment_date=day, receipt_number=p.receipt_number,
                    paid_at=p.payment_date.astimezone(ZoneInfo(tz)), amount=p.amount,
                    vat_amount=p.vat_amount, method=p.payment_method,
                    primary_insurer=p.insurance_provider,
                    secondary_insurer=p.secondary_insurance_provider,
                    refunded_amount=p.refunded_amount, collected_by=collector)
                for p, day, tz, collector in rows
            ]

    # --------------------------------------------------------------------------- helpers

    def _lock(self, uow: UnitOfWork, actor: Actor, appointment_id: int, *,
              with_patient: bool = False) -> None:
        """Row-lock the appointment (and its patient, whose deposit and ledgers a collect
        changes) before reading anything, so the reads that follow see the winner's
        commit. FOR NO KEY UPDATE lets inserts that merely reference the rows proceed.
        The same statement carries the caller's session check (the unit of work is opened
        with ``fold_session_check=True``)."""
        found = uow.session.execute(_lock_select(with_patient), {
            "appointment_id": appointment_id, "hospital_id": actor.hospital_id,
            **uow.session_params,
        }).one_or_none()
        if found is None:
            uow.verify_session_now()
            raise _not_found(appointment_id)
        uow.verify_session(found[1])  # (id, session_state)

    def _locked_quote(self, uow: UnitOfWork, actor: Actor,
                      appointment_id: int) -> tuple[QuoteHeader, CopayQuote]:
        s = uow.session
        self._lock(uow, actor, appointment_id)
        loaded = _load_fast(s, actor.hospital_id, appointment_id)
        view = self._view(loaded, appointment_id, None)
        return view.header, view.quote

    @staticmethod
    def _existing_payment(s: Session, appointment_id: int, key: str) -> CopayPayment | None:
        return s.scalars(sa.select(CopayPayment).where(sa.or_(
            CopayPayment.appointment_id == appointment_id,
            CopayPayment.idempotency_key == key)).order_by(
            (CopayPayment.appointment_id == appointment_id).desc())).first()

    def _replay_or_conflict(self, uow: UnitOfWork, p: CopayPayment, appointment_id: int,
                            key: str) -> CollectResult:
        if p.appointment_id == appointment_id and p.idempotency_key == key:
            return _result_from_payment(p, replayed=True)
        if p.appointment_id != appointment_id:
            raise Conflict(M("payment_request_already_used",
                             "This payment request was already used for another appointment; "
                             "close the dialog and open it again."))
        raise Conflict(self._collected_message(uow.session, p), receipt_number=p.receipt_number)

    def _collected_message(self, s: Session, p: CopayPayment) -> Msg:
        who, tz = s.execute(sa.select(User.full_name, Hospital.timezone)
                            .join(Hospital, Hospital.id == p.hospital_id)
                            .where(User.id == p.collected_by)).one()
        today = self._clock().astimezone(ZoneInfo(tz)).date()
        return M("copay_already_collected", "This copay was already collected by {name} {when} "
                 "(receipt {receipt}).", name=_short_name(who),
                 when=_when(p.payment_date, tz, today), receipt=p.receipt_number)

    def _require_open(self, uow: UnitOfWork, h: QuoteHeader, verb: str, *,
                      allow_deferred: bool = False) -> None:
        """The appointment is neither cancelled nor a no-show, and its copay is undecided
        (or deferred, when collecting it later); otherwise a Conflict saying who decided it
        and when."""
        if h.status in _CLOSED:
            raise Conflict(M("appointment_copay_cannot", "This appointment is {label}; its copay "
                             "cannot be {verb}.", label=_CLOSED_LABELS[h.status],
                             verb=_VERBS[verb]),
                           status=h.status.value)
        if h.copay_status is CopayStatus.PENDING:
            return
        if allow_deferred and h.copay_status is CopayStatus.DEFERRED:
            return
        s = uow.session
        if h.copay_status is CopayStatus.COLLECTED:
            p = s.scalars(sa.select(CopayPayment).where(
                CopayPayment.appointment_id == h.appointment_id)).first()
            if p is not None:
                raise Conflict(self._collected_message(s, p), receipt_number=p.receipt_number)
            raise Conflict(M("copay_already_marked_collected",
                             "This copay is already marked as collected."))
        action = (AuditAction.COPAY_WAIVED if h.copay_status is CopayStatus.WAIVED
                  else AuditAction.COPAY_DEFERRED)
        last = s.execute(
            sa.select(User.full_name, InsuranceAudit.performed_at, InsuranceAudit.reason)
            .outerjoin(User, User.id == InsuranceAudit.performed_by)
            .where(InsuranceAudit.appointment_id == h.appointment_id,
                   InsuranceAudit.action == action)
            .order_by(InsuranceAudit.performed_at.desc(), InsuranceAudit.id.desc()).limit(1)
        ).first()
        word = _VERBS[h.copay_status.value.lower()]
        if last is None:
            raise Conflict(M("copay_already_decided", "This copay was already {word}.",
                             word=word), copay_status=h.copay_status.value)
        today = self._clock().astimezone(ZoneInfo(h.timezone)).date()
        when = _when(last.performed_at, h.timezone, today)
        if last.reason:
            raise Conflict(M("copay_already_decided_by_why", "This copay was already {word} by "
                             "{name} {when} (reason: {reason}).", word=word,
                             name=_short_name(last.full_name), when=when, reason=last.reason),
                           copay_status=h.copay_status.value)
        raise Conflict(M("copay_already_decided_by", "This copay was already {word} by {name} "
                         "{when}.", word=word, name=_short_name(last.full_name), when=when),
                       copay_status=h.copay_status.value)

    def _require_today(self, h: QuoteHeader, verb: str) -> dt.date:
        today = self._clock().astimezone(ZoneInfo(h.timezone)).date()
        if h.appointment_date != today:
            raise ValidationError(
                M("appointment_copay_day_visit",
                  "This appointment is on {appointment_date}; a copay can only be {verb} on the "
                  "day of the visit.",
                  appointment_date=Day(h.appointment_date), verb=_VERBS[verb]),
                appointment_date=h.appointment_date.isoformat())
        return today

    def _check_in_now(self, uow: UnitOfWork, actor: Actor, h: QuoteHeader) -> int | None:
        """Check the (already locked) appointment in within the copay's transaction; a
        patient already in the queue (a deferred copay collected later) keeps their token."""
        appt = uow.session.get(A, h.appointment_id, populate_existing=True)
        assert appt is not None  # locked by the caller
        if appt.status not in (AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED):
            return appt.token_number
        self._require_today(h, "checked in")
        return check_in_locked(uow, actor, appt, self._clock())

    @staticmethod
    def _touch(s: Session, appointment_id: int, **values: Any) -> None:
        s.execute(sa.update(A).where(A.id == appointment_id)
                  .values(version=A.version + 1, **values))

    def _set_copay(self, uow: UnitOfWork, h: QuoteHeader, q: CopayQuote, status: CopayStatus,
                   reason: str | None) -> None:
        self._touch(uow.session, h.appointment_id, copay_status=status, copay_collected=False,
                    copay_amount=None, copay_action_reason=reason,
                    insurance_coverage_amount=q.primary_insurer_amount
                    + q.secondary_insurer_amount,
                    patient_responsibility_amount=q.patient_amount)

    @staticmethod
    def _accrue_ledger(s: Session, h: QuoteHeader, q: CopayQuote, year: int) -> None:
        """GAP 4: add this visit's deductible and copay portions to the primary policy's
        ledger for the fiscal year, creating it on first use (one upsert)."""
        assert q.primary is not None
        ledger.adjust_deductible_ledger(
            s, hospital_id=h.hospital_id, patient_id=h.patient_id,
            patient_insurance_id=q.primary.insurance_id, fiscal_year=year,
            deductible_delta=q.primary.deductible_portion,
            copay_delta=q.primary.copay_portion,
            max_deductible=(q.deductible.annual if q.deductible and q.deductible.annual
                            else ZERO),
            max_copay=q.annual_copay.cap if q.annual_copay else None)
