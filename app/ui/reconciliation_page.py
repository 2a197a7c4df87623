"""Reconciliation (billing office): for each visit, the copay collected at the desk against
the patient portion the insurer adjudicated on its OpenDental claim, explained figure by
figure (app/domain/reconciliation.py), with a one-click refund request for an overpaid visit
through the refund approval workflow.

A standalone widget: it is its own page for now and becomes a tab of Claims & Payments.
"""
# i18n: pending

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import fmt
from app.domain.reconciliation import LABELS, ReconStatus
from app.domain.refunds import METHOD_LABELS
from app.domain.roles import Permission, can
from app.services.changes import Changes
from app.services.reconciliation import ReconRow, default_refund_method
from app.ui.context import AppContext
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.day_edit import day_edit, day_of
from app.ui.widgets.paged_list import PagedListPage
from app.ui.widgets.tables import read_only_table

PAGE_SIZE = 50
COLUMNS = ["Visit", "Patient", "Payer", "Receipt", "Claim", "Collected", "Refunded",
           "Patient portion", "Difference", "Status"]
MONEY_COLUMNS = {5, 6, 7, 8}
COLOURS = {ReconStatus.OVERPAID: "#b45309", ReconStatus.UNDERPAID: "#b91c1c",
           ReconStatus.EXACT: "#047857", ReconStatus.PENDING: "#57606a"}


class ReconciliationPage(PagedListPage):
    loading_text = "Loading the reconciliation…"

    refund_requested = Signal(object)
    """refund_requested(RefundResult) — a refund request went into the approval queue."""

    export_finished = Signal(object)
    """export_finished(ExportResult) — the CSV is written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.rows: list[ReconRow] = []
        self.can_refund = can(ctx.actor.role, Permission.REQUEST_OVERPAID_REFUND)
        self.confirm_refund = self._confirm_refund  # tests answer for the person
        self.ask_export_path = self._ask_export_path  # tests replace the file dialog
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=400)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._load_payers()
        self.refresh()

    # ------------------------------------------------------------------------ layout
    def _build(self) -> None:
        title = QLabel("Reconciliation: copay collected vs insurer's decision")
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.busy = BusyIndicator(self.loading_text)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setToolTip("Save the visits matching the filters, every figure "
                                      "explained (up to 10,000)")
        self.export_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.export_button)
        intro = QLabel("Each visit whose copay was collected at the desk and which has an "
                       "OpenDental claim: once the insurer has adjudicated it, the patient "
                       "portion it set (billed − insurer paid − write-off) against what the "
                       "patient paid, net of refunds. Select a visit for the figures in words.",
                       objectName="Placeholder")
        intro.setWordWrap(True)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Status")
        self.status_filter.addItem("Every status", None)
        for st in ReconStatus:
            self.status_filter.addItem(LABELS[st], st)
        self.payer_filter = QComboBox()
        self.payer_filter.setAccessibleName("Payer")
        self.payer_filter.addItem("Every payer", None)
        self.payer_filter.setMinimumWidth(180)
        today = dt.date.today()
        self.date_from = day_edit(today - dt.timedelta(days=90), "Visits from")
        self.date_to = day_edit(today, "Visits to")
        self.apply_button = QPushButton("Apply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        for combo in (self.status_filter, self.payer_filter):
            combo.activated.connect(lambda _i: self.apply_filters())
        filters = QHBoxLayout()
        for label, w in (("Status", self.status_filter), ("Payer", self.payer_filter),
                         ("Visits from", self.date_from), ("to", self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)

        self.banner = Banner()
        self.table = read_only_table(COLUMNS)
        # The patient column takes the room the figures leave; the MRN is in its tooltip.
        self.table.horizontalHeader().setSectionResizeMode(
            COLUMNS.index("Patient"), QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.detail = QFrame(objectName="ReconDetail")
        self.detail.setStyleSheet("#ReconDetail { background: white; border: 1px solid "
                                  "#d0d7de; border-radius: 6px; }")
        self.explain = QLabel("Select a visit to see how its figures were reached.")
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refund_button = QPushButton("Request refund…")
        self.refund_button.setProperty("primary", True)
        self.refund_button.setVisible(False)
        self.refund_button.clicked.connect(self.request_refund)
        dl = QHBoxLayout(self.detail)
        dl.setContentsMargins(12, 8, 12, 8)
        dl.addWidget(self.explain, 1)
        dl.addWidget(self.refund_button, 0, Qt.AlignmentFlag.AlignTop)

        pages = QHBoxLayout()
        self.count_label = QLabel("", objectName="Status")
        pages.addWidget(self.count_label)
        pages.addStretch(1)
        self._add_page_buttons(pages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(pages)

    # ----------------------------------------------------------------------- filters
    def apply_filters(self) -> None:
        if day_of(self.date_from) > day_of(self.date_to):
            self.banner.set_message("The date range ends before it starts; swap the dates.",
                                    "error")
            return
        self.banner.clear_message()
        self.pages.reset()
        self.refresh()

    def _load_payers(self) -> None:
        actor, services = self.ctx.actor, self.ctx.services

        def fill(names: list[str]) -> None:
            for name in names:
                self.payer_filter.addItem(name, name)

        self.ctx.ops.run(lambda: services.reconciliation.payers(actor), on_success=fill,
                         on_failure=lambda exc: None, owner=self)

    def _filters(self) -> dict[str, Any]:
        return {"status": self.status_filter.currentData(),
                "payer": self.payer_filter.currentData(),
                "date_from": day_of(self.date_from), "date_to": day_of(self.date_to)}

    # ------------------------------------------------------------------------ paging
    def _fetch(self) -> Any:
        actor, svc = self.ctx.actor, self.ctx.services.reconciliation
        kw = {**self._filters(), "page_size": PAGE_SIZE, "after": self.pages.cursor}
        return lambda: svc.list(actor, **kw)

    # ------------------------------------------------------------------------ export
    def export_csv(self) -> None:
        path = self.ask_export_path(f"reconciliation-{dt.date.today():%Y-%m-%d}.csv")
        if not path:
            return
        actor, svc, kw = self.ctx.actor, self.ctx.services.reconciliation, self._filters()
        self.export_button.setEnabled(False)
        self.banner.set_message("Exporting the reconciliation…", "info")

        def done(result: Any) -> None:
            self.export_button.setEnabled(True)
            more = " (the newest 10,000; narrow the dates for the rest)" if result.truncated \
                else ""
            self.banner.set_message(f"Exported {result.rows:,} visit"
                                    f"{'' if result.rows == 1 else 's'} to {result.path}"
                                    f"{more}.", "success")
            self.export_finished.emit(result)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.banner.set_message(getattr(exc, "message", str(exc)), "error")

        self.ctx.ops.run(lambda: svc.export_csv(actor, path, **kw), on_success=done,
                         on_failure=failed, owner=self)

    def _ask_export_path(self, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Export the reconciliation",
                                              str(Path.home() / name), "CSV (*.csv)")
        return path

    def _show_page(self, page: Any) -> None:
        self.rows = list(page.rows)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            rc = r.recon
            claim = f"#{r.claim_num or r.claim_id} {r.claim_status.value.replace('_', ' ').title()}"
            cells = (f"{r.appointment_date:%d %b %Y}", r.patient_name,
                     r.payer or "—", r.receipt_number, claim, fmt(rc.collected, currency=False),
                     fmt(rc.refunded, currency=False) if rc.refunded else "—",
                     "—" if rc.portion is None else fmt(rc.portion, currency=False),
                     "—" if rc.difference is None else f"{rc.difference:+,.2f}", rc.label)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 1:
                    item.setToolTip(f"{r.patient_name}, MRN {r.mrn}")
                if j in MONEY_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if j == len(cells) - 1:
                    item.setForeground(QColor(COLOURS[rc.status]))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, j, item)
        counts = ", ".join(f"{LABELS[st].lower()} {page.counts.get(st, 0)}" for st in ReconStatus)
        first = self.pages.first_index
        self.page_label.setText(f"Page {self.pages.number}")
        self.count_label.setText(
            f"Visits {first + 1}–{first + len(self.rows)}, newest first ({counts})"
            if self.rows else f"No visits match these filters ({counts}).")
        self.table.clearSelection()
        if self.rows:
            self.table.selectRow(0)
        self._selection_changed()  # also when the same row index holds another visit

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("claims", "copay_payments", "copay_refunds"):
            self._refresh_timer.start()

    # ------------------------------------------------------------------------ detail
    def selected(self) -> ReconRow | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked and picked[0].row() < len(self.rows) else None

    def _selection_changed(self) -> None:
        r = self.selected()
        if r is None:
            self.explain.setText("Select a visit to see how its figures were reached.")
            self.refund_button.setVisible(False)
            return
        head = (f"{r.patient_name} ({r.mrn}) — visit of {r.appointment_date:%d %b %Y}, receipt "
                f"{r.receipt_number}, {r.payer or 'no payer'} claim "
                f"#{r.claim_num or r.claim_id}: {r.recon.label.upper()}")
        self.explain.setText("\n".join((head, *r.recon.explanation)))
        offer = r.status is ReconStatus.OVERPAID and r.recon.refundable > 0
        self.refund_button.setVisible(offer and self.can_refund)
        if offer:
            self.refund_button.setText(f"Request refund of {fmt(r.recon.refundable)}…")

    def _confirm_refund(self, row: ReconRow, method_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Request refund",
                          f"Ask for a refund of {fmt(row.recon.refundable)} ({method_label}) "
                          f"on receipt {row.receipt_number} for {row.patient_name}?\n\n"
                          + "\n".join(row.recon.explanation)
                          + "\n\nThe request goes to the refund approval queue.", parent=self)
        ok = box.addButton("Request refund", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    def request_refund(self) -> None:
        row = self.selected()
        if row is None or row.status is not ReconStatus.OVERPAID:
            return
        method = default_refund_method(row.payment_method)
        if not self.confirm_refund(row, METHOD_LABELS[method]):
            return
        actor, svc = self.ctx.actor, self.ctx.services.reconciliation
        self.refund_button.setEnabled(False)

        def done(result: Any) -> None:
            self.refund_button.setEnabled(True)
            self.banner.set_message(
                f"Refund of {fmt(result.refund.amount)} requested for {row.patient_name} "
                "(receipt " + row.receipt_number + "); it now waits for approval on Refunds.",
                "success")
            self.refund_requested.emit(result)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.refund_button.setEnabled(True)
            self.banner.set_message(getattr(exc, "message", str(exc)), "error")

        self.ctx.ops.mutate(lambda: svc.request_refund(actor, row.appointment_id, method=method),
                            on_done=done, on_failure=failed, owner=self)
