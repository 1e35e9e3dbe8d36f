"""Quality objectives (ISO 9001:2015 6.2): the year's objectives with their actual value against the target,
computed from the ledger; a new one added with its measure and target; the chosen one's trend by period."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.ui.qms.common import run

if TYPE_CHECKING:
    from isodesk.services.context import AppContext

GOOD = QColor("#2e7d32")
WARN = QColor("#ef6c00")
GRID = QColor("#cccccc")


def number(value: float) -> str:
    """94,3 as Vietnamese papers and screens write a decimal (the overview's rates are written the same way)."""
    return f"{value:g}".replace(".", ",")


class TrendChart(QWidget):
    """Bars of an objective's actual value by period, with its target as a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectiveTrend")
        self.values: list[tuple[str, float | None, bool | None]] = []
        self.target = 0.0
        self.setMinimumSize(QSize(360, 150))

    def set_values(self, values: list[tuple[str, float | None, bool | None]], target: float) -> None:
        self.values, self.target = values, target
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        left, bottom, top = 8, metrics.height() + 6, 8
        width, height = self.width() - 16, self.height() - bottom - top
        painter.setPen(QPen(GRID))
        painter.drawLine(left, top + height, left + width, top + height)
        if not self.values:
            painter.end()
            return
        high = max([self.target, *(v for _l, v, _m in self.values if v is not None)]) * 1.15 or 1.0
        target_y = int(top + height * (1 - self.target / high))
        painter.setPen(QPen(WARN, 1, Qt.PenStyle.DashLine))
        painter.drawLine(left, target_y, left + width, target_y)
        slot = width / len(self.values)
        for i, (label, value, met) in enumerate(self.values):
            x = left + i * slot
            painter.setPen(QPen(self.palette().text().color()))
            short = label.split("-")[-1]
            painter.drawText(QRectF(x, top + height + 2, slot, metrics.height()), Qt.AlignmentFlag.AlignCenter, short)
            if value is None:
                continue
            bar = height * value / high
            painter.fillRect(QRectF(x + slot * 0.2, top + height - bar, slot * 0.6, bar), GOOD if met else WARN)
            painter.drawText(
                QRectF(x, top + height - bar - metrics.height(), slot, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                number(value),
            )
        painter.end()


class ObjectivesTab(QWidget):
    def __init__(self, ctx_of: Callable[[], AppContext | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qmsObjectives")
        self.ctx_of = ctx_of
        self.year = QSpinBox()
        self.year.setObjectName("objectivesYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(local_today().year)
        self.year_label = QLabel()
        self.print_button = QPushButton()
        self.print_button.setObjectName("objectivesPrint")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("objectivesTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = TrendChart()
        self.title = QLineEdit()
        self.title.setObjectName("objectiveTitle")
        self.measure = QComboBox()
        self.measure.setObjectName("objectiveMeasure")
        self.target = QLineEdit()
        self.target.setObjectName("objectiveTarget")
        self.target.setMaximumWidth(80)
        self.period = QComboBox()
        self.period.setObjectName("objectivePeriod")
        self.add_button = QPushButton()
        self.add_button.setObjectName("objectiveAdd")
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.print_button)
        form = QHBoxLayout()
        form.addWidget(self.title, 3)
        form.addWidget(self.measure, 2)
        form.addWidget(self.target)
        form.addWidget(self.period)
        form.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart, 1)
        layout.addLayout(form)
        self.views: list[Any] = []
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.table.itemSelectionChanged.connect(self._show_trend)
        self.add_button.clicked.connect(lambda: self.add())
        self.retranslate()

    def retranslate(self) -> None:
        from isodesk.domain.qms.objectives import Measure, PeriodKind
        from isodesk.services.qms.objectives import measure_name, period_name

        self.year_label.setText(_("Year:"))
        self.print_button.setText(_("Print the objectives and their plan…"))
        self.table.setHorizontalHeaderLabels([_("Objective"), _("Measure"), _("Target"), _("Actual"), _("Met")])
        self.title.setPlaceholderText(_("A new objective, e.g. Settle dossiers on time"))
        self.target.setPlaceholderText(_("Target"))
        self.add_button.setText(_("Add"))
        current = self.measure.currentData()
        self.measure.clear()
        for m in Measure:
            self.measure.addItem(measure_name(m), m.value)
        if current:
            self.measure.setCurrentIndex(max(0, self.measure.findData(current)))
        current = self.period.currentData()
        self.period.clear()
        for k in PeriodKind:
            self.period.addItem(period_name(k), k.value)
        if current:
            self.period.setCurrentIndex(max(0, self.period.findData(current)))

    def refresh(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.objectives import list_objectives

        year = self.year.value()
        run(self, lambda: list_objectives(ctx, year), self._fill)

    def _fill(self, views: list[Any]) -> None:
        from isodesk.services.qms.objectives import measure_name

        self.views = views
        self.table.setRowCount(len(views))
        for row, o in enumerate(views):
            unit = "%" if o.unit == "%" else (" " + _("days") if o.unit == "days" else (f" {o.unit}" if o.unit else ""))
            sign = "≤" if o.direction == "at_most" else "≥"
            met = "" if o.met is None else (_("Yes") if o.met else _("No"))
            values = (o.title, measure_name(o.measure), f"{sign} {number(o.target)}{unit}",
                      "—" if o.actual is None else f"{number(o.actual)}{unit}", met)  # fmt: skip
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 4 and o.met is False:
                    item.setForeground(WARN)
                self.table.setItem(row, col, item)
        if views:
            self.table.selectRow(0)
        else:
            self.chart.set_values([], 0)

    def _show_trend(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if not rows or min(rows) >= len(self.views):
            return
        o = self.views[min(rows)]
        values = [(p.label, p.actual, p.met) for p in o.periods] or [(str(o.year), o.actual, o.met)]
        self.chart.set_values(values, o.target)

    def add(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.objectives import add_objective

        title, measure, target = self.title.text(), str(self.measure.currentData()), self.target.text()
        period, year = str(self.period.currentData()), self.year.value()

        def done(_view: object) -> None:
            self.title.clear()
            self.target.clear()

        run(
            self,
            lambda: add_objective(ctx, title=title, measure=measure, target=target, year=year, period=period),
            done,
        )
