"""The OpenDental eligibility poller (every 30 min). OpenDental has no eligibility endpoint
(apis.md §1.2): "a PatPlan row indicates coverage". So:

1. read the patients changed since the last run (names and birth dates for the stubs the
   appointment pollers created);
2. read carriers, insurance plans, benefits and insurance subscriptions (small lists), then the
   patplans page by page, and store one ``od_coverages`` row per patplan: carrier, plan,
   subscriber id, the inssub's DateEffective..DateTerm, and the plan's benefits summarised
   (annual maximum, deductible, coinsurance % per coverage category);
3. mark the connection's appointments of the next 7 days that the desk has not taken over:
   APPROVED when a non-pending primary coverage covers the day, REJECTED otherwise, with what
   was found in ``eligibility_details`` (labelled SIMULATED for a sandbox connection).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from app.db.batch_notify import BatchNotifier, batch_notifications
from app.integrations.opendental import wire
from app.services.clock import local_today
from app.services.unit_of_work import UnitOfWork
from app.sync.jobs import Job, JobContext, JobResult, Trigger
from app.sync.opendental.paging import format_stamp, ingest_pages, parse_stamp
from app.sync.opendental.upserts import ensure_patients, upsert_patients

WINDOW_DAYS = 7


def summarise_benefits(benefits: list[wire.Benefit]) -> dict[str, Any]:
    """Plan-level benefits -> {"annual_max", "deductible", "coinsurance": {cat: %}}."""
    out: dict[str, Any] = {"coinsurance": {}}
    for b in benefits:
        kind = b.benefit_type.lower()
        if kind == "coinsurance" and b.percent is not None:
            out["coinsurance"][str(b.cov_cat_num)] = b.percent
        elif kind == "limitations" and b.monetary_amt is not None and b.quantity == 0 \
                and not b.code_num:
            # The plan-wide maximum (no procedure code, no frequency); assumed to be the
            # general category's, which comes first by CovCatNum.
            out.setdefault("annual_max", str(b.monetary_amt))
        elif kind == "deductible" and b.monetary_amt is not None and \
                b.coverage_level.lower() in ("", "individual"):
            out.setdefault("deductible", str(b.monetary_amt))
    return out


_UPSERT_COVERAGE = sa.text("""
INSERT INTO od_coverages (connection_id, hospital_id, pat_plan_num, pat_num, patient_id,
                          ordinal, ins_sub_num, plan_num, carrier_name, group_name,
                          subscriber_id, date_effective, date_term, is_pending, benefits)
SELECT :cid, :hid, u.pp, u.pat, pt.id, u.ord, u.sub, NULLIF(u.plan, 0), NULLIF(u.carrier, ''),
       NULLIF(u.grp, ''), NULLIF(u.subid, ''), u.eff,
       CASE WHEN u.term < u.eff THEN u.eff ELSE u.term END, u.pending, CAST(u.ben AS jsonb)
  FROM unnest(CAST(:pp AS bigint[]), CAST(:pat AS bigint[]), CAST(:ord AS smallint[]),
              CAST(:sub AS bigint[]), CAST(:plan AS bigint[]), CAST(:carrier AS text[]),
              CAST(:grp AS text[]), CAST(:subid AS text[]), CAST(:eff AS date[]),
              CAST(:term AS date[]), CAST(:pending AS boolean[]), CAST(:ben AS text[]))
       AS u(pp, pat, ord, sub, plan, carrier, grp, subid, eff, term, pending, ben)
  LEFT JOIN patients pt ON pt.od_connection_id = :cid AND pt.od_pat_num = u.pat
ON CONFLICT (connection_id, pat_plan_num) DO UPDATE SET
    pat_num = EXCLUDED.pat_num, patient_id = EXCLUDED.patient_id, ordinal = EXCLUDED.ordinal,
    ins_sub_num = EXCLUDED.ins_sub_num, plan_num = EXCLUDED.plan_num,
    carrier_name = EXCLUDED.carrier_name, group_name = EXCLUDED.group_name,
    subscriber_id = EXCLUDED.subscriber_id, date_effective = EXCLUDED.date_effective,
    date_term = EXCLUDED.date_term, is_pending = EXCLUDED.is_pending,
    benefits = EXCLUDED.benefits, updated_at = now()
WHERE (od_coverages.patient_id, od_coverages.ordinal, od_coverages.ins_sub_num,
       od_coverages.plan_num, od_coverages.carrier_name, od_coverages.subscriber_id,
       od_coverages.date_effective, od_coverages.date_term, od_coverages.is_pending,
       od_coverages.benefits)
      IS DISTINCT FROM
      (EXCLUDED.patient_id, EXCLUDED.ordinal, EXCLUDED.ins_sub_num, EXCLUDED.plan_num,
       EXCLUDED.carrier_name, EXCLUDED.subscriber_id, EXCLUDED.date_effective,
       EXCLUDED.date_term, EXCLUDED.is_pending, EXCLUDED.benefits)
RETURNING id
""")

# Appointments of the window the desk has not taken over, against their primary coverage:
# one index lookup per appointment (LATERAL ... LIMIT 1), whatever the planner's statistics
# say right after a first sync filled the tables.
_MARK_APPOINTMENTS = sa.text("""
UPDATE appointments a SET
    eligibility_status = x.status,
    eligibility_details = jsonb_build_object(
        'source', 'OPENDENTAL', 'simulated', CAST(:simulated AS boolean),
        'connection_id', CAST(:cid AS bigint),
        'reason', CASE WHEN x.covered
                       THEN 'Covered: OpenDental patplan active on the visit day'
                       ELSE 'No active OpenDental coverage (patplan) on the visit day' END,
        'carrier', x.carrier_name, 'group', x.group_name,
        'subscriber_id', x.subscriber_id, 'plan_num', x.plan_num,
        'date_effective', x.date_effective, 'date_term', x.date_term,
        'benefits', x.benefits),
    eligibility_checked_at = now(), version = a.version + 1, updated_at = now()
  FROM (SELECT a2.id, c.carrier_name, c.group_name, c.subscriber_id, c.plan_num,
               c.date_effective, c.date_term, c.benefits, c.id IS NOT NULL AS covered,
               CASE WHEN c.id IS NULL THEN 'REJECTED' ELSE 'APPROVED' END AS status
          FROM appointments a2
          LEFT JOIN LATERAL (
              SELECT * FROM od_coverages c
               WHERE c.connection_id = :cid AND c.patient_id = a2.patient_id
                 AND NOT c.is_pending
                 AND (c.date_effective IS NULL OR c.date_effective <= a2.appointment_date)
                 AND (c.date_term IS NULL OR a2.appointment_date <= c.date_term)
               ORDER BY c.ordinal, c.id LIMIT 1) c ON true
         WHERE a2.od_connection_id = :cid AND a2.appointment_date BETWEEN :d0 AND :d1
           AND a2.status IN ('SCHEDULED', 'CONFIRMED')
           -- an administrator's override stands (app/services/eligibility_review.py)
           AND a2.eligibility_details -> 'override' IS NULL) x
 WHERE a.id = x.id
   AND (a.eligibility_status, a.eligibility_details->'carrier',
        a.eligibility_details->'date_term')
       IS DISTINCT FROM (x.status, to_jsonb(x.carrier_name), to_jsonb(x.date_term))
RETURNING a.id
""")


def run_eligibility(ctx: JobContext) -> JobResult:
    conn = ctx.connection
    since = parse_stamp(ctx.watermark)
    with ctx.client() as od:
        # 1. patients changed since the last run: names for the stubs.
        def write_patients(uow: UnitOfWork, page: Any, notes: BatchNotifier) -> int:
            n = upsert_patients(uow.session, ctx.hospital_id, conn.id, page.items)
            notes.touched("patients", n)
            return n

        ingest_pages(ctx, od.iter_patient_pages(changed_since=since,
                                                clinic_num=conn.clinic_num),
                     write_patients, lambda stamp: format_stamp(stamp) or ctx.watermark)
        # 2. the plan side (small lists), then patplans page by page.
        carriers = {c.carrier_num: c.carrier_name for c in od.list_carriers().items}
        plans = {p.plan_num: p for p in od.list_insplans().items}
        by_plan: dict[int, list[wire.Benefit]] = defaultdict(list)
        for b in od.list_benefits().items:
            if b.plan_num and not b.pat_plan_num:
                by_plan[b.plan_num].append(b)
        summaries = {num: json.dumps(summarise_benefits(rows)) for num, rows in by_plan.items()}
        subs = {s.ins_sub_num: s for s in od.list_inssubs().items}

        def write_coverage(uow: UnitOfWork, page: Any, notes: BatchNotifier) -> int:
            s, rows = uow.session, page.items
            if not rows:
                return 0
            ensure_patients(s, ctx.hospital_id, conn.id, (p.pat_num for p in rows))
            cols: dict[str, list[Any]] = defaultdict(list)
            for p in rows:
                sub = subs.get(p.ins_sub_num)
                plan = plans.get(sub.plan_num) if sub else None
                cols["pp"].append(p.pat_plan_num)
                cols["pat"].append(p.pat_num)
                cols["ord"].append(max(0, min(p.ordinal, 32767)))
                cols["sub"].append(p.ins_sub_num)
                cols["plan"].append(sub.plan_num if sub else 0)
                cols["carrier"].append(carriers.get(plan.carrier_num, "")[:200] if plan else "")
                cols["grp"].append(plan.group_name[:200] if plan else "")
                cols["subid"].append(sub.subscriber_id[:60] if sub else "")
                cols["eff"].append(sub.date_effective if sub else None)
                cols["term"].append(sub.date_term if sub else None)
                # No inssub: nothing says the patient is covered.
                cols["pending"].append(bool(p.is_pending) or sub is None)
                cols["ben"].append(summaries.get(sub.plan_num, "{}") if sub else "{}")
            n = len(s.execute(_UPSERT_COVERAGE, {"cid": conn.id, "hid": ctx.hospital_id,
                                                 **cols}).all())
            notes.touched("od_coverages", n)
            return n

        # Coverage is re-read whole each run (patplans have no change stamp to filter on);
        # the upsert writes only what changed. The watermark is the patients' stamp.
        mark = ctx.watermark
        ingest_pages(ctx, od.iter_patplan_pages(), write_coverage, lambda _stamp: mark)
    # 3. the window's appointments against the coverage found.
    today = local_today(ctx.clock, conn.timezone)
    with ctx.uow() as u:
        with batch_notifications(u.session, ctx.hospital_id) as notes:
            marked = len(u.session.execute(_MARK_APPOINTMENTS, {
                "cid": conn.id, "d0": today, "d1": today + dt.timedelta(days=WINDOW_DAYS),
                "simulated": conn.simulated}).all())
            notes.touched("appointments", marked)
        u.commit()
    return JobResult(rows_written=marked)


def eligibility_job() -> Job:
    return Job("od_eligibility", "Eligibility (OpenDental coverage)", Trigger.every(30),
               run_eligibility, per_connection=True, cadence_key="eligibility")
