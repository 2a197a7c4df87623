"""Several desks appending at once cannot fork a chain: 6 connections each write 25
transactions (an audit row, an activity row and a balanced journal entry, in varying order)
for the same hospital, two of them also for a second hospital; afterwards every chain
verifies and each hospital's seqs are 1..n without a gap or a repeat."""

from __future__ import annotations

import threading
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.chain_verify import verify_chains
from app.db.session import make_engine
from app.services import ledger
from tests import factories as f

WORKERS, ROUNDS = 6, 25
Z = Decimal("0.00")


_AUDIT = sa.text("INSERT INTO insurance_verification_audits (hospital_id, action, reason) "
                 "VALUES (:h, 'MANUAL_VERIFY', :r)")
_ACTIVITY = sa.text("INSERT INTO activity_logs (hospital_id, actor_type, action, payload) "
                    "VALUES (:h, 'SYSTEM', 'TEST', '{}')")


def _append(s: Session, hospital_id: int, label: str, i: int, forwards: bool) -> None:
    """One desk's transaction: an audit row, an activity row and a journal entry (2 lines).
    Desks append in different orders: one advisory lock per hospital (not one per chain)
    means no lock-order deadlock."""
    amount = Decimal(f"{i + 1}.25")
    steps = ["audit", "activity", "journal"]
    for step in steps if forwards else reversed(steps):
        if step == "audit":
            s.execute(_AUDIT, {"h": hospital_id, "r": label})
        elif step == "activity":
            s.execute(_ACTIVITY, {"h": hospital_id})
        else:
            ledger.post_entry(s, hospital_id, label, "TEST", i,
                              # card, not cash: cash needs a drawer shift (migration 0006)
                              [(ledger.ACCOUNT_CARD, amount, Z),
                               (ledger.ACCOUNT_REVENUE, Z, amount)], None)


def _write(engine: sa.Engine, hospital_id: int, tag: str, n: int, barrier: threading.Barrier,
           errors: list[BaseException]) -> None:
    try:
        barrier.wait(timeout=30)
        for i in range(n):
            with Session(engine) as s, s.begin():
                _append(s, hospital_id, f"{tag}-{i}", i, bool((i + len(tag)) % 2))
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)


def test_concurrent_desks_keep_every_chain_linear(fresh_db_url):
    engine = make_engine(fresh_db_url, pool_size=WORKERS + 2)
    try:
        with Session(engine, expire_on_commit=False) as s:
            h1, h2 = f.hospital(s), f.hospital(s)
            s.commit()
        barrier = threading.Barrier(WORKERS + 2)
        errors: list[BaseException] = []
        jobs = [(h1.id, f"d{k}") for k in range(WORKERS)] + [(h2.id, "x1"), (h2.id, "x22")]
        threads = [threading.Thread(target=_write,
                                    args=(engine, hid, tag, ROUNDS, barrier, errors))
                   for hid, tag in jobs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert errors == []
        report = verify_chains(engine)
        assert report.ok, report.lines()
        with engine.connect() as conn:
            for hid, n in ((h1.id, WORKERS * ROUNDS), (h2.id, 2 * ROUNDS)):
                for table in ("insurance_verification_audits", "activity_logs",
                              "journal_entries"):
                    seqs = conn.execute(sa.text(
                        f"SELECT chain_seq FROM {table} WHERE hospital_id = :h "
                        "ORDER BY chain_seq"), {"h": hid}).scalars().all()
                    assert seqs == list(range(1, n + 1)), table
                lines = conn.execute(sa.text(
                    "SELECT count(*), max(chain_seq), count(DISTINCT chain_seq) "
                    "FROM journal_lines WHERE hospital_id = :h"), {"h": hid}).one()
                assert tuple(lines) == (2 * n, 2 * n, 2 * n)
    finally:
        engine.dispose()
