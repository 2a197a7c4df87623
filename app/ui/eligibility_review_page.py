"""Eligibility review: appointments in a date range with their eligibility payload shown in
words, and an administrator's override (eligible / not eligible) with a mandatory reason,
audited (app/services/eligibility_review.py).

A standalone widget: it is its own page for now and becomes a tab of Claims & Payments.
"""
# i18n: pending

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.eligibility_review import LABELS, ReviewStatus
from app.domain.roles import Permission, can
from app.services.changes import Changes
from app.services.eligibility_review import EligibilityReviewRow
from app.ui.context import AppContext
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.day_edit import day_edit, day_of
from app.ui.widgets.paged_list import PagedListPage
from app.ui.widgets.reason_dialog import ask_reason
from app.ui.widgets.tables import read_only_table

PAGE_SIZE = 50
COLUMNS = ["When", "Patient", "Doctor", "Visit", "Eligibility", "Source", "Checked"]
COLOURS = {ReviewStatus.ELIGIBLE: "#047857", ReviewStatus.NOT_ELIGIBLE: "#b91c1c",
           ReviewStatus.NOT_CHECKED: "#57606a", ReviewStatus.OVERRIDDEN: "#6d28d9"}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class EligibilityReviewPage(PagedListPage):
    loading_text = "Loading appointments…"

    overridden = Signal(object)
    """overridden(EligibilityReviewRow) — an override was saved here."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.rows: list[EligibilityReviewRow] = []
        self.can_override = can(ctx.actor.role, Permission.OVERRIDE_ELIGIBILITY)
        self.ask_reason = lambda title, prompt: ask_reason(self, title, prompt,
                                                           ok_text="Override")
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=400)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    def _build(self) -> None:
        title = QLabel("Eligibility review")
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.busy = BusyIndicator(self.loading_text)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        intro = QLabel("Appointments with the eligibility the last check gave them (DHA at the "
                       "desk, or OpenDental coverage). An administrator can override it with a "
                       "reason; the override is kept on the appointment and in the insurance "
                       "audit log.", objectName="Placeholder")
        intro.setWordWrap(True)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Eligibility")
        self.status_filter.addItem("Every status", None)
        for st in ReviewStatus:
            self.status_filter.addItem(LABELS[st], st)
        self.status_filter.activated.connect(lambda _i: self.apply_filters())
        today = dt.date.today()
        self.date_from = day_edit(today - dt.timedelta(days=7), "Appointments from")
        self.date_to = day_edit(today + dt.timedelta(days=7), "Appointments to")
        self.apply_button = QPushButton("Apply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        filters = QHBoxLayout()
        for label, w in (("Eligibility", self.status_filter), ("From", self.date_from),
                         ("to", self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)

        self.banner = Banner()
        self.table = read_only_table(COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(
            COLUMNS.index("Patient"), QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.payload = QTextBrowser()
        self.payload.setAccessibleName("Eligibility payload")
        self.payload.setMinimumHeight(150)
        self.payload.setMaximumHeight(220)
        self.eligible_button = QPushButton("Override: eligible…")
        self.not_eligible_button = QPushButton("Override: not eligible…")
        self.eligible_button.clicked.connect(lambda: self.override(True))
        self.not_eligible_button.clicked.connect(lambda: self.override(False))
        side = QVBoxLayout()
        for b in (self.eligible_button, self.not_eligible_button):
            if not self.can_override:  # never show() a parentless button: it opens as a window
                b.hide()
            b.setEnabled(False)
            side.addWidget(b)
        side.addStretch(1)
        detail = QFrame()
        dl = QHBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.payload, 1)
        dl.addLayout(side)

        pages = QHBoxLayout()
        self.count_label = QLabel("", objectName="Status")
        pages.addWidget(self.count_label)
        pages.addStretch(1)
        self._add_page_buttons(pages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(detail)
        layout.addLayout(pages)

    def apply_filters(self) -> None:
        if day_of(self.date_from) > day_of(self.date_to):
            self.banner.set_message("The date range ends before it starts; swap the dates.",
                                    "error")
            return
        self.banner.clear_message()
        self.pages.reset()
        self.refresh()

    def _fetch(self) -> Any:
        actor, svc = self.ctx.actor, self.ctx.services.eligibility_review
        kw = {"date_from": day_of(self.date_from), "date_to": day_of(self.date_to),
              "status": self.status_filter.currentData(), "page_size": PAGE_SIZE,
              "after": self.pages.cursor}
        return lambda: svc.list(actor, **kw)

    def _show_page(self, page: Any) -> None:
        keep = self.selected()
        self.rows = list(page.rows)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = (r.scheduled_start.strftime("%d %b %H:%M"), f"{r.patient_name} ({r.mrn})",
                     r.doctor, r.status.value.replace("_", " ").title(), r.review_label,
                     r.source.replace("_", " ") or "—",
                     r.checked_at.strftime("%d %b %H:%M") if r.checked_at else "—")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == COLUMNS.index("Eligibility"):
                    item.setForeground(QColor(COLOURS[r.review]))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, j, item)
        first = self.pages.first_index
        self.page_label.setText(f"Page {self.pages.number}")
        self.count_label.setText(
            f"Appointments {first + 1}–{first + len(self.rows)}, earliest first"
            if self.rows else "No appointments match these filters.")
        again = next((i for i, r in enumerate(self.rows)
                      if keep and r.appointment_id == keep.appointment_id), 0)
        self.table.clearSelection()
        if self.rows:
            self.table.selectRow(again)
        self._selection_changed()  # also when the same row index holds another visit

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("appointments"):
            self._refresh_timer.start()

    def selected(self) -> EligibilityReviewRow | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked and picked[0].row() < len(self.rows) else None

    def _selection_changed(self) -> None:
        r = self.selected()
        for b in (self.eligible_button, self.not_eligible_button):
            b.setEnabled(r is not None)
        if r is None:
            self.payload.setHtml("<i>Select an appointment to read its eligibility.</i>")
            return
        head = (f"<b>{_esc(r.patient_name)}</b> — {r.scheduled_start:%d %b %Y %H:%M}, "
                f"{_esc(r.department)}: <b style='color:{COLOURS[r.review]}'>"
                f"{r.review_label}</b>")
        lines = r.payload_lines() or [("Payload", "nothing recorded yet (not checked)")]
        rows = "".join(f"<tr><td style='color:#57606a; padding-right:10px'>{_esc(k)}</td>"
                       f"<td>{_esc(v)}</td></tr>" for k, v in lines)
        self.payload.setHtml(f"<p>{head}</p><table>{rows}</table>")

    def override(self, eligible: bool) -> None:
        r = self.selected()
        if r is None:
            return
        verdict = "eligible" if eligible else "not eligible"
        reason = self.ask_reason(
            f"Override: {verdict}",
            f"Mark the appointment of {r.patient_name} on {r.scheduled_start:%d %b %Y} "
            f"{verdict} (it is now {r.review_label.lower()}). Why? The reason goes into the "
            "insurance audit log.")
        if not reason:
            return
        actor, svc = self.ctx.actor, self.ctx.services.eligibility_review

        def done(result: Any) -> None:
            self.banner.set_message(f"{r.patient_name}'s appointment is now {verdict} "
                                    "(overridden); the audit log has the reason.", "success")
            self.overridden.emit(result.row)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.banner.set_message(getattr(exc, "message", str(exc)), "error")

        self.ctx.ops.mutate(
            lambda: svc.override(actor, r.appointment_id, eligible=eligible, reason=reason),
            on_done=done, on_failure=failed, owner=self)
