"""Reading the files offices really have: every format, encoding and delimiter, found by content;
the header below titles; the customers sheet among others."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from crmdesk.services.importing.readers import Sheet, Workbook, read_workbook
from crmdesk.services.importing.sheets import (
    classify_sheet,
    data_rows,
    find_header,
    header_texts,
    is_total_label,
    propose_sheet,
)

from .conftest import LEDGER_HEADER, LEDGER_TITLE, rewrite_zip, write_xlsx

# ---------------------------------------------------------------------------------------------
# Spreadsheet formats


def test_xlsx_ledger_keeps_types_and_excel_row_numbers(ledger_xlsx: Path) -> None:
    wb = read_workbook(ledger_xlsx)
    assert (wb.format, wb.encoding, wb.delimiter) == ("xlsx", None, None)
    (sheet,) = wb.sheets
    assert sheet.name == "客户"
    # The merged title is a value in its first cell only; the blank row stays, trimmed to [].
    assert sheet.rows[0] == [LEDGER_TITLE]
    assert sheet.rows[1] == []
    assert sheet.rows[3] == LEDGER_HEADER
    first = sheet.rows[4]
    assert first[2] == 13812345678.0  # the phone Excel stored as a number, untouched
    assert first[3] == dt.date(2024, 3, 5)
    assert sheet.rows[5][3] == dt.datetime(2023, 11, 1, 9, 30)
    assert sheet.rows[5][5:] == []  # a trailing empty cell is trimmed
    header = find_header(sheet.rows)
    assert header == 3
    rows = data_rows(sheet, header)
    # Excel row numbers; the blank row 7, the repeated header (row 8) and 合计 (row 10) are gone.
    assert [number for number, _ in rows] == [5, 6, 9]
    assert rows[2][1][0] == "合计科技有限公司"


def test_strings_are_kept_as_typed_and_empty_ones_become_none(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [["名称", "备注"], ["\u3000张三 ", ""]]})
    assert read_workbook(path).sheets[0].rows[1] == ["\u3000张三 "]


def test_xlsm_is_read_and_reported(tmp_path: Path) -> None:
    # A workbook saved by Excel as .xlsm without macros differs from .xlsx only in the
    # content type of its main part; that is what this file is.
    path = write_xlsx(tmp_path / "book.xlsm", {"客户": [["客户名称", "电话"], ["华为", "1"]]})

    def macro_enabled(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            )
        return data

    rewrite_zip(path, macro_enabled)
    wb = read_workbook(path)
    assert wb.format == "xlsm"
    assert wb.sheets[0].rows == [["客户名称", "电话"], ["华为", "1"]]


def test_legacy_xls(tmp_path: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("客户")
    sheet.write(0, 0, "客户名称")
    sheet.write(0, 1, "手机")
    sheet.write(0, 2, "签约日期")
    sheet.write(1, 0, "华为")
    sheet.write(1, 1, 13812345678.0)
    sheet.write(1, 2, dt.date(2024, 3, 5), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    path = tmp_path / "old.xls"
    book.save(str(path))
    wb = read_workbook(path)
    assert wb.format == "xls"
    value = wb.sheets[0].rows[1]
    assert value[:2] == ["华为", 13812345678.0]
    assert value[2] in (dt.date(2024, 3, 5), dt.datetime(2024, 3, 5))


def _ods(path: Path, rows: list[list[object]]) -> Path:
    doc = OpenDocumentSpreadsheet()
    table = Table(name="客户")
    for values in rows:
        tr = TableRow()
        for value in values:
            if isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            elif isinstance(value, float):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_ods(tmp_path: Path) -> None:
    path = _ods(
        tmp_path / "book.ods",
        [["客户名称", "年交易额", "签约日期"], ["华为", 12.5, dt.date(2024, 3, 5)]],
    )
    wb = read_workbook(path)
    assert wb.format == "ods"
    assert wb.sheets[0].name == "客户"
    assert wb.sheets[0].rows[1] == ["华为", 12.5, dt.date(2024, 3, 5)]


def test_the_format_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    xlsx_named_csv = write_xlsx(tmp_path / "customers.csv", {"S": [["名称"], ["华为"]]})
    assert read_workbook(xlsx_named_csv).format == "xlsx"
    csv_named_xlsx = tmp_path / "customers.xlsx"
    csv_named_xlsx.write_text("名称,电话\n华为,1\n", encoding="utf-8")
    wb = read_workbook(csv_named_xlsx)
    assert (wb.format, wb.sheets[0].rows) == ("csv", [["名称", "电话"], ["华为", "1"]])


# ---------------------------------------------------------------------------------------------
# CSV and text

CSV_ROWS = [
    ["客户名称", "电话", "备注"],
    ["华为, 深圳; 总部", "13812345678", "第一行\n第二行"],
    ['Acme "Best" Ltd', None, "plain"],
]


def _csv_text(delimiter: str) -> str:
    def field(value: str | None) -> str:
        if value is None:
            return ""
        if any(ch in value for ch in ',;\t"\n'):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(delimiter.join(field(v) for v in row) + "\r\n" for row in CSV_ROWS)


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),  # GBK is a subset of GB18030
        ("utf-16", "utf-16"),  # with a BOM, as Excel's "Unicode text"
        ("utf-16-le", "utf-16-le"),  # without a BOM
    ],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters_are_detected(
    tmp_path: Path, codec: str, expected: str, delimiter: str
) -> None:
    path = tmp_path / "customers.txt"
    path.write_bytes(_csv_text(delimiter).encode(codec))
    wb = read_workbook(path)
    assert (wb.format, wb.encoding, wb.delimiter) == ("csv", expected, delimiter)
    assert [s.name for s in wb.sheets] == ["customers"]
    assert wb.sheets[0].rows == CSV_ROWS


def test_a_csv_starting_like_a_file_signature(tmp_path: Path) -> None:
    path = tmp_path / "cars.csv"
    path.write_text("BMW 4S店,MZ Trading\n华为,小米\n", encoding="utf-8")
    assert read_workbook(path).sheets[0].rows[0] == ["BMW 4S店", "MZ Trading"]


def test_a_one_column_csv(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("客户名称\n华为\n小米\n", encoding="utf-8")
    wb = read_workbook(path)
    assert wb.sheets[0].rows == [["客户名称"], ["华为"], ["小米"]]


def test_semicolon_csv_with_decimal_commas(tmp_path: Path) -> None:
    # European Excel: semicolons between fields, commas inside numbers.
    path = tmp_path / "eu.csv"
    path.write_text("Name;Revenue;City\nAcme;1,5;Berlin\nBeta;2,75;Paris\n", encoding="utf-8")
    wb = read_workbook(path)
    assert wb.delimiter == ";"
    assert wb.sheets[0].rows[1] == ["Acme", "1,5", "Berlin"]


# ---------------------------------------------------------------------------------------------
# Header, data rows and totals


def test_header_found_below_title_blank_and_date_lines() -> None:
    rows: list[list[object]] = [
        ["XX公司客户名单"],
        [None, None, None, "制表：张三"],
        [],
        ["Name", "Phone", "Email", "City"],
        ["Acme", "123", "a@b.c", "Berlin"],
    ]
    assert find_header(rows) == 3


def test_a_row_of_numbers_is_not_a_header() -> None:
    rows: list[list[object]] = [[1, 2, 3], ["名称", "电话", "城市"], ["华为", "1", "深圳"]]
    assert find_header(rows) == 1


def test_a_sheet_without_an_obvious_header_starts_at_its_first_row() -> None:
    assert find_header([[], [1, 2], [3, 4]]) == 1
    assert find_header([]) == 0


@pytest.mark.parametrize(
    "label",
    ["合计", "合计：", "总计", "小计 ", "Total", "TOTAL:", "Grand total", "Sum", "Total 128"],
)
def test_total_labels(label: str) -> None:
    assert is_total_label(label)


@pytest.mark.parametrize(
    "label", ["合计科技有限公司", "Totally Fresh Ltd", "Sum Kee Trading", "华为", 3]
)
def test_names_that_only_look_like_totals(label: object) -> None:
    assert not is_total_label(label)  # type: ignore[arg-type]


def test_total_in_the_second_cell_after_a_row_number() -> None:
    sheet = Sheet("S", [["序号", "客户名称"], [1, "华为"], [None, "总计", 3]])
    assert [n for n, _ in data_rows(sheet, 0)] == [2]


# ---------------------------------------------------------------------------------------------
# Which sheet


def _book(sheets: dict[str, list[list[object]]]) -> Workbook:
    return Workbook(
        Path("x.xlsx"), "xlsx", None, None, tuple(Sheet(n, r) for n, r in sheets.items())
    )


CUSTOMERS = [["客户名称", "联系人", "手机", "邮箱"]] + [
    [f"客户{i}", "张三", "138", "a@b.c"] for i in range(5)
]


def test_propose_sheet_passes_over_instructions_and_summaries(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "说明": [["填写说明"], ["1. 客户名称必填，不能重复。"], ["2. 手机填写 11 位号码。"]],
            "汇总": [["地区", "客户数"], ["华东", 3], ["华南", 2], ["合计", 5]],
            "Sheet3": CUSTOMERS,
        },
    )
    assert propose_sheet(read_workbook(path)) == "Sheet3"


def test_propose_sheet_prefers_customers_over_bigger_related_sheets() -> None:
    followups = [["客户名称", "跟进日期", "跟进内容", "跟进人"]] + [
        ["客户1", "2024-01-01", "电话沟通", "李四"] for _ in range(50)
    ]
    book = _book({"跟进记录": followups, "Sheet2": CUSTOMERS})
    assert propose_sheet(book) == "Sheet2"


def test_propose_sheet_in_english_workbook() -> None:
    book = _book(
        {
            "Instructions": [["Fill in one customer per row."], ["Company is required."]],
            "Accounts": [["Company", "Phone", "Email"], ["Acme", "1", "a@b.c"]],
        }
    )
    assert propose_sheet(book) == "Accounts"


@pytest.mark.parametrize(
    ("name", "header", "kind"),
    [
        ("Sheet1", ["客户名称", "联系人", "电话", "行业"], "customers"),
        ("Sheet2", ["客户名称", "跟进日期", "跟进方式", "跟进内容"], "followups"),
        ("Sheet3", ["订单号", "客户名称", "产品", "数量", "金额"], "orders"),
        ("Sheet4", ["姓名", "职务", "所属公司", "手机", "生日"], "contacts"),
        ("联系人", ["姓名", "手机"], "contacts"),
        ("Follow-ups", ["Company", "Date", "Note"], "followups"),
        ("Orders", ["Company", "Amount"], "orders"),
        ("说明", ["客户名称", "必填"], None),
        ("Sheet5", ["地区", "数量"], None),
    ],
)
def test_classify_sheet(name: str, header: list[object], kind: str | None) -> None:
    sheet = Sheet(name, [header, ["x"] * len(header)])
    assert classify_sheet(sheet) == kind


def test_header_texts_of_a_ledger(ledger_xlsx: Path) -> None:
    assert header_texts(read_workbook(ledger_xlsx).sheets[0]) == LEDGER_HEADER
