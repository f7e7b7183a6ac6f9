"""The office calendar and SLA policy are kept in the database, refused when they make no sense,
and lists of holidays can be pasted in the forms people copy them in."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from crmdesk.errors import ValidationError
from crmdesk.models import Setting
from crmdesk.services import Database
from crmdesk.services import service_settings as ss
from crmdesk.services.business_time import (
    CHINA_2026_HOLIDAYS,
    OfficeCalendar,
    SlaPolicy,
    SlaStep,
    default_calendar,
)

D = dt.date


def test_a_new_office_gets_the_defaults(database: Database) -> None:
    cal = ss.load_calendar(database)
    assert cal == default_calendar()
    assert cal.timezone == "Asia/Shanghai" and cal.holidays == CHINA_2026_HOLIDAYS
    assert ss.load_policy(database) == SlaPolicy.default()


def test_calendar_and_policy_are_saved_and_read_back(database: Database) -> None:
    cal = OfficeCalendar(
        timezone="Europe/Berlin",
        work_start=dt.time(8, 30),
        work_end=dt.time(16, 45),
        lunch_start=None,
        lunch_end=None,
        workdays=frozenset({0, 1, 2, 3, 4, 5}),
        holidays=frozenset({D(2026, 12, 24), D(2026, 12, 25)}),
        makeup_days=frozenset({D(2026, 12, 27)}),
    )
    changes = ss.save_calendar(database, cal)
    assert not changes.everything
    assert ss.load_calendar(database) == cal
    # Saving again replaces the first save.
    ss.save_calendar(database, dataclasses.replace(cal, work_end=dt.time(17)))
    assert ss.load_calendar(database).work_end == dt.time(17)

    policy = SlaPolicy.default().with_minutes([(("urgent", SlaStep.SOLUTION), 90)])
    ss.save_policy(database, policy)
    loaded = ss.load_policy(database)
    assert loaded.minutes_for("urgent", SlaStep.SOLUTION) == 90
    assert loaded.minutes_for("normal", SlaStep.SOLUTION) == 240
    assert loaded == policy


@pytest.mark.parametrize(
    ("change", "sentence", "field"),
    [
        (
            {"work_start": dt.time(18), "work_end": dt.time(9)},
            "The working day must end after it starts.",
            "work_end",
        ),
        (
            {"lunch_start": dt.time(13), "lunch_end": dt.time(12)},
            "The lunch break must end after it starts and lie within working hours.",
            "lunch",
        ),
        (
            {"lunch_start": dt.time(19), "lunch_end": dt.time(20)},
            "The lunch break must end after it starts and lie within working hours.",
            "lunch",
        ),
        (
            {"lunch_end": None},
            "Give the lunch break both a start and an end, or no lunch break at all.",
            "lunch",
        ),
        ({"workdays": frozenset()}, "Choose at least one working day of the week.", "workdays"),
        (
            {"timezone": "Asia/Beijing"},
            "'Asia/Beijing' is not a time zone; choose one from the list (like Asia/Shanghai).",
            "timezone",
        ),
        (
            {"makeup_days": frozenset({D(2026, 10, 3)})},
            "2026-10-03 is listed both as a holiday and as a make-up working day; remove it "
            "from one of the lists.",
            "makeup_days",
        ),
    ],
)
def test_a_calendar_that_makes_no_sense_is_refused_and_not_saved(
    database: Database, change: dict[str, object], sentence: str, field: str
) -> None:
    bad = dataclasses.replace(default_calendar(), **change)
    with pytest.raises(ValidationError) as caught:
        ss.save_calendar(database, bad)
    assert str(caught.value) == sentence
    assert field in caught.value.field_errors
    assert ss.load_calendar(database) == default_calendar()


@pytest.mark.parametrize(
    ("minutes", "sentence"),
    [
        (-5, "Every SLA time must be at least one minute."),
        (0, "Every SLA time must be at least one minute."),
        (10_000 * 60, "An SLA time can be at most 9999 hours."),
    ],
)
def test_an_sla_time_out_of_range_is_refused(
    database: Database, minutes: int, sentence: str
) -> None:
    bad = SlaPolicy.default().with_minutes([(("high", SlaStep.ASSIGN), minutes)])
    with pytest.raises(ValidationError) as caught:
        ss.save_policy(database, bad)
    assert str(caught.value) == sentence
    assert caught.value.field_errors.keys() == {"high/assign"}
    assert ss.load_policy(database) == SlaPolicy.default()


def test_a_damaged_stored_setting_falls_back_to_the_defaults(database: Database) -> None:
    with database.write() as s:
        s.add(Setting(key=ss.CALENDAR_KEY, value='{"work_start": "25:00"}'))
        s.add(Setting(key=ss.POLICY_KEY, value="not json"))
    assert ss.load_calendar(database) == default_calendar()
    assert ss.load_policy(database) == SlaPolicy.default()


def test_pasted_dates_in_the_forms_people_write_them() -> None:
    text = """2026-01-01
    2026/2/16, 2026.4.6；2026年5月1日、20260619
    2026-10-10（周六） 2026-09-20 (Sun)
    2026-10-01 00:00:00
    """
    assert ss.parse_dates(text) == [
        D(2026, 1, 1),
        D(2026, 2, 16),
        D(2026, 4, 6),
        D(2026, 5, 1),
        D(2026, 6, 19),
        D(2026, 9, 20),
        D(2026, 10, 1),
        D(2026, 10, 10),
    ]


def test_pasted_ranges_give_every_day() -> None:
    assert ss.parse_dates("2026-10-01 至 2026-10-07") == [D(2026, 10, d) for d in range(1, 8)]
    assert ss.parse_dates("2026-02-15~2026-02-17, 2026-05-01 - 2026-05-02") == [
        D(2026, 2, 15),
        D(2026, 2, 16),
        D(2026, 2, 17),
        D(2026, 5, 1),
        D(2026, 5, 2),
    ]
    assert ss.parse_dates("") == []


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("2026-10-01\nnext Friday", "'next' is not a date; write dates like 2026-10-01."),
        ("2026-02-30", "'2026-02-30' is not a date; write dates like 2026-10-01."),
        ("2026-10-01 ~", "The range that starts on 2026-10-01 has no end date."),
        ("~ 2026-10-01", "'~' is not a date; write dates like 2026-10-01."),
        (
            "2026-10-01 to 2062-10-01",
            "2026-10-01 to 2062-10-01 is more than a year of days; check the years.",
        ),
    ],
)
def test_pasted_text_that_is_not_dates_is_refused(text: str, sentence: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ss.parse_dates(text)
    assert str(caught.value) == sentence


def test_time_zone_choices_start_with_the_usual_office() -> None:
    names = ss.time_zone_names()
    assert names[0] == "Asia/Shanghai"
    assert "Europe/Berlin" in names and "UTC" in names
    assert len(names) == len(set(names))
