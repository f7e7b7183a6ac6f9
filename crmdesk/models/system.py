"""The audit trail, import batches and office-wide settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.base import Base, utcnow


class AuditEntry(Base):
    """One changed field of one record: who changed it from what to what, and when."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_customer_at", "customer_id", "at"),
        Index("ix_audit_entry_entity", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    user_name: Mapped[str | None] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int]
    # The customer the record belongs to, so a customer's History tab is one index range.
    customer_id: Mapped[int | None]
    # create, update, delete, restore, erase
    action: Mapped[str] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class ImportBatch(Base):
    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(300))
    checksum: Mapped[str] = mapped_column(String(64))
    sheet: Mapped[str | None] = mapped_column(String(100))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    created_count: Mapped[int] = mapped_column(default=0)
    updated_count: Mapped[int] = mapped_column(default=0)
    skipped_count: Mapped[int] = mapped_column(default=0)
    rejected_count: Mapped[int] = mapped_column(default=0)
    # running, done, undone
    status: Mapped[str] = mapped_column(String(20), default="running")
    undone_at: Mapped[dt.datetime | None]
    details: Mapped[str | None] = mapped_column(Text)


class ImportChange(Base):
    """One record an import created or updated, so the import can be taken back: the previous
    values of the fields it changed (JSON) and the record's version right after the import (a
    different version later means somebody edited it since, and undo leaves it alone)."""

    __tablename__ = "import_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    # customer, contact, interaction, sales_order, custom_field_value
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int]
    # create, update
    action: Mapped[str] = mapped_column(String(10))
    before: Mapped[str | None] = mapped_column(Text)
    version_after: Mapped[int | None]


class Setting(Base):
    """Office-wide settings shared through the database (per-user ones live in QSettings)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
