"""My Day 我的一天: what a rep does today — overdue tasks, tasks due today and this week, the
customers not contacted for longest, and this week's birthdays and anniversaries.

Every row acts: open the customer (double-click, Enter), mark the task done, log the interaction
that completes it, snooze it, or make a new follow-up task (Ctrl+T). The page reads everything
in one background call (``followup.my_day``), refreshes when tasks, customers or interactions
change, and again when the date changes while the app stays open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.services import ChangeSet, activity, followup
from crmdesk.views.task_dialog import install_quick_task_action, open_complete_task
from crmdesk.views.widgets import fmt_date, guarded

DATE_CHECK_MS = 60_000
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

SECTIONS: tuple[tuple[str, str], ...] = (
    ("overdue", QT_TRANSLATE_NOOP("MyDayPage", "Overdue")),
    ("due_today", QT_TRANSLATE_NOOP("MyDayPage", "Due today")),
    ("this_week", QT_TRANSLATE_NOOP("MyDayPage", "This week")),
    ("stale", QT_TRANSLATE_NOOP("MyDayPage", "Not contacted for longest")),
    ("care", QT_TRANSLATE_NOOP("MyDayPage", "Birthdays & anniversaries this week")),
)
EMPTY: dict[str, str] = {
    "overdue": QT_TRANSLATE_NOOP("MyDayPage", "Nothing overdue."),
    "due_today": QT_TRANSLATE_NOOP("MyDayPage", "Nothing else due today."),
    "this_week": QT_TRANSLATE_NOOP("MyDayPage", "Nothing more this week."),
    "stale": QT_TRANSLATE_NOOP("MyDayPage", "Every customer of yours was contacted recently."),
    "care": QT_TRANSLATE_NOOP("MyDayPage", "No birthdays or anniversaries this week."),
}
SECTION_COLORS = {"overdue": "#c62828", "due_today": "#ef6c00", "this_week": "#1565c0"}

# Snooze choices: (key, label). "tomorrow" means tomorrow 09:00.
SNOOZES: tuple[tuple[str, str], ...] = (
    ("10m", QT_TRANSLATE_NOOP("MyDayPage", "10 minutes")),
    ("1h", QT_TRANSLATE_NOOP("MyDayPage", "1 hour")),
    ("tomorrow", QT_TRANSLATE_NOOP("MyDayPage", "Tomorrow morning")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MyDayPage", text)


def snooze_until(choice: str, now: dt.datetime) -> dt.datetime:
    """When a snoozed task or reminder comes back: in 10 minutes, an hour, or tomorrow 09:00."""
    if choice == "10m":
        return now + dt.timedelta(minutes=10)
    if choice == "1h":
        return now + dt.timedelta(hours=1)
    local = now.astimezone() if now.tzinfo is not None else now
    day = local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(9, 0)).astimezone()


@dataclass(frozen=True)
class DayItem:
    """One row of My Day, whatever section it is in."""

    section: str
    customer_id: int | None
    customer_name: str
    task_id: int | None = None
    title: str = ""
    when: str = ""
    note: str = ""


def _local_date(value: dt.datetime, zone: dt.tzinfo | None = None) -> dt.date:
    return _local(value, zone).date()


def _task_item(
    section: str,
    t: Any,  # noqa: ANN401 - a TaskRow
    today: dt.date,
    names: dict[int, str],
    zone: dt.tzinfo | None,
) -> DayItem:
    when = _when_text(t.due_at, today, zone) if t.due_at is not None else ""
    return DayItem(
        section,
        t.customer_id,
        names.get(t.customer_id, "") if t.customer_id is not None else "",
        t.id,
        t.title,
        when,
        t.notes or "",
    )


def _time_text(value: dt.datetime) -> str:
    return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def _local(value: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """``value`` on the office's clock (My Day counts days as the office does)."""
    return value.astimezone(zone) if value.tzinfo is not None else value


def _when_text(value: dt.datetime, today: dt.date, zone: dt.tzinfo | None) -> str:
    """ "today 9:00 AM", "Wed 9:00 AM" within the week, else the date and time."""
    local = _local(value, zone)
    days = (local.date() - today).days
    if days == 0:
        return QCoreApplication.translate("MyDayPage", "today %1").replace("%1", _time_text(local))
    if 0 < days < 7:
        day = QLocale().dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
        return f"{day} {_time_text(local)}"
    date = QLocale().toString(
        QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
    )
    return f"{date} {_time_text(local)}"


def _stale_item(row: Any, today: dt.date, zone: dt.tzinfo | None) -> DayItem:  # noqa: ANN401
    last = getattr(row, "last_interaction_at", None)
    tier = getattr(row, "tier", None)
    if last is None:
        note = QCoreApplication.translate("MyDayPage", "never contacted")
    else:
        days = (today - _local_date(last, zone)).days
        # A plural ("1 day ago") only when lupdate sees a tr() call: PySide6's tr is a class
        # method, so MyDayPage.tr keeps the page's context outside the class too.
        note = MyDayPage.tr("%n days ago", "", days)
    # The day it was on the office's calendar, as the count of days is.
    when = fmt_date(_local_date(last, zone)) if last is not None else ""
    if tier:
        note = label("tier", tier) + " · " + note
    return DayItem("stale", row.customer_id, row.name, None, "", when, note)


def _care_item(row: Any, today: dt.date) -> DayItem:  # noqa: ANN401 - a birthday or anniversary
    on: dt.date = row.on
    kind = "birthday" if hasattr(row, "contact_name") else "anniversary"
    if kind == "birthday":
        age = getattr(row, "age", None)
        title = (
            QCoreApplication.translate("MyDayPage", "%1 turns %2")
            .replace("%1", row.contact_name)
            .replace("%2", str(age))
            if age
            else QCoreApplication.translate("MyDayPage", "Birthday of %1").replace(
                "%1", row.contact_name
            )
        )
    else:
        title = MyDayPage.tr("%n years since contract %1", "", row.years).replace("%1", row.number)
    days = (on - today).days
    note = (
        QCoreApplication.translate("MyDayPage", "today")
        if days == 0
        else QCoreApplication.translate("MyDayPage", "tomorrow")
        if days == 1
        else MyDayPage.tr("in %n days", "", days)
        if days > 0
        else MyDayPage.tr("%n days ago", "", -days)
    )
    # The care task behind the row (when the service says which), so it can be done too.
    task_id = getattr(row, "task_id", None)
    return DayItem("care", row.customer_id, row.customer_name, task_id, title, fmt_date(on), note)


def day_items(
    day: Any,  # noqa: ANN401 - a MyDay
    today: dt.date,
    zone: dt.tzinfo | None = None,
) -> dict[str, list[DayItem]]:
    """The rows of each section, from the service's MyDay."""
    care = [*getattr(day, "birthdays", ()), *getattr(day, "anniversaries", ())]
    care.sort(key=lambda r: (r.on, r.customer_name))
    names: dict[int, str] = getattr(day, "customer_names", {}) or {}
    return {
        "overdue": [_task_item("overdue", t, today, names, zone) for t in day.overdue],
        "due_today": [_task_item("due_today", t, today, names, zone) for t in day.due_today],
        "this_week": [_task_item("this_week", t, today, names, zone) for t in day.this_week],
        "stale": [_stale_item(r, today, zone) for r in day.stale_customers],
        "care": [_care_item(r, today) for r in care],
    }


class MyDayPage(QWidget):
    """The rep's home screen (the first entry of the navigation)."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: dict[str, list[DayItem]] = {key: [] for key, _ in SECTIONS}
        self._stale = True
        self._loading = False
        self._again = False
        self._day: dt.date | None = None
        # The office's time zone: its days are My Day's days (known after the first read).
        self.zone: dt.tzinfo | None = None

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setStyleSheet("color: #616161;")
        head = QVBoxLayout()
        head.setSpacing(2)
        head.addWidget(self.heading)
        head.addWidget(self.summary)

        self.open_button = QPushButton(self.tr("Open customer"), self)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.log_button = QPushButton(self.tr("Log interaction to complete…"), self)
        self.snooze_button = QToolButton(self)
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self)
        for key, text in SNOOZES:
            self.snooze_menu.addAction(_tr(text), lambda k=key: self.snooze_selected(k))
        self.snooze_button.setMenu(self.snooze_menu)
        self.task_button = QPushButton(self.tr("New task…"), self)
        self.task_button.setToolTip(self.tr("A follow-up task for this customer (Ctrl+T)"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        bar = QHBoxLayout()
        bar.addLayout(head, 1)
        for b in (
            self.open_button,
            self.done_button,
            self.log_button,
            self.snooze_button,
            self.task_button,
            self.refresh_button,
        ):
            bar.addWidget(b, 0, Qt.AlignmentFlag.AlignBottom)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("What"), self.tr("Customer"), self.tr("When"), self.tr("Note")]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 0; }")
        self.tree.setAlternatingRowColors(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 220)
        header.resizeSection(2, 150)
        header.resizeSection(3, 170)
        header.setStretchLastSection(False)
        self.section_items: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for key, text in SECTIONS:
            item = QTreeWidgetItem(self.tree, [_tr(text)])
            item.setFirstColumnSpanned(True)
            item.setFont(0, bold)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if key in SECTION_COLORS:
                item.setForeground(0, QBrush(QColor(SECTION_COLORS[key])))
            item.setExpanded(True)
            self.section_items[key] = item

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)

        self.open_button.clicked.connect(self.open_selected)
        self.done_button.clicked.connect(self.done_selected)
        self.log_button.clicked.connect(self.log_selected)
        self.task_button.clicked.connect(lambda: self.quick_task_action.trigger())
        self.refresh_button.clicked.connect(self.refresh)
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._update_actions())
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.open_action = QAction(self.tr("Open customer"), self)
        self.open_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_selected)
        self.tree.addAction(self.open_action)
        self.quick_task_action = install_quick_task_action(self, ctx, self._selected_customer)

        self.date_timer = QTimer(self)
        self.date_timer.setInterval(DATE_CHECK_MS)
        self.date_timer.timeout.connect(self.check_date)
        self.date_timer.start()
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._show_heading()
        self._update_actions()

    # loading -----------------------------------------------------------------------------------

    def today(self) -> dt.date:
        return _local_date(self.ctx.db.now(), self.zone)

    def _show_heading(self) -> None:
        now = _local(self.ctx.db.now(), self.zone)
        self.heading.setText(self.tr("My Day"))
        self.summary.setText(
            self.locale().toString(now.date(), self.locale().FormatType.LongFormat)
        )

    def showEvent(self, event: Any) -> None:  # noqa: ANN401, N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read My Day again in the background."""
        user = self.ctx.db.user
        if user is None:
            return
        if self._loading:
            self._again = True
            return
        self._stale = False
        self._loading = True
        db, uid = self.ctx.db, user.id
        now = db.now()

        def fetch() -> tuple[Any, dt.tzinfo]:
            return followup.my_day(db, uid, now), followup.office_zone(db)

        def done(result: tuple[Any, dt.tzinfo]) -> None:
            day, self.zone = result
            self._day = _local_date(now, self.zone)
            self._fill(day, self._day)

        self.ctx.tasks.submit(fetch, guarded(self, done), guarded(self, self._failed))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.ctx.tasks.default_error_handler(exc)

    def _fill(self, day: Any, today: dt.date) -> None:  # noqa: ANN401 - a MyDay
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
        chosen = self.selected()
        self.items = day_items(day, today, self.zone)
        self._show_heading()
        current: QTreeWidgetItem | None = None
        for key, text in SECTIONS:
            section = self.section_items[key]
            section.takeChildren()
            rows = self.items[key]
            section.setText(0, f"{_tr(text)}  ({len(rows)})" if rows else _tr(text))
            if not rows:
                empty = QTreeWidgetItem(section, [_tr(EMPTY[key])])
                empty.setFirstColumnSpanned(True)
                empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                empty.setForeground(0, QBrush(QColor("#9e9e9e")))
            for row in rows:
                item = QTreeWidgetItem(
                    section, [row.title or row.customer_name, row.customer_name, row.when, row.note]
                )
                item.setData(0, ROW_ROLE, row)
                if key == "overdue":
                    item.setForeground(2, QBrush(QColor("#c62828")))
                if chosen is not None and _same(chosen, row):
                    current = item
            section.setExpanded(True)
        if current is not None:
            self.tree.setCurrentItem(current)
        overdue, today_count = len(self.items["overdue"]), len(self.items["due_today"])
        date_text = self.locale().toString(today, self.locale().FormatType.LongFormat)
        parts = [date_text]
        if overdue:
            parts.append(self.tr("%n overdue", "", overdue))
        parts.append(self.tr("%n due today", "", today_count))
        self.summary.setText(" · ".join(parts))
        self._update_actions()
        self.loaded.emit()

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if not (changes.everything or changes.tasks or changes.customers or changes.interactions):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def check_date(self) -> None:
        """After midnight (the app left open), today's tasks are yesterday's: read again."""
        if self._day is not None and self.today() != self._day:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    # the selected row --------------------------------------------------------------------------

    def selected(self) -> DayItem | None:
        item = self.tree.currentItem()
        return item.data(0, ROW_ROLE) if item is not None else None

    def select(self, section: str, index: int = 0) -> DayItem:
        """Make a row current (for keyboard users and tests) and return it."""
        item = self.section_items[section].child(index)
        self.tree.setCurrentItem(item)
        return item.data(0, ROW_ROLE)

    def texts(self, section: str) -> list[str]:
        """What a section shows: each row's first column."""
        return [r.title or r.customer_name for r in self.items[section]]

    def _selected_customer(self) -> tuple[int, str] | None:
        row = self.selected()
        if row is None or row.customer_id is None:
            return None
        return row.customer_id, row.customer_name

    def _update_actions(self) -> None:
        row = self.selected()
        is_task = row is not None and row.task_id is not None
        has_customer = row is not None and row.customer_id is not None
        self.open_button.setEnabled(has_customer)
        self.task_button.setEnabled(has_customer)
        for b in (self.done_button, self.log_button, self.snooze_button):
            b.setEnabled(is_task)

    def _context_menu(self, pos: Any) -> None:  # noqa: ANN401 - a QPoint
        row = self.selected()
        if row is None:
            return
        menu = QMenu(self)
        if row.customer_id is not None:
            menu.addAction(self.tr("Open customer"), self.open_selected)
        if row.task_id is not None:
            menu.addAction(self.tr("Done"), self.done_selected)
            menu.addAction(self.tr("Log interaction to complete…"), self.log_selected)
            snooze = menu.addMenu(self.tr("Snooze"))
            for key, text in SNOOZES:
                snooze.addAction(_tr(text), lambda k=key: self.snooze_selected(k))
        if row.customer_id is not None:
            menu.addAction(self.tr("New follow-up task…"), self.quick_task_action.trigger)
        menu.popup(self.tree.viewport().mapToGlobal(pos))
        self.context_menu = menu

    # actions -----------------------------------------------------------------------------------

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None and row.customer_id is not None:
            self.ctx.bus.open_customer_requested.emit(row.customer_id)

    def done_selected(self) -> None:
        row = self.selected()
        if row is None or row.task_id is None:
            return
        db, tid = self.ctx.db, row.task_id

        def done(changes: ChangeSet) -> None:
            undo.push(
                self.ctx,
                self.tr("Task done: %1").replace("%1", row.title),
                lambda: activity.set_task_done(db, tid, True),
                lambda: activity.set_task_done(db, tid, False),
                already_done=True,
            )
            self.ctx.bus.data_changed.emit(changes, None)

        self.ctx.tasks.submit(
            lambda: followup.finish_task(db, tid),
            guarded(self, done),
            self.ctx.tasks.default_error_handler,
            write=True,
        )

    def log_selected(self) -> Any:  # noqa: ANN401 - the CompleteTaskDialog
        row = self.selected()
        if row is None or row.task_id is None:
            return None
        self.complete_dialog = open_complete_task(
            self.ctx, self, row.task_id, row.title, row.customer_name
        )
        return self.complete_dialog

    def snooze_selected(self, choice: str) -> None:
        row = self.selected()
        if row is None or row.task_id is None:
            return
        db, tid = self.ctx.db, row.task_id
        until = snooze_until(choice, db.now())
        self.ctx.tasks.submit(
            lambda: followup.snooze_task(db, tid, until),
            lambda changes: self.ctx.bus.data_changed.emit(changes, None),
            self.ctx.tasks.default_error_handler,
            write=True,
        )


def _same(a: DayItem, b: DayItem) -> bool:
    if a.task_id is not None or b.task_id is not None:
        return a.task_id == b.task_id
    return (a.section, a.customer_id, a.title) == (b.section, b.customer_id, b.title)
