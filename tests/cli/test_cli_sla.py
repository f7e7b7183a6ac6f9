"""``crmdesk sla-check`` as a scheduled task runs it: it marks what fell due since the last run,
says what it did, and a second run adds nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import Database
from crmdesk.services import notifications as nt
from crmdesk.services import tickets as tk
from tests.unit.ticket_office import make_office


def _office_with_an_old_ticket(path: Path) -> tuple[int, int]:
    """A database with one ticket registered a month ago and never assigned."""
    db = Database.open(str(path))
    try:
        db.sign_in("tester")
        office = make_office(db)
        office.clock.set(dt.datetime.now(dt.UTC) - dt.timedelta(days=30))
        tid = office.ticket("上个月的投诉", category="complaint", assignee_id=None)
        return tid, office.manager
    finally:
        db.close()


def test_sla_check_marks_late_tickets_once(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "office.sqlite3"
    tid, manager = _office_with_an_old_ticket(path)

    assert main(["sla-check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Checked 1 open tickets" in out and str(path) in out
    assert "1 newly past their deadline" in out
    # The ticket had no assignee: the administrators (tester and 管理员) were told.
    assert "2 notifications sent" in out

    assert main(["sla-check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 newly past their deadline, 0 notifications sent" in out

    db = Database.open(str(path))
    try:
        assert tk.get_ticket(db, tid).breached
        assert nt.unread_count(db, manager) == 0
    finally:
        db.close()


def test_sla_check_refuses_a_database_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    assert main(["sla-check", "--db", str(missing)]) == 1
    assert "There is no database at" in capsys.readouterr().err
    assert not missing.exists()
