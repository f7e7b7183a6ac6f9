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
    KbArticle,
    Order,
    Payment,
    Task,
    Team,
    Ticket,
    TicketEvent,
    TicketStatus,
    TicketStep,
    User,
    ticket_article,
)
from crmdesk.services import customers as cs
from crmdesk.services import knowledge as kb
from crmdesk.services import tickets as tk
from crmdesk.services.business_time import STEP_DUE_IN_STATUS, SlaStep
from crmdesk.services.demo import GenerationCancelled, generate_bulk, generate_demo, tier_for
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.services.service_metrics import service_figures
from crmdesk.services.service_settings import load_calendar, load_policy
from crmdesk.services.sla import run_sla_check

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
    assert stages == {
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
    generate_bulk(sqlite_db, 500, tickets=600, open_tickets=100)
    assert schema() == before
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # Raises if the full-text index does not match the customers it indexes.
        conn.exec_driver_sql(
            "INSERT INTO customer_fts(customer_fts, rank) VALUES ('integrity-check', 1)"
        )


# ---------------------------------------------------------------------------------------------
# Tickets: the workflow in business time


def _by_ticket(rows) -> dict[int, list]:  # noqa: ANN001
    out: dict[int, list] = {}
    for r in rows:
        out.setdefault(r.ticket_id, []).append(r)
    return out


def test_demo_tickets_follow_the_workflow_in_business_time(demo):
    database, summary = demo
    cal, policy = load_calendar(database), load_policy(database)
    flow = [s.value for s in TicketStatus]
    with database.read() as s:
        tickets = list(s.scalars(select(Ticket)))
        steps = _by_ticket(s.scalars(select(TicketStep).order_by(TicketStep.entered_at)))
        events = _by_ticket(s.scalars(select(TicketEvent).order_by(TicketEvent.id)))
        agents = set(s.scalars(select(User.id).where(User.role == "service_agent")))
        managed = set(
            s.scalars(
                select(User.id)
                .join(Team, Team.id == User.team_id)
                .where(Team.manager_id.is_not(None))
            )
        )
    assert len(tickets) == summary.tickets
    assert {t.status.value for t in tickets} == set(flow)
    for t in tickets:
        reached = flow.index(t.status.value)
        st, ev = steps[t.id], events[t.id]
        priority = t.priority.value
        # One step row per status it went through, back to back; the last one is running.
        assert [x.status.value for x in st] == flow[: reached + 1], t.number
        assert st[0].entered_at == t.created_at and st[-1].entered_at == t.step_started_at
        assert all(a.left_at == b.entered_at for a, b in zip(st, st[1:], strict=False))
        assert st[-1].left_at is None
        # The history in time order: created (a late registration was due before), each move.
        assert [e.at for e in ev] == sorted(e.at for e in ev)
        assert [e.kind for e in ev if e.to_value != "register"][0] == "created"
        moves = [(e.from_value, e.to_value) for e in ev if e.kind == "status"]
        assert moves == list(zip(flow, flow[1:], strict=False))[:reached]
        paused = 0
        for x in st[:-1]:
            paused += x.paused_seconds
            step = STEP_DUE_IN_STATUS[x.status.value]
            if step == SlaStep.RESOLVE:  # counted from registration, pauses not counted
                due = cal.add(t.created_at, policy.minutes_for(priority, step) * 60 + paused)
            else:
                due = cal.add(
                    x.entered_at, policy.minutes_for(priority, step) * 60 + x.paused_seconds
                )
            assert x.due_at == due
            assert x.business_seconds == cal.between(x.entered_at, x.left_at) - x.paused_seconds
            assert x.breached == (x.left_at > x.due_at)
        late = {e.to_value for e in ev if e.kind == "sla_breach"}
        assert late - {"register"} == {
            STEP_DUE_IN_STATUS[x.status.value].value for x in st if x.breached
        }
        assert t.breached == bool(late)
        if "register" in late:
            assert cal.add(t.reported_at, 600) < t.created_at
        if reached >= 1:
            assert t.assignee_id in agents and t.assignee_id in managed
            assert t.first_response_at == st[1].entered_at
            assert t.first_response_seconds == cal.between(t.created_at, t.first_response_at)
        if reached >= 4:
            assert t.resolved_at == st[4].entered_at and t.solution
            before = sum(x.paused_seconds for x in st[:4])
            assert t.resolution_seconds == cal.between(t.created_at, t.resolved_at) - before
        if t.status.value == "closed":
            assert t.closed_at == st[-1].entered_at and t.due_at is None
        elif t.waiting_since is not None:
            assert t.due_at is None and t.remaining_seconds > 0
        else:
            assert t.due_at == st[-1].due_at is not None
        assert (t.csat is not None) <= (t.status.value == "closed")
        assert re.fullmatch(r"T-20\d\d-\d{6}", t.number)


def test_demo_board_has_waiting_and_overdue_tickets_that_the_checker_escalates(demo):
    database, _ = demo
    board = tk.load_board(database, tk.BoardQuery())
    open_cards = [c for status, cards in board.columns.items() if status != "closed" for c in cards]
    assert any(c.waiting for c in open_cards)
    overdue = {c.id for c in open_cards if c.due_at is not None and c.due_at < NOW}
    assert overdue
    result = run_sla_check(database, NOW)
    # The checker marks what fell due while nobody was looking and tells the managers.
    assert result.breached == len(overdue) and result.notified > 0
    assert run_sla_check(database, NOW).breached == 0
    with database.read() as s:
        revisits = s.execute(
            select(Task.title, Task.done_at, Ticket.status)
            .join(Ticket, Task.title.startswith(Ticket.number))
            .where(Task.kind == "revisit")
        ).all()
    # Every resolved ticket planned a revisit; the closed ones did it.
    assert {status.value for _, _, status in revisits} == {"resolved", "closed"}
    assert all((done is not None) == (status.value == "closed") for _, done, status in revisits)


def test_demo_knowledge_base_answers_its_tickets_and_every_figure_has_data(demo):
    database, summary = demo
    assert summary.articles > 0
    with database.read() as s:
        linked = s.execute(
            select(Ticket.title, KbArticle.title)
            .join(ticket_article, ticket_article.c.ticket_id == Ticket.id)
            .join(KbArticle, KbArticle.id == ticket_article.c.article_id)
        ).all()
    assert linked
    assert kb.search_articles(database, "登录")
    f = service_figures(database, NOW - dt.timedelta(days=365), NOW)
    assert f.tickets_created > 0 and f.first_response_median_s and f.resolution_median_s
    assert 0 < f.sla_overall < 1 and all(v is not None for v in f.sla_compliance.values())
    assert f.csat_avg and f.nps is not None and f.by_agent
    assert sum(n for _, n in f.backlog_by_age) > 0


def test_bulk_tickets_are_open_and_closed_as_asked_and_work_with_the_services(database):
    database._clock = lambda: NOW
    generate_bulk(database, 300, tickets=2_000, open_tickets=150)
    cal = load_calendar(database)
    with database.read() as s:
        tickets = list(s.scalars(select(Ticket)))
        steps = _by_ticket(s.scalars(select(TicketStep).order_by(TicketStep.entered_at)))
        events = _by_ticket(s.scalars(select(TicketEvent)))
        managers = set(s.scalars(select(Team.manager_id)))
    assert len(tickets) == 2_000 and len({t.number for t in tickets}) == 2_000
    open_ = [t for t in tickets if t.status.value != "closed"]
    assert len(open_) == 150
    assert all(t.assignee_id not in managers for t in tickets if t.assignee_id)
    for t in tickets:
        st = steps[t.id]
        if t.status.value == "closed":
            # A closed one: its figures and its closing step (what the board's column reads).
            (closing,) = st
            assert closing.status.value == "closed" and closing.entered_at == t.closed_at
            assert t.created_at < t.first_response_at < t.resolved_at <= t.closed_at
            assert t.first_response_seconds == cal.between(t.created_at, t.first_response_at)
            assert t.resolution_seconds <= cal.between(t.created_at, t.resolved_at)
            assert t.id not in events
        else:
            # An open one: its whole history.
            assert st[0].entered_at == t.created_at and st[-1].left_at is None
            assert [x.status.value for x in st][-1] == t.status.value
            assert events[t.id][0].kind in ("created", "sla_breach")
    board = tk.load_board(database, tk.BoardQuery())
    assert sum(n for status, n in board.counts.items() if status != "closed") == 150
    result = run_sla_check(database, NOW)
    assert result.checked == 150 and result.breached > 0
    f = service_figures(database, NOW - dt.timedelta(days=365), NOW)
    assert f.tickets_resolved > 500 and f.csat_count > 0 and f.first_response_p90_s
    # A ticket registered afterwards gets the next id and number (sequences moved on).
    tid, _ = tk.create_ticket(
        database, tk.TicketInput(tickets[0].customer_id, "新工单", "question")
    )
    detail = tk.get_ticket(database, tid)
    assert tid == 2_001 and detail.number not in {t.number for t in tickets}


def test_bulk_tickets_with_their_full_history(sqlite_db):
    sqlite_db._clock = lambda: NOW
    generate_bulk(sqlite_db, 50, tickets=120, open_tickets=20, full_history=True)
    flow = [s.value for s in TicketStatus]
    with sqlite_db.read() as s:
        tickets = list(s.scalars(select(Ticket)))
        steps = _by_ticket(s.scalars(select(TicketStep).order_by(TicketStep.entered_at)))
        moves = _by_ticket(s.scalars(select(TicketEvent).where(TicketEvent.kind == "status")))
    for t in tickets:
        reached = flow.index(t.status.value)
        assert [x.status.value for x in steps[t.id]] == flow[: reached + 1]
        assert len(moves.get(t.id, [])) == reached
