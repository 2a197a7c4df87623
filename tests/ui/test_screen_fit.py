"""Windows open no larger than the screen: on a 1366×768 desk laptop the copay dialog used to
open 860 px tall, with Collect and Continue to Check-in below the bottom edge."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.copay_dialog import CopayDialog
from app.ui.widgets.screen_fit import FRAME_H, FRAME_W, fit_to_screen


def _area(widget: QWidget):
    return widget.screen().availableGeometry()


def test_a_window_larger_than_the_screen_is_shrunk_to_it(qtbot) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    area = _area(w)
    fit_to_screen(w, area.width() + 500, area.height() + 500)
    assert w.width() == area.width() - FRAME_W
    assert w.height() == area.height() - FRAME_H


def test_a_window_that_fits_keeps_its_size_and_never_goes_below_its_minimum(qtbot) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    fit_to_screen(w, 300, 200)
    assert (w.width(), w.height()) == (300, 200)
    w.setMinimumSize(400, 10_000)
    fit_to_screen(w, 300, 10_000)
    assert (w.width(), w.height()) == (400, 10_000)


def test_the_copay_dialog_and_its_buttons_fit_on_the_screen(ctx, sign_in, find_quote,
                                                            qtbot) -> None:
    sign_in("reception")
    row, _ = find_quote(lambda r, v: True)
    dialog = CopayDialog(ctx, row.appointment_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.quote_ready, timeout=10_000):
        dialog.show()
    area = _area(dialog)
    assert area.height() < 860  # the offscreen screen is smaller than the dialog's wish
    assert dialog.frameGeometry().height() <= area.height()
    button = dialog.collect_button
    bottom = button.mapTo(dialog, button.rect().bottomLeft()).y()
    assert button.isVisible() and 0 < bottom <= dialog.height()
