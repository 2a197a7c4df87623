"""Record Vitals: blood pressure, heart rate, temperature, SpO2, weight and height.

Values are checked with the pure validator (app/domain/vitals.py) before anything is sent,
so the nurse sees every out-of-range value at once, next to its field; the service checks
them again. Whatever was typed stays in the fields after an error.

The validator's problems are messages (or, from older code, English sentences): each is put
next to its field by the words of its English text and shown in the user's language.
"""

from __future__ import annotations

import html
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, ValidationError
from app.domain.messages import Msg, messages
from app.domain.vitals import VitalsInput, validate_vitals
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import message_for, show_error
from app.ui.i18n import N_, tr
from app.ui.widgets.banner import FIELD_ERROR_CSS, Banner

# field name, label, unit, placeholder (the accepted range), integer? — labels, units and
# placeholders are English source texts, shown with tr().
FIELDS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("bp_systolic", N_("BP systolic"), N_("mmHg"), "50–260", True),
    ("bp_diastolic", N_("BP diastolic"), N_("mmHg"), "30–160", True),
    ("heart_rate", N_("Heart rate"), N_("bpm"), "20–250", True),
    ("temperature_c", N_("Temperature"), "°C", "30.0–45.0", False),
    ("spo2", N_("SpO2"), "%", "50–100", True),
    ("weight_kg", N_("Weight"), N_("kg"), N_("e.g. 72.5"), False),
    ("height_cm", N_("Height"), N_("cm"), N_("e.g. 168"), False),
)

M = messages(__name__)
# A nurse may type Arabic-Indic digits on an Arabic keyboard: read them as digits.
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")


def _directed(html_text: str) -> str:
    """Rich text laid out in the interface's direction, whatever script it starts with."""
    return f"<div dir='rtl'>{html_text}</div>" if i18n.is_rtl() else html_text


def _not_a_number(label: str, unit: str) -> Msg:
    """"Heart rate must be a number (bpm)." — the label and unit translated when shown."""
    # The label and unit are N_ source texts: as messages of their own they are translated
    # when the sentence is rendered.
    return M("not_a_number", "{field} must be a number ({unit}).",
             field=Msg(f"{__name__}.label", label), unit=Msg(f"{__name__}.unit", unit))


# Words the validator uses for each field, to put each sentence next to its field.
_PROBLEM_WORDS = {
    "bp_systolic": ("Systolic", "systolic", "blood pressure values"),
    "bp_diastolic": ("Diastolic", "diastolic", "blood pressure values"),
    "heart_rate": ("Heart rate",),
    "temperature_c": ("Temperature",),
    "spo2": ("SpO2",),
    "weight_kg": ("Weight",),
    "height_cm": ("Height",),
}


class VitalsDialog(QDialog):
    """Vitals for one checked-in (or in-consultation) appointment."""

    vitals_recorded = Signal(int)
    """vitals_recorded(appointment_id) — saved; the queue row is redrawn from the bus."""

    def __init__(self, ctx: AppContext, row: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.appointment_id: int = row.appointment_id
        self.setWindowTitle(tr("Record Vitals"))
        self.setMinimumWidth(520)

        who = QLabel(tr("<b>{name}</b> · {mrn}<br>Token {token} · {doctor} · {department}").format(
            name=html.escape(row.patient_name), mrn=html.escape(row.mrn),
            token=html.escape(row.token_label or "—"), doctor=html.escape(row.doctor_name),
            department=html.escape(row.department_name)))
        # Rich text takes its direction from its first letters (a Latin name): say it.
        who.setText(_directed(who.text()))
        who.setTextFormat(Qt.TextFormat.RichText)
        self.inputs: dict[str, QLineEdit] = {}
        self.field_errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        r = 0
        for name, label, unit, placeholder, _integer in FIELDS:
            edit = QLineEdit(placeholderText=tr(placeholder))
            edit.setAccessibleName(tr(label))
            edit.setMaximumWidth(140)
            edit.textEdited.connect(lambda _t, n=name: self._clear_field(n))
            err = QLabel("", objectName="Error")
            err.setWordWrap(True)
            err.hide()
            grid.addWidget(QLabel(tr(label)), r, 0)
            grid.addWidget(edit, r, 1)
            grid.addWidget(QLabel(tr(unit)), r, 2)
            grid.addWidget(err, r + 1, 1, 1, 2)
            self.inputs[name] = edit
            self.field_errors[name] = err
            r += 2
        self.error = Banner(kind="error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.inputs["bp_systolic"].setFocus()

    # ----------------------------------------------------------------------------------
    def set_values(self, **values: object) -> None:
        for name, value in values.items():
            self.inputs[name].setText("" if value is None else str(value))

    def read_input(self) -> tuple[VitalsInput, list[str]]:
        """What was typed, as numbers, and a sentence for each field that is not a number
        (those fields are left out, so the others are still range-checked)."""
        values: dict[str, object] = {}
        problems: list[Msg] = []
        for name, label, unit, _p, integer in FIELDS:
            text = self.inputs[name].text().strip().replace(",", ".")
            text = text.translate(_ARABIC_DIGITS)
            if not text:
                continue
            try:
                number = Decimal(text)
            except InvalidOperation:
                problems.append(_not_a_number(label, unit))
                continue
            if not number.is_finite():
                problems.append(_not_a_number(label, unit))
                continue
            values[name] = int(number) if integer and number == number.to_integral_value() \
                else number
        return VitalsInput(**values), problems  # type: ignore[arg-type]

    def checked_input(self) -> VitalsInput:
        """The vitals, validated; ValidationError lists every problem at once."""
        vitals, problems = self.read_input()
        try:
            clean = validate_vitals(vitals)
        except ValidationError as exc:
            more = list(exc.details.get("problems") or [exc.msg])
            if problems and [str(m) for m in more] == ["Enter at least one vital sign."]:
                more = []
            problems += more
        if problems:
            # English for logs and tests (exc.message); each problem rendered where shown.
            raise ValidationError(" ".join(str(p) for p in problems), problems=problems)
        return clean

    def save(self) -> None:
        self._clear_errors()
        try:
            vitals = self.checked_input()
        except ValidationError as exc:
            self._show_problems(exc)
            return
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment_id
        self._set_busy(True)
        self.ctx.ops.mutate(lambda: services.queue.record_vitals(actor, appointment_id, vitals),
                            on_done=self._saved, on_failure=self._failed, owner=self)

    def _saved(self, _result: Any) -> None:
        self._set_busy(False)
        self.vitals_recorded.emit(self.appointment_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self._show_problems(exc)
        elif isinstance(exc, DomainError):
            self.error.set_message(message_for(exc), kind="error")
        else:
            self.error.set_message(message_for(exc), kind="error")
            show_error(self, exc)

    # ----------------------------------------------------------------------------------
    def _show_problems(self, exc: ValidationError) -> None:
        problems = list(exc.details.get("problems") or [exc.msg])
        for name, words in _PROBLEM_WORDS.items():
            # matched on the English text, whatever the language shown
            mine = [p for p in problems if any(w in str(p) for w in words)]
            if mine:
                self.field_errors[name].setText(" ".join(i18n.render(p) for p in mine))
                self.field_errors[name].show()
                self.inputs[name].setStyleSheet(FIELD_ERROR_CSS)
        self.error.set_message(" ".join(i18n.render(p) for p in problems), kind="error")
        self.adjustSize()
        first = next((n for n, _l, _u, _p, _i in FIELDS if self.field_errors[n].isVisible()),
                     None)
        if first:
            self.inputs[first].setFocus()

    def _clear_field(self, name: str) -> None:
        self.inputs[name].setStyleSheet("")
        self.field_errors[name].hide()

    def _clear_errors(self) -> None:
        for name in self.inputs:
            self._clear_field(name)
        self.error.clear_message()

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(tr("Saving…") if busy else tr("Save"))
        for edit in self.inputs.values():
            edit.setReadOnly(busy)


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    def _build(ctx: AppContext) -> QWidget:
        rows = ctx.services.queue.day(ctx.actor)
        live = [r for r in rows if r.status.value in ("CHECKED_IN", "IN_CONSULTATION")]
        if not live:
            raise SystemExit("No checked-in patient today in the demo data.")  # console
        return VitalsDialog(ctx, live[0])

    sys.exit(run_preview(_build, title=tr("Record Vitals")))
