"""The Pipeline screen (销售流程) a sales rep plans the week on: a kanban of the deals.

One column per active stage (the office's own, from the stage settings), each with its count,
total amount and weighted total (amount × probability); the won and lost columns hold the deals
closed in the last 30 days, or in the chosen close month. Cards are painted by
crmdesk/views/deal_cards.py in the ticket board's card view and column. A card moves by
dragging it, with Ctrl+Right / Ctrl+Left or from its context menu; a move to Lost asks for the
reason and a move to Won offers to create the order (crmdesk/views/deal_move.py). The same deals
show as a sortable list. Double-click (or Enter) opens the deal; Ctrl+N makes a new one.

Everything is read on workers; a newer answer always wins over an older one, and a change
announced on the bus (deals, customers, or everything) reloads. Changes made on another computer
are noticed by polling the newest audit entry every few seconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
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
from crmdesk.qt.deal_models import (
    CARD_ROLE,
    money,
    stage_color,
    stage_title,
)
from crmdesk.qt.settings import Settings
from crmdesk.qt.simple_models import fmt_compact_money
from crmdesk.services import ChangeSet
from crmdesk.views.board_page import BoardOrListPage
from crmdesk.views.deal_cards import StageColumn
from crmdesk.views.deal_move import move_hint, perform_deal_move
from crmdesk.views.pipeline_filters import KEY, PipelineFilterBar, to_query
from crmdesk.views.pipeline_list import DealList, ListAnswer
from crmdesk.views.ticket_filters import chip
from crmdesk.views.widgets import guarded

POLL_MS = 5000


def column_money(amount: Decimal, currency: str) -> str:
    """A stage column's total: exact below a million, shortened above (¥1,845.5万, ¥18.5M),
    so it fits the column; the tooltip has the exact amount."""
    return (
        money(amount, currency) if abs(amount) < 1_000_000 else fmt_compact_money(amount, currency)
    )


class PipelineBoardPage(BoardOrListPage, QWidget):
    """The Pipeline page: filters, the board or the list, live updates."""

    settings_key = KEY

    board_loaded = Signal()
    list_loaded = Signal()
    limit_per_column = 300

    def __init__(
        self,
        ctx: AppContext,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or Settings()
        self.today = today
        self.setObjectName("PipelineBoardPage")
        self._requested = 0
        self._applied = 0
        # Changes made elsewhere (another computer): the newest audit id seen, polled.
        self._seen_change: int | None = None
        self._polling = False
        self._stale = {"board": True, "list": True}
        self._follow_id: int | None = None
        self.stages: list[Any] = []  # StageRow, in the board's order
        self.columns: dict[str, StageColumn] = {}

        self.filter_bar = PipelineFilterBar(ctx, self.settings, self, today)
        self.filter_bar.filters_changed.connect(self._filters_changed)
        self.filter_bar.cards_requested.connect(self.focus_first_card)
        self.summary = QLabel(self)
        self.summary.setObjectName("pipelineSummary")
        self._make_buttons()
        self.columns_widget = QWidget(self)
        self.columns_row = QHBoxLayout(self.columns_widget)
        self.columns_row.setContentsMargins(0, 0, 0, 0)
        self.columns_row.setSpacing(8)
        self.board_area = QScrollArea(self)
        self.board_area.setWidget(self.columns_widget)
        self.board_area.setWidgetResizable(True)
        self.board_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.board_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._make_table()
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
        if self.settings.value(KEY + "view", "board") == "list":
            self.stack.setCurrentWidget(self.table)
            self.list_button.setChecked(True)
        self.filter_bar.load_choices()
        ctx.bus.data_changed.connect(self._on_data_changed)

    # construction ----------------------------------------------------------------------------

    def _make_buttons(self) -> None:
        self.board_button = chip(self, self.tr("Board"), self.tr("Show the deals as a board"))
        self.list_button = chip(self, self.tr("List"), self.tr("Show the deals as a list"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.board_button)
        self.mode_group.addButton(self.list_button)
        self.board_button.setChecked(True)
        self.board_button.clicked.connect(self.show_board)
        self.list_button.clicked.connect(self.show_list)

        self.new_action = QAction(self.tr("New deal"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.setToolTip(self.tr("Register a new deal (Ctrl+N)"))
        self.new_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.new_action.triggered.connect(lambda: self.new_deal())
        self.addAction(self.new_action)
        self.new_button = QToolButton(self)
        self.new_button.setDefaultAction(self.new_action)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def _make_table(self) -> None:
        self.table = DealList(self.ctx, self)
        self.list_model = self.table.list_model
        self.table.loaded.connect(self._list_loaded)
        self.table.doubleClicked.connect(lambda index: self.open_card(index.data(CARD_ROLE)))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda p: self._card_menu(self.table, p))

    def _make_actions(self) -> None:
        def action(text: str, keys: list[QKeySequence], slot: Any) -> QAction:  # noqa: ANN401
            a = QAction(text, self)
            a.setShortcuts(keys)
            # On the page and its children: the columns come and go with the stages.
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.board_area.addAction(a)
            self.table.addAction(a)
            return a

        self.open_action = action(
            self.tr("Open"),
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
            lambda: self.open_card(self.current_card()),
        )
        self.next_action = action(
            self.tr("Move to the next stage"),
            [QKeySequence("Ctrl+Right")],
            lambda: self.move_current(1),
        )
        self.back_action = action(
            self.tr("Move back a stage"), [QKeySequence("Ctrl+Left")], lambda: self.move_current(-1)
        )
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)

    def _build_columns(self, stages: list[Any]) -> None:
        """One column per stage; rebuilt only when the stages changed."""
        wanted = [(r.key, stage_title(r.key, r.name), r.outcome, r.position) for r in stages]
        current = [(r.key, stage_title(r.key, r.name), r.outcome, r.position) for r in self.stages]
        self.stages = list(stages)
        if wanted == current and self.columns:
            return
        for column in self.columns.values():
            self.columns_row.removeWidget(column)
            column.deleteLater()
        self.columns = {}
        open_index = 0
        for key, title, outcome, _position in wanted:
            color = stage_color(outcome, open_index)
            if outcome == "open":
                open_index += 1
            column = StageColumn(key, title, color, self.columns_widget, self.today)
            view = column.view
            view.placeholder = self.tr("No deals")
            column.model.move_requested.connect(self._drop_move, Qt.ConnectionType.QueuedConnection)
            view.drag_started.connect(self._drag_started)
            view.drag_finished.connect(self._drag_finished)
            view.neighbour_requested.connect(lambda step, k=key: self._focus_neighbour(k, step))
            view.doubleClicked.connect(lambda index: self.open_card(index.data(CARD_ROLE)))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._card_menu(v, pos))
            if outcome != "open":
                column.title.setToolTip(
                    self.tr("Deals closed in the last 30 days, or in the chosen close month")
                )
            self.columns_row.addWidget(column, 1)
            self.columns[key] = column

    # filters and modes -----------------------------------------------------------------------

    # loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload what is shown (the board or the list) in the background."""
        self._refresh_timer.stop()
        if not self.isVisible():
            self._stale = {"board": True, "list": True}
            return
        self._stale[self.mode] = False
        if self.mode == "list":
            self.table.load(self.filters())
            return
        self._requested += 1
        generation = self._requested
        db = self.ctx.db
        user_id = db.user.id if db.user is not None else None
        query = to_query(user_id, self.filters())
        limit = self.limit_per_column

        def read() -> Any:  # noqa: ANN401
            from dataclasses import replace

            from crmdesk.services import pipeline

            # The newest change first: one made while the board is read is seen next poll.
            latest = pipeline.latest_change(db)
            return latest, pipeline.load_pipeline(db, replace(query, limit_per_column=limit))

        def apply(answer: Any) -> None:  # noqa: ANN401
            latest, board = answer
            if generation > self._applied:
                self._seen_change = latest
            self._apply_board(generation, board)

        self.ctx.tasks.submit(
            read, guarded(self, apply), guarded(self, self.ctx.tasks.default_error_handler)
        )

    def latest_change(self) -> int:
        from crmdesk.services import pipeline

        return pipeline.latest_change(self.ctx.db)

    def _apply_board(self, generation: int, board: Any) -> None:  # noqa: ANN401
        if generation <= self._applied:
            return  # an older answer arriving after a newer one
        self._applied = generation
        focused = self._focused_stage()
        keep = {
            k: (_view_card_id(c.view), c.view.verticalScrollBar().value())
            for k, c in self.columns.items()
        }
        self._build_columns(board.stages)
        # Totals are in the office's currency; deals in others are added up per currency.
        currency = board.currency
        loc = self.locale()
        for key, column in self.columns.items():
            cards = board.columns.get(key, [])
            column.model.set_cards(cards)
            total = board.counts.get(key, len(cards))
            shown, count = loc.toString(len(cards)), loc.toString(total)
            if total > len(cards):
                text = self.tr("%1 of %2").replace("%1", shown).replace("%2", count)
                tip = self.tr("%1 deals match; the first %2 are shown.")
                tip = tip.replace("%1", count).replace("%2", shown)
            else:
                text, tip = count, ""
            column.set_count(len(cards), total, text, tip)
            amount, weighted = (
                board.totals.get(key, Decimal(0)),
                board.weighted.get(key, Decimal(0)),
            )
            text, tip = self._totals_text(
                currency, amount, weighted, board.other_totals.get(key), compact=True
            )
            column.set_totals(text, tip)
        for key, column in self.columns.items():
            card_id, scroll = keep.get(key, (None, 0))
            row = column.model.row_of(card_id)
            if row is not None:
                _select(column.view, row, scroll_to=False)
            column.view.verticalScrollBar().setValue(scroll)
        if self._follow_id is not None and self._select_card(
            self._follow_id, focus=focused is not None
        ):
            self._follow_id = None
        elif focused in self.columns and not self.columns[focused].view.hasFocus():
            self.columns[focused].view.setFocus(Qt.FocusReason.OtherFocusReason)
        open_count = sum(board.counts.get(r.key, 0) for r in board.stages if r.outcome == "open")
        text, tip = self._totals_text(
            currency, board.open_total, board.open_weighted, board.open_other_totals
        )
        self._set_summary(self.tr("%Ln open deals", "", open_count) + " · " + text)
        self.summary.setToolTip(tip)
        self.board_loaded.emit()

    def _totals_text(
        self,
        currency: str,
        amount: Decimal,
        weighted: Decimal,
        others: dict[str, tuple[Decimal, Decimal]] | None,
        *,
        compact: bool = False,
    ) -> tuple[str, str]:
        """A column's (or the open deals') totals in the office's currency, and a tooltip with
        each currency's exact totals; deals in other currencies are never added to them.
        ``compact``: millions shortened (¥1,845.5万, ¥18.5M) to fit a column's width."""
        short = column_money if compact else money
        text = (
            self.tr("%1 · weighted %2")
            .replace("%1", short(amount, currency))
            .replace("%2", short(weighted, currency))
        )
        lines = [
            self.tr("Total amount %1; weighted by probability %2")
            .replace("%1", money(amount, currency))
            .replace("%2", money(weighted, currency))
        ]
        for other, (total, weighted_total) in (others or {}).items():
            lines.append(
                self.tr("Total amount %1; weighted by probability %2")
                .replace("%1", money(total, other))
                .replace("%2", money(weighted_total, other))
            )
        if others:
            text += " " + self.tr("+%n other currencies", "", len(others))
        return text, "\n".join(lines)

    def _list_loaded(self, answer: ListAnswer) -> None:
        if self._follow_id is not None and self.table.select_deal(self._follow_id):
            self._follow_id = None
        self._set_summary(self.tr("%Ln deals", "", answer.total))
        self.summary.setToolTip("")
        self.list_loaded.emit()

    def _set_summary(self, text: str) -> None:
        if self.filters().active:
            text += " · " + self.tr("filtered")
        self.summary.setText(text)

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if changes.everything or changes.deals or changes.customers:
            self._stale = {"board": True, "list": True}
            if self.isVisible():
                self._refresh_timer.start()

    # selection -------------------------------------------------------------------------------

    def _focused_stage(self) -> str | None:
        widget = QApplication.focusWidget()
        for key, column in self.columns.items():
            if widget is column.view:
                return key
        return None

    def current_card(self) -> Any:  # noqa: ANN401 - a DealCard or None
        """The card the keyboard is on: the focused column's, else any selected card."""
        if self.mode == "list":
            return self.table.current_card()
        key = self._focused_stage()
        views = [self.columns[key].view] if key else [c.view for c in self.columns.values()]
        for view in views:
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                return index.data(CARD_ROLE)
        return None

    def select_deal(self, deal_id: int) -> bool:
        if self.mode == "list":
            found = self.table.select_deal(deal_id)
            if found:
                self.table.setFocus()
            return found
        return self._select_card(deal_id, focus=True)

    def _select_card(self, deal_id: int, *, focus: bool) -> bool:
        for column in self.columns.values():
            row = column.model.row_of(deal_id)
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
            if self.list_model.rowCount():
                self.table.select_row(0)
                self.table.setFocus()
            return
        for column in self.columns.values():
            if column.model.rowCount():
                _select(column.view, 0, scroll_to=True)
                column.view.setFocus()
                return

    def _focus_neighbour(self, key: str, step: int) -> None:
        keys = list(self.columns)
        view = self.columns[key].view
        index = view.currentIndex()
        y = view.visualRect(index).center().y() if index.isValid() else 0
        i = keys.index(key) + step
        while 0 <= i < len(keys):
            target = self.columns[keys[i]].view
            count = target.model().rowCount()
            if count:
                hit = target.indexAt(QPoint(10, max(y, 0)))
                row = hit.row() if hit.isValid() else (0 if y <= 0 else count - 1)
                view.clearSelection()
                _select(target, row, scroll_to=True)
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            i += step

    # commands --------------------------------------------------------------------------------

    def stage(self, key: str) -> Any:  # noqa: ANN401 - a StageRow or None
        return next((r for r in self.stages if r.key == key), None)

    def open_card(self, card: Any) -> None:  # noqa: ANN401
        if card is not None:
            from crmdesk.views.deal_dialog import open_deal

            open_deal(self.ctx, self.window(), card.id)

    def new_deal(self, customer_id: int | None = None) -> None:
        from crmdesk.views.deal_dialog import new_deal

        new_deal(self.ctx, self.window(), customer_id)

    def move_current(self, step: int) -> None:
        """Ctrl+Right / Ctrl+Left: the next or previous stage on the board."""
        card = self.current_card()
        if card is None:
            return
        keys = [r.key for r in self.stages if r.active or r.key == card.stage]
        if card.stage not in keys:
            return
        i = keys.index(card.stage) + step
        if not 0 <= i < len(keys):
            self.ctx.bus.status_message_requested.emit(self.tr("No stage further that way."))
            return
        self.move_card(card, keys[i])

    def move_card(self, card: Any, to_stage: str) -> None:  # noqa: ANN401
        source, target = self.stage(card.stage), self.stage(to_stage)
        if target is None:
            return
        self._follow_id = card.id
        perform_deal_move(
            self.ctx,
            self,
            card,
            source.outcome if source is not None else "open",
            to_stage,
            target.outcome,
            target.name,
            on_done=guarded(self, lambda ok: self._moved(card, target, ok)),
        )

    def _moved(self, card: Any, target: Any, ok: bool) -> None:  # noqa: ANN401
        if not ok:
            self._follow_id = None
            return
        self.ctx.bus.status_message_requested.emit(
            self.tr("%1 moved to %2")
            .replace("%1", card.title)
            .replace("%2", stage_title(target.key, target.name))
        )

    def _drop_move(self, deal_id: int, version: int, from_stage: str, to_stage: str) -> None:
        for column in self.columns.values():
            row = column.model.row_of(deal_id)
            card = column.model.card(row) if row is not None else None
            if card is not None and card.version == version and card.stage == from_stage:
                self.move_card(card, to_stage)
                return
        # The board was reloaded while the card was in the air: move what was dragged (the
        # version makes a move of a deal changed meanwhile fail with a sentence).
        self.move_card(_Dragged(deal_id, version, "", from_stage), to_stage)

    def _drag_started(self, from_stage: str) -> None:
        source = self.stage(from_stage)
        from_outcome = source.outcome if source is not None else "open"
        for key, column in self.columns.items():
            target = self.stage(key)
            if key == from_stage or target is None:
                column.set_drop_state("source")
                continue
            hint = move_hint(from_outcome, target.outcome)
            allowed = from_outcome == "open" or target.outcome == "open"
            column.set_drop_state("allowed" if allowed else "refused", hint)

    def _drag_finished(self) -> None:
        for column in self.columns.values():
            column.set_drop_state("")

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
            self.table.select_row(index.row())
        self.card_menu(index.data(CARD_ROLE)).popup(view.viewport().mapToGlobal(pos))

    def card_menu(self, card: Any) -> QMenu:  # noqa: ANN401
        """Open, Open customer, Move to ▸ (each stage, with what it will ask), New deal for
        this customer."""
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
        source = self.stage(card.stage)
        from_outcome = source.outcome if source is not None else "open"
        for r in self.stages:
            if r.key == card.stage or not r.active:
                continue
            action = move.addAction(stage_title(r.key, r.name))
            allowed = from_outcome == "open" or r.outcome == "open"
            action.setEnabled(allowed)
            action.setToolTip(move_hint(from_outcome, r.outcome))
            if allowed:
                action.triggered.connect(lambda _=False, k=r.key: self.move_card(card, k))
        menu.addSeparator()
        menu.addAction(
            self.tr("New deal for this customer…"), lambda: self.new_deal(card.customer_id)
        )
        return menu


@dataclass(frozen=True)
class _Dragged:
    id: int
    version: int
    title: str
    stage: str
    customer_id: int = 0


def _view_card_id(view: QAbstractItemView) -> int | None:
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isSelected(index):
        return None
    card = index.data(CARD_ROLE)
    return card.id if card is not None else None


def _select(view: QAbstractItemView, row: int, *, scroll_to: bool) -> None:
    index = view.model().index(row, 0)
    auto = view.hasAutoScroll()
    view.setAutoScroll(scroll_to)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.setAutoScroll(auto)
    if scroll_to:
        view.scrollTo(index)
