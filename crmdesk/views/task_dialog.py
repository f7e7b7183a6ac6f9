"""The quick follow-up task (Ctrl+T wherever a customer is shown, then Enter) and the dialog that
completes a task by logging the interaction that did it.

The quick task opens with everything a rep usually wants already filled in — "Follow up with
<customer>", due tomorrow at 10:00, reminded at the due time — so Ctrl+T, Enter makes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import choices
from crmdesk.qt.service_text import error_text
from crmdesk.services import ChangeSet
from crmdesk.services.dto import InteractionInput
from crmdesk.views.quick_task import QUICK_TASK_KEYS, install_quick_task_action  # noqa: F401
from crmdesk.views.widgets import Banner, guarded

# (minutes before the due time, label): when the reminder fires.
REMIND_CHOICES: tuple[tuple[int, str], ...] = (
    (0, QT_TRANSLATE_NOOP("QuickTaskDialog", "At the due time")),
    (15, QT_TRANSLATE_NOOP("QuickTaskDialog", "15 minutes before")),
    (60, QT_TRANSLATE_NOOP("QuickTaskDialog", "1 hour before")),
    (24 * 60, QT_TRANSLATE_NOOP("QuickTaskDialog", "1 day before")),
)


def tomorrow_at_ten(now: dt.datetime) -> dt.datetime:
    """Tomorrow 10:00 on this computer's clock, as an aware datetime."""
    local = now.astimezone() if now.tzinfo is not None else now
    day = local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(10, 0)).astimezone()


def to_qdatetime(value: dt.datetime) -> QDateTime:
    local = value.astimezone() if value.tzinfo is not None else value
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()


def _datetime_edit(parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


class QuickTaskDialog(QDialog):
    """A new follow-up task for one customer; Enter creates it with the defaults."""

    task_created = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        customer_id: int,
        customer_name: str,
        parent: QWidget | None = None,
        *,
        deal_id: int | None = None,
        interaction_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.customer_name = customer_name
        self.deal_id = deal_id
        self.interaction_id = interaction_id
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("New follow-up task"))
        self.title_edit = QLineEdit(self.tr("Follow up with %1").replace("%1", customer_name), self)
        self.title_edit.setMaxLength(200)
        self.title_edit.selectAll()
        self.due = _datetime_edit(self)
        self.due.setDateTime(to_qdatetime(tomorrow_at_ten(ctx.db.now())))
        self.remind = QComboBox(self)
        for minutes, text in REMIND_CHOICES:
            self.remind.addItem(QCoreApplication.translate("QuickTaskDialog", text), minutes)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Notes (optional)"))
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.banner = Banner("error", self)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(customer_name, self))
        form.addRow(self.tr("Task"), self.title_edit)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Remind me"), self.remind)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create task"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.title_edit.setFocus()
        self.resize(440, self.sizeHint().height())

    def task_input(self) -> Any:  # noqa: ANN401 - a followup.TaskInput
        from crmdesk.services import followup

        due = from_qdatetime(self.due.dateTime())
        minutes = int(self.remind.currentData() or 0)
        user = self.ctx.db.user
        return followup.TaskInput(
            title=self.title_edit.text().strip(),
            customer_id=self.customer_id,
            due_at=due,
            assignee_id=user.id if user is not None else None,
            deal_id=self.deal_id,
            interaction_id=self.interaction_id,
            notes=self.notes.toPlainText().strip() or None,
            remind_at=due - dt.timedelta(minutes=minutes),
        )

    def accept(self) -> None:
        if not self.title_edit.text().strip():
            self.banner.show_text(self.tr("A task needs a title."))
            self.title_edit.setFocus()
            return
        from crmdesk.services import activity, followup

        data = self.task_input()
        db = self.ctx.db
        self.ok_button.setEnabled(False)

        def done(result: tuple[int, ChangeSet]) -> None:
            tid, changes = result
            self.created_id = tid
            undo.push(
                self.ctx,
                self.tr("New task %1").replace("%1", data.title),
                lambda: activity.set_task_done(db, tid, False),
                lambda: activity.set_task_done(db, tid, True),
                already_done=True,
            )
            self.ctx.bus.data_changed.emit(changes, None)
            self.ctx.bus.status_message_requested.emit(
                self.tr("Task “%1” due %2")
                .replace("%1", data.title)
                .replace("%2", self.locale().toString(self.due.dateTime(), "ddd d MMM HH:mm"))
            )
            self.task_created.emit(tid)
            super(QuickTaskDialog, self).accept()

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.banner.show_text(error_text(exc))

        self.ctx.tasks.submit(
            lambda: followup.add_quick_task(db, data),
            guarded(self, done),
            guarded(self, failed),
            write=True,
        )


def open_quick_task(
    ctx: AppContext, parent: QWidget, customer_id: int, customer_name: str
) -> QuickTaskDialog:
    dialog = QuickTaskDialog(ctx, customer_id, customer_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class CompleteTaskDialog(QDialog):
    """Log the call, visit or message that did a task; saving it marks the task done."""

    completed = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        task_id: int,
        task_title: str,
        customer_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task_id = task_id
        self.setWindowTitle(self.tr("Log interaction to complete"))
        self.kind = QComboBox(self)
        for code, text in choices("interaction"):
            self.kind.addItem(text, code)
        self.summary = QLineEdit(self)
        self.summary.setMaxLength(300)
        self.summary.setPlaceholderText(self.tr("What happened? (e.g. 电话回访，客户下周下单)"))
        self.when = _datetime_edit(self)
        self.when.setDateTime(to_qdatetime(ctx.db.now()))
        self.details = QPlainTextEdit(self)
        self.details.setTabChangesFocus(True)
        self.details.setPlaceholderText(self.tr("Details (optional)"))
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 3 + 12)
        self.banner = Banner("error", self)
        form = QFormLayout()
        form.addRow(self.tr("Task"), QLabel(task_title, self))
        form.addRow(self.tr("Customer"), QLabel(customer_name, self))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("What happened"), self.summary)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Details"), self.details)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log and complete"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.summary.setFocus()
        self.resize(480, self.sizeHint().height())

    def accept(self) -> None:
        summary = self.summary.text().strip()
        if not summary:
            self.banner.show_text(self.tr("Say in a few words what happened."))
            self.summary.setFocus()
            return
        data = InteractionInput(
            kind=self.kind.currentData(),
            summary=summary,
            occurred_at=from_qdatetime(self.when.dateTime()),
            content=self.details.toPlainText().strip() or None,
        )
        from crmdesk.services import followup

        db, tid = self.ctx.db, self.task_id
        self.ok_button.setEnabled(False)

        def done(changes: ChangeSet) -> None:
            self.ctx.bus.data_changed.emit(changes, None)
            self.completed.emit(tid)
            super(CompleteTaskDialog, self).accept()

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.banner.show_text(error_text(exc))

        self.ctx.tasks.submit(
            lambda: followup.complete_task_with_interaction(db, tid, data),
            guarded(self, done),
            guarded(self, failed),
            write=True,
        )


def open_complete_task(
    ctx: AppContext, parent: QWidget, task_id: int, task_title: str, customer_name: str
) -> CompleteTaskDialog:
    dialog = CompleteTaskDialog(ctx, task_id, task_title, customer_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
