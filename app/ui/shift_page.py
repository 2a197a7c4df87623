"""Cash drawer (Ctrl+Shift+4): the desk's open shift, its movements and expected cash by
tender, opening (float, optionally by denomination, proposed from the last count on this
workstation), petty payouts, closing (count by denomination, live difference, reason, a
supervisor's approval over the hospital's threshold), the Z report and the end-of-day
summary (printed like receipts, reprints marked DUPLICATE), and the history of shifts.

Every call goes through ``ctx.ops`` (off the GUI thread); the figures come from the service
and the live difference in the close dialog from app/domain/cash.py. The page reloads when a
shift or a desk payment changes, here or on another workstation.

Texts in the user's language (tr()); amounts through app/ui/i18n.money, times and dates
through its date helpers (Western digits, day first); the Z report PDF is what it is
(app/receipts/cash_report.py). Shift numbers ("Z-000042") and cashier names stay as they are.
"""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import cash
from app.domain.errors import DomainError
from app.domain.money import ZERO, parse_amount
from app.domain.roles import Permission, can
from app.services.changes import Changes
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, tr
from app.ui.widgets.tables import read_only_table

MOVEMENT_COLUMNS = (N_("Time"), N_("Kind"), N_("Tender"), N_("Amount"), N_("Details"))
HISTORY_COLUMNS = (N_("Shift"), N_("Cashier"), N_("Workstation"), N_("Opened"), N_("Closed"),
                   N_("Float"), N_("Expected"), N_("Counted"), N_("Difference"))
TENDERS = ("CASH", "CARD", "DEPOSIT", "BANK_TRANSFER")
TENDER_TEXT = {"CASH": N_("Cash"), "CARD": N_("Card"), "DEPOSIT": N_("Deposit"),
               "BANK_TRANSFER": N_("Bank Transfer")}
LAYOUT_KEY = "shift/report_layout"
# Rows whose change may move a drawer (another desk's payment lands in its own drawer; ours
# in ours): the page and the header indicator reload on these.
WATCHED = ("cash_shifts", "copay_payments", "copay_refunds", "patients")
INDICATOR_DELAY_MS = 1500
_COLOURED = "<span style='color:{colour}'><b>{text}</b></span>"


def _money_item(amount: Decimal | None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if amount is None else i18n.money(amount, currency=False))
    # AlignTrailing: amounts line up on the right in English and on the left in Arabic
    item.setTextAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
    return item


def tender_text(tender: str) -> str:
    return tr(TENDER_TEXT.get(tender, tender.replace("_", " ").title()))


def difference_text(difference: Decimal) -> str:
    """"Balanced", "Short by AED 3.00", "Over by AED 12.50" in the user's language."""
    if difference == 0:
        return tr("Balanced")
    if difference < 0:
        return tr("Short by {amount}").format(amount=i18n.money(abs(difference)))
    return tr("Over by {amount}").format(amount=i18n.money(difference))


# ------------------------------------------------------------------- denomination grid
class DenominationGrid(QWidget):
    """A spin box per AED note and coin; ``counts()`` as the service takes them."""

    changed = Signal()

    def __init__(self, initial: dict[str, int] | None = None) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QSpinBox] = {}
        for i, value in enumerate(cash.DENOMINATIONS):
            key = cash.denomination_key(value)
            box = QSpinBox(maximum=cash.MAX_PIECES)
            box.setValue((initial or {}).get(key, 0))
            box.valueChanged.connect(self.changed)
            amount = i18n.digits(key)
            label = QLabel(tr("AED {value} notes").format(value=amount) if value in cash.NOTES
                           else tr("AED {value} coins").format(value=amount))
            row, col = i % 6, (i // 6) * 2
            grid.addWidget(label, row, col)
            grid.addWidget(box, row, col + 1)
            self.boxes[key] = box

    def counts(self) -> dict[str, int]:
        return {k: b.value() for k, b in self.boxes.items() if b.value()}

    def total(self) -> Decimal:
        return cash.total(self.counts())

    def set_counts(self, counts: dict[str, int]) -> None:
        for k, b in self.boxes.items():
            b.setValue(counts.get(k, 0))


# ------------------------------------------------------------------------- dialogs
class OpenShiftDialog(QDialog):
    """The opening float, typed or counted by denomination (the last closing count on this
    workstation is offered as the handover)."""

    opened = Signal(object)

    def __init__(self, ctx: AppContext, handover: Any | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handover = handover
        self.setWindowTitle(tr("Open a cash shift"))
        self.float_edit = QLineEdit(placeholderText=tr("e.g. 500.00"))
        self.by_notes = QGroupBox(tr("Count the float by denomination (optional)"))
        self.by_notes.setCheckable(True)
        self.by_notes.setChecked(False)
        self.grid = DenominationGrid()
        QVBoxLayout(self.by_notes).addWidget(self.grid)
        self.total_label = QLabel("")
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.error = QLabel("", objectName="Status")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        if handover is not None:
            self.note.setText(
                tr("Handover: {name} closed this workstation's last shift at {when} with "
                   "{amount} counted; that is proposed as your float.").format(
                       name=handover.closed_by, when=i18n.datetime_text(handover.closed_at),
                       amount=i18n.money(handover.float_amount)))
            self.float_edit.setText(i18n.money(handover.float_amount, currency=False))
            if handover.denominations:
                self.by_notes.setChecked(True)
                self.grid.set_counts(handover.denominations)
        form = QFormLayout()
        form.addRow(tr("Opening float (AED)"), self.float_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.ok = buttons.addButton(tr("Open shift"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.by_notes)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.grid.changed.connect(self._counted)
        self.by_notes.toggled.connect(self._counted)
        self._counted()

    def _counted(self) -> None:
        if self.by_notes.isChecked():
            total = self.grid.total()
            self.float_edit.setText(i18n.money(total, currency=False))
            self.float_edit.setReadOnly(True)
            self.total_label.setText(tr("Notes and coins: {amount}").format(
                amount=i18n.money(total)))
        else:
            self.float_edit.setReadOnly(False)
            self.total_label.setText("")

    def submit(self) -> None:
        counts = self.grid.counts() if self.by_notes.isChecked() else None
        typed = None if counts else (self.float_edit.text().strip() or "0")
        services, actor = self.ctx.services, self.ctx.actor
        handover = self.handover.from_shift_id if self.handover is not None else None
        self.ok.setEnabled(False)

        def done(result: Any) -> None:
            self.opened.emit(result)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok.setEnabled(True)
            self.error.setText(message_for(exc))

        self.ctx.ops.mutate(lambda: services.shifts.open_shift(
            actor, typed, counts, handover_from=handover),
            on_done=done, on_failure=failed, owner=self)


class CloseShiftDialog(QDialog):
    """Count the drawer; the difference is shown as it is counted; a reason is asked for a
    non-zero difference, a supervisor's username and password above the threshold."""

    closed = Signal(object)

    def __init__(self, ctx: AppContext, shift: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shift = shift
        self.setWindowTitle(tr("Close the cash shift"))
        self.grid = DenominationGrid()
        self.expected = QLabel(tr("Expected in the drawer: <b>{amount}</b>").format(
            amount=i18n.money(shift.expected_cash)))
        self.counted = QLabel("")
        self.difference = QLabel("", objectName="Difference")
        self.reason = QLineEdit(placeholderText=tr("Why the count differs (required if it does)"))
        self.supervisor = QGroupBox(
            tr("Supervisor approval (difference over {amount})").format(
                amount=i18n.money(shift.threshold)))
        self.sup_user = QLineEdit(placeholderText=tr("Accountant or administrator username"))
        self.sup_pass = QLineEdit(placeholderText=tr("Their password"))
        self.sup_pass.setEchoMode(QLineEdit.EchoMode.Password)
        sform = QFormLayout(self.supervisor)
        sform.addRow(tr("Username"), self.sup_user)
        sform.addRow(tr("Password"), self.sup_pass)
        self.error = QLabel("", objectName="Status")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.ok = buttons.addButton(tr("Close shift"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        count_box = QGroupBox(tr("Count the drawer"))
        QVBoxLayout(count_box).addWidget(self.grid)
        layout = QVBoxLayout(self)
        layout.addWidget(count_box)
        layout.addWidget(self.expected)
        layout.addWidget(self.counted)
        layout.addWidget(self.difference)
        form = QFormLayout()
        form.addRow(tr("Reason"), self.reason)
        layout.addLayout(form)
        layout.addWidget(self.supervisor)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.grid.changed.connect(self._recount)
        self.reason.textChanged.connect(self._recount)
        self._recount()

    def current_difference(self) -> Decimal:
        return self.grid.total() - self.shift.expected_cash

    def _recount(self) -> None:
        total = self.grid.total()
        diff = self.current_difference()
        self.counted.setText(tr("Counted: <b>{amount}</b>").format(amount=i18n.money(total)))
        colour = "#107c10" if diff == 0 else "#a4262c"
        self.difference.setText(_COLOURED.format(colour=colour,
                                                 text=html.escape(difference_text(diff))))
        over = cash.needs_approval(diff, self.shift.threshold)
        self.supervisor.setVisible(over)
        self.ok.setEnabled(diff == 0 or bool(self.reason.text().strip()))

    def submit(self) -> None:
        counts = self.grid.counts()
        reason = self.reason.text().strip() or None
        over = cash.needs_approval(self.current_difference(), self.shift.threshold)
        user = self.sup_user.text().strip() if over else None
        password = self.sup_pass.text() if over else None
        services, actor, sid = self.ctx.services, self.ctx.actor, self.shift.id
        self.ok.setEnabled(False)

        def done(result: Any) -> None:
            self.closed.emit(result)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok.setEnabled(True)
            self.error.setText(message_for(exc))

        self.ctx.ops.mutate(lambda: services.shifts.close_shift(
            actor, sid, counts, reason, counted_cash=None if counts else Decimal("0.00"),
            approver_username=user, approver_password=password),
            on_done=done, on_failure=failed, owner=self)


class PayoutDialog(QDialog):
    """Petty cash out of the drawer, with what it was for."""

    paid = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Petty payout"))
        self.amount = QLineEdit(placeholderText=tr("e.g. 25.00"))
        self.reason = QLineEdit(placeholderText=tr("What it paid for (courier, stationery…)"))
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        form = QFormLayout()
        form.addRow(tr("Amount (AED)"), self.amount)
        form.addRow(tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.ok = buttons.addButton(tr("Pay out"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        try:
            amount = parse_amount(self.amount.text(), field="Payout amount")
        except DomainError as exc:
            self.error.setText(message_for(exc))
            return
        services, actor, reason = self.ctx.services, self.ctx.actor, self.reason.text()
        self.ok.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.ok.setEnabled(True)
            self.error.setText(message_for(exc))

        def done(result: Any) -> None:
            self.paid.emit(result)
            self.accept()

        self.ctx.ops.mutate(lambda: services.shifts.record_payout(actor, amount, reason),
                            on_done=done, on_failure=failed, owner=self)


def offer_open_shift(ctx: AppContext, parent: QWidget, exc: BaseException) -> QMessageBox:
    """"Open a shift first": the refusal of cash at a desk with no drawer, with a button that
    opens the shift there and then (the desk then presses Collect again)."""
    box = QMessageBox(QMessageBox.Icon.Information, tr("Open a shift first"), message_for(exc),
                      parent=parent)
    open_button = box.addButton(tr("Open a shift…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel).setText(tr("Cancel"))

    def clicked(button: Any) -> None:
        if button is open_button:
            dialog = OpenShiftDialog(ctx, None, parent)
            dialog.open()
            box.open_dialog = dialog  # type: ignore[attr-defined]  # kept alive; tests reach it

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def _lower_first(text: str) -> str:
    """"Short by AED 3.00" inside a sentence: "short by AED 3.00" (no case in Arabic)."""
    return text[:1].lower() + text[1:]


# ---------------------------------------------------------------------------- the page
class ShiftPage(QWidget):
    loaded = Signal(object)
    """loaded(shift or None) — the current shift was (re)loaded."""

    report_ready = Signal(object, bytes)
    """report_ready(report, pdf) — a Z report or day summary was issued and rendered."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.shift: Any | None = None
        self.history_rows: list[Any] = []
        self.dialog: QDialog | None = None
        title = QLabel(tr("<h2>Cash drawer</h2>"))
        intro = QLabel(tr("Your drawer on this workstation: every cash copay, cash refund, cash "
                          "deposit top-up and petty payout lands in the open shift, and card "
                          "and deposit payments are counted by tender. Close with a count; "
                          "print the Z report."), objectName="Placeholder")
        intro.setWordWrap(True)
        self.summary = QLabel("", objectName="ShiftSummary")
        self.summary.setWordWrap(True)
        self.expected = QLabel("", objectName="ExpectedCash")
        self.expected.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.tenders = QLabel("", objectName="Tenders")  # net per tender, a small table
        self.movements = read_only_table(MOVEMENT_COLUMNS)
        self.movements.horizontalHeader().setSectionResizeMode(
            MOVEMENT_COLUMNS.index("Details"), QHeaderView.ResizeMode.Stretch)
        self.history = read_only_table(HISTORY_COLUMNS)
        self.history.horizontalHeader().setSectionResizeMode(
            HISTORY_COLUMNS.index("Cashier"), QHeaderView.ResizeMode.Stretch)

        self.open_button = QPushButton(tr("Open shift…"))
        self.payout_button = QPushButton(tr("Petty payout…"))
        self.close_button = QPushButton(tr("Close shift…"))
        self.layout_combo = QComboBox()
        self.layout_combo.addItem("A4", "A4")
        self.layout_combo.addItem(tr("80 mm roll"))
        self.layout_combo.setItemData(1, "THERMAL_80MM")
        saved = QSettings("ClinicDesk", "ClinicDesk").value(LAYOUT_KEY, "A4")
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(saved)))
        self.z_button = QPushButton(tr("Print Z report"))
        self.z_save_button = QPushButton(tr("Save Z report PDF…"))
        self.day_button = QPushButton(tr("Print end-of-day summary"))
        if not can(ctx.actor.role, Permission.APPROVE_SHIFT_DIFFERENCE):
            self.day_button.hide()  # never show() it parentless: it would open as a window
        self.refresh_button = QPushButton(tr("Refresh"))
        self.status = QLabel("", objectName="Status")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.expected)
        top.addLayout(left, 1)
        top.addWidget(self.tenders, 0, Qt.AlignmentFlag.AlignTop)
        actions = QHBoxLayout()
        for b in (self.open_button, self.payout_button, self.close_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(QLabel(tr("Paper")))
        actions.addWidget(self.layout_combo)
        for b in (self.z_button, self.z_save_button, self.day_button, self.refresh_button):
            actions.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(QLabel(tr("<b>Movements of this shift</b>")))
        layout.addWidget(self.movements, 3)
        layout.addWidget(QLabel(tr("<b>Shifts</b> (select one for its Z report)")))
        layout.addWidget(self.history, 2)
        layout.addWidget(self.status)

        self.open_button.clicked.connect(self.open_shift)
        self.payout_button.clicked.connect(self.payout)
        self.close_button.clicked.connect(self.close_shift)
        self.z_button.clicked.connect(lambda: self.z_report(print_it=True))
        self.z_save_button.clicked.connect(lambda: self.z_report(print_it=False))
        self.day_button.clicked.connect(self.day_summary)
        self.refresh_button.clicked.connect(self.refresh)
        self.layout_combo.currentIndexChanged.connect(
            lambda: QSettings("ClinicDesk", "ClinicDesk").setValue(LAYOUT_KEY,
                                                                   self.layout_key()))
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    # -- loading --
    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: (services.shifts.current_shift(actor),
                                  services.shifts.history(actor, 50)),
                         on_success=self._loaded, on_failure=self._failed, owner=self)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.refresh()

    def _loaded(self, result: tuple[Any, list[Any]]) -> None:
        shift, history = result
        self.shift = shift
        self.history_rows = history
        if shift is None:
            self.summary.setText(tr("No shift is open for you on this workstation. Open one "
                                    "to take or pay out cash."))
            self.expected.setText("")
            self.tenders.setText("")
            self.movements.setRowCount(0)
        else:
            summary = tr("Shift {number} of {name} on {workstation}, open since {when} · "
                         "opening float {amount}").format(
                             number=f"Z-{shift.id:06d}", name=shift.user_name,
                             workstation=shift.workstation,
                             when=i18n.datetime_text(shift.opened_at),
                             amount=i18n.money(shift.opening_float))
            if shift.handed_over_from_id:
                summary = tr("{summary} · handed over from {number}").format(
                    summary=summary, number=f"Z-{shift.handed_over_from_id:06d}")
            self.summary.setText(summary)
            self.expected.setText(tr("Expected cash in the drawer: {amount}").format(
                amount=i18n.money(shift.expected_cash)))
            tenders = [t for t in TENDERS if t in shift.by_tender] or ["CASH"]
            # "right" in HTML is absolute: amounts go to the trailing edge in either language
            edge = "left" if i18n.is_rtl() else "right"
            rows = "".join(
                f"<tr><td>{tender_text(t)}</td><td align='{edge}'>&nbsp;&nbsp;"
                f"{i18n.money(shift.by_tender.get(t, ZERO))}</td></tr>" for t in tenders)
            self.tenders.setText(tr("<b>Net by tender this shift</b>") + f"<table>{rows}</table>")
            self.movements.setRowCount(len(shift.movements))
            for i, m in enumerate(reversed(shift.movements)):
                for j, item in enumerate((QTableWidgetItem(i18n.time_text(m.at)),
                                          QTableWidgetItem(tr(m.kind_label)),
                                          QTableWidgetItem(tender_text(m.tender)),
                                          _money_item(m.amount), QTableWidgetItem(m.memo))):
                    self.movements.setItem(i, j, item)
        self.history.setRowCount(len(history))
        for i, h in enumerate(history):
            cells = (QTableWidgetItem(f"Z-{h.id:06d}"), QTableWidgetItem(h.user_name),
                     QTableWidgetItem(h.workstation),
                     QTableWidgetItem(i18n.datetime_text(h.opened_at)),
                     QTableWidgetItem(i18n.datetime_text(h.closed_at) if h.closed_at
                                      else tr("open")),
                     _money_item(h.opening_float), _money_item(h.expected_cash),
                     _money_item(h.counted_cash),
                     QTableWidgetItem(difference_text(h.difference)
                                      if h.difference is not None else ""))
            for j, item in enumerate(cells):
                item.setData(Qt.ItemDataRole.UserRole, h.id)
                self.history.setItem(i, j, item)
        is_open = shift is not None
        self.open_button.setEnabled(not is_open)
        self.payout_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)
        self.z_button.setEnabled(is_open or bool(history))
        self.z_save_button.setEnabled(is_open or bool(history))
        self.loaded.emit(shift)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    # -- actions --
    def open_shift(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor

        def show(handover: Any) -> None:
            self.dialog = OpenShiftDialog(self.ctx, handover, self)
            self.dialog.opened.connect(lambda r: self.status.setText(
                tr("Shift {number} is open.").format(number=f"Z-{r.shift_id:06d}")))
            self.dialog.open()

        self.ctx.ops.run(lambda: services.shifts.proposed_opening(actor), on_success=show,
                         on_failure=self._failed, owner=self)

    def payout(self) -> None:
        self.dialog = PayoutDialog(self.ctx, self)
        self.dialog.paid.connect(lambda r: self.status.setText(
            tr("Paid out; the drawer should now hold {amount}.").format(
                amount=i18n.money(r.expected_cash))))
        self.dialog.open()

    def close_shift(self) -> None:
        if self.shift is None:
            return
        self.dialog = CloseShiftDialog(self.ctx, self.shift, self)
        self.dialog.closed.connect(lambda r: self.status.setText(
            tr("Shift {number} closed: counted {amount}, {difference}. Print its Z "
               "report.").format(number=f"Z-{r.shift_id:06d}",
                                 amount=i18n.money(r.counted_cash),
                                 difference=_lower_first(difference_text(r.difference)))))
        self.dialog.open()

    def layout_key(self) -> str:
        return str(self.layout_combo.currentData())

    def selected_shift_id(self) -> int | None:
        picked = self.history.selectionModel().selectedRows()
        if picked:
            return int(self.history_rows[picked[0].row()].id)
        return self.shift.id if self.shift is not None else (
            self.history_rows[0].id if self.history_rows else None)

    def z_report(self, *, print_it: bool) -> None:
        sid = self.selected_shift_id()
        if sid is None:
            return
        path = None if print_it else self.ask_save_path(f"Z-{sid:06d}.pdf")
        if not print_it and not path:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self._issue(lambda: services.shifts.issue_z_report(actor, sid), print_it, path)

    def day_summary(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self._issue(lambda: services.shifts.issue_day_summary(actor), True, None)

    def _issue(self, call: Any, print_it: bool, path: str | None) -> None:
        from app.receipts.cash_report import render_report_pdf

        layout = self.layout_key()

        def work() -> tuple[Any, bytes]:
            issued = call()
            pdf = render_report_pdf(issued.report, layout)  # type: ignore[arg-type]
            if path:
                Path(path).write_bytes(pdf)
            return issued, pdf

        def done(result: tuple[Any, bytes]) -> None:
            issued, pdf = result
            self.report_ready.emit(issued.report, pdf)
            number = issued.report.number
            if issued.report.duplicate:
                number = tr("{number} (DUPLICATE)").format(number=number)
            if print_it:
                self._print(pdf, number)
            else:
                self.status.setText(tr("Saved {report} to {path}.").format(report=number,
                                                                            path=path))

        self.status.setText(tr("Preparing the report…"))
        self.ctx.ops.run(work, on_success=done, on_failure=self._failed, owner=self)

    def _print(self, pdf: bytes, title: str) -> None:
        from app.ui.printing import print_pdf

        try:
            printer = print_pdf(pdf, None, parent=self, title=title)
        except Exception as exc:  # printer errors are IntegrationErrors with a sentence
            self._failed(exc)
            return
        self.status.setText(tr("{report} sent to the printer '{printer}'.").format(
            report=title, printer=printer) if printer else tr("Printing cancelled."))

    def ask_save_path(self, name: str) -> str:
        """Where to save the PDF (a file dialog; tests replace this method)."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Save report PDF"),
                                              str(Path.home() / name),
                                              tr("PDF files (*.pdf)"))
        return path


class ShiftIndicator(QLabel):
    """The header's word on the drawer: "Drawer open · AED 1,240.00" or "No drawer open"."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__("", objectName="ShiftIndicator")
        self.ctx = ctx
        self.setToolTip(tr("Your cash drawer on this workstation (Cash drawer, Ctrl+Shift+4)"))
        # A burst of changes (collect, then check-in, then the NOTIFYs) is one reload, once
        # the desk's own calls are through.
        self._later = QTimer(self, singleShot=True, interval=INDICATOR_DELAY_MS)
        self._later.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(
            lambda ch: self._later.start() if ch.touches(*WATCHED) else None)
        self.refresh()

    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.shifts.current_shift(actor), on_success=self._show,
                         on_failure=lambda exc: self.setText(""), owner=self)

    def _show(self, shift: Any) -> None:
        # A pill that reads on the dark header: green when open, amber when not.
        pill = "color: white; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
        if shift is None:
            self.setText(tr("No drawer open"))
            self.setStyleSheet(f"{pill} background: #b35900;")
        else:
            self.setText(tr("Drawer open · {amount}").format(
                amount=i18n.money(shift.expected_cash)))
            self.setStyleSheet(f"{pill} background: #107c10;")
