"""The booking page (seed 004 §13, for the desk): find the patient, then book a slot in one of
three modes, and move or cancel the patient's upcoming bookings.

- **Standard**: department -> doctor -> date -> the doctor's free slots of that day.
- **Quick Book**: a department's doctors side by side with the day's free slots (today by
  default); pick a cell.
- **Emergency**: the emergency department, today's free slots at once.

Every time shown is the hospital's (Asia/Dubai), whatever this computer's clock says; today's
slots within 15 minutes of now are not offered (app/domain/slots.py). The slot lists reload
when another desk books (the change bus carries its NOTIFY), so a slot taken elsewhere
disappears; if two desks press Book on one slot at the same moment, the second is told the
slot was just taken and the list reloads.

Keyboard: type the patient's name, MRN or Emirates ID and press Enter; Ctrl+1/2/3 would clash
with the navigation, so the modes are Alt+S/Alt+Q/Alt+E (their tab mnemonics; the fields have
Alt letters of their own, Alt+M moves and Alt+L cancels the chosen booking); arrows move
through slots; Enter (or a double-click) in a slot list or grid books; Ctrl+Return books too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import VisitType
from app.domain.errors import SlotTaken
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, money, number, render, tr
from app.ui.widgets.banner import Banner

SLOT_ROLE = Qt.ItemDataRole.UserRole + 1  # (doctor_id, start)
_VISITS = ((VisitType.CONSULTATION, N_("Consultation (new)")),
           (VisitType.FOLLOW_UP, N_("Follow-up")), (VisitType.EMERGENCY, N_("Emergency")))
_STATUSES = {"SCHEDULED": N_("scheduled"), "CONFIRMED": N_("confirmed"),
             "CHECKED_IN": N_("checked in"), "IN_CONSULTATION": N_("in consultation"),
             "COMPLETED": N_("completed"), "CANCELLED": N_("cancelled"), "NO_SHOW": N_("no-show")}
_REFUND_METHODS = {"CASH": N_("cash"), "CREDIT_CARD": N_("credit card"),
                   "BANK_TRANSFER": N_("bank transfer"), "DEPOSIT_CREDIT": N_("deposit credit")}


def _day(value: dt.date, *, year: bool = False) -> str:
    """"Sun 06 Dec" (with the year: "Sun 06 Dec 2026"); in Arabic the day's name and the date
    in numbers (no English month name)."""
    if i18n.is_rtl():
        return "{} {}".format(i18n.weekday_name(value),
                              i18n.digits(value.strftime("%d/%m/%Y" if year else "%d/%m")))
    return value.strftime("%a %d %b %Y" if year else "%a %d %b")


def _day_time(value: dt.datetime) -> str:
    """"Sun 06 Dec 09:30"."""
    return f"{_day(value)} {i18n.time_text(value)}" if i18n.is_rtl() \
        else value.strftime("%a %d %b %H:%M")


def _weekday(value: dt.date) -> str:
    return i18n.weekday_name(value) if i18n.is_rtl() else f"{value:%A}"


def _date_format(edit: QDateEdit) -> None:
    """A day picker: "Sun 06 Dec 2026"; in Arabic day/month/year in numbers, left to right
    (Qt's own day and month names are English here, and a right-to-left date edit lays its
    sections out backwards). The direction is set before the format, which reads it."""
    if i18n.is_rtl():
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setDisplayFormat("dd/MM/yyyy")
    else:
        edit.setDisplayFormat("ddd dd MMM yyyy")
STANDARD, QUICK, EMERGENCY = 0, 1, 2
# Slots as buttons-like tiles; the selected one in the desk's blue (contrast above 4.5:1).
SLOT_CSS = ("QListWidget::item { border: 1px solid #8c959f; border-radius: 4px; "
            "margin: 2px; padding: 4px; background: #f6f8fa; color: #1f2328; }"
            "QListWidget::item:selected { background: #0969da; color: #ffffff; "
            "border-color: #0a3069; }")
GRID_CSS = ("QTableWidget::item { border-bottom: 1px solid #d0d7de; }"
            "QTableWidget::item:selected { background: #0969da; color: #ffffff; }")


class SlotGridTable(QTableWidget):
    """Doctors as columns, their free slots down each column; Enter activates the cell."""

    activated_slot = Signal()

    def __init__(self) -> None:
        super().__init__(0, 0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(30)
        self.setStyleSheet(GRID_CSS)
        self.cellDoubleClicked.connect(lambda *_: self.activated_slot.emit())

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_slot.emit()
            return
        super().keyPressEvent(event)

    def show_grid(self, grid: Any) -> None:
        self.clear()
        cols = grid.columns
        self.setColumnCount(len(cols))
        self.setHorizontalHeaderLabels([
            c.doctor_name if c.works else tr("{doctor}\n(not working)").format(
                doctor=c.doctor_name) for c in cols])
        self.setRowCount(max((len(c.slots) for c in cols), default=0))
        for j, col in enumerate(cols):
            for i, slot in enumerate(col.slots):
                item = QTableWidgetItem(i18n.digits(slot.label))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(SLOT_ROLE, (col.doctor_id, slot.start))
                item.setToolTip(tr("{doctor}, {day} {time}").format(
                    doctor=col.doctor_name, day=_day(slot.start),
                    time=i18n.digits(slot.label)))
                self.setItem(i, j, item)
        if self.rowCount() and self.columnCount():
            first = next(((i, j) for j in range(self.columnCount())
                          for i in range(self.rowCount()) if self.item(i, j)), None)
            if first:
                self.setCurrentCell(*first)

    def chosen(self) -> tuple[int, dt.datetime] | None:
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(SLOT_ROLE)

    def free_count(self) -> int:
        return sum(1 for i in range(self.rowCount()) for j in range(self.columnCount())
                   if self.item(i, j))


class SlotList(QListWidget):
    """One doctor's slots, laid out as a wrapping grid of times; Enter activates."""

    activated_slot = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)  # mirrored: right to left in Arabic
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSpacing(4)
        self.setUniformItemSizes(True)
        self.setGridSize(QSize(78, 40))
        self.setStyleSheet(SLOT_CSS)
        self.itemDoubleClicked.connect(lambda *_: self.activated_slot.emit())

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_slot.emit()
            return
        super().keyPressEvent(event)

    def chosen(self) -> tuple[int, dt.datetime] | None:
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(SLOT_ROLE)


class BookingPage(QWidget):
    slots_loaded = Signal(int)
    """slots_loaded(mode) — the slots of a mode were (re)loaded."""
    booked = Signal(object)
    """booked(BookResult) — a booking was made or moved here."""
    cancelled = Signal(object)
    """cancelled(CancelResult)"""
    patients_found = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient: Any | None = None
        self._rows: list[Any] = []  # the last patient search's results
        self.directory: list[Any] = []
        self.upcoming_rows: list[Any] = []
        self.last_result: Any | None = None
        self._build_ui()
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._load_directory()

    # ----------------------------------------------------------------------------- UI
    def _build_ui(self) -> None:
        title = QLabel("<h2>{}</h2>".format(tr("Booking")))
        intro = QLabel(tr("Find the patient, choose a slot and book. Times are the hospital's "
                          "(Asia/Dubai); today's slots within 15 minutes are not offered."),
                       objectName="Placeholder", wordWrap=True)

        # -- patient
        self.query = QLineEdit(placeholderText=tr("Name, MRN or Emirates ID, then Enter"))
        self.find_button = QPushButton(tr("Find"))
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.patient_label = QLabel(tr("No patient chosen."), wordWrap=True)
        find_row = QHBoxLayout()
        find_row.addWidget(self.query, 1)
        find_row.addWidget(self.find_button)
        patient_box = QGroupBox(tr("Patient"))
        pl = QVBoxLayout(patient_box)
        pl.addLayout(find_row)
        pl.addWidget(self.results)
        pl.addWidget(self.patient_label)

        # -- upcoming bookings of the patient
        self.upcoming = QListWidget()
        self.upcoming.setMaximumHeight(110)
        # The Alt letters stay the English ones in every language (the translations keep
        # "&M" and "&L" with a Latin letter), so the shortcuts the help lists work everywhere.
        self.reschedule_button = QPushButton(tr("&Move to the chosen slot"))
        self.cancel_button = QPushButton(tr("Cance&l booking…"))
        self.reschedule_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        up_buttons = QHBoxLayout()
        up_buttons.addStretch(1)
        up_buttons.addWidget(self.reschedule_button)
        up_buttons.addWidget(self.cancel_button)
        upcoming_box = QGroupBox(tr("Upcoming bookings"))
        ul = QVBoxLayout(upcoming_box)
        ul.addWidget(self.upcoming)
        ul.addLayout(up_buttons)
        top = QHBoxLayout()
        top.addWidget(patient_box, 1)
        top.addWidget(upcoming_box, 1)

        # -- the three modes
        self.tabs = QTabWidget()
        # Standard
        self.std_dept, self.std_doctor = QComboBox(), QComboBox()
        self.std_date = QDateEdit(calendarPopup=True)
        _date_format(self.std_date)
        self.std_slots = SlotList()
        self.std_note = QLabel("", wordWrap=True)
        std_form = QHBoxLayout()
        for label, w in ((N_("&Department"), self.std_dept), (N_("Do&ctor"), self.std_doctor),
                         (N_("Da&te"), self.std_date)):
            lab = QLabel(tr(label))
            lab.setBuddy(w)
            std_form.addWidget(lab)
            std_form.addWidget(w, 1)
        std = QWidget()
        sl = QVBoxLayout(std)
        sl.addLayout(std_form)
        sl.addWidget(self.std_note)
        sl.addWidget(self.std_slots, 1)
        # Quick Book
        self.quick_dept = QComboBox()
        self.quick_date = QDateEdit(calendarPopup=True)
        _date_format(self.quick_date)
        self.quick_grid = SlotGridTable()
        self.quick_note = QLabel("", wordWrap=True)
        qf = QHBoxLayout()
        for label, w in ((N_("De&partment"), self.quick_dept), (N_("D&ay"), self.quick_date)):
            lab = QLabel(tr(label))
            lab.setBuddy(w)
            qf.addWidget(lab)
            qf.addWidget(w, 1)
        quick = QWidget()
        ql = QVBoxLayout(quick)
        ql.addLayout(qf)
        ql.addWidget(self.quick_note)
        ql.addWidget(self.quick_grid, 1)
        # Emergency
        self.er_title = QLabel("", wordWrap=True)
        self.er_grid = SlotGridTable()
        er = QWidget()
        el = QVBoxLayout(er)
        el.addWidget(self.er_title)
        el.addWidget(self.er_grid, 1)
        self.tabs.addTab(std, tr("&Standard"))
        self.tabs.addTab(quick, tr("&Quick Book"))
        self.tabs.addTab(er, tr("&Emergency"))

        # -- booking details
        self.visit_type = QComboBox()
        for v, label in _VISITS:
            self.visit_type.addItem(tr(label), v)
        self.reason = QLineEdit(placeholderText=tr("Reason for the visit (optional)"))
        self.reason.setMaxLength(500)
        self.book_button = QPushButton(tr("Book (Ctrl+Enter)"))
        self.book_button.setDefault(False)
        self.message = Banner()
        details = QFormLayout()
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(tr("Visit")))
        bottom.addWidget(self.visit_type)
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.book_button)
        details.addRow(bottom)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(details)
        layout.addWidget(self.message)

        today = self._today_qdate()
        for d in (self.std_date, self.quick_date):
            d.setMinimumDate(today)
            d.setDate(today)

        self.query.returnPressed.connect(self.search)
        self.find_button.clicked.connect(self.search)
        self.results.currentRowChanged.connect(self._choose_row)
        self.results.itemActivated.connect(lambda *_: self.tabs.currentWidget().setFocus())
        self.upcoming.currentRowChanged.connect(lambda *_: self._update_buttons())
        self.std_dept.currentIndexChanged.connect(self._std_dept_changed)
        self.std_doctor.currentIndexChanged.connect(lambda *_: self.load_standard())
        self.std_date.dateChanged.connect(lambda *_: self.load_standard())
        self.quick_dept.currentIndexChanged.connect(lambda *_: self.load_quick())
        self.quick_date.dateChanged.connect(lambda *_: self.load_quick())
        self.tabs.currentChanged.connect(self._tab_changed)
        for w in (self.std_slots, self.quick_grid, self.er_grid):
            w.activated_slot.connect(self._activate)
        self.std_slots.itemSelectionChanged.connect(self._update_buttons)
        self.quick_grid.itemSelectionChanged.connect(self._update_buttons)
        self.er_grid.itemSelectionChanged.connect(self._update_buttons)
        self.book_button.clicked.connect(self.book)
        self.reschedule_button.clicked.connect(self.reschedule)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.book)
        self._update_buttons()

    def _today_qdate(self) -> QDate:
        tz = self.ctx.clinic_zone
        today = dt.datetime.now(tz).date() if tz else dt.date.today()
        return QDate(today.year, today.month, today.day)

    # ---------------------------------------------------------------------- directory
    def _load_directory(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.booking.directory(actor),
                         on_success=self._directory_loaded, on_failure=self._failed, owner=self)

    def _directory_loaded(self, departments: list[Any]) -> None:
        self.directory = departments
        for combo in (self.std_dept, self.quick_dept):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for d in departments:
                if d.doctors:
                    combo.addItem(d.name, d.id)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self._std_dept_changed()
        self.load_quick()
        self.load_emergency()

    def _std_dept_changed(self, *_: Any) -> None:
        dept_id = self.std_dept.currentData()
        current = self.std_doctor.currentData()
        self.std_doctor.blockSignals(True)
        self.std_doctor.clear()
        for d in self.directory:
            if d.id == dept_id:
                for doc in d.doctors:
                    self.std_doctor.addItem(doc.name, doc.id)
        self.std_doctor.setCurrentIndex(max(self.std_doctor.findData(current), 0))
        self.std_doctor.blockSignals(False)
        self.load_standard()

    # -------------------------------------------------------------------------- slots
    def load_standard(self) -> None:
        dept, doc = self.std_dept.currentData(), self.std_doctor.currentData()
        if dept is None or doc is None:
            return
        day = self.std_date.date().toPython()
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.booking.free_slots(actor, dept, doc, day),
                         on_success=self._standard_loaded, on_failure=self._failed, owner=self)

    def _standard_loaded(self, ds: Any) -> None:
        if (ds.doctor_id != self.std_doctor.currentData()
                or ds.day != self.std_date.date().toPython()):
            return  # an older answer than what is chosen now
        chosen = self.std_slots.chosen()
        self.std_slots.clear()
        for slot in ds.slots:
            item = QListWidgetItem(i18n.digits(slot.label))
            item.setData(SLOT_ROLE, (ds.doctor_id, slot.start))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.std_slots.addItem(item)
            if chosen and chosen[1] == slot.start:
                self.std_slots.setCurrentItem(item)
        if not ds.works:
            self.std_note.setText(i18n.rtl_line(tr("{doctor} does not work on {weekday}s.").format(
                doctor=ds.doctor_name, weekday=_weekday(ds.day))))
        elif not ds.slots:
            self.std_note.setText(i18n.rtl_line(tr("No free slot left for {doctor} on {day}.").format(
                doctor=ds.doctor_name, day=_day(ds.day))))
        else:
            self.std_note.setText(i18n.rtl_line(tr("{count} free slots for {doctor} on {day}.").format(
                count=number(len(ds.slots)), doctor=ds.doctor_name,
                day=_day(ds.day, year=True))))
        self._update_buttons()
        self.slots_loaded.emit(STANDARD)

    def load_quick(self) -> None:
        dept = self.quick_dept.currentData()
        if dept is None:
            return
        day = self.quick_date.date().toPython()
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.booking.quick_book_grid(actor, dept, day),
                         on_success=self._quick_loaded, on_failure=self._failed, owner=self)

    def _quick_loaded(self, grid: Any) -> None:
        if (grid.department_id != self.quick_dept.currentData()
                or grid.day != self.quick_date.date().toPython()):
            return  # an older answer than what is chosen now
        self.quick_grid.show_grid(grid)
        n = self.quick_grid.free_count()
        self.quick_note.setText(i18n.rtl_line(tr("{department}, {day}: {count} free slots across {doctors} "
                                   "doctors.").format(
                                       department=grid.department_name,
                                       day=_day(grid.day, year=True), count=number(n),
                                       doctors=number(len(grid.columns)))))
        self._update_buttons()
        self.slots_loaded.emit(QUICK)

    def load_emergency(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.booking.emergency_slots(actor),
                         on_success=self._emergency_loaded, on_failure=self._emergency_failed,
                         owner=self)

    def _emergency_loaded(self, grid: Any) -> None:
        self.er_grid.show_grid(grid)
        self.er_title.setText(i18n.rtl_line(
            tr("<b>{department}</b> — today, {day}: {count} free slots.").format(
                department=grid.department_name, day=_day(grid.day, year=True),
                count=number(self.er_grid.free_count()))))
        self._update_buttons()
        self.slots_loaded.emit(EMERGENCY)

    def _emergency_failed(self, exc: BaseException) -> None:
        self.er_grid.setRowCount(0)
        self.er_title.setText(message_for(exc))

    def _tab_changed(self, index: int) -> None:
        if index == EMERGENCY:
            self.visit_type.setCurrentIndex(self.visit_type.findData(VisitType.EMERGENCY))
            self.load_emergency()
        elif self.visit_type.currentData() == VisitType.EMERGENCY:
            self.visit_type.setCurrentIndex(0)
        self._update_buttons()

    def chosen_slot(self) -> tuple[int, dt.datetime] | None:
        widget = (self.std_slots, self.quick_grid, self.er_grid)[self.tabs.currentIndex()]
        return widget.chosen()

    def reload_slots(self) -> None:
        self.load_standard()
        self.load_quick()
        if self.tabs.currentIndex() == EMERGENCY:
            self.load_emergency()

    # ------------------------------------------------------------------------ patient
    def search(self) -> None:
        text = self.query.text().strip()
        if len(text) < 2:
            self.message.set_message(tr("Type at least two characters of a name, an MRN or an "
                                        "Emirates ID."), kind="error")
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.patients.search(actor, text),
                         on_success=self._found, on_failure=self._failed, owner=self)

    def _found(self, rows: list[Any]) -> None:
        self.results.clear()
        self._rows = rows
        for r in rows:
            parts = [f"{r.full_name} — {r.mrn}"]
            if r.date_of_birth:
                born = (i18n.date_text(r.date_of_birth) if i18n.is_rtl()
                        else f"{r.date_of_birth:%d %b %Y}")
                parts.append(tr("born {date}").format(date=born))
            if r.emirates_id:
                parts.append(tr("EID {number}").format(number=r.emirates_id))
            self.results.addItem(("، " if i18n.is_rtl() else ", ").join(parts))
        if rows:
            self.results.setCurrentRow(0)
            self.message.set_message("", kind="info")
        else:
            self.message.set_message(tr("No patient matches. Register new patients on the "
                                        "Walk-in page."), kind="warning")
        self.patients_found.emit(rows)

    def _choose_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.choose(self._rows[row])

    def choose(self, patient: Any) -> None:
        self.patient = patient
        self.patient_label.setText(f"<b>{patient.full_name}</b> ({patient.mrn})")
        self.load_upcoming()
        self._update_buttons()

    def load_upcoming(self) -> None:
        if self.patient is None:
            return
        pid = self.patient.patient_id
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.booking.upcoming(actor, pid),
                         on_success=self._upcoming_loaded, on_failure=self._failed, owner=self)

    def _upcoming_loaded(self, rows: list[Any]) -> None:
        current = self._selected_booking()
        self.upcoming_rows = rows
        self.upcoming.clear()
        for b in rows:
            status = _STATUSES.get(b.status.value)
            self.upcoming.addItem(tr("{when} — {doctor} ({department}), {status}").format(
                when=_day_time(b.start), doctor=b.doctor_name, department=b.department_name,
                status=tr(status) if status else b.status.value.lower()))
            if current is not None and current.appointment_id == b.appointment_id:
                self.upcoming.setCurrentRow(self.upcoming.count() - 1)
        if not rows:
            self.upcoming.addItem(tr("No upcoming bookings."))
            self.upcoming.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._update_buttons()

    def _selected_booking(self) -> Any | None:
        row = self.upcoming.currentRow()
        return self.upcoming_rows[row] if 0 <= row < len(self.upcoming_rows) else None

    # ---------------------------------------------------------------------- mutations
    def _update_buttons(self) -> None:
        slot = self.chosen_slot()
        booking = self._selected_booking()
        self.book_button.setEnabled(self.patient is not None and slot is not None)
        self.reschedule_button.setEnabled(booking is not None and slot is not None)
        self.cancel_button.setEnabled(booking is not None)

    def _activate(self) -> None:
        """Enter or a double-click on a slot books it (moving a booking is its own button,
        Alt+M, so a slip of the Enter key never moves someone's appointment)."""
        self.book()

    def book(self) -> None:
        slot = self.chosen_slot()
        if self.patient is None:
            self.message.set_message(tr("Find and choose the patient first."), kind="error")
            self.query.setFocus()
            return
        if slot is None:
            self.message.set_message(tr("Choose a time slot."), kind="error")
            return
        doctor_id, start = slot
        pid = self.patient.patient_id
        visit = VisitType(self.visit_type.currentData())
        reason = self.reason.text().strip() or None
        emergency = self.tabs.currentIndex() == EMERGENCY
        services, actor = self.ctx.services, self.ctx.actor
        self.book_button.setEnabled(False)
        self.ctx.ops.mutate(
            lambda: services.booking.book(actor, pid, doctor_id, start, visit,
                                          is_emergency=emergency, reason=reason),
            on_done=self._booked, on_failure=self._mutation_failed, owner=self)

    def _booked(self, result: Any) -> None:
        b = result.booking
        self.last_result = result
        text = tr("Booked {patient} with {doctor} on {day} at {time}. The token is given at "
                  "check-in.").format(patient=b.patient_name, doctor=b.doctor_name,
                                      day=_day(b.start), time=i18n.time_text(b.start))
        self.message.set_message(_with_opendental(text, result), kind="success")
        self.reason.clear()
        self.booked.emit(result)
        self.load_upcoming()
        self.reload_slots()

    def reschedule(self) -> None:
        booking, slot = self._selected_booking(), self.chosen_slot()
        if booking is None or slot is None:
            self.message.set_message(tr("Choose the booking to move and the new slot."),
                                     kind="error")
            return
        doctor_id, start = slot
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.mutate(
            lambda: services.booking.reschedule(actor, booking.appointment_id, start,
                                                doctor_id=doctor_id),
            on_done=self._moved, on_failure=self._mutation_failed, owner=self)

    def _moved(self, result: Any) -> None:
        b = result.booking
        self.last_result = result
        text = tr("Moved to {when} with {doctor}.").format(when=_day_time(b.start),
                                                           doctor=b.doctor_name)
        self.message.set_message(_with_opendental(text, result), kind="success")
        self.booked.emit(result)
        self.load_upcoming()
        self.reload_slots()

    def ask_cancel_reason(self, booking: Any) -> str | None:
        """The reason for a cancellation (a dialog; tests replace it)."""
        text, ok = QInputDialog.getText(
            self, tr("Cancel booking"),
            tr("Cancel {patient}'s booking of {when} with {doctor}.\n\nReason:").format(
                patient=booking.patient_name, when=_day_time(booking.start),
                doctor=booking.doctor_name))
        return text if ok else None

    def confirm_refund(self, offer: Any) -> bool:
        """Offer the refund request for a collected copay (a dialog; tests replace it)."""
        p = offer.payment
        method = _REFUND_METHODS.get(offer.method.value)
        box = QMessageBox(QMessageBox.Icon.Question, tr("Request a refund?"),
                          tr("The copay of {paid} (receipt {receipt}) was collected for this "
                             "appointment.\n\nRequest a refund of {amount} ({method})? An "
                             "accountant or administrator approves it on the Refunds page.")
                          .format(paid=money(p.paid), receipt=p.receipt_number,
                                  amount=money(offer.amount),
                                  method=tr(method) if method
                                  else offer.method.value.replace("_", " ").lower()),
                          parent=self)
        yes = box.addButton(tr("Request refund"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def cancel(self) -> None:
        booking = self._selected_booking()
        if booking is None:
            return
        reason = self.ask_cancel_reason(booking)
        if reason is None:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.mutate(
            lambda: services.booking.cancel(actor, booking.appointment_id, reason),
            on_done=self._cancelled, on_failure=self._mutation_failed, owner=self)

    def _cancelled(self, result: Any) -> None:
        self.last_result = result
        self.message.set_message(_with_opendental(
            tr("Booking cancelled; the slot is free again."), result), kind="success")
        self.cancelled.emit(result)
        self.load_upcoming()
        self.reload_slots()
        offer = result.refund_offer
        if offer is not None and self.confirm_refund(offer):
            services, actor = self.ctx.services, self.ctx.actor
            self.ctx.ops.mutate(
                lambda: services.refunds.request(
                    actor, offer.payment.payment_id, offer.amount, offer.reason, offer.method,
                    # stored with the refund (the audit's words), so in English
                    "Appointment cancelled at the booking desk."),
                on_done=lambda r: self.message.set_message(
                    tr("Booking cancelled and a refund of {amount} requested (pending "
                       "approval on the Refunds page).").format(amount=money(offer.amount)),
                    kind="success"),
                on_failure=self._mutation_failed, owner=self)

    def _mutation_failed(self, exc: BaseException) -> None:
        self.message.set_message(message_for(exc), kind="error")
        if isinstance(exc, SlotTaken):
            self.reload_slots()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.message.set_message(message_for(exc), kind="error")

    # ------------------------------------------------------------------- live updates
    def _on_data_changed(self, changes: Any) -> None:
        if changes.reload_all:
            self._load_directory()
            self.load_upcoming()
        elif changes.touches("appointments"):
            self.reload_slots()
            self.load_upcoming()


def _with_opendental(text: str, result: Any) -> str:
    """``text`` and, when the booking went to OpenDental too, what OpenDental said (the sync's
    sentence)."""
    if not result.opendental:
        return text
    return tr("{text} {opendental}").format(text=text, opendental=render(result.opendental))
