"""Một cửa › Danh mục thủ tục: the procedure catalogue the desk receives for.

The list is searched without accents (as the receive form), filtered by field, by scope and by the procedures still
without a confirmed time; each row shows its field, the administrative level it is settled at, the time and fee in
force, the scope of the QMS and where the values come from with how sure they are. A procedure is edited, added and
retired here, and the province's list is imported with a preview of what it adds, changes and leaves alone
(:mod:`isodesk.ui.catalogue.import_dialog`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain import validation as v
from isodesk.i18n import N_, _
from isodesk.services.changes import Change
from isodesk.ui.messages import confirm, show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page
from isodesk.ui.tables import read_only_table
from isodesk.ui.validation import limit

if TYPE_CHECKING:
    from isodesk.services.ledger.procedures import ProcedureInfo

COL_CODE, COL_NAME, COL_FIELD, COL_LEVEL, COL_TIME, COL_FEE, COL_SCOPE, COL_SOURCE, COL_CONFIDENCE = range(9)
HEADERS = (
    N_("Code"),
    N_("Procedure"),
    N_("Field"),
    N_("Level"),
    N_("Processing time"),
    N_("Fee"),
    N_("ISO scope"),
    N_("Source"),
    N_("Confidence"),
)
SCOPES = (("", N_("In and out of scope")), ("in", N_("In the ISO scope")), ("out", N_("Out of scope")))
WIDTHS = (76, 0, 120, 80, 150, 100, 96, 160, 104)


class CataloguePage(Page):
    shows = frozenset({Change.PROCEDURES})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.procedures: list[ProcedureInfo] = []
        self.shown: list[ProcedureInfo] = []
        self.can_manage = False  # the acting account may change the catalogue (Permission.PROCEDURE_MANAGE)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("catalogueSearch")
        self.search.setClearButtonEnabled(True)
        limit(self.search, v.SEARCH)
        self.field = QComboBox()
        self.field.setObjectName("catalogueField")
        self.scope = QComboBox()
        self.scope.setObjectName("catalogueScope")
        self.no_time = QCheckBox()
        self.no_time.setObjectName("catalogueNoTime")
        self.retired = QCheckBox()
        self.retired.setObjectName("catalogueRetired")
        self.table = read_only_table(len(HEADERS), "catalogueTable", single_row=True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(WIDTHS):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("catalogueEdit")
        self.add_button = QPushButton()
        self.add_button.setObjectName("catalogueAdd")
        self.retire_button = QPushButton()
        self.retire_button.setObjectName("catalogueRetire")
        self.import_button = QPushButton()
        self.import_button.setObjectName("catalogueImport")
        self.count = QLabel()
        self.count.setObjectName("catalogueCount")
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.add_button.clicked.connect(lambda: self.add_procedure())
        self.retire_button.clicked.connect(lambda: self.retire_selected())
        self.import_button.clicked.connect(lambda: self.open_import())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.field, 2)
        filters.addWidget(self.scope, 2)
        filters.addWidget(self.no_time)
        filters.addWidget(self.retired)
        actions = QHBoxLayout()
        for button in (self.edit_button, self.add_button, self.retire_button, self.import_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.field.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.scope.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.no_time.toggled.connect(lambda _c: self.apply_filter())
        self.retired.toggled.connect(lambda _c: self.apply_filter())
        self.retranslate()
        self._selection_changed()

    # -- loading -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        from isodesk.services.accounts.auth import permissions_of
        from isodesk.services.ledger.procedures import list_procedures

        run_in_background(lambda: (list_procedures(ctx, retired=True), permissions_of(ctx)), self._loaded)

    def _loaded(self, loaded: tuple[list[ProcedureInfo], frozenset[Any]]) -> None:
        from isodesk.domain.permissions import Permission

        self.procedures, permissions = loaded
        self.can_manage = Permission.PROCEDURE_MANAGE in permissions
        for button in (self.add_button, self.import_button):
            button.setEnabled(self.can_manage)
        self.retranslate()
        self._fill_fields()
        self.apply_filter()

    def _fill_fields(self) -> None:
        from isodesk.i18n.text import sort_key

        current = self.field.currentData()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.addItem(_("All fields"), "")
        for name in sorted({p.field for p in self.procedures if p.field}, key=sort_key):
            self.field.addItem(name, name)
        index = self.field.findData(current)
        self.field.setCurrentIndex(max(index, 0))
        self.field.blockSignals(False)

    def apply_filter(self) -> None:
        from isodesk.i18n.text import search_key

        key = search_key(self.search.text())
        field = self.field.currentData() or ""
        scope = self.scope.currentData() or ""
        self.shown = [
            p
            for p in self.procedures
            if (not key or key in search_key(f"{p.code} {p.name} {p.field}"))
            and (not field or p.field == field)
            and (not scope or (scope == "in") == p.in_scope)
            and (not self.no_time.isChecked() or p.processing_time is None)
            and (p.active or self.retired.isChecked())
        ]
        self._fill_table()

    def _fill_table(self) -> None:
        from isodesk.services.ledger.catalogue import confidence_name, level_name, time_words

        selected = self.selected()
        level_tip = _(
            "Settled by the commune-level People's Committee. The province's list does not say at which level the "
            "procedure is offered online, so it is not shown."
        )
        self.table.setRowCount(len(self.shown))
        for row, p in enumerate(self.shown):
            time = time_words(p.time_unit, p.time_value)
            if p.office_time:
                time += " *"
            cells = (
                p.code,
                p.name,
                p.field,
                level_name(),
                time,
                p.fee,
                _("yes") if p.in_scope else _("no"),
                p.source,
                confidence_name(p.confidence),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column in (COL_NAME, COL_SOURCE) else "")
                if column == COL_LEVEL:
                    item.setToolTip(level_tip)
                if not p.active:
                    item.setForeground(Qt.GlobalColor.gray)
                    item.setToolTip(_("Retired: the desk no longer receives it."))
                elif column == COL_TIME and p.processing_time is None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(_("No confirmed time: the desk asks for it when this procedure is received."))
                elif column == COL_TIME and p.office_time:
                    item.setToolTip(_("* the office's own time (the catalogue's stays beside it)."))
                self.table.setItem(row, column, item)
        active = [p for p in self.procedures if p.active]
        self.count.setText(
            _("{shown} of {total} procedures · {missing} without a confirmed time").format(
                shown=sum(1 for p in self.shown if p.active),
                total=len(active),
                missing=sum(1 for p in active if p.processing_time is None),
            )
        )
        if selected is not None:
            self.select(selected.code)
        self._selection_changed()

    def selected(self) -> ProcedureInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.shown):
            return None
        return self.shown[rows[0].row()]

    def select(self, code: str) -> None:
        for row, p in enumerate(self.shown):
            if p.code == code:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        procedure = self.selected()
        self.edit_button.setEnabled(procedure is not None)
        self.retire_button.setEnabled(procedure is not None and self.can_manage)
        retired = procedure is not None and not procedure.active
        self.retire_button.setText(_("Bring back") if retired else _("Retire"))

    # -- actions -------------------------------------------------------------------------------------------
    def edit_selected(self) -> Any:
        procedure = self.selected()
        if procedure is None or self.ctx is None:
            return None
        return self._open_editor(procedure)

    def add_procedure(self) -> Any:
        if self.ctx is None:
            return None
        return self._open_editor(None)

    def _open_editor(self, procedure: ProcedureInfo | None) -> Any:
        from isodesk.ui.catalogue.procedure_dialog import ProcedureDialog

        assert self.ctx is not None
        self.editor = ProcedureDialog(self.ctx, procedure, self, read_only=not self.can_manage)
        self.editor.saved.connect(self._saved)
        self.editor.show()
        return self.editor

    def _saved(self, code: str) -> None:
        self._pending_select = code
        self.search.clear()
        self.refresh()
        QTimer.singleShot(0, lambda: self.select(code))

    def retire_selected(self, ask: bool = True) -> None:
        """Retire the chosen procedure (asking first), or bring a retired one back."""
        procedure = self.selected()
        if procedure is None or self.ctx is None:
            return
        if not procedure.active:
            from isodesk.services.ledger.catalogue import restore_procedure

            ctx, code = self.ctx, procedure.code
            run_in_background(lambda: restore_procedure(ctx, code), lambda _i: self.refresh(), self._failed)
            return
        question = _(
            "Retire “{name}” ({code})? The desk will no longer receive dossiers for it; its dossiers keep it, and "
            "an import that lists it again brings it back."
        ).format(name=procedure.name, code=procedure.code)
        if ask and not confirm(self, _("Retire a procedure"), question):
            return
        from isodesk.services.ledger.catalogue import retire_procedure

        ctx, code = self.ctx, procedure.code
        run_in_background(lambda: retire_procedure(ctx, code), lambda _i: self.refresh(), self._failed)

    def open_import(self) -> Any:
        from isodesk.ui.catalogue.import_dialog import ImportDialog

        if self.ctx is None:
            return None
        self.importer = ImportDialog(self.ctx, self)
        self.importer.show()
        return self.importer

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def retranslate(self) -> None:
        area, page = _("One-stop shop"), _("Procedure catalogue")
        self.title.setText(f"<h2>{area} › {page}</h2>")
        self.intro.setText(
            _(
                "The procedures the desk receives, with the time and fee the office applies. A procedure without a "
                "confirmed time cannot give an appointment: set the time the province published (double-click a "
                "row)."
            )
        )
        self.search.setPlaceholderText(_("Search a procedure, with or without accents (e.g. khai sinh)"))
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        for value, words in (
            ("", N_("In and out of scope")),
            ("in", N_("In the ISO scope")),
            ("out", N_("Out of scope")),
        ):
            self.scope.addItem(_(words), value)
        self.scope.setCurrentIndex(max(self.scope.findData(current), 0))
        self.scope.blockSignals(False)
        self.no_time.setText(_("Only without a confirmed time"))
        self.retired.setText(_("Show retired ones"))
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.edit_button.setText(_("Edit…") if self.can_manage or self.ctx is None else _("View…"))
        self.add_button.setText(_("Add a procedure…"))
        self.import_button.setText(_("Import a list (CSV, Excel)…"))
        tip = "" if self.can_manage else _("Your account may view the catalogue but not change it.")
        for button in (self.add_button, self.retire_button, self.import_button):
            button.setToolTip(tip)
        if self.procedures:
            self._fill_fields()
            self._fill_table()
        self._selection_changed()
