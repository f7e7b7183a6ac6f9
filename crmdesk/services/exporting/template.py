"""An empty import template: headers with a comment each, an example row on a second sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crmdesk.services.core import Database
from crmdesk.services.exporting.cells import display_width
from crmdesk.services.exporting.customers import _Custom, _custom_fields
from crmdesk.services.exporting.files import ExportResult, _check_target, _save_atomically
from crmdesk.services.exporting.words import (
    DATE_FORMAT,
    EN,
    LABELLED,
    MONEY_FORMAT,
    TEMPLATE_KEYS,
    words,
)


def export_template(path: Path, lang: str = "en", db: Database | None = None) -> ExportResult:
    """An empty import template: the import's headers, each with a comment saying what it
    expects, and an example row on a second sheet. With ``db``, its custom fields too.

    ``rows`` of the result is the number of columns."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = _check_target(path)
    w = words(lang)
    custom = _custom_fields(db) if db is not None else []
    keys = [*TEMPLATE_KEYS]
    titles = [w["headers"][k] for k in keys] + [f.label for f in custom]
    notes = []
    for k in keys:
        note = w["comments"][k]
        if k in LABELLED:
            sep = ", " if w is EN else "、"
            note = note.format(choices=sep.join(w[LABELLED[k]].values()))
        notes.append(note)
    for f in custom:
        notes.append(_custom_note(f, w is EN))
    example = w["example"]
    example_row: list[Any] = []
    for k in keys:
        value = example.get(k)
        if k in LABELLED and value is not None:
            value = w[LABELLED[k]][value]
        example_row.append(value)
    example_row += [None] * len(custom)

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFE8EEF4")
    wb = Workbook()
    sheet = wb.active
    sheet.title = w["sheet"]
    sample = wb.create_sheet(w["example_sheet"])
    for ws in (sheet, sample):
        for n, (title, note) in enumerate(zip(titles, notes, strict=True), 1):
            cell = ws.cell(row=1, column=n, value=title)
            cell.font = bold
            cell.fill = fill
            cell.alignment = Alignment(vertical="center")
            if ws is sheet:
                comment = Comment(note, "crmdesk")
                comment.width = 300
                comment.height = 110
                cell.comment = comment
            values = [example_row[n - 1]] if n <= len(example_row) else []
            width = max([display_width(title) + 3, *(display_width(str(v)) for v in values)])
            ws.column_dimensions[get_column_letter(n)].width = min(width + 2, 50)
        ws.freeze_panes = "A2"
    for n, value in enumerate(example_row, 1):
        if value is None:
            continue
        cell = sample.cell(row=2, column=n, value=value)
        key = keys[n - 1] if n <= len(keys) else ""
        if key == "annual_revenue":
            cell.number_format = MONEY_FORMAT
        elif key == "birthday":
            cell.number_format = DATE_FORMAT
    # Choices as drop-down lists, so a typo cannot slip in.
    for n, k in enumerate(keys, 1):
        if k in LABELLED:
            choices = ",".join(w[LABELLED[k]].values())
            rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
            rule.showErrorMessage = False
            letter = get_column_letter(n)
            rule.add(f"{letter}2:{letter}5000")
            sheet.add_data_validation(rule)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}1"
    try:
        _save_atomically(wb, path)
    finally:
        wb.close()
    return ExportResult(len(titles), path)


def _custom_note(f: _Custom, english: bool) -> str:
    if english:
        return {
            "number": "A number.",
            "date": "A date: 2024-03-05.",
            "bool": "Yes or No.",
            "choice": "One of the field's choices.",
        }.get(f.type, "Free text.")
    return {
        "number": "数字。",
        "date": "日期：2024-03-05。",
        "bool": "是 或 否。",
        "choice": "该字段的可选值之一。",
    }.get(f.type, "自由填写。")
