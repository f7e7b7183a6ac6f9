"""Moving a deal to another stage, asking what the move needs: the reason for a lost deal
(输单原因), whether to create the order for a won one. The board (drag and drop, keyboard,
context menu) and the deal dialog call ``perform_deal_move``; the move runs on the write worker
and its ChangeSet goes out on the bus.

Dialogs are opened with ``open()`` (window-modal, no nested event loop), so a drop handler
returns at once and the move goes on when the dialog is answered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.qt.context import AppContext
from crmdesk.qt.deal_models import stage_title
from crmdesk.views.ticket_move import run_ticket_write
from crmdesk.views.ticket_step_dialogs import TextStepDialog, alive

OnDone = Callable[[bool], None]
_CTX = "DealMove"
OPEN = "open"

# The dialog a move is waiting on (tests answer it; a second move closes a forgotten one).
pending: dict[str, QWidget] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def move_allowed(from_outcome: str, to_outcome: str) -> bool:
    """Open ↔ open, open → won or lost, and won or lost back to an open stage (reopening);
    won ↔ lost goes through an open stage."""
    return from_outcome == OPEN or to_outcome == OPEN


def move_hint(from_outcome: str, to_outcome: str) -> str:
    if not move_allowed(from_outcome, to_outcome):
        return QCoreApplication.translate("DealMove", "Reopen it first")
    if to_outcome == "lost":
        return QCoreApplication.translate("DealMove", "Asks why it was lost")
    if to_outcome == "won":
        return QCoreApplication.translate("DealMove", "Offers to create the order")
    if from_outcome != OPEN:
        return QCoreApplication.translate("DealMove", "Reopens the deal")
    return QCoreApplication.translate("DealMove", "Drop here")


def lost_reason_dialog(parent: QWidget | None, deal_text: str) -> TextStepDialog:
    return TextStepDialog(
        parent,
        QCoreApplication.translate("DealMove", "Deal lost"),
        deal_text,
        QCoreApplication.translate(
            "DealMove", "Why was the deal lost (price, competitor, no budget, timing…)?"
        ),
        QCoreApplication.translate("DealMove", "Mark as lost"),
        "",
        QCoreApplication.translate("DealMove", "Say why the deal was lost."),
    )


def won_box(parent: QWidget | None, deal_text: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("DealMove", "Deal won"),
        QCoreApplication.translate("DealMove", "%1 is won. Create the order for it now?").replace(
            "%1", deal_text
        ),
        QMessageBox.StandardButton.NoButton,
        alive(parent),
    )
    box.setObjectName("dealWonBox")
    box.addButton(
        QCoreApplication.translate("DealMove", "Create order"), QMessageBox.ButtonRole.YesRole
    )
    box.addButton(
        QCoreApplication.translate("DealMove", "Without order"), QMessageBox.ButtonRole.NoRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def perform_deal_move(
    ctx: AppContext,
    parent: QWidget | None,
    card: Any,  # noqa: ANN401 - a DealCard (id, version, title, stage)
    from_outcome: str,
    to_stage: str,
    to_outcome: str,
    to_name: str | None = None,
    on_done: OnDone | None = None,
) -> None:
    """Move ``card`` to ``to_stage``: lost asks for the reason, won offers the order; a move
    that is not allowed is said, not tried."""
    from crmdesk.services import pipeline
    from crmdesk.views.ticket_move import tell

    def finish(ok: bool) -> None:
        if on_done is not None:
            on_done(ok)

    if not move_allowed(from_outcome, to_outcome):
        tell(
            parent,
            QCoreApplication.translate(
                "DealMove", "A closed deal goes back to an open stage before it can be %1."
            ).replace("%1", stage_title(to_stage, to_name).lower()),
        )
        finish(False)
        return
    db = ctx.db
    deal_id, version = card.id, card.version

    def write(lost_reason: str | None = None, create_order: bool = False) -> None:
        run_ticket_write(
            ctx,
            parent,
            lambda: pipeline.move_deal(
                db,
                deal_id,
                to_stage,
                version=version,
                lost_reason=lost_reason,
                create_order=create_order,
            ),
            on_done,
        )

    old = pending.pop("move", None)
    if old is not None and alive(old) is not None:
        old.close()
    if to_outcome == "lost":
        dialog = lost_reason_dialog(parent, card.title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        pending["move"] = dialog

        def answered(result: int) -> None:
            pending.pop("move", None)
            if result:
                write(lost_reason=dialog.text())
            else:
                finish(False)

        dialog.finished.connect(answered)
        dialog.open()
        return
    if to_outcome == "won":
        box = won_box(parent, card.title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        pending["move"] = box

        def clicked(button: Any) -> None:  # noqa: ANN401
            pending.pop("move", None)
            role = box.buttonRole(button)
            if role == QMessageBox.ButtonRole.YesRole:
                write(create_order=True)
            elif role == QMessageBox.ButtonRole.NoRole:
                write(create_order=False)
            else:
                finish(False)

        box.buttonClicked.connect(clicked)
        box.open()
        return
    write()
