"""Cài đặt › Dữ liệu cá nhân: the retention period, a copy of a person's data, erasure of expired data.

Erasure cannot be undone from the program, so it is always counted first (a dry run), then confirmed with the
count, and the service takes a backup before it changes anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain import validation as v
from isodesk.i18n import _
from isodesk.i18n.dates import short_date
from isodesk.ui.messages import confirm, show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import FormCheck, add_row, limit, password_edit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


class PrivacyBox(QGroupBox):
    """The personal-data part of the settings page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyBox")
        self.ctx: AppContext | None = None
        self.retention = QSpinBox()
        self.retention.setObjectName("retentionYears")
        self.retention.setRange(1, 100)
        self.retention_label = QLabel()
        self.save_retention = QPushButton()
        self.save_retention.setObjectName("saveRetention")
        self.save_retention.clicked.connect(self._save_retention)
        self.export = QPushButton()
        self.export.setObjectName("exportPerson")
        self.export.clicked.connect(self.open_export)
        self.erase = QPushButton()
        self.erase.setObjectName("eraseExpired")
        self.erase.clicked.connect(self.count_expired)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleLockMinutes")
        self.idle_minutes.setRange(0, 240)
        self.idle_label = QLabel()
        self.save_idle = QPushButton()
        self.save_idle.setObjectName("saveIdleLock")
        self.save_idle.clicked.connect(self._save_idle)
        self.status = QLabel()
        self.status.setObjectName("privacyStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.retention_label)
        row.addWidget(self.retention)
        row.addWidget(self.save_retention)
        row.addStretch(1)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_label)
        idle_row.addWidget(self.idle_minutes)
        idle_row.addWidget(self.save_idle)
        idle_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export)
        buttons.addWidget(self.erase)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addLayout(idle_row)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate()

    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx

        def load() -> tuple[int, frozenset[Any], int]:
            from isodesk.services.accounts.auth import permissions_of
            from isodesk.services.settings import get_setting

            return (
                int(get_setting(ctx, "privacy.retention_years")),
                permissions_of(ctx),
                int(get_setting(ctx, "security.idle_lock_minutes")),
            )

        run_in_background(load, self._loaded)

    def _loaded(self, data: tuple[int, frozenset[Any], int]) -> None:
        """Show what the signed-in account may do (the services refuse the rest anyway)."""
        from isodesk.domain.permissions import Permission

        years, allowed, minutes = data
        self.retention.setValue(years)
        self.retention.setEnabled(Permission.SETTINGS_MANAGE in allowed)
        self.save_retention.setVisible(Permission.SETTINGS_MANAGE in allowed)
        self.idle_minutes.setValue(minutes)
        self.idle_minutes.setEnabled(Permission.SETTINGS_MANAGE in allowed)
        self.save_idle.setVisible(Permission.SETTINGS_MANAGE in allowed)
        self.export.setVisible(Permission.PERSONAL_DATA_EXPORT in allowed)
        self.erase.setVisible(Permission.PERSONAL_DATA_ERASE in allowed)

    def _save_retention(self) -> None:
        if self.ctx is None:
            return
        ctx, years = self.ctx, str(self.retention.value())

        def save() -> object:
            from isodesk.services.settings import set_setting_text

            return set_setting_text(ctx, "privacy.retention_years", years)

        run_in_background(save, lambda _v: self.status.setText(_("Saved.")), lambda exc: show_error(self, exc))

    def _save_idle(self) -> None:
        if self.ctx is None:
            return
        ctx, minutes = self.ctx, str(self.idle_minutes.value())

        def save() -> object:
            from isodesk.services.settings import set_setting_text

            return set_setting_text(ctx, "security.idle_lock_minutes", minutes)

        def saved(value: object) -> None:
            self.status.setText(_("Saved."))
            window = self.window()
            if hasattr(window, "start_idle_lock"):
                window.start_idle_lock(int(value))  # type: ignore[arg-type]

        run_in_background(save, saved, lambda exc: show_error(self, exc))

    def open_export(self) -> PersonExportDialog | None:
        if self.ctx is None:
            return None
        dialog = PersonExportDialog(self.ctx, self)
        dialog.show()
        return dialog

    def count_expired(self) -> None:
        """First step of erasure: count what would be erased, then ask."""
        ctx = self.ctx
        if ctx is None:
            return
        from isodesk.services.privacy.personal_data import erase_expired

        self.erase.setEnabled(False)
        self.status.setText(_("Counting…"))
        run_in_background(lambda: erase_expired(ctx, dry_run=True), self._counted, self._failed)

    def _counted(self, result: Any) -> None:
        self.erase.setEnabled(True)
        day = short_date(result.cutoff)
        if not result.applicants:
            self.status.setText(
                _("No personal data is past the retention period (dossiers settled before {day}).").format(day=day)
            )
            return
        self.status.setText("")
        question = _(
            "Erase the name, address, phone, email and ID number of {n} applicant records ({d} dossiers settled "
            "before {day})? The dossiers and all statistics stay. A backup is taken first; the erasure cannot be "
            "undone in the program."
        ).format(n=result.applicants, d=result.dossiers, day=day)
        if self.ask(question):
            self.run_erasure()

    def ask(self, question: str) -> bool:
        return confirm(self, _("Erase personal data"), question)

    def run_erasure(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        from isodesk.services.privacy.personal_data import erase_expired

        self.erase.setEnabled(False)
        self.status.setText(_("Erasing…"))

        def done(result: Any) -> None:
            self.erase.setEnabled(True)
            self.status.setText(
                _("Erased the personal data of {n} applicant records ({d} dossiers settled before {day}).").format(
                    n=result.applicants, d=result.dossiers, day=short_date(result.cutoff)
                )
            )

        run_in_background(lambda: erase_expired(ctx), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.erase.setEnabled(True)
        self.status.setText("")
        show_error(self, exc)

    def retranslate(self) -> None:
        self.setTitle(_("Personal data of applicants"))
        self.retention_label.setText(_("Keep applicants' personal data after a dossier is settled for (years):"))
        self.save_retention.setText(_("Save"))
        self.note.setText(
            _(
                "Set the period your province's archive rules give for one-stop-shop dossiers. After it, "
                "names, addresses, phone numbers, emails and ID numbers are erased; the dossiers and statistics stay."
            )
        )
        self.idle_label.setText(_("Lock the program after this many minutes without use (0: never):"))
        self.save_idle.setText(_("Save"))
        self.export.setText(_("Export for a person…"))
        self.erase.setText(_("Erase expired data…"))


class PersonExportDialog(QDialog):
    """Find a person by name, phone or ID number and write everything held about them (JSON and CSV)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("personExportDialog")
        self.setWindowTitle(_("Export a person's data"))
        self.resize(620, 460)
        self.name = limit(QLineEdit(), v.PERSON_NAME)
        self.name.setObjectName("personName")
        self.phone = limit(QLineEdit(), 24)
        self.phone.setObjectName("personPhone")
        self.id_number = limit(QLineEdit(), 16)
        self.id_number.setObjectName("personIdNumber")
        form = QFormLayout()
        self.checks = FormCheck(self)
        add_row(form, self.checks, _("Full name:"), self.name, lambda t: v.text(t, v.PERSON_NAME))
        add_row(form, self.checks, _("Phone:"), self.phone, v.phone_number)
        add_row(form, self.checks, _("Citizen ID number:"), self.id_number, lambda t: v.citizen_id(t, _today()))
        self.passphrase = password_edit("exportPassphrase")
        self.passphrase_repeat = password_edit("exportPassphraseRepeat")
        form.addRow(_("Passphrase of the copy:"), self.passphrase)
        form.addRow(_("Repeat the passphrase:"), self.passphrase_repeat)
        self.passphrase_note = QLabel(
            _(
                "The files are encrypted, since they leave the office. Tell the person the passphrase apart from the "
                "files (in person or by phone); they open them with isodesk (isodesk decrypt) at the office or at home."
            )
        )
        self.passphrase_note.setWordWrap(True)
        form.addRow(self.passphrase_note)
        self.find = QPushButton(_("Find"))
        self.find.setObjectName("findPerson")
        self.find.clicked.connect(self.search)
        self.matches = QListWidget()
        self.matches.setObjectName("personMatches")
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save = self.buttons.addButton(_("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName("exportButton")
        self.save.setEnabled(False)
        self.buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def person_query(self) -> Any:
        from isodesk.services.privacy.personal_data import PersonQuery

        return PersonQuery(self.name.text(), self.phone.text(), self.id_number.text())

    def search(self) -> None:
        problem = self.checks.first_problem()
        if problem:
            self.status.setText(problem)
            return
        ctx, query = self.ctx, self.person_query()

        def find() -> Any:
            from isodesk.services.privacy.personal_data import find_person

            return find_person(ctx, query)

        run_in_background(find, self._found, lambda exc: self.status.setText(str(getattr(exc, "message", exc))))

    def _found(self, matches: list[Any]) -> None:
        self.matches.clear()
        for m in matches:
            details = " · ".join(x for x in (m.phone, m.id_number) if x)
            self.matches.addItem(f"{m.name}  {details}\n" + ", ".join(m.dossiers))
        self.save.setEnabled(bool(matches))
        self.status.setText(
            _("{n} applicant records found. Check with the person's ID card that they are theirs.").format(
                n=len(matches)
            )
            if matches
            else _("No applicant matches.")
        )

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Export a person's data"), "", "CSV (*.csv)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        ctx, query = self.ctx, self.person_query()
        passphrase = self.passphrase.text()
        if passphrase != self.passphrase_repeat.text():
            self.status.setText(_("The two passphrases differ; nothing was changed."))
            return

        def work() -> Any:
            from isodesk.services.privacy.personal_data import export_person

            return export_person(ctx, query, path, passphrase)

        def done(result: Any) -> None:
            self.status.setText(
                _("Written {json} and {csv}: {n} applicant records, {d} dossiers.").format(
                    json=result.json_path, csv=result.csv_path, n=result.applicants, d=result.dossiers
                )
            )

        def failed(exc: BaseException) -> None:
            from isodesk.errors import UserError

            if isinstance(exc, UserError):
                self.status.setText(exc.message)
            else:
                show_error(self, exc)

        run_in_background(work, done, failed)


def _today() -> Any:
    from isodesk.i18n.dates import local_today

    return local_today()
