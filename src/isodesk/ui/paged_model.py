"""A lazy table model over a list a service serves in pages (after Anki's browser and Vorta's passive models).

It never holds the whole list, which may be a million dossiers or trail entries: it knows the row count of the
current query and keeps the last :data:`MAX_PAGES` pages of :data:`PAGE` rows, each fetched from the service when
the view first shows one of its rows. The count and the first page are loaded off the GUI thread; later pages are
small and come synchronously as the user scrolls. A reload started while another is running wins: the older one's
result is dropped when it arrives.

A subclass names its columns (``HEADERS``, msgids), says how to count and fetch (:meth:`count_rows`,
:meth:`fetch_page`, both may run off the GUI thread) and how a row is shown.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from isodesk.i18n import _
from isodesk.ui.ops import run_in_background

if TYPE_CHECKING:
    from isodesk.services.context import AppContext

PAGE = 100
MAX_PAGES = 40


class PagedTableModel(QAbstractTableModel):
    loaded = Signal(int)  # emitted with the row count after each (re)load

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, ctx: AppContext | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._count = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._generation = 0

    # -- what a subclass says ---------------------------------------------------------------------------
    def count_rows(self) -> int:
        """The number of rows of the current query (may run off the GUI thread)."""
        raise NotImplementedError

    def fetch_page(self, number: int) -> list[Any]:
        """Rows ``number * PAGE`` to ``number * PAGE + PAGE - 1`` of the current query (may run off the GUI thread)."""
        raise NotImplementedError

    def starting(self) -> None:
        """Called on the GUI thread before each (re)load, to fix what the query depends on (such as "now")."""

    # -- loading ----------------------------------------------------------------------------------------
    def _query(self) -> tuple[int, list[Any]]:
        return self.count_rows(), self.fetch_page(0)

    def _apply(self, generation: int, result: tuple[int, list[Any]]) -> None:
        if generation != self._generation:
            return  # a newer query was chosen meanwhile
        self.beginResetModel()
        self._count, first = result
        self._pages = OrderedDict({0: first})
        self.endResetModel()
        self.loaded.emit(self._count)

    def reload(self, on_error: Callable[[BaseException], None] | None = None) -> None:
        """Count and first page off the GUI thread."""
        if self.ctx is None:
            return
        self.starting()
        self._generation += 1
        generation = self._generation
        run_in_background(self._query, lambda result: self._apply(generation, result), on_error)

    def reload_now(self) -> None:
        """The same, synchronously (tests, benchmarks)."""
        self.starting()
        self._generation += 1
        self._apply(self._generation, self._query())

    def clear(self) -> None:
        self.beginResetModel()
        self._count, self._pages = 0, OrderedDict()
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        """The row's data (fetching its page if needed), or None past the end."""
        number, index = divmod(row, PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self.fetch_page(number)
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[index] if index < len(page) else None

    # -- Qt model API -----------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
