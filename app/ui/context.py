"""What every screen gets: settings, services, the op runner, the change bus and who is signed in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.config import Settings
from app.ui.events import UiBus
from app.ui.ops import Ops

if TYPE_CHECKING:
    from app.bootstrap import Database, Runtime, Services
    from app.services.auth import SignedIn


@dataclass
class AppContext:
    settings: Settings
    ops: Ops
    bus: UiBus
    db: Database | None = None
    services: Services | None = None
    signed_in: SignedIn | None = None
    listeners: list = field(default_factory=list)
    runtime: Runtime | None = None  # what app/bootstrap.py start_runtime built; closes it all

    @property
    def clinic_zone(self) -> ZoneInfo | None:
        """The signed-in hospital's time zone, the one every time on the desk is shown in
        (None when nobody is signed in: the computer's own zone)."""
        return ZoneInfo(self.signed_in.hospital_timezone) if self.signed_in else None

    def clinic_today(self) -> dt.date:
        """Today in the hospital's zone: the default of every date filter (a desk whose own
        clock is in another zone must not look at yesterday around midnight)."""
        zone = self.clinic_zone
        return dt.datetime.now(zone).date() if zone else dt.date.today()

    @property
    def actor(self):
        assert self.signed_in is not None, "nobody is signed in"
        return self.signed_in.actor
