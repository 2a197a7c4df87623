"""The claim lifecycle against the sandbox: draft from a completed appointment's procedures,
submit (POST /claims, then the status PUT), a rejection brought in by the claim status poller,
correction and resubmission (PUT /claims, PUT /claimprocs); roles, bad input, history and the
activity log."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, Appointment, Claim
from app.domain.enums import ClaimStatus, Role
from app.domain.errors import Conflict, PermissionDenied, ValidationError
from app.integrations.opendental.wire import ClaimStatus as OdStatus
from app.services.claims import ClaimCorrection, ClaimService
from tests import factories as f
from tests.sync.conftest import clock, od, practice, run, sandbox  # noqa: F401 - fixtures


@pytest.fixture
def desk(session, od):  # noqa: F811
    accountant = f.actor(f.user(session, od.hospital, Role.ACCOUNTANT))
    receptionist = f.actor(f.user(session, od.hospital, Role.RECEPTIONIST))
    session.commit()
    assert run(od, "appointments_completed").ok
    return accountant, receptionist


def _claimable(session, od, practice):  # noqa: F811
    """A synced completed appointment whose procedures are on no claim and whose patient is
    insured on the day."""
    on_claim = {cp.proc_num for cp in practice.claimprocs.values()}
    session.expire_all()
    for appt in session.scalars(sa.select(Appointment).where(
            Appointment.od_connection_id == od.connection.id,
            Appointment.od_apt_status == "Complete").order_by(Appointment.od_apt_num)):
        procs = [p for p in practice.procedures.values() if p.apt_num == appt.od_apt_num]
        od_appt = practice.appointments[appt.od_apt_num]
        if procs and not on_claim & {p.proc_num for p in procs} and practice.primary_sub(
                od_appt.pat_num, appt.appointment_date) is not None:
            return appt, procs
    raise AssertionError("no claimable appointment in the practice")


def test_draft_submit_reject_resubmit(session, uow, od, practice, desk, clock):  # noqa: F811
    accountant, _ = desk
    service = ClaimService(uow, od.factory, clock)
    appt, procs = _claimable(session, od, practice)

    draft = service.draft_from_appointment(accountant, appt.id).claim
    assert draft.status is ClaimStatus.NOT_SUBMITTED and draft.claim_num is None
    assert sorted(line.od_proc_num for line in draft.lines) == sorted(p.proc_num for p in procs)
    assert draft.amount_billed == sum(p.proc_fee for p in procs)

    sent = service.submit(accountant, draft.id).claim
    assert sent.status is ClaimStatus.SUBMITTED and sent.od_claim_status == "W"
    od_claim = practice.claims[sent.claim_num]
    assert od_claim.claim_status is OdStatus.WAITING_TO_SEND and od_claim.date_sent == clock().date()
    assert {cp.proc_num for cp in practice.claimprocs.values()
            if cp.claim_num == sent.claim_num} == {p.proc_num for p in procs}
    with pytest.raises(Conflict):
        service.submit(accountant, draft.id)

    # The insurer denies it; the claim status poller brings the denial in.
    clock.advance(hours=1)
    practice.update_claim(sent.claim_num, {"claim_status": OdStatus.RECEIVED,
                                           "reason_under_paid": "Radiograph missing"})
    assert run(od, "claim_status").ok
    rejected = service.get(accountant, draft.id)
    assert rejected.status is ClaimStatus.REJECTED
    assert rejected.rejection_reason == "Radiograph missing"

    fixed = service.resubmit(accountant, draft.id, ClaimCorrection(
        note="Radiograph attached", procedures={procs[0].proc_num: {
            "Remarks": "Periapical radiograph attached"}})).claim
    assert fixed.status is ClaimStatus.SUBMITTED and fixed.od_claim_status == "W"
    assert practice.claims[sent.claim_num].claim_note == "Radiograph attached"
    cp = next(c for c in practice.claimprocs.values()
              if c.claim_num == sent.claim_num and c.proc_num == procs[0].proc_num)
    assert cp.remarks == "Periapical radiograph attached"
    assert [(h.from_status, h.to_status, h.source) for h in fixed.history] == [
        (None, ClaimStatus.NOT_SUBMITTED, "DESK"),
        (ClaimStatus.NOT_SUBMITTED, ClaimStatus.SUBMITTED, "DESK"),
        (ClaimStatus.SUBMITTED, ClaimStatus.REJECTED, "SYNC"),
        (ClaimStatus.REJECTED, ClaimStatus.SUBMITTED, "DESK")]
    actions = list(session.scalars(sa.select(ActivityLog.action).where(
        ActivityLog.target_type == "claim", ActivityLog.target_id == str(draft.id))
        .order_by(ActivityLog.id)))
    assert actions == ["CLAIM_DRAFTED", "CLAIM_SUBMITTED", "CLAIM_RESUBMITTED"]
    assert [c.id for c in service.list_claims(accountant, ClaimStatus.SUBMITTED)
            if c.id == draft.id] == [draft.id]


def test_roles_and_bad_input(session, uow, od, practice, desk, clock):  # noqa: F811
    accountant, receptionist = desk
    service = ClaimService(uow, od.factory, clock)
    appt, _procs = _claimable(session, od, practice)
    with pytest.raises(PermissionDenied):
        service.draft_from_appointment(receptionist, appt.id)
    with pytest.raises(PermissionDenied):
        service.list_claims(receptionist)
    scheduled = session.scalars(sa.select(Appointment).where(
        Appointment.od_connection_id == od.connection.id,
        Appointment.od_apt_status != "Complete")).first()
    if scheduled is not None:
        with pytest.raises(ValidationError):
            service.draft_from_appointment(accountant, scheduled.id)
    draft = service.draft_from_appointment(accountant, appt.id).claim
    with pytest.raises(Conflict):
        service.draft_from_appointment(accountant, appt.id)
    with pytest.raises(Conflict):
        service.resubmit(accountant, draft.id, ClaimCorrection(note="x"))
    with pytest.raises(ValidationError):
        service.resubmit(accountant, draft.id, ClaimCorrection())
    assert session.scalar(sa.select(sa.func.count()).select_from(Claim).where(
        Claim.appointment_id == appt.id)) == 1


def test_a_refused_submission_writes_nothing(session, uow, od, practice, desk, clock,  # noqa: F811
                                             sandbox):  # noqa: F811
    accountant, _ = desk
    service = ClaimService(uow, od.factory, clock)
    appt, _procs = _claimable(session, od, practice)
    draft = service.draft_from_appointment(accountant, appt.id).claim
    sandbox.inject("server_error", path="/claims", method="POST", times=-1)
    with pytest.raises(Exception) as err:
        service.submit(accountant, draft.id)
    assert "500" in str(err.value) or "error" in str(err.value).lower()
    again = service.get(accountant, draft.id)
    assert again.status is ClaimStatus.NOT_SUBMITTED and again.claim_num is None
