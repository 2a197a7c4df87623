"""The OPD queue page: live updates from another workstation in place (no model reset, the
selection kept), buttons per role and status, filters and search, vitals, start, complete."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from app.ui.app import DeskController
from app.ui.models.queue_model import Col
from app.ui.queue_window import QueueWindow
from app.ui.vitals_dialog import VitalsDialog


def _window(ctx, qtbot, idle) -> QueueWindow:
    window = QueueWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    idle(ctx)
    return window


def _pending(window: QueueWindow):
    return [r for r in window.model.rows()
            if r.status.value in ("SCHEDULED", "CONFIRMED") and r.copay_status.value == "PENDING"]


def test_check_in_on_workstation_a_appears_on_b_within_a_second_without_reset(
        ctx, second_ctx, sign_in, qtbot, idle):
    sign_in("reception")
    sign_in("reception", context=second_ctx)
    # Workstation B: the queue page with the NOTIFY listener, as the desktop app starts it.
    controller_b = DeskController(second_ctx)
    controller_b._start_listener()
    assert second_ctx.listeners[0].wait_ready(5)
    window_b = _window(second_ctx, qtbot, idle)

    pending = _pending(window_b)
    kept, moving = pending[0], pending[1]
    assert window_b.select_appointment(kept.appointment_id, tab="today")
    resets: list[int] = []
    window_b.model.modelReset.connect(lambda: resets.append(1))
    window_b.today_proxy.modelReset.connect(lambda: resets.append(1))

    # Workstation A settles the copay and checks the patient in through its own services.
    a_services, a_actor = ctx.services, ctx.actor
    a_services.copay.defer(a_actor, moving.appointment_id)
    result = a_services.queue.check_in(a_actor, moving.appointment_id)
    committed = time.perf_counter()

    def arrived() -> bool:
        row = window_b.model.row_for(moving.appointment_id)
        return row is not None and row.status.value == "CHECKED_IN"

    qtbot.waitUntil(arrived, timeout=1_000)
    latency = time.perf_counter() - committed
    assert latency < 1.0
    row = window_b.model.row_for(moving.appointment_id)
    assert row.token_number == result.token_number
    assert resets == []
    assert window_b.selected_row().appointment_id == kept.appointment_id
    assert window_b.today_proxy.proxy_row_of(moving.appointment_id) is None  # left Today
    assert window_b.live_proxy.proxy_row_of(moving.appointment_id) is not None  # joined Live


def test_update_of_one_row_emits_data_changed_for_that_row_only(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    target = _pending(window)[0]
    position = window.model.position_of(target.appointment_id)
    changed: list[tuple[int, int]] = []
    window.model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    ctx.services.copay.defer(ctx.actor, target.appointment_id)
    from app.services.changes import Changes

    with qtbot.waitSignal(window.rows_updated, timeout=5_000) as updated:
        ctx.bus.publish(Changes.of(appointments={target.appointment_id}))
    assert updated.args[0] == [target.appointment_id]
    assert changed == [(position, position)]
    proxy = window.today_proxy
    shown = proxy.proxy_row_of(target.appointment_id)
    assert proxy.index(shown, Col.COPAY).data() == "Deferred"


def test_roles_see_only_their_buttons(ctx, sign_in, qtbot, idle):
    sign_in("nurse")
    window = _window(ctx, qtbot, idle)
    assert window.check_in_button.isHidden()  # nurses do not check in
    window.tabs.setCurrentIndex(1)
    assert window.vitals_button.isVisible()
    assert window.start_button.isHidden() and window.complete_button.isHidden()
    assert "Ctrl+Shift+V" in window.vitals_button.toolTip()

    sign_in("doctor")
    doctor_window = _window(ctx, qtbot, idle)
    doctor_window.tabs.setCurrentIndex(1)
    assert doctor_window.start_button.isVisible() and doctor_window.complete_button.isVisible()
    assert doctor_window.vitals_button.isHidden()
    assert "Ctrl+Shift+S" in doctor_window.start_button.toolTip()
    assert "Ctrl+Shift+C" in doctor_window.complete_button.toolTip()


def test_buttons_follow_the_selected_rows_status(ctx, sign_in, qtbot, idle):
    sign_in("admin")
    window = _window(ctx, qtbot, idle)
    window.tabs.setCurrentIndex(1)
    rows = window.model.rows()
    awaiting = next(r for r in rows if r.status.value == "CHECKED_IN")
    consulting = next(r for r in rows if r.status.value == "IN_CONSULTATION")
    window.select_appointment(awaiting.appointment_id)
    assert window.vitals_button.isEnabled() and window.start_button.isEnabled()
    assert not window.complete_button.isEnabled()
    window.select_appointment(consulting.appointment_id)
    assert window.complete_button.isEnabled() and not window.start_button.isEnabled()


def test_filters_and_search(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    proxy = window.today_proxy
    total = proxy.rowCount()
    some = _pending(window)[0]
    window.search.setText(some.mrn)
    assert 1 <= proxy.rowCount() < total
    assert proxy.row_at(0).mrn == some.mrn
    if some.emirates_id:
        window.search.setText(some.emirates_id.replace("-", "")[-8:])
        assert any(proxy.row_at(i).appointment_id == some.appointment_id
                   for i in range(proxy.rowCount()))
    window.search.clear()
    assert proxy.rowCount() == total
    window.department.setCurrentIndex(window.department.findData(some.department_id))
    assert all(proxy.row_at(i).department_id == some.department_id
               for i in range(proxy.rowCount()))
    window.department.setCurrentIndex(0)
    window.stage.setCurrentIndex(window.stage.findData("CONFIRMED"))
    assert all(proxy.row_at(i).status.value == "CONFIRMED" for i in range(proxy.rowCount()))
    assert window.tabs.tabText(0) == f"Today's Appointments ({proxy.rowCount()})"


def test_vitals_are_range_checked_inline_then_saved(ctx, sign_in, qtbot, idle):
    sign_in("nurse")
    window = _window(ctx, qtbot, idle)
    window.tabs.setCurrentIndex(1)
    row = next(r for r in window.model.rows()
               if r.status.value == "CHECKED_IN" and r.vitals_recorded_at is None)
    assert window.select_appointment(row.appointment_id)
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.dialog
    assert isinstance(dialog, VitalsDialog)
    dialog.set_values(bp_systolic=300, bp_diastolic=80, heart_rate="fast",
                      temperature_c="36.8", spo2=97)
    dialog.save_button.click()
    assert "Systolic blood pressure 300 mmHg is outside 50–260 mmHg." in dialog.error.text()
    assert "Heart rate must be a number" in dialog.field_errors["heart_rate"].text()
    assert dialog.field_errors["bp_systolic"].isVisible()
    assert dialog.inputs["temperature_c"].text() == "36.8"  # what was typed stays
    assert not ctx.ops.busy  # nothing was sent
    dialog.set_values(bp_systolic=120, heart_rate=72)
    with qtbot.waitSignal(dialog.vitals_recorded, timeout=5_000):
        dialog.save_button.click()

    def ready() -> bool:
        r = window.model.row_for(row.appointment_id)
        return r is not None and r.vitals_recorded_at is not None

    qtbot.waitUntil(ready, timeout=5_000)
    proxy = window.live_proxy
    assert proxy.index(proxy.proxy_row_of(row.appointment_id), Col.STATUS).data() == (
        "Ready for doctor")


def test_doctor_starts_and_completes_a_consultation(ctx, sign_in, qtbot, idle):
    sign_in("doctor")
    window = _window(ctx, qtbot, idle)
    window.tabs.setCurrentIndex(1)
    row = next(r for r in window.model.rows() if r.status.value == "CHECKED_IN")
    window.select_appointment(row.appointment_id)
    with qtbot.waitSignal(window.action_finished, timeout=5_000):
        window.start_button.click()
    qtbot.waitUntil(lambda: window.model.row_for(row.appointment_id).status.value
                    == "IN_CONSULTATION", timeout=5_000)
    window.select_appointment(row.appointment_id)
    with qtbot.waitSignal(window.action_finished, timeout=5_000):
        qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.model.row_for(row.appointment_id).status.value
                    == "COMPLETED", timeout=5_000)
    assert "Consultation completed" in window.message.text()


def test_refresh_merges_in_place(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(window.queue_loaded, timeout=5_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert resets == []


def test_payments_dialog_reprints_a_past_receipt(ctx, sign_in, qtbot, idle, tmp_path):
    """Reprint from the patient's payment history: pick a past payment, its receipt loads
    with Print / Save PDF / Email, and the saved PDF carries the receipt number."""
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    window.tabs.setCurrentIndex(1)  # the live queue: patients who already paid today
    paid = [r for r in window.model.rows() if r.copay_status.value == "COLLECTED"]
    assert paid, "the demo has collected copays today"
    assert window.select_appointment(paid[0].appointment_id, tab="live")
    assert window.payments_button.isVisible() and window.payments_button.isEnabled()
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        dialog = window.payments_selected()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.receipt_loaded, timeout=10_000) as loaded:
        idle(ctx)
    data = loaded.args[0]
    assert data.receipt_number.startswith("RCP-") and dialog.payments.count() >= 1
    assert dialog.panel.isEnabled() and dialog.panel.receipt_number.text() == data.receipt_number
    dialog.grab().save(str(tmp_path / "payments.png"))
