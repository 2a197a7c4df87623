"""The OPD queue: today's appointments, check-in with a token, vitals, consultation, walk-ins.

Each public method is one transaction that checks the caller's role first. The stages are the
pure transition table of :mod:`app.domain.queue_rules`; this module loads, locks and writes.
Mutations lock the appointment row (``FOR NO KEY UPDATE``), so two workstations clicking the
same patient serialise and the second one gets a clear :class:`InvalidTransition`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session, aliased

from app.db.models import (
    Appointment,
    Department,
    Doctor,
    Hospital,
    Patient,
    PatientInsurance,
    Vitals,
)
from app.domain.dates import check_day
from app.domain.enums import AppointmentStatus, CopayStatus, VisitType
from app.domain.errors import Conflict, NotFound, ValidationError
from app.domain.messages import N_, Day, Msg, messages
from app.domain.queue_rules import (
    QueueAction,
    allowed_actions,
    next_status,
    require_copay_decided,
)
from app.domain.roles import Permission
from app.domain.text import SEARCH_MAX, ascii_digits, clean_text, parse_choice
from app.domain.vitals import VitalsInput, validate_vitals
from app.services import session_check
from app.services.changes import Changes, Done
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.patients import patient_match
from app.services.unit_of_work import UnitOfWork, UowFactory

M = messages(__name__)

__all__ = ["CheckInResult", "QueueRow", "QueueService", "VitalsInput", "check_in_locked"]

A = Appointment
OPEN_STATUSES = frozenset({AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED,
                           AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION})


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue screen; ``scheduled_start`` is in the hospital's time zone."""

    appointment_id: int
    version: int
    token_number: int | None
    patient_id: int
    patient_name: str
    mrn: str
    emirates_id: str | None
    doctor_id: int
    doctor_name: str
    department_id: int
    department_name: str
    scheduled_start: dt.datetime
    visit_type: VisitType
    is_emergency: bool
    status: AppointmentStatus
    copay_status: CopayStatus
    copay_amount: Decimal | None
    checked_in_at: dt.datetime | None
    vitals_recorded_at: dt.datetime | None
    consultation_started_at: dt.datetime | None
    completed_at: dt.datetime | None
    primary_insurer: str | None
    # The department's short code (departments.code, e.g. "GP"): tokens are numbered per
    # department, so the desk says "GP-3", never a bare "#3" that six departments share.
    department_code: str = ""

    @property
    def token_label(self) -> str:
        """The token as called out and shown: "GP-3" ("" before check-in)."""
        if self.token_number is None:
            return ""
        return (f"{self.department_code}-{self.token_number}" if self.department_code
                else f"#{self.token_number}")

    @property
    def awaiting_vitals(self) -> bool:
        return self.status is AppointmentStatus.CHECKED_IN and self.vitals_recorded_at is None

    @property
    def started_without_vitals(self) -> bool:
        """Vitals are not required to start, but the doctor and the queue should see it."""
        return self.consultation_started_at is not None and self.vitals_recorded_at is None

    @property
    def stage(self) -> str:
        """The seed's stage names (seed 004 §15) for the status column (English; the UI
        shows them with tr(stage))."""
        if self.status is AppointmentStatus.CHECKED_IN:
            return N_("Awaiting vitals") if self.vitals_recorded_at is None \
                else N_("Ready for doctor")
        if self.status is AppointmentStatus.IN_CONSULTATION:
            return (N_("In consultation (no vitals)") if self.vitals_recorded_at is None
                    else N_("In consultation"))
        return self.status.value.replace("_", " ").capitalize()

    @property
    def actions(self) -> frozenset[QueueAction]:
        return allowed_actions(self.status, self.copay_status)


@dataclass(frozen=True)
class CheckInResult:
    token_number: int
    checked_in_at: dt.datetime
    changes: Changes


@dataclass(frozen=True)
class WalkInCreated:
    appointment_id: int
    changes: Changes


def _build_queue_select() -> sa.Select:
    """Appointment + patient + doctor + department + active primary insurer: one statement.

    Plain columns (no ORM entities); the enum columns come back as their stored strings and
    :func:`_rows` maps them through dicts, which is cheaper than a per-value type processor.
    The column order is QueueRow's field order, then the hospital's time zone."""
    pi = aliased(PatientInsurance)
    insurer_join = sa.and_(
        pi.patient_id == A.patient_id, pi.priority == 1, pi.is_active,
        pi.effective_date <= A.appointment_date,
        sa.or_(pi.expiry_date.is_(None), pi.expiry_date >= A.appointment_date),
    )
    return (
        sa.select(
            A.id, A.version, A.token_number, Patient.id.label("patient_id"),
            (Patient.first_name + " " + Patient.last_name).label("patient_name"),
            Patient.mrn, Patient.emirates_id, Doctor.id.label("doctor_id"),
            Doctor.full_name.label("doctor_name"), Department.id.label("department_id"),
            Department.name.label("department_name"), A.scheduled_start,
            sa.type_coerce(A.visit_type, sa.String).label("visit_type"),
            A.is_emergency, sa.type_coerce(A.status, sa.String).label("status"),
            sa.type_coerce(A.copay_status, sa.String).label("copay_status"),
            A.copay_amount, A.checked_in_at,
            A.vitals_recorded_at, A.consultation_started_at, A.completed_at,
            sa.case((A.self_pay, sa.null()), else_=pi.provider_name).label("primary_insurer"),
            Department.code.label("department_code"), Hospital.timezone,
        )
        .join(Hospital, Hospital.id == A.hospital_id)
        .join(Patient, Patient.id == A.patient_id)
        .join(Doctor, Doctor.id == A.doctor_id)
        .join(Department, Department.id == A.department_id)
        .outerjoin(pi, insurer_join)
    )


_QUEUE_SELECT = _build_queue_select()  # built once: a Select is immutable


# The caller's session state (app/services/session_check.py) as an extra column.
_SESSION_STATE = sa.text(f"{session_check.STATE_SQL} AS session_state")


def _queue_select() -> sa.Select:
    return _QUEUE_SELECT


_VISIT_TYPES = {m.value: m for m in VisitType}
_STATUSES = {m.value: m for m in AppointmentStatus}
_COPAY_STATUSES = {m.value: m for m in CopayStatus}


def _rows(result: Iterable[Sequence[Any]]) -> list[QueueRow]:
    """QueueRows from the statement's tuples: positional, one ZoneInfo per time zone."""
    zones: dict[str, ZoneInfo] = {}
    out = []
    append = out.append
    for (appointment_id, version, token, patient_id, patient_name, mrn, emirates_id,
         doctor_id, doctor_name, department_id, department_name, start, visit_type,
         is_emergency, status, copay_status, copay_amount, checked_in_at, vitals_at,
         started_at, completed_at, insurer, department_code, timezone) in result:
        tz = zones.get(timezone)
        if tz is None:
            tz = zones[timezone] = ZoneInfo(timezone)
        append(QueueRow(
            appointment_id, version, token, patient_id, patient_name, mrn, emirates_id,
            doctor_id, doctor_name, department_id, department_name, start.astimezone(tz),
            _VISIT_TYPES[visit_type], is_emergency, _STATUSES[status],
            _COPAY_STATUSES[copay_status], copay_amount, checked_in_at, vitals_at,
            started_at, completed_at, insurer, department_code))
    return out


def _not_found(appointment_id: int) -> NotFound:
    return NotFound(M("no_appointment_hospital", "There is no appointment {appointment_id} at "
                      "this hospital.", appointment_id=appointment_id),
                    appointment_id=appointment_id)


def check_in_locked(uow: UnitOfWork, actor: Actor, appt: Appointment, now: dt.datetime) -> int:
    """Check in ``appt`` (row-locked by the caller, the day already checked) inside the
    caller's transaction: the department's next token of the day, CHECKED_IN, the activity
    row. Returns the token. Used by :meth:`QueueService.check_in` and by the copay decisions
    that check the patient in in their own transaction (issue 11)."""
    actor.require(Permission.CHECK_IN)
    s = uow.session
    new_status = next_status(appt.status, QueueAction.CHECK_IN)
    require_copay_decided(appt.copay_status)
    # The counter row's lock serialises concurrent check-ins of one department;
    # a rollback gives the number back, so tokens stay 1, 2, 3... without gaps.
    token = s.execute(
        sa.text(
            "INSERT INTO token_counters (department_id, day, last_token) "
            "VALUES (:d, :day, 1) ON CONFLICT (department_id, day) "
            "DO UPDATE SET last_token = token_counters.last_token + 1 "
            "RETURNING last_token"
        ),
        {"d": appt.department_id, "day": appt.appointment_date},
    ).scalar_one()
    appt.status = new_status
    appt.token_number = token
    appt.checked_in_at = now
    appt.version += 1
    uow.activity(actor, "CHECK_IN", "appointment", appt.id,
                 {"token_number": token, "department_id": appt.department_id,
                  "copay_status": appt.copay_status.value})
    return int(token)


class QueueService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    # ------------------------------------------------------------------------------ reads

    def day(self, actor: Actor, day: dt.date | None = None, *, department_id: int | None = None,
            doctor_id: int | None = None, statuses: set[AppointmentStatus] | None = None,
            search: str | None = None) -> list[QueueRow]:
        """The day's appointments (today in the hospital's zone by default), one query."""
        actor.require(Permission.VIEW_QUEUE)
        check_day(day, "The day")
        search = ascii_digits(clean_text(search, "Search", SEARCH_MAX) or "")
        with self._uow(actor, read_only=True, fold_session_check=True) as uow:
            s = uow.session
            if day is None:  # the time-zone lookup carries the session check
                day = self._today_checked(uow, actor.hospital_id)
            else:
                uow.verify_session_now()
            stmt = _queue_select().where(A.hospital_id == actor.hospital_id,
                                         A.appointment_date == day)
            if department_id is not None:
                stmt = stmt.where(A.department_id == department_id)
            if doctor_id is not None:
                stmt = stmt.where(A.doctor_id == doctor_id)
            if statuses:
                stmt = stmt.where(A.status.in_([AppointmentStatus(x) for x in statuses]))
            if search:
                cond, _ = patient_match(search)
                stmt = stmt.where(cond)
            stmt = stmt.order_by(A.scheduled_start, A.id)
            return _rows(s.connection().execute(stmt).all())

    def row(self, actor: Actor, appointment_id: int) -> QueueRow:
        """One row, for redrawing a line in place when another workstation changed it."""
        actor.require(Permission.VIEW_QUEUE)
        with self._uow(actor, read_only=True, fold_session_check=True) as uow:
            # Every desk asks for this on every change another desk makes: the session
            # check rides along as a last column instead of costing a round trip.
            found = uow.session.connection().execute(
                _queue_select().add_columns(_SESSION_STATE).where(
                    A.id == appointment_id, A.hospital_id == actor.hospital_id),
                uow.session_params).all()
            if not found:
                uow.verify_session_now()
                raise _not_found(appointment_id)
            uow.verify_session(found[0][-1])
            return _rows([found[0][:-1]])[0]

    # -------------------------------------------------------------------------- mutations

    def check_in(self, actor: Actor, appointment_id: int) -> CheckInResult:
        """SCHEDULED/CONFIRMED today with the copay decided -> CHECKED_IN with the
        department's next token of the day."""
        actor.require(Permission.CHECK_IN)
        with self._uow(actor) as uow:
            s = uow.session
            appt, tz = self._lock(s, actor, appointment_id)
            self._require_today(appt, tz, M("what_checked_in", "checked in"))
            now = self._clock()
            token = check_in_locked(uow, actor, appt, now)
            uow.commit()
            return CheckInResult(token, now, Changes.of(appointments={appt.id}))

    def record_vitals(self, actor: Actor, appointment_id: int, vitals: VitalsInput) -> Done:
        """Record (or correct) the vitals of a checked-in patient; values are range-checked
        with a sentence per problem before the database's CHECKs ever see them."""
        actor.require(Permission.RECORD_VITALS)
        clean = validate_vitals(vitals)
        with self._uow(actor) as uow:
            s = uow.session
            appt, _ = self._lock(s, actor, appointment_id)
            next_status(appt.status, QueueAction.RECORD_VITALS)
            now = self._clock()
            values = clean.as_dict()
            given = {k: v for k, v in values.items() if v is not None}
            ins = pg_insert(Vitals).values(
                appointment_id=appt.id, recorded_by=actor.user_id, recorded_at=now, **values)
            # A second recording corrects the values it gives and keeps the others.
            s.execute(ins.on_conflict_do_update(
                index_elements=[Vitals.appointment_id],
                set_={**{k: ins.excluded[k] for k in given},
                      "recorded_by": ins.excluded.recorded_by,
                      "recorded_at": ins.excluded.recorded_at},
            ))
            appt.vitals_recorded_at = now
            appt.version += 1
            uow.activity(actor, "VITALS_RECORDED", "appointment", appt.id, given)
            uow.commit()
            return Done(Changes.of(appointments={appt.id}))

    def start_consultation(self, actor: Actor, appointment_id: int) -> Done:
        """CHECKED_IN -> IN_CONSULTATION. Vitals are not required; the row says when missing."""
        actor.require(Permission.START_CONSULTATION)
        with self._uow(actor) as uow:
            s = uow.session
            appt, _ = self._lock(s, actor, appointment_id)
            appt.status = next_status(appt.status, QueueAction.START_CONSULTATION)
            appt.consultation_started_at = self._clock()
            appt.version += 1
            uow.activity(actor, "CONSULTATION_STARTED", "appointment", appt.id,
                         {"vitals_recorded": appt.vitals_recorded_at is not None})
            uow.commit()
            return Done(Changes.of(appointments={appt.id}))

    def complete(self, actor: Actor, appointment_id: int) -> Done:
        """IN_CONSULTATION -> COMPLETED."""
        actor.require(Permission.COMPLETE_CONSULTATION)
        with self._uow(actor) as uow:
            s = uow.session
            appt, _ = self._lock(s, actor, appointment_id)
            appt.status = next_status(appt.status, QueueAction.COMPLETE)
            appt.completed_at = self._clock()
            appt.version += 1
            uow.activity(actor, "CONSULTATION_COMPLETED", "appointment", appt.id, {})
            uow.commit()
            return Done(Changes.of(appointments={appt.id}))

    def create_walk_in(self, actor: Actor, patient_id: int, doctor_id: int,
                       visit_type: VisitType, is_emergency: bool = False) -> WalkInCreated:
        """A today appointment starting now, ready for the copay step and check-in."""
        actor.require(Permission.WALK_IN)
        visit_type = parse_choice(VisitType, visit_type, "Visit type")
        with self._uow(actor) as uow:
            s = uow.session
            # Locking the patient serialises two desks registering the same walk-in, so the
            # open-appointment check below cannot be raced into a duplicate.
            patient = s.scalars(
                sa.select(Patient).where(Patient.id == patient_id,
                                         Patient.hospital_id == actor.hospital_id)
                .with_for_update(key_share=True)
            ).one_or_none()
            if patient is None:
                raise NotFound(M("no_patient_hospital",
                                 "There is no patient {patient_id} at this hospital.",
                                 patient_id=patient_id))
            if not patient.is_active:
                raise ValidationError(M("marked_inactive",
                                        "{full_name} ({mrn}) is marked inactive.",
                                        full_name=patient.full_name, mrn=patient.mrn))
            doctor = s.execute(
                sa.select(Doctor, Hospital.timezone).join(Hospital, Hospital.id == Doctor.hospital_id)
                .where(Doctor.id == doctor_id, Doctor.hospital_id == actor.hospital_id)
            ).one_or_none()
            if doctor is None:
                raise NotFound(M("no_doctor_hospital",
                                 "There is no doctor {doctor_id} at this hospital.",
                                 doctor_id=doctor_id))
            doc, tz = doctor
            if not doc.is_active:
                raise ValidationError(M("not_taking_appointments_inactive",
                                        "{full_name} is not taking appointments (inactive).",
                                        full_name=doc.full_name))
            now = self._clock()
            today = now.astimezone(ZoneInfo(tz)).date()
            dup = s.execute(
                sa.select(A.id, A.token_number).where(
                    A.patient_id == patient.id, A.doctor_id == doc.id,
                    A.appointment_date == today, A.status.in_(OPEN_STATUSES))
            ).first()
            if dup is not None:
                raise Conflict(
                    M("already_open_appointment_today",
                      "{full_name} already has an open appointment today with {full_name2} "
                      "(appointment {id}); use that one.",
                      full_name=patient.full_name, full_name2=doc.full_name, id=dup.id),
                    appointment_id=dup.id)
            appt = Appointment(
                hospital_id=actor.hospital_id, patient_id=patient.id, doctor_id=doc.id,
                department_id=doc.department_id, scheduled_start=now,
                scheduled_end=now + dt.timedelta(minutes=15), appointment_date=today,
                visit_type=visit_type,
                is_emergency=bool(is_emergency) or visit_type is VisitType.EMERGENCY,
                status=AppointmentStatus.SCHEDULED, eligibility_details={},
                reason="Walk-in",
            )
            s.add(appt)
            s.flush()
            uow.activity(actor, "WALK_IN_CREATED", "appointment", appt.id,
                         {"patient_id": patient.id, "doctor_id": doc.id,
                          "visit_type": visit_type.value, "is_emergency": appt.is_emergency})
            uow.commit()
            return WalkInCreated(appt.id, Changes.of(appointments={appt.id}))

    # ---------------------------------------------------------------------------- helpers

    def _today_checked(self, uow: UnitOfWork, hospital_id: int) -> dt.date:
        """Today in the hospital's zone, and the caller's session verified, in one statement."""
        r = uow.session.execute(sa.select(Hospital.timezone, _SESSION_STATE)
                                .where(Hospital.id == hospital_id), uow.session_params).first()
        if r is None:
            uow.verify_session_now()
            raise NotFound(M("hospital_no_longer_exists", "This hospital no longer exists."))
        uow.verify_session(r[1])
        return self._clock().astimezone(ZoneInfo(r[0])).date()

    def _lock(self, s: Session, actor: Actor, appointment_id: int) -> tuple[Appointment, str]:
        """The appointment, row-locked, with its hospital's time zone; NotFound if it is not
        this hospital's. FOR NO KEY UPDATE: inserts that only reference the row can proceed."""
        r = s.execute(
            sa.select(A, Hospital.timezone).join(Hospital, Hospital.id == A.hospital_id)
            .where(A.id == appointment_id, A.hospital_id == actor.hospital_id)
            .with_for_update(of=A, key_share=True)
        ).one_or_none()
        if r is None:
            raise _not_found(appointment_id)
        return r[0], r[1]

    def _require_today(self, appt: Appointment, tz: str, what: Msg) -> None:
        today = self._clock().astimezone(ZoneInfo(tz)).date()
        if appt.appointment_date != today:
            when = Day(appt.appointment_date)
            raise ValidationError(
                M("appointment_today_appointments",
                  "This appointment is on {when}; only today's appointments can be {what}.",
                  when=when, what=what),
                appointment_date=appt.appointment_date.isoformat())
