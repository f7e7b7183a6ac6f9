"""Typing into widgets as a user does."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent


def type_text(qtbot, widget, text: str) -> None:  # noqa: ANN001
    """Latin characters as key presses, Chinese through the input method (which commits each
    character, as Pinyin input does; QTest cannot press CJK keys)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QCoreApplication.sendEvent(widget, event)
