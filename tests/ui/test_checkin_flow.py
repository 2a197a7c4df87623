"""The seed's check-in flow test (seed 004 §18), driven through the real windows: sign in as the
demo admin, OPD queue, Today's Appointments, Check In, the copay dialog with every GAP panel,
Cash, Collect (which checks the patient in), the receipt screen, and the patient in the Live
Queue with a token;
the insurance audit has COPAY_COLLECTED."""

from __future__ import annotations

import re
from decimal import Decimal

import sqlalchemy as sa
from PySide6.QtCore import Qt

from app.db.models import CopayPayment, InsuranceAudit
from app.domain.enums import AuditAction, PaymentMethod, PreAuthStatus
from app.ui.app import DeskController
from app.ui.models.queue_model import Col


def _sign_in_admin(ctx, qtbot):
    controller = DeskController(ctx)
    login = controller.show_login()
    login.username.setText("admin")
    login.password.setText("admin123")
    with qtbot.waitSignal(controller.signed_in, timeout=10_000) as blocker:
        qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    main = blocker.args[0]
    qtbot.addWidget(main)
    return controller, main


def test_check_in_flow_collects_cash_prints_receipt_and_queues_the_patient(ctx, qtbot, idle):
    controller, main = _sign_in_admin(ctx, qtbot)
    assert main.page_keys()[0] == "queue"
    # The desk opens its cash drawer before taking cash (issue 14; Cash drawer page).
    ctx.services.shifts.open_shift(ctx.actor, Decimal("500.00"))
    queue = main.open_page("queue")
    idle(ctx)
    assert queue.tabs.tabText(0).startswith("Today's Appointments")
    queue.tabs.setCurrentIndex(0)

    # An insured SCHEDULED patient whose copay can be collected (pre-auth not blocking).
    actor = ctx.actor
    target = None
    for row in ctx.services.queue.day(actor):
        if (row.status.value == "SCHEDULED" and row.primary_insurer
                and row.copay_status.value == "PENDING"):
            view = ctx.services.copay.quote(actor, row.appointment_id)
            if "COLLECT" in view.quote.allowed_actions and view.quote.patient_amount > 0:
                target = row
                break
    assert target is not None, "the demo has no collectable insured appointment today"
    assert queue.select_appointment(target.appointment_id, tab="today")
    assert queue.check_in_button.isVisible() and queue.check_in_button.isEnabled()

    qtbot.mouseClick(queue.check_in_button, Qt.MouseButton.LeftButton)
    dialog = queue.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.stack.currentWidget() is dialog.loading_page  # opens at once, busy
    with qtbot.waitSignal(dialog.quote_ready, timeout=10_000):
        pass
    q = dialog.view.quote

    # What the seed's flow test checks in the modal.
    assert target.patient_name in dialog.patient_label.text()
    assert target.mrn in dialog.patient_label.text()
    assert q.primary.payer_name in dialog.insurance_label.text()
    assert dialog.preauth_label.text()
    assert q.preauth.status is not PreAuthStatus.DENIED
    assert dialog.source_banner.isVisible() and dialog.source_banner.headline in (
        dialog.source_banner.text())
    assert dialog.deductible_bar.isVisible() and dialog.copay_bar.isVisible()
    assert dialog.pharmacy.isVisible() and "Estimated Total Visit Cost" in (
        dialog.pharmacy.button.text())
    assert "AED" in dialog.patient_amount_label.text()
    assert {m.value for m in dialog.method_buttons} == {"CASH", "CREDIT_CARD", "DEBIT_CARD",
                                                        "DEPOSIT"}
    for button in (dialog.collect_button, dialog.waive_button, dialog.defer_button):
        assert button.isVisible() and button.isEnabled()

    dialog.method_buttons[PaymentMethod.CASH].click()
    # Collect checks the patient in in the same transaction (issue 11): no Continue step.
    with qtbot.waitSignal(dialog.checked_in, timeout=10_000) as checked, \
            qtbot.waitSignal(dialog.collect_finished, timeout=10_000) as collected:
        qtbot.mouseClick(dialog.collect_button, Qt.MouseButton.LeftButton)
    result = collected.args[0]
    assert dialog.stack.currentWidget() is dialog.receipt_page
    assert re.fullmatch(r"RCP-\d{4}-\d{6}", dialog.receipt.receipt_number.text())
    assert dialog.receipt.receipt_number.text() == result.receipt_number
    qtbot.waitUntil(lambda: dialog.receipt.print_button.isEnabled(), timeout=10_000)
    assert "Cash" in dialog.receipt.method.text()

    assert dialog.receipt_continue.isHidden()
    token = checked.args[0]
    assert f"token #{token}" in dialog.receipt_done.text()

    # The queue redraws the row from the change it published: CHECKED_IN with the token.
    def in_live_queue() -> bool:
        row = queue.model.row_for(target.appointment_id)
        return row is not None and row.status.value == "CHECKED_IN" and row.token_number == token

    qtbot.waitUntil(in_live_queue, timeout=5_000)
    assert queue.select_appointment(target.appointment_id, tab="live")
    proxy = queue.live_view.model()
    shown = proxy.proxy_row_of(target.appointment_id)
    label = queue.model.row_for(target.appointment_id).token_label  # per department: "GP-7"
    assert label.endswith(f"-{token}")
    assert proxy.index(shown, Col.TOKEN).data() == label
    assert proxy.index(shown, Col.STATUS).data() == "Awaiting vitals"
    assert "Collected" in proxy.index(shown, Col.COPAY).data()
    assert f"token {label}" in queue.message.text()

    with ctx.db.session_factory() as s:
        actions = s.scalars(sa.select(InsuranceAudit.action).where(
            InsuranceAudit.appointment_id == target.appointment_id)).all()
        payments = s.scalars(sa.select(CopayPayment).where(
            CopayPayment.appointment_id == target.appointment_id)).all()
    assert AuditAction.COPAY_COLLECTED in actions
    assert len(payments) == 1 and payments[0].receipt_number == result.receipt_number
    dialog.close()


def test_enter_on_today_tab_opens_the_copay_step(ctx, sign_in, qtbot, idle):
    from app.ui.queue_window import QueueWindow

    sign_in("reception")
    window = QueueWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    idle(ctx)
    row = next(r for r in window.model.rows() if r.status.value in ("SCHEDULED", "CONFIRMED")
               and r.copay_status.value == "PENDING")
    assert window.select_appointment(row.appointment_id, tab="today")
    window.today_view.setFocus()
    with qtbot.waitSignal(window.check_in_requested, timeout=2_000) as opened:
        qtbot.keyClick(window.today_view, Qt.Key.Key_Return)
    assert opened.args == [row.appointment_id]
    assert window.dialog is not None
    with qtbot.waitSignal(window.dialog.quote_ready, timeout=10_000):
        pass
    window.dialog.close()
