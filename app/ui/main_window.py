"""The main window: a header with who is signed in, navigation limited to what the role may
use, and the pages themselves, built the first time they are opened.

Window chrome (header, navigation, Help menu, status bar, the connection banner) is in the
signed-in user's language: the window is built after sign-in, once the language is installed,
so it needs no live retranslation. Page titles and summaries come from app/ui/pages.py as
English source texts and are shown with ``tr()``.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Role
from app.domain.roles import Permission, can, role_label
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.i18n import N_, tr
from app.ui.pages import PageSpec, all_pages
from app.ui.shortcuts import HELP, LOCK
from app.ui.widgets.banner import Banner
from app.ui.widgets.screen_fit import fit_to_screen

CONNECTION_LOST = N_("The connection to the database was lost; reconnecting… Screens are not "
                      "updating, and what you save now may fail (nothing is half-saved).")
CONNECTION_RESTORED = N_("The connection to the database is back; every screen was reloaded.")
RESTORED_BANNER_MS = 10_000


# Where each role starts (issue 11): an accountant lands on money, not on the OPD queue. The
# first key of a role's list that is among the pages it may open wins; a role with none of
# them lands on the first page it may open.
LANDING: dict[Role, tuple[str, ...]] = {
    Role.ACCOUNTANT: ("dashboard", "refunds"),
    Role.RECEPTIONIST: ("queue",),
    Role.NURSE: ("queue",),
    Role.DOCTOR: ("queue",),
    Role.HOSPITAL_ADMIN: ("queue",),
    Role.SUPER_ADMIN: ("queue",),
}


def landing_page(role: Role, pages: list[PageSpec]) -> str | None:
    """The key of the page ``role`` starts on, among ``pages`` (None when it may open none)."""
    keys = [p.key for p in pages if can(role, p.permission)]
    for key in LANDING.get(role, ()):
        if key in keys:
            return key
    return keys[0] if keys else None


def _layout_settings(username: str) -> QSettings:
    """This user's window layout on this workstation: one QSettings group per user, so the
    accountant's wide refunds window does not resize the receptionist's queue."""
    settings = QSettings()
    settings.beginGroup(f"layout/{username}")
    return settings


class _NotYetAvailable(QWidget):
    def __init__(self, spec: PageSpec) -> None:
        super().__init__()
        text = QLabel(tr("<h2>{title}</h2><p>{summary}.</p><p><b>Not yet available in this "
                         "version of ClinicDesk.</b></p>").format(
                             title=html.escape(tr(spec.title)),
                             summary=html.escape(tr(spec.summary))),
                      objectName="Placeholder")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    """sign_out_requested() — the user pressed Sign out."""

    lock_requested = Signal()
    """lock_requested() — the user pressed Lock (or the idle timer fired)."""

    def __init__(self, ctx: AppContext, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        signed = ctx.signed_in
        assert signed is not None
        actor = signed.actor
        self.setWindowTitle(tr("ClinicDesk — {hospital}").format(hospital=signed.hospital_name))
        fit_to_screen(self, 1280, 800)

        header = QWidget(objectName="Header")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(16, 8, 16, 8)
        hl.addWidget(QLabel(signed.hospital_name, objectName="HeaderTitle"))
        hl.addStretch(1)
        # The desk's cash drawer, for everyone who takes cash (app/ui/shift_page.py).
        self.shift_indicator: QLabel | None = None
        if can(actor.role, Permission.MANAGE_SHIFT) and hasattr(ctx.services, "shifts"):
            from app.ui.shift_page import ShiftIndicator

            self.shift_indicator = ShiftIndicator(ctx)
            hl.addWidget(self.shift_indicator)
            hl.addSpacing(16)
        # Role names are the domain's labels (marked N_ there), shown in the user's language.
        self.user_label = QLabel(tr("{name} · {role} · {workstation}").format(
            name=actor.full_name, role=tr(role_label(actor.role)),
            workstation=actor.workstation or ""))
        if i18n.is_rtl():  # starts with a Latin name: read "name · role · desk" from the right
            self.user_label.setText("\u200f" + self.user_label.text())
        hl.addWidget(self.user_label)
        lock = QPushButton(tr("Lock"))
        lock.setToolTip(tr("Lock this workstation {keys}").format(keys=LOCK.hint))
        sign_out = QPushButton(tr("Sign out"))
        hl.addWidget(lock)
        hl.addWidget(sign_out)
        lock.clicked.connect(self.lock_requested)
        sign_out.clicked.connect(self.sign_out_requested)
        QShortcut(QKeySequence(LOCK.keys[0]), self, activated=self.lock_requested.emit)

        self.nav = QListWidget(objectName="Nav")
        self.nav.setFixedWidth(210)
        self.nav.setWordWrap(True)  # "Insurance Audit  (not yet available)" fits on two lines
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self._all_pages = pages if pages is not None else all_pages()
        self._specs = [p for p in self._all_pages if can(actor.role, p.permission)]
        self._built: dict[str, QWidget] = {}
        for spec in self._specs:
            title, summary = tr(spec.title), tr(spec.summary)
            label = title if spec.factory else tr("{page}  (not yet available)").format(page=title)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(tr("{summary} ({keys})").format(summary=summary, keys=spec.shortcut)
                            if spec.shortcut else summary)
            self.nav.addItem(item)
            if spec.shortcut:
                row = self.nav.count() - 1
                QShortcut(QKeySequence(spec.shortcut), self,
                          activated=lambda r=row: self.nav.setCurrentRow(r))
        self.nav.currentRowChanged.connect(self._open_row)

        body = QWidget()
        bl = QHBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(0)
        bl.addWidget(self.nav)
        bl.addWidget(self.stack, 1)
        # Lost / restored connection to the shared database (app/ui/live.py): said across the
        # top, so nobody keeps working from a queue that stopped updating without knowing.
        self.connection_banner = Banner()
        self.connection_banner.setObjectName("ConnectionBanner")
        self._banner_timer = QTimer(self, singleShot=True, interval=RESTORED_BANNER_MS)
        self._banner_timer.timeout.connect(self.connection_banner.clear_message)
        ctx.bus.connection_changed.connect(self._connection_changed)

        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(header)
        cl.addWidget(self.connection_banner)
        cl.addWidget(body, 1)
        self.setCentralWidget(central)
        # Help → Keyboard shortcuts (F1): listed from the same definitions the keys are bound
        # from (app/ui/shortcuts.py, pages.py), so the list never goes stale.
        self.keyboard_help: QWidget | None = None
        help_menu = self.menuBar().addMenu(tr("&Help"))
        keys = help_menu.addAction(tr("Keyboard shortcuts"))
        keys.setShortcut(QKeySequence(HELP.keys[0]))
        keys.triggered.connect(self.show_keyboard_help)
        self._username = actor.username
        self._restore_geometry()
        start = landing_page(actor.role, self._specs)
        if start is not None:
            self.nav.setCurrentRow(self.page_keys().index(start))
        # Running as a superuser or the tables' owner on a shared server: say so, always
        # visible (computed off the GUI thread when the database was opened; bootstrap.py).
        warning = ctx.db.privilege_warning if ctx.db is not None else None
        if warning:
            self.privilege_warning = QLabel(f"⚠ {i18n.render(warning)}",
                                            objectName="PrivilegeWarning")
            self.privilege_warning.setWordWrap(True)
            self.privilege_warning.setStyleSheet("color: #8a4b00; padding: 2px 8px;")
            self.statusBar().addWidget(self.privilege_warning, 1)
        if not ctx.bus.connected:
            self._connection_changed(False)

    def _connection_changed(self, up: bool) -> None:
        if up:
            self.connection_banner.set_message(tr(CONNECTION_RESTORED), kind="success")
            self._banner_timer.start()
        else:
            self._banner_timer.stop()
            self.connection_banner.set_message(tr(CONNECTION_LOST), kind="warning")

    def show_keyboard_help(self) -> QWidget:
        from app.ui.keyboard_help import KeyboardHelp

        if self.keyboard_help is None:
            self.keyboard_help = KeyboardHelp(self._all_pages, self)
        self.keyboard_help.show()
        self.keyboard_help.raise_()
        return self.keyboard_help

    # -- layout remembered per user --------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = _layout_settings(self._username).value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _restore_splitters(self, key: str, page: QWidget) -> None:
        settings = _layout_settings(self._username)
        for splitter in page.findChildren(QSplitter):
            state = settings.value(f"splitter/{key}/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)

    def save_layout(self) -> None:
        """Window geometry and every built page's splitters, under this user's name."""
        settings = _layout_settings(self._username)
        settings.setValue("geometry", self.saveGeometry())
        for key, page in self._built.items():
            for splitter in page.findChildren(QSplitter):
                settings.setValue(f"splitter/{key}/{splitter.objectName()}",
                                  splitter.saveState())
        settings.sync()

    def closeEvent(self, event: Any) -> None:
        self.save_layout()
        super().closeEvent(event)

    def page_keys(self) -> list[str]:
        return [s.key for s in self._specs]

    def open_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.page_keys().index(key))
        return self._built[key]

    def _open_row(self, row: int) -> None:
        if row < 0:
            return
        spec = self._specs[row]
        page = self._built.get(spec.key)
        if page is None:
            page = spec.factory(self.ctx) if spec.factory else _NotYetAvailable(spec)
            self._built[spec.key] = page
            self.stack.addWidget(page)
            # once the page has its size: a splitter restored while still tiny is rescaled
            QTimer.singleShot(0, lambda k=spec.key, w=page: self._restore_splitters(k, w))
        self.stack.setCurrentWidget(page)
