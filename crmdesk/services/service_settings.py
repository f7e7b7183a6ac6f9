"""Office-wide settings: the office calendar and the SLA policy of the service desk, and the
currency money is counted in.

Both are stored as JSON in the Setting table (keys ``office.calendar`` and ``sla.policy``); an
office that never saved them gets the defaults (business_time.default_calendar() and
SlaPolicy.default()). Saving validates first and raises ValidationError with a sentence a
user can act on and ``field_errors`` naming what to fix.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.errors import ValidationError
from crmdesk.models import Deal, Setting
from crmdesk.services.business_time import (
    PRIORITIES,
    OfficeCalendar,
    SlaPolicy,
    default_calendar,
)
from crmdesk.services.core import ChangeSet, Database

log = logging.getLogger(__name__)

CALENDAR_KEY = "office.calendar"
POLICY_KEY = "sla.policy"
# What the settings dialog can show (9999 h 59 min); anything longer is a typo.
MAX_STEP_MINUTES = 9999 * 60 + 59
# A pasted range longer than this is a mistyped year, not a holiday.
MAX_RANGE_DAYS = 366


# -- validation ------------------------------------------------------------------------------


def validate_calendar(cal: OfficeCalendar) -> None:
    """Raise ValidationError if ``cal`` cannot be used (field keys: timezone, work_end, lunch,
    workdays, makeup_days)."""
    try:
        ZoneInfo(cal.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "'{zone}' is not a time zone; choose one from the list (like Asia/Shanghai).",
            {"timezone": "Not a time zone."},
            zone=cal.timezone,
        ) from None
    if cal.work_end <= cal.work_start:
        raise ValidationError(
            "The working day must end after it starts.",
            {"work_end": "Must be later than the start of the working day."},
        )
    if (cal.lunch_start is None) != (cal.lunch_end is None):
        raise ValidationError(
            "Give the lunch break both a start and an end, or no lunch break at all.",
            {"lunch": "Start and end, or neither."},
        )
    if cal.lunch_start is not None and cal.lunch_end is not None:
        if not cal.work_start <= cal.lunch_start < cal.lunch_end <= cal.work_end:
            raise ValidationError(
                "The lunch break must end after it starts and lie within working hours.",
                {"lunch": "Must end after it starts, within working hours."},
            )
    if not cal.workdays or not cal.workdays <= set(range(7)):
        raise ValidationError(
            "Choose at least one working day of the week.",
            {"workdays": "Choose at least one day."},
        )
    both = sorted(cal.holidays & cal.makeup_days)
    if both:
        raise ValidationError(
            "{date} is listed both as a holiday and as a make-up working day; remove it from "
            "one of the lists.",
            {"makeup_days": "Also listed as a holiday."},
            date=both[0].isoformat(),
        )


def validate_policy(policy: SlaPolicy) -> None:
    """Raise ValidationError if a target is not between one minute and MAX_STEP_MINUTES
    (field keys: "priority/step")."""
    for (priority, step), minutes in sorted(policy.minutes.items()):
        key = f"{priority}/{step.value}"
        if priority not in PRIORITIES:
            raise ValidationError(
                "'{value}' is not a ticket priority.", {key: "Not a priority."}, value=priority
            )
        if minutes < 1:
            raise ValidationError(
                "Every SLA time must be at least one minute.", {key: "At least one minute."}
            )
        if minutes > MAX_STEP_MINUTES:
            raise ValidationError(
                "An SLA time can be at most {hours} hours.",
                {key: "Too long."},
                hours=MAX_STEP_MINUTES // 60,
            )


# -- storage ---------------------------------------------------------------------------------


def _read(db: Database, key: str) -> str | None:
    with db.read() as s:
        row = s.get(Setting, key)
        return None if row is None else row.value


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def _write(db: Database, key: str, value: str) -> None:
    with db.write() as s:
        _put(s, key, value)


def load_calendar(db: Database) -> OfficeCalendar:
    """The office calendar, or the default one when none was saved. A stored value that
    cannot be read (edited by hand, written by a broken build) is logged and the default used,
    so SLA deadlines keep being computed."""
    raw = _read(db, CALENDAR_KEY)
    if raw is None:
        return default_calendar()
    try:
        cal = OfficeCalendar.from_json(raw)
        validate_calendar(cal)
    except (ValueError, ValidationError) as exc:
        log.warning("the stored office calendar is unusable (%s); using the default", exc)
        return default_calendar()
    return cal


def save_calendar(db: Database, cal: OfficeCalendar) -> ChangeSet:
    """Validate and store the office calendar. Deadlines already set on tickets keep their
    value; new deadlines use the new calendar."""
    validate_calendar(cal)
    _write(db, CALENDAR_KEY, cal.to_json())
    return ChangeSet(everything=False)


def load_policy(db: Database) -> SlaPolicy:
    """The SLA policy, or the default one when none was saved (or it cannot be read)."""
    raw = _read(db, POLICY_KEY)
    if raw is None:
        return SlaPolicy.default()
    try:
        policy = SlaPolicy.from_json(raw)
        validate_policy(policy)
    except (ValueError, ValidationError) as exc:
        log.warning("the stored SLA policy is unusable (%s); using the default", exc)
        return SlaPolicy.default()
    # Pairs missing from an older save keep their defaults explicitly, so the dialog shows them.
    return SlaPolicy.default().with_minutes(policy.minutes.items())


def save_policy(db: Database, policy: SlaPolicy) -> ChangeSet:
    """Validate and store the SLA policy."""
    validate_policy(policy)
    _write(db, POLICY_KEY, policy.to_json())
    return ChangeSet()


def save_service_settings(db: Database, calendar: OfficeCalendar, policy: SlaPolicy) -> ChangeSet:
    """Validate both and store them together (one transaction: both or neither)."""
    validate_calendar(calendar)
    validate_policy(policy)
    with db.write() as s:
        _put(s, CALENDAR_KEY, calendar.to_json())
        _put(s, POLICY_KEY, policy.to_json())
    return ChangeSet(everything=False)


# -- pasted lists of dates -------------------------------------------------------------------

_DATE = (
    r"(?P<y>\d{4})\s*(?:[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?:\s*日)?"
    r"|(?P<m8>\d{2})(?P<d8>\d{2}))"
    # A date copied from an Excel cell may carry a midnight time.
    r"(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2})?)?"
)
_TOKEN = re.compile(
    rf"(?P<date>{_DATE})"
    r"|(?P<to>~|～|–|—|-|至|到|\bto\b)"
    # Separators, and notes in brackets such as （周六） or (Sat) copied along with a date.
    r"|(?P<sep>(?:[\s,;，；、|]|[（(][^）)]*[）)])+)"
    r"|(?P<other>[^\s,;，；、|]+)",
    re.IGNORECASE,
)


def _to_date(match: re.Match[str]) -> dt.date:
    year = int(match["y"])
    month = int(match["m"] or match["m8"])
    day = int(match["d"] or match["d8"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(
            "'{value}' is not a date; write dates like 2026-10-01.",
            value=match["date"].strip(),
        ) from None


def parse_dates(text: str) -> list[dt.date]:
    """The dates in a pasted or imported list, sorted and without repeats.

    Dates may be written 2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日 or 20261001, separated
    by new lines, commas, semicolons, 、 or spaces; ``A ~ B`` (also –, —, -, 至, 到, to) is every
    day from A to B. Notes in brackets are ignored. Anything else raises ValidationError naming
    the first thing that is not a date.
    """
    dates: set[dt.date] = set()
    pending_range: dt.date | None = None  # the start of "A ~" waiting for its B
    previous: dt.date | None = None
    for token in _TOKEN.finditer(text):
        if token["sep"] is not None:
            continue
        if token["other"] is not None:
            raise ValidationError(
                "'{value}' is not a date; write dates like 2026-10-01.", value=token["other"]
            )
        if token["to"] is not None:
            if previous is None or pending_range is not None:
                raise ValidationError(
                    "'{value}' is not a date; write dates like 2026-10-01.", value=token["to"]
                )
            pending_range, previous = previous, None
            continue
        day = _to_date(token)
        if pending_range is not None:
            first, last = sorted((pending_range, day))
            if (last - first).days > MAX_RANGE_DAYS:
                raise ValidationError(
                    "{start} to {end} is more than a year of days; check the years.",
                    start=first.isoformat(),
                    end=last.isoformat(),
                )
            dates.update(first + dt.timedelta(days=i) for i in range((last - first).days + 1))
            pending_range = None
            previous = None
            continue
        dates.add(day)
        previous = day
    if pending_range is not None:
        raise ValidationError(
            "The range that starts on {start} has no end date.", start=pending_range.isoformat()
        )
    return sorted(dates)


def time_zone_names() -> list[str]:
    """The time zones this computer knows, sorted (Asia/Shanghai first: the usual office)."""
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith("Etc/"))
    if "Asia/Shanghai" in names:
        names.remove("Asia/Shanghai")
    return ["Asia/Shanghai", *names, "UTC"]


CURRENCY_KEY = "office.currency"


def office_currency(s: Session) -> str:
    """The currency money figures count: the office's setting, else the one most of the
    latest thousand deals are in, else CNY."""
    stored = s.scalar(select(Setting.value).where(Setting.key == CURRENCY_KEY))
    if stored:
        return str(stored).strip().upper()[:3]
    latest = select(Deal.currency).order_by(Deal.id.desc()).limit(1000).subquery()
    row = s.execute(
        select(latest.c.currency, func.count())
        .group_by(latest.c.currency)
        .order_by(func.count().desc(), latest.c.currency)
        .limit(1)
    ).first()
    return str(row[0]) if row else "CNY"
