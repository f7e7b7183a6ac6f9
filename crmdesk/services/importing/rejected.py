"""The rejected rows as a workbook the user can fix and import again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crmdesk.services.exporting.cells import FORMULA_STARTS, clean_text
from crmdesk.services.exporting.files import _check_target, _save_atomically
from crmdesk.services.importing.plan import RowPlan
from crmdesk.services.text import is_cjk

# Headers no field maps to, so the fixed file imports without the column getting in the way.
REASON_HEADER = {"en": "Import problem", "zh_CN": "导入问题"}


def _value(cell: Any, value: object) -> None:
    if isinstance(value, str):
        value = clean_text(value)
        cell.value = value
        if value.startswith(FORMULA_STARTS):
            # Text, never a formula: what typing '=1+2 in Excel gives.
            cell.data_type = "s"
            cell.quotePrefix = True
        return
    if isinstance(value, dt.time | dt.timedelta):
        cell.value = str(value)
        return
    cell.value = value
    if isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"


def write_rejected(
    rows: Sequence[RowPlan],
    headers: Sequence[str],
    path: Path,
    sheet_headers: Mapping[str, Sequence[str]] | None = None,
) -> Path:
    """Write the rejected rows to an .xlsx: each as it was in the file, under the file's own
    headers, with the reason in a last column. No cell can run as a formula. Rows of a
    related sheet (follow-ups, orders…) go to a sheet of their own, headed by
    ``sheet_headers[sheet]`` when given. Returns the path written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = _check_target(Path(path))
    chinese = any(is_cjk(ch) for h in headers for ch in h)
    reason_header = REASON_HEADER["zh_CN" if chinese else "en"]
    order: list[str] = []
    by_sheet: dict[str, list[RowPlan]] = {}
    for row in rows:
        if row.sheet not in by_sheet:
            order.append(row.sheet)
        by_sheet.setdefault(row.sheet, []).append(row)
    if not order:
        order = ["Sheet1"]
    wb = Workbook()
    wb.remove(wb.active)
    for index, sheet in enumerate(order):
        ws = wb.create_sheet(sheet[:31] or "Sheet1")
        own = list(headers) if index == 0 else list((sheet_headers or {}).get(sheet, ()))
        plans = by_sheet.get(sheet, [])
        width = max([len(own), *(len(p.original) for p in plans)], default=0)
        own += [""] * (width - len(own))
        for column, text in enumerate([*own, reason_header], 1):
            cell = ws.cell(1, column)
            _value(cell, text or None)
            cell.font = Font(bold=True)
        for r, plan in enumerate(plans, 2):
            for column, value in enumerate(plan.original, 1):
                if value is not None:
                    _value(ws.cell(r, column), value)
            _value(ws.cell(r, width + 1), plan.reason or plan.reason_code or "")
        ws.freeze_panes = "A2"
    _save_atomically(wb, path)
    return path
