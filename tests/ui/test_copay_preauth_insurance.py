"""The copay dialog's Request Pre-Auth and Add Insurance, end to end on the demo clinic: bad
input is explained inside the small dialog and writes nothing; a request sent turns the
pre-auth panel yellow (PENDING); a policy added makes the self-pay quote an insured one and
the dialog verifies it with DHA (the demo runs the MOCK sandbox)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame

from app.db.models import InsuranceAudit, PatientInsurance, PreAuthRequest
from app.domain.enums import AuditAction, PreAuthRequestStatus, PreAuthStatus, VerificationSource
from app.ui.copay_dialog import CopayDialog
from app.ui.widgets.banner import FIELD_ERROR_CSS, KINDS


@pytest.fixture
def open_settled(ctx, qtbot, idle):
    """Open the dialog and wait for the quote and the DHA check it starts (and the quote the
    check asks again), so what a test does next is the only thing running."""

    def _open(appointment_id: int) -> CopayDialog:
        dialog = CopayDialog(ctx, appointment_id)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.eligibility_checked, timeout=30_000):
            dialog.show()
        idle(ctx, 20_000)
        assert dialog.view is not None
        return dialog

    return _open


def _rows(ctx, model, **where):
    with ctx.db.session_factory() as s:
        return list(s.scalars(sa.select(model).filter_by(**where).order_by(model.id)))


def _ids(ctx, model, **where) -> set[int]:
    return {r.id for r in _rows(ctx, model, **where)}


def test_request_preauth_turns_the_panel_pending(ctx, sign_in, find_quote, open_settled, qtbot,
                                                 idle):
    sign_in("reception")
    row, view = find_quote(lambda r, v: "REQUEST_PREAUTH" in v.quote.allowed_actions)
    dialog = open_settled(row.appointment_id)
    q = dialog.view.quote
    assert q.preauth.blocks_collection and not dialog.collect_button.isEnabled()
    button = dialog.request_preauth_button
    assert button.isVisible() and f"CPT {q.cpt_code}" in button.toolTip()

    before = _ids(ctx, PreAuthRequest, appointment_id=row.appointment_id)
    button.click()
    request = dialog.preauth_dialog
    assert request is not None and request.isVisible()
    shown = " ".join(w.text() for w in request.findChildren(type(dialog.patient_label)))
    assert q.primary.payer_name in shown and q.primary.policy_number in shown
    assert f"CPT {q.cpt_code}" in shown and dialog.view.header.patient_name in shown

    # Bad input: said in the small dialog, the field marked, nothing written.
    request.amount.setText("about five hundred")
    with qtbot.waitSignal(request.error_shown, timeout=10_000) as refused:
        qtbot.keyClick(request.amount, Qt.Key.Key_Return)  # Enter sends
    assert refused.args[0] == "Expected amount must be a number, like 150.00."
    assert request.isVisible() and request.error.isVisible()
    assert request.amount.styleSheet() == FIELD_ERROR_CSS
    assert _ids(ctx, PreAuthRequest, appointment_id=row.appointment_id) == before

    request.amount.setText("450")
    request.note.setPlainText("Persistent knee pain after a fall; MRI advised.")
    with qtbot.waitSignal(request.preauth_requested, timeout=10_000):
        request.send_button.click()
    qtbot.waitUntil(lambda: dialog.view.quote.preauth.status is PreAuthStatus.PENDING,
                    timeout=10_000)
    idle(ctx)
    assert not request.isVisible()

    after = _rows(ctx, PreAuthRequest, appointment_id=row.appointment_id)
    [new] = [r for r in after if r.id not in before]
    assert (new.status, new.cpt_code, new.details["expected_amount"], new.details["note"]) == (
        PreAuthRequestStatus.PENDING, q.cpt_code, "450.00",
        "Persistent knee pain after a fall; MRI advised.")
    actions = [a.action for a in _rows(ctx, InsuranceAudit, appointment_id=row.appointment_id)]
    assert AuditAction.PREAUTH_REQUESTED in actions

    # The panel is the yellow PENDING one, and collection is no longer blocked.
    panel = dialog.scroll.widget().findChild(QFrame, "PreAuth")
    assert KINDS["warning"][0] in panel.styleSheet()
    assert "Pre-authorisation pending" in dialog.preauth_label.text()
    assert f"request #{new.id}" in dialog.preauth_label.text()
    assert dialog.request_preauth_button.isHidden()
    assert dialog.collect_button.isEnabled()


def test_add_insurance_makes_a_self_pay_quote_insured(ctx, sign_in, find_quote, open_settled,
                                                      qtbot, idle, tmp_path):
    sign_in("reception")
    row, view = find_quote(lambda r, v: v.quote.is_self_pay
                           and v.quote.self_pay_reason.value != "CONVERTED")
    dialog = open_settled(row.appointment_id)
    assert dialog.add_insurance_button.isVisible() and dialog.add_insurance_button.toolTip()

    dialog.add_insurance_button.click()
    add = dialog.insurance_dialog
    assert add is not None and add.isVisible()
    if add.payer.count() <= 1:
        with qtbot.waitSignal(add.payers_loaded, timeout=10_000):
            pass
    assert add.save_button.isEnabled() and add.payer.count() > 1
    # The new policy starts on the day of the visit unless the card says otherwise.
    assert add.effective.date().toPython() == view.header.appointment_date
    # The demo runs the DHA simulator: the dialog says a check will be SIMULATED (issue 11).
    assert "SIMULATED" in add.note.text()
    add.grab().save(str(tmp_path / "add_insurance.png"))

    # Nothing chosen or typed: every problem at once, each field marked, nothing written.
    with qtbot.waitSignal(add.error_shown, timeout=10_000) as refused:
        add.save_button.click()
    assert "Choose the insurance payer." in refused.args[0]
    assert "Policy number is required." in refused.args[0]
    assert add.payer.styleSheet() == FIELD_ERROR_CSS
    assert add.policy_number.styleSheet() == FIELD_ERROR_CSS
    assert add.policy_number.toolTip() == "Policy number is required."
    assert _rows(ctx, PatientInsurance, patient_id=row.patient_id, is_active=True) == []

    add.payer.setCurrentIndex(1)
    payer_name = add.payer.currentText().rsplit(" (", 1)[0]
    add.policy_number.setText("CARD-2026-777")
    add.member_id.setText("M-555")
    add.copay_pct.setText("15")
    add.deductible.setText("lots")
    with qtbot.waitSignal(add.error_shown, timeout=10_000) as refused:
        add.save_button.click()
    assert refused.args[0] == "Annual deductible must be a number, like 150.00."
    assert add.deductible.styleSheet() == FIELD_ERROR_CSS and add.payer.styleSheet() == ""

    add.deductible.setText("250")
    with qtbot.waitSignal(dialog.eligibility_checked, timeout=30_000) as checked, \
            qtbot.waitSignal(add.insurance_added, timeout=10_000):
        add.save_button.click()
    idle(ctx, 20_000)
    assert not add.isVisible()

    q = dialog.view.quote
    assert not q.is_self_pay and q.primary.payer_name == payer_name
    assert q.primary.policy_number == "CARD-2026-777"
    assert payer_name in dialog.insurance_label.text()
    assert "CARD-2026-777" in dialog.insurance_label.text()
    assert dialog.add_insurance_button is None  # the self-pay panel is gone
    assert dialog.waive_button.isVisible()  # insured: waive is offered again
    assert "Collect Self-Pay" not in dialog.collect_button.text().replace("&", "")

    [policy] = _rows(ctx, PatientInsurance, patient_id=row.patient_id, is_active=True)
    assert (policy.member_id, str(policy.copay_pct), str(policy.annual_deductible)) == (
        "M-555", "15.00", "250.00")
    audits = _rows(ctx, InsuranceAudit, patient_id=row.patient_id,
                   action=AuditAction.INSURANCE_ADDED)
    assert len(audits) == 1 and audits[0].appointment_id == row.appointment_id
    # The dialog ran the DHA check again, now for the new policy (MOCK mode mirrors it at
    # once, so DHA confirms what was typed and the policy is verified). A patient with no
    # Emirates ID on file cannot be asked about: the policy stays as typed (MANUAL) and the
    # desk is told to scan the ID.
    result = checked.args[0]
    assert result is not None and not isinstance(result, BaseException)
    assert result.policy is not None and result.policy.insurance_id == policy.id
    if result.verification.dha is not None and result.eligible:
        # The demo runs the MOCK simulator: a policy typed by hand is never stored as a
        # real DHA verification (issue 11).
        assert result.simulated
        assert policy.verification_source is VerificationSource.SIMULATED
    else:
        assert policy.verification_source is VerificationSource.MANUAL
        assert result.verification.requires_eid_verification
