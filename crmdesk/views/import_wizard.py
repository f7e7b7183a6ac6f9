"""Import from Excel: file → sheet → columns → options → preview → import, with undo.

The pages live in crmdesk/views/import_pages.py; this module walks through them and does the
work in the background through crmdesk.services.importing.engine (nothing touches the database
before the Import button, and the import is one transaction that Cancel takes back).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QDate, QLocale, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.errors import CrmError
from crmdesk.qt.context import AppContext
from crmdesk.qt.import_labels import left_alone_lines
from crmdesk.qt.import_models import raw_text
from crmdesk.qt.service_text import error_text
from crmdesk.qt.simple_models import user_locale
from crmdesk.qt.tasks import Cancelled, CancelToken, run_with_progress
from crmdesk.services import ChangeSet
from crmdesk.services import custom_fields as custom_field_service
from crmdesk.services.importing import cleaning, sheets
from crmdesk.services.importing import mapping as mapping_service
from crmdesk.services.importing.fields import FIELD_BY_KEY, FieldType, custom_key_of, custom_target
from crmdesk.services.text import is_cjk
from crmdesk.views.import_pages import (
    FilePage,
    MappingPage,
    OptionsPage,
    PreviewPage,
    ResultPage,
    SheetPage,
)

PROGRESS_DELAY_MS = 600
SAMPLE_ROWS = 60
SHOWN_ROWS = 40
RELATED_KINDS = ("contacts", "followups", "orders")
FILE_FILTER_EXTS = "*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt"
_AMBIGUOUS = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
FILE, SHEET, COLUMNS, OPTIONS, PREVIEW, RESULT = range(6)


def engine() -> ModuleType:
    """The import engine (imported on use: it is the heavy part of the import services)."""
    from crmdesk.services.importing import engine as module  # noqa: PLC0415

    return module


@dataclass(frozen=True)
class SheetInfo:
    header_index: int
    data_count: int
    first_rows: list[list[object]]  # the first rows of the sheet as they are
    samples: list[list[object]]  # the first data rows below the header
    kind: str | None


@dataclass(frozen=True)
class Loaded:
    path: Path
    workbook: Any  # readers.Workbook
    proposed: str
    sheets: dict[str, SheetInfo]


def load(path: Path) -> Loaded:
    """Read the file and look at each sheet once (runs on a worker thread)."""
    workbook = engine().load_workbook_for_import(path)
    infos: dict[str, SheetInfo] = {}
    for sheet in workbook.sheets:
        header_index = sheets.find_header(sheet.rows)
        rows = sheets.data_rows(sheet, header_index)
        infos[sheet.name] = SheetInfo(
            header_index,
            len(rows),
            [list(r) for r in sheet.rows[: max(SHOWN_ROWS, header_index + 10)]],
            [list(r) for _n, r in rows[:SAMPLE_ROWS]],
            sheets.classify_sheet(sheet),
        )
    return Loaded(Path(path), workbook, sheets.propose_sheet(workbook), infos)


def ambiguous_date(samples: list[list[object]], columns: list[int]) -> str | None:
    """The first date in the samples whose day and month could be swapped ("03/05/2024"),
    looking first in the columns that go to date fields."""
    order = columns + [c for c in range(max((len(r) for r in samples), default=0))
                       if c not in columns]  # fmt: skip
    for column in order:
        for row in samples:
            value = row[column] if column < len(row) else None
            if not isinstance(value, str):
                continue
            m = _AMBIGUOUS.match(value)
            if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
                return value.strip()
    return None


class ImportWizard(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import from Excel"))
        self.loaded: Loaded | None = None
        self.sheet_name: str | None = None
        self._mappings: dict[str, tuple[Any, ...]] = {}
        self._custom: list[tuple[str, str]] = []
        self._date_default_set = False
        self.preview: Any = None  # engine.ImportPreview
        self._preview_key: object = None
        self._preview_token: CancelToken | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PROGRESS_DELAY_MS)
        self.result: Any = None  # engine.ImportResult
        self.undo_result: Any = None
        self._import_token: CancelToken | None = None
        self._loading = False
        self._closed = False
        self._stopped = False  # the import was cancelled or failed

        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.options_page = OptionsPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        self.stack = QStackedWidget(self)
        for page in (
            self.file_page,
            self.sheet_page,
            self.mapping_page,
            self.options_page,
            self.preview_page,
            self.result_page,
        ):
            self.stack.addWidget(page)
        self.steps = QListWidget(self)
        self.steps.addItems(
            [
                self.tr("1. File"),
                self.tr("2. Sheet"),
                self.tr("3. Columns"),
                self.tr("4. Options"),
                self.tr("5. Preview"),
                self.tr("6. Import"),
            ]
        )
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.steps.setFixedWidth(max(130, self.steps.sizeHintForColumn(0) + 30))
        self.steps.setStyleSheet("QListWidget { border: none; background: transparent; }")

        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self.file_page.browse_requested.connect(self.browse)
        self.file_page.file_chosen.connect(self.load_file)
        self.sheet_page.sheet_chosen.connect(self.choose_sheet)
        self.mapping_page.mapping_changed.connect(self._update_buttons)
        self.mapping_page.new_custom_field_requested.connect(self.new_custom_field)
        self.options_page.options_changed.connect(self._update_date_example)
        self.preview_page.filter_chosen.connect(self.preview_page.model.set_filter)
        self.preview_page.cancel_requested.connect(self._cancel_preview)
        self.preview_page.retry_requested.connect(self._start_preview)
        self.preview_page.save_rejected_requested.connect(self.save_rejected)
        self.result_page.save_rejected_requested.connect(self.save_rejected)
        self.result_page.undo_requested.connect(self.undo_import)
        self._preview_timer.timeout.connect(self.preview_page.busy.show)

        self.resize(1040, 660)
        self.setMinimumSize(820, 540)
        self.go(FILE)
        if path is not None:
            QTimer.singleShot(0, lambda: self.load_file(Path(path)))

    # navigation --------------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    def go(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        for i in range(self.steps.count()):
            item = self.steps.item(i)
            font = item.font()
            font.setBold(i == index)
            item.setFont(font)
            item.setForeground(self.palette().text() if i <= index else self.palette().mid())
        self._update_buttons()
        focus = {
            FILE: self.file_page.browse_button,
            SHEET: self.sheet_page.combo,
            COLUMNS: self.mapping_page.table,
            PREVIEW: self.preview_page.table,
        }.get(index, self.next_button)
        focus.setFocus()

    def _update_buttons(self) -> None:
        page = self.page
        importing = self._import_token is not None
        done = page == RESULT and self.result is not None
        self.back_button.setEnabled(
            page > FILE and not importing and (page != RESULT or self._stopped)
        )
        self.next_button.setVisible(page != RESULT)
        self.next_button.setText(self.tr("&Import") if page == PREVIEW else self.tr("&Next >"))
        ready = {
            FILE: self.loaded is not None and not self._loading,
            SHEET: self.sheet_name is not None,
            COLUMNS: self.mapping_page.model.mapped_count() > 0,
            OPTIONS: True,
            PREVIEW: self.preview is not None and self._preview_token is None and
            (self.preview.counts.get("create", 0) + self.preview.counts.get("update", 0)
             + sum(self.preview.related.values())) > 0,
        }.get(page, False)  # fmt: skip
        self.next_button.setEnabled(bool(ready))
        self.close_button.setText(self.tr("Close") if done else self.tr("Cancel"))
        self.close_button.setEnabled(not importing)

    def next(self) -> None:
        if not self.next_button.isEnabled() or not self.next_button.isVisible():
            return
        page = self.page
        if page == FILE:
            self.go(SHEET)
        elif page == SHEET:
            self._enter_mapping()
            self.go(COLUMNS)
        elif page == COLUMNS:
            self._enter_options()
            self.go(OPTIONS)
        elif page == OPTIONS:
            self.go(PREVIEW)
            self._start_preview()
        elif page == PREVIEW:
            self.start_import()

    def back(self) -> None:
        if not self.back_button.isEnabled():
            return
        if self.page == PREVIEW:
            self._cancel_preview()
        if self.page == RESULT:
            self._stopped = False
            self.go(PREVIEW)
            return
        self.go(max(FILE, self.page - 1))

    # 1. the file -------------------------------------------------------------------------------

    def browse(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            folder,
            self.tr("Spreadsheets (%1);;All files (*)").replace("%1", FILE_FILTER_EXTS),
        )
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        if self._loading or self.result is not None:
            return
        self._loading = True
        self.go(FILE)
        self.file_page.set_busy(path.name)
        self.file_page.browse_button.setEnabled(False)
        self._update_buttons()
        self.ctx.tasks.submit(lambda: load(path), self._loaded, self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self._loading = False
        if isinstance(exc, CrmError):
            self.file_page.set_error(error_text(exc))
        else:
            self.file_page.set_error(self.tr("The file could not be read."))
            self.ctx.tasks.default_error_handler(exc)
        self._update_buttons()

    def _loaded(self, loaded: Loaded) -> None:
        if self._closed:
            return
        self._loading = False
        self.loaded = loaded
        self._mappings.clear()
        self._date_default_set = False
        self.preview = None
        self._preview_key = None
        names = list(loaded.sheets)
        self.file_page.set_loaded(
            self.tr("%1: %n sheets", "", len(names)).replace("%1", loaded.path.name)
        )
        self.sheet_page.set_sheets(
            names, loaded.proposed, {n: i.kind for n, i in loaded.sheets.items()}
        )
        self.choose_sheet(loaded.proposed)
        self.go(SHEET)

    # 2. the sheet ------------------------------------------------------------------------------

    def choose_sheet(self, name: str) -> None:
        assert self.loaded is not None
        info = self.loaded.sheets[name]
        self.sheet_name = name
        self.sheet_page.show_sheet(info.first_rows, info.header_index, info.data_count)
        self._update_buttons()

    # 3. the columns ----------------------------------------------------------------------------

    def _enter_mapping(self) -> None:
        assert self.loaded is not None and self.sheet_name is not None
        name = self.sheet_name
        info = self.loaded.sheets[name]
        sheet = self.loaded.workbook.sheet(name)
        headers = sheets.header_texts(sheet, info.header_index)
        db = self.ctx.db
        self._custom = [
            (custom_target(f.key), f.label) for f in custom_field_service.list_custom_fields(db)
        ]
        mapping = self._mappings.get(name)
        if mapping is None:
            known = {t for t, _label in self._custom}
            recalled = mapping_service.recall_mapping(db, headers)
            mapping = tuple(
                recalled
                if recalled is not None
                else mapping_service.auto_map(headers, info.samples)
            )
            mapping = tuple(
                mapping_service.with_field(m, None)
                if custom_key_of(m.field) is not None and m.field not in known
                else m
                for m in mapping
            )
        samples = []
        for m in mapping:
            values = [r[m.column] for r in info.samples if m.column < len(r)]
            samples.append([raw_text(v) for v in values if not cleaning.is_blank(v)][:3])
        self.mapping_page.set_mapping(mapping, samples, self._custom)
        self._headers = headers
        self._update_buttons()

    def new_custom_field(self, row: int, header: str) -> None:
        """Make a text custom field named after the column and send the column to it."""
        db = self.ctx.db

        def work() -> tuple[str, ChangeSet]:
            field_id, changes = custom_field_service.define_field(db, label=header, type_="text")
            key = next(
                f.key for f in custom_field_service.list_custom_fields(db) if f.id == field_id
            )
            return custom_target(key), changes

        def done(made: tuple[str, ChangeSet]) -> None:
            target, changes = made
            self.ctx.bus.data_changed.emit(changes, self)
            if self._closed:
                return
            self._custom.append((target, header))
            self.mapping_page.custom_field_made(row, self._custom, target)

        def failed(exc: BaseException) -> None:
            if self._closed:
                return
            if isinstance(exc, CrmError):
                text = error_text(exc)
            else:
                text = self.tr("The custom field could not be made.")
                self.ctx.tasks.default_error_handler(exc)
            self.mapping_page.custom_field_failed(row, text)

        self.ctx.tasks.submit(work, done, failed, write=True)

    def current_mapping(self) -> tuple[Any, ...]:
        mapping = self.mapping_page.model.mapping()
        if self.sheet_name is not None:
            self._mappings[self.sheet_name] = mapping
        return mapping

    # 4. options --------------------------------------------------------------------------------

    def _enter_options(self) -> None:
        assert self.loaded is not None and self.sheet_name is not None
        self.current_mapping()
        if not self._date_default_set:
            self._date_default_set = True
            self.options_page.set_date_order(self._default_date_order())
        related = [
            n
            for n, i in self.loaded.sheets.items()
            if n != self.sheet_name and i.kind in RELATED_KINDS and i.data_count
        ]
        self.options_page.set_related(related)
        self._update_date_example()

    def _default_date_order(self) -> str:
        if any(is_cjk(ch) for h in getattr(self, "_headers", []) for ch in h):
            return "ymd"
        fmt = user_locale().dateFormat(user_locale().FormatType.ShortFormat).lstrip()
        return {"d": "dmy", "M": "mdy"}.get(fmt[:1], "ymd")

    def dayfirst(self) -> bool:
        return self.options_page.date_order == "dmy"

    def _update_date_example(self) -> None:
        if self.loaded is None or self.sheet_name is None:
            return
        info = self.loaded.sheets[self.sheet_name]
        date_columns = [
            m.column
            for m in self.mapping_page.model.mapping()
            if m.field in FIELD_BY_KEY
            and FIELD_BY_KEY[m.field].type in (FieldType.DATE, FieldType.DATETIME)
        ]
        found = ambiguous_date(info.samples, date_columns)
        example = found or "03/05/2024"
        try:
            day = cleaning.clean_date(example, dayfirst=self.dayfirst())
        except cleaning.CleanError:
            day = None
        if day is None:
            self.options_page.date_example.setText("")
            return
        when = user_locale().toString(QDate(day.year, day.month, day.day), self.tr("d MMMM yyyy"))
        if found:
            text = self.tr("In this file, %1 will be read as %2.")
        else:
            text = self.tr("A date written 03/05/2024 will be read as %2.")
        self.options_page.date_example.setText(text.replace("%1", example).replace("%2", when))

    def options(self) -> Any:
        return engine().ImportOptions(
            sheet=self.sheet_name,
            mapping=self.current_mapping(),
            on_duplicate=self.options_page.on_duplicate,
            dayfirst=self.dayfirst(),
            related_sheets=self.options_page.related.isChecked(),
        )

    # 5. preview --------------------------------------------------------------------------------

    def _start_preview(self) -> None:
        assert self.loaded is not None
        options = self.options()
        if self.preview is not None and self._preview_key == options:
            self.preview_page.show_preview(self.preview, dict(self._custom))
            self._update_buttons()
            return
        self._cancel_preview()
        self.preview = None
        token = CancelToken()
        self._preview_token = token
        db, path, workbook = self.ctx.db, self.loaded.path, self.loaded.workbook
        self.preview_page.set_working(True, self.tr("Checking every row…"))
        self._preview_timer.start()

        def done(preview: Any) -> None:
            if self._closed or token is not self._preview_token:
                return
            self._preview_timer.stop()
            self._preview_token = None
            self.preview = preview
            self._preview_key = options
            self.preview_page.show_preview(preview, dict(self._custom))
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            if self._closed or token is not self._preview_token:
                return
            self._preview_timer.stop()
            self._preview_token = None
            if isinstance(exc, Cancelled):
                self.preview_page.set_failed(self.tr("The check was cancelled."))
            elif isinstance(exc, CrmError):
                self.preview_page.set_failed(error_text(exc))
            else:
                self.preview_page.set_failed(self.tr("The rows could not be checked."))
                self.ctx.tasks.default_error_handler(exc)
            self._update_buttons()

        self.ctx.tasks.submit(
            lambda t: engine().preview_import(db, path, options, t, workbook),
            done,
            failed,
            token=token,
            on_progress=lambda d, t, _s: self.preview_page.show_progress(d, t),
        )
        self._update_buttons()

    def _cancel_preview(self) -> None:
        if self._preview_token is not None:
            self._preview_token.cancel()

    # 6. import ---------------------------------------------------------------------------------

    def start_import(self) -> None:
        assert self.loaded is not None and self.preview is not None
        options = self._preview_key
        db, path, workbook = self.ctx.db, self.loaded.path, self.loaded.workbook
        report = progress_reporter(
            imported_step, self.tr("about %1 s left"), self.tr("about %1 min left")
        )

        def work(token: CancelToken) -> Any:
            # The engine remembers the mapping for the next file with these headers.
            return engine().run_import(db, path, options, report(token), workbook)

        self._stopped = False
        self.result_page.set_running()
        self.go(RESULT)
        self._import_token = run_with_progress(
            self.ctx.tasks,
            self,
            self.tr("Importing %1…").replace("%1", self.loaded.path.name),
            work,
            self._imported,
            self._import_failed,
            write=True,
            delay_ms=PROGRESS_DELAY_MS,
        )
        self._update_buttons()

    def _imported(self, result: Any) -> None:
        self._import_token = None
        self.result = result
        self.ctx.bus.data_changed.emit(ChangeSet(everything=True), self)
        if self._closed:
            return
        assert self.loaded is not None
        self.result_page.show_result(result, self.loaded.path.name)
        self.ctx.bus.status_message_requested.emit(
            self.tr("Imported %1: %2 created, %3 updated.")
            .replace("%1", self.loaded.path.name)
            .replace("%2", user_locale().toString(int(result.counts.get("create", 0))))
            .replace("%3", user_locale().toString(int(result.counts.get("update", 0))))
        )
        self._update_buttons()
        self.close_button.setFocus()

    def _import_failed(self, exc: BaseException) -> None:
        token, self._import_token = self._import_token, None
        if self._closed:
            return
        self._stopped = True
        if isinstance(exc, Cancelled) or (token is not None and token.cancelled):
            self.result_page.set_stopped(self.tr("Cancelled — nothing was imported."))
        elif isinstance(exc, CrmError):
            self.result_page.set_stopped(
                self.tr("The import failed; nothing was imported."), error_text(exc)
            )
        else:
            self.result_page.set_stopped(self.tr("The import failed; nothing was imported."))
            self.ctx.tasks.default_error_handler(exc)
        self._update_buttons()

    def undo_import(self) -> None:
        if self.result is None:
            return
        db, batch_id = self.ctx.db, self.result.batch_id
        self.result_page.undo_button.setEnabled(False)

        def done(undo: Any) -> None:
            self.undo_result = undo
            self.ctx.bus.data_changed.emit(ChangeSet(everything=True), self)
            if self._closed:
                return
            self.result_page.show_undone(undo, left_alone_lines(undo.left_alone))

        def failed(exc: BaseException) -> None:
            if self._closed:
                return
            self.result_page.undo_button.setEnabled(True)
            self.result_page.undo_label.setText(error_text(exc))
            if not isinstance(exc, CrmError):
                self.ctx.tasks.default_error_handler(exc)

        self.ctx.tasks.submit(lambda: engine().undo_import(db, batch_id), done, failed, write=True)

    def save_rejected(self) -> None:
        if self.preview is None or self.loaded is None:
            return
        if self.page == RESULT and self.result is not None:
            rows = list(self.result.rejected)
            label = self.result_page.saved_label
        else:
            rows = [r for r in self.preview.rows if r.action == "reject"]
            label = self.preview_page.saved_label
        if not rows:
            return
        proposed = self.loaded.path.with_name(
            self.tr("%1_rejected.xlsx").replace("%1", self.loaded.path.stem)
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), str(proposed), self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        headers = tuple(self.preview.headers)

        def done(written: Path) -> None:
            if not self._closed:
                label.setText(
                    self.tr(
                        "Saved %Ln rejected rows with their reasons to %1", "", len(rows)
                    ).replace("%1", str(written))
                )

        def failed(exc: BaseException) -> None:
            if not self._closed:
                label.setText(error_text(exc))
            if not isinstance(exc, CrmError):
                self.ctx.tasks.default_error_handler(exc)

        self.ctx.tasks.submit(lambda: engine().write_rejected(rows, headers, path), done, failed)

    # closing -----------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._import_token is not None:
            return  # the progress dialog's Cancel stops an import
        self._closed = True
        self._cancel_preview()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._import_token is not None:
            event.ignore()
            return
        self._closed = True
        self._cancel_preview()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.matches(QKeySequence.StandardKey.Open) and self.page == FILE:
            self.browse()
            return
        super().keyPressEvent(event)


def progress_reporter(
    step: Callable[[int, int], str], seconds_left: str, minutes_left: str
) -> Callable[[CancelToken], Any]:
    """A wrapper around the task's token that writes "Imported 1,200 of 5,000 rows — about
    12 s left" (the rate so far gives the time left). The wrapper runs on the worker: ``step``
    words (done, total) there, as only the worker knows the total that picks the plural; the
    time-left templates are translated on the GUI thread."""

    def wrap(token: CancelToken) -> Any:
        started = time.monotonic()

        class Reporter:
            def check(self) -> None:
                token.check()

            def progress(self, done: int, total: int, text: str = "") -> None:
                line = step(done, total)
                elapsed = time.monotonic() - started
                if done > 0 and total > done and elapsed >= 1.0:
                    left = elapsed / done * (total - done)
                    if left >= 90:
                        line += " — " + minutes_left.replace("%1", str(round(left / 60)))
                    else:
                        line += " — " + seconds_left.replace("%1", str(max(1, round(left))))
                token.progress(done, total, line)

        return Reporter()

    return wrap


def imported_step(done: int, total: int) -> str:
    """ "Imported 1,200 of 5,000 rows", on the import's worker: translating is thread-safe and
    ImportWizard.tr touches no widget. The noun follows the total (%Ln, filled in before %1)."""
    return ImportWizard.tr("Imported %1 of %Ln rows", "", total).replace(
        "%1", QLocale().toString(done)
    )


def open_import_wizard(
    ctx: AppContext, parent: QWidget | None = None, path: Path | None = None
) -> ImportWizard:
    """Show the wizard (not modal: the customer list stays usable), optionally with a file."""
    wizard = ImportWizard(ctx, parent, path)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    wizard.raise_()
    wizard.activateWindow()
    return wizard
