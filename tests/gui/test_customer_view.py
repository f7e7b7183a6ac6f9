"""The 360° customer view: header, timeline, paging, contacts, tasks and history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import insert

from crmdesk.models import Interaction, InteractionKind
from crmdesk.qt.simple_models import IMPORTANT_COLOR
from crmdesk.services import activity
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, InteractionInput
from crmdesk.views.customer_view import CustomerView
from tests.gui.typing import type_text

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


@pytest.fixture
def customer(app_context) -> int:  # noqa: ANN001
    cid, _ = cs.create_customer(
        app_context.db,
        CustomerInput(name="深圳市华星光电技术有限公司", city="深圳", tier="A", stage="growing"),
        [ContactInput(name="王芳", phone="13812345678", is_primary=True, is_decision_maker=True)],
    )
    return cid


@pytest.fixture
def open_view(qtbot, app_context):  # noqa: ANN001, ANN201
    def make(cid: int) -> CustomerView:
        view = CustomerView(app_context, cid)
        qtbot.addWidget(view)
        view.resize(1200, 760)
        view.show()
        app_context.tasks.wait_idle()
        qtbot.waitUntil(lambda: view.detail is not None)
        return view

    return make


def _show_tab(app_context, view: CustomerView, widget) -> None:  # noqa: ANN001
    view.tabs.setCurrentWidget(widget)
    app_context.tasks.wait_idle()


def test_header_shows_the_customer(qtbot, app_context, open_view, customer):  # noqa: ANN001
    view = open_view(customer)
    assert view.customer_id == customer
    assert view.name_label.text() == "深圳市华星光电技术有限公司"

    def chips() -> list[str]:
        # Widgets added to a shown layout become visible on the next event loop turn.
        return [
            w.text() for w in view.chips_host.findChildren(type(view.name_label)) if w.isVisible()
        ]

    qtbot.waitUntil(lambda: "Tier A" in chips())
    assert "Tier A" in chips() and "Growing" in chips()  # labels, not stored codes
    assert view.contacts_tab.model.rowCount() == 1


def test_timeline_newest_first_important_highlighted_and_inline_add(
    qtbot, app_context, open_view, customer
):  # noqa: ANN001
    db = app_context.db
    for days, summary, important in (
        (3, "首次电话沟通", False),
        (1, "客户投诉交付延期", True),
        (2, "上门拜访", False),
    ):
        activity.add_interaction(
            db,
            customer,
            InteractionInput("call", summary, NOW - dt.timedelta(days=days), important=important),
        )
    view = open_view(customer)
    timeline = view.timeline
    _show_tab(app_context, view, timeline)
    model = timeline.model
    assert [model.row_at(i).summary for i in range(model.rowCount())] == [
        "客户投诉交付延期",
        "上门拜访",
        "首次电话沟通",
    ]
    assert "3 interactions" in timeline.count_label.text()

    # The important one has the coloured marker bar at its left edge; the others do not.
    image = timeline.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def left_edge(row: int) -> QColor:
        rect = timeline.view.visualRect(model.index(row, 0))
        return image.pixelColor(int((rect.left() + 1) * ratio), int(rect.center().y() * ratio))

    assert left_edge(0) == IMPORTANT_COLOR
    assert left_edge(1) != IMPORTANT_COLOR

    type_text(qtbot, timeline.summary, "微信确认下周签约")
    timeline.kind.setCurrentIndex(timeline.kind.findData("wechat"))
    timeline.important.setChecked(True)
    qtbot.mouseClick(timeline.add_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: model.total == 4)
    newest = model.row_at(0)
    assert (newest.summary, newest.kind, newest.important) == ("微信确认下周签约", "wechat", True)
    assert timeline.summary.text() == ""
    # The header's figures follow.
    qtbot.waitUntil(lambda: view.detail.figures.interactions == 4)

    # Deleting it is undoable.
    timeline.view.setCurrentIndex(model.index(0, 0))
    qtbot.mouseClick(timeline.delete_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: model.total == 3)
    app_context.undo.undo()
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: model.total == 4)


def test_five_thousand_interactions_load_one_page_at_a_time(
    qtbot, app_context, open_view, customer
):  # noqa: ANN001
    rows = [
        {
            "customer_id": customer,
            "kind": InteractionKind.CALL,
            "occurred_at": NOW - dt.timedelta(minutes=i),
            "summary": f"第{i}次回访",
            "important": i % 50 == 0,
        }
        for i in range(5000)
    ]
    with app_context.db.write() as s:
        s.execute(insert(Interaction), rows)
    view = open_view(customer)
    timeline = view.timeline
    assert timeline.model.rowCount() == 0  # not read before the tab is shown
    _show_tab(app_context, view, timeline)
    model = timeline.model
    assert 0 < model.rowCount() <= 200
    assert model.total == 5000
    assert "5,000" in timeline.count_label.text()
    assert model.row_at(0).summary == "第0次回访"
    first = model.rowCount()
    bar = timeline.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.rowCount() > first)
    assert model.rowCount() < 5000
    assert model.row_at(first).summary == f"第{first}次回访"


def test_contacts_tab_delete_is_undoable(qtbot, app_context, open_view, customer):  # noqa: ANN001
    view = open_view(customer)
    tab = view.contacts_tab
    _show_tab(app_context, view, tab)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    app_context.undo.undo()
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.row_at(0).name == "王芳"


def test_new_task_and_mark_done(qtbot, app_context, open_view, customer):  # noqa: ANN001
    view = open_view(customer)
    qtbot.mouseClick(view.task_button, Qt.MouseButton.LeftButton)
    tab = view.tasks_tab
    app_context.tasks.wait_idle()
    assert view.tabs.currentWidget() is tab
    type_text(qtbot, tab.title_edit, "回访确认合同细节")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.row_at(0).title == "回访确认合同细节"
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(
        lambda: tab.model.row_at(0) is not None and tab.model.row_at(0).done_at is not None
    )
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_history_shows_an_edit_with_old_and_new_values(qtbot, app_context, open_view, customer):  # noqa: ANN001
    db = app_context.db
    d = cs.get_customer(db, customer)
    cs.update_customer(db, customer, d.version, replace(d.to_input(), stage="at_risk"))
    view = open_view(customer)
    _show_tab(app_context, view, view.history_tab)
    model = view.history_tab.model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert any(row[3] == "Stage" and row[4] == "Growing" and row[5] == "Churn risk" for row in rows)


def test_view_refreshes_when_the_customer_changes_elsewhere(
    qtbot, app_context, open_view, customer
):  # noqa: ANN001
    db = app_context.db
    view = open_view(customer)
    d = cs.get_customer(db, customer)
    changes = cs.update_customer(db, customer, d.version, replace(d.to_input(), name="TCL华星光电"))
    app_context.bus.data_changed.emit(changes, None)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: view.name_label.text() == "TCL华星光电")


def test_edit_button_opens_the_form_and_delete_moves_to_trash(
    qtbot, app_context, open_view, customer
):  # noqa: ANN001
    view = open_view(customer)
    dialog = view.open_edit()
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert dialog.name.text() == "深圳市华星光电技术有限公司"
    dialog.reject()
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: view.banner.isVisible())
    assert "trash" in view.banner.text()
    app_context.undo.undo()
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: not view.banner.isVisible())


def test_add_and_edit_a_contact_through_the_form(qtbot, app_context, open_view, customer):  # noqa: ANN001
    view = open_view(customer)
    tab = view.contacts_tab
    _show_tab(app_context, view, tab)
    dialog = tab.open_form(None)
    type_text(qtbot, dialog.edits["name"], "李强")
    type_text(qtbot, dialog.edits["email"], "liqiang@csot")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.fields["email"].error_label.isVisible()
    type_text(qtbot, dialog.edits["email"], ".com")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert {tab.model.row_at(i).email for i in range(2)} == {None, "liqiang@csot.com"}

    row = next(i for i in range(2) if tab.model.row_at(i).name == "李强")
    dialog = tab.open_form(tab.model.row_at(row).id)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.edits["name"].clear()
    type_text(qtbot, dialog.edits["name"], "李强强")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(
        lambda: "李强强" in {tab.model.row_at(i).name for i in range(tab.model.rowCount())}
    )
    app_context.undo.undo()
    app_context.tasks.wait_idle()
    qtbot.waitUntil(
        lambda: "李强" in {tab.model.row_at(i).name for i in range(tab.model.rowCount())}
    )


def test_last_interaction_counts_calendar_days(qtbot, app_context, open_view, customer):  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    yesterday_evening = dt.datetime.combine(
        dt.date.today() - dt.timedelta(days=1), dt.time(23, 30)
    ).astimezone()
    activity.add_interaction(
        app_context.db,
        customer,
        InteractionInput(kind="call", summary="晚上回电", occurred_at=yesterday_evening),
    )
    view = open_view(customer)
    # (No translator is installed here, so the plural shows as its source text "1 days ago".)
    qtbot.waitUntil(lambda: any(w.text().startswith("1 day") for w in view.findChildren(QLabel)))
    assert not any(w.text() == "today" for w in view.findChildren(QLabel))
