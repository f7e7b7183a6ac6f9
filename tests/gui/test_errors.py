"""Failures reach the user as sentences; bugs as an "Unexpected error" with details."""

from __future__ import annotations

import sqlite3
import sys
import threading

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from crmdesk.app import build_main_window, run_gui
from crmdesk.errors import ValidationError
from crmdesk.qt import errors
from crmdesk.qt.settings import Settings


@pytest.fixture
def warnings(monkeypatch):
    seen: list[str] = []

    def warning(_parent, _title, text, *args, **kwargs):
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return seen


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[errors.UnexpectedErrorDialog] = []

    def exec_(self):
        shown.append(self)
        return 0

    monkeypatch.setattr(errors.UnexpectedErrorDialog, "exec", exec_)
    return shown


def boom() -> None:
    raise ZeroDivisionError("division by zero in a test")


def test_a_crm_error_is_a_warning_with_its_sentence(qapp, warnings, dialogs):
    errors.show_error(None, ValidationError("A customer needs a name."))
    assert warnings == ["A customer needs a name."]
    assert dialogs == []


def test_a_bug_shows_the_unexpected_error_dialog_with_the_traceback(
    qapp, warnings, dialogs, caplog
):
    try:
        boom()
    except ZeroDivisionError as exc:
        errors.show_error(None, exc)
    assert warnings == []
    (dialog,) = dialogs
    assert dialog.windowTitle() == "Unexpected error"
    assert "ZeroDivisionError: division by zero in a test" in dialog.message.text()
    assert "in boom" in dialog.text.toPlainText()
    assert "Traceback" in caplog.text
    dialog.copy_details()
    assert "in boom" in QGuiApplication.clipboard().text()


def test_background_task_errors_go_to_the_same_place(app_context, qtbot, warnings, dialogs):
    window = build_main_window(app_context, Settings())
    qtbot.addWidget(window)

    def refuse() -> None:
        raise ValidationError("Only customers in the trash can be erased permanently.")

    app_context.tasks.submit(refuse)
    app_context.tasks.submit(boom)
    app_context.tasks.wait_idle()
    assert warnings == ["Only customers in the trash can be erased permanently."]
    assert len(dialogs) == 1


def test_uncaught_exceptions_in_any_thread_are_shown(qapp, qtbot, monkeypatch, dialogs):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors.install_excepthooks()
    try:
        boom()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    worker = threading.Thread(target=boom)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(dialogs) == 2)
    assert "in boom" in dialogs[1].details


def test_a_database_from_a_newer_version_is_refused_with_exit_code_1(
    qapp, tmp_path, monkeypatch, warnings, dialogs
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = tmp_path / "future.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES ('ffffffffffff')")
    con.commit()
    con.close()
    assert run_gui(str(path), "en") == 1
    assert len(warnings) == 1 and "newer version of crmdesk" in warnings[0]
    assert dialogs == []
