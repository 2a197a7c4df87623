"""A labelled progress bar for an annual amount (deductible, copay cap): used of total, and a
message when it is met (seed 004 GAP 4). Shows figures the quote computed; adds nothing up."""
# i18n: pending

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from app.domain.money import fmt

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
        self.title = QLabel(f"<b>{title}</b>")
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
        self.bar.setFormat(f"{fmt(used)} of {fmt(total)}")
        self.bar.setStyleSheet(_BAR.format(chunk="#2da44e" if met else "#0969da"))
        left = f" · {fmt(remaining)} left" if remaining is not None else ""
        self.caption.setText(f"Used this year: {fmt(used)} of {fmt(total)}{left}{note}")
        self.met.setText(met_text)
        self.met.setVisible(met)
