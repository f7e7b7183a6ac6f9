"""The dashboard's donut, sales funnel and KPI sparkline (see crmdesk.views.dashboard_charts
for the shared ChartView)."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QPointF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPathItem,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from crmdesk.views.dashboard_charts import (
    HOLE,
    LABEL_PX,
    PALETTE,
    ChartView,
    Formatter,
    Hit,
    _bar_pen,
    _blank,
    _clear,
    _values,
    percent,
    plain_number,
    series_color,
)


class PieChart(ChartView):
    """A donut of the first series, with the total in the hole and a legend of labels, values
    and shares. Zero and missing slices are left out; clicks still report the page's index."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        for name in ("left", "bottom"):
            self.plot_item.hideAxis(name)
        self.view_box.setAspectLocked(True)
        self.side = QWidget(self)
        self._side_layout = QGridLayout(self.side)
        self._side_layout.setContentsMargins(6, 0, 0, 0)
        self._side_layout.setHorizontalSpacing(8)
        self._side_layout.setVerticalSpacing(3)
        # Long legends (a category per slice) scroll rather than stretch the chart.
        self.side_scroll = _LegendScroll(self)
        self.side_scroll.setWidget(self.side)
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.viewport().setAutoFillBackground(False)
        self.side.setAutoFillBackground(False)
        self.body.addWidget(self.side_scroll, 0, Qt.AlignmentFlag.AlignVCenter)
        self._categories: list[str] = []
        self._slices: list[tuple[int, float]] = []  # (the page's category index, value)
        self._ends: list[float] = []  # where each slice ends, degrees clockwise from the top
        self._items: list[QGraphicsPathItem] = []
        self._total = 0.0
        self._series_name = ""

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[float | None]]] | Sequence[float | None],
        formatter: Formatter | None = None,
        unit: str = "",
    ) -> None:
        """Show the first series as slices (the same arguments as :meth:`BarChart.set_data`;
        a plain list of values is taken as that series)."""
        if series and isinstance(series[0], tuple):
            self._series_name, values = series[0]  # type: ignore[misc]
        else:
            self._series_name, values = "", series  # type: ignore[assignment]
        self._categories = list(categories)
        self._formatter = formatter or plain_number
        data = _values(values) if series else np.zeros(0)  # type: ignore[arg-type]
        self._slices = [(i, float(v)) for i, v in enumerate(data) if math.isfinite(v) and v > 0][
            : len(self._categories)
        ]
        self._total = sum(v for _i, v in self._slices)
        _clear(self._side_layout)
        self._items, self._ends = [], []
        empty = not self._slices
        self._show_empty(empty)
        self.side_scroll.setVisible(not empty)
        if empty:
            return
        self._clear()
        start = 0.0
        for k, (i, value) in enumerate(self._slices):
            span = 360.0 * value / self._total
            item = QGraphicsPathItem(_ring_segment(start, span))
            item.setBrush(QBrush(series_color(k)))
            self._items.append(item)
            self.plot_item.addItem(item)
            start += span
            self._ends.append(start)
            self._add_legend_row(k, i, value)
        self.side_scroll.updateGeometry()
        total = self._add_text(self._formatter(self._total), "text", anchor=(0.5, 0.5))
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        total.setFont(font)
        total.setPos(0, 0)
        self._recolour()
        self.view_box.setRange(xRange=(-1.08, 1.08), yRange=(-1.08, 1.08), padding=0)

    def _add_legend_row(self, k: int, category: int, value: float) -> None:
        row = self._side_layout.rowCount()
        swatch = QLabel(self.side)
        pixmap = QPixmap(10, 10)
        pixmap.fill(series_color(k))
        swatch.setPixmap(pixmap)
        name = QLabel(
            QFontMetrics(self.font()).elidedText(
                self._categories[category], Qt.TextElideMode.ElideRight, LABEL_PX
            ),
            self.side,
        )
        name.setToolTip(self._categories[category])
        amount = QLabel(self._formatter(value), self.side)
        share = QLabel(percent(value / self._total), self.side)
        for label in (amount, share):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        share.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for column, widget in enumerate((swatch, name, amount, share)):
            self._side_layout.addWidget(widget, row, column)
            widget.show()  # now, not when the layout gets to it: the size hint counts it

    def _recolour(self) -> None:
        pen = QPen(self._colors()["background"], 1.5)
        pen.setCosmetic(True)
        for item in getattr(self, "_items", ()):  # also called from ChartView.__init__
            item.setPen(pen)

    def _hit(self, scene_pos: QPointF) -> Hit | None:
        if not self._slices:
            return None
        p = self.view_box.mapSceneToView(scene_pos)
        radius = math.hypot(p.x(), p.y())
        if not HOLE <= radius <= 1.0:
            return None
        angle = (90.0 - math.degrees(math.atan2(p.y(), p.x()))) % 360.0
        k = min(bisect.bisect_right(self._ends, angle), len(self._slices) - 1)
        return 0, self._slices[k][0]

    def _highlight(self, hit: Hit | None) -> None:
        for k, item in enumerate(self._items):
            if hit is not None and self._slices[k][0] == hit[1]:
                middle = math.radians(90.0 - (self._ends[k] - self._slice_span(k) / 2))
                item.setPos(0.05 * math.cos(middle), 0.05 * math.sin(middle))
            else:
                item.setPos(0, 0)

    def _slice_span(self, k: int) -> float:
        return self._ends[k] - (self._ends[k - 1] if k else 0.0)

    def _anchor(self, series: int, category: int) -> QPointF | None:
        for k, (i, _value) in enumerate(self._slices):
            if i == category and series == 0:
                middle = math.radians(90.0 - (self._ends[k] - self._slice_span(k) / 2))
                r = (1.0 + HOLE) / 2
                return self.view_box.mapViewToScene(
                    QPointF(r * math.cos(middle), r * math.sin(middle))
                )
        return None

    def _describe(self, hit: Hit) -> str:
        value = next(v for i, v in self._slices if i == hit[1])
        name = f"{self._series_name}: " if self._series_name else ""
        return (
            f"{self._categories[hit[1]]}\n{name}{self._formatter(value)}"
            f" ({percent(value / self._total)})"
        )


class _LegendScroll(QScrollArea):
    """The pie's legend: as large as its rows, scrolling when the chart is shorter."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # QScrollArea caches its widget's first size hint; the rows change with every set_data.
        hint = self.widget().sizeHint()
        room = self.parentWidget().height() - 40 if self.parentWidget() else 0
        bar = self.verticalScrollBar().sizeHint().width() if hint.height() > room else 0
        return QSize(hint.width() + bar, hint.height())


def _ring_segment(start: float, span: float) -> QPainterPath:
    """A slice of the donut from ``start`` clockwise through ``span`` degrees, measured from the
    top, in view coordinates (y up)."""
    steps = max(2, int(math.ceil(span / 3.0)))
    angles = np.radians(90.0 - np.linspace(start, start + span, steps + 1))
    path = QPainterPath()
    path.moveTo(math.cos(angles[0]), math.sin(angles[0]))
    for a in angles[1:]:
        path.lineTo(math.cos(a), math.sin(a))
    for a in angles[::-1]:
        path.lineTo(HOLE * math.cos(a), HOLE * math.sin(a))
    path.closeSubpath()
    return path


class FunnelChart(ChartView):
    """Stages as centred bars narrowing downwards, each labelled "Stage — count", with the
    conversion from the previous stage on the right."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        for name in ("left", "bottom"):
            self.plot_item.hideAxis(name)
        self._stages: list[str] = []
        self._counts = np.zeros(0)
        self._conversion: list[float | None] = []
        self._labels: list[pg.TextItem] = []
        self._widths = np.zeros(0)
        self.view_box.sigResized.connect(self._fit_labels)

    def set_data(
        self,
        stages: Sequence[str],
        counts: Sequence[float | None],
        conversion: Sequence[float | None] | None = None,
        formatter: Formatter | None = None,
        unit: str = "",
    ) -> None:
        """``conversion[i]`` is stage i ÷ stage i−1 (0–1, None for the first stage); worked
        out from the counts when not given."""
        self._stages = list(stages)
        self._counts = np.nan_to_num(_values(counts))[: len(self._stages)]
        self._formatter = formatter or plain_number
        if conversion is None or len(conversion) != len(self._stages):
            conversion = [
                None if i == 0 or not self._counts[i - 1] else self._counts[i] / self._counts[i - 1]
                for i in range(len(self._counts))
            ]
        self._conversion = list(conversion)
        empty = not self._stages or _blank(self._counts)
        self._show_empty(empty)
        if empty:
            return
        self._clear()
        m = len(self._stages)
        widths = self._counts / float(self._counts.max())
        y = -np.arange(m, dtype=float)
        bars = pg.BarGraphItem(
            x=np.zeros(m),
            y=y,
            width=np.maximum(widths, 0.004),
            height=0.72,
            brushes=[series_color(i) for i in range(m)],
        )
        bars.setOpts(pen=_bar_pen())
        self.plot_item.addItem(bars)
        self._widths = widths
        self._labels = []
        for i, stage in enumerate(self._stages):
            label = self._add_text(f"{stage} — {self._formatter(float(self._counts[i]))}", "label")
            self._labels.append(label)
            if i:
                arrow = self._add_text(
                    "↓ " + percent(self._conversion[i]), "muted", anchor=(0, 0.5)
                )
                arrow.setPos(0.53, y[i] + 0.5)
        self.view_box.setRange(xRange=(-0.52, 0.78), yRange=(-m + 0.55, 0.45), padding=0)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """A label sits on its bar where it fits, else beside its end (narrow late stages)."""
        if not self._labels:
            return
        px = self.view_box.viewPixelSize()[0]
        colors = self._colors()
        roles = {}
        for i, label in enumerate(self._labels):
            half = float(self._widths[i]) / 2
            inside = (label.textItem.boundingRect().width() + 6) * px <= 2 * half
            roles[label] = "label" if inside else "text"
            label.setAnchor((0.5, 0.5) if inside else (0, 0.5))
            label.setPos(0 if inside else half + 3 * px, -float(i))
            self._colour_text(label, roles[label], colors)
        self._texts = [(t, roles.get(t, r)) for t, r in self._texts]

    def _hit(self, scene_pos: QPointF) -> Hit | None:
        if not self._stages:
            return None
        p = self.view_box.mapSceneToView(scene_pos)
        i = int(round(-p.y()))
        if 0 <= i < len(self._stages) and abs(p.y() + i) <= 0.36 and abs(p.x()) <= 0.5:
            return 0, i
        return None

    def _anchor(self, series: int, category: int) -> QPointF | None:
        if self._empty or series != 0 or not 0 <= category < len(self._stages):
            return None
        return self.view_box.mapViewToScene(QPointF(0.0, -float(category)))

    def _describe(self, hit: Hit) -> str:
        i = hit[1]
        text = f"{self._stages[i]}\n{self._formatter(float(self._counts[i]))}"
        if i:
            text += "\n" + QCoreApplication.translate(
                "DashboardCharts", "%1 of the previous stage"
            ).replace("%1", percent(self._conversion[i]))
        return text


class Sparkline(QWidget):
    """A KPI tile's small trend line: no axes, gaps where a value is missing, a dot at the end."""

    def __init__(self, parent: QWidget | None = None, color: QColor | str = PALETTE[0]) -> None:
        super().__init__(parent)
        self._values: list[float | None] = []
        self._color = QColor(color)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: Sequence[float | None]) -> None:
        self._values = [
            None if v is None or not math.isfinite(float(v)) else float(v) for v in values
        ]
        self.update()

    def values(self) -> list[float | None]:
        return list(self._values)

    def set_color(self, color: QColor | str) -> None:
        self._color = QColor(color)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(96, 28)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        known = [v for v in self._values if v is not None]
        if not known:
            return
        lo, hi = min(known), max(known)
        if hi == lo:
            lo, hi = lo - 1, hi + 1
        margin = 3.0
        w, h = self.width() - 2 * margin, self.height() - 2 * margin
        step = w / max(len(self._values) - 1, 1)
        path = QPainterPath()
        last: QPointF | None = None
        pen_down = False
        for i, v in enumerate(self._values):
            if v is None:
                pen_down = False
                continue
            point = QPointF(margin + i * step, margin + h * (hi - v) / (hi - lo))
            if pen_down:
                path.lineTo(point)
            else:
                path.moveTo(point)
                path.lineTo(point)  # a lone value between gaps still shows as a dot
            pen_down, last = True, point
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self._color, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(path)
        if last is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._color)
            painter.drawEllipse(last, 2.5, 2.5)
        painter.end()
