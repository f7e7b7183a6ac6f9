"""The dashboard's numbers, each worked out again by hand from a small fixed office.

The records below are plain Python data. Every expected figure is computed from those lists by
the written definition in ``DEFINITIONS`` (simple comprehensions, no SQL and no ``Where``), for
the period, the previous period, every sparkline month, and for the team and owner filters, and
compared with what :func:`compute` counts in the database. Every drill-down list must hold the
records its figure counted.

The period is the third quarter of 2026 in the office's calendar (Asia/Shanghai); its previous
period is the second quarter; its charts show the twelve months 2025-10 … 2026-09.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crmdesk.models import Customer, Deal, Interaction, Order, Team, Ticket, User
from crmdesk.services import Database
from crmdesk.services.dashboard import (
    CHART_KEYS,
    DEFINITIONS,
    KPI_KEYS,
    Chart,
    Drill,
    Figures,
    Kpi,
    compute,
    team_ranking,
)
from crmdesk.services.dashboard_drill import drill_count, drill_page, drill_total
from crmdesk.services.dashboard_scope import PeriodKind, Scope, period_dates
from crmdesk.services.pipeline_board import ensure_stage_rows

ROOT = Path(__file__).resolve().parents[2]
SH = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC


def sh(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> dt.datetime:
    """A moment on the office's clock."""
    return dt.datetime(y, m, d, hh, mm, tzinfo=SH)


def utc(y: int, m: int, d: int, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=UTC)


# ---------------------------------------------------------------------------------------------
# The office, as plain data

TEAMS = {"north": ("ann", "bo"), "south": ("cy", "dee")}


@dataclass(frozen=True)
class C:
    key: str
    owner: str | None
    created: dt.datetime
    tier: str | None
    stage: str
    channel: str | None
    churned: dt.datetime | None = None
    deleted: bool = False


@dataclass(frozen=True)
class Act:
    customer: str
    user: str | None
    at: dt.datetime
    deleted: bool = False


@dataclass(frozen=True)
class D:
    key: str
    owner: str | None
    customer: str
    stage: str
    amount: int
    probability: int
    created: dt.datetime
    closed: dt.datetime | None = None
    currency: str = "CNY"
    deleted: bool = False


@dataclass(frozen=True)
class Ord:
    customer: str
    on: dt.date
    amount: int
    currency: str = "CNY"
    status: str = "open"


@dataclass(frozen=True)
class T:
    key: str
    customer: str
    assignee: str | None
    category: str
    created: dt.datetime
    fr: int | None = None
    resolved: dt.datetime | None = None
    closed: dt.datetime | None = None
    csat: int | None = None
    nps: int | None = None
    deleted: bool = False


CUSTOMERS = [
    C("C1", "ann", sh(2025, 11, 10), "A", "growing", "website"),
    C("C2", "ann", sh(2026, 2, 5), "B", "churned", "event", churned=sh(2026, 8, 15)),
    C("C3", "bo", sh(2026, 4, 10), "A", "new", "referral"),
    C("C4", "bo", sh(2026, 5, 20), "C", "churned", "wechat", churned=sh(2026, 6, 10)),
    # 2026-07-01 01:00 in Shanghai: July, although June in UTC.
    C("C5", "cy", utc(2026, 6, 30, 17), "B", "new", "website"),
    # 2026-06-30 23:30 in Shanghai: June.
    C("C6", "cy", utc(2026, 6, 30, 15, 30), None, "prospect", None),
    C("C7", "dee", sh(2026, 7, 15), "A", "growing", "website"),
    C("C8", "ann", sh(2026, 8, 1), "C", "prospect", "cold_call"),
    # The last minute of the period, and the first one after it.
    C("C9", "bo", utc(2026, 9, 30, 15, 59), "B", "at_risk", "referral"),
    C("C10", "cy", utc(2026, 9, 30, 16), "A", "new", "event"),
    # New and churned in the same period.
    C("C11", "ann", sh(2026, 7, 20), "B", "churned", "platform", churned=sh(2026, 9, 5)),
    C("C12", None, sh(2026, 3, 1), "C", "growing", "other"),
    C("C13", "bo", sh(2026, 8, 10), "A", "new", "website", deleted=True),
    # Churned on the period's first day: at its start it was still a customer.
    C("C14", "dee", sh(2025, 12, 1), "A", "churned", "event", churned=sh(2026, 7, 1, 0, 0)),
    C("C15", "cy", sh(2025, 9, 15), "B", "growing", "website"),
    C("C16", "ann", sh(2026, 1, 10), "C", "churned", "wechat", churned=sh(2026, 3, 1)),
]

INTERACTIONS = [
    Act("C1", "ann", sh(2026, 7, 5)),
    Act("C1", "ann", sh(2026, 8, 5)),
    Act("C3", "bo", sh(2026, 7, 10)),
    # Ann's call on Bo's customer counts for Ann.
    Act("C3", "ann", sh(2026, 5, 10)),
    Act("C7", "dee", sh(2026, 9, 20)),
    Act("C5", "cy", utc(2026, 6, 30, 16, 30)),
    Act("C9", "bo", sh(2026, 4, 15)),
    Act("C8", "ann", sh(2026, 8, 20), deleted=True),
    Act("C12", "cy", sh(2026, 9, 1)),
    Act("C12", None, sh(2026, 9, 2)),
    Act("C15", "cy", sh(2026, 2, 14)),
    Act("C13", "bo", sh(2026, 8, 15)),
]

DEALS = [
    D("D1", "ann", "C1", "won", 10000, 100, sh(2026, 5, 1), sh(2026, 7, 10)),
    D("D2", "bo", "C3", "won", 5000, 100, sh(2026, 7, 2), sh(2026, 8, 20)),
    D("D3", "cy", "C5", "won", 8000, 100, sh(2026, 3, 1), sh(2026, 5, 15)),
    D("D4", "ann", "C8", "won", 3000, 100, sh(2026, 7, 5), sh(2026, 7, 25), currency="USD"),
    D("D5", "bo", "C9", "lost", 7000, 0, sh(2026, 7, 15), sh(2026, 9, 1)),
    D("D6", "ann", "C1", "proposal", 20000, 50, sh(2026, 8, 1)),
    D("D7", "cy", "C7", "negotiation", 12000, 75, sh(2026, 6, 1)),
    D("D8", "dee", "C7", "contact", 4000, 20, sh(2026, 9, 10)),
    D("D9", "cy", "C5", "lead", 1000, 10, sh(2026, 7, 20)),
    # Won half an hour after the period: open at its end (at its closing probability).
    D("D10", "bo", "C3", "won", 6000, 100, sh(2026, 9, 25), utc(2026, 9, 30, 16, 30)),
    D("D11", "ann", "C2", "won", 9000, 100, sh(2026, 7, 1), sh(2026, 8, 1), deleted=True),
    D("D12", "bo", "C3", "lead", 2500, 10, sh(2026, 10, 5)),
    D("D13", "cy", "C15", "lost", 3000, 0, sh(2026, 2, 1), sh(2026, 7, 20)),
    D("D14", "dee", "C14", "proposal", 5000, 50, sh(2026, 1, 10)),
    D("D15", "ann", "C2", "won", 2000, 100, sh(2025, 12, 1), sh(2026, 1, 20)),
    # A live deal of a customer in the trash.
    D("D16", "bo", "C13", "won", 4000, 100, sh(2026, 8, 12), sh(2026, 8, 20)),
]

ORDERS = [
    Ord("C1", dt.date(2026, 1, 15), 1000),
    Ord("C1", dt.date(2026, 7, 10), 2000),
    Ord("C1", dt.date(2026, 8, 10), 1500),
    Ord("C3", dt.date(2026, 5, 5), 3000),
    Ord("C3", dt.date(2026, 7, 20), 500),
    Ord("C5", dt.date(2026, 8, 1), 4000, status="cancelled"),
    Ord("C5", dt.date(2026, 9, 1), 2500),
    Ord("C7", dt.date(2026, 9, 15), 800, currency="USD"),
    Ord("C7", dt.date(2026, 9, 30), 1200),
    Ord("C13", dt.date(2026, 8, 15), 9999),
    Ord("C4", dt.date(2026, 5, 10), 700),
    Ord("C4", dt.date(2026, 6, 1), 300, status="delivered"),
    Ord("C12", dt.date(2026, 10, 2), 600),
    Ord("C2", dt.date(2026, 4, 20), 1100),
    Ord("C5", dt.date(2026, 8, 1), 400),
]

TICKETS = [
    T("T1", "C1", "ann", "complaint", sh(2026, 7, 2), 600,
      sh(2026, 7, 3), sh(2026, 7, 4), csat=5, nps=10),
    T("T2", "C3", "bo", "question", sh(2026, 7, 10), 1200,
      sh(2026, 7, 12), sh(2026, 7, 15), csat=3, nps=6),
    # Resolved after the period: not resolved by its end.
    T("T3", "C5", "dee", "fault", sh(2026, 8, 1), 300, sh(2026, 10, 2)),
    T("T4", "C7", "dee", "request", sh(2026, 9, 20)),
    # Registered in the previous period, resolved and closed in this one.
    T("T5", "C9", "cy", "question", sh(2026, 6, 20), 900,
      sh(2026, 7, 5), sh(2026, 7, 6), csat=4, nps=9),
    T("T6", "C1", "ann", "fault", sh(2026, 5, 5), 100,
      sh(2026, 5, 6), sh(2026, 5, 8), csat=2, nps=3),
    T("T7", "C3", "bo", "complaint", sh(2026, 4, 3), 2000),
    T("T8", "C12", None, "question", sh(2026, 8, 15), 50,
      sh(2026, 8, 16), sh(2026, 8, 17), csat=4),
    T("T9", "C8", "ann", "question", sh(2026, 8, 5), 10,
      sh(2026, 8, 6), sh(2026, 8, 7), csat=1, nps=0, deleted=True),
    # Registered 23:00 on the last day, resolved 00:30 on the day after the period.
    T("T10", "C1", "cy", "request", utc(2026, 9, 30, 15), 400, utc(2026, 9, 30, 16, 30)),
    T("T11", "C3", "bo", "fault", sh(2026, 9, 1), 700,
      sh(2026, 9, 2), sh(2026, 9, 3), nps=7),
    T("T12", "C15", "cy", "question", sh(2026, 1, 5), 300,
      sh(2026, 1, 6), sh(2026, 1, 7), csat=5, nps=10),
    # A live ticket of a customer in the trash.
    T("T13", "C13", "bo", "complaint", sh(2026, 8, 12), 100,
      sh(2026, 8, 13), sh(2026, 8, 14), csat=1, nps=0),
]  # fmt: skip

# The office's pipeline: the deal_stage rows the migration ships (key, outcome), in order.
STAGES = [("lead", "open"), ("contact", "open"), ("proposal", "open"),
          ("negotiation", "open"), ("won", "won"), ("lost", "lost")]  # fmt: skip
OUTCOME = dict(STAGES)
OPEN_STAGES = [k for k, o in STAGES if o == "open"]

Q3 = (dt.date(2026, 7, 1), dt.date(2026, 10, 1))
Q2 = (dt.date(2026, 4, 1), dt.date(2026, 7, 1))
MONTHS = [dt.date(2025, m, 1) for m in (10, 11, 12)] + [dt.date(2026, m, 1) for m in range(1, 10)]


# ---------------------------------------------------------------------------------------------
# The figures by hand

People = frozenset[str] | None


def t0(day: dt.date) -> dt.datetime:
    """Midnight starting ``day`` on the office's clock."""
    return dt.datetime.combine(day, dt.time(), SH)


def inside(moment: dt.datetime | None, a: dt.date, b: dt.date) -> bool:
    return moment is not None and t0(a) <= moment < t0(b)


def mine(user: str | None, people: People) -> bool:
    return people is None or user in people


def ratio(part: float, whole: float) -> float | None:
    return None if whole == 0 else part / whole


CUSTOMER = {c.key: c for c in CUSTOMERS}


def live_customers(people: People) -> list[C]:
    return [c for c in CUSTOMERS if not c.deleted and mine(c.owner, people)]


def customer_at(c: C, moment: dt.datetime) -> bool:
    return c.created < moment and (c.churned is None or c.churned >= moment)


def customers_at(moment: dt.datetime, people: People) -> list[C]:
    return [c for c in live_customers(people) if customer_at(c, moment)]


def new_customers(a: dt.date, b: dt.date, people: People) -> list[C]:
    return [c for c in live_customers(people) if inside(c.created, a, b)]


def churned_customers(a: dt.date, b: dt.date, people: People) -> list[C]:
    return [c for c in live_customers(people) if inside(c.churned, a, b)]


def active_customers(a: dt.date, b: dt.date, people: People) -> set[str]:
    return {
        i.customer
        for i in INTERACTIONS
        # Deleted records never count, nor records of a customer in the trash.
        if not i.deleted
        and not CUSTOMER[i.customer].deleted
        and mine(i.user, people)
        and inside(i.at, a, b)
    }


def live_deals(people: People) -> list[D]:
    return [
        d
        for d in DEALS
        if not d.deleted and not CUSTOMER[d.customer].deleted and mine(d.owner, people)
    ]


def money_deals(people: People) -> list[D]:
    return [d for d in live_deals(people) if d.currency == "CNY"]


def won_deals(a: dt.date, b: dt.date, people: People) -> list[D]:
    return [d for d in money_deals(people) if OUTCOME[d.stage] == "won" and inside(d.closed, a, b)]


def open_at(d: D, moment: dt.datetime) -> bool:
    if d.created >= moment:
        return False
    if d.closed is None:
        return OUTCOME[d.stage] == "open"
    return d.closed >= moment


def purchases(people: People) -> list[Ord]:
    """Orders not cancelled of live customers of ``people`` (an order is its customer's
    owner's), in any currency."""
    return [
        o
        for o in ORDERS
        if o.status != "cancelled"
        and not CUSTOMER[o.customer].deleted
        and mine(CUSTOMER[o.customer].owner, people)
    ]


def sales_orders(people: People) -> list[Ord]:
    """Purchases that count as money: in the office currency."""
    return [o for o in purchases(people) if o.currency == "CNY"]


def live_tickets(people: People) -> list[T]:
    return [
        t
        for t in TICKETS
        if not t.deleted and not CUSTOMER[t.customer].deleted and mine(t.assignee, people)
    ]


@dataclass(frozen=True)
class Hand:
    value: float | None
    # What the figure's drill-down list adds up to (its count, or its amount).
    drill: float


def hand(key: str, a: dt.date, b: dt.date, people: People) -> Hand:
    """KPI ``key`` over [a, b) by its written definition."""
    start, end = t0(a), t0(b)
    if key == "customers":
        n = len(customers_at(end, people))
        return Hand(n, n)
    if key == "new_customers":
        n = len(new_customers(a, b, people))
        return Hand(n, n)
    if key == "active_customers":
        n = len(active_customers(a, b, people))
        return Hand(n, n)
    if key == "churn_rate":
        churned = len(churned_customers(a, b, people))
        return Hand(ratio(churned, len(customers_at(start, people))), churned)
    if key == "revenue_won":
        total = sum(d.amount for d in won_deals(a, b, people))
        return Hand(total, total)
    if key == "pipeline_value":
        total = sum(d.amount * d.probability / 100 for d in money_deals(people) if open_at(d, end))
        return Hand(total, total)
    orders = sales_orders(people)
    if key == "avg_ltv":
        before = [o for o in orders if o.on < b]
        buyers = {o.customer for o in before}
        return Hand(ratio(sum(o.amount for o in before), len(buyers)), len(buyers))
    if key == "repeat_rate":
        per = Counter(o.customer for o in purchases(people) if a <= o.on < b)
        two = sum(1 for n in per.values() if n >= 2)
        return Hand(ratio(two, len(per)), two)
    tickets = live_tickets(people)
    if key == "csat":
        scores = [t.csat for t in tickets if inside(t.closed, a, b) and t.csat is not None]
        return Hand(ratio(sum(scores), len(scores)), len(scores))
    if key == "nps":
        answers = [t.nps for t in tickets if inside(t.closed, a, b) and t.nps is not None]
        promoters = sum(1 for x in answers if x >= 9)
        detractors = sum(1 for x in answers if x <= 6)
        value = ratio(100 * (promoters - detractors), len(answers))
        return Hand(value, len(answers))
    if key == "first_response":
        times = [t.fr for t in tickets if inside(t.created, a, b) and t.fr is not None]
        return Hand(ratio(sum(times), len(times)), len(times))
    if key == "resolution_rate":
        created = [t for t in tickets if inside(t.created, a, b)]
        resolved = [t for t in created if t.resolved is not None and t.resolved < end]
        return Hand(ratio(len(resolved), len(created)), len(created))
    raise AssertionError(key)


def hand_change(unit: str, value: float | None, previous: float | None) -> float | None:
    if value is None or previous is None:
        return None
    if unit in ("count", "money"):
        return None if previous == 0 else (value - previous) / previous
    return value - previous


def next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def hand_charts(a: dt.date, b: dt.date, people: People) -> dict[str, dict[str, tuple]]:
    """Each chart as {category: values of its series}, by the written definitions."""
    charts: dict[str, dict[str, tuple]] = {}
    charts["growth"] = {
        m.strftime("%Y-%m"): (
            len(new_customers(m, next_month(m), people)),
            len(churned_customers(m, next_month(m), people)),
            len(customers_at(t0(next_month(m)), people)),
        )
        for m in MONTHS
    }
    charts["revenue"] = {
        m.strftime("%Y-%m"): (sum(d.amount for d in won_deals(m, next_month(m), people)),)
        for m in MONTHS
    }
    # Deals of any currency count in the funnel: it counts deals, not money.
    created = [d for d in live_deals(people) if inside(d.created, a, b)]
    funnel = {}
    for i, stage in enumerate(OPEN_STAGES):
        funnel[stage] = (
            sum(
                1
                for d in created
                if (OUTCOME[d.stage] == "open" and OPEN_STAGES.index(d.stage) >= i)
                or OUTCOME[d.stage] == "won"
                or (OUTCOME[d.stage] == "lost" and i == 0)
            ),
        )
    funnel["won"] = (sum(1 for d in created if OUTCOME[d.stage] == "won"),)
    charts["funnel"] = funnel
    users = {u for team in TEAMS.values() for u in team}
    ranking = {}
    for u in users:
        # Revenue in the office currency; deals won in any currency (a count).
        won = [
            d
            for d in live_deals(frozenset([u]))
            if OUTCOME[d.stage] == "won" and inside(d.closed, a, b)
        ]
        row = (
            sum(d.amount for d in won if d.currency == "CNY"),
            len(won),
            sum(
                1
                for i in INTERACTIONS
                if i.user == u
                and not i.deleted
                and not CUSTOMER[i.customer].deleted
                and inside(i.at, a, b)
            ),
            sum(1 for t in live_tickets(frozenset([u])) if inside(t.resolved, a, b)),
        )
        if mine(u, people) and any(row):
            ranking[u] = row
    charts["ranking"] = ranking
    tickets = [t for t in live_tickets(people) if inside(t.created, a, b)]
    charts["tickets_by_category"] = {
        k: (sum(1 for t in tickets if t.category == k),)
        for k in ("complaint", "question", "request", "fault")
    }
    known = [c for c in live_customers(people) if c.created < t0(b)]
    charts["customers_by_tier"] = {
        k: (sum(1 for c in known if (c.tier or "") == k),) for k in ("A", "B", "C", "")
    }
    charts["customers_by_stage"] = {
        k: (sum(1 for c in known if c.stage == k),)
        for k in ("prospect", "new", "growing", "at_risk", "churned")
    }
    channels = Counter(c.channel or "" for c in new_customers(a, b, people))
    charts["channels"] = {k: (n,) for k, n in channels.items()}
    return charts


# ---------------------------------------------------------------------------------------------
# The office, in the database


@dataclass
class Office:
    db: Database
    users: dict[str, int]
    teams: dict[str, int]
    ids: dict[str, int]
    # Per entity, the ids of deleted records and of records of a customer in the trash.
    deleted: dict[str, set[int]]

    def user_key(self, uid: int) -> str:
        return {v: k for k, v in self.users.items()}[uid]


@pytest.fixture
def office(database: Database) -> Office:
    deleted_at = sh(2026, 9, 1)
    with database.write() as s:
        # The migration's deal_stage rows (the PostgreSQL fixture empties every table).
        ensure_stage_rows(s)
        teams = {name: Team(name=name) for name in TEAMS}
        s.add_all(teams.values())
        s.flush()
        users = {
            u: User(username=u, display_name=u.title(), role="sales_rep", team_id=teams[t].id)
            for t, members in TEAMS.items()
            for u in members
        }
        s.add_all(users.values())
        s.flush()
        uid = {k: u.id for k, u in users.items()}

        def who(key: str | None) -> int | None:
            return None if key is None else uid[key]

        ids: dict[str, int] = {}
        deleted: dict[str, set[int]] = {"customer": set(), "deal": set(), "ticket": set()}
        deleted["interaction"] = set()
        for c in CUSTOMERS:
            row = Customer(
                code=c.key, name=f"Customer {c.key}", owner_id=who(c.owner), created_at=c.created,
                updated_at=c.created, tier=c.tier, stage=c.stage, channel=c.channel,
                churned_at=c.churned, deleted_at=deleted_at if c.deleted else None,
            )  # fmt: skip
            s.add(row)
            s.flush()
            ids[c.key] = row.id
            if c.deleted:
                deleted["customer"].add(row.id)
        for n, i in enumerate(INTERACTIONS):
            row = Interaction(
                customer_id=ids[i.customer], user_id=who(i.user), kind="call", occurred_at=i.at,
                summary=f"call {n}", created_at=i.at, deleted_at=deleted_at if i.deleted else None,
            )  # fmt: skip
            s.add(row)
            s.flush()
            if i.deleted or CUSTOMER[i.customer].deleted:
                deleted["interaction"].add(row.id)
        for d in DEALS:
            row = Deal(
                customer_id=ids[d.customer], title=d.key, stage=d.stage,
                amount=Decimal(d.amount), currency=d.currency, probability=d.probability,
                owner_id=who(d.owner), created_at=d.created, closed_at=d.closed,
                deleted_at=deleted_at if d.deleted else None,
            )  # fmt: skip
            s.add(row)
            s.flush()
            ids[d.key] = row.id
            if d.deleted or CUSTOMER[d.customer].deleted:
                deleted["deal"].add(row.id)
        for n, o in enumerate(ORDERS):
            s.add(
                Order(
                    number=f"SO{n:03d}", customer_id=ids[o.customer], ordered_on=o.on,
                    amount=Decimal(o.amount), currency=o.currency, status=o.status,
                )
            )  # fmt: skip
        for t in TICKETS:
            status = "closed" if t.closed else "resolved" if t.resolved else "assigned"
            row = Ticket(
                number=t.key, customer_id=ids[t.customer], title=t.key, category=t.category,
                status=status, assignee_id=who(t.assignee), created_at=t.created,
                first_response_seconds=t.fr, resolved_at=t.resolved, closed_at=t.closed,
                csat=t.csat, nps=t.nps, deleted_at=deleted_at if t.deleted else None,
            )  # fmt: skip
            s.add(row)
            s.flush()
            ids[t.key] = row.id
            if t.deleted or CUSTOMER[t.customer].deleted:
                deleted["ticket"].add(row.id)
        team_ids = {k: t.id for k, t in teams.items()}
    return Office(database, uid, team_ids, ids, deleted)


def filters(office: Office) -> list[tuple[str, Scope, People]]:
    """The period for everybody, for each team, and for one owner, with whose records count."""
    return [
        ("all", Scope(*Q3), None),
        ("north", Scope(*Q3, team_id=office.teams["north"]), frozenset(TEAMS["north"])),
        ("south", Scope(*Q3, team_id=office.teams["south"]), frozenset(TEAMS["south"])),
        ("bo", Scope(*Q3, owner_id=office.users["bo"]), frozenset(["bo"])),
    ]


def same(actual: float | None, expected: float | None) -> bool:
    if expected is None or actual is None:
        return actual is expected
    return actual == pytest.approx(expected)


def by_code(chart: Chart, series: int = 0) -> dict[str, float]:
    return dict(zip(chart.categories, chart.series[series].values, strict=True))


def drill_figure(db: Database, drill: Drill) -> float:
    if drill.measure == "count":
        return drill_count(db, drill)
    return float(drill_total(db, drill))


# ---------------------------------------------------------------------------------------------
# The hand computation itself, on a few figures anyone can count off the lists above


def test_the_hand_computation_counts_what_the_lists_say() -> None:
    assert [c.key for c in new_customers(*Q3, None)] == ["C5", "C7", "C8", "C9", "C11"]
    assert [c.key for c in churned_customers(*Q3, None)] == ["C2", "C11", "C14"]
    # C1 C2 C3 C6 C12 C14 C15 (C14 churned at the very start: still a customer then).
    assert len(customers_at(t0(Q3[0]), None)) == 7
    assert hand("churn_rate", *Q3, None).value == pytest.approx(3 / 7)
    assert active_customers(*Q3, None) == {"C1", "C3", "C5", "C7", "C12"}
    assert hand("revenue_won", *Q3, None).value == 15000  # D1 + D2; D4 is USD, D11 deleted
    # D6 20000×50 % + D7 12000×75 % + D8 + D9 + D10 (won after the end) + D14 2500.
    assert hand("pipeline_value", *Q3, None).value == 10000 + 9000 + 800 + 100 + 6000 + 2500
    # C1, C5, C7 (one order in USD, one in CNY) of C1 C3 C5 C7.
    assert hand("repeat_rate", *Q3, None).value == pytest.approx(3 / 4)
    assert hand("nps", *Q3, None).value == pytest.approx(100 * (2 - 1) / 4)
    assert hand("resolution_rate", *Q3, None).value == pytest.approx(4 / 7)


# ---------------------------------------------------------------------------------------------
# compute() against the hand


def test_every_kpi_matches_its_definition(office: Office) -> None:
    for name, scope, people in filters(office):
        figures = compute(office.db, scope)
        assert tuple(figures.kpis) == KPI_KEYS
        for key in KPI_KEYS:
            kpi = figures.kpis[key]
            now, before = hand(key, *Q3, people), hand(key, *Q2, people)
            where = f"{name}/{key}"
            assert same(kpi.value, now.value), (where, kpi.value, now.value)
            assert same(kpi.previous, before.value), (where, kpi.previous, before.value)
            assert same(kpi.change, hand_change(kpi.unit, now.value, before.value)), where
            spark = [hand(key, m, next_month(m), people).value for m in MONTHS]
            assert len(kpi.spark) == 12, where
            for month, got, want in zip(MONTHS, kpi.spark, spark, strict=True):
                assert same(got, want), (where, month, got, want)


def test_every_chart_matches_its_definition(office: Office) -> None:
    for name, scope, people in filters(office):
        figures = compute(office.db, scope)
        assert tuple(figures.charts) == CHART_KEYS
        expected = hand_charts(*Q3, people)
        for key in CHART_KEYS:
            chart = figures.charts[key]
            got = {
                code: tuple(se.values[i] for se in chart.series)
                for i, code in enumerate(chart.categories)
            }
            if key == "ranking":
                got = {office.user_key(int(code)): v for code, v in got.items()}
            assert got == expected[key], (name, key)
        # Conversion: a stage's deals ÷ the previous stage's.
        funnel = figures.charts["funnel"]
        values = funnel.series[0].values
        conversion = funnel.extra["conversion"]
        assert conversion[0] is None
        for i in range(1, len(values)):
            assert same(conversion[i], ratio(values[i], values[i - 1])), (name, i)
        # The ranking puts the most revenue first.
        revenue = figures.charts["ranking"].series[0].values
        assert list(revenue) == sorted(revenue, reverse=True)


def test_the_charts_for_the_whole_office_by_number(office: Office) -> None:
    """A few figures written out, so a reader can check the lists above by eye."""
    f = compute(office.db, Scope(*Q3))
    funnel = f.charts["funnel"]
    assert funnel.categories == ("lead", "contact", "proposal", "negotiation", "won")
    # Created in Q3: D2 D4 D10 won, D5 lost, D6 proposal, D8 contact, D9 lead.
    assert funnel.series[0].values == (7, 5, 4, 3, 3)
    assert funnel.extra["lost"] == 1
    growth = by_code(f.charts["growth"])
    assert growth["2026-06"] == 1  # C6, 23:30 on 30 June in Shanghai
    assert growth["2026-07"] == 3  # C5 (01:00 on 1 July in Shanghai), C7, C11
    assert growth["2026-09"] == 1  # C9; C10 is October
    revenue = by_code(f.charts["revenue"])
    assert (revenue["2026-01"], revenue["2026-05"], revenue["2026-07"]) == (2000, 8000, 10000)
    assert revenue["2026-08"] == 5000 and revenue["2026-09"] == 0
    ranking = f.charts["ranking"]
    ann = ranking.categories.index(str(office.users["ann"]))
    # D1 (D4 in USD: a deal won, no revenue); calls on C1 twice; T1 (T9 deleted).
    assert tuple(se.values[ann] for se in ranking.series) == (10000, 2, 2, 1)
    by_category = f.charts["tickets_by_category"]
    assert by_code(by_category) == {
        "complaint": 1, "question": 2, "request": 2, "fault": 2,
    }  # fmt: skip


def test_the_filters_select_the_records_of_those_people(office: Office) -> None:
    """The team's figures add the members' own; the owner's are that person's records only."""
    whole = compute(office.db, Scope(*Q3))
    teams = [compute(office.db, Scope(*Q3, team_id=t)) for t in office.teams.values()]
    bo = compute(office.db, Scope(*Q3, owner_id=office.users["bo"]))
    ann = compute(office.db, Scope(*Q3, owner_id=office.users["ann"]))
    north = teams[0]
    for key in ("customers", "new_customers", "revenue_won", "pipeline_value"):
        assert north.kpis[key].value == pytest.approx(ann.kpis[key].value + bo.kpis[key].value)
    # Records of nobody (C12, its ticket T8, an interaction without author) only count for all.
    for key in ("customers", "new_customers", "revenue_won", "pipeline_value"):
        total = sum(t.kpis[key].value for t in teams)
        assert total <= whole.kpis[key].value
    assert whole.kpis["customers"].value == sum(t.kpis["customers"].value for t in teams) + 1
    # Bo's customer C3 was called by Ann in Q2: an interaction counts for its author.
    assert bo.kpis["active_customers"].previous == 1  # C9 (Bo's own call)
    assert ann.kpis["active_customers"].previous == 1  # C3
    # Orders follow their customer's owner: C3's orders are Bo's.
    assert bo.kpis["repeat_rate"].previous == pytest.approx(1 / 2)  # C4 of C3, C4


def test_the_team_ranking_adds_up_its_members(office: Office) -> None:
    f = compute(office.db, Scope(*Q3))
    chart = team_ranking(f.charts["ranking"], {v: k for k, v in office.teams.items()})
    members = hand_charts(*Q3, None)["ranking"]
    expected = {
        str(office.teams[team]): tuple(
            sum(col) for col in zip(*(members[u] for u in people if u in members), strict=True)
        )
        for team, people in TEAMS.items()
    }
    got = {
        code: tuple(se.values[i] for se in chart.series) for i, code in enumerate(chart.categories)
    }
    assert got == expected
    for se in chart.series:
        for value, drill in zip(se.values, se.drills, strict=True):
            assert drill is not None
            assert drill_figure(office.db, drill) == pytest.approx(value), se.key


# ---------------------------------------------------------------------------------------------
# Drill-down lists hold the records each figure counted


KPI_DRILL_ENTITY = {
    "customers": "customer", "new_customers": "customer", "active_customers": "customer",
    "churn_rate": "customer", "revenue_won": "deal", "pipeline_value": "deal",
    "avg_ltv": "customer", "repeat_rate": "customer", "csat": "ticket", "nps": "ticket",
    "first_response": "ticket", "resolution_rate": "ticket",
}  # fmt: skip


# The KPIs that are a count or a sum of their list; the others are ratios and averages.
TOTALS = ("customers", "new_customers", "active_customers", "revenue_won", "pipeline_value")


def all_drills(figures: Figures) -> list[tuple[str, Drill, float]]:
    out: list[tuple[str, Drill, float]] = []
    for ch in figures.charts.values():
        for se in ch.series:
            for i, (value, drill) in enumerate(zip(se.values, se.drills, strict=True)):
                assert drill is not None, (ch.key, se.key, i)
                out.append((f"{ch.key}/{se.key}/{ch.categories[i]}", drill, value))
    return out


def test_every_drill_adds_up_to_its_figure(office: Office) -> None:
    for name, scope, people in filters(office):
        figures = compute(office.db, scope)
        for key, kpi in figures.kpis.items():
            assert kpi.drill is not None and kpi.drill.entity == KPI_DRILL_ENTITY[key], key
            # Counts and money: the list is the figure. Ratios and averages: the list is the
            # population the definition names (see docs/metrics.md).
            want = hand(key, *Q3, people).drill
            assert drill_figure(office.db, kpi.drill) == pytest.approx(want), (name, key)
            if key in TOTALS:
                assert drill_figure(office.db, kpi.drill) == pytest.approx(kpi.value), key
        for where, drill, value in all_drills(figures):
            assert drill_figure(office.db, drill) == pytest.approx(value), (name, where)


def test_drill_pages_list_the_counted_records_and_never_deleted_ones(office: Office) -> None:
    figures = compute(office.db, Scope(*Q3))
    drills = [k.drill for k in figures.kpis.values()] + [d for _, d, _ in all_drills(figures)]
    for drill in drills:
        assert drill is not None
        rows = drill_page(office.db, drill, limit=1000)
        assert len(rows) == drill_count(office.db, drill)
        assert not {r.id for r in rows} & office.deleted[drill.entity], drill
    july = figures.charts["growth"].series[0].drills[MONTHS.index(dt.date(2026, 7, 1))]
    june = figures.charts["growth"].series[0].drills[MONTHS.index(dt.date(2026, 6, 1))]
    assert july is not None and june is not None
    assert office.ids["C5"] in {r.id for r in drill_page(office.db, july)}
    assert office.ids["C6"] in {r.id for r in drill_page(office.db, june)}
    new = figures.kpis["new_customers"].drill
    assert new is not None
    assert {r.cells[0] for r in drill_page(office.db, new)} == {"C5", "C7", "C8", "C9", "C11"}


# ---------------------------------------------------------------------------------------------
# Edge cases


def test_a_period_without_records_counts_zero_and_has_no_ratios(office: Office) -> None:
    f = compute(office.db, Scope(dt.date(2024, 1, 1), dt.date(2024, 4, 1)))
    for key in ("customers", "new_customers", "active_customers", "revenue_won",
                "pipeline_value"):  # fmt: skip
        assert f.kpis[key].value == 0 and f.kpis[key].previous == 0, key
        assert f.kpis[key].change is None, key  # no relative change from zero
    for key in ("churn_rate", "avg_ltv", "repeat_rate", "csat", "nps", "first_response",
                "resolution_rate"):  # fmt: skip
        assert f.kpis[key].value is None and f.kpis[key].change is None, key
        assert set(f.kpis[key].spark) == {None}, key
    assert f.charts["ranking"].categories == ()
    assert f.charts["channels"].categories == ()
    assert set(f.charts["funnel"].series[0].values) == {0}
    assert f.charts["funnel"].extra["conversion"][1:] == (None,) * 4


def test_an_empty_database(database: Database) -> None:
    f = compute(database, Scope(*Q3), workers=1)
    assert f.kpis["customers"].value == 0 and f.kpis["churn_rate"].value is None
    assert all(v == 0 for v in f.charts["tickets_by_category"].series[0].values)


def test_kpi_change() -> None:
    def kpi(unit: str, value: float | None, previous: float | None) -> Kpi:
        return Kpi("x", unit, value, previous, ())

    assert kpi("count", 12, 10).change == pytest.approx(0.2)
    assert kpi("money", 50, 100).change == pytest.approx(-0.5)
    assert kpi("count", 5, 0).change is None
    assert kpi("count", 0, 0).change is None
    assert kpi("ratio", 0.25, 0.4).change == pytest.approx(-0.15)  # points, not relative
    assert kpi("ratio", 0.1, 0).change == pytest.approx(0.1)
    assert kpi("score", 4.5, 4.0).change == pytest.approx(0.5)
    assert kpi("nps", -20, 10).change == pytest.approx(-30)
    assert kpi("seconds", 600, 900).change == pytest.approx(-300)
    assert kpi("ratio", None, 0.4).change is None
    assert kpi("score", 4, None).change is None


# ---------------------------------------------------------------------------------------------
# Periods


@pytest.mark.parametrize(
    ("kind", "today", "expected"),
    [
        ("month", dt.date(2026, 8, 17), (dt.date(2026, 8, 1), dt.date(2026, 9, 1))),
        ("month", dt.date(2026, 12, 31), (dt.date(2026, 12, 1), dt.date(2027, 1, 1))),
        ("quarter", dt.date(2026, 8, 17), Q3),
        ("quarter", dt.date(2026, 12, 1), (dt.date(2026, 10, 1), dt.date(2027, 1, 1))),
        ("quarter", dt.date(2026, 1, 1), (dt.date(2026, 1, 1), dt.date(2026, 4, 1))),
        ("year", dt.date(2026, 8, 17), (dt.date(2026, 1, 1), dt.date(2027, 1, 1))),
        ("last12", dt.date(2026, 8, 17), (dt.date(2025, 9, 1), dt.date(2026, 9, 1))),
        ("last12", dt.date(2026, 12, 5), (dt.date(2026, 1, 1), dt.date(2027, 1, 1))),
    ],
)
def test_period_dates(kind: str, today: dt.date, expected: tuple[dt.date, dt.date]) -> None:
    assert period_dates(kind, today) == expected
    assert period_dates(PeriodKind(kind), today) == expected


def test_custom_period_dates() -> None:
    first, last = dt.date(2026, 3, 5), dt.date(2026, 3, 20)
    assert period_dates("custom", first, (first, last)) == (first, dt.date(2026, 3, 21))
    assert period_dates("custom", first, (last, first)) == (first, dt.date(2026, 3, 21))
    with pytest.raises(ValueError):
        period_dates("custom", first)
    with pytest.raises(ValueError):
        period_dates("fortnight", first)


def test_previous_period_and_months() -> None:
    def prev(a: dt.date, b: dt.date) -> tuple[dt.date, dt.date]:
        p = Scope(a, b).previous()
        return p.start, p.end

    assert prev(*Q3) == Q2
    assert prev(dt.date(2026, 1, 1), dt.date(2026, 2, 1)) == (
        dt.date(2025, 12, 1), dt.date(2026, 1, 1))  # fmt: skip
    assert prev(dt.date(2026, 3, 1), dt.date(2026, 4, 1)) == (
        dt.date(2026, 2, 1), dt.date(2026, 3, 1))  # a month, not 31 days  # fmt: skip
    assert prev(dt.date(2026, 1, 1), dt.date(2027, 1, 1)) == (
        dt.date(2025, 1, 1), dt.date(2026, 1, 1))  # fmt: skip
    assert prev(dt.date(2026, 3, 5), dt.date(2026, 3, 21)) == (
        dt.date(2026, 2, 17), dt.date(2026, 3, 5))  # 16 days  # fmt: skip
    scope = Scope(*Q3, team_id=3)
    assert scope.previous().team_id == 3 and scope.previous().timezone == scope.timezone

    assert Scope(*Q3).months() == MONTHS
    two_years = Scope(dt.date(2025, 1, 1), dt.date(2027, 1, 1)).months()
    assert len(two_years) == 24 and two_years[0] == dt.date(2025, 1, 1)
    days = Scope(dt.date(2026, 3, 5), dt.date(2026, 3, 21)).months()
    assert days[0] == dt.date(2025, 4, 1) and days[-1] == dt.date(2026, 3, 1)


def test_the_period_starts_at_midnight_in_the_office_zone() -> None:
    scope = Scope(*Q3)
    assert scope.utc_start == utc(2026, 6, 30, 16)
    assert scope.utc_end == utc(2026, 9, 30, 16)
    assert Scope(*Q3, timezone="Europe/Berlin").utc_start == utc(2026, 6, 30, 22)
    assert Scope(*Q3, timezone="No/Such_Zone").utc_start == utc(2026, 7, 1, 0)
    assert scope.month_bounds()[0] == utc(2025, 9, 30, 16)
    assert len(scope.month_bounds()) == 13


# ---------------------------------------------------------------------------------------------
# docs/metrics.md repeats DEFINITIONS


def _metrics_doc() -> Callable[[str], str]:
    spec = importlib.util.spec_from_file_location("crmdesk_tools_metrics_doc",
                                                  ROOT / "tools" / "metrics_doc.py")  # fmt: skip
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render  # type: ignore[no-any-return]


def test_docs_metrics_is_current() -> None:
    text = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    assert _metrics_doc()(text) == text, "run: .venv/bin/python tools/metrics_doc.py"
    for key, definition in DEFINITIONS.items():
        assert f"`{key}`" in text and definition in text, key
