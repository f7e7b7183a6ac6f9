"""The deal dialog: a new deal, or one deal with its quotes and contracts and its orders with
their payments (回款).

The Deal tab edits the fields (customer, title, amount, currency, stage, probability, expected
close, owner) with the errors next to the fields; a stale save (someone else saved the deal
after it was opened) is said in a banner with a link that loads their version. An existing
deal changes stage through the same move as the board (lost asks why, won offers the order).
Reads and writes run on the task runner; every write's ChangeSet goes out on the bus.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.deal_models import stage_title
from crmdesk.qt.service_text import error_text, field_texts
from crmdesk.services import CrmError, StaleEditError, ValidationError
from crmdesk.views.deal_editors import (
    amount_box,
    amount_of,
    currency_box,
    date_box,
)
from crmdesk.views.deal_move import perform_deal_move
from crmdesk.views.deal_tabs import DocumentsTab, OrdersTab
from crmdesk.views.ticket_dialog import CustomerPicker
from crmdesk.views.widgets import Banner, FieldBox, guarded

# Open deal dialogs by deal id: opening one again brings it forward.
_open: dict[int, DealDialog] = {}


class DealDialog(QDialog):
    """A new deal (``deal_id`` None) or an existing one with its documents and orders."""

    deal_saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        deal_id: int | None = None,
        customer_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.deal_id = deal_id
        self.detail: Any = None
        self.stages: list[Any] = []
        self._saving = False
        self.setObjectName("DealDialog")
        self.setWindowTitle(self.tr("New deal") if deal_id is None else self.tr("Deal"))
        self.resize(720, 520)

        self.error_banner = Banner("error", self)
        self.error_banner.hide()
        self.error_banner.link_activated.connect(lambda _link: self.load())
        self.tabs = QTabWidget(self)
        self.fields: dict[str, FieldBox] = {}
        self._make_deal_tab(customer_id)
        self.documents_tab = DocumentsTab(self)
        self.documents_index = self.tabs.addTab(self.documents_tab, self.tr("Quotes && contracts"))
        self.orders_tab = OrdersTab(self)
        self.orders_index = self.tabs.addTab(self.orders_tab, self.tr("Orders && payments"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Create deal") if deal_id is None else self.tr("Save"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.load()

    # construction ----------------------------------------------------------------------------

    def _add(self, form: QFormLayout, key: str, text: str, editor: QWidget) -> Any:  # noqa: ANN401
        box = FieldBox(editor, self)
        self.fields[key] = box
        form.addRow(text, box)
        return editor

    def _make_deal_tab(self, customer_id: int | None) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.deal_form = form
        self.customer = self._add(form, "customer", self.tr("Customer *"), CustomerPicker(self.ctx))
        if customer_id is not None:
            self.customer.set_customer(customer_id, "")
        self.title_edit = self._add(form, "title", self.tr("Title *"), QLineEdit(page))
        self.title_edit.setMaxLength(200)
        money_row = QWidget(page)
        row = QHBoxLayout(money_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.amount = amount_box(money_row)
        self.currency = currency_box(money_row)
        row.addWidget(self.amount, 1)
        row.addWidget(self.currency)
        self._add(form, "amount", self.tr("Amount"), money_row)
        self.fields["currency"] = self.fields["amount"]
        stage_row = QWidget(page)
        row = QHBoxLayout(stage_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.stage_box = QComboBox(stage_row)
        self.stage_box.currentIndexChanged.connect(self._stage_changed)
        self.move_button = QPushButton(self.tr("Move to…"), stage_row)
        self.move_menu = QMenu(self.move_button)
        self.move_button.setMenu(self.move_menu)
        row.addWidget(self.stage_box, 1)
        row.addWidget(self.move_button)
        self._add(form, "stage", self.tr("Stage"), stage_row)
        self.probability = self._add(form, "probability", self.tr("Probability"), QSpinBox(page))
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.expected_close = self._add(
            form, "expected_close", self.tr("Expected close"), date_box(page, None)
        )
        self.owner = self._add(form, "owner", self.tr("Owner"), QComboBox(page))
        self.lost_reason = QLabel(page)
        self.lost_reason.setWordWrap(True)
        self.lost_reason.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Lost because"), self.lost_reason)
        form.setRowVisible(self.lost_reason, False)
        self.tabs.addTab(page, self.tr("Deal"))

    # loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the stages, the reps and (for an existing deal) the deal on a worker."""
        db = self.ctx.db
        deal_id = self.deal_id

        def read() -> tuple[list[Any], list[Any], Any, list[Any]]:
            from crmdesk.services import pipeline
            from crmdesk.services.lookups import list_users

            detail = pipeline.get_deal(db, deal_id) if deal_id is not None else None
            payments = pipeline.list_payments(db, detail.customer_id) if detail else []
            return pipeline.list_stages(db), list_users(db), detail, payments

        self.ctx.tasks.submit(read, guarded(self, self._loaded), guarded(self, self._failed))

    def _loaded(self, data: tuple[list[Any], list[Any], Any, list[Any]]) -> None:
        stages, users, detail, payments = data
        self.stages = stages
        self.error_banner.hide()
        for box in self.fields.values():
            box.set_error(None)
        self.owner.clear()
        self.owner.addItem(self.tr("Nobody"), None)
        for u in users:
            self.owner.addItem(u.display_name, u.id)
        self.detail = detail
        is_new = detail is None
        self.tabs.setTabEnabled(self.documents_index, not is_new)
        self.tabs.setTabEnabled(self.orders_index, not is_new)
        self.move_button.setVisible(not is_new)
        self.stage_box.blockSignals(True)
        self.stage_box.clear()
        for r in stages:
            usable = r.active and (r.outcome == "open" or not is_new)
            if usable or (detail is not None and r.key == detail.stage):
                self.stage_box.addItem(stage_title(r.key, r.name), r.key)
        self.stage_box.blockSignals(False)
        if is_new:
            me = self.ctx.db.user
            self.owner.setCurrentIndex(max(self.owner.findData(me.id if me else None), 0))
            self.stage_box.setCurrentIndex(0)
            self._stage_changed()
            self.customer.setFocus()
            return
        self.customer.set_customer(detail.customer_id, detail.customer_name)
        self.customer.lock()
        self.customer.edit.setToolTip(self.tr("The deal is for this customer."))
        self.setWindowTitle(
            self.tr("Deal: %1 — %2").replace("%1", detail.title).replace("%2", detail.customer_name)
        )
        self.title_edit.setText(detail.title)
        self.amount.setValue(float(detail.amount))
        self.currency.setCurrentText(detail.currency)
        self.stage_box.setCurrentIndex(max(self.stage_box.findData(detail.stage), 0))
        # The stage of an existing deal changes by a move (it may ask for a reason).
        self.stage_box.setEnabled(False)
        self.probability.setValue(detail.probability)
        self.expected_close.set_value(detail.expected_close)
        self.owner.setCurrentIndex(max(self.owner.findData(detail.owner_id), 0))
        self.lost_reason.setText(detail.lost_reason or "")
        self.deal_form.setRowVisible(self.lost_reason, detail.outcome == "lost")
        self._fill_move_menu()
        self.documents_tab.fill(detail.documents)
        self.orders_tab.fill(detail.orders, payments)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)

    def _stage_changed(self) -> None:
        """A new deal takes its stage's probability."""
        if self.detail is not None:
            return
        r = next((r for r in self.stages if r.key == self.stage_box.currentData()), None)
        if r is not None:
            self.probability.setValue(r.probability)

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        d = self.detail
        for r in self.stages:
            if r.key == d.stage or not r.active:
                continue
            action = self.move_menu.addAction(stage_title(r.key, r.name))
            allowed = d.outcome == "open" or r.outcome == "open"
            action.setEnabled(allowed)
            if allowed:
                action.triggered.connect(lambda _=False, row=r: self.move_to(row))

    def _on_data_changed(self, changes: Any, source: object) -> None:  # noqa: ANN401
        if source is self or self.deal_id is None or self._saving:
            return
        if changes.everything or self.deal_id in changes.deals:
            self.load()

    # saving ----------------------------------------------------------------------------------

    def value(self) -> Any:  # noqa: ANN401 - a DealInput
        from crmdesk.services.pipeline import DealInput

        stage = self.stage_box.currentData() or "lead"
        r = next((r for r in self.stages if r.key == stage), None)
        probability: int | None = self.probability.value()
        if self.detail is not None and probability == self.detail.stage_probability:
            probability = None
        elif self.detail is None and r is not None and probability == r.probability:
            probability = None
        return DealInput(
            customer_id=self.customer.customer_id or 0,
            title=self.title_edit.text().strip(),
            amount=amount_of(self.amount),
            currency=self.currency.currentText().strip().upper() or "CNY",
            stage=stage,
            probability=probability,
            expected_close=self.expected_close.value(),
            owner_id=self.owner.currentData(),
        )

    def check(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.customer.customer_id is None:
            errors["customer"] = (
                self.tr("Choose the customer from the suggestions.")
                if self.customer.edit.text().strip()
                else self.tr("Which customer is the deal with?")
            )
        if not self.title_edit.text().strip():
            errors["title"] = self.tr("Required.")
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, box in self.fields.items():
            box.set_error(errors.get(key))
        first = next((k for k in self.fields if k in errors), None)
        if first is not None:
            self.tabs.setCurrentIndex(0)
            self.fields[first].setFocus()

    def save(self) -> None:
        if self._saving:
            return
        errors = self.check()
        self.show_errors(errors)
        if errors:
            return
        from crmdesk.services import pipeline

        db = self.ctx.db
        data = self.value()
        self._saving = True
        self.save_button.setEnabled(False)
        if self.detail is None:

            def write() -> tuple[int, Any]:
                return pipeline.create_deal(db, data)
        else:
            deal_id, version = self.detail.id, self.detail.version

            def write() -> tuple[int, Any]:
                return deal_id, pipeline.update_deal(db, deal_id, data, version)

        self.ctx.tasks.submit(
            write, guarded(self, self._saved), guarded(self, self._save_failed), write=True
        )

    def _saved(self, result: tuple[int, Any]) -> None:
        deal_id, changes = result
        self._saving = False
        self.save_button.setEnabled(True)
        self.ctx.bus.data_changed.emit(changes, self)
        self.deal_saved.emit(deal_id)
        self.ctx.bus.status_message_requested.emit(
            self.tr("Deal “%1” saved").replace("%1", self.title_edit.text().strip())
        )
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, StaleEditError):
            self.error_banner.show_text(
                html.escape(
                    self.tr(
                        "Someone else saved this deal after you opened it. Nothing was "
                        "overwritten and your changes were not saved."
                    )
                )
                + ' <a href="reload">'
                + self.tr("Load their version")
                + "</a>"
            )
        elif isinstance(exc, ValidationError) and exc.field_errors:
            self.show_errors(field_texts(exc.field_errors))
            rest = [k for k in exc.field_errors if k not in self.fields]
            if rest:
                self.error_banner.show_text(html.escape(error_text(exc)))
        elif isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)

    # stage moves and the tabs' writes -------------------------------------------------------

    def move_to(self, target: Any) -> None:  # noqa: ANN401 - a StageRow
        d = self.detail
        perform_deal_move(
            self.ctx,
            self,
            d,
            d.outcome,
            target.key,
            target.outcome,
            target.name,
            on_done=guarded(self, lambda ok: self.load() if ok else None),
        )

    def _write(self, fn: Any, then_reload: bool = True) -> None:  # noqa: ANN401
        def done(result: Any) -> None:  # noqa: ANN401
            changes = result[1] if isinstance(result, tuple) else result
            self.ctx.bus.data_changed.emit(changes, self)
            if then_reload:
                self.load()

        self.ctx.tasks.submit(fn, guarded(self, done), guarded(self, self._failed), write=True)

    def done(self, result: int) -> None:
        if self.deal_id is not None and _open.get(self.deal_id) is self:
            del _open[self.deal_id]
        super().done(result)


def new_deal(ctx: AppContext, parent: QWidget | None, customer_id: int | None = None) -> DealDialog:
    """The new-deal form (non-blocking); with ``customer_id`` the customer is filled in and
    locked."""
    dialog = DealDialog(ctx, parent, None, customer_id)
    if customer_id is not None:
        db = ctx.db

        def named(detail: Any) -> None:  # noqa: ANN401
            dialog.customer.set_customer(customer_id, detail.name)
            dialog.customer.lock()
            dialog.customer.edit.setToolTip(
                QCoreApplication.translate("DealDialog", "The deal is for this customer.")
            )
            dialog.title_edit.setFocus()

        from crmdesk.services import customers as customer_service

        ctx.tasks.submit(
            lambda: customer_service.get_customer(db, customer_id), guarded(dialog, named)
        )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_deal(ctx: AppContext, parent: QWidget | None, deal_id: int) -> DealDialog:
    """The deal's dialog, or the open one brought forward."""
    dialog = _open.get(deal_id)
    if dialog is not None:
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    dialog = DealDialog(ctx, parent, deal_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open[deal_id] = dialog
    dialog.show()
    return dialog
