"""Errors whose message a user can read. Anything else is a bug and is shown as one."""

from __future__ import annotations


class CrmError(Exception):
    """A failure the user can understand and act on; str(error) is the sentence shown."""


class ValidationError(CrmError):
    """Input that cannot be saved. ``field_errors`` maps a field name to its sentence."""

    def __init__(self, message: str, field_errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.field_errors = field_errors or {}


class NotFoundError(CrmError):
    pass


class StaleEditError(CrmError):
    """Somebody else saved the record after it was opened; nothing was overwritten."""


class DuplicateCustomerError(CrmError):
    def __init__(self, message: str, existing_ids: list[int]) -> None:
        super().__init__(message)
        self.existing_ids = existing_ids


class DatabaseError(CrmError):
    """The database cannot be opened, migrated, backed up or restored."""


class DatabaseTooNewError(DatabaseError):
    pass


class BackupError(DatabaseError):
    pass
