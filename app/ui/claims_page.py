"""The Claims & Payments page (Ctrl+5): a tab per list of the billing office.

``TABS`` below is the page: (title, factory) per tab, in order. A new tab is one line there.

- **Claims**: filters (status, payer, clinic, date of service, patient name or MRN), keyset
  pages of 50 (:class:`~app.ui.widgets.paged_list.PagedListPage`), the selected claim's detail
  on the right (procedures, billed / estimated / paid / write-off, rejection reason, notes, every
  status change), Submit (a draft), Resubmit with a note (a rejected claim), Bulk submit of the
  ready drafts matching the filters (a progress dialog, cancellable between claims; the claims
  OpenDental refused are listed afterwards), Export CSV.
- **Insurance payments**: filters (carrier, posting status, received dates, check number,
  patient), keyset pages, the selected check's detail (every claim it paid, the total).

Every database or OpenDental call runs through ``ctx.ops`` (reads with ``run``, mutations with
``mutate``), never on the GUI thread. A change published on the bus (a claim submitted here, at
another desk, or by the sync) re-reads the page and the detail shown.

Run alone on the demo data: ``python -m app.ui.claims_page``.
"""
# i18n: pending

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import FIRST_DAY, LAST_DAY
from app.domain.enums import ClaimStatus, InsurancePaymentStatus
from app.domain.errors import DomainError
from app.domain.roles import Permission, can
from app.domain.text import SEARCH_MAX
from app.services.changes import Changes
from app.services.claim_list import ClaimFilters
from app.services.claims import ClaimCorrection
from app.services.payment_list import PaymentFilters
from app.ui.audit_window import QtTaskState
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.models.audit_model import BadgeDelegate
from app.ui.models.claims_model import (
    STATUS_LABELS,
    ClaimsTableModel,
    PaymentsTableModel,
    RowsModel,
    day,
    money,
)
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.paged_list import PagedListPage
from app.ui.widgets.reason_dialog import ReasonDialog
from app.ui.widgets.tables import read_only_table

__all__ = ["TABS", "ClaimsPage", "ClaimsTab", "PaymentsTab"]

PAGE_SIZE = 50


def _claims_tab(ctx: AppContext) -> QWidget:
    return ClaimsTab(ctx)


def _payments_tab(ctx: AppContext) -> QWidget:
    return PaymentsTab(ctx)


# The page's tabs, in order: (title, factory). Add a tab with one line here.
TABS: list[tuple[str, Callable[[AppContext], QWidget]]] = [
    ("Claims", _claims_tab),
    ("Insurance payments", _payments_tab),
]


class ClaimsPage(QWidget):
    """The tabs of ``TABS``; each builds (and starts loading) when first shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._factories = [factory for _title, factory in TABS]
        self._built: dict[int, QWidget] = {}
        for title, _factory in TABS:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
        self.tabs.currentChanged.connect(self._ensure_built)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)  # the other pages' margins
        layout.addWidget(self.tabs)
        self._ensure_built(0)

    def _ensure_built(self, index: int) -> None:
        if index < 0 or index in self._built:
            return
        widget = self._factories[index](self.ctx)
        self.tabs.widget(index).layout().addWidget(widget)
        self._built[index] = widget

    def tab(self, title: str) -> QWidget:
        """The tab called ``title``, built (and shown) on the way."""
        index = next(i for i, (t, _f) in enumerate(TABS) if t == title)
        self.tabs.setCurrentIndex(index)
        self._ensure_built(index)
        return self._built[index]


# ----------------------------------------------------------------------------- pieces
def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
    return label


def _date_pair(row: QGridLayout, col: int) -> tuple[QCheckBox, QDateEdit, QCheckBox, QDateEdit]:
    """From / To check boxes and dates, side by side in one cell spanning 3 columns."""
    today = QDate.currentDate()
    use_from, date_from = QCheckBox("From"), QDateEdit(today.addDays(-30))
    use_to, date_to = QCheckBox("To"), QDateEdit(today)
    for check, edit, name in ((use_from, date_from, "From date"), (use_to, date_to, "To date")):
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd MMM yyyy")
        edit.setDateRange(QDate(FIRST_DAY.year, 1, 1), QDate(LAST_DAY.year, 12, 31))
        edit.setEnabled(False)
        edit.setAccessibleName(name)
        check.toggled.connect(edit.setEnabled)
    box = QHBoxLayout()
    for w in (use_from, date_from):
        box.addWidget(w)
    box.addSpacing(12)
    for w in (use_to, date_to):
        box.addWidget(w)
    box.addStretch(1)
    row.addLayout(box, 0, col, 1, 3)
    return use_from, date_from, use_to, date_to


def _day_of(check: QCheckBox, edit: QDateEdit) -> dt.date | None:
    if not check.isChecked():
        return None
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def _filter_panel() -> tuple[QFrame, QGridLayout]:
    panel = QFrame(objectName="FilterPanel")
    panel.setStyleSheet("#FilterPanel { background: white; border: 1px solid #d0d7de; "
                        "border-radius: 6px; }")
    grid = QGridLayout(panel)
    grid.setContentsMargins(12, 8, 12, 8)
    grid.setHorizontalSpacing(10)
    return panel, grid


def _patient_box() -> QLineEdit:
    box = QLineEdit()
    box.setMaxLength(SEARCH_MAX)
    box.setPlaceholderText("Name or MRN")
    box.setAccessibleName("Patient")
    box.setClearButtonEnabled(True)
    return box


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(44)
    view.setItemDelegateForColumn(model.STATUS_COLUMN, BadgeDelegate(view))
    hh = view.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _figure(grid: QGridLayout, row: int, col: int, caption: str) -> QLabel:
    cap = QLabel(caption, objectName="Status")
    value = QLabel("—")
    value.setStyleSheet("font-size: 12pt; font-weight: 600;")
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    grid.addWidget(cap, row, col)
    grid.addWidget(value, row + 1, col)
    return value


def _fill(table: Any, rows: list[tuple[str, ...]], money_cols: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            if c in money_cols:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class _ExportMixin:
    """Export CSV through a service's ``export_csv(actor, filters, path, state)``, with a
    progress dialog whose Cancel stops the export between batches (no file is left). The
    class using it declares the ``export_finished`` and ``export_failed`` signals."""

    def _init_export(self) -> None:
        self.progress_dialog: QProgressDialog | None = None
        self._export_state: QtTaskState | None = None
        self.ask_export_path = self._ask_export_path  # tests replace the file dialog

    def _start_export(self, call: Callable[[Any, Any, str, Any], Any], filters: Any,
                      name: str, what: str) -> None:
        if self._export_state is not None:
            return
        path = self.ask_export_path(name)
        if not path:
            return
        state = QtTaskState()
        state.progressed.connect(self._export_progress)
        self._export_state = state
        dialog = QProgressDialog(f"Exporting {what}…", "Cancel", 0, 1000, self)
        dialog.setWindowTitle("Export CSV")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(state.cancel)
        dialog.setValue(0)
        self.progress_dialog = dialog
        self.export_button.setEnabled(False)
        self.banner.set_message("Exporting…", "info")
        actor = self.ctx.actor
        self.ctx.ops.run(lambda: call(actor, filters, path, state), on_success=self._exported,
                         on_failure=self._export_error, owner=self)

    @Slot(float)
    def _export_progress(self, fraction: float) -> None:
        if self.progress_dialog is not None and not self.progress_dialog.wasCanceled():
            self.progress_dialog.setValue(int(fraction * 1000))

    def _end_export(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self._export_state = None
        self.export_button.setEnabled(True)

    def _exported(self, result: Any) -> None:
        self._end_export()
        if result.cancelled:
            self.banner.set_message("Export cancelled; no file was written.", "warning")
        else:
            more = (" Only the first 50,000 were exported; narrow the filters to export the "
                    "rest." if result.truncated else "")
            self.banner.set_message(f"Exported {result.rows:,} row"
                                    f"{'' if result.rows == 1 else 's'} to {result.path}.{more}",
                                    "warning" if result.truncated else "success")
        self.export_finished.emit(result)

    def _export_error(self, exc: BaseException) -> None:
        self._end_export()
        message = exc.message if isinstance(exc, DomainError) else str(exc)
        if isinstance(exc, DomainError):
            self.banner.set_message(exc.message, "error")
        else:
            self.banner.set_message("")
            show_error(self, exc)
        self.export_failed.emit(message)

    def _ask_export_path(self, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Export CSV", str(Path.home() / name),
                                              "CSV (*.csv)")
        return path


# ------------------------------------------------------------------------------ claims
class ClaimDetail(QFrame):
    """The selected claim: who, what, the money figures, procedures and every status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ClaimDetail")
        self.setStyleSheet("#ClaimDetail { background: white; border: 1px solid #d0d7de; "
                           "border-radius: 6px; }")
        self.heading = QLabel("Select a claim to see its detail.")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel("", objectName="Status")
        self.subtitle.setWordWrap(True)
        figures = QGridLayout()
        figures.setHorizontalSpacing(18)
        self.billed = _figure(figures, 0, 0, "Billed")
        self.estimated = _figure(figures, 0, 1, "Insurer estimate")
        self.paid = _figure(figures, 0, 2, "Paid")
        self.write_off = _figure(figures, 0, 3, "Write-off")
        self.rejection = QLabel("")
        self.rejection.setWordWrap(True)
        self.rejection.setStyleSheet("background: #fde8e8; color: #7a1111; padding: 6px; "
                                     "border-radius: 4px;")
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        self.procedures = read_only_table(["Code", "Description", "Fee", "Estimate", "Paid",
                                           "Write-off"])
        self.procedures.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.history = read_only_table(["When", "Status", "By", "Reason / note"])
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for t in (self.procedures, self.history):
            t.setWordWrap(True)
            t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for t in (self.procedures, self.history):
            t.setMinimumHeight(110)
        self.submit_button = QPushButton("Submit to insurer")
        self.submit_button.setProperty("primary", True)
        self.resubmit_button = QPushButton("Resubmit with note…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.resubmit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addLayout(figures)
        layout.addWidget(self.rejection)
        layout.addWidget(self.notes)
        layout.addWidget(QLabel("Procedures", objectName="Status"))
        layout.addWidget(self.procedures, 1)
        layout.addWidget(QLabel("Status history", objectName="Status"))
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        self.show_claim(None)

    def show_claim(self, view: Any | None, tz: Any = None) -> None:
        self.view = view
        for w in (self.rejection, self.notes):
            w.setVisible(False)
        if view is None:
            self.heading.setText("Select a claim to see its detail.")
            self.subtitle.setText("")
            for w in (self.billed, self.estimated, self.paid, self.write_off):
                w.setText("—")
            _fill(self.procedures, [])
            _fill(self.history, [])
            return
        od = f" · OpenDental claim {view.claim_num}" if view.claim_num else ""
        self.heading.setText(f"Claim #{view.id}{od} — {STATUS_LABELS[view.status]}")
        parts = [f"{view.patient_name} ({view.patient_mrn})", view.payer or "payer unknown",
                 f"service {day(view.date_service)}"]
        if view.od_status_label:
            parts.append(f"OpenDental: {view.od_status_label}")
        if view.clinic:
            parts.append(view.clinic)
        self.subtitle.setText(" · ".join(parts))
        self.billed.setText(money(view.amount_billed))
        self.estimated.setText(money(view.estimated) if view.lines else "—")
        self.paid.setText(money(view.paid))
        self.write_off.setText(money(view.write_off) if view.lines else "—")
        if view.rejection_reason:
            self.rejection.setText(f"Rejected: {view.rejection_reason}")
            self.rejection.setVisible(True)
        if view.notes:
            self.notes.setText(f"Note sent with the claim: {view.notes}")
            self.notes.setVisible(True)
        _fill(self.procedures, [
            (line.code, line.description or "", money(line.fee_billed),
             money(line.ins_pay_est), money(line.ins_pay_amt), money(line.write_off))
            for line in view.lines], money_cols=(2, 3, 4, 5))
        # OpenDental's letter in brackets after the status it meant (W: waiting to send).
        _fill(self.history, [
            (h.at.astimezone(tz).strftime("%d %b %y %H:%M"),
             (f"{STATUS_LABELS[h.from_status]} → " if h.from_status else "")
             + STATUS_LABELS[h.to_status]
             + (f" ({h.od_claim_status})" if h.od_claim_status else ""),
             "Desk" if h.source == "DESK" else "Sync", h.reason or "")
            for h in view.history])


class ClaimsTab(_ExportMixin, PagedListPage):
    """The Claims tab."""

    loading_text = "Loading claims…"

    export_finished = Signal(object)
    """export_finished(result: ExportResult) — the CSV is written (or the export cancelled)."""
    export_failed = Signal(str)
    """export_failed(message) — nothing was written."""

    action_finished = Signal(str)
    """action_finished(message) — a submit / resubmit / bulk submit ended (see the banner)."""
    detail_loaded = Signal(object)
    """detail_loaded(view) — the detail panel shows ``view`` (a ClaimView)."""
    bulk_finished = Signal(object)
    """bulk_finished(result: BulkSubmitResult)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.can_manage = can(ctx.actor.role, Permission.MANAGE_CLAIMS)
        self._filters = ClaimFilters()
        self._detail_id: int | None = None
        self._bulk_state: QtTaskState | None = None
        self.bulk_dialog: QProgressDialog | None = None
        self._init_export()
        self.ask_note = self._ask_note  # tests replace the dialogs
        self.confirm_bulk = self._confirm_bulk
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=400)
        self._refresh_timer.timeout.connect(self._refresh_all)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._load_options()
        self.refresh()

    # ------------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.busy = BusyIndicator(self.loading_text)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self._refresh_all)
        self.bulk_button = QPushButton("Bulk submit ready…")
        self.bulk_button.setToolTip("Submit every draft claim matching the filters, one by one")
        self.bulk_button.clicked.connect(self.bulk_submit)
        # Hidden, never shown here: a parentless widget made visible opens as a window of its
        # own and takes the focus from the main window.
        if not self.can_manage:
            self.bulk_button.hide()
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setToolTip("Save the claims matching the filters (up to 50,000)")
        self.export_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        top.addWidget(_title("Claims"))
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.bulk_button)
        top.addWidget(self.export_button)

        self.filter_panel, grid = _filter_panel()
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItem("Any status", None)
        for st in ClaimStatus:
            self.status.addItem(STATUS_LABELS[st], st)
        self.payer = QComboBox()
        self.payer.setAccessibleName("Payer")
        self.payer.setMinimumWidth(220)
        self.payer.addItem("Any payer", ())
        self.clinic = QComboBox()
        self.clinic.setAccessibleName("Clinic")
        self.clinic.setMinimumWidth(160)
        self.clinic.addItem("Any clinic", None)
        self.patient = _patient_box()
        self.patient.returnPressed.connect(self.apply_filters)
        self.apply_button = QPushButton("Apply")
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton("Clear")
        self.clear_button.clicked.connect(self.clear_filters)
        grid.addWidget(QLabel("Status"), 1, 0)
        grid.addWidget(self.status, 1, 1)
        grid.addWidget(QLabel("Payer"), 1, 2)
        grid.addWidget(self.payer, 1, 3)
        grid.addWidget(QLabel("Clinic"), 1, 4)
        grid.addWidget(self.clinic, 1, 5)
        grid.addWidget(QLabel("Service date"), 0, 0)
        self.use_from, self.date_from, self.use_to, self.date_to = _date_pair(grid, 1)
        grid.addWidget(QLabel("Patient"), 0, 4)
        grid.addWidget(self.patient, 0, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 6, 2, 1)
        grid.setColumnStretch(6, 1)

        self.banner = Banner()
        self.model = ClaimsTableModel(self)
        self.view = _table(self.model)
        for col, width in enumerate((104, 88, 130, 150, 96, 78, 80, 90, 130)):
            self.view.setColumnWidth(col, width)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = ClaimDetail()
        self.detail.submit_button.clicked.connect(self.submit_selected)
        self.detail.resubmit_button.clicked.connect(self.resubmit_selected)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The table wide enough for the money columns; the detail gets the rest.
        self.splitter.setSizes([770, 520])

        pages = QHBoxLayout()
        self.count_label = QLabel("", objectName="Status")
        pages.addWidget(self.count_label)
        pages.addStretch(1)
        self._add_page_buttons(pages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)  # inside the page's margins
        layout.addLayout(top)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(pages)
        self._update_buttons()

    def _load_options(self) -> None:
        actor, claims = self.ctx.actor, self.ctx.services.claims

        def fill(options: Any) -> None:
            for p in options.payers:
                self.payer.addItem(p.name, p.plan_nums)
            for cid, name in options.clinics:
                self.clinic.addItem(name, cid)

        self.ctx.ops.run(lambda: claims.filter_options(actor), on_success=fill,
                         on_failure=lambda exc: None, owner=self)

    # ----------------------------------------------------------------------- filters
    def current_filters(self) -> ClaimFilters:
        return ClaimFilters(status=self.status.currentData(),
                            plan_nums=tuple(self.payer.currentData() or ()),
                            connection_id=self.clinic.currentData(),
                            date_from=_day_of(self.use_from, self.date_from),
                            date_to=_day_of(self.use_to, self.date_to),
                            patient=self.patient.text())

    def apply_filters(self) -> None:
        try:
            filters = self.current_filters()
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(exc.message, "error")
            return
        self.banner.set_message("")
        self._filters = filters
        self.pages.reset()
        self.refresh()

    def clear_filters(self) -> None:
        for combo in (self.status, self.payer, self.clinic):
            combo.setCurrentIndex(0)
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.patient.clear()
        self.apply_filters()

    # ------------------------------------------------------------------------ paging
    def _fetch(self) -> Any:
        actor, claims = self.ctx.actor, self.ctx.services.claims
        filters, after = self._filters, self.pages.cursor
        return lambda: claims.page(actor, filters, after=after, limit=PAGE_SIZE)

    def _show_page(self, page: Any) -> None:
        self.model.set_rows(page.rows)
        first = self.pages.first_index
        self.page_label.setText(f"Page {self.pages.number}")
        self.count_label.setText(
            f"Claims {first + 1}–{first + len(page.rows)}, newest date of service first; "
            "amounts in AED"
            if page.rows else "No claims match these filters.")
        self._reselect()

    def _reselect(self) -> None:
        if self._detail_id is not None and self.select_claim(self._detail_id):
            return
        self._update_buttons()

    def select_claim(self, claim_id: int) -> bool:
        for i, row in enumerate(self.model.rows()):
            if row.id == claim_id:
                self.view.selectRow(i)
                return True
        return False

    def selected(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_: Any) -> None:
        row = self.selected()
        if row is None:
            return
        self._detail_id = row.id
        self.load_detail(row.id)

    def load_detail(self, claim_id: int) -> None:
        actor, claims = self.ctx.actor, self.ctx.services.claims

        def shown(view: Any) -> None:
            if view.id != self._detail_id:
                return  # the reader moved on meanwhile
            self.detail.show_claim(view, self.ctx.clinic_zone)
            self._update_buttons()
            self.detail_loaded.emit(view)

        self.ctx.ops.run(lambda: claims.get(actor, claim_id), on_success=shown,
                         on_failure=self._action_error, owner=self)

    def _update_buttons(self) -> None:
        view = self.detail.view
        self.detail.submit_button.setVisible(self.can_manage)
        self.detail.resubmit_button.setVisible(self.can_manage)
        self.detail.submit_button.setEnabled(
            view is not None and view.status is ClaimStatus.NOT_SUBMITTED
            and view.claim_num is None)
        self.detail.resubmit_button.setEnabled(
            view is not None and view.status is ClaimStatus.REJECTED
            and view.claim_num is not None)

    def _refresh_all(self) -> None:
        self.refresh()
        if self._detail_id is not None:
            self.load_detail(self._detail_id)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("claims", "insurance_payments"):
            self._refresh_timer.start()

    # ----------------------------------------------------------------------- actions
    def submit_selected(self) -> None:
        view = self.detail.view
        if view is None:
            return
        claims, actor = self.ctx.services.claims, self.ctx.actor
        self._run(lambda: claims.submit(actor, view.id),
                  f"Claim #{view.id} was sent to OpenDental (waiting to send).")

    def resubmit_selected(self) -> None:
        view = self.detail.view
        if view is None:
            return
        note = self.ask_note(view)
        if not note:
            return
        claims, actor = self.ctx.services.claims, self.ctx.actor
        self._run(lambda: claims.resubmit(actor, view.id, ClaimCorrection(note=note)),
                  f"Claim #{view.id} was corrected and sent again.")

    def _run(self, call: Callable[[], Any], message: str) -> None:
        self.detail.submit_button.setEnabled(False)
        self.detail.resubmit_button.setEnabled(False)
        self.banner.set_message("Talking to OpenDental…", "info")
        self.ctx.ops.mutate(call, on_done=lambda result: self._done(result, message),
                            on_failure=self._action_error, owner=self, pool="net")

    def _done(self, result: Any, message: str) -> None:
        self.banner.set_message(message, "success")
        self.detail.show_claim(result.claim, self.ctx.clinic_zone)
        self._update_buttons()
        self.action_finished.emit(message)

    def _action_error(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, DomainError):
            self.banner.set_message(exc.message, "error")
            self.action_finished.emit(exc.message)
        else:
            self.banner.set_message("")
            show_error(self, exc)
            self.action_finished.emit(str(exc))

    # --------------------------------------------------------------------- bulk submit
    def bulk_submit(self) -> None:
        if self._bulk_state is not None:
            return
        try:
            filters = self.current_filters()
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(exc.message, "error")
            return
        actor, claims = self.ctx.actor, self.ctx.services.claims
        self.bulk_button.setEnabled(False)
        self.ctx.ops.run(lambda: claims.ready_claims(actor, filters),
                         on_success=self._bulk_ready, on_failure=self._bulk_error, owner=self)

    def _bulk_ready(self, ids: list[int]) -> None:
        if not ids:
            self.bulk_button.setEnabled(True)
            self.banner.set_message("No draft claims ready to submit match these filters.",
                                    "info")
            self.action_finished.emit("none ready")
            return
        if not self.confirm_bulk(len(ids)):
            self.bulk_button.setEnabled(True)
            return
        state = QtTaskState()
        state.progressed.connect(self._bulk_progress)
        self._bulk_state = state
        dialog = QProgressDialog(f"Submitting {len(ids)} claim{'s' * (len(ids) != 1)}…",
                                 "Stop after this claim", 0, 1000, self)
        dialog.setWindowTitle("Bulk submit")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(state.cancel)
        dialog.setValue(0)
        self.bulk_dialog = dialog
        self.banner.set_message(f"Submitting {len(ids)} claims…", "info")
        actor, claims = self.ctx.actor, self.ctx.services.claims
        self.ctx.ops.mutate(lambda: claims.bulk_submit(actor, ids, state),
                            on_done=self._bulk_done, on_failure=self._bulk_error, owner=self,
                            pool="net")

    @Slot(float)
    def _bulk_progress(self, fraction: float) -> None:
        if self.bulk_dialog is not None and not self.bulk_dialog.wasCanceled():
            self.bulk_dialog.setValue(int(fraction * 1000))

    def cancel_bulk(self) -> None:
        """What the dialog's Cancel does: stop after the claim being sent."""
        if self._bulk_state is not None:
            self._bulk_state.cancel()

    def _end_bulk(self) -> None:
        if self.bulk_dialog is not None:
            self.bulk_dialog.close()
            self.bulk_dialog.deleteLater()
            self.bulk_dialog = None
        self._bulk_state = None
        self.bulk_button.setEnabled(True)

    def _bulk_done(self, result: Any) -> None:
        self._end_bulk()
        text = f"Submitted {len(result.submitted)} of {result.attempted} claims."
        if result.cancelled:
            text += " Stopped on request; the rest are still drafts."
        if result.failures:
            items = "".join(f"<li>Claim #{f.claim_id} ({html.escape(f.patient_name)}): "
                            f"{html.escape(f.message)}</li>" for f in result.failures)
            self.banner.set_message(f"{html.escape(text)} OpenDental refused "
                                    f"{len(result.failures)}:<ul>{items}</ul>", "warning")
        else:
            self.banner.set_message(text, "warning" if result.cancelled else "success")
        self.bulk_finished.emit(result)
        self.action_finished.emit(text)

    def _bulk_error(self, exc: BaseException) -> None:
        self._end_bulk()
        self._action_error(exc)

    # ------------------------------------------------------------------------ export
    def export_csv(self) -> None:
        try:
            filters = self.current_filters()
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(exc.message, "error")
            return
        self._start_export(self.ctx.services.claims.export_csv, filters,
                           f"claims-{dt.date.today():%Y-%m-%d}.csv", "claims")

    # ----------------------------------------------------------------------- dialogs
    def _ask_note(self, view: Any) -> str | None:
        dialog = ReasonDialog(
            "Resubmit claim", f"Claim #{view.id} was rejected: {view.rejection_reason or '—'}."
            "\nSay what was corrected; the note goes to OpenDental with the claim.", self,
            ok_text="Resubmit")
        dialog.text.setPlaceholderText("Correction note (required)")
        return dialog.reason() if dialog.exec() else None

    def _confirm_bulk(self, count: int) -> bool:
        answer = QMessageBox.question(
            self, "Bulk submit",
            f"Submit {count} draft claim{'s' * (count != 1)} to OpenDental, one by one?")
        return answer == QMessageBox.StandardButton.Yes


# ---------------------------------------------------------------------------- payments
class PaymentDetailPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaymentDetail")
        self.setStyleSheet("#PaymentDetail { background: white; border: 1px solid #d0d7de; "
                           "border-radius: 6px; }")
        self.heading = QLabel("Select a payment to see its check.")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel("", objectName="Status")
        self.subtitle.setWordWrap(True)
        figures = QGridLayout()
        figures.setHorizontalSpacing(18)
        self.total = _figure(figures, 0, 0, "Total posted")
        self.check_amount = _figure(figures, 0, 1, "Check amount")
        self.posting = _figure(figures, 0, 2, "Posting")
        self.claims = read_only_table(["Claim", "Patient", "Claim status", "Billed", "Paid"])
        self.claims.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addLayout(figures)
        layout.addWidget(QLabel("Claims paid by this check", objectName="Status"))
        layout.addWidget(self.claims, 1)
        self.show_payment(None)

    def show_payment(self, d: Any | None) -> None:
        self.payment = d
        if d is None:
            self.heading.setText("Select a payment to see its check.")
            self.subtitle.setText("")
            for w in (self.total, self.check_amount, self.posting):
                w.setText("—")
            _fill(self.claims, [])
            return
        self.heading.setText(f"{d.method or 'Check'} {d.check_num or '(no number)'}"
                             + (" · SIMULATED" if d.simulated else ""))
        parts = [d.carrier or "carrier unknown", f"received {day(d.received_at)}"]
        if d.claim_payment_num:
            parts.append(f"OpenDental claim payment {d.claim_payment_num}")
        if d.clinic:
            parts.append(d.clinic)
        self.subtitle.setText(" · ".join(parts))
        self.total.setText(money(d.total))
        self.check_amount.setText(money(d.check_amount))
        self.posting.setText(d.posting_status)
        _fill(self.claims, [
            (f"#{c.claim_id}" + (f" · OD {c.claim_num}" if c.claim_num else ""),
             f"{c.patient_name} ({c.mrn})", STATUS_LABELS[c.claim_status],
             money(c.amount_billed), money(c.amount)) for c in d.claims], money_cols=(3, 4))


class PaymentsTab(_ExportMixin, PagedListPage):
    """The Insurance payments tab."""

    loading_text = "Loading insurance payments…"

    export_finished = Signal(object)
    """export_finished(result: ExportResult) — the CSV is written (or the export cancelled)."""
    export_failed = Signal(str)
    """export_failed(message) — nothing was written."""

    detail_loaded = Signal(object)
    """detail_loaded(detail: PaymentDetail)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self._filters = PaymentFilters()
        self._detail_id: int | None = None
        self._init_export()
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=400)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._load_carriers()
        self.refresh()

    def _build(self) -> None:
        self.busy = BusyIndicator(self.loading_text)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setToolTip("Save the payments matching the filters (up to 50,000)")
        self.export_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        top.addWidget(_title("Insurance payments"))
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.filter_panel, grid = _filter_panel()
        grid.addWidget(QLabel("Received"), 0, 0)
        self.use_from, self.date_from, self.use_to, self.date_to = _date_pair(grid, 1)
        self.carrier = QComboBox()
        self.carrier.setAccessibleName("Carrier")
        self.carrier.setMinimumWidth(220)
        self.carrier.addItem("Any carrier", None)
        self.status = QComboBox()
        self.status.setAccessibleName("Posting status")
        self.status.addItem("Any posting", None)
        for st in InsurancePaymentStatus:
            self.status.addItem(st.value.capitalize(), st)
        self.check = QLineEdit()
        self.check.setMaxLength(SEARCH_MAX)
        self.check.setPlaceholderText("Check / EFT number")
        self.check.setAccessibleName("Check number")
        self.check.setClearButtonEnabled(True)
        self.check.returnPressed.connect(self.apply_filters)
        self.patient = _patient_box()
        self.patient.returnPressed.connect(self.apply_filters)
        self.apply_button = QPushButton("Apply")
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton("Clear")
        self.clear_button.clicked.connect(self.clear_filters)
        grid.addWidget(QLabel("Patient"), 0, 4)
        grid.addWidget(self.patient, 0, 5)
        grid.addWidget(QLabel("Carrier"), 1, 0)
        grid.addWidget(self.carrier, 1, 1)
        grid.addWidget(QLabel("Posting"), 1, 2)
        grid.addWidget(self.status, 1, 3)
        grid.addWidget(QLabel("Check"), 1, 4)
        grid.addWidget(self.check, 1, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 6, 2, 1)
        grid.setColumnStretch(6, 1)

        self.banner = Banner()
        self.model = PaymentsTableModel(self)
        self.view = _table(self.model)
        for col, width in enumerate((88, 96, 165, 100, 135, 88, 80)):
            self.view.setColumnWidth(col, width)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = PaymentDetailPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([840, 500])

        pages = QHBoxLayout()
        self.count_label = QLabel("", objectName="Status")
        pages.addWidget(self.count_label)
        pages.addStretch(1)
        self._add_page_buttons(pages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)  # inside the page's margins
        layout.addLayout(top)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(pages)

    def _load_carriers(self) -> None:
        actor, payments = self.ctx.actor, self.ctx.services.insurance_payments

        def fill(names: list[str]) -> None:
            for name in names:
                self.carrier.addItem(name, name)

        self.ctx.ops.run(lambda: payments.carriers(actor), on_success=fill,
                         on_failure=lambda exc: None, owner=self)

    def current_filters(self) -> PaymentFilters:
        return PaymentFilters(status=self.status.currentData(),
                              carrier=self.carrier.currentData(),
                              date_from=_day_of(self.use_from, self.date_from),
                              date_to=_day_of(self.use_to, self.date_to),
                              check=self.check.text(), patient=self.patient.text())

    def apply_filters(self) -> None:
        try:
            filters = self.current_filters()
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(exc.message, "error")
            return
        self.banner.set_message("")
        self._filters = filters
        self.pages.reset()
        self.refresh()

    def clear_filters(self) -> None:
        self.carrier.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.check.clear()
        self.patient.clear()
        self.apply_filters()

    def _fetch(self) -> Any:
        actor, payments = self.ctx.actor, self.ctx.services.insurance_payments
        filters, after = self._filters, self.pages.cursor
        return lambda: payments.page(actor, filters, after=after, limit=PAGE_SIZE)

    def _show_page(self, page: Any) -> None:
        self.model.set_rows(page.rows)
        first = self.pages.first_index
        self.page_label.setText(f"Page {self.pages.number}")
        self.count_label.setText(
            f"Payments {first + 1}–{first + len(page.rows)}, newest first; amounts in AED"
            if page.rows
            else "No insurance payments match these filters.")

    def selected(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_: Any) -> None:
        row = self.selected()
        if row is None:
            return
        self._detail_id = row.id
        actor, payments = self.ctx.actor, self.ctx.services.insurance_payments
        payment_id = row.id

        def shown(detail: Any) -> None:
            if payment_id != self._detail_id:
                return
            self.detail.show_payment(detail)
            self.detail_loaded.emit(detail)

        def failed(exc: BaseException) -> None:
            self.banner.set_message(exc.message if isinstance(exc, DomainError) else str(exc),
                                    "error")

        self.ctx.ops.run(lambda: payments.detail(actor, payment_id), on_success=shown,
                         on_failure=failed, owner=self)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("insurance_payments", "claims"):
            self._refresh_timer.start()

    def export_csv(self) -> None:
        try:
            filters = self.current_filters()
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(exc.message, "error")
            return
        self._start_export(self.ctx.services.insurance_payments.export_csv, filters,
                           f"insurance-payments-{dt.date.today():%Y-%m-%d}.csv",
                           "insurance payments")


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(lambda ctx: ClaimsPage(ctx), title="Claims & Payments"))
