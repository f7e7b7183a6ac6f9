"""The application's one change signal (Anki's OpChanges idea).

After a write, whoever made it emits ``data_changed(changes, source)``; every view decides for
itself whether it needs to refresh. Views never poke each other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppBus(QObject):
    # (ChangeSet, the QObject that made the change or None)
    data_changed = Signal(object, object)
    # intents from anywhere in the app, handled by the main window
    open_customer_requested = Signal(int)
    open_ticket_requested = Signal(int)
    status_message_requested = Signal(str)
