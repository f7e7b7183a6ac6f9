"""Two people saving the same customer at once on one SQLite file (two app windows or processes)."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from crmdesk import db as dbmod
from crmdesk.errors import StaleEditError
from crmdesk.services import Database, audit
from crmdesk.services import customers as cs
from crmdesk.services.dto import CustomerInput


def _second_handle(first: Database) -> Database:
    engine = dbmod.create_db_engine(first.engine.url)
    other = Database(engine, dbmod.create_session_factory(engine))
    audit.install(other.session_factory)
    other.sign_in("tester")
    return other


def test_a_save_waiting_for_another_writer_is_told_it_is_stale(sqlite_db: Database) -> None:
    cid, _ = cs.create_customer(sqlite_db, CustomerInput(name="恒通信息"))
    opened = cs.get_customer(sqlite_db, cid)
    other = _second_handle(sqlite_db)
    holding = threading.Event()
    release = threading.Event()

    def slow_writer() -> None:
        with other.write() as s:
            from crmdesk.models import Customer

            c = s.get(Customer, cid)
            assert c is not None
            c.city = "深圳"
            s.flush()
            holding.set()
            release.wait(5)

    writer = threading.Thread(target=slow_writer)
    writer.start()
    assert holding.wait(5)
    threading.Timer(0.3, release.set).start()
    # The second save waits for the first instead of failing with "database is locked", then
    # sees the newer version and refuses to overwrite it.
    with pytest.raises(StaleEditError):
        cs.update_customer(sqlite_db, cid, opened.version, replace(opened.to_input(), city="上海"))
    writer.join()
    assert cs.get_customer(sqlite_db, cid).city == "深圳"
    other.close()
