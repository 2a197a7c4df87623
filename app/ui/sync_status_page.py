"""Sync status page: per background job (and OpenDental connection) when it last ran and last
succeeded, rows read and written, its watermark, the last error, when it runs next and whether
it is running now; "Sync now" for administrators.

Reads come from ``SyncStatusService.status`` and "Sync now" calls ``run_now`` (the job runs
under its advisory lock, so a run already going on another workstation is reported, not
doubled). Both go through ``ctx.ops``, never on the GUI thread; the sync runs on the network
pool, so the table keeps refreshing (every 15 s and on every change notification touching
``sync_states``) and shows it running.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Permission, can
from app.services.changes import Changes
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, digits, is_rtl, number, tr
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.tables import read_only_table

REFRESH_MS = 15_000
COLUMNS = (N_("Job"), N_("Connection"), N_("State"), N_("Last run"), N_("Last success"),
           N_("Read"), N_("Written"), N_("Watermark"), N_("Next run"), N_("Last error"))
_ERROR_COL = len(COLUMNS) - 1
# The sync jobs' labels (app/sync/: each Job's label), marked here so that this screen's
# catalogue holds their Arabic; shown with tr(). A job not listed shows its English label.
_CATALOGUE = (
    N_("Heartbeat (activity log)"), N_("DHA eligibility refresh (today and tomorrow)"),
    N_("Upcoming appointments (next 7 days)"), N_("Today's appointments"),
    N_("Completed appointments and procedures (last 7 days)"),
    N_("Eligibility (OpenDental coverage)"), N_("Claim status"), N_("Payment posting"),
)
_RED, _GREEN, _BLUE = "#b42318", "#1a7f37", "#0969da"


def _when(value: dt.datetime | None, tz: ZoneInfo | None = None, *, empty: str = "—") -> str:
    """The clinic's wall-clock time (`tz`, the hospital's zone), as on receipts, sessions and
    the watermarks beside it; the computer's zone only when nobody is signed in."""
    if value is None:
        return empty
    local = value.astimezone(tz)
    today = dt.datetime.now(tz).astimezone(tz).date()
    if local.date() == today:
        return digits(local.strftime("%H:%M:%S"))
    if is_rtl():  # "%b" is an English month name: day/month in numbers instead
        return digits(local.strftime("%d/%m %H:%M"))
    return local.strftime("%d %b %H:%M")


def _state(status: Any) -> tuple[str, str]:
    if status.running:
        return tr("Running"), _BLUE
    if status.last_run_at is None:
        return tr("Never run"), "#57606a"
    if status.last_error:
        return tr("Failed"), _RED
    return tr("OK"), _GREEN


def _run_line(label: str, where: str, run: Any) -> str:
    job = label + where
    if not run.ran:
        return tr("{job}: skipped, it is running on another workstation.").format(job=job)
    read, written = number(run.rows_read or 0), number(run.rows_written or 0)
    if isinstance(run.seconds, float):
        head = tr("{job}: {read} rows read, {written} written in {seconds} s").format(
            job=job, read=read, written=written, seconds=number(run.seconds, 1))
    else:
        head = tr("{job}: {read} rows read, {written} written").format(
            job=job, read=read, written=written)
    if run.error:
        return tr("{summary}; FAILED: {error}").format(summary=head, error=run.error)
    return tr("{summary}.").format(summary=head)


def _result_text(label: str, result: Any, connection: str | None = None) -> tuple[str, str]:
    """One sentence per run and a banner kind for a JobRunResult."""
    runs = result.runs
    if not runs:
        return tr("{job}: nothing to run (no active OpenDental connection).").format(
            job=label), "warning"
    where = f" — {connection}" if connection and len(runs) == 1 else ""
    lines = [_run_line(label, where, r) for r in runs]
    if is_rtl():  # a right-to-left mark: the job's Latin name must not turn the line around
        lines = ["\u200f" + line for line in lines]
    if any(r.error for r in runs if r.ran):
        return "\n".join(lines), "error"
    if not any(r.ran for r in runs):
        return "\n".join(lines), "warning"
    return "\n".join(lines), "success"


class SyncStatusPage(QWidget):
    loaded = Signal(object)
    """loaded(statuses: list[JobStatus]) — the table was (re)filled."""

    sync_finished = Signal(object)
    """sync_finished(result: JobRunResult | BaseException) — a "Sync now" run ended."""

    def __init__(self, ctx: AppContext, *, refresh_ms: int = REFRESH_MS) -> None:
        super().__init__()
        self.ctx = ctx
        self._statuses: list = []
        self._loading = False
        self._running_job: str | None = None
        self._sync_text = ""
        self._can_run = can(ctx.actor.role, Permission.RUN_SYNC)

        title = QLabel("<h2>{}</h2>".format(tr("Sync status")))
        intro = QLabel(tr("What the background sync has done for each OpenDental job: one "
                          "workstation runs each job at a time. Refreshes every {seconds} s.")
                       .format(seconds=number(refresh_ms // 1000)),
                       wordWrap=True, objectName="Placeholder")
        self.banner = Banner()
        self.banner.setAccessibleName(tr("Sync result"))
        self.busy = BusyIndicator(tr("Loading…"), width=260)

        self.table = read_only_table([tr(c) for c in COLUMNS])
        self.table.setWordWrap(False)
        self.table.setAccessibleName(tr("Sync jobs"))
        header = self.table.horizontalHeader()
        # long texts get a fixed width (elided, full text in the tooltip) so the last error
        # keeps the rest of the row
        for col, width in ((0, 200), (1, 170), (7, 120)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(_ERROR_COL, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.sync_now = QPushButton(tr("Sync now"))
        self.sync_now.setProperty("primary", True)
        self.sync_now.setToolTip(tr("Run the selected job now on this workstation"))
        if not self._can_run:  # never setVisible(True) before the layout has a parent: it
            self.sync_now.hide()  # would open as a window of its own (focus stolen)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.error_detail = QLabel(wordWrap=True)
        self.error_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_detail.setAccessibleName(tr("Last error of the selected job"))

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.refresh_button)
        top.addWidget(self.sync_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_detail)

        self.refresh_button.clicked.connect(self.refresh)
        self.sync_now.clicked.connect(self._sync_now)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        ctx.bus.data_changed.connect(self._on_changes)
        self.timer = QTimer(self, interval=refresh_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._update_buttons()
        if self._can_run:
            # The result of Sync now appears in this strip; shown from the start, it does not
            # push the table down under the pointer when the first result arrives.
            self.banner.set_message(tr("Select a job and press Sync now to run it on this "
                                       "workstation."), kind="neutral")
        self.refresh()

    # -- loading --
    def refresh(self) -> None:
        if self._loading:
            return
        svc, actor = getattr(self.ctx.services, "sync_status", None), self.ctx.actor
        if svc is None:  # a build without the OpenDental sync
            self.banner.set_message(
                tr("The OpenDental sync is not part of this installation."), kind="warning")
            return
        self._loading = True
        self.busy.start(self._sync_text or tr("Loading…"))  # a running sync keeps its words

        def done(statuses: list) -> None:
            self._loading = False
            self.busy.stop()
            self._fill(statuses)
            self.loaded.emit(statuses)

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.busy.stop()
            self.banner.set_message(message_for(exc), kind="error")

        self.ctx.ops.run(lambda: svc.status(actor), on_success=done, on_failure=failed,
                         owner=self)

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("sync_states"):
            self.refresh()

    def _key(self, status: Any) -> tuple[str, int | None]:
        return status.job_name, status.connection_id

    def _fill(self, statuses: list) -> None:
        selected = self.selected()
        keep = self._key(selected) if selected is not None else None
        self._statuses = list(statuses)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._statuses))
        chosen = -1
        tz = self.ctx.clinic_zone
        for row, s in enumerate(self._statuses):
            state, colour = _state(s)
            connection = (s.connection_name
                          or (f"#{s.connection_id}" if s.connection_id
                              else tr("Hospital-wide")))
            if s.simulated and "SIMULATED" not in connection:
                connection = tr("{connection} (SIMULATED)").format(connection=connection)
            error = (s.last_error or "").splitlines()[0] if s.last_error else ""
            never = tr("never")
            # job labels are the sync registry's (English unless its catalogue has them)
            cells = (tr(s.label) if s.label else s.job_name, connection, state,
                     _when(s.last_run_at, tz, empty=never),
                     _when(s.last_success_at, tz, empty=never), number(s.rows_read or 0),
                     number(s.rows_written or 0), s.watermark or "—",
                     _when(s.next_run_at, tz), error)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 1, 7):
                    item.setToolTip(text)
                if col in (0, 8) and s.cadence:
                    item.setToolTip(tr("{text} — runs {cadence}").format(text=text,
                                                                          cadence=s.cadence))
                if col in (5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight  # mirrored in Arabic
                                          | Qt.AlignmentFlag.AlignVCenter)
                if col == 2:
                    item.setForeground(Qt.GlobalColor.white)
                    item.setBackground(_qcolor(colour))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if col == _ERROR_COL and s.last_error:
                    item.setToolTip(s.last_error)
                    item.setForeground(_qcolor(_RED))
                self.table.setItem(row, col, item)
            if keep is not None and self._key(s) == keep:
                chosen = row
        self.table.blockSignals(False)
        if chosen >= 0:
            self.table.selectRow(chosen)
        elif self._statuses and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._selection_changed()

    # -- selection and buttons --
    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._statuses):
            return None
        return self._statuses[rows[0].row()]

    def _selection_changed(self) -> None:
        status = self.selected()
        if status is not None and status.last_error:
            job = tr(status.label) if status.label else status.job_name
            # .format, not an f-string: the i18n lint would read the markup as English
            self.error_detail.setText("<span style='color:{colour}'><b>{job}:</b> {error}</span>"  # noqa: UP032
                                      .format(colour=_RED, job=html.escape(job),
                                              error=html.escape(status.last_error)))
        else:
            self.error_detail.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self.selected()
        self.sync_now.setEnabled(self._can_run and status is not None
                                 and self._running_job is None
                                 and not status.running)

    # -- sync now --
    def _sync_now(self) -> None:
        status = self.selected()
        if status is None or self._running_job is not None:
            return
        label = tr(status.label) if status.label else status.job_name
        self._running_job = status.job_name
        self._update_buttons()
        self._sync_text = tr("Syncing {job}…").format(job=label)
        self.busy.start(self._sync_text)
        self.banner.set_message(tr("Running {job} now… the table keeps refreshing while it "
                                   "runs.").format(job=label), kind="info")
        svc, actor = self.ctx.services.sync_status, self.ctx.actor
        connection_id, job = status.connection_id, status.job_name

        def finished() -> None:
            self._running_job = None
            self._sync_text = ""
            self.busy.stop()
            self._update_buttons()

        def done(result: Any) -> None:
            finished()
            text, kind = _result_text(label, result, status.connection_name)
            self.banner.set_message(text, kind)
            self.ctx.bus.publish(result.changes)  # other screens redraw; this one refreshes too
            if not result.changes.touches("sync_states"):
                self.refresh()
            self.sync_finished.emit(result)

        def failed(exc: BaseException) -> None:
            finished()
            self.banner.set_message(tr("{job}: {error}").format(job=label,
                                                                 error=message_for(exc)), kind="error")
            self.refresh()
            self.sync_finished.emit(exc)

        self.ctx.ops.run(lambda: svc.run_now(actor, job, connection_id=connection_id), on_success=done,
                         on_failure=failed, owner=self, pool="net")
        self.refresh()  # shows it running as soon as the job has taken its lock


def _qcolor(hex_colour: str):
    from PySide6.QtGui import QColor

    return QColor(hex_colour)


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(SyncStatusPage, title=tr("Sync status")))
