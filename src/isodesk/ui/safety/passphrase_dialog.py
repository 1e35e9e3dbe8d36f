"""Setting the office's backup passphrase (Settings › Sao lưu), with what losing it means said first, and its
recovery sheet; and asking for it when an encrypted copy is restored.

The rules (length, the current passphrase to change it, who may) are in :mod:`isodesk.services.safety.backup_key`;
the dialog shows their answers under the fields. Deriving a key from a passphrase takes a fraction of a second by
design (scrypt), so it runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import password_edit


class PassphraseDialog(QDialog):
    """Set (or change, with the current one) the backup passphrase; then offer the recovery sheet."""

    done = Signal(object)  # isodesk.services.safety.backup_key.PassphraseSet

    def __init__(self, ctx: Any, has_key: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.has_key = ctx, has_key
        self.setObjectName("passphraseDialog")
        self.setModal(True)
        self.setMinimumWidth(520)
        self.warning = QLabel()
        self.warning.setObjectName("passphraseWarning")
        self.warning.setWordWrap(True)
        self.current, self.new, self.repeat = (
            password_edit(name) for name in ("currentPassphrase", "newPassphrase", "repeatPassphrase")
        )
        self.current_label, self.new_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        if has_key:
            form.addRow(self.current_label, self.current)
        form.addRow(self.new_label, self.new)
        form.addRow(self.repeat_label, self.repeat)
        self.problem = QLabel()
        self.problem.setObjectName("passphraseProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.sheet_button = QPushButton()
        self.sheet_button.setObjectName("printRecoverySheet")
        self.sheet_button.setEnabled(False)
        self.sheet_button.clicked.connect(self._choose_sheet_file)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("savePassphrase")
        self.buttons.addButton(self.sheet_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.passphrase = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Backup passphrase"))
        self.warning.setText(
            _(
                "Copies that leave this PC (a folder, a USB stick, a person's copy of their data) are encrypted with "
                "this passphrase. The program never stores it. If it is lost, nobody can open those copies, not even "
                "the program's authors. Use at least 10 characters, for example four unrelated words; after saving, "
                "print the recovery sheet, write the passphrase on it by hand and keep it sealed, apart from the "
                "USB sticks."
            )
        )
        self.current_label.setText(_("Current passphrase:"))
        self.new_label.setText(_("New passphrase:"))
        self.repeat_label.setText(_("Repeat the new passphrase:"))
        self.save_button.setText(_("Save passphrase"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.sheet_button.setText(_("Print the recovery sheet…"))

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.adjustSize()

    def save(self) -> None:
        new = self.new.text()
        if new != self.repeat.text():
            self.show_problem(_("The two passphrases differ; nothing was changed."))
            return
        ctx, old = self.ctx, (self.current.text() if self.has_key else None)
        self.save_button.setEnabled(False)

        def work() -> Any:
            from isodesk.services.safety.backup_key import set_passphrase

            return set_passphrase(ctx, new, old)

        def saved(result: Any) -> None:
            self.passphrase = new
            self.show_problem("")
            self.new.clear()
            self.repeat.clear()
            self.current.clear()
            self.sheet_button.setEnabled(True)
            self.warning.setText(
                _("The passphrase is saved (key {fingerprint}). Now print the recovery sheet.").format(
                    fingerprint=result.fingerprint
                )
            )
            self.done.emit(result)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, UserError):
                self.show_problem(exc.message)
            else:
                show_error(self, exc)

        run_in_background(work, saved, failed)

    def _choose_sheet_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the recovery sheet"), "phieu-khoi-phuc-sao-luu.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_sheet(Path(path))

    def save_sheet(self, path: Path) -> None:
        ctx, passphrase = self.ctx, self.passphrase

        def work() -> Path:
            from isodesk.services.printing import write_pdf
            from isodesk.services.printing.recovery import recovery_sheet_pdf

            return write_pdf(path, recovery_sheet_pdf(ctx, passphrase))

        def written(out: Path) -> None:
            self.warning.setText(_("Written {path}. Print it, then delete the file.").format(path=out))

        run_in_background(work, written, lambda exc: show_error(self, exc))


def ask_passphrase(parent: QWidget | None, file: Path) -> str | None:
    """The passphrase of an encrypted copy, or None when the user cancels."""
    text, ok = QInputDialog.getText(
        parent,
        _("Encrypted backup"),
        _("{name} is encrypted. Type the office's backup passphrase:").format(name=file.name),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None
