"""Plain, frozen data that services hand to views (never ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class CustomerQuery:
    """What the customer list shows: a search, quick filters and a sort."""

    text: str = ""
    tier: str | None = None
    stage: str | None = None
    tag_id: int | None = None
    owner_id: int | None = None
    channel: str | None = None
    trash: bool = False
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    kind: str
    industry: str | None
    city: str | None
    tier: str | None
    stage: str
    segment: str | None
    channel: str | None
    owner_id: int | None
    owner_name: str | None
    annual_revenue: Decimal | None
    last_interaction_at: dt.datetime | None
    created_at: dt.datetime
    deleted_at: dt.datetime | None
    tags: tuple[str, ...] = ()
    contact_name: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class CountResult:
    count: int
    exact: bool


@dataclass(frozen=True)
class TagRef:
    id: int
    name: str
    group: str
    color: str


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    team_name: str | None
    active: bool


@dataclass(frozen=True)
class ContactInput:
    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    wechat: str | None = None
    birthday: dt.date | None = None
    is_decision_maker: bool = False
    is_primary: bool = False
    notes: str | None = None


@dataclass(frozen=True)
class ContactRow:
    id: int
    customer_id: int
    name: str
    title: str | None
    phone: str | None
    email: str | None
    wechat: str | None
    birthday: dt.date | None
    is_decision_maker: bool
    is_primary: bool
    notes: str | None
    version: int

    def to_input(self) -> ContactInput:
        return ContactInput(
            self.name,
            self.title,
            self.phone,
            self.email,
            self.wechat,
            self.birthday,
            self.is_decision_maker,
            self.is_primary,
            self.notes,
        )


@dataclass(frozen=True)
class CustomerInput:
    name: str
    kind: str = "company"
    code: str | None = None
    industry: str | None = None
    region: str | None = None
    city: str | None = None
    address: str | None = None
    website: str | None = None
    channel: str | None = None
    usage_scenario: str | None = None
    pain_points: str | None = None
    segment: str | None = None
    tier: str | None = None
    stage: str = "prospect"
    owner_id: int | None = None
    annual_revenue: Decimal | None = None
    notes: str | None = None
    tag_ids: tuple[int, ...] = ()
    custom: tuple[tuple[int, str | None], ...] = ()


@dataclass(frozen=True)
class KeyFigures:
    lifetime_revenue: Decimal
    paid_total: Decimal
    open_deals: int
    open_deal_amount: Decimal
    open_tickets: int
    interactions: int
    last_interaction_at: dt.datetime | None
    next_task_title: str | None
    next_task_due: dt.datetime | None
    last_order_on: dt.date | None


@dataclass(frozen=True)
class CustomFieldRow:
    id: int
    key: str
    label: str
    type: str
    choices: tuple[str, ...]
    value: str | None


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    code: str
    name: str
    kind: str
    industry: str | None
    region: str | None
    city: str | None
    address: str | None
    website: str | None
    channel: str | None
    usage_scenario: str | None
    pain_points: str | None
    segment: str | None
    tier: str | None
    stage: str
    owner_id: int | None
    owner_name: str | None
    annual_revenue: Decimal | None
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    last_interaction_at: dt.datetime | None
    deleted_at: dt.datetime | None
    version: int
    tags: tuple[TagRef, ...]
    contacts: tuple[ContactRow, ...]
    figures: KeyFigures
    custom_fields: tuple[CustomFieldRow, ...] = field(default=())

    def to_input(self) -> CustomerInput:
        return CustomerInput(
            name=self.name,
            kind=self.kind,
            code=self.code,
            industry=self.industry,
            region=self.region,
            city=self.city,
            address=self.address,
            website=self.website,
            channel=self.channel,
            usage_scenario=self.usage_scenario,
            pain_points=self.pain_points,
            segment=self.segment,
            tier=self.tier,
            stage=self.stage,
            owner_id=self.owner_id,
            annual_revenue=self.annual_revenue,
            notes=self.notes,
            tag_ids=tuple(t.id for t in self.tags),
            custom=tuple((f.id, f.value) for f in self.custom_fields),
        )


@dataclass(frozen=True)
class DuplicateHit:
    id: int
    code: str
    name: str
    # name, phone or email: what matched
    reason: str
    detail: str


@dataclass(frozen=True)
class InteractionInput:
    kind: str
    summary: str
    occurred_at: dt.datetime | None = None
    content: str | None = None
    important: bool = False
    contact_id: int | None = None


@dataclass(frozen=True)
class InteractionRow:
    id: int
    customer_id: int
    kind: str
    occurred_at: dt.datetime
    author: str | None
    contact_name: str | None
    summary: str
    content: str | None
    important: bool


@dataclass(frozen=True)
class TaskRow:
    id: int
    customer_id: int | None
    title: str
    kind: str
    due_at: dt.datetime | None
    assignee_name: str | None
    done_at: dt.datetime | None
    notes: str | None


@dataclass(frozen=True)
class DealRow:
    id: int
    title: str
    stage: str
    amount: Decimal
    currency: str
    probability: int
    expected_close: dt.date | None
    owner_name: str | None
    # Filled on lists across customers (the Pipeline screen).
    customer_id: int | None = None
    customer_name: str | None = None


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    ordered_on: dt.date
    amount: Decimal
    currency: str
    status: str
    paid: Decimal


@dataclass(frozen=True)
class TicketRow:
    id: int
    number: str
    title: str
    category: str
    priority: str
    status: str
    assignee_name: str | None
    created_at: dt.datetime
    due_at: dt.datetime | None
    breached: bool
    # Filled on lists across customers (the Tickets screen).
    customer_id: int | None = None
    customer_name: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    user_name: str | None
    entity: str
    entity_id: int
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
