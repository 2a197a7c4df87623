"""The insurance payments list of the Claims & Payments page: filters, keyset pages, CSV rows,
and the detail of one insurance check.

One ``insurance_payments`` row is what one OpenDental claim payment (a check) paid on one
claim; a check paying three claims is three rows with the same ClaimPaymentNum. The list
shows rows (each with its claim and patient), newest received first, keyset on
``(received_at, id) DESC`` (index ``ix_insurance_payments_page``, migration 0012); the detail
shows the whole check: every claim it paid, with amounts, and the total.

Dates in filters are calendar days at the hospital (Asia/Dubai), ``date_to`` included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.dates import check_day
from app.domain.enums import ClaimStatus, InsurancePaymentStatus
from app.domain.errors import ValidationError
from app.domain.messages import messages
from app.domain.money import ZERO, q
from app.domain.text import SEARCH_MAX, ascii_digits, clean_text

M = messages(__name__)
if TYPE_CHECKING:
    from app.services.audit import PatientIds

MAX_PAGE = 200

CSV_COLUMNS = ("Payment ID", "Received", "Check number", "Carrier", "OpenDental ClaimPaymentNum",
               "Claim ID", "OpenDental ClaimNum", "Patient", "MRN", "Amount", "Method",
               "Posting status", "Journal entry", "Simulated")


@dataclass(frozen=True)
class PaymentFilters:
    """``carrier``: exact carrier name; ``check``: a check number (exact);
    ``patient``: a name prefix or an MRN; dates: received, hospital days, both included."""

    status: InsurancePaymentStatus | None = None
    carrier: str | None = None
    connection_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    check: str | None = None
    patient: str | None = None

    def __post_init__(self) -> None:
        if self.status is not None and not isinstance(self.status, InsurancePaymentStatus):
            try:
                object.__setattr__(self, "status", InsurancePaymentStatus(self.status))
            except ValueError:
                raise ValidationError(M("unknown_posting_status",
                                        "Unknown posting status: {status}.",
                                        status=self.status)) from None
        for name in ("carrier", "check", "patient"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = ascii_digits(value.strip()) if name != "carrier" else value.strip()
            object.__setattr__(self, name, value or None)

    def validate(self) -> None:
        check_day(self.date_from, "The start date")
        check_day(self.date_to, "The end date")
        clean_text(self.patient, "The patient filter", SEARCH_MAX)
        clean_text(self.check, "The check number", SEARCH_MAX)
        clean_text(self.carrier, "The carrier", 200)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValidationError(M("start_date_after_end",
                                    "The start date is after the end date."))

    def describe(self) -> dict[str, Any]:
        return {"status": self.status.value if self.status else None, "carrier": self.carrier,
                "connection_id": self.connection_id, "date_from": self.date_from,
                "date_to": self.date_to, "check": self.check, "patient": self.patient}


@dataclass(frozen=True)
class PaymentCursor:
    received_at: dt.datetime
    id: int


@dataclass(frozen=True)
class PaymentRow:
    id: int
    received_at: dt.datetime
    check_num: str | None
    carrier: str | None
    claim_payment_num: int | None
    claim_id: int
    claim_num: int | None
    patient_name: str
    mrn: str
    amount: Decimal
    method: str | None
    status: InsurancePaymentStatus
    journal_entry_id: int | None
    connection_id: int | None
    simulated: bool

    @property
    def cursor(self) -> PaymentCursor:
        return PaymentCursor(self.received_at, self.id)


@dataclass(frozen=True)
class PaymentPage:
    rows: list[PaymentRow]
    next_cursor: PaymentCursor | None


@dataclass(frozen=True)
class PaidClaim:
    claim_id: int
    claim_num: int | None
    patient_name: str
    mrn: str
    claim_status: ClaimStatus
    amount_billed: Decimal
    amount: Decimal  # what this check paid on it
    status: InsurancePaymentStatus


@dataclass(frozen=True)
class PaymentDetail:
    """One insurance check: what it paid on each claim, and its total."""

    payment_id: int
    claim_payment_num: int | None
    check_num: str | None
    received_at: dt.datetime
    carrier: str | None
    method: str | None
    check_amount: Decimal | None  # as OpenDental states it on the check
    clinic: str | None
    simulated: bool
    claims: tuple[PaidClaim, ...]

    @property
    def total(self) -> Decimal:
        return sum((c.amount for c in self.claims), ZERO)

    @property
    def posting_status(self) -> str:
        statuses = {c.status for c in self.claims}
        if len(statuses) == 1:
            return next(iter(statuses)).value.capitalize()
        return "Partly " + "/".join(sorted(s.value.lower() for s in statuses))


# ------------------------------------------------------------------------------ SQL
_SELECT = """
SELECT ip.id, ip.received_at, ip.details->>'check_num' AS check_num,
       ip.details->>'carrier' AS carrier, ip.external_payment_id, ip.claim_id,
       c.external_claim_id, p.first_name || ' ' || p.last_name AS patient_name, p.mrn,
       ip.amount, ip.method, ip.status, ip.journal_entry_id, ip.connection_id,
       COALESCE((ip.details->>'simulated')::boolean, false) AS simulated
  FROM insurance_payments ip
  JOIN claims c ON c.id = ip.claim_id
  JOIN patients p ON p.id = c.patient_id"""

_SHAPES: dict[tuple[bool, ...], sa.TextClause] = {}


def _statement(shape: tuple[bool, ...]) -> sa.TextClause:
    stmt = _SHAPES.get(shape)
    if stmt is None:
        status, carrier, conn, dfrom, dto, check, patients, after = shape
        where = ["ip.hospital_id = :hid"]
        if status:
            where.append("ip.status = :status")
        if carrier:
            where.append("ip.details->>'carrier' = :carrier")
        if conn:
            where.append("ip.connection_id = :cid")
        if dfrom:
            where.append("ip.received_at >= :dfrom")
        if dto:
            where.append("ip.received_at < :dto")
        if check:
            where.append("ip.details->>'check_num' = :check")
        if patients:
            where.append("c.patient_id = ANY(CAST(:pids AS bigint[]))")
        if after:
            where.append("(ip.received_at, ip.id) < (:aat, :aid)")
        stmt = sa.text(f"{_SELECT}\n WHERE {' AND '.join(where)}\n"
                       " ORDER BY ip.received_at DESC, ip.id DESC LIMIT :n")
        _SHAPES[shape] = stmt
    return stmt


def fetch_rows(s: Session, hospital_id: int, tz: ZoneInfo, f: PaymentFilters,
               after: PaymentCursor | None, n: int,
               patient_ids: PatientIds | None) -> list[PaymentRow]:
    if patient_ids is not None and not patient_ids:
        return []

    def start(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(0), tz)

    shape = (f.status is not None, f.carrier is not None, f.connection_id is not None,
             f.date_from is not None, f.date_to is not None, f.check is not None,
             patient_ids is not None, after is not None)
    params: dict[str, Any] = {
        "hid": hospital_id, "n": n, "status": f.status.value if f.status else None,
        "carrier": f.carrier, "cid": f.connection_id, "check": f.check,
        "pids": patient_ids,
        "dfrom": start(f.date_from) if f.date_from else None,
        "dto": start(f.date_to + dt.timedelta(days=1)) if f.date_to else None,
        "aat": after.received_at if after else None, "aid": after.id if after else None}
    # received_at in the hospital's time zone: the day shown is the hospital's day.
    return [PaymentRow(int(r.id), r.received_at.astimezone(tz), r.check_num, r.carrier,
                       r.external_payment_id, int(r.claim_id), r.external_claim_id,
                       r.patient_name, r.mrn, r.amount, r.method,
                       InsurancePaymentStatus(r.status), r.journal_entry_id, r.connection_id,
                       bool(r.simulated))
            for r in s.execute(_statement(shape), params)]


def csv_values(r: PaymentRow, tz: ZoneInfo) -> tuple[object, ...]:
    return (r.id, r.received_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"), r.check_num,
            r.carrier, r.claim_payment_num, r.claim_id, r.claim_num, r.patient_name, r.mrn,
            r.amount, r.method, r.status.value.capitalize(), r.journal_entry_id,
            "yes" if r.simulated else "no")


def carriers(s: Session, hospital_id: int) -> list[str]:
    return list(s.scalars(sa.text(
        "SELECT DISTINCT details->>'carrier' FROM insurance_payments "
        "WHERE hospital_id = :hid AND details->>'carrier' IS NOT NULL ORDER BY 1"),
        {"hid": hospital_id}))


def detail(s: Session, hospital_id: int, tz: ZoneInfo,
           payment_id: int) -> PaymentDetail | None:
    """The check ``payment_id`` belongs to (every row of its ClaimPaymentNum)."""
    first = s.execute(sa.text(
        "SELECT ip.id, ip.connection_id, ip.external_payment_id, ip.received_at, ip.method, "
        "ip.details, oc.name AS clinic FROM insurance_payments ip "
        "LEFT JOIN opendental_connections oc ON oc.id = ip.connection_id "
        "WHERE ip.id = :id AND ip.hospital_id = :hid"),
        {"id": payment_id, "hid": hospital_id}).one_or_none()
    if first is None:
        return None
    same_check = ("ip.connection_id = :cid AND ip.external_payment_id = :num"
                  if first.external_payment_id is not None else "ip.id = :id")
    claims = tuple(PaidClaim(int(r.claim_id), r.external_claim_id, r.patient_name, r.mrn,
                             ClaimStatus(r.claim_status), r.amount_billed, r.amount,
                             InsurancePaymentStatus(r.status))
                   for r in s.execute(sa.text(
                       "SELECT ip.claim_id, c.external_claim_id, c.status AS claim_status, "
                       "c.amount_billed, p.first_name || ' ' || p.last_name AS patient_name, "
                       "p.mrn, ip.amount, ip.status FROM insurance_payments ip "
                       "JOIN claims c ON c.id = ip.claim_id "
                       "JOIN patients p ON p.id = c.patient_id "
                       f"WHERE ip.hospital_id = :hid AND {same_check} ORDER BY ip.id"),
                       {"hid": hospital_id, "cid": first.connection_id,
                        "num": first.external_payment_id, "id": payment_id}))
    details = first.details or {}
    amount = details.get("check_amount")
    return PaymentDetail(int(first.id), first.external_payment_id, details.get("check_num"),
                         first.received_at.astimezone(tz), details.get("carrier"), first.method,
                         q(Decimal(amount)) if amount not in (None, "") else None,
                         first.clinic, bool(details.get("simulated")), claims)
