"""Customers: the list (paged, searched, filtered), the 360° record, create/edit/delete."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, Select, and_, case, delete, desc, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.errors import NotFoundError, StaleEditError, ValidationError
from crmdesk.models import (
    Channel,
    Contact,
    Customer,
    CustomerKind,
    CustomFieldDef,
    CustomFieldValue,
    Deal,
    DealStage,
    Interaction,
    Order,
    Payment,
    Segment,
    Stage,
    Tag,
    Task,
    Ticket,
    TicketStatus,
    Tier,
    User,
    customer_tag,
)
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.dto import (
    ContactRow,
    CountResult,
    CustomerDetail,
    CustomerInput,
    CustomerQuery,
    CustomerRow,
    CustomFieldRow,
    DuplicateHit,
    KeyFigures,
    TagRef,
)
from crmdesk.services.search import customer_match, is_selective, live_clause
from crmdesk.services.text import (
    build_search_text,
    company_key,
    fold,
    is_valid_email,
    normalize_email,
    normalize_phone,
)

SORT_COLUMNS: dict[str, Any] = {
    "name": Customer.name,
    "code": Customer.code,
    "city": Customer.city,
    "industry": Customer.industry,
    "tier": Customer.tier,
    "stage": Customer.stage,
    "owner": Customer.owner_id,
    "channel": Customer.channel,
    "annual_revenue": Customer.annual_revenue,
    "last_interaction_at": Customer.last_interaction_at,
    "created_at": Customer.created_at,
}

# ---------------------------------------------------------------------------------------------
# The list


def _filtered(
    db: Database, q: CustomerQuery, stmt: Select[Any], search_driven: bool = False
) -> Select[Any]:
    stmt = stmt.where(live_clause(db.dialect, q.trash, search_driven))
    if q.text.strip():
        stmt = stmt.where(customer_match(db.dialect, q.text))
    if q.tier:
        stmt = stmt.where(
            Customer.tier.is_(None) if q.tier == "-" else Customer.tier == Tier(q.tier)
        )
    if q.stage:
        stmt = stmt.where(Customer.stage == Stage(q.stage))
    if q.channel:
        stmt = stmt.where(Customer.channel == Channel(q.channel))
    if q.owner_id is not None:
        stmt = stmt.where(
            Customer.owner_id.is_(None) if q.owner_id == 0 else Customer.owner_id == q.owner_id
        )
    if q.tag_id is not None:
        stmt = stmt.where(
            Customer.id.in_(
                select(customer_tag.c.customer_id).where(customer_tag.c.tag_id == q.tag_id)
            )
        )
    return stmt


def _ordered(q: CustomerQuery, stmt: Select[Any], reverse: bool = False) -> Select[Any]:
    column = SORT_COLUMNS.get(q.sort, Customer.name)
    descending = q.descending != reverse
    if descending:
        return stmt.order_by(desc(column), desc(Customer.id))
    return stmt.order_by(column, Customer.id)


def count_customers(db: Database, q: CustomerQuery, cap: int | None = None) -> CountResult:
    """How many customers the list holds; with ``cap``, stops counting past it."""
    with db.read() as s:
        # Counting walks the search index's matches in their own order: no sort needed.
        inner = _filtered(db, q, select(Customer.id), search_driven=bool(q.text.strip()))
        if cap is not None:
            inner = inner.limit(cap + 1)
        n = s.scalar(select(func.count()).select_from(inner.subquery())) or 0
    if cap is not None and n > cap:
        return CountResult(cap, False)
    return CountResult(n, True)


def list_customers(
    db: Database, q: CustomerQuery, offset: int = 0, limit: int = 100, total: int | None = None
) -> list[CustomerRow]:
    """One page of the list.

    The page's ids come first from the sort index alone (a covering index scan, so a deep offset
    does not read the skipped rows), then the rows themselves. With the exact ``total``, pages in
    the back half are read from the end, so jumping to the last row is as fast as to the first.
    """
    reverse = total is not None and offset > total // 2
    with db.read() as s:
        driven = bool(q.text.strip()) and is_selective(s, db.dialect, q.text)
        ids_stmt = _filtered(db, q, select(Customer.id), search_driven=driven)
        if reverse:
            assert total is not None
            end = min(total, offset + limit)
            limit = end - offset
            ids_stmt = _ordered(q, ids_stmt, reverse=True).offset(total - end).limit(limit)
        else:
            ids_stmt = _ordered(q, ids_stmt).offset(offset).limit(limit)
        ids = list(s.scalars(ids_stmt))
        if reverse:
            ids.reverse()
        if not ids:
            return []
        found = {
            c.id: (c, owner_name)
            for c, owner_name in s.execute(
                select(Customer, User.display_name)
                .outerjoin(User, User.id == Customer.owner_id)
                .where(Customer.id.in_(ids))
            )
        }
        pairs = [found[i] for i in ids if i in found]
        tags = _tags_for(s, ids)
        contacts = _primary_contacts(s, ids)
    rows = []
    for c, owner_name in pairs:
        contact = contacts.get(c.id)
        rows.append(
            CustomerRow(
                id=c.id,
                code=c.code,
                name=c.name,
                kind=c.kind.value,
                industry=c.industry,
                city=c.city,
                tier=c.tier.value if c.tier else None,
                stage=c.stage.value,
                segment=c.segment.value if c.segment else None,
                channel=c.channel.value if c.channel else None,
                owner_id=c.owner_id,
                owner_name=owner_name,
                annual_revenue=c.annual_revenue,
                last_interaction_at=c.last_interaction_at,
                created_at=c.created_at,
                deleted_at=c.deleted_at,
                tags=tuple(tags.get(c.id, ())),
                contact_name=contact[0] if contact else None,
                phone=contact[1] if contact else None,
                email=contact[2] if contact else None,
            )
        )
    return rows


def customer_ids(db: Database, q: CustomerQuery) -> list[int]:
    """Every id the list holds, in its order (for exports and bulk actions): plain ints, so
    even 100,000 customers are a small list, and rows are then read in pages by id."""
    with db.read() as s:
        driven = bool(q.text.strip()) and is_selective(s, db.dialect, q.text)
        stmt = _ordered(q, _filtered(db, q, select(Customer.id), search_driven=driven))
        return list(s.scalars(stmt))


def _tags_for(s: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not ids:
        return out
    stmt = (
        select(customer_tag.c.customer_id, Tag.name)
        .join(Tag, Tag.id == customer_tag.c.tag_id)
        .where(customer_tag.c.customer_id.in_(ids))
        .order_by(Tag.group, Tag.name)
    )
    for cid, name in s.execute(stmt):
        out.setdefault(cid, []).append(name)
    return out


def _primary_contacts(
    s: Session, ids: Sequence[int]
) -> dict[int, tuple[str, str | None, str | None]]:
    out: dict[int, tuple[str, str | None, str | None]] = {}
    if not ids:
        return out
    stmt = (
        select(Contact.customer_id, Contact.name, Contact.phone, Contact.email)
        .where(Contact.customer_id.in_(ids), Contact.deleted_at.is_(None))
        .order_by(Contact.customer_id, desc(Contact.is_primary), Contact.id)
    )
    for cid, name, phone, email in s.execute(stmt):
        out.setdefault(cid, (name, phone, email))
    return out


# ---------------------------------------------------------------------------------------------
# One customer


def get_customer(db: Database, customer_id: int) -> CustomerDetail:
    """Everything the 360° view's Overview needs, in a handful of indexed queries."""
    with db.read() as s:
        row = s.execute(
            select(Customer, User.display_name)
            .outerjoin(User, User.id == Customer.owner_id)
            .where(Customer.id == customer_id)
        ).first()
        if row is None:
            raise NotFoundError("This customer no longer exists.")
        c, owner_name = row
        tags = tuple(
            TagRef(t.id, t.name, t.group, t.color)
            for t in s.scalars(
                select(Tag)
                .join(customer_tag, customer_tag.c.tag_id == Tag.id)
                .where(customer_tag.c.customer_id == customer_id)
                .order_by(Tag.group, Tag.name)
            )
        )
        contacts = tuple(
            contact_row(k)
            for k in s.scalars(
                select(Contact)
                .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
                .order_by(desc(Contact.is_primary), Contact.id)
            )
        )
        figures = _key_figures(s, customer_id)
        custom = _custom_fields(s, customer_id)
        return CustomerDetail(
            id=c.id,
            code=c.code,
            name=c.name,
            kind=c.kind.value,
            industry=c.industry,
            region=c.region,
            city=c.city,
            address=c.address,
            website=c.website,
            channel=c.channel.value if c.channel else None,
            usage_scenario=c.usage_scenario,
            pain_points=c.pain_points,
            segment=c.segment.value if c.segment else None,
            tier=c.tier.value if c.tier else None,
            stage=c.stage.value,
            owner_id=c.owner_id,
            owner_name=owner_name,
            annual_revenue=c.annual_revenue,
            notes=c.notes,
            created_at=c.created_at,
            updated_at=c.updated_at,
            last_interaction_at=c.last_interaction_at,
            deleted_at=c.deleted_at,
            version=c.version,
            tags=tags,
            contacts=contacts,
            figures=figures,
            custom_fields=custom,
        )


def contact_row(k: Contact) -> ContactRow:
    return ContactRow(
        k.id,
        k.customer_id,
        k.name,
        k.title,
        k.phone,
        k.email,
        k.wechat,
        k.birthday,
        k.is_decision_maker,
        k.is_primary,
        k.notes,
        k.version,
    )


def _key_figures(s: Session, cid: int) -> KeyFigures:
    zero = Decimal(0)
    lifetime = s.scalar(
        select(func.coalesce(func.sum(Order.amount), 0)).where(
            Order.customer_id == cid, Order.status != "cancelled"
        )
    )
    paid = s.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.customer_id == cid)
    )
    open_deals = s.execute(
        select(func.count(), func.coalesce(func.sum(Deal.amount), 0)).where(
            Deal.customer_id == cid,
            Deal.deleted_at.is_(None),
            Deal.stage.not_in([DealStage.WON, DealStage.LOST]),
        )
    ).one()
    open_tickets = s.scalar(
        select(func.count()).where(
            Ticket.customer_id == cid,
            Ticket.deleted_at.is_(None),
            Ticket.status.not_in([TicketStatus.RESOLVED, TicketStatus.CLOSED]),
        )
    )
    n_interactions = s.scalar(
        select(func.count()).where(Interaction.customer_id == cid, Interaction.deleted_at.is_(None))
    )
    last = s.scalar(
        select(func.max(Interaction.occurred_at)).where(
            Interaction.customer_id == cid, Interaction.deleted_at.is_(None)
        )
    )
    task = s.execute(
        select(Task.title, Task.due_at)
        .where(Task.customer_id == cid, Task.done_at.is_(None), Task.deleted_at.is_(None))
        .order_by(Task.due_at)
        .limit(1)
    ).first()
    last_order = s.scalar(select(func.max(Order.ordered_on)).where(Order.customer_id == cid))
    return KeyFigures(
        lifetime_revenue=Decimal(lifetime or zero),
        paid_total=Decimal(paid or zero),
        open_deals=int(open_deals[0]),
        open_deal_amount=Decimal(open_deals[1] or zero),
        open_tickets=int(open_tickets or 0),
        interactions=int(n_interactions or 0),
        last_interaction_at=last,
        next_task_title=task[0] if task else None,
        next_task_due=task[1] if task else None,
        last_order_on=last_order,
    )


def _custom_fields(s: Session, cid: int) -> tuple[CustomFieldRow, ...]:
    defs = s.scalars(
        select(CustomFieldDef)
        .where(CustomFieldDef.entity == "customer", CustomFieldDef.active.is_(True))
        .order_by(CustomFieldDef.position, CustomFieldDef.id)
    ).all()
    if not defs:
        return ()
    values = {
        v.field_id: v
        for v in s.scalars(
            select(CustomFieldValue).where(
                CustomFieldValue.entity_id == cid,
                CustomFieldValue.field_id.in_([d.id for d in defs]),
            )
        )
    }
    out = []
    for d in defs:
        v = values.get(d.id)
        text = None
        if v is not None:
            text = v.value_text
            if v.value_number is not None:
                text = str(v.value_number)
            elif v.value_date is not None:
                text = v.value_date.isoformat()
        out.append(
            CustomFieldRow(
                d.id, d.key, d.label, d.type.value, tuple((d.choices or "").splitlines()), text
            )
        )
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Writing


def validate_customer(data: CustomerInput) -> None:
    errors: dict[str, str] = {}
    bad_choices: dict[str, str] = {}
    if not data.name or not data.name.strip():
        errors["name"] = "A customer needs a name."
    elif len(data.name) > 200:
        errors["name"] = "The name is longer than 200 characters."
    if data.annual_revenue is not None:
        try:
            if Decimal(data.annual_revenue) < 0:
                errors["annual_revenue"] = "Annual revenue cannot be negative."
        except (InvalidOperation, TypeError):
            errors["annual_revenue"] = "Annual revenue must be a number."
    if data.website and " " in data.website.strip():
        errors["website"] = "A web address has no spaces."
    for key, enum_cls, value in (
        ("kind", CustomerKind, data.kind),
        ("stage", Stage, data.stage),
        ("tier", Tier, data.tier),
        ("segment", Segment, data.segment),
        ("channel", Channel, data.channel),
    ):
        if value is not None and value not in {m.value for m in enum_cls}:  # type: ignore[attr-defined]
            errors[key] = "This is not one of the allowed values."
            bad_choices.setdefault(key, value)
    if errors:
        first = next(iter(errors))
        if first in bad_choices:
            raise ValidationError(
                "'{value}' is not a valid {field}.",
                errors,
                value=bad_choices[first],
                field=first,
            )
        raise ValidationError(errors[first], errors)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.replace("\u3000", " ").strip()
    return text or None


def _apply(s: Session, c: Customer, data: CustomerInput, now: dt.datetime) -> None:
    c.name = " ".join(data.name.replace("\u3000", " ").split())
    c.name_key = company_key(c.name)
    c.kind = CustomerKind(data.kind)
    c.industry = _clean(data.industry)
    c.region = _clean(data.region)
    c.city = _clean(data.city)
    c.address = _clean(data.address)
    c.website = _clean(data.website)
    c.channel = Channel(data.channel) if data.channel else None
    c.usage_scenario = _clean(data.usage_scenario)
    c.pain_points = _clean(data.pain_points)
    c.segment = Segment(data.segment) if data.segment else None
    c.tier = Tier(data.tier) if data.tier else None
    stage = Stage(data.stage)
    if stage is Stage.CHURNED and (c.stage is not Stage.CHURNED or c.churned_at is None):
        c.churned_at = now
    elif stage is not Stage.CHURNED:
        c.churned_at = None
    c.stage = stage
    c.owner_id = data.owner_id
    c.annual_revenue = Decimal(data.annual_revenue) if data.annual_revenue is not None else None
    c.notes = _clean(data.notes)
    wanted = set(data.tag_ids)
    current = {t.id for t in c.tags}
    if wanted != current:
        keep = [t for t in c.tags if t.id in wanted]
        add = (
            s.scalars(select(Tag).where(Tag.id.in_(wanted - current))).all()
            if wanted - current
            else []
        )
        c.tags = keep + list(add)


def _apply_custom(s: Session, cid: int, custom: Iterable[tuple[int, str | None]]) -> None:
    from crmdesk.services.custom_fields import set_value

    for field_id, value in custom:
        set_value(s, field_id, cid, value)


def next_customer_code(s: Session) -> str:
    top = s.scalar(select(func.max(Customer.id))) or 0
    code = f"C{top + 1:06d}"
    while s.scalar(select(Customer.id).where(Customer.code == code)) is not None:
        top += 1
        code = f"C{top + 1:06d}"
    return code


def search_text_for(
    name: str | None,
    code: str | None,
    city: str | None,
    contacts: Iterable[tuple[str | None, str | None, str | None, str | None]] = (),
    tags: Iterable[str] = (),
) -> str:
    """The search text of one customer: name, code, city, each contact's name, phone (and its
    digits when they differ), email and WeChat id, then the tag names.

    Pure, so bulk loads (demo data, imports) fill ``search_text`` exactly as
    :func:`refresh_search_text` would. ``contacts`` are (name, phone, email, wechat) in id order.
    """
    parts: list[str | None] = [name, code, city]
    for contact_name, phone, email, wechat in contacts:
        phone_digits = normalize_phone(phone)
        parts.extend(
            [contact_name, phone, phone_digits if phone_digits != phone else None, email, wechat]
        )
    parts.extend(tags)
    return build_search_text(parts)


def refresh_search_text(s: Session, customer_ids: Iterable[int]) -> None:
    """Rebuild the search text of customers from their name, code, contacts and tags."""
    ids = list(set(customer_ids))
    if not ids:
        return
    s.flush()
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        base: dict[int, tuple[str, str, str | None]] = {
            cid: (name, code, city)
            for cid, name, code, city in s.execute(
                select(Customer.id, Customer.name, Customer.code, Customer.city).where(
                    Customer.id.in_(chunk)
                )
            )
        }
        contacts: dict[int, list[tuple[str | None, str | None, str | None, str | None]]] = {}
        for cid, name, phone, email, wechat in s.execute(
            select(Contact.customer_id, Contact.name, Contact.phone, Contact.email, Contact.wechat)
            .where(Contact.customer_id.in_(chunk), Contact.deleted_at.is_(None))
            .order_by(Contact.id)
        ):
            contacts.setdefault(cid, []).append((name, phone, email, wechat))
        tags: dict[int, list[str]] = {}
        for cid, tag in s.execute(
            select(customer_tag.c.customer_id, Tag.name)
            .join(Tag, Tag.id == customer_tag.c.tag_id)
            .where(customer_tag.c.customer_id.in_(chunk))
            .order_by(Tag.id)
        ):
            tags.setdefault(cid, []).append(tag)
        for cid, (name, code, city) in base.items():
            s.execute(
                update(Customer.__table__)
                .where(Customer.__table__.c.id == cid)
                .values(
                    search_text=search_text_for(
                        name, code, city, contacts.get(cid, ()), tags.get(cid, ())
                    )
                )
            )


def create_customer(
    db: Database, data: CustomerInput, contacts: Sequence[Any] = ()
) -> tuple[int, ChangeSet]:
    """Create a customer (and its first contacts). Namesakes are allowed: the form warns."""
    from crmdesk.services.contacts import new_contact, validate_contact

    validate_customer(data)
    for k in contacts:
        validate_contact(k)
    with db.write() as s:
        c = Customer(code=_clean(data.code) or next_customer_code(s), name=data.name)
        if s.scalar(select(Customer.id).where(Customer.code == c.code)) is not None:
            raise ValidationError(
                "The code {code} is already used.",
                {"code": "This code is already used."},
                code=c.code,
            )
        if data.owner_id is None and db.user is not None:
            data = _with_owner(data, db.user.id)
        c.tags = []
        _apply(s, c, data, db.now())
        s.add(c)
        s.flush()
        _apply_custom(s, c.id, data.custom)
        contact_ids = []
        for k in contacts:
            contact = new_contact(c.id, k)
            s.add(contact)
            s.flush()
            contact_ids.append(contact.id)
        refresh_search_text(s, [c.id])
        return c.id, ChangeSet(customers=frozenset({c.id}), contacts=frozenset(contact_ids))


def _with_owner(data: CustomerInput, owner_id: int) -> CustomerInput:
    from dataclasses import replace

    return replace(data, owner_id=owner_id)


def update_customer(db: Database, customer_id: int, version: int, data: CustomerInput) -> ChangeSet:
    """Save an edit made on ``version``; a newer save by someone else raises StaleEditError."""
    validate_customer(data)
    try:
        with db.write() as s:
            c = s.get(Customer, customer_id, options=[])
            if c is None:
                raise NotFoundError("This customer was deleted permanently.")
            if c.version != version:
                raise StaleEditError(
                    "{name} was changed by someone else after you opened it. "
                    "Your changes were not saved; reopen the customer and apply them again.",
                    name=c.name,
                )
            if data.code and data.code != c.code:
                if s.scalar(select(Customer.id).where(Customer.code == data.code)) is not None:
                    raise ValidationError(
                        "The code {code} is already used.",
                        {"code": "This code is already used."},
                        code=data.code,
                    )
                c.code = data.code
            _load_tags(s, c)
            _apply(s, c, data, db.now())
            _apply_custom(s, c.id, data.custom)
            refresh_search_text(s, [c.id])
    except StaleDataError as exc:
        raise StaleEditError(
            "This customer was changed by someone else while you saved. Nothing was overwritten; "
            "reopen it and apply your changes again."
        ) from exc
    return ChangeSet(customers=frozenset({customer_id}))


def _load_tags(s: Session, c: Customer) -> None:
    from sqlalchemy.orm import selectinload

    s.execute(
        select(Customer).where(Customer.id == c.id).options(selectinload(Customer.tags))
    ).all()


def delete_customers(db: Database, ids: Sequence[int]) -> ChangeSet:
    """Move customers to the trash (they can be restored)."""
    with db.write() as s:
        for c in s.scalars(
            select(Customer).where(Customer.id.in_(ids), Customer.deleted_at.is_(None))
        ):
            c.deleted_at = db.now()
    return ChangeSet(customers=frozenset(ids))


def restore_customers(db: Database, ids: Sequence[int]) -> ChangeSet:
    with db.write() as s:
        for c in s.scalars(
            select(Customer).where(Customer.id.in_(ids), Customer.deleted_at.is_not(None))
        ):
            c.deleted_at = None
    return ChangeSet(customers=frozenset(ids))


def erase_customers(db: Database, ids: Sequence[int]) -> ChangeSet:
    """Delete customers and everything about them for good (a PIPL/GDPR erasure request).

    Only customers already in the trash can be erased. The audit trail keeps that an erasure
    happened, but no longer what the record said.
    """
    with db.write() as s:
        victims = s.scalars(
            select(Customer).where(Customer.id.in_(ids), Customer.deleted_at.is_not(None))
        ).all()
        vids = [c.id for c in victims]
        if len(vids) != len(set(ids)):
            raise ValidationError("Only customers in the trash can be erased permanently.")
        from crmdesk.models import AuditEntry

        s.execute(
            update(AuditEntry)
            .where(AuditEntry.customer_id.in_(vids))
            .values(old_value=None, new_value=None)
        )
        s.execute(
            delete(CustomFieldValue).where(
                CustomFieldValue.entity_id.in_(vids),
                CustomFieldValue.field_id.in_(
                    select(CustomFieldDef.id).where(CustomFieldDef.entity == "customer")
                ),
            )
        )
        for c in victims:
            s.delete(c)
    return ChangeSet(customers=frozenset(ids))


# ---------------------------------------------------------------------------------------------
# Duplicates


def find_duplicates(
    db: Database,
    *,
    name: str | None = None,
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    exclude_id: int | None = None,
    limit: int = 5,
) -> list[DuplicateHit]:
    """Existing customers that look like the one being typed: same company name once legal
    suffixes and a city in brackets are stripped, or a contact with the same phone or email."""
    hits: dict[int, DuplicateHit] = {}
    with db.read() as s:
        live = and_(Customer.deleted_at.is_(None), Customer.id != (exclude_id or -1))
        key = company_key(name) if name else ""
        if len(key) >= 2:
            for cid, code, cname in s.execute(
                select(Customer.id, Customer.code, Customer.name)
                .where(live, Customer.name_key == key)
                .limit(limit)
            ):
                hits.setdefault(cid, DuplicateHit(cid, code, cname, "name", cname))
        phone_keys = [p for p in (normalize_phone(p) for p in phones) if p and len(p) >= 5]
        email_keys = [e for e in (normalize_email(e) for e in emails) if e and is_valid_email(e)]
        conds = []
        if phone_keys:
            conds.append(Contact.phone_key.in_(phone_keys))
        if email_keys:
            conds.append(Contact.email.in_(email_keys))
        if conds:
            stmt = (
                select(
                    Customer.id,
                    Customer.code,
                    Customer.name,
                    Contact.phone_key,
                    Contact.email,
                    Contact.name,
                )
                .join(Contact, Contact.customer_id == Customer.id)
                .where(live, Contact.deleted_at.is_(None), or_(*conds))
                .limit(limit * 2)
            )
            for cid, code, cname, pkey, email, contact_name in s.execute(stmt):
                if pkey in phone_keys:
                    hits.setdefault(
                        cid, DuplicateHit(cid, code, cname, "phone", f"{contact_name} {pkey}")
                    )
                else:
                    hits.setdefault(
                        cid, DuplicateHit(cid, code, cname, "email", f"{contact_name} {email}")
                    )
    return list(hits.values())[:limit]


def suggest_customers(db: Database, prefix: str, limit: int = 8) -> list[tuple[int, str, str]]:
    """Customers whose name matches what is being typed (自动联想): (id, code, name)."""
    if not prefix.strip():
        return []
    with db.read() as s:
        stmt = (
            select(Customer.id, Customer.code, Customer.name)
            .where(Customer.deleted_at.is_(None), customer_match(db.dialect, prefix))
            .order_by(Customer.name)
            .limit(limit)
        )
        return [(i, c, n) for i, c, n in s.execute(stmt)]


def normalise_code(code: str) -> str:
    return re.sub(r"\s+", "", fold(code)).upper()


def reconcile_churn(conn: Connection) -> None:
    """Keep ``customer.churned_at`` in step with the stage after writes that bypass the form
    (imports, their undo): a churned customer without a date is counted as churned at its last
    interaction, or else when its record was last written (never before it was created, which the
    dashboard's customer counts rely on); any other stage has no date.
    Two index range updates (stage, churned_at), so an import of a million rows stays cheap."""
    c = Customer.__table__.c
    conn.execute(
        update(Customer.__table__)
        .where(c.stage == Stage.CHURNED, c.churned_at.is_(None))
        .values(
            churned_at=case(
                (func.coalesce(c.last_interaction_at, c.updated_at) < c.created_at, c.created_at),
                else_=func.coalesce(c.last_interaction_at, c.updated_at),
            )
        )
    )
    conn.execute(
        update(Customer.__table__)
        .where(c.churned_at.is_not(None), c.stage != Stage.CHURNED)
        .values(churned_at=None)
    )
