"""Issue 11, the queue: keyboard first (Ctrl+F from anywhere, Enter on one match checks in,
Down into the results, an F-key for every row action, Help → Keyboard generated from the
definitions), department tokens (GP-1) grouped by department with the Waiting column in
view, checked-in patients under "All statuses" on Today's Appointments, the Department
column uncut and a colour legend, and every time in the hospital's zone."""

from __future__ import annotations

import datetime as dt
import os
import time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.models.queue_model import STAGE_LABELS, TAB_STAGES, Col
from app.ui.queue_window import QueueWindow

SHOTS = "/tmp/f3"
QUEUE_SIZE = (1280 - 210, 740)  # the queue page inside a 1280x800 main window


def _window(ctx, qtbot, idle, size=QUEUE_SIZE) -> QueueWindow:
    window = QueueWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    idle(ctx)
    return window


def _shot(qtbot, widget, path: str) -> None:
    qtbot.wait(50)  # let posted layout requests run first: a label set last is still 6 px wide
    widget.grab().save(path)


def _back_to(qtbot, window) -> None:
    """A dialog closed: the window manager gives the focus back (offscreen, done by hand)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)


def _pending(window):
    return [r for r in window.model.rows()
            if r.status.value in ("SCHEDULED", "CONFIRMED") and r.copay_status.value == "PENDING"]


def _main(ctx, qtbot, idle):
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    idle(ctx)
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    return window


# ----------------------------------------------------------------------------- point 1
def test_ctrl_f_reaches_the_queue_search_after_switching_pages(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    main = _main(ctx, qtbot, idle)
    queue = main.open_page("queue")
    main.nav.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(main.nav, Qt.Key.Key_3, ctrl)  # Refunds, by its key
    idle(ctx)
    assert main.stack.currentWidget() is not queue
    qtbot.keyClick(main.nav, Qt.Key.Key_1, ctrl)  # back to the queue; the focus stays in nav
    assert main.stack.currentWidget() is queue
    assert QApplication.focusWidget() is not queue.search
    qtbot.keyClick(QApplication.focusWidget() or main.nav, Qt.Key.Key_F, ctrl)
    assert QApplication.focusWidget() is queue.search


class _WindowSpy(QObject):
    """Records every window (other than the main window) shown while it listens."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow()
                and obj.parentWidget() is None and type(obj).__name__ != "MainWindow"):
            self.shown.append(f"{type(obj).__name__} {getattr(obj, 'text', lambda: '')()}")
        return False


@pytest.mark.parametrize("user", ["reception", "admin", "accountant"])
def test_opening_a_page_opens_no_window_of_its_own(ctx, sign_in, qtbot, idle, user):
    """The cause of "Ctrl+F does nothing after switching pages": building the Refunds and
    Walk-in pages showed a button and a banner as windows of their own for a moment, which
    took the focus from the main window, so no shortcut reached it."""
    sign_in(user)
    main = _main(ctx, qtbot, idle)
    spy = _WindowSpy()
    QApplication.instance().installEventFilter(spy)
    try:
        for key in main.page_keys():
            main.open_page(key)
            qtbot.wait(20)
            assert main.isActiveWindow(), key
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.shown == []


def test_enter_in_the_search_with_one_match_opens_check_in(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    target = _pending(window)[0]
    window.search.setFocus()
    qtbot.keyClicks(window.search, target.mrn)
    assert window.today_proxy.rowCount() == 1
    with qtbot.waitSignal(window.check_in_requested, timeout=2_000) as asked:
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert asked.args == [target.appointment_id]
    assert window.dialog is not None
    idle(ctx)  # the quote has loaded: nothing left running when the dialog closes
    _shot(qtbot, window.dialog, f"{SHOTS}/p1_enter_opens_check_in.png")
    window.dialog.close()
    idle(ctx)


def test_down_from_the_search_moves_into_the_results(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.today_view
    assert window.today_view.currentIndex().row() == 0
    qtbot.keyClick(window.today_view, Qt.Key.Key_Down)
    assert window.today_view.currentIndex().row() == 1


def test_every_row_action_has_an_f_key(ctx, sign_in, qtbot, idle):
    from app.ui.shortcuts import QUEUE_ACTIONS

    keys = {a.name: a.keys[0] for a in QUEUE_ACTIONS}
    assert {"check_in", "vitals", "start", "complete", "payments", "insurance"} <= set(keys)
    assert all(k.startswith("F") for k in keys.values())
    sign_in("admin")
    window = _window(ctx, qtbot, idle)
    window.today_view.setFocus()
    with qtbot.waitSignal(window.check_in_requested, timeout=2_000):
        qtbot.keyClick(window.today_view, getattr(Qt.Key, f"Key_{keys['check_in']}"))
    idle(ctx)
    window.dialog.close()
    _back_to(qtbot, window)
    self_pay = next((r for r in _pending(window) if r.primary_insurer is None), None)
    if self_pay is not None:  # F8: add insurance for a self-pay patient
        from app.ui.insurance_dialog import AddInsuranceDialog

        window.select_appointment(self_pay.appointment_id)
        qtbot.keyClick(window.today_view, getattr(Qt.Key, f"Key_{keys['insurance']}"))
        assert isinstance(window.dialog, AddInsuranceDialog)
        idle(ctx)
        window.dialog.close()
        _back_to(qtbot, window)
    opened = []
    window.payments_opened.connect(opened.append)
    qtbot.keyClick(window.today_view, getattr(Qt.Key, f"Key_{keys['payments']}"))
    assert opened
    opened[0].close()
    _back_to(qtbot, window)
    window.tabs.setCurrentIndex(1)
    awaiting = next(r for r in window.model.rows()
                    if r.status.value == "CHECKED_IN" and r.vitals_recorded_at is None)
    window.select_appointment(awaiting.appointment_id)
    window.live_view.setFocus()
    qtbot.keyClick(window.live_view, getattr(Qt.Key, f"Key_{keys['vitals']}"))
    from app.ui.vitals_dialog import VitalsDialog

    assert isinstance(window.dialog, VitalsDialog)
    window.dialog.close()
    _back_to(qtbot, window)
    with qtbot.waitSignal(window.action_finished, timeout=10_000) as done:
        qtbot.keyClick(window.live_view, getattr(Qt.Key, f"Key_{keys['start']}"))
    assert done.args == ["start", awaiting.appointment_id]


def test_help_keyboard_lists_every_shortcut_from_the_definitions(ctx, sign_in, qtbot, idle):
    from app.ui.pages import all_pages
    from app.ui.shortcuts import QUEUE_ACTIONS, all_shortcuts

    sign_in("admin")
    main = _main(ctx, qtbot, idle)
    qtbot.keyClick(main.nav, Qt.Key.Key_F1)
    help_window = main.keyboard_help
    assert help_window is not None and help_window.isVisible()
    listed = help_window.listed()
    expected = all_shortcuts(all_pages())
    assert listed == [(s.keys_text, s.action, s.where) for s in expected]
    texts = {keys for keys, _a, _w in listed}
    for spec in all_pages():
        assert any(spec.shortcut in k for k in texts), spec.title
    for action in QUEUE_ACTIONS:
        assert any(action.keys[0] in k for k in texts), action.name
    assert any("Ctrl+L" in k for k in texts) and any("F1" in k for k in texts)
    # the menu names it too
    titles = [a.text() for a in main.menuBar().actions()]
    assert any("Help" in t for t in titles)
    _shot(qtbot, help_window, f"{SHOTS}/p1_keyboard_help.png")


# ----------------------------------------------------------------------------- point 2
def test_live_tokens_carry_the_department_code_and_group_by_department(
        ctx, sign_in, qtbot, idle):
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    window.tabs.setCurrentIndex(1)
    proxy = window.live_proxy
    assert proxy.rowCount() > 3
    codes = []
    for i in range(proxy.rowCount()):
        row = proxy.row_at(i)
        token = proxy.index(i, Col.TOKEN).data()
        assert token == f"{row.department_code}-{row.token_number}"
        codes.append(row.department_code)
    # grouped: each department's tokens are one block, in token order
    blocks = [c for i, c in enumerate(codes) if i == 0 or codes[i - 1] != c]
    assert len(blocks) == len(set(codes))
    view = window.live_view
    header = view.horizontalHeader()
    assert not header.isSectionHidden(Col.WAITING)
    right = header.sectionViewportPosition(Col.WAITING) + header.sectionSize(Col.WAITING)
    _shot(qtbot, window, f"{SHOTS}/p2_live_queue.png")
    assert right <= view.viewport().width()


# ----------------------------------------------------------------------------- point 3
def test_checked_in_patient_stays_on_today_under_all_statuses(ctx, sign_in, qtbot, idle):
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    target = _pending(window)[0]
    ctx.services.copay.defer(ctx.actor, target.appointment_id)
    ctx.services.queue.check_in(ctx.actor, target.appointment_id)
    from app.services.changes import Changes

    with qtbot.waitSignal(window.rows_updated, timeout=5_000):
        ctx.bus.publish(Changes.of(appointments={target.appointment_id}))
    proxy = window.today_proxy
    assert proxy.proxy_row_of(target.appointment_id) is None  # default: still to check in
    window.stage.setCurrentIndex(window.stage.findText("All statuses"))
    assert proxy.proxy_row_of(target.appointment_id) is not None
    assert window.tabs.tabText(0) == f"Today's Appointments ({proxy.rowCount()})"
    assert window.select_appointment(target.appointment_id)
    _shot(qtbot, window, f"{SHOTS}/p3_today_all_statuses.png")


# ----------------------------------------------------------------------------- point 4
@pytest.fixture
def desktop_font(qapp):
    """A desktop's 11 pt font (the trial ran under Xvfb with one): fixed column widths made
    for the 9 pt offscreen font cut "General Practice" there."""
    font = qapp.font()
    bigger = qapp.font()
    bigger.setPointSize(11)
    qapp.setFont(bigger)
    yield
    qapp.setFont(font)


def test_department_is_not_cut_and_a_legend_explains_the_colours(ctx, sign_in, qtbot, idle,
                                                                 desktop_font):
    sign_in("reception")
    window = _window(ctx, qtbot, idle)
    for view in (window.today_view, window.live_view):
        window.tabs.setCurrentWidget(view)
        fm = view.fontMetrics()
        model = view.model()
        for col in (Col.DEPARTMENT, Col.DOCTOR, Col.STATUS):
            widest = max(fm.horizontalAdvance(str(model.index(i, col).data()))
                         for i in range(model.rowCount()))
            assert view.columnWidth(col) >= widest + 6, (col, widest)
    shown = window.legend.labels()
    for stage in {*TAB_STAGES["today"], *TAB_STAGES["live"]}:
        assert any(STAGE_LABELS[stage] in text for text in shown), stage
    assert window.legend.isVisible()
    window.tabs.setCurrentIndex(0)
    _shot(qtbot, window, f"{SHOTS}/p4_today.png")


# ----------------------------------------------------------------------------- point 5
@pytest.fixture
def new_york():
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_queue_times_are_the_hospitals_not_the_workstations(ctx, sign_in, qtbot, idle, new_york):
    sign_in("reception")
    zone = ZoneInfo(ctx.signed_in.hospital_timezone)
    assert dt.datetime.now().hour != dt.datetime.now(zone).hour  # the zones differ
    before = dt.datetime.now(zone)
    window = _window(ctx, qtbot, idle)
    after = dt.datetime.now(zone)
    shown = window.updated_label.text()
    allowed = {f"Updated {t:%H:%M:%S}" for t in
               (before + dt.timedelta(seconds=s)
                for s in range(int((after - before).total_seconds()) + 2))}
    assert shown in allowed, shown
    assert window.day_label.text() == f"{before:%A %d %B %Y}"
    _shot(qtbot, window, f"{SHOTS}/p5_clock.png")
