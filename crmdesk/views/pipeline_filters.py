"""The pipeline board's filter bar: search (debounced), owner (anyone, me or a rep), team and
the month a deal is expected to close. Owner and team are remembered between sessions; the
search text and month are not, so a forgotten filter never hides deals the next morning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from crmdesk.qt.context import AppContext
from crmdesk.qt.settings import Settings
from crmdesk.qt.simple_models import user_locale
from crmdesk.views.widgets import guarded

SEARCH_DELAY_MS = 250
KEY = "pipeline_board/"
ANYONE = "anyone"
ME = "me"
# The close-month choices: this many months back and ahead of the current one.
MONTHS_BACK = 3
MONTHS_AHEAD = 12


@dataclass(frozen=True)
class PipelineFilters:
    """What the filter bar says. ``owner`` is "anyone", "me" or a user id."""

    owner: str | int = ANYONE
    team_id: int | None = None
    close_month: dt.date | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(
            self.owner != ANYONE
            or self.team_id is not None
            or self.close_month is not None
            or self.text.strip()
        )


def to_query(user_id: int | None, filters: PipelineFilters) -> Any:  # noqa: ANN401
    """The services' PipelineQuery for ``filters`` ("me" is the signed-in user)."""
    from crmdesk.services.pipeline import PipelineQuery

    owner: int | None
    if filters.owner == ME:
        owner = user_id
    elif isinstance(filters.owner, int):
        owner = filters.owner
    else:
        owner = None
    return PipelineQuery(
        owner_id=owner,
        team_id=filters.team_id,
        close_month=filters.close_month,
        text=filters.text.strip(),
    )


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class PipelineFilterBar(QWidget):
    """``filters_changed`` fires once per change (typing is debounced)."""

    filters_changed = Signal()
    cards_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        settings: Settings,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self._loading = False

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search deal or customer…"))
        self.search.setMinimumWidth(240)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._changed)
        self.search.textChanged.connect(self._search_timer.start)

        self.owner_box = QComboBox(self)
        self.owner_box.setToolTip(self.tr("Whose deals"))
        self.owner_box.addItem(self.tr("Anyone's deals"), ANYONE)
        if ctx.db.user is not None:
            self.owner_box.addItem(self.tr("My deals"), ME)
        self.team_box = QComboBox(self)
        self.team_box.setToolTip(self.tr("Deals owned by a team's members"))
        self.team_box.addItem(self.tr("All teams"), None)
        self.month_box = QComboBox(self)
        self.month_box.setToolTip(self.tr("Deals expected to close in a month"))
        self.month_box.addItem(self.tr("Any close date"), None)
        first = (today or dt.date.today()).replace(day=1)
        loc = user_locale()
        for i in range(-MONTHS_BACK, MONTHS_AHEAD + 1):
            month = add_months(first, i)
            text = loc.toString(QDate(month.year, month.month, 1), "MMMM yyyy")
            # Stored as ISO text: a date in a QVariant does not compare with findData.
            self.month_box.addItem(self.tr("Closing %1").replace("%1", text), month.isoformat())
        for box in (self.owner_box, self.team_box, self.month_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._changed)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addSpacing(6)
        owner_label = QLabel(self.tr("&Owner:"), self)
        owner_label.setBuddy(self.owner_box)
        layout.addWidget(owner_label)
        layout.addWidget(self.owner_box)
        layout.addWidget(self.team_box)
        layout.addWidget(self.month_box)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    def load_choices(self) -> None:
        """Read the reps and teams (on a worker) and restore the remembered owner and team."""
        db = self.ctx.db

        def read() -> tuple[list[Any], list[tuple[int, str]]]:
            from crmdesk.services.lookups import list_users
            from crmdesk.services.tickets import list_teams

            return list_users(db), list_teams(db)

        self.ctx.tasks.submit(read, guarded(self, self._fill_choices))

    def _fill_choices(self, data: tuple[list[Any], list[tuple[int, str]]]) -> None:
        users, teams = data
        current = self.filters()
        self._loading = True
        me = self.ctx.db.user.id if self.ctx.db.user is not None else None
        while self.owner_box.count() > (2 if me is not None else 1):
            self.owner_box.removeItem(self.owner_box.count() - 1)
        for u in users:
            if u.id != me:
                self.owner_box.addItem(u.display_name, u.id)
        while self.team_box.count() > 1:
            self.team_box.removeItem(1)
        for team_id, name in teams:
            self.team_box.addItem(name, team_id)
        self._loading = False
        restored = PipelineFilters(
            owner=_owner(self.settings.value(KEY + "owner", ANYONE)),
            team_id=_int(self.settings.value(KEY + "team", "")),
            close_month=current.close_month,
            text=current.text,
        )
        if restored != current:
            self.set_filters(restored)
        else:
            self._select(self.owner_box, current.owner)
            self._select(self.team_box, current.team_id)

    # state ---------------------------------------------------------------------------------

    def filters(self) -> PipelineFilters:
        owner = self.owner_box.currentData()
        return PipelineFilters(
            owner=owner if owner is not None else ANYONE,
            team_id=self.team_box.currentData(),
            close_month=_month(self.month_box.currentData()),
            text=self.search.text().strip(),
        )

    def set_filters(self, filters: PipelineFilters) -> None:
        """Show ``filters`` and announce the change once."""
        widgets = (self.owner_box, self.team_box, self.month_box, self.search)
        for w in widgets:
            w.blockSignals(True)
        self._select(self.owner_box, filters.owner)
        self._select(self.team_box, filters.team_id)
        month = filters.close_month
        self._select(self.month_box, month.replace(day=1).isoformat() if month else None)
        self.search.setText(filters.text)
        for w in widgets:
            w.blockSignals(False)
        self._changed()

    @staticmethod
    def _select(box: QComboBox, value: object) -> None:
        i = box.findData(value)
        box.setCurrentIndex(i if i >= 0 else 0)

    def clear(self) -> None:
        self.set_filters(PipelineFilters())

    def flush(self) -> None:
        if self._search_timer.isActive():
            self._changed()

    def _changed(self) -> None:
        if self._loading:
            return
        self._search_timer.stop()
        f = self.filters()
        self.clear_button.setEnabled(f.active)
        self.settings.set_value(KEY + "owner", str(f.owner))
        self.settings.set_value(KEY + "team", "" if f.team_id is None else str(f.team_id))
        self.filters_changed.emit()

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


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _owner(value: object) -> str | int:
    text = str(value)
    if text in (ANYONE, ME):
        return text
    number = _int(text)
    return number if number is not None else ANYONE


def _month(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None
