"""Use cases in pure Python: plain arguments in, frozen dataclasses and a ChangeSet out.

Importing this package is cheap: the errors and the ChangeSet are plain Python, and
``Database`` (which brings SQLAlchemy and the models, about half a second) is imported on first
use. That lets the window be built and painted while the database layer loads
(``crmdesk.app``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from crmdesk.services.changes import ChangeSet, UserRef

if TYPE_CHECKING:
    from crmdesk.services.core import Database

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


def __getattr__(name: str) -> Any:  # noqa: ANN401 - PEP 562
    if name == "Database":
        from crmdesk.services.core import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
