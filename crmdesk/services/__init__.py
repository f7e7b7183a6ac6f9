"""Use cases in pure Python: plain arguments in, frozen dataclasses and a ChangeSet out."""

from crmdesk.errors import (
    BackupError,
    CrmError,
    DatabaseError,
    DatabaseTooNewError,
    DuplicateCustomerError,
    NotFoundError,
    StaleEditError,
    ValidationError,
)
from crmdesk.services.core import ChangeSet, Database, UserRef

__all__ = [
    "BackupError",
    "ChangeSet",
    "CrmError",
    "Database",
    "DatabaseError",
    "DatabaseTooNewError",
    "DuplicateCustomerError",
    "NotFoundError",
    "StaleEditError",
    "UserRef",
    "ValidationError",
]
