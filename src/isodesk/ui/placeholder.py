"""An area whose screens are not built yet: it says what the area will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from isodesk.i18n import _
from isodesk.ui.page import Page


class PlaceholderPage(Page):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_msg = title
        self._description_msg = description
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.coming = QLabel()
        self.coming.setObjectName("comingNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.coming)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_(self._title_msg))
        self.description.setText(_(self._description_msg))
        self.coming.setText(_("This area is being prepared and will arrive in a coming version."))
