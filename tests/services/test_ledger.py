"""The shared bookkeeping primitives (app/services/ledger.py) on their own."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import DeductibleLedger, GLAccount, JournalEntry, JournalLine
from app.domain.errors import Conflict, ValidationError
from app.services import ledger
from tests import factories as f

D = Decimal
Z = D("0")


# ------------------------------------------------------------------------ post_entry
def test_post_entry_writes_a_balanced_entry_and_drops_zero_lines(session):
    h = f.hospital(session)
    eid = ledger.post_entry(session, h.id, "Copay RCP-1", "COPAY_PAYMENT", 7,
                            [("1000", D("105.00"), Z), ("4000", Z, D("100.00")),
                             ("2200", Z, D("5.00")), ("1100", Z, Z)], None)
    session.commit()
    entry = session.get(JournalEntry, eid)
    assert (entry.source_type, entry.source_id, entry.memo) == ("COPAY_PAYMENT", 7, "Copay RCP-1")
    lines = session.execute(
        sa.select(GLAccount.code, JournalLine.debit, JournalLine.credit)
        .join(GLAccount, GLAccount.id == JournalLine.account_id)
        .where(JournalLine.entry_id == eid).order_by(GLAccount.code)).all()
    assert lines == [("1000", D("105.00"), Z), ("2200", Z, D("5.00")), ("4000", Z, D("100.00"))]
    assert ledger.entry_for_source(session, h.id, "COPAY_PAYMENT", 7) == eid
    rev = ledger.post_entry(session, h.id, "Undo", "COPAY_REFUND", 1,
                            [("4000", D("100.00"), Z), ("2200", D("5.00"), Z),
                             ("1000", Z, D("105.00"))], None, reverses_entry_id=eid)
    assert session.get(JournalEntry, rev).reverses_entry_id == eid


@pytest.mark.parametrize("lines, message", [
    ([("1000", D("10.00"), Z), ("4000", Z, D("9.99"))], "does not balance"),
    ([("1000", D("10.00"), D("10.00"))], "both a debit and a credit"),
    ([("1000", D("-1.00"), Z), ("4000", Z, D("-1.00"))], "negative"),
    ([("1000", Z, Z), ("4000", Z, Z)], "does not balance"),
])
def test_post_entry_refuses_entries_that_do_not_balance(session, lines, message):
    h = f.hospital(session)
    with pytest.raises(ValidationError, match=message):
        ledger.post_entry(session, h.id, "bad", "TEST", 1, lines, None)


def test_post_entry_names_a_missing_account(session):
    h = f.hospital(session)
    with pytest.raises(Conflict, match="no active account 9999"):
        ledger.post_entry(session, h.id, "x", "TEST", 1,
                          [("1000", D("1.00"), Z), ("9999", Z, D("1.00"))], None)


def test_post_entry_refuses_floats(session):
    h = f.hospital(session)
    with pytest.raises(TypeError):
        ledger.post_entry(session, h.id, "x", "TEST", 1,
                          [("1000", 1.0, Z), ("4000", Z, 1.0)], None)  # type: ignore[list-item]


def test_the_database_refuses_an_unbalanced_entry_at_commit(session):
    """The deferred trigger is the backstop for code that bypasses post_entry."""
    h = f.hospital(session)
    eid = ledger.post_entry(session, h.id, "ok", "TEST", 1,
                            [("1000", D("5.00"), Z), ("4000", Z, D("5.00"))], None)
    account = session.scalar(sa.select(GLAccount.id).where(GLAccount.hospital_id == h.id,
                                                           GLAccount.code == "1000"))
    session.add(JournalLine(entry_id=eid, account_id=account, debit=D("1.00"), credit=Z))
    session.flush()
    # The test transaction never really commits; fire the deferred check as COMMIT would.
    with pytest.raises(sa.exc.IntegrityError, match="does not balance"):
        session.execute(sa.text("SET CONSTRAINTS ALL IMMEDIATE"))


# ------------------------------------------------------------------- receipt numbers
def test_receipt_numbers_count_per_hospital_year_and_kind(session):
    h1, h2 = f.hospital(session), f.hospital(session)
    nxt = ledger.next_receipt_number
    assert nxt(session, h1.id, 2026, "RCP") == (1, "RCP-2026-000001")
    assert nxt(session, h1.id, 2026, "RCP") == (2, "RCP-2026-000002")
    assert nxt(session, h1.id, 2026, "RFD") == (1, "RFD-2026-000001")
    assert nxt(session, h1.id, 2027, "RCP") == (1, "RCP-2027-000001")
    assert nxt(session, h2.id, 2026, "rcp") == (1, "RCP-2026-000001")
    with pytest.raises(ValueError):
        nxt(session, h1.id, 2026, "RCP'; --")


def test_a_rolled_back_number_is_handed_out_again(session):
    h = f.hospital(session)
    ledger.next_receipt_number(session, h.id, 2026, "RFD")
    nested = session.begin_nested()
    assert ledger.next_receipt_number(session, h.id, 2026, "RFD")[0] == 2
    nested.rollback()
    assert ledger.next_receipt_number(session, h.id, 2026, "RFD")[0] == 2


def test_concurrent_workstations_get_gapless_distinct_numbers(fresh_db_url):
    from app.db.session import make_engine, make_session_factory

    engine = make_engine(fresh_db_url, pool_size=4)
    factory = make_session_factory(engine)
    with factory() as s:
        hid = f.hospital(s).id
        s.commit()
    got: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(4)

    def desk(rollback_every: int) -> None:
        barrier.wait()
        for i in range(15):
            with factory() as s:
                seq, _ = ledger.next_receipt_number(s, hid, 2026, "RCP")
                if rollback_every and i % rollback_every == 0:
                    s.rollback()  # a collect that failed: its number goes back
                    continue
                s.commit()
            with lock:
                got.append(seq)

    threads = [threading.Thread(target=desk, args=(n,)) for n in (0, 0, 3, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    engine.dispose()
    assert sorted(got) == list(range(1, len(got) + 1))


# ---------------------------------------------------------------- deductible ledger
def _policy(session):
    h = f.hospital(session)
    pat = f.patient(session, h)
    ins = f.insurance(session, pat, f.payer(session, h))
    return h, pat, ins


def _adjust(session, h, pat, ins, d, c, **kw):
    return ledger.adjust_deductible_ledger(
        session, hospital_id=h.id, patient_id=pat.id, patient_insurance_id=ins.id,
        fiscal_year=2026, deductible_delta=D(d), copay_delta=D(c), **kw)


def test_ledger_is_created_then_incremented_then_reversed(session):
    h, pat, ins = _policy(session)
    first = _adjust(session, h, pat, ins, "40.00", "10.00", max_deductible=D("500"),
                    max_copay=D("1000"))
    assert (first.accumulated_amount, first.copay_accumulated, first.max_deductible,
            first.max_copay) == (D("40.00"), D("10.00"), D("500.00"), D("1000.00"))
    second = _adjust(session, h, pat, ins, "5.00", "2.50")
    assert second.id == first.id
    assert (second.accumulated_amount, second.copay_accumulated) == (D("45.00"), D("12.50"))
    assert second.max_deductible == D("500.00")  # limits kept when not given
    back = _adjust(session, h, pat, ins, "-45.00", "-12.50")
    assert (back.accumulated_amount, back.copay_accumulated) == (D("0.00"), D("0.00"))
    assert session.scalar(sa.select(sa.func.count()).select_from(DeductibleLedger).where(
        DeductibleLedger.patient_id == pat.id)) == 1


def test_ledger_refuses_to_go_below_zero_and_changes_nothing(session):
    h, pat, ins = _policy(session)
    with pytest.raises(Conflict, match="2026 deductible ledger"):
        _adjust(session, h, pat, ins, "-1.00", "0")  # no ledger at all yet
    _adjust(session, h, pat, ins, "10.00", "10.00")
    with pytest.raises(Conflict, match="less than"):
        _adjust(session, h, pat, ins, "-5.00", "-10.01")
    row = session.scalars(sa.select(DeductibleLedger).where(
        DeductibleLedger.patient_id == pat.id)).one()
    session.refresh(row)
    assert (row.accumulated_amount, row.copay_accumulated) == (D("10.00"), D("10.00"))


def test_ledger_years_are_separate(session):
    h, pat, ins = _policy(session)
    _adjust(session, h, pat, ins, "10.00", "0")
    other = ledger.adjust_deductible_ledger(
        session, hospital_id=h.id, patient_id=pat.id, patient_insurance_id=ins.id,
        fiscal_year=2027, deductible_delta=D("1.00"), copay_delta=Z)
    assert (other.fiscal_year, other.accumulated_amount) == (2027, D("1.00"))
