"""The lock screen says why it is up (issue 11): Ctrl+L / the Lock button say "Locked";
only the idle timer says "Locked after N minutes without activity"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.ui.app import DeskController


def _signed_in(ctx, qtbot) -> DeskController:
    controller = DeskController(ctx)
    login = controller.show_login()
    login.username.setText("reception")
    login.password.setText("reception123")
    with qtbot.waitSignal(controller.signed_in, timeout=10_000):
        qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10_000)  # the first page has loaded
    return controller


def test_ctrl_l_says_locked_not_inactivity(ctx, qtbot, tmp_path):
    controller = _signed_in(ctx, qtbot)
    QTest.keyClick(controller.main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible(),
                    timeout=5_000)
    text = controller.login.subtitle.text()
    assert text.startswith("Locked.") and "inactivity" not in text and "activity" not in text
    assert "reception" in text
    controller.login.grab().save(str(tmp_path / "locked_by_hand.png"))
    controller.login.close()


def test_the_idle_timer_says_how_long_without_activity(ctx, qtbot, tmp_path):
    controller = _signed_in(ctx, qtbot)
    minutes = controller.idle.minutes
    controller.idle.idle.emit()  # the timer ran out
    qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible(),
                    timeout=5_000)
    text = controller.login.subtitle.text()
    assert f"Locked after {minutes} minutes without activity" in text
    controller.login.grab().save(str(tmp_path / "locked_idle.png"))
    controller.login.close()
