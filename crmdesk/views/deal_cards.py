"""The painted deal card of the pipeline board and its stage column (a BoardColumn of the
ticket board with a second header line: the column's total and weighted total)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from crmdesk.qt.deal_models import CARD_ROLE, STAGE_COLOR_ROLE, DealColumnModel, money
from crmdesk.qt.simple_models import fmt_date
from crmdesk.views.ticket_cards import (
    BAR_WIDTH,
    CARD_MARGIN_X,
    CARD_MARGIN_Y,
    CARD_PADDING,
    RADIUS,
    BoardColumn,
    CardDelegate,
    _bold,
    _small,
    card_background,
    is_dark,
    mix,
    muted,
)

Index = QModelIndex | QPersistentModelIndex


class DealCardDelegate(QStyledItemDelegate):
    """Title, customer, amount with the probability in a pill, expected close (red once past)
    and the owner."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def card_height(self, font: QFont) -> int:
        normal = QFontMetrics(font).height()
        small = QFontMetrics(_small(font)).height()
        return 2 * CARD_MARGIN_Y + 2 * CARD_PADDING + 2 * small + 2 * normal + 3 * 5 + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(max(option.rect.width(), 180), self.card_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card: Any = index.data(CARD_ROLE)
        if card is None:
            return
        palette = QApplication.palette()
        dark = is_dark(palette)
        text_color = palette.color(QPalette.ColorRole.Text)
        soft = muted(palette)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        focused = selected and bool(option.state & QStyle.StateFlag.State_HasFocus)
        color = QColor(index.data(STAGE_COLOR_ROLE) or "#78909c")
        today = self.today or dt.date.today()
        late = card.expected_close is not None and card.expected_close < today
        late = late and card.stage not in ("won", "lost") and getattr(card, "is_open", True)
        red = QColor("#ef5350" if dark else "#c62828")

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(
            option.rect.adjusted(CARD_MARGIN_X, CARD_MARGIN_Y, -CARD_MARGIN_X, -CARD_MARGIN_Y)
        )
        path = QPainterPath()
        path.addRoundedRect(rect, RADIUS, RADIUS)
        background = card_background(palette)
        painter.fillPath(path, background)
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(rect.left(), rect.top(), BAR_WIDTH, rect.height()), color)
        painter.restore()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if selected:
            pen = QPen(highlight, 2.0 if focused else 1.6)
        elif hover:
            pen = QPen(mix(background, highlight, 0.55), 1.2)
        else:
            pen = QPen(mix(background, text_color, 0.16), 1.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

        inner = rect.toRect().adjusted(
            BAR_WIDTH + CARD_PADDING, CARD_PADDING - 1, -CARD_PADDING, -CARD_PADDING + 1
        )
        small = _small(option.font)
        small_fm = QFontMetrics(small)
        normal_fm = QFontMetrics(option.font)
        bold = _bold(option.font)
        bold_fm = QFontMetrics(bold)
        y = inner.top()

        # Line 1: the title.
        painter.setFont(bold)
        painter.setPen(text_color)
        title = bold_fm.elidedText(card.title, Qt.TextElideMode.ElideRight, inner.width())
        line = QRect(inner.left(), y, inner.width(), normal_fm.height())
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, title)
        y += normal_fm.height() + 3

        # Line 2: the customer.
        painter.setFont(small)
        painter.setPen(mix(text_color, background, 0.25))
        customer = small_fm.elidedText(
            card.customer_name or "", Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(
            QRect(inner.left(), y, inner.width(), small_fm.height()),
            Qt.AlignmentFlag.AlignVCenter,
            customer,
        )
        y += small_fm.height() + 5

        # Line 3: the amount, and the probability in a pill on the right.
        painter.setFont(small)
        pill = f"{card.probability}%"
        pill_h = small_fm.height()
        pill_w = CardDelegate._pill(
            painter,
            inner.right() - small_fm.horizontalAdvance(pill) - 12 + 1,
            y + (normal_fm.height() - pill_h) // 2,
            pill_h,
            pill,
            color,
            dark,
            small_fm,
        )
        painter.setFont(bold)
        painter.setPen(text_color)
        amount = bold_fm.elidedText(
            money(card.amount, card.currency),
            Qt.TextElideMode.ElideRight,
            max(inner.width() - pill_w - 8, 0),
        )
        painter.drawText(
            QRect(inner.left(), y, inner.width(), normal_fm.height()),
            Qt.AlignmentFlag.AlignVCenter,
            amount,
        )
        y += normal_fm.height() + 5

        # Line 4: the owner, and the expected close on the right (red once past).
        painter.setFont(small)
        line = QRect(inner.left(), y, inner.width(), small_fm.height())
        when = fmt_date(card.expected_close)
        when_w = 0
        if when:
            font = QFont(small)
            if late:
                font.setWeight(QFont.Weight.DemiBold)
            fm = QFontMetrics(font)
            when_w = fm.horizontalAdvance(when)
            painter.setFont(font)
            painter.setPen(red if late else soft)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when
            )
            painter.setFont(small)
        who = card.owner_name
        painter.setPen(soft if not who else mix(text_color, background, 0.15))
        if not who:
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            who = self.tr("No owner")
        who = small_fm.elidedText(
            who, Qt.TextElideMode.ElideRight, max(inner.width() - when_w - 10, 0)
        )
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, who)
        painter.restore()


class StageColumn(BoardColumn):
    """One stage: title and count, then "total · weighted" under it, then the cards."""

    def __init__(
        self,
        stage: str,
        title: str,
        color: str,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(
            stage,
            parent,
            model=DealColumnModel(stage, color),
            title=title,
            delegate=DealCardDelegate(None, today),
        )
        self.setObjectName(f"stage_{stage}")
        self.totals_label = QLabel(self)
        self.totals_label.setFont(_small(self.font()))
        self.totals_label.setContentsMargins(CARD_MARGIN_X + 4, 0, CARD_MARGIN_X + 6, 4)
        self.totals_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = self.layout()
        layout.insertWidget(1, self.totals_label)  # type: ignore[attr-defined]

    def set_totals(self, text: str, tooltip: str) -> None:
        self.totals_label.setText(text)
        self.totals_label.setToolTip(tooltip)
