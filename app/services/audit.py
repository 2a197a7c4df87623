"""The insurance verification audit (seed 004 §9, GAP 7) and the activity log (seed 000 §8):
filtered pages for the screen and a CSV export for accountants.

Pages use keyset pagination on ``(performed_at, id) DESC``: the next page starts strictly
after the last row shown, so page 1,000 costs what page 1 costs (an index range scan) and a
row inserted meanwhile never shifts or repeats what the reader already saw. The indexes
``ix_insurance_audits_page`` (hospital, performed_at, id) and
``ix_insurance_audits_action_page`` (hospital, action, performed_at, id) serve the scans;
several actions at once are one index scan per action (UNION ALL, each LIMITed), merged.

Dates in filters are calendar days at the hospital (Asia/Dubai), whatever the workstation's
own time zone: ``date_to`` includes the whole of that day.

The export is a plain long-task function: it streams pages of 1,000 rows through
app/services/csv_export.py (a temporary file next to the target, renamed into place only when
complete, formula-injection-safe cells), reports progress to a
:class:`~app.services.tasks.TaskState` and stops early when cancelled.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from app.db.id_array import IdArray
from app.db.models import ActivityLog, Hospital, InsuranceAudit, Patient, User
from app.db.timeouts import REPORT
from app.domain.dates import check_day
from app.domain.enums import AuditAction, Role
from app.domain.errors import NotFound, PermissionDenied, ValidationError
from app.domain.messages import N_, messages
from app.domain.money import fmt, q
from app.domain.roles import ADMINS, Permission, role_label
from app.domain.text import SEARCH_MAX, ascii_digits, clean_text
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.csv_export import ExportResult, csv_safe, write_atomically
from app.services.message_text import label_msg
from app.services.tasks import NullState, TaskState
from app.services.unit_of_work import UowFactory

M = messages(__name__)

__all__ = ["ACTION_LABELS", "ActivityCursor", "ActivityPage", "ActivityRow", "AuditCursor",
           "AuditFilters", "AuditPage", "AuditRow", "AuditService", "CSV_COLUMNS",
           "ExportResult", "csv_safe"]

IA = InsuranceAudit
MAX_PAGE = 200
EXPORT_LIMIT = 10_000
EXPORT_BATCH = 1_000

# English; the audit screen shows them with tr(label), the CSV export in English.
ACTION_LABELS: dict[AuditAction, str] = {
    AuditAction.COPAY_COLLECTED: N_("Copay Collected"),
    AuditAction.COPAY_WAIVED: N_("Copay Waived"),
    AuditAction.COPAY_DEFERRED: N_("Copay Deferred"),
    AuditAction.PREAUTH_REQUESTED: N_("Pre-Auth Requested"),
    AuditAction.PREAUTH_OVERRIDE: N_("Pre-Auth Override"),
    AuditAction.CONVERT_TO_SELFPAY: N_("Convert to Self-Pay"),
    AuditAction.INSURANCE_ADDED: N_("Insurance Added"),
    AuditAction.DHA_VERIFIED: N_("DHA Verified"),
    AuditAction.DHA_MISMATCH_USE_DB: N_("DHA Mismatch: Used Record"),
    AuditAction.DHA_MISMATCH_SELFPAY: N_("DHA Mismatch: Self-Pay"),
    AuditAction.DHA_MISMATCH_UPDATE: N_("DHA Mismatch: Updated"),
    AuditAction.DHA_UNAVAILABLE_USE_CACHE: N_("DHA Unavailable: Cache"),
    AuditAction.MANUAL_VERIFY: N_("Manual Verify"),
    AuditAction.MANUAL_REJECT: N_("Manual Reject"),
    AuditAction.MANUAL_RESET: N_("Manual Reset"),
    AuditAction.EID_VERIFIED: N_("Emirates ID Verified"),
    AuditAction.COVERAGE_CHANGE_ACCEPTED: N_("Coverage Change Accepted"),
    AuditAction.COVERAGE_CHANGE_REJECTED: N_("Coverage Change Rejected"),
    AuditAction.REFUND_REQUESTED: N_("Refund Requested"),
    AuditAction.REFUND_APPROVED: N_("Refund Approved"),
    AuditAction.REFUND_REJECTED: N_("Refund Rejected"),
    AuditAction.REFUND_PROCESSED: N_("Refund Processed"),
    AuditAction.REFUND_DELETED: N_("Refund Deleted"),
    AuditAction.ELIGIBILITY_OVERRIDE: N_("Eligibility Override"),
    AuditAction.BALANCE_WRITTEN_OFF: N_("Balance Written Off"),
}

# Where the details come from: services name these keys a little differently (the seed's
# camelCase, our snake_case); the first one present wins, new_data before previous_data.
_AMOUNT_KEYS = ("amount", "refund_amount", "copay_amount", "patient_amount", "waived_amount",
                "deferred_amount")
_METHOD_KEYS = ("method", "payment_method", "paymentMethod", "refund_method")
_INSURER_KEYS = ("insurer", "insurance_provider", "insuranceProvider", "provider_name",
                 "payer_name", "primary_insurer")

CSV_COLUMNS = ("Date/Time", "Action", "Patient Name", "MRN", "Appointment ID", "Reason",
               "Performed By", "IP Address", "Amount", "Method", "Insurer", "Workstation",
               "Simulated")
SIMULATED = "SIMULATED"  # the mark of an answer from the built-in DHA simulator (MOCK mode)


# ------------------------------------------------------------------------------ values
@dataclass(frozen=True)
class AuditFilters:
    """What the audit page is narrowed to. Empty ``actions`` means every action; dates are
    local calendar days at the hospital, both ends included."""

    actions: frozenset[AuditAction] = frozenset()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    patient: str | None = None
    performed_by: int | None = None
    patient_id: int | None = None
    appointment_id: int | None = None

    def __post_init__(self) -> None:
        acts = self.actions
        if isinstance(acts, str):  # one action (AuditAction is a str) is fine too
            acts = (acts,)
        try:
            normal = frozenset(AuditAction(a) for a in (acts or ()))
        except ValueError as exc:
            raise ValidationError(M("unknown_audit_action", "Unknown audit action: {exc}.",
                                    exc=exc)) from None
        object.__setattr__(self, "actions", normal)
        patient = self.patient
        if isinstance(patient, str):  # an MRN or EID typed with Arabic-Indic digits
            patient = ascii_digits(patient.strip())
        object.__setattr__(self, "patient", patient or None)

    def validate(self) -> None:
        check_day(self.date_from, "The start date")
        check_day(self.date_to, "The end date")
        clean_text(self.patient, "The patient filter", SEARCH_MAX)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValidationError(M("start_date_after_end",
                                    "The start date is after the end date."))

    def describe(self) -> dict[str, Any]:
        return {"actions": sorted(a.value for a in self.actions),
                "date_from": self.date_from, "date_to": self.date_to,
                "patient": self.patient, "performed_by": self.performed_by,
                "patient_id": self.patient_id, "appointment_id": self.appointment_id}


@dataclass(frozen=True)
class AuditCursor:
    """Keyset position: the (performed_at, id) of the last row of a page."""

    performed_at: dt.datetime
    id: int


@dataclass(frozen=True)
class AuditRow:
    id: int
    performed_at: dt.datetime  # hospital local time
    action: AuditAction
    patient_id: int | None
    patient_name: str | None
    mrn: str | None
    appointment_id: int | None
    performed_by_id: int | None
    performed_by: str
    reason: str | None
    amount: Decimal | None
    method: str | None
    insurer: str | None
    ip_address: str | None
    workstation: str | None
    simulated: bool = False  # an eligibility answer of the built-in simulator, not DHA's

    @property
    def action_label(self) -> str:
        label = ACTION_LABELS.get(self.action, self.action.value.replace("_", " ").title())
        return f"{label} · {SIMULATED}" if self.simulated else label

    @property
    def details(self) -> str:
        """"AED 30.00 · Cash · Daman"; empty when the entry carries none of them."""
        parts = [fmt(self.amount) if self.amount is not None else None, self.method,
                 self.insurer]
        return " · ".join(p for p in parts if p)

    @property
    def cursor(self) -> AuditCursor:
        return AuditCursor(self.performed_at.astimezone(dt.UTC), self.id)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    next_cursor: AuditCursor | None


@dataclass(frozen=True)
class ActivityCursor:
    created_at: dt.datetime
    id: int


@dataclass(frozen=True)
class ActivityRow:
    id: int
    created_at: dt.datetime  # hospital local time
    action: str
    user_id: int | None
    user_name: str
    target_type: str | None
    target_id: str | None
    workstation: str | None
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ActivityPage:
    rows: list[ActivityRow]
    next_cursor: ActivityCursor | None


# --------------------------------------------------------------------------- helpers
def _label(value: str | None) -> str | None:
    """CREDIT_CARD -> Credit card."""
    return value.replace("_", " ").capitalize() if value else value


def _simulated() -> sa.ColumnElement[bool]:
    """Whether an audit row records an answer of the built-in DHA simulator: the DHA response
    says so ("simulated": true, or the MOCK data source; the demo's rows name it "source"),
    or the verification was stored with the source SIMULATED."""
    r, new = IA.dha_response, IA.new_data
    return sa.func.coalesce(sa.or_(
        r["simulated"].astext == "true",
        r["data_source"].astext == "MOCK_DATA",
        r["source"].astext == "MOCK_DATA",
        new["simulated"].astext == "true",
        new["verification_source"].astext == "SIMULATED"), sa.false())


def _json_text(keys: Iterable[str]) -> sa.ColumnElement[str]:
    cols = [IA.new_data[k].astext for k in keys] + [IA.previous_data[k].astext for k in keys]
    return sa.func.coalesce(*cols)


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(str(text).replace(",", "").strip())
    except InvalidOperation:
        return None
    return q(value) if value.is_finite() else None


def _prefix_bounds(prefix: str) -> tuple[str, str]:
    """``(lo, hi)`` such that, compared byte by byte (the ``text_pattern_ops`` operators
    ``~>=~`` / ``~<~``), ``lo <= s < hi`` exactly when ``s`` starts with ``prefix``: ``hi`` is
    the prefix with its last character moved up one code point (UTF-8 keeps code point order
    in its bytes). Unlike ``LIKE 'x%'``, such a range can use the prefix indexes in a plan
    made before the value is known."""
    chars = list(prefix)
    while chars:
        nxt = ord(chars[-1]) + 1
        if 0xD800 <= nxt <= 0xDFFF:  # surrogates are not characters PostgreSQL stores
            nxt = 0xE000
        if nxt <= 0x10FFFF:
            return prefix, "".join(chars[:-1]) + chr(nxt)
        chars.pop()  # U+10FFFF: move the character before it up instead
    return prefix, "\U0010ffff"  # an empty prefix (not reached: the filter text is not empty)


MAX_PATIENT_MATCHES = 2_000
_FORCE_CUSTOM_PLAN = sa.text("SET LOCAL plan_cache_mode = force_custom_plan")


def _starts_with(expr: Any, lo: Any, hi: Any) -> Any:
    return sa.and_(expr.op("~>=~")(lo), expr.op("~<~")(hi))


class PatientIds(IdArray):
    """The patients a filter text matched, one ``bigint[]`` value (app/db/id_array.py): pass
    the object itself as a statement's parameter (``= ANY(:pids)``)."""


def _lookup_statement() -> sa.Select:
    """One statement for both meanings of the filter text: the patient with that MRN (exact,
    the unique index) if there is one, else up to MAX_PATIENT_MATCHES + 1 patients whose full
    name or last name starts with it (ranges on the ``ix_patients_*_prefix`` indexes), or whose
    MRN is it in another case; answered as one row (how many, the ids as an array)."""
    P = Patient
    hid, mrn = sa.bindparam("hid"), sa.bindparam("mrn")
    lo, hi, low = sa.bindparam("lo"), sa.bindparam("hi"), sa.bindparam("low")
    by_mrn = sa.select(P.id).where(P.hospital_id == hid, P.mrn == mrn).cte("by_mrn")
    by_name = (sa.select(P.id).where(
        P.hospital_id == hid, ~sa.exists(sa.select(by_mrn.c.id)),
        # ' ' as a literal, not a parameter: the expression must be the index's own
        sa.or_(_starts_with(sa.func.lower(P.first_name + sa.literal_column("' '", sa.String)
                                          + P.last_name), lo, hi),
               _starts_with(sa.func.lower(P.last_name), lo, hi),
               sa.func.lower(P.mrn) == low))
        .limit(sa.bindparam("cap")))
    found = sa.union_all(sa.select(by_mrn.c.id), by_name.subquery().select()).subquery("found")
    return sa.select(sa.func.count(),
                     sa.func.coalesce(sa.cast(sa.func.array_agg(found.c.id), sa.Text), "{}"))


_LOOKUP = _lookup_statement()


def _patient_ids(s: Session, hospital_id: int, text: str) -> PatientIds:
    """The patients the filter text means: the patient with that MRN (exact, through the
    unique index), else every patient whose name starts with it. One statement and one row,
    whose plan is good whether or not it was made for these values (the name is matched by
    ranges the prefix indexes serve, see :func:`_prefix_bounds`).

    It first sets ``plan_cache_mode = force_custom_plan`` for the rest of the caller's
    transaction, for the caller's page query with these ids: a plan made for "some array of
    ids" picks one index for a single patient's 30 rows and for 1,600 patients' 3,000 (at
    clinic scale such a generic plan took 18-92 ms against 0.4-1 ms). psycopg prepares a
    statement the 5th time a connection runs it, and PostgreSQL may then reuse a generic plan.
    SET LOCAL needs a transaction: a caller with a patient filter must not use a read-only
    (autocommit) unit of work."""
    s.execute(_FORCE_CUSTOM_PLAN)
    t = " ".join(text.split())
    lo, hi = _prefix_bounds(t.lower())
    count, literal = s.execute(_LOOKUP, {
        "hid": hospital_id, "mrn": t.upper(), "lo": lo, "hi": hi, "low": t.lower(),
        "cap": MAX_PATIENT_MATCHES + 1}).one()
    if count > MAX_PATIENT_MATCHES:
        raise ValidationError(M("more_patients_match_type",
                                'More than {limit} patients match "{t}"; type more of the name, '
                                "or the MRN.",
                                limit=format(MAX_PATIENT_MATCHES, ','), t=t))
    return PatientIds(int(count), literal)


class AuditService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock
        self._stmts: dict[tuple[Any, ...], sa.Select] = {}

    # ------------------------------------------------------------------- audit pages
    def page(self, actor: Actor, filters: AuditFilters | None = None,
             after: AuditCursor | None = None, limit: int = 50) -> AuditPage:
        """One page of audit entries, newest first; pass ``next_cursor`` back as ``after``."""
        actor.require(Permission.VIEW_AUDIT)
        filters = filters or AuditFilters()
        filters.validate()
        limit = max(1, min(int(limit), MAX_PAGE))
        with self._uow(actor, read_only=not filters.patient) as uow:
            s = uow.session
            tz = self._tz(s, actor)
            rows = self._fetch(s, actor, filters, tz, after, limit + 1)
            more = len(rows) > limit
            rows = rows[:limit]
            return AuditPage(rows, rows[-1].cursor if more and rows else None)

    def performers(self, actor: Actor) -> list[tuple[int, str]]:
        """(user id, "Name (Role)") of everyone in the hospital, for the Performed By filter."""
        actor.require(Permission.VIEW_AUDIT)
        with self._uow(actor, read_only=True) as uow:
            rows = uow.session.execute(
                sa.select(User.id, User.full_name, User.role)
                .where(User.hospital_id == actor.hospital_id)
                .order_by(sa.func.lower(User.full_name))).all()
            return [(r.id, f"{r.full_name} ({role_label(Role(r.role))})") for r in rows]

    def explain(self, actor: Actor, filters: AuditFilters | None = None,
                after: AuditCursor | None = None, limit: int = 50) -> str:
        """EXPLAIN of the page query (tests and benchmarks check the index is used)."""
        actor.require(Permission.VIEW_AUDIT)
        filters = filters or AuditFilters()
        with self._uow(actor) as uow:
            s = uow.session
            bound = self._bound(s, actor, filters, self._tz(s, actor), after, limit + 1)
            if bound is None:
                return "(no patient matches: no query)"
            stmt, params = bound
            conn = s.connection()
            compiled = stmt.compile(dialect=conn.dialect)
            rows = conn.exec_driver_sql(f"EXPLAIN {compiled.string}",
                                        compiled.construct_params(params))
            return "\n".join(r[0] for r in rows)

    # ------------------------------------------------------------------------ export
    def export_csv(self, actor: Actor, filters: AuditFilters | None, path: str | os.PathLike,
                   state: TaskState | None = None) -> ExportResult:
        """Write up to 10,000 matching entries to ``path`` as UTF-8 CSV (with a BOM, for
        Excel), newest first. Long task: reports ``state.progress`` and honours
        ``state.cancelled()``; the file appears only once it is complete."""
        actor.require(Permission.EXPORT_AUDIT)
        filters = filters or AuditFilters()
        filters.validate()
        state = state or NullState()
        outcome: dict[str, Any] = {}

        def write(writer: Any) -> int | None:
            written, total, truncated = self._write_csv(actor, filters, writer, state)
            outcome.update(total=total, truncated=truncated)
            return written

        written = write_atomically(path, CSV_COLUMNS, write)
        target = Path(path)
        if written is None:
            return ExportResult(target, 0, cancelled=True)
        truncated = bool(outcome["truncated"])
        state.progress(1.0)
        with self._uow(actor) as uow:  # exporting patient data is itself worth a log line
            uow.activity(actor, "AUDIT_EXPORTED", "insurance_verification_audits", None,
                         {"filters": filters.describe(), "rows": written,
                          "truncated": truncated, "file": target.name})
            uow.commit()
        return ExportResult(target, written, truncated=truncated)

    def _write_csv(self, actor: Actor, filters: AuditFilters, writer: Any,
                   state: TaskState) -> tuple[int | None, int, bool]:
        """Stream batches to ``writer`` (a csv.writer); (rows written or None if cancelled,
        total, truncated)."""
        # A report: a longer statement limit than a desk call (app/db/timeouts.py).
        with self._uow.with_timeouts(REPORT)(actor) as uow:
            s = uow.session
            tz = self._tz(s, actor)
            bound = self._bound(s, actor, filters, tz, None, EXPORT_LIMIT + 1, count=True)
            matching = (s.scalar(*bound) or 0) if bound is not None else 0
            total = min(matching, EXPORT_LIMIT)
            truncated = matching > EXPORT_LIMIT
            written = 0
            cursor: AuditCursor | None = None
            state.progress(0.0)
            labels = {a.value: label for a, label in ACTION_LABELS.items()}
            conn = s.connection()  # Core rows: the ORM layer adds nothing to a CSV line
            while written < total:
                if state.cancelled():
                    return None, total, truncated
                bound = self._bound(s, actor, filters, tz, cursor,
                                    min(EXPORT_BATCH, total - written))
                batch = conn.execute(*bound).all() if bound is not None else []
                if not batch:
                    break
                # Plain tuples written straight out: AuditRow objects for 10,000 lines
                # cost more than the queries.
                writer.writerows(
                    [csv_safe(v) for v in (
                        r.performed_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"),
                        labels.get(r.action, r.action) + (f" · {SIMULATED}" if r.simulated
                                                          else ""),
                        r.patient_name, r.mrn,
                        r.appointment_id, r.reason,
                        r.performer or ("System" if r.performed_by is None else "?"),
                        r.ip_address, _decimal(r.amount), _label(r.method), r.insurer,
                        r.workstation, SIMULATED if r.simulated else "")]
                    for r in batch)
                written += len(batch)
                cursor = AuditCursor(batch[-1].performed_at, batch[-1].id)
                state.progress(written / total)
            if state.cancelled():
                return None, total, truncated
            return written, total, truncated

    # ---------------------------------------------------------------------- activity
    def activity(self, actor: Actor, *, action: str | None = None, user_id: int | None = None,
                 after: ActivityCursor | None = None, limit: int = 50) -> ActivityPage:
        """The activity log (every mutation, sign-ins, heartbeats), newest first. Admins."""
        if actor.role not in ADMINS:
            raise PermissionDenied(M("hospital_admin_super_admin",
                                     "Only Hospital Admin and Super Admin may view the activity "
                                     "log; you are signed in as {role}.",
                                     role=label_msg(role_label(actor.role))))
        limit = max(1, min(int(limit), MAX_PAGE))
        action = clean_text(action, "The action filter", 60)
        A = ActivityLog
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = self._tz(s, actor)
            where = [A.hospital_id == actor.hospital_id]
            if action:
                where.append(A.action == action)
            if user_id is not None:
                where.append(A.user_id == user_id)
            if after is not None:
                where.append(sa.tuple_(A.created_at, A.id) < (after.created_at, after.id))
            stmt = (sa.select(A, User.full_name).outerjoin(User, User.id == A.user_id)
                    .where(*where).order_by(A.created_at.desc(), A.id.desc()).limit(limit + 1))
            rows = [ActivityRow(a.id, a.created_at.astimezone(tz), a.action, a.user_id,
                                name or "System", a.target_type, a.target_id, a.workstation,
                                dict(a.payload or {}))
                    for a, name in s.execute(stmt)]
            more = len(rows) > limit
            rows = rows[:limit]
            cursor = (ActivityCursor(rows[-1].created_at.astimezone(dt.UTC), rows[-1].id)
                      if more and rows else None)
            return ActivityPage(rows, cursor)

    # --------------------------------------------------------------------- internals
    @staticmethod
    def _tz(s: Session, actor: Actor) -> ZoneInfo:
        name = s.scalar(sa.select(Hospital.timezone).where(Hospital.id == actor.hospital_id))
        if name is None:
            raise NotFound(M("workstation_hospital_no_longer",
                             "This workstation's hospital no longer exists."))
        return ZoneInfo(name)

    # The page statement is built once per *shape* of filter (which filters are set, how
    # many actions) with bind parameters, and reused: building and hashing a statement of
    # this size costs several milliseconds of Python, more than PostgreSQL takes to run it.

    @staticmethod
    def _shape(filters: AuditFilters, after: object) -> tuple[Any, ...]:
        return (filters.date_from is not None, filters.date_to is not None,
                filters.patient is not None, filters.patient_id is not None,
                filters.appointment_id is not None, filters.performed_by is not None,
                after is not None, len(filters.actions))

    @staticmethod
    def _params(actor: Actor, filters: AuditFilters, tz: ZoneInfo, after: AuditCursor | None,
                limit: int, patient_ids: PatientIds | None = None) -> dict[str, Any]:
        p: dict[str, Any] = {"hid": actor.hospital_id, "lim": limit}
        if filters.date_from:
            p["t_from"] = dt.datetime.combine(filters.date_from, dt.time(), tz)
        if filters.date_to:
            p["t_to"] = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time(),
                                            tz)
        if filters.patient:
            p["pids"] = patient_ids or PatientIds(0, "{}")
        if filters.patient_id is not None:
            p["pid"] = filters.patient_id
        if filters.appointment_id is not None:
            p["aid"] = filters.appointment_id
        if filters.performed_by is not None:
            p["uid"] = filters.performed_by
        if after is not None:
            p["c_at"], p["c_id"] = after.performed_at, after.id
        for i, action in enumerate(sorted(filters.actions)):
            p[f"act{i}"] = action.value
        return p

    @staticmethod
    def _ids(shape: tuple[Any, ...]) -> sa.Select:
        """(id, performed_at) of a page, newest first, touching only the index."""
        has_from, has_to, has_pat, has_pid, has_aid, has_uid, has_after, n_actions = shape

        def bp(name: str, type_: Any) -> Any:
            return sa.bindparam(name, type_=type_)

        ts = sa.DateTime(timezone=True)
        where: list[sa.ColumnElement[bool]] = [IA.hospital_id == bp("hid", sa.BigInteger)]
        if has_from:
            where.append(IA.performed_at >= bp("t_from", ts))
        if has_to:
            where.append(IA.performed_at < bp("t_to", ts))
        if has_pat:
            # untyped: the value is a PatientIds, which psycopg sends as bigint[] itself
            where.append(IA.patient_id == sa.any_(sa.cast(sa.bindparam("pids"),
                                                          ARRAY(sa.BigInteger))))
        if has_pid:
            where.append(IA.patient_id == bp("pid", sa.BigInteger))
        if has_aid:
            where.append(IA.appointment_id == bp("aid", sa.BigInteger))
        if has_uid:
            where.append(IA.performed_by == bp("uid", sa.BigInteger))
        if has_after:
            where.append(sa.tuple_(IA.performed_at, IA.id)
                         < sa.tuple_(bp("c_at", ts), bp("c_id", sa.BigInteger)))
        order = (IA.performed_at.desc(), IA.id.desc())
        limit = bp("lim", sa.Integer)
        action = IA.__table__.c.action  # plain VARCHAR column: binds the value as text
        if n_actions <= 1:
            if n_actions:
                where.append(action == bp("act0", sa.String))
            return sa.select(IA.id, IA.performed_at).where(*where).order_by(*order).limit(limit)
        # One index range scan per action, each stopping after ``limit`` rows, then the top
        # ``limit`` of those: never a sort of every matching row.
        parts = [sa.select(IA.id, IA.performed_at)
                 .where(*where, action == bp(f"act{i}", sa.String))
                 .order_by(*order).limit(limit).subquery() for i in range(n_actions)]
        union = sa.union_all(*[sa.select(p.c.id, p.c.performed_at) for p in parts]).subquery()
        return (sa.select(union.c.id, union.c.performed_at)
                .order_by(union.c.performed_at.desc(), union.c.id.desc()).limit(limit))

    def _statement(self, shape: tuple[Any, ...], *, count: bool = False) -> sa.Select:
        key = (shape, count)
        stmt = self._stmts.get(key)
        if stmt is None:
            stmt = self._build(shape, count)
            self._stmts[key] = stmt  # a race builds it twice: harmless
        return stmt

    def _build(self, shape: tuple[Any, ...], count: bool) -> sa.Select:
        if count:
            return sa.select(sa.func.count()).select_from(self._ids(shape).subquery())
        page = self._ids(shape).subquery("page")
        return (
            sa.select(IA.id, IA.performed_at, IA.action, IA.patient_id,
                      (Patient.first_name + " " + Patient.last_name).label("patient_name"),
                      Patient.mrn, IA.appointment_id, IA.performed_by,
                      User.full_name.label("performer"), IA.reason,
                      _json_text(_AMOUNT_KEYS).label("amount"),
                      _json_text(_METHOD_KEYS).label("method"),
                      _json_text(_INSURER_KEYS).label("insurer"),
                      IA.ip_address, IA.workstation, _simulated().label("simulated"))
            .select_from(page)
            .join(IA, IA.id == page.c.id)
            .outerjoin(Patient, Patient.id == IA.patient_id)
            .outerjoin(User, User.id == IA.performed_by)
            .order_by(page.c.performed_at.desc(), page.c.id.desc())
        )

    def _bound(self, s: Session, actor: Actor, filters: AuditFilters, tz: ZoneInfo,
               after: AuditCursor | None, limit: int, *, count: bool = False
               ) -> tuple[sa.Select, dict[str, Any]] | None:
        """The cached statement and its parameters; None when no patient matches."""
        pids = None
        if filters.patient:
            # A patient matches a handful of rows or thousands: the page query is planned
            # for these ids, not for "some array" (a generic plan would pick one index for
            # both). _patient_ids forces custom plans for the rest of this transaction before
            # it looks (this used to be set here, after the lookup). SET LOCAL needs a
            # transaction, which is why page() with a patient filter does not run read-only.
            pids = _patient_ids(s, actor.hospital_id, filters.patient)
            if not pids:
                return None
        return (self._statement(self._shape(filters, after), count=count),
                self._params(actor, filters, tz, after, limit, pids))

    def _fetch(self, s: Session, actor: Actor, filters: AuditFilters, tz: ZoneInfo,
               after: AuditCursor | None, limit: int) -> list[AuditRow]:
        bound = self._bound(s, actor, filters, tz, after, limit)
        if bound is None:
            return []
        stmt, params = bound
        return [
            AuditRow(
                id=r.id, performed_at=r.performed_at.astimezone(tz),
                action=AuditAction(r.action), patient_id=r.patient_id,
                patient_name=r.patient_name, mrn=r.mrn, appointment_id=r.appointment_id,
                performed_by_id=r.performed_by,
                performed_by=r.performer or ("System" if r.performed_by is None else "?"),
                reason=r.reason, amount=_decimal(r.amount), method=_label(r.method),
                insurer=r.insurer, ip_address=r.ip_address, workstation=r.workstation,
                simulated=bool(r.simulated))
            for r in s.execute(stmt, params)
        ]

