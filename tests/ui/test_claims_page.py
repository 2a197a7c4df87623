"""The Claims & Payments page with pytest-qt on a real database and the process's loopback
OpenDental sandbox (the demo's SANDBOX connection; its claims, coverages and claim payments
brought in by the real sync jobs): filter, page, open a claim, submit, resubmit with a note,
bulk submit with one refusal, CSV; the payments tab's list and check detail."""

from __future__ import annotations

import csv

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from app.db.models import Appointment, Claim
from app.demo_claims import CLAIM_NUM_BASE
from app.domain.enums import ClaimStatus
from app.integrations.opendental.wire import ClaimStatus as OdStatus
from app.sync.opendental.connections import shared_sandbox
from app.ui.claims_page import TABS, ClaimsPage, ClaimsTab, PaymentsTab

JOBS = ("appointments_completed", "od_eligibility", "claim_status", "payment_posting")


def _running():
    shared_sandbox()()  # started on first use
    return shared_sandbox()._running


@pytest.fixture
def office(ctx, sign_in):
    """ctx signed in as the demo accountant, after an admin's "Sync now" of the claim jobs."""
    sign_in("admin")
    for job in JOBS:
        result = ctx.services.sync_status.run_now(ctx.actor, job)
        assert all(r.error is None for r in result.runs), result
    assert _count(ctx) > 0, [ctx.services.sync_status.run_now(ctx.actor, j) for j in JOBS]
    return sign_in("accountant")


def _drafts(ctx, n):
    """n new drafts, on completed appointments whose procedures no OpenDental claim has."""
    practice = _running().practice
    on_claim = {cp.proc_num for cp in practice.claimprocs.values() if cp.claim_num}
    out = []
    with ctx.db.session_factory() as s:
        appts = list(s.scalars(sa.select(Appointment).where(
            Appointment.od_connection_id.is_not(None), Appointment.od_apt_status == "Complete")
            .order_by(Appointment.od_apt_num)))
    for appt in appts:
        procs = {p.proc_num for p in practice.procedures.values() if p.apt_num == appt.od_apt_num}
        od_appt = practice.appointments.get(appt.od_apt_num)
        if (procs and not procs & on_claim and od_appt is not None
                and practice.primary_sub(od_appt.pat_num, appt.appointment_date) is not None):
            out.append(ctx.services.claims.draft_from_appointment(ctx.actor, appt.id).claim.id)
            on_claim |= procs
            if len(out) == n:
                return out
    pytest.skip("the sandbox practice has no more claimable appointments")


def _status(ctx, claim_id):
    with ctx.db.session_factory() as s:
        return s.get(Claim, claim_id).status


def _page(ctx, qtbot) -> ClaimsPage:
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page = ClaimsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


def _claims_tab(ctx, qtbot, page=None) -> ClaimsTab:
    page = page or _page(ctx, qtbot)
    tab = page.tab("Claims")
    tab.owner_page = page  # the page holds the tab; keep the page's Python side alive too
    qtbot.waitUntil(lambda: not ctx.ops.busy and tab.model.rowCount() > 0, timeout=15_000)
    return tab


def _apply(tab, qtbot, **set_):
    for name, value in set_.items():
        combo = getattr(tab, name)
        combo.setCurrentIndex(combo.findData(value))
    with qtbot.waitSignal(tab.page_loaded, timeout=10_000):
        tab.apply_button.click()


def _open(tab, qtbot, claim_id):
    with qtbot.waitSignal(tab.detail_loaded, timeout=10_000) as got:
        assert tab.select_claim(claim_id)
    assert got.args[0].id == claim_id
    return got.args[0]


def test_tabs_filter_and_pages(office, qtbot):
    ctx = office
    page = _page(ctx, qtbot)
    tab = _claims_tab(ctx, qtbot, page)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [t for t, _ in TABS]
    assert tab.model.rowCount() == min(50, _count(ctx))
    assert not tab.bulk_button.isHidden() and tab.export_button.isEnabled()

    _apply(tab, qtbot, status=ClaimStatus.PAID)
    rows = tab.model.rows()
    assert rows and {r.status for r in rows} == {ClaimStatus.PAID}
    assert tab.model.index(0, 4).data() == "Paid"
    assert len(rows) == min(50, _count(ctx, Claim.status == ClaimStatus.PAID))

    # The payer list is filled from OpenDental's plans; a payer narrows to its claims.
    qtbot.waitUntil(lambda: tab.payer.count() > 1, timeout=10_000)
    tab.payer.setCurrentIndex(1)
    payer = tab.payer.currentText()
    with qtbot.waitSignal(tab.page_loaded, timeout=10_000):
        tab.apply_button.click()
    assert {r.payer for r in tab.model.rows()} <= {payer}

    # Patient by MRN.
    tab.clear_filters()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10_000)
    someone = tab.model.rows()[0]
    tab.patient.setText(someone.mrn)
    with qtbot.waitSignal(tab.page_loaded, timeout=10_000):
        qtbot.keyClick(tab.patient, Qt.Key.Key_Return)
    assert {r.patient_id for r in tab.model.rows()} == {someone.patient_id}

    # Pages: Next shows the next 50, Previous comes back to the same rows.
    tab.clear_filters()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10_000)
    if _count(ctx) <= 50:
        assert not tab.next_button.isEnabled()
        return
    first = [r.id for r in tab.model.rows()]
    with qtbot.waitSignal(tab.page_loaded, timeout=10_000):
        tab.next_button.click()
    second = [r.id for r in tab.model.rows()]
    assert second and not set(first) & set(second) and tab.page_label.text() == "Page 2"
    assert "Claims 51–" in tab.count_label.text()
    with qtbot.waitSignal(tab.page_loaded, timeout=10_000):
        tab.prev_button.click()
    assert [r.id for r in tab.model.rows()] == first


def _count(ctx, *where):
    with ctx.db.session_factory() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(Claim).where(*where))


def test_open_a_paid_claim(office, qtbot):
    ctx = office
    tab = _claims_tab(ctx, qtbot)
    _apply(tab, qtbot, status=ClaimStatus.PAID)
    row = tab.model.rows()[0]
    view = _open(tab, qtbot, row.id)
    assert f"Claim #{row.id}" in tab.detail.heading.text()
    assert "Paid" in tab.detail.heading.text()
    assert tab.detail.paid.text() == f"{view.paid:,.2f}" and view.paid > 0
    assert tab.detail.history.rowCount() == len(view.history) >= 1
    assert "Paid" in tab.detail.history.item(tab.detail.history.rowCount() - 1, 1).text()
    assert not tab.detail.submit_button.isEnabled()
    assert not tab.detail.resubmit_button.isEnabled()


def test_submit_a_draft(office, qtbot):
    ctx = office
    [draft] = _drafts(ctx, 1)
    tab = _claims_tab(ctx, qtbot)
    _apply(tab, qtbot, status=ClaimStatus.NOT_SUBMITTED)
    view = _open(tab, qtbot, draft)
    assert tab.detail.procedures.rowCount() == len(view.lines) > 0
    assert tab.detail.billed.text() == f"{view.amount_billed:,.2f}"
    assert tab.detail.submit_button.isEnabled()
    with qtbot.waitSignal(tab.action_finished, timeout=20_000) as done:
        qtbot.mouseClick(tab.detail.submit_button, Qt.MouseButton.LeftButton)
    assert "sent to OpenDental" in done.args[0]
    assert _status(ctx, draft) is ClaimStatus.SUBMITTED
    assert "Submitted" in tab.detail.heading.text()
    assert not tab.detail.submit_button.isEnabled()
    # The change on the bus re-reads the page: the claim left the Draft filter.
    qtbot.waitUntil(lambda: draft not in {r.id for r in tab.model.rows()}, timeout=10_000)


def test_resubmit_a_rejected_claim_with_a_note(office, qtbot):
    ctx = office
    practice = _running().practice
    with ctx.db.session_factory() as s:
        # One the sandbox practice knows: the demo's own billing history (numbered from
        # CLAIM_NUM_BASE) and its reconciliation cases (no connection) are not in it.
        claim = s.scalars(sa.select(Claim).where(
            Claim.status == ClaimStatus.SUBMITTED, Claim.connection_id.is_not(None),
            Claim.external_claim_id < CLAIM_NUM_BASE).order_by(Claim.id)).first()
    practice.update_claim(claim.external_claim_id, {"claim_status": OdStatus.RECEIVED,
                                                    "reason_under_paid": "Tooth number missing"})
    sign_in_admin = ctx.services.auth.login("admin", "admin123", "test-desk-admin")
    ctx.services.sync_status.run_now(sign_in_admin.actor, "claim_status")
    assert _status(ctx, claim.id) is ClaimStatus.REJECTED

    tab = _claims_tab(ctx, qtbot)
    _apply(tab, qtbot, status=ClaimStatus.REJECTED)
    _open(tab, qtbot, claim.id)
    assert "Tooth number missing" in tab.detail.rejection.text()
    assert tab.detail.rejection.isVisible() and tab.detail.resubmit_button.isEnabled()
    asked = []
    tab.ask_note = lambda view: asked.append(view.id) or "Tooth 14 added"
    with qtbot.waitSignal(tab.action_finished, timeout=20_000) as done:
        tab.detail.resubmit_button.click()
    assert asked == [claim.id] and "sent again" in done.args[0]
    assert _status(ctx, claim.id) is ClaimStatus.SUBMITTED
    assert practice.claims[claim.external_claim_id].claim_note == "Tooth 14 added"
    assert "Tooth 14 added" in tab.detail.notes.text()
    last = tab.detail.history.rowCount() - 1
    assert tab.detail.history.item(last, 3).text() == "Tooth 14 added"


def test_bulk_submit_shows_progress_and_the_refused_claim(office, qtbot):
    ctx = office
    drafts = _drafts(ctx, 3)
    with ctx.db.session_factory() as s, s.begin():
        # The demo's simulated drafts are not in the sandbox practice: out of this count.
        s.execute(sa.update(Claim).where(Claim.status == ClaimStatus.NOT_SUBMITTED,
                                         Claim.id.not_in(drafts))
                  .values(status=ClaimStatus.SUBMITTED))
    tab = _claims_tab(ctx, qtbot)
    _apply(tab, qtbot, status=ClaimStatus.NOT_SUBMITTED)
    asked = []
    tab.confirm_bulk = lambda n: asked.append(n) or True
    _running().inject("server_error", path="/claims", method="POST", times=1)
    with qtbot.waitSignal(tab.bulk_finished, timeout=60_000) as done:
        tab.bulk_button.click()
        qtbot.waitUntil(lambda: tab.bulk_dialog is not None, timeout=10_000)
    result = done.args[0]
    assert asked == [3]
    assert len(result.failures) == 1 and len(result.submitted) == 2
    refused = result.failures[0].claim_id
    assert refused in drafts
    assert "OpenDental refused 1" in tab.banner.text() and f"#{refused}" in tab.banner.text()
    assert tab.bulk_dialog is None and tab.bulk_button.isEnabled()
    assert {d: _status(ctx, d) for d in drafts} == {
        d: ClaimStatus.NOT_SUBMITTED if d == refused else ClaimStatus.SUBMITTED for d in drafts}
    qtbot.waitUntil(lambda: {r.id for r in tab.model.rows()} & set(drafts) == {refused},
                    timeout=10_000)


def test_bulk_submit_can_stop_between_claims(office, qtbot):
    ctx = office
    drafts = _drafts(ctx, 3)
    tab = _claims_tab(ctx, qtbot)
    tab.confirm_bulk = lambda n: True

    # Stop once the first claim is through: the progress signal after it cancels.
    def on_progress(fraction):
        if fraction > 0:
            tab.cancel_bulk()

    with qtbot.waitSignal(tab.bulk_finished, timeout=60_000) as done:
        tab.bulk_button.click()
        qtbot.waitUntil(lambda: tab._bulk_state is not None, timeout=10_000)
        tab._bulk_state.progressed.connect(on_progress, Qt.ConnectionType.DirectConnection)
    result = done.args[0]
    assert result.cancelled and 1 <= len(result.submitted) < 3
    assert "Stopped on request" in tab.banner.text()
    assert sum(_status(ctx, d) is ClaimStatus.SUBMITTED for d in drafts) == len(result.submitted)


def test_export_csv(office, qtbot, tmp_path):
    ctx = office
    tab = _claims_tab(ctx, qtbot)
    _apply(tab, qtbot, status=ClaimStatus.SUBMITTED)
    target = tmp_path / "claims.csv"
    tab.ask_export_path = lambda name: str(target)
    with qtbot.waitSignal(tab.export_finished, timeout=20_000) as done:
        tab.export_button.click()
    assert done.args[0].rows == _count(ctx, Claim.status == ClaimStatus.SUBMITTED)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0][0] == "Claim ID" and len(lines) == done.args[0].rows + 1
    assert {x[7] for x in lines[1:]} == {"Submitted"}
    assert "Exported" in tab.banner.text() and tab.export_button.isEnabled()


def test_payments_tab_lists_checks_and_shows_one(office, qtbot, tmp_path):
    ctx = office
    page = _page(ctx, qtbot)
    tab = page.tab("Insurance payments")
    assert isinstance(tab, PaymentsTab)
    qtbot.waitUntil(lambda: not ctx.ops.busy and tab.model.rowCount() > 0, timeout=15_000)
    row = tab.model.rows()[0]
    with qtbot.waitSignal(tab.detail_loaded, timeout=10_000) as got:
        tab.view.selectRow(0)
    detail = got.args[0]
    assert detail.claim_payment_num == row.claim_payment_num
    assert row.claim_id in {c.claim_id for c in detail.claims}
    assert tab.detail.claims.rowCount() == len(detail.claims)
    assert tab.detail.total.text() == f"{detail.total:,.2f}"
    assert row.check_num in tab.detail.heading.text()

    qtbot.waitUntil(lambda: tab.carrier.count() > 1, timeout=10_000)
    tab.carrier.setCurrentIndex(tab.carrier.findData(row.carrier))
    with qtbot.waitSignal(tab.page_loaded, timeout=10_000):
        tab.apply_button.click()
    assert {r.carrier for r in tab.model.rows()} == {row.carrier}

    target = tmp_path / "payments.csv"
    tab.ask_export_path = lambda name: str(target)
    with qtbot.waitSignal(tab.export_finished, timeout=20_000) as done:
        tab.export_button.click()
    with open(target, encoding="utf-8-sig") as fh:
        assert done.args[0].rows == sum(1 for _ in fh) - 1 > 0


@pytest.mark.parametrize(("user", "visible"), [("accountant", True), ("admin", True),
                                               ("reception", False)])
def test_the_page_is_in_the_navigation(ctx, sign_in, qtbot, user, visible):
    from app.ui.main_window import MainWindow

    sign_in(user)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert ("claims" in window.page_keys()) is visible
    if visible:
        page = window.open_page("claims")
        assert isinstance(page, ClaimsPage)
        tab = page.tab("Claims")
        assert tab.bulk_button.isHidden() is (user not in ("accountant", "admin"))
        qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10_000)
