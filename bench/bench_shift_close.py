"""Closing a cash shift of 500 movements (issue 14: goal <= 200 ms), and its Z report.

    python bench/bench_shift_close.py [--url postgresql://postgres@127.0.0.1:5432/postgres]
                                      [--runs 20] [--movements 500]

Makes a scratch database at head (dropped afterwards) with one hospital and one receptionist.
Each run opens a shift, posts ``--movements`` desk movements through ``ledger.move_money``
(cash and card copays, cash top-ups, petty payouts: not timed), then times
``ShiftService.close_shift`` with a count by denomination (a small shortage, so the reason
path runs and the database re-adds the shift's movements in its close trigger), and then
``issue_z_report`` (every section's aggregate over the same movements).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app.db.migrate import upgrade  # noqa: E402
from app.db.models import GLAccount, Hospital, LoginSession, User  # noqa: E402
from app.db.session import make_engine, make_session_factory  # noqa: E402
from app.domain.accounts import CHART_OF_ACCOUNTS  # noqa: E402
from app.domain.enums import PaymentMethod, Role  # noqa: E402
from app.services import ledger  # noqa: E402
from app.services.context import Actor  # noqa: E402
from app.services.shifts import ShiftService  # noqa: E402
from app.services.unit_of_work import uow_factory  # noqa: E402

D = Decimal
Z = D("0.00")
WS = "BENCH-DESK"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def fmt(values: list[float]) -> str:
    return (f"p50 {statistics.median(values) * 1000:.1f} ms, p95 {pct(values, 0.95) * 1000:.1f}"
            f" ms, max {max(values) * 1000:.1f} ms (n={len(values)})")


def scratch(admin_url: str) -> tuple[str, str]:
    name = f"bench_shift_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin_url.rsplit("/", 1)[0]
    return name, f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)


def setup(engine: sa.Engine) -> Actor:
    with Session(engine) as s:
        h = Hospital(code="BEN", name="Bench Clinic", timezone="Asia/Dubai", settings={})
        s.add(h)
        s.flush()
        s.add_all(GLAccount(hospital_id=h.id, code=c, name=n, account_type=k)
                  for c, n, k in CHART_OF_ACCOUNTS)
        u = User(hospital_id=h.id, username="desk", full_name="Bench Desk",
                 role=Role.RECEPTIONIST, password_hash="!bench")
        s.add(u)
        s.flush()
        login = LoginSession(user_id=u.id, workstation=WS, app_version="bench",
                             expires_at=sa.func.now() + dt.timedelta(hours=12))
        s.add(login)
        s.commit()
        return Actor(u.id, h.id, u.role, u.username, u.full_name, WS, str(login.id))


def fill(factory, actor: Actor, n: int) -> None:
    """``n`` desk movements on the actor's open shift, in one transaction."""
    kinds = [
        (ledger.SOURCE_COPAY_PAYMENT, lambda a: ledger.collect_lines(a, Z, PaymentMethod.CASH),
         PaymentMethod.CASH),
        (ledger.SOURCE_COPAY_PAYMENT,
         lambda a: ledger.collect_lines(a, Z, PaymentMethod.CREDIT_CARD),
         PaymentMethod.CREDIT_CARD),
        (ledger.SOURCE_DEPOSIT_TOP_UP, lambda a: ledger.top_up_lines(a, PaymentMethod.CASH),
         PaymentMethod.CASH),
        (ledger.SOURCE_PETTY_PAYOUT, ledger.payout_lines, PaymentMethod.CASH),
    ]
    with factory() as s:
        for i in range(n):
            source, lines, method = kinds[i % len(kinds)]
            amount = D(5 + (i * 37) % 200)
            ledger.move_money(s, hospital_id=actor.hospital_id, patient_id=None,
                              memo=f"bench {i}", source_type=source, source_id=i,
                              lines=lines(amount), posted_by=actor.user_id, method=method,
                              workstation=WS)
        s.commit()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--movements", type=int, default=500)
    args = ap.parse_args()
    name, url = scratch(args.url)
    engine = make_engine(url, pool_size=2)
    try:
        upgrade(url)
        actor = setup(engine)
        factory = make_session_factory(engine)
        svc = ShiftService(uow_factory(factory))
        closes, reports = [], []
        for _ in range(args.runs):
            sid = svc.open_shift(actor, D("500.00")).shift_id
            fill(factory, actor, args.movements)
            expected = svc.current_shift(actor).expected_cash
            # a count AED 2.75 short, in notes and coins
            whole, fils = divmod(expected - D("2.75"), 1)
            counts = {"1": int(whole)} | ({"0.25": int(fils / D("0.25"))} if fils else {})
            t = time.perf_counter()
            svc.close_shift(actor, sid, counts, "Bench: short by design")
            closes.append(time.perf_counter() - t)
            t = time.perf_counter()
            svc.issue_z_report(actor, sid)
            reports.append(time.perf_counter() - t)
        print(f"close_shift ({args.movements} movements)  {fmt(closes)}   (goal <= 200 ms)")
        print(f"issue_z_report ({args.movements} movements) {fmt(reports)}")
    finally:
        engine.dispose()
        with psycopg.connect(args.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
