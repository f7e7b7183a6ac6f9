"""The pipeline's stages, board and list: which deals a filter shows, one column per stage.

Open deals are found through the (stage, expected_close) index; the won and lost columns show
the deals closed in the close month asked for, or else in the last ``closed_days``. Counts,
totals and weighted totals come from one GROUP BY over the same deals, so a column cut at its
limit still shows what it holds in all.

Import these names from :mod:`crmdesk.services.pipeline`, which re-exports them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, update
from sqlalchemy.orm import Session

from crmdesk.errors import CrmError, ValidationError
from crmdesk.models import AuditEntry, Customer, Deal, DealStageDef, User
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.service_settings import office_currency

OPEN, WON, LOST = "open", "won", "lost"
OUTCOMES = (OPEN, WON, LOST)

# The migration seeds these; a database without any stage rows (a test that emptied the
# tables) is read as having them.
DEFAULT_STAGES: tuple[tuple[str, str, int, str], ...] = (
    ("lead", "Lead", 10, OPEN),
    ("contact", "First contact", 20, OPEN),
    ("proposal", "Proposal / quote", 50, OPEN),
    ("negotiation", "Negotiation", 75, OPEN),
    ("won", "Won", 100, WON),
    ("lost", "Lost", 0, LOST),
)
BUILT_IN_KEYS = frozenset(k for k, *_ in DEFAULT_STAGES)


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class StageRow:
    """One stage as the settings dialog edits it and the board lays it out."""

    key: str
    name: str
    position: int
    probability: int
    # open, won, lost
    outcome: str
    active: bool = True
    # Live deals in this stage (read only; a stage with deals can be deactivated, not deleted).
    deal_count: int = 0

    @property
    def built_in(self) -> bool:
        """A built-in key: views show its translated name rather than ``name``."""
        return self.key in BUILT_IN_KEYS


@dataclass(frozen=True)
class PipelineQuery:
    """What the board (and the list of the same deals) shows."""

    owner_id: int | None = None
    # Deals whose owner is in this team.
    team_id: int | None = None
    # Any day of the month: open deals expected to close in it, won/lost deals closed in it.
    close_month: dt.date | None = None
    # Words in the deal's title or its customer's name.
    text: str = ""
    # Without a close month the won and lost columns hold the deals closed in the last so many
    # days (0: none).
    closed_days: int = 30
    # Only these stage keys (empty: all).
    stages: frozenset[str] = frozenset()
    limit_per_column: int = 300


@dataclass(frozen=True)
class DealCard:
    id: int
    title: str
    customer_id: int
    customer_name: str
    stage: str
    amount: Decimal
    currency: str
    probability: int
    # amount × probability / 100
    weighted: Decimal
    expected_close: dt.date | None
    owner_id: int | None
    owner_name: str | None
    closed_at: dt.datetime | None
    lost_reason: str | None
    version: int
    updated_at: dt.datetime


@dataclass(frozen=True)
class PipelineBoard:
    # Every column, in the stages' order: the active stages, and an inactive one only while it
    # still holds matching deals. Within a column the soonest expected close first (undated
    # last); won and lost most recently closed first.
    stages: list[StageRow]
    columns: dict[str, list[DealCard]]
    # Over all matching deals of a column, even when the column was cut at the limit. Totals
    # and weighted totals add the deals in the office's currency (``currency``); deals in other
    # currencies are added per currency in ``other_totals`` (never converted).
    counts: dict[str, int]
    totals: dict[str, Decimal]
    weighted: dict[str, Decimal]
    limit_per_column: int = 300
    currency: str = "CNY"
    # stage -> other currency -> (total, weighted total)
    other_totals: dict[str, dict[str, tuple[Decimal, Decimal]]] = field(default_factory=dict)

    @property
    def open_total(self) -> Decimal:
        return sum((self.totals[s.key] for s in self.stages if s.outcome == OPEN), Decimal(0))

    @property
    def open_weighted(self) -> Decimal:
        return sum((self.weighted[s.key] for s in self.stages if s.outcome == OPEN), Decimal(0))

    @property
    def open_other_totals(self) -> dict[str, tuple[Decimal, Decimal]]:
        """The open stages' deals in other currencies: currency -> (total, weighted total)."""
        found: dict[str, tuple[Decimal, Decimal]] = {}
        for stage in self.stages:
            if stage.outcome != OPEN:
                continue
            for cur, (total, weighted) in self.other_totals.get(stage.key, {}).items():
                t, w = found.get(cur, (Decimal(0), Decimal(0)))
                found[cur] = (t + total, w + weighted)
        return dict(sorted(found.items()))


# ---------------------------------------------------------------------------------------------
# Stages


def stage_defs(s: Session) -> list[StageRow]:
    """The office's stages in board order (the defaults when the table is empty)."""
    rows = s.scalars(select(DealStageDef).order_by(DealStageDef.position, DealStageDef.key)).all()
    if not rows:
        return [
            StageRow(key, name, i, prob, outcome, True)
            for i, (key, name, prob, outcome) in enumerate(DEFAULT_STAGES, start=1)
        ]
    return [StageRow(r.key, r.name, r.position, r.probability, r.outcome, r.active) for r in rows]


def ensure_stage_rows(s: Session) -> None:
    """Write the default stages into an empty table, so a write can rely on them."""
    if s.scalar(select(func.count()).select_from(DealStageDef)):
        return
    for i, (key, name, prob, outcome) in enumerate(DEFAULT_STAGES, start=1):
        s.add(DealStageDef(key=key, name=name, position=i, probability=prob, outcome=outcome))
    s.flush()


def stage_keys(s: Session, outcome: str) -> list[str]:
    return [r.key for r in stage_defs(s) if r.outcome == outcome]


def list_stages(db: Database, include_inactive: bool = True) -> list[StageRow]:
    """The stages in board order, each with how many live deals it holds."""
    with db.read() as s:
        counts = dict(
            s.execute(
                select(Deal.stage, func.count())
                .where(Deal.deleted_at.is_(None))
                .group_by(Deal.stage)
            ).all()
        )
        rows = [
            StageRow(
                r.key, r.name, r.position, r.probability, r.outcome, r.active, counts.get(r.key, 0)
            )
            for r in stage_defs(s)
        ]
    return [r for r in rows if include_inactive or r.active]


# ---------------------------------------------------------------------------------------------
# Stage settings


def _stage_key(raw: str) -> str:
    return (raw or "").strip().lower()


def _check_stage_rows(rows: list[StageRow]) -> None:
    seen: set[str] = set()
    for r in rows:
        name = (r.name or "").strip()
        if not name:
            raise ValidationError("Every stage needs a name.", {"name": "Required."})
        if len(name) > 60:
            raise ValidationError(
                "The stage name {name} is longer than 60 characters.",
                {"name": "The name is longer than 60 characters."},
                name=name,
            )
        if r.key:
            key = _stage_key(r.key)
            if len(key) > 20 or not all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in key):
                raise ValidationError(
                    "'{key}' cannot be a stage key: use up to 20 letters, digits or _.",
                    {"key": "Use up to 20 letters, digits or _."},
                    key=r.key,
                )
            if key in seen:
                raise ValidationError("Two stages have the key '{key}'.", key=key)
            seen.add(key)
        if r.outcome not in OUTCOMES:
            raise ValidationError("'{value}' is not a stage outcome.", value=r.outcome)
        if not 0 <= r.probability <= 100:
            raise ValidationError(
                "The probability of {name} must be between 0 and 100 %.",
                {"probability": "Between 0 and 100."},
                name=name,
            )
    for outcome in (WON, LOST):
        these = [r for r in rows if r.outcome == outcome]
        if len(these) != 1:
            raise ValidationError("The pipeline needs exactly one won stage and one lost stage.")
        if _stage_key(these[0].key) != outcome:
            # Other screens and reports know the outcome stages by their built-in keys.
            raise ValidationError(
                "The won and lost stages are built in: rename them if you like, but keep them."
            )
        if not these[0].active:
            raise ValidationError("The won and lost stages cannot be deactivated.")
    if not any(r.outcome == OPEN and r.active for r in rows):
        raise ValidationError("The pipeline needs at least one active open stage.")


def _new_key(taken: set[str]) -> str:
    n = 1
    while f"stage{n}" in taken:
        n += 1
    return f"stage{n}"


def save_stages(db: Database, rows: list[StageRow]) -> ChangeSet:
    """Replace the office's stages with ``rows`` in board order (their ``position`` decides,
    ties by list order; positions are renumbered 1…n). A row with an empty key is a new stage
    (it gets a key of its own). A stage left out is deleted, which is refused while any deal is
    in it (deactivate it instead), as is turning a stage with deals into another outcome.
    Deals that had a stage's old default probability get its new one."""
    rows = list(rows)
    _check_stage_rows(rows)
    ordered = [r for _, r in sorted(enumerate(rows), key=lambda p: (p[1].position, p[0]))]
    with db.write() as s:
        ensure_stage_rows(s)
        existing = {d.key: d for d in s.scalars(select(DealStageDef))}
        kept = {_stage_key(r.key) for r in ordered if r.key}
        taken = set(existing) | kept
        deal_counts = dict(s.execute(select(Deal.stage, func.count()).group_by(Deal.stage)).all())
        for key, d in existing.items():
            if key not in kept and deal_counts.get(key):
                raise CrmError(
                    "The stage {name} still holds {count} deals: deactivate it instead of "
                    "deleting it.",
                    name=d.name,
                    count=deal_counts[key],
                )
        changed_deals: set[int] = set()
        for position, r in enumerate(ordered, start=1):
            key = _stage_key(r.key) if r.key else _new_key(taken)
            taken.add(key)
            d = existing.get(key)
            if d is None:
                s.add(
                    DealStageDef(
                        key=key,
                        name=r.name.strip(),
                        position=position,
                        probability=r.probability,
                        outcome=r.outcome,
                        active=r.active,
                    )
                )
                continue
            if d.probability != r.probability and d.outcome == OPEN:
                followers = list(
                    s.scalars(
                        select(Deal.id).where(
                            Deal.stage == key,
                            Deal.probability == d.probability,
                            Deal.deleted_at.is_(None),
                        )
                    )
                )
                if followers:
                    s.execute(
                        update(Deal.__table__)
                        .where(
                            Deal.__table__.c.stage == key,
                            Deal.__table__.c.probability == d.probability,
                            Deal.__table__.c.deleted_at.is_(None),
                        )
                        .values(probability=r.probability, version=Deal.__table__.c.version + 1)
                    )
                    changed_deals.update(followers)
            d.name = r.name.strip()
            d.position = position
            d.probability = r.probability
            d.outcome = r.outcome
            d.active = r.active
        for key, d in existing.items():
            if key not in kept:
                s.delete(d)
        s.flush()
    return ChangeSet(deals=frozenset(changed_deals), everything=True)


# ---------------------------------------------------------------------------------------------
# The board and the list


def _month_range(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def _conditions(
    s: Session, q: PipelineQuery, stages: list[StageRow], now: dt.datetime
) -> list[Any]:
    """The filter, and which deals of which stages: open ones by their expected close, won and
    lost ones by when they closed."""
    conds: list[Any] = [Deal.deleted_at.is_(None), Customer.deleted_at.is_(None)]
    if q.owner_id is not None:
        conds.append(Deal.owner_id == q.owner_id)
    if q.team_id is not None:
        conds.append(Deal.owner_id.in_(select(User.id).where(User.team_id == q.team_id)))
    words = " ".join(q.text.split()).lower()
    if words:
        conds.append(
            or_(
                func.lower(Deal.title).contains(words, autoescape=True),
                func.lower(Customer.name).contains(words, autoescape=True),
            )
        )
    wanted = [r for r in stages if not q.stages or r.key in q.stages]
    open_keys = [r.key for r in wanted if r.outcome == OPEN]
    closed_keys = [r.key for r in wanted if r.outcome != OPEN]
    parts: list[Any] = []
    if q.close_month is not None:
        first, following = _month_range(q.close_month)
        if open_keys:
            parts.append(
                and_(
                    Deal.stage.in_(open_keys),
                    Deal.expected_close >= first,
                    Deal.expected_close < following,
                )
            )
        if closed_keys:
            parts.append(
                and_(
                    Deal.stage.in_(closed_keys),
                    Deal.closed_at >= _start_of(first),
                    Deal.closed_at < _start_of(following),
                )
            )
    else:
        if open_keys:
            parts.append(Deal.stage.in_(open_keys))
        if closed_keys and q.closed_days > 0:
            parts.append(
                and_(
                    Deal.stage.in_(closed_keys),
                    Deal.closed_at >= now - dt.timedelta(days=q.closed_days),
                )
            )
    conds.append(or_(*parts) if parts else Deal.id.is_(None))
    return conds


def _card_columns() -> tuple[Any, ...]:
    return (
        Deal.id,
        Deal.title,
        Deal.customer_id,
        Customer.name.label("customer_name"),
        Deal.stage,
        Deal.amount,
        Deal.currency,
        Deal.probability,
        Deal.expected_close,
        Deal.owner_id,
        User.display_name.label("owner_name"),
        Deal.closed_at,
        Deal.lost_reason,
        Deal.version,
        Deal.updated_at,
    )


def _with_names(stmt: Select[Any]) -> Select[Any]:
    return (
        stmt.select_from(Deal)
        .join(Customer, Customer.id == Deal.customer_id)
        .outerjoin(User, User.id == Deal.owner_id)
    )


def weighted_of(amount: Decimal, probability: int) -> Decimal:
    return (Decimal(amount) * probability / 100).quantize(Decimal("0.01"))


def _card(r: Any) -> DealCard:
    amount = Decimal(r.amount or 0)
    return DealCard(
        id=r.id,
        title=r.title,
        customer_id=r.customer_id,
        customer_name=r.customer_name,
        stage=r.stage,
        amount=amount,
        currency=r.currency,
        probability=r.probability,
        weighted=weighted_of(amount, r.probability),
        expected_close=r.expected_close,
        owner_id=r.owner_id,
        owner_name=r.owner_name,
        closed_at=r.closed_at,
        lost_reason=r.lost_reason,
        version=r.version,
        updated_at=r.updated_at,
    )


def load_pipeline(db: Database, q: PipelineQuery | None = None) -> PipelineBoard:
    """The board: one column per stage with its cards, counts, totals and weighted totals."""
    q = q or PipelineQuery()
    now = db.now()
    with db.read() as s:
        stages = stage_defs(s)
        currency = office_currency(s)
        conds = _conditions(s, q, stages, now)
        counts = dict.fromkeys((r.key for r in stages), 0)
        totals = dict.fromkeys((r.key for r in stages), Decimal(0))
        weighted = dict.fromkeys((r.key for r in stages), Decimal(0))
        others: dict[str, dict[str, tuple[Decimal, Decimal]]] = {}
        agg = _with_names(
            select(
                Deal.stage,
                Deal.currency,
                func.count(),
                func.coalesce(func.sum(Deal.amount), 0),
                func.coalesce(func.sum(Deal.amount * Deal.probability), 0),
            )
        ).where(*conds)
        for key, cur, n, total, weighted_sum in s.execute(agg.group_by(Deal.stage, Deal.currency)):
            counts[key] += n
            total = Decimal(total).quantize(Decimal("0.01"))
            weighted_total = (Decimal(weighted_sum) / 100).quantize(Decimal("0.01"))
            if (cur or currency) == currency:
                totals[key] += total
                weighted[key] += weighted_total
            else:
                others.setdefault(key, {})[cur] = (total, weighted_total)
        shown = [r for r in stages if r.active or counts[r.key]]
        if q.stages:
            shown = [r for r in shown if r.key in q.stages]
        columns: dict[str, list[DealCard]] = {}
        for r in shown:
            if not counts[r.key]:
                columns[r.key] = []
                continue
            order: tuple[Any, ...]
            if r.outcome == OPEN:
                order = (Deal.expected_close.is_(None), Deal.expected_close, Deal.id)
            else:
                order = (Deal.closed_at.desc(), Deal.id.desc())
            stmt = (
                _with_names(select(*_card_columns()))
                .where(Deal.stage == r.key, *conds)
                .order_by(*order)
                .limit(q.limit_per_column)
            )
            columns[r.key] = [_card(row) for row in s.execute(stmt)]
    return PipelineBoard(
        stages=shown,
        columns=columns,
        counts={r.key: counts[r.key] for r in shown},
        totals={r.key: totals[r.key] for r in shown},
        weighted={r.key: weighted[r.key] for r in shown},
        limit_per_column=q.limit_per_column,
        currency=currency,
        other_totals={r.key: dict(sorted(others[r.key].items())) for r in shown if r.key in others},
    )


SORT_KEYS = (
    "title",
    "customer",
    "stage",
    "amount",
    "probability",
    "weighted",
    "expected_close",
    "owner",
    "closed_at",
    "updated_at",
)


def _sort_column(key: str, stages: list[StageRow]) -> Any:
    if key == "stage":
        return case({r.key: r.position for r in stages}, value=Deal.stage, else_=999)
    return {
        "title": func.lower(Deal.title),
        "customer": func.lower(Customer.name),
        "amount": Deal.amount,
        "probability": Deal.probability,
        "weighted": Deal.amount * Deal.probability,
        "expected_close": Deal.expected_close,
        "owner": func.lower(User.display_name),
        "closed_at": Deal.closed_at,
        "updated_at": Deal.updated_at,
    }.get(key, Deal.expected_close)


def list_deal_rows(
    db: Database,
    q: PipelineQuery | None = None,
    sort_key: str = "expected_close",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[DealCard]:
    """The board's deals as one list, sorted by ``sort_key`` (one of SORT_KEYS), a page at a
    time. Empty values sort last either way."""
    q = q or PipelineQuery()
    now = db.now()
    with db.read() as s:
        stages = stage_defs(s)
        col = _sort_column(sort_key, stages)
        stmt = (
            _with_names(select(*_card_columns()))
            .where(*_conditions(s, q, stages, now))
            .order_by(col.is_(None), col.desc() if descending else col.asc(), Deal.id)
            .offset(offset)
            .limit(limit)
        )
        return [_card(r) for r in s.execute(stmt)]


def count_deals(db: Database, q: PipelineQuery | None = None) -> int:
    """How many deals list_deal_rows pages through."""
    q = q or PipelineQuery()
    now = db.now()
    with db.read() as s:
        stmt = _with_names(select(func.count())).where(*_conditions(s, q, stage_defs(s), now))
        return s.scalar(stmt) or 0


def latest_change(db: Database) -> int:
    """The newest audit entry's id. Every deal change writes one (the ORM listener, imports,
    the rules), so the board polls this to notice changes made on another computer. It moves
    on other changes too; the board then reloads once, which is cheap."""
    with db.read() as s:
        return s.scalar(select(func.max(AuditEntry.id))) or 0
