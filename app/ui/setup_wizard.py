"""The setup wizard: a clinic's first start on an empty shared database.

Pages: hospital (name, code, TRN, time zone, address) → first administrator (a password they
choose, typed twice, checked as they type) → chart of accounts (shown) → charge master (the
three visit fees, editable) → payers (none, or common UAE insurers to tick, editable) and
departments → review. Finish runs ``OnboardingService.create_clinic`` off the GUI thread; each
page checks its own values with the same domain rules the service applies, so the service
refusing something is rare and then the wizard goes back to the page at fault.

``setup_done(username)`` fires when the clinic exists: the new admin's username, or "" when
another workstation set the clinic up first (the desk then simply goes to sign-in).
"""

from __future__ import annotations

import zoneinfo
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain import onboarding as ob
from app.domain.accounts import CHART_OF_ACCOUNTS
from app.domain.errors import Conflict, DomainError, ValidationError
from app.domain.messages import messages
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for, show_error
from app.ui.i18n import N_, number, render, tr

M = messages(__name__)

_PAGE_OF_FIELD = {"name": 0, "code": 0, "trn": 0, "timezone": 0, "address": 0, "phone": 0,
                  "email": 0, "admin_username": 1, "admin_full_name": 1, "admin_password": 1,
                  "charges": 3, "payers": 4, "departments": 4}
# The kinds of general-ledger account, as the chart shows them (GLAccountType.value.title()).
_ACCOUNT_KINDS = {"ASSET": N_("Asset"), "LIABILITY": N_("Liability"), "EQUITY": N_("Equity"),
                  "REVENUE": N_("Revenue"), "EXPENSE": N_("Expense")}


def _error_label() -> QLabel:
    label = QLabel("", objectName="Error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _table(headers: list[str], stretch: int) -> QTableWidget:
    """A small editable grid: columns sized to their contents, column ``stretch`` takes the
    rest of the width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([tr(h) for h in headers])
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for col in range(len(headers)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _no_current_cell(table: QTableWidget) -> None:
    """No cell looks selected when the page opens (Qt starts on row 0, column 0)."""
    table.setCurrentItem(None)


def _amount(text: str) -> QTableWidgetItem:
    item = _item(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight  # mirrored in Arabic
                          | Qt.AlignmentFlag.AlignVCenter)
    return item


def _item(text: str, *, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text().strip() if item is not None else ""


class _Page(QWizardPage):
    """A page with an error line at the bottom and validation through the domain rules."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(tr(title))
        self.setSubTitle(tr(subtitle))
        self.error = _error_label()

    def check(self) -> None:  # pragma: no cover - every page overrides it
        """Raise ValidationError when the page's values are not acceptable."""

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        for table in self.findChildren(QTableWidget):
            _no_current_cell(table)

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        try:
            self.check()
        except ValidationError as exc:
            self.error.setText(message_for(exc))
            return False
        self.error.clear()
        return True


class HospitalPage(_Page):
    def __init__(self) -> None:
        super().__init__(N_("Your clinic"), N_("How the clinic appears on receipts and reports."))
        self.name = QLineEdit(placeholderText=tr("e.g. Jumeirah Family Clinic"))
        self.code = QLineEdit(placeholderText=tr("e.g. JFC01"))
        self.code.setMaxLength(20)
        self.trn = QLineEdit(placeholderText=tr("15 digits, e.g. 100123456700003"))
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        zones = sorted(z for z in zoneinfo.available_timezones() if "/" in z)
        self.timezone.addItems(zones)
        self.timezone.setCurrentText(ob.DEFAULT_TIMEZONE)
        completer = QCompleter(zones, self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(tr("Building, street, area, emirate"))
        self.address.setFixedHeight(64)
        self.address.setTabChangesFocus(True)  # the page is filled from the keyboard
        self.phone = QLineEdit(placeholderText=tr("optional, e.g. +971 4 123 4567"))
        self.email = QLineEdit(placeholderText=tr("optional"))
        for label, w in ((N_("Hospital name"), self.name), (N_("Hospital code"), self.code),
                         (N_("TRN (tax registration)"), self.trn),
                         (N_("Time zone"), self.timezone)):
            w.setAccessibleName(tr(label))
        form = QFormLayout(self)
        form.addRow(tr("Clinic name"), self.name)
        form.addRow(tr("Short code"), self.code)
        form.addRow(tr("TRN"), self.trn)
        form.addRow(tr("Time zone"), self.timezone)
        form.addRow(tr("Address"), self.address)
        form.addRow(tr("Phone"), self.phone)
        form.addRow(tr("Email"), self.email)
        form.addRow(self.error)
        self.registerField("name*", self.name)
        self.registerField("code*", self.code)
        self.registerField("trn*", self.trn)

    def check(self) -> None:
        ob.normalize_code(self.code.text())
        ob.normalize_trn(self.trn.text())
        ob.normalize_timezone(self.timezone.currentText())
        if not self.name.text().strip():
            raise ValidationError(M("name_required", "The clinic name is required."),
                                  field="name")
        setup = ob.ClinicSetup(name=self.name.text(), code=self.code.text(),
                               trn=self.trn.text(), timezone=self.timezone.currentText(),
                               address=self.address.toPlainText(), admin_username="",
                               admin_full_name="", admin_password="", phone=self.phone.text(),
                               email=self.email.text())
        try:
            ob.normalize_setup(setup)
        except ValidationError as exc:
            if _PAGE_OF_FIELD.get(str(exc.details.get("field")), 0) == 0:
                raise


class AdminPage(_Page):
    def __init__(self) -> None:
        super().__init__(N_("First administrator"),
                         N_("The clinic's first account, with administrator rights. Choose "
                            "the password here; ClinicDesk never sets one for you."))
        self.username = QLineEdit(placeholderText=tr("e.g. mariam.k"))
        self.full_name = QLineEdit(placeholderText=tr("e.g. Mariam Khalifa"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        for label, w in ((N_("Username"), self.username), (N_("Full name"), self.full_name),
                         (N_("Password"), self.password), (N_("Password again"), self.confirm)):
            w.setAccessibleName(tr(label))
            w.textChanged.connect(self._update)
        self.strength = QLabel("", objectName="Status")
        self.strength.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("Username"), self.username)
        form.addRow(tr("Full name"), self.full_name)
        form.addRow(tr("Password"), self.password)
        form.addRow(tr("Password again"), self.confirm)
        form.addRow(self.strength)
        form.addRow(self.error)
        self._update()

    def _problems(self) -> list[str]:
        problems = ob.password_problems(self.password.text(), self.username.text(),
                                        self.full_name.text())
        if not problems and self.password.text() != self.confirm.text():
            problems = [tr("The two passwords differ.")]
        # the domain's sentences (messages once app/domain/onboarding.py is converted)
        return [render(p) for p in problems]

    def _update(self) -> None:
        if not self.password.text():
            self.strength.setText(tr("At least {count} characters, not a common password, not "
                                     "containing the username. A few unrelated words work "
                                     "well.").format(count=number(ob.MIN_PASSWORD_LENGTH)))
        else:
            problems = self._problems()
            self.strength.setText(tr("✓ Strong enough.") if not problems
                                  else " ".join(problems))
            self.strength.setObjectName("Error" if problems else "Status")
            self.strength.style().unpolish(self.strength)  # the style sheet colours by name
            self.strength.style().polish(self.strength)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.username.text().strip() and self.full_name.text().strip()
                    and not self._problems())

    def check(self) -> None:
        ob.normalize_username(self.username.text())
        if self.password.text() != self.confirm.text():
            raise ValidationError(M("passwords_differ", "The two passwords differ."),
                                  field="admin_password")
        ob.check_password(self.password.text(), self.username.text(), self.full_name.text())


class AccountsPage(_Page):
    def __init__(self) -> None:
        super().__init__(N_("Chart of accounts"),
                         N_("Every clinic starts with the standard general-ledger accounts "
                            "below; copays, deposits, refunds and VAT post to them."))
        # The account names are the ledger's records (stored as they are): not translated.
        table = _table([N_("Code"), N_("Account"), N_("Type")], 1)
        # By code, as an accountant reads a chart (the tuple lists later additions last).
        for code, name, kind in sorted(CHART_OF_ACCOUNTS):
            row = table.rowCount()
            table.insertRow(row)
            kind_label = _ACCOUNT_KINDS.get(kind.value)
            for col, text in enumerate((code, name, tr(kind_label) if kind_label
                                        else kind.value.title())):
                table.setItem(row, col, _item(text, editable=False))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table = table
        layout = QVBoxLayout(self)
        layout.addWidget(table)

    def check(self) -> None:
        return None


class ChargesPage(_Page):
    COLS = [N_("Code"), "CPT", N_("Description"), N_("Fee (AED, incl. VAT)"), N_("VAT %")]

    def __init__(self) -> None:
        super().__init__(N_("Charge master"),
                         N_("What each kind of visit costs. The copay quote starts from these "
                            "fees; change them to your clinic's prices."))
        self.table = _table(self.COLS, 2)
        for c in ob.STANDARD_CHARGES:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, _item(c.code, editable=False))
            self.table.setItem(row, 1, _item(c.cpt_code or ""))
            self.table.setItem(row, 2, _item(c.description))
            self.table.setItem(row, 3, _amount(f"{c.fee:.2f}"))
            self.table.setItem(row, 4, _amount(f"{(c.vat_rate * 100).normalize():f}"))
        self.table.itemChanged.connect(lambda _item: self.error.clear())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)

    def charges(self) -> tuple[ob.ChargeSetup, ...]:
        out = []
        for row in range(self.table.rowCount()):
            code = _cell(self.table, row, 0)
            vat = _cell(self.table, row, 4).removesuffix("%").strip() or "0"
            try:
                rate = Decimal(vat) / 100
            except ArithmeticError:
                raise ValidationError(M("vat_not_a_number",
                                        "The VAT % of {code} must be a number, like 5.",
                                        code=code), field="charges") from None
            out.append(ob.ChargeSetup(code, _cell(self.table, row, 1) or None,
                                      _cell(self.table, row, 2), _cell(self.table, row, 3),
                                      rate))
        return tuple(out)

    def check(self) -> None:
        for c in self.charges():
            ob.normalize_charge(c)


class PayersPage(_Page):
    COLS = [N_("Use"), N_("Code"), N_("Name"), N_("DHA payer id"), N_("Copay %"),
            N_("Pre-auth")]

    def __init__(self) -> None:
        super().__init__(N_("Insurance payers and departments"),
                         N_("Tick the insurers you bill (none is fine: patients are then "
                            "self-pay until you add one). Names and terms can be edited."))
        self.table = _table(self.COLS, 2)
        for p in ob.COMMON_UAE_PAYERS:
            self._add_payer(p, ticked=False)
        self.table.itemChanged.connect(lambda _item: self.error.clear())
        self.add_payer = QPushButton(tr("Add another payer"))
        self.add_payer.clicked.connect(
            lambda: self._add_payer(ob.PayerSetup("", "", None), ticked=True))
        self.departments = _table([N_("Code"), N_("Department")], 1)
        for d in ob.STANDARD_DEPARTMENTS:
            self._add_department(d)
        self.departments.setMaximumHeight(130)
        self.add_department = QPushButton(tr("Add department"))
        self.add_department.clicked.connect(
            lambda: self._add_department(ob.DepartmentSetup("", "")))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_payer)
        dept_row = QHBoxLayout()
        dept_row.addWidget(QLabel(tr("Departments (appointments are booked into them)")))
        dept_row.addStretch(1)
        dept_row.addWidget(self.add_department)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(row)
        layout.addLayout(dept_row)
        layout.addWidget(self.departments, 1)
        layout.addWidget(self.error)

    def _add_payer(self, p: ob.PayerSetup, *, ticked: bool) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        use = QTableWidgetItem()
        use.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        use.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.table.setItem(row, 0, use)
        self.table.setItem(row, 1, _item(p.code))
        self.table.setItem(row, 2, _item(p.name))
        self.table.setItem(row, 3, _item(p.dha_payer_id or ""))
        self.table.setItem(row, 4, _amount(f"{p.default_copay_pct.normalize():f}"))
        pre = QTableWidgetItem()
        pre.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        pre.setCheckState(Qt.CheckState.Checked if p.preauth_required
                          else Qt.CheckState.Unchecked)
        self.table.setItem(row, 5, pre)

    def _add_department(self, d: ob.DepartmentSetup) -> None:
        row = self.departments.rowCount()
        self.departments.insertRow(row)
        self.departments.setItem(row, 0, _item(d.code))
        self.departments.setItem(row, 1, _item(d.name))

    def set_ticked(self, code: str, ticked: bool = True) -> None:
        for row in range(self.table.rowCount()):
            if _cell(self.table, row, 1) == code:
                self.table.item(row, 0).setCheckState(
                    Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def payers(self) -> tuple[ob.PayerSetup, ...]:
        out = []
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).checkState() != Qt.CheckState.Checked:
                continue
            out.append(ob.PayerSetup(
                _cell(self.table, row, 1), _cell(self.table, row, 2),
                _cell(self.table, row, 3) or None, _cell(self.table, row, 4) or "20",
                self.table.item(row, 5).checkState() == Qt.CheckState.Checked))
        return tuple(out)

    def department_list(self) -> tuple[ob.DepartmentSetup, ...]:
        return tuple(ob.DepartmentSetup(_cell(self.departments, r, 0),
                                        _cell(self.departments, r, 1))
                     for r in range(self.departments.rowCount())
                     if _cell(self.departments, r, 0) or _cell(self.departments, r, 1))

    def check(self) -> None:
        payers = [ob.normalize_payer(p) for p in self.payers()]
        if len({p.code for p in payers}) != len(payers):
            raise ValidationError(M("payer_code_twice", "Each payer code may appear once."),
                                  field="payers")
        depts = [ob.normalize_department(d) for d in self.department_list()]
        if len({d.code for d in depts}) != len(depts):
            raise ValidationError(M("department_code_twice",
                                    "Each department code may appear once."),
                                  field="departments")


class ReviewPage(_Page):
    def __init__(self) -> None:
        super().__init__(N_("Ready to create the clinic"),
                         N_("Check the summary, then press Create clinic. Nothing is saved "
                            "before that."))
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel("", objectName="Status")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        try:
            s = ob.normalize_setup(wizard.collect())
        except ValidationError as exc:
            self.summary.setText("")
            self.error.setText(message_for(exc))
            return
        self.error.clear()

        def fee(c: ob.ChargeSetup) -> str:
            amount = i18n.money(c.fee)
            if not c.vat_rate:
                return tr("{description}: {amount}").format(description=_esc(c.description),
                                                            amount=amount)
            return tr("{description}: {amount} (VAT {rate}%)").format(
                description=_esc(c.description), amount=amount,
                rate=i18n.digits(f"{(c.vat_rate * 100).normalize():f}"))

        comma = "، " if i18n.is_rtl() else ", "
        fees = "".join(f"<li>{fee(c)}</li>" for c in s.charges)
        payers = comma.join(p.name for p in s.payers) or tr("none yet (self-pay only)")
        depts = comma.join(f"{d.name} ({d.code})" for d in s.departments) or tr("none")
        contact = " · ".join(x for x in (s.phone, s.email) if x)
        head = tr("<b>{name}</b> — code {code}, TRN {trn}, {timezone}").format(
            name=_esc(s.name), code=s.code, trn=s.trn, timezone=s.timezone)
        parts = [
            "<p>{}{}{}</p>".format(head, "<br>" + _esc(s.address) if s.address else "",
                                   "<br>" + _esc(contact) if contact else ""),
            "<p>{}</p>".format(tr("Administrator: <b>{name}</b> (username <b>{username}</b>)")
                               .format(name=_esc(s.admin_full_name), username=s.admin_username)),
            "<p>{}</p>".format(tr("Chart of accounts: {count} standard accounts").format(
                count=number(len(CHART_OF_ACCOUNTS)))),
            "<p>{}</p><ul>{}</ul>".format(tr("Charge master:"), fees),
            "<p>{}</p>".format(tr("Payers: {payers}").format(payers=_esc(payers))),
            "<p>{}</p>".format(tr("Departments: {departments}").format(
                departments=_esc(depts))),
        ]
        text = "".join(parts)
        # right to left even where a paragraph starts with the clinic's Latin name
        self.summary.setText(f"<div dir='rtl'>{text}</div>" if i18n.is_rtl() else text)

    def check(self) -> None:
        return None


def _esc(text: str | None) -> str:
    import html

    return html.escape(text or "")


class SetupWizard(QWizard):
    """First-run setup on an empty shared database (see the module docstring)."""

    setup_done = Signal(str)
    """setup_done(username) — the clinic exists; "" when another desk created it first."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("ClinicDesk — Set up your clinic"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Create clinic"))
        if self.isRightToLeft():
            # Qt's own Arabic "< Back" / "Next >" point the left-to-right way; these arrows
            # are mirrored characters: back points right, next points left.
            self.setButtonText(QWizard.WizardButton.BackButton, tr("‹ Back"))
            self.setButtonText(QWizard.WizardButton.NextButton, tr("Next ›"))
        self.resize(860, 640)
        self.hospital = HospitalPage()
        self.admin = AdminPage()
        self.accounts = AccountsPage()
        self.charges = ChargesPage()
        self.payers = PayersPage()
        self.review = ReviewPage()
        for page in (self.hospital, self.admin, self.accounts, self.charges, self.payers,
                     self.review):
            self.addPage(page)
        self._busy = False

    def collect(self) -> ob.ClinicSetup:
        """The values of every page (unchecked: the service checks them)."""
        h, a = self.hospital, self.admin
        return ob.ClinicSetup(
            name=h.name.text(), code=h.code.text(), trn=h.trn.text(),
            timezone=h.timezone.currentText(), address=h.address.toPlainText(),
            phone=h.phone.text(), email=h.email.text(), admin_username=a.username.text(),
            admin_full_name=a.full_name.text(), admin_password=a.password.text(),
            charges=self.charges.charges(), payers=self.payers.payers(),
            departments=self.payers.department_list())

    def accept(self) -> None:
        """Finish: create the clinic off the GUI thread; close only when it exists."""
        if self._busy:
            return
        try:
            setup = self.collect()
        except ValidationError as exc:
            self._refused(exc)
            return
        services = self.ctx.services
        assert services is not None
        workstation = self.ctx.settings.workstation
        self._set_busy(True)
        self.ctx.ops.run(lambda: services.onboarding.create_clinic(setup,
                                                                   workstation=workstation),
                         on_success=self._created, on_failure=self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.review.status.setText(tr("Creating the clinic…") if busy else "")
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)

    def _created(self, made) -> None:
        self._set_busy(False)
        super().accept()
        self.setup_done.emit(made.admin_username)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, Conflict):
            box = QMessageBox(QMessageBox.Icon.Information, "ClinicDesk",
                              message_for(exc), QMessageBox.StandardButton.Ok, self)
            box.finished.connect(lambda _r: self._another_desk_won())
            box.open()
            self.conflict_box = box
            return
        if isinstance(exc, ValidationError):
            self._refused(exc)
            return
        if isinstance(exc, DomainError):
            self.review.error.setText(message_for(exc))
            return
        show_error(self, exc, tr("ClinicDesk — setup"))

    def _another_desk_won(self) -> None:
        super().accept()
        self.setup_done.emit("")

    def _refused(self, exc: ValidationError) -> None:
        """Go back to the page holding the field the service refused, and say why there."""
        target = _PAGE_OF_FIELD.get(str(exc.details.get("field", "")).split(":")[0], 4)
        if str(exc.details.get("field", "")).startswith("charge:"):
            target = 3
        while self.currentId() > target:
            self.back()
        page = self.page(self.currentId())
        if isinstance(page, _Page):
            page.error.setText(message_for(exc))
