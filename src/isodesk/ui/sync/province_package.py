"""Nhận gói từ tỉnh: what the province's package would change in this office, change by change, and the province
key's fingerprint to compare with the province's signed enrolment sheet, before a person applies it or cancels.

Applying is the confirmation: the person compared the fingerprint shown here (the province's key is enrolled as
confirmed with the package it applies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.ui.tables import read_only_table

if TYPE_CHECKING:
    from isodesk.services.province_updates.apply import ProvinceImport


def action_words() -> dict[str, str]:
    return {"added": _("added"), "changed": _("changed"), "removed": _("removed")}


class ProvincePackageDialog(QDialog):
    """The changes of one province package, with Apply and Cancel."""

    def __init__(self, preview: ProvinceImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from isodesk.services.province_updates.apply import field_label

        self.setObjectName("provincePackageDialog")
        self.setWindowTitle(_("Package from the province"))
        self.resize(900, 560)
        self.preview = preview
        self.summary = QLabel(
            _("Package {sequence} from {province}: {added} added, {updated} changed.").format(
                sequence=preview.sequence,
                province=preview.province_name or preview.unit_code,
                added=preview.added,
                updated=preview.updated,
            )
        )
        self.summary.setWordWrap(True)
        self.fingerprint_label = QLabel(
            _("Fingerprint of the province's key: compare it with the enrolment sheet the province signed.")
        )
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint = QLabel(preview.fingerprint)
        self.fingerprint.setObjectName("provinceFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 12pt;")
        self.table = read_only_table(5, "provinceChanges", min_height=240)
        self.table.setHorizontalHeaderLabels(
            [_("Procedure or day"), _("Change"), _("Item changed"), _("Before"), _("After")]
        )
        words = action_words()
        self.table.setRowCount(len(preview.changes))
        for row, c in enumerate(preview.changes):
            cells = (c.key, words.get(c.action, c.action), field_label(c.field), c.old or "—", c.new or "—")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty = QLabel(_("The package changes nothing in this office."))
        self.empty.setVisible(not preview.changes)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton(_("Apply"))
        self.apply_button.setObjectName("provinceApply")
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("provinceCancel")
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.fingerprint_label)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
