"""Turn failures into messages: a DomainError is a sentence for the desk; anything else is one
report dialog with the details folded away."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.errors import DomainError, PermissionDenied, ValidationError
from app.ui.i18n import render, tr

log = logging.getLogger(__name__)


def message_for(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return render(exc.msg)
    return tr("Something went wrong that ClinicDesk did not expect. Nothing was saved from "
              "the last action. Details are below; please tell your administrator.")


def show_error(parent: QWidget | None, exc: BaseException, title: str = "ClinicDesk") -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(message_for(exc))
    if isinstance(exc, (ValidationError, PermissionDenied)):
        box.setIcon(QMessageBox.Icon.Information)
    elif isinstance(exc, DomainError):
        box.setIcon(QMessageBox.Icon.Warning)
    else:
        log.error("unexpected error: %s", getattr(exc, "__cd_traceback__", repr(exc)))
        box.setIcon(QMessageBox.Icon.Critical)
        box.setDetailedText(getattr(exc, "__cd_traceback__", repr(exc)))
    box.open()
