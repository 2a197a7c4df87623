"""Reconciliation (billing office): for each visit, the copay collected at the desk against
the patient portion the insurer adjudicated on its OpenDental claim, explained figure by
figure (app/domain/reconciliation.py), with a one-click refund request for an overpaid visit
through the refund approval workflow, and (issue 13) a write-off with a reason for an underpaid
balance the office will not collect.

A standalone widget: it is its own page for now and becomes a tab of Claims & Payments.
Accountants and administrators ask for a refund here (REQUEST_OVERPAID_REFUND); someone else
approves it on Refunds. Export CSV goes through the shared export flow
(app/ui/widgets/export_flow.py). Texts go through ``tr()``, amounts and dates through
app/ui/i18n.py; the explanation lines come from the domain (rendered in the reader's language
where they are messages).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
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

from app.domain.reconciliation import LABELS, ReconStatus
from app.domain.refunds import METHOD_LABELS
from app.domain.roles import Permission, can
from app.services.changes import Changes
from app.services.reconciliation import ReconRow, default_refund_method
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, money, number, tr
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.day_edit import day_edit, day_of
from app.ui.widgets.export_flow import ExportFlow, ExportTexts, ask_csv_path
from app.ui.widgets.paged_list import PagedListPage, select_row
from app.ui.widgets.tables import read_only_table

PAGE_SIZE = 50
COLUMNS = [N_("Visit"), N_("Patient"), N_("Payer"), N_("Receipt"), N_("Claim"),
           N_("Collected"), N_("Refunded"), N_("Patient portion"), N_("Difference"),
           N_("Status")]
MONEY_COLUMNS = {5, 6, 7, 8}
COLOURS = {ReconStatus.OVERPAID: "#b45309", ReconStatus.UNDERPAID: "#b91c1c",
           ReconStatus.EXACT: "#047857", ReconStatus.PENDING: "#57606a",
           ReconStatus.SETTLED: "#047857"}
# A claim's status in words (the claim column), English as .title() gave it.
CLAIM_WORDS = {"NOT_SUBMITTED": N_("Not Submitted"), "SUBMITTED": N_("Submitted"),
               "APPROVED": N_("Approved"), "REJECTED": N_("Rejected"), "PAID": N_("Paid")}


def _label(status: ReconStatus) -> str:
    return tr(LABELS[status])


def _lines(lines: Any) -> list[str]:
    """The domain's explanation, a line each, in the reader's language."""
    return [i18n.render(line) for line in lines]


class ReconciliationPage(PagedListPage):
    loading_text = N_("Loading the reconciliation…")

    refund_requested = Signal(object)
    """refund_requested(RefundResult) — a refund request went into the approval queue."""

    balance_written_off = Signal(object)
    """balance_written_off(Done) — an underpaid balance was written off (audited)."""

    export_finished = Signal(object)
    """export_finished(ExportResult) — the CSV is written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.rows: list[ReconRow] = []
        self.can_refund = can(ctx.actor.role, Permission.REQUEST_OVERPAID_REFUND)
        self.can_write_off = can(ctx.actor.role, Permission.WRITE_OFF_BALANCE)
        self.confirm_refund = self._confirm_refund  # tests answer for the person
        self.ask_write_off_reason = self._ask_write_off_reason  # tests answer for the person
        # Tests replace the file dialog.
        self.ask_export_path = lambda name: ask_csv_path(self, tr("Export the reconciliation"),
                                                         name)
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=400)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._load_payers()
        self.refresh()

    # ------------------------------------------------------------------------ layout
    def _build(self) -> None:
        title = QLabel(tr("Reconciliation: copay collected vs insurer's decision"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.busy = BusyIndicator(tr(self.loading_text))
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setToolTip(tr("Save the visits matching the filters, every figure "
                                         "explained (up to {limit})").format(
                                             limit=number(10_000)))
        self.export_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.export_button)
        intro = QLabel(tr("Each visit whose copay was collected at the desk and which has an "
                          "OpenDental claim: once the insurer has adjudicated it, the patient "
                          "portion it set (billed − insurer paid − write-off) against what the "
                          "patient paid, net of refunds. Select a visit for the figures in "
                          "words."), objectName="Placeholder")
        intro.setWordWrap(True)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(tr("Status"))
        self.status_filter.addItem(tr("Every status"), None)
        for st in ReconStatus:
            self.status_filter.addItem(_label(st), st)
        self.payer_filter = QComboBox()
        self.payer_filter.setAccessibleName(tr("Payer"))
        self.payer_filter.addItem(tr("Every payer"), None)
        self.payer_filter.setMinimumWidth(180)
        today = self.ctx.clinic_today()
        self.date_from = day_edit(today - dt.timedelta(days=90), tr("Visits from"))
        self.date_to = day_edit(today, tr("Visits to"))
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        for combo in (self.status_filter, self.payer_filter):
            combo.activated.connect(lambda _i: self.apply_filters())
        filters = QHBoxLayout()
        for label, w in ((tr("Status"), self.status_filter), (tr("Payer"), self.payer_filter),
                         (tr("Visits from"), self.date_from), (tr("to"), self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)

        self.banner = Banner()
        self.export_flow = ExportFlow(self, self.export_button, self.banner, ExportTexts(
            progress=tr("Exporting the reconciliation…"),
            one=tr("Exported 1 visit to {path}."), many=tr("Exported {rows} visits to {path}."),
            truncated=tr("Exported the newest {rows} visits to {path}; narrow the dates to "
                         "export the rest.")))
        self.export_flow.finished.connect(self.export_finished)
        self.table = read_only_table([tr(c) for c in COLUMNS])
        # The patient column takes the room the figures leave; the MRN is in its tooltip.
        self.table.horizontalHeader().setSectionResizeMode(
            COLUMNS.index("Patient"), QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.detail = QFrame(objectName="ReconDetail")
        self.detail.setStyleSheet("#ReconDetail { background: white; border: 1px solid "
                                  "#d0d7de; border-radius: 6px; }")
        self.explain = QLabel(tr("Select a visit to see how its figures were reached."))
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refund_button = QPushButton(tr("Request refund…"))
        self.refund_button.setProperty("primary", True)
        self.refund_button.setVisible(False)
        self.refund_button.clicked.connect(self.request_refund)
        dl = QHBoxLayout(self.detail)
        dl.setContentsMargins(12, 8, 12, 8)
        dl.addWidget(self.explain, 1)
        dl.addWidget(self.refund_button, 0, Qt.AlignmentFlag.AlignTop)
        self.write_off_button = QPushButton(tr("Write off balance…"))
        self.write_off_button.setVisible(False)
        self.write_off_button.clicked.connect(self.write_off)
        dl.addWidget(self.write_off_button, 0, Qt.AlignmentFlag.AlignTop)

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
            self.banner.set_message(tr("The date range ends before it starts; swap the dates."),
                                    kind="error")
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
        if self.export_flow.running:
            return
        path = self.ask_export_path(f"reconciliation-{self.ctx.clinic_today():%Y-%m-%d}.csv")
        actor, svc, kw = self.ctx.actor, self.ctx.services.reconciliation, self._filters()
        self.export_flow.start(path, lambda state: svc.export_csv(actor, path, state=state,
                                                                  **kw))

    def _show_page(self, page: Any) -> None:
        self.rows = list(page.rows)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            rc = r.recon
            claim = f"#{r.claim_num or r.claim_id} {_claim_words(r.claim_status.value)}"
            cells = (i18n.date_text(r.appointment_date), r.patient_name,
                     r.payer or "—", r.receipt_number, claim,
                     money(rc.collected, currency=False),
                     money(rc.refunded, currency=False) if rc.refunded else "—",
                     "—" if rc.portion is None else money(rc.portion, currency=False),
                     "—" if rc.difference is None else _signed(rc.difference),
                     _label(rc.status))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 1:
                    item.setToolTip(tr("{patient}, MRN {mrn}").format(patient=r.patient_name,
                                                                      mrn=r.mrn))
                if j in MONEY_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if j == len(cells) - 1:
                    item.setForeground(QColor(COLOURS[rc.status]))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, j, item)
        counts = tr(", ").join(
            tr("{status} {count}").format(status=_label(st).lower(),
                                          count=number(page.counts.get(st, 0)))
            for st in ReconStatus)
        first = self.pages.first_index
        self.page_label.setText(self.page_text())
        self.count_label.setText(
            tr("Visits {first}–{last}, newest first ({counts})").format(
                first=number(first + 1), last=number(first + len(self.rows)), counts=counts)
            if self.rows else
            tr("No visits match these filters ({counts}).").format(counts=counts))
        self.table.clearSelection()
        if self.rows:
            select_row(self.table, 0)
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
            self.explain.setText(tr("Select a visit to see how its figures were reached."))
            self.refund_button.setVisible(False)
            self.write_off_button.setVisible(False)
            return
        head = tr("{patient} ({mrn}) — visit of {day}, receipt {receipt}, {payer} claim "
                  "#{claim}: {status}").format(
            patient=r.patient_name, mrn=r.mrn, day=i18n.date_text(r.appointment_date),
            receipt=r.receipt_number, payer=r.payer or tr("no payer"),
            claim=r.claim_num or r.claim_id, status=_label(r.recon.status).upper())
        if i18n.is_rtl():
            # A right-to-left mark: the Arabic heading starts with the patient's Latin name,
            # which would otherwise turn the whole line left to right.
            head = "\u200f" + head
        self.explain.setText("\n".join((head, *_lines(r.recon.explanation_msgs or r.recon.explanation))))
        offer = r.status is ReconStatus.OVERPAID and r.recon.refundable > 0
        self.refund_button.setVisible(offer and self.can_refund)
        if offer:
            self.refund_button.setText(tr("Request refund of {amount}…").format(
                amount=money(r.recon.refundable)))
        owed = r.status is ReconStatus.UNDERPAID and r.recon.balance_due > 0
        self.write_off_button.setVisible(owed and self.can_write_off)
        if owed:
            self.write_off_button.setText(tr("Write off {amount}…").format(
                amount=money(r.recon.balance_due)))

    def _ask_write_off_reason(self, row: ReconRow) -> str | None:
        from app.ui.widgets.reason_dialog import ask_reason

        return ask_reason(self, tr("Write off balance"),
                          tr("{patient} still owes {amount} for the visit of {day}. Why is it "
                             "written off instead of collected at the next visit? The reason "
                             "is kept in the audit log.").format(
                              patient=row.patient_name, amount=money(row.recon.balance_due),
                              day=i18n.date_text(row.appointment_date)),
                          ok_text=tr("Write off"))

    def write_off(self) -> None:
        """Forgive the selected visit's underpaid balance, with a reason (audited)."""
        row = self.selected()
        if row is None or row.status is not ReconStatus.UNDERPAID or not self.can_write_off:
            return
        reason = self.ask_write_off_reason(row)
        if not reason:
            return
        actor, svc = self.ctx.actor, self.ctx.services.reconciliation
        self.write_off_button.setEnabled(False)

        def done(result: Any) -> None:
            self.write_off_button.setEnabled(True)
            self.banner.set_message(
                tr("Balance of {amount} written off for {patient} (visit of {day}); the visit "
                   "is settled.").format(amount=money(row.recon.balance_due),
                                         patient=row.patient_name,
                                         day=i18n.date_text(row.appointment_date)),
                kind="success")
            self.balance_written_off.emit(result)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.write_off_button.setEnabled(True)
            self.banner.set_message(message_for(exc), kind="error")

        self.ctx.ops.mutate(
            lambda: svc.write_off_balance(actor, row.appointment_id, reason,
                                          expected=row.recon.balance_due),
            on_done=done, on_failure=failed, owner=self)

    def _confirm_refund(self, row: ReconRow, method_label: str) -> bool:
        question = tr("Ask for a refund of {amount} ({method}) on receipt {receipt} for "
                      "{patient}?").format(amount=money(row.recon.refundable),
                                           method=method_label, receipt=row.receipt_number,
                                           patient=row.patient_name)
        text = "\n\n".join((question, "\n".join(_lines(row.recon.explanation_msgs or row.recon.explanation)),
                             tr("The request goes to the refund approval queue; someone "
                                "else approves it.")))
        box = QMessageBox(QMessageBox.Icon.Question, tr("Request refund"), text, parent=self)
        ok = box.addButton(tr("Request refund"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    def request_refund(self) -> None:
        row = self.selected()
        if row is None or row.status is not ReconStatus.OVERPAID:
            return
        method = default_refund_method(row.payment_method)
        if not self.confirm_refund(row, tr(METHOD_LABELS[method])):
            return
        actor, svc = self.ctx.actor, self.ctx.services.reconciliation
        self.refund_button.setEnabled(False)

        def done(result: Any) -> None:
            self.refund_button.setEnabled(True)
            self.banner.set_message(
                tr("Refund of {amount} requested for {patient} (receipt {receipt}); it now "
                   "waits for approval on Refunds.").format(
                    amount=money(result.refund.amount), patient=row.patient_name,
                    receipt=row.receipt_number), kind="success")
            self.refund_requested.emit(result)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.refund_button.setEnabled(True)
            self.banner.set_message(message_for(exc), kind="error")

        self.ctx.ops.mutate(lambda: svc.request_refund(actor, row.appointment_id, method=method),
                            on_done=done, on_failure=failed, owner=self)


def _claim_words(value: str) -> str:
    return tr(CLAIM_WORDS.get(value) or value.replace("_", " ").title())


def _signed(amount: Any) -> str:
    """+40.00 / -12.50: the difference with its sign (digits as the hospital chose)."""
    # A left-to-right mark first: in an Arabic cell the sign would otherwise move behind
    # the figure (0.00+).
    return "\u200e" + i18n.digits(f"{amount:+,.2f}")
