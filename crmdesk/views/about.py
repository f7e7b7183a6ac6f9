"""About crmdesk: the version, what it runs on, and where its files are, with a way to open
each folder (what someone helping a user over the phone asks first)."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import crmdesk
from crmdesk.paths import log_dir
from crmdesk.qt.context import AppContext
from crmdesk.services import maintenance


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager (Explorer, Finder…)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    """The version, Qt/PySide6/Python versions and the database, backup and log folders."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", crmdesk.APP_DISPLAY_NAME))
        db = ctx.db
        db_file = maintenance.database_file(db)
        self.folders: dict[str, Path] = {
            "backups": maintenance.backup_folder(),
            "logs": log_dir(),
        }
        if db_file is not None:
            self.folders["database"] = db_file.parent

        icon = QLabel(self)
        icon.setPixmap(QApplication.windowIcon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(f"<h2>{crmdesk.APP_DISPLAY_NAME} {crmdesk.__version__}</h2>", self)
        self.versions = QLabel(
            self.tr("Qt %1, PySide6 %2, Python %3")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
            .replace("%3", platform.python_version()),
            self,
        )
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(QLabel(self.tr("A desktop CRM for small offices."), self))
        heading.addWidget(self.versions)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.paths: dict[str, QLabel] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        rows = (
            ("database", self.tr("Database"), str(db_file) if db_file else db.url_display),
            ("backups", self.tr("Backups"), str(self.folders["backups"])),
            ("logs", self.tr("Logs"), str(self.folders["logs"])),
        )
        for row, (key, name, where) in enumerate(rows):
            grid.addWidget(QLabel(name + ":", self), row, 0)
            shown = QLabel(where, self)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            grid.addWidget(shown, row, 1)
            self.paths[key] = shown
            if key in self.folders:
                button = QPushButton(self.tr("Open folder"), self)
                button.clicked.connect(lambda _=False, k=key: open_folder(self.folders[k]))
                grid.addWidget(button, row, 2)
                self.open_buttons[key] = button

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def details(self) -> str:
        """Plain text for a support request: versions, system and folders."""
        lines = [
            f"{crmdesk.APP_DISPLAY_NAME} {crmdesk.__version__}",
            self.versions.text(),
            f"{platform.system()} {platform.release()} {platform.machine()}",
        ]
        lines += [f"{key}: {label.text()}" for key, label in self.paths.items()]
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copy_button.setText(self.tr("Copied"))
