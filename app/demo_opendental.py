"""The demo's OpenDental: one SANDBOX connection for the demo hospital.

A SANDBOX connection needs no URL and no keys: the sync (app/sync/opendental/connections.py)
starts ClinicDesk's loopback sandbox in-process on first use, the way DHA's MOCK mode starts
its sandbox, and everything it brings is labelled SIMULATED. Idempotent: the connection is
created once per hospital, by name.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from app.db.models import OpenDentalConnection
from app.domain.enums import OpenDentalMode

DEMO_CONNECTION_NAME = "Demo dental practice (SIMULATED)"


def add_sandbox_connection(s: Session, hospital_id: int) -> int:
    """The demo hospital's SANDBOX connection (created if missing); returns its id."""
    s.execute(insert(OpenDentalConnection).values(
        hospital_id=hospital_id, name=DEMO_CONNECTION_NAME, mode=OpenDentalMode.SANDBOX,
        base_url=None, clinic_num=None, timezone="Asia/Dubai", requests_per_second=5,
        cadence={}, is_active=True,
    ).on_conflict_do_nothing(index_elements=[OpenDentalConnection.hospital_id,
                                             OpenDentalConnection.name]))
    return int(s.scalar(sa.select(OpenDentalConnection.id).where(
        OpenDentalConnection.hospital_id == hospital_id,
        OpenDentalConnection.name == DEMO_CONNECTION_NAME)))
