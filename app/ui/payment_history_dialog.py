"""A patient's past copay payments, to reprint, save or email any receipt again
(the receipt screen of the copay dialog, on an old payment). Every text in the interface's
language (issue 15)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import datetime_text, money, tr
from app.ui.receipt_panel import ReceiptPanel, method_label


class PaymentHistoryDialog(QDialog):
    history_loaded = Signal(list)
    """history_loaded(rows: list[PaymentRow]) — the patient's payments, newest first."""

    receipt_loaded = Signal(object)
    """receipt_loaded(data: ReceiptData) — the chosen payment's receipt is on screen."""

    def __init__(self, ctx: AppContext, patient_id: int, patient_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id = patient_id
        self.setWindowTitle(tr("Payments — {patient}").format(patient=patient_label))
        self.resize(900, 520)
        self.payments = QListWidget()
        self.payments.setAccessibleName(tr("Payments"))
        self.status = QLabel(tr("Loading payments…"), objectName="Status")
        self.status.setWordWrap(True)
        self.panel = ReceiptPanel(ctx)
        self.panel.setEnabled(False)
        left = QVBoxLayout()
        heading = QLabel(f"<b>{html.escape(patient_label)}</b>")
        if self.isRightToLeft():  # a Latin name stays at the start of the line
            heading.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        left.addWidget(heading)
        left.addWidget(self.payments, 1)
        left.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.panel, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.payments.currentItemChanged.connect(self._chosen)
        actor = ctx.actor
        ctx.ops.run(lambda: ctx.services.copay.payment_history(actor, patient_id),
                    on_success=self._loaded, on_failure=self._failed, owner=self)

    def _loaded(self, rows: list[Any]) -> None:
        for r in rows:
            refunded = (tr(" · refunded {amount}").format(amount=money(r.refunded_amount))
                        if r.refunded_amount else "")
            line = (f"{r.receipt_number} · {datetime_text(r.paid_at)}\n    {money(r.amount)} · "
                    f"{method_label(r.method)}{refunded}")
            item = QListWidgetItem(line)
            item.setData(256, r.payment_id)
            self.payments.addItem(item)
        self.status.setText("" if rows else tr("No copay payments for this patient yet."))
        if rows:
            self.payments.setCurrentRow(0)
        self.history_loaded.emit(rows)

    def _chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            return
        payment_id = int(item.data(256))
        actor = self.ctx.actor
        self.panel.setEnabled(False)
        self.ctx.ops.run(lambda: self.ctx.services.copay.receipt(actor, payment_id),
                         on_success=self._show, on_failure=self._failed, owner=self)

    def _show(self, data: Any) -> None:
        self.panel.set_receipt(data)
        self.panel.setEnabled(True)
        self.receipt_loaded.emit(data)

    def _failed(self, exc: BaseException) -> None:
        text = f"<span style='color:#b42318'>{html.escape(message_for(exc))}</span>"
        self.status.setText(text)
