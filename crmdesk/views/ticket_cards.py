"""The pieces of the ticket board that paint: the card delegate, the card list of one column
and the column itself (header with its count, drop highlighting).

Cards are painted by a delegate in a QListView per column, not built from widgets, so a board
of thousands of tickets lays out and scrolls at once. Colours are derived from the palette, so
the board reads in light and dark themes alike; priority is a coloured bar *and* a word.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.labels import label
from crmdesk.qt.ticket_models import (
    CARD_ROLE,
    NO_TIMING,
    PRIORITY_COLORS,
    TIMING_ROLE,
    CardTiming,
    TicketColumnModel,
    state_color,
    status_title,
    timing_text,
)

Index = QModelIndex | QPersistentModelIndex

CARD_MARGIN_X = 6
CARD_MARGIN_Y = 4
CARD_PADDING = 10
BAR_WIDTH = 4
RADIUS = 6.0

# A slim scroll bar that leaves the cards their width.
SCROLLBAR_STYLE = """
QScrollBar:vertical { background: transparent; width: 8px; margin: 2px 1px 2px 0; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 3px; min-height: 24px; }
QScrollBar::handle:vertical:hover { background: palette(dark); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
"""


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a share ``t`` of the way towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def card_background(palette: QPalette) -> QColor:
    base = palette.color(QPalette.ColorRole.Base)
    if is_dark(palette):
        # Dark themes often make Base darker than Window; cards must stand out from the column.
        return mix(palette.color(QPalette.ColorRole.Window), QColor("white"), 0.07)
    return base


def column_background(palette: QPalette) -> QColor:
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return mix(window, text, 0.10 if is_dark(palette) else 0.035)


def muted(palette: QPalette) -> QColor:
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.42)


def _small(font: QFont) -> QFont:
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
    else:
        small.setPixelSize(max(round(font.pixelSize() * 0.88), 9))
    return small


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


class CardDelegate(QStyledItemDelegate):
    """Paints one ticket card: priority bar and word, number, title, customer, assignee, the
    time left on the step (amber when close, red when overdue) and a breached mark."""

    def card_height(self, font: QFont) -> int:
        normal = QFontMetrics(font).height()
        small = QFontMetrics(_small(font)).height()
        return 2 * CARD_MARGIN_Y + 2 * CARD_PADDING + 2 * small + 2 * normal + 3 * 5 + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(max(option.rect.width(), 180), self.card_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CARD_ROLE)
        if card is None:
            return
        timing: CardTiming = index.data(TIMING_ROLE) or NO_TIMING
        # The view's own palette has a transparent base (the column shows through); cards take
        # their colours from the application's palette, light or dark.
        palette = QApplication.palette()
        dark = is_dark(palette)
        text_color = palette.color(QPalette.ColorRole.Text)
        soft = muted(palette)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        focused = selected and bool(option.state & QStyle.StateFlag.State_HasFocus)
        overdue = timing.state == "overdue"
        red = state_color("overdue", dark) or QColor("red")

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(
            option.rect.adjusted(CARD_MARGIN_X, CARD_MARGIN_Y, -CARD_MARGIN_X, -CARD_MARGIN_Y)
        )
        path = QPainterPath()
        path.addRoundedRect(rect, RADIUS, RADIUS)
        background = card_background(palette)
        if overdue:
            background = mix(background, red, 0.16 if dark else 0.07)
        painter.fillPath(path, background)

        priority = QColor(PRIORITY_COLORS.get(card.priority, "#78909c"))
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(rect.left(), rect.top(), BAR_WIDTH, rect.height()), priority)
        painter.restore()

        highlight = palette.color(QPalette.ColorRole.Highlight)
        if selected:
            pen = QPen(highlight, 2.0 if focused else 1.6)
        elif overdue:
            pen = QPen(mix(background, red, 0.65), 1.2)
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
        y = inner.top()

        # Line 1: the priority word in a pill (colour is never the only signal), the number,
        # and on the right a red flag when a step missed its deadline.
        painter.setFont(small)
        pill_h = small_fm.height()
        x = inner.left()
        word = label("ticket_priority", card.priority)
        x += self._pill(painter, x, y, pill_h, word, priority, dark, small_fm) + 6
        right = inner.right()
        if card.breached:
            self._flag(painter, QRectF(right - pill_h + 1, y, pill_h, pill_h), red)
            right -= pill_h + 4
        painter.setPen(soft)
        number = small_fm.elidedText(card.number, Qt.TextElideMode.ElideRight, max(right - x, 0))
        painter.drawText(
            QRect(x, y, max(right - x, 0), pill_h), Qt.AlignmentFlag.AlignVCenter, number
        )
        y += pill_h + 5

        # Line 2: the title; line 3: the customer.
        painter.setFont(_bold(option.font))
        painter.setPen(text_color)
        bold_fm = QFontMetrics(_bold(option.font))
        title = bold_fm.elidedText(card.title, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            QRect(inner.left(), y, inner.width(), normal_fm.height()),
            Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        y += normal_fm.height() + 3
        painter.setFont(option.font)
        painter.setPen(mix(text_color, background, 0.22))
        customer = normal_fm.elidedText(
            card.customer_name or "", Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(
            QRect(inner.left(), y, inner.width(), normal_fm.height()),
            Qt.AlignmentFlag.AlignVCenter,
            customer,
        )
        y += normal_fm.height() + 6

        # Line 4: the assignee, and the time left on the step on the right.
        painter.setFont(small)
        line = QRect(inner.left(), y, inner.width(), small_fm.height())
        when = timing_text(timing)
        when_w = 0
        if when:
            color = state_color(timing.state, dark) or soft
            font = QFont(small)
            if timing.state in ("overdue", "close"):
                font.setWeight(QFont.Weight.DemiBold)
            elif timing.state == "paused":
                font.setItalic(True)
            fm = QFontMetrics(font)
            who_w = small_fm.horizontalAdvance(card.assignee_name or self.tr("Unassigned"))
            if inner.width() - fm.horizontalAdvance(when) - 10 < min(who_w, 64):
                # A narrow card: whole hours leave the name room to be read.
                when = timing_text(timing, short=True)
            # The time left matters more than the name beside it: the name is shortened first.
            when = fm.elidedText(when, Qt.TextElideMode.ElideRight, inner.width())
            when_w = fm.horizontalAdvance(when)
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when
            )
            painter.setFont(small)
        who = card.assignee_name
        painter.setPen(soft if not who else mix(text_color, background, 0.15))
        if not who:
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            who = self.tr("Unassigned")
        who = small_fm.elidedText(
            who, Qt.TextElideMode.ElideRight, max(inner.width() - when_w - 10, 0)
        )
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, who)
        painter.restore()

    @staticmethod
    def _flag(painter: QPainter, box: QRectF, color: QColor) -> None:
        """A small flag: the card's "deadline missed" mark (explained in its tooltip)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = box.width(), box.height()
        left, top = box.left() + w * 0.22, box.top() + h * 0.12
        painter.setPen(QPen(color, max(1.2, w / 10)))
        painter.drawLine(QPointF(left, top), QPointF(left, box.bottom() - h * 0.08))
        flag = QPainterPath()
        flag.moveTo(left, top)
        flag.lineTo(box.right() - w * 0.08, top + h * 0.25)
        flag.lineTo(left, top + h * 0.52)
        flag.closeSubpath()
        painter.fillPath(flag, color)
        painter.restore()

    @staticmethod
    def _pill(
        painter: QPainter,
        x: int,
        y: int,
        h: int,
        text: str,
        color: QColor,
        dark: bool,
        fm: QFontMetrics,
        *,
        outline: bool = False,
    ) -> int:
        w = fm.horizontalAdvance(text) + 12
        box = QRectF(x, y, w, h)
        painter.save()
        fill = QColor(color)
        fill.setAlphaF(0.0 if outline else (0.30 if dark else 0.14))
        painter.setBrush(fill)
        pen_color = QColor(color)
        pen_color.setAlphaF(0.9 if outline else 0.0)
        painter.setPen(QPen(pen_color, 1.0) if outline else Qt.PenStyle.NoPen)
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), h / 2, h / 2)
        word = QColor(color).lighter(150) if dark else QColor(color).darker(125)
        painter.setPen(word)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
        return w


class CardListView(QListView):
    """The cards of one column. Left/Right (without Ctrl) step to the neighbouring column; a
    drag announces where it started, so the board can mark where the card may go."""

    drag_started = Signal(str)
    drag_finished = Signal()
    neighbour_requested = Signal(int)

    def __init__(
        self,
        model: QAbstractItemModel,
        parent: QWidget | None = None,
        delegate: QStyledItemDelegate | None = None,
    ) -> None:
        # Any list model with a ``status`` (the column's key) will do: the pipeline board
        # shows deals with the same view and its own delegate.
        super().__init__(parent)
        self.setModel(model)
        self.delegate = delegate or CardDelegate(self)
        self.delegate.setParent(self)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.viewport().setAutoFillBackground(False)
        self.verticalScrollBar().setStyleSheet(SCROLLBAR_STYLE)
        self.placeholder = ""

    def column_model(self) -> QAbstractItemModel:
        model = self.model()
        assert hasattr(model, "status")
        return model

    def startDrag(self, supported: Qt.DropAction) -> None:  # noqa: N802
        self.drag_started.emit(str(self.column_model().status))  # type: ignore[attr-defined]
        try:
            super().startDrag(supported)
        finally:
            self.drag_finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (
            event.modifiers() == Qt.KeyboardModifier.NoModifier
            or event.modifiers() == Qt.KeyboardModifier.KeypadModifier
        ):
            if event.key() == Qt.Key.Key_Left:
                self.neighbour_requested.emit(-1)
                return
            if event.key() == Qt.Key.Key_Right:
                self.neighbour_requested.emit(1)
                return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(muted(self.palette()))
            area = self.viewport().rect().adjusted(12, 18, -12, -12)
            painter.drawText(
                area,
                int(
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap
                ),
                self.placeholder,
            )
            painter.end()


class BoardColumn(QFrame):
    """One status: its title, a count ("300 of 1,204" when cut) and its cards. The pipeline
    board passes its own ``model`` (with a ``status``), ``title`` and card ``delegate``."""

    def __init__(
        self,
        status: str,
        parent: QWidget | None = None,
        *,
        model: QAbstractItemModel | None = None,
        title: str | None = None,
        delegate: QStyledItemDelegate | None = None,
    ) -> None:
        super().__init__(parent)
        self.status = status
        self.model: Any = model if model is not None else TicketColumnModel(status, self)
        self.model.setParent(self)
        if title is None:
            title = status_title(status)
        self.setObjectName(f"column_{status}")
        self.setMinimumWidth(184)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = QLabel(title, self)
        self.title.setFont(_bold(self.font()))
        self.count_label = QLabel("0", self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setFont(_small(self.font()))
        self.hint = QLabel(self)
        self.hint.setFont(_small(self.font()))
        self.hint.hide()
        self.view = CardListView(self.model, self, delegate)
        self.view.setAccessibleName(title)
        head = QHBoxLayout()
        head.setContentsMargins(CARD_MARGIN_X + 4, 10, CARD_MARGIN_X + 6, 2)
        head.setSpacing(6)
        head.addWidget(self.title, 1)
        head.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self.drop_state = ""
        self.count = 0
        self.shown = 0

    def set_count(self, shown: int, total: int, text: str, tooltip: str) -> None:
        self.count, self.shown = total, shown
        self.count_label.setText(text)
        self.count_label.setToolTip(tooltip)

    def set_drop_state(self, state: str, hint: str = "") -> None:
        """How the column looks while a card is dragged: "allowed" (outlined, with what the
        move will ask for), "refused" (faded, saying so), "source" or "" (no drag)."""
        self.drop_state = state
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.hint.setContentsMargins(CARD_MARGIN_X + 4, 0, CARD_MARGIN_X, 2)
        role = QPalette.ColorRole.Highlight if state == "allowed" else QPalette.ColorRole.WindowText
        self.hint.setForegroundRole(role)
        if state == "refused":
            fade = QGraphicsOpacityEffect(self.view)
            fade.setOpacity(0.4)
            self.view.setGraphicsEffect(fade)
        elif self.view.graphicsEffect() is not None:
            self.view.setGraphicsEffect(None)  # type: ignore[arg-type]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        background = column_background(palette)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self.drop_state == "allowed":
            background = mix(background, highlight, 0.14)
        elif self.drop_state == "refused":
            background = mix(background, palette.color(QPalette.ColorRole.Window), 0.6)
        painter.setBrush(background)
        if self.drop_state == "allowed":
            pen = QPen(highlight, 2.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, 8, 8)
        painter.end()
        # The count sits in a soft pill drawn under its label.
        self._paint_count_pill()

    def _paint_count_pill(self) -> None:
        label_rect = self.count_label.geometry()
        if not self.count_label.text():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fill = mix(column_background(palette), palette.color(QPalette.ColorRole.WindowText), 0.10)
        fm = self.count_label.fontMetrics()
        w = fm.horizontalAdvance(self.count_label.text()) + 14
        h = fm.height() + 4
        box = QRectF(label_rect.right() - w + 6, label_rect.center().y() - h / 2 + 1, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, h / 2, h / 2)
        painter.end()
