"""The bell: it counts what the SLA checker escalates (with a controllable clock), lists it as
sentences, opens the ticket on a click, and hears about notifications added elsewhere."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from crmdesk.app import build_main_window
from crmdesk.qt.settings import Settings
from crmdesk.services import notifications
from crmdesk.services import tickets as ts
from crmdesk.views.ticket_window import TicketWindow
from tests.gui.ticket_helpers import (  # noqa: F401 - close_ticket_windows is an autouse fixture
    close_ticket_windows,
    make_office,
    make_ticket,
    shown,
)


@pytest.fixture
def office(app_context):  # noqa: ANN001, ANN201
    return make_office(app_context.db)


@pytest.fixture
def window(qtbot, app_context, office):  # noqa: ANN001, ANN201
    w = build_main_window(app_context, Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    app_context.tasks.wait_idle()
    return w


def test_the_bell_counts_a_breach_and_a_click_opens_the_ticket(qtbot, app_context, office, window):  # noqa: ANN001
    ctx = app_context
    centre = window.install_notification_centre()
    tid = make_ticket(ctx.db, office, to="assigned")  # the agent has 4 working hours
    number = ts.get_ticket(ctx.db, tid).number
    centre.run_sla_check()
    ctx.tasks.wait_idle()
    assert centre.bell.count == 0 and centre.bell.badge_text() == ""

    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=10)
    ctx.db._clock = lambda: later
    changed = []
    ctx.bus.data_changed.connect(lambda changes, _src: changed.append(changes))
    centre.run_sla_check()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: centre.bell.count == 1)
    # The checker's changes went out on the bus, so the board and an open ticket follow.
    assert any(tid in c.tickets and c.notifications for c in changed)
    assert centre.bell.badge_text() == "1"
    assert ts.get_ticket(ctx.db, tid).breached

    # Running it again (the next minute) adds nothing.
    centre.run_sla_check()
    ctx.tasks.wait_idle()
    assert centre.bell.count == 1

    qtbot.mouseClick(centre.bell, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: centre.popup.isVisible() and centre.popup.list.count() == 1)
    assert centre.popup.texts() == [
        f"{number} 「发票金额错误」 missed its solution deadline (assignee: 孙婷)"
    ]
    item = centre.popup.list.item(0)
    rect = centre.popup.list.visualItemRect(item)
    qtbot.mouseClick(centre.popup.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: bool(shown(TicketWindow)))
    (ticket_window,) = shown(TicketWindow)
    assert ticket_window.ticket_id == tid
    assert not centre.popup.isVisible()
    qtbot.waitUntil(lambda: centre.bell.count == 0)
    assert notifications.unread_count(ctx.db, office.me) == 0
    qtbot.waitUntil(lambda: ticket_window.detail is not None)
    assert "SLA breached" in [
        w.text() for w in ticket_window.chips_host.findChildren(type(ticket_window.sla_label))
    ]
    ticket_window.close()


def test_urgent_tickets_and_mark_all_read(qtbot, app_context, office, window):  # noqa: ANN001
    ctx = app_context
    centre = window.install_notification_centre()
    # The office has no service director: its administrator (the signed-in user) is told.
    make_ticket(ctx.db, office, "服务器宕机", priority="urgent")
    make_ticket(ctx.db, office, "无法登录", priority="high")
    # Added by another window: the bell finds them when it polls.
    centre.poll()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: centre.bell.count == 2)
    centre.toggle_popup()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: centre.popup.list.count() == 2)
    texts = centre.popup.texts()
    assert any(t.startswith("New urgent ticket") and "服务器宕机" in t for t in texts)
    assert any(t.startswith("New high-priority ticket") and "无法登录" in t for t in texts)
    assert all("深圳市华星光电技术有限公司" in t for t in texts)
    centre.popup.mark_all_button.click()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: centre.bell.count == 0)
    qtbot.waitUntil(lambda: centre.popup.list.count() == 0)
    assert centre.popup.empty.isVisible()
    centre.popup.show_read.setChecked(True)
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: centre.popup.list.count() == 2)


def test_the_checker_runs_at_start(qtbot, app_context, office, window):  # noqa: ANN001
    ctx = app_context
    make_ticket(ctx.db, office, to="assigned")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=10)
    ctx.db._clock = lambda: later
    centre = window.install_notification_centre()
    centre.start()
    try:
        ctx.tasks.wait_idle()
        qtbot.waitUntil(lambda: centre.bell.count == 1)
        assert centre.sla_timer.isActive() and centre.poll_timer.isActive()
    finally:
        centre.stop()
