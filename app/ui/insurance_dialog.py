"""Add Insurance (seed 004 §2 self-pay → "Add Insurance", §11): the patient's primary policy
from the card they hand over.

Opened from the copay dialog's "No Insurance on File" panel. The hospital's payers load on a
worker thread when the dialog opens; the amounts and the copay % are sent as typed and the
service parses them, so every problem comes back at once, each shown on its field. Save stores
the policy (not yet verified) through ``insurance.add_primary``; the copay dialog then
re-quotes with the insurer and, when DHA is set up, verifies the new policy.

Texts in the user's language (tr()); the service's problems per field are messages, rendered
with app/ui/i18n.render. Amounts are typed in Western digits.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import NetworkTier
from app.domain.errors import DomainError
from app.services.insurance import NewPolicy
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for, show_error
from app.ui.i18n import N_, tr
from app.ui.widgets.banner import FIELD_ERROR_CSS, Banner

NETWORKS = ((NetworkTier.IN_NETWORK, N_("In network")),
            (NetworkTier.OUT_OF_NETWORK, N_("Out of network")))


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class AddInsuranceDialog(QDialog):
    """Add a patient's primary insurance policy."""

    payers_loaded = Signal(int)
    """payers_loaded(count) — the payer list is filled (0: none set up, Save stays off)."""

    insurance_added = Signal(object)
    """insurance_added(result: PolicyAdded) — the policy is stored; the changes are published."""

    error_shown = Signal(str)
    """error_shown(message) — saving was refused; the message is in the dialog."""

    def __init__(self, ctx: AppContext, patient_id: int, patient_name: str, mrn: str, *,
                 appointment_id: int | None = None, visit_date: dt.date | None = None,
                 parent: QWidget | None = None, simulated: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id = patient_id
        self.appointment_id = appointment_id
        self._payer_defaults: dict[int, Any] = {}
        self.setWindowTitle(tr("Add insurance"))
        self.setMinimumWidth(560)

        who = QLabel(tr("Primary insurance for <b>{name}</b> · {mrn}").format(
            name=html.escape(patient_name), mrn=html.escape(mrn)))
        who.setTextFormat(Qt.TextFormat.RichText)
        self.payer = QComboBox()
        self.payer.addItem(tr("Loading payers…"), None)
        self.payer.setEnabled(False)
        self.payer.currentIndexChanged.connect(self._payer_chosen)
        self.plan = QLineEdit(placeholderText=tr("Optional, e.g. Enhanced"))
        self.policy_number = QLineEdit(placeholderText=tr("As printed on the card"))
        self.member_id = QLineEdit(placeholderText=tr("Optional"))
        self.plan.setMaxLength(200)
        self.policy_number.setMaxLength(60)
        self.member_id.setMaxLength(60)
        self.network = QComboBox()
        for tier, label in NETWORKS:
            self.network.addItem(tr(label), tier)
        # A new card starts by the day of the visit at the latest: that day, and a year's cover.
        start = (QDate(visit_date.year, visit_date.month, visit_date.day) if visit_date
                 else QDate.currentDate())
        self.effective = QDateEdit(start)
        self.expiry = QDateEdit(start.addYears(1).addDays(-1))
        for edit in (self.effective, self.expiry):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")  # Western digits, day first: as i18n.date_text
            edit.setMinimumWidth(150)
        self.copay_pct = QLineEdit(placeholderText=tr("Payer's rules"))
        self.copay_cap = QLineEdit(placeholderText=tr("Optional"))
        self.deductible = QLineEdit(placeholderText=tr("Optional"))
        self.copay_max = QLineEdit(placeholderText=tr("Optional"))

        # field name (the service's) -> widget, label
        self.fields: dict[str, tuple[QWidget, str]] = {
            "payer_id": (self.payer, tr("&Payer")),
            "plan_name": (self.plan, tr("P&lan")),
            "policy_number": (self.policy_number, tr("Polic&y number")),
            "member_id": (self.member_id, tr("&Member / card ID")),
            "network_tier": (self.network, tr("&Network")),
            "effective_date": (self.effective, tr("E&ffective date")),
            "expiry_date": (self.expiry, tr("E&xpiry date")),
            "copay_pct": (self.copay_pct, tr("&Copay %")),
            "copay_cap_per_visit": (self.copay_cap, tr("Copay cap per &visit (AED)")),
            "annual_deductible": (self.deductible, tr("Annual &deductible (AED)")),
            "annual_copay_max": (self.copay_max, tr("Annual copay max&imum (AED)")),
        }
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        short = (self.copay_pct, self.copay_cap, self.deductible, self.copay_max)
        for name, (widget, label) in self.fields.items():
            required = name in ("payer_id", "policy_number", "effective_date")
            text = QLabel(label + (" *" if required else ""))
            text.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", ""))
            if widget in short:
                widget.setMaximumWidth(180)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, w=widget: w.setStyleSheet(""))
            form.addRow(text, widget)
        text = tr("* required. Saved as unverified until DHA or an administrator verifies it.")
        if simulated:  # the clinic runs the DHA simulator (MOCK mode): say what that means
            text = tr("* required. Saved as unverified. This clinic checks eligibility with the "
                      "DHA simulator: its answer is stored as SIMULATED, never as a DHA "
                      "verification.")
        self.note = note = QLabel(text)
        note.setWordWrap(True)
        note.setObjectName("Status")

        self.error = Banner(kind="error")
        self.error.setAccessibleName(tr("Error"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("&Add Insurance"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)  # until the payers are there
        self.save_button.setToolTip(tr("Save this policy as the patient's primary insurance "
                                       "(Enter)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        cancel.setToolTip(tr("Close without adding anything (Esc)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.payer.setFocus()
        self.load_payers()

    # ----------------------------------------------------------------------------- payers
    def load_payers(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.insurance.payers(actor), on_success=self._fill_payers,
                         on_failure=self._payers_failed, owner=self)

    def _fill_payers(self, payers: list[Any]) -> None:
        self.payer.clear()
        self._payer_defaults = {p.payer_id: p.default_copay_pct for p in payers}
        if not payers:
            self.payer.addItem(tr("No payers set up"), None)
            self.error.set_message(tr("No insurance payers are set up at this hospital; an "
                                      "administrator adds them first."), kind="error")
        else:
            self.payer.addItem(tr("Choose the payer…"), None)
            for p in payers:
                self.payer.addItem(f"{p.name} ({p.code})", p.payer_id)
            self.payer.setEnabled(True)
            self.save_button.setEnabled(True)
        self.payer.setFocus()
        self.payers_loaded.emit(len(payers))

    def _payers_failed(self, exc: BaseException) -> None:
        self.payer.clear()
        self.payer.addItem(tr("Payers could not be loaded"), None)
        self.error.set_message(message_for(exc), kind="error")
        if not isinstance(exc, DomainError):
            show_error(self, exc)
        self.payers_loaded.emit(0)

    def _payer_chosen(self, _index: int) -> None:
        self.payer.setStyleSheet("")
        default = self._payer_defaults.get(self.payer.currentData())
        self.copay_pct.setPlaceholderText(
            tr("Payer default {percent}%").format(
                percent=i18n.digits(format(default.normalize(), "f")))
            if default is not None else tr("Payer's rules"))

    def select_payer(self, payer_id: int) -> None:
        self.payer.setCurrentIndex(self.payer.findData(payer_id))

    # ------------------------------------------------------------------------------- save
    def policy(self) -> NewPolicy:
        """What is typed, as the service takes it (text parsed there, not here)."""
        return NewPolicy(
            payer_id=self.payer.currentData(), policy_number=self.policy_number.text(),
            plan_name=self.plan.text(), member_id=self.member_id.text(),
            network_tier=self.network.currentData(),
            effective_date=_to_date(self.effective.date()),
            expiry_date=_to_date(self.expiry.date()), copay_pct=self.copay_pct.text(),
            copay_cap_per_visit=self.copay_cap.text(), annual_deductible=self.deductible.text(),
            annual_copay_max=self.copay_max.text())

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # loading payers, or saving
        for widget, _label in self.fields.values():
            widget.setStyleSheet("")
            widget.setToolTip("")
        self.error.clear_message()
        policy = self.policy()
        services, actor = self.ctx.services, self.ctx.actor
        patient_id, appointment_id = self.patient_id, self.appointment_id
        self._set_busy(True)
        self.ctx.ops.mutate(
            lambda: services.insurance.add_primary(actor, patient_id, policy,
                                                   appointment_id=appointment_id),
            on_done=self._saved, on_failure=self._failed, owner=self)

    def _saved(self, result: Any) -> None:
        self._set_busy(False)
        self.insurance_added.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = message_for(exc)
        self.error.set_message(text, kind="error")
        if not isinstance(exc, DomainError):
            show_error(self, exc)
        first = None
        for name, problem in dict(getattr(exc, "details", {}).get("fields") or {}).items():
            widget = self.fields.get(name, (None, ""))[0]
            if widget is not None:
                widget.setStyleSheet(FIELD_ERROR_CSS)
                widget.setToolTip(i18n.render(problem))
                first = first or widget
        if first is not None:
            first.setFocus()
        self.error_shown.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(tr("Saving…") if busy else tr("&Add Insurance"))
        for widget, _label in self.fields.values():
            widget.setEnabled(not busy)
