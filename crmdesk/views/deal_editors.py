"""The small forms of the deal dialog: a quote or contract (报价单 / 合同), an order and a
payment (回款). Each validates what it can on the spot and shows the services' field errors
next to the field; it returns plain input objects, the caller writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.labels import label
from crmdesk.qt.service_text import field_texts
from crmdesk.views.widgets import FieldBox, OptionalDateEdit

CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP")
DOCUMENT_STATUSES: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("DealEditors", "Draft"),
    "sent": QT_TRANSLATE_NOOP("DealEditors", "Sent"),
    "accepted": QT_TRANSLATE_NOOP("DealEditors", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("DealEditors", "Rejected"),
    "signed": QT_TRANSLATE_NOOP("DealEditors", "Signed"),
    "expired": QT_TRANSLATE_NOOP("DealEditors", "Expired"),
    "cancelled": QT_TRANSLATE_NOOP("DealEditors", "Cancelled"),
}
DOCUMENT_KINDS: dict[str, str] = {
    "quote": QT_TRANSLATE_NOOP("DealEditors", "Quote"),
    "contract": QT_TRANSLATE_NOOP("DealEditors", "Contract"),
}
ORDER_STATUSES = ("open", "delivered", "cancelled")


def amount_box(parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0, 999_999_999_999.99)
    box.setDecimals(2)
    box.setGroupSeparatorShown(True)
    box.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def amount_of(box: QDoubleSpinBox) -> Decimal:
    return Decimal(str(round(box.value(), 2)))


def currency_box(parent: QWidget, current: str = "CNY") -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(list(CURRENCIES))
    box.setCurrentText(current)
    return box


def date_box(parent: QWidget, value: dt.date | None, none_text: str = "—") -> OptionalDateEdit:
    box = OptionalDateEdit(none_text, parent)
    box.set_value(value)
    return box


def _status_text(table: str, code: str) -> str:
    if table == "document_status":
        source = DOCUMENT_STATUSES.get(code)
        return QCoreApplication.translate("DealEditors", source) if source else code
    return label(table, code) or code


def document_status_text(code: str) -> str:
    return _status_text("document_status", code)


def document_kind_text(code: str) -> str:
    source = DOCUMENT_KINDS.get(code)
    return QCoreApplication.translate("DealEditors", source) if source else code


class _Form(QDialog):
    """Fields in a form, each in a FieldBox; OK checks and closes."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.fields: dict[str, FieldBox] = {}
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(440, 0)

    def add(self, key: str, text: str, editor: QWidget) -> Any:  # noqa: ANN401
        box = FieldBox(editor, self)
        self.fields[key] = box
        self.form.addRow(text, box)
        return editor

    def show_errors(self, errors: dict[str, str]) -> None:
        errors = field_texts(errors)
        for key, box in self.fields.items():
            box.set_error(errors.get(key))
        first = next((k for k in self.fields if k in errors), None)
        if first is not None:
            self.fields[first].setFocus()

    def check(self) -> dict[str, str]:
        return {}

    def accept(self) -> None:
        errors = self.check()
        self.show_errors(errors)
        if not errors:
            super().accept()


class DocumentDialog(_Form):
    """A quote (number, amount, issued, valid until) or a contract (number, amount, signed,
    starts, ends), with its status and notes."""

    def __init__(self, parent: QWidget | None, kind: str, row: Any = None) -> None:  # noqa: ANN401
        quote = kind == "quote"
        if row is None:
            title = self.tr("New quote") if quote else self.tr("New contract")
        else:
            title = self.tr("Quote %1") if quote else self.tr("Contract %1")
            title = title.replace("%1", row.number)
        super().__init__(parent, title)
        self.kind = kind
        self.row = row
        self.number = self.add("number", self.tr("Number *"), QLineEdit(self))
        self.amount = self.add("amount", self.tr("Amount"), amount_box(self))
        self.currency = self.add(
            "currency", self.tr("Currency"), currency_box(self, row.currency if row else "CNY")
        )
        self.issued_on = self.add(
            "issued_on", self.tr("Issued on"), date_box(self, row.issued_on if row else None)
        )
        self.valid_until = date_box(self, row.valid_until if row else None)
        self.signed_on = date_box(self, row.signed_on if row else None)
        self.starts_on = date_box(self, row.starts_on if row else None)
        self.ends_on = date_box(self, row.ends_on if row else None)
        if quote:
            self.add("valid_until", self.tr("Valid until"), self.valid_until)
        else:
            self.add("signed_on", self.tr("Signed on"), self.signed_on)
            self.add("starts_on", self.tr("Starts on"), self.starts_on)
            self.add("ends_on", self.tr("Ends on"), self.ends_on)
        self.status = self.add("status", self.tr("Status"), QComboBox(self))
        for code in DOCUMENT_STATUSES:
            self.status.addItem(_status_text("document_status", code), code)
        self.notes = self.add("notes", self.tr("Notes"), QPlainTextEdit(self))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        if row is not None:
            self.number.setText(row.number)
            self.amount.setValue(float(row.amount))
            self.status.setCurrentIndex(max(self.status.findData(row.status), 0))
            self.notes.setPlainText(row.notes or "")
        elif not quote:
            self.signed_on.set_value(None)

    def check(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.number.text().strip():
            errors["number"] = self.tr("Required.")
        if self.kind == "contract":
            starts, ends = self.starts_on.value(), self.ends_on.value()
            if starts and ends and ends < starts:
                errors["ends_on"] = self.tr("The contract ends before it starts.")
        return errors

    def value(self) -> Any:  # noqa: ANN401 - a DocumentInput
        from crmdesk.services.pipeline import DocumentInput

        quote = self.kind == "quote"
        return DocumentInput(
            kind=self.kind,
            number=self.number.text().strip(),
            amount=amount_of(self.amount),
            currency=self.currency.currentText().strip().upper() or "CNY",
            issued_on=self.issued_on.value(),
            valid_until=self.valid_until.value() if quote else None,
            starts_on=None if quote else self.starts_on.value(),
            ends_on=None if quote else self.ends_on.value(),
            signed_on=None if quote else self.signed_on.value(),
            status=self.status.currentData(),
            notes=self.notes.toPlainText().strip() or None,
        )


class OrderDialog(_Form):
    """An order of the deal's customer: date, amount, status, number (made up when empty)."""

    def __init__(
        self,
        parent: QWidget | None,
        today: dt.date,
        amount: Decimal = Decimal(0),
        currency: str = "CNY",
        row: Any = None,  # noqa: ANN401 - an OrderRow to edit
    ) -> None:
        super().__init__(parent, self.tr("Order %1").replace("%1", row.number) if row else "")
        if row is None:
            self.setWindowTitle(self.tr("New order"))
        self.number = self.add("number", self.tr("Number"), QLineEdit(self))
        self.number.setPlaceholderText(self.tr("Made up when empty"))
        self.ordered_on = self.add("ordered_on", self.tr("Ordered on *"), date_box(self, today))
        self.amount = self.add("amount", self.tr("Amount"), amount_box(self))
        self.currency = self.add("currency", self.tr("Currency"), currency_box(self, currency))
        self.status = self.add("status", self.tr("Status"), QComboBox(self))
        for code in ORDER_STATUSES:
            self.status.addItem(_status_text("order_status", code), code)
        self.amount.setValue(float(row.amount if row else amount))
        if row is not None:
            self.number.setText(row.number)
            self.ordered_on.set_value(row.ordered_on)
            self.currency.setCurrentText(row.currency)
            self.status.setCurrentIndex(max(self.status.findData(row.status), 0))

    def check(self) -> dict[str, str]:
        if self.ordered_on.value() is None:
            return {"ordered_on": self.tr("Required.")}
        return {}

    def value(self, deal_id: int | None) -> Any:  # noqa: ANN401 - an OrderInput
        from crmdesk.services.pipeline import OrderInput

        return OrderInput(
            ordered_on=self.ordered_on.value() or dt.date.today(),
            amount=amount_of(self.amount),
            currency=self.currency.currentText().strip().upper() or "CNY",
            status=self.status.currentData(),
            number=self.number.text().strip() or None,
            deal_id=deal_id,
        )


class PaymentDialog(_Form):
    """A payment received (回款): date, amount, for which order (or none), method, note."""

    def __init__(
        self,
        parent: QWidget | None,
        today: dt.date,
        orders: list[Any],  # OrderRow
        order_id: int | None = None,
    ) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Add payment"))
        self.paid_on = self.add("paid_on", self.tr("Paid on *"), date_box(self, today))
        self.amount = self.add("amount", self.tr("Amount *"), amount_box(self))
        self.order = self.add("order_id", self.tr("For order"), QComboBox(self))
        self.order.addItem(self.tr("No order"), None)
        for o in orders:
            self.order.addItem(o.number, o.id)
        self.order.setCurrentIndex(max(self.order.findData(order_id), 0))
        self._orders = {o.id: o for o in orders}
        self.order.currentIndexChanged.connect(self._order_changed)
        self.method = self.add("method", self.tr("Method"), QComboBox(self))
        self.method.setEditable(True)
        for text in (self.tr("Bank transfer"), self.tr("Cash"), self.tr("Alipay"), "WeChat Pay"):
            self.method.addItem(text)
        self.note = self.add("note", self.tr("Note"), QLineEdit(self))
        self._order_changed()

    def _order_changed(self) -> None:
        """The amount still open on the chosen order, as a start."""
        o = self._orders.get(self.order.currentData())
        if o is not None and self.amount.value() == 0:
            self.amount.setValue(float(max(o.amount - o.paid, Decimal(0))))

    def check(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.paid_on.value() is None:
            errors["paid_on"] = self.tr("Required.")
        if self.amount.value() <= 0:
            errors["amount"] = self.tr("Enter the amount received.")
        return errors

    def value(self) -> Any:  # noqa: ANN401 - a PaymentInput
        from crmdesk.services.pipeline import PaymentInput

        return PaymentInput(
            paid_on=self.paid_on.value() or dt.date.today(),
            amount=amount_of(self.amount),
            order_id=self.order.currentData(),
            method=self.method.currentText().strip() or None,
            note=self.note.text().strip() or None,
        )


def today_of(ctx: Any) -> dt.date:  # noqa: ANN401
    """Today (local) by the database's clock, which tests move."""
    return ctx.db.now().astimezone().date()
