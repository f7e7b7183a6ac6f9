"""The Customers screen: search as you type, quick filters, a lazy table, delete with undo."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.context import AppContext
from crmdesk.qt.customer_model import COLUMN_KEYS, COLUMNS, CustomerTableModel
from crmdesk.qt.lazy import lazy_module
from crmdesk.qt.settings import Settings
from crmdesk.services import ChangeSet

if TYPE_CHECKING:
    from crmdesk.services import customers as customer_service
else:  # built before the database layer has loaded (see crmdesk.qt.lazy)
    customer_service = lazy_module("crmdesk.services.customers")

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
TABLE_NAME = "customers"
HIDDEN_BY_DEFAULT = ("kind", "channel", "email", "created_at")
DEFAULT_WIDTHS = {
    "code": 90,
    "name": 230,
    "tier": 80,
    "stage": 110,
    "owner": 100,
    "city": 80,
    "industry": 110,
    "tags": 160,
    "contact": 90,
    "phone": 120,
    "email": 180,
    "annual_revenue": 120,
    "last_interaction_at": 110,
    "created_at": 100,
}


def configure_table(table: QTableView) -> None:
    """The settings every customer table shares: compact fixed-height rows (a lazy model must
    never be asked to measure every row), whole-row selection, sortable movable columns."""
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class CustomerListView(QWidget):
    def __init__(
        self, ctx: AppContext, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or Settings()
        self._dialogs: list[QWidget] = []

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, contact, phone, email, tag…"))
        self.search.setMinimumWidth(320)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        # Typing searches on a worker (a broad search on a big database must not stall the
        # keyboard); Enter, filters and sorting read at once.
        self._search_timer.timeout.connect(lambda: self.apply_query(background=True))
        self.search.textChanged.connect(self._search_timer.start)

        from crmdesk.views.filter_bar import FilterBar

        self.filters = FilterBar(ctx, self)
        self.filters.filters_changed.connect(self.apply_query)

        self.count_label = QLabel(self)
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = CustomerTableModel(ctx, self)
        self.table = QTableView(self)
        configure_table(self.table)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))

        self._make_actions()
        new_button = QToolButton(self)
        new_button.setDefaultAction(self.new_action)
        new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button = self._make_export_button()
        self.import_button = self._make_import_button()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(new_button)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        top.addStretch(0)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)

        self.model.count_changed.connect(self._update_count)
        self._restore_header()
        # Sorting is switched on after the saved header is back, so the first load already
        # uses the saved sort (turning it on makes the view sort, which loads the model).
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self.save_state)
        header.sectionMoved.connect(self._save_timer.start)
        header.sectionResized.connect(self._save_timer.start)
        header.sortIndicatorChanged.connect(self._save_timer.start)

        self._keep_ids: list[int] = []
        self._keep_current: tuple[int | None, int] = (None, -1)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        ctx.bus.data_changed.connect(self._on_data_changed)

        self.apply_query()
        self._update_actions()

    # actions -----------------------------------------------------------------------------

    def _make_actions(self) -> None:
        style = self.style()
        from PySide6.QtWidgets import QStyle

        self.new_action = QAction(self.tr("New customer"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.new_action.setToolTip(self.tr("Add a customer (Ctrl+N)"))
        self.new_action.triggered.connect(self.new_customer)
        self.addAction(self.new_action)

        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_current)
        self.table.addAction(self.open_action)

        self.delete_action = QAction(self.tr("Move to trash"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)

        self.find_action = QAction(self.tr("Find customers"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)

        # Ctrl+T: a follow-up task for the current customer (Enter creates it).
        from crmdesk.views.quick_task import install_quick_task_action

        self.quick_task_action = install_quick_task_action(self, self.ctx, self._quick_task_for)

    def _quick_task_for(self) -> tuple[int, str] | None:
        index = self.table.currentIndex()
        data = self.model.row_data(index.row()) if index.isValid() else None
        return (data.id, data.name) if data is not None else None

    def _update_actions(self) -> None:
        selected = len(self.table.selectionModel().selectedRows())
        self.open_action.setEnabled(selected == 1)
        self.delete_action.setEnabled(selected > 0)

    def focus_search(self) -> None:
        # Deferred: whoever triggered Find may first be bringing this screen to the front.
        QTimer.singleShot(0, self._focus_search)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Down or Enter in the search box moves into the results, as in a launcher.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self.apply_query()
                if self.model.rowCount() > 0:
                    self.table.setFocus()
                    if not self.table.selectionModel().hasSelection():
                        self.select_row(0)
                    return True
        return super().eventFilter(watched, event)

    # the query ---------------------------------------------------------------------------

    def apply_query(self, background: bool = False) -> None:
        self._search_timer.stop()
        query = self.filters.apply_to(
            replace(self.model.requested_query, text=self.search.text().strip())
        )
        if query != self.model.requested_query or not self.model.loaded:
            if background and self.model.loaded:
                self.model.set_query_in_background(query)
            else:
                self.model.set_query(query)

    def _update_count(self, count: int, exact: bool) -> None:
        q = self.model.query
        filtered = bool(q.text.strip()) or self.filters.active
        if count == 0:
            text = (
                self.tr("No customers match the search and filters.")
                if filtered
                else self.tr("No customers yet. Click New customer (Ctrl+N) to add the first.")
            )
        elif not exact:
            text = self.tr("%1+ customers").replace("%1", self.locale().toString(count))
        else:
            text = self.tr("%Ln customers", "", count)
        self.count_label.setText(text)

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if changes.everything:
            self.filters.refresh_lookups()

    # selection ---------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        ids = []
        for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row()):
            cid = self.model.customer_id(index.row())
            if cid is not None:
                ids.append(cid)
        return ids

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.customer_id(index.row()) if index.isValid() else None

    def select_row(self, row: int, *, add: bool = False) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, self.model.column_of("name"))
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select
            if add
            else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_customer(self, customer_id: int) -> bool:
        row = self.model.row_of(customer_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def _remember_selection(self) -> None:
        self._keep_ids = self.selected_ids()[:200]
        index = self.table.currentIndex()
        self._keep_current = (self.current_id(), index.row() if index.isValid() else -1)

    def _restore_selection(self) -> None:
        current_id, current_row = self._keep_current
        rows = [r for r in (self.model.row_of(i) for i in self._keep_ids) if r is not None]
        row = self.model.row_of(current_id) if current_id is not None else None
        if row is None and current_row >= 0 and self.model.rowCount() > 0:
            # The current customer left the list (deleted, filtered out): stay where we were.
            row = min(current_row, self.model.rowCount() - 1)
        if row is not None:
            self.select_row(row)
        for r in rows:
            if r != row:
                self.select_row(r, add=True)
        self._keep_ids = []
        self._keep_current = (None, -1)
        self._update_actions()

    # commands ----------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        cid = self.model.customer_id(row)
        if cid is not None:
            self.ctx.bus.open_customer_requested.emit(cid)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def new_customer(self) -> None:
        try:
            from crmdesk.views.customer_form import CustomerFormDialog
        except ImportError:
            log.exception("the customer form could not be loaded")
            self.ctx.bus.status_message_requested.emit(
                self.tr("The customer form could not be opened; see the log for details.")
            )
            return
        dialog = CustomerFormDialog(self.ctx, self.window())
        dialog.customer_saved.connect(self._customer_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self._dialogs.remove(dialog))
        dialog.open()

    def _customer_saved(self, customer_id: int) -> None:
        self.model.reload()
        self.select_customer(customer_id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names = [r.name for r in (self.model.row_data(i.row()) for i in self._selected()) if r]
        db = self.ctx.db
        ctx = self.ctx
        n = len(ids)
        if n == 1 and names:
            undo_text = self.tr("Delete %1").replace("%1", names[0])
            message = self.tr("Moved “%1” to the trash — Ctrl+Z to undo").replace("%1", names[0])
        else:
            undo_text = self.tr("Delete %Ln customers", "", n)
            message = self.tr("Moved %Ln customers to the trash — Ctrl+Z to undo", "", n)

        def done(changes: ChangeSet) -> None:
            undo.push(
                ctx,
                undo_text,
                lambda: customer_service.delete_customers(db, ids),
                lambda: customer_service.restore_customers(db, ids),
                already_done=True,
            )
            ctx.bus.data_changed.emit(changes, self)
            ctx.bus.status_message_requested.emit(message)

        self.delete_action.setEnabled(False)
        ctx.tasks.submit(lambda: customer_service.delete_customers(db, ids), done, write=True)

    def _selected(self) -> list:  # noqa: ANN401
        return self.table.selectionModel().selectedRows()

    # columns -----------------------------------------------------------------------------

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if CustomerTableModel.sort_key(column) is None:
            # Columns computed from other tables (tags, contact) cannot be sorted in the database.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)
            self.ctx.bus.status_message_requested.emit(self.tr("This column cannot be sorted."))

    def _header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        visible = [i for i in range(len(COLUMNS)) if not header.isSectionHidden(i)]
        for i in range(len(COLUMNS)):
            title = self.model.headerData(i, Qt.Orientation.Horizontal)
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            # The last visible column cannot be hidden: a table with no columns looks empty.
            action.setEnabled(not (len(visible) == 1 and i in visible))
            action.toggled.connect(lambda on, col=i: self.set_column_visible(col, on))
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self.reset_columns)
        menu.popup(header.mapToGlobal(pos))

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self.save_state()

    def reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for logical in range(len(COLUMNS)):
            visual = header.visualIndex(logical)
            if visual != logical:
                header.moveSection(visual, logical)
        self._default_columns()
        self.save_state()

    def _default_columns(self) -> None:
        header = self.table.horizontalHeader()
        for i, key in enumerate(COLUMN_KEYS):
            header.setSectionHidden(i, key in HIDDEN_BY_DEFAULT)
            header.resizeSection(i, DEFAULT_WIDTHS.get(key, 100))

    def _restore_header(self) -> None:
        header = self.table.horizontalHeader()
        state = self.settings.header_state(TABLE_NAME)
        if state is None or not header.restoreState(state) or header.count() != len(COLUMNS):
            self._default_columns()
            return
        column = header.sortIndicatorSection()
        key = CustomerTableModel.sort_key(column)
        if key is not None:
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            self.model.preset_sort(key, descending)
        else:
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)

    def save_state(self) -> None:
        self._save_timer.stop()
        self.settings.save_header_state(TABLE_NAME, self.table.horizontalHeader().saveState())

    # export to Excel ---------------------------------------------------------------------

    def _make_export_button(self) -> QToolButton:
        from PySide6.QtWidgets import QStyle

        self._export_token = None
        self._export_box = None
        self.export_action = QAction(self.tr("Export customers to Excel…"), self)
        self.export_action.setIconText(self.tr("Export to Excel"))
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        self.export_action.setToolTip(
            self.tr("Save the list as shown (search, filters, sort, columns) as .xlsx (Ctrl+E)")
        )
        self.export_action.triggered.connect(self.export_to_excel)
        self.addAction(self.export_action)
        button = QToolButton(self)
        button.setDefaultAction(self.export_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def export_columns(self) -> list[str]:
        """The export's column keys: the visible columns in the order they are shown."""
        from crmdesk.services.exporting import COLUMN_KEYS as EXPORT_KEYS

        header = self.table.horizontalHeader()
        keys = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical) and COLUMN_KEYS[logical] in EXPORT_KEYS:
                keys.append(COLUMN_KEYS[logical])
        return keys

    def export_to_excel(self) -> None:
        """Ask where, then write the list as shown to .xlsx in the background."""
        from pathlib import Path

        from PySide6.QtCore import QDate, QLocale, QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        from crmdesk.qt import errors
        from crmdesk.qt.tasks import Cancelled, run_with_progress
        from crmdesk.services import exporting

        if self._export_token is not None:
            return  # one export at a time
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("customers_%1.xlsx").replace("%1", QDate.currentDate().toString("yyyyMMdd"))
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export customers to Excel"),
            str(Path(folder) / name),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        db = self.ctx.db
        query = self.model.query
        columns = self.export_columns()
        lang = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"

        def work(token):  # noqa: ANN001, ANN202 - runs on a worker thread
            def progress(done: int, total: int) -> None:
                # The noun follows the total (%Ln, filled in before %1). Translating is
                # thread-safe, and CustomerListView.tr touches no widget.
                text = CustomerListView.tr("Exported %1 of %Ln customers…", "", total).replace(
                    "%1", QLocale().toString(done)
                )
                token.progress(done, total, text)

            return exporting.export_customers(db, path, query, columns, lang, progress)

        def done(result: exporting.ExportResult) -> None:
            self._export_token = None
            self.export_action.setEnabled(True)
            self._exported(result)

        def failed(exc: BaseException) -> None:
            self._export_token = None
            self.export_action.setEnabled(True)
            if isinstance(exc, Cancelled):
                self.ctx.bus.status_message_requested.emit(
                    self.tr("Export cancelled; no file was written.")
                )
            else:
                errors.show_error(self, exc)

        self.export_action.setEnabled(False)
        self._export_token = run_with_progress(
            self.ctx.tasks, self.window(), self.tr("Exporting customers…"), work, done, failed
        )

    def _exported(self, result) -> None:  # noqa: ANN001 - an exporting.ExportResult
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        text = self.tr("Exported %Ln customers to %1", "", result.rows).replace(
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
        box.finished.connect(lambda *_: setattr(self, "_export_box", None))
        self._export_box = box
        box.open()

    # import from Excel -------------------------------------------------------------------

    def _make_import_button(self) -> QToolButton:
        from PySide6.QtWidgets import QStyle

        self.import_wizard = None
        self.import_action = QAction(self.tr("Import from Excel…"), self)
        self.import_action.setIconText(self.tr("Import"))
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)
        )
        self.import_action.setToolTip(
            self.tr("Import customers from an Excel, OpenDocument or CSV file (Ctrl+I)")
        )
        self.import_action.triggered.connect(lambda: self.import_from_excel())
        self.addAction(self.import_action)
        button = QToolButton(self)
        button.setDefaultAction(self.import_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def import_from_excel(self, path=None) -> None:  # noqa: ANN001 - a pathlib.Path or None
        """Open the import wizard (the one already open, if any), optionally with a file."""
        from crmdesk.views.import_wizard import open_import_wizard

        wizard = self.import_wizard
        if wizard is not None and wizard.isVisible():
            wizard.raise_()
            wizard.activateWindow()
            if path is not None:
                wizard.load_file(path)
            return
        wizard = open_import_wizard(self.ctx, self.window(), path)
        wizard.destroyed.connect(lambda *_: setattr(self, "import_wizard", None))
        self.import_wizard = wizard
