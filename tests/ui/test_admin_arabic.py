"""The administrators' and office screens in Arabic (issue 15) on the real test database: each
opens right to left with its texts from the Arabic catalogue (not the English source), and
amounts and counts in the interface's format. English stays the default (the screens' own
tests assert it)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from app.ui import i18n
from app.ui.i18n import tr

SHOTS = Path(os.environ.get("CLINICDESK_SHOTS", "/tmp"))


def _arabic(english: str) -> str:
    """The catalogue's Arabic for ``english``; fails when there is none."""
    text = tr(english)
    assert text != english, f"no Arabic for {english!r}"
    return text


def _shot(widget, name: str) -> None:
    widget.grab().save(str(SHOTS / f"ar_{name}.png"))


@pytest.fixture
def arabic():
    i18n.install("ar")
    assert i18n.is_rtl()


def test_sessions_page_in_arabic(ctx, second_ctx, sign_in, arabic, qtbot):
    from app.ui.sessions_page import SessionsPage

    sign_in("reception", context=second_ctx)
    sign_in("admin")
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not ctx.ops.busy and bool(page.rows), timeout=10_000)
    page.resize(900, 360)
    assert page.isRightToLeft()
    assert page.end_button.text() == _arabic("End session")
    assert page.table.horizontalHeaderItem(2).text() == _arabic("Workstation")
    assert page.table.item(0, 1).text() == _arabic("Receptionist")
    # dates day/month in numbers, never an English month name
    assert not any(m in page.table.item(0, 3).text() for m in ("Jan", "Feb", "Dec", "Nov"))
    _shot(page, "sessions")


def test_sync_status_page_in_arabic(ctx, sign_in, arabic, qtbot, memory_keyring):
    from app.ui.sync_status_page import SyncStatusPage

    sign_in("admin")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page = SyncStatusPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 600)
    assert page.isRightToLeft()
    assert page.sync_now.text() == _arabic("Sync now")
    assert page.table.horizontalHeaderItem(0).text() == _arabic("Job")
    jobs = {page.table.item(r, 0).text() for r in range(page.table.rowCount())}
    assert _arabic("Today's appointments") in jobs
    states = {page.table.item(r, 2).text() for r in range(page.table.rowCount())}
    assert states and states <= {_arabic("Never run"), _arabic("OK"), _arabic("Failed"),
                                 _arabic("Running")}
    _shot(page, "sync_status")


def test_opendental_page_in_arabic(ctx, sign_in, arabic, qtbot, memory_keyring):
    from app.ui.opendental_page import OpenDentalPage

    sign_in("admin")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page = OpenDentalPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    assert page.isRightToLeft()
    assert page.test.text() == _arabic("Test connection")
    assert page.save.text() == _arabic("Save")
    assert page.table.horizontalHeaderItem(3).text() == _arabic("Keys")
    assert page.table.item(0, 3).text() == _arabic("Simulated")  # the demo's sandbox
    assert page.mode.itemText(0) == _arabic(
        "Cloud — OpenDental's API through the clinic's eConnector")
    _shot(page, "opendental")


def test_audit_window_in_arabic(ctx, sign_in, arabic, qtbot):
    from app.ui.audit_window import AuditWindow
    from app.ui.models.audit_model import Col

    sign_in("accountant")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        window = AuditWindow(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10_000)
    window.resize(1280, 720)
    assert window.isRightToLeft() and window.view.isRightToLeft()
    assert window.export_button.text() == _arabic("Export CSV…")
    # the date filter reads day/month/year left to right, never an English month name
    assert window.date_to.text() == i18n.date_text(dt.date.today())
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == _arabic("Date/Time")
    assert window.model.rowCount() > 0
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    collected = next(i for i, r in enumerate(rows) if r.action.value == "COPAY_COLLECTED"
                     and r.amount is not None)
    index = window.model.index(collected, Col.ACTION)
    assert index.data() == _arabic("Copay Collected")
    details = window.model.index(collected, Col.DETAILS).data()
    assert i18n.money(rows[collected].amount) in details and "د.إ" in details
    when = window.model.index(collected, Col.WHEN).data()
    assert when.split("\n")[0] == i18n.date_text(rows[collected].performed_at)
    _shot(window, "audit")


def test_refunds_window_and_request_dialog_in_arabic(ctx, sign_in, arabic, qtbot):
    from app.ui.models.refund_model import RCol
    from app.ui.refunds_window import RefundsWindow

    sign_in("admin")
    window = RefundsWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitUntil(lambda: not ctx.ops.busy and window.model.rowCount() > 0, timeout=15_000)
    assert window.isRightToLeft()
    assert window.approve_button.text() == _arabic("Approve")
    assert window.tabs.tabText(1).startswith(_arabic("Pending"))
    row = window.model.row_at(0)
    amount = window.model.index(0, RCol.AMOUNT).data()
    assert amount.split("\n")[0] == i18n.money(row.amount) and "د.إ" in amount
    assert window.select_refund(row.id)
    assert i18n.money(row.amount) in window.detail.text()
    _shot(window, "refunds")

    dialog = window.request_refund()
    qtbot.addWidget(dialog)
    assert dialog.isRightToLeft()
    assert dialog.submit_button.text() == _arabic("Request refund")
    with qtbot.waitSignal(dialog.search_finished, timeout=10_000):
        dialog.search.setText(row.mrn)
        dialog.run_search()
    assert dialog.payments.rowCount() > 0
    dialog._choose(dialog.payments.row_at(0))
    assert dialog.payment is not None
    assert i18n.money(dialog.payment.refundable) in dialog.summary.text() \
        or _arabic("Nothing more can be refunded on this receipt.") in dialog.summary.text()
    dialog.amount.setText("12a")
    # the sentence is the domain's (app/domain/money.py); the field it names is this screen's
    assert _arabic("The refund amount") in dialog.amount_error.text()
    dialog.resize(940, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    _shot(dialog, "refund_request")


def test_settings_page_in_arabic(ctx, sign_in, arabic, qtbot, memory_keyring):
    from app.ui.settings_dialog import SettingsPage

    sign_in("admin")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    assert page.isRightToLeft()
    assert page.save.text() == _arabic("Save settings")
    assert page.digits.itemText(1) == _arabic("Arabic-Indic (٠١٢٣٤٥٦٧٨٩)")
    assert page.mode.currentText() == _arabic("Simulated — built-in sandbox (demo, training)")
    _shot(page, "settings")


def test_setup_wizard_in_arabic(ctx, arabic, qtbot):
    from PySide6.QtWidgets import QWizard

    from app.ui.setup_wizard import SetupWizard

    wizard = SetupWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.isRightToLeft()
    assert wizard.hospital.title() == _arabic("Your clinic")
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == _arabic("Create clinic")
    h = wizard.hospital
    h.name.setText("Jumeirah Family Clinic")
    h.code.setText("JFC01")
    h.trn.setText("100123456700003")
    _shot(wizard, "setup_hospital")
    wizard.next()
    a = wizard.admin
    a.username.setText("mariam.k")
    a.full_name.setText("Mariam Khalifa")
    a.password.setText("Olive-Harbour-Lamp-19")
    a.confirm.setText("Olive-Harbour-Lamp-1")
    assert _arabic("The two passwords differ.") in a.strength.text()
    a.confirm.setText("Olive-Harbour-Lamp-19")
    assert a.strength.text() == _arabic("✓ Strong enough.")
    _shot(wizard, "setup_admin")
    wizard.next()
    assert wizard.accounts.table.item(0, 2).text() == _arabic("Asset")
    _shot(wizard, "setup_accounts")
    wizard.next()
    _shot(wizard, "setup_charges")
    wizard.next()
    wizard.payers.set_ticked("DAMAN")
    wizard.next()
    assert wizard.currentPage() is wizard.review
    summary = wizard.review.summary.text()
    fee = wizard.charges.charges()[0].fee
    assert i18n.money(fee) in summary and _arabic("Charge master:") in summary
    _shot(wizard, "setup_review")


def test_booking_page_in_arabic(ctx, sign_in, arabic, qtbot, idle):
    from app.ui.booking_page import QUICK, STANDARD, BookingPage

    sign_in("reception")
    page = BookingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    idle(ctx)
    assert page.isRightToLeft()
    assert page.find_button.text() == _arabic("Find")
    assert page.tabs.tabText(STANDARD) == _arabic("&Standard")
    assert "&S" in page.tabs.tabText(STANDARD)  # the Alt letter the help lists still works
    today = dt.datetime.now(ctx.clinic_zone).date()
    monday = today + dt.timedelta(days=7 - today.weekday())
    # the day picker reads day/month/year in numbers, left to right
    page.std_date.setDate(QDate(monday.year, monday.month, monday.day))
    assert page.std_date.text() == i18n.date_text(monday)
    idle(ctx)
    if page.std_slots.count():
        assert _arabic("Monday") in page.std_note.text()
    known = ctx.services.queue.day(ctx.actor)[0]
    page.query.setText(known.mrn)
    with qtbot.waitSignal(page.patients_found, timeout=5_000):
        page.search()
    idle(ctx)
    assert page.patient is not None
    page.tabs.setCurrentIndex(QUICK)
    idle(ctx)
    _shot(page, "booking")
