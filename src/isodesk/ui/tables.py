"""Read-only tables: the lists of accounts, backups, staff, steps and history entries."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget


def read_only_table(
    columns: int, name: str, *, single_row: bool = False, min_height: int = 0, table: QTableWidget | None = None
) -> QTableWidget:
    """A table nobody types into, with no row numbers, whose last column takes the spare width.

    Clicking selects a whole row (one row only with ``single_row``). ``table`` configures an existing
    table (a subclass) instead of making a new one.
    """
    table = table if table is not None else QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    if single_row:
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    if min_height:
        table.setMinimumHeight(min_height)
    return table
