"""What every page of the main window can do: receive the open office, refresh, re-translate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


class Page(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None

    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows from the services (off the GUI thread where it may take time)."""

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""
