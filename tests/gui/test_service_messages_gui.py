"""Sentences from the service layer reach the screen in the user's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt

from crmdesk.errors import NotFoundError, StaleEditError, ValidationError
from crmdesk.qt import i18n
from crmdesk.qt.service_text import error_text, field_text
from crmdesk.services import contacts as contact_service
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput
from crmdesk.views.contact_form import ContactFormDialog
from crmdesk.views.customer_form import CustomerFormDialog


@pytest.fixture
def chinese(qapp) -> Iterator[None]:  # noqa: ANN001
    """zh_CN for the test; later tests run in English with the locale they had."""
    default = QLocale()
    assert any(p.endswith("crmdesk_zh_CN.qm") for p in i18n.install_translators(qapp, "zh_CN"))
    yield
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(default)


def _service_error(fn) -> Exception:  # noqa: ANN001
    with pytest.raises(Exception) as info:
        fn()
    return info.value


def test_service_errors_in_chinese(chinese: None, app_context) -> None:  # noqa: ANN001
    assert error_text(NotFoundError("This customer no longer exists.")) == "该客户已不存在。"
    db = app_context.db
    cid, _ = cs.create_customer(db, CustomerInput(name="杭州云栖科技有限公司"))
    stale = _service_error(
        lambda: cs.update_customer(db, cid, 999, CustomerInput(name="杭州云栖科技有限公司"))
    )
    assert isinstance(stale, StaleEditError)
    assert "杭州云栖科技有限公司" in str(stale) and "changed by someone else" in str(stale)
    text = error_text(stale)
    assert text.startswith("您打开“杭州云栖科技有限公司”后")
    assert "changed" not in text
    bad = _service_error(
        lambda: contact_service.validate_contact(ContactInput(name="陈静", email="chen@"))
    )
    assert isinstance(bad, ValidationError)
    assert field_text(bad.field_errors["email"]) == "这不是邮箱地址（例如 name@example.com）。"


def test_unknown_sentences_and_english_stay_as_they_are(qapp, app_context) -> None:  # noqa: ANN001
    # The view layer may raise an already translated sentence; it is shown unchanged.
    assert error_text(NotFoundError("这个联系人已不存在。")) == "这个联系人已不存在。"
    assert error_text(ValueError("boom")) == "boom"
    exc = StaleEditError(
        "{name} was changed by someone else after you opened it; nothing was saved.", name="陈静"
    )
    assert error_text(exc) == str(exc)


def test_customer_form_speaks_chinese(chinese: None, qtbot, app_context) -> None:  # noqa: ANN001
    db = app_context.db
    cid, _ = cs.create_customer(db, CustomerInput(name="宁波海曙贸易有限公司"))
    dialog = CustomerFormDialog(app_context, None, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    # The customer is erased for good while the form is open: the service's refusal is Chinese.
    cs.delete_customers(db, [cid])
    cs.erase_customers(db, [cid])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    app_context.tasks.wait_idle()
    qtbot.waitUntil(lambda: dialog.error_banner.isVisible())
    assert dialog.error_banner.text() == "该客户已被永久删除。"

    new = CustomerFormDialog(app_context, None)
    qtbot.addWidget(new)
    new.show()
    qtbot.waitUntil(lambda: new.save_button.isEnabled())
    new.name.setText("温州瓯海眼镜厂")
    new.contact_edits["email"].setText("chen@")
    qtbot.mouseClick(new.save_button, Qt.MouseButton.LeftButton)
    email_error = new.contact_fields["email"].error
    assert email_error and "邮箱" in email_error and "email" not in email_error.lower()


def test_contact_form_shows_service_field_errors_in_chinese(
    chinese: None,
    qtbot,
    app_context,  # noqa: ANN001
) -> None:
    db = app_context.db
    cid, _ = cs.create_customer(db, CustomerInput(name="宁波海曙贸易有限公司"))
    dialog = ContactFormDialog(app_context, None, cid)
    qtbot.addWidget(dialog)
    # What the dialog does when the service refuses the save.
    refusal = _service_error(
        lambda: contact_service.add_contact(db, cid, ContactInput(name="", phone="12"))
    )
    dialog._failed(refusal)
    assert dialog.fields["name"].error == "联系人需要填写姓名。"
    assert dialog.fields["phone"].error == "这不是电话号码。"
    missing = _service_error(lambda: contact_service.set_contact_deleted(db, 99999, True))
    dialog._failed(missing)
    assert dialog.error_banner.text() == "该联系人已不存在。"
