"""What every screen is given: the database handle, the task runner, the bus and the undo stack.

At start the database may still be opening on a worker (``AppContext.opening``): the window is
built and painted from a ``QuickReader`` meanwhile. ``ctx.db`` then waits for the opening to
finish, so code that needs the database is correct either way; screens that can do without it
for their first paint ask ``ctx.ready`` and run the rest in ``ctx.when_ready``.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from crmdesk.qt.bus import AppBus
from crmdesk.qt.tasks import TaskRunner

if TYPE_CHECKING:
    from crmdesk.services import Database, UserRef
    from crmdesk.services.quick_read import QuickReader

log = logging.getLogger(__name__)

SWITCH_INTERVAL_WHILE_OPENING = 0.0005  # seconds (Python's default is 0.005)


def open_signed_in(url: str | None) -> Database:
    """``Database.open(url)`` (migrating first) and ``sign_in()``; a database whose sign-in
    fails is closed again. Imports the database layer."""
    from crmdesk.services.core import Database

    db = Database.open(url)
    try:
        db.sign_in()
    except BaseException:
        db.close()
        raise
    return db


class DatabaseClosedError(RuntimeError):
    """The app closed before the database it was to open was opened."""


class DatabaseOpening(QObject):
    """``Database.open`` and sign-in on a thread of their own; ``finished`` is emitted on the
    thread this object lives on (the GUI thread) with the database or the exception."""

    finished = Signal(object)

    def __init__(self, url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.future: Future[Database] = Future()
        self._thread = threading.Thread(target=self._run, name="crmdesk-open", daemon=True)
        self._started = False
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start opening (once; later calls do nothing)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        self._thread.start()

    def cancel(self) -> None:
        """If the opening has not begun, it never will: whoever waits for it hears so."""
        with self._lock:
            if self._started:
                return
            self._started = True
        self.future.set_exception(
            DatabaseClosedError("The window closed before the database opened.")
        )

    def _run(self) -> None:
        # The imports below hold the interpreter in 5 ms slices by default; the GUI thread,
        # which gives it up around every Qt call, would wait that long each time to get it back
        # and the window would stutter. Short slices while opening keep it smooth.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL_WHILE_OPENING))
        try:
            self._open()
        finally:
            sys.setswitchinterval(interval)

    def _open(self) -> None:
        try:
            db = open_signed_in(self.url)  # the half second this thread is for
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
            self.future.set_exception(exc)
            self.finished.emit(exc)
            return
        self.future.set_result(db)
        self.finished.emit(db)


class AppContext:
    def __init__(
        self,
        db: Database | None = None,
        tasks: TaskRunner | None = None,
        bus: AppBus | None = None,
        undo: QUndoStack | None = None,
        *,
        opening: DatabaseOpening | None = None,
        quick: QuickReader | None = None,
        owns_db: bool = False,
    ) -> None:
        if db is None and opening is None:
            raise ValueError("an AppContext needs a database or a database being opened")
        self._db = db
        self._opening = opening
        self.quick = quick if db is None else None
        self.tasks = tasks or TaskRunner()
        self.bus = bus or AppBus()
        self.undo = undo or QUndoStack()
        # ``db`` was opened for this context alone: close() closes it then.
        self.owns_db = owns_db
        self._waiting: list[Callable[[], None]] = []
        self._on_failure: list[Callable[[BaseException], None]] = []
        self._failure: BaseException | None = None
        if opening is not None and db is None:
            opening.finished.connect(self._opened)

    @classmethod
    def create(cls, db: Database) -> AppContext:
        return cls(db=db)

    @classmethod
    def opening(cls, opening: DatabaseOpening, quick: QuickReader | None) -> AppContext:
        """A context whose database ``opening`` opens; the caller starts it after this, so
        the context hears when it finishes."""
        return cls(opening=opening, quick=quick)

    @property
    def db(self) -> Database:
        if self._db is None:
            assert self._opening is not None
            if threading.current_thread() is threading.main_thread():
                # The GUI thread needs it now. A worker only waits: the opening is started
                # once the window has painted (start_opening), not by a count on a worker.
                self._opening.start()
            self._db = self._opening.future.result()  # waits; raises what the opening raised
        return self._db

    @property
    def user(self) -> UserRef | None:
        """Who is signed in; known from the quick look before the database is open."""
        if self._db is None and self.quick is not None:
            return self.quick.user
        return self.db.user

    @property
    def ready(self) -> bool:
        """Whether the database is open (``db`` would not wait)."""
        return self._db is not None or (
            self._opening is not None
            and self._opening.future.done()
            and self._opening.future.exception() is None
        )

    def when_ready(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread now if the database is open, else once it is."""
        if self._db is not None and not self._waiting:
            fn()
        else:
            self._waiting.append(fn)

    def start_opening(self) -> None:
        """Start opening the database, if this context has one to open and it has not begun.

        The app starts it once the window has painted: the opening's imports compete with the
        window for the interpreter, and the window comes first. ``db`` starts it too."""
        if self._opening is not None:
            self._opening.start()

    def when_failed(self, fn: Callable[[BaseException], None]) -> None:
        """Run ``fn`` with the exception if the database being opened cannot be opened."""
        if self._failure is not None:
            fn(self._failure)
        else:
            self._on_failure.append(fn)

    def _opened(self, result: object) -> None:
        if isinstance(result, BaseException):
            self._failure = result
            self._waiting.clear()
            for on_failure in self._on_failure:
                on_failure(result)
            return
        self._db = result  # type: ignore[assignment]
        self._close_quick()
        waiting, self._waiting = self._waiting, []
        for fn in waiting:
            fn()

    def _close_quick(self) -> None:
        if self.quick is not None:
            self.quick.close()
            self.quick = None

    def close(self) -> None:
        """Stop the workers; a database this context opened itself is closed (at once, or
        when an opening still under way finishes). A database given to it is the giver's."""
        self._close_quick()
        if self._opening is not None:
            self._opening.cancel()  # a worker waiting for the database must not wait forever
        self.tasks.shutdown()
        if self._opening is not None:
            self._opening.future.add_done_callback(_close_opened)
        elif self.owns_db and self._db is not None:
            self._db.close()


def _close_opened(future: Future[Database]) -> None:
    if future.exception() is None:
        future.result().close()
