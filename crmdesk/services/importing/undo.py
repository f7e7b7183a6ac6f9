"""The import history, and taking an import back."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select, update

from crmdesk.errors import CrmError, NotFoundError
from crmdesk.models import (
    Contact,
    Customer,
    CustomFieldDef,
    CustomFieldValue,
    Deal,
    ImportBatch,
    ImportChange,
    Interaction,
    Order,
    Tag,
    Task,
    Ticket,
    User,
    customer_tag,
)
from crmdesk.services.core import Database
from crmdesk.services.customers import reconcile_churn, refresh_search_text
from crmdesk.services.importing.execute import AuditLog
from crmdesk.services.importing.plan import _chunks


class ImportUndoError(CrmError):
    """An import that cannot be taken back (already undone, still running)."""


@dataclass(frozen=True)
class ImportBatchRow:
    id: int
    file_name: str
    checksum: str
    sheet: str | None
    user_name: str | None
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str  # "done" | "undone"
    created: int
    updated: int
    skipped: int
    rejected: int


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    removed: int  # created records deleted
    restored: int  # updated records given their previous values back
    left_alone: tuple[tuple[int, str, str], ...]  # (customer id, name, why)


def list_imports(db: Database) -> list[ImportBatchRow]:
    """Every import, newest first."""
    b = ImportBatch.__table__.c
    with db.read() as s:
        rows = s.execute(
            select(
                b.id,
                b.file_name,
                b.checksum,
                b.sheet,
                User.display_name,
                b.started_at,
                b.finished_at,
                b.status,
                b.created_count,
                b.updated_count,
                b.skipped_count,
                b.rejected_count,
            )  # fmt: skip
            .outerjoin(User, User.id == b.user_id)
            .order_by(b.id.desc())
        ).all()
    return [ImportBatchRow(*row) for row in rows]


_TABLES = {
    "customer": Customer.__table__,
    "contact": Contact.__table__,
    "interaction": Interaction.__table__,
    "sales_order": Order.__table__,
}
# What a removed customer takes with it (foreign keys cascade): each gets an "erase" entry.
_AUDITED_CHILDREN = {
    "contact": Contact.__table__,
    "interaction": Interaction.__table__,
    "task": Task.__table__,
    "ticket": Ticket.__table__,
    "deal": Deal.__table__,
}
EDITED = "edited since the import"
DELETED = "deleted since the import"


def _restore_value(table: Any, column: str, value: Any) -> Any:
    """A value kept as JSON back in the column's Python type."""
    if value is None:
        return None
    col = table.c[column]
    python_type = None
    try:
        python_type = col.type.python_type
    except NotImplementedError:
        pass
    if python_type is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if python_type is dt.date:
        return dt.date.fromisoformat(value)
    if python_type is Decimal:
        return Decimal(value)
    return value


def _current_state(conn: Any, changes: list[Any], skip: set[int]) -> dict[Any, Any]:
    """What the customers an undo restores hold now (the columns it restores and their tag
    ids), so the audit trail can tell each field's old and new value; under "_tag_names" the
    names of all tags."""
    c = Customer.__table__.c
    columns: set[str] = set()
    ids: set[int] = set()
    for entity, eid, action, before, _version in changes:
        if entity == "customer" and action == "update" and before and eid not in skip:
            ids.add(eid)
            columns.update(k for k in json.loads(before) if not k.startswith("_"))
    state: dict[Any, Any] = {}
    t = Tag.__table__.c
    state["_tag_names"] = dict(conn.execute(select(t.id, t.name)).all())
    cols = sorted(columns)
    for chunk in _chunks(sorted(ids)):
        for row in conn.execute(select(c.id, *(c[col] for col in cols)).where(c.id.in_(chunk))):
            data = dict(row._mapping)
            state[data.pop("id")] = {**data, "tags": set()}
        for cid, tid in conn.execute(
            select(customer_tag.c.customer_id, customer_tag.c.tag_id).where(
                customer_tag.c.customer_id.in_(chunk)
            )
        ):
            state[cid]["tags"].add(tid)
    return state


def undo_import(db: Database, batch_id: int) -> UndoResult:
    """Take an import back: the records it created are removed and the customers it updated
    get their previous values back, unless somebody edited them since (their version moved
    on); those are left alone and listed. One transaction."""
    with db.write() as s:
        conn = s.connection()
        b = ImportBatch.__table__.c
        batch = conn.execute(select(b.status, b.undone_at).where(b.id == batch_id)).first()
        if batch is None:
            raise NotFoundError("There is no import number {batch_id}.", batch_id=batch_id)
        if batch.status == "undone":
            raise ImportUndoError(
                "Import {batch_id} was already undone; there is nothing left to take back.",
                batch_id=batch_id,
            )
        if batch.status != "done":
            raise ImportUndoError(
                "Import {batch_id} did not finish, so it changed nothing to take back.",
                batch_id=batch_id,
            )
        ch = ImportChange.__table__.c
        changes = conn.execute(
            select(ch.entity, ch.entity_id, ch.action, ch.before, ch.version_after)
            .where(ch.batch_id == batch_id)
            .order_by(ch.id)
        ).all()
        c = Customer.__table__.c
        customer_ids = sorted({e for ent, e, *_ in changes if ent == "customer"})
        current: dict[int, tuple[int, str]] = {}
        for chunk in _chunks(customer_ids):
            for cid, version, name in conn.execute(
                select(c.id, c.version, c.name).where(c.id.in_(chunk))
            ):
                current[cid] = (version, name)
        # The newest version the import left each customer at.
        expected: dict[int, int] = {}
        for entity, eid, _action, _before, version in changes:
            if entity == "customer" and version is not None:
                expected[eid] = max(expected.get(eid, 0), version)
        left: dict[int, tuple[int, str, str]] = {}
        for cid in customer_ids:
            if cid not in current:
                left[cid] = (cid, "", DELETED)
            elif current[cid][0] != expected.get(cid):
                left[cid] = (cid, current[cid][1], EDITED)
        removed = restored = 0
        audit = AuditLog(db, conn)
        created_customers = [
            eid for ent, eid, act, *_ in changes if ent == "customer" and act == "create"
        ]
        gone = [cid for cid in created_customers if cid not in left]
        gone_set = set(gone)
        # Records created for customers that stay (old customers, edited new ones).
        for entity in ("interaction", "sales_order", "contact"):
            table = _TABLES[entity]
            ids = [eid for ent, eid, act, *_ in changes if ent == entity and act == "create"]
            for chunk in _chunks(ids):
                cond = [table.c.id.in_(chunk), table.c.customer_id.not_in(gone or [-1])]
                if entity in ("interaction", "contact"):
                    # An edited note or contact is somebody's work now.
                    cond.append(table.c.version == 1)
                    gone_rows = conn.execute(
                        delete(table).where(*cond).returning(table.c.id, table.c.customer_id)
                    ).all()
                    for rid, cid in gone_rows:
                        audit.record(entity, rid, cid, "erase")
                    removed += len(gone_rows)
                    continue
                removed += conn.execute(delete(table).where(*cond)).rowcount or 0
        v = CustomFieldValue.__table__.c
        for _ent, cid, _act, before, _ in (
            x for x in changes if x[0] == "custom_field_value" and x[1] not in left
        ):
            field_id = json.loads(before or "{}").get("field_id")
            conn.execute(
                delete(CustomFieldValue.__table__).where(v.field_id == field_id, v.entity_id == cid)
            )
        # Customers created by the import, with everything hanging off them.
        for chunk in _chunks(gone):
            for entity, table in _AUDITED_CHILDREN.items():
                for rid, cid in conn.execute(
                    select(table.c.id, table.c.customer_id)
                    .where(table.c.customer_id.in_(chunk))
                    .order_by(table.c.id)
                ):
                    audit.record(entity, rid, cid, "erase")
            for cid in chunk:
                audit.record("customer", cid, cid, "erase")
            conn.execute(
                delete(CustomFieldValue.__table__).where(
                    v.entity_id.in_(chunk),
                    v.field_id.in_(
                        select(CustomFieldDef.id).where(CustomFieldDef.entity == "customer")
                    ),
                )
            )
            removed += conn.execute(delete(Customer.__table__).where(c.id.in_(chunk))).rowcount or 0
        # Updated records: previous values back, newest change last undone first.
        k = Contact.__table__.c
        state = _current_state(conn, changes, set(left) | gone_set)
        touched: set[int] = set()
        for entity, eid, action, before, version in reversed(changes):
            if action != "update" or before is None:
                continue
            data = json.loads(before)
            if entity == "contact":
                row = conn.execute(
                    select(k.customer_id, k.version, *(k[col] for col in data)).where(k.id == eid)
                ).first()
                if row is None or row.version != version or row.customer_id in left:
                    continue
                values = {
                    col: _restore_value(Contact.__table__, col, val) for col, val in data.items()
                }
                audit.fields("contact", eid, row.customer_id, dict(row._mapping), values)
                conn.execute(
                    update(Contact.__table__)
                    .where(k.id == eid)
                    .values(**values, version=version + 1)
                )
                touched.add(row.customer_id)
                continue
            if entity != "customer" or eid in left or eid in gone_set:
                continue
            added = data.pop("_tags_added", [])
            dropped = data.pop("_tags_removed", [])
            values = {
                col: _restore_value(Customer.__table__, col, val) for col, val in data.items()
            }
            now = state.setdefault(eid, {})
            audit.fields("customer", eid, eid, now, values)
            now.update(values)
            if added or dropped:
                tags = now.setdefault("tags", set())
                names = state["_tag_names"]
                after = (tags - set(added)) | set(dropped)
                audit.fields(
                    "customer", eid, eid,
                    {"tags": [names.get(t, str(t)) for t in tags]},
                    {"tags": [names.get(t, str(t)) for t in after]},
                )  # fmt: skip
                now["tags"] = after
            if values:
                conn.execute(update(Customer.__table__).where(c.id == eid).values(**values))
            if added:
                conn.execute(
                    delete(customer_tag).where(
                        customer_tag.c.customer_id == eid, customer_tag.c.tag_id.in_(added)
                    )
                )
            for tag_id in dropped:
                conn.execute(customer_tag.insert().values(customer_id=eid, tag_id=tag_id))
            if eid not in touched:
                restored += 1
            touched.add(eid)
        for cid in touched:
            if cid in current and cid not in left:
                conn.execute(
                    update(Customer.__table__)
                    .where(c.id == cid)
                    .values(version=current[cid][0] + 1, updated_at=db.now())
                )
        if touched:
            refresh_search_text(s, sorted(touched - set(left)))
            reconcile_churn(conn)
        audit.write()
        conn.execute(
            update(ImportBatch.__table__)
            .where(b.id == batch_id)
            .values(status="undone", undone_at=db.now())
        )
    return UndoResult(batch_id, removed, restored, tuple(left.values()))
