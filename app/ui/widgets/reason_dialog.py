"""Ask for the reason of a waive, a pre-auth override or a conversion to self-pay (texts in
the desk's language; the caller passes its title and prompt already translated)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import REASON_MAX
from app.ui.i18n import tr
from app.ui.widgets.char_limit import limit_plain_text


class ReasonDialog(QDialog):
    """A required free-text reason; OK with an empty reason says so and stays open."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *,
                 ok_text: str | None = None, max_len: int = REASON_MAX) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(tr("Reason"))
        self.text.setPlaceholderText(tr("Reason (required) — it is kept in the audit log"))
        self.text.setFixedHeight(90)
        self.text.setTabChangesFocus(True)
        # The service's cap (app/domain/text.py), shown and held here.
        self.counter = limit_plain_text(self.text, max_len)
        self.error = QLabel("", objectName="Error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text or tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.counter)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.text.setFocus()

    def reason(self) -> str:
        return " ".join(self.text.toPlainText().split())

    def _submit(self) -> None:
        if not self.reason():
            self.error.setText(tr("A reason is required."))
            self.error.show()
            self.text.setFocus()
            return
        self.accept()


def ask_reason(parent: QWidget, title: str, prompt: str, *,
               ok_text: str | None = None) -> str | None:
    """The reason typed, or None when cancelled."""
    dialog = ReasonDialog(title, prompt, parent, ok_text=ok_text)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason()
