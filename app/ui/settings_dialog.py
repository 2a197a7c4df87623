"""Settings page for administrators: DHA eClaimLink mode, address and credentials (saved to the
OS keyring) with a connection test, the mail server receipts are sent through (its password
saved to the OS keyring, never shown) with a test email, and the idle lock. Everything goes
through the settings service off the GUI thread."""
# i18n: pending

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
from app.services.settings import DHA_MODES, HospitalSettings, endpoint_problem
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.receipt_panel import workstation_smtp_overrides

_DHA_FIELDS = ("dha_mode", "dha_endpoint", "dha_timeout_seconds")
_MAIL_FIELDS = ("smtp_host", "smtp_port", "smtp_sender", "smtp_use_tls", "smtp_username")
PASSWORD_STORED = "Stored — type to replace"
PASSWORD_NONE = "None stored"

_GREEN, _RED = "#1a7f37", "#b42318"


def _coloured(text: str, colour: str) -> str:
    """Rich text for a result label; the text is escaped (servers answer with <address>)."""
    return f"<span style='color:{colour}'>{html.escape(text)}</span>"


_MODE_LABELS = {
    "NOT_CONFIGURED": "Not configured — manual verification",
    "MOCK": "Simulated — built-in sandbox (demo, training)",
    "SANDBOX": "DHA test environment",
    "LIVE": "DHA production (live)",
}


def _secret_field(name: str, tooltip: str) -> QLineEdit:
    """A password field whose placeholder says whether a secret is stored (never the secret)."""
    field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setPlaceholderText(PASSWORD_NONE)
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
        title = QLabel("<h2>Settings</h2>")

        self.mode = QComboBox()
        for mode in DHA_MODES:
            self.mode.addItem(_MODE_LABELS[mode], mode)
        self.endpoint = QLineEdit(placeholderText="https://dhpo.eclaimlink.ae/ValidateTransactions.asmx")
        self.timeout = QSpinBox(minimum=1, maximum=120, suffix=" s")
        self.facility = QLineEdit()
        self.licence = QLineEdit()
        self.login = QLineEdit()
        self.password = _secret_field(
            "DHA password or API key",
            "Kept in this computer's keyring and never shown here; leave it empty to keep the "
            "stored one.")
        dha_form = QFormLayout()
        dha_form.addRow("Mode", self.mode)
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
        dha_form.addRow("Address", address)
        dha_form.addRow("Timeout", self.timeout)
        dha_form.addRow("Facility ID", self.facility)
        dha_form.addRow("Facility licence", self.licence)
        dha_form.addRow("Login", self.login)
        dha_form.addRow("Password / API key", self.password)
        self.save_credentials = QPushButton("Save credentials")
        self.test = QPushButton("Test connection")
        self.test_result = QLabel(wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.save_credentials)
        row.addWidget(self.test)
        row.addStretch(1)
        dha_box = QGroupBox("DHA eClaimLink eligibility")
        dl = QVBoxLayout(dha_box)
        dl.addLayout(dha_form)
        dl.addLayout(row)
        dl.addWidget(self.test_result)

        self.smtp_host = QLineEdit(placeholderText="mail.clinic.ae")
        self.smtp_port = QSpinBox(minimum=1, maximum=65535)
        self.smtp_sender = QLineEdit(placeholderText="reception@clinic.ae")
        self.smtp_tls = QCheckBox("Use STARTTLS")
        self.smtp_user = QLineEdit()
        self.smtp_password = _secret_field(
            "Mail server password",
            "Kept in this computer's keyring and never shown here. Type a new one and save the "
            "settings to replace it.")
        self.smtp_test_to = QLineEdit(placeholderText="your.name@clinic.ae")
        self.smtp_test_to.setAccessibleName("Send the test email to")
        mail_form = QFormLayout()
        mail_form.addRow("Mail server", self.smtp_host)
        mail_form.addRow("Port", self.smtp_port)
        mail_form.addRow("Sender address", self.smtp_sender)
        mail_form.addRow("", self.smtp_tls)
        mail_form.addRow("User name", self.smtp_user)
        mail_form.addRow("Password", self.smtp_password)
        mail_form.addRow("Test email to", self.smtp_test_to)
        self.smtp_clear = QPushButton("Clear password")
        self.smtp_clear.setToolTip("Remove the stored mail password from this computer's keyring")
        self.smtp_test = QPushButton("Send test email")
        self.smtp_result = QLabel(wordWrap=True)
        mail_row = QHBoxLayout()
        mail_row.addWidget(self.smtp_clear)
        mail_row.addWidget(self.smtp_test)
        mail_row.addStretch(1)
        mail_box = QGroupBox("Emailed receipts")
        ml = QVBoxLayout(mail_box)
        ml.addLayout(mail_form)
        ml.addLayout(mail_row)
        ml.addWidget(self.smtp_result)

        self.idle = QSpinBox(minimum=IDLE_LOCK_MIN_MINUTES, maximum=IDLE_LOCK_MAX_MINUTES,
                             suffix=" min")
        self.idle.setToolTip("Every workstation of the hospital locks after this long without "
                             "keyboard or mouse input; signing in again opens a new session.")
        self.session_hours = QSpinBox(minimum=SESSION_MIN_HOURS, maximum=SESSION_MAX_HOURS,
                                      suffix=" h")
        self.session_hours.setToolTip("However active the desk, a sign-in stops working after "
                                      "this long and the user signs in again.")
        desk_form = QFormLayout()
        desk_form.addRow("Lock after inactivity", self.idle)
        desk_form.addRow("Sign-in lasts at most", self.session_hours)
        desk_box = QGroupBox("Workstations")
        desk_box.setLayout(desk_form)

        # Refund maker-checker (app/domain/refund_policy.py), enforced by the refund service.
        self.refund_approver_rule = QCheckBox("The approver may not be the person who asked")
        self.refund_payer_rule = QCheckBox("The person paying out may not be the approver")
        self.refund_over = QLineEdit()
        self.refund_over.setAccessibleName("Maker-checker threshold")
        self.refund_over.setMaximumWidth(120)
        self.refund_over.setToolTip("The two rules apply to refunds of more than this amount; "
                                    "0 applies them to every refund.")
        over_row = QHBoxLayout()
        over_row.addWidget(QLabel("AED"))
        over_row.addWidget(self.refund_over)
        over_row.addStretch(1)
        refund_form = QFormLayout()
        refund_form.addRow(self.refund_approver_rule)
        refund_form.addRow(self.refund_payer_rule)
        refund_form.addRow("For refunds over", over_row)
        refund_box = QGroupBox("Refunds: second person (maker-checker)")
        refund_box.setLayout(refund_form)

        self.save = QPushButton("Save settings")
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
        self.status.setText("Loading…")
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
        self.password.setPlaceholderText(PASSWORD_STORED if stored else PASSWORD_NONE)

    def _show_smtp_password_state(self, stored: bool) -> None:
        """The placeholder says whether a password is stored; the password itself never
        comes back to this page."""
        self._smtp_password_stored = stored
        self.smtp_password.clear()
        self.smtp_password.setPlaceholderText(PASSWORD_STORED if stored else PASSWORD_NONE)
        self.smtp_clear.setEnabled(stored and self._ready)

    def _check_endpoint(self) -> None:
        problem = endpoint_problem(self.mode.currentData(), self.endpoint.text())
        if problem is None or not self.endpoint.text().strip():
            self.endpoint_problem.hide()
            return
        self.endpoint_problem.setText(_coloured(problem, _RED))
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
            refund_separation_over=_threshold_text(self.refund_over.text()))

    def _save(self) -> None:
        new = self.current()
        password = self.smtp_password.text()
        if password and not new.smtp_username:
            self._failed_text("Enter the mail server user name the password belongs to.")
            return
        self._set_enabled(False)
        self.status.setText("Saving…")
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
            self.status.setText("Settings saved; the mail password is stored in this computer's "
                                "keyring." if password else "Settings saved.")
            self.saved.emit(saved)

        self.ctx.ops.mutate(work, on_done=done, on_failure=self._failed, owner=self)

    def _failed_text(self, text: str) -> None:
        self.status.setText(_coloured(text, _RED))

    def _clear_smtp_password(self) -> None:
        self._set_enabled(False)
        self.status.setText("Removing the mail password…")

        def done(result: Any) -> None:
            self._set_enabled(True)
            self._show_smtp_password_state(result.stored)
            self.status.setText("The mail password was removed from this computer's keyring.")

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
                               self.status.setText("Credentials saved to the system keyring.")),
            on_failure=self._failed, owner=self)

    def _run_test(self, label: QLabel, finished: Any, busy: str,
                  call: Callable[[], str]) -> None:
        """A network check off the GUI thread: ``label`` shows progress, then the answer in
        green or the reason in red, and ``finished`` is emitted with the same sentence."""
        self._set_enabled(False)
        label.setText(busy)

        def done(message: str) -> None:
            self._set_enabled(True)
            label.setText(_coloured(message, _GREEN))
            finished.emit(message)

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
            text = ("Save the settings first: Test connection uses the saved DHA mode and "
                    "address.")
            self.test_result.setText(_coloured(text, _RED))
            self.tested.emit(text)
            return
        self._run_test(self.test_result, self.tested, "Testing…",
                       lambda: self.ctx.services.settings.test_dha_connection(self.ctx.actor))

    def _mail_unsaved(self) -> bool:
        saved, now = self._saved_settings, self.current()
        return saved is None or any(getattr(saved, k) != getattr(now, k) for k in _MAIL_FIELDS)

    def _test_email(self) -> None:
        if not self.smtp_test.isEnabled():
            return
        if self._mail_unsaved() or self.smtp_password.text():
            text = ("Save the settings first: the test email is sent with the saved mail "
                    "settings and password, as receipts are.")
            self.smtp_result.setText(_coloured(text, _RED))
            self.mail_tested.emit(text)
            return
        to = self.smtp_test_to.text().strip()
        svc, actor = self.ctx.services.settings, self.ctx.actor
        overrides = workstation_smtp_overrides()
        self._run_test(self.smtp_result, self.mail_tested, f"Sending a test email to {to}…",
                       lambda: svc.send_test_email(actor, to, overrides))


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(SettingsPage, title="Settings"))
