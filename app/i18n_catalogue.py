"""The translation catalogue: find the strings in the source, keep the ``.ts`` files, compile.

No Qt here (it runs in CI and from ``scripts/i18n.py``); only ``build`` calls Qt's
``lrelease``. What counts as a string for people:

* UI: ``tr("literal")`` / ``tr("literal", "disambiguation")`` and ``N_("literal")``;
* domain and services: ``M("code", "English text {param}", ...)`` (app/domain/messages.py).

Each source module has its own catalogue file, ``resources/i18n/<lang>/<module>.ts`` (Qt
Linguist's format, one context ``ClinicDesk``), so that people translating different screens
never edit the same file; ``build`` merges them into one ``clinicdesk_<lang>.qm``.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.domain.messages import CONTEXT, placeholders
from app.resources import bundle_root, resource_path

SOURCE_ROOT = bundle_root()
APP_DIR = SOURCE_ROOT / "app"
TRANSLATED = ("ar",)
UI_CALLS = {"tr", "N_"}
MESSAGE_CALL = "M"


@dataclass(frozen=True)
class Entry:
    source: str
    comment: str = ""     # Qt's disambiguation: part of the key
    note: str = ""        # the message code: a note for the translator, not part of the key
    line: int = 0

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.comment)


@dataclass(frozen=True)
class Problem:
    module: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.text}"


# ------------------------------------------------------------------------------ extraction
def module_name(path: Path) -> str:
    return ".".join(path.relative_to(SOURCE_ROOT).with_suffix("").parts)


def source_files() -> list[Path]:
    return sorted(p for p in APP_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def extract(path: Path) -> tuple[list[Entry], list[Problem]]:
    """The catalogue entries of one module, and the calls that cannot be catalogued (an
    f-string or a concatenation inside ``tr()``)."""
    module = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    entries: dict[tuple[str, str], Entry] = {}
    problems: list[Problem] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        if name in UI_CALLS and node.args:
            first = node.args[0]
            if _is_str(first):
                comment = node.args[1].value if len(node.args) > 1 and _is_str(node.args[1]) \
                    else ""
                entry = Entry(first.value, comment, "", node.lineno)
                entries.setdefault(entry.key, entry)
            elif isinstance(first, (ast.JoinedStr, ast.BinOp)):
                problems.append(Problem(module, node.lineno,
                                        f"{name}() of an f-string or a concatenation: use "
                                        f"{name}(\"… {{name}} …\").format(name=…)"))
        elif name == MESSAGE_CALL and len(node.args) >= 2:
            code, text = node.args[0], node.args[1]
            if _is_str(code) and _is_str(text):
                # The message's code (Msg.code: module.code) disambiguates it, as the UI
                # renders it (app/ui/i18n.render).
                full = f"{module.rsplit('.', 1)[-1]}.{code.value}"
                entry = Entry(text.value, full, "", node.lineno)
                entries.setdefault(entry.key, entry)
            else:
                problems.append(Problem(module, node.lineno,
                                        "M() needs a literal code and a literal English text"))
    ordered = sorted(entries.values(), key=lambda e: (e.line, e.source))
    return ordered, problems


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def extract_all() -> Iterator[tuple[str, list[Entry], list[Problem]]]:
    for path in source_files():
        entries, problems = extract(path)
        yield module_name(path), entries, problems


# ------------------------------------------------------------------------------ .ts files
def ts_path(lang: str, module: str) -> Path:
    return resource_path("i18n", lang, f"{module}.ts")


def read_ts(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(source, comment) → (translation, finished)."""
    if not path.exists():
        return {}
    out: dict[tuple[str, str], tuple[str, bool]] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        comment = message.findtext("comment") or ""
        tnode = message.find("translation")
        text = (tnode.text or "") if tnode is not None else ""
        finished = tnode is not None and tnode.get("type") not in ("unfinished", "obsolete",
                                                                  "vanished")
        out[(source, comment)] = (text, finished and bool(text))
    return out


def write_ts(path: Path, lang: str, entries: Iterable[Entry],
             translations: dict[tuple[str, str], tuple[str, bool]]) -> None:
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for entry in entries:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = entry.source
        if entry.comment:
            ET.SubElement(message, "comment").text = entry.comment
        if entry.note:
            ET.SubElement(message, "extracomment").text = entry.note
        text, finished = translations.get(entry.key, ("", False))
        tnode = ET.SubElement(message, "translation")
        tnode.text = text
        if not finished:
            tnode.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def update(lang: str) -> list[str]:
    """Rewrite every module's .ts from the source, keeping the translations already made;
    return the modules whose file changed."""
    changed: list[str] = []
    seen: set[Path] = set()
    for module, entries, _ in extract_all():
        path = ts_path(lang, module)
        if not entries:
            continue
        seen.add(path)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        write_ts(path, lang, entries, read_ts(path))
        if path.read_text(encoding="utf-8") != old:
            changed.append(module)
    folder = resource_path("i18n", lang)
    for stale in folder.glob("*.ts") if folder.exists() else ():
        if stale not in seen:
            stale.unlink()
            changed.append(stale.stem)
    return changed


def _key_text(entry_key: tuple[str, str]) -> str:
    source, comment = entry_key
    return f"[[{comment}]] {source}" if comment else source


def missing(lang: str, modules: Iterable[str] | None = None) -> dict[str, str]:
    """Untranslated entries as ``{source: ""}`` (a disambiguated one as ``[[comment]] source``)
    for people to fill in and give to ``fill``."""
    wanted = set(modules) if modules else None
    out: dict[str, str] = {}
    for module, entries, _ in extract_all():
        if wanted is not None and module not in wanted:
            continue
        done = read_ts(ts_path(lang, module))
        for entry in entries:
            text, finished = done.get(entry.key, ("", False))
            if not finished:
                out[_key_text(entry.key)] = text
    return out


def fill(lang: str, translations: dict[str, str]) -> int:
    """Put the given translations into every .ts that has the entry; return how many were
    set."""
    count = 0
    for module, entries, _ in extract_all():
        path = ts_path(lang, module)
        done = read_ts(path)
        touched = False
        for entry in entries:
            text = translations.get(_key_text(entry.key), "").strip()
            if text:
                done[entry.key] = (text, True)
                touched = True
                count += 1
        if touched:
            write_ts(path, lang, entries, done)
    return count


def check(lang: str, modules: Iterable[str] | None = None) -> list[Problem]:
    """Everything that keeps the catalogue from being complete: strings missing or not
    finished, placeholders that differ, calls that cannot be catalogued, stale files."""
    wanted = set(modules) if modules else None
    problems: list[Problem] = []
    for module, entries, bad in extract_all():
        if wanted is not None and module not in wanted:
            continue
        problems.extend(bad)
        path = ts_path(lang, module)
        done = read_ts(path)
        for entry in entries:
            text, finished = done.get(entry.key, ("", False))
            if entry.key not in done:
                problems.append(Problem(module, entry.line,
                                        f"not in {path.name} (run scripts/i18n.py update): "
                                        f"{entry.source!r}"))
            elif not finished:
                problems.append(Problem(module, entry.line,
                                        f"not translated: {entry.source!r}"))
            elif placeholders(text) != placeholders(entry.source):
                problems.append(Problem(module, entry.line,
                                        f"placeholders differ: {entry.source!r} → {text!r}"))
        extra = set(done) - {e.key for e in entries}
        for source, _comment in sorted(extra):
            problems.append(Problem(module, 0, f"obsolete entry in {path.name} (run update): "
                                               f"{source!r}"))
    return problems


# ------------------------------------------------------------------------------ compiling
def qm_path(lang: str) -> Path:
    return resource_path("i18n", f"clinicdesk_{lang}.qm")


def lrelease() -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    if bundled.exists():
        return str(bundled)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise RuntimeError("Qt's lrelease was not found (it comes with PySide6-Essentials)")
    return found


def build(lang: str) -> Path:
    """Merge the language's .ts files into one and compile it with lrelease."""
    merged: dict[tuple[str, str], tuple[str, bool]] = {}
    entries: dict[tuple[str, str], Entry] = {}
    folder = resource_path("i18n", lang)
    for path in sorted(folder.glob("*.ts")):
        for key, value in read_ts(path).items():
            if value[1] or key not in merged:
                merged[key] = value
                entries[key] = Entry(key[0], key[1])
    out = qm_path(lang)
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / f"clinicdesk_{lang}.ts"
        write_ts(ts, lang, entries.values(), merged)
        result = subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(out)],
                                capture_output=True, text=True, check=False)
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(f"lrelease failed: {result.stderr or result.stdout}")
    return out


def build_if_stale(lang: str) -> Path | None:
    out = qm_path(lang)
    folder = resource_path("i18n", lang)
    sources = list(folder.glob("*.ts")) if folder.exists() else []
    if not sources:
        return None
    if out.exists() and out.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return out
    return build(lang)


def to_json(data: dict[str, str]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
