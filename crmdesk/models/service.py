"""Service tickets, their steps and event history, notifications and the knowledge base."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.base import (
    Base,
    TicketCategory,
    TicketPriority,
    TicketStatus,
    Timestamped,
    str_enum,
    utcnow,
)


class Ticket(Timestamped, Base):
    __tablename__ = "ticket"
    __table_args__ = (
        Index("ix_ticket_status_due", "status", "due_at"),
        Index("ix_ticket_customer", "customer_id", "created_at"),
        # Covering for the dashboard's period reads (registered, resolved by, first response).
        Index(
            "ix_ticket_created_at",
            "created_at",
            "resolved_at",
            "deleted_at",
            "customer_id",
            "assignee_id",
            "category",
            "first_response_seconds",
        ),
        Index("ix_ticket_resolved_at", "resolved_at"),
        Index(
            "ix_ticket_closed_at",
            "closed_at",
            "deleted_at",
            "customer_id",
            "assignee_id",
            "csat",
            "nps",
        ),
        # Per assignee (the ranking's tickets solved in a period: a range each; the board's
        # "mine"; the foreign key's lookups).
        Index(
            "ix_ticket_assignee_resolved", "assignee_id", "resolved_at", "deleted_at", "customer_id"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    category: Mapped[TicketCategory] = mapped_column(str_enum(TicketCategory))
    priority: Mapped[TicketPriority] = mapped_column(
        str_enum(TicketPriority), default=TicketPriority.NORMAL
    )
    status: Mapped[TicketStatus] = mapped_column(
        str_enum(TicketStatus), default=TicketStatus.REGISTERED
    )
    channel: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    solution: Mapped[str | None] = mapped_column(Text)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id", ondelete="SET NULL"))
    # When the customer raised it (a call, a message): registration is due 10 minutes after.
    reported_at: Mapped[dt.datetime | None]
    # The timeline interaction this ticket was raised from, if any.
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    # Deadline of the current step; breached stays true once a step was late.
    due_at: Mapped[dt.datetime | None]
    breached: Mapped[bool] = mapped_column(default=False)
    # When the current status was entered.
    step_started_at: Mapped[dt.datetime | None]
    # Waiting for the customer pauses the clock: while paused, due_at is empty and the business
    # seconds that were left on the step are kept here.
    waiting_since: Mapped[dt.datetime | None]
    remaining_seconds: Mapped[int | None]
    first_response_at: Mapped[dt.datetime | None]
    # Business seconds from registration to the first response and to resolution.
    first_response_seconds: Mapped[int | None]
    resolution_seconds: Mapped[int | None]
    resolved_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    csat: Mapped[int | None]
    nps: Mapped[int | None]
    feedback: Mapped[str | None] = mapped_column(Text)
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class TicketEvent(Base):
    __tablename__ = "ticket_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    # created, status, assigned, comment, sla_breach, sla_warning, reopened
    kind: Mapped[str] = mapped_column(String(30))
    from_value: Mapped[str | None] = mapped_column(String(100))
    to_value: Mapped[str | None] = mapped_column(String(100))
    comment: Mapped[str | None] = mapped_column(Text)


class TicketStep(Base):
    """One stay of a ticket in one status: when it came and left, its deadline, whether it was
    late, and the business time it took (paused time not counted)."""

    __tablename__ = "ticket_step"
    __table_args__ = (Index("ix_ticket_step_status_entered", "status", "entered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), index=True)
    status: Mapped[TicketStatus] = mapped_column(str_enum(TicketStatus))
    entered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    left_at: Mapped[dt.datetime | None]
    due_at: Mapped[dt.datetime | None]
    breached: Mapped[bool] = mapped_column(default=False)
    business_seconds: Mapped[int | None]
    paused_seconds: Mapped[int] = mapped_column(default=0)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))


class Notification(Base):
    """A message for one user in the in-app notification centre. ``key`` is unique so a checker
    that runs again (at start, on a timer, from a scheduled task) never notifies twice."""

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_user_read", "user_id", "read_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    # sla_breach, high_priority, task_due, revisit, ...
    kind: Mapped[str] = mapped_column(String(30))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    # JSON: the values the view puts into the translated sentence for this kind.
    params: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    read_at: Mapped[dt.datetime | None]
    snoozed_until: Mapped[dt.datetime | None]


ticket_article = Table(
    "ticket_article",
    Base.metadata,
    Column("ticket_id", ForeignKey("ticket.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", ForeignKey("kb_article.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_ticket_article_article", "article_id"),
)


class KbArticle(Timestamped, Base):
    """A knowledge-base article (知识库): a known problem and its answer."""

    __tablename__ = "kb_article"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # Rich text as Qt HTML; body_text is its plain text, for search and previews.
    body: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(60), index=True)
    # Comma-separated tags as typed.
    tags: Mapped[str | None] = mapped_column(String(300))
    # Lower-cased title, tags and body text: what the full-text index holds.
    search_text: Mapped[str] = mapped_column(Text, default="")
    source_ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("ticket.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
