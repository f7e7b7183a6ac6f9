"""Business-time arithmetic: SLA deadlines across nights, lunch, weekends, holidays, make-up
working days (调休) and daylight-saving changes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from crmdesk.services.business_time import (
    CHINA_2026_HOLIDAYS,
    CHINA_2026_MAKEUP_DAYS,
    STEP_DUE_IN_STATUS,
    OfficeCalendar,
    SlaPolicy,
    SlaStep,
    default_calendar,
)

UTC = dt.UTC
SH = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
H = 3600
M = 60


def sh(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SH)


# --- hand-computed examples on the default office calendar ------------------------------------

CN = default_calendar()


@pytest.mark.parametrize(
    ("start", "seconds", "due"),
    [
        # Friday evening: 10 minutes on Friday, 20 on Monday.
        (sh(2026, 3, 13, 17, 50), 30 * M, sh(2026, 3, 16, 9, 20)),
        # Through lunch: 10 minutes before it, 20 after.
        (sh(2026, 3, 10, 11, 50), 30 * M, sh(2026, 3, 10, 13, 20)),
        # Registered at night: the clock starts at 09:00.
        (sh(2026, 3, 10, 20, 0), 10 * M, sh(2026, 3, 11, 9, 10)),
        # Exactly to the end of the day: due at 18:00 that day, not on Monday morning.
        (sh(2026, 3, 13, 17, 30), 30 * M, sh(2026, 3, 13, 18, 0)),
        # Resolve within 24 working hours from Monday 10:00: 7 + 8 + 8 + 1 → Thursday 10:00.
        (sh(2026, 3, 9, 10, 0), 24 * H, sh(2026, 3, 12, 10, 0)),
        # National Day (1–7 October) is skipped: Wednesday 17:00 + 2 h → Thursday 8 October.
        (sh(2026, 9, 30, 17, 0), 2 * H, sh(2026, 10, 8, 10, 0)),
        # 调休: Saturday 14 February is a working day before the Spring Festival.
        (sh(2026, 2, 13, 17, 0), 2 * H, sh(2026, 2, 14, 10, 0)),
        # …and the Spring Festival itself (15–23 February) is not.
        (sh(2026, 2, 14, 17, 0), 2 * H, sh(2026, 2, 24, 10, 0)),
        # 调休 Saturday 10 October after National Day.
        (sh(2026, 10, 9, 17, 30), 1 * H, sh(2026, 10, 10, 9, 30)),
        # Counting backwards (an overdue remainder) mirrors the Friday example.
        (sh(2026, 3, 16, 9, 20), -30 * M, sh(2026, 3, 13, 17, 50)),
    ],
)
def test_hand_computed_deadlines(start: dt.datetime, seconds: int, due: dt.datetime) -> None:
    got = CN.add(start, seconds)
    assert got == due
    assert got.tzinfo is UTC
    assert CN.between(min(start, due), max(start, due)) == abs(seconds)


def test_holidays_and_makeup_days_decide_the_working_day() -> None:
    assert not CN.is_working_day(dt.date(2026, 10, 1))  # National Day, a Thursday
    assert CN.is_working_day(dt.date(2026, 10, 10))  # 调休 Saturday
    assert not CN.is_working_day(dt.date(2026, 10, 17))  # an ordinary Saturday
    # Without the holiday list the same Thursday is an ordinary working day.
    assert OfficeCalendar().is_working_day(dt.date(2026, 10, 1))
    # A whole 调休 Saturday holds one 8-hour working day (lunch excluded).
    assert CN.between(sh(2026, 10, 10, 0, 0), sh(2026, 10, 11, 0, 0)) == 8 * H


def test_china_2026_schedule_gives_the_official_number_of_working_days() -> None:
    # 365 days − 104 weekend days − 13 statutory holiday days = 248 working days; the
    # schedule's moves (holidays on weekdays, 调休 on weekends) must cancel out exactly.
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    assert sum(CN.is_working_day(d) for d in days) == 248
    assert all(d.weekday() >= 5 for d in CHINA_2026_MAKEUP_DAYS)
    assert not CHINA_2026_HOLIDAYS & CHINA_2026_MAKEUP_DAYS


def test_daylight_saving_weekend_in_berlin() -> None:
    berlin = OfficeCalendar(
        timezone="Europe/Berlin", work_start=dt.time(9), work_end=dt.time(17), lunch_start=None
    )
    friday = dt.datetime(2026, 3, 27, 16, 30, tzinfo=BERLIN)  # CET, +01:00
    due = berlin.add(friday, 1 * H)
    # Monday 09:30 is summer time (+02:00): 07:30 UTC, not the 08:30 a fixed offset would give.
    assert due == dt.datetime(2026, 3, 30, 9, 30, tzinfo=BERLIN)
    assert due == dt.datetime(2026, 3, 30, 7, 30, tzinfo=UTC)
    # Autumn: Friday 16:00 CEST to Monday 10:00 CET is 1 + 1 working hours.
    assert (
        berlin.between(
            dt.datetime(2026, 10, 23, 16, tzinfo=BERLIN),
            dt.datetime(2026, 10, 26, 10, tzinfo=BERLIN),
        )
        == 2 * H
    )


def test_a_night_office_loses_and_gains_the_daylight_saving_hour() -> None:
    night = OfficeCalendar(
        timezone="Europe/Berlin",
        work_start=dt.time(1),
        work_end=dt.time(4),
        lunch_start=None,
        workdays=frozenset(range(7)),
    )
    day = dt.timedelta(days=1)
    spring = dt.datetime(2026, 3, 29, tzinfo=BERLIN)
    autumn = dt.datetime(2026, 10, 25, tzinfo=BERLIN)
    assert night.between(spring, spring + day) == 2 * H  # 02:00–03:00 never happened
    assert night.between(autumn, autumn + day) == 4 * H  # 02:00–03:00 happened twice
    # A working day that starts inside the skipped hour starts when the clock jumps to 03:00.
    gap = OfficeCalendar(
        timezone="Europe/Berlin",
        work_start=dt.time(2, 30),
        work_end=dt.time(5),
        lunch_start=None,
        workdays=frozenset(range(7)),
    )
    assert gap.add(spring, 1) == dt.datetime(2026, 3, 29, 3, 0, 1, tzinfo=BERLIN)
    assert gap.between(spring, spring + day) == 2 * H
    monday = dt.datetime(2026, 3, 30, tzinfo=BERLIN)
    assert gap.between(monday, monday + day) == int(2.5 * H)


def test_naive_datetimes_and_calendars_without_working_time_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        CN.add(dt.datetime(2026, 3, 13, 9, 0), 60)
    with pytest.raises(ValueError, match="aware"):
        CN.between(sh(2026, 3, 13, 9, 0), dt.datetime(2026, 3, 13, 10, 0))
    closed = OfficeCalendar(workdays=frozenset())
    with pytest.raises(ValueError, match="no working time"):
        closed.add(sh(2026, 3, 13, 9, 0), 60)
    # …but a closed office with one make-up day still finds it.
    one_day = OfficeCalendar(workdays=frozenset(), makeup_days=frozenset({dt.date(2026, 9, 20)}))
    assert one_day.add(sh(2026, 3, 13, 9, 0), 60) == sh(2026, 9, 20, 9, 1)


def test_an_office_open_one_day_a_week_skips_a_holiday_on_that_day() -> None:
    """Found by hypothesis: a two-week gap made the search give up too early."""
    fridays = OfficeCalendar(
        work_start=dt.time(0, 0),
        work_end=dt.time(0, 15),
        lunch_start=None,
        lunch_end=None,
        workdays=frozenset({4}),
        holidays=frozenset({dt.date(2026, 3, 20), dt.date(2026, 3, 27)}),
    )
    # Friday 13 March 00:15 (closed) + 1 minute: the next two Fridays are holidays.
    assert fridays.add(sh(2026, 3, 13, 0, 15), 60) == sh(2026, 4, 3, 0, 1)


def test_calendar_json_round_trip_and_defaults_for_missing_keys() -> None:
    assert OfficeCalendar.from_json(CN.to_json()) == CN
    no_lunch = OfficeCalendar(timezone="Europe/Berlin", lunch_start=None, lunch_end=None)
    assert OfficeCalendar.from_json(no_lunch.to_json()) == no_lunch
    assert OfficeCalendar.from_json('{"work_end": "17:30"}') == OfficeCalendar(
        work_end=dt.time(17, 30)
    )
    with pytest.raises(ValueError):
        OfficeCalendar.from_json('{"holidays": ["2026-13-01"]}')
    with pytest.raises(ValueError):
        OfficeCalendar.from_json("[1, 2]")


# --- SLA policy -------------------------------------------------------------------------------


def test_default_policy_is_the_source_material() -> None:
    policy = SlaPolicy.default()
    for priority in ("urgent", "high", "normal", "low"):
        assert [policy.minutes_for(priority, s) for s in SlaStep] == [10, 30, 240, 30, 1440, 480]
    # Every open status has one step due; a closed ticket has none.
    assert set(STEP_DUE_IN_STATUS) == {"registered", "assigned", "solution", "informed", "resolved"}
    assert STEP_DUE_IN_STATUS["registered"] is SlaStep.ASSIGN
    assert STEP_DUE_IN_STATUS["resolved"] is SlaStep.REVISIT
    # The revisit "1 day" is one working day: resolved Friday 15:00 → revisit due Monday 15:00.
    assert policy.deadline(CN, "normal", SlaStep.REVISIT, sh(2026, 3, 13, 15, 0)) == sh(
        2026, 3, 16, 15, 0
    )


def test_policy_changes_round_trip_and_missing_pairs_fall_back() -> None:
    policy = SlaPolicy.default().with_minutes([(("urgent", SlaStep.SOLUTION), 60)])
    assert policy.minutes_for("urgent", SlaStep.SOLUTION) == 60
    assert policy.minutes_for("low", SlaStep.SOLUTION) == 240
    assert SlaPolicy.from_json(policy.to_json()) == policy
    assert policy.deadline(CN, "urgent", SlaStep.SOLUTION, sh(2026, 3, 13, 17, 30)) == sh(
        2026, 3, 16, 9, 30
    )
    sparse = SlaPolicy({("normal", "assign"): 5})
    assert sparse.minutes_for("normal", SlaStep.ASSIGN) == 5
    assert sparse.minutes_for("vip", SlaStep.RESOLVE) == 1440
    with pytest.raises(ValueError):
        SlaPolicy.from_json('{"normal": {"teatime": 5}}')


# --- properties -------------------------------------------------------------------------------

ZONES = [
    "Asia/Shanghai",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "UTC",
]
SPAN_START = dt.date(2026, 3, 1)
SPAN_END = dt.date(2026, 11, 10)  # covers the spring and autumn changes of every zone above
quarter_hours = st.integers(0, 95).map(lambda q: dt.time(q // 4, q % 4 * 15))
span_dates = st.dates(SPAN_START, SPAN_END)


@st.composite
def calendars(draw: st.DrawFn) -> OfficeCalendar:
    start, end = sorted(draw(st.lists(quarter_hours, min_size=2, max_size=2, unique=True)))
    lunch_start = lunch_end = None
    inner = [t for t in (dt.time(q // 4, q % 4 * 15) for q in range(96)) if start < t < end]
    if len(inner) >= 2 and draw(st.booleans()):
        lunch_start, lunch_end = sorted(
            draw(st.lists(st.sampled_from(inner), min_size=2, max_size=2, unique=True))
        )
    weekends = st.sampled_from(
        [SPAN_START + dt.timedelta(days=i) for i in range((SPAN_END - SPAN_START).days)]
    ).filter(lambda d: d.weekday() >= 5)
    return OfficeCalendar(
        timezone=draw(st.sampled_from(ZONES)),
        work_start=start,
        work_end=end,
        lunch_start=lunch_start,
        lunch_end=lunch_end,
        workdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
        holidays=draw(st.frozensets(span_dates, max_size=40)),
        makeup_days=draw(st.frozensets(weekends, max_size=8)),
    )


# The default office and two DST offices, plus anything hypothesis makes up.
any_calendar = st.one_of(
    st.just(CN),
    st.just(
        OfficeCalendar(
            timezone="Europe/Berlin",
            holidays=frozenset({dt.date(2026, 3, 30), dt.date(2026, 10, 26)}),
            makeup_days=frozenset({dt.date(2026, 3, 28)}),
        )
    ),
    st.just(
        OfficeCalendar(
            timezone="Europe/Berlin",
            work_start=dt.time(1),
            work_end=dt.time(4),
            lunch_start=dt.time(2, 15),
            lunch_end=dt.time(2, 45),
            workdays=frozenset(range(7)),
        )
    ),
    calendars(),
)
# Instants on whole seconds, in the span, expressed in some zone or other.
instants = st.builds(
    lambda d, s, zone: (
        dt.datetime.combine(d, dt.time(), tzinfo=UTC) + dt.timedelta(seconds=s)
    ).astimezone(ZoneInfo(zone)),
    span_dates,
    st.integers(0, 86399),
    st.sampled_from(ZONES),
)
durations = st.integers(0, 5 * 24 * H)
PROPS = settings(max_examples=150, deadline=None)


def _wall_clock_working(cal: OfficeCalendar, at: dt.datetime) -> bool:
    """Independent definition: the office's wall clock shows a working time on a working day."""
    local = at.astimezone(ZoneInfo(cal.timezone))
    if not cal.is_working_day(local.date()):
        return False
    t = local.time().replace(tzinfo=None)
    if not cal.work_start <= t < cal.work_end:
        return False
    if cal.lunch_start is not None and cal.lunch_end is not None:
        return not cal.lunch_start <= t < cal.lunch_end
    return True


def _boundary_shown_twice(cal: OfficeCalendar, first: dt.date, last: dt.date) -> bool:
    """Whether a working boundary falls in an autumn hour the clock shows twice (there the
    calendar takes the first occurrence, which the wall-clock definition cannot express)."""
    tz = ZoneInfo(cal.timezone)
    times = [cal.work_start, cal.work_end, cal.lunch_start, cal.lunch_end]
    d = first
    while d <= last:
        for t in times:
            if t is None:
                continue
            a = dt.datetime.combine(d, t, tzinfo=tz)
            b = a.replace(fold=1)
            if a.utcoffset() != b.utcoffset() and a.astimezone(UTC).astimezone(tz).replace(
                tzinfo=None
            ) == a.replace(tzinfo=None):
                return True
        d += dt.timedelta(days=1)
    return False


@PROPS
@given(cal=any_calendar, start=instants, seconds=durations)
def test_between_undoes_add(cal: OfficeCalendar, start: dt.datetime, seconds: int) -> None:
    due = cal.add(start, seconds)
    assert due >= start
    assert cal.between(start, due) == seconds


@PROPS
@given(cal=any_calendar, start=instants, seconds=st.integers(1, 5 * 24 * H))
def test_deadlines_never_land_in_non_working_time(
    cal: OfficeCalendar, start: dt.datetime, seconds: int
) -> None:
    due = cal.add(start, seconds)
    local = due.astimezone(ZoneInfo(cal.timezone))
    assume(not _boundary_shown_twice(cal, local.date(), local.date()))
    # The last second before the deadline is working time, so the deadline is inside working
    # hours or at the very end of them (18:00, the start of lunch) — never at night, on a
    # weekend or holiday, or at the end of lunch.
    assert _wall_clock_working(cal, due - dt.timedelta(seconds=1))
    # And it is the earliest such instant: a second earlier is a second short.
    assert cal.between(start, due - dt.timedelta(seconds=1)) == seconds - 1


@PROPS
@given(cal=any_calendar, data=st.data())
def test_between_counts_what_the_wall_clock_shows(cal: OfficeCalendar, data: st.DataObject) -> None:
    # Quarter-hour steps from a quarter-hour instant: every boundary (and every DST jump of
    # these zones) is on that grid, so each step is either all working time or none of it.
    first = data.draw(st.datetimes(dt.datetime(2026, 3, 1), dt.datetime(2026, 11, 5)))
    first = first.replace(minute=first.minute // 15 * 15, second=0, microsecond=0, tzinfo=UTC)
    steps = data.draw(st.integers(0, 4 * 24 * 4))
    quarter = dt.timedelta(minutes=15)
    assume(
        not _boundary_shown_twice(
            cal,
            first.date() - dt.timedelta(days=1),
            (first + steps * quarter).date() + dt.timedelta(days=1),
        )
    )
    expected = sum(_wall_clock_working(cal, first + i * quarter) for i in range(steps)) * 15 * M
    assert cal.between(first, first + steps * quarter) == expected


@PROPS
@given(cal=any_calendar, start=instants, a=durations, b=durations)
def test_add_is_monotonic_and_additive(
    cal: OfficeCalendar, start: dt.datetime, a: int, b: int
) -> None:
    small, large = sorted((a, b))
    assert cal.add(start, small) <= cal.add(start, large)
    assert cal.add(cal.add(start, a), b) == cal.add(start, a + b)
    later = start + dt.timedelta(seconds=b)
    assert cal.add(start, a) <= cal.add(later, a)
    assert cal.between(start, start + dt.timedelta(seconds=small)) <= cal.between(
        start, start + dt.timedelta(seconds=large)
    )


@PROPS
@given(cal=any_calendar, start=instants, seconds=durations)
def test_counting_backwards_mirrors_forwards(
    cal: OfficeCalendar, start: dt.datetime, seconds: int
) -> None:
    earlier = cal.add(start, -seconds)
    assert earlier <= start
    assert cal.between(earlier, start) == seconds
    assert cal.add(earlier, seconds) <= start


@PROPS
@given(
    cal=any_calendar,
    start=instants,
    sla=st.integers(1, 3 * 24 * H),
    worked=st.integers(0, 3 * 24 * H),
    waited=st.integers(0, 20 * 24 * H),
)
def test_waiting_for_the_customer_pauses_the_clock(
    cal: OfficeCalendar, start: dt.datetime, sla: int, worked: int, waited: int
) -> None:
    due = cal.add(start, sla)
    paused_at = start + dt.timedelta(seconds=worked)
    assume(paused_at <= due)
    # The ticket service keeps the business seconds that were left and resumes from them.
    remaining = cal.between(paused_at, due)
    resumed_at = paused_at + dt.timedelta(seconds=waited)
    new_due = cal.add(resumed_at, remaining)
    # No working time is lost or gained by the pause, whatever nights or holidays it spans.
    assert cal.between(start, paused_at) + cal.between(resumed_at, new_due) == sla
    assert new_due >= due
