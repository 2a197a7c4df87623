"""The activity log viewer (seed 000 §8): every mutating service call, sign-ins and the daily
heartbeat, newest first, with filters (action, user, date range, text), keyset pages on
``(created_at, id) DESC`` (index ``ix_activity_logs_hospital_created``) and a CSV export
through the same injection-safe, all-or-nothing writer as the insurance audit
(app/services/csv_export.py).

Dates are calendar days at the hospital; ``date_to`` includes the whole day. The text filter
looks in the action, the target, the workstation and the payload (its JSON text), without
regard to case; with no date range it is bounded only by the page size, so the screen always
sends one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import ActivityLog, Hospital, User
from app.db.timeouts import REPORT
from app.domain.dates import check_day
from app.domain.errors import NotFound, ValidationError
from app.domain.messages import messages
from app.domain.roles import Permission
from app.domain.text import SEARCH_MAX, clean_text
from app.services.audit import ActivityCursor, ActivityPage, ActivityRow, ExportResult
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.csv_export import csv_safe, write_atomically
from app.services.tasks import NullState, TaskState
from app.services.unit_of_work import UowFactory

M = messages(__name__)

__all__ = ["ACTIVITY_CSV_COLUMNS", "ActivityFilters", "ActivityLogService"]

L = ActivityLog
MAX_PAGE = 200
EXPORT_LIMIT = 10_000
EXPORT_BATCH = 1_000
ACTIVITY_CSV_COLUMNS = ("Date/Time", "Action", "User", "Target", "Target ID", "Workstation",
                        "Details")


@dataclass(frozen=True)
class ActivityFilters:
    action: str | None = None
    user_id: int | None = None
    system_only: bool = False  # rows written by the background thread (no user)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None

    def validate(self) -> ActivityFilters:
        check_day(self.date_from, "The start date")
        check_day(self.date_to, "The end date")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValidationError(M("start_date_after_end",
                                    "The start date is after the end date."))
        return ActivityFilters(
            action=clean_text(self.action, "The action filter", 60) or None,
            user_id=None if self.user_id is None else int(self.user_id),
            system_only=bool(self.system_only), date_from=self.date_from,
            date_to=self.date_to, text=clean_text(self.text, "Search", SEARCH_MAX) or None)

    def describe(self) -> dict[str, Any]:
        return {"action": self.action, "user_id": self.user_id, "system": self.system_only,
                "date_from": self.date_from, "date_to": self.date_to, "text": self.text}


def details_text(payload: dict[str, Any] | None) -> str:
    """The payload as one line of JSON (keys sorted), for the table's tooltip and the CSV."""
    if not payload:
        return ""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)


def _like(text: str) -> str:
    t = text.lower()
    return "%" + t.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


class ActivityLogService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    def page(self, actor: Actor, filters: ActivityFilters | None = None, *,
             after: ActivityCursor | None = None, limit: int = 50) -> ActivityPage:
        actor.require(Permission.VIEW_ACTIVITY)
        filters = (filters or ActivityFilters()).validate()
        limit = max(1, min(int(limit), MAX_PAGE))
        with self._uow(actor, read_only=True) as uow:
            s = uow.session
            tz = _tz(s, actor)
            rows = [_row(r, tz) for r in s.execute(
                self._select(actor, filters, tz, after).limit(limit + 1))]
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = (ActivityCursor(rows[-1].created_at.astimezone(dt.UTC), rows[-1].id)
                  if more and rows else None)
        return ActivityPage(rows, cursor)

    def actions(self, actor: Actor) -> list[str]:
        """Actions logged in the last 90 days, for the filter's list (one index range)."""
        actor.require(Permission.VIEW_ACTIVITY)
        since = self._clock() - dt.timedelta(days=90)
        with self._uow(actor, read_only=True) as uow:
            return list(uow.session.scalars(
                sa.select(L.action).where(L.hospital_id == actor.hospital_id,
                                          L.created_at >= since)
                .group_by(L.action).order_by(L.action)))

    def users(self, actor: Actor) -> list[tuple[int, str]]:
        """(id, name) of the hospital's users, for the user filter."""
        actor.require(Permission.VIEW_ACTIVITY)
        with self._uow(actor, read_only=True) as uow:
            return [(i, n) for i, n in uow.session.execute(
                sa.select(User.id, User.full_name).where(User.hospital_id == actor.hospital_id)
                .order_by(User.full_name))]

    def export_csv(self, actor: Actor, filters: ActivityFilters | None,
                   path: str | os.PathLike, state: TaskState | None = None) -> ExportResult:
        """Up to 10,000 matching entries, newest first, into ``path`` (UTF-8 with a BOM,
        cells made formula-safe); the file appears only once complete. Long task."""
        actor.require(Permission.VIEW_ACTIVITY)
        filters = (filters or ActivityFilters()).validate()
        state = state or NullState()
        target = Path(path)
        outcome = {"truncated": False}

        def fill(writer: Any) -> int | None:
            done = self._write(actor, filters, writer, state)
            if done is None:
                return None
            outcome["truncated"] = done[1]
            return done[0]

        written = write_atomically(target, ACTIVITY_CSV_COLUMNS, fill)
        if written is None:
            return ExportResult(target, 0, cancelled=True)
        truncated = outcome["truncated"]
        state.progress(1.0)
        with self._uow(actor) as uow:  # exporting the log is itself worth a log line
            uow.activity(actor, "ACTIVITY_EXPORTED", "activity_logs", None,
                         {"filters": filters.describe(), "rows": written,
                          "truncated": truncated, "file": target.name})
            uow.commit()
        return ExportResult(target, written, truncated=truncated)

    # --------------------------------------------------------------------- internals
    def _write(self, actor: Actor, filters: ActivityFilters, writer: Any,
               state: TaskState) -> tuple[int, bool] | None:
        with self._uow.with_timeouts(REPORT)(actor, read_only=True) as uow:
            s = uow.session
            tz = _tz(s, actor)
            written, cursor, truncated = 0, None, False
            state.progress(0.0)
            while True:
                if state.cancelled():
                    return None
                room = EXPORT_LIMIT - written
                batch = [_row(r, tz) for r in s.execute(
                    self._select(actor, filters, tz, cursor).limit(min(EXPORT_BATCH, room) + 1))]
                if len(batch) > room:
                    truncated = True
                batch = batch[:min(EXPORT_BATCH, room)]
                writer.writerows([csv_safe(v) for v in (
                    r.created_at.strftime("%Y-%m-%d %H:%M:%S"), r.action, r.user_name,
                    r.target_type, r.target_id, r.workstation, details_text(r.payload))]
                    for r in batch)
                written += len(batch)
                state.progress(min(0.99, written / EXPORT_LIMIT))
                if len(batch) < EXPORT_BATCH or written >= EXPORT_LIMIT:
                    break
                cursor = ActivityCursor(batch[-1].created_at.astimezone(dt.UTC), batch[-1].id)
            if state.cancelled():
                return None
            return written, truncated

    @staticmethod
    def _select(actor: Actor, f: ActivityFilters, tz: ZoneInfo,
                after: ActivityCursor | None) -> sa.Select:
        where: list[Any] = [L.hospital_id == actor.hospital_id]
        if f.action:
            where.append(L.action == f.action)
        if f.system_only:
            where.append(L.user_id.is_(None))
        elif f.user_id is not None:
            where.append(L.user_id == f.user_id)
        if f.date_from:
            where.append(L.created_at >= dt.datetime.combine(f.date_from, dt.time(), tz))
        if f.date_to:
            where.append(L.created_at < dt.datetime.combine(
                f.date_to + dt.timedelta(days=1), dt.time(), tz))
        if f.text:
            like = _like(f.text)
            where.append(sa.or_(*(sa.func.lower(col).like(like, escape="/") for col in (
                L.action, sa.func.coalesce(L.target_type, ""),
                sa.func.coalesce(L.target_id, ""), sa.func.coalesce(L.workstation, ""),
                sa.cast(L.payload, sa.Text)))))
        if after is not None:
            where.append(sa.tuple_(L.created_at, L.id) < (after.created_at, after.id))
        return (sa.select(L.id, L.created_at, L.action, L.user_id, User.full_name,
                          L.target_type, L.target_id, L.workstation, L.payload)
                .outerjoin(User, User.id == L.user_id).where(*where)
                .order_by(L.created_at.desc(), L.id.desc()))


def _tz(s: Session, actor: Actor) -> ZoneInfo:
    name = s.scalar(sa.select(Hospital.timezone).where(Hospital.id == actor.hospital_id))
    if name is None:
        raise NotFound(M("workstation_hospital_no_longer",
                         "This workstation's hospital no longer exists."))
    return ZoneInfo(name)


def _row(r: Any, tz: ZoneInfo) -> ActivityRow:
    return ActivityRow(r.id, r.created_at.astimezone(tz), r.action, r.user_id,
                       r.full_name or "System", r.target_type, r.target_id, r.workstation,
                       dict(r.payload or {}))
