"""One crmdesk per database: a second launch brings the running window to the front instead."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from crmdesk.app import database_key
from crmdesk.qt.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def key() -> str:
    # Unique per test: the lock and the socket live in the machine's temporary folder.
    return f"/tmp/test-{uuid.uuid4().hex}/crm.sqlite3"


@pytest.fixture
def instances():
    made: list[SingleInstance] = []
    yield made
    for instance in made:
        instance.release()


def make(key: str, instances: list[SingleInstance]) -> SingleInstance:
    instance = SingleInstance(key)
    instances.append(instance)
    return instance


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "CRMDESK_DATA_DIR": str(tmp_path / "data"),
        "CRMDESK_LOG_DIR": str(tmp_path / "logs"),
        "CRMDESK_SETTINGS_DIR": str(tmp_path / "settings"),
        "CRMDESK_BACKUP_DIR": str(tmp_path / "backups"),
    }


def test_a_second_launch_raises_the_first_window(qtbot, key, instances):
    first = make(key, instances)
    assert first.claim()
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    first.window = window
    second = make(key, instances)
    assert not second.claim()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        # In one process the first cannot answer while the second waits: do not wait.
        assert second.notify_running(reply_ms=0)
    assert window.isVisible()
    assert not window.windowState() & Qt.WindowState.WindowMinimized


def test_another_database_opens_beside_it_and_a_closed_one_can_be_reopened(key, instances):
    first = make(key, instances)
    assert first.claim()
    assert make(key + "-other", instances).claim()
    first.release()
    assert make(key, instances).claim()


def test_a_lock_and_socket_left_by_a_crashed_instance_are_taken_over(
    qtbot, key, instances, tmp_path
):
    crash = textwrap.dedent(
        f"""
        import os
        from PySide6.QtCore import QCoreApplication
        from crmdesk.qt.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance({key!r})
        assert instance.claim() and instance.server is not None
        os._exit(0)  # dies holding the lock, leaving its socket file behind
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", crash], env=_env(tmp_path), capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode()
    heir = make(key, instances)
    assert heir.claim()
    late = make(key, instances)
    assert not late.claim()
    with qtbot.waitSignal(heir.activation_requested, timeout=5000):
        assert late.notify_running(reply_ms=0)


def test_a_second_crmdesk_on_the_same_database_exits_and_raises_the_first(
    qtbot, instances, tmp_path
):
    path = tmp_path / "office.sqlite3"
    first = make(database_key(str(path)), instances)
    assert first.claim()
    raised: list[bool] = []
    first.activation_requested.connect(lambda: raised.append(True))
    # Launched from another folder with a relative path to the same file.
    (tmp_path / "data").mkdir()
    second = subprocess.Popen(
        [sys.executable, "-m", "crmdesk", "--db", "../office.sqlite3"],
        cwd=tmp_path / "data",
        env=_env(tmp_path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0, second.stderr.read().decode() if second.stderr else ""
    assert raised == [True]
    # It handed over before touching the database: no second copy ever opened it.
    assert not path.exists()


def test_the_database_key_is_the_file_whatever_path_names_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert database_key("crm.sqlite3") == database_key(str(tmp_path / "x" / ".." / "crm.sqlite3"))
    assert database_key("crm.sqlite3") != database_key("other.sqlite3")
    assert "secret" not in database_key("postgresql://me:secret@server/crm")


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGTERM on Windows")
def test_sigterm_closes_the_app_as_the_user_would_and_releases_the_database(tmp_path):
    path = tmp_path / "office.sqlite3"
    env = _env(tmp_path)
    log_file = tmp_path / "logs" / "crmdesk.log"
    app = subprocess.Popen(
        [sys.executable, "-m", "crmdesk", "--db", str(path), "--lang", "en"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while "started on" not in (log_file.read_text("utf-8") if log_file.exists() else ""):
            assert app.poll() is None and time.monotonic() < deadline, "the app did not start"
            time.sleep(0.05)
        app.send_signal(signal.SIGTERM)
        assert app.wait(30) == 0, app.stderr.read().decode() if app.stderr else ""
    finally:
        if app.poll() is None:
            app.kill()
    # The window was closed, not killed: its layout was saved, and the database is free.
    settings = (tmp_path / "settings").rglob("*.ini")
    assert any("geometry" in ini.read_text("utf-8") for ini in settings)
    again = SingleInstance(database_key(str(path)))
    try:
        assert again.claim() and again.server is not None
    finally:
        again.release()
