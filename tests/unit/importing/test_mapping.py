"""Mapping spreadsheet columns to fields: synonyms, fuzzy headers checked by values, units,
competition for one field, and mappings remembered for the next file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crmdesk.services import Database
from crmdesk.services.importing.fields import (
    FIELD_BY_KEY,
    FIELDS,
    SYNONYM_INDEX,
    FieldType,
    custom_key_of,
    custom_target,
    field_type_for_custom,
    normalize_header,
)
from crmdesk.services.importing.mapping import (
    ColumnMapping,
    auto_map,
    header_scale,
    mapping_key,
    recall_mapping,
    remember_mapping,
    with_field,
)


def fields_of(mapping: list[ColumnMapping]) -> list[str | None]:
    return [m.field for m in mapping]


# ---------------------------------------------------------------------------------------------
# Fields and headers


def test_every_synonym_names_one_field() -> None:
    seen: dict[str, str] = {}
    for f in FIELDS:
        for synonym in f.synonyms:
            norm = normalize_header(synonym)
            assert norm, synonym
            assert seen.setdefault(norm, f.key) == f.key, (synonym, seen[norm], f.key)
    assert set(SYNONYM_INDEX) == set(seen)


def test_enum_fields_name_their_enum() -> None:
    for f in FIELDS:
        assert (f.type is FieldType.ENUM) == (f.enum is not None), f.key


@pytest.mark.parametrize(
    ("header", "normalised"),
    [
        ("*客户名称（必填）", "客户名称"),
        ("客户名称:", "客户名称"),
        ("  客户 名称 ", "客户名称"),
        ("E-mail Address", "emailaddress"),
        ("E-Mail", "email"),
        ("年交易额（万元）", "年交易额"),
        ("年交易额(万元)", "年交易额"),
        ("年交易额/万元", "年交易额"),
        ("年交易额 万元", "年交易额"),
        ("年交易额万元", "年交易额"),
        ("Revenue (K USD)", "revenue"),
        ("Revenue in thousands", "revenue"),
        ("【手机】", ""),
        ("ＰＨＯＮＥ", "phone"),
        ("Lead_Source", "leadsource"),
        (None, ""),
        (2024, "2024"),
    ],
)
def test_normalize_header(header: object, normalised: str) -> None:
    assert normalize_header(header) == normalised


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # Customer name
        ("客户名称", "name"),
        ("公司名称", "name"),
        ("单位名称", "name"),
        ("企业名称", "name"),
        ("客户", "name"),
        ("公司", "name"),
        ("Company", "name"),
        ("Company Name", "name"),
        ("Account", "name"),
        ("Account Name", "name"),
        ("Customer", "name"),
        ("*客户名称(必填)", "name"),
        # Phone
        ("手机", "contact_phone"),
        ("手机号", "contact_phone"),
        ("手机号码", "contact_phone"),
        ("联系电话", "contact_phone"),
        ("电话", "contact_phone"),
        ("移动电话", "contact_phone"),
        ("Mobile", "contact_phone"),
        ("Phone", "contact_phone"),
        ("Tel", "contact_phone"),
        ("Telephone", "contact_phone"),
        # Email
        ("邮箱", "contact_email"),
        ("电子邮箱", "contact_email"),
        ("邮件", "contact_email"),
        ("E-mail", "contact_email"),
        ("Email Address", "contact_email"),
        ("E-mail Address", "contact_email"),
        # Revenue
        ("年交易额", "annual_revenue"),
        ("年销售额", "annual_revenue"),
        ("年营业额", "annual_revenue"),
        ("Annual Revenue", "annual_revenue"),
        ("Revenue", "annual_revenue"),
        # The rest
        ("标签", "tags"),
        ("Labels", "tags"),
        ("Tags", "tags"),
        ("联系人", "contact_name"),
        ("姓名", "contact_name"),
        ("Contact", "contact_name"),
        ("Contact Name", "contact_name"),
        ("职位", "contact_title"),
        ("职务", "contact_title"),
        ("Title", "contact_title"),
        ("微信", "contact_wechat"),
        ("微信号", "contact_wechat"),
        ("WeChat", "contact_wechat"),
        ("生日", "contact_birthday"),
        ("出生日期", "contact_birthday"),
        ("Birthday", "contact_birthday"),
        ("城市", "city"),
        ("所在城市", "city"),
        ("City", "city"),
        ("省份", "region"),
        ("地区", "region"),
        ("区域", "region"),
        ("Region", "region"),
        ("Province", "region"),
        ("地址", "address"),
        ("详细地址", "address"),
        ("Address", "address"),
        ("行业", "industry"),
        ("所属行业", "industry"),
        ("Industry", "industry"),
        ("来源", "channel"),
        ("客户来源", "channel"),
        ("渠道", "channel"),
        ("Source", "channel"),
        ("Channel", "channel"),
        ("Lead Source", "channel"),
        ("等级", "tier"),
        ("客户等级", "tier"),
        ("级别", "tier"),
        ("Tier", "tier"),
        ("Level", "tier"),
        ("Grade", "tier"),
        ("阶段", "stage"),
        ("客户阶段", "stage"),
        ("状态", "stage"),
        ("Stage", "stage"),
        ("Lifecycle stage", "stage"),
        ("负责人", "owner"),
        ("销售", "owner"),
        ("跟进人", "owner"),
        ("Owner", "owner"),
        ("Sales Rep", "owner"),
        ("Account Owner", "owner"),
        ("备注", "notes"),
        ("说明", "notes"),
        ("Notes", "notes"),
        ("Remarks", "notes"),
        ("Comments", "notes"),
        ("客户编号", "code"),
        ("编号", "code"),
        ("Code", "code"),
        ("ID", "code"),
        ("Customer ID", "code"),
        ("网址", "website"),
        ("官网", "website"),
        ("Website", "website"),
        ("URL", "website"),
        ("类型", "kind"),
        ("客户类型", "kind"),
        ("Type", "kind"),
        ("使用场景", "usage_scenario"),
        ("Usage scenario", "usage_scenario"),
        ("需求痛点", "pain_points"),
        ("痛点", "pain_points"),
        ("Pain points", "pain_points"),
        ("客户分类", "segment"),
        ("Segment", "segment"),
        ("创建时间", "created_at"),
        ("录入时间", "created_at"),
        ("Created", "created_at"),
        ("最后跟进", "last_interaction_at"),
        ("最近联系", "last_interaction_at"),
        ("Last contact", "last_interaction_at"),
        ("决策人", "contact_decision_maker"),
    ],
)
def test_synonym_headers_map_without_samples(header: str, field: str) -> None:
    [m] = auto_map([header], [])
    assert m.field == field
    assert m.confidence == 1.0


# ---------------------------------------------------------------------------------------------
# Realistic sheets


def test_messy_chinese_ledger() -> None:
    headers = [
        "序号",
        "*客户名称",
        "联系人",
        "联系方式",  # no synonym: the 11-digit values make it the phone
        "E-mail/邮件地址",  # resembles 邮件地址, and the values have @
        "年交易额（万元）",
        "客户等级",
        "标签",
        "签约日期",
        "备注",
        "所在省份",
        "城市",
        "来源渠道",
        "最后跟进时间",
    ]
    rows = [
        [1, "华为技术有限公司", "张三", 13812345678.0, "zs@huawei.com", 12.5, "A类", "VIP、重点",
         dt.date(2024, 3, 5), "", "广东", "深圳", "展会", dt.datetime(2024, 5, 1, 10, 0)],
        [2, "（北京）腾讯科技", "李四", "139 1234 5678", "LS@QQ.COM", "30", "B", "",
         dt.date(2024, 3, 6), "老客户", "北京", "北京", "官网", "2024/5/2"],
        [3, "小米", "王五", "1.3712345678E+10", "ww@mi.com", None, "c", "华东",
         "2024-03-07", None, "北京", "北京", "转介绍", None],
    ]  # fmt: skip
    mapping = auto_map(headers, rows)
    assert [m.column for m in mapping] == list(range(len(headers)))
    assert [m.header for m in mapping] == headers
    assert fields_of(mapping) == [
        None,
        "name",
        "contact_name",
        "contact_phone",
        "contact_email",
        "annual_revenue",
        "tier",
        "tags",
        None,  # no contract-date field: left for a custom field or ignored
        "notes",
        "region",
        "city",
        "channel",
        "last_interaction_at",
    ]
    by_field = {m.field: m for m in mapping}
    assert by_field["annual_revenue"].scale == Decimal(10000)
    assert by_field["name"].confidence == 1.0
    assert 0 < by_field["contact_phone"].confidence < 1.0
    assert "phone" in by_field["contact_phone"].reason
    assert 0 < by_field["contact_email"].confidence < 1.0
    assert all(m.scale == 1 for m in mapping if m.field != "annual_revenue")
    assert mapping[0].reason and mapping[0].confidence == 0


def test_messy_english_export() -> None:
    headers = [
        "Account Name ",
        "Company Nme",  # a typo competing with the exact header for the same field
        "Phone Number",
        "Email",
        "Revenue (K USD)",
        "Account Owner",
        "Lifecycle Stage",
        "Lead Source",
        "Created Date",
        "Last Activity",
        "Labels",
        "Notes",
    ]
    rows = [
        ["Acme Corp", "Acme", "+1 415 555 0100", "bob@acme.com", "1,200", "Alice", "Lead",
         "Trade show", "03/05/2024", dt.datetime(2024, 4, 1), "vip; partner", "call back"],
        ["Globex", "Globex", "(212) 555-0199", "ann@globex.com", "950", "Bob", "Customer",
         "Website", "03/06/2024", dt.datetime(2024, 4, 2), "", ""],
    ]  # fmt: skip
    mapping = auto_map(headers, rows)
    assert fields_of(mapping) == [
        "name",
        None,
        "contact_phone",
        "contact_email",
        "annual_revenue",
        "owner",
        "stage",
        "channel",
        "created_at",
        "last_interaction_at",
        "tags",
        "notes",
    ]
    assert mapping[4].scale == Decimal(1000)
    assert "taken by column 1" in mapping[1].reason


def test_fuzzy_header_needs_fitting_values() -> None:
    headers = ["客户名称", "联系方式", "年收入情况"]
    # 联系方式 holding words is not a phone; 年收入情况 holding words is not revenue.
    words = [["甲公司", "找前台", "很高"], ["乙公司", "微信联系", "一般"]]
    assert fields_of(auto_map(headers, words)) == ["name", None, None]
    numbers = [["甲公司", "13812345678", "120万"], ["乙公司", "010-87654321", "80,000"]]
    assert fields_of(auto_map(headers, numbers)) == ["name", "contact_phone", "annual_revenue"]


def test_a_column_that_is_not_money_is_never_revenue() -> None:
    mapping = auto_map(["客户", "年交易额"], [["甲", "大"], ["乙", "很大"], ["丙", "小"]])
    assert mapping[1].field is None
    assert "do not fit" in mapping[1].reason


def test_exact_header_survives_a_few_bad_values() -> None:
    rows = [["13812345678"], ["13912345678"], ["见备注"], ["13712345678"]]
    assert fields_of(auto_map(["手机"], rows)) == ["contact_phone"]


def test_email_and_date_headers_verified_by_values() -> None:
    headers = ["公司", "Mail addr", "生日日期", "联系人邮件"]
    rows = [
        ["甲", "a@x.com", "1990-01-02", "b@x.com"],
        ["乙", "c@y.cn", dt.date(1985, 6, 1), "d@y.cn"],
    ]
    mapping = auto_map(headers, rows)
    assert mapping[1].field == "contact_email" or mapping[3].field == "contact_email"
    assert mapping[2].field == "contact_birthday"
    # Only one of the two email columns can be the contact's email; the other says why.
    emails = [m for m in mapping if m.field == "contact_email"]
    assert len(emails) == 1
    loser = mapping[1] if mapping[3].field == "contact_email" else mapping[3]
    assert loser.field is None and "Email" in loser.reason


def test_two_columns_competing_for_one_field() -> None:
    headers = ["电话", "手机", "公司名称", "客户名称"]
    rows = [["010-12345678", "13812345678", "甲", "甲公司"]]
    mapping = auto_map(headers, rows)
    # Equally exact: the header that is the earlier synonym wins, wherever it stands.
    assert fields_of(mapping) == [None, "contact_phone", None, "name"]
    assert "taken by column 2 (手机)" in mapping[0].reason
    assert "taken by column 4 (客户名称)" in mapping[2].reason


def test_better_fitting_column_wins_over_a_weaker_guess() -> None:
    headers = ["联系方式", "手机号码"]
    rows = [["13812345678", "13912345678"]]
    assert fields_of(auto_map(headers, rows)) == [None, "contact_phone"]


def test_values_alone_do_not_map_ambiguous_columns() -> None:
    # Plain numbers or words under an unknown header could be anything.
    mapping = auto_map(["甲", "乙"], [[123, "abc"], [456, "def"]])
    assert fields_of(mapping) == [None, None]


def test_blank_headers_and_short_rows() -> None:
    mapping = auto_map(
        ["客户名称", "", None, "手机"], [["甲公司"], ["乙公司", "x", "y", "13812345678"]]
    )
    assert fields_of(mapping) == ["name", None, None, "contact_phone"]
    assert mapping[1].reason == "no header"


def test_each_field_is_used_once_in_a_wide_sheet() -> None:
    headers = [s for f in FIELDS for s in f.synonyms[:3]]
    mapping = auto_map(headers, [])
    mapped = [m.field for m in mapping if m.field]
    assert len(mapped) == len(set(mapped)) == len(FIELDS)


EXPORT_FIELDS = [
    "code", "name", "kind", "industry", "city", "address", "website", "channel", "segment",
    "tier", "stage", "owner", "tags", "annual_revenue", "contact_name", "contact_title",
    "contact_phone", "contact_email", "contact_wechat", "contact_birthday", "usage_scenario",
    "pain_points", "notes", "created_at", "last_interaction_at",
]  # fmt: skip


@pytest.mark.parametrize(
    "headers",
    [
        # crmdesk's own customer export, in English (as issue 3 specifies) and in Chinese.
        "Code, Name, Type, Industry, City, Address, Website, Channel, Segment, Tier, Stage, Owner, "
        "Tags, Annual revenue, Contact, Title, Phone, Email, WeChat, Birthday, Usage scenario, "
        "Pain points, Notes, Created, Last interaction",
        "客户编号, 客户名称, 类型, 行业, 城市, 地址, 官网, 来源渠道, 客户分类, 客户等级, 生命周期, "
        "负责人, 标签, 年交易额, 联系人, 职务, 电话, 邮箱, 微信, 生日, 使用场景, 需求痛点, 备注, "
        "创建时间, 最近跟进",
    ],
)
def test_crmdesk_exports_map_back_completely(headers: str) -> None:
    names = [h.strip() for h in headers.split(",")] + ["_id", "_version"]
    mapping = auto_map(names, [])
    assert fields_of(mapping) == EXPORT_FIELDS + [None, None]
    assert mapping[-2].reason == "crmdesk's own column"


# ---------------------------------------------------------------------------------------------
# Units


@pytest.mark.parametrize(
    ("header", "scale"),
    [
        ("年交易额（万元）", Decimal(10000)),
        ("年交易额(万元)", Decimal(10000)),
        ("年交易额【万】", Decimal(10000)),
        ("年交易额/万元", Decimal(10000)),
        ("年交易额万元", Decimal(10000)),
        ("年交易额(单位：万元)", Decimal(10000)),
        ("年交易额（元）", Decimal(1)),
        ("年交易额(人民币)", Decimal(1)),
        ("年交易额（千元）", Decimal(1000)),
        ("年交易额（亿元）", Decimal(100000000)),
        ("年交易额（百万元）", Decimal(1000000)),
        ("Revenue (k)", Decimal(1000)),
        ("Revenue (K)", Decimal(1000)),
        ("Revenue (K USD)", Decimal(1000)),
        ("Revenue (USD k)", Decimal(1000)),
        ("Revenue ('000)", Decimal(1000)),
        ("Revenue (m)", Decimal(1000000)),
        ("Revenue (USD m)", Decimal(1000000)),
        ("Revenue (mn)", Decimal(1000000)),
        ("Revenue in thousands", Decimal(1000)),
        ("Revenue ($)", Decimal(1)),
        ("年交易额", None),
        ("Revenue", None),
        ("客户名称（必填）", None),
        ("Name (m)", Decimal(1000000)),
    ],
)
def test_units_in_headers(header: str, scale: Decimal | None) -> None:
    assert header_scale(header) == scale


def test_unit_scales_only_money_columns() -> None:
    mapping = auto_map(["年交易额（万元）", "手机(m)"], [[12.5, "13812345678"]])
    assert mapping[0].field == "annual_revenue" and mapping[0].scale == Decimal(10000)
    assert mapping[1].field == "contact_phone" and mapping[1].scale == Decimal(1)


def test_user_can_repoint_a_column() -> None:
    [m] = auto_map(["预算（万元）"], [[12]])
    assert m.field is None and m.scale == Decimal(10000)
    m = with_field(m, "annual_revenue")
    assert (m.field, m.scale, m.confidence) == ("annual_revenue", Decimal(10000), 1.0)
    m = with_field(m, "notes")
    assert (m.field, m.scale) == ("notes", Decimal(1))
    m = with_field(m, custom_target("budget"))
    assert m.scale == Decimal(10000) and custom_key_of(m.field) == "budget"
    assert field_type_for_custom("number") is FieldType.MONEY


# ---------------------------------------------------------------------------------------------
# Remembered mappings


def test_mapping_key_ignores_how_the_same_headers_are_written() -> None:
    a = mapping_key(["客户名称", "手机", "E-mail"])
    assert a == mapping_key([" 客户名称 ", "手机", "e-mail"])
    assert a == mapping_key(["*客户名称（必填）", "手机", "E-MAIL"])
    assert a != mapping_key(["手机", "客户名称", "E-mail"])
    assert a != mapping_key(["客户名称", "手机"])
    assert len(a) == 32 and a == mapping_key(("客户名称", "手机", "E-mail"))


def test_mapping_remembered_for_the_next_file(database: Database) -> None:
    headers = ["客户名称", "联系方式", "交易金额（万元）", "内部编码", "签约日期"]
    rows = [["甲公司", "随时", 12, "X-1", "2024-03-05"]]
    assert recall_mapping(database, headers) is None

    proposed = auto_map(headers, rows)
    assert fields_of(proposed) == ["name", None, "annual_revenue", None, None]
    # The user completes it: a phone, a custom field; the date column stays ignored.
    confirmed = [
        proposed[0],
        with_field(proposed[1], "contact_phone"),
        with_field(proposed[2], "annual_revenue"),
        with_field(proposed[3], custom_target("internal_code")),
        proposed[4],
    ]
    remember_mapping(database, headers, confirmed)

    # Next month's file: same headers, written a little differently.
    next_headers = ["客户名称 ", "联系方式", "交易金额(万元)", "内部编码", "签约日期"]
    recalled = recall_mapping(database, next_headers)
    assert recalled is not None
    assert fields_of(recalled) == [
        "name",
        "contact_phone",
        "annual_revenue",
        "custom:internal_code",
        None,
    ]
    assert recalled[2].scale == Decimal(10000)
    assert [m.header for m in recalled] == next_headers
    assert recalled[1].reason == "remembered from an earlier import"

    # Remembering again replaces the earlier choice.
    remember_mapping(database, headers, [with_field(m, None) for m in confirmed])
    again = recall_mapping(database, headers)
    assert again is not None and fields_of(again) == [None] * 5

    # Another layout is not confused with this one.
    assert recall_mapping(database, headers[:4]) is None


def test_recalled_mapping_drops_fields_that_no_longer_exist(database: Database) -> None:
    headers = ["A", "B"]
    remember_mapping(
        database,
        headers,
        [ColumnMapping(0, "A", "name"), ColumnMapping(1, "B", "fax_number")],
    )
    recalled = recall_mapping(database, headers)
    assert recalled is not None
    assert fields_of(recalled) == ["name", None]
    assert "fax_number" not in FIELD_BY_KEY
