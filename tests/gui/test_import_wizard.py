"""The import wizard, driven as a user drives it: pick a messy workbook, check the proposed sheet
and the columns, choose what happens to existing customers, read the preview, import, undo."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QFileDialog, QProgressDialog
from pytestqt.qt_compat import qt_api

from crmdesk.qt.import_labels import (
    FIELD_LABELS,
    ON_DUPLICATE,
    REASONS,
    field_label,
    reason_text,
    why_text,
)
from crmdesk.qt.import_models import MappingModel, PreviewModel, SheetModel, cleaned_text
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.services.importing import cleaning, fields
from crmdesk.services.importing import engine as import_engine
from crmdesk.services.importing.mapping import auto_map
from crmdesk.services.importing.plan import ON_DUPLICATE as ENGINE_CHOICES
from crmdesk.services.importing.plan import ROW_REASONS
from crmdesk.views import import_wizard as wizard_module
from crmdesk.views.import_wizard import COLUMNS, FILE, OPTIONS, PREVIEW, RESULT, SHEET, ImportWizard

HEADERS = ["客户名称", "联系人", "手机", "邮箱", "年交易额（万元）", "等级", "创建日期", "备注"]


def messy_workbook(path: Path) -> Path:
    """What offices really keep: an instructions sheet first, a title row and a blank row above
    the header, phones Excel made into numbers, a unit in a header, a total row, a row without a
    name, the same customer twice, and a follow-ups sheet."""
    wb = Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["本表为客户台账，请勿修改表头。"])
    notes.append(["更新于 2024-03-01"])
    ws = wb.create_sheet("客户台账")
    ws.append(["2024年客户台账"])
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(HEADERS)
    ws.append(["上海星辰科技有限公司", "张伟", 13812345678.0, " Zhang.Wei@Example.com ", 12.5,
               "A类", dt.datetime(2023, 5, 6), "老客户"])  # fmt: skip
    ws.append(["北京云图信息技术有限公司", "李娜", "1.3912345678E10", "lina@yuntu.cn", "8",
               "b", "2024/3/5", ""])  # fmt: skip
    ws.append(["广州海风贸易有限公司", "王芳", "020-87654321", "wang@haifeng.com", "3.2",
               "C", "2024年1月9日", "展会认识"])  # fmt: skip
    ws.append([None, "赵六", "13700000000", "zhao@example.com", "1", "A", None, "无名称"])
    ws.append(["北京云图信息技术有限公司", "李娜", "13912345678", None, None, None, None,
               "重复行"])  # fmt: skip
    ws.append(["合计", None, None, None, 24.7, None, None, None])
    follow = wb.create_sheet("跟进记录")
    follow.append(["客户名称", "跟进日期", "跟进方式", "跟进内容", "跟进人"])
    follow.append(["上海星辰科技有限公司", "2024-03-01", "电话", "确认续约意向", "张三"])
    wb.save(path)
    return path


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    return messy_workbook(tmp_path / "客户台账.xlsx")


@pytest.fixture
def existing(app_context):
    """A customer already in crmdesk that the file's first row matches by company name."""
    cs.create_customer(
        app_context.db,
        CustomerInput(name="上海星辰科技有限公司", city="上海", notes="原备注"),
        [ContactInput(name="张伟", phone="13800000001")],
    )
    return app_context


@pytest.fixture
def pick(monkeypatch):
    """QFileDialog.getOpenFileName answers with the file given to the returned function."""
    chosen: list[Path] = []

    def answer(*_args, **_kwargs):
        return str(chosen[-1]), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return chosen.append


@pytest.fixture
def wizard(app_context, qtbot):
    w = ImportWizard(app_context)
    qtbot.addWidget(w)
    w.show()
    return w


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, qt_api.QtCore.Qt.MouseButton.LeftButton)


def names(ctx) -> list[str]:
    rows = cs.list_customers(ctx.db, CustomerQuery(), 0, 100)
    return sorted(r.name for r in rows)


def choose_field(w: ImportWizard, header: str, target: str | None) -> None:
    """Pick a field in the combo of the column with this header, as a user does."""
    model = w.mapping_page.model
    row = next(r for r in range(model.rowCount()) if model.column_mapping(r).header == header)
    combo = w.mapping_page.table.indexWidget(model.index(row, MappingModel.COL_FIELD))
    from crmdesk.qt.import_models import FIELD_ROLE

    i = combo.findData(target or "", FIELD_ROLE)
    assert i >= 0
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def to_preview(w: ImportWizard, qtbot, pick, path: Path, on_duplicate: str = "fill") -> None:
    pick(path)
    click(qtbot, w.file_page.browse_button)
    qtbot.waitUntil(lambda: w.page == SHEET, timeout=10_000)
    click(qtbot, w.next_button)
    click(qtbot, w.next_button)
    assert w.page == OPTIONS
    w.options_page.duplicate_buttons[on_duplicate].click()
    click(qtbot, w.next_button)
    qtbot.waitUntil(lambda: w.preview is not None, timeout=10_000)


# ---------------------------------------------------------------------------------------------


def test_messy_workbook_imports_with_overwrite_and_undo(existing, wizard, qtbot, pick, xlsx):
    ctx, w = existing, wizard
    pick(xlsx)
    click(qtbot, w.file_page.browse_button)
    qtbot.waitUntil(lambda: w.page == SHEET, timeout=10_000)

    # The customers' sheet is proposed, not the instructions in front; the header is row 3.
    assert w.sheet_page.combo.currentData() == "客户台账"
    assert "客户台账" in w.sheet_page.combo.currentText()
    assert w.sheet_page.model.header_index == 2
    assert "Row 3" in w.sheet_page.info.text()

    click(qtbot, w.next_button)
    assert w.page == COLUMNS
    mapping = {m.header: m for m in w.mapping_page.model.mapping()}
    assert mapping["手机"].field == "contact_phone"
    assert mapping["年交易额（万元）"].field == "annual_revenue"
    assert mapping["年交易额（万元）"].scale == 10_000
    model = w.mapping_page.model
    revenue_row = list(mapping).index("年交易额（万元）")
    assert model.index(revenue_row, MappingModel.COL_UNIT).data() == "× 10,000"
    # The user sends 备注 to Pain points instead of Notes.
    choose_field(w, "备注", "pain_points")
    assert {m.header: m.field for m in model.mapping()}["备注"] == "pain_points"
    assert "This mapping is remembered" in " ".join(
        label.text() for label in w.mapping_page.findChildren(qt_api.QtWidgets.QLabel)
    )

    click(qtbot, w.next_button)
    assert w.page == OPTIONS
    assert w.options_page.duplicate_buttons["fill"].isChecked()  # the default
    assert w.options_page.related.isVisible()
    w.options_page.duplicate_buttons["overwrite"].click()
    click(qtbot, w.next_button)
    assert w.page == PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None, timeout=10_000)

    tiles = w.preview_page.tiles.numbers
    assert tiles["create"].text() == "2"  # 北京云图 (its second row merged) and 广州海风
    assert tiles["update"].text() == "1"  # 上海星辰, already in crmdesk
    assert tiles["reject"].text() == "1"  # the row without a name
    assert tiles["merge"].text() == "1"
    preview = w.preview_page.model
    texts = [
        preview.index(r, c).data() or ""
        for r in range(preview.rowCount())
        for c in range(preview.columnCount())
    ]
    assert "1.3912345678E10 → 13912345678" in texts
    assert any("Zhang.Wei@Example.com → zhang.wei@example.com" in t for t in texts)
    assert "The row has no customer name." in texts
    # Filter: only the rejected row.
    click(qtbot, w.preview_page.filter_buttons["reject"])
    assert preview.rowCount() == 1
    assert preview.index(0, PreviewModel.COL_ROW).data() == "7"

    with qtbot.waitSignal(ctx.bus.data_changed, timeout=10_000):
        click(qtbot, w.next_button)  # Import
    qtbot.waitUntil(lambda: w.result is not None, timeout=10_000)
    assert w.page == RESULT
    assert names(ctx) == [
        "上海星辰科技有限公司",
        "北京云图信息技术有限公司",
        "广州海风贸易有限公司",
    ]
    assert w.result_page.tiles.numbers["create"].text() == "2"
    assert w.close_button.text() == "Close"
    detail = cs.get_customer(
        ctx.db, cs.list_customers(ctx.db, CustomerQuery(text="星辰"), 0, 5)[0].id
    )
    assert detail.annual_revenue == 125_000
    assert detail.pain_points == "老客户"

    with qtbot.waitSignal(ctx.bus.data_changed, timeout=10_000):
        click(qtbot, w.result_page.undo_button)
    qtbot.waitUntil(lambda: w.undo_result is not None, timeout=10_000)
    assert names(ctx) == ["上海星辰科技有限公司"]
    assert "records the import created were removed" in w.result_page.undo_label.text()
    assert "1 updated customer" in w.result_page.undo_label.text()
    assert not w.result_page.undo_button.isEnabled()


def test_a_refused_file_says_why_on_the_page(wizard, qtbot, pick, tmp_path):
    fake = tmp_path / "photo.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    pick(fake)
    click(qtbot, wizard.file_page.browse_button)
    qtbot.waitUntil(lambda: bool(wizard.file_page.error_label.text()), timeout=10_000)
    assert wizard.page == FILE
    assert "photo.xlsx is not a spreadsheet" in wizard.file_page.error_label.text()
    assert wizard.file_page.browse_button.isEnabled()
    assert not wizard.next_button.isEnabled()
    assert qt_api.QtWidgets.QApplication.activeModalWidget() is None


def test_a_file_given_at_start_and_dropped_opens(app_context, qtbot, xlsx):
    w = ImportWizard(app_context, path=xlsx)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.page == SHEET, timeout=10_000)
    assert w.loaded is not None and w.loaded.path == xlsx


def test_cancel_during_import_leaves_nothing(app_context, wizard, qtbot, pick, xlsx, monkeypatch):
    """The real engine, slowed down: the user cancels while it writes; nothing is kept."""
    real = import_engine.run_import
    writing = threading.Event()

    class Slow:
        """Holds the writer at its first progress report until the user cancels (at most 5 s)."""

        def __init__(self, token):
            self.token = token

        def check(self):
            self.token.check()

        def progress(self, done, total, text=""):
            if done and text != "Checking rows":
                writing.set()
                for _ in range(500):
                    self.token.check()  # raises once the user cancelled
                    time.sleep(0.01)
            self.token.progress(done, total, text)

    def slow_run(db, path, options, token=None, workbook=None):
        return real(db, path, options, Slow(token), workbook)

    monkeypatch.setattr(import_engine, "run_import", slow_run)
    monkeypatch.setattr(wizard_module, "PROGRESS_DELAY_MS", 0)
    to_preview(wizard, qtbot, pick, xlsx)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(writing.is_set, timeout=10_000)
    dialog = wizard.findChild(QProgressDialog)
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5_000)
    click(qtbot, dialog.findChild(qt_api.QtWidgets.QPushButton))  # its Cancel button
    qtbot.waitUntil(lambda: wizard._import_token is None, timeout=10_000)
    assert wizard.result_page.title.text() == "Cancelled — nothing was imported."
    assert names(app_context) == []
    assert import_engine.list_imports(app_context.db) == []
    assert wizard.back_button.isEnabled()


def test_time_left_is_told_from_the_rate(monkeypatch):
    seen = []

    class Token:
        def check(self):
            pass

        def progress(self, done, total, text=""):
            seen.append(text)

    clock = iter([100.0, 104.0])
    monkeypatch.setattr(wizard_module.time, "monotonic", lambda: next(clock))
    wrap = wizard_module.progress_reporter(
        lambda done, total: f"{done:,} of {total:,}", "about %1 s left", "about %1 min left"
    )
    wrap(Token()).progress(1000, 3000)
    assert seen == ["1,000 of 3,000 — about 8 s left"]


def test_ambiguous_date_example_follows_the_choice(wizard, qtbot, pick, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Company", "Created"])
    ws.append(["Acme Ltd", "03/05/2024"])
    ws.append(["Beta Ltd", "2024-04-01"])
    path = tmp_path / "english.xlsx"
    wb.save(path)
    pick(path)
    click(qtbot, wizard.file_page.browse_button)
    qtbot.waitUntil(lambda: wizard.page == SHEET, timeout=10_000)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)
    wizard.options_page.date_buttons["dmy"].click()
    assert wizard.options_page.date_example.text() == (
        "In this file, 03/05/2024 will be read as 3 May 2024."
    )
    wizard.options_page.date_buttons["mdy"].click()
    assert "as 5 March 2024" in wizard.options_page.date_example.text()
    assert not wizard.options_page.related.isVisible()


# ---------------------------------------------------------------------------------------------
# Models and labels


def test_models_pass_the_model_tester(qtmodeltester, app_context):
    mapping = MappingModel()
    mapping.set_mapping(
        auto_map(HEADERS, [["甲公司", "张三", "13800000000", "a@b.cn", "1", "A", "", ""]]),
        [["甲公司"]] * len(HEADERS),
    )
    qtmodeltester.check(mapping)
    phone_row = 2
    assert mapping.setData(mapping.index(4, MappingModel.COL_FIELD), "contact_phone")
    # The phone field moved: the column that had it is ignored now.
    assert mapping.column_mapping(phone_row).field is None
    assert mapping.last_moved == ("contact_phone", phone_row)
    qtmodeltester.check(mapping)

    sheet = SheetModel()
    sheet.set_rows([["Title"], [], ["A", "B"], [1, 2.5]], 2)
    qtmodeltester.check(sheet)
    assert sheet.index(3, 1).data() == "2.5"

    plan = import_engine.RowPlan(
        "S", 4, "reject", "bad_phone", "Not a phone number.", None, None,
        ("甲", "1.3812345678E10"), (("name", "甲"), ("contact_phone", "13812345678")),
    )  # fmt: skip
    preview = PreviewModel()

    class P:
        rows = (plan,)
        sheet = "S"
        mapping = tuple(auto_map(["客户名称", "手机"], [["甲", "13812345678"]]))

    preview.set_preview(P())
    qtmodeltester.check(preview)
    assert preview.index(0, 4).data() == "1.3812345678E10 → 13812345678"
    preview.set_filter("create")
    assert preview.rowCount() == 0
    qtmodeltester.check(preview)


def test_every_code_has_a_label():
    assert set(FIELD_LABELS) == {f.key for f in fields.FIELDS}
    for f in fields.FIELDS:
        assert FIELD_LABELS[f.key] == f.label
    for code, english in cleaning.REASONS.items():
        assert REASONS[code] == english
    for code, english in ROW_REASONS.items():
        assert REASONS.get(code) == english, code
    assert set(ON_DUPLICATE) == set(ENGINE_CHOICES)
    assert field_label("contact_phone") == "Phone"
    assert reason_text("duplicate_in_file", "Same customer as row 9; merged into it.") == (
        "Same customer as row 9; merged into it."
    )
    assert reason_text("something_new", "Said in English.") == "Said in English."
    assert why_text("“Phone” is taken by column 3 (电话)") == "“Phone” is taken by column 3 (电话)."
    assert cleaned_text("tier", "A") == "Tier A"
    assert cleaned_text("created_at", dt.datetime(2024, 3, 5)) == "2024-03-05"


def test_an_unknown_column_goes_to_a_new_custom_field(wizard, qtbot, pick, tmp_path):
    """An office without custom fields sends the column it has no field for to a new one."""
    wb = Workbook()
    ws = wb.active
    ws.append(["客户名称", "合同编号"])
    ws.append(["杭州远山茶业有限公司", "HT-2024-017"])
    path = tmp_path / "合同.xlsx"
    wb.save(path)
    w, ctx = wizard, wizard.ctx
    pick(path)
    click(qtbot, w.file_page.browse_button)
    qtbot.waitUntil(lambda: w.page == SHEET, timeout=10_000)
    click(qtbot, w.next_button)
    assert w.page == COLUMNS

    model = w.mapping_page.model
    row = next(r for r in range(model.rowCount()) if model.column_mapping(r).header == "合同编号")
    combo = w.mapping_page.table.indexWidget(model.index(row, MappingModel.COL_FIELD))
    entry = combo.findText("    New custom field “合同编号”…")
    assert entry >= 0
    # The name column is not offered a field of its own name: only the column's own header.
    name_combo = w.mapping_page.table.indexWidget(model.index(1 - row, MappingModel.COL_FIELD))
    assert name_combo.findText("    New custom field “合同编号”…") < 0
    with qtbot.waitSignal(ctx.bus.data_changed, timeout=10_000):
        combo.setCurrentIndex(entry)
        combo.activated.emit(entry)
    qtbot.waitUntil(lambda: model.column_mapping(row).field is not None, timeout=10_000)
    target = model.column_mapping(row).field
    assert target.startswith(fields.CUSTOM_PREFIX)
    assert model.index(row, MappingModel.COL_FIELD).data() == "合同编号"
    # The combo lists the field now and no longer offers to make it again.
    combo = w.mapping_page.table.indexWidget(model.index(row, MappingModel.COL_FIELD))
    assert combo.currentText().strip() == "合同编号"
    assert combo.findText("    New custom field “合同编号”…") < 0

    click(qtbot, w.next_button)
    click(qtbot, w.next_button)
    qtbot.waitUntil(lambda: w.preview is not None, timeout=10_000)
    with qtbot.waitSignal(ctx.bus.data_changed, timeout=10_000):
        click(qtbot, w.next_button)
    qtbot.waitUntil(lambda: w.result is not None, timeout=10_000)
    customer = cs.list_customers(ctx.db, CustomerQuery(text="远山"), 0, 5)[0]
    detail = cs.get_customer(ctx.db, customer.id)
    values = {f.label: f.value for f in detail.custom_fields}
    assert values == {"合同编号": "HT-2024-017"}
