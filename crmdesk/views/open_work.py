"""Open tickets and open deals across all customers, read-only, soonest due first.

The ticket kanban and the pipeline funnel come later; until then these lists show what exists.
Double-clicking a row opens its customer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from crmdesk.qt.context import AppContext
from crmdesk.qt.customer_model import format_date, format_money
from crmdesk.qt.labels import label
from crmdesk.services import ChangeSet, activity
from crmdesk.views.customer_list import configure_table

LIMIT = 500
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_CTX = "OpenWork"

Column = tuple[str, Callable[[Any], str]]

TICKET_COLUMNS: tuple[Column, ...] = (
    (QT_TRANSLATE_NOOP("OpenWork", "Number"), lambda t: t.number),
    (QT_TRANSLATE_NOOP("OpenWork", "Customer"), lambda t: t.customer_name),
    (QT_TRANSLATE_NOOP("OpenWork", "Title"), lambda t: t.title),
    (QT_TRANSLATE_NOOP("OpenWork", "Category"), lambda t: label("ticket_category", t.category)),
    (QT_TRANSLATE_NOOP("OpenWork", "Priority"), lambda t: label("ticket_priority", t.priority)),
    (QT_TRANSLATE_NOOP("OpenWork", "Status"), lambda t: label("ticket_status", t.status)),
    (QT_TRANSLATE_NOOP("OpenWork", "Assignee"), lambda t: t.assignee_name or ""),
    (QT_TRANSLATE_NOOP("OpenWork", "Due"), lambda t: format_date(t.due_at)),
    (QT_TRANSLATE_NOOP("OpenWork", "Opened"), lambda t: format_date(t.created_at)),
)

DEAL_COLUMNS: tuple[Column, ...] = (
    (QT_TRANSLATE_NOOP("OpenWork", "Customer"), lambda d: d.customer_name),
    (QT_TRANSLATE_NOOP("OpenWork", "Deal"), lambda d: d.title),
    (QT_TRANSLATE_NOOP("OpenWork", "Stage"), lambda d: label("deal_stage", d.stage)),
    (QT_TRANSLATE_NOOP("OpenWork", "Amount"), lambda d: f"{format_money(d.amount)} {d.currency}"),
    (QT_TRANSLATE_NOOP("OpenWork", "Probability"), lambda d: f"{d.probability}%"),
    (QT_TRANSLATE_NOOP("OpenWork", "Expected close"), lambda d: format_date(d.expected_close)),
    (QT_TRANSLATE_NOOP("OpenWork", "Owner"), lambda d: d.owner_name or ""),
)


class _OpenList(QWidget):
    """A read-only table filled in the background, refreshed when its records change."""

    columns: tuple[Column, ...] = ()
    right_aligned: frozenset[int] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel(self)
        self.model = QStandardItemModel(0, len(self.columns), self)
        self.model.setHorizontalHeaderLabels(
            [QCoreApplication.translate(_CTX, c[0]) for c in self.columns]
        )
        self.table = QTableView(self)
        configure_table(self.table)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._stale = True
        self._loading = False
        ctx.bus.data_changed.connect(self._on_data_changed)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._stale = False
        self._loading = True
        db = self.ctx.db
        fetch = self.fetch
        self.ctx.tasks.submit(lambda: fetch(db), self._fill, self._failed)

    def fetch(self, db: Any) -> Sequence[Any]:  # noqa: ANN401
        raise NotImplementedError

    def affected(self, changes: ChangeSet) -> bool:
        raise NotImplementedError

    def describe(self, count: int) -> str:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.ctx.tasks.default_error_handler(exc)

    def _fill(self, rows: Sequence[Any]) -> None:
        self._loading = False
        self.model.removeRows(0, self.model.rowCount())
        for r in rows:
            items = []
            for i, (_header, getter) in enumerate(self.columns):
                item = QStandardItem(getter(r))
                item.setEditable(False)
                item.setData(r.customer_id, CUSTOMER_ID_ROLE)
                if i in self.right_aligned:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.decorate(r, i, item)
                items.append(item)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        for i in range(self.model.columnCount()):
            self.table.setColumnWidth(i, min(self.table.columnWidth(i) + 12, 320))
        self.summary.setText(self.describe(len(rows)))

    def decorate(self, row: Any, column: int, item: QStandardItem) -> None:  # noqa: ANN401
        pass

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if changes.everything or changes.customers or self.affected(changes):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def _open(self, index: Any) -> None:  # noqa: ANN401
        cid = index.data(CUSTOMER_ID_ROLE)
        if cid is not None:
            self.ctx.bus.open_customer_requested.emit(int(cid))


class OpenTicketsPage(_OpenList):
    columns = TICKET_COLUMNS

    def fetch(self, db: Any) -> Sequence[Any]:  # noqa: ANN401
        return activity.list_open_tickets(db, LIMIT + 1)

    def affected(self, changes: ChangeSet) -> bool:
        return bool(changes.tickets)

    def describe(self, count: int) -> str:
        if count == 0:
            return self.tr("No open tickets.")
        if count > LIMIT:
            return self.tr(
                "The %1 open tickets due soonest; double-click one to open its customer."
            ).replace("%1", self.locale().toString(LIMIT))
        return self.tr(
            "%Ln open tickets, soonest due first; double-click one to open its customer.", "", count
        )

    def _fill(self, rows: Sequence[Any]) -> None:
        super()._fill(list(rows)[:LIMIT])
        if len(rows) > LIMIT:
            self.summary.setText(self.describe(len(rows)))

    def decorate(self, row: Any, column: int, item: QStandardItem) -> None:  # noqa: ANN401
        if row.breached and column == 7:
            item.setForeground(QBrush(QColor("#c0392b")))
            item.setToolTip(self.tr("Past its deadline"))
        if column == 4 and row.priority in ("urgent", "high"):
            item.setForeground(QBrush(QColor("#c0392b")))


class OpenDealsPage(_OpenList):
    columns = DEAL_COLUMNS
    right_aligned = frozenset({3, 4})

    def fetch(self, db: Any) -> Sequence[Any]:  # noqa: ANN401
        return activity.list_open_deals(db, LIMIT + 1)

    def affected(self, changes: ChangeSet) -> bool:
        return bool(changes.deals)

    def describe(self, count: int) -> str:
        if count == 0:
            return self.tr("No open deals.")
        if count > LIMIT:
            return self.tr(
                "The %1 open deals closing soonest; double-click one to open its customer."
            ).replace("%1", self.locale().toString(LIMIT))
        return self.tr(
            "%Ln open deals, soonest expected close first; double-click one to open its customer.",
            "",
            count,
        )

    def _fill(self, rows: Sequence[Any]) -> None:
        super()._fill(list(rows)[:LIMIT])
        if len(rows) > LIMIT:
            self.summary.setText(self.describe(len(rows)))
