"""Bulk service tickets for scale tests: a million tickets, a few thousand of them open.

Open tickets get their whole history, as the office demo does (a step row per status with
deadline and business seconds, an event per move, pause and missed deadline; some waiting for
the customer, some overdue now). A closed ticket carries its figures on the row (response
and resolution times, breached, CSAT/NPS) and, to keep a million of them quick to write, only
the step row of its closing (what the board's closed column and the revisit figures read);
``full_history=True`` writes every step and event of the closed ones too.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, insert, select

from crmdesk.models import Customer, Team, Ticket, TicketEvent, TicketStep, User
from crmdesk.services.business_time import OfficeCalendar, SlaPolicy, SlaStep
from crmdesk.services.core import Database
from crmdesk.services.demo.common import (
    BATCH,
    TICKET_FLOW,
    CancelCheck,
    Progress,
    _checker,
    _fix_sequences,
    _max_ids,
    _person,
    _raw_insert,
    _timestamp_for,
)
from crmdesk.services.demo.data import Words, words_for
from crmdesk.services.demo.service_desk import (
    WAITING_STATUSES,
    HistoryPlan,
    HistoryPlanner,
    taken_ticket_numbers,
)

_TICKET_COLUMNS = (
    "id", "number", "customer_id", "category", "priority", "status", "channel", "title",
    "solution", "assignee_id", "team_id", "reported_at", "created_by_id", "due_at", "breached",
    "step_started_at", "waiting_since", "remaining_seconds", "first_response_at",
    "first_response_seconds", "resolution_seconds", "resolved_at", "closed_at", "csat", "nps",
    "feedback", "version", "created_at", "updated_at",
)  # fmt: skip
_STEP_COLUMNS = (
    "id", "ticket_id", "status", "entered_at", "left_at", "due_at", "breached",
    "business_seconds", "paused_seconds", "user_id",
)  # fmt: skip
_EVENT_COLUMNS = ("id", "ticket_id", "at", "user_id", "kind", "from_value", "to_value", "comment")
_TABLES = ("ticket", "ticket_step", "ticket_event")
_CATEGORIES = ("question",) * 8 + ("request",) * 5 + ("fault",) * 4 + ("complaint",) * 3
_PRIORITIES = ("normal",) * 11 + ("high",) * 4 + ("low",) * 3 + ("urgent",) * 2
_OPEN_STATUSES = (
    ("registered",) * 2
    + ("assigned",) * 5
    + ("solution",) * 3
    + (("informed",) * 4 + ("resolved",) * 6)
)
TEAMS = 4
AGENTS_PER_TEAM = 12


def _service_staff(
    conn: Connection, rng: random.Random, words: Words, now: dt.datetime
) -> tuple[int, list[tuple[int, int]], dict[int, str]]:
    """A service director, four teams each with a lead (the team's manager) and twelve agents:
    (director id, [(agent id, team id)], names). Reuses them when they exist (by username)."""
    team_t, user_t = Team.__table__, User.__table__
    ids = _max_ids(conn, [team_t, user_t])
    users = {n: i for i, n in conn.execute(select(user_t.c.id, user_t.c.username))}
    teams = {n: i for i, n in conn.execute(select(team_t.c.id, team_t.c.name))}
    domain = "example.cn" if words.chinese else "example.com"

    def user(username: str, role: str, team: int | None, superior: int | None) -> int:
        if username in users:
            return users[username]
        ids["app_user"] += 1
        name, _ = _person(rng, words)
        conn.execute(
            insert(user_t),
            [
                {
                    "id": ids["app_user"],
                    "username": username,
                    "display_name": name,
                    "email": f"{username}@{domain}",
                    "role": role,
                    "team_id": team,
                    "superior_id": superior,
                    "active": True,
                    "password_hash": None,
                    "created_at": now - dt.timedelta(days=800),
                }
            ],
        )
        users[username] = ids["app_user"]
        return ids["app_user"]

    director = user("svc_director", "service_director", None, None)
    agents: list[tuple[int, int]] = []
    for n in range(1, TEAMS + 1):
        name = f"{words.team_service}{n}" + ("组" if words.chinese else "")
        if name not in teams:
            ids["team"] += 1
            teams[name] = ids["team"]
            conn.execute(insert(team_t), [{"id": teams[name], "name": name, "manager_id": None}])
        team = teams[name]
        lead = user(f"svc_lead_{n}", "service_agent", team, director)
        conn.execute(
            team_t.update()
            .where(team_t.c.id == team, team_t.c.manager_id.is_(None))
            .values(manager_id=lead)
        )
        for k in range(1, AGENTS_PER_TEAM + 1):
            agents.append((user(f"svc_agent_{n}_{k:02d}", "service_agent", team, lead), team))
    _fix_sequences(conn, [team_t, user_t])
    names = dict(conn.execute(select(user_t.c.id, user_t.c.display_name)).all())
    return director, agents, names


def _drop_indexes(conn: Connection) -> list[tuple[str, str]]:
    """On SQLite, drop the tickets' non-unique indexes (rebuilt once at the end: building an
    index over sorted keys beats a million random inserts into it)."""
    if conn.dialect.name != "sqlite":
        return []
    names = ", ".join(f"'{t}'" for t in _TABLES)
    deferred = list(
        conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({names})"
        ).all()
    )
    for index_name, _sql in deferred:
        conn.exec_driver_sql(f'DROP INDEX "{index_name}"')
    return deferred


class _Writer:
    """Turns plans into driver-ready tuples and writes them in batches."""

    def __init__(
        self,
        conn: Connection,
        words: Words,
        rng: random.Random,
        calendar: OfficeCalendar,
        agents: list[tuple[int, int]],
        director: int,
        names: dict[int, str],
    ) -> None:
        self.rng = rng
        self.w = words
        self.zone = calendar.zone
        self.agents = agents
        self.director = director
        self.names = names
        self.stamp = _timestamp_for(conn)
        self.ids = _max_ids(conn, [Ticket.__table__, TicketStep.__table__, TicketEvent.__table__])
        self.numbers: dict[int, int] = {}
        self.tickets: list[tuple[Any, ...]] = []
        self.steps: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        self.put = {
            "ticket": _raw_insert(conn, "ticket", _TICKET_COLUMNS),
            "ticket_step": _raw_insert(conn, "ticket_step", _STEP_COLUMNS),
            "ticket_event": _raw_insert(conn, "ticket_event", _EVENT_COLUMNS),
        }

    def number(self, created: dt.datetime) -> str:
        year = created.astimezone(self.zone).year
        n = self.numbers[year] = self.numbers.get(year, 0) + 1
        return f"T-{year}-{n:06d}"

    def stamp_or_none(self, moment: dt.datetime | None) -> Any:
        return None if moment is None else self.stamp(moment)

    def satisfaction(self) -> tuple[int | None, int | None, str | None]:
        rng, w = self.rng, self.w
        if rng.random() >= 0.65:
            return None, None, None
        csat = rng.choices((5, 4, 3, 2, 1), (45, 30, 12, 8, 5))[0]
        nps = None
        if rng.random() < 0.75:
            nps = {5: rng.randint(9, 10), 4: rng.randint(7, 9), 3: rng.randint(5, 7)}.get(
                csat, rng.randint(0, 6)
            )
        feedback = None
        if rng.random() < 0.3:
            feedback = rng.choice(w.feedback_good if csat >= 4 else w.feedback_bad)
        return csat, nps, feedback

    def ticket(
        self,
        customer_id: int,
        category: str,
        priority: str,
        plan: HistoryPlan,
        *,
        full: bool,
    ) -> None:
        rng, w, s = self.rng, self.w, self.stamp_or_none
        self.ids["ticket"] += 1
        tid = self.ids["ticket"]
        registrar = rng.choice(self.agents)[0]
        agent, team = rng.choice(self.agents)
        status = plan.status
        reached = TICKET_FLOW.index(status)
        assignee = agent if reached >= 1 else None
        title = rng.choice(w.tickets[category])
        solution = rng.choice(w.solutions) if reached >= 2 else None
        csat = nps = feedback = None
        if status == "closed":
            csat, nps, feedback = self.satisfaction()
        updated = plan.updated
        if full:
            events = self.history(tid, plan, registrar, assignee, solution, feedback)
            updated = max(updated, events[-1][2]) if events else updated
            self.events.extend((*e[:2], s(e[2]), *e[3:]) for e in events)
        last = len(plan.steps) - 1
        for i, st in enumerate(plan.steps):
            if not full and i < last:
                continue
            self.ids["ticket_step"] += 1
            self.steps.append(
                (self.ids["ticket_step"], tid, st.status, s(st.entered), s(st.left), s(st.due),
                 st.breached, st.business_seconds, st.paused_seconds,
                 assignee if i >= 1 else None)
            )  # fmt: skip
        self.tickets.append(
            (tid, self.number(plan.created), customer_id, category, priority, status,
             rng.choice(w.ticket_channels), title, solution, assignee, team, s(plan.reported),
             registrar, s(plan.due_at), plan.breached, s(plan.current.entered),
             s(plan.waiting_since), plan.remaining_seconds, s(plan.first_response_at),
             plan.first_response_seconds, plan.resolution_seconds, s(plan.resolved_at),
             s(plan.closed_at), csat, nps, feedback, 1, s(plan.created), s(updated))
        )  # fmt: skip

    def history(
        self,
        tid: int,
        plan: HistoryPlan,
        registrar: int,
        assignee: int | None,
        solution: str | None,
        feedback: str | None,
    ) -> list[tuple[Any, ...]]:
        """The ticket's events in time order: (id, ticket, at, user, kind, from, to, comment)."""
        out: list[tuple[Any, ...]] = [
            (tid, plan.created, registrar, "created", None, "registered", None)
        ]
        if plan.register_late:
            out.append(
                (tid, plan.register_due, None, "sla_breach", None, SlaStep.REGISTER.value, None)
            )
        flow = [st.status for st in plan.steps]
        for i, st in enumerate(plan.steps):
            worker = assignee if i >= 1 else None
            if st.pause is not None:
                out.append((tid, st.pause[0], worker, "waiting", None, None, None))
                out.append((tid, st.pause[1], worker, "resumed", None, None, None))
            if st.left is None:
                continue
            if st.breached:
                out.append((tid, st.due, None, "sla_breach", st.status, st.sla_step, None))
            after = flow[i + 1]
            if i == 0:
                name = self.names.get(assignee) if assignee is not None else None
                out.append((tid, st.left, self.director, "assigned", None, name, None))
            comment = {"resolved": solution, "closed": feedback}.get(after)
            user = self.director if i == 0 else assignee
            out.append((tid, st.left, user, "status", st.status, after, comment))
        if plan.waiting_since is not None:
            out.append((tid, plan.waiting_since, assignee, "waiting", None, None, None))
        out.sort(key=lambda e: e[1])
        events = []
        for e in out:
            self.ids["ticket_event"] += 1
            events.append((self.ids["ticket_event"], *e))
        return events

    def flush(self) -> None:
        self.put["ticket"](self.tickets)
        self.put["ticket_step"](self.steps)
        self.put["ticket_event"](self.events)
        self.tickets, self.steps, self.events = [], [], []


def add_bulk_tickets(
    conn: Connection,
    tickets: int,
    *,
    now: dt.datetime,
    calendar: OfficeCalendar,
    policy: SlaPolicy,
    lang: str = "zh_CN",
    seed: int = 1,
    open_tickets: int = 5_000,
    full_history: bool = False,
    progress: Progress | None = None,
    check: Callable[[], None] = lambda: None,
) -> int:
    """Write ``tickets`` tickets for the existing customers on ``conn`` (in its transaction):
    ``open_tickets`` of them open now, the rest closed over the last two years."""
    if tickets <= 0:
        return 0
    words = words_for(lang)
    rng = random.Random(seed)
    planner = HistoryPlanner(calendar, policy, random.Random(seed + 1))
    cust_t = Customer.__table__
    customers = list(conn.scalars(select(cust_t.c.id).where(cust_t.c.deleted_at.is_(None))))
    if not customers:
        return 0
    director, agents, names = _service_staff(conn, rng, words, now)
    deferred = _drop_indexes(conn)
    writer = _Writer(conn, words, rng, calendar, agents, director, names)
    writer.numbers = taken_ticket_numbers(conn, range(now.year - 3, now.year + 1))
    open_tickets = min(open_tickets, tickets)
    closed = tickets - open_tickets
    start, span = now - dt.timedelta(days=730), dt.timedelta(days=728)
    done = 0
    for i in range(closed):
        category, priority = rng.choice(_CATEGORIES), rng.choice(_PRIORITIES)
        # Closing moments spread evenly over two years, so ids grow with time as in real life.
        anchor = start + span * ((i + rng.random()) / closed)
        if full_history:
            plan = planner.plan("closed", priority, anchor, now, reported=rng.random() < 0.7)
        else:
            plan = planner.closed_summary(priority, anchor)
        writer.ticket(rng.choice(customers), category, priority, plan, full=full_history)
        done += 1
        if done % BATCH == 0:
            check()
            writer.flush()
            if progress is not None:
                progress(done, tickets)
    for i in range(open_tickets):
        category, priority = rng.choice(_CATEGORIES), rng.choice(_PRIORITIES)
        status = rng.choice(_OPEN_STATUSES)
        waiting = status in WAITING_STATUSES and rng.random() < 0.1
        plan = planner.plan(
            status,
            priority,
            now,
            now,
            overdue=not waiting and rng.random() < 0.12,
            waiting=waiting,
            reported=rng.random() < 0.7,
        )
        writer.ticket(rng.choice(customers), category, priority, plan, full=True)
        done += 1
        if done % BATCH == 0 or i == open_tickets - 1:
            check()
            writer.flush()
            if progress is not None:
                progress(done, tickets)
    writer.flush()
    for _name, sql in deferred:
        check()
        conn.exec_driver_sql(sql)
    _fix_sequences(conn, [Ticket.__table__, TicketStep.__table__, TicketEvent.__table__])
    return tickets


def generate_bulk_tickets(
    db: Database,
    tickets: int,
    *,
    lang: str = "zh_CN",
    seed: int = 1,
    open_tickets: int = 5_000,
    full_history: bool = False,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> int:
    """Add ``tickets`` service tickets (``open_tickets`` of them open) to the customers in
    ``db``, with a service director and four teams of agents, in one transaction; returns how
    many. Deadlines use the office calendar and SLA policy stored in ``db``."""
    from crmdesk.services.service_settings import load_calendar, load_policy

    calendar, policy = load_calendar(db), load_policy(db)
    now = db.now()
    with db.write() as s:
        return add_bulk_tickets(
            s.connection(),
            tickets,
            now=now,
            calendar=calendar,
            policy=policy,
            lang=lang,
            seed=seed,
            open_tickets=open_tickets,
            full_history=full_history,
            progress=progress,
            check=_checker(cancel),
        )
