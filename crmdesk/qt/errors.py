"""How failures reach the user.

A CrmError is a sentence for the user: a warning box says it. Anything else is a bug: it is
logged with its traceback and shown as "Unexpected error" with the details to copy into a
report. Background tasks, ``sys.excepthook`` and ``threading.excepthook`` all end up here.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from crmdesk.errors import CrmError
from crmdesk.qt.service_text import error_text

log = logging.getLogger("crmdesk")


def format_traceback(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class UnexpectedErrorDialog(QDialog):
    """A bug, said plainly, with its traceback ready to copy into a report."""

    def __init__(self, parent: QWidget | None, exc: BaseException, details: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
        self.details = details
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        summary = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        self.message = QLabel(
            QCoreApplication.translate(
                "Errors",
                "Something went wrong that crmdesk did not expect. Your data is safe: the "
                "change that failed was not saved. Please send the details below to whoever "
                "looks after crmdesk.",
            )
            + "\n\n"
            + summary
            + _log_hint()
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumHeight(180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(QCoreApplication.translate("Errors", "Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(QCoreApplication.translate("Errors", "Copied"))


def _log_hint() -> str:
    from crmdesk.logs import log_file

    try:
        where = log_file()
    except OSError:
        return ""
    return "\n\n" + QCoreApplication.translate("Errors", "The details are also in %1.").replace(
        "%1", str(where)
    )


_showing = False


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user about ``exc``: its sentence for a CrmError, else an unexpected-error dialog."""
    global _showing
    if isinstance(exc, CrmError):
        log.info("refused: %s", exc)
        QMessageBox.warning(
            parent, QCoreApplication.translate("Errors", "crmdesk"), error_text(exc)
        )
        return
    details = format_traceback(exc)
    log.error("unexpected error\n%s", details)
    if QApplication.instance() is None or _showing:
        # One dialog at a time: a failure inside a loop must not bury the user in boxes.
        return
    _showing = True
    try:
        dialog = UnexpectedErrorDialog(parent or QApplication.activeWindow(), exc, details)
        dialog.exec()
    finally:
        _showing = False


class _Reporter(QObject):
    """Carries exceptions from any thread to the GUI thread, where dialogs may be shown."""

    raised = Signal(object)


_reporter: _Reporter | None = None


def _report(exc: BaseException) -> None:
    if _reporter is None:
        log.error("unexpected error\n%s", format_traceback(exc))
        return
    _reporter.raised.emit(exc)


def _sys_hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    _report(exc)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    _report(args.exc_value)


def _unraisable_hook(args: sys.UnraisableHookArgs) -> None:
    # An exception in __del__ or a callback Python cannot pass on: worth a line in the log,
    # not a dialog (the user cannot act on it and nothing they did failed).
    if args.exc_value is None:
        return
    where = f" in {args.object!r}" if args.object is not None else ""
    log.warning(
        "%s%s",
        args.err_msg or "exception ignored",
        where,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("crmdesk.qt.messages")


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)


def log_qt_messages() -> None:
    """Send Qt's own warnings to the log instead of stderr (a windowed app has none)."""
    qInstallMessageHandler(_qt_message)


def install_excepthooks() -> None:
    """Route uncaught exceptions (GUI thread, worker threads, Qt slots) to :func:`show_error`,
    and Qt's own warnings to the log.

    Call once, on the GUI thread, after the QApplication exists."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
        _reporter.raised.connect(
            lambda exc: show_error(None, exc), Qt.ConnectionType.QueuedConnection
        )
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook
    sys.unraisablehook = _unraisable_hook
    log_qt_messages()


def background_error_handler(parent: QWidget | None = None):  # noqa: ANN201
    """A TaskRunner ``default_error_handler`` that shows failures over ``parent``."""

    def handle(exc: BaseException) -> None:
        show_error(parent, exc)

    return handle
