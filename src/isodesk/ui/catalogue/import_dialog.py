"""Importing the province's list of procedures (CSV or Excel): first what it would add, change and leave alone,
then, when the officer agrees, all of it at once (:func:`isodesk.services.ledger.procedures.apply_import`, which
makes a backup first). A file that cannot be read says why and changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.ledger.procedures import ImportPreview


class ImportDialog(QDialog):
    """Emits :attr:`applied` once the import is saved."""

    applied = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.names: dict[str, str] = {}
        self.setObjectName("importDialog")
        self.setWindowTitle(_("Import a list of procedures"))
        self.resize(820, 560)
        intro = QLabel(
            _(
                "Choose the province's list of procedures as CSV (UTF-8) or Excel (.xlsx), with the columns code, "
                "name, time_value and time_unit, and optionally field, cutoff, fee_vnd, components, source, "
                "confidence, exemptions, legal_basis, notes and steps. Nothing is changed until you apply it."
            )
        )
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setObjectName("importFile")
        self.file.setReadOnly(True)
        self.choose_button = QPushButton(_("Choose a file…"))
        self.choose_button.setObjectName("importChoose")
        self.choose_button.clicked.connect(lambda: self.choose())
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.choose_button)
        self.summary = QLabel(_("No file chosen yet."))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("importPreview")
        self.tree.setHeaderLabels([_("Procedure"), _("What changes")])
        self.tree.setColumnWidth(0, 420)
        self.remove_missing = QCheckBox(_("Retire the procedures that are not in the file"))
        self.remove_missing.setObjectName("importRemoveMissing")
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(_("Apply the import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("importApply")
        self.apply_button.setEnabled(False)
        self.buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(lambda: self.apply())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.remove_missing)
        layout.addWidget(self.buttons)

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import a list of procedures"), "", _("Procedure lists (*.csv *.xlsx)")
        )
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        """Read ``path`` and show what importing it would do; nothing is written."""
        from isodesk.services.ledger.procedures import list_procedures, preview_import

        self.path = Path(path)
        self.file.setText(str(self.path))
        self.preview = None
        self.apply_button.setEnabled(False)
        self.tree.clear()
        self.summary.setText(_("Reading the file…"))
        ctx, target = self.ctx, self.path

        def work() -> tuple[ImportPreview, dict[str, str]]:
            return preview_import(ctx, target), {p.code: p.name for p in list_procedures(ctx)}

        run_in_background(work, self._previewed, self._unreadable)

    def _previewed(self, result: tuple[ImportPreview, dict[str, str]]) -> None:
        from isodesk.services.ledger.catalogue import field_words

        preview, self.names = result
        self.preview = preview
        names = self.names | {row.code: row.name for row in preview.rows}
        same = [row.code for row in preview.rows if row.code not in preview.added and row.code not in preview.changed]
        self.summary.setText(
            _(
                "The file lists {rows} procedures: {added} new, {changed} changed, {same} left as they are. "
                "{absent} procedures of the catalogue are not in the file."
            ).format(
                rows=len(preview.rows),
                added=len(preview.added),
                changed=len(preview.changed),
                same=len(same),
                absent=len(preview.removed),
            )
        )
        self.tree.clear()
        sections = (
            (_("Added ({n})"), [(c, _("new procedure")) for c in preview.added]),
            (_("Changed ({n})"), [(c, field_words(fields)) for c, fields in preview.changed.items()]),
            (_("Left as they are ({n})"), [(c, "") for c in same]),
            (
                _("Not in the file ({n})"),
                [(c, _("kept, unless you retire them below")) for c in preview.removed],
            ),
        )
        for title, rows in sections:
            top = QTreeWidgetItem([title.format(n=len(rows)), ""])
            self.tree.addTopLevelItem(top)
            for code, what in rows:
                child = QTreeWidgetItem([f"{code} · {names.get(code, '')}", what])
                if code in preview.changed:  # what each changed field was and becomes
                    child.setToolTip(1, _changes_text(preview.changed[code]))
                top.addChild(child)
            top.setExpanded(bool(rows) and len(rows) <= 30)
        self.apply_button.setEnabled(True)

    def _unreadable(self, exc: BaseException) -> None:
        self.summary.setText(str(exc))
        self.error_box = show_error(self, exc)

    def apply(self) -> None:
        if self.preview is None or self.path is None:
            return
        from isodesk.services.ledger.procedures import apply_import

        ctx, path, remove = self.ctx, self.path, self.remove_missing.isChecked()
        self.apply_button.setEnabled(False)
        run_in_background(lambda: apply_import(ctx, path, remove_missing=remove), self._applied, self._failed)

    def _applied(self, result: Any) -> None:
        self.result_text = _("Imported: {added} added, {changed} changed, {removed} retired.").format(
            added=len(result.added), changed=len(result.changed), removed=len(result.removed)
        )
        self.summary.setText(self.result_text)
        self.applied.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.apply_button.setEnabled(True)
        self.error_box = show_error(self, exc)


def _changes_text(changes: dict[str, tuple[Any, Any]]) -> str:
    """ "processing time: 3 → 2" per changed field, each value cut to a line."""
    from isodesk.services.ledger.catalogue import TIME_UNIT_NAMES, field_words, time_unit_name

    def short(value: Any) -> str:
        if value in TIME_UNIT_NAMES or value == "unknown":
            return time_unit_name(str(value))
        text = str(value if value is not None else "")
        return text if len(text) <= 70 else text[:69] + "…"

    return "\n".join(f"{field_words([f])}: {short(old)} → {short(new)}" for f, (old, new) in changes.items())
