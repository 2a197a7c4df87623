"""The README sections name each page's keyboard shortcut the way the navigation does: the
Sessions section said Ctrl+7, which opens OpenDental (Sessions is Ctrl+9)."""

from __future__ import annotations

import re
from pathlib import Path

from app.ui.pages import all_pages

ROOT = Path(__file__).resolve().parents[2]
# "**Sessions** (Ctrl+9)", "**Sync status** (administrators and accountants, Ctrl+8)",
# "**OpenDental** in the navigation (Ctrl+7)"
NAMED = re.compile(r"\*\*(?P<label>[^*\n]+)\*\*[^*()\n]{0,40}\([^()\n]*?(?P<key>Ctrl\+\d)\)")


def _docs() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _mentions() -> list[tuple[str, str, str]]:
    docs = _docs()
    return [(doc.name, m["label"], m["key"]) for doc in docs
            for m in NAMED.finditer(doc.read_text(encoding="utf-8"))]


def test_every_shortcut_the_docs_give_a_page_is_the_one_it_has() -> None:
    shortcuts = {spec.title: spec.shortcut for spec in all_pages()}
    mentions = [(doc, label, key) for doc, label, key in _mentions() if label in shortcuts]
    assert {label for _doc, label, _key in mentions} >= {"Sessions", "OpenDental",
                                                          "Sync status"}
    wrong = [(doc, label, key, shortcuts[label]) for doc, label, key in mentions
             if shortcuts[label] != key]
    assert not wrong, wrong


def test_every_screenshot_the_docs_show_exists() -> None:
    # README links docs/screenshots/x.png; the pages in docs/ link screenshots/x.png.
    shown = {str((doc.parent / m).resolve().relative_to(ROOT)) for doc in _docs()
             for m in re.findall(r"\]\(((?:docs/)?screenshots/[^)\s]+\.png)\)",
                                 doc.read_text("utf-8"))}
    assert {"docs/screenshots/setup-wizard.png", "docs/screenshots/sessions.png",
            "docs/screenshots/opendental.png", "docs/screenshots/sync-status.png"} <= shown
    assert not [p for p in shown if not (ROOT / p).is_file()]
