"""Starting the desktop application: Qt, translations, the database, the main window.

Start-up stays light on purpose, so the customer list paints quickly:
- nothing here imports openpyxl or pyqtgraph (the screens that need them import them when they
  are opened);
- on the usual start (a SQLite file at this build's schema) the database layer, SQLAlchemy and
  the models, about half of start-up, loads on a worker while the window is built and painted
  from a plain ``sqlite3`` read of the list's first page (``open_context``).
"""

from __future__ import annotations

# isort: off
# What needs no Qt is imported before Qt on purpose: PySide6 installs an import hook that reads
# the source of every module imported after it (to look for "PySide6"), which costs start-up
# time for each one.
import logging
import logging.handlers  # noqa: F401 - crmdesk.logs
import os
import signal
import sys
import time
from collections.abc import Callable

import crmdesk.logs  # noqa: F401
import crmdesk.paths  # noqa: F401
import crmdesk.services.quick_read  # noqa: F401

# isort: on
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import crmdesk
from crmdesk.logs import describe_runtime
from crmdesk.paths import resource_path
from crmdesk.qt import errors, i18n
from crmdesk.qt.context import AppContext, DatabaseOpening, open_signed_in
from crmdesk.qt.settings import Settings
from crmdesk.qt.single_instance import SingleInstance
from crmdesk.services import CrmError
from crmdesk.services.quick_read import QuickReader, sqlite_file
from crmdesk.views.main_window import MainWindow

log = logging.getLogger("crmdesk")


def _setup_logging() -> None:
    """A rotating log file in the user's log folder, unless the caller set logging up."""
    from crmdesk.logs import setup_logging

    setup_logging()


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(crmdesk.APP_NAME)
    app.setOrganizationName(crmdesk.ORG_NAME)
    app.setOrganizationDomain(crmdesk.ORG_DOMAIN)
    # The version (package metadata, ~25 ms of imports) is set once the window has painted:
    # see show_main_window.
    app.setApplicationDisplayName(crmdesk.APP_DISPLAY_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "crmdesk.svg"))))
    _follow_dark_mode(app)
    return app  # type: ignore[return-value]


def _follow_dark_mode(app: QApplication) -> None:
    # Windows 10's native style paints light whatever the system says; Fusion follows the
    # system's dark or light colours (Windows 11's style and macOS follow them themselves).
    dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    if sys.platform == "win32" and dark and app.style().name().lower() == "windowsvista":
        app.setStyle("fusion")


def build_main_window(
    ctx: AppContext, settings: Settings | None = None, *, demo: bool = False
) -> MainWindow:
    """The main window on ``ctx``; background errors are shown over it."""
    window = MainWindow(ctx, settings or Settings(), demo=demo)
    ctx.tasks.default_error_handler = errors.background_error_handler(window)
    return window


def open_context(db_url: str | None) -> AppContext:
    """The context the window is built on.

    The usual start, a SQLite file already at this build's schema, returns at once: the list's
    first page is read with plain ``sqlite3`` (``QuickReader``) and the database layer opens
    the file on a worker (``DatabaseOpening``). Anything else (a new file, a migration, a
    server) opens the database here, migrating first, and raises what ``Database.open`` or the
    sign-in raise."""
    quick = QuickReader.open(db_url)
    if quick is None:
        return AppContext(open_signed_in(db_url), owns_db=True)
    return AppContext.opening(DatabaseOpening(db_url), quick)


# If the list never paints (a minimised start), the database opens after this anyway.
OPEN_AT_LATEST_MS = 1000


def show_main_window(window: MainWindow) -> None:
    """Show the window; once the customer list has painted, start opening the database (if
    it is not open yet) and then the background jobs."""
    ctx = window.ctx
    if not ctx.ready:
        viewport = window.customers.table.viewport()
        watcher = _FirstPaint(viewport, lambda: QTimer.singleShot(0, ctx.start_opening))
        viewport.installEventFilter(watcher)
        QTimer.singleShot(OPEN_AT_LATEST_MS, window, ctx.start_opening)
    window.show()
    window.start_background_jobs()
    ctx.when_ready(_set_version)


def _set_version() -> None:
    app = QCoreApplication.instance()
    if app is not None:
        app.setApplicationVersion(crmdesk.__version__)


class _FirstPaint(QObject):
    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.deleteLater()
            self._then()
        return False


def database_key(db_url: str | None) -> str:
    """What identifies a database for the single-instance check: a SQLite file's real path, or
    the server address without its password."""
    path = sqlite_file(db_url)  # the usual case, without loading the database layer
    if path is not None:
        return os.path.normcase(str(path.resolve()))
    from crmdesk import db as dbmod

    url = dbmod.resolve_url(db_url)
    path = dbmod.sqlite_path(url)
    if path is not None:
        return os.path.normcase(str(path.resolve()))
    return url.render_as_string(hide_password=True)


def run_gui(db_url: str | None, lang: str | None, demo: bool = False) -> int:
    """Run the application until its window closes; returns the process exit code.

    A second launch on a database that is already open brings that window to the front and
    returns 0 at once."""
    _setup_logging()
    app = create_application()
    settings = Settings()
    language = i18n.choose_language(lang, settings)
    i18n.install_translators(app, language)
    errors.install_excepthooks()
    restore_signals = _close_on_terminate(app)
    try:
        return _claim_and_run(app, db_url, settings, demo)
    finally:
        restore_signals()


def _claim_and_run(app: QApplication, db_url: str | None, settings: Settings, demo: bool) -> int:
    log.info("crmdesk starting")
    try:
        instance = SingleInstance(database_key(db_url))
    except CrmError as exc:  # a database address that cannot be read
        errors.show_error(None, exc)
        return 1
    if not instance.claim():
        if not instance.notify_running():
            QMessageBox.information(
                None,
                crmdesk.APP_DISPLAY_NAME,
                QCoreApplication.translate(
                    "App", "crmdesk is already open on this database. Switch to its window."
                ),
            )
        log.info("crmdesk is already open on this database; this launch ends")
        return 0
    try:
        return _run_window(app, instance, db_url, settings, demo)
    finally:
        instance.release()


def _run_window(
    app: QApplication, instance: SingleInstance, db_url: str | None, settings: Settings, demo: bool
) -> int:
    try:
        ctx = open_context(db_url)
    except CrmError as exc:
        # A database from a newer crmdesk, an unreachable server…: a sentence, no traceback.
        errors.show_error(None, exc)
        return 1
    except Exception as exc:  # noqa: BLE001 - shown as the bug it is
        errors.show_error(None, exc)
        return 1
    try:
        try:
            window = build_main_window(ctx, settings, demo=demo)
        except Exception as exc:  # noqa: BLE001 - a window that cannot be built is a bug to show
            errors.show_error(None, exc)
            return 1
        instance.window = window

        # The database layer may still be loading; if it cannot open the database after all
        # (locked, damaged…), say so over the window and close it.
        def cannot_open(exc: BaseException) -> None:
            errors.show_error(window, exc)
            app.exit(1)

        ctx.when_failed(cannot_open)
        ctx.when_ready(
            lambda: log.info(
                "%s started on %s as %s", describe_runtime(), ctx.db.url_display, ctx.db.user
            )
        )
        show_main_window(window)
        if os.environ.get(READY_ENV):
            QTimer.singleShot(0, lambda: _report_ready(app, window))
        code = app.exec()
    finally:
        ctx.close()
    if code:
        log.warning("crmdesk exits with status %s", code)
    return int(code)


def _close_on_terminate(app: QApplication) -> Callable[[], None]:
    """SIGTERM (a logout, ``kill``) closes the window as the user would: the layout is saved and
    the database is released. Qt's event loop would otherwise keep Python from ever running the
    handler; the wake-up pipe hands the signal to the loop. Returns what puts things back."""
    if sys.platform == "win32":
        return lambda: None
    read_fd, write_fd = os.pipe()
    for fd in (read_fd, write_fd):
        os.set_blocking(fd, False)
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda: os.read(read_fd, 512))  # Python then runs the handler

    def close() -> None:
        app.closeAllWindows()
        app.quit()

    def terminate(signum: int, _frame: object) -> None:
        log.info("signal %s: closing", signum)
        # Through the event loop: a signal during start-up (a migration) closes the window once
        # the loop runs, instead of being lost before it starts.
        QTimer.singleShot(0, close)

    previous_handler = signal.signal(signal.SIGTERM, terminate)
    previous_fd = signal.set_wakeup_fd(write_fd)

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous_handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        os.close(read_fd)
        os.close(write_fd)

    return restore


# Start-up benchmarks (bench/bench_startup.py, tools/build_and_selftest.py) set this to have the
# app print "ready <epoch seconds>" once its window is painted, and quit.
READY_ENV = "CRMDESK_QUIT_WHEN_READY"


def _report_ready(app: QApplication, window: MainWindow) -> None:
    app.processEvents()
    window.repaint()
    print("ready", time.time(), flush=True)
    app.quit()
