"""Create or edit a customer (and, on create, its first contact).

Checks what it can while the user types: email and phone formats next to the fields, existing
customers with the same name, phone or email in a yellow banner (namesakes stay allowed), and
suggestions of existing names (自动联想). Saving runs on the write worker and is undoable.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import choices
from crmdesk.qt.service_text import error_text, field_texts
from crmdesk.services import CrmError, NotFoundError, StaleEditError, ValidationError
from crmdesk.services import customers as customer_service
from crmdesk.services.contacts import validate_contact
from crmdesk.services.custom_fields import list_custom_fields
from crmdesk.services.dto import (
    ContactInput,
    CustomerDetail,
    CustomerInput,
    CustomFieldRow,
    DuplicateHit,
)
from crmdesk.services.lookups import create_tag, list_tags, list_users
from crmdesk.services.text import is_valid_email, is_valid_phone
from crmdesk.views.widgets import (
    Banner,
    EmailPhoneChecks,
    FieldBox,
    OptionalDateEdit,
    TagPicker,
    guarded,
    parse_money,
    plain_text_edit,
)

_TEXT_FIELDS = ("industry", "region", "city", "address", "website")
_NOTE_FIELDS = ("usage_scenario", "pain_points", "notes")


class CustomerFormDialog(QDialog):
    customer_saved = Signal(int)
    open_customer_requested = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, customer_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self._detail: CustomerDetail | None = None
        self._custom_defs: list[CustomFieldRow] = []
        self._custom_editors: dict[int, QWidget] = {}
        self.fields: dict[str, FieldBox] = {}
        self.contact_fields: dict[str, FieldBox] = {}
        self._loaded = False
        self._saving = False
        self._dup_seq = 0
        self._suggest_seq = 0
        self.duplicates: list[DuplicateHit] = []
        self.setWindowTitle(
            self.tr("New customer") if customer_id is None else self.tr("Edit customer")
        )
        self._build()
        self._load()

    @property
    def is_new(self) -> bool:
        return self.customer_id is None

    # -----------------------------------------------------------------------------------------
    # Building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.error_banner = Banner("error", self)
        self.error_banner.link_activated.connect(self._on_link)
        self.duplicate_banner = Banner("warning", self)
        self.duplicate_banner.link_activated.connect(self._on_link)
        outer.addWidget(self.error_banner)
        outer.addWidget(self.duplicate_banner)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget(scroll)
        columns = QHBoxLayout(self.body)
        columns.setContentsMargins(0, 0, 4, 0)
        left = QGroupBox(self.tr("Customer"), self.body)
        right = QWidget(self.body)
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(left, 1)
        columns.addWidget(right, 1)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)

        form = QFormLayout(left)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox(left)
        for code, text in choices("kind"):
            self.kind.addItem(text, code)
        self._add(form, "kind", self.tr("Type"), self.kind)
        self.name = QLineEdit(left)
        self.name.setPlaceholderText(self.tr("e.g. 华为技术有限公司"))
        self.name.setMaxLength(200)
        self._add(form, "name", self.tr("Name *"), self.name)
        self.code = QLineEdit(left)
        self.code.setPlaceholderText(self.tr("Generated when left empty"))
        self._add(form, "code", self.tr("Code"), self.code)
        self.text_edits: dict[str, QLineEdit] = {}
        captions = {
            "industry": self.tr("Industry"),
            "region": self.tr("Region"),
            "city": self.tr("City"),
            "address": self.tr("Address"),
            "website": self.tr("Website"),
        }
        for key in _TEXT_FIELDS:
            edit = QLineEdit(left)
            self.text_edits[key] = edit
            self._add(form, key, captions[key], edit)
        self.text_edits["website"].setPlaceholderText("https://")
        self.channel = self._code_combo(left, "channel", optional=True)
        self._add(form, "channel", self.tr("Acquisition channel"), self.channel)
        self.segment = self._code_combo(left, "segment", optional=True)
        self._add(form, "segment", self.tr("Segment"), self.segment)
        self.tier = self._code_combo(left, "tier", optional=True)
        self._add(form, "tier", self.tr("Tier"), self.tier)
        self.stage = self._code_combo(left, "stage", optional=False)
        self._add(form, "stage", self.tr("Lifecycle stage"), self.stage)
        self.owner = QComboBox(left)
        self.owner.addItem(self.tr("(nobody)"), None)
        self._add(form, "owner_id", self.tr("Owner"), self.owner)
        self.revenue = QLineEdit(left)
        self.revenue.setPlaceholderText(self.tr("e.g. 1,200,000"))
        self.revenue.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._add(form, "annual_revenue", self.tr("Annual revenue (¥)"), self.revenue)
        self.revenue.textChanged.connect(self._check_revenue)
        self.tag_picker = TagPicker(left)
        self.tag_picker.create_requested.connect(self._create_tag)
        self._add(form, "tags", self.tr("Tags"), self.tag_picker)

        profile = QGroupBox(self.tr("Profile"), right)
        pform = QFormLayout(profile)
        pform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.note_edits: dict[str, QPlainTextEdit] = {}
        note_captions = {
            "usage_scenario": self.tr("Usage scenario"),
            "pain_points": self.tr("Pain points"),
            "notes": self.tr("Notes"),
        }
        for key in _NOTE_FIELDS:
            edit = plain_text_edit(profile, 2 if key != "notes" else 3)
            self.note_edits[key] = edit
            self._add(pform, key, note_captions[key], edit)
        right_col.addWidget(profile)
        self.custom_box = QGroupBox(self.tr("More fields"), right)
        self.custom_form = QFormLayout(self.custom_box)
        self.custom_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.custom_box.hide()
        right_col.addWidget(self.custom_box)

        if self.is_new:
            right_col.addWidget(self._build_contact(right))
        right_col.addStretch(1)

        buttons = QDialogButtonBox(self)
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc cancels"), self)
        hint.setStyleSheet("color: #757575;")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        outer.addLayout(bottom)

        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)

        self._build_name_helpers()
        self.resize(1000, 660)
        self.name.setFocus()

    def _build_contact(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("First contact"), parent)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contact_edits: dict[str, QLineEdit] = {}
        captions = {
            "name": self.tr("Name"),
            "title": self.tr("Job title"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "wechat": self.tr("WeChat"),
        }
        for key, caption in captions.items():
            edit = QLineEdit(box)
            self.contact_edits[key] = edit
            field_box = FieldBox(edit, box)
            self.contact_fields[key] = field_box
            form.addRow(caption, field_box)
        self.contact_edits["phone"].setPlaceholderText(self.tr("e.g. 138 1234 5678"))
        self.contact_edits["email"].setPlaceholderText("name@example.com")
        self.contact_decision = QCheckBox(self.tr("Decision maker"), box)
        form.addRow("", self.contact_decision)
        self._contact_checks = EmailPhoneChecks(
            self, self.contact_fields["email"], self.contact_fields["phone"]
        )
        self.contact_edits["name"].textChanged.connect(
            lambda: self.contact_fields["name"].set_error(None)
        )
        for key in ("phone", "email"):
            self.contact_edits[key].textChanged.connect(self._schedule_duplicates)
        return box

    def _add(self, form: QFormLayout, key: str, caption: str, editor: QWidget) -> FieldBox:
        box = FieldBox(editor, form.parentWidget())
        self.fields[key] = box
        form.addRow(caption, box)
        return box

    def _code_combo(self, parent: QWidget, table: str, optional: bool) -> QComboBox:
        combo = QComboBox(parent)
        if optional:
            combo.addItem("—", None)
        for code, text in choices(table):
            combo.addItem(text, code)
        return combo

    def _build_name_helpers(self) -> None:
        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        # The service already matched the names (anywhere in them, pinyin-free), so show all.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.name.setCompleter(self.completer)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(250)
        self._suggest_timer.timeout.connect(self._suggest)
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(300)
        self._dup_timer.timeout.connect(self._check_duplicates)
        self.name.textEdited.connect(lambda _t: self._suggest_timer.start())
        self.name.textChanged.connect(self._schedule_duplicates)
        self.name.textChanged.connect(lambda: self.fields["name"].set_error(None))

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        # Typing checks still pending are moot once the dialog is gone.
        self._suggest_timer.stop()
        self._dup_timer.stop()
        for timer in self.findChildren(QTimer):
            timer.stop()
        super().hideEvent(event)

    # -----------------------------------------------------------------------------------------
    # Loading

    def _load(self) -> None:
        db, cid = self.ctx.db, self.customer_id

        def fetch() -> tuple[Any, Any, Any]:
            users = list_users(db)
            tags = list_tags(db)
            if cid is None:
                return users, tags, list_custom_fields(db, "customer")
            return users, tags, customer_service.get_customer(db, cid)

        if cid is not None:
            self.body.setEnabled(False)
        self.ctx.tasks.submit(
            fetch, guarded(self, self._loaded_data), guarded(self, self._load_failed)
        )

    def _loaded_data(self, result: tuple[Any, Any, Any]) -> None:
        users, tags, extra = result
        current_owner = self.owner.currentData()
        self.owner.blockSignals(True)
        while self.owner.count() > 1:
            self.owner.removeItem(1)
        for u in users:
            self.owner.addItem(u.display_name, u.id)
        self.owner.blockSignals(False)
        self.tag_picker.set_available(tags)
        if isinstance(extra, CustomerDetail):
            self._detail = extra
            self._custom_defs = list(extra.custom_fields)
            self._fill(extra)
        else:
            self._custom_defs = list(extra)
            me = self.ctx.db.user.id if self.ctx.db.user else None
            self._select(self.owner, current_owner if current_owner is not None else me)
        self._build_custom_editors()
        self.body.setEnabled(True)
        self._loaded = True
        self.save_button.setEnabled(True)

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)

    def _fill(self, d: CustomerDetail) -> None:
        self.setWindowTitle(self.tr("Edit %1").replace("%1", d.name))
        self._select(self.kind, d.kind)
        self.name.blockSignals(True)
        self.name.setText(d.name)
        self.name.blockSignals(False)
        self.code.setText(d.code)
        for key, edit in self.text_edits.items():
            edit.setText(getattr(d, key) or "")
        for key, edit in self.note_edits.items():
            edit.setPlainText(getattr(d, key) or "")
        self._select(self.channel, d.channel)
        self._select(self.segment, d.segment)
        self._select(self.tier, d.tier)
        self._select(self.stage, d.stage)
        self._select(self.owner, d.owner_id)
        self.revenue.setText("" if d.annual_revenue is None else f"{d.annual_revenue:,.2f}")
        self.tag_picker.set_tags(d.tags)

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        i = combo.findData(value)
        combo.setCurrentIndex(max(i, 0))

    def _build_custom_editors(self) -> None:
        while self.custom_form.rowCount():
            self.custom_form.removeRow(0)
        self._custom_editors.clear()
        for f in self._custom_defs:
            editor: QWidget
            if f.type == "date":
                editor = OptionalDateEdit(self.tr("(none)"), self.custom_box)
                if f.value:
                    import datetime as dt

                    editor.set_value(dt.date.fromisoformat(f.value[:10]))
            elif f.type == "choice":
                editor = QComboBox(self.custom_box)
                editor.addItem("—", None)
                for c in f.choices:
                    editor.addItem(c, c)
                self._select(editor, f.value)
            elif f.type == "bool":
                editor = QCheckBox(self.custom_box)
                editor.setChecked(f.value == "true")
            else:
                editor = QLineEdit(f.value or "", self.custom_box)
                if f.type == "number":
                    editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            self._custom_editors[f.id] = editor
            box = FieldBox(editor, self.custom_box)
            self.fields[f"custom:{f.id}"] = box
            self.custom_form.addRow(f.label, box)
        self.custom_box.setVisible(bool(self._custom_defs))

    # -----------------------------------------------------------------------------------------
    # While typing

    def _suggest(self) -> None:
        prefix = self.name.text().strip()
        self._suggest_seq += 1
        seq = self._suggest_seq
        if len(prefix) < 2:
            self._suggestions.setStringList([])
            return
        db, own = self.ctx.db, self.customer_id

        def done(hits: list[tuple[int, str, str]]) -> None:
            if seq != self._suggest_seq or self.name.text().strip() != prefix:
                return
            names = [name for cid, _code, name in hits if cid != own and name != prefix]
            self._suggestions.setStringList(names)
            if names and self.name.hasFocus():
                self.completer.complete()

        self.ctx.tasks.submit(
            lambda: customer_service.suggest_customers(db, prefix),
            guarded(self, done),
            lambda e: None,
        )

    def _schedule_duplicates(self) -> None:
        self._dup_timer.start()

    def _check_duplicates(self) -> None:
        name = self.name.text().strip()
        phones: list[str] = []
        emails: list[str] = []
        if self.is_new:
            phone = self.contact_edits["phone"].text().strip()
            email = self.contact_edits["email"].text().strip()
            if phone and is_valid_phone(phone):
                phones.append(phone)
            if email and is_valid_email(email):
                emails.append(email)
        self._dup_seq += 1
        seq = self._dup_seq
        if len(name) < 2 and not phones and not emails:
            self._show_duplicates([])
            return
        db, own = self.ctx.db, self.customer_id

        def done(hits: list[DuplicateHit]) -> None:
            if seq == self._dup_seq:
                self._show_duplicates(hits)

        self.ctx.tasks.submit(
            lambda: customer_service.find_duplicates(
                db, name=name or None, phones=phones, emails=emails, exclude_id=own
            ),
            guarded(self, done),
            lambda e: None,
        )

    def _show_duplicates(self, hits: list[DuplicateHit]) -> None:
        self.duplicates = hits
        if not hits:
            self.duplicate_banner.hide()
            return
        lines = []
        for h in hits[:3]:
            if h.reason == "phone":
                why = self.tr("same phone %1").replace("%1", html.escape(h.detail))
            elif h.reason == "email":
                why = self.tr("same email %1").replace("%1", html.escape(h.detail))
            else:
                why = self.tr("similar name")
            lines.append(
                self.tr("Possible duplicate: %1 (%2) — %3.")
                .replace("%1", f"<b>{html.escape(h.name)}</b>")
                .replace("%2", html.escape(h.code))
                .replace("%3", why)
                + f' <a href="open:{h.id}">'
                + self.tr("Open it")
                + "</a>"
            )
        if len(hits) > 3:
            lines.append(self.tr("…and %1 more.").replace("%1", str(len(hits) - 3)))
        self.duplicate_banner.show_text("<br>".join(lines))

    def _on_link(self, href: str) -> None:
        if href.startswith("open:"):
            cid = int(href.split(":", 1)[1])
            self.open_customer_requested.emit(cid)
            self.ctx.bus.open_customer_requested.emit(cid)
            self.reject()
        elif href == "reload":
            self.error_banner.hide()
            self._load()

    def _check_revenue(self) -> None:
        try:
            value = parse_money(self.revenue.text())
        except ValueError:
            self.fields["annual_revenue"].set_error(self.tr("Not a number."))
            return
        if value is not None and value < 0:
            self.fields["annual_revenue"].set_error(self.tr("Cannot be negative."))
        else:
            self.fields["annual_revenue"].set_error(None)

    def _create_tag(self, name: str) -> None:
        db = self.ctx.db
        self.ctx.tasks.submit(
            lambda: create_tag(db, name),
            guarded(self, lambda result: self.tag_picker.add_tag(result[0])),
            guarded(self, lambda exc: self.fields["tags"].set_error(error_text(exc))),
            write=True,
        )

    # -----------------------------------------------------------------------------------------
    # Saving

    def _custom_values(self, errors: dict[str, str]) -> tuple[tuple[int, str | None], ...]:
        out: list[tuple[int, str | None]] = []
        for f in self._custom_defs:
            editor = self._custom_editors[f.id]
            value: str | None
            if isinstance(editor, OptionalDateEdit):
                d = editor.value()
                value = d.isoformat() if d else None
            elif isinstance(editor, QComboBox):
                value = editor.currentData()
            elif isinstance(editor, QCheckBox):
                value = "true" if editor.isChecked() else ("false" if f.value else None)
            else:
                assert isinstance(editor, QLineEdit)
                value = editor.text().strip() or None
                if value and f.type == "number":
                    try:
                        value = str(parse_money(value))
                    except ValueError:
                        errors[f"custom:{f.id}"] = self.tr("Not a number.")
            out.append((f.id, value))
        return tuple(out)

    def collect(self) -> tuple[CustomerInput, dict[str, str]]:
        errors: dict[str, str] = {}
        try:
            revenue = parse_money(self.revenue.text())
        except ValueError:
            revenue = None
            errors["annual_revenue"] = self.tr("Not a number.")
        texts = {k: e.text().strip() or None for k, e in self.text_edits.items()}
        notes = {k: e.toPlainText().strip() or None for k, e in self.note_edits.items()}
        data = CustomerInput(
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            code=self.code.text().strip() or None,
            channel=self.channel.currentData(),
            segment=self.segment.currentData(),
            tier=self.tier.currentData(),
            stage=self.stage.currentData(),
            owner_id=self.owner.currentData(),
            annual_revenue=revenue,
            tag_ids=self.tag_picker.tag_ids(),
            custom=self._custom_values(errors),
            **texts,
            **notes,
        )
        return data, errors

    def collect_contact(
        self, customer: CustomerInput
    ) -> tuple[ContactInput | None, dict[str, str]]:
        e = {k: w.text().strip() for k, w in self.contact_edits.items()}
        if not any(e.values()) and not self.contact_decision.isChecked():
            return None, {}
        name = e["name"] or (customer.name if customer.kind == "person" else "")
        contact = ContactInput(
            name=name,
            title=e["title"] or None,
            phone=e["phone"] or None,
            email=e["email"] or None,
            wechat=e["wechat"] or None,
            is_decision_maker=self.contact_decision.isChecked(),
            is_primary=True,
        )
        errors: dict[str, str] = {}
        try:
            validate_contact(contact)
        except ValidationError as exc:
            errors = field_texts(exc.field_errors)
        if "name" in errors:
            errors["name"] = self.tr("The contact needs a name (or leave the contact empty).")
        for box in (self.contact_fields["email"], self.contact_fields["phone"]):
            message = self._contact_checks.message(box)
            if message:
                errors["email" if box is self.contact_fields["email"] else "phone"] = message
        return contact, errors

    def _customer_message(self, key: str, fallback: str) -> str:
        known = {
            "name": self.tr("A customer needs a name."),
            "code": self.tr("This code is already used by another customer."),
            "website": self.tr("A web address has no spaces."),
            "annual_revenue": self.tr("Not a number, or negative."),
        }
        return known.get(key, fallback)

    def show_errors(self, errors: dict[str, str], contact_errors: dict[str, str]) -> None:
        first: QWidget | None = None
        for key, message in errors.items():
            box = self.fields.get(key)
            if box is not None:
                box.set_error(self._customer_message(key, message))
                first = first or box
        for key, message in contact_errors.items():
            box = self.contact_fields.get(key)
            if box is not None:
                box.set_error(message)
                first = first or box
        self.error_banner.show_text(
            html.escape(self.tr("Please correct the fields marked in red."))
        )
        if first is not None:
            first.setFocus()

    def clear_errors(self) -> None:
        self.error_banner.hide()
        for box in [*self.fields.values(), *self.contact_fields.values()]:
            box.set_error(None)

    def save(self) -> None:
        if self._saving or not self._loaded:
            return
        self.clear_errors()
        data, errors = self.collect()
        try:
            customer_service.validate_customer(data)
        except ValidationError as exc:
            errors = {**field_texts(exc.field_errors), **errors}
        contact, contact_errors = (None, {})
        if self.is_new:
            contact, contact_errors = self.collect_contact(data)
        if errors or contact_errors:
            self.show_errors(errors, contact_errors)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        db = self.ctx.db
        if self.customer_id is None:
            contacts = [contact] if contact is not None else []
            self.ctx.tasks.submit(
                lambda: customer_service.create_customer(db, data, contacts),
                guarded(self, self._created),
                guarded(self, self._save_failed),
                write=True,
            )
        else:
            assert self._detail is not None
            cid, version = self.customer_id, self._detail.version
            self.ctx.tasks.submit(
                lambda: customer_service.update_customer(db, cid, version, data),
                guarded(self, lambda changes: self._updated(changes, data)),
                guarded(self, self._save_failed),
                write=True,
            )

    def _created(self, result: tuple[int, Any]) -> None:
        cid, changes = result
        db = self.ctx.db
        undo.push(
            self.ctx,
            self.tr("New customer %1").replace("%1", self.name.text().strip()),
            lambda: customer_service.restore_customers(db, [cid]),
            lambda: customer_service.delete_customers(db, [cid]),
            already_done=True,
        )
        self._finish(cid, changes)

    def _updated(self, changes: Any, new: CustomerInput) -> None:
        assert self._detail is not None and self.customer_id is not None
        db, cid, old = self.ctx.db, self.customer_id, self._detail.to_input()

        def put(data: CustomerInput) -> Any:
            # The version of the moment: undo applies over whatever the record is now.
            return customer_service.update_customer(
                db, cid, customer_service.get_customer(db, cid).version, data
            )

        undo.push(
            self.ctx,
            self.tr("Edit %1").replace("%1", new.name),
            lambda: put(new),
            lambda: put(old),
            already_done=True,
        )
        self._finish(cid, changes)

    def _finish(self, cid: int, changes: Any) -> None:
        self._saving = False
        self.ctx.bus.data_changed.emit(changes, self)
        self.customer_saved.emit(cid)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, StaleEditError):
            self.error_banner.show_text(
                html.escape(
                    self.tr(
                        "Someone else saved this customer after you opened it. "
                        "Nothing was overwritten and your changes were not saved."
                    )
                )
                + ' <a href="reload">'
                + self.tr("Load their version")
                + "</a>"
            )
        elif isinstance(exc, ValidationError):
            if exc.field_errors:
                self.show_errors(field_texts(exc.field_errors), {})
            else:
                self.error_banner.show_text(html.escape(error_text(exc)))
        elif isinstance(exc, NotFoundError | CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)
