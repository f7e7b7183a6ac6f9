"""A customer's contacts (联系人)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.errors import NotFoundError, StaleEditError, ValidationError
from crmdesk.models import Contact, Customer
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.customers import refresh_search_text
from crmdesk.services.dto import ContactInput
from crmdesk.services.text import is_valid_email, is_valid_phone, normalize_email, normalize_phone


def validate_contact(data: ContactInput) -> None:
    errors: dict[str, str] = {}
    if not data.name or not data.name.strip():
        errors["name"] = "A contact needs a name."
    if data.email and data.email.strip() and not is_valid_email(data.email.strip()):
        errors["email"] = "This is not an email address (like name@example.com)."
    if data.phone and data.phone.strip() and not is_valid_phone(data.phone):
        errors["phone"] = "This is not a phone number."
    if errors:
        raise ValidationError(next(iter(errors.values())), errors)


def _fill(k: Contact, data: ContactInput) -> None:
    k.name = " ".join(data.name.replace("\u3000", " ").split())
    k.title = (data.title or "").strip() or None
    k.phone = (data.phone or "").strip() or None
    k.phone_key = normalize_phone(k.phone)
    k.email = normalize_email(data.email)
    k.wechat = (data.wechat or "").strip() or None
    k.birthday = data.birthday
    k.is_decision_maker = data.is_decision_maker
    k.is_primary = data.is_primary
    k.notes = (data.notes or "").strip() or None


def new_contact(customer_id: int, data: ContactInput) -> Contact:
    k = Contact(customer_id=customer_id)
    _fill(k, data)
    return k


def _only_primary(s, k: Contact) -> None:
    if k.is_primary:
        s.execute(
            update(Contact)
            .where(
                Contact.customer_id == k.customer_id,
                Contact.id != k.id,
                Contact.is_primary.is_(True),
            )
            .values(is_primary=False)
            .execution_options(synchronize_session=False)
        )


def add_contact(db: Database, customer_id: int, data: ContactInput) -> tuple[int, ChangeSet]:
    validate_contact(data)
    with db.write() as s:
        if s.get(Customer, customer_id) is None:
            raise NotFoundError("This customer no longer exists.")
        k = new_contact(customer_id, data)
        s.add(k)
        s.flush()
        _only_primary(s, k)
        refresh_search_text(s, [customer_id])
        return k.id, ChangeSet(customers=frozenset({customer_id}), contacts=frozenset({k.id}))


def update_contact(db: Database, contact_id: int, version: int, data: ContactInput) -> ChangeSet:
    validate_contact(data)
    try:
        with db.write() as s:
            k = s.get(Contact, contact_id)
            if k is None:
                raise NotFoundError("This contact no longer exists.")
            if k.version != version:
                raise StaleEditError(
                    "{name} was changed by someone else after you opened it; nothing was saved.",
                    name=k.name,
                )
            _fill(k, data)
            s.flush()
            _only_primary(s, k)
            refresh_search_text(s, [k.customer_id])
            cid = k.customer_id
    except StaleDataError as exc:
        raise StaleEditError(
            "This contact was changed by someone else; nothing was saved."
        ) from exc
    return ChangeSet(customers=frozenset({cid}), contacts=frozenset({contact_id}))


def set_contact_deleted(db: Database, contact_id: int, deleted: bool) -> ChangeSet:
    """Delete a contact, or bring a deleted one back (undo)."""
    with db.write() as s:
        k = s.get(Contact, contact_id)
        if k is None:
            raise NotFoundError("This contact no longer exists.")
        k.deleted_at = db.now() if deleted else None
        s.flush()
        refresh_search_text(s, [k.customer_id])
        cid = k.customer_id
    return ChangeSet(customers=frozenset({cid}), contacts=frozenset({contact_id}))


def contact_ids_of(db: Database, customer_id: int) -> list[int]:
    with db.read() as s:
        return list(
            s.scalars(
                select(Contact.id).where(
                    Contact.customer_id == customer_id, Contact.deleted_at.is_(None)
                )
            )
        )
