"""The customer's interaction timeline (互动时间线): newest first, important ones highlighted,
an inline row to log a new one, and paging so 5,000 interactions open as fast as five."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import choices, label
from crmdesk.qt.service_text import error_text
from crmdesk.qt.simple_models import IMPORTANT_COLOR, TimelineModel, fmt_datetime
from crmdesk.services import CrmError, activity
from crmdesk.services.dto import InteractionInput, InteractionRow
from crmdesk.views.widgets import Banner, guarded

KIND_COLORS = {
    "call": "#1e88e5",
    "visit": "#43a047",
    "email": "#8e24aa",
    "meeting": "#00897b",
    "wechat": "#07c160",
    "note": "#757575",
}
PAGE_SIZE = 100


class TimelineDelegate(QStyledItemDelegate):
    """Three lines per interaction: summary, then kind · when · who · with whom, then details."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:  # noqa: N802
        fm = QFontMetrics(option.font)
        return QSize(200, fm.lineSpacing() * 3 + 18)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row: InteractionRow | None = index.data(TimelineModel.RowRole)
        if row is None:
            return
        painter.save()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(rect, palette.highlight())
        elif row.important:
            painter.fillRect(rect, QColor("#fff3e0"))
        if row.important:
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), IMPORTANT_COLOR)
        painter.setPen(QColor("#e0e0e0"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        fm = QFontMetrics(option.font)
        line = fm.lineSpacing()
        kind_text = label("interaction", row.kind)
        # A round marker in the kind's colour, with the first letter of its label.
        d = line + 6
        marker = QRect(rect.left() + 12, rect.top() + 8, d, d)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLORS.get(row.kind, "#757575")))
        painter.drawEllipse(marker)
        painter.setPen(QColor("white"))
        painter.drawText(marker, Qt.AlignmentFlag.AlignCenter, kind_text[:1])

        text_color = palette.highlightedText().color() if selected else palette.text().color()
        muted = text_color if selected else QColor("#757575")
        x = marker.right() + 12
        width = rect.right() - x - 8
        y = rect.top() + 6
        font = QFont(option.font)
        font.setBold(row.important)
        painter.setFont(font)
        painter.setPen(IMPORTANT_COLOR if row.important and not selected else text_color)
        summary = ("★ " if row.important else "") + row.summary
        bold_fm = QFontMetrics(font)
        painter.drawText(
            QRect(x, y, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bold_fm.elidedText(summary, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(option.font)
        painter.setPen(muted)
        meta = [kind_text, fmt_datetime(row.occurred_at)]
        if row.author:
            meta.append(row.author)
        if row.contact_name:
            meta.append(
                QCoreApplication.translate("TimelineDelegate", "with %1").replace(
                    "%1", row.contact_name
                )
            )
        painter.drawText(
            QRect(x, y + line, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText("  ·  ".join(meta), Qt.TextElideMode.ElideRight, width),
        )
        if row.content:
            painter.setPen(text_color)
            first = " ".join(row.content.split())
            painter.drawText(
                QRect(x, y + 2 * line + 2, width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(first, Qt.TextElideMode.ElideRight, width),
            )
        painter.restore()


class TimelineWidget(QWidget):
    interaction_added = Signal(int)

    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        add_row = QHBoxLayout()
        self.kind = QComboBox(self)
        for code, text in choices("interaction"):
            self.kind.addItem(text, code)
        self.summary = QLineEdit(self)
        self.summary.setPlaceholderText(
            self.tr("What happened? (e.g. 电话沟通报价，客户需要内部审批)")
        )
        self.summary.setMaxLength(300)
        self.details_toggle = QToolButton(self)
        self.details_toggle.setText(self.tr("Details…"))
        self.details_toggle.setCheckable(True)
        self.important = QCheckBox(self.tr("Important"), self)
        self.add_button = QPushButton(self.tr("Add"), self)
        add_row.addWidget(self.kind)
        add_row.addWidget(self.summary, 1)
        add_row.addWidget(self.details_toggle)
        add_row.addWidget(self.important)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.details = QPlainTextEdit(self)
        self.details.setPlaceholderText(self.tr("Details (optional)"))
        self.details.setTabChangesFocus(True)
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 3 + 12)
        self.details.hide()
        self.details_toggle.toggled.connect(self.details.setVisible)
        layout.addWidget(self.details)
        self.error_banner = Banner("error", self)
        layout.addWidget(self.error_banner)

        info_row = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #757575;")
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setEnabled(False)
        self.ticket_button = QPushButton(self.tr("Create ticket…"), self)
        self.ticket_button.setToolTip(self.tr("Create a service ticket from this interaction"))
        self.ticket_button.setEnabled(False)
        info_row.addWidget(self.count_label, 1)
        info_row.addWidget(self.ticket_button)
        info_row.addWidget(self.delete_button)
        layout.addLayout(info_row)

        db, cid = ctx.db, customer_id
        self.model = TimelineModel(
            lambda offset, limit: activity.list_interactions(db, cid, offset, limit),
            PAGE_SIZE,
            self,
        )
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.verticalScrollBar().valueChanged.connect(self._maybe_fetch)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.view, 1)

        self.add_button.clicked.connect(self.add)
        self.summary.returnPressed.connect(self.add)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(
                QKeySequence(keys),
                self,
                self.add,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        self.delete_button.clicked.connect(self.delete_selected)
        self.ticket_button.clicked.connect(lambda: self.create_ticket())
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.view,
            self.delete_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.summary.textChanged.connect(lambda: self.summary.setStyleSheet(""))

    # -----------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the count and the first page again (after a change, or when first shown)."""
        db, cid = self.ctx.db, self.customer_id
        self._loading = True

        def fetch() -> tuple[int, list[InteractionRow]]:
            return (
                activity.count_interactions(db, cid),
                activity.list_interactions(db, cid, 0, PAGE_SIZE),
            )

        def done(result: tuple[int, list[InteractionRow]]) -> None:
            self._loading = False
            total, rows = result
            self.model.set_first_page(rows, total)
            self._update_count()

        self.ctx.tasks.submit(fetch, guarded(self, done), guarded(self, self._failed))

    def _update_count(self) -> None:
        total = self.model.total
        if total == 0:
            self.count_label.setText(self.tr("No interactions yet. Log the first one above."))
        else:
            self.count_label.setText(self.tr("%Ln interactions, newest first", "", total))

    def _maybe_fetch(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        # Fetch a page before the user hits the bottom, so scrolling does not stall there.
        if value >= bar.maximum() - bar.pageStep() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())

    def _selection_changed(self) -> None:
        selected = bool(self.view.selectionModel().selectedRows())
        self.delete_button.setEnabled(selected)
        self.ticket_button.setEnabled(selected)

    def _context_menu(self, pos: Any) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction(
            self.tr("Create ticket from this interaction…"),
            lambda: self.create_ticket(self.model.row_at(index.row())),
        )
        menu.addAction(self.tr("Delete interaction"), self.delete_selected)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def add(self) -> None:
        summary = self.summary.text().strip()
        if not summary:
            self.summary.setStyleSheet("border: 1px solid #d32f2f;")
            self.summary.setPlaceholderText(self.tr("Say in a few words what happened."))
            self.summary.setFocus()
            return
        data = InteractionInput(
            kind=self.kind.currentData(),
            summary=summary,
            content=self.details.toPlainText().strip() or None,
            important=self.important.isChecked(),
        )
        db, cid = self.ctx.db, self.customer_id
        self.add_button.setEnabled(False)

        def done(result: tuple[int, Any]) -> None:
            iid, changes = result
            self.add_button.setEnabled(True)
            self.summary.clear()
            self.details.clear()
            self.details_toggle.setChecked(False)
            self.important.setChecked(False)
            self.error_banner.hide()
            undo.push(
                self.ctx,
                self.tr("Log interaction"),
                lambda: activity.set_interaction_deleted(db, iid, False),
                lambda: activity.set_interaction_deleted(db, iid, True),
                already_done=True,
            )
            self.ctx.bus.data_changed.emit(changes, self)
            self.reload()
            self.interaction_added.emit(iid)

        def failed(exc: BaseException) -> None:
            self.add_button.setEnabled(True)
            self._failed(exc)

        self.ctx.tasks.submit(
            lambda: activity.add_interaction(db, cid, data),
            guarded(self, done),
            guarded(self, failed),
            write=True,
        )

    def create_ticket(self, row: InteractionRow | None = None) -> Any:
        """The new-ticket form, starting from ``row`` (else the selected interaction)."""
        if row is None:
            rows = self.view.selectionModel().selectedRows()
            row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            return None
        from crmdesk.views.ticket_dialog import new_ticket

        return new_ticket(self.ctx, self, self.customer_id, row.id, interaction=row)

    def delete_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        if row is None:
            return
        db, iid = self.ctx.db, row.id

        def done(changes: Any) -> None:
            undo.push(
                self.ctx,
                self.tr("Delete interaction"),
                lambda: activity.set_interaction_deleted(db, iid, True),
                lambda: activity.set_interaction_deleted(db, iid, False),
                already_done=True,
            )
            self.ctx.bus.data_changed.emit(changes, self)
            self.ctx.bus.status_message_requested.emit(
                self.tr("Interaction deleted. Ctrl+Z brings it back.")
            )
            self.reload()

        self.ctx.tasks.submit(
            lambda: activity.set_interaction_deleted(db, iid, True),
            guarded(self, done),
            guarded(self, self._failed),
            write=True,
        )

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        if isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)
