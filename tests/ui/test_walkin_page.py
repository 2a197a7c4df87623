"""The walk-in page: Emirates ID checked inline (scanner or typed), name/MRN search flagged for
EID verification, quick registration with inline errors that keep the data, then the walk-in
appointment and the copay dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.eid import make_eid
from app.domain.enums import Gender
from app.ui.walkin_dialog import WalkInPage


def _page(ctx, qtbot, idle) -> WalkInPage:
    page = WalkInPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    idle(ctx)
    return page


def test_a_bad_emirates_id_is_refused_inline_without_a_lookup(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    page.query.setText("784-1990-1234567-1")  # wrong check digit
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert "check digit" in page.find_message.text()
    assert not ctx.ops.busy
    page.query.setText("12345")
    page.search()
    assert "15 digits" in page.find_message.text()


def test_scanned_emirates_id_finds_the_patient(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    known = next(r for r in ctx.services.queue.day(ctx.actor) if r.emirates_id)
    qtbot.keyClicks(page.query, known.emirates_id.replace("-", ""))  # a wedge reader types
    with qtbot.waitSignal(page.patients_found, timeout=5_000) as found:
        qtbot.keyClick(page.query, Qt.Key.Key_Return)  # ... and presses Enter
    assert [r.mrn for r in found.args[0]] == [known.mrn]
    assert page.query.text() == known.emirates_id  # shown normalised
    assert page.patient is not None and not page.requires_eid_verification
    if not hasattr(ctx.services, "eligibility"):
        assert page.source.isVisible() and "Manual verification required" in page.source.text()


def test_name_search_flags_eid_verification(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    known = ctx.services.queue.day(ctx.actor)[0]
    page.by_name.setChecked(True)
    page.query.setText(known.mrn)
    with qtbot.waitSignal(page.patients_found, timeout=5_000):
        page.search()
    assert "EID verification needed" in page.results.item(0).text()
    assert page.requires_eid_verification
    assert "EID verification needed" in page.verify_flag.text()


def test_quick_registration_keeps_data_on_error_then_creates_the_walk_in(ctx, sign_in, qtbot,
                                                                         idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    new_eid = make_eid(1991, 7_654_321)
    page.query.setText(new_eid.replace("-", " "))
    with qtbot.waitSignal(page.patients_found, timeout=5_000) as found:
        page.search()
    assert found.args[0] == [] and page.register_box.isVisible()
    assert page.reg_eid.text() == new_eid

    page.first_name.setText("Amal")
    page.phone.setText("+971 50 123 4567")
    page.register_button.click()  # last name and gender missing
    assert "marked *" in page.register_message.text()
    assert page.first_name.text() == "Amal" and page.phone.text() == "+971 50 123 4567"
    assert "b42318" in page.last_name.styleSheet()
    assert not ctx.ops.busy

    page.last_name.setText("Rahman")
    page.gender.setCurrentIndex(page.gender.findData(Gender.FEMALE))
    with qtbot.waitSignal(page.patient_registered, timeout=5_000):
        page.register_button.click()
    assert page.patient is not None and page.patient.emirates_id == new_eid
    assert page.create_button.isEnabled()

    with qtbot.waitSignal(page.walk_in_created, timeout=5_000) as created:
        page.create_button.click()
    dialog = page.dialog
    with qtbot.waitSignal(dialog.quote_ready, timeout=10_000):
        pass
    assert dialog.appointment_id == created.args[0]
    assert dialog.view.quote.is_self_pay  # a new patient has no insurance on file
    with qtbot.waitSignal(page.checked_in, timeout=10_000):
        dialog.defer_button.click()
    assert "token #" in page.visit_message.text()


def test_duplicate_emirates_id_registration_is_explained(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    page = _page(ctx, qtbot, idle)
    known = next(r for r in ctx.services.queue.day(ctx.actor) if r.emirates_id)
    page.show_registration()
    page.first_name.setText("Someone")
    page.last_name.setText("Else")
    page.gender.setCurrentIndex(1)
    page.reg_eid.setText(known.emirates_id)
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=5_000):
        page.register_button.click()
    assert "already registered" in page.register_message.text()
    assert page.first_name.text() == "Someone"
