"""The claims list of the Claims & Payments page: filters, keyset pages of 50, CSV rows.

Order: newest date of service first, then newest claim (``(day, id) DESC`` where ``day`` is
``COALESCE(date_service, '1970-01-01')``: a claim OpenDental sent without a service date sorts
last instead of breaking the keyset). The next page starts strictly after the last row shown,
so a claim drafted or synced meanwhile never shifts or repeats a row the reader already saw,
and page 1,000 costs what page 1 costs.

Indexes (migration 0012) serve every filter as an index range scan in that order:
``ix_claims_page`` (hospital, day, id), ``ix_claims_status_page`` (hospital, status, day, id),
``ix_claims_plan_page`` (hospital, plan, day, id), ``ix_claims_connection_page`` (connection,
day, id). A payer is a carrier, which OpenDental splits into plans (employer groups): the
payer filter is one LIMITed index scan per plan, UNION ALL, merged (as the audit log does for
several actions). The patient filter (a name prefix or an MRN, see
app/services/audit.py ``_patient_ids``) reads those patients' claims by ``claims.patient_id``.
A row's payer is the carrier of its plan in ``od_coverages``: the newest coverage row of the
plan naming one, as the dashboard says it (index ``ix_od_coverages_plan_carrier``, migration
0014, whose first entry answers it).

A patient filter drives the query from those patients' claims (a MATERIALIZED CTE), whatever
else is set: walking a status or plan index and checking each claim against a few hundred
patients reads a whole payer's history.

The SQL is written out and built once per *shape* of filter (which filters are set, how many
plans): building a SQLAlchemy statement per page costs more Python than PostgreSQL spends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.claim_status import LABELS
from app.domain.dates import check_day
from app.domain.enums import ClaimStatus
from app.domain.errors import ValidationError
from app.domain.messages import messages
from app.domain.text import SEARCH_MAX, ascii_digits, clean_text

M = messages(__name__)
if TYPE_CHECKING:
    from app.services.audit import PatientIds

MAX_PAGE = 200
MAX_PLANS = 50  # a payer with more plans than this is filtered with one sorted scan
NO_DAY = dt.date(1970, 1, 1)  # what a claim without a date of service sorts as
DAY_SQL = "COALESCE(c.date_service, DATE '1970-01-01')"  # = the index expression (0012)

CSV_COLUMNS = ("Claim ID", "OpenDental ClaimNum", "Date of service", "Patient", "MRN",
               "Payer", "Clinic", "Status", "OpenDental status", "Billed", "Approved",
               "Date sent", "Date received", "Rejection reason")


@dataclass(frozen=True)
class ClaimFilters:
    """What the desk narrows the claims list to; None / empty means "any".

    ``plan_nums``: the payer, as OpenDental plans (a carrier's plans, from
    :meth:`ClaimService.filter_options`); ``date_from``/``date_to``: date of service, both
    ends included; ``patient``: a name prefix or an MRN."""

    status: ClaimStatus | None = None
    plan_nums: tuple[int, ...] = ()
    connection_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    patient: str | None = None

    def __post_init__(self) -> None:
        if self.status is not None and not isinstance(self.status, ClaimStatus):
            try:
                object.__setattr__(self, "status", ClaimStatus(self.status))
            except ValueError:
                raise ValidationError(M("unknown_claim_status", "Unknown claim status: {status}.",
                                        status=self.status)) from None
        object.__setattr__(self, "plan_nums", tuple(sorted({int(p) for p in self.plan_nums})))
        patient = self.patient
        if isinstance(patient, str):
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
        return {"status": self.status.value if self.status else None,
                "plan_nums": list(self.plan_nums), "connection_id": self.connection_id,
                "date_from": self.date_from, "date_to": self.date_to, "patient": self.patient}


@dataclass(frozen=True)
class ClaimCursor:
    """Keyset position: the (day, id) of the last row of a page."""

    day: dt.date
    id: int


@dataclass(frozen=True)
class ClaimRow:
    id: int
    claim_num: int | None
    date_service: dt.date | None
    patient_id: int
    patient_name: str
    mrn: str
    payer: str | None
    connection_id: int | None
    clinic: str | None
    status: ClaimStatus
    od_claim_status: str | None
    amount_billed: Decimal
    amount_approved: Decimal | None
    date_sent: dt.date | None
    date_received: dt.date | None
    rejection_reason: str | None

    @property
    def od_status_label(self) -> str:
        return LABELS.get(self.od_claim_status or "", "")

    @property
    def cursor(self) -> ClaimCursor:
        return ClaimCursor(self.date_service or NO_DAY, self.id)


@dataclass(frozen=True)
class ClaimPage:
    rows: list[ClaimRow]
    next_cursor: ClaimCursor | None


@dataclass(frozen=True)
class PayerOption:
    """A carrier as the payer filter offers it, with the OpenDental plans it stands for."""

    name: str
    plan_nums: tuple[int, ...]


@dataclass(frozen=True)
class ClaimFilterOptions:
    payers: list[PayerOption]
    clinics: list[tuple[int, str]]  # (connection id, name)


@dataclass(frozen=True)
class BulkFailure:
    claim_id: int
    patient_name: str
    message: str  # a MsgText: English, the UI renders its .msg


@dataclass(frozen=True)
class BulkSubmitResult:
    submitted: tuple[int, ...]
    failures: tuple[BulkFailure, ...]
    cancelled: bool
    changes: Any  # app.services.changes.Changes

    @property
    def attempted(self) -> int:
        return len(self.submitted) + len(self.failures)


# ------------------------------------------------------------------------------ SQL
_COLUMNS = f"""
SELECT c.id, c.external_claim_id, c.date_service, c.patient_id,
       p.first_name || ' ' || p.last_name AS patient_name, p.mrn,
       (SELECT oc.carrier_name FROM od_coverages oc
         WHERE oc.hospital_id = c.hospital_id AND oc.connection_id = c.connection_id
           AND oc.plan_num = c.od_plan_num AND oc.carrier_name <> ''
         -- the newest row naming a carrier, as the dashboard says it: the first entry of
         -- ix_od_coverages_plan_carrier (0014). Ordering by the equal columns did not keep
         -- the planner off a scan that stops at the first match, which for a plan whose
         -- rows come last read thousands of rows per claim.
         ORDER BY oc.id DESC LIMIT 1) AS payer,
       c.connection_id, oc2.name AS clinic, c.status, c.od_claim_status, c.amount_billed,
       c.amount_approved, c.date_sent, c.date_received, c.rejection_reason,
       {DAY_SQL} AS day
  FROM claims c
  JOIN patients p ON p.id = c.patient_id
  LEFT JOIN opendental_connections oc2 ON oc2.id = c.connection_id"""

_SHAPES: dict[tuple[Any, ...], sa.TextClause] = {}


def _shape(f: ClaimFilters, after: ClaimCursor | None, patients: bool) -> tuple[Any, ...]:
    plans = len(f.plan_nums) if len(f.plan_nums) <= MAX_PLANS else -1
    return (f.status is not None, plans, f.connection_id is not None, f.date_from is not None,
            f.date_to is not None, patients, after is not None)


def _conditions(shape: tuple[Any, ...]) -> list[str]:
    status, _plans, conn, dfrom, dto, patients, after = shape
    out = ["c.hospital_id = :hid"]
    if status:
        out.append("c.status = :status")
    if conn:
        out.append("c.connection_id = :cid")
    if dfrom:
        out.append(f"{DAY_SQL} >= :dfrom")
    if dto:
        out.append(f"{DAY_SQL} <= :dto")
    if patients:
        out.append("c.patient_id = ANY(CAST(:pids AS bigint[]))")
    if after:
        out.append(f"({DAY_SQL}, c.id) < (:aday, :aid)")
    return out


def _statement(shape: tuple[Any, ...]) -> sa.TextClause:
    stmt = _SHAPES.get(shape)
    if stmt is not None:
        return stmt
    plans, patients = shape[1], shape[5]
    where = _conditions(shape)
    order = f"ORDER BY {DAY_SQL} DESC, c.id DESC LIMIT :n"
    if patients:
        # The patients bound the rows (a few claims each, at most 2,000 patients): read
        # their claims first and sort those, rather than walk a status or plan index
        # checking each claim against the patients (a whole payer's history).
        plan_cond = " AND c.od_plan_num = ANY(CAST(:plans AS bigint[]))" if plans else ""
        sql = (f"WITH pc AS MATERIALIZED (SELECT c.id, {DAY_SQL} AS day FROM claims c WHERE "
               f"{' AND '.join(where)}{plan_cond} {order})\n{_COLUMNS}\n"
               f" JOIN pc ON pc.id = c.id\n ORDER BY pc.day DESC, pc.id DESC")
    elif plans == 0:
        sql = f"{_COLUMNS}\n WHERE {' AND '.join(where)}\n {order}"
    elif plans == -1:  # a carrier with very many plans: one sorted scan
        sql = (f"{_COLUMNS}\n WHERE {' AND '.join(where)} "
               f"AND c.od_plan_num = ANY(CAST(:plans AS bigint[]))\n {order}")
    else:
        # One index range scan per plan, each LIMITed, merged: no sort of a payer's
        # whole history.
        branches = " UNION ALL ".join(
            f"(SELECT c.id, {DAY_SQL} AS day FROM claims c WHERE {' AND '.join(where)} "
            f"AND c.od_plan_num = :plan{i} ORDER BY {DAY_SQL} DESC, c.id DESC LIMIT :n)"
            for i in range(plans))
        sql = (f"WITH ids AS (SELECT id, day FROM ({branches}) u ORDER BY day DESC, id DESC "
               f"LIMIT :n)\n{_COLUMNS}\n JOIN ids ON ids.id = c.id\n"
               f" ORDER BY ids.day DESC, ids.id DESC")
    stmt = sa.text(sql)
    _SHAPES[shape] = stmt
    return stmt


def fetch_rows(s: Session, hospital_id: int, f: ClaimFilters, after: ClaimCursor | None,
               n: int, patient_ids: PatientIds | None) -> list[ClaimRow]:
    """Up to ``n`` claims after ``after``; ``patient_ids`` (None: no patient filter) are
    the patients the filter text matched (none matches nothing)."""
    if patient_ids is not None and not patient_ids:
        return []
    shape = _shape(f, after, patient_ids is not None)
    params: dict[str, Any] = {"hid": hospital_id, "n": n,
                              "status": f.status.value if f.status else None,
                              "cid": f.connection_id, "dfrom": f.date_from, "dto": f.date_to,
                              "pids": patient_ids,
                              "plans": list(f.plan_nums)}
    if after is not None:
        params.update(aday=after.day, aid=after.id)
    for i, plan in enumerate(f.plan_nums if shape[1] > 0 and not shape[5] else ()):
        params[f"plan{i}"] = plan
    return [_row(r) for r in s.execute(_statement(shape), params)]


def _row(r: Any) -> ClaimRow:
    return ClaimRow(int(r.id), r.external_claim_id, r.date_service, int(r.patient_id),
                    r.patient_name, r.mrn, r.payer, r.connection_id, r.clinic,
                    ClaimStatus(r.status), r.od_claim_status, r.amount_billed,
                    r.amount_approved, r.date_sent, r.date_received, r.rejection_reason)


def csv_values(r: ClaimRow) -> tuple[object, ...]:
    return (r.id, r.claim_num, r.date_service, r.patient_name, r.mrn, r.payer, r.clinic,
            r.status.value.replace("_", " ").capitalize(), r.od_status_label,
            r.amount_billed, r.amount_approved, r.date_sent, r.date_received,
            r.rejection_reason)


def filter_options(s: Session, hospital_id: int) -> ClaimFilterOptions:
    """The payers (carriers of the plans OpenDental named) and clinics (connections)."""
    by_carrier: dict[str, set[int]] = {}
    for name, plan in s.execute(sa.text(
            "SELECT DISTINCT carrier_name, plan_num FROM od_coverages "
            "WHERE hospital_id = :hid AND plan_num IS NOT NULL AND carrier_name IS NOT NULL"),
            {"hid": hospital_id}):
        by_carrier.setdefault(name, set()).add(int(plan))
    payers = [PayerOption(name, tuple(sorted(plans)))
              for name, plans in sorted(by_carrier.items(), key=lambda kv: kv[0].lower())]
    clinics = [(int(i), n) for i, n in s.execute(sa.text(
        "SELECT id, name FROM opendental_connections WHERE hospital_id = :hid ORDER BY name"),
        {"hid": hospital_id})]
    return ClaimFilterOptions(payers, clinics)
