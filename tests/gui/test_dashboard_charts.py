"""The dashboard's chart widgets: they draw, export, say when there is nothing to show, report
the clicked bar, point, slice or stage in the page's own numbering, and follow the palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QToolTip

from crmdesk.views.dashboard_bars import BarChart, LineChart
from crmdesk.views.dashboard_charts import PALETTE, ChartView, percent
from crmdesk.views.dashboard_shapes import FunnelChart, PieChart, Sparkline

MONTHS = ["1月", "2月", "3月", "4月", "5月", "6月"]


def count(value: float) -> str:
    return f"{value:,.0f}"


def money(value: float) -> str:
    return f"¥{value:,.0f}"


def shown(qtbot, chart: ChartView) -> ChartView:  # noqa: ANN001
    qtbot.addWidget(chart)
    chart.resize(520, 320)
    with qtbot.waitExposed(chart):
        chart.show()
    return chart


def view_point(chart: ChartView, x: float, y: float) -> QPoint:
    """Where a point in the chart's data coordinates is on the plot's viewport."""
    return chart.plot.mapFromScene(chart.view_box.mapViewToScene(QPointF(x, y)))


def click(qtbot, chart: ChartView, point: QPoint) -> list[tuple[int, int]]:  # noqa: ANN001
    seen: list[tuple[int, int]] = []
    chart.drill_requested.connect(lambda s, c: seen.append((s, c)))
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return seen


def colours(image: QImage) -> set[int]:
    return {
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    }


@pytest.fixture
def growth(qtbot):  # noqa: ANN001, ANN201
    chart = shown(qtbot, BarChart("客户增长"))
    chart.set_data(
        MONTHS, [("新增", [5, 8, 12, 6, 9, 11]), ("流失", [1, 0, 3, 2, 1, 4])], count, "客户"
    )
    return chart


def test_bar_chart_exports_a_png_of_its_size(growth, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "growth.png"
    assert growth.export_png(path)
    image = QImage(str(path))
    assert image.size() == growth.size()
    assert QColor(PALETTE[0]).rgb() in colours(image)  # the first series' bars are drawn
    assert QColor(PALETTE[1]).rgb() in colours(image)
    assert not growth.empty_label.isVisible()
    # Two series: a legend names them.
    names = [label.text() for label in growth.legend.findChildren(QLabel) if label.text()]
    assert names == ["新增", "流失"]


def test_clicking_a_grouped_bar_drills_into_its_series_and_month(qtbot, growth) -> None:  # noqa: ANN001
    # Month 3 (index 2): the second series' bar sits right of the middle of the group.
    assert click(qtbot, growth, view_point(growth, 2 + 0.2, 1.5)) == [(1, 2)]
    assert click(qtbot, growth, view_point(growth, 2 - 0.2, 6)) == [(0, 2)]
    # Far above a bar is not a click on it.
    seen = click(qtbot, growth, view_point(growth, 0 - 0.2, 11.5))
    assert seen == []


def test_hover_tells_the_month_the_series_and_the_value(qtbot, growth) -> None:  # noqa: ANN001
    qtbot.mouseMove(growth.plot.viewport(), view_point(growth, 3 - 0.2, 3))
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == "4月\n新增: 6"


def test_the_line_over_the_bars_is_the_last_series(qtbot, growth) -> None:  # noqa: ANN001
    growth.set_line("客户总数", [100, 108, 117, 121, 129, 136])
    assert growth.axes["right"].isVisible()
    point = growth.plot.mapFromScene(growth._overlay.mapViewToScene(QPointF(4, 129)))
    assert click(qtbot, growth, point) == [(2, 4)]
    assert [t.text() for t in growth.legend.findChildren(QLabel) if t.text()][-1] == "客户总数"
    # A new set_data without a line drops it.
    growth.set_data(MONTHS, [("新增", [1, 2, 3, 4, 5, 6])], count)
    assert not growth.axes["right"].isVisible()
    assert not growth.legend.isVisible()


def test_a_ranking_puts_the_longest_bar_on_top(qtbot) -> None:  # noqa: ANN001
    chart = shown(qtbot, BarChart("销售排名", orientation="h"))
    names = ["张伟", "王芳", "李娜", "刘洋"]
    chart.set_data(names, [("成交额", [820_000, 1_530_000, 400_000, 990_000])], money, "元")
    top = len(names) - 1
    assert chart.axes["left"].tickStrings([float(top), 0.0], 1, 1) == ["王芳", "李娜"]
    assert click(qtbot, chart, view_point(chart, 700_000, top)) == [(0, 1)]
    assert click(qtbot, chart, view_point(chart, 100_000, 0)) == [(0, 2)]


def test_line_chart_points_are_clickable_and_gaps_allowed(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    chart = shown(qtbot, LineChart("满意度"))
    chart.set_data(MONTHS, [("CSAT", [4.1, None, 4.4, 4.2, 4.6, 4.5]), ("目标", [4.5] * 6)])
    assert chart.export_png(tmp_path / "line.png")
    assert click(qtbot, chart, view_point(chart, 4, 4.6)) == [(0, 4)]
    assert click(qtbot, chart, view_point(chart, 1, 4.5)) == [(1, 1)]


def test_pie_skips_empty_slices_but_keeps_the_page_numbering(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    chart = shown(qtbot, PieChart("工单分类"))
    chart.set_data(["产品质量", "物流", "账单", "咨询"], [("工单", [30, 0, 10, None])], count)
    texts = [label.text() for label in chart.side.findChildren(QLabel)]
    assert "物流" not in texts and "咨询" not in texts
    assert "产品质量" in texts and percent(0.75) in texts and percent(0.25) in texts
    # The first slice runs clockwise from the top; the second (账单) is the upper-left quarter.
    point = chart.viewport_point(0, 2)
    assert point is not None
    assert point.x() < chart.plot.width() / 2 and point.y() < chart.plot.height() / 2
    assert click(qtbot, chart, point) == [(0, 2)]
    assert click(qtbot, chart, view_point(chart, 0.8, 0)) == [(0, 0)]
    # The hole is not a slice.
    assert len(click(qtbot, chart, view_point(chart, 0, 0))) == 0
    image_path = tmp_path / "pie.png"
    assert chart.export_png(image_path) and QImage(str(image_path)).size() == chart.size()


def test_funnel_labels_stages_and_conversion(qtbot) -> None:  # noqa: ANN001
    chart = shown(qtbot, FunnelChart("销售漏斗"))
    chart.set_data(["接洽", "需求", "报价", "赢单"], [200, 130, 65, 20], None, count)
    texts = [item.toPlainText() for item, _role in chart._texts]
    assert "接洽 — 200" in texts and "赢单 — 20" in texts
    assert "↓ " + percent(0.5) in texts  # 报价 ÷ 需求
    assert click(qtbot, chart, view_point(chart, 0.1, -2)) == [(0, 2)]
    # The page's own conversion figures win over the chart's arithmetic.
    chart.set_data(["接洽", "需求"], [10, 5], [None, 0.42], count)
    assert "↓ " + percent(0.42) in [item.toPlainText() for item, _role in chart._texts]


@pytest.mark.parametrize("cls", [BarChart, LineChart, PieChart])
def test_no_data_says_so_instead_of_an_empty_axis(qtbot, cls, tmp_path: Path) -> None:  # noqa: ANN001
    chart = shown(qtbot, cls("空"))
    assert chart.empty_label.isVisible()
    chart.set_data(MONTHS, [("A", [1, 2, 0, 0, 0, 0])], count)
    assert not chart.empty_label.isVisible()
    chart.set_data(MONTHS, [("A", [0] * 6)], count)
    assert chart.empty_label.isVisible() and chart.is_empty()
    assert chart.empty_label.text() == "No data for this period"
    assert not chart.axes["left"].isVisible() and not chart.axes["bottom"].isVisible()
    assert click(qtbot, chart, QPoint(chart.plot.width() // 2, chart.plot.height() // 2)) == []
    chart.set_data([], [], count)
    assert chart.empty_label.isVisible()
    assert chart.export_png(tmp_path / "empty.png")


def test_funnel_without_deals_is_empty(qtbot) -> None:  # noqa: ANN001
    chart = shown(qtbot, FunnelChart("销售漏斗"))
    chart.set_data(["接洽", "需求"], [0, 0])
    assert chart.empty_label.isVisible()


def test_busy_shows_loading_over_the_chart(qtbot, growth) -> None:  # noqa: ANN001
    growth.set_busy(True)
    assert growth.busy_label.isVisible() and growth.busy_label.text() == "Loading…"
    assert click(qtbot, growth, view_point(growth, 2 + 0.2, 1.5)) == []
    growth.set_busy(False)
    assert not growth.busy_label.isVisible()


def test_a_dark_palette_recolours_axes_and_background(growth) -> None:  # noqa: ANN001
    before = growth.axes["left"].pen().color()
    assert before.lightness() < growth.plot.backgroundBrush().color().lightness()
    dark = QPalette(growth.palette())
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    growth.setPalette(dark)
    after = growth.axes["left"].pen().color()
    # Axis lines sit between text and background: darker than a light page, lighter than a dark.
    assert after != before and after.lightness() > QColor("#202124").lightness() + 60
    assert growth.axes["left"].textPen().color().lightness() > 128
    assert growth.plot.backgroundBrush().color() == QColor("#202124")


def test_export_menu_saves_under_the_chart_title(growth, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    offered: list[str] = []

    def choose(parent, caption, proposed, filters):  # noqa: ANN001, ANN202
        offered.append(proposed)
        return str(tmp_path / "chosen"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    growth.export_action.trigger()
    assert Path(offered[0]).name == "客户增长.png"
    assert QImage(str(tmp_path / "chosen.png")).size() == growth.size()
    growth.copy_action.trigger()
    assert not QApplication.clipboard().pixmap().isNull()


def test_sparkline_draws_around_gaps(qtbot) -> None:  # noqa: ANN001
    spark = Sparkline()
    qtbot.addWidget(spark)
    spark.resize(100, 28)
    spark.set_values([3, 5, None, 4, 8, None, 9])
    assert spark.values() == [3, 5, None, 4, 8, None, 9]
    image = spark.grab().toImage()
    assert QColor(PALETTE[0]).rgb() in {
        image.pixel(x, y) for x in range(image.width()) for y in range(image.height())
    }
    spark.set_values([])
    spark.grab()  # nothing to draw is not an error
