"""The audit trail: every create, update and delete through the ORM writes who changed what.

One listener on the session factory sees every flush, so no service can forget to audit.
Bulk loads that bypass the ORM (demo generation) are not audited on purpose.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import History

from crmdesk.models import (
    AuditEntry,
    Contact,
    Customer,
    Deal,
    Interaction,
    KbArticle,
    Task,
    Ticket,
)

AUDITED: dict[type, str] = {
    Customer: "customer",
    Contact: "contact",
    Interaction: "interaction",
    Task: "task",
    Ticket: "ticket",
    Deal: "deal",
    KbArticle: "article",
}
_SKIP = {
    "id",
    "version",
    "created_at",
    "updated_at",
    "search_text",
    "name_key",
    "phone_key",
    "last_interaction_at",
    # A ticket's clock bookkeeping: its event history and steps record these in words.
    "step_started_at",
    "remaining_seconds",
    "first_response_at",
    "first_response_seconds",
    "resolution_seconds",
    # An article's Qt HTML: its plain text (body_text) is what the trail records.
    "body",
}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="seconds")
    if isinstance(value, dt.date | Decimal):
        return str(value)
    if isinstance(value, list):
        return ", ".join(sorted(getattr(v, "name", str(v)) for v in value))
    return str(value)


def _customer_id(obj: Any) -> int | None:
    if isinstance(obj, Customer):
        return obj.id
    return getattr(obj, "customer_id", None)


def _rows_for(session: Session, obj: Any, entity: str, kind: str) -> list[dict[str, Any]]:
    base = {
        "at": dt.datetime.now(dt.UTC),
        "user_id": session.info.get("user_id"),
        "user_name": session.info.get("user_name"),
        "entity": entity,
        "entity_id": obj.id,
        "customer_id": _customer_id(obj),
    }
    state = inspect(obj)
    if kind == "erase":
        return [{**base, "action": "erase", "field": None, "old_value": None, "new_value": None}]
    if kind == "create":
        return [{**base, "action": "create", "field": None, "old_value": None, "new_value": None}]
    rows: list[dict[str, Any]] = []
    action = "update"
    for attr in state.mapper.attrs:
        key = attr.key
        if key in _SKIP:
            continue
        if key not in state.committed_state and key not in state.dict:
            continue
        hist: History = state.attrs[key].load_history()
        if not hist.has_changes():
            continue
        if hasattr(attr, "direction"):  # a relationship: only the customer's tags are recorded
            if not (isinstance(obj, Customer) and key == "tags"):
                continue
            old = list(hist.unchanged or ()) + list(hist.deleted or ())
            new = list(hist.unchanged or ()) + list(hist.added or ())
        else:
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
        if key == "deleted_at":
            action = "delete" if new is not None else "restore"
            continue
        old_t, new_t = _text(old), _text(new)
        if old_t == new_t:
            continue
        rows.append(
            {**base, "action": "update", "field": key, "old_value": old_t, "new_value": new_t}
        )
    if action != "update":
        rows.insert(
            0, {**base, "action": action, "field": None, "old_value": None, "new_value": None}
        )
    return rows


def _after_flush(session: Session, _ctx: Any) -> None:
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        entity = AUDITED.get(type(obj))
        if entity:
            rows.extend(_rows_for(session, obj, entity, "create"))
    for obj in session.dirty:
        entity = AUDITED.get(type(obj))
        if entity and session.is_modified(obj, include_collections=True):
            rows.extend(_rows_for(session, obj, entity, "update"))
    for obj in session.deleted:
        entity = AUDITED.get(type(obj))
        if entity:
            rows.extend(_rows_for(session, obj, entity, "erase"))
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def install(factory: sessionmaker[Session]) -> None:
    """Audit every session the factory makes (once per factory).

    The mark lives on the factory itself: ``event.contains`` answers by the target's id(), and
    a new factory that reuses a collected one's id was taken for already audited."""
    if getattr(factory, "_crmdesk_audited", False):
        return
    event.listen(factory, "after_flush", _after_flush)
    factory._crmdesk_audited = True  # type: ignore[attr-defined]
