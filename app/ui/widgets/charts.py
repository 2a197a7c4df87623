"""A small bar chart drawn with QPainter: the dashboard's one chart type.

Chosen over QtCharts (PySide6-Addons), pyqtgraph and matplotlib on purpose: it adds no
dependency (we ship PySide6-Essentials only), costs nothing at import, and renders 10,000 bars
into an offscreen grab faster than the libraries tried (bench/bench_charts.py; figures in the
README's "Measured"). What the dashboard needs is few: stacked bars (with negative values below
the axis: refunds), category labels, a value axis with round ticks, a legend, a tooltip and a
click on a bar segment, which the screen turns into a drill-down.

Values are floats for drawing only; the amounts shown in tooltips are the caller's own text
(money stays ``Decimal`` in the caller, formatted by app/ui/i18n.py).

Right-to-left (Arabic): the chart is mirrored, not its text: the value axis is on the right,
the first category is the rightmost bar (time runs right to left), the title and legend start
at the right edge. Geometry is computed left-to-right and each rectangle flipped on the way to
the painter (:meth:`BarChart._flip`), so hit tests use what was drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.ui.i18n import digits, tr

# Colour-blind-safe (Okabe-Ito), readable on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#999999")


@dataclass(frozen=True)
class BarSeries:
    name: str
    values: Sequence[float]
    color: str = ""
    tips: Sequence[str] | None = None  # one tooltip line per category, e.g. "AED 1,200.00"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (0 always included)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1.0
    raw = (high - low) / max(count, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(low / step) * step
    ticks, t = [], start
    while t <= high + step * 1e-9:
        ticks.append(round(t, 10))
        t += step
    if ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def short_number(v: float) -> str:
    """An axis figure: 1,500 / 25k / 1.5M (the k and M read in Arabic too, as on UAE
    price tags; digits as the hospital chose)."""
    a = abs(v)
    if a >= 1_000_000:
        return digits(f"{v / 1_000_000:g}M")
    if a >= 10_000:
        return digits(f"{v / 1_000:g}k")
    return digits(f"{v:,.0f}" if v == int(v) else f"{v:,.1f}")


class BarChart(QWidget):
    """Stacked bars per category; ``bar_clicked(category, series)`` on a click."""

    bar_clicked = Signal(int, int)

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[BarSeries] = []
        self.empty_text = tr("Nothing to show.")
        self._rects: list[tuple[QRectF, int, int]] = []
        self._hover: tuple[int, int] | None = None
        self.paint_count = 0  # how often it was drawn (benchmarks wait for the first draw)
        self.setMouseTracking(True)
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title or tr("Bar chart"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 260)

    def set_data(self, categories: Sequence[str], series: Sequence[BarSeries]) -> None:
        self.categories = list(categories)
        self.series = [s if s.color else BarSeries(s.name, s.values, PALETTE[i % len(PALETTE)],
                                                   s.tips)
                       for i, s in enumerate(series)]
        self._hover = None
        self.update()

    # -- geometry (kept for hit tests and tests) --
    def bar_rect(self, category: int, series: int) -> QRectF | None:
        for rect, c, s in self._rects:
            if (c, s) == (category, series):
                return rect
        return None

    def _range(self) -> tuple[float, float]:
        up = down = 0.0
        for i in range(len(self.categories)):
            pos = sum(max(s.values[i], 0.0) for s in self.series)
            neg = sum(min(s.values[i], 0.0) for s in self.series)
            up, down = max(up, pos), min(down, neg)
        return down, up

    # -- painting --
    def _flip(self, rect: QRectF) -> QRectF:
        """``rect`` (laid out left to right) where it goes on screen: mirrored in RTL."""
        if not self.isRightToLeft():
            return rect
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        self.paint_count += 1
        rtl = self.isRightToLeft()
        lead = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(self.rect(), QColor("#ffffff"))
        fm = QFontMetrics(self.font())
        line = fm.height()
        top = 6
        if self.title:
            bold = self.font()
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(QColor("#1f2328"))
            p.drawText(QRectF(8, top, self.width() - 16, line), lead, self.title)
            p.setFont(self.font())
            top += line + 4
        # legend: one line, right after the title
        if len(self.series) > 1:
            x = 8.0
            for s in self.series:
                name_w = fm.horizontalAdvance(s.name) + 2
                p.fillRect(self._flip(QRectF(x, top + 3, 10, 10)), QColor(s.color))
                p.setPen(QColor("#1f2328"))
                p.drawText(self._flip(QRectF(x + 14, top, name_w, line)),
                           lead | Qt.AlignmentFlag.AlignVCenter, s.name)
                x += 14 + name_w + 16
            top += line + 4
        self._rects = []
        if not self.categories or not self.series or self._range() == (0.0, 0.0):
            p.setPen(QColor("#6e7781"))
            p.drawText(QRectF(0, top, self.width(), self.height() - top),
                       Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        low, high = self._range()
        ticks = nice_ticks(low, high)
        lo, hi = ticks[0], ticks[-1]
        left = 10 + max(fm.horizontalAdvance(short_number(t)) for t in ticks)
        n = len(self.categories)
        slot_w = max((self.width() - left - 10) / n, 0.01)
        # Few categories: every label, elided to its slot; many (days): every k-th, k from
        # the widest label.
        widest = max(fm.horizontalAdvance(c) for c in self.categories[:400]) + 8
        labels_every = 1 if n <= 12 else max(1, math.ceil(widest / slot_w))
        label_lines = 2 if n <= 12 else 1  # few categories: room to wrap "In consultation"
        bottom = self.height() - label_lines * line - 8
        plot = QRectF(left, top + 4, self.width() - left - 10, max(bottom - top - 4, 10))
        shown = self._flip(plot)  # where the grid lines go

        def y_of(v: float) -> float:
            return plot.bottom() - (v - lo) / (hi - lo) * plot.height()

        # grid and value axis
        for t in ticks:
            y = y_of(t)
            p.setPen(QPen(QColor("#8c959f" if t == 0 else "#e6e9ec"), 1))
            p.drawLine(QPointF(shown.left(), y), QPointF(shown.right(), y))
            p.setPen(QColor("#57606a"))
            # The figures stand against the plot: right-aligned left of it, or left-aligned
            # right of it in RTL.
            p.drawText(self._flip(QRectF(0, y - line / 2, left - 6, line)),
                       (Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight)
                       | Qt.AlignmentFlag.AlignVCenter,
                       # a left-to-right mark keeps the minus in front (-1,000, not 1,000-)
                       ("\u200e" if rtl else "") + short_number(t))
        # bars (each category: positives stacked up from 0, negatives down)
        bar_w = max(slot_w * 0.72, 1.0) if slot_w >= 2 else slot_w
        colors = [QColor(s.color) for s in self.series]
        lighter = [c.lighter(125) for c in colors]
        p.setPen(Qt.PenStyle.NoPen)
        zero = y_of(0.0)
        for i in range(n):
            x = plot.left() + i * slot_w + (slot_w - bar_w) / 2
            up, down = zero, zero
            for j, s in enumerate(self.series):
                v = s.values[i]
                if v == 0:
                    continue
                h = abs(v) / (hi - lo) * plot.height()
                if v > 0:
                    rect = QRectF(x, up - h, bar_w, h)
                    up -= h
                else:
                    rect = QRectF(x, down, bar_w, h)
                    down += h
                rect = self._flip(rect)
                hover = self._hover == (i, j)
                p.fillRect(rect, lighter[j] if hover else colors[j])
                self._rects.append((rect, i, j))
        # category labels, a little smaller than the text around the chart
        small = self.font()
        small.setPointSizeF(max(self.font().pointSizeF() * 0.9, 7.0))
        p.setFont(small)
        fm = QFontMetrics(small)
        p.setPen(QColor("#57606a"))
        for i in range(0, n, labels_every):
            cx = plot.left() + (i + 0.5) * slot_w
            w = slot_w * labels_every
            text = self.categories[i]
            fits = fm.horizontalAdvance(text) <= w
            if fits or label_lines == 1:
                # what fits is drawn whole (elidedText may clip a label exactly as wide)
                p.drawText(self._flip(QRectF(cx - w / 2, bottom + 4, w, line)),
                           Qt.AlignmentFlag.AlignHCenter,
                           text if fits else fm.elidedText(text, Qt.TextElideMode.ElideRight,
                                                           int(w)))
            else:
                first, _, rest = text.partition(" ")
                for k, part in enumerate((first, rest)):
                    if fm.horizontalAdvance(part) > w:
                        part = fm.elidedText(part, Qt.TextElideMode.ElideRight, int(w))
                    p.drawText(self._flip(QRectF(cx - w / 2, bottom + 4 + k * line, w, line)),
                               Qt.AlignmentFlag.AlignHCenter, part)
        p.end()

    # -- interaction --
    def _hit(self, pos: QPointF) -> tuple[int, int] | None:
        for rect, c, s in self._rects:
            # thin bars: a few pixels of slack either side make them clickable
            if rect.adjusted(-1, -1, 1, 1).contains(pos):
                return c, s
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        hit = self._hit(event.position())
        if hit != self._hover:
            self._hover = hit
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit else
                           Qt.CursorShape.ArrowCursor)
            self.update()
        if hit is not None:
            c, s = hit
            series = self.series[s]
            tip = series.tips[c] if series.tips else short_number(series.values[c])
            QToolTip.showText(event.globalPosition().toPoint(),
                              tr("{category}\n{series}: {value}\nClick for the rows").format(
                                  category=self.categories[c], series=series.name, value=tip),
                              self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        if self._hover is not None:
            self._hover = None
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self._hit(event.position())
            if hit is not None:
                self.bar_clicked.emit(*hit)
