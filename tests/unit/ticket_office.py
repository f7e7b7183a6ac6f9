"""A small service office for ticket tests: a service team with its manager, two agents, a
director, an administrator, a customer owned by a sales rep, and a clock the test moves.

Monday 2 March 2026 09:00 in Shanghai (01:00 UTC) is a plain working day of the default office
calendar (09:00–18:00, lunch 12:00–13:00): the figures below count from there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.models import Role, Team, User
from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services import tickets as tk
from crmdesk.services.dto import CustomerInput

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
MONDAY_9 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)


@dataclass
class Clock:
    now: dt.datetime = MONDAY_9

    def __call__(self) -> dt.datetime:
        return self.now.astimezone(dt.UTC)

    def set(self, when: dt.datetime) -> None:
        self.now = when

    def advance(self, **delta: float) -> None:
        self.now = self.now + dt.timedelta(**delta)


@dataclass
class Office:
    db: Database
    clock: Clock
    team: int
    other_team: int
    manager: int
    agent: int
    agent2: int
    director: int
    admin: int
    owner: int
    customer: int
    ids: dict[str, int] = field(default_factory=dict)

    def ticket(self, title: str = "打印机无法连接", **kw: object) -> int:
        data = tk.TicketInput(
            customer_id=int(kw.pop("customer_id", self.customer)),  # type: ignore[arg-type]
            title=title,
            category=str(kw.pop("category", "fault")),
            **kw,  # type: ignore[arg-type]
        )
        tid, _ = tk.create_ticket(self.db, data)
        return tid

    def walk(self, tid: int, to: str) -> None:
        """Move a ticket forward to ``to`` with what each step needs."""
        flow = ["registered", "assigned", "solution", "informed", "resolved", "closed"]
        here = tk.get_ticket(self.db, tid).status
        for status in flow[flow.index(here) + 1 : flow.index(to) + 1]:
            tk.move_ticket(
                self.db,
                tid,
                status,
                assignee_id=self.agent if status == "assigned" else None,
                solution="重启路由器后恢复" if status == "resolved" else None,
                csat=5 if status == "closed" else None,
            )


def make_office(db: Database) -> Office:
    clock = Clock()
    db._clock = clock
    with db.write() as s:
        team = Team(name="售后服务部")
        other = Team(name="销售部")
        s.add_all([team, other])
        s.flush()

        def person(username: str, name: str, role: Role, team_id: int | None) -> User:
            u = User(username=username, display_name=name, role=role, team_id=team_id)
            s.add(u)
            return u

        manager = person("wang", "王经理", Role.SERVICE_AGENT, team.id)
        agent = person("li", "李客服", Role.SERVICE_AGENT, team.id)
        agent2 = person("zhao", "赵客服", Role.SERVICE_AGENT, other.id)
        director = person("chen", "陈总监", Role.SERVICE_DIRECTOR, None)
        admin = person("root", "管理员", Role.ADMIN, None)
        owner = person("sun", "孙销售", Role.SALES_REP, other.id)
        s.flush()
        team.manager_id = manager.id
        ids = (
            team.id,
            other.id,
            manager.id,
            agent.id,
            agent2.id,
            director.id,
            admin.id,
            owner.id,
        )
    customer, _ = cs.create_customer(
        db, CustomerInput(name="北京恒通科技有限公司", owner_id=ids[7])
    )
    return Office(db, clock, *ids, customer=customer)
