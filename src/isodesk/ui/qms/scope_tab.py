"""The scope of the quality system (ISO 9001:2015 4.3): the procedures in scope chosen from the catalogue, the
excluded requirements with their reason, saved as a new version; the versions so far; the scope paper."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import short_date
from isodesk.ui.qms.common import run

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


class ScopeTab(QWidget):
    def __init__(self, ctx_of: Callable[[], AppContext | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qmsScope")
        self.ctx_of = ctx_of
        self.procedures_label = QLabel()
        self.procedures = QListWidget()
        self.procedures.setObjectName("scopeProcedures")
        self.exclusions_label = QLabel()
        self.exclusions = QTableWidget(0, 3)
        self.exclusions.setObjectName("scopeExclusions")
        self.exclusions.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.exclusions.setColumnWidth(0, 80)
        self.exclusions.setColumnWidth(1, 300)
        self.exclusions.setMaximumHeight(110)
        self.note = QLineEdit()
        self.note.setObjectName("scopeNote")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveScope")
        self.print_button = QPushButton()
        self.print_button.setObjectName("printScopeVersion")
        self.versions = QLabel()
        self.versions.setObjectName("scopeVersions")
        self.versions.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.procedures_label)
        layout.addWidget(self.procedures, 1)
        layout.addWidget(self.exclusions_label)
        layout.addWidget(self.exclusions)
        layout.addLayout(buttons)
        layout.addWidget(self.versions)
        self.save_button.clicked.connect(lambda: self.save())
        self.retranslate()

    def retranslate(self) -> None:
        self.procedures_label.setText(_("Procedures in scope (tick those the quality system applies to):"))
        self.exclusions_label.setText(_("Requirements not applied, with their reason:"))
        self.exclusions.setHorizontalHeaderLabels([_("Clause"), _("Requirement"), _("Reason")])
        self.note.setPlaceholderText(_("What changed (for the version history)"))
        self.save_button.setText(_("Save as a new version"))
        self.print_button.setText(_("Print the scope…"))

    def refresh(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return

        def load() -> tuple[list[Any], list[Any], list[Any]]:
            from isodesk.services.ledger.procedures import list_procedures
            from isodesk.services.qms.scope import list_scope_versions, model_exclusions

            versions = list_scope_versions(ctx)
            exclusions = list(versions[-1].exclusions) if versions else model_exclusions(ctx)
            return list_procedures(ctx), versions, exclusions

        run(self, load, self._fill)

    def _fill(self, loaded: tuple[list[Any], list[Any], list[Any]]) -> None:
        procedures, versions, exclusions = loaded
        self.procedures.clear()
        for p in procedures:
            item = QListWidgetItem(f"{p.name} ({p.code}) — {p.field}")
            item.setData(Qt.ItemDataRole.UserRole, p.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.in_scope else Qt.CheckState.Unchecked)
            self.procedures.addItem(item)
        self.exclusions.setRowCount(len(exclusions))
        for row, e in enumerate(exclusions):
            for col, value in enumerate((e.clause, e.requirement, e.reason)):
                self.exclusions.setItem(row, col, QTableWidgetItem(value))
        self.exclusions.resizeRowsToContents()
        if versions:
            lines = [
                _("Version {version} of {day}: {count} procedures").format(
                    version=v.version, day=short_date(v.set_on), count=len(v.procedures)
                )
                + (f" — {v.note}" if v.note else "")
                for v in reversed(versions)
            ]
            self.versions.setText("\n".join(lines))
        else:
            self.versions.setText(_("No version of the scope is saved yet."))

    def chosen(self) -> list[str]:
        return [
            str(self.procedures.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.procedures.count())
            if self.procedures.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, codes: set[str]) -> None:
        for i in range(self.procedures.count()):
            item = self.procedures.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def save(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.scope import Exclusion, set_scope

        codes = self.chosen()
        exclusions = []
        for row in range(self.exclusions.rowCount()):
            cells = [self.exclusions.item(row, c) for c in range(3)]
            values = [c.text() if c is not None else "" for c in cells]
            if any(values):
                exclusions.append(Exclusion(*values))
        note = self.note.text()
        run(self, lambda: set_scope(ctx, codes, exclusions, note=note), lambda _v: self.note.clear())
