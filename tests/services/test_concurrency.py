"""Two workstations at once, for real: OS processes ('spawn') on a committed database.

- both collect the same 30 copays: 30 payments, receipts 1..30 without a gap, every loser
  told who collected;
- both check in the same 40 appointments of one department: tokens 1..40, each once;
- both register patients: MRNs unique and consecutive;
- a process killed with SIGKILL in the middle of a collect leaves nothing behind, and the
  next collect takes receipt 000001.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.db.embedded import to_sqlalchemy_url
from app.db.models import (
    ActivityLog,
    Appointment,
    CopayPayment,
    InsuranceAudit,
    JournalEntry,
    Patient,
    ReceiptCounter,
)
from app.db.session import make_engine, make_session_factory
from app.domain.enums import CopayStatus, PaymentMethod, Role
from app.domain.errors import Conflict
from app.services.clock import fixed_clock
from app.services.copay import CopayService
from app.services.patients import PatientService
from app.services.queue import QueueService
from app.services.unit_of_work import uow_factory
from tests import factories as f
from tests.services.conftest import DAY, NOW

CTX = mp.get_context("spawn")
TIMEOUT = 60


def _services(url: str):
    engine = make_engine(url, pool_size=1)
    uow = uow_factory(make_session_factory(engine))
    clock = fixed_clock(NOW)
    return engine, CopayService(uow, clock), QueueService(uow, clock), PatientService(uow, clock)


def _worker(kind: str, url: str, hospital_id: int, user_id: int, ids: list[int], tag: str,
            barrier, out) -> None:
    """One workstation: runs ``kind`` over ``ids`` and reports each outcome."""
    engine, copay, queue, patients = _services(url)
    actor = f.committed_actor(engine, user_id, tag, username=f"desk{tag}", full_name=f"Desk {tag}")
    results: dict[int, tuple[str, object]] = {}
    barrier.wait(timeout=TIMEOUT)
    for i in ids:
        try:
            if kind == "collect":
                r = copay.collect(actor, i, PaymentMethod.CASH, f"{tag}-{i}")
                results[i] = ("ok", r.receipt_number)
            elif kind == "check_in":
                results[i] = ("ok", queue.check_in(actor, i).token_number)
            else:
                results[i] = ("ok", patients.register(actor, f"P{tag}", f"N{i}", None, "MALE",
                                                      None, None).patient_id)
        except Conflict as exc:
            results[i] = ("conflict", exc.message)
        except Exception as exc:  # reported, so the test shows it
            results[i] = ("error", repr(exc))
    out.put((tag, results))
    engine.dispose()


def _killable_collect(url: str, hospital_id: int, user_id: int, appointment_id: int,
                      inside) -> None:
    """Collects, and sleeps inside the transaction right after the payment INSERT."""
    engine, copay, _, _ = _services(url)

    def hold(payment_id: int) -> None:
        inside.set()
        time.sleep(TIMEOUT)

    copay.after_payment_insert = hold
    actor = f.committed_actor(engine, user_id, "ws-kill", username="victim", full_name="Victim")
    copay.collect(actor, appointment_id, PaymentMethod.CASH, "doomed")


def _race(kind: str, url: str, hospital_id: int, user_id: int, ids: list[int]):
    barrier, out = CTX.Barrier(2), CTX.Queue()
    procs = [CTX.Process(target=_worker, args=(kind, url, hospital_id, user_id, ids, tag,
                                               barrier, out)) for tag in ("A", "B")]
    for p in procs:
        p.start()
    try:
        got = dict(out.get(timeout=TIMEOUT) for _ in procs)
    finally:
        for p in procs:
            p.join(timeout=TIMEOUT)
            if p.is_alive():
                p.kill()
    return got["A"], got["B"]


@pytest.fixture
def live(fresh_db_url):
    """A committed clinic in a database of its own: (url, engine, hospital, user, make)."""
    engine = make_engine(fresh_db_url, pool_size=2)
    with Session(engine, expire_on_commit=False) as s:
        h = f.hospital(s)
        dept = f.department(s, h)
        doc = f.doctor(s, h, dept)
        u = f.user(s, h, Role.RECEPTIONIST, full_name="Amina Yousef")
        f.charge(s, h, "initial_consultation", "300.00")
        s.commit()

    def make(n: int, **kw) -> list[int]:
        with Session(engine, expire_on_commit=False) as s:
            ids = []
            for i in range(n):
                pat = f.patient(s, h)
                if i % 2:
                    f.insurance(s, pat, f.payer(s, h), copay_pct=Decimal("20"))
                ids.append(f.appointment(s, pat, doc, day=DAY, **kw).id)
            s.commit()
            return ids

    yield fresh_db_url, engine, h, u, make
    engine.dispose()


def _count(engine, model, *where) -> int:
    with engine.connect() as c:
        return c.execute(sa.select(sa.func.count()).select_from(model).where(*where)).scalar_one()


def test_two_processes_collect_each_copay_exactly_once(live):
    url, engine, h, u, make = live
    ids = make(30)
    a, b = _race("collect", url, h.id, u.id, ids)
    errors = [r for r in (*a.values(), *b.values()) if r[0] == "error"]
    assert errors == []
    for i in ids:
        outcomes = sorted((a[i][0], b[i][0]))
        assert outcomes == ["conflict", "ok"], (i, a[i], b[i])
        loser = a[i] if a[i][0] == "conflict" else b[i]
        winner = a[i] if a[i][0] == "ok" else b[i]
        assert "already collected by Amina Y." in loser[1] and winner[1] in loser[1]
    with engine.connect() as c:
        seqs = c.execute(sa.select(CopayPayment.receipt_seq).where(
            CopayPayment.hospital_id == h.id).order_by(CopayPayment.receipt_seq)).scalars().all()
        last = c.execute(sa.select(ReceiptCounter.last_seq).where(
            ReceiptCounter.hospital_id == h.id)).scalar_one()
    assert seqs == list(range(1, 31)) and last == 30
    assert _count(engine, Appointment, Appointment.id.in_(ids),
                  Appointment.copay_status == CopayStatus.COLLECTED) == 30
    assert _count(engine, InsuranceAudit, InsuranceAudit.appointment_id.in_(ids)) == 30


def test_two_processes_check_in_with_unique_tokens(live):
    url, engine, h, u, make = live
    ids = make(40, copay_status=CopayStatus.DEFERRED)
    a, b = _race("check_in", url, h.id, u.id, ids)
    tokens = sorted(r[1] for r in (*a.values(), *b.values()) if r[0] == "ok")
    assert tokens == list(range(1, 41))
    assert all(r[0] in ("ok", "conflict") for r in (*a.values(), *b.values()))
    with engine.connect() as c:
        stored = c.execute(sa.select(Appointment.token_number).where(
            Appointment.id.in_(ids)).order_by(Appointment.token_number)).scalars().all()
    assert stored == list(range(1, 41))


def test_two_processes_register_with_unique_mrns(live):
    url, engine, h, u, make = live
    a, b = _race("register", url, h.id, u.id, list(range(15)))
    pids = [r[1] for r in (*a.values(), *b.values())]
    assert len(set(pids)) == 30 and all(isinstance(p, int) for p in pids)
    with engine.connect() as c:
        mrns = c.execute(sa.select(Patient.mrn).where(Patient.id.in_(pids))).scalars().all()
    nums = sorted(int(m[3:]) for m in mrns)
    assert nums == list(range(nums[0], nums[0] + 30))


def test_killed_mid_collect_leaves_nothing_and_the_next_collect_succeeds(live):
    url, engine, h, u, make = live
    [aid] = make(1)
    inside = CTX.Event()
    proc = CTX.Process(target=_killable_collect, args=(url, h.id, u.id, aid, inside))
    proc.start()
    try:
        assert inside.wait(timeout=TIMEOUT), "the collect never reached the payment INSERT"
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(timeout=TIMEOUT)
    finally:
        if proc.is_alive():
            proc.kill()
    assert proc.exitcode == -signal.SIGKILL

    # Nothing of the killed transaction is visible...
    assert _count(engine, CopayPayment, CopayPayment.hospital_id == h.id) == 0
    assert _count(engine, ReceiptCounter, ReceiptCounter.hospital_id == h.id) == 0
    assert _count(engine, Appointment, Appointment.id == aid,
                  Appointment.copay_status == CopayStatus.PENDING) == 1
    # ... and its locks are gone: a lock timeout makes a leftover lock a failure, not a hang.
    check = sa.create_engine(to_sqlalchemy_url(url),
                             connect_args={"options": "-c lock_timeout=10000"})
    try:
        svc = CopayService(uow_factory(make_session_factory(check)), fixed_clock(NOW))
        actor = f.committed_actor(check, u.id, "ws-2", username="desk", full_name="Amina Yousef")
        res = svc.collect(actor, aid, PaymentMethod.CASH, "after-kill")
    finally:
        check.dispose()
    assert res.receipt_number == "RCP-2026-000001"
    assert _count(engine, CopayPayment, CopayPayment.appointment_id == aid) == 1
    assert _count(engine, CopayPayment, CopayPayment.idempotency_key == "doomed") == 0
    assert _count(engine, InsuranceAudit, InsuranceAudit.appointment_id == aid) == 1
    assert _count(engine, ActivityLog, ActivityLog.workstation == "ws-kill") == 0
    assert _count(engine, JournalEntry, JournalEntry.hospital_id == h.id) == 1


def test_same_key_on_two_appointments_at_once_is_a_conflict_not_an_error(live):
    """The unique key, not the row lock, decides here: the IntegrityError becomes Conflict."""
    import threading

    url, engine, h, u, make = live
    a1, a2 = make(2)
    e1, slow, _, _ = _services(url)
    e2, fast, _, _ = _services(url)
    inside = threading.Event()

    def hold(payment_id: int) -> None:
        inside.set()
        time.sleep(1.0)  # the payment row with the key exists, uncommitted

    slow.after_payment_insert = hold
    actor = f.committed_actor(engine, u.id, "ws", username="desk", full_name="Amina Yousef")
    out: dict[str, object] = {}
    t = threading.Thread(target=lambda: out.setdefault(
        "slow", slow.collect(actor, a1, PaymentMethod.CASH, "shared-key")))
    t.start()
    assert inside.wait(TIMEOUT)
    with pytest.raises(Conflict, match="already used for another appointment"):
        fast.collect(actor, a2, PaymentMethod.CASH, "shared-key")
    t.join(TIMEOUT)
    assert out["slow"].receipt_number == "RCP-2026-000001"
    # The loser's receipt number was rolled back with it: the next one is 000002.
    assert fast.collect(actor, a2, PaymentMethod.CASH, "own-key").receipt_number \
        == "RCP-2026-000002"
    e1.dispose()
    e2.dispose()
