"""Orders and payments (回款) on a customer, and the revenue figures computed from them.

A customer's lifetime revenue is the sum of its orders that were not cancelled (as the 360°
view's key figures show it). Its annual revenue (``customer.annual_revenue``, what the list
sorts and filters by) is what it paid in the last twelve months; a customer with no payment
recorded at all is measured by its orders of the last twelve months instead, and one with
neither has none. Every change to orders or payments here refreshes that figure.

Import these names from :mod:`crmdesk.services.pipeline`, which re-exports them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import case, exists, func, select, update
from sqlalchemy.orm import Session

from crmdesk.errors import NotFoundError, ValidationError
from crmdesk.models import Customer, Deal, Order, Payment
from crmdesk.services.core import ChangeSet, Database

ORDER_STATUSES = ("open", "delivered", "cancelled")
# Enough ids per UPDATE to stay under every driver's parameter limit.
_CHUNK = 5000


@dataclass(frozen=True)
class OrderInput:
    ordered_on: dt.date
    amount: Decimal
    currency: str = "CNY"
    # open, delivered, cancelled
    status: str = "open"
    # Empty: the next SO<yyyymm>-<id> number.
    number: str | None = None
    deal_id: int | None = None
    notes: str | None = None


@dataclass(frozen=True)
class OrderDetail:
    id: int
    number: str
    customer_id: int
    deal_id: int | None
    ordered_on: dt.date
    amount: Decimal
    currency: str
    status: str
    notes: str | None
    paid: Decimal

    def to_input(self) -> OrderInput:
        return OrderInput(
            self.ordered_on,
            self.amount,
            self.currency,
            self.status,
            self.number,
            self.deal_id,
            self.notes,
        )


@dataclass(frozen=True)
class PaymentInput:
    paid_on: dt.date
    amount: Decimal
    order_id: int | None = None
    method: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class PaymentRow:
    id: int
    customer_id: int
    order_id: int | None
    order_number: str | None
    paid_on: dt.date
    amount: Decimal
    method: str | None
    note: str | None


# ---------------------------------------------------------------------------------------------
# Checks


def money(value: object, field: str = "amount") -> Decimal:
    """A non-negative amount of money, or a ValidationError on ``field``."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            "The amount must be a number.", {field: "This must be a number."}
        ) from None
    if not amount.is_finite():
        raise ValidationError("The amount must be a number.", {field: "This must be a number."})
    if amount < 0:
        raise ValidationError("The amount cannot be negative.", {field: "This cannot be negative."})
    if amount >= Decimal("1e16"):
        raise ValidationError("The amount is too large.", {field: "This number is too large."})
    return amount.quantize(Decimal("0.01"))


def currency_code(value: str | None) -> str:
    code = (value or "").strip().upper()
    if len(code) != 3 or not (code.isascii() and code.isalpha()):
        raise ValidationError(
            "'{value}' is not a three-letter currency code.",
            {"currency": "Use a three-letter code such as CNY."},
            value=value or "",
        )
    return code


def live_customer(s: Session, customer_id: int) -> Customer:
    c = s.get(Customer, customer_id)
    if c is None or c.deleted_at is not None:
        raise NotFoundError("This customer no longer exists.")
    return c


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


# ---------------------------------------------------------------------------------------------
# Orders


def make_order(s: Session, customer_id: int, data: OrderInput) -> Order:
    """Insert an order (numbered SO<yyyymm>-<id> unless it has a number) in session ``s``."""
    number = _clean(data.number)
    if number is not None:
        _check_number_free(s, number, None)
    o = Order(
        # A unique placeholder until the id is known; the real number is made from the id.
        number=number or f"tmp-{uuid.uuid4().hex[:30]}",
        customer_id=customer_id,
        deal_id=data.deal_id,
        ordered_on=data.ordered_on,
        amount=money(data.amount),
        currency=currency_code(data.currency),
        status=data.status,
        notes=_clean(data.notes),
    )
    s.add(o)
    s.flush()
    if number is None:
        o.number = f"SO{data.ordered_on:%Y%m}-{o.id:05d}"
        s.flush()
    return o


def _check_number_free(s: Session, number: str, order_id: int | None) -> None:
    if len(number) > 40:
        raise ValidationError(
            "The number is longer than 40 characters.",
            {"number": "The number is longer than 40 characters."},
        )
    clash = s.scalar(select(Order.id).where(Order.number == number))
    if clash is not None and clash != order_id:
        raise ValidationError(
            "Order number {number} is already taken.",
            {"number": "This number is already taken."},
            number=number,
        )


def _check_order(s: Session, customer_id: int, data: OrderInput) -> None:
    if data.status not in ORDER_STATUSES:
        raise ValidationError(
            "'{value}' is not an order status.",
            {"status": "This is not one of the allowed values."},
            value=data.status,
        )
    if data.ordered_on is None:
        raise ValidationError("An order needs a date.", {"ordered_on": "Required."})
    if data.deal_id is not None:
        deal_customer = s.scalar(select(Deal.customer_id).where(Deal.id == data.deal_id))
        if deal_customer is None:
            raise NotFoundError("This deal no longer exists.")
        if deal_customer != customer_id:
            raise ValidationError(
                "This deal belongs to another customer.",
                {"deal": "This deal belongs to another customer."},
            )


def add_order(db: Database, customer_id: int, data: OrderInput) -> tuple[int, ChangeSet]:
    """Record an order; the customer's annual revenue follows."""
    with db.write() as s:
        live_customer(s, customer_id)
        _check_order(s, customer_id, data)
        o = make_order(s, customer_id, data)
        refresh_revenue(s, [customer_id], db.now().date())
        return o.id, _changes(customer_id, data.deal_id)


def update_order(db: Database, order_id: int, data: OrderInput) -> ChangeSet:
    with db.write() as s:
        o = s.get(Order, order_id)
        if o is None:
            raise NotFoundError("This order no longer exists.")
        _check_order(s, o.customer_id, data)
        number = _clean(data.number) or o.number
        _check_number_free(s, number, o.id)
        old_deal = o.deal_id
        o.number = number
        o.deal_id = data.deal_id
        o.ordered_on = data.ordered_on
        o.amount = money(data.amount)
        o.currency = currency_code(data.currency)
        o.status = data.status
        o.notes = _clean(data.notes)
        s.flush()
        refresh_revenue(s, [o.customer_id], db.now().date())
        changes = _changes(o.customer_id, data.deal_id)
        return changes | _changes(o.customer_id, old_deal)


def delete_order(db: Database, order_id: int) -> ChangeSet:
    """Erase an order and the payments recorded against it (a cancelled order keeps both:
    set its status instead)."""
    with db.write() as s:
        o = s.get(Order, order_id)
        if o is None:
            raise NotFoundError("This order no longer exists.")
        cid, deal_id = o.customer_id, o.deal_id
        s.execute(Payment.__table__.delete().where(Payment.__table__.c.order_id == order_id))
        s.delete(o)
        s.flush()
        refresh_revenue(s, [cid], db.now().date())
        return _changes(cid, deal_id)


def get_order(db: Database, order_id: int) -> OrderDetail:
    with db.read() as s:
        o = s.get(Order, order_id)
        if o is None:
            raise NotFoundError("This order no longer exists.")
        paid = s.scalar(
            select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.order_id == o.id)
        )
        return OrderDetail(
            o.id,
            o.number,
            o.customer_id,
            o.deal_id,
            o.ordered_on,
            Decimal(o.amount),
            o.currency,
            o.status,
            o.notes,
            Decimal(paid or 0),
        )


def _changes(customer_id: int, deal_id: int | None) -> ChangeSet:
    return ChangeSet(
        customers=frozenset({customer_id}),
        deals=frozenset({deal_id}) if deal_id is not None else frozenset(),
    )


# ---------------------------------------------------------------------------------------------
# Payments


def add_payment(db: Database, customer_id: int, data: PaymentInput) -> tuple[int, ChangeSet]:
    """Record a payment received (回款), against one of the customer's orders or none."""
    if data.paid_on is None:
        raise ValidationError("A payment needs a date.", {"paid_on": "Required."})
    amount = money(data.amount)
    if amount == 0:
        raise ValidationError(
            "A payment of nothing is not a payment.", {"amount": "This must be more than 0."}
        )
    with db.write() as s:
        live_customer(s, customer_id)
        deal_id = None
        if data.order_id is not None:
            o = s.get(Order, data.order_id)
            if o is None:
                raise NotFoundError("This order no longer exists.")
            if o.customer_id != customer_id:
                raise ValidationError(
                    "This order belongs to another customer.",
                    {"order": "This order belongs to another customer."},
                )
            deal_id = o.deal_id
        p = Payment(
            order_id=data.order_id,
            customer_id=customer_id,
            paid_on=data.paid_on,
            amount=amount,
            method=(_clean(data.method) or "")[:40] or None,
            note=_clean(data.note),
        )
        s.add(p)
        s.flush()
        refresh_revenue(s, [customer_id], db.now().date())
        return p.id, _changes(customer_id, deal_id)


def delete_payment(db: Database, payment_id: int) -> ChangeSet:
    with db.write() as s:
        p = s.get(Payment, payment_id)
        if p is None:
            raise NotFoundError("This payment no longer exists.")
        cid = p.customer_id
        s.delete(p)
        s.flush()
        refresh_revenue(s, [cid], db.now().date())
        return ChangeSet(customers=frozenset({cid}))


def list_payments(db: Database, customer_id: int, limit: int = 500) -> list[PaymentRow]:
    """The customer's payments, newest first."""
    with db.read() as s:
        stmt = (
            select(Payment, Order.number)
            .outerjoin(Order, Order.id == Payment.order_id)
            .where(Payment.customer_id == customer_id)
            .order_by(Payment.paid_on.desc(), Payment.id.desc())
            .limit(limit)
        )
        return [
            PaymentRow(
                p.id,
                p.customer_id,
                p.order_id,
                number,
                p.paid_on,
                Decimal(p.amount),
                p.method,
                p.note,
            )
            for p, number in s.execute(stmt)
        ]


# ---------------------------------------------------------------------------------------------
# Revenue


def year_before(today: dt.date) -> dt.date:
    """The first day of the twelve months that end today (29 February → 1 March)."""
    try:
        return today.replace(year=today.year - 1) + dt.timedelta(days=1)
    except ValueError:
        return dt.date(today.year - 1, 3, 1)


def customer_revenue(
    db: Database, customer_id: int, today: dt.date | None = None
) -> tuple[Decimal, Decimal]:
    """(lifetime revenue, revenue of the last twelve months) as described at the top."""
    today = today or db.now().date()
    with db.read() as s:
        lifetime = s.scalar(
            select(func.coalesce(func.sum(Order.amount), 0)).where(
                Order.customer_id == customer_id, Order.status != "cancelled"
            )
        )
        year = s.scalar(
            select(_annual_expr(year_before(today), today, Customer.id)).where(
                Customer.id == customer_id
            )
        )
    return Decimal(lifetime or 0), Decimal(year or 0)


def _annual_expr(start: dt.date, today: dt.date, customer_id):  # noqa: ANN001, ANN202
    """Correlated SQL for one customer's annual revenue (NULL without orders or payments)."""
    paid = (
        select(func.coalesce(func.sum(Payment.amount), 0))
        .where(
            Payment.customer_id == customer_id,
            Payment.paid_on >= start,
            Payment.paid_on <= today,
        )
        .scalar_subquery()
    )
    ordered = (
        select(func.coalesce(func.sum(Order.amount), 0))
        .where(
            Order.customer_id == customer_id,
            Order.status != "cancelled",
            Order.ordered_on >= start,
            Order.ordered_on <= today,
        )
        .scalar_subquery()
    )
    has_payments = exists().where(Payment.customer_id == customer_id)
    has_orders = exists().where(Order.customer_id == customer_id)
    return case((has_payments, paid), (has_orders, ordered), else_=None)


def refresh_revenue(s: Session, customer_ids: Iterable[int] | None, today: dt.date) -> int:
    """Set ``annual_revenue`` of these customers (all when None) in session ``s``: one UPDATE
    per few thousand customers. Only changed figures are written (and their version bumped, so
    an edit opened before is told it is stale). Returns how many changed."""
    start = year_before(today)
    table = Customer.__table__
    new_value = _annual_expr(start, today, table.c.id)
    base = (
        update(table)
        .where(table.c.annual_revenue.is_distinct_from(new_value))
        .values(annual_revenue=new_value, version=table.c.version + 1)
        .execution_options(synchronize_session=False)
    )
    if customer_ids is None:
        return s.execute(base).rowcount or 0
    ids = sorted(set(customer_ids))
    changed = 0
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        changed += s.execute(base.where(table.c.id.in_(chunk))).rowcount or 0
    # Customers loaded in this session must not keep (and later write back) the old figure.
    for obj in list(s.identity_map.values()):
        if isinstance(obj, Customer) and (customer_ids is None or obj.id in ids):
            s.expire(obj, ["annual_revenue", "version"])
    return changed


def refresh_customer_revenue(
    db: Database, customer_ids: Iterable[int] | None = None, today: dt.date | None = None
) -> ChangeSet:
    """Recompute ``annual_revenue`` of these customers (all of them when None) from their
    payments and orders. The demo data and imports call it after loading orders."""
    ids = None if customer_ids is None else sorted(set(customer_ids))
    with db.write() as s:
        changed = refresh_revenue(s, ids, today or db.now().date())
    if ids is None:
        return ChangeSet(everything=changed > 0)
    return ChangeSet(customers=frozenset(ids)) if changed else ChangeSet()


__all__ = [
    "ORDER_STATUSES",
    "OrderDetail",
    "OrderInput",
    "PaymentInput",
    "PaymentRow",
    "add_order",
    "add_payment",
    "customer_revenue",
    "delete_order",
    "delete_payment",
    "get_order",
    "list_payments",
    "refresh_customer_revenue",
    "update_order",
]
