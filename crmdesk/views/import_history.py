"""Import history: every import with its file, time, user and counts; undo one that is done."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.errors import CrmError
from crmdesk.qt.context import AppContext
from crmdesk.qt.import_labels import left_alone_lines
from crmdesk.qt.import_models import HistoryModel
from crmdesk.qt.service_text import error_text
from crmdesk.qt.simple_models import user_locale
from crmdesk.services import ChangeSet


def _engine():  # noqa: ANN202
    from crmdesk.services.importing import engine  # noqa: PLC0415

    return engine


class ImportHistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._closed = False
        self.undo_result: Any = None
        self.setWindowTitle(self.tr("Import history"))
        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self)
        self.undo_button = QPushButton(self.tr("&Undo import…"), self)
        self.undo_button.clicked.connect(self.undo_selected)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.left_alone = QListWidget(self)
        self.left_alone.setMaximumHeight(120)
        self.left_alone.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        row.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Undoing an import removes the customers it created and gives the "
                    "customers it updated their previous values back. Customers edited since "
                    "are left alone."
                ),
                self,
                wordWrap=True,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.left_alone)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.resize(900, 480)
        self.reload()

    def reload(self) -> None:
        db = self.ctx.db

        def done(rows: list[Any]) -> None:
            if self._closed:
                return
            self.model.set_rows(rows)
            header = self.table.horizontalHeader()
            for i in range(1, self.model.columnCount()):
                self.table.resizeColumnToContents(i)
                header.resizeSection(i, max(header.sectionSize(i), 70))
            self.empty_label.setText("" if rows else self.tr("Nothing has been imported yet."))
            if rows:
                self.table.selectRow(0)

        self.ctx.tasks.submit(lambda: _engine().list_imports(db), done)

    def selected_batch(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.batch(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        batch = self.selected_batch()
        self.undo_button.setEnabled(batch is not None and batch.status == "done")

    def undo_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None or batch.status != "done":
            return
        loc = user_locale()
        answer = QMessageBox.question(
            self,
            self.tr("Undo import"),
            self.tr(
                "Undo the import of %1? The %2 customers it created are removed and the %3 it "
                "updated get their previous values back."
            )
            .replace("%1", batch.file_name)
            .replace("%2", loc.toString(batch.created))
            .replace("%3", loc.toString(batch.updated)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, batch_id = self.ctx.db, batch.id
        self.undo_button.setEnabled(False)

        def done(undo: Any) -> None:
            self.undo_result = undo
            self.ctx.bus.data_changed.emit(ChangeSet(everything=True), self)
            if self._closed:
                return
            lines = left_alone_lines(undo.left_alone)
            text = self.tr(
                "The import of %1 was undone: %2 records removed, %Ln customers restored.",
                "",
                undo.restored,
            )
            text = text.replace("%1", batch.file_name).replace("%2", loc.toString(undo.removed))
            if lines:
                text += " " + self.tr(
                    "%Ln customers were changed after the import and were left alone:",
                    "",
                    len(lines),
                )
            self.result_label.setText(text)
            self.result_label.setStyleSheet("")
            self.left_alone.clear()
            self.left_alone.addItems(lines)
            self.left_alone.setVisible(bool(lines))
            self.reload()

        def failed(exc: BaseException) -> None:
            if self._closed:
                return
            self.result_label.setText(error_text(exc))
            self.result_label.setStyleSheet("color: #c62828;")
            self._update_buttons()
            if not isinstance(exc, CrmError):
                self.ctx.tasks.default_error_handler(exc)

        self.ctx.tasks.submit(lambda: _engine().undo_import(db, batch_id), done, failed, write=True)

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        # Enter on the table does not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            return
        super().keyPressEvent(event)
