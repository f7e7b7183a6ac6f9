"""Which language crmdesk speaks, and loading its translations and Qt's own.

Order of precedence: ``--lang`` on the command line, then the language chosen in Settings, then
the system locale (any Chinese locale → 简体中文, anything else → English).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crmdesk.paths import resource_path
from crmdesk.qt.settings import Settings

log = logging.getLogger(__name__)

LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh_CN", "简体中文"))

# Installed translators must outlive the call that installed them.
_installed: list[QTranslator] = []


def available_languages() -> list[tuple[str, str]]:
    """(code, name in its own language) of every language crmdesk ships."""
    return list(LANGUAGES)


def normalize(code: str | None) -> str | None:
    """'zh', 'zh-CN', 'zh_Hans_CN' → 'zh_CN'; 'en_US' → 'en'; unknown → None."""
    if not code:
        return None
    text = code.strip().replace("-", "_")
    if text.lower().startswith("zh"):
        return "zh_CN"
    if text.lower().startswith("en"):
        return "en"
    return None


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def choose_language(explicit: str | None = None, settings: Settings | None = None) -> str:
    """The language to run in: explicit choice > saved setting > system locale."""
    for candidate in (explicit, settings.language if settings is not None else None):
        code = normalize(candidate)
        if code:
            return code
    return system_language()


def install_translators(app: QCoreApplication, lang: str) -> list[str]:
    """Load crmdesk's and Qt's translations for ``lang``; returns the files that were loaded.

    English is the source language: its file only adds plural forms ("1 ticket", "2 tickets").
    A missing file is not an error, the strings then stay in English.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _set_locale(lang)
    loaded = []
    own = resource_path("i18n", f"crmdesk_{lang}.qm")
    if _load(app, f"crmdesk_{lang}", str(own.parent)):
        loaded.append(str(own))
    else:
        log.info("no crmdesk translation for %s at %s", lang, own)
    if lang == "en":
        return loaded
    # Qt's dialogs (buttons, file dialogs): some builds ship qtbase_*, others only qt_*.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in (f"qtbase_{lang}", f"qt_{lang}"):
        if _load(app, name, qt_dir):
            loaded.append(f"{qt_dir}/{name}.qm")
            break
    return loaded


def _load(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def _set_locale(lang: str) -> None:
    """Numbers and dates follow the chosen language unless the system already agrees with it."""
    system = QLocale.system()
    if system.language() == QLocale.Language.C:
        # No locale configured (a bare container, a CI box): read numbers the common way.
        system = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    if lang == "zh_CN" and system.language() != QLocale.Language.Chinese:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    elif lang == "en" and system.language() == QLocale.Language.Chinese:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(system)
