"""Onboarding (app/services/onboarding.py) on a blank database, committed for real.

A clinic made by the service works end to end (the admin signs in, a receptionist is created
and collects a quoted copay that posts to the new chart of accounts); it refuses a second
run, weak passwords and bad hospital values with typed errors and writes nothing then; and of
two desks racing through the wizard exactly one wins.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app import bootstrap
from app.config import load_settings
from app.db.models import (
    ActivityLog,
    ChargeItem,
    GLAccount,
    Hospital,
    InsurancePayer,
    JournalLine,
    User,
)
from app.domain.accounts import CHART_OF_ACCOUNTS
from app.domain.enums import PaymentMethod, Role
from app.domain.errors import Conflict, ValidationError
from app.domain.onboarding import (
    COMMON_UAE_PAYERS,
    STANDARD_CHARGES,
    STANDARD_DEPARTMENTS,
    ChargeSetup,
    ClinicSetup,
)
from app.services.passwords import verify_password
from tests import factories as f

PASSWORD = "Green-Falcon-Tent-42"


def make_setup(**kw) -> ClinicSetup:
    values = dict(
        name="Jumeirah Family Clinic", code="jfc01", trn="100 123 456 700 003",
        timezone="Asia/Dubai", address="Villa 12, Al Wasl Road, Dubai",
        admin_username="Mariam.K", admin_full_name="Mariam Khalifa", admin_password=PASSWORD,
        charges=tuple(dataclasses.replace(c, fee=Decimal("250.00")) if c.code == "follow_up"
                      else c for c in STANDARD_CHARGES),
        payers=COMMON_UAE_PAYERS[:2], departments=STANDARD_DEPARTMENTS)
    values.update(kw)
    return ClinicSetup(**values)


@pytest.fixture
def runtime(blank_db_url, tmp_path) -> Iterator[bootstrap.Runtime]:
    settings = load_settings(env={"DATABASE_URL": blank_db_url, "CLINICDESK_SYNC": "false",
                                  "CLINICDESK_DATA_DIR": str(tmp_path)},
                             config_file=tmp_path / "none.toml")
    rt = bootstrap.start_runtime(settings)
    yield rt
    rt.close()


def _count(rt, model) -> int:
    with rt.db.engine.connect() as c:
        return c.execute(sa.select(sa.func.count()).select_from(model)).scalar_one()


def test_blank_shared_database_needs_onboarding_and_gets_no_demo(runtime):
    assert runtime.needs_onboarding and runtime.demo is None
    assert runtime.services.onboarding.needs_setup()
    assert _count(runtime, Hospital) == 0 and _count(runtime, User) == 0


def test_creates_a_working_clinic(runtime):
    svc = runtime.services
    made = svc.onboarding.create_clinic(make_setup(), workstation="desk-1")
    assert (made.hospital_code, made.admin_username) == ("JFC01", "mariam.k")
    assert not svc.onboarding.needs_setup()

    with runtime.db.session_factory() as s:
        h = s.get(Hospital, made.hospital_id)
        assert (h.trn, h.timezone, h.settings["dha_mode"]) == (
            "100123456700003", "Asia/Dubai", "NOT_CONFIGURED")
        # New patients' MRNs take the clinic's code as prefix: JFC01-000001 (issue 11).
        assert (h.settings["mrn_prefix"], h.settings["mrn_digits"]) == ("JFC01-", 6)
        accounts = {(a.code, a.name, a.account_type) for a in s.scalars(
            sa.select(GLAccount).where(GLAccount.hospital_id == h.id))}
        assert accounts == set(CHART_OF_ACCOUNTS)
        fees = {c.code: c.fee for c in s.scalars(sa.select(ChargeItem))}
        assert fees == {"initial_consultation": Decimal("300.00"),
                        "follow_up": Decimal("250.00"), "emergency_consult": Decimal("450.00")}
        assert {p.code for p in s.scalars(sa.select(InsurancePayer))} == {"DAMAN", "AXA"}
        users = s.scalars(sa.select(User)).all()
        assert [(u.username, u.role) for u in users] == [("mariam.k", Role.HOSPITAL_ADMIN)]
        assert verify_password(users[0].password_hash, PASSWORD)
        assert PASSWORD not in users[0].password_hash
        actions = set(s.scalars(sa.select(ActivityLog.action)
                                .where(ActivityLog.hospital_id == h.id)))
        assert {"HOSPITAL_CREATED", "USER_CREATED"} <= actions
        # No demo: no patients, no appointments, no demo users.
        assert s.scalar(sa.text("SELECT count(*) FROM patients")) == 0
        assert s.scalar(sa.select(User.id).where(User.username == "admin")) is None

    # The admin signs in with the chosen password; a receptionist is added and works.
    admin = svc.auth.login("MARIAM.K", PASSWORD, "desk-1")
    assert admin.actor.role is Role.HOSPITAL_ADMIN
    svc.auth.create_user("JFC01", "noura", "Noura Ali", Role.RECEPTIONIST, "Desk-Noura-2026")
    desk = svc.auth.login("noura", "Desk-Noura-2026", "desk-1").actor

    with runtime.db.session_factory() as s:
        h = s.get(Hospital, made.hospital_id)
        dept = f.department(s, h)
        doc = f.doctor(s, h, dept)
        pat = f.patient(s, h)
        appt = f.appointment(s, pat, doc)
        s.commit()
        appt_id = appt.id
    view = svc.copay.quote(desk, appt_id)
    assert view.quote.fee == Decimal("300.00") and view.quote.is_self_pay
    assert view.quote.fee_source.value == "CHARGE_MASTER"
    svc.shifts.open_shift(desk, Decimal("0.00"))  # cash needs an open drawer
    result = svc.copay.collect(desk, appt_id, PaymentMethod.CASH, "onboard-test-1")
    assert result.amount == Decimal("300.00")
    with runtime.db.session_factory() as s:
        posted = {code: (d, c) for code, d, c in s.execute(
            sa.select(GLAccount.code, JournalLine.debit, JournalLine.credit)
            .join(GLAccount, GLAccount.id == JournalLine.account_id))}
    assert posted["1000"] == (Decimal("300.00"), Decimal("0.00"))
    assert posted["4000"] == (Decimal("0.00"), Decimal("300.00"))


def test_refuses_a_second_run(runtime):
    runtime.services.onboarding.create_clinic(make_setup())
    with pytest.raises(Conflict, match="already has a clinic"):
        runtime.services.onboarding.create_clinic(make_setup(code="OTHER", admin_username="x.y"))
    assert _count(runtime, Hospital) == 1 and _count(runtime, User) == 1


@pytest.mark.parametrize("password, why", [
    ("Sh0rt-pass", "at least 12"),
    ("Password2024!", "guessed first"),
    ("aaaaaaaaaaaaaaaaaa", "5 different"),
    ("mariam.k-is-the-admin", "username"),
    ("123456789012", "guessed first|Counting"),
])
def test_weak_passwords_are_refused(runtime, password, why):
    with pytest.raises(ValidationError, match=why) as err:
        runtime.services.onboarding.create_clinic(make_setup(admin_password=password))
    assert err.value.details["field"] == "admin_password"
    assert _count(runtime, Hospital) == 0


@pytest.mark.parametrize("change, field", [
    ({"trn": "12345"}, "trn"),
    ({"trn": "10012345670000A"}, "trn"),
    ({"code": "a"}, "code"),
    ({"code": "DXB 01"}, "code"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"timezone": "GST"}, "timezone"),
    ({"name": "   "}, "name"),
    ({"name": "Clinic\x00"}, "name"),
    ({"admin_username": "a b"}, "admin_username"),
    ({"charges": STANDARD_CHARGES[:2]}, "charges"),
    ({"charges": (ChargeSetup("initial_consultation", "99203", "x", Decimal("-1"),
                              Decimal("0")), *STANDARD_CHARGES[1:])},
     "charge:initial_consultation"),
    ({"charges": (ChargeSetup("initial_consultation", "99203", "x", Decimal("1e27"),
                              Decimal("0")), *STANDARD_CHARGES[1:])},
     "charge:initial_consultation"),
    ({"charges": (ChargeSetup("initial_consultation", "99203", "x", 300.0,
                              Decimal("0")), *STANDARD_CHARGES[1:])},
     "charge:initial_consultation"),
    ({"charges": (ChargeSetup("initial_consultation", "99203", "x", Decimal("300"),
                              Decimal("5")), *STANDARD_CHARGES[1:])},
     "charge:initial_consultation"),
    ({"payers": (COMMON_UAE_PAYERS[0], COMMON_UAE_PAYERS[0])}, "payers"),
    ({"payers": (dataclasses.replace(COMMON_UAE_PAYERS[0], default_copay_pct=Decimal("120")),)},
     "payers"),
])
def test_bad_values_are_refused_with_the_field(runtime, change, field):
    with pytest.raises(ValidationError) as err:
        runtime.services.onboarding.create_clinic(make_setup(**change))
    assert err.value.details["field"] == field
    assert err.value.message.endswith(".")
    assert _count(runtime, Hospital) == 0


def test_arabic_indic_digits_in_the_trn_are_accepted(runtime):
    made = runtime.services.onboarding.create_clinic(make_setup(trn="١٠٠١٢٣٤٥٦٧٠٠٠٠٣"))
    with runtime.db.session_factory() as s:
        assert s.get(Hospital, made.hospital_id).trn == "100123456700003"


def test_two_desks_racing_exactly_one_wins(runtime, blank_db_url, tmp_path):
    """Two workstations (own engines) submit the wizard at the same moment."""
    settings = runtime.settings
    other = bootstrap.start_runtime(settings.with_(workstation="desk-2"))
    try:
        barrier = threading.Barrier(2)
        outcomes: list[object] = []

        def run(rt, code, user):
            barrier.wait()
            try:
                outcomes.append(rt.services.onboarding.create_clinic(
                    make_setup(code=code, admin_username=user)))
            except Exception as exc:  # the loser's error is the point of the test
                outcomes.append(exc)

        threads = [threading.Thread(target=run, args=(runtime, "DESK1", "first.admin")),
                   threading.Thread(target=run, args=(other, "DESK2", "second.admin"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    finally:
        other.close()
    wins = [o for o in outcomes if not isinstance(o, Exception)]
    losses = [o for o in outcomes if isinstance(o, Exception)]
    assert len(wins) == 1 and len(losses) == 1, outcomes
    assert isinstance(losses[0], Conflict) and wins[0].hospital_code in losses[0].message
    assert _count(runtime, Hospital) == 1 and _count(runtime, User) == 1
