"""Helpers for GUI tests: typing Vietnamese text the way an input method does."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit


def type_text(widget: QLineEdit, text: str) -> None:
    """Type ``text`` as a Vietnamese input method (Unikey, EVKey) commits it.

    ``qtbot.keyClicks`` cannot send letters such as "ễ" or "Đ" (it aborts the process), so the text is
    committed through an input-method event, which is how those letters really arrive.
    """
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
