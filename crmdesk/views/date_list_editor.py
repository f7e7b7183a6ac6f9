"""A list of dates to edit: add one from a calendar, paste (or load from a file) many at once,
remove the selected ones. The service desk settings use it for holidays and make-up days."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.service_text import error_text
from crmdesk.services import CrmError
from crmdesk.services import service_settings as settings_service
from crmdesk.views.widgets import Banner

# A pasted list of dates is a few kilobytes; anything far larger is the wrong file.
MAX_DATE_FILE_BYTES = 1_000_000


class PasteDatesDialog(QDialog):
    """Paste (or load from a text/CSV file) a list of dates; OK adds them all."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.dates: list[dt.date] = []
        intro = QLabel(
            self.tr(
                "Paste dates, one per line or separated by commas, e.g. 2026-10-01, 2026/10/1 "
                "or 2026年10月1日. A range such as 2026-10-01 ~ 2026-10-07 adds every day in it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.error_banner = Banner("error", self)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText("2026-10-01 ~ 2026-10-07\n2026-10-10")
        self.load_button = QPushButton(self.tr("Load from file…"), self)
        self.load_button.clicked.connect(self.load_file)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.addButton(self.load_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(460, 320)

    def load_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load dates"),
            "",
            self.tr("Text or CSV files (*.txt *.csv);;All files (*)"),
        )
        if name:
            self.load_path(Path(name))

    def load_path(self, path: Path) -> None:
        try:
            if path.stat().st_size > MAX_DATE_FILE_BYTES:
                self.error_banner.show_text(
                    html.escape(
                        self.tr("%1 is too large to be a list of dates.").replace("%1", path.name)
                    )
                )
                return
            raw = path.read_bytes()
        except OSError as exc:
            self.error_banner.show_text(
                html.escape(
                    self.tr("%1 cannot be read: %2")
                    .replace("%1", path.name)
                    .replace("%2", exc.strerror or str(exc))
                )
            )
            return
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                self.text.setPlainText(raw.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        self.error_banner.hide()

    def accept(self) -> None:
        try:
            self.dates = settings_service.parse_dates(self.text.toPlainText())
        except CrmError as exc:
            self.error_banner.show_text(html.escape(error_text(exc)))
            return
        super().accept()


class DateListEditor(QWidget):
    """A sorted list of dates with add (one, or a pasted list) and remove."""

    changed = Signal()

    def __init__(self, paste_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paste_title = paste_title
        self._dates: set[dt.date] = set()
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate.currentDate())
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(lambda: self.add_dates([self.date_edit.date().toPython()]))
        self.paste_button = QPushButton(self.tr("Paste list…"), self)
        self.paste_button.setToolTip(self.tr("Add many dates at once, pasted or from a file"))
        self.paste_button.clicked.connect(self.paste_list)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_selected)
        add_row = QHBoxLayout()
        add_row.addWidget(self.date_edit, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.paste_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(add_row)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def dates(self) -> frozenset[dt.date]:
        return frozenset(self._dates)

    def set_dates(self, dates: frozenset[dt.date] | set[dt.date]) -> None:
        self._dates = set(dates)
        self._rebuild()

    def add_dates(self, dates: list[dt.date]) -> None:
        self._dates.update(dates)
        self._rebuild()
        if dates:
            # Show where the (first) new date went.
            for row in range(self.list.count()):
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) == min(dates):
                    self.list.setCurrentRow(row)
                    break

    def remove_selected(self) -> None:
        chosen = {i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()}
        if chosen:
            self._dates -= chosen
            self._rebuild()

    def paste_list(self) -> None:
        dialog = PasteDatesDialog(self.paste_title, self)
        dialog.accepted.connect(lambda: self.add_dates(dialog.dates))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.paste_dialog = dialog

    def _rebuild(self) -> None:
        self.list.clear()
        locale = self.locale()
        for d in sorted(self._dates):
            weekday = locale.dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)
            item = QListWidgetItem(f"{d.isoformat()}  {weekday}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, d)
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
