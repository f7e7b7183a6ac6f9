"""Backups and restores of the open database, for the File menu and the start-up check.

The screens may not import ``crmdesk.db``; they come here. Everything in this module may take a
while, so the screens run it through the task runner.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from crmdesk import db as dbmod
from crmdesk import paths
from crmdesk.errors import BackupError
from crmdesk.services.core import Database

AUTO_BACKUP_EVERY = dt.timedelta(hours=24)


class BackupInfo(NamedTuple):
    """(path, size, mtime) of one backup file."""

    path: Path
    size: int
    mtime: dt.datetime

    @property
    def automatic(self) -> bool:
        return self.path.stem.endswith("-auto")


def database_file(db: Database) -> Path | None:
    """The SQLite file behind ``db``, or None for PostgreSQL."""
    return dbmod.sqlite_path(db.engine.url)


def backup_folder() -> Path:
    return paths.backup_dir()


def _require_file(db: Database) -> Path:
    path = database_file(db)
    if path is None:
        raise BackupError(
            "Backups from inside crmdesk are for SQLite databases; back a PostgreSQL "
            "database up with pg_dump."
        )
    return path


def backup_now(db: Database) -> Path:
    """Write a verified copy of the database into the backup folder; returns the new file."""
    _require_file(db)
    return dbmod.backup_database(db.engine, reason="manual")


def list_backups(db: Database) -> list[BackupInfo]:
    """The backups of this database, newest first."""
    path = database_file(db)
    if path is None:
        return []
    out = []
    for p in dbmod.list_backups(path):
        try:
            st = p.stat()
        except OSError:
            continue
        out.append(BackupInfo(p, st.st_size, dt.datetime.fromtimestamp(st.st_mtime)))
    return out


def auto_backup_due(db: Database, now: dt.datetime | None = None) -> bool:
    """True when the database is a SQLite file whose newest automatic backup is over 24 h old."""
    path = database_file(db)
    if path is None or not path.exists():
        return False
    now = now or dt.datetime.now()
    automatic = [b for b in list_backups(db) if b.automatic]
    return not automatic or now - automatic[0].mtime > AUTO_BACKUP_EVERY


def auto_backup(db: Database) -> Path | None:
    """Take the daily automatic backup if it is due (old automatic copies rotate out)."""
    if not auto_backup_due(db):
        return None
    return dbmod.backup_database(db.engine, reason="auto")


def restore(db: Database, backup_path: Path) -> Path | None:
    """Replace the database with ``backup_path``. The current file is kept as a backup first;
    returns where. Every connection is closed before the file is replaced: the application
    must be restarted afterwards, it cannot go on with this ``db``."""
    path = _require_file(db)
    dbmod.dispose_quietly(db.engine)
    return dbmod.restore_database(Path(backup_path), path)
