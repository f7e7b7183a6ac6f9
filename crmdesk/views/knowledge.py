"""The Knowledge base page (知识库): search as you type (Chinese included), a category filter,
the matching articles with a snippet each, and the chosen article beside them; new, edit and
delete (undoable)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.article_model import ArticleDelegate, ArticleListModel
from crmdesk.qt.context import AppContext
from crmdesk.qt.service_text import error_text
from crmdesk.services import ChangeSet, CrmError, knowledge
from crmdesk.services.knowledge import ArticleDetail, ArticleRow
from crmdesk.views.article_editor import ArticleEditorDialog
from crmdesk.views.article_view import ArticleViewer
from crmdesk.views.widgets import guarded

SEARCH_DELAY_MS = 200
LIMIT = 200


class KnowledgePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dialogs: list[QWidget] = []
        self._serial = 0
        self._preview_serial = 0
        self._stale = True
        self._keep_id: int | None = None

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search articles: title, tags, text…"))
        self.search.setMinimumWidth(280)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)

        self.category = QComboBox(self)
        self.category.setMinimumContentsLength(12)
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category.addItem(self.tr("All categories"), None)
        self.category.currentIndexChanged.connect(lambda _i: self.refresh())

        style = self.style()
        self.new_action = QAction(self.tr("New article"), self)
        self.new_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.new_action.setToolTip(self.tr("Write a new knowledge-base article"))
        self.new_action.triggered.connect(self.new_article)
        new_button = QToolButton(self)
        new_button.setDefaultAction(self.new_action)
        new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #757575;")

        self.model = ArticleListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ArticleDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setAlternatingRowColors(True)
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)
        self.list.doubleClicked.connect(lambda _i: self.edit_current())

        self.edit_action = QAction(self.tr("Edit…"), self)
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence("F2")])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_current)
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete_action.triggered.connect(self.delete_current)
        for action in (self.edit_action, self.delete_action):
            self.list.addAction(action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.viewer = ArticleViewer(ctx, self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_current)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.category)
        top.addWidget(new_button)
        top.addStretch(0)
        top.addWidget(self.count_label)

        right = QWidget(self)
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(8, 0, 0, 0)
        right_col.addWidget(self.viewer, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        right_col.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 620])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        ctx.bus.data_changed.connect(self._on_data_changed)
        self._update_actions()

    # loading ---------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Search again (on a worker); a result that arrives after a newer search is dropped."""
        self._search_timer.stop()
        self._stale = False
        self._serial += 1
        serial = self._serial
        db, text, category = self.ctx.db, self.search.text(), self.category.currentData()
        current = self.current_row()
        if current is not None:
            self._keep_id = current.id

        def fetch() -> tuple[list[ArticleRow], list[str]]:
            rows = knowledge.search_articles(db, text, category, LIMIT + 1)
            return rows, knowledge.list_categories(db)

        self.ctx.tasks.submit(fetch, guarded(self, lambda result: self._fill(serial, result)))

    def _fill(self, serial: int, result: tuple[list[ArticleRow], list[str]]) -> None:
        if serial != self._serial:
            return
        rows, categories = result
        self._set_categories(categories)
        self.model.set_rows(rows[:LIMIT])
        self._update_count(len(rows))
        row = self.model.row_of(self._keep_id) if self._keep_id is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show_preview(None)
        self._keep_id = None
        self._update_actions()

    def _set_categories(self, categories: list[str]) -> None:
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        while self.category.count() > 1:
            self.category.removeItem(1)
        for name in categories:
            self.category.addItem(name, name)
        if chosen is not None and chosen not in categories:
            # The chosen category is gone (its last article was moved or deleted): keep it
            # listed, so the filter does not change under the user's hands.
            self.category.addItem(chosen, chosen)
        index = self.category.findData(chosen) if chosen is not None else 0
        self.category.setCurrentIndex(max(index, 0))
        self.category.blockSignals(False)

    def _update_count(self, n: int) -> None:
        filtered = bool(self.search.text().strip()) or self.category.currentData() is not None
        if n == 0:
            text = (
                self.tr("No articles match.")
                if filtered
                else self.tr("No articles yet. Click New article to write the first.")
            )
        elif n > LIMIT:
            text = self.tr("The first %1 articles; search to narrow them down.").replace(
                "%1", self.locale().toString(LIMIT)
            )
        else:
            text = self.tr("%Ln articles", "", n)
        self.count_label.setText(text)

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if not (changes.everything or changes.articles):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # the preview -----------------------------------------------------------------------------

    def current_row(self) -> ArticleRow | None:
        index = self.list.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._update_actions()
        if row is None:
            self._show_preview(None)
            return
        if self.viewer.detail is not None and self.viewer.detail.id == row.id:
            # The same article after a refresh: read it again only if it changed.
            if self.viewer.detail.updated_at == row.updated_at:
                return
        self._preview_serial += 1
        serial, db, aid = self._preview_serial, self.ctx.db, row.id

        def done(detail: ArticleDetail) -> None:
            if serial == self._preview_serial:
                self._show_preview(detail)

        def failed(exc: BaseException) -> None:
            if serial != self._preview_serial:
                return
            if isinstance(exc, CrmError):
                self.viewer.show_detail(None, error_text(exc))
            else:
                self.ctx.tasks.default_error_handler(exc)

        self.ctx.tasks.submit(
            lambda: knowledge.get_article(db, aid), guarded(self, done), guarded(self, failed)
        )

    def _show_preview(self, detail: ArticleDetail | None) -> None:
        if detail is None:
            self._preview_serial += 1
            message = (
                self.tr("Choose an article on the left to read it.")
                if self.model.rowCount()
                else ""
            )
            self.viewer.show_detail(None, message)
        else:
            self.viewer.show_detail(detail)
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.current_row() is not None
        for w in (self.edit_action, self.delete_action, self.edit_button, self.delete_button):
            w.setEnabled(has)

    # commands --------------------------------------------------------------------------------

    def focus_search(self) -> None:
        QTimer.singleShot(0, lambda: (self.search.setFocus(), self.search.selectAll()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Down or Enter in the search box moves into the results.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self.refresh()
                if self.model.rowCount() > 0:
                    self.list.setFocus()
                    if not self.list.currentIndex().isValid():
                        self.list.setCurrentIndex(self.model.index(0, 0))
                    return True
        return super().eventFilter(watched, event)

    def _open_dialog(self, dialog: ArticleEditorDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.article_saved.connect(self._saved)
        self._dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self._dialogs.remove(dialog))
        dialog.open()

    def new_article(self) -> None:
        self._open_dialog(ArticleEditorDialog(self.ctx, self.window()))

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_dialog(ArticleEditorDialog(self.ctx, self.window(), article_id=row.id))

    def _saved(self, article_id: int) -> None:
        self.viewer.show_detail(None)  # read the saved version, not the one on screen
        self.refresh()
        self._keep_id = article_id

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        ctx, db, aid, title = self.ctx, self.ctx.db, row.id, row.title

        def done(changes: ChangeSet) -> None:
            undo.push(
                ctx,
                self.tr("Delete article %1").replace("%1", title),
                lambda: knowledge.delete_article(db, aid),
                lambda: knowledge.restore_article(db, aid),
                already_done=True,
            )
            ctx.bus.data_changed.emit(changes, self)
            ctx.bus.status_message_requested.emit(
                self.tr("Deleted the article “%1” — Ctrl+Z to undo").replace("%1", title)
            )

        self.delete_action.setEnabled(False)
        self.delete_button.setEnabled(False)
        ctx.tasks.submit(lambda: knowledge.delete_article(db, aid), done, write=True)
