"""The demo office's service desk: tickets with their whole workflow, revisits, the knowledge base.

:class:`TicketMaker` is the part of the demo generator (crmdesk.services.demo.office._Demo) that
writes a customer's tickets: each one's steps, deadlines, events, figures and revisit task come
from a :class:`~crmdesk.services.demo.service_desk.HistoryPlanner` plan in the office's business
time, as crmdesk.services.tickets would have recorded them live.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, insert, select

from crmdesk.models import KbArticle, Setting
from crmdesk.services.business_time import OfficeCalendar
from crmdesk.services.demo.common import TICKET_FLOW, _pick
from crmdesk.services.demo.data import Words
from crmdesk.services.demo.knowledge import demo_articles, demo_links
from crmdesk.services.demo.service_desk import WAITING_STATUSES, HistoryPlan, HistoryPlanner
from crmdesk.services.knowledge import article_values
from crmdesk.services.service_settings import CALENDAR_KEY

CATEGORIES = (("question", 40), ("request", 25), ("fault", 20), ("complaint", 15))
PRIORITIES = (("normal", 55), ("high", 20), ("low", 15), ("urgent", 10))
TICKET_STATUS = (
    ("registered", 6), ("assigned", 8), ("solution", 5), ("informed", 5),
    ("resolved", 10), ("closed", 66),
)  # fmt: skip


class TicketMaker:
    """Mixed into the demo generator, which provides these attributes."""

    rng: random.Random
    w: Words
    now: dt.datetime
    ids: Any
    rows: Any
    staff: dict[str, Any]
    service_team_id: int
    ticket_n: int
    planner: HistoryPlanner
    waiting_n: int
    overdue_n: int
    # (ticket row, owner, due, done): revisit tasks, made once the tickets are numbered.
    revisits: list[tuple[dict[str, Any], int | None, Any, Any]]
    # Demo ticket title -> the id of the knowledge-base article that answers it.
    article_for: dict[str, int]

    # A moment in office hours between two others (never after now).
    at: Callable[[dt.datetime, dt.datetime], dt.datetime]

    def tickets(
        self,
        cid: int,
        stage: str,
        owner: int | None,
        contacts: list[dict[str, Any]],
        created: dt.datetime,
        active_end: dt.datetime,
    ) -> None:
        rng = self.rng
        share = 0.03 if stage == "prospect" else 0.35
        if rng.random() >= share:
            return
        for _ in range(rng.randint(1, 3)):
            if stage == "churned":
                status = "closed"
            else:
                # The first tickets take each status in turn, so a small demo shows them all.
                status = (
                    TICKET_FLOW[self.ticket_n]
                    if self.ticket_n < len(TICKET_FLOW)
                    else _pick(rng, TICKET_STATUS)
                )
                self.ticket_n += 1
            self.ticket(cid, owner, status, rng.choice(contacts), created, active_end)

    def _plan(
        self, status: str, priority: str, created: dt.datetime, active_end: dt.datetime
    ) -> HistoryPlan | None:
        """A history for a ticket of a customer registered at ``created``, or None if the
        customer is too new for one that started after them."""
        rng, planner = self.rng, self.planner
        if status == "closed":
            # Closed some time in the customer's active years, at least three weeks in.
            lo, hi = created + dt.timedelta(days=21), min(active_end, self.now) - dt.timedelta(1)
            if hi <= lo:
                status = _pick(rng, TICKET_STATUS[:-1])
            else:
                plan = planner.plan(
                    status, priority, self.at(lo, hi), self.now, reported=rng.random() < 0.7
                )
                return plan if plan.created >= created else None
        # The first open tickets include one waiting for the customer and one overdue (red on
        # the board); after that about one in eight of each.
        waiting = status in WAITING_STATUSES and (not self.waiting_n or rng.random() < 0.12)
        overdue = not waiting and (not self.overdue_n or rng.random() < 0.15)
        plan = planner.plan(
            status,
            priority,
            self.now,
            self.now,
            overdue=overdue,
            waiting=waiting,
            reported=rng.random() < 0.7,
        )
        if plan.created < created:
            return None
        self.waiting_n += plan.waiting_since is not None
        self.overdue_n += plan.overdue
        return plan

    def ticket(
        self,
        cid: int,
        owner: int | None,
        status: str,
        contact: dict[str, Any],
        created: dt.datetime,
        active_end: dt.datetime,
    ) -> None:
        """One ticket with its steps, events, revisit task and linked articles, consistent
        with the workflow in business time (crmdesk.services.tickets does the same live)."""
        rng, w = self.rng, self.w
        category = _pick(rng, CATEGORIES)
        priority = _pick(rng, PRIORITIES)
        if category == "complaint" and priority in ("low", "normal") and rng.random() < 0.6:
            priority = "high"
        plan = self._plan(status, priority, created, active_end)
        if plan is None:
            return
        status = plan.status
        tid = self.ids.next("ticket")
        title = rng.choice(w.tickets[category])
        reached = TICKET_FLOW.index(status)
        agents = self.staff["service_agents"]
        director = self.staff["service_director"]
        names = self.staff["names"]
        assignee = rng.choice(agents) if reached >= 1 else None
        registrar = rng.choice(agents)
        solution = rng.choice(w.solutions) if reached >= 2 else None
        events: list[dict[str, Any]] = []

        def event(
            at: dt.datetime,
            kind: str,
            user: int | None,
            old: str | None = None,
            new: str | None = None,
            comment: str | None = None,
        ) -> None:
            events.append(
                {
                    "ticket_id": tid,
                    "at": at,
                    "user_id": user,
                    "kind": kind,
                    "from_value": old,
                    "to_value": new,
                    "comment": comment,
                }
            )

        event(plan.created, "created", registrar, None, "registered")
        if plan.register_late:
            assert plan.register_due is not None
            event(plan.register_due, "sla_breach", None, None, "register")
        csat = nps = feedback = None
        if status == "closed" and rng.random() < 0.8:
            csat = rng.choices((5, 4, 3, 2, 1), (45, 30, 12, 8, 5))[0]
            if rng.random() < 0.75:
                nps = {5: rng.randint(9, 10), 4: rng.randint(7, 9), 3: rng.randint(5, 7)}.get(
                    csat, rng.randint(0, 6)
                )
            if rng.random() < 0.6:
                feedback = rng.choice(w.feedback_good if csat >= 4 else w.feedback_bad)
        for i, step in enumerate(plan.steps):
            worker = assignee if i >= 1 else None
            self.rows.steps.append(
                {
                    "id": self.ids.next("ticket_step"),
                    "ticket_id": tid,
                    "status": step.status,
                    "entered_at": step.entered,
                    "left_at": step.left,
                    "due_at": step.due,
                    "breached": step.breached,
                    "business_seconds": step.business_seconds,
                    "paused_seconds": step.paused_seconds,
                    "user_id": worker,
                }
            )
            if step.pause is not None:
                event(step.pause[0], "waiting", worker)
                event(step.pause[1], "resumed", worker)
            if step.left is None:
                continue
            if step.breached:
                assert step.due is not None
                event(step.due, "sla_breach", None, step.status, step.sla_step)
            if i >= 1 and rng.random() < 0.4:
                middle = step.entered + (step.left - step.entered) / 2
                event(middle, "comment", worker, comment=rng.choice(w.ticket_comments))
            after = TICKET_FLOW[i + 1]
            if i == 0:
                assert assignee is not None
                event(step.left, "assigned", director, None, names.get(assignee))
            comment = {"resolved": solution, "closed": feedback}.get(after)
            event(
                step.left, "status", director if i == 0 else assignee, step.status, after, comment
            )
        if plan.waiting_since is not None:
            event(plan.waiting_since, "waiting", assignee)
        events.sort(key=lambda e: e["at"])
        for e in events:
            e["id"] = self.ids.next("ticket_event")
        self.rows.events.extend(events)
        row = {
            "id": tid,
            "number": "",  # numbered by time once every ticket is made
            "customer_id": cid,
            "contact_id": contact["id"],
            "category": category,
            "priority": priority,
            "status": status,
            "channel": rng.choice(w.ticket_channels),
            "title": title,
            "description": f"{contact['name']}: {title}",
            "solution": solution,
            "assignee_id": assignee,
            "team_id": self.service_team_id,
            "reported_at": plan.reported,
            "interaction_id": None,
            "created_by_id": registrar,
            "due_at": plan.due_at,
            "breached": plan.breached,
            "step_started_at": plan.current.entered,
            "waiting_since": plan.waiting_since,
            "remaining_seconds": plan.remaining_seconds,
            "first_response_at": plan.first_response_at,
            "first_response_seconds": plan.first_response_seconds,
            "resolution_seconds": plan.resolution_seconds,
            "resolved_at": plan.resolved_at,
            "closed_at": plan.closed_at,
            "csat": csat,
            "nps": nps,
            "feedback": feedback,
            "deleted_at": None,
            "version": 1,
            "created_at": plan.created,
            "updated_at": events[-1]["at"],
        }
        self.rows.tickets.append(row)
        if reached >= 4:
            # Resolving planned a revisit for the customer's owner, due with the REVISIT step.
            revisit = plan.steps[4]
            self.revisits.append((row, owner or assignee, revisit.due, plan.closed_at))
        article = self.article_for.get(title)
        if article is not None and reached >= 2 and rng.random() < 0.7:
            self.rows.ticket_articles.append({"ticket_id": tid, "article_id": article})

    def finish_tickets(self, taken: dict[int, int]) -> None:
        """Number the tickets in the order they were registered, as the office would have
        (T-<year>-000001 per year of the office calendar, after the numbers ``taken`` per year),
        and add the revisit tasks that carry those numbers."""
        zone = self.planner.cal.zone
        counters = dict(taken)
        for row in sorted(self.rows.tickets, key=lambda r: (r["created_at"], r["id"])):
            year = row["created_at"].astimezone(zone).year
            counters[year] = counters.get(year, 0) + 1
            row["number"] = f"T-{year}-{counters[year]:06d}"
        for row, owner, due, done in self.revisits:
            resolved = row["resolved_at"]
            self.rows.tasks.append(
                {
                    "id": self.ids.next("task"),
                    "kind": "revisit",
                    "title": f"{row['number']} {row['title']}"[:200],
                    "notes": row["solution"],
                    "customer_id": row["customer_id"],
                    "deal_id": None,
                    "interaction_id": None,
                    "due_at": due,
                    "assignee_id": owner,
                    "created_by_id": row["assignee_id"],
                    "done_at": done,
                    "deleted_at": None,
                    "version": 1,
                    "created_at": resolved,
                    "updated_at": done or resolved,
                }
            )


# The English demo office is in the US (its phone numbers and office hours say so).
_EN_CALENDAR = OfficeCalendar(timezone="America/New_York")


def office_calendar(conn: Connection, words: Words) -> OfficeCalendar | None:
    """The calendar the demo's tickets are timed in: the one saved in the database; for the
    English demo without one, a US office's (saved, so the app counts the same hours). None:
    use the default the app falls back to."""
    stored = conn.scalar(select(Setting.__table__.c.value).where(Setting.key == CALENDAR_KEY))
    if stored is not None or words.chinese:
        return None
    conn.execute(
        insert(Setting.__table__), [{"key": CALENDAR_KEY, "value": _EN_CALENDAR.to_json()}]
    )
    return _EN_CALENDAR


def articles(conn: Connection, gen: TicketMaker, lang: str, now: dt.datetime) -> None:
    """The demo's knowledge base (reusing articles of the same title), and which article
    answers which demo ticket title."""
    t = KbArticle.__table__
    existing = {
        title: aid
        for aid, title in conn.execute(select(t.c.id, t.c.title).where(t.c.deleted_at.is_(None)))
    }
    ids: list[int] = []
    author = gen.staff["service_director"]
    for i, data in enumerate(demo_articles(lang)):
        aid = existing.get(data.title.strip())
        if aid is None:
            aid = gen.ids.next("kb_article")
            # Written over the two years (no random draw: a rerun makes the same customers).
            when = now - dt.timedelta(days=700 - 45 * i, hours=3 * i)
            row = article_values(data, now=when, user_id=author)
            gen.rows.articles.append({"id": aid, **row})
        ids.append(aid)
    gen.article_for = {title: ids[i] for title, i in demo_links(lang).items() if i < len(ids)}
