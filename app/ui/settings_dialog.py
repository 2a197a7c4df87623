"""Settings page for administrators: DHA eClaimLink mode, address and credentials (saved to the
OS keyring) with a connection test, the mail server receipts are sent through (its password
saved to the OS keyring, never shown) with a test email, the idle lock, and the digits of the
Arabic interface. Everything goes through the settings service off the GUI thread."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.refund_policy import parse_threshold
from app.domain.sessions import (
    IDLE_LOCK_MAX_MINUTES,
    IDLE_LOCK_MIN_MINUTES,
    SESSION_MAX_HOURS,
    SESSION_MIN_HOURS,
    clamp_idle_minutes,
    clamp_session_hours,
)
from app.services.changes import Changes
from app.services.settings import DHA_MODES, NUMBER_DIGITS, HospitalSettings, endpoint_problem
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, render, tr
from app.ui.receipt_panel import workstation_smtp_overrides

_DHA_FIELDS = ("dha_mode", "dha_endpoint", "dha_timeout_seconds")
_MAIL_FIELDS = ("smtp_host", "smtp_port", "smtp_sender", "smtp_use_tls", "smtp_username")
PASSWORD_STORED = N_("Stored — type to replace")
PASSWORD_NONE = N_("None stored")

_GREEN, _RED = "#1a7f37", "#b42318"
# Example addresses shown in empty fields: the same in every language, so not translated.
_EXAMPLE_ENDPOINT = "https://dhpo.eclaimlink.ae/ValidateTransactions.asmx"
_EXAMPLE_HOST = "mail.clinic.ae"
_EXAMPLE_SENDER = "reception@clinic.ae"
_EXAMPLE_TO = "your.name@clinic.ae"


def _coloured(text: str, colour: str) -> str:
    """Rich text for a result label; the text is escaped (servers answer with <address>)."""
    return f"<span style='color:{colour}'>{html.escape(text)}</span>"


_MODE_LABELS = {
    "NOT_CONFIGURED": N_("Not configured — manual verification"),
    "MOCK": N_("Simulated — built-in sandbox (demo, training)"),
    "SANDBOX": N_("DHA test environment"),
    "LIVE": N_("DHA production (live)"),
}
# The digits are shown as themselves, so the choice reads the same in either language.
_DIGIT_LABELS = {
    "western": N_("Western (0123456789)"),
    "arabic-indic": N_("Arabic-Indic (٠١٢٣٤٥٦٧٨٩)"),
}


def _secret_field(name: str, tooltip: str) -> QLineEdit:
    """A password field whose placeholder says whether a secret is stored (never the secret)."""
    field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setPlaceholderText(tr(PASSWORD_NONE))
    field.setToolTip(tooltip)
    return field

def _threshold_text(typed: str) -> str:
    """The typed threshold as stored ("250" -> "250.00"); left as typed when it is not an
    amount, so saving says why (HospitalSettings.validate)."""
    try:
        return f"{parse_threshold(typed):.2f}"
    except ValidationError:
        return typed.strip()


@dataclass(frozen=True)
class _Saved:
    """Save settings: the settings and the mail password's state, from one worker call."""

    settings: HospitalSettings
    smtp_password_stored: bool
    changes: Changes


class SettingsPage(QWidget):
    saved = Signal(object)
    """saved(settings: HospitalSettings) — the hospital settings were stored."""

    tested = Signal(str)
    """tested(message) — the DHA connection test finished (success or the reason it failed)."""

    mail_tested = Signal(str)
    """mail_tested(message) — the test email was accepted, or the reason it was not."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        title = QLabel("<h2>{}</h2>".format(tr("Settings")))

        self.mode = QComboBox()
        for mode in DHA_MODES:
            self.mode.addItem(tr(_MODE_LABELS[mode]), mode)
        self.endpoint = QLineEdit(placeholderText=_EXAMPLE_ENDPOINT)
        self.timeout = QSpinBox(minimum=1, maximum=120, suffix=" " + tr("s"))
        self.facility = QLineEdit()
        self.licence = QLineEdit()
        self.login = QLineEdit()
        self.password = _secret_field(
            tr("DHA password or API key"),
            tr("Kept in this computer's keyring and never shown here; leave it empty to keep "
               "the stored one."))
        dha_form = QFormLayout()
        dha_form.addRow(tr("Mode"), self.mode)
        # Said under the address as soon as it is typed (the service refuses it on save too):
        # LIVE on plain http:// would send the DHA password unencrypted.
        self.endpoint_problem = QLabel(wordWrap=True, objectName="EndpointProblem")
        self.endpoint_problem.hide()
        address = QWidget()
        al = QVBoxLayout(address)
        al.setContentsMargins(0, 0, 0, 0)
        al.setSpacing(2)
        al.addWidget(self.endpoint)
        al.addWidget(self.endpoint_problem)
        dha_form.addRow(tr("Address"), address)
        dha_form.addRow(tr("Timeout"), self.timeout)
        dha_form.addRow(tr("Facility ID"), self.facility)
        dha_form.addRow(tr("Facility licence"), self.licence)
        dha_form.addRow(tr("Login"), self.login)
        dha_form.addRow(tr("Password / API key"), self.password)
        self.save_credentials = QPushButton(tr("Save credentials"))
        self.test = QPushButton(tr("Test connection"))
        self.test_result = QLabel(wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.save_credentials)
        row.addWidget(self.test)
        row.addStretch(1)
        dha_box = QGroupBox(tr("DHA eClaimLink eligibility"))
        dl = QVBoxLayout(dha_box)
        dl.addLayout(dha_form)
        dl.addLayout(row)
        dl.addWidget(self.test_result)

        self.smtp_host = QLineEdit(placeholderText=_EXAMPLE_HOST)
        self.smtp_port = QSpinBox(minimum=1, maximum=65535)
        self.smtp_sender = QLineEdit(placeholderText=_EXAMPLE_SENDER)
        self.smtp_tls = QCheckBox(tr("Use STARTTLS"))
        self.smtp_user = QLineEdit()
        self.smtp_password = _secret_field(
            tr("Mail server password"),
            tr("Kept in this computer's keyring and never shown here. Type a new one and save "
               "the settings to replace it."))
        self.smtp_test_to = QLineEdit(placeholderText=_EXAMPLE_TO)
        self.smtp_test_to.setAccessibleName(tr("Send the test email to"))
        mail_form = QFormLayout()
        mail_form.addRow(tr("Mail server"), self.smtp_host)
        mail_form.addRow(tr("Port"), self.smtp_port)
        mail_form.addRow(tr("Sender address"), self.smtp_sender)
        mail_form.addRow("", self.smtp_tls)
        mail_form.addRow(tr("User name"), self.smtp_user)
        mail_form.addRow(tr("Password"), self.smtp_password)
        mail_form.addRow(tr("Test email to"), self.smtp_test_to)
        self.smtp_clear = QPushButton(tr("Clear password"))
        self.smtp_clear.setToolTip(tr("Remove the stored mail password from this computer's "
                                      "keyring"))
        self.smtp_test = QPushButton(tr("Send test email"))
        self.smtp_result = QLabel(wordWrap=True)
        mail_row = QHBoxLayout()
        mail_row.addWidget(self.smtp_clear)
        mail_row.addWidget(self.smtp_test)
        mail_row.addStretch(1)
        mail_box = QGroupBox(tr("Emailed receipts"))
        ml = QVBoxLayout(mail_box)
        ml.addLayout(mail_form)
        ml.addLayout(mail_row)
        ml.addWidget(self.smtp_result)

        self.idle = QSpinBox(minimum=IDLE_LOCK_MIN_MINUTES, maximum=IDLE_LOCK_MAX_MINUTES,
                             suffix=" " + tr("min"))
        self.idle.setToolTip(tr("Every workstation of the hospital locks after this long "
                                "without keyboard or mouse input; signing in again opens a new "
                                "session."))
        self.session_hours = QSpinBox(minimum=SESSION_MIN_HOURS, maximum=SESSION_MAX_HOURS,
                                      suffix=" " + tr("h"))
        self.session_hours.setToolTip(tr("However active the desk, a sign-in stops working "
                                         "after this long and the user signs in again."))
        # Hospital-wide; read at sign-in (SignedIn.number_digits), so it applies to the next
        # sign-in on every workstation. English always uses Western digits.
        self.digits = QComboBox()
        for style in NUMBER_DIGITS:
            self.digits.addItem(tr(_DIGIT_LABELS[style]), style)
        self.digits.setAccessibleName(tr("Digits in the Arabic interface"))
        self.digits.setToolTip(tr("How numbers, amounts and dates are written when the "
                                  "interface is in Arabic; applies from the next sign-in."))
        desk_form = QFormLayout()
        desk_form.addRow(tr("Lock after inactivity"), self.idle)
        desk_form.addRow(tr("Sign-in lasts at most"), self.session_hours)
        desk_form.addRow(tr("Digits in Arabic"), self.digits)
        desk_box = QGroupBox(tr("Workstations"))
        desk_box.setLayout(desk_form)

        # Refund maker-checker (app/domain/refund_policy.py), enforced by the refund service.
        self.refund_approver_rule = QCheckBox(tr("The approver may not be the person who asked"))
        self.refund_payer_rule = QCheckBox(tr("The person paying out may not be the approver"))
        self.refund_over = QLineEdit()
        self.refund_over.setAccessibleName(tr("Maker-checker threshold"))
        self.refund_over.setMaximumWidth(120)
        self.refund_over.setToolTip(tr("The two rules apply to refunds of more than this "
                                       "amount; 0 applies them to every refund."))
        over_row = QHBoxLayout()
        over_row.addWidget(QLabel(i18n.CURRENCY[i18n.language()]))
        over_row.addWidget(self.refund_over)
        over_row.addStretch(1)
        refund_form = QFormLayout()
        refund_form.addRow(self.refund_approver_rule)
        refund_form.addRow(self.refund_payer_rule)
        refund_form.addRow(tr("For refunds over"), over_row)
        refund_box = QGroupBox(tr("Refunds: second person (maker-checker)"))
        refund_box.setLayout(refund_form)

        self.save = QPushButton(tr("Save settings"))
        self.save.setProperty("primary", True)
        self.status = QLabel(wordWrap=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(dha_box)
        left.addWidget(refund_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(mail_box)
        right.addWidget(desk_box)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self.mode.currentIndexChanged.connect(self._check_endpoint)
        self.endpoint.textChanged.connect(self._check_endpoint)
        self.save.clicked.connect(self._save)
        self.save_credentials.clicked.connect(self._save_credentials)
        self.test.clicked.connect(self._test)
        self.smtp_clear.clicked.connect(self._clear_smtp_password)
        self.smtp_test.clicked.connect(self._test_email)
        self.smtp_test_to.returnPressed.connect(self._test_email)
        self._saved_settings: HospitalSettings | None = None
        self._smtp_password_stored = False
        self._ready = False
        self._set_enabled(False)
        self.status.setText(tr("Loading…"))
        self.ctx.ops.run(self._load, on_success=self._loaded, on_failure=self._failed, owner=self)
        ctx.bus.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, changes: Any) -> None:
        """After a reconnect the saved settings are re-read, unless the form holds edits
        nobody saved yet (they are kept; Save still validates them)."""
        if not (changes.reload_all and self._ready) or self._unsaved():
            return
        self._set_enabled(False)
        self.ctx.ops.run(self._load, on_success=self._loaded, on_failure=self._failed, owner=self)

    def _unsaved(self) -> bool:
        saved, now = self._saved_settings, self.current()
        typed = self.password.text() or self.smtp_password.text()
        return saved is None or saved != now or bool(typed)

    # -- loading --
    def _load(self):
        svc = self.ctx.services.settings
        return (svc.get(self.ctx.actor), svc.dha_credentials(self.ctx.actor),
                svc.smtp_password_stored(self.ctx.actor))

    def _loaded(self, result) -> None:
        settings, creds, smtp_stored = result
        self._saved_settings = settings
        self._show_smtp_password_state(smtp_stored)
        self.mode.setCurrentIndex(max(0, self.mode.findData(settings.dha_mode)))
        self.endpoint.setText(settings.dha_endpoint)
        self.timeout.setValue(settings.dha_timeout_seconds)
        self.smtp_host.setText(settings.smtp_host)
        self.smtp_port.setValue(settings.smtp_port)
        self.smtp_sender.setText(settings.smtp_sender)
        self.smtp_tls.setChecked(settings.smtp_use_tls)
        self.smtp_user.setText(settings.smtp_username)
        self.idle.setValue(clamp_idle_minutes(settings.idle_lock_minutes))
        self.session_hours.setValue(clamp_session_hours(settings.session_hours))
        self.refund_approver_rule.setChecked(settings.refund_approver_not_requester)
        self.refund_payer_rule.setChecked(settings.refund_payer_not_approver)
        self.refund_over.setText(settings.refund_separation_over)
        self.digits.setCurrentIndex(max(0, self.digits.findData(settings.number_digits)))
        if creds is not None:
            self.facility.setText(creds.facility_id)
            self.licence.setText(creds.licence)
            self.login.setText(creds.login)
        self._show_dha_password_state(creds is not None and creds.password_stored)
        self.status.clear()
        self._set_enabled(True)

    def _failed(self, exc: BaseException) -> None:
        self._set_enabled(True)
        self._failed_text(message_for(exc))

    def _set_enabled(self, enabled: bool) -> None:
        self._ready = enabled
        for w in (self.save, self.save_credentials, self.test, self.smtp_test):
            w.setEnabled(enabled)
        self.smtp_clear.setEnabled(enabled and self._smtp_password_stored)

    def _show_dha_password_state(self, stored: bool) -> None:
        """As for the mail password: the stored secret never comes back to this page; an
        empty field keeps it when the credentials are saved."""
        self.password.clear()
        self.password.setPlaceholderText(tr(PASSWORD_STORED if stored else PASSWORD_NONE))

    def _show_smtp_password_state(self, stored: bool) -> None:
        """The placeholder says whether a password is stored; the password itself never
        comes back to this page."""
        self._smtp_password_stored = stored
        self.smtp_password.clear()
        self.smtp_password.setPlaceholderText(tr(PASSWORD_STORED if stored else PASSWORD_NONE))
        self.smtp_clear.setEnabled(stored and self._ready)

    def _check_endpoint(self) -> None:
        problem = endpoint_problem(self.mode.currentData(), self.endpoint.text())
        if problem is None or not self.endpoint.text().strip():
            self.endpoint_problem.hide()
            return
        self.endpoint_problem.setText(_coloured(render(problem), _RED))
        self.endpoint_problem.show()

    # -- actions --
    def current(self) -> HospitalSettings:
        return HospitalSettings(
            dha_mode=self.mode.currentData(), dha_endpoint=self.endpoint.text().strip(),
            dha_timeout_seconds=self.timeout.value(), smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(), smtp_sender=self.smtp_sender.text().strip(),
            smtp_use_tls=self.smtp_tls.isChecked(), smtp_username=self.smtp_user.text().strip(),
            idle_lock_minutes=self.idle.value(), session_hours=self.session_hours.value(),
            refund_approver_not_requester=self.refund_approver_rule.isChecked(),
            refund_payer_not_approver=self.refund_payer_rule.isChecked(),
            refund_separation_over=_threshold_text(self.refund_over.text()),
            number_digits=self.digits.currentData() or "western")

    def _save(self) -> None:
        new = self.current()
        password = self.smtp_password.text()
        if password and not new.smtp_username:
            self._failed_text(tr("Enter the mail server user name the password belongs to."))
            return
        self._set_enabled(False)
        self.status.setText(tr("Saving…"))
        svc, actor = self.ctx.services.settings, self.ctx.actor

        def work() -> _Saved:
            saved = svc.update(actor, new)
            if password:  # after the user name it is stored under
                secret = svc.set_smtp_password(actor, password)
                return _Saved(saved.settings, secret.stored, saved.changes | secret.changes)
            # the user name may have changed: say whether its password is stored
            return _Saved(saved.settings, svc.smtp_password_stored(actor), saved.changes)

        def done(result: _Saved) -> None:
            saved, stored = result.settings, result.smtp_password_stored
            self._saved_settings = saved
            self.refund_over.setText(saved.refund_separation_over)  # "250" -> "250.00"
            self._set_enabled(True)
            self._show_smtp_password_state(stored)
            self.status.setText(tr("Settings saved; the mail password is stored in this "
                                   "computer's keyring.") if password
                                else tr("Settings saved."))
            self.saved.emit(saved)

        self.ctx.ops.mutate(work, on_done=done, on_failure=self._failed, owner=self)

    def _failed_text(self, text: str) -> None:
        self.status.setText(_coloured(text, _RED))

    def _clear_smtp_password(self) -> None:
        self._set_enabled(False)
        self.status.setText(tr("Removing the mail password…"))

        def done(result: Any) -> None:
            self._set_enabled(True)
            self._show_smtp_password_state(result.stored)
            self.status.setText(tr("The mail password was removed from this computer's "
                                   "keyring."))

        self.ctx.ops.mutate(
            lambda: self.ctx.services.settings.set_smtp_password(self.ctx.actor, None),
            on_done=done, on_failure=self._failed, owner=self)

    def _save_credentials(self) -> None:
        from app.integrations.dha.credentials import DhaCredentials

        creds = DhaCredentials(self.facility.text().strip(), self.licence.text().strip(),
                               self.login.text().strip(), self.password.text())
        self._set_enabled(False)
        self.ctx.ops.mutate(
            lambda: self.ctx.services.settings.save_dha_credentials(self.ctx.actor, creds),
            on_done=lambda r: (self._set_enabled(True), self._show_dha_password_state(r.stored),
                               self.status.setText(tr("Credentials saved to the system "
                                                      "keyring."))),
            on_failure=self._failed, owner=self)

    def _run_test(self, label: QLabel, finished: Any, busy: str,
                  call: Callable[[], str]) -> None:
        """A network check off the GUI thread: ``label`` shows progress, then the answer in
        green or the reason in red, and ``finished`` is emitted with the same sentence."""
        self._set_enabled(False)
        label.setText(busy)

        def done(message: str) -> None:
            self._set_enabled(True)
            # the services answer a test with a sentence (English until they return messages)
            text = render(message)
            label.setText(_coloured(text, _GREEN))
            finished.emit(text)

        def failed(exc: BaseException) -> None:
            self._set_enabled(True)
            label.setText(_coloured(message_for(exc), _RED))
            finished.emit(message_for(exc))

        self.ctx.ops.run(call, on_success=done, on_failure=failed, owner=self, pool="net")

    def _test(self) -> None:
        saved, now = self._saved_settings, self.current()
        if saved is not None and any(getattr(saved, k) != getattr(now, k) for k in _DHA_FIELDS):
            # The test logs in with what is stored; testing an address nobody saved would
            # pass here and fail at the desk.
            text = tr("Save the settings first: Test connection uses the saved DHA mode and "
                      "address.")
            self.test_result.setText(_coloured(text, _RED))
            self.tested.emit(text)
            return
        self._run_test(self.test_result, self.tested, tr("Testing…"),
                       lambda: self.ctx.services.settings.test_dha_connection(self.ctx.actor))

    def _mail_unsaved(self) -> bool:
        saved, now = self._saved_settings, self.current()
        return saved is None or any(getattr(saved, k) != getattr(now, k) for k in _MAIL_FIELDS)

    def _test_email(self) -> None:
        if not self.smtp_test.isEnabled():
            return
        if self._mail_unsaved() or self.smtp_password.text():
            text = tr("Save the settings first: the test email is sent with the saved mail "
                      "settings and password, as receipts are.")
            self.smtp_result.setText(_coloured(text, _RED))
            self.mail_tested.emit(text)
            return
        to = self.smtp_test_to.text().strip()
        svc, actor = self.ctx.services.settings, self.ctx.actor
        overrides = workstation_smtp_overrides()
        self._run_test(self.smtp_result, self.mail_tested,
                       tr("Sending a test email to {address}…").format(address=to),
                       lambda: svc.send_test_email(actor, to, overrides))


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(SettingsPage, title=tr("Settings")))
