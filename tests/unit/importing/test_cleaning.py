"""Cleaning the cells of real office spreadsheets: phones, dates, money, tags, enums, yes/no."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.models import Channel, CustomerKind, Segment, Stage, Tier
from crmdesk.services.importing.cleaning import (
    REASONS,
    CleanError,
    CleanPhone,
    clean_bool,
    clean_date,
    clean_datetime,
    clean_email,
    clean_enum,
    clean_field,
    clean_long_text,
    clean_money,
    clean_name,
    clean_phone,
    clean_value,
    is_blank,
    split_tags,
)
from crmdesk.services.importing.fields import FieldType
from crmdesk.services.text import normalize_phone

# ---------------------------------------------------------------------------------------------
# Phones


@pytest.mark.parametrize(
    ("raw", "display", "key"),
    [
        ("13812345678", "13812345678", "13812345678"),
        (13812345678, "13812345678", "13812345678"),
        (13812345678.0, "13812345678", "13812345678"),
        (1.3812345678e10, "13812345678", "13812345678"),
        ("1.3812345678E+10", "13812345678", "13812345678"),
        ("1.3812345678E10", "13812345678", "13812345678"),
        ("13812345678.0", "13812345678", "13812345678"),
        (Decimal("13812345678"), "13812345678", "13812345678"),
        ("138 1234 5678", "13812345678", "13812345678"),
        ("138-1234-5678", "13812345678", "13812345678"),
        ("(138)1234-5678", "13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678", "13812345678"),
        ("+8613812345678", "13812345678", "13812345678"),
        ("0086-13812345678", "13812345678", "13812345678"),
        ("8613812345678", "13812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678", "13812345678"),
        ("  13812345678\u3000", "13812345678", "13812345678"),
        ("手机：13812345678", "13812345678", "13812345678"),
        ("Tel: 010-12345678", "010-12345678", "01012345678"),
        ("010-12345678", "010-12345678", "01012345678"),
        ("01012345678", "010-12345678", "01012345678"),
        ("(010) 1234 5678", "010-12345678", "01012345678"),
        ("（010）12345678", "010-12345678", "01012345678"),
        ("+86 10 1234 5678", "010-12345678", "01012345678"),
        ("0755-12345678", "0755-12345678", "075512345678"),
        ("0571-8765432", "0571-8765432", "05718765432"),
        ("021 6123 4567", "021-61234567", "02161234567"),
        ("400-123-4567", "400-123-4567", "4001234567"),
        ("4001234567", "400-123-4567", "4001234567"),
        ("400 812 3123", "400-812-3123", "4008123123"),
        ("800-810-8888", "800-810-8888", "8008108888"),
        ("010-12345678转123", "010-12345678转123", "01012345678"),
        ("010-12345678 ext. 45", "010-12345678 ext. 45", "01012345678"),
        ("+1 415 555 0100", "+14155550100", "14155550100"),
        ("95555", "95555", "95555"),
    ],
)
def test_phone_cleaned(raw: object, display: str, key: str) -> None:
    phone = clean_phone(raw)
    assert phone == CleanPhone(display, key)
    # The key is exactly what duplicate detection uses for contacts typed in the app.
    assert normalize_phone(phone.display.split("转")[0].split(" ext.")[0]) == key


@pytest.mark.parametrize(
    ("raw", "first", "extras"),
    [
        ("13812345678/13912345678", "13812345678", ("13912345678",)),
        ("13812345678／13912345678", "13812345678", ("13912345678",)),
        ("13812345678 13912345678", "13812345678", ("13912345678",)),
        ("13812345678；13912345678", "13812345678", ("13912345678",)),
        ("13812345678, 010-12345678", "13812345678", ("010-12345678",)),
        ("13812345678、13912345678、13712345678", "13812345678", ("13912345678", "13712345678")),
        ("13812345678\n010-12345678", "13812345678", ("010-12345678",)),
        ("010-12345678 / 找王经理", "010-12345678", ("找王经理",)),
    ],
)
def test_several_numbers_in_one_cell_keep_the_rest_as_extras(
    raw: str, first: str, extras: tuple[str, ...]
) -> None:
    phone = clean_phone(raw)
    assert phone is not None
    assert phone.display == first
    assert phone.extras == extras


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("abc", "bad_phone"),
        ("12", "bad_phone"),
        ("1234567890123456789", "bad_phone"),
        ("138-abcd-5678", "bad_phone"),
        (True, "bad_phone"),
        (dt.date(2024, 3, 5), "bad_phone"),
        (1.5, "bad_phone"),
        # What Excel shows of 13812345678 in a narrow column: five digits are lost.
        ("1.38123E+10", "phone_rounded"),
    ],
)
def test_bad_phones_say_why(raw: object, code: str) -> None:
    with pytest.raises(CleanError) as info:
        clean_phone(raw)
    assert info.value.code == code
    assert str(info.value) == REASONS[code]


@pytest.mark.parametrize("raw", [None, "", "   ", "-", "/", "无", "N/A"])
def test_blank_phone_is_none(raw: object) -> None:
    assert clean_phone(raw) is None


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mobile_digits_survive_excel_number_formats(mobile: str) -> None:
    number = int(mobile)
    for raw in (number, float(number), repr(float(number)), f"{float(number):.10E}", mobile):
        phone = clean_phone(raw)
        assert phone is not None
        assert phone.display == mobile
        assert phone.key == mobile


# ---------------------------------------------------------------------------------------------
# Dates


D = dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    "raw",
    [
        dt.date(2024, 3, 5),
        dt.datetime(2024, 3, 5, 9, 30),
        45356,
        45356.0,
        45356.75,
        "45356",
        "2024-03-05",
        "2024-3-5",
        "2024/3/5",
        "2024/03/05",
        "2024.03.05",
        "2024.3.5",
        "2024年3月5日",
        "2024年03月05日",
        "2024 年 3 月 5 日",
        "２０２４年３月５日",
        "24年3月5日",
        "20240305",
        20240305,
        "24-3-5",
        "24-03-05",
        "2024-03-05 14:30",
        "2024-03-05 14:30:00",
        "2024/3/5 2:30 PM",
        "2024-03-05T14:30:00",
        "05-Mar-2024",
        "5 March 2024",
        "Mar 5, 2024",
        "March 5th, 2024",
        "05-Mar-24",
        "3/5/2024",
    ],
)
def test_dates_in_the_formats_offices_use(raw: object) -> None:
    assert clean_date(raw, dayfirst=False) == D


def test_excel_serial_numbers_include_time_and_the_1900_leap_bug() -> None:
    assert clean_datetime(45356.5) == dt.datetime(2024, 3, 5, 12, 0)
    assert clean_datetime(45356.75) == dt.datetime(2024, 3, 5, 18, 0)
    assert clean_date(1) == dt.date(1900, 1, 1)
    assert clean_date(59) == dt.date(1900, 2, 28)
    assert clean_date(61) == dt.date(1900, 3, 1)  # Excel's 60 is 29 Feb 1900, which never was
    with pytest.raises(CleanError) as info:
        clean_date(60)
    assert info.value.code == "bad_date"


@pytest.mark.parametrize(
    ("raw", "dayfirst", "expected"),
    [
        ("03/05/2024", False, dt.date(2024, 3, 5)),
        ("03/05/2024", True, dt.date(2024, 5, 3)),
        ("05.03.2024", True, dt.date(2024, 3, 5)),
        ("05-03-2024", True, dt.date(2024, 3, 5)),
        # A day above 12 decides whatever the file's language says.
        ("13/05/2024", False, dt.date(2024, 5, 13)),
        ("05/13/2024", True, dt.date(2024, 5, 13)),
        ("03/05/24", False, dt.date(2024, 3, 5)),
        ("05/03/24", True, dt.date(2024, 3, 5)),
        ("24-3-5", True, dt.date(2024, 3, 5)),  # one-digit last part: the year comes first
        ("85-6-1", False, dt.date(1985, 6, 1)),
        ("1/6/85", True, dt.date(1985, 6, 1)),
    ],
)
def test_day_and_month_order(raw: str, dayfirst: bool, expected: dt.date) -> None:
    assert clean_date(raw, dayfirst=dayfirst) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("3月5日", "date_without_year"),
        ("3/5", "date_without_year"),
        ("2024-02-30", "bad_date"),
        ("2024-13-01", "bad_date"),
        ("13/13/2024", "bad_date"),
        ("明天", "bad_date"),
        ("2024年3月", "bad_date"),
        ("Q1 2024", "bad_date"),
        (1990, "year_only"),
        ("2024", "year_only"),
        (2024.0, "year_only"),
        (True, "bad_date"),
        (0, "date_out_of_range"),
        (-3, "date_out_of_range"),
        (3_000_000, "date_out_of_range"),
        ("1850-01-01", "date_out_of_range"),
        (dt.date(1066, 10, 14), "date_out_of_range"),
    ],
)
def test_bad_dates_say_why(raw: object, code: str) -> None:
    with pytest.raises(CleanError) as info:
        clean_date(raw)
    assert info.value.code == code


def _excel_serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


@settings(max_examples=150)
# From 9 January 1906: Excel serial numbers up to 2200 (8 January 1906) read as bare years.
@given(st.dates(min_value=dt.date(1906, 1, 9), max_value=dt.date(2199, 12, 31)), st.booleans())
def test_random_dates_round_trip_through_every_format(day: dt.date, dayfirst: bool) -> None:
    y, m, d = day.year, day.month, day.day
    month_first = f"{m:02d}/{d:02d}/{y}"
    day_first = f"{d:02d}/{m:02d}/{y}"
    formats: list[object] = [
        day,
        dt.datetime(y, m, d, 8, 15),
        _excel_serial(day),
        float(_excel_serial(day)) + 0.25,
        day.isoformat(),
        f"{y}/{m}/{d}",
        f"{y}.{m:02d}.{d:02d}",
        f"{y}年{m}月{d}日",
        f"{y}{m:02d}{d:02d}",
        day.strftime("%d-%b-%Y"),
        day.strftime("%B %d, %Y"),
        day_first if dayfirst else month_first,
    ]
    for raw in formats:
        assert clean_date(raw, dayfirst=dayfirst) == day, raw


# ---------------------------------------------------------------------------------------------
# Money


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1,234.50", Decimal("1234.50")),
        ("¥3,000", Decimal(3000)),
        ("￥3,000", Decimal(3000)),
        ("$12,500.00", Decimal(12500)),
        ("RMB 3000", Decimal(3000)),
        ("CNY3000", Decimal(3000)),
        ("3000元", Decimal(3000)),
        ("3,000 元", Decimal(3000)),
        ("12万", Decimal(120000)),
        ("12万元", Decimal(120000)),
        ("12.5万", Decimal(125000)),
        ("1.2亿", Decimal(120000000)),
        ("3.5千", Decimal(3500)),
        ("12k", Decimal(12000)),
        ("2.5M", Decimal(2500000)),
        ("(1,000)", Decimal(-1000)),
        ("-1,000", Decimal(-1000)),
        ("-¥1,000", Decimal(-1000)),
        ("\u22121000", Decimal(-1000)),
        ("１２３４", Decimal(1234)),
        (" 88 ", Decimal(88)),
        (".5", Decimal("0.5")),
        (1234, Decimal(1234)),
        (1234.5, Decimal("1234.5")),
        (0.1, Decimal("0.1")),
        (Decimal("99.99"), Decimal("99.99")),
    ],
)
def test_money(raw: object, expected: Decimal) -> None:
    assert clean_money(raw) == expected


@pytest.mark.parametrize(
    ("raw", "scale", "expected"),
    [
        (12.5, Decimal(10000), Decimal(125000)),
        ("12.5", Decimal(10000), Decimal(125000)),
        ("3", Decimal(100000000), Decimal(300000000)),
        ("1,200", Decimal(1000), Decimal(1200000)),
        (7, Decimal(1), Decimal(7)),
    ],
)
def test_money_is_scaled_by_the_column_unit(raw: object, scale: Decimal, expected: Decimal) -> None:
    assert clean_money(raw, scale=scale) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("12,5", "bad_money"),  # a European decimal comma is not guessed
        ("1,2345", "bad_money"),
        ("12%", "bad_money"),
        ("很多", "bad_money"),
        ("1.2.3", "bad_money"),
        ("12 34", "bad_money"),
        (True, "bad_money"),
        (float("nan"), "bad_money"),
        (dt.date(2024, 1, 1), "bad_money"),
        ("1e30", "bad_money"),
        ("99999999999999999", "money_too_large"),
    ],
)
def test_bad_money_says_why(raw: object, code: str) -> None:
    with pytest.raises(CleanError) as info:
        clean_money(raw)
    assert info.value.code == code


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_money_round_trips_through_how_people_format_it(amount: Decimal) -> None:
    plain = f"{abs(amount):.2f}"
    grouped = f"{abs(amount):,.2f}"
    sign = "-" if amount < 0 else ""
    for text in (
        f"{sign}{plain}",
        f"{sign}{grouped}",
        f"{sign}¥{grouped}",
        f"{sign}$ {grouped}",
        f"RMB {sign}{plain}",
        f"{sign}{grouped}元",
        f"({grouped})" if amount < 0 else grouped,
    ):
        assert clean_money(text) == amount, text
    assert clean_money(float(amount)) == Decimal(repr(float(amount)))


# ---------------------------------------------------------------------------------------------
# Tags


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("VIP、重点", ["VIP", "重点"]),
        ("VIP，重点,华东", ["VIP", "重点", "华东"]),
        ("a;b；c", ["a", "b", "c"]),
        ("a / b | c｜d", ["a", "b", "c", "d"]),
        ("VIP 客户, 重点", ["VIP 客户", "重点"]),
        ("  VIP  客户  ", ["VIP 客户"]),
        ("VIP, vip, ＶＩＰ, 重点", ["VIP", "重点"]),
        ("a,,b, ,;c", ["a", "b", "c"]),
        ("试用\n付费", ["试用", "付费"]),
        ("\u3000华东\u3000", ["华东"]),
        ("", []),
        (None, []),
        ("-", []),
        (2024, ["2024"]),
    ],
)
def test_tags_split_trimmed_deduplicated(raw: object, expected: list[str]) -> None:
    assert split_tags(raw) == expected


def test_overlong_tag_is_refused() -> None:
    with pytest.raises(CleanError) as info:
        split_tags("ok, " + "x" * 61)
    assert info.value.code == "tag_too_long"


@given(
    st.lists(
        st.text(alphabet="ab客户VIP 1", min_size=1, max_size=8).map(lambda t: " ".join(t.split())),
        max_size=6,
    ),
    st.sampled_from(["、", "，", ",", ";", "；", "/", "|", " , ", "\n"]),
)
def test_joined_tags_split_back(tags: list[str], separator: str) -> None:
    tags = [t for t in tags if t and t not in ("无",)]
    unique: list[str] = []
    for t in tags:
        if t.casefold() not in {u.casefold() for u in unique}:
            unique.append(t)
    assert split_tags(separator.join(tags)) == unique


# ---------------------------------------------------------------------------------------------
# Tiers, stages, channels, segments, kinds


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A", Tier.A),
        ("a", Tier.A),
        ("Ａ", Tier.A),
        (" A ", Tier.A),
        ("A类", Tier.A),
        ("A级", Tier.A),
        ("A类客户", Tier.A),
        ("A级客户", Tier.A),
        ("VIP", Tier.A),
        ("vip客户", Tier.A),
        ("重要", Tier.A),
        ("重要客户", Tier.A),
        ("大客户", Tier.A),
        ("B", Tier.B),
        ("b类", Tier.B),
        ("一般", Tier.B),
        ("C", Tier.C),
        ("c级", Tier.C),
        ("普通", Tier.C),
        ("普通客户", Tier.C),
        (1, Tier.A),
        (3.0, Tier.C),
    ],
)
def test_tiers(raw: object, expected: Tier) -> None:
    assert clean_enum("tier", raw) is expected


@pytest.mark.parametrize(
    ("enum_name", "raw", "expected"),
    [
        ("stage", "潜在客户", Stage.PROSPECT),
        ("stage", "意向", Stage.PROSPECT),
        ("stage", "Prospect", Stage.PROSPECT),
        ("stage", "新客户", Stage.NEW),
        ("stage", "成交", Stage.NEW),
        ("stage", "成长", Stage.GROWING),
        ("stage", "活跃客户", Stage.GROWING),
        ("stage", "流失预警", Stage.AT_RISK),
        ("stage", "风险", Stage.AT_RISK),
        ("stage", "at_risk", Stage.AT_RISK),
        ("stage", "At risk", Stage.AT_RISK),
        ("stage", "已流失", Stage.CHURNED),
        ("stage", "流失", Stage.CHURNED),
        ("stage", "Churned", Stage.CHURNED),
        ("channel", "官网", Channel.WEBSITE),
        ("channel", "网站", Channel.WEBSITE),
        ("channel", "展会", Channel.EVENT),
        ("channel", "线下活动", Channel.EVENT),
        ("channel", "公众号", Channel.WECHAT),
        ("channel", "微信", Channel.WECHAT),
        ("channel", "转介绍", Channel.REFERRAL),
        ("channel", "老客户介绍", Channel.REFERRAL),
        ("channel", "阿里巴巴", Channel.PLATFORM),
        ("channel", "1688", Channel.PLATFORM),
        (" channel", "第三方平台", Channel.PLATFORM),
        ("channel", "陌拜", Channel.COLD_CALL),
        ("channel", "电话", Channel.COLD_CALL),
        ("channel", "Cold call", Channel.COLD_CALL),
        ("channel", "cold_call", Channel.COLD_CALL),
        ("channel", "其他", Channel.OTHER),
        ("segment", "试用", Segment.TRIAL),
        ("segment", "付费客户", Segment.PAID),
        ("segment", "Enterprise", Segment.ENTERPRISE),
        ("kind", "企业", CustomerKind.COMPANY),
        ("kind", "公司", CustomerKind.COMPANY),
        ("kind", "个人", CustomerKind.PERSON),
        ("kind", "Person", CustomerKind.PERSON),
        ("kind", "个人客户", CustomerKind.PERSON),
    ],
)
def test_enum_values_in_chinese_and_english(enum_name: str, raw: str, expected: object) -> None:
    assert clean_enum(enum_name.strip(), raw) is expected


@pytest.mark.parametrize(
    ("enum_name", "raw", "code"),
    [
        ("tier", "Z", "bad_tier"),
        ("tier", "类", "bad_tier"),
        ("stage", "还行", "bad_stage"),
        ("channel", "不知道从哪来", "bad_channel"),
        ("segment", "x", "bad_segment"),
        ("kind", "动物", "bad_kind"),
    ],
)
def test_unknown_enum_values_are_refused(enum_name: str, raw: str, code: str) -> None:
    with pytest.raises(CleanError) as info:
        clean_enum(enum_name, raw)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("enum_name", "labels"),
    [
        # The labels crmdesk's own export writes (English and Chinese) read back as the value.
        (
            "tier",
            {"A": ("Tier A", "A类客户"), "B": ("Tier B", "B类客户"), "C": ("Tier C", "C类客户")},
        ),
        (
            "stage",
            {
                "prospect": ("Prospect", "潜在客户"),
                "new": ("New customer", "新客户"),
                "growing": ("Growing", "成长客户"),
                "at_risk": ("Churn risk", "流失预警客户"),
                "churned": ("Churned", "已流失"),
            },
        ),
        (
            "channel",
            {
                "website": ("Website", "官网"),
                "event": ("Offline event", "线下活动"),
                "wechat": ("WeChat official account", "微信公众号"),
                "referral": ("Referral", "转介绍"),
                "platform": ("Third-party platform", "第三方平台"),
                "cold_call": ("Cold call", "电话陌拜"),
                "other": ("Other", "其他"),
            },
        ),
        (
            "segment",
            {
                "trial": ("Trial", "试用"),
                "paid": ("Paid", "付费"),
                "enterprise": ("Enterprise", "企业版"),
            },
        ),
        ("kind", {"company": ("Company", "企业"), "person": ("Person", "个人")}),
    ],
)
def test_exported_labels_read_back(enum_name: str, labels: dict[str, tuple[str, ...]]) -> None:
    for value, texts in labels.items():
        for text in (value, *texts):
            assert clean_enum(enum_name, text) == value, text


def test_blank_enum_is_none() -> None:
    assert clean_enum("tier", "  ") is None
    assert clean_enum("stage", None) is None


# ---------------------------------------------------------------------------------------------
# Emails, names, yes/no


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("zhang@example.com", "zhang@example.com"),
        ("  Zhang.San@Example.COM ", "zhang.san@example.com"),
        ("zhang＠example．com", "zhang@example.com"),
        ("zhang@example。com", "zhang@example.com"),
        ("ＺＨＡＮＧ＠ＥＸＡＭＰＬＥ．ＣＯＭ", "zhang@example.com"),
        ("mailto:zhang@example.com", "zhang@example.com"),
        ("MAILTO:Zhang@example.com", "zhang@example.com"),
        ("张三 <zhang@example.com>", "zhang@example.com"),
        ("zhang@example.com.", "zhang@example.com"),
        ("zhang+crm@mail.example.com.cn", "zhang+crm@mail.example.com.cn"),
    ],
)
def test_email_trimmed_and_lowercased(raw: str, expected: str) -> None:
    assert clean_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("zhang", "bad_email"),
        ("zhang@", "bad_email"),
        ("zhang@example", "bad_email"),
        ("zhang@@example.com", "bad_email"),
        ("zhang san@example.com", "bad_email"),
        ("zhang@example..com", "bad_email"),
        ("a@x.com; b@y.com", "several_emails"),
        ("a@x.com b@y.com", "several_emails"),
        (12345, "bad_email"),
    ],
)
def test_bad_emails_say_why(raw: object, code: str) -> None:
    with pytest.raises(CleanError) as info:
        clean_email(raw)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  张三  ", "张三"),
        ("\u3000张三\u3000", "张三"),
        ("华为  技术   有限公司", "华为 技术 有限公司"),
        ("Acme\tCorp", "Acme Corp"),
        ("Acme\nCorp", "Acme Corp"),
        ("\u00a0Acme\u00a0", "Acme"),
        (123.0, "123"),
        (42, "42"),
        ("", None),
        ("\u3000 ", None),
        (None, None),
    ],
)
def test_names_trimmed_and_collapsed(raw: object, expected: str | None) -> None:
    assert clean_name(raw) == expected


def test_long_text_keeps_lines() -> None:
    assert clean_long_text("\n  第一行  要点 \r\n第二行\n\n") == "第一行 要点\n第二行"


def test_too_long_text_is_refused() -> None:
    with pytest.raises(CleanError) as info:
        clean_name("x" * 41, max_length=40)
    assert info.value.code == "too_long"
    assert clean_name("x" * 40, max_length=40) == "x" * 40


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("是", True),
        ("否", False),
        ("Y", True),
        ("n", False),
        ("Yes", True),
        ("NO", False),
        ("√", True),
        ("×", False),
        ("✓", True),
        ("true", True),
        ("FALSE", False),
        ("1", True),
        ("0", False),
        (1, True),
        (0.0, False),
        (True, True),
        (False, False),
        ("", None),
        (None, None),
    ],
)
def test_yes_and_no(raw: object, expected: bool | None) -> None:
    assert clean_bool(raw) is expected


@pytest.mark.parametrize("raw", ["x", "maybe", "2", 2])
def test_unclear_yes_no_refused(raw: object) -> None:
    with pytest.raises(CleanError) as info:
        clean_bool(raw)
    assert info.value.code == "bad_bool"


# ---------------------------------------------------------------------------------------------
# Dispatch


@pytest.mark.parametrize(
    ("field_type", "raw", "expected"),
    [
        (FieldType.TEXT, "  华为 ", "华为"),
        (FieldType.USER, " 王 经理 ", "王 经理"),
        (FieldType.LONG_TEXT, "a\nb", "a\nb"),
        (FieldType.PHONE, 13812345678.0, CleanPhone("13812345678", "13812345678")),
        (FieldType.EMAIL, "A@B.CN", "a@b.cn"),
        (FieldType.DATE, "2024年3月5日", dt.date(2024, 3, 5)),
        (FieldType.DATETIME, "2024-03-05 09:00", dt.datetime(2024, 3, 5, 9, 0)),
        (FieldType.MONEY, "12.5", Decimal(125000)),
        (FieldType.TAGS, "a、b", ["a", "b"]),
        (FieldType.TAGS, None, []),
        (FieldType.BOOL, "是", True),
        ("money", "3", Decimal(30000)),
    ],
)
def test_clean_value_dispatches_on_type(
    field_type: FieldType, raw: object, expected: object
) -> None:
    assert clean_value(field_type, raw, dayfirst=False, scale=Decimal(10000)) == expected


def test_clean_value_for_enums_and_fields() -> None:
    assert clean_value(FieldType.ENUM, "A类", enum="tier") is Tier.A
    with pytest.raises(ValueError):
        clean_value(FieldType.ENUM, "A类")
    assert clean_field("tier", "VIP") is Tier.A
    assert clean_field("stage", "流失预警") is Stage.AT_RISK
    assert clean_field("annual_revenue", "12.5", scale=Decimal(10000)) == Decimal(125000)
    assert clean_field("contact_birthday", "05/03/1990", dayfirst=True) == dt.date(1990, 3, 5)
    with pytest.raises(CleanError) as info:
        clean_field("code", "X" * 41)  # Customer.code holds 40 characters
    assert info.value.code == "too_long"


def test_placeholders_are_blank() -> None:
    for raw in (None, "", " ", "-", "—", "/", "无", "暂无", "N/A", "null", "\u3000"):
        assert is_blank(raw), raw
    for raw in (0, "0", "A", False):
        assert not is_blank(raw), raw


def test_every_reason_is_a_sentence() -> None:
    for code, text in REASONS.items():
        assert text[0].isupper() and text.endswith("."), code
        assert str(CleanError(code)) == text
