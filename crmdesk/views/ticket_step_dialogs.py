"""The small dialogs a ticket move asks with: who works on it, the solution, why it is
reopened, and the satisfaction revisit (CSAT 1–5, NPS 0–10, comment) that closes it.

Each says which ticket it is about, shows a missing answer under its field, and accepts with
Ctrl+Enter. ``perform_move`` (ticket_move.py) opens them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.labels import label
from crmdesk.services.dto import UserRow
from crmdesk.views.ticket_text import csat_text

_CTX = "TicketStepDialogs"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def alive(widget: QWidget | None) -> QWidget | None:
    """``widget`` unless it was deleted meanwhile (a dialog then opens without a parent)."""
    return widget if widget is not None and shiboken6.isValid(widget) else None


class _StepDialog(QDialog):
    """A small dialog: what is asked and for which ticket, the editors, OK/Cancel."""

    def __init__(self, parent: QWidget | None, title: str, ticket_text: str, ok_text: str):
        super().__init__(alive(parent))
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.layout_ = QVBoxLayout(self)
        if ticket_text:
            head = QLabel(ticket_text, self)
            head.setTextFormat(Qt.TextFormat.PlainText)
            head.setWordWrap(True)
            head.setStyleSheet("font-weight: bold;")
            self.layout_.addWidget(head)
        self.body = QVBoxLayout()
        self.layout_.addLayout(self.body, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def show_error(self, error: QLabel, text: str) -> None:
        """Say ``text`` under the field; the dialog grows rather than squeezing its buttons."""
        error.setText(text)
        error.show()
        layout = self.layout_
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _error_label(self) -> QLabel:
        error = QLabel(self)
        error.setObjectName("fieldError")
        error.setStyleSheet("color: #d32f2f;")
        error.setWordWrap(True)
        error.hide()
        return error


class AssigneeDialog(_StepDialog):
    """Choose who works on the ticket; the signed-in user is proposed."""

    def __init__(
        self,
        parent: QWidget | None,
        ticket_text: str,
        agents: Sequence[UserRow],
        default_id: int | None,
        ok_text: str | None = None,
    ) -> None:
        super().__init__(
            parent, self.tr("Assign the ticket"), ticket_text, ok_text or self.tr("Assign")
        )
        self.combo = QComboBox(self)
        for a in agents:
            text = a.display_name
            if a.team_name:
                text += f"  ({a.team_name})"
            self.combo.addItem(text, a.id)
        index = self.combo.findData(default_id)
        self.combo.setCurrentIndex(index if index >= 0 else 0)
        caption = QLabel(self.tr("Who works on it?"), self)
        caption.setBuddy(self.combo)
        self.body.addWidget(caption)
        self.body.addWidget(self.combo)
        self.error = self._error_label()
        self.body.addWidget(self.error)
        if not agents:
            self.error.setText(self.tr("There is nobody to assign it to."))
            self.error.show()
            self.ok_button.setEnabled(False)
        self.resize(420, self.sizeHint().height())

    def assignee_id(self) -> int | None:
        data = self.combo.currentData()
        return int(data) if data is not None else None

    def set_assignee(self, user_id: int) -> None:
        index = self.combo.findData(user_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def accept(self) -> None:
        if self.assignee_id() is None:
            return
        super().accept()


class TextStepDialog(_StepDialog):
    """One required text: the solution when resolving, the reason when reopening."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        ticket_text: str,
        question: str,
        ok_text: str,
        text: str = "",
        required_message: str = "",
    ) -> None:
        super().__init__(parent, title, ticket_text, ok_text)
        caption = QLabel(question, self)
        caption.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setPlainText(text)
        self.edit.setMinimumHeight(self.edit.fontMetrics().lineSpacing() * 6 + 12)
        caption.setBuddy(self.edit)
        self.body.addWidget(caption)
        self.body.addWidget(self.edit, 1)
        self.error = self._error_label()
        self.body.addWidget(self.error)
        self._required_message = required_message or self.tr("Required.")
        self.edit.textChanged.connect(self._clear_error)
        self.resize(520, 320)
        self.edit.setFocus()

    def _clear_error(self) -> None:
        if self.edit.toPlainText().strip():
            self.error.hide()
            self.edit.setStyleSheet("")

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.text():
            self.show_error(self.error, self._required_message)
            self.edit.setStyleSheet("border: 1px solid #d32f2f;")
            self.edit.setFocus()
            return
        super().accept()


def solution_dialog(parent: QWidget | None, ticket_text: str, text: str) -> TextStepDialog:
    return TextStepDialog(
        parent,
        QCoreApplication.translate("TicketStepDialogs", "Resolve the ticket"),
        ticket_text,
        QCoreApplication.translate(
            "TicketStepDialogs",
            "What was the solution? It is kept with the ticket and can become a "
            "knowledge-base article.",
        ),
        QCoreApplication.translate("TicketStepDialogs", "Resolve"),
        text,
        QCoreApplication.translate(
            "TicketStepDialogs", "Write down the solution before resolving."
        ),
    )


def reason_dialog(
    parent: QWidget | None, ticket_text: str, from_status: str, to_status: str
) -> TextStepDialog:
    return TextStepDialog(
        parent,
        QCoreApplication.translate("TicketStepDialogs", "Reopen the ticket"),
        ticket_text,
        QCoreApplication.translate("TicketStepDialogs", "Why does it go back from %1 to %2?")
        .replace("%1", label("ticket_status", from_status))
        .replace("%2", label("ticket_status", to_status)),
        QCoreApplication.translate("TicketStepDialogs", "Reopen"),
        "",
        QCoreApplication.translate("TicketStepDialogs", "Say why the ticket is reopened."),
    )


class RevisitDialog(_StepDialog):
    """The satisfaction revisit (客户回访) that closes a ticket: CSAT 1–5 (required), the NPS
    question 0–10 (optional) and what the customer said."""

    def __init__(self, parent: QWidget | None, ticket_text: str) -> None:
        super().__init__(parent, self.tr("Customer revisit"), ticket_text, self.tr("Close ticket"))
        self._csat: int | None = None
        self._nps: int | None = None

        q1 = QLabel(self.tr("How satisfied is the customer with how the problem was handled?"))
        q1.setWordWrap(True)
        self.body.addWidget(q1)
        row = QHBoxLayout()
        row.setSpacing(0)
        self.star_buttons: list[QToolButton] = []
        for n in range(1, 6):
            b = QToolButton(self)
            b.setText("☆")
            b.setAutoRaise(True)
            b.setToolTip(f"{n} · {csat_text(n)}")
            b.setAccessibleName(f"{n} · {csat_text(n)}")
            b.setStyleSheet("QToolButton { font-size: 26px; color: #f9a825; padding: 0 2px; }")
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.clicked.connect(lambda _=False, s=n: self.set_csat(s))
            self.star_buttons.append(b)
            row.addWidget(b)
        self.csat_label = QLabel(self)
        self.csat_label.setStyleSheet("color: #616161; padding-left: 8px;")
        row.addWidget(self.csat_label)
        row.addStretch(1)
        self.body.addLayout(row)
        self.csat_error = self._error_label()
        self.body.addWidget(self.csat_error)

        q2 = QLabel(
            self.tr(
                "How likely is the customer to recommend us to a friend or colleague? "
                "(0 = not at all, 10 = extremely; optional)"
            ),
            self,
        )
        q2.setWordWrap(True)
        self.body.addSpacing(6)
        self.body.addWidget(q2)
        grid = QGridLayout()
        grid.setHorizontalSpacing(3)
        self.nps_group = QButtonGroup(self)
        self.nps_group.setExclusive(False)
        self.nps_buttons: list[QPushButton] = []
        for n in range(11):
            b = QPushButton(str(n), self)
            b.setCheckable(True)
            b.setFixedWidth(b.fontMetrics().horizontalAdvance("10") + 22)
            color = "#e57373" if n <= 6 else ("#ffd54f" if n <= 8 else "#81c784")
            b.setStyleSheet(f"QPushButton:checked {{ background: {color}; font-weight: bold; }}")
            self.nps_group.addButton(b, n)
            self.nps_buttons.append(b)
            grid.addWidget(b, 0, n)
        self.nps_group.idClicked.connect(self._nps_clicked)
        self.body.addLayout(grid)

        self.body.addSpacing(6)
        q3 = QLabel(self.tr("What did the customer say? (optional)"), self)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 4 + 12)
        q3.setBuddy(self.comment)
        self.body.addWidget(q3)
        self.body.addWidget(self.comment)
        self.set_csat(None)
        self.resize(560, self.sizeHint().height())

    def set_csat(self, score: int | None) -> None:
        self._csat = score
        for n, b in enumerate(self.star_buttons, start=1):
            b.setText("★" if score is not None and n <= score else "☆")
        self.csat_label.setText(
            f"{score} / 5 · {csat_text(score)}" if score else self.tr("Choose 1 to 5 stars")
        )
        if score:
            self.csat_error.hide()

    def set_nps(self, score: int | None) -> None:
        self._nps = score
        for n, b in enumerate(self.nps_buttons):
            b.setChecked(n == score)

    def _nps_clicked(self, n: int) -> None:
        # Clicking the chosen answer again takes it back: the question is optional.
        self.set_nps(None if self._nps == n else n)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        # 1–5 on the keyboard gives the stars while the comment box does not have the focus.
        key = event.key()
        if not self.comment.hasFocus() and Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.set_csat(int(key - Qt.Key.Key_0))
            return
        super().keyPressEvent(event)

    def csat(self) -> int | None:
        return self._csat

    def nps(self) -> int | None:
        return self._nps

    def feedback(self) -> str | None:
        return self.comment.toPlainText().strip() or None

    def accept(self) -> None:
        if not self._csat:
            self.show_error(
                self.csat_error, self.tr("Choose how satisfied the customer is (1 to 5 stars).")
            )
            self.star_buttons[0].setFocus()
            return
        super().accept()
