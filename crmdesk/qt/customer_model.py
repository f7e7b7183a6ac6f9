"""The customer table: a lazy model that never loads or counts every row.

``set_query`` counts up to a cap (10,000) and reads the first page at once, so a keystroke in
the search box costs two small queries however large the office's data is. When the cap was
hit, the exact count is computed in the background and the rows grow when it arrives. Rows are
read in pages of 200 as the view asks for them; a bounded LRU of pages stays in memory. Pages in
the back half are read from the end, so jumping to the last row is as quick as to the first.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.qt.lazy import lazy_module
from crmdesk.services import ChangeSet
from crmdesk.services.dto import CountResult, CustomerQuery, CustomerRow

if TYPE_CHECKING:
    from crmdesk.services import customers as customer_service
else:  # the list is built before the database layer has loaded (see crmdesk.qt.lazy)
    customer_service = lazy_module("crmdesk.services.customers")

PAGE_SIZE = 200
MAX_PAGES = 50
COUNT_CAP = 10_000

_CTX = "CustomerTableModel"

# (key, header, sort key understood by services.customers.SORT_COLUMNS or None)
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("code", QT_TRANSLATE_NOOP("CustomerTableModel", "Code"), "code"),
    ("name", QT_TRANSLATE_NOOP("CustomerTableModel", "Name"), "name"),
    ("kind", QT_TRANSLATE_NOOP("CustomerTableModel", "Type"), None),
    ("tier", QT_TRANSLATE_NOOP("CustomerTableModel", "Tier"), "tier"),
    ("stage", QT_TRANSLATE_NOOP("CustomerTableModel", "Stage"), "stage"),
    ("owner", QT_TRANSLATE_NOOP("CustomerTableModel", "Owner"), "owner"),
    ("city", QT_TRANSLATE_NOOP("CustomerTableModel", "City"), "city"),
    ("industry", QT_TRANSLATE_NOOP("CustomerTableModel", "Industry"), "industry"),
    ("channel", QT_TRANSLATE_NOOP("CustomerTableModel", "Channel"), "channel"),
    ("tags", QT_TRANSLATE_NOOP("CustomerTableModel", "Tags"), None),
    ("contact", QT_TRANSLATE_NOOP("CustomerTableModel", "Contact"), None),
    ("phone", QT_TRANSLATE_NOOP("CustomerTableModel", "Phone"), None),
    ("email", QT_TRANSLATE_NOOP("CustomerTableModel", "Email"), None),
    ("annual_revenue", QT_TRANSLATE_NOOP("CustomerTableModel", "Annual revenue"), "annual_revenue"),
    (
        "last_interaction_at",
        QT_TRANSLATE_NOOP("CustomerTableModel", "Last interaction"),
        "last_interaction_at",
    ),
    ("created_at", QT_TRANSLATE_NOOP("CustomerTableModel", "Created"), "created_at"),
)
COLUMN_KEYS = tuple(c[0] for c in COLUMNS)

TIER_COLORS = {"A": "#c9a227", "B": "#6f8fb3", "C": "#9e9e9e"}
STAGE_COLORS = {"at_risk": "#c0392b", "churned": "#8a8a8a", "new": "#2e7d32"}

_icons: dict[str, QIcon] = {}


def _dot(color: str) -> QIcon:
    icon = _icons.get(color)
    if icon is None:
        pix = QPixmap(10, 10)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(color))
        p.drawEllipse(1, 1, 8, 8)
        p.end()
        icon = _icons[color] = QIcon(pix)
    return icon


def format_money(value: Decimal | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    loc = locale or QLocale()
    decimals = 0 if value == value.to_integral_value() else 2
    return loc.toString(float(value), "f", decimals)


def format_date(value: dt.datetime | dt.date | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        value = value.date()
    loc = locale or QLocale()
    return loc.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def _exact_count(ctx: AppContext, query: CustomerQuery) -> CountResult:
    # On a worker. At start the database may still be opening: wait for it first, so this
    # thread does not import the database layer itself while the window paints.
    db = ctx.db
    return customer_service.count_customers(db, query)


class CustomerTableModel(QAbstractTableModel):
    # (count, exact): the list's size changed or became exact
    count_changed = Signal(int, bool)
    # emitted after a reload caused by somebody's change, so views can restore the selection
    reloaded = Signal()

    def __init__(self, ctx: AppContext, parent: Any = None, *, live: bool = True) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._query = CustomerQuery()
        self._count = 0
        self._exact = True
        self._pages: OrderedDict[int, list[CustomerRow]] = OrderedDict()
        self._requested: CustomerQuery | None = None
        self._generation = 0
        self._loaded = False
        self.pages_fetched = 0
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        if live:
            ctx.bus.data_changed.connect(self._on_data_changed)

    # the query -----------------------------------------------------------------------------

    @property
    def query(self) -> CustomerQuery:
        return self._query

    @property
    def count(self) -> int:
        return self._count

    @property
    def exact(self) -> bool:
        return self._exact

    @property
    def loaded(self) -> bool:
        return self._loaded

    def preset_sort(self, key: str, descending: bool) -> None:
        """Choose the sort before the first load (a view restoring its saved header)."""
        if key in COLUMN_KEYS or any(c[2] == key for c in COLUMNS):
            self._query = replace(self._query, sort=key, descending=descending)

    @property
    def requested_query(self) -> CustomerQuery:
        """The query asked for last (shown, or still being read in the background)."""
        return self._requested if self._requested is not None else self._query

    def set_query(self, query: CustomerQuery) -> None:
        """Show the customers matching ``query``: a capped count and the first page, now."""
        self._requested = query
        self._generation += 1
        # At start, while the database layer loads, the plain list comes from the quick look.
        quick = self._ctx.quick if not self._ctx.ready else None
        read = quick.customers(query, PAGE_SIZE, COUNT_CAP) if quick is not None else None
        if read is None:
            db = self._ctx.db
            counted: CountResult = customer_service.count_customers(db, query, cap=COUNT_CAP)
            first = (
                customer_service.list_customers(db, query, 0, PAGE_SIZE) if counted.count else []
            )
        else:
            counted, first = read
        self._apply(self._generation, query, counted, first)

    def set_query_in_background(self, query: CustomerQuery) -> None:
        """Like set_query, but the count and first page are read on a worker, so typing never
        waits for a search; an answer that arrives after a newer query is dropped."""
        self._requested = query
        self._generation += 1
        generation = self._generation
        db = self._ctx.db

        def read() -> tuple[CountResult, list[CustomerRow]]:
            counted = customer_service.count_customers(db, query, cap=COUNT_CAP)
            first = (
                customer_service.list_customers(db, query, 0, PAGE_SIZE) if counted.count else []
            )
            return counted, first

        self._ctx.tasks.submit(
            read, lambda result: self._apply(generation, query, result[0], result[1])
        )

    def _apply(
        self, generation: int, query: CustomerQuery, counted: CountResult, first: list[CustomerRow]
    ) -> None:
        if generation != self._generation:
            return  # the user typed on; this answer is for an older search
        self.beginResetModel()
        self._query = query
        self._count = counted.count
        self._exact = counted.exact
        self._pages.clear()
        if counted.count:
            self._pages[0] = first
            self.pages_fetched += 1
        self._loaded = True
        self.endResetModel()
        self.count_changed.emit(self._count, self._exact)
        if not counted.exact:
            ctx = self._ctx
            self._ctx.tasks.submit(
                lambda: _exact_count(ctx, query),
                lambda result: self._on_exact_count(generation, result),
            )

    def reload(self) -> None:
        """Read the current query again (after a change)."""
        self._reload_timer.stop()
        self.set_query(self._query)
        self.reloaded.emit()

    def schedule_reload(self) -> None:
        """Reload once control returns to the event loop (several changes → one reload)."""
        self._reload_timer.start()

    def _on_exact_count(self, generation: int, result: CountResult) -> None:
        if generation != self._generation:
            return  # the user typed on; this count is for an older search
        if result.count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, result.count - 1)
            self._count = result.count
            self._exact = True
            self.endInsertRows()
        elif result.count < self._count:
            self._exact = True
            self.reload()
            return
        self._exact = True
        self.count_changed.emit(self._count, True)

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if not self._loaded:
            return
        # A ChangeSet does not say whether a customer was created, edited or deleted, and any
        # of them may move rows in or out of this filter: every customer change reloads. A
        # reload costs a capped count and one page.
        if changes.everything or changes.customers or changes.contacts:
            self.schedule_reload()

    # sorting -------------------------------------------------------------------------------

    @staticmethod
    def sort_key(column: int) -> str | None:
        if 0 <= column < len(COLUMNS):
            return COLUMNS[column][2]
        return None

    @staticmethod
    def column_of(key: str) -> int:
        return COLUMN_KEYS.index(key)

    @property
    def sort_column(self) -> int:
        for i, (_key, _header, sort) in enumerate(COLUMNS):
            if sort == self._query.sort:
                return i
        return self.column_of("name")

    @property
    def sort_order(self) -> Qt.SortOrder:
        return (
            Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.sort_key(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending and self._loaded:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    # rows ------------------------------------------------------------------------------------

    def row_data(self, row: int) -> CustomerRow | None:
        """The customer shown on ``row``, reading its page if it is not in memory."""
        if row < 0 or row >= self._count:
            return None
        number, within = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def customer_id(self, row: int) -> int | None:
        data = self.row_data(row)
        return data.id if data is not None else None

    def row_of(self, customer_id: int) -> int | None:
        """The row of a customer among the pages in memory (None if it is not among them)."""
        for number, page in self._pages.items():
            for i, r in enumerate(page):
                if r.id == customer_id:
                    return number * PAGE_SIZE + i
        return None

    @property
    def pages_in_memory(self) -> int:
        return len(self._pages)

    def _fetch(self, number: int) -> list[CustomerRow]:
        page = customer_service.list_customers(
            self._ctx.db,
            self._query,
            number * PAGE_SIZE,
            PAGE_SIZE,
            total=self._count if self._exact else None,
        )
        self.pages_fetched += 1
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    # QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CTX, COLUMNS[section][1])
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section][0] == "annual_revenue":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        if role not in _ROLES:
            return None
        r = self.row_data(index.row())
        if r is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "tags" and r.tags:
                return ", ".join(r.tags)
            if key in ("name", "contact", "email", "industry"):
                return self._display(r, key) or None
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "annual_revenue":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "tier" and r.tier in TIER_COLORS:
                return _dot(TIER_COLORS[r.tier])
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "stage" and r.stage in STAGE_COLORS:
                return QBrush(QColor(STAGE_COLORS[r.stage]))
            return None
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    @staticmethod
    def _display(r: CustomerRow, key: str) -> str:
        if key == "kind":
            return label("kind", r.kind)
        if key == "tier":
            return label("tier", r.tier)
        if key == "stage":
            return label("stage", r.stage)
        if key == "channel":
            return label("channel", r.channel)
        if key == "owner":
            return r.owner_name or ""
        if key == "tags":
            return ", ".join(r.tags)
        if key == "contact":
            return r.contact_name or ""
        if key == "annual_revenue":
            return format_money(r.annual_revenue)
        if key in ("last_interaction_at", "created_at"):
            return format_date(getattr(r, key))
        value = getattr(r, key)
        return "" if value is None else str(value)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.UserRole,
    }
)
