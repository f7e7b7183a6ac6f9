"""Ctrl+T, a follow-up task for the customer a screen shows: the shortcut is installed when the
screen is built, the dialog module is loaded when the shortcut is first used (the customer list
is built at start, before its first paint)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from crmdesk.qt.context import AppContext

QUICK_TASK_KEYS = QKeySequence("Ctrl+T")


def install_quick_task_action(
    widget: QWidget,
    ctx: AppContext,
    current_customer: Callable[[], tuple[int, str] | None],
) -> QAction:
    """Ctrl+T on ``widget`` (and its children) opens a quick task for the customer it shows."""
    action = QAction(QCoreApplication.translate("QuickTaskDialog", "New follow-up task…"), widget)
    action.setShortcut(QUICK_TASK_KEYS)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def trigger() -> None:
        chosen = current_customer()
        if chosen is not None:
            from crmdesk.views.task_dialog import open_quick_task

            widget._quick_task_dialog = open_quick_task(ctx, widget, *chosen)  # type: ignore[attr-defined]

    action.triggered.connect(trigger)
    widget.addAction(action)
    return action
