"""The demo hospital (app/demo.py): idempotent, deterministic, complete and consistent.

Most tests read the demo that ``template_db`` already created in every test database (with
the real date). ``dated_demo`` builds it again in an empty database of its own, for a fixed
day just after New Year, inside a transaction that is rolled back: twice, to show the two
builds are identical, and once more to check the receipt sequence restarts in the new year.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from app import demo
from app.db.models import (
    ActivityLog,
    Appointment,
    CopayPayment,
    CopayRefund,
    DeductibleLedger,
    DepositTransaction,
    Doctor,
    Hospital,
    InsuranceAudit,
    JournalEntry,
    JournalLine,
    Patient,
    PatientInsurance,
    PreAuthRequest,
    ReceiptCounter,
    TokenCounter,
    User,
)
from app.domain.copay import CopayAction
from app.domain.enums import (
    AppointmentStatus,
    AuditAction,
    CopayStatus,
    PreAuthRequestStatus,
    RefundStatus,
    Role,
)
from app.services.passwords import verify_password

DUBAI = dt.timezone(dt.timedelta(hours=4))
COUNTED = (Hospital, User, Patient, PatientInsurance, Appointment, CopayPayment, CopayRefund,
           JournalEntry, JournalLine, InsuranceAudit, DepositTransaction, PreAuthRequest,
           DeductibleLedger, ActivityLog)


def _luhn_ok(digits: str) -> bool:
    """Independent Luhn check (not the one the demo uses)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


@pytest.fixture
def s(session: Session) -> Session:
    return session


@pytest.fixture
def hid(s: Session) -> int:
    return s.scalar(sa.select(Hospital.id).where(Hospital.code == demo.DEMO_CODE))


@pytest.fixture
def demo_today(s: Session, hid: int) -> dt.date:
    """The day the template's demo was built for (it records it), not today's date, so the
    tests hold across midnight."""
    payload = s.scalar(sa.select(ActivityLog.payload).where(
        ActivityLog.hospital_id == hid, ActivityLog.action == "DEMO_CREATED"))
    return dt.date.fromisoformat(payload["today"])


def _counts(s: Session) -> dict[str, int]:
    return {m.__tablename__: s.scalar(sa.select(sa.func.count()).select_from(m))
            for m in COUNTED}


# ------------------------------------------------------------------------ the template's demo


def test_second_call_creates_nothing(db: sessionmaker[Session], s: Session,
                                     demo_today: dt.date) -> None:
    before = _counts(s)
    summary = demo.create_demo(db, today=demo_today)
    assert summary.created is False
    assert _counts(s) == before
    again = demo.create_demo(db, today=demo_today)
    assert again == summary


def test_counts(db: sessionmaker[Session], demo_today: dt.date) -> None:
    x = demo.create_demo(db, today=demo_today)
    assert (x.departments, x.doctors, x.users, x.charge_items) == (6, 6, 6, 4)
    assert x.payers >= 3 and x.payer_rules >= 9 and x.drugs >= 10
    assert x.patients == demo.N_PATIENTS
    assert 3 <= x.patients - x.patients_with_eid <= 10
    assert 160 <= x.insurances <= 200
    assert 60 <= x.appointments_today <= 80
    assert x.appointments > x.appointments_today + 100
    assert 80 <= x.copay_payments <= 200
    assert x.copay_refunds == 8
    assert x.journal_entries >= x.copay_payments
    assert x.insurance_audits >= x.copay_payments
    assert x.preauth_requests >= 8 and x.prescriptions >= 35 and x.deposit_transactions >= 20


def test_every_status_appears_today(s: Session, hid: int, demo_today: dt.date) -> None:
    rows = s.execute(sa.select(Appointment.status, Appointment.copay_status, sa.func.count())
                     .where(Appointment.hospital_id == hid,
                            Appointment.appointment_date == demo_today)
                     .group_by(Appointment.status, Appointment.copay_status)).all()
    by_status: Counter[AppointmentStatus] = Counter()
    for st, _copay, n in rows:
        by_status[st] += n
    assert set(by_status) == set(AppointmentStatus)
    assert by_status[AppointmentStatus.SCHEDULED] + by_status[AppointmentStatus.CONFIRMED] >= 36
    checked_in_copay = {c for st, c, _n in rows if st is AppointmentStatus.CHECKED_IN}
    assert {CopayStatus.COLLECTED, CopayStatus.WAIVED, CopayStatus.DEFERRED} <= checked_in_copay
    # Some checked-in patients have had their vitals taken and some not; every department
    # has patients today; tomorrow and past days have appointments too.
    vitals = s.execute(sa.select(Appointment.vitals_recorded_at.is_not(None))
                       .where(Appointment.appointment_date == demo_today,
                              Appointment.status == AppointmentStatus.CHECKED_IN)).scalars().all()
    assert True in vitals and False in vitals
    depts = s.scalar(sa.select(sa.func.count(sa.distinct(Appointment.department_id)))
                     .where(Appointment.appointment_date == demo_today))
    assert depts == 6
    days = set(s.scalars(sa.select(Appointment.appointment_date).where(
        Appointment.hospital_id == hid).distinct()))
    assert demo_today + dt.timedelta(days=1) in days
    assert len([d for d in days if d < demo_today]) >= 14


def test_tokens_and_counters(s: Session, hid: int) -> None:
    tokens: dict[tuple[int, dt.date], list[int]] = defaultdict(list)
    for dept, day, tok in s.execute(
            sa.select(Appointment.department_id, Appointment.appointment_date,
                      Appointment.token_number)
            .where(Appointment.hospital_id == hid, Appointment.token_number.is_not(None))):
        tokens[(dept, day)].append(tok)
    counters = {(c.department_id, c.day): c.last_token
                for c in s.scalars(sa.select(TokenCounter))}
    assert tokens
    for key, toks in tokens.items():
        assert sorted(toks) == list(range(1, len(toks) + 1))
        assert counters[key] == len(toks)


def test_journal_entries_balance(s: Session, hid: int) -> None:
    rows = s.execute(
        sa.select(JournalEntry.id, JournalEntry.source_type, sa.func.sum(JournalLine.debit),
                  sa.func.sum(JournalLine.credit), sa.func.count())
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
        .where(JournalEntry.hospital_id == hid).group_by(JournalEntry.id)).all()
    assert rows
    for _id, _src, debit, credit, n in rows:
        assert debit == credit > 0 and n >= 2
    sources = Counter(src for _id, src, *_ in rows)
    payments = s.scalar(sa.select(sa.func.count()).select_from(CopayPayment)
                        .where(CopayPayment.hospital_id == hid, CopayPayment.amount > 0))
    assert sources["COPAY_PAYMENT"] == payments
    assert sources["COPAY_REFUND"] == 2 and sources["DEPOSIT_TOP_UP"] >= 15
    # Revenue net of VAT and VAT payable add up to what was collected, fils for fils.
    by_acct = dict(s.execute(
        sa.text("SELECT a.code, sum(l.credit) - sum(l.debit) FROM journal_lines l "
                "JOIN gl_accounts a ON a.id = l.account_id JOIN journal_entries e "
                "ON e.id = l.entry_id WHERE e.hospital_id = :h AND e.source_type = "
                "'COPAY_PAYMENT' GROUP BY a.code"), {"h": hid}).all())
    amount, vat = s.execute(sa.select(sa.func.sum(CopayPayment.amount),
                                      sa.func.sum(CopayPayment.vat_amount))
                            .where(CopayPayment.hospital_id == hid)).one()
    # Demo visits are billed by visit type, as the desk bills them (DESIGN rule 1), and the
    # three visit codes carry no VAT; a VAT account line appears only when VAT was charged.
    assert by_acct["4000"] + by_acct.get("2200", 0) == amount
    assert by_acct.get("2200", 0) == vat


def test_receipt_sequence_is_gapless(s: Session, hid: int) -> None:
    seqs: dict[int, list[int]] = defaultdict(list)
    for year, seq, number in s.execute(
            sa.select(CopayPayment.receipt_year, CopayPayment.receipt_seq,
                      CopayPayment.receipt_number).where(CopayPayment.hospital_id == hid)):
        assert number == f"RCP-{year}-{seq:06d}"
        seqs[year].append(seq)
    counters = {c.year: c.last_seq for c in s.scalars(
        sa.select(ReceiptCounter).where(ReceiptCounter.hospital_id == hid))}
    assert set(counters) == set(seqs)
    for year, got in seqs.items():
        assert sorted(got) == list(range(1, len(got) + 1))
        assert counters[year] == len(got)


def test_every_emirates_id_is_valid(s: Session, hid: int) -> None:
    eids = s.scalars(sa.select(Patient.emirates_id).where(Patient.hospital_id == hid)).all()
    present = [e for e in eids if e is not None]
    assert len(present) < len(eids)  # a few patients have none on file
    assert len(set(present)) == len(present)
    for eid in present:
        digits = eid.replace("-", "")
        assert len(digits) == 15 and digits.startswith("784"), eid
        assert _luhn_ok(digits), eid


def test_dha_scenarios_have_patients(s: Session, hid: int) -> None:
    scenarios = pytest.importorskip("app.integrations.dha.scenarios")
    eids = set(s.scalars(sa.select(Patient.emirates_id).where(Patient.hospital_id == hid)))
    missing = [sc.key for sc in scenarios.SCENARIOS.values() if sc.eid not in eids]
    assert not missing
    eligible = scenarios.SCENARIOS["ELIGIBLE"]
    pol = s.execute(sa.select(PatientInsurance).join(Patient).where(
        Patient.emirates_id == eligible.eid)).scalar_one()
    assert pol.policy_number == eligible.policy_number
    assert pol.provider_name == eligible.demo_policy["provider_name"]


def test_one_user_per_role_can_sign_in(s: Session, hid: int) -> None:
    expected = {"reception": ("reception123", Role.RECEPTIONIST), "nurse": ("nurse123", Role.NURSE),
                "doctor": ("doctor123", Role.DOCTOR),
                "accountant": ("accountant123", Role.ACCOUNTANT),
                "admin": ("admin123", Role.HOSPITAL_ADMIN),
                "superadmin": ("super123", Role.SUPER_ADMIN)}
    users = {u.username: u for u in s.scalars(sa.select(User).where(User.hospital_id == hid))}
    assert set(users) == set(expected)
    for name, (password, role) in expected.items():
        u = users[name]
        assert u.role is role and u.is_active
        assert verify_password(u.password_hash, password)
        assert not verify_password(u.password_hash, password + "x")
    doctor = s.get(Doctor, users["doctor"].doctor_id)
    assert doctor is not None and doctor.hospital_id == hid


def test_insurance_mix(s: Session, hid: int, demo_today: dt.date) -> None:
    pols = s.scalars(sa.select(PatientInsurance).where(PatientInsurance.hospital_id == hid)).all()
    by_patient: dict[int, list[PatientInsurance]] = defaultdict(list)
    for p in pols:
        by_patient[p.patient_id].append(p)
    self_pay = demo.N_PATIENTS - len(by_patient)
    assert 25 <= self_pay <= 40  # ~15%
    assert sum(1 for ps in by_patient.values() if len(ps) == 2) >= 12  # COB
    assert sum(1 for p in pols if p.network_tier.value == "OUT_OF_NETWORK") >= 8
    assert sum(1 for p in pols if p.expiry_date and p.expiry_date < demo_today) >= 6
    ledgers = s.scalars(sa.select(DeductibleLedger).where(
        DeductibleLedger.hospital_id == hid, DeductibleLedger.fiscal_year == demo_today.year)).all()
    near_cap = [x for x in ledgers
                if x.max_copay and Decimal(0) < x.max_copay - x.copay_accumulated <= 50]
    assert len(near_cap) >= 5
    partly = [x for x in ledgers if 0 < x.accumulated_amount < x.max_deductible]
    assert len(partly) >= 5


def test_deposits_are_running_sums(s: Session, hid: int) -> None:
    txns: dict[int, list[DepositTransaction]] = defaultdict(list)
    for t in s.scalars(sa.select(DepositTransaction).where(DepositTransaction.hospital_id == hid)
                       .order_by(DepositTransaction.created_at, DepositTransaction.id)):
        txns[t.patient_id].append(t)
    assert len(txns) >= 15
    kinds = {t.kind.value for ts in txns.values() for t in ts}
    assert {"TOP_UP", "COPAY"} <= kinds
    for pid, ts in txns.items():
        running = Decimal("0")
        for t in ts:
            running += t.amount
            assert t.balance_after == running >= 0
        assert s.get(Patient, pid).deposit_balance == running


def test_refunds_and_preauths_in_every_status(s: Session, hid: int) -> None:
    refunds = s.scalars(sa.select(CopayRefund).where(CopayRefund.hospital_id == hid)).all()
    assert Counter(r.status for r in refunds) == {st: 2 for st in RefundStatus}
    for r in refunds:
        pay = s.get(CopayPayment, r.copay_payment_id)
        assert r.refund_amount <= pay.amount
        if r.status is RefundStatus.REJECTED:
            assert r.rejection_reason
        if r.status is RefundStatus.PROCESSED:
            assert pay.refunded_amount >= r.refund_amount and r.processed_at >= r.approved_at
    statuses = set(s.scalars(sa.select(PreAuthRequest.status).where(
        PreAuthRequest.hospital_id == hid)))
    assert statuses == set(PreAuthRequestStatus)


def test_copay_rows_agree(s: Session, hid: int) -> None:
    """Collected appointments have exactly one payment of the appointment's amount, with a
    COPAY_COLLECTED audit; waived and deferred ones have none and carry a reason."""
    pays = {p.appointment_id: p for p in s.scalars(
        sa.select(CopayPayment).where(CopayPayment.hospital_id == hid))}
    audited = set(s.scalars(sa.select(InsuranceAudit.appointment_id).where(
        InsuranceAudit.hospital_id == hid, InsuranceAudit.action == AuditAction.COPAY_COLLECTED)))
    for a in s.scalars(sa.select(Appointment).where(Appointment.hospital_id == hid)):
        if a.copay_status is CopayStatus.COLLECTED:
            assert pays[a.id].amount == a.copay_amount
            assert a.id in audited
        else:
            assert a.id not in pays
        if a.copay_status in (CopayStatus.WAIVED, CopayStatus.DEFERRED):
            assert a.copay_action_reason
    actions = set(s.scalars(sa.select(InsuranceAudit.action).where(
        InsuranceAudit.hospital_id == hid)))
    assert {AuditAction.COPAY_COLLECTED, AuditAction.COPAY_WAIVED, AuditAction.COPAY_DEFERRED,
            AuditAction.PREAUTH_OVERRIDE, AuditAction.CONVERT_TO_SELFPAY,
            AuditAction.DHA_VERIFIED, AuditAction.REFUND_PROCESSED} <= actions


def test_every_payment_is_what_the_real_engine_quotes(s: Session, hid: int) -> None:
    """Re-quote each demo payment through the copay service's own loader and the engine: the
    charge, policies, payer rules, pre-auths and flags come from the database; only the
    fiscal-year usage is set back to what it was before that payment (the snapshot records
    it), since later visits have grown the ledger since."""
    import dataclasses

    from app.services import copay as copay_service

    payments = s.scalars(sa.select(CopayPayment).where(CopayPayment.hospital_id == hid)
                         .order_by(CopayPayment.id)).all()
    assert len(payments) >= 80
    kinds: Counter[str] = Counter()
    for pay in payments:
        snap = pay.quote
        loaded = copay_service._load_fast(s, hid, pay.appointment_id)
        assert loaded is not None
        usage = {}
        if snap["primary"] is not None:
            usage[snap["primary"]["insurance_id"]] = (
                Decimal(snap["deductible"]["used"]) if snap["deductible"] else Decimal("0.00"),
                Decimal(snap["annual_copay"]["used"]) if snap["annual_copay"]
                else Decimal("0.00"))
        policies = tuple(dataclasses.replace(p, deductible_used=usage[p.insurance_id][0],
                                             copay_used=usage[p.insurance_id][1])
                         if p.insurance_id in usage else p for p in loaded.inp.policies)
        loaded = dataclasses.replace(loaded, inp=dataclasses.replace(loaded.inp,
                                                                     policies=policies))
        q = copay_service.CopayService._view(loaded, pay.appointment_id, None).quote
        where = f"payment {pay.receipt_number}"
        assert q.patient_amount == pay.amount, where
        assert (q.fee, q.primary_insurer_amount, q.secondary_insurer_amount) == (
            pay.fee, pay.primary_insurer_amount, pay.secondary_insurer_amount), where
        assert (q.vat_rate, q.vat_amount) == (pay.vat_rate, pay.vat_amount), where
        assert q.cob_applied == pay.cob_applied, where
        portions = (q.primary.deductible_portion, q.primary.copay_portion) if q.primary \
            else (Decimal("0.00"), Decimal("0.00"))
        assert portions == (pay.deductible_portion, pay.copay_portion), where
        assert q.primary is None or q.primary.insurance_id == pay.patient_insurance_id, where
        assert CopayAction.COLLECT in q.allowed_actions, where
        # The snapshot is the engine's own to_dict of that quote (ids and all); only the
        # pharmacy estimate and the deposit may differ (they move after the payment).
        again = q.to_dict()
        for key in ("pharmacy", "total_estimate", "deposit_balance", "deposit_covers",
                    "allowed_actions"):
            again.pop(key)
            snap.pop(key)
        for d in (again, snap):
            d["explanation"] = [x for x in d["explanation"]
                                if not x.startswith(("Pharmacy", "Deposit"))]
        assert again == snap, where
        kinds["self-pay" if q.is_self_pay else "cob" if q.cob_applied
              else "deductible" if portions[0] > 0 else "insured"] += 1
    # The re-quote covered every kind of payment the demo shows.
    assert all(kinds[k] > 0 for k in ("self-pay", "cob", "deductible", "insured")), kinds


# ----------------------------------------------------------------- a fresh, dated demo


@pytest.fixture(scope="module")
def empty_db_url(pg_admin_url: str) -> Iterator[str]:
    from app.db.migrate import upgrade

    name = f"cd_demo_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = pg_admin_url.partition("?")
    url = base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")
    upgrade(url)
    yield url
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _build_and_fingerprint(engine: sa.Engine, today: dt.date, now: dt.datetime):
    """Build the demo in a transaction, check it at "commit" (deferred triggers fire), read a
    fingerprint of its content (no ids: identity values are not rolled back), roll back."""
    with engine.connect() as conn:
        outer = conn.begin()
        factory = sessionmaker(bind=conn, join_transaction_mode="create_savepoint",
                               expire_on_commit=False)
        started = time.perf_counter()
        summary = demo.create_demo(factory, today=today, clock=lambda: now)
        elapsed = time.perf_counter() - started
        conn.execute(sa.text("SET CONSTRAINTS ALL IMMEDIATE"))  # journal balance check
        fp = {
            "patients": conn.execute(sa.text(
                "SELECT mrn, first_name, last_name, full_name_ar, emirates_id, date_of_birth "
                "FROM patients ORDER BY mrn")).all(),
            "payments": conn.execute(sa.text(
                "SELECT receipt_number, amount, payment_method, payment_date "
                "FROM copay_payments ORDER BY receipt_number")).all(),
            "appointments": conn.execute(sa.text(
                "SELECT scheduled_start, status, copay_status, token_number FROM appointments "
                "ORDER BY scheduled_start, token_number NULLS LAST, status, copay_status")).all(),
            "receipts": conn.execute(sa.text(
                "SELECT year, last_seq FROM receipt_counters ORDER BY year")).all(),
            "today": conn.execute(sa.text(
                "SELECT status, min(scheduled_start), max(coalesce(completed_at, "
                "consultation_started_at, vitals_recorded_at, checked_in_at)) "
                "FROM appointments WHERE appointment_date = :d GROUP BY status"),
                {"d": today}).all(),
        }
        outer.rollback()
    return summary, fp, elapsed


def test_dated_demo_is_deterministic_and_spans_new_year(empty_db_url: str) -> None:
    from app.db.session import make_engine

    engine = make_engine(empty_db_url, pool_size=1)
    try:
        today = dt.date(2027, 1, 2)
        now = dt.datetime(2027, 1, 2, 11, 15, tzinfo=DUBAI)
        first, fp1, elapsed = _build_and_fingerprint(engine, today, now)
        second, fp2, _ = _build_and_fingerprint(engine, today, now)
    finally:
        engine.dispose()
    assert first.created and second.created
    assert dataclasses_equal_but_ids(first, second)
    assert fp1 == fp2
    # Three weeks of history cross New Year: the receipt sequence restarts in 2027.
    assert [y for y, _n in fp1["receipts"]] == [2026, 2027]
    assert {st for st, *_ in fp1["today"]} == {s.value for s in AppointmentStatus}
    # Nothing that already happened today happened after "now".
    lived = {"CHECKED_IN", "IN_CONSULTATION", "COMPLETED"}
    for st, _first_start, last_event in fp1["today"]:
        if st in lived:
            assert last_event <= now
    assert elapsed < 6, f"create_demo took {elapsed:.2f} s (goal < 3 s)"


def dataclasses_equal_but_ids(a: demo.DemoSummary, b: demo.DemoSummary) -> bool:
    import dataclasses

    return (dataclasses.replace(a, hospital_id=0) == dataclasses.replace(b, hospital_id=0))
