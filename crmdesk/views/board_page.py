"""What the ticket board and the pipeline board share: a page that shows its records as a board
or as a list, remembers which, and reloads a view when it is shown after something changed."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QToolButton, QWidget

from crmdesk.views.widgets import guarded

log = logging.getLogger(__name__)


class BoardOrListPage:
    """Mixed into a QWidget page (before QWidget) that has ``stack`` holding ``board_area`` and
    ``table``, the ``board_button``/``list_button`` toggles, a ``filter_bar``, ``settings``, a
    ``_stale`` flag per view, a ``refresh()`` and ``settings_key`` (e.g. "ticket_board/")."""

    settings_key: str
    stack: Any
    table: Any
    board_area: QWidget
    board_button: QToolButton
    list_button: QToolButton
    filter_bar: Any
    settings: Any
    _stale: dict[str, bool]
    refresh: Any
    ctx: Any
    # Changes made elsewhere (another window or computer): the page's latest_change() answer
    # when it last read, polled by poll_now; a read under way (_reading) answers it itself.
    _seen_change: int | None = None
    _polling = False
    _reading = 0

    def latest_change(self) -> int:
        """A number that moves whenever the page's records change (runs on a worker)."""
        raise NotImplementedError

    def poll_now(self) -> None:
        """Ask (on a worker) whether anything changed elsewhere; reload if it did."""
        busy = self._polling or self._reading or self._seen_change is None
        if busy or not self.isVisible():  # type: ignore[attr-defined]
            return
        self._polling = True

        def done(latest: int) -> None:
            self._polling = False
            if latest != self._seen_change and not self._reading:
                self._stale = {"board": True, "list": True}
                self.refresh()

        def failed(exc: BaseException) -> None:
            # A database that is briefly unreachable must not raise a box every few seconds.
            self._polling = False
            log.warning("polling for changes failed: %s", exc)

        self.ctx.tasks.submit(self.latest_change, guarded(self, done), guarded(self, failed))

    def filters(self) -> Any:  # noqa: ANN401 - the page's own filter type
        return self.filter_bar.filters()

    def set_filters(self, filters: Any) -> None:  # noqa: ANN401
        self.filter_bar.set_filters(filters)

    def _filters_changed(self) -> None:
        self._stale = {"board": True, "list": True}
        self.refresh()

    @property
    def mode(self) -> str:
        return "list" if self.stack.currentWidget() is self.table else "board"

    def show_board(self) -> None:
        self._show(self.board_area, self.board_button)

    def show_list(self) -> None:
        self._show(self.table, self.list_button)

    def _show(self, widget: QWidget, button: QToolButton) -> None:
        self.stack.setCurrentWidget(widget)
        button.setChecked(True)
        self.settings.set_value(self.settings_key + "view", self.mode)
        if self._stale[self.mode]:
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: ANN401, N802 - Qt override
        super().showEvent(event)  # type: ignore[misc]
        if self._stale[self.mode]:
            self.refresh()
