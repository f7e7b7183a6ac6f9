"""The fields a spreadsheet column can be imported into, with the headers that name them.

Each field has a key (what a ColumnMapping points at), the record it belongs to (customer or
contact), a value type that decides how its cells are cleaned (see ``cleaning.clean_value``)
and the header synonyms, in Chinese and English, that offices actually write. Synonyms are
compared after ``normalize_header``, so case, full-width characters, spaces, punctuation and
bracketed notes such as "（万元）" or "(必填)" do not matter.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from crmdesk.services.text import fold


class FieldType(enum.StrEnum):
    TEXT = "text"  # one line; inner whitespace collapsed
    LONG_TEXT = "long_text"  # may span lines (notes, pain points)
    PHONE = "phone"
    EMAIL = "email"
    DATE = "date"  # a calendar day (birthday)
    DATETIME = "datetime"  # a moment (created, last contact); a bare date is midnight
    MONEY = "money"
    TAGS = "tags"
    ENUM = "enum"  # one of the values of ImportField.enum (tier, stage, channel, ...)
    BOOL = "bool"
    USER = "user"  # a user's display name or username, matched to a user by the engine


CUSTOMER = "customer"
CONTACT = "contact"

# A column sent to a custom field is mapped to "custom:<CustomFieldDef.key>".
CUSTOM_PREFIX = "custom:"


@dataclass(frozen=True)
class ImportField:
    key: str
    entity: str  # CUSTOMER or CONTACT
    type: FieldType
    label: str  # English label; the GUI translates it
    synonyms: tuple[str, ...]
    # For ENUM fields: "tier", "stage", "channel", "segment" or "kind" (see cleaning.ENUM_VALUES).
    enum: str | None = None
    max_length: int | None = None
    # False for names of people, companies and places: a column of bare numbers is not one.
    numbers_ok: bool = True

    @property
    def attr(self) -> str:
        """The attribute on the model (Customer or Contact) the value goes to."""
        return _ATTRS.get(self.key, self.key)


_ATTRS = {
    "owner": "owner_id",
    "tags": "tags",
    "contact_name": "name",
    "contact_title": "title",
    "contact_phone": "phone",
    "contact_email": "email",
    "contact_wechat": "wechat",
    "contact_birthday": "birthday",
    "contact_decision_maker": "is_decision_maker",
}

T = FieldType

# The order of synonyms matters only when two columns match one field equally well: the column
# whose header is the earlier synonym wins (客户名称 over 公司名称).
FIELDS: tuple[ImportField, ...] = (
    ImportField(
        "code",
        CUSTOMER,
        T.TEXT,
        "Code",
        (
            "客户编号",
            "客户编码",
            "客户代码",
            "编号",
            "编码",
            "客户id",
            "code",
            "customer code",
            "customer id",
            "customer no",
            "customer number",
            "account id",
            "account number",
            "id",
            "no",
        ),
        max_length=40,
    ),
    ImportField(
        "name",
        CUSTOMER,
        T.TEXT,
        "Name",
        (
            "客户名称",
            "公司名称",
            "单位名称",
            "企业名称",
            "客户名",
            "公司名",
            "公司全称",
            "客户全称",
            "单位",
            "名称",
            "客户",
            "公司",
            "企业",
            "company",
            "company name",
            "account",
            "account name",
            "customer",
            "customer name",
            "organization",
            "organisation",
            "business name",
            "name",
        ),
        max_length=200,
        numbers_ok=False,
    ),
    ImportField(
        "kind",
        CUSTOMER,
        T.ENUM,
        "Type",
        ("客户类型", "类型", "客户性质", "性质", "type", "customer type", "account type", "kind"),
        enum="kind",
    ),
    ImportField(
        "industry",
        CUSTOMER,
        T.TEXT,
        "Industry",
        ("行业", "所属行业", "行业类别", "行业分类", "industry", "sector", "vertical"),
        max_length=100,
        numbers_ok=False,
    ),
    ImportField(
        "region",
        CUSTOMER,
        T.TEXT,
        "Region",
        (
            "省份",
            "地区",
            "区域",
            "所在地区",
            "所在省份",
            "省",
            "省市",
            "region",
            "province",
            "state",
            "area",
            "territory",
        ),
        max_length=100,
        numbers_ok=False,
    ),
    ImportField(
        "city",
        CUSTOMER,
        T.TEXT,
        "City",
        ("城市", "所在城市", "市", "city", "town"),
        max_length=100,
        numbers_ok=False,
    ),
    ImportField(
        "address",
        CUSTOMER,
        T.TEXT,
        "Address",
        (
            "地址",
            "详细地址",
            "公司地址",
            "联系地址",
            "通讯地址",
            "办公地址",
            "address",
            "street",
            "street address",
            "billing address",
            "mailing address",
        ),
        max_length=300,
    ),
    ImportField(
        "website",
        CUSTOMER,
        T.TEXT,
        "Website",
        (
            "网址",
            "官网",
            "网站",
            "公司网址",
            "公司官网",
            "主页",
            "website",
            "url",
            "web",
            "homepage",
        ),
        max_length=300,
    ),
    ImportField(
        "channel",
        CUSTOMER,
        T.ENUM,
        "Channel",
        (
            "来源",
            "客户来源",
            "渠道",
            "来源渠道",
            "获客渠道",
            "接触渠道",
            "线索来源",
            "source",
            "channel",
            "lead source",
            "acquisition channel",
            "origin",
        ),
        enum="channel",
    ),
    ImportField(
        "usage_scenario",
        CUSTOMER,
        T.LONG_TEXT,
        "Usage scenario",
        ("使用场景", "应用场景", "场景", "usage scenario", "use case", "scenario"),
    ),
    ImportField(
        "pain_points",
        CUSTOMER,
        T.LONG_TEXT,
        "Pain points",
        ("需求痛点", "痛点", "客户需求", "需求", "pain points", "pain point", "needs"),
    ),
    ImportField(
        "segment",
        CUSTOMER,
        T.ENUM,
        "Segment",
        ("客户分类", "分类", "客户细分", "版本", "segment", "customer segment", "plan"),
        enum="segment",
    ),
    ImportField(
        "tier",
        CUSTOMER,
        T.ENUM,
        "Tier",
        (
            "等级",
            "客户等级",
            "级别",
            "客户级别",
            "客户分级",
            "分级",
            "分层",
            "客户分层",
            "tier",
            "level",
            "grade",
            "customer tier",
            "rating",
            "priority",
        ),
        enum="tier",
    ),
    ImportField(
        "stage",
        CUSTOMER,
        T.ENUM,
        "Stage",
        (
            "阶段",
            "客户阶段",
            "生命周期",
            "客户状态",
            "状态",
            "stage",
            "lifecycle stage",
            "lifecycle",
            "status",
            "customer status",
        ),
        enum="stage",
    ),
    ImportField(
        "owner",
        CUSTOMER,
        T.USER,
        "Owner",
        (
            "负责人",
            "销售",
            "跟进人",
            "客户经理",
            "销售负责人",
            "业务员",
            "归属人",
            "所属销售",
            "销售代表",
            "owner",
            "sales rep",
            "account owner",
            "account manager",
            "salesperson",
            "assigned to",
            "rep",
        ),
        max_length=100,
        numbers_ok=False,
    ),
    ImportField(
        "annual_revenue",
        CUSTOMER,
        T.MONEY,
        "Annual revenue",
        (
            "年交易额",
            "年销售额",
            "年营业额",
            "年采购额",
            "年消费额",
            "交易额",
            "年收入",
            "营业额",
            "销售额",
            "annual revenue",
            "revenue",
            "annual sales",
            "yearly revenue",
            "turnover",
            "sales volume",
        ),
    ),
    ImportField(
        "tags",
        CUSTOMER,
        T.TAGS,
        "Tags",
        ("标签", "客户标签", "tags", "tag", "labels", "label"),
    ),
    ImportField(
        "notes",
        CUSTOMER,
        T.LONG_TEXT,
        "Notes",
        (
            "备注",
            "说明",
            "备注信息",
            "描述",
            "notes",
            "note",
            "remarks",
            "remark",
            "comments",
            "comment",
            "description",
            "memo",
        ),
    ),
    ImportField(
        "created_at",
        CUSTOMER,
        T.DATETIME,
        "Created",
        (
            "创建时间",
            "录入时间",
            "创建日期",
            "录入日期",
            "登记日期",
            "登记时间",
            "建档日期",
            "添加时间",
            "created",
            "created at",
            "created on",
            "date created",
            "create date",
            "creation date",
        ),
    ),
    ImportField(
        "last_interaction_at",
        CUSTOMER,
        T.DATETIME,
        "Last interaction",
        (
            "最后跟进",
            "最近联系",
            "最后跟进时间",
            "最近跟进",
            "最近跟进时间",
            "最后联系时间",
            "最近联系时间",
            "上次联系",
            "last contact",
            "last contacted",
            "last interaction",
            "last activity",
            "last activity date",
            "last contact date",
        ),
    ),
    ImportField(
        "contact_name",
        CONTACT,
        T.TEXT,
        "Contact",
        (
            "联系人",
            "姓名",
            "联系人姓名",
            "联系人名称",
            "主要联系人",
            "对接人",
            "contact",
            "contact name",
            "contact person",
            "full name",
            "primary contact",
            "person",
        ),
        max_length=100,
        numbers_ok=False,
    ),
    ImportField(
        "contact_title",
        CONTACT,
        T.TEXT,
        "Title",
        ("职位", "职务", "岗位", "头衔", "title", "job title", "position", "role"),
        max_length=100,
        numbers_ok=False,
    ),
    ImportField(
        "contact_phone",
        CONTACT,
        T.PHONE,
        "Phone",
        (
            "手机",
            "手机号",
            "手机号码",
            "联系电话",
            "电话",
            "移动电话",
            "电话号码",
            "联系人电话",
            "联系人手机",
            "联系手机",
            "mobile",
            "phone",
            "tel",
            "telephone",
            "mobile phone",
            "cell",
            "cell phone",
            "phone number",
            "mobile number",
        ),
        max_length=40,
    ),
    ImportField(
        "contact_email",
        CONTACT,
        T.EMAIL,
        "Email",
        (
            "邮箱",
            "电子邮箱",
            "邮件",
            "电子邮件",
            "邮箱地址",
            "邮件地址",
            "联系人邮箱",
            "email",
            "e-mail",
            "email address",
            "e-mail address",
            "mail",
        ),
        max_length=254,
    ),
    ImportField(
        "contact_wechat",
        CONTACT,
        T.TEXT,
        "WeChat",
        ("微信", "微信号", "微信id", "联系人微信", "wechat", "wechat id", "weixin", "wx"),
        max_length=100,
    ),
    ImportField(
        "contact_birthday",
        CONTACT,
        T.DATE,
        "Birthday",
        (
            "生日",
            "出生日期",
            "联系人生日",
            "出生年月日",
            "birthday",
            "date of birth",
            "dob",
            "birth date",
        ),
    ),
    ImportField(
        "contact_decision_maker",
        CONTACT,
        T.BOOL,
        "Decision maker",
        (
            "决策人",
            "是否决策人",
            "关键决策人",
            "是否关键决策人",
            "决策者",
            "decision maker",
            "is decision maker",
            "key decision maker",
        ),
    ),
)

del T

FIELD_BY_KEY: dict[str, ImportField] = {f.key: f for f in FIELDS}


def get_field(key: str) -> ImportField:
    """The field with this key (KeyError for an unknown key or a custom-field target)."""
    return FIELD_BY_KEY[key]


def custom_target(custom_key: str) -> str:
    """The ColumnMapping.field that sends a column to the custom field ``custom_key``."""
    return CUSTOM_PREFIX + custom_key


def custom_key_of(target: str | None) -> str | None:
    """The custom field key of a mapping target, or None when it is not a custom field."""
    if target and target.startswith(CUSTOM_PREFIX):
        return target[len(CUSTOM_PREFIX) :]
    return None


def field_type_for_custom(custom_type: str) -> FieldType:
    """How to clean a column sent to a custom field of this CustomFieldType value."""
    return {
        "number": FieldType.MONEY,  # plain numbers, 1,234.5 and 12万 all read as numbers
        "date": FieldType.DATE,
        "bool": FieldType.BOOL,
    }.get(custom_type, FieldType.TEXT)


_BRACKETED = re.compile(r"[(\[【<《{][^)\]】>》}]*[)\]】>》}]")
# A unit written after the name without brackets: "年交易额/万元", "年交易额 万元", "年交易额万元".
_TRAILING_UNIT = re.compile(
    r"(?:(?:[/\s_\-]+|单位[:]?)(?:万元|千元|亿元|百万元|元|万|千|亿|rmb|cny|usd|k|m|mn|bn)"
    r"|万元|千元|亿元|百万元"
    r"|\s+in\s+(?:thousands|millions|billions))$"
)
_PUNCT = re.compile(r"[\W_]+")
_MARKERS = re.compile(r"^[*#\s]+|[*:\s]+$")


def normalize_header(header: object) -> str:
    """A header reduced to what names it: folded, without bracketed notes, units, required
    markers, spaces or punctuation. "*客户名称（必填）" → "客户名称", "E-mail Address" →
    "emailaddress", "年交易额（万元）" → "年交易额"."""
    if header is None:
        return ""
    text = fold(str(header))
    text = _BRACKETED.sub(" ", text)
    text = _MARKERS.sub("", text)
    text = _TRAILING_UNIT.sub("", text.strip())
    return _PUNCT.sub("", text)


# Normalised synonym → (field key, rank in its field's list).
SYNONYM_INDEX: dict[str, tuple[str, int]] = {}
for _f in FIELDS:
    for _rank, _syn in enumerate(_f.synonyms):
        SYNONYM_INDEX.setdefault(normalize_header(_syn), (_f.key, _rank))
del _f, _rank, _syn
