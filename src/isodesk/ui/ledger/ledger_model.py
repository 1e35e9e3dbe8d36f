"""A lazy table model over the ledger (after Anki's browser and Vorta's passive models).

It never holds the whole ledger: it knows the row count for the current filter and keeps a small cache of pages,
each fetched from the service when the view first shows one of its rows. The count and the first page are loaded
off the GUI thread; later pages are small and come synchronously as the user scrolls.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from isodesk.i18n import N_, _
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.ledger_query import DossierFilter, DossierRow, count_dossiers, list_dossiers
from isodesk.ui.ops import run_in_background

if TYPE_CHECKING:
    from isodesk.services.context import AppContext

COL_CODE, COL_RECEIVED, COL_APPLICANT, COL_PROCEDURE, COL_DUE, COL_STATUS, COL_HANDLER = range(7)
HEADERS = (
    N_("Dossier code"),
    N_("Received"),
    N_("Applicant"),
    N_("Procedure"),
    N_("Due"),
    N_("Status"),
    N_("Handled by"),
)
SORT_COLUMNS = {COL_CODE: "code", COL_RECEIVED: "received", COL_DUE: "due"}
PAGE = 100
MAX_PAGES = 40
OVERDUE = QColor("#f8d0d0")
DUE_TODAY = QColor("#fbe6b6")


def _when(moment: datetime | None) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y") if moment else "—"


class LedgerModel(QAbstractTableModel):
    loaded = Signal(int)  # emitted with the row count after each (re)load

    def __init__(self, ctx: AppContext | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = DossierFilter()
        self.sort_key = "received"
        self.descending = True
        self.now = datetime.now(LOCAL_TZ)
        self._count = 0
        self._pages: OrderedDict[int, list[DossierRow]] = OrderedDict()
        self._generation = 0

    # -- loading ----------------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.reload()

    def set_filter(self, f: DossierFilter) -> None:
        self.filter = f
        self.reload()

    def _query(self) -> tuple[int, list[DossierRow]]:
        assert self.ctx is not None
        count = count_dossiers(self.ctx, self.filter, self.now)
        first = list_dossiers(
            self.ctx, self.filter, sort=self.sort_key, descending=self.descending, limit=PAGE, now=self.now
        )
        return count, first

    def _apply(self, generation: int, result: tuple[int, list[DossierRow]]) -> None:
        if generation != self._generation:
            return  # a newer filter was chosen meanwhile
        self.beginResetModel()
        self._count, first = result
        self._pages = OrderedDict({0: first})
        self.endResetModel()
        self.loaded.emit(self._count)

    def reload(self) -> None:
        """Count and first page off the GUI thread."""
        if self.ctx is None:
            return
        self.now = datetime.now(LOCAL_TZ)
        self._generation += 1
        generation = self._generation
        run_in_background(self._query, lambda result: self._apply(generation, result))

    def reload_now(self) -> None:
        """The same, synchronously (tests, benchmarks)."""
        self.now = datetime.now(LOCAL_TZ)
        self._generation += 1
        self._apply(self._generation, self._query())

    def _page(self, number: int) -> list[DossierRow]:
        page = self._pages.get(number)
        if page is None:
            assert self.ctx is not None
            page = list_dossiers(
                self.ctx,
                self.filter,
                sort=self.sort_key,
                descending=self.descending,
                offset=number * PAGE,
                limit=PAGE,
                now=self.now,
            )
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def row_at(self, row: int) -> DossierRow | None:
        page = self._page(row // PAGE)
        index = row % PAGE
        return page[index] if index < len(page) else None

    # -- Qt model API -----------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.overdue:
                return QBrush(OVERDUE)
            if row.due_today:
                return QBrush(DUE_TODAY)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_PROCEDURE:
            return row.procedure_name
        return None

    @staticmethod
    def display(row: DossierRow, column: int) -> str:
        from isodesk.services.dossiers import state_name

        if column == COL_CODE:
            return row.code
        if column == COL_RECEIVED:
            return _when(row.received)
        if column == COL_APPLICANT:
            return row.applicant
        if column == COL_PROCEDURE:
            return row.procedure_name
        if column == COL_DUE:
            return _when(row.due)
        if column == COL_STATUS:
            return state_name(row.status)
        return row.handler or ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_COLUMNS.get(column)
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(HEADERS) - 1))
