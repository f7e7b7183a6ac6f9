"""The service desk's figures for a period: response and resolution times, SLA compliance,
satisfaction, the spread of tickets and the backlog.

Everything is counted by the database (conditional aggregates, GROUP BY, and percentiles read
with ORDER BY … LIMIT/OFFSET once the count is known), so a year of a million tickets never
travels to Python; the same SQL runs on SQLite and PostgreSQL.

The docstrings of :class:`ServiceFigures`' fields are the figures' definitions, as the dashboard
shows them in its tooltips.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from crmdesk.models import (
    Ticket,
    TicketCategory,
    TicketEvent,
    TicketPriority,
    TicketStatus,
    TicketStep,
    User,
)
from crmdesk.services.aggregates import ratio as _ratio
from crmdesk.services.aggregates import sum_if as _sum_if
from crmdesk.services.aggregates import within as _within
from crmdesk.services.business_time import STEP_DUE_IN_STATUS, SlaStep
from crmdesk.services.core import Database

# The backlog's age buckets: (key, tickets younger than this many days; None = the rest).
BACKLOG_BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("under_1d", 1),
    ("1_3d", 3),
    ("3_7d", 7),
    ("7_30d", 30),
    ("over_30d", None),
)
_OPEN = (
    TicketStatus.REGISTERED,
    TicketStatus.ASSIGNED,
    TicketStatus.SOLUTION,
    TicketStatus.INFORMED,
)


class AgentFigures(NamedTuple):
    """One assignee's tickets in the period (``user_id`` None: tickets nobody is assigned to)."""

    user_id: int | None
    name: str | None
    created: int
    """Tickets registered in the period that are assigned to this agent now."""
    resolved: int
    """Tickets resolved in the period that are assigned to this agent now."""
    breached: int
    """Tickets registered in the period, assigned to this agent now, that missed a deadline."""


@dataclass(frozen=True)
class ServiceFigures:
    """The service desk's figures for the period [period_start, period_end), optionally for one
    team (the ticket's team). Deleted tickets never count. Times are business seconds (working
    hours of the office calendar, waiting for the customer not counted), as recorded on the
    ticket when it happened. A figure with nothing to measure is None, never 0."""

    period_start: dt.datetime
    period_end: dt.datetime
    team_id: int | None

    tickets_created: int
    """Tickets registered in the period."""
    tickets_resolved: int
    """Tickets resolved in the period (resolved now or since closed; a reopened ticket counts
    again when it is resolved again)."""

    first_response_count: int
    """Tickets registered in the period that have had their first response."""
    first_response_median_s: float | None
    """Median first response time: business time from a ticket's registration to its first
    response (its assignment), over the tickets registered in the period that have had one. The
    middle value, or the mean of the two middle values."""
    first_response_p90_s: float | None
    """90th percentile of the first response time: nine in ten of the tickets registered in the
    period (and answered) were answered within this business time (the smallest time that at
    least 90% of them did not exceed)."""

    resolution_count: int
    """Tickets resolved in the period that have a recorded resolution time."""
    resolution_median_s: float | None
    """Median resolution time: business time from registration to resolution, over the
    tickets resolved in the period (waiting for the customer not counted)."""
    resolution_avg_s: float | None
    """Average resolution time: the mean business time from registration to resolution of the
    tickets resolved in the period."""
    resolution_rate: float | None
    """Resolution rate: the share (0–1) of the tickets registered in the period that were
    resolved by its end and not reopened since."""

    sla_compliance: dict[str, float | None]
    """SLA compliance per step (register, assign, solution, inform, resolve, revisit): the
    share (0–1) of the steps that ended in the period within their deadline. The register step
    counts the tickets registered in the period that the customer had reported earlier; the
    other steps count each stay of a ticket in a status that ended in the period (moved on,
    or reopened), late if its deadline passed before it ended."""
    sla_overall: float | None
    """Overall SLA compliance: the share (0–1) of all steps that ended in the period, of every
    kind together, that kept their deadline."""
    sla_steps_count: int
    """Steps with a deadline that ended in the period (what overall SLA compliance counts)."""

    csat_avg: float | None
    """CSAT: the average satisfaction score (1–5) given at the revisit of the tickets closed in
    the period."""
    csat_count: int
    """Tickets closed in the period with a satisfaction score."""
    nps: float | None
    """NPS (net promoter score, −100 to 100): of the tickets closed in the period with a
    0–10 recommendation answer, the percentage of promoters (9–10) minus the percentage of
    detractors (0–6)."""
    nps_count: int
    """Tickets closed in the period with a recommendation (0–10) answer."""

    by_category: dict[str, int]
    """Tickets registered in the period by category (complaint, question, request, fault)."""
    by_priority: dict[str, int]
    """Tickets registered in the period by priority (urgent, high, normal, low)."""
    by_agent: list[AgentFigures]
    """Per assignee: tickets registered in the period, resolved in the period, and registered
    in the period and breached; the busiest first."""
    backlog_by_age: list[tuple[str, int]]
    """Backlog by age: tickets not yet resolved at the end of the period (or now, if the period
    ends later), by how long ago they were registered: under 1 day, 1–3 days, 3–7 days,
    7–30 days, over 30 days (calendar time). Keys are in BACKLOG_BUCKETS."""


def service_figures(
    db: Database, start: dt.datetime, end: dt.datetime, team_id: int | None = None
) -> ServiceFigures:
    """The service desk's figures for [start, end), for one team or (``team_id`` None) all.

    Each figure is defined in the docstring of its :class:`ServiceFigures` field. A period that
    is empty or reversed gives zero counts and None figures. About ten statements: one pass
    over the tickets touched in the period for every count and sum, one GROUP BY for the
    agents, one ORDER BY … LIMIT/OFFSET read per percentile, and index range reads for the
    steps and the backlog.
    """
    start, end = _aware(start), _aware(end)
    as_of = min(end, _aware(db.now()))
    with db.read() as s:
        t = _Period(start, end, team_id)
        totals = _totals(s, t)
        fr_median, fr_p90 = _percentiles(
            s, Ticket.first_response_seconds, and_(t.scope, t.first_response), totals["fr_n"]
        )
        res_median, _ = _percentiles(
            s, Ticket.resolution_seconds, and_(t.scope, t.resolution), totals["res_n"], p90=False
        )
        compliance, overall, steps_n = _sla(s, t, totals["reg_n"], totals["reg_late"])
        return ServiceFigures(
            period_start=start,
            period_end=end,
            team_id=team_id,
            tickets_created=totals["created"],
            tickets_resolved=totals["resolved"],
            first_response_count=totals["fr_n"],
            first_response_median_s=fr_median,
            first_response_p90_s=fr_p90,
            resolution_count=totals["res_n"],
            resolution_median_s=res_median,
            resolution_avg_s=_ratio(totals["res_sum"], totals["res_n"]),
            resolution_rate=_ratio(totals["created_resolved"], totals["created"]),
            sla_compliance=compliance,
            sla_overall=overall,
            sla_steps_count=steps_n,
            csat_avg=_ratio(totals["csat_sum"], totals["csat_n"]),
            csat_count=totals["csat_n"],
            nps=(
                None
                if not totals["nps_n"]
                else 100.0 * (totals["promoters"] - totals["detractors"]) / totals["nps_n"]
            ),
            nps_count=totals["nps_n"],
            by_category={c.value: totals[f"category.{c.value}"] for c in TicketCategory},
            by_priority={p.value: totals[f"priority.{p.value}"] for p in TicketPriority},
            by_agent=_by_agent(s, t),
            backlog_by_age=_backlog(s, t, as_of),
        )


# ---------------------------------------------------------------------------------------------


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


class _Period:
    """The conditions that place a ticket in the period, shared by the queries."""

    def __init__(self, start: dt.datetime, end: dt.datetime, team_id: int | None) -> None:
        self.start, self.end = start, end
        scope = [Ticket.deleted_at.is_(None)]
        if team_id is not None:
            scope.append(Ticket.team_id == team_id)
        self.scope: ColumnElement[bool] = and_(*scope)
        self.created = _within(Ticket.created_at, start, end)
        self.resolved = _within(Ticket.resolved_at, start, end)
        self.closed = _within(Ticket.closed_at, start, end)
        self.first_response = and_(self.created, Ticket.first_response_seconds.is_not(None))
        self.resolution = and_(self.resolved, Ticket.resolution_seconds.is_not(None))
        # Registration has no step row: a ticket registered late got an 'sla_breach' event for
        # the register step (to_value) when it was created. Only breached tickets are looked up.
        late_register = (
            select(TicketEvent.id)
            .where(
                TicketEvent.ticket_id == Ticket.id,
                TicketEvent.kind == "sla_breach",
                TicketEvent.to_value == str(SlaStep.REGISTER),
            )
            .exists()
        )
        self.reported = and_(self.created, Ticket.reported_at.is_not(None))
        self.register_late = and_(self.reported, Ticket.breached.is_(True), late_register)


def _totals(s: Session, t: _Period) -> dict[str, int]:
    """Every per-ticket count and sum in one pass over the tickets touched in the period
    (conditional sums in one row: SQLite groups by sorting, which costs more than the pass)."""
    columns = {
        "created": _sum_if(t.created),
        "resolved": _sum_if(t.resolved),
        "created_resolved": _sum_if(and_(t.created, Ticket.resolved_at < t.end)),
        "fr_n": _sum_if(t.first_response),
        "res_n": _sum_if(t.resolution),
        "res_sum": _sum_if(t.resolution, Ticket.resolution_seconds),
        "csat_n": _sum_if(and_(t.closed, Ticket.csat.is_not(None))),
        "csat_sum": _sum_if(and_(t.closed, Ticket.csat.is_not(None)), Ticket.csat),
        "nps_n": _sum_if(and_(t.closed, Ticket.nps.is_not(None))),
        "promoters": _sum_if(and_(t.closed, Ticket.nps >= 9)),
        "detractors": _sum_if(and_(t.closed, Ticket.nps <= 6)),
        "reg_n": _sum_if(t.reported),
        "reg_late": _sum_if(t.register_late),
    }
    for c in TicketCategory:
        columns[f"category.{c.value}"] = _sum_if(and_(t.created, Ticket.category == c))
    for p in TicketPriority:
        columns[f"priority.{p.value}"] = _sum_if(and_(t.created, Ticket.priority == p))
    row = s.execute(
        select(*(c.label(k) for k, c in columns.items())).where(
            t.scope, or_(t.created, t.resolved, t.closed)
        )
    ).one()
    return {k: int(v or 0) for k, v in row._mapping.items()}


def _percentiles(
    s: Session, column: object, where: ColumnElement[bool], n: int, p90: bool = True
) -> tuple[float | None, float | None]:
    """(median, 90th percentile) of ``column`` over the ``n`` tickets matching ``where``.

    The median is the middle value (the mean of the two middle ones for an even count); the
    90th percentile is the nearest rank, the value at position ceil(0.9 n) in ascending order.
    Each is one ORDER BY … LIMIT/OFFSET read of one or two values, sorted from whichever end
    is nearer (the database then keeps only that many rows while it sorts).
    """
    if n <= 0:
        return None, None

    def at(rank: int, limit: int = 1) -> list[float]:
        """The ``limit`` values from the ``rank``-th smallest (1-based) on."""
        if rank - 1 <= n - (rank + limit - 1):
            order, offset = column, rank - 1
        else:
            order, offset = column.desc(), n - (rank + limit - 1)  # type: ignore[attr-defined]
        stmt = select(column).where(where).order_by(order).offset(offset).limit(limit)
        return [float(v) for v in s.scalars(stmt)]

    middle = at((n + 1) // 2, 2 if n % 2 == 0 else 1)
    median = sum(middle) / len(middle) if middle else None
    if not p90:
        return median, None
    top = at((9 * n + 9) // 10)  # rank ceil(0.9 n), in integers
    return median, (top[0] if top else None)


def _sla(
    s: Session, t: _Period, register_n: int, register_late: int
) -> tuple[dict[str, float | None], float | None, int]:
    """Per-step compliance, the overall share, and how many steps were counted."""
    step_of = {str(status): str(step) for status, step in STEP_DUE_IN_STATUS.items()}
    due_statuses = [TicketStatus(status) for status in step_of]
    rows = s.execute(
        select(
            TicketStep.status,
            func.count(),
            _sum_if(TicketStep.breached.is_(True)),
        )
        .join(Ticket, Ticket.id == TicketStep.ticket_id)
        .where(
            t.scope,
            _within(TicketStep.left_at, t.start, t.end),
            TicketStep.status.in_(due_statuses),
        )
        .group_by(TicketStep.status)
    ).all()
    counted: dict[str, tuple[int, int]] = {
        step_of[str(status.value)]: (int(n), int(late)) for status, n, late in rows
    }
    if register_n:
        counted[str(SlaStep.REGISTER)] = (register_n, register_late)
    compliance: dict[str, float | None] = {}
    for step in SlaStep:
        n_step, late_step = counted.get(str(step), (0, 0))
        compliance[str(step)] = _ratio(n_step - late_step, n_step)
    total = sum(n for n, _ in counted.values())
    kept = sum(n - late for n, late in counted.values())
    return compliance, _ratio(kept, total), total


def _by_agent(s: Session, t: _Period) -> list[AgentFigures]:
    """Per assignee, grouped by the assignee's id alone (names are joined to the few groups
    afterwards, not to every ticket)."""
    created = _sum_if(t.created).label("created")
    per = (
        select(
            Ticket.assignee_id.label("user_id"),
            created,
            _sum_if(t.resolved).label("resolved"),
            _sum_if(and_(t.created, Ticket.breached.is_(True))).label("breached"),
        )
        .where(t.scope, or_(t.created, t.resolved))
        .group_by(Ticket.assignee_id)
        .subquery()
    )
    stmt = (
        select(per.c.user_id, User.display_name, per.c.created, per.c.resolved, per.c.breached)
        .outerjoin(User, User.id == per.c.user_id)
        # Busiest first; the unassigned last among equals (NULLs sort apart per dialect).
        .order_by(
            per.c.created.desc(),
            case((per.c.user_id.is_(None), 1), else_=0),
            User.display_name,
            per.c.user_id,
        )
    )
    return [
        AgentFigures(uid, name, int(c), int(r), int(b)) for uid, name, c, r, b in s.execute(stmt)
    ]


def _backlog(s: Session, t: _Period, as_of: dt.datetime) -> list[tuple[str, int]]:
    """Unresolved tickets at ``as_of`` in their age buckets.

    A ticket was unresolved at ``as_of`` if it was registered before and not resolved by then
    (resolved_at is cleared when a ticket is reopened, so a reopened ticket counts as open).
    Two index range reads: the open tickets (by status) and those resolved after ``as_of``.
    """
    columns = []
    younger_than: dt.datetime | None = None
    for key, days in BACKLOG_BUCKETS:
        conditions = []
        if younger_than is not None:
            conditions.append(Ticket.created_at <= younger_than)
        if days is not None:
            younger_than = as_of - dt.timedelta(days=days)
            conditions.append(Ticket.created_at > younger_than)
        columns.append(_sum_if(and_(*conditions)).label(key))
    counts = [0] * len(BACKLOG_BUCKETS)
    for unresolved in (
        and_(Ticket.status.in_(_OPEN), Ticket.resolved_at.is_(None)),
        Ticket.resolved_at >= as_of,
    ):
        row = s.execute(
            select(*columns).where(t.scope, Ticket.created_at < as_of, unresolved)
        ).one()
        counts = [a + int(b or 0) for a, b in zip(counts, row, strict=True)]
    return [(key, n) for (key, _), n in zip(BACKLOG_BUCKETS, counts, strict=True)]
