"""The copay screens in Arabic (issue 15) and an underpaid visit's balance taken with the next
copay or written off (issue 13), on the demo database. Pictures go to /tmp for a person to
look at; the assertions check the texts are the catalogue's Arabic, the widgets mirrored and
amounts formatted by i18n.money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from app.domain.errors import ValidationError
from app.domain.reconciliation import ReconStatus
from app.ui import i18n
from app.ui.copay_dialog import CopayDialog
from app.ui.errors import message_for
from app.ui.i18n import tr

SHOTS = Path("/tmp/clinicdesk-i18n-copay")


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _arabic(english: str) -> str:
    """The catalogue's Arabic for ``english``: it must exist and differ from the English."""
    text = tr(english)
    assert text != english, f"no Arabic for {english!r}"
    return text


def _visit_today_for_underpaid_patient(ctx):
    """A new appointment today for a demo patient whose earlier visit was underpaid; returns
    (appointment id, BalanceDue)."""
    from app.db.models import Appointment
    from app.domain.enums import AppointmentStatus

    with ctx.db.session_factory() as s, s.begin():
        ids = s.execute(sa.text(
            "SELECT a.id FROM claims c JOIN appointments a ON a.id = c.appointment_id "
            "WHERE c.status = 'APPROVED' AND c.details ->> 'demo' = 'true'")).scalars().all()
        visits = [s.get(Appointment, i) for i in ids]
        dues = {v.patient_id: ctx.services.reconciliation.balance_due(ctx.actor, v.patient_id)
                for v in visits}
        patient_id, due = next((p, d) for p, d in dues.items() if d.amount > 0)
        old = next(v for v in visits if v.patient_id == patient_id)
        # The hospital's day, not the test machine's (they differ around midnight in Dubai).
        zone = ZoneInfo(ctx.signed_in.hospital_timezone)
        today = dt.datetime.now(zone).date()
        start = dt.datetime.combine(today, dt.time(23, 30), zone)
        appt = Appointment(hospital_id=old.hospital_id, patient_id=patient_id,
                           doctor_id=old.doctor_id, department_id=old.department_id,
                           scheduled_start=start, appointment_date=today,
                           visit_type=old.visit_type, status=AppointmentStatus.SCHEDULED,
                           eligibility_details={})
        s.add(appt)
        s.flush()
        return appt.id, due


def _open(ctx, qtbot, appointment_id: int) -> CopayDialog:
    dialog = CopayDialog(ctx, appointment_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.quote_ready, timeout=15_000):
        dialog.show()
    return dialog


# ------------------------------------------------------------------------- issue 13
def test_the_earlier_balance_is_collected_with_the_copay(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    appt_id, due = _visit_today_for_underpaid_patient(ctx)
    dialog = _open(ctx, qtbot, appt_id)
    qtbot.waitUntil(lambda: dialog.balance_check.isVisible(), timeout=10_000)
    copay = dialog.view.quote.patient_amount
    assert not dialog.balance_check.isChecked()  # left unless the patient agrees
    assert dialog.collect_button.text() == f"&Collect {i18n.money(copay)}"
    dialog.balance_check.setChecked(True)
    total = copay + due.amount
    assert dialog.collect_button.text() == f"&Collect {i18n.money(total)}"
    dialog.explanation.set_expanded(True)
    dialog.resize(820, 1300)
    _shot(dialog, "copay-balance-en")
    dialog.tendered_edit.setText(str(total + Decimal("50")))
    assert dialog.change_label.text() == "Change due AED 50.00"
    with qtbot.waitSignal(dialog.collect_finished, timeout=15_000) as done:
        dialog.collect_button.click()
    result = done.args[0]
    assert (result.amount, result.balance_amount, result.change_due) == (
        copay, due.amount, Decimal("50.00"))
    panel = dialog.receipt
    qtbot.waitUntil(lambda: panel.data is not None, timeout=15_000)
    day = due.rows[0].appointment_date
    assert panel.balance.text().startswith(
        f"Balance from visit of {i18n.date_text(day)}: ")
    assert panel.total.text() == i18n.money(total)
    assert panel.amount_heading.text() == "Copay for this visit"
    _shot(dialog, "copay-balance-receipt-en")
    idle(ctx)
    # Settled: no balance left for the next dialog, and the reconciliation says so.
    assert ctx.services.reconciliation.balance_due(ctx.actor, due.rows[0].patient_id).amount \
        == Decimal("0.00")
    sign_in("accountant")
    visit = ctx.services.reconciliation.visit(ctx.actor, due.rows[0].appointment_id)
    assert visit.status is ReconStatus.SETTLED


def test_the_reconciliation_page_writes_off_a_balance(ctx, sign_in, qtbot, idle):
    from app.ui.reconciliation_page import ReconciliationPage

    sign_in("accountant")
    page = ReconciliationPage(ctx)
    qtbot.addWidget(page)
    page.show()
    idle(ctx)
    page.status_filter.setCurrentIndex(page.status_filter.findData(ReconStatus.UNDERPAID))
    page.apply_filters()
    idle(ctx)
    assert page.rows
    page.table.selectRow(0)
    row = page.selected()
    assert page.write_off_button.isVisible()
    assert page.write_off_button.text() == f"Write off {i18n.money(row.recon.balance_due)}…"
    page.ask_write_off_reason = lambda r: "Hardship, approved by the CFO"
    with qtbot.waitSignal(page.balance_written_off, timeout=15_000):
        page.write_off_button.click()
    idle(ctx)
    assert "written off" in page.banner.text()
    assert ctx.services.reconciliation.visit(ctx.actor, row.appointment_id).status \
        is ReconStatus.SETTLED


def test_a_receptionist_is_not_offered_the_write_off(ctx, sign_in, qtbot, idle):
    from app.domain.enums import Role
    from app.domain.roles import Permission, can

    assert not can(Role.RECEPTIONIST, Permission.WRITE_OFF_BALANCE)
    assert can(Role.ACCOUNTANT, Permission.WRITE_OFF_BALANCE)


# ------------------------------------------------------------------------- issue 15
def test_copay_dialog_in_arabic(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    appt_id, due = _visit_today_for_underpaid_patient(ctx)
    i18n.install("ar")
    dialog = _open(ctx, qtbot, appt_id)
    qtbot.waitUntil(lambda: dialog.balance_check.isVisible(), timeout=10_000)
    idle(ctx)
    q = dialog.view.quote
    assert dialog.isRightToLeft() and dialog.scroll.widget().isRightToLeft()
    assert dialog.collect_button.text() == _arabic("&Collect {amount}").format(
        amount=i18n.money(q.patient_amount))
    assert i18n.money(q.patient_amount).endswith(" د.إ")
    assert dialog.patient_amount_label.text() == i18n.money(q.patient_amount)
    assert dialog.methods_box.title() == _arabic("Payment method")
    assert dialog.cancel_button.text() == _arabic("Cancel")
    assert dialog.balance_banner.text().startswith(
        _arabic("Balance from earlier visit: {amount} ({visits}).").split("{")[0])
    assert i18n.money(due.amount) in dialog.balance_banner.text()
    assert dialog.balance_check.text() == _arabic(
        "Also collect the balance from earlier visits ({amount})").format(
        amount=i18n.money(due.amount))
    # The breakdown's values sit on the left, and the collapsed expander points left.
    assert dialog.fee_rows.text().count("<td align='left'") >= 2
    assert dialog.explanation.button.text() == "◂ " + _arabic("How was this calculated?")
    dialog.explanation.set_expanded(True)
    assert dialog.explanation.button.text().startswith("▾ ")
    assert "<ol" not in dialog.explanation.body.text()  # numbered paragraphs, right to left
    dialog.resize(820, 1300)
    _shot(dialog, "copay-ar")
    dialog.balance_check.setChecked(True)
    assert dialog.collect_button.text() == _arabic("&Collect {amount}").format(
        amount=i18n.money(q.patient_amount + due.amount))
    with qtbot.waitSignal(dialog.collect_finished, timeout=15_000):
        dialog.collect_button.click()
    panel = dialog.receipt
    qtbot.waitUntil(lambda: panel.data is not None, timeout=15_000)
    idle(ctx)
    assert panel.isRightToLeft()
    assert panel.print_button.text() == _arabic("&Print…")
    assert panel.total.text() == i18n.money(q.patient_amount + due.amount)
    assert panel.balance.text().startswith(_arabic("Balance from visit of {date}: {amount}")
                                           .split("{")[0])
    assert panel.amount_heading.text() == _arabic("Copay for this visit")
    _shot(dialog, "receipt-balance-ar")


def test_preauth_dialog_in_arabic(ctx, sign_in, find_quote, qtbot):
    from app.ui.preauth_dialog import PreAuthRequestDialog

    sign_in("reception")
    _row, view = find_quote(lambda r, v: v.quote.preauth.blocks_collection)
    i18n.install("ar")
    dialog = PreAuthRequestDialog(ctx, view)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.isRightToLeft()
    assert dialog.windowTitle() == _arabic("Request pre-authorisation")
    assert dialog.send_button.text() == _arabic("&Send Request")
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert any(i18n.money(view.quote.fee) in t for t in labels)
    _shot(dialog, "preauth-ar")


def test_payment_history_in_arabic(ctx, sign_in, qtbot, idle):
    from app.ui.payment_history_dialog import PaymentHistoryDialog

    sign_in("reception")
    paid = next(r for r in ctx.services.queue.day(ctx.actor)
                if r.copay_status.value == "COLLECTED")
    i18n.install("ar")
    dialog = PaymentHistoryDialog(ctx, paid.patient_id, paid.patient_name)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.receipt_loaded, timeout=15_000) as loaded:
        dialog.show()
    idle(ctx)
    data = loaded.args[0]
    assert dialog.isRightToLeft()
    assert dialog.windowTitle() == _arabic("Payments — {patient}").format(
        patient=paid.patient_name)
    assert i18n.money(data.patient_amount) in dialog.payments.item(0).text()
    assert dialog.panel.amount.text() == i18n.money(data.patient_amount)
    assert dialog.panel.save_button.text() == _arabic("&Save PDF…")
    dialog.resize(1000, 560)
    _shot(dialog, "payment-history-ar")


def test_cap_progress_fills_from_the_right_in_arabic(qtbot):
    from app.ui.widgets.cap_progress import CapProgress

    i18n.install("ar")
    bar = CapProgress(_arabic("Annual deductible"))
    qtbot.addWidget(bar)
    bar.set_values(Decimal("150.00"), Decimal("500.00"), Decimal("350.00"), met=False,
                   met_text="", none_text="")
    bar.resize(360, 70)
    bar.show()
    assert bar.bar.isRightToLeft()
    assert bar.caption.text() == _arabic(
        "Used this year: {used} of {total} · {remaining} left").format(
        used="150.00 د.إ", total="500.00 د.إ", remaining="350.00 د.إ")
    image = bar.bar.grab().toImage()
    y = image.height() // 2
    right, left = QColor(image.pixel(image.width() - 6, y)), QColor(image.pixel(6, y))
    assert right.blue() > 150 and right.red() < 80  # the chunk (#0969da) at the right
    assert left.red() > 230 and left.green() > 230  # white where nothing is used yet
    _shot(bar, "cap-progress-ar")


def test_source_banner_and_reason_dialog_in_arabic(qtbot):
    from app.domain.enums import DataSource
    from app.ui.widgets.reason_dialog import ReasonDialog
    from app.ui.widgets.source_banner import SourceBanner

    i18n.install("ar")
    banner = SourceBanner(DataSource.MOCK_DATA)
    qtbot.addWidget(banner)
    assert banner.text().startswith(_arabic("Eligibility: {headline} — {meaning}")
                                    .split("{")[0])
    assert _arabic("SIMULATED") in banner.text()
    assert banner.headline == "SIMULATED"  # the English stays for tests and logs
    dialog = ReasonDialog(_arabic("Waive copay"), "…")
    qtbot.addWidget(dialog)
    assert dialog.isRightToLeft()
    assert dialog.ok_button.text() == _arabic("OK")
    dialog.ok_button.click()  # empty: refused, in Arabic
    assert dialog.error.text() == _arabic("A reason is required.")
    _shot(dialog, "reason-ar")


def test_printing_errors_in_arabic():
    from app.ui.printing import print_pdf

    i18n.install("ar")
    with pytest.raises(ValidationError) as exc:
        print_pdf(b"not a pdf", None, show_dialog=False)
    assert exc.value.message == "There is no receipt to print; render it again."
    assert message_for(exc.value) == _arabic("There is no receipt to print; render it again.")
