"""Insurance claims kept in step with OpenDental (seed 000 §5–6).

The desk (accountants and administrators: VIEW_CLAIMS / MANAGE_CLAIMS):
- :meth:`ClaimService.draft_from_appointment`: a NOT_SUBMITTED claim from a completed
  OpenDental appointment's completed procedures (``od_procedures``);
- :meth:`ClaimService.submit`: ``POST /claims`` with the procedures, then the status PUT to
  W (waiting to send), both read back by the client; the claim becomes SUBMITTED;
- :meth:`ClaimService.resubmit`: after a rejection, ``PUT /claims`` (note) and
  ``PUT /claimprocs`` (per-procedure corrections), then W again.

The claim status poller (app/sync/opendental/claims.py) writes what OpenDental reports
through :func:`apply_claim_rows`. Every status change is a ``claim_status_history`` row and an
activity-log entry. The status mapping is the one table in app/domain/claim_status.py.

Network calls never run inside a database transaction: each call reads (short transaction),
talks to OpenDental, then writes everything in one transaction. If OpenDental accepted a
claim but the final write failed, the claim status poller brings OpenDental's claim in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import (
    Appointment,
    Claim,
    ClaimProcedure,
    ClaimStatusChange,
    InsurancePayment,
    OdCoverage,
    OdProcedure,
    OpenDentalConnection,
    Patient,
)
from app.domain.claim_status import LABELS, opendental_status, seed_status
from app.domain.enums import ClaimStatus
from app.domain.errors import Conflict, DomainError, NotFound, SessionEnded, ValidationError
from app.domain.messages import messages
from app.domain.money import ZERO, q
from app.domain.roles import Permission
from app.integrations.opendental import wire
from app.services import claim_list
from app.services.changes import Changes
from app.services.claim_list import (
    BulkFailure,
    BulkSubmitResult,
    ClaimCursor,
    ClaimFilterOptions,
    ClaimFilters,
    ClaimPage,
)
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.csv_export import ExportResult, write_atomically, write_keyset_pages
from app.services.message_text import MsgText
from app.services.tasks import NullState, TaskState
from app.services.unit_of_work import UowFactory

M = messages(__name__)
if TYPE_CHECKING:
    from app.services.audit import PatientIds

EXPORT_LIMIT = 50_000
EXPORT_BATCH = 1_000
BULK_LIMIT = 500  # drafts one bulk submit takes on; the rest wait for the next run

COMPLETED_PROC = "C"  # OpenDental ProcStatus of a completed procedure (sandbox: "C")


@dataclass(frozen=True)
class ClaimLine:
    od_proc_num: int
    code: str
    description: str | None
    proc_date: dt.date | None
    fee_billed: Decimal
    ins_pay_amt: Decimal
    status: str | None
    remarks: str | None
    ins_pay_est: Decimal = ZERO
    write_off: Decimal = ZERO
    ded_applied: Decimal = ZERO


@dataclass(frozen=True)
class ClaimHistoryRow:
    at: dt.datetime
    from_status: ClaimStatus | None
    to_status: ClaimStatus
    od_claim_status: str | None
    reason: str | None
    source: str


@dataclass(frozen=True)
class ClaimView:
    id: int
    patient_id: int
    patient_name: str
    appointment_id: int | None
    connection_id: int | None
    claim_num: int | None
    status: ClaimStatus
    od_claim_status: str | None
    od_status_label: str | None
    amount_billed: Decimal
    amount_approved: Decimal | None
    rejection_reason: str | None
    date_sent: dt.date | None
    date_received: dt.date | None
    lines: tuple[ClaimLine, ...] = ()
    history: tuple[ClaimHistoryRow, ...] = ()
    # The detail (get) fills these in; the short list leaves them empty.
    notes: str | None = None
    patient_mrn: str | None = None
    payer: str | None = None
    clinic: str | None = None
    date_service: dt.date | None = None
    paid: Decimal = ZERO  # insurance payments posted against the claim

    @property
    def estimated(self) -> Decimal:
        return sum((line.ins_pay_est for line in self.lines), ZERO)

    @property
    def write_off(self) -> Decimal:
        return sum((line.write_off for line in self.lines), ZERO)


@dataclass(frozen=True)
class ClaimCorrection:
    """What the desk changes before resubmitting: the claim note, and per OpenDental
    ProcNum the claimproc fields to correct (wire names, e.g. {"Remarks": "...",
    "CodeSent": "D1110"})."""

    note: str | None = None
    procedures: dict[int, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class ClaimResult:
    claim: ClaimView
    changes: Changes


# ------------------------------------------------------------------ writes from OpenDental
@dataclass(frozen=True)
class ClaimChange:
    claim_id: int
    claim_num: int
    before: ClaimStatus | None
    after: ClaimStatus


_UPSERT_CLAIMS = sa.text("""
INSERT INTO claims (hospital_id, patient_id, external_claim_id, connection_id, status,
                    od_claim_status, od_plan_num, amount_billed, amount_approved,
                    rejection_reason, date_service, date_sent, date_received, last_polled_at,
                    write_off, ded_applied, appointment_id)
SELECT :hid, u.patient_id, u.num, :cid, u.status, u.od, NULLIF(u.plan, 0), u.billed,
       u.approved, NULLIF(u.reason, ''), u.dos, u.sent, u.received, now(), u.woff, u.ded,
       -- 0011: the visit the claim is for, so reconciliation can set the insurer's patient
       -- portion against the copay collected: the patient's one appointment from the same
       -- OpenDental on the date of service (none, or several: left unlinked).
       (SELECT min(a.id) FROM appointments a
         WHERE a.od_connection_id = :cid AND a.patient_id = u.patient_id
           AND a.appointment_date = u.dos HAVING count(*) = 1)
  FROM unnest(CAST(:patient_id AS bigint[]), CAST(:num AS bigint[]), CAST(:status AS text[]),
              CAST(:od AS text[]), CAST(:plan AS bigint[]), CAST(:billed AS numeric[]),
              CAST(:approved AS numeric[]), CAST(:reason AS text[]), CAST(:dos AS date[]),
              CAST(:sent AS date[]), CAST(:received AS date[]), CAST(:woff AS numeric[]),
              CAST(:ded AS numeric[]))
       AS u(patient_id, num, status, od, plan, billed, approved, reason, dos, sent, received,
            woff, ded)
ON CONFLICT (connection_id, external_claim_id) DO UPDATE SET
    status = EXCLUDED.status, od_claim_status = EXCLUDED.od_claim_status,
    od_plan_num = EXCLUDED.od_plan_num, amount_billed = EXCLUDED.amount_billed,
    amount_approved = EXCLUDED.amount_approved,
    rejection_reason = COALESCE(EXCLUDED.rejection_reason, claims.rejection_reason),
    date_service = EXCLUDED.date_service, date_sent = EXCLUDED.date_sent,
    date_received = EXCLUDED.date_received, last_polled_at = now(), updated_at = now(),
    write_off = EXCLUDED.write_off, ded_applied = EXCLUDED.ded_applied,
    appointment_id = COALESCE(claims.appointment_id, EXCLUDED.appointment_id)
WHERE (claims.status, claims.od_claim_status, claims.amount_billed, claims.amount_approved,
       claims.date_sent, claims.date_received, claims.rejection_reason, claims.write_off,
       claims.ded_applied, claims.appointment_id)
      IS DISTINCT FROM
      (EXCLUDED.status, EXCLUDED.od_claim_status, EXCLUDED.amount_billed,
       EXCLUDED.amount_approved, EXCLUDED.date_sent, EXCLUDED.date_received,
       COALESCE(EXCLUDED.rejection_reason, claims.rejection_reason), EXCLUDED.write_off,
       EXCLUDED.ded_applied, COALESCE(claims.appointment_id, EXCLUDED.appointment_id))
RETURNING id, external_claim_id, status
""")


def denial_reason(c: wire.Claim) -> str:
    return (c.reason_under_paid or "").strip()


def apply_claim_rows(s: Session, hospital_id: int, connection_id: int,
                     claims: Sequence[wire.Claim], *, patient_ids: dict[int, int],
                     source: str = "SYNC", user_id: int | None = None) -> list[ClaimChange]:
    """Upsert OpenDental claims; a status change writes a history row. Returns the claims
    written (new or changed) with their status before and after."""
    if not claims:
        return []
    nums = [c.claim_num for c in claims]
    before = {int(n): ClaimStatus(st) for n, st in s.execute(sa.text(
        "SELECT external_claim_id, status FROM claims "
        "WHERE connection_id = :cid AND external_claim_id = ANY(CAST(:n AS bigint[]))"),
        {"cid": connection_id, "n": nums}).all()}
    cols: dict[str, list[Any]] = {k: [] for k in (
        "patient_id", "num", "status", "od", "plan", "billed", "approved", "reason", "dos",
        "sent", "received", "woff", "ded")}
    for c in claims:
        status = seed_status(c.claim_status.value, ins_pay_amt=c.ins_pay_amt,
                             denial_reason=denial_reason(c),
                             paid=before.get(c.claim_num) is ClaimStatus.PAID)
        cols["patient_id"].append(patient_ids[c.pat_num])
        cols["num"].append(c.claim_num)
        cols["status"].append(status.value)
        cols["od"].append(c.claim_status.value)
        cols["plan"].append(c.plan_num)
        cols["billed"].append(q(c.claim_fee or ZERO))
        cols["approved"].append(q(c.ins_pay_amt) if c.claim_status is wire.ClaimStatus.RECEIVED
                                and c.ins_pay_amt is not None else None)
        cols["reason"].append(denial_reason(c) if status is ClaimStatus.REJECTED else "")
        cols["dos"].append(c.date_service)
        cols["sent"].append(c.date_sent)
        cols["received"].append(c.date_received)
        cols["woff"].append(q(c.write_off or ZERO))
        cols["ded"].append(q(c.ded_applied or ZERO))
    rows = s.execute(_UPSERT_CLAIMS, {"hid": hospital_id, "cid": connection_id, **cols}).all()
    od_of = {c.claim_num: c for c in claims}
    changes = [ClaimChange(int(r.id), int(r.external_claim_id),
                           before.get(int(r.external_claim_id)),
                           ClaimStatus(r.status)) for r in rows]
    moved = [c for c in changes if c.before is not c.after]
    if moved:
        s.execute(sa.insert(ClaimStatusChange), [
            {"claim_id": c.claim_id, "from_status": c.before, "to_status": c.after,
             "od_claim_status": od_of[c.claim_num].claim_status.value,
             "reason": (denial_reason(od_of[c.claim_num]) or None)
             if c.after is ClaimStatus.REJECTED else None,
             "source": source, "user_id": user_id} for c in moved])
    return changes


# ----------------------------------------------------------------------------- service
class ClaimService:
    def __init__(self, uow: UowFactory, clients: Callable[[Any], Any] | None = None,
                 clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clients = clients
        self._clock = clock

    # -- reads --
    def list_claims(self, actor: Actor, status: ClaimStatus | None = None,
                    limit: int = 200) -> list[ClaimView]:
        actor.require(Permission.VIEW_CLAIMS)
        with self._uow(actor, read_only=True) as uow:
            stmt = (sa.select(Claim, Patient).join(Patient, Patient.id == Claim.patient_id)
                    .where(Claim.hospital_id == actor.hospital_id)
                    .order_by(Claim.updated_at.desc(), Claim.id.desc()).limit(limit))
            if status is not None:
                stmt = stmt.where(Claim.status == status)
            return [_view(c, p) for c, p in uow.session.execute(stmt).all()]

    def get(self, actor: Actor, claim_id: int) -> ClaimView:
        actor.require(Permission.VIEW_CLAIMS)
        with self._uow(actor, read_only=True) as uow:
            return self._detail(uow.session, actor, claim_id)

    # -- desk actions --
    def draft_from_appointment(self, actor: Actor, appointment_id: int) -> ClaimResult:
        actor.require(Permission.MANAGE_CLAIMS)
        with self._uow(actor) as uow:
            s = uow.session
            appt = s.get(Appointment, appointment_id, with_for_update=True)
            if appt is None or appt.hospital_id != actor.hospital_id:
                raise NotFound(M("appointment_not_found", "Appointment not found."))
            if appt.od_connection_id is None:
                raise ValidationError(M("appointments_synchronised_opendental_claimed",
                                        "Only appointments synchronised from OpenDental can be "
                                        "claimed through OpenDental."))
            if appt.od_apt_status != "Complete":
                raise ValidationError(M("claim_drafted_completed_appointment",
                                        "A claim is drafted from a completed appointment; "
                                        "OpenDental says this one is {od_apt_status}.",
                                        od_apt_status=appt.od_apt_status))
            open_claim = s.scalar(sa.select(Claim.id).where(
                Claim.appointment_id == appt.id, Claim.status != ClaimStatus.REJECTED))
            if open_claim is not None:
                raise Conflict(M("appointment_already_claim",
                                 "This appointment already has claim #{open_claim}.",
                                 open_claim=open_claim),
                               claim_id=open_claim)
            # By OpenDental's AptNum: a procedure may have arrived before its appointment.
            procs = s.scalars(sa.select(OdProcedure).where(
                OdProcedure.connection_id == appt.od_connection_id,
                OdProcedure.apt_num == appt.od_apt_num,
                OdProcedure.proc_status == COMPLETED_PROC).order_by(OdProcedure.proc_num)).all()
            if not procs:
                raise ValidationError(M("opendental_lists_no_completed",
                                        "OpenDental lists no completed procedures for this "
                                        "appointment yet; the completed-appointments poller "
                                        "brings them within 10 minutes."))
            total = sum((q(p.proc_fee) for p in procs), ZERO)
            claim = Claim(hospital_id=actor.hospital_id, patient_id=appt.patient_id,
                          appointment_id=appt.id, connection_id=appt.od_connection_id,
                          status=ClaimStatus.NOT_SUBMITTED, amount_billed=total, details={},
                          date_service=appt.appointment_date)
            s.add(claim)
            s.flush()
            s.add_all(ClaimProcedure(claim_id=claim.id, procedure_id=p.id,
                                     od_proc_num=p.proc_num, code=p.code,
                                     description=p.description, proc_date=p.proc_date,
                                     fee_billed=q(p.proc_fee)) for p in procs)
            self._history(s, claim.id, None, ClaimStatus.NOT_SUBMITTED, None, None, actor)
            uow.activity(actor, "CLAIM_DRAFTED", "claim", claim.id, {
                "appointment_id": appt.id, "amount_billed": total,
                "procedures": [p.proc_num for p in procs]})
            uow.commit()
            view = self._detail(s, actor, claim.id)
        return ClaimResult(view, Changes.of(claims={view.id}))

    def submit(self, actor: Actor, claim_id: int) -> ClaimResult:
        """POST /claims, then the status PUT to W; the claim becomes SUBMITTED."""
        actor.require(Permission.MANAGE_CLAIMS)
        with self._uow(actor, read_only=True) as uow:
            claim = self._claim(uow.session, actor, claim_id)
            if claim.status is not ClaimStatus.NOT_SUBMITTED or claim.external_claim_id:
                raise Conflict(M("claim_draft_submitted",
                                 "Claim #{id} is {status}; only a draft is submitted.",
                                 id=claim.id, status=claim.status.value))
            proc_nums = list(uow.session.scalars(sa.select(ClaimProcedure.od_proc_num).where(
                ClaimProcedure.claim_id == claim.id)))
            connection_id = claim.connection_id
        today = self._clock().date()
        with self._client(connection_id) as od:
            created = od.create_claim(proc_nums, claim_type="P")
            sent = od.set_claim_status(created.claim_num, opendental_status(
                ClaimStatus.SUBMITTED), date_sent=today)
            claimprocs = od.list_claimprocs(claim_num=created.claim_num).items
        with self._uow(actor) as uow:
            s = uow.session
            claim = self._claim(s, actor, claim_id, lock=True)
            if claim.status is not ClaimStatus.NOT_SUBMITTED:
                raise Conflict(M("claim_changed_while_being",
                                 "Claim #{id} changed while it was being submitted.",
                                 id=claim.id))
            claim.external_claim_id = sent.claim_num
            claim.od_claim_status = sent.claim_status.value
            claim.od_plan_num = sent.plan_num or None
            claim.date_sent = sent.date_sent or today
            claim.status = seed_status(sent.claim_status.value)
            claim.last_polled_at = self._clock()
            self._link_claimprocs(s, claim.id, claimprocs)
            self._history(s, claim.id, ClaimStatus.NOT_SUBMITTED, claim.status,
                          sent.claim_status.value, None, actor)
            uow.activity(actor, "CLAIM_SUBMITTED", "claim", claim.id, {
                "claim_num": sent.claim_num, "od_claim_status": sent.claim_status.value,
                "procedures": proc_nums})
            uow.commit()
            view = self._detail(s, actor, claim_id)
        return ClaimResult(view, Changes.of(claims={claim_id}))

    def resubmit(self, actor: Actor, claim_id: int, correction: ClaimCorrection) -> ClaimResult:
        """A rejected claim, corrected (PUT /claims, PUT /claimprocs) and sent again (W)."""
        actor.require(Permission.MANAGE_CLAIMS)
        if not correction.note and not correction.procedures:
            raise ValidationError(M("say_what_corrected_claim",
                                    "Say what was corrected: a claim note or a procedure change."))
        with self._uow(actor, read_only=True) as uow:
            claim = self._claim(uow.session, actor, claim_id)
            if claim.status is not ClaimStatus.REJECTED or not claim.external_claim_id:
                raise Conflict(M("claim_rejected_claim_corrected",
                                 "Claim #{id} is {status}; only a rejected claim is corrected and "
                                 "resubmitted.",
                                 id=claim.id, status=claim.status.value))
            by_proc = {cp.od_proc_num: cp.od_claim_proc_num for cp in uow.session.scalars(
                sa.select(ClaimProcedure).where(ClaimProcedure.claim_id == claim.id))}
            claim_num, connection_id = claim.external_claim_id, claim.connection_id
        unknown = [n for n in correction.procedures if n not in by_proc]
        if unknown:
            raise ValidationError(M("procedure_not_claim",
                                    "Procedure(s) {unknown} are not on claim #{claim_id}.",
                                    unknown=unknown, claim_id=claim_id))
        today = self._clock().date()
        with self._client(connection_id) as od:
            if correction.note:
                od.update_claim(claim_num, {"ClaimNote": correction.note})
            claimprocs = od.list_claimprocs(claim_num=claim_num).items
            proc_to_cp = {cp.proc_num: cp.claim_proc_num for cp in claimprocs}
            for proc_num, fields in correction.procedures.items():
                cp_num = by_proc.get(proc_num) or proc_to_cp.get(proc_num)
                if not cp_num:
                    raise Conflict(M("opendental_no_claimproc_procedure",
                                     "OpenDental has no claimproc for procedure {proc_num} on "
                                     "claim {claim_num}.",
                                     proc_num=proc_num, claim_num=claim_num))
                od.update_claimproc(cp_num, fields, claim_num=claim_num)
            sent = od.set_claim_status(claim_num, opendental_status(ClaimStatus.SUBMITTED),
                                       date_sent=today)
            claimprocs = od.list_claimprocs(claim_num=claim_num).items
        with self._uow(actor) as uow:
            s = uow.session
            claim = self._claim(s, actor, claim_id, lock=True)
            before = claim.status
            claim.od_claim_status = sent.claim_status.value
            claim.status = seed_status(sent.claim_status.value)
            claim.date_sent = sent.date_sent or today
            claim.notes = correction.note or claim.notes
            claim.last_polled_at = self._clock()
            self._link_claimprocs(s, claim.id, claimprocs)
            self._history(s, claim.id, before, claim.status, sent.claim_status.value,
                          correction.note, actor)
            uow.activity(actor, "CLAIM_RESUBMITTED", "claim", claim.id, {
                "claim_num": claim_num, "note": correction.note,
                "procedures": {str(k): v for k, v in correction.procedures.items()},
                "previous_rejection": claim.rejection_reason})
            uow.commit()
            view = self._detail(s, actor, claim_id)
        return ClaimResult(view, Changes.of(claims={claim_id}))

    # -- the Claims & Payments page --
    def page(self, actor: Actor, filters: ClaimFilters | None = None,
             after: ClaimCursor | None = None, limit: int = 50) -> ClaimPage:
        """One keyset page of claims, newest date of service first (app/services/claim_list.py);
        pass ``next_cursor`` back as ``after``."""
        actor.require(Permission.VIEW_CLAIMS)
        filters = filters or ClaimFilters()
        filters.validate()
        limit = max(1, min(int(limit), claim_list.MAX_PAGE))
        with self._uow(actor, read_only=not filters.patient) as uow:
            s = uow.session
            rows = claim_list.fetch_rows(s, actor.hospital_id, filters, after, limit + 1,
                                         self._patients(s, actor, filters))
        more = len(rows) > limit
        rows = rows[:limit]
        return ClaimPage(rows, rows[-1].cursor if more and rows else None)

    def filter_options(self, actor: Actor) -> ClaimFilterOptions:
        """The payers and clinics the filter bar offers."""
        actor.require(Permission.VIEW_CLAIMS)
        with self._uow(actor, read_only=True) as uow:
            return claim_list.filter_options(uow.session, actor.hospital_id)

    def ready_claims(self, actor: Actor, filters: ClaimFilters | None = None) -> list[int]:
        """Drafts ready to submit (NOT_SUBMITTED, never sent) matching ``filters`` (their
        status is ignored), oldest first, at most 500."""
        actor.require(Permission.MANAGE_CLAIMS)
        filters = dataclasses.replace(filters or ClaimFilters(),
                                      status=ClaimStatus.NOT_SUBMITTED)
        filters.validate()
        with self._uow(actor, read_only=not filters.patient) as uow:
            s = uow.session
            rows = claim_list.fetch_rows(s, actor.hospital_id, filters, None, BULK_LIMIT,
                                         self._patients(s, actor, filters))
        return [r.id for r in reversed(rows) if r.claim_num is None]

    def bulk_submit(self, actor: Actor, claim_ids: Sequence[int],
                    state: TaskState | None = None) -> BulkSubmitResult:
        """Submit each claim in turn, each on its own (:meth:`submit`: its own transactions),
        so one refusal does not undo the others. Long task: ``state.progress`` after every
        claim, ``state.cancelled()`` checked between claims. A summary goes to the
        activity log."""
        actor.require(Permission.MANAGE_CLAIMS)
        ids = list(dict.fromkeys(int(i) for i in claim_ids))
        if not ids:
            raise ValidationError(M("no_draft_claims_submit", "No draft claims to submit."))
        if len(ids) > BULK_LIMIT:
            raise ValidationError(M("submit_most_claims_time",
                                    "Submit at most {limit} claims at a time.",
                                    limit=BULK_LIMIT))
        state = state or NullState()
        state.progress(0.0)
        done: list[int] = []
        failures: list[BulkFailure] = []
        cancelled = False
        for n, claim_id in enumerate(ids, start=1):
            if state.cancelled():
                cancelled = True
                break
            try:
                self.submit(actor, claim_id)
                done.append(claim_id)
            except SessionEnded:
                raise  # the desk is signed out: stop, and go back to sign-in
            except DomainError as exc:
                failures.append(BulkFailure(claim_id, self._patient_of(actor, claim_id),
                                            MsgText(exc.msg)))
            state.progress(n / len(ids))
        with self._uow(actor) as uow:
            uow.activity(actor, "CLAIMS_BULK_SUBMITTED", "claim", None, {
                "submitted": done, "failed": {str(f.claim_id): f.message for f in failures},
                "cancelled": cancelled, "asked": len(ids)})
            uow.commit()
        return BulkSubmitResult(tuple(done), tuple(failures), cancelled,
                                Changes.of(claims=set(done)))

    def export_csv(self, actor: Actor, filters: ClaimFilters | None, path: str | os.PathLike,
                   state: TaskState | None = None) -> ExportResult:
        """Up to 50,000 matching claims to ``path`` (UTF-8 CSV, formula-safe cells, the file
        appears only once complete: app/services/csv_export.py), in the page's order."""
        actor.require(Permission.VIEW_CLAIMS)
        filters = filters or ClaimFilters()
        filters.validate()
        state = state or NullState()
        truncated = False

        def write(writer: Any) -> int | None:
            nonlocal truncated
            with self._uow(actor, read_only=not filters.patient) as uow:
                s = uow.session
                pids = self._patients(s, actor, filters)
                done = write_keyset_pages(
                    writer, lambda after, n: claim_list.fetch_rows(
                        s, actor.hospital_id, filters, after, n, pids),
                    claim_list.csv_values, state, limit=EXPORT_LIMIT, batch=EXPORT_BATCH)
            if done is None:
                return None
            written, truncated = done
            return written

        written = write_atomically(path, claim_list.CSV_COLUMNS, write)
        target = Path(path)
        if written is None:
            return ExportResult(target, 0, cancelled=True)
        state.progress(1.0)
        with self._uow(actor) as uow:  # exporting patient data is itself worth a log line
            uow.activity(actor, "CLAIMS_EXPORTED", "claim", None, {
                "filters": filters.describe(), "rows": written, "truncated": truncated,
                "file": target.name})
            uow.commit()
        return ExportResult(target, written, truncated=truncated)

    # -- helpers --
    @staticmethod
    def _patients(s: Session, actor: Actor, filters: ClaimFilters) -> PatientIds | None:
        from app.services.audit import _patient_ids  # one meaning of "name or MRN" everywhere

        if not filters.patient:
            return None
        # _patient_ids forces custom plans for the rest of the transaction (the page query
        # must be planned for these ids): with a patient filter these reads are not
        # read-only (autocommit) units of work, as SET LOCAL needs a transaction.
        return _patient_ids(s, actor.hospital_id, filters.patient)

    def _patient_of(self, actor: Actor, claim_id: int) -> str:
        with self._uow(actor, read_only=True) as uow:
            name = uow.session.scalar(
                sa.select(Patient.first_name + " " + Patient.last_name)
                .join(Claim, Claim.patient_id == Patient.id)
                .where(Claim.id == claim_id, Claim.hospital_id == actor.hospital_id))
        return name or ""

    def _client(self, connection_id: int | None) -> Any:
        from app.sync.opendental.connections import connection_info

        if self._clients is None:
            raise ValidationError(M("opendental_not_set_up",
                                    "OpenDental is not set up on this workstation."))
        info = connection_info(self._uow, connection_id) if connection_id else None
        if info is None:
            raise ValidationError(M("claim_opendental_connection_removed",
                                    "The claim's OpenDental connection was removed."))
        return self._clients(info)

    @staticmethod
    def _claim(s: Session, actor: Actor, claim_id: int, lock: bool = False) -> Claim:
        claim = s.get(Claim, claim_id, with_for_update=lock)
        if claim is None or claim.hospital_id != actor.hospital_id:
            raise NotFound(M("claim_not_found", "Claim not found."))
        return claim

    @staticmethod
    def _link_claimprocs(s: Session, claim_id: int, claimprocs: Sequence[wire.ClaimProc]) -> None:
        for cp in claimprocs:
            s.execute(sa.update(ClaimProcedure).where(
                ClaimProcedure.claim_id == claim_id,
                ClaimProcedure.od_proc_num == cp.proc_num).values(
                od_claim_proc_num=cp.claim_proc_num, status=cp.status[:20] or None,
                ins_pay_est=q(cp.ins_pay_est or ZERO), ins_pay_amt=q(cp.ins_pay_amt or ZERO),
                remarks=cp.remarks or None))

    @staticmethod
    def _history(s: Session, claim_id: int, before: ClaimStatus | None, after: ClaimStatus,
                 od_status: str | None, reason: str | None, actor: Actor) -> None:
        s.add(ClaimStatusChange(claim_id=claim_id, from_status=before, to_status=after,
                                od_claim_status=od_status, reason=reason, source="DESK",
                                user_id=actor.user_id))

    def _detail(self, s: Session, actor: Actor, claim_id: int) -> ClaimView:
        claim = self._claim(s, actor, claim_id)
        patient = s.get(Patient, claim.patient_id)
        lines = tuple(ClaimLine(cp.od_proc_num, cp.code, cp.description, cp.proc_date,
                                cp.fee_billed, cp.ins_pay_amt, cp.status, cp.remarks,
                                cp.ins_pay_est, cp.write_off, cp.ded_applied)
                      for cp in s.scalars(sa.select(ClaimProcedure).where(
                          ClaimProcedure.claim_id == claim.id).order_by(ClaimProcedure.id)))
        history = tuple(ClaimHistoryRow(h.changed_at, h.from_status, h.to_status,
                                        h.od_claim_status, h.reason, h.source)
                        for h in s.scalars(sa.select(ClaimStatusChange).where(
                            ClaimStatusChange.claim_id == claim.id)
                            .order_by(ClaimStatusChange.id)))
        payer = s.scalar(sa.select(OdCoverage.carrier_name).where(
            OdCoverage.hospital_id == claim.hospital_id,
            OdCoverage.connection_id == claim.connection_id,
            OdCoverage.plan_num == claim.od_plan_num,
            OdCoverage.carrier_name.is_not(None)).limit(1)) if claim.od_plan_num else None
        clinic = s.scalar(sa.select(OpenDentalConnection.name).where(
            OpenDentalConnection.id == claim.connection_id)) if claim.connection_id else None
        paid = q(s.scalar(sa.select(sa.func.coalesce(sa.func.sum(InsurancePayment.amount), 0))
                          .where(InsurancePayment.claim_id == claim.id)) or ZERO)
        return dataclasses.replace(
            _view(claim, patient, lines, history), notes=claim.notes,
            patient_mrn=patient.mrn if patient else None, payer=payer, clinic=clinic,
            date_service=claim.date_service, paid=paid)


def _view(c: Claim, p: Patient | None, lines: tuple[ClaimLine, ...] = (),
          history: tuple[ClaimHistoryRow, ...] = ()) -> ClaimView:
    return ClaimView(c.id, c.patient_id, p.full_name if p else "", c.appointment_id,
                     c.connection_id, c.external_claim_id, c.status, c.od_claim_status,
                     LABELS.get(c.od_claim_status or ""), c.amount_billed, c.amount_approved,
                     c.rejection_reason, c.date_sent, c.date_received, lines, history)
