"""OpenDental's JSON wire format: PascalCase dataclasses parsed strictly, and written back.

Rules (apis.md §1.1, what is assumed is marked so):
- Field names are OpenDental's (PascalCase = database columns; lower-camel = derived text such
  as ``provAbbr``). Each class lists its fields once in ``FIELDS`` as
  ``(wire name, attribute, converter, required)``; the attribute is the snake_case name.
- Unknown fields are ignored (OpenDental adds fields between versions); a missing *required*
  field, or a value of the wrong shape, raises :class:`MalformedResponse` naming
  ``Class.WireField`` and the value. Missing optional fields take the empty value
  (0 for numbers and foreign keys, "" for text, None for dates, money and booleans).
- Booleans are the strings "true"/"false" (some fields "True"/"False"); JSON true/false are
  accepted too; anything else ("yes", 1) is refused.
- Money is a JSON number or a string ("300", "339.5"); both become ``Decimal`` quantised to
  0.01 ROUND_HALF_UP. The client decodes JSON numbers straight to Decimal (never float).
- Dates are "yyyy-MM-dd", date-times "yyyy-MM-dd HH:mm:ss" (naive, in the office's time zone);
  "0001-01-01" and "0001-01-01 00:00:00" mean empty -> None.
- Integers are JSON integers, or strings of digits (seen for DefNum-like fields).
- Enums: ``AptStatus`` and ``ClaimStatus`` drive the sync, so an unknown code is refused
  (MalformedResponse naming it) rather than guessed. Descriptive codes (ClaimProc ``Status``,
  ``ClaimType``, ``Relationship``, ``BenefitType``, ``ProcStatus``...) are kept raw as text;
  the services decide what they mean.
- ``-1`` in Benefit ``Percent``/``MonetaryAmt`` means "not set" -> None (ELVA; UNCONFIRMED).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, ClassVar, TypeVar

from app.domain.messages import messages
from app.integrations.opendental.errors import MalformedResponse

M = messages(__name__)

CENT = Decimal("0.01")
EMPTY_DATE = "0001-01-01"
EMPTY_DATETIME = "0001-01-01 00:00:00"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


class AptStatus(enum.StrEnum):
    SCHEDULED = "Scheduled"
    COMPLETE = "Complete"
    UNSCHED_LIST = "UnschedList"
    ASAP = "ASAP"
    BROKEN = "Broken"
    PLANNED = "Planned"
    PT_NOTE = "PtNote"
    PT_NOTE_COMPLETED = "PtNoteCompleted"


class ClaimStatus(enum.StrEnum):
    UNSENT = "U"
    HOLD_UNTIL_PRI_RECEIVED = "H"
    WAITING_TO_SEND = "W"
    SENT = "S"
    RECEIVED = "R"
    HOLD_FOR_IN_PROCESS = "I"


# ---- converters: parse(value) -> python, raising ValueError with the reason; dump(python) -> json


class Conv:
    """One wire shape. ``empty`` is what a missing optional field becomes."""

    empty: Any = None

    def parse(self, value: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def dump(self, value: Any) -> Any:
        return value


class _Int(Conv):
    empty = 0

    def parse(self, value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError("expected an integer, got a boolean")
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.lstrip("-").isdigit():
            return int(value)
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return int(value)
        raise ValueError("expected an integer")


class _Str(Conv):
    empty = ""

    def parse(self, value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError("expected text")
        return value


class _Bool(Conv):
    """String booleans; ``capital`` writes "True"/"False" (claim IsOrtho) instead of lowercase."""

    def __init__(self, capital: bool = False) -> None:
        self.capital = capital

    def parse(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if value in ("true", "True"):
            return True
        if value in ("false", "False"):
            return False
        raise ValueError('expected "true" or "false"')

    def dump(self, value: bool | None) -> str | None:
        if value is None:
            return None
        text = "true" if value else "false"
        return text.capitalize() if self.capital else text


class _Money(Conv):
    """Number or string -> Decimal(0.01). ``as_text`` writes a string (CheckAmt, PayAmt)."""

    def __init__(self, as_text: bool = False, minus_one_is_empty: bool = False) -> None:
        self.as_text = as_text
        self.minus_one_is_empty = minus_one_is_empty

    def parse(self, value: Any) -> Decimal | None:
        if isinstance(value, bool) or value is None:
            raise ValueError("expected an amount")
        if isinstance(value, float):
            value = repr(value)
        if isinstance(value, str):
            value = value.strip()
            if not value:
                raise ValueError("expected an amount, got empty text")
        try:
            amount = Decimal(value)
        except (InvalidOperation, TypeError, ValueError):
            raise ValueError("expected an amount") from None
        if not amount.is_finite():
            raise ValueError("expected a finite amount")
        if self.minus_one_is_empty and amount == -1:
            return None
        return amount.quantize(CENT, rounding=ROUND_HALF_UP)

    def dump(self, value: Decimal | None) -> Any:
        if value is None:
            return "-1" if self.as_text and self.minus_one_is_empty else (
                -1 if self.minus_one_is_empty else None)
        return format(value, "f") if self.as_text else float(value)


class _Percent(Conv):
    """Benefit Percent: integer 0..100, -1 = not set -> None."""

    def parse(self, value: Any) -> int | None:
        number = INT.parse(value)
        if number == -1:
            return None
        if not 0 <= number <= 100:
            raise ValueError("expected a percentage 0..100 or -1")
        return number

    def dump(self, value: int | None) -> int:
        return -1 if value is None else value


class _Date(Conv):
    def parse(self, value: Any) -> dt.date | None:
        if not isinstance(value, str):
            raise ValueError("expected a date yyyy-MM-dd")
        if value in (EMPTY_DATE, EMPTY_DATETIME):
            return None
        if not _DATE_RE.match(value):
            raise ValueError("expected a date yyyy-MM-dd")
        return dt.date.fromisoformat(value)

    def dump(self, value: dt.date | None) -> str:
        return EMPTY_DATE if value is None else value.isoformat()


class _DateTime(Conv):
    def parse(self, value: Any) -> dt.datetime | None:
        if not isinstance(value, str):
            raise ValueError("expected a date-time yyyy-MM-dd HH:mm:ss")
        if value in (EMPTY_DATETIME, EMPTY_DATE):
            return None
        if not _DATETIME_RE.match(value):
            raise ValueError("expected a date-time yyyy-MM-dd HH:mm:ss")
        return dt.datetime.fromisoformat(value)  # the regex above keeps it strict; C-fast

    def dump(self, value: dt.datetime | None) -> str:
        if value is None:
            return EMPTY_DATETIME
        return value.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")


class _Enum(Conv):
    def __init__(self, enum_cls: type[enum.StrEnum]) -> None:
        self.enum_cls = enum_cls

    def parse(self, value: Any) -> enum.StrEnum:
        try:
            return self.enum_cls(value)
        except ValueError:
            known = ", ".join(m.value for m in self.enum_cls)
            raise ValueError(f"unknown code (known: {known})") from None

    def dump(self, value: enum.StrEnum) -> str:
        return value.value


INT, STR, BOOL, BOOL_CAP = _Int(), _Str(), _Bool(), _Bool(capital=True)
MONEY, MONEY_TEXT = _Money(), _Money(as_text=True)
MONEY_OR_UNSET, PERCENT = _Money(minus_one_is_empty=True), _Percent()
DATE, DATETIME = _Date(), _DateTime()


def parse_datetime(value: Any, *, field: str = "serverDateTime") -> dt.datetime | None:
    """A wire date-time (e.g. ``serverDateTime``); MalformedResponse naming ``field`` if bad."""
    try:
        return DATETIME.parse(value)
    except ValueError as exc:
        raise MalformedResponse(
            M("opendental_sent_field_exc", "OpenDental sent {field} = {value}: {exc}.",
              field=field, value=f"{value!r}", exc=exc), field=field) from None


def format_datetime(value: dt.datetime) -> str:
    return DATETIME.dump(value)


def format_date(value: dt.date) -> str:
    return DATE.dump(value)


# ---- the records


T = TypeVar("T", bound="WireRecord")


class WireRecord:
    """Base of every wire dataclass: ``from_wire`` (strict) and ``to_wire`` (for writes and
    the sandbox). ``KEY`` is the attribute holding the primary key."""

    FIELDS: ClassVar[tuple[tuple[str, str, Conv, bool], ...]]
    KEY: ClassVar[str]
    __slots__ = ()

    @classmethod
    def from_wire(cls: type[T], row: Any) -> T:
        if not isinstance(row, Mapping):
            raise MalformedResponse(M("opendental_sent_name_where", "OpenDental sent a {name} "
                                      "where a {expected} object was expected.",
                                      name=type(row).__name__, expected=cls.__name__), field=cls.__name__)
        return _codec(cls)[0](row)

    def to_wire(self) -> dict[str, Any]:
        return _codec(type(self))[1](self)

    @property
    def key(self) -> int:
        return getattr(self, self.KEY)

    @classmethod
    def wire_to_attr(cls) -> dict[str, tuple[str, Conv]]:
        cached = _ATTR_CACHE.get(cls)
        if cached is None:
            cached = _ATTR_CACHE[cls] = {w: (a, c) for w, a, c, _r in cls.FIELDS}
        return cached


_MISSING = object()
_ATTR_CACHE: dict[type, dict[str, tuple[str, Conv]]] = {}
_CODECS: dict[type, tuple[Callable[[Mapping[str, Any]], Any], Callable[[Any], dict]]] = {}
_FAST_TYPES: dict[type, type] = {_Int: int, _Str: str}  # values that pass through both ways


def _codec(cls: type) -> tuple[Callable[[Mapping[str, Any]], Any], Callable[[Any], dict]]:
    """(parse, dump) for a record class, generated once from its FIELDS.

    The generated code is the FIELDS loop unrolled: an int for an INT field or a str for a STR
    field passes straight through (most of a row), everything else goes to the field's
    converter; a missing or bad value raises MalformedResponse naming the field. Unrolling
    makes a 50k-row read about twice as fast as the loop (the same reason dataclasses
    generates ``__init__``)."""
    codec = _CODECS.get(cls)
    if codec is not None:
        return codec
    name = cls.__name__
    fields = cls.FIELDS

    def slow(index: int, raw: Any) -> Any:
        wire_name, _attr, conv, required = fields[index]
        if raw is _MISSING:
            if required:
                raise MalformedResponse(M("opendental_sent_name_without", "OpenDental sent a "
                                          "{name} without its {wire_name}.", name=name,
                                          wire_name=wire_name),
                                        field=f"{name}.{wire_name}")
            return conv.empty
        try:
            return conv.parse(raw)
        except ValueError as exc:
            raise MalformedResponse(M("opendental_sent_name_wire", "OpenDental sent "
                                      "{name}.{wire_name} = {raw}: {exc}.", name=name,
                                      wire_name=wire_name, raw=f"{raw!r}", exc=exc),
                                    field=f"{name}.{wire_name}") from None

    namespace: dict[str, Any] = {"cls": cls, "M": _MISSING, "slow": slow}
    parse_args, dump_lines = [], ["def dump(self):", "    out = {}"]
    for i, (wire_name, attr, conv, _required) in enumerate(fields):
        fast = _FAST_TYPES.get(type(conv))
        namespace[f"d{i}"] = conv.dump
        get = f"get({wire_name!r}, M)"
        if fast is not None:
            namespace[f"t{i}"] = fast
            parse_args.append(f"{attr}=(v if type(v := {get}) is t{i} else slow({i}, v))")
            dump_lines += [f"    v = self.{attr}",
                           f"    if type(v) is not t{i}:",
                           f"        v = d{i}(v)",
                           f"    if v is not None: out[{wire_name!r}] = v"]
        else:
            parse_args.append(f"{attr}=slow({i}, {get})")
            dump_lines += [f"    v = d{i}(self.{attr})",
                           f"    if v is not None: out[{wire_name!r}] = v"]
    source = ("def parse(row):\n    get = row.get\n    return cls(\n        "
              + ",\n        ".join(parse_args) + ")\n" + "\n".join(dump_lines)
              + "\n    return out\n")
    exec(compile(source, f"<wire codec {name}>", "exec"), namespace)  # noqa: S102 - our own text
    codec = _CODECS[cls] = (namespace["parse"], namespace["dump"])
    return codec


def _f(wire_name: str, conv: Conv, required: bool = False, attr: str | None = None
       ) -> tuple[str, str, Conv, bool]:
    return (wire_name, attr or snake(wire_name), conv, required)


def snake(wire_name: str) -> str:
    """PascalCase/lowerCamel wire name -> snake_case attribute (DateTStamp -> date_t_stamp)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", wire_name).lower()


@dataclass(frozen=True, slots=True)
class Patient(WireRecord):
    pat_num: int
    l_name: str
    f_name: str
    middle_i: str
    preferred: str
    pat_status: str
    gender: str
    birthdate: dt.date | None
    hm_phone: str
    wireless_phone: str
    email: str
    chart_number: str
    clinic_num: int
    pri_prov: int
    date_t_stamp: dt.datetime | None
    KEY: ClassVar[str] = "pat_num"
    FIELDS: ClassVar = (
        _f("PatNum", INT, True), _f("LName", STR), _f("FName", STR), _f("MiddleI", STR),
        _f("Preferred", STR), _f("PatStatus", STR), _f("Gender", STR), _f("Birthdate", DATE),
        _f("HmPhone", STR), _f("WirelessPhone", STR), _f("Email", STR),
        _f("ChartNumber", STR), _f("ClinicNum", INT), _f("PriProv", INT),
        _f("DateTStamp", DATETIME),
    )


@dataclass(frozen=True, slots=True)
class Appointment(WireRecord):
    apt_num: int
    pat_num: int
    apt_status: AptStatus
    apt_date_time: dt.datetime | None
    pattern: str
    confirmed: int
    op: int
    note: str
    prov_num: int
    prov_abbr: str
    prov_hyg: int
    is_new_patient: bool | None
    proc_descript: str
    clinic_num: int
    is_hygiene: bool | None
    date_t_stamp: dt.datetime | None
    date_time_arrived: dt.datetime | None
    date_time_seated: dt.datetime | None
    date_time_dismissed: dt.datetime | None
    ins_plan1: int
    ins_plan2: int
    appointment_type_num: int
    sec_date_t_entry: dt.datetime | None
    priority: str
    KEY: ClassVar[str] = "apt_num"
    FIELDS: ClassVar = (
        _f("AptNum", INT, True), _f("PatNum", INT, True),
        _f("AptStatus", _Enum(AptStatus), True), _f("AptDateTime", DATETIME, True),
        _f("Pattern", STR), _f("Confirmed", INT), _f("Op", INT), _f("Note", STR),
        _f("ProvNum", INT), _f("provAbbr", STR), _f("ProvHyg", INT),
        _f("IsNewPatient", BOOL), _f("ProcDescript", STR), _f("ClinicNum", INT),
        _f("IsHygiene", BOOL), _f("DateTStamp", DATETIME),
        _f("DateTimeArrived", DATETIME), _f("DateTimeSeated", DATETIME),
        _f("DateTimeDismissed", DATETIME), _f("InsPlan1", INT, attr="ins_plan1"),
        _f("InsPlan2", INT, attr="ins_plan2"), _f("AppointmentTypeNum", INT),
        _f("SecDateTEntry", DATETIME), _f("Priority", STR),
    )

    @property
    def duration_minutes(self) -> int:
        """One Pattern character per 5 minutes (apis.md §1.3)."""
        return len(self.pattern) * 5


@dataclass(frozen=True, slots=True)
class ProcedureLog(WireRecord):
    proc_num: int
    pat_num: int
    apt_num: int
    proc_date: dt.date | None
    proc_fee: Decimal | None
    proc_status: str
    code_num: int
    proc_code: str
    descript: str
    tooth_num: str
    surf: str
    prov_num: int
    clinic_num: int
    date_t_stamp: dt.datetime | None
    KEY: ClassVar[str] = "proc_num"
    FIELDS: ClassVar = (
        _f("ProcNum", INT, True), _f("PatNum", INT, True), _f("AptNum", INT),
        _f("ProcDate", DATE), _f("ProcFee", MONEY), _f("ProcStatus", STR),
        _f("CodeNum", INT), _f("procCode", STR), _f("descript", STR), _f("ToothNum", STR),
        _f("Surf", STR), _f("ProvNum", INT), _f("ClinicNum", INT), _f("DateTStamp", DATETIME),
    )


@dataclass(frozen=True, slots=True)
class PatPlan(WireRecord):
    pat_plan_num: int
    pat_num: int
    ordinal: int
    is_pending: bool | None
    relationship: str
    pat_id: str
    ins_sub_num: int
    sec_date_t_edit: dt.datetime | None
    KEY: ClassVar[str] = "pat_plan_num"
    FIELDS: ClassVar = (
        _f("PatPlanNum", INT, True), _f("PatNum", INT, True), _f("Ordinal", INT),
        _f("IsPending", BOOL), _f("Relationship", STR), _f("PatID", STR, attr="pat_id"),
        _f("InsSubNum", INT, True), _f("SecDateTEdit", DATETIME),
    )


@dataclass(frozen=True, slots=True)
class InsSub(WireRecord):
    ins_sub_num: int
    plan_num: int
    subscriber: int
    date_effective: dt.date | None
    date_term: dt.date | None
    subscriber_id: str
    benefit_notes: str
    release_info: bool | None
    assign_ben: bool | None
    subsc_note: str
    sec_date_t_edit: dt.datetime | None
    KEY: ClassVar[str] = "ins_sub_num"
    FIELDS: ClassVar = (
        _f("InsSubNum", INT, True), _f("PlanNum", INT, True), _f("Subscriber", INT, True),
        _f("DateEffective", DATE), _f("DateTerm", DATE),
        _f("SubscriberID", STR, attr="subscriber_id"), _f("BenefitNotes", STR),
        _f("ReleaseInfo", BOOL), _f("AssignBen", BOOL), _f("SubscNote", STR),
        _f("SecDateTEdit", DATETIME),
    )

    def covers(self, day: dt.date) -> bool:
        """Effective on ``day``: DateEffective empty or <= day, DateTerm empty or >= day."""
        return ((self.date_effective is None or self.date_effective <= day)
                and (self.date_term is None or day <= self.date_term))


@dataclass(frozen=True, slots=True)
class InsPlan(WireRecord):
    plan_num: int
    carrier_num: int
    group_name: str
    group_num: str
    plan_type: str
    month_renew: int
    fee_sched: int
    plan_note: str
    is_medical: bool | None
    sec_date_t_edit: dt.datetime | None
    KEY: ClassVar[str] = "plan_num"
    FIELDS: ClassVar = (
        _f("PlanNum", INT, True), _f("CarrierNum", INT, True), _f("GroupName", STR),
        _f("GroupNum", STR), _f("PlanType", STR), _f("MonthRenew", INT), _f("FeeSched", INT),
        _f("PlanNote", STR), _f("IsMedical", BOOL), _f("SecDateTEdit", DATETIME),
    )


@dataclass(frozen=True, slots=True)
class Carrier(WireRecord):
    carrier_num: int
    carrier_name: str
    address: str
    city: str
    phone: str
    elect_id: str
    sec_date_t_edit: dt.datetime | None
    KEY: ClassVar[str] = "carrier_num"
    FIELDS: ClassVar = (
        _f("CarrierNum", INT, True), _f("CarrierName", STR, True), _f("Address", STR),
        _f("City", STR), _f("Phone", STR), _f("ElectID", STR, attr="elect_id"),
        _f("SecDateTEdit", DATETIME),
    )


@dataclass(frozen=True, slots=True)
class Benefit(WireRecord):
    benefit_num: int
    plan_num: int
    pat_plan_num: int
    cov_cat_num: int
    benefit_type: str
    percent: int | None
    monetary_amt: Decimal | None
    time_period: str
    quantity_qualifier: str
    quantity: int
    code_num: int
    coverage_level: str
    KEY: ClassVar[str] = "benefit_num"
    FIELDS: ClassVar = (
        _f("BenefitNum", INT, True), _f("PlanNum", INT), _f("PatPlanNum", INT),
        _f("CovCatNum", INT), _f("BenefitType", STR, True), _f("Percent", PERCENT),
        _f("MonetaryAmt", MONEY_OR_UNSET), _f("TimePeriod", STR),
        _f("QuantityQualifier", STR), _f("Quantity", INT), _f("CodeNum", INT),
        _f("CoverageLevel", STR),
    )


@dataclass(frozen=True, slots=True)
class Claim(WireRecord):
    claim_num: int
    pat_num: int
    claim_status: ClaimStatus
    claim_type: str
    date_service: dt.date | None
    date_sent: dt.date | None
    date_received: dt.date | None
    plan_num: int
    ins_sub_num: int
    plan_num2: int
    ins_sub_num2: int
    prov_treat: int
    clinic_num: int
    claim_fee: Decimal | None
    ins_pay_est: Decimal | None
    ins_pay_amt: Decimal | None
    ded_applied: Decimal | None
    write_off: Decimal | None
    reason_under_paid: str
    claim_note: str
    prior_authorization_number: str
    is_ortho: bool | None
    pat_relat: str
    sec_date_t_edit: dt.datetime | None
    KEY: ClassVar[str] = "claim_num"
    FIELDS: ClassVar = (
        _f("ClaimNum", INT, True), _f("PatNum", INT, True),
        _f("ClaimStatus", _Enum(ClaimStatus), True), _f("ClaimType", STR),
        _f("DateService", DATE), _f("DateSent", DATE), _f("DateReceived", DATE),
        _f("PlanNum", INT), _f("InsSubNum", INT), _f("PlanNum2", INT, attr="plan_num2"),
        _f("InsSubNum2", INT, attr="ins_sub_num2"), _f("ProvTreat", INT), _f("ClinicNum", INT),
        _f("ClaimFee", MONEY), _f("InsPayEst", MONEY), _f("InsPayAmt", MONEY),
        _f("DedApplied", MONEY), _f("WriteOff", MONEY), _f("ReasonUnderPaid", STR),
        _f("ClaimNote", STR), _f("PriorAuthorizationNumber", STR), _f("IsOrtho", BOOL_CAP),
        _f("PatRelat", STR), _f("SecDateTEdit", DATETIME),
    )


@dataclass(frozen=True, slots=True)
class ClaimProc(WireRecord):
    claim_proc_num: int
    proc_num: int
    claim_num: int
    pat_num: int
    prov_num: int
    status: str
    fee_billed: Decimal | None
    ins_pay_est: Decimal | None
    ded_applied: Decimal | None
    ins_pay_amt: Decimal | None
    write_off: Decimal | None
    remarks: str
    claim_payment_num: int
    plan_num: int
    ins_sub_num: int
    date_cp: dt.date | None
    proc_date: dt.date | None
    code_sent: str
    clinic_num: int
    claim_adj_reason_codes: str
    sec_date_t_edit: dt.datetime | None
    KEY: ClassVar[str] = "claim_proc_num"
    FIELDS: ClassVar = (
        _f("ClaimProcNum", INT, True), _f("ProcNum", INT), _f("ClaimNum", INT),
        _f("PatNum", INT), _f("ProvNum", INT), _f("Status", STR, True),
        _f("FeeBilled", MONEY), _f("InsPayEst", MONEY), _f("DedApplied", MONEY),
        _f("InsPayAmt", MONEY), _f("WriteOff", MONEY), _f("Remarks", STR),
        _f("ClaimPaymentNum", INT), _f("PlanNum", INT), _f("InsSubNum", INT),
        _f("DateCP", DATE, attr="date_cp"), _f("ProcDate", DATE), _f("CodeSent", STR),
        _f("ClinicNum", INT), _f("ClaimAdjReasonCodes", STR), _f("SecDateTEdit", DATETIME),
    )


@dataclass(frozen=True, slots=True)
class ClaimPayment(WireRecord):
    claim_payment_num: int
    check_date: dt.date | None
    check_amt: Decimal | None
    check_num: str
    bank_branch: str
    note: str
    clinic_num: int
    deposit_num: int
    carrier_name: str
    date_issued: dt.date | None
    is_partial: bool | None
    pay_type: int
    pay_type_text: str
    pay_group: int
    sec_date_t_edit: dt.datetime | None
    KEY: ClassVar[str] = "claim_payment_num"
    FIELDS: ClassVar = (
        _f("ClaimPaymentNum", INT, True), _f("CheckDate", DATE), _f("CheckAmt", MONEY_TEXT),
        _f("CheckNum", STR), _f("BankBranch", STR), _f("Note", STR), _f("ClinicNum", INT),
        _f("DepositNum", INT), _f("CarrierName", STR), _f("DateIssued", DATE),
        _f("IsPartial", BOOL), _f("PayType", INT), _f("payType", STR, attr="pay_type_text"),
        _f("PayGroup", INT), _f("SecDateTEdit", DATETIME),
    )


ALL_RECORDS: tuple[type[WireRecord], ...] = (
    Patient, Appointment, ProcedureLog, PatPlan, InsSub, InsPlan, Carrier, Benefit, Claim,
    ClaimProc, ClaimPayment)


def dump_value(record_cls: type[WireRecord], wire_name: str, value: Any) -> Any:
    """A Python value for ``record_cls.wire_name`` in wire form (for request bodies)."""
    entry = record_cls.wire_to_attr().get(wire_name)
    if entry is None:
        return _dump_plain(value)
    return entry[1].dump(value)


def _dump_plain(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value

