"""What happens with a customer: interactions (the timeline) and follow-up tasks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.base import Base, InteractionKind, TaskKind, Timestamped, str_enum


class Interaction(Timestamped, Base):
    __tablename__ = "interaction"
    __table_args__ = (
        # deleted_at too, so "customers with an interaction in a period" reads the index alone.
        Index("ix_interaction_customer_when", "customer_id", "occurred_at", "deleted_at"),
        # The dashboard's period reads (interactions per rep, a team's active customers) stay
        # in here.
        Index("ix_interaction_when", "occurred_at", "customer_id", "user_id", "deleted_at"),
        # Everybody's active customers: a period's interactions whose previous one is older.
        # Apart from the index above, which the ranking scans: previous_at would make it half
        # as wide again.
        Index("ix_interaction_first", "occurred_at", "previous_at", "customer_id", "deleted_at"),
        # Per person (the ranking counts each rep's in a period: a range each, nothing sorted;
        # and the foreign key's lookups).
        Index("ix_interaction_user_when", "user_id", "occurred_at", "deleted_at", "customer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    kind: Mapped[InteractionKind] = mapped_column(str_enum(InteractionKind))
    occurred_at: Mapped[dt.datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    # The author's name as written in an imported sheet, when no user matches it.
    author_name: Mapped[str | None] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(String(300))
    content: Mapped[str | None] = mapped_column(Text)
    important: Mapped[bool] = mapped_column(default=False)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL")
    )
    deleted_at: Mapped[dt.datetime | None]
    # When the customer's interaction before this one happened (the latest earlier live one;
    # of two at the same moment, the one with the lower id is earlier); empty for its first.
    # Kept by database triggers on every insert, edit, deletion and restore (migration 0007),
    # never written by the app. The customers active in a period are then a plain count: the
    # period's interactions whose previous one is older than the period (services.dashboard).
    # Only a live interaction's value is kept; a deleted one's is set again when it is restored.
    previous_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Task(Timestamped, Base):
    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_assignee_open", "assignee_id", "done_at", "due_at"),
        Index("ix_task_customer_due", "customer_id", "due_at"),
        Index("ix_task_rule_key", "rule_key", unique=True),
        Index("ix_task_remind", "done_at", "remind_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[TaskKind] = mapped_column(str_enum(TaskKind), default=TaskKind.FOLLOW_UP)
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id", ondelete="SET NULL"))
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL")
    )
    due_at: Mapped[dt.datetime | None]
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    done_at: Mapped[dt.datetime | None]
    # When the reminder fires (defaults to due_at), when it fired, and a snooze.
    remind_at: Mapped[dt.datetime | None]
    reminded_at: Mapped[dt.datetime | None]
    snoozed_until: Mapped[dt.datetime | None]
    # Set on tasks a rule made (revisit cadence, birthday, anniversary, ticket revisit), unique,
    # so the rule never makes the same task twice: e.g. "cadence:123:2026-11-23".
    rule_key: Mapped[str | None] = mapped_column(String(120))
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
