"""Knowledge-base widgets for the ticket screens.

- :class:`SuggestedArticles`: articles about what a ticket's text describes, found in the
  background while it is typed (``set_text``); ``article_chosen(id)`` on double-click or Enter.
- :class:`LinkedArticles`: the articles linked to a ticket (``set_ticket``), with buttons to link
  one (search and pick), unlink one (undoable) and open one; ``changed`` after a link or unlink.
- :func:`new_article_from_ticket`: the article editor prefilled from a resolved ticket's title,
  description and solution; the saved article is linked to the ticket.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.article_model import ID_ROLE, ArticleDelegate, ArticleListModel
from crmdesk.qt.context import AppContext
from crmdesk.services import ChangeSet, knowledge
from crmdesk.services.knowledge import ArticleInput, ArticleRow
from crmdesk.views.article_editor import ArticleEditorDialog
from crmdesk.views.article_view import open_article
from crmdesk.views.widgets import guarded

SUGGEST_DELAY_MS = 250
SUGGESTIONS = 5


def _article_list(parent: QWidget, model: ArticleListModel, *, compact: bool) -> QListView:
    view = QListView(parent)
    view.setModel(model)
    view.setItemDelegate(ArticleDelegate(view, compact=compact))
    view.setUniformItemSizes(True)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    return view


def _muted_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #757575;")
    return label


class SuggestedArticles(QWidget):
    """Up to five articles matching a ticket's text, best first."""

    article_chosen = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._text = ""
        self._serial = 0
        self._shown_text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.model = ArticleListModel(self)
        self.list = _article_list(self, self.model, compact=True)
        self.list.setToolTip(self.tr("Double-click an article to choose it"))
        self.list.activated.connect(self._activated)
        read = QAction(self.tr("Read the article"), self.list)
        read.triggered.connect(self.open_current)
        choose = QAction(self.tr("Choose it"), self.list)
        choose.triggered.connect(lambda: self._activated(self.list.currentIndex()))
        self.list.addActions([read, choose])
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.placeholder = _muted_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.list, 1)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._show([])

    def set_text(self, text: str) -> None:
        """The ticket's text changed: suggest again after a short pause in typing."""
        self._text = text
        self._timer.start()

    def _search(self) -> None:
        self._timer.stop()
        self._serial += 1
        serial, db, text = self._serial, self.ctx.db, self._text
        if not text.strip():
            self._shown_text = text
            self._show([])
            return

        def done(rows: list[ArticleRow]) -> None:
            if serial == self._serial:
                self._shown_text = text
                self._show(rows)

        self.ctx.tasks.submit(
            lambda: knowledge.suggest_articles(db, text, SUGGESTIONS), guarded(self, done)
        )

    def _show(self, rows: list[ArticleRow]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.placeholder.hide()
            self.list.show()
            return
        self.list.hide()
        self.placeholder.setText(
            self.tr("Articles that may answer it appear here as you describe the problem.")
            if not self._text.strip()
            else self.tr("No article matches what is written so far.")
        )
        self.placeholder.show()

    def rows(self) -> list[ArticleRow]:
        return self.model.rows()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_chosen.emit(int(index.data(ID_ROLE)))

    def open_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            open_article(self.ctx, self.window(), int(index.data(ID_ROLE)))

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if (changes.everything or changes.articles) and self._text.strip():
            self._timer.start()


class LinkedArticles(QWidget):
    """The articles linked to one ticket, with Link, Unlink and Open."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id: int | None = None
        self._serial = 0
        self._dialogs: list[QWidget] = []
        self.model = ArticleListModel(self)
        self.list = _article_list(self, self.model, compact=False)
        self.list.activated.connect(lambda _i: self.open_current())
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.empty = _muted_label(self)
        self.empty.setText(
            self.tr("No articles are linked to this ticket yet. Link one that answers it.")
        )
        self.link_button = QPushButton(self.tr("Link article…"), self)
        self.link_button.clicked.connect(self.pick_article)
        self.unlink_button = QPushButton(self.tr("Unlink"), self)
        self.unlink_button.clicked.connect(self.unlink_current)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.clicked.connect(self.open_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._update_buttons()

    def set_ticket(self, ticket_id: int) -> None:
        self.ticket_id = ticket_id
        self.reload()

    def reload(self) -> None:
        if self.ticket_id is None:
            return
        self._serial += 1
        serial, db, tid = self._serial, self.ctx.db, self.ticket_id

        def done(rows: list[ArticleRow]) -> None:
            if serial == self._serial:
                self._fill(rows)

        self.ctx.tasks.submit(lambda: knowledge.list_ticket_articles(db, tid), guarded(self, done))

    def _fill(self, rows: list[ArticleRow]) -> None:
        current = self.current_id()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._update_buttons()

    def article_ids(self) -> list[int]:
        return [r.id for r in self.model.rows()]

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def _update_buttons(self) -> None:
        self.link_button.setEnabled(self.ticket_id is not None)
        chosen = self.current_id() is not None
        self.unlink_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def _on_data_changed(self, changes: ChangeSet, source: object) -> None:
        if self.ticket_id is None:
            return
        if (
            changes.everything
            or self.ticket_id in changes.tickets
            or set(self.article_ids()) & changes.articles
        ):
            self.reload()

    # commands --------------------------------------------------------------------------------

    def pick_article(self) -> None:
        dialog = ArticlePickerDialog(self.ctx, self, exclude=self.article_ids())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.article_picked.connect(lambda aid: self.link(aid, dialog.title_of(aid)))
        self._dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self._dialogs.remove(dialog))
        dialog.open()

    def link(self, article_id: int, title: str = "") -> None:
        self._write(article_id, title, linking=True)

    def unlink_current(self) -> None:
        row = self.model.row_at(self.list.currentIndex().row())
        if row is not None:
            self._write(row.id, row.title, linking=False)

    def _write(self, article_id: int, title: str, *, linking: bool) -> None:
        if self.ticket_id is None:
            return
        ctx, db, tid = self.ctx, self.ctx.db, self.ticket_id

        def do() -> ChangeSet:
            return knowledge.link_article(db, tid, article_id)

        def undo_it() -> ChangeSet:
            return knowledge.unlink_article(db, tid, article_id)

        forward, backward = (do, undo_it) if linking else (undo_it, do)
        text = (self.tr("Link article %1") if linking else self.tr("Unlink article %1")).replace(
            "%1", title
        )

        def done(changes: ChangeSet) -> None:
            undo.push(ctx, text, forward, backward, already_done=True)
            ctx.bus.data_changed.emit(changes, self)
            self.changed.emit()

        ctx.tasks.submit(forward, guarded(self, done), write=True)

    def open_current(self) -> None:
        aid = self.current_id()
        if aid is not None:
            open_article(self.ctx, self.window(), aid)


class ArticlePickerDialog(QDialog):
    """Search the knowledge base and pick one article."""

    article_picked = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, exclude: Iterable[int] = ()
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._exclude = set(exclude)
        self._serial = 0
        self.setWindowTitle(self.tr("Link an article"))
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search articles: title, tags, text…"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.model = ArticleListModel(self)
        self.list = _article_list(self, self.model, compact=False)
        self.list.activated.connect(lambda _i: self.accept())
        self.empty = _muted_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Link"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.selectionModel().currentRowChanged.connect(
            lambda current, _p: self.ok_button.setEnabled(current.isValid())
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self.ok_button.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self._serial += 1
        serial, db, text = self._serial, self.ctx.db, self.search.text()

        def done(rows: list[ArticleRow]) -> None:
            if serial != self._serial:
                return
            rows = [r for r in rows if r.id not in self._exclude]
            self.model.set_rows(rows)
            self.empty.setText(self.tr("No articles match.") if not rows else "")
            self.empty.setVisible(not rows)
            if rows:
                self.list.setCurrentIndex(self.model.index(0, 0))
            self.ok_button.setEnabled(bool(rows))

        self.ctx.tasks.submit(
            lambda: knowledge.search_articles(db, text, limit=100), guarded(self, done)
        )

    def title_of(self, article_id: int) -> str:
        row = self.model.row_of(article_id)
        return self.model.rows()[row].title if row is not None else ""

    def accept(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        self.article_picked.emit(int(index.data(ID_ROLE)))
        super().accept()


def new_article_from_ticket(ctx: AppContext, parent: QWidget | None, ticket_id: int) -> None:
    """Open the article editor prefilled from the ticket (its title, description and solution);
    saving links the new article to the ticket. A ticket without a solution is refused with a
    sentence."""
    problem = QCoreApplication.translate("ArticleWidgets", "Problem")
    solution = QCoreApplication.translate("ArticleWidgets", "Solution")
    db = ctx.db

    def done(data: ArticleInput) -> None:
        dialog = ArticleEditorDialog(ctx, parent, initial=data, source_ticket_id=ticket_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    ctx.tasks.submit(
        lambda: knowledge.article_from_ticket(
            db, ticket_id, problem_heading=problem, solution_heading=solution
        ),
        guarded(parent, done) if parent is not None else done,
    )
