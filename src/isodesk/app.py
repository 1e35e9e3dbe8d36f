"""Starting the GUI.

The window paints before anything heavy is loaded (start-up budget: 1.5x a bare Qt window): only Qt and
the standard-library probe of :mod:`isodesk.services.safety.startup` run first; the database is opened (and
migrated if needed, after a backup) off the GUI thread once the window is on screen. Then, still in the
background, the file's integrity and the PC's clock are checked and the day's backup is made
(:func:`isodesk.services.safety.health.after_open`); a damaged file brings the offer to restore the newest good backup.

One copy of the program per data folder: the first holds the folder's lock (:mod:`isodesk.db.lock`), taken
just after the first paint and before the data is opened (before the wizard on an empty folder), and listens on
a local socket named after the folder; a second one finds the lock taken, asks the first (through the socket)
to come to the front, says so, and exits.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from isodesk.services.safety.startup import StartupState, probe
from isodesk.ui.fonts import install_ui_font
from isodesk.ui.language import LanguageManager
from isodesk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.ui.office.wizard import SetupWizard


STYLE = """
QLabel#pageTitle { font-size: 16pt; font-weight: 600; padding-bottom: 6px; }
QLabel#comingNote { color: #555; font-style: italic; }
QLabel#wizardProblem { color: #b00020; }
QLabel#statusClock { color: #b00020; font-weight: 600; }
QListWidget#navigation { font-size: 11pt; }
QListWidget#navigation::item { padding: 6px 4px; }
"""


class Controller(QObject):
    """Chooses between the first-run wizard and the main window, and hands the open office around."""

    def __init__(
        self, app: QApplication, languages: LanguageManager, state: StartupState, instance: SingleInstance
    ) -> None:
        super().__init__(app)
        self.languages = languages
        self.state = state
        self.instance = instance
        self.refused = False  # another copy holds the data folder
        self.window = MainWindow(languages, state.data_dir, state.unit_name)
        self.wizard: SetupWizard | None = None
        self.ctx: AppContext | None = None
        self.window.context_changed.connect(self._context_changed)

    def start(self) -> bool:
        """Show the main window, or the wizard on an empty folder; False when another copy holds the folder."""
        self.instance.window = self.window
        if self.state.initialised:
            # Deferred: the lock is taken once the painted frame is on screen, not inside the paint event.
            self.window.first_painted.connect(lambda: QTimer.singleShot(0, self._claim_then_open))
            self.window.show()
            return True
        if not self.instance.acquire():
            return False
        from isodesk.ui.office.wizard import SetupWizard

        self.wizard = SetupWizard(self.state.data_dir)
        self.wizard.completed.connect(self._wizard_done)
        self.languages.changed.connect(self.wizard.retranslate)
        self.wizard.show()
        return True

    def _claim_then_open(self) -> None:
        """Take the data folder's lock just after the first paint, before anything reads or writes the data.

        Taking it loads the lock library and Qt's network module (tens of milliseconds on an old PC), which the
        start-up budget cannot spend before the window is on screen. A second copy closes its window, brings the
        first forward and says so.
        """
        if not self.instance.acquire():
            self.refused = True
            already_running(self.state.data_dir)  # over the window: closing it must not count as the last window
            QApplication.instance().exit(1)
            return
        self._open_after_paint()

    def _open_after_paint(self) -> None:
        from isodesk.ui.messages import show_error
        from isodesk.ui.ops import run_in_background

        data_dir = self.state.data_dir

        def open_office() -> tuple[AppContext, str, str]:
            from isodesk.services.context import open_context
            from isodesk.services.office.profile import get_profile

            ctx = open_context(data_dir)
            profile = get_profile(ctx)
            return ctx, profile.unit_name, profile.role

        def failed(exc: BaseException) -> None:
            from isodesk.errors import DamagedDatabaseError
            from isodesk.i18n import _

            self.window.office_label.setText(_("The data could not be opened: see the message."))
            if isinstance(exc, DamagedDatabaseError):
                from isodesk.ui.safety.backups_page import offer_restore_after_damage

                offer_restore_after_damage(self.window, data_dir, exc.message, self._restored)
            else:
                show_error(self.window, exc)

        run_in_background(open_office, self._opened, failed)

    def _opened(self, result: tuple[AppContext, str, str]) -> None:
        self.ctx, unit_name, role = result
        self.window.open_office(self.ctx, unit_name, role)  # asks who is at the PC before showing any data
        self.check_after_open(self.ctx)

    def _context_changed(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def _restored(self, ctx: AppContext) -> None:
        from isodesk.i18n import _

        self.window.statusBar().showMessage(_("The backup was restored."), 15000)

    def check_after_open(self, ctx: AppContext) -> None:
        """Integrity, clock and the day's backup, in the background once the office is on screen."""
        from isodesk.ui.messages import show_error
        from isodesk.ui.ops import run_in_background

        def work() -> object:
            from isodesk.services.safety.health import after_open

            return after_open(ctx)

        run_in_background(work, self._checked, lambda exc: show_error(self.window, exc))

    def _checked(self, report: object) -> None:
        from PySide6.QtWidgets import QMessageBox

        from isodesk.i18n import _
        from isodesk.services.safety.health import StartupReport

        assert isinstance(report, StartupReport)
        if not report.integrity.ok:
            from isodesk.ui.safety.backups_page import offer_restore_after_damage

            problem = report.integrity.problems[0] if report.integrity.problems else ""
            offer_restore_after_damage(self.window, self.state.data_dir, problem, self._restored)
            return
        if report.clock:
            self.window.clock_label.setText(_("Check the PC's clock!"))
            self.window.clock_label.setToolTip(report.clock)
            self.window.clock_label.setVisible(True)
            box = QMessageBox(self.window)
            box.setObjectName("clockWarning")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(_("The PC's clock looks wrong"))
            box.setText(report.clock)
            box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
            box.show()
        if report.daily_backup is not None:
            self.window.statusBar().showMessage(
                _("Today's automatic backup is saved: {name}").format(name=report.daily_backup.name), 15000
            )
        elif report.backup_error:
            self.window.statusBar().showMessage(
                _("Today's automatic backup could not be made: {reason}").format(reason=report.backup_error)
            )

    def _wizard_done(self, ctx: AppContext, unit_name: str) -> None:
        self.ctx = ctx
        self.window.show()
        self.window.set_context(ctx, unit_name)


def instance_name(data_dir: Path) -> str:
    """The local socket of the copy running on ``data_dir`` (one per folder and user)."""
    import hashlib

    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"isodesk-{digest}"


class SingleInstance(QObject):
    """Holds the data folder's lock and brings the window forward when a second copy knocks."""

    knocked = Signal()

    def __init__(self, app: QApplication, data_dir: Path) -> None:
        super().__init__(app)
        self.data_dir = data_dir
        self.window: QWidget | None = None
        self.server: object | None = None  # QLocalServer, imported when needed (start-up time)

    def acquire(self) -> bool:
        """True when this copy may run; False when another copy holds the folder (it was asked to come forward)."""
        from isodesk.db.lock import acquire
        from isodesk.errors import DataFolderBusyError, UserError

        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            acquire(self.data_dir)
        except DataFolderBusyError:
            self._knock()
            return False
        except (OSError, UserError):
            return True  # a folder that cannot be written: opening it will say so clearly
        from PySide6.QtNetwork import QLocalServer

        name = instance_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a copy that crashed
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._knocked)
        self.server.listen(name)
        return True

    def _knock(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(instance_name(self.data_dir))
        if socket.waitForConnected(500):
            socket.write(b"raise\n")
            socket.waitForBytesWritten(500)
            socket.disconnectFromServer()

    def _knocked(self) -> None:
        from PySide6.QtCore import Qt

        assert self.server is not None
        conn = self.server.nextPendingConnection()
        if conn is not None:
            conn.disconnected.connect(conn.deleteLater)
        targets = [w for w in QApplication.topLevelWidgets() if w.isVisible()] or (
            [self.window] if self.window is not None else []
        )
        for w in targets:
            w.setWindowState((w.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
            w.raise_()
            w.activateWindow()
        self.knocked.emit()

    def release(self) -> None:
        from isodesk.db.lock import release

        if self.server is not None:
            self.server.close()
        release(self.data_dir)


def already_running(data_dir: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from isodesk.i18n import _

    box = QMessageBox()
    box.setObjectName("alreadyRunning")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("isodesk")
    box.setText(
        _(
            "isodesk is already open for the data folder {path}. Its window has been brought to the front; "
            "use that one. (Two copies must not write the same data.)"
        ).format(path=data_dir)
    )
    box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


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
    instance = SingleInstance(app, state.data_dir)
    controller = Controller(app, languages, state, instance)
    if not controller.start():
        already_running(state.data_dir)
        controller.window.deleteLater()
        instance.deleteLater()
        return 1
    code = app.exec()
    if controller.refused:
        controller.window.deleteLater()
        instance.deleteLater()
        return 1
    # A save still running when the window closes finishes its transaction before the database is closed.
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)
    ctx = controller.ctx or (controller.wizard.ctx if controller.wizard is not None else None)
    if ctx is not None:  # also when the wizard was cancelled after it opened the database
        ctx.close()
    instance.release()
    instance.deleteLater()
    return code
