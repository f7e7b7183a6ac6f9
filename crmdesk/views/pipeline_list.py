"""The pipeline's deals as a sortable list (the board's filters, one row a deal). Sorting reads
again in the database's order, so it covers every deal, not just the rows read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from crmdesk.qt.context import AppContext
from crmdesk.qt.deal_models import CARD_ROLE, DealTableModel, stage_title
from crmdesk.views.pipeline_filters import PipelineFilters, to_query
from crmdesk.views.widgets import guarded

LIST_LIMIT = 1000
WIDTHS = (240, 200, 130, 120, 90, 120, 130)


@dataclass(frozen=True)
class ListAnswer:
    rows: list[Any]
    total: int
    stage_names: dict[str, str]


class DealList(QTableView):
    """Deal, customer, stage, amount, probability, expected close, owner."""

    # a ListAnswer, after it was shown
    loaded = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from crmdesk.views.customer_list import configure_table

        self.ctx = ctx
        self._requested = 0
        self._applied = 0
        self._filters = PipelineFilters()
        self.list_model = DealTableModel(self)
        self.list_model.sort_requested.connect(lambda *_: self.load(self._filters))
        configure_table(self)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setModel(self.list_model)
        header = self.horizontalHeader()
        for i, width in enumerate(WIDTHS):
            header.resizeSection(i, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(self.list_model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def load(self, filters: PipelineFilters) -> None:
        """Read the first rows for ``filters`` in the background; a newer answer wins."""
        self._filters = filters
        self._requested += 1
        generation = self._requested
        db = self.ctx.db
        user_id = db.user.id if db.user is not None else None
        query = to_query(user_id, filters)
        key, descending = self.list_model.sort_key, self.list_model.descending

        def read() -> ListAnswer:
            from crmdesk.services import pipeline

            rows = pipeline.list_deal_rows(db, query, key, descending, 0, LIST_LIMIT)
            names = {r.key: stage_title(r.key, r.name) for r in pipeline.list_stages(db)}
            return ListAnswer(rows, pipeline.count_deals(db, query), names)

        def done(answer: ListAnswer) -> None:
            if generation <= self._applied:
                return  # an older answer arriving after a newer one
            self._applied = generation
            kept = self.current_card()
            self.list_model.set_rows(answer.rows, answer.total, answer.stage_names)
            if kept is not None:
                self.select_deal(kept.id)
            self.loaded.emit(answer)

        self.ctx.tasks.submit(
            read, guarded(self, done), guarded(self, self.ctx.tasks.default_error_handler)
        )

    def current_card(self) -> Any:  # noqa: ANN401 - a DealCard or None
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        return index.data(CARD_ROLE)

    def select_deal(self, deal_id: int) -> bool:
        row = self.list_model.row_of(deal_id)
        if row is not None:
            self.select_row(row)
        return row is not None

    def select_row(self, row: int) -> None:
        index = self.list_model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
