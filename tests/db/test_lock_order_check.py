"""The lock-order rule is checked on every session (app/db/lock_order.py): a row lock after an
audit/activity row is refused in the test suite; the same locks in the right order pass."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.db.lock_order import LockOrderViolation
from app.db.models import Appointment, User
from app.domain.enums import Role
from tests import factories as f


def _setup(db):
    with db() as s, s.begin():
        h = f.hospital(s)
        user = f.user(s, h, Role.RECEPTIONIST, password_hash="!")
        appt = f.appointment(s, f.patient(s, h), f.doctor(s, h, f.department(s, h)))
        return f.actor(user, shift=False), appt.id


def test_a_row_lock_after_an_activity_row_is_refused(db, uow):
    actor, appt_id = _setup(db)
    with uow() as w:
        w.activity(actor, "SOMETHING", "appointment", appt_id, {})  # pending, autoflushed next
        with pytest.raises(LockOrderViolation):
            w.session.get(Appointment, appt_id, with_for_update=True)


def test_after_a_flushed_activity_row_too(db, uow):
    actor, appt_id = _setup(db)
    with uow() as w:
        w.activity(actor, "SOMETHING", "appointment", appt_id, {})
        w.flush()
        with pytest.raises(LockOrderViolation):
            w.session.execute(sa.select(User).where(User.id == actor.user_id).with_for_update())


def test_locks_first_then_the_activity_row_pass_and_the_next_transaction_starts_clean(db, uow):
    actor, appt_id = _setup(db)
    with uow() as w:
        w.session.get(Appointment, appt_id, with_for_update=True)
        w.activity(actor, "SOMETHING", "appointment", appt_id, {})
        w.commit()
    with uow() as w:  # a new transaction: no chain lock is held
        assert w.session.get(Appointment, appt_id, with_for_update=True) is not None
