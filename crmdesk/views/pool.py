"""The public pool 公海: customers released from their owners after too long without a logged
follow-up (or given up by hand), and the reps who claim them; and the follow-up rules dialog
(revisit cadence per tier, care reminders ahead, pool days per tier, the pool on or off).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.qt.service_text import error_text
from crmdesk.services import ChangeSet, followup, rules
from crmdesk.services.followup import FollowupSettings, PoolRow
from crmdesk.views.customer_list import configure_table
from crmdesk.views.widgets import Banner, fmt_date, guarded

_CTX = "PoolPage"
PAGE_LIMIT = 500
ID_ROLE = Qt.ItemDataRole.UserRole + 1
TIERS = ("A", "B", "C")

COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PoolPage", "Code"),
    QT_TRANSLATE_NOOP("PoolPage", "Customer"),
    QT_TRANSLATE_NOOP("PoolPage", "Tier"),
    QT_TRANSLATE_NOOP("PoolPage", "City"),
    QT_TRANSLATE_NOOP("PoolPage", "Former owner"),
    QT_TRANSLATE_NOOP("PoolPage", "Why released"),
    QT_TRANSLATE_NOOP("PoolPage", "In the pool since"),
)


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CTX, text, "", n)


def office_date(value: dt.datetime, zone: dt.tzinfo | None) -> dt.date:
    """The date of ``value`` on the office's calendar (My Day counts days the same way)."""
    return (value.astimezone(zone) if value.tzinfo is not None else value).date()


def release_reason(row: PoolRow, zone: dt.tzinfo | None = None) -> str:
    """Why a customer is in the pool, from its last logged follow-up before it was released:
    the days between the two, counted on the office's calendar (``zone``)."""
    last = row.last_interaction_at
    if last is None:
        return QCoreApplication.translate("PoolPage", "No follow-up ever logged")
    last_day = office_date(last, zone)
    days = (office_date(row.pool_since, zone) - last_day).days
    # One sentence, so each language places the date its own way (Chinese brackets take no
    # space before them); PoolPage.tr, as lupdate makes a plural only of a tr() call.
    return PoolPage.tr("No follow-up for %n days (last on %1)", "", days).replace(
        "%1", fmt_date(last_day)
    )


def pool_cells(row: PoolRow, zone: dt.tzinfo | None = None) -> list[str]:
    """The table's cells of ``row``; dates on the office's calendar (``zone``)."""
    return [
        row.code,
        row.name,
        label("tier", row.tier),
        row.city or "",
        row.previous_owner or "",
        release_reason(row, zone),
        fmt_date(office_date(row.pool_since, zone)),
    ]


class PoolPage(QWidget):
    """The public pool: search it, see why each customer is there, claim the selected ones."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[PoolRow] = []
        self.total = 0
        # The office's time zone: the pool's dates are its dates (known after the first read).
        self.zone: dt.tzinfo | None = None
        self._stale = True
        self._loading = False
        self._again = False

        title = QLabel(self.tr("Public pool 公海"), self)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.explain = QLabel(
            self.tr(
                "Customers whose owner logged no follow-up for too long come here. "
                "Claim the ones you will look after."
            ),
            self,
        )
        self.explain.setStyleSheet("color: #616161;")
        self.explain.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the pool by name or code"))
        self.search.setClearButtonEnabled(True)
        self.claim_button = QPushButton(self.tr("Claim selected"), self)
        self.claim_button.setToolTip(self.tr("Make the selected customers yours"))
        self.open_button = QPushButton(self.tr("Open customer"), self)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #616161;")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.open_button)
        bar.addWidget(self.claim_button)
        self.banner = Banner("error", self)
        self.banner.hide()

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table = QTableView(self)
        configure_table(self.table)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((90, 220, 60, 90, 110, 300, 120)):
            self.table.setColumnWidth(col, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addWidget(title)
        layout.addWidget(self.explain)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.claim_button.clicked.connect(self.claim_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._update_actions()

    def showEvent(self, event: Any) -> None:  # noqa: ANN401, N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._stale = False
        self._loading = True
        db, text = self.ctx.db, self.search.text()

        def fetch() -> tuple[int, list[PoolRow], dt.tzinfo]:
            return (
                followup.count_pool(db, text),
                followup.list_pool(db, text, 0, PAGE_LIMIT),
                followup.office_zone(db),
            )

        self.ctx.tasks.submit(fetch, guarded(self, self._fill), guarded(self, self._failed))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.ctx.tasks.default_error_handler(exc)

    def _fill(self, result: tuple[int, list[PoolRow], dt.tzinfo]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
            return
        self.total, self.rows, self.zone = result
        keep = set(self.selected_ids())
        self.model.removeRows(0, self.model.rowCount())
        for r in self.rows:
            items = []
            for text in pool_cells(r, self.zone):
                item = QStandardItem(text)
                item.setEditable(False)
                item.setData(r.customer_id, ID_ROLE)
                items.append(item)
            self.model.appendRow(items)
        selection = self.table.selectionModel()
        for i, r in enumerate(self.rows):
            if r.customer_id in keep:
                selection.select(
                    self.model.index(i, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        if self.total == 0:
            self.count_label.setText(
                self.tr("No customer matches.")
                if self.search.text()
                else self.tr("The pool is empty.")
            )
        elif self.total > len(self.rows):
            # The noun follows the total (%n); Qt fills %n in before %1 is replaced.
            self.count_label.setText(
                self.tr("%1 of %n customers", "", self.total).replace("%1", str(len(self.rows)))
            )
        else:
            self.count_label.setText(self.tr("%n customers", "", self.total))
        self._update_actions()
        self.loaded.emit()

    def _on_data_changed(self, changes: ChangeSet, _source: object) -> None:
        if not (changes.everything or changes.customers):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.rows[r].customer_id for r in rows if r < len(self.rows)]

    def select_customer(self, customer_id: int) -> bool:
        for i, r in enumerate(self.rows):
            if r.customer_id == customer_id:
                self.table.selectRow(i)
                return True
        return False

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.claim_button.setEnabled(count > 0)
        self.open_button.setEnabled(count == 1)

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.ctx.bus.open_customer_requested.emit(ids[0])

    def claim_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names = [r.name for r in self.rows if r.customer_id in set(ids)]
        db = self.ctx.db
        self.claim_button.setEnabled(False)

        def done(changes: ChangeSet) -> None:
            self.banner.hide()
            taken = len(changes.customers)
            text = (
                self.tr("%1 is yours now.").replace("%1", names[0])
                if taken == 1 and len(names) == 1
                else self.tr("%n customers are yours now.", "", taken)
            )
            if taken < len(ids):
                text += " " + self.tr(
                    "%n were claimed by someone else first.", "", len(ids) - taken
                )
            self.ctx.bus.status_message_requested.emit(text)
            self.ctx.bus.data_changed.emit(changes, None)

        def failed(exc: BaseException) -> None:
            self._update_actions()
            self.banner.show_text(error_text(exc))
            self.refresh()

        self.ctx.tasks.submit(
            lambda: followup.claim_from_pool(db, ids),
            guarded(self, done),
            guarded(self, failed),
            write=True,
        )


# ---------------------------------------------------------------------------------------------


class FollowupRulesDialog(QDialog):
    """Settings › Follow-up rules: revisit cadence and pool days per tier, care days ahead."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Follow-up rules"))
        self.cadence: dict[str, QSpinBox] = {}
        self.pool_days: dict[str, QSpinBox] = {}
        self.cadence_on: dict[str, QCheckBox] = {}
        self.confirm_box: QMessageBox | None = None  # while it asks

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Tier"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Revisit every"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Release to the pool after"), self), 0, 2)
        for i, tier in enumerate(TIERS, start=1):
            grid.addWidget(QLabel(label("tier", tier), self), i, 0)
            on = QCheckBox(self)
            on.setToolTip(self.tr("Make revisit tasks for this tier"))
            cadence = self._days_box()
            on.toggled.connect(cadence.setEnabled)
            row = QHBoxLayout()
            row.addWidget(on)
            row.addWidget(cadence, 1)
            grid.addLayout(row, i, 1)
            pool = self._days_box()
            grid.addWidget(pool, i, 2)
            self.cadence[tier], self.pool_days[tier], self.cadence_on[tier] = cadence, pool, on
        tiers_box = QGroupBox(self.tr("Per customer tier"), self)
        tiers_box.setLayout(grid)

        self.pool_enabled = QCheckBox(
            self.tr("Release customers without a follow-up to the public pool 公海"), self
        )
        self.pool_enabled.toggled.connect(self._pool_toggled)
        self.care_days = QSpinBox(self)
        self.care_days.setRange(0, 60)
        self.care_days.setSuffix(self.tr(" days ahead"))
        form = QFormLayout()
        form.addRow(self.tr("Birthday and anniversary reminders"), self.care_days)
        hint = QLabel(
            self.tr(
                "The rules run when crmdesk starts and once a day (or from a scheduled "
                "“crmdesk daily-rules”). A customer past its revisit cadence gets one revisit "
                "task for its owner."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        self.banner = Banner("error", self)
        self.banner.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_settings(FollowupSettings())
        )
        layout = QVBoxLayout(self)
        layout.addWidget(tiers_box)
        layout.addWidget(self.pool_enabled)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.setEnabled(False)
        # The rules as stored: saving rules that release more customers asks first.
        self.stored: FollowupSettings | None = None
        db = ctx.db
        ctx.tasks.submit(
            lambda: followup.load_followup_settings(db),
            guarded(self, self._loaded),
            guarded(self, lambda exc: self.banner.show_text(error_text(exc))),
        )

    def _loaded(self, settings: FollowupSettings) -> None:
        self.stored = settings
        self.show_settings(settings)

    def _pool_toggled(self, on: bool) -> None:
        for box in self.pool_days.values():
            box.setEnabled(on)

    def _days_box(self) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(1, followup.MAX_RULE_DAYS)
        box.setSuffix(self.tr(" days"))
        return box

    def show_settings(self, settings: FollowupSettings) -> None:
        for tier in TIERS:
            days = settings.cadence_days.get(tier)
            self.cadence_on[tier].setChecked(days is not None)
            self.cadence[tier].setValue(days or 30)
            self.cadence[tier].setEnabled(days is not None)
            self.pool_days[tier].setValue(settings.pool_days.get(tier, 30))
        self.pool_enabled.setChecked(settings.pool_enabled)
        for box in self.pool_days.values():
            box.setEnabled(settings.pool_enabled)
        self.care_days.setValue(settings.care_days_ahead)
        self.setEnabled(True)

    def settings(self) -> FollowupSettings:
        return FollowupSettings(
            cadence_days={
                t: self.cadence[t].value() for t in TIERS if self.cadence_on[t].isChecked()
            },
            care_days_ahead=self.care_days.value(),
            pool_days={t: self.pool_days[t].value() for t in TIERS},
            pool_enabled=self.pool_enabled.isChecked(),
        )

    def releases_more(self, data: FollowupSettings) -> bool:
        """True when ``data`` turns the pool on or shortens a tier's pool period."""
        if not data.pool_enabled:
            return False
        old = self.stored
        if old is None or not old.pool_enabled:
            return True
        return any(days < old.pool_days.get(t, days + 1) for t, days in data.pool_days.items())

    def accept(self) -> None:
        data = self.settings()
        if not self.releases_more(data):
            self._save(data)
            return
        db = self.ctx.db
        self.buttons.setEnabled(False)
        self.banner.hide()
        self.ctx.tasks.submit(
            lambda: rules.pool_release_count(db, data),
            guarded(self, lambda n: self._confirm_release(data, n)),
            guarded(self, self._failed),
        )

    def _confirm_release(self, data: FollowupSettings, count: int) -> None:
        if count:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Release customers to the public pool?"),
                self.tr(
                    "With these rules, %n customer(s) go to the public pool at the next daily "
                    "run, and their owners are told.",
                    "",
                    count,
                ),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setInformativeText(
                self.tr("Anybody can then claim them. Cancel to keep editing the rules.")
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.finished.connect(lambda answer: self._answered(data, answer))
            self.confirm_box = box
            box.open()
            return
        self._save(data)

    def _answered(self, data: FollowupSettings, answer: int) -> None:
        self.confirm_box = None
        if answer == QMessageBox.StandardButton.Save:
            self._save(data)
        else:
            self.buttons.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.banner.show_text(error_text(exc))

    def _save(self, data: FollowupSettings) -> None:
        db = self.ctx.db

        def done(_changes: ChangeSet) -> None:
            self.saved.emit()
            self.ctx.bus.status_message_requested.emit(self.tr("Follow-up rules saved."))
            super(FollowupRulesDialog, self).accept()

        self.buttons.setEnabled(False)
        self.ctx.tasks.submit(
            lambda: followup.save_followup_settings(db, data),
            guarded(self, done),
            guarded(self, self._failed),
            write=True,
        )
