"""Item models of the pipeline board: one list model per stage column (deal cards, dragged
between columns) and the table model of its list view.

The cards are the services' ``DealCard`` objects, read on workers; a drop only *asks* for a
move (``move_requested``): the card moves when the write is done and the board reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from crmdesk.qt.card_models import CARD_ROLE, ID_ROLE, CardColumnModel, Index
from crmdesk.qt.labels import LABELS, label
from crmdesk.qt.simple_models import fmt_date, fmt_money
from crmdesk.services.pipeline_board import DEFAULT_STAGES

_CTX = "PipelineBoard"
MIME_TYPE = "application/x-crmdesk-deal"
# The colour of a column's cards: its stage's place in the pipeline, or won / lost.
STAGE_COLOR_ROLE = Qt.ItemDataRole.UserRole + 3

_DEFAULT_NAMES = {key: name for key, name, *_ in DEFAULT_STAGES}
OPEN_COLORS = ("#90a4ae", "#4fc3f7", "#1e88e5", "#7e57c2", "#ef6c00", "#00897b")
WON_COLOR = "#2e7d32"
LOST_COLOR = "#c62828"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation, n)


def stage_title(key: str, name: str | None = None) -> str:
    """Built-in stages in the screen's language (unless the office renamed them); an office's
    own stages by their name."""
    if key in LABELS["deal_stage"] and (not name or name == _DEFAULT_NAMES.get(key)):
        return label("deal_stage", key)
    return name or key


def stage_color(outcome: str, position: int) -> str:
    if outcome == "won":
        return WON_COLOR
    if outcome == "lost":
        return LOST_COLOR
    return OPEN_COLORS[position % len(OPEN_COLORS)]


def money(amount: Any, currency: str = "CNY") -> str:  # noqa: ANN401 - Decimal | None
    return fmt_money(amount, currency, decimals=0)


def card_tooltip(card: Any) -> str:  # noqa: ANN401 - a DealCard
    lines = [
        card.title,
        card.customer_name or "",
        QCoreApplication.translate("PipelineBoard", "Amount: %1 · probability %2%")
        .replace("%1", money(card.amount, card.currency))
        # The weighted amount is what the column totals add up.
        .replace("%2", str(card.probability)),
    ]
    if card.expected_close is not None:
        lines.append(
            QCoreApplication.translate("PipelineBoard", "Expected close: %1").replace(
                "%1", fmt_date(card.expected_close)
            )
        )
    lines.append(
        QCoreApplication.translate("PipelineBoard", "Owner: %1").replace("%1", card.owner_name)
        if card.owner_name
        else QCoreApplication.translate("PipelineBoard", "No owner")
    )
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------------------------
# Drag and drop payload


class DealColumnModel(CardColumnModel):
    """The deal cards of one stage (``status`` is the stage key, as the shared card view
    expects; dragging and dropping: crmdesk/qt/card_models.py)."""

    mime_type = MIME_TYPE

    def __init__(self, stage: str, color: str, parent: Any = None) -> None:  # noqa: ANN401
        super().__init__(stage, parent)
        self.color = color

    def set_cards(self, cards: Sequence[Any]) -> None:
        self._reset(cards)

    def card_status(self, card: Any) -> str:  # noqa: ANN401
        return str(card.stage)

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
        if role == STAGE_COLOR_ROLE:
            return self.color
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(card)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [card.title, card.customer_name, money(card.amount, card.currency)]
            parts += [f"{card.probability}%", fmt_date(card.expected_close), card.owner_name]
            return ", ".join(p for p in parts if p)
        return None


# ---------------------------------------------------------------------------------------------
# The list view


@dataclass(frozen=True)
class DealColumn:
    header: str  # QT_TRANSLATE_NOOP source in the PipelineBoard context
    sort_key: str
    text: Callable[[Any], str]
    right: bool = False


LIST_COLUMNS: tuple[DealColumn, ...] = (
    DealColumn(QT_TRANSLATE_NOOP("PipelineBoard", "Deal"), "title", lambda c: c.title),
    DealColumn(
        QT_TRANSLATE_NOOP("PipelineBoard", "Customer"),
        "customer",
        lambda c: c.customer_name or "",
    ),
    DealColumn(
        QT_TRANSLATE_NOOP("PipelineBoard", "Stage"),
        "stage",
        lambda c: stage_title(c.stage),
    ),
    DealColumn(
        QT_TRANSLATE_NOOP("PipelineBoard", "Amount"),
        "amount",
        lambda c: money(c.amount, c.currency),
        right=True,
    ),
    DealColumn(
        QT_TRANSLATE_NOOP("PipelineBoard", "Probability"),
        "probability",
        lambda c: f"{c.probability}%",
        right=True,
    ),
    DealColumn(
        QT_TRANSLATE_NOOP("PipelineBoard", "Expected close"),
        "expected_close",
        lambda c: fmt_date(c.expected_close),
    ),
    DealColumn(QT_TRANSLATE_NOOP("PipelineBoard", "Owner"), "owner", lambda c: c.owner_name or ""),
)


class DealTableModel(QAbstractTableModel):
    """The deals the filters find, one a row; a click on a header asks for the rows again in
    the database's order (``sort_requested``), so sorting covers every deal."""

    sort_requested = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:  # noqa: ANN401
        super().__init__(parent)
        self._rows: list[Any] = []
        self.total = 0
        self.sort_key = "expected_close"
        self.descending = False
        self.stage_names: dict[str, str] = {}

    def set_rows(
        self, rows: Sequence[Any], total: int, stage_names: dict[str, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.total = total
        self.stage_names = dict(stage_names or {})
        self.endResetModel()

    def card(self, row: int) -> Any:  # noqa: ANN401
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, deal_id: int | None) -> int | None:
        for i, c in enumerate(self._rows):
            if c.id == deal_id:
                return i
        return None

    def sort_column(self) -> int:
        for i, column in enumerate(LIST_COLUMNS):
            if column.sort_key == self.sort_key:
                return i
        return 0

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        card = self._rows[index.row()]
        column = LIST_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.sort_key == "stage" and card.stage in self.stage_names:
                return self.stage_names[card.stage]
            return column.text(card)
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(card)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(LIST_COLUMNS):
            return
        key = LIST_COLUMNS[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.sort_requested.emit(key, descending)
