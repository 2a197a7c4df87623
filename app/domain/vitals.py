"""Vital signs a nurse records: the value, and the plausible ranges it is checked against.

The ranges are the database's CHECK constraints on ``vitals`` (the backstop); checking here
first gives the nurse a sentence naming the value and the range instead of a SQL error.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.errors import ValidationError
from app.domain.messages import Msg, joined, messages

M = messages(__name__)

_TENTH = Decimal("0.1")
_ABSURD = Decimal(100_000)


@dataclass(frozen=True)
class VitalsInput:
    """Every field optional; at least one must be given. Decimals for the measured values
    that have a decimal place (the database keeps one)."""

    bp_systolic: int | None = None
    bp_diastolic: int | None = None
    heart_rate: int | None = None
    temperature_c: Decimal | None = None
    spo2: int | None = None
    weight_kg: Decimal | None = None
    height_cm: Decimal | None = None

    def as_dict(self) -> dict[str, int | Decimal | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class _Range:
    label: Msg
    unit: str
    low: Decimal
    high: Decimal
    exclusive: bool  # weight and height: strictly between (0 kg is not a weight)
    integer: bool


_RANGES: dict[str, _Range] = {
    "bp_systolic": _Range(M("label_systolic", "Systolic blood pressure"), "mmHg", Decimal(50), Decimal(260), False, True),
    "bp_diastolic": _Range(M("label_diastolic", "Diastolic blood pressure"), "mmHg", Decimal(30), Decimal(160), False,
                           True),
    "heart_rate": _Range(M("label_heart_rate", "Heart rate"), "bpm", Decimal(20), Decimal(250), False, True),
    "temperature_c": _Range(M("label_temperature", "Temperature"), "°C", Decimal(30), Decimal(45), False, False),
    "spo2": _Range(M("label_spo2", "SpO2"), "%", Decimal(50), Decimal(100), False, True),
    "weight_kg": _Range(M("label_weight", "Weight"), "kg", Decimal(0), Decimal(400), True, False),
    "height_cm": _Range(M("label_height", "Height"), "cm", Decimal(20), Decimal(260), True, False),
}


def _number(value: object, r: _Range) -> Decimal:
    if isinstance(value, bool):
        raise ValidationError(M("label_number", "{label} must be a number.", label=r.label))
    try:
        # float -> str first, so 36.6 stays 36.6 rather than 36.6000000000000014...
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(M("label_number_3", "{label} must be a number.",
                                label=r.label)) from None
    if not number.is_finite():
        raise ValidationError(M("label_number_2", "{label} must be a number.", label=r.label))
    if abs(number) > _ABSURD:
        # Rounding 1e27 to one decimal overflows Decimal's context; no vital is near this.
        span = _unit(f"{_fmt(r.low)}–{_fmt(r.high)}", r.unit)
        raise ValidationError(M("label_within_span", "{label} must be within {span}.",
                                label=r.label, span=span))
    return number


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _unit(text: str, unit: str) -> str:
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def validate_vitals(v: VitalsInput) -> VitalsInput:
    """Return the vitals normalised (ints as int, decimals to one place), or raise one
    ValidationError listing every value out of range."""
    problems: list[Msg] = []
    clean: dict[str, int | Decimal | None] = {}
    for name, value in v.as_dict().items():
        if value is None or (isinstance(value, str) and not value.strip()):
            clean[name] = None
            continue
        r = _RANGES[name]
        try:
            number = _number(value, r)
        except ValidationError as exc:
            problems.append(exc.msg)
            continue
        if r.integer and number != number.to_integral_value():
            problems.append(M("whole_number", "{label} must be a whole number ({unit}).",
                              label=r.label, unit=r.unit))
            continue
        if not r.integer:
            # Round first (the column keeps one decimal), so 45.05 is judged as the 45.1 stored.
            number = number.quantize(_TENTH, rounding=ROUND_HALF_UP)
        shown = _unit(_fmt(number) if r.integer else str(number), r.unit)
        if r.exclusive and not (r.low < number < r.high):
            problems.append(M("between_exclusive", "{label} {shown} must be more than {low} and "
                              "less than {high}.", label=r.label, shown=shown, low=_fmt(r.low),
                              high=_unit(_fmt(r.high), r.unit)))
            continue
        if not r.exclusive and not (r.low <= number <= r.high):
            span = _unit(f"{_fmt(r.low)}–{_fmt(r.high)}", r.unit)
            problems.append(M("outside", "{label} {shown} is outside {span}.", label=r.label,
                              shown=shown, span=span))
            continue
        clean[name] = int(number) if r.integer else number
    if not problems and all(x is None for x in clean.values()):
        problems.append(M("enter_one", "Enter at least one vital sign."))
    sys_, dia = clean.get("bp_systolic"), clean.get("bp_diastolic")
    if not problems and (sys_ is None) != (dia is None):
        problems.append(M("enter_both_bp", "Enter both blood pressure values (systolic and "
                          "diastolic), or neither."))
    if not problems and sys_ is not None and dia is not None and dia >= sys_:
        problems.append(M("diastolic_lower", "Diastolic pressure {diastolic} must be lower than "
                          "systolic {systolic} mmHg.", diastolic=dia, systolic=sys_))
    if problems:
        raise ValidationError(joined(problems), problems=[str(p) for p in problems])
    return VitalsInput(**clean)  # type: ignore[arg-type]
