"""Sessions that really end: signed-out, idle-locked, revoked and expired sessions are refused
by every service call before anything is written; revoke stays within the hospital and
reaches a listening workstation within seconds; the GUI returns to sign-in."""

from __future__ import annotations

import datetime as dt
import queue
import uuid

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, LoginSession, User
from app.domain.enums import PaymentMethod, Role, SessionEndReason
from app.domain.errors import NotFound, SessionEnded, ValidationError
from app.domain.sessions import SessionRefusal, clamp_idle_minutes
from app.services.context import Actor
from tests import factories as f
from tests.security.conftest import Desk, all_row_counts
from tests.security.test_role_matrix import EXPECTED, NO_ROLE, call

DAY = dt.date(2026, 3, 10)


def _appointment(desk: Desk):
    """An insured-free (self-pay) appointment of today at the desk's hospital, fee 300."""
    s = desk.session
    dept = f.department(s, desk.hospital)
    doc = f.doctor(s, desk.hospital, dept)
    f.charge(s, desk.hospital, "initial_consultation", "300.00")
    appt = f.appointment(s, f.patient(s, desk.hospital), doc, day=f.today())
    s.commit()
    return appt


# --- every method refuses an ended session -------------------------------------------------------

# The first allowed role of each method, to call it with.
CALLER = {m: next(r for r in Role if r in roles) for m, (roles, _) in EXPECTED.items()}


@pytest.mark.parametrize("method", sorted(EXPECTED))
def test_every_method_refuses_a_signed_out_session_and_writes_nothing(desk: Desk, method,
                                                                     tmp_path) -> None:
    actor = desk.actors[CALLER[method]]
    desk.end(actor, SessionEndReason.LOGOUT)
    before = all_row_counts(desk.session)
    with pytest.raises(SessionEnded) as caught:
        call(desk, method, actor, tmp_path)
    assert caught.value.reason == SessionRefusal.SIGNED_OUT
    assert all_row_counts(desk.session) == before
    assert not (tmp_path / "audit.csv").exists()


def test_methods_without_a_session_check_are_the_listed_ones() -> None:
    # login/unlock make a new session; end_session ends the caller's own; create_user runs at
    # the server; onboarding runs before anyone exists to sign in; close() is the services'
    # lifecycle at exit. Everything else is in EXPECTED and so in the test above.
    assert set(NO_ROLE) == {"auth.login", "auth.unlock", "auth.end_session",
                            "auth.create_user", "onboarding.create_clinic",
                            "onboarding.needs_setup", "opendental_connections.close",
                            "sync_status.close"}


# --- each way a session ends, on the hot paths (quote and collect) -------------------------------


def _end_by(desk: Desk, actor: Actor, how: str) -> None:
    s = desk.session
    if how == "SIGNED_OUT":
        desk.services.auth.end_session(actor, SessionEndReason.LOGOUT)
    elif how == "IDLE_LOCKED":
        desk.services.auth.end_session(actor, SessionEndReason.IDLE_LOCK)
    elif how == "REVOKED":
        desk.services.auth.revoke(desk.actors[Role.HOSPITAL_ADMIN], actor.session_id)
    elif how == "EXPIRED":
        s.execute(sa.update(LoginSession).where(LoginSession.id == actor.session_id)
                  .values(expires_at=sa.func.now() - dt.timedelta(seconds=1)))
        s.commit()
    elif how == "USER_DISABLED":
        s.execute(sa.update(User).where(User.id == actor.user_id).values(is_active=False))
        s.commit()
    elif how == "ACCOUNT_CHANGED":
        s.execute(sa.update(User).where(User.id == actor.user_id).values(role=Role.NURSE))
        s.commit()


WAYS = ["SIGNED_OUT", "IDLE_LOCKED", "REVOKED", "EXPIRED", "USER_DISABLED", "ACCOUNT_CHANGED"]


@pytest.mark.parametrize("how", WAYS)
def test_hot_paths_are_refused_once_the_session_ended(desk: Desk, how: str) -> None:
    appt = _appointment(desk)
    actor = desk.actors[Role.RECEPTIONIST]
    assert desk.services.copay.quote(actor, appt.id).quote.fee == 300  # works before
    assert desk.services.queue.row(actor, appt.id).appointment_id == appt.id
    assert [r.appointment_id for r in desk.services.queue.day(actor)] == [appt.id]
    _end_by(desk, actor, how)
    before = all_row_counts(desk.session)
    for attempt in (lambda: desk.services.copay.quote(actor, appt.id),
                    lambda: desk.services.copay.collect(actor, appt.id, PaymentMethod.CASH, "k1"),
                    lambda: desk.services.copay.waive(actor, appt.id, "charity"),
                    lambda: desk.services.queue.check_in(actor, appt.id),
                    lambda: desk.services.queue.day(actor, DAY),
                    lambda: desk.services.queue.day(actor),  # check folded into today's date
                    lambda: desk.services.queue.row(actor, appt.id)):  # folded as a column
        with pytest.raises(SessionEnded) as caught:
            attempt()
        assert caught.value.reason == how
        assert "nothing was saved" in caught.value.message or how == "USER_DISABLED"
    assert all_row_counts(desk.session) == before


def test_a_refused_caller_learns_the_refusal_not_whether_a_visit_exists(desk: Desk) -> None:
    actor = desk.actors[Role.RECEPTIONIST]
    with pytest.raises(NotFound):
        desk.services.copay.quote(actor, 2_000_000_000)
    desk.end(actor)
    for attempt in (lambda: desk.services.copay.quote(actor, 2_000_000_000),
                    lambda: desk.services.copay.collect(actor, 2_000_000_000,
                                                        PaymentMethod.CASH, "k")):
        with pytest.raises(SessionEnded):
            attempt()


def test_an_actor_without_a_session_or_with_a_forged_one_is_refused(desk: Desk) -> None:
    u = desk.users[Role.RECEPTIONIST]
    bare = Actor(u.id, u.hospital_id, u.role, u.username, u.full_name, "ws")
    forged = Actor(u.id, u.hospital_id, u.role, u.username, u.full_name, "ws", "not-a-uuid")
    # Someone else's live session id does not work for this user either.
    other = desk.actors[Role.HOSPITAL_ADMIN].session_id
    borrowed = Actor(u.id, u.hospital_id, u.role, u.username, u.full_name, "ws", other)
    # A user-shaped actor with no user is not the system actor: the exemption is a type.
    no_user = Actor(None, u.hospital_id, Role.SUPER_ADMIN, "system", "System", "ws")
    for actor in (bare, forged, borrowed, no_user):
        with pytest.raises(SessionEnded) as caught:
            desk.services.queue.day(actor, DAY)
        assert caught.value.reason == SessionRefusal.NO_SESSION


def test_the_system_actor_needs_no_session(desk: Desk) -> None:
    assert desk.services.queue.day(Actor.system(desk.hospital.id), DAY) == []


def test_a_session_from_another_hospital_is_refused(desk: Desk, session) -> None:
    """The actor claims another hospital than its user's: ACCOUNT_CHANGED, nothing read."""
    other = f.hospital(session)
    session.commit()
    a = desk.actors[Role.RECEPTIONIST]
    moved = Actor(a.user_id, other.id, a.role, a.username, a.full_name, a.workstation,
                  a.session_id)
    with pytest.raises(SessionEnded) as caught:
        desk.services.queue.day(moved, DAY)
    assert caught.value.reason == SessionRefusal.ACCOUNT_CHANGED


# --- sign-in, lifetime, revoke -------------------------------------------------------------------


def test_sign_in_sets_the_hospitals_lifetime_and_idle_lock(desk: Desk, session) -> None:
    admin = desk.actors[Role.HOSPITAL_ADMIN]
    from app.services.settings import HospitalSettings

    desk.services.settings.update(admin, HospitalSettings(idle_lock_minutes=25, session_hours=8))
    f.user(session, desk.hospital, Role.RECEPTIONIST, username="late", password="late-pass-1")
    session.commit()
    signed = desk.services.auth.login("late", "late-pass-1", "desk-9")
    assert signed.idle_lock_minutes == 25
    row = session.get(LoginSession, signed.session_id)
    assert row.expires_at - row.started_at == dt.timedelta(hours=8)


def test_unlocking_after_the_idle_lock_is_a_new_session(desk: Desk, session) -> None:
    f.user(session, desk.hospital, Role.RECEPTIONIST, username="idle", password="idle-pass-1")
    session.commit()
    auth = desk.services.auth
    first = auth.login("idle", "idle-pass-1", "desk-1")
    auth.end_session(first.actor, SessionEndReason.IDLE_LOCK)
    again = auth.unlock(first.actor, "idle-pass-1")
    assert again.session_id != first.session_id
    assert desk.services.queue.day(again.actor, DAY) == []
    with pytest.raises(SessionEnded, match="locked after being idle"):
        desk.services.queue.day(first.actor, DAY)


def test_revoke_stays_within_the_callers_hospital(desk: Desk, session) -> None:
    other = f.hospital(session)
    stranger = f.actor(f.user(session, other, Role.RECEPTIONIST))
    their_admin = f.actor(f.user(session, other, Role.SUPER_ADMIN))
    session.commit()
    before = all_row_counts(session)
    # Neither a hospital admin nor a super admin of this hospital can end it; same answer as
    # for a session that does not exist.
    for admin in (desk.actors[Role.HOSPITAL_ADMIN], desk.actors[Role.SUPER_ADMIN]):
        with pytest.raises(NotFound, match="no such session at this hospital"):
            desk.services.auth.revoke(admin, stranger.session_id)
        with pytest.raises(NotFound):
            desk.services.auth.revoke(admin, uuid.uuid4())
    with pytest.raises(ValidationError):
        desk.services.auth.revoke(desk.actors[Role.HOSPITAL_ADMIN], "garbage")
    assert all_row_counts(session) == before
    assert desk.services.queue.day(stranger, DAY) == []  # still works
    desk.services.auth.revoke(their_admin, stranger.session_id)  # its own admin can
    with pytest.raises(SessionEnded, match="administrator ended"):
        desk.services.queue.day(stranger, DAY)
    logged = session.scalars(sa.select(ActivityLog.action).where(
        ActivityLog.user_id == their_admin.user_id)).all()
    assert "SESSION_REVOKED" in logged


def test_open_sessions_lists_this_hospitals_working_sessions(desk: Desk) -> None:
    admin = desk.actors[Role.HOSPITAL_ADMIN]
    nurse = desk.actors[Role.NURSE]
    listed = {str(s.session_id) for s in desk.services.auth.open_sessions(admin)}
    assert nurse.session_id in listed
    desk.services.auth.revoke(admin, nurse.session_id)
    listed = {str(s.session_id) for s in desk.services.auth.open_sessions(admin)}
    assert nurse.session_id not in listed and admin.session_id in listed


# --- idle-lock bounds ----------------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [0, -5, 100000, 721, True])
def test_idle_lock_out_of_bounds_is_a_typed_error_and_nothing_is_saved(desk: Desk, minutes):
    from app.services.settings import HospitalSettings

    admin = desk.actors[Role.HOSPITAL_ADMIN]
    before = desk.services.settings.get(admin)
    with pytest.raises(ValidationError, match="idle lock must be (between 1 and 720|a whole number)"):
        desk.services.settings.update(admin, HospitalSettings(idle_lock_minutes=minutes))
    assert desk.services.settings.get(admin) == before


@pytest.mark.parametrize("hours", [0, 25, 100000])
def test_session_lifetime_out_of_bounds_is_refused(desk: Desk, hours):
    from app.services.settings import HospitalSettings

    with pytest.raises(ValidationError, match="between 1 and 24 hours"):
        desk.services.settings.update(desk.actors[Role.HOSPITAL_ADMIN],
                                      HospitalSettings(session_hours=hours))


@pytest.mark.parametrize(("given", "used"), [(0, 1), (100000, 720), (-3, 1), ("x", 10),
                                             (None, 10), (15, 15), (10**30, 720)])
def test_the_ui_timer_clamps_whatever_it_is_given(given, used):
    assert clamp_idle_minutes(given) == used


# --- revoke reaches a running workstation ---------------------------------------------------------


def test_a_revoke_notify_reaches_a_listener_within_seconds(fresh_db_url) -> None:
    import time

    from app.db.notify import ChangeListener
    from app.db.session import make_engine, make_session_factory
    from app.services.auth import SESSION_ENDED_EVENT, AuthService
    from app.services.unit_of_work import uow_factory

    engine = make_engine(fresh_db_url, pool_size=2)
    arrived: queue.Queue = queue.Queue()
    listener = ChangeListener(fresh_db_url, arrived.put).start()
    try:
        assert listener.wait_ready(10)
        with make_session_factory(engine)() as s:
            h = f.hospital(s)
            admin = f.user(s, h, Role.HOSPITAL_ADMIN, password_hash="!")
            desk = f.user(s, h, Role.RECEPTIONIST, password_hash="!")
            s.commit()
            admin_id, desk_id = admin.id, desk.id
        a = f.committed_actor(engine, admin_id, "office")
        victim = f.committed_actor(engine, desk_id, "desk-3")
        auth = AuthService(uow_factory(make_session_factory(engine)))
        started = time.monotonic()
        auth.revoke(a, victim.session_id)
        deadline = started + 5
        while True:
            payload = arrived.get(timeout=max(0.01, deadline - time.monotonic()))
            if payload.get("event") == SESSION_ENDED_EVENT:
                break
        assert payload == {"event": SESSION_ENDED_EVENT, "session_id": victim.session_id,
                           "reason": "REVOKED"}
        assert time.monotonic() - started < 5
    finally:
        listener.stop()
        engine.dispose()


def test_sessions_command_lists_and_revokes_from_the_server(desk: Desk, uow) -> None:
    from app.services import sessions_cli

    nurse = desk.actors[Role.NURSE]
    listing = sessions_cli.sessions_text(uow, desk.hospital.code)
    assert nurse.session_id in listing and desk.users[Role.NURSE].username in listing
    assert "ended" in sessions_cli.revoke(uow, desk.hospital.code, nurse.session_id)
    with pytest.raises(SessionEnded, match="administrator ended"):
        desk.services.queue.day(nurse, DAY)
    assert nurse.session_id not in sessions_cli.sessions_text(uow, desk.hospital.code)
    with pytest.raises(NotFound, match="no hospital with code"):
        sessions_cli.sessions_text(uow, "NOPE")
