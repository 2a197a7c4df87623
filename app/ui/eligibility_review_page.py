"""Eligibility review: appointments in a date range with their eligibility payload shown in
words, and an administrator's override (eligible / not eligible) with a mandatory reason,
audited (app/services/eligibility_review.py).

A standalone widget: it is its own page for now and becomes a tab of Claims & Payments.
Export CSV writes the listed appointments through the shared export flow
(app/ui/widgets/export_flow.py). Texts go through ``tr()``; dates through app/ui/i18n.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, number, tr
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.day_edit import day_edit, day_of
from app.ui.widgets.export_flow import ExportFlow, ExportTexts, ask_csv_path
from app.ui.widgets.paged_list import PagedListPage, select_row
from app.ui.widgets.reason_dialog import ask_reason
from app.ui.widgets.tables import read_only_table

PAGE_SIZE = 50
COLUMNS = [N_("When"), N_("Patient"), N_("Doctor"), N_("Visit"), N_("Eligibility"),
           N_("Source"), N_("Checked")]
COLOURS = {ReviewStatus.ELIGIBLE: "#047857", ReviewStatus.NOT_ELIGIBLE: "#b91c1c",
           ReviewStatus.NOT_CHECKED: "#57606a", ReviewStatus.OVERRIDDEN: "#6d28d9"}


# The appointment's own status, as the queue names it.
VISIT_LABELS = {"SCHEDULED": N_("Scheduled"), "CONFIRMED": N_("Confirmed"),
                "CHECKED_IN": N_("Checked in"),
                "IN_CONSULTATION": N_("In consultation"), "COMPLETED": N_("Completed"),
                "CANCELLED": N_("Cancelled"), "NO_SHOW": N_("No show")}


def _visit_label(value: str) -> str:
    return VISIT_LABELS.get(value) or value.replace("_", " ").title()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class EligibilityReviewPage(PagedListPage):
    loading_text = N_("Loading appointments…")

    overridden = Signal(object)
    """overridden(EligibilityReviewRow) — an override was saved here."""

    export_finished = Signal(object)
    """export_finished(ExportResult) — the CSV is written, or the export was cancelled."""

    export_failed = Signal(str)
    """export_failed(message) — nothing was written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PAGE_SIZE, parent)
        self.rows: list[EligibilityReviewRow] = []
        self.can_override = can(ctx.actor.role, Permission.OVERRIDE_ELIGIBILITY)
        self.ask_reason = lambda title, prompt: ask_reason(self, title, prompt,
                                                           ok_text=tr("Override"))
        # Tests replace the file dialog.
        self.ask_export_path = lambda name: ask_csv_path(
            self, tr("Export the eligibility review"), name)
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=400)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    def _build(self) -> None:
        title = QLabel(tr("Eligibility review"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        self.busy = BusyIndicator(tr(self.loading_text))
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setToolTip(tr("Save the appointments matching the filters, with "
                                         "their eligibility (up to {limit})").format(
                                             limit=number(10_000)))
        self.export_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)
        top.addWidget(self.export_button)
        intro = QLabel(tr("Appointments with the eligibility the last check gave them (DHA at "
                          "the desk, or OpenDental coverage). An administrator can override it "
                          "with a reason; the override is kept on the appointment and in the "
                          "insurance audit log."), objectName="Placeholder")
        intro.setWordWrap(True)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(tr("Eligibility"))
        self.status_filter.addItem(tr("Every status"), None)
        for st in ReviewStatus:
            self.status_filter.addItem(tr(LABELS[st]), st)
        self.status_filter.activated.connect(lambda _i: self.apply_filters())
        today = self.ctx.clinic_today()
        self.date_from = day_edit(today - dt.timedelta(days=7), tr("Appointments from"))
        self.date_to = day_edit(today + dt.timedelta(days=7), tr("Appointments to"))
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        filters = QHBoxLayout()
        for label, w in ((tr("Eligibility"), self.status_filter), (tr("From"), self.date_from),
                         (tr("to"), self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)

        self.banner = Banner()
        self.export_flow = ExportFlow(self, self.export_button, self.banner, ExportTexts(
            progress=tr("Exporting the eligibility review…"),
            one=tr("Exported 1 appointment to {path}."),
            many=tr("Exported {rows} appointments to {path}."),
            truncated=tr("Exported the first {rows} appointments to {path}; narrow the dates "
                         "to export the rest.")))
        self.export_flow.finished.connect(self.export_finished)
        self.export_flow.failed.connect(self.export_failed)
        self.table = read_only_table([tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(
            COLUMNS.index("Patient"), QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.payload = QTextBrowser()
        self.payload.setAccessibleName(tr("Eligibility payload"))
        if self.isRightToLeft():
            # A paragraph that starts with a Latin name would otherwise be laid out left to
            # right inside the Arabic window.
            option = self.payload.document().defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            self.payload.document().setDefaultTextOption(option)
        self.payload.setMinimumHeight(150)
        self.payload.setMaximumHeight(220)
        self.eligible_button = QPushButton(tr("Override: eligible…"))
        self.not_eligible_button = QPushButton(tr("Override: not eligible…"))
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

    def _dates_ok(self) -> bool:
        if day_of(self.date_from) > day_of(self.date_to):
            self.banner.set_message(tr("The date range ends before it starts; swap the dates."),
                                    kind="error")
            return False
        return True

    def apply_filters(self) -> None:
        if not self._dates_ok():
            return
        self.banner.clear_message()
        self.pages.reset()
        self.refresh()

    def _filters(self) -> dict[str, Any]:
        return {"date_from": day_of(self.date_from), "date_to": day_of(self.date_to),
                "status": self.status_filter.currentData()}

    def _fetch(self) -> Any:
        actor, svc = self.ctx.actor, self.ctx.services.eligibility_review
        kw = {**self._filters(), "page_size": PAGE_SIZE, "after": self.pages.cursor}
        return lambda: svc.list(actor, **kw)

    # ------------------------------------------------------------------------ export
    def export_csv(self) -> None:
        """The appointments of the filters on screen (not only this page), as a CSV file."""
        if self.export_flow.running or not self._dates_ok():
            return
        path = self.ask_export_path(f"eligibility-review-{self.ctx.clinic_today():%Y-%m-%d}.csv")
        actor, svc, kw = self.ctx.actor, self.ctx.services.eligibility_review, self._filters()
        self.export_flow.start(path, lambda state: svc.export_csv(actor, path, state=state,
                                                                  **kw))

    def cancel_export(self) -> None:
        self.export_flow.cancel()

    def _show_page(self, page: Any) -> None:
        keep = self.selected()
        self.rows = list(page.rows)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = (i18n.datetime_text(r.scheduled_start), f"{r.patient_name} ({r.mrn})",
                     r.doctor, tr(_visit_label(r.status.value)), tr(r.review_label),
                     r.source.replace("_", " ") or "—",
                     i18n.datetime_text(r.checked_at) if r.checked_at else "—")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == COLUMNS.index("Eligibility"):
                    item.setForeground(QColor(COLOURS[r.review]))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, j, item)
        first = self.pages.first_index
        self.page_label.setText(self.page_text())
        self.count_label.setText(
            tr("Appointments {first}–{last}, earliest first").format(
                first=number(first + 1), last=number(first + len(self.rows)))
            if self.rows else tr("No appointments match these filters."))
        again = next((i for i, r in enumerate(self.rows)
                      if keep and r.appointment_id == keep.appointment_id), 0)
        self.table.clearSelection()
        if self.rows:
            select_row(self.table, again)
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
            self.payload.setHtml("<i>" + _esc(tr("Select an appointment to read its "
                                                 "eligibility.")) + "</i>")
            return
        head = tr("{patient} — {when}, {department}: {verdict}").format(
            patient=f"<b>{_esc(r.patient_name)}</b>",
            when=i18n.datetime_text(r.scheduled_start), department=_esc(r.department),
            verdict=f"<b style='color:{COLOURS[r.review]}'>{_esc(tr(r.review_label))}</b>")
        lines = [(tr(k), i18n.render(v)) for k, v in r.payload_lines()] or [
            (tr("Payload"), tr("nothing recorded yet (not checked)"))]
        # The gap between label and value on the reading side: right-to-left puts the
        # label on the right.
        pad = "padding-left" if i18n.is_rtl() else "padding-right"
        rows = "".join(f"<tr><td style='color:#57606a; {pad}:10px'>{_esc(k)}</td>"
                       f"<td>{_esc(v)}</td></tr>" for k, v in lines)
        self.payload.setHtml("<p>" + head + "</p><table>" + rows + "</table>")

    def override(self, eligible: bool) -> None:
        r = self.selected()
        if r is None:
            return
        title = tr("Override: eligible") if eligible else tr("Override: not eligible")
        prompt = (tr("Mark the appointment of {patient} on {day} eligible (it is now {now}). "
                     "Why? The reason goes into the insurance audit log.") if eligible else
                  tr("Mark the appointment of {patient} on {day} not eligible (it is now "
                     "{now}). Why? The reason goes into the insurance audit log."))
        reason = self.ask_reason(title, prompt.format(
            patient=r.patient_name, day=i18n.date_text(r.scheduled_start.date()),
            now=tr(r.review_label).lower()))
        if not reason:
            return
        actor, svc = self.ctx.actor, self.ctx.services.eligibility_review

        def done(result: Any) -> None:
            done_text = (tr("{patient}'s appointment is now eligible (overridden); the audit "
                            "log has the reason.") if eligible else
                         tr("{patient}'s appointment is now not eligible (overridden); the "
                            "audit log has the reason."))
            self.banner.set_message(done_text.format(patient=r.patient_name), kind="success")
            self.overridden.emit(result.row)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.banner.set_message(message_for(exc), kind="error")

        self.ctx.ops.mutate(
            lambda: svc.override(actor, r.appointment_id, eligible=eligible, reason=reason),
            on_done=done, on_failure=failed, owner=self)
