"""The SLA checker with a clock the test moves: a late step is breached once, stays breached,
its escalation contact and the director hear of it once, and nothing is lost while the app was
closed. Plus the notification centre's own rules."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, func, insert, literal, select, update

from crmdesk.models import Notification, Ticket, TicketEvent, User
from crmdesk.services import Database, sla
from crmdesk.services import notifications as nt
from crmdesk.services import tickets as tk
from tests.unit.ticket_office import SHANGHAI, Office, make_office


@pytest.fixture
def office(database: Database) -> Office:
    return make_office(database)


def _notes(db: Database, tid: int) -> list[tuple[int, str]]:
    with db.read() as s:
        rows = s.execute(
            select(Notification.user_id, Notification.kind).where(Notification.ticket_id == tid)
        )
        return sorted((uid, kind) for uid, kind in rows)


def _breaches(db: Database, tid: int) -> list[tk.TicketEventRow]:
    return [e for e in tk.get_ticket(db, tid).events if e.kind == "sla_breach"]


def test_a_late_step_is_breached_once_and_its_manager_told_once(office: Office) -> None:
    db, clock = office.db, office.clock
    tid = office.ticket()
    office.walk(tid, "assigned")  # the solution is due at 14:00

    clock.set(dt.datetime(2026, 3, 2, 13, 59, tzinfo=SHANGHAI))
    assert sla.run_sla_check(db) == sla.SlaCheckResult(1, 0, 0)

    clock.set(dt.datetime(2026, 3, 2, 14, 5, tzinfo=SHANGHAI))
    result = sla.run_sla_check(db)
    assert (result.checked, result.breached, result.notified) == (1, 1, 1)
    assert result.changes.tickets == {tid} and result.changes.notifications
    t = tk.get_ticket(db, tid)
    assert t.breached and t.steps[-1].breached
    (event,) = _breaches(db, tid)
    # Recorded when it fell due, by nobody (the checker).
    assert (event.at, event.user_name, event.from_value, event.to_value) == (
        dt.datetime(2026, 3, 2, 14, 0, tzinfo=SHANGHAI),
        None,
        "assigned",
        "solution",
    )
    (note,) = nt.list_notifications(db, office.manager)
    assert (note.kind, note.ticket_id, note.customer_id) == ("sla_breach", tid, office.customer)
    assert note.params["number"] == t.number and note.params["step"] == "solution"
    assert note.params["assignee"] == "李客服"
    assert nt.list_notifications(db, office.agent) == []

    # Again, and again later: nothing new.
    assert sla.run_sla_check(db) == sla.SlaCheckResult(1, 0, 0)
    clock.advance(days=2)
    assert sla.run_sla_check(db) == sla.SlaCheckResult(1, 0, 0)
    assert len(_breaches(db, tid)) == 1 and len(nt.list_notifications(db, office.manager)) == 1

    # Moving on does not clear the mark; a later late step is a new breach with a new notice.
    clock.set(dt.datetime(2026, 3, 5, 9, 0, tzinfo=SHANGHAI))
    tk.move_ticket(db, tid, "solution")
    assert tk.get_ticket(db, tid).breached
    clock.advance(hours=1)  # informing the customer was due in 30 minutes
    assert sla.run_sla_check(db).breached == 1
    assert len(nt.list_notifications(db, office.manager)) == 2
    assert [e.to_value for e in _breaches(db, tid)] == ["solution", "inform"]


def test_a_ticket_that_fell_due_while_the_app_was_closed_is_caught_at_the_next_run(
    office: Office,
) -> None:
    db, clock = office.db, office.clock
    late = office.ticket("周五下午登记")
    office.ticket("还没到期", priority="low")
    # Friday 17:50: assignment is due at Monday 09:20 (10 minutes on Friday, 20 on Monday).
    clock.set(dt.datetime(2026, 3, 6, 17, 50, tzinfo=SHANGHAI))
    friday = office.ticket("周五傍晚登记")
    assert tk.get_ticket(db, friday).due_at == dt.datetime(2026, 3, 9, 9, 20, tzinfo=SHANGHAI)
    # Nobody ran the checker all weekend; it runs when the app starts on Monday at 09:10.
    clock.set(dt.datetime(2026, 3, 9, 9, 10, tzinfo=SHANGHAI))
    result = sla.run_sla_check(db)
    assert (result.checked, result.breached) == (3, 2)
    assert [e.at for e in _breaches(db, late)] == [dt.datetime(2026, 3, 2, 9, 30, tzinfo=SHANGHAI)]
    assert not tk.get_ticket(db, friday).breached
    clock.set(dt.datetime(2026, 3, 9, 9, 21, tzinfo=SHANGHAI))
    assert sla.run_sla_check(db).breached == 1
    assert tk.get_ticket(db, friday).breached


def test_the_director_hears_of_urgent_tickets_and_missed_ones_are_caught_up(
    office: Office,
) -> None:
    db = office.db
    urgent = office.ticket(priority="urgent")
    assert _notes(db, urgent) == [(office.director, "high_priority")]
    # A high ticket whose announcement never happened (made by another program, say).
    with db.write() as s:
        s.execute(
            insert(Ticket),
            [
                {
                    "number": "T-2026-009999",
                    "customer_id": office.customer,
                    "category": "fault",
                    "priority": "high",
                    "title": "外部系统导入",
                }
            ],
        )
        missed = s.scalar(select(Ticket.id).where(Ticket.number == "T-2026-009999"))
    assert missed is not None
    result = sla.run_sla_check(db)
    assert (result.breached, result.notified) == (0, 1)
    assert _notes(db, missed) == [(office.director, "high_priority")]
    assert sla.run_sla_check(db).notified == 0
    # Resolved tickets are not announced any more.
    office.walk(urgent, "resolved")
    with db.write() as s:
        s.execute(delete(Notification).where(Notification.ticket_id == urgent))
    assert sla.run_sla_check(db).notified == 0


def test_a_breach_of_an_urgent_ticket_reaches_manager_and_director(office: Office) -> None:
    db, clock = office.db, office.clock
    tid = office.ticket(priority="urgent", assignee_id=office.agent)
    clock.advance(hours=6)
    sla.run_sla_check(db)
    assert _notes(db, tid) == sorted(
        [(office.director, "high_priority"), (office.manager, "sla_breach")]
    )


def test_waiting_tickets_are_not_breached(office: Office) -> None:
    db, clock = office.db, office.clock
    tid = office.ticket()
    tk.set_waiting(db, tid, True)
    clock.advance(days=3)
    assert sla.run_sla_check(db) == sla.SlaCheckResult(1, 0, 0)
    assert not tk.get_ticket(db, tid).breached


def test_closed_and_deleted_tickets_are_left_alone(office: Office) -> None:
    db, clock = office.db, office.clock
    closed = office.ticket()
    office.walk(closed, "closed")
    gone = office.ticket()
    with db.write() as s:
        s.execute(update(Ticket).where(Ticket.id == gone).values(deleted_at=clock()))
    clock.advance(days=5)
    assert sla.run_sla_check(db) == sla.SlaCheckResult(0, 0, 0)


def test_escalation_falls_back_to_the_superior_then_the_administrators(office: Office) -> None:
    db, clock = office.db, office.clock
    with db.write() as s:
        # 赵客服's team has no manager; their superior is 王经理.
        s.execute(update(User).where(User.id == office.agent2).values(superior_id=office.manager))
    to_superior = office.ticket(assignee_id=office.agent2)
    with db.write() as s:
        s.execute(update(User).where(User.id == office.director).values(team_id=None))
    to_admins = office.ticket(assignee_id=office.director)  # no team, no superior
    clock.advance(hours=6)
    assert sla.run_sla_check(db).breached == 2
    assert _notes(db, to_superior) == [(office.manager, "sla_breach")]
    admins = sorted(
        uid for uid in (office.admin, db.user.id if db.user else 0) if uid != office.director
    )
    assert [u for u, kind in _notes(db, to_admins) if kind == "sla_breach"] == admins


def test_escalation_skips_inactive_and_self() -> None:
    staff = sla.Staff(
        people={
            1: sla._Person("admin", None, None, True),
            2: sla._Person("service_agent", 10, 3, True),  # manages team 10 itself
            3: sla._Person("service_agent", None, None, False),  # disabled superior
            4: sla._Person("service_agent", 10, None, True),
            5: sla._Person("service_director", None, None, False),
        },
        managers={10: 2},
    )
    assert staff.escalation(4, 10) == [2]
    assert staff.escalation(2, 10) == [1]  # its own manager, a disabled superior: the admin
    assert staff.escalation(None, None) == [1]
    assert staff.directors() == [1]  # no active director: the administrators


def test_the_checker_handles_many_open_tickets_in_a_few_statements(office: Office) -> None:
    """Thousands of late tickets in one run; the statement count does not grow with them."""
    from sqlalchemy import event

    db, clock = office.db, office.clock
    with db.write() as s:
        base = clock()
        rows = [
            {
                "number": f"T-2026-{n:06d}",
                "customer_id": office.customer,
                "category": "question",
                "priority": "high" if n % 10 == 0 else "normal",
                "status": "registered",
                "title": f"批量 {n}",
                "assignee_id": office.agent,
                "due_at": base + dt.timedelta(minutes=n % 50),
                "step_started_at": base,
                "created_at": base,
                "updated_at": base,
            }
            for n in range(1, 1201)
        ]
        s.execute(insert(Ticket), rows)
        s.execute(
            insert(Ticket.__table__.metadata.tables["ticket_step"]).from_select(
                ["ticket_id", "status", "entered_at", "due_at", "breached", "paused_seconds"],
                select(
                    Ticket.id,
                    Ticket.status,
                    Ticket.created_at,
                    Ticket.due_at,
                    Ticket.breached,
                    literal(0),
                ),
            )
        )
    clock.advance(hours=2)
    statements: list[str] = []
    listener = lambda *a: statements.append(a[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        result = sla.run_sla_check(db)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert (result.checked, result.breached) == (1200, 1200)
    assert result.notified == 1200 + 120  # the manager for each, the director for high ones
    assert len(statements) < 40
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.breached)) == 1200
        assert (
            s.scalar(
                select(func.count())
                .select_from(TicketEvent)
                .where(TicketEvent.kind == "sla_breach")
            )
            == 1200
        )
    assert sla.run_sla_check(db) == sla.SlaCheckResult(1200, 0, 0)


# ---------------------------------------------------------------------------------------------
# The notification centre


def test_a_notification_key_is_used_once(database: Database) -> None:
    uid = database.user.id if database.user else 0
    with database.write() as s:
        assert nt.notify(s, key="k1", user_id=uid, kind="revisit", params={"number": "T-1"})
        assert not nt.notify(s, key="k1", user_id=uid, kind="revisit")
    with database.write() as s:
        assert not nt.notify(s, key="k1", user_id=uid, kind="revisit")
        assert nt.notify(s, key="k2", user_id=uid, kind="sla_breach")
    rows = nt.list_notifications(database, uid)
    assert [r.kind for r in rows] == ["sla_breach", "revisit"]  # newest first
    assert rows[1].params == {"number": "T-1"}


def test_the_bell_counts_unread_and_marking_read_empties_it(office: Office) -> None:
    db = office.db
    for priority in ("urgent", "high", "high"):
        office.ticket(priority=priority)
    assert nt.unread_count(db, office.director) == 3
    latest = nt.latest_notification_id(db)
    first, *rest = nt.list_notifications(db, office.director)
    assert nt.mark_read(db, [first.id]).notifications
    assert nt.unread_count(db, office.director) == 2
    assert [r.id for r in nt.list_notifications(db, office.director)] == [r.id for r in rest]
    assert len(nt.list_notifications(db, office.director, include_read=True)) == 3
    nt.mark_all_read(db, office.director)
    assert nt.unread_count(db, office.director) == 0
    assert nt.latest_notification_id(db) == latest  # reading adds nothing
    read = nt.list_notifications(db, office.director, include_read=True)
    assert all(r.read_at == office.clock() for r in read)


def test_notifications_belong_to_their_user(office: Office) -> None:
    office.ticket(priority="urgent")
    assert nt.unread_count(office.db, office.director) == 1
    assert nt.unread_count(office.db, office.manager) == 0
    assert nt.list_notifications(office.db, office.agent) == []
