"""Một cửa: the dossier ledger with its filters and search, and the working-day calendar."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain import validation as v
from isodesk.domain.ledger import State, Timeliness
from isodesk.i18n import N_, _, ngettext
from isodesk.i18n.dates import QT_SHORT_DATE, local_today
from isodesk.i18n.numbers import whole_number
from isodesk.services.changes import Change
from isodesk.services.labels import STATE_NAMES, TIMELINESS_NAMES
from isodesk.services.ledger.queries import DossierFilter
from isodesk.ui.ledger.calendar_view import CalendarView
from isodesk.ui.ledger.ledger_model import COL_PROCEDURE, COL_RECEIVED, COL_STATUS, DUE_TODAY, OVERDUE, LedgerModel
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page
from isodesk.ui.tables import remember_widths
from isodesk.ui.validation import limit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.ui.printing.preview import PreviewDialog

#: The status filter: everything, the open dossiers, then each state of :class:`State`.
STATUSES = (
    ("", N_("All dossiers")),
    ("open", N_("Not yet settled")),
    *((state.value, STATE_NAMES[state.value]) for state in State),
)
TIMELINESS = (("", N_("Any timeliness")), *((t.value, TIMELINESS_NAMES[t]) for t in Timeliness))


class LedgerPage(Page):
    shows = frozenset({Change.LEDGER})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LedgerModel()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setObjectName("ledgerSearch")
        self.search.setClearButtonEnabled(True)
        limit(self.search, v.SEARCH)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.timeliness = QComboBox()
        self.overdue = QCheckBox()
        self.overdue.setObjectName("overdueOnly")
        self.due_today = QCheckBox()
        self.field = QComboBox()
        self.field.setObjectName("fieldFilter")
        self.handler = QComboBox()
        self.handler.setObjectName("handlerFilter")
        self.period = QCheckBox()
        self.period.setObjectName("periodFilter")
        today = QDate(local_today())  # Vietnam's day, whatever zone the PC is set to
        self.date_from = QDateEdit(QDate(today.year(), 1, 1))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat(QT_SHORT_DATE)
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.receive = QPushButton()
        self.receive.setObjectName("receiveDossier")
        self.open_button = QPushButton()
        self.print_button = QPushButton()
        self.print_button.setObjectName("ledgerPrint")
        self.print_menu = QMenu(self.print_button)
        self.print_receipt_action = self.print_menu.addAction("", lambda: self.print_selected_receipt())
        self.print_today_action = self.print_menu.addAction("", lambda: self.print_receipts_of_today())
        self.print_menu.addSeparator()
        self.print_ledger_action = self.print_menu.addAction("", lambda: self.print_ledger())
        self.print_stats_action = self.print_menu.addAction("", lambda: self.print_stats())
        self.print_button.setMenu(self.print_menu)
        self.count = QLabel()
        self.count.setObjectName("ledgerCount")
        self.legend = QLabel()
        self.legend.setTextFormat(self.legend.textFormat())

        self.table = QTableView()
        self.table.setObjectName("ledgerTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(COL_RECEIVED, Qt.SortOrder.DescendingOrder)  # model's order
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_PROCEDURE, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((178, 116, 170, 300, 116, 130, 150)):
            if column != COL_PROCEDURE:
                self.table.setColumnWidth(column, width)
        remember_widths(self.table, "ledger")
        self.table.doubleClicked.connect(lambda index: self.open_dossier(index.row()))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.timeliness, 1)
        filters.addWidget(self.overdue)
        filters.addWidget(self.due_today)
        more = QHBoxLayout()
        more.addWidget(self.field, 2)
        more.addWidget(self.handler, 2)
        more.addWidget(self.period)
        more.addWidget(self.date_from)
        more.addWidget(self.date_to)
        more.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.receive)
        actions.addWidget(self.open_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.legend)
        actions.addWidget(self.count)

        ledger = QWidget()
        ledger_layout = QVBoxLayout(ledger)
        ledger_layout.addLayout(filters)
        ledger_layout.addLayout(more)
        ledger_layout.addWidget(self.table, 1)
        ledger_layout.addLayout(actions)
        self.calendar = CalendarView()
        self.tabs = QTabWidget()
        self.tabs.addTab(ledger, "")
        self.tabs.addTab(self.calendar, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.period.toggled.connect(lambda on: (self.date_from.setEnabled(on), self.date_to.setEnabled(on)))
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filter())
        for combo in (self.status, self.timeliness, self.field, self.handler):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for box in (self.overdue, self.due_today, self.period):
            box.toggled.connect(lambda _c: self.apply_filter())
        self.receive.clicked.connect(self.open_receive)
        self.open_button.clicked.connect(lambda: self.open_dossier(self.table.currentIndex().row()))
        self.model.loaded.connect(self._show_count)
        self.retranslate()

    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.model.set_context(ctx)
        self.calendar.set_context(ctx)

        def choices() -> tuple[list[str], list[tuple[int, str]]]:
            from isodesk.services.ledger.procedures import list_procedures
            from isodesk.services.office.staff import list_staff

            fields = sorted({p.field for p in list_procedures(ctx) if p.field})
            return fields, [(p.id, p.name) for p in list_staff(ctx)]

        run_in_background(choices, self._fill_choices)

    def _fill_choices(self, data: tuple[list[str], list[tuple[int, str]]]) -> None:
        self.fields, self.people = data
        self.retranslate()

    def refresh(self) -> None:
        self.model.reload()

    def current_filter(self) -> DossierFilter:
        period = self.period.isChecked()
        return DossierFilter(
            status=self.status.currentData() or None,
            timeliness=self.timeliness.currentData() or None,
            search=self.search.text(),
            overdue=self.overdue.isChecked(),
            due_today=self.due_today.isChecked(),
            field=self.field.currentData() or None,
            handler_id=self.handler.currentData() or None,
            received_from=self.date_from.date().toPython() if period else None,
            received_to=self.date_to.date().toPython() if period else None,
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _show_count(self, count: int | None) -> None:
        self.shown_count = count
        if count is not None:
            self.count.setText(ngettext("{n} dossier", "{n} dossiers", count).format(n=whole_number(count)))

    def open_receive(self) -> Any:
        if self.ctx is None:
            return None
        from isodesk.ui.ledger.receive_dialog import ReceiveDialog

        dialog = ReceiveDialog(self.ctx, self)  # the ledger reloads when told the dossier was saved (Page.shows)
        dialog.show()
        return dialog

    def open_dossier(self, row: int) -> Any:
        if self.ctx is None or row < 0:
            return None
        item = self.model.row_at(row)
        if item is None:
            return None
        from isodesk.ui.ledger.dossier_dialog import DossierDialog

        dialog = DossierDialog(self.ctx, item.code, self)
        dialog.show()
        return dialog

    # -- printing ---------------------------------------------------------------------------------------
    def today(self) -> date:
        return local_today()

    def print_selected_receipt(self) -> PreviewDialog | None:
        item = self.model.row_at(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        if self.ctx is None or item is None:
            from isodesk.errors import UserError
            from isodesk.ui.messages import show_error

            show_error(self, UserError(_("Select a dossier in the ledger first.")))
            return None
        from isodesk.ui.printing.jobs import receipt_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(receipt_job(self.ctx, item.code), self)

    def print_receipts_of_today(self) -> PreviewDialog | None:
        if self.ctx is None:
            return None
        from isodesk.ui.printing.jobs import receipts_of_day_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(receipts_of_day_job(self.ctx, self.today()), self)

    def _ask_period(self, title: str) -> tuple[date, date] | None:
        from isodesk.ui.printing.period import PeriodDialog, month_of

        if self.period.isChecked():
            start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        else:
            start, end = month_of(self.today())
        dialog = PeriodDialog(title, start, end, self.today(), self)
        return dialog.period() if dialog.exec() == PeriodDialog.DialogCode.Accepted else None

    def print_ledger(self, period: tuple[date, date] | None = None) -> PreviewDialog | None:
        if self.ctx is None:
            return None
        period = period or self._ask_period(_("Print the dossier ledger"))
        if period is None:
            return None
        from isodesk.ui.printing.jobs import ledger_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(ledger_job(self.ctx, *period), self)

    def print_stats(self, period: tuple[date, date] | None = None) -> PreviewDialog | None:
        if self.ctx is None:
            return None
        period = period or self._ask_period(_("Print the statistics report"))
        if period is None:
            return None
        from isodesk.ui.printing.jobs import stats_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(stats_job(self.ctx, *period), self)

    def retranslate(self) -> None:
        self.title.setText(_("One-stop shop"))
        self.search.setPlaceholderText(_("Search by dossier code or applicant, with or without accents"))
        fields = [("", _("All fields")), *((f, f) for f in getattr(self, "fields", []))]
        people = [(0, _("Any officer")), *getattr(self, "people", [])]
        statuses = [(v, _(label)) for v, label in STATUSES]
        timeliness = [(v, _(label)) for v, label in TIMELINESS]
        combos = ((self.status, statuses), (self.timeliness, timeliness), (self.field, fields), (self.handler, people))
        for combo, items in combos:
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(current, 0))
            combo.blockSignals(False)
        self.period.setText(_("Received from"))
        self.overdue.setText(_("Overdue only"))
        self.due_today.setText(_("Due today"))
        self.receive.setText(_("Receive a dossier…"))
        self.open_button.setText(_("Open / next step…"))
        self.print_button.setText(_("Print"))
        self.print_receipt_action.setText(_("Receipt slip of the selected dossier"))
        self.print_today_action.setText(_("Receipt slips of all dossiers received today"))
        self.print_ledger_action.setText(_("Dossier ledger for a period…"))
        self.print_stats_action.setText(_("Statistics report for a period…"))
        due_today, overdue = _("due today"), _("overdue")
        self.legend.setText(
            f"<span style='background:{DUE_TODAY.name()}'>&nbsp;{due_today}&nbsp;</span>&nbsp;"
            f"<span style='background:{OVERDUE.name()}'>&nbsp;{overdue}&nbsp;</span>"
        )
        self.tabs.setTabText(0, _("Dossier ledger"))
        self.tabs.setTabText(1, _("Working-day calendar"))
        self.model.retranslate()
        self.calendar.retranslate()
        # The status column as wide as its longest word in this language ("waiting for a supplement").
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(_(name)) for name in STATE_NAMES.values())
        self.table.setColumnWidth(COL_STATUS, max(self.table.columnWidth(COL_STATUS), widest + 16))
        self._show_count(getattr(self, "shown_count", None))
