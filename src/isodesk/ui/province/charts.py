"""The dashboard's two small charts, drawn with QPainter (QtCharts is not in PySide6-Essentials): the on-time rate
of each unit that sent dossier figures, against the 95 % target, and how many units stand at each QMS step."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from isodesk.i18n.numbers import whole_number

GOOD = QColor("#2e7d32")
WARN = QColor("#ef6c00")
BAR = QColor("#2f5d8a")
GRID = QColor("#cccccc")


class UnitRateChart(QWidget):
    """One bar per unit (its code under it when there is room), 0–100 %, the target as a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceRateChart")
        self.rates: list[tuple[str, float]] = []
        self.target = 0.95
        self.empty_text = ""
        self.setMinimumSize(QSize(360, 150))

    def set_rates(self, rates: list[tuple[str, float]]) -> None:
        self.rates = rates
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        text = self.palette().text().color()
        if not self.rates:
            painter.setPen(QPen(text))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()
            return
        left, bottom, top = metrics.horizontalAdvance("100%") + 8, metrics.height() + 6, 8
        width, height = self.width() - left - 8, self.height() - bottom - top
        painter.setPen(QPen(GRID))
        for fraction in (0.0, 0.5, 1.0):
            y = top + height * (1 - fraction)
            painter.drawLine(left, int(y), left + width, int(y))
            painter.drawText(
                0, int(y) - metrics.height() // 2, left - 4, metrics.height(), Qt.AlignmentFlag.AlignRight,
                f"{fraction:.0%}",
            )  # fmt: skip
        target_y = int(top + height * (1 - self.target))
        painter.setPen(QPen(WARN, 1, Qt.PenStyle.DashLine))
        painter.drawLine(left, target_y, left + width, target_y)
        slot = width / len(self.rates)
        labelled = slot >= metrics.horizontalAdvance("00000") + 4
        for i, (code, rate) in enumerate(self.rates):
            x = left + i * slot
            bar = height * rate
            bar_width = min(max(1.0, slot * 0.7), 28.0)
            painter.fillRect(
                QRectF(x + (slot - bar_width) / 2, top + height - bar, bar_width, bar),
                GOOD if rate >= self.target else WARN,
            )
            if labelled:
                painter.setPen(QPen(text))
                painter.drawText(
                    QRectF(x, top + height + 2, slot, metrics.height()), Qt.AlignmentFlag.AlignCenter, code
                )
        painter.end()


class StepChart(QWidget):
    """Horizontal bars: the number of units at each QMS step (and with no figures yet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceStepChart")
        self.counts: list[tuple[str, int]] = []
        self.setMinimumSize(QSize(300, 150))

    def set_counts(self, counts: list[tuple[str, int]]) -> None:
        self.counts = counts
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.counts:
            painter.end()
            return
        metrics = painter.fontMetrics()
        text = self.palette().text().color()
        label = max(metrics.horizontalAdvance(name) for name, _n in self.counts) + 10
        number = metrics.horizontalAdvance("0000") + 6
        width = max(10, self.width() - label - number - 8)
        row = min(self.height() / len(self.counts), metrics.height() * 2.0)
        most = max(1, max(n for _name, n in self.counts))
        for i, (name, count) in enumerate(self.counts):
            y = 4 + i * row
            painter.setPen(QPen(text))
            painter.drawText(
                QRectF(0, y, label - 6, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name
            )
            bar = width * count / most
            painter.fillRect(QRectF(label, y + row * 0.2, bar, row * 0.6), BAR)
            painter.drawText(
                QRectF(label + bar + 4, y, number, row), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                whole_number(count),
            )  # fmt: skip
        painter.end()
