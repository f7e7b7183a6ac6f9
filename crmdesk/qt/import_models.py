"""Item models of the import screens: the column mapping, the row-by-row preview, the history.

They hold frozen data from the import services (ColumnMapping, RowPlan, ImportBatchRow) and
show it through crmdesk.qt.import_labels, so codes reach the user as words in their language.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crmdesk.qt.import_labels import (
    action_label,
    field_label,
    reason_text,
    status_label,
    why_text,
)
from crmdesk.qt.labels import label
from crmdesk.qt.simple_models import fmt_datetime, user_locale
from crmdesk.services.importing.fields import FIELD_BY_KEY
from crmdesk.services.importing.mapping import ColumnMapping, with_field

_CTX = "ImportModels"
Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()

ACTION_COLORS = {
    "create": QColor("#2e7d32"),
    "update": QColor("#1565c0"),
    "skip": QColor("#757575"),
    "reject": QColor("#c62828"),
    "merge": QColor("#ef6c00"),
}
MUTED = QColor("#757575")
WARNING = QColor("#c62828")
HIGHLIGHT = QColor("#fff3c4")

# The role the mapping model answers with a column's field key ("" when ignored).
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
# The field combo's entry that makes a new custom field named after the column (not a target).
NEW_CUSTOM_FIELD = "new-custom-field"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def raw_text(value: object) -> str:
    """A cell of the file as it came (a float Excel made of a phone number keeps its form)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() or abs(value) >= 1e15 else str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes").replace(" 00:00", "")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def cleaned_text(field: str | None, value: object) -> str:
    """A cleaned value as the import will store it: ISO dates (nothing ambiguous), labels for
    stages and tiers, plain grouped numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ImportModels", "Yes")
            if value
            else QCoreApplication.translate("ImportModels", "No")
        )
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | float | int):
        number = Decimal(str(value))
        decimals = 0 if number == number.to_integral_value() else 2
        return user_locale().toString(float(number), "f", decimals)
    if isinstance(value, enum.Enum) or field in FIELD_BY_KEY and FIELD_BY_KEY[field].enum:
        table = FIELD_BY_KEY[field].enum if field in FIELD_BY_KEY else None
        text = str(getattr(value, "value", value))
        return label(table, text) if table else text
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value)
    return str(getattr(value, "display", value))


def scale_text(scale: Decimal) -> str:
    """ "× 10,000" for a column whose header names a unit; "" for 1."""
    if scale == 1:
        return ""
    return "× " + user_locale().toString(float(scale), "f", 0 if scale == int(scale) else 4)


# ---------------------------------------------------------------------------------------------
# Mapping


class MappingModel(QAbstractTableModel):
    """One row per column of the sheet: header, sample values, the field it goes to, the unit.

    The field column is editable (EditRole/FIELD_ROLE take a field key, "" or None to ignore).
    Each field takes one column: giving a field to a column takes it from the column that had it.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportModels", "Column"),
        QT_TRANSLATE_NOOP("ImportModels", "Sample values"),
        QT_TRANSLATE_NOOP("ImportModels", "Import into"),
        QT_TRANSLATE_NOOP("ImportModels", "Unit"),
    )
    COL_HEADER, COL_SAMPLES, COL_FIELD, COL_UNIT = range(4)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._mapping: list[ColumnMapping] = []
        self._samples: list[list[str]] = []
        self._custom: dict[str, str] = {}
        self.last_moved: tuple[str, int] | None = None  # (field, column it was taken from)

    def set_mapping(
        self,
        mapping: Sequence[ColumnMapping],
        samples: Sequence[Sequence[str]],
        custom_labels: dict[str, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._mapping = list(mapping)
        self._samples = [list(s) for s in samples]
        self._custom = dict(custom_labels or {})
        self.last_moved = None
        self.endResetModel()

    def set_custom_labels(self, custom_labels: dict[str, str]) -> None:
        """Name the custom-field targets anew (a custom field was added) without a reset."""
        self._custom = dict(custom_labels)
        if self._mapping:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._mapping) - 1, self.columnCount() - 1)
            )

    def mapping(self) -> tuple[ColumnMapping, ...]:
        return tuple(self._mapping)

    def column_mapping(self, row: int) -> ColumnMapping:
        return self._mapping[row]

    def target_label(self, target: str | None) -> str:
        if not target:
            return QCoreApplication.translate("ImportModels", "— ignore —")
        if target in self._custom:
            return self._custom[target]
        english = FIELD_BY_KEY[target].label if target in FIELD_BY_KEY else target
        return field_label(target, english)

    def used_by(self, target: str) -> int | None:
        """The row (column of the sheet) that imports into ``target``, if any."""
        for row, m in enumerate(self._mapping):
            if m.field == target:
                return row
        return None

    def mapped_count(self) -> int:
        return sum(1 for m in self._mapping if m.field)

    # Qt interface --------------------------------------------------------------------------

    def rowCount(self, parent: Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._mapping)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return _tr(self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._mapping):
            return column_letter(self._mapping[section].column)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_FIELD:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._mapping):
            return None
        m = self._mapping[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_HEADER:
                return m.header or QCoreApplication.translate("ImportModels", "(no header)")
            if col == self.COL_SAMPLES:
                samples = self._samples[index.row()] if index.row() < len(self._samples) else []
                return "  ·  ".join(samples[:3])
            if col == self.COL_FIELD:
                return self.target_label(m.field)
            if col == self.COL_UNIT:
                return scale_text(m.scale) if m.field else ""
            return None
        if role in (Qt.ItemDataRole.EditRole, FIELD_ROLE):
            return (m.field or "") if col == self.COL_FIELD else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_FIELD or col == self.COL_HEADER:
                return self._why(m)
            if col == self.COL_SAMPLES:
                samples = self._samples[index.row()] if index.row() < len(self._samples) else []
                return "\n".join(samples) or None
            if col == self.COL_UNIT and m.scale != 1:
                return QCoreApplication.translate(
                    "ImportModels", "The values in this column are multiplied by %1."
                ).replace("%1", user_locale().toString(float(m.scale), "f", 0))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not m.field and col != self.COL_HEADER:
                return QBrush(MUTED)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if col == self.COL_FIELD and m.field:
                font = QFont()
                font.setBold(True)
                return font
            if col == self.COL_FIELD and not m.field:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        return None

    def _why(self, m: ColumnMapping) -> str:
        lines = [
            QCoreApplication.translate("ImportModels", "Column %1: %2")
            .replace("%1", column_letter(m.column))
            .replace("%2", m.header)
        ]
        if m.field:
            percent = user_locale().toString(round(m.confidence * 100))
            lines.append(
                QCoreApplication.translate("ImportModels", "Confidence: %1%").replace("%1", percent)
            )
        if m.reason:
            lines.append(why_text(m.reason))
        return "\n".join(lines)

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            not index.isValid()
            or index.column() != self.COL_FIELD
            or role not in (Qt.ItemDataRole.EditRole, FIELD_ROLE)
        ):
            return False
        target = str(value) if value else None
        row = index.row()
        if self._mapping[row].field == target:
            return False
        self.last_moved = None
        if target:
            other = self.used_by(target)
            if other is not None and other != row:
                self._mapping[other] = with_field(self._mapping[other], None)
                self.last_moved = (target, other)
                self._row_changed(other)
        self._mapping[row] = with_field(self._mapping[row], target)
        self._row_changed(row)
        return True

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


# ---------------------------------------------------------------------------------------------
# Preview


class PreviewModel(QAbstractTableModel):
    """What the import will do with each row: action, source row, reason, then one column per
    imported field showing "original → cleaned" where cleaning changed the value."""

    FIXED = (
        QT_TRANSLATE_NOOP("ImportModels", "Action"),
        QT_TRANSLATE_NOOP("ImportModels", "Row"),
        QT_TRANSLATE_NOOP("ImportModels", "Reason"),
    )
    COL_ACTION, COL_ROW, COL_REASON = range(3)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()  # RowPlan
        self._shown: list[int] = []
        self._fields: list[tuple[int, str, str]] = []  # (column, field key, header)
        self._sheet = ""
        self._custom: dict[str, str] = {}
        self.action_filter: str | None = None

    def set_preview(self, preview: Any, custom_labels: dict[str, str] | None = None) -> None:
        """Show an ImportPreview (crmdesk.services.importing.engine)."""
        self.beginResetModel()
        self._rows = tuple(preview.rows)
        self._sheet = preview.sheet
        self._custom = dict(custom_labels or {})
        self._fields = [(m.column, m.field, m.header) for m in preview.mapping if m.field]
        self._filter()
        self.endResetModel()

    def set_filter(self, action: str | None) -> None:
        self.beginResetModel()
        self.action_filter = action
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        action = self.action_filter
        self._shown = [i for i, r in enumerate(self._rows) if action is None or r.action == action]

    def plan(self, row: int) -> Any:
        return self._rows[self._shown[row]]

    def rowCount(self, parent: Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.FIXED) + len(self._fields)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section < len(self.FIXED):
            return _tr(self.FIXED[section]) if role == Qt.ItemDataRole.DisplayRole else None
        column, field, header = self._fields[section - len(self.FIXED)]
        if role == Qt.ItemDataRole.DisplayRole:
            if field in self._custom:
                return self._custom[field]
            english = FIELD_BY_KEY[field].label if field in FIELD_BY_KEY else field
            return field_label(field, english)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("ImportModels", "Column %1: %2")
                .replace("%1", column_letter(column))
                .replace("%2", header)
            )
        return None

    def _pair(self, plan: Any, slot: int) -> tuple[str, str]:
        column, field, _header = self._fields[slot]
        raw = plan.original[column] if column < len(plan.original) else None
        cleaned = dict(plan.cleaned)
        value = cleaned_text(field, cleaned[field]) if field in cleaned else ""
        return raw_text(raw).strip(), value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        plan = self.plan(index.row())
        col = index.column()
        if col == self.COL_ACTION:
            if role == Qt.ItemDataRole.DisplayRole:
                return action_label(plan.action)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ACTION_COLORS.get(plan.action, MUTED))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if col == self.COL_ROW:
            if role == Qt.ItemDataRole.DisplayRole:
                if plan.sheet and plan.sheet != self._sheet:
                    return f"{plan.sheet} · {plan.source_row}"
                return str(plan.source_row)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if col == self.COL_REASON:
            text = (
                reason_text(plan.reason_code, plan.reason)
                if plan.reason_code or plan.reason
                else ""
            )
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return text or None
            if role == Qt.ItemDataRole.ForegroundRole and plan.action == "reject":
                return QBrush(WARNING)
            return None
        slot = col - len(self.FIXED)
        if not 0 <= slot < len(self._fields):
            return None
        if plan.sheet and plan.sheet != self._sheet:
            # A row of a contacts/follow-ups/orders sheet: its columns are not these.
            if role == Qt.ItemDataRole.ToolTipRole:
                return "  ·  ".join(raw_text(v) for v in plan.original if v is not None)
            return None
        raw, value = self._pair(plan, slot)
        changed = bool(raw) and raw != value
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{raw} → {value}" if changed and value else (value or raw)
        if role == Qt.ItemDataRole.ToolTipRole and (raw or value):
            return (
                QCoreApplication.translate("ImportModels", "In the file: %1").replace("%1", raw)
                + "\n"
                + QCoreApplication.translate("ImportModels", "Imported as: %1").replace(
                    "%1", value or QCoreApplication.translate("ImportModels", "(nothing)")
                )
            )
        if role == Qt.ItemDataRole.ForegroundRole and changed and not value:
            return QBrush(WARNING)
        return None


# ---------------------------------------------------------------------------------------------
# The first rows of a sheet, as they are in the file


class SheetModel(QAbstractTableModel):
    """The first rows of a sheet, read-only, with the header row highlighted; the vertical
    header shows the row numbers Excel shows."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[list[object]] = []
        self._width = 0
        self.header_index = -1

    def set_rows(self, rows: Sequence[Sequence[object]], header_index: int) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._width = max((len(r) for r in self._rows), default=0)
        self.header_index = header_index
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._width

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._width:
            return column_letter(section)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        header = index.row() == self.header_index
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[index.column()] if index.column() < len(row) else None
            return raw_text(value)
        if role == Qt.ItemDataRole.BackgroundRole and header:
            return QBrush(HIGHLIGHT)
        if role == Qt.ItemDataRole.FontRole and header:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and index.row() < self.header_index:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and header:
            return QCoreApplication.translate(
                "ImportModels", "The header row: the names of the columns."
            )
        return None


# ---------------------------------------------------------------------------------------------
# History


class HistoryModel(QAbstractTableModel):
    """The recorded imports (ImportBatchRow), newest first as the engine lists them."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportModels", "File"),
        QT_TRANSLATE_NOOP("ImportModels", "When"),
        QT_TRANSLATE_NOOP("ImportModels", "Who"),
        QT_TRANSLATE_NOOP("ImportModels", "Created"),
        QT_TRANSLATE_NOOP("ImportModels", "Updated"),
        QT_TRANSLATE_NOOP("ImportModels", "Skipped"),
        QT_TRANSLATE_NOOP("ImportModels", "Rejected"),
        QT_TRANSLATE_NOOP("ImportModels", "Status"),
    )
    _COUNTS = ("created", "updated", "skipped", "rejected")

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def batch(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        b = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return b.file_name + (f" · {b.sheet}" if b.sheet else "")
            if col == 1:
                return fmt_datetime(b.started_at)
            if col == 2:
                return b.user_name or ""
            if 3 <= col <= 6:
                return user_locale().toString(int(getattr(b, self._COUNTS[col - 3])))
            if col == 7:
                return status_label(b.status)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= col <= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and b.status != "done":
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return QCoreApplication.translate("ImportModels", "Checksum: %1").replace(
                "%1", b.checksum
            )
        return None
