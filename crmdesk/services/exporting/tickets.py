"""The ticket list (the board's tickets, as filtered and sorted) as an .xlsx workbook.

Services have no Qt translations, so the screen passes the headers and the labels of stored
codes in the language it shows; the rows are streamed page by page into a write-only workbook
written beside the target and renamed at the end (a cancelled export leaves no file).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from crmdesk.services.core import Database
from crmdesk.services.exporting.cells import _column_width, _local, _RowWriter, _Styles, clean_text
from crmdesk.services.exporting.files import (
    ExportResult,
    Progress,
    _check_target,
    _discard,
    _save_atomically,
)
from crmdesk.services.ticket_board import BoardCard, BoardQuery, count_tickets, list_ticket_rows

PAGE_SIZE = 2000

# The exported columns in their order, and the kind of cell each one is.
TICKET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", "text"),
    ("title", "text"),
    ("customer", "text"),
    ("status", "label"),
    ("priority", "label"),
    ("category", "label"),
    ("assignee", "text"),
    ("due", "datetime"),
    ("created", "datetime"),
    ("breached", "label"),
    ("waiting", "label"),
)


def _row(c: BoardCard) -> tuple[Any, ...]:
    return (
        c.number,
        c.title,
        c.customer_name,
        c.status,
        c.priority,
        c.category,
        c.assignee_name,
        c.due_at,
        c.created_at,
        "yes" if c.breached else "no",
        "yes" if c.waiting else "no",
    )


def _text(value: Any) -> str | None:
    if type(value) is not str:
        value = str(value)
    return clean_text(value) if value else None


def export_tickets(
    db: Database,
    path: Path,
    query: BoardQuery,
    headers: Mapping[str, str],
    labels: Mapping[str, Mapping[str, str]],
    *,
    sort_key: str = "due_at",
    descending: bool = False,
    sheet: str = "Tickets",
    progress: Progress | None = None,
) -> ExportResult:
    """Write the tickets ``query`` finds, sorted like the list, to the .xlsx file ``path``.

    ``headers`` maps each key of :data:`TICKET_COLUMNS` to its header; ``labels`` maps
    "status", "priority", "category" and "yes_no" (keys "yes", "no") to the words shown for the
    stored codes. ``progress(done, total)`` is called after each page; an exception it raises
    (a cancelled task) stops the export and leaves no file.
    """
    path = _check_target(path)
    total = count_tickets(db, query)
    if progress is not None:
        progress(0, total)

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    tables = {
        "status": labels.get("status", {}),
        "priority": labels.get("priority", {}),
        "category": labels.get("category", {}),
        "breached": labels.get("yes_no", {}),
        "waiting": labels.get("yes_no", {}),
    }
    wb = Workbook(write_only=True)
    try:
        ws = wb.create_sheet(clean_text(sheet)[:31] or "Tickets")
        styles = _Styles(ws)
        first = [_row(c) for c in list_ticket_rows(db, query, sort_key, descending, 0, PAGE_SIZE)]
        sample = first[:500]
        for n, (key, kind) in enumerate(TICKET_COLUMNS, 1):
            table = tables.get(key)
            values = [r[n - 1] for r in sample]
            if table is not None:
                values = [table.get(v, v) for v in values]
            width = _column_width(headers.get(key, key), values, kind)
            ws.column_dimensions[get_column_letter(n)].width = width
        ws.freeze_panes = "A2"
        ws.append(
            [
                styles.cell(headers.get(key, key), styles.header, n)
                for n, (key, _kind) in enumerate(TICKET_COLUMNS, 1)
            ]
        )
        specs: list[tuple[int, str, Any]] = []
        for n, (key, kind) in enumerate(TICKET_COLUMNS):
            if kind == "datetime":
                specs.append((n, "datetime", _local))
            elif kind == "label":
                table = tables[key]
                specs.append((n, "text", lambda v, t=table: t.get(v) or str(v)))
            else:
                specs.append((n, "text", _text))
        ws._values_to_row = _RowWriter(ws, styles, specs).values_to_row
        rows, written = first, 0
        while rows:
            for r in rows:
                ws.append(r)
            written += len(rows)
            if progress is not None:
                progress(written, max(total, written))
            if len(rows) < PAGE_SIZE:
                break
            page = list_ticket_rows(db, query, sort_key, descending, written, PAGE_SIZE)
            rows = [_row(c) for c in page]
        ws.auto_filter.ref = f"A1:{get_column_letter(len(TICKET_COLUMNS))}{written + 1}"
        _save_atomically(wb, path)
    except BaseException:
        _discard(wb)
        raise
    return ExportResult(written, path)
