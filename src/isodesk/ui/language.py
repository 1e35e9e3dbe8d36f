"""Switching the language of the whole window at run time.

Our own texts come from the gettext catalogs (:mod:`isodesk.i18n`); Qt's own (context menus, message
box and wizard buttons) from Qt's translation files where Qt ships one for the language, else from ours in
``translations/qt/`` (Qt ships no ``qtbase_vi``). Every widget that shows text connects its
``retranslate`` to :attr:`LanguageManager.changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from isodesk.i18n import current_language, set_language
from isodesk.resources_path import translations_path

#: Ours, for the languages Qt ships none for (compiled from ``translations/qt/qtbase_vi.ts``).
BUNDLED = translations_path("qt")


class LanguageManager(QObject):
    changed = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        # One translator for Qt's texts per application, however many managers exist (tests make several).
        existing = app.findChild(QTranslator, "isodeskQtTranslator")
        if existing is None:
            existing = QTranslator(app)
            existing.setObjectName("isodeskQtTranslator")
        self._qt = existing

    def apply(self, lang: str) -> None:
        set_language(lang)
        QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_GB"))
        for window in self._app.topLevelWidgets():
            window.setLocale(QLocale())  # month and day names of calendars and date fields already on screen
        self._app.removeTranslator(self._qt)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for folder in (qt_folder, str(BUNDLED)):
            if self._qt.load(f"qtbase_{lang}", folder):
                self._app.installTranslator(self._qt)
                break
        self.changed.emit(lang)

    @property
    def language(self) -> str:
        return current_language()
