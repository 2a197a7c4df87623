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

Every text goes through ``tr()``; amounts and dates through app/ui/i18n.py; the export is
the shared flow of app/ui/widgets/export_flow.py.

Run alone on the demo data: ``python -m app.ui.claims_page``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
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
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for, show_error
from app.ui.i18n import N_, number, tr
from app.ui.models.audit_model import BadgeDelegate
from app.ui.models.claims_model import (
    ClaimsTableModel,
    PaymentsTableModel,
    RowsModel,
    claim_ref,
    day,
    money,
    posting_label,
    status_label,
)
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.export_flow import ExportFlow, ExportTexts, ask_csv_path
from app.ui.widgets.paged_list import PagedListPage, select_row
from app.ui.widgets.reason_dialog import ReasonDialog
from app.ui.widgets.tables import read_only_table
from app.ui.widgets.task_state import QtTaskState

__all__ = ["TABS", "ClaimsPage", "ClaimsTab", "PaymentsTab"]

PAGE_SIZE = 50


def _claims_tab(ctx: AppContext) -> QWidget:
    return ClaimsTab(ctx)


def _payments_tab(ctx: AppContext) -> QWidget:
    return PaymentsTab(ctx)


# The page's tabs, in order: (title, factory). Add a tab with one line here.
TABS: list[tuple[str, Callable[[AppContext], QWidget]]] = [
    (N_("Claims"), _claims_tab),
    (N_("Insurance payments"), _payments_tab),
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
            self.tabs.addTab(holder, tr(title))
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
        """The tab called ``title`` (its English title), built (and shown) on the way."""
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
    use_from, date_from = QCheckBox(tr("From")), QDateEdit(today.addDays(-30))
    use_to, date_to = QCheckBox(tr("To")), QDateEdit(today)
    for check, edit, name in ((use_from, date_from, tr("From date")),
                              (use_to, date_to, tr("To date"))):
        edit.setCalendarPopup(True)
        # A date reads left to right; the direction goes first, as right-to-left
        # setDisplayFormat reverses the sections for good (2026/12/04).
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setDisplayFormat("dd/MM/yyyy")  # as i18n.date_text: no month names to translate
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
    box.setPlaceholderText(tr("Name or MRN"))
    box.setAccessibleName(tr("Patient"))
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


# ------------------------------------------------------------------------------ claims
class ClaimDetail(QFrame):
    """The selected claim: who, what, the money figures, procedures and every status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ClaimDetail")
        self.setStyleSheet("#ClaimDetail { background: white; border: 1px solid #d0d7de; "
                           "border-radius: 6px; }")
        self.heading = QLabel(tr("Select a claim to see its detail."))
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel("", objectName="Status")
        self.subtitle.setWordWrap(True)
        figures = QGridLayout()
        figures.setHorizontalSpacing(18)
        self.billed = _figure(figures, 0, 0, tr("Billed"))
        self.estimated = _figure(figures, 0, 1, tr("Insurer estimate"))
        self.paid = _figure(figures, 0, 2, tr("Paid"))
        self.write_off = _figure(figures, 0, 3, tr("Write-off"))
        self.rejection = QLabel("")
        self.rejection.setWordWrap(True)
        self.rejection.setStyleSheet("background: #fde8e8; color: #7a1111; padding: 6px; "
                                     "border-radius: 4px;")
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        self.procedures = read_only_table([tr("Code"), tr("Description"), tr("Fee"),
                                           tr("Estimate"), tr("Paid"), tr("Write-off")])
        self.procedures.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.history = read_only_table([tr("When"), tr("Status"), tr("By"),
                                        tr("Reason / note")])
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for t in (self.procedures, self.history):
            t.setWordWrap(True)
            t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for t in (self.procedures, self.history):
            t.setMinimumHeight(110)
        self.submit_button = QPushButton(tr("Submit to insurer"))
        self.submit_button.setProperty("primary", True)
        self.resubmit_button = QPushButton(tr("Resubmit with note…"))
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
        layout.addWidget(QLabel(tr("Procedures"), objectName="Status"))
        layout.addWidget(self.procedures, 1)
        layout.addWidget(QLabel(tr("Status history"), objectName="Status"))
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        self.show_claim(None)

    def show_claim(self, view: Any | None, tz: Any = None) -> None:
        self.view = view
        for w in (self.rejection, self.notes):
            w.setVisible(False)
        if view is None:
            self.heading.setText(tr("Select a claim to see its detail."))
            self.subtitle.setText("")
            for w in (self.billed, self.estimated, self.paid, self.write_off):
                w.setText("—")
            _fill(self.procedures, [])
            _fill(self.history, [])
            return
        if view.claim_num:
            heading = tr("Claim #{id} · OpenDental claim {num} — {status}").format(
                id=view.id, num=view.claim_num, status=status_label(view.status))
        else:
            heading = tr("Claim #{id} — {status}").format(id=view.id,
                                                         status=status_label(view.status))
        self.heading.setText(heading)
        parts = [f"{view.patient_name} ({view.patient_mrn})", view.payer or tr("payer unknown"),
                 tr("service {day}").format(day=day(view.date_service))]
        if view.od_status_label:
            parts.append(tr("OpenDental: {status}").format(status=tr(view.od_status_label)))
        if view.clinic:
            parts.append(view.clinic)
        self.subtitle.setText(i18n.rtl_line(" · ".join(parts)))
        self.billed.setText(money(view.amount_billed))
        self.estimated.setText(money(view.estimated) if view.lines else "—")
        self.paid.setText(money(view.paid))
        self.write_off.setText(money(view.write_off) if view.lines else "—")
        if view.rejection_reason:
            self.rejection.setText(tr("Rejected: {reason}").format(
                reason=view.rejection_reason))
            self.rejection.setVisible(True)
        if view.notes:
            self.notes.setText(tr("Note sent with the claim: {note}").format(note=view.notes))
            self.notes.setVisible(True)
        _fill(self.procedures, [
            (line.code, line.description or "", money(line.fee_billed),
             money(line.ins_pay_est), money(line.ins_pay_amt), money(line.write_off))
            for line in view.lines], money_cols=(2, 3, 4, 5))
        # OpenDental's letter in brackets after the status it meant (W: waiting to send).
        _fill(self.history, [
            (i18n.datetime_text(h.at.astimezone(tz)), _change_text(h),
             tr("Desk") if h.source == "DESK" else tr("Sync"), h.reason or "")
            for h in view.history])


def _change_text(h: Any) -> str:
    """"Submitted → Paid (P)": the change, with OpenDental's letter for the status it meant
    (the arrow is mirrored in Arabic, where it reads right to left)."""
    to = status_label(h.to_status)
    if h.from_status:
        text = tr("{old} → {new}").format(old=status_label(h.from_status), new=to)
    else:
        text = to
    return f"{text} ({h.od_claim_status})" if h.od_claim_status else text


class ClaimsTab(PagedListPage):
    """The Claims tab."""

    loading_text = N_("Loading claims…")

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
        self.ask_export_path = lambda name: ask_csv_path(self, tr("Export the claims"), name)
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
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self._refresh_all)
        self.bulk_button = QPushButton(tr("Bulk submit ready…"))
        self.bulk_button.setToolTip(tr("Submit every draft claim matching the filters, one by "
                                       "one"))
        self.bulk_button.clicked.connect(self.bulk_submit)
        # Hidden, never shown here: a parentless widget made visible opens as a window of its
        # own and takes the focus from the main window.
        if not self.can_manage:
            self.bulk_button.hide()
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setToolTip(tr("Save the claims matching the filters (up to {limit})")
                                      .format(limit=number(50_000)))
        self.export_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        top.addWidget(_title(tr("Claims")))
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.bulk_button)
        top.addWidget(self.export_button)

        self.filter_panel, grid = _filter_panel()
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Status"))
        self.status.addItem(tr("Any status"), None)
        for st in ClaimStatus:
            self.status.addItem(status_label(st), st)
        self.payer = QComboBox()
        self.payer.setAccessibleName(tr("Payer"))
        self.payer.setMinimumWidth(220)
        self.payer.addItem(tr("Any payer"), ())
        self.clinic = QComboBox()
        self.clinic.setAccessibleName(tr("Clinic"))
        self.clinic.setMinimumWidth(160)
        self.clinic.addItem(tr("Any clinic"), None)
        self.patient = _patient_box()
        self.patient.returnPressed.connect(self.apply_filters)
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.clicked.connect(self.clear_filters)
        grid.addWidget(QLabel(tr("Status")), 1, 0)
        grid.addWidget(self.status, 1, 1)
        grid.addWidget(QLabel(tr("Payer")), 1, 2)
        grid.addWidget(self.payer, 1, 3)
        grid.addWidget(QLabel(tr("Clinic")), 1, 4)
        grid.addWidget(self.clinic, 1, 5)
        grid.addWidget(QLabel(tr("Service date")), 0, 0)
        self.use_from, self.date_from, self.use_to, self.date_to = _date_pair(grid, 1)
        grid.addWidget(QLabel(tr("Patient")), 0, 4)
        grid.addWidget(self.patient, 0, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 6, 2, 1)
        grid.setColumnStretch(6, 1)

        self.banner = Banner()
        self.export_flow = ExportFlow(self, self.export_button, self.banner, ExportTexts(
            progress=tr("Exporting the claims…"), one=tr("Exported 1 claim to {path}."),
            many=tr("Exported {rows} claims to {path}."),
            truncated=tr("Exported the first {rows} claims to {path}; narrow the filters to "
                         "export the rest.")))
        self.export_flow.finished.connect(self.export_finished)
        self.export_flow.failed.connect(self.export_failed)
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
            self.banner.set_message(message_for(exc), kind="error")
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
        self.page_label.setText(self.page_text())
        self.count_label.setText(
            tr("Claims {first}–{last}, newest date of service first; amounts in AED").format(
                first=number(first + 1), last=number(first + len(page.rows)))
            if page.rows else tr("No claims match these filters."))
        self._reselect()

    def _reselect(self) -> None:
        if self._detail_id is not None and self.select_claim(self._detail_id):
            return
        self._update_buttons()

    def select_claim(self, claim_id: int) -> bool:
        for i, row in enumerate(self.model.rows()):
            if row.id == claim_id:
                select_row(self.view, i)
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
                  tr("Claim #{id} was sent to OpenDental (waiting to send).").format(id=view.id))

    def resubmit_selected(self) -> None:
        view = self.detail.view
        if view is None:
            return
        note = self.ask_note(view)
        if not note:
            return
        claims, actor = self.ctx.services.claims, self.ctx.actor
        self._run(lambda: claims.resubmit(actor, view.id, ClaimCorrection(note=note)),
                  tr("Claim #{id} was corrected and sent again.").format(id=view.id))

    def _run(self, call: Callable[[], Any], message: str) -> None:
        self.detail.submit_button.setEnabled(False)
        self.detail.resubmit_button.setEnabled(False)
        self.banner.set_message(tr("Talking to OpenDental…"), kind="info")
        self.ctx.ops.mutate(call, on_done=lambda result: self._done(result, message),
                            on_failure=self._action_error, owner=self, pool="net")

    def _done(self, result: Any, message: str) -> None:
        self.banner.set_message(message, kind="success")
        self.detail.show_claim(result.claim, self.ctx.clinic_zone)
        self._update_buttons()
        self.action_finished.emit(message)

    def _action_error(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, DomainError):
            self.banner.set_message(message_for(exc), kind="error")
            self.action_finished.emit(message_for(exc))
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
            self.banner.set_message(message_for(exc), kind="error")
            return
        actor, claims = self.ctx.actor, self.ctx.services.claims
        self.bulk_button.setEnabled(False)
        self.ctx.ops.run(lambda: claims.ready_claims(actor, filters),
                         on_success=self._bulk_ready, on_failure=self._bulk_error, owner=self)

    def _bulk_ready(self, ids: list[int]) -> None:
        if not ids:
            self.bulk_button.setEnabled(True)
            self.banner.set_message(tr("No draft claims ready to submit match these filters."),
                                    kind="info")
            self.action_finished.emit("none ready")
            return
        if not self.confirm_bulk(len(ids)):
            self.bulk_button.setEnabled(True)
            return
        state = QtTaskState()
        state.progressed.connect(self._bulk_progress)
        self._bulk_state = state
        submitting = (tr("Submitting 1 claim…") if len(ids) == 1
                      else tr("Submitting {count} claims…").format(count=number(len(ids))))
        dialog = QProgressDialog(submitting, tr("Stop after this claim"), 0, 1000, self)
        dialog.setWindowTitle(tr("Bulk submit"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(state.cancel)
        dialog.setValue(0)
        self.bulk_dialog = dialog
        self.banner.set_message(submitting, kind="info")
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
        done = tr("Submitted {done} of {count} claims.").format(
            done=number(len(result.submitted)), count=number(result.attempted))
        # Whole sentences, one after the other (each translated on its own).
        text = (tr("{done} Stopped on request; the rest are still drafts.").format(done=done)
                if result.cancelled else done)
        if result.failures:
            items = "".join("<li>" + html.escape(tr("Claim #{id} ({patient}): {message}").format(
                id=f.claim_id, patient=f.patient_name, message=i18n.render(f.message))) + "</li>" for f in result.failures)
            refused = tr("{summary} OpenDental refused {count}:").format(
                summary=text, count=number(len(result.failures)))
            self.banner.set_message(html.escape(refused) + "<ul>" + items + "</ul>",
                                    kind="warning")
        else:
            self.banner.set_message(text, kind="warning" if result.cancelled else "success")
        self.bulk_finished.emit(result)
        self.action_finished.emit(text)

    def _bulk_error(self, exc: BaseException) -> None:
        self._end_bulk()
        self._action_error(exc)

    # ------------------------------------------------------------------------ export
    def export_csv(self) -> None:
        if self.export_flow.running:
            return
        try:
            filters = self.current_filters()
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(message_for(exc), kind="error")
            return
        path = self.ask_export_path(f"claims-{self.ctx.clinic_today():%Y-%m-%d}.csv")
        actor, claims = self.ctx.actor, self.ctx.services.claims
        self.export_flow.start(path, lambda state: claims.export_csv(actor, filters, path,
                                                                     state))

    # ----------------------------------------------------------------------- dialogs
    def _ask_note(self, view: Any) -> str | None:
        dialog = ReasonDialog(
            tr("Resubmit claim"),
            tr("Claim #{id} was rejected: {reason}.\nSay what was corrected; the note goes to "
               "OpenDental with the claim.").format(id=view.id,
                                                    reason=view.rejection_reason or "—"),
            self, ok_text=tr("Resubmit"))
        dialog.text.setPlaceholderText(tr("Correction note (required)"))
        return dialog.reason() if dialog.exec() else None

    def _confirm_bulk(self, count: int) -> bool:
        answer = QMessageBox.question(
            self, tr("Bulk submit"),
            tr("Submit 1 draft claim to OpenDental?") if count == 1 else
            tr("Submit {count} draft claims to OpenDental, one by one?").format(
                count=number(count)))
        return answer == QMessageBox.StandardButton.Yes


# ---------------------------------------------------------------------------- payments
class PaymentDetailPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaymentDetail")
        self.setStyleSheet("#PaymentDetail { background: white; border: 1px solid #d0d7de; "
                           "border-radius: 6px; }")
        self.heading = QLabel(tr("Select a payment to see its check."))
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel("", objectName="Status")
        self.subtitle.setWordWrap(True)
        figures = QGridLayout()
        figures.setHorizontalSpacing(18)
        self.total = _figure(figures, 0, 0, tr("Total posted"))
        self.check_amount = _figure(figures, 0, 1, tr("Check amount"))
        self.posting = _figure(figures, 0, 2, tr("Posting"))
        self.claims = read_only_table([tr("Claim"), tr("Patient"), tr("Claim status"),
                                       tr("Billed"), tr("Paid")])
        self.claims.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addLayout(figures)
        layout.addWidget(QLabel(tr("Claims paid by this check"), objectName="Status"))
        layout.addWidget(self.claims, 1)
        self.show_payment(None)

    def show_payment(self, d: Any | None) -> None:
        self.payment = d
        if d is None:
            self.heading.setText(tr("Select a payment to see its check."))
            self.subtitle.setText("")
            for w in (self.total, self.check_amount, self.posting):
                w.setText("—")
            _fill(self.claims, [])
            return
        heading = tr("{method} {number}").format(method=d.method or tr("Check"),
                                                 number=d.check_num or tr("(no number)"))
        if d.simulated:
            heading = tr("{payment} · SIMULATED").format(payment=heading)
        self.heading.setText(heading)
        parts = [d.carrier or tr("carrier unknown"),
                 tr("received {day}").format(day=day(d.received_at))]
        if d.claim_payment_num:
            parts.append(tr("OpenDental claim payment {num}").format(num=d.claim_payment_num))
        if d.clinic:
            parts.append(d.clinic)
        self.subtitle.setText(i18n.rtl_line(" · ".join(parts)))
        self.total.setText(money(d.total))
        self.check_amount.setText(money(d.check_amount))
        self.posting.setText(_posting_text(d.claims))
        _fill(self.claims, [
            (claim_ref(c.claim_id, c.claim_num),
             f"{c.patient_name} ({c.mrn})", status_label(c.claim_status),
             money(c.amount_billed), money(c.amount)) for c in d.claims], money_cols=(3, 4))


def _posting_text(claims: Any) -> str:
    """"Posted", or "Partly posted/reversed" when the check's claims differ."""
    statuses = sorted({c.status for c in claims})
    if len(statuses) == 1:
        return posting_label(statuses[0])
    return tr("Partly {statuses}").format(statuses="/".join(posting_label(st)
                                                              for st in statuses))


class PaymentsTab(PagedListPage):
    """The Insurance payments tab."""

    loading_text = N_("Loading insurance payments…")

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
        self.ask_export_path = lambda name: ask_csv_path(self, tr("Export the insurance "
                                                                  "payments"), name)
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=400)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._load_carriers()
        self.refresh()

    def _build(self) -> None:
        self.busy = BusyIndicator(self.loading_text)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setToolTip(tr("Save the payments matching the filters (up to "
                                         "{limit})").format(limit=number(50_000)))
        self.export_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        top.addWidget(_title(tr("Insurance payments")))
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.filter_panel, grid = _filter_panel()
        grid.addWidget(QLabel(tr("Received")), 0, 0)
        self.use_from, self.date_from, self.use_to, self.date_to = _date_pair(grid, 1)
        self.carrier = QComboBox()
        self.carrier.setAccessibleName(tr("Carrier"))
        self.carrier.setMinimumWidth(220)
        self.carrier.addItem(tr("Any carrier"), None)
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Posting status"))
        self.status.addItem(tr("Any posting"), None)
        for st in InsurancePaymentStatus:
            self.status.addItem(posting_label(st), st)
        self.check = QLineEdit()
        self.check.setMaxLength(SEARCH_MAX)
        self.check.setPlaceholderText(tr("Check / EFT number"))
        self.check.setAccessibleName(tr("Check number"))
        self.check.setClearButtonEnabled(True)
        self.check.returnPressed.connect(self.apply_filters)
        self.patient = _patient_box()
        self.patient.returnPressed.connect(self.apply_filters)
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.clicked.connect(self.clear_filters)
        grid.addWidget(QLabel(tr("Patient")), 0, 4)
        grid.addWidget(self.patient, 0, 5)
        grid.addWidget(QLabel(tr("Carrier")), 1, 0)
        grid.addWidget(self.carrier, 1, 1)
        grid.addWidget(QLabel(tr("Posting")), 1, 2)
        grid.addWidget(self.status, 1, 3)
        grid.addWidget(QLabel(tr("Check")), 1, 4)
        grid.addWidget(self.check, 1, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 6, 2, 1)
        grid.setColumnStretch(6, 1)

        self.banner = Banner()
        self.export_flow = ExportFlow(self, self.export_button, self.banner, ExportTexts(
            progress=tr("Exporting the insurance payments…"),
            one=tr("Exported 1 payment to {path}."),
            many=tr("Exported {rows} payments to {path}."),
            truncated=tr("Exported the first {rows} payments to {path}; narrow the filters to "
                         "export the rest.")))
        self.export_flow.finished.connect(self.export_finished)
        self.export_flow.failed.connect(self.export_failed)
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
            self.banner.set_message(message_for(exc), kind="error")
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
        self.page_label.setText(self.page_text())
        self.count_label.setText(
            tr("Payments {first}–{last}, newest first; amounts in AED").format(
                first=number(first + 1), last=number(first + len(page.rows)))
            if page.rows
            else tr("No insurance payments match these filters."))

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
            self.banner.set_message(message_for(exc), kind="error")

        self.ctx.ops.run(lambda: payments.detail(actor, payment_id), on_success=shown,
                         on_failure=failed, owner=self)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("insurance_payments", "claims"):
            self._refresh_timer.start()

    def export_csv(self) -> None:
        if self.export_flow.running:
            return
        try:
            filters = self.current_filters()
            filters.validate()
        except DomainError as exc:
            self.banner.set_message(message_for(exc), kind="error")
            return
        path = self.ask_export_path(f"insurance-payments-{self.ctx.clinic_today():%Y-%m-%d}.csv")
        actor, payments = self.ctx.actor, self.ctx.services.insurance_payments
        self.export_flow.start(path, lambda state: payments.export_csv(actor, filters, path,
                                                                       state))


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(lambda ctx: ClaimsPage(ctx), title=tr("Claims & Payments")))
