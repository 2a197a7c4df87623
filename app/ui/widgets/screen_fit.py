"""Opening sizes that fit the screen the window opens on.

A front-desk laptop is often 1366×768. A window asked to open taller than the screen (the
copay dialog's 860 px) opens with its bottom cut off, and on that dialog the bottom is where
Collect and Continue to Check-in are. `fit_to_screen` asks for the preferred size but never
more than the screen's available area, less room for the window manager's title bar and
frame; the window's own layout (scroll areas) takes up the difference.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for a title bar and frame the window manager adds outside the widget's own size.
FRAME_W, FRAME_H = 16, 48


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width×height, shrunk to fit the available screen area (never below
    the widget's minimum size, which a layout needs to stay usable)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, area.width() - FRAME_W)
        height = min(height, area.height() - FRAME_H)
    minimum = widget.minimumSize()
    widget.resize(max(width, minimum.width()), max(height, minimum.height()))
