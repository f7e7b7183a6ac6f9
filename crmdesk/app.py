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
import logging.handlers
import sys

from PySide6.QtWidgets import QApplication

import crmdesk
from crmdesk.qt import errors, i18n
from crmdesk.qt.context import AppContext
from crmdesk.qt.settings import Settings
from crmdesk.services import CrmError, Database
from crmdesk.views.main_window import MainWindow

log = logging.getLogger("crmdesk")


def _setup_logging() -> None:
    """A rotating log file in the user's log folder, unless the caller set logging up."""
    root = logging.getLogger()
    if root.handlers:
        return
    from crmdesk.paths import log_dir

    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir() / "crmdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(crmdesk.APP_NAME)
    app.setOrganizationName(crmdesk.ORG_NAME)
    app.setApplicationVersion(crmdesk.__version__)
    app.setApplicationDisplayName("crmdesk")
    return app  # type: ignore[return-value]


def build_main_window(
    ctx: AppContext, settings: Settings | None = None, *, demo: bool = False
) -> MainWindow:
    """The main window on ``ctx``; background errors are shown over it."""
    window = MainWindow(ctx, settings or Settings(), demo=demo)
    ctx.tasks.default_error_handler = errors.background_error_handler(window)
    return window


def run_gui(db_url: str | None, lang: str | None, demo: bool = False) -> int:
    """Run the application until its window closes; returns the process exit code."""
    _setup_logging()
    app = create_application()
    settings = Settings()
    language = i18n.choose_language(lang, settings)
    i18n.install_translators(app, language)
    errors.install_excepthooks()
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
        window = build_main_window(ctx, settings, demo=demo)
        window.show()
        window.start_background_jobs()
        code = app.exec()
    finally:
        ctx.close()
        db.close()
    return int(code)
