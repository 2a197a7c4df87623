"""Hospital settings: validated, admin-only, audited, and never holding secrets; the SMTP
password in the keyring (a test backend) and the test email through a loopback SMTP server."""

from __future__ import annotations

import logging
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, Hospital
from app.domain.enums import Role
from app.domain.errors import IntegrationError, PermissionDenied, ValidationError
from app.services.settings import HospitalSettings, SettingsService
from tests import factories as f
from tests.smtp_helpers import PASSWORD, PLAIN_AUTH, USER


def test_admin_updates_settings_and_it_is_logged(session, uow):
    h = f.hospital(session)
    admin = f.actor(f.user(session, h, Role.HOSPITAL_ADMIN))
    session.commit()
    svc = SettingsService(uow)
    assert svc.get(admin).dha_mode == "NOT_CONFIGURED"
    svc.update(admin, HospitalSettings(dha_mode="MOCK", smtp_host="mail.local",
                                       smtp_sender="desk@clinic.ae"))
    assert svc.get(admin).dha_mode == "MOCK"
    logged = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "SETTINGS_UPDATED")).one()
    assert logged.payload["after"]["smtp_host"] == "mail.local"
    assert "password" not in str(logged.payload)


@pytest.mark.parametrize("bad, message", [
    (HospitalSettings(dha_mode="LIVE"), "DHA eClaimLink address"),
    (HospitalSettings(dha_mode="WHATEVER"), "DHA mode must be one of"),
    (HospitalSettings(smtp_host="m", smtp_sender="nobody"), "sender address"),
    (HospitalSettings(idle_lock_minutes=0), "idle lock"),
    (HospitalSettings(dha_timeout_seconds=0), "timeout"),
])
def test_bad_settings_are_refused(session, uow, bad, message):
    h = f.hospital(session)
    admin = f.actor(f.user(session, h, Role.HOSPITAL_ADMIN))
    with pytest.raises(ValidationError, match=message):
        SettingsService(uow).update(admin, bad)


def test_receptionist_cannot_change_settings(session, uow):
    h = f.hospital(session)
    desk = f.actor(f.user(session, h, Role.RECEPTIONIST))
    with pytest.raises(PermissionDenied):
        SettingsService(uow).update(desk, HospitalSettings())


# -- the SMTP password (OS keyring) and the test email --------------------------------------

SMTP_SECRET = "smtp-pw-not-for-logs"


def _mail_clinic(session, uow, *, port: int = 587, username: str = "desk1"):
    """A hospital whose saved mail settings point at ``port`` on loopback, its admin, a
    receptionist and the service."""
    h = f.hospital(session, name="Al Noor Clinic")
    admin = f.actor(f.user(session, h, Role.HOSPITAL_ADMIN))
    desk = f.actor(f.user(session, h, Role.RECEPTIONIST))
    session.commit()
    svc = SettingsService(uow)
    svc.update(admin, HospitalSettings(smtp_host="127.0.0.1", smtp_port=port,
                                       smtp_sender="receipts@alnoor.example",
                                       smtp_use_tls=False, smtp_username=username))
    return h, admin, desk, svc


def _activity(session, action: str):
    return session.scalars(sa.select(ActivityLog).where(ActivityLog.action == action)).all()


def test_admin_stores_and_clears_the_smtp_password_in_the_keyring(session, uow, memory_keyring):
    _h, admin, _desk, svc = _mail_clinic(session, uow)
    assert svc.smtp_password_stored(admin) is False

    assert svc.set_smtp_password(admin, SMTP_SECRET).stored is True
    assert memory_keyring.store == {("ClinicDesk-SMTP", "desk1"): SMTP_SECRET}
    assert svc.smtp_password_stored(admin) is True
    (saved,) = _activity(session, "SMTP_PASSWORD_SAVED")
    assert saved.user_id == admin.user_id and saved.payload == {"smtp_username": "desk1"}

    assert svc.set_smtp_password(admin, None).stored is False
    assert memory_keyring.store == {}
    assert svc.smtp_password_stored(admin) is False
    (cleared,) = _activity(session, "SMTP_PASSWORD_CLEARED")
    assert cleared.user_id == admin.user_id
    assert svc.set_smtp_password(admin, None).stored is False  # clearing twice is harmless


def test_the_receipt_path_reads_the_password_the_settings_service_stored(session, uow,
                                                                         memory_keyring):
    from app.receipts import mail_settings

    _h, admin, _desk, svc = _mail_clinic(session, uow)
    svc.set_smtp_password(admin, SMTP_SECRET)
    smtp = mail_settings.resolve(svc.get(admin), {})
    assert (smtp.username, smtp.password) == ("desk1", SMTP_SECRET)
    assert SMTP_SECRET not in repr(smtp)
    # a workstation override of the user name reads that user's entry
    assert mail_settings.resolve(svc.get(admin), {"smtp_username": "other"}).password is None


@pytest.mark.parametrize("password, message", [
    ("", "Type the mail server password"),
    ("   ", "Type the mail server password"),
])
def test_blank_password_is_refused(session, uow, memory_keyring, password, message):
    _h, admin, _desk, svc = _mail_clinic(session, uow)
    with pytest.raises(ValidationError, match=message):
        svc.set_smtp_password(admin, password)
    assert memory_keyring.store == {} and _activity(session, "SMTP_PASSWORD_SAVED") == []


def test_password_needs_a_saved_user_name(session, uow, memory_keyring):
    _h, admin, _desk, svc = _mail_clinic(session, uow, username="")
    with pytest.raises(ValidationError, match="user name first"):
        svc.set_smtp_password(admin, SMTP_SECRET)
    assert memory_keyring.store == {}


def test_receptionist_cannot_see_set_clear_or_test_the_smtp_password(session, uow,
                                                                      memory_keyring):
    _h, admin, desk, svc = _mail_clinic(session, uow)
    svc.set_smtp_password(admin, SMTP_SECRET)
    for call in (lambda: svc.set_smtp_password(desk, "hijack"),
                 lambda: svc.set_smtp_password(desk, None),
                 lambda: svc.smtp_password_stored(desk),
                 lambda: svc.send_test_email(desk, "me@example.com")):
        with pytest.raises(PermissionDenied):
            call()
    assert memory_keyring.store == {("ClinicDesk-SMTP", "desk1"): SMTP_SECRET}
    assert len(_activity(session, "SMTP_PASSWORD_SAVED")) == 1
    assert _activity(session, "SMTP_PASSWORD_CLEARED") == []


def test_no_usable_keyring_is_a_sentence_not_a_crash(session, uow):
    import keyring

    from tests.integrations.dha_helpers import BrokenKeyring

    _h, admin, _desk, svc = _mail_clinic(session, uow)
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        assert svc.smtp_password_stored(admin) is False
        with pytest.raises(ValidationError, match="no usable password store"):
            svc.set_smtp_password(admin, SMTP_SECRET)
    finally:
        keyring.set_keyring(previous)
    assert _activity(session, "SMTP_PASSWORD_SAVED") == []


@PLAIN_AUTH
def test_test_email_is_delivered_with_the_stored_password(session, uow, memory_keyring,
                                                          smtp_auth_server):
    controller, inbox = smtp_auth_server
    _h, admin, _desk, svc = _mail_clinic(session, uow, port=controller.port, username=USER)
    svc.set_smtp_password(admin, PASSWORD)

    message = svc.send_test_email(admin, " admin@alnoor.example ")

    assert f"127.0.0.1:{controller.port}" in message and "admin@alnoor.example" in message
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == "receipts@alnoor.example"
    assert envelope.rcpt_tos == ["admin@alnoor.example"]
    msg = message_from_bytes(envelope.content, policy=default_policy)
    assert msg["Subject"] == "ClinicDesk test email — Al Noor Clinic"
    assert "Al Noor Clinic" in msg["From"]
    body = msg.get_body(preferencelist=("plain",)).get_content()
    assert "test message from ClinicDesk" in body and PASSWORD not in body


@PLAIN_AUTH
def test_test_email_without_the_password_is_refused_clearly(session, uow, memory_keyring,
                                                            smtp_auth_server):
    controller, inbox = smtp_auth_server
    _h, admin, _desk, svc = _mail_clinic(session, uow, port=controller.port, username=USER)
    svc.set_smtp_password(admin, "not-the-password")
    with pytest.raises(IntegrationError) as caught:
        svc.send_test_email(admin, "admin@alnoor.example")
    assert caught.value.message.startswith(
        f"The mail server at 127.0.0.1:{controller.port} did not accept the user name or "
        "password (535")
    assert "not-the-password" not in caught.value.message + str(caught.value.details)
    assert inbox.envelopes == []


def test_refused_test_recipient_is_reported_with_the_servers_words(session, uow, memory_keyring,
                                                                    smtp_server):
    controller, inbox = smtp_server
    _h, admin, _desk, svc = _mail_clinic(session, uow, port=controller.port, username="")
    with pytest.raises(IntegrationError) as caught:
        svc.send_test_email(admin, "nobody@refused.example")
    assert caught.value.message == (
        f"The mail server at 127.0.0.1:{controller.port} refused the address "
        "nobody@refused.example (550 5.1.1 <nobody@refused.example>: Recipient address "
        "rejected: mailbox unavailable). Check the address.")
    assert inbox.envelopes == []


def test_test_email_needs_a_mail_server_and_a_valid_address(session, uow, memory_keyring):
    h = f.hospital(session)
    admin = f.actor(f.user(session, h, Role.HOSPITAL_ADMIN))
    session.commit()
    svc = SettingsService(uow)
    with pytest.raises(ValidationError, match="test email address"):
        svc.send_test_email(admin, "not an address")
    with pytest.raises(ValidationError, match="Enter the mail server"):
        svc.send_test_email(admin, "admin@alnoor.example")


@PLAIN_AUTH
def test_the_password_never_reaches_the_activity_log_or_the_logs(session, uow, memory_keyring,
                                                                 smtp_auth_server, caplog):
    controller, _inbox = smtp_auth_server
    _h, admin, _desk, svc = _mail_clinic(session, uow, port=controller.port, username=USER)
    caplog.set_level(logging.DEBUG)
    svc.set_smtp_password(admin, SMTP_SECRET)
    with pytest.raises(IntegrationError):  # the wrong password, refused
        svc.send_test_email(admin, "admin@alnoor.example")
    svc.set_smtp_password(admin, PASSWORD)
    svc.send_test_email(admin, "admin@alnoor.example")
    svc.set_smtp_password(admin, None)

    payloads = " ".join(str(p) for p in session.scalars(sa.select(ActivityLog.payload)))
    settings_json = str(session.scalars(sa.select(Hospital.settings)).all())
    for secret in (SMTP_SECRET, PASSWORD):
        assert secret not in payloads
        assert secret not in settings_json
        assert secret not in caplog.text
    assert {"SMTP_PASSWORD_SAVED", "SMTP_PASSWORD_CLEARED"} <= {
        a.action for a in session.scalars(sa.select(ActivityLog))}


# -- DHA: the address rule and Test connection in every mode --------------------------------

LIVE_HTTP = HospitalSettings(dha_mode="LIVE",
                             dha_endpoint="http://dhpo.eclaimlink.ae/ValidateTransactions.asmx")


@pytest.mark.parametrize("settings, ok", [
    (LIVE_HTTP, False),
    (HospitalSettings(dha_mode="LIVE", dha_endpoint="http://127.0.0.1:8765/x"), False),
    (HospitalSettings(dha_mode="LIVE", dha_endpoint="https://dhpo.eclaimlink.ae/x"), True),
    (HospitalSettings(dha_mode="SANDBOX", dha_endpoint="http://127.0.0.1:8765/x"), True),
    (HospitalSettings(dha_mode="SANDBOX", dha_endpoint="http://localhost:8765/x"), True),
    (HospitalSettings(dha_mode="SANDBOX", dha_endpoint="http://dhpo-test.example.ae/x"), False),
    (HospitalSettings(dha_mode="SANDBOX", dha_endpoint="https://dhpo-test.example.ae/x"), True),
    (HospitalSettings(dha_mode="SANDBOX", dha_endpoint="https://"), False),
    (HospitalSettings(dha_mode="MOCK", dha_endpoint="http://anything"), True),
])
def test_live_needs_https_and_sandbox_takes_http_only_on_loopback(session, uow, settings, ok):
    h = f.hospital(session)
    admin = f.actor(f.user(session, h, Role.HOSPITAL_ADMIN))
    session.commit()
    svc = SettingsService(uow)
    if ok:
        assert svc.update(admin, settings).settings == settings
    else:
        with pytest.raises(ValidationError, match="https://"):
            svc.update(admin, settings)
        assert svc.get(admin) == HospitalSettings()  # nothing was stored


@pytest.fixture
def dha_clinic(session, uow, memory_keyring):
    """A hospital, its admin, and the settings service on the app's real gateway provider."""
    from app.bootstrap import make_dha_provider

    h = f.hospital(session)
    admin = f.actor(f.user(session, h, Role.HOSPITAL_ADMIN))
    session.commit()
    provider = make_dha_provider(uow)
    yield h, admin, SettingsService(uow, dha=provider)
    provider.close()


def _set_dha(session, h, mode: str, endpoint: str = "") -> None:
    """Written as raw JSON on purpose: an older version (or a hand edit) may have stored an
    address the form would refuse today."""
    h.settings = {"dha_mode": mode, "dha_endpoint": endpoint, "dha_timeout_seconds": 5}
    session.commit()


def test_connection_test_in_mock_mode_uses_the_built_in_sandbox(session, dha_clinic):
    h, admin, svc = dha_clinic
    _set_dha(session, h, "MOCK")
    assert "SIMULATED" in svc.test_dha_connection(admin)


def test_connection_test_in_sandbox_mode_logs_in_to_the_test_server(session, dha_clinic):
    from app.integrations.dha.credentials import DhaCredentials
    from app.integrations.dha.sandbox import start_sandbox

    h, admin, svc = dha_clinic
    good = DhaCredentials("FAC-7", "DHA-F-7", "clinic-7", "right-key")
    with start_sandbox(0, logins={good.login: good.password}) as server:
        _set_dha(session, h, "SANDBOX", server.url)
        with pytest.raises(ValidationError, match="no credentials"):
            svc.test_dha_connection(admin)  # not configured yet: said in red, not green
        svc.save_dha_credentials(admin, good)
        answer = svc.test_dha_connection(admin)
        assert answer.startswith("Connected") and "SANDBOX" in answer
        assert server.state.calls["CheckForNewPriorAuthorizationTransactions"] == 1
        svc.save_dha_credentials(admin, DhaCredentials("FAC-7", "DHA-F-7", "clinic-7", "old"))
        with pytest.raises(IntegrationError, match="Login failed"):
            svc.test_dha_connection(admin)


def test_connection_test_in_live_mode_over_https(session, dha_clinic, tmp_path, monkeypatch):
    from app.integrations.dha import credentials
    from app.integrations.dha.credentials import DhaCredentials
    from tests.integrations.dha_helpers import https_sandbox

    h, admin, svc = dha_clinic
    svc.save_dha_credentials(admin, DhaCredentials("FAC-8", "DHA-F-8", "clinic-8", "live-key"))
    with https_sandbox(tmp_path) as (server, ca):
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca)  # trust the sandbox's own certificate
        _set_dha(session, h, "LIVE", server.url)
        answer = svc.test_dha_connection(admin)
        assert answer.startswith("Connected") and "LIVE" in answer
        assert server.state.calls["CheckForNewPriorAuthorizationTransactions"] == 1

        # The same server on plain http (stored by hand): refused before anything is sent.
        _set_dha(session, h, "LIVE", server.url.replace("https://", "http://"))
        with pytest.raises(ValidationError, match="https://"):
            svc.test_dha_connection(admin)
        assert server.state.calls["CheckForNewPriorAuthorizationTransactions"] == 1
    assert credentials.load(h.code).password == "live-key"


def test_connection_test_when_dha_is_not_configured_says_so_as_an_error(session, dha_clinic):
    h, admin, svc = dha_clinic
    with pytest.raises(ValidationError, match="not set up"):
        svc.test_dha_connection(admin)
