"""Generated ticket histories that follow the service-desk workflow in business time.

:class:`HistoryPlanner` decides how long each step of a ticket took, in business seconds of the
office calendar under the SLA policy, and lays the steps out backwards from an anchor (now for
an open ticket, the closing moment for a closed one) with ``OfficeCalendar.add``. Working in
business seconds keeps every recorded figure consistent with the deadlines: a step is late
exactly when it took longer than its target, the resolution time is the sum of the steps
before it, a pause for the customer moves the deadline on by its length. Both the demo office
and the bulk generator build their tickets from these plans.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from crmdesk.models import Ticket
from crmdesk.services.business_time import (
    STEP_DUE_IN_STATUS,
    OfficeCalendar,
    SlaPolicy,
    SlaStep,
)
from crmdesk.services.demo.common import TICKET_FLOW

OPEN_FLOW = TICKET_FLOW[:-1]
# Statuses in which a ticket may be waiting for the customer (a solution or a fix on their side).
WAITING_STATUSES = ("assigned", "solution", "informed")


@dataclass
class StepPlan:
    """One stay of the ticket in one status."""

    status: str
    entered: dt.datetime
    left: dt.datetime | None = None
    due: dt.datetime | None = None
    breached: bool = False
    # Business seconds worked (paused time not counted); None while the step is running.
    business_seconds: int | None = None
    paused_seconds: int = 0
    # A finished wait for the customer inside the step: (waiting from, resumed at).
    pause: tuple[dt.datetime, dt.datetime] | None = None

    @property
    def sla_step(self) -> str | None:
        step = STEP_DUE_IN_STATUS.get(self.status)
        return None if step is None else step.value


@dataclass
class HistoryPlan:
    """A ticket's whole history: when it was reported and registered, its steps, its figures."""

    status: str
    priority: str
    created: dt.datetime
    reported: dt.datetime | None
    register_due: dt.datetime | None
    register_late: bool
    steps: list[StepPlan] = field(default_factory=list)
    # The current deadline (None when closed or waiting for the customer).
    due_at: dt.datetime | None = None
    waiting_since: dt.datetime | None = None
    remaining_seconds: int | None = None
    first_response_at: dt.datetime | None = None
    first_response_seconds: int | None = None
    resolved_at: dt.datetime | None = None
    resolution_seconds: int | None = None
    closed_at: dt.datetime | None = None
    # When the plan was made: what "overdue" is measured against.
    now: dt.datetime | None = None

    @property
    def current(self) -> StepPlan:
        return self.steps[-1]

    # Set when the steps are not all listed (a summary) but one of them was late.
    late: bool = False

    @property
    def breached(self) -> bool:
        return self.late or self.register_late or any(st.breached for st in self.steps)

    @property
    def overdue(self) -> bool:
        """Running late now (the SLA checker has not marked it yet)."""
        return self.due_at is not None and self.now is not None and self.due_at < self.now

    @property
    def updated(self) -> dt.datetime:
        last = self.current.entered
        if self.waiting_since is not None:
            last = max(last, self.waiting_since)
        return last


class HistoryPlanner:
    """Plans ticket histories for one office calendar and SLA policy."""

    def __init__(
        self,
        calendar: OfficeCalendar,
        policy: SlaPolicy,
        rng: random.Random,
        *,
        late_share: float = 0.08,
        pause_share: float = 0.12,
        register_late_share: float = 0.06,
    ) -> None:
        self.cal = calendar
        self.policy = policy
        self.rng = rng
        self.late_share = late_share
        self.pause_share = pause_share
        self.register_late_share = register_late_share

    def limit(self, priority: str, status: str) -> int:
        """Business seconds the step due in ``status`` may take."""
        return self.policy.minutes_for(priority, STEP_DUE_IN_STATUS[status]) * 60

    def snap(self, moment: dt.datetime) -> dt.datetime:
        """``moment`` if it is working time, else the end of the working time before it."""
        return self.cal.add(self.cal.add(moment, -1), 1)

    def _took(self, limit: int) -> int:
        """Business seconds a finished step took against its target (late now and then)."""
        rng = self.rng
        if limit <= 0:  # the target had passed before the step began
            return rng.randint(300, 4 * 3600)
        if rng.random() < self.late_share:
            return int(limit * rng.uniform(1.1, 3.0))
        return max(30, int(limit * rng.uniform(0.05, 0.9)))

    def closed_summary(self, priority: str, anchor: dt.datetime) -> HistoryPlan:
        """A closed ticket's figures without its step-by-step history (for bulk data): the
        same durations as :meth:`plan` draws, four calendar calls instead of a dozen. Its only
        step is the closing one; it was reported straight into registration."""
        rng, cal = self.rng, self.cal
        resolve_limit = self.policy.minutes_for(priority, SlaStep.RESOLVE) * 60
        took: list[int] = []
        paused = 0
        late = False
        for st in OPEN_FLOW:
            limit = resolve_limit - sum(took) if st == "informed" else self.limit(priority, st)
            t = self._took(limit)
            if st in WAITING_STATUSES and rng.random() < self.pause_share:
                paused += rng.randint(3600, 12 * 3600)
            late = late or t > limit
            took.append(t)
        created = cal.add(anchor, -(sum(took) + paused))
        plan = HistoryPlan("closed", priority, created, None, None, False, now=anchor)
        plan.first_response_at = cal.add(created, took[0])
        plan.first_response_seconds = took[0]
        plan.resolution_seconds = sum(took[:4])
        plan.resolved_at = cal.add(created, plan.resolution_seconds + paused)
        plan.closed_at = cal.add(plan.resolved_at, took[4])
        plan.steps.append(StepPlan("closed", plan.closed_at, breached=False))
        plan.late = late
        return plan

    def plan(
        self,
        status: str,
        priority: str,
        anchor: dt.datetime,
        now: dt.datetime,
        *,
        overdue: bool = False,
        waiting: bool = False,
        reported: bool = True,
    ) -> HistoryPlan:
        """The history of a ticket that is in ``status`` now.

        ``anchor`` is the closing moment of a closed ticket (moved into working time) and is
        ignored for open ones, whose current step started just long enough before ``now`` to be
        on time, or overdue (``overdue``), or waiting for the customer since a while
        (``waiting``, for the statuses in WAITING_STATUSES). The current step of an overdue
        ticket is not marked breached: that is the SLA checker's job when the app starts.
        """
        rng, cal = self.rng, self.cal
        reached = TICKET_FLOW.index(status)
        resolve_limit = self.policy.minutes_for(priority, SlaStep.RESOLVE) * 60
        took: list[int] = []
        paused: list[int] = []
        limits: list[int] = []
        spent = 0  # business seconds since registration, pauses not counted
        for st in TICKET_FLOW[:reached]:
            # The resolution is due 24 business hours after registration, not after 'informed'.
            limit = resolve_limit - spent if st == "informed" else self.limit(priority, st)
            t = self._took(limit)
            pause = 0
            if st in WAITING_STATUSES and rng.random() < self.pause_share:
                pause = rng.randint(3600, 12 * 3600)
            took.append(t)
            paused.append(pause)
            limits.append(limit)
            spent += t
        # The current step: how far into it the ticket is now.
        waiting_since = None
        remaining = None
        if status == "closed":
            entered = self.snap(anchor)
            elapsed = 0
            current_limit = 0
        else:
            current_limit = (
                resolve_limit - spent if status == "informed" else self.limit(priority, status)
            )
            waiting = waiting and status in WAITING_STATUSES and current_limit > 600
            if waiting:
                elapsed = int(current_limit * rng.uniform(0.1, 0.7))
                # Mostly since the last day or two; now and then a customer gone quiet.
                hours = rng.uniform(0.5, 50) if rng.random() < 0.7 else rng.uniform(72, 600)
                waiting_since = self.snap(now - dt.timedelta(hours=hours))
                entered = cal.add(waiting_since, -elapsed)
                remaining = current_limit - elapsed
            else:
                if overdue or current_limit <= 0:
                    late_by = max(60, int(max(current_limit, 1800) * rng.uniform(0.05, 1.5)))
                    elapsed = max(0, current_limit) + late_by
                else:
                    elapsed = int(current_limit * rng.uniform(0.02, 0.85))
                entered = cal.add(now, -elapsed)
        # Lay the finished steps out backwards from the current one.
        entries = [entered]
        for i in range(reached - 1, -1, -1):
            entries.append(cal.add(entries[-1], -(took[i] + paused[i])))
        entries.reverse()
        created = entries[0]
        reported_at = register_due = None
        register_late = False
        if reported:
            register_limit = self.policy.minutes_for(priority, SlaStep.REGISTER) * 60
            if rng.random() < self.register_late_share:
                lag = int(register_limit * rng.uniform(1.2, 6))
            else:
                lag = int(register_limit * rng.uniform(0.1, 0.9))
            reported_at = cal.add(created, -lag)
            register_due = self.policy.deadline(cal, priority, SlaStep.REGISTER, reported_at)
            register_late = register_due < created
        plan = HistoryPlan(
            status, priority, created, reported_at, register_due, register_late, now=now
        )
        paused_so_far = 0
        for i in range(reached):
            st = TICKET_FLOW[i]
            paused_so_far += paused[i]
            if st == "informed":
                due = cal.add(created, resolve_limit + paused_so_far)
            else:
                due = cal.add(entries[i], limits[i] + paused[i])
            step = StepPlan(
                st,
                entries[i],
                entries[i + 1],
                due,
                breached=took[i] > limits[i],
                business_seconds=took[i],
                paused_seconds=paused[i],
            )
            if paused[i]:
                worked = int(took[i] * rng.uniform(0.2, 0.8))
                start = cal.add(entries[i], worked)
                step.pause = (start, cal.add(start, paused[i]))
            plan.steps.append(step)
        current = StepPlan(status, entered)
        if status != "closed":
            if status == "informed":
                current.due = cal.add(created, resolve_limit + paused_so_far)
            else:
                current.due = cal.add(entered, current_limit)
        plan.steps.append(current)
        if waiting_since is not None:
            plan.waiting_since = waiting_since
            plan.remaining_seconds = remaining
        else:
            plan.due_at = current.due
        if reached >= 1:
            plan.first_response_at = entries[1]
            plan.first_response_seconds = took[0]
        if reached >= 4:
            plan.resolved_at = entries[4]
            plan.resolution_seconds = sum(took[:4])
        if reached >= 5:
            plan.closed_at = entries[5]
        return plan


def taken_ticket_numbers(conn: Connection, years: range) -> dict[int, int]:
    """The highest ticket number already used in each of ``years`` (numbers look like
    T-2026-000123, as crmdesk.services.tickets gives them)."""
    t = Ticket.__table__
    taken = {}
    for year in years:
        top = conn.scalar(
            select(func.max(t.c.number)).where(
                t.c.number >= f"T-{year}-", t.c.number < f"T-{year}."
            )
        )
        tail = (top or "")[len(f"T-{year}-") :]
        if tail.isdigit():
            taken[year] = int(tail)
    return taken
