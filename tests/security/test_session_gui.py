"""The desk returns to the sign-in window when its session ends elsewhere: an administrator's
revoke on another workstation (NOTIFY), or any call refused with SessionEnded."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt, QTimer

from app.db.models import LoginSession
from app.ui.app import DeskController


def _signed_in_controller(ctx, qtbot, username: str, password: str) -> DeskController:
    controller = DeskController(ctx)
    controller._start_listener()
    assert ctx.listeners[0].wait_ready(10)
    login = controller.show_login()
    login.username.setText(username)
    login.password.setText(password)
    with qtbot.waitSignal(controller.signed_in, timeout=10_000):
        qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    assert controller.main is not None and controller.main.isVisible()
    return controller


def _back_at_sign_in(controller: DeskController) -> bool:
    return (controller.main is None and controller.login is not None
            and controller.login.isVisible())


def test_revoke_from_another_desk_sends_this_one_to_sign_in(ctx, second_ctx, sign_in, qtbot,
                                                            tmp_path):
    controller = _signed_in_controller(ctx, qtbot, "reception", "reception123")
    session_id = ctx.signed_in.session_id
    admin = sign_in("admin", context=second_ctx)
    with qtbot.waitSignal(ctx.bus.session_ended, timeout=5_000) as ended:
        admin.services.auth.revoke(admin.actor, session_id)  # committed: the NOTIFY goes out
    assert ended.args == ["REVOKED"]
    assert _back_at_sign_in(controller)
    assert ctx.signed_in is None
    assert "administrator ended your session" in controller.login.error.text()
    controller.login.grab().save(str(tmp_path / "revoked.png"))
    controller.login.close()


def test_a_refused_call_sends_the_desk_to_sign_in(ctx, qtbot):
    controller = _signed_in_controller(ctx, qtbot, "reception", "reception123")
    # Expired behind the desk's back, with no NOTIFY: the next call (here the heartbeat) is
    # refused, and the one handler in Ops sends the desk to sign-in.
    with ctx.db.session_factory() as s:
        s.execute(sa.update(LoginSession).where(LoginSession.id == ctx.signed_in.session_id)
                  .values(expires_at=sa.func.now()))
        s.commit()
    controller._heartbeat()
    qtbot.waitUntil(lambda: _back_at_sign_in(controller), timeout=5_000)
    assert "maximum length" in controller.login.error.text()
    controller.login.close()


def test_the_hospitals_idle_lock_applies_and_is_clamped(ctx, sign_in, qtbot):
    from dataclasses import replace

    admin = sign_in("admin")
    current = ctx.services.settings.get(admin.actor)
    ctx.services.settings.update(admin.actor, replace(current, idle_lock_minutes=42))
    ctx.signed_in = None
    controller = _signed_in_controller(ctx, qtbot, "reception", "reception123")
    assert controller.idle.minutes == 42
    assert controller.idle._timer.interval() == 42 * 60_000
    controller.idle.set_minutes(100000)  # e.g. from a hand-edited config: no overflow
    assert controller.idle._timer.interval() == 720 * 60_000
    controller.idle.set_minutes(0)  # no instant lock
    assert controller.idle._timer.interval() == 60_000
    controller.main.close()


def test_idle_lock_ends_the_session_and_unlocking_signs_in_anew(ctx, qtbot):
    controller = _signed_in_controller(ctx, qtbot, "reception", "reception123")
    first = ctx.signed_in
    controller.lock()
    lock = controller.login
    assert lock is not None and lock.isVisible() and not controller.main.isVisible()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5_000)  # the session is ended
    # A refresh of the hidden window is refused (IDLE_LOCKED): the lock screen stays.
    ctx.ops.run(lambda: ctx.services.queue.day(first.actor))
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5_000)
    assert controller.login is lock and lock.isVisible() and controller.main is not None
    lock.password.setText("reception123")
    with qtbot.waitSignal(controller.signed_in, timeout=10_000):
        qtbot.mouseClick(lock.sign_in, Qt.MouseButton.LeftButton)
    assert ctx.signed_in.session_id != first.session_id
    assert controller.main.isVisible()
    assert ctx.services.queue.day(ctx.actor) is not None  # the new session works
    controller.main.close()


def test_an_admin_ends_a_desks_session_from_the_sessions_page(ctx, second_ctx, sign_in, qtbot,
                                                              tmp_path):
    from app.domain.errors import SessionEnded
    from app.ui.sessions_page import SessionsPage

    desk = sign_in("reception", context=second_ctx)
    sign_in("admin")
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5_000)
    ids = [str(r.session_id) for r in page.rows]
    assert str(desk.signed_in.session_id) in ids
    assert str(ctx.signed_in.session_id) not in ids  # one's own: use Sign out
    assert not page.end_button.isEnabled()
    page.table.selectRow(ids.index(str(desk.signed_in.session_id)))
    assert page.end_button.isEnabled()
    page.resize(900, 360)
    page.grab().save(str(tmp_path / "sessions.png"))

    # Asked first: Cancel (the default) ends nothing.
    QTimer.singleShot(50, lambda: _answer(page, "Cancel"))
    page.end_button.click()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5_000)
    assert str(desk.signed_in.session_id) in [str(r.session_id) for r in page.rows]
    assert desk.services.queue.day(desk.actor) is not None  # still signed in

    QTimer.singleShot(50, lambda: _answer(page, "End session"))
    with qtbot.waitSignal(page.session_ended, timeout=5_000):
        page.end_button.click()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5_000)
    assert str(desk.signed_in.session_id) not in [str(r.session_id) for r in page.rows]
    assert "back at its sign-in window" in page.status.text()
    try:
        desk.services.queue.day(desk.actor)
    except SessionEnded as exc:
        assert exc.reason == "REVOKED"
    else:
        raise AssertionError("the ended session still works")


def _answer(page, button_text: str) -> None:
    """Click ``button_text`` in the confirmation the Sessions page shows."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox), box
    assert "End the session of" in box.text()
    [button] = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
    button.click()


def test_only_administrators_see_the_sessions_page(ctx, sign_in):
    from app.domain.enums import Role
    from app.domain.roles import can
    from app.ui.pages import all_pages

    [spec] = [p for p in all_pages() if p.key == "sessions"]
    assert {r for r in Role if can(r, spec.permission)} == {Role.HOSPITAL_ADMIN,
                                                            Role.SUPER_ADMIN}
