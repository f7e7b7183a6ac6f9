"""The ticket board as an agent uses it: columns and counts, filters, drag and drop, the
keyboard, refused moves, the list and its export, and changes made elsewhere showing up."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from crmdesk import db as dbmod
from crmdesk.models import Ticket, TicketStatus, TicketStep
from crmdesk.qt.settings import Settings
from crmdesk.qt.ticket_models import (
    CARD_ROLE,
    LIST_COLUMNS,
    STATUSES,
    TicketColumnModel,
    TicketTableModel,
    timing_text,
)
from crmdesk.services import Database, audit
from crmdesk.services import customers as cs
from crmdesk.services import tickets as ts
from crmdesk.services.demo import generate_demo
from crmdesk.services.dto import CustomerInput
from crmdesk.views.ticket_board import TicketBoardPage
from crmdesk.views.ticket_filters import Filters


def cards(page: TicketBoardPage, status: str) -> list:
    return page.columns[status].model.cards()


def all_cards(page: TicketBoardPage) -> list:
    return [c for s in STATUSES for c in cards(page, s)]


def make_page(ctx, qtbot, settings: Settings | None = None) -> TicketBoardPage:
    page = TicketBoardPage(ctx, settings or Settings())
    qtbot.addWidget(page)
    page.resize(1400, 900)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.show()
    return page


def reload(page: TicketBoardPage, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.refresh()


@pytest.fixture
def demo(app_context):
    generate_demo(app_context.db, "en", customers=60, seed=5)
    return app_context


@pytest.fixture
def desk(app_context):
    """Three tickets of one customer: one registered, one assigned to me, one at solution."""
    db = app_context.db
    cid, _ = cs.create_customer(db, CustomerInput(name="Apex Foods"), [])
    me = db.user.id
    ids = {}
    for key, title in (("new", "Printer jams"), ("mine", "Invoice wrong"), ("sol", "Slow app")):
        tid, _ = ts.create_ticket(db, ts.TicketInput(cid, title, "complaint", "high"))
        ids[key] = tid
    ts.move_ticket(db, ids["mine"], "assigned", assignee_id=me)
    ts.move_ticket(db, ids["sol"], "assigned", assignee_id=me)
    ts.move_ticket(db, ids["sol"], "solution")
    app_context.ids = ids
    return app_context


def status_of(db, ticket_id: int) -> str:  # noqa: ANN001
    return ts.get_ticket(db, ticket_id).status


def test_demo_tickets_sit_in_their_columns_with_counts(demo, qtbot):
    page = make_page(demo, qtbot)
    db = demo.db
    now = db.now()
    with db.read() as s:
        open_counts = dict(
            s.execute(
                select(Ticket.status, func.count())
                .where(Ticket.status.not_in([TicketStatus.CLOSED]))
                .group_by(Ticket.status)
            ).all()
        )
        closed_recently = s.scalar(
            select(func.count())
            .select_from(TicketStep)
            .where(
                TicketStep.status == TicketStatus.CLOSED,
                TicketStep.left_at.is_(None),
                TicketStep.entered_at >= now - dt.timedelta(days=7),
            )
        )
    expected = {s: open_counts.get(TicketStatus(s), 0) for s in STATUSES[:-1]}
    expected["closed"] = closed_recently
    assert sum(expected.values()) > 10
    for status in STATUSES:
        column = page.columns[status]
        assert column.count_label.text() == str(expected[status])
        assert column.model.rowCount() == expected[status]
        assert {c.status for c in cards(page, status)} <= {status}
    for card in all_cards(page)[:25]:
        assert status_of(db, card.id) == card.status
    # Overdue cards come first, red ("overdue …"); the summary counts open and closed.
    for status in STATUSES[:-1]:
        model = page.columns[status].model
        states = [model.timing(c.id).state for c in model.cards()]
        overdue = [s == "overdue" for s in states if s != "paused"]
        assert overdue == sorted(overdue, reverse=True)
    late = [
        c for c in all_cards(page) if page.columns[c.status].model.timing(c.id).state == "overdue"
    ]
    assert late, "the demo has overdue tickets"
    assert timing_text(page.columns[late[0].status].model.timing(late[0].id)).startswith("overdue ")
    assert page.summary.text().startswith(f"{sum(expected[s] for s in STATUSES[:-1])} open tickets")


def test_a_cut_column_says_how_many_match(demo, qtbot):
    page = TicketBoardPage(demo, Settings())
    page.limit_per_column = 2
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.show()
    biggest = max(STATUSES[:-1], key=lambda s: page.columns[s].count)
    column = page.columns[biggest]
    assert column.model.rowCount() == 2
    assert column.count > 2
    assert column.count_label.text() == f"2 of {column.count}"
    assert "Narrow the filters" in column.count_label.toolTip()


def test_filters_change_the_cards_and_are_remembered(demo, qtbot):
    settings = Settings()
    page = make_page(demo, qtbot, settings)
    before = len(all_cards(page))
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.filter_bar.priority_actions["urgent"].trigger()
    urgent = all_cards(page)
    assert urgent and len(urgent) < before
    assert {c.priority for c in urgent} == {"urgent"}
    assert page.filter_bar.priority_button.text() == "Priority: Urgent"
    assert page.filter_bar.clear_button.isEnabled()

    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        qtbot.mouseClick(page.filter_bar.overdue_button, Qt.MouseButton.LeftButton)
    now = demo.db.now()
    assert all(c.due_at is not None and c.due_at < now for c in all_cards(page))

    # The choice survives a restart (a new page on the same settings); the search does not.
    page.filter_bar.search.setText("zzz")
    second = make_page(demo, qtbot, settings)
    assert second.filters() == Filters(priorities=frozenset({"urgent"}), overdue_only=True)

    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        qtbot.mouseClick(page.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert len(all_cards(page)) == before


def test_search_is_debounced_and_mine_shows_my_tickets(desk, qtbot):
    page = make_page(desk, qtbot)
    assert len(all_cards(page)) == 3
    qtbot.keyClicks(page.filter_bar.search, "invoice")
    assert len(all_cards(page)) == 3  # nothing is searched per keystroke
    qtbot.waitUntil(lambda: [c.title for c in all_cards(page)] == ["Invoice wrong"], timeout=3000)
    assert "filtered" in page.summary.text()
    page.filter_bar.search.clear()
    qtbot.waitUntil(lambda: len(all_cards(page)) == 3, timeout=3000)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        qtbot.mouseClick(page.filter_bar.mine_button, Qt.MouseButton.LeftButton)
    assert {c.title for c in all_cards(page)} == {"Invoice wrong", "Slow app"}


def drop(page: TicketBoardPage, ticket_id: int, to_status: str) -> bool:
    """Drop the card on another column the way a drag ends: through the models' MIME data."""
    source = next(c for c in page.columns.values() if c.model.row_of(ticket_id) is not None)
    data = source.model.mimeData([source.model.index(source.model.row_of(ticket_id))])
    target: TicketColumnModel = page.columns[to_status].model
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    return target.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_dropping_a_card_moves_the_ticket_and_the_history_says_so(desk, qtbot):
    page = make_page(desk, qtbot)
    tid = desk.ids["mine"]
    assert [c.id for c in cards(page, "assigned")] == [tid]
    # A card cannot be dropped on its own column.
    own = page.columns["assigned"].model
    data = own.mimeData([own.index(0)])
    assert not own.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())

    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        drop(page, tid, "solution")
    assert tid in [c.id for c in cards(page, "solution")]
    assert cards(page, "assigned") == []
    events = ts.get_ticket(desk.db, tid).events
    assert any(
        e.kind == "status" and e.from_value == "assigned" and e.to_value == "solution"
        for e in events
    )
    # The moved card is selected in its new column.
    assert page.current_card() is not None and page.current_card().id == tid


def test_a_refused_move_stays_put_and_says_why(desk, qtbot):
    page = make_page(desk, qtbot)
    tid = desk.ids["new"]
    drop(page, tid, "closed")
    box = None

    def told() -> bool:
        nonlocal box
        box = page.findChild(QMessageBox, "ticketMoveMessage")
        return box is not None and box.isVisible()

    qtbot.waitUntil(told, timeout=3000)
    assert "one step at a time" in box.text()
    box.close()
    desk.tasks.wait_idle()
    assert status_of(desk.db, tid) == "registered"
    assert tid in [c.id for c in cards(page, "registered")]


def test_dragging_marks_where_the_card_may_go(desk, qtbot):
    page = make_page(desk, qtbot)
    page._drag_started("assigned")
    states = {s: c.drop_state for s, c in page.columns.items()}
    assert states == {
        "registered": "allowed",
        "assigned": "source",
        "solution": "allowed",
        "informed": "refused",
        "resolved": "refused",
        "closed": "refused",
    }
    assert page.columns["registered"].hint.text() == "Reopens it: asks why"
    page._drag_finished()
    assert all(c.drop_state == "" for c in page.columns.values())


def test_the_keyboard_moves_a_card_and_follows_it(desk, qtbot, monkeypatch):
    page = make_page(desk, qtbot)
    tid = desk.ids["sol"]
    page.activateWindow()
    assert page.select_ticket(tid)
    view = page.columns["solution"].view
    assert view.hasFocus()
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert status_of(desk.db, tid) == "informed"
    informed = page.columns["informed"].view
    assert informed.hasFocus()
    assert page.current_card().id == tid

    # Left/Right without Ctrl walk between columns; Enter opens the ticket.
    qtbot.keyClick(informed, Qt.Key.Key_Left)
    assert page.current_card().id == desk.ids["mine"]
    opened: list[int] = []
    monkeypatch.setattr(
        "crmdesk.views.ticket_dialog.open_ticket", lambda _ctx, _parent, i: opened.append(i)
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert opened == [desk.ids["mine"]]
    # A double-click opens it too.
    view = page.columns["informed"].view
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [desk.ids["mine"], tid]


def test_the_context_menu_offers_allowed_moves_and_pauses_the_clock(desk, qtbot):
    page = make_page(desk, qtbot)
    card = cards(page, "assigned")[0]
    menu = page.card_menu(card)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["Open", "Open customer", "Move to"]
    move = next(a for a in menu.actions() if a.text() == "Move to").menu()
    enabled = {a.text(): a.isEnabled() for a in move.actions()}
    assert enabled == {
        "Registered": True,
        "Solution": True,
        "Customer informed": False,
        "Resolved": False,
        "Closed": False,
    }
    assert "one step at a time" in next(a for a in move.actions() if a.text() == "Closed").toolTip()
    wait = next(a for a in menu.actions() if a.text() == "Waiting for customer")
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        wait.trigger()
    card = cards(page, "assigned")[0]
    assert card.waiting
    assert timing_text(page.columns["assigned"].model.timing(card.id)) == (
        "paused — waiting for customer"
    )
    assert "Resume (the customer answered)" in [a.text() for a in page.card_menu(card).actions()]


def test_selection_and_scroll_survive_a_reload(desk, qtbot):
    db = desk.db
    cid = ts.get_ticket(db, desk.ids["new"]).customer_id
    for i in range(12):
        ts.create_ticket(db, ts.TicketInput(cid, f"Question {i}", "question"))
    page = make_page(desk, qtbot)
    status = "registered"
    view = page.columns[status].view
    page.resize(1400, 500)
    qtbot.wait(20)
    last = cards(page, status)[-1]
    assert page.select_ticket(last.id)
    scroll = view.verticalScrollBar().value()
    assert scroll > 0
    ts.create_ticket(db, ts.TicketInput(cid, "One more", "question"))
    reload(page, qtbot)
    assert len(cards(page, status)) == 14
    assert page.current_card().id == last.id
    assert view.verticalScrollBar().value() == scroll


def test_a_newer_answer_wins_over_an_older_one(desk, qtbot):
    page = make_page(desk, qtbot)
    page.limit_per_column = 300
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.set_filters(Filters(text="printer"))
    newest = page._applied
    shown = [c.title for c in all_cards(page)]
    assert shown == ["Printer jams"]
    # An answer for an earlier request arriving late changes nothing.
    from crmdesk.views.ticket_board import BoardAnswer

    everything = ts.load_board(desk.db, ts.BoardQuery())
    page._apply_board(newest - 1, BoardAnswer(everything, {}, None, 0, None))
    assert [c.title for c in all_cards(page)] == shown


def _second_handle(database: Database) -> Database:
    engine = dbmod.create_db_engine(database.engine.url.render_as_string(hide_password=False))
    other = Database(engine, dbmod.create_session_factory(engine))
    audit.install(other.session_factory)
    other.sign_in("tester")
    return other


def test_the_poll_shows_a_change_made_by_another_database_handle(desk, qtbot):
    page = make_page(desk, qtbot)
    tid = desk.ids["new"]
    other = _second_handle(desk.db)
    try:
        ts.move_ticket(other, tid, "assigned", assignee_id=other.user.id)
    finally:
        other.close()
    assert tid in [c.id for c in cards(page, "registered")]  # nobody told this window
    page.poll_timer.setInterval(50)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        pass
    assert tid in [c.id for c in cards(page, "assigned")]
    assert cards(page, "registered") == []


def test_a_change_on_the_bus_reloads_the_board(desk, qtbot):
    page = make_page(desk, qtbot)
    changes = ts.move_ticket(desk.db, desk.ids["sol"], "informed")
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        desk.bus.data_changed.emit(changes, None)
    assert [c.id for c in cards(page, "informed")] == [desk.ids["sol"]]


def test_the_list_sorts_and_exports_to_excel(demo, qtbot, tmp_path):
    page = make_page(demo, qtbot)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    model = page.table.list_model
    total = sum(c.count for c in page.columns.values())
    assert model.total == total == model.rowCount()
    title = [c.key for c in LIST_COLUMNS].index("title")
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.table.sortByColumn(title, Qt.SortOrder.DescendingOrder)
    titles = [c.title for c in model.rows()]
    assert titles == sorted(titles, key=str.lower, reverse=True) or titles == sorted(
        titles, reverse=True
    )

    path = tmp_path / "tickets.xlsx"
    page.export_to_excel(path)
    demo.tasks.wait_idle()
    qtbot.waitUntil(lambda: page.table.export_box is not None, timeout=5000)
    ws = load_workbook(path, read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("Number", "Title", "Customer", "Status")
    assert len(rows) == total + 1
    assert [r[1] for r in rows[1:]] == titles
    assert {r[3] for r in rows[1:]} <= {
        "Registered",
        "Assigned",
        "Solution",
        "Customer informed",
        "Resolved",
        "Closed",
    }
    page.table.export_box.close()
    # The list's choice is remembered, and it opens as the list next time.
    second = TicketBoardPage(demo, Settings())
    qtbot.addWidget(second)
    assert second.mode == "list"


def test_new_ticket_is_ctrl_n_on_the_page(desk, qtbot, monkeypatch):
    page = make_page(desk, qtbot)
    calls: list[tuple] = []
    monkeypatch.setattr(
        "crmdesk.views.ticket_dialog.new_ticket", lambda *args, **kwargs: calls.append(args)
    )
    page.activateWindow()
    page.focus_first_card()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(calls) == 1 and calls[0][2] is None


def test_models_pass_the_model_tester(desk, qtbot, qtmodeltester):
    page = make_page(desk, qtbot)
    qtmodeltester.check(page.columns["assigned"].model)
    table = TicketTableModel()
    table.set_rows(all_cards(page), 3, {})
    qtmodeltester.check(table)
    assert table.index(0, 0).data(CARD_ROLE) is not None


def _card(**changes) -> ts.BoardCard:  # noqa: ANN003
    base = dict(
        id=1,
        number="T-1",
        title="Printer jams",
        customer_id=1,
        customer_name="Apex Foods",
        status="assigned",
        priority="normal",
        category="fault",
        assignee_id=None,
        assignee_name=None,
        team_id=None,
        due_at=None,
        breached=False,
        waiting=False,
        remaining_seconds=None,
        version=1,
        updated_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
    )
    base.update(changes)
    return ts.BoardCard(**base)


def test_time_left_counts_working_time_and_turns_amber_then_red(qapp):
    from zoneinfo import ZoneInfo

    from crmdesk.qt.ticket_models import card_timing
    from crmdesk.services.business_time import OfficeCalendar, SlaPolicy

    cal, policy = OfficeCalendar(), SlaPolicy.default()  # 09:00–18:00, lunch 12–13, Mon–Fri
    shanghai = ZoneInfo("Asia/Shanghai")

    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(2026, 3, day, hour, minute, tzinfo=shanghai)

    card = _card(due_at=at(9, 10).astimezone(dt.UTC))  # Monday 10:00; the step has 4 h
    friday = card_timing(card, at(6, 17, 30), cal, policy)  # Friday 17:30: 30 min + 1 h
    assert (friday.state, timing_text(friday)) == ("ok", "1 h 30 min left")
    close = card_timing(card, at(9, 9, 5), cal, policy)  # under a quarter of the step left
    assert (close.state, timing_text(close)) == ("close", "55 min left")
    late = card_timing(card, at(9, 10, 35), cal, policy)
    assert (late.state, timing_text(late)) == ("overdue", "overdue 35 min")
    waiting = card_timing(_card(waiting=True, remaining_seconds=600), at(9, 9), cal, policy)
    assert (waiting.state, timing_text(waiting)) == ("paused", "paused — waiting for customer")
    closed = card_timing(_card(status="closed"), at(9, 9), cal, policy)
    assert timing_text(closed) == ""


def test_my_team_cannot_stay_on_for_someone_without_a_team(desk, qtbot):
    settings = Settings()
    settings.set_value("ticket_board/team", True)
    page = make_page(desk, qtbot, settings)
    qtbot.waitUntil(lambda: not page.filter_bar.team_button.isChecked(), timeout=3000)
    assert not page.filter_bar.team_button.isEnabled()
    assert page.filter_bar.team_button.toolTip() == "You are not in a team"
    qtbot.waitUntil(lambda: len(all_cards(page)) == 3, timeout=3000)


def test_the_time_left_moves_on_with_the_clock(app_context, qtbot):
    from zoneinfo import ZoneInfo

    db = app_context.db
    clock = [dt.datetime(2026, 3, 9, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))]  # a Monday
    db._clock = lambda: clock[0]
    cid, _ = cs.create_customer(db, CustomerInput(name="Apex Foods"), [])
    tid, _ = ts.create_ticket(db, ts.TicketInput(cid, "Printer jams", "fault"))
    page = make_page(app_context, qtbot)
    model = page.columns["registered"].model
    assert timing_text(model.timing(tid)) == "30 min left"  # assigning is due in 30 minutes
    clock[0] += dt.timedelta(minutes=20)
    page._tick()
    qtbot.waitUntil(lambda: model.timing(tid).state == "close", timeout=3000)
    assert timing_text(model.timing(tid)) == "10 min left"
    clock[0] += dt.timedelta(minutes=25)
    page._tick()
    qtbot.waitUntil(lambda: model.timing(tid).state == "overdue", timeout=3000)
    assert timing_text(model.timing(tid)) == "overdue 15 min"
