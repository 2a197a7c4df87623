"""The walk-in page (seed 004 WalkInInsuranceCapture): find the patient by Emirates ID or by
name / MRN, register them quickly when they are new, choose the doctor and visit type, then
the copay step and check-in.

Emirates ID: typed or scanned by a keyboard-wedge reader (digits, then Enter); dashes and
spaces are accepted and the number is checked (15 digits, 784, Luhn) before anything is
asked. With the eligibility service the lookup also asks DHA; without it the patient is found
by the Emirates ID on file and the page says DHA is not configured. A match by name or MRN is
flagged "EID verification needed" (seed 004 §3 scenario C).

Every text is in the signed-in user's language (tr(), messages rendered with
app/ui/i18n.render); names, MRNs and Emirates IDs are shown as stored.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Gender, VisitType
from app.domain.errors import DomainError, ValidationError
from app.domain.text import SEARCH_MAX
from app.services.changes import Changes
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for, show_error
from app.ui.i18n import N_, tr
from app.ui.shortcuts import WALKIN_SEARCH
from app.ui.widgets.banner import Banner
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.date_of_birth import DateOfBirthEdit
from app.ui.widgets.eligibility_alerts import EligibilityAlertsPanel
from app.ui.widgets.source_banner import SourceBanner

log = logging.getLogger(__name__)

PATIENT_ROLE = Qt.ItemDataRole.UserRole + 1
NO_DHA_TEXT = N_("DHA eligibility is not configured on this workstation: the patient was "
                 "looked up by the Emirates ID on file and the insurance on file will be used. "
                 "Check the insurance card.")
_REQUIRED_CSS = "border: 2px solid #b42318; background: #fff5f5;"
_VISITS = ((VisitType.CONSULTATION, N_("Consultation (new)")),
           (VisitType.FOLLOW_UP, N_("Follow-up")), (VisitType.EMERGENCY, N_("Emergency")))
_GENDERS = ((Gender.MALE, N_("Male")), (Gender.FEMALE, N_("Female")), (Gender.OTHER, N_("Other")))


def normalise_eid_text(text: str) -> str:
    """784-YYYY-NNNNNNN-C, or ValidationError with the rule that failed (format, 784, Luhn)."""
    try:
        from app.domain.eid import normalize_eid
    except ImportError:  # pragma: no cover - the domain module ships with the app
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) != 15 or not digits.startswith("784"):
            raise ValidationError("Invalid Emirates ID format (must be 15 digits)") from None
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:14]}-{digits[14]}"
    return normalize_eid(text)


class WalkInPage(QWidget):
    """Find or register the patient, then create today's walk-in appointment."""

    patients_found = Signal(object)
    """patients_found(rows: list) — a search finished (possibly with no match)."""

    patient_selected = Signal(object)
    """patient_selected(patient) — the patient for the walk-in was chosen or registered."""

    patient_registered = Signal(int)
    """patient_registered(patient_id) — quick registration stored a new patient."""

    walk_in_created = Signal(int)
    """walk_in_created(appointment_id) — the appointment exists; the copay dialog opens."""

    checked_in = Signal(int, int)
    """checked_in(appointment_id, token_number) — the walk-in finished the copay step."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient: Any | None = None  # PatientRow / PatientSummary / registered stub
        self.requires_eid_verification = False
        self.dialog: QWidget | None = None
        self._build_ui()
        self._load_doctors()
        ctx.bus.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, changes: Any) -> None:
        # Only a reconnect reloads here: today's doctors come from the day's list. The search
        # results stay as they are (re-running a DHA lookup would ask DHA again); the copay
        # step re-reads the appointment when it opens.
        if changes.reload_all:
            self._load_doctors()

    # ----------------------------------------------------------------------------- UI
    def _build_ui(self) -> None:
        title = QLabel(tr("Walk-in"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600; color: #0f4c5c;")
        # The arrow points the way the steps are read: right to left in Arabic.
        arrow = "←" if i18n.is_rtl() else "→"
        steps = QLabel(tr("1  Find the patient   {arrow}   2  Register if new   {arrow}   "
                          "3  Doctor and visit   {arrow}   4  Copay and check-in").format(
                              arrow=arrow), objectName="Status")
        self.busy = BusyIndicator(tr("Searching…"))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(steps)
        top.addStretch(1)
        top.addWidget(self.busy)

        # -- 1: find
        find = QGroupBox(tr("1. Find the patient"))
        self.by_eid = QRadioButton(tr("&Emirates ID"))
        self.by_name = QRadioButton(tr("&Name or MRN"))
        self.by_eid.setChecked(True)
        self.mode_group = QButtonGroup(find)
        self.mode_group.addButton(self.by_eid)
        self.mode_group.addButton(self.by_name)
        self.query = QLineEdit()
        self.query.setMaxLength(SEARCH_MAX)
        self.query.setAccessibleName(tr("Search"))
        self.query.setClearButtonEnabled(True)
        self.search_button = QPushButton(tr("Search"))
        self.search_button.setProperty("primary", True)
        self.find_message = Banner()
        self.source = SourceBanner("NOT_CONFIGURED")
        self.source.hide()
        # DHA's alerts for the lookup, with the desk's choices (shared with the copay dialog)
        self.eligibility_panel = EligibilityAlertsPanel(self.ctx)
        self.eligibility_panel.retry_requested.connect(self.search)
        self.eligibility_panel.resolved.connect(self._eligibility_resolved)
        self.results = QListWidget()
        self.results.setAccessibleName(tr("Patients found"))
        self.results.setMinimumHeight(130)
        self.results.setSpacing(2)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.register_new = QPushButton(tr("&Register new patient…"))
        mode = QHBoxLayout()
        mode.addWidget(self.by_eid)
        mode.addWidget(self.by_name)
        mode.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        reg_row = QHBoxLayout()
        reg_row.addStretch(1)
        reg_row.addWidget(self.register_new)
        fl = QVBoxLayout(find)
        fl.addLayout(mode)
        fl.addLayout(row)
        fl.addWidget(self.find_message)
        fl.addWidget(self.source)
        fl.addWidget(self.eligibility_panel)
        fl.addWidget(self.results, 1)
        fl.addLayout(reg_row)

        # -- 2: register
        self.register_box = QGroupBox(tr("2. Quick registration — fields marked * are required"))
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        for name_field in (self.first_name, self.last_name):
            name_field.setMaxLength(100)  # VARCHAR(100); the service says the same
        self.dob = DateOfBirthEdit()  # typed day first; empty is "unknown"
        self.gender = QComboBox()
        self.gender.addItem(tr("Choose…"), None)
        for g, label in _GENDERS:
            self.gender.addItem(tr(label), g)
        self.phone = QLineEdit(placeholderText="+971 50 123 4567")
        self.reg_eid = QLineEdit(placeholderText=tr("784-YYYY-NNNNNNN-C (if the patient has one)"))
        # Numbers typed left to right, also in an Arabic form.
        for w in (self.phone, self.reg_eid):
            w.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            w.setAlignment(Qt.AlignmentFlag.AlignRight if i18n.is_rtl()
                           else Qt.AlignmentFlag.AlignLeft)
        self.phone.setMaxLength(40)
        self.reg_eid.setMaxLength(40)
        for w, name in ((self.first_name, tr("First name")), (self.last_name, tr("Last name")),
                        (self.dob, tr("Date of birth")), (self.gender, tr("Gender")),
                        (self.phone, tr("Phone")), (self.reg_eid, tr("Emirates ID"))):
            w.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(tr("First name *"), self.first_name)
        form.addRow(tr("Last name *"), self.last_name)
        form.addRow(tr("Date of birth"), self.dob)
        form.addRow(tr("Gender *"), self.gender)
        form.addRow(tr("Phone"), self.phone)
        form.addRow(tr("Emirates ID"), self.reg_eid)
        self.register_message = Banner(kind="error")
        self.register_button = QPushButton(tr("Register patient"))
        self.register_button.setProperty("primary", True)
        self.register_cancel = QPushButton(tr("Cancel"))
        rb = QHBoxLayout()
        rb.addStretch(1)
        rb.addWidget(self.register_cancel)
        rb.addWidget(self.register_button)
        rl = QVBoxLayout(self.register_box)
        rl.addLayout(form)
        rl.addWidget(self.register_message)
        rl.addLayout(rb)
        self.register_box.hide()

        # -- 3: visit
        self.visit_box = QGroupBox(tr("3. Doctor and visit"))
        self.chosen = QLabel(tr("No patient chosen yet."))
        self.chosen.setTextFormat(Qt.TextFormat.RichText)
        self.chosen.setWordWrap(True)
        self.verify_flag = Banner(kind="warning")
        self.doctor = QComboBox()
        self.doctor.setAccessibleName(tr("Doctor"))
        self.doctor.setMinimumWidth(280)
        self.visit_type = QComboBox()
        self.visit_type.setAccessibleName(tr("Visit type"))
        for vt, label in _VISITS:
            self.visit_type.addItem(tr(label), vt)
        self.emergency = QCheckBox(tr("Emergency"))
        self.create_button = QPushButton(tr("Create walk-in and continue to &copay"))
        self.create_button.setProperty("primary", True)
        self.visit_message = Banner()
        vf = QFormLayout()
        vf.addRow(tr("Doctor"), self.doctor)
        vf.addRow(tr("Visit type"), self.visit_type)
        vf.addRow("", self.emergency)
        cb = QHBoxLayout()
        cb.addStretch(1)
        cb.addWidget(self.create_button)
        vl = QVBoxLayout(self.visit_box)
        vl.addWidget(self.chosen)
        vl.addWidget(self.verify_flag)
        vl.addLayout(vf)
        vl.addWidget(self.visit_message)
        vl.addLayout(cb)

        right = QVBoxLayout()
        right.addWidget(self.register_box)
        right.addWidget(self.visit_box)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(find, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self.by_eid.toggled.connect(self._mode_changed)
        self.query.returnPressed.connect(self.search)  # a card reader ends with Enter
        self.query.textEdited.connect(lambda _t: self.find_message.clear_message())
        self.search_button.clicked.connect(self.search)
        self.results.itemActivated.connect(lambda _i: self._choose_current())
        self.results.itemDoubleClicked.connect(lambda _i: self._choose_current())
        self.results.currentItemChanged.connect(lambda *_: self._choose_current())
        self.register_new.clicked.connect(self.show_registration)
        self.register_button.clicked.connect(self.register)
        self.register_cancel.clicked.connect(self.register_box.hide)
        self.create_button.clicked.connect(self.create_walk_in)
        self.visit_type.currentIndexChanged.connect(self._visit_type_changed)
        for w in (self.first_name, self.last_name, self.phone, self.reg_eid):
            w.textEdited.connect(lambda _t, w=w: w.setStyleSheet(""))
        self.gender.currentIndexChanged.connect(lambda _i: self.gender.setStyleSheet(""))
        # Window-wide (ignored while the page is hidden), so it works after a page switch.
        sc = QShortcut(QKeySequence(WALKIN_SEARCH.keys[0]), self)
        sc.setContext(Qt.ShortcutContext.WindowShortcut)
        sc.activated.connect(self.query.setFocus)
        self._mode_changed()
        self._update_visit()

    def _mode_changed(self) -> None:
        if self.by_eid.isChecked():
            self.query.setPlaceholderText(tr("Scan the card or type the Emirates ID, then Enter"))
        else:
            self.query.setPlaceholderText(tr("Patient name or MRN, then Enter"))
        self.find_message.clear_message()
        self.query.setFocus()

    def _visit_type_changed(self) -> None:
        if self.visit_type.currentData() is VisitType.EMERGENCY:
            self.emergency.setChecked(True)

    # -------------------------------------------------------------------------- doctors
    def _load_doctors(self) -> None:
        """Doctors to choose from: those on today's list (the services offer no doctor
        directory yet; see the module docstring of app/services/queue.py)."""
        services, actor = self.ctx.services, self.ctx.actor

        def work() -> list[tuple[str, int, str]]:
            if hasattr(services, "doctors"):  # a directory service, when one exists
                return [(d.full_name, d.id, d.department_name)
                        for d in services.doctors.active(actor)]
            rows = services.queue.day(actor)
            seen = {(r.doctor_name, r.doctor_id, r.department_name) for r in rows}
            return sorted(seen)

        self.ctx.ops.run(work, on_success=self._doctors_loaded,
                         on_failure=lambda exc: self.visit_message.set_message(
                             message_for(exc), kind="error"), owner=self)

    def _doctors_loaded(self, doctors: list[tuple[str, int, str]]) -> None:
        current = self.doctor.currentData()
        self.doctor.clear()
        for name, doctor_id, dept in doctors:
            self.doctor.addItem(f"{name} — {dept}", doctor_id)  # names as stored
        i = self.doctor.findData(current)
        self.doctor.setCurrentIndex(max(i, 0))
        if not doctors:
            self.visit_message.set_message(tr("No doctor has appointments today, so none can "
                                              "be offered for a walk-in."), kind="warning")
        self._update_visit()

    # ---------------------------------------------------------------------------- search
    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.find_message.set_message(tr("Enter an Emirates ID, a name or an MRN."), kind="error")
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.patient = None
        self.requires_eid_verification = False
        self.results.blockSignals(True)
        self.results.clear()
        self.results.blockSignals(False)
        self._update_visit()
        self.source.hide()
        self.eligibility_panel.clear()
        if self.by_eid.isChecked():
            try:
                eid = normalise_eid_text(text)
            except ValidationError as exc:
                self.find_message.set_message(message_for(exc), kind="error")
                self.query.selectAll()
                return
            self.query.setText(eid)
            if hasattr(services, "eligibility"):
                # A DHA lookup stores its answer (a mutation), on the network pool.
                self.busy.start(tr("Searching…"))
                self.search_button.setEnabled(False)
                self.ctx.ops.mutate(lambda: services.eligibility.lookup_by_eid(actor, eid),
                                    on_done=lambda check: self._found(("dha", check)),
                                    on_failure=self._search_failed, owner=self, pool="net")
                return
            work = lambda: ("db", services.patients.search(actor, eid))  # noqa: E731
        else:
            work = lambda: ("db", services.patients.search(actor, text))  # noqa: E731
        self.busy.start(tr("Searching…"))
        self.search_button.setEnabled(False)
        self.ctx.ops.run(work, on_success=self._found, on_failure=self._search_failed,
                         owner=self)

    def _found(self, outcome: tuple[str, Any]) -> None:
        self.busy.stop()
        self.search_button.setEnabled(True)
        kind, result = outcome
        by_eid = self.by_eid.isChecked()
        rows: list[Any]
        if kind == "dha":
            self.source.set_source(result.data_source)
            self.source.show()
            rows = [result.patient] if result.patient is not None else []
            self.eligibility_panel.show_check(result)  # alerts with their choices
            self.find_message.set_message(i18n.render(result.dha_message),
                                          "info" if rows else "warning")
        else:
            rows = list(result)
            self.find_message.clear_message()
            if by_eid:  # no eligibility service: say so where the DHA answer would be
                self.source.set_source("NOT_CONFIGURED")
                self.source.setToolTip(tr(NO_DHA_TEXT))
                self.source.show()
        for r in rows:
            self.results.addItem(self._item_for(r, by_eid))
        if not rows:
            if by_eid:
                text = tr("No patient found for this Emirates ID. Register the patient (the "
                          "form is on the right).")
            else:
                text = tr("No patient found for “{query}”. Register the patient (the form is "
                          "on the right).").format(query=self.query.text().strip())
            self.find_message.set_message(text, kind="warning")
            self.show_registration()
        else:
            self.results.setCurrentRow(0)
            self.results.setFocus()
        self.patients_found.emit(rows)

    def _eligibility_resolved(self, result: Any) -> None:
        """A choice on a DHA alert was stored (and published): say so next to the lookup.
        The walk-in's copay step verifies again for the visit itself."""
        if hasattr(result, "verification"):
            self.source.set_source(result.data_source)
            if not result.verification.requires_eid_verification:  # the card was read
                self.requires_eid_verification = False
                self._update_visit()

    def _item_for(self, r: Any, by_eid: bool) -> QListWidgetItem:
        name = getattr(r, "full_name", None) or f"{r.first_name} {r.last_name}"
        eid = r.emirates_id or tr("no Emirates ID on file")
        insurer = getattr(r, "primary_insurer", None)
        second = [eid]
        if hasattr(r, "primary_insurer"):
            second.append(insurer or tr("self-pay"))
        needs = bool(getattr(r, "requires_eid_verification", not by_eid)) or not r.emirates_id
        if needs:
            second.append(tr("EID verification needed"))
        # a list of facts, not a sentence: joined with the same dot in every language
        text = f"{name}  ·  {r.mrn}\n    " + "  ·  ".join(second)
        if i18n.is_rtl():  # each line starts with Latin: read it from the right all the same
            text = "\n".join("\u200f" + line for line in text.split("\n"))
        item = QListWidgetItem(text)
        item.setData(PATIENT_ROLE, (r, needs))
        if needs:
            item.setToolTip(tr("Picked by name or MRN: confirm the patient's Emirates ID before "
                               "trusting the insurance on file."))
        return item

    def _search_failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.search_button.setEnabled(True)
        self.find_message.set_message(message_for(exc), kind="error")
        if not isinstance(exc, DomainError):
            show_error(self, exc)

    def _choose_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        patient, needs = item.data(PATIENT_ROLE)
        self.choose(patient, requires_eid_verification=needs)

    def choose(self, patient: Any, *, requires_eid_verification: bool = False) -> None:
        self.patient = patient
        self.requires_eid_verification = requires_eid_verification
        self.register_box.hide()
        self._update_visit()
        self.patient_selected.emit(patient)

    # -------------------------------------------------------------------------- register
    def show_registration(self) -> None:
        self.register_box.show()
        text = self.query.text().strip()
        if self.by_eid.isChecked() and text and not self.reg_eid.text():
            self.reg_eid.setText(text)
        elif not self.by_eid.isChecked() and text and not self.first_name.text():
            parts = text.split()
            if not any(ch.isdigit() for ch in text):
                self.first_name.setText(parts[0])
                self.last_name.setText(" ".join(parts[1:]))
        self.first_name.setFocus()

    def register(self) -> None:
        self.register_message.clear_message()
        missing = []
        if not self.first_name.text().strip():
            missing.append(self.first_name)
        if not self.last_name.text().strip():
            missing.append(self.last_name)
        if self.gender.currentData() is None:
            missing.append(self.gender)
        eid_text = self.reg_eid.text().strip()
        problems = []
        if missing:
            problems.append(tr("Fill in the fields marked *."))
        dob = None
        try:
            dob = self.dob.date_value()
        except ValidationError as exc:  # future, > 130 years, not a date: say which
            problems.append(message_for(exc))
            self.dob.mark_error(message_for(exc))
        eid = None
        if eid_text:
            try:
                eid = normalise_eid_text(eid_text)
            except ValidationError as exc:
                problems.append(tr("{problem}.").format(problem=message_for(exc)))
                missing.append(self.reg_eid)
        for w in missing:
            w.setStyleSheet(_REQUIRED_CSS)
        if problems:
            self.register_message.set_message(" ".join(problems), kind="error")
            (missing[0] if missing else self.dob).setFocus()
            return
        first, last = self.first_name.text(), self.last_name.text()
        gender, phone = self.gender.currentData(), self.phone.text()
        services, actor = self.ctx.services, self.ctx.actor
        self.register_button.setEnabled(False)
        self.busy.start(tr("Registering…"))

        def work() -> _RegisteredRows:
            registered = services.patients.register(actor, first, last, dob, gender, phone, eid)
            pid = registered.patient_id
            found = services.patients.search(actor, eid or f"{first.strip()} {last.strip()}",
                                             limit=100)
            return _RegisteredRows(pid, [r for r in found if r.patient_id == pid],
                                   registered.changes)

        self.ctx.ops.mutate(work, on_done=self._registered, on_failure=self._register_failed,
                            owner=self)

    def _registered(self, outcome: _RegisteredRows) -> None:
        self.busy.stop()
        self.register_button.setEnabled(True)
        pid, rows = outcome.patient_id, outcome.rows
        patient = rows[0] if rows else _Registered(
            patient_id=pid, first_name=" ".join(self.first_name.text().split()),
            last_name=" ".join(self.last_name.text().split()), mrn=tr("(new)"),
            emirates_id=None, primary_insurer=None, deposit_balance=None)
        self.results.clear()
        self.results.addItem(self._item_for(patient, bool(patient.emirates_id)))
        self.find_message.set_message(
            tr("Registered {first} {last} ({mrn}).").format(
                first=patient.first_name, last=patient.last_name, mrn=patient.mrn), kind="success")
        self.patient_registered.emit(pid)
        self.choose(patient, requires_eid_verification=not patient.emirates_id)
        for w in (self.first_name, self.last_name, self.phone, self.reg_eid):
            w.clear()
        self.gender.setCurrentIndex(0)
        self.dob.set_date(None)
        self.doctor.setFocus()

    def _register_failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.register_button.setEnabled(True)
        self.register_message.set_message(message_for(exc), kind="error")  # the form keeps its data
        if not isinstance(exc, DomainError):
            show_error(self, exc)

    # ---------------------------------------------------------------------------- visit
    def _update_visit(self) -> None:
        p = self.patient
        if p is None:
            self.chosen.setText(tr("No patient chosen yet: search, or register a new patient."))
            self.verify_flag.clear_message()
            self.create_button.setEnabled(False)
            return
        name = getattr(p, "full_name", None) or f"{p.first_name} {p.last_name}"
        insurer = getattr(p, "primary_insurer", None)
        deposit = getattr(p, "deposit_balance", None)
        extra = (" · " + html.escape(tr("deposit {amount}").format(amount=i18n.money(deposit)))
                 if deposit else "")
        ins = f" · {html.escape(insurer)}" if insurer else (
            " · " + html.escape(tr("self-pay")) if hasattr(p, "primary_insurer") else "")
        chosen = f"<b>{html.escape(name)}</b> · {html.escape(p.mrn)}{ins}{extra}"
        # Rich text takes its direction from its first letters (a Latin name): say it.
        self.chosen.setText(f"<div dir='rtl'>{chosen}</div>" if i18n.is_rtl() else chosen)
        if self.requires_eid_verification:
            self.verify_flag.set_message(
                tr("EID verification needed: this patient was found by name or MRN (or has no "
                   "Emirates ID on file). Check the Emirates ID card before relying on the "
                   "insurance on file."), kind="warning")
        else:
            self.verify_flag.clear_message()
        self.create_button.setEnabled(self.doctor.count() > 0)

    def create_walk_in(self) -> None:
        p = self.patient
        if p is None or self.doctor.currentData() is None:
            return
        patient_id = getattr(p, "patient_id", None) or p.id
        doctor_id = self.doctor.currentData()
        visit_type = self.visit_type.currentData()
        emergency = self.emergency.isChecked()
        services, actor = self.ctx.services, self.ctx.actor
        self.create_button.setEnabled(False)
        self.visit_message.clear_message()
        self.busy.start(tr("Creating the walk-in…"))
        self.ctx.ops.mutate(
            lambda: services.queue.create_walk_in(actor, patient_id, doctor_id, visit_type,
                                                  is_emergency=emergency),
            on_done=self._created, on_failure=self._create_failed, owner=self)

    def _created(self, created: Any) -> None:
        self.busy.stop()
        self.create_button.setEnabled(True)
        from app.ui.copay_dialog import CopayDialog

        appointment_id = created.appointment_id
        self.walk_in_created.emit(appointment_id)
        dialog = CopayDialog(self.ctx, appointment_id, parent=self,
                             picked_by_name=self.requires_eid_verification)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.checked_in.connect(lambda token: self._checked_in(appointment_id, token))
        self.dialog = dialog
        dialog.open()

    def _create_failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.create_button.setEnabled(True)
        self.visit_message.set_message(message_for(exc), kind="error")
        if not isinstance(exc, DomainError):
            show_error(self, exc)

    def _checked_in(self, appointment_id: int, token: int) -> None:
        p = self.patient
        name = (getattr(p, "full_name", None) or f"{p.first_name} {p.last_name}") if p else ""
        self.visit_message.set_message(tr("{name} checked in — token #{token}. Ready for the "
                                          "next walk-in.").format(name=name, token=token),
                                       kind="success")
        self.checked_in.emit(appointment_id, token)
        self.reset(keep_message=True)

    def reset(self, *, keep_message: bool = False) -> None:
        """Clear the page for the next patient."""
        self.patient = None
        self.requires_eid_verification = False
        self.results.clear()
        self.query.clear()
        self.find_message.clear_message()
        self.source.hide()
        self.eligibility_panel.clear()
        self.register_box.hide()
        if not keep_message:
            self.visit_message.clear_message()
        self.visit_type.setCurrentIndex(0)
        self.emergency.setChecked(False)
        self._update_visit()
        self.query.setFocus()


class _Registered:
    """What the page knows about a patient it has just registered."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)
        self.full_name = f"{values['first_name']} {values['last_name']}"


@dataclass(frozen=True)
class _RegisteredRows:
    """The registration (a mutation) and the new patient's search row, from one worker call."""

    patient_id: int
    rows: list[Any]
    changes: Changes


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(lambda ctx: WalkInPage(ctx), title=tr("Walk-in")))
