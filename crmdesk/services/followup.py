"""Follow-up discipline for a sales rep: quick tasks, completing a task by logging what happened,
the "My Day" home screen, reminders, the follow-up rules' settings and the public pool (公海).

The daily rules themselves (revisit cadence, birthday/anniversary care, pool release) are in
:mod:`crmdesk.services.rules`.

Days ("today", "this week", birthdays) are the office's days: the office calendar's time zone
(services/service_settings.load_calendar). Every function takes ``now`` (default ``db.now()``)
so tests and the views can use a controllable clock.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import String, case, cast, desc, exists, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from crmdesk.errors import NotFoundError, ValidationError
from crmdesk.models import (
    AuditEntry,
    Contact,
    Customer,
    DealDocument,
    Interaction,
    InteractionKind,
    Notification,
    Setting,
    Task,
    TaskKind,
    User,
)
from crmdesk.models.base import MonthDay, month_day_of
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.dto import InteractionInput, TaskRow
from crmdesk.services.notifications import notify_many

log = logging.getLogger(__name__)

SETTINGS_KEY = "followup.rules"
TIERS = ("A", "B", "C")

# Notification kinds this module and rules.py add (the bell has one sentence for each).
KIND_TASK_DUE = "task_due"  # params: title, customer, due_at (ISO, UTC)
KIND_CADENCE = "cadence"  # params: count (revisit tasks made for you today)
KIND_BIRTHDAY = "birthday"  # params: contact, customer, on (ISO date)
KIND_ANNIVERSARY = "anniversary"  # params: number, customer, on (ISO date), years
KIND_POOL_RELEASED = "pool_released"  # params: count, customers (first few names), days


@dataclass(frozen=True)
class TaskInput:
    title: str
    customer_id: int
    due_at: dt.datetime | None = None
    # Default: the signed-in user.
    assignee_id: int | None = None
    deal_id: int | None = None
    # The interaction that prompted the task.
    interaction_id: int | None = None
    notes: str | None = None
    # When the reminder fires; default: due_at.
    remind_at: dt.datetime | None = None


@dataclass(frozen=True)
class StaleCustomer:
    customer_id: int
    name: str
    last_interaction_at: dt.datetime | None  # None: never contacted
    tier: str | None


@dataclass(frozen=True)
class BirthdayRow:
    contact_id: int
    contact_name: str
    customer_id: int
    customer_name: str
    birthday: dt.date
    # The day it is celebrated this time (Feb 29 birthdays on Feb 28 in non-leap years).
    on: dt.date
    # Age on that day, or None when the birth year is unknown (stored as year 1900 or earlier).
    age: int | None
    # The customer's owner.
    owner_id: int | None = None
    # My Day: the open care task the daily rules made for it, if they have run since.
    task_id: int | None = None


@dataclass(frozen=True)
class AnniversaryRow:
    document_id: int
    number: str
    customer_id: int
    customer_name: str
    signed_on: dt.date
    on: dt.date
    years: int
    owner_id: int | None = None
    task_id: int | None = None


@dataclass(frozen=True)
class MyDay:
    overdue: list[TaskRow]
    due_today: list[TaskRow]
    # Due after today, up to the end of the seventh day from now.
    this_week: list[TaskRow]
    # The rep's customers not contacted for longest (never contacted first), at most 10.
    stale_customers: list[StaleCustomer]
    # Within the next 7 days (today included), soonest first, at most SECTION_LIMIT each: read
    # from the contacts and contracts, less those whose care task is done.
    birthdays: list[BirthdayRow]
    anniversaries: list[AnniversaryRow]
    # The names of the customers of the tasks above (TaskRow has only the id).
    customer_names: dict[int, str] = field(default_factory=dict)
    # Open tasks without a due date.
    undated: list[TaskRow] = field(default_factory=list)
    # True when a section had more open tasks than it shows (each shows at most SECTION_LIMIT).
    truncated: bool = False


@dataclass(frozen=True)
class ReminderRow:
    task_id: int
    customer_id: int | None
    customer_name: str | None
    title: str
    due_at: dt.datetime | None
    remind_at: dt.datetime


@dataclass(frozen=True)
class FollowupSettings:
    # Revisit a customer of this tier after this many days without contact.
    cadence_days: dict[str, int] = field(default_factory=lambda: {"A": 14, "B": 30, "C": 90})
    # Birthday and contract-anniversary care tasks are made this many days ahead.
    care_days_ahead: int = 3
    # Release a customer of this tier to the public pool after this many days without a
    # logged follow-up.
    pool_days: dict[str, int] = field(default_factory=lambda: {"A": 60, "B": 45, "C": 30})
    # Off until the office turns it on: an office that has just imported years of spreadsheet
    # history must not find its customers taken from their owners at the next start.
    pool_enabled: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "cadence_days": self.cadence_days,
                "care_days_ahead": self.care_days_ahead,
                "pool_days": self.pool_days,
                "pool_enabled": self.pool_enabled,
            },
            sort_keys=True,
        )


@dataclass(frozen=True)
class PoolRow:
    customer_id: int
    code: str
    name: str
    tier: str | None
    city: str | None
    pool_since: dt.datetime
    last_interaction_at: dt.datetime | None
    # Who owned it before (from the history), if known.
    previous_owner: str | None


SECTION_LIMIT = 200
STALE_LIMIT = 10
WEEK_DAYS = 7
# A birth year at or before this one means "year unknown" (no age shown).
UNKNOWN_BIRTH_YEAR = 1900
MAX_RULE_DAYS = 3650
MAX_CARE_DAYS = 60
_CHUNK = 500


# -- days in the office's time zone ----------------------------------------------------------


def office_zone(db: Database) -> ZoneInfo:
    """The office calendar's time zone: the one "today" and birthdays are counted in."""
    from crmdesk.services.service_settings import load_calendar

    return ZoneInfo(load_calendar(db).timezone)


def local_start(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The first moment of ``day`` in ``zone``, in UTC."""
    return dt.datetime.combine(day, dt.time(0), zone).astimezone(dt.UTC)


def celebrated_on(born: dt.date, year: int) -> dt.date:
    """The day a birthday (or signing day) is celebrated in ``year``: Feb 29 falls on Feb 28
    in years without one."""
    if born.month == 2 and born.day == 29 and not _leap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, born.month, born.day)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def window_month_days(first: dt.date, days: int) -> dict[int, dt.date]:
    """The month and day (``month_day_of``: month × 100 + day) of every date someone born (or a
    contract signed) on it celebrates within the ``days`` days from ``first`` (``first``
    included), mapped to the day it is celebrated. Crosses the year end; Feb 29 (229) maps to
    Feb 28 in years without one."""
    found: dict[int, dt.date] = {}
    for i in range(max(0, days)):
        day = first + dt.timedelta(days=i)
        found[month_day_of(day)] = day
        if day.month == 2 and day.day == 28 and not _leap(day.year):
            found[229] = day
    return found


# -- quick tasks -----------------------------------------------------------------------------


def default_due(db: Database, now: dt.datetime | None = None) -> dt.datetime:
    """Tomorrow at 10:00 office time (in UTC): the quick task's default due time."""
    zone = office_zone(db)
    today = (now or db.now()).astimezone(zone).date()
    return dt.datetime.combine(today + dt.timedelta(days=1), dt.time(10), zone).astimezone(dt.UTC)


def default_task_input(db: Database, customer_id: int, now: dt.datetime | None = None) -> TaskInput:
    """A follow-up task for ``customer_id`` with the defaults the quick-task dialog shows:
    "Follow up with <name>" (a view may put its own translated title), due tomorrow 10:00,
    for the signed-in user."""
    with db.read() as s:
        name = s.scalar(select(Customer.name).where(Customer.id == customer_id))
    if name is None:
        raise NotFoundError("This customer no longer exists.")
    return TaskInput(
        title=f"Follow up with {name}",
        customer_id=customer_id,
        due_at=default_due(db, now),
        assignee_id=db.user.id if db.user else None,
    )


def _new_task(s: Session, db: Database, data: TaskInput) -> Task:
    title = (data.title or "").strip()
    if not title:
        raise ValidationError("A task needs a title.", {"title": "Required."})
    customer = s.get(Customer, data.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFoundError("This customer no longer exists.")
    assignee = data.assignee_id or (db.user.id if db.user else None)
    if assignee is not None and s.get(User, assignee) is None:
        raise NotFoundError("This user no longer exists.")
    now = db.now()
    t = Task(
        kind=TaskKind.FOLLOW_UP,
        title=title[:200],
        customer_id=data.customer_id,
        deal_id=data.deal_id,
        interaction_id=data.interaction_id,
        due_at=data.due_at,
        remind_at=data.remind_at or data.due_at,
        assignee_id=assignee,
        created_by_id=db.user.id if db.user else None,
        notes=(data.notes or "").strip() or None,
        created_at=now,
        updated_at=now,
    )
    s.add(t)
    s.flush()
    return t


def add_quick_task(db: Database, data: TaskInput) -> tuple[int, ChangeSet]:
    """Add a follow-up task; its reminder fires at ``remind_at`` (default: when it is due)."""
    with db.write() as s:
        t = _new_task(s, db, data)
        return t.id, ChangeSet(customers=frozenset({data.customer_id}), tasks=frozenset({t.id}))


def complete_task_with_interaction(
    db: Database, task_id: int, data: InteractionInput, next_task: TaskInput | None = None
) -> ChangeSet:
    """Log what happened (an interaction on the task's customer) and mark the task done, in
    one transaction; optionally add the next follow-up task too."""
    if not data.summary.strip():
        raise ValidationError("Say in a few words what happened.", {"summary": "Required."})
    if data.kind not in {k.value for k in InteractionKind}:
        raise ValidationError("'{kind}' is not a kind of interaction.", kind=data.kind)
    with db.write() as s:
        t = s.get(Task, task_id)
        if t is None or t.deleted_at is not None:
            raise NotFoundError("This task no longer exists.")
        if t.customer_id is None:
            raise ValidationError("This task has no customer to log the interaction on.")
        c = s.get(Customer, t.customer_id)
        if c is None or c.deleted_at is not None:
            raise NotFoundError("This customer no longer exists.")
        now = db.now()
        when = data.occurred_at or now
        i = Interaction(
            customer_id=c.id,
            contact_id=data.contact_id,
            kind=InteractionKind(data.kind),
            occurred_at=when,
            user_id=db.user.id if db.user else None,
            summary=data.summary.strip()[:300],
            content=(data.content or "").strip() or None,
            important=data.important,
            created_at=now,
            updated_at=now,
        )
        s.add(i)
        if c.last_interaction_at is None or when > c.last_interaction_at:
            c.last_interaction_at = when
        if t.done_at is None:
            t.done_at = now
        s.flush()
        tasks = {t.id}
        if next_task is not None:
            tasks.add(_new_task(s, db, next_task).id)
        _read_task_notes(s, [t.id], now)
        return ChangeSet(
            customers=frozenset({c.id}),
            interactions=frozenset({i.id}),
            tasks=frozenset(tasks),
            notifications=True,
        )


# -- My Day ----------------------------------------------------------------------------------


def _open_tasks_of(user_id: int):  # noqa: ANN202 - a Select
    # Through ix_task_assignee_open (assignee_id, done_at, due_at): only the rep's open tasks.
    return (
        select(Task, User.display_name, Customer.name)
        .outerjoin(User, User.id == Task.assignee_id)
        .outerjoin(Customer, Customer.id == Task.customer_id)
        .where(
            Task.assignee_id == user_id,
            Task.done_at.is_(None),
            Task.deleted_at.is_(None),
            or_(Task.customer_id.is_(None), Customer.deleted_at.is_(None)),
        )
    )


def _task_section(
    s: Session, stmt: Any, names: dict[int, str], limit: int = SECTION_LIMIT
) -> tuple[list[TaskRow], bool]:
    rows: list[TaskRow] = []
    for t, assignee, customer in s.execute(stmt.limit(limit + 1)):
        if t.customer_id is not None and customer is not None:
            names[t.customer_id] = customer
        rows.append(
            TaskRow(
                t.id, t.customer_id, t.title, t.kind.value, t.due_at, assignee, t.done_at, t.notes
            )
        )
    return rows[:limit], len(rows) > limit


def my_day(db: Database, user_id: int, now: dt.datetime | None = None) -> MyDay:
    """What a rep should do today: overdue tasks, today's, the week's, the customers not
    contacted for longest, and the birthdays and contract anniversaries of the coming week.
    A handful of index range reads, however many customers and tasks there are.

    Birthdays and anniversaries are read from the rep's customers' contacts and contracts (so
    one added today shows today); one whose care task (services/rules.py makes them a week
    ahead) is marked done leaves the list."""
    now = now or db.now()
    zone = office_zone(db)
    today = now.astimezone(zone).date()
    tomorrow = local_start(today + dt.timedelta(days=1), zone)
    week_end = local_start(today + dt.timedelta(days=WEEK_DAYS + 1), zone)
    names: dict[int, str] = {}
    with db.read() as s:
        base = _open_tasks_of(user_id)
        overdue, t1 = _task_section(
            s, base.where(Task.due_at < now).order_by(Task.due_at, Task.id), names
        )
        due_today, t2 = _task_section(
            s,
            base.where(Task.due_at >= now, Task.due_at < tomorrow).order_by(Task.due_at, Task.id),
            names,
        )
        this_week, t3 = _task_section(
            s,
            base.where(Task.due_at >= tomorrow, Task.due_at < week_end).order_by(
                Task.due_at, Task.id
            ),
            names,
        )
        undated, t4 = _task_section(s, base.where(Task.due_at.is_(None)).order_by(Task.id), names)
        stale = _stale_customers(s, user_id)
        birthdays, anniversaries = celebrations(
            s,
            window_month_days(today, WEEK_DAYS),
            Customer.owner_id == user_id,
            open_care=True,
            limit=SECTION_LIMIT,
        )
    return MyDay(
        overdue,
        due_today,
        this_week,
        stale,
        birthdays,
        anniversaries,
        names,
        undated,
        t1 or t2 or t3 or t4,
    )


def _stale_customers(s: Session, user_id: int) -> list[StaleCustomer]:
    cols = (Customer.id, Customer.name, Customer.last_interaction_at, Customer.tier)
    mine = (Customer.deleted_at.is_(None), Customer.owner_id == user_id)
    # Never contacted first, then the longest ago; two reads so each is an index range on
    # both dialects (PostgreSQL sorts NULL last).
    rows = list(
        s.execute(
            select(*cols)
            .where(*mine, Customer.last_interaction_at.is_(None))
            .order_by(Customer.id)
            .limit(STALE_LIMIT)
        )
    )
    if len(rows) < STALE_LIMIT:
        rows += list(
            s.execute(
                select(*cols)
                .where(*mine, Customer.last_interaction_at.is_not(None))
                .order_by(Customer.last_interaction_at, Customer.id)
                .limit(STALE_LIMIT - len(rows))
            )
        )
    return [
        StaleCustomer(cid, name, last, tier.value if tier is not None else None)
        for cid, name, last, tier in rows
    ]


def birthdays_in_window(
    db: Database, user_id: int | None, first: dt.date, days: int
) -> list[BirthdayRow]:
    """The birthdays of the contacts of ``user_id``'s customers (everyone's when None) within
    ``days`` days from ``first``, soonest first."""
    whose = Customer.owner_id.is_not(None) if user_id is None else Customer.owner_id == user_id
    with db.read() as s:
        return celebrations(s, window_month_days(first, days), whose)[0]


def anniversaries_in_window(
    db: Database, user_id: int | None, first: dt.date, days: int
) -> list[AnniversaryRow]:
    """Like :func:`birthdays_in_window`, for the signing days of contracts."""
    whose = Customer.owner_id.is_not(None) if user_id is None else Customer.owner_id == user_id
    with db.read() as s:
        return celebrations(s, window_month_days(first, days), whose)[1]


def care_key(kind: str, record_id: int, year: int) -> str:
    """The rule key of the care task for a birthday ("birthday", a contact) or a contract
    anniversary ("anniversary", a deal document) in ``year``; :func:`celebrations` builds the
    same text in SQL."""
    return f"{kind}:{record_id}:{year}"


def celebrations(
    s: Session,
    window: dict[int, dt.date],
    whose: Any,
    *,
    open_care: bool = False,
    limit: int | None = None,
) -> tuple[list[BirthdayRow], list[AnniversaryRow]]:
    """The birthdays of contacts and the anniversaries (a year or more) of signed contracts that
    fall in ``window`` (:func:`window_month_days`), of live customers matching ``whose``, soonest
    first, at most ``limit`` of each: an index range on their month and day
    (``ix_contact_birth_month_day``, ``ix_deal_document_signed_month_day``).

    ``open_care``: leave out those whose care task (made by the daily rules) is done, and give
    the open one's id, for My Day."""
    if not window:
        return [], []
    first = min(window.values())
    # Per month-day: its place in the window (sort order) and the year it falls in.
    place = {md: (on - first).days for md, on in window.items()}
    year = {md: on.year for md, on in window.items()}

    def read(kind: str, record: Any, when: Any, columns: tuple[Any, ...], *where: Any) -> Any:
        md = MonthDay(when)
        stmt = (
            select(record.id, when, Customer.id, Customer.name, Customer.owner_id, *columns)
            .join(Customer, Customer.id == record.customer_id)
            .where(whose, Customer.deleted_at.is_(None), record.deleted_at.is_(None), *where)
            .where(md.in_(sorted(window)))
        )
        if open_care:
            key = (  # care_key() in SQL
                literal(f"{kind}:")
                + cast(record.id, String)
                + literal(":")
                + cast(case(year, value=md), String)
            )
            # Subqueries on the unique key rather than an outer join: SQLite would pick the
            # done_at index for the join and scan every task for every birthday.
            stmt = stmt.add_columns(
                select(Task.id)
                .where(Task.rule_key == key, Task.deleted_at.is_(None))
                .scalar_subquery()
            ).where(~exists().where(Task.rule_key == key, Task.done_at.is_not(None)))
        else:
            stmt = stmt.add_columns(literal(None))
        if limit is not None:
            stmt = stmt.order_by(case(place, value=md), *columns, record.id).limit(limit)
        return s.execute(stmt)

    birthdays = []
    rows = read("birthday", Contact, Contact.birthday, (Contact.name,))
    for contact_id, born, customer_id, customer_name, owner, name, task_id in rows:
        on = window[month_day_of(born)]
        age = on.year - born.year if born.year > UNKNOWN_BIRTH_YEAR else None
        birthdays.append(
            BirthdayRow(contact_id, name, customer_id, customer_name, born, on, age, owner, task_id)
        )
    anniversaries = []
    rows = read(
        "anniversary",
        DealDocument,
        DealDocument.signed_on,
        (Customer.name, DealDocument.number),
        DealDocument.kind == "contract",
        DealDocument.status.not_in(CANCELLED_CONTRACT_STATUSES),
        # At least a year: signed before the year the day falls in.
        func.extract("year", DealDocument.signed_on)
        < case(year, value=MonthDay(DealDocument.signed_on)),
    )
    for doc_id, signed, customer_id, customer_name, owner, _, number, task_id in rows:
        on = window[month_day_of(signed)]
        anniversaries.append(
            AnniversaryRow(
                doc_id,
                number,
                customer_id,
                customer_name,
                signed,
                on,
                on.year - signed.year,
                owner,
                task_id,
            )
        )
    birthdays.sort(key=lambda r: (r.on, r.contact_name, r.contact_id))
    anniversaries.sort(key=lambda r: (r.on, r.customer_name, r.number, r.document_id))
    return birthdays, anniversaries


# Contracts whose signing is not celebrated.
CANCELLED_CONTRACT_STATUSES = ("draft", "cancelled", "rejected")


# -- reminders -------------------------------------------------------------------------------


def task_due_key(task_id: int, remind_at: dt.datetime) -> str:
    """Once per task and reminder time (a snoozed reminder fires again, with a new key)."""
    return f"task_due:{task_id}:{_iso(remind_at)}"


def _iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds") if value else None


def _due_stmt(user_id: int, now: dt.datetime):  # noqa: ANN202 - a Select
    return (
        select(Task, Customer.name)
        .outerjoin(Customer, Customer.id == Task.customer_id)
        .where(
            Task.assignee_id == user_id,
            Task.done_at.is_(None),
            Task.deleted_at.is_(None),
            Task.remind_at <= now,
            Task.reminded_at.is_(None),
            or_(Task.customer_id.is_(None), Customer.deleted_at.is_(None)),
        )
        .order_by(Task.remind_at, Task.id)
        .limit(SECTION_LIMIT)
    )


def _reminder(t: Task, customer_name: str | None) -> ReminderRow:
    assert t.remind_at is not None
    return ReminderRow(t.id, t.customer_id, customer_name, t.title, t.due_at, t.remind_at)


def due_reminders(db: Database, user_id: int, now: dt.datetime | None = None) -> list[ReminderRow]:
    """The user's open tasks whose reminder time has come and that have not reminded yet
    (also those that came while the app was closed), the oldest first."""
    now = now or db.now()
    with db.read() as s:
        return [_reminder(t, name) for t, name in s.execute(_due_stmt(user_id, now))]


def _mark(
    s: Session, rows: Sequence[tuple[Task, str | None]], now: dt.datetime
) -> list[ReminderRow]:
    """Mark these reminders fired (only those nobody marked meanwhile) and add a task_due
    notification for each; the ones this call fired."""
    ids = [t.id for t, _ in rows]
    flipped: set[int] = set()
    for chunk in _chunks(ids):
        # A core update: firing a reminder must not make the user's open edit of the task stale.
        flipped.update(
            s.scalars(
                update(Task.__table__)
                .where(Task.__table__.c.id.in_(chunk), Task.__table__.c.reminded_at.is_(None))
                .values(reminded_at=now)
                .returning(Task.__table__.c.id)
            )
        )
    fired = [_reminder(t, name) for t, name in rows if t.id in flipped]
    assignees = {t.id: t.assignee_id for t, _ in rows}
    notify_many(
        s,
        [
            {
                "key": task_due_key(r.task_id, r.remind_at),
                "user_id": assignees[r.task_id],
                "kind": KIND_TASK_DUE,
                "task_id": r.task_id,
                "customer_id": r.customer_id,
                "params": {"title": r.title, "customer": r.customer_name, "due_at": _iso(r.due_at)},
                "created_at": now,
            }
            for r in fired
            if assignees[r.task_id] is not None
        ],
    )
    return fired


def mark_reminded(
    db: Database, task_ids: Iterable[int], now: dt.datetime | None = None
) -> ChangeSet:
    """Mark these tasks' reminders as fired and put them in the notification centre."""
    ids = sorted(set(task_ids))
    if not ids:
        return ChangeSet()
    now = now or db.now()
    with db.write() as s:
        rows: list[tuple[Task, str | None]] = []
        for chunk in _chunks(ids):
            rows += list(
                s.execute(
                    select(Task, Customer.name)
                    .outerjoin(Customer, Customer.id == Task.customer_id)
                    .where(
                        Task.id.in_(chunk), Task.reminded_at.is_(None), Task.remind_at.is_not(None)
                    )
                )
            )
        fired = _mark(s, rows, now)
    return ChangeSet(tasks=frozenset(r.task_id for r in fired), notifications=bool(fired))


def fire_reminders(
    db: Database, user_id: int, now: dt.datetime | None = None
) -> tuple[list[ReminderRow], ChangeSet]:
    """Find the user's due reminders, mark them fired and add their notifications, in one
    transaction: what to show now (tray message). Two processes running it at once show each
    reminder once. Run at start (catching up what came while the app was closed) and on a timer."""
    now = now or db.now()
    with db.read() as s:
        if s.execute(_due_stmt(user_id, now).limit(1)).first() is None:
            return [], ChangeSet()
    with db.write() as s:
        fired = _mark(s, list(s.execute(_due_stmt(user_id, now))), now)
    return fired, ChangeSet(tasks=frozenset(r.task_id for r in fired), notifications=bool(fired))


def _read_task_notes(s: Session, task_ids: Sequence[int], now: dt.datetime) -> None:
    """The task's reminders in the bell are dealt with: mark them read."""
    s.execute(
        update(Notification)
        .where(
            Notification.task_id.in_(task_ids),
            Notification.kind == KIND_TASK_DUE,
            Notification.read_at.is_(None),
        )
        .values(read_at=now)
        .execution_options(synchronize_session=False)
    )


def snooze_task(db: Database, task_id: int, until: dt.datetime) -> ChangeSet:
    """Remind again at ``until`` (10 minutes, an hour, tomorrow…); its notification is read."""
    now = db.now()
    if until.tzinfo is None:
        raise ValueError("snooze_task needs an aware datetime")
    with db.write() as s:
        found = s.execute(
            update(Task.__table__)
            .where(Task.__table__.c.id == task_id, Task.__table__.c.deleted_at.is_(None))
            .values(remind_at=until, snoozed_until=until, reminded_at=None, updated_at=now)
            .returning(Task.__table__.c.customer_id)
        ).first()
        if found is None:
            raise NotFoundError("This task no longer exists.")
        _read_task_notes(s, [task_id], now)
    cid = found[0]
    return ChangeSet(
        customers=frozenset({cid} if cid else set()), tasks=frozenset({task_id}), notifications=True
    )


def finish_task(db: Database, task_id: int) -> ChangeSet:
    """Mark a task done (from its reminder); its notifications are read."""
    with db.write() as s:
        t = s.get(Task, task_id)
        if t is None or t.deleted_at is not None:
            raise NotFoundError("This task no longer exists.")
        now = db.now()
        if t.done_at is None:
            t.done_at = now
        cid = t.customer_id
        _read_task_notes(s, [task_id], now)
    return ChangeSet(
        customers=frozenset({cid} if cid else set()), tasks=frozenset({task_id}), notifications=True
    )


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


# -- settings --------------------------------------------------------------------------------


def validate_followup_settings(settings: FollowupSettings) -> None:
    """Raise ValidationError naming the field to fix (cadence/A, pool/B, care_days_ahead)."""
    for group, values in (("cadence", settings.cadence_days), ("pool", settings.pool_days)):
        for tier, days in sorted(values.items()):
            if tier not in TIERS:
                raise ValidationError(
                    "'{value}' is not a customer tier.",
                    {f"{group}/{tier}": "Not a tier."},
                    value=tier,
                )
            if not 1 <= days <= MAX_RULE_DAYS:
                raise ValidationError(
                    "A number of days must be between 1 and {max}.",
                    {f"{group}/{tier}": "Out of range."},
                    max=MAX_RULE_DAYS,
                )
    if not 0 <= settings.care_days_ahead <= MAX_CARE_DAYS:
        raise ValidationError(
            "Care reminders can come between 0 and {max} days ahead.",
            {"care_days_ahead": "Out of range."},
            max=MAX_CARE_DAYS,
        )


def _settings_from_json(raw: str) -> FollowupSettings:
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("not an object")
    default = FollowupSettings()

    def days(key: str, fallback: dict[str, int]) -> dict[str, int]:
        value = data.get(key, fallback)
        if not isinstance(value, dict):
            raise ValueError(f"{key} is not an object")
        return {str(k): int(v) for k, v in value.items()}

    return FollowupSettings(
        cadence_days=days("cadence_days", default.cadence_days),
        care_days_ahead=int(data.get("care_days_ahead", default.care_days_ahead)),
        pool_days=days("pool_days", default.pool_days),
        pool_enabled=bool(data.get("pool_enabled", default.pool_enabled)),
    )


def load_followup_settings(db: Database) -> FollowupSettings:
    """The follow-up rules, or the defaults when none were saved (or they cannot be read).
    A tier left out of cadence_days / pool_days has no revisit cadence / pool release."""
    with db.read() as s:
        row = s.get(Setting, SETTINGS_KEY)
        raw = None if row is None else row.value
    if raw is None:
        return FollowupSettings()
    try:
        settings = _settings_from_json(raw)
        validate_followup_settings(settings)
    except (ValueError, TypeError, ValidationError) as exc:
        log.warning("the stored follow-up rules are unusable (%s); using the defaults", exc)
        return FollowupSettings()
    return settings


def save_followup_settings(db: Database, settings: FollowupSettings) -> ChangeSet:
    validate_followup_settings(settings)
    with db.write() as s:
        row = s.get(Setting, SETTINGS_KEY)
        if row is None:
            s.add(Setting(key=SETTINGS_KEY, value=settings.to_json()))
        else:
            row.value = settings.to_json()
    return ChangeSet()


# -- the public pool (公海) --------------------------------------------------------------------


def _pool_where(text: str) -> list[Any]:
    where = [
        Customer.deleted_at.is_(None),
        Customer.pool_since.is_not(None),
        Customer.owner_id.is_(None),
    ]
    text = text.strip()
    if text:
        pattern = f"%{text}%"
        where.append(or_(Customer.name.ilike(pattern), Customer.code.ilike(pattern)))
    return where


def count_pool(db: Database, text: str = "") -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Customer).where(*_pool_where(text))) or 0


def list_pool(db: Database, text: str = "", offset: int = 0, limit: int = 200) -> list[PoolRow]:
    """Customers in the public pool, the most recently released first (an index range on
    (deleted_at, pool_since, id)); ``text`` filters by name or code."""
    with db.read() as s:
        rows = list(
            s.execute(
                select(
                    Customer.id,
                    Customer.code,
                    Customer.name,
                    Customer.tier,
                    Customer.city,
                    Customer.pool_since,
                    Customer.last_interaction_at,
                )
                .where(*_pool_where(text))
                .order_by(desc(Customer.pool_since), desc(Customer.id))
                .offset(offset)
                .limit(limit)
            )
        )
        previous = _previous_owners(s, [r[0] for r in rows])
    return [
        PoolRow(cid, code, name, tier.value if tier else None, city, since, last, previous.get(cid))
        for cid, code, name, tier, city, since, last in rows
    ]


def _previous_owners(s: Session, customer_ids: list[int]) -> dict[int, str]:
    """Who owned each customer before it went to the pool: the last owner_id change to none."""
    if not customer_ids:
        return {}
    found: dict[int, int] = {}
    stmt = (
        select(AuditEntry.customer_id, AuditEntry.old_value)
        .where(
            AuditEntry.customer_id.in_(customer_ids),
            AuditEntry.entity == "customer",
            AuditEntry.field == "owner_id",
            AuditEntry.new_value.is_(None),
            AuditEntry.old_value.is_not(None),
        )
        .order_by(desc(AuditEntry.at), desc(AuditEntry.id))
    )
    for cid, old in s.execute(stmt):
        if cid not in found and old and old.isdigit():
            found[cid] = int(old)
    names = dict(
        s.execute(select(User.id, User.display_name).where(User.id.in_(set(found.values())))).all()
    )
    return {cid: names[uid] for cid, uid in found.items() if uid in names}


def _audit_rows(
    db: Database, now: dt.datetime, changes: Iterable[tuple[int, str, Any, Any]]
) -> list[dict[str, Any]]:
    from crmdesk.services.audit import _text

    user = db.user
    return [
        {
            "at": now,
            "user_id": user.id if user else None,
            "user_name": user.display_name if user else None,
            "entity": "customer",
            "entity_id": cid,
            "customer_id": cid,
            "action": "update",
            "field": fld,
            "old_value": _text(old),
            "new_value": _text(new),
        }
        for cid, fld, old, new in changes
    ]


def claim_from_pool(
    db: Database, customer_ids: Iterable[int], user_id: int | None = None
) -> ChangeSet:
    """Take customers out of the public pool for ``user_id`` (default: the signed-in user).
    The move is recorded in each customer's history. Customers somebody claimed meanwhile are
    left alone; if none is left, CrmError says so."""
    ids = sorted(set(customer_ids))
    owner = user_id or (db.user.id if db.user else None)
    if owner is None:
        raise ValidationError("Choose who takes these customers.")
    if not ids:
        return ChangeSet()
    now = db.now()
    table = Customer.__table__
    with db.write() as s:
        if s.get(User, owner) is None:
            raise NotFoundError("This user no longer exists.")
        claimed: list[tuple[int, dt.datetime]] = []
        for chunk in _chunks(ids):
            olds = dict(
                s.execute(
                    select(table.c.id, table.c.pool_since).where(
                        table.c.id.in_(chunk),
                        table.c.deleted_at.is_(None),
                        table.c.owner_id.is_(None),
                        table.c.pool_since.is_not(None),
                    )
                ).all()
            )
            if not olds:
                continue
            done = s.scalars(
                update(table)
                .where(table.c.id.in_(list(olds)), table.c.owner_id.is_(None))
                .values(
                    owner_id=owner, pool_since=None, version=table.c.version + 1, updated_at=now
                )
                .returning(table.c.id)
            ).all()
            claimed += [(cid, olds[cid]) for cid in done]
        if not claimed:
            raise ValidationError("These customers are no longer in the public pool.")
        audit = _audit_rows(
            db,
            now,
            [change for cid, since in claimed for change in ((cid, "owner_id", None, owner),)],
        )
        s.execute(insert(AuditEntry), audit)
    return ChangeSet(customers=frozenset(cid for cid, _ in claimed))


def release_to_pool(db: Database, customer_ids: Iterable[int]) -> ChangeSet:
    """Put customers into the public pool now (their owner gives them up, or a manager takes
    them away). Recorded in each customer's history; a previous owner other than the
    signed-in user is told (notification kind pool_released)."""
    ids = sorted(set(customer_ids))
    if not ids:
        return ChangeSet()
    now = db.now()
    table = Customer.__table__
    me = db.user.id if db.user else None
    with db.write() as s:
        released: list[tuple[int, int, str]] = []
        for chunk in _chunks(ids):
            olds = {
                cid: (owner, name)
                for cid, owner, name in s.execute(
                    select(table.c.id, table.c.owner_id, table.c.name).where(
                        table.c.id.in_(chunk),
                        table.c.deleted_at.is_(None),
                        table.c.owner_id.is_not(None),
                    )
                )
            }
            if not olds:
                continue
            done = s.scalars(
                update(table)
                .where(table.c.id.in_(list(olds)), table.c.owner_id.is_not(None))
                .values(owner_id=None, pool_since=now, version=table.c.version + 1, updated_at=now)
                .returning(table.c.id)
            ).all()
            released += [(cid, *olds[cid]) for cid in done]
        if not released:
            return ChangeSet()
        s.execute(
            insert(AuditEntry),
            _audit_rows(
                db,
                now,
                [
                    change
                    for cid, owner, _ in released
                    for change in ((cid, "owner_id", owner, None),)
                ],
            ),
        )
        by_owner: dict[int, list[tuple[int, str]]] = {}
        for cid, owner, name in released:
            if owner != me:
                by_owner.setdefault(owner, []).append((cid, name))
        notify_many(s, [pool_note(owner, items, now, None) for owner, items in by_owner.items()])
    return ChangeSet(customers=frozenset(cid for cid, _, _ in released), notifications=True)


def pool_note(
    owner: int,
    items: Sequence[tuple[int, str]],
    now: dt.datetime,
    days: int | None,
    count: int | None = None,
) -> dict[str, Any]:
    """The pool_released notification for one previous owner: how many (``count``, default
    all of ``items``), the first names (``items``: (id, name), at least one)."""
    first = sorted(items)[0][0]
    count = len(items) if count is None else count
    return {
        "key": f"pool_released:{owner}:{_iso(now)}:{first}",
        "user_id": owner,
        "kind": KIND_POOL_RELEASED,
        "customer_id": items[0][0] if count == 1 else None,
        "params": {
            "count": count,
            "customers": [name for _, name in items[:5]],
            "days": days,
        },
        "created_at": now,
    }
