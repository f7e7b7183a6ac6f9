"""The records behind a dashboard figure: the list a click on a bar, slice or tile opens.

A :class:`~crmdesk.services.dashboard.Drill` names conditions of
:class:`~crmdesk.services.dashboard_scope.Where`; they are the very expressions the figure was
counted with, so :func:`drill_count` (or :func:`drill_total` for money) equals the figure.
The list is read a page at a time, newest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import aliased

from crmdesk.models import Customer, Deal, Interaction, Ticket, User
from crmdesk.services.core import Database
from crmdesk.services.dashboard_figures import Drill
from crmdesk.services.dashboard_scope import Where
from crmdesk.services.pipeline_board import stage_defs

_MODELS = {"customer": Customer, "deal": Deal, "ticket": Ticket, "interaction": Interaction}

# The columns an "eq"/"in"/"not_null" condition may name, per entity.
_COLUMNS: dict[str, set[str]] = {
    "customer": {"tier", "stage", "channel", "owner_id"},
    "deal": {"stage", "owner_id"},
    "ticket": {"category", "assignee_id", "csat", "nps", "first_response_seconds"},
    "interaction": {"user_id", "kind"},
}


@dataclass(frozen=True)
class DrillRow:
    """One record of a drill-down list, in the columns its entity shows."""

    entity: str
    id: int
    customer_id: int | None
    cells: tuple[object, ...]


# The columns of each entity's list (keys the view translates).
DRILL_HEADERS: dict[str, tuple[str, ...]] = {
    "customer": ("code", "name", "tier", "stage", "owner", "created_at"),
    "deal": ("title", "customer", "stage", "amount", "owner", "closed_at"),
    "ticket": ("number", "title", "customer", "category", "status", "created_at"),
    "interaction": ("occurred_at", "customer", "kind", "summary", "user"),
}


def drill_condition(drill: Drill, stages: Sequence[Any] | None = None) -> ColumnElement[bool]:
    """The WHERE clause of the records behind ``drill``; ``stages`` as the figures had them
    (``pipeline_board.stage_defs``)."""
    if drill.entity not in _MODELS:
        raise ValueError(f"unknown drill entity {drill.entity!r}")
    model = _MODELS[drill.entity]
    w = Where(drill.scope, stages)
    parts: list[ColumnElement[bool]] = []
    for name, *args in drill.conditions:
        if name in ("eq", "in", "not_null"):
            column_name = str(args[0])
            if column_name not in _COLUMNS[drill.entity]:
                raise ValueError(f"{drill.entity} cannot be filtered on {column_name!r}")
            column = getattr(model, column_name)
            if name == "not_null":
                parts.append(column.is_not(None))
            elif name == "in":
                parts.append(column.in_(list(args[1])))  # type: ignore[call-overload]
            elif args[1] is None or args[1] == "":
                parts.append(column.is_(None))
            else:
                parts.append(column == args[1])
            continue
        method = getattr(w, str(name), None)
        if method is None or str(name).startswith("_"):
            raise ValueError(f"unknown drill condition {name!r}")
        parts.append(method(*args))
    return and_(*parts)


def drill_count(db: Database, drill: Drill) -> int:
    model = _MODELS[drill.entity]
    with db.read() as s:
        where = drill_condition(drill, stage_defs(s))
        return int(s.scalar(select(func.count(model.id)).where(where)) or 0)


def drill_total(db: Database, drill: Drill) -> Decimal:
    """The money the records add up to: deal amounts, or amounts × probability ÷ 100."""
    if drill.entity != "deal" or drill.measure not in ("amount", "weighted"):
        raise ValueError("only deal lists add up to money")
    value = Deal.amount if drill.measure == "amount" else Deal.amount * Deal.probability / 100
    with db.read() as s:
        where = drill_condition(drill, stage_defs(s))
        total = s.scalar(select(func.coalesce(func.sum(value), 0)).where(where))
    return Decimal(str(total or 0))


def drill_page(db: Database, drill: Drill, offset: int = 0, limit: int = 200) -> list[DrillRow]:
    """``limit`` records from ``offset``, newest first (by id)."""
    owner = aliased(User)
    with db.read() as s:
        where = drill_condition(drill, stage_defs(s))
        if drill.entity == "customer":
            stmt = (
                select(
                    Customer.id, Customer.id, Customer.code, Customer.name, Customer.tier,
                    Customer.stage, owner.display_name, Customer.created_at,
                )
                .outerjoin(owner, owner.id == Customer.owner_id)
                .where(where)
                .order_by(Customer.id.desc())
            )  # fmt: skip
        elif drill.entity == "deal":
            stmt = (
                select(
                    Deal.id, Deal.customer_id, Deal.title, Customer.name, Deal.stage,
                    Deal.amount, owner.display_name, Deal.closed_at,
                )
                .join(Customer, Customer.id == Deal.customer_id)
                .outerjoin(owner, owner.id == Deal.owner_id)
                .where(where)
                .order_by(Deal.id.desc())
            )  # fmt: skip
        elif drill.entity == "ticket":
            stmt = (
                select(
                    Ticket.id, Ticket.customer_id, Ticket.number, Ticket.title, Customer.name,
                    Ticket.category, Ticket.status, Ticket.created_at,
                )
                .join(Customer, Customer.id == Ticket.customer_id)
                .where(where)
                .order_by(Ticket.id.desc())
            )  # fmt: skip
        else:
            stmt = (
                select(
                    Interaction.id, Interaction.customer_id, Interaction.occurred_at,
                    Customer.name, Interaction.kind, Interaction.summary, owner.display_name,
                )
                .join(Customer, Customer.id == Interaction.customer_id)
                .outerjoin(owner, owner.id == Interaction.user_id)
                .where(where)
                .order_by(Interaction.id.desc())
            )  # fmt: skip
        rows = s.execute(stmt.offset(offset).limit(limit)).all()
    return [DrillRow(drill.entity, int(r[0]), r[1], tuple(_plain(v) for v in r[2:])) for r in rows]


def _plain(value: object) -> object:
    """Enum members as their stored code; other values as they are."""
    if isinstance(value, dt.datetime | dt.date | Decimal | int | float | str) or value is None:
        return value
    return getattr(value, "value", str(value))
