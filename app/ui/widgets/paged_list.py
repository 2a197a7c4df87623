"""A screen that shows one keyset page of a service's list at a time: Previous / Next, a
busy indicator, loads off the GUI thread, and reloads coalesced while one is in flight.

The audit log and the refunds screen both stand on it; each says how to fetch a page
(``_fetch``) and how to show one (``_show_page``).

``loading_text`` is a class attribute, so subclasses mark it ``N_("…")``; it is translated
when shown. The arrows of Previous / Next follow the reading direction (right-to-left in
Arabic: "Previous" points right; the catalogue's translation says so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.errors import DomainError
from app.ui.errors import message_for, show_error
from app.ui.i18n import N_, number, tr
from app.ui.widgets.keyset_pages import KeysetPages


def select_row(view: QAbstractItemView, row: int) -> None:
    """Select the whole ``row`` of ``view`` (and make it current), as a click does.

    Not ``QTableView.selectRow``: in a right-to-left (Arabic) window it selects nothing
    (PySide6 6.x, single selection), so the detail beside the list stayed empty."""
    model = view.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    view.selectionModel().setCurrentIndex(model.index(row, 0), flags)


class PagedListPage(QWidget):
    """Subclasses create ``self.busy`` (BusyIndicator) and ``self.banner`` (Banner) in their
    layout, and implement ``_fetch`` and ``_show_page``."""

    page_loaded = Signal()
    """page_loaded() — a page is on screen (or the load failed, see the banner)."""

    loading_text = N_("Loading…")

    def __init__(self, ctx: Any, page_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages = KeysetPages(page_size)
        self._loading = False
        self._reload_again = False

    def _add_page_buttons(self, row: QHBoxLayout) -> None:
        """Previous, the page label and Next, at the end of the subclass's ``row``."""
        # Qt draws a button's text in its own (left-to-right) order, arrows as typed: the
        # Arabic catalogue writes "Previous" with the arrow after it pointing right (towards
        # the start of a right-to-left list) and "Next" pointing left.
        self.prev_button = QPushButton(tr("‹ Previous"))
        self.next_button = QPushButton(tr("Next ›"))
        self.page_label = QLabel("", objectName="Status")
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        for w in (self.prev_button, self.page_label, self.next_button):
            row.addWidget(w)

    # --------------------------------------------------------------------- to override
    def _fetch(self) -> Callable[[], Any]:
        """The service call for the page at ``self.pages.cursor``, to run on a worker."""
        raise NotImplementedError

    def _show_page(self, page: Any) -> None:
        """Put ``page`` (it has ``rows`` and ``next_cursor``) on screen."""
        raise NotImplementedError

    # ------------------------------------------------------------------------ paging
    def refresh(self) -> None:
        """Re-read the page on screen (same filters and cursor)."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.busy.start(tr(self.loading_text))
        self.ctx.ops.run(self._fetch(), on_success=self._loaded,
                         on_failure=self._load_failed, owner=self)

    def _loaded(self, page: Any) -> None:
        self._loading = False
        self.busy.stop()
        if self._reload_again:
            self._reload_again = False
            self.refresh()
            return
        if not page.rows and self.pages.back():  # the page emptied under us
            self.refresh()
            return
        self.pages.loaded(page.next_cursor)
        self._show_page(page)
        self.prev_button.setEnabled(self.pages.has_previous)
        self.next_button.setEnabled(page.next_cursor is not None)
        self.page_loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.busy.stop()
        if isinstance(exc, DomainError):
            self.banner.set_message(message_for(exc), kind="error")
        else:
            show_error(self, exc)
        self.page_loaded.emit()

    def page_text(self) -> str:
        """"Page 2": what the subclasses put in ``page_label``."""
        return tr("Page {number}").format(number=number(self.pages.number))

    def next_page(self) -> None:
        if self.pages.forward():
            self.refresh()

    def previous_page(self) -> None:
        if self.pages.back():
            self.refresh()
