"""The Excel export: what a manager opens is the list as shown, typed, safe and re-importable."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import event, update

from crmdesk.models import Customer
from crmdesk.services import custom_fields, exporting, lookups
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.services.exporting import ExportError, export_customers, export_template

ROOT = Path(__file__).resolve().parents[2]

ENGLISH = [
    "Code", "Name", "Type", "Industry", "City", "Address", "Website", "Channel", "Segment",
    "Tier", "Stage", "Owner", "Tags", "Annual revenue", "Contact", "Title", "Phone", "Email",
    "WeChat", "Birthday", "Usage scenario", "Pain points", "Notes", "Created",
    "Last interaction",
]  # fmt: skip
CHINESE = [
    "客户编号", "客户名称", "类型", "行业", "城市", "地址", "官网", "来源渠道", "客户分类",
    "客户等级", "生命周期", "负责人", "标签", "年交易额", "联系人", "职务", "电话", "邮箱",
    "微信", "生日", "使用场景", "需求痛点", "备注", "创建时间", "最近跟进",
]  # fmt: skip


def _sheet(path: Path):  # noqa: ANN202
    return load_workbook(path).worksheets[0]


def _rows(ws) -> list[dict[str, object]]:  # noqa: ANN001
    header = [c.value for c in ws[1]]
    return [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def office(database):  # noqa: ANN001, ANN201
    """Three customers with everything filled in one of them, tags, a custom field."""
    db = database
    vip, _ = lookups.create_tag(db, "VIP", "level")
    east, _ = lookups.create_tag(db, "华东", "region")
    field_id, _ = custom_fields.define_field(db, "Employees", "number")
    acme, _ = cs.create_customer(
        db,
        CustomerInput(
            name="上海远景科技有限公司",
            code="C-001",
            industry="制造业",
            city="上海",
            address="浦东新区 100 号",
            website="www.example.cn",
            channel="referral",
            segment="paid",
            tier="A",
            stage="at_risk",
            annual_revenue=Decimal("1234567.50"),
            usage_scenario="仓库管理",
            pain_points="手工盘点",
            notes="first line\nsecond line",
            tag_ids=(vip.id, east.id),
            custom=((field_id, "250"),),
        ),
        [
            ContactInput(
                name="张伟",
                title="采购经理",
                phone="138 1234 5678",
                email="zhang@example.cn",
                wechat="zw_sh",
                birthday=dt.date(1985, 6, 1),
                is_primary=True,
            )
        ],
    )
    cs.create_customer(db, CustomerInput(name="Beta Ltd", code="C-002", tier="B", city="北京"))
    cs.create_customer(
        db, CustomerInput(name='=HYPERLINK("http://x")', code="C-003", tier="B", city="北京")
    )
    last = dt.datetime(2024, 3, 5, 6, 30, tzinfo=dt.UTC)
    with db.write() as s:
        s.execute(update(Customer).where(Customer.id == acme).values(last_interaction_at=last))
    return db, acme, last


def test_full_export_in_english_has_the_exact_headers_then_custom_fields(office, tmp_path):
    db, acme, last = office
    result = export_customers(db, tmp_path / "all.xlsx", lang="en")
    assert result.rows == 3 and result.path == tmp_path / "all.xlsx"
    # Readable by whoever may read the folder's other files, like any file the user saves.
    mask = os.umask(0)
    os.umask(mask)
    assert result.path.stat().st_mode & 0o777 == 0o666 & ~mask
    ws = _sheet(result.path)
    header = [c.value for c in ws[1]]
    assert header == [*ENGLISH, "Employees", "_id", "_version", "_source"]
    row = next(r for r in _rows(ws) if r["_id"] == acme)
    assert row["Name"] == "上海远景科技有限公司"
    assert (row["Type"], row["Channel"], row["Segment"]) == ("Company", "Referral", "Paid")
    assert (row["Tier"], row["Stage"]) == ("Tier A", "Churn risk")
    assert row["Tags"] == "VIP, 华东"  # ", "-joined, ordered by group then name
    assert (row["Contact"], row["Title"], row["Phone"]) == ("张伟", "采购经理", "138 1234 5678")
    assert (row["Email"], row["WeChat"]) == ("zhang@example.cn", "zw_sh")
    assert row["Notes"] == "first line\nsecond line"
    assert row["Employees"] == 250
    assert row["_version"] == cs.get_customer(db, acme).version
    assert row["Last interaction"] == last.astimezone().replace(tzinfo=None)


def test_chinese_headers_and_labels(office, tmp_path):
    db, acme, _ = office
    ws = _sheet(export_customers(db, tmp_path / "客户.xlsx", lang="zh_CN").path)
    assert [c.value for c in ws[1]][:25] == CHINESE
    assert ws.title == "客户"
    row = next(r for r in _rows(ws) if r["_id"] == acme)
    assert (row["类型"], row["来源渠道"], row["客户分类"]) == ("企业", "转介绍", "付费")
    assert (row["客户等级"], row["生命周期"]) == ("A类客户", "流失预警客户")


def test_cells_are_typed_and_the_sheet_is_ready_to_filter(office, tmp_path):
    db, acme, _ = office
    ws = _sheet(export_customers(db, tmp_path / "x.xlsx", lang="en").path)
    col = {c.value: c.column_letter for c in ws[1]}
    r = next(i for i, row in enumerate(ws.iter_rows(min_row=2), 2) if row[-3].value == acme)
    money = ws[f"{col['Annual revenue']}{r}"]
    assert money.data_type == "n" and money.value == 1234567.5
    assert money.number_format == "#,##0.00"
    for name in ("Birthday", "Created", "Last interaction"):
        cell = ws[f"{col[name]}{r}"]
        assert cell.is_date and isinstance(cell.value, dt.datetime), name
    assert ws[f"{col['Birthday']}{r}"].value.date() == dt.date(1985, 6, 1)
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{col['_source']}4"
    assert all(ws.column_dimensions[col[h]].hidden for h in ("_id", "_version", "_source"))
    assert not ws.column_dimensions[col["Name"]].hidden
    # A Chinese company name is twice as wide as its characters count.
    assert ws.column_dimensions[col["Name"]].width >= 2 * len("上海远景科技有限公司")


def test_formula_like_text_is_stored_as_text_unchanged(database, tmp_path):
    texts = ["=1+2", "+86 138 0000 0000", "-5", "@SUM(A1:A2)", "\tindented", '=HYPERLINK("x")']
    ids = [cs.create_customer(database, CustomerInput(name=f"Firm {i}"))[0] for i in range(6)]
    # Written as they are (the form trims a leading tab; an import or another tool may not).
    with database.write() as s:
        for cid, text in zip(ids, texts, strict=True):
            s.execute(update(Customer).where(Customer.id == cid).values(notes=text, industry=text))
    ws = _sheet(export_customers(database, tmp_path / "f.xlsx", lang="en").path)
    col = {c.value: c.column - 1 for c in ws[1]}
    by_id = {row[col["_id"]].value: row for row in ws.iter_rows(min_row=2)}
    for cid, text in zip(ids, texts, strict=True):
        for name in ("Notes", "Industry"):
            cell = by_id[cid][col[name]]
            assert cell.data_type == "s", (text, cell.data_type)
            assert cell.value == text
            assert cell.quotePrefix  # Excel keeps it text when the cell is edited
    # Nothing in the file is a formula.
    with pytest.raises(StopIteration):
        next(c for row in ws.iter_rows() for c in row if c.data_type == "f")


def test_the_query_search_filters_sort_and_columns_are_honoured(database, tmp_path):
    for i, (name, tier, city) in enumerate(
        [
            ("Alpha", "A", "上海"),
            ("Bravo", "A", "上海"),
            ("Charlie", "B", "上海"),
            ("Delta", "A", "北京"),
            ("Echo", "A", "上海"),
        ]  # fmt: skip
    ):
        cs.create_customer(
            database,
            CustomerInput(name=f"{name} Trading", tier=tier, city=city, annual_revenue=Decimal(i)),
        )
    query = CustomerQuery(text="trading", tier="A", sort="annual_revenue", descending=True)
    visible = cs.list_customers(database, query)
    result = export_customers(
        database, tmp_path / "q.xlsx", query, columns=["city", "name", "tier"], lang="en"
    )
    ws = _sheet(result.path)
    assert [c.value for c in ws[1]] == ["City", "Name", "Tier", "_id", "_version", "_source"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == [r.name for r in visible]
    assert [r[1] for r in rows] == [
        "Echo Trading",
        "Delta Trading",
        "Bravo Trading",
        "Alpha Trading",
    ]
    assert result.rows == 4


def test_reading_is_paged_without_a_query_per_customer(database, tmp_path, monkeypatch):
    for i in range(23):
        cs.create_customer(
            database,
            CustomerInput(name=f"Firm {i}"),
            [ContactInput(name=f"P{i}", phone="13800000000")],
        )
    monkeypatch.setattr(exporting.customers, "PAGE_SIZE", 10)
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # noqa: ANN001, ANN202
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        seen: list[tuple[int, int]] = []
        export_customers(database, tmp_path / "p.xlsx", progress=lambda d, t: seen.append((d, t)))
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    # 3 pages x (rows, tags, contacts) + custom field definitions + the ordered ids (+ a
    # search-selectivity probe at most) + the database's identity: a constant per page, never
    # one per customer.
    assert len(statements) <= 3 * 3 + 4
    assert seen == [(0, 23), (10, 23), (20, 23), (23, 23)]


def test_a_cancelled_export_leaves_no_file(office, tmp_path):
    db, _, _ = office
    target = tmp_path / "out" / "cancelled.xlsx"
    target.parent.mkdir()

    class Stop(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done:
            raise Stop

    with pytest.raises(Stop):
        export_customers(db, target, progress=cancel)
    assert list(target.parent.iterdir()) == []


def test_an_existing_file_is_replaced_only_when_the_export_succeeds(office, tmp_path):
    db, _, _ = office
    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"the old export")
    with pytest.raises(RuntimeError):
        export_customers(db, target, progress=lambda d, t: (_ for _ in ()).throw(RuntimeError()))
    assert target.read_bytes() == b"the old export"
    export_customers(db, target)
    assert _sheet(target).max_row == 4


def test_a_missing_folder_or_a_locked_file_is_one_sentence(office, tmp_path, monkeypatch):
    db, _, _ = office
    with pytest.raises(ExportError) as missing:
        export_customers(db, tmp_path / "nowhere" / "x.xlsx")
    assert str(missing.value) == f"The folder {tmp_path / 'nowhere'} does not exist."

    def locked(src, dst):  # noqa: ANN001, ANN202 - Windows refuses to replace an open file
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(exporting.files.os, "replace", locked)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ExportError) as exc:
        export_customers(db, folder / "open.xlsx")
    assert "open.xlsx could not be written: it is open in another program" in str(exc.value)
    assert list(folder.iterdir()) == []  # the temporary file went too


# ---------------------------------------------------------------------------------------------
# Round trip (hypothesis): every value comes back as it was stored


_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32)]))
        + "\ufffe\uffff",
    ),
    max_size=30,
)
_PREFIX = st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", "=SUM(", "😀", "客户"])
_NAME = (
    st.tuples(_PREFIX, _TEXT).map("".join).filter(lambda s: 0 < len(s.strip()) and len(s) <= 200)
)
_NOTES = st.one_of(
    st.none(), st.tuples(_PREFIX, _TEXT, st.sampled_from(["", "\r\n", "\n"]), _TEXT).map("".join)
)
_MONEY = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**12, places=2))
_BIRTHDAY = st.one_of(
    st.none(), st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31))
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.tuples(_NAME, _NOTES, _MONEY, _BIRTHDAY, _TEXT), min_size=1, max_size=4))
def test_export_round_trips_every_value(sqlite_db, tmp_path, customers):
    db = sqlite_db
    tag, _ = lookups.create_tag(db, f"batch {len(lookups.list_tags(db))}")
    ids = []
    for name, notes, money, birthday, phone in customers:
        try:
            cid, _ = cs.create_customer(
                db,
                CustomerInput(name=name, notes=notes, annual_revenue=money, tag_ids=(tag.id,)),
                [ContactInput(name="联系人", phone=phone or None, birthday=birthday)],
            )
        except Exception as exc:  # a value the form refuses is not the export's business
            from crmdesk.errors import ValidationError

            assert isinstance(exc, ValidationError)
            continue
        ids.append(cid)
    out = tmp_path / f"rt-{tag.id}.xlsx"
    export_customers(db, out, CustomerQuery(tag_id=tag.id), lang="en")
    ws = _sheet(out)
    col = {c.value: c.column - 1 for c in ws[1]}
    rows = {r[col["_id"]].value: r for r in ws.iter_rows(min_row=2)}
    assert set(rows) == set(ids)
    for cid in ids:
        stored = cs.get_customer(db, cid)
        contact = stored.contacts[0]
        row = rows[cid]

        def text(name: str, value: str | None, row=row) -> None:  # noqa: ANN001
            cell = row[col[name]]
            expected = exporting.clean_text(value) if value else None
            assert cell.value == expected, name
            if expected is not None:
                assert cell.data_type == "s", name

        text("Name", stored.name)
        text("Notes", stored.notes)
        text("Phone", contact.phone)
        text("Tags", tag.name)
        money = row[col["Annual revenue"]].value
        assert (None if money is None else Decimal(str(money))) == stored.annual_revenue
        birthday = row[col["Birthday"]].value
        assert (birthday.date() if birthday else None) == contact.birthday
        created = row[col["Created"]].value
        assert abs(created - stored.created_at.astimezone().replace(tzinfo=None)) < dt.timedelta(
            seconds=1
        )
        assert row[col["_version"]].value == stored.version


def test_text_cleaning_keeps_what_a_cell_can_hold():
    assert exporting.clean_text("a\r\nb\rc") == "a\nb\nc"
    assert exporting.clean_text("bell\x07 and \x00nul") == "bell and nul"
    assert len(exporting.clean_text("x" * 40000)) == 32767
    assert exporting.display_width("客户ab") == 6


# ---------------------------------------------------------------------------------------------
# The template


def test_template_has_the_import_headers_a_comment_each_and_an_example(tmp_path):
    result = export_template(tmp_path / "模板.xlsx", "zh_CN")
    wb = load_workbook(result.path)
    sheet, example = wb.worksheets
    assert (sheet.title, example.title) == ("客户", "示例")
    header = [c.value for c in sheet[1]]
    assert header == CHINESE[:-2]  # no timestamps: crmdesk keeps those itself
    assert result.rows == len(header)
    assert all(c.comment is not None and c.comment.text for c in sheet[1])
    phone = sheet[1][header.index("电话")].comment.text
    assert "11位手机号" in phone and "座机" in phone
    assert "A类客户" in sheet[1][header.index("客户等级")].comment.text
    assert sheet.max_row == 1  # empty, ready to fill
    assert [c.value for c in example[1]] == header
    sample = {h: c.value for h, c in zip(header, example[2], strict=True)}
    assert sample["客户名称"] == "上海示例贸易有限公司" and sample["客户等级"] == "B类客户"
    assert sample["年交易额"] == 450000 and sample["生日"].date() == dt.date(1985, 6, 1)


def test_english_template_and_custom_fields(database, tmp_path):
    custom_fields.define_field(database, "Licence expiry", "date")
    ws = load_workbook(export_template(tmp_path / "t.xlsx", "en", database).path).worksheets[0]
    header = [c.value for c in ws[1]]
    assert header == [*ENGLISH[:-2], "Licence expiry"]
    assert "landline with area code" in ws[1][header.index("Phone")].comment.text
    assert "2024-03-05" in ws[1][header.index("Licence expiry")].comment.text


def test_template_into_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_template(tmp_path / "no" / "t.xlsx")


# ---------------------------------------------------------------------------------------------
# Consistency with the app


def _ts_labels(lang: str) -> dict[str, str]:
    root = ET.parse(ROOT / "resources" / "i18n" / f"crmdesk_{lang}.ts")
    for context in root.iter("context"):
        if context.findtext("name") == "Labels":
            return {
                m.findtext("source"): m.findtext("translation") for m in context.iter("message")
            }
    raise AssertionError("no Labels context")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_labels_are_the_apps_labels(lang):
    """The export's enum labels are exactly what the app shows (qt/labels.py, translated)."""
    app = _ts_labels(lang)
    english = exporting.EN
    for table in ("kind", "stage", "tier", "segment", "channel"):
        for code, label in exporting.TEXT[lang][table].items():
            assert app[english[table][code]] == label, (table, code)


def test_importing_the_module_does_not_load_openpyxl():
    code = "import sys, crmdesk.services.exporting; print('openpyxl' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
    )
    assert out.stdout.strip() == "False", out.stderr
