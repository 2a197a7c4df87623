"""The Insurance Audit screen on the demo clinic: badges, filters, keyset paging, CSV export
in the background with progress and cancel."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QPushButton

from app.domain.enums import AuditAction
from app.services import audit as audit_mod
from app.ui.audit_window import AuditWindow, QtTaskState
from app.ui.models.audit_model import BADGE_ROLE, GREEN, ORANGE, RED, YELLOW, Col, action_colors


@pytest.fixture
def window(ctx, sign_in, qtbot):
    sign_in("accountant")
    w = AuditWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    qtbot.waitUntil(lambda: not ctx.ops.busy and w.model.rowCount() > 0, timeout=15_000)
    return w


def _apply(w, qtbot):
    with qtbot.waitSignal(w.page_loaded, timeout=10_000):
        w.apply_filters()


def test_loads_newest_first_with_coloured_action_badges(window):
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    assert len(rows) == 50 and window.next_button.isEnabled()
    assert not window.prev_button.isEnabled()
    times = [r.performed_at for r in rows]
    assert times == sorted(times, reverse=True)
    i = next(i for i, r in enumerate(rows) if r.action is AuditAction.COPAY_COLLECTED)
    assert window.model.index(i, Col.ACTION).data(BADGE_ROLE) == GREEN
    assert window.model.index(i, Col.ACTION).data() == "Copay Collected"
    assert window.model.index(i, Col.DETAILS).data().startswith("AED ")
    assert action_colors(AuditAction.COPAY_WAIVED) == YELLOW
    assert action_colors(AuditAction.PREAUTH_OVERRIDE) == ORANGE
    assert action_colors(AuditAction.CONVERT_TO_SELFPAY) == RED


def test_filter_by_actions(window, qtbot):
    chosen = frozenset({AuditAction.COPAY_WAIVED, AuditAction.PREAUTH_OVERRIDE})
    window.actions.set_selected(chosen)
    assert window.actions.text() == "2 actions"
    _apply(window, qtbot)
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    assert rows and {r.action for r in rows} <= chosen


def test_filter_by_patient_mrn(window, qtbot):
    mrn = next(window.model.row_at(i).mrn for i in range(window.model.rowCount())
               if window.model.row_at(i).mrn)
    window.patient.setText(mrn)
    _apply(window, qtbot)
    assert {window.model.row_at(i).mrn for i in range(window.model.rowCount())} == {mrn}


def test_reversed_dates_are_explained(window, qtbot):
    window.use_from.setChecked(True)
    window.use_to.setChecked(True)
    window.date_from.setDate(QDate(2026, 3, 2))
    window.date_to.setDate(QDate(2026, 3, 1))
    window.apply_filters()
    assert window.banner.text() == "The start date is after the end date."
    assert window.current_filters().date_from == dt.date(2026, 3, 2)


def test_next_and_previous_pages(window, qtbot):
    first = [window.model.row_at(i).id for i in range(window.model.rowCount())]
    with qtbot.waitSignal(window.page_loaded, timeout=10_000):
        window.next_button.click()
    second = [window.model.row_at(i).id for i in range(window.model.rowCount())]
    assert second and not set(first) & set(second) and max(second) < max(first) + 10**9
    assert window.page_label.text() == "Page 2" and window.prev_button.isEnabled()
    with qtbot.waitSignal(window.page_loaded, timeout=10_000):
        window.prev_button.click()
    assert [window.model.row_at(i).id for i in range(window.model.rowCount())] == first


def test_export_csv_in_the_background(window, qtbot, tmp_path):
    target = tmp_path / "audit.csv"
    window.ask_export_path = lambda name: str(target)
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as done:
        window.export_button.click()
        assert window.progress_dialog is not None  # shown while it runs
    result = done.args[0]
    assert not result.cancelled and result.rows > 50
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["Date/Time", "Action", "Patient Name"]
    assert len(rows) == result.rows + 1
    assert window.progress_dialog is None and window.export_button.isEnabled()
    assert "Exported" in window.banner.text()


def test_export_can_be_cancelled(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(audit_mod, "EXPORT_BATCH", 1)  # many batches: time to cancel
    target = tmp_path / "audit.csv"
    window.ask_export_path = lambda name: str(target)
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as done:
        window.export_csv()
        # the dialog's own Cancel button, as the user presses it
        window.progress_dialog.findChild(QPushButton).click()
    assert done.args[0].cancelled
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in window.banner.text()


def test_export_to_an_unwritable_folder_says_so(window, qtbot, tmp_path):
    from tests.services.test_audit import _locked_folder

    folder = _locked_folder(tmp_path)
    window.ask_export_path = lambda name: str(folder / "audit.csv")
    with qtbot.waitSignal(window.export_failed, timeout=20_000) as failed:
        window.export_csv()
    assert "not allowed to save files" in failed.args[0]
    assert window.banner.kind == "error" and window.export_button.isEnabled()


def test_task_state_progress_arrives_on_the_gui_thread(qtbot):
    import threading

    state = QtTaskState()
    seen: list[tuple[float, bool]] = []
    main = threading.get_ident()

    class Sink(QtTaskState):  # any QObject living on the GUI thread will do
        def take(self, value: float) -> None:
            seen.append((value, threading.get_ident() == main))

    sink = Sink()
    state.progressed.connect(sink.take)
    worker = threading.Thread(target=lambda: [state.progress(x / 4) for x in range(5)])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=5_000)
    assert all(on_gui for _, on_gui in seen) and seen[-1][0] == 1.0
    assert not state.cancelled()
    state.cancel()
    assert state.cancelled()
