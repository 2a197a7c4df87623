"""The demo hospital has a SANDBOX OpenDental connection, and syncing it starts the loopback
sandbox in-process (like DHA's MOCK mode): no URL, no keys, everything SIMULATED."""

from __future__ import annotations

import sqlalchemy as sa

from app.db.models import Appointment, Hospital, OpenDentalConnection
from app.demo_opendental import DEMO_CONNECTION_NAME, add_sandbox_connection
from app.domain.enums import OpenDentalMode
from app.sync.opendental.connections import ClientFactory
from app.sync.registry import SyncEngine, build_jobs


def test_demo_connection_syncs_from_the_in_process_sandbox(session, uow, engine):
    hid = session.scalar(sa.select(Hospital.id).where(Hospital.code == "DXB01"))
    conn = session.scalars(sa.select(OpenDentalConnection).where(
        OpenDentalConnection.hospital_id == hid)).one()
    assert conn.name == DEMO_CONNECTION_NAME and conn.mode is OpenDentalMode.SANDBOX
    assert add_sandbox_connection(session, hid) == conn.id  # idempotent
    sync = SyncEngine(engine, uow, build_jobs(), client_factory=ClientFactory())
    [result] = sync.run("appointments_upcoming", hid)
    assert result.ok, result.error
    session.expire_all()
    synced = session.scalar(sa.select(sa.func.count()).select_from(Appointment).where(
        Appointment.od_connection_id == conn.id))
    assert synced == result.rows_read > 0
