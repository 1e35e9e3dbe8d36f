"""What every page of the main window can do: receive the open office, refresh, re-translate.

A page names the kinds of data it shows (:attr:`Page.shows`); when an operation changed one of them
(:func:`isodesk.ui.ops.changes`), the page reloads — at once when it is on screen, else when it is next shown, so a
hidden page costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from isodesk.ui import ops

if TYPE_CHECKING:
    from isodesk.services.changes import Change
    from isodesk.services.context import AppContext


class Page(QWidget):
    #: The kinds of data the page shows: it reloads when an operation changed one of them.
    shows: frozenset[Change] = frozenset()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.stale = False  # something it shows changed while it was hidden
        ops.changes().changed.connect(self.data_changed)

    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows from the services (off the GUI thread where it may take time)."""

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def data_changed(self, changed: frozenset[Change]) -> None:
        if self.ctx is None or not changed & self.shows:
            return
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self.refresh()
