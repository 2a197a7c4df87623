"""The dashboard page with pytest-qt on a real database (the demo hospital, with its billing
history of claims and insurer payments): the figures it shows are the service's, clicking a
bar, a tile or a cell of the aging table opens the rows behind that figure (50 a page, more on
request, CSV export), the revenue range presets re-read the chart, a change on the bus re-reads
the page, and only accountants and administrators have it in the navigation."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from app.domain.enums import AppointmentStatus
from app.domain.money import fmt
from app.services.changes import Changes
from app.services.dashboard import Bucket, Cell, Figure, FigureKind, Series


@pytest.fixture
def page(ctx, sign_in, qtbot):
    from app.ui.dashboard_page import DashboardPage

    sign_in("accountant")
    with qtbot.waitSignal(ctx.ops.op_finished, timeout=15_000):
        widget = DashboardPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitUntil(lambda: widget.overview is not None, timeout=15_000)
    return widget


def _click(qtbot, chart, category: int, series: int) -> None:
    chart.grab()  # paint once: the bars' rectangles come from the last paint
    rect = chart.bar_rect(category, series)
    assert rect is not None, (category, series)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(rect.center().x()), int(rect.center().y())))


def _rows(qtbot, page):
    dialog = page.drill
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.rows) or dialog.status.text() == "No rows.",
                    timeout=10_000)
    return dialog


def test_figures_shown_are_the_services(ctx, page):
    o = ctx.services.dashboard.overview(ctx.actor)
    assert o.claims.total.count > 50  # the demo's billing history is there
    assert page.tile_today.value == f"{o.appointments_today:,}"
    assert page.tile_claims.text().startswith(f"{o.claims.total.count:,}\n")
    assert fmt(o.claims.total.amount) in page.tile_claims.text()
    # schedule chart: one bar per status, the service's counts
    assert page.schedule_chart.series[0].values == [
        float(o.schedule.get(s.value, 0)) for s in AppointmentStatus]
    # aging table: every status x bucket cell, and the totals row
    for r, status in enumerate(o.claims.by_status):
        for c, bucket in enumerate(Bucket, start=1):
            cell = o.claims.by_status[status].get(bucket, Cell())
            text = page.aging_table.item(r, c).text()
            assert text == (f"{cell.count:,}\n{fmt(cell.amount, currency=False)}"
                            if cell.count else "–")
    last = page.aging_table.rowCount() - 1
    assert page.aging_table.item(last, 0).text() == "Total"
    assert page.aging_table.item(last, len(Bucket) + 1).text() == (
        f"{o.claims.total.count:,}\n{fmt(o.claims.total.amount, currency=False)}")
    # revenue: the last 30 days, per day and in the tiles
    rev = o.revenue
    assert [d.day for d in page.revenue.days] == [d.day for d in rev.days]
    assert page.revenue_chart.series[0].values == [float(d.copays) for d in rev.days]
    assert page.revenue_chart.series[2].values == [-float(d.refunds) for d in rev.days]
    assert page.tile_copays.value == fmt(rev.total(Series.COPAYS))
    assert page.tile_insurer.value == fmt(rev.total(Series.INSURER))


def test_stacking_by_payer_shows_the_payers(ctx, page):
    o = ctx.services.dashboard.overview(ctx.actor)
    page.stack_by.setCurrentIndex(1)
    assert [s.name for s in page.claims_chart.series] == list(o.claims.by_payer)
    assert len(o.claims.by_payer) >= 2  # the demo's claims are of several insurers
    for r, payer in enumerate(o.claims.by_payer):
        assert page.aging_table.item(r, 0).text() == payer


def test_clicking_a_bar_opens_its_rows(ctx, page, qtbot):
    o = ctx.services.dashboard.overview(ctx.actor)
    statuses = list(o.claims.by_status)
    j = next(i for i, st in enumerate(statuses) if o.claims.by_status[st].get(Bucket.D0_30))
    with qtbot.waitSignal(page.drill_opened, timeout=5_000):
        _click(qtbot, page.claims_chart, 0, j)
    dialog = _rows(qtbot, page)
    expected = Figure(FigureKind.CLAIMS, status=statuses[j], bucket=Bucket.D0_30)
    assert dialog.figure == expected
    assert dialog.rows == ctx.services.dashboard.rows(ctx.actor, expected).rows
    assert len(dialog.rows) == o.claims.by_status[statuses[j]][Bucket.D0_30].count or (
        len(dialog.rows) == 50)


def test_schedule_bar_and_tile_drill_down(ctx, page, qtbot):
    o = ctx.services.dashboard.overview(ctx.actor)
    statuses = list(AppointmentStatus)
    i = max(range(len(statuses)), key=lambda k: o.schedule.get(statuses[k].value, 0))
    _click(qtbot, page.schedule_chart, i, 0)
    dialog = _rows(qtbot, page)
    assert dialog.figure == Figure(FigureKind.SCHEDULE, status=statuses[i].value)
    assert len(dialog.rows) == min(o.schedule[statuses[i].value], 50)
    assert {dialog.table.item(r, 6).text() for r in range(dialog.table.rowCount())} == {
        statuses[i].value.replace("_", " ").capitalize()}
    page.tile_today.click()
    dialog = _rows(qtbot, page)
    assert dialog.figure == Figure(FigureKind.SCHEDULE)


def test_all_outstanding_claims_page_by_fifty_and_export(ctx, page, qtbot, tmp_path):
    total = ctx.services.dashboard.overview(ctx.actor).claims.total.count
    assert total > 50
    page.tile_claims.click()
    dialog = _rows(qtbot, page)
    assert len(dialog.rows) == 50 and dialog.more.isEnabled()
    with qtbot.waitSignal(dialog.page_loaded, timeout=10_000):
        dialog.more.click()
    assert len(dialog.rows) == min(total, 100)
    assert len({r[2] for r in dialog.rows}) == len(dialog.rows)  # no claim twice
    target = tmp_path / "claims.csv"
    dialog.ask_export_path = lambda name: str(target)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        dialog.export_button.click()
    assert done.args[0].rows == total
    with target.open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) == total + 1


def test_aging_cell_and_revenue_bar_drill_down(ctx, page, qtbot):
    o = ctx.services.dashboard.overview(ctx.actor)
    last = page.aging_table.rowCount() - 1
    assert page.aging_figure(last, 1) == Figure(FigureKind.CLAIMS, bucket=Bucket.D0_30)
    page._aging_clicked(last, 1)  # what a click on the cell does (cellClicked)
    dialog = _rows(qtbot, page)
    assert len(dialog.rows) == min(o.claims.bucket_total(Bucket.D0_30).count, 50)
    k = max(range(len(o.revenue.days)), key=lambda n: o.revenue.days[n].copays)
    _click(qtbot, page.revenue_chart, k, 0)
    dialog = _rows(qtbot, page)
    day = o.revenue.days[k].day
    assert dialog.figure == Figure(FigureKind.REVENUE, series=Series.COPAYS, start=day, end=day)
    assert sum(r[-1] for r in dialog.rows) == o.revenue.days[k].copays


def test_range_preset_rereads_the_revenue(ctx, page, qtbot):
    today = page.overview.today
    with qtbot.waitSignal(page.revenue_loaded, timeout=10_000) as got:
        page.preset.setCurrentText("This year")
    rev = got.args[0]
    assert (rev.start, rev.end) == (dt.date(today.year, 1, 1), today)
    assert rev == ctx.services.dashboard.revenue(ctx.actor, rev.start, rev.end)
    assert page.revenue_chart.categories[0] == rev.start.strftime("%b %d")


def test_a_change_on_the_bus_rereads_the_page(ctx, page, qtbot):
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        ctx.bus.publish(Changes.of(claims={1}))
    with qtbot.assertNotEmitted(page.loaded, wait=800):
        ctx.bus.publish(Changes.of(vitals={1}))  # nothing the dashboard shows


@pytest.mark.parametrize("user,visible", [("accountant", True), ("admin", True),
                                          ("reception", False), ("nurse", False)])
def test_the_page_is_in_the_navigation_for_who_may_view_it(ctx, sign_in, qtbot, user,
                                                           visible):
    from app.ui.main_window import MainWindow

    sign_in(user)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert ("dashboard" in window.page_keys()) is visible
