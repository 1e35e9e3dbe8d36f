"""Help › About: the version, the data folder, the data file's schema, the bundled components and their licences,
and a button that copies a short diagnostic for support (no personal data: see isodesk.services.safety.about)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.services.safety.about import About, about


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setWindowTitle(_("About isodesk"))
        self.info: About = about(data_dir)
        layout = QVBoxLayout(self)

        self.heading = QLabel(
            _(
                "<b>isodesk {version}</b><br>Quality management to TCVN ISO 9001:2015 and the one-stop-shop "
                "ledger for commune and ward People's Committees.<br>Licence: GNU GPL version 3 or later."
            ).format(version=self.info.version)
        )
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        form = QFormLayout()
        self.data_dir = QLabel(str(self.info.data_dir))
        self.data_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_dir.setWordWrap(True)
        form.addRow(_("Data folder:"), self.data_dir)
        schema = self.info.schema_version or _("no data yet")
        self.schema = QLabel(
            _("{schema} (this version writes {head})").format(schema=schema, head=self.info.schema_head)
        )
        form.addRow(_("Data file schema:"), self.schema)
        layout.addLayout(form)

        layout.addWidget(QLabel(_("Components the program carries, and their licences:")))
        self.components = QTableWidget(len(self.info.components), 4)
        self.components.setObjectName("aboutComponents")
        self.components.setHorizontalHeaderLabels([_("Component"), _("Version"), _("Licence"), _("Used for")])
        self.components.verticalHeader().setVisible(False)
        self.components.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.components.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, component in enumerate(self.info.components):
            version = qVersion() if component.name.startswith("Qt") else component.version
            for column, text in enumerate((component.name, version, component.licence, component.use)):
                self.components.setItem(row, column, QTableWidgetItem(text))
        self.components.resizeColumnsToContents()
        self.components.horizontalHeader().setStretchLastSection(True)
        self.components.setMinimumHeight(220)
        layout.addWidget(self.components, 1)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(_("Copy information for support"))
        self.copy_button.setObjectName("copyDiagnostic")
        self.copy_button.clicked.connect(self.copy_diagnostic)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.copied = QLabel("")
        layout.addWidget(self.copied)
        self.resize(760, 560)

    def diagnostic(self) -> str:
        return self.info.diagnostic(qt_version=qVersion())

    def copy_diagnostic(self) -> None:
        QApplication.clipboard().setText(self.diagnostic())
        self.copied.setText(_("Copied: paste it into your message to support."))
