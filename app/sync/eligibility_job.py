"""The DHA eligibility refresh (every 30 min, DESIGN.md "Integrations"): re-verify today's and
tomorrow's insured appointments with DHA so the desk finds them checked.

A :class:`~app.sync.jobs.Job` like every other; the framework (app/sync/jobs.py) takes the
advisory lock ``eligibility:<hospital id>`` and records the run in ``sync_states``. No
transaction is held while DHA is asked: the service reads, asks, then writes in short
transactions of its own. The watermark is the last day refreshed (ISO date).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app.db.models import Hospital
from app.services.clock import local_today
from app.services.context import Actor
from app.services.eligibility import EligibilityService
from app.sync.jobs import Job, JobContext, JobResult, Trigger

JOB_NAME = "eligibility"


def eligibility_job(service: EligibilityService) -> Job:
    def run(ctx: JobContext) -> JobResult:
        with ctx.uow() as uow:
            tz = uow.session.scalar(sa.select(Hospital.timezone)
                                    .where(Hospital.id == ctx.hospital_id)) or "Asia/Dubai"
        today = local_today(ctx.clock, tz)
        tomorrow = today + dt.timedelta(days=1)
        actor = Actor.system(ctx.hospital_id, ctx.workstation)
        reports = [service.refresh_appointments(actor, day) for day in (today, tomorrow)]
        problems = tuple(e for r in reports for e in r.errors)
        checked = sum(r.appointments for r in reports)
        return JobResult(rows_read=checked, rows_written=checked - len(problems),
                         watermark=tomorrow.isoformat(), problems=problems)

    return Job(JOB_NAME, "DHA eligibility refresh (today and tomorrow)", Trigger.every(30), run)
