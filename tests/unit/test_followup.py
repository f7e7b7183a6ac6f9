"""Follow-up work with a clock the test moves: quick tasks, completing a task by logging the
contact, My Day, reminders (caught up, snoozed, done), the rules' settings and the public pool."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.errors import NotFoundError, ValidationError
from crmdesk.models import Setting
from crmdesk.services import Database, rules
from crmdesk.services import activity as act
from crmdesk.services import followup as fu
from crmdesk.services import notifications as nt
from crmdesk.services.dto import InteractionInput
from tests.unit.followup_office import Office, at, make_office


@pytest.fixture
def office(database: Database) -> Office:
    return make_office(database)


CARE_ONLY = fu.FollowupSettings(cadence_days={}, pool_enabled=False)


def _task(office: Office, cid: int, title: str, due: dt.datetime | None, user: int | None = None):
    tid, _ = fu.add_quick_task(
        office.db, fu.TaskInput(title, cid, due, assignee_id=user or office.rep)
    )
    return tid


def test_quick_task_defaults_to_following_up_tomorrow_at_ten(office: Office) -> None:
    db = office.db
    cid = office.customer("华为")
    office.clock.set(at(2026, 3, 31, 17, 30))  # a month end
    data = fu.default_task_input(db, cid)
    assert data.title == "Follow up with 华为"
    assert data.due_at == at(2026, 4, 1, 10, 0)
    assert data.assignee_id == db.user.id
    tid, changes = fu.add_quick_task(db, data)
    assert changes.tasks == {tid} and changes.customers == {cid}
    (t,) = office.tasks(cid)
    # The reminder fires when it is due unless told otherwise.
    assert (t.title, t.remind_at, t.done_at) == ("Follow up with 华为", data.due_at, None)
    with pytest.raises(ValidationError):
        fu.add_quick_task(db, fu.TaskInput("  ", cid))
    with pytest.raises(NotFoundError):
        fu.default_task_input(db, cid + 100)


def test_my_day_sorts_the_reps_open_tasks_into_overdue_today_and_this_week(
    office: Office,
) -> None:
    db = office.db
    office.clock.set(at(2026, 3, 2, 14, 0))
    cid = office.customer("阿里巴巴")
    late = _task(office, cid, "late", at(2026, 2, 27, 10))
    missed_this_morning = _task(office, cid, "this morning", at(2026, 3, 2, 10))
    tonight = _task(office, cid, "tonight", at(2026, 3, 2, 23, 30))
    tomorrow = _task(office, cid, "tomorrow", at(2026, 3, 3, 0, 0))
    in_a_week = _task(office, cid, "in a week", at(2026, 3, 9, 18))
    _task(office, cid, "later", at(2026, 3, 10, 0, 0))
    undated = _task(office, cid, "someday", None)
    done = _task(office, cid, "done", at(2026, 3, 2, 16))
    act.set_task_done(db, done, True)
    _task(office, cid, "someone else's", at(2026, 3, 2, 16), user=office.other_rep)

    day = fu.my_day(db, office.rep)
    assert [t.id for t in day.overdue] == [late, missed_this_morning]
    assert [t.id for t in day.due_today] == [tonight]
    assert [t.id for t in day.this_week] == [tomorrow, in_a_week]
    assert [t.id for t in day.undated] == [undated]
    assert day.customer_names == {cid: "阿里巴巴"}
    assert not day.truncated


def test_my_day_lists_the_customers_not_contacted_for_longest_never_contacted_first(
    office: Office,
) -> None:
    rep = office.rep
    recent = [office.customer(f"R{i}", last=at(2026, 2, 20 - i)) for i in range(9)]
    oldest = office.customer("Oldest", last=at(2025, 6, 1))
    never = office.customer("Never", tier="C")
    office.customer("Other's", owner=office.other_rep)
    office.customer("Pool", owner=None)
    day = fu.my_day(office.db, rep)
    ids = [c.customer_id for c in day.stale_customers]
    assert ids == [never, oldest, *reversed(recent[1:])]
    assert day.stale_customers[0] == fu.StaleCustomer(never, "Never", None, "C")
    assert day.stale_customers[1].last_interaction_at == at(2025, 6, 1)


def test_birthdays_of_the_coming_week_cross_the_year_end(office: Office) -> None:
    office.clock.set(at(2026, 12, 28, 8))
    cid = office.customer("腾讯")
    c1 = office.contact(cid, "马化腾", dt.date(1971, 1, 3))  # the 7th day: shown
    c2 = office.contact(cid, "张小龙", dt.date(1969, 12, 28))  # today
    office.contact(cid, "刘炽平", dt.date(1973, 1, 4))  # the 8th day: not yet
    office.contact(cid, "许晨晔", dt.date(1961, 12, 27))  # yesterday
    office.contact(cid, "无名", None)
    other = office.customer("Other", owner=office.other_rep)
    office.contact(other, "别人的", dt.date(1980, 12, 29))
    rules.run_daily_rules(office.db, settings=CARE_ONLY)
    day = fu.my_day(office.db, office.rep)
    assert [(b.contact_id, b.on, b.age) for b in day.birthdays] == [
        (c2, dt.date(2026, 12, 28), 57),
        (c1, dt.date(2027, 1, 3), 56),
    ]
    # For reports, the same week: the same birthdays (without My Day's care tasks).
    direct = fu.birthdays_in_window(office.db, office.rep, dt.date(2026, 12, 28), 7)
    assert [(b.contact_id, b.on, b.age) for b in direct] == [
        (b.contact_id, b.on, b.age) for b in day.birthdays
    ]
    # My Day gives the care task behind each, so Done works on it.
    assert all(b.task_id is not None for b in day.birthdays)
    # Once the care task is done, the birthday is taken care of.
    (care,) = [t for t in office.tasks(cid) if t.rule_key == f"birthday:{c2}:2026"]
    fu.finish_task(office.db, care.id)
    assert [b.contact_id for b in fu.my_day(office.db, office.rep).birthdays] == [c1]


def test_a_feb_29_birthday_is_celebrated_on_feb_28_in_other_years(office: Office) -> None:
    cid = office.customer("京东")
    leapling = office.contact(cid, "闰日", dt.date(1992, 2, 29))
    office.clock.set(at(2027, 2, 22))  # Feb 22..28: the 28th is the 7th day
    rules.run_daily_rules(office.db, settings=CARE_ONLY)
    (b,) = fu.my_day(office.db, office.rep).birthdays
    assert (b.contact_id, b.on, b.age) == (leapling, dt.date(2027, 2, 28), 35)
    office.clock.set(at(2028, 2, 24))  # a leap year: on the day itself
    rules.run_daily_rules(office.db, settings=CARE_ONLY)
    (b,) = fu.my_day(office.db, office.rep).birthdays
    assert b.on == dt.date(2028, 2, 29)
    office.clock.set(at(2028, 3, 1))
    assert fu.my_day(office.db, office.rep).birthdays == []
    assert fu.celebrated_on(dt.date(1992, 2, 29), 2100) == dt.date(2100, 2, 28)


def test_contract_anniversaries_of_the_coming_week(office: Office) -> None:
    office.clock.set(at(2026, 3, 2))
    cid = office.customer("百度")
    two_years = office.contract(cid, "HT-2024-001", dt.date(2024, 3, 5))
    office.contract(cid, "HT-2026-001", dt.date(2026, 3, 4))  # signed this year: no anniversary
    office.contract(cid, "HT-2025-009", dt.date(2025, 3, 3), status="cancelled")
    office.contract(cid, "HT-2023-004", dt.date(2023, 3, 9))  # the 8th day
    rules.run_daily_rules(office.db, settings=CARE_ONLY)
    day = fu.my_day(office.db, office.rep)
    assert [(a.document_id, a.number, a.on, a.years) for a in day.anniversaries] == [
        (two_years, "HT-2024-001", dt.date(2026, 3, 5), 2)
    ]
    direct = fu.anniversaries_in_window(office.db, None, dt.date(2026, 3, 2), 7)
    assert [a.document_id for a in direct] == [a.document_id for a in day.anniversaries]


def test_completing_a_task_logs_the_contact_and_can_plan_the_next(office: Office) -> None:
    db = office.db
    cid = office.customer("小米", last=at(2026, 1, 5))
    tid = _task(office, cid, "Call about the quote", at(2026, 3, 2, 10))
    office.clock.set(at(2026, 3, 2, 11))
    changes = fu.complete_task_with_interaction(
        db,
        tid,
        InteractionInput("call", "Agreed on the price"),
        next_task=fu.TaskInput("Send the contract", cid, at(2026, 3, 4, 10), office.rep),
    )
    first, second = office.tasks(cid)
    assert first.done_at == at(2026, 3, 2, 11) and second.done_at is None
    assert changes.tasks == {first.id, second.id} and changes.customers == {cid}
    (i,) = act.list_interactions(db, cid)
    assert (i.kind, i.summary, i.occurred_at) == ("call", "Agreed on the price", at(2026, 3, 2, 11))
    day = fu.my_day(db, office.rep)
    assert [t.title for t in day.this_week] == ["Send the contract"]
    assert all(c.customer_id != cid or c.last_interaction_at == at(2026, 3, 2, 11)
               for c in day.stale_customers)  # fmt: skip
    with pytest.raises(ValidationError):
        fu.complete_task_with_interaction(db, second.id, InteractionInput("call", " "))
    assert office.tasks(cid)[1].done_at is None


def test_reminders_fire_once_are_caught_up_snoozed_and_done(office: Office) -> None:
    db, rep = office.db, office.rep
    cid = office.customer("联想")
    tid = _task(office, cid, "Call back", at(2026, 3, 2, 10))
    office.clock.set(at(2026, 3, 2, 9, 59))
    assert fu.due_reminders(db, rep) == []
    # The app was closed at 10:00: the next start catches up.
    office.clock.set(at(2026, 3, 2, 15))
    (r,) = fu.due_reminders(db, rep)
    assert (r.task_id, r.customer_name, r.title, r.remind_at) == (
        tid, "联想", "Call back", at(2026, 3, 2, 10)
    )  # fmt: skip
    fired, changes = fu.fire_reminders(db, rep)
    assert [f.task_id for f in fired] == [tid] and changes.notifications
    assert fu.fire_reminders(db, rep) == ([], fu.ChangeSet())
    assert fu.due_reminders(db, rep) == []
    (note,) = nt.list_notifications(db, rep)
    assert (note.kind, note.task_id, note.params["title"]) == ("task_due", tid, "Call back")

    fu.snooze_task(db, tid, at(2026, 3, 2, 15, 10))
    assert nt.list_notifications(db, rep) == []  # the snoozed one is dealt with
    office.clock.set(at(2026, 3, 2, 15, 5))
    assert fu.fire_reminders(db, rep)[0] == []
    office.clock.set(at(2026, 3, 2, 15, 11))
    fired, _ = fu.fire_reminders(db, rep)
    assert [f.remind_at for f in fired] == [at(2026, 3, 2, 15, 10)]
    assert len(nt.list_notifications(db, rep)) == 1

    fu.finish_task(db, tid)
    assert office.tasks(cid)[0].done_at == at(2026, 3, 2, 15, 11)
    assert nt.list_notifications(db, rep) == []
    office.clock.set(at(2026, 3, 3, 15))
    assert fu.due_reminders(db, rep) == []


def test_mark_reminded_tells_each_assignee_once(office: Office) -> None:
    db = office.db
    cid = office.customer("格力")
    mine = _task(office, cid, "mine", at(2026, 3, 2, 10))
    theirs = _task(office, cid, "theirs", at(2026, 3, 2, 10), user=office.other_rep)
    office.clock.set(at(2026, 3, 2, 10, 1))
    changes = fu.mark_reminded(db, [mine, theirs])
    assert changes.tasks == {mine, theirs}
    assert fu.mark_reminded(db, [mine, theirs]).tasks == frozenset()
    assert [n.task_id for n in office.notes(office.rep)] == [mine]
    assert [n.task_id for n in office.notes(office.other_rep)] == [theirs]


def test_followup_settings_round_trip_and_validation(office: Office) -> None:
    db = office.db
    assert fu.load_followup_settings(db) == fu.FollowupSettings()
    mine = fu.FollowupSettings({"A": 7, "B": 21}, 5, {"C": 20}, pool_enabled=False)
    fu.save_followup_settings(db, mine)
    assert fu.load_followup_settings(db) == mine
    with pytest.raises(ValidationError) as err:
        fu.save_followup_settings(db, fu.FollowupSettings(cadence_days={"A": 0}))
    assert "cadence/A" in err.value.field_errors
    with pytest.raises(ValidationError):
        fu.save_followup_settings(db, fu.FollowupSettings(pool_days={"Z": 3}))
    with pytest.raises(ValidationError):
        fu.save_followup_settings(db, fu.FollowupSettings(care_days_ahead=-1))
    assert fu.load_followup_settings(db) == mine
    with db.write() as s:
        s.get(Setting, fu.SETTINGS_KEY).value = "{not json"
    assert fu.load_followup_settings(db) == fu.FollowupSettings()


def test_release_and_claim_move_customers_through_the_pool_with_history(
    office: Office,
) -> None:
    db = office.db
    a = office.customer("美的", owner=office.rep)
    b = office.customer("海尔", owner=office.other_rep)
    office.clock.set(at(2026, 3, 2, 9))
    changes = fu.release_to_pool(db, [a, b])
    assert changes.customers == {a, b}
    assert office.owner_of(a) == (None, at(2026, 3, 2, 9))
    assert fu.count_pool(db) == 2 and fu.count_pool(db, "美") == 1
    rows = fu.list_pool(db)
    assert {(r.customer_id, r.previous_owner) for r in rows} == {(a, "孙销售"), (b, "周销售")}
    # The previous owners are told (the signed-in user releasing for them).
    assert len(office.notes(office.rep, "pool_released")) == 1
    assert office.history(a)[-1:] == [("owner_id", str(office.rep), None)]
    office.clock.set(at(2026, 3, 3, 9))
    changes = fu.claim_from_pool(db, [a], user_id=office.other_rep)
    assert changes.customers == {a}
    assert office.owner_of(a) == (office.other_rep, None)
    assert office.history(a)[-1:] == [("owner_id", None, str(office.other_rep))]
    assert [r.customer_id for r in fu.list_pool(db)] == [b]
    with pytest.raises(ValidationError):
        fu.claim_from_pool(db, [a])
    # A list with one already taken: the rest is claimed.
    assert fu.claim_from_pool(db, [a, b]).customers == {b}
    assert fu.count_pool(db) == 0
