"""Cells: text a cell can hold, widths, shared styles and the fast row writer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from crmdesk.services.exporting.words import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    MAX_CELL_CHARS,
    MONEY_FORMAT,
)

# A cell whose text starts with one of these would be read as a formula (or, after a tab or a
# line break, look like one) when somebody edits it in Excel or pastes it into a CSV.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Characters XML 1.0 cannot hold; Excel would call the file damaged.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` as a cell can hold it: line breaks as Excel's (a lone CR or CRLF becomes LF,
    which is what XML reads back anyway), no control characters XML forbids, at most the
    32,767 characters Excel keeps."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    return text[:MAX_CELL_CHARS]


def display_width(text: str) -> int:
    """Columns ``text`` takes on screen: CJK and other wide characters count double."""
    return len(text) + sum(1 for ch in text if ord(ch) >= 0x1100 and _wide(ch))


def _wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in ("W", "F")


def _local(value: dt.datetime) -> dt.datetime:
    """A stored UTC timestamp as the wall-clock time of this computer (Excel has no zones),
    to the second."""
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(microsecond=0)


class _Styles:
    """One shared style array per kind of cell: no style object is made per cell."""

    def __init__(self, ws: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill

        def style_of(**attrs: Any) -> Any:
            cell = WriteOnlyCell(ws)
            for name, value in attrs.items():
                setattr(cell, name, value)
            return cell._style

        self.ws = ws
        self.datetime = style_of(number_format=DATETIME_FORMAT)
        self.date = style_of(number_format=DATE_FORMAT)
        self.money = style_of(number_format=MONEY_FORMAT)
        self.text = style_of(quotePrefix=True)
        self.header = style_of(
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="FFE8EEF4"),
            alignment=Alignment(vertical="center"),
        )
        self.header_hidden = style_of(font=Font(bold=True, color="FF808080"))

    def cell(self, value: Any, style: Any, column: int = 1) -> Any:
        from openpyxl.cell import Cell

        cell = Cell(self.ws, 1, column)
        cell._style = style
        cell.value = value
        return cell


class _RowWriter:
    """Turns a row read from the database into the cells of one sheet row, fast.

    openpyxl's write-only sheet turns each appended value into a cell and writes it before it
    asks for the next one, so one cell object per column (and per style) is reused for every
    row: no cell, style or number-format object is made per value. Values are bound here by
    kind (text, number, date) instead of by openpyxl's type sniffing, which also keeps text that
    starts with "=" a string instead of a formula.
    """

    def __init__(self, ws: Any, styles: _Styles, specs: Sequence[tuple[int, str, Any]]) -> None:
        from openpyxl.cell import Cell

        def make(column: int, data_type: str, style: Any) -> Any:
            cell = Cell(ws, 1, column)
            cell._style = style
            cell.data_type = data_type
            return cell

        # (source index, cell, cell for formula-like text or None, converter or None)
        self.plan: list[tuple[int, Any, Any, Any]] = []
        for column, (source, kind, convert) in enumerate(specs, 1):
            if kind == "text":
                cell = make(column, "s", None)
                risky = make(column, "s", styles.text)
            else:
                data_type, style = {
                    "number": ("n", None),
                    "money": ("n", styles.money),
                    "datetime": ("d", styles.datetime),
                    "date": ("d", styles.date),
                }[kind]
                cell, risky = make(column, data_type, style), None
            self.plan.append((source, cell, risky, convert))

    def values_to_row(self, row: Sequence[Any], row_idx: int) -> Iterator[Any]:
        starts = FORMULA_STARTS
        for source, cell, risky, convert in self.plan:
            value = row[source]
            if value is None:
                continue
            if convert is not None:
                value = convert(value)
                if value is None:
                    continue
            if risky is not None and value.startswith(starts):
                cell = risky
            cell._value = value
            cell.row = row_idx
            yield cell


def _column_width(header: str, samples: Sequence[Any], kind: str) -> float:
    if kind == "datetime":
        longest = len("2024-03-05 14:30")
    elif kind == "date":
        longest = len("2024-03-05")
    elif kind == "money":
        biggest = max((abs(v) for v in samples if v is not None), default=Decimal(0))
        longest = len(f"{biggest:,.2f}")
    else:
        longest = max(
            (display_width(str(v).split("\n", 1)[0]) for v in samples if v is not None),
            default=0,
        )
    # Autofilter buttons sit on the header's right; keep the header readable beside them.
    return float(min(max(longest, display_width(header) + 3, 6) + 2, 60))
