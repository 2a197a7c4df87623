"""CSV exports for accountants, shared by every list that has one (insurance audit, claims,
insurance payments).

Two things every export gets the same way:

- :func:`csv_safe`: a cell Excel will not run as a formula (OWASP's CSV-injection advice: text
  starting with = + - @, a tab or a CR gets a leading apostrophe);
- :func:`write_atomically`: the rows go into a temporary file next to the target, and the file
  is renamed into place only when complete, so a failed or cancelled export never leaves half a
  file behind. The file is UTF-8 with a BOM (Excel reads the Arabic names right) and CRLF lines.

The caller's ``write(writer)`` streams its rows (in batches, reporting progress) and returns
how many it wrote, or None when the user cancelled.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.errors import ValidationError
from app.domain.messages import messages

M = messages(__name__)

__all__ = ["CSV_TRIGGER_CHARS", "ExportResult", "csv_safe", "safe_row", "write_atomically",
           "write_keyset_pages"]

CSV_TRIGGER_CHARS = frozenset("=+-@\t\r")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    cancelled: bool = False
    truncated: bool = False  # more rows matched than the export limit


def csv_safe(value: object) -> str:
    """A cell Excel will not run as a formula: text starting with = + - @, a tab or a CR
    gets a leading apostrophe (OWASP's CSV-injection advice)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text[:1] in CSV_TRIGGER_CHARS else text


def safe_row(values: Iterable[object]) -> list[str]:
    return [csv_safe(v) for v in values]


def write_keyset_pages(writer: Any, fetch: Callable[[Any, int], list[Any]],
                       cells: Callable[[Any], Iterable[object]], state: Any, *, limit: int,
                       batch: int) -> tuple[int, bool] | None:
    """Write the rows of ``fetch(after, n)`` (keyset pages of rows carrying ``.cursor``) as
    formula-safe cells until they run out or ``limit`` rows are written: (rows written,
    truncated: more rows matched than the limit), or None when ``state`` reports a cancel.
    The total is unknown without a count, so progress moves a page at a time."""
    written, after = 0, None
    state.progress(0.0)
    while written < limit:
        if state.cancelled():
            return None
        rows = fetch(after, batch)
        writer.writerows(safe_row(cells(r)) for r in rows[:limit - written])
        written += min(len(rows), limit - written)
        if len(rows) < batch:
            return written, False
        after = rows[-1].cursor
        state.progress(min(0.95, written / limit))
    return written, bool(fetch(after, 1))


def check_target(path: str | os.PathLike) -> Path:
    """The target file, refused (ValidationError) before any work when its folder is missing
    or it names a folder."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(M("folder_does_not_exist",
                                "The folder {folder} does not exist. Choose another folder for "
                                "the export.",
                                folder=folder))
    if target.is_dir():
        raise ValidationError(M("folder_give_export_file",
                                "{target} is a folder; give the export a file name.",
                                target=target))
    return target


def write_atomically(path: str | os.PathLike, header: Iterable[str],
                     write: Callable[[Any], int | None]) -> int | None:
    """Write ``header`` then what ``write(csv_writer)`` writes into ``path``, atomically.

    Returns the rows ``write`` reported, or None (and no file) when it reported a cancel.
    OS errors become ValidationErrors a desk can act on; nothing is left behind."""
    target = check_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise _write_error(folder, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(list(header))
            written = write(writer)
        if written is None:
            tmp.unlink(missing_ok=True)
            return None
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise ValidationError(
                M("could_not_save_if", "Could not save {name}: {error}. If the file is open in "
                  "Excel or another program, close it and export again.",
                  name=target.name,
                  error=exc.strerror or exc)) from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_error(folder, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return written


def _write_error(folder: Path, exc: OSError) -> ValidationError:
    if isinstance(exc, PermissionError):
        return ValidationError(M(
            "not_allowed_folder", "ClinicDesk is not allowed to save files in {folder}. Choose a "
            "folder you can write to, such as Documents, and export again.", folder=folder))
    return ValidationError(M("could_not_write_export", "Could not write the export in {folder}: "
                             "{error}. Nothing was saved.", folder=folder,
                             error=exc.strerror or exc))
