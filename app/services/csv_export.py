"""CSV files that are safe to open in Excel, written whole or not at all.

Shared by every export (the insurance audit, the activity log, ...):

- :func:`csv_safe`: a cell Excel will not run as a formula (OWASP's CSV-injection advice);
- :func:`write_csv_file`: UTF-8 with a BOM (so Excel reads Arabic names right), CRLF lines,
  written into a temporary file next to the target and renamed into place only when the
  filler finished, so a failed or cancelled export never leaves half a file behind; every
  file-system failure becomes one sentence naming the fix (a ValidationError).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from app.domain.errors import ValidationError

__all__ = ["csv_safe", "write_csv_file"]

T = TypeVar("T")
_CSV_TRIGGER_CHARS = frozenset("=+-@\t\r")


def csv_safe(value: object) -> str:
    """A cell Excel will not run as a formula: text starting with = + - @, a tab or a CR
    gets a leading apostrophe (OWASP's CSV-injection advice)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text[:1] in _CSV_TRIGGER_CHARS else text


class _Cancelled(Exception):
    pass


def write_csv_file(path: str | os.PathLike, fill: Callable[[Any], T | None]) -> T | None:
    """Call ``fill(writer)`` (a csv.writer over a temporary file) and put the file at
    ``path`` once it returns. ``fill`` returns None when the user cancelled: the temporary
    file is removed and None returned. The writer's cells are not escaped here: pass them
    through :func:`csv_safe`."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"The folder {folder} does not exist. Choose another folder "
                              "for the export.")
    if target.is_dir():
        raise ValidationError(f"{target} is a folder; give the export a file name.")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise _write_error(folder, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            result = fill(csv.writer(fh, lineterminator="\r\n"))
            if result is None:
                raise _Cancelled
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise ValidationError(
                f"Could not save {target.name}: {exc.strerror or exc}. If the file is "
                "open in Excel or another program, close it and export again.") from None
    except _Cancelled:
        tmp.unlink(missing_ok=True)
        return None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_error(folder, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


def _write_error(folder: Path, exc: OSError) -> ValidationError:
    if isinstance(exc, PermissionError):
        return ValidationError(
            f"ClinicDesk is not allowed to save files in {folder}. Choose a folder you can "
            "write to, such as Documents, and export again.")
    return ValidationError(f"Could not write the export in {folder}: "
                           f"{exc.strerror or exc}. Nothing was saved.")
