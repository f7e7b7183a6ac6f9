"""Settings → Service desk & SLA: office hours, holidays, 调休 and SLA times are edited, saved,
refused with a sentence when they make no sense, and shown again when the dialog reopens."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog

from crmdesk.qt.settings import Settings
from crmdesk.services import service_settings as ss
from crmdesk.services.business_time import SlaStep, default_calendar
from crmdesk.views.date_list_editor import PasteDatesDialog
from crmdesk.views.service_settings_dialog import ServiceSettingsDialog


def open_dialog(ctx, qtbot) -> ServiceSettingsDialog:
    dialog = ServiceSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    return dialog


def listed(editor) -> list[str]:
    return [editor.list.item(i).text().split()[0] for i in range(editor.list.count())]


def save(dialog, qtbot) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_new_office_sees_the_standard_settings(app_context, qtbot) -> None:
    dialog = open_dialog(app_context, qtbot)
    assert dialog.zone.currentText() == "Asia/Shanghai"
    assert dialog.work_start.time() == QTime(9, 0) and dialog.work_end.time() == QTime(18, 0)
    assert dialog.lunch_box.isChecked() and dialog.lunch_start.time() == QTime(12, 0)
    assert [b.isChecked() for b in dialog.day_boxes] == [True] * 5 + [False] * 2
    assert "2026-10-01" in listed(dialog.holidays)
    assert "2026-10-10" in listed(dialog.makeup)
    solution = dialog.durations[("normal", SlaStep.SOLUTION)]
    assert (solution.hours.value(), solution.minutes.value()) == (4, 0)
    revisit = dialog.durations[("urgent", SlaStep.REVISIT)]
    assert (revisit.hours.value(), revisit.minutes.value()) == (8, 0)
    # The SLA page says what the clock counts.
    page_text = " ".join(
        label.text()
        for label in dialog.tabs.widget(1).findChildren(type(dialog.error_banner.label))
    )
    assert "working time" in page_text and "waits for the customer" in page_text


def test_edits_are_saved_and_shown_when_the_dialog_reopens(app_context, qtbot) -> None:
    dialog = open_dialog(app_context, qtbot)
    dialog.work_end.setTime(QTime(17, 30))
    dialog.lunch_box.setChecked(False)
    dialog.day_boxes[5].setChecked(True)  # Saturdays too
    dialog.holidays.date_edit.setDate(QDate(2026, 12, 24))
    qtbot.mouseClick(dialog.holidays.add_button, Qt.MouseButton.LeftButton)
    dialog.makeup.list.setCurrentRow(0)  # 2026-01-04
    qtbot.mouseClick(dialog.makeup.remove_button, Qt.MouseButton.LeftButton)
    urgent = dialog.durations[("urgent", SlaStep.SOLUTION)]
    urgent.hours.setValue(1)
    urgent.minutes.setValue(30)
    with qtbot.waitSignal(app_context.bus.data_changed, timeout=5000):
        save(dialog, qtbot)

    again = open_dialog(app_context, qtbot)
    assert again.work_end.time() == QTime(17, 30)
    assert not again.lunch_box.isChecked() and not again.lunch_start.isEnabled()
    assert again.day_boxes[5].isChecked() and not again.day_boxes[6].isChecked()
    assert "2026-12-24" in listed(again.holidays)
    assert "2026-01-04" not in listed(again.makeup)
    urgent = again.durations[("urgent", SlaStep.SOLUTION)]
    assert (urgent.hours.value(), urgent.minutes.value()) == (1, 30)
    normal = again.durations[("normal", SlaStep.SOLUTION)]
    assert (normal.hours.value(), normal.minutes.value()) == (4, 0)
    # The services see the same: new deadlines use the saved settings.
    assert ss.load_policy(app_context.db).minutes_for("urgent", SlaStep.SOLUTION) == 90
    assert ss.load_calendar(app_context.db).lunch_start is None


def test_a_working_day_that_ends_before_it_starts_is_refused_with_a_sentence(
    app_context, qtbot
) -> None:
    dialog = open_dialog(app_context, qtbot)
    dialog.tabs.setCurrentIndex(1)
    dialog.work_start.setTime(QTime(18, 0))
    dialog.work_end.setTime(QTime(9, 0))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_banner.isVisible()
    assert "The working day must end after it starts." in dialog.error_banner.text()
    assert dialog.fields["work_end"].error  # said next to the hours too
    assert dialog.tabs.currentIndex() == 0  # and the tab with the mistake is shown
    # Fixing it clears the field's sentence.
    dialog.work_end.setTime(QTime(19, 0))
    assert not dialog.fields["work_end"].error
    assert ss.load_calendar(app_context.db) == default_calendar()


def test_an_sla_time_of_zero_is_refused_at_its_cell(app_context, qtbot) -> None:
    dialog = open_dialog(app_context, qtbot)
    cell = dialog.durations[("high", SlaStep.ASSIGN)]
    cell.hours.setValue(0)
    cell.minutes.setValue(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Every SLA time must be at least one minute." in dialog.error_banner.text()
    assert dialog.tabs.currentIndex() == 1
    assert "border" in cell.styleSheet()
    cell.minutes.setValue(5)
    assert cell.styleSheet() == ""


def test_restore_defaults_fills_in_the_standard_settings(app_context, qtbot) -> None:
    dialog = open_dialog(app_context, qtbot)
    dialog.zone.setCurrentText("Europe/Berlin")
    dialog.work_start.setTime(QTime(7, 0))
    dialog.durations[("low", SlaStep.RESOLVE)].hours.setValue(99)
    dialog.holidays.set_dates(set())
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.zone.currentText() == "Asia/Shanghai"
    assert dialog.work_start.time() == QTime(9, 0)
    assert dialog.durations[("low", SlaStep.RESOLVE)].hours.value() == 24
    assert "2026-02-17" in listed(dialog.holidays)


def test_a_pasted_list_of_holidays_is_added(app_context, qtbot) -> None:
    dialog = open_dialog(app_context, qtbot)
    dialog.holidays.set_dates(set())
    dialog.holidays.paste_list()
    paste = dialog.holidays.paste_dialog
    assert paste.isVisible()  # opened window-modal, without blocking
    paste.text.setPlainText("2027-02-06 ~ 2027-02-08\nnot a date")
    paste.accept()
    assert paste.error_banner.isVisible()
    assert "'not' is not a date" in html.unescape(paste.error_banner.text())
    assert listed(dialog.holidays) == []
    paste.text.setPlainText("2027-02-06 ~ 2027-02-08\n2027年1月1日（周五）")
    paste.accept()
    assert listed(dialog.holidays) == ["2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08"]
    assert not paste.isVisible()


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_dates_load_from_a_text_file(app_context, qtbot, tmp_path, encoding) -> None:
    path = tmp_path / "holidays.txt"
    path.write_bytes("2026年12月24日\n2026-12-25\n".encode(encoding))
    paste = PasteDatesDialog("Add holidays")
    qtbot.addWidget(paste)
    paste.load_path(path)
    paste.accept()
    assert paste.dates == [dt.date(2026, 12, 24), dt.date(2026, 12, 25)]


def test_the_settings_menu_opens_the_dialog(app_context, qtbot) -> None:
    from crmdesk.app import build_main_window

    window = build_main_window(app_context, Settings())
    qtbot.addWidget(window)
    action = window.service_settings_action
    assert action in window.menus["settings"].actions()
    assert action.text().replace("&&", "&") == "Service desk & SLA…"
    action.trigger()
    dialog = window.service_settings_dialog
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert dialog.isVisible()
    dialog.reject()
