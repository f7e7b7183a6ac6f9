"""One long-lived task runner: ``tasks.submit(fn, on_done, on_error)``.

``fn`` runs on a worker thread, opens its own Session (through a service) and returns plain
data; ``on_done``/``on_error`` run on the GUI thread. Writes go through a single worker so SQLite
never sees two writers; reads have two. Results travel through one QObject that lives as long
as the runner, so no emitter can be collected while a signal is in flight.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task that noticed its CancelToken was set."""


@dataclass
class CancelToken:
    """Passed to cancellable tasks: they report progress and check for cancellation."""

    _cancelled: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[int, int, str], None] | None = None

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.check()
        if self._report is not None:
            self._report(done, total, text)


class _Relay(QObject):
    finished = Signal(int, bool, object)
    progressed = Signal(int, int, int, str)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="crm-read")
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crm-write")
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._pending: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]
        ] = {}
        self._progress: dict[int, Callable[[int, int, str], None]] = {}
        self._closed = False
        self.default_error_handler: Callable[[BaseException], None] = _log_error

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def submit(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        write: bool = False,
        token: CancelToken | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> int:
        """Run ``fn()`` (or ``fn(token)`` when a token is given) in the background."""
        if self._closed:
            raise RuntimeError("the task runner was shut down")
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error)
        if on_progress is not None:
            self._progress[task_id] = on_progress
        relay = self._relay
        if token is not None:
            token._report = lambda d, t, s: relay.progressed.emit(task_id, d, t, s)

        def run() -> None:
            try:
                result = fn(token) if token is not None else fn()
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
                relay.finished.emit(task_id, False, exc)
            else:
                relay.finished.emit(task_id, True, result)

        (self._writes if write else self._reads).submit(run)
        return task_id

    def _deliver(self, task_id: int, ok: bool, payload: object) -> None:
        if self._closed:
            return  # shut down: the screens that asked are closing (a worker that was waiting
            # for the database to open hears that it never will)
        on_done, on_error = self._pending.pop(task_id, (None, None))
        self._progress.pop(task_id, None)
        try:
            if ok:
                if on_done is not None:
                    on_done(payload)
            elif isinstance(payload, Cancelled):
                if on_error is not None:
                    on_error(payload)
            else:
                assert isinstance(payload, BaseException)
                (on_error or self.default_error_handler)(payload)
        except Exception as exc:  # a callback failed: report it, keep the runner alive
            self.default_error_handler(exc)

    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        callback = self._progress.get(task_id)
        if callback is not None:
            callback(done, total, text)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every submitted task has delivered (for tests and shutdown)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop  # noqa: PLC0415

        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return not self._pending

    def shutdown(self) -> None:
        """Finish running tasks (a write is never cut in half) and stop the workers."""
        self._closed = True
        self._reads.shutdown(wait=True, cancel_futures=True)
        self._writes.shutdown(wait=True, cancel_futures=False)
        self._pending.clear()


def _log_error(exc: BaseException) -> None:
    log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))


def run_with_progress(
    runner: TaskRunner,
    parent: QWidget | None,
    title: str,
    fn: Callable[[CancelToken], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    write: bool = False,
    delay_ms: int = 600,
) -> CancelToken:
    """Run a cancellable task; a progress dialog appears only if it takes longer than ~600 ms."""
    token = CancelToken()
    cancel = QCoreApplication.translate("Tasks", "Cancel")
    dialog = QProgressDialog(title, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()
    timer = QTimer(dialog)
    timer.setSingleShot(True)
    timer.timeout.connect(dialog.show)
    timer.start(delay_ms)
    dialog.canceled.connect(token.cancel)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def finish() -> None:
        timer.stop()
        dialog.hide()
        dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if on_error is not None:
            on_error(exc)
        elif not isinstance(exc, Cancelled):
            runner.default_error_handler(exc)

    runner.submit(fn, done, failed, write=write, token=token, on_progress=progress)
    return token
