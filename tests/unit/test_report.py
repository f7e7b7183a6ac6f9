"""The manager report (services/exporting/report.py), read back as a user's Excel would."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmdesk.models import Customer, Deal, DealStageDef, Interaction, Team, Ticket, User
from crmdesk.services import Database
from crmdesk.services import dashboard as dash
from crmdesk.services.dashboard_scope import Scope, period_dates
from crmdesk.services.demo import generate_demo
from crmdesk.services.exporting.cells import FORMULA_STARTS, display_width
from crmdesk.services.exporting.report import (
    FIRST_ROW,
    HEADER_ROW,
    RANKING_CHART_ROWS,
    ReportResult,
    write_report,
)
from crmdesk.services.exporting.report_words import EN, SHEET_KEYS, ZH_CN, report_words
from crmdesk.services.pipeline_board import ensure_stage_rows

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2025, 11, 20, 2, 0, tzinfo=dt.UTC)
SUMMARY_HEADER = 8
RANKING_KPIS = ("csat", "nps", "first_response", "resolution_rate")


@pytest.fixture
def demo(database: Database) -> tuple[Database, Scope, dash.Figures]:
    """Thirty demo customers with two years of history up to NOW; the report of 2025."""
    database._clock = lambda: NOW
    with database.write() as s:
        # The migration writes the stages; the PostgreSQL fixture empties every table.
        ensure_stage_rows(s)
    generate_demo(database, "zh_CN", 30, seed=3)
    start, end = period_dates("year", NOW.date())
    scope = Scope(start, end)
    return database, scope, dash.compute(database, scope)


def _sheet_titles(lang: str) -> dict[str, str]:
    return report_words(lang)["sheets"]


_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$")


def _ref(f: str) -> tuple[str, str]:
    """'Sheet'!$B$5:$B$9 → ("Sheet", "B5:B9")."""
    m = _REF.match(f)
    assert m, f
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    first = f"{m.group(3)}{m.group(4)}"
    last = f"{m.group(5)}{m.group(6)}" if m.group(5) else first
    return sheet, f"{first}:{last}"


def _series_refs(ws) -> list[list[tuple[str, str, str]]]:  # noqa: ANN001
    """Per chart on ``ws``: (values range, categories range, name cell) of every series, the
    parts of a combined chart included; every reference must be on ``ws`` itself."""
    out = []
    for chart in ws._charts:
        refs = []
        for part in chart._charts:
            for s in part.series:
                val_sheet, val = _ref(s.val.numRef.f)
                cat_ref = s.cat.numRef or s.cat.strRef
                cat_sheet, cat = _ref(cat_ref.f)
                name_sheet, name = _ref(s.tx.strRef.f)
                assert val_sheet == cat_sheet == name_sheet == ws.title, (ws.title, s.val.numRef.f)
                refs.append((val, cat, name.split(":")[0]))
        out.append(refs)
    return out


def _col(letter: str, first: int, last: int) -> str:
    return f"{letter}{first}:{letter}{last}"


# ---------------------------------------------------------------------------------------------
# Sheets, charts and their references


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_chart_draws_its_own_table(demo, tmp_path, lang):
    db, scope, figures = demo
    out = tmp_path / "report.xlsx"
    result = write_report(db, scope, out, lang, figures=figures)
    titles = _sheet_titles(lang)
    assert result == ReportResult(out, tuple(titles[k] for k in SHEET_KEYS), 9 - 1)
    wb = load_workbook(out)
    assert wb.sheetnames == [titles[k] for k in SHEET_KEYS]
    c = figures.charts
    n = {k: len(ch.categories) for k, ch in c.items()}

    def last(key: str, cap: int | None = None) -> int:
        return FIRST_ROW + min(n[key], cap or n[key]) - 1

    h = HEADER_ROW
    expected = {
        "summary": [],
        "funnel": [[(_col("B", FIRST_ROW, last("funnel")), _col("A", FIRST_ROW, last("funnel")), f"B{h}")]],
        "growth": [[
            (_col("B", FIRST_ROW, last("growth")), _col("A", FIRST_ROW, last("growth")), f"B{h}"),
            (_col("C", FIRST_ROW, last("growth")), _col("A", FIRST_ROW, last("growth")), f"C{h}"),
            (_col("D", FIRST_ROW, last("growth")), _col("A", FIRST_ROW, last("growth")), f"D{h}"),
        ]],
        "revenue": [[(_col("B", FIRST_ROW, last("revenue")), _col("A", FIRST_ROW, last("revenue")), f"B{h}")]],
        "ranking": [[(
            _col("D", FIRST_ROW, last("ranking", RANKING_CHART_ROWS)),
            _col("B", FIRST_ROW, last("ranking", RANKING_CHART_ROWS)),
            f"D{h}",
        )]],
        "service": [[(
            _col("B", FIRST_ROW, last("tickets_by_category")),
            _col("A", FIRST_ROW, last("tickets_by_category")),
            f"B{h}",
        )]],
        "customers": [
            [(_col(v, FIRST_ROW, last(k)), _col(cat, FIRST_ROW, last(k)), f"{v}{h}")]
            for k, v, cat in (("customers_by_tier", "B", "A"), ("customers_by_stage", "E", "D"),
                              ("channels", "H", "G"))
        ],
    }  # fmt: skip
    charts = 0
    for key in SHEET_KEYS:
        ws = wb[titles[key]]
        assert _series_refs(ws) == expected[key], key
        for chart in ws._charts:
            charts += 1
            title = "".join(r.t for p in chart.title.tx.rich.paragraphs for r in (p.r or ()))
            assert title, key
            if type(chart).__name__ != "PieChart":
                assert chart.x_axis.title is not None and chart.y_axis.title is not None
                assert chart.x_axis.delete is False and chart.y_axis.delete is False
    assert charts == result.charts == 8
    # The growth chart: bars for new and churned, a line for the total on a second axis.
    growth = wb[titles["growth"]]._charts[0]
    kinds = [type(p).__name__ for p in growth._charts]
    assert kinds == ["BarChart", "LineChart"]
    assert growth._charts[1].y_axis.axId != growth._charts[0].y_axis.axId


def test_the_tables_hold_the_figures(demo, tmp_path):
    db, scope, f = demo
    out = tmp_path / "report.xlsx"
    write_report(db, scope, out, "en", figures=f)
    wb = load_workbook(out)
    t = EN["sheets"]

    # Summary: every KPI, this period, previous, change as the report shows it.
    ws = wb[t["summary"]]
    assert [c.value for c in ws[SUMMARY_HEADER]] == [
        "Indicator", "This period", "Previous period", "Change", "Unit", "Definition"
    ]  # fmt: skip
    assert ws["B2"].value == f"{scope.start} – {scope.end - dt.timedelta(days=1)}"
    assert ws["B3"].value == "2024-01-01 – 2024-12-31"
    assert ws["B4"].value == "Everyone"
    assert isinstance(ws["B6"].value, dt.datetime)
    rows = {
        r[0].value: r for r in ws.iter_rows(min_row=SUMMARY_HEADER + 1, max_row=SUMMARY_HEADER + 12)
    }
    assert list(rows) == [EN["kpi"][k] for k in dash.KPI_KEYS]
    for key in dash.KPI_KEYS:
        kpi = f.kpis[key]
        _, value, previous, change, unit, definition = rows[EN["kpi"][key]]
        scale = 1 / 60 if kpi.unit == "seconds" else 1
        for cell, figure in ((value, kpi.value), (previous, kpi.previous)):
            assert cell.value == (None if figure is None else pytest.approx(figure * scale)), key
        expected_change = kpi.change
        if expected_change is not None:
            expected_change *= 100 if kpi.unit == "ratio" else scale
            assert change.value == pytest.approx(expected_change), key
        else:
            assert change.value is None, key
        assert definition.value == dash.DEFINITIONS[key]
        assert definition.alignment.wrap_text
        fmt = value.number_format
        if kpi.unit == "ratio":
            assert fmt == "0.0%" and "pp" in change.number_format
        elif kpi.unit == "money":
            assert fmt == '#,##0.00" CNY"' and unit.value == "CNY"
            assert change.number_format.startswith("+0.0%")
        elif kpi.unit == "seconds":
            assert "min" in fmt and unit.value == "minutes of working time"
        elif kpi.unit == "count":
            assert fmt == "#,##0" and change.number_format.startswith("+0.0%")

    def table(sheet: str, first_col: int, width: int, rows: int) -> list[list[object]]:
        ws = wb[t[sheet]]
        return [
            [c.value for c in r]
            for r in ws.iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW + rows - 1,
                                  min_col=first_col, max_col=first_col + width - 1)
        ]  # fmt: skip

    funnel = f.charts["funnel"]
    got = table("funnel", 1, 3, len(funnel.categories))
    assert [r[1] for r in got] == list(funnel.series[0].values)
    assert [r[2] for r in got] == [
        None if v is None else pytest.approx(v) for v in funnel.extra["conversion"]
    ]
    # The demo's stages are the built-in ones, shown by their English labels.
    assert [r[0] for r in got] == [EN["deal_stage"][k] for k in funnel.categories]
    lost_row = FIRST_ROW + len(funnel.categories) + 1
    ws = wb[t["funnel"]]
    assert [ws.cell(lost_row, 1).value, ws.cell(lost_row, 2).value] == [
        EN["notes"]["lost"],
        funnel.extra["lost"],
    ]

    for key, sheet, cols in (("growth", "growth", 4), ("revenue", "revenue", 2)):
        ch = f.charts[key]
        got = table(sheet, 1, cols, len(ch.categories))
        assert [r[0] for r in got] == list(ch.categories)
        for n, series in enumerate(ch.series):
            assert [r[n + 1] for r in got] == list(series.values), (key, series.key)

    ranking = f.charts["ranking"]
    got = table("ranking", 1, 7, len(ranking.categories))
    assert [r[0] for r in got] == list(range(1, len(ranking.categories) + 1))
    assert [r[1] for r in got] == list(ranking.names)
    with db.read() as s:
        team_names = dict(s.query(Team.id, Team.name).all())
    assert [r[2] for r in got] == [team_names.get(x, "") for x in ranking.extra["teams"]]
    for n, series in enumerate(ranking.series):
        assert [r[3 + n] for r in got] == list(series.values), series.key

    tickets = f.charts["tickets_by_category"]
    got = table("service", 1, 2, len(tickets.categories))
    assert got == [
        [EN["ticket_category"][k], v]
        for k, v in zip(tickets.categories, tickets.series[0].values, strict=True)
    ]
    ws = wb[t["service"]]
    kpi_header = FIRST_ROW + len(tickets.categories) + 1
    assert ws.cell(kpi_header, 1).value == "Indicator"
    for i, key in enumerate(RANKING_KPIS):
        kpi = f.kpis[key]
        scale = 1 / 60 if kpi.unit == "seconds" else 1
        assert ws.cell(kpi_header + 1 + i, 1).value == EN["kpi"][key]
        value = ws.cell(kpi_header + 1 + i, 2).value
        assert value == (None if kpi.value is None else pytest.approx(kpi.value * scale))

    labels = {"customers_by_tier": ("tier", 1), "customers_by_stage": ("stage", 4),
              "channels": ("channel", 7)}  # fmt: skip
    blank = {"tier": EN["no_tier"], "channel": EN["no_channel"]}
    for key, (words_table, col) in labels.items():
        ch = f.charts[key]
        got = table("customers", col, 2, len(ch.categories))
        assert got == [
            [EN[words_table].get(k) or blank[words_table], v]
            for k, v in zip(ch.categories, ch.series[0].values, strict=True)
        ], key


def test_chinese_words_and_built_in_stages_in_chinese(demo, tmp_path):
    db, scope, f = demo
    out = tmp_path / "报告.xlsx"
    write_report(db, scope, out, "zh_CN", figures=f)
    wb = load_workbook(out)
    ws = wb["概览"]
    assert ws["A1"].value == "经营分析报告" and ws["B4"].value == "全体"
    assert [c.value for c in ws[SUMMARY_HEADER]][:4] == ["指标", "本期", "上期", "较上期变化"]
    assert ws.cell(SUMMARY_HEADER + 1, 1).value == "客户总数"
    assert ws.cell(SUMMARY_HEADER + 1, 6).value == ZH_CN["definitions"]["customers"]
    funnel = wb["销售漏斗"]
    assert funnel.cell(FIRST_ROW, 1).value == "线索"
    assert wb["工单与服务"].cell(FIRST_ROW, 1).value == "投诉"


# ---------------------------------------------------------------------------------------------
# Print-ready


def test_every_sheet_is_ready_to_print(demo, tmp_path):
    db, scope, f = demo
    out = tmp_path / "report.xlsx"
    write_report(db, scope, out, "zh_CN", figures=f)
    wb = load_workbook(out)
    for ws in wb.worksheets:
        header = SUMMARY_HEADER if ws.title == "概览" else HEADER_ROW
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows == f"${header}:${header}"
        assert ws.freeze_panes == f"A{header + 1}"
        # Columns fit what they hold, Chinese counted double.
        for row in ws.iter_rows(min_row=header):
            for cell in row:
                if isinstance(cell.value, str) and cell.coordinate not in ws.merged_cells:
                    if ws.title == "概览" and cell.column == 6:
                        continue  # the definitions wrap in a fixed width
                    width = ws.column_dimensions[cell.column_letter].width
                    assert width >= min(display_width(cell.value), 48), (ws.title, cell.coordinate)
    ranking = wb["团队排名"]
    names = [ranking.cell(r, 2).value for r in range(FIRST_ROW, ranking.max_row + 1)]
    widest = max(display_width(n) for n in names if n)
    assert ranking.column_dimensions["B"].width >= widest + 2


# ---------------------------------------------------------------------------------------------
# Text from the database is never a formula


@pytest.fixture
def risky_office(sqlite_db: Database) -> tuple[Database, Scope, dict[str, int]]:
    """Users, a team and a deal stage whose names look like formulas, with some records in June
    2025 so each of them appears in the report."""
    db = sqlite_db
    when = dt.datetime(2025, 6, 10, 3, tzinfo=dt.UTC)
    with db.write() as s:
        team = Team(name="+1 team")
        s.add(team)
        s.flush()
        evil = User(username="evil", display_name='=HYPERLINK("http://x.example","click")',
                    role="sales_rep", team_id=team.id)  # fmt: skip
        at = User(username="at", display_name="@x", role="sales_rep", team_id=team.id)
        minus = User(username="minus", display_name="-2+3", role="service_agent")
        s.add_all([evil, at, minus])
        s.get(DealStageDef, "proposal").name = "=1+2"
        s.flush()
        cust = Customer(code="C1", name="=cmd|' /C calc'!A0", owner_id=evil.id, search_text="",
                        created_at=when, channel="website", tier="A", stage="new")  # fmt: skip
        s.add(cust)
        s.flush()
        s.add_all([
            Deal(customer_id=cust.id, title="=SUM(1)", stage="won", amount=Decimal("1200.50"),
                 owner_id=evil.id, created_at=when, closed_at=when + dt.timedelta(days=2)),
            Deal(customer_id=cust.id, title="d2", stage="proposal", amount=Decimal("300"),
                 owner_id=at.id, created_at=when),
            Interaction(customer_id=cust.id, kind="call", occurred_at=when, user_id=at.id,
                        summary="@SUM(A1)"),
            Ticket(number="T1", customer_id=cust.id, title="=1", category="fault",
                   priority="normal", status="resolved", assignee_id=minus.id, created_at=when,
                   resolved_at=when + dt.timedelta(hours=3), first_response_seconds=600),
        ])  # fmt: skip
        ids = {"team": team.id, "evil": evil.id, "at": at.id, "minus": minus.id}
    start, end = period_dates("month", dt.date(2025, 6, 15))
    return db, Scope(start, end), ids


def _all_cells(wb):  # noqa: ANN001, ANN202
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws, cell


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_names_that_look_like_formulas_stay_text(risky_office, tmp_path, lang):
    db, scope, ids = risky_office
    out = tmp_path / "report.xlsx"
    write_report(db, scope, out, lang)
    wb = load_workbook(out)
    texts = {}
    for ws, cell in _all_cells(wb):
        assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            texts[cell.value] = cell
            if cell.value.startswith(FORMULA_STARTS):
                assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
    for name in ('=HYPERLINK("http://x.example","click")', "@x", "-2+3", "+1 team", "=1+2"):
        assert name in texts, name
        assert texts[name].data_type == "s"
    # The raw XML holds no formula element at all.
    import zipfile

    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def test_an_owner_whose_name_looks_like_a_formula_heads_the_summary(risky_office, tmp_path):
    db, scope, ids = risky_office
    scope = Scope(scope.start, scope.end, owner_id=ids["evil"])
    out = tmp_path / "mine.xlsx"
    write_report(db, scope, out, "en")
    ws = load_workbook(out)["Summary"]
    assert ws["B4"].value == '=HYPERLINK("http://x.example","click")'
    assert ws["B4"].data_type == "s" and ws["B4"].quotePrefix
    ranking = load_workbook(out)["Team ranking"]
    assert ranking.cell(FIRST_ROW, 2).value == '=HYPERLINK("http://x.example","click")'
    assert ranking.cell(FIRST_ROW, 3).value == "+1 team"
    assert ranking.cell(FIRST_ROW, 4).value == pytest.approx(1200.5)


def test_a_team_scope_names_the_team(risky_office, tmp_path):
    db, scope, ids = risky_office
    scope = Scope(scope.start, scope.end, team_id=ids["team"])
    out = tmp_path / "team.xlsx"
    write_report(db, scope, out, "zh_CN")
    assert load_workbook(out)["概览"]["B4"].value == "团队：+1 team"


# ---------------------------------------------------------------------------------------------
# Progress, cancel, failures, empty offices


class _Token:
    def __init__(self, stop_at: int | None = None) -> None:
        self.calls: list[tuple[int, int, str]] = []
        self.stop_at = stop_at

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.calls.append((done, total, text))
        self.check()

    def check(self) -> None:
        if self.stop_at is not None and len(self.calls) > self.stop_at:
            raise KeyboardInterrupt  # any exception: a CancelToken raises Cancelled


def test_progress_is_reported_per_sheet(risky_office, tmp_path):
    db, scope, _ = risky_office
    token = _Token()
    write_report(db, scope, tmp_path / "r.xlsx", "en", token)
    totals = {t for _, t, _ in token.calls}
    assert totals == {len(SHEET_KEYS) + 2}
    assert [d for d, _, _ in token.calls] == list(range(len(SHEET_KEYS) + 3))
    assert [text for _, _, text in token.calls[1:8]] == [
        EN["progress"].format(sheet=EN["sheets"][k]) for k in SHEET_KEYS
    ]


def test_a_cancelled_report_leaves_no_file_and_keeps_the_old_one(risky_office, tmp_path):
    db, scope, _ = risky_office
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"the report of last month")
    with pytest.raises(KeyboardInterrupt):
        write_report(db, scope, out, "en", _Token(stop_at=3))
    assert out.read_bytes() == b"the report of last month"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "crm.sqlite3"
                  and not p.name.startswith("crm.sqlite3")) == ["r.xlsx"]  # fmt: skip


def test_figures_of_another_scope_are_refused_and_given_ones_are_used(risky_office, tmp_path,
                                                                      monkeypatch):  # fmt: skip
    db, scope, _ = risky_office
    figures = dash.compute(db, scope)
    other = Scope(scope.start, scope.end + dt.timedelta(days=1))
    with pytest.raises(ValueError):
        write_report(db, other, tmp_path / "x.xlsx", figures=figures)

    def no_compute(*a: object, **k: object) -> None:
        raise AssertionError("computed again")

    monkeypatch.setattr("crmdesk.services.exporting.report.compute", no_compute)
    write_report(db, scope, tmp_path / "x.xlsx", figures=figures)
    assert (tmp_path / "x.xlsx").exists()


def test_an_empty_office_gets_a_report_without_empty_charts(sqlite_db, tmp_path):
    start, end = period_dates("quarter", dt.date(2025, 5, 1))
    out = tmp_path / "empty.xlsx"
    result = write_report(sqlite_db, Scope(start, end), out, "en")
    wb = load_workbook(out)
    assert wb["Team ranking"].cell(FIRST_ROW, 2).value == EN["notes"]["no_data"]
    assert not wb["Team ranking"]._charts and not wb["Customers"]._charts[2:]
    assert result.charts == sum(len(ws._charts) for ws in wb.worksheets)
    for ws in wb.worksheets:
        for chart_refs in _series_refs(ws):
            for val, _cat, _name in chart_refs:
                first, last = val.split(":")
                assert int(re.sub(r"\D", "", first)) <= int(re.sub(r"\D", "", last))


# ---------------------------------------------------------------------------------------------
# The words


def _ts_labels(lang: str) -> dict[str, str]:
    root = ET.parse(ROOT / "resources" / "i18n" / f"crmdesk_{lang}.ts")
    for context in root.iter("context"):
        if context.findtext("name") == "Labels":
            return {
                m.findtext("source"): m.findtext("translation") for m in context.iter("message")
            }
    raise AssertionError("no Labels context")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_report_shows_the_apps_labels(lang):
    app = _ts_labels(lang)
    words = report_words(lang)
    for table in ("ticket_category", "deal_stage", "stage", "tier", "channel"):
        for code, label in words[table].items():
            assert app[EN[table][code]] == label, (table, code)


def test_both_languages_have_every_word():
    def keys(d: dict, prefix: str = "") -> set[str]:
        out = set()
        for k, v in d.items():
            out.add(prefix + k)
            if isinstance(v, dict):
                out |= keys(v, f"{prefix}{k}.")
        return out

    assert keys(EN) == keys(ZH_CN)
    assert set(EN["kpi"]) == set(dash.KPI_KEYS)
    assert EN["definitions"] is dash.DEFINITIONS
    assert set(ZH_CN["definitions"]) == set(dash.DEFINITIONS)
    for lang in (EN, ZH_CN):
        assert all(len(title) <= 31 and not set(title) & set("[]:*?/\\")
                   for title in lang["sheets"].values())  # fmt: skip
