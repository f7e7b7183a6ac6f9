"""The dashboard's charts: what they share (ChartView, the palette, axes, export, hover and
drill-down). The charts themselves: grouped or ranked bars and lines in dashboard_bars, the donut,
the sales funnel and the KPI tile's sparkline in dashboard_shapes.

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
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QMessageBox,
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
