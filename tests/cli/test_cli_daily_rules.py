"""``crmdesk daily-rules`` as a scheduled task runs it: it makes the revisit tasks, releases the
neglected customers to the public pool, says what it did, and a second run adds nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import Database
from crmdesk.services import followup as fu
from tests.unit.followup_office import make_office


def test_daily_rules_runs_once_a_day_without_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "office.sqlite3"
    db = Database.open(str(path))
    now = dt.datetime.now(dt.UTC)
    try:
        db.sign_in("tester")
        office = make_office(db)
        office.customer("A客户", "A", last=now - dt.timedelta(days=20))
        neglected = office.customer("C客户", "C", last=now - dt.timedelta(days=100))
        # The office uses the public pool (it is off until turned on).
        fu.save_followup_settings(db, fu.FollowupSettings(pool_enabled=True))
    finally:
        db.close()

    assert main(["daily-rules", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 revisit tasks" in out and str(path) in out
    assert "1 customers released to the public pool" in out

    assert main(["daily-rules", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 revisit tasks" in out and "0 customers released" in out

    db = Database.open(str(path))
    try:
        assert [r.customer_id for r in fu.list_pool(db)] == [neglected]
    finally:
        db.close()
