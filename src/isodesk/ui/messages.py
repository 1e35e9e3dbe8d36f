"""Messages to the user: a mistake they can fix, an unexpected fault reported politely, or what to check after
an action that was saved."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from isodesk.errors import UserError
from isodesk.i18n import _

_open: set[QMessageBox] = set()


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    if isinstance(exc, UserError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Cannot continue"))
        box.setText(exc.message)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Unexpected error"))
        box.setText(
            _(
                "Something went wrong that the program did not expect. Nothing was saved from the unfinished "
                "action. Please note what you were doing and tell the ISO secretary or the provincial team."
            )
        )
        import traceback

        box.setDetailedText("".join(traceback.format_exception(exc)))
    ok = box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setModal(True)
    _open.add(box)  # a parentless box would be collected by Python as soon as this returns
    box.finished.connect(lambda _result: _open.discard(box))
    box.show()
    return box


def show_warnings(parent: QWidget | None, text: str, warnings: Sequence[str]) -> QMessageBox:
    """What a use case asks the user to check (it saved the action): ``text`` says what was done, then each
    warning, as the command line prints them on stderr."""
    box = QMessageBox(parent)
    box.setObjectName("warningBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Please check"))
    box.setText("\n\n".join([text, *warnings]))
    ok = box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    _open.add(box)
    box.finished.connect(lambda _result: _open.discard(box))
    box.show()
    return box


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(_("Yes"), QMessageBox.ButtonRole.YesRole)
    box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes
