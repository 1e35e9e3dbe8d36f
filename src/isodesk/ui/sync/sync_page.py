"""Đồng bộ: the fingerprint of the unit's key (which the enrolment sheet carries to the province), the export of the
next sync package (or a full one) to a folder or USB stick, and the history of the packages exported.

The export runs off the GUI thread (:func:`isodesk.ui.ops.run_with_progress`), kind of record by kind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import short_datetime
from isodesk.ui.messages import show_error
from isodesk.ui.ops import Progress, run_in_background, run_with_progress
from isodesk.ui.page import Page
from isodesk.ui.tables import read_only_table

if TYPE_CHECKING:
    from isodesk.services.sync.export import Exported, ExportRow


class SyncPage(Page):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_msg = title
        self.rows: list[ExportRow] = []
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.key_box = QGroupBox()
        self.fingerprint_label = QLabel()
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("syncFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 12pt;")
        self.enrolment_button = QPushButton()
        self.enrolment_button.setObjectName("syncEnrolment")
        self.enrolment_button.clicked.connect(self._choose_enrolment_file)
        key_layout = QVBoxLayout(self.key_box)
        key_layout.addWidget(self.fingerprint_label)
        key_layout.addWidget(self.fingerprint)
        enrolment = QHBoxLayout()
        enrolment.addWidget(self.enrolment_button)
        enrolment.addStretch(1)
        key_layout.addLayout(enrolment)

        self.export_box = QGroupBox()
        self.full = QCheckBox()
        self.full.setObjectName("syncFull")
        self.export_button = QPushButton()
        self.export_button.setObjectName("syncExport")
        self.export_button.clicked.connect(self._choose_file)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setWordWrap(True)
        self.table = read_only_table(5, "syncHistory", single_row=True, min_height=160)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.full)
        buttons.addStretch(1)
        export_layout = QVBoxLayout(self.export_box)
        export_layout.addLayout(buttons)
        export_layout.addWidget(self.progress)
        export_layout.addWidget(self.status)
        export_layout.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.key_box)
        layout.addWidget(self.export_box, 1)
        self.retranslate()

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> tuple[str, list[ExportRow]]:
            from isodesk.services.sync.export import list_exports
            from isodesk.services.sync.keys import fingerprint

            return fingerprint(ctx).fingerprint, list_exports(ctx)

        run_in_background(load, self._loaded, self._failed)

    def _loaded(self, data: tuple[str, list[ExportRow]]) -> None:
        self.fingerprint.setText(data[0])
        self._show(data[1])

    def _show(self, rows: list[ExportRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, r in enumerate(rows):
            cells = (
                str(r.sequence),
                short_datetime(r.created_at),
                _("Full") if r.full else _("Changes only"),
                str(r.records),
                r.file_name,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip("SHA-256: " + r.sha256)  # the checksum's name is the same in every language
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    # -- actions --------------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.full.setEnabled(not busy)
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

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the sync package"), "", _("Sync packages (*.isosync)")
        )
        if name:
            self.export_to(Path(name if name.lower().endswith(".isosync") else name + ".isosync"))

    def export_to(self, path: Path) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        full = self.full.isChecked()

        def work(progress: Progress) -> Any:
            from isodesk.services.sync.export import export_package

            return export_package(ctx, path, full=full, progress=progress)

        self._busy(True)
        self.status.setText(_("Writing {path}…").format(path=path))
        run_with_progress(work, self._show_progress, self._exported, self._failed)

    def _choose_enrolment_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the enrolment sheet"), "phieu-dang-ky-khoa-dong-bo.pdf", _("PDF documents (*.pdf)")
        )
        if name:
            self.save_enrolment(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    def save_enrolment(self, path: Path) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def work() -> Path:
            from isodesk.services.printing.output import write_pdf
            from isodesk.services.sync.keys import enrolment_sheet_pdf

            return write_pdf(path, enrolment_sheet_pdf(ctx))

        def saved(written: Path) -> None:
            self.status.setText(_("Written {path}.").format(path=written))

        run_in_background(work, saved, self._failed)

    def _exported(self, done: Exported) -> None:
        self._busy(False)
        self.status.setText(
            _("Written {file}: package {sequence}, {records} records.").format(
                file=done.file, sequence=done.sequence, records=done.records
            )
        )
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(_(self._title_msg))
        self.description.setText(
            _(
                "The signed sync package for the provincial ISO working group, carried on a USB stick or by mail. "
                "It holds the quality system's records and the dossiers reduced to what statistics need: no "
                "citizen's name, ID number, address, phone, e-mail or note ever leaves the office."
            )
        )
        self.key_box.setTitle(_("The unit's key"))
        self.fingerprint_label.setText(
            _("Fingerprint of the unit's key (write it on the enrolment sheet sent to the province):")
        )
        self.enrolment_button.setText(_("Print the enrolment sheet…"))
        self.export_box.setTitle(_("Packages for the province"))
        self.export_button.setText(_("Export the next package…"))
        self.full.setText(_("Every record (a full package)"))
        self.table.setHorizontalHeaderLabels([_("No."), _("Made at"), _("Kind"), _("Records"), _("File")])
        if self.rows:
            self._show(self.rows)
