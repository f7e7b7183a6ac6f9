"""The dashboard's charts: grouped or ranked bars, lines, a donut, the sales funnel, and the
sparkline of a KPI tile.

Every chart is a :class:`ChartView`: a title, a legend when there is more than one series, the
plot, and a "⋯" button to export the picture. The page hands each chart plain labels, numbers
and a value formatter (``set_data``); a click on a bar, point, slice or stage emits
``drill_requested(series, category)`` with the indices the page gave, whatever order the chart
draws them in. Hover shows the category, the series and the formatted value.

Drawing is done by pyqtgraph items made once per ``set_data``; mouse hits are found by arithmetic
on the data (no item per bar listens for events). Colours of text, axes and background come from
the widget's palette and follow it when it changes (light and dark system themes); the series
colours are the Okabe–Ito palette, which colour-blind readers can tell apart.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGraphicsPathItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from crmdesk.views.widgets import FlowLayout, clear_layout

pg.setConfigOptions(antialias=True)

# Okabe–Ito without its black (invisible on a dark theme), blue first; grey closes the cycle.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#56B4E9",
    "#CC79A7",
    "#F0E442",
    "#999999",
)

Formatter = Callable[[float], str]
Hit = tuple[int, int]
HIT_PX = 8.0  # how far from a point or bar end the mouse still counts as on it
LABEL_PX = 110  # category labels longer than this are elided (the tooltip has the full text)
HOLE = 0.58  # the donut's hole, as a share of its radius


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardCharts", text)


def series_color(index: int) -> QColor:
    """The colour of the index-th series or slice; past the palette, darker then lighter shades."""
    colour = QColor(PALETTE[index % len(PALETTE)])
    cycle = (index // len(PALETTE)) % 3
    return colour if cycle == 0 else colour.darker(150) if cycle == 1 else colour.lighter(140)


def plain_number(value: float) -> str:
    """The default formatter: the locale's digits with thousands separators."""
    if value is None or not math.isfinite(value):
        return "–"
    if float(value).is_integer():
        return QLocale().toString(float(value), "f", 0)
    return QLocale().toString(float(value), "f", 1 if abs(value) >= 10 else 2)


def percent(ratio: float | None) -> str:
    return "–" if ratio is None else QLocale().toString(ratio * 100, "f", 1) + "%"


def _values(values: Sequence[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def _blank(values: np.ndarray) -> bool:
    return values.size == 0 or not np.any(np.nan_to_num(values) != 0)


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    keep = 1.0 - share_of_b
    return QColor.fromRgbF(
        a.redF() * keep + b.redF() * share_of_b,
        a.greenF() * keep + b.greenF() * share_of_b,
        a.blueF() * keep + b.blueF() * share_of_b,
    )


def _nice_step(raw: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


class _Axis(pg.AxisItem):
    """Either one tick per category, thinned and elided to fit, or values through the page's
    formatter, as many as fit without their labels touching."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        self.setStyle(hideOverlappingLabels=LABEL_PX // 2)
        self.categories: list[str] = []
        self.formatter: Formatter = plain_number
        self.integers = False

    def show_categories(self, labels: Sequence[str]) -> None:
        self.categories = list(labels)
        self.picture = None
        self.update()

    def show_values(self, formatter: Formatter, integers: bool) -> None:
        self.categories, self.formatter, self.integers = [], formatter, integers
        self.picture = None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - pyqtgraph override
        # With a grid the axis clips its labels to the plot, which hides the label at either end
        # (the 0 of every bar chart); let them overhang the plot's corner.
        m = LABEL_PX / 2
        if self.orientation in ("left", "right"):
            return super().boundingRect().adjusted(0, -m, 0, m)
        return super().boundingRect().adjusted(-m, 0, m, 0)

    def fit(self, lo: float, hi: float) -> None:
        """Make room for the labels now rather than after the first paint (pyqtgraph widens
        an axis only once it has drawn labels that do not fit, so a chart exported straight
        after set_data would lose them)."""
        fm = self._metrics()
        if self.categories:
            widest = min(max(fm.horizontalAdvance(c) for c in self.categories), LABEL_PX)
        else:
            middle = _nice_step(max(abs(lo), abs(hi), 1e-9)) * 1.5
            widest = max(fm.horizontalAdvance(self.formatter(v)) for v in (lo, hi, middle))
        if self.orientation in ("left", "right"):
            self._updateMaxTextSize(widest + 2)
        else:
            self._updateMaxTextSize(fm.height())

    def _metrics(self) -> QFontMetrics:
        return QFontMetrics(self.style["tickFont"] or self.font())

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803
        lo, hi = sorted((minVal, maxVal))
        if hi <= lo or size <= 0:
            return []
        fm = self._metrics()
        vertical = self.orientation in ("left", "right")
        if self.categories:
            longest = max(fm.horizontalAdvance(c) for c in self.categories)
            need = fm.height() + 2 if vertical else min(longest, LABEL_PX) + 10
            step = max(1, math.ceil(need / (size / (hi - lo))))
            first, last = max(0, math.ceil(lo)), min(len(self.categories) - 1, math.floor(hi))
            return [(float(step), [float(i) for i in range(first, last + 1) if i % step == 0])]
        widest = max(fm.horizontalAdvance(self.formatter(v)) for v in (lo, hi))
        need = fm.height() * 1.8 if vertical else widest + 24
        step = _nice_step((hi - lo) / max(2, int(size / need)))
        if self.integers:
            step = max(step, 1.0)
        first = math.ceil(lo / step - 1e-9)
        values = [round(i * step, 10) + 0.0 for i in range(first, int(hi / step + 1e-9) + 1)]
        if not vertical:  # a label centred on the right end would be cut by the widget's edge
            room = (widest / 2 - 6) * (hi - lo) / size
            values = [v for v in values if hi - v >= room]
        return [(step, values)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if not self.categories:
            return [self.formatter(v) for v in values]
        fm, n = self._metrics(), len(self.categories)
        return [
            fm.elidedText(self.categories[int(round(v))], Qt.TextElideMode.ElideRight, LABEL_PX)
            if 0 <= round(v) < n
            else ""
            for v in values
        ]


class ChartView(QWidget):
    """A titled chart with export, hover text, a busy and an empty state.

    Subclasses draw in ``_draw`` and find what is under the mouse in ``_hit`` (scene position
    → (series, category) as the page numbered them) and describe it in ``_describe``.
    """

    drill_requested = Signal(int, int)

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self._formatter: Formatter = plain_number
        self._empty = True
        self._busy = False
        self._hovered: Hit | None = None
        self._texts: list[tuple[pg.TextItem, str]] = []  # (item, "text" | "muted" | "label")

        self.title_label = QLabel(title, self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.tool_button = QToolButton(self)
        self.tool_button.setText("⋯")
        self.tool_button.setAutoRaise(True)
        self.tool_button.setToolTip(
            QCoreApplication.translate("DashboardCharts", "Export this chart")
        )
        self.tool_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tool_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        policy = self.tool_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.tool_button.setSizePolicy(policy)
        menu = QMenu(self.tool_button)
        self.export_action = menu.addAction(
            QCoreApplication.translate("DashboardCharts", "Export as PNG…"), self._export_dialog
        )
        self.copy_action = menu.addAction(
            QCoreApplication.translate("DashboardCharts", "Copy image"), self.copy_image
        )
        self.tool_button.setMenu(menu)

        self.legend = QWidget(self)
        self._legend_layout = FlowLayout(self.legend, spacing=12)
        self.legend.hide()

        axes = {name: _Axis(name) for name in ("left", "bottom", "right")}
        self.plot = pg.PlotWidget(self, axisItems=axes)
        self.plot.setMinimumSize(120, 90)
        self.plot_item: pg.PlotItem = self.plot.getPlotItem()
        self.view_box: pg.ViewBox = self.plot_item.getViewBox()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.plot_item.setMouseEnabled(False, False)
        self.plot_item.layout.setContentsMargins(2, 6, 8, 2)
        self.axes: dict[str, _Axis] = axes
        self.plot_item.hideAxis("right")
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._mouse_moved)
        scene.sigMouseClicked.connect(self._mouse_clicked)
        self.plot.installEventFilter(self)

        self.empty_label = QLabel(
            QCoreApplication.translate("DashboardCharts", "No data for this period"), self.plot
        )
        self.busy_label = QLabel(
            QCoreApplication.translate("DashboardCharts", "Loading…"), self.plot
        )
        for label in (self.empty_label, self.busy_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.busy_label.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.tool_button)
        self.body = QHBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.plot, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addLayout(self.body, 1)
        self._restyle()
        self._show_empty(True)

    # public ----------------------------------------------------------------------------------

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)

    def title(self) -> str:
        return self.title_label.text()

    def is_empty(self) -> bool:
        return self._empty

    def set_busy(self, busy: bool) -> None:
        """Say "Loading…" over the chart while its figures are computed."""
        self._busy = busy
        self.busy_label.setVisible(busy)
        self.empty_label.setVisible(self._empty and not busy)
        self._place_overlays()
        if busy:
            self._set_hovered(None)

    def image(self) -> QPixmap:
        """The chart as shown, without the export button."""
        # Pending layout requests (a new legend, an axis made wider) would otherwise show only
        # in the next paint, not in an image taken straight after set_data.
        QCoreApplication.sendPostedEvents()
        visible = self.tool_button.isVisibleTo(self)
        self.tool_button.hide()
        try:
            return self.grab()
        finally:
            self.tool_button.setVisible(visible)

    def export_png(self, path: str | Path) -> bool:
        """Save the chart as a PNG image of the widget's size; False if it could not be written."""
        return self.image().save(str(path), "PNG")

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.image())

    def viewport_point(self, series: int, category: int) -> QPoint | None:
        """Where the given bar, point, slice or stage is on the plot's viewport (for tests and
        for showing a tooltip programmatically)."""
        anchor = self._anchor(series, category)
        if anchor is None:
            return None
        return self.plot.mapFromScene(anchor)

    # for subclasses --------------------------------------------------------------------------

    def _hit(self, scene_pos: QPointF) -> Hit | None:
        return None

    def _describe(self, hit: Hit) -> str:
        return ""

    def _anchor(self, series: int, category: int) -> QPointF | None:
        """The scene position of a datum (the middle of a bar or slice, a point)."""
        return None

    def _highlight(self, hit: Hit | None) -> None:
        """Show which datum the mouse is on; most charts rely on the cursor and tooltip."""

    def _recolour(self) -> None:
        """Re-apply palette-derived colours to the items a subclass drew."""

    def _clear(self) -> None:
        self._set_hovered(None)
        self.plot_item.clear()
        self._texts = []

    def _add_text(self, text: str, role: str = "text", **kwargs: object) -> pg.TextItem:
        item = pg.TextItem(text, **kwargs)
        self._texts.append((item, role))
        self._colour_text(item, role)
        self.plot_item.addItem(item)
        return item

    def _set_legend(self, entries: Sequence[tuple[QColor, str]]) -> None:
        _clear(self._legend_layout)
        for colour, name in entries:
            entry = _legend_entry(colour, name, self.legend)
            self._legend_layout.addWidget(entry)
            entry.show()
        self.legend.setVisible(bool(entries) and not self._empty)

    def _show_empty(self, empty: bool) -> None:
        self._empty = empty
        self.empty_label.setVisible(empty and not self._busy)
        if empty:
            self._clear()
            self.legend.hide()
            for name in self.axes:
                self.plot_item.hideAxis(name)
        self._place_overlays()

    def _colors(self) -> dict[str, QColor]:
        palette = self.palette()
        background = palette.color(self.backgroundRole())
        text = palette.color(QPalette.ColorRole.WindowText)
        return {
            "background": background,
            "text": text,
            "muted": _mix(text, background, 0.35),
            "axis": _mix(text, background, 0.45),
        }

    def _colour_text(
        self, item: pg.TextItem, role: str, colors: dict[str, QColor] | None = None
    ) -> None:
        colors = colors or self._colors()
        if role == "label":  # a label drawn over a coloured bar: on a background-coloured pill
            fill = QColor(colors["background"])
            fill.setAlpha(215)
            item.fill = pg.mkBrush(fill)
            item.setColor(colors["text"])
        else:
            item.fill = QBrush(Qt.BrushStyle.NoBrush)
            item.setColor(colors[role])
        item.setFont(self.font())

    # palette, font, geometry -----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if "plot" in self.__dict__ and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.FontChange,
        ):
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        colors = self._colors()
        self.plot.setBackground(colors["background"])
        for axis in self.axes.values():
            axis.setPen(pg.mkPen(colors["axis"]))
            axis.setTextPen(pg.mkPen(colors["muted"]))
            axis.setTickFont(self.font())
            axis.label.setFont(self.font())
        for label in (self.empty_label, self.busy_label):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colors["muted"])
            label.setPalette(palette)
        for item, role in self._texts:
            self._colour_text(item, role, colors)
        self._recolour()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.plot:
            if event.type() == QEvent.Type.Resize:
                self._place_overlays()
            elif event.type() == QEvent.Type.Leave:
                self._set_hovered(None)
        return super().eventFilter(watched, event)

    def _place_overlays(self) -> None:
        self.empty_label.setGeometry(self.plot.rect())
        self.busy_label.adjustSize()
        width = self.busy_label.width()
        top = (self.plot.height() - self.busy_label.height()) // 2 if self._empty else 6
        self.busy_label.move((self.plot.width() - width) // 2, top)
        self.busy_label.raise_()

    # mouse -----------------------------------------------------------------------------------

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        if self._empty or self._busy:
            return
        hit = self._hit(scene_pos)
        if hit == self._hovered:
            return
        self._set_hovered(hit)
        if hit is not None:
            where = self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos))
            QToolTip.showText(where + QPoint(12, 12), self._describe(hit), self.plot)

    def _set_hovered(self, hit: Hit | None) -> None:
        if hit == self._hovered:
            return
        self._hovered = hit
        self._highlight(hit)
        if hit is None:
            self.plot.viewport().unsetCursor()
            QToolTip.hideText()
        else:
            self.plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor)

    def _mouse_clicked(self, event: object) -> None:
        if self._empty or self._busy or event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        hit = self._hit(event.scenePos())  # type: ignore[attr-defined]
        if hit is not None:
            self.drill_requested.emit(*hit)

    # export ----------------------------------------------------------------------------------

    def _export_dialog(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        name = re.sub(r'[\\/:*?"<>|\s]+', "_", self.title().strip()) or QCoreApplication.translate(
            "DashboardCharts", "chart"
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("DashboardCharts", "Export chart"),
            str(Path(folder) / f"{name}.png"),
            QCoreApplication.translate("DashboardCharts", "PNG image (*.png)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        if not self.export_png(path):
            QMessageBox.warning(
                self,
                QCoreApplication.translate("DashboardCharts", "Export chart"),
                QCoreApplication.translate(
                    "DashboardCharts", "Could not save the image to %1."
                ).replace("%1", str(path)),
            )


def _clear(layout: QLayout) -> None:
    """Empty a layout at once: deleteLater alone would leave the old rows painted in an
    image taken before the event loop runs again."""
    for widget in [layout.itemAt(i).widget() for i in range(layout.count())]:
        if widget is not None:
            widget.hide()
    clear_layout(layout)


def _legend_entry(colour: QColor, text: str, parent: QWidget) -> QWidget:
    entry = QWidget(parent)
    row = QHBoxLayout(entry)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(5)
    swatch = QLabel(entry)
    pixmap = QPixmap(10, 10)
    pixmap.fill(colour)
    swatch.setPixmap(pixmap)
    row.addWidget(swatch)
    row.addWidget(QLabel(text, entry))
    return entry


def _bar_pen() -> QPen:
    return pg.mkPen(None)


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
