"""One ticket in its own window: who, what, where it stands against its deadline, what can be
done next, and everything that happened to it.

The header says the number, title, customer (a link that opens the customer), status, priority
and the SLA clock (time left, overdue, paused, breached). Buttons move the ticket to its next
step or reopen it (through ``perform_move``, which asks for what the move needs), assign it, and
pause the clock while waiting for the customer. The details are editable (a stale save is refused
by the version check). Tabs: History (every event, who and when, in words), Steps (each step's
time and deadline, late ones marked), Articles (linked knowledge-base articles) and Satisfaction
(the revisit, once closed). The window follows ``data_changed`` for its ticket.
"""

from __future__ import annotations

import html
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import choices, label
from crmdesk.qt.service_text import error_text
from crmdesk.services import ChangeSet, CrmError, NotFoundError
from crmdesk.services import customers as customer_service
from crmdesk.services import tickets as ticket_service
from crmdesk.views import ticket_move, ticket_text
from crmdesk.views.ticket_dialog import CHANNELS
from crmdesk.views.ticket_tabs import TicketTabs
from crmdesk.views.ticket_text import (
    BREACHED_RED,
    PRIORITY_COLORS,
    STATUS_COLOR,
    sla_state,
)
from crmdesk.views.widgets import Banner, FieldBox, FlowLayout, chip, clear_layout, fmt_datetime

_CTX = "TicketWindow"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class TicketWindow(QWidget):
    """The ticket's window; ``open_for`` keeps one per ticket."""

    loaded = Signal()

    _open: ClassVar[dict[tuple[int, int], TicketWindow]] = {}

    @classmethod
    def open_for(cls, ctx: AppContext, parent: QWidget | None, ticket_id: int) -> TicketWindow:
        key = (id(ctx), ticket_id)
        window = cls._open.get(key)
        if window is not None and shiboken6.isValid(window):
            window.show()
            window.raise_()
            window.activateWindow()
            return window
        # Owned by the top-level window, so closing the tab or dialog it was opened from does
        # not close it.
        owner = parent.window() if parent is not None else None
        while isinstance(owner, QDialog) and owner.parentWidget() is not None:
            owner = owner.parentWidget().window()
        window = cls(ctx, ticket_id, owner)
        cls._open[key] = window
        window.destroyed.connect(lambda *_: cls._open.pop(key, None))
        window.show()
        return window

    def __init__(self, ctx: AppContext, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.detail: Any = None
        self._busy = False
        self._dirty = False
        self._filling = False
        self.setWindowTitle(self.tr("Ticket"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_header())
        self.banner = Banner("info", self)
        self.banner.link_activated.connect(lambda _h: self.reload(force=True))
        self.error_banner = Banner("error", self)
        layout.addWidget(self.banner)
        layout.addWidget(self.error_banner)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_details())
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = TicketTabs(ctx, right)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self._build_comment_box())
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 780])
        layout.addWidget(splitter, 1)

        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self._show_sla)
        self.clock.start()
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.resize(1180, 740)
        self.reload(force=True)

    # building ----------------------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        header = QWidget(self)
        col = QVBoxLayout(header)
        col.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(self.tr("Loading…"), header)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.title_label)
        self.customer_label = QLabel(header)
        self.customer_label.setTextFormat(Qt.TextFormat.RichText)
        self.customer_label.linkActivated.connect(self._open_customer)
        col.addWidget(self.customer_label)
        self.chips_host = QWidget(header)
        self.chips = FlowLayout(self.chips_host, spacing=6)
        col.addWidget(self.chips_host)
        self.sla_label = QLabel(header)
        self.sla_label.setObjectName("slaLabel")
        col.addWidget(self.sla_label)

        actions = QHBoxLayout()
        self.next_button = QPushButton(header)
        self.next_button.setDefault(False)
        self.next_button.setStyleSheet("QPushButton { font-weight: bold; padding: 4px 14px; }")
        self.next_button.clicked.connect(self.move_forward)
        self.reopen_button = QPushButton(self.tr("Reopen"), header)
        self.reopen_menu = QMenu(self.reopen_button)
        self.reopen_button.setMenu(self.reopen_menu)
        self.assign_button = QPushButton(self.tr("Assign…"), header)
        self.assign_button.clicked.connect(self.choose_assignee)
        self.me_button = QPushButton(self.tr("Assign to me"), header)
        self.me_button.clicked.connect(self.assign_to_me)
        self.wait_button = QPushButton(header)
        self.wait_button.clicked.connect(self.toggle_waiting)
        for w in (
            self.next_button,
            self.reopen_button,
            self.assign_button,
            self.me_button,
            self.wait_button,
        ):
            actions.addWidget(w)
            w.setEnabled(False)
        actions.addStretch(1)
        col.addLayout(actions)
        return header

    def _build_details(self) -> QWidget:
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 6, 0)
        caption = QLabel(self.tr("Details"), box)
        caption.setStyleSheet("font-weight: bold;")
        col.addWidget(caption)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, FieldBox] = {}
        self.title_edit = QLineEdit(box)
        self.title_edit.setMaxLength(200)
        self.category = QComboBox(box)
        for code, text in choices("ticket_category"):
            self.category.addItem(text, code)
        self.priority = QComboBox(box)
        for code, text in choices("ticket_priority"):
            self.priority.addItem(text, code)
        self.channel = QComboBox(box)
        self.channel.setEditable(True)
        for source in CHANNELS:
            self.channel.addItem(QCoreApplication.translate("TicketDialog", source))
        self.contact = QComboBox(box)
        self.team = QComboBox(box)
        self.description = QPlainTextEdit(box)
        self.description.setTabChangesFocus(True)
        self.reported = QLabel(box)
        self.assignee_label = QLabel(box)
        self.solution = QLabel(box)
        self.solution.setWordWrap(True)
        self.solution.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for key, caption_text, editor in (
            ("title", self.tr("Title"), self.title_edit),
            ("category", self.tr("Category"), self.category),
            ("priority", self.tr("Priority"), self.priority),
            ("channel", self.tr("Channel"), self.channel),
            ("contact", self.tr("Contact"), self.contact),
            ("team", self.tr("Team"), self.team),
            ("description", self.tr("Description"), self.description),
        ):
            self.fields[key] = FieldBox(editor, box)
            form.addRow(caption_text, self.fields[key])
        form.addRow(self.tr("Assignee"), self.assignee_label)
        form.addRow(self.tr("Reported"), self.reported)
        form.addRow(self.tr("Solution"), self.solution)
        col.addLayout(form, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.revert_button = QPushButton(self.tr("Undo edits"), box)
        self.save_button = QPushButton(self.tr("Save details"), box)
        self.revert_button.clicked.connect(lambda: self.reload(force=True))
        self.save_button.clicked.connect(self.save_details)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        col.addLayout(row)
        for signal in (
            self.title_edit.textEdited,
            self.category.activated,
            self.priority.activated,
            self.channel.editTextChanged,
            self.contact.activated,
            self.team.activated,
            self.description.textChanged,
        ):
            signal.connect(self._edited)
        self._set_dirty(False)
        return box

    def _build_comment_box(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 4, 0, 0)
        self.comment = QPlainTextEdit(box)
        self.comment.setPlaceholderText(self.tr("Add a comment… (Ctrl+Enter)"))
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 3 + 14)
        self.comment_button = QPushButton(self.tr("Add comment"), box)
        self.comment_button.clicked.connect(self.add_comment)
        row.addWidget(self.comment, 1)
        row.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignBottom)
        # Ctrl+Enter in the box adds the comment (an event filter: a shortcut would need the
        # window to be the active one, which a window opened from a notification may not be).
        self.comment.installEventFilter(self)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.comment
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.add_comment()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    # loading -----------------------------------------------------------------------------------

    def reload(self, force: bool = False) -> None:
        """Read the ticket again; unsaved edits of the details are kept unless ``force``."""
        db, tid = self.ctx.db, self.ticket_id

        def fetch() -> tuple[Any, list[Any], list[tuple[int, str]]]:
            detail = ticket_service.get_ticket(db, tid)
            contacts = customer_service.get_customer(db, detail.customer_id).contacts
            return detail, list(contacts), ticket_service.list_teams(db)

        def done(data: tuple[Any, list[Any], list[tuple[int, str]]]) -> None:
            detail, contacts, teams = data
            self.show_detail(detail, contacts, teams, keep_edits=self._dirty and not force)

        self.ctx.tasks.submit(fetch, self._guard(done), self._guard(self._load_failed))

    def _guard(self, fn: Any) -> Any:  # noqa: ANN401
        def call(*args: Any) -> None:
            if shiboken6.isValid(self):
                fn(*args)

        return call

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, NotFoundError):
            self.error_banner.show_text(html.escape(error_text(exc)))
            self._enable_actions(False)
        elif isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)

    def show_detail(
        self,
        d: Any,  # noqa: ANN401 - a TicketDetail
        contacts: list[Any],
        teams: list[tuple[int, str]],
        keep_edits: bool = False,
    ) -> None:
        previous = self.detail
        self.detail = d
        self.error_banner.hide()
        self.setWindowTitle(f"{d.number} — {d.title}")
        self.title_label.setText(f"{d.number}  {d.title}")
        parts = [
            self.tr("Customer: %1").replace(
                "%1", f'<a href="customer">{html.escape(d.customer_name or "")}</a>'
            )
        ]
        if d.contact_name:
            parts.append(self.tr("Contact: %1").replace("%1", html.escape(d.contact_name)))
        parts.append(
            self.tr("Assignee: %1").replace(
                "%1", html.escape(d.assignee_name or self.tr("nobody yet"))
            )
        )
        if d.team_name:
            parts.append(self.tr("Team: %1").replace("%1", html.escape(d.team_name)))
        self.customer_label.setText("  ·  ".join(parts))
        clear_layout(self.chips)
        self.chips.addWidget(chip(label("ticket_status", d.status), STATUS_COLOR, self.chips_host))
        self.chips.addWidget(
            chip(
                label("ticket_priority", d.priority),
                PRIORITY_COLORS.get(d.priority, "#90a4ae"),
                self.chips_host,
            )
        )
        self.chips.addWidget(chip(label("ticket_category", d.category), "#b0bec5", self.chips_host))
        if d.waiting:
            self.chips.addWidget(chip(self.tr("Waiting for customer"), "#b0bec5", self.chips_host))
        if d.breached:
            self.chips.addWidget(chip(self.tr("SLA breached"), BREACHED_RED, self.chips_host))
        self._show_sla()
        self._show_actions(d)
        if keep_edits:
            if previous is not None and previous.version != d.version:
                self.banner.show_text(
                    html.escape(
                        self.tr(
                            "Someone changed this ticket while you were editing its details. "
                            "Your edits are kept, but saving them will be refused."
                        )
                    )
                    + ' <a href="reload">'
                    + html.escape(self.tr("Show the current details"))
                    + "</a>"
                )
        else:
            self.banner.hide()
            self._fill_details(d, contacts, teams)
        self.tabs.show_detail(d)
        self.loaded.emit()

    def _fill_details(self, d: Any, contacts: list[Any], teams: list[tuple[int, str]]) -> None:  # noqa: ANN401
        self._filling = True
        self.title_edit.setText(d.title)
        self.category.setCurrentIndex(self.category.findData(d.category))
        self.priority.setCurrentIndex(self.priority.findData(d.priority))
        self.channel.setEditText(d.channel or "")
        self.contact.clear()
        self.contact.addItem(self.tr("(no contact)"), None)
        for k in contacts:
            self.contact.addItem(k.name, k.id)
        self.contact.setCurrentIndex(max(0, self.contact.findData(d.contact_id)))
        self.team.clear()
        self.team.addItem(self.tr("(no team)"), None)
        for tid, name in teams:
            self.team.addItem(name, tid)
        self.team.setCurrentIndex(max(0, self.team.findData(d.team_id)))
        self.description.setPlainText(d.description or "")
        self.assignee_label.setText(d.assignee_name or self.tr("nobody yet"))
        self.reported.setText(fmt_datetime(d.reported_at or d.created_at))
        self.solution.setText(d.solution or "—")
        for box in self.fields.values():
            box.set_error(None)
        self._filling = False
        self._set_dirty(False)

    def _show_sla(self) -> None:
        d = self.detail
        if d is None:
            return
        text, color = sla_state(d, self.ctx.db.now())
        self.sla_label.setText(text)
        self.sla_label.setStyleSheet(f"color: {color}; font-weight: bold;" if color else "")

    def _show_actions(self, d: Any) -> None:  # noqa: ANN401
        nxt = ticket_text.next_status(d.status)
        self.next_button.setVisible(nxt is not None)
        if nxt is not None:
            self.next_button.setText(ticket_text.action_text(d.status, nxt))
        self.reopen_menu.clear()
        for earlier in ticket_text.earlier_statuses(d.status):
            self.reopen_menu.addAction(
                ticket_text.action_text(d.status, earlier),
                lambda s=earlier: self.move_to(s),
            )
        self.reopen_button.setVisible(bool(self.reopen_menu.actions()))
        me = self.ctx.db.user.id if self.ctx.db.user is not None else None
        self.me_button.setVisible(me is not None and d.assignee_id != me and d.status != "closed")
        self.wait_button.setText(
            self.tr("Resume (customer answered)") if d.waiting else self.tr("Waiting for customer")
        )
        self.wait_button.setVisible(d.status != "closed")
        self.assign_button.setVisible(d.status != "closed")
        self._enable_actions(not self._busy)

    def _enable_actions(self, on: bool) -> None:
        for w in (
            self.next_button,
            self.reopen_button,
            self.assign_button,
            self.me_button,
            self.wait_button,
            self.comment_button,
        ):
            w.setEnabled(on and self.detail is not None)

    # editing -----------------------------------------------------------------------------------

    def _edited(self, *_args: Any) -> None:
        if not self._filling:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def collect(self) -> ticket_service.TicketInput:
        d = self.detail
        return ticket_service.TicketInput(
            customer_id=d.customer_id,
            title=self.title_edit.text().strip(),
            category=self.category.currentData(),
            priority=self.priority.currentData(),
            contact_id=self.contact.currentData(),
            channel=self.channel.currentText().strip() or None,
            description=self.description.toPlainText().strip() or None,
            assignee_id=d.assignee_id,
            team_id=self.team.currentData(),
            reported_at=d.reported_at,
            interaction_id=d.interaction_id,
        )

    def save_details(self) -> None:
        if self.detail is None or not self._dirty:
            return
        data = self.collect()
        if not data.title:
            self.fields["title"].set_error(self.tr("Say in a few words what the problem is."))
            self.title_edit.setFocus()
            return
        self.fields["title"].set_error(None)
        db, tid, version = self.ctx.db, self.ticket_id, self.detail.version

        def done(changes: ChangeSet) -> None:
            self._set_dirty(False)
            self.ctx.bus.data_changed.emit(changes, None)

        def failed(exc: BaseException) -> None:
            from crmdesk.services import ValidationError

            if isinstance(exc, ValidationError) and exc.field_errors:
                from crmdesk.qt.service_text import field_text

                for key, sentence in exc.field_errors.items():
                    if key in self.fields:
                        self.fields[key].set_error(field_text(sentence))
            if isinstance(exc, CrmError):
                self.error_banner.show_text(html.escape(error_text(exc)))
            else:
                self.ctx.tasks.default_error_handler(exc)

        self.ctx.tasks.submit(
            lambda: ticket_service.update_ticket(db, tid, data, version),
            self._guard(done),
            self._guard(failed),
            write=True,
        )

    # actions -----------------------------------------------------------------------------------

    def _run(self, start: Any) -> None:  # noqa: ANN401 - fn(on_done)
        self._busy = True
        self._enable_actions(False)

        def finished(_ok: bool) -> None:
            if shiboken6.isValid(self):
                self._busy = False
                self._enable_actions(True)

        start(finished)

    def move_to(self, status: str) -> None:
        d = self.detail
        if d is None:
            return
        self._run(
            lambda done: ticket_move.perform_move(
                self.ctx, self, d.id, d.version, d.status, status, done
            )
        )

    def move_forward(self) -> None:
        d = self.detail
        nxt = ticket_text.next_status(d.status) if d is not None else None
        if nxt is not None:
            self.move_to(nxt)

    def choose_assignee(self) -> None:
        self._run(lambda done: ticket_move.choose_assignee(self.ctx, self, self.ticket_id, done))

    def assign_to_me(self) -> None:
        self._run(lambda done: ticket_move.assign_to_me(self.ctx, self, self.ticket_id, done))

    def toggle_waiting(self) -> None:
        d = self.detail
        if d is None:
            return
        waiting = not d.waiting
        self._run(
            lambda done: ticket_move.set_waiting(self.ctx, self, self.ticket_id, waiting, done)
        )

    def add_comment(self) -> None:
        text = self.comment.toPlainText().strip()
        if not text or self.detail is None:
            self.comment.setFocus()
            return
        db, tid = self.ctx.db, self.ticket_id
        self.comment_button.setEnabled(False)

        def done(ok: bool) -> None:
            if not shiboken6.isValid(self):
                return
            self.comment_button.setEnabled(True)
            if ok:
                self.comment.clear()

        ticket_move.run_ticket_write(
            self.ctx, self, lambda: ticket_service.add_comment(db, tid, text), done
        )

    def _open_customer(self, _href: str) -> None:
        if self.detail is not None:
            self.ctx.bus.open_customer_requested.emit(self.detail.customer_id)

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if changes.everything or self.ticket_id in changes.tickets:
            self.reload()
        elif self.detail is not None and self.detail.customer_id in changes.customers:
            self.reload()
