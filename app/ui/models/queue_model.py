"""The OPD queue as a Qt table model: one line per appointment, updated in place.

:class:`QueueModel` holds today's :class:`~app.services.queue.QueueRow` values in the order the
service returned them. Live updates never reset the model: :meth:`QueueModel.upsert` changes
one row (``dataChanged`` for that row only), :meth:`QueueModel.merge` applies a whole refresh
as removals, in-place changes and appends, so selections and scroll positions survive. A 30 s
timer redraws only the Waiting column.

:class:`QueueFilterProxy` does the filtering and sorting on the GUI side (tab statuses,
department, doctor, stage, search text), so a row that changes status simply enters or
leaves a tab; the proxy inserts or removes it.

Labels (headers, stages, visit types, copay states) are English source texts marked ``N_()``
and shown with ``tr()``; times, amounts and durations go through app/ui/i18n.py. Patient,
doctor and department names are shown as stored. The sort keys do not depend on the language
except for text columns, which sort by what is shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.enums import AppointmentStatus, CopayStatus, VisitType
from app.ui import i18n
from app.ui.i18n import N_, tr

S = AppointmentStatus
ModelIndex = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    TOKEN = 0
    TIME = 1
    PATIENT = 2
    MRN = 3
    DOCTOR = 4
    DEPARTMENT = 5
    VISIT = 6
    STATUS = 7
    COPAY = 8
    WAITING = 9


HEADERS = (N_("Token"), N_("Time"), N_("Patient"), N_("MRN"), N_("Doctor"), N_("Department"),
           N_("Visit"), N_("Status"), N_("Copay"), N_("Waiting"))
"""English source texts; the header shows ``tr(HEADERS[col])``."""

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""data(index, ROW_ROLE) -> the QueueRow of that line."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""data(index, ID_ROLE) -> the appointment id of that line."""

WAITING_REFRESH_MS = 30_000

TODAY_STATUSES = frozenset({S.SCHEDULED, S.CONFIRMED})
LIVE_STATUSES = frozenset({S.CHECKED_IN, S.IN_CONSULTATION, S.COMPLETED})


# ------------------------------------------------------------------------------ stages
class Stage:
    """The seed's OPD stages (seed 004 §15) as keys for the status filter and colours."""

    SCHEDULED = "SCHEDULED"
    CONFIRMED = "CONFIRMED"
    AWAITING_VITALS = "AWAITING_VITALS"
    READY = "READY"
    IN_CONSULTATION = "IN_CONSULTATION"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"
    NO_SHOW = "NO_SHOW"


STAGE_LABELS = {
    Stage.SCHEDULED: N_("Scheduled"),
    Stage.CONFIRMED: N_("Confirmed"),
    Stage.AWAITING_VITALS: N_("Awaiting vitals"),
    Stage.READY: N_("Ready for doctor"),
    Stage.IN_CONSULTATION: N_("In consultation"),
    Stage.COMPLETED: N_("Completed"),
    Stage.CANCELLED: N_("Cancelled"),
    Stage.NO_SHOW: N_("No-show"),
}

# Background per stage: light tints, all readable with black text (contrast > 12:1).
STAGE_COLOURS = {
    Stage.SCHEDULED: "#ffffff",
    Stage.CONFIRMED: "#e7f0fb",
    Stage.AWAITING_VITALS: "#fff1d6",
    Stage.READY: "#dff3e4",
    Stage.IN_CONSULTATION: "#ece5fa",
    Stage.COMPLETED: "#eef0f2",
    Stage.CANCELLED: "#fbe4e4",
    Stage.NO_SHOW: "#fbe4e4",
}

TO_CHECK_IN = "TO_CHECK_IN"
"""The Today tab's default status choice: scheduled or confirmed, i.e. not checked in yet."""
TO_CHECK_IN_LABEL = N_("To check in")
TO_CHECK_IN_STAGES = frozenset({Stage.SCHEDULED, Stage.CONFIRMED})

# Today's Appointments holds every appointment of the day (with "All statuses" a checked-in
# patient is still found there); it opens on "To check in". The Live Queue holds the
# checked-in ones.
TAB_STAGES = {
    "today": (Stage.SCHEDULED, Stage.CONFIRMED, Stage.AWAITING_VITALS, Stage.READY,
              Stage.IN_CONSULTATION, Stage.COMPLETED, Stage.CANCELLED, Stage.NO_SHOW),
    "live": (Stage.AWAITING_VITALS, Stage.READY, Stage.IN_CONSULTATION, Stage.COMPLETED),
}

LEGEND = (
    (Stage.SCHEDULED, N_("Scheduled")), (Stage.CONFIRMED, N_("Confirmed")),
    (Stage.AWAITING_VITALS, N_("Awaiting vitals")), (Stage.READY, N_("Ready for doctor")),
    (Stage.IN_CONSULTATION, N_("In consultation")), (Stage.COMPLETED, N_("Completed")),
    (Stage.CANCELLED, N_("Cancelled / No-show")),
)
"""Row colours as the legend under the queue explains them (no-show shares cancelled's)."""

_VISIT_LABELS = {
    VisitType.CONSULTATION: N_("Consultation"),
    VisitType.FOLLOW_UP: N_("Follow-up"),
    VisitType.EMERGENCY: N_("Emergency"),
}

_COPAY_LABELS = {
    CopayStatus.PENDING: N_("Pending"),
    CopayStatus.COLLECTED: N_("Collected"),
    CopayStatus.WAIVED: N_("Waived"),
    CopayStatus.DEFERRED: N_("Deferred"),
}


def stage_of(row: Any) -> str:
    status = row.status
    if status is S.CHECKED_IN:
        return Stage.AWAITING_VITALS if row.vitals_recorded_at is None else Stage.READY
    return {S.SCHEDULED: Stage.SCHEDULED, S.CONFIRMED: Stage.CONFIRMED,
            S.IN_CONSULTATION: Stage.IN_CONSULTATION, S.COMPLETED: Stage.COMPLETED,
            S.CANCELLED: Stage.CANCELLED, S.NO_SHOW: Stage.NO_SHOW}[status]


def status_text(row: Any) -> str:
    stage = stage_of(row)
    if stage == Stage.IN_CONSULTATION and row.vitals_recorded_at is None:
        return tr("In consultation (no vitals)")
    return tr(STAGE_LABELS[stage])


def copay_text(row: Any) -> str:
    label = tr(_COPAY_LABELS.get(row.copay_status, str(row.copay_status)))
    if row.copay_status is CopayStatus.COLLECTED and row.copay_amount is not None:
        return tr("{status} · {amount}").format(status=label,
                                                amount=i18n.money(row.copay_amount))
    return label


def waited(row: Any, now: dt.datetime) -> dt.timedelta | None:
    """How long the patient has waited since check-in: live while CHECKED_IN, frozen at the
    start of the consultation afterwards; None before check-in."""
    if row.checked_in_at is None:
        return None
    end = row.consultation_started_at if row.status is not S.CHECKED_IN else None
    if end is None and row.status is not S.CHECKED_IN:
        end = row.completed_at
    delta = (end or now) - row.checked_in_at
    return max(delta, dt.timedelta(0))


def duration_text(delta: dt.timedelta | None) -> str:
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return tr("{minutes} min").format(minutes=i18n.number(minutes))
    return tr("{hours} h {minutes} min").format(hours=i18n.number(minutes // 60),
                                                minutes=i18n.digits(f"{minutes % 60:02d}"))


_DIGITS = re.compile(r"\D+")


def matches_search(row: Any, text: str) -> bool:
    """Name, MRN or Emirates ID contain what was typed (case, dashes and spaces ignored)."""
    needle = text.strip().casefold()
    if not needle:
        return True
    if needle in row.patient_name.casefold() or needle in row.mrn.casefold():
        return True
    digits = _DIGITS.sub("", needle)
    if len(digits) >= 3 and row.emirates_id:
        return digits in _DIGITS.sub("", row.emirates_id)
    return False


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ------------------------------------------------------------------------------ model
class QueueModel(QAbstractTableModel):
    """Today's queue rows, keyed by appointment id; see the module docstring."""

    def __init__(self, parent: QObject | None = None, *,
                 now: Callable[[], dt.datetime] = _utcnow,
                 waiting_refresh_ms: int = WAITING_REFRESH_MS) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._pos: dict[int, int] = {}
        self._now = now
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {k: QBrush(QColor(v)) for k, v in STAGE_COLOURS.items()}
        self._grey = QBrush(QColor("#57606a"))
        self._red = QBrush(QColor("#b42318"))
        self._ink = QBrush(QColor("#1f2328"))
        self.waiting_timer = QTimer(self)
        self.waiting_timer.setInterval(waiting_refresh_ms)
        self.waiting_timer.timeout.connect(self.refresh_waiting)
        self.waiting_timer.start()

    # -- access --------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_for(self, appointment_id: int) -> Any | None:
        pos = self._pos.get(appointment_id)
        return None if pos is None else self._rows[pos]

    def position_of(self, appointment_id: int) -> int | None:
        return self._pos.get(appointment_id)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[stage_of(row)]
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.is_emergency and col in (Col.TOKEN, Col.VISIT):
                return self._red
            if col == Col.WAITING and row.status is not S.CHECKED_IN:
                return self._grey
            return self._ink
        if role == Qt.ItemDataRole.FontRole:
            if col == Col.TOKEN or (row.is_emergency and col == Col.VISIT):
                return self._bold
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (Col.TOKEN, Col.TIME, Col.WAITING):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.appointment_id
        return None

    def text(self, row: Any, col: int) -> str:
        """What ``col`` shows for ``row`` (the queue page sizes its columns to it)."""
        return self._display(row, col)

    def _display(self, row: Any, col: int) -> str:
        if col == Col.TOKEN:
            return row.token_label
        if col == Col.TIME:
            return i18n.time_text(row.scheduled_start)
        if col == Col.PATIENT:
            return row.patient_name
        if col == Col.MRN:
            return row.mrn
        if col == Col.DOCTOR:
            return row.doctor_name
        if col == Col.DEPARTMENT:
            return row.department_name
        if col == Col.VISIT:
            label = tr(_VISIT_LABELS.get(row.visit_type, str(row.visit_type)))
            if row.is_emergency and row.visit_type is not VisitType.EMERGENCY:
                return tr("{visit} · EMERGENCY").format(visit=label)
            return label
        if col == Col.STATUS:
            return status_text(row)
        if col == Col.COPAY:
            return copay_text(row)
        if col == Col.WAITING:
            return duration_text(waited(row, self._now()))
        return ""

    def _tooltip(self, row: Any, col: int) -> str | None:
        if col == Col.PATIENT:
            eid = row.emirates_id or tr("no Emirates ID on file")
            insurer = row.primary_insurer or tr("no insurance (self-pay)")
            return tr("{name} · {mrn}\nEmirates ID: {eid}\nInsurance: {insurer}").format(
                name=row.patient_name, mrn=row.mrn, eid=eid, insurer=insurer)
        if col == Col.WAITING and row.checked_in_at is not None:
            if row.status is S.CHECKED_IN:
                return tr("Waiting since check-in (updated every 30 seconds)")
            return tr("Waited this long between check-in and the consultation")
        if col == Col.STATUS and row.started_without_vitals:
            return tr("The consultation started before vitals were recorded")
        return None

    # -- sorting keys used by the proxy -----------------------------------------------
    def sort_key(self, row: Any, col: int) -> Any:
        if col == Col.TOKEN:  # one block per department, each in token order
            return (row.token_number is None, row.department_code, row.token_number or 0)
        if col == Col.TIME:
            return row.scheduled_start
        if col == Col.WAITING:
            w = waited(row, self._now())
            return w.total_seconds() if w is not None else -1.0
        if col == Col.STATUS:
            return list(STAGE_LABELS).index(stage_of(row))
        return self._display(row, col).casefold()

    # -- changes -------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace everything (first load only; live updates use upsert/merge)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def upsert(self, row: Any) -> bool:
        """Put one row in place (dataChanged for that row) or append it; False if unchanged."""
        pos = self._pos.get(row.appointment_id)
        if pos is None:
            n = len(self._rows)
            self.beginInsertRows(QModelIndex(), n, n)
            self._rows.append(row)
            self._pos[row.appointment_id] = n
            self.endInsertRows()
            return True
        old = self._rows[pos]
        if old == row or getattr(old, "version", 0) > getattr(row, "version", 0):
            return False  # nothing new, or an older read arriving late
        self._rows[pos] = row
        self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(HEADERS) - 1))
        return True

    def remove(self, appointment_id: int) -> bool:
        pos = self._pos.get(appointment_id)
        if pos is None:
            return False
        self.beginRemoveRows(QModelIndex(), pos, pos)
        del self._rows[pos]
        self.endRemoveRows()
        self._reindex()
        return True

    def merge(self, rows: Iterable[Any]) -> int:
        """Apply a full refresh without a reset: remove rows that are gone, change rows that
        differ (one dataChanged per run of neighbouring rows), append new ones. Returns how
        many rows changed in any way."""
        fresh = list(rows)
        if not self._rows:
            if fresh:
                self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
                self._rows = fresh
                self._reindex()
                self.endInsertRows()
            return len(fresh)
        keep = {r.appointment_id for r in fresh}
        touched = 0
        gone = [i for i, r in enumerate(self._rows) if r.appointment_id not in keep]
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first:last + 1]
            self.endRemoveRows()
            touched += last - first + 1
        if gone:
            self._reindex()
        changed: list[int] = []
        new: list[Any] = []
        for r in fresh:
            pos = self._pos.get(r.appointment_id)
            if pos is None:
                new.append(r)
            elif self._rows[pos] != r:
                self._rows[pos] = r
                changed.append(pos)
        for first, last in _runs(sorted(changed)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))
        touched += len(changed)
        if new:
            n = len(self._rows)
            self.beginInsertRows(QModelIndex(), n, n + len(new) - 1)
            self._rows.extend(new)
            for i, r in enumerate(new, start=n):
                self._pos[r.appointment_id] = i
            self.endInsertRows()
            touched += len(new)
        return touched

    def refresh_waiting(self) -> None:
        """Redraw the Waiting column only (called every 30 s)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, Col.WAITING),
                                  self.index(len(self._rows) - 1, Col.WAITING),
                                  [Qt.ItemDataRole.DisplayRole])

    def _reindex(self) -> None:
        self._pos = {r.appointment_id: i for i, r in enumerate(self._rows)}


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)]."""
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and p == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs


# ------------------------------------------------------------------------------ proxy
class QueueFilterProxy(QSortFilterProxyModel):
    """One tab's view of the queue: its stages, plus department / doctor / stage / search."""

    def __init__(self, stages: Iterable[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tab_stages = frozenset(stages)
        self.department_id: int | None = None
        self.doctor_id: int | None = None
        self.stage: str | None = None
        self.search = ""
        self.setDynamicSortFilter(True)

    def set_filters(self, *, department_id: int | None = None, doctor_id: int | None = None,
                    stage: str | None = None, search: str = "") -> None:
        new = (department_id, doctor_id, stage, search.strip())
        if new == (self.department_id, self.doctor_id, self.stage, self.search):
            return
        self._begin()
        self.department_id, self.doctor_id, self.stage, self.search = new
        self._end()

    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        row = model.row_at(source_row)
        stage = stage_of(row)
        if stage not in self.tab_stages:
            return False
        if self.stage == TO_CHECK_IN:
            if stage not in TO_CHECK_IN_STAGES:
                return False
        elif self.stage is not None and stage != self.stage:
            return False
        if self.department_id is not None and row.department_id != self.department_id:
            return False
        if self.doctor_id is not None and row.doctor_id != self.doctor_id:
            return False
        return matches_search(row, self.search)

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        col = left.column()
        a, b = model.row_at(left.row()), model.row_at(right.row())
        ka, kb = model.sort_key(a, col), model.sort_key(b, col)
        if ka == kb:  # stable, predictable order: by time, then appointment id
            return (a.scheduled_start, a.appointment_id) < (b.scheduled_start, b.appointment_id)
        return ka < kb

    def row_at(self, proxy_row: int) -> Any:
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        return model.row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def proxy_row_of(self, appointment_id: int) -> int | None:
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        pos = model.position_of(appointment_id)
        if pos is None:
            return None
        idx = self.mapFromSource(model.index(pos, 0))
        return idx.row() if idx.isValid() else None
