"""Hospital settings: validated, admin-only, audited, and never holding secrets."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog
from app.domain.enums import Role
from app.domain.errors import PermissionDenied, ValidationError
from app.services.settings import HospitalSettings, SettingsService
from tests import factories as f


def test_admin_updates_settings_and_it_is_logged(session, uow):
    h = f.hospital(session)
    admin = f.actor(f.user(session, h, Role.HOSPITAL_ADMIN))
    session.commit()
    svc = SettingsService(uow)
    assert svc.get(admin).dha_mode == "NOT_CONFIGURED"
    svc.update(admin, HospitalSettings(dha_mode="MOCK", smtp_host="mail.local",
                                       smtp_sender="desk@clinic.ae"))
    assert svc.get(admin).dha_mode == "MOCK"
    logged = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "SETTINGS_UPDATED")).one()
    assert logged.payload["after"]["smtp_host"] == "mail.local"
    assert "password" not in str(logged.payload)


@pytest.mark.parametrize("bad, message", [
    (HospitalSettings(dha_mode="LIVE"), "DHA eClaimLink address"),
    (HospitalSettings(dha_mode="WHATEVER"), "DHA mode must be one of"),
    (HospitalSettings(smtp_host="m", smtp_sender="nobody"), "sender address"),
    (HospitalSettings(idle_lock_minutes=0), "idle lock"),
    (HospitalSettings(dha_timeout_seconds=0), "timeout"),
])
def test_bad_settings_are_refused(session, uow, bad, message):
    h = f.hospital(session)
    admin = f.actor(f.user(session, h, Role.HOSPITAL_ADMIN))
    with pytest.raises(ValidationError, match=message):
        SettingsService(uow).update(admin, bad)


def test_receptionist_cannot_change_settings(session, uow):
    h = f.hospital(session)
    desk = f.actor(f.user(session, h, Role.RECEPTIONIST))
    with pytest.raises(PermissionDenied):
        SettingsService(uow).update(desk, HospitalSettings())
