"""Print a receipt PDF on a local printer through Qt, remembering the desk's last printer.

    print_pdf(pdf_bytes, printer_name=None, parent=self)   # shows the print dialog

"Print to file" in the dialog writes the receipt's own PDF bytes to the chosen file: the PDF
already exists (reportlab made it), so saving it needs no Qt PDF module, no printer and no
CUPS, and the file is byte for byte the receipt (issue 11).

What printing on paper needs (README, "Printing"):
- Linux/macOS: CUPS with the printer added (``lp`` takes the PDF as it is); or
- any platform: Qt's PDF module (``PySide6-Addons``), which draws the pages for any Qt
  printer. ClinicDesk depends on ``pyside6-essentials`` only, which has none: Windows desks
  (no CUPS) install ``PySide6-Addons`` of the same version to print on paper.
Without either, Print says so in one sentence and Save PDF… / Email still work.

How the pages reach the printer:
1. Qt's PDF module (``PySide6.QtPdf``, from the PySide6-Pdf/PySide6-Addons wheels) renders
   each page into an image at the printer's resolution (capped at 300 dpi) and QPainter
   draws it on the QPrinter: works with every printer Qt knows, on Windows too.
2. Without QtPdf (PySide6-Essentials alone ships none) the PDF itself goes to CUPS with
   ``lp`` (Linux, macOS), which takes PDF natively; see ``app.receipts.cups``.
3. Neither: ``IntegrationError`` saying what to install.

The chosen printer is stored in QSettings("ClinicDesk", "ClinicDesk") under
``printing/last_printer`` and preselected next time. Every failure the desk can meet (printer
gone, printer refusing the job, nothing installed) is an ``IntegrationError`` with a clear
sentence (a message code, app/domain/messages.py, shown in the desk's language). Runs on the
GUI thread (the dialog); rendering a receipt takes milliseconds.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QRectF, QSettings, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.errors import IntegrationError, ValidationError
from app.domain.messages import messages
from app.receipts import cups
from app.receipts.cups import print_with_lp
from app.ui.i18n import tr

M = messages(__name__)

SETTINGS_ORG = "ClinicDesk"
SETTINGS_APP = "ClinicDesk"
LAST_PRINTER_KEY = "printing/last_printer"
MAX_DPI = 300

try:  # pragma: no cover - depends on the installed wheels
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # PySide6-Essentials has no QtPdf
    QPdfDocument = None  # type: ignore[assignment,misc]


def qt_pdf_available() -> bool:
    """True when Qt can render PDF pages itself (QtPdf is installed)."""
    return QPdfDocument is not None


# ------------------------------------------------------------------------- settings
def _settings() -> QSettings:
    return QSettings(SETTINGS_ORG, SETTINGS_APP)


def last_printer() -> str | None:
    """The printer this desk printed on last, if any."""
    value = _settings().value(LAST_PRINTER_KEY)
    return str(value) if value else None


def remember_printer(name: str) -> None:
    if name:
        settings = _settings()
        settings.setValue(LAST_PRINTER_KEY, name)
        settings.sync()


def installed_printers() -> list[str]:
    """Printers Qt can see (on Linux through CUPS), default first."""
    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names


# ------------------------------------------------------------------------- helpers
_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def _first_page_points(pdf: bytes) -> QSizeF | None:
    """Size of the first page in points, read from its MediaBox (our PDFs are reportlab's)."""
    match = _MEDIABOX.search(pdf)
    if not match:
        return None
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    return QSizeF(abs(x1 - x0), abs(y1 - y0))


def _page_size(points: QSizeF) -> QPageSize:
    """A4 stays A4 (so the driver picks its A4 tray); anything else is a custom size."""
    return QPageSize(points, QPageSize.Unit.Point, "Receipt", QPageSize.SizeMatchPolicy.FuzzyMatch)


@contextmanager
def _temp_pdf(pdf: bytes) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix="clinicdesk-receipt-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def _on_white(image: QImage) -> QImage:
    """QtPdf renders on a transparent background; paper is white (dropping alpha gives black)."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.setDotsPerMeterX(image.dotsPerMeterX())
    page.setDotsPerMeterY(image.dotsPerMeterY())
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


def _paint_with_qtpdf(pdf_path: Path, printer: QPrinter) -> None:
    assert QPdfDocument is not None
    document = QPdfDocument()
    error = document.load(str(pdf_path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise IntegrationError(M("pdf_unreadable", "The receipt PDF could not be read for "
                                 "printing; render it again."), error=str(error))
    dpi = max(72, min(printer.resolution(), MAX_DPI))
    painter = QPainter()
    if not painter.begin(printer):
        raise _printer_failed(printer)
    try:
        for index in range(document.pageCount()):
            points = document.pagePointSize(index)
            if index > 0:
                printer.setPageSize(_page_size(points))
                if not printer.newPage():
                    raise _printer_failed(printer)
            image = document.render(index, (points * dpi / 72).toSize())
            if image.isNull():
                raise IntegrationError(M("page_not_drawn", "A page of the receipt could not be "
                                         "drawn for printing."))
            image = _on_white(image)
            target = QRectF(painter.viewport())
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(target.x(), target.y(), width, height), image)
    finally:
        ended = painter.end()
        document.close()
    if not ended or printer.printerState() == QPrinter.PrinterState.Error:
        raise _printer_failed(printer)


def _write_file(pdf: bytes, name: str) -> str:
    """Write the receipt PDF where "Print to file" asked; a folder that cannot be written is
    an IntegrationError with a sentence, like a printer that cannot print."""
    if not name:
        raise ValidationError(M("no_file_name", "Choose a file name to print the receipt to."))
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise IntegrationError(M("not_written", "The receipt could not be written to {path}: "
                                 "{error}. Choose another folder.", path=str(path),
                                 error=str(exc.strerror or exc)), path=str(path)) from None
    return str(path)


def _printer_failed(printer: QPrinter) -> IntegrationError:
    name = printer.printerName()
    if not name:
        return IntegrationError(M("printer_failed_unnamed", "The printer could not print the "
                                  "receipt. Check that it is switched on, connected and has "
                                  "paper, then try again."), printer="")
    return IntegrationError(M("printer_failed", "The printer '{name}' could not print the "
                              "receipt. Check that it is switched on, connected and has paper, "
                              "then try again.", name=name), printer=name)


# ------------------------------------------------------------------------- public
def print_pdf(pdf_bytes: bytes, printer_name: str | None, parent: QWidget | None = None,
              show_dialog: bool = True, *, title: str = "Receipt") -> str | None:
    """Print ``pdf_bytes``; returns the printer used (or the file printed to), None when the
    person cancelled the dialog.

    ``printer_name`` None means the last printer used at this desk, else the system default.
    With ``show_dialog`` the print dialog opens with that printer preselected.
    """
    if not pdf_bytes or not pdf_bytes.startswith(b"%PDF"):
        raise ValidationError(M("nothing_to_print", "There is no receipt to print; render it "
                                "again."))
    installed = installed_printers()
    wanted = printer_name or last_printer()
    if not show_dialog and printer_name and printer_name not in installed and qt_pdf_available():
        raise IntegrationError(M("printer_not_installed", "The printer '{name}' is not installed "
                                 "on this computer. Choose another printer.",
                                 name=printer_name), printer=printer_name)
    if not show_dialog and not installed and not cups.available():
        raise IntegrationError(M("no_printer", "No printer is installed on this computer. Ask "
                                 "IT to add one."))

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if wanted and wanted in installed:
        printer.setPrinterName(wanted)
    printer.setDocName(title)
    printer.setFullPage(True)
    points = _first_page_points(pdf_bytes)
    if points is not None:
        printer.setPageSize(_page_size(points))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)

    if show_dialog:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr("Print {title}").format(title=title))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None

    # A printer Qt does not list (no CUPS plugin, say) goes to CUPS by name: lp says if it exists.
    listed = show_dialog or not wanted or wanted in installed
    chosen = printer.printerName() if listed else wanted
    native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    if native and not chosen and qt_pdf_available():
        raise IntegrationError(M("no_default_printer", "No default printer is set on this "
                                 "computer. Choose a printer in the print dialog, or ask IT to "
                                 "set a default printer."))
    if not native:  # "Print to file": the receipt PDF itself, whatever is installed
        return _write_file(pdf_bytes, printer.outputFileName())
    with _temp_pdf(pdf_bytes) as path:
        if qt_pdf_available():
            _paint_with_qtpdf(path, printer)
        elif cups.available():
            media = cups.media_for(points.width(), points.height()) if points else None
            print_with_lp(path, chosen or None, copies=max(1, printer.copyCount()), title=title,
                          media=media)
        else:
            raise IntegrationError(M("cannot_print_pdf", "This computer cannot print PDF "
                                     "receipts yet: install Qt's PDF module (the PySide6-Pdf "
                                     "package) or CUPS. Ask IT for help."))
    if chosen:
        remember_printer(chosen)
    return chosen or tr("default printer")


__all__ = ["installed_printers", "last_printer", "print_pdf", "print_with_lp",
           "qt_pdf_available", "remember_printer"]
