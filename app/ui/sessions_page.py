"""Sessions (administrators): who is signed in on which workstation, and ending a session.

Ending one (AuthService.revoke) is immediate: the workstation holding it gets a NOTIFY and
returns to its sign-in window within seconds, and any call it still makes is refused. Your
own session is not offered here: use Sign out.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import role_label
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, digits, is_rtl, tr
from app.ui.widgets.tables import read_only_table

COLUMNS = (N_("User"), N_("Role"), N_("Workstation"), N_("Signed in"), N_("Last seen"),
           N_("Sign-in ends"))


# The roles' names (app/domain/roles.py role_label), marked here so that this screen's
# catalogue holds their Arabic; shown with tr().
_CATALOGUE = (N_("Receptionist"), N_("Nurse"), N_("Doctor"), N_("Accountant"),
              N_("Hospital Admin"), N_("Super Admin"))


class SessionsPage(QWidget):
    loaded = Signal(object)
    """loaded(rows) — the open sessions were (re)loaded."""

    session_ended = Signal(str)
    """session_ended(session_id) — an administrator ended a session here."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[Any] = []
        title = QLabel("<h2>{}</h2>".format(tr("Signed-in sessions")))
        intro = QLabel(tr("Everyone signed in at this hospital, and on which workstation. Ending "
                       "a session sends that workstation back to its sign-in window within "
                       "seconds; anything not yet saved there is not saved."),
                       objectName="Placeholder")  # as the other pages' introductions
        intro.setWordWrap(True)
        self.table = read_only_table([tr(c) for c in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("Workstation"), QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(tr("Nobody else is signed in at this hospital."))
        self.empty.hide()
        self.refresh_button = QPushButton(tr("Refresh"))
        self.end_button = QPushButton(tr("End session"))
        self.end_button.setEnabled(False)
        self.status = QLabel("", objectName="Status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)  # the other pages' margins
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh)
        self.end_button.clicked.connect(self.end_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    # -- loading --
    def refresh(self) -> None:
        actor = self.ctx.actor
        self.ctx.ops.run(lambda: self.ctx.services.auth.open_sessions(actor),
                         on_success=self._loaded, on_failure=self._failed, owner=self)

    def _loaded(self, rows: list[Any]) -> None:
        own = str(self.ctx.signed_in.session_id) if self.ctx.signed_in else ""
        self.rows = [r for r in rows if str(r.session_id) != own]
        tz = self.ctx.clinic_zone or ZoneInfo("Asia/Dubai")
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = (f"{r.full_name} ({r.username})", tr(role_label(r.role)), r.workstation,
                     _when(r.started_at, tz), _when(r.last_seen_at, tz), _when(r.expires_at, tz))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(r.session_id))
                self.table.setItem(i, j, item)
        self.empty.setVisible(not self.rows)
        self._selection_changed()
        self.loaded.emit(self.rows)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    # -- ending a session --
    def _selected(self) -> Any | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked else None

    def _selection_changed(self) -> None:
        self.end_button.setEnabled(self._selected() is not None)

    def confirm_end(self, row: Any) -> bool:
        """Ending a session throws away what that desk has not saved: ask first."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("End session"),
                          tr("End the session of {name} on {workstation}?\n\n"
                             "That workstation goes back to its sign-in window at once; anything "
                             "not yet saved there is lost.").format(
                                 name=row.full_name, workstation=row.workstation), parent=self)
        end = box.addButton(tr("End session"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is end

    def end_selected(self) -> None:
        row = self._selected()
        if row is None or not self.confirm_end(row):
            return
        actor, sid = self.ctx.actor, str(row.session_id)
        self.end_button.setEnabled(False)

        def done(_: object) -> None:
            self.status.setText(tr("Ended the session of {name} on {workstation}; that "
                                   "workstation is back at its sign-in window.").format(
                                       name=row.full_name, workstation=row.workstation))
            self.session_ended.emit(sid)
            self.refresh()

        self.ctx.ops.run(lambda: self.ctx.services.auth.revoke(actor, sid),
                         on_success=done, on_failure=self._failed, owner=self)


def _when(at: Any, tz: ZoneInfo) -> str:
    local = at.astimezone(tz)
    if is_rtl():  # "%b" is an English month name: day/month in numbers instead
        return digits(local.strftime("%d/%m %H:%M"))
    return local.strftime("%d %b %H:%M")
