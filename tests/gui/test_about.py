"""About: the version and where the files are, with buttons that open those folders."""

from __future__ import annotations

import platform
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication

import crmdesk
from crmdesk.app import create_application
from crmdesk.views.about import AboutDialog


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    seen: list[Path] = []

    def open_url(url: QUrl) -> bool:
        seen.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return seen


def test_about_names_the_versions_and_the_folders(app_context, qtbot, tmp_path):
    create_application()
    dialog = AboutDialog(app_context)
    qtbot.addWidget(dialog)
    assert crmdesk.__version__ in dialog.title.text()
    assert qVersion() in dialog.versions.text()
    assert platform.python_version() in dialog.versions.text()
    assert dialog.paths["database"].text() == str(tmp_path / "crm.sqlite3")
    assert dialog.paths["backups"].text() == str(tmp_path / "backups")
    assert dialog.paths["logs"].text() == str(tmp_path / "logs")
    assert dialog.windowTitle() == "About crmdesk"


def test_each_folder_opens_in_the_file_manager(app_context, qtbot, tmp_path, opened):
    dialog = AboutDialog(app_context)
    qtbot.addWidget(dialog)
    for key in ("database", "backups", "logs"):
        dialog.open_buttons[key].click()
    assert opened == [tmp_path, tmp_path / "backups", tmp_path / "logs"]


def test_copy_details_puts_version_and_folders_on_the_clipboard(app_context, qtbot, tmp_path):
    dialog = AboutDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert f"crmdesk {crmdesk.__version__}" in text
    assert str(tmp_path / "logs") in text
    assert dialog.copy_button.text() == "Copied"


def test_the_version_comes_from_the_package_metadata():
    from importlib import metadata

    assert crmdesk.__version__ == metadata.version("crmdesk")
    assert crmdesk.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert crmdesk.version_tuple("2.0rc1+local") == (2, 0, 0, 0)
