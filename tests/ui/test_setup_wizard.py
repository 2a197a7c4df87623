"""First start on an empty shared database: the app opens the setup wizard (not the demo);
filling every page and pressing Create clinic makes a working clinic and lands on sign-in,
where the new administrator signs in. A desk that loses the race to another desk is sent to
sign-in with a clear message. The embedded default still opens on the demo."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from app.db.models import ChargeItem, Department, Hospital, InsurancePayer, User
from app.domain.accounts import CHART_OF_ACCOUNTS
from app.ui.app import DeskController, make_context, make_qapp
from tests.ui.conftest import desk_settings

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Olive-Harbour-Lamp-19"
SHOTS = Path(os.environ.get("CLINICDESK_SHOTS", "/tmp/clinicdesk-setup-shots"))


@pytest.fixture
def blank_settings(tmp_path, blank_db_url):
    return desk_settings(tmp_path, blank_db_url, "setup-desk")


@pytest.fixture
def controller(qapp, qtbot, blank_settings):
    make_qapp()  # the application's style sheet, as on a desk (and in the screenshots)
    ctx = make_context(blank_settings)
    c = DeskController(ctx)
    yield c
    for w in (c.setup, c.main, c.login):
        if w is not None:
            w.close()
    c.shutdown()
    qapp.setStyleSheet("")  # leave the other tests' application as they expect it


def _open_wizard(controller, qtbot):
    controller.show_login()
    qtbot.waitUntil(lambda: controller.setup is not None, timeout=30_000)
    wizard = controller.setup
    assert wizard.isVisible() and not controller.login.isVisible()
    return wizard


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _next(qtbot, wizard) -> None:
    before = wizard.currentId()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == before + 1, wizard.page(before).error.text()


def _fill(qtbot, wizard) -> None:
    h = wizard.hospital
    _shot(wizard, "setup-0-hospital-empty")
    qtbot.keyClicks(h.name, "Jumeirah Family Clinic")
    qtbot.keyClicks(h.code, "JFC01")
    qtbot.keyClicks(h.trn, "1001234567")  # too short first
    h.address.setPlainText("Villa 12, Al Wasl Road, Jumeirah 1, Dubai")
    qtbot.keyClicks(h.phone, "+971 4 123 4567")
    qtbot.keyClicks(h.email, "desk@jfc.ae")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == 0 and "15" in h.error.text()
    _shot(wizard, "setup-0-hospital-bad-trn")
    qtbot.keyClicks(h.trn, "00003")
    assert h.timezone.currentText() == "Asia/Dubai"
    _shot(wizard, "setup-0-hospital")
    _next(qtbot, wizard)

    a = wizard.admin
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(a.username, "mariam.k")
    qtbot.keyClicks(a.full_name, "Mariam Khalifa")
    qtbot.keyClicks(a.password, "password2024")
    assert not next_button.isEnabled() and "guessed" in a.strength.text()
    _shot(wizard, "setup-1-admin-weak")
    a.password.clear()
    qtbot.keyClicks(a.password, PASSWORD)
    qtbot.keyClicks(a.confirm, PASSWORD[:-1])
    assert not next_button.isEnabled() and "differ" in a.strength.text()
    qtbot.keyClicks(a.confirm, PASSWORD[-1])
    assert next_button.isEnabled() and "Strong enough" in a.strength.text()
    _shot(wizard, "setup-1-admin")
    _next(qtbot, wizard)

    assert wizard.accounts.table.rowCount() == len(CHART_OF_ACCOUNTS)
    codes = [wizard.accounts.table.item(r, 0).text()
             for r in range(wizard.accounts.table.rowCount())]
    assert codes == sorted(codes)  # 1020 and 1200 among the assets, not after revenue
    _shot(wizard, "setup-2-accounts")
    _next(qtbot, wizard)

    c = wizard.charges
    c.table.item(1, 3).setText("abc")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == 3 and "number" in c.error.text()
    c.table.item(1, 3).setText("250.00")
    c.table.item(0, 4).setText("5")
    c.table.item(2, 2).setText("Emergency <walk-in> visit")
    _shot(wizard, "setup-3-charges")
    _next(qtbot, wizard)

    p = wizard.payers
    assert p.payers() == ()  # none ticked by default
    p.set_ticked("DAMAN")
    p.set_ticked("SUKOON")
    p.table.item(0, 3).setText("INS026")
    p.add_department.click()
    row = p.departments.rowCount() - 1
    p.departments.item(row, 0).setText("PED")
    p.departments.item(row, 1).setText("Pediatrics")
    _shot(wizard, "setup-4-payers")
    _next(qtbot, wizard)
    assert "Jumeirah Family Clinic" in wizard.review.summary.text()
    assert "mariam.k" in wizard.review.summary.text()
    # the review shows every value typed, as text (a "<" in a description is not markup)
    assert "+971 4 123 4567 · desk@jfc.ae" in wizard.review.summary.text()
    assert "Emergency &lt;walk-in&gt; visit" in wizard.review.summary.text()
    _shot(wizard, "setup-5-review")


def test_blank_shared_database_opens_the_wizard_and_lands_on_sign_in(controller, qtbot):
    wizard = _open_wizard(controller, qtbot)
    _fill(qtbot, wizard)
    with qtbot.waitSignal(wizard.setup_done, timeout=20_000) as done:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    assert done.args == ["mariam.k"]
    login = controller.login
    assert login.isVisible() and login.sign_in.isEnabled()
    assert login.username.text() == "mariam.k"
    _shot(login, "setup-6-sign-in")

    with controller.ctx.db.session_factory() as s:
        h = s.scalars(sa.select(Hospital)).one()
        assert (h.code, h.trn, h.name) == ("JFC01", "100123456700003", "Jumeirah Family Clinic")
        fees = {c.code: (c.fee, c.vat_rate) for c in s.scalars(sa.select(ChargeItem))}
        assert str(fees["follow_up"][0]) == "250.00" and str(fees["initial_consultation"][1]) \
            == "0.0500"
        payers = {p.code: p for p in s.scalars(sa.select(InsurancePayer))}
        assert set(payers) == {"DAMAN", "SUKOON"} and payers["DAMAN"].dha_payer_id == "INS026"
        assert payers["SUKOON"].preauth_required
        assert {d.code for d in s.scalars(sa.select(Department))} == {"GP", "PED"}
        assert [u.username for u in s.scalars(sa.select(User))] == ["mariam.k"]

    login.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.signed_in, timeout=15_000) as signed:
        qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    main = signed.args[0]
    assert main.isVisible()
    assert controller.ctx.actor.username == "mariam.k"


def test_a_desk_that_loses_the_race_goes_to_sign_in(controller, qtbot):
    wizard = _open_wizard(controller, qtbot)
    _fill(qtbot, wizard)
    # Another workstation finishes its wizard first.
    from tests.services.test_onboarding import make_setup

    controller.ctx.services.onboarding.create_clinic(
        make_setup(code="OTHER1", admin_username="other.admin"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(wizard, "conflict_box", None) is not None
                    and wizard.conflict_box.isVisible(), timeout=20_000)
    box: QMessageBox = wizard.conflict_box
    assert "already has a clinic" in box.text() and "OTHER1" in box.text()
    _shot(box, "setup-7-race-lost")
    with qtbot.waitSignal(wizard.setup_done, timeout=5_000) as done:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert done.args == [""]
    assert controller.login.isVisible() and controller.login.username.text() == ""
    with controller.ctx.db.session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Hospital)) == 1


EMBEDDED = textwrap.dedent("""
    import sys
    from pathlib import Path
    from app import bootstrap
    from app.config import load_settings
    data = Path(sys.argv[1])
    settings = load_settings(env={"CLINICDESK_DATA_DIR": str(data), "CLINICDESK_SYNC": "false"},
                             config_file=data / "none.toml")
    rt = bootstrap.start_runtime(settings)
    print("EMBEDDED", settings.embedded, "DEMO", bool(rt.demo and rt.demo.created),
          "ONBOARDING", rt.needs_onboarding, flush=True)
    print("ADMIN", rt.services.auth.login("admin", "admin123", "t").actor.role.value, flush=True)
    rt.close()
""")


def test_embedded_default_still_opens_on_the_demo(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CLINICDESK_CONFIG")}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-c", EMBEDDED, str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "EMBEDDED True DEMO True ONBOARDING False" in proc.stdout
    assert "ADMIN HOSPITAL_ADMIN" in proc.stdout


def test_tab_leaves_the_address_box_for_the_phone(qtbot):
    """The clinic page is filled from the keyboard: Tab in the address box moves on to Phone
    (it used to type a tab character into the address, and so did every field after it)."""
    from app.ui.setup_wizard import HospitalPage

    page = HospitalPage()
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    page.address.setFocus()
    qtbot.keyClicks(page.address, "Villa 12, Al Wasl Road")
    qtbot.keyClick(page.address, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.focusWidget(), "+971 4 123 4567")
    assert page.address.toPlainText() == "Villa 12, Al Wasl Road"
    assert page.phone.text() == "+971 4 123 4567"
