"""Lịch sử: a dossier's entries in the audit trail — who changed what, when, from what to what.

The applicant's personal data never reaches the trail, so such a field shows as changed without its values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from isodesk.i18n import _
from isodesk.i18n.dates import exact_datetime
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.tables import read_only_table

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


def change_lines(action: str, changes: list[Any]) -> list[str]:
    lines = []
    for c in changes:
        if c.personal:
            lines.append(_("{field}: changed (personal data, not shown)").format(field=c.name))
        elif action == "update":
            lines.append(f"{c.name}: {c.old} → {c.new}")
        elif action == "insert":
            lines.append(f"{c.name}: {c.new}")
        else:
            lines.append(f"{c.name}: {c.old}")
    return lines


class HistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        read_only_table(4, "historyTable", table=self)
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.entries: list[Any] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([_("Time"), _("Account"), _("Action"), _("Changes")])

    def load(self, ctx: AppContext, code: str) -> None:
        from isodesk.services.safety.trail import dossier_history

        run_in_background(lambda: dossier_history(ctx, code), self.show_entries, lambda exc: show_error(self, exc))

    def show_entries(self, entries: list[Any]) -> None:
        from isodesk.services.safety.trail import table_name, trail_action_name

        self.entries = entries
        self.setRowCount(len(entries))
        for row, (item, changes) in enumerate(entries):
            cells = (
                exact_datetime(item.at),
                item.actor,
                f"{trail_action_name(item.action)} {table_name(item.table)}",
                "\n".join(change_lines(item.action, changes)),
            )
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.resizeRowsToContents()
        self.scrollToBottom()  # oldest first, like the timeline; the latest change in view
