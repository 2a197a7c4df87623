"""The list tables of the settings-side pages (OpenDental connections, Sync status, Sessions).

Column titles are English source texts (marked ``N_()`` by the page that defines them) and
shown here in the interface's language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from app.ui.i18n import tr


def read_only_table(columns: Sequence[str]) -> QTableWidget:
    """A table of whole rows, one selected at a time, not editable in place; columns sized to
    their contents (the page stretches or fixes the ones it wants otherwise)."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([tr(c) for c in columns])
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table
