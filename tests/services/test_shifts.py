"""Cash drawer shifts (issue 14): the service's rules, and the invariants the database holds
by itself (app/db/shift_rules.py), on real PostgreSQL.

The service tests run inside the test's transaction; the deferred "cash needs a shift"
check is fired there with SET CONSTRAINTS ALL IMMEDIATE. Races run on a committed copy.
"""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db.models import CashShift, JournalEntry, ShiftMovement
from app.domain.enums import DepositTxnKind, PaymentMethod, RefundMethod, RefundReason, Role
from app.domain.errors import (
    AuthenticationFailed,
    Conflict,
    DrawerShort,
    PermissionDenied,
    ShiftRequired,
    ValidationError,
)
from app.receipts.cash_report import render_report_pdf
from app.services import ledger
from app.services.refunds import RefundService
from app.services.shifts import ShiftService
from tests import factories as f
from tests.services.test_refunds_support import NOW, clinic, collected_payment

D = Decimal
Z = D("0.00")


@pytest.fixture
def svc(uow):
    from app.services.clock import fixed_clock
    return ShiftService(uow, fixed_clock(NOW))


@pytest.fixture
def c(session):
    return clinic(session)


def _fresh_desk(session, c, role=Role.RECEPTIONIST, ws="desk-7"):
    """A user of ``role`` signed in on ``ws`` with no shift open."""
    u = f.user(session, c.hospital, role, password_hash="!test-only")
    return u, f.actor(u, ws, shift=False)


def _fire_deferred(session):
    """Run the deferred constraint triggers now (the test never commits)."""
    session.execute(sa.text("SET CONSTRAINTS ALL IMMEDIATE"))
    session.execute(sa.text("SET CONSTRAINTS ALL DEFERRED"))


# ------------------------------------------------------------------------------ service
def test_open_with_denominations_then_current_shift(session, svc, c):
    _, desk = _fresh_desk(session, c)
    assert svc.current_shift(desk) is None
    r = svc.open_shift(desk, None, {"100": 3, "50": 1, "0.25": 4})
    v = svc.current_shift(desk)
    assert v is not None and v.id == r.shift_id
    assert v.opening_float == v.expected_cash == D("351.00")
    assert v.opening_denominations == {"100": 3, "50": 1, "0.25": 4}
    assert "cash_shifts" in r.changes.tables


def test_typed_float_must_match_the_notes(session, svc, c):
    _, desk = _fresh_desk(session, c)
    with pytest.raises(ValidationError, match="add up to AED 100.00"):
        svc.open_shift(desk, D("120.00"), {"100": 1})
    with pytest.raises(ValidationError, match="not a note or coin"):
        svc.open_shift(desk, None, {"3": 1})


def test_a_second_open_on_the_same_desk_is_refused(session, svc, c):
    _, desk = _fresh_desk(session, c)
    svc.open_shift(desk, D("200.00"))
    with pytest.raises(Conflict, match="already open"):
        svc.open_shift(desk, D("50.00"))


def test_cash_without_a_shift_is_a_typed_error_and_writes_nothing(session, c):
    u, desk = _fresh_desk(session, c)
    pat = f.patient(session, c.hospital)
    entries = session.scalar(sa.select(sa.func.count()).select_from(JournalEntry))
    with pytest.raises(ShiftRequired, match="Open a shift first"):
        ledger.move_money(session, hospital_id=c.hospital.id, patient_id=pat.id, memo="x",
                          source_type=ledger.SOURCE_DEPOSIT_TOP_UP, source_id=None,
                          lines=ledger.top_up_lines(D("50.00"), PaymentMethod.CASH),
                          posted_by=u.id, deposit_delta=D("50.00"),
                          deposit_kind=DepositTxnKind.TOP_UP,
                          method=PaymentMethod.CASH, workstation=desk.workstation)
    assert session.scalar(sa.select(sa.func.count()).select_from(JournalEntry)) == entries


def test_top_up_at_a_desk_without_a_shift_asks_for_one(session, c, uow):
    from app.services.patients import PatientService
    _, desk = _fresh_desk(session, c)
    pat = f.patient(session, c.hospital)
    patients = PatientService(uow)
    with pytest.raises(ShiftRequired):
        patients.deposit_top_up(desk, pat.id, D("50.00"), PaymentMethod.CASH)
    # a card top-up needs no drawer
    patients.deposit_top_up(desk, pat.id, D("50.00"), PaymentMethod.CREDIT_CARD)


def test_every_tender_is_stamped_and_cash_moves_the_drawer(session, svc, c, uow):
    from app.services.patients import PatientService
    _, desk = _fresh_desk(session, c)
    sid = svc.open_shift(desk, D("100.00")).shift_id
    pat = f.patient(session, c.hospital)
    patients = PatientService(uow)
    patients.deposit_top_up(desk, pat.id, D("40.00"), PaymentMethod.CASH)
    patients.deposit_top_up(desk, pat.id, D("25.00"), PaymentMethod.CREDIT_CARD)
    svc.record_payout(desk, D("15.50"), "Courier")
    v = svc.shift(desk, sid)
    assert v.expected_cash == D("124.50")
    assert v.by_tender == {"CASH": D("24.50"), "CARD": D("25.00")}
    assert [(m.kind, m.tender, m.amount) for m in v.movements] == [
        ("DEPOSIT_TOP_UP", "CASH", D("40.00")), ("DEPOSIT_TOP_UP", "CARD", D("25.00")),
        ("PETTY_PAYOUT", "CASH", D("-15.50"))]
    _fire_deferred(session)


def test_payout_larger_than_the_drawer_is_refused(session, svc, c):
    _, desk = _fresh_desk(session, c)
    svc.open_shift(desk, D("20.00"))
    with pytest.raises(DrawerShort, match="should hold AED 20.00"):
        svc.record_payout(desk, D("20.25"), "Taxi")
    assert svc.current_shift(desk).expected_cash == D("20.00")


def test_cash_refund_cannot_exceed_the_drawer(session, svc, c, uow):
    from app.services.clock import fixed_clock
    refunds = RefundService(uow, fixed_clock(NOW))
    pay = collected_payment(session, c, amount="100.00")
    acct_user, acct = _fresh_desk(session, c, Role.ACCOUNTANT, "office-1")
    rid = refunds.request(c.desk, pay.id, D("100.00"), RefundReason.OVERCHARGE,
                          RefundMethod.CASH).refund_id
    refunds.approve(acct, rid)
    with pytest.raises(ShiftRequired):
        refunds.process(acct, rid)
    svc.open_shift(acct, D("60.00"))
    with pytest.raises(DrawerShort):
        refunds.process(acct, rid)
    svc.record_payout(acct, D("10.00"), "Stamps")  # the drawer still works
    # the drawer of another person does not count: a bigger float on a fresh shift does
    sid = svc.current_shift(acct).id
    svc.close_shift(acct, sid, None, counted_cash=D("50.00"))
    svc.open_shift(acct, D("150.00"))
    refunds.process(acct, rid)
    assert svc.current_shift(acct).expected_cash == D("50.00")
    _fire_deferred(session)


def test_close_balanced_then_the_shift_is_final(session, svc, c):
    _, desk = _fresh_desk(session, c)
    sid = svc.open_shift(desk, D("100.00")).shift_id
    r = svc.close_shift(desk, sid, {"50": 2})
    assert (r.expected_cash, r.counted_cash, r.difference) == (D("100.00"),) * 2 + (Z,)
    with pytest.raises(Conflict, match="already closed"):
        svc.close_shift(desk, sid, {"50": 2})
    assert svc.current_shift(desk) is None


def test_a_difference_needs_a_reason_and_above_the_threshold_a_supervisor(session, svc, c):
    from app.services.passwords import hash_password
    u, desk = _fresh_desk(session, c)
    sup = f.user(session, c.hospital, Role.ACCOUNTANT, password_hash=hash_password("sup-pass-1"))
    nurse = f.user(session, c.hospital, Role.NURSE, password_hash=hash_password("nurse-pass-1"))
    sid = svc.open_shift(desk, D("100.00")).shift_id
    with pytest.raises(ValidationError, match="short by aed 3.00"):
        svc.close_shift(desk, sid, None, counted_cash=D("97.00"))
    with pytest.raises(PermissionDenied, match="must approve"):
        svc.close_shift(desk, sid, None, "Counted twice", counted_cash=D("90.00"))
    with pytest.raises(AuthenticationFailed):
        svc.close_shift(desk, sid, None, "Counted twice", counted_cash=D("90.00"),
                        approver_username=sup.username, approver_password="wrong")
    with pytest.raises(PermissionDenied, match="may not approve"):
        svc.close_shift(desk, sid, None, "Counted twice", counted_cash=D("90.00"),
                        approver_username=nurse.username, approver_password="nurse-pass-1")
    r = svc.close_shift(desk, sid, None, "Counted twice", counted_cash=D("90.00"),
                        approver_username=sup.username, approver_password="sup-pass-1")
    assert r.difference == D("-10.00") and r.approved_by == sup.full_name
    v = svc.shift(desk, sid)
    assert (v.reason, v.approved_by, v.closed_at is not None) == ("Counted twice",
                                                                  sup.full_name, True)


def test_small_difference_within_threshold_closes_with_a_reason(session, svc, c):
    _, desk = _fresh_desk(session, c)
    sid = svc.open_shift(desk, D("100.00")).shift_id
    r = svc.close_shift(desk, sid, None, "Coin dropped", counted_cash=D("104.75"))
    assert r.difference == D("4.75") and r.approved_by is None


def test_handover_proposes_the_last_count_on_the_workstation(session, svc, c):
    _, first = _fresh_desk(session, c, ws="desk-9")
    _, second = _fresh_desk(session, c, ws="desk-9")
    assert svc.proposed_opening(second) is None
    sid = svc.open_shift(first, D("300.00")).shift_id
    svc.close_shift(first, sid, {"100": 3})
    h = svc.proposed_opening(second)
    assert (h.from_shift_id, h.float_amount, h.denominations) == (sid, D("300.00"), {"100": 3})
    new = svc.open_shift(second, h.float_amount, h.denominations, handover_from=sid).shift_id
    assert svc.shift(second, new).handed_over_from_id == sid


def test_z_report_second_issue_is_a_duplicate_and_renders(session, svc, c):
    _, desk = _fresh_desk(session, c)
    sid = svc.open_shift(desk, D("100.00")).shift_id
    svc.record_payout(desk, D("12.00"), "Water")
    first = svc.issue_z_report(desk, sid).report
    again = svc.issue_z_report(desk, sid).report
    assert (first.duplicate, again.duplicate) == (False, True)
    drawer = {r.label: r.amount for r in first.sections[0].rows}
    assert drawer["Expected in drawer"] == D("88.00")
    tenders = {r.label: r.amount for r in first.sections[1].rows}
    assert tenders == {"Cash": D("-12.00")}
    for layout in ("A4", "THERMAL_80MM"):
        assert render_report_pdf(again, layout).startswith(b"%PDF")


def test_others_shifts_are_for_supervisors(session, svc, c):
    _, desk = _fresh_desk(session, c)
    _, other = _fresh_desk(session, c, ws="desk-8")
    sid = svc.open_shift(desk, D("10.00")).shift_id
    with pytest.raises(PermissionDenied):
        svc.shift(other, sid)
    assert svc.shift(c.accountant, sid).id == sid
    assert [v.id for v in svc.history(other)] == []
    assert sid in [v.id for v in svc.history(c.accountant)]


# ------------------------------------------------------------------------- the database
def _shift(session, c, float_="100.00", ws="db-ws"):
    u = f.user(session, c.hospital, Role.RECEPTIONIST, password_hash="!test-only")
    return f.open_shift(session, u, ws, D(float_)), u


def test_database_one_open_shift_per_user_and_workstation(session, c):
    sid, u = _shift(session, c)
    with pytest.raises(sa.exc.IntegrityError, match="uq_cash_shifts_open"), \
            session.begin_nested():
        session.execute(sa.insert(CashShift).values(
            hospital_id=c.hospital.id, user_id=u.id, workstation="db-ws", opening_float=1,
            expected_cash=1))
    # another workstation is another drawer
    session.execute(sa.insert(CashShift).values(
        hospital_id=c.hospital.id, user_id=u.id, workstation="db-ws-2", opening_float=1,
        expected_cash=1))


def test_database_refuses_cash_on_the_journal_without_a_shift_movement(session, c):
    ledger.post_entry(session, c.hospital.id, "Cash in, no drawer", "TEST", 1,
                      [(ledger.ACCOUNT_CASH, D("5.00"), Z), (ledger.ACCOUNT_REVENUE, Z, D("5.00"))],
                      None)
    with pytest.raises(sa.exc.DBAPIError, match="without a cash movement"):
        session.execute(sa.text("SET CONSTRAINTS ALL IMMEDIATE"))


def test_database_closed_shift_is_immutable_even_for_the_superuser(session, c):
    sid, _ = _shift(session, c)
    session.execute(sa.update(CashShift).where(CashShift.id == sid).values(
        closed_at=sa.func.now(), counted_cash=D("100.00"), difference=Z))
    for sql in ("UPDATE cash_shifts SET reason = 'edited' WHERE id = :s",
                "UPDATE cash_shifts SET counted_cash = 90, difference = -10, reason = 'x' "
                "WHERE id = :s",
                "DELETE FROM cash_shifts WHERE id = :s"):
        with pytest.raises(sa.exc.DBAPIError, match="closed|never deleted"), \
                session.begin_nested():
            session.execute(sa.text(sql), {"s": sid})
    assert session.execute(sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                           ).scalar()
    # and nothing can be added to it
    eid = ledger.post_entry(session, c.hospital.id, "Card", "TEST", 1,
                            [(ledger.ACCOUNT_CARD, D("1.00"), Z),
                             (ledger.ACCOUNT_REVENUE, Z, D("1.00"))], None)
    with pytest.raises(sa.exc.DBAPIError, match="not open"), session.begin_nested():
        session.execute(sa.insert(ShiftMovement).values(
            shift_id=sid, hospital_id=c.hospital.id, tender="CARD", amount=D("1.00"),
            source_type="TEST", source_id=1, journal_entry_id=eid, memo="x"))


def test_database_expected_cash_cannot_be_edited_nor_go_negative(session, c):
    sid, u = _shift(session, c, "10.00")
    with pytest.raises(sa.exc.DBAPIError, match="is not the float"), session.begin_nested():
        session.execute(sa.text("UPDATE cash_shifts SET expected_cash = 500 WHERE id = :s"),
                        {"s": sid})
    eid = ledger.post_entry(session, c.hospital.id, "Big payout", "TEST", 1,
                            [(ledger.ACCOUNT_PETTY, D("11.00"), Z),
                             (ledger.ACCOUNT_CASH, Z, D("11.00"))], u.id)
    with pytest.raises(sa.exc.IntegrityError, match="drawer_nonneg"), session.begin_nested():
        session.execute(sa.insert(ShiftMovement).values(
            shift_id=sid, hospital_id=c.hospital.id, tender="CASH", amount=D("-11.00"),
            source_type="TEST", source_id=1, journal_entry_id=eid, memo="x"))


def test_two_desks_opening_the_same_drawer_at_once_exactly_one_wins(test_db_url):
    from app.db.session import make_engine, make_session_factory
    from app.services.unit_of_work import uow_factory

    engine = make_engine(test_db_url, pool_size=4)
    try:
        with make_session_factory(engine)() as s:
            cl = clinic(s)
            u = f.user(s, cl.hospital, Role.RECEPTIONIST, password_hash="!test-only")
            s.commit()
            uid = u.id
        actors = [f.committed_actor(engine, uid, "race-ws", shift=False) for _ in range(2)]
        svc = ShiftService(uow_factory(make_session_factory(engine)))
        barrier = threading.Barrier(2)
        results, errors = [], []

        def go(a):
            barrier.wait(timeout=10)
            try:
                results.append(svc.open_shift(a, D("100.00")).shift_id)
            except Exception as exc:  # noqa: BLE001 - collected and checked below
                errors.append(exc)

        threads = [threading.Thread(target=go, args=(a,)) for a in actors]
        for t in threads:
            t.start()
        for t in threads:
            t.join(20)
        assert len(results) == 1 and len(errors) == 1, (results, errors)
        assert isinstance(errors[0], Conflict)
        with engine.connect() as conn:
            assert conn.execute(sa.text(
                "SELECT count(*) FROM cash_shifts WHERE user_id = :u AND closed_at IS NULL"),
                {"u": uid}).scalar() == 1
    finally:
        engine.dispose()


# -------------------------------------------------------------- random operation sequences
OPS = st.lists(st.tuples(
    st.sampled_from(["collect_cash", "collect_card", "refund_cash", "top_up_cash",
                     "top_up_card", "payout"]),
    st.decimals(min_value=D("0.25"), max_value=D("400.00"), places=2)), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(float_=st.decimals(min_value=Z, max_value=D("300.00"), places=2), ops=OPS)
def test_expected_cash_is_float_plus_cash_movements_and_never_negative(session, float_, ops):
    with session.begin_nested() as sp:
        h = f.hospital(session)
        pat = f.patient(session, h)
        u = f.user(session, h, Role.RECEPTIONIST, password_hash="!test-only")
        sid = f.open_shift(session, u, "prop-ws", float_)
        drawer = float_
        for op, amount in ops:
            kind, lines, method = {
                "collect_cash": (ledger.SOURCE_COPAY_PAYMENT,
                                 ledger.collect_lines(amount, Z, PaymentMethod.CASH),
                                 PaymentMethod.CASH),
                "collect_card": (ledger.SOURCE_COPAY_PAYMENT,
                                 ledger.collect_lines(amount, Z, PaymentMethod.CREDIT_CARD),
                                 PaymentMethod.CREDIT_CARD),
                "refund_cash": (ledger.SOURCE_COPAY_REFUND,
                                ledger.refund_lines(amount, amount, Z, RefundMethod.CASH),
                                RefundMethod.CASH),
                "top_up_cash": (ledger.SOURCE_DEPOSIT_TOP_UP,
                                ledger.top_up_lines(amount, PaymentMethod.CASH),
                                PaymentMethod.CASH),
                "top_up_card": (ledger.SOURCE_DEPOSIT_TOP_UP,
                                ledger.top_up_lines(amount, PaymentMethod.CREDIT_CARD),
                                PaymentMethod.CREDIT_CARD),
                "payout": (ledger.SOURCE_PETTY_PAYOUT, ledger.payout_lines(amount),
                           PaymentMethod.CASH),
            }[op]
            cash_delta = {"collect_cash": amount, "top_up_cash": amount,
                          "refund_cash": -amount, "payout": -amount}.get(op, Z)
            try:
                with session.begin_nested():
                    ledger.move_money(session, hospital_id=h.id, patient_id=pat.id, memo=op,
                                      source_type=kind, source_id=1, lines=lines,
                                      posted_by=u.id, method=method, workstation="prop-ws")
            except DrawerShort:
                assert drawer + cash_delta < 0  # refused exactly when the drawer is short
                continue
            drawer += cash_delta
        expected, opening = session.execute(sa.select(
            CashShift.expected_cash, CashShift.opening_float).where(CashShift.id == sid)).one()
        cash = session.scalar(sa.select(sa.func.coalesce(sa.func.sum(ShiftMovement.amount), 0))
                              .where(ShiftMovement.shift_id == sid,
                                     ShiftMovement.tender == "CASH"))
        assert expected == opening + cash == drawer >= 0
        session.execute(sa.text("SET CONSTRAINTS ALL IMMEDIATE"))  # every cash line stamped
        session.execute(sa.text("SET CONSTRAINTS ALL DEFERRED"))
        sp.rollback()
