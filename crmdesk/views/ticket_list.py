"""The board's tickets as a sortable list, read page by page on workers, and its export to
Excel (headers and labels in the language the screen shows)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.qt.settings import Settings
from crmdesk.qt.ticket_models import (
    CARD_ROLE,
    CATEGORIES,
    LIST_COLUMNS,
    PRIORITIES,
    STATUSES,
    CardTiming,
    TicketTableModel,
    status_title,
    timings_for,
)
from crmdesk.services import tickets as ticket_service
from crmdesk.services.tickets import BoardCard
from crmdesk.views.ticket_cards import is_dark
from crmdesk.views.ticket_filters import Filters, resolve_query
from crmdesk.views.widgets import guarded

PAGE = 500
TABLE_NAME = "tickets"
WIDTHS = (140, 240, 190, 125, 85, 110, 105, 140, 130)


@dataclass(frozen=True)
class ListAnswer:
    rows: list[BoardCard]
    total: int
    timings: dict[int, CardTiming]
    latest: int
    team_id: int | None


def _policy(db: Any) -> Any:  # noqa: ANN401
    from crmdesk.services.service_settings import load_policy

    return load_policy(db)


class TicketList(QTableView):
    """Sortable columns (number, title, customer, status, priority, category, assignee, due,
    created); sorting reads again in the database's order, so it covers every ticket."""

    # a ListAnswer, after it was shown
    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from crmdesk.views.customer_list import configure_table

        self.ctx = ctx
        self.settings = settings
        self._requested = 0
        self._applied = 0
        self._filters = Filters()
        self._export_token: Any = None
        self.export_box: Any = None
        self.list_model = TicketTableModel(self)
        self.list_model.sort_requested.connect(lambda *_: self.load(self._filters))
        self.list_model.more_wanted.connect(self._load_more)
        configure_table(self)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setModel(self.list_model)
        header = self.horizontalHeader()
        for i, width in enumerate(WIDTHS):
            header.resizeSection(i, width)
        header.setStretchLastSection(True)
        state = settings.header_state(TABLE_NAME)
        if state is not None and header.restoreState(state) and header.count() == len(WIDTHS):
            column = header.sortIndicatorSection()
            if 0 <= column < len(LIST_COLUMNS):
                self.list_model.preset_sort(
                    LIST_COLUMNS[column].sort_key,
                    header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
                )
        header.setSortIndicator(
            self.list_model.sort_column(),
            Qt.SortOrder.DescendingOrder
            if self.list_model.descending
            else Qt.SortOrder.AscendingOrder,
        )
        self.setSortingEnabled(True)
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(500)
        self._header_timer.timeout.connect(self.save_header)
        header.sectionResized.connect(self._header_timer.start)
        header.sectionMoved.connect(self._header_timer.start)
        header.sortIndicatorChanged.connect(self._header_timer.start)

    def save_header(self) -> None:
        self._header_timer.stop()
        self.settings.save_header_state(TABLE_NAME, self.horizontalHeader().saveState())

    # reading -------------------------------------------------------------------------------

    def load(self, filters: Filters) -> None:
        """Read the list for ``filters`` in the background; a newer answer wins."""
        self._requested += 1
        generation = self._requested
        db = self.ctx.db
        model = self.list_model
        sort_key, descending = model.sort_key, model.descending
        # A reload after a change keeps as many rows as were read, so the scroll position holds.
        wanted = max(PAGE, model.rowCount())

        def read() -> ListAnswer:
            latest = ticket_service.latest_ticket_change(db)
            query, team_id = resolve_query(db, filters)
            total = ticket_service.count_tickets(db, query)
            rows = ticket_service.list_ticket_rows(db, query, sort_key, descending, 0, wanted)
            timings = timings_for(rows, db.now(), None, _policy(db))
            return ListAnswer(rows, total, timings, latest, team_id)

        self.ctx.tasks.submit(
            read,
            guarded(self, lambda answer: self._apply(generation, filters, answer)),
            guarded(self, self.failed.emit),
        )

    def _apply(self, generation: int, filters: Filters, answer: ListAnswer) -> None:
        if generation <= self._applied:
            self.loaded.emit(None)  # an older answer: nothing shown, but the read is over
            return
        self._applied = generation
        self._filters = filters
        current = self.current_card()
        scroll = self.verticalScrollBar().value()
        self.list_model.dark = is_dark(self.palette())
        self.list_model.set_rows(answer.rows, answer.total, answer.timings)
        row = self.list_model.row_of(current.id if current else None)
        if row is not None:
            self.select_row(row, scroll_to=False)
        self.verticalScrollBar().setValue(scroll)
        self.loaded.emit(answer)

    def _load_more(self, offset: int) -> None:
        generation = self._applied
        db = self.ctx.db
        filters = self._filters
        sort_key, descending = self.list_model.sort_key, self.list_model.descending

        def read() -> tuple[list[BoardCard], dict[int, CardTiming]]:
            query, _team = resolve_query(db, filters)
            rows = ticket_service.list_ticket_rows(db, query, sort_key, descending, offset, PAGE)
            return rows, timings_for(rows, db.now(), None, _policy(db))

        def done(result: tuple[list[BoardCard], dict[int, CardTiming]]) -> None:
            if generation == self._applied:
                self.list_model.append_rows(offset, *result)

        self.ctx.tasks.submit(
            read, guarded(self, done), guarded(self, self.ctx.tasks.default_error_handler)
        )

    # selection -----------------------------------------------------------------------------

    def current_card(self) -> BoardCard | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        return index.data(CARD_ROLE)

    def select_row(self, row: int, *, scroll_to: bool = True) -> None:
        index = self.list_model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        flags |= QItemSelectionModel.SelectionFlag.Rows
        auto = self.hasAutoScroll()
        self.setAutoScroll(scroll_to)
        self.selectionModel().setCurrentIndex(index, flags)
        self.setAutoScroll(auto)
        if scroll_to:
            self.scrollTo(index)

    def select_ticket(self, ticket_id: int) -> bool:
        row = self.list_model.row_of(ticket_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    # export to Excel -----------------------------------------------------------------------

    def export_headers(self) -> dict[str, str]:
        return {
            "number": self.tr("Number"),
            "title": self.tr("Title"),
            "customer": self.tr("Customer"),
            "status": self.tr("Status"),
            "priority": self.tr("Priority"),
            "category": self.tr("Category"),
            "assignee": self.tr("Assignee"),
            "due": self.tr("Due"),
            "created": self.tr("Created"),
            "breached": self.tr("Deadline missed"),
            "waiting": self.tr("Waiting for customer"),
        }

    def export_labels(self) -> dict[str, dict[str, str]]:
        return {
            "status": {s: status_title(s) for s in STATUSES},
            "priority": {p: label("ticket_priority", p) for p in PRIORITIES},
            "category": {c: label("ticket_category", c) for c in CATEGORIES},
            "yes_no": {"yes": self.tr("Yes"), "no": ""},
        }

    @property
    def exporting(self) -> bool:
        return self._export_token is not None

    def export_to_excel(self, filters: Filters, path: Path | None = None) -> bool:
        """Write the tickets ``filters`` find, in the list's sort, to .xlsx in the background
        (progress after ~600 ms, cancellable). Asks where when no ``path`` is given."""
        from PySide6.QtCore import QDate, QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        from crmdesk.qt import errors
        from crmdesk.qt.tasks import Cancelled, run_with_progress
        from crmdesk.services.exporting.tickets import export_tickets

        if self._export_token is not None:
            return False
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            day = QDate.currentDate().toString("yyyyMMdd")
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export tickets to Excel"),
                str(Path(folder) / self.tr("tickets_%1.xlsx").replace("%1", day)),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        target = path
        headers, labels = self.export_headers(), self.export_labels()
        db = self.ctx.db
        sort_key, descending = self.list_model.sort_key, self.list_model.descending
        sheet = self.tr("Tickets")

        def work(token: Any) -> Any:  # noqa: ANN401 - runs on a worker thread
            def progress(done: int, total: int) -> None:
                # The noun follows the total (%Ln, filled in before %1); tr is thread-safe.
                text = TicketList.tr("Exported %1 of %Ln tickets…", "", total).replace(
                    "%1", QLocale().toString(done)
                )
                token.progress(done, total, text)

            query, _team = resolve_query(db, filters)
            return export_tickets(
                db,
                target,
                query,
                headers,
                labels,
                sort_key=sort_key,
                descending=descending,
                sheet=sheet,
                progress=progress,
            )

        def done(result: Any) -> None:  # noqa: ANN401 - an ExportResult
            self._export_token = None
            self._exported(result)

        def failed(exc: BaseException) -> None:
            self._export_token = None
            if isinstance(exc, Cancelled):
                self.ctx.bus.status_message_requested.emit(
                    self.tr("Export cancelled; no file was written.")
                )
            else:
                errors.show_error(self, exc)

        self._export_token = run_with_progress(
            self.ctx.tasks,
            self.window(),
            self.tr("Exporting tickets…"),
            work,
            guarded(self, done),
            guarded(self, failed),
        )
        return True

    def _exported(self, result: Any) -> None:  # noqa: ANN401 - an ExportResult
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        text = self.tr("Exported %Ln tickets to %1", "", result.rows).replace(
            "%1", str(result.path)
        )
        self.ctx.bus.status_message_requested.emit(text)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export to Excel"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        folder = QUrl.fromLocalFile(str(result.path.parent))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(folder))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda *_: setattr(self, "export_box", None))
        self.export_box = box
        box.open()
