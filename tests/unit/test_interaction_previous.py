"""interaction.previous_at: the database's triggers keep it, whatever writes the interactions.

Each live interaction knows when its customer's previous live interaction happened (of two at
the same moment, the one with the lower id is the earlier). The dashboard counts the customers
active in a period with it, so after any change (logging, deleting, restoring, moving an
interaction in time or to another customer, an import's batch insert, erasing) every live
row's value must equal a from-scratch computation. Checked on each dialect, after every step of
a seeded random sequence that makes ties on purpose; and the dashboard's active-customer figures
against a count by hand.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from sqlalchemy import delete, insert, select, update

from crmdesk.models import Interaction
from crmdesk.services import Database
from crmdesk.services import activity as act
from crmdesk.services import customers as cs
from crmdesk.services.dashboard_parts import customer_part
from crmdesk.services.dashboard_scope import Scope
from crmdesk.services.dto import CustomerInput, InteractionInput

UTC = dt.UTC
BASE = dt.datetime(2026, 3, 31, 12, tzinfo=UTC)
# Few distinct moments, so ties (two interactions of a customer at the same moment) are common;
# they straddle the months of March, April and May 2026 (UTC).
MOMENTS = [BASE + dt.timedelta(days=d) for d in (-40, -3, 0, 0.5, 1, 20, 31, 45)]


def _live(db: Database) -> list[tuple[int, int, dt.datetime, dt.datetime | None]]:
    i = Interaction.__table__.c
    with db.read() as s:
        return [
            (r.id, r.customer_id, r.occurred_at, r.previous_at)
            for r in s.execute(
                select(i.id, i.customer_id, i.occurred_at, i.previous_at).where(
                    i.deleted_at.is_(None)
                )
            )
        ]


def _expected(rows: list[tuple[int, int, dt.datetime, dt.datetime | None]]) -> dict[int, object]:
    by_customer: dict[int, list[tuple[dt.datetime, int]]] = defaultdict(list)
    for iid, cid, when, _ in rows:
        by_customer[cid].append((when, iid))
    out: dict[int, object] = {}
    for items in by_customer.values():
        items.sort()
        for n, (_when, iid) in enumerate(items):
            out[iid] = items[n - 1][0] if n else None
    return out


def _check(db: Database, step: str) -> None:
    rows = _live(db)
    assert {iid: prev for iid, _, _, prev in rows} == _expected(rows), step


def test_previous_at_follows_every_kind_of_change(database: Database) -> None:
    db = database
    rng = random.Random(20261124)
    customers = [cs.create_customer(db, CustomerInput(name=f"客户{n}"))[0] for n in range(3)]
    made: list[int] = []
    c = Interaction.__table__.c
    for step in range(70):
        kind = rng.choice(["log", "log", "log", "delete", "restore", "move", "recustomer",
                           "batch", "erase_row"])  # fmt: skip
        if kind == "log" or not made:
            iid, _ = act.add_interaction(
                db,
                rng.choice(customers),
                InteractionInput(kind="call", summary="回访", occurred_at=rng.choice(MOMENTS)),
            )
            made.append(iid)
        elif kind in ("delete", "restore"):
            act.set_interaction_deleted(db, rng.choice(made), kind == "delete")
        elif kind == "move":
            with db.write() as s:
                s.execute(
                    update(Interaction.__table__)
                    .where(c.id == rng.choice(made))
                    .values(occurred_at=rng.choice(MOMENTS))
                )
        elif kind == "recustomer":
            with db.write() as s:
                s.execute(
                    update(Interaction.__table__)
                    .where(c.id == rng.choice(made))
                    .values(customer_id=rng.choice(customers))
                )
        elif kind == "batch":
            # As an import writes them: one multi-row statement.
            rows = [
                {
                    "customer_id": rng.choice(customers),
                    "kind": "visit",
                    "summary": "拜访",
                    "occurred_at": rng.choice(MOMENTS),
                    "created_at": BASE,
                    "updated_at": BASE,
                    "version": 1,
                    "important": False,
                }
                for _ in range(rng.randint(2, 5))
            ]
            with db.write() as s:
                s.execute(insert(Interaction.__table__), rows)
                made = list(s.scalars(select(c.id)))
        else:
            victim = rng.choice(made)
            with db.write() as s:
                s.execute(delete(Interaction.__table__).where(c.id == victim))
            made.remove(victim)
        _check(db, f"step {step}: {kind}")
    assert any(prev is not None for *_, prev in _live(db))

    # Erasing a customer takes its interactions with it (ON DELETE CASCADE); the others stay.
    cs.delete_customers(db, [customers[0]])
    cs.erase_customers(db, [customers[0]])
    _check(db, "erase")


def test_active_customers_for_everybody_are_counted_by_hand(database: Database) -> None:
    db = database
    rng = random.Random(7)
    customers = [cs.create_customer(db, CustomerInput(name=f"客户{n}"))[0] for n in range(6)]
    ids = []
    for _ in range(40):
        iid, _ = act.add_interaction(
            db,
            rng.choice(customers),
            InteractionInput(kind="call", summary="回访", occurred_at=rng.choice(MOMENTS)),
        )
        ids.append(iid)
    for iid in rng.sample(ids, 8):
        act.set_interaction_deleted(db, iid, True)
    cs.delete_customers(db, [customers[5]])  # in the trash: its interactions do not count
    scope = Scope(dt.date(2026, 4, 1), dt.date(2026, 5, 1), timezone="UTC")
    live = [(cid, when) for _, cid, when, _ in _live(db) if cid != customers[5]]

    def active(start: dt.datetime, end: dt.datetime) -> int:
        return len({cid for cid, when in live if start <= when < end})

    kpi = next(k for k in customer_part(db, scope).kpis if k.key == "active_customers")
    april, may, march = (
        dt.datetime(2026, 4, 1, tzinfo=UTC),
        dt.datetime(2026, 5, 1, tzinfo=UTC),
        dt.datetime(2026, 3, 1, tzinfo=UTC),
    )
    assert kpi.value == active(april, may) > 0
    assert kpi.previous == active(march, april) > 0
    bounds = scope.month_bounds()
    assert kpi.spark == tuple(
        float(active(bounds[i], bounds[i + 1])) for i in range(len(bounds) - 1)
    )
