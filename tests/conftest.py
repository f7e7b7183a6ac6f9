"""Shared fixtures. Qt runs offscreen; database tests run on SQLite and, when
CRMDESK_TEST_POSTGRES_URL is set, on PostgreSQL too."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from crmdesk import db as dbmod  # noqa: E402
from crmdesk.services import (
    Database,  # noqa: E402
    audit,  # noqa: E402
)

PG_URL = os.environ.get("CRMDESK_TEST_POSTGRES_URL")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user folders: data, backups, logs and settings go to tmp."""
    monkeypatch.setenv("CRMDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CRMDESK_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("CRMDESK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("CRMDESK_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.delenv("CRMDESK_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite database, copied for each test (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = dbmod.create_db_engine(str(path))
    dbmod.migrate_to_head(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str | None]:
    """A fresh PostgreSQL database for this test session, migrated once."""
    if not PG_URL:
        yield None
        return
    name = f"crmdesk_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = dbmod.make_url(PG_URL).set(database=name)
    url = url.set(drivername="postgresql+psycopg")
    engine = dbmod.create_db_engine(url)
    dbmod.migrate_to_head(engine)
    engine.dispose()
    yield url.render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_PG_KEEP = {"alembic_version"}


def _truncate_pg(database: Database) -> None:
    with database.engine.begin() as conn:
        tables = [
            r[0]
            for r in conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
            if r[0] not in _PG_KEEP
        ]
        if tables:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))


def _open(url: str) -> Database:
    engine = dbmod.create_db_engine(url)
    database = Database(engine, dbmod.create_session_factory(engine))
    audit.install(database.session_factory)
    return database


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """An empty, migrated database with a signed-in admin, on each dialect."""
    if request.param == "sqlite":
        path = tmp_path / "crm.sqlite3"
        shutil.copyfile(sqlite_template, path)
        database = _open(str(path))
    else:
        url = request.getfixturevalue("pg_schema_url")
        if url is None:
            pytest.skip("PostgreSQL tests need CRMDESK_TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1/test)")
        database = _open(url)
        _truncate_pg(database)
    database.sign_in("tester")
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """An empty, migrated SQLite database (for tests that are about SQLite files)."""
    path = tmp_path / "crm.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = _open(str(path))
    database.sign_in("tester")
    yield database
    database.close()


@pytest.fixture
def app_context(qapp, sqlite_db: Database):  # noqa: ANN001, ANN201
    """What the screens are given, on a fresh SQLite database."""
    from PySide6.QtCore import QLocale

    from crmdesk.qt.context import AppContext

    # Numbers and dates as an English desktop shows them, whatever this machine's locale is.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    ctx = AppContext.create(sqlite_db)
    yield ctx
    ctx.tasks.wait_idle()
    ctx.close()
