"""The daily heartbeat (seed 000 §8): one activity-log row per day saying the background
thread is alive, with the state of every job."""

from __future__ import annotations

import sqlalchemy as sa

from app.db.models import SyncState
from app.services.clock import Clock
from app.services.context import Actor
from app.services.unit_of_work import UowFactory


def write_heartbeat(uow: UowFactory, hospital_id: int, workstation: str, clock: Clock) -> None:
    with uow() as u:
        states = u.session.scalars(
            sa.select(SyncState).where(SyncState.hospital_id == hospital_id)).all()
        u.activity(Actor.system(hospital_id, workstation), "SYSTEM_HEARTBEAT", "sync", None, {
            "at": clock(),
            "jobs": {s.job_name: {"last_success_at": s.last_success_at, "last_error": s.last_error}
                     for s in states},
        })
        u.commit()
