"""The billing office's dashboard (issue 13): today's schedule, outstanding claims by age and
payer, and revenue per day, each figure drillable down to the rows behind it.

Figures (:meth:`DashboardService.overview`, one read-only transaction, four statements):

- **Today's schedule**: appointments of the hospital's calendar day (its timezone, not the
  workstation's) counted by status.
- **Outstanding claims**: every claim not PAID, by status x age bucket and by payer x age
  bucket, counted and summed. A claim's age is the days from its date of service (the day it
  was created, in the hospital's timezone, when OpenDental gave none) to today: 0-30, 31-60,
  61-90, 90+. Its amount is what the insurer is expected to pay: the approved amount once the
  insurer approved it, otherwise the amount billed. Its payer is the carrier of its
  OpenDental plan (``claims.od_plan_num`` -> ``od_coverages.carrier_name``); a claim whose
  plan names no carrier counts under "Unknown payer".
- **Revenue** for a range of days (inclusive, hospital timezone), per day: copays collected at
  the desk (``copay_payments``, by payment time), insurer payments posted (``insurance_payments``
  POSTED, by the day received) and copay refunds processed (``copay_refunds`` PROCESSED, by the
  time processed); net = copays + insurer - refunds.

:meth:`DashboardService.rows` returns the rows behind one :class:`Figure`, keyset-paged, 50 a
page; :meth:`DashboardService.export_csv` writes all of them (up to 10,000) to CSV through the
insurance audit export's formula-injection-safe cell writer (``app.services.audit.csv_safe``).
All money is ``Decimal``.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import Hospital
from app.domain.enums import AppointmentStatus, ClaimStatus
from app.domain.errors import NotFound, ValidationError
from app.domain.messages import N_, Day, Msg, messages
from app.domain.money import ZERO, q
from app.domain.roles import Permission
from app.services.audit import csv_safe
from app.services.changes import Changes
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.message_text import joined, label_msg
from app.services.unit_of_work import UowFactory

M = messages(__name__)

PAGE_SIZE = 50
EXPORT_LIMIT = 10_000
MAX_RANGE_DAYS = 731  # two years of days on one chart is already more than it can show
UNKNOWN_PAYER = N_("Unknown payer")  # also the key of its row: the UI shows tr(payer)


class Bucket(StrEnum):
    """Age of an outstanding claim in days since its date of service."""

    D0_30 = "0-30"
    D31_60 = "31-60"
    D61_90 = "61-90"
    D90_PLUS = "90+"

    @property
    def label(self) -> str:
        """English; the UI shows it with tr(label)."""
        return _BUCKET_LABELS[self.value]


_BUCKET_LABELS = {"0-30": N_("0-30 days"), "31-60": N_("31-60 days"), "61-90": N_("61-90 days"),
                  "90+": N_("90+ days")}


# (youngest, oldest) age in days of each bucket; None: no upper bound.
_BUCKET_AGES: dict[Bucket, tuple[int | None, int | None]] = {
    Bucket.D0_30: (None, 30), Bucket.D31_60: (31, 60), Bucket.D61_90: (61, 90),
    Bucket.D90_PLUS: (91, None)}

OUTSTANDING = (ClaimStatus.NOT_SUBMITTED, ClaimStatus.SUBMITTED, ClaimStatus.APPROVED,
               ClaimStatus.REJECTED)


class Series(StrEnum):
    COPAYS = "COPAYS"
    INSURER = "INSURER"
    REFUNDS = "REFUNDS"

    @property
    def label(self) -> str:
        """English; the UI shows it with tr(label)."""
        return {"COPAYS": N_("Copays collected"), "INSURER": N_("Insurer payments"),
                "REFUNDS": N_("Refunds processed")}[self.value]


class FigureKind(StrEnum):
    SCHEDULE = "SCHEDULE"
    CLAIMS = "CLAIMS"
    REVENUE = "REVENUE"


@dataclass(frozen=True)
class Figure:
    """One figure of the dashboard, as a filter on its rows.

    SCHEDULE: today's appointments, of ``status`` if given. CLAIMS: outstanding claims, of
    ``status`` / ``bucket`` / ``payer`` where given. REVENUE: the rows of ``series`` on the
    days ``start`` to ``end`` (inclusive)."""

    kind: FigureKind
    status: str | None = None
    bucket: Bucket | None = None
    payer: str | None = None
    series: Series | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def validate(self) -> None:
        if self.kind is FigureKind.SCHEDULE:
            if self.status is not None and self.status not in AppointmentStatus.__members__:
                raise ValidationError(M("unknown_appointment_status",
                                        "Unknown appointment status {status}.",
                                        status=repr(self.status)))
        elif self.kind is FigureKind.CLAIMS:
            if self.status is not None and self.status not in {s.value for s in OUTSTANDING}:
                raise ValidationError(M("not_status_outstanding_claim",
                                        "{status} is not a status of an outstanding claim.",
                                        status=repr(self.status)))
        elif self.kind is FigureKind.REVENUE:
            if self.series is None or self.start is None or self.end is None:
                raise ValidationError(M("revenue_figure_needs_series",
                                        "A revenue figure needs its series and its days."))
            _check_range(self.start, self.end)

    @property
    def title(self) -> str:
        """English (the activity log keeps it); the UI shows ``title_msg``."""
        return str(self.title_msg)

    @property
    def title_msg(self) -> Msg:
        if self.kind is FigureKind.SCHEDULE:
            if self.status is None:
                return M("title_schedule", "Today's appointments")
            return M("title_schedule_status", "Today's appointments: {status}",
                     status=_words(self.status))
        if self.kind is FigureKind.CLAIMS:
            parts: list[str | Msg] = [p for p in (
                self.payer, _words(self.status) if self.status else None,
                label_msg(self.bucket.label) if self.bucket else None) if p]
            if not parts:
                return M("title_claims", "Outstanding claims")
            return M("title_claims_of", "Outstanding claims: {parts}",
                     parts=joined(parts, ", "))
        assert self.series is not None and self.start is not None and self.end is not None
        day = Day(self.start)
        if self.start == self.end:
            return M("title_series_day", "{series}, {day}", series=label_msg(self.series.label),
                     day=day)
        return M("title_series_days", "{series}, {day} to {last}",
                 series=label_msg(self.series.label), day=day, last=Day(self.end))


@dataclass(frozen=True)
class Cell:
    count: int = 0
    amount: Decimal = ZERO

    def __add__(self, other: Cell) -> Cell:
        return Cell(self.count + other.count, q(self.amount + other.amount))


@dataclass(frozen=True)
class RevenueDay:
    day: dt.date
    copays: Decimal = ZERO
    insurer: Decimal = ZERO
    refunds: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return q(self.copays + self.insurer - self.refunds)

    def of(self, series: Series) -> Decimal:
        return {Series.COPAYS: self.copays, Series.INSURER: self.insurer,
                Series.REFUNDS: self.refunds}[series]


@dataclass(frozen=True)
class Revenue:
    start: dt.date
    end: dt.date
    days: tuple[RevenueDay, ...]

    def total(self, series: Series) -> Decimal:
        return q(sum((d.of(series) for d in self.days), ZERO))

    @property
    def net(self) -> Decimal:
        return q(sum((d.net for d in self.days), ZERO))


@dataclass(frozen=True)
class ClaimsAging:
    """Outstanding claims: ``by_status[status][bucket]`` and ``by_payer[payer][bucket]``."""

    by_status: dict[str, dict[Bucket, Cell]]
    by_payer: dict[str, dict[Bucket, Cell]]

    @property
    def total(self) -> Cell:
        return sum((c for row in self.by_status.values() for c in row.values()), Cell())

    def bucket_total(self, bucket: Bucket) -> Cell:
        return sum((row.get(bucket, Cell()) for row in self.by_status.values()), Cell())

    @staticmethod
    def row_total(row: dict[Bucket, Cell]) -> Cell:
        return sum(row.values(), Cell())


@dataclass(frozen=True)
class Overview:
    today: dt.date
    timezone: str
    schedule: dict[str, int]
    claims: ClaimsAging
    revenue: Revenue

    @property
    def appointments_today(self) -> int:
        return sum(self.schedule.values())


@dataclass(frozen=True)
class RowCursor:
    at: Any
    id: int


@dataclass(frozen=True)
class RowPage:
    figure: Figure
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    next_cursor: RowCursor | None
    money_columns: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    truncated: bool
    changes: Changes


def _words(value: str) -> str:
    return value.replace("_", " ").capitalize()


def _check_range(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise ValidationError(M("last_day_range_before",
                                "The last day of the range is before its first day."))
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise ValidationError(M("choose_most_days_revenue",
                                "Choose at most {days} days for the revenue chart.",
                                days=MAX_RANGE_DAYS))


# ------------------------------------------------------------------------------- statements
# The day a claim's age counts from: its date of service, else the day it was created there.
_AGE_DAY = "coalesce(c.date_service, (c.created_at AT TIME ZONE :tz)::date)"
_AMOUNT = ("CASE WHEN c.status = 'APPROVED' THEN coalesce(c.amount_approved, c.amount_billed) "
           "ELSE c.amount_billed END")

_SCHEDULE = sa.text("""
SELECT a.status, count(*) FROM appointments a
WHERE a.hospital_id = :h AND a.appointment_date = :today GROUP BY a.status""")

# Grouped by plan first (a handful of rows), named by carrier afterwards (_PLAN_CARRIERS).
# The buckets are FILTERed aggregates over status x plan rather than a GROUP BY of the bucket
# expression: the planner then expects a few groups and hashes them (grouping by the
# expression it expected thousands and sorted 50k rows on disk: 140 ms at clinic scale).
_CLAIMS = sa.text(f"""
SELECT status, connection_id, od_plan_num,
       count(*) FILTER (WHERE d >= :d30), sum(amount) FILTER (WHERE d >= :d30),
       count(*) FILTER (WHERE d < :d30 AND d >= :d60),
       sum(amount) FILTER (WHERE d < :d30 AND d >= :d60),
       count(*) FILTER (WHERE d < :d60 AND d >= :d90),
       sum(amount) FILTER (WHERE d < :d60 AND d >= :d90),
       count(*) FILTER (WHERE d < :d90), sum(amount) FILTER (WHERE d < :d90)
FROM (SELECT c.status, c.connection_id, c.od_plan_num, {_AGE_DAY} AS d, {_AMOUNT} AS amount
        FROM claims c WHERE c.hospital_id = :h AND c.status <> 'PAID') c
GROUP BY 1, 2, 3""")

# The distinct OpenDental plans of the hospital's coverage rows and each one's carrier, by a
# skip scan of ix_od_coverages_plan (one index probe per plan, not one row per patient).
_PLAN_CARRIERS = sa.text("""
WITH RECURSIVE p(connection_id, plan_num) AS (
    (SELECT connection_id, plan_num FROM od_coverages
      WHERE hospital_id = :h AND plan_num IS NOT NULL
      ORDER BY connection_id, plan_num LIMIT 1)
    UNION ALL
    SELECT n.connection_id, n.plan_num FROM p CROSS JOIN LATERAL (
        SELECT o.connection_id, o.plan_num FROM od_coverages o
         WHERE o.hospital_id = :h AND o.plan_num IS NOT NULL
           AND (o.hospital_id, o.connection_id, o.plan_num)
               > (:h, p.connection_id, p.plan_num)
         ORDER BY o.connection_id, o.plan_num LIMIT 1) n)
SELECT p.connection_id, p.plan_num,
       (SELECT o.carrier_name FROM od_coverages o
         WHERE o.hospital_id = :h AND o.connection_id = p.connection_id
           AND o.plan_num = p.plan_num AND o.carrier_name <> ''
         ORDER BY o.id DESC LIMIT 1) AS carrier
FROM p""")

_REVENUE = sa.text("""
SELECT 'COPAYS' AS series, (p.payment_date AT TIME ZONE :tz)::date AS day, sum(p.amount)
  FROM copay_payments p
 WHERE p.hospital_id = :h AND p.payment_date >= :t0 AND p.payment_date < :t1
 GROUP BY 2
UNION ALL
SELECT 'INSURER', (i.received_at AT TIME ZONE :tz)::date, sum(i.amount)
  FROM insurance_payments i
 WHERE i.hospital_id = :h AND i.status = 'POSTED' AND i.received_at >= :t0
   AND i.received_at < :t1
 GROUP BY 2
UNION ALL
SELECT 'REFUNDS', (r.processed_at AT TIME ZONE :tz)::date, sum(r.refund_amount)
  FROM copay_refunds r
 WHERE r.hospital_id = :h AND r.status = 'PROCESSED' AND r.processed_at >= :t0
   AND r.processed_at < :t1
 GROUP BY 2""")

_PATIENT = "trim(p.first_name || ' ' || p.last_name)"


@dataclass(frozen=True)
class _RowQuery:
    columns: tuple[str, ...]
    money: frozenset[int]
    select: str          # selects id and sort key ("k") first, then the columns
    order: str           # the sort key expression, ascending with id
    id_col: str          # the id column, the keyset's tie-breaker


_ROW_QUERIES: dict[Any, _RowQuery] = {
    FigureKind.SCHEDULE: _RowQuery(
        (N_("Time"), N_("Token"), N_("Patient"), N_("MRN"), N_("Department"), N_("Doctor"),
         N_("Status"), N_("Copay")),
        frozenset(),
        f"""SELECT a.id, a.scheduled_start AS k, a.scheduled_start, a.token_number,
                  {_PATIENT}, p.mrn, dep.name, doc.full_name, a.status, a.copay_status
           FROM appointments a JOIN patients p ON p.id = a.patient_id
           JOIN departments dep ON dep.id = a.department_id
           JOIN doctors doc ON doc.id = a.doctor_id
           WHERE a.hospital_id = :h AND a.appointment_date = :today""",
        "a.scheduled_start", "a.id"),
    FigureKind.CLAIMS: _RowQuery(
        (N_("Date of service"), N_("Age (days)"), N_("Claim"), N_("Patient"), N_("MRN"),
         N_("Payer"), N_("Status"),
         N_("Billed"), N_("Expected"), N_("Rejection reason")),
        frozenset({7, 8}),
        f"""SELECT c.id, {_AGE_DAY} AS k, {_AGE_DAY}, :today - {_AGE_DAY},
                  coalesce(c.external_claim_id::text, '#' || c.id), {_PATIENT}, p.mrn,
                  coalesce((SELECT o.carrier_name FROM od_coverages o
                             WHERE o.hospital_id = :h AND o.connection_id = c.connection_id
                               AND o.plan_num = c.od_plan_num AND o.carrier_name <> ''
                             ORDER BY o.id DESC LIMIT 1), :unknown),
                  c.status, c.amount_billed, {_AMOUNT}, c.rejection_reason
           FROM claims c JOIN patients p ON p.id = c.patient_id
           WHERE c.hospital_id = :h AND c.status <> 'PAID'""",
        _AGE_DAY, "c.id"),
    Series.COPAYS: _RowQuery(
        (N_("Collected"), N_("Receipt"), N_("Patient"), N_("MRN"), N_("Method"), N_("Amount")),
        frozenset({5}),
        f"""SELECT x.id, x.payment_date AS k, x.payment_date, x.receipt_number, {_PATIENT},
                  p.mrn, x.payment_method, x.amount
           FROM copay_payments x JOIN patients p ON p.id = x.patient_id
           WHERE x.hospital_id = :h AND x.payment_date >= :t0 AND x.payment_date < :t1""",
        "x.payment_date", "x.id"),
    Series.INSURER: _RowQuery(
        (N_("Received"), N_("Check"), N_("Carrier"), N_("Claim"), N_("Patient"), N_("MRN"),
         N_("Amount")),
        frozenset({6}),
        f"""SELECT x.id, x.received_at AS k, x.received_at, x.details ->> 'check_num',
                  x.details ->> 'carrier',
                  coalesce(c.external_claim_id::text, '#' || c.id), {_PATIENT}, p.mrn,
                  x.amount
           FROM insurance_payments x JOIN claims c ON c.id = x.claim_id
           JOIN patients p ON p.id = c.patient_id
           WHERE x.hospital_id = :h AND x.status = 'POSTED' AND x.received_at >= :t0
             AND x.received_at < :t1""",
        "x.received_at", "x.id"),
    Series.REFUNDS: _RowQuery(
        (N_("Processed"), N_("Refund receipt"), N_("Paid by receipt"), N_("Patient"), N_("MRN"),
         N_("Method"), N_("Amount")),
        frozenset({6}),
        f"""SELECT x.id, x.processed_at AS k, x.processed_at, x.receipt_number,
                  cp.receipt_number, {_PATIENT}, p.mrn, x.refund_method, x.refund_amount
           FROM copay_refunds x JOIN copay_payments cp ON cp.id = x.copay_payment_id
           JOIN patients p ON p.id = x.patient_id
           WHERE x.hospital_id = :h AND x.status = 'PROCESSED' AND x.processed_at >= :t0
             AND x.processed_at < :t1""",
        "x.processed_at", "x.id"),
}


class DashboardService:
    """Figures for the billing office (VIEW_DASHBOARD: accountants and administrators)."""

    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    # ------------------------------------------------------------------------- figures
    def overview(self, actor: Actor, start: dt.date | None = None,
                 end: dt.date | None = None) -> Overview:
        """Every figure of the dashboard; revenue for ``start``..``end`` (default: the last
        30 days to today, in the hospital's timezone)."""
        actor.require(Permission.VIEW_DASHBOARD)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = self._tz(s, actor)
            today = self._clock().astimezone(tz).date()
            start, end = _default_range(today, start, end)
            schedule = {str(st): int(n) for st, n in s.execute(
                _SCHEDULE, {"h": actor.hospital_id, "today": today}).all()}
            claims = self._claims(s, actor.hospital_id, tz, today)
            revenue = self._revenue(s, actor.hospital_id, tz, start, end)
        return Overview(today, tz.key, schedule, claims, revenue)

    def revenue(self, actor: Actor, start: dt.date, end: dt.date) -> Revenue:
        """Only the revenue chart, for another range of days."""
        actor.require(Permission.VIEW_DASHBOARD)
        _check_range(start, end)
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            return self._revenue(s, actor.hospital_id, self._tz(s, actor), start, end)

    # ------------------------------------------------------------------------ drill-down
    def rows(self, actor: Actor, figure: Figure, after: RowCursor | None = None,
             limit: int = PAGE_SIZE) -> RowPage:
        """The rows behind ``figure``, ``limit`` (at most 50) a page, after ``after``."""
        actor.require(Permission.VIEW_DASHBOARD)
        figure.validate()
        if not 1 <= limit <= PAGE_SIZE:
            raise ValidationError(M("page_holds_rows", "A page holds 1 to {limit} rows.",
                                    limit=PAGE_SIZE))
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = self._tz(s, actor)
            return self._page(s, actor, figure, tz, after, limit)

    def export_csv(self, actor: Actor, figure: Figure, path: str | os.PathLike[str]
                   ) -> ExportResult:
        """Every row behind ``figure`` (up to 10,000) as UTF-8 CSV (BOM, for Excel), cells
        made formula-safe by the audit export's ``csv_safe``; the file appears only once it
        is complete. Logged in the activity log (what was exported, how many rows)."""
        actor.require(Permission.VIEW_DASHBOARD)
        figure.validate()
        target = Path(path)
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise ValidationError(M("folder_does_not_exist",
                                    "The folder {folder} does not exist. Choose another folder "
                                    "for the export.",
                                    folder=folder))
        if target.is_dir():
            raise ValidationError(M("folder_give_export_file",
                                    "{target} is a folder; give the export a file name.",
                                    target=target))
        written, truncated = 0, False
        with self._uow(actor) as uow:
            s = uow.session
            tz = self._tz(s, actor)
            fd, tmp_name = _temp_file(folder, target)
            tmp = Path(tmp_name)
            try:
                with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
                    writer = csv.writer(fh, lineterminator="\r\n")
                    cursor: RowCursor | None = None
                    header = False
                    while True:
                        page = self._page(s, actor, figure, tz, cursor, 500)
                        if not header:
                            writer.writerow(page.columns)
                            header = True
                        take = page.rows[:EXPORT_LIMIT - written]
                        writer.writerows([csv_safe(_cell(v, tz)) for v in r] for r in take)
                        written += len(take)
                        cursor = page.next_cursor
                        if cursor is None:
                            break
                        if written >= EXPORT_LIMIT:
                            truncated = True
                            break
                os.replace(tmp, target)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise ValidationError(M("could_not_save_if",
                                        "Could not save {name}: {error}. If the file is open in "
                                        "another program, close it and export again.",
                                        name=target.name, error=exc.strerror or exc)) from None
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            uow.activity(actor, "DASHBOARD_EXPORTED", "dashboard", None,
                         {"figure": figure.title, "rows": written, "truncated": truncated,
                          "file": target.name})
            uow.commit()
        return ExportResult(target, written, truncated, Changes.of(activity_logs=set()))

    # ------------------------------------------------------------------------ internals
    @staticmethod
    def _tz(s: Session, actor: Actor) -> ZoneInfo:
        name = s.scalar(sa.select(Hospital.timezone).where(Hospital.id == actor.hospital_id))
        if name is None:
            raise NotFound(M("workstation_hospital_no_longer",
                             "This workstation's hospital no longer exists."))
        return ZoneInfo(name)

    @staticmethod
    def _carriers(s: Session, hid: int) -> dict[tuple[int, int], str]:
        return {(int(c), int(p)): name for c, p, name in
                s.execute(_PLAN_CARRIERS, {"h": hid}).all() if name}

    def _claims(self, s: Session, hid: int, tz: ZoneInfo, today: dt.date) -> ClaimsAging:
        rows = s.execute(_CLAIMS, {"h": hid, "tz": tz.key, **{
            f"d{n}": today - dt.timedelta(days=n) for n in (30, 60, 90)}}).all()
        carriers = self._carriers(s, hid) if rows else {}
        by_status: dict[str, dict[Bucket, Cell]] = {}
        by_payer: dict[str, dict[Bucket, Cell]] = {}
        for status, conn, plan, *figures in rows:
            payer = carriers.get((conn, plan), UNKNOWN_PAYER) if plan is not None \
                else UNKNOWN_PAYER
            for i, b in enumerate(Bucket):
                n, amount = figures[2 * i], figures[2 * i + 1]
                if not n:
                    continue
                cell = Cell(int(n), q(amount or ZERO))
                for table, key in ((by_status, str(status)), (by_payer, payer)):
                    row = table.setdefault(key, {})
                    row[b] = row.get(b, Cell()) + cell
        order = [st.value for st in OUTSTANDING]
        by_status = {k: by_status[k] for k in sorted(by_status, key=order.index)}
        by_payer = {k: by_payer[k] for k in sorted(
            by_payer, key=lambda p: (p == UNKNOWN_PAYER, -ClaimsAging.row_total(
                by_payer[p]).amount, p))}
        return ClaimsAging(by_status, by_payer)

    @staticmethod
    def _revenue(s: Session, hid: int, tz: ZoneInfo, start: dt.date, end: dt.date
                 ) -> Revenue:
        t0, t1 = _bounds(start, end, tz)
        sums: dict[tuple[str, dt.date], Decimal] = {
            (series, day): q(amount) for series, day, amount in s.execute(
                _REVENUE, {"h": hid, "tz": tz.key, "t0": t0, "t1": t1}).all()}
        days = tuple(RevenueDay(d, sums.get(("COPAYS", d), ZERO),
                                sums.get(("INSURER", d), ZERO),
                                sums.get(("REFUNDS", d), ZERO))
                     for d in (start + dt.timedelta(days=i)
                               for i in range((end - start).days + 1)))
        return Revenue(start, end, days)

    def _page(self, s: Session, actor: Actor, figure: Figure, tz: ZoneInfo,
              after: RowCursor | None, limit: int) -> RowPage:
        hid = actor.hospital_id
        today = self._clock().astimezone(tz).date()
        spec = _ROW_QUERIES[figure.series if figure.kind is FigureKind.REVENUE
                            else figure.kind]
        params: dict[str, Any] = {"h": hid, "tz": tz.key, "today": today,
                                  "unknown": UNKNOWN_PAYER, "lim": limit + 1}
        where: list[str] = []
        if figure.kind is FigureKind.SCHEDULE and figure.status:
            where.append("a.status = :status")
            params["status"] = figure.status
        elif figure.kind is FigureKind.CLAIMS:
            if figure.status:
                where.append("c.status = :status")
                params["status"] = figure.status
            if figure.bucket is not None:
                young, old = _BUCKET_AGES[figure.bucket]
                if young is not None:
                    where.append(f"{_AGE_DAY} <= :newest")
                    params["newest"] = today - dt.timedelta(days=young)
                if old is not None:
                    where.append(f"{_AGE_DAY} >= :oldest")
                    params["oldest"] = today - dt.timedelta(days=old)
            if figure.payer is not None:
                where.append(self._payer_filter(s, hid, figure.payer, params))
        elif figure.kind is FigureKind.REVENUE:
            assert figure.start is not None and figure.end is not None
            params["t0"], params["t1"] = _bounds(figure.start, figure.end, tz)
        if after is not None:
            where.append(f"({spec.order}, {spec.id_col}) > (:after_k, :after_id)")
            params["after_k"], params["after_id"] = after.at, after.id
        sql = spec.select + "".join(f" AND {w}" for w in where) + \
            f" ORDER BY {spec.order}, {spec.id_col} LIMIT :lim"
        got = s.execute(sa.text(sql), params).all()
        more = len(got) > limit
        got = got[:limit]
        rows = [tuple(_value(v) for v in r[2:]) for r in got]
        cursor = RowCursor(got[-1][1], int(got[-1][0])) if more else None
        return RowPage(figure, spec.columns, rows, cursor, spec.money)

    def _payer_filter(self, s: Session, hid: int, payer: str,
                      params: dict[str, Any]) -> str:
        plans = self._carriers(s, hid)
        mine = [k for k, name in plans.items() if name == payer]
        params["pc"] = [c for c, _p in mine] or [0]
        params["pp"] = [p for _c, p in mine] or [0]
        match = ("EXISTS (SELECT 1 FROM unnest(CAST(:pc AS bigint[]), CAST(:pp AS bigint[])) "
                 "AS m(c, p) WHERE m.c = c.connection_id AND m.p = c.od_plan_num)")
        if payer != UNKNOWN_PAYER:
            return match if mine else "false"
        # Unknown: no plan, or a plan no coverage row names a carrier for.
        known = [k for k in plans]
        params["pc"] = [c for c, _p in known] or [0]
        params["pp"] = [p for _c, p in known] or [0]
        return f"(c.od_plan_num IS NULL OR NOT {match})"


def _default_range(today: dt.date, start: dt.date | None, end: dt.date | None
                   ) -> tuple[dt.date, dt.date]:
    end = end or today
    start = start or end - dt.timedelta(days=29)
    _check_range(start, end)
    return start, end


def _bounds(start: dt.date, end: dt.date, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The instants the hospital's days ``start``..``end`` begin and end."""
    return (dt.datetime.combine(start, dt.time(), tz),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tz))


def _value(v: Any) -> Any:
    return q(v) if isinstance(v, Decimal) else v


def _cell(v: Any, tz: ZoneInfo) -> Any:
    """What a CSV cell says: local times, plain amounts (12.50), words for enums."""
    if isinstance(v, dt.datetime):
        return v.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return f"{v:.2f}"
    return v


def _temp_file(folder: Path, target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise ValidationError(M("could_not_write_choose",
                                "Could not write to {folder}: {error}. Choose another folder for "
                                "the export.",
                                folder=folder, error=exc.strerror or exc)) from None


__all__: Sequence[str] = (
    "Bucket", "Cell", "ClaimsAging", "DashboardService", "ExportResult", "Figure",
    "FigureKind", "Overview", "Revenue", "RevenueDay", "RowCursor", "RowPage", "Series",
    "UNKNOWN_PAYER")
