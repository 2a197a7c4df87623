"""The activity log viewer (administrators): every mutation, sign-in and the daily heartbeat,
newest first, with filters (action, user, date range, text), keyset pages and a CSV export
written by the insurance audit's formula-safe writer (app/services/activity_log.py).
"""
# i18n: pending

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.text import SEARCH_MAX
from app.services.activity_log import ActivityFilters, details_text
from app.services.changes import Changes
from app.ui.audit_window import QtTaskState
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.day_edit import day_edit, day_of
from app.ui.widgets.paged_list import PagedListPage
from app.ui.widgets.tables import read_only_table

PAGE_SIZE = 50
COLUMNS = ["When", "Action", "User", "Target", "Workstation", "Details"]
SYSTEM = -1  # the user filter's "System (background jobs)" entry


class ActivityPage(PagedListPage):
    loading_text = "Loading the activity log…"

    export_finished = Signal(object)
    """export_finished(ExportResult) — the CSV is written, or the export was cancelled."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.rows: list[Any] = []
        self._build()
        self._filters = self.current_filters()
        self._export_state: QtTaskState | None = None
        self.ask_export_path = self._ask_export_path  # tests replace the file dialog
        self._refresh_timer = QTimer(self, singleShot=True, interval=600)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._load_choices()
        self.refresh()

    def current_filters(self) -> ActivityFilters:
        who = self.user.currentData()
        return ActivityFilters(
            action=self.action.currentText().strip() or None,
            user_id=who if who not in (None, SYSTEM) else None, system_only=who == SYSTEM,
            date_from=day_of(self.date_from), date_to=day_of(self.date_to),
            text=self.text.text() or None)

    def _build(self) -> None:
        title = QLabel("Activity log")
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.busy = BusyIndicator(self.loading_text)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setProperty("primary", True)
        self.export_button.setToolTip("Save up to 10,000 entries matching the filters")
        self.export_button.clicked.connect(self.export_csv)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.action = QComboBox()
        self.action.setEditable(True)
        self.action.setAccessibleName("Action")
        self.action.addItem("")
        self.action.lineEdit().setPlaceholderText("Every action")
        self.action.setMinimumWidth(190)
        self.user = QComboBox()
        self.user.setAccessibleName("User")
        self.user.addItem("Anyone", None)
        self.user.addItem("System (background jobs)", SYSTEM)
        self.user.setMinimumWidth(150)
        today = dt.date.today()
        self.date_from = day_edit(today - dt.timedelta(days=7), "From")
        self.date_to = day_edit(today, "To")
        self.text = QLineEdit()
        self.text.setMaxLength(SEARCH_MAX)
        self.text.setPlaceholderText("Text in target, details…")
        self.text.setAccessibleName("Text")
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(200)
        self.text.returnPressed.connect(self.apply_filters)
        self.apply_button = QPushButton("Apply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        filters = QHBoxLayout()
        for label, w in (("Action", self.action), ("User", self.user), ("From", self.date_from),
                         ("to", self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.apply_button)

        self.banner = Banner()
        self.table = read_only_table(COLUMNS)
        self.table.setWordWrap(False)
        # Fixed widths for the short columns (a session id as target must not push the
        # details off screen); the details take the rest, in full in the tooltip.
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in (("When", 165), ("Action", 190), ("User", 140), ("Target", 170),
                           ("Workstation", 110)):
            self.table.setColumnWidth(COLUMNS.index(col), width)
        hh.setSectionResizeMode(COLUMNS.index("Details"), QHeaderView.ResizeMode.Stretch)

        pages = QHBoxLayout()
        self.count_label = QLabel("", objectName="Status")
        pages.addWidget(self.count_label)
        pages.addStretch(1)
        self._add_page_buttons(pages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(pages)

    def _load_choices(self) -> None:
        actor, svc = self.ctx.actor, self.ctx.services.activity_log

        def fill(choices: tuple[list[str], list[tuple[int, str]]]) -> None:
            actions, users = choices
            self.action.addItems(actions)
            for uid, name in users:
                self.user.addItem(name, uid)

        self.ctx.ops.run(lambda: (svc.actions(actor), svc.users(actor)), on_success=fill,
                         on_failure=lambda exc: None, owner=self)

    def apply_filters(self) -> None:
        filters = self.current_filters()
        try:
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(exc.message, "error")
            return
        self.banner.clear_message()
        self._filters = filters
        self.pages.reset()
        self.refresh()

    def _fetch(self) -> Any:
        actor, svc = self.ctx.actor, self.ctx.services.activity_log
        filters, after = self._filters, self.pages.cursor
        return lambda: svc.page(actor, filters, after=after, limit=PAGE_SIZE)

    def _show_page(self, page: Any) -> None:
        self.rows = list(page.rows)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            target = f"{r.target_type or ''} {r.target_id or ''}".strip()
            details = details_text(r.payload)
            cells = (r.created_at.strftime("%d %b %Y %H:%M:%S"), r.action, r.user_name,
                     target or "—", r.workstation or "—", details)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == len(cells) - 1:
                    item.setToolTip(details[:2000])
                self.table.setItem(i, j, item)
        first = self.pages.first_index
        self.page_label.setText(f"Page {self.pages.number}")
        self.count_label.setText(
            f"Entries {first + 1}–{first + len(self.rows)}, newest first" if self.rows
            else "No entries match these filters.")

    def _on_data_changed(self, changes: Changes) -> None:
        # Every mutation writes an activity row; new rows land on the first page only.
        if changes.reload_all or (not changes.empty and self.pages.number == 1):
            self._refresh_timer.start()

    # ------------------------------------------------------------------------ export
    def export_csv(self) -> None:
        if self._export_state is not None:
            return
        filters = self.current_filters()
        try:
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(exc.message, "error")
            return
        path = self.ask_export_path(f"activity-log-{dt.date.today():%Y-%m-%d}.csv")
        if not path:
            return
        state = self._export_state = QtTaskState()
        self.export_button.setEnabled(False)
        self.banner.set_message("Exporting the activity log…", "info")
        actor, svc = self.ctx.actor, self.ctx.services.activity_log
        self.ctx.ops.run(lambda: svc.export_csv(actor, filters, path, state),
                         on_success=self._exported, on_failure=self._export_error, owner=self)

    def cancel_export(self) -> None:
        if self._export_state is not None:
            self._export_state.cancel()

    def _exported(self, result: Any) -> None:
        self._export_state = None
        self.export_button.setEnabled(True)
        if result.cancelled:
            self.banner.set_message("Export cancelled; no file was written.", "warning")
        else:
            more = (" Only the newest 10,000 matching entries were exported; narrow the "
                    "dates to export the rest." if result.truncated else "")
            self.banner.set_message(
                f"Exported {result.rows:,} entr{'y' if result.rows == 1 else 'ies'} to "
                f"{result.path}.{more}", "warning" if result.truncated else "success")
        self.export_finished.emit(result)

    def _export_error(self, exc: BaseException) -> None:
        self._export_state = None
        self.export_button.setEnabled(True)
        if isinstance(exc, DomainError):
            self.banner.set_message(exc.message, "error")
        else:
            self.banner.clear_message()
            show_error(self, exc)

    def _ask_export_path(self, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Export the activity log",
                                              str(Path.home() / name), "CSV (*.csv)")
        return path


