"""The ticket board's filter bar: search (debounced), Mine, My team, priority, category and
overdue only, remembered between sessions (QSettings; the search text is not kept, so a
forgotten search never hides tickets the next morning)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.qt.settings import Settings
from crmdesk.qt.ticket_models import CATEGORIES, PRIORITIES
from crmdesk.services import tickets as ticket_service
from crmdesk.services.tickets import BoardQuery

SEARCH_DELAY_MS = 250
# Cards per column; the column header says "300 of 1,204" when more match.
LIMIT_PER_COLUMN = 300
KEY = "ticket_board/"

# Round toggle buttons ("chips"), coloured from the palette so they suit light and dark themes.
CHIP_STYLE = """
QToolButton[chip="true"] {
    border: 1px solid palette(mid); border-radius: 12px; padding: 3px 10px;
    background: palette(button);
}
QToolButton[chip="true"]:hover { border-color: palette(highlight); }
QToolButton[chip="true"]:checked, QToolButton[chip="true"][active="true"] {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
QToolButton[chip="true"]:disabled { color: palette(mid); }
QToolButton[chip="true"][menu="true"] { padding-right: 20px; }
QToolButton[chip="true"]::menu-indicator {
    subcontrol-origin: padding; subcontrol-position: center right; right: 7px;
}
"""


def chip(parent: QWidget, text: str, tooltip: str, *, checkable: bool = True) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tooltip)
    button.setCheckable(checkable)
    button.setProperty("chip", True)
    button.setStyleSheet(CHIP_STYLE)
    return button


@dataclass(frozen=True)
class Filters:
    """What the filter bar says; turned into a BoardQuery on a worker, where "my team" is
    looked up."""

    mine: bool = False
    team: bool = False
    priorities: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    overdue_only: bool = False
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(
            self.mine
            or self.team
            or self.priorities
            or self.categories
            or self.overdue_only
            or self.text.strip()
        )


def resolve_query(
    db: Any,  # noqa: ANN401 - a services Database
    filters: Filters,
    limit_per_column: int = LIMIT_PER_COLUMN,
) -> tuple[BoardQuery, int | None]:
    """The BoardQuery for ``filters`` and the signed-in user's team (worker side: it reads)."""
    user = db.user
    team_id = ticket_service.user_team_id(db, user.id) if user is not None else None
    query = BoardQuery(
        mine_user_id=user.id if filters.mine and user is not None else None,
        team_id=team_id if filters.team else None,
        priorities=filters.priorities,
        categories=filters.categories,
        overdue_only=filters.overdue_only,
        text=filters.text.strip(),
        limit_per_column=limit_per_column,
    )
    return query, team_id


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def _codes(value: object, allowed: tuple[str, ...]) -> frozenset[str]:
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list | tuple):
        items = [str(v) for v in value]
    else:
        items = []
    return frozenset(i for i in items if i in allowed)


class TicketFilterBar(QWidget):
    """Search and quick filters, one click away. ``filters_changed`` fires once per change
    (typing is debounced); Down or Enter in the search box asks to go to the cards."""

    filters_changed = Signal()
    cards_requested = Signal()

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, title or customer…"))
        self.search.setMinimumWidth(280)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._changed)
        self.search.textChanged.connect(self._search_timer.start)

        self.mine_button = chip(self, self.tr("Mine"), self.tr("Only tickets assigned to me"))
        self.team_button = chip(self, self.tr("My team"), self.tr("Only my team's tickets"))
        self.overdue_button = chip(
            self,
            self.tr("Overdue only"),
            self.tr("Only tickets whose current step is past its deadline"),
        )
        if ctx.db.user is None:
            self.mine_button.setEnabled(False)
            self.team_button.setEnabled(False)
        self.priority_button, self.priority_actions = self._choice_chip(
            self.tr("Priority"), self.tr("Show only some priorities"), PRIORITIES, "ticket_priority"
        )
        self.category_button, self.category_actions = self._choice_chip(
            self.tr("Category"), self.tr("Show only some categories"), CATEGORIES, "ticket_category"
        )
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        for button in (self.mine_button, self.team_button, self.overdue_button):
            button.toggled.connect(self._changed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addSpacing(6)
        for w in (
            self.mine_button,
            self.team_button,
            self.priority_button,
            self.category_button,
            self.overdue_button,
            self.clear_button,
        ):
            layout.addWidget(w)
        layout.addStretch(1)

    def _choice_chip(
        self, text: str, tooltip: str, codes: tuple[str, ...], table: str
    ) -> tuple[QToolButton, dict[str, QAction]]:
        menu = QMenu(self)
        actions: dict[str, QAction] = {}
        for code in codes:
            action = menu.addAction(label(table, code))
            action.setCheckable(True)
            action.toggled.connect(lambda _on: self._changed())
            actions[code] = action
        button = chip(self, text, tooltip, checkable=False)
        button.setMenu(menu)
        button.setProperty("menu", True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button, actions

    # state ---------------------------------------------------------------------------------

    def filters(self) -> Filters:
        return Filters(
            mine=self.mine_button.isChecked(),
            team=self.team_button.isChecked(),
            priorities=frozenset(c for c, a in self.priority_actions.items() if a.isChecked()),
            categories=frozenset(c for c, a in self.category_actions.items() if a.isChecked()),
            overdue_only=self.overdue_button.isChecked(),
            text=self.search.text().strip(),
        )

    def set_filters(self, filters: Filters) -> None:
        """Show ``filters`` and announce the change once."""
        widgets: list[QObject] = [
            self.mine_button,
            self.team_button,
            self.overdue_button,
            self.search,
            *self.priority_actions.values(),
            *self.category_actions.values(),
        ]
        for w in widgets:
            w.blockSignals(True)
        self.mine_button.setChecked(filters.mine)
        self.team_button.setChecked(filters.team)
        self.overdue_button.setChecked(filters.overdue_only)
        self.search.setText(filters.text)
        for code, a in self.priority_actions.items():
            a.setChecked(code in filters.priorities)
        for code, a in self.category_actions.items():
            a.setChecked(code in filters.categories)
        for w in widgets:
            w.blockSignals(False)
        self._changed()

    def clear(self) -> None:
        self.set_filters(Filters())

    def set_team(self, team_id: int | None) -> None:
        """The user's team became known: without one, "My team" cannot be chosen."""
        if self.ctx.db.user is None:
            return
        has_team = team_id is not None
        self.team_button.setEnabled(has_team)
        self.team_button.setToolTip(
            self.tr("Only my team's tickets") if has_team else self.tr("You are not in a team")
        )
        if not has_team and self.team_button.isChecked():
            # Remembered from when the user had a team: it cannot apply now.
            self.team_button.setChecked(False)

    def flush(self) -> None:
        """Apply a search still waiting for its debounce."""
        if self._search_timer.isActive():
            self._changed()

    def _changed(self) -> None:
        self._search_timer.stop()
        f = self.filters()
        self._show_choice(
            self.priority_button, self.tr("Priority"), f.priorities, PRIORITIES, "ticket_priority"
        )
        self._show_choice(
            self.category_button, self.tr("Category"), f.categories, CATEGORIES, "ticket_category"
        )
        self.clear_button.setEnabled(f.active)
        self.save()
        self.filters_changed.emit()

    @staticmethod
    def _show_choice(
        button: QToolButton,
        name: str,
        chosen: frozenset[str],
        order: tuple[str, ...],
        table: str,
    ) -> None:
        if chosen:
            button.setText(f"{name}: " + ", ".join(label(table, c) for c in order if c in chosen))
        else:
            button.setText(name)
        # A chip with a choice looks pressed, like the toggles beside it.
        button.setProperty("active", bool(chosen))
        button.style().unpolish(button)
        button.style().polish(button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.flush()
                return True
            if key == Qt.Key.Key_Down:
                self.flush()
                self.cards_requested.emit()
                return True
        return super().eventFilter(watched, event)

    # settings ----------------------------------------------------------------------------

    def restored(self) -> Filters:
        """The filters chosen last time."""
        v = self.settings.value
        return Filters(
            mine=_bool(v(KEY + "mine", False)) and self.mine_button.isEnabled(),
            team=_bool(v(KEY + "team", False)) and self.team_button.isEnabled(),
            priorities=_codes(v(KEY + "priorities", ""), PRIORITIES),
            categories=_codes(v(KEY + "categories", ""), CATEGORIES),
            overdue_only=_bool(v(KEY + "overdue", False)),
        )

    def save(self) -> None:
        f = self.filters()
        s = self.settings
        s.set_value(KEY + "mine", f.mine)
        s.set_value(KEY + "team", f.team)
        s.set_value(KEY + "priorities", ",".join(c for c in PRIORITIES if c in f.priorities))
        s.set_value(KEY + "categories", ",".join(c for c in CATEGORIES if c in f.categories))
        s.set_value(KEY + "overdue", f.overdue_only)
