"""The manager report: the dashboard's figures as a print-ready Excel workbook. No Qt.

A "Summary" sheet with every KPI (this period, the previous one, the change, the unit and its
definition), then one sheet per topic, each a table with a native Excel chart drawn from that
table's cells, so what the chart shows is what the table says and a manager can re-chart it.

Numbers are written as numbers with a number format, never as text: ratios as percentages,
money with two decimals and the currency code, times (stored in seconds of working time) as
minutes. Changes follow :attr:`Kpi.change`: counts and money relative (a percentage), ratios as
the difference in percentage points (the cell holds the points: 0.05 → 5 "pp"), scores, NPS
and minutes as the difference.

Every sheet is ready to print: landscape, one page wide, the table's header repeated on every
page, the header frozen on screen. Names from the database (users, teams, deal stages) go in as
text that Excel never runs as a formula (``cells.FORMULA_STARTS``, as the customer export).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from crmdesk.models import Team, User
from crmdesk.services.core import Database
from crmdesk.services.dashboard import KPI_KEYS, Chart, Figures, Kpi, compute
from crmdesk.services.dashboard_scope import Scope
from crmdesk.services.exporting.cells import FORMULA_STARTS, clean_text, display_width
from crmdesk.services.exporting.files import _check_target, _save_atomically
from crmdesk.services.exporting.report_words import SHEET_KEYS, report_words
from crmdesk.services.exporting.words import DATE_FORMAT, DATETIME_FORMAT
from crmdesk.services.pipeline_board import DEFAULT_STAGES

# Where the table starts on a topic sheet: title, the period line, the definition, the header.
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
# The ranking's chart shows this many reps (the table has them all).
RANKING_CHART_ROWS = 15
CHART_WIDTH, CHART_HEIGHT = 16.0, 8.5  # cm
_HEADER_FILL = "FFE8EEF4"
_DEFAULT_STAGE_NAMES = {key: name for key, name, *_ in DEFAULT_STAGES}


class Token(Protocol):
    """What a cancellable task passes (crmdesk.qt.tasks.CancelToken, duck-typed)."""

    def progress(self, done: int, total: int, text: str = "") -> None: ...

    def check(self) -> None: ...


@dataclass(frozen=True)
class ReportResult:
    path: Path
    sheets: tuple[str, ...]
    charts: int


def write_report(
    db: Database,
    scope: Scope,
    path: Path | str,
    lang: str = "zh_CN",
    token: Token | None = None,
    *,
    figures: Figures | None = None,
) -> ReportResult:
    """Write the manager report of ``scope`` to the .xlsx file ``path`` in ``lang``.

    ``figures`` are the dashboard's figures when the screen already has them (so the file holds
    exactly the numbers shown); otherwise they are computed. ``token.progress`` is called once
    per sheet; an exception it (or ``token.check``) raises stops the report and leaves no file.
    The workbook is written beside ``path`` under a temporary name and renamed at the end.
    """
    path = _check_target(Path(path))
    if figures is not None and figures.scope != scope:
        raise ValueError("the figures were computed for another scope")
    total = len(SHEET_KEYS) + 2
    w = report_words(lang)
    if token is not None:
        token.progress(0, total, "")
    if figures is None:
        figures = compute(db, scope)
    report = _Report(db, figures, w)
    builders = {
        "summary": report.summary,
        "funnel": report.funnel,
        "growth": report.growth,
        "revenue": report.revenue,
        "ranking": report.ranking,
        "service": report.service,
        "customers": report.customers,
    }
    try:
        for done, key in enumerate(SHEET_KEYS, 1):
            if token is not None:
                token.progress(done, total, w["progress"].format(sheet=w["sheets"][key]))
            builders[key]()
        if token is not None:
            token.progress(total - 1, total, "")
        _save_atomically(report.wb, path)
    finally:
        report.wb.close()
    if token is not None:
        token.progress(total, total, "")
    return ReportResult(path, tuple(ws.title for ws in report.wb.worksheets), report.charts)


# ---------------------------------------------------------------------------------------------
# One sheet


def _cm(width: float) -> float:
    """An Excel column width (characters) in centimetres, as Excel draws it at 96 dpi."""
    return (width * 7 + 5) * 2.54 / 96


def _number_width(value: float, fmt: str | None) -> int:
    text = f"{value * 100:,.1f}%" if fmt and "%" in fmt else f"{value:,.2f}"
    literal = "".join(re.findall(r'"([^"]*)"', fmt.split(";")[0])) if fmt else ""
    return len(text) + 1 + display_width(literal)


class _Sheet:
    """A worksheet with the cells written through :meth:`put`, which keeps database text from
    ever being a formula and measures every column for its width."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.widths: dict[int, float] = {}
        self.fixed: dict[int, float] = {}
        # (row, text) of wrapped notes merged across every column the sheet uses.
        self.notes: list[tuple[int, str]] = []
        # (chart, row, first column, offset in cm from that column)
        self.charts: list[tuple[Any, int, int, float]] = []
        self.last_col = 1

    def put(
        self,
        row: int,
        col: int,
        value: Any,
        fmt: str | None = None,
        *,
        bold: bool = False,
        measure: bool = True,
    ) -> Any:
        from openpyxl.styles import Font

        cell = self.ws.cell(row=row, column=col)
        width = 0
        if isinstance(value, str):
            text = clean_text(value)
            cell.value = text
            if text.startswith(FORMULA_STARTS):
                # openpyxl reads "=…" as a formula: bind it as text, with Excel's quote prefix
                # so editing the cell does not turn it into one either.
                cell.data_type = "s"
                cell.quotePrefix = True
            width = max(display_width(line) for line in text.split("\n"))
        elif value is not None:
            cell.value = value
            width = 17 if fmt in (DATE_FORMAT, DATETIME_FORMAT) else _number_width(value, fmt)
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = Font(bold=True)
        if measure:
            self.widths[col] = max(self.widths.get(col, 0), width)
            self.last_col = max(self.last_col, col)
        return cell

    def header(self, row: int, col: int, texts: Sequence[str]) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        for n, text in enumerate(texts):
            cell = self.put(row, col + n, text)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            cell.border = Border(bottom=Side(style="thin"))

    def title(self, text: str, line: str | None, note: str | None) -> None:
        from openpyxl.styles import Font

        self.put(1, 1, text, measure=False).font = Font(bold=True, size=14)
        if line:
            self.put(2, 1, line, measure=False).font = Font(color="FF555555")
        if note:
            self.notes.append((3, note))

    def chart(self, chart: Any, row: int, col: int, offset_cm: float = 0.0) -> None:
        self.charts.append((chart, row, col, offset_cm))

    def finish(self, header_row: int, title: str) -> None:
        """Column widths, notes, charts and the page setup, once every cell is written."""
        from openpyxl.styles import Alignment
        from openpyxl.utils import get_column_letter

        ws = self.ws
        widths = {c: float(min(max(v, 6) + 2, 50)) for c, v in self.widths.items()} | self.fixed
        for col, width in widths.items():
            ws.column_dimensions[get_column_letter(col)].width = width

        def width_of(col: int) -> float:
            return widths.get(col, 8.43)

        # Charts at a distance from their column; the notes span the charts too.
        right = sum(_cm(width_of(c)) for c in range(1, self.last_col + 1))
        for chart, row, col, offset in self.charts:
            while offset > 0.01:  # the first column starting at or after the offset
                offset -= _cm(width_of(col))
                col += 1
            ws.add_chart(chart, f"{get_column_letter(col)}{row}")
            start = sum(_cm(width_of(c)) for c in range(1, col))
            right = max(right, start + offset + chart.width)
        last, span = 1, _cm(width_of(1))
        while span < right - 0.5:
            last += 1
            span += _cm(width_of(last))
        chars = sum(width_of(c) for c in range(1, last + 1))
        for row, text in self.notes:
            cell = self.put(row, 1, text, measure=False)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if last > 1:
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
            lines = sum(
                math.ceil(display_width(p) / max(chars * 1.1, 1)) or 1 for p in text.split("\n")
            )
            ws.row_dimensions[row].height = 15 * lines + 3

        ws.freeze_panes = f"A{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.oddHeader.center.text = title.replace("&", "&&")
        ws.oddFooter.center.text = "&P / &N"


# ---------------------------------------------------------------------------------------------
# The workbook


class _Report:
    def __init__(self, db: Database, figures: Figures, w: dict[str, Any]) -> None:
        from openpyxl import Workbook

        self.db, self.f, self.w = db, figures, w
        self.scope = figures.scope
        self.wb = Workbook()
        self.charts = 0
        self.currency = re.sub(r"[^A-Za-z]", "", self.scope.currency)[:3]
        self.who, self.team_names = self._names()
        first, last = self._dates(self.scope)
        self.line = w["info"]["line"].format(first=first, last=last, who=self.who)

    # --- helpers ---------------------------------------------------------------------------
    def _names(self) -> tuple[str, dict[int, str]]:
        ranking = self.f.charts.get("ranking")
        ids = {t for t in (ranking.extra.get("teams", ()) if ranking else ()) if t is not None}
        if self.scope.team_id is not None:
            ids.add(self.scope.team_id)
        with self.db.read() as s:
            teams = dict(s.execute(select(Team.id, Team.name).where(Team.id.in_(ids))).all())
            owner = None
            if self.scope.owner_id is not None:
                owner = s.scalar(select(User.display_name).where(User.id == self.scope.owner_id))
        info = self.w["info"]
        if self.scope.owner_id is not None:
            who = info["owner"].format(name=owner or f"#{self.scope.owner_id}")
        elif self.scope.team_id is not None:
            who = info["team"].format(name=teams.get(self.scope.team_id, f"#{self.scope.team_id}"))
        else:
            who = info["everyone"]
        return who, teams  # type: ignore[return-value]

    @staticmethod
    def _dates(scope: Scope) -> tuple[str, str]:
        return scope.start.isoformat(), (scope.end - dt.timedelta(days=1)).isoformat()

    def _sheet(self, key: str) -> _Sheet:
        title = self.w["sheets"][key]
        if key == SHEET_KEYS[0]:
            ws = self.wb.active
            ws.title = title
        else:
            ws = self.wb.create_sheet(title)
        return _Sheet(ws)

    def fmt(self, unit: str) -> str:
        return {
            "count": "#,##0",
            "money": f'#,##0.00" {self.currency}"' if self.currency else "#,##0.00",
            "ratio": "0.0%",
            "score": "0.00",
            "nps": "0.0",
            "seconds": f'0.0"{self.w["minutes"]}"',
        }.get(unit, "General")

    def change_fmt(self, unit: str) -> str:
        def signed(body: str) -> str:
            return f"+{body};-{body};{body}"

        if unit in ("count", "money"):
            return signed("0.0%")
        return {
            "ratio": signed(f'0.0"{self.w["points"]}"'),
            "score": signed("0.00"),
            "nps": signed("0.0"),
            "seconds": signed(f'0.0"{self.w["minutes"]}"'),
        }.get(unit, "General")

    @staticmethod
    def shown(unit: str, value: float | None) -> float | None:
        """A figure as the report shows it: seconds as minutes."""
        if value is None:
            return None
        return value / 60 if unit == "seconds" else value

    @staticmethod
    def shown_change(kpi: Kpi) -> float | None:
        """:attr:`Kpi.change` as the report shows it: ratios in points, seconds as minutes."""
        change = kpi.change
        if change is None:
            return None
        if kpi.unit == "ratio":
            return change * 100
        return change / 60 if kpi.unit == "seconds" else change

    def label(self, table: str, code: str, none: str = "") -> str:
        if code == "":
            return self.w.get(none, "") if none else ""
        return self.w[table].get(code, code)

    def chart_names(self, chart: Chart) -> list[str]:
        """The chart's categories as shown: deal stages built in (and not renamed) in the
        report's language, an office's own stages and people by their stored name."""
        out = []
        for code, name in zip(chart.categories, chart.names, strict=True):
            if chart.key == "funnel" and code in self.w["deal_stage"]:
                if not name or name == _DEFAULT_STAGE_NAMES.get(code):
                    name = self.w["deal_stage"][code]
            out.append(name or code)
        return out

    def kpi_rows(self, sh: _Sheet, row: int, keys: Sequence[str], definitions: bool) -> int:
        """One row per KPI from ``row`` on; returns the row after the last."""
        from openpyxl.styles import Alignment

        for key in keys:
            kpi = self.f.kpis.get(key)
            if kpi is None:
                continue
            sh.put(row, 1, self.w["kpi"][key])
            for col, value in ((2, kpi.value), (3, kpi.previous)):
                sh.put(row, col, self.shown(kpi.unit, value), self.fmt(kpi.unit))
            sh.put(row, 4, self.shown_change(kpi), self.change_fmt(kpi.unit))
            unit = self.currency if kpi.unit == "money" else self.w["units"].get(kpi.unit, "")
            sh.put(row, 5, unit)
            if definitions:
                text = self.w["definitions"].get(key, "")
                cell = sh.put(row, 6, text, measure=False)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                lines = math.ceil(display_width(text) / (sh.fixed[6] * 1.1)) or 1
                sh.ws.row_dimensions[row].height = 15 * lines + 3
                for col in range(1, 6):
                    sh.ws.cell(row=row, column=col).alignment = Alignment(vertical="top")
            row += 1
        return row

    def new_chart(self, kind: str, title: str, x: str | None = None, y: str | None = None) -> Any:
        from openpyxl.chart import BarChart, LineChart, PieChart

        self.charts += 1
        chart: Any
        if kind == "pie":
            chart = PieChart()
        elif kind == "line":
            chart = LineChart()
        else:
            chart = BarChart()
            chart.type = "bar" if kind == "hbar" else "col"
        chart.title = title
        chart.width, chart.height = CHART_WIDTH, CHART_HEIGHT
        if kind != "pie":
            chart.x_axis.title, chart.y_axis.title = x, y
            # openpyxl 3.1 writes axes as deleted unless told otherwise.
            chart.x_axis.delete = chart.y_axis.delete = False
            if kind == "hbar":
                chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top
        return chart

    def data(self, chart: Any, sh: _Sheet, cols: tuple[int, int], cat: int, last: int) -> None:
        """Series from the columns ``cols`` (header row as their names), categories from the
        column ``cat``, rows FIRST_ROW..``last``."""
        from openpyxl.chart import Reference

        ws = sh.ws
        chart.add_data(
            Reference(ws, min_col=cols[0], max_col=cols[1], min_row=HEADER_ROW, max_row=last),
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=cat, min_row=FIRST_ROW, max_row=last))

    def no_data(self, sh: _Sheet, col: int = 1) -> None:
        sh.put(FIRST_ROW, col, self.w["notes"]["no_data"])

    # --- the sheets ------------------------------------------------------------------------
    def summary(self) -> None:
        from openpyxl.styles import Alignment, Font

        w, info = self.w, self.w["info"]
        sh = self._sheet("summary")
        sh.put(1, 1, w["title"], measure=False).font = Font(bold=True, size=16)
        first, last = self._dates(self.scope)
        p_first, p_last = self._dates(self.scope.previous())
        generated = self.db.now().astimezone(self.scope.zone).replace(tzinfo=None, microsecond=0)
        rows: list[tuple[str, Any, str | None]] = [
            (info["period"], f"{first} – {last}", None),
            (info["previous"], f"{p_first} – {p_last}", None),
            (info["who"], self.who, None),
            (info["currency"], self.currency, None),
            (info["generated"], generated, DATETIME_FORMAT),
        ]
        for n, (name, value, fmt) in enumerate(rows, 2):
            sh.put(n, 1, name, bold=True)
            cell = sh.put(n, 2, value, fmt, measure=False)
            if isinstance(value, dt.datetime):
                cell.alignment = Alignment(horizontal="left")
        header = 8
        h = w["headers"]
        sh.fixed[6] = 70.0
        sh.header(header, 1, [h["indicator"], h["value"], h["previous"], h["change"], h["unit"],
                              h["definition"]])  # fmt: skip
        row = self.kpi_rows(sh, header + 1, KPI_KEYS, definitions=True)
        sh.notes.append((row + 1, w["notes"]["change"]))
        sh.finish(header, w["title"])

    def funnel(self) -> None:
        w, h = self.w, self.w["headers"]
        sh = self._sheet("funnel")
        sh.title(w["titles"]["funnel"], self.line, w["definitions"]["funnel"])
        sh.header(HEADER_ROW, 1, [h["stage"], h["deals"], h["conversion"]])
        ch = self.f.charts.get("funnel")
        names = self.chart_names(ch) if ch else []
        if not names or ch is None:
            self.no_data(sh)
        else:
            conversion = ch.extra.get("conversion", (None,) * len(names))
            for i, name in enumerate(names):
                r = FIRST_ROW + i
                sh.put(r, 1, name)
                sh.put(r, 2, ch.series[0].values[i], self.fmt("count"))
                sh.put(r, 3, conversion[i], "0.0%")  # type: ignore[index]
            last = FIRST_ROW + len(names) - 1
            # Lost deals have no stage of the funnel: shown apart, not charted.
            sh.put(last + 2, 1, w["notes"]["lost"])
            sh.put(last + 2, 2, ch.extra.get("lost", 0), self.fmt("count"))
            chart = self.new_chart(
                "hbar", w["charts"]["funnel"], w["axes"]["stage"], w["axes"]["deals"]
            )
            self.data(chart, sh, (2, 2), 1, last)
            chart.legend = None
            sh.chart(chart, HEADER_ROW, 5)
        sh.finish(HEADER_ROW, w["titles"]["funnel"])

    def _months_note(self, key: str) -> str:
        text = self.w["definitions"][key]
        months = self.scope.months()
        if months[0] < self.scope.start.replace(day=1):
            text += "\n" + self.w["notes"]["months"]
        return text

    def growth(self) -> None:
        w, h = self.w, self.w["headers"]
        sh = self._sheet("growth")
        sh.title(w["titles"]["growth"], self.line, self._months_note("growth"))
        sh.header(HEADER_ROW, 1, [h["month"], h["new"], h["churned"], h["total"]])
        ch = self.f.charts.get("growth")
        if ch is None or not ch.categories:
            self.no_data(sh)
        else:
            for i, month in enumerate(ch.categories):
                sh.put(FIRST_ROW + i, 1, month)
                for n, series in enumerate(ch.series[:3]):
                    sh.put(FIRST_ROW + i, 2 + n, series.values[i], self.fmt("count"))
            last = FIRST_ROW + len(ch.categories) - 1
            a = w["axes"]
            bars = self.new_chart("col", w["charts"]["growth"], a["month"], a["customers"])
            self.data(bars, sh, (2, 3), 1, last)
            line = self.new_chart("line", "", None, a["total"])
            self.charts -= 1  # drawn in the same chart
            line.title = None
            self.data(line, sh, (4, 4), 1, last)
            line.y_axis.axId = 200
            line.y_axis.crosses = "max"
            line.y_axis.majorGridlines = None
            bars += line
            bars.legend.position = "b"
            sh.chart(bars, HEADER_ROW, 6)
        sh.finish(HEADER_ROW, w["titles"]["growth"])

    def revenue(self) -> None:
        w, cur = self.w, self.currency
        sh = self._sheet("revenue")
        sh.title(w["titles"]["revenue"], self.line, self._months_note("revenue"))
        sh.header(
            HEADER_ROW, 1, [w["headers"]["month"], w["headers"]["revenue"].format(currency=cur)]
        )
        ch = self.f.charts.get("revenue")
        if ch is None or not ch.categories:
            self.no_data(sh)
        else:
            for i, month in enumerate(ch.categories):
                sh.put(FIRST_ROW + i, 1, month)
                sh.put(FIRST_ROW + i, 2, ch.series[0].values[i], self.fmt("money"))
            last = FIRST_ROW + len(ch.categories) - 1
            a = w["axes"]
            chart = self.new_chart("col", w["charts"]["revenue"].format(currency=cur), a["month"],
                                   a["money"].format(currency=cur))  # fmt: skip
            self.data(chart, sh, (2, 2), 1, last)
            chart.y_axis.numFmt = "#,##0"
            chart.legend = None
            sh.chart(chart, HEADER_ROW, 4)
        sh.finish(HEADER_ROW, w["titles"]["revenue"])

    def ranking(self) -> None:
        w, h, cur = self.w, self.w["headers"], self.currency
        sh = self._sheet("ranking")
        ch = self.f.charts.get("ranking")
        rows = len(ch.categories) if ch else 0
        note = w["definitions"]["ranking"]
        if rows > RANKING_CHART_ROWS:
            note += "\n" + w["notes"]["ranking_chart"].format(n=RANKING_CHART_ROWS)
        sh.title(w["titles"]["ranking"], self.line, note)
        sh.header(HEADER_ROW, 1, [h["rank"], h["rep"], h["team"], h["revenue_won"].format(currency=cur),
                                  h["deals_won"], h["interactions"], h["tickets_solved"]])  # fmt: skip
        if ch is None or not rows:
            self.no_data(sh, 2)
        else:
            teams = ch.extra.get("teams", (None,) * rows)
            for i, name in enumerate(self.chart_names(ch)):
                r = FIRST_ROW + i
                sh.put(r, 1, i + 1)
                sh.put(r, 2, name)
                team = teams[i]  # type: ignore[index]
                sh.put(r, 3, self.team_names.get(team, "") if team is not None else "")
                for n, series in enumerate(ch.series[:4]):
                    sh.put(r, 4 + n, series.values[i], self.fmt(series.unit))
            last = FIRST_ROW + min(rows, RANKING_CHART_ROWS) - 1
            chart = self.new_chart("hbar", w["charts"]["ranking"].format(currency=cur), w["axes"]["rep"],
                                   w["axes"]["money"].format(currency=cur))  # fmt: skip
            self.data(chart, sh, (4, 4), 2, last)
            chart.y_axis.numFmt = "#,##0"
            chart.legend = None
            sh.chart(chart, HEADER_ROW, 9)
        sh.finish(HEADER_ROW, w["titles"]["ranking"])

    def service(self) -> None:
        w, h = self.w, self.w["headers"]
        sh = self._sheet("service")
        note = w["definitions"]["tickets_by_category"] + "\n" + w["notes"]["change"]
        sh.title(w["titles"]["service"], self.line, note)
        sh.header(HEADER_ROW, 1, [h["category"], h["tickets"]])
        ch = self.f.charts.get("tickets_by_category")
        cats = ch.categories if ch else ()
        for i, code in enumerate(cats):
            sh.put(FIRST_ROW + i, 1, self.label("ticket_category", code))
            sh.put(FIRST_ROW + i, 2, ch.series[0].values[i], self.fmt("count"))  # type: ignore[union-attr]
        if not cats:
            self.no_data(sh)
        last = FIRST_ROW + max(len(cats), 1) - 1
        kpi_header = last + 2
        sh.header(
            kpi_header, 1, [h["indicator"], h["value"], h["previous"], h["change"], h["unit"]]
        )
        self.kpi_rows(
            sh, kpi_header + 1, ("csat", "nps", "first_response", "resolution_rate"), False
        )
        if cats and any(ch.series[0].values):  # type: ignore[union-attr]
            chart = self.new_chart("pie", w["charts"]["tickets"])
            self.data(chart, sh, (2, 2), 1, FIRST_ROW + len(cats) - 1)
            _pie_labels(chart)
            sh.chart(chart, HEADER_ROW, 7)
        sh.finish(HEADER_ROW, w["titles"]["service"])

    def customers(self) -> None:
        w, h, a = self.w, self.w["headers"], self.w["axes"]
        sh = self._sheet("customers")
        d = w["definitions"]
        note = "\n".join((d["customers_by_tier"], d["customers_by_stage"], d["channels"]))
        sh.title(w["titles"]["customers"], self.line, note)
        tables = (  # chart key, first column, label table, label of "", header, chart, axis
            ("customers_by_tier", 1, "tier", "no_tier", h["tier"], h["customers"], "pie", "tier"),
            ("customers_by_stage", 4, "stage", "", h["customer_stage"], h["customers"], "col",
             "customer_stage"),
            ("channels", 7, "channel", "no_channel", h["channel"], h["new_customers"], "col",
             "channel"),
        )  # fmt: skip
        longest = max((len(self.f.charts[k].categories) for k, *_ in tables if k in self.f.charts),
                      default=0)  # fmt: skip
        chart_row = FIRST_ROW + max(longest, 1) + 1
        placed = 0
        for key, col, table, none, head, count_head, kind, axis in tables:
            sh.header(HEADER_ROW, col, [head, count_head])
            ch = self.f.charts.get(key)
            cats = ch.categories if ch else ()
            for i, code in enumerate(cats):
                sh.put(FIRST_ROW + i, col, self.label(table, code, none))
                sh.put(FIRST_ROW + i, col + 1, ch.series[0].values[i], self.fmt("count"))  # type: ignore[union-attr]
            if not cats:
                self.no_data(sh, col)
            if not cats or (kind == "pie" and not any(ch.series[0].values)):  # type: ignore[union-attr]
                continue
            chart = self.new_chart(kind, w["charts"][axis], a[axis], a["customers"])
            self.data(chart, sh, (col + 1, col + 1), col, FIRST_ROW + len(cats) - 1)
            if kind == "pie":
                _pie_labels(chart)
            else:
                chart.legend = None
            chart.width = 12.0
            sh.chart(chart, chart_row, 1, placed * 12.5)
            placed += 1
        sh.finish(HEADER_ROW, w["titles"]["customers"])


def _pie_labels(chart: Any) -> None:
    from openpyxl.chart.label import DataLabelList

    chart.dataLabels = DataLabelList()
    chart.dataLabels.showPercent = True
    chart.dataLabels.showVal = False
    chart.legend.position = "r"
