"""Copay refunds (seed 004 §10): the list by status, the approval buttons, and the request
dialog that finds the payment by patient name, MRN or receipt number (the seed's form wanted
a raw payment id - its known limitation 3).

Every service call goes through ``ctx.ops`` (off the GUI thread). The buttons shown follow
the role (the service enforces it again): Request Refund for the front desk and admins;
Approve, Reject and Process for accountants and admins on the right statuses; Delete for the
super admin on pending requests. The list re-reads itself when ``ctx.bus`` says refunds or
payments changed, here or on another workstation, and keeps the selected refund selected.

Run alone on the demo data: ``python -m app.ui.refunds_window``.
"""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import PaymentMethod, RefundMethod, RefundReason, RefundStatus
from app.domain.errors import DomainError, ValidationError
from app.domain.money import parse_amount
from app.domain.refund_policy import method_warning
from app.domain.refunds import (
    MAX_DETAILS,
    RefundAction,
    check_amount,
    check_details,
    check_method,
)
from app.domain.roles import Permission, can
from app.domain.text import SEARCH_MAX
from app.services.changes import Changes
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for, show_error
from app.ui.i18n import N_, money, number, tr
from app.ui.models.audit_model import BadgeDelegate
from app.ui.models.refund_model import (
    PaymentTableModel,
    PCol,
    RCol,
    RefundTableModel,
    method_text,
    payment_method_label,
    reason_label,
    reason_text,
    status_text,
)
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.char_limit import limit_plain_text
from app.ui.widgets.paged_list import PagedListPage

__all__ = ["RefundsWindow", "RequestRefundDialog", "TABS"]

TABS: tuple[tuple[str, RefundStatus | None], ...] = (
    (N_("All"), None),
    (N_("Pending"), RefundStatus.PENDING),
    (N_("Approved"), RefundStatus.APPROVED),
    (N_("Processed"), RefundStatus.PROCESSED),
    (N_("Rejected"), RefundStatus.REJECTED),
)
# The refund policy's warning (app/domain/refund_policy.py method_warning), marked here so that
# this screen's catalogue holds its Arabic.
_CATALOGUE = (
    N_("This copay was paid by card: a cash refund takes money from the till and the card is "
       "not refunded. Refund to the card unless the patient cannot receive it there."),
)


def _day(value: Any) -> str:
    """"04 Dec 2026"; in Arabic the day in numbers (no English month name)."""
    return i18n.date_text(value) if i18n.is_rtl() else f"{value:%d %b %Y}"


def _rich(text: str) -> str:
    """Rich text whose lines read right to left in Arabic even when one starts with a receipt
    number or a name in Latin letters (Qt takes a line's direction from its first letter)."""
    return f"<div dir='rtl'>{text}</div>" if i18n.is_rtl() else text


def _explain(limit: Any) -> str:
    """What was paid and refunded on a receipt (RefundableLimit), in the reader's language:
    "AED 30.00 paid, AED 10.00 refunded, AED 7.50 awaiting approval"."""
    parts = [tr("{amount} paid").format(amount=money(limit.paid))]
    if limit.refunded:
        parts.append(tr("{amount} refunded").format(amount=money(limit.refunded)))
    if limit.awaiting_approval:
        parts.append(tr("{amount} awaiting approval").format(
            amount=money(limit.awaiting_approval)))
    if limit.approved_unpaid:
        parts.append(tr("{amount} approved, not yet paid out").format(
            amount=money(limit.approved_unpaid)))
    return ("، " if i18n.is_rtl() else ", ").join(parts)
PAGE_SIZE = 50
_CARD = frozenset({PaymentMethod.CREDIT_CARD, PaymentMethod.DEBIT_CARD})
_DEFAULT_METHOD = {PaymentMethod.CASH: RefundMethod.CASH,
                   PaymentMethod.CREDIT_CARD: RefundMethod.CREDIT_CARD,
                   PaymentMethod.DEBIT_CARD: RefundMethod.CREDIT_CARD,
                   PaymentMethod.DEPOSIT: RefundMethod.DEPOSIT_CREDIT}


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(30)
    view.horizontalHeader().setHighlightSections(False)
    return view


# =============================================================================== dialog
class RequestRefundDialog(QDialog):
    """Find the copay payment, say how much to refund and why; submits a PENDING refund."""

    refund_requested = Signal(object)
    """refund_requested(result: RefundResult) — the request was stored."""

    search_finished = Signal(int)
    """search_finished(count) — the payments found for the search text are listed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 search: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.payment: Any | None = None  # the chosen PaymentMatch
        self._submitting = False
        self.setWindowTitle(tr("Request a copay refund"))
        # Nine columns, the patient's full name among them: 940 fits them without cutting
        # any (a 1280-pixel desk screen has room).
        self.setMinimumSize(940, 640)

        intro = QLabel(tr("Find the payment by the patient's name, MRN or the receipt number."))
        intro.setWordWrap(True)
        self.search = QLineEdit(search)
        self.search.setMaxLength(SEARCH_MAX)
        self.search.setPlaceholderText(tr("Patient name, MRN or receipt number (RCP-…)"))
        self.search.setAccessibleName(tr("Find payment"))
        self.search.setClearButtonEnabled(True)
        self.search_button = QPushButton(tr("Search"))
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        find = QHBoxLayout()
        find.addWidget(self.search, 1)
        find.addWidget(self.search_button)

        self.payments = PaymentTableModel(self)
        self.payment_view = _table(self.payments)
        self.payment_view.setMinimumHeight(170)
        hh = self.payment_view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(PCol.PATIENT, QHeaderView.ResizeMode.Stretch)
        self.payment_view.selectionModel().selectionChanged.connect(self._payment_selected)
        self.found = QLabel("", objectName="Status")

        self.summary = QLabel(tr("No payment chosen yet."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setObjectName("RefundSummary")
        self.summary.setStyleSheet("#RefundSummary { background: white; border: 1px solid "
                                   "#d0d7de; border-radius: 4px; padding: 8px; }")

        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.amount.setAccessibleName(tr("Refund amount"))
        self.amount.setMaximumWidth(140)
        self.amount.textChanged.connect(self._check_amount)
        self.full_button = QPushButton(tr("Full refundable amount"))
        self.full_button.clicked.connect(self._fill_full)
        self.amount_error = QLabel("", objectName="Error")
        self.amount_error.setWordWrap(True)
        amount_row = QHBoxLayout()
        amount_row.addWidget(QLabel(i18n.CURRENCY[i18n.language()]))
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.full_button)
        amount_row.addStretch(1)

        self.reason = QComboBox()
        self.reason.setAccessibleName(tr("Reason"))
        for r in RefundReason:
            self.reason.addItem(reason_label(r), r)
        self.details = QPlainTextEdit()
        self.details.setPlaceholderText(tr("Details (required when the reason is Other)"))
        self.details.setFixedHeight(64)
        self.details_counter = limit_plain_text(self.details, MAX_DETAILS)
        self.details.setTabChangesFocus(True)
        self.method = QComboBox()
        self.method.setAccessibleName(tr("Refund method"))
        for m in RefundMethod:
            self.method.addItem(method_text(m), m)
        self.method.currentIndexChanged.connect(self._check_method)
        # Said as soon as the method is chosen, not after submitting: a warning, not a refusal.
        self.method_warning = QLabel("", objectName="MethodWarning", wordWrap=True)
        self.method_warning.setStyleSheet("color: #8a4b00;")
        self.method_warning.hide()

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)  # mirrored in Arabic
        form.addRow(tr("Refund amount"), amount_row)
        form.addRow("", self.amount_error)
        form.addRow(tr("Reason"), self.reason)
        form.addRow(tr("Details"), self.details)
        form.addRow("", self.details_counter)
        form.addRow(tr("Refund method"), self.method)
        form.addRow("", self.method_warning)

        self.error = Banner(kind="error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(tr("Request refund"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(find)
        layout.addWidget(self.payment_view, 1)
        layout.addWidget(self.found)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._set_form_enabled(False)
        if search:
            QTimer.singleShot(0, self.run_search)
        self.search.setFocus()

    # ---------------------------------------------------------------------- search
    def run_search(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if len(text) < 2:
            self.found.setText(tr("Type at least two letters or digits."))
            return
        self.found.setText(tr("Searching…"))
        actor = self.ctx.actor
        services = self.ctx.services
        self.ctx.ops.run(lambda: services.refunds.find_payments(actor, text),
                         on_success=self._found, on_failure=self._failed, owner=self)

    def _found(self, matches: list[Any]) -> None:
        chosen = self.payment.payment_id if self.payment else None
        self.payments.set_rows(matches)
        n = len(matches)
        if not n:
            found = tr("No copay payments match.")
        elif n == 1:
            found = tr("1 payment found.")
        elif n >= 20:
            found = tr("{count} payments found (the newest 20).")
        else:
            found = tr("{count} payments found.")
        self.found.setText(found.format(count=number(n)))
        rows = [m.payment_id for m in matches]
        if chosen in rows:
            self.payment_view.selectRow(rows.index(chosen))
        elif n == 1:
            self.payment_view.selectRow(0)
        else:
            self._choose(None)
        self.search_finished.emit(n)

    def _payment_selected(self, *_: Any) -> None:
        rows = self.payment_view.selectionModel().selectedRows()
        self._choose(self.payments.row_at(rows[0].row()) if rows else None)

    def select_payment(self, payment_id: int) -> bool:
        for i, m in enumerate(self.payments.rows()):
            if m.payment_id == payment_id:
                self.payment_view.selectRow(i)
                return True
        return False

    def _choose(self, match: Any | None) -> None:
        self.payment = match
        self._set_form_enabled(match is not None and match.refundable > 0)
        if match is None:
            self.summary.setText(tr("No payment chosen yet."))
            self._check_method()
            return
        e = html.escape
        method = payment_method_label(match.payment_method)
        if match.insurer:
            paid = tr("paid {day} by {method}, insurer {insurer}").format(
                day=_day(match.payment_date), method=method, insurer=e(match.insurer))
        else:
            paid = tr("paid {day} by {method}, self-pay").format(
                day=_day(match.payment_date), method=method)
        lines = [
            f"<b>{e(match.receipt_number)}</b> · {e(match.patient_name)} ({e(match.mrn)}) "
            f"· {paid}",
            tr("{summary}.").format(summary=e(_explain(match.limit))),
        ]
        if match.refundable > 0:
            lines.append("<span style='color:#0f5323; font-size:12pt'>{}</span>".format(
                tr("<b>{amount}</b> can be refunded.").format(amount=money(match.refundable))))
        else:
            lines.append("<span style='color:#7a1111'><b>{}</b></span>".format(
                tr("Nothing more can be refunded on this receipt.")))
        self.summary.setText(_rich("<br>".join(lines)))
        method = _DEFAULT_METHOD.get(match.payment_method, RefundMethod.CASH)
        self.method.setCurrentIndex(self.method.findData(method))
        card_item = self.method.model().item(self.method.findData(RefundMethod.CREDIT_CARD))
        card_item.setEnabled(match.payment_method in _CARD)
        card_item.setToolTip("" if match.payment_method in _CARD
                             else tr("Only a card payment can be refunded to a card."))
        self._check_method()
        self._check_amount()

    def _check_method(self, *_: Any) -> None:
        data = self.method.currentData()
        text = (method_warning(self.payment.payment_method, RefundMethod(data))
                if self.payment is not None and data is not None else None)
        self.method_warning.setText(f"⚠ {tr(text)}" if text else "")
        self.method_warning.setVisible(bool(text))

    def _set_form_enabled(self, on: bool) -> None:
        for w in (self.amount, self.full_button, self.reason, self.details, self.method,
                  self.submit_button):
            w.setEnabled(on)

    def _fill_full(self) -> None:
        if self.payment is not None:
            self.amount.setText(f"{self.payment.refundable:.2f}")

    # ---------------------------------------------------------------------- submit
    def _amount(self) -> Decimal:
        """The typed amount, checked against the chosen payment (ValidationError if not)."""
        value = parse_amount(self.amount.text(), field=tr("The refund amount"))
        if self.payment is not None:
            value = check_amount(value, self.payment.limit)
        return value

    def _check_amount(self) -> bool:
        if not self.amount.text().strip():
            self.amount_error.setText("")
            return False
        try:
            self._amount()
        except ValidationError as exc:
            self.amount_error.setText(message_for(exc))
            return False
        self.amount_error.setText("")
        return True

    def submit(self) -> None:
        if self._submitting or self.payment is None:
            return
        self.error.set_message("")
        try:
            amount = self._amount()
        except ValidationError as exc:  # said next to the field it is about
            self.amount_error.setText(message_for(exc))
            self.amount.setFocus()
            return
        # Combo data comes back as plain str from Qt: make them the enums again.
        reason = RefundReason(self.reason.currentData())
        method = RefundMethod(self.method.currentData())
        try:
            details = check_details(reason, self.details.toPlainText())
            check_method(self.payment.payment_method, method)
        except ValidationError as exc:
            self.error.set_message(message_for(exc), kind="error")
            return
        self._submitting = True
        self.submit_button.setEnabled(False)
        actor, services = self.ctx.actor, self.ctx.services
        payment_id = self.payment.payment_id
        self.ctx.ops.mutate(
            lambda: services.refunds.request(actor, payment_id, amount, reason, method, details),
            on_done=self._requested, on_failure=self._failed, owner=self)

    def _requested(self, result: Any) -> None:
        self._submitting = False
        self.refund_requested.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._submitting = False
        self.submit_button.setEnabled(self.payment is not None)
        if isinstance(exc, DomainError):
            self.error.set_message(message_for(exc), kind="error")
            if self.payment is not None:  # the limit may have changed under us
                self.run_search()
        else:
            show_error(self, exc)


# =============================================================================== window
class RefundsWindow(PagedListPage):
    """The Refunds page: tabs by status, a table, the selected refund's story, actions."""

    loading_text = N_("Loading refunds…")

    action_finished = Signal(str)
    """action_finished(message) — approve/reject/process/delete/request succeeded."""

    action_failed = Signal(str)
    """action_failed(message) — the service refused; the message is on the banner."""

    receipt_saved = Signal(str)
    """receipt_saved(path) — the refund receipt PDF was written there."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.loading_text = tr(RefundsWindow.loading_text)
        role = ctx.actor.role
        self.can_request = can(role, Permission.REQUEST_REFUND)
        self.can_decide = can(role, Permission.APPROVE_REFUND)
        self.can_process = can(role, Permission.PROCESS_REFUND)
        self.can_delete = can(role, Permission.DELETE_REFUND)
        self._selected_id: int | None = None
        self._busy_action = False
        # Hooks the tests replace: blocking dialogs are not for offscreen runs.
        self.confirm = self._confirm
        self.ask_reason = self._ask_reason
        self.ask_receipt_path = self._ask_receipt_path
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    # ------------------------------------------------------------------------ layout
    def _build(self) -> None:
        title = QLabel(tr("Copay Refunds"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search patient, MRN or receipt…"))
        self.search.setMaxLength(SEARCH_MAX)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search refunds"))
        self.search.setMinimumWidth(260)
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self._first_page)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.request_button = QPushButton(tr("Request Refund…"))
        self.request_button.setProperty("primary", True)
        self.request_button.clicked.connect(self.request_refund)
        self.busy = BusyIndicator(self.loading_text)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.search)
        top.addWidget(self.refresh_button)
        top.addWidget(self.request_button)
        # Only ever hidden here: setVisible(True) on a widget whose layout has no parent yet
        # shows it as a window of its own, which took the focus from the main window (Ctrl+F
        # and the page keys then did nothing until the user clicked).
        if not self.can_request:
            self.request_button.hide()

        self.tabs = QTabBar()
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        for label, _status in TABS:
            self.tabs.addTab(tr(label))
        self.tabs.currentChanged.connect(self._first_page)

        self.banner = Banner()
        self.model = RefundTableModel(self)
        self.view = _table(self.model)
        self.view.setItemDelegateForColumn(RCol.STATUS, BadgeDelegate(self.view))
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in ((RCol.STATUS, 112), (RCol.AMOUNT, 112), (RCol.REQUESTED, 100),
                           (RCol.PATIENT, 175), (RCol.PAYMENT, 150)):
            self.view.setColumnWidth(col, width)
        # Reason and outcome are the free text: they share whatever width is left, wrapped.
        hh.setSectionResizeMode(RCol.REASON, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(RCol.OUTCOME, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        # two lines a row; the Arabic font's lines are taller than the Latin one's
        self.view.verticalHeader().setDefaultSectionSize(
            max(48, 2 * self.view.fontMetrics().lineSpacing() + 10))
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _i: self._default_action())

        self.detail = QLabel(tr("Select a refund to see its history."))
        self.detail.setObjectName("RefundDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(86)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        card = QFrame(objectName="RefundCard")
        card.setStyleSheet("#RefundCard { background: white; border: 1px solid #d0d7de; "
                           "border-radius: 6px; }")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(12, 8, 12, 8)
        cl.addWidget(self.detail)

        self.approve_button = QPushButton(tr("Approve"))
        self.reject_button = QPushButton(tr("Reject…"))
        self.process_button = QPushButton(tr("Process (pay out)…"))
        self.delete_button = QPushButton(tr("Delete…"))
        self.receipt_button = QPushButton(tr("Refund receipt PDF…"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.process_button.clicked.connect(self.process_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.receipt_button.clicked.connect(self.save_receipt)
        # Only ever hidden (see request_button): showing a button before its layout has a
        # parent opens it as a window of its own.
        for button, allowed in ((self.approve_button, self.can_decide),
                                (self.reject_button, self.can_decide),
                                (self.process_button, self.can_process),
                                (self.delete_button, self.can_delete)):
            if not allowed:
                button.hide()
        actions = QHBoxLayout()
        for b in (self.approve_button, self.reject_button, self.process_button,
                  self.delete_button, self.receipt_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self._add_page_buttons(actions)
        # the shared paging buttons worded in this page's language (see audit_window)
        self.prev_button.setText(tr("‹ Previous"))
        self.next_button.setText(tr("Next ›"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(card)
        layout.addLayout(actions)
        self._update_buttons()

    # ------------------------------------------------------------------------ loading
    @property
    def status_filter(self) -> RefundStatus | None:
        return TABS[max(self.tabs.currentIndex(), 0)][1]

    def set_tab(self, status: RefundStatus | None) -> None:
        self.tabs.setCurrentIndex([s for _, s in TABS].index(status))

    def _first_page(self, *_: Any) -> None:
        self.pages.reset()
        self.refresh()

    def _fetch(self) -> Any:
        actor, services = self.ctx.actor, self.ctx.services
        status, search, after = self.status_filter, self.search.text().strip(), self.pages.cursor
        return lambda: services.refunds.list(actor, status=status, search=search or None,
                                             page_size=PAGE_SIZE, after=after)

    def _show_page(self, page: Any) -> None:
        self.model.set_rows(page.rows)
        for i, (label, status) in enumerate(TABS):
            n = page.total if status is None else page.counts.get(status, 0)
            self.tabs.setTabText(i, tr("{tab} ({count})").format(tab=tr(label),
                                                                  count=number(n)))
        shown = self.status_filter
        total = page.total if shown is None else page.counts.get(shown, 0)
        first = self.pages.first_index
        self.page_label.setText(
            tr("{first}–{last} of {total}").format(
                first=number(first + 1), last=number(first + len(page.rows)),
                total=number(total)) if page.rows else tr("No refunds"))
        self._reselect()

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("copay_refunds", "copay_payments"):
            self._refresh_timer.start()

    # ---------------------------------------------------------------------- selection
    def selected(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_refund(self, refund_id: int) -> bool:
        for i, r in enumerate(self.model.rows()):
            if r.id == refund_id:
                self.view.selectionModel().select(
                    self.model.index(i, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.view.scrollTo(self.model.index(i, 0))
                return True
        return False

    def _reselect(self) -> None:
        if self._selected_id is None or not self.select_refund(self._selected_id):
            self._selection_changed()

    def _selection_changed(self, *_: Any) -> None:
        row = self.selected()
        if row is not None:
            self._selected_id = row.id
        self.detail.setText(self._story(row) if row
                            else tr("Select a refund to see its history."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        acts = row.actions if row is not None else frozenset()
        idle = not self._busy_action
        self.approve_button.setEnabled(idle and RefundAction.APPROVE in acts)
        self.reject_button.setEnabled(idle and RefundAction.REJECT in acts)
        self.process_button.setEnabled(idle and RefundAction.PROCESS in acts)
        self.delete_button.setEnabled(idle and RefundAction.DELETE in acts)
        self.receipt_button.setEnabled(idle and row is not None and bool(row.receipt_number)
                                       and row.status is RefundStatus.PROCESSED)

    @staticmethod
    def _story(r: Any) -> str:
        e = html.escape

        def when(at: Any) -> str:
            return i18n.datetime_text(at) if i18n.is_rtl() else at.strftime("%d %b %Y %H:%M")

        head = tr("<span style='font-size:13pt'><b>{amount}</b></span> to <b>{name}</b> "
                  "({mrn}) · {method} · <b>{status}</b>").format(
                      amount=money(r.amount), name=e(r.patient_name), mrn=e(r.mrn),
                      method=e(method_text(r.method)), status=e(status_text(r.status)))
        lines = [
            head,
            tr("Reason: {reason}").format(reason=e(reason_text(r))),
            tr("Original payment: {receipt}, {amount} by {method} on {day} ({refunded} "
               "refunded so far)").format(
                   receipt=e(r.original_receipt_number), amount=money(r.payment_amount),
                   method=payment_method_label(r.payment_method), day=_day(r.payment_date),
                   refunded=money(r.payment_refunded)),
        ]
        steps = [tr("Requested by {name}, {when}").format(name=e(r.requested_by or "?"),
                                                          when=when(r.requested_at))]
        if r.approved_at:
            steps.append(tr("approved by {name}, {when}").format(
                name=e(r.approved_by or "?"), when=when(r.approved_at)))
        if r.processed_at:
            if r.receipt_number:
                steps.append(tr("paid out by {name}, {when}, receipt <b>{receipt}</b>").format(
                    name=e(r.processed_by or "?"), when=when(r.processed_at),
                    receipt=e(r.receipt_number)))
            else:
                steps.append(tr("paid out by {name}, {when}").format(
                    name=e(r.processed_by or "?"), when=when(r.processed_at)))
        if r.rejected_at:
            steps.append("<span style='color:#7a1111'>{}</span>".format(
                tr("rejected by {name}, {when}: {reason}").format(
                    name=e(r.rejected_by or "?"), when=when(r.rejected_at),
                    reason=e(r.rejection_reason or ""))))
        # the arrow points the way the story reads: leftwards in Arabic
        lines.append((" ← " if i18n.is_rtl() else " → ").join(steps))
        return _rich("<br>".join(lines))

    # ------------------------------------------------------------------------ actions
    def request_refund(self) -> RequestRefundDialog:
        dialog = RequestRefundDialog(self.ctx, self, search=self.search.text().strip())
        dialog.refund_requested.connect(self._requested)
        dialog.open()
        return dialog

    def _requested(self, result: Any) -> None:
        self._selected_id = result.refund_id
        self.set_tab(None)
        self._done(result, tr("Refund of {amount} requested for {name}; it now waits for "
                              "approval.").format(amount=money(result.refund.amount),
                                                  name=result.refund.patient_name))

    def _default_action(self) -> None:
        row = self.selected()
        if row is None:
            return
        if RefundAction.APPROVE in row.actions and self.can_decide:
            self.approve_selected()
        elif RefundAction.PROCESS in row.actions and self.can_process:
            self.process_selected()

    def approve_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._run(lambda s, a: s.approve(a, row.id),
                  lambda res: tr("Refund of {amount} for {name} approved.").format(
                      amount=money(row.amount), name=row.patient_name))

    def reject_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        reason = self.ask_reason(row)
        if not reason:
            return
        self._run(lambda s, a: s.reject(a, row.id, reason),
                  lambda res: tr("Refund of {amount} for {name} rejected.").format(
                      amount=money(row.amount), name=row.patient_name))

    def process_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        how = {RefundMethod.CASH: tr("Hand the patient the cash"),
               RefundMethod.CREDIT_CARD: tr("Refund it to the patient's card on the terminal"),
               RefundMethod.BANK_TRANSFER: tr("It is booked as a bank transfer to make"),
               RefundMethod.DEPOSIT_CREDIT: tr("It is added to the patient's deposit"),
               }[row.method]
        if not self.confirm(tr("Process refund"),
                            tr("Pay back {amount} to {name} ({method})?\n\n{how}. This reverses "
                               "the ledger and cannot be undone.").format(
                                   amount=money(row.amount), name=row.patient_name,
                                   method=method_text(row.method), how=how)):
            return
        self._run(lambda s, a: s.process(a, row.id),
                  lambda res: tr("Refund {receipt} processed: {amount} to {name} ({method}).")
                  .format(receipt=res.refund.receipt_number, amount=money(row.amount),
                          name=row.patient_name, method=method_text(row.method).lower()))

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not self.confirm(tr("Delete refund request"),
                            tr("Delete the pending request to refund {amount} to {name}? The "
                               "audit log keeps a record of it.").format(
                                   amount=money(row.amount), name=row.patient_name)):
            return
        self._run(lambda s, a: s.delete(a, row.id),
                  lambda res: tr("Refund request for {name} deleted.").format(
                      name=row.patient_name))

    def _run(self, call: Any, message: Any) -> None:
        self._busy_action = True
        self._update_buttons()
        self.banner.set_message(tr("Saving…"), kind="info")
        actor, services = self.ctx.actor, self.ctx.services
        self.ctx.ops.mutate(lambda: call(services.refunds, actor),
                            on_done=lambda res: self._done(res, message(res)),
                            on_failure=self._action_error, owner=self)

    def _done(self, result: Any, message: str) -> None:
        """After a refund action (or a request from the dialog): the changes are already
        published by Ops.mutate; say what happened."""
        self._busy_action = False
        self.banner.set_message(message, kind="success")
        self._update_buttons()
        self.action_finished.emit(message)

    def _action_error(self, exc: BaseException) -> None:
        self._busy_action = False
        self._update_buttons()
        if isinstance(exc, DomainError):
            self.banner.set_message(message_for(exc), kind="error")
            self.refresh()  # someone else may have moved it: show where it stands now
            self.action_failed.emit(message_for(exc))
        else:
            self.banner.set_message("")
            show_error(self, exc)
            self.action_failed.emit(str(exc))

    def save_receipt(self) -> None:
        row = self.selected()
        if row is None or row.status is not RefundStatus.PROCESSED:
            return
        path = self.ask_receipt_path(f"{row.receipt_number}.pdf")
        if not path:
            return
        actor, services = self.ctx.actor, self.ctx.services

        def work() -> str:
            from app.receipts.pdf import render_pdf

            data = services.refunds.refund_receipt(actor, row.id)
            Path(path).write_bytes(render_pdf(data, "A4"))
            return path

        self.banner.set_message(tr("Preparing the refund receipt…"), kind="info")
        self.ctx.ops.run(work, on_success=self._receipt_done, on_failure=self._receipt_failed,
                         owner=self, pool="net")

    def _receipt_done(self, path: str) -> None:
        self.banner.set_message(tr("Refund receipt saved to {path}.").format(path=path),
                                kind="success")
        self.receipt_saved.emit(path)

    def _receipt_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.set_message(message_for(exc), kind="error")
        elif isinstance(exc, OSError):
            self.banner.set_message(tr("Could not save the receipt: {error}").format(error=exc),
                                    kind="error")
        else:
            show_error(self, exc)

    # ------------------------------------------------------------- blocking dialogs
    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_reason(self, row: Any) -> str | None:
        from app.ui.widgets.reason_dialog import ask_reason

        return ask_reason(self, tr("Reject refund"),
                          tr("Why is the refund of {amount} for {name} rejected? The requester "
                             "will see this reason.").format(amount=money(row.amount),
                                                             name=row.patient_name),
                          ok_text=tr("Reject"))

    def _ask_receipt_path(self, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save refund receipt"),
                                              str(Path.home() / name), tr("PDF (*.pdf)"))
        return path


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(lambda ctx: RefundsWindow(ctx), title=tr("Refunds")))
