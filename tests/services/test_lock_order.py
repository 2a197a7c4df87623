"""Lock order between a visit's row and the hospital's hash-chain lock.

Every audit/activity insert takes the hospital's chain lock (app/db/chain.py) until commit.
A check-in locks the visit, then writes its activity row; verifying eligibility for the same
visit used to write its audit row first and lock the visit after, so the two deadlocked (seen
in the server log under load). Here the check-in's side is played by hand on a connection of
its own: it holds the visit, the verification starts, then the check-in writes its activity
row. In the right order the verification waits at the visit, before the chain, and both finish.
"""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import psycopg
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from app.bootstrap import make_dha_provider
from app.db.models import ActivityLog
from app.db.session import make_engine
from app.domain.eid import make_eid
from app.domain.enums import NetworkTier, Role
from app.services.clock import fixed_clock
from app.services.eligibility import EligibilityService
from app.services.unit_of_work import uow_factory
from tests import factories as f

NOW = dt.datetime.now(f.DUBAI).replace(microsecond=0)


def test_verifying_a_visit_being_checked_in_waits_instead_of_deadlocking(fresh_db_url):
    engine = make_engine(fresh_db_url, pool_size=4)
    with Session(engine, expire_on_commit=False) as s:
        h = f.hospital(s, settings={"dha_mode": "MOCK"})
        payer = f.payer(s, h, code="AXA", name="AXA")
        user = f.user(s, h, Role.RECEPTIONIST, password_hash="!")
        pat = f.patient(s, h, emirates_id=make_eid(1985, 4_321_000))
        f.insurance(s, pat, payer, provider_name="AXA", network_tier=NetworkTier.IN_NETWORK,
                    member_id=f"MEM-{pat.id}", copay_pct=Decimal("20"),
                    copay_amount=Decimal("25"),
                    effective_date=NOW.date() - dt.timedelta(days=100),
                    expiry_date=NOW.date() + dt.timedelta(days=200))
        appt = f.appointment(s, pat, f.doctor(s, h, f.department(s, h)))
        s.commit()
    desk = f.committed_actor(engine, user.id)
    uow = uow_factory(sessionmaker(engine, expire_on_commit=False))
    provider = make_dha_provider(uow, clock=fixed_clock(NOW))
    svc = EligibilityService(uow, provider, fixed_clock(NOW))
    url = sa.engine.make_url(fresh_db_url).set(drivername="postgresql")
    checkin = psycopg.connect(url.render_as_string(hide_password=False))
    outcome: dict[str, object] = {}
    try:
        checkin.execute("SET deadlock_timeout = '100ms'")
        checkin.execute("SET lock_timeout = '10s'")  # a wait that never ends fails, not hangs
        checkin.execute("SELECT id FROM appointments WHERE id = %s FOR UPDATE", (appt.id,))

        def verify() -> None:
            try:
                outcome["check"] = svc.verify_patient(desk, pat.id, selected_by_eid=True,
                                                      appointment_id=appt.id)
            except Exception as exc:  # the deadlock's victim, in the old order
                outcome["error"] = exc

        t = threading.Thread(target=verify, daemon=True)
        t.start()
        t.join(2.0)  # the verification now waits on the visit (or, wrongly, holds the chain)
        try:
            checkin.execute(
                "INSERT INTO activity_logs (hospital_id, actor_type, action, target_type, "
                "target_id, payload) VALUES (%s, 'USER', 'CHECK_IN', 'appointment', %s, '{}')",
                (h.id, str(appt.id)))
            checkin.commit()
        except (psycopg.errors.DeadlockDetected, psycopg.errors.LockNotAvailable) as exc:
            outcome["checkin_error"] = exc
            checkin.rollback()
        t.join(30)
        assert not t.is_alive()
    finally:
        checkin.close()
        provider.close()
    assert "checkin_error" not in outcome and "error" not in outcome, outcome
    assert outcome["check"].eligible
    with engine.connect() as c:
        assert c.scalar(sa.select(sa.func.count()).select_from(ActivityLog).where(
            ActivityLog.action == "CHECK_IN", ActivityLog.hospital_id == h.id)) == 1
    engine.dispose()
