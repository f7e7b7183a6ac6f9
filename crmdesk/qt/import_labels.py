"""What the import screens say for the importer's codes: field labels, reasons, actions, choices.

The import services speak in stable codes (field keys from services/importing/fields.py, reason
codes from cleaning.REASONS and the engine, actions, on-duplicate choices) with English text
beside them. These tables, marked with QT_TRANSLATE_NOOP for lupdate, turn a code into the
user's language at display time; an unknown code falls back to the English text it came with.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "ImportLabels"

# Field keys (fields.FIELDS) → label. The English text equals ImportField.label.
FIELD_LABELS: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("ImportLabels", "Code"),
    "name": QT_TRANSLATE_NOOP("ImportLabels", "Name"),
    "kind": QT_TRANSLATE_NOOP("ImportLabels", "Type"),
    "industry": QT_TRANSLATE_NOOP("ImportLabels", "Industry"),
    "region": QT_TRANSLATE_NOOP("ImportLabels", "Region"),
    "city": QT_TRANSLATE_NOOP("ImportLabels", "City"),
    "address": QT_TRANSLATE_NOOP("ImportLabels", "Address"),
    "website": QT_TRANSLATE_NOOP("ImportLabels", "Website"),
    "channel": QT_TRANSLATE_NOOP("ImportLabels", "Channel"),
    "usage_scenario": QT_TRANSLATE_NOOP("ImportLabels", "Usage scenario"),
    "pain_points": QT_TRANSLATE_NOOP("ImportLabels", "Pain points"),
    "segment": QT_TRANSLATE_NOOP("ImportLabels", "Segment"),
    "tier": QT_TRANSLATE_NOOP("ImportLabels", "Tier"),
    "stage": QT_TRANSLATE_NOOP("ImportLabels", "Stage"),
    "owner": QT_TRANSLATE_NOOP("ImportLabels", "Owner"),
    "annual_revenue": QT_TRANSLATE_NOOP("ImportLabels", "Annual revenue"),
    "tags": QT_TRANSLATE_NOOP("ImportLabels", "Tags"),
    "notes": QT_TRANSLATE_NOOP("ImportLabels", "Notes"),
    "created_at": QT_TRANSLATE_NOOP("ImportLabels", "Created"),
    "last_interaction_at": QT_TRANSLATE_NOOP("ImportLabels", "Last interaction"),
    "contact_name": QT_TRANSLATE_NOOP("ImportLabels", "Contact"),
    "contact_title": QT_TRANSLATE_NOOP("ImportLabels", "Title"),
    "contact_phone": QT_TRANSLATE_NOOP("ImportLabels", "Phone"),
    "contact_email": QT_TRANSLATE_NOOP("ImportLabels", "Email"),
    "contact_wechat": QT_TRANSLATE_NOOP("ImportLabels", "WeChat"),
    "contact_birthday": QT_TRANSLATE_NOOP("ImportLabels", "Birthday"),
    "contact_decision_maker": QT_TRANSLATE_NOOP("ImportLabels", "Decision maker"),
}

ENTITY_LABELS: dict[str, str] = {
    "customer": QT_TRANSLATE_NOOP("ImportLabels", "Customer"),
    "contact": QT_TRANSLATE_NOOP("ImportLabels", "Main contact"),
    "custom": QT_TRANSLATE_NOOP("ImportLabels", "Custom fields"),
}

# Reason codes → sentence. Cleaning codes carry the same English as cleaning.REASONS.
REASONS: dict[str, str] = {
    # cleaning.REASONS
    "bad_phone": QT_TRANSLATE_NOOP("ImportLabels", "Not a phone number."),
    "phone_rounded": QT_TRANSLATE_NOOP(
        "ImportLabels",
        "Excel rounded this phone number; format the column as text and save again.",
    ),
    "bad_email": QT_TRANSLATE_NOOP("ImportLabels", "Not an email address."),
    "several_emails": QT_TRANSLATE_NOOP("ImportLabels", "More than one email address in one cell."),
    "bad_date": QT_TRANSLATE_NOOP("ImportLabels", "Not a date."),
    "date_without_year": QT_TRANSLATE_NOOP("ImportLabels", "The date has no year."),
    "year_only": QT_TRANSLATE_NOOP("ImportLabels", "Only a year, not a date."),
    "date_out_of_range": QT_TRANSLATE_NOOP("ImportLabels", "The date is out of range."),
    "bad_money": QT_TRANSLATE_NOOP("ImportLabels", "Not an amount of money."),
    "money_too_large": QT_TRANSLATE_NOOP("ImportLabels", "The amount is too large."),
    "bad_bool": QT_TRANSLATE_NOOP("ImportLabels", "Not yes or no."),
    "bad_tier": QT_TRANSLATE_NOOP("ImportLabels", "Not a known tier (A, B or C)."),
    "bad_stage": QT_TRANSLATE_NOOP("ImportLabels", "Not a known lifecycle stage."),
    "bad_channel": QT_TRANSLATE_NOOP("ImportLabels", "Not a known channel."),
    "bad_segment": QT_TRANSLATE_NOOP("ImportLabels", "Not a known segment."),
    "bad_kind": QT_TRANSLATE_NOOP("ImportLabels", "Neither a company nor a person."),
    "too_long": QT_TRANSLATE_NOOP("ImportLabels", "The text is too long."),
    "tag_too_long": QT_TRANSLATE_NOOP("ImportLabels", "A tag is longer than 60 characters."),
    # the engine's decisions (plan.ROW_REASONS)
    "no_name": QT_TRANSLATE_NOOP("ImportLabels", "The row has no customer name."),
    "duplicate_in_file": QT_TRANSLATE_NOOP(
        "ImportLabels", "Same customer as an earlier row of the file; merged into it."
    ),
    "matched_id": QT_TRANSLATE_NOOP("ImportLabels", "The customer this row was exported from."),
    "matched_code": QT_TRANSLATE_NOOP("ImportLabels", "A customer with this code exists."),
    "matched_email": QT_TRANSLATE_NOOP(
        "ImportLabels", "A customer with this email address exists."
    ),
    "matched_phone": QT_TRANSLATE_NOOP("ImportLabels", "A customer with this phone number exists."),
    "matched_name": QT_TRANSLATE_NOOP("ImportLabels", "A customer with this company name exists."),
    "no_changes": QT_TRANSLATE_NOOP("ImportLabels", "Already up to date; nothing to change."),
    "changed_since_export": QT_TRANSLATE_NOOP(
        "ImportLabels",
        "This customer was changed in crmdesk after the file was exported; export it again "
        "and redo the change.",
    ),
    "unknown_customer": QT_TRANSLATE_NOOP(
        "ImportLabels", "No customer of this import or of the database has this name or code."
    ),
    "no_customer": QT_TRANSLATE_NOOP("ImportLabels", "The row names no customer."),
    "no_date": QT_TRANSLATE_NOOP("ImportLabels", "The row has no date."),
    "no_content": QT_TRANSLATE_NOOP("ImportLabels", "The row has no content."),
    "no_amount": QT_TRANSLATE_NOOP("ImportLabels", "The row has no amount."),
    "duplicate_order": QT_TRANSLATE_NOOP(
        "ImportLabels", "An order with this number already exists."
    ),
    "already_imported": QT_TRANSLATE_NOOP("ImportLabels", "Already in the database."),
}

SAME_AS_ROW = QT_TRANSLATE_NOOP("ImportLabels", "Same customer as row %1; merged into it.")

ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("ImportLabels", "Create"),
    "update": QT_TRANSLATE_NOOP("ImportLabels", "Update"),
    "skip": QT_TRANSLATE_NOOP("ImportLabels", "Skip"),
    "reject": QT_TRANSLATE_NOOP("ImportLabels", "Rejected"),
    "merge": QT_TRANSLATE_NOOP("ImportLabels", "Merged"),
}

# The big numbers of the preview and the result ("to create", ...).
COUNT_LABELS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("ImportLabels", "to create"),
    "update": QT_TRANSLATE_NOOP("ImportLabels", "to update"),
    "skip": QT_TRANSLATE_NOOP("ImportLabels", "to skip"),
    "reject": QT_TRANSLATE_NOOP("ImportLabels", "rejected"),
    "merge": QT_TRANSLATE_NOOP("ImportLabels", "merged"),
}
DONE_LABELS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("ImportLabels", "created"),
    "update": QT_TRANSLATE_NOOP("ImportLabels", "updated"),
    "skip": QT_TRANSLATE_NOOP("ImportLabels", "skipped"),
    "reject": QT_TRANSLATE_NOOP("ImportLabels", "rejected"),
    "merge": QT_TRANSLATE_NOOP("ImportLabels", "merged"),
}

RELATED: dict[str, str] = {
    "contacts": QT_TRANSLATE_NOOP("ImportLabels", "contacts"),
    "followups": QT_TRANSLATE_NOOP("ImportLabels", "follow-ups"),
    "orders": QT_TRANSLATE_NOOP("ImportLabels", "orders"),
}

# ImportOptions.on_duplicate → (choice, one-line explanation).
ON_DUPLICATE: dict[str, tuple[str, str]] = {
    "skip": (
        QT_TRANSLATE_NOOP("ImportLabels", "Skip them"),
        QT_TRANSLATE_NOOP("ImportLabels", "Existing customers are left exactly as they are."),
    ),
    "fill": (
        QT_TRANSLATE_NOOP("ImportLabels", "Fill in empty fields only"),
        QT_TRANSLATE_NOOP(
            "ImportLabels",
            "Values from the file go only into fields that are empty in crmdesk.",
        ),
    ),
    "overwrite": (
        QT_TRANSLATE_NOOP("ImportLabels", "Overwrite with the file's values"),
        QT_TRANSLATE_NOOP(
            "ImportLabels",
            "Every value in the file replaces the one in crmdesk; empty cells change nothing.",
        ),
    ),
    "create": (
        QT_TRANSLATE_NOOP("ImportLabels", "Create them anyway"),
        QT_TRANSLATE_NOOP("ImportLabels", "A new customer is added even when one already matches."),
    ),
}

# Why undo left a customer alone (undo.EDITED, undo.DELETED).
UNDO_WHY: dict[str, str] = {
    "edited since the import": QT_TRANSLATE_NOOP("ImportLabels", "edited since the import"),
    "deleted since the import": QT_TRANSLATE_NOOP("ImportLabels", "deleted since the import"),
}

STATUSES: dict[str, str] = {
    "done": QT_TRANSLATE_NOOP("ImportLabels", "Imported"),
    "undone": QT_TRANSLATE_NOOP("ImportLabels", "Undone"),
    "running": QT_TRANSLATE_NOOP("ImportLabels", "Running"),
    "failed": QT_TRANSLATE_NOOP("ImportLabels", "Failed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def field_label(key: str | None, english: str | None = None) -> str:
    """The label of a field key in the user's language (``english`` or the key if unknown)."""
    if key is None:
        return ""
    text = FIELD_LABELS.get(key)
    return _tr(text) if text is not None else (english or key)


def entity_label(entity: str) -> str:
    text = ENTITY_LABELS.get(entity)
    return _tr(text) if text is not None else entity


def reason_text(code: str | None, english: str | None = None) -> str:
    """The sentence for a reason code; the engine's English sentence for a code not listed."""
    if code == "duplicate_in_file" and english:
        m = re.search(r"\brow (\d+)\b", english)
        if m is not None:
            return _tr(SAME_AS_ROW).replace("%1", m.group(1))
    text = REASONS.get(code or "")
    if text is not None:
        return _tr(text)
    return english or (code or "")


def action_label(action: str) -> str:
    text = ACTIONS.get(action)
    return _tr(text) if text is not None else action


def count_label(action: str, *, done: bool = False) -> str:
    table = DONE_LABELS if done else COUNT_LABELS
    text = table.get(action)
    return _tr(text) if text is not None else action


def related_label(kind: str) -> str:
    text = RELATED.get(kind)
    return _tr(text) if text is not None else kind


def on_duplicate_label(choice: str) -> tuple[str, str]:
    title, why = ON_DUPLICATE[choice]
    return _tr(title), _tr(why)


def undo_why_text(english: str) -> str:
    text = UNDO_WHY.get(english)
    return _tr(text) if text is not None else english


def left_alone_lines(left_alone) -> list[str]:  # noqa: ANN001 - UndoResult.left_alone
    """One line per customer an undo left alone: "name — why" (the id when the name is gone)."""
    lines = []
    for cid, name, why in left_alone:
        who = name or QCoreApplication.translate("ImportLabels", "Customer #%1").replace(
            "%1", str(cid)
        )
        lines.append(f"{who} — {undo_why_text(why)}" if why else who)
    return lines


def status_label(status: str) -> str:
    text = STATUSES.get(status)
    return _tr(text) if text is not None else status


# Why a column was mapped (mapping.ColumnMapping.reason, English) → a translated sentence.
# "{field}" is a field's label, "{column}" a column number, "{header}" a header.
WHY: tuple[tuple[str, str], ...] = (
    (r"header is “(?P<field>[^”]+)” but the values do not fit",
     QT_TRANSLATE_NOOP("ImportLabels", "The header says “{field}”, but the values do not fit.")),
    (r"header is “(?P<field>[^”]+)”",
     QT_TRANSLATE_NOOP("ImportLabels", "The header says “{field}”.")),
    (r"header resembles “(?P<field>[^”]+)” \(no values to check\)",
     QT_TRANSLATE_NOOP("ImportLabels",
                       "The header resembles “{field}” (there are no values to check).")),
    (r"header resembles “(?P<field>[^”]+)” and the values fit",
     QT_TRANSLATE_NOOP("ImportLabels", "The header resembles “{field}” and the values fit.")),
    (r"values are phone numbers",
     QT_TRANSLATE_NOOP("ImportLabels", "The values are phone numbers.")),
    (r"values are email addresses",
     QT_TRANSLATE_NOOP("ImportLabels", "The values are email addresses.")),
    (r"crmdesk's own column",
     QT_TRANSLATE_NOOP("ImportLabels", "crmdesk's own column (used to find the customer).")),
    (r"no header", QT_TRANSLATE_NOOP("ImportLabels", "The column has no header.")),
    (r"no field matches this header",
     QT_TRANSLATE_NOOP("ImportLabels", "No field matches this header.")),
    (r"“(?P<field>[^”]+)” is taken by column (?P<column>\d+) \((?P<header>.*)\)",
     QT_TRANSLATE_NOOP("ImportLabels", "“{field}” is taken by column {column} ({header}).")),
    (r"remembered from an earlier import",
     QT_TRANSLATE_NOOP("ImportLabels", "Remembered from an earlier import.")),
    (r"ignored in an earlier import",
     QT_TRANSLATE_NOOP("ImportLabels", "Ignored in an earlier import.")),
    (r"chosen by the user", QT_TRANSLATE_NOOP("ImportLabels", "Chosen by you.")),
)  # fmt: skip

_KEY_BY_ENGLISH = {english: key for key, english in FIELD_LABELS.items()}


def why_text(reason: str) -> str:
    """``ColumnMapping.reason`` in the user's language (as it is when it is not recognised)."""
    for pattern, template in WHY:
        m = re.fullmatch(pattern, reason.strip())
        if m is None:
            continue
        params = m.groupdict()
        if "field" in params:
            key = _KEY_BY_ENGLISH.get(params["field"])
            params["field"] = field_label(key, params["field"]) if key else params["field"]
        try:
            return _tr(template).format(**params)
        except (KeyError, IndexError, ValueError):
            return reason
    return reason
