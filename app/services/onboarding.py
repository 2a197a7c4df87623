"""First-run onboarding: create a clinic on an empty (shared) database.

``OnboardingService.create_clinic(setup)`` writes, in ONE transaction, the hospital, its first
administrator (with the password they chose, hashed), the standard chart of accounts
(app/domain/accounts.py), the charge master, the payers the clinic ticked and its
departments, with one activity-log row per thing created. Nothing of the demo and no default
password reaches the database on this path.

There is no signed-in caller yet, so the role check is replaced by the rule that makes the
call safe: it only runs while the database has no hospital at all. Two desks running the
wizard at once are serialised by a transaction-scoped advisory lock (the same one the demo
takes); the second sees the first's hospital and gets :class:`Conflict`, which the wizard
turns into "already set up — sign in".
"""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa

from app.db.models import (
    ChargeItem,
    Department,
    GLAccount,
    Hospital,
    InsurancePayer,
    User,
)
from app.domain.accounts import CHART_OF_ACCOUNTS
from app.domain.enums import Regulator, Role
from app.domain.errors import Conflict
from app.domain.messages import messages
from app.domain.mrn import DEFAULT_DIGITS, PREFIX_MAX
from app.domain.onboarding import ClinicSetup, normalize_setup
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.passwords import hash_password
from app.services.unit_of_work import UowFactory

M = messages(__name__)

HOSPITAL_CREATION_LOCK = "clinicdesk:create-hospital"
"""Advisory-lock name taken by every code path that creates a hospital (onboarding, demo)."""


def lock_hospital_creation(session) -> None:
    """Serialise hospital creation until the end of ``session``'s transaction."""
    session.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:name))"),
                    {"name": HOSPITAL_CREATION_LOCK})


@dataclasses.dataclass(frozen=True)
class ClinicCreated:
    hospital_id: int
    hospital_code: str
    hospital_name: str
    admin_user_id: int
    admin_username: str
    gl_accounts: int
    charge_items: int
    payers: int
    departments: int


def mrn_settings(code: str) -> dict[str, object]:
    """New patients' MRNs: the clinic's code, a dash, 6 digits (app/domain/mrn.py)."""
    prefix = f"{code[:PREFIX_MAX - 1]}-"
    return {"mrn_prefix": prefix, "mrn_digits": DEFAULT_DIGITS}


class OnboardingService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    def needs_setup(self) -> bool:
        """True while the database has no hospital (the wizard's cue)."""
        with self._uow(read_only=True) as uow:
            return not uow.session.scalar(sa.select(sa.exists().where(Hospital.id.is_not(None))))

    def create_clinic(self, setup: ClinicSetup, *, workstation: str | None = None
                      ) -> ClinicCreated:
        """Create the clinic described by ``setup`` (checked first: ValidationError names the
        field), or raise Conflict when a hospital already exists."""
        setup = normalize_setup(setup)
        # Hash before the transaction: Argon2 takes a noticeable moment and the advisory lock
        # should be held only for the inserts.
        password_hash = hash_password(setup.admin_password)
        with self._uow() as uow:
            s = uow.session
            lock_hospital_creation(s)
            existing = s.execute(sa.select(Hospital.code, Hospital.name)
                                 .order_by(Hospital.id).limit(1)).first()
            if existing is not None:
                raise Conflict(M("database_already_clinic_code",
                                 "This database already has a clinic ({name}, code {code}), set "
                                 "up from another workstation. Sign in with an account of that "
                                 "clinic.",
                                 name=existing.name, code=existing.code),
                               hospital_code=existing.code)
            hospital = Hospital(code=setup.code, name=setup.name, timezone=setup.timezone,
                                address=setup.address, phone=setup.phone, email=setup.email,
                                trn=setup.trn,
                                settings={"dha_mode": "NOT_CONFIGURED", "idle_lock_minutes": 10,
                                          **mrn_settings(setup.code)})
            s.add(hospital)
            s.flush()
            hid = hospital.id
            system = Actor.system(hid, workstation)
            admin = User(hospital_id=hid, username=setup.admin_username,
                         full_name=setup.admin_full_name, role=Role.HOSPITAL_ADMIN,
                         password_hash=password_hash)
            s.add(admin)
            s.add_all(GLAccount(hospital_id=hid, code=code, name=name, account_type=kind)
                      for code, name, kind in CHART_OF_ACCOUNTS)
            s.add_all(ChargeItem(hospital_id=hid, code=c.code, cpt_code=c.cpt_code,
                                 description=c.description, fee=c.fee, vat_rate=c.vat_rate)
                      for c in setup.charges)
            s.add_all(InsurancePayer(hospital_id=hid, code=p.code, name=p.name,
                                     regulator=Regulator.DHA, dha_payer_id=p.dha_payer_id,
                                     preauth_required=p.preauth_required,
                                     default_copay_pct=p.default_copay_pct)
                      for p in setup.payers)
            s.add_all(Department(hospital_id=hid, code=d.code, name=d.name)
                      for d in setup.departments)
            s.flush()
            uow.activity(system, "HOSPITAL_CREATED", "hospital", hid, {
                "code": setup.code, "name": setup.name, "trn": setup.trn,
                "timezone": setup.timezone, "via": "onboarding",
                "gl_accounts": [code for code, *_ in CHART_OF_ACCOUNTS],
                "charges": {c.code: {"fee": c.fee, "vat_rate": c.vat_rate}
                            for c in setup.charges},
                "payers": [p.code for p in setup.payers],
                "departments": [d.code for d in setup.departments]})
            uow.activity(system, "USER_CREATED", "user", admin.id,
                         {"username": admin.username, "role": Role.HOSPITAL_ADMIN.value,
                          "via": "onboarding"})
            uow.commit()
            return ClinicCreated(hid, setup.code, setup.name, admin.id, admin.username,
                                 len(CHART_OF_ACCOUNTS), len(setup.charges), len(setup.payers),
                                 len(setup.departments))
