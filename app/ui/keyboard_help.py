"""Help → Keyboard shortcuts (F1): every shortcut of the desk in one table, built from the
definitions the screens bind their keys from (app/ui/shortcuts.py, app/ui/pages.py)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import tr
from app.ui.pages import PageSpec
from app.ui.shortcuts import all_shortcuts


class KeyboardHelp(QDialog):
    def __init__(self, pages: Iterable[PageSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(820, 600)
        self._rows = all_shortcuts(pages)
        intro = QLabel(tr("Every shortcut of ClinicDesk. Pages your role may not open do nothing "
                          "when their key is pressed."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._rows), 3)
        self.table.setHorizontalHeaderLabels([tr("Keys"), tr("What it does"), tr("Where")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for i, s in enumerate(self._rows):
            for j, text in enumerate((s.keys_text, s.action_text, s.where_text)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Close"))
        # The platform's icon is drawn over the text of a mirrored button: text only.
        close.setIcon(QIcon())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def listed(self) -> list[tuple[str, str, str]]:
        """(keys, action, where) of every line, as shown."""
        return [tuple(self.table.item(i, j).text() for j in range(3))  # type: ignore[misc]
                for i in range(self.table.rowCount())]
