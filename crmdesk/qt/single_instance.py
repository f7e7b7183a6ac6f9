"""One running crmdesk per database: a second launch on the same database brings the running
window to the front and exits.

The first process takes a lock file (QLockFile: a lock left by a process that died is taken
over) and listens on a local socket; both are named after the database, so two databases can
be open side by side. A later process finds the lock taken, connects to the socket, asks the
first to show its window and exits.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from crmdesk import BUNDLE_ID

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
ACTIVATED = b"ok\n"
CONNECT_MS = 1000
CONNECT_TRIES = 5


def _user() -> str:
    for name in ("USER", "USERNAME", "LOGNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return str(os.getuid()) if hasattr(os, "getuid") else "user"


def instance_name(key: str) -> str:
    """The socket (and lock file) name for ``key``: the same database and the same user
    always give the same name; nothing in it can be read back to the database's address."""
    digest = hashlib.sha256(f"{_user()}\0{key}".encode()).hexdigest()[:24]
    return f"{BUNDLE_ID}-{digest}"


class SingleInstance(QObject):
    """Claim a database for this process, or hand the launch over to the one that has it."""

    activation_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = instance_name(key)
        self.lock = QLockFile(QDir(QDir.tempPath()).filePath(self.name + ".lock"))
        # Stale only when its process is gone, however long it was held.
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None
        self.window: QWidget | None = None

    def claim(self) -> bool:
        """True when this process is now the one for the database; False when another is."""
        if not self.lock.tryLock(0):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                return False
            # No permission to write the temporary folder: better two windows than none.
            log.warning("single-instance lock %s unavailable: %s", self.name, self.lock.error())
            return True
        # Holding the lock, any socket by this name was left by a process that died.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("single-instance socket %s: %s", self.name, server.errorString())
            return True
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def notify_running(self, reply_ms: int = 3000) -> bool:
        """Ask the process that holds the database to show its window; True when it said so.

        The process may be starting (migrating a big database) and not listen yet: a few
        attempts are made before giving up."""
        _allow_foreground()
        socket = QLocalSocket()
        for _ in range(CONNECT_TRIES):
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_MS):
                break
            socket.abort()
        else:
            return False
        socket.write(QByteArray(ACTIVATE))
        socket.waitForBytesWritten(CONNECT_MS)
        answered = False
        if reply_ms > 0 and socket.waitForReadyRead(reply_ms):
            answered = bytes(socket.readAll().data()).startswith(ACTIVATED)
        socket.disconnectFromServer()
        return answered or reply_ms <= 0

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_message(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if ACTIVATE.strip() not in data:
            return
        log.info("another launch on this database: showing the window")
        if self.window is not None:
            bring_to_front(self.window)
        self.activation_requested.emit()
        socket.write(QByteArray(ACTIVATED))
        socket.flush()


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` as the user left it, but raised and focused."""
    if window.isMinimized():
        # Clearing only "minimized" keeps a maximized window maximized.
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def _allow_foreground() -> None:
    # Windows only lets the foreground process hand the foreground over; this launch is the
    # foreground one (the user just started it), so it lets the running window come forward.
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
        except (AttributeError, OSError):
            pass
