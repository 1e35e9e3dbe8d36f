"""The ledger as a lazy table model (:class:`isodesk.ui.paged_model.PagedTableModel`): the dossiers of the current
filter and sort, a page at a time, coloured when due today or overdue."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from isodesk.i18n import N_
from isodesk.i18n.dates import local_now, short_datetime
from isodesk.services.ledger.queries import DossierFilter, DossierRow, count_dossiers, list_dossiers
from isodesk.ui.paged_model import PAGE, PagedTableModel

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
OVERDUE = QColor("#f8d0d0")
DUE_TODAY = QColor("#fbe6b6")


def _when(moment: datetime | None) -> str:
    return short_datetime(moment) if moment else "—"


class LedgerModel(PagedTableModel):
    HEADERS = HEADERS

    def __init__(self, ctx: AppContext | None = None, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.filter = DossierFilter()
        self.sort_key = "received"
        self.descending = True
        self.now = local_now()

    # -- loading ----------------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.reload()

    def set_filter(self, f: DossierFilter) -> None:
        self.filter = f
        self.reload()

    def starting(self) -> None:
        self.now = local_now()  # "due today" and "overdue" of every page are judged at one moment

    def count_rows(self) -> int:
        assert self.ctx is not None
        return count_dossiers(self.ctx, self.filter, self.now)

    def fetch_page(self, number: int) -> list[DossierRow]:
        assert self.ctx is not None
        return list_dossiers(
            self.ctx,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=number * PAGE,
            limit=PAGE,
            now=self.now,
        )

    # -- Qt model API -----------------------------------------------------------------------------------
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
        from isodesk.services.labels import state_name

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
        super().retranslate()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(HEADERS) - 1))
