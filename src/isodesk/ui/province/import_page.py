"""Nhập gói từ đơn vị: packages chosen one by one or as a whole folder (each unit's packages applied in sequence
order, :mod:`isodesk.services.province.batch`), a dry run that writes nothing, the import itself with a progress
dialog (the work runs off the GUI thread, :func:`isodesk.ui.ops.run_with_progress`), the results, the units whose
key waits for a person to confirm its fingerprint against the signed enrolment sheet, and the import log."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import N_, _, ngettext
from isodesk.i18n.dates import local_datetime, short_datetime
from isodesk.i18n.numbers import whole_number
from isodesk.services.changes import Change
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background, run_with_progress
from isodesk.ui.page import Page
from isodesk.ui.tables import read_only_table

if TYPE_CHECKING:
    from isodesk.services.province.desk import HeldUnit, LogEntry
    from isodesk.services.province.imports import ImportResult

RESULT_COLUMNS = (N_("File"), N_("Unit"), N_("Result"), N_("Added"), N_("Updated"), N_("Reason"))
HELD_COLUMNS = (N_("Code"), N_("Unit"), N_("Key fingerprint"), N_("First package received"))
LOG_COLUMNS = (
    N_("Time"), N_("By"), N_("File"), N_("Unit"), N_("Package"), N_("Result"), N_("Added"), N_("Updated"),
    N_("Reason"),
)  # fmt: skip
STATUS_COLOURS = {"rejected": QColor("#b71c1c"), "held": QColor("#8a5a00"), "imported": QColor("#1b5e20")}


class ProvinceImportPage(Page):
    shows = frozenset({Change.PROVINCE})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: list[Path] = []
        self.results: list[ImportResult] = []
        self.held: list[HeldUnit] = []
        self.log: list[LogEntry] = []
        self.names: dict[str, str] = {}
        self.progress_dialog: QProgressDialog | None = None
        self.stop = threading.Event()  # set by the progress dialog's button: stop after the package being applied
        self.planned = 0  # the files of the import under way
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.files_button = QPushButton()
        self.files_button.setObjectName("provinceChooseFiles")
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("provinceChooseFolder")
        self.folder_button.clicked.connect(self._choose_folder)
        self.chosen = QLabel()
        self.chosen.setObjectName("provinceChosen")
        self.chosen.setWordWrap(True)
        self.trust_new = QCheckBox()
        self.trust_new.setObjectName("provinceTrustNew")
        self.dry_button = QPushButton()
        self.dry_button.setObjectName("provinceDryRun")
        self.dry_button.clicked.connect(lambda: self.run_import(dry_run=True))
        self.import_button = QPushButton()
        self.import_button.setObjectName("provinceImport")
        self.import_button.clicked.connect(lambda: self.run_import(dry_run=False))
        choose = QHBoxLayout()
        choose.addWidget(self.files_button)
        choose.addWidget(self.folder_button)
        choose.addWidget(self.chosen, 1)
        act = QHBoxLayout()
        act.addWidget(self.dry_button)
        act.addWidget(self.import_button)
        act.addWidget(self.trust_new)
        act.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("provinceImportStatus")
        self.status.setWordWrap(True)

        self.tabs = QTabWidget()
        self.results_table = read_only_table(len(RESULT_COLUMNS), "provinceResults", single_row=True)
        self.held_table = read_only_table(len(HELD_COLUMNS), "provinceHeld", single_row=True)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("provinceConfirm")
        self.confirm_button.clicked.connect(self._confirm_selected)
        self.held_note = QLabel()
        self.held_note.setWordWrap(True)
        held = QWidget()
        held_layout = QVBoxLayout(held)
        held_layout.addWidget(self.held_note)
        held_layout.addWidget(self.held_table, 1)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addStretch(1)
        held_layout.addLayout(confirm_row)
        self.log_table = read_only_table(len(LOG_COLUMNS), "provinceLog", single_row=True)
        self.forget_button = QPushButton()
        self.forget_button.setObjectName("provinceForgetKey")
        self.forget_button.clicked.connect(self._forget_selected)
        self.results_table.itemSelectionChanged.connect(self._results_chosen)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.addWidget(self.results_table, 1)
        forget_row = QHBoxLayout()
        forget_row.addWidget(self.forget_button)
        forget_row.addStretch(1)
        results_layout.addLayout(forget_row)
        self.tabs.addTab(results, "")
        self.tabs.addTab(held, "")
        self.tabs.addTab(self.log_table, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addLayout(choose)
        layout.addLayout(act)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._enable()
        self.retranslate()

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> tuple[list[HeldUnit], list[LogEntry], dict[str, str]]:
            from isodesk.services.province.desk import held_units, import_log, unit_names

            return held_units(ctx), import_log(ctx), unit_names(ctx)

        run_in_background(load, self._loaded, self._failed)

    def _loaded(self, data: tuple[list[HeldUnit], list[LogEntry], dict[str, str]]) -> None:
        self.held, self.log, self.names = data
        self._show_held()
        self._show_log()
        self._show_results()
        self._tab_titles()

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self._enable()
        self.status.setText("")  # not "Importing…" any more: the message says what went wrong
        show_error(self, exc)

    # -- choosing -------------------------------------------------------------------------------------
    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Choose the packages to import"), "", _("Sync packages (*.isosync)")
        )
        if names:
            self.choose([Path(n) for n in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Choose a folder of packages"))
        if folder:
            self.choose([Path(folder)])

    def choose(self, paths: list[Path]) -> None:
        """Take files and folders; a folder stands for its .isosync files."""
        from isodesk.services.province.batch import expand

        try:
            files = expand(paths)
        except Exception as exc:
            show_error(self, exc)
            return
        self.files = files
        self.results = []
        self._show_results()
        self.chosen.setText(
            ngettext("{n} package chosen: {names}", "{n} packages chosen: {names}", len(files)).format(
                n=len(files), names=", ".join(f.name for f in files[:6]) + (" …" if len(files) > 6 else "")
            )
        )
        self.chosen.setToolTip("\n".join(str(f) for f in files))
        self.status.setText("")
        self._enable()

    def _enable(self, busy: bool = False) -> None:
        for button in (self.files_button, self.folder_button):
            button.setEnabled(not busy)
        for button in (self.dry_button, self.import_button):
            button.setEnabled(not busy and bool(self.files))
        self.confirm_button.setEnabled(not busy and bool(self.held))
        self.forget_button.setEnabled(not busy and self._key_refused() is not None)

    # -- importing ------------------------------------------------------------------------------------
    def run_import(self, *, dry_run: bool) -> None:
        ctx = self.ctx
        if ctx is None or not self.files:
            return
        files = list(self.files)
        trust_new = self.trust_new.isChecked()
        stop = self.stop = threading.Event()
        self.planned = len(files)

        def work(progress: Any) -> list[ImportResult]:
            from isodesk.services.province.batch import import_batch

            return import_batch(
                ctx, files, dry_run=dry_run, trust_new=trust_new, progress=progress, cancelled=stop.is_set
            )

        self.dry_run = dry_run
        self._enable(busy=True)
        text = _("Checking the packages (nothing is written)…") if dry_run else _("Importing the packages…")
        dialog = QProgressDialog(text, "", 0, len(files), self)
        dialog.setObjectName("provinceProgress")
        dialog.setWindowTitle(_("Import from units"))
        # A package is applied whole or not at all: the button stops the import between two packages.
        dialog.setCancelButtonText(_("Stop after this package"))
        dialog.canceled.connect(self._stop_asked)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self.progress_dialog = dialog
        self.status.setText(text)
        run_with_progress(work, self._progress, self._imported, self._failed)

    def _stop_asked(self) -> None:
        self.stop.set()
        self.status.setText(_("Stopping after the package being applied…"))

    def _progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is not None and not self.stop.is_set():  # a stopped dialog is hidden and stays so
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            dialog.setLabelText(_("Package {done} of {total}").format(done=done, total=total))

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self._stop_asked)  # closing it is not asking to stop
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _imported(self, results: list[ImportResult]) -> None:
        self._close_progress()
        self.results = results
        self._enable()
        counts = {s: sum(r.status == s for r in results) for s in ("imported", "unchanged", "held", "rejected")}
        if self.dry_run:
            summary = _(
                "Dry run, nothing written: {imported} would be imported, {unchanged} unchanged, {held} held, "
                "{rejected} refused."
            ).format(**counts)
        else:
            summary = _("{imported} imported, {unchanged} unchanged, {held} held, {rejected} refused.").format(**counts)
        if len(results) < self.planned:
            summary += " " + _("Stopped as asked after {done} of {total} packages; the others were not read.").format(
                done=len(results), total=self.planned
            )
        self.status.setText(summary)
        self._show_results()
        self.tabs.setCurrentIndex(0)
        self.refresh()

    # -- confirming -----------------------------------------------------------------------------------
    def ask(self, title: str, text: str) -> bool:
        """Yes or no from the user (a test answers it)."""
        box = QMessageBox(self)
        box.setObjectName("provinceConfirmBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        yes = box.addButton(_("Confirm"), QMessageBox.ButtonRole.YesRole)
        box.addButton(_("Cancel"), QMessageBox.ButtonRole.NoRole)
        box.exec()
        return box.clickedButton() is yes

    def _confirm_selected(self) -> None:
        rows = self.held_table.selectionModel().selectedRows()
        row = rows[0].row() if rows else (0 if len(self.held) == 1 else -1)
        if not 0 <= row < len(self.held):
            self.status.setText(_("Choose the unit to confirm in the list."))
            return
        self.confirm_unit(self.held[row])

    def confirm_unit(self, unit: HeldUnit) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        text = _(
            "Compare this fingerprint, group by group, with the one on the enrolment sheet that the head of {unit} "
            "signed and stamped:\n\n{fingerprint}\n\nConfirm only if they are exactly the same: from then on the "
            "province accepts every package signed with this key. Then import the unit's packages again."
        ).format(unit=unit.unit_name, fingerprint=unit.fingerprint)
        if not self.ask(_("Confirm the key of {unit}").format(unit=unit.unit_name), text):
            return

        def work() -> Any:
            from isodesk.services.province.imports import confirm_unit

            return confirm_unit(ctx, unit.unit_code)

        def done(confirmed: Any) -> None:
            self.status.setText(
                _("Confirmed {unit} (fingerprint {fingerprint}): its packages will be imported.").format(
                    unit=confirmed.unit_name, fingerprint=confirmed.fingerprint
                )
            )
            self.refresh()

        run_in_background(work, done, self._failed)

    def _results_chosen(self) -> None:
        self.forget_button.setEnabled(self.progress_dialog is None and self._key_refused() is not None)

    def _key_refused(self) -> ImportResult | None:
        """The result chosen in the list, when its package was refused for a key other than the unit's."""
        from isodesk.services.province.imports import refused_for_its_key

        rows = self.results_table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        chosen = self.results[row] if 0 <= row < len(self.results) else None
        return chosen if chosen is not None and refused_for_its_key(chosen) else None

    def _forget_selected(self) -> None:
        chosen = self._key_refused()
        if chosen is not None:
            self.forget_key(chosen.unit_code)

    def forget_key(self, unit_code: str) -> None:
        """After the unit said its PC was replaced and its old key lost: forget the key enrolled for it."""
        ctx = self.ctx
        if ctx is None:
            return
        unit = self._unit(unit_code)
        text = _(
            "Do this only if {unit} says its computer was replaced and its key lost, with no backup to restore. The "
            "key enrolled for it is forgotten; its next package enrols its new key and is held until you compare "
            "that key's fingerprint with the new enrolment sheet signed and stamped by the unit's head. What the "
            "unit sent before stays."
        ).format(unit=unit)
        if not self.ask(_("Accept a new key for {unit}").format(unit=unit), text):
            return

        def work() -> Any:
            from isodesk.services.province.imports import forget_unit_key

            return forget_unit_key(ctx, unit_code)

        def done(forgotten: Any) -> None:
            self.status.setText(
                _(
                    "The old key of {unit} (fingerprint {fingerprint}) is forgotten. Import the unit's package again: "
                    "its new key will wait for your confirmation."
                ).format(unit=forgotten.unit_name, fingerprint=forgotten.fingerprint)
            )
            self.refresh()

        run_in_background(work, done, self._failed)

    # -- showing --------------------------------------------------------------------------------------
    def _unit(self, code: str) -> str:
        name = self.names.get(code)
        return f"{name} ({code})" if name else code

    def _show_results(self) -> None:
        from isodesk.services.province.desk import status_name

        self.results_table.setRowCount(len(self.results))
        for row, r in enumerate(self.results):
            cells = (Path(r.file).name, self._unit(r.unit_code), status_name(r.status), whole_number(r.added),
                     whole_number(r.updated), r.reason)  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setToolTip(r.file)
                if col == 5:
                    item.setToolTip(r.reason)
                if col == 2 and r.status in STATUS_COLOURS:
                    item.setForeground(QBrush(STATUS_COLOURS[r.status]))
                self.results_table.setItem(row, col, item)
        self.results_table.resizeColumnsToContents()
        self.results_table.setColumnWidth(5, max(self.results_table.columnWidth(5), 300))

    def _show_held(self) -> None:
        self.held_table.setRowCount(len(self.held))
        for row, h in enumerate(self.held):
            cells = (h.unit_code, h.unit_name, h.fingerprint, short_datetime(local_datetime(h.enrolled_at)))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setFont(self._mono())
                self.held_table.setItem(row, col, item)
        self.held_table.resizeColumnsToContents()
        self._enable()

    def _mono(self) -> Any:
        from PySide6.QtGui import QFontDatabase

        return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    def _show_log(self) -> None:
        from isodesk.services.province.desk import status_name

        self.log_table.setRowCount(len(self.log))
        for row, e in enumerate(self.log):
            cells = (
                short_datetime(local_datetime(e.at)), e.by, e.file_name, self._unit(e.unit_code),
                "" if e.sequence is None else str(e.sequence), status_name(e.status), whole_number(e.added),
                whole_number(e.updated), e.reason,
            )  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 8:
                    item.setToolTip(text)
                self.log_table.setItem(row, col, item)
        self.log_table.resizeColumnsToContents()
        self.log_table.setColumnWidth(8, max(self.log_table.columnWidth(8), 300))

    def _tab_titles(self) -> None:
        self.tabs.setTabText(0, _("Results of this import"))
        self.tabs.setTabText(1, _("Units waiting for confirmation ({n})").format(n=len(self.held)))
        self.tabs.setTabText(2, _("Import log"))

    def retranslate(self) -> None:
        self.title.setText(_("Import from units"))
        self.description.setText(
            _(
                "Choose the packages (.isosync files) the units sent, or a whole folder of them. Each package is "
                "verified (signature, checksums, order) before anything is written, and applied whole or not at "
                "all; a unit's packages are applied in the order of their numbers. A dry run shows what would "
                "change without writing anything."
            )
        )
        self.files_button.setText(_("Choose files…"))
        self.folder_button.setText(_("Choose a folder…"))
        if not self.files:
            self.chosen.setText(_("No package chosen yet."))
        self.trust_new.setText(_("Accept new units without waiting for their fingerprint to be confirmed"))
        self.dry_button.setText(_("Dry run (write nothing)"))
        self.import_button.setText(_("Import"))
        self.confirm_button.setText(_("Confirm…"))
        self.forget_button.setText(_("Accept a new key for this unit…"))
        self.forget_button.setToolTip(
            _("For a package refused because it is signed with another key: the unit's computer was replaced.")
        )
        self.held_note.setText(
            _(
                "A unit's first package is held until a person has compared its key's fingerprint with the "
                "enrolment sheet the unit's head signed. Select the unit, then Confirm."
            )
        )
        self.results_table.setHorizontalHeaderLabels([_(c) for c in RESULT_COLUMNS])
        self.held_table.setHorizontalHeaderLabels([_(c) for c in HELD_COLUMNS])
        self.log_table.setHorizontalHeaderLabels([_(c) for c in LOG_COLUMNS])
        self._tab_titles()
        if self.results:
            self._show_results()
        if self.log:
            self._show_log()
