"""The demo office and the bulk generator: consistent, searchable, deterministic."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from crmdesk.models import (
    Contact,
    Customer,
    Deal,
    Interaction,
    Order,
    Payment,
    Task,
    Team,
    Ticket,
    TicketEvent,
    User,
)
from crmdesk.services import customers as cs
from crmdesk.services.demo import GenerationCancelled, generate_bulk, generate_demo, tier_for
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery

NOW = dt.datetime(2025, 6, 16, 6, 30, tzinfo=dt.UTC)  # a Monday, 14:30 in Shanghai


def _stored_vs_refreshed(database, ids: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    """Search text as generated, and as refresh_search_text rebuilds it (then rolled back)."""
    with database.read() as s:
        stored = dict(
            s.execute(select(Customer.id, Customer.search_text).where(Customer.id.in_(ids))).all()
        )
        cs.refresh_search_text(s, ids)
        refreshed = dict(
            s.execute(select(Customer.id, Customer.search_text).where(Customer.id.in_(ids))).all()
        )
        s.rollback()
    return stored, refreshed


@pytest.fixture
def demo(database):
    database._clock = lambda: NOW
    summary = generate_demo(database, "zh_CN", customers=60, seed=3)
    return database, summary


def test_demo_office_has_two_teams_and_every_role(demo):
    database, summary = demo
    assert summary.customers == 60
    with database.read() as s:
        teams = dict(s.execute(select(Team.name, Team.manager_id)).all())
        roles = [u.role.value for u in s.scalars(select(User).where(User.username != "tester"))]
        reps_superior = {
            u.superior_id for u in s.scalars(select(User).where(User.role == "sales_rep"))
        }
        manager = s.scalar(select(User).where(User.role == "sales_manager"))
    assert set(teams) == {"销售部", "客服部"} and all(teams.values())
    assert roles.count("sales_rep") == 4 and roles.count("service_agent") == 3
    assert {"admin", "sales_manager", "service_director"} <= set(roles)
    assert reps_superior == {manager.id}


def test_tiers_follow_the_annual_revenue(demo):
    database, _ = demo
    with database.read() as s:
        rows = s.execute(select(Customer.tier, Customer.annual_revenue, Customer.stage)).all()
    assert {t.value for t, _, _ in rows if t} == {"A", "B", "C"}
    for tier, revenue, stage in rows:
        assert (tier.value if tier else None) == tier_for(revenue)
        if tier is not None and tier.value == "A":
            assert revenue > Decimal(1_000_000)
        elif tier is not None and tier.value == "B":
            assert Decimal(300_000) <= revenue <= Decimal(1_000_000)
        elif tier is not None:
            assert revenue < Decimal(300_000)
        if stage.value == "prospect":
            assert revenue is None


def test_every_deal_stage_and_ticket_status_is_there(demo):
    database, _ = demo
    with database.read() as s:
        stages = set(s.scalars(select(Deal.stage).distinct()))
        statuses = set(s.scalars(select(Ticket.status).distinct()))
        lost_without_reason = s.scalar(
            select(func.count()).where(Deal.stage == "lost", Deal.lost_reason.is_(None))
        )
        won = s.scalar(select(func.count()).where(Deal.stage == "won"))
        orders = s.scalar(select(func.count()).select_from(Order))
        paid_too_much = s.scalar(
            select(func.count())
            .select_from(Order)
            .where(
                Order.amount
                < select(func.coalesce(func.sum(Payment.amount), 0))
                .where(Payment.order_id == Order.id)
                .scalar_subquery()
            )
        )
        breached = s.scalar(select(func.count()).where(Ticket.breached.is_(True)))
        rated = s.scalar(select(func.count()).where(Ticket.csat.is_not(None)))
        events = s.scalar(select(func.count()).select_from(TicketEvent))
    assert {v.value for v in stages} == {
        "lead",
        "contact",
        "proposal",
        "negotiation",
        "won",
        "lost",
    }
    assert {v.value for v in statuses} == {
        "registered",
        "assigned",
        "solution",
        "informed",
        "resolved",
        "closed",
    }
    assert lost_without_reason == 0
    assert won == orders and paid_too_much == 0
    assert breached > 0 and rated > 0 and events > 0


def test_timeline_ends_now_and_last_interaction_is_the_newest(demo):
    database, _ = demo
    with database.read() as s:
        newest = dict(
            s.execute(
                select(Interaction.customer_id, func.max(Interaction.occurred_at)).group_by(
                    Interaction.customer_id
                )
            ).all()
        )
        last = dict(s.execute(select(Customer.id, Customer.last_interaction_at)).all())
        oldest = s.scalar(select(func.min(Interaction.occurred_at)))
        important = s.scalar(select(func.count()).where(Interaction.important.is_(True)))
        tasks = s.execute(select(Task.due_at, Task.done_at)).all()
    assert last == newest
    assert max(newest.values()) <= NOW and max(newest.values()) > NOW - dt.timedelta(days=2)
    assert oldest >= NOW - dt.timedelta(days=731)
    assert important > 0
    assert any(done is None and due < NOW for due, done in tasks)  # overdue
    assert any(done is not None for _, done in tasks)
    assert any(due.date() == NOW.date() and done is None for due, done in tasks)  # due today


def test_contacts_look_real_and_are_found_by_a_two_character_name(demo):
    database, _ = demo
    with database.read() as s:
        contacts = s.execute(
            select(
                Contact.customer_id,
                Contact.name,
                Contact.phone,
                Contact.phone_key,
                Contact.email,
                Contact.is_primary,
            )
        ).all()
        decision_makers = set(
            s.scalars(select(Contact.customer_id).where(Contact.is_decision_maker.is_(True)))
        )
    per_customer: dict[int, int] = {}
    for cid, _name, phone, key, email, primary in contacts:
        per_customer[cid] = per_customer.get(cid, 0) + 1
        if phone:
            assert key and re.fullmatch(r"(1[3-9]\d{9}|0\d{10,11})", key), phone
        if email:
            assert re.fullmatch(r"[a-z0-9._]+@[a-z0-9.]+\.[a-z]+", email), email
        assert primary in (True, False)
    assert set(per_customer.values()) <= {1, 2, 3, 4} and len(per_customer) == 60
    assert decision_makers == set(per_customer)
    cid, name = next((c, n) for c, n, *_ in contacts if len(n) == 2)
    found = [r.id for r in cs.list_customers(database, CustomerQuery(text=name), limit=200)]
    assert cid in found


def test_demo_search_text_is_what_the_services_would_write(demo):
    database, _ = demo
    with database.read() as s:
        ids = list(s.scalars(select(Customer.id).order_by(Customer.id).limit(25)))
    stored, refreshed = _stored_vs_refreshed(database, ids)
    assert stored == refreshed
    assert all(stored.values())


def test_same_seed_gives_the_same_office(sqlite_db, tmp_path):
    sqlite_db._clock = lambda: NOW
    generate_demo(sqlite_db, "en", customers=30, seed=11)
    generate_demo(sqlite_db, "en", customers=30, seed=11)  # reuses the users and tags
    with sqlite_db.read() as s:
        rows = s.execute(
            select(
                Customer.name, Customer.tier, Customer.annual_revenue, Customer.last_interaction_at
            ).order_by(Customer.id)
        ).all()
        users = s.scalar(select(func.count()).select_from(User))
    assert rows[:30] == rows[30:]
    assert users == 11  # ten demo users and the signed-in tester, not twenty
    assert all(re.fullmatch(r"[A-Za-z .&]+", n) for n, *_ in rows)


def test_cancelled_generation_writes_nothing(sqlite_db):
    calls = []
    with pytest.raises(GenerationCancelled):
        generate_demo(
            sqlite_db,
            "zh_CN",
            customers=40,
            progress=lambda d, t: calls.append(d),
            cancel=lambda: len(calls) >= 1,
        )
    assert cs.count_customers(sqlite_db, CustomerQuery()).count == 0
    with pytest.raises(GenerationCancelled):
        generate_bulk(
            sqlite_db, 30_000, progress=lambda d, t: calls.append(d), cancel=lambda: len(calls) >= 2
        )
    assert cs.count_customers(sqlite_db, CustomerQuery()).count == 0
    # The search index is kept up to date again (the bulk load had paused its trigger).
    cid, _ = cs.create_customer(
        sqlite_db, CustomerInput(name="取消之后有限公司"), [ContactInput(name="王芳")]
    )
    assert [r.id for r in cs.list_customers(sqlite_db, CustomerQuery(text="王芳"))] == [cid]


def test_bulk_customers_are_counted_searched_and_indexed_like_typed_ones(database):
    seen = []
    assert generate_bulk(database, 2_000, progress=lambda d, t: seen.append((d, t))) == 2_000
    assert seen[-1] == (2_000, 2_000)
    assert cs.count_customers(database, CustomerQuery()).count == 2_000
    hits = cs.list_customers(database, CustomerQuery(text="张伟"), limit=500)
    assert hits
    with database.read() as s:
        for row in hits[:20]:
            names = set(s.scalars(select(Contact.name).where(Contact.customer_id == row.id)))
            assert "张伟" in names or "张伟" in row.name
        contacts = s.scalar(select(func.count()).select_from(Contact))
        ids = list(s.scalars(select(Customer.id).order_by(Customer.id).limit(40)))
        bad_tiers = [
            (t, r)
            for t, r in s.execute(select(Customer.tier, Customer.annual_revenue))
            if (t.value if t else None) != tier_for(r)
        ]
    assert 2_000 <= contacts <= 4_000
    assert bad_tiers == []
    stored, refreshed = _stored_vs_refreshed(database, ids)
    assert stored == refreshed
    # A customer typed in afterwards still gets an id and is found (sequences moved on).
    cid, _ = cs.create_customer(
        database,
        CustomerInput(name="新录入测试有限公司"),
        [ContactInput(name="欧阳娜娜", phone="13900001111")],
    )
    assert [r.id for r in cs.list_customers(database, CustomerQuery(text="欧阳娜娜"))] == [cid]
    assert 17 in [r.id for r in cs.list_customers(database, CustomerQuery(text="C000017"))]


def test_bulk_in_english(sqlite_db):
    generate_bulk(sqlite_db, 300, lang="en", seed=5)
    rows = cs.list_customers(sqlite_db, CustomerQuery(), limit=300)
    assert len(rows) == 300
    assert all(r.name.isascii() for r in rows)
    assert cs.list_customers(sqlite_db, CustomerQuery(text="smith"), limit=300)


def test_bulk_load_leaves_the_schema_as_it_found_it(sqlite_db):
    def schema():
        with sqlite_db.engine.connect() as conn:
            return sorted(
                tuple(row)
                for row in conn.exec_driver_sql(
                    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                )
            )

    before = schema()
    generate_bulk(sqlite_db, 500)
    assert schema() == before
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # Raises if the full-text index does not match the customers it indexes.
        conn.exec_driver_sql(
            "INSERT INTO customer_fts(customer_fts, rank) VALUES ('integrity-check', 1)"
        )
