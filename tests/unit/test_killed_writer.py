"""A crmdesk process killed in the middle of a big write (power cut, task manager) loses only
the unfinished write: the database opens, is sound, and search still agrees with the data."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from crmdesk import db as dbmod
from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services.dto import CustomerInput, CustomerQuery

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

WRITER = textwrap.dedent(
    """
    import sys
    from sqlalchemy import insert
    from crmdesk import db as dbmod
    from crmdesk.models import Customer
    from crmdesk.services.text import build_search_text, company_key

    engine = dbmod.create_db_engine(sys.argv[1])

    def rows(start, n, tag):
        return [
            {
                "code": f"{tag}{i:07d}",
                "name": f"{tag}客户{i}",
                "name_key": company_key(f"{tag}客户{i}"),
                "search_text": build_search_text([f"{tag}客户{i}", f"{tag}{i:07d}"]),
            }
            for i in range(start, start + n)
        ]

    with engine.begin() as conn:  # committed work that must survive
        conn.execute(insert(Customer), rows(0, 200, "DONE"))

    with engine.begin() as conn:  # the write that is cut off
        # A small page cache makes SQLite spill the unfinished transaction into the WAL file,
        # so the kill leaves uncommitted frames on disk, as a big import would.
        conn.exec_driver_sql("PRAGMA cache_size=20")
        i = 0
        while True:
            conn.execute(insert(Customer), rows(i, 500, "HALF"))
            i += 500
            if i == 5000:
                print("ready", flush=True)
    """
)


def _count(db: Database, q: str) -> int:
    return cs.count_customers(db, CustomerQuery(text=q)).count


def test_a_writer_killed_mid_transaction_leaves_a_sound_database(
    sqlite_db: Database, tmp_path: Path
) -> None:
    path = dbmod.sqlite_path(sqlite_db.engine.url)
    assert path is not None
    sqlite_db.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
        wal = Path(str(path) + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # unfinished pages reached the disk
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    database = Database.open(str(path))
    database.sign_in("tester")
    try:
        assert dbmod.integrity_check(database.engine) == "ok"
        assert cs.count_customers(database, CustomerQuery()).count == 200
        assert _count(database, "done客户") == 200
        assert _count(database, "half客户") == 0
        assert _count(database, "DONE0000199") == 1
        # Usable: a new customer is saved and found; the search index agrees with the table.
        cid, _ = cs.create_customer(database, CustomerInput(name="恒通信息科技"))
        assert [r.id for r in cs.list_customers(database, CustomerQuery(text="恒通"))] == [cid]
        with database.engine.begin() as conn:
            conn.execute(text("INSERT INTO customer_fts(customer_fts) VALUES('integrity-check')"))
            indexed = conn.execute(text("SELECT count(*) FROM customer_fts")).scalar()
        assert indexed == 201
    finally:
        database.close()
