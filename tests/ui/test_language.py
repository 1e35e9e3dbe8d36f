"""Qt's own texts (context menus, message box buttons) follow the chosen language too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from isodesk.ui.language import LanguageManager
from isodesk.ui.messages import show_error


def test_qt_texts_are_vietnamese_in_vietnamese_and_english_in_english(qtbot) -> None:
    languages = LanguageManager(QApplication.instance())
    try:
        languages.apply("vi")
        assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Sao chép"
        box = show_error(None, RuntimeError("disk on fire"))
        qtbot.addWidget(box)
        details = [b.text() for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]
        assert details == ["Xem chi tiết…"]
        box.close()

        languages.apply("en")
        assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Copy"
    finally:
        languages.apply("vi")
        languages.deleteLater()
