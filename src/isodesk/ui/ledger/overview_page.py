"""Tổng quan: the office at a glance, today's work at the desk and the year's on-time rate; while the ledger is
empty, the first steps of a new office instead of an empty chart."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import N_, _
from isodesk.i18n.dates import short_date
from isodesk.i18n.numbers import percent, whole_number
from isodesk.services.changes import Change
from isodesk.ui.ledger.rate_chart import RateChart
from isodesk.ui.office.first_steps import FirstStepsBox
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page
from isodesk.ui.tables import read_only_table, remember_widths

#: The overdue dossiers' columns, and the widths they start with before a person drags them.
OVERDUE_HEADERS = (N_("Dossier code"), N_("Applicant"), N_("Due"))
OVERDUE_WIDTHS = (150, 170, 90)

FIELDS = (
    ("unit_name", N_("Office")),
    ("province_name", N_("Province")),
    ("leader_name", N_("Head of the office")),
    ("iso_representative", N_("ISO representative")),
    ("iso_secretary", N_("ISO secretary")),
    ("staff", N_("Staff")),
    ("data_dir", N_("Data folder")),
)
TILES = (
    ("received_today", N_("Received today")),
    ("due_today", N_("Due today")),
    ("overdue", N_("Overdue")),
    ("open", N_("Not yet settled")),
    ("month_rate", N_("On-time rate this month")),
)


class OverviewPage(Page):
    shows = frozenset({Change.LEDGER, Change.STATS, Change.OFFICE, Change.QMS, Change.ACCOUNTS, Change.PROCEDURES})
    #: A first step's button: where to go (see :class:`~isodesk.ui.office.first_steps.FirstStepsBox`).
    go = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.office_box = QGroupBox()
        self.form = QFormLayout(self.office_box)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key, _msg in FIELDS:
            self.labels[key] = QLabel()
            self.values[key] = QLabel("…")
            self.values[key].setObjectName(f"overview_{key}")
            self.form.addRow(self.labels[key], self.values[key])

        self.today_box = QGroupBox()
        tiles = QHBoxLayout(self.today_box)
        self.tile_labels: dict[str, QLabel] = {}
        self.tile_values: dict[str, QLabel] = {}
        tiles.setSpacing(18)  # numbers of neighbouring tiles never run together
        for key, _msg in TILES:
            column = QVBoxLayout()
            value = QLabel("—")
            value.setObjectName(f"tile_{key}")
            value.setStyleSheet("font-size: 20pt; font-weight: 600;")
            label = QLabel()
            label.setWordWrap(True)  # wraps between words, each tile as wide as the others
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column.addWidget(value)
            column.addWidget(label)
            column.addStretch(1)
            tiles.addLayout(column, 1)
            self.tile_values[key], self.tile_labels[key] = value, label

        self.chart_box = QGroupBox()
        self.chart = RateChart()
        QVBoxLayout(self.chart_box).addWidget(self.chart)
        self.overdue_box = QGroupBox()
        self.overdue_list = read_only_table(len(OVERDUE_HEADERS), "overdueList")
        self.overdue_list.setWordWrap(False)
        self.overdue_list.verticalHeader().setDefaultSectionSize(24)
        self.overdue_list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(OVERDUE_WIDTHS):
            self.overdue_list.setColumnWidth(column, width)
        remember_widths(self.overdue_list, "overdue")
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_list)
        self.first_steps = FirstStepsBox()
        self.first_steps.go.connect(self.go)
        self.first_steps.hide()
        lower = QHBoxLayout()
        lower.addWidget(self.first_steps, 1)
        lower.addWidget(self.chart_box, 3)
        lower.addWidget(self.overdue_box, 2)
        upper = QHBoxLayout()
        upper.addWidget(self.office_box, 2)
        upper.addWidget(self.today_box, 3)

        # The quality system's overdue obligations (yearly audit and review, legal changes): hidden when none.
        self.qms_warning = QLabel()
        self.qms_warning.setObjectName("qmsOverdue")
        self.qms_warning.setWordWrap(True)
        self.qms_warning.setStyleSheet("color: #ffffff; background: #c62828; font-weight: bold; padding: 4px 8px;")
        self.qms_warning.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.qms_warning)
        layout.addLayout(upper)
        layout.addLayout(lower, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("Overview"))
        self.office_box.setTitle(_("Office"))
        self.today_box.setTitle(_("Today at the one-stop shop"))
        self.chart_box.setTitle(_("On-time rate by month this year (dashed line: 95%)"))
        self.overdue_box.setTitle(_("Overdue dossiers"))
        self.overdue_list.setHorizontalHeaderLabels([_(h) for h in OVERDUE_HEADERS])
        for key, msg in FIELDS:
            self.labels[key].setText(_(msg) + ":")
        for key, msg in TILES:
            self.tile_labels[key].setText(_(msg))
        self.first_steps.retranslate()
        if self.data is not None:
            self._show(self.data)  # numbers and dates as the new language writes them

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> dict[str, Any]:
            from isodesk.services.ledger.stats import dashboard
            from isodesk.services.office.first_steps import first_steps
            from isodesk.services.office.profile import get_profile, office_info
            from isodesk.services.qms.journey import overdue_obligations

            info = office_info(ctx)
            profile = get_profile(ctx).to_dict()
            return {
                **profile,
                "staff": info["counts"]["staff"],
                "data_dir": info["data_dir"],  # type: ignore[index]
                "dashboard": dashboard(ctx),
                "qms_overdue": [_(t.title) for t in overdue_obligations(ctx)],
                "first_steps": first_steps(ctx),
            }

        run_in_background(load, self._show)

    def showEvent(self, event: QShowEvent) -> None:
        reloads = self.stale  # the page reloads what changed while it was hidden: once is enough
        super().showEvent(event)
        if not reloads and self.first_steps.isVisibleTo(self) and self.ctx is not None:
            self.refresh()  # a step done elsewhere (a backup) changes no data the page is told of

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        steps = data["first_steps"]
        self.first_steps.show_steps(steps)
        self.first_steps.setVisible(steps.shown)
        self.chart_box.setVisible(not steps.shown)
        self.overdue_box.setVisible(not steps.shown)
        for key, _msg in FIELDS:
            value = data.get(key)
            self.values[key].setText(str(value) if value not in (None, "") else "—")
        overdue = data.get("qms_overdue") or []
        self.qms_warning.setText(_("Quality system overdue: {tasks}.").format(tasks=", ".join(overdue)))
        self.qms_warning.setVisible(bool(overdue))
        board = data["dashboard"]
        for key, _msg in TILES:
            value = board[key]
            text = percent(value) if key == "month_rate" else whole_number(value)
            self.tile_values[key].setText(text)
        self.chart.set_rates([m["rate"] for m in board["months"]])
        rows = board["overdue_list"]
        self.overdue_list.setRowCount(len(rows))
        for index, row in enumerate(rows):
            due = short_date(row.due) if isinstance(row.due, datetime) else "—"
            for column, text in enumerate((row.code, row.applicant, due)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.overdue_list.setItem(index, column, item)
