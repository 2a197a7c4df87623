"""The Refunds screen on the demo clinic: tabs, role buttons, approve/reject/process through
the UI, and the request dialog finding the payment by MRN (no raw payment ids)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from app.db.models import CopayPayment, CopayRefund, Patient
from app.domain.enums import RefundStatus
from app.ui.refunds_window import RefundsWindow, RequestRefundDialog


@pytest.fixture
def open_window(ctx, sign_in, qtbot):
    def _open(username: str, password: str | None = None) -> RefundsWindow:
        sign_in(username, password)
        w = RefundsWindow(ctx)
        qtbot.addWidget(w)
        w.resize(1200, 760)
        w.show()
        qtbot.waitUntil(lambda: not ctx.ops.busy and w.model.rowCount() > 0, timeout=15_000)
        return w

    return _open


def _status_in_db(ctx, refund_id):
    with ctx.db.session_factory() as s:
        return s.get(CopayRefund, refund_id).status


def _show_tab(w, qtbot, status):
    with qtbot.waitSignal(w.page_loaded, timeout=10_000):
        w.set_tab(status)


def test_loads_the_demo_refunds_with_counts_per_tab(open_window, qtbot):
    w = open_window("accountant")
    assert w.tabs.tabText(0).startswith("All (")
    for i in range(1, 5):
        assert "(" in w.tabs.tabText(i)
    _show_tab(w, qtbot, RefundStatus.PENDING)
    rows = w.model.rows()
    assert rows and {r.status for r in rows} == {RefundStatus.PENDING}
    assert w.tabs.tabText(1) == f"Pending ({len(rows)})"
    assert w.model.index(0, 0).data() == "Pending"


def test_buttons_follow_the_role(open_window):
    desk = open_window("reception")
    assert desk.request_button.isVisible()
    assert not desk.approve_button.isVisible() and not desk.process_button.isVisible()
    assert not desk.delete_button.isVisible()


def test_super_admin_may_delete_only_pending(open_window, qtbot):
    w = open_window("superadmin", "super123")
    assert w.delete_button.isVisible() and w.request_button.isVisible()
    _show_tab(w, qtbot, RefundStatus.APPROVED)
    w.view.selectRow(0)
    assert not w.delete_button.isEnabled() and w.process_button.isEnabled()
    _show_tab(w, qtbot, RefundStatus.PENDING)
    w.view.selectRow(0)
    assert w.delete_button.isEnabled() and w.approve_button.isEnabled()


def test_approve_through_the_ui(ctx, open_window, qtbot):
    w = open_window("accountant")
    _show_tab(w, qtbot, RefundStatus.PENDING)
    w.view.selectRow(0)
    row = w.selected()
    assert w.approve_button.isEnabled() and not w.process_button.isEnabled()
    with qtbot.waitSignal(w.action_finished, timeout=10_000) as done:
        qtbot.mouseClick(w.approve_button, Qt.MouseButton.LeftButton)
    assert "approved" in done.args[0]
    assert _status_in_db(ctx, row.id) is RefundStatus.APPROVED
    # The bus refresh re-reads the page: the approved refund leaves the Pending tab.
    qtbot.waitUntil(lambda: row.id not in [r.id for r in w.model.rows()], timeout=10_000)
    assert w.banner.kind == "success"


def test_reject_and_process_through_the_ui(ctx, open_window, qtbot, tmp_path):
    w = open_window("admin")
    w.ask_reason = lambda row: "Charged correctly"
    w.confirm = lambda title, text: True
    _show_tab(w, qtbot, RefundStatus.PENDING)
    w.view.selectRow(0)
    pending = w.selected()
    with qtbot.waitSignal(w.action_finished, timeout=10_000):
        w.reject_button.click()
    assert _status_in_db(ctx, pending.id) is RefundStatus.REJECTED
    _show_tab(w, qtbot, RefundStatus.APPROVED)
    w.view.selectRow(0)
    approved = w.selected()
    with qtbot.waitSignal(w.action_finished, timeout=10_000) as done:
        w.process_button.click()
    assert "processed" in done.args[0] and "RFD-" in done.args[0]
    assert _status_in_db(ctx, approved.id) is RefundStatus.PROCESSED
    # ... and its refund receipt, as a PDF
    _show_tab(w, qtbot, RefundStatus.PROCESSED)
    assert w.select_refund(approved.id) and w.receipt_button.isEnabled()
    target = tmp_path / "refund.pdf"
    w.ask_receipt_path = lambda name: str(target)
    with qtbot.waitSignal(w.receipt_saved, timeout=20_000):
        w.receipt_button.click()
    assert target.read_bytes().startswith(b"%PDF")


def test_a_refund_decided_elsewhere_shows_who_decided(ctx, open_window, qtbot):
    w = open_window("accountant")
    _show_tab(w, qtbot, RefundStatus.PENDING)
    w.view.selectRow(0)
    row = w.selected()
    # Another desk approves it first (the admin, straight through the service).
    from app.services.auth import AuthService

    admin = AuthService(ctx.db.uow).login("admin", "admin123", "desk-2").actor
    ctx.services.refunds.approve(admin, row.id)
    with qtbot.waitSignal(w.action_failed, timeout=10_000) as failed:
        w.approve_button.click()
    assert failed.args[0].startswith("This refund was already approved by Huda Al Suwaidi at ")
    assert w.banner.kind == "error"


def test_cancelled_confirmation_does_nothing(ctx, open_window, qtbot):
    w = open_window("accountant")
    w.confirm = lambda title, text: False
    _show_tab(w, qtbot, RefundStatus.APPROVED)
    w.view.selectRow(0)
    row = w.selected()
    w.process_button.click()
    qtbot.wait(200)
    assert _status_in_db(ctx, row.id) is RefundStatus.APPROVED


def _refundable_payment(ctx):
    """A demo payment with nothing refunded or pending, and its patient's MRN."""
    with ctx.db.session_factory() as s:
        open_refunds = sa.select(CopayRefund.copay_payment_id)
        row = s.execute(
            sa.select(CopayPayment.id, CopayPayment.amount, CopayPayment.receipt_number,
                      Patient.mrn)
            .join(Patient, Patient.id == CopayPayment.patient_id)
            .where(CopayPayment.refunded_amount == 0, CopayPayment.amount >= 20,
                   CopayPayment.id.not_in(open_refunds))
            .order_by(CopayPayment.id)).first()
    assert row is not None
    return row


def test_request_dialog_finds_the_payment_by_mrn(ctx, open_window, qtbot):
    w = open_window("reception")
    pay = _refundable_payment(ctx)
    dialog = w.request_refund()
    assert isinstance(dialog, RequestRefundDialog)
    qtbot.addWidget(dialog)
    assert not dialog.submit_button.isEnabled()  # nothing chosen yet
    with qtbot.waitSignal(dialog.search_finished, timeout=10_000):
        qtbot.keyClicks(dialog.search, pay.mrn)
    assert dialog.select_payment(pay.id)
    assert dialog.payment.refundable == pay.amount
    assert "can be refunded" in dialog.summary.text()

    dialog.amount.setText("12a")
    assert dialog.amount_error.text() == "The refund amount must be a number, like 150.00."
    too_much = pay.amount + Decimal("0.01")
    dialog.amount.setText(f"{too_much}")
    assert dialog.amount_error.text().startswith(f"At most AED {pay.amount:,.2f} can be refunded")
    dialog.amount.setText("10.00")
    assert dialog.amount_error.text() == ""
    dialog.reason.setCurrentIndex(dialog.reason.findText("Overcharge"))
    dialog.details.setPlainText("Charged the new-patient fee")
    with qtbot.waitSignal(dialog.refund_requested, timeout=10_000) as done:
        dialog.submit_button.click()
    result = done.args[0]
    assert result.refund.status is RefundStatus.PENDING
    assert result.refund.amount == Decimal("10.00")
    assert result.refund.original_receipt_number == pay.receipt_number
    qtbot.waitUntil(lambda: w.selected() is not None and w.selected().id == result.refund_id,
                    timeout=10_000)
    assert "requested" in w.banner.text()


def test_request_dialog_search_by_receipt_and_other_needs_details(ctx, open_window, qtbot):
    w = open_window("reception")
    pay = _refundable_payment(ctx)
    dialog = RequestRefundDialog(ctx, w)
    qtbot.addWidget(dialog)
    dialog.search.setText(pay.receipt_number)
    with qtbot.waitSignal(dialog.search_finished, timeout=10_000) as found:
        dialog.run_search()
    assert found.args[0] == 1 and dialog.payment.payment_id == pay.id  # one match: chosen
    dialog.amount.setText("5")
    dialog.reason.setCurrentIndex(dialog.reason.findText("Other"))
    dialog.submit()
    assert "Details" in dialog.error.text()
    with ctx.db.session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(CopayRefund).where(
            CopayRefund.copay_payment_id == pay.id)) == 0

