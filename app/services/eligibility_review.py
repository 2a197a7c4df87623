"""Eligibility review: appointments with their eligibility payload, and an administrator's
override (seed 000 ``POST /appointments/:id/eligibility/override``), audited.

- :meth:`EligibilityReviewService.list`: appointments in a date range, by review status
  (eligible / not eligible / not checked / overridden), keyset paged by scheduled time;
- :meth:`EligibilityReviewService.override`: eligible or not eligible, with a mandatory
  reason; one transaction: the appointment (status, the override kept in its details with
  what it replaced), an insurance audit row (ELIGIBILITY_OVERRIDE, so it shows on the
  Insurance Audit page) and an activity row. The OpenDental coverage poller skips an
  overridden appointment (app/sync/opendental/eligibility.py); a new DHA check at the desk
  replaces it, as a fresh answer from the payer should.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from app.db.models import Appointment, Department, Doctor, Hospital, Patient
from app.domain.dates import check_day
from app.domain.eligibility_review import (
    LABELS,
    OVERRIDE_KEY,
    ReviewStatus,
    check_reason,
    describe_payload,
    review_status,
)
from app.domain.enums import AppointmentStatus, AuditAction, EligibilityStatus
from app.domain.errors import NotFound, ValidationError
from app.domain.messages import messages
from app.domain.roles import Permission
from app.services.changes import Changes
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.csv_export import ExportResult, write_atomically, write_keyset_pages
from app.services.tasks import NullState, TaskState
from app.services.unit_of_work import UowFactory, jsonable

M = messages(__name__)

__all__ = ["EligibilityCursor", "EligibilityPage", "EligibilityReviewRow",
           "EligibilityReviewService", "OverrideResult"]

A = Appointment
MAX_PAGE = 200
EXPORT_LIMIT = 10_000
# The export's columns (English: the billing office's spreadsheets and scripts read them).
CSV_COLUMNS = ["Appointment ID", "Scheduled", "Patient", "MRN", "Doctor", "Department",
               "Visit status", "Eligibility", "Source", "Checked at", "Overridden by",
               "Override reason", "Payload"]
_OVERRIDDEN = A.eligibility_details.has_key(OVERRIDE_KEY)  # JSONB "?" operator


@dataclass(frozen=True)
class EligibilityReviewRow:
    appointment_id: int
    scheduled_start: dt.datetime  # hospital local time
    appointment_date: dt.date
    status: AppointmentStatus
    patient_id: int
    patient_name: str
    mrn: str
    doctor: str
    department: str
    eligibility: EligibilityStatus
    review: ReviewStatus
    checked_at: dt.datetime | None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def review_label(self) -> str:
        return LABELS[self.review]

    @property
    def source(self) -> str:
        d = self.details
        return str(d.get("data_source") or d.get("source") or "")

    @property
    def override(self) -> dict[str, Any] | None:
        ov = self.details.get(OVERRIDE_KEY)
        return ov if isinstance(ov, dict) else None

    def payload_lines(self) -> list[tuple[str, str]]:
        return describe_payload(self.details)

    @property
    def cursor(self) -> EligibilityCursor:
        """Where the next keyset page starts (the export pages with it)."""
        return EligibilityCursor(self.scheduled_start.astimezone(dt.UTC), self.appointment_id,
                                 self.appointment_date)


@dataclass(frozen=True)
class EligibilityCursor:
    """Keyset position: the (day, start, id) of the last row of a page."""

    scheduled_start: dt.datetime
    id: int
    appointment_date: dt.date = dt.date.min


@dataclass(frozen=True)
class EligibilityPage:
    rows: list[EligibilityReviewRow]
    next_cursor: EligibilityCursor | None


@dataclass(frozen=True)
class OverrideResult:
    row: EligibilityReviewRow
    changes: Changes


def _status_filter(status: ReviewStatus) -> sa.ColumnElement[bool]:
    if status is ReviewStatus.OVERRIDDEN:
        return _OVERRIDDEN
    want = {ReviewStatus.ELIGIBLE: EligibilityStatus.APPROVED,
            ReviewStatus.NOT_ELIGIBLE: EligibilityStatus.REJECTED,
            ReviewStatus.NOT_CHECKED: EligibilityStatus.PENDING}[status]
    return sa.and_(A.eligibility_status == want, sa.not_(_OVERRIDDEN))


class EligibilityReviewService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    def list(self, actor: Actor, *, date_from: dt.date, date_to: dt.date,
             status: ReviewStatus | None = None, page_size: int = 50,
             after: EligibilityCursor | None = None) -> EligibilityPage:
        """Appointments from ``date_from`` to ``date_to`` (visit days, inclusive), day by day
        and earliest first in a day; pass ``next_cursor`` back as ``after``."""
        actor.require(Permission.VIEW_CLAIMS)
        date_from = check_day(date_from, "The start date")
        date_to = check_day(date_to, "The end date")
        if date_from is None or date_to is None:
            raise ValidationError(M("choose_first_last_day",
                                    "Choose the first and the last day of the appointments."))
        if date_from > date_to:
            raise ValidationError(M("date_range_ends_before",
                                    "The date range ends before it starts; swap the dates."))
        if (date_to - date_from).days > 366:
            raise ValidationError(M("choose_most_year_appointments",
                                    "Choose at most a year of appointments at a time."))
        if status is not None:
            try:
                status = ReviewStatus(status)
            except ValueError:
                raise ValidationError(M("unknown_eligibility_status",
                                        "Unknown eligibility status {status}.",
                                        status=repr(status))) from None
        page_size = max(1, min(int(page_size), MAX_PAGE))
        where: list[Any] = [A.hospital_id == actor.hospital_id,
                            A.appointment_date.between(date_from, date_to)]
        if status is not None:
            where.append(_status_filter(status))
        if after is not None:
            where.append(sa.tuple_(A.appointment_date, A.scheduled_start, A.id)
                         > (after.appointment_date, after.scheduled_start, after.id))
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = _tz(s, actor)
            # Day by day, each by time: the order of the 0014 indexes (ix_appointments_review_
            # page and its status and override variants), so a page is an index range scan
            # that stops after page_size + 1 rows instead of a sort of the whole range (a
            # year at clinic scale: ~330,000 appointments, 4-6 s).
            stmt = (self._select().where(*where)
                    .order_by(A.appointment_date, A.scheduled_start, A.id)
                    .limit(page_size + 1))
            rows = [_row(r, tz) for r in s.execute(stmt)]
        more = len(rows) > page_size
        rows = rows[:page_size]
        cursor = rows[-1].cursor if more else None
        return EligibilityPage(rows, cursor)

    def override(self, actor: Actor, appointment_id: int, *, eligible: bool,
                 reason: str) -> OverrideResult:
        """Set the appointment eligible or not eligible, whatever the last check said."""
        actor.require(Permission.OVERRIDE_ELIGIBILITY)
        if not isinstance(eligible, bool):
            raise ValidationError(M("choose_eligible_not_eligible",
                                    "Choose eligible or not eligible."))
        reason = check_reason(reason)
        with self._uow(actor) as uow:
            s = uow.session
            appt = s.scalars(sa.select(A).where(A.id == appointment_id,
                                                A.hospital_id == actor.hospital_id)
                             .with_for_update()).one_or_none()
            if appt is None:
                raise NotFound(M("appointment_not_found_hospital",
                                 "That appointment was not found at this hospital."))
            now = self._clock().astimezone(_tz(s, actor))  # shown as the hospital's time
            details = dict(appt.eligibility_details or {})
            before = {"eligibility_status": appt.eligibility_status,
                      "review": review_status(appt.eligibility_status, details),
                      "override": details.get(OVERRIDE_KEY)}
            new_status = EligibilityStatus.APPROVED if eligible else EligibilityStatus.REJECTED
            previous_override = details.get(OVERRIDE_KEY)
            details[OVERRIDE_KEY] = jsonable({
                "eligible": eligible, "reason": reason, "by": actor.user_id,
                "by_name": actor.full_name, "at": now.isoformat(timespec="seconds"),
                # What the override replaced: the status the last check gave, kept across
                # repeated overrides so the list can say what the payer's answer was.
                "previous_status": (previous_override or {}).get("previous_status")
                or EligibilityStatus(appt.eligibility_status).value,
            })
            appt.eligibility_status = new_status
            appt.eligibility_details = details
            appt.version += 1
            after = {"eligibility_status": new_status, "eligible": eligible,
                     "override": details[OVERRIDE_KEY]}
            audit = uow.audit(actor, AuditAction.ELIGIBILITY_OVERRIDE,
                              patient_id=appt.patient_id, appointment_id=appt.id,
                              previous=before, new=after, reason=reason)
            uow.activity(actor, AuditAction.ELIGIBILITY_OVERRIDE.value, "appointment", appt.id,
                         {"previous": before, "new": after, "reason": reason})
            s.flush()
            changes = Changes.of(appointments={appt.id},
                                 insurance_verification_audits={audit.id})
            uow.commit()
            tz = _tz(s, actor)
            row = s.execute(self._select().where(A.id == appointment_id)).one()
            return OverrideResult(_row(row, tz), changes)

    def export_csv(self, actor: Actor, path: str | os.PathLike, *, date_from: dt.date,
                   date_to: dt.date, status: ReviewStatus | None = None,
                   state: TaskState | None = None) -> ExportResult:
        """The appointments the list shows for these filters (up to 10,000, earliest first)
        with their eligibility in words, through the one formula-safe CSV writer
        (app/services/csv_export.py); the file appears only once complete. Long task."""
        actor.require(Permission.VIEW_CLAIMS)
        self.list(actor, date_from=date_from, date_to=date_to, status=status, page_size=1)
        state = state or NullState()
        truncated = False

        def write(writer: Any) -> int | None:
            nonlocal truncated
            done = write_keyset_pages(
                writer, lambda after, n: self.list(
                    actor, date_from=date_from, date_to=date_to, status=status,
                    page_size=n, after=after).rows,
                _csv_cells, state, limit=EXPORT_LIMIT, batch=MAX_PAGE)
            if done is None:
                return None
            written, truncated = done
            return written

        target = Path(path)
        written = write_atomically(target, CSV_COLUMNS, write)
        if written is None:
            return ExportResult(target, 0, cancelled=True)
        state.progress(1.0)
        with self._uow(actor) as uow:  # exporting patient data is itself worth a log line
            uow.activity(actor, "ELIGIBILITY_EXPORTED", "appointments", None, {
                "date_from": date_from.isoformat(), "date_to": date_to.isoformat(),
                "status": status.value if status else None, "rows": written,
                "truncated": truncated, "file": target.name})
            uow.commit()
        return ExportResult(target, written, truncated=truncated)

    @staticmethod
    def _select() -> sa.Select:
        return (sa.select(A.id, A.scheduled_start, A.appointment_date, A.status, A.patient_id,
                          (Patient.first_name + " " + Patient.last_name).label("patient_name"),
                          Patient.mrn, Doctor.full_name.label("doctor"),
                          Department.name.label("department"), A.eligibility_status,
                          A.eligibility_details, A.eligibility_checked_at)
                .join(Patient, Patient.id == A.patient_id)
                .join(Doctor, Doctor.id == A.doctor_id)
                .join(Department, Department.id == A.department_id))


def _csv_cells(r: EligibilityReviewRow) -> list[object]:
    ov = r.override or {}
    return [r.appointment_id, r.scheduled_start.strftime("%Y-%m-%d %H:%M"), r.patient_name,
            r.mrn, r.doctor, r.department, r.status.value, r.review_label, r.source,
            r.checked_at.strftime("%Y-%m-%d %H:%M") if r.checked_at else "",
            ov.get("by_name") or "", ov.get("reason") or "",
            "; ".join(f"{k}: {v}" for k, v in r.payload_lines())]


def _tz(s: Any, actor: Actor) -> ZoneInfo:
    name = s.scalar(sa.select(Hospital.timezone).where(Hospital.id == actor.hospital_id))
    if name is None:
        raise NotFound(M("workstation_hospital_no_longer",
                         "This workstation's hospital no longer exists."))
    return ZoneInfo(name)


def _row(r: Any, tz: ZoneInfo) -> EligibilityReviewRow:
    details = dict(r.eligibility_details or {})
    status = EligibilityStatus(r.eligibility_status)
    return EligibilityReviewRow(
        appointment_id=r.id, scheduled_start=r.scheduled_start.astimezone(tz),
        appointment_date=r.appointment_date, status=AppointmentStatus(r.status),
        patient_id=r.patient_id, patient_name=r.patient_name, mrn=r.mrn, doctor=r.doctor,
        department=r.department, eligibility=status, review=review_status(status, details),
        checked_at=r.eligibility_checked_at.astimezone(tz) if r.eligibility_checked_at
        else None, details=details)

