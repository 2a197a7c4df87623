"""The daily heartbeat (seed 000 §8): one activity-log row per day saying the background
thread is alive, with the state of every job."""

from __future__ import annotations

import sqlalchemy as sa

from app.db.models import SyncState
from app.services.context import Actor
from app.sync.jobs import Job, JobContext, JobResult, Trigger

JOB_NAME = "heartbeat"


def write_heartbeat(ctx: JobContext) -> JobResult:
    with ctx.uow() as u:
        states = u.session.scalars(
            sa.select(SyncState).where(SyncState.hospital_id == ctx.hospital_id)).all()
        u.activity(Actor.system(ctx.hospital_id, ctx.workstation), "SYSTEM_HEARTBEAT", "sync",
                   None, {
                       "at": ctx.clock(),
                       "jobs": {s.job_name: {"last_success_at": s.last_success_at,
                                             "last_error": s.last_error,
                                             "watermark": s.watermark}
                                for s in states},
                   })
        u.commit()
    return JobResult(rows_read=len(states), rows_written=1, watermark=ctx.clock().date().isoformat())


def heartbeat_job() -> Job:
    return Job(JOB_NAME, "Heartbeat (activity log)", Trigger.daily(0, 5), write_heartbeat)
