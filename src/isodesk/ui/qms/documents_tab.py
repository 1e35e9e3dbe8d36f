"""The register of controlled documents (ISO 9001:2015 7.5): each document with its issue in force, the date and
approval, its distribution and whether it is obsolete; a document added, its draft issued, revised, given a file,
distributed or made obsolete; the ISO procedures printed from the catalogue brought into the register."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import local_today, short_date
from isodesk.ui.qms.common import run

if TYPE_CHECKING:
    from pathlib import Path

    from isodesk.services.context import AppContext

GREY = QColor("#757575")


class DocumentsTab(QWidget):
    def __init__(self, ctx_of: Callable[[], AppContext | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qmsDocuments")
        self.ctx_of = ctx_of
        self.documents: list[Any] = []
        self.code = QLineEdit()
        self.code.setObjectName("documentCode")
        self.code.setMaximumWidth(140)
        self.title_field = QLineEdit()
        self.title_field.setObjectName("documentTitle")
        self.kind = QComboBox()
        self.kind.setObjectName("documentKind")
        self.add_button = QPushButton()
        self.add_button.setObjectName("documentAdd")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("documents")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("documentIssue")
        self.revise_button = QPushButton()
        self.revise_button.setObjectName("documentRevise")
        self.change = QLineEdit()
        self.change.setObjectName("documentChange")
        self.attach_button = QPushButton()
        self.attach_button.setObjectName("documentAttach")
        self.holders = QLineEdit()
        self.holders.setObjectName("documentHolders")
        self.distribute_button = QPushButton()
        self.distribute_button.setObjectName("documentDistribute")
        self.obsolete_button = QPushButton()
        self.obsolete_button.setObjectName("documentObsolete")
        self.register_button = QPushButton()
        self.register_button.setObjectName("documentRegisterProcedures")
        add = QHBoxLayout()
        add.addWidget(self.code)
        add.addWidget(self.title_field, 2)
        add.addWidget(self.kind)
        add.addWidget(self.add_button)
        add.addWidget(self.register_button)
        actions = QHBoxLayout()
        actions.addWidget(self.change, 2)
        actions.addWidget(self.revise_button)
        actions.addWidget(self.attach_button)
        actions.addWidget(self.issue_button)
        actions.addWidget(self.obsolete_button)
        spread = QHBoxLayout()
        spread.addWidget(self.holders, 2)
        spread.addWidget(self.distribute_button)
        layout = QVBoxLayout(self)
        layout.addLayout(add)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(spread)
        self.add_button.clicked.connect(lambda: self.add())
        self.issue_button.clicked.connect(lambda: self.issue())
        self.revise_button.clicked.connect(lambda: self.revise())
        self.attach_button.clicked.connect(lambda: self.attach())
        self.distribute_button.clicked.connect(lambda: self.distribute())
        self.obsolete_button.clicked.connect(lambda: self.obsolete())
        self.register_button.clicked.connect(lambda: self.register_procedures())
        self.retranslate()

    def retranslate(self) -> None:
        from isodesk.domain.qms.documents import DocumentKind
        from isodesk.services.qms.documents import document_kind_name

        self.code.setPlaceholderText(_("Code, e.g. QT 01/VP"))
        self.title_field.setPlaceholderText(_("Title of the document"))
        current = self.kind.currentData()
        self.kind.clear()
        for kind in DocumentKind:
            self.kind.addItem(document_kind_name(kind).capitalize(), kind.value)
        if current:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.add_button.setText(_("Add"))
        self.register_button.setText(_("Register the printed ISO procedures"))
        self.table.setHorizontalHeaderLabels(
            [_("Code"), _("Title"), _("Kind"), _("Issue"), _("Issued on"), _("State"), _("Distribution")]
        )
        self.change.setPlaceholderText(_("What the new revision changes"))
        self.revise_button.setText(_("New revision"))
        self.attach_button.setText(_("Attach a file…"))
        self.issue_button.setText(_("Issue the draft"))
        self.obsolete_button.setText(_("Obsolete"))
        self.holders.setPlaceholderText(_("Holders of a copy, separated by commas"))
        self.distribute_button.setText(_("Distribute"))

    def refresh(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.documents import list_documents

        run(self, lambda: list_documents(ctx), self._show)

    def _show(self, documents: list[Any]) -> None:
        from isodesk.services.qms.documents import document_kind_name

        states = {"draft": _("draft"), "issued": _("issued"), "superseded": _("superseded")}
        self.documents = documents
        self.table.setRowCount(len(documents))
        for row, d in enumerate(documents):
            current = d.current
            state = _("obsolete") if d.obsolete_on else (states.get(current.state, "") if current else "")
            values = (
                d.code,
                d.title,
                document_kind_name(d.kind).capitalize(),
                str(current.issue) if current else "",
                short_date(current.issued_on) if current and current.issued_on else "",
                state,
                ", ".join(current.distribution) if current else "",
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if d.obsolete_on:
                    item.setForeground(GREY)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def selected(self) -> Any:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        return self.documents[rows[0]] if rows and rows[0] < len(self.documents) else None

    def _on_selected(self, action: Callable[[AppContext, int], object]) -> None:
        ctx, chosen = self.ctx_of(), self.selected()
        if ctx is None or chosen is None:
            return
        document_id = chosen.id
        run(self, lambda: action(ctx, document_id))

    def add(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.documents import add_document

        code, title, kind = self.code.text(), self.title_field.text(), str(self.kind.currentData())

        def done(_d: object) -> None:
            self.code.clear()
            self.title_field.clear()

        run(self, lambda: add_document(ctx, code, title, kind), done)

    def issue(self) -> None:
        from isodesk.services.qms.documents import issue_document

        self._on_selected(lambda c, d: issue_document(c, d, local_today()))

    def revise(self) -> None:
        from isodesk.services.qms.documents import revise_document

        change = self.change.text()
        self._on_selected(lambda c, d: revise_document(c, d, change))

    def attach(self, path: Path | None = None) -> None:
        from pathlib import Path

        from isodesk.services.qms.documents import attach_file

        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(self, _("Attach a file…"))
            if not chosen:
                return
            path = Path(chosen)
        source = path
        self._on_selected(lambda c, d: attach_file(c, d, source))

    def distribute(self) -> None:
        from isodesk.services.qms.documents import distribute

        holders = [h for h in (p.strip() for p in self.holders.text().split(",")) if h]
        self._on_selected(lambda c, d: distribute(c, d, holders))

    def obsolete(self) -> None:
        from isodesk.services.qms.documents import make_obsolete

        self._on_selected(lambda c, d: make_obsolete(c, d, local_today()))

    def register_procedures(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.documents import register_iso_procedures

        run(self, lambda: register_iso_procedures(ctx))
