"""The sign-in window. It opens at once; the database starts behind it, and Sign in is enabled
when it is ready."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.login_throttle import PASSWORD_MAX, USERNAME_MAX
from app.ui.errors import message_for


class LoginDialog(QDialog):
    sign_in_requested = Signal(str, str)
    """sign_in_requested(username, password)."""

    retry_requested = Signal()
    """retry_requested() — start the database again after a failure."""

    def __init__(self, parent: QWidget | None = None, *, locked_user: str | None = None,
                 idle_minutes: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ClinicDesk — Sign in" if not locked_user else "ClinicDesk — Locked")
        self.setMinimumWidth(420)
        card = QWidget(objectName="LoginCard")
        title = QLabel("ClinicDesk" if not locked_user else "Session locked",
                       objectName="LoginTitle")
        # Why the lock is up: by hand (Ctrl+L, the Lock button) or by the idle timer.
        why = ("Locked." if idle_minutes is None else
               f"Locked after {idle_minutes} minute{'s' if idle_minutes != 1 else ''} "
               "without activity.")
        self.subtitle = subtitle = QLabel("Front desk and billing" if not locked_user else
                                          f"{why} {locked_user}, enter your password.")
        subtitle.setWordWrap(True)
        self.username = QLineEdit(placeholderText="username")
        self.username.setMaxLength(USERNAME_MAX)
        self.username.setAccessibleName("Username")
        self.password = QLineEdit(placeholderText="password")
        self.password.setMaxLength(PASSWORD_MAX)
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if locked_user:
            self.username.setText(locked_user)
            self.username.setReadOnly(True)
        form = QFormLayout()
        form.addRow("Username", self.username)
        form.addRow("Password", self.password)
        self.status = QLabel("", objectName="Status")
        self.status.setWordWrap(True)
        self.error = QLabel("", objectName="Error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sign_in = QPushButton("Unlock" if locked_user else "Sign in")
        self.sign_in.setDefault(True)
        self.retry = QPushButton("Retry")
        self.retry.hide()
        self.quit = QPushButton("Quit" if not locked_user else "Sign out")
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry)
        buttons.addStretch(1)
        buttons.addWidget(self.quit)
        buttons.addWidget(self.sign_in)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.status)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 20, 20, 20)
        outer.addWidget(card)

        self.sign_in.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.retry.clicked.connect(self.retry_requested)
        self.quit.clicked.connect(self.reject)
        (self.password if locked_user else self.username).setFocus()

    def set_starting(self, text: str = "Starting the database…") -> None:
        self.status.setText(text)
        self.error.clear()
        self.retry.hide()
        self.sign_in.setEnabled(False)

    def set_ready(self, text: str = "") -> None:
        self.status.setText(text)
        self.retry.hide()
        self.sign_in.setEnabled(True)

    def set_failed(self, exc: BaseException) -> None:
        self.status.clear()
        self.error.setText(message_for(exc))
        self.retry.show()
        self.sign_in.setEnabled(False)

    def set_busy(self, busy: bool) -> None:
        self.sign_in.setEnabled(not busy)
        self.status.setText("Signing in…" if busy else "")

    def show_login_error(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.error.setText(message_for(exc))
        self.password.clear()
        self.password.setFocus()

    def show_notice(self, text: str) -> None:
        """Why the desk is back here (session revoked, expired...): shown until the next
        sign-in attempt; the window grows to fit it."""
        self.error.setText(text)
        self.adjustSize()

    def _submit(self) -> None:
        if not self.sign_in.isEnabled():
            return
        self.error.clear()
        self.sign_in_requested.emit(self.username.text(), self.password.text())
