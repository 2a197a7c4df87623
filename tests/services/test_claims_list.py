"""The Claims page's service calls against the OpenDental sandbox (its claims, coverages and
claim payments brought in by the real sync jobs; no mocked HTTP): every filter against a
count straight from the table, keyset pages that neither repeat nor skip a claim while new
claims arrive, the detail's figures and history, bulk submit where OpenDental refuses one
claim, and the CSV export."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, Claim, Patient
from app.domain.enums import ClaimStatus, Role
from app.domain.errors import PermissionDenied, ValidationError
from app.services.claim_list import ClaimCursor, ClaimFilters
from app.services.claims import ClaimService
from app.services.tasks import RecordingState
from tests import factories as f
from tests.services.test_claims import _claimable
from tests.sync.conftest import clock, od, practice, run, sandbox  # noqa: F401 - fixtures


@pytest.fixture
def office(session, od):  # noqa: F811
    """(accountant, receptionist) with the sandbox practice's claims synced in."""
    accountant = f.actor(f.user(session, od.hospital, Role.ACCOUNTANT))
    receptionist = f.actor(f.user(session, od.hospital, Role.RECEPTIONIST))
    session.commit()
    for job in ("appointments_completed", "od_eligibility", "claim_status", "payment_posting"):
        assert run(od, job).ok, job
    return accountant, receptionist


@pytest.fixture
def service(uow, od, clock):  # noqa: F811
    return ClaimService(uow, od.factory, clock)


def _all(service, actor, filters=None, limit=7):
    """Every row, page after page; checks each page's size and the keyset order."""
    rows, after = [], None
    for _ in range(1000):
        page = service.page(actor, filters, after=after, limit=limit)
        assert len(page.rows) <= limit
        rows += page.rows
        if page.next_cursor is None:
            break
        assert len(page.rows) == limit
        after = page.next_cursor
    keys = [r.cursor for r in rows]
    assert keys == sorted(keys, key=lambda c: (c.day, c.id), reverse=True)
    return rows


def _count(session, hospital_id, *where):
    return session.scalar(sa.select(sa.func.count()).select_from(Claim).where(
        Claim.hospital_id == hospital_id, *where))


def test_filters_match_the_table(session, od, office, service):  # noqa: F811
    accountant, _ = office
    hid = od.hospital.id
    everything = _all(service, accountant)
    assert len(everything) == _count(session, hid) > 50
    assert len({r.id for r in everything}) == len(everything)

    for status in ClaimStatus:
        rows = _all(service, accountant, ClaimFilters(status=status))
        assert {r.status for r in rows} <= {status}
        assert len(rows) == _count(session, hid, Claim.status == status)

    options = service.filter_options(accountant)
    assert options.clinics == [(od.connection.id, "Sandbox practice")]
    assert len(options.payers) >= 2
    for payer in options.payers:
        rows = _all(service, accountant, ClaimFilters(plan_nums=payer.plan_nums))
        assert rows and {r.payer for r in rows} == {payer.name}
        assert len(rows) == _count(session, hid, Claim.od_plan_num.in_(payer.plan_nums))
    assert len(_all(service, accountant, ClaimFilters(connection_id=od.connection.id))) == \
        len(everything)
    assert _all(service, accountant, ClaimFilters(connection_id=-1)) == []

    days = sorted({r.date_service for r in everything if r.date_service})
    lo, hi = days[len(days) // 4], days[3 * len(days) // 4]
    rows = _all(service, accountant, ClaimFilters(date_from=lo, date_to=hi))
    assert rows and all(lo <= r.date_service <= hi for r in rows)
    assert len(rows) == _count(session, hid, Claim.date_service.between(lo, hi))

    # Patient: an MRN is that patient exactly; a name prefix is everyone whose name starts so.
    someone = everything[0]
    rows = _all(service, accountant, ClaimFilters(patient=someone.mrn.lower()))
    assert rows and {r.patient_id for r in rows} == {someone.patient_id}
    assert len(rows) == _count(session, hid, Claim.patient_id == someone.patient_id)
    first = someone.patient_name.split()[0]
    rows = _all(service, accountant, ClaimFilters(patient=first[:3]))
    assert someone.id in {r.id for r in rows}
    assert all(r.patient_name.lower().startswith(first[:3].lower())
               or r.patient_name.split()[-1].lower().startswith(first[:3].lower())
               for r in rows)
    assert _all(service, accountant, ClaimFilters(patient="Zzqx")) == []

    # Everything at once: the intersection.
    payer = options.payers[0]
    both = ClaimFilters(status=ClaimStatus.PAID, plan_nums=payer.plan_nums, date_from=lo)
    expected = {r.id for r in everything if r.status is ClaimStatus.PAID
                and r.payer == payer.name and r.date_service and r.date_service >= lo}
    assert {r.id for r in _all(service, accountant, both, limit=2)} == expected
    # A patient filter with others (the patients' claims drive that query).
    mine = _all(service, accountant, ClaimFilters(patient=first[:3]))
    for extra in (ClaimFilters(patient=first[:3], plan_nums=someone_plans(options, someone)),
                  ClaimFilters(patient=first[:3], status=someone.status, date_to=hi)):
        expected = {r.id for r in mine if (not extra.plan_nums or r.payer == someone.payer)
                    and (extra.status is None or r.status is extra.status)
                    and (extra.date_to is None or (r.date_service and r.date_service <= hi))}
        assert someone.id in expected or extra.date_to
        assert {r.id for r in _all(service, accountant, extra, limit=3)} == expected


def someone_plans(options, row):
    return next(p.plan_nums for p in options.payers if p.name == row.payer)


def test_bad_filters_and_roles(office, service):
    accountant, receptionist = office
    with pytest.raises(PermissionDenied):
        service.page(receptionist)
    with pytest.raises(PermissionDenied):
        service.bulk_submit(receptionist, [1])
    with pytest.raises(ValidationError):
        service.page(accountant, ClaimFilters(date_from=dt.date(2026, 3, 2),
                                              date_to=dt.date(2026, 3, 1)))
    with pytest.raises(ValidationError):
        ClaimFilters(status="LOST")
    with pytest.raises(ValidationError):
        service.page(accountant, ClaimFilters(patient="x" * 101))
    with pytest.raises(ValidationError):
        service.bulk_submit(accountant, [])


def test_keyset_pages_are_stable_while_claims_arrive(session, od, office, service):  # noqa: F811
    accountant, _ = office
    hid = od.hospital.id
    before = {r.id for r in _all(service, accountant)}
    patient_id = session.scalar(sa.select(Patient.id).where(Patient.hospital_id == hid)
                                .limit(1))
    newest = max(r.date_service for r in _all(service, accountant) if r.date_service)
    seen: list[int] = []
    after: ClaimCursor | None = None
    added = 0
    while True:
        page = service.page(accountant, after=after, limit=9)
        seen += [r.id for r in page.rows]
        # Between two pages: a claim on the newest day (above the reader), one on the day of
        # the last row shown (it sorts before it: the reader does not see it), and one with
        # no date of service (it sorts last: the reader meets it at the end, once).
        for day in (newest, page.rows[-1].date_service, None):
            session.add(Claim(hospital_id=hid, patient_id=patient_id, amount_billed=Decimal(10),
                              details={}, date_service=day, status=ClaimStatus.NOT_SUBMITTED))
            added += 1
        session.commit()
        if page.next_cursor is None:
            break
        after = page.next_cursor
    assert len(seen) == len(set(seen)), "a row was shown twice"
    assert before <= set(seen), "a row was skipped"
    assert len(_all(service, accountant)) == len(before) + added


def test_detail_has_procedures_figures_and_history(session, uow, od, practice, office,  # noqa: F811
                                                   service, clock):  # noqa: F811
    accountant, _ = office
    appt, procs = _claimable(session, od, practice)
    draft = service.draft_from_appointment(accountant, appt.id).claim
    view = service.get(accountant, draft.id)
    assert [line.od_proc_num for line in view.lines] == sorted(p.proc_num for p in procs)
    assert view.amount_billed == sum(p.proc_fee for p in procs)
    assert view.clinic == "Sandbox practice" and view.patient_mrn
    assert view.paid == 0 and view.estimated == 0 and view.write_off == 0
    assert [(h.from_status, h.to_status) for h in view.history] == [
        (None, ClaimStatus.NOT_SUBMITTED)]
    sent = service.submit(accountant, draft.id).claim
    assert sent.estimated == sum(line.ins_pay_est for line in sent.lines)
    assert sent.payer  # OpenDental put the patient's plan on the claim
    assert [h.to_status for h in sent.history] == [ClaimStatus.NOT_SUBMITTED,
                                                   ClaimStatus.SUBMITTED]

    # A paid claim: what its insurance payments paid.
    paid = service.page(accountant, ClaimFilters(status=ClaimStatus.PAID), limit=1).rows[0]
    detail = service.get(accountant, paid.id)
    assert detail.paid > 0 and detail.history[-1].to_status is ClaimStatus.PAID


@pytest.fixture
def three_drafts(session, od, practice, office, service):  # noqa: F811
    """Three drafts on three different completed appointments (none submitted yet)."""
    accountant, _ = office
    on_claim = {cp.proc_num for cp in practice.claimprocs.values()}
    out = []
    session.expire_all()
    from app.db.models import Appointment

    for appt in session.scalars(sa.select(Appointment).where(
            Appointment.od_connection_id == od.connection.id,
            Appointment.od_apt_status == "Complete").order_by(Appointment.od_apt_num)):
        procs = [p for p in practice.procedures.values() if p.apt_num == appt.od_apt_num]
        od_appt = practice.appointments[appt.od_apt_num]
        if procs and not on_claim & {p.proc_num for p in procs} and practice.primary_sub(
                od_appt.pat_num, appt.appointment_date) is not None:
            out.append(service.draft_from_appointment(accountant, appt.id).claim.id)
            if len(out) == 3:
                return out
    raise AssertionError("fewer than three claimable appointments")


def test_bulk_submit_partial_failure(session, od, practice, office, service, sandbox,  # noqa: F811
                                     three_drafts):
    accountant, _ = office
    ready = service.ready_claims(accountant)
    assert sorted(ready) == sorted(three_drafts)
    # OpenDental refuses the first POST /claims (a 500: a POST is not retried).
    sandbox.inject("server_error", path="/claims", method="POST", times=1)
    state = RecordingState()
    result = service.bulk_submit(accountant, ready, state)
    assert [x.claim_id for x in result.failures] == [ready[0]]
    assert result.failures[0].message and result.failures[0].patient_name
    assert list(result.submitted) == ready[1:] and not result.cancelled
    assert state.values == [0.0, pytest.approx(1 / 3), pytest.approx(2 / 3), 1.0]
    assert result.changes.touches("claims")
    statuses = {c.id: c.status for c in session.scalars(
        sa.select(Claim).where(Claim.id.in_(ready)).execution_options(populate_existing=True))}
    assert statuses == {ready[0]: ClaimStatus.NOT_SUBMITTED, ready[1]: ClaimStatus.SUBMITTED,
                        ready[2]: ClaimStatus.SUBMITTED}
    summary = session.scalars(sa.select(ActivityLog).where(
        ActivityLog.action == "CLAIMS_BULK_SUBMITTED")).one()
    assert summary.payload["submitted"] == ready[1:]
    assert list(summary.payload["failed"]) == [str(ready[0])]
    # The refused one is still ready; submitting it again works.
    assert service.ready_claims(accountant) == [ready[0]]
    assert service.bulk_submit(accountant, [ready[0]]).submitted == (ready[0],)


def test_bulk_submit_stops_between_claims_when_cancelled(session, office, service,
                                                         three_drafts):
    accountant, _ = office
    state = RecordingState(cancel_after=2)  # 0.0, then after the first claim
    result = service.bulk_submit(accountant, three_drafts, state)
    assert result.cancelled and result.submitted == (three_drafts[0],) and not result.failures
    assert set(service.ready_claims(accountant)) == set(three_drafts[1:])


def test_csv_export_is_the_filtered_list_and_formula_safe(session, od, office, service,  # noqa: F811
                                                          tmp_path):
    accountant, _ = office
    # A patient whose name would be a formula in Excel.
    row = service.page(accountant, limit=1).rows[0]
    session.execute(sa.update(Patient).where(Patient.id == row.patient_id)
                    .values(first_name="=HYPERLINK(\"x\")"))
    session.commit()
    filters = ClaimFilters(status=ClaimStatus.PAID)
    expected = _all(service, accountant, filters)
    result = service.export_csv(accountant, filters, tmp_path / "claims.csv")
    assert result.rows == len(expected) and not result.truncated and not result.cancelled
    with open(tmp_path / "claims.csv", encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0][:3] == ["Claim ID", "OpenDental ClaimNum", "Date of service"]
    assert [int(x[0]) for x in lines[1:]] == [r.id for r in expected]
    assert all(x[7] == "Paid" for x in lines[1:])
    everything = service.export_csv(accountant, None, tmp_path / "all.csv")
    with open(tmp_path / "all.csv", encoding="utf-8-sig", newline="") as fh:
        names = [x[3] for x in list(csv.reader(fh))[1:]]
    assert everything.rows == len(names)
    assert "'=HYPERLINK(\"x\") " + row.patient_name.split(" ", 1)[1] in names
    assert not any(n.startswith("=") for n in names)
    cancelled = service.export_csv(accountant, None, tmp_path / "never.csv",
                                   RecordingState(cancel_after=1))
    assert cancelled.cancelled and not (tmp_path / "never.csv").exists()
    assert not list(tmp_path.glob(".*.part"))
    assert session.scalar(sa.select(sa.func.count()).select_from(ActivityLog).where(
        ActivityLog.action == "CLAIMS_EXPORTED")) == 2
