"""The "Emirates ID not verified" reminder (seed 004 §3 scenario C) appears only when the
patient was picked by name or MRN and the Emirates ID has not been verified (issue 11):
not for scheduled patients, not after a lookup by Emirates ID, and verifying the card says
so."""

from __future__ import annotations

import os

import sqlalchemy as sa

from app.domain.eligibility import AlertAction, AlertCode
from app.integrations.dha.scenarios import BY_EID
from app.ui.copay_dialog import CopayDialog
from app.ui.walkin_dialog import WalkInPage

EID_ALERT = AlertCode.EID_VERIFICATION_NEEDED


def _dialog_check(ctx, qtbot, idle, dialog):
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.eligibility_checked, timeout=30_000) as checked:
        dialog.show()
    idle(ctx, 20_000)
    return checked.args[0]


def _insured_without_visit_today(ctx) -> tuple[str, str]:
    """(Emirates ID, MRN) of an insured demo patient with no appointment today."""
    with ctx.db.session_factory() as s:
        rows = s.execute(sa.text(
            "SELECT p.emirates_id, p.mrn FROM patients p JOIN patient_insurances i "
            "ON i.patient_id = p.id AND i.is_active AND i.priority = 1 "
            "WHERE p.emirates_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM appointments a "
            "WHERE a.patient_id = p.id AND a.appointment_date >= current_date - 1) "
            "AND (i.expiry_date IS NULL OR i.expiry_date > current_date + 2) "
            "ORDER BY p.id")).all()
    return next((e, m) for e, m in rows if e not in BY_EID)


def _page(ctx, qtbot, idle) -> WalkInPage:
    page = WalkInPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    idle(ctx)
    return page


def test_a_scheduled_insured_patient_gets_no_eid_reminder(ctx, sign_in, find_quote, qtbot,
                                                         idle):
    sign_in("reception")
    row, _ = find_quote(lambda r, v: not v.quote.is_self_pay and r.emirates_id
                        and r.emirates_id not in BY_EID)
    check = _dialog_check(ctx, qtbot, idle, CopayDialog(ctx, row.appointment_id))
    assert check is not None and check.eligible
    assert EID_ALERT not in check.alert_codes


def test_found_by_emirates_id_then_walk_in_gets_no_eid_reminder(ctx, sign_in, qtbot, idle,
                                                                tmp_path):
    sign_in("reception")
    eid, _mrn = _insured_without_visit_today(ctx)
    page = _page(ctx, qtbot, idle)
    page.query.setText(eid)
    with qtbot.waitSignal(page.patients_found, timeout=30_000):
        page.search()
    idle(ctx)
    assert not page.requires_eid_verification and not page.verify_flag.isVisible()
    with qtbot.waitSignal(page.walk_in_created, timeout=10_000):
        page.create_button.click()
    check = _dialog_check(ctx, qtbot, idle, page.dialog)
    assert check is not None and EID_ALERT not in check.alert_codes
    page.dialog.grab().save(str(tmp_path / "walkin_by_eid_copay.png"))


def test_picked_by_name_is_reminded_and_verifying_confirms(ctx, sign_in, qtbot, idle, tmp_path):
    sign_in("reception")
    eid, mrn = _insured_without_visit_today(ctx)
    page = _page(ctx, qtbot, idle)
    page.by_name.setChecked(True)
    page.query.setText(mrn)
    with qtbot.waitSignal(page.patients_found, timeout=10_000):
        page.search()
    assert page.requires_eid_verification
    with qtbot.waitSignal(page.walk_in_created, timeout=10_000):
        page.create_button.click()
    dialog = page.dialog
    check = _dialog_check(ctx, qtbot, idle, dialog)
    assert check is not None and EID_ALERT in check.alert_codes
    panel = dialog.eligibility_panel
    panel.ask_eid = lambda: eid.replace("-", "")  # the right card, scanned
    with qtbot.waitSignal(panel.resolved, timeout=30_000):
        panel.button(AlertAction.VERIFY_EID).click()
    idle(ctx)
    assert EID_ALERT not in dialog.eligibility.alert_codes
    assert panel.isVisible() and panel.message.isVisible()
    assert "Emirates ID verified" in panel.message.text()
    dialog.grab().save(str(tmp_path / "eid_verified.png"))
    if os.environ.get("CLINICDESK_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["CLINICDESK_SHOTS"], "eid_verified.png"))
    # Verified today: the same patient picked by name again is not reminded.
    again = ctx.services.eligibility.verify_patient(ctx.actor, check.patient.id,
                                                    selected_by_eid=False, picked_by_name=True)
    assert EID_ALERT not in again.alert_codes
