"""The activity log viewer (administrators): every mutation, sign-in and the daily heartbeat,
newest first, with filters (action, user, date range, text), keyset pages and a CSV export
written by the insurance audit's formula-safe writer (app/services/activity_log.py) through
the shared export flow (app/ui/widgets/export_flow.py).

Texts go through ``tr()``; action codes (``CLAIMS_EXPORTED``) stay as the log stores them:
they are what an administrator searches for.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, number, tr
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.day_edit import day_edit, day_of
from app.ui.widgets.export_flow import ExportFlow, ExportTexts, ask_csv_path
from app.ui.widgets.paged_list import PagedListPage
from app.ui.widgets.tables import read_only_table

PAGE_SIZE = 50
COLUMNS = [N_("When"), N_("Action"), N_("User"), N_("Target"), N_("Workstation"),
           N_("Details")]
SYSTEM = -1  # the user filter's "System (background jobs)" entry


class ActivityPage(PagedListPage):
    loading_text = N_("Loading the activity log…")

    export_finished = Signal(object)
    """export_finished(ExportResult) — the CSV is written, or the export was cancelled."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.rows: list[Any] = []
        self._build()
        self._filters = self.current_filters()
        # Tests replace the file dialog.
        self.ask_export_path = lambda name: ask_csv_path(self, tr("Export the activity log"),
                                                         name)
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
        title = QLabel(tr("Activity log"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.busy = BusyIndicator(tr(self.loading_text))
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setProperty("primary", True)
        self.export_button.setToolTip(tr("Save up to {limit} entries matching the filters")
                                      .format(limit=number(10_000)))
        self.export_button.clicked.connect(self.export_csv)
        self.refresh_button = QPushButton(tr("Refresh"))
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
        self.action.setAccessibleName(tr("Action"))
        self.action.addItem("")
        self.action.lineEdit().setPlaceholderText(tr("Every action"))
        self.action.setMinimumWidth(190)
        self.user = QComboBox()
        self.user.setAccessibleName(tr("User"))
        self.user.addItem(tr("Anyone"), None)
        self.user.addItem(tr("System (background jobs)"), SYSTEM)
        self.user.setMinimumWidth(150)
        today = self.ctx.clinic_today()
        self.date_from = day_edit(today - dt.timedelta(days=7), tr("From"))
        self.date_to = day_edit(today, tr("To"))
        self.text = QLineEdit()
        self.text.setMaxLength(SEARCH_MAX)
        self.text.setPlaceholderText(tr("Text in target, details…"))
        self.text.setAccessibleName(tr("Text"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(200)
        self.text.returnPressed.connect(self.apply_filters)
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        filters = QHBoxLayout()
        for label, w in ((tr("Action"), self.action), (tr("User"), self.user),
                         (tr("From"), self.date_from), (tr("to"), self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.apply_button)

        self.banner = Banner()
        self.export_flow = ExportFlow(self, self.export_button, self.banner, ExportTexts(
            progress=tr("Exporting the activity log…"),
            one=tr("Exported 1 entry to {path}."), many=tr("Exported {rows} entries to {path}."),
            truncated=tr("Exported the newest {rows} matching entries to {path}; narrow the "
                         "dates to export the rest.")))
        self.export_flow.finished.connect(self.export_finished)
        self.table = read_only_table([tr(c) for c in COLUMNS])
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
            self.banner.set_message(message_for(exc), kind="error")
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
            cells = (i18n.datetime_text(r.created_at, seconds=True), r.action, r.user_name,
                     _data(target) or "—", r.workstation or "—", _data(details))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == len(cells) - 1:
                    item.setToolTip(details[:2000])
                self.table.setItem(i, j, item)
        first = self.pages.first_index
        self.page_label.setText(self.page_text())
        self.count_label.setText(
            tr("Entries {first}–{last}, newest first").format(
                first=number(first + 1), last=number(first + len(self.rows))) if self.rows
            else tr("No entries match these filters."))

    def _on_data_changed(self, changes: Changes) -> None:
        # Every mutation writes an activity row; new rows land on the first page only.
        if changes.reload_all or (not changes.empty and self.pages.number == 1):
            self._refresh_timer.start()

    # ------------------------------------------------------------------------ export
    def export_csv(self) -> None:
        if self.export_flow.running:
            return
        filters = self.current_filters()
        try:
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(message_for(exc), kind="error")
            return
        path = self.ask_export_path(f"activity-log-{self.ctx.clinic_today():%Y-%m-%d}.csv")
        actor, svc = self.ctx.actor, self.ctx.services.activity_log
        self.export_flow.start(path, lambda state: svc.export_csv(actor, filters, path, state))

    def cancel_export(self) -> None:
        self.export_flow.cancel()


def _data(text: str) -> str:
    """Machine text (a session id, the details as JSON) kept left to right in an Arabic cell:
    left-to-right marks at both ends hold its braces and quotes in place."""
    return f"\u200e{text}\u200e" if text and i18n.is_rtl() else text
