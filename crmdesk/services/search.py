"""Trigram text search, one implementation per dialect behind :func:`text_match`.

Customers (:func:`customer_match`) and knowledge-base articles (crmdesk.services.knowledge) both
index a ``search_text`` column (lower-cased, CJK characters spaced apart, see
:func:`crmdesk.services.text.search_key`):
- SQLite: an FTS5 trigram index (``customer_fts``, ``kb_fts``) kept in step by triggers.
- PostgreSQL: a pg_trgm GIN index used by LIKE.
Spacing CJK out makes a two-character Chinese name (张伟 → "张 伟") long enough for trigrams.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, literal_column, select, text, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from crmdesk.models import Customer
from crmdesk.services.text import is_cjk, search_key


def query_terms(query: str) -> list[str]:
    """The search keys of each word the user typed (all must match)."""
    return [k for k in (search_key(word) for word in query.split()) if k]


def like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


# A long term (a whole email address) is looked up in the index by its beginning only, then
# checked whole with LIKE: every trigram of ".com.cn" has a doclist of most customers, and
# reading those costs more than checking the few rows the beginning already narrowed to.
FTS_TERM_CHARS = 12


def is_indexed(term: str) -> bool:
    """Whether the trigram index can look ``term`` up (a lone CJK character can: see
    build_search_text)."""
    return len(term) >= 3 or (len(term) == 1 and is_cjk(term))


def fts_query(terms: list[str]) -> str:
    """An FTS5 query that all ``terms`` (indexable search keys) match."""
    return " AND ".join(fts_phrase(f" {t} " if len(t) == 1 else t[:FTS_TERM_CHARS]) for t in terms)


# Up to this many index matches, SQLite is told to start from the search index and sort the
# matches; past it, walking the list's sort index and probing the matches finds a page sooner.
SELECTIVE_LIMIT = 5000


def is_selective(session: Session, dialect: str, query: str) -> bool:
    """Whether a search matches few enough customers to be read from the index and sorted."""
    if dialect != "sqlite":
        return False
    terms = [t for t in query_terms(query) if is_indexed(t)]
    if not terms:
        return False
    fts = fts_query(terms)
    n = session.scalar(
        text(
            "SELECT count(*) FROM (SELECT rowid FROM customer_fts WHERE customer_fts MATCH :q "
            f"LIMIT {SELECTIVE_LIMIT + 1})"
        ),
        {"q": fts},
    )
    return (n or 0) <= SELECTIVE_LIMIT


def live_clause(dialect: str, trash: bool, search_driven: bool) -> ColumnElement[bool]:
    """The soft-delete filter. When the search index should drive the query on SQLite, the
    column is written as ``+deleted_at`` so the planner does not pick a list index instead."""
    if dialect == "sqlite" and search_driven:
        return text("+customer.deleted_at IS NOT NULL" if trash else "+customer.deleted_at IS NULL")
    return Customer.deleted_at.is_not(None) if trash else Customer.deleted_at.is_(None)


def text_match(
    dialect: str,
    query: str,
    *,
    fts_table: str,
    id_column: InstrumentedAttribute[int],
    text_column: InstrumentedAttribute[str],
) -> ColumnElement[bool]:
    """A WHERE clause that is true for rows whose ``text_column`` matches every word of ``query``.

    On SQLite ``fts_table`` is the FTS5 trigram index over ``text_column`` (its rowid is
    ``id_column``); PostgreSQL reads ``text_column`` through its pg_trgm index.
    """
    terms = query_terms(query)
    if not terms:
        return true()
    clauses: list[ColumnElement[bool]] = []
    if dialect == "sqlite":
        indexed = [t for t in terms if is_indexed(t)]
        if indexed:
            fts = fts_query(indexed)
            matching = (
                select(literal_column("rowid"))
                .select_from(text(fts_table))
                .where(text(f"{fts_table} MATCH :fts_query").bindparams(fts_query=fts))
            )
            clauses.append(id_column.in_(matching))
        # One or two Latin characters are too short for trigrams: these
        # scan, but in list order and only until a page is full. Long terms are checked whole
        # here after the index narrowed them by their beginning.
        clauses.extend(
            text_column.like(f"%{like_escape(t)}%", escape="\\")
            for t in terms
            if not is_indexed(t) or len(t) > FTS_TERM_CHARS
        )
    else:
        clauses.extend(text_column.like(f"%{like_escape(t)}%", escape="\\") for t in terms)
    return and_(*clauses)


def customer_match(dialect: str, query: str) -> ColumnElement[bool]:
    """A WHERE clause on Customer that is true for customers matching ``query``."""
    return text_match(
        dialect,
        query,
        fts_table="customer_fts",
        id_column=Customer.id,
        text_column=Customer.search_text,
    )
