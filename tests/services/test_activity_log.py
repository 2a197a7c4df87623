"""The activity log viewer's service on real PostgreSQL: filters, keyset pages and the CSV,
whose cells are formula-safe (the insurance audit export's writer)."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from app.db.models import ActivityLog
from app.domain.enums import Role
from app.domain.errors import PermissionDenied, ValidationError
from app.services.activity_log import ActivityFilters, ActivityLogService
from app.services.clock import fixed_clock
from app.services.tasks import RecordingState
from tests.services.conftest import NOW

T0 = NOW.astimezone(dt.UTC)


@pytest.fixture
def svc(uow):
    return ActivityLogService(uow, fixed_clock(NOW))


@pytest.fixture
def logged(session, clinic):
    desk = clinic.users[Role.RECEPTIONIST]
    rows = [
        ("COPAY_COLLECTED", desk.id, {"receipt": "RCP-2026-000001"}, "ws-front", 0),
        ("HEARTBEAT", None, {"ok": True}, None, 1),
        ("REFUND_REQUESTED", desk.id, {"details": "=HYPERLINK(\"http://x\")"}, "ws-front", 2),
        ("CLAIM_STATUS_SYNCED", None, {"changes": [1, 2]}, "server", 26),
    ]
    for action, user_id, payload, ws, hours in rows:
        session.add(ActivityLog(hospital_id=clinic.hospital.id,
                                actor_type="USER" if user_id else "SYSTEM", user_id=user_id,
                                action=action, payload=payload, workstation=ws,
                                created_at=T0 - dt.timedelta(hours=hours)))
    session.commit()
    return desk


def test_filters(clinic, svc, logged):
    admin = clinic.actors[Role.HOSPITAL_ADMIN]
    every = svc.page(admin)
    assert [r.action for r in every.rows][:4] == ["COPAY_COLLECTED", "HEARTBEAT",
                                                  "REFUND_REQUESTED", "CLAIM_STATUS_SYNCED"]
    assert [r.action for r in svc.page(admin, ActivityFilters(action="HEARTBEAT")).rows] == [
        "HEARTBEAT"]
    mine = svc.page(admin, ActivityFilters(user_id=logged.id)).rows
    assert {r.action for r in mine} == {"COPAY_COLLECTED", "REFUND_REQUESTED"}
    system = svc.page(admin, ActivityFilters(system_only=True)).rows
    assert {r.action for r in system} == {"HEARTBEAT", "CLAIM_STATUS_SYNCED"}
    assert {r.user_name for r in system} == {"System"}
    today = svc.page(admin, ActivityFilters(date_from=NOW.date(), date_to=NOW.date())).rows
    assert "CLAIM_STATUS_SYNCED" not in {r.action for r in today}  # 26 hours ago: yesterday
    found = svc.page(admin, ActivityFilters(text="rcp-2026")).rows
    assert [r.action for r in found] == ["COPAY_COLLECTED"]
    assert [r.action for r in svc.page(admin, ActivityFilters(text="SERVER")).rows] == [
        "CLAIM_STATUS_SYNCED"]
    assert "HEARTBEAT" in svc.actions(admin)
    assert logged.id in {i for i, _ in svc.users(admin)}
    with pytest.raises(ValidationError, match="start date is after"):
        svc.page(admin, ActivityFilters(date_from=NOW.date(),
                                        date_to=NOW.date() - dt.timedelta(days=1)))
    with pytest.raises(PermissionDenied):
        svc.page(clinic.actors[Role.ACCOUNTANT])


def test_keyset_pages_never_repeat(clinic, svc, logged):
    admin = clinic.actors[Role.HOSPITAL_ADMIN]
    seen, cursor = [], None
    while True:
        page = svc.page(admin, after=cursor, limit=1)
        seen += [r.id for r in page.rows]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert len(seen) == len(set(seen)) >= 4


def test_csv_export_is_formula_safe_and_logged(clinic, svc, logged, tmp_path):
    admin = clinic.actors[Role.HOSPITAL_ADMIN]
    target = tmp_path / "activity.csv"
    state = RecordingState()
    res = svc.export_csv(admin, ActivityFilters(user_id=logged.id), target, state)
    assert res.rows == 2 and not res.truncated and state.values[-1] == 1.0
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Date/Time", "Action", "User", "Target", "Target ID", "Workstation",
                       "Details"]
    assert [r[1] for r in rows[1:]] == ["COPAY_COLLECTED", "REFUND_REQUESTED"]
    # The payload is JSON text starting with "{": harmless; a cell starting with = is not.
    assert rows[2][6].startswith('{"details": "=HYPERLINK')
    assert svc.page(admin, ActivityFilters(action="ACTIVITY_EXPORTED")).rows[0].payload[
        "rows"] == 2


def test_csv_cells_starting_with_a_formula_get_an_apostrophe(clinic, svc, session, tmp_path):
    session.add(ActivityLog(hospital_id=clinic.hospital.id, actor_type="SYSTEM",
                            action="IMPORTED", target_type="=cmd|' /C calc'!A0", payload={},
                            created_at=T0))
    session.commit()
    target = tmp_path / "a.csv"
    svc.export_csv(clinic.actors[Role.HOSPITAL_ADMIN], ActivityFilters(action="IMPORTED"),
                   target)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][3] == "'=cmd|' /C calc'!A0"


def test_cancelled_export_leaves_no_file(clinic, svc, logged, tmp_path):
    target = tmp_path / "never.csv"
    state = RecordingState()
    state.cancel()
    res = svc.export_csv(clinic.actors[Role.HOSPITAL_ADMIN], None, target, state)
    assert res.cancelled and not target.exists() and list(tmp_path.iterdir()) == []
