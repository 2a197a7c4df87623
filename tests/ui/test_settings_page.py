"""The settings page: loads, saves validated settings, stores DHA credentials and the mail
password in the keyring (never the database, never shown back), tests the DHA connection
against the built-in sandbox and sends a test email through a loopback SMTP server."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QLineEdit

from app.db.models import ActivityLog, Hospital
from tests.smtp_helpers import PASSWORD, PLAIN_AUTH, USER


@pytest.fixture
def page(ctx, sign_in, qtbot, memory_keyring):
    from app.ui.settings_dialog import SettingsPage

    sign_in("admin")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        p = SettingsPage(ctx)
    qtbot.addWidget(p)
    return p


def test_settings_load_save_and_refuse_bad_input(page, ctx, qtbot, tmp_path):
    assert page.mode.currentData() == "MOCK"  # the demo runs on the sandbox
    page.smtp_host.setText("mail.clinic.ae")
    page.smtp_sender.setText("nobody")  # not an address
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page.save.click()
    assert "sender address" in page.status.text()
    page.smtp_sender.setText("desk@clinic.ae")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save.click()
    with ctx.db.session_factory() as s:
        assert s.scalar(sa.select(Hospital.settings["smtp_host"].astext)) == "mail.clinic.ae"
    page.grab().save(str(tmp_path / "settings.png"))


def test_credentials_go_to_the_keyring_not_the_database(page, ctx, qtbot, memory_keyring):
    page.facility.setText("FAC-1")
    page.licence.setText("DHA-LIC-9")
    page.login.setText("clinic-login")
    page.password.setText("s3cret-key")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page.save_credentials.click()
    assert "keyring" in page.status.text()
    assert any("s3cret-key" in v for v in memory_keyring.store.values())
    with ctx.db.session_factory() as s:
        dump = " ".join(str(p) for p in s.scalars(sa.select(ActivityLog.payload)))
        dump += str(s.scalar(sa.select(Hospital.settings)))
    assert "s3cret-key" not in dump and "clinic-login" in dump


def test_stored_dha_password_is_never_shown_and_an_empty_field_keeps_it(
        page, ctx, qtbot, memory_keyring):
    from app.ui.settings_dialog import SettingsPage

    assert page.password.placeholderText() == "None stored"
    page.facility.setText("FAC-1")
    page.licence.setText("DHA-LIC-9")
    page.login.setText("clinic-login")
    page.password.setText("s3cret-key")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page.save_credentials.click()
    assert page.password.text() == "" and page.password.placeholderText().startswith("Stored")

    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        again = SettingsPage(ctx)
    qtbot.addWidget(again)
    assert again.login.text() == "clinic-login"
    assert again.password.text() == ""  # the secret stays in the keyring
    assert again.password.placeholderText().startswith("Stored")
    again.login.setText("clinic-login-2")  # change the login only, password left empty
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        again.save_credentials.click()
    assert "keyring" in again.status.text()
    stored = [v for v in memory_keyring.store.values() if "clinic-login-2" in v]
    assert len(stored) == 1 and "s3cret-key" in stored[0]


def test_connection_test_against_the_sandbox(page, qtbot):
    with qtbot.waitSignal(page.tested, timeout=30_000) as blocker:
        page.test.click()
    assert "Connected" in blocker.args[0] and "SIMULATED" in blocker.args[0]


def _point_mail_at(page, port: int, username: str = "") -> None:
    page.smtp_host.setText("127.0.0.1")
    page.smtp_port.setValue(port)
    page.smtp_sender.setText("receipts@alnoor.example")
    page.smtp_tls.setChecked(False)
    page.smtp_user.setText(username)


def _save(page, qtbot, idle, ctx) -> None:
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save.click()
    idle(ctx)


def test_mail_password_field_stores_in_the_keyring_and_never_shows_it(page, ctx, qtbot, idle,
                                                                       memory_keyring):
    assert page.smtp_password.echoMode() == QLineEdit.EchoMode.Password
    assert "None stored" in page.smtp_password.placeholderText()
    assert not page.smtp_clear.isEnabled()

    _point_mail_at(page, 2525, username="desk1")
    page.smtp_password.setText("mail-s3cret")
    _save(page, qtbot, idle, ctx)
    assert memory_keyring.store[("ClinicDesk-SMTP", "desk1")] == "mail-s3cret"
    assert "keyring" in page.status.text()
    assert page.smtp_password.text() == ""
    assert page.smtp_password.placeholderText().startswith("Stored")
    assert page.smtp_clear.isEnabled()
    with ctx.db.session_factory() as s:
        dump = " ".join(str(p) for p in s.scalars(sa.select(ActivityLog.payload)))
        dump += str(s.scalar(sa.select(Hospital.settings)))
    assert "mail-s3cret" not in dump
    with ctx.db.session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(ActivityLog).where(
            ActivityLog.action == "SMTP_PASSWORD_SAVED")) == 1

    # a page opened later says a password is stored, and does not hold it
    from app.ui.settings_dialog import SettingsPage

    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        again = SettingsPage(ctx)
    qtbot.addWidget(again)
    assert again.smtp_password.text() == ""
    assert "Stored" in again.smtp_password.placeholderText()

    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page.smtp_clear.click()
    assert ("ClinicDesk-SMTP", "desk1") not in memory_keyring.store
    assert "removed" in page.status.text()
    assert "None stored" in page.smtp_password.placeholderText()
    assert not page.smtp_clear.isEnabled()


def test_password_without_a_user_name_is_refused_before_saving(page, ctx, qtbot, memory_keyring):
    _point_mail_at(page, 2525, username="")
    page.smtp_password.setText("mail-s3cret")
    page.save.click()
    assert "user name" in page.status.text()
    assert memory_keyring.store == {} and not ctx.ops.busy


@PLAIN_AUTH
def test_send_test_email_through_a_local_server(page, ctx, qtbot, idle, memory_keyring,
                                                smtp_auth_server):
    controller, inbox = smtp_auth_server
    _point_mail_at(page, controller.port, username=USER)
    page.smtp_password.setText(PASSWORD)
    page.smtp_test_to.setText("admin@alnoor.example")
    with qtbot.waitSignal(page.mail_tested, timeout=10_000) as blocker:
        page.smtp_test.click()  # not saved yet: the test uses saved settings, as receipts do
    assert "Save the settings first" in blocker.args[0] and inbox.envelopes == []

    _save(page, qtbot, idle, ctx)
    with qtbot.waitSignal(page.mail_tested, timeout=20_000) as blocker:
        page.smtp_test.click()
    assert "accepted the test email for admin@alnoor.example" in blocker.args[0]
    assert "#1a7f37" in page.smtp_result.text()  # green
    (envelope,) = inbox.envelopes
    assert envelope.rcpt_tos == ["admin@alnoor.example"]
    assert page.smtp_test.isEnabled()


def test_refused_test_email_shows_the_servers_reason(page, ctx, qtbot, idle, memory_keyring,
                                                     smtp_server):
    controller, inbox = smtp_server
    _point_mail_at(page, controller.port)
    _save(page, qtbot, idle, ctx)
    page.smtp_test_to.setText("nobody@refused.example")
    with qtbot.waitSignal(page.mail_tested, timeout=20_000) as blocker:
        page.smtp_test.click()
    assert ("refused the address nobody@refused.example (550 5.1.1 <nobody@refused.example>: "
            "Recipient address rejected") in blocker.args[0]
    shown = page.smtp_result.text()
    assert "#b42318" in shown  # red
    assert "&lt;nobody@refused.example&gt;" in shown  # the server's <address> is shown, not eaten
    assert inbox.envelopes == []


def test_live_mode_refuses_a_plain_http_address_in_the_form(page, ctx, qtbot, tmp_path):
    page.mode.setCurrentIndex(page.mode.findData("LIVE"))
    page.endpoint.setText("http://dhpo.eclaimlink.ae/ValidateTransactions.asmx")
    assert page.endpoint_problem.isVisibleTo(page)
    assert "https://" in page.endpoint_problem.text()
    page.grab().save(str(tmp_path / "settings-live-http.png"))
    with qtbot.waitSignal(page.tested, timeout=5_000) as blocker:
        page.test.click()  # unsaved: the test would log in with the old (MOCK) settings
    assert "Save the settings first" in blocker.args[0]
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page.save.click()
    assert "needs an https:// address" in page.status.text()
    page.grab().save(str(tmp_path / "settings-live-http-refused.png"))
    with ctx.db.session_factory() as s:
        assert s.scalar(sa.select(Hospital.settings["dha_mode"].astext)) == "MOCK"
    page.endpoint.setText("https://dhpo.eclaimlink.ae/ValidateTransactions.asmx")
    assert not page.endpoint_problem.isVisibleTo(page)


def test_connection_test_in_sandbox_mode_against_a_test_server(page, ctx, qtbot, tmp_path):
    from app.integrations.dha.sandbox import start_sandbox

    with start_sandbox(0, logins={"clinic-login": "s3cret-key"}) as server:
        page.mode.setCurrentIndex(page.mode.findData("SANDBOX"))
        page.endpoint.setText(server.url)  # http is fine on loopback for the test environment
        assert not page.endpoint_problem.isVisibleTo(page)
        with qtbot.waitSignal(page.saved, timeout=10_000):
            page.save.click()
        with qtbot.waitSignal(page.tested, timeout=30_000) as blocker:
            page.test.click()
        assert "no credentials" in blocker.args[0]  # red, with what to do
        page.facility.setText("FAC-1")
        page.licence.setText("DHA-LIC-9")
        page.login.setText("clinic-login")
        page.password.setText("s3cret-key")
        with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
            page.save_credentials.click()
        with qtbot.waitSignal(page.tested, timeout=30_000) as blocker:
            page.test.click()
        assert blocker.args[0].startswith("Connected") and "SANDBOX" in blocker.args[0]
        assert server.state.calls["CheckForNewPriorAuthorizationTransactions"] == 1
        page.grab().save(str(tmp_path / "settings-sandbox.png"))


def test_digits_of_the_arabic_interface_apply_at_the_next_sign_in(page, ctx, qtbot):
    """Hospital setting ``number_digits``: chosen here, stored in the hospital's settings and
    handed to the next sign-in (SignedIn.number_digits), which the desk installs."""
    auth, station = ctx.services.auth, ctx.settings.workstation
    assert auth.login("reception", "reception123", station).number_digits == "western"
    assert page.digits.currentData() == "western"
    page.digits.setCurrentIndex(page.digits.findData("arabic-indic"))
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        page.save.click()
    assert saved.args[0].number_digits == "arabic-indic"
    with ctx.db.session_factory() as s:
        assert s.scalar(sa.select(Hospital.settings["number_digits"].astext)) == "arabic-indic"
    assert auth.login("reception", "reception123", station).number_digits == "arabic-indic"


def test_digits_setting_refuses_an_unknown_style(ctx, sign_in):
    from dataclasses import replace

    from app.domain.errors import ValidationError

    sign_in("admin")
    svc = ctx.services.settings
    current = svc.get(ctx.actor)
    with pytest.raises(ValidationError) as refused:
        svc.update(ctx.actor, replace(current, number_digits="roman"))
    assert refused.value.details.get("field") == "number_digits"
    assert svc.get(ctx.actor).number_digits == "western"
