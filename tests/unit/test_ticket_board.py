"""The board and the list of tickets: which cards each filter shows, in what order, the counts
per column, the closed column's window, and the sorted, paged list of the same tickets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services import tickets as tk
from crmdesk.services.dto import CustomerInput
from tests.unit.ticket_office import SHANGHAI, Office, make_office


@dataclass
class Scene:
    office: Office
    old_closed: int
    closed: int
    overdue: int
    fresh: int
    mine_high: int
    other_team: int
    waiting: int
    other_customer: int


@pytest.fixture
def scene(database: Database) -> Scene:
    office = make_office(database)
    db, clock = office.db, office.clock
    old_closed = office.ticket("上月的咨询", category="question")
    office.walk(old_closed, "closed")
    clock.set(dt.datetime(2026, 3, 16, 9, 0, tzinfo=SHANGHAI))  # two weeks later
    closed = office.ticket("本周已关闭")
    office.walk(closed, "closed")
    overdue = office.ticket("早上登记没人分配", priority="low")
    clock.set(dt.datetime(2026, 3, 16, 10, 0, tzinfo=SHANGHAI))
    fresh = office.ticket("刚登记的投诉", category="complaint")
    mine_high = office.ticket("紧急故障", priority="high", assignee_id=office.agent)
    other_team = office.ticket("销售转来的请求", category="request", assignee_id=office.agent2)
    waiting = office.ticket("等客户回复", assignee_id=office.agent)
    tk.set_waiting(db, waiting, True)
    other, _ = cs.create_customer(db, CustomerInput(name="Shenzhen Bright Ltd"))
    other_customer = office.ticket("Invoice question", category="question", customer_id=other)
    clock.set(dt.datetime(2026, 3, 16, 10, 5, tzinfo=SHANGHAI))
    return Scene(
        office, old_closed, closed, overdue, fresh, mine_high, other_team, waiting, other_customer
    )


def _ids(board: tk.Board) -> dict[str, list[int]]:
    return {status: [c.id for c in cards] for status, cards in board.columns.items()}


def test_the_board_has_a_column_per_status_in_order_and_full_counts(scene: Scene) -> None:
    board = tk.load_board(scene.office.db, tk.BoardQuery())
    assert list(board.columns) == [
        "registered",
        "assigned",
        "solution",
        "informed",
        "resolved",
        "closed",
    ]
    ids = _ids(board)
    # Overdue first, then by deadline.
    assert ids["registered"] == [scene.overdue, scene.fresh, scene.other_customer]
    # The waiting card has no deadline and goes last.
    assert ids["assigned"] == [scene.mine_high, scene.other_team, scene.waiting]
    assert ids["closed"] == [scene.closed]  # the one closed two weeks ago is not shown
    assert board.counts == {
        "registered": 3,
        "assigned": 3,
        "solution": 0,
        "informed": 0,
        "resolved": 0,
        "closed": 1,
    }
    assert board.now == scene.office.clock()
    assert tk.load_board(scene.office.db, tk.BoardQuery(closed_days=30)).counts["closed"] == 2
    assert tk.load_board(scene.office.db, tk.BoardQuery(closed_days=0)).columns["closed"] == []


def test_a_card_shows_its_names_and_time_left_in_business_seconds(scene: Scene) -> None:
    board = tk.load_board(scene.office.db, tk.BoardQuery())
    cards = {c.id: c for cards in board.columns.values() for c in cards}
    overdue = cards[scene.overdue]
    # Assignment was due at 09:30; it is 10:05.
    assert overdue.overdue(board.now) and overdue.remaining_seconds == -35 * 60
    assert (overdue.customer_name, overdue.assignee_name, overdue.priority) == (
        "北京恒通科技有限公司",
        None,
        "low",
    )
    high = cards[scene.mine_high]
    assert (high.assignee_name, high.team_id, high.status) == (
        "李客服",
        scene.office.team,
        "assigned",
    )
    assert high.remaining_seconds == 4 * 3600 - 5 * 60
    waiting = cards[scene.waiting]
    assert waiting.waiting and waiting.due_at is None and waiting.remaining_seconds == 4 * 3600
    assert cards[scene.closed].remaining_seconds is None


def test_filters_narrow_cards_and_counts_alike(scene: Scene) -> None:
    db, office = scene.office.db, scene.office

    def shown(**kw: object) -> set[int]:
        board = tk.load_board(db, tk.BoardQuery(**kw))  # type: ignore[arg-type]
        ids = {c.id for cards in board.columns.values() for c in cards}
        assert (
            sum(board.counts.values())
            == len(ids)
            == tk.count_tickets(
                db,
                tk.BoardQuery(**kw),  # type: ignore[arg-type]
            )
        )
        return ids

    assert shown(mine_user_id=office.agent) == {scene.mine_high, scene.waiting, scene.closed}
    assert shown(team_id=office.other_team) == {scene.other_team}
    assert shown(priorities=frozenset({"high", "low"})) == {scene.mine_high, scene.overdue}
    assert shown(categories=frozenset({"complaint", "request"})) == {scene.fresh, scene.other_team}
    assert shown(overdue_only=True) == {scene.overdue}
    assert shown(text="紧急") == {scene.mine_high}
    assert shown(text="bright") == {scene.other_customer}  # the customer's name, any case
    assert shown(text="t-2026-000002") == {scene.closed}  # the number
    assert shown(text="100%") == set()
    assert shown(priorities=frozenset({"nonsense"})) == set()


def test_a_long_column_is_cut_but_counted_in_full(scene: Scene) -> None:
    board = tk.load_board(scene.office.db, tk.BoardQuery(limit_per_column=2))
    assert [len(cards) for cards in board.columns.values()] == [2, 2, 0, 0, 0, 1]
    assert board.counts["registered"] == 3 and board.counts["assigned"] == 3
    assert [c.id for c in board.columns["registered"]] == [scene.overdue, scene.fresh]


def test_tickets_of_customers_in_the_trash_are_not_shown(scene: Scene) -> None:
    db = scene.office.db
    other = tk.get_ticket(db, scene.other_customer).customer_id
    cs.delete_customers(db, [other])
    board = tk.load_board(db, tk.BoardQuery())
    assert scene.other_customer not in {c.id for c in board.columns["registered"]}
    assert board.counts["registered"] == 2


def test_the_list_sorts_and_pages_the_same_tickets(scene: Scene) -> None:
    db = scene.office.db
    q = tk.BoardQuery()
    everything = tk.list_ticket_rows(db, q, "number", False, 0, 100)
    assert len(everything) == tk.count_tickets(db, q) == 7
    assert [c.number for c in everything] == sorted(c.number for c in everything)
    by_priority = tk.list_ticket_rows(db, q, "priority", False, 0, 100)
    assert [c.priority for c in by_priority][:1] == ["high"]
    assert [c.priority for c in by_priority][-1:] == ["low"]
    by_status = tk.list_ticket_rows(db, q, "status", True, 0, 100)
    assert [c.status for c in by_status][0] == "closed"
    # Empty deadlines (the waiting and the closed ticket) come last either way.
    for descending in (False, True):
        by_due = tk.list_ticket_rows(db, q, "due_at", descending, 0, 100)
        assert {c.id for c in by_due[-2:]} == {scene.waiting, scene.closed}
    first = tk.list_ticket_rows(db, q, "created_at", True, 0, 3)
    rest = tk.list_ticket_rows(db, q, "created_at", True, 3, 100)
    newest_first = tk.list_ticket_rows(db, q, "created_at", True, 0, 100)
    assert first + rest == newest_first and len(first) == 3
    mine = tk.list_ticket_rows(db, tk.BoardQuery(mine_user_id=scene.office.agent), "title", False)
    assert [c.id for c in mine] == sorted(
        [scene.mine_high, scene.waiting, scene.closed], key=lambda i: tk.get_ticket(db, i).title
    )


def test_a_move_shows_on_the_board_and_bumps_the_latest_change(scene: Scene) -> None:
    db = scene.office.db
    before = tk.latest_ticket_change(db)
    tk.move_ticket(db, scene.fresh, "assigned", assignee_id=scene.office.agent2)
    assert tk.latest_ticket_change(db) > before
    board = tk.load_board(db, tk.BoardQuery())
    assert scene.fresh in {c.id for c in board.columns["assigned"]}
    assert board.counts["registered"] == 2 and board.counts["assigned"] == 4
