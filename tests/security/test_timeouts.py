"""No call waits forever: the desk's lock and statement limits, and PostgreSQL's refusals as
typed errors, on real connections to a database of its own.

- a collect behind a desk that holds the appointment's row lock gets RecordBusy within about
  the 3-second lock timeout, and writes nothing; once the lock is gone the same collect works;
- two transactions locking two rows in opposite order: one gets Deadlock (not "connection lost");
- a statement over its kind's limit: TimedOut; a serialization failure: ConcurrentUpdate;
- a transaction a hung desk leaves open is ended by the server, releasing its locks.
"""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import bootstrap
from app.config import Settings
from app.db.models import ActivityLog, CopayPayment, InsuranceAudit, JournalEntry
from app.db.session import make_engine, make_session_factory
from app.db.timeouts import DESK, REPORT, Timeouts
from app.domain.enums import PaymentMethod, Role
from app.domain.errors import (
    ConcurrentUpdate,
    DatabaseUnavailable,
    Deadlock,
    RecordBusy,
    TimedOut,
)
from app.services.clock import fixed_clock
from app.services.copay import CopayService
from app.services.unit_of_work import uow_factory
from tests import factories as f
from tests.services.conftest import DAY, NOW


@pytest.fixture
def desk(fresh_db_url, tmp_path: Path):
    """The database opened the way a workstation opens it (bootstrap), with one bookable
    appointment today: (db, copay service, receptionist actor, appointment id)."""
    settings = Settings(database_url=fresh_db_url, data_dir=tmp_path,
                        config_file=tmp_path / "config.toml", workstation="desk-test")
    db = bootstrap.open_database(settings)
    with Session(db.engine, expire_on_commit=False) as s:
        h = f.hospital(s)
        doc = f.doctor(s, h, f.department(s, h))
        user = f.user(s, h, Role.RECEPTIONIST, password_hash="!test-only")
        f.charge(s, h, "initial_consultation", "300.00")
        appt = f.appointment(s, f.patient(s, h), doc, day=DAY)
        actor = f.actor(user)  # its login session is committed with the rest
        s.commit()
    yield db, CopayService(db.uow, fixed_clock(NOW)), actor, appt.id
    db.dispose()


def _written(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as c:
        return {m.__tablename__: c.execute(sa.select(sa.func.count()).select_from(m)).scalar_one()
                for m in (CopayPayment, InsuranceAudit, ActivityLog, JournalEntry)}


def _psycopg_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_the_desk_connection_carries_its_limits(desk):
    db, *_ = desk
    with db.uow() as uow:
        got = uow.session.execute(sa.text(
            "SELECT current_setting('lock_timeout'), current_setting('statement_timeout'), "
            "current_setting('idle_in_transaction_session_timeout')")).one()
    assert tuple(got) == ("3s", "15s", "1min")
    with db.uow.with_timeouts(REPORT)(read_only=True) as uow:
        got = uow.session.execute(sa.text(
            "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")).one()
    assert tuple(got) == ("3s", "2min")


def test_a_collect_behind_a_hung_desk_is_busy_within_the_lock_timeout(desk, fresh_db_url):
    db, copay, actor, appt_id = desk
    before = _written(db.engine)
    with psycopg.connect(_psycopg_url(fresh_db_url)) as hung:  # another desk, mid-transaction
        hung.execute("SELECT id FROM appointments WHERE id = %s FOR UPDATE", (appt_id,))
        t0 = time.monotonic()
        with pytest.raises(RecordBusy, match="Another desk is working on this visit") as err:
            copay.collect(actor, appt_id, PaymentMethod.CASH, uuid.uuid4().hex)
        waited = time.monotonic() - t0
        assert "Nothing was saved" in err.value.message
        assert 2.5 <= waited < DESK.lock_ms / 1000 + 3, waited
        assert _written(db.engine) == before
        hung.rollback()
    # The lock is gone: the same collect goes through (it was only the wait that failed).
    done = copay.collect(actor, appt_id, PaymentMethod.CASH, uuid.uuid4().hex)
    assert done.receipt_number
    assert _written(db.engine)["copay_payments"] == before["copay_payments"] + 1


def test_a_deadlock_is_its_own_typed_error(desk):
    db, *_ = desk
    with Session(db.engine) as s:
        ids = [f.hospital(s).id for _ in range(2)]
        s.commit()
    barrier = threading.Barrier(2, timeout=10)
    outcome: dict[str, BaseException | None] = {}

    def worker(name: str, first: int, second: int) -> None:
        try:
            with db.uow() as uow:
                lock = sa.text("SELECT id FROM hospitals WHERE id = :id FOR UPDATE")
                uow.session.execute(lock, {"id": first})
                barrier.wait()
                uow.session.execute(lock, {"id": second})
                uow.commit()
            outcome[name] = None
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            outcome[name] = exc

    threads = [threading.Thread(target=worker, args=("a", ids[0], ids[1])),
               threading.Thread(target=worker, args=("b", ids[1], ids[0]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    errors = [e for e in outcome.values() if e is not None]
    assert len(outcome) == 2 and len(errors) == 1, outcome
    assert isinstance(errors[0], Deadlock), repr(errors[0])
    assert "Try again" in errors[0].message


def test_a_statement_over_its_limit_is_timed_out(desk):
    db, *_ = desk
    quick = db.uow.with_timeouts(Timeouts(lock_ms=100, statement_ms=200))
    t0 = time.monotonic()
    with pytest.raises(TimedOut, match="took too long"), quick() as uow:
        uow.session.execute(sa.text("SELECT pg_sleep(5)"))
    assert time.monotonic() - t0 < 3


def test_a_serialization_failure_is_a_concurrent_update(desk, fresh_db_url):
    db, *_ = desk
    with Session(db.engine) as s:
        hid = f.hospital(s).id
        s.commit()
    with pytest.raises(ConcurrentUpdate, match="Try again"), db.uow() as uow:
        conn = uow.session.connection(
            execution_options={"isolation_level": "REPEATABLE READ"})
        conn.execute(sa.text("SELECT name FROM hospitals WHERE id = :id"), {"id": hid})
        with psycopg.connect(_psycopg_url(fresh_db_url), autocommit=True) as other:
            other.execute("UPDATE hospitals SET name = name || ' (moved)' WHERE id = %s",
                          (hid,))
        conn.execute(sa.text("UPDATE hospitals SET name = 'mine' WHERE id = :id"),
                     {"id": hid})


def test_a_transaction_left_open_by_a_hung_desk_is_ended_by_the_server(fresh_db_url):
    """The desk's idle-in-transaction limit (60 s; 0.5 s here) releases a hung desk's locks;
    that desk then hears "connection lost", the typed error, not a driver message."""
    engine = make_engine(fresh_db_url, pool_size=1,
                         timeouts=Timeouts(lock_ms=3000, statement_ms=15000,
                                           idle_in_transaction_ms=500))
    uow = uow_factory(make_session_factory(engine))
    try:
        with pytest.raises(DatabaseUnavailable), uow() as u:
            u.session.execute(sa.text("SELECT id FROM hospitals FOR UPDATE"))
            time.sleep(1.5)  # the desk hangs inside its transaction
            u.session.execute(sa.text("SELECT 1"))
        with psycopg.connect(_psycopg_url(fresh_db_url)) as other:
            other.execute("SET lock_timeout = 1000")
            other.execute("SELECT id FROM hospitals FOR UPDATE")  # not blocked any more
    finally:
        engine.dispose()


@pytest.mark.parametrize("sql, params", [
    ("SELECT CAST(:v AS NUMERIC(12,2))", {"v": "10000000000"}),  # 22003 numeric overflow
    ("SELECT CAST(:v AS VARCHAR(3))::char(2) || CAST(:v AS VARCHAR(3))", {"v": "a\x00b"}),  # NUL
    ("SELECT CAST(:v AS DATE)", {"v": "2026-02-30"}),  # 22008 datetime field overflow
])
def test_the_net_under_the_domain_checks_turns_data_errors_into_sentences(desk, sql, params):
    """The domain refuses bad input before SQL; should something slip through, the unit of
    work still answers with a ValidationError, never the driver's text."""
    from app.domain.errors import ValidationError

    db, *_ = desk
    with pytest.raises(ValidationError, match="nothing was saved") as err, db.uow() as uow:
        uow.session.execute(sa.text(sql), params)
    assert "psycopg" not in err.value.message
