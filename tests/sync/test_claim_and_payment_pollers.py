"""Claim status and payment posting against the sandbox: every ClaimStatus mapped, denials
become REJECTED with their reason, claim payments become insurance payments that settle the
insurer's receivable in a balanced ledger, and a second run never posts twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import sqlalchemy as sa

from app.db.models import (
    ActivityLog,
    Claim,
    ClaimStatusChange,
    InsurancePayment,
    JournalEntry,
    JournalLine,
)
from app.db.models.ledger import GLAccount
from app.domain.claim_status import seed_status
from app.domain.enums import ClaimStatus
from app.integrations.opendental.wire import ClaimStatus as OdStatus
from tests.sync.conftest import run


def _claims(session, conn_id):
    session.expire_all()
    return {c.external_claim_id: c for c in session.scalars(
        sa.select(Claim).where(Claim.connection_id == conn_id))}


def _balance(session, hospital_id, code):
    return session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(JournalLine.debit - JournalLine.credit), 0))
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .join(GLAccount, GLAccount.id == JournalLine.account_id)
        .where(JournalEntry.hospital_id == hospital_id, GLAccount.code == code))


def test_claim_status_brings_every_claim_with_the_mapped_status(session, od, practice):
    result = run(od, "claim_status")
    assert result.ok, result.error
    got = _claims(session, od.connection.id)
    assert set(got) == set(practice.claims)
    assert {c.od_claim_status for c in got.values()} == {s.value for s in OdStatus}
    for num, od_claim in practice.claims.items():
        row = got[num]
        assert row.status is seed_status(od_claim.claim_status.value,
                                         ins_pay_amt=od_claim.ins_pay_amt,
                                         denial_reason=od_claim.reason_under_paid)
        assert row.amount_billed == od_claim.claim_fee
    denied = [c for c in practice.claims.values() if c.reason_under_paid]
    assert denied, "the practice has denials"
    for c in denied:
        assert got[c.claim_num].status is ClaimStatus.REJECTED
        assert got[c.claim_num].rejection_reason == c.reason_under_paid


def test_a_status_change_is_history_and_activity(session, od, practice, clock):
    run(od, "claim_status")
    sent = next(c for c in practice.claims.values() if c.claim_status is OdStatus.SENT)
    clock.advance(hours=1)
    practice.update_claim(sent.claim_num, {"claim_status": OdStatus.RECEIVED,
                                           "ins_pay_amt": Decimal("0.00"),
                                           "reason_under_paid": "Frequency limitation"})
    again = run(od, "claim_status")
    assert again.ok and again.rows_read == 1 and again.rows_written == 1
    claim = _claims(session, od.connection.id)[sent.claim_num]
    assert claim.status is ClaimStatus.REJECTED
    assert claim.rejection_reason == "Frequency limitation"
    moves = session.scalars(sa.select(ClaimStatusChange).where(
        ClaimStatusChange.claim_id == claim.id).order_by(ClaimStatusChange.id)).all()
    assert [(m.from_status, m.to_status, m.source) for m in moves][-1] == (
        ClaimStatus.SUBMITTED, ClaimStatus.REJECTED, "SYNC")
    assert moves[-1].reason == "Frequency limitation" and moves[-1].od_claim_status == "R"
    log = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.hospital_id == od.hospital.id,
        ActivityLog.action == "CLAIM_STATUS_SYNCED")).all()
    assert any(e["claim_num"] == sent.claim_num and e["to"] == "REJECTED"
               for row in log for e in row.payload["changes"])


def test_payment_posting_settles_the_receivable_and_is_idempotent(session, od, practice):
    # No claim_status run first: payment posting brings the claims it pays itself.
    result = run(od, "payment_posting")
    assert result.ok, result.error
    session.expire_all()
    payments = session.scalars(sa.select(InsurancePayment).where(
        InsurancePayment.connection_id == od.connection.id)).all()
    expected: dict[tuple[int, int], Decimal] = {}
    for cp in practice.claimprocs.values():
        if cp.claim_payment_num:
            key = (cp.claim_payment_num, cp.claim_num)
            expected[key] = expected.get(key, Decimal("0")) + cp.ins_pay_amt
    claims = _claims(session, od.connection.id)
    got = {(p.external_payment_id, next(n for n, c in claims.items() if c.id == p.claim_id)):
           p.amount for p in payments}
    assert got == expected and len(got) > 5
    assert all(p.journal_entry_id is not None for p in payments if p.amount)
    assert all(claims[n].status is ClaimStatus.PAID for _, n in expected)
    total = sum(expected.values(), Decimal("0"))
    assert _balance(session, od.hospital.id, "1020") == total
    assert _balance(session, od.hospital.id, "1200") == 0  # every paid claim settled
    entries = session.scalar(sa.select(sa.func.count()).select_from(JournalEntry).where(
        JournalEntry.hospital_id == od.hospital.id))
    # Again: nothing new is posted, however often it runs.
    again = run(od, "payment_posting")
    assert again.ok and again.rows_written == 0
    session.expire_all()
    assert session.scalar(sa.select(sa.func.count()).select_from(JournalEntry).where(
        JournalEntry.hospital_id == od.hospital.id)) == entries
    assert _balance(session, od.hospital.id, "1020") == total


def test_a_new_check_is_posted_on_the_next_run(session, od, practice, clock):
    run(od, "claim_status")
    run(od, "payment_posting")
    claim = next(c for c in practice.claims.values() if c.claim_status is OdStatus.SENT)
    clock.advance(hours=1)
    now = practice.now()
    with practice.lock:
        num = max(practice.claimpayments) + 1
        cps = [cp for cp in practice.claimprocs.values() if cp.claim_num == claim.claim_num]
        for cp in cps:
            practice.claimprocs[cp.claim_proc_num] = dataclasses.replace(
                cp, status="Received", ins_pay_amt=cp.ins_pay_est, claim_payment_num=num,
                sec_date_t_edit=now)
        paid = sum((cp.ins_pay_est for cp in cps), Decimal("0"))
        first = next(iter(practice.claimpayments.values()))
        practice.claimpayments[num] = dataclasses.replace(
            first, claim_payment_num=num, check_amt=paid, check_num="EFT-NEW",
            sec_date_t_edit=now)
        practice.claims[claim.claim_num] = dataclasses.replace(
            claim, claim_status=OdStatus.RECEIVED, ins_pay_amt=paid, sec_date_t_edit=now)
        practice.version += 1
    result = run(od, "payment_posting")
    assert result.ok and result.rows_read == 1 and result.rows_written == 1
    row = _claims(session, od.connection.id)[claim.claim_num]
    assert row.status is ClaimStatus.PAID
    pay = session.scalars(sa.select(InsurancePayment).where(
        InsurancePayment.claim_id == row.id)).one()
    assert pay.amount == paid and pay.details["check_num"] == "EFT-NEW"
    assert pay.details["simulated"] is True
    # The claim status poller, later, keeps PAID (OpenDental still says R).
    clock.advance(hours=1)
    run(od, "claim_status")
    assert _claims(session, od.connection.id)[claim.claim_num].status is ClaimStatus.PAID


def test_a_supplemental_payment_on_a_paid_claim_keeps_the_receivable_at_zero(session, od,
                                                                             practice, clock):
    run(od, "payment_posting")
    paid_cp = next(cp for cp in practice.claimprocs.values() if cp.claim_payment_num)
    clock.advance(hours=1)
    now = practice.now()
    with practice.lock:
        num = max(practice.claimpayments) + 1
        cp_num = max(practice.claimprocs) + 1
        practice.claimprocs[cp_num] = dataclasses.replace(
            paid_cp, claim_proc_num=cp_num, status="Supplemental",
            ins_pay_amt=Decimal("25.00"), claim_payment_num=num, sec_date_t_edit=now)
        first = practice.claimpayments[paid_cp.claim_payment_num]
        practice.claimpayments[num] = dataclasses.replace(
            first, claim_payment_num=num, check_amt=Decimal("25.00"), check_num="SUPP-1",
            sec_date_t_edit=now)
        practice.version += 1
    bank_before = _balance(session, od.hospital.id, "1020")
    result = run(od, "payment_posting")
    assert result.ok and result.rows_written == 1
    assert _balance(session, od.hospital.id, "1020") == bank_before + Decimal("25.00")
    assert _balance(session, od.hospital.id, "1200") == 0
    claim = _claims(session, od.connection.id)[paid_cp.claim_num]
    amounts = sorted(p.amount for p in session.scalars(sa.select(InsurancePayment).where(
        InsurancePayment.claim_id == claim.id)))
    assert Decimal("25.00") in amounts and len(amounts) >= 2


def test_claims_keep_the_write_off_and_find_their_visit(session, od, practice, clock):
    """0011: the adjudicated patient portion needs OpenDental's WriteOff, and reconciliation
    needs the claim's visit: the patient's one appointment on the date of service."""
    from app.db.models import Appointment

    # The completed-appointments poller reads the last 7 days: run it as of 28 Feb, when
    # the practice's claimed visits (up to 27 Feb) were recent.
    back = clock.at - dt.datetime(2026, 2, 28, 9, 30, tzinfo=clock.at.tzinfo)
    clock.advance(seconds=-back.total_seconds())
    assert run(od, "appointments_completed").ok
    clock.advance(seconds=back.total_seconds())
    assert run(od, "claim_status").ok
    got = _claims(session, od.connection.id)
    appts = session.execute(sa.select(Appointment.id, Appointment.patient_id,
                                      Appointment.appointment_date).where(
        Appointment.od_connection_id == od.connection.id)).all()
    by_day: dict[tuple[int, object], list[int]] = {}
    for a in appts:
        by_day.setdefault((a.patient_id, a.appointment_date), []).append(a.id)
    linked = [c for c in got.values() if c.appointment_id is not None]
    assert linked, "claims of synced visits are linked to them"
    for c in got.values():
        ids = by_day.get((c.patient_id, c.date_service), [])
        assert c.appointment_id == (ids[0] if len(ids) == 1 else None)
    received = next(c for c in practice.claims.values()
                    if c.claim_status is OdStatus.RECEIVED and not c.reason_under_paid)
    clock.advance(hours=1)
    practice.update_claim(received.claim_num, {"write_off": Decimal("12.50"),
                                               "ded_applied": Decimal("5.00")})
    assert run(od, "claim_status").ok
    row = _claims(session, od.connection.id)[received.claim_num]
    assert (row.write_off, row.ded_applied) == (Decimal("12.50"), Decimal("5.00"))
