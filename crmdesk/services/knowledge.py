"""The knowledge base (知识库): articles with a rich-text body, a category and tags; full-text
search (Chinese included), links between articles and tickets, suggestions while a ticket is
written, and articles made from a resolved ticket's solution.

An article's body is Qt HTML as the editor writes it; ``body_text`` (its plain text, for previews)
and ``search_text`` (title, tags and body as search keys) are computed here from the HTML with
the standard library (crmdesk.services.kb_text), so the service needs no Qt. Search goes through the same trigram index
helpers as the customer search (crmdesk.services.search): ``kb_fts`` (FTS5 trigram) on SQLite,
pg_trgm/LIKE on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    case,
    delete,
    desc,
    func,
    insert,
    literal_column,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.errors import CrmError, NotFoundError, StaleEditError, ValidationError
from crmdesk.models import AuditEntry, KbArticle, Ticket, ticket_article
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.kb_text import (
    html_to_text,
    parse_tags,
    plain_to_html,
    snippet,
    suggestion_terms,
)
from crmdesk.services.search import (
    fts_phrase,
    like_escape,
    query_terms,
    text_match,
)
from crmdesk.services.text import build_search_text, fold

TITLE_MAX = 200
CATEGORY_MAX = 60
TAGS_MAX = 300
# build_search_text keeps fields apart with this character; the title is the first field.
_FIELD_SEPARATOR = "\u2502"


@dataclass(frozen=True)
class ArticleInput:
    title: str
    body_html: str
    category: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str
    category: str | None
    tags: tuple[str, ...]
    # A line of the body around the first word searched for (or its beginning).
    snippet: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class ArticleDetail:
    id: int
    title: str
    body_html: str
    body_text: str
    category: str | None
    tags: tuple[str, ...]
    source_ticket_id: int | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    # (ticket id, ticket number, ticket title) of the tickets this article is linked to
    linked_tickets: list[tuple[int, str, str]]

    def to_input(self) -> ArticleInput:
        return ArticleInput(self.title, self.body_html, self.category, self.tags)


# ---------------------------------------------------------------------------------------------
# Validation and the stored columns (pure)


def _tags_text(tags: Sequence[str]) -> str | None:
    return ", ".join(tags) or None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.replace("\u3000", " ").split())
    return value or None


def article_search_text(title: str, tags: Sequence[str], body_text: str) -> str:
    """What the search index holds for an article: its title first (ranking looks for words
    in the first field), then each tag, then the body."""
    return build_search_text([title, *tags, body_text])


def validate_article(data: ArticleInput) -> None:
    """Raise ValidationError (with the sentence for each field) if ``data`` cannot be saved."""
    errors: dict[str, str] = {}
    title = _clean(data.title)
    if not title:
        errors["title"] = "An article needs a title."
    elif len(title) > TITLE_MAX:
        errors["title"] = "The title is longer than 200 characters."
    category = _clean(data.category)
    if category and len(category) > CATEGORY_MAX:
        errors["category"] = "The category is longer than 60 characters."
    tags = _tags_text(parse_tags(data.tags))
    if tags and len(tags) > TAGS_MAX:
        errors["tags"] = "The tags are longer than 300 characters in all."
    if errors:
        raise ValidationError(errors[next(iter(errors))], errors)


def article_values(
    data: ArticleInput,
    *,
    now: dt.datetime,
    user_id: int | None = None,
    source_ticket_id: int | None = None,
) -> dict[str, Any]:
    """The columns of a new kb_article row, computed exactly as :func:`create_article` does
    (for bulk loads such as the demo data, which insert with Core)."""
    validate_article(data)
    title = _clean(data.title) or ""
    tags = parse_tags(data.tags)
    body_text = html_to_text(data.body_html)
    return {
        "title": title,
        "body": data.body_html or "",
        "body_text": body_text,
        "category": _clean(data.category),
        "tags": _tags_text(tags),
        "search_text": article_search_text(title, tags, body_text),
        "source_ticket_id": source_ticket_id,
        "created_by_id": user_id,
        "deleted_at": None,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def _apply(a: KbArticle, data: ArticleInput) -> None:
    a.title = _clean(data.title) or ""
    a.body = data.body_html or ""
    a.body_text = html_to_text(a.body)
    a.category = _clean(data.category)
    tags = parse_tags(data.tags)
    a.tags = _tags_text(tags)
    a.search_text = article_search_text(a.title, tags, a.body_text)


def _split_tags(stored: str | None) -> tuple[str, ...]:
    return tuple(t.strip() for t in (stored or "").split(",") if t.strip())


# ---------------------------------------------------------------------------------------------
# Result rows


def _raw_words(query: str) -> list[str]:
    return [w for w in (fold(word) for word in query.split()) if w]


def _row(r: Any, words: Sequence[str]) -> ArticleRow:  # noqa: ANN401 - a result row
    return ArticleRow(
        id=r.id,
        title=r.title,
        category=r.category,
        tags=_split_tags(r.tags),
        snippet=snippet(r.body_text, words),
        updated_at=r.updated_at,
    )


# ---------------------------------------------------------------------------------------------
# Search and suggestions


def _position(dialect: str, haystack: Any, needle: str) -> ColumnElement[int]:  # noqa: ANN401
    if dialect == "sqlite":
        return func.instr(haystack, needle)
    return func.strpos(haystack, needle)


def _title_part(dialect: str) -> ColumnElement[str]:
    """The search text of the title alone: the first field of ``search_text``."""
    if dialect == "postgresql":
        return func.split_part(KbArticle.search_text, _FIELD_SEPARATOR, 1)
    sep = _position(dialect, KbArticle.search_text, _FIELD_SEPARATOR)
    return case((sep > 0, func.substr(KbArticle.search_text, 1, sep)), else_=KbArticle.search_text)


def _title_hits(dialect: str, keys: Sequence[str]) -> ColumnElement[int]:
    """How many of ``keys`` (search keys) occur in the title; reads only the title."""
    head = _title_part(dialect)
    total: ColumnElement[int] | None = None
    for key in keys:
        hit = case((_position(dialect, head, key) > 0, 1), else_=0)
        total = hit if total is None else total + hit
    return total if total is not None else literal_column("0")


def _live() -> ColumnElement[bool]:
    return KbArticle.deleted_at.is_(None)


_ROW_COLUMNS = (
    KbArticle.id,
    KbArticle.title,
    KbArticle.category,
    KbArticle.tags,
    KbArticle.body_text,
    KbArticle.updated_at,
)


def search_articles(
    db: Database, text: str, category: str | None = None, limit: int = 50
) -> list[ArticleRow]:
    """Articles matching every word of ``text`` (title, tags or body; Chinese words of any
    length, fragments of words), those with the words in their title first, then the most
    recently updated. An empty ``text`` lists all articles, newest first."""
    words = _raw_words(text)
    stmt = select(*_ROW_COLUMNS).where(_live())
    if category:
        stmt = stmt.where(KbArticle.category == category)
    keys = query_terms(text)
    if keys:
        stmt = stmt.where(
            text_match(
                db.dialect,
                text,
                fts_table="kb_fts",
                id_column=KbArticle.id,
                text_column=KbArticle.search_text,
            )
        ).order_by(desc(_title_hits(db.dialect, keys)))
    stmt = stmt.order_by(desc(KbArticle.updated_at), desc(KbArticle.id)).limit(limit)
    with db.read() as s:
        return [_row(r, words) for r in s.execute(stmt)]


def _term_hits(dialect: str, terms: Sequence[str]) -> Any:  # noqa: ANN401 - a subquery
    """One row (id) per article and term it contains, read from the search index."""
    selects = []
    for i, term in enumerate(terms):
        if dialect == "sqlite":
            name = f"kb_term_{i}"
            selects.append(
                select(literal_column("rowid").label("id"))
                .select_from(text("kb_fts"))
                .where(text(f"kb_fts MATCH :{name}").bindparams(**{name: fts_phrase(term)}))
            )
        else:
            selects.append(
                select(KbArticle.id.label("id")).where(
                    KbArticle.search_text.like(f"%{like_escape(term)}%", escape="\\")
                )
            )
    return union_all(*selects).subquery("term_hits")


def suggest_articles(db: Database, text: str, limit: int = 5) -> list[ArticleRow]:
    """Articles about what ``text`` (a ticket's title and description) describes, best first.

    An article must contain two of the text's meaningful terms (its only one, if it has one);
    it scores a point for each term it contains and one more for each in its title. One query:
    the terms are counted from the search index, and only titles are read."""
    terms = suggestion_terms(text)
    if not terms:
        return []
    hits = _term_hits(db.dialect, terms)
    counts = select(hits.c.id, func.count().label("n")).group_by(hits.c.id).subquery("term_counts")
    scored = (
        select(
            KbArticle.id.label("id"),
            (counts.c.n + _title_hits(db.dialect, terms)).label("score"),
        )
        .join(counts, counts.c.id == KbArticle.id)
        .where(_live(), counts.c.n >= min(2, len(terms)))
        .subquery("scored")
    )
    stmt = (
        select(*_ROW_COLUMNS)
        .join(scored, scored.c.id == KbArticle.id)
        .order_by(desc(scored.c.score), desc(KbArticle.updated_at), desc(KbArticle.id))
        .limit(limit)
    )
    words = [t.replace(" ", "") for t in terms]
    with db.read() as s:
        return [_row(r, words) for r in s.execute(stmt)]


def list_categories(db: Database) -> list[str]:
    """The categories articles have, alphabetically."""
    with db.read() as s:
        found = s.scalars(
            select(KbArticle.category).where(_live(), KbArticle.category.is_not(None)).distinct()
        ).all()
    return sorted((c for c in found if c), key=fold)


# ---------------------------------------------------------------------------------------------
# One article


def _live_article(s: Session, article_id: int) -> KbArticle:
    a = s.get(KbArticle, article_id)
    if a is None or a.deleted_at is not None:
        raise NotFoundError("This article no longer exists.")
    return a


def _live_ticket(s: Session, ticket_id: int) -> Ticket:
    t = s.get(Ticket, ticket_id)
    if t is None or t.deleted_at is not None:
        raise NotFoundError("This ticket no longer exists.")
    return t


def get_article(db: Database, article_id: int) -> ArticleDetail:
    """The article with its body and the tickets it is linked to (newest first)."""
    with db.read() as s:
        a = _live_article(s, article_id)
        linked = [
            (tid, number, title)
            for tid, number, title in s.execute(
                select(Ticket.id, Ticket.number, Ticket.title)
                .join(ticket_article, ticket_article.c.ticket_id == Ticket.id)
                .where(ticket_article.c.article_id == article_id, Ticket.deleted_at.is_(None))
                .order_by(desc(Ticket.id))
            )
        ]
        return ArticleDetail(
            id=a.id,
            title=a.title,
            body_html=a.body,
            body_text=a.body_text,
            category=a.category,
            tags=_split_tags(a.tags),
            source_ticket_id=a.source_ticket_id,
            version=a.version,
            created_at=a.created_at,
            updated_at=a.updated_at,
            linked_tickets=linked,
        )


def create_article(
    db: Database, data: ArticleInput, source_ticket_id: int | None = None
) -> tuple[int, ChangeSet]:
    """Save a new article. Made from a ticket (``source_ticket_id``), it is linked to it."""
    validate_article(data)
    with db.write() as s:
        ticket = _live_ticket(s, source_ticket_id) if source_ticket_id is not None else None
        a = KbArticle(
            source_ticket_id=source_ticket_id,
            created_by_id=db.user.id if db.user is not None else None,
        )
        _apply(a, data)
        s.add(a)
        s.flush()
        changes = ChangeSet(articles=frozenset({a.id}))
        if ticket is not None:
            _link(db, s, ticket, a)
            changes = changes | ChangeSet(tickets=frozenset({ticket.id}))
        return a.id, changes


def update_article(db: Database, article_id: int, data: ArticleInput, version: int) -> ChangeSet:
    """Save an edit made on ``version``; a newer save by someone else raises StaleEditError."""
    validate_article(data)
    try:
        with db.write() as s:
            a = _live_article(s, article_id)
            if a.version != version:
                raise StaleEditError(
                    "{title} was changed by someone else after you opened it. Your changes "
                    "were not saved; reopen the article and apply them again.",
                    title=a.title,
                )
            _apply(a, data)
    except StaleDataError as exc:
        raise StaleEditError(
            "This article was changed by someone else while you saved. Nothing was "
            "overwritten; reopen it and apply your changes again."
        ) from exc
    return ChangeSet(articles=frozenset({article_id}))


def delete_article(db: Database, article_id: int) -> ChangeSet:
    """Take an article out of the knowledge base (it can be restored: undo)."""
    with db.write() as s:
        a = _live_article(s, article_id)
        a.deleted_at = db.now()
        tickets = _linked_ticket_ids(s, article_id)
    return ChangeSet(articles=frozenset({article_id}), tickets=tickets)


def restore_article(db: Database, article_id: int) -> ChangeSet:
    """Bring a deleted article back, with its links."""
    with db.write() as s:
        a = s.get(KbArticle, article_id)
        if a is None:
            raise NotFoundError("This article no longer exists.")
        a.deleted_at = None
        tickets = _linked_ticket_ids(s, article_id)
    return ChangeSet(articles=frozenset({article_id}), tickets=tickets)


def _linked_ticket_ids(s: Session, article_id: int) -> frozenset[int]:
    return frozenset(
        s.scalars(
            select(ticket_article.c.ticket_id).where(ticket_article.c.article_id == article_id)
        )
    )


# ---------------------------------------------------------------------------------------------
# Tickets and articles


def _audit_link(db: Database, s: Session, ticket: Ticket, old: str | None, new: str | None) -> None:
    # The link table is no ORM entity, so the audit listener does not see it: recorded here,
    # on the ticket, like a changed field.
    s.execute(
        insert(AuditEntry.__table__).values(
            at=db.now(),
            user_id=s.info.get("user_id"),
            user_name=s.info.get("user_name"),
            entity="ticket",
            entity_id=ticket.id,
            customer_id=ticket.customer_id,
            action="update",
            field="articles",
            old_value=old,
            new_value=new,
        )
    )


def _link(db: Database, s: Session, ticket: Ticket, article: KbArticle) -> bool:
    exists = s.scalar(
        select(ticket_article.c.article_id).where(
            ticket_article.c.ticket_id == ticket.id, ticket_article.c.article_id == article.id
        )
    )
    if exists is not None:
        return False
    s.execute(insert(ticket_article).values(ticket_id=ticket.id, article_id=article.id))
    _audit_link(db, s, ticket, None, article.title)
    return True


def link_article(db: Database, ticket_id: int, article_id: int) -> ChangeSet:
    """Link an article to a ticket (linking it twice changes nothing)."""
    with db.write() as s:
        ticket = _live_ticket(s, ticket_id)
        article = _live_article(s, article_id)
        _link(db, s, ticket, article)
    return ChangeSet(tickets=frozenset({ticket_id}), articles=frozenset({article_id}))


def unlink_article(db: Database, ticket_id: int, article_id: int) -> ChangeSet:
    """Remove the link between an article and a ticket (if there is one)."""
    with db.write() as s:
        ticket = _live_ticket(s, ticket_id)
        removed = s.execute(
            delete(ticket_article).where(
                ticket_article.c.ticket_id == ticket_id, ticket_article.c.article_id == article_id
            )
        ).rowcount
        if removed:
            title = s.scalar(select(KbArticle.title).where(KbArticle.id == article_id))
            _audit_link(db, s, ticket, title, None)
    return ChangeSet(tickets=frozenset({ticket_id}), articles=frozenset({article_id}))


def list_ticket_articles(db: Database, ticket_id: int) -> list[ArticleRow]:
    """The articles linked to a ticket (deleted ones left out), by title."""
    stmt = (
        select(*_ROW_COLUMNS)
        .join(ticket_article, ticket_article.c.article_id == KbArticle.id)
        .where(ticket_article.c.ticket_id == ticket_id, _live())
        .order_by(KbArticle.title, KbArticle.id)
    )
    with db.read() as s:
        return [_row(r, ()) for r in s.execute(stmt)]


def article_from_ticket(
    db: Database,
    ticket_id: int,
    *,
    problem_heading: str = "Problem",
    solution_heading: str = "Solution",
) -> ArticleInput:
    """A new article prefilled from a ticket: its title, and its description and solution under
    two headings (the screen passes them in the user's language). The ticket needs a solution."""
    with db.read() as s:
        t = _live_ticket(s, ticket_id)
        if not (t.solution or "").strip():
            raise CrmError(
                "Ticket {number} has no solution yet. Resolve it with its solution first, "
                "then make an article from it.",
                number=t.number,
            )
        parts = []
        if (t.description or "").strip():
            parts.append(f"<h3>{html.escape(problem_heading)}</h3>")
            parts.append(plain_to_html(t.description or ""))
        parts.append(f"<h3>{html.escape(solution_heading)}</h3>")
        parts.append(plain_to_html(t.solution or ""))
        return ArticleInput(title=t.title, body_html="".join(parts))
