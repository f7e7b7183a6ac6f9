"""Service tickets: registration, the complaint procedure's steps, their deadlines and history.

The flow (source material's complaint procedure): registered 投诉登记 → assigned 问题分配 →
solution 方案制定 → informed 客户沟通 → resolved 问题解决 → closed 客户回访. Each status means
"that step is done, the next one is being worked on"; the SLA step due meanwhile comes from
``business_time.STEP_DUE_IN_STATUS`` and is counted in the office's business time.

Every change writes TicketEvent rows (who, when, from, to); every stay in a status is one
TicketStep row with its deadline, whether it was late and the business time it took (time spent
waiting for the customer is not counted). The step machinery lives in ``ticket_flow``, the board
and list queries in ``ticket_board``; both are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.errors import CrmError, NotFoundError, ValidationError
from crmdesk.models import (
    Contact,
    Customer,
    Interaction,
    KbArticle,
    Role,
    Team,
    Ticket,
    TicketCategory,
    TicketEvent,
    TicketPriority,
    TicketStatus,
    TicketStep,
    User,
    ticket_article,
)
from crmdesk.services import sla
from crmdesk.services.business_time import STEP_DUE_IN_STATUS
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.dto import UserRow
from crmdesk.services.ticket_board import (
    Board,
    BoardCard,
    BoardQuery,
    count_tickets,
    list_ticket_rows,
    load_board,
)
from crmdesk.services.ticket_flow import (
    FLOW,
    Ctx,
    MoveRule,
    add_event,
    apply_move,
    breach,
    changes_of,
    check_assignee,
    check_version,
    current_step,
    load_ticket,
    make_ctx,
    move_rule,
    next_number,
    open_step,
    register_late,
    resume,
    set_assignee,
    sla_step_of,
    stale_while_saving,
)

__all__ = [
    "FLOW",
    "Board",
    "BoardCard",
    "BoardQuery",
    "MoveRule",
    "TicketDetail",
    "TicketEventRow",
    "TicketInput",
    "TicketStepRow",
    "add_comment",
    "assign_ticket",
    "count_tickets",
    "create_ticket",
    "get_ticket",
    "latest_ticket_change",
    "list_agents",
    "list_teams",
    "list_ticket_rows",
    "load_board",
    "move_rule",
    "move_ticket",
    "set_waiting",
    "update_ticket",
    "user_team_id",
]

TITLE_MAX = 200


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class TicketInput:
    customer_id: int
    title: str
    category: str
    priority: str = "normal"
    contact_id: int | None = None
    channel: str | None = None
    description: str | None = None
    assignee_id: int | None = None
    team_id: int | None = None
    # When the customer raised it; registration is due 10 business minutes later.
    reported_at: dt.datetime | None = None
    interaction_id: int | None = None


@dataclass(frozen=True)
class TicketEventRow:
    at: dt.datetime
    user_name: str | None
    # created, status, assigned, comment, waiting, resumed, reopened, sla_breach, edited
    kind: str
    from_value: str | None
    to_value: str | None
    comment: str | None


@dataclass(frozen=True)
class TicketStepRow:
    status: str
    entered_at: dt.datetime
    left_at: dt.datetime | None
    due_at: dt.datetime | None
    breached: bool
    business_seconds: int | None
    paused_seconds: int
    user_name: str | None


@dataclass(frozen=True)
class TicketDetail:
    id: int
    number: str
    customer_id: int
    contact_id: int | None
    category: str
    priority: str
    status: str
    channel: str | None
    title: str
    description: str | None
    solution: str | None
    assignee_id: int | None
    team_id: int | None
    reported_at: dt.datetime | None
    interaction_id: int | None
    created_by_id: int | None
    due_at: dt.datetime | None
    breached: bool
    step_started_at: dt.datetime | None
    waiting_since: dt.datetime | None
    remaining_seconds: int | None
    first_response_at: dt.datetime | None
    first_response_seconds: int | None
    resolution_seconds: int | None
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    csat: int | None
    nps: int | None
    feedback: str | None
    deleted_at: dt.datetime | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    customer_name: str
    contact_name: str | None
    assignee_name: str | None
    team_name: str | None
    # Oldest first.
    events: list[TicketEventRow]
    steps: list[TicketStepRow]
    articles: list[tuple[int, str]]
    waiting: bool
    created_by_name: str | None = None

    def to_input(self) -> TicketInput:
        """The editable fields, for update_ticket."""
        return TicketInput(
            customer_id=self.customer_id,
            title=self.title,
            category=self.category,
            priority=self.priority,
            contact_id=self.contact_id,
            channel=self.channel,
            description=self.description,
            assignee_id=self.assignee_id,
            team_id=self.team_id,
            reported_at=self.reported_at,
            interaction_id=self.interaction_id,
        )


# ---------------------------------------------------------------------------------------------
# Creating and editing


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def _channel(text: str | None) -> str | None:
    cleaned = _clean(text)
    return cleaned[:40] if cleaned else None


def _validate(data: TicketInput, now: dt.datetime) -> None:
    title = (data.title or "").strip()
    if not title:
        raise ValidationError("A ticket needs a title.", {"title": "Required."})
    if len(title) > TITLE_MAX:
        raise ValidationError(
            "The title is longer than 200 characters.",
            {"title": "The title is longer than 200 characters."},
        )
    if data.category not in {c.value for c in TicketCategory}:
        raise ValidationError(
            "'{value}' is not a ticket category.",
            {"category": "This is not one of the allowed values."},
            value=data.category,
        )
    if data.priority not in {p.value for p in TicketPriority}:
        raise ValidationError(
            "'{value}' is not a ticket priority.",
            {"priority": "This is not one of the allowed values."},
            value=data.priority,
        )
    if data.reported_at is not None and data.reported_at > now + dt.timedelta(minutes=1):
        raise ValidationError(
            "The customer cannot have reported it in the future.",
            {"reported_at": "This time is in the future."},
        )


def _check_links(s: Session, data: TicketInput) -> Customer:
    customer = s.get(Customer, data.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFoundError("This customer no longer exists.")
    if data.contact_id is not None:
        contact = s.get(Contact, data.contact_id)
        if contact is None or contact.customer_id != data.customer_id:
            raise ValidationError(
                "This contact does not belong to the ticket's customer.",
                {"contact": "This contact belongs to another customer."},
            )
    if data.team_id is not None and s.get(Team, data.team_id) is None:
        raise NotFoundError("This team no longer exists.")
    if data.interaction_id is not None and s.get(Interaction, data.interaction_id) is None:
        raise NotFoundError("This interaction no longer exists.")
    return customer


def create_ticket(db: Database, data: TicketInput) -> tuple[int, ChangeSet]:
    """Register a ticket. With an assignee it is assigned at once (the assignment step done);
    urgent and high tickets are announced to the service directors straight away."""
    c = make_ctx(db)
    _validate(data, c.now)
    with db.write() as s:
        customer = _check_links(s, data)
        if data.assignee_id is not None:
            check_assignee(s, data.assignee_id)
        t = Ticket(
            number=next_number(s, c),
            customer_id=data.customer_id,
            contact_id=data.contact_id,
            category=TicketCategory(data.category),
            priority=TicketPriority(data.priority),
            status=TicketStatus.REGISTERED,
            channel=_channel(data.channel),
            title=data.title.strip(),
            description=_clean(data.description),
            team_id=data.team_id,
            reported_at=data.reported_at,
            interaction_id=data.interaction_id,
            created_by_id=c.user_id,
            breached=False,
            created_at=c.now,
            updated_at=c.now,
        )
        s.add(t)
        s.flush()
        add_event(s, c, t.id, "created", None, TicketStatus.REGISTERED.value)
        open_step(s, c, t, TicketStatus.REGISTERED.value)
        register_late(s, c, t)
        if data.assignee_id is not None:
            apply_move(s, c, t, TicketStatus.ASSIGNED.value, assignee_id=data.assignee_id)
            if data.team_id is not None:
                t.team_id = data.team_id
        c.notified += sla.notify_directors(s, c.staff_of(s), t, customer.name, c.now)
        s.flush()
        return t.id, changes_of(c, t)


_EDITED_FIELDS = ("title", "category", "priority", "channel", "description", "contact_id")


def update_ticket(db: Database, ticket_id: int, data: TicketInput, version: int) -> ChangeSet:
    """Save an edit made on ``version`` (a newer save by someone else raises StaleEditError).

    Each changed field is one 'edited' event (the description's text is not copied into the
    history). A new priority moves the current deadline to that priority's target; raising
    it to urgent or high tells the directors. A new assignee is a reassignment (and assigns a
    registered ticket).
    """
    c = make_ctx(db)
    _validate(data, c.now)
    try:
        with db.write() as s:
            t = load_ticket(s, ticket_id)
            check_version(t, version)
            customer = _check_links(s, data)
            old_customer = t.customer_id
            if data.customer_id != t.customer_id:
                old_name = s.scalar(select(Customer.name).where(Customer.id == t.customer_id))
                add_event(s, c, t.id, "edited", old_name, customer.name, "customer")
                t.customer_id = data.customer_id
            new = {
                "title": data.title.strip(),
                "category": TicketCategory(data.category),
                "priority": TicketPriority(data.priority),
                "channel": _channel(data.channel),
                "description": _clean(data.description),
                "contact_id": data.contact_id,
            }
            old_priority = t.priority
            for name in _EDITED_FIELDS:
                before, after = getattr(t, name), new[name]
                if before == after:
                    continue
                shown = name not in ("description", "contact_id")
                add_event(
                    s,
                    c,
                    t.id,
                    "edited",
                    _shown(before) if shown else None,
                    _shown(after) if shown else None,
                    name,
                )
                setattr(t, name, after)
            if data.reported_at != t.reported_at:
                t.reported_at = data.reported_at
                register_late(s, c, t)
            if data.interaction_id != t.interaction_id:
                t.interaction_id = data.interaction_id
            if t.priority != old_priority:
                _retarget(s, c, t, old_priority.value)
                c.notified += sla.notify_directors(s, c.staff_of(s), t, customer.name, c.now)
            team_chosen = data.team_id != t.team_id
            if team_chosen:
                add_event(
                    s,
                    c,
                    t.id,
                    "edited",
                    _team_name(s, t.team_id),
                    _team_name(s, data.team_id),
                    "team",
                )
                t.team_id = data.team_id
            if data.assignee_id is not None and data.assignee_id != t.assignee_id:
                if t.status == TicketStatus.REGISTERED:
                    apply_move(s, c, t, TicketStatus.ASSIGNED.value, assignee_id=data.assignee_id)
                    t.team_id = data.team_id if team_chosen else t.team_id
                else:
                    set_assignee(s, c, t, data.assignee_id, data.team_id if team_chosen else None)
            t.updated_at = c.now
            return changes_of(c, t, old_customer)
    except StaleDataError as exc:
        raise stale_while_saving() from exc


def _team_name(s: Session, team_id: int | None) -> str | None:
    if team_id is None:
        return None
    return s.scalar(select(Team.name).where(Team.id == team_id))


def _shown(value: object) -> str | None:
    if value is None:
        return None
    return str(getattr(value, "value", value))


def _retarget(s: Session, c: Ctx, t: Ticket, old_priority: str) -> None:
    """Another priority, another target for the step under way."""
    step_name = STEP_DUE_IN_STATUS.get(t.status.value)
    step = current_step(s, t)
    if step_name is None or step is None:
        return
    delta = (
        c.policy.minutes_for(t.priority.value, step_name)
        - c.policy.minutes_for(old_priority, step_name)
    ) * 60
    if delta == 0:
        return
    if t.waiting_since is not None:
        t.remaining_seconds = (t.remaining_seconds or 0) + delta
        return
    if t.due_at is None:
        return
    # The new target counted from the same start, plus the waiting already done.
    t.due_at = c.calendar.add(t.due_at, delta)
    step.due_at = t.due_at
    if t.due_at < c.now and not step.breached:
        breach(s, c, t, step, step_name.value, t.due_at)


# ---------------------------------------------------------------------------------------------
# The other actions


def move_ticket(
    db: Database,
    ticket_id: int,
    to_status: str,
    *,
    version: int | None = None,
    assignee_id: int | None = None,
    solution: str | None = None,
    csat: int | None = None,
    nps: int | None = None,
    feedback: str | None = None,
    reason: str | None = None,
) -> ChangeSet:
    """Move a ticket to ``to_status``: forward one step (with what that step needs) or back to
    any earlier status (a reopen, with a reason). A refused move raises CrmError saying why."""
    c = make_ctx(db)
    try:
        with db.write() as s:
            t = load_ticket(s, ticket_id)
            check_version(t, version)
            apply_move(
                s,
                c,
                t,
                to_status,
                assignee_id=assignee_id,
                solution=solution,
                csat=csat,
                nps=nps,
                feedback=feedback,
                reason=reason,
            )
            return changes_of(c, t)
    except StaleDataError as exc:
        raise stale_while_saving() from exc


def assign_ticket(
    db: Database, ticket_id: int, assignee_id: int, team_id: int | None = None
) -> ChangeSet:
    """Give a ticket to somebody (and their team, unless ``team_id`` says otherwise).

    A registered ticket is thereby assigned: it moves to 'assigned' and its first response is
    recorded.
    """
    c = make_ctx(db)
    try:
        with db.write() as s:
            t = load_ticket(s, ticket_id)
            if t.status == TicketStatus.REGISTERED:
                apply_move(s, c, t, TicketStatus.ASSIGNED.value, assignee_id=assignee_id)
                if team_id is not None:
                    set_assignee(s, c, t, assignee_id, team_id)
            else:
                set_assignee(s, c, t, assignee_id, team_id)
            t.updated_at = c.now
            return changes_of(c, t)
    except StaleDataError as exc:
        raise stale_while_saving() from exc


def add_comment(db: Database, ticket_id: int, text: str) -> ChangeSet:
    text = (text or "").strip()
    if not text:
        raise ValidationError("Write the comment first.", {"comment": "Required."})
    c = make_ctx(db)
    with db.write() as s:
        t = load_ticket(s, ticket_id)
        add_event(s, c, t.id, "comment", comment=text)
        s.execute(
            update(Ticket.__table__).where(Ticket.__table__.c.id == t.id).values(updated_at=c.now)
        )
        return ChangeSet(tickets=frozenset({t.id}), customers=frozenset({t.customer_id}))


def set_waiting(db: Database, ticket_id: int, waiting: bool) -> ChangeSet:
    """Pause (waiting for the customer) or restart the current step's clock.

    While paused the ticket has no deadline and keeps the business seconds that were left (a
    negative number when it was already late); restarting puts the deadline that far from now.
    """
    c = make_ctx(db)
    try:
        with db.write() as s:
            t = load_ticket(s, ticket_id)
            if t.status == TicketStatus.CLOSED:
                raise CrmError("A closed ticket is not waiting for anyone; reopen it first.")
            if waiting == (t.waiting_since is not None):
                return ChangeSet()
            step = current_step(s, t)
            if waiting:
                if t.due_at is not None and t.due_at < c.now and step is not None:
                    if not step.breached:
                        breach(s, c, t, step, sla_step_of(t.status.value), t.due_at)
                if t.due_at is None:
                    remaining = None
                elif t.due_at >= c.now:
                    remaining = c.calendar.between(c.now, t.due_at)
                else:
                    remaining = -c.calendar.between(t.due_at, c.now)
                t.waiting_since = c.now
                t.remaining_seconds = remaining
                t.due_at = None
                add_event(s, c, t.id, "waiting")
            else:
                resume(s, c, t, step)
            t.updated_at = c.now
            return changes_of(c, t)
    except StaleDataError as exc:
        raise stale_while_saving() from exc


# ---------------------------------------------------------------------------------------------
# Reading


def get_ticket(db: Database, ticket_id: int) -> TicketDetail:
    """A ticket with its names, history (oldest first), steps and linked articles."""
    with db.read() as s:
        t = s.get(Ticket, ticket_id)
        if t is None or t.deleted_at is not None:
            raise NotFoundError("This ticket no longer exists.")
        names: dict[int | None, str] = {
            uid: name for uid, name in s.execute(select(User.id, User.display_name))
        }
        customer_name = s.scalar(select(Customer.name).where(Customer.id == t.customer_id))
        contact_name = (
            s.scalar(select(Contact.name).where(Contact.id == t.contact_id))
            if t.contact_id
            else None
        )
        team_name = s.scalar(select(Team.name).where(Team.id == t.team_id)) if t.team_id else None
        events = [
            TicketEventRow(e.at, names.get(e.user_id), e.kind, e.from_value, e.to_value, e.comment)
            for e in s.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == t.id)
                .order_by(TicketEvent.at, TicketEvent.id)
            )
        ]
        steps = [
            TicketStepRow(
                st.status.value,
                st.entered_at,
                st.left_at,
                st.due_at,
                st.breached,
                st.business_seconds,
                st.paused_seconds or 0,
                names.get(st.user_id),
            )
            for st in s.scalars(
                select(TicketStep)
                .where(TicketStep.ticket_id == t.id)
                .order_by(TicketStep.entered_at, TicketStep.id)
            )
        ]
        articles = [
            (aid, title)
            for aid, title in s.execute(
                select(KbArticle.id, KbArticle.title)
                .join(ticket_article, ticket_article.c.article_id == KbArticle.id)
                .where(ticket_article.c.ticket_id == t.id, KbArticle.deleted_at.is_(None))
                .order_by(KbArticle.title)
            )
        ]
        return TicketDetail(
            id=t.id,
            number=t.number,
            customer_id=t.customer_id,
            contact_id=t.contact_id,
            category=t.category.value,
            priority=t.priority.value,
            status=t.status.value,
            channel=t.channel,
            title=t.title,
            description=t.description,
            solution=t.solution,
            assignee_id=t.assignee_id,
            team_id=t.team_id,
            reported_at=t.reported_at,
            interaction_id=t.interaction_id,
            created_by_id=t.created_by_id,
            due_at=t.due_at,
            breached=t.breached,
            step_started_at=t.step_started_at,
            waiting_since=t.waiting_since,
            remaining_seconds=t.remaining_seconds,
            first_response_at=t.first_response_at,
            first_response_seconds=t.first_response_seconds,
            resolution_seconds=t.resolution_seconds,
            resolved_at=t.resolved_at,
            closed_at=t.closed_at,
            csat=t.csat,
            nps=t.nps,
            feedback=t.feedback,
            deleted_at=t.deleted_at,
            version=t.version,
            created_at=t.created_at,
            updated_at=t.updated_at,
            customer_name=customer_name or "",
            contact_name=contact_name,
            assignee_name=names.get(t.assignee_id),
            team_name=team_name,
            events=events,
            steps=steps,
            articles=articles,
            waiting=t.waiting_since is not None,
            created_by_name=names.get(t.created_by_id),
        )


def latest_ticket_change(db: Database) -> int:
    """The newest ticket event's id: views poll it to notice changes made elsewhere (another
    window, another computer, the SLA checker)."""
    with db.read() as s:
        return s.scalar(select(func.max(TicketEvent.id))) or 0


_SERVICE_ROLES = (Role.SERVICE_AGENT, Role.SERVICE_DIRECTOR)


def list_agents(db: Database) -> list[UserRow]:
    """People a ticket can be given to: active service agents and directors first, then the
    other active users (in a small office anyone may take a ticket), each by name."""
    with db.read() as s:
        rows = s.execute(
            select(User, Team.name)
            .outerjoin(Team, Team.id == User.team_id)
            .where(User.active.is_(True))
            .order_by(User.display_name, User.id)
        ).all()
    users = [
        UserRow(u.id, u.username, u.display_name, u.role.value, team, u.active) for u, team in rows
    ]
    service = {r.value for r in _SERVICE_ROLES}
    return [u for u in users if u.role in service] + [u for u in users if u.role not in service]


def list_teams(db: Database) -> list[tuple[int, str]]:
    with db.read() as s:
        return [
            (tid, name) for tid, name in s.execute(select(Team.id, Team.name).order_by(Team.name))
        ]


def user_team_id(db: Database, user_id: int) -> int | None:
    """The team a user belongs to (for the board's 'my team' filter)."""
    with db.read() as s:
        return s.scalar(select(User.team_id).where(User.id == user_id))
