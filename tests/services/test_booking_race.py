"""Two desks booking the same slot at the same moment, on two real connections to a committed
database: exactly one wins, the other gets SlotTaken (never an IntegrityError, never two
appointments in one slot)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.models import Appointment, WorkingHours
from app.db.session import make_engine, make_session_factory
from app.domain.enums import AppointmentStatus, Role
from app.domain.errors import SlotTaken
from app.services.booking import BookingService
from app.services.unit_of_work import uow_factory
from tests import factories as f
from tests.services.conftest import DAY, NOW

SLOTS = [dt.datetime(2026, 3, 10, h, m, tzinfo=f.DUBAI) for h in (10, 11) for m in (0, 30)]


@pytest.fixture
def live(fresh_db_url):
    engine = make_engine(fresh_db_url, pool_size=4)
    with Session(engine, expire_on_commit=False) as s:
        h = f.hospital(s)
        dept = f.department(s, h)
        doc = f.doctor(s, h, dept)
        s.add(WorkingHours(hospital_id=h.id, doctor_id=doc.id, weekday=DAY.weekday(),
                           start_time=dt.time(9), end_time=dt.time(13), slot_minutes=30))
        users = [f.user(s, h, Role.RECEPTIONIST) for _ in range(2)]
        patients = [f.patient(s, h) for _ in range(2 * len(SLOTS))]
        s.commit()
    actors = [f.committed_actor(engine, u.id, f"desk-{i}") for i, u in enumerate(users)]
    yield engine, doc, actors, [p.id for p in patients]
    engine.dispose()


def _desk(engine) -> BookingService:
    return BookingService(uow_factory(make_session_factory(engine)), lambda: NOW)


def _race(engine, doc, actors, patient_ids, slot, *, both_past_checks: bool):
    """Two threads book ``slot`` for two patients; returns their outcomes."""
    barrier = threading.Barrier(2, timeout=20)
    outcomes: list[tuple[str, object]] = [("none", None), ("none", None)]

    def run(i: int) -> None:
        service = _desk(engine)
        if both_past_checks:  # both desks have checked the slot free before either writes
            service.before_insert = barrier.wait
        else:
            barrier.wait()
        try:
            done = service.book(actors[i], patient_ids[i], doc.id, slot)
            outcomes[i] = ("ok", done.booking.appointment_id)
        except SlotTaken as exc:
            outcomes[i] = ("taken", exc.message)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion
            outcomes[i] = ("error", repr(exc))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


@pytest.mark.parametrize("both_past_checks", [True, False])
def test_two_desks_same_slot_exactly_one_wins(live, both_past_checks) -> None:
    engine, doc, actors, patient_ids = live
    for n, slot in enumerate(SLOTS):
        pair = patient_ids[2 * n: 2 * n + 2]
        outcomes = _race(engine, doc, actors, pair, slot, both_past_checks=both_past_checks)
        kinds = sorted(k for k, _ in outcomes)
        assert kinds == ["ok", "taken"], outcomes
        loser = next(v for k, v in outcomes if k == "taken")
        assert "another desk" in str(loser)
    with engine.connect() as c:
        held = c.execute(sa.select(Appointment.slot_start, sa.func.count())
                         .where(Appointment.doctor_id == doc.id,
                                Appointment.status == AppointmentStatus.SCHEDULED)
                         .group_by(Appointment.slot_start)).all()
    assert sorted(r[0] for r in held) == SLOTS and all(r[1] == 1 for r in held)
