"""The export's columns, formats and words: one dict per language (services cannot use Qt's
translations; tests/unit/test_exporting.py checks the labels agree with the app's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

# Every column of the customer export, in its order (custom fields follow as "custom:<key>").
# The keys of the customer list's columns (crmdesk/qt/customer_model.py) are the same keys.
COLUMN_KEYS: tuple[str, ...] = (
    "code",
    "name",
    "kind",
    "industry",
    "city",
    "address",
    "website",
    "channel",
    "segment",
    "tier",
    "stage",
    "owner",
    "tags",
    "annual_revenue",
    "contact",
    "title",
    "phone",
    "email",
    "wechat",
    "birthday",
    "usage_scenario",
    "pain_points",
    "notes",
    "created_at",
    "last_interaction_at",
)
# What an import can set: the export's columns without the timestamps crmdesk keeps itself.
TEMPLATE_KEYS: tuple[str, ...] = tuple(
    k for k in COLUMN_KEYS if k not in ("created_at", "last_interaction_at")
)
ID_HEADER = "_id"
VERSION_HEADER = "_version"
# The id of the database the rows come from (services/identity.py): only a file exported from
# this very database may update records by their _id.
SOURCE_HEADER = "_source"
CUSTOM_PREFIX = "custom:"

# Stored codes shown by their label (the app's own labels: crmdesk/qt/labels.py and its zh_CN
# translation; tests/unit/test_exporting.py checks they agree).
LABELLED = {
    "kind": "kind",
    "channel": "channel",
    "segment": "segment",
    "tier": "tier",
    "stage": "stage",
}
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
# Excel holds at most this many characters in a cell.
MAX_CELL_CHARS = 32767

# ---------------------------------------------------------------------------------------------
# Words, one dict per language (services cannot use Qt's translations)

EN: dict[str, Any] = {
    "sheet": "Customers",
    "example_sheet": "Example",
    "yes": "Yes",
    "no": "No",
    "headers": {
        "code": "Code",
        "name": "Name",
        "kind": "Type",
        "industry": "Industry",
        "city": "City",
        "address": "Address",
        "website": "Website",
        "channel": "Channel",
        "segment": "Segment",
        "tier": "Tier",
        "stage": "Stage",
        "owner": "Owner",
        "tags": "Tags",
        "annual_revenue": "Annual revenue",
        "contact": "Contact",
        "title": "Title",
        "phone": "Phone",
        "email": "Email",
        "wechat": "WeChat",
        "birthday": "Birthday",
        "usage_scenario": "Usage scenario",
        "pain_points": "Pain points",
        "notes": "Notes",
        "created_at": "Created",
        "last_interaction_at": "Last interaction",
    },
    "kind": {"company": "Company", "person": "Person"},
    "stage": {
        "prospect": "Prospect",
        "new": "New customer",
        "growing": "Growing",
        "at_risk": "Churn risk",
        "churned": "Churned",
    },
    "tier": {"A": "Tier A", "B": "Tier B", "C": "Tier C"},
    "segment": {"trial": "Trial", "paid": "Paid", "enterprise": "Enterprise"},
    "channel": {
        "website": "Website",
        "event": "Offline event",
        "wechat": "WeChat official account",
        "referral": "Referral",
        "platform": "Third-party platform",
        "cold_call": "Cold call",
        "other": "Other",
    },
    "comments": {
        "code": "The customer's code, e.g. C000123. Leave it empty for a new customer and "
        "crmdesk numbers it; an existing code updates that customer.",
        "name": "Required. The company's (or the person's) full name, "
        "e.g. Example Trading Co., Ltd.",
        "kind": "Company or Person.",
        "industry": "Free text, e.g. Manufacturing.",
        "city": "e.g. Shanghai.",
        "address": "The postal address.",
        "website": "e.g. www.example.com",
        "channel": "How the customer found you: {choices}.",
        "segment": "One of: {choices}.",
        "tier": "{choices} (A, B or C also work).",
        "stage": "One of: {choices}.",
        "owner": "The name of the crmdesk user who looks after this customer.",
        "tags": "Several tags in one cell, separated by commas: VIP, Manufacturing.",
        "annual_revenue": "A number in yuan: 1200000 or 1,200,000.00 (12万 works too).",
        "contact": "The main contact's name.",
        "title": "The contact's job title.",
        "phone": "Phone: mobile (11 digits) or landline with area code, "
        "e.g. 13812345678 or 010-12345678.",
        "email": "e.g. name@example.com",
        "wechat": "The contact's WeChat ID.",
        "birthday": "The contact's birthday as a date: 1985-06-01.",
        "usage_scenario": "How the customer uses your product (free text).",
        "pain_points": "What the customer needs solved (free text).",
        "notes": "Anything else (free text).",
    },
    "example": {
        "name": "Example Trading Co., Ltd.",
        "kind": "company",
        "industry": "Manufacturing",
        "city": "Shanghai",
        "address": "100 Example Road, Pudong",
        "website": "www.example.com",
        "channel": "referral",
        "segment": "paid",
        "tier": "B",
        "stage": "growing",
        "tags": "VIP, Key account",
        "annual_revenue": Decimal("450000"),
        "contact": "Li Ming",
        "title": "Purchasing manager",
        "phone": "13812345678",
        "email": "li.ming@example.com",
        "wechat": "liming_sh",
        "birthday": dt.date(1985, 6, 1),
        "usage_scenario": "Order management for three warehouses",
        "pain_points": "Stock is counted by hand",
        "notes": "Met at the 2024 trade fair",
    },
}

ZH_CN: dict[str, Any] = {
    "sheet": "客户",
    "example_sheet": "示例",
    "yes": "是",
    "no": "否",
    "headers": {
        "code": "客户编号",
        "name": "客户名称",
        "kind": "类型",
        "industry": "行业",
        "city": "城市",
        "address": "地址",
        "website": "官网",
        "channel": "来源渠道",
        "segment": "客户分类",
        "tier": "客户等级",
        "stage": "生命周期",
        "owner": "负责人",
        "tags": "标签",
        "annual_revenue": "年交易额",
        "contact": "联系人",
        "title": "职务",
        "phone": "电话",
        "email": "邮箱",
        "wechat": "微信",
        "birthday": "生日",
        "usage_scenario": "使用场景",
        "pain_points": "需求痛点",
        "notes": "备注",
        "created_at": "创建时间",
        "last_interaction_at": "最近跟进",
    },
    "kind": {"company": "企业", "person": "个人"},
    "stage": {
        "prospect": "潜在客户",
        "new": "新客户",
        "growing": "成长客户",
        "at_risk": "流失预警客户",
        "churned": "已流失",
    },
    "tier": {"A": "A类客户", "B": "B类客户", "C": "C类客户"},
    "segment": {"trial": "试用", "paid": "付费", "enterprise": "企业版"},
    "channel": {
        "website": "官网",
        "event": "线下活动",
        "wechat": "微信公众号",
        "referral": "转介绍",
        "platform": "第三方平台",
        "cold_call": "电话陌拜",
        "other": "其他",
    },
    "comments": {
        "code": "客户编号，如 C000123。新客户留空，系统自动编号；填写已有编号则更新该客户。",
        "name": "必填。公司（或个人）全称，如：上海示例贸易有限公司。",
        "kind": "企业 或 个人。",
        "industry": "自由填写，如：制造业。",
        "city": "如：上海。",
        "address": "通讯地址。",
        "website": "如：www.example.com",
        "channel": "客户从哪里来：{choices}。",
        "segment": "可选：{choices}。",
        "tier": "{choices}（也可填 A、B、C）。",
        "stage": "可选：{choices}。",
        "owner": "负责该客户的 crmdesk 用户姓名。",
        "tags": "一个单元格可填多个标签，用逗号或顿号分隔：重点客户、制造业。",
        "annual_revenue": "数字，单位元：1200000 或 1,200,000.00（也可写 120万）。",
        "contact": "主联系人姓名。",
        "title": "联系人职务。",
        "phone": "手机：11位手机号或带区号的座机，如 13812345678 或 010-12345678。",
        "email": "如：name@example.com",
        "wechat": "联系人微信号。",
        "birthday": "联系人生日，日期格式：1985-06-01。",
        "usage_scenario": "客户如何使用您的产品（自由填写）。",
        "pain_points": "客户需要解决的问题（自由填写）。",
        "notes": "其他说明（自由填写）。",
    },
    "example": {
        "name": "上海示例贸易有限公司",
        "kind": "company",
        "industry": "制造业",
        "city": "上海",
        "address": "浦东新区示例路100号",
        "website": "www.example.com",
        "channel": "referral",
        "segment": "paid",
        "tier": "B",
        "stage": "growing",
        "tags": "重点客户, 制造业",
        "annual_revenue": Decimal("450000"),
        "contact": "李明",
        "title": "采购经理",
        "phone": "13812345678",
        "email": "li.ming@example.com",
        "wechat": "liming_sh",
        "birthday": dt.date(1985, 6, 1),
        "usage_scenario": "三个仓库的订单管理",
        "pain_points": "库存靠手工盘点",
        "notes": "2024年展会上认识",
    },
}

TEXT: dict[str, dict[str, Any]] = {"en": EN, "zh_CN": ZH_CN}


def words(lang: str) -> dict[str, Any]:
    """The words of ``lang`` ('zh', 'zh-CN' and 'zh_Hans' are zh_CN; anything else English)."""
    return ZH_CN if lang.lower().replace("-", "_").startswith("zh") else EN


def headers(lang: str = "en", columns: Sequence[str] = COLUMN_KEYS) -> list[str]:
    """The headers of built-in ``columns`` in ``lang``."""
    return [words(lang)["headers"][k] for k in columns]
