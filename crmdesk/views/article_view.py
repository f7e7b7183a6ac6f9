"""One knowledge-base article as a reader sees it: :class:`ArticleViewer` (used beside the list
on the Knowledge base page) and :func:`open_article` (the article in a window of its own, with an
Edit button)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from crmdesk.qt.context import AppContext
from crmdesk.qt.service_text import error_text
from crmdesk.qt.simple_models import fmt_datetime
from crmdesk.services import ChangeSet, CrmError, knowledge
from crmdesk.services.knowledge import ArticleDetail
from crmdesk.views.article_editor import ArticleEditorDialog
from crmdesk.views.widgets import guarded

# Links in an article open in the browser or mail program; nothing else is followed.
SAFE_SCHEMES = ("http", "https", "mailto")


def open_link(url: QUrl) -> bool:
    if url.scheme().lower() in SAFE_SCHEMES:
        return QDesktopServices.openUrl(url)
    return False


class ArticleViewer(QWidget):
    """An article as a reader sees it: title, a grey line (category, tags, dates), the body,
    and the tickets it is linked to (clicking one opens it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: ArticleDetail | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: #757575;")
        self.body = QTextBrowser(self)
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(open_link)
        self.linked = QLabel(self)
        self.linked.setWordWrap(True)
        self.linked.linkActivated.connect(self._open_ticket)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.linked)
        self.show_detail(None)

    def show_detail(self, detail: ArticleDetail | None, message: str = "") -> None:
        self.detail = detail
        if detail is None:
            self.title.clear()
            self.meta.clear()
            self.linked.hide()
            self.body.setHtml(
                f'<p style="color:#757575">{html.escape(message)}</p>' if message else ""
            )
            return
        self.title.setText(detail.title)
        parts = []
        if detail.category:
            parts.append(html.escape(detail.category))
        if detail.tags:
            parts.append(html.escape(self.tr("Tags: %1").replace("%1", ", ".join(detail.tags))))
        parts.append(
            html.escape(self.tr("Updated %1").replace("%1", fmt_datetime(detail.updated_at)))
        )
        self.meta.setText("  ·  ".join(parts))
        self.body.setHtml(detail.body_html)
        if detail.linked_tickets:
            links = ", ".join(
                f'<a href="ticket:{tid}">{html.escape(number)}</a> {html.escape(title)}'
                for tid, number, title in detail.linked_tickets[:10]
            )
            more = len(detail.linked_tickets) - 10
            text = html.escape(self.tr("Linked tickets:")) + " " + links
            if more > 0:
                text += " " + html.escape(self.tr("and %1 more").replace("%1", str(more)))
            self.linked.setText(text)
            self.linked.show()
        else:
            self.linked.hide()

    def _open_ticket(self, href: str) -> None:
        if href.startswith("ticket:"):
            self.ctx.bus.open_ticket_requested.emit(int(href.split(":", 1)[1]))


class ArticleViewDialog(QDialog):
    """An article in a window of its own, with an Edit button; follows changes made elsewhere."""

    def __init__(self, ctx: AppContext, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.article_id = article_id
        self.setWindowTitle(self.tr("Knowledge base article"))
        self.viewer = ArticleViewer(ctx, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.edit_button = buttons.addButton(
            self.tr("&Edit…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.edit_button.clicked.connect(self.edit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.reload()

    def reload(self) -> None:
        db, aid = self.ctx.db, self.article_id
        self.ctx.tasks.submit(
            lambda: knowledge.get_article(db, aid),
            guarded(self, self._loaded),
            guarded(self, self._failed),
        )

    def _loaded(self, detail: ArticleDetail) -> None:
        self.viewer.show_detail(detail)
        self.setWindowTitle(detail.title)
        self.edit_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            self.viewer.show_detail(None, error_text(exc))
            self.edit_button.setEnabled(False)
        else:
            self.ctx.tasks.default_error_handler(exc)

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        detail = self.viewer.detail
        linked = {t[0] for t in detail.linked_tickets} if detail is not None else set()
        if changes.everything or self.article_id in changes.articles or linked & changes.tickets:
            self.reload()

    def edit(self) -> None:
        dialog = ArticleEditorDialog(self.ctx, self, article_id=self.article_id)
        dialog.open()


def open_article(ctx: AppContext, parent: QWidget | None, article_id: int) -> ArticleViewDialog:
    """Show an article in a window of its own (not modal)."""
    dialog = ArticleViewDialog(ctx, article_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
