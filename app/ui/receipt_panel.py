"""The receipt screen shown after a copay is collected: number, amount, VAT, method, and
Print / Save PDF / Email (seed 004 GAP 3, with the email actually sent).

The PDF is rendered off the GUI thread (app/receipts/pdf.py) in the chosen layout: A4 for
office printers or the 80 mm roll of a thermal printer. Printing goes through
app/ui/printing.py (the desk's last printer is remembered); email goes through the clinic's
SMTP server (hospital settings, overridable per workstation in QSettings ``email/*``; the
password from the OS keyring; app/receipts/mail_settings.py). Every failure is a sentence on
this screen; nothing closes.

Issue 11: the screen shows what was handed over (cash tendered and change, or the card's
approval code and last 4 digits), calls the insurers' share "Expected from insurer" until the
insurer approved it, and checks whether email is set up as soon as the receipt is shown: when
no mail server is configured the Email button is disabled with a sentence pointing to
Settings, instead of asking for an address first and refusing afterwards.

Issue 13: an earlier visit's balance taken with the copay shows as its own line ("Balance
from visit of <date>") with the total paid, as on the printed receipt.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, ValidationError
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, date_text, datetime_text, money, tr
from app.ui.widgets.banner import Banner

log = logging.getLogger(__name__)

# Right to left: the start of the line whatever script the text begins with.
START = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
         | Qt.AlignmentFlag.AlignVCenter)

LAYOUTS = (("A4", N_("A4 (office printer)")),
           ("THERMAL_80MM", N_("80 mm roll (receipt printer)")))
LAYOUT_KEY = "printing/receipt_layout"
_METHOD_LABELS = {"CASH": N_("Cash"), "CREDIT_CARD": N_("Credit card"),
                  "DEBIT_CARD": N_("Debit card"), "DEPOSIT": N_("Patient deposit")}
# The receipt carries the copay service's English method label (printed bilingual); shown here
# in the interface's language. "Patient deposit" is the same words in both lists.
_INSURANCE_HEADINGS = (N_("Insurance pays"), N_("Expected from insurer"))


def method_label(method: Any) -> str:
    value = getattr(method, "value", method)
    label = _METHOD_LABELS.get(str(value))
    return tr(label) if label else str(value).replace("_", " ").capitalize()


def workstation_smtp_overrides() -> dict[str, Any]:
    """This workstation's own mail settings (QSettings ``email/*``), over the hospital's."""
    s = QSettings("ClinicDesk", "ClinicDesk")
    keys = ("smtp_host", "smtp_port", "smtp_sender", "smtp_use_tls", "smtp_username")
    return {k: s.value(f"email/{k}") for k in keys if s.value(f"email/{k}") not in (None, "")}


class ReceiptPanel(QWidget):
    """What was paid, and the three ways to hand the receipt to the patient."""

    receipt_printed = Signal(str)
    """receipt_printed(printer_name) — the receipt went to this printer."""

    receipt_saved = Signal(str)
    """receipt_saved(path) — the PDF was written to this file."""

    receipt_emailed = Signal(str)
    """receipt_emailed(address) — the mail server accepted the receipt for this address."""

    receipt_failed = Signal(str)
    """receipt_failed(message) — printing, saving or emailing failed; the message is shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Any | None = None  # ReceiptData, once loaded
        self._busy = False

        title = QLabel(tr("Payment received"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600; color: #0f5323;")
        self.receipt_number = QLabel("—")
        self.receipt_number.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.receipt_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.patient = QLabel("")
        self.amount = QLabel("")
        self.amount.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.vat = QLabel("")
        self.method = QLabel("")
        self.issued = QLabel("")
        self.visit = QLabel("")
        self.visit.setWordWrap(True)
        self.fee = QLabel("")
        self.insurers = QLabel("")
        self.insurers.setWordWrap(True)
        self.insurers_heading = QLabel(tr("Expected from insurer"))
        self.balance = QLabel("")  # issue 13: earlier visits' balances paid with the copay
        self.balance.setAccessibleName(tr("Balance from earlier visits"))
        self.balance.setWordWrap(True)
        self.total = QLabel("")
        self.total.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.tender = QLabel("")
        self.tender.setAccessibleName(tr("Payment details"))
        self.tender.setWordWrap(True)
        card = QFrame(objectName="ReceiptCard")
        card.setStyleSheet("#ReceiptCard { background: white; border: 1px solid #d0d7de; "
                           "border-radius: 6px; }")
        form = QFormLayout(card)
        form.setContentsMargins(16, 12, 16, 12)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(tr("Receipt number"), self.receipt_number)
        form.addRow(tr("Patient"), self.patient)
        form.addRow(tr("Visit"), self.visit)
        form.addRow(tr("Fee"), self.fee)
        form.addRow(self.insurers_heading, self.insurers)
        self.amount_heading = QLabel(tr("Amount paid"))
        form.addRow(self.amount_heading, self.amount)
        form.addRow(tr("Earlier balance"), self.balance)
        form.addRow(tr("Total paid"), self.total)
        form.addRow(tr("VAT"), self.vat)
        form.addRow(tr("Payment method"), self.method)
        form.addRow(tr("Payment details"), self.tender)
        self._form = form
        form.addRow(tr("Issued"), self.issued)
        if self.isRightToLeft():
            # A value that starts with Latin text (receipt number, a name) would otherwise be
            # laid out left to right and sit at the far left, away from its label.
            for value in (self.receipt_number, self.patient, self.visit, self.fee,
                          self.insurers, self.amount, self.balance, self.total, self.vat,
                          self.method, self.tender, self.issued):
                value.setAlignment(START)
        self._show_balance((), None)

        self.layout_combo = QComboBox()
        self.layout_combo.setAccessibleName(tr("Receipt layout"))
        for key, label in LAYOUTS:
            self.layout_combo.addItem(tr(label), key)
        saved = QSettings("ClinicDesk", "ClinicDesk").value(LAYOUT_KEY)
        i = self.layout_combo.findData(saved)
        self.layout_combo.setCurrentIndex(max(i, 0))
        self.layout_combo.currentIndexChanged.connect(self._remember_layout)
        self.print_button = QPushButton(tr("&Print…"))
        self.save_button = QPushButton(tr("&Save PDF…"))
        self.email_button = QPushButton(tr("&Email…"))
        for b in (self.print_button, self.save_button, self.email_button):
            b.setEnabled(False)
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button.clicked.connect(self.save_pdf)
        self.email_button.clicked.connect(self.email_receipt)
        out = QHBoxLayout()
        out.addWidget(QLabel(tr("Layout")))
        out.addWidget(self.layout_combo)
        out.addStretch(1)
        out.addWidget(self.print_button)
        out.addWidget(self.save_button)
        out.addWidget(self.email_button)
        self.status = Banner()
        # Filled once the receipt is shown: whether a mail server is set up (issue 11).
        self.email_checked = False
        self._email_ready = False
        self.email_note = QLabel("")
        self.email_note.setWordWrap(True)
        self.email_note.setStyleSheet("color: #57606a;")
        self.email_note.setAccessibleName(tr("Email status"))
        self.email_note.hide()
        if self.isRightToLeft():
            self.email_note.setAlignment(START)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addWidget(card)
        layout.addSpacing(10)
        layout.addLayout(out)
        layout.addWidget(self.email_note)
        layout.addWidget(self.status)
        layout.addStretch(1)

    # ------------------------------------------------------------------------ content
    def show_result(self, result: Any) -> None:
        """What the collect returned (receipt number, amount, VAT, method), before the full
        receipt is loaded."""
        self.receipt_number.setText(result.receipt_number)
        self.amount.setText(money(result.amount))
        self.vat.setText(tr("{amount} included").format(amount=money(result.vat_amount)))
        self.method.setText(method_label(result.method))
        extra = getattr(result, "balance_amount", None)
        self._show_balance((), result.amount + extra if extra else None)
        self._show_tender(getattr(result, "tendered", None), getattr(result, "change_due", None),
                          None, None)

    def set_receipt(self, data: Any) -> None:
        """The full receipt (ReceiptData): enables Print / Save PDF / Email."""
        self.data = data
        self.receipt_number.setText(data.receipt_number)
        self.patient.setText(f"{data.patient_name} · {data.mrn}")
        self.amount.setText(money(data.patient_amount))
        vat = data.total_vat
        if data.vat_rate and data.vat_rate > 0:
            self.vat.setText(tr("{amount} included (VAT {rate}%)").format(
                amount=money(vat), rate=data.vat_percent))
        else:
            self.vat.setText(tr("{amount} (no VAT on this service)").format(amount=money(vat)))
        self.method.setText(tr(data.payment_method))
        self.visit.setText(data.visit_description)
        self.fee.setText(money(data.fee))
        paid = []
        if data.primary_insurer:
            paid.append(f"{data.primary_insurer}: {money(data.primary_amount)}")
        if data.secondary_insurer:
            paid.append(tr("{insurer} (secondary): {amount}").format(
                insurer=data.secondary_insurer, amount=money(data.secondary_amount)))
        self.insurers.setText("\n".join(paid) or tr("None — self-pay"))
        self.insurers_heading.setText(tr(data.insurer_heading) if paid else tr("Insurance"))
        self._show_tender(data.tendered, data.change_due, data.card_approval_code,
                          data.card_last4)
        self._show_balance(data.balance_lines, data.total_paid if data.balance_lines else None)
        self.issued.setText(tr("{when} by {name}").format(
            when=datetime_text(data.local_issued_at), name=data.collected_by))
        self._set_busy(False)
        self._check_email()

    def _show_balance(self, lines: Any, total: Any) -> None:
        """Earlier visits' balances, a line each, and the total paid (hidden when none)."""
        self.balance.setText("\n".join(
            tr("Balance from visit of {date}: {amount}").format(
                date=date_text(day), amount=money(amount)) for day, amount, _vat in lines))
        self._form.setRowVisible(self.balance, bool(lines))
        self.total.setText(money(total) if total is not None else "")
        self._form.setRowVisible(self.total, total is not None)
        self.amount_heading.setText(tr("Copay for this visit") if total is not None
                                    else tr("Amount paid"))

    def _show_tender(self, tendered: Any, change: Any, approval: str | None,
                     last4: str | None) -> None:
        parts = []
        if tendered is not None and change is not None:
            parts.append(tr("Tendered {tendered} · change given {change}").format(
                tendered=money(tendered), change=money(change)))
        if last4:
            parts.append(tr("Card ending {last4}").format(last4=last4))
        if approval:
            parts.append(tr("approval code {code}").format(code=approval))
        self.tender.setText(" · ".join(parts))
        self._form.setRowVisible(self.tender, bool(parts))

    # ------------------------------------------------------------------------ email set-up
    def _check_email(self) -> None:
        """Is a mail server set up (hospital settings or this workstation's)? Asked off the
        GUI thread; until the answer, Email stays disabled."""
        from app.receipts import mail_settings

        services, actor = self.ctx.services, self.ctx.actor
        overrides = workstation_smtp_overrides()

        def work() -> bool:
            hospital = (services.settings.receipt_mail(actor) if hasattr(services, "settings")
                        else None)
            mail_settings.smtp_settings(hospital, overrides, None)  # raises when not set up
            return True

        self.ctx.ops.run(work, on_success=lambda _ok: self._email_state(True, ""),
                         on_failure=self._email_not_ready, owner=self)

    def _email_not_ready(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._email_state(False, tr("Email is not set up on this system: an administrator "
                                        "enters the mail server under Settings (Ctrl+6) → "
                                        "Emailed receipts. Print the receipt or save the PDF "
                                        "instead."))
        else:  # the check itself failed: let Email try and explain what went wrong
            log.warning("email set-up check failed: %s", exc)
            self._email_state(True, "")

    def _email_state(self, ready: bool, note: str) -> None:
        self.email_checked = True
        self._email_ready = ready
        self.email_note.setText(note)
        self.email_note.setVisible(bool(note))
        self.email_button.setToolTip(note or tr("Email the receipt PDF to the patient"))
        self._set_busy(self._busy)

    def layout_key(self) -> str:
        return str(self.layout_combo.currentData())

    def _remember_layout(self) -> None:
        QSettings("ClinicDesk", "ClinicDesk").setValue(LAYOUT_KEY, self.layout_key())

    # ------------------------------------------------------------------------ actions
    def _render(self, then: Any, *, doing: str) -> None:
        if self.data is None or self._busy:
            return
        from app.receipts.pdf import render_pdf

        data, layout = self.data, self.layout_key()
        self._set_busy(True)
        self.status.set_message(doing, kind="info")
        self.ctx.ops.run(lambda: render_pdf(data, layout), on_success=then,
                         on_failure=self._failed, owner=self, pool="net")

    def print_receipt(self) -> None:
        self._render(self._print_rendered, doing=tr("Preparing the receipt for printing…"))

    def _print_rendered(self, pdf: bytes) -> None:
        from app.ui.printing import print_pdf

        self._set_busy(False)
        try:
            printer = print_pdf(pdf, None, parent=self, title=tr("Receipt {number}").format(
                number=self.data.receipt_number))
        except Exception as exc:  # printer errors are IntegrationErrors with a sentence
            self._failed(exc)
            return
        if printer is None:
            self.status.set_message(tr("Printing cancelled."), kind="neutral")
            return
        self.status.set_message(tr("Receipt sent to the printer '{printer}'.").format(
            printer=printer), kind="success")
        self.receipt_printed.emit(printer)

    def ask_save_path(self) -> str:
        """Where to save the PDF (a file dialog; tests replace this method)."""
        default = str(Path.home() / f"{self.data.receipt_number}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save receipt PDF"), default,
                                              tr("PDF files (*.pdf)"))
        return path

    def save_pdf(self) -> None:
        if self.data is None or self._busy:
            return
        path = self.ask_save_path()
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from app.receipts.pdf import render_pdf

        data, layout = self.data, self.layout_key()

        def work() -> str:
            Path(path).write_bytes(render_pdf(data, layout))
            return path

        self._set_busy(True)
        self.status.set_message(tr("Saving the receipt…"), kind="info")
        self.ctx.ops.run(work, on_success=self._saved, on_failure=self._failed, owner=self,
                         pool="net")

    def _saved(self, path: str) -> None:
        self._set_busy(False)
        self.status.set_message(tr("Receipt saved to {path}.").format(path=path), kind="success")
        self.receipt_saved.emit(path)

    def ask_email_address(self) -> str:
        """The patient's address (a small input dialog; tests replace this method)."""
        text, ok = QInputDialog.getText(self, tr("Email receipt"), tr("Patient's email address:"),
                                        QLineEdit.EchoMode.Normal, "")
        return text.strip() if ok else ""

    def email_receipt(self) -> None:
        if self.data is None or self._busy or not self._email_ready:
            return
        address = self.ask_email_address()
        if not address:
            return
        from app.receipts import mail_settings
        from app.receipts.email import send_receipt, validate_address
        from app.receipts.pdf import render_pdf

        try:
            address = validate_address(address)
        except ValidationError as exc:
            self._failed(exc)
            return
        data, layout = self.data, self.layout_key()
        services, actor = self.ctx.services, self.ctx.actor
        overrides = workstation_smtp_overrides()

        def work() -> str:
            hospital = (services.settings.receipt_mail(actor) if hasattr(services, "settings")
                        else None)
            smtp = mail_settings.resolve(hospital, overrides)
            send_receipt(smtp, address, data, render_pdf(data, layout))
            return address

        self._set_busy(True)
        self.status.set_message(tr("Sending the receipt to {address}…").format(address=address),
                                kind="info")
        self.ctx.ops.run(work, on_success=self._emailed, on_failure=self._failed, owner=self,
                         pool="net")

    def _emailed(self, address: str) -> None:
        self._set_busy(False)
        self.status.set_message(tr("Receipt emailed to {address}.").format(address=address),
                                kind="success")
        self.receipt_emailed.emit(address)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            log.error("receipt action failed: %s", getattr(exc, "__cd_traceback__", repr(exc)))
        text = message_for(exc)
        self.status.set_message(text, kind="error")
        self.receipt_failed.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        ready = self.data is not None and not busy
        for b in (self.print_button, self.save_button):
            b.setEnabled(ready)
        self.email_button.setEnabled(ready and self._email_ready)


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    def _build(ctx: AppContext) -> QWidget:
        """The receipt of the demo's latest copay payment today (nothing is collected)."""
        paid = next((r for r in ctx.services.queue.day(ctx.actor)
                     if r.copay_status.value == "COLLECTED"), None)
        if paid is None:
            raise SystemExit("No copay was collected today in the demo data.")
        payment = ctx.services.copay.payment_history(ctx.actor, paid.patient_id)[0]
        panel = ReceiptPanel(ctx)
        panel.set_receipt(ctx.services.copay.receipt(ctx.actor, payment.payment_id))
        return panel

    sys.exit(run_preview(_build, title=tr("Receipt")))
