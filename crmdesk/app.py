"""Starting the desktop application: Qt, translations, the database, the main window.

Start-up stays light on purpose: nothing here imports openpyxl or pyqtgraph (the screens that
need them import them when they are opened), so the customer list paints quickly.
"""

from __future__ import annotations

# isort: off
# The domain is imported before Qt on purpose: PySide6 installs an import hook that reads the
# source of every module imported after it, which makes SQLAlchemy's import ~100 ms slower.
import crmdesk.services.activity
import crmdesk.services.contacts
import crmdesk.services.customers
import crmdesk.services.lookups
import crmdesk.services.maintenance  # noqa: F401

# isort: on
import logging
import os
import signal
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import crmdesk
from crmdesk.logs import describe_runtime
from crmdesk.paths import resource_path
from crmdesk.qt import errors, i18n
from crmdesk.qt.context import AppContext
from crmdesk.qt.settings import Settings
from crmdesk.qt.single_instance import SingleInstance
from crmdesk.services import CrmError, Database
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
    app.setApplicationVersion(crmdesk.__version__)
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


def database_key(db_url: str | None) -> str:
    """What identifies a database for the single-instance check: a SQLite file's real path, or
    the server address without its password."""
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
    log.info("%s starting", describe_runtime())
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
        db = Database.open(db_url)
        db.sign_in()
    except CrmError as exc:
        # A database from a newer crmdesk, an unreachable server…: a sentence, no traceback.
        errors.show_error(None, exc)
        return 1
    except Exception as exc:  # noqa: BLE001 - shown as the bug it is
        errors.show_error(None, exc)
        return 1
    log.info("crmdesk %s started on %s as %s", crmdesk.__version__, db.url_display, db.user)
    ctx = AppContext.create(db)
    try:
        try:
            window = build_main_window(ctx, settings, demo=demo)
        except Exception as exc:  # noqa: BLE001 - a window that cannot be built is a bug to show
            errors.show_error(None, exc)
            return 1
        instance.window = window
        window.show()
        window.start_background_jobs()
        if os.environ.get(READY_ENV):
            QTimer.singleShot(0, lambda: _report_ready(app, window))
        code = app.exec()
    finally:
        ctx.close()
        db.close()
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
