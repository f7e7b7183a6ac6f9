"""The quick look at start (services.quick_read): the plain list's first page read with sqlite3,
the same rows the services give, and None whenever the normal way must open the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crmdesk import schema
from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services.demo import generate_demo
from crmdesk.services.dto import CustomerQuery
from crmdesk.services.quick_read import _SORT_COLUMNS, QuickReader, plain


@pytest.fixture
def office(sqlite_db: Database) -> Database:
    """A small office: tags, several contacts each, owners, a customer in the trash, a deleted
    contact, customers without tier or revenue."""
    generate_demo(sqlite_db, "zh_CN", customers=60)
    first, second = cs.list_customers(sqlite_db, CustomerQuery(), 0, 2)
    cs.delete_customers(sqlite_db, [first.id])
    with sqlite3.connect(database_path(sqlite_db)) as conn:
        conn.execute(
            "UPDATE contact SET deleted_at = '2026-01-01 00:00:00.000000' "
            "WHERE customer_id = ? AND is_primary = 1",
            (second.id,),
        )
        # A customer whose primary contact is not the first one entered.
        (cid,) = conn.execute(
            "SELECT customer_id FROM contact GROUP BY customer_id HAVING count(*) > 1 "
            "ORDER BY customer_id LIMIT 1"
        ).fetchone()
        conn.execute(
            "UPDATE contact SET is_primary = (id = (SELECT max(id) FROM contact "
            "WHERE customer_id = ?)) WHERE customer_id = ?",
            (cid, cid),
        )
    return sqlite_db


def database_path(db: Database) -> Path:
    assert db.engine.url.database
    return Path(db.engine.url.database)


def test_the_first_page_is_what_the_services_read_in_every_order(office: Database) -> None:
    quick = QuickReader.open(str(database_path(office)))
    assert quick is not None
    try:
        for sort in _SORT_COLUMNS:
            for descending in (False, True):
                query = CustomerQuery(sort=sort, descending=descending)
                for limit, cap in ((200, 10_000), (25, 40)):
                    expected = (
                        cs.count_customers(office, query, cap=cap),
                        cs.list_customers(office, query, 0, limit),
                    )
                    assert quick.customers(query, limit, cap) == expected, (sort, descending, cap)
    finally:
        quick.close()


def test_the_page_holds_tags_contacts_owner_and_money(office: Database) -> None:
    quick = QuickReader.open(str(database_path(office)))
    assert quick is not None
    counted, rows = quick.customers(CustomerQuery(), 200, 10_000)  # type: ignore[misc]
    quick.close()
    assert counted.exact and counted.count == 59  # one is in the trash
    assert any(r.tags for r in rows)
    assert any(r.owner_name for r in rows)
    assert any(r.annual_revenue is not None for r in rows)
    assert all(r.created_at.tzinfo is not None for r in rows)


def test_it_signs_in_whom_the_database_layer_would(office: Database) -> None:
    path = database_path(office)
    quick = QuickReader.open(str(path))
    assert quick is not None
    quick.close()
    db = Database.open(str(path))
    try:
        assert quick.user == db.sign_in()
    finally:
        db.close()


@pytest.mark.parametrize(
    "query",
    [
        CustomerQuery(text="张"),
        CustomerQuery(tier="A"),
        CustomerQuery(stage="new"),
        CustomerQuery(tag_id=1),
        CustomerQuery(owner_id=0),
        CustomerQuery(channel="referral"),
        CustomerQuery(trash=True),
    ],
)
def test_a_search_or_filter_is_left_to_the_services(office: Database, query: CustomerQuery) -> None:
    quick = QuickReader.open(str(database_path(office)))
    assert quick is not None
    assert not plain(query)
    assert quick.customers(query, 200, 10_000) is None
    quick.close()


def test_a_database_at_another_schema_opens_the_normal_way(office: Database) -> None:
    path = database_path(office)
    older = next(r for r in schema.known_revisions() if r != schema.head_revision())
    for revision in (older, "9999_from_a_newer_crmdesk"):
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        assert QuickReader.open(str(path)) is None


def test_what_is_not_an_existing_crmdesk_file_opens_the_normal_way(
    tmp_path: Path, sqlite_db: Database
) -> None:
    assert QuickReader.open(str(tmp_path / "new.sqlite3")) is None  # created by the normal way
    assert QuickReader.open("postgresql+psycopg://crm@server/office") is None
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_text("not a database", encoding="utf-8")
    assert QuickReader.open(str(garbage)) is None
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert QuickReader.open(str(empty)) is None
    # A migrated file nobody has signed in to yet: the normal way creates the first admin.
    path = database_path(sqlite_db)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE app_user SET active = 0")
    assert QuickReader.open(str(path)) is None


def test_it_only_reads(office: Database) -> None:
    quick = QuickReader.open(str(database_path(office)))
    assert quick is not None
    with pytest.raises(sqlite3.OperationalError):
        quick._conn.execute("DELETE FROM customer")
    quick.close()
