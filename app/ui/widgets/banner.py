"""A coloured message strip for inline feedback (success, info, warning, error)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

# (background, border, text): each pair has a contrast ratio above 7:1.
KINDS = {
    "success": ("#dff3e4", "#1a7f37", "#0f5323"),
    "info": ("#e7f0fb", "#0969da", "#0a3069"),
    "warning": ("#fff4d1", "#bf8700", "#5c3b00"),
    "error": ("#fde8e8", "#b42318", "#7a1111"),
    "orange": ("#ffe9d6", "#d1570a", "#6b2a00"),
    "neutral": ("#eef0f2", "#8c959f", "#1f2328"),
}


FIELD_ERROR_CSS = "border: 2px solid #b42318; background: #fff5f5;"
"""A form field whose value was refused (the message is in the dialog's error banner)."""


def banner_css(kind: str) -> str:
    bg, border, fg = KINDS[kind]
    return (f"background: {bg}; color: {fg}; border: 1px solid {border}; "
            f"border-left: 5px solid {border}; border-radius: 4px; padding: 6px 10px;")


class Banner(QLabel):
    """QLabel with set_message(text, kind); an empty text hides it."""

    def __init__(self, parent: QWidget | None = None, *, kind: str = "info") -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = kind
        self.setStyleSheet(banner_css(kind))
        self.hide()

    def set_message(self, text: str, kind: str | None = None) -> None:
        if kind and kind != self.kind:
            self.kind = kind
            self.setStyleSheet(banner_css(kind))
        self.setText(text)
        self._show_if_text()

    def _show_if_text(self) -> None:
        # Not in a window yet (a page being built): showing it now would open it as a window
        # of its own and take the focus from the main window; it shows once it has a parent.
        if self.parentWidget() is None and self.text():
            return
        self.setVisible(bool(self.text()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            self._show_if_text()
        return super().event(event)

    def clear_message(self) -> None:
        self.set_message("")
