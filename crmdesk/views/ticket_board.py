"""The Tickets screen service agents live on: a kanban of the complaint procedure's steps.

One column per status, cards painted by a delegate (crmdesk/views/ticket_cards.py) with the
time left on the step in working time, red and first when overdue. A card moves by dragging it
to another column, with Ctrl+Right / Ctrl+Left, or from its context menu; the move itself
(asking for the assignee, solution, satisfaction or reason; refusing what is not allowed, with
the reason) is ``ticket_move.perform_move``. The same tickets show as a sortable list that
exports to Excel (crmdesk/views/ticket_list.py); the filters are crmdesk/views/ticket_filters.py.

Everything is read on workers. A filter change, a change announced on the bus and a change made
elsewhere (another window, another computer, the SLA checker: noticed by polling the newest
ticket event) reload in the background; a newer answer always wins over an older one, and the
selection and scroll position survive the reload.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.service_text import error_text
from crmdesk.qt.settings import Settings
from crmdesk.qt.ticket_models import (
    CARD_ROLE,
    STATUSES,
    CardTiming,
    next_status,
    status_title,
    timings_for,
)
from crmdesk.services import ChangeSet
from crmdesk.services import tickets as ticket_service
from crmdesk.services.business_time import SlaPolicy
from crmdesk.services.tickets import Board, BoardCard
from crmdesk.views.board_page import BoardOrListPage
from crmdesk.views.ticket_cards import BoardColumn, CardListView
from crmdesk.views.ticket_filters import (
    KEY,
    LIMIT_PER_COLUMN,
    TicketFilterBar,
    chip,
    resolve_query,
)
from crmdesk.views.ticket_list import ListAnswer, TicketList
from crmdesk.views.widgets import guarded

log = logging.getLogger(__name__)

POLL_MS = 4000
TICK_MS = 30_000


@dataclass(frozen=True)
class BoardAnswer:
    board: Board
    timings: dict[int, CardTiming]
    policy: SlaPolicy
    latest: int
    team_id: int | None


class TicketBoardPage(BoardOrListPage, QWidget):
    """The Tickets page: the filter bar, the board or the list, live updates."""

    settings_key = KEY

    board_loaded = Signal()
    list_loaded = Signal()
    limit_per_column = LIMIT_PER_COLUMN

    def __init__(
        self, ctx: AppContext, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or Settings()
        self.setObjectName("TicketBoardPage")
        self._requested = 0
        self._applied = 0
        self._seen_change: int | None = None
        self._polling = False
        self._reading = 0
        self._stale = {"board": True, "list": True}
        self._follow_id: int | None = None
        self._policy: SlaPolicy | None = None

        self.filter_bar = TicketFilterBar(ctx, self.settings, self)
        self.filter_bar.filters_changed.connect(self._filters_changed)
        self.filter_bar.cards_requested.connect(self.focus_first_card)
        self.summary = QLabel(self)
        self.summary.setObjectName("ticketSummary")
        self._make_buttons()
        self._make_board()
        self.table = TicketList(ctx, self.settings, self)
        self.table.loaded.connect(self._list_loaded)
        self.table.failed.connect(self._read_failed)
        self.table.doubleClicked.connect(lambda index: self.open_card(index.data(CARD_ROLE)))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda pos: self._card_menu(self.table, pos))
        self._make_actions()

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.board_area)
        self.stack.addWidget(self.table)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.summary, 1)
        top.addWidget(self.board_button)
        top.addWidget(self.list_button)
        top.addSpacing(10)
        top.addWidget(self.export_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.stack, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(30)
        self._refresh_timer.timeout.connect(self.refresh)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll_now)
        self.poll_timer.start()
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._tick)
        self._tick_timer.start()

        if self.settings.value(KEY + "view", "board") == "list":
            self.stack.setCurrentWidget(self.table)
            self.list_button.setChecked(True)
        self.filter_bar.set_filters(self.filter_bar.restored())
        ctx.bus.data_changed.connect(self._on_data_changed)

    # construction ----------------------------------------------------------------------------

    def _make_buttons(self) -> None:
        # Board / List, as one segmented switch.
        self.board_button = chip(self, self.tr("Board"), self.tr("Show the tickets as a board"))
        self.list_button = chip(self, self.tr("List"), self.tr("Show the tickets as a list"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        self.mode_group.addButton(self.board_button)
        self.mode_group.addButton(self.list_button)
        self.board_button.setChecked(True)
        self.board_button.clicked.connect(self.show_board)
        self.list_button.clicked.connect(self.show_list)

        style = self.style()
        self.new_action = QAction(self.tr("New ticket"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.setToolTip(self.tr("Register a new ticket (Ctrl+N)"))
        self.new_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.new_action.triggered.connect(lambda: self.new_ticket())
        self.addAction(self.new_action)
        self.new_button = QToolButton(self)
        self.new_button.setDefaultAction(self.new_action)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.export_action = QAction(self.tr("Export to Excel…"), self)
        self.export_action.setToolTip(
            self.tr("Save the tickets shown (filters, and the list's sort) as .xlsx")
        )
        self.export_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.export_action.triggered.connect(lambda: self.export_to_excel())
        self.export_button = QToolButton(self)
        self.export_button.setDefaultAction(self.export_action)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def _make_board(self) -> None:
        self.columns: dict[str, BoardColumn] = {}
        inner = QWidget(self)
        row = QHBoxLayout(inner)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for status in STATUSES:
            column = BoardColumn(status, inner)
            view = column.view
            view.placeholder = self.tr("No tickets")
            column.model.move_requested.connect(self._drop_move, Qt.ConnectionType.QueuedConnection)
            view.drag_started.connect(self._drag_started)
            view.drag_finished.connect(self._drag_finished)
            view.neighbour_requested.connect(lambda step, s=status: self._focus_neighbour(s, step))
            view.doubleClicked.connect(lambda index: self.open_card(index.data(CARD_ROLE)))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._card_menu(v, pos))
            if status == "closed":
                column.title.setToolTip(self.tr("Tickets closed in the last 7 days"))
            row.addWidget(column, 1)
            self.columns[status] = column
        self.board_area = QScrollArea(self)
        self.board_area.setWidget(inner)
        self.board_area.setWidgetResizable(True)
        self.board_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.board_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _make_actions(self) -> None:
        views: list[QAbstractItemView] = [c.view for c in self.columns.values()]
        views.append(self.table)

        def action(text: str, keys: list[QKeySequence], slot: Any) -> QAction:  # noqa: ANN401
            a = QAction(text, self)
            a.setShortcuts(keys)
            a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            a.triggered.connect(slot)
            for v in views:
                v.addAction(a)
            return a

        self.open_action = action(
            self.tr("Open"),
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
            lambda: self.open_card(self.current_card()),
        )
        self.next_action = action(
            self.tr("Move to the next step"),
            [QKeySequence("Ctrl+Right")],
            lambda: self.move_current(1),
        )
        self.back_action = action(
            self.tr("Move back a step"), [QKeySequence("Ctrl+Left")], lambda: self.move_current(-1)
        )
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)

    # filters and modes -----------------------------------------------------------------------

    # loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload what is shown (the board or the list) in the background."""
        self._refresh_timer.stop()
        if not self.isVisible():
            self._stale = {"board": True, "list": True}
            return
        self._stale[self.mode] = False
        self._reading += 1
        if self.mode == "list":
            self.table.load(self.filters())
            return
        self._requested += 1
        generation = self._requested
        db = self.ctx.db
        filters = self.filters()
        limit = self.limit_per_column

        def read() -> BoardAnswer:
            from crmdesk.services.service_settings import load_policy

            # The newest event first: a change made while the board is read is seen next poll.
            latest = ticket_service.latest_ticket_change(db)
            query, team_id = resolve_query(db, filters, limit)
            board = ticket_service.load_board(db, query)
            policy = load_policy(db)
            cards = [c for column in board.columns.values() for c in column]
            return BoardAnswer(
                board, timings_for(cards, board.now, None, policy), policy, latest, team_id
            )

        self.ctx.tasks.submit(
            read,
            guarded(self, lambda answer: self._apply_board(generation, answer)),
            guarded(self, self._read_failed),
        )

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = max(self._reading - 1, 0)
        self.ctx.tasks.default_error_handler(exc)

    def _apply_board(self, generation: int, answer: BoardAnswer) -> None:
        self._reading = max(self._reading - 1, 0)
        if generation <= self._applied:
            return  # an older answer arriving after a newer one
        self._applied = generation
        self._seen_change = answer.latest
        self._policy = answer.policy
        self.filter_bar.set_team(answer.team_id)
        board = answer.board

        focused = self._focused_status()
        keep: dict[str, tuple[int | None, int]] = {}
        for status, column in self.columns.items():
            card = _view_card(column.view)
            keep[status] = (card.id if card else None, column.view.verticalScrollBar().value())

        loc = self.locale()
        for status, column in self.columns.items():
            cards = board.columns.get(status, [])
            column.model.set_cards(cards, answer.timings)
            total = board.counts.get(status, len(cards))
            shown, count = loc.toString(len(cards)), loc.toString(total)
            if total > len(cards):
                text = self.tr("%1 of %2").replace("%1", shown).replace("%2", count)
                tip = (
                    self.tr(
                        "%1 tickets match; the first %2 are shown. Narrow the filters to see the rest."
                    )
                    .replace("%1", count)
                    .replace("%2", shown)
                )
            else:
                text, tip = count, ""
            column.set_count(len(cards), total, text, tip)

        for status, column in self.columns.items():
            card_id, scroll = keep[status]
            row = column.model.row_of(card_id)
            if row is not None:
                _select(column.view, row, scroll_to=False)
            column.view.verticalScrollBar().setValue(scroll)
        followed = self._follow_id is not None and self._select_card(
            self._follow_id, focus=focused is not None
        )
        if followed:
            self._follow_id = None
        elif focused is not None and not self.columns[focused].view.hasFocus():
            self.columns[focused].view.setFocus(Qt.FocusReason.OtherFocusReason)

        open_count = sum(n for s, n in board.counts.items() if s != "closed")
        self._set_summary(
            self.tr("%Ln open tickets", "", open_count)
            + " · "
            + self.tr("%Ln closed in the last 7 days", "", board.counts.get("closed", 0))
        )
        self.board_loaded.emit()

    def _list_loaded(self, answer: ListAnswer | None) -> None:
        self._reading = max(self._reading - 1, 0)
        if answer is None:
            return
        self._seen_change = answer.latest
        self.filter_bar.set_team(answer.team_id)
        if self._follow_id is not None and self.table.select_ticket(self._follow_id):
            self._follow_id = None
        self._set_summary(self.tr("%Ln tickets", "", answer.total))
        self.list_loaded.emit()

    def _set_summary(self, text: str) -> None:
        if self.filters().active:
            text += " · " + self.tr("filtered")
        self.summary.setText(text)

    # live updates ------------------------------------------------------------------------

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if changes.everything or changes.tickets or changes.customers:
            self._stale = {"board": True, "list": True}
            if self.isVisible():
                self._refresh_timer.start()

    def latest_change(self) -> int:
        return ticket_service.latest_ticket_change(self.ctx.db)

    def _tick(self) -> None:
        """The clock moved on: recompute the time left on every card (on a worker)."""
        if not self.isVisible() or self._policy is None or self.mode != "board":
            return
        generation = self._applied
        db = self.ctx.db
        policy = self._policy
        cards = [c for column in self.columns.values() for c in column.model.cards()]

        def read() -> dict[int, CardTiming]:
            from crmdesk.services.service_settings import load_calendar

            return timings_for(cards, db.now(), load_calendar(db), policy)

        def done(timings: dict[int, CardTiming]) -> None:
            if generation == self._applied:
                for column in self.columns.values():
                    column.model.set_timings(timings)

        self.ctx.tasks.submit(
            read, guarded(self, done), lambda exc: log.warning("card timings failed: %s", exc)
        )

    # selection ---------------------------------------------------------------------------

    def _focused_status(self) -> str | None:
        widget = QApplication.focusWidget()
        for status, column in self.columns.items():
            if widget is column.view:
                return status
        return None

    def current_card(self) -> BoardCard | None:
        """The card the keyboard is on: the focused column's, else any selected card."""
        if self.mode == "list":
            return self.table.current_card()
        status = self._focused_status()
        if status is not None:
            return _view_card(self.columns[status].view)
        for column in self.columns.values():
            card = _view_card(column.view)
            if card is not None:
                return card
        return None

    def select_ticket(self, ticket_id: int) -> bool:
        """Select the ticket's card (or row) and give it the keyboard."""
        if self.mode == "list":
            found = self.table.select_ticket(ticket_id)
            if found:
                self.table.setFocus()
            return found
        return self._select_card(ticket_id, focus=True)

    def _select_card(self, ticket_id: int, *, focus: bool) -> bool:
        for column in self.columns.values():
            row = column.model.row_of(ticket_id)
            if row is None:
                continue
            for other in self.columns.values():
                if other is not column:
                    other.view.clearSelection()
            _select(column.view, row, scroll_to=True)
            if focus:
                column.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def focus_first_card(self) -> None:
        if self.mode == "list":
            if self.table.list_model.rowCount():
                self.table.select_row(0)
                self.table.setFocus()
            return
        for column in self.columns.values():
            if column.model.rowCount():
                _select(column.view, 0, scroll_to=True)
                column.view.setFocus()
                return

    def _focus_neighbour(self, status: str, step: int) -> None:
        """Left/Right: about the same height in the next column that has cards."""
        view = self.columns[status].view
        index = view.currentIndex()
        y = view.visualRect(index).center().y() if index.isValid() else 0
        i = STATUSES.index(status) + step
        while 0 <= i < len(STATUSES):
            target = self.columns[STATUSES[i]].view
            count = target.model().rowCount()
            if count:
                hit = target.indexAt(QPoint(10, max(y, 0)))
                row = hit.row() if hit.isValid() else (0 if y <= 0 else count - 1)
                view.clearSelection()
                _select(target, row, scroll_to=True)
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            i += step

    # commands ----------------------------------------------------------------------------

    def open_card(self, card: BoardCard | None) -> None:
        if card is not None:
            from crmdesk.views.ticket_dialog import open_ticket

            open_ticket(self.ctx, self.window(), card.id)

    def new_ticket(self, customer_id: int | None = None) -> None:
        from crmdesk.views.ticket_dialog import new_ticket

        new_ticket(self.ctx, self.window(), customer_id)

    def move_current(self, step: int) -> None:
        """Ctrl+Right / Ctrl+Left: the current card one step forward or back."""
        card = self.current_card()
        if card is None:
            return
        target = next_status(card.status, step)
        if target is None:
            self.ctx.bus.status_message_requested.emit(
                self.tr("A closed ticket has no further step.")
                if step > 0
                else self.tr("A registered ticket has no earlier step.")
            )
            return
        self.move_card(card, target)

    def move_card(self, card: BoardCard, to_status: str) -> None:
        """Move ``card`` to ``to_status``: perform_move asks what the step needs, or says why
        the move is refused. The card is followed to its new column."""
        from crmdesk.views.ticket_move import perform_move

        self._follow_id = card.id
        perform_move(
            self.ctx,
            self,
            card.id,
            card.version,
            card.status,
            to_status,
            on_done=guarded(self, lambda ok: self._moved(card, to_status, ok)),
        )

    def _moved(self, card: BoardCard, to_status: str, ok: bool) -> None:
        if not ok:
            self._follow_id = None
            return
        self.ctx.bus.status_message_requested.emit(
            self.tr("%1 moved to %2")
            .replace("%1", card.number)
            .replace("%2", status_title(to_status))
        )

    def _drop_move(self, ticket_id: int, version: int, from_status: str, to_status: str) -> None:
        for column in self.columns.values():
            row = column.model.row_of(ticket_id)
            card = column.model.card(row) if row is not None else None
            if card is not None and card.version == version and card.status == from_status:
                self.move_card(card, to_status)
                return
        # The board was reloaded while the card was in the air: move what was dragged.
        from crmdesk.views.ticket_move import perform_move

        perform_move(self.ctx, self, ticket_id, version, from_status, to_status)

    def _drag_started(self, from_status: str) -> None:
        """Mark where the dragged card may go (and what that will ask for), and where not."""
        for status, column in self.columns.items():
            if status == from_status:
                column.set_drop_state("source")
                continue
            rule = ticket_service.move_rule(from_status, status)
            if rule.allowed:
                column.set_drop_state("allowed", self._needs_hint(rule.needs))
            else:
                column.set_drop_state("refused", self.tr("Not from here"))

    def _drag_finished(self) -> None:
        for column in self.columns.values():
            column.set_drop_state("")

    def _needs_hint(self, needs: frozenset[str]) -> str:
        if "reason" in needs:
            return self.tr("Reopens it: asks why")
        if "assignee" in needs:
            return self.tr("Asks who works on it")
        if "solution" in needs:
            return self.tr("Asks for the solution")
        if "satisfaction" in needs:
            return self.tr("Asks for the revisit score")
        return self.tr("Drop here")

    def _card_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            return
        if isinstance(view, QListView):
            for column in self.columns.values():
                if column.view is not view:
                    column.view.clearSelection()
            _select(view, index.row(), scroll_to=False)
        else:
            self.table.select_row(index.row(), scroll_to=False)
        self.card_menu(index.data(CARD_ROLE)).popup(view.viewport().mapToGlobal(pos))

    def card_menu(self, card: BoardCard) -> QMenu:
        """Open, Open customer, Move to ▸, Assign to me / to…, Waiting for customer / Resume,
        New ticket for this customer."""
        from crmdesk.views import ticket_move

        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)
        menu.addAction(self.tr("Open"), lambda: self.open_card(card))
        menu.addAction(
            self.tr("Open customer"),
            lambda: self.ctx.bus.open_customer_requested.emit(card.customer_id),
        )
        move = menu.addMenu(self.tr("Move to"))
        move.setToolTipsVisible(True)
        for status in STATUSES:
            if status == card.status:
                continue
            rule = ticket_service.move_rule(card.status, status)
            action = move.addAction(status_title(status))
            action.setEnabled(rule.allowed)
            if rule.allowed:
                action.triggered.connect(lambda _=False, s=status: self.move_card(card, s))
                action.setToolTip(self._needs_hint(rule.needs))
            elif rule.refusal is not None:
                action.setToolTip(error_text(rule.refusal))
        menu.addSeparator()
        me = self.ctx.db.user
        is_open = card.status != "closed"
        mine = menu.addAction(
            self.tr("Assign to me"), lambda: ticket_move.assign_to_me(self.ctx, self, card.id)
        )
        mine.setEnabled(me is not None and card.assignee_id != me.id and is_open)
        other = menu.addAction(
            self.tr("Assign to…"), lambda: ticket_move.choose_assignee(self.ctx, self, card.id)
        )
        other.setEnabled(is_open)
        if card.waiting:
            menu.addAction(
                self.tr("Resume (the customer answered)"),
                lambda: ticket_move.set_waiting(self.ctx, self, card.id, False),
            )
        else:
            wait = menu.addAction(
                self.tr("Waiting for customer"),
                lambda: ticket_move.set_waiting(self.ctx, self, card.id, True),
            )
            wait.setToolTip(self.tr("Pause the step's clock until the customer answers"))
            wait.setEnabled(is_open)
        menu.addSeparator()
        menu.addAction(
            self.tr("New ticket for this customer…"), lambda: self.new_ticket(card.customer_id)
        )
        return menu

    def export_to_excel(self, path: Path | None = None) -> None:
        """The tickets the filters find, sorted like the list, to .xlsx (in the background)."""
        self.table.export_to_excel(self.filters(), path)


def _view_card(view: CardListView) -> BoardCard | None:
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isSelected(index):
        return None
    return index.data(CARD_ROLE)


def _select(view: QAbstractItemView, row: int, *, scroll_to: bool) -> None:
    index = view.model().index(row, 0)
    auto = view.hasAutoScroll()
    view.setAutoScroll(scroll_to)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.setAutoScroll(auto)
    if scroll_to:
        view.scrollTo(index)
