"""Trợ giúp › Hướng dẫn sử dụng: the short user guide shipped with the program, in the user's language.

The guide is Markdown in ``resources/guide/<lang>.md`` with its pictures beside it, so an office or a province can
correct it without touching the program; it opens without a network, like everything else.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from isodesk.i18n import _, current_language
from isodesk.resources_path import resource_path


def guide_text(lang: str) -> str:
    """The guide's Markdown in ``lang`` (Vietnamese when there is none in that language)."""
    path = resource_path("guide", f"{lang}.md")
    if not path.is_file():
        path = resource_path("guide", "vi.md")
    return path.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(_("User guide"))
        self.resize(900, 680)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(resource_path("guide"))])
        self.browser.setMarkdown(guide_text(current_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
