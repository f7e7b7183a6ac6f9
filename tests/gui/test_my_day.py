"""My Day: its sections on a small office with a controllable clock, the quick task (Ctrl+T,
Enter), completing a task by logging the interaction, snoozing, and the reminders."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crmdesk.app import build_main_window
from crmdesk.qt.settings import Settings
from crmdesk.services import activity, followup, rules
from crmdesk.views.my_day import MyDayPage
from crmdesk.views.task_dialog import QuickTaskDialog
from tests.gui.followup_helpers import NOW, make_sales_office


@pytest.fixture
def office(app_context):  # noqa: ANN001, ANN201
    return make_sales_office(app_context.db)


@pytest.fixture
def page(qtbot, app_context, office):  # noqa: ANN001, ANN201
    p = MyDayPage(app_context)
    qtbot.addWidget(p)
    with qtbot.waitSignal(p.loaded):
        p.show()
    return p


def open_tasks(db, customer_id):  # noqa: ANN001, ANN201
    return [t.title for t in activity.list_tasks(db, customer_id, include_done=False)]


def test_sections_show_the_day_of_the_rep(page, office):  # noqa: ANN001
    assert page.texts("overdue") == ["确认合同细节"]
    assert page.texts("due_today") == ["发送报价单"]
    # The quarterly visit in 20 days is not this week's business.
    assert page.texts("this_week") == ["拜访兰亭"]
    assert page.items["overdue"][0].customer_name == "深圳华星光电"
    # Never contacted comes first, then the longest ago.
    assert [r.customer_name for r in page.items["stale"]] == ["杭州兰亭贸易", "深圳华星光电"]
    assert page.items["stale"][0].note == "Tier B · never contacted"
    assert page.items["stale"][1].note == "Tier A · 20 days ago"
    assert "1 overdue" in page.summary.text() and "1 due today" in page.summary.text()
    # The week's birthday shows before the daily rules have made its care task.
    (care,) = page.items["care"]
    assert (care.customer_name, care.title, care.task_id) == ("深圳华星光电", "王芳 turns 41", None)


def test_the_daily_rules_fill_in_care_and_revisits(page, app_context, office, qtbot):  # noqa: ANN001
    result = rules.run_daily_rules(app_context.db, NOW)
    with qtbot.waitSignal(page.loaded):
        app_context.bus.data_changed.emit(result.changes, None)
    (care,) = page.items["care"]
    assert (care.customer_name, care.title, care.note) == (
        "深圳华星光电",
        "王芳 turns 41",
        "in 2 days",
    )
    assert care.task_id is not None  # now it can be marked done from My Day
    # 华星 (tier A) was last contacted 20 days ago, past its 14-day cadence: one revisit task.
    tasks = [r for key in ("overdue", "due_today", "this_week") for r in page.items[key]]
    assert sum(1 for r in tasks if r.customer_name == "深圳华星光电") == 4


def test_the_date_changing_moves_tasks_between_sections(page, app_context, qtbot):  # noqa: ANN001
    app_context.db._clock = lambda: NOW + dt.timedelta(days=2)
    with qtbot.waitSignal(page.loaded):
        page.check_date()
    assert page.texts("overdue") == ["确认合同细节", "发送报价单"]
    assert page.texts("due_today") == ["拜访兰亭"]
    # Within the same day nothing is read again.
    with qtbot.assertNotEmitted(page.loaded, wait=100):
        page.check_date()


def test_done_and_snooze_from_my_day(page, app_context, office, qtbot):  # noqa: ANN001
    db = app_context.db
    page.select("overdue")
    with qtbot.waitSignal(page.loaded):
        page.done_button.click()
    assert page.texts("overdue") == []
    assert "确认合同细节" not in open_tasks(db, office.huaxing)
    # Undo brings it back.
    with qtbot.waitSignal(page.loaded):
        app_context.undo.undo()
    assert page.texts("overdue") == ["确认合同细节"]

    page.select("due_today")
    with qtbot.waitSignal(page.loaded):
        page.snooze_selected("1h")
    task = next(
        t for t in followup.my_day(db, office.me, NOW).due_today if t.id == office.tasks["today"]
    )
    assert task.title == "发送报价单"

    # Its reminder now comes an hour from now, not at its due time (in three hours).
    def reminded_at(minutes: int) -> list[int]:
        rows = followup.due_reminders(db, office.me, NOW + dt.timedelta(minutes=minutes))
        return [r.task_id for r in rows]

    assert office.tasks["today"] not in reminded_at(59)
    assert office.tasks["today"] in reminded_at(61)


def test_completing_a_task_by_logging_the_interaction(page, app_context, office, qtbot):  # noqa: ANN001
    db = app_context.db
    page.select("overdue")
    dialog = page.log_selected()
    assert dialog.windowTitle() == "Log interaction to complete"
    # Nothing said yet: the dialog says so and stays open.
    dialog.ok_button.click()
    assert dialog.isVisible() and "what happened" in dialog.banner.text()
    dialog.summary.setText("电话确认合同条款，客户同意")
    with qtbot.waitSignal(page.loaded):
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    assert page.texts("overdue") == []
    assert "确认合同细节" not in open_tasks(db, office.huaxing)
    (logged,) = activity.list_interactions(db, office.huaxing)
    assert logged.summary == "电话确认合同条款，客户同意"


def test_ctrl_t_enter_creates_a_follow_up_task_from_the_customer_list(qtbot, app_context, office):  # noqa: ANN001
    window = build_main_window(app_context, Settings())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    app_context.tasks.wait_idle()
    listing = window.customers
    qtbot.waitUntil(lambda: listing.model.rowCount() == 3)
    row = next(i for i in range(3) if listing.model.row_data(i).name == "杭州兰亭贸易")
    listing.table.setFocus()
    listing.table.setCurrentIndex(listing.model.index(row, 1))
    qtbot.keyClick(listing.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = listing.findChild(QuickTaskDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.title_edit.text() == "Follow up with 杭州兰亭贸易"
    due = dialog.task_input().due_at
    local_now = NOW.astimezone()
    assert due.astimezone().date() == local_now.date() + dt.timedelta(days=1)
    assert (due.astimezone().hour, due.astimezone().minute) == (10, 0)
    # The dialog has the focus: Enter creates the task.
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.title_edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert "Follow up with 杭州兰亭贸易" in open_tasks(app_context.db, office.lanting)
    # And My Day, first in the navigation, shows it this week.
    assert window.nav.item(0).text() == "My Day"
    window.show_page(window.page_row("my_day"))
    qtbot.waitUntil(lambda: "Follow up with 杭州兰亭贸易" in window.my_day.texts("this_week"))


def test_ctrl_t_in_the_customer_view(qtbot, app_context, office):  # noqa: ANN001
    from crmdesk.views.customer_view import CustomerView

    view = CustomerView(app_context, office.huaxing)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None)
    view.tabs.setFocus()
    qtbot.keyClick(view.tabs, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = view.findChild(QuickTaskDialog)
    assert dialog.title_edit.text() == "Follow up with 深圳华星光电"
    dialog.title_edit.setText("寄样品")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: "寄样品" in open_tasks(app_context.db, office.huaxing))


def _reminder_index(popup) -> int:  # noqa: ANN001
    return next(i for i, r in enumerate(popup.rows()) if r.kind == "task_due")


def test_reminders_catch_up_at_start_and_go_to_the_bell(qtbot, app_context, office, english):  # noqa: ANN001
    from crmdesk.views.reminders import Reminders, reminder_message

    window = build_main_window(app_context, Settings())
    qtbot.addWidget(window)
    centre = window.install_notification_centre()
    reminders = window.install_reminders()
    assert isinstance(reminders, Reminders)
    # At start the daily rules run (a revisit for the tier-A customer past its 14 days, and
    # 王芳's birthday), then the overdue task's reminder, which fell due while crmdesk was
    # closed, is caught up.
    with qtbot.waitSignal(reminders.reminded) as blocker:
        reminders.start()
    (row,) = blocker.args[0]
    assert row.task_id == office.tasks["overdue"]
    assert reminder_message([row]) == ("Follow-up due", "确认合同细节 — 深圳华星光电")
    qtbot.waitUntil(lambda: centre.bell.count == 3)
    # The next minute adds nothing.
    with qtbot.assertNotEmitted(reminders.reminded, wait=200):
        reminders.check()
        app_context.tasks.wait_idle()

    centre.toggle_popup()
    qtbot.waitUntil(lambda: centre.popup.list.count() == 3)
    texts = centre.popup.texts()
    assert any(
        t.startswith("Follow-up due: 确认合同细节 — 深圳华星光电 (due 3/2/2026") for t in texts
    )
    assert "王芳 (深圳华星光电) has a birthday on 3/6/2026" in texts
    assert "Regular revisits due: 1 customer; see My Day." in texts
    centre.popup.list.viewport().repaint()
    pos = centre.popup.action_pos(_reminder_index(centre.popup), "10m")
    assert pos is not None
    qtbot.mouseClick(centre.popup.list.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: centre.bell.count == 2)
    # Ten minutes later it reminds again.
    app_context.db._clock = lambda: NOW + dt.timedelta(minutes=11)
    with qtbot.waitSignal(reminders.reminded):
        reminders.check()
    qtbot.waitUntil(lambda: centre.bell.count == 3)
    centre.reload_list()
    qtbot.waitUntil(lambda: centre.popup.list.count() == 3)
    centre.popup.list.viewport().repaint()
    pos = centre.popup.action_pos(_reminder_index(centre.popup), "done")
    qtbot.mouseClick(centre.popup.list.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: centre.bell.count == 2)
    assert "确认合同细节" not in open_tasks(app_context.db, office.huaxing)
    assert centre.popup.isVisible()  # acting on a reminder does not open the customer
    reminders.stop()


def test_my_day_is_built_when_shown_and_remembered_as_the_start_page(qtbot, app_context, office):  # noqa: ANN001
    settings = Settings()
    window = build_main_window(app_context, settings)
    qtbot.addWidget(window)
    window.show()
    # Customers first; My Day is not even built until somebody looks at it.
    assert window.current_page() is window.tabs
    assert not window._slots["my_day"].built
    window.page_actions[0].trigger()
    assert window._slots["my_day"].built
    qtbot.waitUntil(lambda: window.my_day.texts("overdue") == ["确认合同细节"])
    window.close()

    again = build_main_window(app_context, Settings())
    qtbot.addWidget(again)
    again.show()
    assert again.current_page() is again.my_day
