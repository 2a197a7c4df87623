"""The copay dialog cross-verifies the insured patient with DHA (the demo clinic runs the
built-in sandbox, MOCK mode) in parallel with the quote, and offers the desk's choices:
a scenario A mismatch gets three buttons, "Treat as self-pay" is audited and re-quotes the
visit as self-pay; an ordinary insured patient shows no mismatch; a coverage change offers
Accept / Reject; a failed check keeps the quote and says DHA was unavailable."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from app.db.models import InsuranceAudit
from app.domain.eligibility import AlertAction, AlertCode
from app.domain.enums import AuditAction, DataSource, VisitType
from app.domain.errors import IntegrationError
from app.integrations.dha.scenarios import BY_EID, SCENARIOS
from app.ui.copay_dialog import CopayDialog

OPEN = ("SCHEDULED", "CONFIRMED")


def _appointment_for(ctx, eid: str) -> int:
    """Today's open appointment of the demo patient holding ``eid`` (a walk-in if none)."""
    actor = ctx.actor
    rows = ctx.services.queue.day(actor)
    for r in rows:
        if r.emirates_id == eid and r.status.value in OPEN and r.copay_status.value == "PENDING":
            return r.appointment_id
    found = [p for p in ctx.services.patients.search(actor, eid) if p.emirates_id == eid]
    if not found or not rows:
        pytest.skip("the demo data has no patient with that Emirates ID")
    return ctx.services.queue.create_walk_in(actor, found[0].patient_id, rows[0].doctor_id,
                                             VisitType.CONSULTATION).appointment_id


def _audits(ctx, appointment_id: int) -> list[AuditAction]:
    with ctx.db.session_factory() as s:
        return list(s.scalars(sa.select(InsuranceAudit.action).where(
            InsuranceAudit.appointment_id == appointment_id).order_by(InsuranceAudit.id)))


@pytest.fixture
def open_checked(ctx, qtbot, idle):
    """Open the dialog; wait for the quote and the eligibility check, then for the quote the
    check asked again."""

    def _open(appointment_id: int, **kw) -> tuple[CopayDialog, object]:
        dialog = CopayDialog(ctx, appointment_id, **kw)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.eligibility_checked, timeout=30_000) as checked:
            dialog.show()
        idle(ctx, 20_000)
        assert dialog.view is not None
        return dialog, checked.args[0]

    return _open


def test_a_mismatch_offers_three_choices_and_self_pay_requotes(ctx, sign_in, open_checked,
                                                              qtbot, idle, tmp_path):
    sign_in("reception")
    appt = _appointment_for(ctx, SCENARIOS["NOT_FOUND"].eid)
    dialog, check = open_checked(appt)
    assert check.alert_codes[0] is AlertCode.MISMATCH_DB_VS_DHA
    assert check.data_source is DataSource.MOCK_DATA
    panel = dialog.eligibility_panel
    assert panel.isVisible()
    for action in (AlertAction.USE_DB_DATA, AlertAction.TREAT_AS_SELFPAY,
                   AlertAction.UPDATE_INSURANCE):
        assert panel.button(action).isVisible() and panel.button(action).isEnabled()
    assert [panel.button(a).text() for a in (AlertAction.USE_DB_DATA,
                                            AlertAction.TREAT_AS_SELFPAY,
                                            AlertAction.UPDATE_INSURANCE)] == \
        ["Use data on file", "Treat as self-pay", "Update from DHA"]
    assert not dialog.view.quote.is_self_pay
    dialog.grab().save(str(tmp_path / "mismatch.png"))
    if os.environ.get("CLINICDESK_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["CLINICDESK_SHOTS"], "copay_mismatch.png"))
    with qtbot.waitSignal(dialog.quote_ready, timeout=20_000):
        panel.button(AlertAction.TREAT_AS_SELFPAY).click()
    idle(ctx)
    assert AuditAction.DHA_MISMATCH_SELFPAY in _audits(ctx, appt)
    assert dialog.view.quote.is_self_pay
    assert dialog.view.quote.patient_amount == dialog.view.quote.fee
    assert AlertAction.TREAT_AS_SELFPAY not in panel.offered()
    assert "self-pay" in panel.done[AlertCode.MISMATCH_DB_VS_DHA]
    if os.environ.get("CLINICDESK_SHOTS"):
        qtbot.wait(200)
        dialog.grab().save(os.path.join(os.environ["CLINICDESK_SHOTS"], "copay_selfpay.png"))


def test_an_ordinary_insured_patient_shows_no_mismatch(ctx, sign_in, find_quote, open_checked):
    sign_in("reception")
    row, _ = find_quote(lambda r, v: not v.quote.is_self_pay and r.emirates_id
                        and r.emirates_id not in BY_EID)
    dialog, check = open_checked(row.appointment_id)
    assert check is not None and check.eligible
    assert AlertCode.MISMATCH_DB_VS_DHA not in check.alert_codes
    assert AlertAction.USE_DB_DATA not in dialog.eligibility_panel.offered()
    # from the day's list: no scenario C reminder either (issue 11), so nothing to offer
    assert dialog.eligibility_panel.offered() == ()
    assert dialog.view.quote.data_source is not DataSource.NOT_CONFIGURED


def test_verify_emirates_id_scans_the_card_and_clears_the_reminder(ctx, sign_in, find_quote,
                                                                   open_checked, qtbot, idle):
    sign_in("reception")
    row, _ = find_quote(lambda r, v: not v.quote.is_self_pay and r.emirates_id
                        and r.emirates_id not in BY_EID)
    # as the walk-in page opens it for a patient picked by name or MRN
    dialog, _check = open_checked(row.appointment_id, picked_by_name=True)
    panel = dialog.eligibility_panel
    panel.ask_eid = lambda: "784-1900-0000000-0"  # someone else's card
    panel.button(AlertAction.VERIFY_EID).click()
    assert "not the Emirates ID on file" in panel.message.text() or \
        "check digit" in panel.message.text()
    panel.ask_eid = lambda: row.emirates_id.replace("-", "")  # the right card, scanned
    with qtbot.waitSignal(panel.resolved, timeout=30_000):
        panel.button(AlertAction.VERIFY_EID).click()
    idle(ctx)
    assert dialog.eligibility.alert_codes == ()
    assert AuditAction.EID_VERIFIED in _audits(ctx, row.appointment_id)
    assert panel.offered() == () and "Emirates ID verified" in panel.message.text()


def test_a_coverage_change_offers_accept_and_reject(ctx, sign_in, open_checked, qtbot, idle):
    sign_in("reception")
    appt = _appointment_for(ctx, SCENARIOS["COPAY_INCREASED"].eid)
    dialog, check = open_checked(appt)
    assert AlertCode.COVERAGE_CHANGED in check.alert_codes
    panel = dialog.eligibility_panel
    accept = panel.button(AlertAction.ACCEPT_COVERAGE_CHANGE)
    reject = panel.button(AlertAction.REJECT_COVERAGE_CHANGE)
    assert accept.text() == "Accept change" and reject.text() == "Reject change"
    assert accept.isVisible() and reject.isVisible()
    if os.environ.get("CLINICDESK_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["CLINICDESK_SHOTS"], "copay_coverage.png"))
    panel.ask_reason = lambda *a: None  # cancelled: nothing happens
    reject.click()
    assert not ctx.ops.busy
    with qtbot.waitSignal(dialog.quote_ready, timeout=20_000):
        accept.click()
    idle(ctx)
    with ctx.db.session_factory() as s:
        actions = list(s.scalars(sa.select(InsuranceAudit.action).where(
            InsuranceAudit.action == AuditAction.COVERAGE_CHANGE_ACCEPTED)))
    assert actions
    assert panel.offered() == ()  # settled; a patient from the list gets no EID reminder


def test_dha_failure_keeps_the_quote_and_says_so(ctx, sign_in, find_quote, qtbot, idle,
                                                 monkeypatch):
    sign_in("reception")
    row, view = find_quote(lambda r, v: not v.quote.is_self_pay and r.emirates_id
                           and r.emirates_id not in BY_EID)

    def broken(*a, **kw):
        raise IntegrationError("DHA eClaimLink did not answer in time", reason="timeout")

    monkeypatch.setattr(ctx.services.eligibility, "verify_patient", broken)
    dialog = CopayDialog(ctx, row.appointment_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.eligibility_checked, timeout=20_000) as checked:
        dialog.show()
    idle(ctx)
    assert isinstance(checked.args[0], IntegrationError)
    panel = dialog.eligibility_panel
    assert panel.alerts[0].code is AlertCode.DHA_VERIFICATION_UNAVAILABLE
    assert panel.offered() == (AlertAction.RETRY,)
    assert dialog.view is not None and dialog.view.quote.patient_amount == \
        view.quote.patient_amount
    assert dialog.collect_button.isEnabled()


def test_walk_in_lookup_shows_the_same_panel_with_its_choices(ctx, sign_in, qtbot, idle,
                                                               tmp_path):
    from app.ui.walkin_dialog import WalkInPage

    sign_in("reception")
    page = WalkInPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    idle(ctx)
    eid = SCENARIOS["NOT_FOUND"].eid
    page.query.setText(eid)
    with qtbot.waitSignal(page.patients_found, timeout=30_000) as found:
        page.search()
    if not found.args[0]:
        pytest.skip("the demo data has no patient with that Emirates ID")
    panel = page.eligibility_panel
    assert panel.isVisible()
    assert panel.offered() == (AlertAction.USE_DB_DATA, AlertAction.TREAT_AS_SELFPAY,
                               AlertAction.UPDATE_INSURANCE)
    assert "not found" not in page.find_message.text()  # alerts are in the panel, not text
    if os.environ.get("CLINICDESK_SHOTS"):
        page.grab().save(os.path.join(os.environ["CLINICDESK_SHOTS"], "walkin_mismatch.png"))
    patient_id = found.args[0][0].id
    with qtbot.waitSignal(panel.resolved, timeout=20_000):
        panel.button(AlertAction.USE_DB_DATA).click()
    idle(ctx)
    with ctx.db.session_factory() as s:
        actions = list(s.scalars(sa.select(InsuranceAudit.action).where(
            InsuranceAudit.patient_id == patient_id)))
    assert AuditAction.DHA_MISMATCH_USE_DB in actions
    assert panel.offered() == ()
    page.reset()
    assert not panel.isVisible()
