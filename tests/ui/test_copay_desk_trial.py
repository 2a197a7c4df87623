"""Issue 11 in the copay dialog (offscreen): the payment method and the actions fit a 1280×720
screen without scrolling (worst-case demo patient), cash tendered / change and card details,
collect / waive / defer all end with the patient checked in (closing never leaves a paid
patient outside the queue), and Email says it is not set up before asking for an address."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QWidget

from app.domain.enums import PaymentMethod
from app.domain.money import fmt
from app.ui.copay_dialog import CopayDialog
from app.ui.widgets.screen_fit import FRAME_H

SCREEN_1280x720 = QRect(0, 0, 1280, 720)


@pytest.fixture
def open_dialog(ctx, qtbot):
    def _open(appointment_id: int) -> CopayDialog:
        dialog = CopayDialog(ctx, appointment_id)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.quote_ready, timeout=10_000):
            dialog.show()
        return dialog

    return _open


def _collectable(r, v) -> bool:
    return "COLLECT" in v.quote.allowed_actions and v.quote.patient_amount > 0


def _status(ctx, appointment_id: int) -> str:
    return ctx.services.queue.row(ctx.actor, appointment_id).status.value


def _inside(widget: QWidget, top: QWidget, area: QRect) -> bool:
    """``widget`` is shown and lies entirely within ``area`` (``top``'s rect on the screen)."""
    at = widget.mapTo(top, QPoint(0, 0))
    rect = QRect(at + area.topLeft(), widget.size())
    return widget.isVisible() and area.contains(rect)


# -------------------------------------------------------------- point 1: fits at 1280×720
def test_actions_and_payment_method_fit_a_1280x720_screen_without_scrolling(
        ctx, sign_in, qtbot, open_dialog):
    sign_in("reception")
    # The worst case: COB + pharmacy + pre-auth (the tallest quote the demo has today).
    best, best_score = None, -1
    for row in ctx.services.queue.day(ctx.actor):
        if row.status.value not in ("SCHEDULED", "CONFIRMED") or \
                row.copay_status.value != "PENDING":
            continue
        q = ctx.services.copay.quote(ctx.actor, row.appointment_id).quote
        score = (4 * (q.secondary is not None) + 2 * (q.pharmacy.count > 0)
                 + (q.preauth.status.value != "NOT_REQUIRED"))
        if score > best_score:
            best, best_score = row, score
    assert best is not None and best_score >= 4, "the demo has no COB patient today"
    dialog = open_dialog(best.appointment_id)
    dialog.explanation.set_expanded(True)  # the tallest content the dialog can show
    dialog.pharmacy.set_expanded(True)
    # What fit_to_screen gives on a 1280×720 screen (title bar and frame outside).
    dialog.resize(780, SCREEN_1280x720.height() - FRAME_H)
    qtbot.wait(50)
    assert dialog.height() <= SCREEN_1280x720.height() - FRAME_H  # not held up by a minimum
    area = QRect(0, 0, dialog.width(), dialog.height())
    for widget in (dialog.collect_button, dialog.defer_button, dialog.cancel_button,
                   *dialog.method_buttons.values(), dialog.tendered_edit):
        assert _inside(widget, dialog, area), widget
        # Not inside the scrolled content: reachable without scrolling.
        assert not dialog.scroll.isAncestorOf(widget), widget


# ---------------------------------------------------------- point 2: tendered and card
def test_cash_tendered_shows_change_and_too_little_is_refused(ctx, sign_in, find_quote,
                                                              open_dialog, qtbot):
    sign_in("reception")
    row, view = find_quote(_collectable)
    amount = view.quote.patient_amount
    dialog = open_dialog(row.appointment_id)
    dialog.method_buttons[PaymentMethod.CASH].click()
    dialog.tendered_edit.setText(str(amount - Decimal("1")))
    assert "short" in dialog.change_label.text().lower()
    dialog.collect_button.click()
    assert "less than the copay" in dialog.error.text()
    assert _status(ctx, row.appointment_id) in ("SCHEDULED", "CONFIRMED")

    dialog.tendered_edit.setText(str(amount + Decimal("20")))
    assert dialog.change_label.text() == f"Change due {fmt(Decimal('20.00'))}"
    with qtbot.waitSignal(dialog.collect_finished, timeout=10_000) as done:
        dialog.collect_button.click()
    assert done.args[0].change_due == Decimal("20.00")
    receipt = dialog.receipt
    qtbot.waitUntil(lambda: receipt.data is not None, timeout=10_000)
    assert fmt(Decimal("20.00")) in receipt.tender.text()


def test_card_needs_approval_code_and_last_four(ctx, sign_in, find_quote, open_dialog, qtbot):
    sign_in("reception")
    row, _ = find_quote(_collectable)
    dialog = open_dialog(row.appointment_id)
    dialog.method_buttons[PaymentMethod.CREDIT_CARD].click()
    assert dialog.approval_edit.isVisible() and dialog.last4_edit.isVisible()
    assert not dialog.tendered_edit.isVisible()
    dialog.collect_button.click()
    assert "approval code" in dialog.error.text()
    dialog.approval_edit.setText("a1b2c3")
    dialog.last4_edit.setText("42")
    dialog.collect_button.click()
    assert "last 4 digits" in dialog.error.text()
    dialog.last4_edit.setText("4242")
    with qtbot.waitSignal(dialog.collect_finished, timeout=10_000):
        dialog.collect_button.click()
    receipt = dialog.receipt
    qtbot.waitUntil(lambda: receipt.data is not None, timeout=10_000)
    assert receipt.data.card_last4 == "4242" and receipt.data.card_approval_code == "A1B2C3"
    assert "4242" in receipt.tender.text() and "A1B2C3" in receipt.tender.text()


# ------------------------------------------------------- point 3: one consistent ending
def test_collect_checks_in_at_once_and_closing_leaves_no_paid_patient_outside(
        ctx, sign_in, find_quote, open_dialog, qtbot):
    sign_in("reception")
    row, _ = find_quote(_collectable)
    dialog = open_dialog(row.appointment_id)
    with qtbot.waitSignal(dialog.checked_in, timeout=10_000) as checked:
        dialog.collect_button.click()
    assert dialog.stack.currentWidget() is dialog.receipt_page
    # Checked in by the collect itself: no "Continue to Check-in" step to forget.
    assert _status(ctx, row.appointment_id) == "CHECKED_IN"
    assert dialog.receipt_continue.isHidden()
    assert f"token #{checked.args[0]}" in dialog.receipt_done.text()
    assert dialog.receipt_close.isVisible() and dialog.receipt_close.isDefault()
    for b in (dialog.receipt.print_button, dialog.receipt.save_button,
              dialog.receipt.email_button):
        assert b.isVisible()
    dialog.receipt_close.click()
    assert _status(ctx, row.appointment_id) == "CHECKED_IN"


def test_waive_and_defer_check_in_with_the_decision(ctx, sign_in, find_quote, open_dialog,
                                                    qtbot, monkeypatch):
    sign_in("reception")
    calls: list[str] = []
    original = ctx.services.queue.check_in

    def counted(*a, **k):
        calls.append("queue.check_in")
        return original(*a, **k)

    monkeypatch.setattr(ctx.services.queue, "check_in", counted)
    row, _ = find_quote(lambda r, v: not v.quote.is_self_pay and "WAIVE" in v.quote.allowed_actions)
    dialog = open_dialog(row.appointment_id)
    dialog.ask_reason = lambda *a: "Staff family member"
    with qtbot.waitSignal(dialog.checked_in, timeout=10_000):
        dialog.waive_button.click()
    assert _status(ctx, row.appointment_id) == "CHECKED_IN"
    assert dialog.done_title.text() == "Copay waived and patient checked in"
    assert calls == []  # one transaction: not a second call that could fail on its own


# ------------------------------------------------------------ point 6: email checked first
def test_email_is_disabled_and_explained_when_smtp_is_not_set_up(ctx, sign_in, find_quote,
                                                                 open_dialog, qtbot):
    sign_in("reception")
    row, _ = find_quote(_collectable)
    dialog = open_dialog(row.appointment_id)
    with qtbot.waitSignal(dialog.collect_finished, timeout=10_000):
        dialog.collect_button.click()
    receipt = dialog.receipt
    qtbot.waitUntil(lambda: receipt.data is not None and receipt.email_checked, timeout=10_000)
    asked: list[bool] = []
    receipt.ask_email_address = lambda: asked.append(True) or "patient@example.com"
    assert not receipt.email_button.isEnabled()
    assert receipt.print_button.isEnabled() and receipt.save_button.isEnabled()
    assert "not set up" in receipt.email_note.text() and "Settings" in receipt.email_note.text()
    assert receipt.email_note.isVisible()
    assert "Settings" in receipt.email_button.toolTip()
    receipt.email_receipt()
    assert asked == []


def test_email_is_offered_when_this_workstation_has_a_mail_server(ctx, sign_in, find_quote,
                                                                  open_dialog, qtbot):
    QSettings("ClinicDesk", "ClinicDesk").setValue("email/smtp_host", "mail.example.com")
    sign_in("reception")
    row, _ = find_quote(_collectable)
    dialog = open_dialog(row.appointment_id)
    with qtbot.waitSignal(dialog.collect_finished, timeout=10_000):
        dialog.collect_button.click()
    receipt = dialog.receipt
    qtbot.waitUntil(lambda: receipt.data is not None and receipt.email_checked, timeout=10_000)
    assert receipt.email_button.isEnabled() and not receipt.email_note.isVisible()
