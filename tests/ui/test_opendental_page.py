"""The OpenDental connections page with pytest-qt on a real database: add a connection (keys
to the keyring, never shown back), refuse bad input with a sentence, edit it, test it against
the loopback sandbox and a server that is down, remove it; only admins see it."""

from __future__ import annotations

import socket
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from app.db.models.opendental import OpenDentalConnection
from app.integrations.opendental.credentials import SERVICE


@pytest.fixture
def page(ctx, sign_in, qtbot, memory_keyring):
    from app.ui.opendental_page import OpenDentalPage

    sign_in("admin")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        p = OpenDentalPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 760)
    # the page opens on the first connection (the demo's SANDBOX one); start a new one
    assert p.name.text() == "Demo dental practice (SIMULATED)" and p.test.isEnabled()
    p.add.click()
    assert p.name.text() == "" and not p.test.isEnabled()
    return p


def _fill(page, *, name="Jumeirah Dental", mode="LOCAL", url=None, dev="DEVkey1",
          cust="CUSTkey1", clinic="3"):
    page.name.setText(name)
    page.mode.setCurrentIndex(page.mode.findData(mode))
    if url is not None:
        page.base_url.setText(url)
    page.developer_key.setText(dev)
    page.customer_key.setText(cust)
    page.clinic_num.setText(clinic)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _row(page, name):
    """The table row showing connection ``name`` (the demo has a SANDBOX connection too)."""
    for row in range(page.table.rowCount()):
        if page.table.item(row, 0).text() == name:
            return row
    return None


def _count(ctx, name="Jumeirah Dental"):
    with ctx.db.session_factory() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(OpenDentalConnection)
                        .where(OpenDentalConnection.name == name))


def _save(page, qtbot):
    with qtbot.waitSignal(page.loaded, timeout=10_000):  # saved, then the table reloaded
        page.save.click()


def test_add_edit_and_remove_a_connection(page, ctx, qtbot, memory_keyring, idle, tmp_path):
    assert _row(page, "Jumeirah Dental") is None and not page.remove.isEnabled()
    before = page.table.rowCount()
    url = f"http://127.0.0.1:{_closed_port()}/api/v1"
    _fill(page, url=url)
    page.cadence["appointments_today"].setValue(10)
    _save(page, qtbot)
    assert "saved" in page.status.text() and "keyring" in page.status.text()
    assert page.table.rowCount() == before + 1
    row = _row(page, "Jumeirah Dental")
    assert page.table.item(row, 3).text() == "Stored" and page.table.currentRow() == row
    # the keys are in the keyring, not the form, not the database
    assert page.developer_key.text() == "" and page.developer_key.placeholderText().startswith(
        "Stored")
    stored = [v for (svc, _user), v in memory_keyring.store.items() if svc == SERVICE]
    assert len(stored) == 1 and "DEVkey1" in stored[0]
    with ctx.db.session_factory() as s:
        row = s.scalar(sa.select(OpenDentalConnection)
                       .where(OpenDentalConnection.name == "Jumeirah Dental"))
        assert row.clinic_num == 3 and row.cadence == {"appointments_today": 10}
        assert "DEVkey1" not in str([getattr(row, c.key)
                                     for c in OpenDentalConnection.__table__.columns])
    page.grab().save(str(tmp_path / "opendental.png"))

    # edit: change the timezone only; the keys stay
    page.timezone.setCurrentText("Asia/Riyadh")
    _save(page, qtbot)
    with ctx.db.session_factory() as s:
        assert s.scalar(sa.select(OpenDentalConnection.timezone).where(
            OpenDentalConnection.name == "Jumeirah Dental")) == "Asia/Riyadh"
    assert "DEVkey1" in next(v for (svc, _u), v in memory_keyring.store.items() if svc == SERVICE)

    # test against a server that is down: the answer is shown, in red
    with qtbot.waitSignal(page.tested, timeout=20_000) as blocker:
        page.test.click()
    assert not blocker.args[0].ok
    assert "reach" in page.test_result.text().lower() and page.test_result.kind == "error"
    idle(ctx)
    assert page.table.item(_row(page, "Jumeirah Dental"), 4).text().startswith("Failed")
    # the test's time is the clinic's (Asia/Dubai), as on receipts and the Sessions page
    with ctx.db.session_factory() as s:
        tested_at = s.scalar(sa.select(OpenDentalConnection.last_test_at).where(
            OpenDentalConnection.name == "Jumeirah Dental"))
    dubai = tested_at.astimezone(ZoneInfo("Asia/Dubai")).strftime("%d %b %H:%M")
    assert page.table.item(_row(page, "Jumeirah Dental"), 4).text() == f"Failed · {dubai}"

    # remove (confirmed): gone from the table, the database and the keyring
    page.confirm = lambda _question: True
    with qtbot.waitSignal(page.removed, timeout=10_000) as removed:
        page.remove.click()
    assert removed.args[0].removed
    idle(ctx)
    assert page.table.rowCount() == before and page.name.text() == ""
    assert _row(page, "Jumeirah Dental") is None
    assert not any(svc == SERVICE for svc, _u in memory_keyring.store)
    assert _count(ctx) == 0


def test_bad_input_is_refused_with_a_sentence_and_nothing_saved(page, ctx, qtbot, idle):
    _fill(page, mode="CLOUD", url="http://api.opendental.com/api/v1")
    with qtbot.waitSignal(page.failed, timeout=10_000) as blocker:
        page.save.click()
    assert "https" in blocker.args[0] and page.status.kind == "error"
    _fill(page, mode="CLOUD", url="https://api.opendental.com/api/v1", cust="")
    with qtbot.waitSignal(page.failed, timeout=10_000) as blocker:
        page.save.click()
    assert "both" in blocker.args[0]
    idle(ctx)
    assert _count(ctx) == 0


def test_sandbox_mode_has_no_address_or_keys_and_tests_simulated(page, ctx, qtbot, idle,
                                                                tmp_path):
    page.name.setText("Demo practice")
    page.mode.setCurrentIndex(page.mode.findData("SANDBOX"))
    assert not page.base_url.isEnabled() and not page.developer_key.isEnabled()
    assert page.developer_key.placeholderText().startswith("Not needed")
    _save(page, qtbot)
    assert page.table.item(_row(page, "Demo practice"), 1).text() == "Sandbox"
    assert page.table.item(_row(page, "Demo practice"), 3).text() == "Simulated"
    with qtbot.waitSignal(page.tested, timeout=30_000) as blocker:
        page.test.click()
    assert blocker.args[0].ok, blocker.args[0].message
    assert "SIMULATED" in page.test_result.text() and page.test_result.kind == "success"
    idle(ctx)
    page.grab().save(str(tmp_path / "opendental-sandbox.png"))


def test_a_wrong_key_is_named_on_the_page(page, ctx, qtbot, idle):
    from app.integrations.opendental.sandbox import start_sandbox
    running = start_sandbox()
    try:
        _fill(page, url=running.url, dev=running.developer_key, cust="WRONGkey")
        _save(page, qtbot)
        with qtbot.waitSignal(page.tested, timeout=20_000) as blocker:
            page.test.click()
        result = blocker.args[0]
        assert not result.ok and result.status_code == 401
        assert "key" in page.test_result.text() and "401" in page.test_result.text()
        idle(ctx)
    finally:
        running.stop()


@pytest.mark.parametrize(("user", "visible"), [("admin", True), ("superadmin", True),
                                               ("accountant", False), ("reception", False)])
def test_only_admins_see_the_page(ctx, sign_in, qtbot, user, visible):
    from app.ui.main_window import MainWindow

    sign_in(user, "super123" if user == "superadmin" else None)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert ("opendental" in window.page_keys()) is visible
