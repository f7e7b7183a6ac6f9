"""Logs: a rotating file in the log folder; unexpected errors reach it and the user, from any
thread, any Qt slot, and while the window is being built."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal, qInstallMessageHandler, qWarning

from crmdesk import logs
from crmdesk.app import run_gui
from crmdesk.qt import errors
from crmdesk.views import main_window


@pytest.fixture
def log_to_file(tmp_path, monkeypatch):
    """The app's own logging set-up, as if nothing (pytest) had set logging up before it."""
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(logs, "_crash_stream", None)
    path = logs.setup_logging(crash_trace=False)
    yield path
    for handler in root.handlers:
        handler.close()


@pytest.fixture
def hooks(monkeypatch):
    """install_excepthooks() for one test; the process's hooks are put back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors.install_excepthooks()
    yield
    qInstallMessageHandler(None)


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[errors.UnexpectedErrorDialog] = []
    monkeypatch.setattr(errors.UnexpectedErrorDialog, "exec", lambda self: shown.append(self))
    return shown


def test_the_log_file_is_in_the_log_folder_and_rotates(log_to_file, tmp_path):
    assert log_to_file == tmp_path / "logs" / "crmdesk.log"
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS


def test_an_error_in_a_qt_slot_is_shown_and_written_to_the_log(
    qapp, qtbot, log_to_file, hooks, dialogs
):
    class Emitter(QObject):
        fired = Signal()

    def broken_slot() -> None:
        raise KeyError("no such column in a slot")

    emitter = Emitter()
    emitter.fired.connect(broken_slot)
    QTimer.singleShot(0, emitter.fired.emit)
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    (dialog,) = dialogs
    assert "no such column in a slot" in dialog.message.text()
    # The dialog says where the details are kept, and they are there.
    assert str(log_to_file) in dialog.message.text()
    dialog.copy_details()
    text = log_to_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "in broken_slot" in text


def test_qt_warnings_go_to_the_log(qapp, log_to_file, hooks):
    qWarning("a warning from Qt itself")
    assert "a warning from Qt itself" in log_to_file.read_text(encoding="utf-8")


def test_a_window_that_fails_to_build_is_an_error_dialog_not_a_silent_exit(
    qapp, tmp_path, monkeypatch, hooks, dialogs
):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the window could not be built")

    monkeypatch.setattr("crmdesk.app.MainWindow", broken)
    assert main_window.MainWindow is not broken
    assert run_gui(str(tmp_path / "crm.sqlite3"), "en") == 1
    (dialog,) = dialogs
    assert "the window could not be built" in dialog.message.text()
