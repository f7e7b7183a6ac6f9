"""Registering a ticket from the customer's 360° view, from a timeline interaction and from
nothing (the customer picked from suggestions); the ticket window and its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crmdesk.services import activity, knowledge
from crmdesk.services import tickets as ts
from crmdesk.services.dto import InteractionInput
from crmdesk.views.customer_view import CustomerView
from crmdesk.views.ticket_dialog import NewTicketDialog, new_ticket, open_ticket
from crmdesk.views.ticket_step_dialogs import AssigneeDialog
from crmdesk.views.ticket_window import TicketWindow
from tests.gui.ticket_helpers import (  # noqa: F401 - close_ticket_windows is an autouse fixture
    close_ticket_windows,
    make_office,
    make_ticket,
    shown,
)
from tests.gui.typing import type_text


@pytest.fixture
def office(app_context):  # noqa: ANN001, ANN201
    return make_office(app_context.db)


@pytest.fixture
def customer_view(qtbot, app_context, office):  # noqa: ANN001, ANN201
    view = CustomerView(app_context, office.customer)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: view.detail is not None)
    return view


def _saved(ctx, qtbot, dialog: NewTicketDialog) -> int:  # noqa: ANN001
    dialog.save_button.click()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: dialog.ticket_id is not None)
    return dialog.ticket_id


def test_new_ticket_from_the_360_view(qtbot, app_context, office, customer_view):  # noqa: ANN001
    ctx, view = app_context, customer_view
    view.tabs.setCurrentWidget(view.tickets_tab)
    ctx.tasks.wait_idle()
    assert view.tickets_tab.model.rowCount() == 0
    dialog = view.tickets_tab.new_ticket()
    ctx.tasks.wait_idle()
    # The customer is given: filled in and locked; its primary contact is proposed.
    assert dialog.customer.edit.text() == "深圳市华星光电技术有限公司"
    assert dialog.customer.edit.isReadOnly()
    assert dialog.contact.currentData() == office.contact
    assert dialog.assignee.findData(office.agent) > 0

    dialog.save_button.click()
    assert dialog.fields["title"].error == "Say in a few words what the problem is."
    assert dialog.isVisible()
    type_text(qtbot, dialog.title, "发票金额错误")
    assert dialog.fields["title"].error == ""
    dialog.category.setCurrentIndex(dialog.category.findData("fault"))
    dialog.priority.setCurrentIndex(dialog.priority.findData("low"))
    dialog.assignee.setCurrentIndex(dialog.assignee.findData(office.agent))
    tid = _saved(ctx, qtbot, dialog)

    d = ts.get_ticket(ctx.db, tid)
    assert (d.customer_id, d.contact_name, d.title, d.category, d.priority) == (
        office.customer,
        "王芳",
        "发票金额错误",
        "fault",
        "low",
    )
    assert (d.status, d.assignee_name) == ("assigned", "孙婷")  # given an agent: assigned
    qtbot.waitUntil(lambda: view.tickets_tab.model.rowCount() == 1)
    assert view.tickets_tab.model.row_at(0).title == "发票金额错误"

    # Double-clicking the row opens the ticket's window.
    table = view.tickets_tab.table
    rect = table.visualRect(view.tickets_tab.model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(shown(TicketWindow)))
    window = shown(TicketWindow)[0]
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.detail is not None)
    assert window.ticket_id == tid and "发票金额错误" in window.title_label.text()


def test_new_ticket_from_a_timeline_interaction(qtbot, app_context, office, customer_view):  # noqa: ANN001
    ctx, view = app_context, customer_view
    when = dt.datetime(2026, 3, 2, 2, 15, tzinfo=dt.UTC)  # 10:15 in Shanghai
    iid, _ = activity.add_interaction(
        ctx.db,
        office.customer,
        InteractionInput(
            kind="call",
            summary="客户来电：发票金额多开",
            content="三月发票多开了 1,000 元，要求重开",
            occurred_at=when,
            contact_id=office.contact,
        ),
    )
    view.tabs.setCurrentWidget(view.timeline)
    ctx.tasks.wait_idle()
    timeline = view.timeline
    qtbot.waitUntil(lambda: timeline.model.rowCount() == 1)
    assert not timeline.ticket_button.isEnabled()
    timeline.view.setCurrentIndex(timeline.model.index(0, 0))
    assert timeline.ticket_button.isEnabled()
    timeline.ticket_button.click()
    dialogs = shown(NewTicketDialog, timeline)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    ctx.tasks.wait_idle()
    assert dialog.title.text() == "客户来电：发票金额多开"
    assert dialog.description.toPlainText() == "三月发票多开了 1,000 元，要求重开"
    assert dialog.channel.currentText() == "Phone"
    assert dialog.contact.currentData() == office.contact
    assert dialog.customer.edit.isReadOnly()
    tid = _saved(ctx, qtbot, dialog)
    d = ts.get_ticket(ctx.db, tid)
    assert d.interaction_id == iid
    assert d.reported_at is not None
    assert d.reported_at.replace(tzinfo=dt.UTC) == when
    assert d.channel == "Phone"


def test_the_customer_is_picked_from_suggestions(qtbot, app_context, office):  # noqa: ANN001
    ctx = app_context
    dialog = new_ticket(ctx, None)
    qtbot.addWidget(dialog)
    ctx.tasks.wait_idle()
    assert not dialog.customer.edit.isReadOnly()
    type_text(qtbot, dialog.title, "打印机卡纸")
    dialog.save_button.click()
    assert dialog.fields["customer"].error == "Which customer is it for?"
    dialog.customer.edit.setFocus()
    type_text(qtbot, dialog.customer.edit, "华星")
    qtbot.waitUntil(lambda: bool(dialog.customer.suggestions()), timeout=3000)
    ctx.tasks.wait_idle()
    # Typed but not picked: still no customer.
    dialog.save_button.click()
    assert dialog.fields["customer"].error == "Choose the customer from the suggestions."
    (suggestion,) = dialog.customer.suggestions()
    assert suggestion.startswith("深圳市华星光电技术有限公司")
    dialog.customer.completer.activated[str].emit(suggestion)
    ctx.tasks.wait_idle()
    assert dialog.customer.customer_id == office.customer
    assert dialog.customer.edit.text() == "深圳市华星光电技术有限公司"
    assert dialog.fields["customer"].error == ""
    assert dialog.contact.currentData() == office.contact
    tid = _saved(ctx, qtbot, dialog)
    assert ts.get_ticket(ctx.db, tid).customer_id == office.customer


def test_the_ticket_window_shows_the_history_after_a_move(qtbot, app_context, office):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office)
    window = open_ticket(ctx, None, tid)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.detail is not None)

    def history() -> list[str]:
        return [
            window.tabs.history.item(r, 1).text() for r in range(window.tabs.history.rowCount())
        ]

    assert history() == ["tester registered the ticket"]
    assert window.next_button.text() == "Assign…"
    window.next_button.click()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: bool(shown(AssigneeDialog, window)))
    dialog = shown(AssigneeDialog, window)[0]
    dialog.set_assignee(office.agent)
    dialog.ok_button.click()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: len(history()) == 3)
    # Newest first, in words.
    assert history() == [
        "tester moved it from Registered to Assigned",
        "tester assigned it to 孙婷",
        "tester registered the ticket",
    ]
    assert window.next_button.text() == "Solution worked out"
    assert "孙婷" in window.customer_label.text()
    steps = window.tabs.steps
    assert steps.rowCount() == 2
    # What was worked on in each stay: the assignment while registered, then the solution.
    assert [steps.item(r, 0).text() for r in range(2)] == ["Assignment", "Solution"]
    assert steps.item(1, 4).text() == "(current step)"

    # A comment with Ctrl+Enter.
    window.comment.setFocus()
    type_text(qtbot, window.comment, "已电话联系客户")
    qtbot.keyClick(window.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: len(history()) == 4)
    assert history()[0] == "tester commented"
    assert window.tabs.history.item(0, 2).text() == "已电话联系客户"
    assert window.comment.toPlainText() == ""

    # Esc closes the window.
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_change_elsewhere_shows_in_the_open_ticket(qtbot, app_context, office):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="assigned")
    window = open_ticket(ctx, None, tid)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.detail is not None)
    assert open_ticket(ctx, None, tid) is window  # one window per ticket
    changes = ts.set_waiting(ctx.db, tid, True)
    ctx.bus.data_changed.emit(changes, None)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.detail.waiting)
    assert window.sla_label.text().startswith("Paused: waiting for the customer")
    assert window.wait_button.text() == "Resume (customer answered)"
    # The customer's name is a link that opens the customer.
    opened: list[int] = []
    ctx.bus.open_customer_requested.connect(opened.append)
    assert "深圳市华星光电技术有限公司" in window.customer_label.text()
    window.customer_label.linkActivated.emit("customer")
    assert opened == [office.customer]


def test_suggested_articles_are_linked_to_the_new_ticket(qtbot, app_context, office):  # noqa: ANN001
    ctx = app_context
    aid, _ = knowledge.create_article(
        ctx.db,
        knowledge.ArticleInput(
            title="打印机网络连接故障排查", body_html="<p>检查打印机面板上的网络指示灯。</p>"
        ),
    )
    knowledge.create_article(
        ctx.db, knowledge.ArticleInput(title="发票重开流程", body_html="<p>财务审核后重开。</p>")
    )
    dialog = new_ticket(ctx, None, office.customer)
    qtbot.addWidget(dialog)
    ctx.tasks.wait_idle()
    type_text(qtbot, dialog.title, "打印机无法连接网络")
    qtbot.waitUntil(lambda: bool(dialog.suggested.rows()), timeout=3000)
    ctx.tasks.wait_idle()
    assert [r.title for r in dialog.suggested.rows()] == ["打印机网络连接故障排查"]
    dialog.suggested.article_chosen.emit(aid)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: dialog.article_ids() == [aid])
    assert dialog.linked.item(0).text() == "打印机网络连接故障排查"
    tid = _saved(ctx, qtbot, dialog)
    assert ts.get_ticket(ctx.db, tid).articles == [(aid, "打印机网络连接故障排查")]


def test_editing_the_details_is_recorded_and_a_stale_save_refused(qtbot, app_context, office):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="assigned")
    window = open_ticket(ctx, None, tid)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.detail is not None)
    assert not window.save_button.isEnabled()
    window.priority.setCurrentIndex(window.priority.findData("urgent"))
    window.priority.activated.emit(window.priority.currentIndex())
    assert window.save_button.isEnabled()
    window.save_button.click()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.detail.priority == "urgent")
    texts = [window.tabs.history.item(r, 1).text() for r in range(window.tabs.history.rowCount())]
    assert "tester changed the priority from Normal to Urgent" in texts
    assert not window.save_button.isEnabled()

    # Someone else saves meanwhile (no announcement reaches this window): the save is refused.
    other = ts.get_ticket(ctx.db, tid)
    ts.update_ticket(
        ctx.db, tid, replace(other.to_input(), title="发票金额错误（重开）"), other.version
    )
    window.title_edit.setFocus()
    type_text(qtbot, window.title_edit, "!")
    window.save_button.click()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.error_banner.isVisible())
    assert "was changed by someone else" in window.error_banner.text()
    assert ts.get_ticket(ctx.db, tid).title == "发票金额错误（重开）"


def test_a_resolved_ticket_offers_an_article_from_its_solution(qtbot, app_context, office):  # noqa: ANN001
    ctx = app_context
    open_id = make_ticket(ctx.db, office, to="informed")
    resolved_id = make_ticket(ctx.db, office, "系统登录失败", to="resolved")
    windows = [open_ticket(ctx, None, t) for t in (open_id, resolved_id)]
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: all(w.detail is not None for w in windows))
    first, second = windows
    for w in windows:
        w.tabs.setCurrentWidget(w.tabs.articles_page)
    assert not first.tabs.article_button.isVisible()
    assert second.tabs.article_button.isVisible()
    assert not first.tabs.isTabVisible(first.tabs.indexOf(first.tabs.satisfaction_page))


def test_an_interaction_given_by_its_id_is_read_first(qtbot, app_context, office):  # noqa: ANN001
    ctx = app_context
    iid, _ = activity.add_interaction(
        ctx.db,
        office.customer,
        InteractionInput(kind="wechat", summary="微信反馈：系统登录失败", content="提示密码错误"),
    )
    host = QWidget()
    qtbot.addWidget(host)
    assert new_ticket(ctx, host, office.customer, iid) is None
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: bool(host.findChildren(NewTicketDialog)))
    (dialog,) = host.findChildren(NewTicketDialog)
    assert dialog.interaction_id == iid
    assert dialog.title.text() == "微信反馈：系统登录失败"
    assert dialog.channel.currentText() == "WeChat"
    dialog.reject()
