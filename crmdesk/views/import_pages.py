"""The pages of the import wizard (crmdesk/views/import_wizard.py holds the steps together).

Each page shows what it is given and says what the user did through signals; the wizard owns
the workbook, the mapping, the options and the background work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.import_labels import (
    count_label,
    entity_label,
    field_label,
    on_duplicate_label,
    related_label,
)
from crmdesk.qt.import_models import (
    FIELD_ROLE,
    NEW_CUSTOM_FIELD,
    MappingModel,
    PreviewModel,
    SheetModel,
    column_letter,
)
from crmdesk.qt.simple_models import user_locale
from crmdesk.services.importing.fields import CONTACT, CUSTOMER, FIELDS

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".txt")
ERROR_STYLE = "color: #c62828;"
NOTE_STYLE = "color: #616161;"
ON_DUPLICATE_ORDER = ("skip", "fill", "overwrite", "create")
COUNT_ORDER = ("create", "update", "skip", "reject", "merge")


def title_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def note_label(text: str, parent: QWidget, style: str = NOTE_STYLE) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


def spreadsheet_in(paths: list[Path]) -> Path | None:
    for path in paths:
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            return path
    return None


class CountTiles(QWidget):
    """Big numbers with a caption under each: 12 to create, 3 to update, ..."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.numbers: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for key in COUNT_ORDER:
            box = QFrame(self)
            box.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(10, 6, 10, 6)
            number = QLabel("0", box)
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 2)
            font.setBold(True)
            number.setFont(font)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(box)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(number)
            inner.addWidget(caption)
            self._layout.addWidget(box, 1)
            self.numbers[key] = number
            self.captions[key] = caption

    def set_counts(self, counts: dict[str, int], *, done: bool = False) -> None:
        loc = user_locale()
        for key in COUNT_ORDER:
            self.numbers[key].setText(loc.toString(int(counts.get(key, 0))))
            self.captions[key].setText(count_label(key, done=done))
            color = {"create": "#2e7d32", "update": "#1565c0", "reject": "#c62828"}.get(key)
            active = counts.get(key, 0) > 0 and color is not None
            self.numbers[key].setStyleSheet(f"color: {color};" if active else "")


def related_text(related: dict[str, int]) -> str:
    parts = [
        f"{related_label(kind)}: {user_locale().toString(int(n))}"
        for kind, n in related.items()
        if n
    ]
    if not parts:
        return ""
    text = QCoreApplication.translate("ImportPages", "Also linked to the customers — %1")
    return text.replace("%1", ", ".join(parts))


# ---------------------------------------------------------------------------------------------
# 1. The file


class FilePage(QWidget):
    file_chosen = Signal(Path)
    browse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.drop_area = QLabel(self.tr("Drop an Excel, OpenDocument or CSV file here"), self)
        self.drop_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_area.setWordWrap(True)
        self.drop_area.setMinimumHeight(160)
        self.drop_area.setStyleSheet(
            "QLabel { border: 2px dashed #9e9e9e; border-radius: 8px; color: #616161; }"
        )
        self.browse_button = QPushButton(self.tr("&Choose a file…"), self)
        self.browse_button.clicked.connect(self.browse_requested)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(200)
        self.busy_label = QLabel(self)
        self.error_label = note_label("", self, ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loaded_label = note_label("", self)

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Which file do you want to import?"), self))
        layout.addWidget(
            note_label(
                self.tr(
                    "Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) and CSV or text files in "
                    "any common encoding. Nothing is written until the last step."
                ),
                self,
            )
        )
        layout.addWidget(self.drop_area, 1)
        row = QHBoxLayout()
        row.addWidget(self.browse_button)
        row.addWidget(self.busy)
        row.addWidget(self.busy_label, 1)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.loaded_label)
        layout.addStretch(1)
        self.set_idle()

    def set_idle(self) -> None:
        self.busy.hide()
        self.busy_label.clear()
        self.browse_button.setEnabled(True)

    def set_busy(self, name: str) -> None:
        self.error_label.clear()
        self.loaded_label.clear()
        self.busy.show()
        self.busy_label.setText(self.tr("Reading %1…").replace("%1", name))

    def set_error(self, text: str) -> None:
        self.set_idle()
        self.error_label.setText(text)
        self.browse_button.setFocus()

    def set_loaded(self, text: str) -> None:
        self.set_idle()
        self.error_label.clear()
        self.loaded_label.setText(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if spreadsheet_in(paths) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        path = spreadsheet_in(paths)
        if path is not None:
            event.acceptProposedAction()
            self.file_chosen.emit(path)


# ---------------------------------------------------------------------------------------------
# 2. The sheet and its header row


class SheetPage(QWidget):
    sheet_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(24)
        self.combo.activated.connect(lambda i: self.sheet_chosen.emit(self.combo.itemData(i)))
        self.model = SheetModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultSectionSize(120)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.info = note_label("", self)
        sheet_label = QLabel(self.tr("&Sheet:"), self)
        sheet_label.setBuddy(self.combo)

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Which sheet holds the customers?"), self))
        row = QHBoxLayout()
        row.addWidget(sheet_label)
        row.addWidget(self.combo)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)

    def set_sheets(self, names: list[str], proposed: str, kinds: dict[str, str | None]) -> None:
        self.combo.clear()
        for name in names:
            text = name
            if name == proposed:
                text = self.tr("%1 (suggested)").replace("%1", name)
            elif kinds.get(name) in ("contacts", "followups", "orders"):
                text = f"{name} — {related_label(kinds[name] or '')}"
            self.combo.addItem(text, name)
        self.combo.setCurrentIndex(max(0, names.index(proposed) if proposed in names else 0))

    def show_sheet(self, rows: list[list[object]], header_index: int, data_rows: int) -> None:
        self.model.set_rows(rows, header_index)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for i in range(self.model.columnCount()):
            header.resizeSection(i, min(max(header.sectionSize(i), 60), 220))
        # The verb follows the data rows (%Ln, filled in before %1).
        self.info.setText(
            self.tr(
                "Row %1 holds the column names (highlighted); %Ln rows of data follow. "
                "Blank rows, repeated headers and total rows are left out.",
                "",
                data_rows,
            ).replace("%1", user_locale().toString(header_index + 1))
        )
        if 0 <= header_index < self.model.rowCount():
            self.table.scrollTo(self.model.index(header_index, 0))


# ---------------------------------------------------------------------------------------------
# 3. Mapping


class FieldDelegate(QStyledItemDelegate):
    """A combo box of the fields, grouped by record, marking the fields other columns use, and
    offering to make a new custom field named after the column."""

    new_custom_field_requested = Signal(int)  # row

    def __init__(self, model: MappingModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mapping = model
        self.custom: list[tuple[str, str]] = []  # (target, label)
        self.creating: set[int] = set()  # rows whose new custom field is being made

    def createEditor(  # noqa: N802
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        _index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setModel(QStandardItemModel(combo))
        combo.setMaxVisibleItems(20)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def _fill(self, combo: QComboBox, row: int) -> None:
        items: QStandardItemModel = combo.model()  # type: ignore[assignment]
        items.clear()

        def add(text: str, target: str | None, header: bool = False) -> None:
            item = QStandardItem(text)
            if header:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            else:
                item.setData(target or "", FIELD_ROLE)
            items.appendRow(item)

        add(self.mapping.target_label(None), None)
        groups = [
            (entity_label(CUSTOMER), [(f.key, field_label(f.key, f.label)) for f in FIELDS
                                      if f.entity == CUSTOMER]),
            (entity_label(CONTACT), [(f.key, field_label(f.key, f.label)) for f in FIELDS
                                     if f.entity == CONTACT]),
        ]  # fmt: skip
        header = self.mapping.column_mapping(row).header.strip()
        labels = {label.casefold() for _target, label in self.custom}
        offer_new = bool(header) and header.casefold() not in labels and row not in self.creating
        if self.custom or offer_new:
            groups.append((entity_label("custom"), self.custom))
        for title, targets in groups:
            add(title, None, header=True)
            for target, text in targets:
                other = self.mapping.used_by(target)
                if other is not None and other != row:
                    column = self.mapping.column_mapping(other).column
                    text = self.tr("%1 — used by column %2").replace("%1", text)
                    text = text.replace("%2", column_letter(column))
                add("    " + text, target)
        if offer_new:
            add("    " + self.tr("New custom field “%1”…").replace("%1", header), NEW_CUSTOM_FIELD)

    def setEditorData(  # noqa: N802
        self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        editor.blockSignals(True)
        self._fill(editor, index.row())
        target = index.data(FIELD_ROLE) or ""
        found = editor.findData(target, FIELD_ROLE)
        editor.setCurrentIndex(max(found, 0))
        editor.setToolTip(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        editor.blockSignals(False)

    def setModelData(  # noqa: N802
        self,
        editor: QWidget,
        model,
        index: QModelIndex | QPersistentModelIndex,  # noqa: ANN001
    ) -> None:
        assert isinstance(editor, QComboBox)
        target = editor.currentData(FIELD_ROLE) or ""
        if target == NEW_CUSTOM_FIELD:
            self.creating.add(index.row())
            self.new_custom_field_requested.emit(index.row())
            return
        model.setData(index, target, FIELD_ROLE)


class MappingPage(QWidget):
    mapping_changed = Signal()
    new_custom_field_requested = Signal(int, str)  # row, the column's header

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MappingModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.delegate = FieldDelegate(self.model, self.table)
        self.table.setItemDelegateForColumn(MappingModel.COL_FIELD, self.delegate)
        self.delegate.new_custom_field_requested.connect(
            lambda row: self.new_custom_field_requested.emit(
                row, self.model.column_mapping(row).header.strip()
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MappingModel.COL_SAMPLES, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(MappingModel.COL_HEADER, 180)
        header.resizeSection(MappingModel.COL_FIELD, 230)
        header.resizeSection(MappingModel.COL_UNIT, 90)
        self.status = note_label("", self)
        self.warning = note_label("", self, ERROR_STYLE)
        self.model.dataChanged.connect(self._changed)
        self.model.modelReset.connect(self._open_editors)

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Where does each column go?"), self))
        layout.addWidget(
            note_label(
                self.tr(
                    "The columns were matched to fields by their headers and values; hover "
                    "over a field to see why. Columns set to “— ignore —” are not imported."
                ),
                self,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addWidget(
            note_label(self.tr("This mapping is remembered for files with the same headers."), self)
        )

    def set_mapping(self, mapping, samples, custom: list[tuple[str, str]]) -> None:  # noqa: ANN001
        self.delegate.custom = list(custom)
        self.delegate.creating.clear()
        self.model.set_mapping(mapping, samples, dict(custom))
        self._update_status()

    def custom_field_made(self, row: int, custom: list[tuple[str, str]], target: str) -> None:
        """The custom field asked for in ``row`` exists: list it and send the column to it."""
        self.delegate.creating.discard(row)
        self.delegate.custom = list(custom)
        self.model.set_custom_labels(dict(custom))
        if row >= self.model.rowCount():  # another sheet was chosen meanwhile
            return
        self.model.setData(self.model.index(row, MappingModel.COL_FIELD), target, FIELD_ROLE)

    def custom_field_failed(self, row: int, text: str) -> None:
        """The custom field could not be made: the column keeps its field; say why."""
        self.delegate.creating.discard(row)
        self._changed()
        self.warning.setText(text)

    def _open_editors(self) -> None:
        for row in range(self.model.rowCount()):
            self.table.openPersistentEditor(self.model.index(row, MappingModel.COL_FIELD))

    def _changed(self, *_args: object) -> None:
        # Every combo shows which fields the other columns use.
        for row in range(self.model.rowCount()):
            index = self.model.index(row, MappingModel.COL_FIELD)
            editor = self.table.indexWidget(index)
            if editor is not None:
                self.delegate.setEditorData(editor, index)
        self._update_status()
        self.mapping_changed.emit()

    def _update_status(self) -> None:
        loc = user_locale()
        # The noun follows the total (%Ln, filled in before %1).
        text = self.tr("%1 of %Ln columns will be imported.", "", self.model.rowCount()).replace(
            "%1", loc.toString(self.model.mapped_count())
        )
        moved = self.model.last_moved
        if moved is not None:
            target, row = moved
            text += " " + self.tr("“%1” was taken from column %2, which is now ignored.").replace(
                "%1", self.model.target_label(target)
            ).replace("%2", column_letter(self.model.column_mapping(row).column))
        self.status.setText(text)
        if self.model.used_by("name") is None and self.model.used_by("code") is None:
            self.warning.setText(
                self.tr(
                    "No column goes to “%1”: rows without a customer name cannot be imported."
                ).replace("%1", field_label("name", "Name"))
            )
        else:
            self.warning.clear()


# ---------------------------------------------------------------------------------------------
# 4. Options


class OptionsPage(QWidget):
    options_changed = Signal()
    DATE_ORDERS = ("ymd", "dmy", "mdy")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.duplicate_group = QButtonGroup(self)
        self.duplicate_buttons: dict[str, QRadioButton] = {}
        duplicates = QGroupBox(self.tr("Customers that are already in crmdesk"), self)
        grid = QGridLayout(duplicates)
        for row, choice in enumerate(ON_DUPLICATE_ORDER):
            text, why = on_duplicate_label(choice)
            button = QRadioButton(text, duplicates)
            self.duplicate_group.addButton(button, row)
            self.duplicate_buttons[choice] = button
            grid.addWidget(button, row, 0)
            grid.addWidget(note_label(why, duplicates), row, 1)
        grid.setColumnStretch(1, 1)
        self.duplicate_buttons["fill"].setChecked(True)
        self.duplicate_group.idToggled.connect(lambda *_: self.options_changed.emit())
        duplicates_note = note_label(
            self.tr(
                "A row is the same customer when the code, the email, the phone or the company "
                "name (without suffixes like 有限公司) matches."
            ),
            duplicates,
        )
        grid.addWidget(duplicates_note, len(ON_DUPLICATE_ORDER), 0, 1, 2)

        dates = QGroupBox(self.tr("Dates written with numbers only"), self)
        date_layout = QVBoxLayout(dates)
        self.date_group = QButtonGroup(self)
        self.date_buttons: dict[str, QRadioButton] = {}
        date_row = QHBoxLayout()
        for i, (key, text) in enumerate(
            (
                ("ymd", self.tr("Year-month-day")),
                ("dmy", self.tr("Day/Month/Year")),
                ("mdy", self.tr("Month/Day/Year")),
            )
        ):
            button = QRadioButton(text, dates)
            self.date_group.addButton(button, i)
            self.date_buttons[key] = button
            date_row.addWidget(button)
        date_row.addStretch(1)
        date_layout.addLayout(date_row)
        self.date_example = QLabel(dates)
        self.date_example.setWordWrap(True)
        date_layout.addWidget(self.date_example)
        self.date_group.idToggled.connect(lambda *_: self.options_changed.emit())

        self.related = QCheckBox(self)
        self.related.setChecked(True)
        self.related.toggled.connect(lambda *_: self.options_changed.emit())

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("How should the rows be imported?"), self))
        layout.addWidget(duplicates)
        layout.addWidget(dates)
        layout.addWidget(self.related)
        layout.addStretch(1)

    @property
    def on_duplicate(self) -> str:
        for choice, button in self.duplicate_buttons.items():
            if button.isChecked():
                return choice
        return "fill"

    @property
    def date_order(self) -> str:
        for key, button in self.date_buttons.items():
            if button.isChecked():
                return key
        return "ymd"

    def set_date_order(self, key: str) -> None:
        self.date_buttons[key].setChecked(True)

    def set_related(self, names: list[str]) -> None:
        self.related.setVisible(bool(names))
        self.related.setText(
            self.tr("Also import the contacts, follow-ups and orders sheets (%1)").replace(
                "%1", ", ".join(names)
            )
        )


# ---------------------------------------------------------------------------------------------
# 5. Preview


class PreviewPage(QWidget):
    filter_chosen = Signal(object)  # an action or None
    save_rejected_requested = Signal()
    retry_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = QProgressBar(self)
        self.busy_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.retry_button = QPushButton(self.tr("Check again"), self)
        self.retry_button.clicked.connect(self.retry_requested)
        self.error_label = note_label("", self, ERROR_STYLE)
        self.tiles = CountTiles(self)
        self.related = note_label("", self)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.filters = QButtonGroup(self)
        self.filter_buttons: dict[str | None, QToolButton] = {}
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show:"), self))
        for i, action in enumerate((None, *COUNT_ORDER)):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(False)
            self.filters.addButton(button, i)
            self.filter_buttons[action] = button
            button.clicked.connect(lambda _=False, a=action: self.filter_chosen.emit(a))
            filter_row.addWidget(button)
        self.filter_buttons[None].setChecked(True)
        filter_row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save rejected rows…"), self)
        self.save_button.clicked.connect(self.save_rejected_requested)
        filter_row.addWidget(self.save_button)
        self.results = QWidget(self)
        results = QVBoxLayout(self.results)
        results.setContentsMargins(0, 0, 0, 0)
        results.addWidget(self.tiles)
        results.addWidget(self.related)
        results.addLayout(filter_row)
        results.addWidget(self.table, 1)
        results.addWidget(
            note_label(
                self.tr("Nothing has been written yet. Click Import to import these rows."), self
            )
        )
        self.saved_label = note_label("", self)
        results.addWidget(self.saved_label)

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("What the import will do"), self))
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy, 1)
        busy_row.addWidget(self.busy_label, 2)
        busy_row.addWidget(self.cancel_button)
        busy_row.addWidget(self.retry_button)
        layout.addLayout(busy_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.results, 1)
        self.set_working(False)

    def set_working(self, working: bool, text: str = "") -> None:
        """While the preview is computed: the progress row (shown by the wizard after a delay
        with ``show_progress``), no results."""
        self.busy.hide()
        self.busy_label.setText(text)
        self.busy_label.setVisible(working)
        self.cancel_button.setVisible(working)
        self.retry_button.hide()
        if working:
            self.error_label.clear()
            self.results.hide()

    def show_progress(self, done: int, total: int) -> None:
        self.busy.show()
        self.busy.setRange(0, max(total, 0))
        self.busy.setValue(min(done, total) if total else 0)

    def set_failed(self, text: str) -> None:
        self.set_working(False)
        self.results.hide()
        self.error_label.setText(text)
        self.retry_button.show()

    def show_preview(self, preview, custom: dict[str, str]) -> None:  # noqa: ANN001
        self.set_working(False)
        self.error_label.clear()
        self.saved_label.clear()
        self.results.show()
        self.model.set_preview(preview, custom)
        self.tiles.set_counts(preview.counts)
        self.related.setText(related_text(preview.related))
        self.related.setVisible(bool(self.related.text()))
        loc = user_locale()
        total = len(preview.rows)
        self.filter_buttons[None].setText(self.tr("All (%1)").replace("%1", loc.toString(total)))
        for action in COUNT_ORDER:
            n = preview.counts.get(action, 0)
            button = self.filter_buttons[action]
            button.setText(f"{count_label(action)} ({loc.toString(int(n))})")
            button.setEnabled(n > 0)
        self.filter_buttons[None].setChecked(True)
        self.save_button.setEnabled(preview.counts.get("reject", 0) > 0)
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for i in range(self.model.columnCount()):
            header.resizeSection(i, min(max(header.sectionSize(i), 50), 340 if i == 2 else 260))


# ---------------------------------------------------------------------------------------------
# 6. Import and its result


class ResultPage(QWidget):
    save_rejected_requested = Signal()
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label("", self)
        self.message = note_label("", self)
        self.tiles = CountTiles(self)
        self.related = note_label("", self)
        self.save_button = QPushButton(self.tr("Save rejected rows…"), self)
        self.save_button.clicked.connect(self.save_rejected_requested)
        self.undo_button = QPushButton(self.tr("&Undo this import"), self)
        self.undo_button.clicked.connect(self.undo_requested)
        self.undo_label = note_label("", self)
        self.left_alone = QListWidget(self)
        self.saved_label = note_label("", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.tiles)
        layout.addWidget(self.related)
        layout.addLayout(buttons)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.undo_label)
        layout.addWidget(self.left_alone, 1)
        layout.addStretch(0)
        self.set_running()

    def set_running(self) -> None:
        self.title.setText(self.tr("Importing…"))
        self.title.setStyleSheet("")
        self.message.setText(self.tr("You can cancel: nothing is kept until the import ends."))
        for widget in (self.tiles, self.related, self.save_button, self.undo_button):
            widget.hide()
        self.undo_label.clear()
        self.saved_label.clear()
        self.left_alone.hide()

    def set_stopped(self, title: str, message: str = "") -> None:
        self.title.setText(title)
        self.title.setStyleSheet(ERROR_STYLE)
        self.message.setText(message)

    def show_result(self, result, file_name: str) -> None:  # noqa: ANN001
        self.title.setStyleSheet("")
        self.title.setText(self.tr("Imported %1").replace("%1", file_name))
        self.message.setText(
            self.tr("The customers list shows the imported customers. Undo takes it all back.")
        )
        self.tiles.set_counts(result.counts, done=True)
        self.tiles.show()
        self.related.setText(related_text(result.related))
        self.related.setVisible(bool(self.related.text()))
        self.save_button.setVisible(bool(result.rejected))
        self.undo_button.show()
        self.undo_button.setEnabled(True)

    def show_undone(self, undo, rows: list[str]) -> None:  # noqa: ANN001
        loc = user_locale()
        self.title.setText(self.tr("The import was undone"))
        self.message.setText(self.tr("The customer list is back to what it was before."))
        self.undo_button.setEnabled(False)
        text = (
            self.tr("%1 records the import created were removed; %Ln updated customers got "
                    "their previous values back.", "", undo.restored)
            .replace("%1", loc.toString(undo.removed))
        )  # fmt: skip
        if rows:
            text += " " + self.tr(
                "%Ln customers were changed after the import and were left alone:", "", len(rows)
            )
        self.undo_label.setText(text)
        self.left_alone.clear()
        self.left_alone.addItems(rows)
        self.left_alone.setVisible(bool(rows))
