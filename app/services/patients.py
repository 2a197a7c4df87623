"""Patients at the desk: search by name / MRN / Emirates ID, quick registration, deposits.

Search is one statement. A match by name or MRN carries ``requires_eid_verification``
(seed 004 §2 step 2, §3 scenario C): the desk should confirm the patient's Emirates ID
before trusting the insurance on file. Registration allocates the next MRN per hospital
under a counter-row lock, so two desks registering at once never get the same number.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from app.db.models import (
    Hospital,
    Patient,
)
from app.db.models import PatientInsurance as PI
from app.domain.birth_date import check_date_of_birth
from app.domain.dates import check_day
from app.domain.enums import DepositTxnKind, Gender, PaymentMethod
from app.domain.errors import Conflict, ValidationError
from app.domain.messages import Money, messages
from app.domain.money import to_amount
from app.domain.mrn import mrn_format
from app.domain.roles import Permission
from app.domain.text import SEARCH_MAX, ascii_digits, clean_text, parse_choice
from app.services import ledger
from app.services.changes import Changes
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.message_text import MsgText, joined, msg_of
from app.services.unit_of_work import UowFactory

M = messages(__name__)

__all__ = ["PatientRow", "PatientService", "TopUpResult", "normalise_eid", "patient_match"]

P = Patient
# MRNs are numbered by a row of receipt_counters (kind 'MRN', year 0): the same locked
# counter pattern as receipts, without a table of its own.
_MRN_KIND, _MRN_YEAR = "MRN", 0
# The hospital's MRNs grouped by prefix and width (app/domain/mrn.py picks the format).
_MRN_PATTERNS = """
SELECT prefix, length(mrn) - length(prefix) AS width, count(*) AS n, min(id) AS first_id
FROM (SELECT id, mrn, regexp_replace(mrn, '[0-9]+$', '') AS prefix FROM patients
      WHERE hospital_id = :h AND mrn ~ '[0-9]$') m
GROUP BY prefix, width
"""
MAX_TOP_UP = Decimal("100000.00")  # a typo guard, not a business limit


@dataclass(frozen=True)
class PatientRow:
    patient_id: int
    mrn: str
    emirates_id: str | None
    first_name: str
    last_name: str
    date_of_birth: dt.date | None
    gender: Gender
    phone: str | None
    deposit_balance: Decimal
    primary_insurer: str | None
    matched_by: str  # "EID" | "MRN" | "NAME"
    requires_eid_verification: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Registered:
    patient_id: int
    changes: Changes


@dataclass(frozen=True)
class TopUpResult:
    transaction_id: int
    balance: Decimal
    changes: Changes


def normalise_eid(text: str) -> str:
    """``784-YYYY-NNNNNNN-C`` from what was typed or scanned, or a ValidationError."""
    try:
        from app.domain.eid import normalize_eid
    except ImportError:  # pragma: no cover - the domain module ships with the app
        digits = re.sub(r"[\s-]", "", text or "")
        if not re.fullmatch(r"784\d{12}", digits):
            raise ValidationError(M("invalid_emirates_id_format",
                                    "Invalid Emirates ID format (must be 15 digits)")) from None
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:14]}-{digits[14]}"
    return normalize_eid(text)


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def patient_match(text: str) -> tuple[sa.ColumnElement[bool], sa.ColumnElement[str]]:
    """The WHERE condition for a desk search and a CASE naming what matched.

    - Emirates ID, with or without dashes: the digits typed so far as a prefix; all 15
      digits compare with the canonical form, which the unique index serves;
    - MRN: exact or prefix, case-insensitive;
    - name: prefix of the first name, the last name or "first last", case-insensitive.
    """
    t = " ".join((text or "").split())
    low = t.lower()
    digits = re.sub(r"\D", "", t)
    eid: sa.ColumnElement[bool] = sa.false()
    if digits and re.fullmatch(r"[\d\s-]+", t) and len(digits) >= 3:
        if len(digits) == 15:
            canonical = f"{digits[:3]}-{digits[3:7]}-{digits[7:14]}-{digits[14]}"
            eid = P.emirates_id == canonical
        else:
            eid = sa.func.replace(P.emirates_id, "-", "").like(_like_prefix(digits), escape="\\")
    mrn = sa.func.lower(P.mrn).like(_like_prefix(low), escape="\\")
    name = sa.or_(
        sa.func.lower(P.first_name).like(_like_prefix(low), escape="\\"),
        sa.func.lower(P.last_name).like(_like_prefix(low), escape="\\"),
        sa.func.lower(P.first_name + " " + P.last_name).like(_like_prefix(low), escape="\\"),
    )
    matched = sa.case((eid, "EID"), (mrn, "MRN"), else_="NAME")
    return sa.or_(eid, mrn, name), matched


_NAME_MAX = 100  # the columns are VARCHAR(100)


def _require_top_up(actor: Actor) -> None:
    actor.require(Permission.TOP_UP_DEPOSIT)


def _top_up_amount(amount: Decimal | str | int) -> Decimal:
    value = to_amount(amount, field="Top-up amount")
    if value == 0:
        raise ValidationError(M("top_up_amount_must", "Top-up amount must be more than zero."))
    if value > MAX_TOP_UP:
        raise ValidationError(M("top_up_amount_cannot",
                                "Top-up amount cannot be more than {limit} at once.",
                                limit=Money(MAX_TOP_UP)))
    return value


class PatientService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    def search(self, actor: Actor, text: str, limit: int = 20) -> list[PatientRow]:
        """Active patients of this hospital matching ``text``; EID matches first."""
        actor.require(Permission.VIEW_QUEUE)
        text = ascii_digits(clean_text(text, "Search", SEARCH_MAX) or "")
        if not text:
            return []
        limit = max(1, min(int(limit), 100))
        cond, matched = patient_match(text)
        pi = aliased(PI)
        rank = sa.case((matched == "EID", 0), (matched == "MRN", 1), else_=2)
        stmt = (
            sa.select(P.id, P.mrn, P.emirates_id, P.first_name, P.last_name, P.date_of_birth,
                      P.gender, P.phone, P.deposit_balance, pi.provider_name,
                      matched.label("matched_by"))
            .outerjoin(pi, sa.and_(pi.patient_id == P.id, pi.priority == 1, pi.is_active))
            .where(P.hospital_id == actor.hospital_id, P.is_active, cond)
            .order_by(rank, sa.func.lower(P.last_name), sa.func.lower(P.first_name), P.id)
            .limit(limit)
        )
        with self._uow(actor) as uow:
            rows = uow.session.execute(stmt).all()
        return [PatientRow(r.id, r.mrn, r.emirates_id, r.first_name, r.last_name,
                           r.date_of_birth, r.gender, r.phone, r.deposit_balance,
                           r.provider_name, r.matched_by, r.matched_by != "EID")
                for r in rows]

    def register(self, actor: Actor, first_name: str, last_name: str,
                 date_of_birth: dt.date | None, gender: Gender | str, phone: str | None,
                 emirates_id: str | None) -> Registered:
        """Quick registration at the desk (seed 004 §2 step 2): the new patient's id.

        Names and gender are required; the Emirates ID is validated and stored in the
        canonical ``784-YYYY-NNNNNNN-C`` form when given (visitors may have none)."""
        actor.require(Permission.WALK_IN)
        if isinstance(date_of_birth, dt.date) and not isinstance(date_of_birth, dt.datetime):
            # Future, or more than 130 years ago: the sentence the desk sees (issue 11).
            check_date_of_birth(date_of_birth, self._clock().date())
        check_day(date_of_birth, "Date of birth")
        first = clean_text(first_name, "First name", _NAME_MAX) or ""
        last = clean_text(last_name, "Last name", _NAME_MAX) or ""
        problems: list[str] = []  # MsgText: English, carrying the message for the UI
        if not first:
            problems.append(MsgText(M("first_name_required", "First name is required.")))
        if not last:
            problems.append(MsgText(M("last_name_required", "Last name is required.")))
        try:
            sex = Gender(str(gender).upper()) if gender else None
        except ValueError:
            sex = None
        if sex is None:
            problems.append(MsgText(M("choose_gender", "Choose the patient's gender.")))
        phone_clean = ascii_digits(clean_text(phone, "Phone", 40) or "") or None
        if phone_clean and not re.fullmatch(r"\+?[\d\s()-]{7,20}", phone_clean):
            problems.append(MsgText(M("phone_digits",
                                      "Phone must be digits, like +971 50 123 4567.")))
        if problems:
            raise ValidationError(joined([msg_of(p) for p in problems]), problems=problems)
        eid = normalise_eid(emirates_id) if clean_text(emirates_id, "Emirates ID", 40) else None
        with self._uow(actor) as uow:
            s = uow.session
            if eid is not None:
                dup = s.execute(sa.select(P.id, P.mrn, P.first_name, P.last_name).where(
                    P.hospital_id == actor.hospital_id, P.emirates_id == eid)).first()
                if dup is not None:
                    raise Conflict(
                        M("emirates_id_already_registered",
                          "Emirates ID {eid} is already registered to {first_name} {last_name} "
                          "({mrn}); search for that patient instead.",
                          eid=eid, first_name=dup.first_name, last_name=dup.last_name, mrn=dup.mrn),
                        patient_id=dup.id)
            mrn = self._next_mrn(s, actor.hospital_id)
            patient = Patient(hospital_id=actor.hospital_id, mrn=mrn, emirates_id=eid,
                              first_name=first, last_name=last, date_of_birth=date_of_birth,
                              gender=sex, phone=phone_clean)
            s.add(patient)
            try:
                s.flush()
            except sa.exc.IntegrityError:
                # Another desk registered the same Emirates ID a moment ago.
                raise Conflict(M("emirates_id_just_registered",
                                 "Emirates ID {eid} was just registered at another desk; search "
                                 "for the patient instead.",
                                 eid=eid)) from None
            uow.activity(actor, "PATIENT_REGISTERED", "patient", patient.id,
                         {"mrn": mrn, "has_emirates_id": eid is not None})
            uow.commit()
            return Registered(patient.id, Changes.of(patients={patient.id}))

    def deposit_top_up(self, actor: Actor, patient_id: int, amount: Decimal | str,
                       method: PaymentMethod = PaymentMethod.CASH) -> TopUpResult:
        """Money into a patient's deposit: the balance, a deposit transaction and a
        balanced GL entry (debit cash or card clearing, credit patient deposits)."""
        _require_top_up(actor)
        value = _top_up_amount(amount)
        method = parse_choice(PaymentMethod, method, "Payment method")
        if method is PaymentMethod.DEPOSIT:
            raise ValidationError(M("deposit_cannot_topped_up",
                                    "A deposit cannot be topped up from the deposit itself."))
        lines = ledger.top_up_lines(value, method)
        with self._uow(actor) as uow:
            s = uow.session
            moved = ledger.move_money(
                s, hospital_id=actor.hospital_id, patient_id=patient_id,
                memo="Deposit top-up", source_type=ledger.SOURCE_DEPOSIT_TOP_UP, source_id=None,
                lines=lines, posted_by=actor.user_id, deposit_delta=value,
                deposit_kind=DepositTxnKind.TOP_UP, method=method,
                workstation=actor.workstation)
            balance = moved.deposit_balance_after
            assert balance is not None and moved.deposit_transaction_id is not None
            uow.activity(actor, "DEPOSIT_TOP_UP", "patient", patient_id,
                         {"amount": value, "method": method, "balance_after": balance})
            uow.commit()
            return TopUpResult(moved.deposit_transaction_id, balance,
                               Changes.of(patients={patient_id}))

    # ---------------------------------------------------------------------------- helpers

    @staticmethod
    def _next_mrn(s: Session, hospital_id: int) -> str:
        """Next MRN of the hospital, in its own format (app/domain/mrn.py): the
        prefix and width in its settings, else those of the MRNs it already has.

        The counter row is locked until commit, so concurrent registrations take turns. It
        never hands out a number at or below the highest MRN already in the format (a new
        prefix, or patients imported meanwhile), and skips numbers another system took."""
        settings, = s.execute(sa.select(Hospital.settings).where(Hospital.id == hospital_id)
                              ).one()
        settings = settings or {}
        patterns = [] if settings.get("mrn_prefix") else [
            tuple(r) for r in s.execute(sa.text(_MRN_PATTERNS), {"h": hospital_id})]
        fmt = mrn_format(settings, patterns)
        params = {"h": hospital_id, "k": _MRN_KIND, "y": _MRN_YEAR}
        # Two first registrations at once: the second INSERT waits, then does nothing.
        s.execute(sa.text(
            "INSERT INTO receipt_counters (hospital_id, year, kind, last_seq) "
            "VALUES (:h, :y, :k, 0) ON CONFLICT (hospital_id, year, kind) DO NOTHING"), params)
        while True:
            # The highest number already in this format is read under the counter's row
            # lock; last_seq is the latest committed value (the other desk's increment), so
            # the result is unique even if the subquery's snapshot is a moment old.
            seq = s.execute(sa.text(
                "UPDATE receipt_counters SET last_seq = GREATEST(last_seq, COALESCE(("
                "  SELECT MAX(substr(mrn, :n + 1)::bigint) FROM patients"
                "  WHERE hospital_id = :h AND left(mrn, :n) = :prefix"
                "  AND substr(mrn, :n + 1) ~ '^[0-9]{1,15}$'), 0)) + 1 "
                "WHERE hospital_id = :h AND year = :y AND kind = :k RETURNING last_seq"),
                {**params, "prefix": fmt.prefix, "n": len(fmt.prefix)}).scalar_one()
            mrn = fmt.render(seq)
            taken = s.scalar(sa.select(sa.literal(1)).where(
                P.hospital_id == hospital_id, P.mrn == mrn))
            if taken is None:
                return mrn
