"""The declarative base, shared column types and enumerations."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, Numeric, String, TypeDecorator
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Enum as SAEnum

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite keeps no zone, PostgreSQL does; this keeps both dialects giving the same Python value.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        value = value.astimezone(dt.UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


Money = Numeric(18, 2, asdecimal=True)


class MonthDay(FunctionElement[int]):
    """SQL: the month and day of a date column as one number, month × 100 + day (Feb 29 is
    229), for the birthdays and anniversaries of a week. The same expression is indexed
    (``ix_contact_birth_month_day``, ``ix_deal_document_signed_month_day``), so a query that
    uses it reads an index range on both dialects."""

    type = Integer()
    name = "month_day"
    inherit_cache = True


def month_day_of(value: dt.date) -> int:
    """What :class:`MonthDay` gives for ``value``."""
    return value.month * 100 + value.day


@compiles(MonthDay, "sqlite")
def _month_day_sqlite(element: MonthDay, compiler: Any, **kw: Any) -> str:
    # Dates are stored as 'YYYY-MM-DD' text; strftime without 'now' may be indexed.
    arg = compiler.process(element.clauses, **kw)
    return f"CAST(strftime('%m%d', {arg}) AS INTEGER)"


@compiles(MonthDay, "postgresql")
def _month_day_postgresql(element: MonthDay, compiler: Any, **kw: Any) -> str:
    # EXTRACT from a date is immutable, so it may be indexed (to_char is not).
    arg = compiler.process(element.clauses, **kw)
    return f"(CAST(EXTRACT(MONTH FROM {arg}) * 100 + EXTRACT(DAY FROM {arg}) AS INTEGER))"


def str_enum(cls: type[enum.Enum], length: int = 20) -> SAEnum:
    """Store an enum by its value as plain text: no native type, no CHECK to migrate later."""
    return SAEnum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dt.datetime: UtcDateTime(),
        Decimal: Money,
        str: String(255),
    }


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CustomerKind(enum.StrEnum):
    COMPANY = "company"
    PERSON = "person"


class Segment(enum.StrEnum):
    TRIAL = "trial"
    PAID = "paid"
    ENTERPRISE = "enterprise"


class Tier(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"


class Stage(enum.StrEnum):
    PROSPECT = "prospect"
    NEW = "new"
    GROWING = "growing"
    AT_RISK = "at_risk"
    CHURNED = "churned"


class Channel(enum.StrEnum):
    WEBSITE = "website"
    EVENT = "event"
    WECHAT = "wechat"
    REFERRAL = "referral"
    PLATFORM = "platform"
    COLD_CALL = "cold_call"
    OTHER = "other"


class InteractionKind(enum.StrEnum):
    CALL = "call"
    VISIT = "visit"
    EMAIL = "email"
    MEETING = "meeting"
    WECHAT = "wechat"
    NOTE = "note"


class Role(enum.StrEnum):
    ADMIN = "admin"
    SALES_MANAGER = "sales_manager"
    SALES_REP = "sales_rep"
    SERVICE_AGENT = "service_agent"
    SERVICE_DIRECTOR = "service_director"


class TicketCategory(enum.StrEnum):
    COMPLAINT = "complaint"
    QUESTION = "question"
    REQUEST = "request"
    FAULT = "fault"


class TicketPriority(enum.StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class TicketStatus(enum.StrEnum):
    REGISTERED = "registered"
    ASSIGNED = "assigned"
    SOLUTION = "solution"
    INFORMED = "informed"
    RESOLVED = "resolved"
    CLOSED = "closed"


class DealStage(enum.StrEnum):
    LEAD = "lead"
    CONTACT = "contact"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"


class TaskKind(enum.StrEnum):
    FOLLOW_UP = "follow_up"
    REVISIT = "revisit"
    CARE = "care"


class CustomFieldType(enum.StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"
    BOOL = "bool"
