"""The list behind a dashboard figure: the customers, deals, tickets or interactions it counts.

Opened by a click on a tile, bar, slice or funnel stage. The header says what the list is and
how many records it holds (and, for money, what they add up to), so the user can see it is the
figure they clicked. Pages of 200 load as the list scrolls; a double-click opens the record.
"""

from __future__ import annotations

import datetime as dt
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
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.qt.simple_models import fmt_date, fmt_datetime, fmt_money, fmt_number
from crmdesk.services.dashboard import Drill
from crmdesk.services.dashboard_drill import (
    DRILL_HEADERS,
    DrillRow,
    drill_count,
    drill_page,
    drill_total,
)

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
_CTX = "DrillWindow"

HEADERS: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("DrillWindow", "Code"),
    "name": QT_TRANSLATE_NOOP("DrillWindow", "Name"),
    "tier": QT_TRANSLATE_NOOP("DrillWindow", "Tier"),
    "stage": QT_TRANSLATE_NOOP("DrillWindow", "Stage"),
    "owner": QT_TRANSLATE_NOOP("DrillWindow", "Owner"),
    "created_at": QT_TRANSLATE_NOOP("DrillWindow", "Created"),
    "title": QT_TRANSLATE_NOOP("DrillWindow", "Title"),
    "customer": QT_TRANSLATE_NOOP("DrillWindow", "Customer"),
    "amount": QT_TRANSLATE_NOOP("DrillWindow", "Amount"),
    "closed_at": QT_TRANSLATE_NOOP("DrillWindow", "Closed"),
    "number": QT_TRANSLATE_NOOP("DrillWindow", "Number"),
    "category": QT_TRANSLATE_NOOP("DrillWindow", "Category"),
    "status": QT_TRANSLATE_NOOP("DrillWindow", "Status"),
    "occurred_at": QT_TRANSLATE_NOOP("DrillWindow", "When"),
    "kind": QT_TRANSLATE_NOOP("DrillWindow", "Kind"),
    "summary": QT_TRANSLATE_NOOP("DrillWindow", "Summary"),
    "user": QT_TRANSLATE_NOOP("DrillWindow", "Logged by"),
}

# The labels.py table of each coded column, per entity.
_CODED = {
    ("customer", "tier"): "tier",
    ("customer", "stage"): "stage",
    ("deal", "stage"): "deal_stage",
    ("ticket", "category"): "ticket_category",
    ("ticket", "status"): "ticket_status",
    ("interaction", "kind"): "interaction",
}


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CTX, text, "", n)


class DrillModel(QAbstractTableModel):
    """The records of one drill, fetched a page at a time on the task runner."""

    def __init__(self, ctx: AppContext, drill: Drill, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.drill = drill
        self.headers = DRILL_HEADERS[drill.entity]
        self.rows: list[DrillRow] = []
        self.total = 0
        self._loading = False

    def start(self, rows: list[DrillRow], total: int) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.total = total
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: ANN401
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return _tr(HEADERS.get(self.headers[section], self.headers[section]))
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if not (0 <= index.column() < len(self.headers)):
            return None
        value = row.cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(self.headers[index.column()], value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, Decimal | int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, column: str, value: object) -> str:
        if value is None:
            return ""
        table = _CODED.get((self.drill.entity, column))
        if table is not None:
            return label(table, str(getattr(value, "value", value)))
        if isinstance(value, dt.datetime):
            return fmt_datetime(value)
        if isinstance(value, dt.date):
            return fmt_date(value)
        if isinstance(value, Decimal) and column == "amount":
            return fmt_money(value, self.drill.scope.currency)
        return str(value)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        self._loading = True
        offset = len(self.rows)
        db, drill = self.ctx.db, self.drill

        def done(rows: list[DrillRow]) -> None:
            self._loading = False
            if not rows or offset != len(self.rows):
                return
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.ctx.tasks.default_error_handler(exc)

        self.ctx.tasks.submit(lambda: drill_page(db, drill, offset, PAGE), done, failed)


class DrillWindow(QDialog):
    """A window listing the records behind one figure."""

    def __init__(
        self, ctx: AppContext, drill: Drill, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.drill = drill
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        self.heading = QLabel(title, self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(QCoreApplication.translate("DrillWindow", "Counting…"), self)
        self.model = DrillModel(ctx, drill, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.open_record)
        self.table.activated.connect(self.open_record)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.load()

    def load(self) -> None:
        db, drill = self.ctx.db, self.drill
        money = drill.entity == "deal" and drill.measure in ("amount", "weighted")

        def read() -> tuple[int, list[DrillRow], Decimal | None]:
            total = drill_count(db, drill)
            amount = drill_total(db, drill) if money else None
            return total, drill_page(db, drill, 0, PAGE), amount

        self.ctx.tasks.submit(read, self._loaded)

    def _loaded(self, result: tuple[int, list[DrillRow], Decimal | None]) -> None:
        total, rows, amount = result
        self.model.start(rows, total)
        entity = self.drill.entity
        if entity == "customer":
            text = self.tr("%n customer(s)", "", total)
        elif entity == "deal":
            text = self.tr("%n deal(s)", "", total)
        elif entity == "ticket":
            text = self.tr("%n ticket(s)", "", total)
        else:
            text = self.tr("%n interaction(s)", "", total)
        if amount is not None:
            key = (
                QCoreApplication.translate("DrillWindow", "Weighted total: %1")
                if self.drill.measure == "weighted"
                else QCoreApplication.translate("DrillWindow", "Total: %1")
            )
            text += " · " + key.replace("%1", fmt_money(amount, self.drill.scope.currency))
        self.summary.setText(text.replace("%L1", fmt_number(total)))
        self.table.resizeColumnsToContents()

    def open_record(self, index: QModelIndex) -> None:
        row = self.model.data(index, Qt.ItemDataRole.UserRole)
        if not isinstance(row, DrillRow):
            return
        if row.entity == "ticket":
            self.ctx.bus.open_ticket_requested.emit(row.id)
        elif row.entity == "deal":
            from crmdesk.views.deal_dialog import open_deal

            open_deal(self.ctx, self, row.id)
        elif row.customer_id is not None:
            self.ctx.bus.open_customer_requested.emit(row.customer_id)
