"""Errors whose message a user can read. Anything else is a bug and is shown as one.

A CrmError carries its sentence as a ``template`` with named ``{placeholders}`` and the
``params`` that fill them; ``str(error)`` is the English sentence. The GUI translates the
template (crmdesk/qt/service_text.py lists them all) and fills in the same params, so this layer
needs no Qt to speak Chinese on screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A sentence that is not a template (text from elsewhere with a brace in it).
        return template


class CrmError(Exception):
    """A failure the user can understand and act on; str(error) is the sentence shown.

    ``CrmError("{name} was changed by someone else.", name="ACME")``: pass the template as it
    is, never an f-string, so it can be translated.
    """

    def __init__(self, template: str = "", /, **params: Any) -> None:
        self.template = template
        self.params: dict[str, Any] = dict(params)
        super().__init__(_fill(template, self.params))


class ValidationError(CrmError):
    """Input that cannot be saved. ``field_errors`` maps a field name to its sentence (a plain
    sentence without placeholders, shown next to the field)."""

    def __init__(
        self, template: str = "", /, field_errors: dict[str, str] | None = None, **params: Any
    ) -> None:
        super().__init__(template, **params)
        self.field_errors = dict(field_errors or {})


class NotFoundError(CrmError):
    pass


class StaleEditError(CrmError):
    """Somebody else saved the record after it was opened; nothing was overwritten."""


class DuplicateCustomerError(CrmError):
    def __init__(
        self, template: str = "", /, existing_ids: Iterable[int] = (), **params: Any
    ) -> None:
        super().__init__(template, **params)
        self.existing_ids = list(existing_ids)


class DatabaseError(CrmError):
    """The database cannot be opened, migrated, backed up or restored."""


class DatabaseTooNewError(DatabaseError):
    pass


class BackupError(DatabaseError):
    pass


class ImportRefused(CrmError):
    """A file that cannot be imported (not a spreadsheet, damaged, protected, unsafe or
    empty); nothing was read into the database."""
