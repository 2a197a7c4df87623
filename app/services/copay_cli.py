"""`python -m app copay quote APPOINTMENT_ID --json`: a quote with every figure, as JSON.

Runs as the SYSTEM actor of the appointment's own hospital (an administrator at the server
asked for it), so no sign-in is needed; nothing is written.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from app.db.models import Appointment
from app.domain.errors import NotFound
from app.domain.messages import messages
from app.services.context import Actor
from app.services.copay import CopayService
from app.services.unit_of_work import UowFactory

M = messages(__name__)


def quote_json(uow_factory: UowFactory, appointment_id: int) -> str:
    with uow_factory() as uow:
        hospital_id = uow.session.scalar(
            sa.select(Appointment.hospital_id).where(Appointment.id == appointment_id))
    if hospital_id is None:
        raise NotFound(M("no_appointment", "There is no appointment {appointment_id}.",
                         appointment_id=appointment_id))
    view = CopayService(uow_factory).quote(Actor.system(hospital_id, "cli"), appointment_id)
    return json.dumps(view.to_dict(), indent=2, ensure_ascii=False)
