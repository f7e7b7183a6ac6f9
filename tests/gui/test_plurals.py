"""Counted messages read right in English: "1 customer", "2 customers", through the code that
words them; and no count can slip back into the English catalogue as a plain message (lupdate
makes a plural message only of a tr() call with the count as its third argument)."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

from crmdesk.services.followup import (
    AnniversaryRow,
    MyDay,
    PoolRow,
    ReminderRow,
    StaleCustomer,
)
from crmdesk.services.notifications import NotificationRow
from crmdesk.views.customer_list import CustomerListView
from crmdesk.views.import_pages import MappingPage, SheetPage
from crmdesk.views.import_wizard import imported_step
from crmdesk.views.my_day import day_items
from crmdesk.views.notification_centre import sentence
from crmdesk.views.pool import PoolPage, release_reason
from crmdesk.views.reminders import reminder_message
from crmdesk.views.ticket_list import TicketList
from crmdesk.views.trash import TrashDialog

EN_TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "crmdesk_en.ts"
SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2026, 3, 4)


def _at(day: dt.date) -> dt.datetime:
    """10:00 in Shanghai on ``day``, as the database gives it back (UTC)."""
    return dt.datetime.combine(day, dt.time(10), SHANGHAI).astimezone(dt.UTC)


def _days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _note(kind: str, **params: object) -> str:
    return sentence(NotificationRow(1, kind, params, None, None, None, _at(TODAY), None))


def test_notifications_count_customers_and_years(english) -> None:  # noqa: ANN001
    assert _note("cadence", count=1) == "Regular revisits due: 1 customer; see My Day."
    assert _note("cadence", count=2) == "Regular revisits due: 2 customers; see My Day."
    assert _note("pool_released", count=1, customers=["成都川味食品"], days=30) == (
        "1 customer went to the public pool after 30 days without a follow-up: 成都川味食品"
    )
    assert _note("pool_released", count=2, customers=["甲"], days=1) == (
        "2 customers went to the public pool after 1 day without a follow-up: 甲, …"
    )
    assert _note("pool_released", count=2, customers=["甲", "乙"], days=None) == (
        "2 customers were moved to the public pool: 甲, 乙"
    )
    on = _days(2).isoformat()
    assert _note("anniversary", years=1, number="HT-1", customer="华星", on=on) == (
        "1 year since contract HT-1 with 华星 on 3/6/2026"
    )
    assert _note("anniversary", years=2, number="HT-1", customer="华星", on=on).startswith(
        "2 years since contract"
    )


def test_my_day_counts_days_and_years(english) -> None:  # noqa: ANN001
    def contract(years: int, on: dt.date) -> AnniversaryRow:
        return AnniversaryRow(years, f"HT-{years}", 1, "华星", on.replace(year=2020), on, years)

    day = MyDay(
        overdue=[],
        due_today=[],
        this_week=[],
        stale_customers=[
            StaleCustomer(1, "华星", _at(_days(-2)), "A"),
            StaleCustomer(2, "兰亭", _at(_days(-1)), "B"),
        ],
        birthdays=[],
        anniversaries=[contract(1, _days(-1)), contract(2, _days(2))],
    )
    items = day_items(day, TODAY, SHANGHAI)
    assert [i.note for i in items["stale"]] == ["Tier A · 2 days ago", "Tier B · 1 day ago"]
    assert [(i.title, i.note) for i in items["care"]] == [
        ("1 year since contract HT-1", "1 day ago"),
        ("2 years since contract HT-2", "in 2 days"),
    ]


def test_reminders_and_the_pool_count(english) -> None:  # noqa: ANN001
    rows = [ReminderRow(i, None, None, f"Task {i}", None, _at(TODAY)) for i in range(5)]
    title, text = reminder_message(rows)
    assert title == "5 follow-ups due"
    assert text.splitlines()[-1] == "and 1 more"
    assert reminder_message(rows + rows[:1])[1].splitlines()[-1] == "and 2 more"

    def pooled(last: dt.date) -> PoolRow:
        return PoolRow(1, "C001", "成都川味食品", "C", "成都", _at(TODAY), _at(last), None)

    assert (
        release_reason(pooled(_days(-1)), SHANGHAI) == "No follow-up for 1 day (last on 3/3/2026)"
    )
    assert release_reason(pooled(_days(-2)), SHANGHAI).startswith("No follow-up for 2 days")
    assert PoolPage.tr("%1 of %n customers", "", 1).replace("%1", "1") == "1 of 1 customer"
    assert PoolPage.tr("%n customers are yours now.", "", 1) == "1 customer is yours now."


def test_lists_imports_and_the_trash_count(english) -> None:  # noqa: ANN001
    # Each the way its screen words it; the numbers keep their thousands separators.
    assert CustomerListView.tr("%Ln customers", "", 1) == "1 customer"
    assert CustomerListView.tr("%Ln customers", "", 1200) == "1,200 customers"
    assert CustomerListView.tr("Delete %Ln customers", "", 1) == "Delete 1 customer"
    assert TrashDialog.tr("Restored %Ln customers from the trash.", "", 1) == (
        "Restored 1 customer from the trash."
    )
    assert imported_step(1, 1) == "Imported 1 of 1 row"
    assert imported_step(1000, 3000) == "Imported 1,000 of 3,000 rows"
    sheet = SheetPage.tr(
        "Row %1 holds the column names (highlighted); %Ln rows of data follow. "
        "Blank rows, repeated headers and total rows are left out.",
        "",
        1,
    )
    assert sheet.startswith("Row %1 holds the column names (highlighted); 1 row of data follows.")
    assert MappingPage.tr("%1 of %Ln columns will be imported.", "", 1) == (
        "%1 of 1 column will be imported."
    )
    assert TicketList.tr("Exported %1 of %Ln tickets…", "", 2000) == "Exported %1 of 2,000 tickets…"


NOT_COUNTS = {
    # A tier letter ("Only tier A customers"), not a count.
    ("FilterBar", "Only tier %1 customers"),
    # Said only when more records match than a board column shows (hundreds).
    ("PipelineBoardPage", "%1 deals match; the first %2 are shown."),
    (
        "TicketBoardPage",
        "%1 tickets match; the first %2 are shown. Narrow the filters to see the rest.",
    ),
    # Two counts in one sentence (created, updated), each with its own verb: one %n cannot
    # word both; it wants rewording rather than a plural.
    (
        "ImportHistoryDialog",
        "Undo the import of %1? The %2 customers it created are removed and the %3 it updated "
        "get their previous values back.",
    ),
}
COUNTED = re.compile(r"%L?n\b|\(s\)|%\d+ (?:customers|tickets|columns|rows|deals|tasks)\b")


def test_no_count_is_left_in_a_plain_english_message() -> None:
    plain, plurals = [], []
    for context in ET.parse(EN_TS).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in message.iter("numerusform")]
                plurals.append((name, source, forms))
            elif COUNTED.search(source) and (name, source) not in NOT_COUNTS:
                plain.append((name, source))
    assert plain == []
    # English has a singular and a plural form for every counted message.
    assert [p for p in plurals if len(p[2]) != 2 or not all(p[2])] == []
    assert len(plurals) > 40


def test_the_pool_notification_reads_as_chinese_in_chinese(language) -> None:  # noqa: ANN001
    language("zh_CN")
    assert _note("pool_released", count=3, customers=["甲", "乙"], days=30) == (
        "3 位客户 30 天未跟进，已退回公海：甲、乙等"
    )
    assert _note("pool_released", count=2, customers=["甲", "乙"], days=30) == (
        "2 位客户 30 天未跟进，已退回公海：甲、乙"
    )
