"""Escalation: who hears about a late ticket, and the checker that finds late steps.

A step that passes its deadline is *breached*: the step row and the ticket are marked (the
ticket stays breached for good), an ``sla_breach`` event records it at the moment it fell due,
and the escalation contact is notified once per ticket and step. Urgent and high tickets are
announced to the service directors as soon as they are created.

The checker (:func:`run_sla_check`) runs at start, on a timer and as ``crmdesk sla-check``; it
works on all open tickets with a handful of set-based statements, so it stays fast with
thousands of open tickets, and running it again adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, cast, func, insert, literal, literal_column, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from crmdesk.models import (
    Customer,
    Notification,
    Role,
    Team,
    Ticket,
    TicketEvent,
    TicketPriority,
    TicketStatus,
    TicketStep,
    User,
)
from crmdesk.services.business_time import STEP_DUE_IN_STATUS
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.notifications import dump_params, notify_many

# Statuses with a step running (a closed ticket has nothing due).
OPEN_STATUSES: tuple[TicketStatus, ...] = tuple(s for s in TicketStatus if s != TicketStatus.CLOSED)
# Statuses of tickets not yet resolved: the ones a director still needs to hear about.
UNRESOLVED_STATUSES: tuple[TicketStatus, ...] = (
    TicketStatus.REGISTERED,
    TicketStatus.ASSIGNED,
    TicketStatus.SOLUTION,
    TicketStatus.INFORMED,
)
HIGH_PRIORITIES: tuple[TicketPriority, ...] = (TicketPriority.URGENT, TicketPriority.HIGH)

# Notification kinds (the view has one sentence for each).
KIND_BREACH = "sla_breach"
KIND_HIGH = "high_priority"
KIND_REVISIT = "revisit"


def status_in(dialect: str, statuses: Sequence[TicketStatus]) -> ColumnElement[bool]:
    """``ticket.status IN (…)`` answered from the (status, due_at) index.

    Almost every ticket is closed, so an open status matches a tiny share of the table, but
    SQLite's statistics (once ANALYZE has run) only know that status has six values and would
    scan the whole table; ``likelihood()`` tells its planner how rare the match is.
    PostgreSQL keeps per-value statistics and needs no hint.
    """
    condition = Ticket.status.in_(statuses)
    if dialect == "sqlite":
        # Untyped: a Boolean function would be compared with 1, hiding it from the planner.
        return func.likelihood(condition, literal_column("0.001"))
    return condition


def customer_of_ticket() -> ColumnElement[bool]:
    """The join from a ticket to its customer, usable only in that direction: ``+ 0`` keeps a
    planner from starting at the customers and walking a million tickets by customer_id."""
    return Customer.id == Ticket.customer_id + literal_column("0")


def breach_key(ticket_id: int, step_key: int | str, user_id: int) -> str:
    """Once per ticket, step (a TicketStep id, or "register") and person."""
    return f"sla:{ticket_id}:{step_key}:{user_id}"


def high_key(ticket_id: int, user_id: int) -> str:
    return f"high:{ticket_id}:{user_id}"


# ---------------------------------------------------------------------------------------------
# Who hears about it


@dataclass(frozen=True)
class _Person:
    role: str
    team_id: int | None
    superior_id: int | None
    active: bool


@dataclass(frozen=True)
class Staff:
    """The office's people and team managers, read once per operation (a few dozen rows)."""

    people: dict[int, _Person] = field(default_factory=dict)
    managers: dict[int, int | None] = field(default_factory=dict)

    def _active(self, user_id: int | None) -> bool:
        person = self.people.get(user_id) if user_id is not None else None
        return person is not None and person.active

    def admins(self) -> list[int]:
        return sorted(
            uid for uid, p in self.people.items() if p.active and p.role == Role.ADMIN.value
        )

    def escalation(self, assignee_id: int | None, team_id: int | None) -> list[int]:
        """Who is told that a step is late: the assignee's team manager, else the assignee's
        superior, else the ticket team's manager, else the administrators. Nobody is told
        about their own ticket while somebody above them can be."""
        candidates: list[int | None] = []
        person = self.people.get(assignee_id) if assignee_id is not None else None
        if person is not None:
            candidates.append(self.managers.get(person.team_id) if person.team_id else None)
            candidates.append(person.superior_id)
        if team_id is not None:
            candidates.append(self.managers.get(team_id))
        for uid in candidates:
            if uid is not None and uid != assignee_id and self._active(uid):
                return [uid]
        admins = [a for a in self.admins() if a != assignee_id]
        if admins:
            return admins
        return [assignee_id] if assignee_id is not None and self._active(assignee_id) else []

    def directors(self) -> list[int]:
        """Every active service director; an office without one tells its administrators."""
        found = sorted(
            uid
            for uid, p in self.people.items()
            if p.active and p.role == Role.SERVICE_DIRECTOR.value
        )
        return found or self.admins()


def load_staff(s: Session) -> Staff:
    people = {
        uid: _Person(role.value if hasattr(role, "value") else str(role), team, sup, bool(act))
        for uid, role, team, sup, act in s.execute(
            select(User.id, User.role, User.team_id, User.superior_id, User.active)
        )
    }
    managers = {tid: mid for tid, mid in s.execute(select(Team.id, Team.manager_id))}
    return Staff(people, managers)


def _iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds") if value else None


def breach_params(
    number: str,
    title: str,
    priority: str,
    status: str | None,
    step: str,
    due_at: dt.datetime | None,
    customer_name: str | None,
    assignee_name: str | None,
) -> dict[str, Any]:
    return {
        "number": number,
        "title": title,
        "priority": priority,
        "status": status,
        "step": step,
        "due_at": _iso(due_at),
        "customer": customer_name,
        "assignee": assignee_name,
    }


def high_params(number: str, title: str, priority: str, customer_name: str | None) -> dict:
    return {"number": number, "title": title, "priority": priority, "customer": customer_name}


def notify_directors(
    s: Session, staff: Staff, ticket: Ticket, customer_name: str | None, now: dt.datetime
) -> int:
    """Tell every service director about an urgent or high ticket (once each)."""
    if ticket.priority not in HIGH_PRIORITIES or ticket.status not in UNRESOLVED_STATUSES:
        return 0
    params = high_params(ticket.number, ticket.title, ticket.priority.value, customer_name)
    rows = [
        {
            "key": high_key(ticket.id, uid),
            "user_id": uid,
            "kind": KIND_HIGH,
            "ticket_id": ticket.id,
            "customer_id": ticket.customer_id,
            "params": params,
            "created_at": now,
        }
        for uid in staff.directors()
    ]
    return notify_many(s, rows)


def breach_step(
    s: Session,
    staff: Staff,
    ticket: Ticket,
    step: TicketStep | None,
    sla_step: str,
    due_at: dt.datetime | None,
    now: dt.datetime,
    customer_name: str | None = None,
) -> int:
    """Mark one late step of a ticket loaded in ``s`` (ORM) and escalate it; the number of
    notifications added. ``step`` is None for the registration step (it has no row)."""
    if step is not None:
        if step.breached:
            return 0
        step.breached = True
    ticket.breached = True
    status = None if step is None else step.status.value
    s.add(
        TicketEvent(
            ticket_id=ticket.id,
            at=due_at or now,
            user_id=None,
            kind="sla_breach",
            from_value=status,
            to_value=sla_step,
        )
    )
    assignee_name = None
    if ticket.assignee_id is not None:
        assignee_name = s.scalar(select(User.display_name).where(User.id == ticket.assignee_id))
    if customer_name is None:
        customer_name = s.scalar(select(Customer.name).where(Customer.id == ticket.customer_id))
    params = breach_params(
        ticket.number,
        ticket.title,
        ticket.priority.value,
        status,
        sla_step,
        due_at,
        customer_name,
        assignee_name,
    )
    step_key: int | str = "register" if step is None else step.id
    rows = [
        {
            "key": breach_key(ticket.id, step_key, uid),
            "user_id": uid,
            "kind": KIND_BREACH,
            "ticket_id": ticket.id,
            "customer_id": ticket.customer_id,
            "params": params,
            "created_at": now,
        }
        for uid in staff.escalation(ticket.assignee_id, ticket.team_id)
    ]
    return notify_many(s, rows)


# ---------------------------------------------------------------------------------------------
# The checker


@dataclass(frozen=True)
class SlaCheckResult:
    # Open tickets looked at, steps newly breached, notifications added.
    checked: int
    breached: int
    notified: int
    # What changed, for the app to announce on its data_changed signal.
    changes: ChangeSet = ChangeSet()


_CHUNK = 500


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _late_steps(s: Session, now: dt.datetime) -> list[Any]:
    """Open tickets whose current step is past its deadline and not yet marked: one indexed
    query ((status, due_at) on the ticket, the ticket id on its steps)."""
    dialect = s.get_bind().dialect.name
    assignee = aliased(User)
    stmt = (
        select(
            Ticket.id,
            Ticket.number,
            Ticket.title,
            Ticket.priority,
            Ticket.assignee_id,
            Ticket.team_id,
            Ticket.customer_id,
            Ticket.breached,
            TicketStep.id.label("step_id"),
            TicketStep.status.label("step_status"),
            TicketStep.due_at.label("step_due"),
            Ticket.due_at,
            Customer.name,
            assignee.display_name,
        )
        .join(
            TicketStep,
            (TicketStep.ticket_id == Ticket.id)
            & TicketStep.left_at.is_(None)
            & TicketStep.breached.is_(False),
        )
        .select_from(Ticket)
        .join(Customer, customer_of_ticket())
        .outerjoin(assignee, assignee.id == Ticket.assignee_id)
        .where(
            status_in(dialect, OPEN_STATUSES),
            Ticket.due_at < now,
            Ticket.deleted_at.is_(None),
            Customer.deleted_at.is_(None),
        )
        .order_by(Ticket.due_at, Ticket.id)
    )
    return list(s.execute(stmt))


def _missed_announcements(s: Session, staff: Staff) -> list[Any]:
    """(ticket…, director id) pairs of open urgent/high tickets a director was not told about."""
    directors = staff.directors()
    if not directors:
        return []
    director = aliased(User)
    key = literal("high:") + cast(Ticket.id, String) + literal(":") + cast(director.id, String)
    told = select(Notification.id).where(Notification.key == key).exists()
    stmt = (
        select(
            Ticket.id,
            Ticket.number,
            Ticket.title,
            Ticket.priority,
            Ticket.customer_id,
            Customer.name,
            director.id.label("director_id"),
        )
        .select_from(Ticket)
        .join(Customer, customer_of_ticket())
        .join(director, director.id.in_(directors))
        .where(
            status_in(s.get_bind().dialect.name, UNRESOLVED_STATUSES),
            Ticket.priority.in_(HIGH_PRIORITIES),
            Ticket.deleted_at.is_(None),
            Customer.deleted_at.is_(None),
            ~told,
        )
    )
    return list(s.execute(stmt))


def _count_open(s: Session) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(status_in(s.get_bind().dialect.name, OPEN_STATUSES), Ticket.deleted_at.is_(None))
        )
        or 0
    )


def run_sla_check(db: Database, now: dt.datetime | None = None) -> SlaCheckResult:
    """Mark every open ticket whose current step passed its deadline as breached, escalate
    it, and announce urgent/high tickets the directors missed. Running it again adds nothing.

    Tickets waiting for the customer have no deadline and are left alone.
    """
    now = now or db.now()
    with db.read() as s:
        checked = _count_open(s)
        staff = load_staff(s)
        work = bool(_late_steps(s, now)) or bool(_missed_announcements(s, staff))
    if not work:
        return SlaCheckResult(checked, 0, 0)
    with db.write() as s:
        staff = load_staff(s)
        late = _late_steps(s, now)
        # Only the steps this run flips get events: a second checker running at the same
        # moment (the app and a scheduled task) finds them already marked.
        flipped: set[int] = set()
        for chunk in _chunks([r.step_id for r in late]):
            flipped.update(
                s.scalars(
                    update(TicketStep)
                    .where(TicketStep.id.in_(chunk), TicketStep.breached.is_(False))
                    .values(breached=True)
                    .returning(TicketStep.id)
                    .execution_options(synchronize_session=False)
                )
            )
        late = [r for r in late if r.step_id in flipped]
        ticket_ids = sorted({r.id for r in late})
        for chunk in _chunks(ticket_ids):
            # A core update: the checker's mark must not make a user's open edit stale.
            s.execute(
                update(Ticket.__table__)
                .where(Ticket.__table__.c.id.in_(chunk), Ticket.__table__.c.breached.is_(False))
                .values(breached=True, updated_at=now)
            )
        events = []
        notes = []
        for r in late:
            status = r.step_status.value
            sla_step = _step_for(status)
            due = r.step_due or r.due_at
            events.append(
                {
                    "ticket_id": r.id,
                    "at": due,
                    "user_id": None,
                    "kind": "sla_breach",
                    "from_value": status,
                    "to_value": sla_step,
                    "comment": None,
                }
            )
            params = dump_params(
                breach_params(
                    r.number,
                    r.title,
                    r.priority.value,
                    status,
                    sla_step,
                    due,
                    r.name,
                    r.display_name,
                )
            )
            for uid in staff.escalation(r.assignee_id, r.team_id):
                notes.append(
                    {
                        "key": breach_key(r.id, r.step_id, uid),
                        "user_id": uid,
                        "kind": KIND_BREACH,
                        "ticket_id": r.id,
                        "customer_id": r.customer_id,
                        "params": params,
                        "created_at": now,
                    }
                )
        if events:
            s.execute(insert(TicketEvent), events)
        for r in _missed_announcements(s, staff):
            notes.append(
                {
                    "key": high_key(r.id, r.director_id),
                    "user_id": r.director_id,
                    "kind": KIND_HIGH,
                    "ticket_id": r.id,
                    "customer_id": r.customer_id,
                    "params": high_params(r.number, r.title, r.priority.value, r.name),
                    "created_at": now,
                }
            )
        added = notify_many(s, notes)
    changes = ChangeSet(tickets=frozenset(ticket_ids), notifications=added > 0)
    return SlaCheckResult(checked, len(late), added, changes)


def _step_for(status: str) -> str:
    step = STEP_DUE_IN_STATUS.get(status)
    return step.value if step is not None else status
