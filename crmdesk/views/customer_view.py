"""The 360° customer view (360度客户视图): a header with the essentials and actions, and tabs
for the profile and key figures, contacts, timeline, deals and orders, tickets, tasks and
the audit history. The header and overview come from one get_customer call; every other tab
loads the first time it is shown, and reloads when a change touches this customer."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt import undo
from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.qt.service_text import error_text
from crmdesk.qt.simple_models import (
    ContactsModel,
    DealsModel,
    HistoryModel,
    OrdersModel,
    RowsTableModel,
    TasksModel,
    TicketsModel,
    is_past,
)
from crmdesk.services import ChangeSet, CrmError, activity, contacts, customers, lookups
from crmdesk.services.dto import CustomerDetail
from crmdesk.views.contact_form import ContactFormDialog
from crmdesk.views.customer_form import CustomerFormDialog
from crmdesk.views.timeline import TimelineWidget
from crmdesk.views.widgets import (
    Banner,
    FlowLayout,
    Tile,
    chip,
    clear_layout,
    fmt_date,
    fmt_datetime,
    fmt_money,
    fmt_number,
    guarded,
)

TIER_COLORS = {"A": "#f9a825", "B": "#1e88e5", "C": "#90a4ae"}
STAGE_COLORS = {
    "prospect": "#90a4ae",
    "new": "#43a047",
    "growing": "#1e88e5",
    "at_risk": "#e53935",
    "churned": "#616161",
}


def make_table(model: RowsTableModel[Any], parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def undoable_write(
    view: CustomerView, fn: Callable[[], ChangeSet], text: str, undo_fn: Callable[[], ChangeSet]
) -> None:
    """Run a write in the background, make it undoable, and announce it."""
    ctx = view.ctx

    def done(changes: ChangeSet) -> None:
        undo.push(ctx, text, fn, undo_fn, already_done=True)
        ctx.bus.data_changed.emit(changes, None)

    ctx.tasks.submit(fn, guarded(view, done), guarded(view, view.failed), write=True)


def selected_row(table: QTableView) -> Any:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    model = table.model()
    assert isinstance(model, RowsTableModel)
    return model.row_at(rows[0].row())


class LazyTab(QWidget):
    """A tab that reads its data in the background; ``reload`` is called when it is shown."""

    def __init__(self, view: CustomerView) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = view.ctx

    def fetch(self) -> Any:  # runs on a worker thread
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        self.ctx.tasks.submit(
            self.fetch, guarded(self, self.show_data), guarded(self, self.view.failed)
        )

    def run_write(
        self, fn: Callable[[], ChangeSet], text: str, undo_fn: Callable[[], ChangeSet]
    ) -> None:
        undoable_write(self.view, fn, text, undo_fn)


class OverviewTab(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        grid = QGridLayout()
        self.tiles = {
            "lifetime": Tile(self.tr("Lifetime revenue"), body),
            "paid": Tile(self.tr("Payments received"), body),
            "deals": Tile(self.tr("Open deals"), body),
            "tickets": Tile(self.tr("Open tickets"), body),
            "interactions": Tile(self.tr("Interactions"), body),
            "last": Tile(self.tr("Last interaction"), body),
            "task": Tile(self.tr("Next task"), body),
            "order": Tile(self.tr("Last order"), body),
        }
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)
        layout.addLayout(grid)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self.form)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll)

    def show_detail(self, d: CustomerDetail) -> None:
        f = d.figures
        t = self.tiles
        t["lifetime"].set(fmt_money(f.lifetime_revenue, decimals=0))
        outstanding = f.lifetime_revenue - f.paid_total
        t["paid"].set(
            fmt_money(f.paid_total, decimals=0),
            self.tr("Outstanding %1").replace("%1", fmt_money(outstanding, decimals=0))
            if outstanding > 0
            else "",
        )
        t["deals"].set(
            str(f.open_deals), fmt_money(f.open_deal_amount, decimals=0) if f.open_deals else ""
        )
        t["tickets"].set(str(f.open_tickets))
        t["interactions"].set(f"{f.interactions:,}")
        last = f.last_interaction_at
        days = ""
        if last is not None:
            # Calendar days in local time, like the date shown beside it (yesterday 21:29 is
            # "1 day ago" at 09:00 today, not "today").
            ago = (dt.date.today() - last.astimezone().date()).days
            days = self.tr("%n days ago", "", ago) if ago > 0 else self.tr("today")
        t["last"].set(fmt_date(last.astimezone().date()) if last else "", days)
        t["task"].set(f.next_task_title or "", fmt_datetime(f.next_task_due))
        overdue = f.next_task_due is not None and is_past(f.next_task_due)
        t["task"].sub.setStyleSheet("color: #c62828;" if overdue else "color: #757575;")
        t["order"].set(fmt_date(f.last_order_on))

        while self.form.rowCount():
            self.form.removeRow(0)
        rows: list[tuple[str, str, bool]] = [
            (self.tr("Industry"), d.industry or "", False),
            (self.tr("Region / city"), " / ".join(x for x in (d.region, d.city) if x), False),
            (self.tr("Address"), d.address or "", False),
        ]
        if d.website:
            url = d.website if "://" in d.website else "https://" + d.website
            link = f'<a href="{html.escape(url)}">{html.escape(d.website)}</a>'
            rows.append((self.tr("Website"), link, True))
        else:
            rows.append((self.tr("Website"), "", False))
        rows += [
            (self.tr("Acquisition channel"), label("channel", d.channel), False),
            (
                self.tr("Annual revenue"),
                fmt_money(d.annual_revenue, decimals=0) if d.annual_revenue is not None else "",
                False,
            ),
            (self.tr("Usage scenario"), d.usage_scenario or "", False),
            (self.tr("Pain points"), d.pain_points or "", False),
            (self.tr("Notes"), d.notes or "", False),
        ]
        for cf in d.custom_fields:
            value = cf.value or ""
            if cf.type == "bool" and value:
                value = self.tr("Yes") if value == "true" else self.tr("No")
            elif cf.type == "date" and value:
                value = fmt_date(dt.date.fromisoformat(value[:10]))
            elif cf.type == "number" and value:
                value = fmt_number(
                    number := Decimal(value), 0 if number == number.to_integral() else 2
                )
            rows.append((cf.label, value, False))
        rows.append(
            (
                self.tr("Created / changed"),
                f"{fmt_datetime(d.created_at)}  /  {fmt_datetime(d.updated_at)}",
                False,
            )
        )
        for caption, value, rich in rows:
            text = QLabel(self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
                if rich
                else Qt.TextInteractionFlag.TextSelectableByMouse
            )
            if rich:
                text.setTextFormat(Qt.TextFormat.RichText)
                text.setOpenExternalLinks(True)
                text.setText(value)
            else:
                text.setTextFormat(Qt.TextFormat.PlainText)
                text.setText(value or "—")
                if not value:
                    text.setStyleSheet("color: #9e9e9e;")
            cap = QLabel(caption, self)
            cap.setStyleSheet("color: #616161;")
            self.form.addRow(cap, text)


class ContactsTab(QWidget):
    def __init__(self, view: CustomerView) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = view.ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add contact"), self)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for b in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        bar.addStretch(1)
        hint = QLabel(self.tr("★ primary contact · ✔ decision maker"), self)
        hint.setStyleSheet("color: #757575;")
        bar.addWidget(hint)
        layout.addLayout(bar)
        self.model = ContactsModel(self)
        self.table = make_table(self.model, self)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.table.doubleClicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.dialog: ContactFormDialog | None = None

    def open_form(self, contact_id: int | None) -> ContactFormDialog:
        self.dialog = ContactFormDialog(self.ctx, self, self.view.customer_id, contact_id)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog

    def _edit_selected(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.open_form(row.id)

    def delete_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        db, kid = self.ctx.db, row.id
        undoable_write(
            self.view,
            lambda: contacts.set_contact_deleted(db, kid, True),
            self.tr("Delete contact %1").replace("%1", row.name),
            lambda: contacts.set_contact_deleted(db, kid, False),
        )


class DealsOrdersTab(LazyTab):
    def __init__(self, view: CustomerView) -> None:
        super().__init__(view)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_deal_button = QPushButton(self.tr("New deal…"), self)
        self.new_deal_button.clicked.connect(self.new_deal)
        self.add_payment_button = QPushButton(self.tr("Add payment…"), self)
        self.add_payment_button.setToolTip(self.tr("Record a payment received (回款)"))
        self.add_payment_button.clicked.connect(self.add_payment)
        bar.addWidget(self.new_deal_button)
        bar.addWidget(self.add_payment_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.deals_title = QLabel(self)
        self.deals_model = DealsModel(self)
        self.orders_title = QLabel(self)
        self.orders_model = OrdersModel(self)
        self.tables: list[QTableView] = []
        for title, model in (
            (self.deals_title, self.deals_model),
            (self.orders_title, self.orders_model),
        ):
            title.setStyleSheet("font-weight: bold;")
            layout.addWidget(title)
            self.tables.append(make_table(model, self))
            layout.addWidget(self.tables[-1], 1)
        self.deals_table, self.orders_table = self.tables
        self.deals_table.doubleClicked.connect(self.open_deal)
        self.orders: list[Any] = []
        self.payment_dialog: Any = None

    def new_deal(self) -> Any:  # noqa: ANN401 - the DealDialog
        from crmdesk.views.deal_dialog import new_deal

        return new_deal(self.ctx, self.window(), self.view.customer_id)

    def open_deal(self) -> None:
        row = selected_row(self.deals_table)
        if row is not None:
            from crmdesk.views.deal_dialog import open_deal

            open_deal(self.ctx, self.window(), row.id)

    def add_payment(self) -> Any:  # noqa: ANN401 - the PaymentDialog
        """A payment (回款) for the selected order, or for another or none."""
        from crmdesk.services import pipeline
        from crmdesk.views.deal_editors import PaymentDialog, today_of
        from crmdesk.views.ticket_move import run_ticket_write

        order = selected_row(self.orders_table)
        dialog = PaymentDialog(
            self, today_of(self.ctx), self.orders, order.id if order is not None else None
        )
        db, cid = self.ctx.db, self.view.customer_id

        def accepted() -> None:
            data = dialog.value()
            run_ticket_write(self.ctx, self, lambda: pipeline.add_payment(db, cid, data)[1])

        dialog.accepted.connect(accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.payment_dialog = dialog
        return dialog

    def fetch(self) -> Any:
        db, cid = self.ctx.db, self.view.customer_id
        return activity.list_deals(db, cid), activity.list_orders(db, cid)

    def show_data(self, data: Any) -> None:
        deals, orders = data
        self.orders = list(orders)
        self.deals_model.set_rows(deals)
        self.orders_model.set_rows(orders)
        open_total = sum((d.amount for d in deals if d.stage not in ("won", "lost")), Decimal(0))
        self.deals_title.setText(
            self.tr("Deals: %1 · open pipeline %2")
            .replace("%1", str(len(deals)))
            .replace("%2", fmt_money(open_total, decimals=0))
        )
        live = [o for o in orders if o.status != "cancelled"]
        total = sum((o.amount for o in live), Decimal(0))
        paid = sum((Decimal(o.paid or 0) for o in live), Decimal(0))
        self.orders_title.setText(
            self.tr("Orders: %1 · total %2 · paid %3")
            .replace("%1", str(len(orders)))
            .replace("%2", fmt_money(total, decimals=0))
            .replace("%3", fmt_money(paid, decimals=0))
        )


class TicketsTab(LazyTab):
    def __init__(self, view: CustomerView) -> None:
        super().__init__(view)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.title = QLabel(self)
        self.new_button = QPushButton(self.tr("New ticket…"), self)
        self.new_button.clicked.connect(self.new_ticket)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.model = TicketsModel(self)
        self.table = make_table(self.model, self)
        self.table.setToolTip(self.tr("Double-click a ticket to open it"))
        self.table.doubleClicked.connect(self.open_selected)
        layout.addWidget(self.table, 1)
        ctx = view.ctx
        ctx.bus.data_changed.connect(self._tickets_changed)

    def new_ticket(self) -> Any:
        from crmdesk.views.ticket_dialog import new_ticket

        return new_ticket(self.ctx, self, self.view.customer_id)

    def open_selected(self) -> Any:
        from crmdesk.views.ticket_dialog import open_ticket

        row = selected_row(self.table)
        return open_ticket(self.ctx, self, row.id) if row is not None else None

    def _tickets_changed(self, changes: ChangeSet, _source: object) -> None:
        # Moves, assignments and the SLA checker change tickets without touching the customer
        # (the view reloads everything for those): read this tab's few rows again.
        if not changes.tickets or changes.everything or self.view.customer_id in changes.customers:
            return
        if self.isVisible():
            self.reload()
        else:
            self.view._loaded.discard(self)

    def fetch(self) -> Any:
        return activity.list_tickets(self.ctx.db, self.view.customer_id)

    def show_data(self, data: Any) -> None:
        from crmdesk.qt.simple_models import ticket_overdue

        self.model.set_rows(data)
        overdue = sum(1 for t in data if ticket_overdue(t))
        text = self.tr("%n tickets", "", len(data))
        if overdue:
            text += " · " + self.tr("%1 overdue").replace("%1", str(overdue))
        self.title.setText(text)


class TasksTab(LazyTab):
    def __init__(self, view: CustomerView) -> None:
        super().__init__(view)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("New task, e.g. 回访确认合同细节"))
        self.due = QDateTimeEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_button = QPushButton(self.tr("New task"), self)
        row.addWidget(self.title_edit, 1)
        row.addWidget(QLabel(self.tr("Due"), self))
        row.addWidget(self.due)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        bar = QHBoxLayout()
        self.toggle_button = QPushButton(self.tr("Mark done / not done"), self)
        bar.addWidget(self.toggle_button)
        self.complete_button = QPushButton(self.tr("Log interaction to complete…"), self)
        self.complete_button.clicked.connect(self.complete_selected)
        bar.addWidget(self.complete_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = TasksModel(self)
        self.table = make_table(self.model, self)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add)
        self.title_edit.returnPressed.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.table.doubleClicked.connect(self.toggle_selected)
        self._reset_due()

    def _reset_due(self) -> None:
        tomorrow = QDateTime.currentDateTime().addDays(1)
        tomorrow.setTime(QTime(10, 0))
        self.due.setDateTime(tomorrow)

    def fetch(self) -> Any:
        return activity.list_tasks(self.ctx.db, self.view.customer_id)

    def show_data(self, data: Any) -> None:
        self.model.set_rows(data)

    def add(self) -> None:
        title = self.title_edit.text().strip()
        if not title:
            self.title_edit.setFocus()
            return
        q = self.due.dateTime()
        due = dt.datetime(
            q.date().year(), q.date().month(), q.date().day(), q.time().hour(), q.time().minute()
        ).astimezone()
        db, cid = self.ctx.db, self.view.customer_id

        def done(result: tuple[int, ChangeSet]) -> None:
            tid, changes = result
            self.title_edit.clear()
            self._reset_due()
            undo.push(
                self.ctx,
                self.tr("New task %1").replace("%1", title),
                lambda: activity.set_task_done(db, tid, False),
                lambda: activity.set_task_done(db, tid, True),
                already_done=True,
            )
            self.ctx.bus.data_changed.emit(changes, None)

        self.ctx.tasks.submit(
            lambda: activity.add_task(db, cid, title, due),
            guarded(self, done),
            guarded(self, self.view.failed),
            write=True,
        )

    def complete_selected(self) -> Any:  # noqa: ANN401 - the CompleteTaskDialog
        """Log the interaction that did the selected open task; saving it completes the task."""
        from crmdesk.views.task_dialog import open_complete_task

        row = selected_row(self.table)
        if row is None or row.done_at is not None:
            return None
        name = self.view.detail.name if self.view.detail is not None else ""
        self.complete_dialog = open_complete_task(self.ctx, self, row.id, row.title, name)
        return self.complete_dialog

    def toggle_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        db, tid, done = self.ctx.db, row.id, row.done_at is None
        self.run_write(
            lambda: activity.set_task_done(db, tid, done),
            self.tr("Mark task done") if done else self.tr("Mark task not done"),
            lambda: activity.set_task_done(db, tid, not done),
        )


class HistoryTab(LazyTab):
    def __init__(self, view: CustomerView) -> None:
        super().__init__(view)
        layout = QVBoxLayout(self)
        self.model = HistoryModel(self)
        self.table = make_table(self.model, self)
        layout.addWidget(self.table)

    def fetch(self) -> Any:
        db, cid = self.ctx.db, self.view.customer_id
        return activity.customer_history(db, cid), lookups.list_users(db, active_only=False)

    def show_data(self, data: Any) -> None:
        rows, users = data
        self.model.user_names = {u.id: u.display_name for u in users}
        self.model.set_rows(rows)


class CustomerView(QWidget):
    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._customer_id = customer_id
        self.detail: CustomerDetail | None = None
        self.edit_dialog: CustomerFormDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_header())
        self.banner = Banner("info", self)
        self.banner.link_activated.connect(lambda _href: self.restore())
        self.error_banner = Banner("error", self)
        layout.addWidget(self.banner)
        layout.addWidget(self.error_banner)

        self.tabs = QTabWidget(self)
        self.overview = OverviewTab(self)
        self.contacts_tab = ContactsTab(self)
        self.timeline = TimelineWidget(ctx, customer_id, self)
        self.deals_tab = DealsOrdersTab(self)
        self.tickets_tab = TicketsTab(self)
        self.tasks_tab = TasksTab(self)
        self.history_tab = HistoryTab(self)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.contacts_tab, self.tr("Contacts"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.deals_tab, self.tr("Deals && orders"))
        self.tabs.addTab(self.tickets_tab, self.tr("Tickets"))
        self.tabs.addTab(self.tasks_tab, self.tr("Tasks"))
        self.tabs.addTab(self.history_tab, self.tr("History"))
        layout.addWidget(self.tabs, 1)
        # Tabs whose data was read; the others read theirs when first shown.
        self._lazy: dict[QWidget, Callable[[], None]] = {
            self.timeline: self.timeline.reload,
            self.deals_tab: self.deals_tab.reload,
            self.tickets_tab: self.tickets_tab.reload,
            self.tasks_tab: self.tasks_tab.reload,
            self.history_tab: self.history_tab.reload,
        }
        self._loaded: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        ctx.bus.data_changed.connect(self._on_data_changed)
        # Ctrl+T: a follow-up task for this customer (Enter creates it).
        from crmdesk.views.quick_task import install_quick_task_action

        self.quick_task_action = install_quick_task_action(
            self,
            ctx,
            lambda: (self.customer_id, self.detail.name) if self.detail is not None else None,
        )
        self.reload()

    @property
    def customer_id(self) -> int:
        return self._customer_id

    # -----------------------------------------------------------------------------------------
    # Header

    def _build_header(self) -> QWidget:
        header = QWidget(self)
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.name_label = QLabel(self.tr("Loading…"), header)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.name_label)
        self.chips_host = QWidget(header)
        self.chips = FlowLayout(self.chips_host, spacing=6)
        left.addWidget(self.chips_host)
        row.addLayout(left, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit"), header)
        self.log_button = QPushButton(self.tr("Log interaction"), header)
        self.task_button = QPushButton(self.tr("New task"), header)
        self.delete_button = QPushButton(self.tr("Delete"), header)
        for b in (self.edit_button, self.log_button, self.task_button, self.delete_button):
            buttons.addWidget(b)
            b.setEnabled(False)
        row.addLayout(buttons)
        row.setAlignment(buttons, Qt.AlignmentFlag.AlignTop)
        self.edit_button.clicked.connect(self.open_edit)
        self.log_button.clicked.connect(self.log_interaction)
        self.task_button.clicked.connect(self.new_task)
        self.delete_button.clicked.connect(self.delete)
        return header

    def _show_header(self, d: CustomerDetail) -> None:
        self.name_label.setText(d.name)
        clear_layout(self.chips)
        code = QLabel(d.code, self.chips_host)
        code.setStyleSheet("color: #757575;")
        self.chips.addWidget(code)
        self.chips.addWidget(chip(label("kind", d.kind), "#eceff1", self.chips_host))
        if d.tier:
            self.chips.addWidget(
                chip(label("tier", d.tier), TIER_COLORS.get(d.tier, "#90a4ae"), self.chips_host)
            )
        self.chips.addWidget(
            chip(label("stage", d.stage), STAGE_COLORS.get(d.stage, "#90a4ae"), self.chips_host)
        )
        if d.segment:
            self.chips.addWidget(chip(label("segment", d.segment), "#5c6bc0", self.chips_host))
        owner = QLabel(
            self.tr("Owner: %1").replace("%1", d.owner_name or self.tr("nobody")), self.chips_host
        )
        owner.setStyleSheet("color: #424242; padding-left: 6px; padding-right: 6px;")
        self.chips.addWidget(owner)
        for t in d.tags:
            self.chips.addWidget(chip(t.name, t.color or "#607d8b", self.chips_host))
        deleted = d.deleted_at is not None
        for b in (self.edit_button, self.log_button, self.task_button, self.delete_button):
            b.setEnabled(not deleted)
        if deleted:
            self.banner.show_text(
                html.escape(self.tr("This customer is in the trash."))
                + ' <a href="restore">'
                + self.tr("Restore")
                + "</a>"
            )
        else:
            self.banner.hide()

    # -----------------------------------------------------------------------------------------
    # Loading

    def reload(self) -> None:
        db, cid = self.ctx.db, self._customer_id
        self.ctx.tasks.submit(
            lambda: customers.get_customer(db, cid),
            guarded(self, self._loaded_detail),
            guarded(self, self.failed),
        )

    def _loaded_detail(self, d: CustomerDetail) -> None:
        self.detail = d
        self.error_banner.hide()
        self._show_header(d)
        self.overview.show_detail(d)
        self.contacts_tab.model.set_rows(d.contacts)

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab in self._lazy and tab not in self._loaded:
            self._loaded.add(tab)
            self._lazy[tab]()

    def _on_data_changed(self, changes: ChangeSet, source: object) -> None:
        if not (changes.everything or self._customer_id in changes.customers):
            return
        self.reload()
        current = self.tabs.currentWidget()
        for tab in list(self._loaded):
            if tab is source:
                continue  # it refreshed itself already
            if tab is current:
                self._lazy[tab]()
            else:
                self._loaded.discard(tab)  # read again when shown

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            self.error_banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)

    # -----------------------------------------------------------------------------------------
    # Actions

    def open_edit(self) -> CustomerFormDialog:
        self.edit_dialog = CustomerFormDialog(self.ctx, self, self._customer_id)
        self.edit_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.edit_dialog.open()
        return self.edit_dialog

    def log_interaction(self) -> None:
        self.tabs.setCurrentWidget(self.timeline)
        self.timeline.summary.setFocus()

    def new_task(self) -> None:
        self.tabs.setCurrentWidget(self.tasks_tab)
        self.tasks_tab.title_edit.setFocus()

    def delete(self) -> None:
        db, cid = self.ctx.db, self._customer_id
        name = self.detail.name if self.detail else ""

        def done(changes: ChangeSet) -> None:
            undo.push(
                self.ctx,
                self.tr("Delete %1").replace("%1", name),
                lambda: customers.delete_customers(db, [cid]),
                lambda: customers.restore_customers(db, [cid]),
                already_done=True,
            )
            self.ctx.bus.data_changed.emit(changes, self)
            self.ctx.bus.status_message_requested.emit(
                self.tr("%1 moved to the trash. Ctrl+Z brings it back.").replace("%1", name)
            )

        self.ctx.tasks.submit(
            lambda: customers.delete_customers(db, [cid]),
            guarded(self, done),
            guarded(self, self.failed),
            write=True,
        )

    def restore(self) -> None:
        db, cid = self.ctx.db, self._customer_id
        self.ctx.tasks.submit(
            lambda: customers.restore_customers(db, [cid]),
            guarded(self, lambda changes: self.ctx.bus.data_changed.emit(changes, self)),
            guarded(self, self.failed),
            write=True,
        )
