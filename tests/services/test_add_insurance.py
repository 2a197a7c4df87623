"""Add Insurance at the desk (seed 004 §2 self-pay → "Add Insurance", §11): the primary policy
with its audit and activity rows in one transaction, PENDING / MANUAL, the quote no longer
self-pay; every problem with what was typed named at once and nothing written; an active
primary refused, an expired one replaced."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, InsuranceAudit, PatientInsurance
from app.domain.enums import (
    AuditAction,
    NetworkTier,
    Role,
    VerificationSource,
    VerificationStatus,
)
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.services.insurance import NewPolicy
from tests import factories as f
from tests.services.conftest import DAY, row_counts

D = Decimal


def card(payer_id, **kw) -> NewPolicy:
    values = {"payer_id": payer_id, "policy_number": " DM-2026-0042 ", "member_id": "784-77",
              "plan_name": "Enhanced", "network_tier": "IN_NETWORK",
              "effective_date": dt.date(2026, 1, 1), "expiry_date": "31/12/2026",
              "copay_pct": "20", "copay_cap_per_visit": "50", "annual_deductible": "500.00",
              "annual_copay_max": D("2000")}
    values.update(kw)
    return NewPolicy(**values)


def policies(session, patient_id):
    session.expire_all()
    return session.scalars(sa.select(PatientInsurance).where(
        PatientInsurance.patient_id == patient_id).order_by(PatientInsurance.id)).all()


def test_add_insurance_writes_the_policy_audit_and_activity(clinic, session):
    pat = clinic.patient(first_name="Omar", last_name="Saleh")
    appt = clinic.appointment(pat)
    payer = clinic.payer(name="Daman", code="DAMAN")
    session.commit()
    assert clinic.copay.quote(clinic.desk, appt.id).quote.is_self_pay

    added = clinic.insurance.add_primary(clinic.desk, pat.id, card(payer.id),
                                         appointment_id=appt.id)

    [ins] = policies(session, pat.id)
    assert added.policy.insurance_id == ins.id and added.replaced is None
    assert added.changes.ids == {"patients": frozenset({pat.id}),
                                 "patient_insurances": frozenset({ins.id})}
    assert (ins.payer_id, ins.provider_name, ins.policy_number, ins.member_id, ins.plan_name,
            ins.network_tier, ins.effective_date, ins.expiry_date) == (
        payer.id, "Daman", "DM-2026-0042", "784-77", "Enhanced", NetworkTier.IN_NETWORK,
        dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert (ins.copay_pct, ins.copay_cap_per_visit, ins.annual_deductible,
            ins.annual_copay_max) == (D("20.00"), D("50.00"), D("500.00"), D("2000.00"))
    assert (ins.is_primary, ins.priority, ins.is_active, ins.hospital_id) == (
        True, 1, True, clinic.hospital.id)
    assert (ins.verification_status, ins.verification_source, ins.verified_at,
            ins.verified_by) == (VerificationStatus.PENDING, VerificationSource.MANUAL,
                                 None, None)

    [audit] = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.patient_id == pat.id)).all()
    assert audit.action is AuditAction.INSURANCE_ADDED
    assert (audit.appointment_id, audit.performed_by, audit.previous_data) == (
        appt.id, clinic.users[Role.RECEPTIONIST].id, None)
    assert audit.new_data["insurance_id"] == ins.id
    assert audit.new_data["provider_name"] == "Daman"
    assert audit.new_data["annual_deductible"] == "500.00"
    assert audit.new_data["verification_status"] == "PENDING"
    [act] = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "INSURANCE_ADDED")).all()
    assert (act.target_type, act.target_id, act.payload) == (
        "patient_insurance", str(ins.id), {"patient_id": pat.id, "payer": "DAMAN"})


def test_after_adding_insurance_the_quote_is_no_longer_self_pay(clinic, session):
    pat = clinic.patient()
    appt = clinic.appointment(pat)
    payer = clinic.payer(name="Daman")
    session.commit()
    clinic.insurance.add_primary(clinic.actors[Role.HOSPITAL_ADMIN], pat.id, card(
        payer.id, copay_cap_per_visit="", annual_deductible=None, annual_copay_max=" "))
    q = clinic.copay.quote(clinic.desk, appt.id).quote
    assert not q.is_self_pay and q.self_pay_reason is None
    assert q.primary.payer_name == "Daman" and q.primary.policy_number == "DM-2026-0042"
    # 20% of 300.00: the policy's own copay
    assert (q.patient_amount, q.primary_insurer_amount) == (D("60.00"), D("240.00"))
    assert "WAIVE" in q.allowed_actions


def test_only_the_required_fields(clinic, session):
    pat = clinic.patient()
    payer = clinic.payer(default_copay_pct=D("10"))
    session.commit()
    added = clinic.insurance.add_primary(clinic.desk, pat.id, NewPolicy(
        payer_id=payer.id, policy_number="X1", effective_date="2026-03-10"))
    [ins] = policies(session, pat.id)
    assert (ins.member_id, ins.plan_name, ins.expiry_date, ins.copay_pct,
            ins.annual_deductible, ins.network_tier) == (None, None, None, None, None,
                                                         NetworkTier.IN_NETWORK)
    assert added.policy.effective_date == DAY


def test_every_problem_is_named_at_once_and_nothing_is_written(clinic, session):
    pat = clinic.patient()
    session.commit()
    before = row_counts(session)
    with pytest.raises(ValidationError) as err:
        clinic.insurance.add_primary(clinic.desk, pat.id, NewPolicy(
            payer_id=None, policy_number="  ", effective_date="31/02/2026",
            expiry_date="next year", network_tier="SOMEWHERE", copay_pct="120",
            copay_cap_per_visit="ten", annual_deductible="-1", annual_copay_max="1.005"))
    fields = err.value.details["fields"]
    assert fields == {
        "payer_id": "Choose the insurance payer.",
        "policy_number": "Policy number is required.",
        "network_tier": "Choose in network or out of network.",
        "effective_date": "Effective date '31/02/2026' is not a real date.",
        "expiry_date": "Expiry date must be a date like 2026-03-10 or 10/03/2026.",
        "copay_pct": "Copay % must be a number from 0 to 100, like 20 or 12.5.",
        "copay_cap_per_visit": "Copay cap per visit must be a number, like 150.00.",
        "annual_deductible": "Annual deductible cannot be negative.",
        "annual_copay_max": "Annual copay maximum has more than two decimals (fils).",
    }
    assert err.value.message == " ".join(fields.values())
    assert row_counts(session) == before


@pytest.mark.parametrize(("kw", "field", "text"), [
    ({"expiry_date": "2025-12-31", "effective_date": "2026-01-01"}, "expiry_date",
     "The expiry date is before the effective date."),
    ({"effective_date": "2025-01-01", "expiry_date": "2026-03-09"}, "expiry_date",
     "This policy expired on 09 Mar 2026; enter the patient's current policy."),
    ({"effective_date": ""}, "effective_date", "Effective date is required."),
    ({"policy_number": "P" * 61}, "policy_number", "at most 60 characters"),
    ({"copay_pct": 12.5}, "copay_pct", "from 0 to 100"),
    ({"annual_deductible": 12.5}, "annual_deductible", "must be typed as an amount"),
], ids=["expiry before effective", "already expired", "no effective date", "long policy",
        "float pct", "float amount"])
def test_bad_input_is_refused_with_its_field(clinic, session, kw, field, text):
    pat = clinic.patient()
    payer = clinic.payer()
    session.commit()
    before = row_counts(session)
    with pytest.raises(ValidationError) as err:
        clinic.insurance.add_primary(clinic.desk, pat.id, card(payer.id, **kw))
    assert list(err.value.details["fields"]) == [field]
    assert text in err.value.details["fields"][field]
    assert row_counts(session) == before


def test_payer_of_another_hospital_or_inactive_is_refused(clinic, session):
    pat = clinic.patient()
    other = f.payer(session, f.hospital(session))
    inactive = clinic.payer(is_active=False)
    session.commit()
    before = row_counts(session)
    for payer in (other, inactive):
        with pytest.raises(ValidationError, match="That payer is not set up at this hospital"):
            clinic.insurance.add_primary(clinic.desk, pat.id, card(payer.id))
    assert row_counts(session) == before


def test_an_active_primary_policy_is_not_replaced(clinic, session):
    pat = clinic.patient(first_name="Huda", last_name="Nasser")
    current = f.insurance(session, pat, clinic.payer(name="AXA Gulf"), policy_number="AXA-9",
                          effective_date=dt.date(2026, 1, 1), expiry_date=dt.date(2026, 12, 31))
    session.commit()
    before = row_counts(session)
    with pytest.raises(Conflict) as err:
        clinic.insurance.add_primary(clinic.desk, pat.id, card(clinic.payer().id))
    assert err.value.message == (
        "Huda Nasser already has an active primary policy: AXA Gulf policy AXA-9 "
        "(01 Jan 2026 – 31 Dec 2026). Nothing was added; a patient has one primary policy "
        "at a time.")
    assert err.value.details == {"insurance_id": current.id}
    assert row_counts(session) == before


def test_an_expired_primary_policy_is_replaced(clinic, session):
    pat = clinic.patient()
    appt = clinic.appointment(pat)
    old = f.insurance(session, pat, clinic.payer(name="Old Payer"), policy_number="OLD-1",
                      effective_date=dt.date(2025, 1, 1), expiry_date=dt.date(2025, 12, 31))
    session.commit()
    assert clinic.copay.quote(clinic.desk, appt.id).quote.self_pay_reason.value == "EXPIRED"
    added = clinic.insurance.add_primary(clinic.desk, pat.id, card(clinic.payer(name="New").id))
    assert added.replaced is not None and added.replaced.insurance_id == old.id
    assert added.changes.ids["patient_insurances"] == {old.id, added.policy.insurance_id}
    old_row, new_row = policies(session, pat.id)
    assert (old_row.is_active, new_row.is_active) == (False, True)
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.action == AuditAction.INSURANCE_ADDED)).one()
    assert audit.previous_data["replaced_policy"]["policy_number"] == "OLD-1"
    q = clinic.copay.quote(clinic.desk, appt.id).quote
    assert not q.is_self_pay and q.primary.payer_name == "New"


def test_a_primary_policy_rejected_at_manual_verification_is_replaced(clinic, session):
    from app.domain.enums import VerificationStatus

    pat = clinic.patient()
    appt = clinic.appointment(pat)
    old = f.insurance(session, pat, clinic.payer(name="Old Payer"), policy_number="BAD-1",
                      verification_status=VerificationStatus.REJECTED)
    session.commit()
    assert clinic.copay.quote(clinic.desk, appt.id).quote.self_pay_reason.value == "REJECTED"
    added = clinic.insurance.add_primary(clinic.desk, pat.id, card(clinic.payer(name="New").id))
    assert added.replaced is not None and added.replaced.insurance_id == old.id
    q = clinic.copay.quote(clinic.desk, appt.id).quote
    assert not q.is_self_pay and q.primary.payer_name == "New"


@pytest.mark.parametrize("role", [Role.NURSE, Role.DOCTOR, Role.ACCOUNTANT])
def test_other_roles_may_not_add_insurance(clinic, session, role):
    pat = clinic.patient()
    payer = clinic.payer()
    session.commit()
    before = row_counts(session)
    with pytest.raises(PermissionDenied, match="may add insurance policies"):
        clinic.insurance.add_primary(clinic.actors[role], pat.id, card(payer.id))
    with pytest.raises(PermissionDenied):
        clinic.insurance.payers(clinic.actors[role])
    assert row_counts(session) == before


def test_unknown_patient_or_someone_elses_appointment(clinic, session):
    pat, other = clinic.patient(), clinic.patient()
    appt = clinic.appointment(other)
    payer = clinic.payer()
    session.commit()
    before = row_counts(session)
    with pytest.raises(NotFound, match="no patient 987654321"):
        clinic.insurance.add_primary(clinic.desk, 987_654_321, card(payer.id))
    with pytest.raises(NotFound, match="not this patient's"):
        clinic.insurance.add_primary(clinic.desk, pat.id, card(payer.id),
                                     appointment_id=appt.id)
    assert row_counts(session) == before


def test_payers_lists_the_hospitals_active_payers_by_name(clinic, session):
    clinic.payer(name="sukoon", code="SUK", preauth_required=True)
    clinic.payer(name="AXA Gulf", code="AXA", default_copay_pct=D("15"))
    clinic.payer(name="Closed", is_active=False)
    f.payer(session, f.hospital(session), name="Elsewhere")
    session.commit()
    rows = clinic.insurance.payers(clinic.desk)
    assert [(p.name, p.code, p.default_copay_pct, p.preauth_required) for p in rows] == [
        ("AXA Gulf", "AXA", D("15.00"), False), ("sukoon", "SUK", None, True)]


def test_two_desks_adding_at_once_add_one_policy(fresh_db_url):
    """Two workstations press Save for the same patient at the same moment: one policy."""
    from app.db.session import make_engine, make_session_factory
    from app.services.clock import fixed_clock
    from app.services.insurance import InsuranceService
    from app.services.unit_of_work import uow_factory
    from tests.services.conftest import NOW

    engine = make_engine(fresh_db_url, pool_size=3)
    factory = make_session_factory(engine)
    try:
        with factory() as s:
            h = f.hospital(s)
            pat, payer = f.patient(s, h), f.payer(s, h)
            desk = f.actor(f.user(s, h, Role.RECEPTIONIST))
            s.commit()
        service = InsuranceService(uow_factory(factory), fixed_clock(NOW))
        barrier = threading.Barrier(2)
        outcomes: list[object] = []

        def press_save(number: str) -> None:
            barrier.wait(timeout=10)
            try:
                outcomes.append(service.add_primary(desk, pat.id, card(
                    payer.id, policy_number=number)))
            except Conflict as exc:
                outcomes.append(exc)

        threads = [threading.Thread(target=press_save, args=(n,)) for n in ("A-1", "B-1")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(type(o).__name__ for o in outcomes) == ["Conflict", "PolicyAdded"]
        with factory() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(PatientInsurance).where(
                PatientInsurance.patient_id == pat.id)) == 1
    finally:
        engine.dispose()
