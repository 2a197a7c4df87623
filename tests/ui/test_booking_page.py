"""The booking page on the demo: the three modes (Standard, Quick Book, Emergency) show free
slots and book one with the keyboard; reschedule and cancel from the patient's upcoming
bookings; another desk's booking removes the slot here (live)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from app.domain.enums import AppointmentStatus
from app.ui.booking_page import EMERGENCY, QUICK, STANDARD, BookingPage


def _page(ctx, qtbot, idle) -> BookingPage:
    page = BookingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    idle(ctx)
    return page


def _next_monday(ctx) -> QDate:
    today = dt.datetime.now(ctx.clinic_zone).date()
    d = today + dt.timedelta(days=7 - today.weekday())
    return QDate(d.year, d.month, d.day)


def _choose_patient(page, ctx, qtbot, idle, *, self_pay: bool = False):
    """A patient of today's queue (``self_pay``: one without insurance, whose copay is the
    whole fee whatever the day's demo policies cover)."""
    rows = ctx.services.queue.day(ctx.actor)
    known = next(r for r in rows if r.primary_insurer is None) if self_pay else rows[0]
    page.query.setText(known.mrn)
    with qtbot.waitSignal(page.patients_found, timeout=5_000):
        qtbot.keyClick(page.query, Qt.Key.Key_Return)
    idle(ctx)
    assert page.patient is not None and page.patient.mrn == known.mrn
    return page.patient


def test_standard_mode_books_a_slot_with_the_keyboard(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    patient = _choose_patient(page, ctx, qtbot, idle)
    page.tabs.setCurrentIndex(STANDARD)
    gp = page.std_dept.findText("General Practice")
    page.std_dept.setCurrentIndex(gp)
    with qtbot.waitSignal(page.slots_loaded, timeout=5_000):
        page.std_date.setDate(_next_monday(ctx))
    idle(ctx)
    assert page.std_slots.count() == 32  # 09-13 and 16-20 in quarters
    assert page.std_slots.item(0).text() == "09:00"
    page.std_slots.setFocus()
    page.std_slots.setCurrentRow(1)
    with qtbot.waitSignal(page.booked, timeout=10_000) as done:
        qtbot.keyClick(page.std_slots, Qt.Key.Key_Return)
    b = done.args[0].booking
    assert b.start.strftime("%H:%M") == "09:15" and b.patient_id == patient.patient_id
    assert "Booked" in page.message.text()
    idle(ctx)
    assert page.std_slots.count() == 31 and page.std_slots.item(1).text() == "09:30"
    assert [u.appointment_id for u in page.upcoming_rows] == [b.appointment_id]


def test_quick_book_shows_the_department_side_by_side_and_books_a_cell(ctx, sign_in, qtbot,
                                                                      idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    _choose_patient(page, ctx, qtbot, idle)
    page.tabs.setCurrentIndex(QUICK)
    with qtbot.waitSignal(page.slots_loaded, timeout=5_000):
        page.quick_date.setDate(_next_monday(ctx))
    idle(ctx)
    grid = page.quick_grid
    assert grid.columnCount() >= 1 and grid.rowCount() == 32
    doctor = grid.horizontalHeaderItem(0).text()
    grid.setFocus()
    grid.setCurrentCell(4, 0)
    with qtbot.waitSignal(page.booked, timeout=10_000) as done:
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    b = done.args[0].booking
    assert b.doctor_name == doctor and b.start.strftime("%H:%M") == "10:00"
    idle(ctx)
    assert grid.item(4, 0).text() == "10:15"  # 10:00 is gone from the column


def test_emergency_mode_shows_todays_emergency_slots_at_once(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    _choose_patient(page, ctx, qtbot, idle)
    page.tabs.setCurrentIndex(EMERGENCY)
    idle(ctx)
    assert "Emergency" in page.er_title.text() and "today" in page.er_title.text()
    assert page.visit_type.currentData() == "EMERGENCY"
    now = dt.datetime.now(ctx.clinic_zone)
    grid = page.er_grid
    if grid.rowCount() == 0:  # after 23:15 in Dubai the day has no slot left
        assert now.hour == 23
        return
    first = grid.item(0, 0).data(Qt.ItemDataRole.UserRole + 1)[1]
    assert first >= now + dt.timedelta(minutes=15)  # nothing within 15 minutes
    assert first.date() == now.date()
    grid.setCurrentCell(0, 0)
    with qtbot.waitSignal(page.booked, timeout=10_000) as done:
        page.book()
    assert done.args[0].booking.is_emergency


def test_reschedule_and_cancel_from_upcoming_bookings(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    _choose_patient(page, ctx, qtbot, idle)
    page.tabs.setCurrentIndex(STANDARD)
    with qtbot.waitSignal(page.slots_loaded, timeout=5_000):
        page.std_date.setDate(_next_monday(ctx))
    idle(ctx)
    page.std_slots.setCurrentRow(0)
    with qtbot.waitSignal(page.booked, timeout=10_000) as done:
        page.book()
    first = done.args[0].booking
    idle(ctx)
    page.upcoming.setCurrentRow([u.appointment_id for u in page.upcoming_rows].index(
        first.appointment_id))
    page.std_slots.setCurrentRow(5)
    assert page.reschedule_button.isEnabled()
    with qtbot.waitSignal(page.booked, timeout=10_000) as moved:
        qtbot.mouseClick(page.reschedule_button, Qt.MouseButton.LeftButton)
    assert moved.args[0].booking.appointment_id == first.appointment_id
    assert moved.args[0].booking.start > first.start
    idle(ctx)
    page.upcoming.setCurrentRow([u.appointment_id for u in page.upcoming_rows].index(
        first.appointment_id))
    page.ask_cancel_reason = lambda booking: "Patient travelling"
    with qtbot.waitSignal(page.cancelled, timeout=10_000) as cancelled:
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert cancelled.args[0].refund_offer is None  # nothing was collected
    idle(ctx)
    assert first.appointment_id not in [u.appointment_id for u in page.upcoming_rows]
    row = ctx.services.queue.row(ctx.actor, first.appointment_id)
    assert row.status is AppointmentStatus.CANCELLED


def test_another_desks_booking_removes_the_slot_here(ctx, second_ctx, sign_in, qtbot, idle):
    from app.ui.app import DeskController

    sign_in("reception")
    sign_in("admin", context=second_ctx)
    controller = DeskController(ctx)  # this desk listens for NOTIFYs, as the app starts it
    controller._start_listener()
    assert ctx.listeners[0].wait_ready(5)
    page = _page(ctx, qtbot, idle)
    with qtbot.waitSignal(page.slots_loaded, timeout=5_000):
        page.std_date.setDate(_next_monday(ctx))
    idle(ctx)
    before = page.std_slots.count()
    item = page.std_slots.item(2).data(Qt.ItemDataRole.UserRole + 1)
    patient = ctx.services.queue.day(ctx.actor)[1]
    second_ctx.services.booking.book(second_ctx.actor, patient.patient_id, item[0], item[1])
    # the other desk's NOTIFY reaches this one's bus (the listener), which reloads the list
    qtbot.waitUntil(lambda: page.std_slots.count() == before - 1, timeout=10_000)


def test_cancelling_a_paid_booking_offers_the_refund_request(ctx, sign_in, qtbot, idle):
    """Book today's emergency slot, collect its copay, cancel it: the page offers the refund
    request, and accepting files a PENDING refund of what was paid."""
    from app.domain.enums import PaymentMethod, RefundStatus

    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    patient = _choose_patient(page, ctx, qtbot, idle, self_pay=True)
    page.tabs.setCurrentIndex(EMERGENCY)
    idle(ctx)
    if page.er_grid.rowCount() == 0:  # after 23:15 in Dubai the day has no slot left
        return
    page.er_grid.setCurrentCell(0, 0)
    with qtbot.waitSignal(page.booked, timeout=10_000) as done:
        page.book()
    appt_id = done.args[0].booking.appointment_id
    paid = ctx.services.copay.collect(ctx.actor, appt_id, PaymentMethod.CASH, "gui-refund-1")
    assert paid.amount > 0
    idle(ctx)
    page.upcoming.setCurrentRow([u.appointment_id for u in page.upcoming_rows].index(appt_id))
    offered = []
    page.ask_cancel_reason = lambda booking: "Patient left before being seen"
    page.confirm_refund = lambda offer: offered.append(offer) or True
    with qtbot.waitSignal(page.cancelled, timeout=10_000):
        page.cancel_button.click()
    qtbot.waitUntil(lambda: "refund of" in page.message.text(), timeout=10_000)
    assert offered and offered[0].payment.receipt_number == paid.receipt_number
    refunds = ctx.services.refunds.list(ctx.actor, RefundStatus.PENDING, patient.mrn)
    mine = [r for r in refunds.rows if r.original_receipt_number == paid.receipt_number]
    assert [(r.amount, r.reason.value) for r in mine] == [
        (offered[0].amount, "APPOINTMENT_CANCELLED")]
    assert offered[0].amount > 0
