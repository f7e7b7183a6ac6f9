"""The dashboard screen as a manager uses it: figures appear, a click lists the records behind
them (as many as the figure says), the choice of period and people is remembered."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from crmdesk.qt.settings import Settings
from crmdesk.services.dashboard import PARTS
from crmdesk.services.dashboard_drill import drill_count, drill_total
from crmdesk.services.demo import generate_demo
from crmdesk.views.dashboard import DashboardPage
from crmdesk.views.dashboard_drill import DrillWindow


@pytest.fixture
def page(qtbot, app_context):  # noqa: ANN001, ANN201
    generate_demo(app_context.db, "en", customers=80, seed=3)
    settings = Settings()
    settings.set_value("dashboard/period", "last12")
    page = DashboardPage(app_context, settings)
    qtbot.addWidget(page)
    page.resize(1400, 1000)
    page.show()
    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        pass
    return page


def _drill_windows() -> list[DrillWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, DrillWindow)]


def test_tiles_show_every_figure_with_its_definition(page: DashboardPage) -> None:
    figures = page.figures
    assert figures is not None and len(figures.kpis) == 12
    customers = page.tiles["customers"]
    assert customers.value.text() == f"{int(figures.kpis['customers'].value or 0):,}"
    assert "churned" in page.tiles["churn_rate"].toolTip()
    assert page.tiles["nps"].value.text() not in ("", "…")
    assert "computed in" in page.status.text()


def test_clicking_a_tile_lists_exactly_the_customers_it_counts(
    qtbot,
    page: DashboardPage,  # noqa: ANN001
) -> None:
    kpi = page.figures.kpis["new_customers"]  # type: ignore[union-attr]
    assert kpi.value and kpi.drill is not None
    tile = page.tiles["new_customers"]
    from PySide6.QtCore import Qt

    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    window = _drill_windows()[-1]
    qtbot.waitUntil(lambda: window.model.total > 0, timeout=10_000)
    assert window.model.total == int(kpi.value)
    assert f"{int(kpi.value)} customer" in window.summary.text()
    assert window.model.rowCount() == min(int(kpi.value), 200)
    window.close()


def test_a_bar_opens_the_deals_behind_it_and_they_add_up(
    qtbot,
    page: DashboardPage,  # noqa: ANN001
) -> None:
    chart = page.figures.charts["revenue"]  # type: ignore[union-attr]
    month = max(range(len(chart.categories)), key=lambda i: chart.series[0].values[i])
    value = chart.series[0].values[month]
    assert value > 0
    page.charts["revenue"].drill_requested.emit(0, month)
    window = _drill_windows()[-1]
    qtbot.waitUntil(lambda: window.model.total > 0, timeout=10_000)
    drill = chart.series[0].drills[month]
    assert drill is not None
    assert drill_total(page.ctx.db, drill) == Decimal(str(value)).quantize(Decimal("0.01"))
    assert window.model.total == drill_count(page.ctx.db, drill)
    assert "Total:" in window.summary.text()
    window.close()


def test_every_count_figure_drills_to_as_many_records(page: DashboardPage) -> None:
    db = page.ctx.db
    figures = page.figures
    assert figures is not None
    for chart in figures.charts.values():
        for series in chart.series:
            for value, drill in zip(series.values, series.drills, strict=True):
                if drill is None:
                    continue
                if drill.measure == "count":
                    assert drill_count(db, drill) == value, (chart.key, series.key)
                else:
                    assert float(drill_total(db, drill)) == pytest.approx(value), chart.key


def test_team_filter_narrows_and_is_remembered(qtbot, page: DashboardPage) -> None:  # noqa: ANN001
    everyone = page.figures.kpis["customers"].value  # type: ignore[union-attr]
    team_index = next(
        i for i in range(1, page.team.count()) if "Sales" in page.team.itemText(i) or i == 1
    )
    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.team.setCurrentIndex(team_index)
    assert page.scope is not None and page.scope.team_id == page.team.currentData()
    assert page.figures.kpis["customers"].value <= everyone  # type: ignore[union-attr,operator]
    assert page.settings.value("dashboard/team") == page.team.currentData()
    again = DashboardPage(page.ctx, page.settings)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.people is not None, timeout=10_000)
    assert again.team.currentData() == page.team.currentData()
    assert again.period.currentData() == "last12"


def test_ranking_by_team_and_metric(qtbot, page: DashboardPage) -> None:  # noqa: ANN001
    page.ranking_group.setCurrentIndex(page.ranking_group.findData("team"))
    shown = page._ranking_shown  # noqa: SLF001
    assert shown.key == "ranking_teams"
    reps = page.figures.charts["ranking"]  # type: ignore[union-attr]
    assert sum(shown.series[0].values) == pytest.approx(sum(reps.series[0].values))
    page.ranking_metric.setCurrentIndex(page.ranking_metric.findData("interactions"))
    first = next(i for i, d in enumerate(shown.series[2].drills) if d is not None)
    page.charts["ranking"].drill_requested.emit(0, first)
    window = _drill_windows()[-1]
    qtbot.waitUntil(lambda: window.model.total > 0, timeout=10_000)
    assert window.model.total == shown.series[2].values[first]
    window.close()


def test_custom_period(qtbot, page: DashboardPage) -> None:  # noqa: ANN001
    from PySide6.QtCore import QDate

    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.period.setCurrentIndex(page.period.findData("custom"))
    assert page.date_from.isVisible()
    today = dt.date.today()
    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.date_from.setDate(QDate(today.year - 1, 1, 1))
    assert page.scope is not None and page.scope.start == dt.date(today.year - 1, 1, 1)
    assert len(page.figures.charts["growth"].categories) >= 12  # type: ignore[union-attr]


def test_chart_exports_png(page: DashboardPage, tmp_path: Path) -> None:
    out = tmp_path / "funnel.png"
    assert page.charts["funnel"].export_png(str(out))
    assert out.stat().st_size > 1000


def test_quick_changes_compute_only_the_last_choice(qtbot, page: DashboardPage) -> None:  # noqa: ANN001
    submitted: list[object] = []
    original = page.ctx.tasks.submit

    def counting(fn, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        submitted.append(fn)
        return original(fn, *args, **kwargs)

    page.ctx.tasks.submit = counting  # type: ignore[method-assign]
    try:
        with qtbot.waitSignal(page.figures_shown, timeout=20_000):
            for kind in ("month", "quarter", "year", "month", "year"):
                page.period.setCurrentIndex(page.period.findData(kind))
    finally:
        page.ctx.tasks.submit = original  # type: ignore[method-assign]
    # The first change starts a computation; the four after it collapse into one more.
    assert len(submitted) == 2 * len(PARTS)
    assert page.figures is not None and page.figures.scope == page.current_scope()
    assert page.scope is not None and page.scope.start.month == 1


def test_sparklines_stop_before_months_that_have_not_begun(qtbot, page: DashboardPage) -> None:  # noqa: ANN001
    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.period.setCurrentIndex(page.period.findData("year"))
    today = dt.datetime.now(page.people_zone()).date()  # the office's today
    shown = page.tiles["revenue_won"].spark._values  # noqa: SLF001
    assert len(shown) == 12
    assert all(v is None for v in shown[today.month :])
    assert shown[today.month - 1] is not None
