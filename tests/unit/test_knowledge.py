"""The knowledge base (知识库): articles, search in Chinese and English, suggestions while a
ticket is written, links to tickets, articles from a ticket's solution, stale edits."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crmdesk.errors import CrmError, NotFoundError, StaleEditError, ValidationError
from crmdesk.models import AuditEntry, Ticket, TicketCategory
from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services import knowledge as kb
from crmdesk.services.demo.knowledge import demo_articles, demo_links
from crmdesk.services.dto import CustomerInput
from crmdesk.services.knowledge import ArticleInput

PRINTER = ArticleInput(
    "打印机网络连接故障排查",
    "<p>办公室网络打印机显示<b>脱机</b>时：</p><ol><li>检查网线和 Wi-Fi；</li>"
    "<li>打印网络配置页，确认 IP 地址与电脑在同一网段；</li><li>重启路由器。</li></ol>",
    "网络与设备",
    ("打印机", "网络"),
)
INVOICE = ArticleInput(
    "发票开具错误的更正流程",
    "<p>发票抬头或税号有误时，请客户提供正确的开票信息，财务冲红后重新开具。</p>",
    "财务与发票",
    ("发票",),
)
LOGIN = ArticleInput(
    "Cannot sign in: common causes",
    "<p>After 5 wrong passwords the account is locked for 30 minutes.</p>"
    "<ul><li>Check the user name</li><li>Ask an administrator to unlock it</li></ul>",
    "Accounts",
    ("password", "sign-in"),
)
KING = ArticleInput("王经理的交接清单", "<p>交接客户资料。</p>", "内部", ())


def _titles(rows: list[kb.ArticleRow]) -> list[str]:
    return [r.title for r in rows]


def _ticket(db: Database, title: str = "打印机无法连接网络", solution: str | None = None) -> int:
    cid, _ = cs.create_customer(db, CustomerInput(name="恒通信息"))
    with db.write() as s:
        n = s.query(Ticket).count() + 1
        t = Ticket(
            number=f"T{n:05d}",
            customer_id=cid,
            category=TicketCategory.FAULT,
            title=title,
            description="前台的网络打印机显示脱机，\n无法打印报价单。",
            solution=solution,
        )
        s.add(t)
        s.flush()
        return t.id


@pytest.fixture
def articles(database: Database) -> dict[str, int]:
    return {
        key: kb.create_article(database, data)[0]
        for key, data in {
            "printer": PRINTER,
            "invoice": INVOICE,
            "login": LOGIN,
            "king": KING,
        }.items()
    }


def test_an_article_keeps_its_body_and_gets_plain_text(database: Database) -> None:
    aid, changes = kb.create_article(database, replace(PRINTER, tags=("打印机, 网络", "网络")))
    assert changes.articles == {aid}
    a = kb.get_article(database, aid)
    assert a.body_html == PRINTER.body_html
    assert a.body_text.splitlines() == [
        "办公室网络打印机显示脱机时：",
        "检查网线和 Wi-Fi；",
        "打印网络配置页，确认 IP 地址与电脑在同一网段；",
        "重启路由器。",
    ]
    assert a.tags == ("打印机", "网络")  # split at the comma, the repeat dropped
    assert a.category == "网络与设备"
    assert a.version == 1 and a.linked_tickets == []


def test_qt_html_becomes_paragraph_lines_without_the_style_sheet() -> None:
    qt_html = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n<html><head><meta name="qrichtext" '
        'content="1" /><style type="text/css">\np, li { white-space: pre-wrap; }\n</style>'
        '</head><body style=" font-family:\'Noto Sans\';">\n<p style="margin:0px;">Restart '
        'the&nbsp;router</p>\n<p style="-qt-paragraph-type:empty;"><br /></p>\n<ul>\n<li>'
        'Check the <a href="https://example.com">cable</a></li></ul></body></html>'
    )
    assert kb.html_to_text(qt_html) == "Restart the router\n\nCheck the cable"


def test_an_article_needs_a_title_and_short_fields(database: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        kb.create_article(database, ArticleInput("  ", "<p>x</p>", "c" * 61))
    assert caught.value.field_errors == {
        "title": "An article needs a title.",
        "category": "The category is longer than 60 characters.",
    }
    assert kb.search_articles(database, "") == []


# The search: every word must match; Chinese words of one, two and four characters.
_SEARCHES = [
    ("打", {"printer"}),  # one character
    ("王", {"king"}),  # one character, at the very start of the title
    ("发票", {"invoice"}),  # two characters
    ("网络", {"printer"}),
    ("网络连接", {"printer"}),  # four characters
    ("打印机网络连接故障排查", {"printer"}),  # a long one (longer than the index looks up)
    ("网段 IP", {"printer"}),  # two words, both must match
    ("发票 打印机", set()),
    ("PASSWORD", {"login"}),  # a tag, any case
    ("lock", {"login"}),  # a fragment of a word in the body
    ("ip", {"printer"}),  # two Latin letters: too short for trigrams, still found
    ("administrator unlock", {"login"}),
    ("扫描仪", set()),
]


def test_search_finds_chinese_and_english_words_of_any_length(
    database: Database, articles: dict[str, int]
) -> None:
    for query, expected in _SEARCHES:
        found = {r.id for r in kb.search_articles(database, query)}
        assert found == {articles[k] for k in expected}, query


def test_search_filters_by_category_and_ranks_title_matches_first(
    database: Database, articles: dict[str, int]
) -> None:
    body_only = ArticleInput(
        "网络设备采购规范", "<p>采购打印机前需确认网络接口。</p>", "网络与设备"
    )
    later, _ = kb.create_article(database, body_only)
    # The newer article mentions 打印机 only in its body: the title match comes first.
    assert _titles(kb.search_articles(database, "打印机")) == [PRINTER.title, body_only.title]
    assert {r.id for r in kb.search_articles(database, "", category="网络与设备")} == {
        articles["printer"],
        later,
    }
    assert kb.list_categories(database) == sorted(
        ["网络与设备", "财务与发票", "Accounts", "内部"], key=str.casefold
    )
    row = kb.search_articles(database, "网段")[0]
    assert "网段" in row.snippet and row.tags == ("打印机", "网络")


def test_a_ticket_about_a_printer_suggests_the_printer_article(
    database: Database, articles: dict[str, int]
) -> None:
    # No word of the ticket is the article's title, yet they share 打印, 印机, 网络, 连接.
    assert _titles(kb.suggest_articles(database, "打印机无法连接网络")) == [PRINTER.title]
    assert _titles(kb.suggest_articles(database, "客户说开的发票抬头错了")) == [INVOICE.title]
    assert _titles(kb.suggest_articles(database, "Customer cannot sign in, password locked")) == [
        LOGIN.title
    ]
    # Function words alone suggest nothing.
    assert kb.suggest_articles(database, "客户反映无法使用，请帮忙看一下") == []
    assert kb.suggest_articles(database, "") == []


def test_suggestions_rank_by_how_many_terms_an_article_shares(database: Database) -> None:
    for data in demo_articles("zh"):
        kb.create_article(database, data)
    rows = kb.suggest_articles(database, "系统登录失败，提示密码错误，账号被锁定", limit=3)
    assert rows[0].title == "系统登录失败的常见原因与处理"
    assert "如何修改或重置密码" in _titles(rows)
    assert len(kb.suggest_articles(database, "打印机无法连接网络", limit=5)) <= 5
    assert kb.suggest_articles(database, "打印机无法连接网络")[0].title == "打印机网络连接故障排查"


def test_suggestion_terms_split_chinese_into_pairs_and_drop_function_words() -> None:
    assert kb.suggestion_terms("打印机无法连接网络") == [
        "打 印",
        "印 机",
        "连 接",
        "接 网",
        "网 络",
    ]
    assert kb.suggestion_terms("The printers aren't connecting") == ["print", "connect"]
    assert kb.suggestion_terms("VPN连接失败") == ["vpn", "连 接", "接 失", "失 败"]


def test_deleted_articles_are_not_found_and_come_back_with_undo(
    database: Database, articles: dict[str, int]
) -> None:
    tid = _ticket(database)
    kb.link_article(database, tid, articles["printer"])
    changes = kb.delete_article(database, articles["printer"])
    assert changes.tickets == {tid}
    assert kb.search_articles(database, "打印机") == []
    assert kb.suggest_articles(database, "打印机无法连接网络") == []
    assert kb.list_ticket_articles(database, tid) == []
    assert "网络与设备" not in kb.list_categories(database)
    with pytest.raises(NotFoundError):
        kb.get_article(database, articles["printer"])
    kb.restore_article(database, articles["printer"])
    assert _titles(kb.list_ticket_articles(database, tid)) == [PRINTER.title]


def test_link_and_unlink_articles_and_tickets(database: Database, articles: dict[str, int]) -> None:
    tid = _ticket(database)
    changes = kb.link_article(database, tid, articles["printer"])
    assert changes.tickets == {tid} and changes.articles == {articles["printer"]}
    kb.link_article(database, tid, articles["printer"])  # twice is once
    kb.link_article(database, tid, articles["invoice"])
    assert _titles(kb.list_ticket_articles(database, tid)) == [INVOICE.title, PRINTER.title]
    assert kb.get_article(database, articles["printer"]).linked_tickets == [
        (tid, "T00001", "打印机无法连接网络")
    ]
    kb.unlink_article(database, tid, articles["invoice"])
    assert _titles(kb.list_ticket_articles(database, tid)) == [PRINTER.title]
    with pytest.raises(NotFoundError):
        kb.link_article(database, tid, 999_999)
    # The ticket's history says who linked and unlinked which article.
    with database.read() as s:
        trail = [
            (a.field, a.old_value, a.new_value, a.user_name)
            for a in s.query(AuditEntry)
            .filter(AuditEntry.entity_id == tid, AuditEntry.field == "articles")
            .order_by(AuditEntry.id)
        ]
    assert trail == [
        ("articles", None, PRINTER.title, "tester"),
        ("articles", None, INVOICE.title, "tester"),
        ("articles", INVOICE.title, None, "tester"),
    ]


def test_an_article_from_a_resolved_ticket(database: Database) -> None:
    tid = _ticket(database, solution="在路由器中为打印机绑定固定 IP。\n重新添加打印机。")
    data = kb.article_from_ticket(
        database, tid, problem_heading="问题", solution_heading="解决方案"
    )
    assert data.title == "打印机无法连接网络"
    assert kb.html_to_text(data.body_html).splitlines() == [
        "问题",
        "前台的网络打印机显示脱机，",
        "无法打印报价单。",
        "解决方案",
        "在路由器中为打印机绑定固定 IP。",
        "重新添加打印机。",
    ]
    aid, changes = kb.create_article(database, data, source_ticket_id=tid)
    assert changes.tickets == {tid}
    assert kb.get_article(database, aid).source_ticket_id == tid
    assert _titles(kb.list_ticket_articles(database, tid)) == [data.title]
    no_solution = _ticket(database, title="系统登录失败")
    with pytest.raises(CrmError, match="has no solution yet"):
        kb.article_from_ticket(database, no_solution)


def test_a_stale_edit_is_refused_and_audited_edits_are_recorded(
    database: Database, articles: dict[str, int]
) -> None:
    aid = articles["invoice"]
    opened = kb.get_article(database, aid)
    edited = replace(opened.to_input(), body_html="<p>发票抬头有误时，财务作废后重新开具。</p>")
    kb.update_article(database, aid, edited, opened.version)
    with pytest.raises(StaleEditError, match="changed by someone else"):
        kb.update_article(database, aid, replace(edited, title="别人的标题"), opened.version)
    now = kb.get_article(database, aid)
    assert (now.title, now.version) == (INVOICE.title, opened.version + 1)
    assert _titles(kb.search_articles(database, "作废")) == [INVOICE.title]
    assert kb.search_articles(database, "冲红") == []  # the old body left the index
    with database.read() as s:
        rows = [
            (a.action, a.field)
            for a in s.query(AuditEntry).filter(
                AuditEntry.entity == "article", AuditEntry.entity_id == aid
            )
        ]
    assert rows == [("create", None), ("update", "body_text")]


def test_demo_articles_answer_the_demo_tickets(database: Database) -> None:
    from crmdesk.services.demo.data import words_for

    for lang in ("zh", "en"):
        data = demo_articles(lang)
        assert 10 <= len(data) <= 15
        links = demo_links(lang)
        ticket_titles = {t for titles in words_for(lang).tickets.values() for t in titles}
        assert set(links) == ticket_titles, lang
        assert all(0 <= i < len(data) for i in links.values())
    values = kb.article_values(demo_articles("zh")[0], now=database.now())
    assert values["search_text"] == kb.article_search_text(
        values["title"], ("登录", "密码", "账号锁定"), values["body_text"]
    )
