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
    # Knowledge base (services/knowledge.py)
    QT_TRANSLATE_NOOP("Services", "This article no longer exists."),
    QT_TRANSLATE_NOOP("Services", "This ticket no longer exists."),
    QT_TRANSLATE_NOOP(
        "Services",
        "{title} was changed by someone else after you opened it. Your changes were not "
        "saved; reopen the article and apply them again.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "This article was changed by someone else while you saved. Nothing was overwritten; "
        "reopen it and apply your changes again.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "Ticket {number} has no solution yet. Resolve it with its solution first, then make "
        "an article from it.",
    ),
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
    # Service desk settings: office calendar, SLA policy (services/service_settings.py)
    QT_TRANSLATE_NOOP(
        "Services", "'{zone}' is not a time zone; choose one from the list (like Asia/Shanghai)."
    ),
    QT_TRANSLATE_NOOP("Services", "The working day must end after it starts."),
    QT_TRANSLATE_NOOP(
        "Services", "Give the lunch break both a start and an end, or no lunch break at all."
    ),
    QT_TRANSLATE_NOOP(
        "Services", "The lunch break must end after it starts and lie within working hours."
    ),
    QT_TRANSLATE_NOOP("Services", "Choose at least one working day of the week."),
    QT_TRANSLATE_NOOP(
        "Services",
        "{date} is listed both as a holiday and as a make-up working day; remove it from "
        "one of the lists.",
    ),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a ticket priority."),
    QT_TRANSLATE_NOOP("Services", "Every SLA time must be at least one minute."),
    QT_TRANSLATE_NOOP("Services", "An SLA time can be at most {hours} hours."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a date; write dates like 2026-10-01."),
    QT_TRANSLATE_NOOP("Services", "{start} to {end} is more than a year of days; check the years."),
    QT_TRANSLATE_NOOP("Services", "The range that starts on {start} has no end date."),
    # Service tickets and their moves (services/tickets.py)
    QT_TRANSLATE_NOOP("Services", "'{status}' is not a ticket status."),
    QT_TRANSLATE_NOOP("Services", "The ticket is already at this step."),
    QT_TRANSLATE_NOOP(
        "Services",
        "A ticket moves forward one step at a time: finish the current step first, then move "
        "it on.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "Ticket {number} was changed by someone else after you opened it. Nothing was saved; "
        "look at it again and retry.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "This ticket was changed by someone else while you saved. Nothing was overwritten; "
        "reopen it and try again.",
    ),
    QT_TRANSLATE_NOOP("Services", "This user no longer exists."),
    QT_TRANSLATE_NOOP("Services", "{name} cannot take tickets: the account is disabled."),
    QT_TRANSLATE_NOOP("Services", "This team no longer exists."),
    QT_TRANSLATE_NOOP("Services", "Choose who takes this ticket before moving it to Assigned."),
    QT_TRANSLATE_NOOP("Services", "Write down the solution before marking the ticket resolved."),
    QT_TRANSLATE_NOOP("Services", "Say why the ticket is reopened."),
    QT_TRANSLATE_NOOP(
        "Services", "Record the customer's satisfaction (1 to 5) before closing the ticket."
    ),
    QT_TRANSLATE_NOOP("Services", "The NPS answer is a number from 0 to 10."),
    QT_TRANSLATE_NOOP(
        "Services", "No free ticket number was found; ask your administrator to check the data."
    ),
    QT_TRANSLATE_NOOP("Services", "A ticket needs a title."),
    QT_TRANSLATE_NOOP("Services", "The title is longer than 200 characters."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a ticket category."),
    QT_TRANSLATE_NOOP("Services", "The customer cannot have reported it in the future."),
    QT_TRANSLATE_NOOP("Services", "This contact does not belong to the ticket's customer."),
    QT_TRANSLATE_NOOP("Services", "Write the comment first."),
    QT_TRANSLATE_NOOP("Services", "A closed ticket is not waiting for anyone; reopen it first."),
    # The sales pipeline, quotes and contracts, orders and payments (services/pipeline*.py,
    # services/sales.py)
    QT_TRANSLATE_NOOP(
        "Services",
        "This deal was changed by someone else while you saved. Nothing was overwritten; reopen it and try again.",
    ),
    QT_TRANSLATE_NOOP("Services", "The pipeline needs at least one active open stage."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a stage of the pipeline."),
    QT_TRANSLATE_NOOP("Services", "A deal needs a title."),
    QT_TRANSLATE_NOOP("Services", "The probability must be between 0 and 100 %."),
    QT_TRANSLATE_NOOP("Services", "This deal no longer exists."),
    QT_TRANSLATE_NOOP(
        "Services",
        "The deal {title} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "The stage {name} is no longer in use; move the deal to another stage.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "The deal {title} is already closed; reopen it in an open stage first.",
    ),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a kind of deal document."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a document status."),
    QT_TRANSLATE_NOOP("Services", "A quote or contract needs a number."),
    QT_TRANSLATE_NOOP("Services", "The number is longer than 40 characters."),
    QT_TRANSLATE_NOOP("Services", "A quote cannot expire before it was issued."),
    QT_TRANSLATE_NOOP("Services", "A contract cannot end before it starts."),
    QT_TRANSLATE_NOOP("Services", "Every stage needs a name."),
    QT_TRANSLATE_NOOP("Services", "The stage name {name} is longer than 60 characters."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a stage outcome."),
    QT_TRANSLATE_NOOP("Services", "The probability of {name} must be between 0 and 100 %."),
    QT_TRANSLATE_NOOP("Services", "The pipeline needs exactly one won stage and one lost stage."),
    QT_TRANSLATE_NOOP("Services", "The won and lost stages cannot be deactivated."),
    QT_TRANSLATE_NOOP(
        "Services",
        "A new deal starts in an active open stage; win or lose it afterwards.",
    ),
    QT_TRANSLATE_NOOP("Services", "Say why the deal was lost."),
    QT_TRANSLATE_NOOP("Services", "This quote or contract no longer exists."),
    QT_TRANSLATE_NOOP(
        "Services",
        "'{key}' cannot be a stage key: use up to 20 letters, digits or _.",
    ),
    QT_TRANSLATE_NOOP("Services", "Two stages have the key '{key}'."),
    QT_TRANSLATE_NOOP(
        "Services",
        "The stage {name} still holds {count} deals: deactivate it instead of deleting it.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "The won and lost stages are built in: rename them if you like, but keep them.",
    ),
    QT_TRANSLATE_NOOP(
        "Services",
        "{number} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.",
    ),
    QT_TRANSLATE_NOOP("Services", "The amount must be a number."),
    QT_TRANSLATE_NOOP("Services", "The amount cannot be negative."),
    QT_TRANSLATE_NOOP("Services", "The amount is too large."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a three-letter currency code."),
    QT_TRANSLATE_NOOP("Services", "Order number {number} is already taken."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not an order status."),
    QT_TRANSLATE_NOOP("Services", "An order needs a date."),
    QT_TRANSLATE_NOOP("Services", "A payment needs a date."),
    QT_TRANSLATE_NOOP("Services", "A payment of nothing is not a payment."),
    QT_TRANSLATE_NOOP("Services", "This deal belongs to another customer."),
    QT_TRANSLATE_NOOP("Services", "This order no longer exists."),
    QT_TRANSLATE_NOOP("Services", "This payment no longer exists."),
    QT_TRANSLATE_NOOP("Services", "This order belongs to another customer."),
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
    # Follow-up tasks, rules and the public pool (services/followup.py)
    QT_TRANSLATE_NOOP("Services", "This task has no customer to log the interaction on."),
    QT_TRANSLATE_NOOP("Services", "'{value}' is not a customer tier."),
    QT_TRANSLATE_NOOP("Services", "A number of days must be between 1 and {max}."),
    QT_TRANSLATE_NOOP("Services", "Care reminders can come between 0 and {max} days ahead."),
    QT_TRANSLATE_NOOP("Services", "Choose who takes these customers."),
    QT_TRANSLATE_NOOP("Services", "These customers are no longer in the public pool."),
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
    # Service tickets
    QT_TRANSLATE_NOOP("Services", "This account is disabled."),
    QT_TRANSLATE_NOOP("Services", "Not a number from 0 to 10."),
    QT_TRANSLATE_NOOP("Services", "This time is in the future."),
    QT_TRANSLATE_NOOP("Services", "This contact belongs to another customer."),
    # Service desk settings
    QT_TRANSLATE_NOOP("Services", "Not a time zone."),
    QT_TRANSLATE_NOOP("Services", "Must be later than the start of the working day."),
    QT_TRANSLATE_NOOP("Services", "Start and end, or neither."),
    QT_TRANSLATE_NOOP("Services", "Must end after it starts, within working hours."),
    QT_TRANSLATE_NOOP("Services", "Choose at least one day."),
    QT_TRANSLATE_NOOP("Services", "Also listed as a holiday."),
    QT_TRANSLATE_NOOP("Services", "Not a priority."),
    QT_TRANSLATE_NOOP("Services", "At least one minute."),
    QT_TRANSLATE_NOOP("Services", "Too long."),
    QT_TRANSLATE_NOOP("Services", "An article needs a title."),
    QT_TRANSLATE_NOOP("Services", "The title is longer than 200 characters."),
    QT_TRANSLATE_NOOP("Services", "The category is longer than 60 characters."),
    QT_TRANSLATE_NOOP("Services", "The tags are longer than 300 characters in all."),
    # The sales pipeline
    QT_TRANSLATE_NOOP("Services", "Between 0 and 100."),
    QT_TRANSLATE_NOOP("Services", "This is before the issue date."),
    QT_TRANSLATE_NOOP("Services", "This is before the start."),
    QT_TRANSLATE_NOOP("Services", "The name is longer than 60 characters."),
    QT_TRANSLATE_NOOP("Services", "Choose an open stage."),
    QT_TRANSLATE_NOOP("Services", "Use up to 20 letters, digits or _."),
    QT_TRANSLATE_NOOP("Services", "This must be a number."),
    QT_TRANSLATE_NOOP("Services", "This cannot be negative."),
    QT_TRANSLATE_NOOP("Services", "This number is too large."),
    QT_TRANSLATE_NOOP("Services", "Use a three-letter code such as CNY."),
    QT_TRANSLATE_NOOP("Services", "This number is already taken."),
    QT_TRANSLATE_NOOP("Services", "This must be more than 0."),
    # Follow-up rules
    QT_TRANSLATE_NOOP("Services", "Not a tier."),
    QT_TRANSLATE_NOOP("Services", "Out of range."),
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
