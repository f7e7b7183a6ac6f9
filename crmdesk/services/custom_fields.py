"""Custom fields, defined by the office without code (自定义字段)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.errors import ValidationError
from crmdesk.models import CustomFieldDef, CustomFieldType, CustomFieldValue
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.dto import CustomFieldRow


def define_field(
    db: Database,
    label: str,
    type_: str = "text",
    choices: list[str] | None = None,
    entity: str = "customer",
) -> tuple[int, ChangeSet]:
    label = label.strip()
    if not label:
        raise ValidationError("A field needs a label.", {"label": "Required."})
    if type_ not in {t.value for t in CustomFieldType}:
        raise ValidationError("'{type}' is not a field type.", type=type_)
    key = re.sub(r"\W+", "_", label.lower()).strip("_") or "field"
    with db.write() as s:
        base, n = key, 2
        while s.scalar(
            select(CustomFieldDef.id).where(
                CustomFieldDef.entity == entity, CustomFieldDef.key == key
            )
        ):
            key = f"{base}_{n}"
            n += 1
        position = (s.scalar(select(func.max(CustomFieldDef.position))) or 0) + 1
        d = CustomFieldDef(
            entity=entity,
            key=key,
            label=label,
            type=CustomFieldType(type_),
            choices="\n".join(choices or []) or None,
            position=position,
        )
        s.add(d)
        s.flush()
        return d.id, ChangeSet(everything=True)


def set_value(s: Session, field_id: int, entity_id: int, value: str | None) -> None:
    d = s.get(CustomFieldDef, field_id)
    if d is None:
        return
    v = s.scalar(
        select(CustomFieldValue).where(
            CustomFieldValue.field_id == field_id, CustomFieldValue.entity_id == entity_id
        )
    )
    text = (value or "").strip()
    if not text:
        if v is not None:
            s.delete(v)
        return
    if v is None:
        v = CustomFieldValue(field_id=field_id, entity_id=entity_id)
        s.add(v)
    v.value_text = v.value_number = v.value_date = None
    if d.type == CustomFieldType.NUMBER:
        try:
            v.value_number = Decimal(text.replace(",", ""))
        except InvalidOperation as exc:
            raise ValidationError(
                "{label} must be a number.", {f"custom:{d.id}": "Not a number."}, label=d.label
            ) from exc
    elif d.type == CustomFieldType.DATE:
        try:
            v.value_date = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValidationError(
                "{label} must be a date (YYYY-MM-DD).",
                {f"custom:{d.id}": "Not a date."},
                label=d.label,
            ) from exc
    elif d.type == CustomFieldType.CHOICE:
        allowed = (d.choices or "").splitlines()
        if allowed and text not in allowed:
            raise ValidationError(
                "{label} must be one of: {choices}.", label=d.label, choices=", ".join(allowed)
            )
        v.value_text = text
    elif d.type == CustomFieldType.BOOL:
        v.value_text = "true" if text.lower() in {"1", "true", "yes", "y", "是", "√"} else "false"
    else:
        v.value_text = text


def list_custom_fields(db: Database, entity: str = "customer") -> list[CustomFieldRow]:
    """The active custom fields of ``entity`` in their order, each with ``value=None`` (what a
    form for a new record shows)."""
    with db.read() as s:
        defs = s.scalars(
            select(CustomFieldDef)
            .where(CustomFieldDef.entity == entity, CustomFieldDef.active.is_(True))
            .order_by(CustomFieldDef.position, CustomFieldDef.id)
        ).all()
        return [
            CustomFieldRow(
                d.id, d.key, d.label, d.type.value, tuple((d.choices or "").splitlines()), None
            )
            for d in defs
        ]
