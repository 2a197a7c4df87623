"""Every keyboard shortcut of the desk, defined once.

The screens bind their keys from these definitions and Help → Keyboard shortcuts (F1,
app/ui/keyboard_help.py) lists them from the same definitions plus the pages' own keys
(app/ui/pages.py), so the list cannot drift from what the keys do.

Row actions use F-keys: Ctrl+digits open pages, Ctrl+Shift+digits are taken by pages too,
Ctrl+L locks. F5 stays "refresh" as everywhere else on a desktop; F1 is help.

Descriptions and places are English source texts marked ``N_()``; ``action_text`` /
``where_text`` / ``keys_text`` give them in the interface's language. Key names stay as they
are printed on the keyboard (Ctrl+F, Enter), in Latin letters, in every language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.ui.i18n import N_, tr

if TYPE_CHECKING:
    from app.ui.pages import PageSpec


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: tuple[str, ...]
    """The first key is the one shown first; the others do the same (older keys kept)."""
    action: str
    """English source text (marked N_); shown with ``action_text``."""
    where: str
    page_title: str = ""
    """For a page's key: the page's English title, so "Open {page}" is translated whole."""

    @property
    def keys_text(self) -> str:
        text = self.keys[0]
        for key in self.keys[1:]:
            text = tr("{keys} or {key}").format(keys=text, key=key)
        return text

    @property
    def hint(self) -> str:
        """For a tooltip: "(F3 or Ctrl+Shift+V)"."""
        return tr("({keys})").format(keys=self.keys_text)

    @property
    def action_text(self) -> str:
        """What the key does, in the interface's language."""
        if self.page_title:
            return tr("Open {page}").format(page=tr(self.page_title))
        return tr(self.action)

    @property
    def where_text(self) -> str:
        return tr(self.where)


EVERYWHERE = N_("Everywhere")
QUEUE = N_("OPD Queue")

HELP = Shortcut("help", ("F1",),
                N_("This list of keyboard shortcuts (Help → Keyboard shortcuts)"), EVERYWHERE)
LOCK = Shortcut("lock", ("Ctrl+L",), N_("Lock this workstation"), EVERYWHERE)

QUEUE_KEYS = (
    Shortcut("search", ("Ctrl+F",), N_("Search by name, MRN or Emirates ID; Down moves into "
                                       "the list, Enter acts on the only match"), QUEUE),
    Shortcut("refresh", ("F5",), N_("Reload today's appointments"), QUEUE),
    Shortcut("switch_tab", ("F9",),
             N_("Switch between Today's Appointments and the Live Queue"), QUEUE),
)

QUEUE_LIST_KEYS = (
    Shortcut("enter", ("Enter",), N_("On Today's Appointments: check in the selected patient; "
                                     "on the Live Queue: the row's next step (vitals, start, "
                                     "complete)"), QUEUE),
    Shortcut("into_list", ("Down",), N_("From the search box into the list"), QUEUE),
)
"""Keys the queue's search box and list handle themselves (listed, not bound as shortcuts)."""

QUEUE_ACTIONS = (
    Shortcut("check_in", ("F2",), N_("Check in the selected patient: collect, waive or defer "
                                     "the copay (Enter does it on Today's Appointments)"), QUEUE),
    Shortcut("vitals", ("F3", "Ctrl+Shift+V"), N_("Record vitals (Live Queue)"), QUEUE),
    Shortcut("start", ("F4", "Ctrl+Shift+S"), N_("Start the consultation (Live Queue)"), QUEUE),
    Shortcut("complete", ("F6", "Ctrl+Shift+C"), N_("Complete the consultation (Live Queue)"),
             QUEUE),
    Shortcut("payments", ("F7", "Ctrl+P"),
             N_("Payment history: reprint, save or email a receipt"), QUEUE),
    Shortcut("insurance", ("F8",), N_("Add insurance for a self-pay patient"), QUEUE),
)
"""The queue's row actions; QueueWindow binds each name to its slot."""

WALKIN_SEARCH = Shortcut("walkin_search", ("Ctrl+F",), N_("Find the patient (Emirates ID, "
                                                          "name, phone or MRN)"), N_("Walk-in"))


def by_name(name: str) -> Shortcut:
    for s in (*QUEUE_KEYS, *QUEUE_ACTIONS, HELP, LOCK, WALKIN_SEARCH):
        if s.name == name:
            return s
    raise KeyError(name)


def page_shortcuts(pages: Iterable[PageSpec]) -> list[Shortcut]:
    return [Shortcut(f"page:{p.key}", (p.shortcut,), f"Open {p.title}", EVERYWHERE,
                     page_title=p.title)
            for p in pages if p.shortcut]


def all_shortcuts(pages: Iterable[PageSpec]) -> list[Shortcut]:
    """Every shortcut of the desk, in the order Help lists them."""
    return [HELP, LOCK, *page_shortcuts(pages), *QUEUE_KEYS, *QUEUE_LIST_KEYS, *QUEUE_ACTIONS,
            WALKIN_SEARCH]
