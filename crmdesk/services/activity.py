"""The customer's timeline, tasks, deals, orders, tickets and history, page by page."""

from __future__ import annotations

from sqlalchemy import desc, func, select
from sqlalchemy.orm import aliased

from crmdesk.errors import NotFoundError, ValidationError
from crmdesk.models import (
    AuditEntry,
    Contact,
    Customer,
    Deal,
    DealStage,
    Interaction,
    InteractionKind,
    Order,
    Payment,
    Task,
    TaskKind,
    Ticket,
    User,
)
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.dto import (
    AuditRow,
    DealRow,
    InteractionInput,
    InteractionRow,
    OrderRow,
    TaskRow,
    TicketRow,
)


def count_interactions(db: Database, customer_id: int) -> int:
    with db.read() as s:
        return (
            s.scalar(
                select(func.count()).where(
                    Interaction.customer_id == customer_id, Interaction.deleted_at.is_(None)
                )
            )
            or 0
        )


def list_interactions(
    db: Database, customer_id: int, offset: int = 0, limit: int = 200
) -> list[InteractionRow]:
    """The timeline newest first, one page at a time (an index range, however long it is)."""
    with db.read() as s:
        stmt = (
            select(Interaction, User.display_name, Contact.name)
            .outerjoin(User, User.id == Interaction.user_id)
            .outerjoin(Contact, Contact.id == Interaction.contact_id)
            .where(Interaction.customer_id == customer_id, Interaction.deleted_at.is_(None))
            .order_by(desc(Interaction.occurred_at), desc(Interaction.id))
            .offset(offset)
            .limit(limit)
        )
        return [
            InteractionRow(
                i.id,
                i.customer_id,
                i.kind.value,
                i.occurred_at,
                user_name or i.author_name,
                contact_name,
                i.summary,
                i.content,
                i.important,
            )
            for i, user_name, contact_name in s.execute(stmt)
        ]


def add_interaction(
    db: Database, customer_id: int, data: InteractionInput
) -> tuple[int, ChangeSet]:
    if not data.summary.strip():
        raise ValidationError("Say in a few words what happened.", {"summary": "Required."})
    if data.kind not in {k.value for k in InteractionKind}:
        raise ValidationError("'{kind}' is not a kind of interaction.", kind=data.kind)
    with db.write() as s:
        c = s.get(Customer, customer_id)
        if c is None:
            raise NotFoundError("This customer no longer exists.")
        when = data.occurred_at or db.now()
        i = Interaction(
            customer_id=customer_id,
            contact_id=data.contact_id,
            kind=InteractionKind(data.kind),
            occurred_at=when,
            user_id=db.user.id if db.user else None,
            summary=data.summary.strip()[:300],
            content=(data.content or "").strip() or None,
            important=data.important,
        )
        s.add(i)
        if c.last_interaction_at is None or when > c.last_interaction_at:
            c.last_interaction_at = when
        s.flush()
        return i.id, ChangeSet(customers=frozenset({customer_id}), interactions=frozenset({i.id}))


def set_interaction_deleted(db: Database, interaction_id: int, deleted: bool) -> ChangeSet:
    with db.write() as s:
        i = s.get(Interaction, interaction_id)
        if i is None:
            raise NotFoundError("This interaction no longer exists.")
        i.deleted_at = db.now() if deleted else None
        s.flush()
        c = s.get(Customer, i.customer_id)
        assert c is not None
        c.last_interaction_at = s.scalar(
            select(func.max(Interaction.occurred_at)).where(
                Interaction.customer_id == c.id, Interaction.deleted_at.is_(None)
            )
        )
        cid = c.id
    return ChangeSet(customers=frozenset({cid}), interactions=frozenset({interaction_id}))


def list_tasks(db: Database, customer_id: int, include_done: bool = True) -> list[TaskRow]:
    with db.read() as s:
        stmt = (
            select(Task, User.display_name)
            .outerjoin(User, User.id == Task.assignee_id)
            .where(Task.customer_id == customer_id, Task.deleted_at.is_(None))
            .order_by(Task.done_at.is_not(None), Task.due_at)
            .limit(500)
        )
        if not include_done:
            stmt = stmt.where(Task.done_at.is_(None))
        return [
            TaskRow(t.id, t.customer_id, t.title, t.kind.value, t.due_at, name, t.done_at, t.notes)
            for t, name in s.execute(stmt)
        ]


def add_task(
    db: Database,
    customer_id: int,
    title: str,
    due_at=None,
    assignee_id: int | None = None,
    notes: str | None = None,
) -> tuple[int, ChangeSet]:
    if not title.strip():
        raise ValidationError("A task needs a title.", {"title": "Required."})
    with db.write() as s:
        if s.get(Customer, customer_id) is None:
            raise NotFoundError("This customer no longer exists.")
        t = Task(
            kind=TaskKind.FOLLOW_UP,
            title=title.strip()[:200],
            customer_id=customer_id,
            due_at=due_at,
            assignee_id=assignee_id or (db.user.id if db.user else None),
            created_by_id=db.user.id if db.user else None,
            notes=notes,
        )
        s.add(t)
        s.flush()
        return t.id, ChangeSet(customers=frozenset({customer_id}), tasks=frozenset({t.id}))


def set_task_done(db: Database, task_id: int, done: bool) -> ChangeSet:
    with db.write() as s:
        t = s.get(Task, task_id)
        if t is None:
            raise NotFoundError("This task no longer exists.")
        t.done_at = db.now() if done else None
        cid = t.customer_id
    return ChangeSet(customers=frozenset({cid} if cid else set()), tasks=frozenset({task_id}))


def _deal_row(d: Deal, owner_name: str | None, customer_name: str | None = None) -> DealRow:
    return DealRow(
        d.id,
        d.title,
        d.stage,
        d.amount,
        d.currency,
        d.probability,
        d.expected_close,
        owner_name,
        d.customer_id,
        customer_name,
    )


def list_deals(db: Database, customer_id: int) -> list[DealRow]:
    with db.read() as s:
        stmt = (
            select(Deal, User.display_name)
            .outerjoin(User, User.id == Deal.owner_id)
            .where(Deal.customer_id == customer_id, Deal.deleted_at.is_(None))
            .order_by(desc(Deal.created_at))
            .limit(500)
        )
        return [_deal_row(d, name) for d, name in s.execute(stmt)]


def list_orders(db: Database, customer_id: int) -> list[OrderRow]:
    with db.read() as s:
        paid = (
            select(Payment.order_id, func.sum(Payment.amount).label("paid"))
            .where(Payment.customer_id == customer_id)
            .group_by(Payment.order_id)
            .subquery()
        )
        stmt = (
            select(Order, func.coalesce(paid.c.paid, 0))
            .outerjoin(paid, paid.c.order_id == Order.id)
            .where(Order.customer_id == customer_id)
            .order_by(desc(Order.ordered_on))
            .limit(500)
        )
        return [
            OrderRow(o.id, o.number, o.ordered_on, o.amount, o.currency, o.status, p)
            for o, p in s.execute(stmt)
        ]


def _ticket_row(t: Ticket, assignee: str | None, customer_name: str | None = None) -> TicketRow:
    return TicketRow(
        t.id,
        t.number,
        t.title,
        t.category.value,
        t.priority.value,
        t.status.value,
        assignee,
        t.created_at,
        t.due_at,
        t.breached,
        t.customer_id,
        customer_name,
    )


def list_tickets(db: Database, customer_id: int) -> list[TicketRow]:
    with db.read() as s:
        stmt = (
            select(Ticket, User.display_name)
            .outerjoin(User, User.id == Ticket.assignee_id)
            .where(Ticket.customer_id == customer_id, Ticket.deleted_at.is_(None))
            .order_by(desc(Ticket.created_at))
            .limit(500)
        )
        return [_ticket_row(t, name) for t, name in s.execute(stmt)]


def customer_history(
    db: Database, customer_id: int, offset: int = 0, limit: int = 500
) -> list[AuditRow]:
    """The audit trail of a customer and everything that belongs to it, newest first."""
    with db.read() as s:
        u = aliased(User)
        stmt = (
            select(AuditEntry, u.display_name)
            .outerjoin(u, u.id == AuditEntry.user_id)
            .where(AuditEntry.customer_id == customer_id)
            .order_by(desc(AuditEntry.at), desc(AuditEntry.id))
            .offset(offset)
            .limit(limit)
        )
        return [
            AuditRow(
                a.id,
                a.at,
                name or a.user_name,
                a.entity,
                a.entity_id,
                a.action,
                a.field,
                a.old_value,
                a.new_value,
            )
            for a, name in s.execute(stmt)
        ]


# ---------------------------------------------------------------------------------------------
# Work across all customers (the Tickets and Pipeline screens)


def list_open_tickets(db: Database, limit: int = 500) -> list[TicketRow]:
    """Tickets not yet resolved or closed, soonest due first (undated ones last)."""
    from crmdesk.services.sla import UNRESOLVED_STATUSES, customer_of_ticket, status_in

    with db.read() as s:
        # Through the (status, due_at) index: a million closed tickets are never read.
        stmt = (
            select(Ticket, Customer.name, User.display_name)
            .select_from(Ticket)
            .join(Customer, customer_of_ticket())
            .outerjoin(User, User.id == Ticket.assignee_id)
            .where(
                Ticket.deleted_at.is_(None),
                Customer.deleted_at.is_(None),
                status_in(db.dialect, UNRESOLVED_STATUSES),
            )
            .order_by(Ticket.due_at.is_(None), Ticket.due_at, Ticket.id)
            .limit(limit)
        )
        return [_ticket_row(t, uname, cname) for t, cname, uname in s.execute(stmt)]


def list_open_deals(db: Database, limit: int = 500) -> list[DealRow]:
    """Deals neither won nor lost, the soonest expected to close first (undated ones last)."""
    with db.read() as s:
        stmt = (
            select(Deal, Customer.name, User.display_name)
            .join(Customer, Customer.id == Deal.customer_id)
            .outerjoin(User, User.id == Deal.owner_id)
            .where(
                Deal.deleted_at.is_(None),
                Customer.deleted_at.is_(None),
                Deal.stage.not_in([DealStage.WON, DealStage.LOST]),
            )
            .order_by(Deal.expected_close.is_(None), Deal.expected_close, Deal.id)
            .limit(limit)
        )
        return [_deal_row(d, uname, cname) for d, cname, uname in s.execute(stmt)]
