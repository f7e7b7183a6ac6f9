"""The ticket board and list: which tickets a filter shows, one column per status.

With a million tickets of which a few thousand are open, nothing here may walk the closed
ones. Open tickets are found through the (status, due_at) index; the closed column shows only
tickets closed in the last ``closed_days``, found through the (status, entered_at) index of
their closing step; the counts come from one GROUP BY over those two ranges; customer and
assignee names are joined in, never looked up per ticket.

Import these names from :mod:`crmdesk.services.tickets`, which re-exports them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, case, func, literal_column, or_, select, text, union_all
from sqlalchemy.orm import Session

from crmdesk.models import (
    Customer,
    Ticket,
    TicketCategory,
    TicketPriority,
    TicketStatus,
    TicketStep,
    User,
)
from crmdesk.services.business_time import OfficeCalendar
from crmdesk.services.core import Database
from crmdesk.services.service_settings import load_calendar
from crmdesk.services.sla import OPEN_STATUSES, customer_of_ticket, status_in

STATUS_ORDER: tuple[str, ...] = tuple(s.value for s in TicketStatus)
PRIORITY_ORDER: tuple[str, ...] = tuple(p.value for p in TicketPriority)


@dataclass(frozen=True)
class BoardQuery:
    """What the board (and the list of the same tickets) shows."""

    mine_user_id: int | None = None
    team_id: int | None = None
    priorities: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    overdue_only: bool = False
    text: str = ""
    # The closed column holds the tickets closed in the last so many days (0: none).
    closed_days: int = 7
    limit_per_column: int = 300


@dataclass(frozen=True)
class BoardCard:
    id: int
    number: str
    title: str
    customer_id: int
    customer_name: str
    status: str
    priority: str
    category: str
    assignee_id: int | None
    assignee_name: str | None
    team_id: int | None
    # Deadline of the current step (None while waiting for the customer, or closed).
    due_at: dt.datetime | None
    breached: bool
    waiting: bool
    # Business seconds left on the current step: negative when overdue; while waiting, the
    # seconds that will be left when the clock starts again; None when nothing is due.
    remaining_seconds: int | None
    version: int
    updated_at: dt.datetime
    created_at: dt.datetime | None = None

    def overdue(self, now: dt.datetime) -> bool:
        return self.due_at is not None and self.due_at < now


@dataclass(frozen=True)
class Board:
    # Every status key is present, in the flow's order; overdue cards first, then by due_at
    # (waiting ones last); the closed column most recently closed first.
    columns: dict[str, list[BoardCard]]
    # How many tickets match in each column, even when a column was cut at the limit.
    counts: dict[str, int]
    now: dt.datetime
    limit_per_column: int = field(default=300)


def _values(wanted: frozenset[str], enum: type) -> list[Any]:
    known = {m.value: m for m in enum}
    return [known[v] for v in sorted(wanted) if v in known]


def _conditions(q: BoardQuery, now: dt.datetime) -> list[Any]:
    conds: list[Any] = [Ticket.deleted_at.is_(None), Customer.deleted_at.is_(None)]
    if q.mine_user_id is not None:
        # Not through the assignee index: an agent's tickets of all years outnumber the open
        # ones that the status index finds.
        conds.append(Ticket.assignee_id + literal_column("0") == q.mine_user_id)
    if q.team_id is not None:
        conds.append(Ticket.team_id == q.team_id)
    if q.priorities:
        conds.append(Ticket.priority.in_(_values(q.priorities, TicketPriority)))
    if q.categories:
        conds.append(Ticket.category.in_(_values(q.categories, TicketCategory)))
    if q.overdue_only:
        conds.append(Ticket.due_at < now)
    words = " ".join(q.text.split()).lower()
    if words:
        conds.append(
            or_(
                func.lower(Ticket.title).contains(words, autoescape=True),
                func.lower(Ticket.number).contains(words, autoescape=True),
                func.lower(Customer.name).contains(words, autoescape=True),
            )
        )
    return conds


def _cutoff(q: BoardQuery, now: dt.datetime) -> dt.datetime | None:
    if q.closed_days <= 0:
        return None
    return now - dt.timedelta(days=q.closed_days)


def _recently_closed(cutoff: dt.datetime):  # noqa: ANN202 - a subquery
    """The closing steps still current (not reopened since) that started after ``cutoff``."""
    return (
        select(TicketStep.ticket_id, TicketStep.entered_at.label("closed_on"))
        .where(
            TicketStep.status == TicketStatus.CLOSED,
            TicketStep.entered_at >= cutoff,
            TicketStep.left_at.is_(None),
        )
        .subquery("recently_closed")
    )


def _card_columns() -> tuple[Any, ...]:
    return (
        Ticket.id,
        Ticket.number,
        Ticket.title,
        Ticket.customer_id,
        Customer.name.label("customer_name"),
        Ticket.status,
        Ticket.priority,
        Ticket.category,
        Ticket.assignee_id,
        User.display_name.label("assignee_name"),
        Ticket.team_id,
        Ticket.due_at,
        Ticket.breached,
        Ticket.waiting_since,
        Ticket.remaining_seconds,
        Ticket.version,
        Ticket.updated_at,
        Ticket.created_at,
    )


def _with_names(stmt: Select[Any]) -> Select[Any]:
    return (
        stmt.select_from(Ticket)
        .join(Customer, customer_of_ticket())
        .outerjoin(User, User.id == Ticket.assignee_id)
    )


def _text(value: Any) -> str:
    return str(getattr(value, "value", value))


def _remaining(
    calendar: OfficeCalendar, now: dt.datetime, due: dt.datetime | None, waiting: bool, kept: Any
) -> int | None:
    if waiting:
        return kept
    if due is None:
        return None
    if due >= now:
        return calendar.between(now, due)
    return -calendar.between(due, now)


def _card(r: Any, calendar: OfficeCalendar, now: dt.datetime) -> BoardCard:
    waiting = r.waiting_since is not None
    return BoardCard(
        id=r.id,
        number=r.number,
        title=r.title,
        customer_id=r.customer_id,
        customer_name=r.customer_name,
        status=_text(r.status),
        priority=_text(r.priority),
        category=_text(r.category),
        assignee_id=r.assignee_id,
        assignee_name=r.assignee_name,
        team_id=r.team_id,
        due_at=r.due_at,
        breached=bool(r.breached),
        waiting=waiting,
        remaining_seconds=_remaining(calendar, now, r.due_at, waiting, r.remaining_seconds),
        version=r.version,
        updated_at=r.updated_at,
        created_at=r.created_at,
    )


def _steer_planner(s: Session) -> None:
    """Keep PostgreSQL on the index paths for the rest of this read transaction.

    Every query here starts from a small set (open tickets by status, recent closings by
    date) and looks the rest up by primary key. PostgreSQL cannot estimate how few tickets a
    text search matches and would rather hash-join a scan of all closed tickets; without hash
    and merge joins it takes the nested loops these queries are built for. SQLite needs no
    help: its planner follows the indexes (see ``sla.status_in``).
    """
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SET LOCAL enable_hashjoin = off"))
        s.execute(text("SET LOCAL enable_mergejoin = off"))


def _counts(s: Session, q: BoardQuery, now: dt.datetime) -> dict[str, int]:
    """Matching tickets per status: one GROUP BY over the open ones and the recent closings."""
    conds = _conditions(q, now)
    parts = [
        _with_names(select(Ticket.status.label("status"))).where(
            status_in(s.get_bind().dialect.name, OPEN_STATUSES), *conds
        )
    ]
    cutoff = _cutoff(q, now)
    if cutoff is not None:
        closed = _recently_closed(cutoff)
        parts.append(
            _with_names(select(Ticket.status.label("status")))
            .join(closed, closed.c.ticket_id == Ticket.id)
            .where(Ticket.status == TicketStatus.CLOSED, *conds)
        )
    both = union_all(*parts).subquery()
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for status, n in s.execute(select(both.c.status, func.count()).group_by(both.c.status)):
        counts[_text(status)] = n
    return counts


def load_board(db: Database, query: BoardQuery) -> Board:
    """The board's columns and counts for ``query`` (read-only; safe on a worker thread)."""
    now = db.now()
    calendar = load_calendar(db)
    limit = max(1, query.limit_per_column)
    with db.read() as s:
        _steer_planner(s)
        conds = _conditions(query, now)
        rank = (
            func.row_number()
            .over(
                partition_by=Ticket.status,
                order_by=(Ticket.due_at.is_(None), Ticket.due_at, Ticket.id),
            )
            .label("rank")
        )
        ranked = (
            _with_names(select(*_card_columns(), rank))
            .where(status_in(db.dialect, OPEN_STATUSES), *conds)
            .subquery("ranked")
        )
        rows = list(
            s.execute(
                select(ranked)
                .where(ranked.c.rank <= limit)
                .order_by(ranked.c.status, ranked.c.rank)
            )
        )
        cutoff = _cutoff(query, now)
        if cutoff is not None:
            closed = _recently_closed(cutoff)
            rows.extend(
                s.execute(
                    _with_names(select(*_card_columns()))
                    .join(closed, closed.c.ticket_id == Ticket.id)
                    .where(Ticket.status == TicketStatus.CLOSED, *conds)
                    .order_by(closed.c.closed_on.desc(), Ticket.id.desc())
                    .limit(limit)
                )
            )
        counts = _counts(s, query, now)
    columns: dict[str, list[BoardCard]] = {status: [] for status in STATUS_ORDER}
    for r in rows:
        card = _card(r, calendar, now)
        columns[card.status].append(card)
    for status in STATUS_ORDER[:-1]:
        columns[status].sort(key=lambda c: (c.due_at is None, c.due_at or now, c.id))
    return Board(columns, counts, now, limit)


def count_tickets(db: Database, query: BoardQuery) -> int:
    """How many tickets the board shows for ``query`` (all columns, no limit)."""
    now = db.now()
    with db.read() as s:
        _steer_planner(s)
        return sum(_counts(s, query, now).values())


def _matching_ids(q: BoardQuery, now: dt.datetime, dialect: str):  # noqa: ANN202 - a subquery
    parts = [select(Ticket.id.label("id")).where(status_in(dialect, OPEN_STATUSES))]
    cutoff = _cutoff(q, now)
    if cutoff is not None:
        closed = _recently_closed(cutoff)
        parts.append(select(closed.c.ticket_id.label("id")))
    return union_all(*parts).subquery("matching")


def _sort_column(sort_key: str) -> Any:
    if sort_key == "status":
        return case({s: i for i, s in enumerate(STATUS_ORDER)}, value=Ticket.status)
    if sort_key == "priority":
        return case({p: i for i, p in enumerate(PRIORITY_ORDER)}, value=Ticket.priority)
    return {
        "number": Ticket.number,
        "title": Ticket.title,
        "customer": Customer.name,
        "customer_name": Customer.name,
        "category": Ticket.category,
        "assignee": User.display_name,
        "assignee_name": User.display_name,
        "due_at": Ticket.due_at,
        "remaining_seconds": Ticket.due_at,
        "breached": Ticket.breached,
        "created_at": Ticket.created_at,
        "updated_at": Ticket.updated_at,
    }.get(sort_key, Ticket.due_at)


def list_ticket_rows(
    db: Database,
    query: BoardQuery,
    sort_key: str = "due_at",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[BoardCard]:
    """The board's tickets as a sortable list, one page at a time.

    ``sort_key`` is one of number, title, customer, status (flow order), priority (urgent
    first), category, assignee, due_at, breached, created_at, updated_at; empty values sort
    last either way.
    """
    now = db.now()
    calendar = load_calendar(db)
    with db.read() as s:
        _steer_planner(s)
        matching = _matching_ids(query, now, db.dialect)
        column = _sort_column(sort_key)
        ordered = column.desc() if descending else column.asc()
        stmt = (
            _with_names(select(*_card_columns()))
            .join(matching, matching.c.id == Ticket.id)
            .where(*_conditions(query, now))
            .order_by(column.is_(None), ordered, Ticket.id.desc() if descending else Ticket.id)
            .offset(max(0, offset))
            .limit(max(0, limit))
        )
        rows = list(s.execute(stmt))
    return [_card(r, calendar, now) for r in rows]
