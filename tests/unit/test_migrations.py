"""Upgrading a database: never loses data, backs up first, refuses what it does not know.

Some tests point crmdesk at a copy of its migrations with one extra revision (a column added,
or a migration that breaks half-way), as the next release of crmdesk will have.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import textwrap
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text

from crmdesk import db as dbmod
from crmdesk import paths, schema
from crmdesk.errors import DatabaseError, DatabaseTooNewError
from crmdesk.services import Database, audit
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery

# The shipped head: what a database is at before the "next release" these tests add.
FIRST = dbmod.head_revision()
PG_URL = os.environ.get("CRMDESK_TEST_POSTGRES_URL")

_ADD_COLUMN = """
    def upgrade() -> None:
        with op.batch_alter_table("customer") as batch:
            batch.add_column(sa.Column("vip_note", sa.Text(), nullable=True))
        op.execute("UPDATE customer SET vip_note = 'kept'")
"""

_BROKEN = """
    def upgrade() -> None:
        op.create_table("debris", sa.Column("id", sa.Integer(), primary_key=True))
        with op.batch_alter_table("customer") as batch:
            batch.add_column(sa.Column("half_done", sa.Text(), nullable=True))
        op.execute("UPDATE customer SET name = 'overwritten'")
        raise RuntimeError("the migration broke half-way")
"""


def _next_release(tmp_path: Path, upgrade_body: str) -> Path:
    """A copy of the shipped migrations plus a revision 0002 with ``upgrade_body``."""
    folder = tmp_path / "migrations"
    shutil.copytree(
        paths.package_dir() / "migrations", folder, ignore=shutil.ignore_patterns("__pycache__")
    )
    head = dbmod.head_revision()
    (folder / "versions" / "0002_next.py").write_text(
        textwrap.dedent(
            f'''
            """next release"""
            import sqlalchemy as sa
            from alembic import op

            revision = "0002_next"
            down_revision = "{head}"
            branch_labels = None
            depends_on = None

            def downgrade() -> None:
                pass
            '''
        )
        + textwrap.dedent(upgrade_body),
        encoding="utf-8",
    )
    return folder


def _use_migrations(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    # Alembic's configuration (crmdesk.db) and the revision reader (crmdesk.schema) both look.
    monkeypatch.setattr(dbmod, "script_location", lambda: folder)
    monkeypatch.setattr(schema, "script_location", lambda: folder)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database that has never seen crmdesk, on each dialect."""
    if request.param == "sqlite":
        yield str(tmp_path / "office.sqlite3")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need CRMDESK_TEST_POSTGRES_URL")
    name = f"crmdesk_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = dbmod.make_url(PG_URL).set(database=name, drivername="postgresql+psycopg")
    yield url.render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _open_with_data(url: str) -> tuple[Database, int]:
    """A database at the shipped schema holding a customer with a contact."""
    engine = dbmod.create_db_engine(url)
    dbmod.migrate_to_head(engine)
    database = Database(engine, dbmod.create_session_factory(engine))
    audit.install(database.session_factory)
    database.sign_in("admin")
    cid, _ = cs.create_customer(
        database,
        CustomerInput(name="北京恒通信息科技有限公司", city="北京"),
        [ContactInput(name="张伟", phone="13812345678")],
    )
    return database, cid


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _backups() -> list[Path]:
    return sorted(paths.backup_dir().glob("*.sqlite3"))


def test_a_new_database_gets_the_current_schema(empty_url: str) -> None:
    engine = dbmod.create_db_engine(empty_url)
    result = dbmod.migrate_to_head(engine)
    assert (result.from_revision, result.to_revision) == (None, dbmod.head_revision())
    assert result.backup is None  # nothing to lose yet
    assert dbmod.current_revision(engine) == dbmod.head_revision()
    assert {"customer", "contact", "audit_entry", "alembic_version"} <= _tables(engine)
    assert dbmod.integrity_check(engine) == "ok"
    engine.dispose()
    assert _backups() == []


def test_opening_an_up_to_date_database_changes_nothing(tmp_path: Path) -> None:
    database, cid = _open_with_data(str(tmp_path / "office.sqlite3"))
    again = dbmod.migrate_to_head(database.engine)
    assert not again.changed and again.backup is None
    reopened = Database.open(str(tmp_path / "office.sqlite3"))
    assert [r.id for r in cs.list_customers(reopened, CustomerQuery(text="恒通"))] == [cid]
    reopened.close()
    database.close()
    assert _backups() == []


def test_a_database_from_a_newer_crmdesk_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    database, _ = _open_with_data(str(path))
    database.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version of crmdesk"):
        Database.open(str(path))
    engine = dbmod.create_db_engine(str(path))
    with pytest.raises(DatabaseTooNewError):
        dbmod.migrate_to_head(engine)
    engine.dispose()
    assert path.read_bytes() == before
    assert _backups() == []


def test_a_database_from_a_newer_crmdesk_is_refused_on_every_dialect(empty_url: str) -> None:
    engine = dbmod.create_db_engine(empty_url)
    dbmod.migrate_to_head(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    with pytest.raises(DatabaseTooNewError):
        dbmod.migrate_to_head(engine)
    assert dbmod.current_revision(engine) == "0099_from_the_future"
    engine.dispose()


def test_upgrading_keeps_the_data_and_writes_a_verified_backup_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "office.sqlite3"
    database, cid = _open_with_data(str(path))
    database.close()
    _use_migrations(monkeypatch, _next_release(tmp_path, _ADD_COLUMN))

    upgraded = Database.open(str(path))
    assert dbmod.current_revision(upgraded.engine) == "0002_next"
    (backup,) = _backups()
    assert "pre-migrate" in backup.name
    # The backup is the database as it was before the upgrade, and it is sound.
    con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST,)
        assert con.execute("SELECT name FROM customer").fetchall() == [
            ("北京恒通信息科技有限公司",)
        ]
        columns = {r[1] for r in con.execute("PRAGMA table_info(customer)")}
        assert "vip_note" not in columns
    finally:
        con.close()
    # The data survived, the new column is there, and search still works.
    assert [r.id for r in cs.list_customers(upgraded, CustomerQuery(text="张伟"))] == [cid]
    with upgraded.engine.connect() as conn:
        assert conn.execute(text("SELECT vip_note FROM customer")).all() == [("kept",)]
    assert dbmod.integrity_check(upgraded.engine) == "ok"
    upgraded.sign_in("admin")
    new_id, _ = cs.create_customer(upgraded, CustomerInput(name="华为技术"))
    assert [r.id for r in cs.list_customers(upgraded, CustomerQuery(text="华为"))] == [new_id]
    upgraded.close()


def test_a_failed_upgrade_leaves_the_database_as_it_was(
    empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, cid = _open_with_data(empty_url)
    tables_before = _tables(database.engine)
    columns_before = {c["name"] for c in inspect(database.engine).get_columns("customer")}
    _use_migrations(monkeypatch, _next_release(tmp_path, _BROKEN))

    with pytest.raises(DatabaseError, match="left as it was"):
        dbmod.migrate_to_head(database.engine)

    database.engine.dispose()
    assert dbmod.current_revision(database.engine) == FIRST
    assert _tables(database.engine) == tables_before  # no "debris" table
    columns = {c["name"] for c in inspect(database.engine).get_columns("customer")}
    assert columns == columns_before
    assert cs.get_customer(database, cid).name == "北京恒通信息科技有限公司"
    assert [r.id for r in cs.list_customers(database, CustomerQuery(text="张伟"))] == [cid]
    assert dbmod.integrity_check(database.engine) == "ok"
    if database.dialect == "sqlite":
        # The backup taken before the attempt is there for the office admin.
        assert [p for p in _backups() if "pre-migrate" in p.name]
    database.close()


def test_the_shipped_migrations_have_one_head_and_match_the_models(tmp_path: Path) -> None:
    """A model changed without a migration would make the next upgrade lose a column."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from crmdesk.models import Base

    engine = dbmod.create_db_engine(str(tmp_path / "office.sqlite3"))
    dbmod.migrate_to_head(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda obj, name, type_, *_: (
                    not (type_ == "table" and (name or "").startswith(("customer_fts", "kb_fts")))
                ),
                "compare_type": False,
            },
        )
        with warnings.catch_warnings():
            # The month-day expression indexes: checked by the test below instead.
            warnings.filterwarnings("ignore", ".*expression-based index.*month_day")
            diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


def test_a_week_of_birthdays_and_anniversaries_is_read_through_the_month_day_indexes(
    empty_url: str,
) -> None:
    """Alembic cannot compare expression indexes; this checks that the migrations' indexes are
    the models' expression: each dialect's planner picks them for a query written with it."""
    from sqlalchemy import func, select

    from crmdesk.models import Contact, DealDocument
    from crmdesk.models.base import MonthDay

    engine = dbmod.create_db_engine(empty_url)
    dbmod.migrate_to_head(engine)
    cases = [
        (Contact.birthday, "ix_contact_birth_month_day"),
        (DealDocument.signed_on, "ix_deal_document_signed_month_day"),
    ]
    with engine.connect() as conn:
        for column, index in cases:
            stmt = select(func.count()).where(MonthDay(column).in_([1228, 1229, 1230]))
            sql = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
            if engine.dialect.name == "sqlite":
                plan = " ".join(
                    str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
                )
            else:
                conn.exec_driver_sql("SET enable_seqscan = off")
                plan = " ".join(str(r[0]) for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))
            assert index in plan, plan
            assert conn.execute(stmt).scalar() == 0
    engine.dispose()


def test_revisions_read_without_alembic_agree_with_alembic() -> None:
    """Start-up reads the shipped revisions without importing Alembic; they must be Alembic's."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(dbmod.alembic_config())
    assert script.get_heads() == [dbmod.head_revision()]
    assert set(dbmod.known_revisions()) == {r.revision for r in script.walk_revisions()}


def test_upgrading_to_0007_fills_in_each_interactions_previous_one(empty_url: str) -> None:
    """A database with years of interactions gets interaction.previous_at filled in by the
    upgrade (ties broken by id, deleted interactions skipped), and the triggers keep it after."""
    from alembic import command
    from sqlalchemy import insert, select

    from crmdesk.models import Customer, Interaction

    engine = dbmod.create_db_engine(empty_url)
    with engine.begin() as conn:
        cfg = dbmod.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006_care_month_day")
    t = [dt.datetime(2025, 1, d, 9, tzinfo=dt.UTC) for d in range(1, 6)]
    now = t[-1]
    common = {"kind": "call", "summary": "回访", "created_at": now, "updated_at": now,
              "version": 1, "important": False}  # fmt: skip
    # Only the columns 0006 has: insert through Core with explicit column lists.
    cust = Customer.__table__.c
    with engine.begin() as conn:
        for cid, name in ((1, "甲"), (2, "乙")):
            conn.execute(
                insert(Customer.__table__).values(
                    {
                        cust.id: cid,
                        cust.code: f"C{cid}",
                        cust.name: name,
                        cust.name_key: name,
                        cust.kind: "company",
                        cust.stage: "prospect",
                        cust.search_text: "",
                        cust.version: 1,
                        cust.created_at: now,
                        cust.updated_at: now,
                    }
                )
            )
        rows = [  # id, customer, moment, deleted
            (1, 1, t[2], None), (2, 1, t[0], None), (3, 1, t[2], None), (4, 1, t[1], now),
            (5, 1, t[3], None), (6, 2, t[1], None), (7, 2, t[4], None),
        ]  # fmt: skip
        i = Interaction.__table__.c
        for iid, cid, when, gone in rows:
            conn.execute(
                insert(Interaction.__table__).values(
                    {
                        i.id: iid,
                        i.customer_id: cid,
                        i.occurred_at: when,
                        i.deleted_at: gone,
                        **{i[k]: v for k, v in common.items()},
                    }
                )
            )
    dbmod.migrate_to_head(engine, backup=False)
    i = Interaction.__table__.c

    def previous() -> dict[int, dt.datetime | None]:
        with engine.connect() as conn:
            stmt = select(i.id, i.previous_at).where(i.deleted_at.is_(None))
            return {r.id: r.previous_at for r in conn.execute(stmt)}

    assert previous() == {2: None, 1: t[0], 3: t[2], 5: t[2], 6: None, 7: t[1]}
    with engine.begin() as conn:  # the triggers are there: interaction 2 goes to 乙
        conn.execute(Interaction.__table__.update().where(i.id == 2).values(customer_id=2))
    assert previous() == {2: None, 1: None, 3: t[2], 5: t[2], 6: t[0], 7: t[1]}
    engine.dispose()
