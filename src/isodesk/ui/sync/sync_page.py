"""Đồng bộ: the fingerprint of the office's key (which the enrolment sheet carries), the export of the next sync
package (or a full one) to a folder or USB stick, and the history of the packages exported.

In a unit the page also receives the province's package (:mod:`isodesk.ui.sync.province_package`: its changes and
the province key's fingerprint, then Apply or Cancel). In the province's office the key and the sheet are the
province's and the export writes the package for its units.

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
from isodesk.i18n.numbers import whole_number
from isodesk.ui.messages import show_error
from isodesk.ui.ops import Progress, run_in_background, run_with_progress
from isodesk.ui.page import Page
from isodesk.ui.sync.province_package import ProvincePackageDialog
from isodesk.ui.tables import read_only_table

if TYPE_CHECKING:
    from isodesk.services.province.desk import LogEntry
    from isodesk.services.province_updates.apply import ProvinceImport
    from isodesk.services.sync.export import Exported, ExportRow


class SyncPage(Page):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_msg = title
        self.rows: list[ExportRow] = []
        self.received: list[LogEntry] = []  # the packages received from the province, newest first
        self.last_received = ""  # the line saying so, as last shown
        self.role = "commune"
        self.province_dialog: ProvincePackageDialog | None = None
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

        self.receive_box = QGroupBox()
        self.receive_button = QPushButton()
        self.receive_button.setObjectName("syncReceiveProvince")
        self.receive_button.clicked.connect(self._choose_province_package)
        self.receive_status = QLabel()
        self.receive_status.setObjectName("syncReceiveStatus")
        self.receive_status.setWordWrap(True)
        receive_layout = QVBoxLayout(self.receive_box)
        receive_buttons = QHBoxLayout()
        receive_buttons.addWidget(self.receive_button)
        receive_buttons.addStretch(1)
        receive_layout.addLayout(receive_buttons)
        receive_layout.addWidget(self.receive_status)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.key_box)
        layout.addWidget(self.receive_box)
        layout.addWidget(self.export_box, 1)
        self.retranslate()

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> tuple[str, list[ExportRow], str, list[LogEntry]]:
            from isodesk.services.office.profile import get_profile
            from isodesk.services.province.desk import import_log
            from isodesk.services.sync.export import list_exports
            from isodesk.services.sync.keys import fingerprint

            return fingerprint(ctx).fingerprint, list_exports(ctx), get_profile(ctx).role, import_log(ctx, 10)

        run_in_background(load, self._loaded, self._failed)

    @property
    def is_province(self) -> bool:
        return self.role == "province"

    def _loaded(self, data: tuple[str, list[ExportRow], str, list[LogEntry]]) -> None:
        self.role = data[2]
        self.received = data[3]
        self.retranslate()
        self.fingerprint.setText(data[0])
        self._show(data[1])
        self._show_received()

    def _show_received(self) -> None:
        """The last package received from the province in the receiving box, the ten last in its tooltip."""
        from isodesk.services.province.desk import status_name

        def line(e: LogEntry) -> str:
            return _("{file}, {status} at {at}").format(file=e.file_name, status=status_name(e.status),
                                                         at=short_datetime(e.at))  # fmt: skip

        if self.is_province or not self.received:
            return
        last = self.received[0]
        text = _("Last package from the province: {line}.").format(line=line(last))
        if last.status != "imported" and last.reason:
            text += " " + last.reason
        if self.receive_status.text() in ("", self.last_received):  # not over what the last action said
            self.receive_status.setText(text)
        self.last_received = text
        self.receive_status.setToolTip("\n".join(line(e) for e in self.received))

    def _show(self, rows: list[ExportRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, r in enumerate(rows):
            cells = (
                str(r.sequence),
                short_datetime(r.created_at),
                _("Full") if r.full else _("Changes only"),
                whole_number(r.records),
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
        title = _("Save the package for the units") if self.is_province else _("Save the sync package")
        name, _filter = QFileDialog.getSaveFileName(self, title, "", _("Sync packages (*.isosync)"))
        if name:
            self.export_to(Path(name if name.lower().endswith(".isosync") else name + ".isosync"))

    def export_to(self, path: Path) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        full = self.full.isChecked()
        province = self.is_province

        def work(progress: Progress) -> Any:
            from isodesk.services.province_updates.export import export_for_units
            from isodesk.services.sync.export import export_package

            if province:
                return export_for_units(ctx, path)
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

    # -- the province's package, in a unit ----------------------------------------------------------------
    def _choose_province_package(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Open the province's package"), "", _("Sync packages (*.isosync)")
        )
        if name:
            self.open_province_package(Path(name))

    def open_province_package(self, path: Path) -> None:
        """Read the package and show what it changes (nothing is written)."""
        ctx = self.ctx
        if ctx is None:
            return

        def work() -> ProvinceImport:
            from isodesk.services.province_updates.apply import preview_province_package

            return preview_province_package(ctx, path)

        self.receive_button.setEnabled(False)
        self.receive_status.setText(_("Reading {path}…").format(path=path))
        run_in_background(work, lambda found: self._previewed(path, found), self._receive_failed)

    def _receive_failed(self, exc: BaseException) -> None:
        self.receive_button.setEnabled(True)
        self.receive_status.setText("")
        show_error(self, exc)

    def _previewed(self, path: Path, found: ProvinceImport) -> None:
        self.receive_button.setEnabled(True)
        if found.status not in ("imported", "held"):
            self.receive_status.setText(found.reason)
            return
        self.receive_status.setText("")
        dialog = ProvincePackageDialog(found, self)
        self.province_dialog = dialog
        dialog.accepted.connect(lambda: self.apply_province_package(path))
        dialog.rejected.connect(lambda: self.receive_status.setText(_("Cancelled: nothing was changed.")))
        dialog.open()

    def apply_province_package(self, path: Path) -> None:
        """Apply the package: the person compared the fingerprint the dialog showed."""
        ctx = self.ctx
        if ctx is None:
            return

        def work() -> ProvinceImport:
            from isodesk.services.province_updates.apply import import_province_packages

            return import_province_packages(ctx, [path], trust_new=True)[0]

        self.receive_button.setEnabled(False)
        run_in_background(work, self._applied, self._receive_failed)

    def _applied(self, done: ProvinceImport) -> None:
        self.receive_button.setEnabled(True)
        if done.status == "imported":
            text = _("Applied package {sequence} from {province}: {added} added, {updated} changed.").format(
                sequence=done.sequence, province=done.province_name or done.unit_code, added=done.added,
                updated=done.updated,
            )  # fmt: skip
            self.receive_status.setText(f"{text} {done.reason}".rstrip())
        else:
            self.receive_status.setText(done.reason)

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
        province = self.is_province
        if province:
            self.description.setText(
                _(
                    "The signed package for the province's communes and wards, carried on a USB stick or by mail: "
                    "the working-day calendar and the procedure catalogue (times, fees, legal basis) of this office. "
                    "Each unit compares the fingerprint of the province's key with the enrolment sheet before "
                    "applying its first package."
                )
            )
            self.key_box.setTitle(_("The province's key"))
            self.fingerprint_label.setText(
                _("Fingerprint of the province's key (printed on the enrolment sheet sent to the units):")
            )
            self.export_box.setTitle(_("Packages for the units"))
            self.export_button.setText(_("Export the package for the units…"))
        else:
            self.key_box.setTitle(_("The unit's key"))
            self.fingerprint_label.setText(
                _("Fingerprint of the unit's key (write it on the enrolment sheet sent to the province):")
            )
            self.export_box.setTitle(_("Packages for the province"))
            self.export_button.setText(_("Export the next package…"))
        self.full.setVisible(not province)
        self.receive_box.setVisible(not province)
        self.enrolment_button.setText(_("Print the enrolment sheet…"))
        self.full.setText(_("Every record (a full package)"))
        self.receive_box.setTitle(_("Package from the province"))
        self.receive_button.setText(_("Receive a package from the province…"))
        self.table.setHorizontalHeaderLabels([_("No."), _("Made at"), _("Kind"), _("Records"), _("File")])
        if self.rows:
            self._show(self.rows)
