"""`crmdesk --self-test`: passes on a working installation, and names the step that fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crmdesk import selftest

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_from_an_unrelated_folder_and_leaves_nothing_behind(tmp_path):
    home = tmp_path / "home"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    for name in (
        "CRMDESK_DATA_DIR",
        "CRMDESK_BACKUP_DIR",
        "CRMDESK_LOG_DIR",
        "CRMDESK_SETTINGS_DIR",
    ):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "crmdesk", "--self-test"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name, _step in selftest.STEPS:
        assert any(line.startswith("ok") and name in line for line in lines), name
    assert lines[-1].startswith("self-test passed")
    assert list(elsewhere.iterdir()) == []
    # No database, backup or settings in the user's folders: only the self-test's log.
    made = sorted(p.name for p in home.rglob("*") if p.is_file())
    assert made == ["crmdesk-selftest.log"]


def test_a_failing_step_is_named_and_the_exit_status_is_1(qapp, monkeypatch):
    monkeypatch.setattr(selftest, "SHEET_CUSTOMERS", 9)
    said: list[str] = []
    assert selftest.run_self_test(said.append) == 1
    assert "FAILED import: 8 customers created, not 9" in said
    assert said[-1].startswith("self-test FAILED at step 'import'")
    assert not any("main window" in line for line in said)
