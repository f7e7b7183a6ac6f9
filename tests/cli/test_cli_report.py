"""`crmdesk report OUT.xlsx --from --to | --period`, driven as an administrator would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmdesk.cli import main
from crmdesk.services import Database
from crmdesk.services.dashboard import compute
from crmdesk.services.dashboard_scope import Scope
from crmdesk.services.demo import generate_demo
from crmdesk.services.exporting.report_words import EN, SHEET_KEYS, ZH_CN


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty demo customers, made once for the module (what `crmdesk demo` writes)."""
    path = tmp_path_factory.mktemp("report") / "office.sqlite3"
    db = Database.open(str(path))
    try:
        generate_demo(db, "zh_CN", 20)
    finally:
        db.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


def _report(*args: str) -> int:
    return main(["report", *args])


def test_a_period_given_by_dates_writes_the_report(demo_db, tmp_path, capsys):
    out = tmp_path / "2025上半年"
    code = _report(str(out), "--from", "2025-01-01", "--to", "2025-06-30", "--db", str(demo_db),
                   "--lang", "zh_CN")  # fmt: skip
    assert code == 0
    written = tmp_path / "2025上半年.xlsx"
    wb = load_workbook(written)
    charts = sum(len(ws._charts) for ws in wb.worksheets)
    assert capsys.readouterr().out.strip() == (
        f"Wrote the report for 2025-01-01 to 2025-06-30 (everyone) to {written}: "
        f"7 sheets, {charts} charts."
    )
    assert charts >= 6
    assert wb.sheetnames == [ZH_CN["sheets"][k] for k in SHEET_KEYS]
    assert wb["概览"]["B2"].value == "2025-01-01 – 2025-06-30"
    # The same numbers as the dashboard's for that period.
    db = Database.open(str(demo_db))
    try:
        import datetime as dt

        figures = compute(db, Scope(dt.date(2025, 1, 1), dt.date(2025, 7, 1)))
    finally:
        db.close()
    assert wb["概览"]["B9"].value == figures.kpis["customers"].value


def test_a_team_and_a_named_period_in_english(demo_db, tmp_path, capsys):
    out = tmp_path / "team.xlsx"
    code = _report(str(out), "--period", "quarter", "--team", "销售部", "--db", str(demo_db),
                   "--lang", "en")  # fmt: skip
    assert code == 0, capsys.readouterr().err
    line = capsys.readouterr().out.strip()
    assert line.startswith("Wrote the report for ") and "(team 销售部)" in line
    wb = load_workbook(out)
    charts = sum(len(ws._charts) for ws in wb.worksheets)
    assert line.endswith(f"to {out}: 7 sheets, {charts} charts.")
    ws = wb[EN["sheets"]["summary"]]
    assert ws["B4"].value == "Team 销售部"


def test_an_owner_by_username(demo_db, tmp_path, capsys):
    out = tmp_path / "mine.xlsx"
    code = _report(str(out), "--period", "last12", "--owner", "guojunjie", "--db", str(demo_db),
                   "--lang", "en")  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert "(guojunjie)" in capsys.readouterr().out
    assert load_workbook(out)["Summary"]["B4"].value == "郭俊杰"


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--period", "year", "--team", "Nobody"], "There is no team named 'Nobody' (teams: "),
        (["--period", "year", "--owner", "ghost"], "There is no user 'ghost' (usernames: "),
        ([], "Say which period to report: --from DATE --to DATE"),
        (["--from", "2025-01-01"], "Say which period to report"),
        (["--from", "2025-03-01", "--to", "2025-02-01"], "--from 2025-03-01 is after --to"),
        (["--period", "year", "--from", "2025-01-01"], "Give either --period or --from"),
        (["--period", "year", "--team", "销售部", "--owner", "guojunjie"], "Give either --team"),
    ],
)
def test_refusals_are_one_sentence_and_exit_2(demo_db, tmp_path, capsys, args, sentence):
    out = tmp_path / "r.xlsx"
    assert _report(str(out), "--db", str(demo_db), *args) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(sentence) and captured.err.count("\n") == 1
    assert captured.out == ""
    assert not out.exists()


def test_a_date_that_is_not_a_date_is_a_usage_error(demo_db, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        _report(str(tmp_path / "r.xlsx"), "--from", "2025-02-30", "--to", "2025-03-01")
    assert exit_.value.code == 2
    assert "'2025-02-30' is not a date like 2025-03-31" in capsys.readouterr().err


def test_a_missing_database_is_not_created(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    assert _report(str(tmp_path / "r.xlsx"), "--period", "month", "--db", str(missing)) == 1
    assert capsys.readouterr().err.strip() == f"There is no database at {missing}."
    assert not missing.exists()
