"""The public pool 公海: why each customer is there and since when, searching it, claiming from
it (recorded in the customer's history); and the follow-up rules dialog."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from crmdesk.app import build_main_window
from crmdesk.models import Customer
from crmdesk.qt.settings import Settings
from crmdesk.services import activity, followup, rules, service_settings
from crmdesk.services import customers as cs
from crmdesk.views.pool import FollowupRulesDialog, PoolPage
from tests.gui.followup_helpers import NOW, make_sales_office


@pytest.fixture
def office(app_context):  # noqa: ANN001, ANN201
    return make_sales_office(app_context.db)


@pytest.fixture
def page(qtbot, app_context, office):  # noqa: ANN001, ANN201
    p = PoolPage(app_context)
    qtbot.addWidget(p)
    p.resize(1100, 400)
    with qtbot.waitSignal(p.loaded):
        p.show()
    return p


def cells(page: PoolPage) -> list[list[str]]:
    m = page.model
    return [[m.item(r, c).text() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_the_pool_shows_why_and_since_when(page, office):  # noqa: ANN001
    (row,) = cells(page)
    assert row[1:] == [
        "成都川味食品",
        "Tier C",
        "成都",
        "tester",
        "No follow-up for 35 days (last on 12/19/2025)",
        "1/23/2026",
    ]
    assert page.total == 1
    assert not page.claim_button.isEnabled()


def test_days_and_dates_are_the_office_calendars(qtbot, app_context, office):  # noqa: ANN001
    # Kiritimati is UTC+14: released at 11:00 UTC on 23 January, the 24th in the office; last
    # called at 09:00 UTC on 19 December, 23:00 the same day there. My Day counts days there too.
    db = app_context.db
    calendar = service_settings.load_calendar(db)
    service_settings.save_calendar(db, replace(calendar, timezone="Pacific/Kiritimati"))
    with db.write() as s:
        pooled = s.get(Customer, office.pooled)
        assert pooled is not None
        pooled.pool_since = dt.datetime(2026, 1, 23, 11, 0, tzinfo=dt.UTC)
        pooled.last_interaction_at = dt.datetime(2025, 12, 19, 9, 0, tzinfo=dt.UTC)
    page = PoolPage(app_context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    (row,) = cells(page)
    assert row[5:] == ["No follow-up for 36 days (last on 12/19/2025)", "1/24/2026"]


def test_the_reason_is_one_sentence_in_chinese(page, qtbot, language):  # noqa: ANN001
    language("zh_CN")
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    (row,) = cells(page)
    # One translated sentence: no half-width space before the full-width bracket.
    assert row[5] == "35 天未跟进（最近一次：2025/12/19）"


def test_search_and_claim(page, app_context, office, qtbot):  # noqa: ANN001
    db = app_context.db
    # A customer given up by hand joins the pool, and its former owner is shown.
    changes = followup.release_to_pool(db, [office.lanting])
    with qtbot.waitSignal(page.loaded):
        app_context.bus.data_changed.emit(changes, None)
    assert [r[1] for r in cells(page)] == ["杭州兰亭贸易", "成都川味食品"]
    assert cells(page)[0][4] == "tester"
    assert cells(page)[0][5] == "No follow-up ever logged"

    with qtbot.waitSignal(page.loaded):
        page.search.setText("川味")
    assert [r[1] for r in cells(page)] == ["成都川味食品"]
    with qtbot.waitSignal(page.loaded):
        page.search.setText("")

    messages: list[str] = []
    app_context.bus.status_message_requested.connect(messages.append)
    assert page.select_customer(office.pooled)
    assert page.claim_button.isEnabled()
    with qtbot.waitSignal(page.loaded):
        page.claim_button.click()
    assert [r[1] for r in cells(page)] == ["杭州兰亭贸易"]
    assert messages == ["成都川味食品 is yours now."]
    detail = cs.get_customer(db, office.pooled)
    assert detail.owner_id == office.me
    history = activity.customer_history(db, office.pooled)
    assert any(h.field == "owner_id" and h.new_value == str(office.me) for h in history)


def test_claiming_what_someone_else_took_says_so(page, app_context, office, qtbot):  # noqa: ANN001
    page.select_customer(office.pooled)
    followup.claim_from_pool(app_context.db, [office.pooled])  # another rep, a moment earlier
    with qtbot.waitSignal(page.loaded):
        page.claim_button.click()
    assert "no longer in the public pool" in page.banner.text()
    assert cells(page) == []
    assert page.count_label.text() == "The pool is empty."


def test_the_pool_is_in_the_navigation_and_the_rules_dialog_saves(qtbot, app_context, office):  # noqa: ANN001
    window = build_main_window(app_context, Settings())
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.page_row("pool"))
    qtbot.waitUntil(lambda: window.pool.model.rowCount() == 1)
    assert window.nav.currentItem().text() == "Public pool"

    window.followup_settings_action.trigger()
    dialog = window.followup_settings_dialog
    assert isinstance(dialog, FollowupRulesDialog)
    qtbot.waitUntil(dialog.isEnabled)
    assert dialog.cadence["A"].value() == 14 and dialog.pool_days["C"].value() == 30
    dialog.cadence["A"].setValue(7)
    dialog.cadence_on["C"].setChecked(False)
    dialog.care_days.setValue(5)
    # Off by default: nobody loses customers to the pool until the office turns it on.
    assert not dialog.pool_enabled.isChecked() and not dialog.pool_days["B"].isEnabled()
    dialog.pool_enabled.setChecked(True)
    assert dialog.pool_days["B"].isEnabled()
    dialog.pool_enabled.setChecked(False)
    assert not dialog.pool_days["B"].isEnabled()
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.accepted.emit()
    saved = followup.load_followup_settings(app_context.db)
    assert saved.cadence_days == {"A": 7, "B": 30}
    assert saved.care_days_ahead == 5
    assert saved.pool_enabled is False


def _rules_dialog(qtbot, app_context) -> FollowupRulesDialog:  # noqa: ANN001
    dialog = FollowupRulesDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isEnabled)
    return dialog


def test_turning_the_pool_on_says_how_many_customers_go_and_cancel_keeps_them(
    qtbot, app_context, office
):  # noqa: ANN001
    db = app_context.db
    db._clock = lambda: NOW + dt.timedelta(days=30)  # 深圳华星光电 (tier A): 50 days
    dialog = _rules_dialog(qtbot, app_context)
    dialog.pool_enabled.setChecked(True)
    for tier in ("A", "B"):
        dialog.pool_days[tier].setValue(7)
    expected = rules.pool_release_count(db, dialog.settings())
    assert expected == 1
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.confirm_box is not None)
    box = dialog.confirm_box
    assert "1 customer goes to the public pool" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert followup.load_followup_settings(db).pool_enabled is False

    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.confirm_box is not None)
    with qtbot.waitSignal(dialog.saved):
        dialog.confirm_box.button(QMessageBox.StandardButton.Save).click()
    saved = followup.load_followup_settings(db)
    assert saved.pool_enabled is True and saved.pool_days["A"] == 7
    # Nothing was released by saving: the daily run does that.
    assert rules.pool_release_count(db, saved) == expected

    # Rules that release nobody more (a longer period, other settings) save without asking.
    again = _rules_dialog(qtbot, app_context)
    again.pool_days["A"].setValue(40)
    again.care_days.setValue(6)
    with qtbot.waitSignal(again.saved):
        again.buttons.accepted.emit()
    assert again.confirm_box is None
    assert followup.load_followup_settings(db).pool_days["A"] == 40
