"""Tổng quan: the office at a glance, today's work at the desk and the year's on-time rate."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from isodesk.i18n import N_, _
from isodesk.i18n.dates import short_date
from isodesk.ui.ledger.rate_chart import RateChart
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page

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
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        for key, _msg in TILES:
            column = QVBoxLayout()
            value = QLabel("—")
            value.setObjectName(f"tile_{key}")
            value.setStyleSheet("font-size: 20pt; font-weight: 600;")
            label = QLabel()
            label.setWordWrap(True)
            column.addWidget(value)
            column.addWidget(label)
            tiles.addLayout(column)
            self.tile_values[key], self.tile_labels[key] = value, label

        self.chart_box = QGroupBox()
        self.chart = RateChart()
        QVBoxLayout(self.chart_box).addWidget(self.chart)
        self.overdue_box = QGroupBox()
        self.overdue_list = QListWidget()
        self.overdue_list.setObjectName("overdueList")
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_list)
        lower = QHBoxLayout()
        lower.addWidget(self.chart_box, 3)
        lower.addWidget(self.overdue_box, 2)
        upper = QHBoxLayout()
        upper.addWidget(self.office_box, 2)
        upper.addWidget(self.today_box, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(upper)
        layout.addLayout(lower, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("Overview"))
        self.office_box.setTitle(_("Office"))
        self.today_box.setTitle(_("Today at the one-stop shop"))
        self.chart_box.setTitle(_("On-time rate by month this year (dashed line: 95%)"))
        self.overdue_box.setTitle(_("Overdue dossiers"))
        for key, msg in FIELDS:
            self.labels[key].setText(_(msg) + ":")
        for key, msg in TILES:
            self.tile_labels[key].setText(_(msg))

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> dict[str, Any]:
            from isodesk.services.ledger.stats import dashboard
            from isodesk.services.office.profile import get_profile, office_info

            info = office_info(ctx)
            profile = get_profile(ctx).to_dict()
            return {
                **profile,
                "staff": info["counts"]["staff"],
                "data_dir": info["data_dir"],  # type: ignore[index]
                "dashboard": dashboard(ctx),
            }

        run_in_background(load, self._show)

    def _show(self, data: dict[str, Any]) -> None:
        for key, _msg in FIELDS:
            value = data.get(key)
            self.values[key].setText(str(value) if value not in (None, "") else "—")
        board = data["dashboard"]
        for key, _msg in TILES:
            value = board[key]
            if key == "month_rate":
                text = "—" if value is None else f"{value:.1%}".replace(".", ",")
            else:
                text = f"{value:,}".replace(",", ".")
            self.tile_values[key].setText(text)
        self.chart.set_rates([m["rate"] for m in board["months"]])
        self.overdue_list.clear()
        for row in board["overdue_list"]:
            due = short_date(row.due) if isinstance(row.due, datetime) else "—"
            self.overdue_list.addItem(
                _("{code} · {applicant} · due {due}").format(code=row.code, applicant=row.applicant, due=due)
            )
