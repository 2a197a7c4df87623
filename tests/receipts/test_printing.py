"""Printing: a receipt through CUPS to the cups-pdf printer, found again as a file; printer errors.

The tests marked ``printing`` need CUPS with a cups-pdf queue (``.ci/setup-printing.sh`` makes
one named PDF) and skip without it. The others run anywhere.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from app.domain.errors import IntegrationError, ValidationError
from app.receipts import cups
from app.receipts.cups import print_with_lp
from app.receipts.pdf import render_pdf
from tests.receipts.conftest import make_receipt, make_refund, media_boxes, pdftotext


def cups_pdf_printer() -> str | None:
    """Name of a CUPS queue using the cups-pdf backend, if the scheduler is up."""
    if shutil.which("lpstat") is None:
        return None
    try:
        done = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in done.stdout.splitlines():  # "device for PDF: cups-pdf:/"
        match = re.match(r"device for (\S+): cups-pdf:", line)
        if match:
            return match.group(1)
    return None


def output_dirs() -> list[Path]:
    """Where cups-pdf writes: its conf's ``Out`` (${HOME} = our passwd home), else defaults."""
    home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    user = pwd.getpwuid(os.getuid()).pw_name
    dirs = [home / "PDF", Path("/var/spool/cups-pdf") / user, Path("/var/spool/cups-pdf/ANONYMOUS")]
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.is_file():
        for line in conf.read_text(errors="replace").splitlines():
            if line.startswith("Out "):
                out = line[4:].strip().replace("${HOME}", str(home)).replace("${USER}", user)
                dirs.insert(0, Path(out))
    return dirs


def unique_title() -> str:
    """A job title no other test run uses: cups-pdf starts the file name with it."""
    return f"cdtest{uuid.uuid4().hex[:12]}"


def wait_for_pdf(title: str, timeout: float = 60.0) -> Path:
    """The complete PDF cups-pdf wrote for the job titled ``title``."""
    deadline = time.monotonic() + timeout
    sizes: dict[Path, int] = {}
    while time.monotonic() < deadline:
        for folder in output_dirs():
            if not folder.is_dir():
                continue
            for path in folder.glob(f"{title}*.pdf"):
                size = path.stat().st_size
                if size > 0 and sizes.get(path) == size:  # unchanged since the last look
                    return path
                sizes[path] = size
        time.sleep(0.5)
    raise AssertionError(f"no PDF named {title}* appeared in {output_dirs()}")


PRINTER = cups_pdf_printer()
needs_cups_pdf = pytest.mark.skipif(
    PRINTER is None or shutil.which("pdftotext") is None,
    reason="needs CUPS with a cups-pdf printer and poppler-utils (.ci/setup-printing.sh)")


@pytest.fixture
def isolated_settings(monkeypatch, tmp_path, qapp):
    """QSettings in a temporary file, so tests never touch the desk's real settings."""
    from PySide6.QtCore import QSettings

    from app.ui import printing

    path = str(tmp_path / "clinicdesk.ini")
    monkeypatch.setattr(printing, "_settings", lambda: QSettings(path, QSettings.Format.IniFormat))
    return path


# ------------------------------------------------------------------ with CUPS + cups-pdf
@pytest.mark.printing
@needs_cups_pdf
def test_print_with_lp_produces_the_receipt(tmp_path):
    title = unique_title()
    pdf_path = tmp_path / "receipt.pdf"
    pdf_path.write_bytes(render_pdf(make_receipt(receipt_number=f"RCP-{title}"), "THERMAL_80MM"))
    (width, height), = media_boxes(pdf_path.read_bytes())
    media = cups.media_for(width, height)
    assert media is not None and media.startswith("Custom.80.0x")
    job = print_with_lp(pdf_path, PRINTER, title=title, media=media)
    assert job.startswith(f"{PRINTER}-")
    produced = wait_for_pdf(title)
    data = produced.read_bytes()
    produced.unlink()
    text = pdftotext(data, tmp_path)
    assert f"RCP-{title}" in text and "AED 30.00" in text and "MRN-000481" in text
    (out_width, _), = media_boxes(data)[:1]
    assert abs(out_width - width) < 2, "the 80 mm receipt was put on other paper"


@pytest.mark.printing
@needs_cups_pdf
def test_print_pdf_through_qt_remembers_the_printer(tmp_path, isolated_settings):
    from app.ui.printing import last_printer, print_pdf, qt_pdf_available

    title = unique_title()
    refund = make_refund(receipt_number=f"RFD-{title}")
    assert last_printer() is None
    used = print_pdf(render_pdf(refund, "A4"), PRINTER, show_dialog=False, title=title)
    assert used == PRINTER
    assert last_printer() == PRINTER
    produced = wait_for_pdf(title)
    if not qt_pdf_available():  # the PDF itself went to CUPS: its text is there
        text = pdftotext(produced.read_bytes(), tmp_path)
        produced.unlink()
        assert "REFUND RECEIPT" in text and f"RFD-{title}" in text and "AED 30.00" in text
        return
    # QtPdf drew the pages as images: the page must be mostly white paper with some ink
    subprocess.run(["pdftoppm", "-gray", "-r", "20", str(produced), str(tmp_path / "page")],
                   check=True, timeout=60)
    produced.unlink()
    (pgm,) = tmp_path.glob("page*.pgm")
    pixels = pgm.read_bytes().split(b"\n", 3)[3]
    mean = sum(pixels) / len(pixels)
    assert 200 < mean < 254, f"page brightness {mean:.0f}: blank or black background"


# ------------------------------------------------------------------ anywhere
def test_unknown_printer_is_a_clear_error(copay, isolated_settings):
    from app.ui.printing import last_printer, print_pdf

    with pytest.raises(IntegrationError) as caught:
        print_pdf(render_pdf(copay, "A4"), "No-Such-Printer-42", show_dialog=False)
    message = caught.value.message
    assert "Traceback" not in message
    if cups.available() or PRINTER:
        assert "No-Such-Printer-42" in message
    assert last_printer() is None  # a failed print is not remembered


def test_lp_to_unknown_printer_is_a_clear_error(tmp_path, copay):
    if not cups.available():
        pytest.skip("CUPS client (lp) not installed")
    path = tmp_path / "r.pdf"
    path.write_bytes(render_pdf(copay, "A4"))
    with pytest.raises(IntegrationError, match="The printer 'No-Such-Printer-42' could not take"):
        print_with_lp(path, "No-Such-Printer-42")


def test_missing_file_and_empty_pdf_are_refused(tmp_path, isolated_settings):
    from app.ui.printing import print_pdf

    with pytest.raises(IntegrationError, match="not found"):
        print_with_lp(tmp_path / "missing.pdf", "PDF")
    with pytest.raises(ValidationError):
        print_pdf(b"", None, show_dialog=False)


def test_media_for_page_sizes():
    assert cups.media_for(595.2756, 841.8898) is None
    assert cups.media_for(226.77, 641.9) == "Custom.80.0x226.4mm"


def test_last_printer_round_trip(isolated_settings):
    from app.ui.printing import LAST_PRINTER_KEY, last_printer, remember_printer

    assert LAST_PRINTER_KEY == "printing/last_printer"
    assert last_printer() is None
    remember_printer("Front Desk Thermal")
    assert last_printer() == "Front Desk Thermal"
    assert "last_printer=Front Desk Thermal" in Path(isolated_settings).read_text()


def test_cancelled_dialog_prints_nothing(monkeypatch, copay, isolated_settings):
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    from app.ui.printing import last_printer, print_pdf

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert print_pdf(render_pdf(copay, "A4"), None, show_dialog=True) is None
    assert last_printer() is None


def test_print_to_file_from_the_dialog(monkeypatch, tmp_path, copay, isolated_settings):
    """"Print to file" writes the receipt's own PDF bytes: no Qt PDF module, no printer and
    no CUPS needed (issue 11: it failed with "needs Qt's PDF module")."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    from app.ui import printing
    from app.ui.printing import last_printer, print_pdf

    target = tmp_path / "printed.pdf"

    def accept_to_file(self):
        self.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept_to_file)
    # The worst case: no QtPdf, no printer, no CUPS.
    monkeypatch.setattr(printing, "QPdfDocument", None)
    monkeypatch.setattr(printing, "installed_printers", lambda: [])
    monkeypatch.setattr(printing.cups, "available", lambda: False)
    pdf = render_pdf(copay, "THERMAL_80MM")
    assert print_pdf(pdf, None) == str(target)
    assert last_printer() is None
    assert target.read_bytes() == pdf
    ((width, height),) = media_boxes(target.read_bytes())
    ((src_width, src_height),) = media_boxes(pdf)
    assert abs(width - src_width) < 2 and abs(height - src_height) < 2
