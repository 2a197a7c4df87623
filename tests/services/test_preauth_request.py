"""Request Pre-Auth from the desk (seed 004 GAP 1, checkpoint 8): one PENDING request with its
audit and activity rows in one transaction, the quote turning PENDING, and every refusal typed
and writing nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, Appointment, InsuranceAudit, PreAuthRequest
from app.domain.enums import (
    AppointmentStatus,
    AuditAction,
    PreAuthRequestStatus,
    PreAuthStatus,
    Role,
    VisitType,
)
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from tests import factories as f
from tests.services.conftest import row_counts

D = Decimal


def needs_preauth(c, *, appt_kw=None, rule=False):
    """A Sukoon-like patient: the payer (or its CPT rule for 99203) requires pre-auth."""
    pat = c.patient()
    payer = c.payer(name="Sukoon", preauth_required=not rule)
    if rule:
        f.cpt_rule(c.session, payer, "99203", requires_preauth=True)
    ins = f.insurance(c.session, pat, payer, copay_pct=D("20"), policy_number=f"SK-{pat.id}")
    appt = c.appointment(pat, **(appt_kw or {}))
    c.session.commit()
    return pat, ins, appt


def requests(session, appointment_id):
    session.expire_all()
    return session.scalars(sa.select(PreAuthRequest).where(
        PreAuthRequest.appointment_id == appointment_id)).all()


@pytest.mark.parametrize("rule", [False, True], ids=["payer flag", "CPT rule"])
def test_request_writes_one_pending_row_audit_and_activity(clinic, session, rule):
    pat, ins, appt = needs_preauth(clinic, rule=rule)
    before = clinic.copay.quote(clinic.desk, appt.id).quote
    assert before.preauth.status is PreAuthStatus.REQUIRED_NOT_SUBMITTED
    assert "REQUEST_PREAUTH" in before.allowed_actions

    changes = clinic.copay.request_preauth(clinic.desk, appt.id,
                                           note="  Chronic back pain, MRI advised  ",
                                           expected_amount="1,250.50").changes

    [req] = requests(session, appt.id)
    assert changes.ids == {"appointments": frozenset({appt.id}),
                           "preauth_requests": frozenset({req.id})}
    assert (req.status, req.cpt_code, req.patient_id, req.patient_insurance_id,
            req.requested_by, req.hospital_id) == (
        PreAuthRequestStatus.PENDING, "99203", pat.id, ins.id,
        clinic.users[Role.RECEPTIONIST].id, clinic.hospital.id)
    assert req.details == {"note": "Chronic back pain, MRI advised",
                           "expected_amount": "1250.50", "charge_code": "initial_consultation",
                           "fee": "300.00", "payer": "Sukoon",
                           "policy_number": ins.policy_number}
    assert req.approved_amount is None and req.decided_at is None

    [audit] = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.appointment_id == appt.id)).all()
    assert audit.action is AuditAction.PREAUTH_REQUESTED
    assert audit.performed_by == clinic.users[Role.RECEPTIONIST].id
    assert audit.workstation == "test-ws"
    assert audit.reason == "Chronic back pain, MRI advised"
    assert audit.previous_data == {"preauth_status": "REQUIRED_NOT_SUBMITTED",
                                   "preauth_request_id": None}
    assert audit.new_data["preauth_request_id"] == req.id
    assert audit.new_data["preauth_status"] == "PENDING"
    assert audit.new_data["expected_amount"] == "1250.50"
    assert audit.new_data["insurance_provider"] == "Sukoon"
    assert audit.new_data["policy_number"] == ins.policy_number
    [act] = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "PREAUTH_REQUESTED")).all()
    assert (act.target_type, act.target_id, act.user_id) == (
        "preauth_request", str(req.id), clinic.users[Role.RECEPTIONIST].id)
    assert act.payload == {"appointment_id": appt.id, "cpt_code": "99203", "payer": "Sukoon",
                           "expected_amount": "1250.50"}
    assert session.get(Appointment, appt.id).version == 2

    # The quote maps the pending request to the yellow PENDING state; collection is allowed.
    after = clinic.copay.quote(clinic.desk, appt.id).quote
    assert after.preauth.status is PreAuthStatus.PENDING
    assert after.preauth.request_id == req.id and not after.preauth.blocks_collection
    assert "REQUEST_PREAUTH" not in after.allowed_actions


def test_note_and_amount_are_optional(clinic, session):
    _, _, appt = needs_preauth(clinic)
    clinic.copay.request_preauth(clinic.actors[Role.HOSPITAL_ADMIN], appt.id)
    [req] = requests(session, appt.id)
    assert req.details["note"] is None and req.details["expected_amount"] is None
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.appointment_id == appt.id)).one()
    assert audit.reason is None


def test_a_pending_request_is_not_sent_twice(clinic, session):
    _, _, appt = needs_preauth(clinic)
    clinic.copay.request_preauth(clinic.desk, appt.id, note="first")
    before = row_counts(session)
    with pytest.raises(Conflict, match=r"already pending \(request #\d+, requested by Amina Y\. "
                                       r"at 09:30\); nothing was sent again"):
        clinic.copay.request_preauth(clinic.desk, appt.id, note="again")
    assert row_counts(session) == before
    assert len(requests(session, appt.id)) == 1


def test_an_approved_request_is_not_asked_again(clinic, session):
    _, ins, appt = needs_preauth(clinic)
    f.preauth(session, ins, "99203", PreAuthRequestStatus.APPROVED, appointment_id=appt.id,
              preauth_number="PA-778")
    session.commit()
    before = row_counts(session)
    with pytest.raises(Conflict, match="already approved .*number PA-778") as err:
        clinic.copay.request_preauth(clinic.desk, appt.id)
    assert err.value.details["preauth_status"] == "APPROVED"
    assert row_counts(session) == before


def test_a_denied_request_may_be_asked_again(clinic, session):
    _, ins, appt = needs_preauth(clinic)
    denied = f.preauth(session, ins, "99203", PreAuthRequestStatus.DENIED,
                       appointment_id=appt.id)
    session.commit()
    clinic.copay.request_preauth(clinic.desk, appt.id, note="New imaging attached")
    audit = session.scalars(sa.select(InsuranceAudit).where(
        InsuranceAudit.action == AuditAction.PREAUTH_REQUESTED)).one()
    assert audit.previous_data == {"preauth_status": "DENIED",
                                   "preauth_request_id": denied.id}
    assert clinic.copay.quote(clinic.desk, appt.id).quote.preauth.status is \
        PreAuthStatus.PENDING


def _not_required(c):
    pat = c.patient()
    f.insurance(c.session, pat, c.payer(name="Daman"))
    appt = c.appointment(pat)
    c.session.commit()
    return appt


def _self_pay(c):
    appt = c.appointment(c.patient())
    c.session.commit()
    return appt


def _emergency(c):
    return needs_preauth(c, appt_kw={"visit_type": VisitType.EMERGENCY, "is_emergency": True})[2]


def _cancelled(c):
    return needs_preauth(c, appt_kw={"status": AppointmentStatus.CANCELLED})[2]


def _plain(c):
    return needs_preauth(c)[2]


REFUSALS = [
    ("not required", _not_required, lambda c, a: c.copay.request_preauth(c.desk, a.id),
     Conflict, "No pre-authorisation is needed: pre-authorisation not required."),
    ("self-pay", _self_pay, lambda c, a: c.copay.request_preauth(c.desk, a.id),
     Conflict, "self-pay"),
    ("emergency", _emergency, lambda c, a: c.copay.request_preauth(c.desk, a.id),
     Conflict, "emergency: pre-authorisation waived"),
    ("cancelled", _cancelled, lambda c, a: c.copay.request_preauth(c.desk, a.id),
     Conflict, "cancelled"),
    ("nurse", _plain, lambda c, a: c.copay.request_preauth(c.actors[Role.NURSE], a.id),
     PermissionDenied, "Receptionist, Hospital Admin, Super Admin may request"),
    ("accountant", _plain,
     lambda c, a: c.copay.request_preauth(c.actors[Role.ACCOUNTANT], a.id, note="x"),
     PermissionDenied, "signed in as Accountant"),
    ("amount not a number", _plain,
     lambda c, a: c.copay.request_preauth(c.desk, a.id, expected_amount="about 500"),
     ValidationError, "Expected amount must be a number"),
    ("negative amount", _plain,
     lambda c, a: c.copay.request_preauth(c.desk, a.id, expected_amount="-5"),
     ValidationError, "Expected amount cannot be negative."),
    ("float amount", _plain,
     lambda c, a: c.copay.request_preauth(c.desk, a.id, expected_amount=12.5),
     ValidationError, "Expected amount must be typed as an amount"),
    ("zero amount", _plain,
     lambda c, a: c.copay.request_preauth(c.desk, a.id, expected_amount=D("0")),
     ValidationError, "more than zero"),
    ("fils", _plain,
     lambda c, a: c.copay.request_preauth(c.desk, a.id, expected_amount="10.005"),
     ValidationError, "more than two decimals"),
    ("note too long", _plain,
     lambda c, a: c.copay.request_preauth(c.desk, a.id, note="x" * 2001),
     ValidationError, "at most 2000 characters"),
    ("unknown appointment", _plain,
     lambda c, a: c.copay.request_preauth(c.desk, 987_654_321), NotFound, "987654321"),
]


@pytest.mark.parametrize(("name", "build", "call", "error", "text"), REFUSALS,
                         ids=[r[0] for r in REFUSALS])
def test_refusals_are_typed_and_write_nothing(clinic, session, name, build, call, error, text):
    appt = build(clinic)
    before = row_counts(session)
    with pytest.raises(error) as err:
        call(clinic, appt)
    assert text in err.value.message
    assert row_counts(session) == before
    session.expire_all()
    assert session.get(Appointment, appt.id).version == 1


def test_a_charge_without_cpt_code_is_explained(session, uow):
    from tests.services.conftest import make_clinic

    c = make_clinic(session, uow, charges=False)
    f.charge(session, c.hospital, "initial_consultation", "300.00", cpt_code=None)
    _, _, appt = needs_preauth(c)
    before = row_counts(session)
    with pytest.raises(ValidationError, match="no CPT code"):
        c.copay.request_preauth(c.desk, appt.id)
    assert row_counts(session) == before


def test_two_desks_requesting_at_once_send_one_request(fresh_db_url):
    """Two workstations press Send for the same visit at the same moment: one request, and
    the other desk is told it is already pending."""
    import threading

    from app.db.session import make_engine, make_session_factory
    from app.services.clock import fixed_clock
    from app.services.copay import CopayService
    from app.services.unit_of_work import uow_factory
    from tests.services.conftest import DAY, NOW

    engine = make_engine(fresh_db_url, pool_size=3)
    factory = make_session_factory(engine)
    try:
        with factory() as s:
            h = f.hospital(s)
            f.charge(s, h, "initial_consultation", "300.00", cpt_code="99203")
            doc = f.doctor(s, h, f.department(s, h))
            pat = f.patient(s, h)
            f.insurance(s, pat, f.payer(s, h, preauth_required=True))
            appt = f.appointment(s, pat, doc, day=DAY)
            desks = [f.actor(f.user(s, h, Role.RECEPTIONIST), ws) for ws in ("d1", "d2")]
            s.commit()
        service = CopayService(uow_factory(factory), fixed_clock(NOW))
        barrier = threading.Barrier(2)
        outcomes: list[object] = []

        def press_send(desk) -> None:
            barrier.wait(timeout=10)
            try:
                outcomes.append(service.request_preauth(desk, appt.id))
            except Conflict as exc:
                outcomes.append(exc)

        threads = [threading.Thread(target=press_send, args=(d,)) for d in desks]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(type(o).__name__ for o in outcomes) == ["Conflict", "Done"]
        assert "already pending" in next(o for o in outcomes if isinstance(o, Conflict)).message
        with factory() as s:
            assert len(requests(s, appt.id)) == 1
    finally:
        engine.dispose()
