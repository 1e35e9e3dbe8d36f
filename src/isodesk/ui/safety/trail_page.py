"""Nhật ký thay đổi: the audit trail, newest first, and the integrity check.

The trail may hold millions of entries: the table model knows the count and fetches pages as the view shows them
(:class:`isodesk.ui.paged_model.PagedTableModel`, like the ledger). The check reads every entry and can take
seconds, so it runs off the GUI thread with a progress bar, and its verdict is shown in plain words: intact, or
which entries were edited or deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import N_, _, ngettext
from isodesk.i18n.dates import exact_datetime
from isodesk.i18n.numbers import whole_number
from isodesk.services.changes import Change
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_with_progress
from isodesk.ui.page import Page
from isodesk.ui.paged_model import PAGE, PagedTableModel

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.safety.trail import TrailItem

COL_SEQ, COL_AT, COL_ACTOR, COL_ACTION, COL_RECORD, COL_CHANGES = range(6)
HEADERS = (N_("No."), N_("Time"), N_("Account"), N_("Action"), N_("Record"), N_("Changes"))


class TrailModel(PagedTableModel):
    """The trail's entries, newest first (of one record when ``record`` is set), each with its changes in words."""

    HEADERS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(None, parent)
        self.record = ""
        self._staff: dict[int, str] = {}

    def count_rows(self) -> int:
        from isodesk.services.safety.trail import count_trail, staff_names

        assert self.ctx is not None
        self._staff = staff_names(self.ctx)  # the names the changes mention, read once per load
        return count_trail(self.ctx, self.record)

    def fetch_page(self, number: int) -> list[tuple[TrailItem, str]]:
        from isodesk.services.safety.trail import describe, list_trail, summary

        assert self.ctx is not None
        items = list_trail(self.ctx, self.record, offset=number * PAGE, limit=PAGE)
        return [(item, summary(item, describe(item, self._staff))) for item in items]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        found = self.row_at(index.row())
        if found is None:
            return None
        item, text = found
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if index.column() == COL_CHANGES else None
        return self.display(item, text, index.column())

    @staticmethod
    def display(item: TrailItem, text: str, column: int) -> str:
        from isodesk.services.safety.trail import display_label, table_name, trail_action_name

        if column == COL_SEQ:
            return str(item.seq)
        if column == COL_AT:
            return exact_datetime(item.at)
        if column == COL_ACTOR:
            return item.actor
        if column == COL_ACTION:
            return f"{trail_action_name(item.action)} {table_name(item.table)}"
        if column == COL_RECORD:
            return display_label(item)
        return text


class TrailPage(Page):
    shows = frozenset({Change.TRAIL})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TrailModel(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.record = QLineEdit()
        self.record.setObjectName("trailRecord")
        self.record.setClearButtonEnabled(True)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setObjectName("trailTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_CHANGES, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((70, 140, 100, 170, 210)):
            self.table.setColumnWidth(column, width)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("verifyTrail")
        self.progress = QProgressBar()
        self.progress.setObjectName("verifyProgress")
        self.progress.hide()
        self.verdict = QLabel()
        self.verdict.setObjectName("trailVerdict")
        self.verdict.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("trailProblems")
        self.problems.setMaximumHeight(120)
        self.problems.hide()
        self.denied = QLabel()
        self.denied.setObjectName("comingNote")
        self.denied.hide()

        top = QHBoxLayout()
        top.addWidget(self.record, 1)
        top.addWidget(self.count)
        check = QHBoxLayout()
        check.addWidget(self.verify_button)
        check.addWidget(self.progress, 1)
        check.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.denied)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(check)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problems)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.refresh)
        self.record.textChanged.connect(lambda _t: self._debounce.start())
        self.verify_button.clicked.connect(self.verify)
        self.model.loaded.connect(self._show_count)
        self.retranslate()

    def set_context(self, ctx: AppContext) -> None:
        self.model.ctx = ctx
        self.verdict.clear()
        self.problems.hide()
        super().set_context(ctx)

    def refresh(self) -> None:
        if self.ctx is None:
            return
        self.model.record = self.record.text().strip()
        self.model.reload(self._refused)

    def _refused(self, exc: BaseException) -> None:
        from isodesk.errors import UserError

        if isinstance(exc, UserError):  # this account may not read the trail
            self.model.clear()
            self.denied.setText(exc.message)
            self.denied.show()
            self.verify_button.setEnabled(False)
        else:
            show_error(self, exc)

    def _show_count(self, count: int) -> None:
        self.denied.hide()
        self.verify_button.setEnabled(True)
        self.shown_count = count
        self.count.setText(ngettext("{n} entry", "{n} entries", count).format(n=whole_number(count)))

    # -- integrity check ------------------------------------------------------------------------------
    def verify(self) -> None:
        ctx = self.ctx
        if ctx is None or not self.verify_button.isEnabled():
            return
        from isodesk.services.safety.trail_verify import verify_trail

        self.verify_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.problems.hide()
        self.verdict.setStyleSheet("")
        self.verdict.setText(_("Checking every entry of the audit trail…"))
        run_with_progress(
            lambda progress: verify_trail(ctx, progress), self._show_progress, self._verified, self._verify_failed
        )

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _verify_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.verify_button.setEnabled(True)
        self.verdict.clear()
        show_error(self, exc)

    def _verified(self, result: Any) -> None:
        self.progress.hide()
        self.verify_button.setEnabled(True)
        self.result = result
        entries = whole_number(result.entries)
        if result.ok:
            self.verdict.setStyleSheet("color: #1b5e20; font-weight: 600;")
            self.verdict.setText(
                _("✔ The audit trail is intact: {n} entries checked, none edited or deleted.").format(n=entries)
            )
            return
        self.verdict.setStyleSheet("color: #b00020; font-weight: 600;")
        self.verdict.setText(
            _(
                "✖ The audit trail has been tampered with: {n} problems found in {entries} entries. Keep this "
                "file as it is and tell the leader; compare with a backup."
            ).format(n=result.problems_total, entries=entries)
        )
        self.problems.clear()
        for problem in result.problems:
            self.problems.addItem(problem.describe())
        self.problems.show()

    def retranslate(self) -> None:
        self.title.setText(_("Audit trail"))
        self.intro.setText(
            _(
                "Every change to the office's records: who, when, what, before and after. Entries cannot be "
                "changed; the check detects any entry edited or deleted outside the program. Applicants' "
                "personal data is shown only as “changed”."
            )
        )
        self.record.setPlaceholderText(
            _("Only the entries of one record: a dossier code, a procedure code or a staff member's name")
        )
        self.verify_button.setText(_("Check integrity"))
        self.model.retranslate()
        if getattr(self, "shown_count", None) is not None:
            self.count.setText(
                ngettext("{n} entry", "{n} entries", self.shown_count).format(n=whole_number(self.shown_count))
            )
