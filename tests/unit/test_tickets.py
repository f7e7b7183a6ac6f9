"""Tickets as the service desk meets them: the complaint procedure step by step, refused moves
with their reasons, reopening, waiting for the customer, the recorded times and the numbers."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, insert, select

from crmdesk.errors import CrmError, NotFoundError, StaleEditError, ValidationError
from crmdesk.models import Notification, Task, TaskKind, Ticket
from crmdesk.services import Database
from crmdesk.services import activity as act
from crmdesk.services import notifications as nt
from crmdesk.services import tickets as tk
from tests.unit.ticket_office import MONDAY_9, SHANGHAI, Office, make_office

HOUR = 3600


@pytest.fixture
def office(database: Database) -> Office:
    return make_office(database)


def _kinds(db: Database, tid: int) -> list[tuple[str, str | None, str | None]]:
    return [(e.kind, e.from_value, e.to_value) for e in tk.get_ticket(db, tid).events]


def _revisits(db: Database, customer_id: int) -> list[Task]:
    with db.read() as s:
        return list(
            s.scalars(
                select(Task).where(
                    Task.customer_id == customer_id,
                    Task.kind == TaskKind.REVISIT,
                    Task.deleted_at.is_(None),
                )
            )
        )


# ---------------------------------------------------------------------------------------------
# The whole procedure


def test_a_ticket_goes_from_registration_to_closed_with_its_history(office: Office) -> None:
    db, clock = office.db, office.clock
    tid, changes = tk.create_ticket(
        db,
        tk.TicketInput(
            customer_id=office.customer,
            title="发票抬头错误",
            category="complaint",
            channel="phone",
            description="客户来电投诉发票抬头错误",
        ),
    )
    assert changes.tickets == {tid} and changes.customers == {office.customer}
    t = tk.get_ticket(db, tid)
    assert t.number == "T-2026-000001"
    assert (t.status, t.customer_name, t.created_by_name) == (
        "registered",
        "北京恒通科技有限公司",
        "tester",
    )
    # Assign within 30 business minutes of registration.
    assert t.due_at == (MONDAY_9 + dt.timedelta(minutes=30)).astimezone(dt.UTC)

    clock.advance(minutes=20)
    tk.move_ticket(db, tid, "assigned", assignee_id=office.agent)
    t = tk.get_ticket(db, tid)
    assert (t.status, t.assignee_name, t.team_id) == ("assigned", "李客服", office.team)
    assert t.first_response_seconds == 20 * 60
    assert t.first_response_at == clock()
    # A solution within 4 business hours: 09:20 + 4 h, over the lunch hour, is 14:20.
    assert t.due_at == dt.datetime(2026, 3, 2, 14, 20, tzinfo=SHANGHAI)

    clock.advance(hours=2)  # 11:20
    tk.move_ticket(db, tid, "solution")
    clock.advance(minutes=10)
    tk.move_ticket(db, tid, "informed")
    t = tk.get_ticket(db, tid)
    # Resolution is due 24 business hours after registration: three 8-hour days.
    assert t.due_at == dt.datetime(2026, 3, 4, 18, 0, tzinfo=SHANGHAI)

    clock.set(dt.datetime(2026, 3, 2, 15, 0, tzinfo=SHANGHAI))
    changes = tk.move_ticket(db, tid, "resolved", solution="重新开具发票并快递")
    t = tk.get_ticket(db, tid)
    assert (t.status, t.solution, t.resolved_at) == ("resolved", "重新开具发票并快递", clock())
    assert t.resolution_seconds == 5 * HOUR  # 09:00–15:00 less the lunch hour
    # The revisit: a task for the customer's owner, due one working day later.
    (task,) = _revisits(db, office.customer)
    assert changes.tasks == {task.id}
    assert task.assignee_id == office.owner and task.done_at is None
    assert task.title.startswith(t.number)
    assert task.due_at == dt.datetime(2026, 3, 3, 15, 0, tzinfo=SHANGHAI)
    assert t.due_at == task.due_at
    (note,) = nt.list_notifications(db, office.owner)
    assert (note.kind, note.task_id, note.params["number"]) == ("revisit", task.id, t.number)

    clock.advance(hours=1)
    tk.move_ticket(db, tid, "closed", csat=4, nps=8, feedback=" 处理及时 ")
    t = tk.get_ticket(db, tid)
    assert (t.status, t.csat, t.nps, t.feedback, t.closed_at) == (
        "closed",
        4,
        8,
        "处理及时",
        clock(),
    )
    assert t.due_at is None and not t.breached
    (task,) = _revisits(db, office.customer)
    assert task.done_at == clock()

    assert _kinds(db, tid) == [
        ("created", None, "registered"),
        ("assigned", None, "李客服"),
        ("status", "registered", "assigned"),
        ("status", "assigned", "solution"),
        ("status", "solution", "informed"),
        ("status", "informed", "resolved"),
        ("status", "resolved", "closed"),
    ]
    assert all(e.user_name == "tester" for e in t.events)
    steps = [(st.status, st.business_seconds, st.breached) for st in t.steps]
    assert steps == [
        ("registered", 20 * 60, False),
        ("assigned", 2 * HOUR, False),
        ("solution", 10 * 60, False),
        ("informed", 2 * HOUR + 30 * 60, False),  # 11:30–15:00 less lunch
        ("resolved", HOUR, False),
        ("closed", None, False),
    ]
    assert t.steps[-1].left_at is None


def test_the_customer_tabs_and_open_work_list_see_tickets(office: Office) -> None:
    tid = office.ticket()
    (row,) = act.list_tickets(office.db, office.customer)
    assert (row.id, row.status) == (tid, "registered")
    assert [r.id for r in act.list_open_tickets(office.db)] == [tid]
    office.walk(tid, "resolved")
    assert act.list_open_tickets(office.db) == []


def test_an_assignee_given_at_creation_assigns_the_ticket_at_once(office: Office) -> None:
    tid = office.ticket(assignee_id=office.agent)
    t = tk.get_ticket(office.db, tid)
    assert (t.status, t.assignee_id, t.team_id) == ("assigned", office.agent, office.team)
    assert t.first_response_seconds == 0
    assert [st.status for st in t.steps] == ["registered", "assigned"]


def test_assigning_a_registered_ticket_assigns_it_and_reassigning_records_who(
    office: Office,
) -> None:
    db = office.db
    tid = office.ticket()
    office.clock.advance(minutes=5)
    tk.assign_ticket(db, tid, office.agent)
    t = tk.get_ticket(db, tid)
    assert (t.status, t.first_response_seconds) == ("assigned", 300)
    tk.assign_ticket(db, tid, office.agent2)
    t = tk.get_ticket(db, tid)
    # The ticket follows its new assignee's team; the step's owner changes with it.
    assert (t.status, t.assignee_name, t.team_id) == ("assigned", "赵客服", office.other_team)
    assert t.steps[-1].user_name == "赵客服"
    assert _kinds(db, tid)[-1] == ("assigned", "李客服", "赵客服")
    assert t.first_response_seconds == 300  # the first response stays the first


# ---------------------------------------------------------------------------------------------
# Refused moves


def test_move_rules_say_what_a_move_needs() -> None:
    assert tk.move_rule("registered", "assigned").needs == {"assignee"}
    assert tk.move_rule("assigned", "solution") == tk.MoveRule(True, frozenset())
    assert tk.move_rule("informed", "resolved").needs == {"solution"}
    assert tk.move_rule("resolved", "closed").needs == {"satisfaction"}
    assert tk.move_rule("closed", "assigned").needs == {"reason"}
    for here, there in (("registered", "solution"), ("assigned", "assigned"), ("x", "closed")):
        rule = tk.move_rule(here, there)
        assert not rule.allowed and isinstance(rule.refusal, CrmError)
    assert "one step at a time" in str(tk.move_rule("registered", "closed").refusal)


REFUSALS = [
    ("registered", "solution", {}, "one step at a time"),
    ("registered", "assigned", {}, "Choose who takes this ticket"),
    ("informed", "resolved", {"solution": "  "}, "Write down the solution"),
    ("resolved", "closed", {}, "satisfaction (1 to 5)"),
    ("resolved", "closed", {"csat": 6}, "satisfaction (1 to 5)"),
    ("resolved", "closed", {"csat": 3, "nps": 11}, "NPS answer is a number from 0 to 10"),
    ("solution", "registered", {}, "Say why the ticket is reopened"),
    ("solution", "solution", {}, "already at this step"),
    ("solution", "archived", {}, "'archived' is not a ticket status"),
]


def test_a_refused_move_says_why_and_changes_nothing(office: Office) -> None:
    tickets = {
        status: office.ticket() for status in ("registered", "solution", "informed", "resolved")
    }
    for status, tid in tickets.items():
        if status != "registered":
            office.walk(tid, status)
    for start, to, kwargs, sentence in REFUSALS:
        tid = tickets[start]
        before = tk.get_ticket(office.db, tid)
        with pytest.raises(CrmError) as refused:
            tk.move_ticket(office.db, tid, to, **kwargs)
        assert sentence in str(refused.value), (start, to, kwargs)
        after = tk.get_ticket(office.db, tid)
        assert (after.status, after.version, len(after.events)) == (
            before.status,
            before.version,
            len(before.events),
        )


def test_a_disabled_agent_cannot_take_a_ticket(office: Office) -> None:
    from crmdesk.models import User

    with office.db.write() as s:
        user = s.get(User, office.agent2)
        assert user is not None
        user.active = False
    tid = office.ticket()
    with pytest.raises(ValidationError, match="赵客服 cannot take tickets"):
        tk.move_ticket(office.db, tid, "assigned", assignee_id=office.agent2)


def test_a_stale_move_or_edit_is_refused(office: Office) -> None:
    db = office.db
    tid = office.ticket()
    seen = tk.get_ticket(db, tid)
    tk.add_comment(db, tid, "客户又来电催促")  # a comment does not make an open ticket stale
    tk.move_ticket(db, tid, "assigned", assignee_id=office.agent, version=seen.version)
    with pytest.raises(StaleEditError, match="changed by someone else"):
        tk.move_ticket(db, tid, "solution", version=seen.version)
    with pytest.raises(StaleEditError, match="changed by someone else"):
        tk.update_ticket(db, tid, seen.to_input(), seen.version)
    assert tk.get_ticket(db, tid).status == "assigned"


# ---------------------------------------------------------------------------------------------
# Reopening


def test_reopening_a_closed_ticket_records_why_and_plans_a_new_revisit(office: Office) -> None:
    db, clock = office.db, office.clock
    tid = office.ticket()
    office.walk(tid, "assigned")
    clock.advance(hours=6)  # the solution was due at 14:00 (4 business hours)
    office.walk(tid, "closed")
    assert tk.get_ticket(db, tid).breached
    clock.advance(hours=1)
    tk.move_ticket(db, tid, "solution", reason="客户反馈问题再次出现")
    t = tk.get_ticket(db, tid)
    assert (t.status, t.resolved_at, t.closed_at, t.csat, t.resolution_seconds) == (
        "solution",
        None,
        None,
        None,
        None,
    )
    assert t.breached  # a ticket that was late stays marked
    assert t.events[-1].kind == "reopened"
    assert (t.events[-1].from_value, t.events[-1].to_value) == ("closed", "solution")
    assert t.events[-1].comment == "客户反馈问题再次出现"
    assert [st.status for st in t.steps][-2:] == ["closed", "solution"]
    assert t.steps[-2].left_at == clock()
    # The old revisit was done; the new resolution plans another.
    assert [task.done_at is not None for task in _revisits(db, office.customer)] == [True]
    office.walk(tid, "resolved")
    assert sorted(task.done_at is None for task in _revisits(db, office.customer)) == [False, True]


def test_reopening_a_resolved_ticket_drops_its_open_revisit(office: Office) -> None:
    tid = office.ticket()
    office.walk(tid, "resolved")
    assert len(_revisits(office.db, office.customer)) == 1
    tk.move_ticket(office.db, tid, "assigned", reason="方案无效")
    assert _revisits(office.db, office.customer) == []
    assert tk.get_ticket(office.db, tid).resolved_at is None


# ---------------------------------------------------------------------------------------------
# Waiting for the customer


def test_waiting_for_the_customer_pauses_the_clock(office: Office) -> None:
    db, clock = office.db, office.clock
    tid = office.ticket()
    office.walk(tid, "assigned")  # at 09:00: the solution is due at 14:00
    due = tk.get_ticket(db, tid).due_at
    assert due == dt.datetime(2026, 3, 2, 14, 0, tzinfo=SHANGHAI)

    clock.set(dt.datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI))
    tk.set_waiting(db, tid, True)
    t = tk.get_ticket(db, tid)
    assert t.waiting and t.due_at is None and t.remaining_seconds == 3 * HOUR
    assert t.events[-1].kind == "waiting"

    # Paused from Monday 10:00 to Tuesday 10:00: 8 business hours, whatever the wall clock.
    clock.set(dt.datetime(2026, 3, 3, 10, 0, tzinfo=SHANGHAI))
    tk.set_waiting(db, tid, False)
    t = tk.get_ticket(db, tid)
    assert not t.waiting and t.events[-1].kind == "resumed"
    # The deadline moved by the paused business time: 3 business hours from now.
    assert t.due_at == dt.datetime(2026, 3, 3, 14, 0, tzinfo=SHANGHAI)
    assert t.steps[-1].due_at == t.due_at and t.steps[-1].paused_seconds == 8 * HOUR

    clock.set(dt.datetime(2026, 3, 3, 11, 0, tzinfo=SHANGHAI))
    office.walk(tid, "resolved")
    t = tk.get_ticket(db, tid)
    assert t.steps[1].business_seconds == 2 * HOUR  # 10 h of business time less 8 h waiting
    assert not t.steps[1].breached
    assert t.resolution_seconds == 2 * HOUR
    # Resolution (from registration) is due 24 business hours later plus the waiting.
    assert t.steps[3].due_at == dt.datetime(2026, 3, 5, 18, 0, tzinfo=SHANGHAI)


def test_moving_a_waiting_ticket_resumes_it(office: Office) -> None:
    tid = office.ticket()
    office.walk(tid, "assigned")
    tk.set_waiting(office.db, tid, True)
    office.clock.advance(hours=1)
    tk.move_ticket(office.db, tid, "solution")
    t = tk.get_ticket(office.db, tid)
    assert not t.waiting and t.due_at is not None
    assert [e.kind for e in t.events][-2:] == ["resumed", "status"]
    assert t.steps[1].paused_seconds == HOUR and t.steps[1].business_seconds == 0


def test_a_ticket_paused_after_its_deadline_is_breached_and_stays_late(office: Office) -> None:
    db, clock = office.db, office.clock
    tid = office.ticket()
    clock.advance(hours=1)  # assignment was due at 09:30
    tk.set_waiting(db, tid, True)
    t = tk.get_ticket(db, tid)
    assert t.breached and t.remaining_seconds == -30 * 60
    clock.advance(hours=2)
    tk.set_waiting(db, tid, False)
    # Still half an hour late: the deadline is 30 business minutes before now.
    assert tk.get_ticket(db, tid).due_at == clock() - dt.timedelta(minutes=30)


def test_a_closed_ticket_cannot_wait(office: Office) -> None:
    tid = office.ticket()
    office.walk(tid, "closed")
    with pytest.raises(CrmError, match="reopen it first"):
        tk.set_waiting(office.db, tid, True)


# ---------------------------------------------------------------------------------------------
# Editing, comments, reading


def test_an_edit_is_recorded_field_by_field_and_a_new_priority_moves_the_deadline(
    office: Office,
) -> None:
    from crmdesk.services import service_settings
    from crmdesk.services.business_time import SlaPolicy, SlaStep

    db = office.db
    policy = SlaPolicy.default().with_minutes([(("urgent", SlaStep.ASSIGN), 10)])
    service_settings.save_policy(db, policy)
    tid = office.ticket()
    t = tk.get_ticket(db, tid)
    data = t.to_input()
    from dataclasses import replace

    changes = tk.update_ticket(
        db,
        tid,
        replace(data, title="发票重开", priority="urgent", description="补充说明"),
        t.version,
    )
    assert changes.notifications  # urgent now: the director hears of it
    t = tk.get_ticket(db, tid)
    edits = [(e.comment, e.from_value, e.to_value) for e in t.events if e.kind == "edited"]
    assert edits == [
        ("title", "打印机无法连接", "发票重开"),
        ("priority", "normal", "urgent"),
        ("description", None, None),
    ]
    assert t.due_at == dt.datetime(2026, 3, 2, 9, 10, tzinfo=SHANGHAI)
    (note,) = nt.list_notifications(db, office.director)
    assert (note.kind, note.ticket_id) == ("high_priority", tid)


def test_bad_input_is_refused_with_a_sentence(office: Office) -> None:
    with pytest.raises(ValidationError) as e:
        office.ticket(title="  ")
    assert e.value.field_errors == {"title": "Required."}
    with pytest.raises(ValidationError, match="'leak' is not a ticket category"):
        office.ticket(category="leak")
    with pytest.raises(ValidationError, match="'asap' is not a ticket priority"):
        office.ticket(priority="asap")
    with pytest.raises(NotFoundError):
        office.ticket(customer_id=9999)
    with pytest.raises(ValidationError, match="Write the comment first"):
        tk.add_comment(office.db, office.ticket(), " ")
    with pytest.raises(NotFoundError, match="This ticket no longer exists"):
        tk.get_ticket(office.db, 9999)


def test_comments_are_in_the_history_and_change_the_latest_event(office: Office) -> None:
    tid = office.ticket()
    before = tk.latest_ticket_change(office.db)
    tk.add_comment(office.db, tid, "已电话联系客户")
    assert tk.latest_ticket_change(office.db) > before
    e = tk.get_ticket(office.db, tid).events[-1]
    assert (e.kind, e.comment, e.user_name) == ("comment", "已电话联系客户", "tester")


def test_agents_and_teams_to_choose_from(office: Office) -> None:
    agents = tk.list_agents(office.db)
    service = [a.display_name for a in agents[:4]]
    assert sorted(service) == sorted(["王经理", "李客服", "赵客服", "陈总监"])
    assert {a.display_name for a in agents[4:]} == {"管理员", "孙销售", "tester"}
    assert [name for _, name in tk.list_teams(office.db)] == sorted(["售后服务部", "销售部"])
    assert tk.user_team_id(office.db, office.agent) == office.team
    assert tk.user_team_id(office.db, office.director) is None


# ---------------------------------------------------------------------------------------------
# Numbers


def test_numbers_count_per_year_of_the_office_and_follow_imported_ones(office: Office) -> None:
    db, clock = office.db, office.clock
    assert tk.get_ticket(db, office.ticket()).number == "T-2026-000001"
    with db.write() as s:  # an imported ticket with a higher number
        s.execute(
            insert(Ticket),
            [
                {
                    "number": "T-2027-000041",
                    "customer_id": office.customer,
                    "category": "question",
                    "title": "旧工单",
                }
            ],
        )
    assert tk.get_ticket(db, office.ticket()).number == "T-2026-000002"
    # New Year's Eve 17:00 UTC is already 2027 in Shanghai.
    clock.set(dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC))
    assert tk.get_ticket(db, office.ticket()).number == "T-2027-000042"
    assert tk.get_ticket(db, office.ticket()).number == "T-2027-000043"


def test_numbers_stay_unique_with_writers_at_the_same_time(office: Office) -> None:
    from crmdesk import db as dbmod

    url = office.db.engine.url
    made: list[str] = []
    errors: list[BaseException] = []

    def worker() -> None:
        engine = dbmod.create_db_engine(url)
        other = Database(engine, dbmod.create_session_factory(engine))
        other._clock = office.clock
        try:
            for _ in range(5):
                tid, _ = tk.create_ticket(
                    other,
                    tk.TicketInput(customer_id=office.customer, title="并发", category="question"),
                )
                made.append(tk.get_ticket(other, tid).number)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            other.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert sorted(made) == [f"T-2026-{n:06d}" for n in range(1, 21)]
    with office.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 20


# ---------------------------------------------------------------------------------------------
# Escalation at creation


def test_a_late_registration_is_breached_at_once(office: Office) -> None:
    db, clock = office.db, office.clock
    clock.advance(hours=1)
    tid = office.ticket(reported_at=MONDAY_9)  # registered an hour after the call
    t = tk.get_ticket(db, tid)
    assert t.breached
    breach = next(e for e in t.events if e.kind == "sla_breach")
    assert (breach.to_value, breach.at) == ("register", MONDAY_9 + dt.timedelta(minutes=10))
    # Nobody is assigned yet: the administrators hear of it.
    with db.read() as s:
        told = set(s.scalars(select(Notification.user_id).where(Notification.ticket_id == tid)))
    assert office.admin in told
    on_time = office.ticket(reported_at=clock.now - dt.timedelta(minutes=5))
    assert not tk.get_ticket(db, on_time).breached


def test_urgent_and_high_tickets_are_announced_to_the_director(office: Office) -> None:
    high = office.ticket(priority="high")
    office.ticket(priority="normal")
    urgent = office.ticket(priority="urgent")
    notes = nt.list_notifications(office.db, office.director)
    assert {(n.kind, n.ticket_id) for n in notes} == {
        ("high_priority", high),
        ("high_priority", urgent),
    }
    assert notes[0].params["customer"] == "北京恒通科技有限公司"
