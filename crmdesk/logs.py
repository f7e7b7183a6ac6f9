"""The log files: rotating, in the OS's log folder, with a crash trace for native faults.

No Qt here: the app and the command line both log through this module (the app adds Qt's own
messages in crmdesk.qt.errors).
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
from pathlib import Path
from typing import IO

import crmdesk
from crmdesk import APP_NAME

LOG_FILE = "crmdesk.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 2_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("crmdesk")

# The crash file must stay open for faulthandler to write into it when the process dies.
_crash_stream: IO[str] | None = None


def log_file() -> Path:
    from crmdesk.paths import log_dir

    return log_dir() / LOG_FILE


def setup_logging(file_name: str = LOG_FILE, *, crash_trace: bool = True) -> Path | None:
    """Send log records (with tracebacks) to a rotating file in the log folder.

    Does nothing when the caller (a test, an embedding program) set logging up already. With
    ``crash_trace`` a crash in native code (Qt, a database driver) still leaves the Python stacks
    of every thread in crash.log beside it. Returns the log file, or None when it could not be
    opened (a read-only home: the records then go to stderr, if there is one).
    """
    root = logging.getLogger()
    if root.handlers:
        return None
    from crmdesk.paths import log_dir

    path: Path | None
    try:
        folder = log_dir()
        path = folder / file_name
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        path = None
        # A windowed app on Windows has no stderr at all.
        handler = logging.StreamHandler() if sys.stderr else logging.NullHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if crash_trace and path is not None:
        _enable_crash_trace(path.parent / CRASH_FILE)
    return path


def _enable_crash_trace(path: Path) -> None:
    global _crash_stream
    if _crash_stream is not None:
        return
    try:
        # Appending keeps the trace of an earlier crash until the next one is written.
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.unlink()
        _crash_stream = open(path, "a", encoding="utf-8")  # noqa: SIM115 - kept open on purpose
    except OSError:
        return
    faulthandler.enable(_crash_stream, all_threads=True)


def describe_runtime() -> str:
    """One line for the log and the About box's details: what is running, where."""
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    return (
        f"{APP_NAME} {crmdesk.__version__}{frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()} {platform.machine()}"
    )
