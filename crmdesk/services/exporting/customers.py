"""The customer list as shown, streamed page by page into a write-only workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import desc, select

from crmdesk.models import (
    Contact,
    Customer,
    CustomFieldDef,
    CustomFieldValue,
    Tag,
    User,
    customer_tag,
)
from crmdesk.services.core import Database
from crmdesk.services.dto import CustomerQuery
from crmdesk.services.exporting.cells import (
    _column_width,
    _local,
    _RowWriter,
    _Styles,
    clean_text,
)
from crmdesk.services.exporting.files import (
    ExportResult,
    Progress,
    _check_target,
    _discard,
    _save_atomically,
)
from crmdesk.services.exporting.words import (
    COLUMN_KEYS,
    CUSTOM_PREFIX,
    ID_HEADER,
    LABELLED,
    SOURCE_HEADER,
    VERSION_HEADER,
    words,
)
from crmdesk.services.identity import database_identity

PAGE_SIZE = 5000


@dataclass(frozen=True)
class _Custom:
    id: int
    key: str
    label: str
    type: str


# Positions in the tuple _read_page makes for each customer.
_SOURCE = {
    key: i
    for i, key in enumerate(
        (
            "id",
            "version",
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
            "annual_revenue",
            "usage_scenario",
            "pain_points",
            "notes",
            "created_at",
            "last_interaction_at",
            "tags",
            "contact",
            "title",
            "phone",
            "email",
            "wechat",
            "birthday",
        )
    )
}
_BASE = len(_SOURCE)
_NO_CONTACT = (None,) * 6


def _custom_fields(db: Database) -> list[_Custom]:
    with db.read() as s:
        return [
            _Custom(d.id, d.key, d.label, d.type.value)
            for d in s.scalars(
                select(CustomFieldDef)
                .where(CustomFieldDef.entity == "customer", CustomFieldDef.active.is_(True))
                .order_by(CustomFieldDef.position, CustomFieldDef.id)
            )
        ]


def _read_page(
    db: Database,
    ids: Sequence[int],
    *,
    tags: bool,
    contacts: bool,
    custom: Sequence[_Custom],
) -> list[tuple[Any, ...]]:
    """The customers ``ids`` in that order, each a tuple laid out as _SOURCE (then one value per
    custom field): four queries whatever the page's size."""
    c = Customer.__table__.c
    # Core rows straight from the connection: no ORM identity map or entity loading.
    with db.read() as session:
        s = session.connection()
        found = {
            row[0]: row
            for row in s.execute(
                select(
                    c.id,
                    c.version,
                    c.code,
                    c.name,
                    c.kind,
                    c.industry,
                    c.city,
                    c.address,
                    c.website,
                    c.channel,
                    c.segment,
                    c.tier,
                    c.stage,
                    User.display_name,
                    c.annual_revenue,
                    c.usage_scenario,
                    c.pain_points,
                    c.notes,
                    c.created_at,
                    c.last_interaction_at,
                )
                .outerjoin(User, User.id == c.owner_id)
                .where(c.id.in_(ids))
            )
        }
        tag_names: dict[int, list[str]] = {}
        if tags:
            for cid, name in s.execute(
                select(customer_tag.c.customer_id, Tag.name)
                .join(Tag, Tag.id == customer_tag.c.tag_id)
                .where(customer_tag.c.customer_id.in_(ids))
                .order_by(Tag.group, Tag.name)
            ):
                tag_names.setdefault(cid, []).append(name)
        primary: dict[int, tuple[Any, ...]] = {}
        if contacts:
            k = Contact.__table__.c
            for row in s.execute(
                select(k.customer_id, k.name, k.title, k.phone, k.email, k.wechat, k.birthday)
                .where(k.customer_id.in_(ids), k.deleted_at.is_(None))
                .order_by(k.customer_id, desc(k.is_primary), k.id)
            ):
                if row[0] not in primary:
                    primary[row[0]] = tuple(row[1:])
        values: dict[tuple[int, int], Any] = {}
        if custom:
            v = CustomFieldValue.__table__.c
            for field_id, entity_id, text, number, day in s.execute(
                select(v.field_id, v.entity_id, v.value_text, v.value_number, v.value_date).where(
                    v.entity_id.in_(ids), v.field_id.in_([f.id for f in custom])
                )
            ):
                values[(field_id, entity_id)] = (
                    number if number is not None else day if day is not None else text
                )
    out = []
    for cid in ids:
        row = found.get(cid)
        if row is None:  # erased between reading the ids and this page
            continue
        names = tag_names.get(cid)
        out.append(
            (
                *row,
                ", ".join(names) if names else None,
                *primary.get(cid, _NO_CONTACT),
                *(values.get((f.id, cid)) for f in custom),
            )
        )
    return out


def _pages(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# ---------------------------------------------------------------------------------------------
# Writing


def _plan(
    columns: Sequence[str], custom: Sequence[_Custom], lang: str
) -> list[tuple[str, str, int, str, Any]]:
    """(key, header, source index, kind, label table) per exported column."""
    w = words(lang)
    by_key = {f"{CUSTOM_PREFIX}{f.key}": (i, f) for i, f in enumerate(custom)}
    plan = []
    for key in columns:
        if key in by_key:
            i, f = by_key[key]
            kind = {"number": "number", "date": "date", "bool": "bool"}.get(f.type, "text")
            plan.append((key, f.label, _BASE + i, kind, None))
            continue
        if key not in w["headers"]:
            raise ValueError(f"unknown export column {key!r}")
        kind = {
            "annual_revenue": "money",
            "created_at": "datetime",
            "last_interaction_at": "datetime",
            "birthday": "date",
        }.get(key, "label" if key in LABELLED else "text")
        plan.append((key, w["headers"][key], _SOURCE[key], kind, w.get(LABELLED.get(key, ""))))
    return plan


def export_customers(
    db: Database,
    path: Path,
    query: CustomerQuery | None = None,
    columns: Sequence[str] | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> ExportResult:
    """Write the customer list to the .xlsx file ``path``, as the list shows it.

    ``query`` gives the search, filters and sort (default: every live customer by name);
    ``columns`` the column keys in their order (default: all of :data:`COLUMN_KEYS` then the
    custom fields, as ``custom:<key>``). The hidden ``_id`` and ``_version`` columns always come
    last. ``progress(done, total)`` is called after each page; an exception it raises (a
    cancelled task) stops the export and leaves no file.
    """
    from crmdesk.services import customers as customer_service

    path = _check_target(path)
    query = query or CustomerQuery()
    custom = _custom_fields(db)
    if columns is None:
        columns = [*COLUMN_KEYS, *(f"{CUSTOM_PREFIX}{f.key}" for f in custom)]
    plan = _plan(columns, custom, lang)
    keys = {p[0] for p in plan}
    need_tags = "tags" in keys
    need_contacts = bool(keys & {"contact", "title", "phone", "email", "wechat", "birthday"})
    used = [f for f in custom if f"{CUSTOM_PREFIX}{f.key}" in keys]
    if len(used) != len(custom):
        plan = _plan(columns, used, lang)

    origin = database_identity(db)
    ids = customer_service.customer_ids(db, query)
    total = len(ids)
    if progress is not None:
        progress(0, total)

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    w = words(lang)
    wb = Workbook(write_only=True)
    try:
        ws = wb.create_sheet(w["sheet"])
        styles = _Styles(ws)
        pages = _pages(ids, PAGE_SIZE)
        first = next(pages, ())
        read = {"tags": need_tags, "contacts": need_contacts, "custom": used}
        rows = _read_page(db, first, **read) if first else []
        # Widths from the header and the first page; columns must be set before any row.
        sample = rows[:500]
        for n, (_key, header, source, kind, table) in enumerate(plan, 1):
            values = [r[source] for r in sample]
            if table is not None:
                values = [table.get(v, v) if v is not None else None for v in values]
            ws.column_dimensions[get_column_letter(n)].width = _column_width(header, values, kind)
        for n in (len(plan) + 1, len(plan) + 2, len(plan) + 3):
            dim = ws.column_dimensions[get_column_letter(n)]
            dim.width = 10
            dim.hidden = True
        ws.freeze_panes = "A2"
        ws.append(
            [styles.cell(h, styles.header, n) for n, (_k, h, _s, _t, _l) in enumerate(plan, 1)]
            + [styles.cell(ID_HEADER, styles.header_hidden, len(plan) + 1)]
            + [styles.cell(VERSION_HEADER, styles.header_hidden, len(plan) + 2)]
            + [styles.cell(SOURCE_HEADER, styles.header_hidden, len(plan) + 3)]
        )
        specs = [(source, *_converter(kind, table, w)) for _k, _h, source, kind, table in plan]
        specs += [
            (_SOURCE["id"], "number", None),
            (_SOURCE["version"], "number", None),
            (_SOURCE["id"], "text", lambda _id: origin),
        ]
        # Rows go through _RowWriter instead of openpyxl's per-value type sniffing (see there).
        ws._values_to_row = _RowWriter(ws, styles, specs).values_to_row
        written = 0
        while rows:
            for r in rows:
                ws.append(r)
            written += len(rows)
            if progress is not None:
                progress(written, total)
            page = next(pages, None)
            rows = _read_page(db, page, **read) if page else []
        last = get_column_letter(len(plan) + 3)
        ws.auto_filter.ref = f"A1:{last}{written + 1}"
        _save_atomically(wb, path)
    except BaseException:
        _discard(wb)
        raise
    return ExportResult(written, path)


def _text(value: Any) -> str | None:
    if type(value) is not str:
        value = str(value)
    return clean_text(value) if value else None


def _converter(kind: str, table: dict[str, str] | None, w: dict[str, Any]) -> tuple[str, Any]:
    """How one stored value (never None) becomes a cell: (cell kind, converter or None)."""
    if kind == "text":
        return "text", _text
    if kind == "label":
        assert table is not None
        return "text", lambda value: table.get(value) or str(value)
    if kind == "bool":
        yes, no = w["yes"], w["no"]
        return "text", lambda value: yes if str(value).lower() == "true" else no
    if kind in ("money", "number"):
        return kind, None
    if kind == "datetime":
        return "datetime", _local
    if kind == "date":
        return (
            "date",
            lambda value: _local(value).date() if isinstance(value, dt.datetime) else value,
        )
    raise ValueError(kind)
