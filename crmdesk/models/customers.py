"""Customers, their contacts, tags and custom fields."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.models.base import (
    Base,
    Channel,
    CustomerKind,
    CustomFieldType,
    MonthDay,
    Segment,
    Stage,
    Tier,
    Timestamped,
    str_enum,
)
from crmdesk.models.people import User

customer_tag = Table(
    "customer_tag",
    Base.metadata,
    Column("customer_id", ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Customer(Timestamped, Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[CustomerKind] = mapped_column(str_enum(CustomerKind), default=CustomerKind.COMPANY)
    name: Mapped[str] = mapped_column(String(200))
    # The company name stripped of legal suffixes and a leading city, for duplicate detection.
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    industry: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    website: Mapped[str | None] = mapped_column(String(300))
    channel: Mapped[Channel | None] = mapped_column(str_enum(Channel))
    usage_scenario: Mapped[str | None] = mapped_column(Text)
    pain_points: Mapped[str | None] = mapped_column(Text)
    segment: Mapped[Segment | None] = mapped_column(str_enum(Segment))
    tier: Mapped[Tier | None] = mapped_column(str_enum(Tier, 2))
    stage: Mapped[Stage] = mapped_column(str_enum(Stage), default=Stage.PROSPECT)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    annual_revenue: Mapped[Decimal | None]
    notes: Mapped[str | None] = mapped_column(Text)
    last_interaction_at: Mapped[dt.datetime | None]
    # Released to the public pool (公海) at this moment; empty while someone owns it.
    pool_since: Mapped[dt.datetime | None]
    # When the customer's stage became "churned" (流失); empty while it is any other stage.
    # Kept by the stage's set event below and by imports; what the dashboard's churn counts.
    churned_at: Mapped[dt.datetime | None]
    deleted_at: Mapped[dt.datetime | None]
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL")
    )
    # Lower-cased name, contacts, phones, emails and tags, CJK characters spaced apart so a
    # two-character Chinese name is a three-character trigram query (see services/search.py).
    search_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    owner: Mapped[User | None] = relationship(lazy="raise")
    # passive_deletes: erasing a customer leaves its contacts to ON DELETE CASCADE instead of
    # the ORM setting contact.customer_id to NULL (which the NOT NULL column refuses).
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="customer", lazy="raise", order_by="Contact.id", passive_deletes=True
    )
    tags: Mapped[list[Tag]] = relationship(secondary=customer_tag, lazy="raise")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # Every sortable list column has an index led by soft-delete state, so a page of the
        # list is an index range scan, never a sort of the whole table.
        Index("ix_customer_live_name", "deleted_at", "name", "id"),
        Index("ix_customer_live_code", "deleted_at", "code"),
        Index("ix_customer_live_city", "deleted_at", "city", "id"),
        Index("ix_customer_live_tier", "deleted_at", "tier", "id"),
        Index("ix_customer_live_stage", "deleted_at", "stage", "id"),
        Index("ix_customer_live_owner", "deleted_at", "owner_id", "id"),
        Index("ix_customer_live_channel", "deleted_at", "channel", "id"),
        Index("ix_customer_live_revenue", "deleted_at", "annual_revenue", "id"),
        Index("ix_customer_live_last", "deleted_at", "last_interaction_at", "id"),
        Index("ix_customer_live_created", "deleted_at", "created_at", "id"),
        Index("ix_customer_live_industry", "deleted_at", "industry", "id"),
        Index("ix_customer_live_pool", "deleted_at", "pool_since", "id"),
        Index("ix_customer_live_churned", "deleted_at", "churned_at"),
        # The dashboard's counts read these alone (covering): customers by tier and by stage
        # up to a moment, and the period's new customers by channel.
        Index("ix_customer_live_tier_created", "deleted_at", "tier", "created_at"),
        Index("ix_customer_live_stage_created", "deleted_at", "stage", "created_at"),
        # Not the owner: an owner change (a release to the pool, a reassignment of thousands)
        # would rewrite an entry at a random place of this index for every customer.
        Index("ix_customer_live_created_cover", "deleted_at", "created_at", "channel"),
    )


class Contact(Timestamped, Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    # Digits only, without +86/0086, for duplicate detection.
    phone_key: Mapped[str | None] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    wechat: Mapped[str | None] = mapped_column(String(100))
    birthday: Mapped[dt.date | None]
    is_decision_maker: Mapped[bool] = mapped_column(default=False)
    is_primary: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    customer: Mapped[Customer] = relationship(back_populates="contacts", lazy="raise")

    __mapper_args__ = {"version_id_col": version}


# The birthdays of a week (My Day, the care rules): an index range on month and day.
Index(
    "ix_contact_birth_month_day",
    MonthDay(Contact.__table__.c.birthday),
    Contact.__table__.c.customer_id,
)


class Tag(Base):
    __tablename__ = "tag"
    __table_args__ = (UniqueConstraint("group", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    group: Mapped[str] = mapped_column(String(60), default="")
    color: Mapped[str] = mapped_column(String(9), default="#607d8b")


class CustomFieldDef(Base):
    __tablename__ = "custom_field_def"
    __table_args__ = (UniqueConstraint("entity", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(30), default="customer")
    key: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(100))
    type: Mapped[CustomFieldType] = mapped_column(
        str_enum(CustomFieldType), default=CustomFieldType.TEXT
    )
    # Choices for a CHOICE field, one per line.
    choices: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class CustomFieldValue(Base):
    __tablename__ = "custom_field_value"
    __table_args__ = (UniqueConstraint("field_id", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("custom_field_def.id", ondelete="CASCADE"))
    entity_id: Mapped[int] = mapped_column(index=True)
    value_text: Mapped[str | None] = mapped_column(Text)
    value_number: Mapped[Decimal | None] = mapped_column()
    value_date: Mapped[dt.date | None]
