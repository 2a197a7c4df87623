"""OpenDental connection onboarding (seed 000 flow 2) on real PostgreSQL: validation of every
field, keys only in the keyring (never the database or the activity log, never shown back),
the role check for every role, removal that deactivates when synced rows depend on the
connection, and "Test connection" against A's real loopback sandbox (ok, bad key 401, server
down)."""

from __future__ import annotations

import datetime as dt
import socket
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, SyncState
from app.db.models.opendental import OpenDentalConnection
from app.domain.enums import OpenDentalMode, Role
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.opendental_connection import ConnectionForm, validate_base_url, validate_form
from app.integrations.opendental import credentials
from app.integrations.opendental.credentials import SERVICE, OpenDentalKeys
from app.services.clock import fixed_clock
from app.services.opendental_connections import OpenDentalConnectionService
from tests import factories as f

NOW = dt.datetime(2026, 3, 10, 9, 30, tzinfo=dt.UTC)
M = OpenDentalMode


@pytest.fixture
def hospital(session):
    h = f.hospital(session)
    session.commit()
    return h


@pytest.fixture
def actors(session, hospital):
    users = {role: f.user(session, hospital, role) for role in Role}
    session.commit()
    return {role: f.actor(u) for role, u in users.items()}


@pytest.fixture
def admin(actors):
    return actors[Role.HOSPITAL_ADMIN]


@pytest.fixture
def svc(uow, memory_keyring):
    service = OpenDentalConnectionService(uow, fixed_clock(NOW), test_timeout=3.0)
    yield service
    service.close()


def cloud(**kw) -> ConnectionForm:
    base = {"name": "Jumeirah Dental", "mode": "CLOUD",
            "base_url": "https://api.opendental.com/api/v1/", "clinic_num": "3",
            "timezone": "Asia/Dubai", "requests_per_second": "1",
            "cadence": {"appointments_today": 10}, "developer_key": "DEVkey123",
            "customer_key": "CUSTkey456"}
    base.update(kw)
    return ConnectionForm(**base)


def activity(session, action: str) -> list[ActivityLog]:
    session.expire_all()
    return list(session.scalars(sa.select(ActivityLog).where(ActivityLog.action == action)
                                .order_by(ActivityLog.id)))


# ------------------------------------------------------------------ credentials module


def test_keys_are_stored_per_hospital_and_connection_and_never_printed(memory_keyring):
    keys = OpenDentalKeys("dev-1", "cust-1")
    credentials.save_keys("DXB01", 7, keys)
    assert (SERVICE, "DXB01:7") in memory_keyring.store
    assert credentials.load_keys("DXB01", 7) == keys
    assert credentials.load_keys("DXB01", 8) is None
    assert "dev-1" not in repr(keys) and "cust-1" not in str(keys)
    assert credentials.delete_keys("DXB01", 7) is True
    assert credentials.delete_keys("DXB01", 7) is False
    assert credentials.load_keys("DXB01", 7) is None


def test_keys_with_blanks_or_a_slash_are_refused(memory_keyring):
    for bad in (OpenDentalKeys("", "c"), OpenDentalKeys("d", "has space"),
                OpenDentalKeys("a/b", "c"), OpenDentalKeys("d", "x" * 201)):
        with pytest.raises(ValidationError):
            credentials.save_keys("DXB01", 1, bad)
    assert memory_keyring.store == {}


def test_unreadable_keyring_entry_counts_as_not_stored(memory_keyring):
    memory_keyring.store[(SERVICE, "DXB01:3")] = "not json"
    assert credentials.load_keys("DXB01", 3) is None


# ------------------------------------------------------------------ validation (pure)


@pytest.mark.parametrize(("mode", "url", "ok"), [
    (M.CLOUD, "https://api.opendental.com/api/v1", True),
    (M.CLOUD, "http://api.opendental.com/api/v1", False),  # keys in clear over the internet
    (M.LOCAL, "http://localhost:30222/api/v1", True),
    (M.LOCAL, "http://127.0.0.1:30222/api/v1", True),
    (M.LOCAL, "http://192.168.1.20:30222/api/v1", False),  # not this computer: SERVICE mode
    (M.LOCAL, "https://od-pc.clinic.ae:30222/api/v1", True),
    (M.SERVICE, "http://192.168.1.20:30223/api/v1", True),
    (M.SERVICE, "http://10.0.0.5:30223/api/v1", True),
    (M.SERVICE, "http://odserver:30223/api/v1", True),
    (M.SERVICE, "http://odserver.local:30223/api/v1", True),
    (M.SERVICE, "http://od.example.com:30223/api/v1", False),
    (M.SERVICE, "http://8.8.8.8:30223/api/v1", False),
    (M.SERVICE, "https://od.example.com/api/v1", True),
    (M.CLOUD, "ftp://api.opendental.com", False),
    (M.CLOUD, "https://user:pw@api.opendental.com/api/v1", False),
    (M.CLOUD, "https://api.opendental.com/api/v1?x=1", False),
    (M.CLOUD, "https://", False),
    (M.CLOUD, "", False),
    (M.CLOUD, "https://api.opendental.com:99999/api/v1", False),
    (M.SANDBOX, "", True),
    (M.SANDBOX, "http://localhost:1", False),
])
def test_base_url_rules_per_mode(mode, url, ok):
    if ok:
        result = validate_base_url(mode, url)
        assert result is None if mode is M.SANDBOX else result == url.rstrip("/")
    else:
        with pytest.raises(ValidationError):
            validate_base_url(mode, url)


@pytest.mark.parametrize(("change", "words"), [
    ({"name": "   "}, "name"),
    ({"name": "x" * 121}, "longer than"),
    ({"mode": "FAX"}, "mode"),
    ({"clinic_num": "0"}, "positive"),
    ({"clinic_num": "-4"}, "positive"),
    ({"clinic_num": "3.5"}, "whole number"),
    ({"timezone": "Mars/Olympus"}, "not a timezone"),
    ({"timezone": ""}, "timezone"),
    ({"requests_per_second": "0"}, "between"),
    ({"requests_per_second": "11"}, "between"),
    ({"requests_per_second": "fast"}, "number"),
    ({"requests_per_second": "NaN"}, "between"),
    ({"cadence": {"appointments_today": 0}}, "between 1 and 1440"),
    ({"cadence": {"appointments_today": 1441}}, "between 1 and 1440"),
    ({"cadence": {"appointments_today": "often"}}, "whole minutes"),
    ({"cadence": {"reboot_server": 5}}, "no sync job"),
])
def test_bad_fields_are_refused_with_a_sentence(change, words):
    with pytest.raises(ValidationError) as err:
        validate_form(cloud(**change))
    assert words in err.value.message


def test_cadence_keys_are_the_per_connection_jobs_of_the_sync():
    from app.domain.opendental_connection import DEFAULT_CADENCE_MINUTES
    from app.sync.registry import build_jobs

    keys = {job.cadence_key or job.name for job in build_jobs() if job.per_connection}
    assert keys == set(DEFAULT_CADENCE_MINUTES)


def test_form_is_normalised():
    valid = validate_form(cloud(name="  Jumeirah   Dental ", mode="cloud",
                                requests_per_second="0.205", clinic_num="",
                                cadence={"appointments_today": "10", "eligibility": 30,
                                         "claim_status": ""}))
    assert valid.name == "Jumeirah Dental" and valid.mode is M.CLOUD
    assert valid.base_url == "https://api.opendental.com/api/v1"
    assert valid.requests_per_second == Decimal("0.21")  # ROUND_HALF_UP to NUMERIC(6,2)
    assert valid.clinic_num is None
    assert valid.cadence == {"appointments_today": 10}  # defaults are not stored


# ------------------------------------------------------------------ create / update / list


def test_create_stores_the_row_and_the_keys_only_in_the_keyring(svc, admin, session,
                                                                memory_keyring, hospital):
    saved = svc.create(admin, cloud())
    view = saved.connection
    assert saved.changes.touches("opendental_connections")
    assert view.name == "Jumeirah Dental" and view.mode is M.CLOUD and view.keys_stored
    assert view.clinic_num == 3 and view.requests_per_second == Decimal("1.00")
    assert view.cadence == {"appointments_today": 10}
    assert view.cadence_minutes("appointments_today") == 10
    assert view.cadence_minutes("eligibility") == 30
    assert credentials.load_keys(hospital.code, view.id) == OpenDentalKeys("DEVkey123",
                                                                          "CUSTkey456")
    row = session.get(OpenDentalConnection, view.id)
    dump = " ".join(str(getattr(row, c.key)) for c in OpenDentalConnection.__table__.columns)
    logged = activity(session, "OPENDENTAL_CONNECTION_CREATED")
    assert len(logged) == 1 and logged[0].user_id == admin.user_id
    dump += str(logged[0].payload)
    assert "DEVkey123" not in dump and "CUSTkey456" not in dump
    assert logged[0].payload["keys"] == "stored"
    assert [c.id for c in svc.list(admin)] == [view.id]
    assert svc.get(admin, view.id) == view


def test_update_keeps_keys_when_the_fields_are_empty_and_replaces_one_when_typed(
        svc, admin, session, hospital):
    view = svc.create(admin, cloud()).connection
    updated = svc.update(admin, view.id, cloud(developer_key="", customer_key="",
                                               timezone="Asia/Riyadh", clinic_num=None)).connection
    assert updated.timezone == "Asia/Riyadh" and updated.clinic_num is None
    assert credentials.load_keys(hospital.code, view.id) == OpenDentalKeys("DEVkey123",
                                                                          "CUSTkey456")
    svc.update(admin, view.id, cloud(developer_key="", customer_key="NEWcust"))
    assert credentials.load_keys(hospital.code, view.id) == OpenDentalKeys("DEVkey123",
                                                                          "NEWcust")
    logged = activity(session, "OPENDENTAL_CONNECTION_UPDATED")
    assert len(logged) == 2
    assert logged[0].payload["changed"]["timezone"] == {"before": "Asia/Dubai",
                                                        "after": "Asia/Riyadh"}
    assert logged[0].payload["keys"] == "unchanged" and logged[1].payload["keys"] == "replaced"
    assert "NEWcust" not in str(logged[1].payload)


def test_a_first_save_needs_both_keys_or_none(svc, admin, session, hospital):
    with pytest.raises(ValidationError, match="both"):
        svc.create(admin, cloud(customer_key=""))
    assert session.scalar(sa.select(sa.func.count()).select_from(OpenDentalConnection).where(
        OpenDentalConnection.hospital_id == hospital.id)) == 0
    view = svc.create(admin, cloud(developer_key="", customer_key="")).connection
    assert view.keys_stored is False
    with pytest.raises(ValidationError, match="both"):
        svc.update(admin, view.id, cloud(developer_key="only-one", customer_key=""))


def test_sandbox_needs_no_url_no_keys_and_refuses_keys(svc, admin, memory_keyring):
    view = svc.create(admin, ConnectionForm(name="Demo practice", mode="SANDBOX")).connection
    assert view.base_url is None and view.keys_stored and view.simulated
    with pytest.raises(ValidationError, match="simulator"):
        svc.update(admin, view.id, ConnectionForm(name="Demo practice", mode="SANDBOX",
                                                  developer_key="a", customer_key="b"))
    assert memory_keyring.store == {}


def test_names_are_unique_per_hospital_case_insensitively(svc, admin, actors, session):
    first = svc.create(admin, cloud()).connection
    with pytest.raises(Conflict, match="already"):
        svc.create(admin, cloud(name="JUMEIRAH dental"))
    second = svc.create(admin, cloud(name="Marina branch")).connection
    with pytest.raises(Conflict):
        svc.update(admin, second.id, cloud(name="Jumeirah Dental"))
    # another hospital may use the same name, and cannot see or touch this one
    other = f.hospital(session)
    other_admin = f.actor(f.user(session, other, Role.HOSPITAL_ADMIN))
    session.commit()
    assert svc.create(other_admin, cloud()).connection.name == "Jumeirah Dental"
    with pytest.raises(NotFound):
        svc.get(other_admin, first.id)
    with pytest.raises(NotFound):
        svc.remove(other_admin, first.id)
    assert {c.id for c in svc.list(admin)} == {first.id, second.id}


def test_refused_input_writes_nothing(svc, admin, session, memory_keyring):
    view = svc.create(admin, cloud()).connection
    before = session.scalar(sa.select(sa.func.count()).select_from(ActivityLog))
    with pytest.raises(ValidationError):
        svc.update(admin, view.id, cloud(base_url="http://api.opendental.com",
                                         developer_key="x", customer_key="y"))
    session.expire_all()
    assert session.scalar(sa.select(sa.func.count()).select_from(ActivityLog)) == before
    assert svc.get(admin, view.id).base_url == "https://api.opendental.com/api/v1"
    assert "x" not in str(memory_keyring.store)


def test_clear_keys_removes_them_and_logs_who(svc, admin, session, hospital):
    view = svc.create(admin, cloud()).connection
    cleared = svc.clear_keys(admin, view.id).connection
    assert cleared.keys_stored is False
    assert credentials.load_keys(hospital.code, view.id) is None
    assert activity(session, "OPENDENTAL_KEYS_CLEARED")[0].payload["keys_were_stored"] is True


# ------------------------------------------------------------------ roles


ALLOWED = {Role.HOSPITAL_ADMIN, Role.SUPER_ADMIN}


@pytest.mark.parametrize("role", list(Role))
def test_only_admins_may_manage_connections(role, svc, actors, admin, session):
    existing = svc.create(admin, cloud(name="Existing", developer_key="", customer_key="")).connection
    actor = actors[role]
    calls = [lambda: svc.list(actor), lambda: svc.get(actor, existing.id),
             lambda: svc.create(actor, cloud(name=f"By {role.value}")),
             lambda: svc.update(actor, existing.id, cloud(name="Existing", developer_key="",
                                                          customer_key="")),
             lambda: svc.clear_keys(actor, existing.id),
             lambda: svc.test_connection(actor, existing.id)]
    for call in calls:
        if role in ALLOWED:
            call()
        else:
            with pytest.raises(PermissionDenied, match="OpenDental"):
                call()
    if role in ALLOWED:
        assert svc.remove(actor, existing.id).removed
    else:
        with pytest.raises(PermissionDenied):
            svc.remove(actor, existing.id)
        assert svc.get(admin, existing.id).id == existing.id


# ------------------------------------------------------------------ removal


def test_remove_deletes_an_unused_connection_with_its_keys(svc, admin, session, hospital):
    view = svc.create(admin, cloud()).connection
    result = svc.remove(admin, view.id)
    assert result.removed and result.dependents == {}
    session.expire_all()
    assert session.get(OpenDentalConnection, view.id) is None
    assert credentials.load_keys(hospital.code, view.id) is None
    assert activity(session, "OPENDENTAL_CONNECTION_REMOVED")[0].target_id == str(view.id)
    with pytest.raises(NotFound):
        svc.remove(admin, view.id)


def test_remove_deactivates_a_connection_synced_rows_depend_on(svc, admin, session, hospital):
    view = svc.create(admin, cloud()).connection
    session.add(SyncState(job_name="appointments_today", hospital_id=hospital.id,
                          connection_id=view.id))
    session.commit()
    result = svc.remove(admin, view.id)
    assert not result.removed and result.dependents == {"sync_states": 1}
    assert "deactivated" in result.message
    still = svc.get(admin, view.id)
    assert still.is_active is False and still.keys_stored  # can be switched back on
    assert activity(session, "OPENDENTAL_CONNECTION_DEACTIVATED")[0].payload["dependents"] == {
        "sync_states": 1}


# ------------------------------------------------------------------ test connection


@pytest.fixture
def sandbox():
    from app.integrations.opendental.sandbox import start_sandbox

    running = start_sandbox()
    yield running
    running.stop()


def local_form(sandbox, **kw) -> ConnectionForm:
    return cloud(mode="LOCAL", base_url=sandbox.url, developer_key=sandbox.developer_key,
                 customer_key=sandbox.customer_key, **kw)


def test_test_connection_against_the_sandbox_reports_what_it_answered(svc, admin, session,
                                                                      sandbox):
    view = svc.create(admin, local_form(sandbox)).connection
    result = svc.test_connection(admin, view.id)
    assert result.ok and result.status_code == 200 and result.elapsed_ms >= 0
    assert result.message.startswith("Connected") and "200" in result.message
    stored = svc.get(admin, view.id)
    assert stored.last_test_at == NOW and stored.last_test_result == result.message
    logged = activity(session, "OPENDENTAL_CONNECTION_TESTED")
    assert logged[0].payload["ok"] is True and logged[0].payload["status_code"] == 200


@pytest.mark.parametrize("wrong", ["developer", "customer"])
def test_a_wrong_key_gets_401_and_the_result_names_the_key(svc, admin, sandbox, wrong):
    form = local_form(sandbox)
    form = ConnectionForm(**{**form.__dict__, f"{wrong}_key": "WRONGkey"})
    view = svc.create(admin, form).connection
    result = svc.test_connection(admin, view.id)
    assert not result.ok and result.status_code == 401
    assert result.wrong_key == wrong  # the sandbox names the key (a server that does not: "either")
    assert f"refused the {wrong} key" in result.message
    assert svc.get(admin, view.id).last_test_result == result.message


def test_a_server_that_is_down_is_reported_not_raised(svc, admin, session):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    view = svc.create(admin, cloud(mode="LOCAL",
                                   base_url=f"http://127.0.0.1:{port}/api/v1")).connection
    result = svc.test_connection(admin, view.id)
    assert not result.ok and result.status_code is None
    assert "reach" in result.message.lower() and str(port) in result.message
    assert activity(session, "OPENDENTAL_CONNECTION_TESTED")[0].payload["ok"] is False


def test_no_keys_stored_says_so_without_calling_the_server(svc, admin):
    view = svc.create(admin, cloud(developer_key="", customer_key="")).connection
    result = svc.test_connection(admin, view.id)
    assert not result.ok and result.status_code is None and "No API keys" in result.message


def test_sandbox_mode_starts_the_simulator_and_says_simulated(svc, admin):
    view = svc.create(admin, ConnectionForm(name="Demo", mode="SANDBOX")).connection
    result = svc.test_connection(admin, view.id)
    assert result.ok and "SIMULATED" in result.message
