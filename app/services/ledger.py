"""Shared bookkeeping: the one money-movement helper, journal entries, receipt numbers,
deductible ledgers, and the only place account codes are named.

Used by the copay service (collect), the refund service (process) and the patient service
(deposit top-up). Each function works on the caller's Session, inside the caller's
transaction, and never commits: a rolled-back collect or refund leaves no journal entry, no
receipt number and no ledger change behind.

- :func:`move_money` is how money moves: the patient's deposit balance and its deposit
  transaction (when the deposit is involved) and the balanced journal entry, with the account
  codes chosen here from the payment or refund method (:func:`collect_lines`,
  :func:`refund_lines`, :func:`top_up_lines`). Journal rows and payments are append-only in
  the database: a correction is a new, reversing entry (``reverses_entry_id``).

- A desk movement (``method`` given) is stamped with the open cash shift of its user and
  workstation in the same transaction (app/db/models/shifts.py): one ``shift_movements`` row
  by tender. Cash with no open shift raises ShiftRequired, a cash payout larger than the
  drawer DrawerShort; the database checks both again (app/db/shift_rules.py).

- :func:`post_entry` writes one balanced journal entry. It checks the balance itself for a
  clear message; the deferred trigger in app/db/rules.py checks again at commit.
- :func:`next_receipt_number` hands out gapless numbers per hospital, year and kind
  ("RCP" copay receipts, "RFD" refund receipts) with one ``INSERT ... ON CONFLICT DO UPDATE
  ... RETURNING``: the counter row stays locked until the transaction ends, so two
  workstations never get the same number and a rollback gives its number back.
- :func:`adjust_deductible_ledger` adds signed increments to a patient's deductible and
  copay accumulators for one policy and fiscal year (negative to reverse a refund).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from app.db.models import (
    CashShift,
    DeductibleLedger,
    DepositTransaction,
    JournalEntry,
    Patient,
    ReceiptCounter,
    ShiftMovement,
)
from app.domain.enums import DepositTxnKind, PaymentMethod, RefundMethod
from app.domain.errors import (
    Conflict,
    DrawerShort,
    InsufficientDeposit,
    NotFound,
    ShiftRequired,
    ValidationError,
)
from app.domain.messages import Money, Msg, messages
from app.domain.money import ZERO, q

M = messages(__name__)

__all__ = [
    "ACCOUNT_CARD", "ACCOUNT_CASH", "ACCOUNT_DEPOSITS", "ACCOUNT_PETTY", "ACCOUNT_RECEIVABLE",
    "ACCOUNT_REFUNDS_PAYABLE", "ACCOUNT_REVENUE", "ACCOUNT_VAT", "LedgerState", "Line",
    "Movement", "SOURCE_COPAY_PAYMENT", "SOURCE_COPAY_REFUND", "SOURCE_DEPOSIT_TOP_UP",
    "SOURCE_PETTY_PAYOUT", "payout_lines", "tender_of",
    "adjust_deductible_ledger", "collect_lines", "debit_account", "entry_for_source",
    "format_receipt_number", "move_money", "next_receipt_number", "post_entry",
    "receipt_number_cte", "receipt_number_params", "refund_credit_account", "refund_lines",
    "top_up_lines",
]

# The chart of accounts every hospital is created with (see the demo and tests/factories.py).
ACCOUNT_CASH = "1000"
ACCOUNT_CARD = "1010"
ACCOUNT_RECEIVABLE = "1100"
ACCOUNT_DEPOSITS = "2100"
ACCOUNT_VAT = "2200"
ACCOUNT_REFUNDS_PAYABLE = "2300"
ACCOUNT_REVENUE = "4000"
ACCOUNT_BANK = "1020"  # insurers' remittances
ACCOUNT_INSURANCE_RECEIVABLE = "1200"
ACCOUNT_PETTY = "5100"  # petty payouts from a drawer

# journal_entries.source_type values, so a refund can find the entry it reverses.
SOURCE_COPAY_PAYMENT = "COPAY_PAYMENT"
SOURCE_COPAY_REFUND = "COPAY_REFUND"
SOURCE_DEPOSIT_TOP_UP = "DEPOSIT_TOP_UP"
SOURCE_PETTY_PAYOUT = "PETTY_PAYOUT"

Line = tuple[str, Decimal, Decimal]
"""(account code, debit, credit): exactly one of debit/credit is non-zero."""

# Where money comes in by payment method, and goes out by refund method.
_DEBIT_ACCOUNT = {
    PaymentMethod.CASH: ACCOUNT_CASH,
    PaymentMethod.CREDIT_CARD: ACCOUNT_CARD,
    PaymentMethod.DEBIT_CARD: ACCOUNT_CARD,
    PaymentMethod.DEPOSIT: ACCOUNT_DEPOSITS,
}
_REFUND_CREDIT_ACCOUNT = {
    RefundMethod.CASH: ACCOUNT_CASH,
    RefundMethod.CREDIT_CARD: ACCOUNT_CARD,
    RefundMethod.BANK_TRANSFER: ACCOUNT_REFUNDS_PAYABLE,
    RefundMethod.DEPOSIT_CREDIT: ACCOUNT_DEPOSITS,
}


# The tender a desk movement is counted under in its shift, and the account whose lines give
# its signed amount (+ into the desk, - out of it).
_TENDER = {
    PaymentMethod.CASH: "CASH", PaymentMethod.CREDIT_CARD: "CARD",
    PaymentMethod.DEBIT_CARD: "CARD", PaymentMethod.DEPOSIT: "DEPOSIT",
    RefundMethod.CASH: "CASH", RefundMethod.CREDIT_CARD: "CARD",
    RefundMethod.BANK_TRANSFER: "BANK_TRANSFER", RefundMethod.DEPOSIT_CREDIT: "DEPOSIT",
}
_TENDER_ACCOUNT = {"CASH": ACCOUNT_CASH, "CARD": ACCOUNT_CARD, "DEPOSIT": ACCOUNT_DEPOSITS,
                   "BANK_TRANSFER": ACCOUNT_REFUNDS_PAYABLE}


def tender_of(method: PaymentMethod | RefundMethod) -> str:
    """CASH, CARD, DEPOSIT or BANK_TRANSFER."""
    return _TENDER[method]


def debit_account(method: PaymentMethod) -> str:
    """The account a payment taken by ``method`` is debited to."""
    return _DEBIT_ACCOUNT[PaymentMethod(method)]


def refund_credit_account(method: RefundMethod) -> str:
    """The account a refund paid by ``method`` is credited to (bank transfers wait in
    refunds payable until the bank pays)."""
    return _REFUND_CREDIT_ACCOUNT[RefundMethod(method)]


def collect_lines(amount: Decimal, vat: Decimal, method: PaymentMethod) -> list[Line]:
    """A collected copay: debit the method's account, credit revenue (net) and VAT."""
    return [(debit_account(method), amount, ZERO), (ACCOUNT_REVENUE, ZERO, amount - vat),
            (ACCOUNT_VAT, ZERO, vat)]


def refund_lines(amount: Decimal, revenue: Decimal, vat: Decimal,
                 method: RefundMethod) -> list[Line]:
    """A processed refund reverses a collect: debit revenue and VAT, credit the method."""
    return [(ACCOUNT_REVENUE, revenue, ZERO), (ACCOUNT_VAT, vat, ZERO),
            (refund_credit_account(method), ZERO, amount)]


def top_up_lines(amount: Decimal, method: PaymentMethod) -> list[Line]:
    """Money into a patient's deposit: debit cash or card clearing, credit patient deposits."""
    if PaymentMethod(method) is PaymentMethod.DEPOSIT:
        raise ValidationError(M("deposit_cannot_topped_up",
                                "A deposit cannot be topped up from the deposit itself."))
    return [(debit_account(method), amount, ZERO), (ACCOUNT_DEPOSITS, ZERO, amount)]


def payout_lines(amount: Decimal) -> list[Line]:
    """A petty payout from the drawer: debit petty cash expenses, credit cash."""
    return [(ACCOUNT_PETTY, amount, ZERO), (ACCOUNT_CASH, ZERO, amount)]


# ------------------------------------------------------------------------- money movement
@dataclass(frozen=True)
class Movement:
    """What :func:`move_money` wrote."""

    entry_id: int | None
    deposit_balance_after: Decimal | None
    deposit_transaction_id: int | None


def move_money(
    session: Session,
    *,
    hospital_id: int,
    patient_id: int | None,
    memo: str,
    source_type: str,
    source_id: int | None,
    lines: Sequence[Line],
    posted_by: int | None,
    deposit_delta: Decimal = ZERO,
    deposit_kind: DepositTxnKind | None = None,
    copay_payment_id: int | None = None,
    refund_id: int | None = None,
    reverses_entry_id: int | None = None,
    insufficient: str | Msg = M("insufficient_amount", "the amount"),
    method: PaymentMethod | RefundMethod | None = None,
    workstation: str | None = None,
) -> Movement:
    """Every posting of money goes through here: the deposit side, then the journal entry.

    ``deposit_delta`` (signed: + into the deposit, - out of it) changes the patient's deposit
    balance atomically (the UPDATE's WHERE refuses to overdraw, so no lock is needed for
    that) and records a deposit transaction of ``deposit_kind``. Too little deposit raises
    InsufficientDeposit ("Deposit balance AED x is less than <insufficient> AED y; nothing
    was charged."), an unknown patient NotFound; the caller's transaction then rolls back.
    ``lines`` (account code, debit, credit; zero lines dropped) become one balanced journal
    entry unless all are zero; ``source_id=None`` makes the deposit transaction the entry's
    source (a top-up), its id ending the memo. When till shifts arrive, the shift is stamped
    here too.
    """
    if isinstance(deposit_delta, float):
        raise TypeError("money must never be a float")
    # The shift first (row-locked until commit: the drawer's postings queue), so a desk with
    # no open shift learns it before anything is written.
    till = _till(session, hospital_id, posted_by, workstation, method, lines)
    delta = q(deposit_delta)
    balance_after: Decimal | None = None
    txn_id: int | None = None
    if delta:
        if deposit_kind is None or patient_id is None:
            raise ValueError("a deposit movement needs its kind and its patient")
        balance_after = session.execute(
            sa.update(Patient)
            .where(Patient.id == patient_id, Patient.hospital_id == hospital_id,
                   Patient.deposit_balance + delta >= 0)
            .values(deposit_balance=Patient.deposit_balance + delta)
            .returning(Patient.deposit_balance)).scalar_one_or_none()
        if balance_after is None:
            balance = session.scalar(sa.select(Patient.deposit_balance).where(
                Patient.id == patient_id, Patient.hospital_id == hospital_id))
            if balance is None:
                raise NotFound(M("no_patient_hospital",
                                 "There is no patient {patient_id} at this hospital.",
                                 patient_id=patient_id))
            raise InsufficientDeposit(
                M("deposit_balance_less_nothing",
                  "Deposit balance {balance} is less than {insufficient} {delta}; nothing was "
                  "charged.",
                  balance=Money(balance), insufficient=insufficient, delta=Money(-delta)),
                balance=str(balance), amount=str(-delta))
        txn_id = session.execute(sa.insert(DepositTransaction.__table__).values(
            hospital_id=hospital_id, patient_id=patient_id, kind=deposit_kind, amount=delta,
            balance_after=balance_after, copay_payment_id=copay_payment_id,
            refund_id=refund_id, created_by=posted_by,
        ).returning(DepositTransaction.__table__.c.id)).scalar_one()
    if source_id is None:
        if txn_id is None:
            raise ValueError("no source for the journal entry")
        source_id, memo = txn_id, f"{memo} {txn_id}"
    entry_id: int | None = None
    if any(d or c for _, d, c in lines):
        entry_id = post_entry(session, hospital_id, memo, source_type, source_id, lines,
                              posted_by, reverses_entry_id)
    if till is not None and entry_id is not None:
        shift_id, tender, amount = till
        session.execute(sa.insert(ShiftMovement).values(
            shift_id=shift_id, hospital_id=hospital_id, tender=tender, amount=amount,
            source_type=source_type, source_id=source_id, journal_entry_id=entry_id,
            memo=memo[:200]))
    return Movement(entry_id, balance_after, txn_id)


_NO_SHIFT = M("no_shift", "Cash can only be taken or paid out with a cash drawer shift open "
              "on this workstation. Open a shift first (Cash drawer, Ctrl+Shift+4); nothing "
              "was charged.")


def _till(session: Session, hospital_id: int, posted_by: int | None,
          workstation: str | None, method: PaymentMethod | RefundMethod | None,
          lines: Sequence[Line]) -> tuple[int, str, Decimal] | None:
    """(open shift id, tender, signed amount) for a desk movement, None when there is none
    to stamp (not a desk movement, a non-cash one with no shift open, or zero)."""
    checked = _checked_lines(lines)
    if method is None:
        if any(code == ACCOUNT_CASH for code, _, _ in checked):
            raise ValueError("cash moves only at a desk: pass the method and workstation")
        return None
    tender = tender_of(method)
    account = _TENDER_ACCOUNT[tender]
    amount = sum((d - c for code, d, c in checked if code == account), ZERO)
    if not amount:
        return None
    shift = None
    if posted_by is not None and workstation:
        shift = session.execute(
            sa.select(CashShift.id, CashShift.expected_cash)
            .where(CashShift.hospital_id == hospital_id, CashShift.user_id == posted_by,
                   CashShift.workstation == workstation, CashShift.closed_at.is_(None))
            .with_for_update()).one_or_none()
    if shift is None:
        if tender == "CASH":
            raise ShiftRequired(_NO_SHIFT, workstation=workstation)
        return None
    if tender == "CASH" and shift.expected_cash + amount < 0:
        raise DrawerShort(
            M("drawer_should_hold_cash",
              "The drawer should hold {expected_cash} in cash, less than the {amount} to pay out; "
              "pay it another way or from another drawer. Nothing was paid.",
              expected_cash=Money(shift.expected_cash), amount=Money(-amount)),
            drawer=str(shift.expected_cash), amount=str(-amount))
    return int(shift.id), tender, amount


# ------------------------------------------------------------------------ journal entries
def _checked_lines(lines: Iterable[Line]) -> list[Line]:
    out: list[Line] = []
    for code, debit, credit in lines:
        if isinstance(debit, float) or isinstance(credit, float):
            raise TypeError("money must never be a float")
        debit, credit = q(debit), q(credit)
        if debit < 0 or credit < 0:
            raise ValidationError(M("journal_line_negative_amount",
                                    "Journal line on {code} has a negative amount.",
                                    code=code))
        if debit and credit:
            raise ValidationError(M("journal_line_both_debit",
                                    "Journal line on {code} is both a debit and a credit.",
                                    code=code))
        if debit or credit:  # zero lines (no VAT, say) are simply left out
            out.append((code, debit, credit))
    return out


def post_entry(
    session: Session,
    hospital_id: int,
    memo: str,
    source_type: str,
    source_id: int,
    lines: Sequence[Line],
    posted_by: int | None,
    reverses_entry_id: int | None = None,
) -> int:
    """Write one balanced journal entry and return its id.

    ``lines`` are ``(account_code, debit, credit)``; zero lines are dropped. Raises
    ValidationError when debits and credits differ or fewer than two lines remain, and
    Conflict when an account code is missing from the hospital's chart of accounts.
    """
    checked = _checked_lines(lines)
    debits = sum((d for _, d, _ in checked), ZERO)
    credits = sum((c for _, _, c in checked), ZERO)
    if len(checked) < 2 or debits != credits:
        raise ValidationError(
            M("journal_entry_does_not", "The journal entry '{memo}' does not balance: debits "
              "{debits} vs credits {credits}.",
              memo=memo,
              debits=debits,
              credits=credits))
    codes = sorted({code for code, _, _ in checked})
    # One round trip: the accounts, the entry (only when every account was found) and its
    # lines. The deferred trigger in app/db/rules.py still checks the balance at commit.
    r = session.execute(_POST_ENTRY_SQL, {
        "hospital_id": hospital_id, "codes": codes, "n_codes": len(codes),
        "memo": memo[:200], "source_type": source_type, "source_id": source_id,
        "posted_by": posted_by, "reverses_entry_id": reverses_entry_id,
        "line_codes": [code for code, _, _ in checked],
        "debits": [d for _, d, _ in checked], "credits": [c for _, _, c in checked],
    }).one()
    if r.entry_id is None:
        found = set(r.found or ())
        missing = [c for c in codes if c not in found]
        raise Conflict(
            M("chart_accounts_no_active",
              "The chart of accounts has no active account {missing}; an administrator must add "
              "it before this can be posted.",
              missing=', '.join(missing)), accounts=missing)
    return int(r.entry_id)


_POST_ENTRY_SQL = sa.text("""
WITH acc AS (
    SELECT code, id FROM gl_accounts
     WHERE hospital_id = :hospital_id AND code = ANY(CAST(:codes AS text[])) AND is_active),
entry AS (
    INSERT INTO journal_entries (hospital_id, memo, source_type, source_id, posted_by,
                                 reverses_entry_id)
    SELECT CAST(:hospital_id AS bigint), CAST(:memo AS text), CAST(:source_type AS text),
           CAST(:source_id AS bigint), CAST(:posted_by AS bigint),
           CAST(:reverses_entry_id AS bigint)
     WHERE (SELECT count(*) FROM acc) = :n_codes
    RETURNING id),
lines AS (
    INSERT INTO journal_lines (entry_id, account_id, debit, credit)
    SELECT entry.id, acc.id, l.debit, l.credit
      FROM entry
     CROSS JOIN unnest(CAST(:line_codes AS text[]), CAST(:debits AS numeric[]),
                       CAST(:credits AS numeric[])) WITH ORDINALITY AS l(code, debit, credit, n)
      JOIN acc ON acc.code = l.code
     ORDER BY l.n)
SELECT (SELECT id FROM entry) AS entry_id, ARRAY(SELECT code FROM acc) AS found
""")


def entry_for_source(session: Session, hospital_id: int, source_type: str,
                     source_id: int) -> int | None:
    """The first journal entry posted for a source (e.g. the collect of a payment), if any."""
    return session.scalar(
        sa.select(JournalEntry.id)
        .where(JournalEntry.hospital_id == hospital_id, JournalEntry.source_type == source_type,
               JournalEntry.source_id == source_id, JournalEntry.reverses_entry_id.is_(None))
        .order_by(JournalEntry.id).limit(1))


# ------------------------------------------------------------------------ receipt numbers
def format_receipt_number(kind: str, year: int, seq: int) -> str:
    """RCP-2026-000123 / RFD-2026-000007."""
    return f"{kind}-{year}-{seq:06d}"


def next_receipt_number(session: Session, hospital_id: int, year: int,
                        kind: str = "RCP") -> tuple[int, str]:
    """Take the next number for (hospital, year, kind): ``(seq, "KIND-YYYY-NNNNNN")``.

    Gapless: the counter row is created or incremented in the caller's transaction and stays
    locked until it ends, so concurrent callers queue and a rollback returns the number.
    """
    seq = int(session.execute(_counter_upsert(hospital_id, year, kind)).scalar_one())
    return seq, format_receipt_number(kind.upper(), year, seq)


def _counter_upsert(hospital_id: int, year: int, kind: str) -> sa.Insert:
    kind = _check_kind(kind)
    stmt = pg_insert(ReceiptCounter).values(hospital_id=hospital_id, year=year, kind=kind,
                                            last_seq=1)
    return stmt.on_conflict_do_update(
        index_elements=[ReceiptCounter.hospital_id, ReceiptCounter.year, ReceiptCounter.kind],
        set_={"last_seq": ReceiptCounter.last_seq + 1},
    ).returning(ReceiptCounter.last_seq)


def _check_kind(kind: str) -> str:
    kind = kind.upper()
    if not kind.isalpha() or len(kind) > 10:
        raise ValueError(f"bad receipt kind {kind!r}")
    return kind


@functools.cache
def receipt_number_cte() -> tuple[sa.CTE, sa.ColumnElement[int], sa.ColumnElement[str]]:
    """:func:`next_receipt_number` as a CTE, for a caller that inserts the numbered row in
    the same statement: ``(cte, seq, receipt_number)`` where the last two are SQL columns of
    the CTE (the number formatted exactly as :func:`format_receipt_number` does). Same
    upsert, same row lock until the transaction ends: just as gapless. Built once; execute
    it with :func:`receipt_number_params`."""
    t = ReceiptCounter.__table__
    hospital = sa.bindparam("receipt_hospital_id", type_=t.c.hospital_id.type)
    year = sa.bindparam("receipt_year", type_=t.c.year.type)
    kind = sa.bindparam("receipt_kind", type_=t.c.kind.type)
    cte = (pg_insert(t).values(hospital_id=hospital, year=year, kind=kind, last_seq=1)
           .on_conflict_do_update(index_elements=[t.c.hospital_id, t.c.year, t.c.kind],
                                  set_={"last_seq": t.c.last_seq + 1})
           .returning(t.c.last_seq).cte("receipt_counter"))
    seq = cte.c.last_seq
    digits = sa.cast(seq, sa.Text)
    padded = sa.case((seq < 1000000, sa.func.lpad(digits, 6, "0")), else_=digits)
    number = (sa.cast(kind, sa.Text) + "-" + sa.cast(year, sa.Text) + "-" + padded)
    return cte, seq, number


def receipt_number_params(hospital_id: int, year: int, kind: str = "RCP") -> dict[str, object]:
    """The parameters :func:`receipt_number_cte` is executed with."""
    return {"receipt_hospital_id": hospital_id, "receipt_year": year,
            "receipt_kind": _check_kind(kind)}


# --------------------------------------------------------------------- deductible ledgers
@dataclass(frozen=True)
class LedgerState:
    """A deductible ledger row after an adjustment."""

    id: int
    fiscal_year: int
    accumulated_amount: Decimal
    copay_accumulated: Decimal
    max_deductible: Decimal
    max_copay: Decimal | None


def adjust_deductible_ledger(
    session: Session,
    *,
    hospital_id: int,
    patient_id: int,
    patient_insurance_id: int,
    fiscal_year: int,
    deductible_delta: Decimal,
    copay_delta: Decimal,
    max_deductible: Decimal | None = None,
    max_copay: Decimal | None = None,
) -> LedgerState:
    """Add signed increments to the ledger of (patient, policy, fiscal year).

    A collect passes positive deltas (the row is created on first use, with the policy's
    annual limits when given); a refund passes negative ones. A decrease that would take an
    accumulator below zero means the ledger no longer matches the payments: it is refused
    with Conflict rather than silently clamped, and nothing is changed.
    """
    for value in (deductible_delta, copay_delta):
        if isinstance(value, float):
            raise TypeError("money must never be a float")
    d_delta, c_delta = q(deductible_delta), q(copay_delta)
    table = DeductibleLedger.__table__
    key = (DeductibleLedger.patient_id == patient_id,
           DeductibleLedger.patient_insurance_id == patient_insurance_id,
           DeductibleLedger.fiscal_year == fiscal_year)
    if d_delta < 0 or c_delta < 0:
        # A plain UPDATE under a row lock: the upsert below cannot take negatives, because
        # PostgreSQL checks the proposed row's CHECK constraints before it sees the conflict.
        row = session.execute(
            sa.select(DeductibleLedger.accumulated_amount, DeductibleLedger.copay_accumulated)
            .where(*key).with_for_update()).one_or_none()
        have_d, have_c = (row if row is not None else (ZERO, ZERO))
        if row is None or have_d + d_delta < 0 or have_c + c_delta < 0:
            raise Conflict(
                M("deductible_ledger_policy_holds",
                  "The {fiscal_year} deductible ledger of this policy holds AED {have_d} "
                  "deductible and AED {have_c} copay, less than the AED {d_delta} and AED "
                  "{c_delta} to take off. The ledger was changed since the payment; ask an "
                  "administrator to check it.",
                  fiscal_year=fiscal_year, have_d=have_d, have_c=have_c,
                  d_delta=-min(d_delta, ZERO), c_delta=-min(c_delta, ZERO)),
                fiscal_year=fiscal_year)
        changes: dict[str, object] = {
            "accumulated_amount": table.c.accumulated_amount + d_delta,
            "copay_accumulated": table.c.copay_accumulated + c_delta,
            "last_updated": sa.func.now(),
        }
        if max_deductible is not None:
            changes["max_deductible"] = q(max_deductible)
        if max_copay is not None:
            changes["max_copay"] = q(max_copay)
        r = session.execute(
            sa.update(table).where(*key).values(**changes).returning(*_RETURNING)).one()
        return _state(r)
    values: dict[str, object] = {
        "hospital_id": hospital_id, "patient_id": patient_id,
        "patient_insurance_id": patient_insurance_id, "fiscal_year": fiscal_year,
        "accumulated_amount": d_delta, "copay_accumulated": c_delta,
    }
    if max_deductible is not None:
        values["max_deductible"] = q(max_deductible)
    if max_copay is not None:
        values["max_copay"] = q(max_copay)
    stmt = _ledger_upsert(max_deductible is not None, max_copay is not None)
    return _state(session.execute(stmt, {f"l_{k}": v for k, v in values.items()}).one())


@functools.cache
def _ledger_upsert(with_max_deductible: bool, with_max_copay: bool) -> sa.Insert:
    """The create-or-add upsert, built once per shape (which limits are given)."""
    table = DeductibleLedger.__table__
    names = ["hospital_id", "patient_id", "patient_insurance_id", "fiscal_year",
             "accumulated_amount", "copay_accumulated"]
    names += ["max_deductible"] if with_max_deductible else []
    names += ["max_copay"] if with_max_copay else []
    ins = pg_insert(table).values(
        {n: sa.bindparam(f"l_{n}", type_=table.c[n].type) for n in names})
    update: dict[str, object] = {
        "accumulated_amount": table.c.accumulated_amount + ins.excluded.accumulated_amount,
        "copay_accumulated": table.c.copay_accumulated + ins.excluded.copay_accumulated,
        "last_updated": sa.func.now(),
    }
    if with_max_deductible:
        update["max_deductible"] = ins.excluded.max_deductible
    if with_max_copay:
        update["max_copay"] = ins.excluded.max_copay
    return ins.on_conflict_do_update(
        index_elements=[table.c.patient_id, table.c.patient_insurance_id, table.c.fiscal_year],
        set_=update,
    ).returning(*_RETURNING)


_T = DeductibleLedger.__table__
_RETURNING = (_T.c.id, _T.c.fiscal_year, _T.c.accumulated_amount, _T.c.copay_accumulated,
              _T.c.max_deductible, _T.c.max_copay)


def _state(r: sa.Row) -> LedgerState:
    return LedgerState(r.id, r.fiscal_year, r.accumulated_amount, r.copay_accumulated,
                       r.max_deductible, r.max_copay)
