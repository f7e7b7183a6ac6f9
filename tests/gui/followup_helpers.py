"""A small sales office for the follow-up screens: the signed-in rep's customers, their tasks
around a fixed "now" (Wednesday 4 March 2026, 11:00 in Shanghai), a birthday and a customer in
the public pool."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crmdesk.models import Customer, Task
from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput

# 11:00 in the office's time zone (Asia/Shanghai) and 03:00 UTC: the same date either way.
NOW = dt.datetime(2026, 3, 4, 3, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class SalesOffice:
    me: int
    huaxing: int  # tier A, a task overdue and one due today
    lanting: int  # tier B, a task later this week, never contacted
    pooled: int  # in the public pool since 40 days
    tasks: dict[str, int]


def _task(db: Database, customer_id: int, title: str, due: dt.datetime, **kw: object) -> int:
    assert db.user is not None
    with db.write() as s:
        t = Task(
            title=title,
            customer_id=customer_id,
            due_at=due,
            remind_at=kw.pop("remind_at", due),
            assignee_id=db.user.id,
            **kw,
        )
        s.add(t)
        s.flush()
        return t.id


def make_sales_office(db: Database) -> SalesOffice:
    assert db.user is not None
    me = db.user.id
    db._clock = lambda: NOW
    huaxing, _ = cs.create_customer(
        db,
        CustomerInput(name="深圳华星光电", city="深圳", tier="A", owner_id=me),
        [ContactInput(name="王芳", is_primary=True, birthday=dt.date(1985, 3, 6))],
    )
    lanting, _ = cs.create_customer(
        db, CustomerInput(name="杭州兰亭贸易", city="杭州", tier="B", owner_id=me)
    )
    pooled, _ = cs.create_customer(db, CustomerInput(name="成都川味食品", city="成都", tier="C"))
    with db.write() as s:
        c = s.get(Customer, huaxing)
        assert c is not None
        c.last_interaction_at = NOW - dt.timedelta(days=20)
        p = s.get(Customer, pooled)
        assert p is not None
        p.owner_id = None
        p.pool_since = NOW - dt.timedelta(days=40)
        p.last_interaction_at = NOW - dt.timedelta(days=75)
    tasks = {
        "overdue": _task(db, huaxing, "确认合同细节", NOW - dt.timedelta(days=2)),
        "today": _task(db, huaxing, "发送报价单", NOW + dt.timedelta(hours=3)),
        "week": _task(db, lanting, "拜访兰亭", NOW + dt.timedelta(days=2)),
        "later": _task(db, lanting, "季度回访", NOW + dt.timedelta(days=20)),
    }
    return SalesOffice(me, huaxing, lanting, pooled, tasks)
