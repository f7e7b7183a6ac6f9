"""Task reminders while crmdesk runs, and the daily follow-up rules.

Every minute the write worker asks ``followup.due_reminders`` for the signed-in rep's tasks whose
reminder time has come and marks them reminded (which adds a ``task_due`` notification to the
bell); the first check runs at start, so reminders that fell due while the app was closed are
caught up. New reminders also appear as a system-tray message when the desktop has a tray.

The daily rules (revisit cadence, birthday and anniversary care, the public pool) run once after
the first paint and again whenever the date changes while the app is open.

Done and Snooze (10 minutes, 1 hour, tomorrow morning) act on the task from the bell or from the
tray message's window.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from crmdesk.paths import resource_path
from crmdesk.qt.context import AppContext
from crmdesk.services import ChangeSet, followup, notifications, rules
from crmdesk.views.my_day import snooze_until

log = logging.getLogger(__name__)

_CTX = "Reminders"
CHECK_MS = 60_000


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CTX, text, "", n)


def _local_date(value: dt.datetime) -> dt.date:
    return (value.astimezone() if value.tzinfo is not None else value).date()


def reminder_message(rows: list[Any]) -> tuple[str, str]:  # noqa: ANN401 - ReminderRows
    """The tray message's title and text for the reminders that just came due."""
    if len(rows) == 1:
        r = rows[0]
        title = QCoreApplication.translate("Reminders", "Follow-up due")
        text = r.title
        if r.customer_name:
            text += " — " + r.customer_name
        return title, text
    # Reminders.tr (a class method), not QCoreApplication.translate: lupdate makes a plural
    # message only of a tr() call.
    title = Reminders.tr("%n follow-ups due", "", len(rows))
    lines = [r.title + (" — " + r.customer_name if r.customer_name else "") for r in rows[:4]]
    if len(rows) > 4:
        lines.append(Reminders.tr("and %n more", "", len(rows) - 4))
    return title, "\n".join(lines)


class Reminders(QObject):
    """The reminder checker and the daily rules of one main window."""

    # the ReminderRows that just came due (after they were marked reminded)
    reminded = Signal(object)
    # the rules' DailyResult
    rules_ran = Signal(object)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._checking = False
        self._rules_running = False
        self._rules_day: dt.date | None = None
        self.last_rows: list[Any] = []
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.tick)
        self.tray: QSystemTrayIcon | None = None

    @property
    def user_id(self) -> int | None:
        user = self.ctx.db.user
        return user.id if user is not None else None

    def start(self) -> None:
        """Run the daily rules, catch up on missed reminders, then check every minute."""
        self.tick()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def tick(self) -> None:
        today = _local_date(self.ctx.db.now())
        if self._rules_day != today:
            self.run_daily_rules()
        self.check()

    # the daily rules ---------------------------------------------------------------------------

    def run_daily_rules(self) -> None:
        if self._rules_running:
            return
        self._rules_running = True
        db = self.ctx.db
        now = db.now()

        def done(result: Any) -> None:  # noqa: ANN401 - a DailyResult
            self._rules_running = False
            self._rules_day = _local_date(now)
            changes = getattr(result, "changes", None)
            if isinstance(changes, ChangeSet) and not changes.empty:
                self.ctx.bus.data_changed.emit(changes, None)
            self.rules_ran.emit(result)

        def failed(exc: BaseException) -> None:
            self._rules_running = False
            # Tried today; the next day tries again.
            self._rules_day = _local_date(now)
            log.warning("the daily follow-up rules failed: %s", exc)

        # Rule-made task titles are written in the language the app runs in.
        lang = "zh_CN" if QLocale().name().lower().startswith("zh") else "en"
        self.ctx.tasks.submit(
            lambda: rules.run_daily_rules(db, now, lang=lang), done, failed, write=True
        )

    # reminders ---------------------------------------------------------------------------------

    def check(self) -> None:
        """Find the reminders that came due, mark them reminded (a notification in the bell)
        and show them in the tray."""
        uid = self.user_id
        if uid is None or self._checking:
            return
        self._checking = True
        db = self.ctx.db

        def work() -> tuple[list[Any], ChangeSet]:
            return followup.fire_reminders(db, uid, db.now())

        def done(result: tuple[list[Any], ChangeSet]) -> None:
            self._checking = False
            rows, changes = result
            if not changes.empty:
                self.ctx.bus.data_changed.emit(changes, None)
            if rows:
                self.last_rows = rows
                self.show_tray_message(rows)
                self.reminded.emit(rows)

        def failed(exc: BaseException) -> None:
            self._checking = False
            log.warning("checking reminders failed: %s", exc)

        self.ctx.tasks.submit(work, done, failed, write=True)

    def show_tray_message(self, rows: list[Any]) -> bool:  # noqa: ANN401
        """A desktop notification through the system tray, when there is one."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        if self.tray is None:
            self.tray = QSystemTrayIcon(QIcon(str(resource_path("icons", "crmdesk.svg"))), self)
            self.tray.setToolTip("crmdesk")
            self.tray.messageClicked.connect(self._message_clicked)
            self.tray.activated.connect(lambda _reason: self._raise_window())
        self.tray.show()
        title, text = reminder_message(rows)
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        return True

    def _raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        QApplication.alert(self.window)

    def _message_clicked(self) -> None:
        self._raise_window()
        if len(self.last_rows) == 1 and self.last_rows[0].customer_id is not None:
            self.ctx.bus.open_customer_requested.emit(self.last_rows[0].customer_id)
        else:
            show_page = getattr(self.window, "show_page", None)
            page_row = getattr(self.window, "page_row", None)
            if show_page is not None and page_row is not None:
                show_page(page_row("my_day"))


def task_action(ctx: AppContext, task_id: int, action: str, notification_id: int | None) -> None:
    """Done or snooze ("10m", "1h", "tomorrow") a task from its reminder; the reminder is read."""
    db = ctx.db

    def work() -> ChangeSet:
        # Both also mark the task's reminders in the bell read.
        if action == "done":
            changes = followup.finish_task(db, task_id)
        else:
            changes = followup.snooze_task(db, task_id, snooze_until(action, db.now()))
        if notification_id is not None:
            changes = changes | notifications.mark_read(db, [notification_id])
        return changes

    def done(changes: ChangeSet) -> None:
        ctx.bus.data_changed.emit(changes, None)
        ctx.bus.status_message_requested.emit(
            QCoreApplication.translate("Reminders", "Task done.")
            if action == "done"
            else QCoreApplication.translate("Reminders", "Task snoozed.")
        )

    ctx.tasks.submit(work, done, ctx.tasks.default_error_handler, write=True)
