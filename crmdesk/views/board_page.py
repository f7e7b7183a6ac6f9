"""What the ticket board and the pipeline board share: a page that shows its records as a board
or as a list, remembers which, and reloads a view when it is shown after something changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QToolButton, QWidget


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
