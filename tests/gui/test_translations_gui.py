"""In 简体中文 the main window speaks Chinese; afterwards the app speaks English again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from crmdesk.app import build_main_window
from crmdesk.qt import i18n
from crmdesk.qt.labels import label
from crmdesk.qt.settings import Settings


@pytest.fixture
def restore_english(qapp) -> Iterator[None]:  # noqa: ANN001
    """Whatever a test installs, later tests run in English with the locale they had."""
    default = QLocale()
    yield
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(default)


@pytest.fixture
def chinese(qapp, restore_english) -> list[str]:  # noqa: ANN001
    return i18n.install_translators(qapp, "zh_CN")


def test_main_window_in_chinese(chinese: list[str], app_context, qtbot) -> None:  # noqa: ANN001
    assert any(path.endswith("crmdesk_zh_CN.qm") for path in chinese)
    window = build_main_window(app_context, Settings())
    qtbot.addWidget(window)
    assert "文件" in window.menus["file"].title()
    assert window.menus["help"].title() == "帮助(&H)"
    assert label("stage", "at_risk") == "流失预警客户"
    assert label("tier", "A") == "A类客户"
    assert QCoreApplication.translate("TicketsTab", "%n tickets", "", 3) == "共 3 个工单"


def test_english_again_after_switching_back(qapp, restore_english, app_context, qtbot) -> None:  # noqa: ANN001
    i18n.install_translators(qapp, "zh_CN")
    i18n.install_translators(qapp, "en")
    window = build_main_window(app_context, Settings())
    qtbot.addWidget(window)
    assert window.menus["file"].title() == "&File"
    assert label("stage", "at_risk") == "Churn risk"
    # The English file gives plurals their singular form.
    assert QCoreApplication.translate("TicketsTab", "%n tickets", "", 1) == "1 ticket"
    assert QCoreApplication.translate("TicketsTab", "%n tickets", "", 2) == "2 tickets"
