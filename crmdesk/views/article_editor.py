"""The knowledge-base article editor: title, category (the existing ones offered), tags and a
rich-text body with a small formatting toolbar (bold, italic, lists, links). Saving runs on the
write worker and is undoable; a stale save says so and offers the other version."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.context import AppContext
from crmdesk.qt.service_text import error_text, field_texts
from crmdesk.services import ChangeSet, CrmError, StaleEditError, ValidationError, knowledge
from crmdesk.services.knowledge import ArticleDetail, ArticleInput
from crmdesk.views.widgets import Banner, FieldBox, guarded

_BODY_FONT = re.compile(r"(<body[^>]*?style=\"[^\"]*?)\s*font-(?:family|size):[^;\"]*;?")


def portable_html(body_html: str) -> str:
    """The editor's HTML without the font of this computer on its <body>, so the article
    reads in each reader's own font (a Windows font name means nothing on a Mac)."""
    previous = None
    while previous != body_html:
        previous, body_html = body_html, _BODY_FONT.sub(r"\1", body_html, count=1)
    return body_html


_PASTE_DROP_BLOCKS = re.compile(
    r"<(style|script|head|title)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_PASTE_DROP_TAGS = re.compile(r"</?(?:font|img|meta|link|o:p)\b[^>]*>", re.IGNORECASE)
_PASTE_DROP_ATTRS = re.compile(
    r"\s(?:style|class|id|color|face|size|bgcolor|width|height|align)\s*=\s*"
    r"(?:\"[^\"]*\"|'[^']*'|[^\s>]+)",
    re.IGNORECASE,
)


def clean_pasted_html(pasted: str) -> str:
    """HTML pasted from a web page, Word or WeChat, with its structure (paragraphs, lists,
    bold, italic, links) but without its fonts, colours, sizes and pictures."""
    pasted = _PASTE_DROP_BLOCKS.sub("", pasted)
    pasted = _PASTE_DROP_TAGS.sub("", pasted)
    return _PASTE_DROP_ATTRS.sub("", pasted)


class RichTextEdit(QTextEdit):
    """The article body: pasted rich text keeps its structure but takes the article's look."""

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        if source.hasHtml():
            self.textCursor().insertHtml(clean_pasted_html(source.html()))
            self.ensureCursorVisible()
        else:
            super().insertFromMimeData(source)


class ArticleEditorDialog(QDialog):
    """Write a new article or edit one. ``initial`` prefills a new article (from a ticket:
    then ``source_ticket_id`` is linked to it when it is saved)."""

    article_saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        article_id: int | None = None,
        initial: ArticleInput | None = None,
        source_ticket_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.article_id = article_id
        self.source_ticket_id = source_ticket_id
        self._detail: ArticleDetail | None = None
        self._saving = False
        self._loaded = article_id is None
        self._confirm: QMessageBox | None = None
        self.setWindowTitle(
            self.tr("New article") if article_id is None else self.tr("Edit article")
        )

        self.error_banner = Banner("error", self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("What problem does it answer?"))
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.lineEdit().setPlaceholderText(self.tr("Choose or type a category"))
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. printer, network"))
        self.fields = {
            "title": FieldBox(self.title, self),
            "category": FieldBox(self.category, self),
            "tags": FieldBox(self.tags, self),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Title *"), self.fields["title"])
        form.addRow(self.tr("Category"), self.fields["category"])
        form.addRow(self.tr("Tags"), self.fields["tags"])

        self.body = RichTextEdit(self)
        self.body.setAcceptRichText(True)
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(
            self.tr("The answer: causes, the steps that solve it, who to ask…")
        )
        self.toolbar = self._make_toolbar()
        self.body.currentCharFormatChanged.connect(lambda _f: self._update_toolbar())
        self.body.cursorPositionChanged.connect(self._update_toolbar)

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)

        self.error_banner.link_activated.connect(self._reload_link)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.resize(720, 620)

        self._load_categories()
        if initial is not None:
            self.fill(initial)
        if article_id is not None:
            self.save_button.setEnabled(False)
            self._load()
        self.title.setFocus()

    # formatting ------------------------------------------------------------------------------

    def _make_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setIconSize(bar.iconSize() * 0.8)

        def action(text: str, tip: str, keys: str | None, slot: Any, checkable: bool) -> QAction:  # noqa: ANN401
            a = QAction(text, self)
            a.setToolTip(tip + (f" ({QKeySequence(keys).toString()})" if keys else ""))
            if keys:
                a.setShortcut(QKeySequence(keys))
            a.setCheckable(checkable)
            a.triggered.connect(slot)
            bar.addAction(a)
            return a

        self.bold_action = action("B", self.tr("Bold"), "Ctrl+B", self.set_bold, True)
        self.italic_action = action("I", self.tr("Italic"), "Ctrl+I", self.set_italic, True)
        bar.addSeparator()
        self.bullet_action = action(
            self.tr("• List"),
            self.tr("Bulleted list"),
            None,
            lambda on: self.set_list(QTextListFormat.Style.ListDisc, on),
            True,
        )
        self.numbered_action = action(
            self.tr("1. List"),
            self.tr("Numbered list"),
            None,
            lambda on: self.set_list(QTextListFormat.Style.ListDecimal, on),
            True,
        )
        bar.addSeparator()
        self.link_action = action(self.tr("Link…"), self.tr("Link"), "Ctrl+K", self.ask_link, False)
        for a, bold, italic in ((self.bold_action, True, False), (self.italic_action, False, True)):
            button = bar.widgetForAction(a)
            font = QFont(button.font())
            font.setBold(bold)
            font.setItalic(italic)
            button.setFont(font)
        return bar

    def _update_toolbar(self) -> None:
        fmt = self.body.currentCharFormat()
        self.bold_action.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic_action.setChecked(fmt.fontItalic())
        current = self.body.textCursor().currentList()
        style = current.format().style() if current is not None else None
        self.bullet_action.setChecked(style == QTextListFormat.Style.ListDisc)
        self.numbered_action.setChecked(style == QTextListFormat.Style.ListDecimal)

    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.body.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.body.mergeCurrentCharFormat(fmt)
        self.body.setFocus()

    def set_bold(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(fmt)

    def set_italic(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self._merge(fmt)

    def set_list(self, style: QTextListFormat.Style, on: bool) -> None:
        """Make the selected paragraphs a list of ``style``, or plain paragraphs again."""
        cursor = self.body.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        if on:
            if current is not None:
                fmt = current.format()
                fmt.setStyle(style)
                current.setFormat(fmt)
            else:
                cursor.createList(style)
        elif current is not None:
            start, end = sorted((cursor.position(), cursor.anchor()))
            block = self.body.document().findBlock(start)
            while block.isValid() and block.position() <= end:
                lst = block.textList()
                if lst is not None:
                    lst.remove(block)
                    fmt = block.blockFormat()
                    fmt.setIndent(0)
                    QTextCursor(block).setBlockFormat(fmt)
                block = block.next()
        cursor.endEditBlock()
        self._update_toolbar()
        self.body.setFocus()

    def ask_link(self) -> None:
        current = self.body.textCursor().charFormat().anchorHref()
        url, ok = QInputDialog.getText(
            self,
            self.tr("Link"),
            self.tr("Web address (leave empty to remove the link):"),
            QLineEdit.EchoMode.Normal,
            current or "https://",
        )
        if ok:
            self.apply_link(url)

    def apply_link(self, url: str) -> None:
        """Link the selection (or the word at the cursor) to ``url``; with no selection and no
        word, insert the address itself as the link. An empty ``url`` removes the link."""
        url = url.strip()
        if url in ("https://", "http://"):
            url = ""
        if url and "://" not in url and not url.startswith("mailto:"):
            url = ("mailto:" if "@" in url and "/" not in url else "https://") + url
        cursor = self.body.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        fmt = QTextCharFormat()
        if url:
            fmt.setAnchor(True)
            fmt.setAnchorHref(url)
            fmt.setFontUnderline(True)
            fmt.setForeground(self.palette().link())
        else:
            fmt.setAnchor(False)
            fmt.setAnchorHref("")
            fmt.setFontUnderline(False)
            fmt.setForeground(self.palette().text())
        if cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        elif url:
            cursor.insertText(url, fmt)
            cursor.insertText(" ", QTextCharFormat())
        self.body.setFocus()

    # data ------------------------------------------------------------------------------------

    def _load_categories(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.submit(
            lambda: knowledge.list_categories(db), guarded(self, self._set_categories)
        )

    def _set_categories(self, categories: list[str]) -> None:
        text = self.category.currentText()
        self.category.clear()
        self.category.addItems(categories)
        self.category.setCurrentText(text)

    def _load(self) -> None:
        db, aid = self.ctx.db, self.article_id
        assert aid is not None
        self.ctx.tasks.submit(
            lambda: knowledge.get_article(db, aid),
            guarded(self, self._loaded_detail),
            guarded(self, self._save_failed),
        )

    def _loaded_detail(self, detail: ArticleDetail) -> None:
        self._detail = detail
        self._loaded = True
        self.fill(detail.to_input())
        self.error_banner.hide()
        self.save_button.setEnabled(True)

    def fill(self, data: ArticleInput) -> None:
        self.title.setText(data.title)
        self.category.setCurrentText(data.category or "")
        self.tags.setText(", ".join(data.tags))
        self.body.setHtml(data.body_html)
        self.body.document().setModified(False)
        self._filled = self.collect()

    def collect(self) -> ArticleInput:
        body = portable_html(self.body.toHtml()) if self.body.toPlainText().strip() else ""
        return ArticleInput(
            title=" ".join(self.title.text().split()),
            body_html=body,
            category=" ".join(self.category.currentText().split()) or None,
            tags=knowledge.parse_tags(self.tags.text()),
        )

    @property
    def modified(self) -> bool:
        filled = getattr(self, "_filled", None)
        if self.body.document().isModified():
            return True
        now = self.collect()
        if filled is None:
            return bool(now.title or now.category or now.tags or now.body_html)
        return (now.title, now.category, now.tags) != (filled.title, filled.category, filled.tags)

    def show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for key, box in self.fields.items():
            box.set_error(errors.get(key))
            if key in errors and first is None:
                first = box
        if first is not None:
            first.setFocus()

    # saving ----------------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving or not self._loaded:
            return
        self.error_banner.hide()
        data = self.collect()
        try:
            knowledge.validate_article(data)
        except ValidationError as exc:
            self.show_errors(field_texts(exc.field_errors))
            return
        self.show_errors({})
        self._saving = True
        self.save_button.setEnabled(False)
        db = self.ctx.db
        if self.article_id is None:
            source = self.source_ticket_id
            self.ctx.tasks.submit(
                lambda: knowledge.create_article(db, data, source),
                guarded(self, lambda result: self._created(result, data)),
                guarded(self, self._save_failed),
                write=True,
            )
        else:
            assert self._detail is not None
            aid, version = self.article_id, self._detail.version
            self.ctx.tasks.submit(
                lambda: knowledge.update_article(db, aid, data, version),
                guarded(self, lambda changes: self._updated(changes, data)),
                guarded(self, self._save_failed),
                write=True,
            )

    def _created(self, result: tuple[int, ChangeSet], data: ArticleInput) -> None:
        aid, changes = result
        db = self.ctx.db
        undo.push(
            self.ctx,
            self.tr("New article %1").replace("%1", data.title),
            lambda: knowledge.restore_article(db, aid),
            lambda: knowledge.delete_article(db, aid),
            already_done=True,
        )
        self._finish(aid, changes)

    def _updated(self, changes: ChangeSet, new: ArticleInput) -> None:
        assert self._detail is not None and self.article_id is not None
        db, aid, old = self.ctx.db, self.article_id, self._detail.to_input()

        def put(data: ArticleInput) -> ChangeSet:
            # The version of the moment: undo applies over whatever the article is now.
            return knowledge.update_article(db, aid, data, knowledge.get_article(db, aid).version)

        undo.push(
            self.ctx,
            self.tr("Edit article %1").replace("%1", new.title),
            lambda: put(new),
            lambda: put(old),
            already_done=True,
        )
        self._finish(aid, changes)

    def _finish(self, aid: int, changes: ChangeSet) -> None:
        self._saving = False
        self.ctx.bus.data_changed.emit(changes, self)
        self.article_saved.emit(aid)
        self.body.document().setModified(False)
        self._filled = self.collect()
        super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(self._loaded)
        if isinstance(exc, StaleEditError):
            self.error_banner.show_text(
                html.escape(
                    self.tr(
                        "Someone else saved this article after you opened it. "
                        "Nothing was overwritten and your changes were not saved."
                    )
                )
                + ' <a href="reload">'
                + self.tr("Load their version")
                + "</a>"
            )
        elif isinstance(exc, ValidationError) and exc.field_errors:
            self.show_errors(field_texts(exc.field_errors))
        elif isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)

    def _reload_link(self, href: str) -> None:
        if href == "reload" and self.article_id is not None:
            self.save_button.setEnabled(False)
            self._load()

    # closing ---------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._saving:
            return
        if not self.modified:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard changes?"),
            self.tr("The article has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        discard = box.button(QMessageBox.StandardButton.Discard)
        box.finished.connect(lambda _r: self._confirmed(box.clickedButton() is discard))
        self._confirm = box
        box.open()

    def _confirmed(self, discard: bool) -> None:
        self._confirm = None
        if discard:
            super().reject()
