"""Sign in -> main window with the navigation the role may use; wrong password; sign out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.app import DeskController


@pytest.fixture
def controller(ctx, qtbot):
    c = DeskController(ctx)
    yield c
    if c.main is not None:
        c.main.close()


def _sign_in(controller, qtbot, username, password):
    login = controller.show_login()  # the controller deletes it after sign-in: not qtbot's
    assert login.sign_in.isEnabled()
    login.username.setText(username)
    login.password.setText(password)
    with qtbot.waitSignal(controller.signed_in, timeout=10_000) as blocker:
        qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_receptionist_signs_in_and_sees_front_desk_pages(controller, qtbot, tmp_path):
    main = _sign_in(controller, qtbot, "reception", "reception123")
    qtbot.addWidget(main)
    keys = main.page_keys()
    assert keys[0] == "queue" and "walkin" in keys and "refunds" in keys
    assert "audit" not in keys and "settings" not in keys and "claims" not in keys
    main.grab().save(str(tmp_path / "main.png"))
    assert (tmp_path / "main.png").stat().st_size > 1000


def test_accountant_sees_audit_and_claims_but_not_check_in(controller, qtbot):
    main = _sign_in(controller, qtbot, "accountant", "accountant123")
    qtbot.addWidget(main)
    keys = main.page_keys()
    assert "audit" in keys and "claims" in keys and "walkin" not in keys
    claims = main.nav.item(keys.index("claims")).text()
    assert "not yet available" not in claims  # the Claims & Payments page is built


def test_wrong_password_shows_a_clear_message(controller, qtbot):
    login = controller.show_login()
    qtbot.addWidget(login)
    login.username.setText("reception")
    login.password.setText("wrong")
    with qtbot.waitSignal(controller.ctx.ops.op_finished, timeout=10_000):
        login.sign_in.click()
    assert "Wrong username or password" in login.error.text()
    assert controller.main is None
