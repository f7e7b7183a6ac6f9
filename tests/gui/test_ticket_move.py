"""Moving a ticket asks for what the step needs: an agent, the solution, the revisit, a reason;
a refused move says why; a cancelled dialog changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from crmdesk.services import tickets as ts
from crmdesk.views.ticket_move import perform_move, set_waiting
from crmdesk.views.ticket_step_dialogs import AssigneeDialog, RevisitDialog, TextStepDialog
from tests.gui.ticket_helpers import (  # noqa: F401 - close_ticket_windows is an autouse fixture
    close_ticket_windows,
    make_office,
    make_ticket,
    message_texts,
    shown,
)
from tests.gui.typing import type_text


@pytest.fixture
def office(app_context):  # noqa: ANN001, ANN201
    return make_office(app_context.db)


@pytest.fixture
def host(qtbot):  # noqa: ANN001, ANN201
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(600, 400)
    w.show()
    return w


def start_move(ctx, host, tid: int, to: str) -> list[bool]:  # noqa: ANN001
    """Start perform_move from the ticket's current state; the list collects on_done's answer."""
    d = ts.get_ticket(ctx.db, tid)
    results: list[bool] = []
    perform_move(ctx, host, tid, d.version, d.status, to, results.append)
    ctx.tasks.wait_idle()
    return results


def one_dialog(qtbot, host, kind):  # noqa: ANN001, ANN201
    qtbot.waitUntil(lambda: len(shown(kind, host)) == 1)
    return shown(kind, host)[0]


def finish(ctx, qtbot, results: list[bool]) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: bool(results))
    ctx.tasks.wait_idle()


def test_assigning_asks_who_and_proposes_me(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office)
    changed = []
    ctx.bus.data_changed.connect(lambda changes, _src: changed.append(changes))
    results = start_move(ctx, host, tid, "assigned")
    dialog = one_dialog(qtbot, host, AssigneeDialog)
    assert dialog.assignee_id() == office.me  # "default: me"
    assert any("发票金额错误" in lbl.text() for lbl in dialog.findChildren(QLabel))
    names = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    assert any("孙婷" in n and "客服部" in n for n in names)
    dialog.set_assignee(office.agent)
    dialog.ok_button.click()
    finish(ctx, qtbot, results)
    assert results == [True]
    d = ts.get_ticket(ctx.db, tid)
    assert (d.status, d.assignee_name) == ("assigned", "孙婷")
    assert any(tid in c.tickets for c in changed)


def test_resolving_asks_for_the_solution_and_requires_it(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="informed")
    results = start_move(ctx, host, tid, "resolved")
    dialog = one_dialog(qtbot, host, TextStepDialog)
    assert dialog.windowTitle() == "Resolve the ticket"
    dialog.ok_button.click()
    # Nothing typed: the sentence appears under the field and the dialog stays.
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == "Write down the solution before resolving."
    assert results == []
    type_text(qtbot, dialog.edit, "更换主板后恢复正常")
    assert not dialog.error.isVisible()
    dialog.ok_button.click()
    finish(ctx, qtbot, results)
    d = ts.get_ticket(ctx.db, tid)
    assert results == [True]
    assert (d.status, d.solution) == ("resolved", "更换主板后恢复正常")


def test_a_reopened_ticket_resolves_with_its_solution_prefilled(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="resolved")
    ts.move_ticket(ctx.db, tid, "informed", reason="客户反馈问题复现")
    results = start_move(ctx, host, tid, "resolved")
    dialog = one_dialog(qtbot, host, TextStepDialog)
    assert dialog.text() == "已修复配置并验证"
    dialog.ok_button.click()
    finish(ctx, qtbot, results)
    assert ts.get_ticket(ctx.db, tid).status == "resolved"


def test_closing_asks_for_the_revisit(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="resolved")
    results = start_move(ctx, host, tid, "closed")
    dialog = one_dialog(qtbot, host, RevisitDialog)
    dialog.ok_button.click()
    # CSAT is required: said next to the stars, the dialog stays open.
    assert dialog.isVisible() and dialog.csat_error.isVisible()
    qtbot.mouseClick(dialog.star_buttons[3], Qt.MouseButton.LeftButton)
    assert [b.text() for b in dialog.star_buttons] == ["★", "★", "★", "★", "☆"]
    assert "Satisfied" in dialog.csat_label.text()
    qtbot.mouseClick(dialog.nps_buttons[9], Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.comment, "处理及时")
    dialog.ok_button.click()
    finish(ctx, qtbot, results)
    d = ts.get_ticket(ctx.db, tid)
    assert results == [True]
    assert (d.status, d.csat, d.nps, d.feedback) == ("closed", 4, 9, "处理及时")


def test_the_nps_answer_is_optional_and_can_be_taken_back(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="resolved")
    results = start_move(ctx, host, tid, "closed")
    dialog = one_dialog(qtbot, host, RevisitDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # two stars from the keyboard
    qtbot.mouseClick(dialog.nps_buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.nps_buttons[3], Qt.MouseButton.LeftButton)
    assert dialog.nps() is None and not any(b.isChecked() for b in dialog.nps_buttons)
    dialog.ok_button.click()
    finish(ctx, qtbot, results)
    d = ts.get_ticket(ctx.db, tid)
    assert (d.status, d.csat, d.nps, d.feedback) == ("closed", 2, None, None)


def test_reopening_asks_why_and_records_it(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="closed")
    results = start_move(ctx, host, tid, "solution")
    dialog = one_dialog(qtbot, host, TextStepDialog)
    assert dialog.windowTitle() == "Reopen the ticket"
    dialog.ok_button.click()
    assert dialog.error.text() == "Say why the ticket is reopened."
    type_text(qtbot, dialog.edit, "客户反馈问题复现")
    dialog.ok_button.click()
    finish(ctx, qtbot, results)
    d = ts.get_ticket(ctx.db, tid)
    assert d.status == "solution" and d.closed_at is None
    reopened = [e for e in d.events if e.kind == "reopened"]
    assert [(e.from_value, e.to_value, e.comment) for e in reopened] == [
        ("closed", "solution", "客户反馈问题复现")
    ]


def test_a_refused_move_says_why_and_changes_nothing(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office)
    results = start_move(ctx, host, tid, "resolved")
    assert results == [False]
    texts = message_texts(host)
    assert texts == [
        "A ticket moves forward one step at a time: finish the current step first, then move it on."
    ]
    assert ts.get_ticket(ctx.db, tid).status == "registered"


def test_a_cancelled_dialog_changes_nothing(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="resolved")
    version = ts.get_ticket(ctx.db, tid).version
    results = start_move(ctx, host, tid, "closed")
    one_dialog(qtbot, host, RevisitDialog).reject()
    finish(ctx, qtbot, results)
    assert results == [False]
    d = ts.get_ticket(ctx.db, tid)
    assert (d.status, d.version) == ("resolved", version)
    assert message_texts(host) == []


def test_a_move_on_a_stale_card_is_refused_with_a_sentence(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="assigned")
    old = ts.get_ticket(ctx.db, tid)
    ts.add_comment(ctx.db, tid, "先电话联系")  # a comment does not make the card stale
    ts.move_ticket(ctx.db, tid, "solution")  # someone else moved it meanwhile
    results: list[bool] = []
    perform_move(ctx, host, tid, old.version, "assigned", "solution", results.append)
    finish(ctx, qtbot, results)
    assert results == [False]
    (text,) = message_texts(host)
    assert "was changed by someone else" in text and old.number in text


def test_waiting_pauses_the_clock_and_resuming_restarts_it(qtbot, app_context, office, host):  # noqa: ANN001
    ctx = app_context
    tid = make_ticket(ctx.db, office, to="assigned")
    results: list[bool] = []
    set_waiting(ctx, host, tid, True, results.append)
    finish(ctx, qtbot, results)
    d = ts.get_ticket(ctx.db, tid)
    assert d.waiting and d.due_at is None and d.remaining_seconds
    set_waiting(ctx, host, tid, False, results.append)
    qtbot.waitUntil(lambda: len(results) == 2)
    d = ts.get_ticket(ctx.db, tid)
    assert results == [True, True] and not d.waiting and d.due_at is not None
