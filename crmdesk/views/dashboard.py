"""The dashboard (可视化决策看板): KPI tiles, charts, the period and whose records, drill-down.

The figures are computed in the background, one part (customers, sales, service, ranking) per
task, and each tile and chart fills in as its part arrives; a newer choice of period or people
makes older answers stale (they are dropped). A click on a tile, bar, slice or funnel stage
opens the records behind it (views/dashboard_drill.py).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QMouseEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.settings import Settings
from crmdesk.services.dashboard import (
    KPI_KEYS,
    PARTS,
    Chart,
    Drill,
    Figures,
    Kpi,
    Part,
    People,
    dashboard_people,
    make_scope,
    merge,
    team_ranking,
)
from crmdesk.services.dashboard_scope import PeriodKind, Scope, period_dates
from crmdesk.views import dashboard_text as words
from crmdesk.views.dashboard_bars import BarChart
from crmdesk.views.dashboard_charts import ChartView
from crmdesk.views.dashboard_shapes import FunnelChart, PieChart, Sparkline

SETTINGS_KEY = "dashboard/"
TILE_COLUMNS = 6

PERIODS = (
    (PeriodKind.MONTH, QT_TRANSLATE_NOOP("Dashboard", "This month")),
    (PeriodKind.QUARTER, QT_TRANSLATE_NOOP("Dashboard", "This quarter")),
    (PeriodKind.YEAR, QT_TRANSLATE_NOOP("Dashboard", "This year")),
    (PeriodKind.LAST12, QT_TRANSLATE_NOOP("Dashboard", "Last 12 months")),
    (PeriodKind.CUSTOM, QT_TRANSLATE_NOOP("Dashboard", "Custom…")),
)
GOOD, BAD = QColor("#2e7d32"), QColor("#c62828")


class KpiTile(QFrame):
    """One KPI: its name (the definition as tooltip), value, change and sparkline."""

    clicked = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.kpi: Kpi | None = None
        self.setObjectName(f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(words.describe(key))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        self.name = QLabel(words.kpi_name(key), self)
        self.name.setWordWrap(True)
        self.value = QLabel("–", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel("", self)
        self.spark = Sparkline(self)
        self.spark.setFixedHeight(28)
        for w in (self.name, self.value, self.change, self.spark):
            layout.addWidget(w)

    def set_kpi(self, kpi: Kpi | None, currency: str, future: int = 0) -> None:
        """Show ``kpi``; its last ``future`` months have not begun, and the sparkline stops
        before them instead of diving to zero."""
        self.kpi = kpi
        if kpi is None:
            self.value.setText("…")
            self.change.setText("")
            self.spark.set_values([])
            return
        self.value.setText(words.fmt_value(kpi.unit, kpi.value, currency))
        text, good = words.fmt_change(kpi)
        previous = words.fmt_value(kpi.unit, kpi.previous, currency)
        self.change.setText(text)
        self.change.setToolTip(
            QCoreApplication.translate("Dashboard", "Previous period: %1").replace("%1", previous)
        )
        palette = self.change.palette()
        colour = (
            GOOD
            if good > 0
            else BAD
            if good < 0
            else self.palette().color(QPalette.ColorRole.PlaceholderText)
        )
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.change.setPalette(palette)
        spark: list[float | None] = list(kpi.spark)
        if future:
            spark[-future:] = [None] * min(future, len(spark))
        self.spark.set_values(spark)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.kpi and self.kpi.drill:
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)


class DashboardPage(QWidget):
    """The manager's screen. ``figures`` holds what has arrived for the current choice."""

    figures_shown = Signal()

    def __init__(
        self, ctx: AppContext, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or Settings()
        self.people: People | None = None
        self.scope: Scope | None = None
        self.parts: dict[str, Part] = {}
        self.figures: Figures | None = None
        self._generation = 0
        # Parts still being computed, and whether the choice changed meanwhile: a new choice
        # waits for them rather than queueing more work behind them on the shared readers.
        self._outstanding = 0
        self._again = False
        self._started = 0.0
        self._building = True

        self.period = QComboBox(self)
        for kind, text in PERIODS:
            self.period.addItem(words.tr(text), str(kind))
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._custom_changed)
        self.team = QComboBox(self)
        self.owner = QComboBox(self)
        for combo in (self.period, self.team, self.owner):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refresh_button = QPushButton(QCoreApplication.translate("Dashboard", "Refresh"), self)
        self.refresh_button.setToolTip(
            QCoreApplication.translate("Dashboard", "Compute the figures again (F5)")
        )
        self.report_button = QPushButton(
            QCoreApplication.translate("Dashboard", "Excel report…"), self
        )
        self.report_button.setToolTip(
            QCoreApplication.translate(
                "Dashboard", "A workbook with the figures of this screen and native Excel charts"
            )
        )
        self.status = QLabel("", self)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("Dashboard", "Period:"), self))
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        self.dash = QLabel("–", self)
        bar.addWidget(self.dash)
        bar.addWidget(self.date_to)
        bar.addSpacing(12)
        bar.addWidget(QLabel(QCoreApplication.translate("Dashboard", "Team:"), self))
        bar.addWidget(self.team)
        bar.addWidget(QLabel(QCoreApplication.translate("Dashboard", "Owner:"), self))
        bar.addWidget(self.owner)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.report_button)

        body = QWidget(self)
        grid = QVBoxLayout(body)
        tiles = QGridLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, KpiTile] = {}
        for i, key in enumerate(KPI_KEYS):
            tile = KpiTile(key, body)
            tile.clicked.connect(self._tile_clicked)
            self.tiles[key] = tile
            tiles.addWidget(tile, i // TILE_COLUMNS, i % TILE_COLUMNS)
        grid.addLayout(tiles)

        self.charts: dict[str, ChartView] = {
            "funnel": FunnelChart(words.chart_title("funnel"), body),
            "growth": BarChart(words.chart_title("growth"), body),
            "revenue": BarChart(words.chart_title("revenue"), body),
            "ranking": BarChart(words.chart_title("ranking"), body, orientation="h"),
            "tickets_by_category": PieChart(words.chart_title("tickets_by_category"), body),
            "customers_by_tier": PieChart(words.chart_title("customers_by_tier"), body),
            "customers_by_stage": BarChart(words.chart_title("customers_by_stage"), body),
            "channels": PieChart(words.chart_title("channels"), body),
        }
        self.ranking_metric = QComboBox(body)
        for key in ("revenue_won", "deals_won", "interactions", "tickets_solved"):
            self.ranking_metric.addItem(words.series_name(key), key)
        self.ranking_group = QComboBox(body)
        self.ranking_group.addItem(QCoreApplication.translate("Dashboard", "By rep"), "rep")
        self.ranking_group.addItem(QCoreApplication.translate("Dashboard", "By team"), "team")
        for combo in (self.ranking_metric, self.ranking_group):
            combo.currentIndexChanged.connect(self._show_ranking)
        charts = QGridLayout()
        charts.setSpacing(10)
        for i, (key, chart) in enumerate(self.charts.items()):
            chart.setToolTip(words.describe(key))
            chart.setMinimumHeight(280)
            chart.drill_requested.connect(
                lambda series, category, key=key: self._chart_clicked(key, series, category)
            )
            holder: QWidget = chart
            if key == "ranking":
                holder = QWidget(body)
                box = QVBoxLayout(holder)
                box.setContentsMargins(0, 0, 0, 0)
                choose = QHBoxLayout()
                choose.addStretch(1)
                choose.addWidget(self.ranking_metric)
                choose.addWidget(self.ranking_group)
                box.addLayout(choose)
                box.addWidget(chart, 1)
            charts.addWidget(holder, i // 2, i % 2)
        grid.addLayout(charts)
        grid.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self.period.currentIndexChanged.connect(self._period_changed)
        self.team.currentIndexChanged.connect(self._people_changed)
        self.owner.currentIndexChanged.connect(self._people_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button.clicked.connect(self.export_report)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._stale = False
        self._restore_choice()
        self.ctx.tasks.submit(lambda: dashboard_people(ctx.db), self._people_loaded)

    # the choice ------------------------------------------------------------------------------

    def _restore_choice(self) -> None:
        kind = str(self.settings.value(SETTINGS_KEY + "period", PeriodKind.MONTH))
        index = self.period.findData(kind)
        self.period.setCurrentIndex(max(index, 0))
        today = dt.date.today()
        first = _qdate(self.settings.value(SETTINGS_KEY + "from")) or QDate(
            today.year, today.month, 1
        )
        last = _qdate(self.settings.value(SETTINGS_KEY + "to")) or QDate(
            today.year, today.month, today.day
        )
        self.date_from.setDate(first)
        self.date_to.setDate(last)
        self._show_custom()

    def _people_loaded(self, people: People) -> None:
        self.people = people
        team = self.settings.value(SETTINGS_KEY + "team")
        owner = self.settings.value(SETTINGS_KEY + "owner")
        for combo, rows, saved in (
            (self.team, [(i, n) for i, n in people.teams], team),
            (self.owner, [(i, n) for i, n, _t in people.users], owner),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(QCoreApplication.translate("Dashboard", "Everyone"), None)
            for ident, name in rows:
                combo.addItem(name, ident)
            index = combo.findData(int(saved)) if str(saved or "").isdigit() else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._building = False
        self.refresh()

    def _show_custom(self) -> None:
        custom = self.period.currentData() == str(PeriodKind.CUSTOM)
        for w in (self.date_from, self.dash, self.date_to):
            w.setVisible(custom)

    def _period_changed(self) -> None:
        self._show_custom()
        self.settings.set_value(SETTINGS_KEY + "period", self.period.currentData())
        self.refresh()

    def _custom_changed(self) -> None:
        self.settings.set_value(
            SETTINGS_KEY + "from", self.date_from.date().toString(Qt.DateFormat.ISODate)
        )
        self.settings.set_value(
            SETTINGS_KEY + "to", self.date_to.date().toString(Qt.DateFormat.ISODate)
        )
        if self.period.currentData() == str(PeriodKind.CUSTOM):
            self.refresh()

    def _people_changed(self) -> None:
        sender = self.sender()
        if sender is self.owner and self.owner.currentData() is not None:
            self.team.blockSignals(True)
            self.team.setCurrentIndex(0)
            self.team.blockSignals(False)
        elif sender is self.team and self.team.currentData() is not None:
            self.owner.blockSignals(True)
            self.owner.setCurrentIndex(0)
            self.owner.blockSignals(False)
        self.settings.set_value(SETTINGS_KEY + "team", self.team.currentData() or "")
        self.settings.set_value(SETTINGS_KEY + "owner", self.owner.currentData() or "")
        self.refresh()

    def current_scope(self) -> Scope | None:
        if self.people is None:
            return None
        today = dt.datetime.now(self.people_zone()).date()
        kind = PeriodKind(self.period.currentData())
        custom = None
        if kind is PeriodKind.CUSTOM:
            custom = (self.date_from.date().toPython(), self.date_to.date().toPython())
        start, end = period_dates(kind, today, custom)  # type: ignore[arg-type]
        return make_scope(
            self.people, start, end, self.team.currentData(), self.owner.currentData()
        )

    def people_zone(self) -> dt.tzinfo:
        assert self.people is not None
        return Scope(dt.date.today(), dt.date.today(), timezone=self.people.timezone).zone

    # computing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute every part for the current choice. While an earlier computation is still
        running, the new one starts when it ends (its answers are dropped), so a manager
        clicking through periods on a large database never piles up work."""
        if self._building:
            return
        scope = self.current_scope()
        if scope is None:
            return
        if self._outstanding:
            self._again = True
            self.status.setText(QCoreApplication.translate("Dashboard", "Computing…"))
            for chart in self.charts.values():
                chart.set_busy(True)
            return
        self._outstanding = len(PARTS)
        self._generation += 1
        generation = self._generation
        self.scope = scope
        self.parts = {}
        self.figures = None
        self._started = time.perf_counter()
        self.status.setText(QCoreApplication.translate("Dashboard", "Computing…"))
        for tile in self.tiles.values():
            tile.set_kpi(None, scope.currency)
        for chart in self.charts.values():
            chart.set_busy(True)
        db = self.ctx.db
        for name, fn in PARTS.items():
            self.ctx.tasks.submit(
                lambda fn=fn: fn(db, scope),
                lambda part, name=name: self._part_arrived(generation, name, part),
                lambda exc: self._part_failed(generation, exc),
            )

    def _settled(self) -> bool:
        """One part is done; True when its answer is stale (a newer choice is waiting, and
        starts once nothing is left running)."""
        self._outstanding = max(self._outstanding - 1, 0)
        if not self._again:
            return False
        if self._outstanding == 0:
            self._again = False
            self.refresh()
        return True

    def _part_failed(self, generation: int, exc: BaseException) -> None:
        if self._settled():
            return
        if generation == self._generation:
            self.status.setText(
                QCoreApplication.translate("Dashboard", "Some figures could not be computed.")
            )
            self.ctx.tasks.default_error_handler(exc)

    def _part_arrived(self, generation: int, name: str, part: Part) -> None:
        if self._settled() or generation != self._generation or self.scope is None:
            return
        self.parts[name] = part
        self.figures = merge(self.scope, list(self.parts.values()))
        for kpi in part.kpis:
            if kpi.key in self.tiles:
                self.tiles[kpi.key].set_kpi(kpi, self.scope.currency, self._future_months())
        for chart in part.charts:
            self._show_chart(chart)
        if len(self.parts) == len(PARTS):
            seconds = time.perf_counter() - self._started
            self.status.setText(
                QCoreApplication.translate("Dashboard", "%1 – %2 · computed in %3 s")
                .replace("%1", _day(self.scope.start))
                .replace("%2", _day(self.scope.end - dt.timedelta(days=1)))
                .replace("%3", f"{seconds:.1f}")
            )
            self.figures_shown.emit()

    def _future_months(self) -> int:
        """How many of the months the sparklines show start after today (office time)."""
        if self.scope is None or self.people is None:
            return 0
        today = dt.datetime.now(self.people_zone()).date()
        return sum(1 for month in self.scope.months() if month > today)

    def _show_chart(self, chart: Chart) -> None:
        view = self.charts.get(chart.key)
        if view is None:
            return
        view.set_busy(False)
        if chart.key == "ranking":
            self._show_ranking()
            return
        labels = [
            words.category_label(chart.key, c, n)
            for c, n in zip(chart.categories, chart.names, strict=True)
        ]
        currency = self.scope.currency if self.scope else "CNY"
        series = [(words.series_name(s.key), list(s.values)) for s in chart.series]
        unit = chart.series[0].unit if chart.series else "count"
        if chart.key == "growth":
            view.set_data(
                labels,
                series[:2],
                self._formatter(unit, currency),
                QCoreApplication.translate("Dashboard", "customers"),
            )
            view.set_line(series[2][0], series[2][1])  # type: ignore[attr-defined]
        elif chart.key == "funnel":
            conversion = list(chart.extra.get("conversion", ()))  # type: ignore[call-overload]
            view.set_data(labels, series[0][1], conversion, self._formatter(unit, currency))  # type: ignore[call-arg]
        else:
            view.set_data(
                labels, series, self._formatter(unit, currency), _unit_name(unit, currency)
            )

    def _show_ranking(self) -> None:
        chart = self.figures.charts.get("ranking") if self.figures else None
        view = self.charts["ranking"]
        if chart is None:
            return
        if self.ranking_group.currentData() == "team" and self.people is not None:
            chart = team_ranking(chart, dict(self.people.teams))
        self._ranking_shown = chart
        index = max(self.ranking_metric.currentIndex(), 0)
        series = chart.series[index]
        labels = [n or QCoreApplication.translate("Dashboard", "(no team)") for n in chart.names]
        currency = self.scope.currency if self.scope else "CNY"
        view.set_data(
            labels,
            [(words.series_name(series.key), list(series.values))],
            self._formatter(series.unit, currency),
            _unit_name(series.unit, currency),
        )

    @staticmethod
    def _formatter(unit: str, currency: str) -> Any:  # noqa: ANN401
        return lambda value: words.fmt_value(unit, value, currency)

    # drill-down ------------------------------------------------------------------------------

    def _tile_clicked(self, key: str) -> None:
        kpi = self.tiles[key].kpi
        if kpi is not None and kpi.drill is not None:
            self.open_drill(kpi.drill, words.kpi_name(key))

    def _chart_clicked(self, key: str, series_index: int, category: int) -> None:
        if key == "ranking":
            chart = getattr(self, "_ranking_shown", None)
            series_index = max(self.ranking_metric.currentIndex(), 0)
        else:
            chart = self.figures.charts.get(key) if self.figures else None
        if chart is None or not (0 <= series_index < len(chart.series)):
            return
        series = chart.series[series_index]
        if not (0 <= category < len(series.drills)) or series.drills[category] is None:
            return
        name = chart.names[category] if chart.names[category] else None
        what = words.category_label(key, chart.categories[category], name)
        if key == "ranking" and not name:
            what = QCoreApplication.translate("Dashboard", "(no team)")
        title = f"{words.chart_title(key)} · {words.series_name(series.key)} · {what}"
        # A month's bar names its month; other figures are for the whole period.
        monthly = key in ("growth", "revenue")
        self.open_drill(series.drills[category], title, with_period=not monthly)  # type: ignore[arg-type]

    def open_drill(self, drill: Drill, title: str, with_period: bool = True) -> QWidget:
        from crmdesk.views.dashboard_drill import DrillWindow

        period = ""
        if self.scope is not None and with_period:
            period = f" ({_day(self.scope.start)} – {_day(self.scope.end - dt.timedelta(days=1))})"
        window = DrillWindow(self.ctx, drill, title + period, self.window())
        window.show()
        return window

    # the Excel report ------------------------------------------------------------------------

    def export_report(self) -> None:
        if self.scope is None:
            return
        from crmdesk.views.dashboard_report import export_report

        suggested = (
            QCoreApplication.translate("Dashboard", "report")
            + f"-{self.scope.start:%Y%m%d}-{self.scope.end - dt.timedelta(days=1):%Y%m%d}.xlsx"
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Dashboard", "Save the Excel report"),
            suggested,
            QCoreApplication.translate("Dashboard", "Excel workbook (*.xlsx)"),
        )
        if path:
            export_report(self, self.ctx, self.scope, path, self.figures)

    # changes elsewhere -----------------------------------------------------------------------

    def _on_data_changed(self, _changes: object, _source: object) -> None:
        # Recomputed when next shown, not on every keystroke of a colleague's edit.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: ANN401, N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()


def _qdate(value: object) -> QDate | None:
    if not value:
        return None
    date = QDate.fromString(str(value), Qt.DateFormat.ISODate)
    return date if date.isValid() else None


def _day(value: dt.date) -> str:
    from crmdesk.qt.simple_models import fmt_date

    return fmt_date(value)


def _unit_name(unit: str, currency: str) -> str:
    if unit == "money":
        return currency
    if unit == "ratio":
        return "%"
    return QCoreApplication.translate("Dashboard", "count")
