"""The deal dialog's second and third tabs: the deal's quotes and contracts (add, edit,
delete), and its orders with the payments received (回款). Writes go through the dialog, which
announces them on the bus and reads the deal again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.deal_models import money
from crmdesk.qt.labels import label
from crmdesk.qt.simple_models import fmt_date
from crmdesk.views.deal_editors import (
    DocumentDialog,
    OrderDialog,
    PaymentDialog,
    document_kind_text,
    document_status_text,
    today_of,
)


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[int], right: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, (values, row_id) in enumerate(zip(rows, ids, strict=True)):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _selected_id(table: QTableWidget) -> int | None:
    items = table.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


class DocumentsTab(QWidget):
    """The deal's live quotes and contracts, newest first."""

    def __init__(self, dialog: Any) -> None:  # noqa: ANN401 - the DealDialog
        super().__init__(dialog)
        self.dialog = dialog
        layout = QVBoxLayout(self)
        self.documents = _table(
            self,
            [
                self.tr("Type"),
                self.tr("Number"),
                self.tr("Amount"),
                self.tr("Status"),
                self.tr("Issued / signed"),
                self.tr("Valid until / ends"),
            ],
        )
        self.documents.doubleClicked.connect(lambda _i: self.edit_document())
        buttons = QHBoxLayout()
        self.add_quote_button = QPushButton(self.tr("Add quote…"), self)
        self.add_quote_button.clicked.connect(lambda: self.add_document("quote"))
        self.add_contract_button = QPushButton(self.tr("Add contract…"), self)
        self.add_contract_button.clicked.connect(lambda: self.add_document("contract"))
        self.edit_document_button = QPushButton(self.tr("Edit…"), self)
        self.edit_document_button.clicked.connect(self.edit_document)
        self.delete_document_button = QPushButton(self.tr("Delete"), self)
        self.delete_document_button.clicked.connect(self.delete_document)
        for b in (
            self.add_quote_button,
            self.add_contract_button,
            self.edit_document_button,
            self.delete_document_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addWidget(self.documents, 1)
        layout.addLayout(buttons)

    def fill(self, documents: list[Any]) -> None:
        rows = [
            [
                document_kind_text(x.kind),
                x.number,
                money(x.amount, x.currency),
                document_status_text(x.status),
                fmt_date(x.issued_on if x.kind == "quote" else (x.signed_on or x.issued_on)),
                fmt_date(x.valid_until if x.kind == "quote" else x.ends_on),
            ]
            for x in documents
        ]
        _fill(self.documents, rows, [x.id for x in documents], {2})

    def _document(self, document_id: int | None) -> Any:  # noqa: ANN401
        return next((x for x in self.dialog.detail.documents if x.id == document_id), None)

    def add_document(self, kind: str) -> DocumentDialog:
        from crmdesk.services import pipeline

        dialog = DocumentDialog(self, kind)
        dialog.amount.setValue(float(self.dialog.detail.amount))
        dialog.currency.setCurrentText(self.dialog.detail.currency)
        dialog.issued_on.set_value(today_of(self.dialog.ctx))
        db, deal_id = self.dialog.ctx.db, self.dialog.detail.id

        def accepted() -> None:
            data = dialog.value()
            self.dialog._write(lambda: pipeline.add_document(db, deal_id, data))

        dialog.accepted.connect(accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_document(self) -> DocumentDialog | None:
        from crmdesk.services import pipeline

        row = self._document(_selected_id(self.documents))
        if row is None:
            return None
        dialog = DocumentDialog(self, row.kind, row)
        db = self.dialog.ctx.db

        def accepted() -> None:
            data = dialog.value()
            self.dialog._write(lambda: pipeline.update_document(db, row.id, data, row.version))

        dialog.accepted.connect(accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def delete_document(self) -> None:
        from crmdesk.services import pipeline

        row = self._document(_selected_id(self.documents))
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete document"),
            self.tr("Delete %1 %2?")
            .replace("%1", document_kind_text(row.kind))
            .replace("%2", row.number),
        )
        if answer == QMessageBox.StandardButton.Yes:
            db = self.dialog.ctx.db
            self.dialog._write(lambda: pipeline.delete_document(db, row.id))


class OrdersTab(QWidget):
    """The orders made from the deal and the payments received for them."""

    def __init__(self, dialog: Any) -> None:  # noqa: ANN401 - the DealDialog
        super().__init__(dialog)
        self.dialog = dialog
        layout = QVBoxLayout(self)
        self.orders_title = QLabel(self)
        self.orders = _table(
            self,
            [
                self.tr("Number"),
                self.tr("Ordered on"),
                self.tr("Amount"),
                self.tr("Paid"),
                self.tr("Status"),
            ],
        )
        self.orders.doubleClicked.connect(lambda _i: self.edit_order())
        self.payments_title = QLabel(self)
        self.payments_table = _table(
            self,
            [
                self.tr("Paid on"),
                self.tr("Amount"),
                self.tr("Order"),
                self.tr("Method"),
                self.tr("Note"),
            ],
        )
        buttons = QHBoxLayout()
        self.add_order_button = QPushButton(self.tr("Add order…"), self)
        self.add_order_button.clicked.connect(self.add_order)
        self.add_payment_button = QPushButton(self.tr("Add payment…"), self)
        self.add_payment_button.clicked.connect(self.add_payment)
        self.delete_payment_button = QPushButton(self.tr("Delete payment"), self)
        self.delete_payment_button.clicked.connect(self.delete_payment)
        for b in (self.add_order_button, self.add_payment_button, self.delete_payment_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addWidget(self.orders_title)
        layout.addWidget(self.orders, 1)
        layout.addWidget(self.payments_title)
        layout.addWidget(self.payments_table, 1)
        layout.addLayout(buttons)

    def fill(self, orders: list[Any], payments: list[Any]) -> None:
        d = self.dialog.detail
        order_ids = {o.id for o in orders}
        # The payments of this deal's orders, and the customer's payments for no order.
        self.payments = [p for p in payments if p.order_id in order_ids or p.order_id is None]
        rows = [
            [
                o.number,
                fmt_date(o.ordered_on),
                money(o.amount, o.currency),
                money(o.paid, o.currency),
                label("order_status", o.status),
            ]
            for o in orders
        ]
        _fill(self.orders, rows, [o.id for o in orders], {2, 3})
        prows = [
            [
                fmt_date(p.paid_on),
                money(p.amount, d.currency),
                p.order_number or "",
                p.method or "",
                p.note or "",
            ]
            for p in self.payments
        ]
        _fill(self.payments_table, prows, [p.id for p in self.payments], {1})
        ordered = sum((o.amount for o in orders if o.status != "cancelled"), start=d.amount * 0)
        paid = sum((p.amount for p in self.payments if p.order_id in order_ids), start=d.amount * 0)
        self.orders_title.setText(
            self.tr("Orders from this deal: %1 · ordered %2 · received %3")
            .replace("%1", str(len(orders)))
            .replace("%2", money(ordered, d.currency))
            .replace("%3", money(paid, d.currency))
        )
        self.payments_title.setText(self.tr("Payments received"))

    def add_order(self) -> OrderDialog:
        from crmdesk.services import pipeline

        d = self.dialog.detail
        dialog = OrderDialog(self, today_of(self.dialog.ctx), d.amount, d.currency)
        db = self.dialog.ctx.db

        def accepted() -> None:
            data = dialog.value(d.id)
            self.dialog._write(lambda: pipeline.add_order(db, d.customer_id, data))

        dialog.accepted.connect(accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_order(self) -> OrderDialog | None:
        from crmdesk.services import pipeline

        order_id = _selected_id(self.orders)
        row = next((o for o in self.dialog.detail.orders if o.id == order_id), None)
        if row is None:
            return None
        dialog = OrderDialog(self, today_of(self.dialog.ctx), row=row)
        db, deal_id = self.dialog.ctx.db, self.dialog.detail.id

        def accepted() -> None:
            data = dialog.value(deal_id)
            self.dialog._write(lambda: pipeline.update_order(db, row.id, data))

        dialog.accepted.connect(accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_payment(self) -> PaymentDialog:
        from crmdesk.services import pipeline

        d = self.dialog.detail
        dialog = PaymentDialog(self, today_of(self.dialog.ctx), d.orders, _selected_id(self.orders))
        db = self.dialog.ctx.db

        def accepted() -> None:
            data = dialog.value()
            self.dialog._write(lambda: pipeline.add_payment(db, d.customer_id, data))

        dialog.accepted.connect(accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def delete_payment(self) -> None:
        from crmdesk.services import pipeline

        payment_id = _selected_id(self.payments_table)
        if payment_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete payment"), self.tr("Delete the selected payment?")
        )
        if answer == QMessageBox.StandardButton.Yes:
            db = self.dialog.ctx.db
            self.dialog._write(lambda: pipeline.delete_payment(db, payment_id))
