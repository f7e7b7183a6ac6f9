"""The Knowledge base page, the article editor and the article widgets of the ticket screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crmdesk.models import Ticket, TicketCategory
from crmdesk.qt.article_model import ArticleListModel
from crmdesk.services import customers as cs
from crmdesk.services import knowledge as kb
from crmdesk.services.dto import CustomerInput
from crmdesk.services.knowledge import ArticleInput
from crmdesk.views.article_editor import ArticleEditorDialog
from crmdesk.views.article_widgets import (
    LinkedArticles,
    SuggestedArticles,
    new_article_from_ticket,
)
from crmdesk.views.knowledge import KnowledgePage
from tests.gui.typing import type_text

PRINTER = ArticleInput(
    "打印机网络连接故障排查",
    "<p>网络打印机显示脱机时，先检查网线，再打印网络配置页确认 IP 地址。</p>",
    "网络与设备",
    ("打印机", "网络"),
)
INVOICE = ArticleInput(
    "发票开具错误的更正流程", "<p>请客户提供正确的开票信息。</p>", "财务与发票", ("发票",)
)
LOGIN = ArticleInput(
    "Cannot sign in", "<p>After 5 wrong passwords the account is locked.</p>", "Accounts"
)


def _add(ctx, *articles: ArticleInput) -> list[int]:  # noqa: ANN001
    return [kb.create_article(ctx.db, a)[0] for a in articles]


def _titles(model: ArticleListModel) -> list[str]:
    return [r.title for r in model.rows()]


def _ticket(ctx, solution: str | None = None) -> int:  # noqa: ANN001
    cid, _ = cs.create_customer(ctx.db, CustomerInput(name="恒通信息"))
    with ctx.db.write() as s:
        t = Ticket(
            number=f"T{cid:05d}",
            customer_id=cid,
            category=TicketCategory.FAULT,
            title="打印机无法连接网络",
            description="前台打印机脱机。",
            solution=solution,
        )
        s.add(t)
        s.flush()
        return t.id


def _page(qtbot, ctx) -> KnowledgePage:  # noqa: ANN001
    page = KnowledgePage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def test_typing_in_the_search_box_shows_the_matching_article(qtbot, app_context) -> None:  # noqa: ANN001
    _add(app_context, PRINTER, INVOICE, LOGIN)
    page = _page(qtbot, app_context)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.count_label.text() == "3 articles"
    type_text(qtbot, page.search, "打印")
    qtbot.waitUntil(lambda: _titles(page.model) == [PRINTER.title])
    # The first result is read at once beside the list, with its snippet in the list.
    qtbot.waitUntil(lambda: page.viewer.title.text() == PRINTER.title)
    assert "打印网络配置页" in page.viewer.body.toPlainText()
    assert "打印" in page.model.rows()[0].snippet
    page.search.clear()
    type_text(qtbot, page.search, "password")
    qtbot.waitUntil(lambda: _titles(page.model) == [LOGIN.title])
    page.search.clear()
    type_text(qtbot, page.search, "扫描仪")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == "No articles match."
    assert page.viewer.title.text() == ""


def test_the_category_filter_lists_the_categories_articles_have(qtbot, app_context) -> None:  # noqa: ANN001
    _add(app_context, PRINTER, INVOICE, LOGIN)
    page = _page(qtbot, app_context)
    qtbot.waitUntil(lambda: page.category.count() == 4)
    page.category.setCurrentIndex(page.category.findText("财务与发票"))
    qtbot.waitUntil(lambda: _titles(page.model) == [INVOICE.title])


def test_writing_a_new_article_with_formatting_and_undoing_it(qtbot, app_context) -> None:  # noqa: ANN001
    page = _page(qtbot, app_context)
    qtbot.waitUntil(lambda: page.count_label.text().startswith("No articles yet"))
    dialog = ArticleEditorDialog(app_context, page)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.title, "VPN 连接失败")
    dialog.category.setCurrentText("网络与设备")
    dialog.tags.setText("VPN，远程办公")
    type_text(qtbot, dialog.body, "Restart the client")
    dialog.body.selectAll()
    dialog.bold_action.trigger()
    dialog.body.moveCursor(dialog.body.textCursor().MoveOperation.End)
    dialog.bullet_action.trigger()
    assert dialog.bullet_action.isChecked()
    with qtbot.waitSignal(dialog.article_saved) as saved:
        dialog.save_button.click()
    aid = saved.args[0]
    qtbot.waitUntil(lambda: _titles(page.model) == ["VPN 连接失败"])
    article = kb.get_article(app_context.db, aid)
    assert article.tags == ("VPN", "远程办公")
    assert article.body_text == "Restart the client"
    assert "font-weight:700" in article.body_html and "<li" in article.body_html
    # Read in each reader's own font, not the one of the computer it was written on.
    assert "font-family" not in article.body_html and "font-size" not in article.body_html
    app_context.undo.undo()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_editing_an_article_saves_it_and_undo_brings_the_old_text_back(
    qtbot,  # noqa: ANN001
    app_context,  # noqa: ANN001
) -> None:
    (aid,) = _add(app_context, INVOICE)
    page = _page(qtbot, app_context)
    qtbot.waitUntil(lambda: page.viewer.title.text() == INVOICE.title)
    page.edit_current()
    dialog = next(d for d in page._dialogs if isinstance(d, ArticleEditorDialog))
    qtbot.waitUntil(lambda: dialog.title.text() == INVOICE.title)
    dialog.title.setText("发票抬头错误怎么办")
    dialog.apply_link("www.chinatax.gov.cn")
    with qtbot.waitSignal(dialog.article_saved):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: page.viewer.title.text() == "发票抬头错误怎么办")
    assert 'href="https://www.chinatax.gov.cn"' in kb.get_article(app_context.db, aid).body_html
    app_context.undo.undo()
    qtbot.waitUntil(lambda: _titles(page.model) == [INVOICE.title])


def test_a_stale_save_says_so_and_loads_the_other_version(qtbot, app_context) -> None:  # noqa: ANN001
    (aid,) = _add(app_context, INVOICE)
    dialog = ArticleEditorDialog(app_context, None, article_id=aid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    # Someone else saves first.
    theirs = kb.get_article(app_context.db, aid)
    kb.update_article(
        app_context.db, aid, ArticleInput("他们的标题", theirs.body_html), theirs.version
    )
    dialog.title.setText("我的标题")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_banner.isVisible())
    assert "Someone else saved this article" in dialog.error_banner.text()
    assert kb.get_article(app_context.db, aid).title == "他们的标题"
    dialog.error_banner.link_activated.emit("reload")
    qtbot.waitUntil(lambda: dialog.title.text() == "他们的标题")
    assert dialog.isVisible()


def test_an_article_needs_a_title_and_leaving_unsaved_work_asks_first(
    qtbot,  # noqa: ANN001
    app_context,  # noqa: ANN001
) -> None:
    dialog = ArticleEditorDialog(app_context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.body, "没有标题的文章")
    dialog.save_button.click()
    assert dialog.fields["title"].error == "An article needs a title."
    assert kb.search_articles(app_context.db, "") == []
    dialog.reject()
    box = dialog._confirm
    assert box is not None and dialog.isVisible()
    box.button(QMessageBox.StandardButton.Discard).click()
    assert not dialog.isVisible()


def test_deleting_an_article_can_be_undone(qtbot, app_context) -> None:  # noqa: ANN001
    _add(app_context, PRINTER, INVOICE)
    page = _page(qtbot, app_context)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    doomed = page.current_row()
    assert doomed is not None
    page.delete_current()
    qtbot.waitUntil(lambda: doomed.title not in _titles(page.model))
    app_context.undo.undo()
    qtbot.waitUntil(lambda: doomed.title in _titles(page.model))


def test_suggestions_follow_the_ticket_text_and_a_choice_is_signalled(
    qtbot,  # noqa: ANN001
    app_context,  # noqa: ANN001
) -> None:
    printer, _invoice, _login = _add(app_context, PRINTER, INVOICE, LOGIN)
    widget = SuggestedArticles(app_context)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.placeholder.isVisible()
    widget.set_text("打印机无法连接网络")
    qtbot.waitUntil(lambda: _titles(widget.model) == [PRINTER.title])
    assert widget.list.isVisible() and not widget.placeholder.isVisible()
    with qtbot.waitSignal(widget.article_chosen) as chosen:
        widget.list.activated.emit(widget.model.index(0, 0))
    assert chosen.args == [printer]
    widget.set_text("客户说发票开错了")
    qtbot.waitUntil(lambda: _titles(widget.model) == [INVOICE.title])
    widget.set_text("今天天气很好")
    qtbot.waitUntil(lambda: widget.model.rowCount() == 0)
    assert widget.placeholder.text() == "No article matches what is written so far."


def test_linked_articles_link_unlink_and_undo(qtbot, app_context) -> None:  # noqa: ANN001
    printer, invoice = _add(app_context, PRINTER, INVOICE)
    tid = _ticket(app_context)
    widget = LinkedArticles(app_context)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_ticket(tid)
    qtbot.waitUntil(lambda: widget.empty.isVisible())
    assert not widget.unlink_button.isEnabled()
    with qtbot.waitSignal(widget.changed):
        widget.link(printer, PRINTER.title)
    qtbot.waitUntil(lambda: _titles(widget.model) == [PRINTER.title])
    widget.pick_article()
    picker = widget._dialogs[-1]
    # The picker offers what is not linked yet.
    qtbot.waitUntil(lambda: _titles(picker.model) == [INVOICE.title])
    with qtbot.waitSignal(widget.changed):
        picker.accept()
    qtbot.waitUntil(lambda: set(widget.article_ids()) == {printer, invoice})
    widget.list.setCurrentIndex(widget.model.index(widget.model.row_of(printer), 0))
    with qtbot.waitSignal(widget.changed):
        widget.unlink_current()
    qtbot.waitUntil(lambda: widget.article_ids() == [invoice])
    app_context.undo.undo()
    qtbot.waitUntil(lambda: set(widget.article_ids()) == {printer, invoice})
    assert {t for t, *_ in kb.get_article(app_context.db, printer).linked_tickets} == {tid}


def test_an_article_from_a_ticket_is_prefilled_and_linked(qtbot, app_context) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    tid = _ticket(app_context, solution="在路由器中为打印机绑定固定 IP。")
    host = QWidget()
    qtbot.addWidget(host)
    new_article_from_ticket(app_context, host, tid)
    qtbot.waitUntil(lambda: bool(host.findChildren(ArticleEditorDialog)))
    dialog = host.findChildren(ArticleEditorDialog)[0]
    assert dialog.title.text() == "打印机无法连接网络"
    text = dialog.body.toPlainText()
    assert "前台打印机脱机。" in text and "在路由器中为打印机绑定固定 IP。" in text
    with qtbot.waitSignal(dialog.article_saved) as saved:
        dialog.save_button.click()
    article = kb.get_article(app_context.db, saved.args[0])
    assert [t[0] for t in article.linked_tickets] == [tid]
    assert article.source_ticket_id == tid


def test_a_ticket_without_a_solution_gives_no_article(qtbot, app_context) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    tid = _ticket(app_context)
    host = QWidget()
    qtbot.addWidget(host)
    errors: list[BaseException] = []
    app_context.tasks.default_error_handler = errors.append
    new_article_from_ticket(app_context, host, tid)
    qtbot.waitUntil(lambda: bool(errors))
    assert "has no solution yet" in str(errors[0])
    assert host.findChildren(ArticleEditorDialog) == []


def test_the_article_list_model_is_a_proper_model(qtmodeltester, app_context) -> None:  # noqa: ANN001
    _add(app_context, PRINTER, INVOICE, LOGIN)
    model = ArticleListModel()
    model.set_rows(kb.search_articles(app_context.db, ""))
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) == LOGIN.title


def test_the_main_window_shows_the_knowledge_base_with_its_shortcut(qtbot, app_context) -> None:  # noqa: ANN001
    from PySide6.QtGui import QKeySequence

    from crmdesk.app import build_main_window
    from crmdesk.qt.settings import Settings

    _add(app_context, PRINTER)
    window = build_main_window(app_context, Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    action = next(a for a in window.page_actions if a.text() == "Knowledge base")
    assert action.shortcut() == QKeySequence("Ctrl+5")  # after My Day and Customers…
    action.trigger()
    assert window.current_page() is window.knowledge
    qtbot.waitUntil(lambda: _titles(window.knowledge.model) == [PRINTER.title])


def test_pasted_web_text_keeps_its_structure_but_not_its_fonts(qtbot, app_context) -> None:  # noqa: ANN001
    from PySide6.QtCore import QMimeData

    dialog = ArticleEditorDialog(app_context, None)
    qtbot.addWidget(dialog)
    pasted = QMimeData()
    pasted.setHtml(
        '<html><head><style>p{color:red}</style></head><body><p style="font-family:SimSun;'
        'font-size:28px;color:#f00"><b>重启</b>路由器</p><ul><li><a href="https://x.cn" '
        'style="color:green">说明</a></li></ul><img src="https://x.cn/a.png"></body></html>'
    )
    dialog.body.insertFromMimeData(pasted)
    saved = dialog.collect().body_html
    assert kb.html_to_text(saved) == "重启路由器\n说明"
    assert "font-weight:700" in saved and "<li" in saved and 'href="https://x.cn"' in saved
    assert "SimSun" not in saved and "#ff0000" not in saved and "28px" not in saved


def test_an_article_opens_in_its_own_window_and_follows_edits(qtbot, app_context) -> None:  # noqa: ANN001
    from crmdesk.views.article_view import open_article

    (aid,) = _add(app_context, PRINTER)
    tid = _ticket(app_context)
    kb.link_article(app_context.db, tid, aid)
    window = open_article(app_context, None, aid)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.viewer.title.text() == PRINTER.title)
    assert "打印机无法连接网络" in window.viewer.linked.text()
    with qtbot.waitSignal(app_context.bus.open_ticket_requested) as opened:
        window.viewer.linked.linkActivated.emit(f"ticket:{tid}")
    assert opened.args == [tid]
    detail = kb.get_article(app_context.db, aid)
    changes = kb.update_article(
        app_context.db, aid, ArticleInput("打印机脱机", detail.body_html), detail.version
    )
    app_context.bus.data_changed.emit(changes, None)
    qtbot.waitUntil(lambda: window.viewer.title.text() == "打印机脱机")
