"""Backups that work and a restore that was tried (数据安全): the office admin's safety net."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from crmdesk import db as dbmod
from crmdesk import paths
from crmdesk.errors import BackupError
from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services.dto import CustomerInput, CustomerQuery


def _names(db: Database) -> list[str]:
    return [r.name for r in cs.list_customers(db, CustomerQuery(), 0, 1000)]


def _db_path(db: Database) -> Path:
    path = dbmod.sqlite_path(db.engine.url)
    assert path is not None
    return path


def _reopen(path: Path) -> Database:
    database = Database.open(str(path))
    database.sign_in("tester")
    return database


def test_a_backup_is_one_sound_file_in_the_backup_folder(sqlite_db: Database) -> None:
    cs.create_customer(sqlite_db, CustomerInput(name="恒通信息"))
    backup = dbmod.backup_database(sqlite_db.engine)
    assert backup.parent == paths.backup_dir()
    assert backup.name.startswith("crm-") and backup.name.endswith("-manual.sqlite3")
    assert not Path(str(backup) + "-wal").exists()
    assert not list(backup.parent.glob("*.partial"))
    con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert con.execute("SELECT name FROM customer").fetchall() == [("恒通信息",)]
    finally:
        con.close()


def test_a_backup_holds_only_committed_work(sqlite_db: Database) -> None:
    cs.create_customer(sqlite_db, CustomerInput(name="恒通信息"))
    writer = sqlite3.connect(_db_path(sqlite_db), isolation_level=None)
    writer.execute("BEGIN")
    writer.execute("UPDATE customer SET name = 'half-typed'")
    try:
        backup = dbmod.backup_database(sqlite_db.engine)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    con = sqlite3.connect(backup)
    assert con.execute("SELECT name FROM customer").fetchall() == [("恒通信息",)]
    con.close()


def test_restore_brings_back_the_backup_and_keeps_the_replaced_database(
    sqlite_db: Database,
) -> None:
    cs.create_customer(sqlite_db, CustomerInput(name="恒通信息"))
    backup = dbmod.backup_database(sqlite_db.engine)
    cs.create_customer(sqlite_db, CustomerInput(name="华为技术"))
    path = _db_path(sqlite_db)
    sqlite_db.close()

    kept = dbmod.restore_database(backup, path)

    restored = _reopen(path)
    assert _names(restored) == ["恒通信息"]
    assert dbmod.integrity_check(restored.engine) == "ok"
    # The work done after the backup is not lost: the replaced file was kept beside the backups.
    assert kept is not None and kept.exists() and "before-restore" in kept.name
    con = sqlite3.connect(f"file:{kept}?mode=ro", uri=True)
    assert sorted(r[0] for r in con.execute("SELECT name FROM customer")) == [
        "华为技术",
        "恒通信息",
    ]
    con.close()
    # The restored database is a working one: writing and searching work.
    cid, _ = cs.create_customer(restored, CustomerInput(name="张伟贸易"))
    assert [r.id for r in cs.list_customers(restored, CustomerQuery(text="张伟"))] == [cid]
    assert _names(restored) == ["张伟贸易", "恒通信息"]
    restored.close()


def _corrupt(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    size = target.stat().st_size
    with target.open("r+b") as f:
        # Keep the header (so it still looks like SQLite) and scribble over the pages after it.
        f.seek(4096)
        f.write(b"\xde\xad\xbe\xef" * ((size - 4096) // 4))
    return target


def test_a_damaged_backup_is_refused_and_the_database_is_untouched(
    sqlite_db: Database, tmp_path: Path
) -> None:
    cs.create_customer(sqlite_db, CustomerInput(name="恒通信息"))
    good = dbmod.backup_database(sqlite_db.engine)
    damaged = _corrupt(good, tmp_path / "damaged.sqlite3")
    cs.create_customer(sqlite_db, CustomerInput(name="华为技术"))
    path = _db_path(sqlite_db)
    sqlite_db.close()
    before = path.read_bytes()
    backups_before = sorted(paths.backup_dir().iterdir())

    with pytest.raises(BackupError) as err:
        dbmod.restore_database(damaged, path)

    message = str(err.value)
    assert "damaged.sqlite3" in message
    assert "damaged" in message or "not a crmdesk backup" in message
    assert path.read_bytes() == before
    assert sorted(paths.backup_dir().iterdir()) == backups_before
    reopened = _reopen(path)
    assert sorted(_names(reopened)) == ["华为技术", "恒通信息"]
    reopened.close()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"name,phone\n\xe5\xbc\xa0\xe4\xbc\x9f,138\n", "not a crmdesk backup"),
        (None, "not a crmdesk database"),  # a sound SQLite file of another program
    ],
)
def test_a_file_that_is_not_a_backup_is_refused(
    sqlite_db: Database, tmp_path: Path, content: bytes | None, says: str
) -> None:
    other = tmp_path / "other.sqlite3"
    if content is None:
        con = sqlite3.connect(other)
        con.execute("CREATE TABLE notes(t TEXT)")
        con.commit()
        con.close()
    else:
        other.write_bytes(content)
    path = _db_path(sqlite_db)
    sqlite_db.close()
    before = path.read_bytes()
    with pytest.raises(BackupError, match=says):
        dbmod.restore_database(other, path)
    assert path.read_bytes() == before


def test_restoring_a_missing_backup_says_so(sqlite_db: Database, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="There is no backup"):
        dbmod.restore_database(tmp_path / "gone.sqlite3", _db_path(sqlite_db))


def test_automatic_backups_rotate_and_manual_ones_stay(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbmod, "KEEP_BACKUPS", 3)
    manual = dbmod.backup_database(sqlite_db.engine)
    autos = []
    for _ in range(6):
        time.sleep(0.02)  # rotation goes by modification time
        autos.append(dbmod.backup_database(sqlite_db.engine, reason="auto"))
    left = dbmod.list_backups(_db_path(sqlite_db))
    assert manual in left
    assert [p for p in left if p.name.endswith("-auto.sqlite3")] == autos[-3:][::-1]
    assert left[0] == autos[-1]  # newest first


def test_backup_works_on_sqlite_and_points_postgresql_to_pg_dump(database: Database) -> None:
    cs.create_customer(database, CustomerInput(name="恒通信息"))
    if database.dialect == "postgresql":
        with pytest.raises(BackupError, match="pg_dump"):
            dbmod.backup_database(database.engine)
        assert list(paths.backup_dir().glob("*")) == []
    else:
        backup = dbmod.backup_database(database.engine)
        assert dbmod.list_backups(_db_path(database)) == [backup]
