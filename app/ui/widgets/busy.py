"""A small "working…" indicator shown while ops run.

Deliberately quiet for the GUI thread. It is not animated (an indeterminate progress bar
repaints ~60 times a second) and it never shows, hides or resizes (that relayouts the whole
page): it is a fixed-size label whose text and colour change. Every relayout or repaint of
widgets made from Python needs the GIL, which the worker running the query holds; measured on
the queue refresh with 1,000 rows (bench/bench_frontdesk.py), showing and hiding a busy bar
turned a ~20 ms GUI stall into ~140 ms.

The text is given by the page, already translated (``tr("Searching…")``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.i18n import tr

_BUSY = ("background: #e7f0fb; color: #0a3069; border: 1px solid #9cc3f5; border-radius: 9px;"
         " padding: 0px 8px;")
_IDLE = "background: transparent; border: 1px solid transparent; padding: 0px 8px;"


class BusyIndicator(QLabel):
    """Counts overlapping jobs: reads "Loading…" from the first start() to the last stop()."""

    def __init__(self, text: str | None = None, parent: QWidget | None = None,
                 width: int = 200) -> None:
        super().__init__("", parent)
        self._count = 0
        self._text = text or tr("Loading…")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedSize(width, 22)  # fixed: a text change never relayouts the page
        self.setAccessibleName(tr("Busy"))
        self.setStyleSheet(_IDLE)

    @property
    def busy(self) -> bool:
        return self._count > 0

    def start(self, text: str | None = None) -> None:
        self._count += 1
        text = text or self._text
        if self.text() != text:
            self.setText(text)
        if self._count == 1:
            self.setStyleSheet(_BUSY)

    def stop(self) -> None:
        self._count = max(0, self._count - 1)
        if not self._count:
            self.setText("")
            self.setStyleSheet(_IDLE)
