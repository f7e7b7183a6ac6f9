"""`crmdesk export customers|template OUT.xlsx`, driven as an administrator would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmdesk.cli import main
from crmdesk.services import exporting


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "office.sqlite3"
    assert main(["demo", "--customers", "20", "--db", str(path), "--lang", "zh_CN"]) == 0
    capsys.readouterr()
    return path


def _header(path: Path) -> list[str]:
    return [c.value for c in load_workbook(path).worksheets[0][1]]


def test_export_customers_in_english_prints_the_count_and_path(demo_db, tmp_path, capsys):
    out = tmp_path / "customers.xlsx"
    assert main(["export", "customers", str(out), "--db", str(demo_db), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == f"Exported 20 customers to {out}"
    header = _header(out)
    assert header[:3] == ["Code", "Name", "Type"] and header[-3:] == ["_id", "_version", "_source"]
    assert load_workbook(out).worksheets[0].max_row == 21


def test_export_customers_in_chinese_and_xlsx_is_added(demo_db, tmp_path, capsys):
    assert (
        main(
            ["export", "customers", str(tmp_path / "客户"), "--db", str(demo_db), "--lang", "zh_CN"]
        )
        == 0
    )
    out = tmp_path / "客户.xlsx"
    assert str(out) in capsys.readouterr().out
    assert _header(out)[:25] == exporting.headers("zh_CN")


def test_export_errors_are_one_sentence_and_exit_1(demo_db, tmp_path, capsys, monkeypatch):
    missing = tmp_path / "nowhere" / "x.xlsx"
    assert main(["export", "customers", str(missing), "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"The folder {missing.parent} does not exist."

    assert (
        main(["export", "customers", str(tmp_path / "x.xlsx"), "--db", str(tmp_path / "no.db")])
        == 1
    )
    assert capsys.readouterr().err.strip() == f"There is no database at {tmp_path / 'no.db'}."
    assert not (tmp_path / "no.db").exists()

    def locked(src, dst):  # noqa: ANN001, ANN202 - what Windows says about a file open in Excel
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(exporting.files.os, "replace", locked)
    assert main(["export", "customers", str(tmp_path / "open.xlsx"), "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("open.xlsx could not be written: it is open in another program")
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_export_template_with_the_database_custom_fields(demo_db, tmp_path, capsys):
    from crmdesk.services import Database, custom_fields

    db = Database.open(str(demo_db))
    custom_fields.define_field(db, "合同编号")
    db.close()
    out = tmp_path / "template.xlsx"
    assert main(["export", "template", str(out), "--db", str(demo_db), "--lang", "zh_CN"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote an import template with 24 columns to {out}"
    assert _header(out)[-1] == "合同编号"


def test_export_template_as_a_real_process(tmp_path):
    out = tmp_path / "template.xlsx"
    env = os.environ.copy()
    result = subprocess.run(
        [sys.executable, "-m", "crmdesk", "export", "template", str(out), "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote an import template with 23 columns to {out}"
    wb = load_workbook(out)
    assert [ws.title for ws in wb.worksheets] == ["Customers", "Example"]
    assert _header(out)[:2] == ["Code", "Name"]
