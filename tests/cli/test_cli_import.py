"""`crmdesk import FILE`, `crmdesk imports` and `crmdesk import --undo ID`, as an office
administrator runs them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from crmdesk.cli import main

ROWS = [
    ["客户名称", "联系人", "手机", "邮箱"],
    ["华为技术有限公司", "张伟", "13812345678", "zw@huawei.com"],
    ["小米科技", "李娜", "12", None],
    ["腾讯科技", "王芳", "13700001111", "not-an-email"],
]


@pytest.fixture
def book(tmp_path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户"
    for row in ROWS:
        sheet.append(row)
    workbook.save(tmp_path / "客户.xlsx")
    return tmp_path / "客户.xlsx"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_prints_the_counts_and_writes_nothing(book, tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    code, out, err = _run(capsys, "import", str(book), "--dry-run", "--db", db)
    assert (code, err) == (0, "")
    assert "Would import 客户.xlsx (sheet 客户): 1 created, 0 updated, 0 skipped" in out
    assert "2 rejected" in out
    assert "客户 row 3: 手机: Not a phone number." in out
    assert "客户 row 4: 邮箱: Not an email address." in out
    assert out.strip().endswith("Dry run: nothing was written.")
    assert _run(capsys, "imports", "--db", db)[1].strip() == "No imports yet."


def test_import_reports_rejected_rows_lists_the_history_and_undoes(book, tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    report = tmp_path / "rejected.xlsx"
    code, out, err = _run(capsys, "import", str(book), "--db", db, "--report", str(report))
    assert (code, err) == (0, "")
    assert out.startswith("Imported 客户.xlsx (sheet 客户): 1 created")
    assert f"Wrote the 2 rejected rows with their reasons to {report}" in out
    sheet = openpyxl.load_workbook(report).worksheets[0]
    assert [c.value for c in sheet[1]] == [*ROWS[0], "导入问题"]
    assert [sheet.cell(r, 1).value for r in (2, 3)] == ["小米科技", "腾讯科技"]

    code, out, _ = _run(capsys, "imports", "--db", db)
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert "done" in lines[1] and "客户.xlsx" in lines[1] and lines[1].split()[0] == "1"
    assert "by ?" not in lines[1]  # who imported is recorded, as in the app

    code, out, _ = _run(capsys, "import", "--undo", "1", "--db", db)
    assert (code, out.strip()) == (0, "Import 1 undone: 1 records removed, 0 customers restored.")
    code, out, err = _run(capsys, "import", "--undo", "1", "--db", db)
    assert code == 1
    assert err.strip() == "Import 1 was already undone; there is nothing left to take back."


def test_a_refused_file_exits_2_with_one_sentence(tmp_path, capsys):
    bad = tmp_path / "photo.xlsx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    db = tmp_path / "office.sqlite3"
    code, out, err = _run(capsys, "import", str(bad), "--db", str(db))
    assert (code, out) == (2, "")
    assert err.strip() == "photo.xlsx is not a spreadsheet (Excel, OpenDocument or CSV)."
    code, _, err = _run(capsys, "import", str(tmp_path / "missing.csv"), "--db", str(db))
    assert code == 2 and err.strip().startswith("There is no file at")


def test_a_sheet_with_only_a_header_is_refused(tmp_path, capsys):
    header_only = tmp_path / "客户.csv"
    header_only.write_text("客户名称,手机\n", encoding="utf-8")
    db = tmp_path / "office.sqlite3"
    code, out, err = _run(capsys, "import", str(header_only), "--db", str(db))
    assert (code, out) == (2, "")
    assert err.strip() == "客户.csv has no rows to import."
