"""Deals in the pipeline, orders and payments (回款)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.base import Base, DealStage, Timestamped, str_enum


class Deal(Timestamped, Base):
    __tablename__ = "deal"
    __table_args__ = (
        Index("ix_deal_customer", "customer_id"),
        Index("ix_deal_stage_close", "stage", "expected_close"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    stage: Mapped[DealStage] = mapped_column(str_enum(DealStage), default=DealStage.LEAD)
    amount: Mapped[Decimal] = mapped_column(default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    probability: Mapped[int] = mapped_column(default=10)
    expected_close: Mapped[dt.date | None]
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), index=True
    )
    lost_reason: Mapped[str | None] = mapped_column(String(300))
    closed_at: Mapped[dt.datetime | None]
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Order(Timestamped, Base):
    __tablename__ = "sales_order"
    __table_args__ = (Index("ix_sales_order_customer_date", "customer_id", "ordered_on"),)

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
