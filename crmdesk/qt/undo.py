"""Undo/Redo (Ctrl+Z / Ctrl+Shift+Z) for edits and deletes made in this session.

A command holds two service calls, each returning a ChangeSet. They run on the write worker;
when one finishes, the change is announced on the bus so the screens refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from crmdesk.qt.context import AppContext
from crmdesk.services import ChangeSet


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        ctx: AppContext,
        text: str,
        redo_fn: Callable[[], ChangeSet],
        undo_fn: Callable[[], ChangeSet],
        *,
        already_done: bool = False,
    ) -> None:
        """``already_done``: the first redo() is skipped because the change was made already
        (a form saved it and waited for the result before the command was pushed)."""
        super().__init__(text)
        self._ctx = ctx
        self._redo_fn = redo_fn
        self._undo_fn = undo_fn
        self._skip_first_redo = already_done

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self._redo_fn)

    def undo(self) -> None:
        self._run(self._undo_fn)

    def _run(self, fn: Callable[[], ChangeSet]) -> None:
        ctx = self._ctx
        ctx.tasks.submit(fn, lambda changes: ctx.bus.data_changed.emit(changes, None), write=True)


def push(
    ctx: AppContext,
    text: str,
    redo_fn: Callable[[], ChangeSet],
    undo_fn: Callable[[], ChangeSet],
    *,
    already_done: bool = False,
) -> None:
    ctx.undo.push(ServiceCommand(ctx, text, redo_fn, undo_fn, already_done=already_done))
