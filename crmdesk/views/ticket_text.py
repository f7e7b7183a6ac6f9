"""How tickets read in words: the flow's next and earlier steps and what a move is called,
the SLA clock, history events and notifications as sentences, satisfaction scores.

Shared by the ticket window, the move dialogs, the notification centre and the board; no widgets.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crmdesk.qt.labels import label
from crmdesk.services.business_time import STEP_DUE_IN_STATUS
from crmdesk.services.notifications import NotificationRow
from crmdesk.views.widgets import fmt_datetime

_CTX = "TicketText"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


# The complaint procedure in order (投诉登记 → 问题分配 → 方案制定 → 客户沟通 → 问题解决 → 客户回访).
FLOW: tuple[str, ...] = ("registered", "assigned", "solution", "informed", "resolved", "closed")


def next_status(status: str) -> str | None:
    """The status one step forward from ``status``, or None when the ticket is closed."""
    i = FLOW.index(status) if status in FLOW else -1
    return FLOW[i + 1] if 0 <= i < len(FLOW) - 1 else None


def earlier_statuses(status: str) -> list[str]:
    """The statuses a ticket in ``status`` can be reopened to (latest first)."""
    i = FLOW.index(status) if status in FLOW else 0
    return list(reversed(FLOW[:i]))


def action_text(from_status: str, to_status: str) -> str:
    """What the button or menu entry for a move says ("Resolve…", "Reopen to Assigned…")."""
    if (
        to_status in FLOW
        and from_status in FLOW
        and FLOW.index(to_status) < FLOW.index(from_status)
    ):
        return QCoreApplication.translate("TicketText", "Reopen to %1…").replace(
            "%1", label("ticket_status", to_status)
        )
    texts = {
        "assigned": QCoreApplication.translate("TicketText", "Assign…"),
        "solution": QCoreApplication.translate("TicketText", "Solution worked out"),
        "informed": QCoreApplication.translate("TicketText", "Customer informed"),
        "resolved": QCoreApplication.translate("TicketText", "Resolve…"),
        "closed": QCoreApplication.translate("TicketText", "Close after revisit…"),
    }
    return texts.get(to_status, label("ticket_status", to_status))


def csat_text(score: int) -> str:
    """'Very satisfied' for 5 … 'Very dissatisfied' for 1."""
    names = {
        1: QCoreApplication.translate("TicketText", "Very dissatisfied"),
        2: QCoreApplication.translate("TicketText", "Dissatisfied"),
        3: QCoreApplication.translate("TicketText", "Neutral"),
        4: QCoreApplication.translate("TicketText", "Satisfied"),
        5: QCoreApplication.translate("TicketText", "Very satisfied"),
    }
    return names.get(score, "")


def stars(score: int | None) -> str:
    return "★" * (score or 0) + "☆" * (5 - (score or 0))


PRIORITY_COLORS = {"urgent": "#c62828", "high": "#ef6c00", "normal": "#1e88e5", "low": "#90a4ae"}
STATUS_COLOR = "#546e7a"
BREACHED_RED = "#c62828"
AMBER = "#ef6c00"
# "Close to the deadline": the header turns amber this long before it.
SOON = dt.timedelta(minutes=30)


def fmt_duration(seconds: int | float | None) -> str:
    """A duration as people say it: '45 min', '3 h 05 min', '2 d 4 h'."""
    if seconds is None:
        return ""
    s = int(abs(seconds))
    minutes = s // 60
    if minutes < 60:
        return QCoreApplication.translate("TicketText", "%1 min").replace(
            "%1", str(max(minutes, 0 if s == 0 else 1))
        )
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return (
            QCoreApplication.translate("TicketText", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", f"{minutes:02d}")
        )
    days, hours = divmod(hours, 24)
    return (
        QCoreApplication.translate("TicketText", "%1 d %2 h")
        .replace("%1", str(days))
        .replace("%2", str(hours))
    )


def aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def sla_state(detail: Any, now: dt.datetime) -> tuple[str, str]:  # noqa: ANN401
    """The SLA clock in words and its colour ('' for normal)."""
    if detail.status == "closed":
        return QCoreApplication.translate("TicketText", "Closed: no deadline"), ""
    if detail.waiting:
        left = detail.remaining_seconds
        text = QCoreApplication.translate("TicketText", "Paused: waiting for the customer")
        if left is not None:
            text += " · " + QCoreApplication.translate(
                "TicketText", "%1 of working time left"
            ).replace("%1", fmt_duration(left))
        return text, STATUS_COLOR
    due = aware(detail.due_at)
    if due is None:
        return QCoreApplication.translate("TicketText", "No deadline"), ""
    if now >= due:
        return QCoreApplication.translate("TicketText", "Overdue by %1").replace(
            "%1", fmt_duration((now - due).total_seconds())
        ), (BREACHED_RED)
    left = due - now
    text = (
        QCoreApplication.translate("TicketText", "Due %1 · %2 left")
        .replace("%1", fmt_datetime(due))
        .replace("%2", fmt_duration(left.total_seconds()))
    )
    return text, AMBER if left <= SOON else ""


STEP_TITLES = {
    "register": QT_TRANSLATE_NOOP("TicketText", "Registration"),
    "assign": QT_TRANSLATE_NOOP("TicketText", "Assignment"),
    "solution": QT_TRANSLATE_NOOP("TicketText", "Solution"),
    "inform": QT_TRANSLATE_NOOP("TicketText", "Customer update"),
    "resolve": QT_TRANSLATE_NOOP("TicketText", "Resolution"),
    "revisit": QT_TRANSLATE_NOOP("TicketText", "Revisit"),
}


def step_title(status: str) -> str:
    """What was being worked on while the ticket sat in ``status`` (the step then due)."""
    step = STEP_DUE_IN_STATUS.get(status)
    if step is None:
        return label("ticket_status", status)
    return _tr(STEP_TITLES[step.value])


def event_sentence(e: Any) -> str:  # noqa: ANN401 - a TicketEventRow
    """A history event in words."""
    who = e.user_name or QCoreApplication.translate("TicketText", "crmdesk")
    k, old, new = e.kind, e.from_value, e.to_value
    status = lambda v: label("ticket_status", v)  # noqa: E731
    if k == "created":
        return QCoreApplication.translate("TicketText", "%1 registered the ticket").replace(
            "%1", who
        )
    if k == "status":
        return (
            QCoreApplication.translate("TicketText", "%1 moved it from %2 to %3")
            .replace("%1", who)
            .replace("%2", status(old))
            .replace("%3", status(new))
        )
    if k == "reopened":
        return (
            QCoreApplication.translate("TicketText", "%1 reopened it: back from %2 to %3")
            .replace("%1", who)
            .replace("%2", status(old))
            .replace("%3", status(new))
        )
    if k == "assigned":
        if new and old:
            return (
                QCoreApplication.translate("TicketText", "%1 reassigned it from %2 to %3")
                .replace("%1", who)
                .replace("%2", old)
                .replace("%3", new)
            )
        if new:
            return (
                QCoreApplication.translate("TicketText", "%1 assigned it to %2")
                .replace("%1", who)
                .replace("%2", new)
            )
        return QCoreApplication.translate("TicketText", "%1 took the assignee off it").replace(
            "%1", who
        )
    if k == "comment":
        return QCoreApplication.translate("TicketText", "%1 commented").replace("%1", who)
    if k == "waiting":
        return QCoreApplication.translate(
            "TicketText", "%1 set it to wait for the customer (the clock is paused)"
        ).replace("%1", who)
    if k == "resumed":
        return QCoreApplication.translate(
            "TicketText", "%1 resumed it (the clock runs again)"
        ).replace("%1", who)
    if k == "sla_breach":
        step = new or old or ""
        return QCoreApplication.translate("TicketText", "The %1 deadline was missed").replace(
            "%1", step_name(step)
        )
    if k == "sla_warning":
        step = new or old or ""
        return QCoreApplication.translate("TicketText", "The %1 deadline is close").replace(
            "%1", step_name(step)
        )
    if k == "edited":
        return edit_sentence(who, e.comment or "", old, new)
    return f"{who}: {k}"


EDITED_FIELDS = {
    "title": QT_TRANSLATE_NOOP("TicketText", "title"),
    "category": QT_TRANSLATE_NOOP("TicketText", "category"),
    "priority": QT_TRANSLATE_NOOP("TicketText", "priority"),
    "channel": QT_TRANSLATE_NOOP("TicketText", "channel"),
    "description": QT_TRANSLATE_NOOP("TicketText", "description"),
    "contact_id": QT_TRANSLATE_NOOP("TicketText", "contact"),
    "team": QT_TRANSLATE_NOOP("TicketText", "team"),
    "customer": QT_TRANSLATE_NOOP("TicketText", "customer"),
}


def edit_sentence(who: str, field: str, old: str | None, new: str | None) -> str:
    """'王芳 changed the priority from Normal to Urgent'."""
    name = _tr(EDITED_FIELDS[field]) if field in EDITED_FIELDS else field
    table = {"category": "ticket_category", "priority": "ticket_priority"}.get(field)
    if table is not None:
        old, new = label(table, old), label(table, new)
    if old is None and new is None:
        return (
            QCoreApplication.translate("TicketText", "%1 changed the %2")
            .replace("%1", who)
            .replace("%2", name)
        )
    return (
        QCoreApplication.translate("TicketText", "%1 changed the %2 from %3 to %4")
        .replace("%1", who)
        .replace("%2", name)
        .replace("%3", old or QCoreApplication.translate("TicketText", "(empty)"))
        .replace("%4", new or QCoreApplication.translate("TicketText", "(empty)"))
    )


# The SLA steps as they read in "missed its … deadline".
STEP_NAMES = {
    "register": QT_TRANSLATE_NOOP("TicketText", "registration"),
    "assign": QT_TRANSLATE_NOOP("TicketText", "assignment"),
    "solution": QT_TRANSLATE_NOOP("TicketText", "solution"),
    "inform": QT_TRANSLATE_NOOP("TicketText", "customer update"),
    "resolve": QT_TRANSLATE_NOOP("TicketText", "resolution"),
    "revisit": QT_TRANSLATE_NOOP("TicketText", "revisit"),
}


def step_name(step: str) -> str:
    """An SLA step ("assign") as it reads in a sentence; a status is shown as its label."""
    return _tr(STEP_NAMES[step]) if step in STEP_NAMES else label("ticket_status", step)


def _ticket(params: dict[str, Any]) -> str:
    number = str(params.get("number") or "")
    title = str(params.get("title") or "")
    if number and title:
        return f"{number} 「{title}」"
    return number or (
        f"「{title}」" if title else QCoreApplication.translate("TicketText", "A ticket")
    )


def notification_text(row: NotificationRow) -> str:
    """The sentence a notification is shown as, in the current language."""
    p = row.params
    ticket = _ticket(p)
    kind = row.kind
    if kind == "sla_breach":
        step = step_name(str(p.get("step") or ""))
        assignee = p.get("assignee") or p.get("assignee_name")
        text = (
            QCoreApplication.translate("TicketText", "%1 missed its %2 deadline")
            .replace("%1", ticket)
            .replace("%2", step)
        )
        if assignee:
            return (
                text
                + " "
                + QCoreApplication.translate("TicketText", "(assignee: %1)").replace(
                    "%1", str(assignee)
                )
            )
        return text + " " + QCoreApplication.translate("TicketText", "(nobody is assigned)")
    if kind == "high_priority":
        customer = p.get("customer") or p.get("customer_name")
        priority = str(p.get("priority") or "")
        text = (
            QCoreApplication.translate("TicketText", "New urgent ticket %1")
            if priority == "urgent"
            else QCoreApplication.translate("TicketText", "New high-priority ticket %1")
        ).replace("%1", ticket)
        if customer:
            text += " " + QCoreApplication.translate("TicketText", "from %1").replace(
                "%1", str(customer)
            )
        return text
    if kind == "revisit":
        customer = p.get("customer") or p.get("customer_name")
        text = QCoreApplication.translate("TicketText", "Revisit the customer about %1").replace(
            "%1", ticket
        )
        if customer:
            text += " (" + str(customer) + ")"
        return text
    if kind == "task_due":
        return QCoreApplication.translate("TicketText", "Task due: %1").replace(
            "%1", str(p.get("title") or "")
        )
    if kind == "assigned":
        return QCoreApplication.translate("TicketText", "%1 was assigned to you").replace(
            "%1", ticket
        )
    return ticket
