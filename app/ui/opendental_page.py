"""OpenDental connections page for administrators (seed 000 flow 2, "clinic onboarding"): the
hospital's connections in a table, and a form to add or edit one (name, mode, base URL, the
two API keys, ClinicNum, timezone, request rate, cadence per sync job), with Save, Remove,
Clear keys and "Test connection", which shows what the server answered.

The keys go to this computer's keyring through the service; the form never shows them back,
only whether they are stored. Every call runs through ``ctx.ops`` off the GUI thread.
"""

from __future__ import annotations

import html
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import OpenDentalMode
from app.domain.opendental_connection import (
    CADENCE_RANGE,
    DEFAULT_CADENCE_MINUTES,
    JOB_LABELS,
    RPS_RANGE,
    ConnectionForm,
    timezone_names,
)
from app.services.changes import Changes
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, digits, is_rtl, tr
from app.ui.widgets.banner import Banner
from app.ui.widgets.tables import read_only_table

KEY_STORED = N_("Stored — type to replace")
KEY_NONE = N_("None stored")
KEY_SANDBOX = N_("Not needed (simulated)")

MODE_LABELS = {
    OpenDentalMode.CLOUD: N_("Cloud — OpenDental's API through the clinic's eConnector"),
    OpenDentalMode.LOCAL: N_("Local — the Local API on this computer"),
    OpenDentalMode.SERVICE: N_("Service — the API Service on the clinic network"),
    OpenDentalMode.SANDBOX: N_("Sandbox — ClinicDesk's simulated practice (demo, training)"),
}
URL_EXAMPLES = {
    OpenDentalMode.CLOUD: "https://api.opendental.com/api/v1",
    OpenDentalMode.LOCAL: "http://localhost:30222/api/v1",
    OpenDentalMode.SERVICE: "http://od-server:30223/api/v1",
    OpenDentalMode.SANDBOX: "",
}
_SHORT_MODE = {OpenDentalMode.CLOUD: N_("Cloud"), OpenDentalMode.LOCAL: N_("Local"),
               OpenDentalMode.SERVICE: N_("Service"), OpenDentalMode.SANDBOX: N_("Sandbox")}
_COLUMNS = (N_("Name"), N_("Mode"), N_("Address"), N_("Keys"), N_("Last test"))
_LAST_TEST_COL = 4
_CADENCE_LABELS = {  # short, so the form stays narrow; the full label is the tooltip
    "appointments_upcoming": N_("Upcoming (7 days)"), "appointments_today": N_("Today"),
    "appointments_completed": N_("Completed (7 days)"), "eligibility": N_("Eligibility"),
    "claim_status": N_("Claim status"), "payment_posting": N_("Payments")}


# The sync jobs' full names (app/domain/opendental_connection.py JOB_LABELS: the cadence
# tooltips), marked here so that this screen's catalogue holds their Arabic.
_CATALOGUE = (
    N_("Upcoming appointments (next 7 days)"), N_("Today's appointments"),
    N_("Completed appointments (last 7 days)"), N_("Eligibility (coverage)"),
    N_("Claim status"), N_("Payment posting"),
)


def _key_field(name: str) -> QLineEdit:
    field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setPlaceholderText(tr(KEY_NONE))
    field.setToolTip(tr("Kept in this computer's keyring and never shown here; leave it empty "
                        "to keep the stored key."))
    return field


def _when(value, tz: ZoneInfo | None = None) -> str:
    """In the clinic's zone (`tz`), as every other time the desk shows."""
    if not value:
        return tr("never")
    if is_rtl():  # "%b" is an English month name: day/month in numbers instead
        return digits(value.astimezone(tz).strftime("%d/%m %H:%M"))
    return value.astimezone(tz).strftime("%d %b %H:%M")


class OpenDentalPage(QWidget):
    loaded = Signal(object)
    """loaded(connections: list[ConnectionView]) — the table was (re)filled."""

    saved = Signal(object)
    """saved(connection: ConnectionView) — a connection was created or updated."""

    removed = Signal(object)
    """removed(result: RemovalResult) — a connection was deleted or deactivated."""

    tested = Signal(object)
    """tested(result: ConnectionTestResult) — "Test connection" finished."""

    failed = Signal(str)
    """failed(message) — a call was refused (validation, role, database); shown in the banner."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._connections: list = []
        self._current_id: int | None = None
        self._keys_stored = False
        self._busy = False
        self._first_load = True
        self.confirm = self._ask  # replaced by tests: confirm(question) -> bool

        title = QLabel("<h2>{}</h2>".format(tr("OpenDental connections")))
        intro = QLabel(tr("Each connection is one OpenDental database this hospital keeps in "
                          "step with. The API keys are kept in this computer's keyring, never in "
                          "the database: enter them on every workstation that runs the sync."),
                       wordWrap=True, objectName="Placeholder")

        self.table = read_only_table([tr(c) for c in _COLUMNS])
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 170)  # long names are elided; the full name is the tooltip
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(tr("OpenDental connections"))
        self.add = QPushButton(tr("Add connection"))
        self.remove = QPushButton(tr("Remove"))
        self.remove.setToolTip(tr("Delete the connection, or deactivate it when synced data "
                                  "refers to it"))
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.add)
        list_buttons.addWidget(self.remove)
        list_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(list_buttons)

        # -- the form --
        self.form_title = QLabel("<b>{}</b>".format(tr("New connection")))
        self.name = QLineEdit(placeholderText=tr("e.g. Jumeirah Dental"))
        self.name.setMaxLength(120)
        self.mode = QComboBox()
        for mode in OpenDentalMode:
            self.mode.addItem(tr(MODE_LABELS[mode]), mode.value)
        self.base_url = QLineEdit()
        self.base_url.setMaxLength(300)
        self.developer_key = _key_field(tr("OpenDental developer key"))
        self.customer_key = _key_field(tr("OpenDental customer key"))
        self.clinic_num = QLineEdit(placeholderText=tr("All clinics"))
        self.clinic_num.setValidator(QIntValidator(1, 2_147_483_647, self))
        self.clinic_num.setToolTip(tr("OpenDental's ClinicNum when the practice uses clinics; "
                                      "empty for all"))
        zones = timezone_names()
        self.timezone = QComboBox(editable=True)
        self.timezone.addItems(zones)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(zones, self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        # a suffix's leading space is kept out of the catalogue (translations are stripped)
        self.rps = QDoubleSpinBox(decimals=2, singleStep=0.1, suffix=" " + tr("requests/s"))
        self.rps.setLocale(QLocale.c())
        self.rps.setRange(float(RPS_RANGE[0]), float(RPS_RANGE[1]))
        self.rps.setToolTip(tr("OpenDental throttles each customer key; 1 per second is the "
                               "usual tier, 0.2 the free read-only one"))
        self.active = QCheckBox(tr("Sync this connection"))
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Mode"), self.mode)
        form.addRow(tr("Base URL"), self.base_url)
        form.addRow(tr("Developer key"), self.developer_key)
        form.addRow(tr("Customer key"), self.customer_key)
        form.addRow(tr("ClinicNum"), self.clinic_num)
        form.addRow(tr("Timezone"), self.timezone)
        form.addRow(tr("Rate limit"), self.rps)
        form.addRow("", self.active)

        self.cadence: dict[str, QSpinBox] = {}
        cadence_box = QGroupBox(tr("Polling cadence (minutes)"))
        grid = QGridLayout(cadence_box)
        for i, (job, minutes) in enumerate(DEFAULT_CADENCE_MINUTES.items()):
            spin = QSpinBox(minimum=CADENCE_RANGE[0], maximum=CADENCE_RANGE[1],
                            suffix=" " + tr("min"))
            spin.setValue(minutes)
            spin.setAccessibleName(tr("Cadence of {job}").format(job=tr(JOB_LABELS[job])))
            spin.setToolTip(tr("Default: hourly at :15; another value runs it every that many "
                               "minutes") if job == "payment_posting"
                            else tr("Default {minutes} min").format(minutes=minutes))
            self.cadence[job] = spin
            label = QLabel(tr(_CADENCE_LABELS.get(job, JOB_LABELS[job])))
            label.setToolTip(tr(JOB_LABELS[job]))
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)

        self.save = QPushButton(tr("Save"))
        self.save.setProperty("primary", True)
        self.clear_keys = QPushButton(tr("Clear keys"))
        self.clear_keys.setToolTip(tr("Remove this connection's keys from this computer's "
                                      "keyring"))
        self.test = QPushButton(tr("Test connection"))
        self.test.setToolTip(tr("Ask OpenDental for one appointment with the saved address and "
                                "keys"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.test)
        buttons.addWidget(self.clear_keys)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        self.test_result = Banner()
        self.test_result.setAccessibleName(tr("Test result"))
        self.status = Banner()
        self.status.setAccessibleName(tr("Status"))

        form_box = QGroupBox(tr("Connection"))
        fl = QVBoxLayout(form_box)
        fl.addWidget(self.form_title)
        fl.addLayout(form)
        fl.addWidget(cadence_box)
        fl.addLayout(buttons)
        fl.addWidget(self.test_result)
        fl.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addWidget(form_box, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addLayout(columns, 1)

        self.add.clicked.connect(self.new_connection)
        self.remove.clicked.connect(self._remove)
        self.save.clicked.connect(self._save)
        self.clear_keys.clicked.connect(self._clear_keys)
        self.test.clicked.connect(self._test)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        ctx.bus.data_changed.connect(self._on_changes)

        self.new_connection()
        self.refresh()

    # -- loading --
    def refresh(self, select: int | None = None, *, show_form: bool = True) -> None:
        """Reload the table; ``show_form`` False keeps what is typed in the form."""
        self._set_busy(True)
        svc, actor = self.ctx.services.opendental_connections, self.ctx.actor

        def done(connections: list) -> None:
            self._set_busy(False)
            self._fill(connections, select if select is not None else self._current_id,
                       show_form)
            self.loaded.emit(connections)

        self.ctx.ops.run(lambda: svc.list(actor), on_success=done, on_failure=self._failed,
                         owner=self)

    def _fill(self, connections: list, select: int | None, show_form: bool = True) -> None:
        self._connections = connections
        self.table.blockSignals(True)
        self.table.setRowCount(len(connections))
        chosen = -1
        tz = self.ctx.clinic_zone
        for row, c in enumerate(connections):
            missing = not c.simulated and not c.keys_stored
            keys = (tr("Simulated") if c.simulated else tr("Stored") if c.keys_stored
                    else tr("Missing"))
            # the service stores the test's answer in English; "Connected…" means it passed
            passed = (c.last_test_result or "").startswith("Connected")
            last = (tr("never") if c.last_test_at is None
                    else tr("{result} · {when}").format(
                        result=tr("OK") if passed else tr("Failed"),
                        when=_when(c.last_test_at, tz)))
            name = c.name if c.is_active else tr("{name} (inactive)").format(name=c.name)
            cells = (name, tr(_SHORT_MODE[c.mode]), c.base_url or "—", keys, last)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                if col in (0, 2):
                    item.setToolTip(text)
                if col == _LAST_TEST_COL and c.last_test_result:
                    item.setToolTip(c.last_test_result)
                    if not passed:
                        item.setForeground(Qt.GlobalColor.darkRed)
                if col == 3 and missing:
                    item.setForeground(Qt.GlobalColor.darkRed)
                if not c.is_active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, col, item)
            if c.id == select:
                chosen = row
        self.table.blockSignals(False)
        if self._first_load and chosen < 0 and connections:
            chosen = 0  # opening the page shows the first connection
        self._first_load = False
        if chosen >= 0:
            self.table.blockSignals(True)
            self.table.selectRow(chosen)
            self.table.blockSignals(False)
            if show_form:
                self._show(connections[chosen])
        elif self._current_id is not None and select == self._current_id:
            self.new_connection()  # it was removed (here or on another workstation)
        self.table.resizeRowsToContents()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._show(self._connections[rows[0].row()])

    def _show(self, c) -> None:
        self._current_id = c.id
        self.form_title.setText(f"<b>{html.escape(c.name)}</b>")
        self.name.setText(c.name)
        self.mode.setCurrentIndex(max(0, self.mode.findData(c.mode.value)))
        self.base_url.setText(c.base_url or "")
        self.clinic_num.setText("" if c.clinic_num is None else str(c.clinic_num))
        self.timezone.setCurrentText(c.timezone)
        self.rps.setValue(float(c.requests_per_second))
        self.active.setChecked(c.is_active)
        for job, spin in self.cadence.items():
            spin.setValue(c.cadence_minutes(job))
        self._show_keys(c.keys_stored)
        if c.last_test_result:
            when = _when(c.last_test_at, self.ctx.clinic_zone)
            self.test_result.set_message(tr("Last test {when}: {result}").format(
                when=when, result=c.last_test_result), kind="neutral")
        else:
            self.test_result.clear_message()
        self._update_buttons()

    def new_connection(self) -> None:
        """Empty the form for a new connection."""
        self._current_id = None
        self.table.clearSelection()
        self.form_title.setText("<b>{}</b>".format(tr("New connection")))
        self.name.clear()
        self.mode.setCurrentIndex(self.mode.findData(OpenDentalMode.CLOUD.value))
        self.base_url.setText(URL_EXAMPLES[OpenDentalMode.CLOUD])
        self.clinic_num.clear()
        self.timezone.setCurrentText("Asia/Dubai")
        self.rps.setValue(1.0)
        self.active.setChecked(True)
        for job, spin in self.cadence.items():
            spin.setValue(DEFAULT_CADENCE_MINUTES[job])
        self._show_keys(False)
        self.test_result.clear_message()
        self.name.setFocus()
        self._update_buttons()

    # -- form state --
    def _mode(self) -> OpenDentalMode:
        return OpenDentalMode(self.mode.currentData())

    def _mode_changed(self) -> None:
        mode = self._mode()
        sandbox = mode is OpenDentalMode.SANDBOX
        if sandbox:
            self.base_url.clear()
        elif not self.base_url.text().strip() or self.base_url.text() in URL_EXAMPLES.values():
            self.base_url.setText(URL_EXAMPLES[mode])
        self.base_url.setPlaceholderText(tr("built-in simulator") if sandbox
                                         else URL_EXAMPLES[mode])
        self._show_keys(self._keys_stored)
        self._update_buttons()

    def _show_keys(self, stored: bool) -> None:
        """The placeholders say whether keys are stored; the keys never come back here."""
        self._keys_stored = stored
        sandbox = self._mode() is OpenDentalMode.SANDBOX
        for field in (self.developer_key, self.customer_key):
            field.clear()
            field.setPlaceholderText(tr(KEY_SANDBOX if sandbox else
                                        KEY_STORED if stored else KEY_NONE))

    def _update_buttons(self) -> None:
        sandbox = self._mode() is OpenDentalMode.SANDBOX
        existing = self._current_id is not None
        enabled = not self._busy
        for w in (self.base_url, self.developer_key, self.customer_key):
            w.setEnabled(enabled and not sandbox)
        self.save.setEnabled(enabled)
        self.add.setEnabled(enabled)
        self.remove.setEnabled(enabled and existing)
        self.test.setEnabled(enabled and existing)
        self.clear_keys.setEnabled(enabled and existing and self._keys_stored and not sandbox)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def current_form(self) -> ConnectionForm:
        return ConnectionForm(
            name=self.name.text(), mode=self._mode(), base_url=self.base_url.text(),
            clinic_num=self.clinic_num.text(), timezone=self.timezone.currentText(),
            requests_per_second=Decimal(str(round(self.rps.value(), 2))),
            cadence={job: spin.value() for job, spin in self.cadence.items()},
            is_active=self.active.isChecked(), developer_key=self.developer_key.text(),
            customer_key=self.customer_key.text())

    # -- actions --
    def _save(self) -> None:
        form = self.current_form()
        svc, actor, cid = self.ctx.services.opendental_connections, self.ctx.actor, self._current_id
        self._set_busy(True)
        self.status.set_message(tr("Saving…"), kind="info")

        def work():
            return svc.create(actor, form) if cid is None else svc.update(actor, cid, form)

        def done(saved) -> None:
            self._set_busy(False)
            view = saved.connection
            self._current_id = view.id
            if form.developer_key or form.customer_key:
                text = tr("'{name}' saved. The keys are stored in this computer's keyring.")
            else:
                text = tr("'{name}' saved.")
            self.status.set_message(text.format(name=view.name), kind="success")
            self.refresh(select=view.id)
            self.saved.emit(view)

        self.ctx.ops.mutate(work, on_done=done, on_failure=self._failed, owner=self)

    def _remove(self) -> None:
        cid = self._current_id
        if cid is None:
            return
        name = self.name.text().strip() or tr("this connection")
        if not self.confirm(tr("Remove the OpenDental connection '{name}'?\n\nIf data was "
                               "already synced through it, it is deactivated instead (the sync "
                               "stops, the history stays).").format(name=name)):
            return
        svc, actor = self.ctx.services.opendental_connections, self.ctx.actor
        self._set_busy(True)

        def done(result) -> None:
            self._set_busy(False)
            self.status.set_message(result.message, kind="success" if result.removed else "warning")
            if result.removed:
                self.new_connection()
            self.refresh(select=None if result.removed else cid)
            self.removed.emit(result)

        self.ctx.ops.mutate(lambda: svc.remove(actor, cid), on_done=done,
                            on_failure=self._failed, owner=self)

    def _clear_keys(self) -> None:
        cid = self._current_id
        if cid is None:
            return
        svc, actor = self.ctx.services.opendental_connections, self.ctx.actor
        self._set_busy(True)

        def done(saved) -> None:
            self._set_busy(False)
            self._show_keys(False)
            self.status.set_message(
                tr("The keys were removed from this computer's keyring."), kind="success")
            self.refresh(select=cid)

        self.ctx.ops.mutate(lambda: svc.clear_keys(actor, cid), on_done=done,
                            on_failure=self._failed, owner=self)

    def _test(self) -> None:
        cid = self._current_id
        if cid is None:
            return
        svc, actor = self.ctx.services.opendental_connections, self.ctx.actor
        self._set_busy(True)
        self.test_result.set_message(tr("Testing… asking OpenDental for one appointment."),
                                     kind="info")

        def done(result) -> None:
            self._set_busy(False)
            code = (f"HTTP {result.status_code}" if result.status_code
                    else tr("no HTTP answer"))
            detail = ("" if code in result.message
                      else "\n" + tr("({code}, after {ms} ms)").format(
                          code=code, ms=digits(str(result.elapsed_ms))))
            self.test_result.set_message(f"{result.message}{detail}",
                                         kind="success" if result.ok else "error")
            self.refresh(select=cid, show_form=False)
            self.tested.emit(result)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.test_result.set_message(message_for(exc), kind="error")
            self.failed.emit(message_for(exc))

        self.ctx.ops.mutate(lambda: svc.test_connection(actor, cid), on_done=done,
                            on_failure=failed, owner=self, pool="net")

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.set_message(message_for(exc), kind="error")
        self.failed.emit(message_for(exc))

    def _on_changes(self, changes: Changes) -> None:
        """Another workstation (or the sync) changed a connection: reload the table, keeping
        what is typed in the form unless the shown connection changed."""
        if changes.touches("opendental_connections") and not self._busy:
            self.refresh(show_form=False)

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, tr("Remove connection"), question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    sys.exit(run_preview(OpenDentalPage, title=tr("OpenDental connections")))
