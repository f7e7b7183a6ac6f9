"""The dashboard's service figures, each worked out by hand on a small fixed set of tickets."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.models import Customer, Team, Ticket, TicketEvent, TicketStep, User
from crmdesk.services import Database
from crmdesk.services.service_metrics import BACKLOG_BUCKETS, service_figures


def d(month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, minute, tzinfo=dt.UTC)


START, END = d(6, 1), d(7, 1)
NOW = d(7, 10)


def _ticket(cid: int, number: str, created: dt.datetime, team: int, **kw: object) -> Ticket:
    kw.setdefault("category", "question")
    kw.setdefault("priority", "normal")
    kw.setdefault("status", "registered")
    return Ticket(
        number=number, customer_id=cid, title=number, created_at=created, team_id=team, **kw
    )


def _step(t: Ticket, status: str, left: dt.datetime | None, breached: bool = False) -> TicketStep:
    entered = (left or NOW) - dt.timedelta(hours=1)
    return TicketStep(
        ticket_id=t.id, status=status, entered_at=entered, left_at=left, breached=breached
    )


@pytest.fixture
def office(database: Database) -> dict[str, int]:
    """Fifteen tickets around June 2025 in two teams; the expected figures below are counted
    from this list by hand."""
    database._clock = lambda: NOW
    with database.write() as s:
        team_a, team_b = Team(name="一线客服"), Team(name="二线客服")
        ann = User(username="ann", display_name="Ann", role="service_agent")
        bo = User(username="bo", display_name="Bo", role="service_agent")
        cust = Customer(code="C1", name="恒通", search_text="")
        s.add_all([team_a, team_b, ann, bo, cust])
        s.flush()
        a, b, c = team_a.id, team_b.id, cust.id
        t = {
            # Registered, answered, resolved and closed in June.
            1: _ticket(c, "T1", d(6, 2), a, category="complaint", priority="high",
                       status="closed", assignee_id=ann.id, reported_at=d(6, 1, 23, 55),
                       first_response_at=d(6, 2, 1), first_response_seconds=600,
                       resolved_at=d(6, 5), resolution_seconds=3600, closed_at=d(6, 6),
                       csat=5, nps=10),
            2: _ticket(c, "T2", d(6, 3), a, status="closed", assignee_id=ann.id, breached=True,
                       first_response_at=d(6, 3, 1), first_response_seconds=1200,
                       resolved_at=d(6, 10), resolution_seconds=7200, closed_at=d(6, 11),
                       csat=4, nps=8),
            3: _ticket(c, "T3", d(6, 10), a, category="fault", status="resolved",
                       assignee_id=bo.id, first_response_at=d(6, 10, 1),
                       first_response_seconds=300, resolved_at=d(6, 20),
                       resolution_seconds=10800),
            4: _ticket(c, "T4", d(6, 15), a, priority="urgent", status="assigned",
                       assignee_id=bo.id, breached=True, reported_at=d(6, 14),
                       first_response_at=d(6, 15, 1), first_response_seconds=2400),
            5: _ticket(c, "T5", d(6, 30, 12), a, category="request", priority="low"),
            # Registered in May: its resolution and revisit count in June, its response not.
            6: _ticket(c, "T6", d(5, 20), a, category="complaint", priority="high",
                       status="closed", assignee_id=ann.id, first_response_at=d(5, 20, 1),
                       first_response_seconds=900, resolved_at=d(6, 2),
                       resolution_seconds=5000, closed_at=d(6, 3), csat=2, nps=3),
            7: _ticket(c, "T7", d(5, 1), a, status="solution", assignee_id=bo.id,
                       first_response_at=d(5, 1, 1), first_response_seconds=100),
            # The other team's only ticket.
            8: _ticket(c, "T8", d(6, 5), b, category="fault", status="informed",
                       assignee_id=bo.id, reported_at=d(6, 5), first_response_at=d(6, 5, 1),
                       first_response_seconds=100),
            # Deleted: counts nowhere.
            9: _ticket(c, "T9", d(6, 4), a, status="assigned", assignee_id=ann.id,
                       breached=True, first_response_at=d(6, 4, 1), first_response_seconds=9,
                       deleted_at=d(6, 5)),
            10: _ticket(c, "T10", d(6, 25), a),
            11: _ticket(c, "T11", d(6, 28, 12), a, category="complaint", status="assigned",
                        assignee_id=ann.id, first_response_at=d(6, 28, 13),
                        first_response_seconds=50),
            # Resolved only after the period ended: part of the backlog at its end.
            12: _ticket(c, "T12", d(6, 26), a, category="fault", status="resolved",
                        assignee_id=ann.id, first_response_at=d(6, 26, 1),
                        first_response_seconds=700, resolved_at=d(7, 5),
                        resolution_seconds=4000),
            # Registered on the first instant of the period.
            13: _ticket(c, "T13", d(6, 1), a, category="request", status="closed",
                        assignee_id=ann.id, first_response_at=d(6, 1, 1),
                        first_response_seconds=400, resolved_at=d(6, 3),
                        resolution_seconds=2000, closed_at=d(6, 4), csat=5, nps=9),
            # Registered on the first instant after the period.
            14: _ticket(c, "T14", d(7, 1), a, status="assigned", assignee_id=bo.id,
                        first_response_at=d(7, 1, 1), first_response_seconds=10),
            # Exactly one day old at the end of the period.
            15: _ticket(c, "T15", d(6, 30), a),
        }  # fmt: skip
        s.add_all(t.values())
        s.flush()
        steps = [
            _step(t[1], "registered", d(6, 2, 1)),
            _step(t[1], "assigned", d(6, 3)),
            _step(t[1], "solution", d(6, 3, 2), breached=True),
            _step(t[1], "informed", d(6, 5)),
            _step(t[1], "resolved", d(6, 6)),
            _step(t[1], "closed", None),
            _step(t[2], "closed", d(6, 9)),  # closed, then reopened: nothing was due
            _step(t[2], "resolved", d(6, 11), breached=True),
            _step(t[4], "registered", d(6, 15, 1), breached=True),
            _step(t[4], "assigned", None, breached=True),  # late but not over: not counted
            _step(t[6], "registered", d(5, 20, 1)),  # ended in May
            _step(t[6], "informed", d(6, 2), breached=True),
            _step(t[6], "resolved", d(6, 3)),
            _step(t[8], "registered", d(6, 5, 1)),
            _step(t[9], "registered", d(6, 4, 1), breached=True),
            _step(t[14], "registered", d(7, 1, 1), breached=True),  # ended in July
        ]
        s.add_all(steps)
        # T4 was registered more than 10 minutes after the customer reported it.
        s.add(TicketEvent(ticket_id=t[4].id, at=d(6, 15), kind="sla_breach", to_value="register"))
        return {"team_a": a, "team_b": b, "ann": ann.id, "bo": bo.id}


def test_counts_and_rates(database: Database, office: dict[str, int]) -> None:
    f = service_figures(database, START, END)
    # Registered in [June 1, July 1): T1-T5, T8, T10-T13, T15 (not T14, not the deleted T9).
    assert f.tickets_created == 11
    # Resolved in June: T1, T2, T3, T6, T13 (T12 only in July).
    assert f.tickets_resolved == 5
    # Of the 11 registered in June, T1, T2, T3 and T13 were resolved by July 1.
    assert f.resolution_rate == pytest.approx(4 / 11)
    assert (f.period_start, f.period_end, f.team_id) == (START, END, None)


def test_first_response_and_resolution_times(database: Database, office: dict[str, int]) -> None:
    f = service_figures(database, START, END)
    # Registered in June and answered: 50 (T11), 100 (T8), 300 (T3), 400 (T13), 600 (T1),
    # 700 (T12), 1200 (T2), 2400 (T4). Median of eight: (400 + 600) / 2; p90: rank ceil(7.2).
    assert f.first_response_count == 8
    assert f.first_response_median_s == 500
    assert f.first_response_p90_s == 2400
    # Resolved in June: 2000 (T13), 3600 (T1), 5000 (T6), 7200 (T2), 10800 (T3).
    assert f.resolution_count == 5
    assert f.resolution_median_s == 5000
    assert f.resolution_avg_s == pytest.approx(28600 / 5)


def test_satisfaction(database: Database, office: dict[str, int]) -> None:
    f = service_figures(database, START, END)
    # Closed in June: T1 (5, 10), T2 (4, 8), T6 (2, 3), T13 (5, 9).
    assert (f.csat_count, f.csat_avg) == (4, 4.0)
    # Promoters T1 and T13, detractor T6, passive T2: (2 - 1) / 4.
    assert (f.nps_count, f.nps) == (4, 25.0)


def test_sla_compliance_per_step_and_overall(database: Database, office: dict[str, int]) -> None:
    f = service_figures(database, START, END)
    assert f.sla_compliance == {
        "register": pytest.approx(2 / 3),  # T1 and T8 registered in time, T4 late
        "assign": pytest.approx(2 / 3),  # T1 and T8 assigned in time, T4 late
        "solution": 1.0,  # T1
        "inform": 0.0,  # T1 late
        "resolve": 0.5,  # T1 in time, T6 late
        "revisit": pytest.approx(2 / 3),  # T1 and T6 in time, T2 late
    }
    # 3 register + 3 assign + 1 solution + 1 inform + 2 resolve + 3 revisit = 13 steps, of
    # which 5 were late.
    assert f.sla_steps_count == 13
    assert f.sla_overall == pytest.approx(8 / 13)


def test_spread_by_category_priority_and_agent(database: Database, office: dict[str, int]) -> None:
    f = service_figures(database, START, END)
    assert f.by_category == {"complaint": 2, "question": 4, "request": 2, "fault": 3}
    assert f.by_priority == {"urgent": 1, "high": 1, "normal": 8, "low": 1}
    ann, bo = office["ann"], office["bo"]
    # (agent, registered in June, resolved in June, registered in June and breached)
    assert [tuple(a) for a in f.by_agent] == [
        (ann, "Ann", 5, 4, 1),  # T1 T2 T11 T12 T13; resolved T1 T2 T6 T13; T2 breached
        (bo, "Bo", 3, 1, 1),  # T3 T4 T8; resolved T3; T4 breached
        (None, None, 3, 0, 0),  # nobody's yet: T5 T10 T15
    ]


def test_backlog_by_age_at_the_end_of_the_period(database: Database, office: dict[str, int]):
    f = service_figures(database, START, END)
    assert [k for k, _ in f.backlog_by_age] == [k for k, _ in BACKLOG_BUCKETS]
    assert dict(f.backlog_by_age) == {
        "under_1d": 1,  # T5 (12 hours)
        "1_3d": 2,  # T15 (exactly a day), T11
        "3_7d": 2,  # T10, T12 (resolved only on July 5)
        "7_30d": 2,  # T4, T8
        "over_30d": 1,  # T7
    }
    # A period that ends later than now counts the backlog now (July 10): T12 was resolved
    # since, T14 is open; everything is nine days older.
    later = service_figures(database, START, d(8, 1))
    assert dict(later.backlog_by_age) == {
        "under_1d": 0,
        "1_3d": 0,
        "3_7d": 0,
        "7_30d": 6,  # T14 (9 days), T5, T15, T11, T10, T4
        "over_30d": 2,  # T8 (35 days), T7
    }


def test_one_team(database: Database, office: dict[str, int]) -> None:
    f = service_figures(database, START, END, team_id=office["team_b"])
    assert (f.tickets_created, f.tickets_resolved, f.resolution_rate) == (1, 0, 0.0)
    assert (f.first_response_median_s, f.first_response_p90_s) == (100, 100)
    assert (f.resolution_median_s, f.resolution_avg_s) == (None, None)
    assert f.sla_compliance == {
        "register": 1.0,
        "assign": 1.0,
        "solution": None,
        "inform": None,
        "resolve": None,
        "revisit": None,
    }
    assert f.sla_overall == 1.0 and f.sla_steps_count == 2
    assert (f.csat_avg, f.csat_count, f.nps, f.nps_count) == (None, 0, None, 0)
    assert [tuple(a) for a in f.by_agent] == [(office["bo"], "Bo", 1, 0, 0)]
    assert dict(f.backlog_by_age)["7_30d"] == 1 and sum(n for _, n in f.backlog_by_age) == 1
    team_a = service_figures(database, START, END, team_id=office["team_a"])
    assert team_a.tickets_created == 10 and team_a.first_response_count == 7


def test_an_empty_period_has_no_figures(database: Database, office: dict[str, int]) -> None:
    f = service_figures(database, d(1, 1), d(2, 1))
    assert (f.tickets_created, f.tickets_resolved, f.first_response_count) == (0, 0, 0)
    assert f.first_response_median_s is None and f.resolution_rate is None
    assert f.sla_overall is None and set(f.sla_compliance.values()) == {None}
    assert f.by_agent == [] and set(f.by_category.values()) == {0}
    assert dict(f.backlog_by_age) == dict.fromkeys(dict(BACKLOG_BUCKETS), 0)


@pytest.mark.parametrize(
    ("count", "median", "p90"),
    [(1, 100, 100), (2, 150, 200), (10, 550, 900), (11, 600, 1000), (20, 1050, 1800)],
)
def test_median_and_p90_are_the_middle_and_the_nearest_rank(
    database: Database, count: int, median: float, p90: float
) -> None:
    database._clock = lambda: NOW
    with database.write() as s:
        cust = Customer(code="C1", name="恒通", search_text="")
        s.add(cust)
        s.flush()
        # Inserted in a shuffled order: the database sorts them.
        for i in sorted(range(1, count + 1), key=lambda i: (i * 7) % 11):
            s.add(
                _ticket(cust.id, f"T{i}", d(6, 2), None, first_response_at=d(6, 2, 1),  # type: ignore[arg-type]
                        first_response_seconds=100 * i)
            )  # fmt: skip
    f = service_figures(database, START, END)
    assert (f.first_response_median_s, f.first_response_p90_s) == (median, p90)
