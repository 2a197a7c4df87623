"""The dashboard's figures on a small clinic whose every figure is worked out by hand below:
today's schedule by status (hospital timezone), outstanding claims by status x age bucket and
by payer, revenue per day (copays, insurer payments, processed refunds), and the rows behind
each figure (keyset pages, CSV through the audit export's formula-safe cells)."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import (
    ActivityLog,
    Claim,
    CopayPayment,
    CopayRefund,
    InsurancePayment,
    OdCoverage,
    OpenDentalConnection,
)
from app.domain.enums import (
    AppointmentStatus,
    ClaimStatus,
    InsurancePaymentStatus,
    OpenDentalMode,
    PaymentMethod,
    RefundMethod,
    RefundReason,
    RefundStatus,
    Role,
)
from app.domain.errors import PermissionDenied, ValidationError
from app.services.clock import fixed_clock
from app.services.dashboard import (
    UNKNOWN_PAYER,
    Bucket,
    Cell,
    DashboardService,
    Figure,
    FigureKind,
    Series,
)
from tests import factories as f

D = dt.date
DUBAI = f.DUBAI
# 01:00 on 10 March in Dubai is still 9 March in UTC: "today" must be the hospital's.
NOW = dt.datetime(2026, 3, 9, 21, 0, tzinfo=dt.UTC)
TODAY = D(2026, 3, 10)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), DUBAI)


def m(text: str) -> Decimal:
    return Decimal(text)


class Clinic:
    def __init__(self, session) -> None:
        s = self.s = session
        self.h = f.hospital(s, name="Dashboard Clinic")
        dept = f.department(s, self.h, name="General Practice")
        self.doc = f.doctor(s, self.h, dept, full_name="Dr. Sara Khan")
        self.users = {r: f.user(s, self.h, r) for r in Role}
        self.pat = f.patient(s, self.h, first_name="Mariam", last_name="Haddad")
        # A name Excel would run as a formula: the CSV must defuse it.
        self.evil = f.patient(s, self.h, first_name="=HYPERLINK(1)", last_name="X")
        self.conn = f._add(s, OpenDentalConnection(
            hospital_id=self.h.id, name="Practice", mode=OpenDentalMode.SANDBOX, cadence={}))
        for n, (plan, carrier) in enumerate(((501, "Daman"), (502, "AXA"), (503, ""))):
            f._add(s, OdCoverage(connection_id=self.conn.id, hospital_id=self.h.id,
                                 pat_plan_num=900 + n, pat_num=1, patient_id=self.pat.id,
                                 ordinal=1, ins_sub_num=1, plan_num=plan,
                                 carrier_name=carrier or None))
        self.seq = 0

    def actor(self, role: Role = Role.ACCOUNTANT):
        return f.actor(self.users[role])

    def appt(self, day: dt.date, status: AppointmentStatus, hour: int = 10, pat=None):
        self.seq += 1
        lived = status in (AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED)
        return f.appointment(self.s, pat or self.pat, self.doc, day=day, status=status,
                             scheduled_start=at(day, hour),
                             scheduled_end=at(day, hour, 15),
                             token_number=self.seq if lived else None,
                             checked_in_at=at(day, hour) if lived else None)

    def claim(self, status: ClaimStatus, dos: dt.date | None, billed: str, plan: int | None,
              approved: str | None = None, created: dt.datetime | None = None, pat=None):
        self.seq += 1
        return f._add(self.s, Claim(
            hospital_id=self.h.id, patient_id=(pat or self.pat).id, status=status,
            external_claim_id=7000 + self.seq, connection_id=self.conn.id,
            amount_billed=m(billed), amount_approved=m(approved) if approved else None,
            od_plan_num=plan, date_service=dos, details={},
            created_at=created or at(dos or TODAY, 18)))

    def payment(self, when: dt.datetime, amount: str, pat=None):
        self.seq += 1
        # The visits paid for are in January: only the figures' own rows are today.
        appt = self.appt(D(2026, 1, 5), AppointmentStatus.COMPLETED, pat=pat)
        return f._add(self.s, CopayPayment(
            hospital_id=self.h.id, patient_id=(pat or self.pat).id, appointment_id=appt.id,
            amount=m(amount), fee=m(amount), payment_method=PaymentMethod.CASH,
            receipt_number=f"RCP-2026-{self.seq:06d}", receipt_year=2026,
            receipt_seq=self.seq, idempotency_key=f"k{self.seq}", quote={},
            collected_by=self.users[Role.RECEPTIONIST].id, payment_date=when))

    def refund(self, pay, amount: str, status: RefundStatus, processed: dt.datetime | None):
        return f._add(self.s, CopayRefund(
            hospital_id=self.h.id, copay_payment_id=pay.id, patient_id=pay.patient_id,
            refund_amount=m(amount), refund_method=RefundMethod.CASH,
            refund_reason=RefundReason.OVERCHARGE, status=status,
            requested_by=self.users[Role.RECEPTIONIST].id, requested_at=at(D(2026, 3, 1), 9),
            processed_at=processed))

    def insurer(self, claim, amount: str, status: InsurancePaymentStatus,
                when: dt.datetime):
        self.seq += 1
        return f._add(self.s, InsurancePayment(
            hospital_id=self.h.id, claim_id=claim.id, amount=m(amount), status=status,
            method="Check", external_payment_id=self.seq, received_at=when,
            connection_id=self.conn.id,
            details={"check_num": f"CHK{self.seq}", "carrier": "Daman"}))


@pytest.fixture
def clinic(session):
    c = Clinic(session)
    S = AppointmentStatus
    # Today (10 March in Dubai): 2 scheduled, 1 checked in, 1 completed, 1 cancelled.
    c.appt(TODAY, S.SCHEDULED, 11)
    c.appt(TODAY, S.SCHEDULED, 9)
    c.appt(TODAY, S.CHECKED_IN)
    c.appt(TODAY, S.COMPLETED)
    c.appt(TODAY, S.CANCELLED)
    c.appt(D(2026, 3, 9), S.SCHEDULED)   # UTC's "today": not counted
    c.appt(D(2026, 3, 11), S.SCHEDULED)  # tomorrow: not counted
    C = ClaimStatus
    c.c1 = c.claim(C.SUBMITTED, D(2026, 3, 1), "100.00", 501)        # 9 days: 0-30, Daman
    c.c2 = c.claim(C.SUBMITTED, D(2026, 2, 8), "50.50", 502)         # 30 days: 0-30, AXA
    c.c3 = c.claim(C.APPROVED, D(2026, 2, 7), "200.00", 501, "150.25")  # 31: 31-60, Daman
    c.c4 = c.claim(C.REJECTED, D(2025, 12, 10), "80.00", 503)        # 90: 61-90, no carrier
    c.c5 = c.claim(C.NOT_SUBMITTED, D(2025, 12, 9), "40.00", None,   # 91: 90+, no plan
                   pat=c.evil)
    # No date of service: its age counts from the day it was created in Dubai (10 March).
    c.c6 = c.claim(C.NOT_SUBMITTED, None, "10.00", 502,
                   created=dt.datetime(2026, 3, 9, 22, 0, tzinfo=dt.UTC))
    c.c7 = c.claim(C.PAID, D(2026, 1, 1), "300.00", 501, "300.00")   # paid: not outstanding
    # Copays: 8 March 120.00 (one at 23:30), 9 March 30.00 (00:30 Dubai = 8 March in UTC),
    # 10 March 45.50; 7 March 23:59 is outside the range.
    p1 = c.payment(at(D(2026, 3, 8), 10), "100.00")
    c.p2 = c.payment(at(D(2026, 3, 8), 23, 30), "20.00")
    c.p3 = c.payment(at(D(2026, 3, 9), 0, 30), "30.00", pat=c.evil)
    c.payment(at(D(2026, 3, 7), 23, 59), "999.00")
    c.payment(at(TODAY, 0, 45), "45.50")
    # Insurer: 9 March 300.00 posted; 10 March a take-back of 25.00; pending and reversed
    # payments are not revenue.
    IP = InsurancePaymentStatus
    c.insurer(c.c7, "300.00", IP.POSTED, at(D(2026, 3, 9), 12))
    c.insurer(c.c7, "-25.00", IP.POSTED, at(TODAY, 0, 30))
    c.insurer(c.c3, "77.00", IP.PENDING, at(D(2026, 3, 9), 12))
    c.insurer(c.c3, "12.00", IP.REVERSED, at(D(2026, 3, 9), 12))
    # Refunds: 20.00 processed on 10 March; a pending one and one processed on 7 March.
    c.refund(c.p2, "20.00", RefundStatus.PROCESSED, at(TODAY, 0, 50))
    c.refund(p1, "10.00", RefundStatus.PENDING, None)
    c.refund(p1, "5.00", RefundStatus.PROCESSED, at(D(2026, 3, 7), 12))
    session.commit()
    return c


@pytest.fixture
def service(uow):
    return DashboardService(uow, fixed_clock(NOW))


def test_schedule_is_today_in_the_hospitals_timezone(clinic, service):
    o = service.overview(clinic.actor(), D(2026, 3, 8), TODAY)
    assert o.today == TODAY
    assert o.schedule == {"SCHEDULED": 2, "CHECKED_IN": 1, "COMPLETED": 1, "CANCELLED": 1}
    assert o.appointments_today == 5


def test_outstanding_claims_by_status_and_age(clinic, service):
    aging = service.overview(clinic.actor()).claims
    B = Bucket
    assert aging.by_status == {
        "NOT_SUBMITTED": {B.D0_30: Cell(1, m("10.00")), B.D90_PLUS: Cell(1, m("40.00"))},
        "SUBMITTED": {B.D0_30: Cell(2, m("150.50"))},
        # approved: what the insurer approved, not what was billed
        "APPROVED": {B.D31_60: Cell(1, m("150.25"))},
        "REJECTED": {B.D61_90: Cell(1, m("80.00"))},
    }
    assert aging.total == Cell(6, m("430.75"))
    assert aging.bucket_total(B.D0_30) == Cell(3, m("160.50"))
    assert list(aging.by_status) == ["NOT_SUBMITTED", "SUBMITTED", "APPROVED", "REJECTED"]


def test_outstanding_claims_by_payer(clinic, service):
    aging = service.overview(clinic.actor()).claims
    B = Bucket
    assert aging.by_payer == {
        "Daman": {B.D0_30: Cell(1, m("100.00")), B.D31_60: Cell(1, m("150.25"))},
        "AXA": {B.D0_30: Cell(2, m("60.50"))},
        # plan 503 names no carrier, and a claim with no plan
        UNKNOWN_PAYER: {B.D61_90: Cell(1, m("80.00")), B.D90_PLUS: Cell(1, m("40.00"))},
    }
    # the largest amount first, unknown last
    assert list(aging.by_payer) == ["Daman", "AXA", UNKNOWN_PAYER]


def test_revenue_per_day(clinic, service):
    rev = service.overview(clinic.actor(), D(2026, 3, 8), TODAY).revenue
    got = [(d.day, d.copays, d.insurer, d.refunds, d.net) for d in rev.days]
    assert got == [
        (D(2026, 3, 8), m("120.00"), m("0.00"), m("0.00"), m("120.00")),
        (D(2026, 3, 9), m("30.00"), m("300.00"), m("0.00"), m("330.00")),
        (TODAY, m("45.50"), m("-25.00"), m("20.00"), m("0.50")),
    ]
    assert rev.total(Series.COPAYS) == m("195.50")
    assert rev.net == m("450.50")
    assert all(isinstance(v, Decimal) for d in rev.days for v in (d.copays, d.insurer))
    # The same from revenue() alone, and the default range is the last 30 days.
    assert service.revenue(clinic.actor(), D(2026, 3, 8), TODAY) == rev
    default = service.overview(clinic.actor()).revenue
    assert (default.start, default.end, len(default.days)) == (D(2026, 2, 9), TODAY, 30)


def test_drill_down_schedule(clinic, service):
    page = service.rows(clinic.actor(), Figure(FigureKind.SCHEDULE, status="SCHEDULED"))
    assert page.columns[0] == "Time" and page.next_cursor is None
    assert [r[0] for r in page.rows] == [at(TODAY, 9), at(TODAY, 11)]
    assert {r[2] for r in page.rows} == {"Mariam Haddad"}
    everyone = service.rows(clinic.actor(), Figure(FigureKind.SCHEDULE))
    assert len(everyone.rows) == 5


def test_drill_down_claims_by_bucket_and_payer(clinic, service):
    def ids(figure):
        return [r[2] for r in service.rows(clinic.actor(), figure).rows]

    n = {c: str(c.external_claim_id) for c in (clinic.c1, clinic.c2, clinic.c3, clinic.c4,
                                               clinic.c5, clinic.c6)}
    young = Figure(FigureKind.CLAIMS, bucket=Bucket.D0_30)
    assert ids(young) == [n[clinic.c2], n[clinic.c1], n[clinic.c6]]  # oldest first
    assert ids(Figure(FigureKind.CLAIMS, payer="AXA")) == [n[clinic.c2], n[clinic.c6]]
    assert ids(Figure(FigureKind.CLAIMS, payer=UNKNOWN_PAYER)) == [n[clinic.c5], n[clinic.c4]]
    assert ids(Figure(FigureKind.CLAIMS, status="SUBMITTED", bucket=Bucket.D0_30,
                      payer="Daman")) == [n[clinic.c1]]
    assert ids(Figure(FigureKind.CLAIMS, payer="Nobody")) == []
    row = service.rows(clinic.actor(), Figure(FigureKind.CLAIMS, status="APPROVED")).rows[0]
    # date of service, age, claim, patient, MRN, payer, status, billed, expected, reason
    assert row[0:2] == (D(2026, 2, 7), 31) and row[5:9] == (
        "Daman", "APPROVED", m("200.00"), m("150.25"))


def test_drill_down_pages_by_keyset(clinic, service):
    fig = Figure(FigureKind.CLAIMS)
    seen, cursor = [], None
    for _ in range(4):
        page = service.rows(clinic.actor(), fig, cursor, limit=2)
        seen += [r[2] for r in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == 6 and len(set(seen)) == 6
    assert seen == [r[2] for r in service.rows(clinic.actor(), fig).rows]


def test_drill_down_revenue_uses_hospital_days(clinic, service):
    def fig(series, day):
        return Figure(FigureKind.REVENUE, series=series, start=day, end=day)

    copays = service.rows(clinic.actor(), fig(Series.COPAYS, D(2026, 3, 9))).rows
    assert [(r[1], r[5]) for r in copays] == [(clinic.p3.receipt_number, m("30.00"))]
    insurer = service.rows(clinic.actor(), fig(Series.INSURER, TODAY)).rows
    assert [r[-1] for r in insurer] == [m("-25.00")]
    refunds = service.rows(clinic.actor(), fig(Series.REFUNDS, TODAY)).rows
    assert [(r[2], r[-1]) for r in refunds] == [(clinic.p2.receipt_number, m("20.00"))]


def test_export_csv_is_formula_safe_and_logged(clinic, service, session, tmp_path):
    target = tmp_path / "claims.csv"
    result = service.export_csv(clinic.actor(), Figure(FigureKind.CLAIMS), target)
    assert result.rows == 6 and not result.truncated
    assert "activity_logs" in result.changes.tables
    with target.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0][0] == "Date of service" and len(lines) == 7
    evil = next(r for r in lines if r[2] == str(clinic.c5.external_claim_id))
    assert evil[3] == "'=HYPERLINK(1) X"
    assert evil[7] == "40.00"
    logged = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "DASHBOARD_EXPORTED")).all()
    assert [x.payload["rows"] for x in logged] == [6]


def test_roles_and_bad_input(clinic, service):
    with pytest.raises(PermissionDenied):
        service.overview(clinic.actor(Role.RECEPTIONIST))
    for role in (Role.ACCOUNTANT, Role.HOSPITAL_ADMIN, Role.SUPER_ADMIN):
        service.overview(clinic.actor(role))
    with pytest.raises(ValidationError):
        service.revenue(clinic.actor(), TODAY, D(2026, 3, 1))
    with pytest.raises(ValidationError):
        service.revenue(clinic.actor(), D(2020, 1, 1), TODAY)
    with pytest.raises(ValidationError):
        service.rows(clinic.actor(), Figure(FigureKind.CLAIMS, status="PAID"))
    with pytest.raises(ValidationError):
        service.rows(clinic.actor(), Figure(FigureKind.REVENUE, series=Series.COPAYS))
    with pytest.raises(ValidationError):
        service.rows(clinic.actor(), Figure(FigureKind.SCHEDULE), limit=51)
