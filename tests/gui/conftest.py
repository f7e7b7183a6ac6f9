"""Fixtures for the screens' tests: the app's language."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale

from crmdesk.qt import i18n


@pytest.fixture
def language(qapp) -> Iterator[Callable[[str], list[str]]]:  # noqa: ANN001
    """Switch the language as the app does at start (crmdesk's and Qt's translations, the
    locale); afterwards the app speaks English again, with the locale the test had."""
    default = QLocale()
    yield lambda lang: i18n.install_translators(qapp, lang)
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(default)


@pytest.fixture
def english(language: Callable[[str], list[str]]) -> list[str]:
    """English as the app loads it. English is the source language: its file adds the plural
    forms, so a count of one reads "1 customer", not "1 customers". Numbers and dates as an
    English desktop shows them, whatever this machine's locale is."""
    loaded = language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return loaded
