"""Settings → Pipeline stages…: rename the stages, set their default probability, put them in
order, add open stages and deactivate the ones no longer used. Won and lost are built in (they
can be renamed and given another probability, not removed). A stage that holds deals is
deactivated rather than removed; the services refuse otherwise and the dialog says why."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.deal_models import stage_title
from crmdesk.qt.service_text import error_text
from crmdesk.services import CrmError
from crmdesk.views.widgets import Banner, guarded

NAME, PROBABILITY, OUTCOME, ACTIVE, DEALS = range(5)


class StageSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("StageSettingsDialog")
        self.setWindowTitle(self.tr("Pipeline stages"))
        self.resize(620, 420)
        self._rows: list[Any] = []  # the StageRow of each table row (None: new)
        intro = QLabel(
            self.tr(
                "The board shows one column per active stage, in this order. A new deal takes "
                "its stage's probability. A stage that holds deals can be deactivated, not "
                "removed."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.banner = Banner("error", self)
        self.banner.hide()
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Probability"),
                self.tr("Outcome"),
                self.tr("Active"),
                self.tr("Deals"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (PROBABILITY, OUTCOME, ACTIVE, DEALS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Add stage"), self)
        self.add_button.clicked.connect(self.add_stage)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        side = QVBoxLayout()
        for b in (self.add_button, self.up_button, self.down_button, self.remove_button):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(row, 1)
        layout.addWidget(self.buttons)
        self.load()

    # loading -----------------------------------------------------------------------------

    def load(self) -> None:
        from crmdesk.services import pipeline

        db = self.ctx.db
        self.ctx.tasks.submit(
            lambda: pipeline.list_stages(db), guarded(self, self._fill), guarded(self, self._failed)
        )

    def _fill(self, stages: list[Any]) -> None:
        self.table.setRowCount(0)
        self._rows = []
        for r in stages:
            self._append(r, stage_title(r.key, r.name), r.probability, r.outcome, r.active)
        self._update_buttons()

    def _append(self, row: Any, name: str, probability: int, outcome: str, active: bool) -> int:  # noqa: ANN401
        i = self.table.rowCount()
        self.table.insertRow(i)
        self._rows.append(row)
        self.table.setItem(i, NAME, QTableWidgetItem(name))
        spin = QSpinBox(self.table)
        spin.setRange(0, 100)
        spin.setSuffix(" %")
        spin.setValue(probability)
        self.table.setCellWidget(i, PROBABILITY, spin)
        outcome_item = QTableWidgetItem(self._outcome_text(outcome))
        outcome_item.setData(Qt.ItemDataRole.UserRole, outcome)
        outcome_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(i, OUTCOME, outcome_item)
        active_item = QTableWidgetItem()
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if outcome == "open":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        active_item.setFlags(flags)
        active_item.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
        self.table.setItem(i, ACTIVE, active_item)
        count = row.deal_count if row is not None else 0
        deals = QTableWidgetItem(self.locale().toString(count))
        deals.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        deals.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(i, DEALS, deals)
        return i

    def _outcome_text(self, outcome: str) -> str:
        return {"won": self.tr("Won"), "lost": self.tr("Lost")}.get(outcome, self.tr("Open"))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            self.banner.show_text(html.escape(error_text(exc)))
        else:
            self.ctx.tasks.default_error_handler(exc)

    # editing -----------------------------------------------------------------------------

    def _selected(self) -> int | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return min(rows) if rows else None

    def _update_buttons(self) -> None:
        i = self._selected()
        self.up_button.setEnabled(i is not None and i > 0)
        self.down_button.setEnabled(i is not None and i < self.table.rowCount() - 1)
        row = self._rows[i] if i is not None else None
        removable = i is not None and (
            row is None or (row.outcome == "open" and not row.deal_count)
        )
        self.remove_button.setEnabled(removable)
        if row is not None and row.deal_count:
            self.remove_button.setToolTip(self.tr("It holds deals: untick Active instead."))
        else:
            self.remove_button.setToolTip("")

    def add_stage(self) -> None:
        # A new open stage goes before won and lost.
        i = self._append(None, self.tr("New stage"), 30, "open", True)
        target = next((n for n in range(self.table.rowCount()) if self._outcome(n) != "open"), i)
        while i > target:
            self._swap(i - 1, i)
            i -= 1
        self.table.selectRow(i)
        self.table.editItem(self.table.item(i, NAME))

    def _outcome(self, i: int) -> str:
        return str(self.table.item(i, OUTCOME).data(Qt.ItemDataRole.UserRole))

    def _values(self, i: int) -> tuple[Any, str, int, str, bool]:
        spin = self.table.cellWidget(i, PROBABILITY)
        assert isinstance(spin, QSpinBox)
        return (
            self._rows[i],
            self.table.item(i, NAME).text(),
            spin.value(),
            self._outcome(i),
            self.table.item(i, ACTIVE).checkState() == Qt.CheckState.Checked,
        )

    def _set(self, i: int, values: tuple[Any, str, int, str, bool]) -> None:
        row, name, probability, outcome, active = values
        self._rows[i] = row
        self.table.item(i, NAME).setText(name)
        spin = self.table.cellWidget(i, PROBABILITY)
        assert isinstance(spin, QSpinBox)
        spin.setValue(probability)
        item = self.table.item(i, OUTCOME)
        item.setText(self._outcome_text(outcome))
        item.setData(Qt.ItemDataRole.UserRole, outcome)
        active_item = self.table.item(i, ACTIVE)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if outcome == "open":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        active_item.setFlags(flags)
        active_item.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
        count = row.deal_count if row is not None else 0
        self.table.item(i, DEALS).setText(self.locale().toString(count))

    def _swap(self, a: int, b: int) -> None:
        va, vb = self._values(a), self._values(b)
        self._set(a, vb)
        self._set(b, va)

    def move_selected(self, step: int) -> None:
        i = self._selected()
        if i is None or not 0 <= i + step < self.table.rowCount():
            return
        self._swap(i, i + step)
        self.table.selectRow(i + step)

    def remove_selected(self) -> None:
        i = self._selected()
        if i is None or not self.remove_button.isEnabled():
            return
        self.table.removeRow(i)
        del self._rows[i]
        self._update_buttons()

    # saving ------------------------------------------------------------------------------

    def stage_rows(self) -> list[Any]:
        """The table as StageRows, in order (a built-in stage keeps its stored name while its
        translated title is unchanged)."""
        from crmdesk.services.pipeline import StageRow

        result = []
        for i in range(self.table.rowCount()):
            row, name, probability, outcome, active = self._values(i)
            name = name.strip()
            if row is not None and name == stage_title(row.key, row.name):
                name = row.name
            result.append(
                StageRow(
                    key=row.key if row is not None else "",
                    name=name,
                    position=i + 1,
                    probability=probability,
                    outcome=outcome,
                    active=active,
                )
            )
        return result

    def save(self) -> None:
        from crmdesk.services import pipeline

        rows = self.stage_rows()
        db = self.ctx.db
        self.buttons.setEnabled(False)

        def done(changes: Any) -> None:  # noqa: ANN401
            self.ctx.bus.data_changed.emit(changes, self)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self._failed(exc)

        self.ctx.tasks.submit(
            lambda: pipeline.save_stages(db, rows),
            guarded(self, done),
            guarded(self, failed),
            write=True,
        )
