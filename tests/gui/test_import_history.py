"""Import history: the imports are listed and a done one can be undone from there; the main
window offers import in its File menu and opens the wizard for a dropped spreadsheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from crmdesk.qt.import_models import HistoryModel
from crmdesk.qt.settings import Settings
from crmdesk.services import customers as cs
from crmdesk.services.dto import CustomerInput, CustomerQuery
from crmdesk.services.importing import engine
from crmdesk.views.import_history import ImportHistoryDialog
from crmdesk.views.import_wizard import SHEET
from crmdesk.views.main_window import MainWindow


def messy_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["客户台账"])
    ws.append(["客户名称", "联系人", "手机", "邮箱"])
    ws.append(["上海星辰科技有限公司", "张伟", 13812345678.0, "zhang@xingchen.cn"])
    ws.append(["广州海风贸易有限公司", "王芳", "020-87654321", "wang@haifeng.com"])
    ws.append(["合计", None, None, None])
    wb.save(path)
    return path


@pytest.fixture
def imported(app_context, tmp_path: Path):
    path = messy_workbook(tmp_path / "台账.xlsx")
    result = engine.run_import(app_context.db, path, engine.ImportOptions())
    return app_context, result


def names(ctx) -> list[str]:
    return sorted(r.name for r in cs.list_customers(ctx.db, CustomerQuery(), 0, 100))


def test_history_lists_the_import_and_undoes_it(imported, qtbot, monkeypatch):
    ctx, result = imported
    # Someone edits one imported customer afterwards: undo must leave it alone.
    row = next(r for r in cs.list_customers(ctx.db, CustomerQuery(), 0, 100) if "海风" in r.name)
    detail = cs.get_customer(ctx.db, row.id)
    cs.update_customer(
        ctx.db, row.id, detail.version, CustomerInput(name=detail.name, city="广州 (edited)")
    )

    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    model = dialog.model
    assert model.index(0, 0).data().startswith("台账.xlsx")
    assert model.index(0, 3).data() == str(result.counts["create"])
    assert model.index(0, 7).data() == "Imported"
    assert dialog.undo_button.isEnabled()

    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes),
    )
    with qtbot.waitSignal(ctx.bus.data_changed, timeout=10_000):
        dialog.undo_button.click()
    assert "台账.xlsx" in asked[0]
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.batch(0).status == "undone", timeout=10_000
    )
    assert model.index(0, 7).data() == "Undone"
    assert not dialog.undo_button.isEnabled()
    assert "was undone" in dialog.result_label.text()
    assert "left alone" in dialog.result_label.text()
    assert [dialog.left_alone.item(i).text() for i in range(dialog.left_alone.count())] == [
        "广州海风贸易有限公司 — edited since the import"
    ]
    assert names(ctx) == ["广州海风贸易有限公司"]


def test_history_model_passes_the_model_tester(imported, qtmodeltester):
    ctx, _result = imported
    model = HistoryModel()
    model.set_rows(engine.list_imports(ctx.db))
    qtmodeltester.check(model)


def test_main_window_imports_from_the_file_menu_and_a_drop(app_context, qtbot, tmp_path):
    window = MainWindow(app_context, Settings())
    qtbot.addWidget(window)
    window.show()
    texts = [a.text() for a in window.menus["file"].actions()]
    assert "Import from Excel…" in texts and "Import history…" in texts
    assert window.customers.import_action.shortcut().toString() == "Ctrl+I"
    assert window.customers.import_button.isVisible()

    path = messy_workbook(tmp_path / "dropped.xlsx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)
    wizard = window.customers.import_wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.page == SHEET, timeout=10_000)
    assert wizard.loaded.path == path
    wizard.close()
