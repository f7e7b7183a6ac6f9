"""The dashboard's figures (可视化决策看板): KPI tiles, charts, and where each figure leads.

Each figure is counted by the database (conditional sums, GROUP BY) over index ranges; no row
travels to Python. The screen asks for the parts of :data:`PARTS` separately, on worker threads,
and shows each as it arrives; :func:`compute` asks for all of them (the report, the tests, the
benchmark).

Every figure carries a :class:`Drill`: the entity and the named conditions of
:class:`~crmdesk.services.dashboard_scope.Where` that select the records behind it, so the list
it opens is built from the same SQL as the number (``services.dashboard_drill``).

The definitions the screen shows as tooltips and docs/metrics.md repeats are in
:data:`DEFINITIONS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import select

from crmdesk.models import User
from crmdesk.services.core import Database
from crmdesk.services.dashboard_figures import (
    CHART_KEYS,
    DEFINITIONS,
    DEFINITIONS_ZH,
    KPI_KEYS,
    Chart,
    Drill,
    Figures,
    Kpi,
    Part,
    Series,
    definition,
)
from crmdesk.services.dashboard_parts import RANKING_SERIES, customer_part, ranking_part
from crmdesk.services.dashboard_sales import orders_part, sales_part
from crmdesk.services.dashboard_scope import Scope
from crmdesk.services.dashboard_service import service_part

__all__ = [
    "CHART_KEYS",
    "DEFINITIONS",
    "DEFINITIONS_ZH",
    "KPI_KEYS",
    "PARTS",
    "RANKING_SERIES",
    "Chart",
    "Drill",
    "Figures",
    "Kpi",
    "Part",
    "People",
    "Series",
    "compute",
    "dashboard_people",
    "definition",
    "make_scope",
    "merge",
    "team_ranking",
]

# ---------------------------------------------------------------------------------------------

# The slowest first (on the benchmark's million customers): the screen and compute() run
# them two at a time, and the two workers finish together when the long ones start early.
PARTS: dict[str, Callable[[Database, Scope], Part]] = {
    "sales": sales_part,
    "orders": orders_part,
    "customers": customer_part,
    "ranking": ranking_part,
    "service": service_part,
}


def merge(scope: Scope, parts: list[Part]) -> Figures:
    kpis = {k.key: k for p in parts for k in p.kpis}
    charts = {ch.key: ch for p in parts for ch in p.charts}
    return Figures(
        scope,
        {k: kpis[k] for k in KPI_KEYS if k in kpis},
        {k: charts[k] for k in CHART_KEYS if k in charts},
    )


def compute(db: Database, scope: Scope, workers: int = 2) -> Figures:
    """Every figure of the dashboard for ``scope``; the parts run on ``workers`` threads (each
    reads with its own connection)."""
    if workers <= 1:
        return merge(scope, [fn(db, scope) for fn in PARTS.values()])
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dashboard") as pool:
        futures = [pool.submit(fn, db, scope) for fn in PARTS.values()]
        return merge(scope, [f.result() for f in futures])


# ---------------------------------------------------------------------------------------------
# What the screen's filters offer, and the ranking by team


@dataclass(frozen=True)
class People:
    """The teams and people the dashboard can be narrowed to, and the office's time zone."""

    teams: tuple[tuple[int, str], ...]
    users: tuple[tuple[int, str, int | None], ...]
    timezone: str
    currency: str = "CNY"
    # Every user's (username, id), former staff too: what the command line's --owner names.
    usernames: tuple[tuple[str, int], ...] = ()


def dashboard_people(db: Database) -> People:
    from crmdesk.models import Team
    from crmdesk.services.service_settings import load_calendar, office_currency

    with db.read() as s:
        teams = tuple(
            (int(i), str(n)) for i, n in s.execute(select(Team.id, Team.name).order_by(Team.name))
        )
        users = tuple(
            (int(i), str(n), t)
            for i, n, t in s.execute(
                select(User.id, User.display_name, User.team_id)
                .where(User.active.is_(True))
                .order_by(User.display_name)
            )
        )
        usernames = tuple((str(n), int(i)) for i, n in s.execute(select(User.id, User.username)))
        currency = office_currency(s)
    return People(teams, users, load_calendar(db).timezone, currency, usernames)


def make_scope(
    people: People,
    start: dt.date,
    end: dt.date,
    team_id: int | None = None,
    owner_id: int | None = None,
) -> Scope:
    """A scope in the office's time zone and currency; an owner wins over a team."""
    return Scope(
        start,
        end,
        team_id=None if owner_id is not None else team_id,
        owner_id=owner_id,
        timezone=people.timezone,
        currency=people.currency,
    )


def team_ranking(chart: Chart, teams: dict[int, str]) -> Chart:
    """The rep ranking added up per team (people without a team apart), best first. A team's
    bar drills to the same records as its members' bars together: the scope narrowed to it."""
    from dataclasses import replace

    member_team = chart.extra.get("teams", ())
    totals: dict[int | None, list[float]] = {}
    for i, team in enumerate(member_team):  # type: ignore[arg-type]
        row = totals.setdefault(team, [0.0] * len(chart.series))
        for j, series in enumerate(chart.series):
            row[j] += series.values[i]
    order = sorted(totals, key=lambda t: (-totals[t][0], -sum(totals[t]), teams.get(t or -1, "")))
    series_out = []
    for j, series in enumerate(chart.series):
        drills: list[Drill | None] = []
        for team in order:
            template = series.drills[0] if series.drills else None
            if template is None or team is None:
                drills.append(None)
                continue
            scope = replace(template.scope, team_id=team, owner_id=None)
            conditions = tuple(
                c
                for c in template.conditions
                if c[:2] not in (("eq", "owner_id"), ("eq", "user_id"), ("eq", "assignee_id"))
            )
            drills.append(Drill(template.entity, scope, conditions, template.measure))
        series_out.append(
            Series(series.key, series.unit, tuple(totals[t][j] for t in order), tuple(drills))
        )
    return Chart(
        "ranking_teams",
        tuple("" if t is None else str(t) for t in order),
        tuple(teams.get(t) if t is not None else None for t in order),
        tuple(series_out),
    )
