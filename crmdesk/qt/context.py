"""What every screen is given: the database handle, the task runner, the bus and the undo stack."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from crmdesk.qt.bus import AppBus
from crmdesk.qt.tasks import TaskRunner
from crmdesk.services import Database


@dataclass
class AppContext:
    db: Database
    tasks: TaskRunner
    bus: AppBus
    undo: QUndoStack

    @classmethod
    def create(cls, db: Database) -> AppContext:
        return cls(db=db, tasks=TaskRunner(), bus=AppBus(), undo=QUndoStack())

    def close(self) -> None:
        self.tasks.shutdown()
