"""Settings → Service desk & SLA: the office's working hours, working days, holidays and make-up
working days (调休), its time zone, and the SLA time each ticket step may take per priority."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.qt.context import AppContext
from crmdesk.qt.labels import label
from crmdesk.qt.service_text import error_text, field_text
from crmdesk.services import ChangeSet, CrmError, ValidationError
from crmdesk.services import service_settings as settings_service
from crmdesk.services.business_time import (
    PRIORITIES,
    OfficeCalendar,
    SlaPolicy,
    SlaStep,
    default_calendar,
)
from crmdesk.views.date_list_editor import DateListEditor
from crmdesk.views.widgets import ERROR_RED, Banner, FieldBox, guarded


def _qtime(t: dt.time) -> QTime:
    return QTime(t.hour, t.minute)


def _time(q: QTime) -> dt.time:
    return dt.time(q.hour(), q.minute())


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class SentenceBox(FieldBox):
    """A FieldBox around a group of editors: the sentence under it, but no red border (a
    border style on a container would cascade into every spin box and label in it)."""

    def set_error(self, message: str | None) -> None:
        super().set_error(message)
        self.editor.setStyleSheet("")


class DurationEdit(QWidget):
    """Hours and minutes of business time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = QSpinBox(self)
        self.hours.setRange(0, settings_service.MAX_STEP_MINUTES // 60)
        self.hours.setSuffix(self.tr(" h"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 59)
        self.minutes.setSuffix(self.tr(" min"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(self.hours, 1)
        layout.addWidget(self.minutes, 1)
        self.setFocusProxy(self.hours)
        self.setObjectName("duration")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def total_minutes(self) -> int:
        return self.hours.value() * 60 + self.minutes.value()

    def set_total_minutes(self, minutes: int) -> None:
        self.hours.setValue(minutes // 60)
        self.minutes.setValue(minutes % 60)

    def set_error(self, wrong: bool) -> None:
        # Colour the cell, not the spin boxes: a border style on a spin box loses its arrows.
        style = f"#duration {{ background: #ffebee; border: 1px solid {ERROR_RED}; }}"
        self.setStyleSheet(style if wrong else "")


class ServiceSettingsDialog(QDialog):
    """Office calendar and SLA policy, loaded and saved in the background."""

    settings_saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._saving = False
        self.setWindowTitle(self.tr("Service desk & SLA"))
        self.error_banner = Banner("error", self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._calendar_page(), self.tr("Office hours"))
        self.tabs.addTab(self._sla_page(), self.tr("SLA times"))

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        self.defaults_button.setToolTip(
            self.tr("Fill in the standard settings; nothing is saved until you press Save.")
        )
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.save_button.clicked.connect(self.save)
        self.defaults_button.clicked.connect(self.restore_defaults)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.save_button.setEnabled(False)
        self.defaults_button.setEnabled(False)
        self.resize(860, 600)
        self._load()

    # construction ----------------------------------------------------------------------------

    def _calendar_page(self) -> QWidget:
        page = QWidget(self)
        self.fields: dict[str, FieldBox] = {}

        self.zone = QComboBox(page)
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.fields["timezone"] = FieldBox(self.zone, page)

        self.work_start = self._time_edit(page)
        self.work_end = self._time_edit(page)
        hours = QWidget(page)
        row = QHBoxLayout(hours)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.work_start)
        row.addWidget(QLabel(self.tr("to"), hours))
        row.addWidget(self.work_end)
        row.addStretch(1)
        self.fields["work_end"] = SentenceBox(hours, page)

        self.lunch_box = QCheckBox(self.tr("Lunch break from"), page)
        self.lunch_start = self._time_edit(page)
        self.lunch_end = self._time_edit(page)
        lunch = QWidget(page)
        row = QHBoxLayout(lunch)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.lunch_box)
        row.addWidget(self.lunch_start)
        row.addWidget(QLabel(self.tr("to"), lunch))
        row.addWidget(self.lunch_end)
        row.addStretch(1)
        self.lunch_box.toggled.connect(self.lunch_start.setEnabled)
        self.lunch_box.toggled.connect(self.lunch_end.setEnabled)
        self.fields["lunch"] = SentenceBox(lunch, page)

        days = QWidget(page)
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        self.day_boxes: list[QCheckBox] = []
        for weekday in range(7):  # Monday = 0, as the calendar stores it
            name = self.locale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)
            box = QCheckBox(name, days)
            self.day_boxes.append(box)
            row.addWidget(box)
        row.addStretch(1)
        self.fields["workdays"] = SentenceBox(days, page)

        form = QFormLayout()
        form.addRow(self.tr("Time zone"), self.fields["timezone"])
        form.addRow(self.tr("Working hours"), self.fields["work_end"])
        form.addRow("", self.fields["lunch"])
        form.addRow(self.tr("Working days"), self.fields["workdays"])

        self.holidays = DateListEditor(self.tr("Add holidays"), page)
        self.makeup = DateListEditor(self.tr("Add make-up working days"), page)
        self.fields["holidays"] = SentenceBox(self.holidays, page)
        self.fields["makeup_days"] = SentenceBox(self.makeup, page)
        holiday_group = QGroupBox(self.tr("Public holidays (no work)"), page)
        QVBoxLayout(holiday_group).addWidget(self.fields["holidays"])
        makeup_group = QGroupBox(self.tr("Make-up working days (调休)"), page)
        QVBoxLayout(makeup_group).addWidget(self.fields["makeup_days"])
        lists = QHBoxLayout()
        lists.addWidget(holiday_group, 1)
        lists.addWidget(makeup_group, 1)
        note = QLabel(
            self.tr(
                "Holidays are days off even when they fall on a working day; make-up working "
                "days are weekend days the office works to make up for a holiday. Add next "
                "year's dates when the official schedule is published."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addWidget(note)
        for box in self.fields.values():
            self._clear_error_on_edit(box)
        return page

    def _time_edit(self, parent: QWidget) -> QTimeEdit:
        edit = QTimeEdit(parent)
        edit.setDisplayFormat("HH:mm")
        return edit

    def _step_captions(self) -> dict[SlaStep, tuple[str, str]]:
        return {
            SlaStep.REGISTER: (
                self.tr("Register"),
                self.tr("from the customer's report until the ticket is registered"),
            ),
            SlaStep.ASSIGN: (
                self.tr("Assign"),
                self.tr("from registration until someone is assigned"),
            ),
            SlaStep.SOLUTION: (
                self.tr("Find a solution"),
                self.tr("from assignment until a solution is written"),
            ),
            SlaStep.INFORM: (
                self.tr("Inform the customer"),
                self.tr("from the solution until the customer is told"),
            ),
            SlaStep.RESOLVE: (
                self.tr("Resolve"),
                self.tr("from registration until the problem is resolved"),
            ),
            SlaStep.REVISIT: (
                self.tr("Revisit"),
                self.tr("from resolution until the satisfaction revisit"),
            ),
        }

    def _sla_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "How long each step of a ticket may take, by priority. The clock counts working "
                "time only (office hours on working days, as set on the Office hours tab) and "
                "pauses while the ticket waits for the customer. A step that takes longer is "
                "escalated. With the standard office hours, one working day is 8 hours."
            ),
            page,
        )
        intro.setWordWrap(True)
        steps = list(SlaStep)
        # First column: the step and what it measures; then one column per priority.
        self.sla_table = QTableWidget(len(steps), 1 + len(PRIORITIES), page)
        self.sla_table.setHorizontalHeaderLabels(
            [self.tr("Step"), *(label("ticket_priority", p) for p in PRIORITIES)]
        )
        self.sla_table.verticalHeader().hide()
        self.sla_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sla_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sla_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        captions = self._step_captions()
        self.durations: dict[tuple[str, SlaStep], DurationEdit] = {}
        for r, step in enumerate(steps):
            caption, explanation = captions[step]
            cell = QLabel(
                f"<b>{html.escape(caption)}</b><br>"
                f"<span style='color: gray'>{html.escape(explanation)}</span>",
                self.sla_table,
            )
            cell.setWordWrap(True)
            cell.setContentsMargins(6, 3, 6, 3)
            self.sla_table.setCellWidget(r, 0, cell)
            for c, priority in enumerate(PRIORITIES, start=1):
                edit = DurationEdit(self.sla_table)
                edit.hours.valueChanged.connect(lambda _v, e=edit: e.set_error(False))
                edit.minutes.valueChanged.connect(lambda _v, e=edit: e.set_error(False))
                self.durations[(priority, step)] = edit
                self.sla_table.setCellWidget(r, c, edit)
        header = self.sla_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 230)
        for c in range(1, 1 + len(PRIORITIES)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        rows = self.sla_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(54, 4 * self.fontMetrics().height()))
        self.sla_table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.sla_table)
        layout.addStretch(1)
        return page

    def _clear_error_on_edit(self, box: FieldBox) -> None:
        editor = box.editor
        if isinstance(editor, QComboBox):
            editor.currentTextChanged.connect(lambda _t: box.set_error(None))
        elif isinstance(editor, DateListEditor):
            editor.changed.connect(lambda: box.set_error(None))
        else:
            for child in editor.findChildren(QWidget):
                if isinstance(child, QTimeEdit):
                    child.timeChanged.connect(lambda _t: box.set_error(None))
                elif isinstance(child, QCheckBox):
                    child.toggled.connect(lambda _c: box.set_error(None))

    # data ------------------------------------------------------------------------------------

    def _load(self) -> None:
        db = self.ctx.db

        def load() -> tuple[OfficeCalendar, SlaPolicy, list[str]]:
            return (
                settings_service.load_calendar(db),
                settings_service.load_policy(db),
                settings_service.time_zone_names(),
            )

        def done(result: tuple[OfficeCalendar, SlaPolicy, list[str]]) -> None:
            calendar, policy, zones = result
            self.zone.addItems(zones)
            self.fill(calendar, policy)
            self.save_button.setEnabled(True)
            self.defaults_button.setEnabled(True)

        self.ctx.tasks.submit(load, guarded(self, done), guarded(self, self._failed))

    def fill(self, calendar: OfficeCalendar, policy: SlaPolicy) -> None:
        if self.zone.findText(calendar.timezone) < 0:
            self.zone.addItem(calendar.timezone)
        self.zone.setCurrentText(calendar.timezone)
        self.work_start.setTime(_qtime(calendar.work_start))
        self.work_end.setTime(_qtime(calendar.work_end))
        has_lunch = calendar.lunch_start is not None and calendar.lunch_end is not None
        self.lunch_box.setChecked(has_lunch)
        self.lunch_start.setEnabled(has_lunch)
        self.lunch_end.setEnabled(has_lunch)
        self.lunch_start.setTime(_qtime(calendar.lunch_start or dt.time(12)))
        self.lunch_end.setTime(_qtime(calendar.lunch_end or dt.time(13)))
        for weekday, box in enumerate(self.day_boxes):
            box.setChecked(weekday in calendar.workdays)
        self.holidays.set_dates(calendar.holidays)
        self.makeup.set_dates(calendar.makeup_days)
        if calendar.holidays:
            self.holidays.date_edit.setDate(_qdate(max(calendar.holidays)))
        for (priority, step), edit in self.durations.items():
            edit.set_total_minutes(policy.minutes_for(priority, step))
        for box in self.fields.values():
            box.set_error(None)
        self.error_banner.hide()

    def collect(self) -> tuple[OfficeCalendar, SlaPolicy]:
        lunch = self.lunch_box.isChecked()
        calendar = OfficeCalendar(
            timezone=self.zone.currentText().strip(),
            work_start=_time(self.work_start.time()),
            work_end=_time(self.work_end.time()),
            lunch_start=_time(self.lunch_start.time()) if lunch else None,
            lunch_end=_time(self.lunch_end.time()) if lunch else None,
            workdays=frozenset(i for i, box in enumerate(self.day_boxes) if box.isChecked()),
            holidays=self.holidays.dates(),
            makeup_days=self.makeup.dates(),
        )
        policy = SlaPolicy({key: edit.total_minutes() for key, edit in self.durations.items()})
        return calendar, policy

    def restore_defaults(self) -> None:
        self.fill(default_calendar(), SlaPolicy.default())
        self.ctx.bus.status_message_requested.emit(
            self.tr("The standard settings are filled in; press Save to keep them.")
        )

    def save(self) -> None:
        if self._saving or not self.save_button.isEnabled():
            return
        self.error_banner.hide()
        calendar, policy = self.collect()
        try:
            # Cheap and pure: say what is wrong at once, next to the field.
            settings_service.validate_calendar(calendar)
            settings_service.validate_policy(policy)
        except ValidationError as exc:
            self._failed(exc)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        db = self.ctx.db
        self.ctx.tasks.submit(
            lambda: settings_service.save_service_settings(db, calendar, policy),
            guarded(self, self._saved),
            guarded(self, self._failed),
            write=True,
        )

    def _saved(self, changes: ChangeSet) -> None:
        self._saving = False
        self.ctx.bus.data_changed.emit(changes, self)
        self.ctx.bus.status_message_requested.emit(self.tr("Service desk settings saved."))
        self.settings_saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(exc, CrmError):
            self.ctx.tasks.default_error_handler(exc)
            return
        self.error_banner.show_text(html.escape(error_text(exc)))
        if isinstance(exc, ValidationError):
            for key, message in exc.field_errors.items():
                if key in self.fields:
                    self.fields[key].set_error(field_text(message))
                    self.tabs.setCurrentIndex(0)
                    self.fields[key].setFocus()
                elif "/" in key:
                    priority, _, step = key.partition("/")
                    edit = self.durations.get((priority, SlaStep(step)))
                    if edit is not None:
                        edit.set_error(True)
                        self.tabs.setCurrentIndex(1)
                        edit.setFocus()
