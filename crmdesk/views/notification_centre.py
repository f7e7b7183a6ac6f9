"""The notification centre: a bell with the unread count, a popup listing the notifications as
sentences, and the SLA checker that runs while the app is open.

The count follows ``data_changed`` (notifications added or read in this process) and polls
``latest_notification_id`` every 15 seconds on a worker (notifications written by another
window or by ``crmdesk sla-check`` from a scheduled task). The SLA checker runs on the write
worker once the window is shown (so nothing that fell due while the app was closed is lost) and
then every minute; what it changed goes out on the bus, so the board and the bell follow.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.paths import resource_path
from crmdesk.qt.context import AppContext
from crmdesk.services import ChangeSet, notifications, sla
from crmdesk.services.notifications import NotificationRow
from crmdesk.views.ticket_text import notification_text
from crmdesk.views.widgets import fmt_date, fmt_datetime

log = logging.getLogger(__name__)

_CTX = "NotificationCentre"
POLL_MS = 15_000
SLA_CHECK_MS = 60_000
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CTX, text, "", n)


def _day(value: object) -> str:
    """An ISO date (or datetime) from a notification's params, in the user's short format."""
    try:
        text = str(value or "")
        when = dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    except ValueError:
        return str(value or "")
    return fmt_datetime(when) if isinstance(when, dt.datetime) else fmt_date(when)


def followup_sentence(row: NotificationRow) -> str | None:
    """The sentence of a follow-up notification (reminders, care, cadence, the public pool)."""
    p, kind = row.params, row.kind
    if kind == "task_due":
        text = QCoreApplication.translate("NotificationCentre", "Follow-up due: %1").replace(
            "%1", str(p.get("title") or "")
        )
        if p.get("customer"):
            text += " — " + str(p["customer"])
        if p.get("due_at"):
            text += " " + QCoreApplication.translate("NotificationCentre", "(due %1)").replace(
                "%1", _day(p["due_at"])
            )
        return text
    # Plurals through NotificationCentre.tr (a class method): lupdate makes a plural message
    # only of a tr() call, and the context stays the centre's.
    if kind == "cadence":
        count = int(p.get("count") or 0)
        return NotificationCentre.tr("Regular revisits due: %n customers; see My Day.", "", count)
    if kind == "birthday":
        return (
            QCoreApplication.translate("NotificationCentre", "%1 (%2) has a birthday on %3")
            .replace("%1", str(p.get("contact") or ""))
            .replace("%2", str(p.get("customer") or ""))
            .replace("%3", _day(p.get("on")))
        )
    if kind == "anniversary":
        years = int(p.get("years") or 0)
        return (
            NotificationCentre.tr("%n years since contract %1 with %2 on %3", "", years)
            .replace("%1", str(p.get("number") or ""))
            .replace("%2", str(p.get("customer") or ""))
            .replace("%3", _day(p.get("on")))
        )
    if kind == "pool_released":
        count, days = int(p.get("count") or 0), int(p.get("days") or 0)
        text = (
            NotificationCentre.tr(
                "%n customers went to the public pool after %1 without a follow-up", "", count
            ).replace("%1", NotificationCentre.tr("%n days", "", days))
            if days
            else NotificationCentre.tr("%n customers were moved to the public pool", "", count)
        )
        names = p.get("customers")
        if names:
            # "…: A, B" in English, "…：A、B" in Chinese.
            listed = NotificationCentre.tr(", ").join(str(n) for n in names)
            if count > len(names):  # only the first few are named: "A, B, …" / "甲、乙等"
                listed = NotificationCentre.tr("%1, …").replace("%1", listed)
            text = NotificationCentre.tr("%1: %2").replace("%1", text).replace("%2", listed)
        return text
    return None


def sentence(row: NotificationRow) -> str:
    """The sentence a notification is shown as, in the current language."""
    return followup_sentence(row) or notification_text(row)


# ---------------------------------------------------------------------------------------------


class NotificationBell(QToolButton):
    """A bell with a red badge showing how many notifications are unread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.setObjectName("notificationBell")
        self.setIcon(QIcon(str(resource_path("icons", "bell.svg"))))
        self.setIconSize(QSize(18, 18))
        self.setAutoRaise(True)
        self.setFixedSize(QSize(44, 24))
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        self.setToolTip(
            self.tr("%n unread notifications", "", count)
            if count
            else self.tr("No new notifications")
        )
        self.setAccessibleName(self.toolTip())
        self.update()

    def badge_text(self) -> str:
        return "99+" if self.count > 99 else str(self.count) if self.count else ""

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        super().paintEvent(event)
        text = self.badge_text()
        if not text:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(10)
        font.setBold(True)
        p.setFont(font)
        w = max(15, p.fontMetrics().horizontalAdvance(text) + 8)
        rect = QRect(self.width() - w - 1, 1, w, 15)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#d32f2f"))
        p.drawRoundedRect(rect, 7.5, 7.5)
        p.setPen(QColor("white"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        p.end()


# What a reminder offers under its sentence: done, or snooze it.
TASK_ACTIONS: tuple[tuple[str, str], ...] = (
    ("done", QT_TRANSLATE_NOOP("NotificationCentre", "Done")),
    ("10m", QT_TRANSLATE_NOOP("NotificationCentre", "Snooze 10 min")),
    ("1h", QT_TRANSLATE_NOOP("NotificationCentre", "1 h")),
    ("tomorrow", QT_TRANSLATE_NOOP("NotificationCentre", "Tomorrow")),
)

KIND_COLORS = {
    "sla_breach": "#d32f2f",
    "high_priority": "#ef6c00",
    "revisit": "#1e88e5",
    "task_due": "#e08a00",
    "cadence": "#1e88e5",
    "birthday": "#d81b60",
    "anniversary": "#8e24aa",
    "pool_released": "#00897b",
}


class NotificationDelegate(QStyledItemDelegate):
    """A notification as a coloured dot (its kind), its sentence wrapped over as many lines as
    it needs (bold while unread), and when it came in grey below."""

    PAD = 8
    DOT = 9

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view
        # Where the reminder actions of each notification were painted (by notification id).
        self.action_rects: dict[int, list[tuple[QRect, str]]] = {}

    def _fonts(self, option: QStyleOptionViewItem, unread: bool) -> tuple[QFont, QFont]:
        text_font = QFont(option.font)
        text_font.setBold(unread)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        return text_font, small

    def _text_width(self) -> int:
        return max(120, self.view.viewport().width() - 3 * self.PAD - self.DOT)

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row: NotificationRow | None = index.data(ROW_ROLE)
        if row is None:
            return super().sizeHint(option, index)
        text_font, small = self._fonts(option, row.read_at is None)
        width = self._text_width()
        bounds = QFontMetrics(text_font).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, sentence(row)
        )
        height = bounds.height() + QFontMetrics(small).lineSpacing() + 2 * self.PAD + 2
        return QSize(width, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row: NotificationRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        unread = row.read_at is None
        painter.save()
        rect: QRect = option.rect
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.highlight().color().lighter(170))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor("#eceff1"))
        elif unread:
            painter.fillRect(rect, QColor("#f3f8fd"))
        painter.setPen(QColor("#e0e0e0"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_font, small = self._fonts(option, unread)
        line = QFontMetrics(text_font).lineSpacing()
        dot = QRect(
            rect.left() + self.PAD,
            rect.top() + self.PAD + (line - self.DOT) // 2,
            self.DOT,
            self.DOT,
        )
        color = QColor(KIND_COLORS.get(row.kind, "#90a4ae"))
        if not unread:
            color.setAlpha(90)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(dot)
        x = dot.right() + self.PAD
        width = rect.right() - x - self.PAD
        text = sentence(row)
        bounds = QFontMetrics(text_font).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
        )
        painter.setFont(text_font)
        painter.setPen(palette.text().color() if unread else QColor("#616161"))
        painter.drawText(
            QRect(x, rect.top() + self.PAD, width, bounds.height()),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )
        painter.setFont(small)
        painter.setPen(QColor("#757575"))
        when = fmt_datetime(row.created_at)
        second = QRect(x, rect.top() + self.PAD + bounds.height() + 2, width, line)
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, when)
        self.action_rects.pop(row.id, None)
        if row.kind == "task_due" and row.task_id is not None:
            # A reminder is done or snoozed right where it is shown.
            metrics = QFontMetrics(small)
            ax = x + metrics.horizontalAdvance(when) + 3 * self.PAD
            hits: list[tuple[QRect, str]] = []
            painter.setPen(QColor("#1565c0"))
            for key, caption in TASK_ACTIONS:
                text_w = metrics.horizontalAdvance(_tr(caption))
                hit = QRect(ax, second.top(), text_w, second.height())
                painter.drawText(
                    hit, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, _tr(caption)
                )
                hits.append((hit, key))
                ax += text_w + 2 * self.PAD
            self.action_rects[row.id] = hits
        painter.restore()

    def action_at(self, row_id: int, pos: QPoint) -> str | None:
        """The reminder action ("done", "10m", "1h", "tomorrow") painted at ``pos``, if any."""
        for hit, key in self.action_rects.get(row_id, ()):
            if hit.adjusted(-3, -3, 3, 3).contains(pos):
                return key
        return None


class NotificationPopup(QFrame):
    """The list under the bell: newest first, unread in bold; a click opens what it is about."""

    chosen = Signal(object)  # NotificationRow
    # (NotificationRow, "done" | "10m" | "1h" | "tomorrow"): a reminder's own links
    task_action_requested = Signal(object, str)
    mark_all_requested = Signal()
    show_read_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notificationPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#notificationPopup { background: palette(base); border: 1px solid #b0bec5; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        head = QHBoxLayout()
        title = QLabel(self.tr("Notifications"), self)
        title.setStyleSheet("font-weight: bold; font-size: 14px;")
        head.addWidget(title)
        head.addStretch(1)
        self.show_read = QCheckBox(self.tr("Show read"), self)
        self.show_read.toggled.connect(self.show_read_changed)
        head.addWidget(self.show_read)
        self.mark_all_button = QPushButton(self.tr("Mark all read"), self)
        self.mark_all_button.clicked.connect(self.mark_all_requested)
        head.addWidget(self.mark_all_button)
        layout.addLayout(head)
        self.list = QListWidget(self)
        self.delegate = NotificationDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.viewport().installEventFilter(self)
        self.list.setMouseTracking(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget { border: none; }")
        self.list.itemClicked.connect(self._clicked)
        for keys in ("Return", "Enter"):
            QShortcut(QKeySequence(keys), self.list, self._activate_current)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("No new notifications."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #757575; padding: 24px;")
        layout.addWidget(self.empty)
        self.resize(460, 420)

    def set_rows(self, rows: list[NotificationRow]) -> None:
        self.list.clear()
        for row in rows:
            # The text is for screen readers and searching; the delegate paints the row.
            item = QListWidgetItem(sentence(row))
            item.setData(ROW_ROLE, row)
            self.list.addItem(item)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.empty.setText(
            self.tr("No notifications.")
            if self.show_read.isChecked()
            else self.tr("No new notifications.")
        )
        self.mark_all_button.setEnabled(any(r.read_at is None for r in rows))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # A click on a reminder's "Done" or "Snooze" acts on the task instead of opening it.
        if watched is self.list.viewport() and event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
        ):
            pos = event.position().toPoint()  # type: ignore[attr-defined]
            item = self.list.itemAt(pos)
            row = item.data(ROW_ROLE) if item is not None else None
            action = self.delegate.action_at(row.id, pos) if row is not None else None
            if action is not None:
                if event.type() == QEvent.Type.MouseButtonRelease:
                    self.task_action_requested.emit(row, action)
                return True
        return super().eventFilter(watched, event)

    def action_pos(self, index: int, action: str) -> QPoint | None:
        """Where a reminder's action link is (for keyboard-less tests and accessibility)."""
        row = self.list.item(index).data(ROW_ROLE)
        for hit, key in self.delegate.action_rects.get(row.id, ()):
            if key == action:
                return hit.center()
        return None

    def rows(self) -> list[NotificationRow]:
        return [self.list.item(i).data(ROW_ROLE) for i in range(self.list.count())]

    def texts(self) -> list[str]:
        return [sentence(r) for r in self.rows()]

    def _clicked(self, item: QListWidgetItem) -> None:
        row = item.data(ROW_ROLE)
        if row is not None:
            self.chosen.emit(row)

    def _activate_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._clicked(item)

    def show_under(self, anchor: QWidget) -> None:
        """Show next to ``anchor`` (above it when it sits at the bottom of the screen)."""
        screen = anchor.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        below = anchor.mapToGlobal(QPoint(anchor.width() - self.width(), anchor.height()))
        pos = below
        if below.y() + self.height() > area.bottom():
            pos = anchor.mapToGlobal(QPoint(anchor.width() - self.width(), -self.height()))
        pos.setX(max(area.left(), min(pos.x(), area.right() - self.width())))
        pos.setY(max(area.top(), pos.y()))
        self.move(pos)
        self.show()
        self.list.setFocus()


class NotificationCentre(QObject):
    """The bell, its popup, the polling and the SLA checker of one main window."""

    count_changed = Signal(int)
    sla_checked = Signal(object)  # the SlaCheckResult

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.bell = NotificationBell(window)
        self.popup = NotificationPopup(window)
        self.bell.clicked.connect(self.toggle_popup)
        self.popup.chosen.connect(self.open_notification)
        self.popup.task_action_requested.connect(self.task_action)
        self.popup.mark_all_requested.connect(self.mark_all_read)
        self.popup.show_read_changed.connect(lambda _on: self.reload_list())
        self._latest_id: int | None = None
        self._counting = False
        self._recount = False
        self._checking = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.sla_timer = QTimer(self)
        self.sla_timer.setInterval(SLA_CHECK_MS)
        self.sla_timer.timeout.connect(self.run_sla_check)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    @property
    def user_id(self) -> int | None:
        user = self.ctx.db.user
        return user.id if user is not None else None

    def start(self) -> None:
        """Check the SLAs now (what fell due while the app was closed) and then every minute;
        poll for notifications from elsewhere every 15 seconds."""
        self.run_sla_check()
        self.sla_timer.start()
        self.poll_timer.start()

    def stop(self) -> None:
        self.sla_timer.stop()
        self.poll_timer.stop()

    # counting ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Count the unread notifications again (and reload the list when it is open)."""
        uid = self.user_id
        if uid is None:
            return
        if self._counting:
            self._recount = True
            return
        self._counting = True
        db = self.ctx.db

        def fetch() -> tuple[int, int]:
            return notifications.unread_count(db, uid), notifications.latest_notification_id(db)

        def done(result: tuple[int, int]) -> None:
            self._counting = False
            count, latest = result
            self._latest_id = latest
            self.bell.set_count(count)
            self.count_changed.emit(count)
            if self._recount:
                self._recount = False
                self.refresh()

        def failed(exc: BaseException) -> None:
            self._counting = False
            log.warning("counting notifications failed: %s", exc)

        self.ctx.tasks.submit(fetch, done, failed)
        if self.popup.isVisible():
            self.reload_list()

    def poll(self) -> None:
        """Recount only when a notification was added since the last count (cheap max(id))."""
        db = self.ctx.db

        def done(latest: int) -> None:
            if latest != self._latest_id:
                self.refresh()

        self.ctx.tasks.submit(
            lambda: notifications.latest_notification_id(db),
            done,
            lambda exc: log.warning("polling notifications failed: %s", exc),
        )

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if changes.notifications or changes.everything:
            self.refresh()

    # the popup ---------------------------------------------------------------------------------

    def toggle_popup(self) -> None:
        if self.popup.isVisible():
            self.popup.hide()
            return
        self.reload_list()
        self.popup.show_under(self.bell)

    def reload_list(self) -> None:
        uid = self.user_id
        if uid is None:
            return
        db, include_read = self.ctx.db, self.popup.show_read.isChecked()
        self.ctx.tasks.submit(
            lambda: notifications.list_notifications(db, uid, include_read=include_read),
            self.popup.set_rows,
            self.ctx.tasks.default_error_handler,
        )

    def open_notification(self, row: NotificationRow) -> None:
        """Open what the notification is about and mark it read."""
        self.popup.hide()
        if row.ticket_id is not None:
            self.ctx.bus.open_ticket_requested.emit(row.ticket_id)
        elif row.customer_id is not None:
            self.ctx.bus.open_customer_requested.emit(row.customer_id)
        if row.read_at is None:
            db, nid = self.ctx.db, row.id
            self.ctx.tasks.submit(
                lambda: notifications.mark_read(db, [nid]),
                lambda changes: self.ctx.bus.data_changed.emit(changes, None),
                self.ctx.tasks.default_error_handler,
                write=True,
            )

    def task_action(self, row: NotificationRow, action: str) -> None:
        """Done or snooze the task a reminder is about (the reminder is then read)."""
        from crmdesk.views.reminders import task_action

        if row.task_id is not None:
            task_action(self.ctx, row.task_id, action, row.id)

    def mark_all_read(self) -> None:
        uid = self.user_id
        if uid is None:
            return
        db = self.ctx.db
        self.ctx.tasks.submit(
            lambda: notifications.mark_all_read(db, uid),
            lambda changes: self.ctx.bus.data_changed.emit(changes, None),
            self.ctx.tasks.default_error_handler,
            write=True,
        )

    # the SLA checker ---------------------------------------------------------------------------

    def run_sla_check(self) -> None:
        """Run the checker on the write worker and announce what it changed."""
        if self._checking:
            return
        self._checking = True
        db = self.ctx.db

        def done(result: Any) -> None:  # noqa: ANN401 - an SlaCheckResult
            self._checking = False
            changes = sla_changes(result)
            if not changes.empty:
                self.ctx.bus.data_changed.emit(changes, None)
            self.sla_checked.emit(result)

        def failed(exc: BaseException) -> None:
            self._checking = False
            log.warning("the SLA check failed: %s", exc)

        self.ctx.tasks.submit(lambda: sla.run_sla_check(db), done, failed, write=True)


def sla_changes(result: Any) -> ChangeSet:  # noqa: ANN401 - an SlaCheckResult
    """What an SLA check changed, as the ChangeSet the screens listen for."""
    changes = getattr(result, "changes", None)
    if isinstance(changes, ChangeSet):
        return changes
    ticket_ids = frozenset(getattr(result, "ticket_ids", ()) or ())
    return ChangeSet(tickets=ticket_ids, notifications=bool(getattr(result, "notified", 0)))


def install(window: Any, ctx: AppContext) -> NotificationCentre:  # noqa: ANN401 - a QMainWindow
    """Put the bell into ``window``'s status bar corner and return the centre."""
    centre = NotificationCentre(ctx, window)
    window.statusBar().addPermanentWidget(centre.bell)
    return centre
