"""What users see for stored codes (stage "at_risk" → "At risk" / 流失预警).

Tables of constants are marked with QT_TRANSLATE_NOOP so lupdate finds them; label() translates
at display time, so switching the language needs no restart of these tables.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "Labels"

LABELS: dict[str, dict[str, str]] = {
    "kind": {
        "company": QT_TRANSLATE_NOOP("Labels", "Company"),
        "person": QT_TRANSLATE_NOOP("Labels", "Person"),
    },
    "stage": {
        "prospect": QT_TRANSLATE_NOOP("Labels", "Prospect"),
        "new": QT_TRANSLATE_NOOP("Labels", "New customer"),
        "growing": QT_TRANSLATE_NOOP("Labels", "Growing"),
        "at_risk": QT_TRANSLATE_NOOP("Labels", "Churn risk"),
        "churned": QT_TRANSLATE_NOOP("Labels", "Churned"),
    },
    "tier": {
        "A": QT_TRANSLATE_NOOP("Labels", "Tier A"),
        "B": QT_TRANSLATE_NOOP("Labels", "Tier B"),
        "C": QT_TRANSLATE_NOOP("Labels", "Tier C"),
    },
    "segment": {
        "trial": QT_TRANSLATE_NOOP("Labels", "Trial"),
        "paid": QT_TRANSLATE_NOOP("Labels", "Paid"),
        "enterprise": QT_TRANSLATE_NOOP("Labels", "Enterprise"),
    },
    "channel": {
        "website": QT_TRANSLATE_NOOP("Labels", "Website"),
        "event": QT_TRANSLATE_NOOP("Labels", "Offline event"),
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat official account"),
        "referral": QT_TRANSLATE_NOOP("Labels", "Referral"),
        "platform": QT_TRANSLATE_NOOP("Labels", "Third-party platform"),
        "cold_call": QT_TRANSLATE_NOOP("Labels", "Cold call"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "interaction": {
        "call": QT_TRANSLATE_NOOP("Labels", "Call"),
        "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
        "email": QT_TRANSLATE_NOOP("Labels", "Email"),
        "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
        "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    },
    "role": {
        "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
        "sales_manager": QT_TRANSLATE_NOOP("Labels", "Sales manager"),
        "sales_rep": QT_TRANSLATE_NOOP("Labels", "Sales rep"),
        "service_agent": QT_TRANSLATE_NOOP("Labels", "Service agent"),
        "service_director": QT_TRANSLATE_NOOP("Labels", "Service director"),
    },
    "ticket_category": {
        "complaint": QT_TRANSLATE_NOOP("Labels", "Complaint"),
        "question": QT_TRANSLATE_NOOP("Labels", "Question"),
        "request": QT_TRANSLATE_NOOP("Labels", "Service request"),
        "fault": QT_TRANSLATE_NOOP("Labels", "Fault"),
    },
    "ticket_priority": {
        "urgent": QT_TRANSLATE_NOOP("Labels", "Urgent"),
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
        "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    },
    "ticket_status": {
        "registered": QT_TRANSLATE_NOOP("Labels", "Registered"),
        "assigned": QT_TRANSLATE_NOOP("Labels", "Assigned"),
        "solution": QT_TRANSLATE_NOOP("Labels", "Solution"),
        "informed": QT_TRANSLATE_NOOP("Labels", "Customer informed"),
        "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    },
    "deal_stage": {
        "lead": QT_TRANSLATE_NOOP("Labels", "Lead"),
        "contact": QT_TRANSLATE_NOOP("Labels", "First contact"),
        "proposal": QT_TRANSLATE_NOOP("Labels", "Proposal / quote"),
        "negotiation": QT_TRANSLATE_NOOP("Labels", "Negotiation"),
        "won": QT_TRANSLATE_NOOP("Labels", "Won"),
        "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
    },
    "order_status": {
        "open": QT_TRANSLATE_NOOP("Labels", "Open"),
        "delivered": QT_TRANSLATE_NOOP("Labels", "Delivered"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "audit_action": {
        "create": QT_TRANSLATE_NOOP("Labels", "Created"),
        "update": QT_TRANSLATE_NOOP("Labels", "Changed"),
        "delete": QT_TRANSLATE_NOOP("Labels", "Deleted"),
        "restore": QT_TRANSLATE_NOOP("Labels", "Restored"),
        "erase": QT_TRANSLATE_NOOP("Labels", "Erased"),
    },
    "entity": {
        "customer": QT_TRANSLATE_NOOP("Labels", "Customer"),
        "contact": QT_TRANSLATE_NOOP("Labels", "Contact"),
        "interaction": QT_TRANSLATE_NOOP("Labels", "Interaction"),
        "task": QT_TRANSLATE_NOOP("Labels", "Task"),
        "ticket": QT_TRANSLATE_NOOP("Labels", "Ticket"),
        "deal": QT_TRANSLATE_NOOP("Labels", "Deal"),
        "article": QT_TRANSLATE_NOOP("Labels", "Article"),
    },
    "field": {
        "name": QT_TRANSLATE_NOOP("Labels", "Name"),
        "code": QT_TRANSLATE_NOOP("Labels", "Code"),
        "kind": QT_TRANSLATE_NOOP("Labels", "Type"),
        "industry": QT_TRANSLATE_NOOP("Labels", "Industry"),
        "region": QT_TRANSLATE_NOOP("Labels", "Region"),
        "city": QT_TRANSLATE_NOOP("Labels", "City"),
        "address": QT_TRANSLATE_NOOP("Labels", "Address"),
        "website": QT_TRANSLATE_NOOP("Labels", "Website"),
        "channel": QT_TRANSLATE_NOOP("Labels", "Channel"),
        "usage_scenario": QT_TRANSLATE_NOOP("Labels", "Usage scenario"),
        "pain_points": QT_TRANSLATE_NOOP("Labels", "Pain points"),
        "segment": QT_TRANSLATE_NOOP("Labels", "Segment"),
        "tier": QT_TRANSLATE_NOOP("Labels", "Tier"),
        "stage": QT_TRANSLATE_NOOP("Labels", "Stage"),
        "owner_id": QT_TRANSLATE_NOOP("Labels", "Owner"),
        "annual_revenue": QT_TRANSLATE_NOOP("Labels", "Annual revenue"),
        "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
        "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
        "title": QT_TRANSLATE_NOOP("Labels", "Title"),
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
        "email": QT_TRANSLATE_NOOP("Labels", "Email"),
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
        "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
        "is_decision_maker": QT_TRANSLATE_NOOP("Labels", "Decision maker"),
        "is_primary": QT_TRANSLATE_NOOP("Labels", "Primary contact"),
        "summary": QT_TRANSLATE_NOOP("Labels", "Summary"),
        "content": QT_TRANSLATE_NOOP("Labels", "Details"),
        "important": QT_TRANSLATE_NOOP("Labels", "Important"),
        "occurred_at": QT_TRANSLATE_NOOP("Labels", "When"),
        "due_at": QT_TRANSLATE_NOOP("Labels", "Due"),
        "done_at": QT_TRANSLATE_NOOP("Labels", "Done"),
        "assignee_id": QT_TRANSLATE_NOOP("Labels", "Assignee"),
        "status": QT_TRANSLATE_NOOP("Labels", "Status"),
        "priority": QT_TRANSLATE_NOOP("Labels", "Priority"),
        "amount": QT_TRANSLATE_NOOP("Labels", "Amount"),
        "probability": QT_TRANSLATE_NOOP("Labels", "Probability"),
        "expected_close": QT_TRANSLATE_NOOP("Labels", "Expected close"),
        "contact_id": QT_TRANSLATE_NOOP("Labels", "Contact"),
        "category": QT_TRANSLATE_NOOP("Labels", "Category"),
        "description": QT_TRANSLATE_NOOP("Labels", "Description"),
        "solution": QT_TRANSLATE_NOOP("Labels", "Solution details"),
        "team_id": QT_TRANSLATE_NOOP("Labels", "Team"),
        "reported_at": QT_TRANSLATE_NOOP("Labels", "Reported"),
        "breached": QT_TRANSLATE_NOOP("Labels", "SLA breached"),
        "waiting_since": QT_TRANSLATE_NOOP("Labels", "Waiting for the customer since"),
        "resolved_at": QT_TRANSLATE_NOOP("Labels", "Resolved on"),
        "closed_at": QT_TRANSLATE_NOOP("Labels", "Closed on"),
        "csat": QT_TRANSLATE_NOOP("Labels", "Satisfaction (CSAT)"),
        "nps": QT_TRANSLATE_NOOP("Labels", "NPS answer"),
        "feedback": QT_TRANSLATE_NOOP("Labels", "Revisit comment"),
        "articles": QT_TRANSLATE_NOOP("Labels", "Articles"),
        "body_text": QT_TRANSLATE_NOOP("Labels", "Text"),
        "interaction_id": QT_TRANSLATE_NOOP("Labels", "From interaction"),
    },
}


def label(table: str, value: str | None) -> str:
    """The translated label of a stored code; unknown codes are shown as they are."""
    if value is None or value == "":
        return ""
    source = LABELS.get(table, {}).get(value)
    if source is None:
        return value
    return QCoreApplication.translate(_CTX, source)


def choices(table: str) -> list[tuple[str, str]]:
    """(code, translated label) pairs in their defined order, for combo boxes and filters."""
    return [(code, QCoreApplication.translate(_CTX, text)) for code, text in LABELS[table].items()]
