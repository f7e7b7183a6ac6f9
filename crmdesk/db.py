"""Engine and session factory, SQLite pragmas, backups and migrate_to_head().

No Qt here: the CLI, the tests and the app all open databases through this module.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from crmdesk import paths
from crmdesk.errors import BackupError, DatabaseError, DatabaseTooNewError
from crmdesk.schema import head_revision, known_revisions, script_location

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000
# Per connection. SQLite's own page cache; the OS caches the file too, so a big one mostly
# costs memory (the customer list's budget is 100 MB at a million customers).
SQLITE_CACHE_KIB = 8192
# Execution option that marks a connection used by a write session (see _on_sqlite_begin).
WRITE_OPTION = "crmdesk_write"
KEEP_BACKUPS = 10


def resolve_url(url: str | None = None) -> URL:
    """The database to open: ``--db``, then ``CRMDESK_DATABASE_URL``, then the default file.

    A plain path is taken as a SQLite file.
    """
    text = url or os.environ.get("CRMDESK_DATABASE_URL")
    if not text:
        return URL.create("sqlite", database=str(paths.default_database_path()))
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    try:
        parsed = make_url(text)
    except ArgumentError as exc:
        raise DatabaseError("'{url}' is not a database address.", url=text) from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory ones."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN so DDL is transactional too (pysqlite would
    # otherwise commit before every CREATE/ALTER, and a failed migration would leave debris).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cur.close()


def _on_sqlite_begin(conn: Any) -> None:
    # A write session takes the write lock up front: a deferred transaction that reads first
    # and then writes fails at once (SQLITE_BUSY, no waiting) when another writer got in
    # between; IMMEDIATE waits for the busy timeout instead.
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def create_db_engine(url: str | URL | None = None, **kwargs: Any) -> Engine:
    """An engine with crmdesk's connection settings; SQLite files get their folder created."""
    resolved = url if isinstance(url, URL) else resolve_url(url)
    path = sqlite_path(resolved)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    if resolved.get_backend_name() == "sqlite":
        kwargs.setdefault("connect_args", {})["check_same_thread"] = False
    engine = create_engine(resolved, **kwargs)
    if resolved.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def create_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# ---------------------------------------------------------------------------------------------
# Migrations


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic's configuration built in code: the bundle ships no alembic.ini."""
    from alembic.config import Config  # Alembic loads only when a migration has to run.

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def check_not_newer(engine: Engine) -> str | None:
    """The database's revision; refuses a database written by a newer crmdesk."""
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise DatabaseError("The database cannot be read: {reason}", reason=str(exc.orig)) from exc
    if current is None:
        return None
    if current not in known_revisions():
        raise DatabaseTooNewError(
            "This database was written by a newer version of crmdesk (schema "
            "{revision}). Install the newer version to open it; the file was not changed.",
            revision=current,
        )
    return current


def migrate_to_head(engine: Engine, *, backup: bool = True) -> MigrationResult:
    """Bring the database to the current schema.

    A database from a newer version is refused untouched. Before changing an existing SQLite
    database a verified backup is written. All steps run in one transaction, so a failure leaves
    the database as it was.
    """
    current = check_not_newer(engine)
    head = head_revision()
    if current == head:
        return MigrationResult(current, head, None)
    backup_file = None
    path = sqlite_path(engine.url)
    if backup and current is not None and path is not None and path.exists():
        backup_file = backup_database(engine, reason=f"pre-migrate-{current[:8]}")
    from alembic import command

    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        log.exception("migration failed")
        raise DatabaseError(
            "The database could not be upgraded and was left as it was: {reason}", reason=str(exc)
        ) from exc
    return MigrationResult(current, head, backup_file)


def open_database(
    url: str | URL | None = None, *, migrate: bool = True
) -> tuple[Engine, sessionmaker[Session]]:
    engine = create_db_engine(url)
    if migrate:
        migrate_to_head(engine)
    return engine, create_session_factory(engine)


# ---------------------------------------------------------------------------------------------
# Backups (SQLite): the online backup API, verified with integrity_check, never a file copy.


def _integrity_ok(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()
    return "ok" if rows == [("ok",)] else "; ".join(r[0] for r in rows[:5])


def integrity_check(engine: Engine) -> str:
    """'ok', or what SQLite (or PostgreSQL's catalog) reports as wrong."""
    path = sqlite_path(engine.url)
    if path is None:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM alembic_version").all()
        return "ok"
    if not path.exists():
        raise DatabaseError("There is no database at {path}.", path=str(path))
    return _integrity_ok(path)


def _online_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(str(source), timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst, pages=4096)
        # A backup is one self-contained file, not a WAL database with side files.
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def backup_database(
    engine_or_path: Engine | Path, target: Path | None = None, *, reason: str = "manual"
) -> Path:
    """Write a verified copy of a SQLite database and rotate old automatic copies."""
    if isinstance(engine_or_path, Path):
        path: Path | None = engine_or_path
    else:
        path = sqlite_path(engine_or_path.url)
    if path is None:
        raise BackupError(
            "Backups from inside crmdesk are for SQLite databases; back a PostgreSQL "
            "database up with pg_dump."
        )
    if not path.exists():
        raise BackupError("There is no database at {path} to back up.", path=str(path))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    if target is None:
        target = paths.backup_dir() / f"{path.stem}-{stamp}-{reason}.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        _online_copy(path, partial)
        verdict = _integrity_ok(partial)
        if verdict != "ok":
            raise BackupError("The backup failed its integrity check ({verdict}).", verdict=verdict)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise BackupError("The backup could not be written: {reason}", reason=str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
    _rotate(path.stem, target.parent)
    return target


def _rotate(stem: str, folder: Path) -> None:
    automatic = sorted(
        (p for p in folder.glob(f"{stem}-*-auto.sqlite3")), key=lambda p: p.stat().st_mtime
    )
    for old in automatic[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)


def list_backups(db_path: Path, folder: Path | None = None) -> list[Path]:
    folder = folder or paths.backup_dir()
    return sorted(
        folder.glob(f"{db_path.stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True
    )


def restore_database(backup: Path, db_path: Path) -> Path | None:
    """Replace ``db_path`` with a verified backup. The replaced file is kept beside the backups.

    Returns where the replaced database was kept (None if there was none). The caller closes
    every connection first.
    """
    if not backup.exists():
        raise BackupError("There is no backup at {path}.", path=str(backup))
    try:
        verdict = _integrity_ok(backup)
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            "{name} is not a crmdesk backup ({reason}).", name=backup.name, reason=str(exc)
        ) from exc
    if verdict != "ok":
        raise BackupError(
            "{name} is damaged ({verdict}); nothing was restored.",
            name=backup.name,
            verdict=verdict,
        )
    con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        has_version = con.execute(
            "SELECT 1 FROM sqlite_master WHERE name='alembic_version'"
        ).fetchone()
    finally:
        con.close()
    if not has_version:
        raise BackupError(
            "{name} is not a crmdesk database; nothing was restored.", name=backup.name
        )
    kept = None
    if db_path.exists():
        kept = backup_database(db_path, reason="before-restore")
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        _online_copy(backup, partial)
        for suffix in ("-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        os.replace(partial, db_path)
    finally:
        partial.unlink(missing_ok=True)
    return kept


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory.begin() as session:
        yield session


def dispose_quietly(engine: Engine) -> None:
    try:
        engine.dispose()
    except Exception:  # pragma: no cover - closing is best effort
        log.exception("closing the database failed")


__all__ = [
    "MigrationResult",
    "NullPool",
    "alembic_config",
    "backup_database",
    "check_not_newer",
    "create_db_engine",
    "create_session_factory",
    "current_revision",
    "head_revision",
    "integrity_check",
    "list_backups",
    "migrate_to_head",
    "open_database",
    "resolve_url",
    "restore_database",
    "session_scope",
    "sqlite_path",
]
