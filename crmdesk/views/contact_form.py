"""Add or edit one contact (联系人) of a customer; the save is undoable."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.context import AppContext
from crmdesk.qt.service_text import error_text, field_text
from crmdesk.services import CrmError, StaleEditError, ValidationError
from crmdesk.services import contacts as contact_service
from crmdesk.services.customers import get_customer
from crmdesk.services.dto import ContactInput, ContactRow
from crmdesk.views.widgets import (
    Banner,
    EmailPhoneChecks,
    FieldBox,
    OptionalDateEdit,
    guarded,
    plain_text_edit,
)


def _current_version(ctx: AppContext, customer_id: int, contact_id: int) -> int:
    for k in get_customer(ctx.db, customer_id).contacts:
        if k.id == contact_id:
            return k.version
    raise CrmError(
        QCoreApplication.translate("ContactFormDialog", "This contact no longer exists.")
    )


class ContactFormDialog(QDialog):
    contact_saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        customer_id: int = 0,
        contact_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.contact_id = contact_id
        self._row: ContactRow | None = None
        self._saving = False
        self.setWindowTitle(
            self.tr("New contact") if contact_id is None else self.tr("Edit contact")
        )
        layout = QVBoxLayout(self)
        self.error_banner = Banner("error", self)
        layout.addWidget(self.error_banner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self.fields: dict[str, FieldBox] = {}
        self.edits: dict[str, QLineEdit] = {}
        captions = {
            "name": self.tr("Name *"),
            "title": self.tr("Job title"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "wechat": self.tr("WeChat"),
        }
        for key, caption in captions.items():
            edit = QLineEdit(self)
            self.edits[key] = edit
            self.fields[key] = FieldBox(edit, self)
            form.addRow(caption, self.fields[key])
        self.edits["phone"].setPlaceholderText(self.tr("e.g. 138 1234 5678"))
        self.edits["email"].setPlaceholderText("name@example.com")
        self.edits["name"].textChanged.connect(lambda: self.fields["name"].set_error(None))
        self.birthday = OptionalDateEdit(self.tr("(no birthday)"), self)
        form.addRow(self.tr("Birthday"), self.birthday)
        self.decision_maker = QCheckBox(self.tr("Decision maker"), self)
        self.primary = QCheckBox(self.tr("Primary contact"), self)
        form.addRow("", self.decision_maker)
        form.addRow("", self.primary)
        self.notes = plain_text_edit(self, 3)
        form.addRow(self.tr("Notes"), self.notes)
        self.checks = EmailPhoneChecks(self, self.fields["email"], self.fields["phone"])

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)
        self.resize(460, self.sizeHint().height())
        if contact_id is not None:
            self.save_button.setEnabled(False)
            self._load()

    def _load(self) -> None:
        ctx, cid, kid = self.ctx, self.customer_id, self.contact_id

        def done(detail: Any) -> None:
            row = next((k for k in detail.contacts if k.id == kid), None)
            if row is None:
                self.error_banner.show_text(html.escape(self.tr("This contact no longer exists.")))
                return
            self.fill(row)

        ctx.tasks.submit(
            lambda: get_customer(ctx.db, cid),
            guarded(self, done),
            guarded(self, lambda exc: self.error_banner.show_text(html.escape(error_text(exc)))),
        )

    def fill(self, row: ContactRow) -> None:
        self._row = row
        for key, edit in self.edits.items():
            edit.setText(getattr(row, key) or "")
        self.birthday.set_value(row.birthday)
        self.decision_maker.setChecked(row.is_decision_maker)
        self.primary.setChecked(row.is_primary)
        self.notes.setPlainText(row.notes or "")
        self.save_button.setEnabled(True)

    def collect(self) -> ContactInput:
        text = {k: e.text().strip() or None for k, e in self.edits.items()}
        return ContactInput(
            name=text["name"] or "",
            title=text["title"],
            phone=text["phone"],
            email=text["email"],
            wechat=text["wechat"],
            birthday=self.birthday.value(),
            is_decision_maker=self.decision_maker.isChecked(),
            is_primary=self.primary.isChecked(),
            notes=self.notes.toPlainText().strip() or None,
        )

    def save(self) -> None:
        if self._saving or not self.save_button.isEnabled():
            return
        self.error_banner.hide()
        data = self.collect()
        errors: dict[str, str] = {}
        if not data.name:
            errors["name"] = self.tr("A contact needs a name.")
        for key in ("email", "phone"):
            message = self.checks.message(self.fields[key])
            if message:
                errors[key] = message
        for key, box in self.fields.items():
            box.set_error(errors.get(key))
        if errors:
            self.fields[next(iter(errors))].setFocus()
            return
        self._saving = True
        self.save_button.setEnabled(False)
        db, cid = self.ctx.db, self.customer_id
        if self.contact_id is None:
            self.ctx.tasks.submit(
                lambda: contact_service.add_contact(db, cid, data),
                guarded(self, self._added),
                guarded(self, self._failed),
                write=True,
            )
        else:
            assert self._row is not None
            kid, version = self.contact_id, self._row.version
            self.ctx.tasks.submit(
                lambda: contact_service.update_contact(db, kid, version, data),
                guarded(self, lambda changes: self._updated(changes, data)),
                guarded(self, self._failed),
                write=True,
            )

    def _added(self, result: tuple[int, Any]) -> None:
        kid, changes = result
        db = self.ctx.db
        undo.push(
            self.ctx,
            self.tr("New contact %1").replace("%1", self.edits["name"].text().strip()),
            lambda: contact_service.set_contact_deleted(db, kid, False),
            lambda: contact_service.set_contact_deleted(db, kid, True),
            already_done=True,
        )
        self._finish(kid, changes)

    def _updated(self, changes: Any, new: ContactInput) -> None:
        assert self._row is not None and self.contact_id is not None
        ctx, cid, kid, old = self.ctx, self.customer_id, self.contact_id, self._row.to_input()

        def put(data: ContactInput) -> Any:
            return contact_service.update_contact(
                ctx.db, kid, _current_version(ctx, cid, kid), data
            )

        undo.push(
            self.ctx,
            self.tr("Edit contact %1").replace("%1", new.name),
            lambda: put(new),
            lambda: put(old),
            already_done=True,
        )
        self._finish(kid, changes)

    def _finish(self, kid: int, changes: Any) -> None:
        self._saving = False
        self.ctx.bus.data_changed.emit(changes, self)
        self.contact_saved.emit(kid)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field_errors:
            for key, message in exc.field_errors.items():
                if key in self.fields:
                    self.fields[key].set_error(field_text(message))
        elif isinstance(exc, StaleEditError):
            self.error_banner.show_text(
                html.escape(
                    self.tr(
                        "Someone else saved this contact after you opened it. "
                        "Nothing was overwritten; close this window and open it again."
                    )
                )
            )
        elif isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)
