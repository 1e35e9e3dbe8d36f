"""Starting the GUI.

The window paints before anything heavy is loaded (start-up budget: 1.5x a bare Qt window): only Qt and
the standard-library probe of :mod:`isodesk.services.startup` run first; the database is opened (and
migrated if needed, after a backup) off the GUI thread once the window is on screen.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from isodesk.services.startup import StartupState, probe
from isodesk.ui.fonts import install_ui_font
from isodesk.ui.language import LanguageManager
from isodesk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.ui.wizard import SetupWizard


STYLE = """
QLabel#pageTitle { font-size: 16pt; font-weight: 600; padding-bottom: 6px; }
QLabel#comingNote { color: #555; font-style: italic; }
QLabel#wizardProblem { color: #b00020; }
QListWidget#navigation { font-size: 11pt; }
QListWidget#navigation::item { padding: 6px 4px; }
"""


class Controller(QObject):
    """Chooses between the first-run wizard and the main window, and hands the open office around."""

    def __init__(self, app: QApplication, languages: LanguageManager, state: StartupState) -> None:
        super().__init__(app)
        self.languages = languages
        self.state = state
        self.window = MainWindow(languages, state.data_dir, state.unit_name)
        self.wizard: SetupWizard | None = None
        self.ctx: AppContext | None = None

    def start(self) -> None:
        if self.state.initialised:
            self.window.first_painted.connect(self._open_after_paint)
            self.window.show()
        else:
            from isodesk.ui.wizard import SetupWizard

            self.wizard = SetupWizard(self.state.data_dir)
            self.wizard.completed.connect(self._wizard_done)
            self.languages.changed.connect(self.wizard.retranslate)
            self.wizard.show()

    def _open_after_paint(self) -> None:
        from isodesk.ui.messages import show_error
        from isodesk.ui.ops import run_in_background

        data_dir = self.state.data_dir

        def open_office() -> tuple[AppContext, str]:
            from isodesk.services.context import open_context
            from isodesk.services.office import get_profile

            ctx = open_context(data_dir)
            return ctx, get_profile(ctx).unit_name

        def failed(exc: BaseException) -> None:
            from isodesk.i18n import _

            self.window.office_label.setText(_("The data could not be opened: see the message."))
            show_error(self.window, exc)

        run_in_background(open_office, self._opened, failed)

    def _opened(self, result: tuple[AppContext, str]) -> None:
        self.ctx, unit_name = result
        self.window.open_office(self.ctx, unit_name)  # asks who is at the PC before showing any data

    def _wizard_done(self, ctx: AppContext, unit_name: str) -> None:
        self.ctx = ctx
        self.window.show()
        self.window.set_context(ctx, unit_name)


def run_gui(data_dir: str | None = None, lang: str | None = None) -> int:
    state = probe(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("isodesk")
    app.setApplicationDisplayName("isodesk")
    install_ui_font(app)
    app.setStyleSheet(STYLE)
    languages = LanguageManager(app)
    languages.apply(lang or state.language)
    controller = Controller(app, languages, state)
    controller.start()
    code = app.exec()
    # A save still running when the window closes finishes its transaction before the database is closed.
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)
    ctx = controller.ctx or (controller.wizard.ctx if controller.wizard is not None else None)
    if ctx is not None:  # also when the wizard was cancelled after it opened the database
        ctx.close()
    return code
