"""Small table models for the 360° tabs (contacts, deals, orders, tickets, tasks, history) and
the lazily paged timeline model, plus the locale-aware formatting they share with the views.

Each table model holds a list of frozen rows from a service; ``set_rows`` replaces them. Column
headers are translated at display time, so switching the language needs no rebuild.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crmdesk.qt.labels import label
from crmdesk.services.dto import (
    AuditRow,
    ContactRow,
    DealRow,
    InteractionRow,
    OrderRow,
    TaskRow,
    TicketRow,
)

_CTX = "SimpleModels"
Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOR = QColor("#c62828")
MUTED_COLOR = QColor("#757575")
IMPORTANT_COLOR = QColor("#e65100")

# ---------------------------------------------------------------------------------------------
# Formatting (QLocale, so 1,234.50 / 1 234,50 and dates follow the user's language)

_CURRENCY_SYMBOLS = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "HKD": "HK$", "GBP": "£"}


def user_locale() -> QLocale:
    """The user's locale; the bare "C" locale (no LANG set) formats like English."""
    loc = QLocale()
    if loc.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return loc


def _date_format(loc: QLocale) -> str:
    # The locale's short date, but with four-digit years: "11/23/26" is ambiguous in a CRM.
    fmt = loc.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def fmt_money(
    amount: Decimal | float | int | None, currency: str = "CNY", decimals: int = 2
) -> str:
    if amount is None:
        return ""
    symbol = _CURRENCY_SYMBOLS.get(currency.upper(), currency + " ")
    return user_locale().toCurrencyString(float(amount), symbol, decimals)


def fmt_number(value: Decimal | float | int | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    return user_locale().toString(float(value), "f", decimals)


def fmt_compact_money(value: Decimal | float, currency: str = "CNY") -> str:
    """Large amounts the way people read them: ¥2.40亿 / ¥1,234万 in Chinese, ¥240.2M in English."""
    value = float(value)
    symbol = fmt_money(0, currency, 0).replace("0", "").strip() or currency
    magnitude = abs(value)
    if QLocale().language() == QLocale.Language.Chinese:
        if magnitude >= 1e8:
            return f"{symbol}{fmt_number(value / 1e8, 2)}亿"
        if magnitude >= 1e4:
            return f"{symbol}{fmt_number(value / 1e4, 1)}万"
        return fmt_money(value, currency, 0)
    if magnitude >= 1e9:
        return f"{symbol}{fmt_number(value / 1e9, 2)}B"
    if magnitude >= 1e6:
        return f"{symbol}{fmt_number(value / 1e6, 1)}M"
    if magnitude >= 1e4:
        return f"{symbol}{fmt_number(value / 1e3, 1)}K"
    return fmt_money(value, currency, 0)


def fmt_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    loc = user_locale()
    return loc.toString(QDate(value.year, value.month, value.day), _date_format(loc))


def to_qdatetime(value: dt.datetime) -> QDateTime:
    """A stored (UTC-aware) timestamp as a local QDateTime."""
    if value.tzinfo is not None:
        value = value.astimezone()
    return QDateTime(
        QDate(value.year, value.month, value.day),
        QTime(value.hour, value.minute, value.second),
    )


def fmt_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    loc = user_locale()
    fmt = _date_format(loc) + " " + loc.timeFormat(QLocale.FormatType.ShortFormat)
    return loc.toString(to_qdatetime(value), fmt)


def is_past(value: dt.datetime | None) -> bool:
    if value is None:
        return False
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value < dt.datetime.now(dt.UTC)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


# ---------------------------------------------------------------------------------------------
# A table of frozen rows


R = TypeVar("R")


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # a QT_TRANSLATE_NOOP source string in the SimpleModels context
    text: Callable[[R], str]
    align_right: bool = False
    color: Callable[[R], QColor | None] | None = None
    bold: Callable[[R], bool] | None = None
    check: Callable[[R], bool] | None = None
    tooltip: Callable[[R], str] | None = None


class RowsTableModel(QAbstractTableModel, Generic[R]):
    columns: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _tr(self.columns[section].header)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            color = col.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.FontRole and col.bold is not None and col.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.CheckStateRole and col.check is not None:
            return Qt.CheckState.Checked if col.check(row) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row) or None
        return None


def _yes(value: bool) -> str:
    return "✔" if value else ""


class ContactsModel(RowsTableModel[ContactRow]):
    columns = (
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Name"),
            lambda r: r.name,
            bold=lambda r: r.is_primary,
        ),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Job title"), lambda r: r.title or ""),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Phone"), lambda r: r.phone or ""),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Email"), lambda r: r.email or ""),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "WeChat"), lambda r: r.wechat or ""),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Birthday"), lambda r: fmt_date(r.birthday)),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Primary"), lambda r: "★" if r.is_primary else ""),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Decision maker"),
            lambda r: _yes(r.is_decision_maker),
        ),
    )


class DealsModel(RowsTableModel[DealRow]):
    columns = (
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Deal"), lambda r: r.title),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Stage"), lambda r: label("deal_stage", r.stage)),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Amount"),
            lambda r: fmt_money(r.amount, r.currency),
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Probability"),
            lambda r: f"{r.probability}%",
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Expected close"),
            lambda r: fmt_date(r.expected_close),
        ),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Owner"), lambda r: r.owner_name or ""),
    )


class OrdersModel(RowsTableModel[OrderRow]):
    columns = (
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Order"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Date"), lambda r: fmt_date(r.ordered_on)),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Amount"),
            lambda r: fmt_money(r.amount, r.currency),
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Paid"),
            lambda r: fmt_money(r.paid, r.currency),
            align_right=True,
            color=lambda r: (
                OVERDUE_COLOR
                if r.status != "cancelled" and Decimal(r.paid or 0) < Decimal(r.amount or 0)
                else None
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Status"),
            lambda r: label("order_status", r.status),
            color=lambda r: MUTED_COLOR if r.status == "cancelled" else None,
        ),
    )


_TICKET_DONE = {"resolved", "closed"}


def ticket_overdue(r: TicketRow) -> bool:
    return r.status not in _TICKET_DONE and (r.breached or is_past(r.due_at))


class TicketsModel(RowsTableModel[TicketRow]):
    columns = (
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Ticket"), lambda r: r.number),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Title"),
            lambda r: r.title,
            bold=ticket_overdue,
        ),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Category"),
            lambda r: label("ticket_category", r.category),
        ),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Priority"),
            lambda r: label("ticket_priority", r.priority),
            color=lambda r: OVERDUE_COLOR if r.priority in ("urgent", "high") else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Status"),
            lambda r: label("ticket_status", r.status),
        ),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Assignee"), lambda r: r.assignee_name or ""),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Created"), lambda r: fmt_datetime(r.created_at)),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Due"),
            lambda r: (
                fmt_datetime(r.due_at)
                + (
                    "  ⚠ " + QCoreApplication.translate("SimpleModels", "Overdue")
                    if ticket_overdue(r)
                    else ""
                )
            ),
            color=lambda r: OVERDUE_COLOR if ticket_overdue(r) else None,
        ),
    )


def task_overdue(r: TaskRow) -> bool:
    return r.done_at is None and is_past(r.due_at)


class TasksModel(RowsTableModel[TaskRow]):
    columns = (
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Task"),
            lambda r: r.title,
            check=lambda r: r.done_at is not None,
            color=lambda r: MUTED_COLOR if r.done_at is not None else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("SimpleModels", "Due"),
            lambda r: fmt_datetime(r.due_at),
            color=lambda r: OVERDUE_COLOR if task_overdue(r) else None,
        ),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Assignee"), lambda r: r.assignee_name or ""),
        Column(QT_TRANSLATE_NOOP("SimpleModels", "Done"), lambda r: fmt_datetime(r.done_at)),
    )


# Stored values of these fields are codes; the history shows their labels.
_CODED_FIELDS = {
    "kind": "kind",
    "stage": "stage",
    "tier": "tier",
    "segment": "segment",
    "channel": "channel",
    "priority": "ticket_priority",
    "status": "ticket_status",
    "category": "ticket_category",
}


class HistoryModel(RowsTableModel[AuditRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.user_names: dict[int, str] = {}

    def value_text(self, r: AuditRow, value: str | None) -> str:
        if value is None:
            return "—"
        if r.field in _CODED_FIELDS:
            table = _CODED_FIELDS[r.field]
            if r.entity == "interaction" and r.field == "kind":
                table = "interaction"
            return label(table, value)
        if r.field in ("owner_id", "assignee_id") and value.isdigit():
            return self.user_names.get(int(value), value)
        if value in ("true", "false"):
            return (
                QCoreApplication.translate("SimpleModels", "Yes")
                if value == "true"
                else QCoreApplication.translate("SimpleModels", "No")
            )
        return value

    @property
    def columns(self) -> Sequence[Column[AuditRow]]:  # type: ignore[override]
        return (
            Column(QT_TRANSLATE_NOOP("SimpleModels", "When"), lambda r: fmt_datetime(r.at)),
            Column(QT_TRANSLATE_NOOP("SimpleModels", "Who"), lambda r: r.user_name or ""),
            Column(
                QT_TRANSLATE_NOOP("SimpleModels", "What"),
                lambda r: f"{label('entity', r.entity)} · {label('audit_action', r.action)}",
            ),
            Column(
                QT_TRANSLATE_NOOP("SimpleModels", "Field"),
                lambda r: label("field", r.field) if r.field else "",
            ),
            Column(
                QT_TRANSLATE_NOOP("SimpleModels", "Old value"),
                lambda r: self.value_text(r, r.old_value) if r.field else "",
                color=lambda r: MUTED_COLOR,
            ),
            Column(
                QT_TRANSLATE_NOOP("SimpleModels", "New value"),
                lambda r: self.value_text(r, r.new_value) if r.field else "",
            ),
        )


# ---------------------------------------------------------------------------------------------
# The timeline: thousands of interactions, fetched a page at a time


class TimelineModel(QAbstractListModel):
    """Interactions newest first. Holds only the pages fetched so far; the view asks for the
    next page (``fetchMore``) when it is scrolled to the bottom. A page is one indexed range
    read, small enough to read on the GUI thread."""

    RowRole = Qt.ItemDataRole.UserRole
    page_loaded = Signal(int)

    def __init__(
        self,
        fetch_page: Callable[[int, int], list[InteractionRow]],
        page_size: int = 100,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fetch_page = fetch_page
        self.page_size = page_size
        self._rows: list[InteractionRow] = []
        self._exhausted = True
        self.total = 0

    def set_first_page(self, rows: Sequence[InteractionRow], total: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.total = total
        self._exhausted = len(self._rows) >= total or len(self._rows) < self.page_size
        self.endResetModel()

    def row_at(self, row: int) -> InteractionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r.summary
        if role == self.RowRole:
            return r
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.content or None
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted:
            return
        fetched = self._fetch_page(len(self._rows), self.page_size)
        if len(fetched) < self.page_size:
            self._exhausted = True
        known = {r.id for r in self._rows[-self.page_size :]}
        # A row added meanwhile shifts the pages by one; skip what we already hold.
        page = [r for r in fetched if r.id not in known]
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.page_loaded.emit(len(self._rows))
