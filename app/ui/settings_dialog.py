"""Settings page for administrators: DHA eClaimLink mode, address and credentials (saved to the
OS keyring) with a connection test, the mail server receipts are sent through, and the idle
lock. Everything goes through the settings service off the GUI thread."""

from __future__ import annotations

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

from app.services.settings import DHA_MODES, HospitalSettings
from app.ui.context import AppContext
from app.ui.errors import message_for

_MODE_LABELS = {
    "NOT_CONFIGURED": "Not configured — manual verification",
    "MOCK": "Simulated — built-in sandbox (demo, training)",
    "SANDBOX": "DHA test environment",
    "LIVE": "DHA production (live)",
}


class SettingsPage(QWidget):
    saved = Signal(object)
    """saved(settings: HospitalSettings) — the hospital settings were stored."""

    tested = Signal(str)
    """tested(message) — the DHA connection test finished (success or the reason it failed)."""

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
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("stored in the system keyring")
        dha_form = QFormLayout()
        dha_form.addRow("Mode", self.mode)
        dha_form.addRow("Address", self.endpoint)
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
        mail_form = QFormLayout()
        mail_form.addRow("Mail server", self.smtp_host)
        mail_form.addRow("Port", self.smtp_port)
        mail_form.addRow("Sender address", self.smtp_sender)
        mail_form.addRow("", self.smtp_tls)
        mail_form.addRow("User name", self.smtp_user)
        mail_box = QGroupBox("Emailed receipts")
        mail_box.setLayout(mail_form)

        self.idle = QSpinBox(minimum=1, maximum=240, suffix=" min")
        desk_form = QFormLayout()
        desk_form.addRow("Lock after inactivity", self.idle)
        desk_box = QGroupBox("Workstations")
        desk_box.setLayout(desk_form)

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
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(mail_box)
        right.addWidget(desk_box)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self.save.clicked.connect(self._save)
        self.save_credentials.clicked.connect(self._save_credentials)
        self.test.clicked.connect(self._test)
        self._set_enabled(False)
        self.status.setText("Loading…")
        self.ctx.ops.run(self._load, on_success=self._loaded, on_failure=self._failed, owner=self)

    # -- loading --
    def _load(self):
        svc = self.ctx.services.settings
        return svc.get(self.ctx.actor), svc.dha_credentials(self.ctx.actor)

    def _loaded(self, result) -> None:
        settings, creds = result
        self.mode.setCurrentIndex(max(0, self.mode.findData(settings.dha_mode)))
        self.endpoint.setText(settings.dha_endpoint)
        self.timeout.setValue(settings.dha_timeout_seconds)
        self.smtp_host.setText(settings.smtp_host)
        self.smtp_port.setValue(settings.smtp_port)
        self.smtp_sender.setText(settings.smtp_sender)
        self.smtp_tls.setChecked(settings.smtp_use_tls)
        self.smtp_user.setText(settings.smtp_username)
        self.idle.setValue(settings.idle_lock_minutes)
        if creds is not None:
            self.facility.setText(creds.facility_id)
            self.licence.setText(creds.licence)
            self.login.setText(creds.login)
            self.password.setText(creds.password)
        self.status.clear()
        self._set_enabled(True)

    def _failed(self, exc: BaseException) -> None:
        self._set_enabled(True)
        self.status.setText(f"<span style='color:#b42318'>{message_for(exc)}</span>")

    def _set_enabled(self, enabled: bool) -> None:
        for w in (self.save, self.save_credentials, self.test):
            w.setEnabled(enabled)

    # -- actions --
    def current(self) -> HospitalSettings:
        return HospitalSettings(
            dha_mode=self.mode.currentData(), dha_endpoint=self.endpoint.text().strip(),
            dha_timeout_seconds=self.timeout.value(), smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(), smtp_sender=self.smtp_sender.text().strip(),
            smtp_use_tls=self.smtp_tls.isChecked(), smtp_username=self.smtp_user.text().strip(),
            idle_lock_minutes=self.idle.value())

    def _save(self) -> None:
        new = self.current()
        self._set_enabled(False)
        self.status.setText("Saving…")

        def done(saved) -> None:
            self._set_enabled(True)
            self.status.setText("Settings saved.")
            self.saved.emit(saved)

        self.ctx.ops.run(lambda: self.ctx.services.settings.update(self.ctx.actor, new),
                         on_success=done, on_failure=self._failed, owner=self)

    def _save_credentials(self) -> None:
        from app.integrations.dha.credentials import DhaCredentials

        creds = DhaCredentials(self.facility.text().strip(), self.licence.text().strip(),
                               self.login.text().strip(), self.password.text())
        self._set_enabled(False)
        self.ctx.ops.run(
            lambda: self.ctx.services.settings.save_dha_credentials(self.ctx.actor, creds),
            on_success=lambda _r: (self._set_enabled(True),
                                   self.status.setText("Credentials saved to the system keyring.")),
            on_failure=self._failed, owner=self)

    def _test(self) -> None:
        self._set_enabled(False)
        self.test_result.setText("Testing…")

        def done(message: str) -> None:
            self._set_enabled(True)
            self.test_result.setText(f"<span style='color:#1a7f37'>{message}</span>")
            self.tested.emit(message)

        def failed(exc: BaseException) -> None:
            self._set_enabled(True)
            self.test_result.setText(f"<span style='color:#b42318'>{message_for(exc)}</span>")
            self.tested.emit(message_for(exc))

        self.ctx.ops.run(lambda: self.ctx.services.settings.test_dha_connection(self.ctx.actor),
                         on_success=done, on_failure=failed, owner=self, pool="net")


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(SettingsPage, title="Settings"))
