"""The OPD queue page: Today's Appointments (check in) and the Live Queue (vitals, consultation).

Keyboard first (keys defined in app/ui/shortcuts.py, listed by Help → Keyboard shortcuts):
Ctrl+F jumps to the search box from anywhere on the page, Down moves from it into the list,
Enter on the only match (or on a row) checks the patient in (Today) or takes the row's next
step (Live); F2 check-in, F3 vitals, F4 start, F6 complete, F7 payments, F8 add insurance,
F9 switches tab, F5 refreshes. Buttons a role may not use are hidden; the rest are enabled by
the row's status.

Tokens are numbered per department and shown with the department's code ("GP-3"); the Live
Queue sorts them in one block per department. Column widths follow what the rows hold, so
the Department is never cut while the Patient column takes the rest; a legend explains the
row colours. Times (the "Updated" clock, "today") are the hospital's, not the workstation's.

Data: one ``queue.day`` call fills the model; afterwards every change published on
``ctx.bus.data_changed`` (this workstation's ops and other workstations' NOTIFYs) re-reads
just the rows it names with ``queue.row`` and updates them in place, so nobody's selection or
scroll position jumps while the desk is busy.

In Arabic the page mirrors (Qt.RightToLeft): Token is the rightmost column, the legend and the
buttons run from the right. Patient, doctor and department names are shown as stored; labels
and dates are in the user's language (app/ui/i18n.py), times and tokens in Western digits.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import AppointmentStatus, CopayStatus
from app.domain.errors import DomainError, NotFound
from app.domain.queue_rules import QueueAction
from app.domain.queue_rules import can as status_allows
from app.domain.roles import Permission, can
from app.domain.text import SEARCH_MAX
from app.services.changes import Changes
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for, show_error
from app.ui.i18n import tr
from app.ui.models.queue_model import (
    HEADERS,
    LEGEND,
    STAGE_COLOURS,
    STAGE_LABELS,
    TAB_STAGES,
    TO_CHECK_IN,
    TO_CHECK_IN_LABEL,
    Col,
    QueueFilterProxy,
    QueueModel,
    duration_text,
)
from app.ui.payment_history_dialog import PaymentHistoryDialog
from app.ui.shortcuts import QUEUE_ACTIONS, QUEUE_KEYS, by_name
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator

log = logging.getLogger(__name__)

ROW_FETCH_DELAY_MS = 15
"""Changes arriving within this window are fetched together."""
FULL_REFRESH_DELAY_MS = 250
"""Changes that name no appointment (payments, patients) refresh the whole day, debounced."""

PATIENT_MIN_WIDTH = 140
CELL_PADDING = 14
"""Pixels a cell needs around its text (the view's margins and the grid line)."""
SORT_ARROW = 18
"""A header also shows the sort arrow next to its title."""
FIXED_WIDEST = {Col.TIME: lambda: (i18n.time_text(dt.time(0, 0)),),
                Col.WAITING: lambda: (duration_text(dt.timedelta(hours=23, minutes=59)),)}
"""Columns whose width follows a template, not the rows (Waiting changes every 30 s); in the
interface's language."""


def day_text(day: dt.date) -> str:
    """"Friday 04 December 2026" in the interface's language (Gregorian, as on the desk)."""
    return tr("{weekday} {day} {month} {year}").format(
        weekday=i18n.weekday_name(day), day=i18n.digits(f"{day.day:02d}"),
        month=i18n.month_name(day), year=i18n.digits(str(day.year)))


_QUEUE_TABLES = ("appointments", "copay_payments", "patients", "patient_insurances")


class QueueTable(QTableView):
    """The queue grid; Enter/Return emits ``activated`` for the current row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_patient_column()

    def fit_patient_column(self) -> None:
        """The Patient column takes the width the others leave (at least PATIENT_MIN_WIDTH);
        a Stretch section could shrink to nothing on a 1366-pixel desk screen."""
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != Col.PATIENT and not header.isSectionHidden(c))
        spare = self.viewport().width() - others
        header.resizeSection(Col.PATIENT, max(PATIENT_MIN_WIDTH, spare))


class QueueWindow(QWidget):
    """Today's appointments and the live queue of the signed-in user's hospital."""

    queue_loaded = Signal(int)
    """queue_loaded(row_count) — a full load or refresh of the day finished."""

    rows_updated = Signal(object)
    """rows_updated(appointment_ids: list[int]) — these rows were re-read and redrawn in place."""

    check_in_requested = Signal(int)
    """check_in_requested(appointment_id) — Check In was pressed; the copay dialog opens."""

    checked_in = Signal(int, int)
    """checked_in(appointment_id, token_number) — the patient is in the live queue."""

    action_finished = Signal(str, int)
    """action_finished(action, appointment_id) — vitals / start / complete succeeded."""

    payments_opened = Signal(object)
    """payments_opened(dialog) — the payment history of the selected patient is open (F7)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        role = ctx.actor.role
        self._may = {
            QueueAction.CHECK_IN: can(role, Permission.CHECK_IN),
            QueueAction.RECORD_VITALS: can(role, Permission.RECORD_VITALS),
            QueueAction.START_CONSULTATION: can(role, Permission.START_CONSULTATION),
            QueueAction.COMPLETE: can(role, Permission.COMPLETE_CONSULTATION),
        }
        self._loading = False
        self._reload_again = False
        self._loaded_once = False
        self._pending_ids: set[int] = set()
        self._pending_full = False
        self._in_flight: set[int] = set()  # appointments with an action running
        self.dialog: QWidget | None = None  # the copay / vitals dialog currently open

        self.model = QueueModel(self)
        self.today_proxy = QueueFilterProxy(TAB_STAGES["today"], self)
        self.live_proxy = QueueFilterProxy(TAB_STAGES["live"], self)
        # Each tab keeps its own status choice; Today opens on the patients still to check in.
        self._stage_choice: dict[str, str | None] = {"today": TO_CHECK_IN, "live": None}
        self.today_proxy.set_filters(stage=TO_CHECK_IN)
        self._text_widths: dict[tuple[str, bool], int] = {}
        for proxy in (self.today_proxy, self.live_proxy):
            proxy.setSourceModel(self.model)

        self._build_ui()
        self._connect()
        self.refresh()

    # ------------------------------------------------------------------------------ UI
    def _build_ui(self) -> None:
        title = QLabel(tr("OPD Queue"), objectName="PageTitle")
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.day_label = QLabel("", objectName="Status")
        self.busy = BusyIndicator(tr("Loading the queue…"))
        self.updated_label = QLabel("", objectName="Status")
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setToolTip(tr("Reload today's appointments {keys}").format(
            keys=by_name("refresh").hint))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.day_label)
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.updated_label)
        top.addWidget(self.refresh_button)

        self.search = QLineEdit(placeholderText=tr("Search name, MRN or Emirates ID  {keys}").format(
            keys=by_name("search").hint))
        self.search.setToolTip(tr("Down moves into the list; Enter checks in the only match"))
        self.search.setMaxLength(SEARCH_MAX)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search patients"))
        self.search.setMinimumWidth(300)
        self.department = QComboBox()
        self.department.setAccessibleName(tr("Department"))
        self.department.addItem(tr("All departments"), None)
        self.doctor = QComboBox()
        self.doctor.setAccessibleName(tr("Doctor"))
        self.doctor.addItem(tr("All doctors"), None)
        self.stage = QComboBox()
        self.stage.setAccessibleName(tr("Status"))
        for combo in (self.department, self.doctor, self.stage):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(150)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(tr("Department")))
        filters.addWidget(self.department)
        filters.addWidget(QLabel(tr("Doctor")))
        filters.addWidget(self.doctor)
        filters.addWidget(QLabel(tr("Status")))
        filters.addWidget(self.stage)

        self.today_view = self._make_view(self.today_proxy, Col.TIME)
        self.live_view = self._make_view(self.live_proxy, Col.TOKEN)
        self.today_view.setColumnHidden(Col.WAITING, True)  # nobody is waiting yet
        self.today_view.setColumnHidden(Col.TOKEN, True)  # tokens come with check-in
        # In the Live Queue the token orders the day, not the booked time; the room goes to
        # Waiting, which must stay in view.
        self.live_view.setColumnHidden(Col.TIME, True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.today_view, tr("Today's Appointments"))
        self.tabs.addTab(self.live_view, tr("Live Queue"))

        self.legend = StageLegend()
        self.message = Banner()
        self.check_in_button = QPushButton(tr("Check In"))
        self.check_in_button.setProperty("primary", True)
        self.check_in_button.setToolTip(
            tr("Open the copay step and check the patient in (Enter or {keys})").format(
                keys=by_name("check_in").keys_text))
        self.vitals_button = QPushButton(tr("Record Vitals"))
        self.vitals_button.setToolTip(
            tr("Record blood pressure, heart rate, temperature… {keys}").format(
                keys=by_name("vitals").hint))
        self.start_button = QPushButton(tr("Start Consultation"))
        self.start_button.setToolTip(tr("The doctor starts seeing the patient {keys}").format(
            keys=by_name("start").hint))
        self.complete_button = QPushButton(tr("Complete"))
        self.complete_button.setToolTip(tr("The consultation is finished {keys}").format(
            keys=by_name("complete").hint))
        self.payments_button = QPushButton(tr("Payments…"))
        self.payments_button.setToolTip(
            tr("The patient's copay payments: reprint, save or email a receipt {keys}").format(
                keys=by_name("payments").hint))
        self.hint = QLabel("", objectName="Status")
        actions = QHBoxLayout()
        actions.addWidget(self.hint, 1)
        for b in (self.payments_button, self.check_in_button, self.vitals_button,
                  self.start_button, self.complete_button):
            actions.addWidget(b)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self._fill_stage_combo()
        self._update_tab_titles()
        self._update_buttons()

    def _make_view(self, proxy: QueueFilterProxy, sort_col: int) -> QueueTable:
        view = QueueTable()
        view.setModel(proxy)
        view.sortByColumn(sort_col, Qt.SortOrder.AscendingOrder)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.sectionResized.connect(
            lambda col, *_: view.fit_patient_column() if col != Col.PATIENT else None)
        view.setAccessibleName(tr("Queue"))
        return view

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.search.textChanged.connect(self._apply_filters)
        for combo in (self.department, self.doctor, self.stage):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.tabs.currentChanged.connect(self._tab_changed)
        for view in (self.today_view, self.live_view):
            view.selectionModel().currentRowChanged.connect(self._update_buttons)
            view.model().rowsInserted.connect(self._update_tab_titles)
            view.model().rowsRemoved.connect(self._update_tab_titles)
            view.model().modelReset.connect(self._update_tab_titles)
            view.model().layoutChanged.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self.today_view.activated.connect(lambda _i: self.check_in_selected())
        self.live_view.activated.connect(lambda _i: self._live_default_action())
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.vitals_button.clicked.connect(self.record_vitals_selected)
        self.start_button.clicked.connect(self.start_selected)
        self.complete_button.clicked.connect(self.complete_selected)
        self.payments_button.clicked.connect(self.payments_selected)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        slots = {"refresh": self.refresh, "search": self._focus_search,
                 "switch_tab": self._switch_tab, "check_in": self.check_in_selected,
                 "vitals": self.record_vitals_selected, "start": self.start_selected,
                 "complete": self.complete_selected, "payments": self.payments_selected,
                 "insurance": self.insurance_selected}
        # Window-wide, so Ctrl+F works wherever the focus is (the navigation list after a
        # page switch); Qt ignores the shortcuts of a page that is not shown.
        self.shortcuts: dict[str, list[QShortcut]] = {}
        for definition in (*QUEUE_KEYS, *QUEUE_ACTIONS):
            for keys in definition.keys:
                sc = QShortcut(QKeySequence(keys), self)
                sc.setContext(Qt.ShortcutContext.WindowShortcut)
                sc.activated.connect(slots[definition.name])
                self.shortcuts.setdefault(definition.name, []).append(sc)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._flush_changes)
        self.ctx.bus.data_changed.connect(self._on_data_changed)

    # -------------------------------------------------------------------------- loading
    def refresh(self) -> None:
        """Reload the whole day (F5). The first load fills the model; later ones are merged
        in place."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.busy.start(tr("Loading the queue…"))
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.queue.day(actor), on_success=self._loaded,
                         on_failure=self._load_failed, owner=self)

    def _loaded(self, rows: list[Any]) -> None:
        self._loading = False
        self.busy.stop()
        if not self._loaded_once:
            self.model.set_rows(rows)
            self._loaded_once = True
            for view in (self.today_view, self.live_view):
                if view.model().rowCount():
                    view.selectRow(0)
        else:
            self.model.merge(rows)
        self._after_rows_changed()
        self.updated_label.setText(tr("Updated {time}").format(
            time=i18n.digits(f"{self._now():%H:%M:%S}")))
        self.queue_loaded.emit(len(rows))
        if self._reload_again:
            self._reload_again = False
            self.refresh()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.busy.stop()
        self._report(exc)
        if self._reload_again:
            self._reload_again = False
            self.refresh()

    def _after_rows_changed(self, changed: list[Any] | None = None) -> None:
        """Labels, filter choices, tab counts and buttons after rows changed. With
        ``changed`` (live updates) the filter choices are rebuilt only when one of those
        rows brings a doctor or department the combos do not list yet."""
        if changed is None or any(
                self.department.findData(r.department_id) < 0
                or self.doctor.findData(r.doctor_id) < 0 for r in changed):
            rows = self.model.rows()
            if rows:
                text = day_text(rows[0].scheduled_start.date())
                if self.day_label.text() != text:
                    self.day_label.setText(text)
            self._fill_filter_combos(rows)
        self._fit_columns(changed)
        self._update_tab_titles()
        self._update_buttons()

    # ------------------------------------------------------------------------ live updates
    def _on_data_changed(self, changes: Changes) -> None:
        if not changes.touches(*_QUEUE_TABLES):
            return
        ids = changes.ids.get("appointments", frozenset())
        if changes.touches("appointments") and ids:
            self._pending_ids |= set(ids)
            if not self._flush_timer.isActive() or self._flush_timer.interval() > ROW_FETCH_DELAY_MS:
                self._flush_timer.start(ROW_FETCH_DELAY_MS)
            return
        # A payment, a patient or an insurance changed: which rows it shows up in is not
        # known here, so re-read the day (merged in place, debounced).
        self._pending_full = True
        if not self._flush_timer.isActive():
            self._flush_timer.start(FULL_REFRESH_DELAY_MS)

    def _flush_changes(self) -> None:
        if self._pending_full:
            self._pending_full = False
            self._pending_ids.clear()
            self.refresh()
            return
        ids = sorted(self._pending_ids)
        self._pending_ids.clear()
        if not ids:
            return
        services, actor = self.ctx.services, self.ctx.actor

        def fetch() -> list[tuple[int, Any]]:
            out: list[tuple[int, Any]] = []
            for appointment_id in ids:
                try:
                    out.append((appointment_id, services.queue.row(actor, appointment_id)))
                except NotFound:
                    out.append((appointment_id, None))
            return out

        self.ctx.ops.run(fetch, on_success=self._apply_rows, on_failure=self._row_fetch_failed,
                         owner=self)

    def _apply_rows(self, fetched: list[tuple[int, Any]]) -> None:
        changed: list[int] = []
        rows: list[Any] = []
        removed = False
        for appointment_id, row in fetched:
            if row is None:
                if self.model.remove(appointment_id):
                    changed.append(appointment_id)
                    removed = True
                continue
            if self.model.row_for(appointment_id) is None and not self._is_today(row):
                continue  # another day's appointment: not on this page
            if self.model.upsert(row):
                changed.append(appointment_id)
                rows.append(row)
        if changed:
            self._after_rows_changed(None if removed else rows)
        self.rows_updated.emit(changed)

    def _row_fetch_failed(self, exc: BaseException) -> None:
        log.warning("could not re-read changed queue rows: %s", exc)
        self._pending_full = True
        self._flush_timer.start(FULL_REFRESH_DELAY_MS)

    def _now(self) -> dt.datetime:
        """Now in the hospital's zone (the workstation's clock may be set to another)."""
        return dt.datetime.now(self.ctx.clinic_zone or dt.UTC)

    def _is_today(self, row: Any) -> bool:
        start = row.scheduled_start
        return start.date() == dt.datetime.now(start.tzinfo).date()

    # --------------------------------------------------------------------------- filters
    def _fill_filter_combos(self, rows: list[Any]) -> None:
        departments = sorted({(r.department_name, r.department_id) for r in rows})
        doctors = sorted({(r.doctor_name, r.doctor_id) for r in rows})
        _refill(self.department, tr("All departments"), departments)
        _refill(self.doctor, tr("All doctors"), doctors)

    def _tab_key(self) -> str:
        return "today" if self.tabs.currentIndex() == 0 else "live"

    def _fill_stage_combo(self) -> None:
        key = self._tab_key()
        self.stage.blockSignals(True)
        self.stage.clear()
        if key == "today":
            self.stage.addItem(tr(TO_CHECK_IN_LABEL), TO_CHECK_IN)
        self.stage.addItem(tr("All statuses"), None)
        for stage in TAB_STAGES[key]:
            self.stage.addItem(tr(STAGE_LABELS[stage]), stage)
        i = self.stage.findData(self._stage_choice[key])
        self.stage.setCurrentIndex(max(i, 0))
        self.stage.blockSignals(False)

    def _apply_filters(self) -> None:
        self._stage_choice[self._tab_key()] = self.stage.currentData()
        for key, proxy in (("today", self.today_proxy), ("live", self.live_proxy)):
            proxy.set_filters(
                department_id=self.department.currentData(),
                doctor_id=self.doctor.currentData(),
                stage=self._stage_choice[key],
                search=self.search.text(),
            )
        view = self.current_view()
        if not view.selectionModel().hasSelection() and view.model().rowCount():
            view.selectRow(0)
        self._update_tab_titles()
        self._update_buttons()

    def _tab_changed(self, _index: int) -> None:
        self._fill_stage_combo()
        self._apply_filters()

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _switch_tab(self) -> None:
        self.tabs.setCurrentIndex(1 - self.tabs.currentIndex())
        self.current_view().setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down / Up / Page Down in the search box move into the results."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown)):
            self._enter_results()
            return True
        return super().eventFilter(watched, event)

    def _enter_results(self) -> None:
        view = self.current_view()
        if not view.model().rowCount():
            return
        if not view.currentIndex().isValid():
            view.selectRow(0)
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search_entered(self) -> None:
        """Enter in the search box: with one match, that patient's next step (check-in on
        Today's Appointments); with several, into the list to pick one."""
        view = self.current_view()
        n = view.model().rowCount()
        if n == 1:
            view.selectRow(0)
            if self.tabs.currentIndex() == 0:
                self.check_in_selected()
            else:
                self._live_default_action()
        elif n > 1:
            self._enter_results()

    # ------------------------------------------------------------------------ columns
    def _text_width(self, text: str, bold: bool = False) -> int:
        key = (text, bold)
        width = self._text_widths.get(key)
        if width is None:
            font = QFont(self.today_view.font())
            font.setBold(bold)
            width = self._text_widths[key] = QFontMetrics(font).horizontalAdvance(text)
        return width

    def _fit_columns(self, changed: list[Any] | None = None) -> None:
        """Every column as wide as its widest text over the whole day (so filtering does not
        make columns jump); the Patient column gets what is left (QueueTable). With
        ``changed`` (live updates) only those rows are looked at and columns only grow.

        Cheap on a refresh of 1,000 rows: one pass collects each column's distinct values
        (Visit, Status and Copay by the few fields their text depends on), each distinct
        text is measured once (cached), and nothing is resized when no width changed."""
        model = self.model
        rows = model.rows() if changed is None else changed
        texts: dict[Col, set[str]] = {Col.TOKEN: set(), Col.MRN: set(), Col.DOCTOR: set(),
                                      Col.DEPARTMENT: set()}
        by_key: dict[Col, dict[tuple[Any, ...], Any]] = {Col.VISIT: {}, Col.STATUS: {},
                                                         Col.COPAY: {}}
        for r in rows:
            texts[Col.TOKEN].add(r.token_label)
            texts[Col.MRN].add(r.mrn)
            texts[Col.DOCTOR].add(r.doctor_name)
            texts[Col.DEPARTMENT].add(r.department_name)
            by_key[Col.VISIT].setdefault((r.visit_type, r.is_emergency), r)
            by_key[Col.STATUS].setdefault((r.status, r.vitals_recorded_at is None), r)
            by_key[Col.COPAY].setdefault((r.copay_status, r.copay_amount), r)
        for col, keyed in by_key.items():
            texts[col] = {model.text(r, col) for r in keyed.values()}
        for col, widest in FIXED_WIDEST.items():
            texts[col] = set(widest())
        header_fm = QFontMetrics(self.today_view.horizontalHeader().font())
        for col, values in texts.items():
            widest = max((self._text_width(t, bold=col == Col.TOKEN) for t in values),
                         default=0)
            width = max(widest + CELL_PADDING,
                        header_fm.horizontalAdvance(tr(HEADERS[col])) + CELL_PADDING
                        + SORT_ARROW)
            for view in (self.today_view, self.live_view):
                header = view.horizontalHeader()
                current = header.sectionSize(col)
                if width != current and (changed is None or width > current):
                    header.resizeSection(col, width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._text_widths.clear()
            self._fit_columns()

    def _update_tab_titles(self) -> None:
        for i, text in enumerate((
                tr("Today's Appointments ({count})").format(
                    count=i18n.number(self.today_proxy.rowCount())),
                tr("Live Queue ({count})").format(count=i18n.number(self.live_proxy.rowCount())))):
            if self.tabs.tabText(i) != text:  # an unchanged title would still relayout
                self.tabs.setTabText(i, text)

    # --------------------------------------------------------------------------- selection
    def current_view(self) -> QueueTable:
        return self.today_view if self.tabs.currentIndex() == 0 else self.live_view

    def selected_row(self) -> Any | None:
        view = self.current_view()
        idx = view.selectionModel().currentIndex()
        if not idx.isValid():
            rows = view.selectionModel().selectedRows()
            if not rows:
                return None
            idx = rows[0]
        proxy = view.model()
        assert isinstance(proxy, QueueFilterProxy)
        return proxy.row_at(idx.row())

    def select_appointment(self, appointment_id: int, *, tab: str | None = None) -> bool:
        """Select the row of this appointment (switching tab when asked); False if not shown."""
        if tab is not None:
            self.tabs.setCurrentIndex(0 if tab == "today" else 1)
        view = self.current_view()
        proxy = view.model()
        assert isinstance(proxy, QueueFilterProxy)
        row = proxy.proxy_row_of(appointment_id)
        if row is None:
            return False
        view.selectionModel().setCurrentIndex(
            proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        view.scrollTo(proxy.index(row, 0))
        return True

    def _update_buttons(self, *_: Any) -> None:
        row = self.selected_row()
        today = self.tabs.currentIndex() == 0
        spec = ((self.check_in_button, QueueAction.CHECK_IN, today),
                (self.vitals_button, QueueAction.RECORD_VITALS, not today),
                (self.start_button, QueueAction.START_CONSULTATION, not today),
                (self.complete_button, QueueAction.COMPLETE, not today))
        for button, action, on_tab in spec:
            button.setVisible(on_tab and self._may[action])
            button.setEnabled(row is not None and status_allows(row.status, action)
                              and row.appointment_id not in self._in_flight)
        self.payments_button.setVisible(can(self.ctx.actor.role, Permission.COLLECT_COPAY))
        self.payments_button.setEnabled(row is not None)
        hint = self._hint_for(row, today)
        if i18n.is_rtl() and hint:
            # The hint starts with a Latin name: a right-to-left mark makes the line read
            # from the right (name · MRN · insurer) instead of taking the name's direction.
            hint = i18n.RLM + hint
        self.hint.setText(hint)

    def _hint_for(self, row: Any | None, today: bool) -> str:
        if row is None:
            return tr("No patient selected.") if self.current_view().model().rowCount() else ""
        if today and not self._may[QueueAction.CHECK_IN]:
            return tr("Check-in is done by reception.")
        if row.primary_insurer:
            return tr("{name} · {mrn} · {insurer}").format(name=row.patient_name, mrn=row.mrn,
                                                           insurer=row.primary_insurer)
        return tr("{name} · {mrn} · self-pay").format(name=row.patient_name, mrn=row.mrn)

    # ----------------------------------------------------------------------------- actions
    def payments_selected(self) -> PaymentHistoryDialog | None:
        """The selected patient's past payments, to reprint a receipt."""
        row = self.selected_row()
        if row is None or not can(self.ctx.actor.role, Permission.COLLECT_COPAY):
            return None
        dialog = PaymentHistoryDialog(self.ctx, row.patient_id, f"{row.patient_name} · {row.mrn}",
                                      self)
        dialog.open()
        self.payments_opened.emit(dialog)
        return dialog

    def insurance_selected(self) -> QWidget | None:
        """Add insurance for the selected self-pay patient (F8); an insured patient's row
        says which insurer is on file instead."""
        row = self.selected_row()
        if row is None or not can(self.ctx.actor.role, Permission.ADD_INSURANCE):
            return None
        if row.primary_insurer:
            self.message.set_message(
                tr("{name} is insured with {insurer}; the policy is checked in the copay step "
                   "({keys}).").format(name=row.patient_name, insurer=row.primary_insurer,
                                       keys=by_name("check_in").keys_text), kind="info")
            return None
        from app.ui.insurance_dialog import AddInsuranceDialog

        dialog = AddInsuranceDialog(self.ctx, row.patient_id, row.patient_name, row.mrn,
                                    appointment_id=row.appointment_id,
                                    visit_date=row.scheduled_start.date(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def check_in_selected(self) -> None:
        row = self.selected_row()
        if (row is None or self.tabs.currentIndex() != 0
                or not self._may[QueueAction.CHECK_IN]
                or not status_allows(row.status, QueueAction.CHECK_IN)
                or row.appointment_id in self._in_flight):
            return
        self.message.clear_message()
        self.check_in_requested.emit(row.appointment_id)
        if row.copay_status in (CopayStatus.COLLECTED, CopayStatus.WAIVED, CopayStatus.DEFERRED):
            self._check_in_direct(row)  # copay already decided (e.g. dialog closed before)
            return
        from app.ui.copay_dialog import CopayDialog

        dialog = CopayDialog(self.ctx, row.appointment_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.checked_in.connect(
            lambda token, aid=row.appointment_id: self._checked_in(aid, token))
        self.dialog = dialog
        dialog.open()

    def _check_in_direct(self, row: Any) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        appointment_id = row.appointment_id
        self._busy_on(appointment_id)
        self.ctx.ops.mutate(
            lambda: services.queue.check_in(actor, appointment_id),
            on_done=lambda result: self._direct_done(appointment_id, result),
            on_failure=lambda exc: self._action_failed(appointment_id, exc), owner=self)

    def _direct_done(self, appointment_id: int, result: Any) -> None:
        self._busy_off(appointment_id)
        self._checked_in(appointment_id, result.token_number)

    def _checked_in(self, appointment_id: int, token: int) -> None:
        row = self.model.row_for(appointment_id)
        name = (row.patient_name if row is not None
                else tr("Appointment {id}").format(id=appointment_id))
        label = (f"{row.department_code}-{token}" if row is not None and row.department_code
                 else f"#{token}")
        self.message.set_message(tr("{name} checked in — token {token}.").format(
            name=name, token=label), kind="success")
        self.checked_in.emit(appointment_id, token)

    def record_vitals_selected(self) -> None:
        row = self._selected_for(QueueAction.RECORD_VITALS)
        if row is None:
            return
        from app.ui.vitals_dialog import VitalsDialog

        dialog = VitalsDialog(self.ctx, row, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.vitals_recorded.connect(
            lambda aid: self._action_done("vitals", aid, tr("Vitals recorded")))
        self.dialog = dialog
        dialog.open()

    def start_selected(self) -> None:
        row = self._selected_for(QueueAction.START_CONSULTATION)
        if row is not None:
            self._run_action("start", row, lambda s, a, i: s.queue.start_consultation(a, i),
                             tr("Consultation started"))

    def complete_selected(self) -> None:
        row = self._selected_for(QueueAction.COMPLETE)
        if row is not None:
            self._run_action("complete", row, lambda s, a, i: s.queue.complete(a, i),
                             tr("Consultation completed"))

    def _live_default_action(self) -> None:
        """Enter on the Live tab: the next step for this row that the role may take."""
        row = self.selected_row()
        if row is None:
            return
        if (row.status is AppointmentStatus.CHECKED_IN and row.vitals_recorded_at is None
                and self._may[QueueAction.RECORD_VITALS]):
            self.record_vitals_selected()
        elif row.status is AppointmentStatus.CHECKED_IN and self._may[
                QueueAction.START_CONSULTATION]:
            self.start_selected()
        elif row.status is AppointmentStatus.IN_CONSULTATION and self._may[QueueAction.COMPLETE]:
            self.complete_selected()

    def _selected_for(self, action: QueueAction) -> Any | None:
        if self.tabs.currentIndex() != 1 or not self._may[action]:
            return None
        row = self.selected_row()
        if (row is None or not status_allows(row.status, action)
                or row.appointment_id in self._in_flight):
            return None
        return row

    def _run_action(self, name: str, row: Any, call: Any, done_text: str) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        appointment_id = row.appointment_id
        self._busy_on(appointment_id)
        self.message.clear_message()

        def ok(_result: Any) -> None:
            self._busy_off(appointment_id)
            self._action_done(name, appointment_id, done_text)

        self.ctx.ops.mutate(lambda: call(services, actor, appointment_id), on_done=ok,
                            on_failure=lambda exc: self._action_failed(appointment_id, exc),
                            owner=self)

    def _action_done(self, name: str, appointment_id: int, text: str) -> None:
        row = self.model.row_for(appointment_id)
        if row is not None:
            text = tr("{done} — {name}.").format(done=text, name=row.patient_name)
        else:
            text = tr("{done}.").format(done=text)
        self.message.set_message(text, kind="success")
        self.action_finished.emit(name, appointment_id)

    def _action_failed(self, appointment_id: int, exc: BaseException) -> None:
        self._busy_off(appointment_id)
        self._report(exc)
        # The row may be stale (another desk moved it on): re-read it.
        self._on_data_changed(Changes.of(appointments={appointment_id}))

    def _busy_on(self, appointment_id: int) -> None:
        self._in_flight.add(appointment_id)
        self.busy.start(tr("Saving…"))
        self._update_buttons()

    def _busy_off(self, appointment_id: int) -> None:
        self._in_flight.discard(appointment_id)
        self.busy.stop()
        self._update_buttons()

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.message.set_message(message_for(exc), kind="error")
        else:
            self.message.set_message(message_for(exc), kind="error")
            show_error(self, exc)


class StageLegend(QFrame):
    """What the row colours mean, one swatch per stage, under the queue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StageLegend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(10)
        layout.addWidget(QLabel(tr("Row colours:"), objectName="Status"))
        self._labels: list[str] = []
        for stage, text in LEGEND:
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            border = QColor(STAGE_COLOURS[stage]).darker(135).name()
            swatch.setStyleSheet(f"background: {STAGE_COLOURS[stage]}; "
                                 f"border: 1px solid {border};")
            layout.addWidget(swatch)
            layout.addWidget(QLabel(tr(text)))
            self._labels.append(tr(text))
        layout.addStretch(1)

    def labels(self) -> list[str]:
        return list(self._labels)


def _refill(combo: QComboBox, all_text: str, items: list[tuple[str, int]]) -> None:
    """Replace a filter combo's choices only when they differ, keeping the current choice."""
    existing = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
    if existing == items:
        return
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_text, None)
    for text, data in items:
        combo.addItem(text, data)
    i = combo.findData(current)
    combo.setCurrentIndex(max(i, 0))
    combo.blockSignals(False)
    if combo.currentData() != current:
        combo.currentIndexChanged.emit(combo.currentIndex())


__all__ = ["HEADERS", "QueueTable", "QueueWindow"]


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(lambda ctx: QueueWindow(ctx), title=tr("OPD Queue")))
