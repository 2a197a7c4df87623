"""Request Pre-Auth (seed 004 GAP 1, checkpoint 8): ask the primary insurer to pre-authorise the
visit's CPT code.

Opened from the copay dialog's pre-auth panel with the quote on screen: it shows who is asked
for what (payer, plan, policy, CPT code, charge and fee, and why a pre-auth is needed), and
takes an optional clinical note for the insurer and the amount the clinic expects approved.
Send stores a PENDING request through ``copay.request_preauth`` on a worker thread; the copay
dialog then re-quotes and its panel turns yellow. An error is shown inside this dialog and
what was typed stays. Every text in the interface's language (issue 15).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.text import NOTE_MAX
from app.ui.context import AppContext
from app.ui.errors import message_for, show_error
from app.ui.i18n import N_, is_rtl, money, render, tr
from app.ui.widgets.banner import FIELD_ERROR_CSS, Banner
from app.ui.widgets.char_limit import limit_plain_text

_NETWORK = {"IN_NETWORK": N_("in network"), "OUT_OF_NETWORK": N_("out of network")}


def _value_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if is_rtl():  # a value starting with a Latin name stays next to its label
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    return label


class PreAuthRequestDialog(QDialog):
    """Send a pre-authorisation request for one appointment."""

    preauth_requested = Signal(object)
    """preauth_requested(changes) — the PENDING request is stored; the changes are published."""

    error_shown = Signal(str)
    """error_shown(message) — the request was refused; the message is in the dialog."""

    def __init__(self, ctx: AppContext, view: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.appointment_id: int = view.header.appointment_id
        h, q = view.header, view.quote
        p = q.primary
        self.setWindowTitle(tr("Request pre-authorisation"))
        self.setMinimumWidth(560)

        what = q.charge_description or q.charge_code.replace("_", " ").capitalize()
        cpt = f"CPT {html.escape(q.cpt_code)}" if q.cpt_code else tr("no CPT code")
        payer = html.escape(p.payer_name) if p else "—"
        if p is not None and p.plan_name:
            payer += f" — {html.escape(p.plan_name)}"
        policy = "—"
        if p is not None:
            network = tr(_NETWORK.get(getattr(p.network_tier, "value", ""), "")) \
                if getattr(p.network_tier, "value", "") in _NETWORK else ""
            policy = html.escape(p.policy_number) + (f" · {network}" if network else "")
        summary = QFormLayout()
        summary.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        summary.addRow(tr("Patient:"), _value_label(
            f"<b>{html.escape(h.patient_name)}</b> · {html.escape(h.mrn)}"))
        summary.addRow(tr("Insurer:"), _value_label(f"<b>{payer}</b>"))
        summary.addRow(tr("Policy:"), _value_label(policy))
        summary.addRow(tr("Service:"), _value_label(
            f"<b>{cpt}</b> — {html.escape(what)} · {html.escape(money(q.fee))}"))
        summary.addRow(tr("Why:"), _value_label(html.escape(render(q.preauth.reason))))

        self.note = QPlainTextEdit()
        self.note.setAccessibleName(tr("Clinical note"))
        self.note.setPlaceholderText(tr("Optional: diagnosis, symptoms, what the insurer "
                                        "should know. Kept with the request and in the audit "
                                        "log."))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(96)
        self.note_counter = limit_plain_text(self.note, NOTE_MAX)
        self.amount = QLineEdit()
        self.amount.setAccessibleName(tr("Expected amount"))
        self.amount.setPlaceholderText(tr("Optional, e.g. 300.00"))
        self.amount.setMaximumWidth(180)
        self.note.textChanged.connect(lambda: self._clear_field(self.note))
        self.amount.textEdited.connect(lambda _t: self._clear_field(self.amount))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        note_label = QLabel(tr("Clinical &note:"))
        note_label.setBuddy(self.note)
        amount_label = QLabel(tr("&Expected amount (AED):"))
        amount_label.setBuddy(self.amount)
        form.addRow(note_label, self.note)
        form.addRow("", self.note_counter)
        form.addRow(amount_label, self.amount)

        self.error = Banner(kind="error")
        self.error.setAccessibleName(tr("Error"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(tr("&Send Request"))
        self.send_button.setDefault(True)
        insurer = p.payer_name if p is not None else tr("the insurer")
        self.send_button.setToolTip(tr("Record a pending pre-authorisation request with "
                                       "{insurer} for {what} (Enter)").format(
            insurer=insurer, what=f"CPT {q.cpt_code}" if q.cpt_code else tr("this visit")))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        cancel.setToolTip(tr("Close without sending anything (Esc)"))
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(summary)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.note.setFocus()

    # ----------------------------------------------------------------------------------
    def send(self) -> None:
        if not self.send_button.isEnabled():
            return  # a request is in flight
        self._clear_field(self.note)
        self._clear_field(self.amount)
        self.error.clear_message()
        note, amount = self.note.toPlainText(), self.amount.text()
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment_id
        self._set_busy(True)
        self.ctx.ops.mutate(
            lambda: services.copay.request_preauth(actor, appointment_id, note=note,
                                                   expected_amount=amount),
            on_done=self._sent, on_failure=self._failed, owner=self)

    def _sent(self, result: Any) -> None:
        self._set_busy(False)
        self.preauth_requested.emit(result.changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = message_for(exc)
        self.error.set_message(text, kind="error")
        if isinstance(exc, DomainError):
            target = {"note": self.note, "expected_amount": self.amount}.get(
                str(exc.details.get("field", "")))
            if target is not None:
                target.setStyleSheet(FIELD_ERROR_CSS)
                target.setFocus()
        else:
            show_error(self, exc)
        self.error_shown.emit(text)

    def _clear_field(self, widget: QWidget) -> None:
        widget.setStyleSheet("")

    def _set_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.send_button.setText(tr("Sending…") if busy else tr("&Send Request"))
        self.note.setReadOnly(busy)
        self.amount.setReadOnly(busy)
