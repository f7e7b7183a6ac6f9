"""The quick filters across the top of the customer list (顶部快捷筛选栏): one click away."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import choices
from crmdesk.qt.lazy import lazy_module
from crmdesk.services.dto import CustomerQuery, TagRef, UserRow

if TYPE_CHECKING:
    from crmdesk.services import lookups
else:  # built before the database layer has loaded (see crmdesk.qt.lazy)
    lookups = lazy_module("crmdesk.services.lookups")

MINE = -1
UNASSIGNED = 0


class FilterBar(QWidget):
    filters_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        # Tiers as toggle buttons: the filter people use most, visible without opening a list.
        self.tier_group = QButtonGroup(self)
        self.tier_group.setExclusive(True)
        self.tier_buttons: dict[str | None, QToolButton] = {}
        tier_box = QWidget(self)
        tier_layout = QHBoxLayout(tier_box)
        tier_layout.setContentsMargins(0, 0, 0, 0)
        tier_layout.setSpacing(0)
        for code, text in [(None, self.tr("All tiers"))] + [
            (c, c) for c, _label in choices("tier")
        ]:
            button = QToolButton(tier_box)
            button.setText(text)
            button.setCheckable(True)
            button.setAutoRaise(False)
            if code is not None:
                button.setToolTip(self.tr("Only tier %1 customers").replace("%1", code))
            self.tier_group.addButton(button)
            self.tier_buttons[code] = button
            tier_layout.addWidget(button)
        self.tier_buttons[None].setChecked(True)
        self.tier_group.buttonToggled.connect(self._tier_toggled)
        layout.addWidget(tier_box)

        self.stage_combo = self._combo(self.tr("Lifecycle stage"))
        self.stage_combo.addItem(self.tr("All stages"), None)
        for code, text in choices("stage"):
            self.stage_combo.addItem(text, code)
        layout.addWidget(self.stage_combo)

        self.tag_combo = self._combo(self.tr("Tag"))
        layout.addWidget(self.tag_combo)

        self.owner_combo = self._combo(self.tr("Owner"))
        layout.addWidget(self.owner_combo)

        self.channel_combo = self._combo(self.tr("Acquisition channel"))
        self.channel_combo.addItem(self.tr("All channels"), None)
        for code, text in choices("channel"):
            self.channel_combo.addItem(text, code)
        layout.addWidget(self.channel_combo)

        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

        if ctx.ready:
            self.refresh_lookups()
        else:  # the tags and users arrive with the database layer, just after the first paint
            self._fill_lookups([], [])
            ctx.when_ready(self.refresh_lookups)
        for combo in (self.stage_combo, self.tag_combo, self.owner_combo, self.channel_combo):
            combo.currentIndexChanged.connect(self._changed)
        self._update_clear()

    def _combo(self, tooltip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return combo

    def refresh_lookups(self) -> None:
        """Reload the tags and users offered (small lists, read at once)."""
        db = self._ctx.db
        self._fill_lookups(lookups.list_tags(db), lookups.list_users(db))

    def _fill_lookups(self, tags: list[TagRef], users: list[UserRow]) -> None:
        tag = self.tag_combo.currentData()
        owner = self.owner_combo.currentData()
        for combo in (self.tag_combo, self.owner_combo):
            combo.blockSignals(True)
            combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        for t in tags:
            self.tag_combo.addItem(f"{t.group}: {t.name}" if t.group else t.name, t.id)
        self.owner_combo.addItem(self.tr("Any owner"), None)
        if self._ctx.user is not None:
            self.owner_combo.addItem(self.tr("Mine"), MINE)
        self.owner_combo.addItem(self.tr("No owner"), UNASSIGNED)
        for u in users:
            self.owner_combo.addItem(u.display_name, u.id)
        for combo, value in ((self.tag_combo, tag), (self.owner_combo, owner)):
            i = combo.findData(value)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

    # state ---------------------------------------------------------------------------------

    @property
    def tier(self) -> str | None:
        for code, button in self.tier_buttons.items():
            if button.isChecked():
                return code
        return None

    def set_tier(self, code: str | None) -> None:
        self.tier_buttons.get(code, self.tier_buttons[None]).setChecked(True)

    def set_stage(self, code: str | None) -> None:
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(code), 0))

    def set_channel(self, code: str | None) -> None:
        self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(code), 0))

    def set_tag(self, tag_id: int | None) -> None:
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(tag_id), 0))

    def set_owner(self, owner: int | None) -> None:
        self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(owner), 0))

    @property
    def active(self) -> bool:
        return any(
            v is not None
            for v in (
                self.tier,
                self.stage_combo.currentData(),
                self.tag_combo.currentData(),
                self.owner_combo.currentData(),
                self.channel_combo.currentData(),
            )
        )

    def apply_to(self, query: CustomerQuery) -> CustomerQuery:
        """``query`` with this bar's filters in it."""
        owner = self.owner_combo.currentData()
        if owner == MINE:
            owner = self._ctx.user.id if self._ctx.user is not None else None
        return replace(
            query,
            tier=self.tier,
            stage=self.stage_combo.currentData(),
            tag_id=self.tag_combo.currentData(),
            owner_id=owner,
            channel=self.channel_combo.currentData(),
        )

    def clear(self) -> None:
        widgets = (self.stage_combo, self.tag_combo, self.owner_combo, self.channel_combo)
        for w in (*widgets, self.tier_group):
            w.blockSignals(True)
        self.tier_buttons[None].setChecked(True)
        for combo in widgets:
            combo.setCurrentIndex(0)
        for w in (*widgets, self.tier_group):
            w.blockSignals(False)
        self._changed()

    def _tier_toggled(self, _button: QToolButton, checked: bool) -> None:
        if checked:
            self._changed()

    def _changed(self) -> None:
        self._update_clear()
        self.filters_changed.emit()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.active)
