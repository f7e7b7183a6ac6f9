"""Creating and editing customers through the form, as a user would."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.views.customer_form import CustomerFormDialog
from tests.gui.typing import type_text


@pytest.fixture
def open_form(qtbot, app_context):  # noqa: ANN001, ANN201
    def make(customer_id: int | None = None) -> CustomerFormDialog:
        dialog = CustomerFormDialog(app_context, None, customer_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
        return dialog

    return make


def _save(qtbot, ctx, dialog: CustomerFormDialog) -> None:  # noqa: ANN001
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()


def test_create_customer_with_first_contact(qtbot, app_context, open_form):  # noqa: ANN001
    dialog = open_form()
    saved: list[int] = []
    dialog.customer_saved.connect(saved.append)
    type_text(qtbot, dialog.name, "杭州云栖科技有限公司")
    type_text(qtbot, dialog.text_edits["city"], "杭州")
    type_text(qtbot, dialog.revenue, "1,200,000")
    type_text(qtbot, dialog.contact_edits["name"], "陈静")
    type_text(qtbot, dialog.contact_edits["phone"], "139 0571 0000")
    type_text(qtbot, dialog.contact_edits["email"], "chenjing@yunqi.cn")
    _save(qtbot, app_context, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    rows = cs.list_customers(app_context.db, CustomerQuery(text="云栖"))
    assert [r.name for r in rows] == ["杭州云栖科技有限公司"]
    assert rows[0].city == "杭州"
    assert rows[0].contact_name == "陈静"
    assert rows[0].phone == "139 0571 0000"
    assert saved == [rows[0].id]
    assert rows[0].annual_revenue == 1_200_000
    # The creation can be undone: the customer goes to the trash.
    app_context.undo.undo()
    app_context.tasks.wait_idle()
    assert cs.list_customers(app_context.db, CustomerQuery(text="云栖")) == []


def test_invalid_email_is_shown_next_to_the_field_and_nothing_is_saved(
    qtbot, app_context, open_form
):  # noqa: ANN001
    dialog = open_form()
    type_text(qtbot, dialog.name, "成都天府软件有限公司")
    type_text(qtbot, dialog.contact_edits["name"], "刘洋")
    type_text(qtbot, dialog.contact_edits["email"], "liuyang@tianfu")
    email_box = dialog.contact_fields["email"]
    qtbot.waitUntil(lambda: email_box.error_label.isVisible())  # while typing
    assert "email" in email_box.error.lower()
    _save(qtbot, app_context, dialog)
    assert dialog.isVisible()
    assert email_box.error_label.isVisible()
    assert cs.list_customers(app_context.db, CustomerQuery()) == []
    # Fixing it clears the message at once.
    type_text(qtbot, dialog.contact_edits["email"], ".cn")
    assert not email_box.error_label.isVisible()


def test_missing_name_is_marked_on_save(qtbot, app_context, open_form):  # noqa: ANN001
    dialog = open_form()
    _save(qtbot, app_context, dialog)
    assert dialog.isVisible()
    assert dialog.fields["name"].error_label.isVisible()
    assert dialog.error_banner.isVisible()


def test_duplicate_banner_appears_while_typing_a_known_phone(qtbot, app_context, open_form):  # noqa: ANN001
    db = app_context.db
    cs.create_customer(
        db, CustomerInput(name="华为技术有限公司"), [ContactInput(name="王芳", phone="13812345678")]
    )
    dialog = open_form()
    type_text(qtbot, dialog.name, "深圳某某贸易")
    type_text(qtbot, dialog.contact_edits["name"], "王芳")
    type_text(qtbot, dialog.contact_edits["phone"], "+86 138-1234-5678")
    qtbot.waitUntil(lambda: dialog.duplicate_banner.isVisible(), timeout=3000)
    text = dialog.duplicate_banner.text()
    assert "华为技术有限公司" in text and "C000001" in text and "13812345678" in text
    # A namesake is still allowed: the banner warns, Save works.
    _save(qtbot, app_context, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(cs.list_customers(db, CustomerQuery())) == 2


def test_open_it_link_asks_to_open_the_existing_customer(qtbot, app_context, open_form):  # noqa: ANN001
    cid, _ = cs.create_customer(app_context.db, CustomerInput(name="字节跳动科技(北京)有限公司"))
    dialog = open_form()
    type_text(qtbot, dialog.name, "字节跳动科技")
    qtbot.waitUntil(lambda: dialog.duplicate_banner.isVisible(), timeout=3000)
    with qtbot.waitSignal(app_context.bus.open_customer_requested) as blocker:
        dialog.duplicate_banner.label.linkActivated.emit(f"open:{cid}")
    assert blocker.args == [cid]
    assert not dialog.isVisible()


def test_edit_then_undo_restores_the_old_value(qtbot, app_context, open_form):  # noqa: ANN001
    db = app_context.db
    cid, _ = cs.create_customer(db, CustomerInput(name="上海宝信软件", city="上海"))
    dialog = open_form(cid)
    assert dialog.name.text() == "上海宝信软件"
    dialog.text_edits["city"].clear()
    type_text(qtbot, dialog.text_edits["city"], "苏州")
    with qtbot.waitSignal(app_context.bus.data_changed):
        _save(qtbot, app_context, dialog)
    assert cs.get_customer(db, cid).city == "苏州"
    app_context.undo.undo()
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: cs.get_customer(db, cid).city == "上海")
    app_context.undo.redo()
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: cs.get_customer(db, cid).city == "苏州")


def test_stale_edit_is_refused_and_nothing_is_overwritten(qtbot, app_context, open_form):  # noqa: ANN001
    db = app_context.db
    cid, _ = cs.create_customer(db, CustomerInput(name="广州视源电子", industry="电子"))
    dialog = open_form(cid)
    # A colleague saves the record while the form is open.
    current = cs.get_customer(db, cid)
    cs.update_customer(db, cid, current.version, replace(current.to_input(), industry="教育"))
    dialog.text_edits["industry"].clear()
    type_text(qtbot, dialog.text_edits["industry"], "显示器")
    _save(qtbot, app_context, dialog)
    qtbot.waitUntil(lambda: dialog.error_banner.isVisible())
    assert "someone else" in dialog.error_banner.text().lower()
    assert dialog.isVisible()
    assert cs.get_customer(db, cid).industry == "教育"


def test_ctrl_return_saves(qtbot, app_context, open_form):  # noqa: ANN001
    dialog = open_form()
    type_text(qtbot, dialog.name, "南京快捷键测试公司")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [r.name for r in cs.list_customers(app_context.db, CustomerQuery())] == [
        "南京快捷键测试公司"
    ]


def test_dialog_fits_a_small_laptop_screen(open_form):  # noqa: ANN001
    dialog = open_form()
    assert dialog.width() <= 1366 and dialog.height() <= 700


def test_custom_fields_are_edited_in_the_form(qtbot, app_context, open_form):  # noqa: ANN001
    from crmdesk.services import custom_fields as cf

    size_id, _ = cf.define_field(app_context.db, "员工规模", "number")
    dialog = open_form()
    editor = dialog._custom_editors[size_id]
    type_text(qtbot, dialog.name, "西安交大软件")
    type_text(qtbot, editor, "12o")
    _save(qtbot, app_context, dialog)
    assert dialog.fields[f"custom:{size_id}"].error_label.isVisible()
    editor.clear()
    type_text(qtbot, editor, "1,200")
    _save(qtbot, app_context, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (row,) = cs.list_customers(app_context.db, CustomerQuery())
    (field,) = cs.get_customer(app_context.db, row.id).custom_fields
    assert field.label == "员工规模" and field.value is not None and float(field.value) == 1200
