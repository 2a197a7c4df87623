"""The settings page: loads, saves validated settings, stores DHA credentials in the keyring
(never the database) and tests the connection against the built-in sandbox."""

from __future__ import annotations

import keyring
import pytest
import sqlalchemy as sa
from keyring.backend import KeyringBackend

from app.db.models import ActivityLog, Hospital


class _MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = _MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


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


def test_connection_test_against_the_sandbox(page, qtbot):
    with qtbot.waitSignal(page.tested, timeout=30_000) as blocker:
        page.test.click()
    assert "Connected" in blocker.args[0] and "SIMULATED" in blocker.args[0]
