"""A small sales office for the follow-up tests: two reps, customers of each tier, contacts with
birthdays, signed contracts, and a clock the test moves (office time is Asia/Shanghai)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from crmdesk.models import (
    AuditEntry,
    Contact,
    Customer,
    Deal,
    DealDocument,
    Notification,
    Role,
    Task,
    Tier,
    User,
)
from crmdesk.services import Database

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> dt.datetime:
    """A moment in office time."""
    return dt.datetime(y, m, d, hh, mm, tzinfo=SHANGHAI)


@dataclass
class Clock:
    now: dt.datetime = field(default_factory=lambda: at(2026, 3, 2))

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
    rep: int
    other_rep: int
    _n: int = 0

    def customer(
        self,
        name: str,
        tier: str | None = "A",
        owner: int | None = -1,
        last: dt.datetime | None = None,
        created: dt.datetime | None = None,
    ) -> int:
        self._n += 1
        with self.db.write() as s:
            c = Customer(
                code=f"C{self._n:04d}",
                name=name,
                tier=Tier(tier) if tier else None,
                owner_id=self.rep if owner == -1 else owner,
                last_interaction_at=last,
                created_at=created or at(2025, 1, 1),
            )
            s.add(c)
            s.flush()
            return c.id

    def contact(self, customer_id: int, name: str, birthday: dt.date | None) -> int:
        with self.db.write() as s:
            c = Contact(customer_id=customer_id, name=name, birthday=birthday)
            s.add(c)
            s.flush()
            return c.id

    def contract(
        self, customer_id: int, number: str, signed_on: dt.date, status: str = "signed"
    ) -> int:
        with self.db.write() as s:
            deal = Deal(customer_id=customer_id, title=f"Deal {number}", stage="won")
            s.add(deal)
            s.flush()
            doc = DealDocument(
                deal_id=deal.id,
                customer_id=customer_id,
                kind="contract",
                number=number,
                signed_on=signed_on,
                status=status,
            )
            s.add(doc)
            s.flush()
            return doc.id

    def tasks(self, customer_id: int | None = None) -> list[Task]:
        with self.db.read() as s:
            stmt = select(Task).order_by(Task.id)
            if customer_id is not None:
                stmt = stmt.where(Task.customer_id == customer_id)
            tasks = list(s.scalars(stmt))
            s.expunge_all()
            return tasks

    def owner_of(self, customer_id: int) -> tuple[int | None, dt.datetime | None]:
        with self.db.read() as s:
            row = s.execute(
                select(Customer.owner_id, Customer.pool_since).where(Customer.id == customer_id)
            ).one()
            return row[0], row[1]

    def history(self, customer_id: int) -> list[tuple[str | None, str | None, str | None]]:
        with self.db.read() as s:
            return [
                (f, old, new)
                for f, old, new in s.execute(
                    select(AuditEntry.field, AuditEntry.old_value, AuditEntry.new_value)
                    .where(
                        AuditEntry.customer_id == customer_id,
                        AuditEntry.field.in_(["owner_id", "pool_since"]),
                    )
                    .order_by(AuditEntry.id)
                )
            ]

    def notes(self, user_id: int, kind: str | None = None) -> list[Notification]:
        with self.db.read() as s:
            stmt = select(Notification).where(Notification.user_id == user_id)
            if kind:
                stmt = stmt.where(Notification.kind == kind)
            found = list(s.scalars(stmt.order_by(Notification.id)))
            s.expunge_all()
            return found


def make_office(db: Database) -> Office:
    clock = Clock()
    db._clock = clock
    with db.write() as s:
        rep = User(username="sun", display_name="孙销售", role=Role.SALES_REP)
        other = User(username="zhou", display_name="周销售", role=Role.SALES_REP)
        s.add_all([rep, other])
        s.flush()
        ids = rep.id, other.id
    return Office(db, clock, *ids)
