"""Audit service on real PostgreSQL: filtered keyset pages, the CSV export, the activity log."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, InsuranceAudit
from app.domain.enums import AuditAction, Role
from app.domain.errors import PermissionDenied, ValidationError
from app.services import audit as audit_mod
from app.services.audit import (
    ACTION_LABELS,
    CSV_COLUMNS,
    AuditFilters,
    AuditService,
    csv_safe,
)
from app.services.clock import fixed_clock
from app.services.tasks import RecordingState
from tests import factories as f
from tests.services.test_refunds_support import NOW, clinic

A = AuditAction
UTC = dt.UTC
# 2026-03-01 08:00 UTC is 12:00 in Dubai; rows go back one hour at a time from there.
T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
CYCLE = [A.COPAY_COLLECTED, A.COPAY_WAIVED, A.COPAY_DEFERRED, A.REFUND_REQUESTED,
         A.DHA_VERIFIED]


@pytest.fixture
def svc(uow):
    return AuditService(uow, fixed_clock(NOW))


@pytest.fixture
def data(session):
    """40 entries an hour apart (two share each of a few timestamps, to test the id
    tie-break), alternating two patients and two performers."""
    c = clinic(session)
    sara = f.patient(session, c.hospital, first_name="Sara", last_name="Al Mansoori",
                     mrn="MRN-9001")
    omar = f.patient(session, c.hospital, first_name="Omar", last_name="Khan", mrn="MRN-9002")
    desk, acct = c.users[Role.RECEPTIONIST], c.users[Role.ACCOUNTANT]
    rows = []
    for i in range(40):
        action = CYCLE[i % len(CYCLE)]
        at = T0 - dt.timedelta(hours=i - (i % 4 == 2))  # i=2,6,10.. share the previous hour
        new = {"amount": f"{10 + i}.50", "payment_method": "CREDIT_CARD",
               "insurance_provider": "Daman"} if action is A.COPAY_COLLECTED else None
        if action is A.REFUND_REQUESTED:
            new = {"amount": "5.00", "method": "BANK_TRANSFER", "insurer": "AXA"}
        rows.append(InsuranceAudit(
            hospital_id=c.hospital.id, patient_id=(sara if i % 2 == 0 else omar).id,
            appointment_id=None, action=action, new_data=new,
            previous_data={"waived_amount": "20.00"} if action is A.COPAY_WAIVED else None,
            reason=f"reason {i}", performed_by=(desk if i % 3 else acct).id,
            performed_at=at, workstation="desk-1"))
    session.add_all(rows)
    session.flush()
    return c, sara, omar, rows


def _walk(svc, actor, filters, limit):
    ids, cursor, pages = [], None, 0
    while True:
        page = svc.page(actor, filters, after=cursor, limit=limit)
        ids += [r.id for r in page.rows]
        pages += 1
        if page.next_cursor is None:
            return ids, pages
        cursor = page.next_cursor


def _offset_ids(session, hospital_id, where_sql, params, limit):
    """The same rows the slow way: ORDER BY ... OFFSET n, page after page."""
    out, offset = [], 0
    while True:
        batch = session.execute(sa.text(
            "SELECT a.id FROM insurance_verification_audits a "
            "LEFT JOIN patients p ON p.id = a.patient_id "
            f"WHERE a.hospital_id = :h {where_sql} "
            "ORDER BY a.performed_at DESC, a.id DESC OFFSET :o LIMIT :l"),
            {"h": hospital_id, "o": offset, "l": limit, **params}).scalars().all()
        out += batch
        if len(batch) < limit:
            return out
        offset += limit


# ----------------------------------------------------------------------------- page
def test_page_shows_patient_performer_and_details(svc, data):
    c, sara, omar, rows = data
    page = svc.page(c.accountant, limit=5)
    first = page.rows[0]
    assert first.id == rows[0].id and first.action is A.COPAY_COLLECTED
    assert first.performed_at == dt.datetime(2026, 3, 1, 12, 0, tzinfo=first.performed_at.tzinfo)
    assert (first.patient_name, first.mrn) == ("Sara Al Mansoori", "MRN-9001")
    assert first.performed_by == "Omar Haddad"
    assert first.details == "AED 10.50 · Credit card · Daman"
    assert first.reason == "reason 0"
    waived = next(r for r in page.rows if r.action is A.COPAY_WAIVED)
    assert waived.amount == Decimal("20.00") and waived.action_label == "Copay Waived"
    assert len(page.rows) == 5 and page.next_cursor is not None


@pytest.mark.parametrize("filters, where_sql, params", [
    (AuditFilters(), "", {}),
    (AuditFilters(actions=frozenset({A.COPAY_COLLECTED})), "AND a.action = 'COPAY_COLLECTED'", {}),
    (AuditFilters(actions=frozenset({A.COPAY_WAIVED, A.REFUND_REQUESTED, A.DHA_VERIFIED})),
     "AND a.action IN ('COPAY_WAIVED', 'REFUND_REQUESTED', 'DHA_VERIFIED')", {}),
    (AuditFilters(patient="sara al"), "AND p.mrn = 'MRN-9001'", {}),
    (AuditFilters(patient="MRN-9002"), "AND p.mrn = 'MRN-9002'", {}),
    (AuditFilters(date_from=dt.date(2026, 2, 28), date_to=dt.date(2026, 2, 28)),
     "AND a.performed_at >= '2026-02-27T20:00Z' AND a.performed_at < '2026-02-28T20:00Z'", {}),
    (AuditFilters(actions=frozenset({A.COPAY_COLLECTED, A.COPAY_DEFERRED}), patient="omar",
                  date_from=dt.date(2026, 2, 28)),
     "AND a.action IN ('COPAY_COLLECTED', 'COPAY_DEFERRED') AND p.mrn = 'MRN-9002' "
     "AND a.performed_at >= '2026-02-27T20:00Z'", {}),
])
@pytest.mark.parametrize("limit", [1, 3, 7, 50])
def test_keyset_pages_match_offset_pages(session, svc, data, filters, where_sql, params, limit):
    c = data[0]
    ids, pages = _walk(svc, c.accountant, filters, limit)
    expected = _offset_ids(session, c.hospital.id, where_sql, params, limit)
    assert ids == expected and len(ids) == len(set(ids))
    assert expected  # every case selects something
    assert pages == max(1, -(-len(expected) // limit))


def test_performed_by_filter(svc, data):
    c, *_ = data
    desk = c.users[Role.RECEPTIONIST]
    rows = svc.page(c.accountant, AuditFilters(performed_by=desk.id), limit=200).rows
    assert rows and {r.performed_by for r in rows} == {desk.full_name}
    assert len(rows) == 26  # i % 3 != 0 for i in 0..39


def test_dates_are_local_days_in_dubai(session, svc, data):
    c, sara, *_ = data
    # 19:59 UTC on 1 Mar is 23:59 on 1 Mar in Dubai; 20:00 UTC is already 2 Mar.
    late = InsuranceAudit(hospital_id=c.hospital.id, patient_id=sara.id,
                          action=A.EID_VERIFIED, performed_at=dt.datetime(2026, 3, 1, 19, 59,
                                                                          tzinfo=UTC))
    next_day = InsuranceAudit(hospital_id=c.hospital.id, patient_id=sara.id,
                              action=A.EID_VERIFIED, performed_at=dt.datetime(2026, 3, 1, 20, 0,
                                                                              tzinfo=UTC))
    session.add_all([late, next_day])
    session.flush()
    eid = frozenset({A.EID_VERIFIED})
    on_1st = svc.page(c.accountant, AuditFilters(actions=eid, date_from=dt.date(2026, 3, 1),
                                                 date_to=dt.date(2026, 3, 1))).rows
    on_2nd = svc.page(c.accountant, AuditFilters(actions=eid, date_from=dt.date(2026, 3, 2))).rows
    assert [r.id for r in on_1st] == [late.id] and [r.id for r in on_2nd] == [next_day.id]


def test_patient_filter_without_match_or_with_too_many(svc, data, monkeypatch):
    c, *_ = data
    assert svc.page(c.accountant, AuditFilters(patient="nobody-like-this")).rows == []
    monkeypatch.setattr(audit_mod, "MAX_PATIENT_MATCHES", 0)
    with pytest.raises(ValidationError, match="type more of the name, or the MRN"):
        svc.page(c.accountant, AuditFilters(patient="sara"))


def test_reversed_date_range_is_refused(svc, data):
    c, *_ = data
    with pytest.raises(ValidationError, match="The start date is after the end date."):
        svc.page(c.accountant, AuditFilters(date_from=dt.date(2026, 3, 2),
                                            date_to=dt.date(2026, 3, 1)))


def test_a_single_action_string_is_accepted_and_unknown_actions_are_refused():
    assert AuditFilters(actions="COPAY_WAIVED").actions == frozenset({A.COPAY_WAIVED})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="Unknown audit action"):
        AuditFilters(actions=frozenset({"NOPE"}))  # type: ignore[arg-type]


def test_other_hospitals_rows_never_show(session, svc, data):
    c, *_ = data
    other = clinic(session)
    ids, _ = _walk(svc, other.accountant, AuditFilters(), 50)
    assert not set(ids) & {r.id for r in data[3]}


def test_every_action_has_a_label():
    assert set(ACTION_LABELS) == set(AuditAction)


@pytest.mark.parametrize("role, allowed", [
    (Role.RECEPTIONIST, False), (Role.NURSE, False), (Role.DOCTOR, False),
    (Role.ACCOUNTANT, True), (Role.HOSPITAL_ADMIN, True), (Role.SUPER_ADMIN, True),
])
def test_view_and_export_roles(svc, data, tmp_path, role, allowed):
    c, *_ = data
    who = c.actor(role)
    target = tmp_path / "audit.csv"
    if allowed:
        assert svc.page(who).rows
        assert svc.export_csv(who, AuditFilters(), target).rows > 0
    else:
        with pytest.raises(PermissionDenied):
            svc.page(who)
        with pytest.raises(PermissionDenied):
            svc.export_csv(who, AuditFilters(), target)
        assert not target.exists()


# --------------------------------------------------------------------------- indexes
def test_page_queries_use_the_keyset_indexes(session, svc, data):
    """With clinic-like volume (30,000 rows) the planner walks the page indexes."""
    c, sara, *_ = data
    session.execute(sa.text(
        "INSERT INTO insurance_verification_audits (hospital_id, patient_id, action, "
        "performed_at, reason) SELECT :h, :p, (ARRAY['COPAY_COLLECTED','COPAY_WAIVED',"
        "'COPAY_DEFERRED','DHA_VERIFIED','EID_VERIFIED'])[1 + g % 5], "
        "timestamptz '2026-02-01' - g * interval '1 minute', 'bulk' "
        "FROM generate_series(1, 30000) g"), {"h": c.hospital.id, "p": sara.id})
    session.execute(sa.text("ANALYZE insurance_verification_audits"))
    page = svc.page(c.accountant, limit=50)
    plans = {
        "none": svc.explain(c.accountant),
        "after": svc.explain(c.accountant, after=page.next_cursor),
        "one": svc.explain(c.accountant, AuditFilters(actions=frozenset({A.COPAY_WAIVED}))),
        "many": svc.explain(c.accountant, AuditFilters(
            actions=frozenset({A.COPAY_WAIVED, A.DHA_VERIFIED}),
            date_from=dt.date(2026, 1, 1))),
    }
    assert "ix_insurance_audits_page" in plans["none"], plans["none"]
    assert "ix_insurance_audits_page" in plans["after"], plans["after"]
    assert "ix_insurance_audits_action_page" in plans["one"], plans["one"]
    assert plans["many"].count("ix_insurance_audits_action_page") == 2, plans["many"]
    for plan in plans.values():
        assert "Seq Scan on insurance_verification_audits" not in plan


# ---------------------------------------------------------------------------- export
def _read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_export_writes_the_seed_columns_and_details(svc, data, tmp_path):
    c, *_ = data
    state = RecordingState()
    result = svc.export_csv(c.accountant, AuditFilters(actions=frozenset({A.COPAY_COLLECTED})),
                            tmp_path / "audit.csv", state)
    rows = _read(tmp_path / "audit.csv")
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0][:8] == ["Date/Time", "Action", "Patient Name", "MRN", "Appointment ID",
                           "Reason", "Performed By", "IP Address"]
    assert result.rows == len(rows) - 1 == 8 and not result.cancelled
    assert rows[1] == ["2026-03-01 12:00:00", "Copay Collected", "Sara Al Mansoori", "MRN-9001",
                       "", "reason 0", "Omar Haddad", "", "10.50", "Credit card", "Daman",
                       "desk-1", ""]  # last: Simulated (empty: not a simulator answer)
    assert state.values[0] == 0.0 and state.values[-1] == 1.0
    assert list(tmp_path.iterdir()) == [tmp_path / "audit.csv"]


def test_export_logs_who_exported_what(session, svc, data, tmp_path):
    c, *_ = data
    svc.export_csv(c.accountant, AuditFilters(patient="sara"), tmp_path / "a.csv")
    log = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.hospital_id == c.hospital.id, ActivityLog.action == "AUDIT_EXPORTED")).one()
    assert log.payload["rows"] == 20 and log.payload["filters"]["patient"] == "sara"


@pytest.mark.parametrize("text, cell", [
    ("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"),
    ("+971 50 123", "'+971 50 123"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("Plain reason", "Plain reason"),
    ("عيادة", "عيادة"),
])
def test_csv_cells_that_excel_would_run_get_an_apostrophe(text, cell):
    assert csv_safe(text) == cell


def test_export_escapes_injected_formulas_end_to_end(session, svc, data, tmp_path):
    c, *_ = data
    evil = f.patient(session, c.hospital, first_name="=cmd|' /C calc'!A0", last_name="x",
                     mrn="@MRN")
    session.add(InsuranceAudit(hospital_id=c.hospital.id, patient_id=evil.id,
                               action=A.MANUAL_REJECT, reason="-1+1", performed_at=T0,
                               new_data={"insurer": "+Evil"}))
    session.flush()
    svc.export_csv(c.accountant, AuditFilters(actions=frozenset({A.MANUAL_REJECT})),
                   tmp_path / "e.csv")
    row = _read(tmp_path / "e.csv")[1]
    assert row[2].startswith("'=cmd") and row[3] == "'@MRN" and row[5] == "'-1+1"
    assert row[10] == "'+Evil"


def test_export_stops_at_the_limit_and_says_so(svc, data, tmp_path, monkeypatch):
    c, *_ = data
    monkeypatch.setattr(audit_mod, "EXPORT_LIMIT", 15)
    monkeypatch.setattr(audit_mod, "EXPORT_BATCH", 4)
    state = RecordingState()
    result = svc.export_csv(c.accountant, AuditFilters(), tmp_path / "x.csv", state)
    rows = _read(tmp_path / "x.csv")
    assert result.rows == 15 and result.truncated and len(rows) == 16
    newest = svc.page(c.accountant, limit=15).rows
    assert [r[5] for r in rows[1:]] == [r.reason for r in newest]  # the newest 15, in order
    assert state.values == sorted(state.values) and len(state.values) >= 5


def test_cancelled_export_leaves_no_file(svc, data, tmp_path, monkeypatch):
    c, *_ = data
    monkeypatch.setattr(audit_mod, "EXPORT_BATCH", 5)
    result = svc.export_csv(c.accountant, AuditFilters(), tmp_path / "c.csv",
                            RecordingState(cancel_after=3))
    assert result.cancelled and result.rows == 0
    assert list(tmp_path.iterdir()) == []


def _locked_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        (folder / "probe").touch()
    except PermissionError:
        return folder
    # Running as root: permissions do not stop us; sysfs refuses new files even to root.
    (folder / "probe").unlink()
    if Path("/sys/kernel").is_dir():
        return Path("/sys/kernel")
    pytest.skip("no folder this user cannot write to")


def test_export_to_a_folder_without_permission_says_so(svc, data, tmp_path):
    c, *_ = data
    folder = _locked_folder(tmp_path)
    with pytest.raises(ValidationError, match="not allowed to save files in"):
        svc.export_csv(c.accountant, AuditFilters(), folder / "audit.csv")
    assert not (folder / "audit.csv").exists()


def test_export_to_a_missing_folder_says_so(svc, data, tmp_path):
    c, *_ = data
    with pytest.raises(ValidationError, match="does not exist"):
        svc.export_csv(c.accountant, AuditFilters(), tmp_path / "nope" / "audit.csv")


def test_failure_at_the_last_step_leaves_no_partial_file(svc, data, tmp_path, monkeypatch):
    c, *_ = data
    target = tmp_path / "audit.csv"
    target.write_text("previous export")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ValidationError, match="close it and export again"):
        svc.export_csv(c.accountant, AuditFilters(), target)
    assert list(tmp_path.iterdir()) == [target]
    assert target.read_text() == "previous export"


# -------------------------------------------------------------------------- activity
def test_activity_log_pages_for_admins_only(session, svc, data):
    c, *_ = data
    admin = c.actor(Role.HOSPITAL_ADMIN)
    for i in range(7):
        session.add(ActivityLog(hospital_id=c.hospital.id, actor_type="USER",
                                user_id=c.users[Role.RECEPTIONIST].id, action=f"THING_{i}",
                                payload={"i": i},
                                created_at=T0 - dt.timedelta(minutes=i // 2)))
    session.flush()
    seen, cursor = [], None
    while True:
        page = svc.activity(admin, after=cursor, limit=3)
        seen += [r.action for r in page.rows]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    # newest first; entries written in the same instant come newest id first
    assert seen == [f"THING_{i}" for i in (1, 0, 3, 2, 5, 4, 6)]
    assert svc.activity(admin, action="THING_3").rows[0].user_name.startswith("Receptionist")
    with pytest.raises(PermissionDenied, match="activity log"):
        svc.activity(c.accountant)


def test_performers_lists_the_hospital_staff(svc, data):
    c, *_ = data
    names = [n for _, n in svc.performers(c.accountant)]
    assert "Omar Haddad (Accountant)" in names and len(names) == len(Role)
