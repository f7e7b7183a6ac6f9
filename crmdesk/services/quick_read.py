"""The customer list's first page, read before the database layer has loaded.

SQLAlchemy and the models take about half a second to import, more than the rest of start-up
together. So on the common start (a SQLite file already at this build's schema) the app opens
the file with Python's own ``sqlite3``, reads who signs in and the first page of the plain
customer list, paints the window with it, and loads the database layer on a worker meanwhile
(``crmdesk.app``, ``crmdesk.qt.context``). Everything else waits for the real ``Database``.

Only the plain list is read here: no search text, no quick filter, not the trash, any sort
column. Anything else, a database that needs migrating, or any surprise returns None, and the
caller goes the normal way. The SQL is the same shape as ``services.customers.list_customers``
(ids from the sort index first, then their rows), and a test checks the two agree row for row
on every sort.

Plain Python and ``sqlite3`` only: this module must not import SQLAlchemy or the models.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from crmdesk import paths, schema
from crmdesk.services.changes import UserRef
from crmdesk.services.dto import CountResult, CustomerQuery, CustomerRow

log = logging.getLogger(__name__)

# The columns the list can sort by (services.customers.SORT_COLUMNS), as stored.
_SORT_COLUMNS = {
    "name": "name",
    "code": "code",
    "city": "city",
    "industry": "industry",
    "tier": "tier",
    "stage": "stage",
    "owner": "owner_id",
    "channel": "channel",
    "annual_revenue": "annual_revenue",
    "last_interaction_at": "last_interaction_at",
    "created_at": "created_at",
}
_BUSY_TIMEOUT_S = 10.0  # as crmdesk.db's connections


def sqlite_file(url: str | None) -> Path | None:
    """The SQLite file ``url`` (or ``CRMDESK_DATABASE_URL``, or the default) names, when it is
    a plain path; None for a database address, which the normal way resolves."""
    text = url or os.environ.get("CRMDESK_DATABASE_URL")
    if not text:
        return paths.default_database_path()
    if "://" in text:
        return None
    return Path(text).expanduser().resolve()


def plain(query: CustomerQuery) -> bool:
    """Whether ``query`` is the whole live list in some order (what this module reads)."""
    return not (
        query.text.strip()
        or query.tier
        or query.stage
        or query.tag_id is not None
        or query.owner_id is not None
        or query.channel
        or query.trash
    )


class QuickReader:
    """A read-only look at a SQLite file at the current schema, on the thread that opened it."""

    def __init__(self, path: Path, conn: sqlite3.Connection, user: UserRef) -> None:
        self.path = path
        self.user = user
        self._conn = conn

    @classmethod
    def open(cls, url: str | None) -> QuickReader | None:
        """The reader, or None when the normal way must open this database (not a SQLite file,
        a new or older or newer schema, no user yet, anything unexpected)."""
        path = sqlite_file(url)
        if path is None or not path.is_file():
            return None
        conn = None
        try:
            # Read on the GUI thread only; closing may come from whichever thread ends the app.
            conn = sqlite3.connect(
                path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA query_only=ON")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] != schema.head_revision():
                conn.close()
                return None
            user = _first_user(conn)
            if user is None:
                conn.close()
                return None
            return cls(path, conn, user)
        except (sqlite3.Error, OSError) as exc:
            log.info("quick start not possible (%s); opening the normal way", exc)
            if conn is not None:
                conn.close()
            return None
        except Exception:  # noqa: BLE001 - the normal way will report it properly
            log.exception("quick start failed; opening the normal way")
            if conn is not None:
                conn.close()
            return None

    def customers(
        self, query: CustomerQuery, limit: int, cap: int
    ) -> tuple[CountResult, list[CustomerRow]] | None:
        """The capped count and the first ``limit`` rows of the plain list in ``query``'s order,
        as ``count_customers``/``list_customers`` give them; None for any other query."""
        if not plain(query):
            return None
        try:
            (n,) = self._conn.execute(
                "SELECT count(*) FROM (SELECT id FROM customer WHERE deleted_at IS NULL LIMIT ?)",
                (cap + 1,),
            ).fetchone()
            counted = CountResult(cap, False) if n > cap else CountResult(n, True)
            if not n:
                return counted, []
            column = _SORT_COLUMNS.get(query.sort, "name")
            direction = " DESC" if query.descending else ""
            ids = [
                cid
                for (cid,) in self._conn.execute(
                    f"SELECT id FROM customer WHERE deleted_at IS NULL "  # noqa: S608 - fixed names
                    f"ORDER BY {column}{direction}, id{direction} LIMIT ?",
                    (limit,),
                )
            ]
            return counted, self._rows(ids)
        except sqlite3.Error as exc:
            log.info("quick read failed (%s); the list reads the normal way", exc)
            return None

    def _rows(self, ids: Sequence[int]) -> list[CustomerRow]:
        marks = ",".join("?" * len(ids))
        found = {
            r[0]: r
            for r in self._conn.execute(
                "SELECT c.id, c.code, c.name, c.kind, c.industry, c.city, c.tier, c.stage, "  # noqa: S608
                "c.segment, c.channel, c.owner_id, u.display_name, c.annual_revenue, "
                "c.last_interaction_at, c.created_at, c.deleted_at "
                "FROM customer c LEFT OUTER JOIN app_user u ON u.id = c.owner_id "
                f"WHERE c.id IN ({marks})",
                tuple(ids),
            )
        }
        tags: dict[int, list[str]] = {}
        for cid, name in self._conn.execute(
            "SELECT ct.customer_id, t.name FROM customer_tag ct "  # noqa: S608
            f'JOIN tag t ON t.id = ct.tag_id WHERE ct.customer_id IN ({marks}) ORDER BY t."group", t.name',
            tuple(ids),
        ):
            tags.setdefault(cid, []).append(name)
        contacts: dict[int, tuple[str, str | None, str | None]] = {}
        for cid, name, phone, email in self._conn.execute(
            "SELECT customer_id, name, phone, email FROM contact "  # noqa: S608
            f"WHERE customer_id IN ({marks}) AND deleted_at IS NULL "
            "ORDER BY customer_id, is_primary DESC, id",
            tuple(ids),
        ):
            contacts.setdefault(cid, (name, phone, email))
        rows = []
        for cid in ids:
            r = found.get(cid)
            if r is None:
                continue
            contact = contacts.get(cid)
            rows.append(
                CustomerRow(
                    id=r[0],
                    code=r[1],
                    name=r[2],
                    kind=r[3],
                    industry=r[4],
                    city=r[5],
                    tier=r[6],
                    stage=r[7],
                    segment=r[8],
                    channel=r[9],
                    owner_id=r[10],
                    owner_name=r[11],
                    annual_revenue=_money(r[12]),
                    last_interaction_at=_timestamp(r[13]),
                    created_at=_timestamp(r[14]),
                    deleted_at=_timestamp(r[15]),
                    tags=tuple(tags.get(cid, ())),
                    contact_name=contact[0] if contact else None,
                    phone=contact[1] if contact else None,
                    email=contact[2] if contact else None,
                )
            )
        return rows

    def close(self) -> None:
        self._conn.close()


def _first_user(conn: sqlite3.Connection) -> UserRef | None:
    """Who ``Database.sign_in()`` picks: the first active admin, else the first active user."""
    for extra in ("AND role = 'admin' ", ""):
        row = conn.execute(
            "SELECT id, username, display_name, role FROM app_user "  # noqa: S608 - fixed text
            f"WHERE active = 1 {extra}ORDER BY id LIMIT 1"
        ).fetchone()
        if row is not None:
            return UserRef(*row)
    return None


def _money(value: object) -> Decimal | None:
    # As SQLAlchemy's Numeric(18, 2) reads SQLite: two decimals.
    if value is None:
        return None
    return Decimal(f"{float(value):.2f}") if not isinstance(value, str) else Decimal(value)


def _timestamp(value: object) -> dt.datetime | None:
    # crmdesk.models.base.UtcDateTime: stored naive in UTC, read back aware.
    if value is None:
        return None
    return dt.datetime.fromisoformat(str(value)).replace(tzinfo=dt.UTC)
