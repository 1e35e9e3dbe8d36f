"""Sao lưu: the list of backups, a backup now, a copy to a folder or USB stick, a restore; the offer to
restore the newest good backup when the data file is damaged.

Copies and restores run off the GUI thread (:func:`isodesk.ui.ops.run_with_progress`); SQLite's backup reports
the pages copied, which fill the progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import short_datetime
from isodesk.i18n.numbers import file_size
from isodesk.services.safety.backups import kind_name
from isodesk.ui.messages import show_error
from isodesk.ui.ops import Progress, run_in_background, run_with_progress
from isodesk.ui.tables import read_only_table

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.safety.backups import BackupInfo
    from isodesk.services.safety.restore import RestorePlan


def when_text(info: BackupInfo) -> str:
    return short_datetime(info.moment)


def restore_text(plan: RestorePlan) -> str:
    lines = [
        _("Restore the backup made at {time}?").format(time=when_text(plan.backup)),
        "",
        _("The backup holds {n} dossiers (unit {unit}).").format(
            n=plan.backup.dossiers if plan.backup.dossiers is not None else "?", unit=plan.backup.unit_code or "?"
        ),
    ]
    if plan.current is not None:
        lost = plan.actions_lost
        lines.append(
            _("The data now holds {n} dossiers; {k} actions saved after the backup will be undone.").format(
                n=plan.current.dossiers if plan.current.dossiers is not None else "?",
                k=lost if lost is not None else "?",
            )
        )
        lines.append(_("A copy of the data now in use is kept in the backups folder first."))
    return "\n".join(lines)


def confirm_restore(parent: QWidget | None, plan: RestorePlan) -> tuple[bool, bool]:
    """Ask the user; returns (go ahead, another unit's backup accepted)."""
    box = QMessageBox(parent)
    box.setObjectName("restoreConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Restore a backup"))
    box.setText(restore_text(plan))
    yes = box.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole))
    box.exec()
    if box.clickedButton() is not yes:
        return False, False
    if not plan.other_unit:
        return True, False
    from isodesk.services.safety.restore import other_unit_error
    from isodesk.ui.messages import confirm

    return (confirm(parent, _("Another unit's backup"), other_unit_error(plan).message), True)


def restore_and_reopen(
    window: Any,
    data_dir: Path,
    file: Path,
    *,
    allow_other_unit: bool,
    on_progress: Progress,
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    damaged: bool = False,
    passphrase: str | None = None,
) -> None:
    """Restore ``file`` off the GUI thread, open the restored office, and ask who is at the PC again (the
    accounts are now those of the backup). ``damaged``: the offer after damage, which no account can authorise.
    ``passphrase``: ``file`` is an encrypted copy."""
    old: AppContext | None = window.ctx

    def work(progress: Progress) -> tuple[AppContext, str]:
        from isodesk.services.context import open_context
        from isodesk.services.office.profile import get_profile
        from isodesk.services.safety.restore import restore_backup, restore_office

        if passphrase is not None and old is not None:
            from isodesk.services.safety.backup_key import restore_encrypted_office

            restore_encrypted_office(old, file, passphrase, allow_other_unit=allow_other_unit, progress=progress)
        elif old is not None and not damaged:
            restore_office(old, file, allow_other_unit=allow_other_unit, progress=progress)
        else:
            if old is not None:
                old.db.reset()  # no pooled connection may keep the replaced file open
            restore_backup(data_dir, file, allow_other_unit=allow_other_unit, progress=progress)
        ctx = open_context(data_dir)
        return ctx, get_profile(ctx).unit_name

    def finished(result: tuple[AppContext, str]) -> None:
        ctx, unit_name = result
        window.open_office(ctx, unit_name)
        if old is not None:
            old.close()
        done(ctx)

    run_with_progress(work, on_progress, finished, failed)


class BackupsSection(QGroupBox):
    """The "Sao lưu" box of the Settings page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsSection")
        self.ctx: AppContext | None = None
        self.backups: list[BackupInfo] = []
        self.table = read_only_table(4, "backupsTable", single_row=True, min_height=180)
        self.backup_now = QPushButton()
        self.backup_now.setObjectName("backupNow")
        self.backup_now.clicked.connect(self._backup_now)
        self.backup_out = QPushButton()
        self.backup_out.setObjectName("backupToFolder")
        self.backup_out.clicked.connect(self._backup_to_folder)
        self.restore = QPushButton()
        self.restore.setObjectName("restoreBackup")
        self.restore.clicked.connect(self._restore)
        self.passphrase_button = QPushButton()
        self.passphrase_button.setObjectName("backupPassphrase")
        self.passphrase_button.clicked.connect(self.open_passphrase)
        self.erased_button = QPushButton()
        self.erased_button.setObjectName("dropBeforeErasure")
        self.erased_button.clicked.connect(self.drop_before_erasure)
        self.has_key = False
        self.before_erasure: list[BackupInfo] = []
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("comingNote")

        buttons = QHBoxLayout()
        for b in (self.backup_now, self.backup_out, self.restore):
            buttons.addWidget(b)
        buttons.addStretch(1)
        more = QHBoxLayout()
        more.addWidget(self.passphrase_button)
        more.addWidget(self.erased_button)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.retranslate()

    # -- data -----------------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext | None) -> None:
        self.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        data_dir = ctx.data_dir

        def load() -> tuple[list[BackupInfo], bool, list[BackupInfo]]:
            from isodesk.services.safety.backup_key import office_key
            from isodesk.services.safety.backups import copies_before_erasure, list_backups

            return list_backups(data_dir), office_key(ctx) is not None, copies_before_erasure(data_dir)

        run_in_background(load, self._loaded)

    def _loaded(self, data: tuple[list[BackupInfo], bool, list[BackupInfo]]) -> None:
        backups, self.has_key, self.before_erasure = data
        self.erased_button.setVisible(bool(self.before_erasure))
        self.retranslate()
        self._show(backups)

    def _show(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, b in enumerate(backups):
            cells = (kind_name(b.kind), when_text(b), file_size(b.size), _("Good") if b.good else _("Not usable"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    # -- actions --------------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        for b in (self.backup_now, self.backup_out, self.restore, self.passphrase_button, self.erased_button):
            b.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setText("")
        show_error(self, exc)

    def _copied(self, result: Any) -> None:
        self._busy(False)
        self.status.setText(_("Backup saved: {path} ({size}).").format(path=result.path, size=file_size(result.bytes)))
        self.refresh()

    def _backup_now(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def work(progress: Progress) -> Any:
            from isodesk.services.safety.backups import backup_now

            return backup_now(ctx, progress=progress)

        self._busy(True)
        self.status.setText(_("Backing up…"))
        run_with_progress(work, self._show_progress, self._copied, self._failed)

    def _backup_to_folder(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        folder = QFileDialog.getExistingDirectory(self, _("Choose a folder or a USB stick for the backup"))
        if folder:
            self.copy_to(Path(folder))

    def copy_to(self, folder: Path) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def work(progress: Progress) -> Any:
            from isodesk.services.safety.backup_key import backup_out

            return backup_out(ctx, folder, progress=progress)

        self._busy(True)
        self.status.setText(_("Copying to {path}…").format(path=folder))
        run_with_progress(work, self._show_progress, self._copied, self._failed)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.restore_file(chosen.path)
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose the backup to restore"),
            "",
            _("isodesk backups (*.sqlite3 *.isodesk-enc);;All files (*)"),
        )
        if name:
            self.restore_file(Path(name))

    def restore_file(self, file: Path, passphrase: str | None = None) -> None:
        """Check ``file``, ask for confirmation with what it replaces, then restore and reopen. An encrypted copy
        asks for the passphrase first (``passphrase`` given: already asked)."""
        ctx = self.ctx
        if ctx is None:
            return
        data_dir = ctx.data_dir
        from isodesk.services.safety.sealed import is_encrypted

        if is_encrypted(file):
            if passphrase is None:
                from isodesk.ui.safety.passphrase_dialog import ask_passphrase

                passphrase = ask_passphrase(self, file)
                if passphrase is None:
                    self.status.setText(_("Restore cancelled; nothing was changed."))
                    return
            self.restore_encrypted(file, passphrase)
            return

        def plan() -> RestorePlan:
            from isodesk.services.safety.restore import plan_restore

            return plan_restore(data_dir, file)

        def planned(p: RestorePlan) -> None:
            self._busy(False)
            go, other = confirm_restore(self, p)
            if not go:
                self.status.setText(_("Restore cancelled; nothing was changed."))
                return
            self._busy(True)
            self.status.setText(_("Restoring…"))
            restore_and_reopen(
                self.window(),
                data_dir,
                file,
                allow_other_unit=other,
                on_progress=self._show_progress,
                done=lambda _ctx: self._restored(file),
                failed=self._failed,
            )

        self._busy(True)
        self.status.setText(_("Checking the backup…"))
        run_in_background(plan, planned, self._failed)

    def restore_encrypted(self, file: Path, passphrase: str) -> None:
        """What the encrypted copy says about itself is shown for confirmation; the passphrase is checked by the
        restore itself, which changes nothing when it is wrong or the file was edited."""
        ctx = self.ctx
        if ctx is None:
            return
        data_dir = ctx.data_dir
        from isodesk.services.safety.backup_key import describe_encrypted
        from isodesk.ui.messages import confirm

        try:
            info = describe_encrypted(file)
        except Exception as exc:
            self._failed(exc)
            return
        made = short_datetime(info.created) if info.created else "?"
        question = _(
            "Restore the encrypted backup of unit {unit} made at {time}? It replaces the data now in use; a copy of "
            "that is kept in the backups folder first."
        ).format(unit=info.unit_code or "?", time=made)
        if not confirm(self, _("Restore a backup"), question):
            self.status.setText(_("Restore cancelled; nothing was changed."))
            return
        self._busy(True)
        self.status.setText(_("Restoring…"))
        restore_and_reopen(
            self.window(),
            data_dir,
            file,
            allow_other_unit=False,
            on_progress=self._show_progress,
            done=lambda _ctx: self._restored(file),
            failed=self._failed,
            passphrase=passphrase,
        )

    def open_passphrase(self) -> Any:
        ctx = self.ctx
        if ctx is None:
            return None
        from isodesk.ui.safety.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(ctx, self.has_key, self)
        dialog.done.connect(lambda _r: self.refresh())
        self.passphrase_dialog = dialog
        dialog.open()
        return dialog

    def drop_before_erasure(self, *, ask: bool = True) -> None:
        """Delete the copies in the backups folder that still hold personal data erased since they were made."""
        ctx = self.ctx
        if ctx is None or not self.before_erasure:
            return
        from isodesk.ui.messages import confirm

        names = "\n".join(f"{kind_name(b.kind)} — {when_text(b)}" for b in self.before_erasure)
        question = _(
            "These copies were made before personal data was erased, so they still hold it:\n{names}\n\nDelete them? "
            "The erasure can then no longer be undone."
        ).format(names=names)
        if ask and not confirm(self, _("Copies holding erased data"), question):
            return

        def work() -> list[Path]:
            from isodesk.services.safety.backups import drop_before_erasure

            return drop_before_erasure(ctx)

        def dropped(paths: list[Path]) -> None:
            self.status.setText(_("{n} copies holding erased data were deleted.").format(n=len(paths)))
            self.refresh()

        run_in_background(work, dropped, self._failed)

    def _restored(self, file: Path) -> None:
        self._busy(False)
        self.status.setText(_("Restored {path}.").format(path=file.name))
        self.refresh()

    def retranslate(self) -> None:
        self.setTitle(_("Backups"))
        self.note.setText(
            _(
                "A copy of the data is made automatically each day the program is opened, before every upgrade and "
                "every import. Copy it regularly to a USB stick kept away from this PC: such copies are encrypted "
                "with the office's backup passphrase."
            )
        )
        self.table.setHorizontalHeaderLabels([_("Kind"), _("Made at"), _("Size"), _("State")])
        self.backup_now.setText(_("Back up now"))
        self.backup_out.setText(_("Back up to a folder / USB…"))
        self.restore.setText(_("Restore…"))
        self.passphrase_button.setText(
            _("Change the backup passphrase…") if self.has_key else _("Set the backup passphrase…")
        )
        self.erased_button.setText(_("Delete {n} copies holding erased data…").format(n=len(self.before_erasure)))
        if self.backups:
            self._show(self.backups)


def offer_restore_after_damage(window: Any, data_dir: Path, problem: str, done: Callable[[Any], None]) -> None:
    """The data file is damaged: offer the newest good backup, saying when it was made and what would be lost."""

    def find() -> RestorePlan | None:
        from isodesk.services.safety.backups import newest_good
        from isodesk.services.safety.restore import plan_restore

        best = newest_good(data_dir)
        return plan_restore(data_dir, best.path) if best is not None else None

    def offer(plan: RestorePlan | None) -> None:
        box = QMessageBox(window)
        box.setObjectName("damagedOffer")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("The data file is damaged"))
        intro = _("The data file of this office is damaged ({problem}). Do not go on working on it.").format(
            problem=problem
        )
        if plan is None:
            box.setText(
                intro
                + "\n\n"
                + _(
                    "There is no good backup in the backups folder. Copy the whole data folder to a USB stick and "
                    "ask the provincial ISO team for help; if you have a backup elsewhere, restore it from "
                    "Settings → Backups."
                )
            )
            box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            return
        lost = plan.actions_lost
        box.setText(
            intro
            + "\n\n"
            + _("The newest good backup was made at {time} and holds {n} dossiers.").format(
                time=when_text(plan.backup), n=plan.backup.dossiers if plan.backup.dossiers is not None else "?"
            )
            + "\n"
            + (
                _("Changes saved after it ({k} actions) will be lost.").format(k=lost)
                if lost is not None
                else _("Changes saved after it will be lost.")
            )
            + "\n"
            + _("The damaged file is kept aside in the backups folder.")
        )
        yes = box.addButton(_("Restore this backup"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(yes)
        box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not yes:
            return
        restore_and_reopen(
            window,
            data_dir,
            plan.backup.path,
            allow_other_unit=False,
            on_progress=lambda _done, _total: None,
            done=done,
            failed=lambda exc: show_error(window, exc),
            damaged=True,
        )

    run_in_background(find, offer, lambda exc: show_error(window, exc))
