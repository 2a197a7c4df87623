"""The sign-in window. It opens at once; the database starts behind it, and Sign in is enabled
when it is ready. The language of the desk is chosen here (English / العربية): the window
retranslates and mirrors itself at once, and the choice is remembered for the user."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
from app.ui import i18n
from app.ui.errors import message_for
from app.ui.i18n import N_, tr


class LoginDialog(QDialog):
    sign_in_requested = Signal(str, str)
    """sign_in_requested(username, password)."""

    retry_requested = Signal()
    """retry_requested() — start the database again after a failure."""

    def __init__(self, parent: QWidget | None = None, *, locked_user: str | None = None,
                 idle_minutes: int | None = None) -> None:
        super().__init__(parent)
        self.locked_user = locked_user
        self.idle_minutes = idle_minutes
        self.chosen_language: str | None = None
        """The language picked in this window (None: the user did not touch it)."""
        self._status_text = ""
        self.setMinimumWidth(420)
        card = QWidget(objectName="LoginCard")
        self.title = QLabel(objectName="LoginTitle")
        self.subtitle = subtitle = QLabel()
        subtitle.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setMaxLength(USERNAME_MAX)
        self.password = QLineEdit()
        self.password.setMaxLength(PASSWORD_MAX)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if locked_user:
            self.username.setText(locked_user)
            self.username.setReadOnly(True)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.language())))
        self.language.setEnabled(not locked_user)  # unlocking keeps the session's language
        self.form = form = QFormLayout()
        self.username_label, self.password_label = QLabel(), QLabel()
        self.language_label = QLabel()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        form.addRow(self.language_label, self.language)
        self.status = QLabel("", objectName="Status")
        self.status.setWordWrap(True)
        self.error = QLabel("", objectName="Error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sign_in = QPushButton()
        self.sign_in.setDefault(True)
        self.retry = QPushButton()
        self.retry.hide()
        self.quit = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry)
        buttons.addStretch(1)
        buttons.addWidget(self.quit)
        buttons.addWidget(self.sign_in)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.addWidget(self.title)
        inner.addWidget(subtitle)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.status)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 20, 20, 20)
        outer.addWidget(card)
        self._retranslate()

        self.language.activated.connect(self._language_picked)
        self.sign_in.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.retry.clicked.connect(self.retry_requested)
        self.quit.clicked.connect(self.reject)
        (self.password if locked_user else self.username).setFocus()

    def _retranslate(self) -> None:
        locked = self.locked_user
        self.setWindowTitle(tr("ClinicDesk — Locked") if locked else tr("ClinicDesk — Sign in"))
        # The name in Latin letters still sits on the right in an Arabic window.
        self.title.setText(tr("Session locked") if locked else i18n.rtl_line("ClinicDesk"))
        # Why the lock is up: by hand (Ctrl+L, the Lock button) or by the idle timer.
        if not locked:
            self.subtitle.setText(tr("Front desk and billing"))
        elif self.idle_minutes is None:
            self.subtitle.setText(tr("Locked. {user}, enter your password.").format(user=locked))
        elif self.idle_minutes == 1:
            self.subtitle.setText(tr("Locked after 1 minute without activity. {user}, enter "
                                     "your password.").format(user=locked))
        else:
            self.subtitle.setText(tr("Locked after {minutes} minutes without activity. {user}, "
                                     "enter your password.").format(
                                         minutes=i18n.number(self.idle_minutes), user=locked))
        self.username.setPlaceholderText(tr("username"))
        self.username.setAccessibleName(tr("Username"))
        self.password.setPlaceholderText(tr("password"))
        self.password.setAccessibleName(tr("Password"))
        self.username_label.setText(tr("Username"))
        self.password_label.setText(tr("Password"))
        self.language_label.setText(tr("Language"))
        self.language.setAccessibleName(tr("Language"))
        self.sign_in.setText(tr("Unlock") if locked else tr("Sign in"))
        self.retry.setText(tr("Retry"))
        self.quit.setText(tr("Sign out") if locked else tr("Quit"))
        if self._status_text:
            self.status.setText(tr(self._status_text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _language_picked(self, index: int) -> None:
        code = self.language.itemData(index)
        if code == i18n.language():
            return
        self.chosen_language = code
        i18n.install(code)  # posts LanguageChange: this window retranslates itself
        self.adjustSize()

    def _set_status(self, text: str) -> None:
        """A status line that follows a language change (its English source is kept)."""
        self._status_text = text
        self.status.setText(tr(text) if text else "")

    def set_starting(self, text: str = "") -> None:
        self._set_status(text or N_("Starting the database…"))
        self.error.clear()
        self.retry.hide()
        self.sign_in.setEnabled(False)

    def set_ready(self, text: str = "") -> None:
        """``text``: an already translated sentence (or empty)."""
        self._status_text = ""
        self.status.setText(text)
        self.retry.hide()
        self.sign_in.setEnabled(True)

    def set_failed(self, exc: BaseException) -> None:
        self._set_status("")
        self.error.setText(message_for(exc))
        self.retry.show()
        self.sign_in.setEnabled(False)

    def set_busy(self, busy: bool) -> None:
        self.sign_in.setEnabled(not busy)
        self._set_status(N_("Signing in…") if busy else "")

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
