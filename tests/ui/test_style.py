"""The application's look: the item under the keyboard or mouse in every drop-down is readable
(it used to be white on white), and a dark desktop palette cannot make field text white."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QComboBox

from app.ui.app import make_qapp


@pytest.fixture
def styled_app(qapp):
    saved = (qapp.styleSheet(), QPalette(qapp.palette()), qapp.style().name())
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Text, "#ffffff"),
                         (QPalette.ColorRole.WindowText, "#ffffff"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff")):
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)  # the desktop's dark theme, before the app applies its own look
    app = make_qapp()
    yield app
    app.setStyleSheet(saved[0])
    app.setPalette(saved[1])
    app.setStyle(saved[2])


def _ink_pixels(image, rect) -> int:
    """Pixels clearly darker than the row's background: the item's text."""
    return sum(1 for x in range(rect.left(), rect.right(), 2)
               for y in range(rect.top(), rect.bottom(), 2)
               if QColor(image.pixel(x, y)).lightness() < 110)


def test_highlighted_combo_item_is_readable(styled_app: QApplication, qtbot, tmp_path) -> None:
    combo = QComboBox()
    combo.addItems(["Male", "Female", "Unknown"])
    qtbot.addWidget(combo)
    combo.show()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the keyboard moves the highlight, as a user does
    qtbot.wait(50)
    assert view.currentIndex().row() == 1
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "combo-popup.png"))
    highlighted = view.visualRect(view.model().index(1, 0))
    plain = view.visualRect(view.model().index(2, 0))
    centre = QColor(image.pixel(highlighted.left() + 2, highlighted.center().y()))
    assert centre.lightness() < 245, f"the highlighted row is white: {centre.name()}"
    assert _ink_pixels(image, highlighted) > 10, "no text on the highlighted row"
    assert _ink_pixels(image, plain) > 10, "no text on a plain row"
    combo.hidePopup()


def test_fields_keep_dark_text_under_a_dark_desktop_theme(styled_app: QApplication) -> None:
    palette = styled_app.palette()
    assert palette.color(QPalette.ColorRole.Text).lightness() < 80
    assert palette.color(QPalette.ColorRole.Base).lightness() > 240
    assert palette.color(QPalette.ColorRole.HighlightedText).lightness() < 80
