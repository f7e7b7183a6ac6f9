"""The main window: navigation, menus, the customer tabs, the status bar, backups."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import crmdesk
from crmdesk.qt import errors
from crmdesk.qt.context import AppContext
from crmdesk.qt.i18n import available_languages, choose_language
from crmdesk.qt.icons import icon as themed_icon
from crmdesk.qt.labels import label
from crmdesk.qt.lazy import lazy_module
from crmdesk.qt.service_text import error_text
from crmdesk.qt.settings import Settings
from crmdesk.services import ChangeSet, NotFoundError, UserRef
from crmdesk.views.customer_list import CustomerListView

if TYPE_CHECKING:
    from crmdesk.services import customers as customer_service
    from crmdesk.services import maintenance
else:  # the window is built before the database layer has loaded (see crmdesk.qt.lazy)
    customer_service = lazy_module("crmdesk.services.customers")
    maintenance = lazy_module("crmdesk.services.maintenance")

log = logging.getLogger(__name__)

STATUS_MS = 8000
LAST_PAGE = "window/last_page"


class PageSlot(QWidget):
    """A place in the page stack whose screen is built the first time it is shown (or asked
    for), so the window opens without loading the screens nobody has looked at yet."""

    def __init__(self, factory: Callable[[QWidget], QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self._factory = factory
        self._page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            self._page = self._factory(self)
            self.layout().addWidget(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.page()
        super().showEvent(event)


def _quick_task_on_cards(ctx: AppContext, page: Any) -> None:  # noqa: ANN401 - a board page
    """Ctrl+T on a board: a follow-up task for the customer of the card the keyboard is on."""
    from crmdesk.views.quick_task import install_quick_task_action

    def customer() -> tuple[int, str] | None:
        card = page.current_card()
        return None if card is None else (card.customer_id, card.customer_name)

    page.quick_task_action = install_quick_task_action(page, ctx, customer)


def _ticket_board(ctx: AppContext, settings: Settings, parent: QWidget) -> QWidget:
    from crmdesk.views.ticket_board import TicketBoardPage

    page = TicketBoardPage(ctx, settings, parent)
    _quick_task_on_cards(ctx, page)
    return page


def _deals_page(ctx: AppContext, parent: QWidget, settings: Settings | None = None) -> QWidget:
    from crmdesk.views.pipeline_board import PipelineBoardPage

    page = PipelineBoardPage(ctx, settings, parent)
    _quick_task_on_cards(ctx, page)
    return page


def _my_day_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from crmdesk.views.my_day import MyDayPage

    return MyDayPage(ctx, parent)


def _pool_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from crmdesk.views.pool import PoolPage

    return PoolPage(ctx, parent)


def _dashboard_page(ctx: AppContext, parent: QWidget, settings: Settings) -> QWidget:
    from crmdesk.views.dashboard import DashboardPage

    return DashboardPage(ctx, settings, parent)


def _knowledge_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from crmdesk.views.knowledge import KnowledgePage

    return KnowledgePage(ctx, parent)


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        settings: Settings | None = None,
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or Settings()
        self.demo = demo
        self.restart_requested = False
        self.setObjectName("MainWindow")
        title = crmdesk.APP_NAME
        if demo:
            title = self.tr("%1 — Demo").replace("%1", title)
        self.setWindowTitle(title)
        ctx.tasks.default_error_handler = errors.background_error_handler(self)

        # Customers: the list and the customers opened from it, as tabs.
        self.customers = CustomerListView(ctx, self.settings, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.addTab(self.customers, self.tr("All customers"))
        self._unclosable(0)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self._customer_tabs: dict[int, QWidget] = {}

        self._slots = {
            "my_day": PageSlot(lambda p: _my_day_page(ctx, p), self),
            "tickets": PageSlot(lambda p: _ticket_board(ctx, self.settings, p), self),
            "deals": PageSlot(lambda p: _deals_page(ctx, p, self.settings), self),
            "knowledge": PageSlot(lambda p: _knowledge_page(ctx, p), self),
            "pool": PageSlot(lambda p: _pool_page(ctx, p), self),
            "dashboard": PageSlot(lambda p: _dashboard_page(ctx, p, self.settings), self),
        }
        self.pages = QStackedWidget(self)
        self.nav = QListWidget(self)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSpacing(2)
        self.page_keys: list[str] = []
        for key, page, text, icon in (
            ("my_day", self._slots["my_day"], self.tr("My Day"), "my_day"),
            ("customers", self.tabs, self.tr("Customers"), "customers"),
            ("tickets", self._slots["tickets"], self.tr("Tickets"), "tickets"),
            ("deals", self._slots["deals"], self.tr("Pipeline"), "pipeline"),
            ("knowledge", self._slots["knowledge"], self.tr("Knowledge base"), "knowledge"),
            ("pool", self._slots["pool"], self.tr("Public pool"), "pool"),
            ("dashboard", self._slots["dashboard"], self.tr("Dashboard"), "dashboard"),
        ):
            self.page_keys.append(key)
            self.pages.addWidget(page)
            QListWidgetItem(themed_icon(icon), text, self.nav)
        self.nav.setFixedWidth(max(140, self.nav.sizeHintForColumn(0) + 28))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.pages.currentChanged.connect(self._page_shortcuts)
        # Customers unless the user left crmdesk on another page (My Day, say) last time: a
        # lazily built page is only built when it is the one shown.
        start = str(self.settings.value(LAST_PAGE, "customers") or "customers")
        self.nav.setCurrentRow(self.page_row(start if start in self.page_keys else "customers"))

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._make_menus()
        self._make_status_bar()
        # The bell (status bar corner) and the SLA checker: see start_background_jobs.
        self.notification_centre: Any = None
        self.reminders: Any = None
        ctx.bus.open_customer_requested.connect(self.open_customer)
        ctx.bus.open_ticket_requested.connect(self.open_ticket)
        ctx.bus.status_message_requested.connect(self.show_status)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.setAcceptDrops(True)
        self._restore_window()

    # the screens behind the navigation, built on first use ------------------------------------

    @property
    def tickets(self) -> Any:  # noqa: ANN401 - TicketBoardPage, imported when first shown
        return self._slots["tickets"].page()

    @property
    def deals(self) -> Any:  # noqa: ANN401 - PipelineBoardPage
        return self._slots["deals"].page()

    @property
    def knowledge(self) -> Any:  # noqa: ANN401 - KnowledgePage
        return self._slots["knowledge"].page()

    @property
    def my_day(self) -> Any:  # noqa: ANN401 - MyDayPage
        return self._slots["my_day"].page()

    @property
    def pool(self) -> Any:  # noqa: ANN401 - PoolPage
        return self._slots["pool"].page()

    @property
    def dashboard(self) -> Any:  # noqa: ANN401 - DashboardPage
        return self._slots["dashboard"].page()

    def page_row(self, key: str) -> int:
        """The navigation row of a page ("my_day", "customers", "tickets", …)."""
        return self.page_keys.index(key)

    def current_page(self) -> QWidget:
        """The screen the navigation shows (the page itself, not its slot)."""
        widget = self.pages.currentWidget()
        return widget.page() if isinstance(widget, PageSlot) else widget

    # construction ----------------------------------------------------------------------------

    def _unclosable(self, index: int) -> None:
        bar = self.tabs.tabBar()
        for side in (bar.ButtonPosition.RightSide, bar.ButtonPosition.LeftSide):
            button = bar.tabButton(index, side)
            if button is not None:
                button.resize(0, 0)
                button.hide()

    def _action(
        self,
        text: str,
        slot,
        shortcut: QKeySequence | str | None = None,  # noqa: ANN001
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.customers.new_action)
        self.customers.new_action.triggered.connect(self.show_customers)
        file_menu.addAction(self.customers.export_action)
        file_menu.addAction(self.customers.import_action)
        self.import_history_action = self._action(
            self.tr("Import history…"), self.show_import_history
        )
        file_menu.addAction(self.import_history_action)
        file_menu.addSeparator()
        self.backup_action = self._action(self.tr("Back up now…"), self.backup_now)
        self.restore_action = self._action(self.tr("Restore from backup…"), self.restore_backup)
        self.trash_action = self._action(self.tr("Trash…"), self.show_trash)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.trash_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("Quit"), self.close, QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.ctx.undo.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.ctx.undo.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.customers.delete_action)
        edit_menu.addSeparator()
        self.find_action = self.customers.find_action
        self.find_action.triggered.connect(self.show_customers)
        edit_menu.addAction(self.find_action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.page_actions = []
        for i in range(self.nav.count()):
            action = self._action(
                self.nav.item(i).text(),
                lambda _=False, row=i: self.show_page(row),
                QKeySequence(f"Ctrl+{i + 1}"),
            )
            view_menu.addAction(action)
            self.page_actions.append(action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        current = choose_language(None, self.settings)
        self.language_actions: dict[str, QAction] = {}
        for code, name in available_languages():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        settings_menu.addSeparator()
        self.service_settings_action = self._action(
            self.tr("Service desk && SLA…"), self.show_service_settings
        )
        settings_menu.addAction(self.service_settings_action)
        self.stage_settings_action = self._action(
            self.tr("Pipeline stages…"), self.show_stage_settings
        )
        settings_menu.addAction(self.stage_settings_action)
        self.followup_settings_action = self._action(
            self.tr("Follow-up rules && public pool…"), self.show_followup_settings
        )
        settings_menu.addAction(self.followup_settings_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("About crmdesk"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)
        for action in (self.undo_action, self.redo_action, self.quit_action, *self.page_actions):
            self.addAction(action)
        self.menus = {
            "file": file_menu,
            "edit": edit_menu,
            "view": view_menu,
            "settings": settings_menu,
            "help": help_menu,
        }

    def _make_status_bar(self) -> None:
        self.db_label = QLabel(self)
        self.user_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)
        quick = self.ctx.quick
        if quick is not None:  # the database layer is still loading: the quick look knows
            self._show_where(quick.path, str(quick.path), quick.user)
        self.ctx.when_ready(self._show_database)

    def _show_database(self) -> None:
        db = self.ctx.db
        path = maintenance.database_file(db)
        self._show_where(path, db.url_display, db.user)

    def _show_where(self, path: Path | None, url: str, user: UserRef | None) -> None:
        self.db_label.setText(self.tr("Database: %1").replace("%1", path.name if path else url))
        self.db_label.setToolTip(str(path) if path is not None else url)
        who = (
            self.tr("Signed in as %1 (%2)")
            .replace("%1", user.display_name)
            .replace("%2", label("role", user.role))
            if user is not None
            else self.tr("Not signed in")
        )
        self.user_label.setText(who)

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def start_background_jobs(self) -> None:
        """Work that must not delay the first paint (and waits for the database to be open):
        the daily automatic backup, the bell, the SLA check, the follow-up rules."""
        self.ctx.when_ready(self._start_background_jobs)

    def _start_background_jobs(self) -> None:
        QTimer.singleShot(3000, self, self._auto_backup)
        # The bell, and the SLA check that catches up on what fell due while crmdesk was
        # closed and then runs every minute: just after the first paint.
        QTimer.singleShot(300, self, lambda: self.install_notification_centre().start())
        # Follow-up: the daily rules (revisit tasks, care reminders, the public pool) and the
        # task reminders, which first catch up on what fell due while crmdesk was closed.
        QTimer.singleShot(600, self, lambda: self.install_reminders().start())

    def install_reminders(self) -> Any:  # noqa: ANN401 - a Reminders
        if self.reminders is None:
            from crmdesk.views.reminders import Reminders

            self.reminders = Reminders(self.ctx, self)
        return self.reminders

    def install_notification_centre(self) -> Any:  # noqa: ANN401 - NotificationCentre
        """The bell in the status bar corner, once (loaded after the first paint)."""
        if self.notification_centre is None:
            from crmdesk.views.notification_centre import install

            self.notification_centre = install(self, self.ctx)
        return self.notification_centre

    def _auto_backup(self) -> None:
        db = self.ctx.db

        def done(path: Path | None) -> None:
            if path is not None:
                log.info("automatic backup written to %s", path)

        def failed(exc: BaseException) -> None:
            log.warning("automatic backup failed: %s", exc)
            self.show_status(
                self.tr("The automatic backup failed: %1").replace("%1", error_text(exc))
            )

        self.ctx.tasks.submit(lambda: maintenance.auto_backup(db), done, failed, write=True)

    # navigation ------------------------------------------------------------------------------

    def _page_shortcuts(self, _index: int) -> None:
        # Ctrl+N makes what the page shows: the board's New ticket, the knowledge base's New
        # article; elsewhere a new customer.
        page = self.current_page()
        own_new = page is not self.tabs and hasattr(page, "new_action")
        if own_new and page.new_action.shortcut().isEmpty():
            page.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.customers.new_action.setShortcut(
            QKeySequence() if own_new else QKeySequence(QKeySequence.StandardKey.New)
        )

    def show_page(self, row: int) -> None:
        self.nav.setCurrentRow(row)

    def show_customers(self) -> None:
        self.show_page(self.page_row("customers"))
        self.tabs.setCurrentIndex(0)

    def open_customer(self, customer_id: int) -> None:
        self.show_page(self.page_row("customers"))
        existing = self._customer_tabs.get(customer_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return
        try:
            from crmdesk.views.customer_view import CustomerView
        except ImportError:
            log.exception("the customer view could not be loaded")
            self.show_status(self.tr("The customer view could not be opened; see the log."))
            return
        view = CustomerView(self.ctx, customer_id, self.tabs)
        row = self.customers.model.row_of(customer_id)
        data = self.customers.model.row_data(row) if row is not None else None
        title = data.name if data is not None else self.tr("Customer")
        index = self.tabs.addTab(view, title)
        self.tabs.setTabToolTip(index, title)
        self.tabs.setCurrentIndex(index)
        self._customer_tabs[customer_id] = view
        # The view may learn or change the customer's name; follow it when it says so.
        title_changed = getattr(view, "title_changed", None)
        if title_changed is not None:
            title_changed.connect(lambda text, v=view: self._retitle(v, text))
        closed = getattr(view, "close_requested", None)
        if closed is not None:
            closed.connect(lambda v=view: self.close_tab(self.tabs.indexOf(v)))

    def open_ticket(self, ticket_id: int) -> None:
        from crmdesk.views.ticket_dialog import open_ticket

        open_ticket(self.ctx, self, ticket_id)

    def _retitle(self, view: QWidget, text: str) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.setTabText(index, text)
            self.tabs.setTabToolTip(index, text)

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        """Open customer tabs follow renames; a customer moved to the trash closes its tab."""
        affected = [
            cid for cid in self._customer_tabs if changes.everything or cid in changes.customers
        ]
        for cid in affected:
            try:
                detail = customer_service.get_customer(self.ctx.db, cid)
            except NotFoundError:
                detail = None
            view = self._customer_tabs.get(cid)
            if view is None:
                continue
            if detail is None or detail.deleted_at is not None:
                self.close_tab(self.tabs.indexOf(view))
            else:
                self._retitle(view, detail.name)

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        view = self.tabs.widget(index)
        self.tabs.removeTab(index)
        for cid, widget in list(self._customer_tabs.items()):
            if widget is view:
                del self._customer_tabs[cid]
        view.deleteLater()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    # dialogs -----------------------------------------------------------------------------------

    def show_trash(self) -> None:
        from crmdesk.views.trash import TrashDialog

        dialog = TrashDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.trash_dialog = dialog

    def show_service_settings(self) -> None:
        from crmdesk.views.service_settings_dialog import ServiceSettingsDialog

        dialog = ServiceSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.service_settings_dialog = dialog

    def show_stage_settings(self) -> None:
        from crmdesk.views.stage_settings_dialog import StageSettingsDialog

        dialog = StageSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.stage_settings_dialog = dialog

    def show_followup_settings(self) -> None:
        from crmdesk.views.pool import FollowupRulesDialog

        dialog = FollowupRulesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.followup_settings_dialog = dialog

    def show_import_history(self) -> None:
        from crmdesk.views.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.import_history_dialog = dialog

    def _dropped_spreadsheet(self, event) -> Path | None:  # noqa: ANN001 - a drag or drop event
        from crmdesk.views.import_pages import spreadsheet_in

        urls = event.mimeData().urls() if event.mimeData() is not None else []
        return spreadsheet_in([Path(u.toLocalFile()) for u in urls if u.isLocalFile()])

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._dropped_spreadsheet(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        # A spreadsheet dropped on the window opens the import wizard with it.
        path = self._dropped_spreadsheet(event)
        if path is not None:
            event.acceptProposedAction()
            self.show_customers()
            self.customers.import_from_excel(path)

    def backup_now(self) -> None:
        db = self.ctx.db
        self.backup_action.setEnabled(False)

        def done(path: Path) -> None:
            self.backup_action.setEnabled(True)
            self.show_status(self.tr("Backup written to %1").replace("%1", str(path)))
            QMessageBox.information(
                self,
                self.tr("Backup"),
                self.tr("The database was backed up and verified:\n%1").replace("%1", str(path)),
            )

        def failed(exc: BaseException) -> None:
            self.backup_action.setEnabled(True)
            errors.show_error(self, exc)

        self.show_status(self.tr("Backing up…"))
        self.ctx.tasks.submit(lambda: maintenance.backup_now(db), done, failed, write=True)

    def restore_backup(self) -> None:
        db = self.ctx.db
        if maintenance.database_file(db) is None:
            QMessageBox.information(
                self,
                self.tr("Restore from backup"),
                self.tr(
                    "This database is on a server. Restore it with the server's own tools "
                    "(pg_restore)."
                ),
            )
            return
        backups = maintenance.list_backups(db)
        if not backups:
            QMessageBox.information(
                self,
                self.tr("Restore from backup"),
                self.tr("There are no backups of this database yet in %1.").replace(
                    "%1", str(maintenance.backup_folder())
                ),
            )
            return
        chooser = BackupChooser(backups, self)
        if chooser.exec() != QDialog.DialogCode.Accepted or chooser.selected is None:
            return
        chosen = chooser.selected
        when = self.locale().toString(QDateTime(chosen.mtime), self.locale().FormatType.ShortFormat)
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "The current database will be replaced by the backup from %1. The current "
                "database is kept as a backup in %2. Continue?"
            )
            .replace("%1", when)
            .replace("%2", str(maintenance.backup_folder())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(kept: Path | None) -> None:
            text = self.tr("Restored the backup from %1.").replace("%1", when)
            if kept is not None:
                text += "\n" + self.tr("The database it replaced is kept as %1.").replace(
                    "%1", str(kept)
                )
            text += "\n\n" + self.tr("crmdesk will now close. Start it again to continue.")
            QMessageBox.information(self, self.tr("Restore from backup"), text)
            self.restart_requested = True
            self.close()

        self.show_status(self.tr("Restoring…"))
        self.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            errors.show_error(self, exc)

        self.ctx.tasks.submit(
            lambda: maintenance.restore(db, chosen.path), done, failed, write=True
        )

    def choose_language(self, code: str) -> None:
        if code == self.settings.language:
            return
        self.settings.language = code
        name = dict(available_languages()).get(code, code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("crmdesk will speak %1 the next time you start it.").replace("%1", name),
        )

    def show_about(self) -> None:
        from crmdesk.views.about import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.about_dialog = dialog

    # closing -----------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.customers.save_state()
        row = self.nav.currentRow()
        if 0 <= row < len(self.page_keys):
            self.settings.set_value(LAST_PAGE, self.page_keys[row])
        if self.reminders is not None:
            self.reminders.stop()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)


class BackupChooser(QDialog):
    """Pick one backup, newest first, with its date, kind and size."""

    def __init__(self, backups: list[maintenance.BackupInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.selected: maintenance.BackupInfo | None = None
        self._backups = backups
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Size"), self.tr("File")]
        )
        loc = self.locale()
        for b in backups:
            kind = self.tr("Automatic") if b.automatic else self._kind(b.path.stem)
            item = QTreeWidgetItem(
                [
                    loc.toString(QDateTime(b.mtime), loc.FormatType.ShortFormat),
                    kind,
                    loc.formattedDataSize(b.size),
                    b.path.name,
                ]
            )
            self.tree.addTopLevelItem(item)
        for i in range(4):
            self.tree.resizeColumnToContents(i)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the backup to go back to:"), self))
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _kind(self, stem: str) -> str:
        if stem.endswith("-manual"):
            return self.tr("Made by hand")
        if stem.endswith("-before-restore"):
            return self.tr("Before a restore")
        if "-pre-migrate-" in stem:
            return self.tr("Before an upgrade")
        return self.tr("Other")

    def accept(self) -> None:
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem())
        self.selected = self._backups[row] if 0 <= row < len(self._backups) else None
        super().accept()
