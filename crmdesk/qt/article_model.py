"""Knowledge-base articles in a list: the model (rows from crmdesk.services.knowledge) and a
delegate that draws each as its title, a grey line of category, tags and date, and a snippet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from crmdesk.qt.simple_models import fmt_date
from crmdesk.services.knowledge import ArticleRow

Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ArticleListModel(QAbstractListModel):
    """A list of ArticleRow; ``set_rows`` replaces them."""

    def __init__(self, parent: Any = None) -> None:  # noqa: ANN401
        super().__init__(parent)
        self._rows: list[ArticleRow] = []

    def set_rows(self, rows: Sequence[ArticleRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ArticleRow]:
        return list(self._rows)

    def row_at(self, row: int) -> ArticleRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == article_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.snippet or None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return meta_line(r)
        if role == ROW_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        return None


def meta_line(r: ArticleRow) -> str:
    """Category · tags · last updated, as one grey line."""
    parts = []
    if r.category:
        parts.append(r.category)
    if r.tags:
        parts.append(", ".join(r.tags))
    parts.append(
        QCoreApplication.translate("ArticleList", "updated %1").replace(
            "%1", fmt_date(r.updated_at.astimezone().date())
        )
    )
    return "  ·  ".join(parts)


class ArticleDelegate(QStyledItemDelegate):
    """Title in bold, then (unless ``compact``) the meta line, then the snippet; elided."""

    PADDING = 6

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.92)
        return title, small

    def _lines(self, r: ArticleRow) -> list[str]:
        lines = [] if self.compact else [meta_line(r)]
        if r.snippet:
            lines.append(r.snippet)
        return lines

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        title, small = self._fonts(option)
        r = index.data(ROW_ROLE)
        extra = len(self._lines(r)) if r is not None else 0
        height = QFontMetrics(title).lineSpacing() + extra * QFontMetrics(small).lineSpacing()
        return QSize(200, height + 2 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        r: ArticleRow | None = index.data(ROW_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if r is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        title_font, small = self._fonts(opt)
        rect = opt.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        y = rect.top()
        painter.setFont(title_font)
        painter.setPen(main)
        fm = QFontMetrics(title_font)
        painter.drawText(
            QRect(rect.left(), y, rect.width(), fm.lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(r.title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        y += fm.lineSpacing()
        painter.setFont(small)
        painter.setPen(muted)
        fm = QFontMetrics(small)
        for line in self._lines(r):
            painter.drawText(
                QRect(rect.left(), y, rect.width(), fm.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                fm.elidedText(line, Qt.TextElideMode.ElideRight, rect.width()),
            )
            y += fm.lineSpacing()
        painter.restore()
