"""The Reconciliation, Eligibility review and Activity log pages on the demo clinic (real
PostgreSQL, offscreen): they load, explain, and act through the services."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from app.db.models import Appointment, CopayRefund, InsuranceAudit
from app.domain.enums import AuditAction, EligibilityStatus, RefundStatus
from app.domain.errors import ApproverIsRequester
from app.domain.reconciliation import ReconStatus
from app.ui.activity_page import ActivityPage
from app.ui.eligibility_review_page import EligibilityReviewPage
from app.ui.pages import all_pages
from app.ui.reconciliation_page import ReconciliationPage
from app.ui.widgets.day_edit import set_day


def _open(qtbot, ctx, cls):
    w = cls(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitUntil(lambda: not ctx.ops.busy and w.pages.number >= 1
                    and w.table.rowCount() > 0, timeout=15_000)
    return w


def _reload(w, qtbot, fn):
    with qtbot.waitSignal(w.page_loaded, timeout=10_000):
        fn()


def test_pages_are_registered_with_their_shortcuts():
    specs = {p.key: p for p in all_pages()}
    assert (specs["reconciliation"].shortcut, specs["eligibility_review"].shortcut,
            specs["activity"].shortcut) == ("Ctrl+Shift+1", "Ctrl+Shift+2", "Ctrl+Shift+3")


# --------------------------------------------------------------------- reconciliation
def test_reconciliation_lists_every_case_and_explains_it(ctx, sign_in, qtbot, tmp_path):
    sign_in("accountant")
    w = _open(qtbot, ctx, ReconciliationPage)
    statuses = {r.status for r in w.rows}
    assert statuses == set(ReconStatus)
    over = next(i for i, r in enumerate(w.rows) if r.status is ReconStatus.OVERPAID)
    w.table.selectRow(over)
    text = w.explain.text()
    assert "OVERPAID" in text and "Insurer adjudicated patient portion" in text
    assert "more than their portion" in text
    # The billing office asks for the overpaid difference here (approval by someone else).
    assert w.refund_button.isVisible() and w.refund_button.isEnabled()
    _reload(w, qtbot, lambda: (w.status_filter.setCurrentIndex(
        w.status_filter.findData(ReconStatus.UNDERPAID)), w.apply_filters()))
    assert w.rows and {r.status for r in w.rows} == {ReconStatus.UNDERPAID}
    assert "collect it at the next visit" in w.explain.text()
    target = tmp_path / "recon.csv"
    w.ask_export_path = lambda name: str(target)
    with qtbot.waitSignal(w.export_finished, timeout=15_000) as done:
        qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    assert done.args[0].rows == len(w.rows)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert {r[12] for r in rows[1:]} == {"Underpaid"}


def test_admin_requests_the_overpaid_difference_in_one_click(ctx, sign_in, qtbot):
    sign_in("admin")
    w = _open(qtbot, ctx, ReconciliationPage)
    _reload(w, qtbot, lambda: (w.status_filter.setCurrentIndex(
        w.status_filter.findData(ReconStatus.OVERPAID)), w.apply_filters()))
    w.table.selectRow(0)
    row = w.selected()
    assert w.refund_button.isVisible() and "Request refund of AED" in w.refund_button.text()
    asked = []
    w.confirm_refund = lambda r, method: asked.append((r.appointment_id, method)) or True
    with qtbot.waitSignal(w.refund_requested, timeout=10_000) as sent:
        qtbot.mouseClick(w.refund_button, Qt.MouseButton.LeftButton)
    assert asked == [(row.appointment_id, asked[0][1])]
    assert sent.args[0].refund.amount == row.recon.refundable
    with ctx.db.session_factory() as s:
        refund = s.get(CopayRefund, sent.args[0].refund_id)
        assert refund.status == RefundStatus.PENDING
        assert refund.copay_payment_id == row.payment_id
    qtbot.waitUntil(lambda: not ctx.ops.busy and w.selected() is not None
                    and w.selected().appointment_id == row.appointment_id, timeout=10_000)
    again = w.selected()
    assert again.recon.refundable == 0 and not w.refund_button.isVisible()


def test_accountant_requests_from_reconciliation_but_cannot_approve_it(ctx, sign_in, qtbot):
    sign_in("accountant")
    w = _open(qtbot, ctx, ReconciliationPage)
    _reload(w, qtbot, lambda: (w.status_filter.setCurrentIndex(
        w.status_filter.findData(ReconStatus.OVERPAID)), w.apply_filters()))
    i = next(i for i, r in enumerate(w.rows) if r.recon.refundable > 0)
    w.table.selectRow(i)
    row = w.selected()
    assert w.refund_button.isVisible()
    w.confirm_refund = lambda r, method: True
    with qtbot.waitSignal(w.refund_requested, timeout=10_000) as sent:
        qtbot.mouseClick(w.refund_button, Qt.MouseButton.LeftButton)
    refund_id = sent.args[0].refund_id
    assert sent.args[0].refund.amount == row.recon.refundable
    assert "waits for approval" in w.banner.text()
    with pytest.raises(ApproverIsRequester):
        ctx.services.refunds.approve(ctx.actor, refund_id)
    with ctx.db.session_factory() as s:
        refund = s.get(CopayRefund, refund_id)
        assert refund.status == RefundStatus.PENDING and refund.approved_by is None
        assert refund.requested_by == ctx.actor.user_id


# ---------------------------------------------------------------- eligibility review
def test_eligibility_review_shows_the_payload_and_an_admin_overrides(ctx, sign_in, qtbot):
    sign_in("admin")
    w = _open(qtbot, ctx, EligibilityReviewPage)
    today = dt.date.today()
    set_day(w.date_from, today - dt.timedelta(days=30))
    set_day(w.date_to, today + dt.timedelta(days=30))
    _reload(w, qtbot, w.apply_filters)
    checked = next(i for i, r in enumerate(w.rows) if r.details)
    w.table.selectRow(checked)
    row = w.selected()
    assert row.patient_name in w.payload.toPlainText()
    assert w.eligible_button.isEnabled() and w.not_eligible_button.isEnabled()
    w.ask_reason = lambda title, prompt: "Payer confirmed cover by phone, ref 4471"
    with qtbot.waitSignal(w.overridden, timeout=10_000) as done:
        qtbot.mouseClick(w.not_eligible_button, Qt.MouseButton.LeftButton)
    assert done.args[0].appointment_id == row.appointment_id
    qtbot.waitUntil(lambda: not ctx.ops.busy and w.selected() is not None
                    and w.selected().review_label == "Overridden", timeout=10_000)
    assert "Override" in w.payload.toPlainText()
    assert "Payer confirmed cover by phone" in w.payload.toPlainText()
    with ctx.db.session_factory() as s:
        appt = s.get(Appointment, row.appointment_id)
        assert appt.eligibility_status == EligibilityStatus.REJECTED
        audit = s.scalars(sa.select(InsuranceAudit).where(
            InsuranceAudit.appointment_id == row.appointment_id,
            InsuranceAudit.action == AuditAction.ELIGIBILITY_OVERRIDE)).one()
        assert audit.reason == "Payer confirmed cover by phone, ref 4471"


def test_eligibility_override_buttons_are_for_admins_only(ctx, sign_in, qtbot):
    sign_in("accountant")
    w = _open(qtbot, ctx, EligibilityReviewPage)
    assert not w.eligible_button.isVisible() and not w.not_eligible_button.isVisible()


# ----------------------------------------------------------------------- activity log
def test_activity_log_filters_and_exports(ctx, sign_in, qtbot, tmp_path):
    sign_in("admin")
    w = _open(qtbot, ctx, ActivityPage)
    set_day(w.date_from, dt.date.today() - dt.timedelta(days=3650))
    _reload(w, qtbot, w.apply_filters)
    assert w.rows
    qtbot.waitUntil(lambda: w.action.findText("DEMO_CREATED") >= 0, timeout=10_000)
    w.action.setCurrentText("DEMO_CREATED")
    _reload(w, qtbot, w.apply_filters)
    assert [r.action for r in w.rows] == ["DEMO_CREATED"]
    assert w.table.item(0, 2).text() == "System"
    target = tmp_path / "activity.csv"
    w.ask_export_path = lambda name: str(target)
    with qtbot.waitSignal(w.export_finished, timeout=15_000) as done:
        qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    assert done.args[0].rows == 1 and "Exported 1 entry" in w.banner.text()
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][1] == "DEMO_CREATED"


@pytest.mark.parametrize("username", ["accountant", "reception"])
def test_activity_log_is_not_in_the_navigation_of(username):
    from app.domain.enums import Role
    from app.domain.roles import can

    spec = next(p for p in all_pages() if p.key == "activity")
    role = {"accountant": Role.ACCOUNTANT, "reception": Role.RECEPTIONIST}[username]
    assert not can(role, spec.permission)


# ------------------------------------------------------------------------- copay dialog
def test_copay_dialog_shows_the_balance_from_an_underpaid_visit(ctx, sign_in, qtbot):
    from app.db.models import Appointment
    from app.domain.enums import AppointmentStatus
    from app.ui.copay_dialog import CopayDialog

    sign_in("reception")
    with ctx.db.session_factory() as s, s.begin():
        underpaid = s.execute(sa.text(
            "SELECT a.id FROM claims c JOIN appointments a ON a.id = c.appointment_id "
            "WHERE c.status = 'APPROVED' AND c.details ->> 'demo' = 'true'")).scalars().all()
        visits = [s.get(Appointment, i) for i in underpaid]
    dues = {v.patient_id: ctx.services.reconciliation.balance_due(ctx.actor, v.patient_id)
            for v in visits}
    patient_id, due = next((p, d) for p, d in dues.items() if d.amount > 0)
    old = next(v for v in visits if v.patient_id == patient_id)
    today = dt.date.today()
    start = dt.datetime.combine(today, dt.time(23, 30), old.scheduled_start.tzinfo)
    with ctx.db.session_factory() as s, s.begin():
        appt = Appointment(hospital_id=old.hospital_id, patient_id=patient_id,
                           doctor_id=old.doctor_id, department_id=old.department_id,
                           scheduled_start=start, appointment_date=today,
                           visit_type=old.visit_type, status=AppointmentStatus.SCHEDULED,
                           eligibility_details={})
        s.add(appt)
        s.flush()
        appt_id = appt.id
    dialog = CopayDialog(ctx, appt_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.quote_ready, timeout=10_000):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.balance_banner.isVisible(), timeout=10_000)
    text = dialog.balance_banner.text()
    assert text.startswith(f"Balance from earlier visit: AED {due.amount:,.2f} (insurer "
                           "adjudicated AED")
    assert "not included in today's amount" in text
