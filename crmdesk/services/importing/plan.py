"""Deciding what an import will do, row by row, before anything is written.

``make_plan`` reads the chosen sheet, maps and cleans every row, merges the rows of the file
that describe one customer, matches the rest against the database in bulk (by code, then
email, then phone, then company name; never one query per row) and reads the related sheets
(contacts, follow-ups, orders) of the workbook. The preview shows the plan; ``run_import``
makes it again inside its write transaction and carries it out, so what it writes always
agrees with the database it writes to.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, select

from crmdesk.errors import ImportRefused
from crmdesk.models import Contact, Customer, CustomFieldDef, Setting, User
from crmdesk.services.identity import SETTING_KEY as IDENTITY_KEY
from crmdesk.services.importing.cleaning import REASONS, CleanError, clean_value
from crmdesk.services.importing.fields import (
    CONTACT,
    FIELD_BY_KEY,
    FieldType,
    custom_key_of,
    field_type_for_custom,
    normalize_header,
)
from crmdesk.services.importing.mapping import ColumnMapping, auto_map
from crmdesk.services.importing.readers import Cell, Workbook, read_workbook
from crmdesk.services.importing.sheets import (
    classify_sheet,
    data_rows,
    find_header,
    header_texts,
    propose_sheet,
)
from crmdesk.services.text import company_key, fold, is_cjk

# Keys per IN list: well under SQLite's and PostgreSQL's limits on bound parameters.
CHUNK = 2000
ACTIONS = ("create", "update", "skip", "reject", "merge")
ON_DUPLICATE = ("skip", "fill", "overwrite", "create")

# Reasons the engine gives (cleaning.REASONS has those of single cells). Stable codes; the
# GUI translates by code.
ROW_REASONS: dict[str, str] = {
    "no_name": "The row has no customer name.",
    "duplicate_in_file": "Same customer as an earlier row of the file; merged into it.",
    "matched_id": "The customer this row was exported from.",
    "matched_code": "A customer with this code exists.",
    "matched_email": "A customer with this email address exists.",
    "matched_phone": "A customer with this phone number exists.",
    "matched_name": "A customer with this company name exists.",
    "no_changes": "Already up to date; nothing to change.",
    "changed_since_export": "This customer was changed in crmdesk after the file was exported; "
    "export it again and redo the change.",
    "unknown_customer": "No customer of this import or of the database has this name or code.",
    "no_customer": "The row names no customer.",
    "no_date": "The row has no date.",
    "no_content": "The row has no content.",
    "no_amount": "The row has no amount.",
    "duplicate_order": "An order with this number already exists.",
    "already_imported": "Already in the database.",
}
ALL_REASONS: dict[str, str] = {**REASONS, **ROW_REASONS}


class ProgressToken(Protocol):
    """What a long import reports to and is cancelled through (the Qt CancelToken fits)."""

    def check(self) -> None: ...  # raises when the user cancelled

    def progress(self, done: int, total: int, text: str = "") -> None: ...


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None  # None: propose_sheet()
    mapping: tuple[ColumnMapping, ...] | None = None  # None: recall_mapping() or auto_map()
    on_duplicate: str = "fill"  # "skip" | "fill" | "overwrite" | "create"
    dayfirst: bool | None = None  # None: decided from the file and the locale
    related_sheets: bool = True  # also import contacts / follow-ups / orders sheets


DEFAULT_OPTIONS = ImportOptions()


@dataclass(frozen=True)
class RowPlan:
    sheet: str
    source_row: int  # 1-based, as Excel shows it
    action: str  # create | update | skip | reject | merge
    reason_code: str | None
    reason: str | None
    match_id: int | None
    match_by: str | None  # "id" | "code" | "email" | "phone" | "name"
    original: tuple[object, ...]
    cleaned: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    file_name: str
    format: str
    sheet: str
    sheet_names: tuple[str, ...]
    header_row: int  # 1-based
    headers: tuple[str, ...]
    mapping: tuple[ColumnMapping, ...]
    dayfirst: bool
    rows: tuple[RowPlan, ...]
    counts: dict[str, int]
    related: dict[str, int]


# ---------------------------------------------------------------------------------------------
# Working records (mutable, internal)


@dataclass
class ContactData:
    name: str | None = None
    title: str | None = None
    phone: str | None = None
    phone_key: str | None = None
    email: str | None = None
    wechat: str | None = None
    birthday: dt.date | None = None
    is_decision_maker: bool | None = None
    notes: str | None = None

    def empty(self) -> bool:
        return not any((self.name, self.title, self.phone, self.email, self.wechat, self.birthday))

    def same_person(self, other: ContactData) -> bool:
        if self.phone_key and self.phone_key == other.phone_key:
            return True
        if self.email and self.email == other.email:
            return True
        return bool(
            self.name and self.name == other.name and not (self.phone_key and other.phone_key)
        )

    def fill_from(self, other: ContactData) -> None:
        for key in CONTACT_COLUMNS:
            if getattr(self, key) in (None, "") and getattr(other, key) not in (None, ""):
                setattr(self, key, getattr(other, key))


CONTACT_COLUMNS = (
    "name", "title", "phone", "phone_key", "email", "wechat", "birthday", "is_decision_maker",
    "notes",
)  # fmt: skip


@dataclass
class CustomerData:
    """One customer the file describes (its first row, plus the rows merged into it)."""

    plan_index: int
    sheet: str
    source_row: int
    values: dict[str, Any] = field(default_factory=dict)  # customer column -> clean value
    cleared: set[str] = field(default_factory=set)  # mapped columns left blank (export rows)
    owner_text: str | None = None
    tags: list[str] = field(default_factory=list)
    contacts: list[ContactData] = field(default_factory=list)
    custom: dict[int, Any] = field(default_factory=dict)
    export_id: int | None = None
    export_version: int | None = None
    # The row's exported id whether or not it is trusted (see _record_from).
    exported_as: int | None = None
    match_id: int | None = None
    match_by: str | None = None
    action: str = "create"
    reason_code: str | None = None
    # Set when the plan is carried out.
    customer_id: int | None = None
    _keys: list[tuple[str, str]] | None = None
    _name_key: tuple[str, str] | None = None

    @property
    def name(self) -> str:
        return str(self.values.get("name") or "")

    @property
    def name_key(self) -> str:
        name = self.name
        if self._name_key is None or self._name_key[0] != name:
            self._name_key = (name, company_key(name))
        return self._name_key[1]

    def keys(self) -> list[tuple[str, str]]:
        """What identifies the customer: (kind, normalised key), strongest first."""
        if self._keys is None:
            self._keys = self._make_keys()
        return self._keys

    def _make_keys(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if self.export_id is not None:
            out.append(("id", str(self.export_id)))
        code = self.values.get("code")
        if code:
            out.append(("code", code_key(code)))
        for k in self.contacts:
            if k.email:
                out.append(("email", k.email))
        for k in self.contacts:
            if k.phone_key and len(k.phone_key) >= 7:
                out.append(("phone", k.phone_key))
        if self.values.get("kind", "company") != "person":
            nk = self.name_key
            if len(nk) >= 2:
                out.append(("name", nk))
        return out

    def merge(self, other: CustomerData) -> None:
        self._keys = None
        for key, value in other.values.items():
            if self.values.get(key) in (None, ""):
                self.values[key] = value
        if not self.owner_text:
            self.owner_text = other.owner_text
        seen = {fold(t) for t in self.tags}
        for tag in other.tags:
            if fold(tag) not in seen:
                seen.add(fold(tag))
                self.tags.append(tag)
        for contact in other.contacts:
            add_contact(self.contacts, contact)
        for fid, value in other.custom.items():
            self.custom.setdefault(fid, value)


def add_contact(contacts: list[ContactData], new: ContactData) -> None:
    for existing in contacts:
        if existing.same_person(new):
            existing.fill_from(new)
            return
    contacts.append(new)


@dataclass
class RelatedRow:
    kind: str  # contacts | followups | orders
    sheet: str
    source_row: int
    original: tuple[object, ...]
    customer_code: str | None
    customer_name: str | None
    data: dict[str, Any]
    contact: ContactData | None = None
    customer_id: int | None = None
    record: CustomerData | None = None
    reason_code: str | None = None


@dataclass
class Plan:
    preview: ImportPreview
    workbook: Workbook
    records: list[CustomerData]
    related_rows: list[RelatedRow]
    plans: list[RowPlan]
    existing: dict[int, dict[str, Any]]  # matched customer id -> its columns
    existing_contacts: dict[int, list[dict[str, Any]]]
    existing_tags: dict[int, set[str]]  # matched customer id -> folded tag names
    users: dict[str, int]  # folded display name / username -> user id
    custom_defs: dict[int, tuple[str, str]]  # field id -> (key, type)


# ---------------------------------------------------------------------------------------------
# Reading


def load_workbook_for_import(path: Path) -> Workbook:
    """Every sheet of the file; ImportRefused (one sentence) for a file that cannot be read."""
    return read_workbook(Path(path))


def _locale_dayfirst() -> bool:
    for var in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            low = value.lower()
            if low.startswith(("en_us", "en_ca", "en_ph", "zh", "ja", "ko", "hu", "lt")):
                return False
            if low.startswith("en") and not low.startswith(("en_gb", "en_au", "en_nz", "en_ie",
                                                             "en_in", "en_za", "en_sg")):  # fmt: skip
                return False
            return True
    return False


def decide_dayfirst(headers: Sequence[str]) -> bool:
    """Chinese headers: year-month-day or month/day, never day first; else the locale's way
    (en_US month first; en_GB, German, French… day first)."""
    if any(is_cjk(ch) for h in headers for ch in h):
        return False
    return _locale_dayfirst()


def _cell(row: Sequence[Cell], column: int) -> Cell:
    return row[column] if 0 <= column < len(row) else None


def code_key(code: str) -> str:
    return re.sub(r"\s+", "", fold(str(code))).upper()


def to_utc(value: dt.datetime) -> dt.datetime:
    """A sheet's wall-clock time (this computer's zone) as UTC."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(dt.UTC)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _int_cell(value: Cell) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


def dumps(data: dict[str, Any]) -> str:
    return json.dumps({k: _json_value(v) for k, v in data.items()}, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Cleaning the main sheet

# Customer fields that are columns of the customer table as they are.
CUSTOMER_COLUMNS = (
    "code", "kind", "name", "industry", "region", "city", "address", "website", "channel",
    "usage_scenario", "pain_points", "segment", "tier", "stage", "owner_id", "annual_revenue",
    "notes", "last_interaction_at", "created_at",
)  # fmt: skip
_NOT_NULL = {"code", "kind", "name", "stage", "created_at"}


@dataclass(frozen=True)
class _Column:
    column: int
    header: str
    target: str
    type: FieldType
    enum: str | None
    max_length: int | None
    scale: Decimal
    cached: bool  # values may repeat (tiers, cities, tags): clean each distinct one once
    # Where the clean value goes in a CustomerData: "value" (values[target]), "contact"
    # (contact attribute ``attr``), "phone", "tags", "owner" or "custom" (custom[fid]).
    role: str = "value"
    attr: str = ""
    fid: int = 0


# Values of these fields are mostly unique: remembering them would only cost memory.
_UNIQUE_FIELDS = {"name", "code", "contact_wechat", "address", "website"}
_MISS = object()


def _columns(
    mapping: Sequence[ColumnMapping], custom_defs: dict[str, tuple[int, str]]
) -> list[_Column]:
    out = []
    for m in mapping:
        if not m.field:
            continue
        custom = custom_key_of(m.field)
        role, attr, fid = "value", "", 0
        if custom is not None:
            if custom not in custom_defs:
                continue
            ftype, enum, max_length = field_type_for_custom(custom_defs[custom][1]), None, None
            role, fid = "custom", custom_defs[custom][0]
        else:
            f = FIELD_BY_KEY[m.field]
            ftype, enum, max_length = f.type, f.enum, f.max_length
            if f.entity == CONTACT:
                role, attr = ("phone" if f.type is FieldType.PHONE else "contact"), f.attr
            elif m.field in ("tags", "owner"):
                role = m.field
        cached = m.field not in _UNIQUE_FIELDS and ftype not in (
            FieldType.PHONE,
            FieldType.EMAIL,
            FieldType.LONG_TEXT,
        )
        out.append(
            _Column(m.column, m.header, m.field, ftype, enum, max_length, m.scale, cached, role,
                    attr, fid)
        )  # fmt: skip
    return out


class _CellCache:
    """The clean value of each distinct cell of a column, for columns whose values repeat."""

    def __init__(self, columns: Sequence[_Column]) -> None:
        self.memo: list[dict[Any, Any] | None] = [{} if c.cached else None for c in columns]


def _clean_row(
    row: Sequence[Cell],
    columns: Sequence[_Column],
    dayfirst: bool,
    cache: _CellCache | None = None,
) -> tuple[list[tuple[str, object]], tuple[str, str] | None]:
    """(cleaned pairs in column order, (code, reason) of the first bad cell or None)."""
    cleaned: list[tuple[str, object]] = []
    append = cleaned.append
    width = len(row)
    for i, c in enumerate(columns):
        raw = row[c.column] if c.column < width else None
        if raw is None:
            append((c.target, None))
            continue
        memo = cache.memo[i] if cache is not None else None
        key: Any = None
        if memo is not None:
            assert cache is not None
            # The type is part of the key: 1, 1.0 and True are equal but clean differently.
            key = raw if type(raw) is str else (type(raw), raw)
            value = memo.get(key, _MISS)
            if value is not _MISS:
                if isinstance(value, CleanError):
                    return cleaned, (value.code, f"{c.header}: {value.reason}")
                append((c.target, value))
                continue
        try:
            value = clean_value(
                c.type, raw, dayfirst=dayfirst, scale=c.scale, enum=c.enum,
                max_length=c.max_length,
            )  # fmt: skip
        except CleanError as exc:
            if memo is not None:
                memo[key] = exc
            return cleaned, (exc.code, f"{c.header}: {exc.reason}")
        if memo is not None and len(memo) < 50_000:
            memo[key] = value
        append((c.target, value))
    return cleaned, None


def _separate(a: CustomerData, b: CustomerData) -> bool:
    """Rows exported as two different records (namesakes the office keeps apart)."""
    return (
        a.exported_as is not None and b.exported_as is not None and a.exported_as != b.exported_as
    )


def _record_from(
    index: int,
    sheet: str,
    source_row: int,
    cleaned: Sequence[tuple[str, object]],
    columns: Sequence[_Column],
    export_id: int | None,
    export_version: int | None,
    trusted: bool = False,
) -> CustomerData:
    """The customer a cleaned row describes (``cleaned`` pairs in the order of ``columns``).

    ``export_id`` is the row's exported id; it identifies the record for the database only when
    ``trusted`` (the file came from this database), but rows with different exported ids are
    different records wherever the file came from: they are never merged as duplicates."""
    rec = CustomerData(
        index,
        sheet,
        source_row,
        export_id=export_id if trusted else None,
        export_version=export_version if trusted else None,
        exported_as=export_id,
    )
    contact = ContactData()
    values = rec.values
    for c, (target, value) in zip(columns, cleaned, strict=True):
        role = c.role
        if role == "value":
            if value is None:
                rec.cleared.add(target)
            elif isinstance(value, dt.datetime):
                values[target] = to_utc(value)
            elif hasattr(value, "value") and isinstance(value.value, str):
                values[target] = value.value
            else:
                values[target] = value
        elif role == "phone":
            if value is not None:
                contact.phone = value.display  # type: ignore[attr-defined]
                contact.phone_key = value.key  # type: ignore[attr-defined]
                extras = value.extras  # type: ignore[attr-defined]
                if extras:
                    contact.notes = ", ".join(extras)
        elif role == "contact":
            if value is not None:
                setattr(contact, c.attr, value)
        elif role == "custom":
            if value is not None:
                rec.custom[c.fid] = value
        elif role == "tags":
            # split_tags already dropped the cell's own duplicates.
            rec.tags.extend(value or ())  # type: ignore[call-overload]
        elif role == "owner":
            rec.owner_text = value  # type: ignore[assignment]
            if value is None:
                rec.cleared.add("owner_id")
    if not contact.empty():
        if not contact.name:
            contact.name = rec.name if values.get("kind") == "person" else ""
        rec.contacts.append(contact)
    return rec


# ---------------------------------------------------------------------------------------------
# Related sheets

_REF_NAME = {normalize_header(s) for s in FIELD_BY_KEY["name"].synonyms}
_REF_CODE = {normalize_header(s) for s in FIELD_BY_KEY["code"].synonyms}
_RELATED_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "followups": {
        "date": ("跟进日期", "跟进时间", "拜访日期", "拜访时间", "沟通时间", "日期", "时间",
                 "date", "time", "when", "follow-up date", "activity date"),
        "kind": ("跟进方式", "沟通方式", "联系方式", "方式", "类型", "kind", "type", "method",
                 "channel"),
        "author": ("跟进人", "记录人", "拜访人", "负责人", "销售", "业务员", "作者", "author",
                   "by", "user", "owner", "sales rep", "recorded by"),
        "content": ("跟进内容", "沟通内容", "拜访内容", "内容", "记录", "跟进记录", "详情",
                    "备注", "content", "notes", "note", "summary", "details", "description"),
    },
    "orders": {
        "date": ("下单日期", "订单日期", "签约日期", "成交日期", "日期", "date", "order date",
                 "ordered on"),
        "amount": ("订单金额", "合同金额", "成交金额", "金额", "总额", "总金额", "amount",
                   "total", "value", "order amount"),
        "number": ("订单号", "订单编号", "合同编号", "合同号", "单号", "number", "order no",
                   "order number", "order id", "contract no"),
        "notes": ("备注", "产品", "说明", "notes", "note", "product", "description"),
    },
}  # fmt: skip
_INTERACTION_KINDS = (
    ("visit", ("拜访", "上门", "面谈", "走访", "visit")),
    ("meeting", ("会议", "开会", "meeting", "会面")),
    ("email", ("邮件", "email", "e-mail", "mail")),
    ("wechat", ("微信", "wechat", "weixin")),
    ("call", ("电话", "致电", "来电", "通话", "call", "phone")),
)


def interaction_kind(text: str | None) -> str:
    low = fold(text or "")
    for kind, words in _INTERACTION_KINDS:
        if any(w in low for w in words):
            return kind
    return "note"


def _match_headers(headers: Sequence[str], fields: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Column of each field: a header equal to a synonym first, then one containing it."""
    norm = [normalize_header(h) for h in headers]
    taken: set[int] = set()
    found: dict[str, int] = {}
    for exact in (True, False):
        for key, synonyms in fields.items():
            if key in found:
                continue
            for syn in (normalize_header(s) for s in synonyms):
                hit = next(
                    (
                        i
                        for i, h in enumerate(norm)
                        if i not in taken
                        and h
                        and (h == syn if exact else len(syn) >= 2 and syn in h)
                    ),
                    None,
                )
                if hit is not None:
                    found[key] = hit
                    taken.add(hit)
                    break
    return found


def _ref_columns(headers: Sequence[str]) -> tuple[int | None, int | None]:
    norm = [normalize_header(h) for h in headers]
    code = next((i for i, h in enumerate(norm) if h in _REF_CODE), None)
    name = next((i for i, h in enumerate(norm) if h in _REF_NAME), None)
    if name is None:
        name = next(
            (i for i, h in enumerate(norm) if any(s in h for s in ("客户", "公司", "customer", "company", "account"))),
            None,
        )  # fmt: skip
    return code, name


def _related_rows(workbook: Workbook, main: str, dayfirst: bool) -> list[RelatedRow]:
    out: list[RelatedRow] = []
    for sheet in workbook.sheets:
        if sheet.name == main or not sheet.rows:
            continue
        kind = classify_sheet(sheet)
        if kind not in ("contacts", "followups", "orders"):
            continue
        header_index = find_header(sheet.rows)
        headers = header_texts(sheet, header_index)
        code_col, name_col = _ref_columns(headers)
        contact_columns: list[_Column] = []
        if kind == "contacts":
            mapping = [
                m
                for m in auto_map(headers, [r for _, r in data_rows(sheet, header_index)[:50]])
                if m.field and FIELD_BY_KEY.get(m.field) and FIELD_BY_KEY[m.field].entity == CONTACT
            ]
            columns: dict[str, int] = {}
            contact_columns = _columns(mapping, {})
        else:
            mapping = []
            columns = _match_headers(
                [h if i not in (code_col, name_col) else "" for i, h in enumerate(headers)],
                _RELATED_FIELDS[kind],
            )
        for number, row in data_rows(sheet, header_index):
            item = RelatedRow(
                kind,
                sheet.name,
                number,
                tuple(row),
                None,
                None,
                {},
            )
            try:
                if code_col is not None:
                    item.customer_code = clean_value(FieldType.TEXT, _cell(row, code_col))  # type: ignore[assignment]
                if name_col is not None:
                    item.customer_name = clean_value(FieldType.TEXT, _cell(row, name_col))  # type: ignore[assignment]
                if not item.customer_code and not item.customer_name:
                    item.reason_code = "no_customer"
                elif kind == "contacts":
                    cleaned, bad = _clean_row(row, contact_columns, dayfirst)
                    if bad:
                        raise CleanError(bad[0])
                    rec = _record_from(0, sheet.name, number, cleaned, contact_columns, None, None)
                    if not rec.contacts or not rec.contacts[0].name and not rec.contacts[0].phone:
                        item.reason_code = "no_name"
                    else:
                        item.contact = rec.contacts[0]
                elif kind == "followups":
                    when = clean_value(
                        FieldType.DATETIME, _cell(row, columns.get("date", -1)), dayfirst=dayfirst
                    )
                    content = clean_value(
                        FieldType.LONG_TEXT, _cell(row, columns.get("content", -1))
                    )
                    if when is None:
                        item.reason_code = "no_date"
                    elif not content:
                        item.reason_code = "no_content"
                    item.data = {
                        "occurred_at": to_utc(when) if when else None,  # type: ignore[arg-type]
                        "kind": interaction_kind(str(_cell(row, columns.get("kind", -1)) or "")),
                        "author": clean_value(FieldType.TEXT, _cell(row, columns.get("author", -1)), max_length=100),
                        "content": content,
                    }  # fmt: skip
                else:
                    when = clean_value(
                        FieldType.DATE, _cell(row, columns.get("date", -1)), dayfirst=dayfirst
                    )
                    amount = clean_value(FieldType.MONEY, _cell(row, columns.get("amount", -1)))
                    number_text = clean_value(
                        FieldType.TEXT, _cell(row, columns.get("number", -1)), max_length=40
                    )
                    if when is None:
                        item.reason_code = "no_date"
                    elif amount is None:
                        item.reason_code = "no_amount"
                    item.data = {
                        "ordered_on": when, "amount": amount, "number": number_text,
                        "notes": clean_value(FieldType.LONG_TEXT, _cell(row, columns.get("notes", -1))),
                    }  # fmt: skip
            except CleanError as exc:
                item.reason_code = exc.code
            out.append(item)
    return out


# ---------------------------------------------------------------------------------------------
# Matching against the database


def _load_users(conn: Connection) -> dict[str, int]:
    users: dict[str, int] = {}
    u = User.__table__.c
    rows = conn.execute(select(u.id, u.username, u.display_name).order_by(u.active.desc(), u.id))
    for uid, username, display in rows:
        users.setdefault(fold(display or ""), uid)
        users.setdefault(fold(username or ""), uid)
    users.pop("", None)
    return users


def _custom_defs(conn: Connection) -> dict[str, tuple[int, str]]:
    d = CustomFieldDef.__table__.c
    return {
        key: (fid, str(getattr(ftype, "value", ftype)))
        for fid, key, ftype in conn.execute(
            select(d.id, d.key, d.type).where(d.entity == "customer", d.active.is_(True))
        )
    }


def _find_in_db(conn: Connection, records: list[CustomerData]) -> None:
    """Sets match_id/match_by of each record from bulk look-ups: exported id, code, email,
    phone, company name (persons by phone and email only)."""
    c = Customer.__table__.c
    k = Contact.__table__.c
    wanted: dict[str, set[str]] = {
        "id": set(),
        "code": set(),
        "email": set(),
        "phone": set(),
        "name": set(),
    }
    for rec in records:
        for kind, key in rec.keys():
            wanted[kind].add(key)
        if rec.values.get("code"):
            wanted["code"].add(str(rec.values["code"]))
    found: dict[str, dict[str, int]] = {kind: {} for kind in wanted}
    versions: dict[int, int] = {}
    ids = sorted(int(i) for i in wanted["id"])
    for chunk in _chunks(ids):
        for cid, version in conn.execute(
            select(c.id, c.version).where(c.id.in_(chunk), c.deleted_at.is_(None))
        ):
            found["id"][str(cid)] = cid
            versions[cid] = version
    codes = sorted(wanted["code"])
    for chunk in _chunks(codes):
        for cid, code in conn.execute(
            select(c.id, c.code).where(c.code.in_(chunk), c.deleted_at.is_(None)).order_by(c.id)
        ):
            found["code"].setdefault(code_key(code), cid)
    live = (k.deleted_at.is_(None), c.deleted_at.is_(None))
    for kind, column in (("email", k.email), ("phone", k.phone_key)):
        keys = sorted(wanted[kind])
        for chunk in _chunks(keys):
            for cid, key in conn.execute(
                select(k.customer_id, column)
                .join(Customer.__table__, c.id == k.customer_id)
                .where(column.in_(chunk), *live)
                .order_by(k.customer_id)
            ):
                found[kind].setdefault(key, cid)
    names = sorted(wanted["name"])
    for chunk in _chunks(names):
        for cid, key in conn.execute(
            select(c.id, c.name_key)
            .where(c.name_key.in_(chunk), c.deleted_at.is_(None), c.kind != "person")
            .order_by(c.id)
        ):
            found["name"].setdefault(key, cid)
    for rec in records:
        for kind, key in rec.keys():
            cid = found[kind].get(key)
            if cid is not None:
                rec.match_id, rec.match_by = cid, kind
                if kind == "id" and rec.export_version is not None:
                    if versions.get(cid) != rec.export_version:
                        rec.action, rec.reason_code = "reject", "changed_since_export"
                break


def _load_existing(
    conn: Connection, ids: Sequence[int]
) -> tuple[dict[int, dict[str, Any]], dict[int, list[dict[str, Any]]], dict[int, set[str]]]:
    from crmdesk.models import Tag, customer_tag

    c = Customer.__table__.c
    k = Contact.__table__.c
    cols = [c.id, c.version, *(getattr(c, n) for n in CUSTOMER_COLUMNS)]
    existing: dict[int, dict[str, Any]] = {}
    contacts: dict[int, list[dict[str, Any]]] = {}
    tags: dict[int, set[str]] = {}
    for chunk in _chunks(sorted(ids)):
        for row in conn.execute(select(*cols).where(c.id.in_(chunk))):
            data = dict(row._mapping)
            for key, value in data.items():
                if hasattr(value, "value") and isinstance(value.value, str):
                    data[key] = value.value
            existing[row.id] = data
        for row in conn.execute(
            select(k.id, k.customer_id, k.version, *(getattr(k, n) for n in CONTACT_COLUMNS))
            .where(k.customer_id.in_(chunk), k.deleted_at.is_(None))
            .order_by(k.customer_id, k.is_primary.desc(), k.id)
        ):
            contacts.setdefault(row.customer_id, []).append(dict(row._mapping))
        t = Tag.__table__.c
        for cid, name in conn.execute(
            select(customer_tag.c.customer_id, t.name)
            .join(Tag.__table__, t.id == customer_tag.c.tag_id)
            .where(customer_tag.c.customer_id.in_(chunk))
        ):
            tags.setdefault(cid, set()).add(fold(name))
    return existing, contacts, tags


def customer_changes(
    rec: CustomerData, before: dict[str, Any], mode: str, owner_id: int | None
) -> dict[str, Any]:
    """The columns of an existing customer the record changes: ``fill`` sets empty ones,
    ``overwrite`` any that differ; a row of an exported file also clears the cells the user
    emptied."""
    wanted = dict(rec.values)
    wanted.pop("created_at", None)
    if rec.match_by != "id":
        # The code identifies the customer; only an edited export may change it.
        wanted.pop("code", None)
    if owner_id is not None:
        wanted["owner_id"] = owner_id
    changes: dict[str, Any] = {}
    for column, value in wanted.items():
        old = before.get(column)
        if mode == "fill" and old not in (None, ""):
            continue
        if old != value:
            changes[column] = value
    if rec.match_by == "id" and mode == "overwrite":
        for column in rec.cleared:
            if column in _NOT_NULL or column == "created_at":
                continue
            if before.get(column) is not None:
                changes[column] = None
    if "name" in changes:
        changes["name_key"] = company_key(changes["name"])
    return changes


def contact_changes(new: ContactData, old: dict[str, Any], mode: str) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for column in CONTACT_COLUMNS:
        value = getattr(new, column)
        if value in (None, ""):
            continue
        if mode == "fill" and old.get(column) not in (None, ""):
            continue
        if old.get(column) != value:
            changes[column] = value
    return changes


def find_contact(existing: list[dict[str, Any]], new: ContactData) -> dict[str, Any] | None:
    for old in existing:
        if new.phone_key and new.phone_key == old.get("phone_key"):
            return old
        if new.email and new.email == old.get("email"):
            return old
    for old in existing:
        if (
            new.name
            and new.name == old.get("name")
            and not (new.phone_key and old.get("phone_key"))
        ):
            return old
    return None


def effective_mode(rec: CustomerData, on_duplicate: str) -> str:
    """How a matched record is applied: an exported file's own rows are the edited records
    themselves, so they overwrite."""
    if rec.match_by == "id" and on_duplicate == "fill":
        return "overwrite"
    return on_duplicate


def _would_change(
    rec: CustomerData,
    before: dict[str, Any],
    contacts: list[dict[str, Any]],
    tags: set[str],
    mode: str,
    users: dict[str, int],
    custom_present: set[tuple[int, int]],
) -> bool:
    owner_id = users.get(fold(rec.owner_text)) if rec.owner_text else None
    if customer_changes(rec, before, mode, owner_id):
        return True
    if any(fold(t) not in tags for t in rec.tags):
        return True
    if mode == "overwrite" and rec.match_by == "id" and "tags" in rec.cleared and tags:
        return True
    for contact in rec.contacts:
        old = find_contact(contacts, contact)
        if old is None or contact_changes(contact, old, mode):
            return True
    cid = rec.match_id or 0
    return any((fid, cid) not in custom_present for fid in rec.custom)


def _custom_present(
    conn: Connection, ids: Sequence[int], fids: Sequence[int]
) -> set[tuple[int, int]]:
    from crmdesk.models import CustomFieldValue

    if not fids:
        return set()
    v = CustomFieldValue.__table__.c
    out: set[tuple[int, int]] = set()
    for chunk in _chunks(sorted(ids)):
        out.update(
            (fid, eid)
            for fid, eid in conn.execute(
                select(v.field_id, v.entity_id).where(v.entity_id.in_(chunk), v.field_id.in_(fids))
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# The plan


def make_plan(
    conn: Connection,
    path: Path,
    options: ImportOptions,
    token: ProgressToken | None,
    workbook: Workbook | None,
    recall: Callable[[Sequence[str]], list[ColumnMapping] | None] | None = None,
    keep_rows: bool = True,
) -> Plan:
    """The plan of an import. With ``keep_rows`` False (carrying it out) the preview's rows
    hold only the rejected ones: the counts are the same, the rows to write are ``records``."""
    if options.on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
    wb = workbook if workbook is not None else load_workbook_for_import(path)
    sheet_name = options.sheet or (wb.sheets[0].name if len(wb.sheets) == 1 else propose_sheet(wb))
    try:
        sheet = wb.sheet(sheet_name)
    except KeyError:
        raise ImportRefused(
            "{name} has no sheet called {sheet}.", name=Path(path).name, sheet=sheet_name
        ) from None
    header_index = find_header(sheet.rows)
    headers = header_texts(sheet, header_index)
    rows = data_rows(sheet, header_index)
    if not rows:
        raise ImportRefused("{name} has no rows to import.", name=Path(path).name)
    if options.mapping is not None:
        mapping = list(options.mapping)
    else:
        mapping = (recall(headers) if recall else None) or auto_map(
            headers, [r for _, r in rows[:50]]
        )
    dayfirst = options.dayfirst if options.dayfirst is not None else decide_dayfirst(headers)
    norm = [h.strip() for h in headers]
    id_col = norm.index("_id") if "_id" in norm else None
    version_col = norm.index("_version") if "_version" in norm else None
    # Exported ids are only trusted in the database the file was exported from: in another
    # office's database the same number is some unrelated customer.
    source_col = norm.index("_source") if "_source" in norm else None
    here = conn.execute(select(Setting.value).where(Setting.key == IDENTITY_KEY)).scalar()
    custom_defs = _custom_defs(conn)
    used = [
        m
        for m in mapping
        if m.field and (custom_key_of(m.field) is None or custom_key_of(m.field) in custom_defs)
    ]

    plans: list[RowPlan | None] = []
    cleaned_rows: list[tuple[tuple[str, object], ...]] = []
    records: list[CustomerData] = []
    by_key: dict[tuple[str, str], CustomerData] = {}
    merged_into: dict[int, CustomerData] = {}
    columns = _columns(used, custom_defs)
    cache = _CellCache(columns)
    total = len(rows)
    for n, (number, row) in enumerate(rows):
        if token is not None and n % 2000 == 0:
            token.progress(n, total, "Checking rows")
        cleaned, bad = _clean_row(row, columns, dayfirst, cache)
        pairs = tuple(cleaned)
        cleaned_rows.append(pairs if keep_rows else ())
        if bad is not None:
            plans.append(
                RowPlan(sheet.name, number, "reject", bad[0], bad[1], None, None, tuple(row), pairs)
            )
            continue
        rec = _record_from(
            n, sheet.name, number, cleaned, columns,
            _int_cell(_cell(row, id_col)) if id_col is not None else None,
            _int_cell(_cell(row, version_col)) if version_col is not None else None,
            trusted=source_col is not None and here is not None and _cell(row, source_col) == here,
        )  # fmt: skip
        if not rec.name:
            plans.append(
                RowPlan(
                    sheet.name,
                    number,
                    "reject",
                    "no_name",
                    ROW_REASONS["no_name"],
                    None,
                    None,
                    tuple(row),
                    pairs,
                )
            )
            continue
        keys = rec.keys()
        first = next(
            (by_key[k] for k in keys if k in by_key and not _separate(by_key[k], rec)), None
        )
        if first is not None:
            first.merge(rec)
            merged_into[n] = first
            for k in first.keys():
                by_key.setdefault(k, first)
            plans.append(None)
            continue
        for k in keys:
            by_key.setdefault(k, rec)
        records.append(rec)
        plans.append(None)
    if token is not None:
        token.progress(total, total, "Checking rows")

    _find_in_db(conn, records)
    # Two rows of the file that match one customer in the database are one customer too.
    by_match: dict[int, CustomerData] = {}
    kept: list[CustomerData] = []
    for rec in records:
        if rec.match_id is not None and rec.action != "reject" and options.on_duplicate != "create":
            first = by_match.get(rec.match_id)
            if first is not None:
                first.merge(rec)
                merged_into[rec.plan_index] = first
                continue
            by_match[rec.match_id] = rec
        kept.append(rec)
    records = kept

    matched = [r.match_id for r in records if r.match_id is not None and r.action != "reject"]
    existing, existing_contacts, existing_tags = (
        _load_existing(conn, matched) if matched else ({}, {}, {})
    )
    users = _load_users(conn)
    fids = sorted({fid for r in records for fid in r.custom})
    present = _custom_present(conn, matched, fids) if matched else set()
    for rec in records:
        if rec.action == "reject":
            continue
        if rec.match_id is None or options.on_duplicate == "create":
            rec.action, rec.reason_code = "create", None
            if options.on_duplicate == "create" and rec.match_id is not None:
                rec.reason_code = f"matched_{rec.match_by}"
            continue
        rec.reason_code = f"matched_{rec.match_by}"
        if options.on_duplicate == "skip":
            rec.action = "skip"
            continue
        mode = effective_mode(rec, options.on_duplicate)
        before = existing.get(rec.match_id, {})
        if _would_change(rec, before, existing_contacts.get(rec.match_id, []),
                         existing_tags.get(rec.match_id, set()), mode, users, present):  # fmt: skip
            rec.action = "update"
        else:
            rec.action, rec.reason_code = "skip", "no_changes"

    by_index = {r.plan_index: r for r in records}
    final: list[RowPlan] = []
    counts = dict.fromkeys(ACTIONS, 0)
    for n, ((number, row), plan) in enumerate(zip(rows, plans, strict=True)):
        if plan is not None:
            final.append(plan)
            counts[plan.action] += 1
            continue
        if not keep_rows and (n in merged_into or by_index[n].action != "reject"):
            counts["merge" if n in merged_into else by_index[n].action] += 1
            continue
        pairs = cleaned_rows[n]
        if n in merged_into:
            counts["merge"] += 1
            first = merged_into[n]
            while first.plan_index in merged_into:
                first = merged_into[first.plan_index]
            final.append(
                RowPlan(sheet.name, number, "merge", "duplicate_in_file",
                        f"Same customer as row {first.source_row}; merged into it.",
                        first.match_id, first.match_by, tuple(row), pairs)
            )  # fmt: skip
            continue
        rec = by_index[n]
        counts[rec.action] += 1
        reason = ALL_REASONS.get(rec.reason_code or "") if rec.reason_code else None
        final.append(
            RowPlan(sheet.name, number, rec.action, rec.reason_code, reason,
                    rec.match_id, rec.match_by, tuple(row), pairs)
        )  # fmt: skip

    related_rows = _related_rows(wb, sheet.name, dayfirst) if options.related_sheets else []
    _resolve_related(conn, related_rows, records, existing_ids=set(matched))
    related: dict[str, int] = {}
    for item in related_rows:
        if item.reason_code is None:
            related[item.kind] = related.get(item.kind, 0) + 1
        else:
            final.append(
                RowPlan(item.sheet, item.source_row, "reject", item.reason_code,
                        ALL_REASONS.get(item.reason_code, item.reason_code), None, None,
                        item.original, ())
            )  # fmt: skip
    preview = ImportPreview(
        path=Path(path),
        file_name=Path(path).name,
        format=wb.format,
        sheet=sheet.name,
        sheet_names=tuple(wb.sheet_names),
        header_row=header_index + 1,
        headers=tuple(headers),
        mapping=tuple(mapping),
        dayfirst=dayfirst,
        rows=tuple(final),
        counts=counts,
        related=related,
    )
    return Plan(
        preview, wb, records, related_rows, final, existing, existing_contacts, existing_tags,
        users, {fid: (key, ftype) for key, (fid, ftype) in custom_defs.items()},
    )  # fmt: skip


def _resolve_related(
    conn: Connection,
    items: list[RelatedRow],
    records: list[CustomerData],
    existing_ids: set[int],
) -> None:
    """Links each related row to a customer of this import or of the database."""
    if not items:
        return
    by_code: dict[str, CustomerData] = {}
    by_name: dict[str, CustomerData] = {}
    for rec in records:
        if rec.action == "reject":
            continue
        if rec.values.get("code"):
            by_code.setdefault(code_key(rec.values["code"]), rec)
        by_name.setdefault(fold(rec.name), rec)
        key = rec.name_key
        if len(key) >= 2:
            by_name.setdefault("key:" + key, rec)
    pending: list[RelatedRow] = []
    for item in items:
        if item.reason_code is not None:
            continue
        rec = None
        if item.customer_code:
            rec = by_code.get(code_key(item.customer_code))
        if rec is None and item.customer_name:
            rec = by_name.get(fold(item.customer_name)) or by_name.get(
                "key:" + company_key(item.customer_name)
            )
        if rec is not None:
            item.record = rec
        else:
            pending.append(item)
    if not pending:
        return
    c = Customer.__table__.c
    codes = sorted({str(i.customer_code) for i in pending if i.customer_code})
    keys = sorted({company_key(i.customer_name) for i in pending if i.customer_name} - {""})
    found_code: dict[str, int] = {}
    found_name: dict[str, int] = {}
    for chunk in _chunks(codes):
        for cid, code in conn.execute(
            select(c.id, c.code).where(c.code.in_(chunk), c.deleted_at.is_(None))
        ):
            found_code[code_key(code)] = cid
    for chunk in _chunks(keys):
        for cid, key in conn.execute(
            select(c.id, c.name_key)
            .where(c.name_key.in_(chunk), c.deleted_at.is_(None))
            .order_by(c.id)
        ):
            found_name.setdefault(key, cid)
    for item in pending:
        cid = None
        if item.customer_code:
            cid = found_code.get(code_key(item.customer_code))
        if cid is None and item.customer_name:
            cid = found_name.get(company_key(item.customer_name))
        if cid is None:
            item.reason_code = "unknown_customer"
        else:
            item.customer_id = cid
