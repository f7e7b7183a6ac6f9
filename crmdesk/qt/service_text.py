"""The sentences of the service layer, translated for the screen.

Services raise CrmError subclasses whose ``template`` is an English sentence with named
``{placeholders}`` and whose ``params`` fill them (crmdesk/errors.py); they cannot import Qt.
Every template and every field-error sentence is listed here with QT_TRANSLATE_NOOP so lupdate
extracts them into the "Services" context; tests/unit/test_service_messages.py fails when a
service raises a sentence that is missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "Services"

# Templates of CrmError messages (``str.format`` placeholders filled from ``exc.params``).
TEMPLATES: tuple[str, ...] = (
    # Customers
    QT_TRANSLATE_NOOP("Services", "This customer no longer exists."),
    QT_TRANSLATE_NOOP("Services", "This customer was deleted permanently."),
    QT_TRANSLATE_NOOP("Services", "The code {code} is already used."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a valid {field}."),
    QT_TRANSLATE_NOOP(
        "Services",
        "{name} was changed by someone else after you opened it. "
        "Your changes were not saved; reopen the customer and apply them again.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "This customer was changed by someone else while you saved. Nothing was overwritten; "
        "reopen it and apply your changes again.",
    ),
    QT_TRANSLATE_NOOP("Services", "Only customers in the trash can be erased permanently."),
    # Contacts
    QT_TRANSLATE_NOOP("Services", "This contact no longer exists."),
    QT_TRANSLATE_NOOP(
        "Services", "{name} was changed by someone else after you opened it; nothing was saved."
    ),
    QT_TRANSLATE_NOOP("Services", "This contact was changed by someone else; nothing was saved."),
    # Interactions and tasks
    QT_TRANSLATE_NOOP("Services", "Say in a few words what happened."),
    QT_TRANSLATE_NOOP("Services", "'{kind}' is not a kind of interaction."),
    QT_TRANSLATE_NOOP("Services", "This interaction no longer exists."),
    QT_TRANSLATE_NOOP("Services", "A task needs a title."),
    QT_TRANSLATE_NOOP("Services", "This task no longer exists."),
    # Tags and custom fields
    QT_TRANSLATE_NOOP("Services", "A tag needs a name."),
    QT_TRANSLATE_NOOP("Services", "A field needs a label."),
    QT_TRANSLATE_NOOP("Services", "'{type}' is not a field type."),
    QT_TRANSLATE_NOOP("Services", "{label} must be a number."),
    QT_TRANSLATE_NOOP("Services", "{label} must be a date (YYYY-MM-DD)."),
    QT_TRANSLATE_NOOP("Services", "{label} must be one of: {choices}."),
    # Excel export (services/exporting.py)
    QT_TRANSLATE_NOOP("Services", "The folder {folder} does not exist."),
    QT_TRANSLATE_NOOP("Services", "{path} is a folder; choose a file name."),
    QT_TRANSLATE_NOOP(
        "Services",
        "{name} could not be written: it is open in another program or the folder is "
        "read-only. Close the file and try again.",
    ),
    QT_TRANSLATE_NOOP("Services", "{name} could not be written: {reason}"),
    # Reading files to import (services/importing/readers.py)
    QT_TRANSLATE_NOOP("Services", "There is no file at {path}."),
    QT_TRANSLATE_NOOP("Services", "{name} is not a file."),
    QT_TRANSLATE_NOOP("Services", "{name} cannot be opened: you are not allowed to read it."),
    QT_TRANSLATE_NOOP("Services", "{name} cannot be read: {reason}"),
    QT_TRANSLATE_NOOP("Services", "{name} is empty (0 bytes)."),
    QT_TRANSLATE_NOOP(
        "Services",
        "{name} is larger than {limit_mb} MB; split it into smaller files and import them "
        "one by one.",
    ),
    QT_TRANSLATE_NOOP("Services", "{name} is not a spreadsheet (Excel, OpenDocument or CSV)."),
    QT_TRANSLATE_NOOP(
        "Services",
        "{name} is damaged or incomplete and cannot be read. Open it in Excel, save it again "
        "and try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "{name} is protected by a password. Remove the password in Excel "
        "(File → Info → Protect Workbook) and try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "{name} unpacks to far more data than a spreadsheet of its size holds (over "
        "{limit_mb} MB, or compressed suspiciously well); it was not opened.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "{name} contains XML declarations (DTD or entities) that no spreadsheet needs and "
        "that can be used to attack a computer; it was not opened.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "The sheet {sheet} in {name} claims {columns} columns; crmdesk imports at most "
        "{limit} columns. Copy the columns you need to a new workbook and try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "The sheet {sheet} in {name} claims {rows} rows of {columns} columns, more than "
        "the {limit} cells crmdesk imports at once. Split it into smaller files and try "
        "again.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "The text in {name} is in an encoding crmdesk does not recognise. Save it from Excel "
        'as "CSV UTF-8" and try again.',
    ),
    QT_TRANSLATE_NOOP("Services", "{name} has no rows to import."),
    # The import engine (services/importing/plan.py, undo.py)
    QT_TRANSLATE_NOOP("Services", "{name} has no sheet called {sheet}."),
    QT_TRANSLATE_NOOP("Services", "There is no import number {batch_id}."),
    QT_TRANSLATE_NOOP(
        "Services", "Import {batch_id} was already undone; there is nothing left to take back."
    ),
    QT_TRANSLATE_NOOP(
        "Services", "Import {batch_id} did not finish, so it changed nothing to take back."
    ),
    # Demo data
    QT_TRANSLATE_NOOP("Services", "Generating the data was cancelled; nothing was written."),
    # The database, backups and restores
    QT_TRANSLATE_NOOP("Services", "'{url}' is not a database address."),
    QT_TRANSLATE_NOOP("Services", "The migrations have more than one head; this build is broken."),
    QT_TRANSLATE_NOOP("Services", "The database cannot be read: {reason}"),
    QT_TRANSLATE_NOOP(
        "Services",
        "This database was written by a newer version of crmdesk (schema {revision}). "
        "Install the newer version to open it; the file was not changed.",
    ),
    QT_TRANSLATE_NOOP(
        "Services", "The database could not be upgraded and was left as it was: {reason}"
    ),
    QT_TRANSLATE_NOOP("Services", "There is no database at {path}."),
    QT_TRANSLATE_NOOP(
        "Services",
        "Backups from inside crmdesk are for SQLite databases; back a PostgreSQL "
        "database up with pg_dump.",
    ),
    QT_TRANSLATE_NOOP("Services", "There is no database at {path} to back up."),
    QT_TRANSLATE_NOOP("Services", "The backup failed its integrity check ({verdict})."),
    QT_TRANSLATE_NOOP("Services", "The backup could not be written: {reason}"),
    QT_TRANSLATE_NOOP("Services", "There is no backup at {path}."),
    QT_TRANSLATE_NOOP("Services", "{name} is not a crmdesk backup ({reason})."),
    QT_TRANSLATE_NOOP("Services", "{name} is damaged ({verdict}); nothing was restored."),
    QT_TRANSLATE_NOOP("Services", "{name} is not a crmdesk database; nothing was restored."),
)

# Sentences in ``ValidationError.field_errors`` (shown under the field; no placeholders).
FIELD_SENTENCES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Services", "Required."),
    QT_TRANSLATE_NOOP("Services", "A customer needs a name."),
    QT_TRANSLATE_NOOP("Services", "The name is longer than 200 characters."),
    QT_TRANSLATE_NOOP("Services", "Annual revenue cannot be negative."),
    QT_TRANSLATE_NOOP("Services", "Annual revenue must be a number."),
    QT_TRANSLATE_NOOP("Services", "A web address has no spaces."),
    QT_TRANSLATE_NOOP("Services", "This is not one of the allowed values."),
    QT_TRANSLATE_NOOP("Services", "This code is already used."),
    QT_TRANSLATE_NOOP("Services", "A contact needs a name."),
    QT_TRANSLATE_NOOP("Services", "This is not an email address (like name@example.com)."),
    QT_TRANSLATE_NOOP("Services", "This is not a phone number."),
    QT_TRANSLATE_NOOP("Services", "Not a number."),
    QT_TRANSLATE_NOOP("Services", "Not a date."),
)

_KNOWN = frozenset(TEMPLATES) | frozenset(FIELD_SENTENCES)


def error_text(exc: BaseException) -> str:
    """The sentence of ``exc`` in the current language.

    A CrmError whose template is listed here is translated and filled with its params; anything
    else (or a translation that cannot be filled) is shown as ``str(exc)``.
    """
    template = getattr(exc, "template", None)
    params = getattr(exc, "params", None)
    if not isinstance(template, str) or template not in _KNOWN:
        return str(exc)
    try:
        return QCoreApplication.translate(_CTX, template).format(**(params or {}))
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return str(exc)


def field_text(sentence: str) -> str:
    """A field-error sentence from ``ValidationError.field_errors`` in the current language."""
    if sentence not in _KNOWN:
        return sentence
    return QCoreApplication.translate(_CTX, sentence)


def field_texts(field_errors: dict[str, str]) -> dict[str, str]:
    """``field_errors`` with every sentence translated."""
    return {key: field_text(sentence) for key, sentence in field_errors.items()}
