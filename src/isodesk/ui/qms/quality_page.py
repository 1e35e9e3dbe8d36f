"""Hệ thống chất lượng: what the area will hold, and the QMS papers the office can already print.

The QMS scope and the ISO procedure documents are made from the procedure catalogue (its QMS-scope flags, dossier
components, times, fees and internal steps), so they print now; the policy, objectives and controlled documents
arrive with the QMS journey.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from isodesk.i18n import _
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page

if TYPE_CHECKING:
    from isodesk.ui.printing.preview import PreviewDialog


class QualityPage(Page):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_msg = title
        self._description_msg = description
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.coming = QLabel()
        self.coming.setObjectName("comingNote")
        self.coming.setWordWrap(True)

        self.papers = QGroupBox()
        self.scope_button = QPushButton()
        self.scope_button.setObjectName("printScope")
        self.procedure = QComboBox()
        self.procedure.setObjectName("isoProcedureChoice")
        self.procedure.setEditable(True)  # type to search among the procedures in scope
        self.procedure.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.procedure.setMinimumContentsLength(40)
        self.procedure_button = QPushButton()
        self.procedure_button.setObjectName("printIsoProcedure")
        self.procedure_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.procedure_label)
        row.addWidget(self.procedure, 1)
        row.addWidget(self.procedure_button)
        papers = QVBoxLayout(self.papers)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_button)
        scope_row.addStretch(1)
        papers.addLayout(scope_row)
        papers.addLayout(row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.papers)
        layout.addWidget(self.coming)
        layout.addStretch(1)
        self.scope_button.clicked.connect(lambda: self.print_scope())
        self.procedure_button.clicked.connect(lambda: self.print_procedure())
        self.retranslate()

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def in_scope() -> list[tuple[str, str]]:
            from isodesk.services.ledger.procedures import list_procedures

            return [(p.code, p.name) for p in list_procedures(ctx) if p.in_scope]

        run_in_background(in_scope, self._fill)

    def _fill(self, procedures: list[tuple[str, str]]) -> None:
        self.procedure.clear()
        for code, name in procedures:
            self.procedure.addItem(f"{name} ({code})", code)
        self.procedure_button.setEnabled(bool(procedures))

    def print_scope(self) -> PreviewDialog | None:
        if self.ctx is None:
            return None
        from isodesk.ui.printing.jobs import scope_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(scope_job(self.ctx), self)

    def print_procedure(self, code: str | None = None) -> PreviewDialog | None:
        code = code or self.procedure.currentData()
        if self.ctx is None or not code:
            return None
        from isodesk.ui.printing.jobs import iso_procedure_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(iso_procedure_job(self.ctx, code), self)

    def retranslate(self) -> None:
        self.title.setText(_(self._title_msg))
        self.description.setText(_(self._description_msg))
        self.papers.setTitle(_("Papers you can print now"))
        self.scope_button.setText(_("Scope of the quality system…"))
        self.procedure_label.setText(_("ISO procedure of:"))
        self.procedure_button.setText(_("Print…"))
        self.coming.setText(
            _(
                "The quality policy, the quality objectives and the controlled documents are being prepared "
                "and will arrive in a coming version."
            )
        )
