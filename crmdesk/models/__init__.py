"""The SQLAlchemy 2 ORM: one Base, typed mappings, a constraint naming convention."""

from crmdesk.models.activity import Interaction, Task
from crmdesk.models.base import (
    Base,
    Channel,
    CustomerKind,
    CustomFieldType,
    DealStage,
    InteractionKind,
    Role,
    Segment,
    Stage,
    TaskKind,
    TicketCategory,
    TicketPriority,
    TicketStatus,
    Tier,
    utcnow,
)
from crmdesk.models.customers import (
    Contact,
    Customer,
    CustomFieldDef,
    CustomFieldValue,
    Tag,
    customer_tag,
)
from crmdesk.models.people import Team, User
from crmdesk.models.sales import Deal, Order, Payment
from crmdesk.models.service import Ticket, TicketEvent
from crmdesk.models.system import AuditEntry, ImportBatch, ImportChange, Setting

__all__ = [
    "AuditEntry",
    "Base",
    "Channel",
    "Contact",
    "CustomFieldDef",
    "CustomFieldType",
    "CustomFieldValue",
    "Customer",
    "CustomerKind",
    "Deal",
    "DealStage",
    "ImportBatch",
    "ImportChange",
    "Interaction",
    "InteractionKind",
    "Order",
    "Payment",
    "Role",
    "Segment",
    "Setting",
    "Stage",
    "Tag",
    "Task",
    "TaskKind",
    "Team",
    "Ticket",
    "TicketCategory",
    "TicketEvent",
    "TicketPriority",
    "TicketStatus",
    "Tier",
    "User",
    "customer_tag",
    "utcnow",
]
