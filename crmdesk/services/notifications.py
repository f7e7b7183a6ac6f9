"""The in-app notification centre: messages for one user, each added at most once.

Every notification has a unique ``key`` that says what it is about (``sla:<ticket>:<step>:<user>``,
``high:<ticket>:<user>``…). Adding one is an insert-if-absent on that key, so a checker that runs
again — at start, on a timer, from a scheduled task, in two processes at once — never notifies
twice, on SQLite and on PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import desc, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crmdesk.models import Notification
from crmdesk.services.core import ChangeSet, Database


@dataclass(frozen=True)
class NotificationRow:
    id: int
    # sla_breach, high_priority, revisit, …: the view picks the sentence by kind.
    kind: str
    # The values the view puts into that sentence (number, title, step, priority…).
    params: dict[str, Any]
    ticket_id: int | None
    task_id: int | None
    customer_id: int | None
    created_at: dt.datetime
    read_at: dt.datetime | None


def _insert(session: Session):  # noqa: ANN202 - a dialect's Insert
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(Notification.__table__)
    if dialect == "sqlite":
        return sqlite.insert(Notification.__table__)
    raise NotImplementedError(f"notifications on {dialect}")  # pragma: no cover


def dump_params(params: Mapping[str, Any] | None) -> str | None:
    if not params:
        return None
    return json.dumps(dict(params), ensure_ascii=False, default=str, sort_keys=True)


def notify(
    session: Session,
    *,
    key: str,
    user_id: int,
    kind: str,
    ticket_id: int | None = None,
    task_id: int | None = None,
    customer_id: int | None = None,
    params: Mapping[str, Any] | None = None,
    created_at: dt.datetime | None = None,
) -> bool:
    """Add a notification in the caller's transaction unless one with ``key`` exists.

    Returns True when it was added, False when the key was already there.
    """
    row = {
        "key": key,
        "user_id": user_id,
        "kind": kind,
        "ticket_id": ticket_id,
        "task_id": task_id,
        "customer_id": customer_id,
        "params": dump_params(params),
        "created_at": created_at or dt.datetime.now(dt.UTC),
    }
    table = Notification.__table__
    stmt = (
        _insert(session).on_conflict_do_nothing(index_elements=[table.c.key]).returning(table.c.id)
    )
    return session.execute(stmt, [_prepared(row, row["created_at"])]).first() is not None


def notify_many(session: Session, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert-if-absent many notifications at once: how many were added.

    Each row has the keys of :func:`notify`; ``params`` may be a dict or JSON text already.
    The keys already there are read first (by the unique index) and left out; the insert
    still ignores a key that another process added in between, so nobody is told twice.
    """
    if not rows:
        return 0
    now = dt.datetime.now(dt.UTC)
    table = Notification.__table__
    wanted = {r["key"]: r for r in rows}
    keys = list(wanted)
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        for key in session.scalars(select(table.c.key).where(table.c.key.in_(chunk))):
            wanted.pop(key, None)
    if not wanted:
        return 0
    prepared = [_prepared(r, now) for r in wanted.values()]
    # Without RETURNING the driver sends the rows as one batch (RETURNING makes PostgreSQL
    # several times slower here).
    session.execute(_insert(session).on_conflict_do_nothing(index_elements=[table.c.key]), prepared)
    return len(prepared)


_CHUNK = 500


def _prepared(r: Mapping[str, Any], now: dt.datetime) -> dict[str, Any]:
    params = r.get("params")
    return {
        "key": r["key"],
        "user_id": r["user_id"],
        "kind": r["kind"],
        "ticket_id": r.get("ticket_id"),
        "task_id": r.get("task_id"),
        "customer_id": r.get("customer_id"),
        "params": params if isinstance(params, str) or params is None else dump_params(params),
        "created_at": r.get("created_at") or now,
        "read_at": None,
        "snoozed_until": None,
    }


def _row(n: Notification) -> NotificationRow:
    try:
        params = json.loads(n.params) if n.params else {}
    except ValueError:
        params = {}
    return NotificationRow(
        n.id, n.kind, params, n.ticket_id, n.task_id, n.customer_id, n.created_at, n.read_at
    )


def _visible(user_id: int, now: dt.datetime):  # noqa: ANN202 - a list of SQL conditions
    return [
        Notification.user_id == user_id,
        or_(Notification.snoozed_until.is_(None), Notification.snoozed_until <= now),
    ]


def list_notifications(
    db: Database, user_id: int, include_read: bool = False, limit: int = 100
) -> list[NotificationRow]:
    """A user's notifications, newest first (unread ones only unless ``include_read``)."""
    with db.read() as s:
        stmt = (
            select(Notification)
            .where(*_visible(user_id, db.now()))
            .order_by(desc(Notification.created_at), desc(Notification.id))
            .limit(limit)
        )
        if not include_read:
            stmt = stmt.where(Notification.read_at.is_(None))
        return [_row(n) for n in s.scalars(stmt)]


def unread_count(db: Database, user_id: int) -> int:
    """The number on the bell."""
    with db.read() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(Notification)
                .where(*_visible(user_id, db.now()), Notification.read_at.is_(None))
            )
            or 0
        )


def mark_read(db: Database, ids: Iterable[int]) -> ChangeSet:
    ids = list(ids)
    if not ids:
        return ChangeSet()
    with db.write() as s:
        s.execute(
            update(Notification)
            .where(Notification.id.in_(ids), Notification.read_at.is_(None))
            .values(read_at=db.now())
        )
    return ChangeSet(notifications=True)


def mark_all_read(db: Database, user_id: int) -> ChangeSet:
    with db.write() as s:
        s.execute(
            update(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
            .values(read_at=db.now())
        )
    return ChangeSet(notifications=True)


def latest_notification_id(db: Database) -> int:
    """The newest notification's id: the bell polls it to see what other processes added."""
    with db.read() as s:
        return s.scalar(select(func.max(Notification.id))) or 0
