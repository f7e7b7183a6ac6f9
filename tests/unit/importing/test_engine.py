"""The import engine as an office uses it: a messy ledger previewed and imported, duplicates
matched, related sheets linked, exports edited and brought back, rejected rows fixed."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from crmdesk.errors import ImportRefused
from crmdesk.models import Contact, Customer, Interaction, Order, Tag, User
from crmdesk.services import Database, exporting
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.services.importing.engine import (
    ImportOptions,
    list_imports,
    preview_import,
    run_import,
    write_rejected,
)

from .conftest import write_xlsx

HEADER = ["客户名称", "联系人", "手机", "邮箱", "年交易额（万元）", "标签", "客户等级", "创建日期"]
LEDGER = [
    ["2024年客户台账"],
    [],
    HEADER,
    ["华为技术有限公司", "张伟", 13812345678.0, "zhang.wei@huawei.com", 12.5, "VIP、制造业", "A类",
     dt.date(2024, 3, 5)],
    ["(北京)小米科技有限公司", "李娜", "139 1234 5678", " LINA@MI.COM", 3, "互联网,VIP", "b",
     "2024/3/6"],
    ["腾讯科技", "王芳", "+86 137-0000-1111", None, "1,200", None, "C", "2024年3月7日"],
    ["华为技术", "赵强", 13600001111.0, None, None, "通信", None, None],
    ["阿里巴巴", "刘洋", 13512345678, "bad-email", None, None, None, None],
    [None, "陈静", 13312345678, None, None, None, None, None],
    ["京东", "孙丽", "138-1234-5678", None, None, None, None, None],
    ["合计", None, None, None, 16.5],
]  # fmt: skip


class Token:
    """A ProgressToken that cancels after ``cancel_after`` progress reports."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.cancel_after = cancel_after

    def check(self) -> None:
        if self.cancel_after is not None and len(self.reports) >= self.cancel_after:
            raise KeyboardInterrupt("cancelled")

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.reports.append((done, total, text))
        self.check()


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "台账.xlsx", {"客户台账": LEDGER}, merge={"客户台账": "A1:H1"})


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _names(db: Database, text: str) -> list[str]:
    return [r.name for r in cs.list_customers(db, CustomerQuery(text=text))]


def test_preview_of_a_messy_ledger_counts_every_row_and_writes_nothing(
    database: Database, ledger: Path
) -> None:
    preview = preview_import(database, ledger)
    assert (preview.sheet, preview.header_row, preview.format) == ("客户台账", 3, "xlsx")
    assert preview.dayfirst is False
    assert preview.counts == {"create": 3, "update": 0, "skip": 0, "reject": 2, "merge": 2}
    by_row = {p.source_row: p for p in preview.rows}
    assert sorted(by_row) == [4, 5, 6, 7, 8, 9, 10]  # title, header and the total row are not data
    assert (by_row[8].action, by_row[8].reason_code) == ("reject", "bad_email")
    assert by_row[8].reason == "邮箱: Not an email address."
    assert (by_row[9].action, by_row[9].reason_code) == ("reject", "no_name")
    # Same company without its suffix, and the same phone written with dashes: merged.
    assert (by_row[7].action, by_row[7].reason_code) == ("merge", "duplicate_in_file")
    assert (by_row[10].action, by_row[10].reason) == (
        "merge",
        "Same customer as row 4; merged into it.",
    )
    huawei = dict(by_row[4].cleaned)
    assert huawei["contact_phone"].display == "13812345678"  # the Excel float lost its ".0"
    assert huawei["annual_revenue"] == Decimal(125000)  # 12.5 万元
    assert str(huawei["tier"]) == "A" and huawei["tags"] == ["VIP", "制造业"]
    xiaomi = dict(by_row[5].cleaned)
    assert xiaomi["contact_email"] == "lina@mi.com"
    assert xiaomi["created_at"] == dt.datetime(2024, 3, 6)
    assert dict(by_row[6].cleaned)["created_at"] == dt.datetime(2024, 3, 7)
    assert _count(database, Customer) == 0 and list_imports(database) == []


def test_import_creates_searchable_customers_and_reimport_creates_nothing(
    database: Database, ledger: Path
) -> None:
    result = run_import(database, ledger)
    assert result.counts["create"] == 3
    assert [(p.source_row, p.reason_code) for p in result.rejected] == [
        (8, "bad_email"),
        (9, "no_name"),
    ]
    assert _count(database, Customer) == 3
    # 赵强 joins 张伟 at 华为; 孙丽 has 张伟's phone, so she is taken as the same contact.
    assert _count(database, Contact) == 4
    assert _names(database, "李娜") == ["(北京)小米科技有限公司"]
    assert _names(database, "赵强") == ["华为技术有限公司"]
    huawei_id = cs.list_customers(database, CustomerQuery(text="华为"))[0].id
    huawei = cs.get_customer(database, huawei_id)
    assert huawei.annual_revenue == Decimal(125000) and huawei.tier == "A"
    assert {t.name for t in huawei.tags} == {"VIP", "制造业", "通信"}
    assert huawei.code.startswith("C") and huawei.owner_name == "tester"
    assert huawei.created_at.astimezone().date() == dt.date(2024, 3, 5)
    (batch,) = list_imports(database)
    assert (batch.id, batch.status, batch.created, batch.rejected) == (
        result.batch_id,
        "done",
        3,
        2,
    )
    assert len(batch.checksum) == 64 and batch.user_name == "tester"

    again = run_import(database, ledger)
    assert again.counts["create"] == 0 and again.counts["update"] == 0
    assert _count(database, Customer) == 3 and _count(database, Contact) == 4
    with database.read() as s:
        assert s.scalar(select(func.count()).select_from(Tag).where(Tag.name == "VIP")) == 1


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("skip", {"industry": "通信设备", "notes": None, "revenue": None, "customers": 1}),
        ("fill", {"industry": "通信设备", "notes": "老客户", "revenue": None, "customers": 1}),
        ("overwrite", {"industry": "电信", "notes": "老客户", "revenue": Decimal(5000), "customers": 1}),
        ("create", {"industry": "通信设备", "notes": None, "revenue": None, "customers": 2}),
    ],
)  # fmt: skip
def test_a_matching_customer_is_skipped_filled_overwritten_or_duplicated(
    sqlite_db: Database, tmp_path: Path, mode: str, expected: dict[str, object]
) -> None:
    cid, _ = cs.create_customer(
        sqlite_db,
        CustomerInput(name="华为技术有限公司", industry="通信设备", annual_revenue=None),
        [ContactInput(name="张伟", phone="13812345678")],
    )
    path = write_xlsx(
        tmp_path / "in.xlsx",
        {"客户": [["公司名称", "行业", "备注", "年销售额", "手机"],
                  ["华为技术", "电信", "老客户", 5000, "138 1234 5678"]]},
    )  # fmt: skip
    options = ImportOptions(on_duplicate=mode)
    preview = preview_import(sqlite_db, path, options)
    (row,) = preview.rows
    assert row.match_id == cid and row.match_by == "phone"
    assert (
        row.action
        == {"skip": "skip", "fill": "update", "overwrite": "update", "create": "create"}[mode]
    )
    run_import(sqlite_db, path, options)
    detail = cs.get_customer(sqlite_db, cid)
    assert detail.industry == expected["industry"]
    assert detail.notes == expected["notes"]
    if mode == "overwrite":
        assert detail.annual_revenue == expected["revenue"]
    assert cs.count_customers(sqlite_db, CustomerQuery()).count == expected["customers"]
    assert len(detail.contacts) == 1  # the same person, not a second contact


def test_a_gbk_csv_from_chinese_excel_imports(sqlite_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "客户.csv"
    path.write_bytes(
        "客户名称,联系人,电话\r\n恒通信息科技有限公司,王磊,010-12345678\r\n".encode("gbk")
    )
    result = run_import(sqlite_db, path)
    assert result.counts["create"] == 1
    (row,) = cs.list_customers(sqlite_db, CustomerQuery(text="王磊"))
    assert (row.name, row.phone) == ("恒通信息科技有限公司", "010-12345678")


def test_follow_ups_keep_their_date_and_author_and_orders_link(
    database: Database, tmp_path: Path
) -> None:
    with database.write() as s:
        s.add(User(username="lijing", display_name="李静"))
    cid, _ = cs.create_customer(database, CustomerInput(name="远方贸易有限公司", code="K-9"))
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "客户": [["客户名称", "手机"], ["星辰科技有限公司", "13800000001"]],
            "跟进记录": [
                ["客户名称", "跟进日期", "跟进方式", "跟进人", "跟进内容"],
                ["星辰科技", dt.datetime(2023, 5, 6, 14, 30), "电话", "李静", "报价已发送\n等回复"],
                ["远方贸易", "2022-01-02", "拜访", "老周", "首次拜访"],
                ["不存在公司", "2022-01-03", "电话", "老周", "无人接听"],
            ],
            "订单": [
                ["客户编号", "下单日期", "订单金额", "订单号"],
                ["K-9", "2023-07-01", "¥3,000", "SO-1"],
                ["X-0", "2023-07-02", 10, "SO-2"],
            ],
        },
    )
    preview = preview_import(database, path)
    assert preview.related == {"followups": 2, "orders": 1}
    rejected = [
        (p.sheet, p.source_row, p.reason_code) for p in preview.rows if p.action == "reject"
    ]
    assert rejected == [("跟进记录", 4, "unknown_customer"), ("订单", 3, "unknown_customer")]

    result = run_import(database, path)
    assert result.related == {"followups": 2, "orders": 1}
    with database.read() as s:
        notes = {n.summary: n for n in s.scalars(select(Interaction))}
        lijing = s.scalar(select(User.id).where(User.username == "lijing"))
        order = s.scalars(select(Order)).one()
        far = s.get(Customer, cid)
    call = notes["报价已发送"]
    assert (call.kind.value, call.user_id, call.author_name) == ("call", lijing, None)
    assert call.content == "报价已发送\n等回复"
    assert call.occurred_at.astimezone().replace(tzinfo=None) == dt.datetime(2023, 5, 6, 14, 30)
    visit = notes["首次拜访"]
    assert (visit.kind.value, visit.user_id, visit.author_name) == ("visit", None, "老周")
    assert visit.customer_id == cid
    assert (order.customer_id, order.number, order.amount) == (cid, "SO-1", Decimal(3000))
    assert far is not None and far.last_interaction_at == visit.occurred_at
    # Importing the workbook again adds no second copy of the follow-ups or the order.
    run_import(database, path)
    assert _count(database, Interaction) == 2 and _count(database, Order) == 1


def test_an_edited_export_updates_the_customer_unless_it_changed_in_the_app(
    database: Database, tmp_path: Path
) -> None:
    a, _ = cs.create_customer(database, CustomerInput(name="甲公司", city="上海"))
    b, _ = cs.create_customer(database, CustomerInput(name="乙公司", city="北京"))
    out = exporting.export_customers(database, tmp_path / "export.xlsx", lang="zh_CN").path
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    city = headers.index("城市") + 1
    for row in (2, 3):
        sheet.cell(row, city).value = "深圳"
    book.save(out)
    # 乙公司 is edited in the app after the export.
    detail = cs.get_customer(database, b)
    cs.update_customer(database, b, detail.version, CustomerInput(name="乙公司", city="广州"))

    result = run_import(database, out)
    assert (result.counts["update"], result.counts["create"], result.counts["reject"]) == (1, 0, 1)
    (rejected,) = result.rejected
    assert (rejected.match_id, rejected.reason_code) == (b, "changed_since_export")
    assert cs.get_customer(database, a).city == "深圳"
    assert cs.get_customer(database, b).city == "广州"
    assert cs.count_customers(database, CustomerQuery()).count == 2


def test_a_cancelled_import_leaves_the_database_as_it_was(
    sqlite_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    lines = ["客户名称,手机"] + [f"客户{i},1390000{i:04d}" for i in range(6000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    cs.create_customer(sqlite_db, CustomerInput(name="原有客户"))
    before = (_count(sqlite_db, Customer), _count(sqlite_db, Contact), len(list_imports(sqlite_db)))
    token = Token(cancel_after=6)  # after the first chunk of customers has been written
    with pytest.raises(KeyboardInterrupt):
        run_import(sqlite_db, path, token=token)
    assert any(text == "Writing customers" for _d, _t, text in token.reports)
    after = (_count(sqlite_db, Customer), _count(sqlite_db, Contact), len(list_imports(sqlite_db)))
    assert after == before
    assert _names(sqlite_db, "客户1") == []


KILLED = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from crmdesk.services import Database
    from crmdesk.services.importing.engine import run_import

    class Token:
        def check(self):
            pass
        def progress(self, done, total, text=""):
            if text == "Writing customers":
                print("ready", flush=True)
                time.sleep(60)

    db = Database.open(sys.argv[1])
    db.sign_in("tester")
    with db.engine.connect() as conn:
        pass
    run_import(db, Path(sys.argv[2]), token=Token())
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_an_import_killed_half_way_leaves_no_rows(sqlite_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    lines = ["客户名称,手机"] + [f"客户{i},1390000{i:04d}" for i in range(6000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    db_path = Path(str(sqlite_db.engine.url.database))
    sqlite_db.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(db_path), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    db = Database.open(str(db_path))
    try:
        assert (_count(db, Customer), _count(db, Contact)) == (0, 0)
        assert list_imports(db) == []
        assert _names(db, "客户1") == []
    finally:
        db.close()


def test_rejected_rows_can_be_fixed_and_imported_again(
    sqlite_db: Database, ledger: Path, tmp_path: Path
) -> None:
    result = run_import(sqlite_db, ledger)
    report = write_rejected(
        result.rejected, preview_import(sqlite_db, ledger).headers, tmp_path / "rejected.xlsx"
    )
    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == [*HEADER, "导入问题"]
    assert (
        sheet.cell(2, 1).value == "阿里巴巴"
        and sheet.cell(2, 9).value == "邮箱: Not an email address."
    )
    assert sheet.cell(3, 9).value == "The row has no customer name."
    sheet.cell(2, 4).value = "liu.yang@alibaba.com"
    sheet.cell(3, 1).value = "陈静工作室"
    book.save(report)
    again = run_import(sqlite_db, report)
    assert (again.counts["create"], again.counts["reject"]) == (2, 0)
    assert _names(sqlite_db, "刘洋") == ["阿里巴巴"]
    assert _names(sqlite_db, "陈静") == ["陈静工作室"]


def test_the_rejected_report_never_holds_a_formula(tmp_path: Path) -> None:
    from crmdesk.services.importing.engine import RowPlan

    row = RowPlan("S", 2, "reject", "bad_phone", "Not a phone number.", None, None,
                  ("=HYPERLINK(\"x\")", "+1", 3), ())  # fmt: skip
    path = write_rejected([row], ["Name", "Phone", "N"], tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert [c.data_type for c in sheet[2]][:2] == ["s", "s"]
    assert (
        sheet.cell(2, 1).value == '=HYPERLINK("x")' and sheet.cell(1, 4).value == "Import problem"
    )


def test_a_refused_file_is_one_sentence_and_changes_nothing(
    sqlite_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_bytes(b"%PDF-1.4 not a workbook")
    with pytest.raises(ImportRefused, match="is not a spreadsheet"):
        preview_import(sqlite_db, path)
    with pytest.raises(ImportRefused):
        run_import(sqlite_db, path)
    book = write_xlsx(tmp_path / "ok.xlsx", {"A": [["客户名称"], ["x"]]})
    with pytest.raises(ImportRefused, match="has no sheet called"):
        preview_import(sqlite_db, book, ImportOptions(sheet="nope"))
    assert list_imports(sqlite_db) == []


@pytest.mark.parametrize(
    ("name", "code", "city", "contacts", "tags"),
    [
        ("华为技术有限公司", "C000001", "深圳", [("张伟", "13812345678", "a@b.com", None)], ["VIP"]),
        ("ＡＢＣ　Trading Ltd", "c-01", None, [("Zoë", "010-12345678", None, "wx_1")], []),
        ("Müller GmbH", None, "Köln", [("李娜", "+86 138 1234 5678", None, None)], ["重点", "A"]),
        ("x", "", "  ", [(None, "400-123-4567转12", "MAIL@X.CN", ""), ("王芳", None, None, None)],
         ["  ", "老客户"]),
        ("(北京)小米", "C2", "北京", [], []),
    ],
)  # fmt: skip
def test_bulk_search_text_is_the_same_as_the_services(
    name: str, code: str | None, city: str | None, contacts: list, tags: list[str]
) -> None:
    from crmdesk.services.importing.execute import SearchText

    build = SearchText()
    for _ in range(2):  # the second time from what it remembered
        assert build(name, code, city, contacts, tags) == cs.search_text_for(
            name, code, city, contacts, tags
        )
