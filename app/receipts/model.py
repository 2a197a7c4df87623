"""What a receipt says: one immutable value, built by the service that collected or refunded.

``ReceiptData`` carries every figure already decided (amounts are ``Decimal`` in AED, never
float); the renderers only lay it out. Construction checks what a printed receipt must never
get wrong: an aware issue time, a known time zone, amounts that add up to the fee on a copay
receipt, and the original receipt number on a refund. ``to_dict``/``from_dict`` give a
JSON-safe form (amounts as strings, time as ISO 8601) for queues, audit entries and tests.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.errors import ValidationError
from app.domain.messages import messages
from app.domain.money import ZERO, q, vat_included

M = messages(__name__)

ReceiptKind = Literal["COPAY", "REFUND"]
KINDS: tuple[str, ...] = ("COPAY", "REFUND")
DEFAULT_TIMEZONE = "Asia/Dubai"

_MONEY_FIELDS = ("fee", "primary_amount", "secondary_amount", "patient_amount", "vat_amount")
_OPTIONAL_MONEY = ("fee", "primary_amount", "secondary_amount")
_OPTIONAL_TEXT = ("hospital_name_ar", "hospital_address", "hospital_phone", "visit_description",
                  "payment_method", "collected_by", "notes")


def _money(value: object, name: str) -> Decimal:
    if isinstance(value, float):
        raise TypeError(f"{name} must be a Decimal, never a float")
    if isinstance(value, (Decimal, int, str)):
        try:
            amount = q(value)
        except ArithmeticError:
            raise ValidationError(M("receipt_not_amount",
                                    "The receipt's {name} is not an amount: {value}.",
                                    name=name, value=repr(value))) from None
        if not amount.is_finite():
            raise ValidationError(M("receipt_not_amount",
                                    "The receipt's {name} is not an amount: {value}.",
                                    name=name, value=repr(value)))
        if amount < 0:
            raise ValidationError(M("receipt_cannot_negative",
                                    "The receipt's {name} cannot be negative.",
                                    name=name))
        return amount
    raise TypeError(f"{name} must be a Decimal, not {type(value).__name__}")


@dataclass(frozen=True, kw_only=True)
class ReceiptData:
    """Everything printed on one copay or refund receipt.

    ``patient_amount`` is what the patient paid (COPAY) or gets back (REFUND); amounts are
    VAT-inclusive and ``vat_amount`` is the VAT inside ``patient_amount`` (computed from
    ``vat_rate`` when not given). ``issued_at`` is an aware datetime; it is shown in
    ``timezone`` (the hospital's, e.g. Asia/Dubai).
    """

    kind: ReceiptKind
    receipt_number: str
    issued_at: datetime
    timezone: str = DEFAULT_TIMEZONE

    hospital_name: str
    hospital_name_ar: str = ""
    hospital_address: str = ""
    hospital_phone: str = ""
    hospital_trn: str | None = None

    patient_name: str
    patient_name_ar: str | None = None
    mrn: str
    emirates_id: str | None = None
    visit_description: str = ""

    fee: Decimal = ZERO
    primary_insurer: str | None = None
    primary_policy: str | None = None
    primary_amount: Decimal = ZERO
    secondary_insurer: str | None = None
    secondary_policy: str | None = None
    secondary_amount: Decimal = ZERO
    patient_amount: Decimal
    vat_rate: Decimal = ZERO
    vat_amount: Decimal | None = None

    payment_method: str
    collected_by: str
    original_receipt_number: str | None = None
    notes: str = ""

    # Issue 11: how the money was handed over (cash tendered and change; a card's terminal
    # approval code and last 4 digits), and whether the insurer's share is confirmed (pre-auth
    # approved or claim adjudicated) or only expected.
    tendered: Decimal | None = None
    change_due: Decimal | None = None
    card_approval_code: str | None = None
    card_last4: str | None = None
    insurance_confirmed: bool = False
    signature_line: bool = False
    """A line for the patient's signature (cash handed over at the desk: a cash refund)."""
    balance_lines: tuple[tuple[date, Decimal, Decimal], ...] = ()
    """Issue 13 (COPAY): earlier underpaid visits' balances paid with this copay, each
    ``(visit date, amount, VAT inside it)``, printed as "Balance from visit of <date>"."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError(M("unknown_receipt_kind_expected",
                                    "Unknown receipt kind {kind}; expected COPAY or REFUND.",
                                    kind=repr(self.kind)))
        for name in ("receipt_number", "hospital_name", "patient_name", "mrn"):
            if not str(getattr(self, name) or "").strip():
                raise ValidationError(M("receipt_needs", "A receipt needs its {field}.",
                                        field=name.replace('_', ' ')))
        if not isinstance(self.issued_at, datetime) or self.issued_at.utcoffset() is None:
            raise ValidationError(M("receipt_time_must_datetime",
                                    "The receipt time must be a datetime with a time zone."))
        if not self.timezone:
            object.__setattr__(self, "timezone", DEFAULT_TIMEZONE)
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ValidationError(M("unknown_time_zone_receipt",
                                    "Unknown time zone {timezone} for the receipt.",
                                    timezone=repr(self.timezone))) from None
        if isinstance(self.vat_rate, float):
            raise TypeError("vat_rate must be a Decimal, never a float")
        rate = Decimal(self.vat_rate)
        if not rate.is_finite() or rate < 0 or rate >= 1:
            raise ValidationError(M("vat_rate_not_fraction",
                                    "VAT rate {vat_rate} is not a fraction like 0.05.",
                                    vat_rate=self.vat_rate))
        object.__setattr__(self, "vat_rate", rate)
        if self.vat_amount is None:
            object.__setattr__(self, "vat_amount", vat_included(q(self.patient_amount), rate))
        for name in _MONEY_FIELDS:
            value = getattr(self, name)
            if value is None and name in _OPTIONAL_MONEY:  # e.g. no insurer: nothing covered
                value = ZERO
            object.__setattr__(self, name, _money(value, name))
        for name in ("tendered", "change_due"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, _money(getattr(self, name), name))
        if (self.tendered is None) != (self.change_due is None):
            raise ValidationError(M("receipt_shows_amount_tendered",
                                    "A receipt shows the amount tendered and the change together."))
        for name in _OPTIONAL_TEXT:  # a NULL column reads as "nothing to print"
            if getattr(self, name) is None:
                object.__setattr__(self, name, "")
        if self.secondary_amount > 0 and not self.secondary_insurer:
            raise ValidationError(M("secondary_insurer_amount_needs",
                                    "A secondary insurer amount needs the secondary insurer's "
                                    "name."))
        if self.primary_amount > 0 and not self.primary_insurer:
            raise ValidationError(M("primary_insurer_amount_needs",
                                    "A primary insurer amount needs the primary insurer's name."))
        if self.vat_amount > self.patient_amount:
            raise ValidationError(M("vat_cannot_more_amount",
                                    "The VAT cannot be more than the amount it is included in."))
        lines = []
        for raw in self.balance_lines or ():
            day, amount, vat = raw
            if isinstance(day, str):
                day = date.fromisoformat(day)
            amount, vat = _money(amount, "balance"), _money(vat, "balance VAT")
            if amount <= 0 or vat > amount:
                raise ValidationError(M("balance_line_invalid", "A balance line needs an amount "
                                        "above zero and its VAT within it."))
            lines.append((day, amount, vat))
        object.__setattr__(self, "balance_lines", tuple(lines))
        if lines and self.kind != "COPAY":
            raise ValidationError(M("balance_only_on_copay", "Only a copay receipt carries "
                                    "balances from earlier visits."))
        if self.kind == "COPAY":
            total = self.patient_amount + self.primary_amount + self.secondary_amount
            if total != self.fee:
                raise ValidationError(
                    M("receipt_does_not_add", "Receipt {receipt_number} does not add up: patient "
                      "{patient_amount} + insurers {primary_amount} != fee {fee}.",
                      receipt_number=self.receipt_number,
                      patient_amount=self.patient_amount,
                      primary_amount=self.primary_amount + self.secondary_amount,
                      fee=self.fee)
                )
        else:
            if not (self.original_receipt_number or "").strip():
                raise ValidationError(M("refund_receipt_needs_original",
                                        "A refund receipt needs the original receipt number."))

    # ----------------------------------------------------------------------------- helpers
    @property
    def is_refund(self) -> bool:
        return self.kind == "REFUND"

    @property
    def local_issued_at(self) -> datetime:
        """``issued_at`` in the hospital's time zone."""
        return self.issued_at.astimezone(ZoneInfo(self.timezone))

    @property
    def insurer_heading(self) -> str:
        """How the insurers' share is introduced: "Insurance pays" once the insurer approved
        (pre-auth approved, claim adjudicated); until then it is only "Expected from
        insurer" (a pending pre-auth has paid nothing)."""
        return "Insurance pays" if self.insurance_confirmed else "Expected from insurer"

    @property
    def balance_amount(self) -> Decimal:
        """Earlier visits' balances on this receipt (0 when none)."""
        return q(sum((b[1] for b in self.balance_lines), ZERO))

    @property
    def total_paid(self) -> Decimal:
        """Today's copay plus the earlier balances: what the patient handed over in all."""
        return q(self.patient_amount + self.balance_amount)

    @property
    def total_vat(self) -> Decimal:
        """The VAT inside :attr:`total_paid`."""
        return q((self.vat_amount or ZERO) + sum((b[2] for b in self.balance_lines), ZERO))

    @property
    def vat_percent(self) -> Decimal:
        """The VAT rate as a percentage for display (5 for 0.05)."""
        return (self.vat_rate * 100).normalize()

    # ----------------------------------------------------------------------- serialisation
    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: Decimals as strings ("30.00"), ``issued_at`` as ISO 8601 with offset."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Decimal):
                value = str(value)
            elif f.name == "balance_lines":
                value = [[d.isoformat(), str(a), str(v)] for d, a, v in value]
            elif isinstance(value, datetime):
                value = value.isoformat()
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ReceiptData:
        """Inverse of ``to_dict``; unknown keys are refused so a typo cannot vanish silently."""
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise ValidationError(M("unknown_receipt_fields", "Unknown receipt fields: {unknown}.",
                                    unknown=', '.join(sorted(unknown))))
        values = dict(raw)
        issued = values.get("issued_at")
        if isinstance(issued, str):
            try:
                values["issued_at"] = datetime.fromisoformat(issued)
            except ValueError:
                raise ValidationError(M("receipt_time_not_iso",
                                        "Receipt time {issued} is not ISO 8601.",
                                        issued=repr(issued))) from None
        for name in (*_MONEY_FIELDS, "vat_rate", "tendered", "change_due"):
            value = values.get(name)
            if isinstance(value, (str, int)):
                try:
                    values[name] = Decimal(str(value))
                except ArithmeticError:
                    raise ValidationError(M("receipt_not_number",
                                            "Receipt {name} {value} is not a number.",
                                            name=name, value=repr(value))) from None
        return cls(**values)
