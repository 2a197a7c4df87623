"""The front desk in Arabic (issue 15): the queue, the main window's chrome and F1 help, the
walk-in page, Record Vitals, Add Insurance and the cash drawer open in Arabic, right to left,
on the real test database, with amounts as app/ui/i18n.money writes them.

Each test switches the interface to Arabic before building its screen (tests/ui/conftest.py
puts English back afterwards); the English tests of the same screens stay as they are."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from app.domain.enums import CopayStatus
from app.ui import i18n
from app.ui.i18n import tr


def _arabic(english: str, expected: str) -> str:
    """The catalogue's Arabic for ``english``: the one expected, and not the English."""
    text = tr(english)
    assert text == expected and text != english
    return text


def test_queue_in_arabic_mirrors_and_shows_labels_and_amounts(ctx, sign_in, qtbot, idle):
    from app.ui.models.queue_model import Col
    from app.ui.queue_window import QueueWindow

    sign_in("reception")
    i18n.install("ar")
    window = QueueWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    idle(ctx)
    assert window.isRightToLeft() and window.today_view.isRightToLeft()
    assert window.check_in_button.text() == _arabic("Check In", "تسجيل الوصول")
    assert window.refresh_button.text() == _arabic("Refresh", "تحديث")
    assert window.tabs.tabText(1).startswith(_arabic("Live Queue", "قائمة الانتظار المباشرة"))
    model = window.model
    assert model.headerData(Col.PATIENT, Qt.Orientation.Horizontal) == "المريض"
    assert window.stage.itemText(0) == _arabic("To check in", "بانتظار تسجيل الوصول")
    assert "مجدول" in window.legend.labels()
    collected = [r for r in model.rows()
                 if r.copay_status is CopayStatus.COLLECTED and r.copay_amount is not None]
    assert collected, "the demo collects copays today"
    row = collected[0]
    text = model.text(row, Col.COPAY)
    assert text == f"{i18n.tr('Collected')} · {i18n.money(row.copay_amount)}" and "محصّل" in text
    assert i18n.money(row.copay_amount).endswith(" د.إ")
    # Times stay in Western digits; names stay as stored.
    assert model.text(row, Col.TIME) == f"{row.scheduled_start:%H:%M}"
    assert model.text(row, Col.PATIENT) == row.patient_name
    # The search still filters by what was typed (a Latin name) in an Arabic interface.
    window.search.setText(row.patient_name)
    window.tabs.setCurrentIndex(1)
    assert window.live_proxy.rowCount() >= 1


def test_main_window_chrome_and_keyboard_help_in_arabic(ctx, sign_in, qtbot, idle):
    from app.ui.main_window import MainWindow

    sign_in("reception")
    i18n.install("ar")
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    idle(ctx)
    assert main.isRightToLeft()
    labels = [main.nav.item(i).text() for i in range(main.nav.count())]
    assert _arabic("OPD Queue", "قائمة الانتظار") in labels
    assert _arabic("Cash drawer", "درج النقدية") in labels
    assert main.menuBar().actions()[0].text() == _arabic("&Help", "مساعدة")
    help_ = main.show_keyboard_help()
    assert help_.isRightToLeft()
    assert help_.windowTitle() == _arabic("Keyboard shortcuts", "اختصارات لوحة المفاتيح")
    listed = help_.listed()
    # Keys as printed on the keyboard; what they do and where, in Arabic.
    assert ("Ctrl+L", "قفل محطة العمل هذه", "في كل مكان") in listed
    assert ("Ctrl+1", "فتح صفحة قائمة الانتظار", "في كل مكان") in listed
    assert ("F3 أو Ctrl+Shift+V", "تسجيل العلامات الحيوية (قائمة الانتظار المباشرة)",
            "قائمة الانتظار") in listed
    indicator = main.shift_indicator
    assert indicator is not None
    qtbot.waitUntil(lambda: indicator.text() != "", timeout=10_000)
    assert indicator.text() == tr("Drawer open · {amount}").format(
        amount=i18n.money(Decimal("1000.00")))
    assert indicator.text() == "الدرج مفتوح · 1,000.00 د.إ"
    main.close()


def test_walk_in_registration_in_arabic(ctx, sign_in, qtbot, idle):
    from app.ui.walkin_dialog import WalkInPage

    sign_in("reception")
    i18n.install("ar")
    page = WalkInPage(ctx)
    qtbot.addWidget(page)
    page.show()
    idle(ctx)
    assert page.isRightToLeft()
    assert page.search_button.text() == _arabic("Search", "بحث")
    assert page.register_button.text() == _arabic("Register patient", "تسجيل المريض")
    page.by_name.setChecked(True)
    page.query.setText("Zzyzx Qwerty")
    page.search()
    idle(ctx)
    assert page.register_box.isVisible()
    assert page.find_message.text() == tr(
        "No patient found for “{query}”. Register the patient (the form is on the right)."
    ).format(query="Zzyzx Qwerty")
    assert page.find_message.text().startswith("لم يُعثر على مريض")
    assert page.first_name.text() == "Zzyzx"  # names as typed
    assert page.gender.itemText(1) == _arabic("Male", "ذكر")
    # A required field left empty is said in Arabic.
    page.first_name.clear()
    page.register()
    assert "املأ الحقول المعلّمة بـ *." in page.register_message.text()


def test_vitals_and_add_insurance_in_arabic(ctx, sign_in, qtbot, idle):
    from app.ui.insurance_dialog import AddInsuranceDialog
    from app.ui.vitals_dialog import VitalsDialog

    sign_in("nurse")
    rows = ctx.services.queue.day(ctx.actor)
    waiting = next(r for r in rows if r.status.value == "CHECKED_IN")
    i18n.install("ar")
    vitals = VitalsDialog(ctx, waiting)
    qtbot.addWidget(vitals)
    assert vitals.isRightToLeft()
    assert vitals.windowTitle() == _arabic("Record Vitals", "تسجيل العلامات الحيوية")
    assert vitals.save_button.text() == "حفظ"
    vitals.set_values(heart_rate="fast")
    vitals.save()
    assert vitals.field_errors["heart_rate"].text() == "يجب أن يكون معدل نبض القلب رقماً (نبضة/دقيقة)."
    vitals.close()

    sign_in("reception")
    insurance = AddInsuranceDialog(ctx, waiting.patient_id, waiting.patient_name, waiting.mrn)
    qtbot.addWidget(insurance)
    with qtbot.waitSignal(insurance.payers_loaded, timeout=10_000):
        pass
    assert insurance.isRightToLeft()
    assert insurance.save_button.text() == _arabic("&Add Insurance", "إضافة التأمين")
    assert insurance.payer.itemText(0) == _arabic("Choose the payer…", "اختر الجهة الدافعة…")


def test_cash_drawer_in_arabic(ctx, sign_in, qtbot, idle):
    from app.ui.shift_page import CloseShiftDialog, ShiftPage, difference_text

    sign_in("reception")
    i18n.install("ar")
    page = ShiftPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    idle(ctx)
    assert page.isRightToLeft()
    assert page.close_button.text() == _arabic("Close shift…", "إغلاق الوردية…")
    assert page.expected.text() == "النقد المتوقع في الدرج: " + i18n.money(Decimal("1000.00"))
    assert page.history.horizontalHeaderItem(1).text() == _arabic("Cashier", "أمين الصندوق")
    assert difference_text(Decimal("-3.00")) == "عجز بمقدار 3.00 د.إ"
    close = CloseShiftDialog(ctx, page.shift)
    qtbot.addWidget(close)
    assert "زيادة بمقدار" in close.difference.text() or "عجز بمقدار" in close.difference.text()


def test_small_widgets_in_arabic(qapp):
    from PySide6.QtWidgets import QPlainTextEdit

    from app.ui.widgets.busy import BusyIndicator
    from app.ui.widgets.char_limit import limit_plain_text
    from app.ui.widgets.date_of_birth import DateOfBirthEdit

    i18n.install("ar")
    dob = DateOfBirthEdit()
    assert dob.placeholderText() == "غير معروف — اكتب يوم/شهر/سنة"
    dob.setText("15/03/1990")
    assert dob.date_value().isoformat() == "1990-03-15"
    edit = QPlainTextEdit()
    counter = limit_plain_text(edit, 500)
    edit.setPlainText("abc")
    assert counter.text() == "3 / 500"
    busy = BusyIndicator()
    busy.start()
    assert busy.text() == "جارٍ التحميل…"
