"""The Customers screen as a user drives it: type, filter, delete, undo, trash."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crmdesk.qt import customer_model as cm
from crmdesk.qt.settings import Settings
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.views.customer_list import CustomerListView
from crmdesk.views.trash import TrashDialog

N = 30


@pytest.fixture
def ctx(app_context):
    db = app_context.db
    for i in range(N):
        cs.create_customer(
            db,
            CustomerInput(name=f"Firm {i:02d}", tier="ABC"[i % 3], city="上海"),
            [ContactInput(name=f"Person {i}", phone=f"1390000{i:04d}")],
        )
    cs.create_customer(
        db, CustomerInput(name="北京远景科技有限公司", tier="B"), [ContactInput(name="张伟")]
    )
    return app_context


@pytest.fixture
def view(ctx, qtbot):
    widget = CustomerListView(ctx, Settings())
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def names(view: CustomerListView) -> list[str]:
    m = view.model
    return [m.index(r, m.column_of("name")).data() for r in range(m.rowCount())]


def test_list_shows_every_customer_and_the_count(view):
    assert view.model.rowCount() == N + 1
    assert view.count_label.text() == f"{N + 1} customers"
    assert view.search.placeholderText().startswith("Search name, contact")
    assert view.search.isClearButtonEnabled()


def test_search_as_you_type_finds_a_contact(view, qtbot, english):
    # QTest cannot type CJK keys; an input method commits text the way insert() does.
    view.search.setFocus()
    for ch in "张伟":
        view.search.insert(ch)
    assert view.model.rowCount() == N + 1  # debounced: nothing is searched per keystroke
    qtbot.waitUntil(lambda: names(view) == ["北京远景科技有限公司"], timeout=3000)
    assert view.count_label.text() == "1 customer"
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == N + 1, timeout=3000)


def test_no_match_says_so(view, qtbot):
    qtbot.keyClicks(view.search, "nothing like this")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=3000)
    assert "No customers match" in view.count_label.text()


def test_quick_filter_tier_a(view, qtbot):
    qtbot.mouseClick(view.filters.tier_buttons["A"], Qt.MouseButton.LeftButton)
    m = view.model
    assert m.rowCount() == 10
    assert {m.index(r, m.column_of("tier")).data() for r in range(m.rowCount())} == {"Tier A"}
    assert view.filters.clear_button.isEnabled()
    qtbot.mouseClick(view.filters.clear_button, Qt.MouseButton.LeftButton)
    assert m.rowCount() == N + 1
    assert view.filters.tier_buttons[None].isChecked()


def test_owner_mine_and_stage_filters(view, ctx):
    filters = view.filters
    filters.set_owner(-1)  # Mine: the signed-in user created them all
    assert view.model.rowCount() == N + 1
    assert view.model.query.owner_id == ctx.db.user.id
    filters.set_stage("churned")
    assert view.model.rowCount() == 0
    assert filters.stage_combo.currentText() == "Churned"


def test_delete_then_undo_brings_the_rows_back(view, ctx, qtbot):
    messages = []
    ctx.bus.status_message_requested.connect(messages.append)
    view.select_row(0)
    view.select_row(1, add=True)
    doomed = view.selected_ids()
    assert len(doomed) == 2
    view.delete_action.trigger()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: view.model.rowCount() == N - 1)
    assert "Firm 00" not in names(view)
    assert messages[-1] == "Moved 2 customers to the trash — Ctrl+Z to undo"
    assert ctx.undo.canUndo()
    ctx.undo.undo()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: view.model.rowCount() == N + 1)
    assert names(view)[:2] == ["Firm 00", "Firm 01"]
    ctx.undo.redo()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: view.model.rowCount() == N - 1)


def test_enter_opens_the_customer(view, ctx, qtbot):
    view.select_row(3)
    expected = view.model.customer_id(3)
    with qtbot.waitSignal(ctx.bus.open_customer_requested) as blocker:
        view.open_action.trigger()
    assert blocker.args == [expected]


def test_hidden_columns_are_remembered(ctx, qtbot):
    first = CustomerListView(ctx, Settings())
    qtbot.addWidget(first)
    phone = cm.COLUMN_KEYS.index("phone")
    assert not first.table.isColumnHidden(phone)
    first.set_column_visible(phone, False)
    first.table.sortByColumn(cm.COLUMN_KEYS.index("name"), Qt.SortOrder.DescendingOrder)
    first.save_state()
    second = CustomerListView(ctx, Settings())
    qtbot.addWidget(second)
    assert second.table.isColumnHidden(phone)
    assert second.model.query.descending
    assert names(second)[0] == "北京远景科技有限公司"


def test_capped_count_is_shown_then_made_exact(ctx, qtbot, monkeypatch):
    monkeypatch.setattr(cm, "COUNT_CAP", 10)
    view = CustomerListView(ctx, Settings())
    qtbot.addWidget(view)
    assert view.count_label.text() in ("10+ customers", f"{N + 1} customers")
    qtbot.waitUntil(lambda: view.count_label.text() == f"{N + 1} customers")
    assert view.model.rowCount() == N + 1


def test_trash_restore_and_erase(view, ctx, qtbot, monkeypatch):
    ids = [view.model.customer_id(0), view.model.customer_id(1)]
    changes = cs.delete_customers(ctx.db, ids)
    ctx.bus.data_changed.emit(changes, None)
    qtbot.waitUntil(lambda: view.model.rowCount() == N - 1)

    trash = TrashDialog(ctx, view)
    qtbot.addWidget(trash)
    assert trash.model.rowCount() == 2
    assert trash.count_label.text() == "2 in the trash"
    assert not trash.restore_button.isEnabled()
    trash.table.selectRow(0)
    assert trash.restore_button.isEnabled()
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: trash.model.rowCount() == 1)
    qtbot.waitUntil(lambda: view.model.rowCount() == N)
    assert "Firm 00" in names(view)

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    trash.table.selectRow(0)
    trash.erase_button.click()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: trash.model.rowCount() == 0)
    assert trash.count_label.text() == "The trash is empty."
    assert cs.count_customers(ctx.db, CustomerQuery(trash=True)).count == 0
    assert view.model.rowCount() == N


def test_typing_back_to_the_shown_search_drops_the_pending_one(qtbot, app_context):
    """A search typed and erased before its answer arrives must not replace the list."""
    from crmdesk.services import customers as cs
    from crmdesk.services.dto import CustomerInput
    from crmdesk.views.customer_list import CustomerListView

    for name in ("恒通信息", "华信科技"):
        cs.create_customer(app_context.db, CustomerInput(name=name))
    view = CustomerListView(app_context)
    qtbot.addWidget(view)
    view.apply_query()
    assert view.model.rowCount() == 2
    view.search.setText("恒通")
    view.apply_query(background=True)
    view.search.setText("")
    view.apply_query(background=True)
    app_context.tasks.wait_idle()
    qtbot.wait(50)
    assert view.model.rowCount() == 2
    assert view.model.query.text == ""
