"""The moving parts of a ticket's procedure: the move rules, the clock of each step, breaches
found at a move, the revisit task and the ticket numbers.

Used by :mod:`crmdesk.services.tickets` (the public service) inside its write transactions;
nothing here opens a session of its own. A ``Ctx`` carries one operation's clock, office
calendar, SLA policy and actor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, String, cast, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crmdesk.errors import CrmError, NotFoundError, StaleEditError, ValidationError
from crmdesk.models import (
    Customer,
    Setting,
    Task,
    TaskKind,
    Team,
    Ticket,
    TicketEvent,
    TicketStatus,
    TicketStep,
    User,
)
from crmdesk.services import sla
from crmdesk.services.business_time import (
    STEP_DUE_IN_STATUS,
    OfficeCalendar,
    SlaPolicy,
    SlaStep,
)
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.notifications import notify
from crmdesk.services.service_settings import load_calendar, load_policy

FLOW: tuple[str, ...] = tuple(s.value for s in TicketStatus)
POSITION = {status: i for i, status in enumerate(FLOW)}


@dataclass(frozen=True)
class MoveRule:
    allowed: bool
    # What the move asks for: a subset of {"assignee", "solution", "satisfaction", "reason"}.
    needs: frozenset[str] = frozenset()
    refusal: CrmError | None = None


# ---------------------------------------------------------------------------------------------
# Moves


def move_rule(from_status: str, to_status: str) -> MoveRule:
    """Whether a ticket may move between two statuses and what the move needs (pure: the board
    calls it while a card is dragged, to pick the dialog or show why not)."""
    for status in (from_status, to_status):
        if status not in POSITION:
            return MoveRule(
                False, refusal=CrmError("'{status}' is not a ticket status.", status=status)
            )
    here, there = POSITION[from_status], POSITION[to_status]
    if here == there:
        return MoveRule(False, refusal=CrmError("The ticket is already at this step."))
    if there > here + 1:
        return MoveRule(
            False,
            refusal=CrmError(
                "A ticket moves forward one step at a time: finish the current step first, "
                "then move it on."
            ),
        )
    if there < here:
        return MoveRule(True, frozenset({"reason"}))
    needs = {
        TicketStatus.ASSIGNED.value: frozenset({"assignee"}),
        TicketStatus.RESOLVED.value: frozenset({"solution"}),
        TicketStatus.CLOSED.value: frozenset({"satisfaction"}),
    }.get(to_status, frozenset())
    return MoveRule(True, needs)


# ---------------------------------------------------------------------------------------------
# One operation, its events, its steps and their clocks


@dataclass
class Ctx:
    """One operation's clock, calendar, policy and actor."""

    now: dt.datetime
    calendar: OfficeCalendar
    policy: SlaPolicy
    user_id: int | None
    staff: sla.Staff | None = None
    notified: int = 0
    tasks: frozenset[int] = frozenset()

    def staff_of(self, s: Session) -> sla.Staff:
        if self.staff is None:
            self.staff = sla.load_staff(s)
        return self.staff


def make_ctx(db: Database) -> Ctx:
    return Ctx(
        db.now(), load_calendar(db), load_policy(db), db.user.id if db.user is not None else None
    )


def add_event(
    s: Session,
    c: Ctx,
    ticket_id: int,
    kind: str,
    from_value: str | None = None,
    to_value: str | None = None,
    comment: str | None = None,
) -> None:
    s.add(
        TicketEvent(
            ticket_id=ticket_id,
            at=c.now,
            user_id=c.user_id,
            kind=kind,
            from_value=from_value[:100] if from_value else from_value,
            to_value=to_value[:100] if to_value else to_value,
            comment=comment,
        )
    )


def load_ticket(s: Session, ticket_id: int) -> Ticket:
    t = s.get(Ticket, ticket_id)
    if t is None or t.deleted_at is not None:
        raise NotFoundError("This ticket no longer exists.")
    return t


def check_version(t: Ticket, version: int | None) -> None:
    if version is not None and t.version != version:
        raise StaleEditError(
            "Ticket {number} was changed by someone else after you opened it. Nothing was "
            "saved; look at it again and retry.",
            number=t.number,
        )


def stale_while_saving() -> StaleEditError:
    return StaleEditError(
        "This ticket was changed by someone else while you saved. Nothing was overwritten; "
        "reopen it and try again."
    )


def user_name(s: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return s.scalar(select(User.display_name).where(User.id == user_id))


def check_assignee(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFoundError("This user no longer exists.")
    if not user.active:
        raise ValidationError(
            "{name} cannot take tickets: the account is disabled.",
            {"assignee": "This account is disabled."},
            name=user.display_name,
        )
    return user


def current_step(s: Session, t: Ticket) -> TicketStep | None:
    return s.scalar(
        select(TicketStep)
        .where(TicketStep.ticket_id == t.id, TicketStep.left_at.is_(None))
        .order_by(TicketStep.id.desc())
        .limit(1)
    )


def paused_total(s: Session, t: Ticket) -> int:
    """Business seconds the ticket has spent waiting for the customer (finished pauses)."""
    return (
        s.scalar(
            select(func.coalesce(func.sum(TicketStep.paused_seconds), 0)).where(
                TicketStep.ticket_id == t.id
            )
        )
        or 0
    )


def deadline(c: Ctx, t: Ticket, status: str, paused: int) -> dt.datetime | None:
    """The deadline of the step due while ``t`` sits in ``status``, entered now."""
    step = STEP_DUE_IN_STATUS.get(status)
    if step is None:
        return None
    priority = t.priority.value
    if step == SlaStep.RESOLVE:
        # Counted from registration; the customer's waiting time does not count against it.
        seconds = c.policy.minutes_for(priority, step) * 60 + paused
        return c.calendar.add(t.created_at, seconds)
    return c.policy.deadline(c.calendar, priority, step, c.now)


def breach(s: Session, c: Ctx, t: Ticket, step: TicketStep | None, sla_step: str, due) -> None:
    c.notified += sla.breach_step(s, c.staff_of(s), t, step, sla_step, due, c.now)


def resume(s: Session, c: Ctx, t: Ticket, step: TicketStep | None) -> None:
    """Start the clock again: the deadline moves on by the business time spent waiting."""
    assert t.waiting_since is not None
    paused = c.calendar.between(t.waiting_since, c.now)
    remaining = t.remaining_seconds
    if step is not None:
        step.paused_seconds = (step.paused_seconds or 0) + paused
    t.waiting_since = None
    t.remaining_seconds = None
    if remaining is not None:
        t.due_at = c.calendar.add(c.now, remaining)
        if step is not None:
            step.due_at = t.due_at
    add_event(s, c, t.id, "resumed")


def close_step(s: Session, c: Ctx, t: Ticket, step: TicketStep | None) -> None:
    if t.waiting_since is not None:
        resume(s, c, t, step)
    if step is None:
        return
    step.left_at = c.now
    elapsed = c.calendar.between(step.entered_at, c.now)
    step.business_seconds = max(0, elapsed - (step.paused_seconds or 0))
    if step.due_at is not None and c.now > step.due_at and not step.breached:
        breach(s, c, t, step, sla_step_of(step.status.value), step.due_at)


def sla_step_of(status: str) -> str:
    step = STEP_DUE_IN_STATUS.get(status)
    return step.value if step is not None else status


def open_step(s: Session, c: Ctx, t: Ticket, status: str) -> TicketStep:
    due = deadline(c, t, status, paused_total(s, t))
    t.status = TicketStatus(status)
    t.step_started_at = c.now
    t.due_at = due
    t.waiting_since = None
    t.remaining_seconds = None
    step = TicketStep(
        ticket_id=t.id,
        status=TicketStatus(status),
        entered_at=c.now,
        due_at=due,
        breached=False,
        paused_seconds=0,
        user_id=t.assignee_id,
    )
    s.add(step)
    s.flush()
    if due is not None and due < c.now:
        # Due already (reopened into 'informed' after the resolution deadline): late at once.
        breach(s, c, t, step, sla_step_of(status), due)
    return step


def net_seconds(s: Session, c: Ctx, t: Ticket) -> int:
    """Business seconds since registration, minus the time spent waiting for the customer."""
    return max(0, c.calendar.between(t.created_at, c.now) - paused_total(s, t))


def set_assignee(s: Session, c: Ctx, t: Ticket, assignee_id: int, team_id: int | None) -> bool:
    user = check_assignee(s, assignee_id)
    changed = t.assignee_id != assignee_id
    if changed:
        add_event(s, c, t.id, "assigned", user_name(s, t.assignee_id), user.display_name)
        t.assignee_id = assignee_id
        step = current_step(s, t)
        if step is not None:
            step.user_id = assignee_id
    new_team = team_id if team_id is not None else (user.team_id if changed else None)
    if new_team is not None and new_team != t.team_id:
        if s.get(Team, new_team) is None:
            raise NotFoundError("This team no longer exists.")
        t.team_id = new_team
    return changed


def _revisit_title(t: Ticket) -> str:
    return f"{t.number} {t.title}"[:200]


def _open_revisits(s: Session, t: Ticket) -> list[Task]:
    return list(
        s.scalars(
            select(Task).where(
                Task.customer_id == t.customer_id,
                Task.kind == TaskKind.REVISIT,
                Task.title.startswith(f"{t.number} ", autoescape=True),
                Task.done_at.is_(None),
                Task.deleted_at.is_(None),
            )
        )
    )


def _plan_revisit(s: Session, c: Ctx, t: Ticket, due: dt.datetime | None) -> None:
    """A resolved ticket gets a revisit task for the customer's owner (客户回访)."""
    if _open_revisits(s, t):
        return
    customer = s.get(Customer, t.customer_id)
    owner = customer.owner_id if customer is not None else None
    owner = owner or t.assignee_id or c.user_id
    task = Task(
        kind=TaskKind.REVISIT,
        title=_revisit_title(t),
        notes=t.solution,
        customer_id=t.customer_id,
        due_at=due,
        assignee_id=owner,
        created_by_id=c.user_id,
        created_at=c.now,
        updated_at=c.now,
    )
    s.add(task)
    s.flush()
    c.tasks = c.tasks | {task.id}
    if owner is not None:
        added = notify(
            s,
            key=f"revisit:{task.id}",
            user_id=owner,
            kind=sla.KIND_REVISIT,
            ticket_id=t.id,
            task_id=task.id,
            customer_id=t.customer_id,
            params={
                "number": t.number,
                "title": t.title,
                "customer": customer.name if customer is not None else None,
                "due_at": due.isoformat(timespec="seconds") if due else None,
            },
            created_at=c.now,
        )
        c.notified += int(added)


def _finish_revisits(s: Session, c: Ctx, t: Ticket, *, done: bool) -> None:
    for task in _open_revisits(s, t):
        if done:
            task.done_at = c.now
        else:
            task.deleted_at = c.now
        task.updated_at = c.now
        c.tasks = c.tasks | {task.id}


def apply_move(
    s: Session,
    c: Ctx,
    t: Ticket,
    to_status: str,
    *,
    assignee_id: int | None = None,
    solution: str | None = None,
    csat: int | None = None,
    nps: int | None = None,
    feedback: str | None = None,
    reason: str | None = None,
) -> None:
    here = t.status.value
    chosen: int | None = None
    rule = move_rule(here, to_status)
    if not rule.allowed:
        assert rule.refusal is not None
        raise rule.refusal
    backwards = POSITION[to_status] < POSITION[here]
    if "assignee" in rule.needs:
        chosen = assignee_id or t.assignee_id
        if chosen is None:
            raise ValidationError(
                "Choose who takes this ticket before moving it to Assigned.",
                {"assignee": "Required."},
            )
        check_assignee(s, chosen)
    if "solution" in rule.needs:
        text = (solution if solution is not None else t.solution or "").strip()
        if not text:
            raise ValidationError(
                "Write down the solution before marking the ticket resolved.",
                {"solution": "Required."},
            )
        solution = text
    if "satisfaction" in rule.needs:
        _check_satisfaction(csat, nps)
    if backwards and not (reason or "").strip():
        raise ValidationError("Say why the ticket is reopened.", {"reason": "Required."})

    step = current_step(s, t)
    close_step(s, c, t, step)
    if "assignee" in rule.needs:
        assert chosen is not None
        set_assignee(s, c, t, chosen, None)
    if backwards:
        add_event(s, c, t.id, "reopened", here, to_status, (reason or "").strip())
        if POSITION[to_status] < POSITION[TicketStatus.RESOLVED.value]:
            t.resolved_at = None
            t.resolution_seconds = None
            _finish_revisits(s, c, t, done=False)
        t.closed_at = None
        t.csat = t.nps = None
        t.feedback = None
    else:
        comment = None
        if to_status == TicketStatus.RESOLVED.value:
            t.solution = solution
            comment = solution
        if to_status == TicketStatus.CLOSED.value:
            t.csat, t.nps = csat, nps
            t.feedback = (feedback or "").strip() or None
            comment = t.feedback
        add_event(s, c, t.id, "status", here, to_status, comment)
    if here == TicketStatus.REGISTERED.value and t.first_response_at is None:
        t.first_response_at = c.now
        t.first_response_seconds = net_seconds(s, c, t)
    new_step = open_step(s, c, t, to_status)
    if to_status == TicketStatus.RESOLVED.value:
        if not backwards:
            t.resolved_at = c.now
            t.resolution_seconds = net_seconds(s, c, t)
        # Reopened from closed: the revisit is to be done again.
        _plan_revisit(s, c, t, new_step.due_at)
    elif to_status == TicketStatus.CLOSED.value:
        t.closed_at = c.now
        _finish_revisits(s, c, t, done=True)
    t.updated_at = c.now


def _check_satisfaction(csat: int | None, nps: int | None) -> None:
    if csat is None or not 1 <= csat <= 5:
        raise ValidationError(
            "Record the customer's satisfaction (1 to 5) before closing the ticket.",
            {"csat": "Required."},
        )
    if nps is not None and not 0 <= nps <= 10:
        raise ValidationError(
            "The NPS answer is a number from 0 to 10.", {"nps": "Not a number from 0 to 10."}
        )


def changes_of(c: Ctx, t: Ticket, *customers: int) -> ChangeSet:
    return ChangeSet(
        tickets=frozenset({t.id}),
        customers=frozenset({t.customer_id, *customers}),
        tasks=c.tasks,
        notifications=c.notified > 0,
    )


# ---------------------------------------------------------------------------------------------
# Ticket numbers


def _insert_setting(s: Session):  # noqa: ANN202 - a dialect's Insert
    dialect = s.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(Setting)


def next_number(s: Session, c: Ctx) -> str:
    """The next number of the office's year, like T-2026-000123.

    A counter row per year in the settings table is incremented with one UPDATE … RETURNING:
    on PostgreSQL the row lock makes a concurrent creator wait for this transaction and then
    take the next value; SQLite has one writer at a time anyway. The first ticket of a year
    starts after the highest number of that year already there (imported tickets).
    """
    year = c.now.astimezone(ZoneInfo(c.calendar.timezone)).year
    prefix = f"T-{year}-"
    key = f"ticket.number.{year}"
    table = Setting.__table__
    bump = (
        update(table)
        .where(table.c.key == key)
        .values(value=cast(cast(table.c.value, Integer) + 1, String))
        .returning(table.c.value)
    )
    for _ in range(1000):
        value = s.scalar(bump)
        if value is None:
            top = s.scalar(
                select(func.max(Ticket.number)).where(
                    Ticket.number >= prefix, Ticket.number < f"T-{year}."
                )
            )
            tail = (top or "")[len(prefix) :]
            start = int(tail) if tail.isdigit() else 0
            s.execute(
                _insert_setting(s)
                .values(key=key, value=str(start))
                .on_conflict_do_nothing(index_elements=[Setting.key])
            )
            continue
        number = f"{prefix}{int(value):06d}"
        if s.scalar(select(Ticket.id).where(Ticket.number == number)) is None:
            return number
    raise CrmError("No free ticket number was found; ask your administrator to check the data.")


def register_late(s: Session, c: Ctx, t: Ticket) -> None:
    """A ticket registered more than the REGISTER target after the customer reported it is
    late from the start (once)."""
    if t.reported_at is None:
        return
    due = c.policy.deadline(c.calendar, t.priority.value, SlaStep.REGISTER, t.reported_at)
    if due >= t.created_at:
        return
    already = s.scalar(
        select(TicketEvent.id).where(
            TicketEvent.ticket_id == t.id,
            TicketEvent.kind == "sla_breach",
            TicketEvent.to_value == SlaStep.REGISTER.value,
        )
    )
    if already is None:
        breach(s, c, t, None, SlaStep.REGISTER.value, due)
