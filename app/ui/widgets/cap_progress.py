"""A labelled progress bar for an annual amount (deductible, copay cap): used of total, and a
message when it is met (seed 004 GAP 4). Shows figures the quote computed; adds nothing up.

Right to left (Arabic), QProgressBar fills from the right by itself (it follows the widget's
layout direction); the caption's amounts come from i18n.money."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from app.ui.i18n import money, tr

_BAR = ("QProgressBar {{ border: 1px solid #d0d7de; border-radius: 4px; background: #ffffff;"
        " }}"
        " QProgressBar::chunk {{ background: {chunk}; border-radius: 3px; }}")


def _fils(amount: Decimal) -> int:
    """Progress bars count in whole units: fils (display only)."""
    return int(amount.scaleb(2))


class CapProgress(QWidget):
    """Title, bar and caption for one annual limit."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = f"<b>{html.escape(title)}</b>"
        self.title = QLabel(heading)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(title)
        self.bar.setTextVisible(False)  # the caption says it, readable on any chunk colour
        self.bar.setFixedHeight(12)
        self.caption = QLabel("")
        self.caption.setWordWrap(True)
        self.met = QLabel("")
        self.met.setStyleSheet("color: #0f5323; font-weight: 600;")
        self.met.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(self.caption)
        layout.addWidget(self.met)

    def set_values(self, used: Decimal, total: Decimal | None, remaining: Decimal | None,
                   *, met: bool, met_text: str, none_text: str, note: str = "") -> None:
        if total is None or total <= 0:
            self.bar.hide()
            self.caption.setText(none_text)
            self.met.hide()
            return
        self.bar.show()
        self.bar.setRange(0, max(_fils(total), 1))
        self.bar.setValue(min(_fils(used), _fils(total)))
        self.bar.setFormat(tr("{used} of {total}").format(used=money(used), total=money(total)))
        self.bar.setStyleSheet(_BAR.format(chunk="#2da44e" if met else "#0969da"))
        if remaining is not None:
            caption = tr("Used this year: {used} of {total} · {remaining} left").format(
                used=money(used), total=money(total), remaining=money(remaining))
        else:
            caption = tr("Used this year: {used} of {total}").format(used=money(used),
                                                                     total=money(total))
        self.caption.setText(caption + note)
        self.met.setText(met_text)
        self.met.setVisible(met)
