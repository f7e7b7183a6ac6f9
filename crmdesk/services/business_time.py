"""Business time: the working hours an office is open, and SLA deadlines counted in them.

Pure Python, no database. An :class:`OfficeCalendar` says when the office works (hours with an
optional lunch break, working weekdays, public holidays and the make-up working days 调休 that
Chinese calendars move onto weekends) in the office's own time zone. ``add`` and ``between``
count *elapsed* seconds inside those working windows, so a working day that contains a DST
change is as long as the clock on the wall says, and ``between(s, add(s, n)) == n`` always.

A :class:`SlaPolicy` says how many business minutes each step of a ticket may take per
priority (see the shared design in issue 4: registered → assigned → solution → informed →
resolved → closed).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from crmdesk.models.base import TicketPriority, TicketStatus

_UTC = dt.UTC
_ONE_DAY = dt.timedelta(days=1)
_ONE_SECOND = dt.timedelta(seconds=1)
_Window = tuple[dt.datetime, dt.datetime]


def _date_range(first: dt.date, last: dt.date) -> frozenset[dt.date]:
    return frozenset(first + dt.timedelta(days=i) for i in range((last - first).days + 1))


# Mainland China 2026, from the State Council General Office's notice on the 2026 holiday
# schedule (国务院办公厅关于2026年部分节假日安排的通知, dated 2025-11-04, published by Xinhua).
# Whole holiday periods are listed, weekend days included, so the list reads like the notice.
# This is data the office edits in Settings → Service desk & SLA; add the next year's schedule
# when the State Council publishes it (usually in November).
CHINA_2026_HOLIDAYS: frozenset[dt.date] = frozenset().union(
    _date_range(dt.date(2026, 1, 1), dt.date(2026, 1, 3)),  # 元旦
    _date_range(dt.date(2026, 2, 15), dt.date(2026, 2, 23)),  # 春节
    _date_range(dt.date(2026, 4, 4), dt.date(2026, 4, 6)),  # 清明节
    _date_range(dt.date(2026, 5, 1), dt.date(2026, 5, 5)),  # 劳动节
    _date_range(dt.date(2026, 6, 19), dt.date(2026, 6, 21)),  # 端午节
    _date_range(dt.date(2026, 9, 25), dt.date(2026, 9, 27)),  # 中秋节
    _date_range(dt.date(2026, 10, 1), dt.date(2026, 10, 7)),  # 国庆节
)
# 调休: weekend days that are working days in 2026.
CHINA_2026_MAKEUP_DAYS: frozenset[dt.date] = frozenset(
    {
        dt.date(2026, 1, 4),  # Sunday, for 元旦
        dt.date(2026, 2, 14),  # Saturday, for 春节
        dt.date(2026, 2, 28),  # Saturday, for 春节
        dt.date(2026, 5, 9),  # Saturday, for 劳动节
        dt.date(2026, 9, 20),  # Sunday, for 国庆节
        dt.date(2026, 10, 10),  # Saturday, for 国庆节
    }
)


def _time_text(t: dt.time) -> str:
    return t.isoformat(timespec="minutes" if not (t.second or t.microsecond) else "auto")


def _local_to_utc(d: dt.date, t: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The instant the office's wall clock first shows ``t`` on ``d``.

    A time the clocks skip (inside a spring-forward gap) maps to the moment of the jump, so a
    day that starts at 02:30 on that night starts when the clock shows 03:00; a time the clocks
    show twice (the autumn hour) is taken at its first occurrence.
    """
    naive = dt.datetime.combine(d, t)
    first = naive.replace(tzinfo=tz).astimezone(_UTC)
    if first.astimezone(tz).replace(tzinfo=None) == naive:
        return first
    # In a gap PEP 495 gives two instants either side of the jump; the wall clock rises
    # monotonically between them, so bisect (whole seconds: zones jump on whole seconds).
    other = naive.replace(tzinfo=tz, fold=1).astimezone(_UTC)
    lo, hi = min(first, other), max(first, other)
    while hi - lo > _ONE_SECOND:
        mid = lo + (hi - lo) // 2
        if mid.astimezone(tz).replace(tzinfo=None) >= naive:
            hi = mid
        else:
            lo = mid
    return hi


def _aware_utc(value: dt.datetime, name: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got naive {value!r}")
    return value.astimezone(_UTC)


@dataclass(frozen=True)
class OfficeCalendar:
    """When an office works. Dates and times are the office's local ones in ``timezone``.

    A day is a working day when it is one of ``workdays`` (Monday = 0) and not a holiday, or
    when it is a make-up day (a make-up day listed as a holiday too works: it is the more
    specific entry). Working time on a working day is [work_start, work_end) minus
    [lunch_start, lunch_end). Shifts across midnight are not supported (work_end > work_start).
    ``crmdesk.services.service_settings.validate_calendar`` checks a calendar before saving.
    """

    timezone: str = "Asia/Shanghai"
    work_start: dt.time = dt.time(9, 0)
    work_end: dt.time = dt.time(18, 0)
    lunch_start: dt.time | None = dt.time(12, 0)
    lunch_end: dt.time | None = dt.time(13, 0)
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holidays: frozenset[dt.date] = frozenset()
    makeup_days: frozenset[dt.date] = frozenset()
    # Working windows per local date, in UTC; filled lazily, never part of the value.
    _windows_cache: dict[dt.date, tuple[_Window, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        # Accept any iterable (a list from a form, a set): the value stays hashable.
        for name in ("workdays", "holidays", "makeup_days"):
            value = getattr(self, name)
            if not isinstance(value, frozenset):
                object.__setattr__(self, name, frozenset(value))

    # -- days and instants ---------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        """The office's time zone (raises ``ZoneInfoNotFoundError`` for an unknown name)."""
        return ZoneInfo(self.timezone)

    def is_working_day(self, d: dt.date) -> bool:
        """Whether the office works on local date ``d`` at all."""
        if d in self.makeup_days:
            return True
        return d.weekday() in self.workdays and d not in self.holidays

    def _local_periods(self) -> list[tuple[dt.time, dt.time]]:
        if self.lunch_start is not None and self.lunch_end is not None:
            lunch_start = max(self.lunch_start, self.work_start)
            lunch_end = min(self.lunch_end, self.work_end)
            if lunch_start < lunch_end:
                return [(self.work_start, lunch_start), (lunch_end, self.work_end)]
        return [(self.work_start, self.work_end)]

    def working_windows(self, d: dt.date) -> tuple[_Window, ...]:
        """The working intervals [start, end) of local date ``d`` as aware UTC datetimes."""
        cached = self._windows_cache.get(d)
        if cached is not None:
            return cached
        windows: list[_Window] = []
        if self.is_working_day(d):
            tz = self.zone
            previous_end: dt.datetime | None = None
            for start_t, end_t in self._local_periods():
                # Clipping keeps the windows ordered and disjoint whatever the zone does.
                start = _local_to_utc(d, start_t, tz)
                end = _local_to_utc(d, end_t, tz)
                if previous_end is not None and start < previous_end:
                    start = previous_end
                if end > start:
                    windows.append((start, end))
                    previous_end = end
        result = tuple(windows)
        self._windows_cache[d] = result
        return result

    def is_working_time(self, at: dt.datetime) -> bool:
        """Whether the aware instant ``at`` lies inside working time."""
        t = _aware_utc(at, "at")
        d = t.astimezone(self.zone).date()
        return any(start <= t < end for start, end in self.working_windows(d))

    def _local_date(self, t: dt.datetime) -> dt.date:
        return t.astimezone(self.zone).date()

    def _next_day_with_time(self, d: dt.date, step: int, empty_streak: int) -> dt.date:
        """The day after (step=1) or before (step=-1) ``d``; after a run of days without
        working time longer than any calendar could have, jump straight to a make-up day or
        give up (a calendar with no working days would otherwise loop for ever). With one
        working weekday a week, every holiday on it stretches the gap by a week, so no real gap
        is longer than seven days per holiday plus one week (plus a day for a working day
        whose hours a clock change swallows)."""
        if empty_streak <= 7 * (len(self.holidays) + 1) + 1:
            return d + step * _ONE_DAY
        if step > 0:
            ahead = [m for m in self.makeup_days if m > d]
            if ahead:
                return min(ahead)
        else:
            behind = [m for m in self.makeup_days if m < d]
            if behind:
                return max(behind)
        raise ValueError("the office calendar has no working time in that direction")

    # -- arithmetic ----------------------------------------------------------------------

    def add(self, start: dt.datetime, seconds: int) -> dt.datetime:
        """The instant ``seconds`` business seconds after ``start`` (aware in, aware UTC out).

        It is the earliest instant t >= start with ``between(start, t) == seconds``, so a
        deadline can be the very end of a working window (Friday 17:30 + 30 min is Friday
        18:00, not Monday 09:00) but never lies in non-working time. ``seconds == 0`` returns
        ``start`` itself. Negative ``seconds`` count backwards: the latest instant t <= start
        with ``between(t, start) == -seconds`` (an overdue remainder resumed into the past).
        """
        t = _aware_utc(start, "start")
        if seconds == 0:
            return t
        if seconds < 0:
            return self._subtract(t, dt.timedelta(seconds=-seconds))
        remaining = dt.timedelta(seconds=seconds)
        d = self._local_date(t)
        empty_streak = 0
        while True:
            windows = self.working_windows(d)
            for w_start, w_end in windows:
                if w_end <= t:
                    continue
                lo = w_start if w_start > t else t
                available = w_end - lo
                if remaining <= available:
                    return lo + remaining
                remaining -= available
            empty_streak = 0 if windows else empty_streak + 1
            d = self._next_day_with_time(d, 1, empty_streak)

    def _subtract(self, t: dt.datetime, remaining: dt.timedelta) -> dt.datetime:
        d = self._local_date(t)
        empty_streak = 0
        while True:
            windows = self.working_windows(d)
            for w_start, w_end in reversed(windows):
                if w_start >= t:
                    continue
                hi = w_end if w_end < t else t
                available = hi - w_start
                if remaining <= available:
                    return hi - remaining
                remaining -= available
            empty_streak = 0 if windows else empty_streak + 1
            d = self._next_day_with_time(d, -1, empty_streak)

    def between(self, start: dt.datetime, end: dt.datetime) -> int:
        """Business seconds in [start, end), whole seconds rounded down; 0 if end <= start."""
        lo_t = _aware_utc(start, "start")
        hi_t = _aware_utc(end, "end")
        if hi_t <= lo_t:
            return 0
        total = dt.timedelta(0)
        d = self._local_date(lo_t)
        last = self._local_date(hi_t)
        while d <= last:
            for w_start, w_end in self.working_windows(d):
                lo = w_start if w_start > lo_t else lo_t
                hi = w_end if w_end < hi_t else hi_t
                if hi > lo:
                    total += hi - lo
            d += _ONE_DAY
        return total // _ONE_SECOND

    # -- storage -------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "timezone": self.timezone,
            "work_start": _time_text(self.work_start),
            "work_end": _time_text(self.work_end),
            "lunch_start": None if self.lunch_start is None else _time_text(self.lunch_start),
            "lunch_end": None if self.lunch_end is None else _time_text(self.lunch_end),
            "workdays": sorted(self.workdays),
            "holidays": [d.isoformat() for d in sorted(self.holidays)],
            "makeup_days": [d.isoformat() for d in sorted(self.makeup_days)],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OfficeCalendar:
        """Build from ``to_dict`` output; a missing key takes the field's default. Raises
        ValueError for values of the wrong shape."""
        try:
            kwargs: dict[str, Any] = {}
            if "timezone" in data:
                kwargs["timezone"] = str(data["timezone"])
            for name in ("work_start", "work_end", "lunch_start", "lunch_end"):
                if name in data:
                    value = data[name]
                    kwargs[name] = None if value is None else dt.time.fromisoformat(value)
            if "workdays" in data:
                kwargs["workdays"] = frozenset(int(x) for x in data["workdays"])
            for name in ("holidays", "makeup_days"):
                if name in data:
                    kwargs[name] = frozenset(dt.date.fromisoformat(x) for x in data[name])
        except (TypeError, AttributeError) as exc:
            raise ValueError(f"not an office calendar: {exc}") from exc
        return cls(**kwargs)

    @classmethod
    def from_json(cls, s: str) -> OfficeCalendar:
        data = json.loads(s)
        if not isinstance(data, dict):
            raise ValueError("not an office calendar: expected a JSON object")
        return cls.from_dict(data)


def default_calendar() -> OfficeCalendar:
    """The calendar a new office starts with: Asia/Shanghai, 09:00–18:00 with lunch 12:00–13:00,
    Monday to Friday, mainland China's 2026 public holidays and make-up working days."""
    return OfficeCalendar(holidays=CHINA_2026_HOLIDAYS, makeup_days=CHINA_2026_MAKEUP_DAYS)


class SlaStep(StrEnum):
    REGISTER = "register"
    ASSIGN = "assign"
    SOLUTION = "solution"
    INFORM = "inform"
    RESOLVE = "resolve"
    REVISIT = "revisit"


# The step that is due while a ticket sits in a status (REGISTER is due before the ticket
# exists: reported_at → created_at). A closed ticket has nothing due.
STEP_DUE_IN_STATUS: dict[str, SlaStep] = {
    TicketStatus.REGISTERED.value: SlaStep.ASSIGN,
    TicketStatus.ASSIGNED.value: SlaStep.SOLUTION,
    TicketStatus.SOLUTION.value: SlaStep.INFORM,
    TicketStatus.INFORMED.value: SlaStep.RESOLVE,
    TicketStatus.RESOLVED.value: SlaStep.REVISIT,
}

# The source material's targets, in business minutes; REVISIT's "1 day" is one 8-hour
# working day of the default calendar.
DEFAULT_STEP_MINUTES: Mapping[SlaStep, int] = MappingProxyType(
    {
        SlaStep.REGISTER: 10,
        SlaStep.ASSIGN: 30,
        SlaStep.SOLUTION: 240,
        SlaStep.INFORM: 30,
        SlaStep.RESOLVE: 1440,
        SlaStep.REVISIT: 480,
    }
)
PRIORITIES: tuple[str, ...] = tuple(p.value for p in TicketPriority)


@dataclass(frozen=True)
class SlaPolicy:
    """Business minutes allowed per (priority value, step). A pair missing from ``minutes``
    falls back to the source material's default for that step."""

    minutes: Mapping[tuple[str, SlaStep], int] = field(hash=False)

    def __post_init__(self) -> None:
        normalized = {(str(p), SlaStep(s)): int(m) for (p, s), m in self.minutes.items()}
        object.__setattr__(self, "minutes", MappingProxyType(normalized))

    def minutes_for(self, priority: str, step: SlaStep) -> int:
        step = SlaStep(step)
        found = self.minutes.get((str(priority), step))
        return DEFAULT_STEP_MINUTES[step] if found is None else found

    @classmethod
    def default(cls) -> SlaPolicy:
        return cls({(p, s): m for p in PRIORITIES for s, m in DEFAULT_STEP_MINUTES.items()})

    def with_minutes(self, changes: Iterable[tuple[tuple[str, SlaStep], int]]) -> SlaPolicy:
        """A copy with some (priority, step) targets replaced."""
        merged = dict(self.minutes)
        merged.update(changes)
        return SlaPolicy(merged)

    def deadline(
        self, calendar: OfficeCalendar, priority: str, step: SlaStep, start: dt.datetime
    ) -> dt.datetime:
        """When ``step`` of a ``priority`` ticket started at ``start`` is due (aware UTC)."""
        return calendar.add(start, self.minutes_for(priority, step) * 60)

    def to_dict(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for (priority, step), minutes in sorted(self.minutes.items()):
            out.setdefault(priority, {})[step.value] = minutes
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlaPolicy:
        """Build from ``to_dict`` output ({priority: {step: minutes}}); unknown step names
        raise ValueError."""
        try:
            return cls(
                {
                    (str(priority), SlaStep(step)): int(minutes)
                    for priority, steps in data.items()
                    for step, minutes in steps.items()
                }
            )
        except (TypeError, AttributeError) as exc:
            raise ValueError(f"not an SLA policy: {exc}") from exc

    @classmethod
    def from_json(cls, s: str) -> SlaPolicy:
        data = json.loads(s)
        if not isinstance(data, dict):
            raise ValueError("not an SLA policy: expected a JSON object")
        return cls.from_dict(data)
