"""One column of a kanban board (the ticket board, the pipeline), shared by both: the cards of
one status, dragged out as MIME data. A drop only asks for the move (``move_requested``); the
card moves when the write is done and the board reloads."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def encode(mime_type: str, cards: Sequence[Any], status: Any, text: Any) -> QMimeData:  # noqa: ANN401
    """The dragged cards: (id, version, ``status(card)``) as JSON under ``mime_type``, and
    ``text(card)`` lines as plain text for anything else that takes the drop."""
    data = QMimeData()
    payload = [{"id": c.id, "version": c.version, "status": status(c)} for c in cards]
    data.setData(mime_type, QByteArray(json.dumps(payload).encode()))
    if cards:
        data.setText("\n".join(text(c) for c in cards))
    return data


def decode(mime_type: str, data: QMimeData | None) -> list[tuple[int, int, str]]:
    """(id, version, status) of the dragged cards; [] for anything else."""
    if data is None or not data.hasFormat(mime_type):
        return []
    try:
        payload = json.loads(bytes(data.data(mime_type).data()).decode())
        return [(int(p["id"]), int(p["version"]), str(p["status"])) for p in payload]
    except (ValueError, KeyError, TypeError):
        return []


class CardColumnModel(QAbstractListModel):
    """The cards of one column. Cards need ``id`` and ``version``; a subclass sets
    ``mime_type``, answers ``data`` for its own roles and may override ``card_status`` (which
    column a card is in) and ``drag_text``."""

    # card id, version, from status, to status
    move_requested = Signal(int, int, str, str)
    mime_type = "application/x-crmdesk-card"

    def __init__(self, status: str, parent: Any = None) -> None:  # noqa: ANN401
        super().__init__(parent)
        self.status = status
        self._cards: list[Any] = []
        self._rows: dict[int, int] = {}

    # contents ----------------------------------------------------------------------------

    def _reset(self, cards: Sequence[Any]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self._rows = {c.id: i for i, c in enumerate(self._cards)}
        self.endResetModel()

    def cards(self) -> list[Any]:
        return list(self._cards)

    def card(self, row: int) -> Any:  # noqa: ANN401
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def row_of(self, card_id: int | None) -> int | None:
        return self._rows.get(card_id) if card_id is not None else None

    def _card_at(self, index: Index) -> Any:  # noqa: ANN401
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        return self._cards[index.row()]

    def card_status(self, card: Any) -> str:  # noqa: ANN401
        return str(card.status)

    def drag_text(self, card: Any) -> str:  # noqa: ANN401
        return str(card.title)

    # QAbstractItemModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cards)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [self.mime_type]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        cards = [self._cards[r] for r in rows if 0 <= r < len(self._cards)]
        return encode(self.mime_type, cards, self.card_status, self.drag_text)

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        # Any other column takes the drop, allowed or not: a refused move is explained, which
        # a forbidden cursor cannot do. The board marks the allowed columns while dragging.
        dragged = decode(self.mime_type, data)
        return bool(dragged) and any(status != self.status for _id, _v, status in dragged)

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        dragged = [d for d in decode(self.mime_type, data) if d[2] != self.status]
        for card_id, version, status in dragged[:1]:  # one card at a time
            self.move_requested.emit(card_id, version, status, self.status)
        # Nothing was inserted here: the board reloads once the move is written.
        return False
