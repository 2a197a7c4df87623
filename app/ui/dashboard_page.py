"""The billing office's dashboard (accountants and administrators): tiles and charts of today's
schedule, outstanding claims by age (stacked by status or by payer) and revenue per day over a
range, every figure clickable down to the rows behind it.

Everything is read by :class:`app.services.dashboard.DashboardService` off the GUI thread
(``Ops.run``): one call for the whole page, one for the revenue chart when its range changes.
The page re-reads itself (debounced) when the change bus says appointments, claims, insurance
payments, copay payments or refunds changed, here or on another workstation.

Clicking a tile, a bar or a cell of the aging table opens :class:`DrillDialog`: the rows of
that figure, 50 a page (keyset: "Load 50 more"), with "Export CSV…" (the service writes the
file with the audit export's formula-safe cells).

Texts go through ``tr()``; labels the service gives (series, buckets, figure titles, column
titles) are translated where shown (:func:`_say`); amounts, dates and counts through
app/ui/i18n.py. In Arabic the page and its charts are mirrored (app/ui/widgets/charts.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import AppointmentStatus
from app.domain.messages import Msg
from app.services.dashboard import (
    Bucket,
    Cell,
    ClaimsAging,
    Figure,
    FigureKind,
    Overview,
    Revenue,
    RowCursor,
    RowPage,
    Series,
)
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, money, number, tr
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.charts import PALETTE, BarChart, BarSeries
from app.ui.widgets.export_flow import ask_csv_path

# What changing makes a figure stale.
WATCHED = ("appointments", "claims", "claim_status_history", "insurance_payments",
           "copay_payments", "copay_refunds")
PRESETS = (N_("Last 30 days"), N_("This month"), N_("This year"), N_("Custom"))
SERIES_COLORS = {Series.COPAYS: PALETTE[0], Series.INSURER: PALETTE[2],
                 Series.REFUNDS: PALETTE[5]}
# The dashboard's own names for the age buckets and revenue series (the service's English
# labels, in the catalogue of this screen).
BUCKET_LABELS = {Bucket.D0_30: N_("0-30 days"), Bucket.D31_60: N_("31-60 days"),
                 Bucket.D61_90: N_("61-90 days"), Bucket.D90_PLUS: N_("90+ days")}
SERIES_LABELS = {Series.COPAYS: N_("Copays collected"), Series.INSURER: N_("Insurer payments"),
                 Series.REFUNDS: N_("Refunds processed")}
STATUS_COLORS = {"NOT_SUBMITTED": PALETTE[7], "SUBMITTED": PALETTE[0], "APPROVED": PALETTE[2],
                 "REJECTED": PALETTE[5]}


# Status values the dashboard shows (appointments, claims, payments, refunds) in words; the
# English is what ``value.replace("_", " ").capitalize()`` gives.
WORDS = {
    "SCHEDULED": N_("Scheduled"), "CONFIRMED": N_("Confirmed"), "CHECKED_IN": N_("Checked in"),
    "IN_CONSULTATION": N_("In consultation"), "COMPLETED": N_("Completed"),
    "CANCELLED": N_("Cancelled"), "NO_SHOW": N_("No show"),
    "NOT_SUBMITTED": N_("Not submitted"), "SUBMITTED": N_("Submitted"),
    "APPROVED": N_("Approved"), "REJECTED": N_("Rejected"), "PAID": N_("Paid"),
    "PENDING": N_("Pending"), "POSTED": N_("Posted"), "REVERSED": N_("Reversed"),
    "PROCESSED": N_("Processed"), "CASH": N_("Cash"), "CREDIT_CARD": N_("Credit card"),
    "DEBIT_CARD": N_("Debit card"), "BANK_TRANSFER": N_("Bank transfer"),
    "DEPOSIT": N_("Deposit"), "DEPOSIT_CREDIT": N_("Deposit credit"),
    "INSURANCE": N_("Insurance"),
}


def words(value: str) -> str:
    """An enum's value in words, in the interface's language: CHECKED_IN -> Checked in."""
    return tr(WORDS.get(value) or value.replace("_", " ").capitalize())


def _say(label: str | Msg) -> str:
    """A label the service gives: a message, or fixed English the catalogue holds."""
    return i18n.render(label) if isinstance(label, Msg) else tr(label)


def _short_day(day: dt.date, many: bool) -> str:
    """A day under a bar: "05 Mar" (or "Mar 05" over two months) in English; "05/03" in
    Arabic, whose interface shows no English month names."""
    if i18n.is_rtl():
        return i18n.digits(day.strftime("%d/%m"))
    return day.strftime("%b %d" if many else "%d %b")


def preset_range(preset: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """``preset`` is the English name (PRESETS), whatever the interface's language."""
    if preset == "This month":
        return today.replace(day=1), today
    if preset == "This year":
        return today.replace(month=1, day=1), today
    return today - dt.timedelta(days=29), today


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class Tile(QWidget):
    """A figure in large type with its caption; a click drills down.

    Painted by hand rather than a styled QPushButton: a style sheet per widget made building
    the page cost ~150 ms of GUI thread (bench/bench_dashboard.py)."""

    clicked = Signal()

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.caption = caption
        self.value = "…"
        self.detail = ""
        self._hover = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedHeight(72)
        # The row of tiles shares the page's width whatever the figures' lengths.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(caption)

    def set_value(self, value: str, detail: str = "") -> None:
        self.value, self.detail = value, detail
        tip = (tr("{value} {caption}, {detail}. Click for the rows.") if detail else
               tr("{value} {caption}. Click for the rows."))
        self.setToolTip(tip.format(value=value, caption=self.caption, detail=detail))
        self.update()

    def text(self) -> str:
        return "\n".join(x for x in (self.value, self.caption, self.detail) if x)

    def click(self) -> None:
        self.clicked.emit()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#0f4c5c" if self._hover or self.hasFocus() else "#d0d7de"), 1))
        p.setBrush(QColor("#f3f8f9" if self._hover else "#ffffff"))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        big = self.font()
        big.setPointSizeF(max(big.pointSizeF(), 9.0) * 1.25)
        big.setBold(True)
        p.setFont(big)
        p.setPen(QColor("#1f2328"))
        fm = QFontMetrics(big)
        width = self.width() - 24
        # Text starts on the reading side: the right edge in Arabic.
        align = (Qt.AlignmentFlag.AlignRight if self.isRightToLeft()
                 else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignTop
        p.drawText(QRectF(12, 8, width, fm.height()), align,
                   fm.elidedText(self.value, Qt.TextElideMode.ElideRight, width))
        p.setFont(self.font())
        small = QFontMetrics(self.font())
        y = 8 + fm.height() + 2
        for line, color in ((self.caption, "#1f2328"), (self.detail, "#57606a")):
            if line:
                p.setPen(QColor(color))
                p.drawText(QRectF(12, y, width, small.height()), align,
                           small.elidedText(line, Qt.TextElideMode.ElideRight, width))
                y += small.height()
        p.end()

    def enterEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        self._hover = True
        self.update()

    def leaveEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        self._hover = False
        self.update()

    def mouseReleaseEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


class Card(QWidget):
    """A white rounded panel (painted, not styled: see Tile)."""

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#d0d7de"), 1))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        p.end()


class DashboardPage(QWidget):
    loaded = Signal(object)
    """loaded(overview) — every figure was (re)read and drawn."""

    revenue_loaded = Signal(object)
    """revenue_loaded(revenue) — the revenue chart was redrawn for a new range."""

    drill_opened = Signal(object)
    """drill_opened(dialog) — the rows behind a figure are being shown."""

    def __init__(self, ctx: AppContext, *, load: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.overview: Overview | None = None
        self.revenue: Revenue | None = None
        self._loading = False
        self._again = False
        # Tests replace the file dialog.
        self.ask_export_path = lambda name: ask_csv_path(self, tr("Export the rows"), name)
        self.drill: DrillDialog | None = None

        title = QLabel("<h2>" + tr("Dashboard") + "</h2>")
        self.as_of = QLabel("", objectName="Placeholder")
        self.busy = BusyIndicator(tr("Loading…"), width=160)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.banner = Banner()
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.as_of, 1)
        head.addWidget(self.busy)
        head.addWidget(self.refresh_button)

        # tiles
        self.tile_today = Tile(tr("appointments"))
        self.tile_claims = Tile(tr("outstanding claims"))
        self.tile_old = Tile(tr("claims 90+ days"))
        self.tile_copays = Tile(tr("copays"))
        self.tile_insurer = Tile(tr("insurer payments"))
        self.tile_refunds = Tile(tr("refunds"))
        tiles = QHBoxLayout()
        for t in (self.tile_today, self.tile_claims, self.tile_old, self.tile_copays,
                  self.tile_insurer, self.tile_refunds):
            tiles.addWidget(t, 1)
        self.tile_today.clicked.connect(lambda: self.open_rows(Figure(FigureKind.SCHEDULE)))
        self.tile_claims.clicked.connect(lambda: self.open_rows(Figure(FigureKind.CLAIMS)))
        self.tile_old.clicked.connect(lambda: self.open_rows(
            Figure(FigureKind.CLAIMS, bucket=Bucket.D90_PLUS)))
        for tile, series in ((self.tile_copays, Series.COPAYS),
                             (self.tile_insurer, Series.INSURER),
                             (self.tile_refunds, Series.REFUNDS)):
            tile.clicked.connect(lambda _=False, s=series: self._open_series(s))

        # charts
        self.schedule_chart = BarChart(tr("Today's schedule by status"))
        self.schedule_chart.bar_clicked.connect(self._schedule_clicked)
        self.claims_chart = BarChart(tr("Outstanding claims by age (AED)"))
        self.claims_chart.bar_clicked.connect(self._claims_clicked)
        self.stack_by = QComboBox()
        self.stack_by.addItems([tr("by status"), tr("by payer")])
        self.stack_by.setAccessibleName(tr("Stack outstanding claims"))
        self.stack_by.currentIndexChanged.connect(lambda _i: self._draw_claims())
        self.aging_table = QTableWidget(0, len(Bucket) + 2)
        self.aging_table.setHorizontalHeaderLabels(
            ["", *[tr("{days} d").format(days=b.value) for b in Bucket], tr("Total")])
        self.aging_table.verticalHeader().hide()
        self.aging_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.aging_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.aging_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        # Long payer names are elided (the full name in the cell's tooltip).
        self.aging_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Fixed)
        self.aging_table.setColumnWidth(0, 130)
        self.aging_table.cellClicked.connect(self._aging_clicked)
        self.aging_table.setToolTip(tr("Click a figure for its claims"))
        self.aging_table.setMinimumWidth(200)
        self.aging_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.revenue_chart = BarChart(tr("Revenue per day (AED)"))
        self.revenue_chart.bar_clicked.connect(self._revenue_clicked)
        self.preset = QComboBox()
        for name in PRESETS:
            self.preset.addItem(tr(name), name)  # the English name is the data
        self.preset.setAccessibleName(tr("Revenue range"))
        # Day first, as i18n.date_text: no month names to translate.
        self.start_edit = QDateEdit(calendarPopup=True)
        self.end_edit = QDateEdit(calendarPopup=True)
        for edit in (self.start_edit, self.end_edit):
            # A date reads left to right; the direction goes first, as right-to-left
            # setDisplayFormat reverses the sections for good (2026/12/04).
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.start_edit.setAccessibleName(tr("First day"))
        self.end_edit.setAccessibleName(tr("Last day"))
        self.preset.currentIndexChanged.connect(
            lambda _i: self._preset_changed(self.preset.currentData()))
        self.start_edit.dateChanged.connect(self._dates_edited)
        self.end_edit.dateChanged.connect(self._dates_edited)
        self._syncing_dates = False

        self.schedule_chart.setMinimumHeight(220)
        self.revenue_chart.setMinimumHeight(210)

        body = QWidget()
        self._inner = inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(tiles)
        self._assembled = False
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)  # the other pages' margins
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)

        self._debounce = QTimer(self, singleShot=True, interval=500)
        self._debounce.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_changes)
        if load:
            self.refresh()
        # The charts' cards are laid out a row per turn of the event loop (while the query
        # runs): building the whole page at once held the GUI thread for ~100 ms.
        QTimer.singleShot(0, self._assemble_charts)

    def _assemble_charts(self) -> None:
        if self._inner.count() > 1:
            return
        QTimer.singleShot(1, self._assemble)  # the second row on a later turn
        row1 = QHBoxLayout()
        row1.addWidget(_boxed(self.schedule_chart), 1)
        row1.addWidget(_boxed(self.claims_chart, QLabel(tr("Stack")), self.stack_by), 1)
        self._inner.addLayout(row1, 1)

    def _assemble(self) -> None:
        """The whole page laid out (idempotent: the load's callback calls it too)."""
        self._assemble_charts()
        if self._assembled:
            return
        self._assembled = True
        range_bar = [QLabel(tr("Range")), self.preset, self.start_edit, QLabel(tr("to")),
                     self.end_edit]
        row2 = QHBoxLayout()
        row2.addWidget(_boxed(self.aging_table, QLabel(
            tr("{outstanding} (count, AED)").format(
                outstanding="<b>" + tr("Outstanding claims") + "</b>"))), 1)
        row2.addWidget(_boxed(self.revenue_chart, *range_bar), 1)
        self._inner.addLayout(row2, 1)

    # ------------------------------------------------------------------------- loading
    def _range(self) -> tuple[dt.date | None, dt.date | None]:
        if self.overview is None:
            return None, None  # the service's default: the last 30 days of the hospital
        return _pydate(self.start_edit.date()), _pydate(self.end_edit.date())

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.busy.start()
        actor, service = self.ctx.actor, self.ctx.services.dashboard
        start, end = self._range()
        self.ctx.ops.run(lambda: service.overview(actor, start, end),
                         on_success=self._loaded, on_failure=self._failed, owner=self)

    def _loaded(self, overview: Overview) -> None:
        self._assemble()
        self._loading = False
        self.busy.stop()
        self.banner.clear_message()
        self.overview = overview
        tz = self.ctx.clinic_zone
        now = i18n.time_text(dt.datetime.now(tz)) if tz else ""
        self.as_of.setText(tr("{day} · read at {time} ({zone})").format(
            day=_long_day(overview.today), time=now, zone=overview.timezone))
        self._set_dates(overview.revenue.start, overview.revenue.end)
        self.tile_today.set_value(number(overview.appointments_today), tr("today"))
        total = overview.claims.total
        self.tile_claims.set_value(number(total.count), money(total.amount))
        old = overview.claims.bucket_total(Bucket.D90_PLUS)
        self.tile_old.set_value(number(old.count), money(old.amount))
        self._draw_schedule()
        self._draw_claims()
        self._show_revenue(overview.revenue)
        self.loaded.emit(overview)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.busy.stop()
        self.banner.set_message(message_for(exc), kind="error")

    def _on_changes(self, changes: Any) -> None:
        if changes.touches(*WATCHED):
            self._debounce.start()

    # ---------------------------------------------------------------------- schedule
    def _draw_schedule(self) -> None:
        assert self.overview is not None
        statuses = list(AppointmentStatus)
        counts = [float(self.overview.schedule.get(s.value, 0)) for s in statuses]
        self.schedule_chart.empty_text = tr("No appointments today.")
        self.schedule_chart.set_data(
            [words(s.value) for s in statuses],
            [BarSeries(tr("Appointments"), counts, PALETTE[0],
                       [tr("{count} appointments").format(count=number(int(c)))
                        for c in counts])])

    def _schedule_clicked(self, category: int, _series: int) -> None:
        status = list(AppointmentStatus)[category].value
        self.open_rows(Figure(FigureKind.SCHEDULE, status=status))

    # ------------------------------------------------------------------------ claims
    def _stack_rows(self) -> tuple[str, dict[str, dict[Bucket, Cell]]]:
        assert self.overview is not None
        aging = self.overview.claims
        if self.stack_by.currentIndex() == 1:
            return "payer", aging.by_payer
        return "status", aging.by_status

    def _draw_claims(self) -> None:
        if self.overview is None:
            return
        kind, rows = self._stack_rows()
        buckets = list(Bucket)
        series = []
        for i, (key, row) in enumerate(rows.items()):
            cells = [row.get(b, Cell()) for b in buckets]
            series.append(BarSeries(
                words(key) if kind == "status" else key,
                [float(c.amount) for c in cells],
                STATUS_COLORS.get(key, "") if kind == "status" else PALETTE[i % len(PALETTE)],
                [tr("{count} claims, {amount}").format(count=number(c.count),
                                                       amount=money(c.amount))
                 for c in cells]))
        self.claims_chart.empty_text = tr("No outstanding claims.")
        self.claims_chart.set_data([tr(BUCKET_LABELS[b]) for b in buckets], series)
        self._fill_aging(kind, rows)

    def _fill_aging(self, kind: str, rows: dict[str, dict[Bucket, Cell]]) -> None:
        t = self.aging_table
        keys = list(rows)
        t.setRowCount(len(keys) + 1)
        self._aging_keys = [*keys, None]
        for r, key in enumerate([*keys, None]):
            row = rows[key] if key is not None else None
            label = tr("Total") if key is None else (words(key) if kind == "status"
                                                     else _say(key))
            head = QTableWidgetItem(label)
            head.setToolTip(label)
            if key is None:
                f = head.font()
                f.setBold(True)
                head.setFont(f)
            t.setItem(r, 0, head)
            for c, b in enumerate([*Bucket, None], start=1):
                if key is None:
                    cell = (self.overview.claims.bucket_total(b) if b is not None
                            else self.overview.claims.total)
                else:
                    cell = row.get(b, Cell()) if b is not None else ClaimsAging.row_total(row)
                item = QTableWidgetItem(f"{number(cell.count)}\n"
                                        f"{money(cell.amount, currency=False)}"
                                        if cell.count else "–")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                t.setItem(r, c, item)
        t.resizeRowsToContents()

    def aging_figure(self, row: int, column: int) -> Figure | None:
        """The figure behind a cell of the aging table (None: the row labels)."""
        if column == 0 or self.overview is None:
            return None
        kind, _rows = self._stack_rows()
        key = self._aging_keys[row]
        bucket = list(Bucket)[column - 1] if column <= len(Bucket) else None
        if key is None:
            return Figure(FigureKind.CLAIMS, bucket=bucket)
        if kind == "status":
            return Figure(FigureKind.CLAIMS, status=key, bucket=bucket)
        return Figure(FigureKind.CLAIMS, payer=key, bucket=bucket)

    def _aging_clicked(self, row: int, column: int) -> None:
        figure = self.aging_figure(row, column)
        if figure is not None:
            self.open_rows(figure)

    def _claims_clicked(self, category: int, series: int) -> None:
        kind, rows = self._stack_rows()
        key = list(rows)[series]
        bucket = list(Bucket)[category]
        self.open_rows(Figure(FigureKind.CLAIMS, bucket=bucket, status=key)
                       if kind == "status" else
                       Figure(FigureKind.CLAIMS, bucket=bucket, payer=key))

    # ----------------------------------------------------------------------- revenue
    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        self._syncing_dates = True
        try:
            self.start_edit.setDate(_qdate(start))
            self.end_edit.setDate(_qdate(end))
        finally:
            self._syncing_dates = False

    def _preset_changed(self, preset: str) -> None:
        if self.overview is None or not preset or preset == "Custom":
            return
        start, end = preset_range(preset, self.overview.today)
        self._set_dates(start, end)
        self.load_revenue(start, end)

    def _dates_edited(self, _date: QDate) -> None:
        if self._syncing_dates or self.overview is None:
            return
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("Custom"))
        self.preset.blockSignals(False)
        start, end = self._range()
        if start is not None and end is not None and start <= end:
            self.load_revenue(start, end)

    def load_revenue(self, start: dt.date, end: dt.date) -> None:
        actor, service = self.ctx.actor, self.ctx.services.dashboard
        self.busy.start()

        def done(revenue: Revenue) -> None:
            self.busy.stop()
            self._show_revenue(revenue)
            self.revenue_loaded.emit(revenue)

        def failed(exc: BaseException) -> None:
            self.busy.stop()
            self.banner.set_message(message_for(exc), kind="error")

        self.ctx.ops.run(lambda: service.revenue(actor, start, end), on_success=done,
                         on_failure=failed, owner=self)

    def _show_revenue(self, revenue: Revenue) -> None:
        self.revenue = revenue
        days = revenue.days
        many = len(days) > 62
        series = [BarSeries(tr("{series} (below 0)").format(series=tr(SERIES_LABELS[s]))
                            if s is Series.REFUNDS else tr(SERIES_LABELS[s]),
                            [float(d.of(s)) * (-1 if s is Series.REFUNDS else 1)
                                      for d in days], SERIES_COLORS[s],
                            [money(d.of(s)) for d in days])
                  for s in Series]
        self.revenue_chart.empty_text = tr("No money in or out on these days.")
        self.revenue_chart.set_data([_short_day(d.day, many) for d in days], series)
        preset = self.preset.currentData() or "Custom"
        span = (tr(preset).lower() if preset != "Custom" else
                tr("{start} – {end}").format(start=i18n.date_text(revenue.start),
                                             end=i18n.date_text(revenue.end)))
        self.tile_copays.set_value(money(revenue.total(Series.COPAYS)), span)
        self.tile_insurer.set_value(money(revenue.total(Series.INSURER)), span)
        self.tile_refunds.set_value(money(revenue.total(Series.REFUNDS)), span)
        self.revenue_chart.title = tr("Revenue per day (AED) · net {amount}").format(
            amount=money(revenue.net))

    def _revenue_clicked(self, category: int, series: int) -> None:
        if self.revenue is None:
            return
        day = self.revenue.days[category].day
        self.open_rows(Figure(FigureKind.REVENUE, series=list(Series)[series], start=day,
                              end=day))

    def _open_series(self, series: Series) -> None:
        if self.revenue is None:
            return
        self.open_rows(Figure(FigureKind.REVENUE, series=series, start=self.revenue.start,
                              end=self.revenue.end))

    # --------------------------------------------------------------------- drill-down
    def open_rows(self, figure: Figure) -> DrillDialog:
        if self.drill is not None:
            self.drill.close()
        self.drill = DrillDialog(self.ctx, figure, self)
        self.drill.ask_export_path = self.ask_export_path
        self.drill.show()
        self.drill_opened.emit(self.drill)
        return self.drill


def _long_day(day: dt.date) -> str:
    """"Friday 04 December 2026" in English; in Arabic the weekday's name and the date in
    digits (no English month name)."""
    if not i18n.is_rtl():
        return f"{day:%A %d %B %Y}"
    return tr("{weekday} {date}").format(weekday=i18n.weekday_name(day),
                                         date=i18n.date_text(day))


def _boxed(main: QWidget, *controls: QWidget) -> Card:
    """A white card: an optional row of controls above ``main``."""
    box = Card()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(6, 6, 6, 6)
    if controls:
        bar = QHBoxLayout()
        for c in controls:
            bar.addWidget(c)
        bar.addStretch(1)
        lay.addLayout(bar)
    lay.addWidget(main, 1)
    return box


class DrillDialog(QDialog):
    """The rows behind one figure: 50 a page, more on request, CSV export."""

    page_loaded = Signal(object)
    """page_loaded(RowPage) — a page of rows was added to the table."""

    exported = Signal(object)
    """exported(ExportResult) — the CSV was written."""

    def __init__(self, ctx: AppContext, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figure = figure
        self.rows: list[tuple[Any, ...]] = []
        self.cursor: RowCursor | None = None
        self.ask_export_path = lambda name: ""
        self.setWindowTitle(_say(figure.title))
        self.resize(1000, 560)
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.status = QLabel(tr("Loading…"))
        self.more = QPushButton(tr("Load {count} more").format(count=number(50)))
        self.more.setEnabled(False)
        self.more.clicked.connect(self.load_more)
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.more)
        bar.addWidget(self.export_button)
        bar.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<b>" + _say(figure.title) + "</b>"))
        lay.addWidget(self.table, 1)
        lay.addLayout(bar)
        self.load_more()

    def load_more(self) -> None:
        self.more.setEnabled(False)
        actor, service = self.ctx.actor, self.ctx.services.dashboard
        figure, after = self.figure, self.cursor
        self.ctx.ops.run(lambda: service.rows(actor, figure, after), on_success=self._page,
                         on_failure=self._failed, owner=self)

    def _page(self, page: RowPage) -> None:
        if not self.rows:
            self.table.setColumnCount(len(page.columns))
            self.table.setHorizontalHeaderLabels([_say(c) for c in page.columns])
        tz = self.ctx.clinic_zone
        start = len(self.rows)
        self.rows.extend(page.rows)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(page.rows, start=start):
            for j, value in enumerate(row):
                item = QTableWidgetItem(_display(value, tz, j in page.money_columns))
                if j in page.money_columns or isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        if start == 0:
            self.table.resizeColumnsToContents()
        self.cursor = page.next_cursor
        self.more.setEnabled(self.cursor is not None)
        n = len(self.rows)
        if not n:
            self.status.setText(tr("No rows."))
        elif self.cursor:
            self.status.setText(tr("{count} rows shown; more to load").format(count=number(n)))
        else:
            self.status.setText(tr("{count} rows").format(count=number(n)))
        self.page_loaded.emit(page)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    def export_csv(self) -> None:
        name = (f"dashboard-{self.figure.kind.value.lower()}-"
                f"{self.ctx.clinic_today():%Y-%m-%d}.csv")
        path = self.ask_export_path(name)
        if not path:
            return
        actor, service, figure = self.ctx.actor, self.ctx.services.dashboard, self.figure
        self.export_button.setEnabled(False)
        self.status.setText(tr("Exporting…"))

        def done(result: Any) -> None:
            self.export_button.setEnabled(True)
            saved = (tr("Saved {rows} rows (the first {limit}) to {file}.") if result.truncated
                     else tr("Saved {rows} rows to {file}."))
            self.status.setText(saved.format(rows=number(result.rows), limit=number(10_000),
                                             file=result.path.name))
            self.exported.emit(result)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(message_for(exc))

        self.ctx.ops.mutate(lambda: service.export_csv(actor, figure, path), on_done=done,
                            on_failure=failed, owner=self)


def _display(value: Any, tz: Any, is_money: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return i18n.datetime_text(value.astimezone(tz) if tz else value)
    if isinstance(value, dt.date):
        return i18n.date_text(value)
    if is_money and isinstance(value, Decimal):
        return money(value, currency=False)
    if isinstance(value, str) and value.isupper() and value.replace("_", "").isalpha():
        return words(value)  # an enum's value: CHECKED_IN -> Checked in
    return str(value)

