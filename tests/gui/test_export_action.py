"""Export to Excel from the app: the customer list exactly as it is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crmdesk.app import build_main_window
from crmdesk.qt.settings import Settings
from crmdesk.services import customers as cs
from crmdesk.services import exporting
from crmdesk.services.dto import ContactInput, CustomerInput
from crmdesk.views.customer_list import CustomerListView


@pytest.fixture
def ctx(app_context):
    for i, (name, tier) in enumerate(
        [("Firm A", "A"), ("Firm B", "B"), ("Firm C", "A"), ("Other", "A")]
    ):
        cs.create_customer(
            app_context.db,
            CustomerInput(name=name, tier=tier, city="上海"),
            [ContactInput(name=f"联系人{i}", phone=f"1380000000{i}")],
        )
    return app_context


@pytest.fixture
def view(ctx, qtbot):
    widget = CustomerListView(ctx, Settings())
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    return widget


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    """QFileDialog.getSaveFileName answered with a file in tmp (without .xlsx), recording the
    name it proposed."""
    asked: list[str] = []

    def answer(_parent, _title, proposed, _filter, *args, **kwargs):
        asked.append(proposed)
        return str(tmp_path / "mine"), "Excel workbook (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def test_export_writes_the_list_as_shown(view, qtbot, save_dialog, tmp_path):
    header = view.table.horizontalHeader()
    model = view.model
    # The user hides City, drags Tier to the front, searches and sorts by name descending.
    view.set_column_visible(model.column_of("city"), False)
    header.moveSection(header.visualIndex(model.column_of("tier")), 0)
    view.search.setText("firm")
    view.apply_query()
    header.setSortIndicator(model.column_of("name"), header.sortIndicatorOrder().DescendingOrder)
    assert model.rowCount() == 3

    view.export_action.trigger()
    qtbot.waitUntil(lambda: view._export_box is not None, timeout=10_000)

    shown = [
        model.headerData(header.logicalIndex(v), header.orientation())
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]
    out = tmp_path / "mine.xlsx"
    ws = load_workbook(out).worksheets[0]
    assert [c.value for c in ws[1]] == [*shown, "_id", "_version", "_source"]
    assert shown[0] == "Tier" and "City" not in shown
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    names = [r[shown.index("Name")] for r in rows]
    assert names == ["Firm C", "Firm B", "Firm A"]
    assert [r[0] for r in rows] == ["Tier A", "Tier B", "Tier A"]

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    today = QDate.currentDate().toString("yyyyMMdd")
    assert save_dialog == [str(Path(documents) / f"customers_{today}.xlsx")]
    box = view._export_box
    assert box.text() == f"Exported 3 customers to {out}"
    assert any(b.text() == "Open folder" for b in box.buttons())
    assert view.export_action.isEnabled()
    box.done(QMessageBox.StandardButton.Ok)


def test_choosing_no_file_exports_nothing(view, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    view.export_action.trigger()
    assert view._export_box is None and view._export_token is None
    assert view.ctx.tasks.pending_count == 0


def test_a_refused_export_says_why(view, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "gone" / "x.xlsx"), "")),
    )
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: said.append(text))
    )
    view.export_action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said == [f"The folder {tmp_path / 'gone'} does not exist."]
    assert view.export_action.isEnabled()


def test_file_menu_has_export_with_ctrl_e(ctx, qtbot):
    window = build_main_window(ctx, Settings())
    qtbot.addWidget(window)
    action = window.customers.export_action
    assert action in window.menus["file"].actions()
    assert action.text() == "Export customers to Excel…"
    assert action.shortcut() == QKeySequence("Ctrl+E")
    assert window.customers.export_button.text() == "Export to Excel"
    # Every column of the list that holds customer data is one the export knows.
    from crmdesk.qt.customer_model import COLUMN_KEYS

    assert set(COLUMN_KEYS) <= set(exporting.COLUMN_KEYS)
