"""The daily follow-up rules with a clock the test moves: revisit cadence once per overdue
period, birthday and anniversary care tasks once a year (across month ends, year ends and
Feb 29), and release to the public pool with its history — and nothing twice however often
the rules run."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from crmdesk.models import Customer, TaskKind
from crmdesk.services import Database, rules
from crmdesk.services import activity as act
from crmdesk.services import followup as fu
from crmdesk.services.dto import InteractionInput
from tests.unit.followup_office import Office, at, make_office

NO_POOL = fu.FollowupSettings(pool_enabled=False)


@pytest.fixture
def office(database: Database) -> Office:
    return make_office(database)


def _run(office: Office, when: dt.datetime, settings: fu.FollowupSettings = NO_POOL):
    office.clock.set(when)
    return rules.run_daily_rules(office.db, settings=settings)


def test_a_customer_past_its_cadence_gets_one_revisit_task_not_one_a_day(office: Office) -> None:
    db = office.db
    a = office.customer("A客户", "A", last=at(2026, 2, 15, 16))  # A: every 14 days → Mar 1
    b = office.customer("B客户", "B", last=at(2026, 2, 15))  # B: 30 days → not yet
    office.customer("无主", "A", owner=None, last=at(2026, 1, 1))
    office.customer("无级别", None, last=at(2026, 1, 1))

    result = _run(office, at(2026, 3, 2, 8))
    assert (result.cadence_tasks, result.birthday_tasks, result.released_to_pool) == (1, 0, 0)
    (t,) = office.tasks()
    assert (t.customer_id, t.kind, t.assignee_id) == (a, TaskKind.REVISIT, office.rep)
    # Keyed by the day the cadence ran out (UTC), due at 10:00 office time today.
    assert t.rule_key == f"cadence:{a}:2026-03-01"
    assert t.due_at == at(2026, 3, 2, 10)
    assert result.changes.tasks == {t.id} and result.changes.notifications
    (note,) = office.notes(office.rep, "cadence")
    assert note.params == '{"count": 1}'

    # Again the same day, and the following days: nothing new while the task is open…
    assert _run(office, at(2026, 3, 2, 18)).cadence_tasks == 0
    assert _run(office, at(2026, 3, 3, 8)).cadence_tasks == 0
    # …nor once it was closed without logging a contact: the same overdue period.
    fu.finish_task(db, t.id)
    assert _run(office, at(2026, 3, 4, 8)).cadence_tasks == 0
    assert len(office.tasks(a)) == 1
    # Logging a contact starts a new period: due again 14 days later.
    office.clock.set(at(2026, 3, 4, 11))
    act.add_interaction(db, a, InteractionInput("visit", "Visited"))
    # B's 30 days after Feb 15 09:00 end on Mar 17 09:00.
    result = _run(office, at(2026, 3, 17, 23))
    assert result.cadence_tasks == 1
    assert [t.rule_key for t in office.tasks(b)] == [f"cadence:{b}:2026-03-17"]
    assert _run(office, at(2026, 3, 18, 10)).cadence_tasks == 0
    result = _run(office, at(2026, 3, 18, 12))
    assert result.cadence_tasks == 1
    assert office.tasks(a)[-1].rule_key == f"cadence:{a}:2026-03-18"


def test_cadence_counts_across_month_ends_and_leap_days(office: Office) -> None:
    settings = fu.FollowupSettings(cadence_days={"B": 30}, pool_enabled=False)
    jan31 = office.customer("一月底", "B", last=dt.datetime(2026, 1, 31, 12, tzinfo=dt.UTC))
    leap = office.customer("闰日", "B", last=dt.datetime(2028, 2, 29, 12, tzinfo=dt.UTC))
    # 2026 has no Feb 29: Jan 31 + 30 days is Mar 2.
    assert _run(office, at(2026, 3, 2, 19), settings).cadence_tasks == 0
    assert _run(office, at(2026, 3, 2, 21), settings).cadence_tasks == 1
    assert [t.rule_key for t in office.tasks(jan31)] == [f"cadence:{jan31}:2026-03-02"]
    # 2028 has one: Feb 29 + 30 days is Mar 30. (The Jan 31 customer, never contacted since,
    # gets no second task: still the same overdue period.)
    fu.finish_task(office.db, office.tasks(jan31)[0].id)
    assert _run(office, at(2028, 3, 30, 19), settings).cadence_tasks == 0
    result = _run(office, at(2028, 3, 30, 21), settings)
    assert result.cadence_tasks == 1
    assert [t.rule_key for t in office.tasks(leap)] == [f"cadence:{leap}:2028-03-30"]


def test_a_tier_without_a_cadence_and_a_customer_without_a_tier_get_no_revisits(
    office: Office,
) -> None:
    settings = fu.FollowupSettings(cadence_days={"B": 30}, pool_enabled=False)
    a = office.customer("A 级", "A", last=at(2025, 1, 1))
    none = office.customer("未分级", None, last=at(2025, 1, 1))
    b = office.customer("B 级", "B", last=at(2025, 1, 1))
    assert _run(office, at(2026, 3, 2, 9), settings).cadence_tasks == 1
    assert office.tasks(a) == [] and office.tasks(none) == []
    assert [t.rule_key for t in office.tasks(b)] == [f"cadence:{b}:2025-01-31"]


def test_a_never_contacted_customer_counts_from_its_creation(office: Office) -> None:
    c = office.customer("新客户", "C", created=at(2026, 1, 1, 12))
    assert _run(office, at(2026, 3, 31, 11)).cadence_tasks == 0
    assert _run(office, at(2026, 4, 1, 13)).cadence_tasks == 1
    assert office.tasks(c)[0].rule_key == f"cadence:{c}:2026-04-01"


def test_birthday_care_tasks_come_a_week_ahead_once_a_year_across_the_year_end(
    office: Office,
) -> None:
    cid = office.customer("腾讯", last=at(2026, 12, 29))
    c = office.contact(cid, "马化腾", dt.date(1971, 1, 2))
    settings = fu.FollowupSettings(cadence_days={}, care_days_ahead=3, pool_enabled=False)
    assert _run(office, at(2026, 12, 26, 8), settings).birthday_tasks == 0  # 7 days ahead
    result = _run(office, at(2026, 12, 27, 8), settings)
    assert result.birthday_tasks == 1
    (t,) = office.tasks(cid)
    assert (t.kind, t.rule_key, t.due_at, t.remind_at) == (
        TaskKind.CARE, f"birthday:{c}:2027", at(2027, 1, 2, 10), at(2027, 1, 2, 10)
    )  # fmt: skip
    assert "马化腾" in t.title
    # My Day lists it for the week ahead…
    (b,) = fu.my_day(office.db, office.rep).birthdays
    assert (b.contact_id, b.on, b.age) == (c, dt.date(2027, 1, 2), 56)
    # …and the owner is told care_days_ahead (3) days before.
    assert office.notes(office.rep, "birthday") == []
    assert _run(office, at(2026, 12, 29, 8), settings).notified == 0
    result = _run(office, at(2026, 12, 30, 8), settings)
    assert (result.birthday_tasks, result.notified) == (0, 1)
    (note,) = office.notes(office.rep, "birthday")
    assert note.task_id == t.id
    # The next days and the birthday itself (now in 2027): no second task, no second note.
    for day in (at(2026, 12, 31), at(2027, 1, 1), at(2027, 1, 2, 9)):
        assert _run(office, day, settings) == rules.DailyResult(0, 0, 0, 0)
    # A year later: the next birthday's task.
    assert _run(office, at(2027, 12, 27, 8), settings).birthday_tasks == 1
    assert [t.rule_key for t in office.tasks(cid)][-1] == f"birthday:{c}:2028"


def test_feb_29_birthdays_and_anniversaries_fall_on_feb_28_in_common_years(
    office: Office,
) -> None:
    cid = office.customer("闰年公司", last=at(2027, 2, 20))
    c = office.contact(cid, "闰日", dt.date(1992, 2, 29))
    doc = office.contract(cid, "HT-2024-229", dt.date(2024, 2, 29))
    settings = fu.FollowupSettings(cadence_days={}, care_days_ahead=0, pool_enabled=False)
    assert _run(office, at(2027, 2, 21), settings).birthday_tasks == 0
    result = _run(office, at(2027, 2, 22), settings)  # Feb 22..28
    assert (result.birthday_tasks, result.anniversary_tasks, result.notified) == (1, 1, 0)
    keys = sorted(t.rule_key for t in office.tasks(cid))
    assert keys == [f"anniversary:{doc}:2027", f"birthday:{c}:2027"]
    assert {t.due_at for t in office.tasks(cid)} == {at(2027, 2, 28, 10)}
    day = fu.my_day(office.db, office.rep)
    assert [(a.document_id, a.on, a.years) for a in day.anniversaries] == [
        (doc, dt.date(2027, 2, 28), 3)
    ]
    assert [(b.on, b.age) for b in day.birthdays] == [(dt.date(2027, 2, 28), 35)]
    # Announced on the day (care_days_ahead 0), once.
    assert _run(office, at(2027, 2, 28), settings).notified == 2
    assert _run(office, at(2027, 3, 1), settings) == rules.DailyResult(0, 0, 0, 0)
    # In a leap year, on the day itself.
    assert _run(office, at(2028, 2, 22), settings).birthday_tasks == 0
    assert _run(office, at(2028, 2, 23), settings).birthday_tasks == 1
    assert office.tasks(cid)[-1].due_at == at(2028, 2, 29, 10)


def test_contract_anniversaries_across_a_month_end(office: Office) -> None:
    cid = office.customer("百度", last=at(2026, 3, 1))
    doc = office.contract(cid, "HT-2024-001", dt.date(2024, 4, 1))
    office.contract(cid, "HT-2026-002", dt.date(2026, 4, 2))  # signed in the coming days
    office.contract(cid, "HT-2025-003", dt.date(2025, 4, 1), status="cancelled")
    settings = fu.FollowupSettings(cadence_days={}, care_days_ahead=3, pool_enabled=False)
    assert _run(office, at(2026, 3, 25), settings).anniversary_tasks == 0
    result = _run(office, at(2026, 3, 26), settings)
    assert result.anniversary_tasks == 1
    (t,) = office.tasks(cid)
    assert t.rule_key == f"anniversary:{doc}:2026" and "2 years" in t.title
    assert t.due_at == at(2026, 4, 1, 10)
    assert _run(office, at(2026, 3, 29), settings).notified == 1
    (note,) = office.notes(office.rep, "anniversary")
    assert note.task_id == t.id
    assert _run(office, at(2026, 3, 30), settings) == rules.DailyResult(0, 0, 0, 0)


def test_neglected_customers_go_to_the_pool_once_and_claims_restart_the_clock(
    office: Office,
) -> None:
    db, rep = office.db, office.rep
    settings = fu.FollowupSettings(cadence_days={}, pool_days={"A": 60, "C": 30}, pool_enabled=True)
    c = office.customer("C客户", "C", last=at(2026, 1, 30, 8))
    a = office.customer("A客户", "A", last=at(2026, 2, 10, 8))  # A: 60 days → Apr 11
    b = office.customer("B客户", "B", last=at(2025, 1, 1))  # B has no pool period
    fresh = office.customer("新客户", "C", created=at(2026, 3, 5))  # never contacted

    assert _run(office, at(2026, 2, 28, 23), settings).released_to_pool == 0
    result = _run(office, at(2026, 3, 1, 9), settings)
    assert result.released_to_pool == 1 and result.changes.customers == {c}
    assert office.owner_of(c) == (None, at(2026, 3, 1, 9))
    for other in (a, b, fresh):
        assert office.owner_of(other) == (rep, None)
    # The history has the owner change, by nobody (the rules)…
    assert office.history(c) == [("owner_id", str(rep), None)]
    (row,) = fu.list_pool(db)
    assert (row.customer_id, row.previous_owner) == (c, "孙销售")
    # …and the previous owner is told.
    (note,) = office.notes(rep, "pool_released")
    assert note.customer_id == c and '"days": 30' in (note.params or "")
    assert _run(office, at(2026, 3, 1, 10), settings).released_to_pool == 0

    # Claimed on Mar 2 by the other rep: the 30 days start again from the claim.
    office.clock.set(at(2026, 3, 2, 9))
    fu.claim_from_pool(db, [c], user_id=office.other_rep)
    assert _run(office, at(2026, 3, 3), settings).released_to_pool == 0
    assert _run(office, at(2026, 3, 31, 23), settings).released_to_pool == 0
    result = _run(office, at(2026, 4, 1, 10), settings)
    assert result.released_to_pool == 1 and result.changes.customers == {c}
    assert len(office.notes(office.other_rep, "pool_released")) == 1
    # Never contacted: counted from its creation (Mar 5 + 30 days).
    assert _run(office, at(2026, 4, 4, 8), settings).released_to_pool == 0
    assert _run(office, at(2026, 4, 4, 10), settings).changes.customers == {fresh}
    assert office.owner_of(a) == (rep, None)
    assert _run(office, at(2026, 4, 11, 10), settings).changes.customers == {a}


def test_a_release_over_many_slices_tells_each_owner_once_with_the_first_names(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "_SLICE", 3)  # 13 customers: five slices, some empty of due ones
    settings = fu.FollowupSettings(cadence_days={}, pool_days={"A": 60, "C": 30}, pool_enabled=True)
    old = at(2025, 6, 1)
    mine = [office.customer(f"甲{i:02}", "C", last=old) for i in range(7)]
    kept = office.customer("常联系", "C", last=at(2026, 2, 27))
    other = office.other_rep
    theirs = [office.customer(f"乙{i}", t, owner=other, last=old) for i, t in enumerate("ACA")]
    office.customer("无期限", "B", last=old)  # B has no pool period
    gone = office.customer("已删除", "C", last=old)
    with office.db.write() as s:
        s.execute(update(Customer).where(Customer.id == gone).values(deleted_at=old))

    result = _run(office, at(2026, 3, 1, 9), settings)
    assert result.released_to_pool == 10
    assert result.changes.customers == set(mine) | set(theirs)
    assert office.owner_of(kept)[0] == office.rep
    assert sorted(office.history(mine[6])) == [("owner_id", str(office.rep), None)]
    (note,) = office.notes(office.rep, "pool_released")
    params = json.loads(note.params or "{}")
    assert params["count"] == 7 and params["days"] == 30
    assert params["customers"] == ["甲00", "甲01", "甲02", "甲03", "甲04"]
    (note,) = office.notes(other, "pool_released")
    params = json.loads(note.params or "{}")
    # Two tiers with different periods: no single number of days to name.
    assert params["count"] == 3 and params["days"] is None
    assert _run(office, at(2026, 3, 1, 10), settings).released_to_pool == 0


def test_a_failed_release_slice_changes_nothing_and_the_connection_gets_its_cache_back(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = fu.FollowupSettings(cadence_days={}, pool_days={"C": 30}, pool_enabled=True)
    c = office.customer("甲", "C", last=at(2025, 6, 1))
    real = rules._release_slice

    def fails_after_writing(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise OperationalError("UPDATE customer", {}, Exception("disk I/O error"))

    def cache_size() -> int | None:
        with office.db.read() as s:
            if s.get_bind().dialect.name != "sqlite":
                return None
            return int(s.connection().exec_driver_sql("PRAGMA cache_size").scalar() or 0)

    usual = cache_size()
    monkeypatch.setattr(rules, "_release_slice", fails_after_writing)
    with pytest.raises(OperationalError):
        _run(office, at(2026, 3, 1, 9), settings)
    assert office.owner_of(c)[0] == office.rep
    assert office.history(c) == []
    assert cache_size() == usual
    monkeypatch.setattr(rules, "_release_slice", real)
    assert _run(office, at(2026, 3, 1, 9), settings).released_to_pool == 1
    assert cache_size() == usual


def test_pool_release_can_be_switched_off(office: Office) -> None:
    c = office.customer("C客户", "C", last=at(2025, 1, 1))
    settings = fu.FollowupSettings(pool_enabled=False)
    assert _run(office, at(2026, 3, 1), settings).released_to_pool == 0
    assert office.owner_of(c)[0] == office.rep
    # In the pool, a customer gets no revisit task.
    result = _run(office, at(2026, 3, 2), fu.FollowupSettings(pool_enabled=True))
    assert result.released_to_pool == 1 and result.cadence_tasks == 0


def test_the_pool_is_off_until_the_office_turns_it_on(office: Office) -> None:
    c = office.customer("C客户", "C", last=at(2025, 1, 1))
    assert fu.load_followup_settings(office.db).pool_enabled is False
    office.clock.set(at(2026, 3, 1))
    assert rules.run_daily_rules(office.db).released_to_pool == 0
    assert office.owner_of(c)[0] == office.rep


def test_the_daily_run_is_due_once_per_office_day(office: Office) -> None:
    db = office.db
    office.clock.set(at(2026, 3, 2, 7))
    assert rules.daily_rules_due(db)
    rules.run_daily_rules(db)
    assert not rules.daily_rules_due(db)
    office.clock.set(at(2026, 3, 2, 23, 59))
    assert not rules.daily_rules_due(db)
    office.clock.set(at(2026, 3, 3, 0, 1))
    assert rules.daily_rules_due(db)


def test_rule_made_tasks_are_titled_in_the_office_language(office: Office) -> None:
    a = office.customer("华为", "A", last=at(2026, 2, 15, 16))
    c = office.contact(a, "任正非", dt.date(1944, 3, 5))
    office.clock.set(at(2026, 3, 2, 8))
    settings = fu.FollowupSettings(care_days_ahead=3, pool_enabled=False)
    result = rules.run_daily_rules(office.db, settings=settings, lang="zh_CN")
    assert (result.cadence_tasks, result.birthday_tasks) == (1, 1)
    titles = {t.rule_key: t.title for t in office.tasks(a)}
    assert titles[f"cadence:{a}:2026-03-01"] == "定期回访（每 14 天）"
    assert titles[f"birthday:{c}:2026"] == "生日关怀：任正非（华为）"


def test_the_settings_can_count_a_release_before_it_is_saved(office: Office) -> None:
    settings = fu.FollowupSettings(cadence_days={}, pool_days={"A": 60, "C": 30}, pool_enabled=True)
    office.customer("C老", "C", last=at(2026, 1, 1))
    office.customer("A老", "A", last=at(2025, 12, 1))
    office.customer("A近", "A", last=at(2026, 2, 1))  # 60 days run out on Apr 2
    office.customer("B老", "B", last=at(2025, 1, 1))  # B has no pool period
    office.customer("公海", "C", owner=None, last=at(2025, 1, 1))  # nobody's: nothing to release
    when = at(2026, 3, 1, 9)
    office.clock.set(when)
    assert rules.pool_release_count(office.db, fu.FollowupSettings(pool_enabled=False)) == 0
    assert rules.pool_release_count(office.db, settings) == 2
    assert rules.pool_release_count(office.db, settings, at(2026, 4, 3)) == 3
    # The count is what the run then does, and nothing is released by counting.
    assert _run(office, when, settings).released_to_pool == 2
    assert rules.pool_release_count(office.db, settings) == 0
