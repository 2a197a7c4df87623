"""The sync status page with pytest-qt on a real database and the loopback OpenDental sandbox:
every job of a connection is listed, "Sync now" runs one off the GUI thread (busy indicator,
button disabled while it runs) and the table then shows rows read/written and the last run;
a failing job shows its error; accountants see the page without "Sync now"; receptionists
do not see it."""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from app.domain.opendental_connection import ConnectionForm
from app.ui.sync_status_page import _ERROR_COL


@pytest.fixture
def sync_ctx(ctx, sign_in, memory_keyring):
    """ctx signed in as admin, with a SANDBOX connection of its own at 10 requests/s (besides
    the demo's)."""
    sign_in("admin")
    saved = ctx.services.opendental_connections.create(
        ctx.actor, ConnectionForm(name="Demo practice", mode="SANDBOX",
                                  requests_per_second=Decimal("10")))
    ctx.connection = saved.connection
    return ctx


def _page(ctx, qtbot):
    from app.ui.sync_status_page import SyncStatusPage

    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page = SyncStatusPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 600)
    return page


def _row_of(page, job_name):
    for row, status in enumerate(page._statuses):
        if status.job_name == job_name and status.connection_id == page.ctx.connection.id:
            return row
    raise AssertionError(f"{job_name} not listed: {[s.job_name for s in page._statuses]}")


def test_sync_now_runs_the_job_and_shows_what_it_did(sync_ctx, qtbot, idle, tmp_path):
    ctx = sync_ctx
    page = _page(ctx, qtbot)
    names = {s.job_name for s in page._statuses}
    assert {"appointments_today", "appointments_upcoming", "claim_status"} <= names
    row = _row_of(page, "appointments_today")
    assert page.table.item(row, 1).text() == "Demo practice (SIMULATED)"
    assert page.table.item(row, 2).text() == "Never run"
    page.table.selectRow(row)
    assert page.sync_now.isEnabled() and page.sync_now.isVisibleTo(page)
    page.show()
    table_top = page.table.mapTo(page, page.table.rect().topLeft()).y()
    assert page.banner.isVisible() and "Sync now" in page.banner.text()

    with qtbot.waitSignal(page.sync_finished, timeout=60_000) as blocker:
        page.sync_now.click()
        assert not page.sync_now.isEnabled()  # one run at a time from this page
        assert page.busy.busy and "Syncing" in page.busy.text()
    result = blocker.args[0]
    assert not isinstance(result, BaseException), result
    assert result.ok, result.message
    assert page.banner.kind == "success", page.banner.text()
    assert "Today's appointments — Demo practice" in page.banner.text()
    assert "rows read" in page.banner.text()
    qtbot.wait(50)  # the layout settles
    # the result replaced the hint in place: the rows did not move under the pointer
    assert page.table.mapTo(page, page.table.rect().topLeft()).y() == table_top
    idle(ctx)
    row = _row_of(page, "appointments_today")
    status = page._statuses[row]
    assert status.rows_read > 0 and status.last_success_at is not None
    assert page.table.item(row, 2).text() == "OK"
    assert int(page.table.item(row, 5).text().replace(",", "")) == status.rows_read
    assert page.table.item(row, 3).text() != "never"
    # times are the clinic's (Asia/Dubai), like the watermark beside them and the receipts
    dubai = status.last_run_at.astimezone(ZoneInfo("Asia/Dubai"))
    assert page.table.item(row, 3).text() in (dubai.strftime("%H:%M:%S"),
                                              dubai.strftime("%d %b %H:%M"))
    assert not page.busy.busy and page.sync_now.isEnabled()
    page.grab().save(str(tmp_path / "sync-status.png"))


def test_a_failing_job_shows_its_error(sync_ctx, qtbot, idle):
    ctx = sync_ctx
    svc = ctx.services.opendental_connections
    with socket_closed() as url:
        broken = svc.create(ctx.actor, ConnectionForm(
            name="Server room", mode="LOCAL", base_url=url, developer_key="dev",
            customer_key="cust", requests_per_second=Decimal("10"))).connection
        page = _page(ctx, qtbot)
        row = next(i for i, s in enumerate(page._statuses)
                   if s.job_name == "appointments_today" and s.connection_id == broken.id)
        page.table.selectRow(row)
        with qtbot.waitSignal(page.sync_finished, timeout=120_000) as blocker:
            page.sync_now.click()
    assert not blocker.args[0].ok
    assert page.banner.kind == "error"
    idle(ctx)
    row = next(i for i, s in enumerate(page._statuses)
               if s.job_name == "appointments_today" and s.connection_id == broken.id)
    assert page.table.item(row, 2).text() == "Failed"
    assert page.table.item(row, _ERROR_COL).text()
    page.table.selectRow(row)
    assert page.error_detail.text()


def test_accountants_see_status_without_sync_now(sync_ctx, sign_in, qtbot):
    ctx = sign_in("accountant", context=sync_ctx)
    page = _page(ctx, qtbot)
    assert page._statuses and not page.sync_now.isVisibleTo(page)


@pytest.mark.parametrize(("user", "visible"), [("admin", True), ("accountant", True),
                                               ("reception", False), ("nurse", False)])
def test_the_page_is_in_the_navigation_for_who_may_view_it(ctx, sign_in, qtbot, user,
                                                           visible):
    from app.ui.main_window import MainWindow

    sign_in(user)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert ("sync" in window.page_keys()) is visible


class socket_closed:
    """A base URL on a loopback port nothing listens on (connection refused)."""

    def __enter__(self) -> str:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        return f"http://127.0.0.1:{port}/api/v1"

    def __exit__(self, *exc: object) -> None:
        return None
