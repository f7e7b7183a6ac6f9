"""The sales pipeline (销售流程): stages, deals and their moves, quotes and contracts, orders
and payments (回款), and the revenue figures computed from them.

The stages live in the ``deal_stage`` table (the built-in keys are the DealStage values:
lead 线索 → contact 初次沟通 → proposal 方案报价 → negotiation 商务谈判 → won 签约成交 / lost
输单). Exactly one stage is 'won' and one is 'lost'; every other stage is open. A deal moves
freely between open stages, is won or lost from an open stage, and is reopened from won or lost
back to an open stage; every move is in the deal's audit trail.

A deal's probability follows its stage (the stage's default) unless somebody set another one:
it is stored on the deal, so a weighted total is amount × the deal's probability. Moving a
deal that still had its old stage's probability gives it the new stage's; changing a stage's
default probability carries the deals that had the old default along.

The board and list queries live in ``pipeline_board`` and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.errors import CrmError, NotFoundError, StaleEditError, ValidationError
from crmdesk.models import Customer, Deal, DealDocument, Order, Payment, Stage, User
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.dto import OrderRow
from crmdesk.services.pipeline_board import (
    BUILT_IN_KEYS,
    DEFAULT_STAGES,
    LOST,
    OPEN,
    OUTCOMES,
    SORT_KEYS,
    WON,
    DealCard,
    PipelineBoard,
    PipelineQuery,
    StageRow,
    count_deals,
    latest_change,
    list_deal_rows,
    list_stages,
    load_pipeline,
    save_stages,
    stage_defs,
    weighted_of,
)
from crmdesk.services.sales import (
    ORDER_STATUSES,
    OrderDetail,
    OrderInput,
    PaymentInput,
    PaymentRow,
    add_order,
    add_payment,
    currency_code,
    customer_revenue,
    delete_order,
    delete_payment,
    get_order,
    list_payments,
    live_customer,
    make_order,
    money,
    refresh_customer_revenue,
    refresh_revenue,
    update_order,
)

__all__ = [
    "latest_change",
    "BUILT_IN_KEYS",
    "DEFAULT_STAGES",
    "DOCUMENT_KINDS",
    "DOCUMENT_STATUSES",
    "LOST",
    "OPEN",
    "ORDER_STATUSES",
    "OUTCOMES",
    "SORT_KEYS",
    "WON",
    "DealCard",
    "DealDetail",
    "DealInput",
    "DocumentInput",
    "DocumentRow",
    "OrderDetail",
    "OrderInput",
    "PaymentInput",
    "PaymentRow",
    "PipelineBoard",
    "PipelineQuery",
    "StageRow",
    "add_document",
    "add_order",
    "add_payment",
    "count_deals",
    "create_deal",
    "customer_revenue",
    "delete_deal",
    "delete_document",
    "delete_order",
    "delete_payment",
    "get_deal",
    "get_order",
    "list_deal_rows",
    "list_payments",
    "list_stages",
    "load_pipeline",
    "move_deal",
    "refresh_customer_revenue",
    "save_stages",
    "update_deal",
    "update_document",
    "update_order",
    "weighted_of",
]

TITLE_MAX = 200
REASON_MAX = 300
DOCUMENT_KINDS = ("quote", "contract")
DOCUMENT_STATUSES = ("draft", "sent", "accepted", "rejected", "signed", "expired", "cancelled")


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class DealInput:
    customer_id: int
    title: str
    amount: Decimal = Decimal(0)
    currency: str = "CNY"
    # A stage key. A new deal starts in an open stage; update_deal moves it like move_deal
    # (so a lost stage there is refused for want of a reason: use move_deal).
    stage: str = "lead"
    # None: the stage's default probability.
    probability: int | None = None
    expected_close: dt.date | None = None
    # None on create: the signed-in user.
    owner_id: int | None = None


@dataclass(frozen=True)
class DocumentInput:
    # quote, contract
    kind: str
    number: str
    amount: Decimal = Decimal(0)
    currency: str = "CNY"
    issued_on: dt.date | None = None
    # A quote's validity.
    valid_until: dt.date | None = None
    # A contract's term.
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    signed_on: dt.date | None = None
    # draft, sent, accepted, rejected, signed, expired, cancelled
    status: str = "draft"
    notes: str | None = None


@dataclass(frozen=True)
class DocumentRow:
    id: int
    deal_id: int
    customer_id: int
    kind: str
    number: str
    amount: Decimal
    currency: str
    issued_on: dt.date | None
    valid_until: dt.date | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    signed_on: dt.date | None
    status: str
    notes: str | None
    version: int

    def to_input(self) -> DocumentInput:
        return DocumentInput(
            self.kind,
            self.number,
            self.amount,
            self.currency,
            self.issued_on,
            self.valid_until,
            self.starts_on,
            self.ends_on,
            self.signed_on,
            self.status,
            self.notes,
        )


@dataclass(frozen=True)
class DealDetail:
    id: int
    customer_id: int
    customer_name: str
    title: str
    stage: str
    stage_name: str
    # open, won, lost (the stage's)
    outcome: str
    amount: Decimal
    currency: str
    probability: int
    # The stage's default: the dialog shows the probability as "the stage's" when equal.
    stage_probability: int
    weighted: Decimal
    expected_close: dt.date | None
    owner_id: int | None
    owner_name: str | None
    lost_reason: str | None
    closed_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    # Live quotes and contracts, newest first.
    documents: list[DocumentRow]
    # Orders made from this deal, newest first.
    orders: list[OrderRow]

    def to_input(self) -> DealInput:
        """The editable fields, for update_deal (probability None when it is the stage's)."""
        return DealInput(
            customer_id=self.customer_id,
            title=self.title,
            amount=self.amount,
            currency=self.currency,
            stage=self.stage,
            probability=None if self.probability == self.stage_probability else self.probability,
            expected_close=self.expected_close,
            owner_id=self.owner_id,
        )


# ---------------------------------------------------------------------------------------------
# Deals


def _stage_map(s: Session) -> dict[str, StageRow]:
    return {r.key: r for r in stage_defs(s)}


def _stage_of(stages: dict[str, StageRow], key: str) -> StageRow:
    row = stages.get(key)
    if row is None:
        raise ValidationError(
            "'{value}' is not a stage of the pipeline.",
            {"stage": "This is not one of the allowed values."},
            value=key,
        )
    return row


def _validate_deal(data: DealInput) -> tuple[str, Decimal, str]:
    title = (data.title or "").strip()
    if not title:
        raise ValidationError("A deal needs a title.", {"title": "Required."})
    if len(title) > TITLE_MAX:
        raise ValidationError(
            "The title is longer than 200 characters.",
            {"title": "The title is longer than 200 characters."},
        )
    if data.probability is not None and not 0 <= data.probability <= 100:
        raise ValidationError(
            "The probability must be between 0 and 100 %.", {"probability": "Between 0 and 100."}
        )
    return title, money(data.amount), currency_code(data.currency)


def _check_owner(s: Session, owner_id: int | None) -> None:
    if owner_id is not None and s.get(User, owner_id) is None:
        raise NotFoundError("This user no longer exists.")


def _load_deal(s: Session, deal_id: int) -> Deal:
    d = s.get(Deal, deal_id)
    if d is None or d.deleted_at is not None:
        raise NotFoundError("This deal no longer exists.")
    return d


def _check_version(d: Deal, version: int | None) -> None:
    if version is not None and d.version != version:
        raise StaleEditError(
            "The deal {title} was changed by someone else after you opened it. Nothing was "
            "saved; look at it again and retry.",
            title=d.title,
        )


def _stale_while_saving() -> StaleEditError:
    return StaleEditError(
        "This deal was changed by someone else while you saved. Nothing was overwritten; "
        "reopen it and try again."
    )


def create_deal(db: Database, data: DealInput) -> tuple[int, ChangeSet]:
    """Open a deal in one of the active open stages."""
    title, amount, currency = _validate_deal(data)
    with db.write() as s:
        live_customer(s, data.customer_id)
        stages = _stage_map(s)
        stage = _stage_of(stages, data.stage)
        if stage.outcome != OPEN or not stage.active:
            raise ValidationError(
                "A new deal starts in an active open stage; win or lose it afterwards.",
                {"stage": "Choose an open stage."},
            )
        owner_id = data.owner_id if data.owner_id is not None else (db.user.id if db.user else None)
        _check_owner(s, owner_id)
        d = Deal(
            customer_id=data.customer_id,
            title=title,
            stage=stage.key,
            amount=amount,
            currency=currency,
            probability=stage.probability if data.probability is None else data.probability,
            expected_close=data.expected_close,
            owner_id=owner_id,
        )
        s.add(d)
        s.flush()
        return d.id, ChangeSet(customers=frozenset({d.customer_id}), deals=frozenset({d.id}))


def update_deal(db: Database, deal_id: int, data: DealInput, version: int) -> ChangeSet:
    """Save an edit made on ``version``. A new stage is a move (see move_deal); a probability
    of None follows the (new) stage; moving the deal to another customer takes its quotes and
    contracts along (its orders stay with the customer who ordered)."""
    title, amount, currency = _validate_deal(data)
    try:
        with db.write() as s:
            d = _load_deal(s, deal_id)
            _check_version(d, version)
            stages = _stage_map(s)
            target = _stage_of(stages, data.stage)
            old_customer = d.customer_id
            if data.customer_id != d.customer_id:
                live_customer(s, data.customer_id)
                s.execute(
                    update(DealDocument.__table__)
                    .where(DealDocument.__table__.c.deal_id == d.id)
                    .values(customer_id=data.customer_id)
                )
                d.customer_id = data.customer_id
            _check_owner(s, data.owner_id)
            d.title = title
            d.amount = amount
            d.currency = currency
            d.expected_close = data.expected_close
            d.owner_id = data.owner_id
            changes = ChangeSet(
                customers=frozenset({old_customer, d.customer_id}), deals=frozenset({d.id})
            )
            if target.key != d.stage:
                changes |= _apply_move(s, db, d, target, stages, None, False)
            if data.probability is not None:
                d.probability = data.probability
            elif target.outcome == OPEN:
                d.probability = target.probability
            s.flush()
            return changes
    except StaleDataError as exc:
        raise _stale_while_saving() from exc


def _apply_move(
    s: Session,
    db: Database,
    d: Deal,
    target: StageRow,
    stages: dict[str, StageRow],
    lost_reason: str | None,
    create_order: bool,
) -> ChangeSet:
    source = stages.get(d.stage) or StageRow(d.stage, d.stage, 0, d.probability, OPEN)
    if not target.active:
        raise CrmError(
            "The stage {name} is no longer in use; move the deal to another stage.",
            name=target.name,
        )
    if source.outcome != OPEN and target.outcome != OPEN:
        raise CrmError(
            "The deal {title} is already closed; reopen it in an open stage first.",
            title=d.title,
        )
    now = db.now()
    changes = ChangeSet(customers=frozenset({d.customer_id}), deals=frozenset({d.id}))
    reason = (lost_reason or "").strip()
    if target.outcome == LOST:
        if not reason:
            raise ValidationError("Say why the deal was lost.", {"lost_reason": "Required."})
        d.lost_reason = reason[:REASON_MAX]
        d.closed_at = now
        d.probability = target.probability
    elif target.outcome == WON:
        d.lost_reason = None
        d.closed_at = now
        d.probability = target.probability
        customer = s.get(Customer, d.customer_id)
        if customer is not None and customer.stage == Stage.PROSPECT:
            # The customer's first deal won: a prospect becomes a new customer.
            customer.stage = Stage.NEW
        if create_order:
            today = now.date()
            make_order(
                s,
                d.customer_id,
                OrderInput(today, Decimal(d.amount), d.currency, "open", None, d.id),
            )
            s.flush()
            refresh_revenue(s, [d.customer_id], today)
    else:
        if source.outcome != OPEN or d.probability == source.probability:
            d.probability = target.probability
        d.lost_reason = None
        d.closed_at = None
    d.stage = target.key
    return changes


def move_deal(
    db: Database,
    deal_id: int,
    to_stage: str,
    *,
    version: int | None = None,
    lost_reason: str | None = None,
    create_order: bool = False,
) -> ChangeSet:
    """Move a deal to ``to_stage``: between open stages, to won or lost from an open stage, or
    back from won or lost to an open stage (a reopen). Lost needs ``lost_reason``; won with
    ``create_order`` records an order of the deal's amount dated today; a prospect whose deal
    is won becomes a new customer. A refused move raises CrmError saying why."""
    try:
        with db.write() as s:
            d = _load_deal(s, deal_id)
            _check_version(d, version)
            stages = _stage_map(s)
            target = _stage_of(stages, to_stage)
            if target.key == d.stage:
                return ChangeSet()
            changes = _apply_move(s, db, d, target, stages, lost_reason, create_order)
            s.flush()
            return changes
    except StaleDataError as exc:
        raise _stale_while_saving() from exc


def delete_deal(db: Database, deal_id: int, deleted: bool = True) -> ChangeSet:
    """Move a deal to the trash (or back); its orders stay with the customer."""
    with db.write() as s:
        d = s.get(Deal, deal_id)
        if d is None:
            raise NotFoundError("This deal no longer exists.")
        d.deleted_at = db.now() if deleted else None
        s.flush()
        return ChangeSet(customers=frozenset({d.customer_id}), deals=frozenset({d.id}))


def _document_row(x: DealDocument) -> DocumentRow:
    return DocumentRow(
        x.id,
        x.deal_id,
        x.customer_id,
        x.kind,
        x.number,
        Decimal(x.amount),
        x.currency,
        x.issued_on,
        x.valid_until,
        x.starts_on,
        x.ends_on,
        x.signed_on,
        x.status,
        x.notes,
        x.version,
    )


def get_deal(db: Database, deal_id: int) -> DealDetail:
    """A deal with its stage, names, quotes and contracts, and the orders made from it."""
    with db.read() as s:
        d = _load_deal(s, deal_id)
        stages = _stage_map(s)
        stage = stages.get(d.stage) or StageRow(d.stage, d.stage, 0, d.probability, OPEN)
        customer_name = s.scalar(select(Customer.name).where(Customer.id == d.customer_id))
        owner_name = (
            s.scalar(select(User.display_name).where(User.id == d.owner_id)) if d.owner_id else None
        )
        documents = [
            _document_row(x)
            for x in s.scalars(
                select(DealDocument)
                .where(DealDocument.deal_id == d.id, DealDocument.deleted_at.is_(None))
                .order_by(DealDocument.issued_on.desc(), DealDocument.id.desc())
            )
        ]
        paid = (
            select(Payment.order_id, func.sum(Payment.amount).label("paid"))
            .where(Payment.order_id.in_(select(Order.id).where(Order.deal_id == d.id)))
            .group_by(Payment.order_id)
            .subquery()
        )
        orders = [
            OrderRow(o.id, o.number, o.ordered_on, o.amount, o.currency, o.status, Decimal(p))
            for o, p in s.execute(
                select(Order, func.coalesce(paid.c.paid, 0))
                .outerjoin(paid, paid.c.order_id == Order.id)
                .where(Order.deal_id == d.id)
                .order_by(Order.ordered_on.desc(), Order.id.desc())
            )
        ]
        amount = Decimal(d.amount)
        return DealDetail(
            id=d.id,
            customer_id=d.customer_id,
            customer_name=customer_name or "",
            title=d.title,
            stage=d.stage,
            stage_name=stage.name,
            outcome=stage.outcome,
            amount=amount,
            currency=d.currency,
            probability=d.probability,
            stage_probability=stage.probability,
            weighted=weighted_of(amount, d.probability),
            expected_close=d.expected_close,
            owner_id=d.owner_id,
            owner_name=owner_name,
            lost_reason=d.lost_reason,
            closed_at=d.closed_at,
            created_at=d.created_at,
            updated_at=d.updated_at,
            version=d.version,
            documents=documents,
            orders=orders,
        )


# ---------------------------------------------------------------------------------------------
# Quotes and contracts


def _validate_document(data: DocumentInput) -> tuple[str, Decimal, str]:
    if data.kind not in DOCUMENT_KINDS:
        raise ValidationError(
            "'{value}' is not a kind of deal document.",
            {"kind": "This is not one of the allowed values."},
            value=data.kind,
        )
    if data.status not in DOCUMENT_STATUSES:
        raise ValidationError(
            "'{value}' is not a document status.",
            {"status": "This is not one of the allowed values."},
            value=data.status,
        )
    number = (data.number or "").strip()
    if not number:
        raise ValidationError("A quote or contract needs a number.", {"number": "Required."})
    if len(number) > 40:
        raise ValidationError(
            "The number is longer than 40 characters.",
            {"number": "The number is longer than 40 characters."},
        )
    if data.issued_on and data.valid_until and data.valid_until < data.issued_on:
        raise ValidationError(
            "A quote cannot expire before it was issued.",
            {"valid_until": "This is before the issue date."},
        )
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise ValidationError(
            "A contract cannot end before it starts.", {"ends_on": "This is before the start."}
        )
    return number, money(data.amount), currency_code(data.currency)


def _fill_document(
    x: DealDocument, data: DocumentInput, number: str, amount: Decimal, currency: str
) -> None:
    x.kind = data.kind
    x.number = number
    x.amount = amount
    x.currency = currency
    x.issued_on = data.issued_on
    x.valid_until = data.valid_until
    x.starts_on = data.starts_on
    x.ends_on = data.ends_on
    x.signed_on = data.signed_on
    x.status = data.status
    x.notes = (data.notes or "").strip() or None


def add_document(db: Database, deal_id: int, data: DocumentInput) -> tuple[int, ChangeSet]:
    """Add a quote or contract to a deal."""
    number, amount, currency = _validate_document(data)
    with db.write() as s:
        d = _load_deal(s, deal_id)
        x = DealDocument(deal_id=d.id, customer_id=d.customer_id)
        _fill_document(x, data, number, amount, currency)
        s.add(x)
        s.flush()
        return x.id, ChangeSet(customers=frozenset({d.customer_id}), deals=frozenset({d.id}))


def update_document(db: Database, document_id: int, data: DocumentInput, version: int) -> ChangeSet:
    number, amount, currency = _validate_document(data)
    try:
        with db.write() as s:
            x = s.get(DealDocument, document_id)
            if x is None or x.deleted_at is not None:
                raise NotFoundError("This quote or contract no longer exists.")
            if x.version != version:
                raise StaleEditError(
                    "{number} was changed by someone else after you opened it. Nothing was "
                    "saved; look at it again and retry.",
                    number=x.number,
                )
            _fill_document(x, data, number, amount, currency)
            s.flush()
            return ChangeSet(customers=frozenset({x.customer_id}), deals=frozenset({x.deal_id}))
    except StaleDataError as exc:
        raise _stale_while_saving() from exc


def delete_document(db: Database, document_id: int) -> ChangeSet:
    with db.write() as s:
        x = s.get(DealDocument, document_id)
        if x is None or x.deleted_at is not None:
            raise NotFoundError("This quote or contract no longer exists.")
        x.deleted_at = db.now()
        s.flush()
        return ChangeSet(customers=frozenset({x.customer_id}), deals=frozenset({x.deal_id}))
