"""Insurance policies on file: the payers a desk may choose from, a primary policy added at the
desk from the patient's card (seed 004 §2 "Add Insurance", §11), and the one insert that the
desk and the DHA sync (:mod:`app.services.eligibility`) share.

A policy added at the desk is PENDING / MANUAL until DHA or an administrator verifies it; the
copay quote uses it at once (checkpoint 3 asks only for an active primary policy).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import Appointment, Hospital, InsurancePayer, Patient
from app.db.models import PatientInsurance as Ins
from app.domain.dates import check_day
from app.domain.eligibility import PolicySnapshot
from app.domain.enums import AuditAction, NetworkTier, VerificationSource, VerificationStatus
from app.domain.errors import Conflict, DomainError, NotFound, ValidationError
from app.domain.messages import Day, Msg, messages
from app.domain.money import to_amount
from app.domain.roles import Permission
from app.domain.text import ascii_digits, clean_text
from app.services.changes import Changes
from app.services.clock import Clock, local_today, system_clock
from app.services.context import Actor
from app.services.message_text import MsgText, joined, msg_of
from app.services.unit_of_work import UnitOfWork, UowFactory

M = messages(__name__)

__all__ = ["InsuranceService", "NewPolicy", "PayerOption", "PolicyAdded",
           "insert_primary_policy", "primary_policy", "snapshot"]

# Column widths of patient_insurances, so a long entry is a sentence, not a database error.
_MAX_LEN = {"policy_number": 60, "member_id": 60, "plan_name": 200}
_LABELS = {
    "payer_id": "Payer", "policy_number": "Policy number", "member_id": "Member / card ID",
    "plan_name": "Plan", "network_tier": "Network", "effective_date": "Effective date",
    "expiry_date": "Expiry date", "copay_pct": "Copay %",
    "copay_cap_per_visit": "Copay cap per visit", "annual_deductible": "Annual deductible",
    "annual_copay_max": "Annual copay maximum",
}
_AMOUNTS = ("copay_cap_per_visit", "annual_deductible", "annual_copay_max")


# -- values ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayerOption:
    """An active payer of the hospital, for the Add Insurance payer list."""

    payer_id: int
    name: str
    code: str
    default_copay_pct: Decimal | None
    preauth_required: bool


@dataclass(frozen=True)
class NewPolicy:
    """What the desk entered for a new primary policy. Amounts and the copay % may be the text
    typed (parsed by the service, each error naming its field); dates are dates, or text as
    ``2026-03-10`` or ``10/03/2026``. Empty optional fields mean "not on the card"."""

    payer_id: int | None
    policy_number: str
    effective_date: dt.date | str | None
    expiry_date: dt.date | str | None = None
    member_id: str | None = None
    plan_name: str | None = None
    network_tier: NetworkTier | str = NetworkTier.IN_NETWORK
    copay_pct: Decimal | str | None = None
    copay_cap_per_visit: Decimal | str | None = None
    annual_deductible: Decimal | str | None = None
    annual_copay_max: Decimal | str | None = None


@dataclass(frozen=True)
class PolicyAdded:
    """The policy now on file; ``replaced`` is the expired or rejected primary policy it took over from."""

    policy: PolicySnapshot
    replaced: PolicySnapshot | None
    changes: Changes


# -- shared with the DHA sync ------------------------------------------------------------------


def snapshot(ins: Ins, payer: InsurancePayer | None) -> PolicySnapshot:
    return PolicySnapshot(
        insurance_id=ins.id, patient_id=ins.patient_id, payer_id=ins.payer_id,
        provider_name=ins.provider_name, policy_number=ins.policy_number,
        member_id=ins.member_id, payer_code=payer.code if payer else None,
        dha_payer_id=payer.dha_payer_id if payer else None, copay_pct=ins.copay_pct,
        copay_amount=ins.copay_amount, network_tier=ins.network_tier,
        effective_date=ins.effective_date, expiry_date=ins.expiry_date,
        is_active=ins.is_active, verification_status=ins.verification_status)


def primary_policy(s: Session, patient_id: int, *, lock: bool = False
                   ) -> tuple[Ins, InsurancePayer] | None:
    """The patient's active primary policy and its payer (row-locked with ``lock``)."""
    stmt = (sa.select(Ins, InsurancePayer).join(InsurancePayer, InsurancePayer.id == Ins.payer_id)
            .where(Ins.patient_id == patient_id, Ins.is_active, Ins.is_primary)
            .order_by(Ins.priority, Ins.id).limit(1))
    if lock:
        stmt = stmt.with_for_update(of=Ins)
    row = s.execute(stmt).first()
    return None if row is None else (row[0], row[1])


def insert_primary_policy(uow: UnitOfWork, actor: Actor, payer: InsurancePayer,
                          patient_id: int, *, action: AuditAction, activity: str,
                          audit_new: dict[str, Any] | None = None,
                          previous: dict[str, Any] | None = None,
                          dha_response: dict[str, Any] | None = None,
                          reason: str | None = None, appointment_id: int | None = None,
                          **columns: Any) -> PolicySnapshot:
    """Add an active primary policy (priority 1) with ``columns``, its insurance-audit entry
    (``action``; the new policy plus ``audit_new``) and its activity row (``activity``), in
    the caller's unit of work. The caller has checked that no other primary is active."""
    s = uow.session
    ins = Ins(hospital_id=actor.hospital_id, patient_id=patient_id, payer_id=payer.id,
              is_primary=True, is_active=True, priority=1, **columns)
    s.add(ins)
    s.flush()
    created = snapshot(ins, payer)
    uow.audit(actor, action, patient_id=patient_id, appointment_id=appointment_id,
              previous=previous, new={**(audit_new or {}), **created.to_dict()},
              dha_response=dha_response, reason=reason)
    uow.activity(actor, activity, "patient_insurance", ins.id,
                 {"patient_id": patient_id, "payer": payer.code})
    return created


# -- parsing what the desk typed ---------------------------------------------------------------


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_date(value: dt.date | str, label: str) -> dt.date:
    """A date, or its text as ``2026-03-10`` / ``10/03/2026`` / ``10-03-2026`` (Arabic-Indic
    digits read as ASCII), from 1900 to 2199."""
    day = _parse_date(value, label)
    return check_day(day, label)  # type: ignore[return-value]


def _parse_date(value: dt.date | str, label: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = ascii_digits(clean_text(value, label, 40) or "")
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return dt.date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise ValidationError(M("not_real_date", "{label} {text} is not a real date.",
                                label=label,
                                text=repr(text))) from None
    raise ValidationError(M("must_date_like",
                            "{label} must be a date like 2026-03-10 or 10/03/2026.",
                            label=label))


def parse_pct(value: Decimal | str, label: str) -> Decimal:
    """A percentage from 0 to 100 with at most two decimals ("20", "12.5", "15%")."""
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        pct = Decimal(ascii_digits(str(value)).strip().removesuffix("%").strip())
    except InvalidOperation:
        pct = Decimal("NaN")
    if isinstance(value, float) or not pct.is_finite() or not 0 <= pct <= 100 \
            or pct != pct.quantize(Decimal("0.01")):
        raise ValidationError(M("must_number_like",
                                "{label} must be a number from 0 to 100, like 20 or 12.5.",
                                label=label))
    return pct.quantize(Decimal("0.01"))


def _period(ins: Ins) -> Msg:
    start = Day(ins.effective_date)
    if ins.expiry_date is None:
        return M("period_open", "from {start}, no expiry date", start=start)
    return M("period", "{start} – {end}", start=start, end=Day(ins.expiry_date))


# -- the service -------------------------------------------------------------------------------


class InsuranceService:
    """The payers a desk chooses from and adding a patient's primary policy."""

    def __init__(self, uow: UowFactory, clock: Clock = system_clock, *,
                 policies_changed: Callable[[int], None] | None = None) -> None:
        self._uow = uow
        self._clock = clock
        # Told the hospital id after a policy was added (the MOCK DHA sandbox mirrors the
        # policies on file: it mirrors again on the next check instead of after its TTL).
        self._policies_changed = policies_changed

    def payers(self, actor: Actor) -> list[PayerOption]:
        """The hospital's active payers, by name."""
        actor.require(Permission.ADD_INSURANCE)
        with self._uow(actor, read_only=True) as uow:
            rows = uow.session.execute(
                sa.select(InsurancePayer.id, InsurancePayer.name, InsurancePayer.code,
                          InsurancePayer.default_copay_pct, InsurancePayer.preauth_required)
                .where(InsurancePayer.hospital_id == actor.hospital_id,
                       InsurancePayer.is_active)
                .order_by(sa.func.lower(InsurancePayer.name), InsurancePayer.id)).all()
        return [PayerOption(*r) for r in rows]

    def add_primary(self, actor: Actor, patient_id: int, policy: NewPolicy, *,
                    appointment_id: int | None = None) -> PolicyAdded:
        """Add the patient's primary policy from their card (PENDING, source MANUAL).

        Every problem with what was typed is reported at once (``details["fields"]`` maps each
        field to its sentence). Refused when an active primary policy is already on file; an
        expired or rejected one is replaced (made inactive) in the same transaction.
        ``appointment_id`` is the visit at the desk, recorded with the audit entry."""
        actor.require(Permission.ADD_INSURANCE)
        values, problems = self._read_form(policy)
        with self._uow(actor) as uow:
            s = uow.session
            row = s.execute(
                sa.select(Patient, Hospital.timezone)
                .join(Hospital, Hospital.id == Patient.hospital_id)
                .where(Patient.id == patient_id, Patient.hospital_id == actor.hospital_id)
                .with_for_update(of=Patient, key_share=True)).first()
            if row is None:
                raise NotFound(M("no_patient_hospital",
                                 "There is no patient {patient_id} at this hospital.",
                                 patient_id=patient_id),
                               patient_id=patient_id)
            patient, tz = row
            today = local_today(self._clock, tz)
            expiry = values.get("expiry_date")
            if expiry is not None and expiry < today and "expiry_date" not in problems:
                problems["expiry_date"] = MsgText(M(
                    "policy_expired", "This policy expired on {day}; enter the patient's "
                    "current policy.", day=Day(expiry)))
            payer = None
            if policy.payer_id is not None:
                payer = s.get(InsurancePayer, policy.payer_id)
                if payer is None or payer.hospital_id != actor.hospital_id \
                        or not payer.is_active:
                    problems["payer_id"] = MsgText(M("payer_not_set_up",
                                                     "That payer is not set up at this hospital."))
            if problems:
                raise ValidationError(joined([msg_of(p) for p in problems.values()]),
                                      problems=list(problems.values()), fields=problems)
            assert payer is not None
            if appointment_id is not None:
                appt_patient = s.scalar(sa.select(Appointment.patient_id).where(
                    Appointment.id == appointment_id,
                    Appointment.hospital_id == actor.hospital_id))
                if appt_patient != patient_id:
                    raise NotFound(M("appointment_not_patient_hospital",
                                     "That appointment is not this patient's at this hospital."),
                                   appointment_id=appointment_id)
            replaced = self._retire_replaceable(s, patient, today)
            try:
                added = insert_primary_policy(
                    uow, actor, payer, patient_id, action=AuditAction.INSURANCE_ADDED,
                    activity="INSURANCE_ADDED", appointment_id=appointment_id,
                    previous=None if replaced is None else {"replaced_policy":
                                                            replaced.to_dict()},
                    audit_new={key: values[key] for key in
                               ("plan_name", "copay_cap_per_visit", "annual_deductible",
                                "annual_copay_max")},
                    provider_name=payer.name,
                    verification_status=VerificationStatus.PENDING,
                    verification_source=VerificationSource.MANUAL, **values)
            except sa.exc.IntegrityError:
                # The row lock makes this unlikely: a policy added outside ClinicDesk meanwhile.
                raise Conflict(M("primary_policy_just_added",
                                 "A primary policy was just added for this patient elsewhere; "
                                 "nothing was added. Open the check-in again.")) from None
            uow.commit()
        changes = Changes.of(patients={patient_id},
                             patient_insurances={added.insurance_id}
                             | ({replaced.insurance_id} if replaced else set()))
        if self._policies_changed is not None:
            self._policies_changed(actor.hospital_id)
        return PolicyAdded(added, replaced, changes)

    # ---------------------------------------------------------------------------- helpers

    @staticmethod
    def _read_form(policy: NewPolicy) -> tuple[dict[str, Any], dict[str, str]]:
        """The column values, and a sentence per field that is missing or not understood
        (a MsgText: English text carrying its message)."""
        problems: dict[str, str] = {}
        values: dict[str, Any] = {}

        def field(name: str, parse: Callable[[], Any]) -> None:
            try:
                values[name] = parse()
            except DomainError as exc:
                problems[name] = MsgText(exc.msg)

        if policy.payer_id is None:
            problems["payer_id"] = MsgText(M("choose_payer", "Choose the insurance payer."))
        for name in ("policy_number", "member_id", "plan_name"):
            values[name] = None
            field(name, lambda name=name: clean_text(getattr(policy, name), _LABELS[name],
                                                     _MAX_LEN[name]))
        if values["policy_number"] is None and "policy_number" not in problems:
            problems["policy_number"] = MsgText(M("policy_number_required",
                                                  "Policy number is required."))
        try:
            values["network_tier"] = NetworkTier(str(policy.network_tier or "").upper())
        except ValueError:
            problems["network_tier"] = MsgText(M("choose_network",
                                                 "Choose in network or out of network."))
        if _blank(policy.effective_date):
            problems["effective_date"] = MsgText(M("effective_date_required",
                                                   "Effective date is required."))
        else:
            field("effective_date", lambda: parse_date(policy.effective_date, "Effective date"))
        values["expiry_date"] = None
        if not _blank(policy.expiry_date):
            field("expiry_date", lambda: parse_date(policy.expiry_date, "Expiry date"))
        start, end = values.get("effective_date"), values.get("expiry_date")
        if start is not None and end is not None and end < start:
            problems["expiry_date"] = MsgText(M("expiry_before_effective",
                                                "The expiry date is before the effective date."))
        values["copay_pct"] = None
        if not _blank(policy.copay_pct):
            field("copay_pct", lambda: parse_pct(policy.copay_pct, _LABELS["copay_pct"]))
        for name in _AMOUNTS:
            raw = getattr(policy, name)
            values[name] = None
            if not _blank(raw):
                field(name, lambda raw=raw, name=name: to_amount(raw, field=_LABELS[name]))
        return values, problems

    @staticmethod
    def _retire_replaceable(s: Session, patient: Patient, today: dt.date) -> PolicySnapshot | None:
        """Make an expired active primary policy, or one an administrator rejected at manual
        verification, inactive (the new one takes its place); a primary policy still in
        force, or not yet started, is a Conflict."""
        found = primary_policy(s, patient.id, lock=True)
        if found is None:
            return None
        ins, payer = found
        expired = ins.expiry_date is not None and ins.expiry_date < today
        if not expired and ins.verification_status is not VerificationStatus.REJECTED:
            raise Conflict(
                M("already_active_primary_policy",
                  "{full_name} already has an active primary policy: {name} policy "
                  "{policy_number} ({ins}). Nothing was added; a patient has one primary policy "
                  "at a time.",
                  full_name=patient.full_name, name=payer.name, policy_number=ins.policy_number,
                  ins=_period(ins)),
                insurance_id=ins.id)
        ins.is_active = False
        s.flush()  # before the insert: one active policy per priority (a unique index)
        return snapshot(ins, payer)
