"""Issue 11, the accountant's friction: the refund request dialog shows the whole patient and
the payment method (point 6), warns about a card payment refunded in cash and the Settings page
holds the maker-checker rule (point 7), each role lands on its own first page and the window
size and splitters come back per user (point 8)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.db.models import CopayPayment, CopayRefund, Hospital, Patient
from app.domain.enums import PaymentMethod, RefundMethod
from app.domain.roles import Permission
from app.ui.pages import PageSpec
from app.ui.refunds_window import RequestRefundDialog

SHOTS = "/tmp/f3"


def _card_payment(ctx):
    with ctx.db.session_factory() as s:
        row = s.execute(
            sa.select(CopayPayment.id, CopayPayment.receipt_number, Patient.mrn,
                      Patient.first_name, Patient.last_name)
            .join(Patient, Patient.id == CopayPayment.patient_id)
            .where(CopayPayment.refunded_amount == 0,
                   CopayPayment.payment_method == PaymentMethod.CREDIT_CARD,
                   CopayPayment.id.not_in(sa.select(CopayRefund.copay_payment_id)))
            .order_by(CopayPayment.id)).first()
    assert row is not None
    return row


def _dialog(ctx, sign_in, qtbot, pay):
    sign_in("reception")
    dialog = RequestRefundDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText(pay.receipt_number)
    with qtbot.waitSignal(dialog.search_finished, timeout=10_000):
        dialog.run_search()
    assert dialog.payment is not None and dialog.payment.payment_id == pay.id
    return dialog


def test_request_dialog_shows_the_whole_patient_and_the_payment_method(ctx, sign_in, qtbot):
    pay = _card_payment(ctx)
    dialog = _dialog(ctx, sign_in, qtbot, pay)
    model = dialog.payments
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Method" in headers and "MRN" in headers
    method_col = headers.index("Method")
    assert model.index(0, method_col).data() == "Credit card"
    view = dialog.payment_view
    fm = view.fontMetrics()
    for col in range(model.columnCount()):  # nothing elided ("ANC-10…")
        text = str(model.index(0, col).data())
        assert view.columnWidth(col) >= fm.horizontalAdvance(text) + 6, (headers[col], text)
    dialog.grab().save(f"{SHOTS}/p6_request_dialog.png")


def test_card_payment_refunded_in_cash_is_warned_about(ctx, sign_in, qtbot):
    pay = _card_payment(ctx)
    dialog = _dialog(ctx, sign_in, qtbot, pay)
    assert dialog.method.currentData() == RefundMethod.CREDIT_CARD
    assert dialog.method_warning.isHidden()
    dialog.method.setCurrentIndex(dialog.method.findData(RefundMethod.CASH))
    assert not dialog.method_warning.isHidden()
    assert "paid by card" in dialog.method_warning.text()
    dialog.grab().save(f"{SHOTS}/p7_cash_warning.png")
    dialog.method.setCurrentIndex(dialog.method.findData(RefundMethod.CREDIT_CARD))
    assert dialog.method_warning.isHidden()


def test_settings_page_holds_the_maker_checker_rule(ctx, sign_in, qtbot, memory_keyring):
    from app.ui.settings_dialog import SettingsPage

    sign_in("admin")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1060, 760)
    page.show()
    assert page.refund_approver_rule.isChecked() and page.refund_payer_rule.isChecked()
    assert page.refund_over.text() == "500.00"
    page.refund_payer_rule.setChecked(False)
    page.refund_over.setText("250")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save.click()
    with ctx.db.session_factory() as s:
        stored = s.scalar(sa.select(Hospital.settings))
    assert stored["refund_payer_not_approver"] is False
    assert stored["refund_approver_not_requester"] is True
    assert stored["refund_separation_over"] == "250.00"
    page.grab().save(f"{SHOTS}/p7_settings.png")


# ------------------------------------------------------------------------ point 8
@pytest.mark.parametrize(("user", "landing"), [
    ("accountant", "dashboard"), ("reception", "queue"), ("nurse", "queue"),
    ("doctor", "queue"), ("admin", "queue")])
def test_each_role_lands_on_its_own_first_page(ctx, sign_in, qtbot, user, landing):
    from app.ui.main_window import MainWindow

    sign_in(user)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    current = window.nav.currentItem().data(Qt.ItemDataRole.UserRole)
    assert current == landing
    if user == "accountant":
        window.show()
        qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10_000)
        window.grab().save(f"{SHOTS}/p8_accountant_landing.png")


def test_landing_prefers_the_dashboard_when_it_exists_and_falls_back():
    from app.domain.enums import Role
    from app.ui.main_window import landing_page

    def page(key, permission=Permission.VIEW_REFUNDS):
        return PageSpec(key, key.title(), permission, None)

    pages = [page("queue", Permission.VIEW_QUEUE), page("refunds"), page("dashboard")]
    assert landing_page(Role.ACCOUNTANT, pages) == "dashboard"
    assert landing_page(Role.ACCOUNTANT, pages[:2]) == "refunds"
    assert landing_page(Role.RECEPTIONIST, pages) == "queue"
    # a role whose page is not there: the first page it may open
    assert landing_page(Role.NURSE, [page("audit", Permission.VIEW_QUEUE)]) == "audit"


class _SplitPage(QWidget):
    def __init__(self, _ctx) -> None:
        super().__init__()
        self.splitter = QSplitter(objectName="TestSplitter")
        self.splitter.addWidget(QLabel("left"))
        self.splitter.addWidget(QLabel("right"))
        QVBoxLayout(self).addWidget(self.splitter)


def test_window_size_and_splitters_are_remembered_per_user(ctx, sign_in, qtbot):
    from app.ui.main_window import MainWindow

    pages = [PageSpec("split", "Split", Permission.VIEW_QUEUE, _SplitPage)]
    sign_in("reception")
    first = MainWindow(ctx, pages)
    qtbot.addWidget(first)
    first.show()
    first.resize(761, 541)
    page = first.open_page("split")
    qtbot.waitUntil(lambda: page.splitter.width() > 500)
    page.splitter.setSizes([150, page.splitter.width() - 150])
    saved_sizes = page.splitter.sizes()
    first.close()

    again = MainWindow(ctx, pages)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (761, 541)
    splitter = again.open_page("split").splitter
    qtbot.waitUntil(lambda: splitter.sizes() == saved_sizes, timeout=2_000)

    sign_in("nurse")  # another user on the same workstation: not reception's layout
    other = MainWindow(ctx, pages)
    qtbot.addWidget(other)
    other.show()
    assert (other.width(), other.height()) != (761, 541)
