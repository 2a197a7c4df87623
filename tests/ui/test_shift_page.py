"""The Cash drawer page on the demo data: open a shift (float by denomination), a petty
payout, close balanced; a short count needs a reason and a supervisor; the Z report saves as
a PDF and its reprint is DUPLICATE; cash in the copay dialog with no drawer offers to open one.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from app.domain.enums import PaymentMethod
from app.ui.copay_dialog import CopayDialog
from app.ui.shift_page import CloseShiftDialog, OpenShiftDialog, PayoutDialog, ShiftPage

D = Decimal


@pytest.fixture
def page(ctx, qtbot, sign_in, idle):
    sign_in("reception", shift=False)
    p = ShiftPage(ctx)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    idle(ctx)
    return p


def _open(page, qtbot, idle, ctx, counts):
    page.open_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, OpenShiftDialog), timeout=10_000)
    dialog = page.dialog
    dialog.by_notes.setChecked(True)
    dialog.grid.set_counts(counts)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.ok.click()
    idle(ctx)


def test_open_payout_and_close_balanced(ctx, page, qtbot, idle):
    assert page.shift is None and "No shift is open" in page.summary.text()
    assert page.open_button.isEnabled() and not page.close_button.isEnabled()
    _open(page, qtbot, idle, ctx, {"100": 4, "50": 2})
    assert page.shift.opening_float == D("500.00")
    assert "AED 500.00" in page.expected.text()
    assert not page.open_button.isEnabled()

    page.payout_button.click()
    dialog = page.dialog
    assert isinstance(dialog, PayoutDialog)
    dialog.amount.setText("20.00")
    dialog.reason.setText("Courier")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.ok.click()
    idle(ctx)
    assert page.shift.expected_cash == D("480.00")
    assert page.movements.rowCount() == 1
    assert page.movements.item(0, 1).text() == "Petty payout"

    page.close_button.click()
    close = page.dialog
    assert isinstance(close, CloseShiftDialog)
    close.grid.set_counts({"100": 4, "50": 1, "20": 1, "10": 1})
    assert "Balanced" in close.difference.text() and close.ok.isEnabled()
    assert not close.supervisor.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        close.ok.click()
    idle(ctx)
    assert page.shift is None and page.open_button.isEnabled()
    assert page.history.item(0, 8).text() == "Balanced"


def test_short_count_needs_a_reason_and_a_supervisor(ctx, page, qtbot, idle):
    _open(page, qtbot, idle, ctx, {"100": 3})
    page.close_button.click()
    close = page.dialog
    close.grid.set_counts({"100": 2, "50": 1, "20": 1, "10": 1, "5": 1})  # 285: short 15
    assert "Short by AED 15.00" in close.difference.text()
    assert not close.ok.isEnabled()  # a reason first
    assert close.supervisor.isVisibleTo(close)
    close.reason.setText("Change given twice")
    assert close.ok.isEnabled()
    close.ok.click()  # no supervisor: refused, the dialog stays
    qtbot.waitUntil(lambda: "approve" in close.error.text(), timeout=10_000)
    close.sup_user.setText("accountant")
    close.sup_pass.setText("accountant123")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        close.ok.click()
    idle(ctx)
    assert page.history.item(0, 8).text() == "Short by AED 15.00"
    view = ctx.services.shifts.shift(ctx.actor, page.history_rows[0].id)
    assert view.approved_by and view.reason == "Change given twice"


def test_z_report_saves_and_the_reprint_is_a_duplicate(ctx, page, qtbot, idle, tmp_path):
    _open(page, qtbot, idle, ctx, {"200": 1})
    issued = []
    page.report_ready.connect(lambda report, pdf: issued.append((report, pdf)))
    for name in ("first.pdf", "again.pdf"):
        page.ask_save_path = lambda _default, n=name: str(tmp_path / n)
        page.z_save_button.click()
        idle(ctx)
    assert [r.duplicate for r, _ in issued] == [False, True]
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
    assert "DUPLICATE" in page.status.text()


def test_cash_copay_with_no_drawer_offers_to_open_one(ctx, sign_in, find_quote, qtbot, idle):
    sign_in("reception", shift=False)
    # Self-pay: no DHA eligibility check runs beside the collect (see the report on the
    # chain-lock/appointment-lock deadlock that check can meet).
    row, _ = find_quote(lambda r, v: "COLLECT" in v.quote.allowed_actions
                        and v.quote.is_self_pay and v.quote.patient_amount > 0)
    dialog = CopayDialog(ctx, row.appointment_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.quote_ready, timeout=10_000):
        dialog.show()
    dialog.method_buttons[PaymentMethod.CASH].click()
    dialog.collect_button.click()
    qtbot.waitUntil(lambda: getattr(dialog, "shift_prompt", None) is not None, timeout=10_000)
    box = dialog.shift_prompt
    assert "Open a shift first" in box.text()
    opener = next(b for b in box.buttons() if b.text() == "Open a shift…")
    opener.click()
    shift_dialog = box.open_dialog
    shift_dialog.float_edit.setText("300.00")
    with qtbot.waitSignal(shift_dialog.opened, timeout=10_000):
        shift_dialog.ok.click()
    with qtbot.waitSignal(dialog.collect_finished, timeout=10_000):
        dialog.collect_button.click()
    shift = ctx.services.shifts.current_shift(ctx.actor)
    assert shift.expected_cash == D("300.00") + shift.by_tender["CASH"] > D("300.00")
    assert isinstance(box, QMessageBox)
