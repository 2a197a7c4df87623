"""Booking with slots (issue 14, seed 004 §13): Standard, Quick Book and Emergency, for the desk.

Reads: the department/doctor directory, a doctor's free slots for a day, the Quick Book grid
(every doctor of a department side by side), the Emergency grid (the emergency department,
today), and a patient's upcoming bookings. Mutations: book, reschedule, cancel. Every call
checks BOOK_APPOINTMENT (receptionists and administrators) and the caller's login session.

Slots are the pure rules of app/domain/slots.py over ``doctor_working_hours`` in the
hospital's time zone; "now" comes from the injected clock, so the workstation's own zone never
matters. A booked appointment is SCHEDULED with ``slot_start`` set: the partial unique index
``uq_appointments_doctor_slot`` (migration 0007) lets exactly one live appointment hold a
doctor's slot, so two desks booking the same slot cannot both win; the loser gets
:class:`SlotTaken`. The token is handed out at check-in (app/services/queue.py), as for every
appointment of the queue; the NOTIFY trigger on ``appointments`` brings the new row to every
desk's queue.

OpenDental: when the patient is linked to an active OpenDental connection of the hospital
(``patients.od_connection_id``/``od_pat_num``), a booking is written there first
(``POST /appointments``, read back by the client), outside any database transaction; the
local row is then written with its AptNum in one transaction. If OpenDental refuses, nothing
is stored locally (the OpenDental error is raised as it is: a typed IntegrationError with the
server's words). If the local write fails after OpenDental accepted (the slot was taken
meanwhile), the OpenDental appointment is marked Broken again so no half-booking remains.
Reschedule and cancel follow the same order (PUT AptDateTime / AptStatus=Broken first).
A patient who is not in OpenDental is booked locally only, and the result says so.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import (
    Appointment,
    CopayPayment,
    Department,
    Doctor,
    Hospital,
    Patient,
    WorkingHours,
)
from app.domain import slots as slot_rules
from app.domain.enums import (
    AppointmentStatus,
    CopayStatus,
    PaymentMethod,
    RefundMethod,
    RefundReason,
    VisitType,
)
from app.domain.errors import Conflict, NotFound, SlotTaken, ValidationError
from app.domain.messages import Msg, messages
from app.domain.roles import Permission
from app.domain.slots import Session as HoursSession
from app.domain.slots import Slot
from app.domain.text import clean_text, parse_choice
from app.integrations.opendental.wire import AptStatus
from app.services import session_check
from app.services.changes import Changes
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.message_text import MsgText
from app.services.refunds import PaymentMatch, RefundService
from app.services.unit_of_work import UowFactory

M = messages(__name__)

log = logging.getLogger(__name__)

__all__ = ["BookResult", "Booking", "BookingService", "CancelResult", "DepartmentInfo",
           "DoctorInfo", "DoctorSlots", "RefundOffer", "SlotGrid"]

A = Appointment
LIVE = (AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED,
        AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION,
        AppointmentStatus.COMPLETED)
"""Statuses that keep their time busy (CANCELLED and NO_SHOW free it)."""
MOVABLE = frozenset({AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED})
"""Only a booking nobody has checked in yet is rescheduled or cancelled here."""
SLOT_INDEX = "uq_appointments_doctor_slot"
DEFAULT_OP = 1  # OpenDental operatory when the working hours name none
# The caller's session state (app/services/session_check.py) as an extra column.
_SESSION_STATE = sa.text(f"{session_check.STATE_SQL} AS session_state")


_LIVE_SQL = ", ".join(f"'{x.value}'" for x in LIVE)
# One round trip for a grid: the department and its time zone, the day (given, or today at the
# hospital by the injected clock), the active doctors (or the one asked for), their working
# hours of that weekday, the start/end times of their live appointments that day (per doctor,
# through ix_appointments_doctor_day) and the caller's session state.
_GRID_SQL = sa.text(f"""
WITH d AS (
    SELECT dept.name AS dept_name, h.timezone AS tz,
           COALESCE(CAST(:day AS date),
                    CAST(CAST(:now AS timestamptz) AT TIME ZONE h.timezone AS date)) AS day
      FROM departments dept JOIN hospitals h ON h.id = dept.hospital_id
     WHERE dept.id = :dept AND dept.hospital_id = :hid
)
SELECT d.dept_name, d.tz, d.day, doc.id, doc.full_name,
       wh.weekday, wh.start_time, wh.end_time, wh.slot_minutes, bk.starts, bk.ends,
       {session_check.STATE_SQL} AS session_state
  FROM d
  LEFT JOIN doctors doc
         ON doc.department_id = :dept AND doc.hospital_id = :hid AND doc.is_active
        AND (CAST(:doc AS bigint) IS NULL OR doc.id = CAST(:doc AS bigint))
  LEFT JOIN doctor_working_hours wh
         ON wh.doctor_id = doc.id AND wh.weekday = CAST(EXTRACT(ISODOW FROM d.day) AS int) - 1
  LEFT JOIN LATERAL (
        SELECT array_agg(a.scheduled_start) AS starts, array_agg(a.scheduled_end) AS ends
          FROM appointments a
         WHERE a.doctor_id = doc.id AND a.appointment_date = d.day AND a.hospital_id = :hid
           AND a.status IN ({_LIVE_SQL})) bk ON true
 ORDER BY doc.full_name, doc.id, wh.start_time
""")
REASON_MAX = 500


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class DoctorInfo:
    id: int
    name: str
    speciality: str | None
    department_id: int
    department_name: str


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    is_emergency: bool
    doctors: tuple[DoctorInfo, ...]


@dataclass(frozen=True)
class DoctorSlots:
    """One doctor's free slots on ``day``; ``works`` is False when the doctor has no working
    hours that weekday (the page says "not working" rather than "fully booked")."""

    doctor_id: int
    doctor_name: str
    day: dt.date
    slots: tuple[Slot, ...]
    works: bool


@dataclass(frozen=True)
class SlotGrid:
    department_id: int
    department_name: str
    day: dt.date
    columns: tuple[DoctorSlots, ...]


@dataclass(frozen=True)
class Booking:
    """A patient's booking as the page lists it; times in the hospital's zone."""

    appointment_id: int
    version: int
    patient_id: int
    patient_name: str
    mrn: str
    doctor_id: int
    doctor_name: str
    department_name: str
    start: dt.datetime
    end: dt.datetime | None
    status: AppointmentStatus
    visit_type: VisitType
    is_emergency: bool
    copay_status: CopayStatus
    od_apt_num: int | None


@dataclass(frozen=True)
class BookResult:
    booking: Booking
    changes: Changes
    opendental: str
    """What happened in OpenDental, as a sentence for the page ("" when not connected); a
    MsgText (app/services/message_text.py): the UI renders its ``.msg``."""


@dataclass(frozen=True)
class RefundOffer:
    """A cancelled booking whose copay was collected: what a refund request would be."""

    payment: PaymentMatch
    amount: Decimal
    reason: RefundReason
    method: RefundMethod


@dataclass(frozen=True)
class CancelResult:
    appointment_id: int
    changes: Changes
    refund_offer: RefundOffer | None = None
    opendental: str = ""


@dataclass(frozen=True)
class _Plan:
    """What a booking or move was checked against, carried from the read to the write."""

    patient_id: int
    doctor_id: int
    department_id: int
    slot: Slot
    day: dt.date
    tz: str
    od: _OdTarget | None = None


@dataclass(frozen=True)
class _OdTarget:
    connection_id: int
    pat_num: int
    prov_num: int | None
    op: int
    timezone: str
    info: Any = field(compare=False, default=None)


_REFUND_METHOD = {PaymentMethod.CASH: RefundMethod.CASH,
                  PaymentMethod.CREDIT_CARD: RefundMethod.CREDIT_CARD,
                  PaymentMethod.DEBIT_CARD: RefundMethod.CREDIT_CARD,
                  PaymentMethod.DEPOSIT: RefundMethod.DEPOSIT_CREDIT}


# --------------------------------------------------------------------------- service


class BookingService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock, *,
                 refunds: RefundService | None = None,
                 clients: Callable[[Any], Any] | None = None) -> None:
        self._uow = uow
        self._clock = clock
        self._refunds = refunds or RefundService(uow, clock)
        self._clients = clients
        self.before_insert: Callable[[], None] | None = None
        """Tests: called inside the booking's transaction after its checks, before the row
        is written (two desks are then both past the checks: only the index decides)."""

    # ------------------------------------------------------------------------------ reads

    def directory(self, actor: Actor) -> list[DepartmentInfo]:
        """Active departments with their active doctors, by name (the page's pickers)."""
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._uow(actor, read_only=True) as uow:
            rows = uow.session.execute(
                sa.select(Department.id, Department.name, Department.is_emergency,
                          Doctor.id, Doctor.full_name, Doctor.speciality)
                .outerjoin(Doctor, sa.and_(Doctor.department_id == Department.id,
                                           Doctor.is_active))
                .where(Department.hospital_id == actor.hospital_id, Department.is_active)
                .order_by(Department.name, Doctor.full_name)).all()
        out: dict[int, tuple[str, bool, list[DoctorInfo]]] = {}
        for dept_id, dept_name, emergency, doc_id, doc_name, speciality in rows:
            entry = out.setdefault(dept_id, (dept_name, emergency, []))
            if doc_id is not None:
                entry[2].append(DoctorInfo(doc_id, doc_name, speciality, dept_id, dept_name))
        return [DepartmentInfo(k, v[0], v[1], tuple(v[2])) for k, v in out.items()]

    def free_slots(self, actor: Actor, department_id: int, doctor_id: int,
                   day: dt.date | None = None) -> DoctorSlots:
        """Standard mode: one doctor of the department, one day (default: the hospital's today)."""
        actor.require(Permission.BOOK_APPOINTMENT)
        grid = self._grid(actor, department_id, day, doctor_id=doctor_id)
        if not grid.columns:
            raise NotFound(M("no_active_doctor_department",
                             "There is no active doctor {doctor_id} in that department.",
                             doctor_id=doctor_id))
        return grid.columns[0]

    def quick_book_grid(self, actor: Actor, department_id: int,
                        day: dt.date | None = None) -> SlotGrid:
        """Quick Book: every active doctor of the department side by side, free slots of the
        day (default: the hospital's today)."""
        actor.require(Permission.BOOK_APPOINTMENT)
        return self._grid(actor, department_id, day)

    def emergency_slots(self, actor: Actor) -> SlotGrid:
        """Emergency: the hospital's emergency department, today's free slots at once."""
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._uow(actor, read_only=True) as uow:
            dept_id = uow.session.scalar(
                sa.select(Department.id).where(Department.hospital_id == actor.hospital_id,
                                               Department.is_active, Department.is_emergency)
                .order_by(Department.id).limit(1))
        if dept_id is None:
            raise NotFound(M("hospital_no_emergency_department",
                             "This hospital has no emergency department. An administrator marks "
                             "one as the emergency department."))
        return self._grid(actor, dept_id, None)

    def upcoming(self, actor: Actor, patient_id: int) -> list[Booking]:
        """The patient's appointments from today on that can still be moved or cancelled."""
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = self._tz(s, actor.hospital_id)
            today = slot_rules.hospital_today(self._clock(), ZoneInfo(tz))
            rows = s.execute(self._booking_select().where(
                A.hospital_id == actor.hospital_id, A.patient_id == patient_id,
                A.appointment_date >= today, A.status.in_(MOVABLE))
                .order_by(A.scheduled_start, A.id).limit(50)).all()
            return [_booking(r, ZoneInfo(tz)) for r in rows]

    # -------------------------------------------------------------------------- mutations

    def book(self, actor: Actor, patient_id: int, doctor_id: int, start: dt.datetime,
             visit_type: VisitType = VisitType.CONSULTATION, *, is_emergency: bool = False,
             reason: str | None = None) -> BookResult:
        """Book ``start`` (one of the doctor's free slots) for the patient: a SCHEDULED
        appointment holding that slot, written through OpenDental when the patient is there."""
        actor.require(Permission.BOOK_APPOINTMENT)
        visit_type = parse_choice(VisitType, visit_type, "Visit type")
        reason = clean_text(reason, "Reason", REASON_MAX)
        emergency = bool(is_emergency) or visit_type is VisitType.EMERGENCY
        with self._uow(actor, read_only=True) as uow:
            plan = self._plan(uow.session, actor, patient_id, doctor_id, start)
        created = None
        if plan.od is not None:
            created = self._od_create(plan, reason)
        try:
            with self._uow(actor) as uow:
                s = uow.session
                plan = self._plan(s, actor, patient_id, doctor_id, start, lock=True)
                if self.before_insert is not None:
                    self.before_insert()
                appt = Appointment(
                    hospital_id=actor.hospital_id, patient_id=plan.patient_id,
                    doctor_id=plan.doctor_id, department_id=plan.department_id,
                    scheduled_start=plan.slot.start, scheduled_end=plan.slot.end,
                    slot_start=plan.slot.start, appointment_date=plan.day,
                    visit_type=visit_type, is_emergency=emergency,
                    status=AppointmentStatus.SCHEDULED, eligibility_details={}, reason=reason,
                )
                if created is not None and plan.od is not None:
                    appt.od_apt_num = created.apt_num
                    appt.od_connection_id = plan.od.connection_id
                    appt.od_apt_status = created.apt_status.value
                    appt.operatory = str(plan.od.op)
                s.add(appt)
                self._flush_slot(s, plan.slot)
                uow.activity(actor, "APPOINTMENT_BOOKED", "appointment", appt.id, {
                    "patient_id": plan.patient_id, "doctor_id": plan.doctor_id,
                    "start": plan.slot.start, "visit_type": visit_type.value,
                    "is_emergency": emergency,
                    "od_apt_num": created.apt_num if created is not None else None})
                uow.commit()
                new_id = appt.id
        except BaseException:
            if created is not None and plan.od is not None:
                self._od_undo(plan.od, created.apt_num, {"AptStatus": AptStatus.BROKEN}, "booking")
            raise
        # Read back after the commit, outside the block above: the booking stands whatever
        # this read does, so nothing here may undo it in OpenDental.
        return BookResult(self._read_one(actor, new_id), Changes.of(appointments={new_id}),
                          self._od_sentence(plan, created, "booked"))

    def reschedule(self, actor: Actor, appointment_id: int, new_start: dt.datetime, *,
                   doctor_id: int | None = None) -> BookResult:
        """Move a booking nobody has checked in yet to another free slot (of the same doctor
        unless ``doctor_id`` names another)."""
        actor.require(Permission.BOOK_APPOINTMENT)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            appt = self._movable(s, actor, appointment_id)
            old_start, od_apt_num = appt.scheduled_start, appt.od_apt_num
            target_doctor = doctor_id or appt.doctor_id
            plan = self._plan(s, actor, appt.patient_id, target_doctor, new_start,
                              ignore=appt.id)
        moved = None
        od = plan.od if od_apt_num else None
        if od is not None and od_apt_num:
            moved = self._od_call(od, lambda c: c.update_appointment(od_apt_num, _od_fields(
                od, plan.slot, None, move_only=True)), M("what_move", "move the appointment"))
        try:
            with self._uow(actor) as uow:
                s = uow.session
                appt = self._movable(s, actor, appointment_id, lock=True)
                plan = self._plan(s, actor, appt.patient_id, target_doctor, new_start,
                                  ignore=appt.id, lock=True)
                before = {"start": appt.scheduled_start, "doctor_id": appt.doctor_id}
                appt.doctor_id = plan.doctor_id
                appt.department_id = plan.department_id
                appt.scheduled_start = plan.slot.start
                appt.scheduled_end = plan.slot.end
                appt.slot_start = plan.slot.start
                appt.appointment_date = plan.day
                appt.version += 1
                self._flush_slot(s, plan.slot)
                uow.activity(actor, "APPOINTMENT_RESCHEDULED", "appointment", appt.id, {
                    "before": before, "start": plan.slot.start, "doctor_id": plan.doctor_id})
                uow.commit()
        except BaseException:
            if moved is not None and od is not None and od_apt_num:
                back = old_start.astimezone(ZoneInfo(od.timezone)).replace(tzinfo=None)
                self._od_undo(od, od_apt_num, {"AptDateTime": back}, "move")
            raise
        return BookResult(self._read_one(actor, appointment_id),
                          Changes.of(appointments={appointment_id}),
                          self._od_sentence(plan, moved, "moved"))

    def cancel(self, actor: Actor, appointment_id: int, reason: str) -> CancelResult:
        """Cancel a booking nobody has checked in yet; when its copay was collected, the
        result carries the refund request to offer (made with the refunds service)."""
        actor.require(Permission.BOOK_APPOINTMENT)
        reason = clean_text(reason, "Reason", REASON_MAX, required=True)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            appt = self._movable(s, actor, appointment_id)
            od_apt_num, od_conn = appt.od_apt_num, appt.od_connection_id
            info = self._od_for_connection(s, actor, od_conn) if od_apt_num else None
            od = (None if info is None
                  else _OdTarget(info.id, 0, None, DEFAULT_OP, info.timezone, info))
        broken = None
        if od is not None and od_apt_num:
            broken = self._od_call(od, lambda c: c.update_appointment(
                od_apt_num, {"AptStatus": AptStatus.BROKEN}), M("what_cancel",
                                                                "cancel the appointment"))
        try:
            with self._uow(actor) as uow:
                s = uow.session
                appt = self._movable(s, actor, appointment_id, lock=True)
                appt.status = AppointmentStatus.CANCELLED
                appt.notes = f"Cancelled: {reason}" if not appt.notes else (
                    f"{appt.notes}\nCancelled: {reason}")
                if broken is not None:
                    appt.od_apt_status = broken.apt_status.value
                appt.version += 1
                payment_id = s.scalar(sa.select(CopayPayment.id).where(
                    CopayPayment.appointment_id == appt.id))
                uow.activity(actor, "APPOINTMENT_CANCELLED", "appointment", appt.id, {
                    "reason": reason, "start": appt.scheduled_start,
                    "copay_status": appt.copay_status.value, "copay_payment_id": payment_id})
                uow.commit()
        except BaseException:
            if broken is not None and od is not None and od_apt_num:
                self._od_undo(od, od_apt_num, {"AptStatus": AptStatus.SCHEDULED}, "cancellation")
            raise
        offer = None
        if payment_id is not None:
            match = self._refunds.get_payment(actor, payment_id)
            if match.refundable > 0:
                offer = RefundOffer(match, match.refundable, RefundReason.APPOINTMENT_CANCELLED,
                                    _REFUND_METHOD.get(match.payment_method, RefundMethod.CASH))
        said = MsgText(M("od_marked_broken", "Marked Broken in OpenDental.")) \
            if broken is not None else ""
        return CancelResult(appointment_id, Changes.of(appointments={appointment_id}), offer,
                            said)

    # ----------------------------------------------------------------------- internals

    def _grid(self, actor: Actor, department_id: int, day: dt.date | None, *,
              doctor_id: int | None = None) -> SlotGrid:
        """The grid of a department (or one doctor) for a day: one statement (_GRID_SQL) with
        the session check folded in, then the pure slot rules (the bench measures this:
        bench/bench_free_slots.py)."""
        now = self._clock()
        with self._uow(actor, read_only=True, fold_session_check=True) as uow:
            rows = uow.session.connection().execute(_GRID_SQL, {
                **uow.session_params, "dept": department_id, "hid": actor.hospital_id,
                "doc": doctor_id, "day": day, "now": now}).all()
            if not rows:
                uow.verify_session_now()
                raise NotFound(M("no_department_hospital",
                                 "There is no department {department_id} at this hospital.",
                                 department_id=department_id))
            uow.verify_session(rows[0][-1])
        dept_name, tz_name, day = rows[0][0], rows[0][1], rows[0][2]
        tz = ZoneInfo(tz_name)
        names: dict[int, str] = {}
        hours: dict[int, list[HoursSession]] = {}
        booked: dict[int, list[tuple[dt.datetime, dt.datetime | None]]] = {}
        for _n, _t, _d, doc, name, wd, st, en, mins, starts, ends, _state in rows:
            if doc is None:
                continue
            if doc not in names:  # the appointments repeat on each session row of the doctor
                names[doc] = name
                hours[doc] = []
                booked[doc] = list(zip(starts or (), ends or (), strict=True))
            if wd is not None:
                hours[doc].append(HoursSession(wd, st, en, mins))
        columns = tuple(
            DoctorSlots(doc_id, name, day,
                        tuple(slot_rules.free_slots(hours[doc_id], day, tz, booked[doc_id], now)),
                        bool(hours[doc_id]))
            for doc_id, name in names.items())
        return SlotGrid(department_id, dept_name, day, columns)

    def _plan(self, s: Session, actor: Actor, patient_id: int, doctor_id: int,
              start: dt.datetime, *, ignore: int | None = None, lock: bool = False) -> _Plan:
        """Check that ``start`` is a free slot of the doctor for the patient; with ``lock``,
        the patient row is locked (two desks booking one patient serialise)."""
        if not isinstance(start, dt.datetime) or start.tzinfo is None:
            raise ValidationError(M("choose_time_slot_list",
                                    "Choose a time slot from the list (a time with its time "
                                    "zone)."))
        pq = sa.select(Patient).where(Patient.id == patient_id,
                                      Patient.hospital_id == actor.hospital_id)
        if lock:
            pq = pq.with_for_update(key_share=True)
        patient = s.scalars(pq).one_or_none()
        if patient is None:
            raise NotFound(M("no_patient_hospital",
                             "There is no patient {patient_id} at this hospital.",
                             patient_id=patient_id))
        if not patient.is_active:
            raise ValidationError(M("marked_inactive", "{full_name} ({mrn}) is marked inactive.",
                                    full_name=patient.full_name,
                                    mrn=patient.mrn))
        found = s.execute(
            sa.select(Doctor, Hospital.timezone).join(Hospital, Hospital.id == Doctor.hospital_id)
            .where(Doctor.id == doctor_id, Doctor.hospital_id == actor.hospital_id)).one_or_none()
        if found is None:
            raise NotFound(M("no_doctor_hospital",
                             "There is no doctor {doctor_id} at this hospital.",
                             doctor_id=doctor_id))
        doc, tz_name = found
        if not doc.is_active:
            raise ValidationError(M("not_taking_appointments_inactive",
                                    "{full_name} is not taking appointments (inactive).",
                                    full_name=doc.full_name))
        tz = ZoneInfo(tz_name)
        local = start.astimezone(tz)
        day = local.date()
        sessions = [HoursSession(h.weekday, h.start_time, h.end_time, h.slot_minutes)
                    for h in s.scalars(sa.select(WorkingHours).where(
                        WorkingHours.doctor_id == doc.id,
                        WorkingHours.weekday == day.weekday()))]
        slot = slot_rules.slot_at(local, sessions, tz)
        if slot is None:
            raise ValidationError(M("not_one_slots_choose",
                                    "{local} is not one of {full_name}'s slots. Choose a time "
                                    "from the list.",
                                    local=format(local, '%a %d %b %Y %H:%M'),
                                    full_name=doc.full_name))
        now = self._clock()
        if slot.start < now + slot_rules.LEAD:
            raise ValidationError(M("slot_past_starts_within",
                                    "The {label} slot is past or starts within {minutes} minutes; "
                                    "choose a later one.",
                                    label=slot.label,
                                    minutes=int(slot_rules.LEAD.total_seconds() // 60)))
        busy_q = sa.select(A.id, A.scheduled_start, A.scheduled_end, A.patient_id,
                           A.doctor_id).where(
            A.hospital_id == actor.hospital_id, A.appointment_date == day,
            A.status.in_(LIVE),
            sa.or_(A.doctor_id == doc.id, A.patient_id == patient.id))
        if ignore is not None:
            busy_q = busy_q.where(A.id != ignore)
        rows = s.execute(busy_q).all()
        doctor_busy = [(r.scheduled_start, r.scheduled_end) for r in rows
                       if r.doctor_id == doc.id]
        if slot_rules.is_free(slot.start, sessions, tz, doctor_busy, now) is None:
            raise SlotTaken(M("slot_just_booked_another",
                              "{full_name}'s {label} slot on {day} was just booked by another "
                              "desk. Choose another slot.",
                              full_name=doc.full_name, label=slot.label, day=format(day, '%d %b')),
                            doctor_id=doc.id, start=slot.start.isoformat())
        clash = [r for r in rows if r.patient_id == patient.id
                 and r.scheduled_start < slot.end
                 and (r.scheduled_end or r.scheduled_start + (slot.end - slot.start))
                 > slot.start]
        if clash:
            raise Conflict(M("already_appointment_time_appointment",
                             "{full_name} already has an appointment at that time (appointment "
                             "{id}).",
                             full_name=patient.full_name, id=clash[0].id),
                           appointment_id=clash[0].id)
        od = self._od_target(s, actor, patient, doc, sessions, slot, tz)
        return _Plan(patient.id, doc.id, doc.department_id, slot, day, tz_name, od)

    def _od_target(self, s: Session, actor: Actor, patient: Patient, doc: Doctor,
                   sessions: Sequence[HoursSession], slot: Slot,
                   tz: ZoneInfo) -> _OdTarget | None:
        """Where the booking goes in OpenDental: the patient's own active connection."""
        if patient.od_connection_id is None or patient.od_pat_num is None:
            return None
        info = self._od_for_connection(s, actor, patient.od_connection_id)
        if info is None:
            return None
        local = slot.start.astimezone(tz)
        op = s.scalar(sa.select(WorkingHours.od_op_num).where(
            WorkingHours.doctor_id == doc.id, WorkingHours.weekday == local.weekday(),
            WorkingHours.start_time <= local.time(), WorkingHours.end_time > local.time()))
        return _OdTarget(info.id, int(patient.od_pat_num), doc.od_prov_num, op or DEFAULT_OP,
                         info.timezone, info)

    @staticmethod
    def _od_for_connection(s: Session, actor: Actor, connection_id: int | None) -> Any:
        from app.sync.opendental.connections import read_active_connections

        if connection_id is None:
            return None
        for info in read_active_connections(s, actor.hospital_id):
            if info.id == connection_id:
                return info
        return None

    def _od_client(self, od: _OdTarget) -> Any:
        if self._clients is None:
            raise ValidationError(M("opendental_not_set_up",
                                    "OpenDental is not set up on this workstation; the booking "
                                    "was not made."))
        return self._clients(od.info)

    def _od_call(self, od: _OdTarget, call: Callable[[Any], Any], what: Msg) -> Any:
        """One OpenDental write (read back by the client). Its typed error propagates with
        a sentence saying nothing was changed here."""
        from app.integrations.opendental.errors import OpenDentalError

        try:
            with self._od_client(od) as client:
                return call(client)
        except OpenDentalError as exc:
            raise type(exc)(M("od_could_not", "OpenDental could not {what}: {error} Nothing was "
                              "changed in ClinicDesk.", what=what, error=exc.msg),
                            **exc.details) from exc

    def _od_create(self, plan: _Plan, reason: str | None) -> Any:
        od = plan.od
        assert od is not None
        local = plan.slot.start.astimezone(ZoneInfo(od.timezone)).replace(tzinfo=None)
        return self._od_call(od, lambda c: c.create_appointment(
            od.pat_num, od.op, local, _od_fields(od, plan.slot, reason)),
            M("what_book", "book the appointment"))

    def _od_undo(self, od: _OdTarget, apt_num: int, fields: dict[str, Any], what: str) -> None:
        """Put OpenDental back after the local write failed; logged if that fails too (the
        appointments poller then brings OpenDental's state in)."""
        try:
            with self._od_client(od) as client:
                client.update_appointment(apt_num, fields)
        except Exception:  # noqa: BLE001 - the local error is what the desk must see
            log.exception("could not undo the OpenDental %s of appointment %s", what, apt_num)

    @staticmethod
    def _od_sentence(plan: _Plan, record: Any, verb: str) -> str:
        if record is None:
            return ""
        if verb == "booked":
            return MsgText(M("od_also_booked", "Also booked in OpenDental (AptNum {apt_num}).",
                             apt_num=record.apt_num))
        return MsgText(M("od_also_moved", "Also moved in OpenDental (AptNum {apt_num}).",
                         apt_num=record.apt_num))

    @staticmethod
    def _flush_slot(s: Session, slot: Slot) -> None:
        """Flush; the partial unique index refusing the row means another desk won."""
        try:
            s.flush()
        except sa.exc.IntegrityError as exc:
            if SLOT_INDEX in str(exc.orig):
                raise SlotTaken(M("slot_just_booked_another_2",
                                  "The {label} slot was just booked by another desk. Choose "
                                  "another slot.",
                                  label=slot.label), start=slot.start.isoformat()) from None
            raise

    @staticmethod
    def _movable(s: Session, actor: Actor, appointment_id: int, *,
                 lock: bool = False) -> Appointment:
        q = sa.select(A).where(A.id == appointment_id, A.hospital_id == actor.hospital_id)
        if lock:
            q = q.with_for_update(key_share=True)
        appt = s.scalars(q).one_or_none()
        if appt is None:
            raise NotFound(M("no_appointment_hospital",
                             "There is no appointment {appointment_id} at this hospital.",
                             appointment_id=appointment_id))
        if appt.status not in MOVABLE:
            raise Conflict(M("appointment_booking_not_checked",
                             "Appointment {appointment_id} is {status}; only a booking that is "
                             "not checked in can be moved or cancelled.",
                             appointment_id=appointment_id, status=appt.status.value.lower()))
        return appt

    @staticmethod
    def _tz(s: Session, hospital_id: int) -> str:
        tz = s.scalar(sa.select(Hospital.timezone).where(Hospital.id == hospital_id))
        if tz is None:
            raise NotFound(M("hospital_no_longer_exists", "This hospital no longer exists."))
        return tz

    @staticmethod
    def _booking_select() -> sa.Select:
        return (sa.select(A.id, A.version, Patient.id, Patient.first_name, Patient.last_name,
                          Patient.mrn, Doctor.id, Doctor.full_name, Department.name,
                          A.scheduled_start, A.scheduled_end, A.status, A.visit_type,
                          A.is_emergency, A.copay_status, A.od_apt_num)
                .join(Patient, Patient.id == A.patient_id)
                .join(Doctor, Doctor.id == A.doctor_id)
                .join(Department, Department.id == A.department_id))

    def _read_one(self, actor: Actor, appointment_id: int) -> Booking:
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = ZoneInfo(self._tz(s, actor.hospital_id))
            row = s.execute(self._booking_select().where(
                A.id == appointment_id, A.hospital_id == actor.hospital_id)).one()
            return _booking(row, tz)


def _booking(r: Any, tz: ZoneInfo) -> Booking:
    (aid, version, pid, first, last, mrn, doc_id, doc_name, dept, start, end, status, visit,
     emergency, copay, od_apt) = r
    return Booking(aid, version, pid, f"{first} {last}", mrn, doc_id, doc_name, dept,
                   start.astimezone(tz), end.astimezone(tz) if end else None,
                   AppointmentStatus(status), VisitType(visit), emergency, CopayStatus(copay),
                   od_apt)


def _od_fields(od: _OdTarget, slot: Slot, reason: str | None, *,
               move_only: bool = False) -> dict[str, Any]:
    """OpenDental fields of a booking: the slot's length as a Pattern of 5-minute X's."""
    minutes = int((slot.end - slot.start).total_seconds() // 60)
    fields: dict[str, Any] = {"Pattern": "X" * max(1, minutes // 5)}
    if move_only:
        local = slot.start.astimezone(ZoneInfo(od.timezone)).replace(tzinfo=None)
        fields["AptDateTime"] = local
        fields["Op"] = od.op
    if od.prov_num:
        fields["ProvNum"] = od.prov_num
    if reason and not move_only:
        fields["Note"] = reason
    return fields
