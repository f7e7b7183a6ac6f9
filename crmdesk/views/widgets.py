"""Small widgets the customer screens share: a field with its inline error, banners, tag chips
and a tag picker, an optional date edit, key-figure tiles, and the locale-aware formatters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.simple_models import (  # noqa: F401 - re-exported for the views
    fmt_date,
    fmt_datetime,
    fmt_money,
    fmt_number,
)
from crmdesk.services.dto import TagRef
from crmdesk.services.text import is_valid_email, is_valid_phone

ERROR_RED = "#d32f2f"


def guarded(widget: QWidget, fn: Callable[..., Any]) -> Callable[..., None]:
    """Wrap a task callback so it does nothing once ``widget`` was closed and deleted (a
    background result may arrive after the user closed the screen)."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            fn(*args)

    return call


class FieldBox(QWidget):
    """An editor with a red sentence under it and a red border when its value is wrong."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_RED}; font-size: 11px;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)

    def set_error(self, message: str | None) -> None:
        if message:
            self.error_label.setText(message)
            self.error_label.show()
            self.editor.setStyleSheet(f"border: 1px solid {ERROR_RED}; border-radius: 2px;")
        else:
            self.error_label.clear()
            self.error_label.hide()
            self.editor.setStyleSheet("")

    @property
    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""


_BANNER_COLORS = {
    "warning": ("#fff8e1", "#f9a825", "#5d4200"),
    "error": ("#ffebee", "#e57373", "#8e0000"),
    "info": ("#e3f2fd", "#64b5f6", "#0d3c61"),
}


class Banner(QFrame):
    """A coloured strip inside a screen (not a modal box); links in its text are activated."""

    link_activated = Signal(str)

    def __init__(self, kind: str = "warning", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bg, border, fg = _BANNER_COLORS[kind]
        self.setObjectName("banner")
        self.setStyleSheet(
            f"QFrame#banner {{ background: {bg}; border: 1px solid {border}; border-radius: 4px; }}"
            f" QLabel {{ color: {fg}; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(self.link_activated)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_text(self, html: str) -> None:
        self.label.setText(html)
        self.show()

    def text(self) -> str:
        return self.label.text()


def chip(text: str, color: str = "#607d8b", parent: QWidget | None = None) -> QLabel:
    """A small rounded label in ``color`` (tags, tier, stage)."""
    label = QLabel(text, parent)
    c = QColor(color)
    fg = "#ffffff" if c.lightnessF() < 0.6 else "#202020"
    label.setStyleSheet(
        f"background: {c.name()}; color: {fg}; border-radius: 9px; padding: 1px 8px;"
        " min-height: 16px;"
    )
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return label


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them (tag chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), True)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, False)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            next_x = x + hint.width() + self._spacing
            if next_x - self._spacing > rect.right() and line_height > 0:
                x = rect.x()
                y += line_height + self._spacing
                next_x = x + hint.width() + self._spacing
                line_height = 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x = next_x
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is not None and item.widget() is not None:
            item.widget().deleteLater()


class TagPicker(QWidget):
    """Chosen tags as removable chips, and a combo to add an existing tag or type a new one."""

    changed = Signal()
    # The user typed a tag that does not exist yet; the owner creates it and calls add_tag().
    create_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[TagRef] = []
        self._chosen: list[TagRef] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._chips_host = QWidget(self)
        self._chips = FlowLayout(self._chips_host)
        layout.addWidget(self._chips_host)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.lineEdit().setPlaceholderText(self.tr("Add a tag… (type a new one + Enter)"))
        self.combo.activated.connect(self._on_activated)
        self.combo.lineEdit().returnPressed.connect(self._on_return)
        layout.addWidget(self.combo)
        self._chips_host.hide()

    def set_available(self, tags: Sequence[TagRef]) -> None:
        self._all = list(tags)
        self._refill_combo()

    def set_tags(self, tags: Sequence[TagRef]) -> None:
        self._chosen = list(tags)
        self._rebuild()

    def tags(self) -> list[TagRef]:
        return list(self._chosen)

    def tag_ids(self) -> tuple[int, ...]:
        return tuple(t.id for t in self._chosen)

    def add_tag(self, tag: TagRef) -> None:
        if all(t.id != tag.id for t in self._all):
            self._all.append(tag)
        if all(t.id != tag.id for t in self._chosen):
            self._chosen.append(tag)
            self._rebuild()
            self.changed.emit()

    def remove_tag(self, tag_id: int) -> None:
        self._chosen = [t for t in self._chosen if t.id != tag_id]
        self._rebuild()
        self.changed.emit()

    def _refill_combo(self) -> None:
        chosen = {t.id for t in self._chosen}
        self.combo.blockSignals(True)
        self.combo.clear()
        for t in self._all:
            if t.id not in chosen:
                text = f"{t.name}  ({t.group})" if t.group else t.name
                self.combo.addItem(text, t.id)
        self.combo.setCurrentIndex(-1)
        self.combo.clearEditText()
        self.combo.blockSignals(False)

    def _rebuild(self) -> None:
        clear_layout(self._chips)
        for t in self._chosen:
            self._chips.addWidget(self._make_chip(t))
        self._chips_host.setVisible(bool(self._chosen))
        self._refill_combo()

    def _make_chip(self, tag: TagRef) -> QWidget:
        box = QFrame(self._chips_host)
        c = QColor(tag.color or "#607d8b")
        fg = "#ffffff" if c.lightnessF() < 0.6 else "#202020"
        box.setStyleSheet(
            f"QFrame {{ background: {c.name()}; border-radius: 9px; }}"
            f" QLabel, QToolButton {{ color: {fg}; background: transparent; border: none; }}"
        )
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 1, 2, 1)
        row.setSpacing(2)
        row.addWidget(QLabel(tag.name, box))
        remove = QToolButton(box)
        remove.setText("×")
        remove.setToolTip(self.tr("Remove tag %1").replace("%1", tag.name))
        remove.setAutoRaise(True)
        remove.clicked.connect(lambda: self.remove_tag(tag.id))
        row.addWidget(remove)
        return box

    def _on_activated(self, index: int) -> None:
        tag_id = self.combo.itemData(index)
        tag = next((t for t in self._all if t.id == tag_id), None)
        if tag is not None:
            self.add_tag(tag)

    def _on_return(self) -> None:
        text = " ".join(self.combo.currentText().split())
        if not text:
            return
        existing = next((t for t in self._all if t.name.lower() == text.lower()), None)
        if existing is not None:
            self.add_tag(existing)
        else:
            self.create_requested.emit(text)
        self.combo.clearEditText()


_NO_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date edit with a "none" state (its minimum, shown as a dash or a sentence)."""

    def __init__(self, none_text: str = "—", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText(none_text)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(_NO_DATE)

    def value(self) -> dt.date | None:
        d = self.date()
        if d == _NO_DATE:
            return None
        return dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(_NO_DATE)
        else:
            self.setDate(QDate(value.year, value.month, value.day))


class Tile(QFrame):
    """A key figure: a small grey caption over a large value, with an optional second line."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(
            "QFrame#tile { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet("color: #757575;")
        self.value = QLabel("—", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.value.setFont(font)
        self.sub = QLabel(self)
        self.sub.setStyleSheet("color: #757575;")
        self.sub.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.sub)
        layout.addStretch(1)

    def set(self, value: str, sub: str = "") -> None:
        self.value.setText(value or "—")
        self.sub.setText(sub)
        self.sub.setVisible(bool(sub))


# ---------------------------------------------------------------------------------------------
# Shared by the customer and contact forms


def parse_money(text: str) -> Decimal | None:
    """'1,200,000', '¥ 1 200 000.50', '１２００' → Decimal; '' → None; ValueError if not a number."""
    cleaned = text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    cleaned = "".join(cleaned.split())
    if not cleaned:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def plain_text_edit(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class EmailPhoneChecks:
    """Live format checks for an email and a phone field: an error appears after a short pause
    (or when the field is left) and disappears as soon as the value is right."""

    def __init__(self, owner: QWidget, email: FieldBox, phone: FieldBox) -> None:
        self._owner = owner
        self.email, self.phone = email, phone
        for box in (email, phone):
            timer = QTimer(owner)
            timer.setSingleShot(True)
            timer.setInterval(600)
            timer.timeout.connect(lambda b=box: self.check(b))
            edit: QLineEdit = box.editor  # type: ignore[assignment]
            edit.textChanged.connect(lambda _t, b=box, t=timer: self._changed(b, t))
            edit.editingFinished.connect(lambda b=box: self.check(b))

    def _changed(self, box: FieldBox, timer: QTimer) -> None:
        if box.error:
            self.check(box)  # clear it the moment the value becomes right
        else:
            timer.start()

    def message(self, box: FieldBox) -> str | None:
        text = box.editor.text().strip()  # type: ignore[attr-defined]
        if not text:
            return None
        if box is self.email and not is_valid_email(text):
            return QCoreApplication.translate(
                "EmailPhoneChecks", "Not an email address (like name@example.com)."
            )
        if box is self.phone and not is_valid_phone(text):
            return QCoreApplication.translate(
                "EmailPhoneChecks", "Not a phone number (like 138 1234 5678 or 010-12345678)."
            )
        return None

    def check(self, box: FieldBox) -> bool:
        message = self.message(box)
        box.set_error(message)
        return message is None
