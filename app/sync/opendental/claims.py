"""The claim status poller (hourly) and the payment posting poller (hourly at :15).

- ``claim_status``: ``GET /claims?SecDateTEdit=<watermark>``, page by page: new claims come in
  (stub patients for new PatNums), changed ones move through the status table of
  app/domain/claim_status.py, each move a history row, each page one activity entry.
- ``payment_posting``: ``GET /claimpayments?SecDateTEdit=<watermark>``; for each claim payment
  the claimprocs that carry its ClaimPaymentNum say which claims it paid and how much; claims
  not here yet are read and brought in first; then app/services/insurance_payments.py stores
  and posts them. The OpenDental reads of a page happen before its transaction opens.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from app.db.batch_notify import BatchNotifier
from app.domain.money import ZERO
from app.integrations.opendental import wire
from app.services.claims import apply_claim_rows
from app.services.context import Actor
from app.services.insurance_payments import Remittance, post_remittances
from app.services.unit_of_work import UnitOfWork
from app.sync.jobs import Job, JobContext, JobResult, Trigger
from app.sync.opendental.paging import format_stamp, ingest_pages, parse_stamp
from app.sync.opendental.upserts import ensure_patients


def write_claims(ctx: JobContext, uow: UnitOfWork, rows: list[wire.Claim],
                 notes: BatchNotifier) -> int:
    conn = ctx.connection
    if not rows:
        return 0
    s = uow.session
    patients, stubs = ensure_patients(s, ctx.hospital_id, conn.id, (c.pat_num for c in rows))
    changes = apply_claim_rows(s, ctx.hospital_id, conn.id, rows, patient_ids=patients)
    moved = [c for c in changes if c.before is not None and c.before is not c.after]
    if moved:
        uow.activity(Actor.system(ctx.hospital_id, ctx.workstation), "CLAIM_STATUS_SYNCED",
                     "opendental_connection", conn.id, {
                         "changes": [{"claim_id": c.claim_id, "claim_num": c.claim_num,
                                      "from": c.before, "to": c.after} for c in moved]})
    notes.touched("claims", len(changes))
    notes.touched("patients", stubs)
    return len(changes) + stubs


def run_claim_status(ctx: JobContext) -> JobResult:
    since = parse_stamp(ctx.watermark)
    with ctx.client() as od:
        ingest_pages(ctx, od.iter_claim_pages(changed_since=since),
                     lambda uow, page, notes: write_claims(ctx, uow, page.items, notes),
                     lambda stamp: format_stamp(stamp) or ctx.watermark)
    return JobResult()


# ------------------------------------------------------------------------ payment posting
@dataclass(frozen=True)
class _RemittancePage:
    items: list[Remittance]
    server_datetime: Any
    claims: dict[int, wire.Claim]  # claims to bring in before posting (not here yet)


BULK_PAYMENTS = 50  # a page with this many claim payments reads all claimprocs once


def _paid_claimprocs(od: Any) -> dict[int, list[wire.ClaimProc]]:
    """Every claimproc attached to a claim payment, by ClaimPaymentNum: one paged read
    instead of one request per payment (a first sync has thousands of payments)."""
    by_payment: dict[int, list[wire.ClaimProc]] = defaultdict(list)
    for page in od.iter_claimproc_pages():
        for cp in page.items:
            if cp.claim_payment_num:
                by_payment[cp.claim_payment_num].append(cp)
    return by_payment


def _remittance_pages(ctx: JobContext, od: Any, since: Any,
                      known: set[int]) -> Iterator[_RemittancePage]:
    """Runs on the prefetch thread: OpenDental reads only (``known``: ClaimNums already here,
    read from the database before the read started, so this thread needs no connection)."""
    bulk: dict[int, list[wire.ClaimProc]] | None = None
    for page in od.iter_claimpayment_pages(changed_since=since):
        if bulk is None and len(page.items) >= BULK_PAYMENTS:
            bulk = _paid_claimprocs(od)
        remits: list[Remittance] = []
        for payment in page.items:
            num = payment.claim_payment_num
            procs = (bulk or {}).get(num)
            if procs is None:  # not in the bulk read (or none made): ask for this payment
                procs = od.list_claimprocs(claim_payment_num=num).items
            by_claim: dict[int, Decimal] = defaultdict(lambda: ZERO)
            for cp in procs:
                if cp.claim_num:
                    by_claim[cp.claim_num] += cp.ins_pay_amt or ZERO
            remits.append(Remittance(payment, dict(by_claim)))
        wanted = sorted({n for r in remits for n in r.by_claim})
        missing = {n: od.get_claim(n) for n in wanted if n not in known}
        known.update(missing)
        yield _RemittancePage(remits, page.server_datetime, missing)


def run_payment_posting(ctx: JobContext) -> JobResult:
    conn = ctx.connection
    since = parse_stamp(ctx.watermark)
    actor = Actor.system(ctx.hospital_id, ctx.workstation)

    def write(uow: UnitOfWork, page: _RemittancePage, notes: BatchNotifier) -> int:
        s, rows = uow.session, page.items
        written = 0
        if page.claims:
            written += write_claims(ctx, uow, list(page.claims.values()), notes)
        nums = sorted({n for r in rows for n in r.by_claim})
        claim_ids = {int(a): int(b) for a, b in s.execute(sa.text(
            "SELECT external_claim_id, id FROM claims WHERE connection_id = :c "
            "AND external_claim_id = ANY(CAST(:n AS bigint[]))"),
            {"c": conn.id, "n": nums}).all()}
        report = post_remittances(uow, actor, conn.id, conn.timezone, rows, claim_ids,
                                  simulated=conn.simulated, now=ctx.clock())
        notes.touched("insurance_payments", report.payments_posted)
        notes.touched("claims", len(report.claims_paid))
        return written + report.payments_posted

    with ctx.uow(read_only=True) as u:
        known = set(u.session.scalars(sa.text(
            "SELECT external_claim_id FROM claims WHERE connection_id = :c "
            "AND external_claim_id IS NOT NULL"), {"c": conn.id}))
    with ctx.client() as od:
        ingest_pages(ctx, _remittance_pages(ctx, od, since, known), write, lambda stamp: format_stamp(stamp) or ctx.watermark)
    return JobResult()


def claim_jobs() -> list[Job]:
    return [
        Job("claim_status", "Claim status", Trigger.every(60), run_claim_status,
            per_connection=True),
        Job("payment_posting", "Payment posting", Trigger.hourly_at(15), run_payment_posting,
            per_connection=True),
    ]
