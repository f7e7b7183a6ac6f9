"""Bar and line charts for the dashboard (see crmdesk.views.dashboard_charts for the shared
ChartView: title, legend, export, hover, drill-down)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QPointF,
)
from PySide6.QtWidgets import (
    QWidget,
)

from crmdesk.views.dashboard_charts import (
    HIT_PX,
    ChartView,
    Formatter,
    Hit,
    _bar_pen,
    _blank,
    _values,
    plain_number,
    series_color,
)


class BarChart(ChartView):
    """Grouped vertical bars, or horizontal bars for rankings (``orientation="h"``: names on the
    left, the longest bar on top), with an optional line (``set_line``) on its own right-hand
    axis; a click on the line emits the series index ``len(series)``."""

    GROUP = 0.8  # the share of a category's slot its bars fill

    def __init__(
        self, title: str = "", parent: QWidget | None = None, orientation: str = "v"
    ) -> None:
        super().__init__(title, parent)
        self.orientation = orientation
        self._categories: list[str] = []
        self._names: list[str] = []
        self._data = np.zeros((0, 0))
        self._order: list[int] = []  # position on the chart → the page's category index
        self._line: tuple[str, np.ndarray, Formatter, str, bool] | None = None
        self._line_item: pg.PlotDataItem | None = None
        self._overlay: pg.ViewBox | None = None
        self._unit = ""

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[float | None]]],
        formatter: Formatter | None = None,
        unit: str = "",
        *,
        orientation: str | None = None,
        line_series: tuple[str, Sequence[float | None]] | None = None,
    ) -> None:
        """Show one bar per category and series; ``unit`` labels the value axis."""
        if orientation is not None:
            self.orientation = orientation
        self._categories = list(categories)
        self._names = [name for name, _values in series]
        data = [_values(values) for _name, values in series]
        self._data = np.vstack(data) if data else np.zeros((0, len(self._categories)))
        self._formatter = formatter or plain_number
        self._unit = unit
        self._line = None
        if line_series is not None:
            self.set_line(*line_series)
        else:
            self._draw()

    def set_line(
        self,
        name: str,
        values: Sequence[float | None],
        formatter: Formatter | None = None,
        unit: str = "",
        right_axis: bool = True,
    ) -> None:
        """Add a line over the bars (the total customers over new and churned ones)."""
        self._line = (name, _values(values), formatter or self._formatter, unit, right_axis)
        self._draw()

    def _draw(self) -> None:
        line = self._line
        has_line = line is not None and line[1].size == len(self._categories)
        empty = not self._categories or (
            _blank(self._data) and not (has_line and not _blank(line[1]))
        )  # type: ignore[index]
        self._show_empty(empty)
        self.plot_item.showAxis("left", not empty)
        self.plot_item.showAxis("bottom", not empty)
        self.plot_item.showAxis("right", not empty and has_line and line[4])  # type: ignore[index]
        if self._overlay is not None:
            self._overlay.clear()
        self._line_item = None
        if empty:
            return
        self._clear()
        m, n = len(self._categories), self._data.shape[0]
        horizontal = self.orientation == "h"
        if horizontal:
            key = np.nan_to_num(self._data[0], nan=-np.inf) if n else np.zeros(m)
            self._order = [int(i) for i in np.argsort(-key, kind="stable")]
        else:
            self._order = list(range(m))
        positions = self._positions()
        width = self.GROUP / max(n, 1)
        integers = bool(np.all(np.nan_to_num(self._data) % 1 == 0))
        for s in range(n):
            heights = np.nan_to_num(self._data[s][self._order])
            offsets = positions + (s - (n - 1) / 2) * width * (-1 if horizontal else 1)
            if horizontal:
                bars = pg.BarGraphItem(
                    x0=0, y=offsets, height=width * 0.9, width=heights, brush=series_color(s)
                )
            else:
                bars = pg.BarGraphItem(
                    x=offsets, y0=0, width=width * 0.9, height=heights, brush=series_color(s)
                )
            bars.setOpts(pen=_bar_pen())
            self.plot_item.addItem(bars)
        values = np.nan_to_num(self._data)
        lo, hi = min(0.0, float(values.min(initial=0))), max(0.0, float(values.max(initial=0)))
        hi = hi if hi > lo else lo + 1
        category_axis, value_axis = (
            (self.axes["left"], self.axes["bottom"])
            if horizontal
            else (self.axes["bottom"], self.axes["left"])
        )
        category_axis.show_categories(
            [self._categories[i] for i in self._order][:: -1 if horizontal else 1]
        )
        category_axis.setLabel(None)
        category_axis.showLabel(False)
        value_axis.show_values(self._formatter, integers)
        if self._unit:
            value_axis.setLabel(self._unit)
        else:
            value_axis.showLabel(False)
        category_axis.setGrid(False)
        value_axis.setGrid(60)
        span = (-0.5, m - 0.5)
        if horizontal:
            pad = 0.22 if n == 1 and m <= 15 else 0.04
            self.view_box.setRange(xRange=(lo, hi + (hi - lo) * pad), yRange=span, padding=0)
            if n == 1 and m <= 15:
                for row, i in enumerate(self._order):
                    value = self._data[0][i]
                    if math.isfinite(value):
                        text = self._add_text(self._formatter(value), "muted", anchor=(0, 0.5))
                        text.setPos(max(value, 0.0) + (hi - lo) * 0.01, positions[row])
        else:
            self.view_box.setRange(xRange=span, yRange=(lo, hi + (hi - lo) * 0.06), padding=0)
        category_axis.fit(0, m)
        value_axis.fit(lo, hi)
        legend = [(series_color(s), name) for s, name in enumerate(self._names)]
        if has_line and line is not None:
            self._draw_line(line, n, integers)
            legend.append((series_color(n), line[0]))
        self._set_legend(legend if len(legend) > 1 else [])

    def _positions(self) -> np.ndarray:
        m = len(self._categories)
        return (
            np.arange(m, dtype=float)[::-1]
            if self.orientation == "h"
            else np.arange(m, dtype=float)
        )

    def _draw_line(
        self, line: tuple[str, np.ndarray, Formatter, str, bool], n: int, integers: bool
    ) -> None:
        name, values, formatter, unit, right = line
        colour = series_color(n)
        item = pg.PlotDataItem(
            x=self._positions(),
            y=values[self._order],
            pen=pg.mkPen(colour, width=2),
            symbol="o",
            symbolSize=7,
            symbolBrush=colour,
            symbolPen=pg.mkPen(self._colors()["background"], width=1),
            connect="finite",
        )
        self._line_item = item
        if not right:
            self.plot_item.addItem(item)
            return
        overlay = self._ensure_overlay()
        overlay.addItem(item)
        axis = self.axes["right"]
        axis.show_values(formatter, bool(np.all(np.nan_to_num(values) % 1 == 0)))
        if unit:
            axis.setLabel(unit)
        else:
            axis.showLabel(False)
        top = float(np.nanmax(values)) if not _blank(values) else 1.0
        bottom = min(0.0, float(np.nanmin(values)))
        overlay.setYRange(bottom, top + (top - bottom) * 0.06 or 1, padding=0)
        axis.fit(bottom, top)

    def _ensure_overlay(self) -> pg.ViewBox:
        if self._overlay is None:
            overlay = pg.ViewBox(enableMouse=False)
            overlay.setMenuEnabled(False)
            self.plot_item.scene().addItem(overlay)
            self.axes["right"].linkToView(overlay)
            overlay.setXLink(self.plot_item)

            def follow() -> None:
                overlay.setGeometry(self.view_box.sceneBoundingRect())

            self.view_box.sigResized.connect(follow)
            follow()
            self._overlay = overlay
        return self._overlay

    def _line_box(self) -> pg.ViewBox:
        return self._overlay if self._line is not None and self._line[4] else self.view_box  # type: ignore[return-value]

    def _hit(self, scene_pos: QPointF) -> Hit | None:
        if self._line_item is not None and self._line is not None:
            box = self._line_box()
            p = box.mapSceneToView(scene_pos)
            px, py = box.viewPixelSize()
            values = self._line[1][self._order]
            dist = np.hypot((self._positions() - p.x()) / px, (values - p.y()) / py)
            dist = np.where(np.isnan(dist), np.inf, dist)
            best = int(np.argmin(dist))
            if dist[best] <= HIT_PX:
                return self._data.shape[0], self._order[best]
        n = self._data.shape[0]
        if n == 0:
            return None
        p = self.view_box.mapSceneToView(scene_pos)
        horizontal = self.orientation == "h"
        along, across = (p.y(), p.x()) if horizontal else (p.x(), p.y())
        position = int(round(along))
        if not 0 <= position < len(self._categories):
            return None
        row = len(self._categories) - 1 - position if horizontal else position
        width = self.GROUP / n
        offset = (along - position + self.GROUP / 2) / width
        s = int(math.floor(offset)) if not horizontal else n - 1 - int(math.floor(offset))
        if not 0 <= offset < n:
            return None
        value = float(np.nan_to_num(self._data[s][self._order[row]]))
        px, py = self.view_box.viewPixelSize()
        slack = HIT_PX * (px if horizontal else py)
        if min(0.0, value) - slack <= across <= max(0.0, value) + slack:
            return s, self._order[row]
        return None

    def _anchor(self, series: int, category: int) -> QPointF | None:
        if category not in self._order or self._empty:
            return None
        position = float(self._positions()[self._order.index(category)])
        n = self._data.shape[0]
        if series == n and self._line_item is not None and self._line is not None:
            value = float(self._line[1][category])
            return self._line_box().mapViewToScene(QPointF(position, value))
        if not 0 <= series < n:
            return None
        width = self.GROUP / n
        along = position + (series - (n - 1) / 2) * width * (-1 if self.orientation == "h" else 1)
        value = float(np.nan_to_num(self._data[series][category])) / 2
        point = QPointF(value, along) if self.orientation == "h" else QPointF(along, value)
        return self.view_box.mapViewToScene(point)

    def _describe(self, hit: Hit) -> str:
        s, i = hit
        if s == self._data.shape[0] and self._line is not None:
            name, values, formatter = self._line[0], self._line[1], self._line[2]
        else:
            name, values, formatter = self._names[s], self._data[s], self._formatter
        return f"{self._categories[i]}\n{name}: {formatter(float(values[i]))}"


class LineChart(ChartView):
    """One or more lines over months (or any labelled steps), with clickable points."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._categories: list[str] = []
        self._names: list[str] = []
        self._data = np.zeros((0, 0))
        self._marker = pg.ScatterPlotItem(size=12, pen=None)

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[float | None]]],
        formatter: Formatter | None = None,
        unit: str = "",
    ) -> None:
        """Show one line per series; None values leave a gap."""
        self._categories = list(categories)
        self._names = [name for name, _values in series]
        data = [_values(values) for _name, values in series]
        self._data = np.vstack(data) if data else np.zeros((0, len(self._categories)))
        self._formatter = formatter or plain_number
        empty = not self._categories or _blank(self._data)
        self._show_empty(empty)
        for name in ("left", "bottom"):
            self.plot_item.showAxis(name, not empty)
        if empty:
            return
        self._clear()
        m = len(self._categories)
        x = np.arange(m, dtype=float)
        background = self._colors()["background"]
        for s, values in enumerate(self._data):
            colour = series_color(s)
            self.plot_item.addItem(
                pg.PlotDataItem(
                    x=x,
                    y=values,
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=6,
                    symbolBrush=colour,
                    symbolPen=pg.mkPen(background, width=1),
                    connect="finite",
                )
            )
        self._marker = pg.ScatterPlotItem(size=12, pen=pg.mkPen(background, width=2))
        self._marker.setZValue(10)
        self.plot_item.addItem(self._marker)
        bottom = self.axes["bottom"]
        bottom.show_categories(self._categories)
        bottom.showLabel(False)
        left = self.axes["left"]
        left.show_values(self._formatter, bool(np.all(np.nan_to_num(self._data) % 1 == 0)))
        if unit:
            left.setLabel(unit)
        else:
            left.showLabel(False)
        left.setGrid(60)
        lo = min(0.0, float(np.nanmin(self._data)))
        hi = max(0.0, float(np.nanmax(self._data)))
        hi = hi if hi > lo else lo + 1
        self.view_box.setRange(
            xRange=(-0.5, m - 0.5), yRange=(lo, hi + (hi - lo) * 0.08), padding=0
        )
        bottom.fit(0, m)
        left.fit(lo, hi)
        self._set_legend(
            [(series_color(s), n) for s, n in enumerate(self._names)]
            if len(self._names) > 1
            else []
        )

    def _hit(self, scene_pos: QPointF) -> Hit | None:
        if self._data.size == 0:
            return None
        p = self.view_box.mapSceneToView(scene_pos)
        px, py = self.view_box.viewPixelSize()
        x = np.arange(self._data.shape[1], dtype=float)
        dist = np.hypot((x - p.x()) / px, (self._data - p.y()) / py)
        dist = np.where(np.isnan(dist), np.inf, dist)
        s, i = np.unravel_index(int(np.argmin(dist)), dist.shape)
        return (int(s), int(i)) if dist[s, i] <= HIT_PX else None

    def _highlight(self, hit: Hit | None) -> None:
        if hit is None:
            self._marker.setData([])
        else:
            s, i = hit
            self._marker.setData([float(i)], [float(self._data[s, i])], brush=series_color(s))

    def _anchor(self, series: int, category: int) -> QPointF | None:
        if self._empty or not (
            0 <= series < self._data.shape[0] and 0 <= category < self._data.shape[1]
        ):
            return None
        return self.view_box.mapViewToScene(QPointF(category, float(self._data[series, category])))

    def _describe(self, hit: Hit) -> str:
        s, i = hit
        return (
            f"{self._categories[i]}\n{self._names[s]}: {self._formatter(float(self._data[s, i]))}"
        )
