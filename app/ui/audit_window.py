"""The insurance verification audit log (seed 004 §9): filters, colour-coded actions, keyset
pages and a CSV export that runs in the background with a progress dialog.

Paging keeps a stack of cursors: Next pushes the cursor the service returned, Previous pops
it, so each page is an index range scan however deep the reader goes. The export is
:meth:`AuditService.export_csv <app.services.audit.AuditService.export_csv>` run through
the billing office's one export flow (app/ui/widgets/export_flow.py): progress reaches the
dialog through a QtTaskState queued onto the GUI thread, and Cancel sets a flag the export
checks between batches.

Run alone on the demo data: ``python -m app.ui.audit_window``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressDialog,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.domain.dates import FIRST_DAY, LAST_DAY
from app.domain.enums import AuditAction
from app.domain.errors import DomainError
from app.domain.roles import Permission, can
from app.domain.text import SEARCH_MAX
from app.services.audit import AuditFilters
from app.services.changes import Changes
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, number, tr
from app.ui.models.audit_model import AuditTableModel, BadgeDelegate, Col, action_text
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.export_flow import ExportFlow, ExportTexts, ask_csv_path
from app.ui.widgets.paged_list import PagedListPage
from app.ui.widgets.task_state import QtTaskState

__all__ = ["ActionPicker", "AuditWindow", "QtTaskState"]  # QtTaskState: widgets/task_state.py

PAGE_SIZE = 50
# The order of the action list: the copay decisions first, as the seed's page shows them.
ACTION_ORDER = [
    AuditAction.COPAY_COLLECTED, AuditAction.COPAY_WAIVED, AuditAction.COPAY_DEFERRED,
    AuditAction.PREAUTH_REQUESTED, AuditAction.PREAUTH_OVERRIDE, AuditAction.CONVERT_TO_SELFPAY,
    *[a for a in AuditAction if a.value.startswith("REFUND_")],
    AuditAction.INSURANCE_ADDED,
    *[a for a in AuditAction if a.value.startswith(("DHA_", "EID_", "MANUAL_", "COVERAGE_"))],
    AuditAction.ELIGIBILITY_OVERRIDE,
    AuditAction.BALANCE_WRITTEN_OFF,
]


class ActionPicker(QToolButton):
    """Multi-select of audit actions: a drop-down list of check boxes that stays open while
    you tick. Nothing ticked means every action."""

    changed = Signal()
    """changed() — the ticked actions changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(tr("Actions"))
        self.setMinimumWidth(200)
        self.list = QListWidget()
        self.list.setMinimumSize(260, 380)
        for action in ACTION_ORDER:
            item = QListWidgetItem(action_text(action))
            item.setData(Qt.ItemDataRole.UserRole, action)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._item_changed)
        clear = QPushButton(tr("All actions"))
        clear.clicked.connect(lambda: self.set_selected(frozenset()))
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.setContentsMargins(6, 6, 6, 6)
        bl.addWidget(self.list)
        bl.addWidget(clear)
        holder = QWidgetAction(self)
        holder.setDefaultWidget(box)
        menu = QMenu(self)
        menu.addAction(holder)
        self.setMenu(menu)
        self._update_text()

    def selected(self) -> frozenset[AuditAction]:
        return frozenset(
            AuditAction(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked)

    def set_selected(self, actions: frozenset[AuditAction]) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in actions
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._update_text()
        self.changed.emit()

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = self.selected()
        if not chosen:
            self.setText(tr("All actions"))
        elif len(chosen) == 1:
            self.setText(action_text(next(iter(chosen))))
        else:
            self.setText(tr("{count} actions").format(count=number(len(chosen))))
        comma = "، " if self.isRightToLeft() else ", "  # the Arabic comma in Arabic
        self.setToolTip(comma.join(action_text(a) for a in ACTION_ORDER if a in chosen)
                        or tr("Every action"))


class AuditWindow(PagedListPage):
    """The Insurance Audit page."""

    loading_text = N_("Loading the audit log…")

    export_finished = Signal(object)
    """export_finished(result: ExportResult) — the CSV is written (or the export was cancelled)."""

    export_failed = Signal(str)
    """export_failed(message) — nothing was written; the message is on the banner."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.loading_text = tr(AuditWindow.loading_text)
        self.can_export = can(ctx.actor.role, Permission.EXPORT_AUDIT)
        self._filters = AuditFilters()
        self.ask_export_path = self._ask_export_path  # tests replace the file dialog
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=400)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._load_performers()
        self.refresh()

    # ------------------------------------------------------------------------ layout
    def _build(self) -> None:
        title = QLabel(tr("Insurance Audit Log"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.busy = BusyIndicator(self.loading_text)
        self.filters_button = QPushButton(tr("Hide filters"))
        self.filters_button.setCheckable(True)
        self.filters_button.toggled.connect(self._toggle_filters)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setProperty("primary", True)
        self.export_button.setToolTip(tr("Save up to {count} entries matching the filters")
                                      .format(count=number(10_000)))
        self.export_button.clicked.connect(self.export_csv)
        if not self.can_export:  # never setVisible(True) before the layout has a parent: it
            self.export_button.hide()  # would open as a window of its own (focus stolen)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.filters_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.actions = ActionPicker()
        today = QDate.currentDate()
        self.use_from = QCheckBox(tr("From"))
        self.date_from = QDateEdit(today.addDays(-30))
        self.use_to = QCheckBox(tr("To"))
        self.date_to = QDateEdit(today)
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            edit.setCalendarPopup(True)
            # MMM is an English month name (the locale is English/UAE): numbers in Arabic
            # A right-to-left date edit lays its sections out backwards (2026/12/04): dates
            # read left to right, as everywhere else; set before the format, which it reads.
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setDisplayFormat("dd/MM/yyyy" if self.isRightToLeft() else "dd MMM yyyy")
            # The days the service accepts (app/domain/dates.py), not Qt's 1752-8000.
            edit.setDateRange(QDate(FIRST_DAY.year, 1, 1), QDate(LAST_DAY.year, 12, 31))
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.date_from.setAccessibleName(tr("From date"))
        self.date_to.setAccessibleName(tr("To date"))
        self.patient = QLineEdit()
        self.patient.setMaxLength(SEARCH_MAX)
        self.patient.setPlaceholderText(tr("Name or MRN"))
        self.patient.setAccessibleName(tr("Patient"))
        self.patient.setClearButtonEnabled(True)
        self.patient.returnPressed.connect(self.apply_filters)
        self.performer = QComboBox()
        self.performer.setAccessibleName(tr("Performed by"))
        self.performer.addItem(tr("Anyone"), None)
        self.performer.setMinimumWidth(200)
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.clicked.connect(self.clear_filters)

        self.filter_panel = QFrame(objectName="FilterPanel")
        self.filter_panel.setStyleSheet("#FilterPanel { background: white; border: 1px solid "
                                        "#d0d7de; border-radius: 6px; }")
        grid = QGridLayout(self.filter_panel)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(10)
        grid.addWidget(QLabel(tr("Action")), 0, 0)
        grid.addWidget(self.actions, 0, 1)
        grid.addWidget(self.use_from, 0, 2)
        grid.addWidget(self.date_from, 0, 3)
        grid.addWidget(self.use_to, 0, 4)
        grid.addWidget(self.date_to, 0, 5)
        grid.addWidget(QLabel(tr("Patient")), 1, 0)
        grid.addWidget(self.patient, 1, 1)
        grid.addWidget(QLabel(tr("Performed by")), 1, 2)
        grid.addWidget(self.performer, 1, 3, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        grid.addLayout(buttons, 1, 6)
        grid.setColumnStretch(7, 1)

        self.banner = Banner()
        self.export_flow = ExportFlow(self, self.export_button, self.banner, ExportTexts(
            progress=tr("Exporting the audit log…"),
            one=tr("Exported {rows} entry to {path}."),
            many=tr("Exported {rows} entries to {path}."),
            truncated=tr("Exported {rows} entries to {path}. Only the newest {limit} matching "
                         "entries were exported; narrow the filters (dates) to export the "
                         "rest.").replace("{limit}", number(10_000))))
        self.export_flow.finished.connect(self.export_finished)
        self.export_flow.failed.connect(self.export_failed)
        self.model = AuditTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        # two lines a row; the Arabic font's lines are taller than the Latin one's
        self.view.verticalHeader().setDefaultSectionSize(
            max(46, 2 * self.view.fontMetrics().lineSpacing() + 10))
        self.view.setItemDelegateForColumn(Col.ACTION, BadgeDelegate(self.view))
        hh = self.view.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Action fits "Emirates ID Verified · SIMULATED"; Performed By the name over
        # "workstation · IP" on two lines.
        for col, width in ((Col.WHEN, 112 if self.isRightToLeft() else 100), (Col.ACTION, 262), (Col.PATIENT, 175),
                           (Col.DETAILS, 180), (Col.BY, 205)):
            self.view.setColumnWidth(col, width)
        hh.setSectionResizeMode(Col.REASON, QHeaderView.ResizeMode.Stretch)

        pages = QHBoxLayout()
        self.count_label = QLabel("", objectName="Status")
        pages.addWidget(self.count_label)
        pages.addStretch(1)
        self._add_page_buttons(pages)
        # the shared paging buttons are worded here for this page's language (the arrows are
        # mirrored characters: they point the other way in a right-to-left line)
        self.prev_button.setText(tr("‹ Previous"))
        self.next_button.setText(tr("Next ›"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addLayout(pages)

    def _toggle_filters(self, hidden: bool) -> None:
        self.filter_panel.setVisible(not hidden)
        self.filters_button.setText(tr("Show filters") if hidden else tr("Hide filters"))

    # ----------------------------------------------------------------------- filters
    def current_filters(self) -> AuditFilters:
        def day(edit: QDateEdit) -> dt.date:
            d = edit.date()
            return dt.date(d.year(), d.month(), d.day())

        return AuditFilters(
            actions=self.actions.selected(),
            date_from=day(self.date_from) if self.use_from.isChecked() else None,
            date_to=day(self.date_to) if self.use_to.isChecked() else None,
            patient=self.patient.text(),
            performed_by=self.performer.currentData(),
        )

    def apply_filters(self) -> None:
        filters = self.current_filters()
        try:
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(message_for(exc), kind="error")
            return
        self.banner.set_message("")
        self._filters = filters
        self.pages.reset()
        self.refresh()

    def clear_filters(self) -> None:
        self.actions.set_selected(frozenset())
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.patient.clear()
        self.performer.setCurrentIndex(0)
        self.apply_filters()

    def _load_performers(self) -> None:
        actor, services = self.ctx.actor, self.ctx.services

        def fill(people: list[tuple[int, str]]) -> None:
            for uid, name in people:
                self.performer.addItem(name, uid)

        self.ctx.ops.run(lambda: services.audit.performers(actor), on_success=fill,
                         on_failure=lambda exc: None, owner=self)

    # ------------------------------------------------------------------------ paging
    def _fetch(self) -> Any:
        actor, services = self.ctx.actor, self.ctx.services
        filters, after = self._filters, self.pages.cursor
        return lambda: services.audit.page(actor, filters, after=after, limit=PAGE_SIZE)

    def _show_page(self, page: Any) -> None:
        self.model.set_rows(page.rows)
        n, first = self.pages.number, self.pages.first_index
        self.page_label.setText(tr("Page {number}").format(number=number(n)))
        self.count_label.setText(
            tr("Entries {first}–{last}, newest first").format(
                first=number(first + 1), last=number(first + len(page.rows))) if page.rows
            else tr("No entries match these filters."))

    def _on_data_changed(self, changes: Changes) -> None:
        # New entries only ever land on the first page (newest first); after a reconnect
        # (reload_all) the page shown is re-read wherever it is.
        if changes.reload_all or (changes.touches("insurance_verification_audits")
                                  and self.pages.number == 1):
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
        name = f"insurance-audit-{self.ctx.clinic_today():%Y-%m-%d}.csv"
        path = self.ask_export_path(name)
        if not path:
            return
        actor, services = self.ctx.actor, self.ctx.services
        self.export_flow.start(
            path, lambda state: services.audit.export_csv(actor, filters, path, state))

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The export's progress dialog while it runs (app/ui/widgets/export_flow.py)."""
        return self.export_flow.dialog

    def cancel_export(self) -> None:
        """What the dialog's Cancel button does (QProgressDialog.cancel() emits nothing)."""
        self.export_flow.cancel()

    def _ask_export_path(self, name: str) -> str:
        return ask_csv_path(self, tr("Export the audit log"), name)


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(lambda ctx: AuditWindow(ctx), title=tr("Insurance Audit")))
