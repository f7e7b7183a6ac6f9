"""Registering a service ticket (投诉登记), and opening one.

``new_ticket`` shows the form: the customer (suggested while typing, or given and locked), one of
its contacts, category, priority, channel, title and description, assignee and team, and when the
customer reported it. Raised from a timeline interaction, the form starts from that interaction.
While the title and description are typed, matching knowledge-base articles are suggested; the
ones picked are linked to the new ticket.

``open_ticket`` opens (or brings forward) the ticket's own window (crmdesk/views/ticket_window.py).
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QStringListModel,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import choices
from crmdesk.qt.service_text import error_text, field_text
from crmdesk.services import ChangeSet, CrmError, ValidationError, activity, knowledge
from crmdesk.services import customers as customer_service
from crmdesk.services import tickets as ticket_service
from crmdesk.services.dto import ContactRow, InteractionRow, UserRow
from crmdesk.views.article_widgets import SuggestedArticles
from crmdesk.views.widgets import Banner, FieldBox, fmt_datetime, guarded

_CTX = "TicketDialog"

# Channels offered (the field is free text: an office may type its own, e.g. 在线客服).
CHANNELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TicketDialog", "Phone"),
    QT_TRANSLATE_NOOP("TicketDialog", "WeChat"),
    QT_TRANSLATE_NOOP("TicketDialog", "Email"),
    QT_TRANSLATE_NOOP("TicketDialog", "Online chat"),
    QT_TRANSLATE_NOOP("TicketDialog", "Visit"),
    QT_TRANSLATE_NOOP("TicketDialog", "Meeting"),
)
# The channel a ticket raised from an interaction of this kind came through.
CHANNEL_OF_KIND = {
    "call": "Phone",
    "wechat": "WeChat",
    "email": "Email",
    "visit": "Visit",
    "meeting": "Meeting",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def to_utc(q: QDateTime) -> dt.datetime:
    """A local QDateTime from an editor as an aware UTC datetime."""
    d, t = q.date(), q.time()
    local = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()
    return local.astimezone(dt.UTC)


def to_local_qdatetime(value: dt.datetime) -> QDateTime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    v = value.astimezone()
    return QDateTime(QDate(v.year, v.month, v.day), QTime(v.hour, v.minute))


class CustomerPicker(QWidget):
    """A customer name field that suggests existing customers while typing (自动联想); only a
    suggestion that was picked counts. Locked when the customer is given."""

    customer_changed = Signal(object)  # int | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self._hits: dict[str, int] = {}
        self._seq = 0
        self._setting = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type a few letters of the customer's name…"))
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The service matches anywhere in the name (and in pinyin-free Chinese): show its hits.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.activated[str].connect(self.choose_text)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self._suggest)
        self.edit.textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        if self._setting:
            return
        if self.customer_id is not None:
            self.customer_id = None
            self.customer_changed.emit(None)
        self.timer.start()

    def _suggest(self) -> None:
        prefix = self.edit.text().strip()
        self._seq += 1
        seq = self._seq
        if not prefix:
            self.model.setStringList([])
            return
        db = self.ctx.db

        def done(hits: list[tuple[int, str, str]]) -> None:
            if seq != self._seq:
                return
            self._hits = {f"{name}  ·  {code}": cid for cid, code, name in hits}
            self.model.setStringList(list(self._hits))
            if self._hits and self.edit.hasFocus():
                self.completer.complete()

        self.ctx.tasks.submit(
            lambda: customer_service.suggest_customers(db, prefix, 10),
            guarded(self, done),
            lambda _exc: None,
        )

    def suggestions(self) -> list[str]:
        return self.model.stringList()

    def choose_text(self, text: str) -> None:
        cid = self._hits.get(text)
        if cid is not None:
            self.set_customer(cid, text.split("  ·  ")[0])

    def set_customer(self, customer_id: int | None, name: str = "") -> None:
        self._setting = True
        self.edit.setText(name)
        self._setting = False
        self.timer.stop()
        if customer_id != self.customer_id:
            self.customer_id = customer_id
            self.customer_changed.emit(customer_id)

    def lock(self) -> None:
        self.edit.setReadOnly(True)
        self.edit.setStyleSheet("QLineEdit { background: palette(window); }")
        self.edit.setToolTip(self.tr("The ticket is for this customer."))


class NewTicketDialog(QDialog):
    ticket_created = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        customer_id: int | None = None,
        interaction: InteractionRow | None = None,
        interaction_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interaction = interaction
        self.interaction_id = interaction.id if interaction is not None else interaction_id
        self.ticket_id: int | None = None
        self._saving = False
        self._contact_name_wanted = interaction.contact_name if interaction else None
        self.setWindowTitle(self.tr("New ticket"))
        outer = QVBoxLayout(self)
        self.error_banner = Banner("error", self)
        outer.addWidget(self.error_banner)
        if interaction is not None:
            note = QLabel(
                self.tr("Raised from the interaction of %1: %2")
                .replace("%1", fmt_datetime(interaction.occurred_at))
                .replace("%2", interaction.summary),
                self,
            )
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setStyleSheet("color: #616161;")
            outer.addWidget(note)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns.addLayout(form, 3)
        self.fields: dict[str, FieldBox] = {}

        self.customer = CustomerPicker(ctx, self)
        self.customer.customer_changed.connect(self._customer_changed)
        self._add(form, "customer", self.tr("Customer *"), self.customer)
        self.contact = QComboBox(self)
        self.contact.addItem(self.tr("(no contact)"), None)
        self._add(form, "contact", self.tr("Contact"), self.contact)
        self.category = QComboBox(self)
        for code, text in choices("ticket_category"):
            self.category.addItem(text, code)
        self._add(form, "category", self.tr("Category *"), self.category)
        self.priority = QComboBox(self)
        for code, text in choices("ticket_priority"):
            self.priority.addItem(text, code)
        self.priority.setCurrentIndex(self.priority.findData("normal"))
        self._add(form, "priority", self.tr("Priority"), self.priority)
        self.channel = QComboBox(self)
        self.channel.setEditable(True)
        for source in CHANNELS:
            self.channel.addItem(_tr(source), source)
        self.channel.setCurrentIndex(0)
        self._add(form, "channel", self.tr("Channel"), self.channel)
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("In a few words, e.g. 发票金额错误"))
        self._add(form, "title", self.tr("Title *"), self.title)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 5 + 12)
        self.description.setPlaceholderText(self.tr("What the customer reported"))
        self._add(form, "description", self.tr("Description"), self.description)
        # The description takes the height the dialog has to spare.
        self.fields["description"].setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding
        )
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("(nobody yet)"), None)
        self._add(form, "assignee", self.tr("Assignee"), self.assignee)
        self.team = QComboBox(self)
        self.team.addItem(self.tr("(no team)"), None)
        self._add(form, "team", self.tr("Team"), self.team)
        self.reported_at = QDateTimeEdit(self)
        self.reported_at.setCalendarPopup(True)
        self.reported_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reported_at.setDateTime(to_local_qdatetime(ctx.db.now()))
        self._add(form, "reported_at", self.tr("Reported at"), self.reported_at)

        side = QVBoxLayout()
        columns.addLayout(side, 2)
        side_title = QLabel(self.tr("Knowledge base: does an article answer it?"), self)
        side_title.setStyleSheet("font-weight: bold;")
        side.addWidget(side_title)
        self.suggested = SuggestedArticles(ctx, self)
        self.suggested.article_chosen.connect(self.add_article)
        side.addWidget(self.suggested, 1)
        self.linked_caption = QLabel(self.tr("Linked to the new ticket:"), self)
        self.linked = QListWidget(self)
        self.linked.setMaximumHeight(90)
        self.linked.setToolTip(self.tr("Double-click to remove"))
        self.linked.itemDoubleClicked.connect(
            lambda item: self.linked.takeItem(self.linked.row(item))
        )
        side.addWidget(self.linked_caption)
        side.addWidget(self.linked)
        self.linked_caption.hide()
        self.linked.hide()
        # SuggestedArticles waits for a pause in typing before it searches.
        self.title.textChanged.connect(self._suggest_articles)
        self.description.textChanged.connect(self._suggest_articles)
        self.title.textChanged.connect(lambda: self.fields["title"].set_error(None))

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Create ticket"), self)
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)

        if interaction is not None:
            self.title.setText(interaction.summary[:200])
            self.description.setPlainText(interaction.content or "")
            self.reported_at.setDateTime(to_local_qdatetime(interaction.occurred_at))
            channel = CHANNEL_OF_KIND.get(interaction.kind)
            if channel is not None:
                self.channel.setCurrentIndex(self.channel.findData(channel))
        self._load_people()
        if customer_id is not None:
            self.customer.set_customer(customer_id, "")
            self.customer.lock()
            self.title.setFocus()
        self.resize(900, 560)

    def _add(self, form: QFormLayout, key: str, caption: str, editor: QWidget) -> None:
        box = FieldBox(editor, self)
        self.fields[key] = box
        form.addRow(caption, box)

    # loading ---------------------------------------------------------------------------------

    def _load_people(self) -> None:
        db = self.ctx.db

        def fetch() -> tuple[list[UserRow], list[tuple[int, str]]]:
            return ticket_service.list_agents(db), ticket_service.list_teams(db)

        def done(data: tuple[list[UserRow], list[tuple[int, str]]]) -> None:
            agents, teams = data
            for a in agents:
                self.assignee.addItem(a.display_name, a.id)
            for tid, name in teams:
                self.team.addItem(name, tid)

        self.ctx.tasks.submit(fetch, guarded(self, done), guarded(self, self._failed))

    def _customer_changed(self, customer_id: int | None) -> None:
        self.fields["customer"].set_error(None)
        self.contact.clear()
        self.contact.addItem(self.tr("(no contact)"), None)
        if customer_id is None:
            return
        db = self.ctx.db

        def done(detail: Any) -> None:
            if self.customer.customer_id != customer_id:
                return
            if not self.customer.edit.text():
                self.customer.set_customer(customer_id, detail.name)
            rows: list[ContactRow] = list(detail.contacts)
            for k in rows:
                self.contact.addItem(k.name + (f"  ({k.title})" if k.title else ""), k.id)
            wanted = self._contact_name_wanted
            pick = next((k for k in rows if wanted and k.name == wanted), None)
            pick = pick or next((k for k in rows if k.is_primary), None)
            if pick is not None:
                self.contact.setCurrentIndex(self.contact.findData(pick.id))

        self.ctx.tasks.submit(
            lambda: customer_service.get_customer(db, customer_id),
            guarded(self, done),
            guarded(self, self._failed),
        )

    # knowledge base --------------------------------------------------------------------------

    def _suggest_articles(self) -> None:
        self.suggested.set_text(
            f"{self.title.text().strip()}\n{self.description.toPlainText().strip()}".strip()
        )

    def add_article(self, article_id: int) -> None:
        if article_id in self.article_ids():
            return
        db = self.ctx.db

        def done(detail: Any) -> None:
            if article_id in self.article_ids():
                return
            item = QListWidgetItem(detail.title, self.linked)
            item.setData(Qt.ItemDataRole.UserRole, article_id)
            self.linked_caption.show()
            self.linked.show()

        self.ctx.tasks.submit(
            lambda: knowledge.get_article(db, article_id),
            guarded(self, done),
            guarded(self, self._failed),
        )

    def article_ids(self) -> list[int]:
        return [
            int(self.linked.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.linked.count())
        ]

    # saving ----------------------------------------------------------------------------------

    def collect(self) -> ticket_service.TicketInput:
        # Stored as shown, like the channels the office types itself.
        channel = self.channel.currentText().strip()
        return ticket_service.TicketInput(
            customer_id=self.customer.customer_id or 0,
            title=self.title.text().strip(),
            category=self.category.currentData(),
            priority=self.priority.currentData(),
            contact_id=self.contact.currentData(),
            channel=channel or None,
            description=self.description.toPlainText().strip() or None,
            assignee_id=self.assignee.currentData(),
            team_id=self.team.currentData(),
            reported_at=to_utc(self.reported_at.dateTime()),
            interaction_id=self.interaction_id,
        )

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.customer.customer_id is None:
            errors["customer"] = (
                self.tr("Choose the customer from the suggestions.")
                if self.customer.edit.text().strip()
                else self.tr("Which customer is it for?")
            )
        if not self.title.text().strip():
            errors["title"] = self.tr("Say in a few words what the problem is.")
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, box in self.fields.items():
            box.set_error(errors.get(key))
        if errors:
            first = next((k for k in self.fields if k in errors), None)
            if first is not None:
                self.fields[first].setFocus()

    def save(self) -> None:
        if self._saving:
            return
        self.error_banner.hide()
        errors = self.validate()
        self.show_errors(errors)
        if errors:
            return
        data = self.collect()
        articles = self.article_ids()
        db = self.ctx.db
        self._saving = True
        self.save_button.setEnabled(False)

        def create() -> tuple[int, str, ChangeSet]:
            tid, changes = ticket_service.create_ticket(db, data)
            for aid in articles:
                changes = changes | knowledge.link_article(db, tid, aid)
            return tid, ticket_service.get_ticket(db, tid).number, changes

        self.ctx.tasks.submit(
            create, guarded(self, self._created), guarded(self, self._failed), write=True
        )

    def _created(self, result: tuple[int, str, ChangeSet]) -> None:
        tid, number, changes = result
        self._saving = False
        self.ticket_id = tid
        self.ctx.bus.data_changed.emit(changes, None)
        self.ctx.bus.status_message_requested.emit(
            self.tr("Ticket %1 registered.").replace("%1", number)
        )
        self.ticket_created.emit(tid)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field_errors:
            known = {k: field_text(v) for k, v in exc.field_errors.items() if k in self.fields}
            self.show_errors(known)
            rest = [field_text(v) for k, v in exc.field_errors.items() if k not in self.fields]
            if rest or not known:
                self.error_banner.show_text(
                    html.escape(" ".join(rest) if rest else error_text(exc))
                )
        elif isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)


def _find_interaction(db: Any, customer_id: int, interaction_id: int) -> InteractionRow | None:  # noqa: ANN401
    """The interaction with this id among the customer's (read page by page, newest first)."""
    offset, page = 0, 500
    while True:
        rows = activity.list_interactions(db, customer_id, offset, page)
        for row in rows:
            if row.id == interaction_id:
                return row
        if len(rows) < page:
            return None
        offset += page


def new_ticket(
    ctx: AppContext,
    parent: QWidget | None,
    customer_id: int | None = None,
    interaction_id: int | None = None,
    *,
    interaction: InteractionRow | None = None,
) -> NewTicketDialog | None:
    """Open the new-ticket form (non-blocking; returns the dialog).

    With ``customer_id`` the customer is filled in and locked; with an interaction (its row, or
    its id and the customer's) the title, description, channel, contact and "reported at"
    start from it. When only the id is given, the form opens once the interaction was read."""
    if interaction is None and interaction_id is not None and customer_id is not None:
        db = ctx.db

        def found(row: InteractionRow | None) -> None:
            if row is not None:
                new_ticket(ctx, parent, customer_id, interaction=row)
            else:  # deleted meanwhile: the form opens without it
                new_ticket(ctx, parent, customer_id)

        ctx.tasks.submit(
            lambda: _find_interaction(db, customer_id, interaction_id),
            guarded(parent, found) if parent is not None else found,
        )
        return None
    if interaction is not None and customer_id is None:
        customer_id = interaction.customer_id
    dialog = NewTicketDialog(ctx, parent, customer_id, interaction, interaction_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_ticket(ctx: AppContext, parent: QWidget | None, ticket_id: int) -> QWidget:
    """Open the ticket's window, or bring it forward when it is open already."""
    from crmdesk.views.ticket_window import TicketWindow

    return TicketWindow.open_for(ctx, parent, ticket_id)
