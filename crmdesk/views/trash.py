"""The Trash: deleted customers, to restore or to erase for good (a PIPL/GDPR request)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.customer_model import COLUMN_KEYS, CustomerTableModel
from crmdesk.services import ChangeSet
from crmdesk.services import customers as customer_service
from crmdesk.services.dto import CustomerQuery
from crmdesk.views.customer_list import DEFAULT_WIDTHS, configure_table

SHOWN = ("code", "name", "tier", "stage", "owner", "city", "contact", "phone")


class TrashDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Trash"))
        self.intro = QLabel(
            self.tr(
                "Deleted customers stay here until you restore them or erase them permanently."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.model = CustomerTableModel(ctx, self)
        self.table = QTableView(self)
        configure_table(self.table)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for i, key in enumerate(COLUMN_KEYS):
            header.setSectionHidden(i, key not in SHOWN)
            header.resizeSection(i, DEFAULT_WIDTHS.get(key, 100))
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.table.setSortingEnabled(True)
        self.count_label = QLabel(self)

        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.erase_button = QPushButton(self.tr("Erase permanently…"), self)
        self.erase_button.clicked.connect(self.erase_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.erase_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

        self.model.count_changed.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        self.model.set_query(CustomerQuery(trash=True))
        self._update_buttons()
        self.resize(900, 520)

    def _update_count(self, count: int, exact: bool) -> None:
        if count == 0:
            self.count_label.setText(self.tr("The trash is empty."))
        else:
            number = self.locale().toString(count)
            text = self.tr("%1+ in the trash") if not exact else self.tr("%1 in the trash")
            self.count_label.setText(text.replace("%1", number))

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.restore_button.setEnabled(selected)
        self.erase_button.setEnabled(selected)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [cid for cid in (self.model.customer_id(r) for r in rows) if cid is not None]

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        db = self.ctx.db
        n = len(ids)

        def done(changes: ChangeSet) -> None:
            self.ctx.bus.data_changed.emit(changes, self)
            self.ctx.bus.status_message_requested.emit(
                self.tr("Restored %Ln customers from the trash.", "", n)
            )

        self.restore_button.setEnabled(False)
        self.ctx.tasks.submit(lambda: customer_service.restore_customers(db, ids), done, write=True)

    def erase_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        n = len(ids)
        answer = QMessageBox.question(
            self,
            self.tr("Erase permanently"),
            self.tr(
                "Erase %Ln customers and everything about them (contacts, timeline, tickets, "
                "deals, orders) permanently? This cannot be undone.",
                "",
                n,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self.ctx.db

        def done(changes: ChangeSet) -> None:
            self.ctx.bus.data_changed.emit(changes, self)
            self.ctx.bus.status_message_requested.emit(
                self.tr("Erased %Ln customers permanently.", "", n)
            )

        self.erase_button.setEnabled(False)
        self.ctx.tasks.submit(lambda: customer_service.erase_customers(db, ids), done, write=True)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        # Enter restores rather than closing the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.restore_selected()
            return
        super().keyPressEvent(event)
