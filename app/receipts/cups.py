"""Printing a PDF file through CUPS' command-line tools (``lp``, ``lpstat``), without Qt.

CUPS takes PDF as it is, so this is both the headless path (tests, CI, a kiosk without a
GUI) and the Linux/macOS fallback when Qt has no PDF renderer (PySide6-Essentials ships no
QtPdf). Failures become ``IntegrationError`` with a sentence for the desk.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from app.domain.errors import IntegrationError
from app.domain.messages import messages

M = messages(__name__)

LP_TIMEOUT = 30.0


def available() -> bool:
    """True when the CUPS client commands are installed."""
    return shutil.which("lp") is not None


def cups_printers(timeout: float = 10.0) -> list[str]:
    """Names of the CUPS print queues (``lpstat -e``); empty when CUPS is absent or down."""
    lpstat = shutil.which("lpstat")
    if not lpstat:
        return []
    try:
        done = subprocess.run([lpstat, "-e"], capture_output=True, text=True, timeout=timeout,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if done.returncode != 0:
        return []
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def media_for(width_pt: float, height_pt: float) -> str | None:
    """The CUPS ``media`` option for a page size in points: None for A4 (the queue's default
    paper), ``Custom.80.0x226.4mm`` for anything else (an 80 mm thermal roll)."""
    if abs(width_pt - 595.28) < 2 and abs(height_pt - 841.89) < 2:
        return None
    mm = 72 / 25.4
    return f"Custom.{width_pt / mm:.1f}x{height_pt / mm:.1f}mm"


def print_with_lp(pdf_path: str | Path, printer: str | None, *, copies: int = 1,
                  title: str | None = None, media: str | None = None,
                  timeout: float = LP_TIMEOUT) -> str:
    """Queue ``pdf_path`` on CUPS printer ``printer`` (None: the CUPS default); returns the job id.

    ``media`` is passed as ``-o media=...`` (see ``media_for``), so a receipt cut for an 80 mm
    roll is not put on A4.
    """
    path = Path(pdf_path)
    if not path.is_file():
        raise IntegrationError(M("file_print_not_found", "The file to print was not found: {path}.",
                                 path=path))
    lp = shutil.which("lp")
    if lp is None:
        raise IntegrationError(M("printing_computer_needs_cups",
                                 "Printing from this computer needs CUPS (the 'lp' command), "
                                 "which is not installed. Ask IT to install CUPS."))
    if copies < 1:
        raise IntegrationError(M("number_copies_must_least",
                                 "The number of copies must be at least 1."))
    args = [lp]
    if printer:
        args += ["-d", printer]
    args += ["-n", str(copies)]
    if title:
        args += ["-t", title]
    if media:
        args += ["-o", f"media={media}"]
    args += ["--", str(path)]
    label = M("the_printer", "The printer '{printer}'", printer=printer) if printer \
        else M("default_printer", "The default printer")
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise IntegrationError(M("did_not_take_job",
                                 "{label} did not take the job within {timeout} seconds. Check "
                                 "that the print service (CUPS) is running.",
                                 label=label, timeout=format(timeout, 'g')),
                               printer=printer) from None
    except OSError as exc:
        raise IntegrationError(M("print_command_could_not",
                                 "The print command could not be started ({error}).",
                                 error=exc.strerror or exc),
                               printer=printer) from None
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().removeprefix("lp:").strip()
        raise IntegrationError(M("could_not_take_receipt",
                                 "{label} could not take the receipt: {reason}. Check that it is "
                                 "installed, switched on and not paused.",
                                 label=label, reason=reason or M("unknown_error", "unknown error")),
                               printer=printer, returncode=done.returncode)
    match = re.search(r"request id is (\S+)", done.stdout)
    return match.group(1) if match else ""


__all__ = ["available", "cups_printers", "media_for", "print_with_lp"]
