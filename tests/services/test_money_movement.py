"""The one money-movement helper (ledger.move_money) and the account codes it names: the
deposit side and the journal entry together, or nothing; and the database refuses to change
a posted entry or a payment afterwards (corrections are new rows)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.db.models import DepositTransaction, GLAccount, JournalEntry, JournalLine, Patient
from app.domain.accounts import CHART_OF_ACCOUNTS
from app.domain.enums import DepositTxnKind, PaymentMethod, RefundMethod
from app.domain.errors import InsufficientDeposit, NotFound, ValidationError
from app.services import ledger
from tests import factories as f

D = Decimal
Z = D("0.00")


def _lines(session, entry_id):
    return session.execute(
        sa.select(GLAccount.code, JournalLine.debit, JournalLine.credit)
        .join(GLAccount, GLAccount.id == JournalLine.account_id)
        .where(JournalLine.entry_id == entry_id).order_by(GLAccount.code)).all()


def test_every_account_the_ledger_names_is_in_the_chart():
    chart = {code for code, _, _ in CHART_OF_ACCOUNTS}
    named = {v for k, v in vars(ledger).items() if k.startswith("ACCOUNT_")}
    assert named <= chart and len(named) == 10  # 5100 petty cash (shifts)
    assert {ledger.debit_account(m) for m in PaymentMethod} <= chart
    assert {ledger.refund_credit_account(m) for m in RefundMethod} <= chart


def test_no_service_spells_out_an_account_code():
    # The codes live in app/services/ledger.py (and the chart in app/domain/accounts.py).
    root = Path(__file__).resolve().parents[2] / "app"
    codes = "|".join(code for code, _, _ in CHART_OF_ACCOUNTS)
    pattern = re.compile(rf"[\"']({codes})[\"']")
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name not in ("ledger.py", "accounts.py")
                 and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_deposit_top_up_moves_balance_transaction_and_entry(session):
    h = f.hospital(session)
    pat = f.patient(session, h)
    moved = ledger.move_money(
        session, hospital_id=h.id, patient_id=pat.id, memo="Deposit top-up",
        source_type=ledger.SOURCE_DEPOSIT_TOP_UP, source_id=None,
        lines=ledger.top_up_lines(D("80.00"), PaymentMethod.CREDIT_CARD), posted_by=None,
        deposit_delta=D("80.00"), deposit_kind=DepositTxnKind.TOP_UP)
    assert moved.deposit_balance_after == D("80.00")
    entry = session.get(JournalEntry, moved.entry_id)
    assert (entry.source_id, entry.memo) == (moved.deposit_transaction_id,
                                             f"Deposit top-up {moved.deposit_transaction_id}")
    assert _lines(session, moved.entry_id) == [("1010", D("80.00"), Z), ("2100", Z, D("80.00"))]


def test_collect_and_refund_lines_by_method(session):
    h = f.hospital(session)
    pat = f.patient(session, h)
    paid = ledger.move_money(
        session, hospital_id=h.id, patient_id=pat.id, memo="Copay", posted_by=None,
        source_type=ledger.SOURCE_COPAY_PAYMENT, source_id=1,
        lines=ledger.collect_lines(D("105.00"), D("5.00"), PaymentMethod.DEBIT_CARD))
    assert paid.deposit_balance_after is None and paid.deposit_transaction_id is None
    assert _lines(session, paid.entry_id) == [
        ("1010", D("105.00"), Z), ("2200", Z, D("5.00")), ("4000", Z, D("100.00"))]
    back = ledger.move_money(
        session, hospital_id=h.id, patient_id=pat.id, memo="Refund", posted_by=None,
        source_type=ledger.SOURCE_COPAY_REFUND, source_id=1, reverses_entry_id=paid.entry_id,
        lines=ledger.refund_lines(D("42.00"), D("40.00"), D("2.00"),
                                  RefundMethod.BANK_TRANSFER))
    assert _lines(session, back.entry_id) == [
        ("2200", D("2.00"), Z), ("2300", Z, D("42.00")), ("4000", D("40.00"), Z)]
    assert session.get(JournalEntry, back.entry_id).reverses_entry_id == paid.entry_id


def test_too_little_deposit_or_no_patient_writes_nothing(session):
    h = f.hospital(session)
    pat = f.patient(session, h, deposit_balance=D("20.00"))
    session.commit()
    with pytest.raises(InsufficientDeposit, match="Deposit balance AED 20.00 is less than "
                                                  "the copay AED 30.00; nothing was charged"):
        ledger.move_money(
            session, hospital_id=h.id, patient_id=pat.id, memo="Copay", posted_by=None,
            source_type=ledger.SOURCE_COPAY_PAYMENT, source_id=1,
            lines=ledger.collect_lines(D("30.00"), Z, PaymentMethod.DEPOSIT),
            deposit_delta=D("-30.00"), deposit_kind=DepositTxnKind.COPAY,
            insufficient="the copay")
    other = f.hospital(session)
    with pytest.raises(NotFound):
        ledger.move_money(session, hospital_id=other.id, patient_id=pat.id, memo="x",
                          posted_by=None, source_type="TEST", source_id=1, lines=[],
                          deposit_delta=D("5.00"), deposit_kind=DepositTxnKind.TOP_UP)
    session.rollback()
    assert session.get(Patient, pat.id).deposit_balance == D("20.00")
    assert session.scalar(sa.select(sa.func.count()).select_from(DepositTransaction)
                          .where(DepositTransaction.patient_id == pat.id)) == 0


def test_a_deposit_cannot_top_up_itself():
    with pytest.raises(ValidationError):
        ledger.top_up_lines(D("10.00"), PaymentMethod.DEPOSIT)


@pytest.mark.parametrize("sql", [
    "UPDATE journal_entries SET memo = 'x' WHERE id = :e",
    "DELETE FROM journal_lines WHERE entry_id = :e",
    "UPDATE journal_lines SET debit = debit WHERE entry_id = :e",
])
def test_posted_entries_are_append_only_for_everyone(session, sql):
    h = f.hospital(session)
    pat = f.patient(session, h)
    desk = f.user(session, h)
    f.open_shift(session, desk)
    moved = ledger.move_money(
        session, hospital_id=h.id, patient_id=pat.id, memo="Copay", posted_by=desk.id,
        source_type=ledger.SOURCE_COPAY_PAYMENT, source_id=1,
        lines=ledger.collect_lines(D("10.00"), Z, PaymentMethod.CASH),
        method=PaymentMethod.CASH, workstation="test-ws")
    session.flush()
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), session.begin_nested():
        session.execute(sa.text(sql), {"e": moved.entry_id})
