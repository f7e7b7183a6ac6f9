"""Moving a ticket along its flow, asking for what the next step needs.

``perform_move`` is what the board (drag and drop, keyboard, context menu) and the ticket window
call. It asks ``tickets.move_rule`` what the move needs and opens the matching dialog: an agent
for assigning, the solution for resolving, the revisit (CSAT 1–5, NPS 0–10, comment) for closing,
a reason for reopening. A refused move is said in a sentence. The move runs on the write worker
and its ChangeSet goes out on the bus, so every screen showing the ticket follows.

Dialogs are opened with ``open()`` (window-modal, not a nested event loop), so a drop handler
returns at once and the flow continues when the dialog is finished.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.qt.service_text import error_text
from crmdesk.services import ChangeSet, CrmError
from crmdesk.services import tickets as ticket_service
from crmdesk.services.dto import UserRow
from crmdesk.views.ticket_step_dialogs import (
    AssigneeDialog,
    RevisitDialog,
    alive,
    reason_dialog,
    solution_dialog,
)

OnDone = Callable[[bool], None]

_CTX = "TicketMove"

# Windows and dialogs opened without a parent are kept alive here until they close.
_keep: set[QWidget] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _keep_until_closed(widget: QWidget) -> None:
    if widget.parent() is None:
        _keep.add(widget)
        widget.destroyed.connect(lambda *_: _keep.discard(widget))


def tell(parent: QWidget | None, text: str) -> QMessageBox:
    """Say ``text`` in a warning box that does not block (the caller's flow goes on)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "crmdesk"),
        text,
        QMessageBox.StandardButton.Ok,
        alive(parent),
    )
    box.setObjectName("ticketMoveMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _keep_until_closed(box)
    box.open()
    return box


def _failed(ctx: AppContext, parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, CrmError):
        tell(parent, error_text(exc))
    else:
        ctx.tasks.default_error_handler(exc)


def run_ticket_write(
    ctx: AppContext,
    parent: QWidget | None,
    fn: Callable[[], ChangeSet],
    on_done: OnDone | None = None,
) -> None:
    """Run a ticket write on the write worker, announce its changes, report success to
    ``on_done``; a refusal is said in a message box."""

    def done(changes: ChangeSet) -> None:
        ctx.bus.data_changed.emit(changes, None)
        if on_done is not None:
            on_done(True)

    def failed(exc: BaseException) -> None:
        _failed(ctx, parent, exc)
        if on_done is not None:
            on_done(False)

    ctx.tasks.submit(fn, done, failed, write=True)


# ---------------------------------------------------------------------------------------------
# The flow


def ticket_heading(detail: Any) -> str:  # noqa: ANN401 - a TicketDetail
    return f"{detail.number}  {detail.title}"


def _me(ctx: AppContext) -> int | None:
    return ctx.db.user.id if ctx.db.user is not None else None


def _with_me(ctx: AppContext, agents: Sequence[UserRow]) -> list[UserRow]:
    """The agents, and the signed-in user even when not one of them (a manager may take a
    ticket)."""
    me = ctx.db.user
    rows = list(agents)
    if me is not None and all(a.id != me.id for a in rows):
        rows.insert(0, UserRow(me.id, me.username, me.display_name, me.role, None, True))
    return rows


def perform_move(
    ctx: AppContext,
    parent: QWidget | None,
    ticket_id: int,
    version: int | None,
    from_status: str,
    to_status: str,
    on_done: OnDone | None = None,
) -> None:
    """Move a ticket from ``from_status`` to ``to_status``, asking for what the move needs.

    A refused move shows its sentence; a cancelled dialog changes nothing. ``on_done(True)``
    after the move was saved (its ChangeSet has been emitted on the bus), ``on_done(False)``
    when it was refused, cancelled or failed."""

    def finish(ok: bool) -> None:
        if on_done is not None:
            on_done(ok)

    rule = ticket_service.move_rule(from_status, to_status)
    if not rule.allowed:
        refusal = rule.refusal
        tell(
            parent,
            error_text(refusal)
            if refusal is not None
            else QCoreApplication.translate("TicketMove", "This ticket cannot move from %1 to %2.")
            .replace("%1", label("ticket_status", from_status))
            .replace("%2", label("ticket_status", to_status)),
        )
        finish(False)
        return

    needs = rule.needs
    answers: dict[str, Any] = {}
    db = ctx.db

    def save() -> None:
        def move() -> ChangeSet:
            return ticket_service.move_ticket(
                db,
                ticket_id,
                to_status,
                version=version,
                assignee_id=answers.get("assignee_id"),
                solution=answers.get("solution"),
                csat=answers.get("csat"),
                nps=answers.get("nps"),
                feedback=answers.get("feedback"),
                reason=answers.get("reason"),
            )

        run_ticket_write(ctx, parent, move, on_done)

    if not needs:
        save()
        return

    def fetch() -> tuple[Any, list[UserRow]]:
        detail = ticket_service.get_ticket(db, ticket_id)
        agents = ticket_service.list_agents(db) if "assignee" in needs else []
        return detail, agents

    def ask(data: tuple[Any, list[UserRow]]) -> None:
        detail, agents = data
        head = ticket_heading(detail)
        steps: list[Callable[[Callable[[], None]], None]] = []
        host = alive(parent)

        def run(dialog: QDialog, collect: Callable[[], None], then: Callable[[], None]) -> None:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            _keep_until_closed(dialog)

            def finished(result: int) -> None:
                if result == QDialog.DialogCode.Accepted:
                    collect()
                    then()
                else:
                    finish(False)

            dialog.finished.connect(finished)
            dialog.open()

        if "assignee" in needs:

            def assignee_step(then: Callable[[], None]) -> None:
                people = _with_me(ctx, agents)
                d = AssigneeDialog(host, head, people, _me(ctx))
                run(d, lambda: answers.__setitem__("assignee_id", d.assignee_id()), then)

            steps.append(assignee_step)
        if "solution" in needs:

            def solution_step(then: Callable[[], None]) -> None:
                d = solution_dialog(host, head, detail.solution or "")
                run(d, lambda: answers.__setitem__("solution", d.text()), then)

            steps.append(solution_step)
        if "satisfaction" in needs:

            def revisit_step(then: Callable[[], None]) -> None:
                d = RevisitDialog(host, head)

                def collect() -> None:
                    answers.update(csat=d.csat(), nps=d.nps(), feedback=d.feedback())

                run(d, collect, then)

            steps.append(revisit_step)
        if "reason" in needs:

            def reason_step(then: Callable[[], None]) -> None:
                d = reason_dialog(host, head, from_status, to_status)
                run(d, lambda: answers.__setitem__("reason", d.text()), then)

            steps.append(reason_step)

        def next_step(i: int = 0) -> None:
            if i < len(steps):
                steps[i](lambda: next_step(i + 1))
            else:
                save()

        next_step()

    def fetch_failed(exc: BaseException) -> None:
        _failed(ctx, parent, exc)
        finish(False)

    ctx.tasks.submit(fetch, ask, fetch_failed)


def set_waiting(
    ctx: AppContext,
    parent: QWidget | None,
    ticket_id: int,
    waiting: bool,
    on_done: OnDone | None = None,
) -> None:
    """Pause the ticket's clock while waiting for the customer (``waiting``), or resume it."""
    db = ctx.db
    run_ticket_write(
        ctx, parent, lambda: ticket_service.set_waiting(db, ticket_id, waiting), on_done
    )


def assign_to_me(
    ctx: AppContext, parent: QWidget | None, ticket_id: int, on_done: OnDone | None = None
) -> None:
    """Make the signed-in user the ticket's assignee."""
    me = _me(ctx)
    if me is None:
        if on_done is not None:
            on_done(False)
        return
    db = ctx.db
    run_ticket_write(ctx, parent, lambda: ticket_service.assign_ticket(db, ticket_id, me), on_done)


def choose_assignee(
    ctx: AppContext,
    parent: QWidget | None,
    ticket_id: int,
    on_done: OnDone | None = None,
) -> None:
    """Pick an agent for the ticket (proposing its current assignee, else me) and assign it
    without moving it."""
    db = ctx.db

    def fetch() -> tuple[Any, list[UserRow]]:
        return ticket_service.get_ticket(db, ticket_id), ticket_service.list_agents(db)

    def ask(data: tuple[Any, list[UserRow]]) -> None:
        detail, agents = data
        d = AssigneeDialog(
            alive(parent),
            ticket_heading(detail),
            _with_me(ctx, agents),
            detail.assignee_id or _me(ctx),
        )
        d.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _keep_until_closed(d)

        def finished(result: int) -> None:
            aid = d.assignee_id()
            if result != QDialog.DialogCode.Accepted or aid is None:
                if on_done is not None:
                    on_done(False)
                return
            run_ticket_write(
                ctx, parent, lambda: ticket_service.assign_ticket(db, ticket_id, aid), on_done
            )

        d.finished.connect(finished)
        d.open()

    def failed(exc: BaseException) -> None:
        _failed(ctx, parent, exc)
        if on_done is not None:
            on_done(False)

    ctx.tasks.submit(fetch, ask, failed)
