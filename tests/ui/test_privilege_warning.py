"""The main window says so on its status bar when the desk runs as a superuser on a shared
server (the test server's ``postgres``), and shows nothing when it does not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.ui.main_window import MainWindow


def test_superuser_on_a_shared_server_is_warned_on_the_status_bar(qtbot, ctx, sign_in):
    sign_in("admin")
    assert ctx.db is not None and not ctx.db.embedded
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    label = win.statusBar().findChild(QLabel, "PrivilegeWarning")
    assert label is not None and label.isVisible()
    assert "as postgres, a PostgreSQL superuser" in label.text()
    assert "python -m app db create-roles" in label.text()
    win.grab().save("/tmp/privilege_warning.png")


def test_no_warning_when_the_role_is_not_privileged(qtbot, ctx, sign_in):
    sign_in("admin")
    ctx.db.privilege_warning = None  # as when connected as clinicdesk_app (tests/security)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.statusBar().findChild(QLabel, "PrivilegeWarning") is None
