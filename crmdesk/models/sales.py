"""Deals in the pipeline, orders and payments (回款)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.base import Base, MonthDay, Timestamped


class DealStageDef(Base):
    """One stage of the office's pipeline (销售流程). The defaults are the DealStage values;
    an office can rename them, change their probability and order, and add open stages."""

    __tablename__ = "deal_stage"

    key: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    position: Mapped[int]
    probability: Mapped[int]
    # open, won, lost
    outcome: Mapped[str] = mapped_column(String(10), default="open")
    active: Mapped[bool] = mapped_column(default=True)


class Deal(Timestamped, Base):
    __tablename__ = "deal"
    __table_args__ = (
        Index("ix_deal_customer", "customer_id"),
        Index("ix_deal_stage_close", "stage", "expected_close"),
        # Covering: the dashboard's won revenue and pipeline are read from the index alone.
        Index(
            "ix_deal_closed",
            "closed_at",
            "stage",
            "currency",
            "deleted_at",
            "customer_id",
            "owner_id",
            "amount",
            "probability",
        ),
        # Covering too: the pipeline's weight per piece of creation time and the funnel of the
        # deals created in a period, each piece an index range.
        Index(
            "ix_deal_created",
            "created_at",
            "stage",
            "currency",
            "deleted_at",
            "customer_id",
            "owner_id",
            "amount",
            "probability",
            "closed_at",
        ),
        # Per owner (the ranking's deals won in a period: a range each; and the foreign key's
        # lookups).
        Index(
            "ix_deal_owner_closed",
            "owner_id",
            "closed_at",
            "stage",
            "currency",
            "deleted_at",
            "customer_id",
            "amount",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    # A deal_stage key (the built-in ones are the DealStage values). Kept as plain text so an
    # office's own stages need no migration.
    stage: Mapped[str] = mapped_column(String(20), default="lead")
    amount: Mapped[Decimal] = mapped_column(default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    probability: Mapped[int] = mapped_column(default=10)
    expected_close: Mapped[dt.date | None]
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    lost_reason: Mapped[str | None] = mapped_column(String(300))
    closed_at: Mapped[dt.datetime | None]
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Order(Timestamped, Base):
    __tablename__ = "sales_order"
    __table_args__ = (
        # Both covering for the dashboard (lifetime value, repeat purchases).
        Index(
            "ix_sales_order_customer_date",
            "customer_id",
            "ordered_on",
            "status",
            "currency",
            "amount",
        ),
        Index("ix_sales_order_date", "ordered_on", "customer_id", "status", "currency", "amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id", ondelete="SET NULL"))
    ordered_on: Mapped[dt.date]
    amount: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    # open, delivered, cancelled
    status: Mapped[str] = mapped_column(String(20), default="open")
    notes: Mapped[str | None] = mapped_column(Text)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL")
    )


class Payment(Base):
    __tablename__ = "payment"
    __table_args__ = (Index("ix_payment_customer_date", "customer_id", "paid_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales_order.id", ondelete="CASCADE"), index=True
    )
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    paid_on: Mapped[dt.date]
    amount: Mapped[Decimal]
    method: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)


class DealDocument(Timestamped, Base):
    """A quote (报价) or contract (合同) on a deal: number, amount, dates and status."""

    __tablename__ = "deal_document"
    __table_args__ = (
        Index("ix_deal_document_deal", "deal_id"),
        Index("ix_deal_document_kind_signed", "kind", "signed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    # quote, contract
    kind: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    issued_on: Mapped[dt.date | None]
    # A quote's validity; a contract's term.
    valid_until: Mapped[dt.date | None]
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    signed_on: Mapped[dt.date | None]
    # draft, sent, accepted, rejected, signed, expired, cancelled
    status: Mapped[str] = mapped_column(String(20), default="draft")
    notes: Mapped[str | None] = mapped_column(Text)
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


# Contract anniversaries of a week (My Day, the care rules): an index range on month and day.
Index(
    "ix_deal_document_signed_month_day",
    MonthDay(DealDocument.__table__.c.signed_on),
    DealDocument.__table__.c.customer_id,
)
