"""Every keyboard shortcut of the desk, defined once.

The screens bind their keys from these definitions and Help → Keyboard shortcuts (F1,
app/ui/keyboard_help.py) lists them from the same definitions plus the pages' own keys
(app/ui/pages.py), so the list cannot drift from what the keys do.

Row actions use F-keys: Ctrl+digits open pages, Ctrl+Shift+digits are taken by pages too,
Ctrl+L locks. F5 stays "refresh" as everywhere else on a desktop; F1 is help.
"""
# i18n: pending

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.pages import PageSpec


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: tuple[str, ...]
    """The first key is the one shown first; the others do the same (older keys kept)."""
    action: str
    where: str

    @property
    def keys_text(self) -> str:
        return " or ".join(self.keys)

    @property
    def hint(self) -> str:
        """For a tooltip: "(F3 or Ctrl+Shift+V)"."""
        return f"({self.keys_text})"


EVERYWHERE = "Everywhere"
QUEUE = "OPD Queue"

HELP = Shortcut("help", ("F1",), "This list of keyboard shortcuts (Help → Keyboard shortcuts)",
                EVERYWHERE)
LOCK = Shortcut("lock", ("Ctrl+L",), "Lock this workstation", EVERYWHERE)

QUEUE_KEYS = (
    Shortcut("search", ("Ctrl+F",), "Search by name, MRN or Emirates ID; Down moves into the "
             "list, Enter acts on the only match", QUEUE),
    Shortcut("refresh", ("F5",), "Reload today's appointments", QUEUE),
    Shortcut("switch_tab", ("F9",), "Switch between Today's Appointments and the Live Queue",
             QUEUE),
)

QUEUE_LIST_KEYS = (
    Shortcut("enter", ("Enter",), "On Today's Appointments: check in the selected patient; "
             "on the Live Queue: the row's next step (vitals, start, complete)", QUEUE),
    Shortcut("into_list", ("Down",), "From the search box into the list", QUEUE),
)
"""Keys the queue's search box and list handle themselves (listed, not bound as shortcuts)."""

QUEUE_ACTIONS = (
    Shortcut("check_in", ("F2",), "Check in the selected patient: collect, waive or defer the "
             "copay (Enter does it on Today's Appointments)", QUEUE),
    Shortcut("vitals", ("F3", "Ctrl+Shift+V"), "Record vitals (Live Queue)", QUEUE),
    Shortcut("start", ("F4", "Ctrl+Shift+S"), "Start the consultation (Live Queue)", QUEUE),
    Shortcut("complete", ("F6", "Ctrl+Shift+C"), "Complete the consultation (Live Queue)",
             QUEUE),
    Shortcut("payments", ("F7", "Ctrl+P"), "Payment history: reprint, save or email a receipt",
             QUEUE),
    Shortcut("insurance", ("F8",), "Add insurance for a self-pay patient", QUEUE),
)
"""The queue's row actions; QueueWindow binds each name to its slot."""

WALKIN_SEARCH = Shortcut("walkin_search", ("Ctrl+F",), "Find the patient (Emirates ID, name, "
                         "phone or MRN)", "Walk-in")


def by_name(name: str) -> Shortcut:
    for s in (*QUEUE_KEYS, *QUEUE_ACTIONS, HELP, LOCK, WALKIN_SEARCH):
        if s.name == name:
            return s
    raise KeyError(name)


def page_shortcuts(pages: Iterable[PageSpec]) -> list[Shortcut]:
    return [Shortcut(f"page:{p.key}", (p.shortcut,), f"Open {p.title}", EVERYWHERE)
            for p in pages if p.shortcut]


def all_shortcuts(pages: Iterable[PageSpec]) -> list[Shortcut]:
    """Every shortcut of the desk, in the order Help lists them."""
    return [HELP, LOCK, *page_shortcuts(pages), *QUEUE_KEYS, *QUEUE_LIST_KEYS, *QUEUE_ACTIONS,
            WALKIN_SEARCH]
