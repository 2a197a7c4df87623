"""Eligibility review on real PostgreSQL: the list by review status, the payload in words, and
an administrator's override with its reason, audited and kept through the OpenDental poller."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, InsuranceAudit, Patient
from app.domain.eligibility_review import ReviewStatus, describe_payload
from app.domain.enums import AuditAction, EligibilityStatus, Role
from app.domain.errors import NotFound, PermissionDenied, ValidationError
from app.services.audit import AuditFilters, AuditService
from app.services.clock import fixed_clock
from app.services.eligibility_review import EligibilityReviewService
from tests.services.conftest import DAY, NOW

OD_PAYLOAD = {"source": "OPENDENTAL", "simulated": True, "connection_id": 1,
              "reason": "Covered: OpenDental patplan active on the visit day",
              "carrier": "Daman (SIMULATED)", "group": "Gold", "subscriber_id": "DM-1001",
              "plan_num": 4, "date_effective": "2026-01-01", "date_term": None,
              "benefits": {"annual_max": "5000.00"}}


@pytest.fixture
def svc(uow):
    return EligibilityReviewService(uow, fixed_clock(NOW))


@pytest.fixture
def visits(session, clinic):
    pat = clinic.patient(first_name="Layla", last_name="Hassan")
    ok = clinic.appointment(pat, eligibility_status=EligibilityStatus.APPROVED,
                            eligibility_details=OD_PAYLOAD, eligibility_checked_at=NOW)
    no = clinic.appointment(clinic.patient(), eligibility_status=EligibilityStatus.REJECTED,
                            eligibility_details={"source": "OPENDENTAL",
                                                 "reason": "No active OpenDental coverage"},
                            eligibility_checked_at=NOW)
    unchecked = clinic.appointment(clinic.patient(), day=DAY + dt.timedelta(days=1))
    session.commit()
    return ok, no, unchecked


def test_list_by_review_status(clinic, svc, visits):
    ok, no, unchecked = visits
    admin = clinic.actors[Role.HOSPITAL_ADMIN]
    span = {"date_from": DAY, "date_to": DAY + dt.timedelta(days=2)}
    every = svc.list(admin, **span)
    assert {r.appointment_id for r in every.rows} == {ok.id, no.id, unchecked.id}
    assert [r.appointment_id for r in svc.list(admin, **span,
                                               status=ReviewStatus.ELIGIBLE).rows] == [ok.id]
    assert [r.appointment_id for r in svc.list(admin, **span,
                                               status=ReviewStatus.NOT_ELIGIBLE).rows] == [no.id]
    assert [r.appointment_id for r in svc.list(admin, **span,
                                               status=ReviewStatus.NOT_CHECKED).rows] == [
        unchecked.id]
    row = next(r for r in every.rows if r.appointment_id == ok.id)
    assert row.patient_name == "Layla Hassan" and row.source == "OPENDENTAL"
    lines = dict(row.payload_lines())
    assert lines["Carrier"] == "Daman (SIMULATED)" and lines["Subscriber ID"] == "DM-1001"
    assert lines["Benefits"] == "annual max: 5000.00"
    assert "Connection id" not in lines  # internal ids are left out
    # paging: one at a time, earliest first, no row twice
    seen, cursor = [], None
    while True:
        page = svc.list(admin, **span, page_size=1, after=cursor)
        seen += [r.appointment_id for r in page.rows]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted({ok.id, no.id, unchecked.id}) and len(seen) == 3


def test_override_is_kept_audited_and_listed(session, uow, clinic, svc, visits):
    _, no, _ = visits
    admin = clinic.actors[Role.HOSPITAL_ADMIN]
    res = svc.override(admin, no.id, eligible=True,
                       reason="Daman confirmed cover by phone, ref 55821")
    assert res.row.review is ReviewStatus.OVERRIDDEN
    assert res.row.eligibility is EligibilityStatus.APPROVED
    assert res.changes.touches("appointments", "insurance_verification_audits")
    ov = res.row.override
    assert ov["eligible"] is True and ov["previous_status"] == "REJECTED"
    assert ov["reason"] == "Daman confirmed cover by phone, ref 55821"
    words = dict(describe_payload(res.row.details))
    assert words["Override"].startswith("eligible by ")
    assert words["Before override"] == "rejected"
    listed = svc.list(admin, date_from=DAY, date_to=DAY, status=ReviewStatus.OVERRIDDEN)
    assert [r.appointment_id for r in listed.rows] == [no.id]
    assert svc.list(admin, date_from=DAY, date_to=DAY,
                    status=ReviewStatus.NOT_ELIGIBLE).rows == []
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.appointment_id == no.id)).one()
    assert audit.action is AuditAction.ELIGIBILITY_OVERRIDE
    assert audit.reason == "Daman confirmed cover by phone, ref 55821"
    assert audit.previous_data["eligibility_status"] == "REJECTED"
    assert audit.new_data["eligibility_status"] == "APPROVED"
    assert session.scalar(sa.select(sa.func.count()).select_from(ActivityLog).where(
        ActivityLog.action == "ELIGIBILITY_OVERRIDE", ActivityLog.target_id == str(no.id))) == 1
    # It is on the Insurance Audit page, under its own action.
    page = AuditService(uow, fixed_clock(NOW)).page(
        clinic.actors[Role.ACCOUNTANT],
        AuditFilters(actions=frozenset({AuditAction.ELIGIBILITY_OVERRIDE})))
    assert [r.appointment_id for r in page.rows] == [no.id]
    # A second override keeps what the payer first said.
    again = svc.override(admin, no.id, eligible=False, reason="Cover ended, payer letter")
    assert again.row.override["previous_status"] == "REJECTED"
    assert again.row.eligibility is EligibilityStatus.REJECTED


def test_the_opendental_poller_leaves_an_override_alone(session, clinic, svc, visits):
    from app.db.models import Appointment, OpenDentalConnection
    from app.domain.enums import OpenDentalMode
    from app.sync.opendental.eligibility import _MARK_APPOINTMENTS

    ok, no, _ = visits
    conn = OpenDentalConnection(hospital_id=clinic.hospital.id, name="Poller test",
                                mode=OpenDentalMode.SANDBOX, cadence={})
    session.add(conn)
    session.flush()
    session.execute(sa.update(Appointment).where(Appointment.id.in_([ok.id, no.id])).values(
        od_connection_id=conn.id))
    session.commit()
    svc.override(clinic.actors[Role.HOSPITAL_ADMIN], no.id, eligible=True,
                 reason="Payer confirmed by phone")
    # No OpenDental coverage rows: the poller marks its appointments not covered, except
    # the one an administrator overrode.
    touched = session.execute(_MARK_APPOINTMENTS, {"cid": conn.id, "simulated": True,
                                                   "d0": DAY, "d1": DAY}).scalars().all()
    session.commit()
    session.expire_all()
    assert touched == [ok.id]
    assert session.get(Appointment, ok.id).eligibility_status is EligibilityStatus.REJECTED
    kept = session.get(Appointment, no.id)
    assert kept.eligibility_status is EligibilityStatus.APPROVED
    assert kept.eligibility_details["override"]["reason"] == "Payer confirmed by phone"


def test_override_needs_an_admin_and_a_reason(clinic, svc, visits):
    ok, _, _ = visits
    with pytest.raises(PermissionDenied):
        svc.override(clinic.actors[Role.ACCOUNTANT], ok.id, eligible=False, reason="no cover")
    admin = clinic.actors[Role.HOSPITAL_ADMIN]
    with pytest.raises(ValidationError, match="Say why"):
        svc.override(admin, ok.id, eligible=False, reason="  ")
    with pytest.raises(NotFound):
        svc.override(admin, 2_000_000_000, eligible=False, reason="no cover at all")
    with pytest.raises(ValidationError, match="ends before it starts"):
        svc.list(admin, date_from=DAY, date_to=DAY - dt.timedelta(days=1))


# ---------------------------------------------------------------------- CSV export
def test_export_writes_the_list_formula_safe_and_logs_it(session, clinic, svc, visits,
                                                         tmp_path):
    ok, no, unchecked = visits
    # A name Excel would run as a formula.
    session.get(Patient, ok.patient_id).first_name = "=HYPERLINK(1)"
    session.commit()
    acct = clinic.actors[Role.ACCOUNTANT]
    span = {"date_from": DAY, "date_to": DAY + dt.timedelta(days=2)}
    target = tmp_path / "eligibility.csv"
    res = svc.export_csv(acct, target, **span)
    assert (res.rows, res.cancelled, res.truncated) == (3, False, False)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["Appointment ID", "Scheduled", "Patient"]
    # Same rows, same order as the list shows them.
    assert [int(r[0]) for r in rows[1:]] == [r.appointment_id
                                            for r in svc.list(acct, **span).rows]
    first = next(r for r in rows[1:] if int(r[0]) == ok.id)
    assert first[2] == "'=HYPERLINK(1) Hassan" and first[7] == "Eligible"
    assert "Covered: OpenDental patplan active" in first[12]
    only = svc.export_csv(acct, tmp_path / "no.csv", **span, status=ReviewStatus.NOT_ELIGIBLE)
    assert only.rows == 1
    logged = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "ELIGIBILITY_EXPORTED")).all()
    assert [entry.payload["rows"] for entry in logged] == [3, 1]


def test_export_pages_past_one_batch_and_stops_at_a_cancel(session, clinic, svc, tmp_path):
    for _ in range(205):  # more than one keyset batch of 200
        clinic.appointment(clinic.patient())
    session.commit()
    acct = clinic.actors[Role.ACCOUNTANT]
    res = svc.export_csv(acct, tmp_path / "all.csv", date_from=DAY, date_to=DAY)
    assert res.rows == 205
    with open(tmp_path / "all.csv", encoding="utf-8-sig", newline="") as fh:
        ids = [r[0] for r in list(csv.reader(fh))[1:]]
    assert len(set(ids)) == 205

    class Cancelled:
        def progress(self, fraction):
            pass

        def cancelled(self):
            return True

    gone = svc.export_csv(acct, tmp_path / "gone.csv", date_from=DAY, date_to=DAY,
                          state=Cancelled())
    assert gone.cancelled and not (tmp_path / "gone.csv").exists()


def test_export_refuses_bad_filters_and_roles_before_writing(clinic, svc, tmp_path):
    target = tmp_path / "x.csv"
    with pytest.raises(ValidationError, match="ends before it starts"):
        svc.export_csv(clinic.actors[Role.ACCOUNTANT], target, date_from=DAY,
                       date_to=DAY - dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        svc.export_csv(clinic.actors[Role.RECEPTIONIST], target, date_from=DAY, date_to=DAY)
    assert not target.exists()
