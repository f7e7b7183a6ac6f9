"""Item models of the ticket board: one list model per status column (the cards, dragged
between columns) and a lazily paged table model for the list view, plus the card timings
they show ("2 h 10 min left", "overdue 35 min", "paused — waiting for customer").

Timings count business time (the office calendar and the SLA policy), like the deadlines
themselves, and are computed on a worker: :func:`timings_for` is pure Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from crmdesk.qt.card_models import CARD_ROLE, ID_ROLE, CardColumnModel, Index
from crmdesk.qt.labels import label
from crmdesk.qt.simple_models import fmt_datetime
from crmdesk.services.business_time import STEP_DUE_IN_STATUS, OfficeCalendar, SlaPolicy
from crmdesk.services.tickets import BoardCard

_CTX = "TicketBoard"

STATUSES: tuple[str, ...] = ("registered", "assigned", "solution", "informed", "resolved", "closed")

# The board's column titles: the steps of the complaint procedure (投诉登记 … 客户回访).
STATUS_TITLES: dict[str, str] = {
    "registered": QT_TRANSLATE_NOOP("TicketBoard", "Registered"),
    "assigned": QT_TRANSLATE_NOOP("TicketBoard", "Assigned"),
    "solution": QT_TRANSLATE_NOOP("TicketBoard", "Solution"),
    "informed": QT_TRANSLATE_NOOP("TicketBoard", "Customer informed"),
    "resolved": QT_TRANSLATE_NOOP("TicketBoard", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("TicketBoard", "Closed"),
}

PRIORITIES: tuple[str, ...] = ("urgent", "high", "normal", "low")
CATEGORIES: tuple[str, ...] = ("complaint", "question", "request", "fault")
PRIORITY_COLORS: dict[str, str] = {
    "urgent": "#d32f2f",
    "high": "#ef6c00",
    "normal": "#1e88e5",
    "low": "#78909c",
}

MIME_TYPE = "application/x-crmdesk-ticket"
TIMING_ROLE = Qt.ItemDataRole.UserRole + 3

# A step is "close to its deadline" with less than this share of it left, or these minutes.
CLOSE_SHARE = 0.25
CLOSE_SECONDS = 30 * 60


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation, n)


def status_title(status: str) -> str:
    source = STATUS_TITLES.get(status)
    return tr(source) if source is not None else status


def next_status(status: str, step: int) -> str | None:
    """The status ``step`` places along the flow (+1 forward, -1 back), or None past an end."""
    if status not in STATUSES:
        return None
    i = STATUSES.index(status) + step
    return STATUSES[i] if 0 <= i < len(STATUSES) else None


# ---------------------------------------------------------------------------------------------
# Timing


@dataclass(frozen=True)
class CardTiming:
    """Where a card stands against its current step's deadline.

    ``state`` is "none" (nothing due: closed), "ok", "close" (amber), "overdue" (red) or
    "paused" (waiting for the customer). ``seconds`` is the business time left (ok, close),
    past the deadline (overdue) or left when the clock resumes (paused).
    """

    state: str
    seconds: int = 0
    step_seconds: int = 0
    due_at: dt.datetime | None = None


NO_TIMING = CardTiming("none")


def card_timing(
    card: BoardCard,
    now: dt.datetime,
    calendar: OfficeCalendar | None,
    policy: SlaPolicy,
) -> CardTiming:
    """``card`` against its deadline at ``now``. Without a calendar, the business seconds the
    service computed when it read the card (``remaining_seconds``, at the same ``now``) are
    taken as they are."""
    step = STEP_DUE_IN_STATUS.get(card.status)
    if step is None:
        return NO_TIMING
    step_seconds = policy.minutes_for(card.priority, step) * 60
    if card.waiting:
        return CardTiming("paused", max(card.remaining_seconds or 0, 0), step_seconds)
    due = card.due_at
    if due is None:
        return NO_TIMING
    if calendar is None and card.remaining_seconds is not None:
        left = card.remaining_seconds
    elif calendar is None:
        left = int((due - now).total_seconds())
    else:
        left = calendar.between(now, due) if due > now else -calendar.between(due, now)
    if due <= now:
        return CardTiming("overdue", max(-left, 0), step_seconds, due)
    close = left < CLOSE_SECONDS or left < step_seconds * CLOSE_SHARE
    return CardTiming("close" if close else "ok", left, step_seconds, due)


def timings_for(
    cards: Iterable[BoardCard],
    now: dt.datetime,
    calendar: OfficeCalendar | None,
    policy: SlaPolicy,
) -> dict[int, CardTiming]:
    """The timing of every card, by ticket id (pure Python: run it on a worker). Pass the
    calendar when ``now`` is later than when the cards were read."""
    return {c.id: card_timing(c, now, calendar, policy) for c in cards}


def duration_text(seconds: int, *, short: bool = False) -> str:
    """Business time as people say it: "35 min", "2 h 10 min", "26 h" (``short``: whole
    hours once past one, for a narrow card)."""
    minutes = max(seconds, 0) // 60
    if minutes < 1:
        return QCoreApplication.translate("TicketBoard", "< 1 min")
    if minutes < 60:
        return QCoreApplication.translate("TicketBoard", "%1 min").replace("%1", str(minutes))
    hours, rest = divmod(minutes, 60)
    if rest == 0 or hours >= 10 or short:
        return QCoreApplication.translate("TicketBoard", "%1 h").replace("%1", str(hours))
    return (
        QCoreApplication.translate("TicketBoard", "%1 h %2 min")
        .replace("%1", str(hours))
        .replace("%2", str(rest))
    )


def timing_text(timing: CardTiming, *, short: bool = False) -> str:
    if timing.state == "paused":
        return QCoreApplication.translate("TicketBoard", "paused — waiting for customer")
    if timing.state == "overdue":
        return QCoreApplication.translate("TicketBoard", "overdue %1").replace(
            "%1", duration_text(timing.seconds, short=short)
        )
    if timing.state in ("ok", "close"):
        return QCoreApplication.translate("TicketBoard", "%1 left").replace(
            "%1", duration_text(timing.seconds, short=short)
        )
    return ""


def timing_tooltip(timing: CardTiming) -> str:
    """The longer sentence behind a card's timing: the deadline itself, in working time."""
    if timing.state == "paused":
        return QCoreApplication.translate(
            "TicketBoard",
            "Waiting for the customer: the clock is paused with %1 of working time left.",
        ).replace("%1", duration_text(timing.seconds))
    if timing.due_at is None:
        return ""
    due = fmt_datetime(timing.due_at)
    if timing.state == "overdue":
        return (
            QCoreApplication.translate(
                "TicketBoard", "This step was due %1 and is %2 of working time overdue."
            )
            .replace("%1", due)
            .replace("%2", duration_text(timing.seconds))
        )
    return (
        QCoreApplication.translate("TicketBoard", "This step is due %1: %2 of working time left.")
        .replace("%1", due)
        .replace("%2", duration_text(timing.seconds))
    )


def card_tooltip(card: BoardCard, timing: CardTiming) -> str:
    lines = [
        f"{card.number} · {card.title}",
        card.customer_name or "",
        QCoreApplication.translate("TicketBoard", "%1 priority · %2")
        .replace("%1", label("ticket_priority", card.priority))
        .replace("%2", label("ticket_category", card.category)),
        QCoreApplication.translate("TicketBoard", "Assignee: %1").replace(
            "%1", card.assignee_name or QCoreApplication.translate("TicketBoard", "nobody yet")
        ),
    ]
    more = timing_tooltip(timing)
    if more:
        lines.append(more)
    if card.breached:
        lines.append(
            QCoreApplication.translate(
                "TicketBoard", "A step of this ticket missed its deadline (SLA breached)."
            )
        )
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------------------------
# Drag and drop payload


# ---------------------------------------------------------------------------------------------
# One column of the board


class TicketColumnModel(CardColumnModel):
    """The cards of one status (dragging and dropping: crmdesk/qt/card_models.py)."""

    mime_type = MIME_TYPE

    def __init__(self, status: str, parent: Any = None) -> None:  # noqa: ANN401
        super().__init__(status, parent)
        self._timings: Mapping[int, CardTiming] = {}

    # contents ----------------------------------------------------------------------------

    def set_cards(self, cards: Sequence[BoardCard], timings: Mapping[int, CardTiming]) -> None:
        self._timings = timings
        self._reset(cards)

    def set_timings(self, timings: Mapping[int, CardTiming]) -> None:
        """New timings for the same cards (the clock moved on): repaint, keep everything."""
        self._timings = timings
        if self._cards:
            self.dataChanged.emit(
                self.index(0),
                self.index(len(self._cards) - 1),
                [TIMING_ROLE, Qt.ItemDataRole.ToolTipRole],
            )

    def timing(self, ticket_id: int) -> CardTiming:
        return self._timings.get(ticket_id, NO_TIMING)

    def drag_text(self, card: BoardCard) -> str:
        return f"{card.number} {card.title}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        card = self._card_at(index)
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role == TIMING_ROLE:
            return self.timing(card.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(card, self.timing(card.id))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            timing = timing_text(self.timing(card.id))
            parts = [card.title, card.customer_name, label("ticket_priority", card.priority)]
            parts += [card.assignee_name or "", timing]
            if card.breached:
                parts.append(QCoreApplication.translate("TicketBoard", "SLA breached"))
            return ", ".join(p for p in parts if p)
        return None


# ---------------------------------------------------------------------------------------------
# The list view


@dataclass(frozen=True)
class ListColumn:
    key: str
    header: str  # QT_TRANSLATE_NOOP source in the TicketBoard context
    sort_key: str
    text: Callable[[BoardCard], str]


def _due_text(card: BoardCard) -> str:
    return fmt_datetime(card.due_at) if card.due_at is not None else ""


LIST_COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("number", QT_TRANSLATE_NOOP("TicketBoard", "Number"), "number", lambda c: c.number),
    ListColumn("title", QT_TRANSLATE_NOOP("TicketBoard", "Title"), "title", lambda c: c.title),
    ListColumn(
        "customer",
        QT_TRANSLATE_NOOP("TicketBoard", "Customer"),
        "customer",
        lambda c: c.customer_name or "",
    ),
    ListColumn(
        "status",
        QT_TRANSLATE_NOOP("TicketBoard", "Status"),
        "status",
        lambda c: status_title(c.status),
    ),
    ListColumn(
        "priority",
        QT_TRANSLATE_NOOP("TicketBoard", "Priority"),
        "priority",
        lambda c: label("ticket_priority", c.priority),
    ),
    ListColumn(
        "category",
        QT_TRANSLATE_NOOP("TicketBoard", "Category"),
        "category",
        lambda c: label("ticket_category", c.category),
    ),
    ListColumn(
        "assignee",
        QT_TRANSLATE_NOOP("TicketBoard", "Assignee"),
        "assignee",
        lambda c: c.assignee_name or "",
    ),
    ListColumn("due", QT_TRANSLATE_NOOP("TicketBoard", "Due"), "due_at", _due_text),
    ListColumn(
        "created",
        QT_TRANSLATE_NOOP("TicketBoard", "Created"),
        "created_at",
        lambda c: fmt_datetime(c.created_at),
    ),
)
LIST_KEYS = tuple(c.key for c in LIST_COLUMNS)
DUE_COLUMN = LIST_KEYS.index("due")
PRIORITY_COLUMN = LIST_KEYS.index("priority")

OVERDUE_LIGHT, OVERDUE_DARK = "#c62828", "#ef6a6a"
CLOSE_LIGHT, CLOSE_DARK = "#a65f00", "#ffb74d"


_dots: dict[str, QIcon] = {}


def priority_dot(priority: str) -> QIcon:
    """A small round mark in the priority's colour (beside its word, never instead of it)."""
    icon = _dots.get(priority)
    if icon is None:
        pix = QPixmap(12, 12)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PRIORITY_COLORS.get(priority, "#78909c")))
        painter.drawEllipse(2, 2, 8, 8)
        painter.end()
        icon = _dots[priority] = QIcon(pix)
    return icon


def state_color(state: str, dark: bool) -> QColor | None:
    if state == "overdue":
        return QColor(OVERDUE_DARK if dark else OVERDUE_LIGHT)
    if state == "close":
        return QColor(CLOSE_DARK if dark else CLOSE_LIGHT)
    return None


class TicketTableModel(QAbstractTableModel):
    """The board's tickets as a sortable table, read page by page.

    The model holds the rows read so far and the total; ``fetch_page(offset, limit)`` is called
    by the view (through ``more_wanted``) when it scrolls near the end, and the page arrives in
    ``append_rows``. Sorting asks for a reload (``sort_requested``); the page owns the worker
    reads, so a newer answer always wins.
    """

    sort_requested = Signal(str, bool)
    more_wanted = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BoardCard] = []
        self._timings: dict[int, CardTiming] = {}
        self._total = 0
        self._waiting_for_more = False
        self.sort_key = "due_at"
        self.descending = False
        self.dark = False

    # contents ----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def set_rows(
        self, rows: Sequence[BoardCard], total: int, timings: Mapping[int, CardTiming]
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self._timings = dict(timings)
        self._waiting_for_more = False
        self.endResetModel()

    def append_rows(
        self, offset: int, rows: Sequence[BoardCard], timings: Mapping[int, CardTiming]
    ) -> None:
        self._waiting_for_more = False
        if offset != len(self._rows) or not rows:
            return  # a page for an older list
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self._timings.update(timings)
        self.endInsertRows()

    def set_timings(self, timings: Mapping[int, CardTiming]) -> None:
        self._timings = dict(timings)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, DUE_COLUMN),
                self.index(len(self._rows) - 1, DUE_COLUMN),
                [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole],
            )

    def rows(self) -> list[BoardCard]:
        return list(self._rows)

    def card(self, row: int) -> BoardCard | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ticket_id: int | None) -> int | None:
        if ticket_id is None:
            return None
        for i, c in enumerate(self._rows):
            if c.id == ticket_id:
                return i
        return None

    def sort_column(self) -> int:
        for i, c in enumerate(LIST_COLUMNS):
            if c.sort_key == self.sort_key:
                return i
        return DUE_COLUMN

    def preset_sort(self, key: str, descending: bool) -> None:
        if key in {c.sort_key for c in LIST_COLUMNS}:
            self.sort_key = key
            self.descending = descending

    # QAbstractItemModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(LIST_COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: ANN401
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(LIST_COLUMNS)
        ):
            return tr(LIST_COLUMNS[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if not index.isValid():
            return None
        card = self.card(index.row())
        if card is None or not 0 <= index.column() < len(LIST_COLUMNS):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DUE_COLUMN:
                timing = self._timings.get(card.id, NO_TIMING)
                if timing.state == "paused":
                    return QCoreApplication.translate("TicketBoard", "paused")
            return LIST_COLUMNS[column].text(card)
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_COLUMN:
            return state_color(self._timings.get(card.id, NO_TIMING).state, self.dark)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DUE_COLUMN:
                timing = self._timings.get(card.id, NO_TIMING)
                text = timing_text(timing)
                more = timing_tooltip(timing)
                return f"{text}\n{more}" if more else text or None
            if column == LIST_KEYS.index("title"):
                return card.title
        if role == Qt.ItemDataRole.DecorationRole and column == PRIORITY_COLUMN:
            return priority_dot(card.priority)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(LIST_COLUMNS):
            return
        key = LIST_COLUMNS[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key = key
            self.descending = descending
            self.sort_requested.emit(key, descending)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._waiting_for_more or len(self._rows) >= self._total:
            return
        self._waiting_for_more = True
        self.more_wanted.emit(len(self._rows))
