"""The main window: it opens painted, its menus and shortcuts, navigation, backups, settings."""

from __future__ import annotations

import sqlite3
import sys
import types
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from crmdesk.app import build_main_window
from crmdesk.models import Deal, Ticket, TicketCategory
from crmdesk.qt.settings import Settings
from crmdesk.services import Database, maintenance
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.views import main_window as mw


@pytest.fixture
def ctx(app_context):
    for i in range(12):
        cs.create_customer(
            app_context.db, CustomerInput(name=f"Shop {i:02d}"), [ContactInput(name="王芳")]
        )
    return app_context


@pytest.fixture
def window(ctx, qtbot):
    w = build_main_window(ctx, Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answered Yes and recorded instead of shown."""
    seen: list[tuple[str, str]] = []

    def record(kind):
        def box(_parent, title, text, *args, **kwargs):
            seen.append((kind, text))
            return QMessageBox.StandardButton.Yes

        return staticmethod(box)

    for kind in ("information", "warning", "question", "about", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return seen


def shortcut(action) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)


def test_opens_with_the_customer_list_painted(window):
    list_view = window.customers
    assert list_view.isVisible()
    assert list_view.model.rowCount() == 12
    assert list_view.count_label.text() == "12 customers"
    # My Day comes first in the navigation, but crmdesk starts on the customers.
    assert window.nav.currentRow() == window.page_row("customers") == 1
    assert not window.grab().isNull()
    assert "tester" in window.user_label.text()
    assert "crm.sqlite3" in window.db_label.text()
    assert window.windowTitle() == "crmdesk"


def test_demo_shows_in_the_title(ctx, qtbot):
    w = build_main_window(ctx, Settings(), demo=True)
    qtbot.addWidget(w)
    assert "Demo" in w.windowTitle()


def test_menus_have_their_shortcuts(window):
    texts = {
        name: [a.text() for a in menu.actions() if not a.isSeparator()]
        for name, menu in window.menus.items()
    }
    assert texts["file"] == [
        "New customer",
        "Export customers to Excel…",
        "Import from Excel…",
        "Import history…",
        "Back up now…",
        "Restore from backup…",
        "Trash…",
        "Quit",
    ]
    assert "Find customers" in texts["edit"]
    assert texts["view"] == [
        "My Day",
        "Customers",
        "Tickets",
        "Pipeline",
        "Knowledge base",
        "Public pool",
        "Dashboard",
    ]
    assert shortcut(window.customers.new_action) == "Ctrl+N"
    assert shortcut(window.customers.export_action) == "Ctrl+E"
    assert shortcut(window.quit_action) == "Ctrl+Q"
    assert shortcut(window.undo_action) == "Ctrl+Z"
    assert shortcut(window.redo_action) == "Ctrl+Shift+Z"
    assert shortcut(window.find_action) == "Ctrl+F"
    assert [shortcut(a) for a in window.page_actions] == [f"Ctrl+{i}" for i in range(1, 8)]
    assert set(window.language_actions) == {"en", "zh_CN"}
    assert window.language_actions["zh_CN"].text() == "简体中文"


def test_undo_action_follows_the_stack(window, ctx, qtbot):
    assert not window.undo_action.isEnabled()
    window.customers.select_row(0)
    window.customers.delete_action.trigger()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    assert "Shop 00" in window.undo_action.text()
    assert "trash" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 12)


def test_tickets_and_pipeline_list_open_work(window, ctx, qtbot):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    cid = window.customers.model.customer_id(0)
    with ctx.db.write() as s:
        s.add(
            Ticket(
                number="T-1",
                customer_id=cid,
                category=TicketCategory.COMPLAINT,
                title="Late delivery",
            )
        )
        s.add(Deal(customer_id=cid, title="Annual contract", amount=Decimal("250000")))
    window.page_actions[window.page_row("tickets")].trigger()
    assert window.current_page() is window.tickets
    column = window.tickets.columns["registered"]
    qtbot.waitUntil(lambda: column.model.rowCount() == 1)
    card = column.model.card(0)
    assert (card.title, card.customer_name) == ("Late delivery", "Shop 00")
    assert card.category == "complaint"
    assert column.count_label.text() == "1"
    # On the Tickets page Ctrl+N is the board's New ticket, not New customer.
    assert shortcut(window.tickets.new_action) == "Ctrl+N"
    assert shortcut(window.customers.new_action) == ""
    window.page_actions[window.page_row("deals")].trigger()
    assert window.current_page() is window.deals
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: "lead" in window.deals.columns)
    lead = window.deals.columns["lead"]
    qtbot.waitUntil(lambda: lead.model.rowCount() == 1)
    card = lead.model.card(0)
    assert (card.title, card.customer_name) == ("Annual contract", "Shop 00")
    assert lead.totals_label.text() == "¥250,000 · weighted ¥25,000"
    # On the Pipeline page Ctrl+N is New deal.
    assert shortcut(window.deals.new_action) == "Ctrl+N"
    assert shortcut(window.customers.new_action) == ""
    menu = window.deals.card_menu(card)
    with qtbot.waitSignal(ctx.bus.open_customer_requested) as blocker:
        next(a for a in menu.actions() if a.text() == "Open customer").trigger()
    assert blocker.args == [cid]
    menu.close()


def test_ctrl_t_on_a_board_card_makes_a_task_for_its_customer(window, ctx, qtbot):
    from PySide6.QtCore import Qt

    from crmdesk.views.task_dialog import QuickTaskDialog

    cid = window.customers.model.customer_id(0)
    with ctx.db.write() as s:
        s.add(Deal(customer_id=cid, title="Annual contract", amount=Decimal("250000")))
    window.page_actions[window.page_row("deals")].trigger()
    qtbot.waitUntil(lambda: "lead" in window.deals.columns)
    view = window.deals.columns["lead"].view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.deals.findChild(QuickTaskDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.title_edit.text() == "Follow up with Shop 00"
    dialog.reject()


def test_opening_a_customer_adds_a_closable_tab(window, ctx, monkeypatch):
    class FakeView(QWidget):
        def __init__(self, _ctx, customer_id, parent=None):
            super().__init__(parent)
            self.customer_id = customer_id

    module = types.ModuleType("crmdesk.views.customer_view")
    module.CustomerView = FakeView
    monkeypatch.setitem(sys.modules, "crmdesk.views.customer_view", module)
    cid = window.customers.model.customer_id(2)
    ctx.bus.open_customer_requested.emit(cid)
    assert window.tabs.count() == 2
    assert window.tabs.tabText(1) == "Shop 02"
    assert window.tabs.currentWidget().customer_id == cid
    ctx.bus.open_customer_requested.emit(cid)  # the same customer again: no second tab
    assert window.tabs.count() == 2
    window.close_tab(0)  # the list itself cannot be closed
    assert window.tabs.count() == 2
    window.close_tab(1)
    assert window.tabs.count() == 1


def test_a_missing_customer_view_is_reported_not_fatal(window, ctx, monkeypatch):
    monkeypatch.setitem(sys.modules, "crmdesk.views.customer_view", None)
    ctx.bus.open_customer_requested.emit(window.customers.model.customer_id(0))
    assert window.tabs.count() == 1
    assert "could not be opened" in window.statusBar().currentMessage()


def test_backup_now_writes_a_verified_copy(window, ctx, boxes):
    window.backup_action.trigger()
    ctx.tasks.wait_idle()
    backups = maintenance.list_backups(ctx.db)
    assert len(backups) == 1
    assert backups[0].path.name.endswith("-manual.sqlite3")
    assert boxes and str(backups[0].path) in boxes[-1][1]


def test_automatic_backup_once_a_day(ctx):
    first = maintenance.auto_backup(ctx.db)
    assert first is not None and first.exists()
    assert maintenance.auto_backup(ctx.db) is None  # the next one is due tomorrow


def test_restore_from_backup_replaces_the_database(window, ctx, boxes, monkeypatch, qtbot):
    backup = maintenance.backup_now(ctx.db)
    cs.create_customer(ctx.db, CustomerInput(name="Made after the backup"))
    db_file = maintenance.database_file(ctx.db)

    def choose(self):
        self.selected = next(b for b in maintenance.list_backups(ctx.db) if b.path == backup)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(mw.BackupChooser, "exec", choose)
    window.restore_action.trigger()
    ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.restart_requested)
    assert any("crmdesk will now close" in text for _kind, text in boxes)
    reopened = Database.open(str(db_file))
    try:
        assert cs.count_customers(reopened, CustomerQuery()).count == 12
    finally:
        reopened.close()
    con = sqlite3.connect(db_file)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_language_choice_is_saved_for_the_next_start(window, boxes):
    window.language_actions["zh_CN"].trigger()
    assert Settings().language == "zh_CN"
    assert "next time" in boxes[-1][1]


def test_window_size_is_remembered(ctx, qtbot):
    first = build_main_window(ctx, Settings())
    qtbot.addWidget(first)
    # (the offscreen screen is 800 × 600: a restored window is kept on it)
    first.resize(first.minimumSizeHint().width(), 517)
    first.show()
    first.close()
    second = build_main_window(ctx, Settings())
    qtbot.addWidget(second)
    assert second.height() == 517


def test_about_names_versions_and_the_database(window):
    window.about_action.trigger()
    text = window.about_dialog.details()
    assert "Qt 6." in text and "Python 3." in text and "crm.sqlite3" in text
    window.about_dialog.close()


def test_customer_tabs_follow_renames_and_deletes(window, ctx, monkeypatch):
    class FakeView(QWidget):
        def __init__(self, _ctx, customer_id, parent=None):
            super().__init__(parent)

    module = types.ModuleType("crmdesk.views.customer_view")
    module.CustomerView = FakeView
    monkeypatch.setitem(sys.modules, "crmdesk.views.customer_view", module)
    cid = window.customers.model.customer_id(0)
    ctx.bus.open_customer_requested.emit(cid)
    detail = cs.get_customer(ctx.db, cid)
    changes = cs.update_customer(
        ctx.db, cid, detail.version, replace(detail.to_input(), name="Shop Renamed")
    )
    ctx.bus.data_changed.emit(changes, None)
    assert window.tabs.tabText(1) == "Shop Renamed"
    ctx.bus.data_changed.emit(cs.delete_customers(ctx.db, [cid]), None)
    assert window.tabs.count() == 1


def test_language_precedence(qapp, monkeypatch):
    from crmdesk.qt import i18n

    settings = Settings()
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert i18n.choose_language(None, settings) == "zh_CN"
    settings.language = "en"
    assert i18n.choose_language(None, settings) == "en"
    assert i18n.choose_language("zh-CN", settings) == "zh_CN"
    assert [code for code, _name in i18n.available_languages()] == ["en", "zh_CN"]
