"""The user's preferences: window layout, the customer table's columns, the language.

QSettings is only touched on the GUI thread. ``CRMDESK_SETTINGS_DIR`` sends everything to an INI
file in that folder, so tests (and a portable install) never touch the real settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

from crmdesk import APP_NAME, ORG_NAME

WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
LANGUAGE = "general/language"


class Settings:
    def __init__(self) -> None:
        folder = os.environ.get("CRMDESK_SETTINGS_DIR")
        if folder:
            os.makedirs(folder, exist_ok=True)
            QSettings.setPath(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.path.abspath(folder)
            )
            self._q = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME
            )
        else:
            self._q = QSettings(ORG_NAME, APP_NAME)

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    def value(self, key: str, default: object = None) -> object:
        return self._q.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self._q.setValue(key, value)

    def remove(self, key: str) -> None:
        self._q.remove(key)

    def sync(self) -> None:
        self._q.sync()

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self._q.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None

    # the language -------------------------------------------------------------------------

    @property
    def language(self) -> str | None:
        value = self._q.value(LANGUAGE)
        return str(value) if value else None

    @language.setter
    def language(self, code: str | None) -> None:
        if code:
            self._q.setValue(LANGUAGE, code)
        else:
            self._q.remove(LANGUAGE)

    # the main window ----------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        return self.bytes_value(WINDOW_GEOMETRY)

    def window_state(self) -> QByteArray | None:
        return self.bytes_value(WINDOW_STATE)

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._q.setValue(WINDOW_GEOMETRY, geometry)
        self._q.setValue(WINDOW_STATE, state)

    # table headers (column order, widths, hidden columns, sort) ---------------------------

    def header_state(self, table: str) -> QByteArray | None:
        return self.bytes_value(f"tables/{table}/header")

    def save_header_state(self, table: str, state: QByteArray) -> None:
        self._q.setValue(f"tables/{table}/header", state)
