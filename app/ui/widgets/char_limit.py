"""Show and hold a text field's length cap, the same cap the service enforces
(app/domain/text.py), so a long paste is stopped at the field and not by an error later.

``limit_plain_text(edit, 500)`` returns a small "0 / 500" label for the layout; the editor
then refuses to grow beyond the cap (a paste is cut at it). A QLineEdit gets the same cap
with its own ``setMaxLength``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from app.ui import i18n
from app.ui.i18n import tr


class CharCounter(QLabel):
    """"123 / 500" under a plain-text editor; turns to the warning colour near the cap."""

    def __init__(self, edit: QPlainTextEdit, max_len: int) -> None:
        super().__init__()
        self.setObjectName("CharCounter")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)  # the trailing edge: mirrored in Arabic
        self._edit = edit
        self.max_len = max_len
        edit.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        text = self._edit.toPlainText()
        if len(text) > self.max_len:
            # Cut what went over (a paste, usually) and keep the cursor at the end.
            self._edit.blockSignals(True)
            self._edit.setPlainText(text[: self.max_len])
            self._edit.moveCursor(QTextCursor.MoveOperation.End)
            self._edit.blockSignals(False)
            text = text[: self.max_len]
        self.setText(tr("{count} / {limit}").format(count=i18n.number(len(text)),
                                                     limit=i18n.number(self.max_len)))
        near = len(text) >= self.max_len * 0.9
        self.setStyleSheet("color: #b45309;" if near else "color: palette(mid);")
        self.setAccessibleName(tr("{count} of at most {limit} characters").format(
            count=i18n.number(len(text)), limit=i18n.number(self.max_len)))


def limit_plain_text(edit: QPlainTextEdit, max_len: int) -> CharCounter:
    return CharCounter(edit, max_len)
