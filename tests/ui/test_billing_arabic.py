"""The billing office's screens in Arabic (issue 15) on the demo clinic (real PostgreSQL,
offscreen): texts from the Arabic catalogue, the window right to left, amounts through
app/ui/i18n.py, and the charts mirrored."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from app.domain.reconciliation import ReconStatus
from app.ui import i18n
from app.ui.activity_page import ActivityPage
from app.ui.claims_page import ClaimsPage
from app.ui.dashboard_page import DashboardPage
from app.ui.eligibility_review_page import EligibilityReviewPage
from app.ui.i18n import tr
from app.ui.reconciliation_page import ReconciliationPage
from app.ui.widgets.charts import BarChart, BarSeries
from app.ui.widgets.day_edit import day_of
from app.ui.widgets.paged_list import select_row

AED_AR = "د.إ"


@pytest.fixture
def arabic():
    i18n.install("ar")  # tests/ui/conftest.py puts English back afterwards


def _arabic(widget_text: str, english: str) -> None:
    """The widget says the catalogue's Arabic for ``english``, not the English."""
    assert widget_text == tr(english) != english


def _open(qtbot, ctx, cls):
    w = cls(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitUntil(lambda: not ctx.ops.busy and w.pages.number >= 1
                    and w.table.rowCount() > 0, timeout=15_000)
    return w


def test_dashboard_in_arabic(ctx, sign_in, qtbot, arabic, tmp_path):
    sign_in("accountant")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 820)
    page.show()
    qtbot.waitUntil(lambda: page.overview is not None and not ctx.ops.busy, timeout=15_000)
    o = page.overview
    assert page.isRightToLeft() and page.revenue_chart.isRightToLeft()
    _arabic(page.refresh_button.text(), "Refresh")
    _arabic(page.tile_claims.caption, "outstanding claims")
    assert page.tile_claims.value == i18n.number(o.claims.total.count)
    assert page.tile_claims.detail == i18n.money(o.claims.total.amount)
    assert page.tile_claims.detail.endswith(AED_AR)
    assert page.revenue_chart.title == tr("Revenue per day (AED) · net {amount}").format(
        amount=i18n.money(page.revenue.net))
    assert page.preset.currentText() == tr("Last 30 days") and page.preset.currentData() \
        == "Last 30 days"
    # Dates in their fields read day first, left to right, as everywhere else.
    assert page.start_edit.text() == i18n.date_text(page.revenue.start)
    # Categories read right to left: the first day's bars stand right of the last day's.
    chart = page.revenue_chart
    page.grab().save(str(tmp_path / "dashboard-ar.png"))  # paints the charts
    drawn = sorted({c for _r, c, _s in chart._rects})
    first, last = drawn[0], drawn[-1]
    left_of = {c: min(r.left() for r, cc, _s in chart._rects if cc == c) for c in drawn}
    assert first != last and left_of[first] > left_of[last]
    # The drill-down: Arabic buttons, the service's columns translated where we have them.
    page.tile_claims.click()
    qtbot.waitUntil(lambda: page.drill is not None and bool(page.drill.rows), timeout=10_000)
    _arabic(page.drill.export_button.text(), "Export CSV…")
    assert page.drill.status.text() == tr("{count} rows shown; more to load").format(
        count=i18n.number(50))


def test_bar_chart_mirrors_itself_right_to_left(qtbot, arabic):
    chart = BarChart("Test")
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.set_data(["a", "b", "c"], [BarSeries("x", [1.0, 2.0, -1.0])])
    chart.grab()
    assert chart.isRightToLeft()
    a, b, c = (chart.bar_rect(i, 0) for i in range(3))
    assert a.left() > b.left() > c.left()
    # The value axis is on the right: the bars leave the right-hand margin to it.
    assert a.right() < chart.width() - 20 and c.left() < 40
    chart.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    chart.grab()
    a, b, c = (chart.bar_rect(i, 0) for i in range(3))
    assert a.left() < b.left() < c.left()


def test_claims_and_payments_in_arabic(ctx, sign_in, qtbot, arabic):
    sign_in("accountant")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=10_000):
        page = ClaimsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    tab = page.tab("Claims")
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and not ctx.ops.busy, timeout=15_000)
    assert tab.isRightToLeft()
    assert page.tabs.tabText(0) == tr("Claims") == "المطالبات"
    _arabic(tab.export_button.text(), "Export CSV…")
    _arabic(tab.apply_button.text(), "Apply")
    assert tab.page_label.text() == "الصفحة 1"
    m = tab.model
    _arabic(m.headerData(0, Qt.Orientation.Horizontal), "Claim")
    row = m.row_at(0)
    assert m.index(0, 5).data() == i18n.money(row.amount_billed, currency=False)
    assert m.index(0, 1).data() == i18n.date_text(row.date_service)
    from app.ui.models.claims_model import STATUS_LABELS

    assert m.index(0, 4).data() == tr(STATUS_LABELS[row.status]) != STATUS_LABELS[row.status]
    with qtbot.waitSignal(tab.detail_loaded, timeout=10_000) as got:
        select_row(tab.view, 0)
    view = got.args[0]
    assert tab.detail.billed.text() == i18n.money(view.amount_billed, currency=False)
    assert tab.detail.heading.text().startswith(f"المطالبة #{view.id}")
    payments = page.tab("Insurance payments")
    qtbot.waitUntil(lambda: payments.model.rowCount() > 0 and not ctx.ops.busy,
                    timeout=15_000)
    _arabic(payments.model.headerData(5, Qt.Orientation.Horizontal), "Amount")
    assert payments.model.index(0, 6).data() in {tr(x) for x in ("Posted", "Pending",
                                                                  "Reversed")}


def test_reconciliation_in_arabic(ctx, sign_in, qtbot, arabic):
    sign_in("accountant")
    w = _open(qtbot, ctx, ReconciliationPage)
    assert w.isRightToLeft()
    _arabic(w.export_button.text(), "Export CSV…")
    _arabic(w.status_filter.itemText(0), "Every status")
    with qtbot.waitSignal(w.page_loaded, timeout=10_000):
        w.status_filter.setCurrentIndex(w.status_filter.findData(ReconStatus.OVERPAID))
        w.apply_filters()
    i = next(i for i, r in enumerate(w.rows) if r.recon.refundable > 0)
    select_row(w.table, i)
    row = w.selected()
    assert w.refund_button.text() == tr("Request refund of {amount}…").format(
        amount=i18n.money(row.recon.refundable))
    assert AED_AR in w.refund_button.text()
    assert w.table.item(i, 5).text() == i18n.money(row.recon.collected, currency=False)
    # The difference keeps its sign in front in a right-to-left cell.
    assert w.table.item(i, 8).text() == "\u200e" + f"{row.recon.difference:+,.2f}"


def test_eligibility_review_exports_in_arabic(ctx, sign_in, qtbot, arabic, tmp_path):
    sign_in("accountant")
    w = _open(qtbot, ctx, EligibilityReviewPage)
    assert w.isRightToLeft()
    _arabic(w.export_button.text(), "Export CSV…")
    _arabic(w.apply_button.text(), "Apply")
    assert w.table.horizontalHeaderItem(0).text() == tr("When") != "When"
    assert w.date_from.text() == i18n.date_text(day_of(w.date_from))  # not 2026/12/04
    target = tmp_path / "eligibility.csv"
    w.ask_export_path = lambda name: str(target)
    with qtbot.waitSignal(w.export_finished, timeout=15_000) as done:
        qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert result.rows >= w.table.rowCount() and not result.cancelled
    assert w.banner.text() == tr("Exported {rows} appointments to {path}.").format(
        rows=i18n.number(result.rows), path=target)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    # The file is for spreadsheets: English headers, one line per appointment.
    assert rows[0][0] == "Appointment ID" and len(rows) == result.rows + 1


def test_activity_log_in_arabic(ctx, sign_in, qtbot, arabic):
    sign_in("admin")
    w = _open(qtbot, ctx, ActivityPage)
    assert w.isRightToLeft()
    _arabic(w.export_button.text(), "Export CSV…")
    _arabic(w.user.itemText(0), "Anyone")
    assert w.table.horizontalHeaderItem(1).text() == tr("Action") != "Action"
    entries = tr("Entries {first}–{last}, newest first")
    assert entries != "Entries {first}–{last}, newest first"
    assert w.count_label.text().startswith(entries.split("{")[0])
    assert w.table.item(0, 0).text() == i18n.datetime_text(w.rows[0].created_at, seconds=True)
    assert w.prev_button.text() == tr("‹ Previous") != "‹ Previous"
