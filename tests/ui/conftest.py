"""Helpers for GUI tests: typing Vietnamese text the way an input method does, the main window over an office."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from isodesk.services.context import AppContext
from isodesk.ui import ops
from isodesk.ui.language import LanguageManager
from isodesk.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_warning_left_open() -> Iterator[None]:
    """A dossier received through the GUI on a day the office is closed (a test run on a weekend) shows what to
    check once it is saved; the box is closed after the test, so that a later test looking for its own message box
    does not find this one."""
    yield
    if QApplication.instance() is not None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "warningBox" and widget.isVisible():
                widget.close()


@pytest.fixture(autouse=True)
def _screen_settings_apart(tmp_path_factory: pytest.TempPathFactory) -> None:
    """What a person set on the screen (column widths) is kept per test, never in the tester's own settings."""
    folder = tmp_path_factory.mktemp("screen")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def type_text(widget: QLineEdit, text: str) -> None:
    """Type ``text`` as a Vietnamese input method (Unikey, EVKey) commits it.

    ``qtbot.keyClicks`` cannot send letters such as "ễ" or "Đ" (it aborts the process), so the text is
    committed through an input-method event, which is how those letters really arrive.
    """
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@contextmanager
def shown_window(qtbot: Any, office: AppContext, data_dir: Path) -> Iterator[MainWindow]:
    """The main window in Vietnamese over ``office``, shown with its first page loaded.

    On leaving, it waits for background work, closes a context the window opened itself (after a restore) and
    puts the language back to Vietnamese.
    """
    languages = LanguageManager(QApplication.instance())
    languages.apply("vi")
    win = MainWindow(languages, data_dir)
    qtbot.addWidget(win)
    win.show()
    win.set_context(office, "Phường Mỹ Tho")
    qtbot.waitUntil(lambda: "overview" in win.pages, timeout=10000)  # the first page comes after the first paint
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    yield win
    qtbot.waitUntil(lambda: not ops.busy(), timeout=15000)
    if win.ctx is not None and win.ctx is not office:
        win.ctx.close()
    languages.apply("vi")
