"""The daily follow-up rules: revisit cadence (定期回访), birthday and contract-anniversary care
(生日关怀) and release to the public pool (公海).

:func:`run_daily_rules` runs at start, once a day while the app runs and as
``crmdesk daily-rules`` (a scheduled task). Each rule is a few set-based statements over all
customers, so it stays fast with a million of them, and running it again — the same day, the
next day, in two processes at once — makes nothing twice:

- every task a rule makes has a unique ``rule_key``: ``cadence:<customer>:<due date>`` (the
  UTC date the customer's cadence ran out, from the last interaction, or creation when never
  contacted), ``birthday:<contact>:<year>``, ``anniversary:<contract>:<year>``. A cadence task
  that was closed without logging a contact is therefore not made again for the same period;
  logging a contact starts a new period. No cadence task is made while the customer has an
  open revisit task.
- notifications have unique keys too (services/notifications.py).

Care tasks are made a week ahead (My Day shows the week's birthdays and anniversaries, with
their care task once it is made, and drops one whose task is done) and announced
``care_days_ahead`` days ahead. The birthdays and signing days of a week are read through the
month-day indexes (``followup.celebrations``).

Pool release: an owned customer of a tier with a pool period, with no logged interaction for
that many days and no owner change (a claim, a reassignment) within them, goes to the pool:
its owner is cleared, ``pool_since`` set, the owner change written to its history (an audit
"owner_id" entry, by nobody: the rules) and the previous owner notified. The release goes in
slices of customer ids, one transaction each, so a large one never holds the database; a run
cut short leaves the released slices released, the next run releases the rest, and only the
previous owners' notification of the slices already written is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    case,
    cast,
    exists,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from crmdesk.models import (
    AuditEntry,
    Customer,
    Setting,
    Task,
    TaskKind,
    Tier,
)
from crmdesk.models.base import UtcDateTime
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.followup import (
    KIND_ANNIVERSARY,
    KIND_BIRTHDAY,
    KIND_CADENCE,
    WEEK_DAYS,
    FollowupSettings,
    care_key,
    celebrations,
    load_followup_settings,
    office_zone,
    pool_note,
    window_month_days,
)
from crmdesk.services.notifications import notify_many

LAST_RUN_KEY = "followup.last_run"
# Rule tasks are due at this hour (office time) of the day they are for.
DUE_HOUR = 10
# More changed records than this: views reload everything instead of looking at ids.
_MANY = 2000
_CHUNK = 400
# A pool release is written in slices of this many customer ids, each its own transaction: the
# write lock is never held long (the app and other users go on saving while 700,000 customers
# go to the pool), and SQLite's page cache holds a slice's changed pages (one transaction over
# them all spilled and rewrote pages: twice as slow).
_SLICE = 50_000
# The page cache of the connection writing a slice (KiB; the app's connections have
# crmdesk.db.SQLITE_CACHE_KIB): a slice dirties about 10 MB of customer, index and history
# pages, and a cache smaller than that spills them to the WAL before the commit writes them
# again (bench_followup: the release's UPDATE 3.8 s -> 3.1 s).
_SLICE_CACHE_KIB = 65_536


# The customers a slice of a pool release picks (SQLite): their ids and what changes, in a
# temporary table.
_RELEASE = Table(
    "crmdesk_pool_release",
    MetaData(),
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("owner_id", Integer),
    Column("tier", String(1)),
    prefixes=["TEMPORARY"],
)


@dataclass(frozen=True)
class DailyResult:
    cadence_tasks: int
    birthday_tasks: int
    anniversary_tasks: int
    released_to_pool: int
    notified: int = 0
    changes: ChangeSet = ChangeSet()


def _insert(s: Session, table: Any) -> Any:
    if s.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _due_at(day: dt.date, zone: Any, now: dt.datetime) -> dt.datetime:
    moment = dt.datetime.combine(day, dt.time(DUE_HOUR), zone).astimezone(dt.UTC)
    return max(moment, now) if day <= now.astimezone(zone).date() else moment


def daily_rules_due(db: Database, now: dt.datetime | None = None) -> bool:
    """True when the rules have not run yet today (office time): the app checks at start and
    on a timer."""
    now = now or db.now()
    today = now.astimezone(office_zone(db)).date().isoformat()
    with db.read() as s:
        row = s.get(Setting, LAST_RUN_KEY)
        return row is None or row.value < today


# The titles of the tasks the rules make, in the office's language (the app passes its own, the
# CLI its --lang): they are stored on the task like a title a person typed.
TITLES: dict[str, dict[str, str]] = {
    "en": {
        "revisit": "Revisit (every {days} days)",
        "birthday": "Birthday: {contact} ({customer})",
        "anniversary": "Contract anniversary: {number} ({customer}), {years} years",
    },
    "zh_CN": {
        "revisit": "定期回访（每 {days} 天）",
        "birthday": "生日关怀：{contact}（{customer}）",
        "anniversary": "合作周年：{number}（{customer}），{years} 周年",
    },
}


def _title(lang: str, kind: str, **values: object) -> str:
    return TITLES.get(lang, TITLES["en"])[kind].format(**values)


def run_daily_rules(
    db: Database,
    now: dt.datetime | None = None,
    settings: FollowupSettings | None = None,
    lang: str = "en",
) -> DailyResult:
    """Release neglected customers to the pool, then make the revisit tasks of customers past
    their cadence and the care tasks of the coming week's birthdays and anniversaries
    (announced ``care_days_ahead`` days ahead). Each rule is its own transaction (the pool
    release a few); see the module docstring. ``settings`` default: the stored ones."""
    now = now or db.now()
    settings = settings or load_followup_settings(db)
    zone = office_zone(db)
    today = now.astimezone(zone).date()
    released, rel_customers, n1 = _release_to_pool(db, now, settings)
    cadence, cad_tasks, n2 = _cadence(db, now, today, zone, settings, lang)
    care = _care(db, now, today, zone, settings, lang)
    with db.write() as s:
        row = s.get(Setting, LAST_RUN_KEY)
        if row is None:
            s.add(Setting(key=LAST_RUN_KEY, value=today.isoformat()))
        elif row.value < today.isoformat():
            row.value = today.isoformat()
    tasks = cad_tasks | care.task_ids
    customers = rel_customers | care.customer_ids
    notified = n1 + n2 + care.notified
    many = len(tasks) > _MANY or len(customers) > _MANY or released > _MANY
    changes = ChangeSet(
        customers=frozenset() if many else frozenset(customers),
        tasks=frozenset() if many else frozenset(tasks),
        notifications=notified > 0,
        everything=many,
    )
    return DailyResult(cadence, care.birthdays, care.anniversaries, released, notified, changes)


# -- public pool -----------------------------------------------------------------------------


def _release_to_pool(
    db: Database, now: dt.datetime, settings: FollowupSettings
) -> tuple[int, set[int], int]:
    if not settings.pool_enabled or not settings.pool_days:
        return 0, set(), 0
    c = Customer.__table__.c
    pool_days = _by_tier(settings.pool_days)
    with db.read() as s:
        low, high = s.execute(select(func.min(c.id), func.max(c.id))).one()
    if low is None:
        return 0, set(), 0
    owners: dict[int, _Released] = {}
    ids: set[int] | None = set()
    for start in range(low, high + 1, _SLICE):
        with db.write() as s:
            with _cache_kib(s, _SLICE_CACHE_KIB):
                ids = _release_slice(s, now, pool_days, (start, start + _SLICE), owners, ids)
    if not owners:
        return 0, set(), 0
    notes = []
    for owner, r in owners.items():
        days = pool_days.get(next(iter(r.tiers))) if len(r.tiers) == 1 else None
        notes.append(pool_note(owner, r.names, now, days, r.count))
    with db.write() as s:
        notified = notify_many(s, notes)
    return sum(r.count for r in owners.values()), ids or set(), notified


@contextmanager
def _cache_kib(s: Session, kib: int) -> Iterator[None]:
    """SQLite: the session's connection has a page cache of ``kib`` meanwhile, then its
    usual one again (it goes back to the pool)."""
    if s.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = s.connection()
    usual = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    except BaseException:
        # The transaction failed: its error is the one to report. The connection is rolled
        # back; if it still takes the pragma, it gets its usual cache back.
        with suppress(SQLAlchemyError):
            conn.exec_driver_sql(f"PRAGMA cache_size={int(usual)}")
        raise
    conn.exec_driver_sql(f"PRAGMA cache_size={int(usual)}")


def _pool_due(now: dt.datetime, pool_days: dict[str, int]) -> Any:
    """SQL: the customer is due for the pool at ``now`` (``pool_days``: tier value → days)."""
    c = Customer.__table__.c
    # An assignment (a claim, a reassignment: an owner_id change to somebody) within the period
    # counts as a fresh start; a release (to nobody) does not.
    threshold = _per_tier(c.tier, {t: now - dt.timedelta(days=d) for t, d in pool_days.items()})
    recently_assigned = exists().where(
        AuditEntry.customer_id == c.id,
        AuditEntry.entity == "customer",
        AuditEntry.entity_id == c.id,
        AuditEntry.field == "owner_id",
        AuditEntry.at >= threshold,
        AuditEntry.new_value.is_not(None),
    )
    return and_(
        c.deleted_at.is_(None),
        c.owner_id.is_not(None),
        c.pool_since.is_(None),
        # A tier without a period has no threshold (NULL): never due. No "tier IN" term:
        # SQLite would walk a tier index and read the customers in random order.
        func.coalesce(c.last_interaction_at, c.created_at) < threshold,
        ~recently_assigned,
    )


def pool_release_count(
    db: Database, settings: FollowupSettings, now: dt.datetime | None = None
) -> int:
    """How many customers the pool rule of ``settings`` would release if it ran at ``now``
    (default: the database's now): the follow-up settings ask before saving a change that
    releases any. One pass over the customers, read-only."""
    if not settings.pool_enabled or not settings.pool_days:
        return 0
    pool_days = _by_tier(settings.pool_days)
    with db.read() as s:
        stmt = (
            select(func.count()).select_from(Customer).where(_pool_due(now or db.now(), pool_days))
        )
        return int(s.scalar(stmt) or 0)


@dataclass
class _Released:
    """What one previous owner is told: how many, of which tiers, the first few names."""

    count: int = 0
    tiers: set[Any] = field(default_factory=set)
    names: list[tuple[int, str]] = field(default_factory=list)


def _release_slice(
    s: Session,
    now: dt.datetime,
    pool_days: dict[str, int],
    ids_from_to: tuple[int, int],
    owners: dict[int, _Released],
    ids: set[int] | None,
) -> set[int] | None:
    """Release the due customers whose id is in ``ids_from_to`` (one transaction); adds them
    to ``owners`` and, up to ``_MANY`` in all, to ``ids`` (None: more than that)."""
    c = Customer.__table__.c
    dialect = s.get_bind().dialect.name
    due = and_(c.id >= ids_from_to[0], c.id < ids_from_to[1], _pool_due(now, pool_days))
    picked: Any
    if dialect == "sqlite":
        # One writer at a time: pick them once, with what is about to change, into a temporary
        # table; the statements below read it instead of the customers. Created in this
        # transaction, so a rollback takes it away too.
        _RELEASE.drop(s.connection(), checkfirst=True)  # left by a connection's crash
        _RELEASE.create(s.connection())
        s.execute(
            insert(_RELEASE).from_select(
                ["id", "owner_id", "tier"], select(c.id, c.owner_id, c.tier).where(due)
            )
        )
        picked = _RELEASE
        chosen = c.id.in_(select(_RELEASE.c.id))
    else:
        # Mark them first (other writers may change customers between statements).
        s.execute(update(Customer.__table__).where(due).values(pool_since=now))
        chosen = and_(
            c.id >= ids_from_to[0],
            c.id < ids_from_to[1],
            c.deleted_at.is_(None),
            c.pool_since == now,
            c.owner_id.is_not(None),
        )
        picked = select(c.id, c.owner_id, c.tier).where(chosen).subquery()
    p = picked.c
    counts = list(
        s.execute(
            select(p.owner_id, func.count(), func.min(p.tier), func.max(p.tier)).group_by(
                p.owner_id
            )
        )
    )
    if not counts:
        if dialect == "sqlite":
            _RELEASE.drop(s.connection())
        return ids
    for owner, n, low, high in counts:
        r = owners.setdefault(owner, _Released())
        r.count += n
        r.tiers |= {_tier_value(low), _tier_value(high)}
    # The first few names of each previous owner who has fewer than five so far.
    short = [owner for owner, *_ in counts if len(owners[owner].names) < 5]
    if short:
        first = (
            select(
                p.id,
                p.owner_id,
                func.row_number().over(partition_by=p.owner_id, order_by=p.id).label("n"),
            )
            .where(p.owner_id.in_(short))
            .subquery()
        )
        for cid, owner, name in s.execute(
            select(first.c.id, first.c.owner_id, c.name)
            .join(Customer.__table__, c.id == first.c.id)
            .where(first.c.n <= 5)
            .order_by(first.c.id)
        ):
            names = owners[owner].names
            if len(names) < 5:
                names.append((cid, name))
    if ids is not None:
        total = sum(r.count for r in owners.values())
        ids = ids | set(s.scalars(select(p.id))) if total <= _MANY else None
    # The history: the owner change of each, by nobody (the rules).
    columns = ("at", "user_id", "user_name", "entity", "entity_id", "customer_id", "action",
               "field", "old_value", "new_value")  # fmt: skip
    s.execute(
        insert(AuditEntry.__table__).from_select(
            columns,
            select(
                literal(now, AuditEntry.__table__.c.at.type),
                literal(None, AuditEntry.__table__.c.user_id.type),
                literal(None, String),
                literal("customer"),
                p.id,
                p.id,
                literal("update"),
                literal("owner_id"),
                cast(p.owner_id, String),
                literal(None, String),
            ),
        )
    )
    s.execute(
        update(Customer.__table__)
        .where(chosen)
        .values(owner_id=None, pool_since=now, version=c.version + 1, updated_at=now)
    )
    if dialect == "sqlite":
        _RELEASE.drop(s.connection())
    return ids


# -- revisit cadence -------------------------------------------------------------------------


def _by_tier(days: dict[str, int]) -> dict[str, int]:
    """Stored days per tier, keyed by the tier's value as the customer table holds it."""
    return {Tier(k).value: v for k, v in days.items()}


def _tier_value(tier: Any) -> Any:
    return getattr(tier, "value", tier)


def _per_tier(tier: Any, values: dict[str, Any]) -> Any:
    """SQL: the value for the row's tier (NULL for a tier not in ``values``)."""
    sample = next(iter(values.values()))
    if isinstance(sample, dt.datetime):
        typed = {k: literal(v, UtcDateTime()) for k, v in values.items()}
    else:
        typed = {k: literal(v) for k, v in values.items()}
    return case(typed, value=tier)


def _date_plus(dialect: str, column: Any, tier: Any, days: dict[str, int]) -> Any:
    """SQL text "YYYY-MM-DD": the UTC date of ``column`` + the row's tier's number of days."""
    if dialect == "sqlite":
        return func.date(column, _per_tier(tier, {t: f"+{int(d)} days" for t, d in days.items()}))
    return func.to_char(
        func.timezone("UTC", column)
        + func.make_interval(0, 0, 0, _per_tier(tier, {t: int(d) for t, d in days.items()})),
        "YYYY-MM-DD",
    )


def _cadence(
    db: Database,
    now: dt.datetime,
    today: dt.date,
    zone: Any,
    settings: FollowupSettings,
    lang: str = "en",
) -> tuple[int, set[int], int]:
    if not settings.cadence_days:
        return 0, set(), 0
    c = Customer.__table__.c
    t = Task.__table__
    due = _due_at(today, zone, now)
    made: list[tuple[int, int | None]] = []
    days = _by_tier(settings.cadence_days)
    with db.write() as s:
        dialect = s.get_bind().dialect.name
        # One pass over the customers for all tiers, leaving out those with an open revisit
        # task. SQLite: one pass over the tasks into a list checked per customer (probing
        # the task index per customer reads a task row per probe, 3× slower with a million);
        # PostgreSQL turns NOT EXISTS into a hashed anti-join (NOT IN would not be).
        open_revisit = (
            t.c.kind == TaskKind.REVISIT.value,
            func.coalesce(t.c.done_at, t.c.deleted_at).is_(None),
        )
        if dialect == "sqlite":
            unplanned = c.id.not_in(
                select(t.c.customer_id).where(*open_revisit, t.c.customer_id.is_not(None))
            )
        else:
            unplanned = ~exists().where(t.c.customer_id == c.id, *open_revisit)
        since = func.coalesce(c.last_interaction_at, c.created_at)
        key = (
            literal("cadence:")
            + cast(c.id, String)
            + literal(":")
            + _date_plus(dialect, since, c.tier, days)
        )
        titles = {tier: _title(lang, "revisit", days=d) for tier, d in days.items()}
        rows = select(
            literal(TaskKind.REVISIT.value),
            _per_tier(c.tier, titles),
            c.id,
            literal(due, t.c.due_at.type),
            c.owner_id,
            key,
            literal(now, t.c.created_at.type),
            literal(now, t.c.updated_at.type),
            literal(1),
        ).where(
            c.deleted_at.is_(None),
            c.owner_id.is_not(None),
            c.pool_since.is_(None),
            # NULL (never) for a tier without a cadence; no "tier IN" term, as above.
            since < _per_tier(c.tier, {tr: now - dt.timedelta(days=d) for tr, d in days.items()}),
            unplanned,
        )
        stmt = (
            _insert(s, t)
            .from_select(
                [
                    "kind",
                    "title",
                    "customer_id",
                    "due_at",
                    "assignee_id",
                    "rule_key",
                    "created_at",
                    "updated_at",
                    "version",
                ],  # fmt: skip
                rows,
            )
            .on_conflict_do_nothing(index_elements=[t.c.rule_key])
            .returning(t.c.id, t.c.assignee_id)
        )
        made += [(tid, owner) for tid, owner in s.execute(stmt)]
        counts: dict[int, int] = {}
        for _, owner in made:
            if owner is not None:
                counts[owner] = counts.get(owner, 0) + 1
        notified = notify_many(
            s,
            [
                {
                    "key": f"cadence:{owner}:{today.isoformat()}",
                    "user_id": owner,
                    "kind": KIND_CADENCE,
                    "params": {"count": n},
                    "created_at": now,
                }
                for owner, n in counts.items()
            ],
        )
    return len(made), {tid for tid, _ in made}, notified


# -- birthday and anniversary care -----------------------------------------------------------


@dataclass
class _Care:
    birthdays: int = 0
    anniversaries: int = 0
    notified: int = 0
    task_ids: set[int] | None = None
    customer_ids: set[int] | None = None

    def __post_init__(self) -> None:
        self.task_ids = self.task_ids or set()
        self.customer_ids = self.customer_ids or set()


def _care(
    db: Database,
    now: dt.datetime,
    today: dt.date,
    zone: Any,
    settings: FollowupSettings,
    lang: str = "en",
) -> Any:
    """Care tasks for the birthdays and contract anniversaries of the coming week (or of the
    next ``care_days_ahead`` days, if that is longer), so My Day can list them; each is
    announced (birthday / anniversary notification) ``care_days_ahead`` days before the day,
    and its reminder fires on the day."""
    care = _Care()
    days = max(WEEK_DAYS, settings.care_days_ahead + 1)
    window = window_month_days(today, days)
    announce_until = today + dt.timedelta(days=settings.care_days_ahead)
    with db.write() as s:
        tasks: list[dict[str, Any]] = []
        notes: dict[str, dict[str, Any]] = {}
        birthdays, anniversaries = celebrations(s, window, Customer.owner_id.is_not(None))
        # (kind, record, the day, customer, owner, task title, notification kind and params)
        due: list[tuple[str, int, dt.date, int, Any, str, str, dict[str, Any]]] = [
            (
                "birthday", b.contact_id, b.on, b.customer_id, b.owner_id,
                _title(lang, "birthday", contact=b.contact_name, customer=b.customer_name),
                KIND_BIRTHDAY,
                {"contact": b.contact_name, "customer": b.customer_name},
            )
            for b in birthdays
        ] + [
            (
                "anniversary", a.document_id, a.on, a.customer_id, a.owner_id,
                _title(lang, "anniversary", number=a.number, customer=a.customer_name,
                       years=a.years),
                KIND_ANNIVERSARY,
                {"number": a.number, "customer": a.customer_name, "years": a.years},
            )
            for a in anniversaries
        ]  # fmt: skip
        for kind, record, on, customer_id, owner, title, note_kind, params in due:
            key = care_key(kind, record, on.year)
            tasks.append(_care_task(key, title, customer_id, owner, on, zone, now))
            if on <= announce_until:
                notes[key] = {
                    "key": key,
                    "user_id": owner,
                    "kind": note_kind,
                    "customer_id": customer_id,
                    "params": {**params, "on": on.isoformat()},
                    "created_at": now,
                }
        t = Task.__table__
        # The care tasks already made (an earlier run this week), by the unique key; then the
        # new ones in one batch (compiled once), still ignoring a key another process added.
        task_of: dict[str, int] = {}
        keys = [task["rule_key"] for task in tasks]
        for start in range(0, len(keys), _CHUNK):
            task_of.update(
                s.execute(
                    select(t.c.rule_key, t.c.id).where(
                        t.c.rule_key.in_(keys[start : start + _CHUNK])
                    )
                ).all()
            )
        new = [task for task in tasks if task["rule_key"] not in task_of]
        if new:
            for tid, key, cid in s.execute(
                _insert(s, t)
                .on_conflict_do_nothing(index_elements=[t.c.rule_key])
                .returning(t.c.id, t.c.rule_key, t.c.customer_id),
                new,
            ):
                task_of[key] = tid
                care.task_ids.add(tid)  # type: ignore[union-attr]
                care.customer_ids.add(cid)  # type: ignore[union-attr]
                if key.startswith("birthday:"):
                    care.birthdays += 1
                else:
                    care.anniversaries += 1
        # Announce the ones now close enough (made today or on an earlier run), each once.
        keys = sorted(notes)
        care.notified = notify_many(
            s, [{**notes[k], "task_id": task_of.get(k)} for k in keys if k in task_of]
        )
    return care


def _care_task(
    key: str, title: str, customer_id: int, owner: int, on: dt.date, zone: Any, now: dt.datetime
) -> dict[str, Any]:
    due = _due_at(on, zone, now)
    return {
        "kind": TaskKind.CARE.value,
        "title": title[:200],
        "notes": None,
        "customer_id": customer_id,
        "deal_id": None,
        "interaction_id": None,
        "due_at": due,
        # The reminder fires on the day; the notification tells the owner now (days ahead).
        "remind_at": due,
        "reminded_at": None,
        "snoozed_until": None,
        "assignee_id": owner,
        "created_by_id": None,
        "done_at": None,
        "rule_key": key,
        "deleted_at": None,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
