"""Read-only tables (the lists of accounts, backups, staff, steps and history entries), and column widths that a
person sets by dragging and finds again on the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView, QTableView, QTableWidget


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


def ui_settings() -> QSettings:
    """How this PC shows the program (column widths): a per-user file beside the other programs' settings, not the
    office's database, because it belongs to the screen and not to the office's records."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "isodesk", "screen")


def remember_widths(table: QTableView, key: str) -> None:
    """Give ``table``'s columns the widths last dragged on this PC, and keep the ones dragged from now on.

    Call it after the default widths are set. Only columns a person can drag are kept (a stretched column follows
    the window); a saved list that no longer fits the table's columns (a column added since) is ignored.
    """
    header = table.horizontalHeader()
    name = f"columns/{key}"
    saved = str(ui_settings().value(name, "") or "")
    widths = [int(w) if w.isdigit() else 0 for w in saved.split(",")] if saved else []
    if len(widths) == header.count():
        for column, width in enumerate(widths):
            if width > 0 and header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
                header.resizeSection(column, width)

    def resized(column: int, _old: int, _new: int) -> None:
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            return  # the stretched column moved because the window did
        ui_settings().setValue(name, ",".join(str(header.sectionSize(c)) for c in range(header.count())))

    header.sectionResized.connect(resized)
