"""Find user-visible English that bypasses the translation system (issue 15).

Two rules, both read from the source with ``ast`` (tests/i18n/ runs them; so can anyone:
``python -m app.i18n_lint``):

* in ``app/ui``: a string literal or f-string with letters handed to a Qt text setter
  (``setText``, ``setToolTip``, ``addItem``, ``QLabel(...)``, ``QMessageBox.warning(...)``…)
  instead of ``tr(...)``;
* everywhere else in ``app``: ``raise SomeDomainError("English…")`` (or an f-string) instead
  of a message code, ``M("code", "English…", …)``.

A module not yet converted carries the line ``# i18n: pending``; it is skipped (and left out
of the catalogue check). A non-UI pending module with nothing left to convert is itself
reported, so the marker cannot outlive the work there.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from app.resources import bundle_root

APP = bundle_root() / "app"
PENDING_MARK = "# i18n: pending"
_LETTERS = re.compile(r"[A-Za-z]{2,}")

TEXT_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setTitle", "addTab", "insertTab", "setTabText", "setTabToolTip",
    "addItem", "insertItem", "addItems", "setHorizontalHeaderLabels", "setHeaderLabels",
    "setVerticalHeaderLabels", "showMessage", "setLabelText", "addAction", "addMenu",
    "setSuffix", "setPrefix", "setSpecialValueText", "setAccessibleName",
    "setAccessibleDescription", "setInformativeText", "setDetailedText", "setButtonText",
    "setSubTitle", "addRow", "insertRow", "setCancelButtonText", "setItemText",
    "addButton", "setOkButtonText", "setHtml", "setPlainText", "set_message", "show_banner",
    "set_ready", "set_starting", "information", "warning", "critical", "question", "about",
    "getText", "getItem", "getInt", "getDouble", "getSaveFileName", "getOpenFileName",
}
FIRST_ONLY = {"set_message", "show_banner", "addItem", "set_ready", "set_starting"}
TEXT_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QToolButton", "QMenu", "QCommandLinkButton", "QTableWidgetItem", "QListWidgetItem",
    "QStandardItem", "QTreeWidgetItem",
}
TEXT_KEYWORDS = {"text", "placeholderText", "toolTip", "windowTitle", "title", "statusTip"}
#: Names that are the same in every language.
PROPER_NAMES = {"ClinicDesk", "OpenDental", "DHA", "eClaimLink", "AED", "SMTP", "EID", "MRN",
                "CSV", "PDF", "OK"}

LOGGERS = {"log", "logger", "logging", "_log", "warnings"}
NOT_DOMAIN = {"ValueError", "TypeError", "RuntimeError", "KeyError", "AssertionError",
              "NotImplementedError", "SystemExit", "OSError", "LookupError", "IndexError",
              "AttributeError", "TimeoutError", "ConnectionError", "PermissionError",
              "FileNotFoundError", "StopIteration", "Exception", "CommandError", "HTTPError",
              "ArgumentTypeError", "ImportError", "ZeroDivisionError", "UnicodeError"}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(bundle_root())}:{self.line}: {self.text}"


def is_pending(path: Path) -> bool:
    return any(line.strip() == PENDING_MARK
               for line in path.read_text(encoding="utf-8").splitlines())


def _english(node: ast.AST) -> str | None:
    """The English of a literal or f-string with words, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    else:
        return None
    words = [w for w in _LETTERS.findall(text) if w not in PROPER_NAMES]
    if not words or text.startswith(("#", "QWidget", "Q", "%")) and " " not in text.strip():
        return None
    return text


def ui_findings(path: Path) -> list[Finding]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Finding] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else (
            func.id if isinstance(func, ast.Name) else "")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id in LOGGERS:
            continue  # log.warning("…") is for the log, in English
        args: list[ast.AST] = []
        if name in TEXT_SETTERS or name in TEXT_CLASSES:
            # set_message(text, "error"), addItem(text, "code"): only the first is for people.
            args = list(node.args[:1] if name in FIRST_ONLY else node.args)
            for arg in node.args:  # setHorizontalHeaderLabels(["…"]), addItems([...])
                if isinstance(arg, (ast.List, ast.Tuple)):
                    args.extend(arg.elts)
        args.extend(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)
        for arg in args:
            text = _english(arg)
            if text is not None:
                found.append(Finding(path, node.lineno, f"{name}({text[:60]!r}) without tr()"))
    return found


def domain_error_names() -> set[str]:
    """Every DomainError subclass of the application (the non-UI modules imported)."""
    import importlib
    import pkgutil

    import app
    from app.domain.errors import DomainError

    for info in pkgutil.walk_packages(app.__path__, "app."):
        if info.name.startswith(("app.ui", "app.__main__")):
            continue
        try:
            importlib.import_module(info.name)
        except Exception:  # noqa: BLE001, S112 - a module that needs Qt or a server
            continue
    names: set[str] = set()
    todo = [DomainError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def raise_findings(path: Path, errors: set[str]) -> list[Finding]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Finding] = []
    for node in ast.walk(tree):
        call = node.exc if isinstance(node, ast.Raise) else None
        if not isinstance(call, ast.Call) or not call.args:
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else (
            func.id if isinstance(func, ast.Name) else "")
        if name in NOT_DOMAIN or name not in errors:
            continue
        first = call.args[0]
        text = _english(first)
        if text is None and isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute) \
                and first.func.attr == "format":
            text = _english(first.func.value)
        if text is not None:
            found.append(Finding(path, node.lineno, f"raise {name}({text[:60]!r}) without a "
                                                    f"message code"))
    return found


def ui_modules() -> list[Path]:
    return sorted(p for p in (APP / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def other_modules() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py")
                  if "__pycache__" not in p.parts and "ui" not in p.relative_to(APP).parts[:1])


def findings() -> tuple[list[Finding], list[Path]]:
    """(what bypasses the translation system, pending modules with nothing left to do)."""
    out: list[Finding] = []
    done_but_marked: list[Path] = []
    errors = domain_error_names()
    for path, rule in ([(p, "ui") for p in ui_modules()] + [(p, "raise") for p in
                                                             other_modules()]):
        found = ui_findings(path) if rule == "ui" else raise_findings(path, errors)
        if is_pending(path):
            # UI modules hold strings the lint cannot see (column headers, model data): only
            # the person converting one knows it is done. The raise rule sees everything.
            if not found and rule == "raise":
                done_but_marked.append(path)
        else:
            out.extend(found)
    return out, done_but_marked


if __name__ == "__main__":
    problems, stale = findings()
    for finding in problems:
        print(finding)
    for path in stale:
        print(f"{path}: marked '{PENDING_MARK}' but nothing is left to convert")
    raise SystemExit(1 if problems or stale else 0)
