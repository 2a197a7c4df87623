"""The one CSV export flow of the billing office's lists (claims, insurance payments,
reconciliation, eligibility review, activity log): a progress dialog whose Cancel stops the
export between batches, the button disabled while it runs, and the outcome on the page's
banner. Before it each page had its own copy of these ~70 lines (a review finding).

The page asks for the file itself (``ask_export_path``, which tests replace) and hands the
flow the service call; the call runs off the GUI thread through ``ctx.ops`` with a
:class:`~app.ui.widgets.task_state.QtTaskState` whose progress is queued back to the dialog. The
service writes through app/services/csv_export.py (formula-safe cells, atomic file).

    self.export_flow = ExportFlow(self, self.export_button, self.banner, ExportTexts(
        progress=tr("Exporting the claims…"), one=tr("Exported 1 claim to {path}."),
        many=tr("Exported {rows} claims to {path}."),
        truncated=tr("Exported the first {rows} claims to {path}; narrow the filters …")))
    self.export_flow.finished.connect(self.export_finished)
    ...
    self.export_flow.start(path, lambda state: svc.export_csv(actor, filters, path, state))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget

from app.domain.errors import DomainError
from app.services.csv_export import ExportResult
from app.ui.errors import message_for, show_error
from app.ui.i18n import number, tr
from app.ui.widgets.banner import Banner
from app.ui.widgets.task_state import QtTaskState

__all__ = ["ExportFlow", "ExportTexts", "ask_csv_path"]


@dataclass(frozen=True)
class ExportTexts:
    """What the flow says, already translated by the page (whole sentences: ``{rows}`` and
    ``{path}`` are filled in here)."""

    progress: str
    one: str
    many: str
    truncated: str


def ask_csv_path(parent: QWidget, title: str, name: str) -> str:
    """The save-file dialog every export uses, in the user's home folder."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name),
                                          tr("CSV files (*.csv)"))
    return path


class ExportFlow(QObject):
    finished = Signal(object)
    """finished(ExportResult) — the CSV is written, or the export was cancelled."""

    failed = Signal(str)
    """failed(message) — nothing was written; the message is on the banner."""

    def __init__(self, page: QWidget, button: QPushButton, banner: Banner,
                 texts: ExportTexts) -> None:
        super().__init__(page)
        self._page = page
        self._button = button
        self._banner = banner
        self._texts = texts
        self.state: QtTaskState | None = None
        self.dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self.state is not None

    def start(self, path: str, call: Callable[[QtTaskState], ExportResult]) -> None:
        """Run ``call(state)`` off the GUI thread; a second start while one runs is ignored."""
        if self.state is not None or not path:
            return
        state = QtTaskState()
        state.progressed.connect(self._progress)  # a slot of ours: queued onto the GUI thread
        self.state = state
        dialog = QProgressDialog(self._texts.progress, tr("Cancel"), 0, 1000, self._page)
        dialog.setWindowTitle(tr("Export CSV"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a quick export never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(state.cancel)
        dialog.setValue(0)
        self.dialog = dialog
        self._button.setEnabled(False)
        self._banner.set_message(self._texts.progress, kind="info")
        self._page.ctx.ops.run(lambda: call(state), on_success=self._done,
                               on_failure=self._failed, owner=self._page)

    def cancel(self) -> None:
        """What the dialog's Cancel does (QProgressDialog.cancel() emits nothing)."""
        if self.state is not None:
            self.state.cancel()

    @Slot(float)
    def _progress(self, fraction: float) -> None:
        if self.dialog is not None and not self.dialog.wasCanceled():
            self.dialog.setValue(int(fraction * 1000))

    def _end(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.state = None
        self._button.setEnabled(True)

    def _done(self, result: Any) -> None:
        self._end()
        if result.cancelled:
            self._banner.set_message(tr("Export cancelled; no file was written."), kind="warning")
        else:
            text = (self._texts.truncated if result.truncated
                    else self._texts.one if result.rows == 1 else self._texts.many)
            self._banner.set_message(text.format(rows=number(result.rows), path=result.path),
                                     kind="warning" if result.truncated else "success")
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        message = message_for(exc)
        if isinstance(exc, DomainError):
            self._banner.set_message(message, kind="error")
        else:  # unexpected: the report dialog with the details
            self._banner.clear_message()
            show_error(self._page, exc)
        self.failed.emit(message)
