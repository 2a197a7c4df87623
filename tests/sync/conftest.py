"""OpenDental sync fixtures: the loopback sandbox of app/integrations/opendental/sandbox.py
serving a small generated practice (no mocked HTTP), a hospital with a SANDBOX connection on
the test's rolled-back transaction, and a SyncEngine wired to both.

The practice and ClinicDesk share one movable clock (10 March 2026, 09:30 in Dubai), so
"today", the windows and OpenDental's serverDateTime/DateTStamp agree; ``clock.advance()``
moves both."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from app.db.models import OpenDentalConnection
from app.domain.enums import OpenDentalMode
from app.integrations.opendental.practice import make_practice
from app.integrations.opendental.sandbox import start_sandbox
from app.sync.opendental.connections import ClientFactory
from app.sync.registry import SyncEngine, build_jobs
from tests import factories as f

DAY = dt.date(2026, 3, 10)
DUBAI = f.DUBAI


class MovableClock:
    """ClinicDesk's Clock (aware UTC) and the practice's clock (naive Dubai wall time)."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at

    def office(self) -> dt.datetime:
        return self.at.astimezone(DUBAI).replace(tzinfo=None)

    def advance(self, **kw: float) -> None:
        self.at += dt.timedelta(**kw)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(dt.datetime(2026, 3, 10, 9, 30, tzinfo=DUBAI))


@pytest.fixture
def practice(clock):
    return make_practice(11, patients=80, appointments=800, claims=80, days_back=14,
                         days_ahead=10, today=DAY, clock=clock.office)


@pytest.fixture
def sandbox(practice):
    running = start_sandbox(practice)
    yield running
    running.stop()


@dataclass
class OdClinic:
    hospital: object
    connection: OpenDentalConnection
    engine: SyncEngine
    factory: ClientFactory


def make_clients(sandbox, **options) -> ClientFactory:
    from app.integrations.opendental.credentials import OpenDentalKeys

    keys = OpenDentalKeys(sandbox.developer_key, sandbox.customer_key)
    options.setdefault("timeout", 5.0)
    options.setdefault("max_retries", 2)
    options.setdefault("backoff_base", 0.01)
    options.setdefault("max_backoff", 0.05)
    return ClientFactory(lambda: (sandbox.url, keys), **options)


def add_connection(session, hospital, **kw) -> OpenDentalConnection:
    row = OpenDentalConnection(**{"hospital_id": hospital.id, "name": "Sandbox practice",
                                  "mode": OpenDentalMode.SANDBOX, "timezone": "Asia/Dubai",
                                  "requests_per_second": Decimal("500"), "cadence": {}, **kw})
    session.add(row)
    session.flush()
    return row


@pytest.fixture
def od(session, uow, engine, sandbox, clock) -> OdClinic:
    h = f.hospital(session)
    conn = add_connection(session, h)
    session.commit()
    factory = make_clients(sandbox)
    sync = SyncEngine(engine, uow, build_jobs(), client_factory=factory, clock=clock,
                      workstation="test-ws")
    return OdClinic(h, conn, sync, factory)


def run(od: OdClinic, job: str):
    results = od.engine.run(job, od.hospital.id)
    assert len(results) == 1
    return results[0]


__all__ = ["DAY", "MovableClock", "OdClinic", "add_connection",
           "make_clients", "run"]
